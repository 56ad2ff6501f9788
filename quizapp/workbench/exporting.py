"""Write a bank out: Excel (the 题库 template layout), the engine's JSON, Moodle GIFT. Pure code.

Each function takes questions as mappings of the engine's fields (plus ``tags``) and returns bytes
or text; nothing here touches Flask or the database. Only GIFT is what learners answer (in
Moodle), so only it gives each cloze blank's length (〔4字〕) as the app's pages do; the Excel
sheet and the JSON are the bank itself, read back by the importer, and keep the plain stem.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from typing import Any

from ..generation.hints import blank_lengths, hint_text, stem_shown
from ..generation.model import BLANK, Question
from .questions import KIND_LABELS, LETTERS, answer_to_text

TEMPLATE_HEADER = ["题型", "题干", *[f"选项{letter}" for letter in LETTERS], "答案", "解析", "标签"]
_WIDTHS = [8, 60, *[18] * len(LETTERS), 10, 40, 16]

# The engine's contract format, field for field.
ENGINE_FIELDS = tuple(field.name for field in fields(Question))

TEMPLATE_EXAMPLES = [
    [
        "单选",
        "增强“四个意识”中，居于核心地位的是（　　）。",
        "政治意识",
        "大局意识",
        "核心意识",
        "看齐意识",
        "",
        "",
        "C",
        "",
        "四个意识",
    ],
    [
        "多选",
        "下列属于“四个自信”的有（　　）。",
        "道路自信",
        "理论自信",
        "忧患意识",
        "文化自信",
        "",
        "",
        "ABD",
        "",
        "",
    ],
    [
        "判断",
        "“三严三实”中的“三实”是谋事要实、创业要实、做人要实。",
        "",
        "",
        "",
        "",
        "",
        "",
        "对",
        "",
        "",
    ],
    [
        "填空",
        "增强“四个意识”、坚定“四个（　　）”、做到“两个（　　）”。",
        "",
        "",
        "",
        "",
        "",
        "",
        "自信|维护",
        "",
        "",
    ],
]


def question_row(question: Mapping[str, Any]) -> list[str]:
    """One spreadsheet row in the template's columns."""
    kind = question["kind"]
    options = list(question.get("options") or [])
    cells = options[: len(LETTERS)] + [""] * (len(LETTERS) - min(len(options), len(LETTERS)))
    if kind in ("judge", "cloze"):
        cells = [""] * len(LETTERS)
    return [
        KIND_LABELS[kind],
        question["stem"],
        *cells,
        answer_to_text(kind, options, question.get("answer")),
        question.get("explanation") or "",
        "，".join(question.get("tags") or []),
    ]


def _style_sheet(sheet: Any) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F4E3E3")
        cell.alignment = Alignment(horizontal="center")
    sheet.freeze_panes = "A2"


def to_xlsx(questions: Iterable[Mapping[str, Any]], *, sheet_title: str = "题库") -> bytes:
    """Workbook whose first sheet has the template's header row and one question per row."""
    from openpyxl import Workbook

    from ..spreadsheet import keep_text

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_name(sheet_title)
    sheet.append(TEMPLATE_HEADER)
    for question in questions:
        sheet.append(question_row(question))
    _style_sheet(sheet)
    keep_text(workbook)  # a stem such as "=1+1" stays text, never a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_xlsx() -> bytes:
    """The downloadable template: an empty 题库 sheet and a sheet of instructions with examples."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "题库"
    sheet.append(TEMPLATE_HEADER)
    _style_sheet(sheet)
    validation = DataValidation(type="list", formula1='"单选,多选,判断,填空"', allow_blank=True)
    sheet.add_data_validation(validation)
    validation.add("A2:A5000")
    guide = workbook.create_sheet("填写说明")
    for line in (
        ["填写说明（只导入第一张工作表“题库”，从表头下一行开始，每行一道题）"],
        ["题型：单选、多选、判断、填空（也认“单选题”等写法）"],
        ["选项A～选项F：单选、多选题按顺序填写，至少两个；判断、填空题不填"],
        ["答案：单选填一个字母（如 C）；多选填多个字母（如 ABD）；判断填“对”或“错”"],
        ["　　　填空题填答案文字，多个空用 | 分隔"],
        ["填空题的题干里用（　　）或 ____ 标出每个空"],
        ["标签：可填多个，用逗号分隔"],
        [],
        ["示例（可复制到“题库”表中）："],
        TEMPLATE_HEADER,
        *TEMPLATE_EXAMPLES,
    ):
        guide.append(line)
    guide.column_dimensions["A"].width = 12
    guide.column_dimensions["B"].width = 60
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(title: str) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "", title).strip()[:31]
    return name or "题库"


def to_json(questions: Iterable[Mapping[str, Any]]) -> str:
    """The engine's JSON format: an array of questions (plus their tags)."""
    payload = []
    for question in questions:
        item = {name: question.get(name) for name in ENGINE_FIELDS}
        item["tags"] = list(question.get("tags") or [])
        payload.append(item)
    return json.dumps(payload, ensure_ascii=False, indent=1)


# ------------------------------------------------------------------------- Moodle GIFT

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text: str) -> str:
    """Escape GIFT's control characters (~ = # { } :, and the backslash) and line breaks."""
    return _GIFT_SPECIAL.sub(r"\\\1", str(text)).replace("\r", "").replace("\n", "\\n")


def _percent(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return text or "0"


def gift_question(question: Mapping[str, Any], number: int) -> str:
    kind = question["kind"]
    title = gift_escape(f"{KIND_LABELS[kind]}{number}")
    stem = question["stem"]
    options: Sequence[str] = list(question.get("options") or [])
    answer = question.get("answer")
    feedback = question.get("explanation") or ""
    tail = f" ####{gift_escape(feedback)}" if feedback else ""
    if kind == "judge":
        return f"::{title}::{gift_escape(stem)} {{{'TRUE' if answer else 'FALSE'}{tail}}}"
    if kind == "single":
        parts = [("=" if option == answer else "~") + gift_escape(option) for option in options]
        return f"::{title}::{gift_escape(stem)} {{\n\t" + "\n\t".join(parts) + f"{tail}\n}}"
    if kind == "multiple":
        right = set(answer or [])
        wrong_count = len(options) - len(right)
        parts = []
        for option in options:
            if option in right:
                weight = _percent(100 / len(right))
            else:
                weight = _percent(-100 / max(wrong_count, 1))
            parts.append(f"~%{weight}%{gift_escape(option)}")
        return f"::{title}::{gift_escape(stem)} {{\n\t" + "\n\t".join(parts) + f"{tail}\n}}"
    # cloze → short answer. One blank: the answer braces stand where the blank is (missing word
    # format); several blanks: blanks shown as ____ and the answers expected in order, "；"-joined.
    answers = list(answer or [])
    accepted = list(question.get("accepted") or [])
    lengths = blank_lengths(answers)
    if len(answers) == 1:
        spellings = _unique([answers[0], *(accepted[0] if accepted else [])])
        block = "{" + " ".join("=" + gift_escape(s) for s in spellings) + tail + "}"
        hint = f"〔{hint_text(lengths[0])}〕" if lengths[0] else ""
        before, _, after = stem.partition(BLANK)
        return f"::{title}::{gift_escape(before)}{block}{gift_escape(hint + after)}"
    shown = stem_shown(stem, lengths).replace(BLANK, "____")
    joined = _unique(["；".join(answers), ";".join(answers)])
    block = "{" + " ".join("=" + gift_escape(s) for s in joined) + tail + "}"
    note = "（多个空的答案依次填写，用“；”分隔）"
    return f"::{title}::{gift_escape(shown + note)} {block}"


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


def to_gift(questions: Iterable[Mapping[str, Any]], *, category: str = "") -> str:
    """A Moodle GIFT file: one question per block, blocks separated by a blank line."""
    lines = ["// 由理论学习自测导出（Moodle GIFT 格式）"]
    if category:
        clean = re.sub(r"[/\n\r]+", " ", category).strip()
        lines.append(f"$CATEGORY: $course$/top/{clean}")
    blocks = [gift_question(q, n) for n, q in enumerate(questions, start=1)]
    return "\n".join(lines) + "\n\n" + "\n\n".join(blocks) + "\n"
