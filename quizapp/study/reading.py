"""The reading page 学习原文: a material's text cut into parts, with its key phrases marked.

Pure functions over the text and the key phrases cached on the material (offsets into the text).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..generation.model import BLANK

# One part of a long material holds about this many characters (≈ 15 KB compressed on the wire).
PART_CHARS = 6000


@dataclass(frozen=True)
class Segment:
    text: str
    key: int | None = None  # index of the phrase in the phrase list (linked), or plain text


@dataclass(frozen=True)
class Paragraph:
    start: int
    segments: tuple[Segment, ...]


def phrase_index(phrases: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Phrase text → the index of its first entry: one link per distinct phrase."""
    index: dict[str, int] = {}
    for i, phrase in enumerate(phrases):
        index.setdefault(str(phrase.get("text", "")), i)
    return index


def non_overlapping(phrases: Sequence[dict[str, Any]], length: int) -> list[tuple[int, int, int]]:
    """(start, end, link index) of the marks, left to right, longest first where they overlap."""
    first = phrase_index(phrases)
    spans = []
    for phrase in phrases:
        try:
            start, end = int(phrase["start"]), int(phrase["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= start < end <= length:
            spans.append((start, -(end - start), end, first[str(phrase.get("text", ""))]))
    spans.sort()
    marks: list[tuple[int, int, int]] = []
    last_end = 0
    for start, _neg, end, key in spans:
        if start >= last_end:
            marks.append((start, end, key))
            last_end = end
    return marks


def paragraphs(text: str, phrases: Sequence[dict[str, Any]] = ()) -> list[Paragraph]:
    """The text's non-empty lines, each cut into plain and marked segments."""
    marks = non_overlapping(phrases, len(text))
    out: list[Paragraph] = []
    pos = 0
    m = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        while m < len(marks) and marks[m][0] < start:
            m += 1
        segments: list[Segment] = []
        cursor = start
        j = m
        while j < len(marks) and marks[j][1] <= end:
            mark_start, mark_end, key = marks[j]
            if mark_start > cursor:
                segments.append(Segment(text[cursor:mark_start]))
            segments.append(Segment(text[mark_start:mark_end], key))
            cursor = mark_end
            j += 1
        if cursor < end:
            segments.append(Segment(text[cursor:end]))
        out.append(Paragraph(start, tuple(segments)))
    return out


def split_parts(paras: Sequence[Paragraph], limit: int = PART_CHARS) -> list[list[Paragraph]]:
    """Group paragraphs into parts of about `limit` characters (a long paragraph stands alone)."""
    parts: list[list[Paragraph]] = []
    current: list[Paragraph] = []
    size = 0
    for para in paras:
        length = sum(len(s.text) for s in para.segments)
        if current and size + length > limit:
            parts.append(current)
            current, size = [], 0
        current.append(para)
        size += length
    if current:
        parts.append(current)
    return parts or [[]]


# A key this short (学习, 人民) is often a piece of a longer word in the source (学习型政党,
# 学习大国): it is marked only where the question asks it (see _asked_starts).
SHORT_KEY = 2


def _occurrences(text: str, key: str) -> list[int]:
    starts, start = [], text.find(key)
    while start != -1:
        starts.append(start)
        start = text.find(key, start + len(key))
    return starts


def _asked_starts(text: str, key: str, stem: str) -> list[int]:
    """The occurrences of a short key in the source that the question asks: those with the
    character just before or just after it the same as next to a blank of the stem (增强（　　）
    本领 → 增强学习本领, not 学习型政党) or next to the key where the stem writes it (a judge
    or choice stem). No word cut (jieba is too heavy for a page): the stem is the question's
    own record of the place. When no occurrence fits (a stem that rewords the source), every
    occurrence is marked, as before."""
    starts = _occurrences(text, key)
    if len(key) > SHORT_KEY or not stem or len(starts) < 2:
        return starts
    before: set[str] = set()
    after: set[str] = set()
    for piece, size in ((BLANK, len(BLANK)), (key, len(key))):
        for at in _occurrences(stem, piece):
            before.add(stem[at - 1 : at])
            after.add(stem[at + size : at + size + 1])
    before.discard("")
    after.discard("")
    asked = [
        s
        for s in starts
        if text[s - 1 : s] in before or text[s + len(key) : s + len(key) + 1] in after
    ]
    return asked or starts


def mark_keys(text: str, keys: Iterable[str], stem: str = "") -> Markup:
    """The text, escaped, with the keys wrapped in <mark>: every occurrence of a key, longest
    key first; a short key only where the question's `stem` asks it (_asked_starts)."""
    wanted = sorted({k for k in keys if k and isinstance(k, str)}, key=len, reverse=True)
    if not text:
        return Markup("")
    spans: list[tuple[int, int]] = []
    taken = [False] * len(text)
    for key in wanted:
        for start in _asked_starts(text, key, stem):
            end = start + len(key)
            if not any(taken[start:end]):
                spans.append((start, end))
                for i in range(start, end):
                    taken[i] = True
    spans.sort()
    out = []
    cursor = 0
    for start, end in spans:
        out.append(escape(text[cursor:start]))
        out.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        cursor = end
    out.append(escape(text[cursor:]))
    return Markup("").join(out)


def marked_source(question: Any) -> Markup:
    """A question's source sentence with its keys and, for a 填空, its answers marked (a short
    key only where the stem asks it: ``mark_keys``): the 原文 under a question answered in a
    练习, the 错题本 and a revealed 答题赛 paper."""
    keys = list(question.keys or [])
    if question.kind == "cloze" and isinstance(question.answer, list):
        keys += [a for a in question.answer if isinstance(a, str)]
    return mark_keys(question.source, keys, question.stem)
