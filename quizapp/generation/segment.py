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
    _mark_notes(paragraphs)
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


# an editor's note (题注) on the text, not the speaker's words: 这是毛泽东在…上的报告。,
# 毛泽东在这次会议上所作的报告, 邓小平同志的这个讲话…: the 选集's and 文选's note printed under the
# headline and date, or at the end in parentheses (blind22: erzhong's note gave 13 failing rows
# to 3 usable, its 说明了…/构成了… clauses have no subject but the note's)
_NOTE_KINDS = "(?:讲话|报告|文章|谈话|讲演|演说|演讲|发言|批语|按语|序言|题词|信|提纲|结论)"
_NOTE_THIS = re.compile(
    r"^[（(]?这是[^。！？]{2,60}?的(?:一[篇封部分个])?" + _NOTE_KINDS + "(?:的[^。]{0,20})?。"
)
_NOTE_AUTHOR = re.compile(
    r"(?:^|[。，；])(?!我)[\u4e00-\u9fff]{2,4}?(?:同志)?(?:在这次会议上所作的"
    + _NOTE_KINDS
    + r"|的这[个篇]"
    + _NOTE_KINDS
    + ")"
)


def _is_note(text: str) -> bool:
    """Is ``text`` a paragraph of an editor's note about the text (这是…的讲话。…)? A paragraph
    in the first person is the speaker's (刚才，X同志在这次会议上所作的报告，我完全赞成)."""
    if "我" in text:
        return False
    return bool(_NOTE_THIS.search(text) or _NOTE_AUTHOR.search(text))


# the source line under an excerpt of a 求是 collection: (2019年5月20日至22日在江西考察并主持召开
# 推动中部地区崛起工作座谈会时的讲话), （2016年7月1日在庆祝中国共产党成立95周年大会上的讲话）
# (blind30: a 判断 was made of one, its 江西 swapped, unusable)
_EXCERPT_SOURCE = re.compile(
    r"[（(]\d{4}年\d{1,2}月[^）)]{0,80}?"
    r"(?:讲话|谈话|指示|批示|贺信|回信|致信|讲话要点|讲话的一部分|文章|报告)[^）)]{0,12}[）)]$"
)


def _mark_notes(paragraphs: list[Paragraph]) -> None:
    """The editor's note is no material: the first body paragraph under a headline with a
    date line when it speaks of the text (:func:`_is_note`: 这是…的报告, X在这次会议上所作的
    报告, X的这个讲话), any paragraph wholly in parentheses that opens on 这是…的报告
    (``_NOTE_THIS`` alone), and the dated source line under an excerpt (:data:`_EXCERPT_SOURCE`)."""
    dated = False
    for para in paragraphs:
        if para.kind == "title":
            dated = dated or bool(_dates(para.text))
            continue
        if para.kind != "body":
            continue
        if dated and _is_note(para.text):
            para.kind = "noise"
        break
    for para in paragraphs:
        text = para.text
        if para.kind == "body" and text.startswith(("（", "(")) and text.endswith(("）", ")")):
            if _NOTE_THIS.search(text) or _EXCERPT_SOURCE.match(text):
                para.kind = "noise"


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
# the same line in Chinese numerals, as the 选集 and 文选 print it: （一九四九年三月五日）,
# （一九九九年六月二十八日） (a speech of 1999 is not asked a formula of 2017 as its content)
_CN_DATE_RE = re.compile(
    r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_CN_YEAR_DIGITS = {"〇": 0, "○": 0, **CN_DIGITS}


def _dates(line: str) -> list[str]:
    """The ISO dates written in ``line``, in Arabic or in Chinese numerals."""
    found = [f"{int(y):04d}-{int(m):02d}-{int(d):02d}" for y, m, d in _DATE_RE.findall(line)]
    for y, m, d in _CN_DATE_RE.findall(line):
        month, day = cn_number(m), cn_number(d)
        if month and day and month <= 12 and day <= 31:
            year = "".join(str(_CN_YEAR_DIGITS[c]) for c in y)
            found.append(f"{year}-{month:02d}-{day:02d}")
    return found


def document_date(text: str) -> str:
    """The ISO date of a text's date line among its first lines, or "" (no date line: a body
    sentence that opens on a date, 1978年12月18日，在中华民族历史上…, is not one, nor the source
    line of a 求是 collection's first excerpt, (2015年6月16日至18日在贵州调研时的讲话), which
    follows a paragraph of body: the collection is of a later year)."""
    lines = text.split("\n", 8)[:8]
    found: list[str] = []
    open_paren = False
    for line in lines:
        line = line.strip()
        if not open_paren and _BODY_LINE.search(line) and not line.startswith(("（", "(")):
            break  # (the body has begun: what follows dates a part, not the text)
        if open_paren or line.startswith(("（", "(", "——")):
            found.extend(_dates(line))
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


# a line of body text: a sentence's end
_BODY_LINE = re.compile("[。！？]")


# ---------------------------------------------------------------------------------------------
# A date bound read from the content, for a text without a date line (pasted from a web page)

# opening dates of the Party congresses (第N次全国代表大会, 十N大)
_CONGRESSES = {
    11: "1977-08-12",
    12: "1982-09-01",
    13: "1987-10-25",
    14: "1992-10-12",
    15: "1997-09-12",
    16: "2002-11-08",
    17: "2007-10-15",
    18: "2012-11-08",
    19: "2017-10-18",
    20: "2022-10-16",
}
# opening dates of the plenums (N届M中全会) of the congresses whose wordings the lexicon dates
_PLENUMS = {
    16: ("2002-11-15", "2003-02-24", "2003-10-11", "2004-09-16", "2005-10-08", "2006-10-08",
         "2007-10-09"),
    17: ("2007-10-22", "2008-02-25", "2008-10-09", "2009-09-15", "2010-10-15", "2011-10-15",
         "2012-11-01"),
    18: ("2012-11-15", "2013-02-26", "2013-11-09", "2014-10-20", "2015-10-26", "2016-10-24",
         "2017-10-11"),
    19: ("2017-10-25", "2018-01-18", "2018-02-26", "2019-10-28", "2020-10-26", "2021-11-08",
         "2022-10-09"),
    20: ("2022-10-23", "2023-02-26", "2024-07-15", "2025-10-20"),
}  # fmt: skip
# the first year of each 全国人大/全国政协 term (十二届 2013: its M次会议 meets in March of 2012+M)
_NPC_TERMS = {10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023}
# the first year of a five-year plan (十二五 2011–2015)
_PLANS = {11: 2006, 12: 2011, 13: 2016, 14: 2021, 15: 2026}
# the year of an event a text marks an anniversary of (今年是中华全国总工会成立90周年 → 2015)
_EVENTS = (
    ("中华全国总工会成立", 1925),
    ("共产主义青年团成立", 1922),
    ("共青团成立", 1922),
    ("中国共产党成立", 1921),
    ("党成立", 1921),
    ("建党", 1921),
    ("中华人民共和国成立", 1949),
    ("新中国成立", 1949),
    ("改革开放", 1978),
    ("抗日战争胜利", 1945),
    ("反法西斯战争胜利", 1945),
    ("长征胜利", 1936),
    ("五四运动", 1919),
    ("辛亥革命", 1911),
    ("建军", 1927),
    ("抗美援朝", 1950),
    ("深圳经济特区建立", 1980),
    ("浦东开发开放", 1990),
    ("马克思诞辰", 1818),
    ("毛泽东同志诞辰", 1893),
    ("邓小平同志诞辰", 1904),
    ("刘少奇同志诞辰", 1898),
    ("周恩来同志诞辰", 1898),
    ("朱德同志诞辰", 1886),
    ("八八战略", 2003),
    ("香港回归", 1997),
    ("澳门回归", 1999),
    ("西藏和平解放", 1951),
)
_CN_ORD = "一二三四五六七八九"
_NUM = r"(?:二十|十[一二三四五六七八九]?)"
_CONGRESS_RE = re.compile(rf"({_NUM})大(?![会学小楼家])|第({_NUM})次全国代表大会")
_PLENUM_RE = re.compile(rf"({_NUM})届((?:[{_CN_ORD}]中、)*[{_CN_ORD}])中全会")
_CC_PLENUM_RE = re.compile(rf"第({_NUM})届中央委员会第([{_CN_ORD}])次全体会议")
_TERM_RE = re.compile(rf"({_NUM})届(?:中央|中共中央)")
# a congress or plenum still to come (迎接党的十九大胜利召开): no bound of the text
# (…在北京召开中国共产党第二十次全国代表大会; 从十九大到二十大)
_COMING_RE = re.compile(
    r"(?:(?:迎接|即将召开的?|将要召开的?|将于|筹备)[^。；]{0,6}"
    r"|\d{4}年召开(?:党的)?|召开(?:党的|中国共产党)|到(?:党的)?)$"
)
# a session's own document: its title (…第五次全体会议公报) or the report to a congress
_OWN_TITLE_RE = re.compile(r"(?:公报|决定|决议|建议|报告)$")
_REPORT_RE = re.compile(
    rf"在(?:中国共产党)?第({_NUM})次全国代表大会上的报告|向大会作报告。?(?:中国共产党)?第({_NUM})次全国代表大会"
)
# what only a text of the 十九大 or later says
_MODERN_RE = re.compile(r"进入新时代|新时代中国特色社会主义|中国式现代化|两个确立|两个维护")
# 新时代 alone as the 十九大's era, not the word a 2016 speech uses once (谱写新时代的劳动者之歌,
# blind29): a text of that era names it again and again
_NEW_ERA = "新时代"
_NEW_ERA_TIMES = 2
_NPC_RE = re.compile(
    rf"第?({_NUM})届全国(?:人民代表大会|人大|政协|委员会)(?:第|[^，。]{{0,6}}?)([{_CN_ORD}])次会议"
    rf"|全国(?:人大|政协)({_NUM})届([{_CN_ORD}])次会议"
)
_ANNIVERSARY_RE = re.compile(r"(\d{1,3})周年")
# one year's clause: the match never runs on into another year's (今年是实现“十四五”规划目标任务
# 的关键一年，明年是收官之年 dates the text 2024, not 2025)
_ONE_YEAR = r"(?:(?!今年|明年|去年)[^。])*?"
_PLAN_NOW_RE = re.compile(rf"今年是{_ONE_YEAR}“?十([一二三四五])五”?{_ONE_YEAR}(开局|收官)之年")
_PLAN_DONE_RE = re.compile(rf"(?:去年|过去的一年){_ONE_YEAR}“?十([一二三四五])五”?{_ONE_YEAR}收官")
_CONGRESS_YEAR_RE = re.compile(rf"今年是{_ONE_YEAR}({_NUM})大{_ONE_YEAR}开局之年")


def _cn(num: str) -> int:
    return cn_number(num) or 0


def _shift(iso: str, days: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def _anniversary_year(clause: str) -> int | None:
    """The year a clause's anniversary falls in (中华全国总工会成立90周年 → 2015), or None
    when its event is unknown or two disagree."""
    years = set()
    for m in _ANNIVERSARY_RE.finditer(clause):
        before = re.split(r"[，、；：]", clause[: m.start()])[-1]
        event = next((y for name, y in _EVENTS if name in before), None)
        if event is None:
            return None
        years.add(event + int(m.group(1)))
    return years.pop() if len(years) == 1 else None


def _now_years(text: str, lines: list[str]) -> set[int]:
    """Years a text says it is written in: 今年是…N周年, a title or opening that marks an
    anniversary (在纪念五四运动100周年大会上的讲话; 今天，…纪念…; 我们刚刚纪念了…), 今年是
    “十三五”开局之年, 去年…“十二五”规划圆满收官, 今年是贯彻落实党的十九大精神的开局之年."""
    years: set[int] = set()
    for sentence in re.split(r"[。！？!?\n]", text):
        anniversary = "周年" in sentence and (
            sentence.startswith(("今年", "今天"))
            or "今年是" in sentence
            or "刚刚纪念" in sentence
            or any(sentence == line for line in lines[:2] if "纪念" in line or "庆祝" in line)
        )
        if anniversary:
            year = _anniversary_year(sentence.partition("今年是")[2] or sentence)
            if year:
                years.add(year)
        if m := _PLAN_NOW_RE.search(sentence):
            years.add(_PLANS[10 + CN_DIGITS[m.group(1)]] + (0 if m.group(2) == "开局" else 4))
        if m := _PLAN_DONE_RE.search(sentence):
            years.add(_PLANS[10 + CN_DIGITS[m.group(1)]] + 5)
        if (m := _CONGRESS_YEAR_RE.search(sentence)) and _cn(m.group(1)) in _CONGRESSES:
            years.add(int(_CONGRESSES[_cn(m.group(1))][:4]) + 1)
    return years


def _latest_session(text: str) -> str:
    """The opening date of the latest congress or plenum a text cites as held (十八届三中、
    四中、五中全会 → 2015-10-26; "9999" for one after the table), or ""."""
    latest = ""
    for regex in (_CONGRESS_RE, _PLENUM_RE, _CC_PLENUM_RE, _TERM_RE):
        for m in regex.finditer(text):
            if _COMING_RE.search(text, max(0, m.start() - 12), m.start()):
                continue
            n = _cn(m.group(1) or m.group(2) if regex is _CONGRESS_RE else m.group(1))
            date = _CONGRESSES.get(n, "9999" if n > 20 else "")
            if regex in (_PLENUM_RE, _CC_PLENUM_RE) and n in _PLENUMS:
                plenums = _PLENUMS[n]
                k = max(CN_DIGITS[c] for c in m.group(2) if c in CN_DIGITS)
                date = plenums[k - 1] if k <= len(plenums) else "9999"
            latest = max(latest, date)
    return latest


def _own_session(title: str, opening: str) -> str:
    """The opening date of the session whose own document the text is: a title naming it
    (中国共产党第十八届中央委员会第五次全体会议公报) or the report to a congress (我代表第十八届
    中央委员会向大会作报告。中国共产党第十九次全国代表大会，…), else ""."""
    m = _CC_PLENUM_RE.search(title)
    if m and _OWN_TITLE_RE.search(title):
        plenums = _PLENUMS.get(_cn(m.group(1)), ())
        k = CN_DIGITS[m.group(2)]
        return plenums[k - 1] if k <= len(plenums) else ""
    m = _CONGRESS_RE.search(title)
    if m and m.group(2) and _OWN_TITLE_RE.search(title):
        return _CONGRESSES.get(_cn(m.group(2)), "")
    m = _REPORT_RE.search(opening.replace("\n", ""))
    return _CONGRESSES.get(_cn(m.group(1) or m.group(2)), "") if m else ""


def inferred_era(text: str) -> tuple[str, str]:
    """A date bound ``(earliest, latest)`` (ISO dates, "" where unknown) read from the content of
    a text that has no date line, conservatively:

    * the text is no earlier than the latest congress or plenum it cites as held (十八届五中全会
      → 2015-10-26); a text that names 新时代, 中国式现代化… is no earlier than the 十九大;
    * the congresses a text cites give no latest date: 2020 speeches on 脱贫攻坚 and on science
      cite the 十八大 and nothing later;
    * a session's own document (its title names 第N届中央委员会第M次全体会议 and ends on 公报,
      决定, 建议…; 我代表…向大会作报告 before 第N次全国代表大会) is of that session, within a
      month; a speech at a 全国人大/全国政协 session (在…会议上, 参加… in the first lines) is
      of March to June of that year (the 2020 session met in May);
    * a year the text says it is written in (今年是…N周年, a title marking an anniversary,
      今年是“十三五”开局之年, 去年…“十二五”规划圆满收官) bounds it to that year.

    Bounds that contradict each other give ("", "")."""
    lines = [line.strip() for line in text.split("\n", 8)[:8] if line.strip()]
    opening = "\n".join(lines[:5])
    lo, hi = _latest_session(text), ""
    if _MODERN_RE.search(text) or text.count(_NEW_ERA) >= _NEW_ERA_TIMES:
        lo = max(lo, _CONGRESSES[19])
    session = _own_session(lines[0] if lines else "", opening)
    if session:
        lo, hi = max(lo, session), _shift(session, 30)
    m = _NPC_RE.search(opening)
    if m and (opening[m.end() : m.end() + 1] == "上" or "参加" in opening[: m.start()][-8:]):
        term, sitting = (g for g in m.groups() if g)
        if _cn(term) in _NPC_TERMS:
            year = _NPC_TERMS[_cn(term)] + CN_DIGITS[sitting] - 1
            lo, hi = max(lo, f"{year}-03-01"), min(hi or "9999", f"{year}-06-30")
    years = _now_years(text, lines)
    if len(years) > 1:
        return "", ""
    if years:
        year = years.pop()
        lo, hi = max(lo, f"{year}-01-01"), min(hi or "9999", f"{year}-12-31")
    if lo and hi and lo > hi or lo.startswith("9999"):
        return "", ""
    return lo, hi


def document_era(text: str) -> tuple[str, str]:
    """The text's date as a bound ``(earliest, latest)``: its date line twice, else the bound
    :func:`inferred_era` reads from the content."""
    date = document_date(text)
    return (date, date) if date else inferred_era(text)
