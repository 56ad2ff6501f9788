"""Find the phrases worth testing in a segmented text, each with a type and a score.

Key selection is driven by the lexicon and by structure, in this order of trust:

1. ``lexicon``  — a formula of the lexicon named in the text (四个意识, 好干部标准 …);
2. ``member``   — the members of a lexicon formula spelled out (道路自信、理论自信、…);
3. ``formula``  — a numbered formula the lexicon does not know (“一报告两评议”, 六个必须 …);
4. ``heading``  — the distinctive clause of a section heading, compared with its siblings
   (一要…紧抓思想教育从严 / 二要…坚持选人用人从严 …);
5. ``quotation``/``definition`` — the predicate of a defining sentence inside a 习近平总书记
   指出/强调 quotation, or of any “X最…的是Y”-shaped sentence (最大政治优势是密切联系群众);
6. ``quoted``   — a short quoted span (“富民强村”, “组合拳”);
7. ``enumeration`` — a member of a 、-list (以德为先、任人唯贤、人事相宜);
8. ``term``     — a recurring domain word, only as a tie-breaker in scores.

Nothing overlapping a placeholder clause, nothing from a caption, title or elision line, and no
generic word (干部, 工作 …) is ever kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import noise
from .jieba_setup import is_word, word_ends
from .lexicon import NUMERALS, Lexicon, load_lexicon
from .model import KeyPhrase, Sentence
from .segment import Document, Heading, segment

__all__ = ["find_key_phrases", "extract", "Extraction", "GENERIC_WORDS", "is_generic"]

# Words too generic to be a blank or an answer on their own.
GENERIC_WORDS = frozenset(
    """干部 工作 我们 同志 问题 发展 建设 方面 情况 部门 单位 领导 党员 人民 群众 国家 社会 经济
    政治 实际 要求 任务 措施 活动 基层 组织 思想 工作体系 重要 全面 进一步 有关 一些 各级 全党
    这个 那个 一个 这些 自己 大家 时候 目前 当前 今年 去年 以来 方向 效果 力量 作用 能力 水平
    成绩 成效 成果 意见 办法 工程 制度 机制 体系 环境 条件 事情 事业 地方 全国 全市 全省 我国
    中国 中央 党中央 世界 时代 新时代 人员 主要 基本 根本 重点 关键 核心 一切 历史
    现在 将来""".split()
)

TYPE_WEIGHT = {
    "lexicon": 1.0,
    "member": 0.9,
    "formula": 0.88,
    "heading": 0.8,
    "quotation": 0.78,
    "definition": 0.74,
    "quoted": 0.66,
    "enumeration": 0.6,
    "term": 0.64,
}
_HEAD_NOUNS = "思维|意识|主义|本领|定力|优势"
_HEAD_TERM_RE = re.compile(rf"([\u4e00-\u9fff]{{2}})({_HEAD_NOUNS})")
_BAD_MODIFIER = set("的了和在是要与及把将从对为以这那其之等又也都就")
_BAD_HEAD_TERMS = {
    "社会主义",
    "共产主义",
    "马克思主义",
    "资本主义",
    "帝国主义",
    "这种意识",
    "一种意识",
}
_CONJUNCTIONS = ("而且", "还是", "但", "就", "要", "应该", "只有", "因为", "所以", "如果", "并且")
_VAGUE = {"社会主义", "马克思主义", "党组织", "强大力量", "改革开放", "共产党员"}
_ONLY_RE = re.compile(r"只有([^，,；;。！？]{2,8}?)才能有?([^，,；;。！？]{2,8})")
_GRASP_RE = re.compile(
    r"抓([\u4e00-\u9fff]{2,3}?)促([\u4e00-\u9fff]{2,4}?)(?=工作|的|，|。|、|和|$)"
)
_COUPLET_RE = re.compile(r"^([\u4e00-\u9fff]{4})，([\u4e00-\u9fff]{4})[。！]$")

# which key survives when two overlap in a sentence
_PRIORITY = {
    "lexicon": 10,
    "member": 9,
    "formula": 8,
    "term": 7,
    "quotation": 6,
    "definition": 5,
    "quoted": 4,
    "enumeration": 3,
    "heading": 11,  # a heading claims its span first, and is never dropped
}
_QUOTED_RE = re.compile(r"“([^“”\n]{1,40})”|‘([^‘’\n]{1,30})’|「([^「」\n]{1,40})」")
_NUMBERED_SHAPE = re.compile(
    rf"^[{NUMERALS}][个大项条种][\u4e00-\u9fff]{{1,4}}$|"
    rf"^[二三四五六七八九十两百][\u4e00-\u9fff]{{1,3}}$|"
    rf"^[{NUMERALS}][\u4e00-\u9fff]{{1,2}}[{NUMERALS}][\u4e00-\u9fff]{{1,3}}$"
)
# Unquoted numbered formulas: 数词+个+a head that marks a formula, not a plain count.
_NUMBERED_FREE = re.compile(
    rf"(?<![{NUMERALS}])[{NUMERALS}]个(?:意识|自信|维护|确立|全面|伟大|坚持|明确|必须|务必|代表|服从|"
    rf"没有变|区分开来|一百年|结合|先行|统筹|倍增|转变|坚定不移)"
)
_QUOTE_INTRO = re.compile(
    r"(习近平(?:总书记|同志)?|总书记)(?:多次|反复|深刻|明确|曾经|曾)?(?:指出|强调|要求|提出|告诫|说)[，：:]?"
)
_DEFINE_MARK = re.compile(r"最|根本|核心|关键|首要|本质|灵魂|生命线|根基|命脉|前提|保证|法宝|基石")
_ITEM = r"[^\s，,。；;：:、“”‘’（）()《》！？!?\n]"
_ENUM_RE = re.compile(rf"{_ITEM}{{2,20}}(?:、{_ITEM}{{1,20}})+")
_LEAD_VERBS = (
    "的",
    "坚持",
    "紧抓",
    "持续",
    "着力",
    "切实",
    "坚决",
    "大力",
    "深入",
    "不断",
    "抓好",
    "抓",
    "加快",
    "推动",
    "推进",
    "进一步",
)
_ADJ_ENDS = set("高深明实强好优大小多少快慢新真准细严紧足稳")


@dataclass
class Extraction:
    """Everything the question builders need from one text."""

    doc: Document
    lexicon: Lexicon
    keys: list[KeyPhrase]
    # enumeration groups: tuple of items → (sentence index, start, end of the whole list)
    groups: dict[tuple[str, ...], tuple[int, int, int]] = field(default_factory=dict)
    # heading sibling sets: (parent, level, clause index) → ordered list of (sentence, key)
    heading_sets: dict[tuple[int | None, int, int], list[tuple[int, str]]] = field(
        default_factory=dict
    )
    formula_sentences: dict[str, int] = field(default_factory=dict)  # formula → first sentence
    formula_by_members: dict[str, bool] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)


def is_generic(text: str) -> bool:
    t = text.strip("“”‘’\"' ")
    return len(t) < 2 or t in GENERIC_WORDS or t.isdigit()


def find_key_phrases(text: str, *, lexicon: Lexicon | None = None) -> list[KeyPhrase]:
    """The key phrases of ``text`` in reading order, with offsets into ``text`` itself."""
    return extract(text, lexicon=lexicon).keys


def extract(
    text: str, *, lexicon: Lexicon | None = None, doc: Document | None = None
) -> Extraction:
    lexicon = lexicon or load_lexicon()
    doc = doc or segment(text)
    ex = Extraction(doc, lexicon, [])
    found: list[KeyPhrase] = []
    usable = [s for s in doc.sentences if not s.is_noise]
    head_counts = Counter(m.group(0) for m in _HEAD_TERM_RE.finditer(text))
    for s in usable:
        tainted = doc.sentence_tainted(s)
        found.extend(_lexicon_keys(ex, s, tainted))
        found.extend(_quoted_keys(ex, s, tainted))
        found.extend(_enumeration_keys(ex, s, tainted))
        found.extend(_pair_keys(ex, s, tainted))
        found.extend(_definition_keys(ex, s, tainted))
        found.extend(_term_keys(ex, s, tainted, head_counts))
    found.extend(_heading_keys(ex))
    ex.keys = _dedupe(found, ex)
    return ex


# -- 1/2 lexicon names and spelled-out members --------------------------------------------
def _lexicon_keys(ex: Extraction, s: Sentence, tainted) -> Iterable[KeyPhrase]:
    out = []
    for hit in ex.lexicon.find_names(s.text):
        start, end = s.start + hit.start, s.start + hit.end
        if noise.overlaps(start, end, tainted):
            continue
        name = s.text[hit.start : hit.end]
        ex.formula_sentences.setdefault(hit.formula.name, s.index)
        ex.formula_by_members.setdefault(hit.formula.name, False)
        out.append(
            KeyPhrase(
                name,
                "lexicon",
                s.index,
                start,
                end,
                TYPE_WEIGHT["lexicon"],
                hit.formula.name,
                hit.formula.members,
            )
        )
    for hit in ex.lexicon.find_member_runs(s.text, s.start):
        if noise.overlaps(hit.start, hit.end, tainted):
            continue
        ex.formula_sentences.setdefault(hit.formula.name, s.index)
        ex.formula_by_members.setdefault(hit.formula.name, True)
        local = s.text[hit.start - s.start : hit.end - s.start]
        for member in hit.members_found:
            for spelling in hit.formula.spellings(member):
                pos = local.find(spelling)
                if pos >= 0:
                    a = hit.start + pos
                    out.append(
                        KeyPhrase(
                            spelling,
                            "member",
                            s.index,
                            a,
                            a + len(spelling),
                            TYPE_WEIGHT["member"],
                            hit.formula.name,
                            hit.members_found,
                        )
                    )
                    break
    return out


# -- 3/6 quoted spans and numbered formulas ------------------------------------------------
def _quoted_keys(ex: Extraction, s: Sentence, tainted) -> Iterable[KeyPhrase]:
    out = []
    for m in _QUOTED_RE.finditer(s.text):
        group = next(i for i in (1, 2, 3) if m.group(i) is not None)
        inner = m.group(group)
        start = s.start + m.start(group)
        end = start + len(inner)
        if noise.overlaps(start, end, tainted) or noise.has_placeholder(inner):
            continue
        if ex.lexicon.get(inner) is not None:
            continue  # a lexicon name: already a lexicon key
        stripped = inner.strip()
        if len(stripped) < 2 or is_generic(stripped) or re.search(r"\d", stripped):
            continue
        if _NUMBERED_SHAPE.match(stripped):
            out.append(KeyPhrase(stripped, "formula", s.index, start, end, TYPE_WEIGHT["formula"]))
            continue
        halves = re.split(r"[，,；;]", stripped.rstrip("。！？"))
        lengths = [len(h) for h in halves]
        couplet = (
            2 <= len(halves) <= 4
            and all(4 <= n <= 14 for n in lengths)
            and max(lengths) - min(lengths) <= 1
            and not any(h.startswith(_CONJUNCTIONS) for h in halves)
        )
        if couplet:  # 维护核心见行动，牢记嘱托创佳绩 — not prose quoted at length
            pos = 0
            for half in halves:
                k = inner.find(half, pos)
                pos = k + len(half)
                a = start + k
                out.append(
                    KeyPhrase(
                        half, "quoted", s.index, a, a + len(half), TYPE_WEIGHT["quoted"] + 0.02
                    )
                )
            continue  # the halves are the blanks; the whole couplet would be one too many
        if len(stripped) > 16 or stripped.endswith(("。", "！", "？")):
            continue  # a whole quoted sentence: too long for a blank
        score = TYPE_WEIGHT["quoted"]
        if len(stripped) == 2:
            score -= 0.2
        elif len(stripped) == 3:
            score -= 0.1
        elif len(stripped) >= 4:
            score += 0.04
        if "、" in stripped or "，" in stripped:
            score += 0.04  # a slogan: 践行新思想、展现新作为
        out.append(KeyPhrase(stripped, "quoted", s.index, start, end, score))
    for m in _NUMBERED_FREE.finditer(s.text):
        start, end = s.start + m.start(), s.start + m.end()
        if ex.lexicon.get(m.group(0)) is not None or noise.overlaps(start, end, tainted):
            continue
        out.append(
            KeyPhrase(m.group(0), "formula", s.index, start, end, TYPE_WEIGHT["formula"] - 0.1)
        )
    return out


# -- 7 enumerations --------------------------------------------------------------------------
def _enumeration_keys(ex: Extraction, s: Sentence, tainted) -> Iterable[KeyPhrase]:
    out = []
    for m in _ENUM_RE.finditer(s.text):
        bounds = _Boundaries(s.text, m.start(), m.end() + 4, m.end())
        items = _split_enumeration(m.group(0), m.start(), bounds)
        if items is None:
            continue
        texts = tuple(t for t, _ in items)
        starts = [s.start + p for _, p in items]
        first, last = starts[0], starts[-1] + len(texts[-1])
        if noise.overlaps(first, last, tainted):
            continue
        if any(is_generic(t) or re.search(r"[\dA-Za-z%％]", t) for t in texts):
            continue
        if len(set(texts)) != len(texts):
            continue
        if sum(t.endswith("的") for t in texts) * 2 >= len(texts):
            continue  # 全方位的、开创性的: attributes, not items
        shared = bool(_common_suffix(list(texts)) or _common_prefix(list(texts)))
        if min(len(t) for t in texts) < 3 and not (len(texts) >= 3 and shared):
            continue  # 讹诈、遏制、封锁: words, not phrases worth a blank
        if max(len(t) for t in texts) <= 3 and (
            sum(t[-1] in _ADJ_ENDS for t in texts) * 2 >= len(texts)
            or all(t[0] in "最很更越不没" for t in texts)
        ):
            continue  # 站位高、思想深、要求明 / 最真挚、最炽热: praise, not content
        if len(texts) == 2 and not (
            shared
            or all(t in ex.lexicon.terms for t in texts)
            or all(
                ex.doc.text.count(t) >= 3 for t in texts
            )  # 思想大解放、行动大担当, again and again
        ):
            continue  # 很及时、很有必要: a pair of predicates, not a list worth a question
        lengths = [len(t) for t in texts]
        uniform = max(lengths) - min(lengths) <= 1
        # value signals: 四字格 lists, lists holding standard terms, quoted lists;
        # edges cut out of running text are less certain
        score = 0.52
        if uniform and min(lengths) >= 4 and max(lengths) <= 6:
            score += 0.1
        if any(t in ex.lexicon.terms or ex.lexicon.owners(t) for t in texts):
            score += 0.1
        quoted = m.start() > 0 and s.text[m.start() - 1] in "“‘「"
        if quoted:
            score += 0.08
        if max(lengths) > 10:
            score -= 0.1
        if uniform and len(texts) >= 4 and max(lengths) <= 6:
            score += 0.1  # 稳增长、促改革、调结构、惠民生、防风险、保稳定
        elif max(lengths) <= 3 and not quoted:
            score -= 0.08
        if first != s.start + m.start():
            score -= 0.06
        score = round(score, 3)
        if score >= 0.55:
            ex.groups.setdefault(texts, (s.index, first, last))
        for text, a in zip(texts, starts, strict=True):
            out.append(
                KeyPhrase(text, "enumeration", s.index, a, a + len(text), score, None, texts)
            )
    return out


class _Boundaries:
    """Word boundaries (sentence offsets) near the edges of a 、-run, cut on demand.

    Only the first item and the end of the run ever need a boundary, so only those few
    characters go through jieba, and only when a cut is actually needed.
    """

    def __init__(self, text: str, start: int, end: int, run_end: int):
        self.text, self.start, self.end = text, start, end
        # does the run stop at punctuation (or the sentence end) rather than mid-word?
        self.ends_clean = run_end >= len(text) or not re.match(_ITEM, text[run_end])
        self._regions: list[tuple[int, int, set[int]]] = []

    def __contains__(self, pos: int) -> bool:
        for a, b, found in self._regions:
            if a <= pos <= b:
                return pos in found
        # cut the stretch between the nearest 、 (or run edges) around pos
        a = self.text.rfind("、", self.start, pos) + 1 or self.start
        a = max(a, self.start)
        nxt = self.text.find("、", pos, self.end)
        b = self.end if nxt < 0 else nxt
        b = min(len(self.text), b)
        found = {a + k for k in word_ends(self.text[a:b])}
        self._regions.append((a, b, found))
        return pos in found


_PAIR_RE = re.compile(r"([\u4e00-\u9fff]{3,10})和([\u4e00-\u9fff]{3,10})")


def _pair_keys(ex: Extraction, s: Sentence, tainted) -> list[KeyPhrase]:
    """永恒课题和终身课题: two phrases joined by 和 that share a two-character ending."""
    out = []
    for m in _PAIR_RE.finditer(s.text):
        left, right = m.group(1), m.group(2)
        for n in (2, 3):
            suffix = left[-n:]
            k = right.find(suffix)
            if k < 0 or n > len(left) - 1:
                continue
            size = n + 2
            a_text = left[-size:]
            b_text = right[: k + n][-size:]
            if len(b_text) < size or a_text == b_text:
                continue
            a = s.start + m.end(1) - size
            b = s.start + m.start(2) + k + n - size
            if noise.overlaps(a, a + size, tainted) or noise.overlaps(b, b + size, tainted):
                continue
            if (len(left) - size) not in word_ends(left) or (k + n - size) not in word_ends(
                right[: k + n]
            ):
                continue  # both must start on a word boundary (特别行政区同胞 ≠ 政区同胞)
            group = (a_text, b_text)
            ex.groups.setdefault(group, (s.index, a, b + size))
            for text, at in ((a_text, a), (b_text, b)):
                out.append(KeyPhrase(text, "enumeration", s.index, at, at + size, 0.6, None, group))
            break
    return out


def _split_enumeration(run: str, offset: int, bounds: _Boundaries) -> list[tuple[str, int]] | None:
    """Items of a 、-run, with the first and last trimmed to the shape of the middle ones.

    The first item may carry a lead-in (做到以德为先), the last a tail (共享的发展理念,
    享乐主义和奢靡之风屡禁不止): they are cut at a word boundary to the length of the others.
    """
    parts = run.split("、")
    positions = []
    pos = offset
    for p in parts:
        positions.append(pos)
        pos += len(p) + 1
    items = list(zip(parts, positions, strict=True))
    # 政治优势、组织优势和群众工作优势: the last part holds two items
    last, lp = items[-1]
    for sep in ("以及", "及", "和", "与"):
        k = last.find(sep)
        if k >= 2 and (lp + k) in bounds and (lp + k + len(sep)) in bounds:
            ref = parts[-2]
            if abs(k - len(ref)) <= 1 or len(_common_suffix([last[:k], ref])) >= 2:
                items[-1] = (last[:k], lp)
                items.append((last[k + len(sep) :], lp + k + len(sep)))
                parts = [t for t, _ in items]
            break
    if len(parts) == 2:
        inner = [parts[1]] if len(parts[1]) <= len(parts[0]) else [parts[0]]
    else:
        inner = parts[1:-1]
    lengths = sorted(len(p) for p in inner)
    typical = lengths[len(lengths) // 2]
    lo, hi = max(2, lengths[0] - 1), lengths[-1] + 1
    # first item: keep its last words, ending where it ends
    text, p = items[0]
    while len(text) > 2:
        if text[0] in "的之":
            text, p = text[1:], p + 1  # 的执政考验 → 执政考验
        elif (
            text[0] in "对在从向把将和与及是为以要"
            and abs(len(text) - 1 - typical) < abs(len(text) - typical)  # 对人民负责 stays
            and (
                is_word(text[1:3])  # 从政治纪律 → 政治纪律
                or not (is_word(text[:2]) or is_word(text[:3]))  # 在幼有所育 → 幼有所育
            )
        ):
            text, p = text[1:], p + 1
        else:
            break
    items[0] = (text, p)
    if len(text) > hi:
        cuts = [
            c for c in range(p, p + len(text) - 1) if lo <= p + len(text) - c <= hi and c in bounds
        ]
        if not cuts:
            if len(items) < 3:
                return None
            items = items[1:]
        else:
            best = min(cuts, key=lambda c: (abs(p + len(text) - c - typical), -c))
            cut_text, cut_at = text[best - p :], best
            if cut_text[0] in "的之了着地得" and len(cut_text) > 3:
                cut_text, cut_at = cut_text[1:], cut_at + 1  # 最大|的|教育体系
            items[0] = (cut_text, cut_at)
    # last item: split on 和/及/与, then keep its first words (up to the shared ending)
    text, p = items[-1]
    extra: list[tuple[str, int]] = []
    suffix = _common_suffix(inner) if len(inner) >= 1 and len(parts) > 2 else ""
    if suffix and len(suffix) >= 2 and suffix in text and len(text) > hi:
        k = text.find(suffix) + len(suffix)
        if (p + k) in bounds and k >= lo:
            text = text[:k]
            hi = max(hi, k)
    for sep in ("以及", "及", "和", "与"):
        k = text.find(sep)
        if k >= 2 and lo <= k <= hi and (p + k) in bounds:
            tail, tp = text[k + len(sep) :], p + k + len(sep)
            text = text[:k]
            tail_cut = _cut_head(tail, tp, bounds, lo, hi, typical)
            if tail_cut:
                extra.append(tail_cut)
            break
    marker = min((k for k in (text.find("等"), text.find("的")) if lo <= k <= hi + 3), default=-1)
    if marker > 0 and len(text) > hi:
        head = text[:marker]
        if head[-1] in "中上里" and len(head) - 1 >= lo:
            head = head[:-1]  # 淳化民风|中|的重要作用
        items[-1] = (head, p)  # 化解农村社会矛盾|等方面
    elif len(text) > hi or (p + len(text) == bounds.end - 4 and not bounds.ends_clean):
        head = _cut_head(text, p, bounds, lo, hi, typical)
        if head is None:
            items = items[:-1]
            if len(items) < 2:
                return None
        else:
            items[-1] = head
    else:
        items[-1] = (text, p)
    items.extend(extra)
    return _finish(items)


def _cut_head(
    text: str, p: int, bounds: _Boundaries, lo: int, hi: int, typical: int
) -> tuple[str, int] | None:
    """The first words of ``text`` with a length in [lo, hi], closest to ``typical``."""
    if lo <= len(text) <= hi and (p + len(text)) in bounds:
        return text, p
    cuts = [c for c in range(p + lo, p + min(len(text), hi) + 1) if c in bounds]
    if not cuts:
        return None
    best = min(cuts, key=lambda c: (abs(c - p - typical), c))
    return text[: best - p], p


def _finish(items: list[tuple[str, int]]) -> list[tuple[str, int]] | None:
    items = [(t[:-1] if t.endswith("等") and len(t) > 2 else t, p) for t, p in items if t]
    # 进行反复讨论而形成的: the tail is a relative clause, keep what comes before 而
    items = [(t[: t.index("而")] if t.endswith("的") and "而" in t[2:] else t, p) for t, p in items]
    if sum(t.endswith("的") for t, _ in items) == 1:  # 优质高效的 (a list of 的-phrases stays)
        items = [(t[:-1] if t.endswith("的") and len(t) > 3 else t, p) for t, p in items]
    if len(items) < 2:
        return None
    lengths = [len(t) for t, _ in items]
    if min(lengths) < 2 or max(lengths) > 16:
        return None
    if len(items) == 2 and (min(lengths) < 4 or max(lengths) - min(lengths) > 1):
        return None
    return items


def _common_prefix(items: list[str]) -> str:
    if not items:
        return ""
    first = items[0]
    k = 0
    while k < len(first) and all(len(i) > k and i[k] == first[k] for i in items):
        k += 1
    return first[:k] if len(items) > 1 else ""


def _common_suffix(items: list[str]) -> str:
    rev = _common_prefix([i[::-1] for i in items])
    return rev[::-1]


# -- 5 definitions and quotations -------------------------------------------------------------
_DEF_RE = re.compile(
    r"([^，,；;：:。！？]{2,24}?)(?<!不|就|还|也|都|才|总|要|正|却|但|而|仍|更|即)是(?!否|不是|非)([^，,；;：:。！？]{2,24})"
)
_AS_RE = re.compile(r"把([^，,；;。]{2,14}?)(?:放在第一位|放在首位|作为([^，,；;。]{2,14}))")
_PRINCIPLE_RE = re.compile(r"坚持([^，,；;。、]{2,10}?(?:原则|方针|标准|路线|方略))")
_BECOME_RE = re.compile(r"成为([^，,；;。、]{3,10})")
_WITH_RE = re.compile(
    r"以([^，,；;。、：:]{2,12}?)为(?:统领|主线|根基|重点|着力点|中心|核心|主题|引领|根本|基础|抓手|"
    r"牵引|关键|导向|指导|根本遵循|行动指南|标志)"
)


def _definition_keys(ex: Extraction, s: Sentence, tainted) -> Iterable[KeyPhrase]:
    text = s.text
    intro = _QUOTE_INTRO.search(text)
    in_quote = intro is not None
    body_start = intro.end() if intro else 0
    kind = "quotation" if in_quote else "definition"
    out: list[KeyPhrase] = []

    def add(phrase: str, local: int, bonus: float = 0.0) -> None:
        phrase = phrase.strip()
        if not phrase or is_generic(phrase) or len(phrase) > 14 or len(phrase) < 2:
            return
        if phrase.endswith(("同志", "的", "字")) or "习近平" in phrase or phrase in _VAGUE:
            return  # 以习近平同志为核心, 是选出来的: a person or a predicate, not a key
        if re.search(r"[\dA-Za-z%％]", phrase):
            return
        a = s.start + local
        if noise.overlaps(a, a + len(phrase), tainted):
            return
        out.append(KeyPhrase(phrase, kind, s.index, a, a + len(phrase), TYPE_WEIGHT[kind] + bonus))

    body = text[body_start:]
    for m in _DEF_RE.finditer(body):
        subject, pred = m.group(1), m.group(2)
        if not (in_quote or _DEFINE_MARK.search(subject)):
            continue
        if subject.endswith(("这", "那", "也", "就", "都", "还", "这就", "关键在于")):
            continue
        key, off = _predicate_key(subject, pred)
        if key:
            add(key, body_start + m.start(2) + off, 0.04 if _DEFINE_MARK.search(subject) else 0.0)
    for m in _WITH_RE.finditer(text):
        phrase, at = m.group(1), m.start(1)
        if "同志" in phrase[:-2]:  # 以邓小平同志南方谈话为标志 → 南方谈话
            k = phrase.index("同志") + 2
            phrase, at = phrase[k:], at + k
        add(phrase, at, 0.02)
    for m in _ONLY_RE.finditer(text):
        add(m.group(1), m.start(1), -0.2)  # parallel clauses: a cloze, not a choice
    if in_quote:
        for m in _AS_RE.finditer(body):
            add(m.group(1), body_start + m.start(1))
            if m.group(2):
                add(m.group(2), body_start + m.start(2))
        for m in _PRINCIPLE_RE.finditer(body):
            add(m.group(1), body_start + m.start(1))
        for m in _BECOME_RE.finditer(body):
            add(m.group(1), body_start + m.start(1))
    return out


def _predicate_key(subject: str, pred: str) -> tuple[str, int]:
    """The blank-worthy part of a predicate: 党的根本性建设 → 根本性建设 after 党的政治建设."""
    off = 0
    # shared lead-in with the subject (党的政治建设是党的根本性建设)
    for lead in ("我们党的", "党的", "我们的", "中国共产党的"):
        if pred.startswith(lead) and lead in subject:
            pred, off = pred[len(lead) :], off + len(lead)
            break
    # strip leading adverbs of the predicate
    for lead in ("始终", "要", "必须", "在于", "就是"):
        if pred.startswith(lead) and len(pred) - len(lead) >= 3:
            pred, off = pred[len(lead) :], off + len(lead)
    if len(pred) > 8 and "的" in pred:
        k = pred.rfind("的")
        tail = pred[k + 1 :]
        if len(tail) <= 4 and len(pred) <= 12:
            return pred, off
        if len(tail) >= 2:
            return tail, off + k + 1
        return "", 0
    return pred, off


# -- 8 vocabulary terms, head-noun terms, slogans of known shapes -----------------------------
def _term_keys(ex: Extraction, s: Sentence, tainted, head_counts: Counter) -> Iterable[KeyPhrase]:
    out: list[KeyPhrase] = []

    def add(text: str, local: int, kind: str, score: float) -> None:
        a = s.start + local
        if is_generic(text) or noise.overlaps(a, a + len(text), tainted):
            return
        out.append(KeyPhrase(text, kind, s.index, a, a + len(text), score))

    for term, a, b in ex.lexicon.find_terms(s.text):
        if _inside_longer_word(s.text, a, b):
            continue  # 脱贫攻坚战, 马克思列宁主义: the term is only part of a word here
        add(term, a, "term", TYPE_WEIGHT["term"])
    for m in _HEAD_TERM_RE.finditer(s.text):
        if m.group(1)[0] in _BAD_MODIFIER or m.group(1)[-1] in _BAD_MODIFIER:
            continue
        if _inside_longer_word(s.text, m.start(), m.end()):
            continue
        if (
            head_counts[m.group(0)] >= 2
            and m.group(0) not in ex.lexicon.terms
            and m.group(0) not in _BAD_HEAD_TERMS
            and is_word(m.group(1))
        ):
            add(m.group(0), m.start(), "term", 0.56)  # no curated class mates: cloze only
    for m in _GRASP_RE.finditer(s.text):
        add(m.group(0)[: m.end(2) - m.start()], m.start(), "formula", TYPE_WEIGHT["formula"] - 0.1)
    m = _COUPLET_RE.match(s.text)
    if m:
        add(m.group(1), m.start(1), "quoted", TYPE_WEIGHT["quoted"])
        add(m.group(2), m.start(2), "quoted", TYPE_WEIGHT["quoted"])
    return out


def _inside_longer_word(text: str, a: int, b: int) -> bool:
    """Is text[a:b] glued into a longer dictionary word (脱贫攻坚|战, 马克思|列宁主义)?"""
    word = text[a:b]
    if b < len(text) and text[b] in "战制者性化式型率":
        return True
    for k in (1, 2, 3):
        if a - k >= 0 and is_word(text[a - k : b]):
            return True
    for k in (1, 2):
        if b + k <= len(text) and is_word(text[a : b + k]) and text[a : b + k] != word:
            return True
    return False


# -- 4 headings ------------------------------------------------------------------------------
def _heading_keys(ex: Extraction) -> list[KeyPhrase]:
    doc = ex.doc
    by_parent: dict[tuple[int | None, int], list[Heading]] = {}
    for heading in doc.headings.values():
        if doc.sentences[heading.sentence].is_noise:
            continue
        by_parent.setdefault((heading.parent, heading.level), []).append(heading)
    out: list[KeyPhrase] = []
    for (parent, level), siblings in sorted(
        by_parent.items(), key=lambda kv: (kv[0][0] or -1, kv[0][1])
    ):
        if len(siblings) < 2:
            continue
        siblings.sort(key=lambda h: h.sentence)
        n_clauses = min(len(h.clauses) for h in siblings)
        for ci in range(min(n_clauses, 2)):
            clauses = [h.clauses[ci][0] for h in siblings]
            prefix = _common_prefix(clauses)
            keys: list[tuple[Heading, str, int]] = []
            for h in siblings:
                clause, off = h.clauses[ci]
                cut = len(prefix)
                rest = clause[cut:]
                for verb in _LEAD_VERBS:
                    after = rest[len(verb) :]
                    if (
                        after.startswith(("和", "与", "不懈", "以", "把", "在", "的"))
                        and verb != "的"
                    ):
                        continue  # 坚持和加强…, 坚持不懈…, 坚持以…: the verb is part of the point
                    if rest.startswith(verb) and len(rest) - len(verb) >= 3:
                        cut += len(verb)
                        rest = rest[len(verb) :]
                        break
                keys.append((h, rest, off + cut))
            if any(len(k) < 2 or len(k) > 18 or is_generic(k) for _, k, _ in keys):
                continue
            if len({k for _, k, _ in keys}) != len(keys):
                continue
            tainted = doc.tainted
            set_key = (parent, level, ci)
            ex.heading_sets[set_key] = [(h.sentence, k) for h, k, _ in keys]
            score = TYPE_WEIGHT["heading"] - (0.1 if ci > 0 and level != 1 else 0.0)
            group = tuple(k for _, k, _ in keys)
            for h, k, a in keys:
                if noise.overlaps(a, a + len(k), tainted):
                    continue
                out.append(KeyPhrase(k, "heading", h.sentence, a, a + len(k), score, None, group))
    return out


# -- merging -----------------------------------------------------------------------------------
def _dedupe(found: list[KeyPhrase], ex: Extraction) -> list[KeyPhrase]:
    """One key per span (the most trusted type wins); frequency as a small tie-breaker."""
    counts = Counter(k.text for k in found)
    ex.counts = counts
    best: dict[tuple[int, int], KeyPhrase] = {}
    for key in found:
        span = (key.start, key.end)
        old = best.get(span)
        if old is None or TYPE_WEIGHT.get(key.type, 0) > TYPE_WEIGHT.get(old.type, 0):
            if old is not None and old.group and not key.group:
                key = KeyPhrase(
                    key.text,
                    key.type,
                    key.sentence,
                    key.start,
                    key.end,
                    key.score,
                    key.formula,
                    old.group,
                )
            best[span] = key
    # nested or overlapping keys: keep the most trusted (提高政治站位 / 政治站位 → 政治站位)
    ranked = sorted(best.values(), key=lambda k: (-_PRIORITY.get(k.type, 0), k.start, -k.end))
    kept: list[KeyPhrase] = []
    taken: dict[int, list[tuple[int, int]]] = {}
    for k in ranked:
        spans = taken.setdefault(k.sentence, [])
        if any(a < k.end and k.start < b for a, b in spans) and k.type not in ("heading", "quoted"):
            continue
        spans.append((k.start, k.end))  # a heading's span is its own: no term inside it
        kept.append(k)
    out = []
    for k in kept:
        bonus = 0.03 * min(counts[k.text] - 1, 3)
        if bonus:
            k = KeyPhrase(
                k.text,
                k.type,
                k.sentence,
                k.start,
                k.end,
                round(k.score + bonus, 4),
                k.formula,
                k.group,
            )
        out.append(k)
    out.sort(key=lambda k: (k.start, k.end, k.type))
    return out
