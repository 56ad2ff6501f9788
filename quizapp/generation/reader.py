"""Turn uploaded bytes (.txt or .docx) into clean text, or refuse with a clear Chinese message.

Decoding of .txt follows one fixed order, so the same bytes always give the same text:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides the encoding;
2. bytes with the NUL pattern of UTF-16 without a mark are read as UTF-16 LE or BE;
3. strict UTF-8;
4. strict GB18030 (a superset of GBK and GB2312, what Windows tools in China save).

Every result must then *look like Chinese text* (:func:`is_plausible_chinese`): strict GB18030
also "decodes" Big5, Shift-JIS and UTF-16 bytes, into strings of rare characters, private-use
code points and control characters that nobody wrote. Anything else is refused: we never import
mojibake.

A .docx is a zip file; before python-docx parses it, the declared uncompressed sizes are checked
(zip bombs), then the paragraphs and tables of the body are read in document order.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from .normalize import normalize_for_display, simplify_chars

__all__ = [
    "DocumentError",
    "MAX_UPLOAD_BYTES",
    "MAX_DOCX_UNCOMPRESSED",
    "MAX_DOCX_RATIO",
    "SUPPORTED_EXTENSIONS",
    "decode_text",
    "read_document",
    "read_docx",
    "clean_text",
    "is_plausible_chinese",
    "text_stats",
    "too_large_message",
]

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_DOCX_UNCOMPRESSED = 20 * 1024 * 1024  # all members of the zip together, as declared
MAX_DOCX_RATIO = 100  # declared uncompressed size / file size
MAX_DOCX_MEMBERS = 2000
SUPPORTED_EXTENSIONS = (".txt", ".docx")


class DocumentError(Exception):
    """An uploaded file cannot become a material. ``message`` is one line of Chinese for users.

    ``code`` names the case for programs: ``empty``, ``binary``, ``encoding``, ``mojibake``,
    ``type``, ``too_large`` (the web app answers 413), ``zip_bomb``, ``corrupt``, ``no_text``.
    """

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


# --- messages -------------------------------------------------------------------------------

MSG_EMPTY = "文件是空的，没有任何内容。"
MSG_BINARY = "这不是文本文件（看起来是二进制文件），请上传 .txt 或 .docx 格式的学习材料。"
MSG_ENCODING = (
    "无法识别文件的文字编码（支持 UTF-8、GBK/GB18030、UTF-16），"
    "请用记事本“另存为”UTF-8 编码后再上传。"
)
MSG_MOJIBAKE = (
    "文件解码后不是正常的中文（可能是繁体 Big5、日文或其他编码），"
    "请用记事本“另存为”UTF-8 编码后再上传。"
)
MSG_NO_TEXT = "文件里没有可用的中文文字内容。"
MSG_DOC = "不支持旧版 Word 文档（.doc），请在 Word 中“另存为”.docx 格式后再上传。"
MSG_NOT_DOCX = "这个文件不是有效的 .docx 文档（可能已损坏或只是改了扩展名）。"
MSG_CORRUPT_DOCX = "无法读取这个 .docx 文档，文件可能已损坏。"


def _msg_type(ext: str) -> str:
    shown = f"“{ext}”" if ext else "（无扩展名）"
    return f"不支持的文件类型{shown}，请上传 .txt 或 .docx 文件。"


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".rstrip("0").rstrip(".") + " MB"


def too_large_message(size: int, limit: int = MAX_UPLOAD_BYTES) -> str:
    """The message for a file of ``size`` bytes over the ``limit``."""
    return f"文件太大（{_megabytes(size)}），上传上限是 {_megabytes(limit)}。"


def _msg_zip_bomb(declared: int) -> str:
    return (
        f"这个 .docx 文档解压后过大（声明 {_megabytes(declared)}），"
        f"超过 {_megabytes(MAX_DOCX_UNCOMPRESSED)} 或压缩比 {MAX_DOCX_RATIO} 倍的上限，已拒绝。"
    )


# --- plausibility ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """The 3,755 characters of GB2312 level 1: the common characters of modern Chinese.

    In real study texts 97–100% of the Chinese characters are among them; Big5 or Shift-JIS bytes
    read as GB18030 give 20–50%, UTF-16 bytes or random bytes read as anything even less.
    """
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            ch = bytes((lead, trail)).decode("gb2312", errors="ignore")
            if ch:
                chars.add(ch)
    return frozenset(chars)


# The 300 most frequent characters of jieba's dictionary (word frequencies summed per character).
# They make up 55–65% of the characters of real study texts, 2–5% of Big5 or EUC-KR read as GBK.
_FREQUENT_HANZI = frozenset(
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可过天作分方用多你着部"
    "能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所如现理机体表力好外与文当两实重新三么只山"
    "水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向"
    "治因立数样身情入原问把路被并利石老教万知级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首"
    "共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达族反再题色五"
)


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Controls other than tab/newline/CR/form feed, private use, replacement char, noncharacters.
_BAD = re.compile(
    r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd\ufffe\uffff"
    r"\U000f0000-\U0010ffff]"
)
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af\u1100-\u11ff\uff66-\uff9f]")


@dataclass(frozen=True)
class TextStats:
    visible: int  # characters other than white space
    hanzi: int  # CJK ideographs
    common: int  # of which GB2312 level 1
    frequent: int  # of which among the 300 most frequent
    bad: int  # controls, private use, U+FFFD, noncharacters
    kana_hangul: int

    @property
    def common_share(self) -> float:
        return self.common / self.hanzi if self.hanzi else 0.0

    @property
    def frequent_share(self) -> float:
        return self.frequent / self.hanzi if self.hanzi else 0.0

    @property
    def hanzi_share(self) -> float:
        return self.hanzi / self.visible if self.visible else 0.0


def text_stats(text: str, *, sample: int = 200_000) -> TextStats:
    """Counts behind :func:`is_plausible_chinese`, over the first ``sample`` characters.

    Traditional characters are counted as their simplified forms.
    """
    text = simplify_chars(text[:sample])
    common = _common_hanzi()
    hanzi = _CJK.findall(text)
    visible = len(text) - sum(1 for ch in text if ch.isspace())
    return TextStats(
        visible=visible,
        hanzi=len(hanzi),
        common=sum(1 for ch in hanzi if ch in common),
        frequent=sum(1 for ch in hanzi if ch in _FREQUENT_HANZI),
        bad=len(_BAD.findall(text)),
        kana_hangul=len(_KANA_HANGUL.findall(text)),
    )


def _too_many_bad(st: TextStats) -> bool:
    # A few stray symbols (Word's private-use bullets, a control character) are tolerated.
    return st.bad > max(3, st.visible // 200)


def is_plausible_chinese(text: str) -> bool:
    """Does ``text`` read as Chinese that somebody wrote (not bytes decoded the wrong way)?

    The rules: some Chinese characters, at least a fifth of what is visible; at least 80% of them
    common (GB2312 level 1), or 70% for very short texts; a quarter of them among the 300 most
    frequent (EUC-KR read as GBK gives common but random characters); almost no control or
    private-use characters; Japanese kana or Korean hangul only as a rare quotation.
    """
    st = text_stats(text)
    if st.hanzi == 0:
        return False
    if _too_many_bad(st):
        return False
    if st.hanzi_share < 0.2:
        return False
    if st.kana_hangul > max(3, st.hanzi // 50):
        return False
    if st.hanzi >= 30 and st.frequent_share < 0.25:
        return False
    if 10 <= st.hanzi < 30 and st.frequent_share < 0.15:
        return False
    floor = 0.8 if st.hanzi >= 50 else 0.7
    return st.common_share >= floor


# --- decoding -------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Signatures of common binary formats someone might rename to .txt.
_BINARY_MAGIC = (
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\xd0\xcf\x11\xe0",  # OLE: .doc, .xls
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"\x1f\x8b",  # gzip
    b"Rar!",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"MZ",
)


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes without a byte-order mark, LE tried first, if it is plausible."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _strict(data, encoding)
        if text is not None and is_plausible_chinese(text):
            return text
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode_text(data: bytes) -> str:
    """Decode the bytes of a text file, or raise :class:`DocumentError`.

    The order is fixed (see the module docstring); the returned text still has its original line
    endings and characters, minus a leading byte-order mark. Call :func:`clean_text` next.
    """
    if not data or not data.strip():
        raise DocumentError(MSG_EMPTY, "empty")

    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            if text is None:
                raise DocumentError(MSG_ENCODING, "encoding")
            if not text.strip():
                raise DocumentError(MSG_EMPTY, "empty")
            if not is_plausible_chinese(text):
                raise DocumentError(_implausible_message(text), _implausible_code(text))
            return text

    if b"\x00" in data:
        # Text files have no NUL bytes, except UTF-16 without a mark: its ASCII characters (and
        # characters such as 一 U+4E00) carry one NUL each. Anything else with NULs is binary.
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise DocumentError(MSG_BINARY, "binary")
    if data.startswith(_BINARY_MAGIC):
        raise DocumentError(MSG_BINARY, "binary")

    text = _strict(data, "utf-8")
    if text is not None:
        if is_plausible_chinese(text):
            return text
        raise DocumentError(_implausible_message(text), _implausible_code(text))

    text = _strict(data, "gb18030")
    if text is not None and is_plausible_chinese(text):
        return text

    # Neither reading is Chinese: UTF-16 without a mark and without any ASCII (so no NULs) is
    # the last sensible guess; the plausibility test rejects it when the bytes were other things.
    candidate = _utf16_without_bom(data)
    if candidate is not None:
        return candidate
    if text is not None:
        raise DocumentError(MSG_MOJIBAKE, "mojibake")
    raise DocumentError(MSG_ENCODING, "encoding")


def _implausible_code(text: str) -> str:
    st = text_stats(text)
    if _too_many_bad(st):
        return "binary"
    if st.hanzi == 0:
        return "no_text"
    return "mojibake"


def _implausible_message(text: str) -> str:
    return {"binary": MSG_BINARY, "no_text": MSG_NO_TEXT}.get(_implausible_code(text), MSG_MOJIBAKE)


# --- clean-up -------------------------------------------------------------------------------

_BLANK_LINES = re.compile(r"\n{2,}")


def clean_text(text: str) -> str:
    """Normalise a decoded text for storage, keeping its characters.

    Line endings become LF; a byte-order mark, zero-width and control characters go; each line
    loses its leading and trailing spaces (indentation is layout, not content); blank lines go,
    so every remaining line is one paragraph.
    """
    text = normalize_for_display(text)
    lines = (line.strip(" \u3000\t\f\v") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# --- .docx ----------------------------------------------------------------------------------


def _check_zip(data: bytes) -> None:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(MSG_DOC, "type")
    if not data.startswith(b"PK\x03\x04"):
        raise DocumentError(MSG_NOT_DOCX, "type")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentError(MSG_NOT_DOCX, "type") from exc
    if len(infos) > MAX_DOCX_MEMBERS:
        raise DocumentError(_msg_zip_bomb(sum(i.file_size for i in infos)), "zip_bomb")
    declared = sum(info.file_size for info in infos)
    # zipfile stops each member at its declared size (and a CRC error follows if it lied), so the
    # declared sizes bound what parsing can expand to.
    if declared > MAX_DOCX_UNCOMPRESSED or declared > MAX_DOCX_RATIO * max(len(data), 1):
        raise DocumentError(_msg_zip_bomb(declared), "zip_bomb")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise DocumentError(MSG_NOT_DOCX, "type")


def read_docx(data: bytes) -> str:
    """Text of a .docx: body paragraphs and table rows in document order, one per line.

    Table cells of a row are joined with an ideographic space; a merged cell counts once;
    paragraphs inside a cell become lines of their own when the cell holds several.
    """
    _check_zip(data)
    import docx  # deferred: python-docx and lxml cost ~100 ms at import
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise DocumentError(MSG_CORRUPT_DOCX, "corrupt") from exc

    p_tag, tbl_tag, sdt_tag = qn("w:p"), qn("w:tbl"), qn("w:sdt")
    content_tag, row_tag, cell_tag = qn("w:sdtContent"), qn("w:tr"), qn("w:tc")
    t_tag, tab_tag, br_tag = qn("w:t"), qn("w:tab"), qn("w:br")
    fallback_tag = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

    def paragraph_text(p) -> str:  # type: ignore[no-untyped-def]
        parts: list[str] = []
        for node in p.iter(t_tag, tab_tag, br_tag):
            if next(node.iterancestors(fallback_tag), None) is not None:
                continue  # Word writes a text box twice: the drawing and a fallback copy of it
            if node.tag == t_tag:
                parts.append(node.text or "")
            elif node.tag == tab_tag:
                parts.append(" ")
            else:
                parts.append("\n")
        return "".join(parts)

    def cell_lines(tc) -> list[str]:  # type: ignore[no-untyped-def]
        lines: list[str] = []
        for child in tc.iterchildren():
            lines.extend(block_lines(child))
        return [line for line in lines if line.strip()]

    def table_lines(tbl) -> list[str]:  # type: ignore[no-untyped-def]
        out: list[str] = []
        for tr in tbl.iterchildren(row_tag):
            cells: list[str] = []
            extra: list[str] = []
            for tc in tr.iterchildren(cell_tag):
                lines = cell_lines(tc)
                if not lines:
                    continue
                first = lines[0]
                if cells and cells[-1] == first and len(lines) == 1:
                    continue  # horizontally merged cells repeated by some writers
                cells.append(first)
                extra.extend(lines[1:])
            if cells:
                out.append("\u3000".join(cells))
            out.extend(extra)
        return out

    def block_lines(element) -> list[str]:  # type: ignore[no-untyped-def]
        if element.tag == p_tag:
            return paragraph_text(element).split("\n")
        if element.tag == tbl_tag:
            return table_lines(element)
        if element.tag == sdt_tag:
            lines: list[str] = []
            for content in element.iterchildren(content_tag):
                for child in content.iterchildren():
                    lines.extend(block_lines(child))
            return lines
        return []

    try:
        body = document.element.body
        lines: list[str] = []
        for child in body.iterchildren():
            lines.extend(block_lines(child))
    except Exception as exc:  # pragma: no cover - malformed XML inside a valid package
        raise DocumentError(MSG_CORRUPT_DOCX, "corrupt") from exc
    return "\n".join(lines)


# --- entry point ----------------------------------------------------------------------------


def read_document(data: bytes, filename: str, *, max_bytes: int = MAX_UPLOAD_BYTES) -> str:
    """The clean text of an uploaded file (.txt or .docx), or :class:`DocumentError`.

    Checks in order: size (``too_large``), type by extension (``type``; .doc gets its own
    message), empty file, then decoding (.txt) or zip checks and parsing (.docx), then that some
    Chinese text is left (``no_text``).
    """
    if len(data) > max_bytes:
        raise DocumentError(too_large_message(len(data), max_bytes), "too_large")
    ext = PurePath(filename or "").suffix.lower()
    if ext == ".doc":
        raise DocumentError(MSG_DOC, "type")
    if ext not in SUPPORTED_EXTENSIONS:
        raise DocumentError(_msg_type(ext), "type")
    if not data:
        raise DocumentError(MSG_EMPTY, "empty")

    if ext == ".docx":
        raw = read_docx(data)
        text = clean_text(raw)
        if not text:
            raise DocumentError(MSG_NO_TEXT, "no_text")
        if not is_plausible_chinese(text):
            raise DocumentError(_implausible_message(text), _implausible_code(text))
        return text

    text = clean_text(decode_text(data))
    if not text:
        raise DocumentError(MSG_EMPTY, "empty")
    return text
