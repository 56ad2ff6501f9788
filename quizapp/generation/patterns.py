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
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

__all__ = ["opening_class", "opening_guarded", "split_opening"]

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
