"""The review list's text filters (search, key phrase, tag), done in two steps.

1. :func:`narrowing` gives SQL conditions that keep every question that can match (a superset):
   each Chinese character (and most Latin letters) of the folded query must appear in the
   question's text in one of the spellings :func:`fold` turns into it (traditional 長 for 长,
   the Kangxi radical ⽂ for 文, full-width ｘ for x …), as written or \\u-escaped the way JSON
   columns store it. A query without such characters is not narrowed. Portable: LIKE on the
   text columns and on the JSON columns cast to text (SQLite and PostgreSQL alike).
2. :func:`matches` decides exactly, in Python, with the engine's :func:`fold`, on the text
   columns of those rows only (:data:`MATCH_COLUMNS`); the view then loads one page of them.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from typing import Any

from sqlalchemy import Text, and_, cast, func, or_
from sqlalchemy.sql.elements import ColumnElement

from ..generation.normalize import fold
from ..models import BankQuestion

MAX_ANCHORS = 6  # characters of a query turned into LIKE conditions (enough to narrow)
ESCAPE = "!"


# Latin letters that JSON's \\uXXXX escapes never contain (hex digits and "u" do: a LIKE on them
# would keep every row); "n", "t" and "r" (of \\n, \\t, \\r) only make it a little wider.
_LATIN_ANCHORS = frozenset("ghijklmnopqrstvwxyz")


def _is_anchor(ch: str) -> bool:
    """Characters that narrow well and that fold() never makes by composing others: Chinese
    characters and most Latin letters."""
    return "\u4e00" <= ch <= "\u9fff" or ch in _LATIN_ANCHORS


@lru_cache(maxsize=1)
def _preimages() -> dict[str, tuple[str, ...]]:
    """Anchor character → every other character whose fold() contains it (built once, ~0.4 s)."""
    found: dict[str, list[str]] = {}
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        folded = fold(ch)
        if folded == ch:
            continue
        for target in set(folded):
            if _is_anchor(target):
                found.setdefault(target, []).append(ch)
    return {target: tuple(chars) for target, chars in found.items()}


def _like_literal(text: str) -> str:
    return text.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")


def _spellings(ch: str) -> list[str]:
    """How a folded character can be stored: any character folding to it, as written or as
    JSON writes it (\\uXXXX)."""
    out: list[str] = []
    for form in (ch, *_preimages().get(ch, ())):
        out += [form, json.dumps(form)[1:-1]]
    return list(dict.fromkeys(out))


def _contains_char(haystack: Any, ch: str) -> ColumnElement[bool]:
    return or_(
        *(
            haystack.like(f"%{_like_literal(spelling)}%", escape=ESCAPE)
            for spelling in _spellings(ch)
        )
    )


def _anchors(folded: str) -> list[str]:
    """The query's anchor characters, Chinese ones first (they narrow best)."""
    chars = list(dict.fromkeys(ch for ch in folded if _is_anchor(ch)))
    chars.sort(key=lambda ch: ch.isascii())
    return chars[:MAX_ANCHORS]


def _text(*columns: Any) -> Any:
    """The columns joined into one text to search (JSON ones as their stored text)."""
    parts = [func.coalesce(cast(column, Text), "") for column in columns]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.op("||")(" ").op("||")(part)
    return joined


def narrowing(*, phrase: str = "", tag: str = "", search: str = "") -> list[ColumnElement[bool]]:
    """SQL conditions every question that :func:`matches` satisfies (``phrase`` and ``search``
    already folded)."""
    conditions: list[ColumnElement[bool]] = []
    if search:
        haystack = _text(
            BankQuestion.stem,
            BankQuestion.explanation,
            BankQuestion.options,
            BankQuestion.answer,
            BankQuestion.tags,
        )
        conditions += [_contains_char(haystack, ch) for ch in _anchors(search)]
    if phrase:
        haystack = _text(BankQuestion.keys, BankQuestion.formula)
        conditions += [_contains_char(haystack, ch) for ch in _anchors(phrase)]
    if tag:
        text = cast(BankQuestion.tags, Text)
        spellings = dict.fromkeys([json.dumps(tag, ensure_ascii=False), json.dumps(tag)])
        conditions.append(
            or_(*(text.like(f"%{_like_literal(s)}%", escape=ESCAPE) for s in spellings))
        )
    return [and_(*conditions)] if conditions else []


# What matches() reads: select these, not whole questions, for the candidates.
MATCH_COLUMNS = (
    BankQuestion.id,
    BankQuestion.stem,
    BankQuestion.options,
    BankQuestion.answer,
    BankQuestion.explanation,
    BankQuestion.tags,
    BankQuestion.keys,
    BankQuestion.formula,
)


def searchable(row: Any) -> str:
    parts = [row.stem, *(row.options or []), row.explanation or "", *(row.tags or [])]
    answer = row.answer
    parts += answer if isinstance(answer, list) else [str(answer)]
    return " ".join(str(p) for p in parts)


def matches(row: Any, *, phrase: str = "", tag: str = "", search: str = "") -> bool:
    """The exact rule: the folded key phrase is one of the question's keys or its formula; the
    tag is one of its tags; the folded search text is inside its folded text. ``row`` is a
    question or a row of :data:`MATCH_COLUMNS`."""
    if phrase and not (
        any(fold(k) == phrase for k in row.keys or [])
        or (row.formula and fold(row.formula) == phrase)
    ):
        return False
    if tag and tag not in (row.tags or []):
        return False
    return not (search and search not in fold(searchable(row)))
