"""Text folding for matching and answer comparison; display-safe clean-up.

Two different jobs, kept apart:

* :func:`fold` turns a string into a *comparison key*: full-/half-width unified (NFKC), every
  space, quote and punctuation mark dropped, Latin letters lower-cased, traditional characters
  mapped to simplified. ``fold("“四个意识”")`` and ``fold(" 四個意識 ")`` are both ``"四个意识"``.
  The key is never shown to anybody.
* :func:`normalize_for_display` only removes what must not reach a page (a byte-order mark,
  zero-width and control characters, CRLF line ends); it keeps the author's characters.

Everything is done with precompiled ``str.translate`` tables, so folding a 33k-character report
takes about a millisecond.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

__all__ = [
    "fold",
    "fold_with_map",
    "same_text",
    "to_simplified",
    "simplify_chars",
    "normalize_for_display",
    "QUOTE_CHARS",
    "PUNCTUATION_CHARS",
]

# Quotation marks of every width and style. After NFKC the full-width ＂＇ are already ASCII.
QUOTE_CHARS = "“”‘’「」『』﹁﹂﹃﹄〝〞〟\"'`´‹›«»‚„"

# Punctuation dropped by fold(): sentence marks, enumeration comma, brackets, book-title marks,
# dashes, ellipses, middle dots, slashes. The full stop "." is handled apart (kept inside numbers
# such as 5.5%), and so are %, +, # which carry meaning in an answer.
PUNCTUATION_CHARS = (
    "，,、；;：:。｡！!？?…‥⋯·•・‧∙()（）[]【】〔〕〖〗{}｛｝《》〈〉<>﹏—–‑‐‒―-－~～〜_/\\|｜*＊"
)

# Characters that carry no visible content: zero-width spaces and joiners, word joiner, BOM,
# soft hyphen, bidi marks.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"

_SPACE_CHARS = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace()) + "\u3000"


def _zhconv_data_file() -> Path:
    spec = importlib.util.find_spec("zhconv")
    if spec is None or spec.origin is None:  # pragma: no cover - zhconv is a dependency
        raise RuntimeError("zhconv is not installed")
    return Path(spec.origin).parent / "zhcdict.json"


def _traditional_to_simplified_table() -> dict[int, str]:
    """Single-character traditional → simplified pairs of zhconv's zh-Hans table.

    Read straight from zhconv's data file: importing ``zhconv`` itself pulls in pkg_resources
    (about 70 ms), which the web app's start-up should not pay.
    """
    data = json.loads(_zhconv_data_file().read_text(encoding="utf-8"))
    table: dict[str, str] = data["zh2Hans"]
    return {
        ord(trad): simp
        for trad, simp in table.items()
        if len(trad) == 1 and len(simp) == 1 and trad != simp
    }


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = dict(_traditional_to_simplified_table())
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[ord(ch)] = ch.lower()
    for ch in _SPACE_CHARS + QUOTE_CHARS + PUNCTUATION_CHARS + INVISIBLE_CHARS:
        table[ord(ch)] = None
    return table


_FOLD_TABLE: dict[int, str | None] = {}
# A character the fold table may change or drop: most keys and stems have none left once the
# punctuation below is gone, and then the (per-character, dictionary-driven) translate is skipped.
# Characters beyond the BMP are all let through (a class holding any of them is matched range
# by range, a hundred times slower): the translate then decides.
_FOLDED_CHAR: re.Pattern[str] | None = None


def _fold_table() -> dict[int, str | None]:
    """The fold table, built on first use with its pattern (about 35 ms in all)."""
    global _FOLDED_CHAR
    if not _FOLD_TABLE:
        table = _build_fold_table()
        bmp = "".join(re.escape(chr(c)) for c in table if c <= 0xFFFF)
        # The pattern first, the table last (one atomic update): fold() takes a filled table
        # as the sign that both are ready, and a web worker's threads may fold at once.
        _FOLDED_CHAR = re.compile(f"[{bmp}\U00010000-\U0010ffff]")
        _FOLD_TABLE.update(table)
    return _FOLD_TABLE


# A "." that is not between two digits is punctuation (。 after NFKC of ｡ is already dropped).
# (the dot first, its neighbours asked after it: re then skips to the dots of a text)
_STRAY_DOT = re.compile(r"\.(?:(?<![0-9]\.)|(?![0-9]))")

# Characters fold() drops whose NFKC form is dropped too and never combines with a neighbour
# (no combining mark, no half of a canonical composition): removing them before NFKC changes
# nothing when what is left is already normalised, and full-width ，：；？！（） are what makes
# most Chinese text fail that check. Not here: ´ (a combining accent), … and ‥ (dots, kept
# between digits), < and > (≮, ≯). tests/test_engine_normalize.py checks the list.
FOLD_FIRST_CHARS = "".join(
    ch
    for ch in dict.fromkeys(_SPACE_CHARS + QUOTE_CHARS + PUNCTUATION_CHARS + INVISIBLE_CHARS)
    if ch not in "´…‥<>"
)
_FOLD_FIRST_CLASS = "[" + "".join(re.escape(ch) for ch in FOLD_FIRST_CHARS) + "]"
# (written X X*, not X+: a pattern that opens on a class outside a repeat lets re skip the
# characters it cannot start on in one tight loop; X+ is tried as a match at every character,
# some five times slower on the ~3,600 stems, sources and keys a first generation folds)
_FOLD_FIRST = re.compile(_FOLD_FIRST_CLASS + _FOLD_FIRST_CLASS + "*")


def fold(text: str) -> str:
    """Comparison key of ``text``: width, spaces, quotes, punctuation, case and script folded.

    Idempotent: ``fold(fold(s)) == fold(s)``. Chinese numerals are *not* turned into digits
    (四个意识 and 4个意识 stay different; the engine lists such spellings as accepted variants).
    """
    if not text:
        return ""
    table = _FOLD_TABLE or _fold_table()
    if not text.isascii():
        # the same as NFKC then dropping (see FOLD_FIRST_CHARS), without NFKC's cost for the
        # common text that needs no normalisation once its punctuation is gone
        bare = _FOLD_FIRST.sub("", text)
        if "…" in bare:
            # NFKC's own spelling of it, a starter that composes with nothing: a stem ending in
            # …… then takes the quick path, not a full NFKC
            bare = bare.replace("…", "...")
        if unicodedata.is_normalized("NFKC", bare):
            text = bare
        else:
            text = unicodedata.normalize("NFKC", text)
    if _FOLDED_CHAR.search(text):  # type: ignore[union-attr]  # built with the table
        text = text.translate(table)
    if "." in text:
        text = _STRAY_DOT.sub("", text)
    return text


def same_text(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` read the same once folded (the rule for answers and duplicates)?"""
    return fold(a) == fold(b)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and return, for each folded character, its offset in ``text``.

    For matching a folded phrase inside a text and mapping the hit back to the original span:
    ``folded.find(fold(phrase))`` at ``i`` covers ``text[offsets[i] : offsets[i + n - 1] + 1]``.
    Slower than :func:`fold` (a loop per character): use it on sentences, not in inner loops.
    """
    out: list[str] = []
    offsets: list[int] = []
    for pos, ch in enumerate(text):
        piece = fold(ch) if ch != "." else "."
        for c in piece:
            out.append(c)
            offsets.append(pos)
    folded = "".join(out)
    if "." in folded:
        keep = [
            i
            for i, c in enumerate(folded)
            if c != "."
            or (0 < i < len(folded) - 1 and folded[i - 1].isdigit() and folded[i + 1].isdigit())
        ]
        folded = "".join(folded[i] for i in keep)
        offsets = [offsets[i] for i in keep]
    return folded, offsets


_T2S_TABLE: dict[int, str] = {}


def simplify_chars(text: str) -> str:
    """Character-by-character traditional → simplified (fast, length-preserving, no phrases)."""
    if not _T2S_TABLE:
        _T2S_TABLE.update(_traditional_to_simplified_table())
    return text.translate(_T2S_TABLE)


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    """Traditional → simplified with zhconv's phrase-aware zh-Hans table.

    zhconv also turns corner quotes 「」 into “”; everything else simplified stays unchanged.
    """
    if not text or text.isascii():
        return text
    import zhconv  # deferred: it imports pkg_resources
    from zhconv import zhconv as tables

    if tables.zhcdicts is None:
        # Given a path, zhconv closes the file; its default loader leaks the handle.
        tables.loaddict(str(_zhconv_data_file()))
    return str(zhconv.convert(text, "zh-hans"))


_DISPLAY_DROP = {ord(ch): None for ch in INVISIBLE_CHARS}
# C0/C1 control characters other than tab and newline.
for _code in (
    list(range(0x00, 0x09)) + [0x0B, 0x0C] + list(range(0x0E, 0x20)) + list(range(0x7F, 0xA0))
):
    _DISPLAY_DROP[_code] = None
_DISPLAY_DROP[ord("\t")] = " "
_DISPLAY_DROP[0x2028] = "\n"  # line separator
_DISPLAY_DROP[0x2029] = "\n"  # paragraph separator
_TRAILING_SPACE = re.compile(r"[ \u3000]+$", re.MULTILINE)


def normalize_for_display(text: str) -> str:
    """Make ``text`` safe to store and show, keeping the author's characters.

    CRLF and CR become LF; the byte-order mark, zero-width and control characters go; tabs become
    spaces; trailing spaces of each line go. Width, punctuation and script are left as written.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_DISPLAY_DROP)
    return _TRAILING_SPACE.sub("", text)
