"""The field of a lure: the specific words the reference texts write beside it.

A choice question's lure of the key's shape but another field is ruled out at once: 养老服务体系
or 全球治理体系 after 完善军民融合（　　）, 城镇化 beside 融合机器人、（数字化）、新材料 (blind14
rounds KA–KL). ``quizapp/data/lure_fields.tsv`` (``bench/lure_fields.py`` rebuilds it) records,
for each phrase a lure may be drawn from outside the text, the *field words* of the sentences
where the reference texts write it: jieba words of two to six characters that few reference
texts write (:data:`SPECIFIC_TEXTS`), so 军民, 养老, 机器人 count and 发展, 完善, 体系 do not. A
lure the text does not write is of the stem's field when one of its field words is a word of
the stem (:func:`of_field`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .jieba_setup import cut, dictionary_version
from .lexicon import Lexicon

FIELDS_PATH = Path(__file__).resolve().parent.parent / "data" / "lure_fields.tsv"
# a word at most this many reference texts (of some 56) write names a field; more, it is common
SPECIFIC_TEXTS = 12
HAN_WORD = re.compile("[\u4e00-\u9fff]+")
_MIN_WORD, _MAX_WORD = 2, 6


def words(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """The words of jieba's cut of ``text`` (no guessing of unknown words) that can name a field:
    two to six characters, 汉字 only."""
    return [
        w
        for w in cut(text, lexicon, hmm=False)
        if _MIN_WORD <= len(w) <= _MAX_WORD and HAN_WORD.fullmatch(w)
    ]


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """phrase → its field words as written (space-separated); read on first use only (start-up
    does not pay for it). A line is split when its phrase is first asked about: a text asks of
    a few hundred phrases, and 7,000 split sets would cost some 40 MB and 0.1 s to build."""
    table: dict[str, str] = {}
    if not FIELDS_PATH.is_file():
        return table
    for line in FIELDS_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            phrase, _, value = line.partition("\t")
            table[phrase] = value
    return table


@lru_cache(maxsize=8192)
def _split(value: str) -> frozenset[str]:
    return frozenset(value.split(" ")) if value else frozenset()


def field_words(phrase: str) -> frozenset[str] | None:
    """The field words of ``phrase`` in the reference texts, or None when none writes it."""
    value = _table().get(phrase)
    return None if value is None else _split(value)


@lru_cache(maxsize=4096)
def _stem_words(stem: str, version: int) -> frozenset[str]:
    return frozenset(words(stem))


def of_field(lure: str, stem: str, document: str, items: tuple[str, ...] = ()) -> bool:
    """Is ``lure`` of the field of ``stem`` and the list ``items`` it is drawn for (a blanked
    多选's items are not in its stem): written in the ``document`` itself (the text's own
    phrases are of its field), or written in a reference text beside a word the stem or an item
    has? Without the table (not built) every lure is."""
    if not _table() or lure in document:
        return True
    found = field_words(lure)
    if not found:
        return False
    version = dictionary_version()
    return not found.isdisjoint(_stem_words(stem, version)) or any(
        not found.isdisjoint(_stem_words(item, version)) for item in items
    )
