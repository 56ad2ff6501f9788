"""Reading an uploaded table (a roster): the cells of an .xlsx sheet or a .csv file as text.

Pure: bytes in, rows of text out, or a TableError with a Chinese message for a file that cannot
be read (wrong type, damaged, a zip bomb, an unknown encoding, binary content, an over-long cell).
What the rows mean is up to the caller.
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from pathlib import PurePath

MAX_UNZIPPED = 50 * 1024 * 1024  # an .xlsx that expands beyond this is not a table of people
# What a damaged or hostile .xlsx makes openpyxl raise (XML parse errors are SyntaxErrors).
BAD_XLSX = (
    zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError, TypeError,
    IndexError, AttributeError, SyntaxError, EOFError,
)  # fmt: skip
UNREADABLE_XLSX = "无法读取这个 Excel 文件，请确认它是 .xlsx 格式（另存为 Excel 工作簿）。"


class TableError(Exception):
    """A file that cannot be read as a table, with the reason in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_table(
    filename: str, data: bytes, *, max_rows: int, csv_suffixes: tuple[str, ...] = (".csv",)
) -> list[list[str]]:
    """The cells of the first sheet of an .xlsx, or of a CSV file (UTF-8 or GBK, comma or tab
    separated), as stripped text row by row, blank rows included so row numbers stay right.

    At most max_rows rows are read and the rest is ignored: pass more than you accept, so that
    a file that is too long shows as one.
    """
    suffix = PurePath(filename or "").suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_rows(data, max_rows)
    if suffix in csv_suffixes:
        return _csv_rows(data, max_rows)
    raise TableError("只支持 .xlsx（Excel）或 .csv 文件。")


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an account typed as a number in Excel: 1001, not 1001.0
    return str(value).replace("\u3000", " ").replace("\x00", "").strip()


def _xlsx_rows(data: bytes, max_rows: int) -> list[list[str]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(item.file_size for item in archive.infolist())
    except BAD_XLSX as exc:
        raise TableError(UNREADABLE_XLSX) from exc
    if unzipped > MAX_UNZIPPED:
        raise TableError("这个 Excel 文件解压后太大，不像是一份名单。")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (*BAD_XLSX, InvalidFileException) as exc:
        raise TableError(UNREADABLE_XLSX) from exc
    try:
        if not workbook.worksheets:
            raise TableError("这个 Excel 文件里没有工作表。")
        sheet = workbook.worksheets[0]
        return [
            [cell_text(v) for v in values]
            for values in sheet.iter_rows(max_row=max_rows, values_only=True)
        ]
    except BAD_XLSX as exc:  # the sheet is read lazily: damage shows up while iterating
        raise TableError(UNREADABLE_XLSX) from exc
    finally:
        workbook.close()


def _csv_rows(data: bytes, max_rows: int) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost anything
        raise TableError("无法识别 CSV 文件的编码，请另存为 UTF-8 或 GBK 编码。")
    if "\x00" in text:
        raise TableError("这个 CSV 文件看起来不是文本文件，请检查后重新上传。")
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return [[cell_text(c) for c in row] for row in itertools.islice(reader, max_rows)]
    except csv.Error as exc:  # e.g. a field over the csv module's limit
        raise TableError("无法读取这个 CSV 文件：有一格内容太长或格式不对。") from exc
