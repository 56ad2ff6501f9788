"""Answer checking: folding, accepted spellings, order-free blanks, sets, true/false words."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from quizapp.generation.checking import InvalidAnswer, canonical_response, check_answer
from quizapp.generation.model import Question
from quizapp.generation.normalize import (
    _STRAY_DOT,
    FOLD_FIRST_CHARS,
    _fold_table,
    fold,
    fold_with_map,
    same_text,
    to_simplified,
)

CLOZE_ONE = Question(
    id="c1",
    kind="cloze",
    stem="增强（　　），坚定“四个自信”。",
    options=[],
    answer=["四个意识"],
    accepted=[["四个意识", "4个意识"]],
    keys=["四个意识"],
    source="",
    explanation="",
)
CLOZE_ORDERED = {
    "kind": "cloze",
    "answer": ["三严三实", "两学一做"],
    "accepted": [["三严三实"], ["两学一做"]],
    "ordered": True,
}
CLOZE_FREE = {
    "kind": "cloze",
    "answer": ["政治意识", "大局意识", "核心意识", "看齐意识"],
    "accepted": [["政治意识"], ["大局意识"], ["核心意识"], ["看齐意识"]],
    "ordered": False,
}
# Order-free blanks whose accepted spellings overlap: pairing must be one-to-one, and a greedy
# pairing (first response to the first blank that takes it) would get [核心, 看齐] wrong.
CLOZE_OVERLAP = {
    "kind": "cloze",
    "answer": ["看齐意识", "核心意识"],
    "accepted": [["看齐意识", "核心意识"], ["核心意识"]],
    "ordered": False,
}
SINGLE = Question(
    id="s1",
    kind="single",
    stem="“四个意识”不包括下列哪一项？",
    options=["政治意识", "大局意识", "忧患意识", "看齐意识"],
    answer="忧患意识",
    keys=["四个意识"],
    source="",
    explanation="",
)
MULTIPLE = {
    "kind": "multiple",
    "options": ["道路自信", "理论自信", "历史自信", "制度自信", "文化自信"],
    "answer": ["道路自信", "理论自信", "制度自信", "文化自信"],
}
JUDGE_TRUE = {"kind": "judge", "answer": True}
JUDGE_FALSE = {"kind": "judge", "answer": False}


@pytest.mark.parametrize(
    ("question", "given", "right"),
    [
        # cloze: folding of width, spaces, quotes, punctuation, script; accepted variants
        (CLOZE_ONE, ["四个意识"], True),
        (CLOZE_ONE, "四个意识", True),
        (CLOZE_ONE, ["“四个意识”"], True),
        (CLOZE_ONE, [" 四 个 意 识 。"], True),
        (CLOZE_ONE, ["四個意識"], True),
        (CLOZE_ONE, ["４个意识"], True),
        (CLOZE_ONE, ["4个意识"], True),
        (CLOZE_ONE, ["四种意识"], False),
        (CLOZE_ONE, ["四个自信"], False),
        (CLOZE_ONE, [""], False),
        (CLOZE_ONE, [None], False),
        (CLOZE_ORDERED, ["三严三实", "两学一做"], True),
        (CLOZE_ORDERED, ["兩學一做", "三严三实"], False),
        (CLOZE_FREE, ["看齐意识", "核心意识", "大局意识", "政治意识"], True),
        (CLOZE_FREE, ["政治意识", "大局意识", "核心意识", "看齊意識"], True),
        (CLOZE_FREE, ["政治意识", "政治意识", "核心意识", "看齐意识"], False),
        (CLOZE_FREE, ["政治意识", "大局意识", "核心意识", "忧患意识"], False),
        (CLOZE_OVERLAP, ["核心意识", "看齐意识"], True),
        (CLOZE_OVERLAP, ["看齐意识", "核心意识"], True),
        (CLOZE_OVERLAP, ["看齐意识", "看齐意识"], False),
        # single: the option text, folded
        (SINGLE, "忧患意识", True),
        (SINGLE, "“忧患意识”", True),
        (SINGLE, "憂患意識", True),
        (SINGLE, "大局意识", False),
        # multiple: all of it right and nothing extra, in any order
        (MULTIPLE, ["文化自信", "道路自信", "制度自信", "理论自信"], True),
        (MULTIPLE, ["文化自信", "道路自信", "制度自信", "理论自信", "道路自信"], True),
        (MULTIPLE, ["道路自信", "理论自信", "制度自信"], False),
        (MULTIPLE, ["道路自信", "理论自信", "历史自信", "制度自信", "文化自信"], False),
        (MULTIPLE, [], False),
        # judge: booleans and the usual words
        (JUDGE_TRUE, True, True),
        (JUDGE_TRUE, False, False),
        (JUDGE_TRUE, "对", True),
        (JUDGE_TRUE, "正确", True),
        (JUDGE_TRUE, "√", True),
        (JUDGE_TRUE, "true", True),
        (JUDGE_TRUE, "TRUE", True),
        (JUDGE_TRUE, "错", False),
        (JUDGE_FALSE, "错", True),
        (JUDGE_FALSE, "錯誤", True),
        (JUDGE_FALSE, "×", True),
        (JUDGE_FALSE, "false", True),
        (JUDGE_FALSE, "对", False),
    ],
)
def test_check_answer(question, given, right: bool) -> None:
    assert check_answer(question, given) is right


@pytest.mark.parametrize(
    ("question", "given", "words"),
    [
        (CLOZE_ONE, ["四个意识", "四个自信"], "1 个空"),
        (CLOZE_ORDERED, "三严三实", "2 个空"),
        (CLOZE_ORDERED, ["三严三实", 2], "填空"),
        (CLOZE_ONE, 4, "填空"),
        (CLOZE_ONE, {"a": 1}, "填空"),
        (SINGLE, "外星意识", "不是这道题的选项"),
        (SINGLE, ["忧患意识"], "单选"),
        (SINGLE, None, "单选"),
        (MULTIPLE, ["道路自信", "外星自信"], "不是这道题的选项"),
        (MULTIPLE, 3, "多选"),
        (JUDGE_TRUE, "也许", "对"),
        (JUDGE_TRUE, None, "对"),
        (JUDGE_TRUE, 2, "对"),
        ({"kind": "essay", "answer": "x"}, "x", "题型"),
    ],
)
def test_malformed_responses_raise_invalid_answer(question, given, words: str) -> None:
    with pytest.raises(InvalidAnswer) as info:
        check_answer(question, given)
    assert words in info.value.message
    assert isinstance(info.value, ValueError)
    with pytest.raises(InvalidAnswer):
        canonical_response(question, given)


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (
            CLOZE_FREE,
            ["看齐意识", "核心意识", "大局意识", "政治意识"],
            ["政治意识", "大局意识", "核心意识", "看齐意识"],
        ),
        (CLOZE_ONE, ["“四個意識”"], "四个意识"),
        (SINGLE, "憂患意識 ", "忧患意识"),
        (MULTIPLE, ["文化自信", "道路自信", "文化自信"], ["道路自信", "文化自信"]),
        (JUDGE_TRUE, "对", True),
        (JUDGE_FALSE, "×", "false"),
    ],
)
def test_equivalent_responses_have_one_canonical_form(question, first, second) -> None:
    assert canonical_response(question, first) == canonical_response(question, second)


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (CLOZE_ORDERED, ["三严三实", "两学一做"], ["两学一做", "三严三实"]),
        (MULTIPLE, ["道路自信"], ["道路自信", "理论自信"]),
        (SINGLE, "忧患意识", "大局意识"),
        (JUDGE_TRUE, True, False),
    ],
)
def test_different_responses_have_different_canonical_forms(question, first, second) -> None:
    assert canonical_response(question, first) != canonical_response(question, second)


def test_canonical_response_is_compact_json_of_the_question_wording() -> None:
    assert canonical_response(SINGLE, "憂患意識") == '"忧患意识"'
    assert canonical_response(MULTIPLE, ["文化自信", "道路自信"]) == '["道路自信","文化自信"]'
    assert canonical_response(JUDGE_FALSE, "错") == "false"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“四个意识”", "四个意识"),
        ("四個意識", "四个意识"),
        ("政治意识、大局意识。", "政治意识，大局意识"),
        ("ＧＤＰ增长６．９％", "gdp增长6.9%"),
        ("《中国共产党章程》", "中国共产党章程"),
        ("「两个维护」", "『两个维护』"),
        ("四个\u3000意识\u200b", "四个意识"),
    ],
)
def test_fold_makes_spellings_equal(a: str, b: str) -> None:
    assert same_text(a, b)
    assert fold(fold(a)) == fold(a)


@pytest.mark.parametrize(
    ("a", "b"),
    [("四个意识", "4个意识"), ("5.5%", "55%"), ("四个意识", "四个自信"), ("后", "")],
)
def test_fold_keeps_what_changes_the_meaning(a: str, b: str) -> None:
    assert not same_text(a, b)


def test_characters_fold_drops_before_nfkc_never_combine() -> None:
    # fold() drops these before NFKC: exact only if each normalises to characters fold drops
    # that are starters and half of no canonical composition (so they touch no neighbour)
    composing = set()
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) > 1 and not parts[0].startswith("<"):
            composing.update(chr(int(p, 16)) for p in parts)
    for ch in FOLD_FIRST_CHARS:
        for part in unicodedata.normalize("NFKD", ch):
            assert fold(part) == "", ch
            assert unicodedata.combining(part) == 0 and part not in composing, ch


@pytest.mark.parametrize(
    "text",
    [
        "e，\u0301",
        "Ａ，\u0301",
        "＜\u0338",
        "Ω，Å",
        "\u1100，\u1161",
        "5…5",
        "豈，個",
        "ＡＢ，ｃ．",
    ],
)
def test_fold_equals_nfkc_then_dropping(text: str) -> None:
    expected = unicodedata.normalize("NFKC", text).translate(_fold_table())
    assert fold(text) == _STRAY_DOT.sub("", expected)


def test_fold_with_map_points_back_into_the_original() -> None:
    text = "要增强“四個 意識”，坚定“四个自信”。"
    folded, offsets = fold_with_map(text)
    assert folded == fold(text)
    start = folded.index("四个意识")
    end = offsets[start + len("四个意识") - 1] + 1
    assert text[offsets[start] : end] == "四個 意識"


def test_to_simplified_converts_phrases_and_leaves_simplified_alone() -> None:
    assert to_simplified("堅定“四個自信”，後來") == "坚定“四个自信”，后来"
    assert to_simplified("四个意识") == "四个意识"
