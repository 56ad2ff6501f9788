"""Split a text into paragraphs and sentences, and recognise its section headings.

Offsets always point into the original text (what the reader sees); nothing is rewritten.
Headings kept as structure:

* numbered lines: ``一、…`` (level 1), ``（一）…`` (level 2), ``1. …`` (level 3);
* speech ordinals opening a paragraph: ``一要…``, ``二要…`` (level 1) and ordinals inside a
  paragraph: ``一是…``, ``二是…`` (level 4) — only when at least two of a series are present;
* the clauses of a heading sentence (``一要持续强化理论武装，紧抓思想教育从严。``) become the
  heading's *clauses*, compared with the same clause of its siblings (“X从严”).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import noise
from .model import Sentence

__all__ = ["Document", "Heading", "Paragraph", "segment", "CN_DIGITS", "cn_number", "cn_numeral"]

CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}
CN_DIGITS.update({"十": 10, "两": 2})


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; None when not a simple Chinese numeral."""
    if not text or any(c not in CN_DIGITS for c in text):
        return None
    if text == "十":
        return 10
    if "十" in text:
        head, _, tail = text.partition("十")
        if len(head) > 1 or len(tail) > 1 or "十" in head + tail:
            return None  # 三四十 (thirty or forty), 十十: no single number
        return (CN_DIGITS[head] if head else 1) * 10 + (CN_DIGITS[tail] if tail else 0)
    if len(text) == 1:
        return CN_DIGITS[text]
    return None


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 150 → 一百五十 (1–999; the inverse of :func:`cn_number`
    below a hundred). 2 is 二: a caller that counts with a measure word writes 两 itself."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n >= 100:  # 一百, 一百零五, 一百一十, 三百
        hundreds, rest = divmod(n, 100)
        if not rest:
            tail = ""
        elif rest < 10:
            tail = "零" + digits[rest]
        else:  # (一百一十: the tens written whole after a hundred)
            tail = ("一" if rest < 20 else "") + cn_numeral(rest)
        return digits[hundreds] + "百" + tail
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


_NUMBERED = [
    (0, re.compile(r"^第([一二三四五六七八九十]+)(?:部分|章|节|篇)[、，\s　]*")),
    (1, re.compile(r"^([一二三四五六七八九十]{1,3})、")),
    (2, re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]")),
    (3, re.compile(r"^(\d{1,2})[\.．、](?!\d)")),
]
_SPEECH_HEAD = re.compile(r"^([一二三四五六七八九十])要")
_SUB_HEAD = re.compile(r"^([一二三四五六七八九十])是")
# ——刘少奇同志是不忘初心、对党忠诚的光辉榜样。 / ——必须坚持人民至上。: dash-led paragraphs
_DASH_HEAD = re.compile(r"^(?:——|－－|--)(?=[\u4e00-\u9fff“])")
DASH_LEVEL = 5
# (runs of plain characters taken whole, not one alternation per character: the body stops
# only where its end matches, so nothing is ever given back)
_SENTENCE_RE = re.compile(
    r"(?:[^。！？!?：:]++|[：:](?![一二三四五六七八九十][是要]))*+"
    r"(?:[。！？!?]+[”’」』）)]*|[：:](?=[一二三四五六七八九十][是要])|$)"
)
_TERMINAL = "。！？!?；;"
_DANGLING = set("用以把对在向从的和与及为将被")


@dataclass
class Paragraph:
    index: int
    start: int
    text: str
    kind: str = "body"  # body | title | noise


@dataclass
class Heading:
    """A heading sentence: its level, ordinal, label and the clauses of its title."""

    sentence: int  # Sentence.index
    level: int
    ordinal: int
    label: str  # 一、 / （一） / 一要 / 一是
    title: str  # the heading text without its label and final punctuation
    title_start: int  # offset of the title in the original text
    clauses: list[tuple[str, int]] = field(default_factory=list)  # (clause, offset)
    parent: int | None = None  # Sentence.index of the enclosing heading


@dataclass
class Document:
    text: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    headings: dict[int, Heading]  # by Sentence.index
    tainted: list[tuple[int, int]]  # clauses holding placeholders (offsets in text)

    def sentence_tainted(self, sentence: Sentence) -> list[tuple[int, int]]:
        end = sentence.start + len(sentence.text)
        return [(s, e) for s, e in self.tainted if s < end and e > sentence.start]


def segment(text: str) -> Document:
    """Split ``text`` into paragraphs, sentences and headings; mark noise and placeholders."""
    paragraphs = _paragraphs(text)
    _mark_titles(paragraphs)
    sentences: list[Sentence] = []
    headings: dict[int, Heading] = {}
    for para in paragraphs:
        noisy = para.kind != "body"
        numbered = None if noisy else _numbered_heading(para.text)
        for m in _SENTENCE_RE.finditer(para.text):
            raw = m.group(0)
            if not raw.strip():
                continue
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            start = para.start + m.start() + lead
            index = len(sentences)
            is_heading = False
            if numbered is not None and m.start() == 0:
                level, ordinal, label = numbered
                heading = _heading(index, level, ordinal, label, body, start)
                # （二）坚持不懈用 — a title broken off mid-phrase is not a heading to ask about
                if heading.title and heading.title[-1] not in _DANGLING:
                    is_heading = True
                    headings[index] = heading
            sentences.append(
                Sentence(
                    index=index,
                    paragraph=para.index,
                    text=body,
                    start=start,
                    is_heading=is_heading,
                    is_noise=noisy or _too_short(body),
                )
            )
    _speech_headings(sentences, headings)
    _verb_headings(sentences, headings)
    _dash_headings(sentences, headings)
    _link_parents(sentences, headings)
    for idx, heading in headings.items():
        s = sentences[idx]
        if not s.is_heading:
            sentences[idx] = Sentence(
                s.index, s.paragraph, s.text, s.start, is_heading=True, is_noise=s.is_noise
            )
        del heading  # headings dict already holds it
    return Document(text, paragraphs, sentences, headings, noise.tainted_spans(text))


def _paragraphs(text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip().rstrip("\r")
        if stripped:
            lead = len(line) - len(line.lstrip())
            kind = "body"
            if noise.is_caption(stripped) or noise.is_elision(stripped):
                kind = "noise"
            elif noise.is_salutation(stripped):
                kind = "noise"
            out.append(Paragraph(len(out), pos + lead, stripped, kind))
        pos += len(line) + 1
    return out


def _mark_titles(paragraphs: list[Paragraph]) -> None:
    """Headline, byline and date lines before the first body paragraph are not material."""
    for para in paragraphs:
        if para.kind == "noise":
            continue
        text = para.text
        terminated = text[-1] in _TERMINAL or text.endswith(("”", "）")) and "。" in text
        if terminated and len(text) > 40:
            break
        if _numbered_heading(text) is not None and not text.startswith(("（", "(")):
            break
        if not terminated and len(text) <= 60:
            para.kind = "title"
            continue
        if len(text) <= 24 and "。" not in text[:-1]:
            para.kind = "title"
            continue
        break
    if all(p.kind != "body" for p in paragraphs):
        # a text of one short line is material, not a headline
        for para in paragraphs:
            if para.kind == "title":
                para.kind = "body"


def _numbered_heading(text: str) -> tuple[int, int, str] | None:
    for level, pattern in _NUMBERED:
        m = pattern.match(text)
        if m:
            raw = m.group(1)
            ordinal = int(raw) if raw.isdigit() else cn_number(raw)
            if ordinal is None:
                return None
            # （2018年1月2日） is a date line, not a heading
            if level == 2 and len(text) > m.end() and text[m.end() - 1] not in "）)":
                return None
            return level, ordinal, m.group(0)
    return None


def _heading(index: int, level: int, ordinal: int, label: str, body: str, start: int) -> Heading:
    title = body[len(label) :] if body.startswith(label) else body
    title_start = start + (len(body) - len(title))
    title = title.rstrip("。！？!?；;：:")
    clauses: list[tuple[str, int]] = []
    for m in re.finditer(r"[^，,；;：:]+", title):
        clauses.append((m.group(0), title_start + m.start()))
    return Heading(index, level, ordinal, label, title, title_start, clauses)


def _speech_headings(sentences: list[Sentence], headings: dict[int, Heading]) -> None:
    """一要…/二要… at paragraph starts and 一是…/二是… inside paragraphs, in series of two+."""
    for pattern in (_SPEECH_HEAD, _SUB_HEAD):
        found: list[tuple[int, int, str, int]] = []
        prev_para = -1
        for s in sentences:
            first_in_para = s.paragraph != prev_para
            prev_para = s.paragraph
            if s.is_noise or s.index in headings:
                continue
            m = pattern.match(s.text)
            if m:
                ordinal = cn_number(m.group(1))
                if ordinal is not None and len(s.text) <= 60:
                    level = 1 if first_in_para and pattern is _SPEECH_HEAD else 4
                    found.append((s.index, ordinal, m.group(0), level))
        # keep only series: an ordinal n is kept when n-1 or n+1 is found nearby
        ordinals = {o for _, o, _, _ in found}
        for index, ordinal, label, level in found:
            if (ordinal - 1 in ordinals) or (ordinal + 1 in ordinals):
                s = sentences[index]
                headings[index] = _heading(index, level, ordinal, label, s.text, s.start)


# 一抓组织领导，…/二抓领学先学，…: a numeral and one repeated verb opening paragraphs
_VERB_HEAD = re.compile(r"^([一二三四五六七八九十]{1,2})([\u4e00-\u9fff])")


def _verb_headings(sentences: list[Sentence], headings: dict[int, Heading]) -> None:
    """一抓…/二抓…/三抓… opening paragraphs: a local report's run-in headings, in series of
    three or more sharing the verb (round Y2), like 一要…/二要…."""
    by_verb: dict[str, list[tuple[int, int, str]]] = {}
    prev_para = -1
    for s in sentences:
        first_in_para = s.paragraph != prev_para
        prev_para = s.paragraph
        if not first_in_para or s.is_noise or s.index in headings or len(s.text) > 60:
            continue
        m = _VERB_HEAD.match(s.text)
        if m is None or m.group(2) in "是要个大项条种年月日次批些":
            continue
        ordinal = cn_number(m.group(1))
        if ordinal is not None:
            by_verb.setdefault(m.group(2), []).append((s.index, ordinal, m.group(0)))
    for found in by_verb.values():
        ordinals = {o for _, o, _ in found}
        if not {1, 2, 3} <= ordinals:
            continue
        for index, ordinal, label in found:
            s = sentences[index]
            headings[index] = _heading(index, 1, ordinal, label, s.text, s.start)


def _dash_headings(sentences: list[Sentence], headings: dict[int, Heading]) -> None:
    """The first sentence of dash-led paragraphs (——X。), in series of two or more.

    Speeches and reports set out parallel points this way (——必须坚持人民至上。/ ——刘少奇同志是
    坚持真理、实事求是的光辉榜样。); like 一是/二是 they sit below any numbered heading.
    """
    found: list[int] = []
    prev_para = -1
    for s in sentences:
        first_in_para = s.paragraph != prev_para
        prev_para = s.paragraph
        if not first_in_para or s.is_noise or s.index in headings:
            continue
        if _DASH_HEAD.match(s.text) and len(s.text) <= 60:
            found.append(s.index)
    if len(found) < 2:
        return
    for ordinal, index in enumerate(found, start=1):
        s = sentences[index]
        label = s.text[:2]
        headings[index] = _heading(index, DASH_LEVEL, ordinal, label, s.text, s.start)


def _link_parents(sentences: list[Sentence], headings: dict[int, Heading]) -> None:
    stack: list[Heading] = []
    for index in sorted(headings):
        heading = headings[index]
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        heading.parent = stack[-1].sentence if stack else None
        stack.append(heading)


def _too_short(text: str) -> bool:
    """Sentences too short to carry a question (各位代表！)."""
    return len(text.strip("。！？!?；;，,：: ")) < 6


# a date line under the headline: （2015年10月29日）, （2014年5月8日…审议批准　…2026年4月2日…）
# (the latest date: a revised text is read as of its revision), or ——2020年5月22日在…
_DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def document_date(text: str) -> str:
    """The ISO date of a text's date line among its first lines, or "" (no date line: a body
    sentence that opens on a date, 1978年12月18日，在中华民族历史上…, is not one)."""
    lines = text.split("\n", 8)[:8]
    found: list[str] = []
    open_paren = False
    for line in lines:
        line = line.strip()
        if open_paren or line.startswith(("（", "(", "——")):
            found.extend(
                f"{int(y):04d}-{int(m):02d}-{int(d):02d}" for y, m, d in _DATE_RE.findall(line)
            )
            open_paren = (
                line.startswith(("（", "("))
                and not line.endswith(("）", ")"))
                or (open_paren and not line.endswith(("）", ")")))
            )
        elif _DATE_RE.fullmatch(line):
            found.append("-".join(f"{int(g):02d}" for g in _DATE_RE.fullmatch(line).groups()))
        if found and not open_paren:
            break
    return max(found, default="")
