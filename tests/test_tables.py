"""Reading uploaded tables: one reader shared by the admin roster import and contest rosters.

The .xlsx paths (numbers, blank rows, damaged sheets) are covered through both callers in
test_admin.py and test_paper_scoring.py; here are the checks neither caller had alone.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from quizapp.tables import MAX_UNZIPPED, TableError, read_table


def test_csv_in_gbk_with_tabs() -> None:
    data = "姓名\t账号\n张\u3000三 \tzs\n".encode("gbk")
    assert read_table("r.csv", data, max_rows=100) == [["姓名", "账号"], ["张 三", "zs"]]


def test_rows_beyond_the_limit_are_not_read() -> None:
    data = "".join(f"{i},x\n" for i in range(50)).encode()
    assert [row[0] for row in read_table("r.csv", data, max_rows=10)] == [str(i) for i in range(10)]


def test_txt_is_read_only_when_the_caller_accepts_it() -> None:
    assert read_table("r.txt", b"a,b", max_rows=5, csv_suffixes=(".csv", ".txt")) == [["a", "b"]]
    with pytest.raises(TableError, match=r"只支持 \.xlsx"):
        read_table("r.txt", b"a,b", max_rows=5)


def test_an_excel_file_that_unzips_too_big_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (MAX_UNZIPPED + 1))
    with pytest.raises(TableError) as caught:
        read_table("r.xlsx", buffer.getvalue(), max_rows=100)
    assert "解压后太大" in caught.value.message


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("r.pdf", b"x", "只支持 .xlsx（Excel）或 .csv 文件。"),
        ("r.xlsx", b"not a zip", "无法读取这个 Excel 文件"),
        ("r.csv", b"a,b\n\x00\x01,c\n", "不是文本文件"),
        ("r.csv", b'"' + b"x" * 200_000 + b'"\n', "有一格内容太长"),
    ],
    ids=["type", "not-zip", "nul", "long-field"],
)
def test_unreadable_files_are_explained(filename: str, data: bytes, message: str) -> None:
    with pytest.raises(TableError) as caught:
        read_table(filename, data, max_rows=100)
    assert message in caught.value.message
