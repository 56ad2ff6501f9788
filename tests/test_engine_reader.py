"""Reading uploads: every decoder path, the refusals, and .docx (paragraphs, tables, zip bombs)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from quizapp.generation.reader import (
    MAX_DOCX_UNCOMPRESSED,
    DocumentError,
    decode_text,
    is_plausible_chinese,
    read_document,
)

SAMPLE = (
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”。\n"
    "党的政治建设是党的根本性建设，决定党的建设方向和效果。\n"
    "我们要大力弘扬“四下基层”的好传统好作风，始终保持党同人民群众的血肉联系。\n"
)
TRADITIONAL = (
    "增強「四個意識」、堅定「四個自信」、做到「兩個維護」。\n"
    "黨的政治建設是黨的根本性建設，決定黨的建設方向和效果。\n"
    "我們要大力弘揚「四下基層」的好傳統好作風，始終保持黨同人民群眾的血肉聯繫。\n"
)
JAPANESE = (
    "日本語の文章です。これは東京で書かれたもので、漢字とひらがなとカタカナが混ざっています。\n" * 5
)


def paragraphs(text: str) -> str:
    """A text as read_document returns it: one trimmed non-empty line per paragraph."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def refused(data: bytes, filename: str = "a.txt", **kwargs) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        read_document(data, filename, **kwargs)
    error = info.value
    assert error.message and "\n" not in error.message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message), "message must be Chinese"
    return error


# ------------------------------------------------------------------ shared encoded files


@pytest.mark.parametrize(
    ("encoded", "original"),
    [
        ("gov2018_utf8_bom.txt", "corpus/gov_work_report_2018_part1.txt"),
        ("rural2018_utf8_crlf.txt", "corpus/policy_rural_revitalization_opinions_2018.txt"),
        ("seed_gb18030.txt", "seed_speech.txt"),
    ],
)
def test_shared_encoded_files_read_as_their_utf8_originals(
    shared_dir: Path, encoded: str, original: str
) -> None:
    data = (shared_dir / "corpus" / "encodings" / encoded).read_bytes()
    text = read_document(data, encoded)
    assert text == paragraphs((shared_dir / original).read_text(encoding="utf-8"))
    assert "\r" not in text and "\ufeff" not in text and "\n\n" not in text


# ------------------------------------------------------------------ encodings made here


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
        pytest.param(lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda s: s.encode("gbk"), id="gbk"),
        pytest.param(lambda s: s.encode("gb18030"), id="gb18030"),
        pytest.param(lambda s: s.encode("utf-16"), id="utf-16-bom-native"),
        pytest.param(lambda s: b"\xff\xfe" + s.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(lambda s: b"\xfe\xff" + s.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(lambda s: s.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(lambda s: s.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(lambda s: s.replace("\n", "\r\n").encode("gbk"), id="gbk-crlf"),
    ],
)
def test_each_supported_encoding_gives_the_same_text(encode) -> None:
    assert read_document(encode(SAMPLE), "学习材料.txt") == paragraphs(SAMPLE)


def test_utf16_without_bom_and_without_any_ascii_is_read() -> None:
    text = SAMPLE.replace("\n", "")  # no newline, so no NUL byte in the pattern of ASCII
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_text(text.encode(encoding)) == text


def test_gb18030_four_byte_characters_survive() -> None:
    text = "南汉高祖刘䶮的“䶮”字和“𠮷”字在 GB18030 里是四字节编码。" + SAMPLE
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gbk")
    assert decode_text(data) == text


def test_traditional_chinese_is_accepted_in_any_supported_encoding() -> None:
    for data in (TRADITIONAL.encode("utf-8"), TRADITIONAL.encode("gb18030")):
        assert read_document(data, "a.txt") == paragraphs(TRADITIONAL)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TRADITIONAL.encode("big5"), id="big5"),
        pytest.param(SAMPLE.encode("shift_jis", errors="ignore"), id="shift-jis-chinese"),
        pytest.param(JAPANESE.encode("shift_jis"), id="shift-jis-japanese"),
        pytest.param(
            ("한국어 문서입니다. 대한민국은 민주공화국이다.\n" * 10).encode("euc-kr"), id="euc-kr"
        ),
    ],
)
def test_foreign_encodings_are_refused_not_imported_as_mojibake(data: bytes) -> None:
    data.decode("gb18030")  # strict GB18030 "decodes" these bytes: the plausibility check must act
    error = refused(data)
    assert error.code == "mojibake"
    assert "编码" in error.message


def test_the_plausibility_check_tells_text_from_nonsense() -> None:
    assert is_plausible_chinese(SAMPLE)
    assert is_plausible_chinese(TRADITIONAL)
    assert not is_plausible_chinese(TRADITIONAL.encode("big5").decode("gb18030"))
    assert not is_plausible_chinese("hello world " * 20)
    assert not is_plausible_chinese(SAMPLE + "\x00\x01\x02\ue000\ue001" * 10)


# ------------------------------------------------------------------ refusals


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b" \r\n\r\n\t ", "empty", id="blank"),
        pytest.param(b"\xef\xbb\xbf", "empty", id="bom-only"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary", id="pdf"),
        pytest.param(os.urandom(4096) + b"\x00\x00\x00\x00", "binary", id="random-with-nul"),
        pytest.param(b"PK\x03\x04" + b"\x14\x00" * 200, "binary", id="zip-named-txt"),
        pytest.param(b"hello world\nthis file has no Chinese\n" * 3, "no_text", id="english"),
    ],
)
def test_unusable_text_files_are_refused_with_a_reason(data: bytes, code: str) -> None:
    assert refused(data).code == code


def test_random_bytes_are_never_accepted() -> None:
    rng = __import__("random").Random(7)
    for _ in range(20):
        data = bytes(rng.randrange(256) for _ in range(3000))
        with pytest.raises(DocumentError):
            read_document(data, "noise.txt")


def test_too_large_upload_is_refused_before_anything_else() -> None:
    error = refused(SAMPLE.encode() * 10, max_bytes=100)
    assert error.code == "too_large"
    assert "上限" in error.message


@pytest.mark.parametrize(
    ("filename", "code", "words"),
    [
        ("old.doc", "type", ".doc"),
        ("slides.pdf", "type", ".pdf"),
        ("noextension", "type", "扩展名"),
        ("book.xlsx", "type", ".xlsx"),
    ],
)
def test_unsupported_types_are_named_in_the_message(filename: str, code: str, words: str) -> None:
    error = refused(SAMPLE.encode(), filename)
    assert error.code == code
    assert words in error.message


def test_text_cleanup_keeps_characters_and_drops_layout() -> None:
    raw = "\ufeff　　第一段，“四个意识”。  \r\n\r\n\r\n\t第二段：ＡＢＣ１２３。\r\n\x07\u200b\r\n"
    assert (
        read_document(raw.encode("utf-8"), "a.txt")
        == "第一段，“四个意识”。\n第二段：ＡＢＣ１２３。"
    )


# ------------------------------------------------------------------ .docx


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("学习材料", level=1)
    document.add_paragraph("第一段：增强“四个意识”，坚定“四个自信”。")
    table = document.add_table(rows=3, cols=2)
    rows = [
        ("提法", "内容"),
        ("四个意识", "政治意识、大局意识、核心意识、看齐意识"),
        ("两个维护", ""),
    ]
    for r, (left, right) in enumerate(rows):
        table.cell(r, 0).text = left
        table.cell(r, 1).text = right
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 2)).text = "三严三实"
    document.add_paragraph("")
    document.add_paragraph("　　第二段：做到“两个维护”。  ")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_tables_come_in_body_order() -> None:
    text = read_document(make_docx(), "材料.docx")
    assert text.split("\n") == [
        "学习材料",
        "第一段：增强“四个意识”，坚定“四个自信”。",
        "提法\u3000内容",
        "四个意识\u3000政治意识、大局意识、核心意识、看齐意识",
        "两个维护",
        "三严三实",
        "第二段：做到“两个维护”。",
    ]


def test_docx_text_box_is_read_once() -> None:
    """Word stores a text box twice, as a drawing (mc:Choice) and a VML fallback (mc:Fallback);
    an organizer's boxed title came out doubled (文本框里的标题文本框里的标题)."""
    import docx
    from lxml import etree

    document = docx.Document()
    paragraph = document.add_paragraph("正文：增强“四个意识”。")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    def boxed(text: str) -> str:
        return f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"

    run = etree.fromstring(
        f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing>{boxed("文本框里的标题")}</w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict>{boxed('文本框里的标题')}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    paragraph._p.append(run)
    out = io.BytesIO()
    document.save(out)
    assert read_document(out.getvalue(), "框.docx") == "正文：增强“四个意识”。文本框里的标题"


def test_docx_extension_is_case_insensitive() -> None:
    assert read_document(make_docx(), "材料.DOCX").startswith("学习材料")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_zip_bomb_docx_is_refused_before_parsing() -> None:
    body = b"<w:document>" + b" " * (MAX_DOCX_UNCOMPRESSED + 1024) + b"</w:document>"
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": body})
    assert len(data) < 100_000
    error = refused(data, "bomb.docx")
    assert error.code == "zip_bomb"


def test_docx_with_an_absurd_compression_ratio_is_refused() -> None:
    # 3 MB that packs into a few kilobytes: under the size cap, far over the ratio cap.
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x20" * 3_000_000})
    assert refused(data, "ratio.docx").code == "zip_bomb"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param(SAMPLE.encode(), "type", id="text-renamed-docx"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "type", id="ole-doc"),
        pytest.param(_zip({"a.txt": b"hello"}), "type", id="zip-not-word"),
        pytest.param(b"PK\x03\x04garbage", "type", id="broken-zip"),
        pytest.param(
            _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<not xml"}),
            "corrupt",
            id="broken-package",
        ),
    ],
)
def test_broken_or_fake_docx_is_refused(data: bytes, code: str) -> None:
    assert refused(data, "x.docx").code == code


def test_docx_without_text_is_refused() -> None:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    assert refused(out.getvalue(), "empty.docx").code == "no_text"


def test_chinese_numerals_are_written_as_they_are_read() -> None:
    # one writer for provisions' lures and the accepted spellings of a quantity (一百五十名, 六个月)
    from quizapp.generation.segment import cn_number, cn_numeral

    assert all(cn_number(cn_numeral(n)) == n for n in range(1, 100))
    assert [cn_numeral(n) for n in (10, 12, 20, 105, 110, 150, 300)] == [
        "十", "十二", "二十", "一百零五", "一百一十", "一百五十", "三百"
    ]  # fmt: skip
    assert cn_number("三四十") is None  # thirty or forty: no single number
