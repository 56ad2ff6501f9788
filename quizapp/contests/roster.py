"""Reading an uploaded roster (名单): an Excel or CSV file with the columns 姓名, 支部, 账号.

Pure: bytes in, rows out, or a RosterError with a Chinese message. Matching rows to accounts is
in services.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

HEADERS = {
    "name": ("姓名", "名字", "name"),
    "team": ("支部", "党支部", "小组", "学习小组", "team", "group"),
    "username": ("账号", "帐号", "用户名", "登录名", "username", "account"),
}
MAX_ROWS = 5000


class RosterError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RosterRow:
    line: int  # 1-based row number in the file, for messages
    name: str
    team: str
    username: str


def read_roster(data: bytes, filename: str) -> list[RosterRow]:
    """Rows of a roster file (.xlsx or .csv, UTF-8 or GBK); blank rows are skipped."""
    lower = filename.lower()
    if lower.endswith(".xlsx"):
        table = _xlsx_rows(data)
    elif lower.endswith((".csv", ".txt")):
        table = _csv_rows(data)
    else:
        raise RosterError("名单文件应为 Excel（.xlsx）或 CSV（.csv）文件。")
    return _rows_from_table(table)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


MAX_UNZIPPED = 50 * 1024 * 1024  # an .xlsx that expands beyond this is not a roster
# What a damaged or hostile .xlsx makes openpyxl raise (XML parse errors are SyntaxErrors).
BAD_XLSX = (
    zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError, TypeError,
    IndexError, AttributeError, SyntaxError, EOFError,
)  # fmt: skip
UNREADABLE = "无法读取这个 Excel 文件，请确认它是 .xlsx 格式。"


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(item.file_size for item in archive.infolist())
    except BAD_XLSX as exc:
        raise RosterError(UNREADABLE) from exc
    if unzipped > MAX_UNZIPPED:
        raise RosterError("这个 Excel 文件解压后太大，不像是一份名单。")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (*BAD_XLSX, InvalidFileException) as exc:
        raise RosterError(UNREADABLE) from exc
    try:
        if not workbook.worksheets:
            raise RosterError("这个 Excel 文件里没有工作表。")
        rows = []
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            rows.append([_cell(v) for v in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    except RosterError:
        raise
    except BAD_XLSX as exc:  # the sheet is read lazily: damage shows up while iterating
        raise RosterError(UNREADABLE) from exc
    finally:
        workbook.close()


def _csv_rows(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise RosterError("无法识别名单文件的编码，请另存为 UTF-8 的 CSV。")
    try:
        return [[_cell(v) for v in row] for row in csv.reader(io.StringIO(text))]
    except csv.Error as exc:  # e.g. a field over the csv module's limit
        raise RosterError("无法读取这个 CSV 文件：有一格内容太长或格式不对。") from exc


def _rows_from_table(table: list[list[str]]) -> list[RosterRow]:
    header_at = next((i for i, row in enumerate(table) if any(row)), None)
    if header_at is None:
        raise RosterError("名单文件是空的。")
    header = [h.strip().lower() for h in table[header_at]]
    columns: dict[str, int] = {}
    for key, names in HEADERS.items():
        for index, title in enumerate(header):
            if title in {n.lower() for n in names}:
                columns[key] = index
                break
    if "username" not in columns and "name" not in columns:
        raise RosterError("名单第一行应为表头，至少包含“姓名”或“账号”一列（可再加“支部”）。")
    rows: list[RosterRow] = []
    for offset, raw in enumerate(table[header_at + 1 :], start=header_at + 2):
        if not any(raw):
            continue

        def get(key: str, raw: list[str] = raw) -> str:
            index = columns.get(key)
            return raw[index] if index is not None and index < len(raw) else ""

        rows.append(RosterRow(offset, get("name"), get("team"), get("username")))
        if len(rows) > MAX_ROWS:
            raise RosterError(f"名单最多 {MAX_ROWS} 行。")
    if not rows:
        raise RosterError("名单里除了表头没有任何人。")
    return rows
