"""Frames other study texts fill with another word of a cloze key's length.

A plain 填空 shows its key's length (〔4字〕), so it is open when another word of that length fits
its frame. ``quizapp/data/frame_fillers.tsv`` (``bench/frame_fillers.py`` rebuilds it) records,
for the reference texts of ``reference.py``, each frame — the two characters before a phrase and
the character after it, any mark read as ``。`` — with the words of jieba's own dictionary of
three to eight characters standing in it, and the texts having each. ``勇于（　　）。`` is filled
by 攻坚克难, 坚持真理 and 改革开放 there, so 勇于（担当作为）。 is open. A list item (、 or 和/与/及
at the blank) is left alone: its list pins it; so is a lead ending on 的/之. Measured on the
reviewed plain 填空 (docs/generation.md, "Frames other texts fill with another word of the key's
length").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .reference import read_table, text_ids

FRAMES_PATH = Path(__file__).resolve().parent.parent / "data" / "frame_fillers.tsv"
MIN_LEN, MAX_LEN = 3, 8  # the key lengths the table covers
CLOSE = "。"  # any mark after a phrase, or the end of the stem
_LIST_JOINS = "和与及"
# a lead ending on a particle is no frame: 的 takes any noun (…的（第一动力）, …的（根本宗旨）)
_PARTICLES = "的之"


def has_mark(s: str) -> bool:
    """Does ``s`` hold punctuation or a space (anything but a letter, digit or 汉字)?"""
    return any(not c.isalnum() for c in s)


def is_lead(s: str) -> bool:
    """Can ``s`` open a frame: two characters, no mark?"""
    return len(s) == 2 and not has_mark(s)


def closing(c: str) -> str:
    """A frame's closing character: ``c`` itself, or :data:`CLOSE` for a mark or the end."""
    return c if c and not has_mark(c) else CLOSE


def _fillers(value: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """A frame's fillers with the reference ids having each (``word:3,17 word:5``)."""
    return tuple(
        (word, text_ids(ids)) for word, ids in (f.rsplit(":", 1) for f in value.split(" "))
    )


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], dict[str, tuple[tuple[str, tuple[int, ...]], ...]]]:
    """(document key → reference id, frame → its fillers with the reference ids having them);
    read on first use only (start-up does not pay for it)."""
    return read_table(FRAMES_PATH, _fillers)


def frame_mates(stem: str, blank: str, key: str, spellings, document: str) -> list[str]:
    """The words of ``key``'s length that a reference text other than ``document`` (a
    ``document_key``) has in the frame of ``stem``'s one ``blank``, other than ``key``, its
    ``spellings`` and the words the stem prints; [] for a list item, a key outside
    :data:`MIN_LEN`–:data:`MAX_LEN` or a blank with no two-character lead."""
    at = stem.find(blank)
    if at < 0 or stem.count(blank) != 1 or not MIN_LEN <= len(key) <= MAX_LEN:
        return []
    lead, after = stem[max(0, at - 2) : at], stem[at + len(blank) : at + len(blank) + 1]
    if not is_lead(lead) or lead[-1] in _LIST_JOINS + _PARTICLES or after in ("、", *_LIST_JOINS):
        return []
    documents, table = _table()
    own = documents.get(document)
    skip = {key, *spellings}
    return [
        word
        for word, ids in table.get(lead + closing(after), ())
        if len(word) == len(key)
        and word not in skip
        and word not in stem
        and any(i != own for i in ids)
    ]
