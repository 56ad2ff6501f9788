"""Rebuild ``quizapp/data/word_tags.tsv``: the verbs, adjectives and function words among
jieba's two-character dictionary words, with their part of speech.

The engine asks a part of speech only of a few two-character words (the openings of a run of
items sharing their last word: 打动人心、温暖人心 …, ``builders.rhetoric_run``). jieba.posseg
would answer, but importing it reads the whole tagged dictionary (about 0.3 s per process), so
the few tags needed are kept in a small table: words tagged v, vn, a or an (verbs and
adjectives), p, d or c (prepositions, adverbs, conjunctions) whose frequency is
at least ``MIN_FREQ`` (rarer words are left out: a missing tag reads as "not a verb").

    .venv/bin/python bench/word_tags.py
"""

from __future__ import annotations

from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "quizapp" / "data" / "word_tags.tsv"
TAGS = ("v", "vn", "a", "an", "p", "d", "c")
MIN_FREQ = 100


def main() -> None:
    source = Path(jieba.__file__).with_name("dict.txt")
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split()
        if len(word) == 2 and tag in TAGS and int(freq) >= MIN_FREQ:
            rows.append(f"{word}\t{tag}")
    OUT.write_text("\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"{len(rows)} words → {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
