"""Reading an uploaded roster (名单): an Excel or CSV file with the columns 姓名, 支部, 账号.

Pure: bytes in, rows out, or a RosterError with a Chinese message. Matching rows to accounts is
in services.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..tables import TableError, read_table

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
    """Rows of a roster file (.xlsx, or .csv/.txt in UTF-8 or GBK); blank rows are skipped."""
    try:
        table = read_table(filename, data, max_rows=MAX_ROWS + 2, csv_suffixes=(".csv", ".txt"))
    except TableError as exc:
        raise RosterError(exc.message) from exc
    return _rows_from_table(table)


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
