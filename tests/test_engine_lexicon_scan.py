"""The lexicon's Aho-Corasick scans find exactly what the trie regexes they replace found."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from quizapp.generation.lexicon import (
    Lexicon,
    _alternation,
    _RegexScanner,
    _word_scanner,
    _WordScanner,
    load_lexicon,
)
from quizapp.generation.model import Formula

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "bench" / "heldout_texts").glob("*.txt")) + [
    ROOT / "quizapp" / "data" / "seed_speech.txt"
]


def _regex_scan(words: list[str], text: str) -> list[tuple[str, int, int]]:
    """The reference: ``finditer`` of the trie alternation the lexicon used to compile."""
    pattern = _alternation(words)
    assert pattern is not None
    return [(m.group(0), m.start(), m.end()) for m in pattern.finditer(text)]


def _word_lists(lexicon: Lexicon) -> dict[str, list[str]]:
    """The four word lists the lexicon scans for (by its scanner's attribute), in its order."""
    by_length = {"key": lambda w: (-len(w), w)}
    return {
        "_list_item_scan": sorted((i for i in lexicon._list_index if len(i) >= 2), **by_length),
        "_term_scan": sorted(lexicon.terms, **by_length),
        "_name_scan": sorted(lexicon._by_name, **by_length),
        "_member_scan": sorted(lexicon._member_owner, **by_length),
    }


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="module")
def references(lexicon) -> dict[str, tuple[list[str], re.Pattern[str]]]:
    out = {}
    for kind, words in _word_lists(lexicon).items():
        pattern = _alternation(words)
        assert pattern is not None
        out[kind] = (words, pattern)
    return out


def _samples(text: str, rng: random.Random, n: int) -> list[str]:
    """Random pieces of ``text``: sentences' worth and short ones that cut words apart."""
    pieces = [text]
    for _ in range(n):
        a = rng.randrange(len(text))
        pieces.append(text[a : a + rng.choice((1, 2, 3, 5, 8, 20, 80, 400))])
    return pieces


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_scans_equal_the_regex_on_every_text(path, lexicon, references) -> None:
    text = path.read_text(encoding="utf-8")
    rng = random.Random(path.name)
    for kind, (_, pattern) in references.items():
        scanner = getattr(lexicon, kind)
        for piece in _samples(text, rng, 300):
            expected = [(m.group(0), m.start(), m.end()) for m in pattern.finditer(piece)]
            assert scanner.scan(piece) == expected, (kind, piece)


def test_the_scans_equal_the_regex_on_texts_made_of_the_words(lexicon, references) -> None:
    """Texts dense with the words, overlapping and nested (the hard cases for leftmost-longest)."""
    rng = random.Random(7)
    for words, pattern in references.values():
        scanner = _WordScanner(words)
        for _ in range(400):
            parts = []
            for _ in range(rng.randrange(1, 8)):
                word = rng.choice(words)
                # a word, a piece of one, or two words run together with an overlap
                a = rng.randrange(len(word))
                parts.append(rng.choice((word, word[a:], word[:a], word + rng.choice(words))))
                parts.append(rng.choice(("", "、", "和", "“", "”", "的")))
            text = "".join(parts)
            expected = [(m.group(0), m.start(), m.end()) for m in pattern.finditer(text)]
            assert scanner.scan(text) == expected, text


@pytest.mark.parametrize(
    ("words", "text"),
    [
        (["ab", "abcd", "bc"], "abcde"),  # the longest at one start
        (["abcx", "bc"], "abcd"),  # a longer word that fails: the shorter one later
        (["ab", "bcd"], "abcd"),  # leftmost before longest
        (["aa"], "aaaaa"),  # overlapping occurrences of one word
        (["a", "aa", "aaa"], "aaaaaaa"),
        (["ab", "b"], "abb"),
        (["中央八项规定", "八项规定", "中央"], "中央八项规定精神和八项规定"),
        (["x"], ""),
        (["abc"], "ab"),
        (["a.c", "a*"], "abc a.c a*"),  # regex characters are plain characters
    ],
)
def test_edge_cases_equal_the_regex(words, text) -> None:
    words = sorted(words, key=lambda w: (-len(w), w))
    assert _WordScanner(words).scan(text) == _regex_scan(words, text)


def test_an_empty_word_keeps_the_regex() -> None:
    scanner = _word_scanner(["ab", ""])
    assert isinstance(scanner, _RegexScanner)
    assert scanner.scan("xab") == _regex_scan(["ab", ""], "xab")
    assert _word_scanner([]) is None


def test_each_lexicon_scans_its_own_words() -> None:
    """An admin's overlay builds another lexicon: its automaton is its own."""
    small = Lexicon([Formula(name="四个意识", members=("政治意识", "大局意识"))], {"c": ["大局"]})
    assert small.find_terms("增强大局意识") == [("大局", 2, 4)]
    assert [h.formula.name for h in small.find_names("增强四个意识")] == ["四个意识"]
    assert load_lexicon().find_terms("增强大局意识") != small.find_terms("增强大局意识")
