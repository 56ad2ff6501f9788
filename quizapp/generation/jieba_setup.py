"""Loading jieba once per process, quietly, with the lexicon's terms as user words.

Nothing here runs at import time: :func:`warm_up` is called lazily by the engine the first time
it needs a cut (or eagerly by a worker that wants the cost paid before its first request).
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from .lexicon import Lexicon, load_lexicon

__all__ = [
    "warm_up",
    "cut",
    "is_loaded",
    "is_word",
    "word_frequency",
    "is_common_word",
    "word_tag",
    "word_table",
    "word_ends",
    "word_end_at",
    "cached_word_ends",
    "dictionary_version",
]

_lock = threading.Lock()
_tokenizer: Any = None
_words_added: set[int] = set()  # id() of lexicons whose words were added
LEXICON_WORD_FREQ = 50000  # the count a lexicon's word is added with (it reads as a word)
_dictionary_version = 0  # bumped whenever words are added: cached boundaries go stale


def _load() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba  # deferred: about 0.1 s to import, 0.6 s more to load the dictionary

                jieba.setLogLevel(logging.WARNING)
                logging.getLogger("jieba").setLevel(logging.WARNING)
                jieba.initialize()
                _tokenizer = jieba
    return _tokenizer


def _add_words(lexicon: Lexicon) -> None:
    global _dictionary_version
    if id(lexicon) in _words_added:
        return
    jieba = _load()
    with _lock:
        if id(lexicon) in _words_added:
            return
        for word in lexicon.user_words():
            jieba.add_word(word, freq=LEXICON_WORD_FREQ)
        _words_added.add(id(lexicon))
        _dictionary_version += 1


_default_ready = False  # the packaged lexicon's words are in: the common case, checked first


def warm_up(lexicon: Lexicon | None = None) -> None:
    """Load jieba's dictionary and the lexicon's user words (once per process)."""
    global _default_ready
    if lexicon is None:
        if _default_ready:
            return  # called before every dictionary look-up: keep the usual path a flag test
        _add_words(load_lexicon())
        _default_ready = True
        return
    _add_words(lexicon)


def is_loaded() -> bool:
    return _tokenizer is not None


def is_word(word: str) -> bool:
    """Is ``word`` in jieba's dictionary (or a user word)?"""
    if not _default_ready:  # (asked thousands of times a text: the flag without the call)
        warm_up()
    return bool(_tokenizer.dt.FREQ.get(word))


def word_table() -> dict[str, int]:
    """jieba's word table: every word with its count, and every prefix of a word with 0 (so a
    string absent from it begins no word: a caller growing a string stops there)."""
    if not _default_ready:
        warm_up()
    table: dict[str, int] = _tokenizer.dt.FREQ
    return table


def word_frequency(word: str) -> int:
    """jieba's count for ``word`` (0 when unknown; a lexicon word reads as
    :data:`LEXICON_WORD_FREQ`)."""
    if not _default_ready:
        warm_up()
    return int(_tokenizer.dt.FREQ.get(word) or 0)


# everyday vocabulary: jieba counts it this often or more (人才, 教育, 组织)
COMMON_WORD_FREQ = 100


def is_common_word(word: str) -> bool:
    """Is ``word`` everyday vocabulary: jieba counts it :data:`COMMON_WORD_FREQ` times or more
    and it is none of the lexicon's words (which read :data:`LEXICON_WORD_FREQ`)?"""
    return COMMON_WORD_FREQ <= word_frequency(word) != LEXICON_WORD_FREQ


# the part of speech of jieba's common two-character verbs, adjectives and function words
# (bench/word_tags.py):
# importing jieba.posseg for them would read the whole tagged dictionary, some 0.3 s a process
_TAGS_PATH = Path(__file__).resolve().parent.parent / "data" / "word_tags.tsv"


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    lines = _TAGS_PATH.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line)


def word_tag(word: str) -> str:
    """jieba's part of speech of a common two-character verb or adjective (v, vn, a, an) or
    function word (p, d, c); "" for any other word (a noun, a rare word, a longer one)."""
    return _word_tags().get(word, "")


# adverbs of time and certainty that stand before a copula (发展仍然是…); jieba tags more words
# "d" (自然, 首都), so the list is written out
_COPULA_ADVERBS = ("仍然", "依然", "依旧", "始终", "一直", "已经", "正在", "永远", "必然", "必将")
_COPULA_ADVERBS += ("仍将", "将会", "历来", "向来", "从来", "本来", "终将", "往往", "总是")


def ends_on_adverb(phrase: str) -> bool:
    """Does ``phrase`` close on an adverb of the predicate (发展仍然, 我国依然)? Such a phrase
    is a subject with the adverb attached, never a key: （发展仍然）是…第一要务."""
    return len(phrase) > 2 and phrase.endswith(_COPULA_ADVERBS)


def cut(text: str, lexicon: Lexicon | None = None, *, hmm: bool = True) -> list[str]:
    """jieba's precise-mode cut of ``text``, with the lexicon's words kept whole.

    ``hmm=False`` skips jieba's guessing of unknown words: enough (and faster) when only the
    word boundaries of known words matter.
    """
    warm_up(lexicon)
    return _tokenizer.lcut(text, HMM=hmm)


def dictionary_version() -> int:
    """A number that changes whenever words are added to jieba's dictionary (loaded first):
    part of the key of any cache over word boundaries, which new words may move."""
    if not _default_ready:  # (asked for every cached cut: the flag without the call)
        warm_up()
    return _dictionary_version


def cached_word_ends(text: str) -> tuple[int, ...]:
    """:func:`word_ends` of ``text``, cached (the same list edges are cut on every call)."""
    return _word_ends_cached(text, dictionary_version())


@lru_cache(maxsize=16384)
def _word_ends_cached(text: str, version: int) -> tuple[int, ...]:
    del version  # part of the cache key only
    return tuple(word_ends(text))


def word_end_at(text: str, i: int, max_len: int = 8) -> int:
    """Where the word starting at ``i`` ends: one step of :func:`word_ends` (the same ends,
    for a caller that needs only the first words of a text)."""
    warm_up()
    return _longest_word_end(_tokenizer.dt.FREQ, text, i, min(len(text), i + max_len))


def _longest_word_end(freq: dict[str, int], text: str, i: int, limit: int) -> int:
    """The end of the longest dictionary word starting at ``i`` (at most ``limit``): jieba's
    FREQ holds every prefix of its words (0 when not a word itself), so, as in jieba's own
    get_DAG, the search grows the candidate and stops at the first one no word starts with,
    rather than trying every length from the longest down."""
    end, j = i + 1, i + 2
    while j <= limit:
        count = freq.get(text[i:j])
        if count is None:
            break
        if count:
            end = j
        j += 1
    return end


def word_ends(text: str, max_len: int = 8) -> list[int]:
    """Word boundaries of a short ``text`` by forward maximum matching on jieba's dictionary.

    Cheaper than a full cut for a dozen characters, and enough to tell 做到|以德为先 apart:
    returns the offsets (0 … len(text)) where a word ends.
    """
    warm_up()
    get = _tokenizer.dt.FREQ.get
    ends = [0]
    i, n = 0, len(text)
    while i < n:
        # _longest_word_end, inlined: a call per word is a good part of the cost of a cut
        end, j, limit = i + 1, i + 2, min(n, i + max_len)
        while j <= limit:
            count = get(text[i:j])
            if count is None:
                break
            if count:
                end = j
            j += 1
        ends.append(end)
        i = end
    return ends
