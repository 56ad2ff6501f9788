"""Regexes searched faster, with the same matches.

``re`` skips ahead to where a match can start only when a pattern opens on a fixed string or
on one class of characters. A pattern made of alternatives that each open on their own
characters (我…|表示…|安排…) or on a group of them gets no such help: every alternative is
tried at every character of the string. :func:`opening_guarded` puts a lookahead of the
characters a match can open on before such a pattern: one class test per character, then the
alternatives only where one of them may start. The lookahead is zero-width and captures
nothing, so matches, groups and their offsets are the pattern's own.
"""

from __future__ import annotations

import re
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["opening_class", "opening_guarded", "split_opening", "share_charset_compiles"]

_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _class_items(items: list) -> list[str] | None:
    """The class text of an ``IN`` node's items, or None (a negated class, a category other
    than digits: too many characters to list)."""
    out: list[str] = []
    for op, av in items:
        if op is sre_c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is sre_c.RANGE:
            out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is sre_c.CATEGORY and av is sre_c.CATEGORY_DIGIT:
            out.append(r"\d")
        else:
            return None
    return out


def _opening(nodes: list) -> list[str] | None:
    """The class items of every character a match of ``nodes`` (a parsed sequence) can open
    on, or None when that is not known (an empty match is possible, an anchor, a lookaround,
    a wildcard, a negated class, a back reference …)."""
    if not nodes:
        return None
    op, av = nodes[0]
    if op is sre_c.LITERAL:
        return [re.escape(chr(av))]
    if op is sre_c.IN:
        return _class_items(av)
    if op is sre_c.SUBPATTERN:
        # (a group's own flags, (?i:…), would make its characters match others: not listed)
        return None if av[1] or av[2] else _opening(list(av[3].data))
    if op is sre_c.BRANCH:
        out: list[str] = []
        for branch in av[1]:
            found = _opening(list(branch.data) if hasattr(branch, "data") else list(branch))
            if found is None:
                return None
            out.extend(found)
        return out
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[0] >= 1:
        return _opening(list(av[2].data) if hasattr(av[2], "data") else list(av[2]))
    return None


def opening_class(pattern: str, flags: int = 0) -> str | None:
    """The character class (``[…]``) of the characters a match of ``pattern`` can open on, or
    None when the pattern may match empty or opens on something other than characters."""
    if _GLOBAL_FLAGS.match(pattern):
        return None  # ((?i)…: its flags must stay first, and would make others match)
    parsed = sre_parse.parse(pattern, flags)
    items = _opening(list(parsed.data))
    if not items:
        return None
    return "[" + "".join(dict.fromkeys(items)) + "]"


def opening_guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled with a lookahead of its opening characters before it (see the
    module's docstring); compiled as it is when they are not known."""
    guard = opening_class(pattern, flags)
    if guard is None:
        return re.compile(pattern, flags)
    return re.compile(f"(?={guard})(?:{pattern})", flags)


def _top_branches(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``'s source (split on ``|`` outside groups and
    classes; a ``]`` first in a class, ``[]…]`` or ``[^]…]``, is one of its characters)."""
    out: list[str] = []
    depth, start, i, n = 0, 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 1
            if pattern.startswith("^", i):
                i += 1
            if pattern.startswith("]", i):
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def split_opening(pattern: re.Pattern[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str]]:
    """(the alternatives of ``pattern`` anchored by ``^``, without it, to be tried with
    ``match``; the others, :func:`opening_guarded`, to be searched): ``pattern.search(s)``
    finds something exactly when one of them does. A pattern without MULTILINE only, whose
    ``^`` alternatives hold their anchor first (``^今天…``)."""
    assert not pattern.flags & re.MULTILINE
    branches = _top_branches(pattern.pattern)
    anchored = [b[1:] for b in branches if b.startswith("^")]
    anywhere = [b for b in branches if not b.startswith("^")]
    opening = re.compile("|".join(anchored), pattern.flags) if anchored else None
    return opening, opening_guarded("|".join(anywhere), pattern.flags)


# ``re`` turns each character class into its compiled form (``_optimize_charset``) by marking
# every character of every range in a 65,536-entry map, one Python step per character: a Han
# range [一-鿿] costs about a millisecond, and the ~370 patterns the engine compiles as its
# modules load ask for ~1,000 classes (387 distinct; 15 with a large range), some 0.15 s of a
# cold start. The result depends only on the class's items and the case-folding helpers passed
# in, and its callers only read it (they copy it into the pattern's code), so one class is
# worked out once per process and handed back to every pattern that holds it: the compiled
# code is the same.
_charset_memo: dict[tuple, tuple[list, bool]] = {}
_CHARSET_MEMO_MAX = 4096  # (~410 once the engine has generated a few texts)


def _shared_charset(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None):
    try:
        key = (tuple(charset), iscased, fixup, None if fixes is None else id(fixes))
        got = _charset_memo.get(key)
    except TypeError:  # (an item that cannot be hashed: worked out as usual)
        return _plain_charset(charset, iscased, fixup, fixes)
    if got is None:
        if len(_charset_memo) >= _CHARSET_MEMO_MAX:
            _charset_memo.clear()  # (a process compiling patterns made on the fly: kept bounded)
        got = _charset_memo[key] = _plain_charset(charset, iscased, fixup, fixes)
    out, hascased = got
    return list(out), hascased


_plain_charset = getattr(sre_compile, "_optimize_charset", None)


def share_charset_compiles() -> None:
    """Have ``re`` work out each distinct character class once per process (see above); a
    Python whose ``re`` has no ``_optimize_charset`` of this form is left as it is."""
    if _plain_charset is not None and sre_compile._optimize_charset is _plain_charset:
        sre_compile._optimize_charset = _shared_charset


# (on import: the engine's package loads this module before its others)
share_charset_compiles()
