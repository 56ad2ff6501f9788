"""Which key phrases other study texts use too: a table built from public texts of the genre.

A plain 填空 whose key neither the lexicon knows nor any other study text uses was the weakest
question the blind reviews met: 44 of 96 usable as is (46%), against 79 of 86 (92%) when another
text of the reference set has the same key (docs/quality.md, seventh session; the rounds on texts
no rule was made from). Such a key is the text's own coinage or wording (操心事、烦心事,
讲真话、交真心、诉真情, a local project's name) as often as a 提法 a teacher tests.

``quizapp/data/reference_keys.tsv`` holds, for each key phrase the engine finds in the reference
texts (the bundled speech, ``../shared/corpus`` and ``bench/heldout_texts`` except texts kept
blind), the texts that have it; ``bench/reference_keys.py`` rebuilds it. A text that is itself
one of the references does not count for its own keys (so a reference text is judged as a new one).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

V = TypeVar("V")

REFERENCE_PATH = Path(__file__).resolve().parent.parent / "data" / "reference_keys.tsv"


def read_table(path: Path, parse: Callable[[str], V]) -> tuple[dict[str, int], dict[str, V]]:
    """(document key → reference id, entry → ``parse`` of its value) of a table built over the
    reference texts: ``#doc`` lines number the texts, each other line is ``entry\tvalue``."""
    documents: dict[str, int] = {}
    entries: dict[str, V] = {}
    if not path.is_file():
        return documents, entries
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#doc\t"):
            _, number, document = line.split("\t")
            documents[document] = int(number)
        elif line and not line.startswith("#"):
            entry, value = line.split("\t")
            entries[entry] = parse(value)
    return documents, entries


@lru_cache(maxsize=8192)
def text_ids(value: str) -> tuple[int, ...]:
    """The reference ids of a table value (``3,17,20``)."""
    return tuple(int(i) for i in value.split(","))


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], dict[str, str]]:
    """(document key → reference id, key phrase → the reference ids having it, as written):
    each value is read (:func:`text_ids`) when its phrase is asked about, a few hundred a text;
    reading all ~10,000 as the table loaded was two thirds of its 30 ms, paid by a cold start's
    first generation."""
    return read_table(REFERENCE_PATH, str)


def _ids_of(keys: dict[str, str], phrase: str) -> tuple[int, ...]:
    value = keys.get(phrase)
    return () if value is None else text_ids(value)


def established(phrase: str, document: str) -> bool:
    """Does a reference text other than ``document`` (a ``document_key``) have ``phrase``?
    Without the table (not built yet) every phrase is: nothing is held back."""
    documents, keys = _table()
    if not keys:
        return True
    found = _ids_of(keys, phrase)
    own = documents.get(document)
    return any(i != own for i in found)


def texts_having(phrase: str, document: str) -> frozenset[int] | None:
    """The reference texts other than ``document`` that have ``phrase``; None without the
    table (not built yet), when every phrase counts as established."""
    documents, keys = _table()
    if not keys:
        return None
    own = documents.get(document)
    return frozenset(i for i in _ids_of(keys, phrase) if i != own)
