"""Spans and lines that must never become a question, an answer or an option.

* anonymised placeholders: ``x个``, ``x名``, ``x次``, ``x%``, ``x多条``, ``x市``, ``**作``, ``××``,
  ``某某`` … — and the whole clause around them (a bare number next to a placeholder is as
  meaningless as the placeholder);
* photo captions (``新华社记者 谢环驰 摄``), elision lines (``…………``), salutations
  (``同志们：``), headline and byline lines before the body.
"""

from __future__ import annotations

import re

__all__ = [
    "PLACEHOLDER_RE",
    "placeholder_spans",
    "tainted_spans",
    "is_caption",
    "is_elision",
    "is_salutation",
    "has_placeholder",
    "overlaps",
]

_UNITS = (
    "多|余|个|名|次|人|条|市|县|区|项|家|件|万|亿|元|年|月|日|天|位|所|户|村|镇|乡|省|批|场|期|类|"
    "种|篇|套|台|辆|吨|亩|倍|成|岁|%|％|‰"
)
PLACEHOLDER_RE = re.compile(
    # an x needs a unit after it (x个, x%, x多条): “1+X”容错纠错机制 is a real name
    r"(?<![A-Za-z+＋])[xX×ｘＸ]{1,3}(?![A-Za-z])(?:\.\d+)?\s*(?:(?:" + _UNITS + r")\s*)+"
    r"|[×Ｘ]{2,3}"
    r"|[*＊]{2,}[\u4e00-\u9fff]?"
    r"|[○〇Ｏ]{2,}"
    r"|某某|某[市县区乡镇村单位同志]"
)
# Every placeholder starts with one of these characters. The regex's leading lookbehind keeps
# re from skipping ahead to them, so it costs at every character of a long text: a text
# without them needs no regex, and in one with them it is tried only where they are.
_PLACEHOLDER_CHARS = frozenset("xX×ｘＸ*＊○〇Ｏ某")
_PLACEHOLDER_START = re.compile("[" + "".join(sorted(_PLACEHOLDER_CHARS)) + "]")
# (whether any of them occurs is asked with the regex, not set.isdisjoint(text), which makes
# a string of every Chinese character it looks at: five times slower on a stem)

# Clause boundaries: a placeholder taints its clause, not the whole sentence.
_CLAUSE_RE = re.compile(r"[^，,；;：:。！？!?、（）()“”]+")

_CAPTION_RE = re.compile(
    r"(记者|摄影|通讯员)[^。！？]{0,30}摄\s*[)）]?\s*$|^\s*[(（]?[^。]{0,40}摄\s*[)）]?\s*$"
)
_CREDIT_RE = re.compile(r"。\s*\S{0,8}(记者|摄影|通讯员)\s*\S{1,12}\s*/?\s*摄\s*$")
_ELISION_RE = re.compile(r"^[\s…\.．。·•⋯—\-－_]*$")
_SALUTATION_RE = re.compile(r"^[^。！？]{1,16}[：:]$")


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of every placeholder in ``text``."""
    if _PLACEHOLDER_START.search(text) is None:
        return []
    # as PLACEHOLDER_RE.finditer(text), trying only where a placeholder can start
    spans: list[tuple[int, int]] = []
    for hint in _PLACEHOLDER_START.finditer(text):
        if spans and hint.start() < spans[-1][1]:
            continue  # inside the placeholder found before
        m = PLACEHOLDER_RE.match(text, hint.start())
        if m:
            spans.append((m.start(), m.end()))
    return spans


def has_placeholder(text: str) -> bool:
    if _PLACEHOLDER_START.search(text) is None:
        return False
    return PLACEHOLDER_RE.search(text) is not None


def tainted_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the clauses holding a placeholder (sorted, non-overlapping)."""
    spans = placeholder_spans(text)
    if not spans:
        return []
    out: list[tuple[int, int]] = []
    for m in _CLAUSE_RE.finditer(text):
        if any(s < m.end() and e > m.start() for s, e in spans):
            out.append((m.start(), m.end()))
    # placeholders sitting on a boundary character still count
    out.extend(spans)
    out.sort()
    return out


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Does [start, end) overlap any span of ``spans``?"""
    # (a loop, not any() over a generator: asked for every key, mostly of few or no spans)
    for s, e in spans:
        if s < end and e > start:
            return True
    return False


def is_caption(line: str) -> bool:
    """A photo caption such as ``新华社记者 谢环驰 摄``."""
    line = line.strip()
    if not line or _CAPTION_RE.search(line) is None:
        return False
    # (a long caption of two sentences still ends on its photographer: …家中看望。 新华社记者
    # 鞠鹏/摄)
    return len(line) <= 120 or len(line) <= 200 and _CREDIT_RE.search(line) is not None


def is_elision(line: str) -> bool:
    """A line made only of ellipses, dots or dashes (``…………``)."""
    line = line.strip()
    return bool(line) and _ELISION_RE.match(line) is not None


def is_salutation(line: str) -> bool:
    """``同志们：``, ``各位代表：`` and the like."""
    return _SALUTATION_RE.match(line.strip()) is not None
