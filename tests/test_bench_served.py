"""bench/served_judged.py reads which key type gave each question its rank's key score, and
how well the rank orders a text's judged questions of one kind (its AUC)."""

from __future__ import annotations

import sys
from pathlib import Path

from quizapp.generation import builders, generate_questions, load_lexicon
from quizapp.generation.model import BLANK, Question

ROOT = Path(__file__).resolve().parent.parent
_PATH = list(sys.path)
sys.path.insert(0, str(ROOT / "bench"))
from served_judged import key_types, rank_auc  # noqa: E402

sys.path[:] = _PATH  # (bench/coverage.py must not stand for the coverage package)

SEED_TEXT = (ROOT / "quizapp" / "data" / "seed_speech.txt").read_text(encoding="utf-8")


def test_a_subheadings_question_is_told_a_heading_key_and_the_builders_are_restored() -> None:
    first_good = builders._first_good
    with key_types() as types:
        bank = generate_questions(SEED_TEXT, seed=0)
    assert builders._first_good is first_good
    heading = next(q for q in bank if q.template == "heading_single" and q.answer == "思想教育从严")
    assert types[heading.id] == "heading"
    assert {"heading", "quotation", "quoted", "term"} <= set(types.values())
    lexicon_made = [q for q in bank if q.template.startswith("lex_")]
    assert lexicon_made and not any(q.id in types for q in lexicon_made)  # no key's score


def _cloze(qid: str, score: float, kind: str = "cloze") -> Question:
    return Question(
        id=qid,
        kind=kind,
        stem=f"坚持{BLANK}，推动各项工作落到实处，这是一个足够长的来源句子{qid}",
        options=[],
        answer=["从严治党"],
        keys=["从严治党"],
        source="坚持从严治党，推动各项工作落到实处，这是一个足够长的来源句子。",
        explanation="",
        template="cloze",
        pick_score=score,
    )


def test_the_rank_auc_counts_pairs_of_one_kind_by_the_rank_without_jitter() -> None:
    lexicon = load_lexicon()
    bank = [_cloze("a", 0.9), _cloze("b", 0.6), _cloze("c", 0.1, kind="single")]
    assert rank_auc(bank, {"a": 1.0, "b": 0.0, "c": 0.0}, lexicon) == (1.0, 1.0)
    assert rank_auc(bank, {"a": 0.0, "b": 1.0, "c": 1.0}, lexicon) == (0.0, 1.0)
    assert rank_auc(bank, {"a": 1.0, "c": 0.0}, lexicon) == (0.0, 0.0)  # not compared
