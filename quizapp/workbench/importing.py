"""Read a question bank from Excel (the Chinese 题库 layout) or the engine's JSON. Pure code.

The Excel reader finds the header row (a title row may sit above it), maps the column names other
tools use (题目/题干, 答案/正确答案, A/选项A, …), reports the columns it could not map, keeps every
valid row and reports each bad row with the row number Excel shows and the reason.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..generation.normalize import fold
from .questions import (
    LETTERS,
    QuestionError,
    build_question,
    clean_cell,
    from_engine_dict,
    kind_from_word,
)

MAX_BANK_BYTES = 5 * 1024 * 1024
MAX_XLSX_UNCOMPRESSED = 60 * 1024 * 1024
MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 10

# Column names seen in real banks, folded (width, case, spaces and punctuation do not count).
_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "kind": ("题型", "类型", "题目类型", "试题类型", "题类", "kind", "type"),
    "stem": (
        "题干",
        "题目",
        "试题",
        "题目内容",
        "试题内容",
        "问题",
        "题干内容",
        "内容",
        "stem",
        "question",
    ),
    "answer": ("答案", "正确答案", "标准答案", "参考答案", "answer"),
    "explanation": ("解析", "答案解析", "试题解析", "题目解析", "解释", "说明", "explanation"),
    "tags": ("标签", "知识点", "分类", "tags", "tag"),
}


@cache
def _column_by_word() -> dict[str, str]:
    """Folded header words → field, folded on first use (as kind_by_word, for start-up)."""
    return {fold(w): name for name, words in _HEADER_WORDS.items() for w in words}


_OPTION_RE = re.compile(r"^(?:选项)?([A-F])(?:选项|项)?$")


class BankFileError(ValueError):
    """The whole file cannot be read; ``message`` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ParsedBank:
    questions: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (row, fields)
    rejected: list[dict[str, Any]] = field(default_factory=list)  # {"row", "reason"}
    unmapped: list[str] = field(default_factory=list)  # column headers we could not map
    title: str = ""  # a title row above the header, if any

    def reject(self, row: int, reason: str) -> None:
        self.rejected.append({"row": row, "reason": reason})


def column_name(header: Any) -> str | None:
    """Which field a header cell names (kind, stem, option_A … option_F, answer …), or None."""
    text = clean_cell(header)
    if not text:
        return None
    folded = fold(text)
    columns = _column_by_word()
    if folded in columns:
        return columns[folded]
    compact = re.sub(r"[\s:：.．、]+", "", unicodedata.normalize("NFKC", text)).upper()
    match = _OPTION_RE.match(compact)
    if match:
        return "option_" + match.group(1)
    return None


def _check_xlsx(data: bytes) -> None:
    if not data:
        raise BankFileError("文件是空的。")
    if len(data) > MAX_BANK_BYTES:
        raise BankFileError(f"文件太大，题库文件不能超过 {MAX_BANK_BYTES // (1024 * 1024)} MB。")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise BankFileError("不支持旧版 Excel 文件（.xls），请在 Excel 中“另存为”.xlsx 后再导入。")
    if not data.startswith(b"PK\x03\x04"):
        raise BankFileError("这不是有效的 .xlsx 文件。")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            declared = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise BankFileError("这不是有效的 .xlsx 文件（可能已损坏）。") from exc
    if declared > MAX_XLSX_UNCOMPRESSED or declared > 200 * len(data):
        raise BankFileError("这个 .xlsx 文件解压后异常巨大，已拒绝。")


def _header_map(row: tuple[Any, ...]) -> tuple[dict[str, int], list[str]]:
    mapping: dict[str, int] = {}
    unmapped: list[str] = []
    for index, cell in enumerate(row):
        name = column_name(cell)
        if name is None or name in mapping:
            text = clean_cell(cell)
            if text:
                unmapped.append(text)
            continue
        mapping[name] = index
    return mapping, unmapped


def parse_xlsx(data: bytes) -> ParsedBank:
    """Questions of the first sheet of an .xlsx 题库 (see the module docstring)."""
    _check_xlsx(data)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise BankFileError("无法读取这个 .xlsx 文件，文件可能已损坏。") from exc
    try:
        # Read-only sheets are parsed lazily: a broken cell (a reference such as ZZZZZZ9, bad
        # XML) only fails here, while the rows are read.
        sheet = workbook.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True, max_row=MAX_ROWS + HEADER_SEARCH_ROWS + 1))
    except Exception as exc:  # openpyxl and the XML parser raise many kinds
        raise BankFileError("无法读取这个 .xlsx 文件的内容，文件可能已损坏。") from exc
    finally:
        workbook.close()
    return parse_rows(rows)


def parse_rows(rows: list[tuple[Any, ...]]) -> ParsedBank:
    """Rows of a sheet (values, first row = Excel row 1) → questions, rejects, unmapped columns."""
    result = ParsedBank()
    header_index = None
    mapping: dict[str, int] = {}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        candidate, unmapped = _header_map(row)
        if "stem" in candidate and ("answer" in candidate or "kind" in candidate):
            header_index, mapping = index, candidate
            result.unmapped = unmapped
            break
    if header_index is None:
        raise BankFileError(
            "找不到表头行：第一张工作表的前 10 行里没有“题干”（或“题目”）和“答案”列。"
            "请下载模板对照。"
        )
    titles = [clean_cell(c) for r in rows[:header_index] for c in r if clean_cell(c)]
    result.title = titles[0] if titles else ""
    if "answer" not in mapping:
        raise BankFileError("表头里没有“答案”（或“正确答案”）列。")
    option_columns = [mapping.get("option_" + letter) for letter in LETTERS]

    def cell(row: tuple[Any, ...], index: int | None) -> str:
        if index is None or index >= len(row):
            return ""
        return clean_cell(row[index])

    body = rows[header_index + 1 :]
    if len(body) > MAX_ROWS:
        raise BankFileError(f"题目太多：一次最多导入 {MAX_ROWS} 行。")
    for offset, row in enumerate(body):
        excel_row = header_index + 2 + offset
        if not any(clean_cell(c) for c in row):
            continue  # empty (often trailing) rows
        options = [cell(row, i) for i in option_columns]
        stem = cell(row, mapping["stem"])
        answer = cell(row, mapping["answer"])
        try:
            kind_word = cell(row, mapping.get("kind"))
            kind = kind_from_word(kind_word) if kind_word else _guess_kind(options, answer)
            fields = build_question(
                kind,
                stem,
                options,
                answer,
                explanation=cell(row, mapping.get("explanation")),
                tags=cell(row, mapping.get("tags")),
            )
        except QuestionError as exc:
            result.reject(excel_row, exc.message)
            continue
        result.questions.append((excel_row, fields))
    return result


def _guess_kind(options: list[str], answer: str) -> str:
    """A bank without a 题型 column: choices by their options, else 判断 or 填空 by the answer."""
    filled = [o for o in options if o]
    if len(filled) >= 2:
        letters = re.sub(r"[\s,，、]+", "", answer.upper())
        return "multiple" if len(letters) > 1 else "single"
    if fold(answer) in {fold(w) for w in ("对", "错", "正确", "错误", "√", "×")}:
        return "judge"
    return "cloze"


def parse_json(data: bytes) -> ParsedBank:
    """Questions in the engine's JSON format: an array (or {"questions": [...]}) of objects.

    ``row`` in the report is the question's position in the array, from 1.
    """
    if not data.strip():
        raise BankFileError("文件是空的。")
    if len(data) > MAX_BANK_BYTES:
        raise BankFileError(f"文件太大，题库文件不能超过 {MAX_BANK_BYTES // (1024 * 1024)} MB。")
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BankFileError("这不是有效的 JSON 文件（应为 UTF-8 编码的题目数组）。") from exc
    if isinstance(payload, dict) and isinstance(payload.get("questions"), list):
        payload = payload["questions"]
    if not isinstance(payload, list):
        raise BankFileError("JSON 文件应为题目数组（引擎的输出格式）。")
    if len(payload) > MAX_ROWS:
        raise BankFileError(f"题目太多：一次最多导入 {MAX_ROWS} 道。")
    result = ParsedBank()
    for position, item in enumerate(payload, start=1):
        try:
            fields = from_engine_dict(item)
        except QuestionError as exc:
            result.reject(position, exc.message)
            continue
        if isinstance(item.get("id"), str) and item["id"].strip():
            fields["uid"] = item["id"].strip()[:40]
        result.questions.append((position, fields))
    return result


def parse_bank_file(data: bytes, filename: str) -> ParsedBank:
    name = (filename or "").lower()
    if name.endswith(".json"):
        return parse_json(data)
    if name.endswith(".xlsx"):
        return parse_xlsx(data)
    if name.endswith(".xls"):
        raise BankFileError("不支持旧版 Excel 文件（.xls），请在 Excel 中“另存为”.xlsx 后再导入。")
    raise BankFileError("只能导入 .xlsx（Excel 题库）或 .json（引擎格式）文件。")
