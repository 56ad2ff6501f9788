"""The length hint of a cloze blank (generation.hints): what the learner is told per blank."""

from __future__ import annotations

import re

import pytest

from quizapp.generation import BLANK, blank_lengths, hint_text, stem_shown
from quizapp.generation.hints import key_length
from quizapp.generation.model import ORDER_FREE


@pytest.mark.parametrize(
    ("answer", "length"),
    [
        ("专精特新", 4),
        ("就业优先政策", 6),
        ("6个月", 3),  # a digit is one character typed
        ("2035年", 5),
        ("不忘初心、牢记使命", 8),  # punctuation is not counted: the checker folds it away
        ("守纪律、讲规矩", 6),  # a learner counts the slogan's characters (dev round DA #39)
        ("互联网+", 4),  # a symbol is typed
        ("5%", 2),  # the checker keeps the per cent sign: the learner types two characters
        ("GDP", 3),
        ("马克思 主义", 5),  # a space is not counted
        ("马克思\u3000主义", 5),  # nor an ideographic one
    ],
)
def test_a_blank_counts_the_characters_of_its_key(answer, length):
    assert blank_lengths([answer]) == [length]


def test_ordered_blanks_each_get_their_own_length():
    assert blank_lengths(["三严三实", "两学一做", "八项规定精神"]) == [4, 4, 6]


def test_order_free_blanks_of_unequal_keys_get_the_texts_lengths():
    # 要落实好（　　）〔4字〕、（　　）〔4字〕、（　　）〔5字〕的管理体制: without the hints other
    # three-part 管理体制 fit (blind12 HJ #5); the checker still takes the keys in any order
    assert blank_lengths(["中央统筹", "省负总责", "市县抓落实"]) == [4, 4, 5]


def test_order_free_blanks_of_equal_keys_keep_the_shared_length():
    assert blank_lengths(["道路自信", "理论自信", "制度自信"]) == [4, 4, 4]


def test_a_single_order_free_blank_keeps_its_length():
    assert blank_lengths(["高质量发展"]) == [5]


def test_a_key_given_as_text_is_one_blank():
    # hand-made rows of old exports hold the answer as a string
    assert blank_lengths("四个意识") == [4]


def test_an_empty_key_gets_no_hint():
    assert blank_lengths(["", "两学一做"]) == [None, 4]


def test_hint_text():
    assert hint_text(4) == "4字"
    assert hint_text(None) == ""


def test_stem_shown_puts_each_hint_after_its_blank():
    stem = f"深入开展{BLANK}学习教育，推进{BLANK}学习教育常态化制度化。"
    assert stem_shown(stem, [4, 4]) == (
        "深入开展（　　）〔4字〕学习教育，推进（　　）〔4字〕学习教育常态化制度化。"
    )


def test_stem_shown_leaves_blanks_without_a_hint_plain():
    stem = f"强化{BLANK}和{BLANK}。{ORDER_FREE}"
    assert stem_shown(stem, [None, None]) == stem


def test_stem_shown_gives_an_order_free_list_of_unequal_keys_its_hints():
    stem = f"统筹{BLANK}和{BLANK}。{ORDER_FREE}"
    lengths = blank_lengths(["中华民族伟大复兴战略全局", "世界百年未有之大变局"])
    assert stem_shown(stem, lengths) == f"统筹（　　）〔12字〕和（　　）〔10字〕。{ORDER_FREE}"


def test_stem_shown_tolerates_fewer_lengths_than_blanks():
    assert stem_shown(f"A{BLANK}B{BLANK}", [2]) == "A（　　）〔2字〕B（　　）"


def test_every_cloze_of_the_bundled_speech_has_one_length_per_blank():
    from pathlib import Path

    from quizapp.generation import generate_questions

    text = (Path(__file__).parent / "gold" / "seed_speech.txt").read_text(encoding="utf-8")
    clozes = [q for q in generate_questions(text, seed=0) if q.kind == "cloze"]
    assert clozes
    for q in clozes:
        lengths = blank_lengths(q.answer)
        assert len(lengths) == q.stem.count(BLANK), q.stem
        shown = stem_shown(q.stem, lengths)
        assert re.sub(r"〔\d+字〕", "", shown) == q.stem  # hints added, nothing else
        if q.ordered or len({key_length(k) for k in q.answer}) == 1:
            assert shown.count("字〕") == len(q.answer), shown
