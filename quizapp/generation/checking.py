"""Answer checking: is a learner's response right? Pure functions, no Flask, no database.

Responses by kind:

* ``cloze`` — a list of strings, one per blank (a single string is taken for a one-blank cloze);
* ``single`` — the chosen option's text;
* ``multiple`` — a list of the chosen options' texts (order and repeats do not matter);
* ``judge`` — ``True``/``False``, or one of the usual words: 对/错, 正确/错误, √/×, true/false …

Texts are compared after :func:`~quizapp.generation.normalize.fold`: width, spaces, quotes,
punctuation, Latin case and traditional characters do not count. In a cloze, a number before a
unit counts by its value (三个月 = 3个月 = ３个月, 两个月 = 二个月, 一至两名 = 1-2名), while
a numeral that names a formula (两个维护, 三个代表) is left as written. A cloze blank is right
when its folded text equals any spelling listed in ``accepted`` for that blank (or the answer
itself), also once both drop an inner 的 (or a 地 after a fixed adverb), write 百年 as 一百年 and
a duration in months (半年 = 6个月), write 做主 as 作主, name a plenum in full (十九届中央委员会
第四次全体会议 = 十九届四中全会), and once the response drops a word the stem prints right before
or after the blank and the learner wrote again (每（每半年）); an order-free cloze (``ordered``
false) is right when the responses can be paired one-to-one with blanks that take them by the
same rules; a multiple choice is right only when exactly the correct options are chosen.

A response of the wrong shape (a number for a cloze, an option that is not on the question, three
answers for two blanks) raises :class:`InvalidAnswer`, a ``ValueError`` with a Chinese message:
it is a broken request, not a wrong answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from .model import BLANK
from .normalize import fold

__all__ = ["InvalidAnswer", "answer_key", "check_answer", "canonical_response", "parse_judge"]


class InvalidAnswer(ValueError):
    """A response that does not fit the question; ``message`` is Chinese, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_TRUE_WORDS = ("对", "正确", "是", "√", "✓", "✔", "true", "t", "yes", "y", "1")
_FALSE_WORDS = ("错", "错误", "否", "×", "✗", "✘", "x", "false", "f", "no", "n", "0")


@cache
def _folded_judge_words() -> tuple[frozenset[str], frozenset[str]]:
    """The true and the false words, folded on first use: the first fold builds the fold
    table (about 35 ms), which a start-up that checks no answer should not pay."""
    return frozenset(map(fold, _TRUE_WORDS)), frozenset(map(fold, _FALSE_WORDS))


def _get(question: Any, name: str, default: Any = None) -> Any:
    if isinstance(question, Mapping):
        return question.get(name, default)
    return getattr(question, name, default)


def parse_judge(given: Any) -> bool:
    """The boolean meant by a true/false response, or :class:`InvalidAnswer`."""
    if isinstance(given, bool):
        return given
    if isinstance(given, int) and given in (0, 1):
        return bool(given)
    if isinstance(given, str):
        key = fold(given)
        true_words, false_words = _folded_judge_words()
        if key in true_words:
            return True
        if key in false_words:
            return False
    raise InvalidAnswer("判断题的答案应为“对”或“错”。")


def _as_text_list(given: Any, message: str) -> list[str]:
    if isinstance(given, str):
        return [given]
    if not isinstance(given, Sequence) or isinstance(given, bytes | bytearray):
        raise InvalidAnswer(message)
    out: list[str] = []
    for item in given:
        if item is None:
            item = ""
        if not isinstance(item, str):
            raise InvalidAnswer(message)
        out.append(item)
    return out


def _option_index(options: Sequence[str], given: str) -> int:
    key = fold(given)
    for index, option in enumerate(options):
        if fold(option) == key:
            return index
    shown = given if len(given) <= 30 else given[:30] + "…"
    raise InvalidAnswer(f"“{shown}”不是这道题的选项。")


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5}
_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_POWERS = {"十": 10, "百": 100, "千": 1000}
_NUMBER = "(?:[0-9０-９]+|[一二两兩三四五六七八九十][零〇一二两兩三四五六七八九十百千]*)"
# Units of time, age and people a provision counts in: only these make a numeral a number
# (三个月, 五个工作日, 十八岁, 一至两名). A formula's numeral is left as written: before 个
# (两个维护, 三个代表), before 项/条/届/次 (八项规定, 二十一条, 十九届四中全会, 最多跑一次), or
# after 个 (两个一百年, 第一个五年计划).
_UNIT = (
    "(?:[个個](?:多)?(?:月|工作日|学时|學時|小时|小時|星期|季度)"
    "|周年|週年|年|天|日|岁|歲|名|周|週|学时|學時|小时|小時|分钟|分鐘)"
)
_RANGE = "(?:至|到|-|－|—|–|~|～)"
_QUANTITY = re.compile(f"(?<![个個])({_NUMBER})(?:{_RANGE}({_NUMBER}))?(?={_UNIT})")


def _number_value(numeral: str) -> int | None:
    """The value of a numeral in Arabic digits (any width) or Chinese (十八, 二十四, 一百)."""
    if numeral.isdigit():
        return int(numeral)
    total, digit = 0, None
    for ch in numeral:
        if ch in "零〇" and total:
            continue  # 一百零五: a place held empty
        if ch in _DIGITS:
            if digit is not None:
                return None  # 一二 is no number
            digit = _DIGITS[ch]
        elif ch in _POWERS:
            total += (1 if digit is None else digit) * _POWERS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def _count(match: re.Match[str]) -> str:
    values = [_number_value(n) for n in match.groups() if n is not None]
    if None in values:
        return match.group(0)
    return "至".join(str(v) for v in values)


def answer_key(text: str) -> str:
    """What a cloze response is compared by: :func:`fold`, after counts are written in digits
    (before folding, as folding drops the dash of a range 1-2名)."""
    if _QUANTITY.search(text):
        text = _QUANTITY.sub(_count, text)
    return fold(text)


# Looser keys (reviews F5, F6, R30): an inner 的 (互利共赢的开放战略 / 互利共赢开放战略), a 地
# after a fixed adverb (毫不动摇地鼓励…), 一百年 / 百年 (第二个一百年奋斗目标), and equal durations
# (半年 = 六个月 = 6个月, 一年 = 十二个月) do not tell two answers apart. Both sides are loosened
# alike, so a different number, duration or ordinal (第一个 for 第二个) still differs.
_INNER_DE = re.compile(r"(?<=[\u4e00-\u9fff])(?<!目)的(?![确])(?=[\u4e00-\u9fff])")
_ADVERB_DI = re.compile(
    "(毫不动摇|坚定不移|坚持不懈|持之以恒|一以贯之|锲而不舍|大力|积极|主动|自觉|切实|扎实"
    "|有效|稳步|有序|依法|科学|深入|不断|全面|更好|更加|努力|充分|认真)地(?=[\u4e00-\u9fff])"
)
_HUNDRED_YEARS = re.compile("(?<![0-9零〇一二两三四五六七八九十百千])百(?=年|周年)")
_HALF_YEAR = re.compile("(?<![上下前后])半年")
_WHOLE_YEARS = re.compile(r"(?<![0-9])(10|[1-9])年")
# 党的十九届四中全会 = 中共十九届四中全会 = 十九届中央四中全会 = 第十九届四中全会 = 十九届四中全会
# = 十九届中央委员会第四次全体会议 (reviews R31, QY1): the party, 第 and 中央 name the same plenum;
# the ordinals still differ
_PLENUM = re.compile(
    "(?:党的|中共|中国共产党)?第?([一二三四五六七八九十]{1,3})届(?:中央|中央委员会)?"
    "([一二三四五六七八九十])中全会"
)
# … and its full name, 十九届中央委员会第四次全体会议 (reviews QY1 #27, R31 #9: "refused")
_PLENUM_FULL = re.compile(
    "(?:党的|中共|中国共产党)?第?([一二三四五六七八九十]{1,3})届中央委员会"
    "第([一二三四五六七八九十])次全体会议"
)


def _loose_key(text: str) -> str:
    """:func:`answer_key` with the foldings above: what two spellings of one answer share."""
    text = _HUNDRED_YEARS.sub("一百", text)  # 百年 = 一百年, then a count like any other
    text = _PLENUM_FULL.sub(r"\1届\2中全会", _PLENUM.sub(r"\1届\2中全会", text))
    key = answer_key(text)
    key = _HALF_YEAR.sub("6个月", key)
    key = _WHOLE_YEARS.sub(lambda m: f"{int(m.group(1)) * 12}个月", key)
    key = _ADVERB_DI.sub(r"\1", key)
    key = key.replace("做主", "作主")  # 人民当家做主 = 人民当家作主: both in print (blind15 LF #34)
    return _INNER_DE.sub("", key)


_STEM_CHARS = 6  # the most stem characters a learner is taken to repeat into the blank
# A repeated piece of one character must be a word of its own (每（每半年）), not a fragment of
# one (建 of 为构建, 保 of 保稳定): only these one-character words count as written again.
ONE_CHARACTER_WORDS = frozenset("每在于为以对向和与及从")


def _stem_sides(question: Any) -> list[tuple[str, str]]:
    """For each blank, the folded stem just before it and just after it."""
    stem = str(_get(question, "stem") or "")
    parts = [fold(part) for part in stem.split(BLANK)]
    return [(parts[i], parts[i + 1]) for i in range(len(parts) - 1)]


def _repeated_runs(side: str, before: bool) -> list[str]:
    """The pieces of the stem next to the blank a response may repeat: "" and the last (before
    the blank) or first (after it) 1 … _STEM_CHARS characters, a single one only if it is a
    word of its own. Plain characters, no word cut: the checker runs on every answer a player
    sends and must not load jieba; what is left after the piece must still be a right answer."""
    runs = [""]
    for n in range(1, min(_STEM_CHARS, len(side)) + 1):
        run = side[-n:] if before else side[:n]
        if n > 1 or run in ONE_CHARACTER_WORDS:
            runs.append(run)
    return runs


def _blank_right(key: str, loose: set[str], before: str, after: str) -> bool:
    """Is a response right by its loose key, or once what the stem prints just before or after
    the blank, written again into it (每（每半年）), is dropped?"""
    if _loose_key(key) in loose:
        return True
    for lead in _repeated_runs(before, True):
        if not key.startswith(lead):
            continue
        for tail in _repeated_runs(after, False):
            rest = key[len(lead) : len(key) - len(tail)]
            if (lead or tail) and rest and key.endswith(tail) and _loose_key(rest) in loose:
                return True
    return False


def _blank_spellings(question: Any) -> list[set[str]]:
    """For each blank, the folded spellings that count as right."""
    answer = _get(question, "answer") or []
    if isinstance(answer, str):
        answer = [answer]
    accepted = _get(question, "accepted") or []
    spellings: list[set[str]] = []
    for index, right in enumerate(answer):
        keys = {answer_key(right)}
        if index < len(accepted) and accepted[index]:
            keys.update(answer_key(s) for s in accepted[index])
        keys.discard("")
        spellings.append(keys)
    return spellings


def _cloze_response(question: Any, given: Any) -> list[str]:
    blanks = len(_blank_spellings(question))
    responses = _as_text_list(given, "填空题的答案应为每个空的文字（列表）。")
    if len(responses) != blanks:
        raise InvalidAnswer(f"这道填空题有 {blanks} 个空，收到了 {len(responses)} 个答案。")
    return responses


def _pairs_one_to_one(right: list[list[bool]]) -> bool:
    """Can every response be matched to a different blank that accepts it (``right[r][b]``:
    blank ``b`` accepts response ``r``)? (bipartite matching)"""
    owner: dict[int, int] = {}  # blank -> response

    def place(response: int, seen: set[int]) -> bool:
        for blank, takes in enumerate(right[response]):
            if blank in seen or not takes:
                continue
            seen.add(blank)
            if blank not in owner or place(owner[blank], seen):
                owner[blank] = response
                return True
        return False

    return all(place(response, set()) for response in range(len(right)))


def _kind(question: Any) -> str:
    kind = _get(question, "kind")
    if kind not in ("cloze", "single", "multiple", "judge"):
        raise InvalidAnswer(f"未知的题型：{kind}")
    return str(kind)


def check_answer(question: Any, given: Any) -> bool:
    """Is ``given`` a right response to ``question`` (a Question or a mapping of its fields)?"""
    kind = _kind(question)
    if kind == "judge":
        return parse_judge(given) == bool(_get(question, "answer"))

    if kind == "cloze":
        keys = [answer_key(r) for r in _cloze_response(question, given)]
        spellings = _blank_spellings(question)
        ordered = _get(question, "ordered", True)
        if ordered or len(keys) == 1:
            if all(key in accepted for key, accepted in zip(keys, spellings, strict=True)):
                return True
            sides = _stem_sides(question)
            if len(sides) != len(spellings):
                sides = [("", "")] * len(spellings)
            return all(
                key in accepted or _blank_right(key, {_loose_key(s) for s in accepted}, *side)
                for key, accepted, side in zip(keys, spellings, sides, strict=True)
            )
        # order-free: each response right in a blank of its own, by the same looser keys as in
        # order (中华民族伟大复兴的战略全局 in 统筹（　　）和（　　）: blind12 HJ #11)
        sides = _stem_sides(question)
        if len(sides) != len(spellings):
            sides = [("", "")] * len(spellings)
        loose = [{_loose_key(s) for s in accepted} for accepted in spellings]
        right = [
            [
                key in accepted or _blank_right(key, loose[b], *sides[b])
                for b, accepted in enumerate(spellings)
            ]
            for key in keys
        ]
        return _pairs_one_to_one(right)

    options: list[str] = list(_get(question, "options") or [])
    if kind == "single":
        if not isinstance(given, str):
            raise InvalidAnswer("单选题的答案应为一个选项的文字。")
        _option_index(options, given)
        return fold(given) == fold(str(_get(question, "answer") or ""))

    chosen = _as_text_list(given, "多选题的答案应为所选选项文字的列表。")
    for item in chosen:
        _option_index(options, item)
    answer = _get(question, "answer") or []
    if isinstance(answer, str):
        answer = [answer]
    return {fold(c) for c in chosen} == {fold(a) for a in answer}


def canonical_response(question: Any, given: Any) -> str:
    """A stable JSON string of the normalised response; equal for equivalent responses.

    cloze → the folded blanks (sorted when order-free); single → the option's text as the
    question writes it; multiple → the chosen options' texts in the question's option order,
    without repeats; judge → ``true``/``false``. Raises :class:`InvalidAnswer` like
    :func:`check_answer`.
    """
    kind = _kind(question)
    value: Any
    if kind == "judge":
        value = parse_judge(given)
    elif kind == "cloze":
        keys = [answer_key(r) for r in _cloze_response(question, given)]
        value = keys if _get(question, "ordered", True) else sorted(keys)
    else:
        options: list[str] = list(_get(question, "options") or [])
        if kind == "single":
            if not isinstance(given, str):
                raise InvalidAnswer("单选题的答案应为一个选项的文字。")
            value = options[_option_index(options, given)]
        else:
            chosen = _as_text_list(given, "多选题的答案应为所选选项文字的列表。")
            indexes = sorted({_option_index(options, item) for item in chosen})
            value = [options[i] for i in indexes]
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
