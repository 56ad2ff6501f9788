"""Question engine: turn a Chinese study text into questions a 党课 teacher would accept.

Pure Python, no Flask: the web app, the CLI and the benchmark all call the functions below.
See docs/generation.md for the pipeline, step by step.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# (first, on its own: loading it has ``re`` share character classes among the patterns the
# engine's modules compile as they load, see patterns.share_charset_compiles)
from . import patterns  # noqa: F401

# isort: split
from .checking import InvalidAnswer, canonical_response, check_answer
from .doubts import doubt_note
from .hints import blank_lengths, hint_text, stem_shown
from .lexicon import Lexicon, load_lexicon
from .model import BLANK, KIND_LABELS, KINDS, Formula, KeyPhrase, Question
from .reader import DocumentError, decode_text, read_document

if TYPE_CHECKING:
    from .jieba_setup import warm_up
    from .keyphrases import find_key_phrases
    from .pipeline import generate_questions, select

# The generating half (pipeline, builders, keyphrases …: some 300 compiled patterns) is imported
# on first use: the web app reads answers, lexicons and documents on every start, but generates
# or picks a quiz only on some requests (about 0.05 s of a 1.3 s start-up on the fifth session's
# machine).
_LAZY = {
    "generate_questions": "pipeline",
    "select": "pipeline",
    "find_key_phrases": "keyphrases",
    "warm_up": "jieba_setup",
}


_KEPT_CACHES = frozenset(
    f"{__name__}.{m}" for m in ("lexicon", "jieba_setup", "reference", "normalize")
)


def forget_lexicon_caches() -> None:
    """Empty the engine's per-text and per-lexicon caches (``functools.lru_cache``): called when
    a lexicon is replaced (an admin's edit), so the old one and what hangs off it are freed
    rather than kept until evicted. Only modules already imported are touched; the packaged
    lexicon, jieba's word list, the reference table and the folding tables stay (they hold no
    edited lexicon, and reloading them costs a start-up)."""
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith(__name__ + ".") or module is None or name in _KEPT_CACHES:
            continue
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BLANK",
    "KINDS",
    "KIND_LABELS",
    "DocumentError",
    "Formula",
    "InvalidAnswer",
    "KeyPhrase",
    "Lexicon",
    "Question",
    "blank_lengths",
    "canonical_response",
    "check_answer",
    "decode_text",
    "doubt_note",
    "find_key_phrases",
    "generate_questions",
    "hint_text",
    "load_lexicon",
    "read_document",
    "select",
    "stem_shown",
    "warm_up",
]
