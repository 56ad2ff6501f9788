"""URL rules whose builders are compiled when `url_for` first needs them.

Werkzeug compiles two URL builders per rule as it is added (an AST put together and passed to
`compile()`): about a fifth of a second for the app's hundred rules, paid by every worker and
every `flask` command at start, though a process builds URLs for only some endpoints
(docs/generation.md, "Seventeenth session: start-up"). The rule matching requests is compiled
at once, as before; only the builders wait, each for its first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkzeug.routing import Rule


class LazyBuilderRule(Rule):
    """A werkzeug `Rule` that compiles each URL builder at its first call."""

    def _compile_builder(self, append_unknown: bool = True) -> Callable[..., tuple[str, str]]:
        compile_now = super()._compile_builder
        built: list[Callable[..., tuple[str, str]]] = []

        def build(rule: Rule, /, **values: Any) -> tuple[str, str]:
            if not built:  # two threads may both compile it: the same function, no harm
                built.append(compile_now(append_unknown))
            return built[0](rule, **values)

        return build
