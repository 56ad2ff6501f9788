"""A question as people write it (题型, 题干, 选项A…F, 答案 text) ⇄ the engine's fields.

Pure functions: the edit form, the Excel and JSON imports and the exports all go through here,
so a bank written by hand, by another tool or by the engine is checked by the same rules.

Answer text, as in Chinese 题库 spreadsheets:
* 单选 — one letter (``B``), or the text of the option;
* 多选 — letters in any order and with any separators (``ACD``, ``A,C,D``, ``A、C``);
* 判断 — 对/错 (also 正确/错误, √/×, 是/否, T/F);
* 填空 — the text of each blank, several blanks separated by ``|``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from ..generation.doubts import known_doubt
from ..generation.model import BLANK
from ..generation.normalize import fold

KINDS = ("single", "multiple", "judge", "cloze")
KIND_LABELS = {"single": "单选", "multiple": "多选", "judge": "判断", "cloze": "填空"}
LETTERS = "ABCDEF"
MAX_OPTIONS = len(LETTERS)

# The names other tools give the four kinds.
_KIND_WORDS = {
    "single": ("单选", "单选题", "单项选择", "单项选择题", "单择题", "single", "单"),
    "multiple": (
        "多选",
        "多选题",
        "多项选择",
        "多项选择题",
        "不定项",
        "不定项选择题",
        "multiple",
        "多",
    ),
    "judge": ("判断", "判断题", "是非题", "对错题", "judge", "truefalse", "判"),
    "cloze": ("填空", "填空题", "cloze", "填"),
}


@cache
def kind_by_word() -> dict[str, str]:
    """Folded kind words → kind, folded on first use (the first fold builds the fold table,
    about 35 ms of start-up otherwise)."""
    return {fold(word): kind for kind, words in _KIND_WORDS.items() for word in words}


_TRUE = {"对", "正确", "是", "√", "✓", "✔", "T", "TRUE", "Y", "YES", "1", "V"}
_FALSE = {"错", "错误", "否", "×", "✗", "✘", "X", "F", "FALSE", "N", "NO", "0"}

# Blanks written by other tools: （ ）, ( ), ____, ＿＿, [ ].
_BLANK_RE = re.compile(
    r"（[\s\u3000]*）|\([\s\u3000]*\)|_{2,}|＿{2,}|\[[\s\u3000]*\]|【[\s\u3000]*】"
)
_TAG_SPLIT = re.compile(r"[,，;；、\s]+")
_SPELLING_SPLIT = re.compile(r"[;；/／]")


class QuestionError(ValueError):
    """A question that cannot go into a bank; ``message`` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def kind_from_word(word: Any) -> str:
    text = fold(str(word or ""))
    if not text:
        raise QuestionError("题型为空")
    kind = kind_by_word().get(text)
    if kind is None:
        raise QuestionError(f"题型“{str(word).strip()}”无法识别（应为单选、多选、判断或填空）")
    return kind


def clean_cell(value: Any) -> str:
    """A spreadsheet cell as text: numbers without '.0', spaces at the ends trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "对" if value else "错"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def split_tags(text: str | Iterable[str] | None) -> list[str]:
    if text is None:
        return []
    parts = _TAG_SPLIT.split(text) if isinstance(text, str) else [str(t).strip() for t in text]
    out: list[str] = []
    for part in parts:
        part = part.strip()[:32]
        if part and part not in out:
            out.append(part)
    return out[:20]


def normalize_cloze_stem(stem: str) -> str:
    return _BLANK_RE.sub(BLANK, stem)


def count_blanks(stem: str) -> int:
    return stem.count(BLANK)


def _letters(text: str) -> str:
    return unicodedata.normalize("NFKC", text).upper()


def _option_by_answer(options: Sequence[str], part: str) -> int | None:
    letters = _letters(part).strip()
    if len(letters) == 1 and letters in LETTERS[: len(options)]:
        return LETTERS.index(letters)
    for index, option in enumerate(options):
        if fold(option) == fold(part):
            return index
    return None


def parse_judge_text(text: str) -> bool:
    word = _letters(text).strip().rstrip("。.")
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise QuestionError(f"判断题的答案“{text}”无法识别（应为“对”或“错”）")


def build_question(
    kind: str,
    stem: str,
    options: Sequence[str] = (),
    answer_text: str = "",
    *,
    explanation: str = "",
    tags: str | Iterable[str] | None = None,
    accepted_text: str | None = None,
) -> dict[str, Any]:
    """Check a question written the way people write them; return the engine's fields.

    Raises :class:`QuestionError` with the first problem found.
    """
    if kind not in KINDS:
        raise QuestionError(f"题型“{kind}”无法识别")
    stem = (stem or "").strip()
    if not stem:
        raise QuestionError("题干为空")
    answer_text = (answer_text or "").strip()
    if not answer_text:
        raise QuestionError("答案为空")
    options = [o.strip() if isinstance(o, str) else clean_cell(o) for o in options]
    while options and not options[-1]:
        options.pop()

    fields: dict[str, Any] = {
        "kind": kind,
        "stem": stem,
        "options": [],
        "accepted": [],
        "ordered": True,
        "explanation": (explanation or "").strip(),
        "tags": split_tags(tags),
    }
    if kind in ("single", "multiple"):
        if len(options) > MAX_OPTIONS:
            raise QuestionError(f"选项最多 {MAX_OPTIONS} 个")
        for index, option in enumerate(options):
            if not option:
                raise QuestionError(f"选项{LETTERS[index]}为空，但后面还有选项")
        if len(options) < 2:
            raise QuestionError(f"{KIND_LABELS[kind]}题至少要有两个选项")
        folded = [fold(o) for o in options]
        if len(set(folded)) < len(folded):
            raise QuestionError("有两个选项的内容相同")
        fields["options"] = options
        if kind == "single":
            index = _option_by_answer(options, answer_text)
            letters = re.sub(r"[\s,，、;；]", "", _letters(answer_text))
            if index is None and len(letters) > 1 and set(letters) <= set(LETTERS[: len(options)]):
                # CD for a 单选: both are options, one is all a 单选 takes
                raise QuestionError(
                    f"单选题只填一个字母（如 C），“{answer_text}”填了 {len(letters)} 个字母"
                )
            if index is None:
                raise QuestionError(
                    f"答案“{answer_text}”不是已有的选项（A～{LETTERS[len(options) - 1]}）"
                )
            fields["answer"] = options[index]
            fields["keys"] = [options[index]]
        else:
            letters = re.sub(r"[\s,，、;；/|｜]+", "", _letters(answer_text))
            if not letters or any(ch not in LETTERS for ch in letters):
                raise QuestionError(f"多选题的答案“{answer_text}”应为选项字母，如 ACD")
            indexes = sorted({LETTERS.index(ch) for ch in letters})
            if indexes[-1] >= len(options):
                raise QuestionError(
                    f"答案“{answer_text}”里有不存在的选项（只有 A～{LETTERS[len(options) - 1]}）"
                )
            fields["answer"] = [options[i] for i in indexes]
            fields["keys"] = list(fields["answer"])
    elif kind == "judge":
        text = answer_text
        # Some tools write 判断 as a choice between A 正确 / B 错误.
        if options and len(_letters(text).strip()) == 1 and _letters(text).strip() in LETTERS:
            index = LETTERS.index(_letters(text).strip())
            if index < len(options):
                text = options[index]
        fields["answer"] = parse_judge_text(text)
        fields["keys"] = []
    else:  # cloze
        stem = normalize_cloze_stem(stem)
        fields["stem"] = stem
        answers = [a.strip() for a in re.split(r"[|｜]", answer_text)]
        if any(not a for a in answers):
            raise QuestionError("填空题的答案里有空白的空（多个空用 | 分隔）")
        blanks = count_blanks(stem)
        if blanks == 0:
            raise QuestionError("填空题的题干里没有空（用（　　）或 ____ 标出要填的地方）")
        if blanks != len(answers):
            raise QuestionError(
                f"题干有 {blanks} 个空，答案却有 {len(answers)} 个（多个空用 | 分隔）"
            )
        fields["answer"] = answers
        fields["keys"] = list(answers)
        fields["accepted"] = parse_accepted(accepted_text, answers)
    return fields


def parse_accepted(text: str | None, answers: Sequence[str]) -> list[list[str]]:
    """Accepted spellings per blank: one line per blank, spellings separated by ； or /.

    The answer itself is always the first spelling of its blank.
    """
    lines = (text or "").splitlines()
    out: list[list[str]] = []
    for index, answer in enumerate(answers):
        spellings = [answer]
        if index < len(lines):
            for part in _SPELLING_SPLIT.split(lines[index]):
                part = part.strip()
                if part and fold(part) not in {fold(s) for s in spellings}:
                    spellings.append(part)
        out.append(spellings)
    return out


def accepted_to_text(accepted: Sequence[Sequence[str]], answers: Sequence[str]) -> str:
    """The extra spellings of each blank, one line per blank (the edit form's textarea)."""
    lines = []
    for index, answer in enumerate(answers):
        spellings = list(accepted[index]) if index < len(accepted) else []
        extra = [s for s in spellings if fold(s) != fold(answer)]
        lines.append("；".join(extra))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def answer_to_text(kind: str, options: Sequence[str], answer: Any) -> str:
    """The answer as a 题库 spreadsheet writes it: letters in option order, 对/错, a|b."""
    if kind == "judge":
        return "对" if answer else "错"
    if kind == "cloze":
        answers = answer if isinstance(answer, list) else [answer]
        return "|".join(str(a) for a in answers)
    chosen = answer if isinstance(answer, list) else [answer]
    folded = {fold(str(c)) for c in chosen}
    return "".join(
        LETTERS[i] for i, o in enumerate(options) if fold(o) in folded and i < MAX_OPTIONS
    )


def from_engine_dict(data: dict[str, Any]) -> dict[str, Any]:
    """Check a question in the engine's JSON format; return the fields to store.

    The engine's own fields (source, keys, paragraph, difficulty, template, formula, accepted,
    ordered, pick_score, weak and, with weak, the rule named in doubt) are kept; the question is
    checked by the same rules as a spreadsheet row.
    """
    if not isinstance(data, dict):
        raise QuestionError("不是一道题（应为 JSON 对象）")
    kind = data.get("kind")
    if kind not in KINDS:
        try:
            kind = kind_from_word(kind)
        except QuestionError:
            raise QuestionError(
                f"题型“{kind}”无法识别（应为 single、multiple、judge 或 cloze）"
            ) from None
    options = data.get("options") or []
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        raise QuestionError("options 应为文字列表")
    answer = data.get("answer")
    if kind == "judge":
        if not isinstance(answer, bool):
            raise QuestionError("判断题的 answer 应为 true 或 false")
        answer_text = "对" if answer else "错"
    elif kind == "cloze":
        answers = answer if isinstance(answer, list) else [answer]
        if not answers or not all(isinstance(a, str) and a.strip() for a in answers):
            raise QuestionError("填空题的 answer 应为每个空的答案文字")
        answer_text = "|".join(answers)
    elif kind == "single":
        if not isinstance(answer, str):
            raise QuestionError("单选题的 answer 应为正确选项的文字")
        if fold(answer) not in {fold(o) for o in options}:
            raise QuestionError(f"答案“{answer}”不是已有的选项")
        answer_text = answer
    else:
        answers = answer if isinstance(answer, list) else [answer]
        if not answers or not all(isinstance(a, str) for a in answers):
            raise QuestionError("多选题的 answer 应为正确选项文字的列表")
        missing = [a for a in answers if fold(a) not in {fold(o) for o in options}]
        if missing:
            raise QuestionError(f"答案“{missing[0]}”不是已有的选项")
        answer_text = answer_to_text(kind, options, answers)
    fields = build_question(
        kind,
        str(data.get("stem") or ""),
        options,
        answer_text,
        explanation=str(data.get("explanation") or ""),
        tags=data.get("tags") if isinstance(data.get("tags"), (list, str)) else None,
    )
    if kind == "cloze":
        accepted = data.get("accepted")
        if isinstance(accepted, list) and len(accepted) == len(fields["answer"]):
            if all(isinstance(b, list) and all(isinstance(s, str) for s in b) for b in accepted):
                fields["accepted"] = [
                    [a, *[s for s in blank if fold(s) != fold(a)]]
                    for a, blank in zip(fields["answer"], accepted, strict=True)
                ]
        fields["ordered"] = bool(data.get("ordered", True))
    keys = data.get("keys")
    if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
        fields["keys"] = keys
    for name, types in (("source", str), ("template", str), ("formula", str)):
        value = data.get(name)
        if isinstance(value, types):
            fields[name] = value
    paragraph = data.get("paragraph")
    if isinstance(paragraph, int) and not isinstance(paragraph, bool):
        fields["paragraph"] = paragraph
    difficulty = data.get("difficulty")
    if isinstance(difficulty, (int, float)) and not isinstance(difficulty, bool):
        fields["difficulty"] = max(0.0, min(1.0, float(difficulty)))
    # what the quiz pick reads, as the engine exported it (a spreadsheet row has neither)
    score = data.get("pick_score")
    if isinstance(score, (int, float)) and not isinstance(score, bool) and math.isfinite(score):
        # (a key score is 0–1: one hand-edited 1e9 would top every quiz)
        fields["pick_score"] = max(0.0, min(1.0, float(score)))
    if isinstance(data.get("weak"), bool):
        fields["weak"] = data["weak"]
        # (only a rule the engine names: the column is short and the note is looked up by it)
        doubt = data.get("doubt")
        if data["weak"] and known_doubt(doubt):
            fields["doubt"] = doubt
    return fields


def same_question_key(kind: str, stem: str) -> tuple[str, str]:
    """Two questions are the same when kind and folded stem agree."""
    return kind, fold(stem)
