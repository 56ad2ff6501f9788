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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import noise
from .jieba_setup import cached_word_ends, dictionary_version, ends_on_adverb, is_word, word_table
from .lexicon import NUMERALS, Lexicon, load_lexicon
from .model import Formula, KeyPhrase, Sentence
from .segment import DASH_LEVEL, Document, Heading, cn_number, segment

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
    "series": 0.5,  # cloze only, even with the frequency bonus
}
_HEAD_NOUNS = "思维|意识|主义|本领|定力|优势"
_HEAD_TERM_RE = re.compile(rf"([\u4e00-\u9fff]{{2}})({_HEAD_NOUNS})")
_HEAD_NOUN_RE = re.compile(_HEAD_NOUNS)
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
_SAID_COUPLET_RE = re.compile(r"[：:]([\u4e00-\u9fff]{4}，[\u4e00-\u9fff]{4})[。！]$")
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
_LABELS = frozenset("台独 藏独 疆独 港独 独派".split())
_QUOTED_RE = re.compile(r"“([^“”\n]{1,40})”|‘([^‘’\n]{1,30})’|「([^「」\n]{1,40})」")
_NUMBERED_SHAPE = re.compile(
    rf"^[{NUMERALS}]{{1,3}}[个大项条种][\u4e00-\u9fff]{{1,5}}$|"
    rf"^[二三四五六七八九十两百][\u4e00-\u9fff]{{1,3}}$|"
    rf"^[{NUMERALS}][\u4e00-\u9fff]{{1,2}}[{NUMERALS}][\u4e00-\u9fff]{{1,3}}$"
)
# Unquoted numbered formulas: 数词+个+a head that marks a formula, not a plain count.
_NUMBERED_FREE = re.compile(
    rf"(?<![{NUMERALS}第])[{NUMERALS}]{{1,3}}个(?:意识|自信|维护|确立|全面|伟大|坚持|明确|必须|务必|代表|服从|"
    rf"没有变|区分开来|一百年|结合|先行|统筹|倍增|转变|坚定不移|毫不动摇|绝不|决不|相统一|相适应|"
    rf"历史性|始终|到位|自觉|牢记|着力|必由之路)|(?<![{NUMERALS}第])[二两]个基本点|"
    rf"(?<![{NUMERALS}第])[{NUMERALS}]{{1,3}}(?:种形态|大攻坚战|大发展理念|大纪律|大法宝|大工程|"
    rf"项基本原则|条底线|条红线|条基本经验|大历史任务|大倡议|大体系)"
)
_NUMBERED_HINT = re.compile(rf"[{NUMERALS}][个种大项条]")
_QUOTE_INTRO = re.compile(
    r"(习近平(?:总书记|同志)?|总书记)(?:多次|反复|深刻|明确|曾经|曾)?(?:指出|强调|要求|提出|告诫|说)[，：:]?"
)
_DEFINE_MARK = re.compile(r"最|根本|核心|关键|首要|本质|灵魂|生命线|根基|命脉|前提|保证|法宝|基石")
_ITEM = r"[^\s，,。；;：:、“”‘’（）()《》！？!?\n]"
# (possessive first item: a 、 must follow it, so giving characters back never helps, and at
# each character of a long clause the regex would try twenty times over)
_ENUM_RE = re.compile(rf"{_ITEM}{{2,20}}+(?:、{_ITEM}{{1,20}})+")
_ITEM_RE = re.compile(_ITEM)
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
_LATIN_OR_DIGIT = re.compile(r"[\dA-Za-z%％]")


@dataclass
class Extraction:
    """Everything the question builders need from one text."""

    doc: Document
    lexicon: Lexicon
    keys: list[KeyPhrase]
    # enumeration groups: tuple of items → (sentence index, start, end of the whole list)
    groups: dict[tuple[str, ...], tuple[int, int, int]] = field(default_factory=dict)
    # heading sibling sets: (parent, level, clause index) → ordered list of (sentence, key)
    # (parent, level, clause index, run: which series of dash-led paragraphs in the section)
    heading_sets: dict[tuple[int | None, int, int, int], list[tuple[int, str]]] = field(
        default_factory=dict
    )
    formula_sentences: dict[str, int] = field(default_factory=dict)  # formula → first sentence
    formula_by_members: dict[str, bool] = field(default_factory=dict)
    # formulas whose chosen sentence names them and spells out their members (see below)
    formula_named_spelled: set[str] = field(default_factory=set)
    # a shared name (主题教育总要求) → the version the whole text's evidence picks
    senses: dict[str, Formula] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    # spans asked whole (把A同B统一起来): no vocabulary term is cut out of them
    whole: list[tuple[int, int]] = field(default_factory=list)
    _occurrences: dict[str, int] = field(default_factory=dict, repr=False)
    _saying_halves: list[str] | None = field(default=None, repr=False)
    # the builders' seed-independent work per text (a key's window): an extraction is kept
    # for a text generated again (pipeline._extracted), and this with it
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def requoted(self, phrase: str) -> bool:
        """Is the quoted ``phrase`` a fragment of a longer saying the text quotes whole
        (“永无止境” of “干在实处永无止境”, “勇立潮头” of “勇立潮头方显担当”)? The halves of
        the text's quoted sayings are read once per text."""
        if len(phrase) < 4 or len(phrase) > 8:
            return False
        if self._saying_halves is None:
            halves = set()
            for m in _QUOTED_RE.finditer(self.doc.text):
                parts = re.split(r"[，,；;]", m.group(1) or m.group(2) or m.group(3))
                if len(parts) < 2:
                    continue  # (“互联网+政务服务” is a name built on a name, not a saying)
                for half in parts:
                    if 6 <= len(half) <= 12 and not re.search(r"[、的\d。！？]", half):
                        halves.add(half)
            self._saying_halves = sorted(halves)
        return any(
            len(h) >= len(phrase) + 2 and (h.startswith(phrase) or h.endswith(phrase))
            for h in self._saying_halves
        )

    def occurrences(self, phrase: str) -> int:
        """How often ``phrase`` occurs in the text (each phrase counted once per text)."""
        n = self._occurrences.get(phrase)
        if n is None:
            n = self._occurrences[phrase] = self.doc.text.count(phrase)
        return n


def is_generic(text: str) -> bool:
    t = text.strip("“”‘’\"' ")
    return len(t) < 2 or t in GENERIC_WORDS or t.isdigit()


def find_key_phrases(text: str, *, lexicon: Lexicon | None = None) -> list[KeyPhrase]:
    """The key phrases of ``text`` in reading order, with offsets into ``text`` itself."""
    return extract(text, lexicon=lexicon).keys


def extract(
    text: str, *, lexicon: Lexicon | None = None, doc: Document | None = None
) -> Extraction:
    lexicon = lexicon if lexicon is not None else load_lexicon()
    doc = doc or segment(text)
    ex = Extraction(doc, lexicon, [], senses=lexicon.senses_in(doc.text))
    found: list[KeyPhrase] = []
    usable = [s for s in doc.sentences if not s.is_noise]
    head_counts = Counter(m.group(0) for m in _head_terms(text))
    for s in usable:
        tainted = doc.sentence_tainted(s)
        found.extend(_lexicon_keys(ex, s, tainted))
        found.extend(_quoted_keys(ex, s, tainted))
        mark = len(found)
        found.extend(_enumeration_keys(ex, s, tainted))
        _known_list_keys(ex, s, tainted, found, mark)
        found.extend(_pair_keys(ex, s, tainted))
        found.extend(_title_keys(ex, s, tainted))
        found.extend(_event_keys(ex, s, tainted))
        found.extend(_definition_keys(ex, s, tainted))
        found.extend(_term_keys(ex, s, tainted, head_counts))
        found.extend(_saying_keys(ex, s, tainted))
    found.extend(_heading_keys(ex))
    # a named local programme (推进农村“雪亮工程”建设) is an operational detail: never a key,
    # nor (keys make the pools) a look-alike (reviews 16b, 18b, 20b)
    local = ex.lexicon.local_programmes
    ex.keys = [k for k in _dedupe(found, ex) if k.text not in local]
    return ex


# -- 1/2 lexicon names and spelled-out members --------------------------------------------
def _lexicon_keys(ex: Extraction, s: Sentence, tainted) -> Iterable[KeyPhrase]:
    out = []
    named_here: set[str] = set()
    for hit in ex.lexicon.find_names(s.text, ex.senses):
        start, end = s.start + hit.start, s.start + hit.end
        if noise.overlaps(start, end, tainted):
            continue
        name = s.text[hit.start : hit.end]
        named_here.add(hit.formula.name)
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
        name = hit.formula.name
        ex.formula_sentences.setdefault(name, s.index)
        ex.formula_by_members.setdefault(name, True)
        if name in named_here and name not in ex.formula_named_spelled:
            # the sentence that names the formula and spells it out is its 出处, not an earlier
            # one that does only one of them (推翻帝国主义、封建主义、官僚资本主义三座大山 of
            # the 决议, not its 反对帝国主义、封建主义、官僚资本主义: blind19 RC #32, RE #30)
            ex.formula_named_spelled.add(name)
            ex.formula_sentences[name] = s.index
            ex.formula_by_members[name] = False
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
    # (a cheap test before each per-sentence regex whose every match holds a given character:
    # most sentences have none, and a regex call costs several times an ``in``)
    has_quotes = "“" in s.text or "‘" in s.text or "「" in s.text
    for m in _QUOTED_RE.finditer(s.text) if has_quotes else ():
        group = next(i for i in (1, 2, 3) if m.group(i) is not None)
        inner = m.group(group)
        start = s.start + m.start(group)
        end = start + len(inner)
        if noise.overlaps(start, end, tainted) or noise.has_placeholder(inner):
            continue
        if ex.lexicon.get(inner) is not None:
            continue  # a lexicon name: already a lexicon key
        if (
            (s.text[m.end() : m.end() + 1] == "“" or s.text[m.start() - 1 : m.start()] == "”")
            and (len(inner) <= 6 and not re.search(r"[，、；,]", inner))
            and not ex.lexicon.is_known(inner.strip())
        ):
            continue  # “基本上”“好像是”“还可以”: quotations back to back are examples (X3)
        stripped = inner.strip()
        # “中国制造2025”: a name ending in its target year is a name, not a statistic
        named_year = re.fullmatch(r"[\u4e00-\u9fff]{3,10}(?:19|20)\d\d", stripped) is not None
        if (
            len(stripped) < 2
            or is_generic(stripped)
            or re.search(r"\d", stripped)
            and not named_year
        ):
            continue
        if _NUMBERED_SHAPE.match(stripped):
            local = s.text.startswith(_LOCAL_HEADS, m.end())
            if local and not _members_listed(ex, s, stripped, m.end()):
                continue  # “六个一百”活动: a local coinage the text never spells out (Y2)
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
        if couplet and len(halves) == 2 and max(lengths) <= 5:
            stripped = stripped.rstrip("。！？")
            end = start + inner.find(stripped) + len(stripped)
            # 向北发展，向南防御 / 确实是真理，确能救中国: a short couplet is one saying (a
            # policy's or a vow's name); half of it is not a thing to know
            out.append(
                KeyPhrase(stripped, "quoted", s.index, start, end, TYPE_WEIGHT["quoted"] + 0.04)
            )
            continue
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
        last = _quoted_line_last(s.text, m.start(), m.end(), stripped)
        if last:
            # 孙中山先生说过：“要恢复民族的地位，（便先要恢复民族的精神）。”: a quoted line
            # asked by its last clause, the rest printed (add_saying_key names the line)
            a = start + inner.rfind(last)
            out.append(KeyPhrase(last, "quoted", s.index, a, a + len(last), TYPE_WEIGHT["quoted"]))
            continue
        if len(stripped) > 16 or stripped.endswith(("。", "！", "？")):
            continue  # a whole quoted sentence: too long for a blank
        if ex.requoted(stripped):
            continue  # “永无止境” re-quoted from “干在实处永无止境”: the saying is the key
        score = TYPE_WEIGHT["quoted"]
        if len(stripped) == 2:
            # “钱荒”, “台独”: a coinage or a political label is worth a cloze; a common word in
            # quotes (“伸手”, “老四”) is a figure of speech
            coinage = not is_word(stripped) or stripped in _LABELS
            score -= 0.16 if coinage else 0.2
        elif len(stripped) == 3:
            score -= 0.1
        elif len(stripped) >= 4:
            score += 0.04
        if "、" in stripped or "，" in stripped:
            score += 0.04  # a slogan: 践行新思想、展现新作为
        out.append(KeyPhrase(stripped, "quoted", s.index, start, end, score))
    # (a cheap test before the regex: every match has a numeral just before 个, 种, 大, 项 or 条)
    for m in _NUMBERED_FREE.finditer(s.text) if _NUMBERED_HINT.search(s.text) else ():
        if _counts_one(m.group(0)):
            continue  # 一个伟大（创举）, 一个明确（答案）: an article and an adjective (JD #14)
        start, end = s.start + m.start(), s.start + m.end()
        if ex.lexicon.get(m.group(0)) is not None or noise.overlaps(start, end, tainted):
            continue
        out.append(
            KeyPhrase(m.group(0), "formula", s.index, start, end, TYPE_WEIGHT["formula"] - 0.1)
        )
    return out


def _counts_one(span: str) -> bool:
    """Does a numbered span count one (一个伟大, 一个明确)? A formula numbers two or more
    members (两个确立, 四个意识); 一个 before an adjective is the article of a noun phrase
    whose head (创举, 答案) the span cuts off, a blank on filler words (blind13 JD #14)."""
    return span[:1] == "一" and span[1:2] in "个种项条大"


# a local campaign's head after its quoted numbered name: “六个一百”活动, “四千四万”精神
_LOCAL_HEADS = ("活动", "精神", "行动", "工程", "主题党日")


def _members_listed(ex: Extraction, s: Sentence, name: str, after: int) -> bool:
    """Is a quoted numbered name a known formula, or does the sentence or the next one list
    as many items as its leading numeral counts (“三个代表”…: A、B、C)? An unknown coinage
    (“六个一百”, “四千四万”) is local material, not a formulation (rounds X3, Y2)."""
    if ex.lexicon.is_known(name):
        return True
    m = re.match(rf"[{NUMERALS}]+", name)
    count = cn_number(m.group(0)) if m else None
    if not count or count < 2:
        return False
    texts = [s.text[after:]]
    if s.index + 1 < len(ex.doc.sentences):
        texts.append(ex.doc.sentences[s.index + 1].text)
    for text in texts:
        for clause in re.split(r"[，。；：！？]", text):
            if clause.count("、") + 1 == count:
                return True
        if len([c for c in re.split(r"[；。]", text.split("：", 1)[-1]) if c]) == count:
            return True
    return False


# -- 7 enumerations --------------------------------------------------------------------------
_NUMERAL_CHARS = frozenset("一二三四五六七八九十百")
# 重点|任务, 重要|政策: a rank and a generic noun, the items of a bureaucratic list
_RANKED_GENERIC = re.compile(
    r"^(?:重点|重要|重大|主要|关键|核心)(?:任务|举措|措施|政策|要求|工作|部署|问题|事项|领域|环节)$"
)


def _count_or_generic(texts: tuple[str, ...]) -> bool:
    """Do the items differ only in a numeral (二中、三中、四中 of 十九届二中、三中、四中全会),
    or is each a rank plus a generic noun (重点任务、重点举措、重要政策、重要要求)? Neither has
    an item worth a blank (transfer round T1)."""
    if all(_RANKED_GENERIC.match(t) for t in texts):
        return True
    if len({len(t) for t in texts}) != 1:
        return False
    differ = False
    for column in zip(*texts, strict=True):  # (the first non-numeral difference decides)
        if len(set(column)) > 1:
            if not _NUMERAL_CHARS.issuperset(column):
                return False
            differ = True
    return differ


def _enumeration_keys(ex: Extraction, s: Sentence, tainted) -> Iterable[KeyPhrase]:
    out: list[KeyPhrase] = []
    if "、" not in s.text:
        return out  # (the regex needs a 、, and backtracks a while at every character to see)
    for run_start, items in _list_runs(s.text, dictionary_version()):
        if items is None:
            continue
        texts = tuple(t for t, _ in items)
        starts = [s.start + p for _, p in items]
        first, last = starts[0], starts[-1] + len(texts[-1])
        if noise.overlaps(first, last, tainted):
            continue
        # (one search of the items joined, not one per item: 、 is neither a letter nor a digit)
        if _LATIN_OR_DIGIT.search("、".join(texts)) or any(map(is_generic, texts)):
            continue
        if len(set(texts)) != len(texts):
            continue
        if _count_or_generic(texts):
            continue  # 二中、三中、四中 / 重点任务、重点举措、重要政策: a count, no content (T1)
        series = _series_key(ex, s, texts, starts)
        if series is not None:
            out.append(series)
        if sum(t[-1:] == "的" for t in texts) * 2 >= len(texts):
            continue  # 全方位的、开创性的: attributes, not items
        shared = bool(common_suffix(texts) or common_prefix(texts))
        lengths = [len(t) for t in texts]
        if min(lengths) < 3 and not (len(texts) >= 3 and shared):
            continue  # 讹诈、遏制、封锁: words, not phrases worth a blank
        if max(lengths) <= 3 and (
            sum(t[-1] in _ADJ_ENDS for t in texts) * 2 >= len(texts)
            or all(t[0] in "最很更越不没" for t in texts)
        ):
            continue  # 站位高、思想深、要求明 / 最真挚、最炽热: praise, not content
        if len(texts) == 2 and not (
            shared
            or all(t in ex.lexicon.terms for t in texts)
            or all(ex.occurrences(t) >= 3 for t in texts)  # 思想大解放、行动大担当, again and again
            or pinned_pair(texts)  # 贫中之贫、困中之困: the frame pins each half
        ):
            if series is None and (
                lengths == [4, 4]
                # (the pair occurs no more often than its first item, counted just above: most
                # items occur once, and the pair's count would be a scan of the whole text)
                or (ex.occurrences(texts[0]) >= 2 and ex.occurrences("、".join(texts)) >= 2)
            ):
                # 大众创业、万众创新 (repeated), 坚持|惩前毖后、治病救人 (a pair of 四字格
                # with clean edges): the pair is the formulation
                whole = _whole_list_key(ex, s, texts, starts)
                if whole is not None:
                    out.append(whole)
            continue  # 很及时、很有必要: a pair of predicates, not a list worth a question
        uniform = max(lengths) - min(lengths) <= 1
        # value signals: 四字格 lists, lists holding standard terms, quoted lists;
        # edges cut out of running text are less certain
        score = 0.52
        if uniform and min(lengths) >= 4 and max(lengths) <= 6:
            score += 0.1
        if any(t in ex.lexicon.terms or ex.lexicon.owners(t) for t in texts):
            score += 0.1
        quoted = run_start > 0 and s.text[run_start - 1] in "“‘「"
        if quoted:
            score += 0.08
        if max(lengths) > 10:
            score -= 0.1
        if uniform and len(texts) >= 4 and max(lengths) <= 6:
            score += 0.1  # 稳增长、促改革、调结构、惠民生、防风险、保稳定
        elif len(texts) >= 3 and len(common_suffix(texts)) >= 2 and max(lengths) <= 3:
            score += 0.16  # 站起来、富起来、强起来: a series built on one word
        elif max(lengths) <= 3 and not quoted:
            score -= 0.08
        if first != s.start + run_start:
            score -= 0.06
        if (
            len(texts) >= 3
            and uniform
            and 2 <= min(lengths)
            and max(lengths) <= 5
            and (shared or min(lengths) == 3)
        ):
            # 获得感、幸福感、安全感 / 搬得出、稳得住、能致富: short items of one shape, three or
            # more, are a formulation however they are introduced
            score = max(score, 0.6)
        if ex.lexicon.known_list(texts):
            score = max(score, 0.66)  # a standard enumeration (不平衡、不协调、不可持续)
        score = round(score, 3)
        if score >= 0.55:
            ex.groups.setdefault(texts, (s.index, first, last))
        if series is None:
            whole = _whole_list_key(ex, s, texts, starts)
            if whole is not None:
                out.append(whole)
        for text, a in zip(texts, starts, strict=True):
            if _item_cut_after_modal(s.text, a - s.start, text):
                continue
            out.append(
                KeyPhrase(text, "enumeration", s.index, a, a + len(text), score, None, texts)
            )
    return out


# one-character modals and auxiliaries a verb follows (逐步能|致富): an item ending on one is cut
_MODAL_ENDS = frozenset("能会要可应须敢肯愿将")


def _item_cut_after_modal(sentence: str, at: int, item: str) -> bool:
    """Is a list item cut after a modal whose verb runs on in the sentence (稳得住、有就业、逐步能|
    致富, blind10 EE #18)? The key would be a fragment (逐步能) with no value of its own. A word
    ending on the character (功能, 社会, 重要, 响应) is no modal."""
    end = at + len(item)
    return (
        len(item) >= 2
        and item[-1] in _MODAL_ENDS
        and not is_word(item[-2:])
        and end < len(sentence)
        and "\u4e00" <= sentence[end] <= "\u9fff"
    )


def _matches_near(
    pattern: re.Pattern[str], text: str, mark: str, reach: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches hold ``mark`` at most ``reach``
    characters after their start: each search starts that far before the next ``mark`` (no
    match starts earlier), so the regex need not try every character of a long lead-in."""
    pos = 0
    while (k := text.find(mark, pos)) >= 0:
        m = pattern.search(text, max(pos, k - reach))
        if m is None:
            return
        yield m
        pos = m.end()


@lru_cache(maxsize=4096)
def _list_runs(
    text: str, version: int
) -> tuple[tuple[int, tuple[tuple[str, int], ...] | None], ...]:
    """The 、-runs of a sentence: (start, items with their offsets, or None when the run does
    not split into items), all offsets local to the sentence.

    Cached: splitting is the costliest step of extraction and depends only on the sentence
    and on jieba's dictionary (``version``, part of the key).
    """
    del version
    runs = []
    # (a first item is 20 characters at most, and ends on a 、)
    for m in _matches_near(_ENUM_RE, text, "、", 20):
        bounds = _Boundaries(text, m.start(), m.end() + 4, m.end())
        items = _split_enumeration(m.group(0), m.start(), bounds)
        runs.append((m.start(), None if items is None else tuple(items)))
    return tuple(runs)


def _known_list_keys(
    ex: Extraction, s: Sentence, tainted, found: list[KeyPhrase], mark: int
) -> None:
    """Items of a standard enumeration spelled out in the sentence (学史明理、学史增信、学史崇德、
    学史力行; 初次分配、再分配、第三次分配), cut exactly as the lexicon has them: they replace
    the items the 、-splitter made of the same run (不断学史明理, 第三次分配协调配套…)."""
    for run in ex.lexicon.find_list_runs(s.text):
        texts = tuple(t for t, _ in run)
        starts = [s.start + p for _, p in run]
        first, last = starts[0], starts[-1] + len(texts[-1])
        if noise.overlaps(first, last, tainted) or len(set(texts)) != len(texts):
            continue
        if _list_run_inside_compounds(s.text, run):
            continue  # 生物|医药、医疗|设备: 三医 members read inside compounds (EE #30)
        # the sentence's own keys start at ``mark``
        found[mark:] = [
            k
            for k in found[mark:]
            if not (k.type == "enumeration" and k.sentence == s.index and k.start < last)
            or k.end <= first
        ]
        ex.groups[texts] = (s.index, first, last)
        for text, a in zip(texts, starts, strict=True):
            found.append(
                KeyPhrase(text, "enumeration", s.index, a, a + len(text), 0.66, None, texts)
            )


def _list_run_inside_compounds(text: str, run: Sequence[tuple[str, int]]) -> bool:
    """Is a two-character item of a standard list's run, as the sentence spells it, part of a
    longer dictionary word (生物|医药、医疗设备等领域, blind10 EE #30, EG #29)? Then the run is no
    list of the formula (医疗、医保、医药): a blank on 医疗 would print （　　）设备. A longer item
    is a term of its own (学史明理 in 不断学史明理) and is not asked about."""
    version = dictionary_version()
    return any(
        len(item) == 2 and _inside_longer_word(text, at, at + 2, version) for item, at in run
    )


def _series_key(ex: Extraction, s: Sentence, texts: tuple[str, ...], starts: list[int]):
    """A pair of four-character phrases asked whole (大众创业、万众创新): the pair is the slogan.

    Cloze only; pairs of one pattern (精准扶贫、精准脱贫) are asked item by item instead.
    """
    if len(texts) != 2 or s.is_heading:
        return None
    lengths = [len(t) for t in texts]
    if min(lengths) < 3 or max(lengths) > 6 or max(lengths) - min(lengths) > 1:
        return None
    if texts[0].startswith(_SERIES_BAD_LEADS):
        return None  # 加强地震、特大洪灾: a verb's object, cut out of a clause
    local = starts[0] - s.start
    at_clause = local == 0 or s.text[local - 1] in "，,；;：:“"
    shared = max(len(common_suffix(texts)), len(common_prefix(texts)))
    # Longer lists and lists of one pattern get a 多选 and item clozes; what is left is the
    # pair of four-character phrases opening a clause (大众创业、万众创新蓬勃发展), which no
    # other rule asks about.
    if not (len(texts) == 2 and set(lengths) == {4} and at_clause and not shared):
        return None
    if all(ex.lexicon.owners(t) for t in texts):
        return None  # a lexicon formula spelled out: its own questions cover it
    whole = "、".join(texts)
    a = starts[0]
    if ex.doc.text[a : a + len(whole)] != whole:
        return None
    after = s.text[local + len(whole) : local + len(whole) + 1]
    if after and _ITEM_RE.match(after) and not all(is_word(t) for t in texts):
        return None  # 保持香港、澳门|长期繁荣: the last item was cut out of running text
    if any(t[-1] in "的地得了着" for t in texts):
        return None
    return KeyPhrase(
        whole, "series", s.index, a, a + len(whole), TYPE_WEIGHT["series"], None, texts
    )


# verbs (and verb + adverb) that may govern a whole list: 统筹|稳增长、促改革…, 推行|河长制、湖长制
_LIST_VERBS = frozenset(
    """坚持 加快 加强 推动 推进 深化 实施 完善 健全 强化 提高 增强 促进 构建 统筹 开展 落实 形成
    建立 打造 培育 维护 巩固 践行 弘扬 树立 推行 实行 实现 做到 反对 克服 防止 纠正 整治 包括
    发展 全面推进 深入推进 积极推进 扎实推进 大力推进 深入开展 协调推进 统筹推进 贯彻 贯彻落实
    增强 坚定 提出 明确 突出 把握 确立 强调 倡导 培养 筑牢 守住 发起 设立 启动 转向 实施好
    围绕 聚焦 立足 紧扣 抓好 做好 用好 保持 坚决反对 着力 注重 重在 加大""".split()
)


_LIST_TAILS = (
    "战略",
    "政策",
    "方针",
    "工作",
    "体系",
    "机制",
    "建设",
    "制度",
    "原则",
    "要求",
    "理念",
)


def _whole_list_key(ex: Extraction, s: Sentence, texts: tuple[str, ...], starts: list[int]):
    """A short 、-list of parallel items asked whole (稳增长、促改革、调结构、惠民生、防风险;
    简政放权、放管结合、优化服务; 河长制、湖长制): the list itself is the formulation.

    Cloze only. Both edges must be clean: the list opens its clause or follows a governing
    verb, and it closes its clause, goes on with 等/的, or its last item keeps the shape the
    others share (沪港通、深港通、债券通|相继启动).
    """
    if s.is_heading or not 2 <= len(texts) <= 6:
        return None
    lengths = [len(t) for t in texts]
    if min(lengths) < 2 or max(lengths) > 8 or max(lengths) - min(lengths) > 3:
        return None
    if sum(lengths) + len(texts) - 1 > 34:
        return None
    whole = "、".join(texts)
    a = starts[0]
    if ex.doc.text[a : a + len(whole)] != whole:
        return None  # 政治优势、组织优势和群众工作优势: not one run of 、
    owners = [ex.lexicon.owners(t) for t in texts]
    if all(owners) and any(len(f.members) <= len(texts) for f in owners[0]):
        return None  # a lexicon formula spelled out whole: its own questions cover it
    if any(t[-1] in "的地得了着" or t[0] in _LIST_BAD_FIRST for t in texts):
        return None  # 以更大的决心、…: a manner, not a formulation
    lead_word = (
        next(v for v in _WHOLE_LIST_BAD_LEADS if texts[0].startswith(v))
        if texts[0].startswith(_WHOLE_LIST_BAD_LEADS)
        else ""
    )
    if lead_word and not all(t.startswith(lead_word) for t in texts):
        return None  # 务必不忘初心、牢记使命: the first item carries the clause's verb
    if lengths[-1] > lengths[0] + 1 and texts[-1].endswith(_LIST_TAILS):
        return None  # 藏粮于地、藏粮于技战略: the last item carries the list's head noun
    if any("的" in t for t in texts) and not all("的" in t for t in texts):
        return None
    local = a - s.start
    if any(texts[0][:k] in _LIST_VERBS and not texts[1].startswith(texts[0][:k]) for k in (2, 3)):
        return None  # 保持香港、澳门…: the first item carries the clause's verb
    if len(texts) == 2 and set(lengths) == {4} and ex.occurrences(whole) >= 2:
        # 大众创业、万众创新, said again and again: a fixed pair, whatever its edges
        return KeyPhrase(
            whole, "series", s.index, a, a + len(whole), TYPE_WEIGHT["series"], None, texts
        )
    mark = _LAST_CLAUSE_MARK.search(s.text, 0, local)  # (one search, not an rfind per mark)
    clause = mark.start() + 1 if mark else 0
    lead = s.text[clause:local]
    if lead and not any(
        lead[-k:] in _LIST_VERBS and len(lead) - k <= 4 for k in (2, 3, 4) if len(lead) >= k
    ):
        return None  # 更多领域|并跑、领跑: cut out of running text
    if lead and len(lead) > 2 and lead[:2] in ("不断", "不搞", "没有", "不是", "不能", "不要"):
        return None
    end = local + len(whole)
    after = s.text[end : end + 1]
    suffix = common_suffix(texts)
    prefix = common_prefix(texts)
    clean_end = (
        not after
        or not _ITEM_RE.match(after)
        or after in "等的"
        or s.text[end : end + 2] in _CATEGORY_NOUNS
        and s.text[end + 2 : end + 3] == "的"
        or (suffix and len(texts) >= 3)
        or (prefix and lengths[-1] == lengths[0])
        or (len(suffix) >= 2)
    )
    if not clean_end:
        return None
    if len(texts) == 2 and not (
        suffix or prefix or all(is_word(t) for t in texts) or set(lengths) == {4}
    ):
        return None  # 很及时、很有必要: a pair without a shared part
    return KeyPhrase(
        whole, "series", s.index, a, a + len(whole), TYPE_WEIGHT["series"], None, texts
    )


@lru_cache(maxsize=4096)
def pinned_pair(group: tuple[str, ...]) -> bool:
    """Is a pair one formulation whose frame pins each half: two items of four or five Chinese
    characters sharing two characters or more in place but not all but one (贫中之贫、困中之困;
    宜工则工、宜农则农; 以战止战、以武止戈; 善始善终、善作善成)? Shown one half, a student
    recalls the other from the frame. Not a pair that shares
    only its head noun (形式主义、官僚主义: 享乐主义 fits) or only its opening (共同意志、共同
    行动, 令人欣慰、令人感动, 以案示警、以案明纪: any word fits the free half), nor one character
    apart (敢于斗争、善于斗争, which ``_idiom_pair`` takes; 河长制、湖长制)."""
    if len(group) != 2:
        return False
    first, second = group
    n = len(first)
    if len(second) != n or not 4 <= n <= 5 or not _ALL_HAN.match(first + second):
        return False
    same = [k for k in range(n) if first[k] == second[k]]
    if not 2 <= len(same) <= n - 2:
        return False
    suffix, prefix = common_suffix(group), common_prefix(group)
    if all(k >= n - len(suffix) for k in same) and (len(suffix) > 2 or is_word(suffix)):
        return False  # 形式主义、官僚主义: a class head; 正在做什么、还要做什么: rhetoric
    if all(k < len(prefix) for k in same):
        # 共同意志、共同行动 / 令人欣慰、令人感动: a shared opening word and two free endings,
        # either of which many words fit
        return False
    return True


_ALL_HAN = re.compile(r"[\u4e00-\u9fff]+\Z")
_LIST_BAD_FIRST = set("的之和与及以对在把从向为将既又也还每各都")
# the last mark opening a clause (or a quote, a bracket) before a place
_LAST_CLAUSE_MARK = re.compile(r"[，,；;：:“（(][^，,；;：:“（(]*\Z")
_SERIES_BAD_LEADS = (
    "加强",
    "支持",
    "推进",
    "实施",
    "坚持",
    "推动",
    "促进",
    "提高",
    "增强",
    "完善",
    "健全",
    "深化",
    "开展",
    "建设",
    "在",
    "对",
    "把",
    "从",
    "向",
    "以",
    "和",
    "与",
    "为",
    "将",
    "减少",
    "扩大",
)
# leads that, on the first item only, are the clause's verb (务必|不忘初心、牢记使命)
_WHOLE_LIST_BAD_LEADS = (*_SERIES_BAD_LEADS, "务必", "必须", "要", "支持")


def list_edges_clean(items: tuple[str, ...]) -> bool:
    """Do a list's items stand on their own: none opening on a particle or the clause's verb
    its siblings lack (与新中国史、…; 推动党员、…; 是当代中国马克思主义、…), the last not
    carrying the list's head noun (…、人力资源协同发展; 所有权、承包权、经营权属性), the items
    of about one length (教育引导党员、干部从思想上正本清源、固本培元 is no list)? The checks a
    ``series`` key makes on its items, for a list named whole without being asked whole."""
    lengths = [len(t) for t in items]
    if min(lengths) < 2 or max(lengths) - min(lengths) > 3:
        return False
    first, longer = items[0], len(items[0]) > max(lengths[1:])
    if any(
        a.endswith("党员") and b.startswith("干部") for a, b in zip(items, items[1:], strict=False)
    ):
        return False  # 引导党员、干部学深悟透、…: 党员、干部 is the object, not two items
    if any(t[-1] in "的了着" for t in items):
        return False
    if not all(t[0] == first[0] for t in items) and not is_word(first):
        # 以史为鉴, 对症下药 are words; 以国内大循环为主体 is no longer than its sibling
        if first[0] in _EDGE_BAD_FIRST or first[0] == "以" and longer:
            return False
        for k in (2, 3, 4):
            lead = first[:k]
            if longer and (lead in _LIST_VERBS or lead in _WHOLE_LIST_BAD_LEADS):
                return False  # 推动技术革命性突破、生产要素创新性配置…: the clause's verb
        if first[0] in "让使是":
            return False
    shared_end = len(items) > 2 and len({t[-1] for t in items[:-1]}) == 1
    if shared_end and items[-1][-1] != first[-1] and lengths[-1] > max(lengths[:-1]):
        return False  # 所有权、承包权、经营权属性: the last item runs on past the shared ending
    return not (lengths[-1] > lengths[0] + 1 and items[-1].endswith(_LIST_TAILS))


_EDGE_BAD_FIRST = set("的之和与及对在把从向将既又也还每各都")


class _Boundaries:
    """Word boundaries (sentence offsets) near the edges of a 、-run, cut on demand.

    Only the first item and the end of the run ever need a boundary, so only those few
    characters go through jieba, and only when a cut is actually needed.
    """

    def __init__(self, text: str, start: int, end: int, run_end: int):
        self.text, self.start, self.end = text, start, end
        # does the run stop at punctuation (or the sentence end) rather than mid-word?
        self.ends_clean = run_end >= len(text) or not _ITEM_RE.match(text[run_end])
        self._regions: list[tuple[int, int, set[int]]] = []

    def __contains__(self, pos: int) -> bool:
        return pos in self.stretch(pos)

    def stretch(self, pos: int) -> set[int]:
        """The word boundaries of the stretch between the nearest 、 (or run edges) around
        ``pos``: all the places inside one item share it, so a caller testing several of them
        takes the set once."""
        for a, b, found in self._regions:
            if a <= pos <= b:
                return found
        a = self.text.rfind("、", self.start, pos) + 1 or self.start
        a = max(a, self.start)
        nxt = self.text.find("、", pos, self.end)
        b = self.end if nxt < 0 else nxt
        b = min(len(self.text), b)
        found = {a + k for k in cached_word_ends(self.text[a:b])}
        self._regions.append((a, b, found))
        return found


# -- book and document titles, named events ---------------------------------------------------
_TITLE_RE = re.compile(r"《([^《》\n]{2,40})》")
_GENERIC_TITLES = {
    "规定",
    "细则",
    "实施细则",
    "意见",
    "决定",
    "通知",
    "条例",
    "办法",
    "方案",
    "决议",
}
_LOCAL_MARK = re.compile(r"[市县区镇乡村]|中学|一中|小学|学校|学院|大学|公司|学年|支部")


def _title_keys(ex: Extraction, s: Sentence, tainted) -> list[KeyPhrase]:
    """《论共产党员的修养》, 《中国土地法大纲》: the title of a book or document named in the text.

    Local documents (《绍兴一中…岗位职责》), generic short names (《规定》) and titles too long
    for a blank are left out.
    """
    out = []
    for m in _TITLE_RE.finditer(s.text) if "《" in s.text else ():
        title = m.group(1).strip()
        if not 3 <= len(title) <= 16 or title in _GENERIC_TITLES:
            continue
        if re.search(r"[\dA-Za-z%％（）()]", title) or _LOCAL_MARK.search(title):
            continue
        a = s.start + m.start(1)
        if noise.overlaps(a, a + len(title), tainted) or noise.has_placeholder(title):
            continue
        out.append(
            KeyPhrase(title, "quoted", s.index, a, a + len(title), TYPE_WEIGHT["quoted"] + 0.04)
        )
    return out


_EVENT_HEADS = "会议|事变|运动|起义|大罢工|整风|战役|会师|暴动|惨案|大战"
# 十一届三中全会, 七届二中全会 (a 届 is needed: 二、三、四中全会 is a list, not a name)
_PLENUM_RE = re.compile(
    r"(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,3}届[一二三四五六七八九十]中全会"
)
# 五四爱国运动, 五卅运动, 七七事变, 九一八事变: events named by their date
_DATE_EVENT_RE = re.compile(
    r"[一二三四五六七八九十卅]{2,4}(?:爱国|反帝)?(?:运动|事变|起义|惨案|大罢工)"
)
_NAMED_EVENT_RE = re.compile(rf"(?:{_EVENT_HEADS})")
_STRIKE_RE = re.compile(r"[的、，在了]([\u4e00-\u9fff]{2,8}?大罢工)")
_MEETING_RE = re.compile(r"召开([\u4e00-\u9fff]{5,12}?会议)(?![室桌])")
_STRATEGY_RE = re.compile(
    r"(?:实施|实行|推行)([\u4e00-\u9fff、]{2,10}?(?:战略|政策|制度))(?=[，,。；;、和])"
)
_VAGUE_LEADS = (
    "的",
    "在",
    "更加",
    "最",
    "相关",
    "切实",
    "一系列",
    "一批",
    "这",
    "那",
    "各",
    "有关",
    "好",
    "把",
    "以",
    "用",
    "将",
    "走",
    "按照",
    "依照",
    "根据",
)
# cloze-only keys stay under the choice threshold (0.6) even with the frequency bonus (+0.09)
_CLOZE_ONLY = 0.5
# every rule of _event_keys needs one of these characters
_EVENT_HINT = re.compile(
    r"全会|会议|事变|运动|起义|罢工|整风|战役|会师|暴动|惨案|大战|五年|战略|政策|制度|原则|方针|标准|路线|方略|处于"
)
_CONGRESS_RE = re.compile(r"党的[一二三四五六七八九十]{2,3}大(?![会学家])")
_STAGE_RE = re.compile(r"处于([\u4e00-\u9fff]{4,10}?(?:阶段|时期))")
_FIVE_YEAR_RE = re.compile(r"第[一二三四五六七八九十]{1,3}个五年(?:计划|规划)")
# modifiers that make a common noun, not a name (工人运动, 爱国卫生运动, 全体会议)
_GENERIC_EVENT_MODS = set(
    """工人 爱国 卫生 整风 群众 学生 农民 青年 妇女 社会 政治 矛盾 生产 体育 海上 全民 专题 工作
    全体 系列 村民 代表 今天 这次 本次 常务 领导 党组 党委 支部 全国 座谈 电视 电话 视频 民主 革命
    改革 文化 思想 运动 统一 正式 非正式 年度 例行 重要 中央 国务院 总结 部署 推进 现场
    首次 召开 学习
    主持 参加 出席 列席 举行 剧烈 激烈 大型 重大 历史 群体 各种 一场 这场 那场 新的""".split()
)


def _event_keys(ex: Extraction, s: Sentence, tainted) -> list[KeyPhrase]:
    """Named meetings and events of Party history (遵义会议, 皖南事变, 五四爱国运动, 延安整风,
    安源路矿工人大罢工, 十一届三中全会, 第一个五年计划): names, not common nouns."""
    text = s.text
    spans: list[tuple[int, int]] = []
    out = []
    for m in _CONGRESS_RE.finditer(text) if "大" in text else ():
        # 党的十九大: the congress a decision or a period is dated by (cloze only: the
        # neighbouring congresses would read as plausible in many sentences)
        start = s.start + m.start()
        if not noise.overlaps(start, start + len(m.group(0)), tainted):
            end = start + len(m.group(0))
            out.append(KeyPhrase(m.group(0), "quoted", s.index, start, end, _CLOZE_ONLY))
    if not _EVENT_HINT.search(text):
        return out
    # (cheap tests first, as in _quoted_keys: the lookbehind or the common characters these
    # regexes open with make re try them at most characters of the sentence)
    for m in _PLENUM_RE.finditer(text) if "中全会" in text else ():
        spans.append((m.start(), m.end()))
    for m in _DATE_EVENT_RE.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in NUMERALS:
            continue
        spans.append((m.start(), m.end()))
    for m in _FIVE_YEAR_RE.finditer(text) if "五年" in text else ():
        spans.append((m.start(), m.end()))
    for m in _STRIKE_RE.finditer(text) if "大罢工" in text else ():
        name = m.group(1)
        if name[:2] not in _GENERIC_EVENT_MODS and name != "大罢工":
            spans.append((m.start(1), m.end(1)))
    for m in _NAMED_EVENT_RE.finditer(text):
        head_start, head_end = m.start(), m.end()
        for k in (3, 2):  # 遵义会议, 皖南事变, 延安整风: a place name and the event
            a = head_start - k
            if a < 0:
                continue
            mod = text[a:head_start]
            if mod in _GENERIC_EVENT_MODS or mod[-2:] in _GENERIC_EVENT_MODS or not is_word(mod):
                continue
            name = text[a:head_end]
            if m.group(0) == "整风" and text[head_end : head_end + 2] == "运动":
                name, head_end = name + "运动", head_end + 2
            if not (is_word(name) or m.group(0) in ("整风", "会师")):
                continue
            if a > 0 and is_word(text[a - 1 : a + 1]) and not is_word(mod[:2]):
                continue  # the modifier is glued to the word before it
            spans.append((a, head_end))
            break
    for m in _MEETING_RE.finditer(text):
        # 召开古田全军政治工作会议: a meeting named at length is a named meeting
        name = m.group(1)
        if name[:2] not in _GENERIC_EVENT_MODS and not name.startswith(_VAGUE_LEADS):
            spans.append((m.start(1), m.end(1)))
    # （三）加快实施创新驱动发展战略。: a bare heading leaves nothing to answer from
    bare_heading = s.is_heading and not re.search(r"[，,；;]", text.rstrip("。；;"))
    for m in _STRATEGY_RE.finditer(text if not bare_heading else ""):
        # 实施创新驱动发展战略, 实施全面两孩政策: a named strategy or policy (cloze only: a
        # text names several, any could read as true in a choice)
        name = m.group(1)
        if (
            name.startswith(_VAGUE_LEADS)
            or "等" in name
            or "的" in name
            and not re.match(r"^[\u4e00-\u9fff]{2}的[\u4e00-\u9fff]{4}$", name)
        ):
            continue
        start = s.start + m.start(1)
        if not noise.overlaps(start, start + len(name), tainted):
            out.append(KeyPhrase(name, "quoted", s.index, start, start + len(name), _CLOZE_ONLY))
    for m in _PRINCIPLE_RE.finditer(text if not bare_heading else ""):
        name = m.group(1)
        if name.startswith(_VAGUE_LEADS) or "的" in name:
            continue
        start = s.start + m.start(1)
        if not noise.overlaps(start, start + len(name), tainted):
            out.append(KeyPhrase(name, "quoted", s.index, start, start + len(name), _CLOZE_ONLY))
    for m in _STAGE_RE.finditer(text):
        # 我国仍处于社会主义初级阶段: the stage a text places us in (cloze only: other stages
        # may be true too)
        name = m.group(1)
        start = s.start + m.start(1)
        if "的" not in name and not noise.overlaps(start, start + len(name), tainted):
            out.append(KeyPhrase(name, "quoted", s.index, start, start + len(name), _CLOZE_ONLY))
    seen: set[tuple[int, int]] = set()
    for a, b in sorted(spans):
        if (a, b) in seen or any(x <= a and b <= y and (x, y) != (a, b) for x, y in spans):
            continue
        seen.add((a, b))
        name = text[a:b]
        start = s.start + a
        if noise.overlaps(start, start + len(name), tainted):
            continue
        if _tail_of_a_longer_name(text, a, b):
            continue
        out.append(
            KeyPhrase(
                name, "quoted", s.index, start, start + len(name), TYPE_WEIGHT["quoted"] + 0.02
            )
        )
    return out


def _tail_of_a_longer_name(text: str, a: int, b: int) -> bool:
    """Is the event name ``text[a:b]`` the tail of a longer name the dictionary knows, or of an
    ordinal one (第一次|世界大战, 中国人民|政治协商会议)? Blanked, it parts the name, and what
    the stem keeps (第一次…) gives it away (blind22 VA #40, VB #21, #33, VC #22: 0/4 usable)."""
    if re.search(r"第[一二三四五六七八九十]{1,3}[次届个]$", text[:a]):
        return True
    return any(is_word(text[x:b]) for x in range(max(0, a - 6), a - 1))


_PAIR_RE = re.compile(r"([\u4e00-\u9fff]{3,10})和([\u4e00-\u9fff]{3,10})")


def _pair_keys(ex: Extraction, s: Sentence, tainted) -> list[KeyPhrase]:
    """永恒课题和终身课题: two phrases joined by 和 that share a two-character ending."""
    out = []
    for m in _matches_near(_PAIR_RE, s.text, "和", 10):  # (its 和 is 3 to 10 characters in)
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
            if (len(left) - size) not in cached_word_ends(left) or (
                k + n - size
            ) not in cached_word_ends(right[: k + n]):
                continue  # both must start on a word boundary (特别行政区同胞 ≠ 政区同胞)
            sizes = [size, size]
            la, lb = m.end(1) - size, m.start(2) + k + n - size  # sentence offsets
            if (
                la >= 3
                and lb >= 3
                and s.text[la - 1] == "的"
                and s.text[lb - 1] == "的"
                and is_word(s.text[la - 3 : la - 1])
                and is_word(s.text[lb - 3 : lb - 1])
                and lb - 3 >= m.start(2)
            ):
                # 积极的财政政策和稳健的货币政策: the policy's name includes its adjective
                a_text, b_text = s.text[la - 3 : la + size], s.text[lb - 3 : lb + size]
                a, b = a - 3, b - 3
                sizes = [size + 3, size + 3]
            group = (a_text, b_text)
            ex.groups.setdefault(group, (s.index, a, b + sizes[1]))
            # with its adjective the pair is a pair of policy names, exact spans (definition-like)
            kind = "definition" if sizes[0] > size else "enumeration"
            for text, at, sz in ((a_text, a, sizes[0]), (b_text, b, sizes[1])):
                out.append(KeyPhrase(text, kind, s.index, at, at + sz, 0.6, None, group))
            break
    return out


# category nouns a list's items share (权力集中、资金密集、资源富集领域): not the last item's own
_CATEGORY_NOUNS = frozenset({"领域", "行业", "部门", "地区", "环节", "方面", "岗位", "单位"})


# a verb of going or grasping, after an adverb, that leads the first item of a list of places or
# tasks (多到困难多、群众意见集中…的地方 / 要抓A、B): not part of the item
_LEAD_VERB = re.compile(r"^(?:多|要|常|经常|深入|主动)?(到|去|抓|走进|深入到)")


def _backward_words(text: str, down_to: int = 0) -> frozenset[int]:
    """The word starts of ``text`` by backward maximum matching (words of up to four
    characters): a list item is anchored at its end (青年|团结起来, not 青年团|结起来).

    Matching stops once it reaches ``down_to``: the starts from there on are those of the
    whole text (it goes from the end), and a caller asking only about them saves the rest.
    """
    starts = {0}
    end = len(text)
    freq = word_table()  # (is_word's look-up without its call)
    while end > down_to:
        size = 1
        for k in (4, 3, 2):  # (a loop, not next() over a generator: a step per character)
            if k <= end and freq.get(text[end - k : end]):
                size = k
                break
        end -= size
        starts.add(end)
    return frozenset(starts)


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
    # 政治优势、组织优势和群众工作优势: the last part holds two items;
    # 从站起来、富起来到强起来: a 从…到 series ends with 到
    seps = ("以及", "及", "和", "与", "到") if "从" in parts[0] else ("以及", "及", "和", "与")
    last, lp = items[-1]
    shared_end = 0
    for sep in seps:
        if sep not in last:
            continue  # (most lists hold none: ``in`` costs less than find)
        k = last.find(sep)
        after = k + len(sep)
        if (
            k >= 2
            and (lp + k) in bounds
            # (和|服务: forward matching reads 和服, while 服务 is the next item's word)
            and ((lp + after) in bounds or (sep == "和" and is_word(last[after : after + 2])))
        ):
            ref = parts[-2]
            shared_end = _joined_pair_end(last[:k], last[after:])
            if (
                abs(k - len(ref)) <= 1
                or len(common_suffix([last[:k], ref])) >= 2
                or shared_end
                or len(common_prefix([last[:k], last[after:]])) >= 2
            ):
                items[-1] = (last[:k], lp)
                # (生产劳动和服务性劳动|为主要内容: the item after 和 ends on the head it shares)
                tail = last[after : after + shared_end] if shared_end else last[after:]
                items.append((tail, lp + after))
                parts = [t for t, _ in items]
            break
    if len(parts) == 2:
        inner = [parts[1]] if len(parts[1]) <= len(parts[0]) else [parts[0]]
    else:
        # (an item cut on the head it shares is whole: its length counts among the inner ones)
        inner = parts[1:] if shared_end else parts[1:-1]
    lengths = sorted(len(p) for p in inner)
    # (the lower middle after a shared head: 推动我国成为|学习大国、人力资源强国和人才强国)
    typical = lengths[(len(lengths) - 1) // 2 if shared_end else len(lengths) // 2]
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
    m = _LEAD_VERB.match(text)
    if m and len(text) - m.end() >= 2 and not any(t.startswith(m.group(1)) for t in parts[1:]):
        text, p = text[m.end() :], p + m.end()  # 多到|困难多、群众意见集中…: the list's verb (T1)
    lead = common_prefix(parts[1:]) if len(parts) >= 3 else ""
    at = text.find(lead, 1) if lead else -1
    if at > 0 and not text.startswith(lead) and len(text) - at >= 3 and (p + at) in bounds:
        # 主要用于|保就业、保基本民生、保市场主体: the first item opens like the others
        # (blind10 EB #39, EF #39)
        text, p = text[at:], p + at
    items[0] = (text, p)
    if len(text) > hi:
        # (the places leaving an item of lo…hi characters, in order, asked only of them)
        end = p + len(text)
        ends = bounds.stretch(p)  # (the first item holds no 、: one stretch for every cut)
        cuts = [c for c in range(max(p, end - hi), min(end - 1, end - lo + 1)) if c in ends]
        # 把|青年团|结起来: forward matching cut 团结; the item ends where it ends, so a word
        # that straddles a cut (团结) moves the cut before it (T1)
        # (asked only at the cuts and the place before each)
        back = _backward_words(text, max(0, min(cuts) - 1 - p)) if cuts else frozenset()
        cuts = [
            c - 1
            if c - p not in back
            and c - 1 - p in back
            and is_word(text[c - 1 - p : c + 1 - p])
            and p + len(text) - c + 1 <= hi
            else c
            for c in cuts
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
    suffix = common_suffix(inner) if len(inner) >= 1 and len(parts) > 2 else ""
    if suffix and len(suffix) >= 2 and suffix in text and len(text) > hi:
        k = text.find(suffix) + len(suffix)
        if (p + k) in bounds and k >= lo:
            text = text[:k]
            hi = max(hi, k)
    for sep in seps:
        if sep not in text:
            continue
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
        noun = head[-2:]
        if (
            len(head) > typical
            and noun in _CATEGORY_NOUNS
            and lo <= len(head) - 2
            and (p + len(head) - 2) in bounds
            and not any(t.endswith(noun) for t in inner)
        ):
            head = head[:-2]  # 权力集中、资金密集、资源富集|领域|的腐败: the head all share
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


def _joined_pair_end(item: str, tail: str) -> int:
    """Where the item after a 和 ends when it shares its last two characters with the item
    before it, the tail running on into the sentence (人力资源强国和人才强国, 生产劳动和服务性
    劳动|为主要内容): the length of that item, or 0. Then the 和 joins two items of the list
    even when the part before the list's last 、 is still uncut (推动我国成为学习大国)."""
    if len(item) < 3:
        return 0
    at = tail.find(item[-2:])
    # (items of about one length: 青年党员、离退休干部职工党员和流动党员 is a roll of groups,
    # whose first part keeps its verb, 注重抓好青年党员)
    return at + 2 if 1 <= at and abs(at + 2 - len(item)) <= 2 else 0


def _cut_head(
    text: str, p: int, bounds: _Boundaries, lo: int, hi: int, typical: int
) -> tuple[str, int] | None:
    """The first words of ``text`` with a length in [lo, hi], closest to ``typical``."""
    ends = bounds.stretch(p)  # (``text`` holds no 、: one stretch for every cut)
    if lo <= len(text) <= hi and (p + len(text)) in ends:
        return text, p
    cuts = [c for c in range(p + lo, p + min(len(text), hi) + 1) if c in ends]
    if not cuts:
        return None
    best = min(cuts, key=lambda c: (abs(c - p - typical), c))
    return text[: best - p], p


def _finish(items: list[tuple[str, int]]) -> list[tuple[str, int]] | None:
    # (last characters compared, not endswith calls: a call costs several times a compare)
    items = [(t[:-1] if t[-1:] == "等" and len(t) > 2 else t, p) for t, p in items if t]
    # 进行反复讨论而形成的: the tail is a relative clause, keep what comes before 而
    items = [(t[: t.index("而")] if t[-1:] == "的" and "而" in t[2:] else t, p) for t, p in items]
    if sum(t[-1:] == "的" for t, _ in items) == 1:  # 优质高效的 (a list of 的-phrases stays)
        items = [(t[:-1] if t[-1:] == "的" and len(t) > 3 else t, p) for t, p in items]
    if len(items) < 2:
        return None
    lengths = [len(t) for t, _ in items]
    if min(lengths) < 2 or max(lengths) > 16:
        return None
    if len(items) == 2 and (min(lengths) < 4 or max(lengths) - min(lengths) > 1):
        pair = [t for t, _ in items]
        shared = max(len(common_suffix(pair)), len(common_prefix(pair)))
        if not (lengths == [3, 3] and shared >= 2):  # 河长制、湖长制 stays
            return None
    return items


def common_prefix(items: Sequence[str]) -> str:
    # cached: the builders ask again about the lists extraction asked about
    return _shared_prefix(tuple(items))


def common_suffix(items: Sequence[str]) -> str:
    return _shared_suffix(tuple(items))


@lru_cache(maxsize=8192)
def _shared_prefix(items: tuple[str, ...]) -> str:
    return _prefix_of(items)


@lru_cache(maxsize=8192)
def _shared_suffix(items: tuple[str, ...]) -> str:
    return _prefix_of([i[::-1] for i in items])[::-1]


def _prefix_of(items: Sequence[str]) -> str:
    if len(items) < 2:
        return ""
    # what all items share, the lexicographically first and last share (one pass, not one
    # per character over every item)
    low, high = min(items), max(items)
    for k, (a, b) in enumerate(zip(low, high, strict=False)):
        if a != b:
            return low[:k]
    return low


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


_CLAUSE_END = re.compile(r"[，,；;：:。！？]")
# 以…为重点/着力点: a goal frame, where a paragraph names its own task (以解决突出制约问题为重点)
_TASK_FRAMES = ("为重点", "为着力点")
# a task phrase opens on a verb of doing or closes on a generic noun (review 24)
_TASK_VERB_LEADS = (
    "解决", "加强", "推进", "推动", "提升", "提高", "完善", "强化", "改善", "促进", "加快",
    "增强", "深化", "健全", "落实", "做好", "抓好", "开展", "实施", "扩大", "优化", "建立",
)  # fmt: skip
_TASK_NOUN_ENDS = ("问题", "工作", "建设", "任务", "条件", "能力", "水平", "力度", "环节")
_TASK_SCORE = 0.45  # below builders.MIN_SCORE: kept as a key, never asked


def _task_phrase(ex: Extraction, phrase: str, match: str) -> bool:
    """Is ``phrase``, before 为重点, a paragraph's own task (a verb of doing or a generic noun
    at its edge) that neither the lexicon nor quotation marks make a formulation?"""
    if not match.endswith(_TASK_FRAMES) or "“" in phrase or ex.lexicon.is_known(phrase):
        return False
    return phrase.startswith(_TASK_VERB_LEADS) or phrase.endswith(_TASK_NOUN_ENDS)


def _def_matches(text: str) -> Iterator[re.Match[str]]:
    """``_DEF_RE.finditer(text)``, searching only the clauses that hold a 是: a match holds
    one and never crosses the clause punctuation, and the regex is slow to find that out at
    every character of the clauses without."""
    start = 0
    for end in [m.start() for m in _CLAUSE_END.finditer(text)] + [len(text)]:
        if text.find("是", start, end) >= 0:
            yield from _DEF_RE.finditer(text, start, end)
        start = end + 1


_PRONOUN_SUBJECTS = ("它", "这", "其", "那")


def _quote_close(text: str, at: int) -> int:
    """Where the quotation opening at ``at`` (after a speaker's intro) ends: just past the
    ” matching its “ (nested quotes counted), or the end of the text when the words that follow
    are not in quotation marks or the mark never closes."""
    if text[at : at + 1] != "“":
        return len(text)
    depth = 0
    for i in range(at, len(text)):
        if text[i] == "“":
            depth += 1
        elif text[i] == "”":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def _definition_keys(ex: Extraction, s: Sentence, tainted) -> Iterable[KeyPhrase]:
    text = s.text
    intro = _QUOTE_INTRO.search(text) if "总书记" in text or "习近平" in text else None
    in_quote = intro is not None
    body_start = intro.end() if intro else 0
    kind = "quotation" if in_quote else "definition"
    # 习近平总书记曾说：“弄潮儿向涛头立，手把红旗旗不湿”，它体现的是…: the quotation ends at the
    # matching ”, and what follows is the speaker's gloss, not Xi's words (review X1/X2)
    quote_end = _quote_close(text, body_start) if in_quote else len(text)
    out: list[KeyPhrase] = []

    def add(phrase: str, local: int, bonus: float = 0.0) -> None:
        phrase = phrase.strip()
        if not phrase or is_generic(phrase) or len(phrase) > 14 or len(phrase) < 2:
            return
        if phrase.endswith(("同志", "的", "字")) or "习近平" in phrase or phrase in _VAGUE:
            return  # 以习近平同志为核心, 是选出来的: a person or a predicate, not a key
        if _LATIN_OR_DIGIT.search(phrase):
            return
        if ends_on_adverb(phrase):
            return  # （发展仍然）是…第一要务: the adverb belongs to the predicate
        a = s.start + local
        if noise.overlaps(a, a + len(phrase), tainted):
            return
        k = kind if local < quote_end else "definition"
        if k == "definition" and phrase.count("、") == 1 and text[local - 1 : local] != "“":
            head, tail = phrase.split("、")
            if len(head) != len(tail) and phrase not in ex.lexicon.terms:
                # 最盼望的是保持常态化、形成长效机制: two clauses of unlike shape, no formula;
                # the blank holds the last (blind10 EF #6, EE #16)
                phrase, a = tail, a + len(head) + 1
                if len(tail) < 4 or is_generic(tail):
                    return
        out.append(KeyPhrase(phrase, k, s.index, a, a + len(phrase), TYPE_WEIGHT[k] + bonus))

    body = text[body_start:]
    # both passes below read the same matches (without a quote's intro, the body is the text)
    defs = list(_def_matches(body)) if "是" in body else []  # (a cheap test before the regex)
    for m in defs:
        subject, pred = m.group(1), m.group(2)
        quoted = in_quote and body_start + m.start(2) < quote_end
        if not (quoted or _DEFINE_MARK.search(subject)):
            continue
        if subject.endswith(("这", "那", "也", "就", "都", "还", "这就", "关键在于")):
            continue
        if not quoted and subject.lstrip("“”，, ").startswith(_PRONOUN_SUBJECTS):
            continue  # 它体现的是…: a pronoun's clause glosses, it does not define
        key, off = _predicate_key(subject, pred)
        if key:
            add(key, body_start + m.start(2) + off, 0.04 if _DEFINE_MARK.search(subject) else 0.0)
    # (the marks are looked for only where there is a match to read)
    marked = bool(defs) and _MARK_NOUN.search(text) is not None
    for m in defs if marked else ():
        # 理想信念是共产党人安身立命的根本: the mark closes the predicate, the subject is the key
        base = body_start if in_quote else 0
        subject, pred = m.group(1), m.group(2)
        if not pred.endswith(_MARK_NOUNS) or "的" not in pred:
            continue
        key, off = _subject_key(subject)
        if key:
            add(key, base + m.start(1) + off, 0.02)
        # …，是共产党人的政治灵魂: the next clause defines the same subject again
        after = text[base + m.end(2) :]
        n = re.match(
            r"[，,]是([^，,；;。！？]{2,20}?)的([^，,；;。！？的]{2,6})(?=[，,；;。！？]|$)", after
        )
        if key and n and n.group(2).endswith(_MARK_NOUNS) and n.group(2)[:2] not in _PLAIN_MODS:
            add(n.group(2), base + m.end(2) + n.start(2))
    m = _TOPIC_RE.match(text) if "，是" in text[:20] else None
    if m and not s.is_heading:
        # 解放和发展社会生产力，是社会主义的本质要求: a sentence that opens by naming its topic and
        # then defines it (cloze only: the topic's shape is free, look-alikes would be guesses)
        topic, pred = m.group(1), m.group(2)
        if (
            "的" not in topic
            and not topic.startswith(_TOPIC_BAD_LEADS)
            and "是" not in topic
            and "的" in pred
            and pred.rstrip("”’")[-2:] in _TOPIC_HEADS
            and not pred.startswith(("要", "对", "因为", "由于", "为了", "在"))
            and not _DATED_TOPIC.search(topic)
        ):
            add(topic, m.start(1), 0.58 - TYPE_WEIGHT[kind])
    for m in _THIS_RE.finditer(text) if "这" in text else ():
        # 牢牢把握社会主义初级阶段这个基本国情, 世界观、人生观、价值观这个“总开关”: the
        # phrase named by an appositive label is the point
        label = m.group(2)
        if not any(mark in label[:10] for mark in _THIS_MARKS):
            continue
        seg = m.group(1)
        if seg.endswith(_THIS_VERBS) or seg[-1] in "把将用在对从向为以和与及的":
            continue  # 紧紧围绕|这个社会主要矛盾, 切实把|这一科学理论
        ends = cached_word_ends(seg)
        verb_ends = [e for e in ends if 0 < e < len(seg) - 1 and seg[:e].endswith(_THIS_VERBS)]
        cut = max(verb_ends) if verb_ends else 0
        if len(seg) - cut > 12:
            continue
        phrase = seg[cut:]
        if phrase[0] in _BAD_MODIFIER or phrase.endswith("的") or "“" in phrase:
            continue
        if len(phrase) == 2 and not (is_word(phrase) and "、" not in phrase):
            continue
        add(phrase, m.start(1) + cut, 0.0)
    for m in _SEEN_AS_RE.finditer(text) if ("看" in text or "视" in text or "当作" in text) else ():
        # 把自己看作是人民的勤务员: what a model sees himself as
        phrase = m.group(1)
        if not phrase.startswith(("自己", "我们", "他们", "一种", "一个")) and "把" not in phrase:
            add(phrase, m.start(1), -0.04)
    for m in _FIRST_RE.finditer(text) if "是第一" in text else ():
        # 科技是第一生产力、人才是第一资源、创新是第一动力: the subject is the point
        subject = m.group(1)
        for verb in _SUBJECT_VERBS:
            k = subject.rfind(verb)
            if k >= 0:
                subject = subject[k + len(verb) :]
        at = m.end(1) - len(subject)
        if 2 <= len(subject) <= 8 and subject[0] not in _BAD_MODIFIER and is_word(subject):
            add(subject, at, 0.02)
    for m in _UNITE_RE.finditer(text) if "把" in text else ():
        # 把共产主义远大理想同中国特色社会主义共同理想统一起来: both sides are the point
        left, right = m.group(1), m.group(2)
        if min(len(left), len(right)) < 4 or not common_suffix([left, right]):
            continue
        group = (left, right)
        a, b = s.start + m.start(1), s.start + m.start(2)
        if noise.overlaps(a, s.start + m.end(2), tainted) or is_generic(left) or is_generic(right):
            continue
        ex.groups.setdefault(group, (s.index, a, b + len(right)))
        ex.whole.extend([(a, a + len(left)), (b, b + len(right))])
        # exact spans, not list edges cut out of running text: a definition-like pair
        out.append(KeyPhrase(left, "definition", s.index, a, a + len(left), 0.62, None, group))
        out.append(KeyPhrase(right, "definition", s.index, b, b + len(right), 0.62, None, group))
    m = _THESIS_RE.match(text) if len(text) <= 26 and not s.is_heading else None
    if m and m.group(1)[0] not in _BAD_MODIFIER and not m.group(1).startswith(_THESIS_BAD_LEADS):
        # 乡村振兴，产业兴旺是重点。 / 摆脱贫困是前提。: a short thesis opening a paragraph
        # names what the paragraph is about and what role it plays
        add(m.group(1), m.start(1), 0.0)
    for m in _WITH_RE.finditer(text) if "以" in text else ():
        phrase, at = m.group(1), m.start(1)
        if "同志" in phrase[:-2]:  # 以邓小平同志南方谈话为标志 → 南方谈话
            k = phrase.index("同志") + 2
            phrase, at = phrase[k:], at + k
        if _task_phrase(ex, phrase, m.group(0)):
            # 以（解决突出制约问题）为重点: a local task, not a formulation (review 24)
            add(phrase, at, _TASK_SCORE - TYPE_WEIGHT[kind])
            continue
        add(phrase, at, 0.02)
    for m in _ONLY_RE.finditer(text) if "只有" in text else ():
        add(m.group(1), m.start(1), -0.2)  # parallel clauses: a cloze, not a choice
    if in_quote:
        body = text[body_start:quote_end]
        for m in _AS_RE.finditer(body):
            add(m.group(1), body_start + m.start(1))
            if m.group(2):
                add(m.group(2), body_start + m.start(2))
        for m in _PRINCIPLE_RE.finditer(body):
            add(m.group(1), body_start + m.start(1))
        for m in _BECOME_RE.finditer(body):
            add(m.group(1), body_start + m.start(1))
    return out


_THESIS_RE = re.compile(
    r"^(?:[^，,；;。！？“”]{2,10}[，,])?([^，,；;。！？“”的是]{2,10})是"
    r"(?:重点|关键|保障|基础|根本|前提|核心|主线|灵魂|根本保证|重中之重|第一要务|首要任务)[。！]$"
)
_THESIS_BAD_LEADS = ("这", "那", "其", "它", "关键", "根本", "重点")
_MARK_NOUNS = (
    "根本性建设",  # 党的政治建设是党的根本性建设
    "基础性建设",
    "基础和关键",  # 发展是解决我国一切问题的基础和关键
    "鲜明的品格",
    "首要任务",
    "总抓手",
    "本质属性",
    "第一要务",
    "重中之重",
    "根本",
    "灵魂",
    "生命线",
    "根基",
    "命脉",
    "法宝",
    "基石",
    "前提",
    "保证",
    "精神之钙",
    "根和魂",
    "本质要求",
    "本质特征",
)
_MARK_NOUN = re.compile("|".join(_MARK_NOUNS))  # (one search, not a test per noun)
_TOPIC_RE = re.compile(
    r"^([^，,；;。！？“”‘’：:（）()]{4,14})，是(?![不否])([^，,；;。！？]{4,40})"
)
_TOPIC_HEADS = frozenset(
    """要求 目标 力量 部署 任务 梦想 事业 品质 保证 根本 灵魂 关键 基础 前提 特征 优势 法宝 代化
    道路 心骨 舱石 使命 责任 保障 支撑 动力 方向 根基 命脉 之义 途径 抓手 原则 方针 战略 决策
    宗旨 本色 标志 追求 初心 课题 工程""".split()
)
# a topic holding a figure or a time (近五年来…): a record, not a definition
_DATED_TOPIC = re.compile(r"[\dA-Za-z%％]|以来|年来|今年|当前|目前")
_TOPIC_BAD_LEADS = (
    "我们",
    "他们",
    "你们",
    "这",
    "那",
    "从",
    "这些",
    "五年",
    "十八大",
    "十九大",
    "二十大",
    "当前",
    "目前",
    "今天",
    "同时",
    "其中",
    "但",
    "而",
    "因此",
    "所以",
    "特别",
    "尤其",
    "实践",
    "事实",
)
_THIS_RE = re.compile(
    r"(?:^|(?<=[，,；;：:”]))([^，,；;：:。！？“”]{2,24}?)这[个一]“?([^，,；;。！？]{2,16})"
)
_THIS_MARKS = (
    "国情",
    "实际",
    "生命线",
    "总开关",
    "梦想",
    "标准",
    "大计",
    "制度",
    "课题",
    "主题",
    "答案",
    "主要矛盾",
    "根本",
    "法宝",
    "关键",
    "核心",
    "灵魂",
    "基石",
    "命脉",
    "初心",
)
_THIS_VERBS = (
    "把握",
    "立足",
    "坚持",
    "扭住",
    "解决好",
    "牢固树立",
    "建立健全",
    "抓住",
    "抓好",
    "找到了",
    "实现了",
    "树立",
    "围绕",
    "回答好",
    "聚焦",
    "紧扣",
    "牢记",
    "铭记",
    "守住",
    "坚守",
    "发展",
    "完善",
    "建设",
    "解决",
    "回答",
    "找到",
    "实现",
)
_SEEN_AS_RE = re.compile(
    r"(?:看作|看成|视为|视作|当作)是?([^，,。；;！？、]{3,10})(?=[，,。；;！？]|$)"
)
_FIRST_RE = re.compile(
    r"(?:^|(?<=[，,、；;：:]))([\u4e00-\u9fff]{2,10}?)是(?:[\u4e00-\u9fff]{0,6}的)?第一(?:生产力|资源|动力|要务|责任人|标准)"
)
_PLAIN_MODS = {
    "重要",
    "根本",
    "基本",
    "主要",
    "最大",
    "可靠",
    "坚强",
    "有力",
    "必要",
    "首要",
    "关键",
}
_SUBJECT_VERBS = (
    "牢记",
    "坚持",
    "认识到",
    "明确",
    "懂得",
    "记住",
    "坚信",
    "深知",
    "明白",
    "强调",
    "指出",
)
_UNITE_RE = re.compile(
    r"把([\u4e00-\u9fff]{4,14}?)(?:同|与|和)([\u4e00-\u9fff]{4,14}?)(?:统一起来|结合起来|相结合|有机统一起来)"
)


def _subject_key(subject: str) -> tuple[str, int]:
    """The noun phrase a defining sentence is about: 就要牢记理想信念 → 理想信念."""
    off = 0
    for verb in _SUBJECT_VERBS:
        k = subject.rfind(verb)
        if k >= 0:
            off = k + len(verb)
    key = subject[off:]
    if not 3 <= len(key) <= 8 or off == 0 and len(subject) > 6:
        return "", 0
    if key[0] in "的了和在是要与及把将从对为以这那其之等又也都就我他她它你":
        return "", 0
    if not (is_word(key) or is_word(key[:2]) and is_word(key[2:])):
        return "", 0
    return key, off


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

    version = dictionary_version()
    for term, a, b in ex.lexicon.find_terms(s.text):
        if _inside_longer_word(s.text, a, b, version):
            continue  # 脱贫攻坚战, 马克思列宁主义: the term is only part of a word here
        if _glued_modifier(ex.lexicon, s.text, a, term):
            continue  # 改革（创新精神）: 改革创新 is one modifier, jieba cuts 改革|创新精神 (T2)
        if _one_big_measure(s.text, a, b, term):
            continue  # 成为党的一大忧患: "a major worry of the Party", not its First Congress
        if ex.whole and noise.overlaps(s.start + a, s.start + b, ex.whole):
            continue
        add(term, a, "term", TYPE_WEIGHT["term"])
    # (a cheap test before the regex, which tries every character: is a head noun there?)
    for m in _head_terms(s.text):
        if m.group(1)[0] in _BAD_MODIFIER or m.group(1)[-1] in _BAD_MODIFIER:
            continue
        if _inside_longer_word(s.text, m.start(), m.end(), version):
            continue
        if (
            head_counts[m.group(0)] >= 2
            and m.group(0) not in ex.lexicon.terms
            and m.group(0) not in _BAD_HEAD_TERMS
            and is_word(m.group(1))
        ):
            add(m.group(0), m.start(), "term", 0.56)  # no curated class mates: cloze only
    for m in _GRASP_RE.finditer(s.text) if "抓" in s.text else ():
        add(m.group(0)[: m.end(2) - m.start()], m.start(), "formula", TYPE_WEIGHT["formula"] - 0.1)
    m = _SAID_COUPLET_RE.search(s.text) if "：" in s.text or ":" in s.text else None
    if m and m.start() >= 10:  # …写下的誓言：不入虎穴，焉得虎子。— a saying, asked whole
        # (after a bare 他回答： the stem would not tell what is asked)
        add(m.group(1), m.start(1), "quoted", TYPE_WEIGHT["quoted"] + 0.04)
    m = _COUPLET_RE.match(s.text)
    if m and (
        sum(x == y for x, y in zip(m.group(1), m.group(2), strict=True)) < 2
        or any(ex.lexicon.is_known(x) for x in (m.group(1), m.group(2), m.group(0)[:9]))
    ):
        # 安不忘危，兴不忘忧。 standing bare: halves on one frame (X不忘Y) leave two characters
        # to guess, and classical rivals fit the frame as well (存不忘亡, 治不忘乱), so such a
        # couplet is asked only when the lexicon knows it; 功以才成，业由才广 stays (review X2)
        add(m.group(1), m.start(1), "quoted", TYPE_WEIGHT["quoted"])
        add(m.group(2), m.start(2), "quoted", TYPE_WEIGHT["quoted"])
    return out


# a sentence of two parallel clauses of five to eight characters (江山就是人民，人民就是江山。)
_PARALLEL_RE = re.compile(r"^([\u4e00-\u9fff]{5,8})，([\u4e00-\u9fff]{5,8})[。！]$")
# the function words a parallel saying repeats in place (就是/就是, 是…之/是…之, 兴则/强则)
_FRAME_CHARS = frozenset("是就则之乃才即必")
_SAYING_BAD_FIRST = frozenset("我你他她它这那其要在对把从以为将让使")
# frame words of a saying that print less of it: 者 (志不求易者成，事不避难者进) and 要 (房间要
# 经常打扫，镜子要经常擦拭) count only when each half keeps three characters of its own
# (光荣属于劳动者，幸福属于劳动者 would blank 幸福 under five printed characters)
_LOOSE_FRAME_CHARS = frozenset("者要")


def parallel_saying(text: str) -> tuple[str, str] | None:
    """The two halves of a saying said as a sentence of two parallel clauses, or None.

    团结就是力量，团结才能胜利 and 文化兴国运兴，文化强民族强 open both clauses alike;
    江山就是人民，人民就是江山 and 时代是思想之母，实践是理论之源 repeat their function words in
    place. A pair of measures that happen to share a word (优化区域开放布局，加大西部开放力度)
    does neither. Four-character couplets (基础不牢，地动山摇) have their own rule.
    """
    if "，" not in text or len(text) > 18:
        return None
    m = _PARALLEL_RE.match(text)
    if m is None:
        return None
    a, b = m.group(1), m.group(2)
    if len(a) != len(b) or a == b:
        return None
    if a[0] in _SAYING_BAD_FIRST or a[:2] in _LIST_VERBS or a.startswith(_WHOLE_LIST_BAD_LEADS):
        return None  # 加强党的领导，加强党的建设: two measures, not a saying
    same = [k for k in range(len(a)) if a[k] == b[k]]
    if len(same) < 2 or len(same) > len(a) - 2:
        return None  # one clause said twice over, not a pair
    if a[:2] == b[:2] or any(a[k] in _FRAME_CHARS for k in same):
        return a, b
    if len(same) <= len(a) - 3 and any(a[k] in _LOOSE_FRAME_CHARS for k in same):
        return a, b
    return None


# a line quoted after its speaker (孙中山先生说过：, 苏轼说：, 在一首词中写道：), or standing alone
_QUOTE_LEAD = re.compile(r"(?:说|说过|所说|写道|曰|云)：$")
_QUOTED_CLAUSE = re.compile(r"[\u4e00-\u9fff]{2,14}")


def _quoted_line_last(text: str, a: int, b: int, line: str) -> str:
    """The last clause of a quoted line of two to four clauses (a saying, a classic, a verse)
    that a speaker is said to have said or that stands as a sentence alone; "" for anything
    else: a couplet of equal halves (asked half by half above), an anecdote (有你们在，就安心:
    a pronoun), a line over 32 characters, a clause that is not plain words.
    ``a``/``b`` are the quote's bounds in the sentence ``text``."""
    line = line.rstrip("。！？")
    clauses = re.split(r"[，；]", line)
    if not 2 <= len(clauses) <= 4 or len(line) > 32:
        return ""
    if not all(_QUOTED_CLAUSE.fullmatch(c) for c in clauses) or re.search("[我你他她咱]", line):
        return ""
    if len(line) - len(clauses[-1]) - 1 < 3:
        return ""  # 师者，（　　）: two printed characters pin nothing (所以传道受业解惑也)
    alone = a == 0 and not text[b:].strip("。！？")
    return clauses[-1] if alone or _QUOTE_LEAD.search(text[:a]) else ""


@lru_cache(maxsize=4096)
def couplet_halves(text: str) -> tuple[str, str] | None:
    """The halves of a saying standing as a sentence: a four-by-four couplet (安不忘危，兴不忘忧)
    or two parallel clauses (江山就是人民，人民就是江山); None for any other sentence.

    Cached (text only, no dictionary): the builders ask it of a sentence once per key.
    """
    m = _COUPLET_RE.match(text)
    if m:
        return m.group(1), m.group(2)
    return parallel_saying(text)


def _saying_keys(ex: Extraction, s: Sentence, tainted) -> list[KeyPhrase]:
    """The second half of a parallel saying (江山就是人民，（人民就是江山）): cloze only, and the
    question names the whole saying among its keys (``builders.add_saying_key``)."""
    if s.is_heading or "，" not in s.text:
        return []
    halves = parallel_saying(s.text)
    if halves is None:
        return []
    second = halves[1]
    a = s.start + len(halves[0]) + 1
    if noise.overlaps(s.start, a + len(second), tainted):
        return []
    return [KeyPhrase(second, "quoted", s.index, a, a + len(second), 0.58)]


def _head_terms(text: str) -> Iterator[re.Match[str]]:
    """``_HEAD_TERM_RE.finditer(text)``, each search starting two characters before the next
    head noun (every match ends in one): opening with a class of every Chinese character, the
    regex would otherwise be tried at each character of a whole text."""
    pos = 0
    while (head := _HEAD_NOUN_RE.search(text, pos)) is not None:
        m = _HEAD_TERM_RE.search(text, max(pos, head.start() - 2))
        if m is None:
            return
        yield m
        pos = m.end()


# heads a term's modifier qualifies (创新+精神): the modifier may be half of a longer one
_TERM_HEADS = ("精神", "意识", "能力", "本领", "作风", "思想", "理论")


def _glued_modifier(lexicon: Lexicon, text: str, a: int, term: str) -> bool:
    """Is a term of a modifier and a generic head (创新精神) glued to the two characters before
    it, which form with its modifier a word or a phrase the lexicon writes apart from that head
    (改革+创新, from 以改革创新为核心的时代精神)? Then the blank would cut 改革创新精神 (T2)."""
    if a < 2 or len(term) < 4 or not term.endswith(_TERM_HEADS):
        return False
    prev, modifier = text[a - 2 : a], term[:-2]
    if not all("\u4e00" <= c <= "\u9fff" for c in prev) or prev[-1] in "的之和与及、":
        return False
    if is_word(prev + modifier):
        return True
    return _apart_in_lexicon(lexicon, prev + modifier, term[-2:])


@lru_cache(maxsize=4096)
def _apart_in_lexicon(lexicon: Lexicon, phrase: str, head: str) -> bool:
    """Does a lexicon phrase (term, name, member spelling or list item) write ``phrase`` with
    something other than ``head`` after it (at the first place it writes it)?"""
    # one search through the phrases joined by newlines, not one per phrase of the lexicon
    joined = _joined_phrases(lexicon)
    at = joined.find(phrase) if "\n" not in phrase else -1
    while at >= 0:
        start = joined.rfind("\n", 0, at) + 1
        end = joined.find("\n", at)
        known = joined[start:end]
        if not known.startswith(head, known.find(phrase) + len(phrase)):
            return True
        at = joined.find(phrase, end)
    return False


@lru_cache(maxsize=4)
def _joined_phrases(lexicon: Lexicon) -> str:
    """Every term, name, member spelling and list item of ``lexicon``, one a line (a newline
    ends the last one too): searched here and by builders' generic-head slot test."""
    phrases = lexicon.known_phrases() | {i for items in lexicon.lists for i in items}
    return "".join(f"{p}\n" for p in sorted(phrases))


@lru_cache(maxsize=16384)
def _inside_longer_word(text: str, a: int, b: int, version: int) -> bool:
    """Is text[a:b] glued into a longer dictionary word (脱贫攻坚|战, 马克思|列宁主义)?

    Cached (the same terms recur in every call on a text); ``version`` is jieba's dictionary
    version, part of the key.
    """
    del version
    word = text[a:b]
    if _split_last(text, a, b) or _glued_lead(text, a, b):
        return True
    freq = word_table()  # (is_word's look-up without its call: a key asks up to seven)
    # 脱贫攻坚|战场: the next character opens a word of its own, which the longer word
    # (脱贫攻坚战) would cut; the term stands (T3)
    claimed = (
        b + 2 <= len(text) and bool(freq.get(text[b : b + 2])) and bool(freq.get(text[a : b + 1]))
    )
    if b < len(text) and text[b] in "战制者性化式型率" and not claimed:
        return True
    for k in (1, 2, 3):
        if a - k >= 0 and freq.get(text[a - k : b]):
            return True
    for k in (1, 2):
        if b + k <= len(text) and freq.get(text[a : b + k]) and text[a : b + k] != word:
            if not (k == 1 and claimed):
                return True
    return False


# what follows a congress named 一大 (党的一大召开, 党的一大上, 党的一大以来, 党的一大代表…)
_CONGRESS_AFTER = re.compile(
    r"召开|上|以来|以后|之后|前后|前|后|时|期间|通过|确定|提出|制定|决定|专门|就|代表|会址|纲领|的"
)
# a copula or a verb of becoming before it, past an optional 我们 (已经成为党的一大忧患,
# 是我们党的一大优势): there 一大 is "a major", a measure of the noun after it
_MEASURE_LEAD = re.compile(r"(?:是|为)(?:我们)?$")


def _one_big_measure(text: str, a: int, b: int, term: str) -> bool:
    """Is the congress name ``term`` = text[a:b] ending on 一大 (党的一大, 中共一大) here the
    measure 一大 ("a major") of the noun after it: a copula before it (是, 成为, 作为), a 汉字
    after it and none of a congress's words (召开, 上, 以来, 代表…)? 组织纪律松弛已经成为党的一大
    忧患 was asked as （党的一大）忧患 (blind16 OB #37: "parse error")."""
    if not term.endswith("一大") or b >= len(text) or not "\u4e00" <= text[b] <= "\u9fff":
        return False
    return _MEASURE_LEAD.search(text, 0, a) is not None and not _CONGRESS_AFTER.match(text, b)


# modifiers glued to a people noun, a compound jieba does not know (中国|人民, 全体|人民)
_GLUED_LEADS = ("中国", "全国", "全体", "各族", "全党", "广大", "中华", "我国")
_GLUED_NOUNS = ("人民", "民族", "青年", "党员", "干部", "群众", "农民", "妇女", "同胞")


def _glued_lead(text: str, a: int, b: int) -> bool:
    """Does the key open on a people noun the two characters before it qualify (中国|人民对美好
    生活的向往)? The stem would print ``中国（　　）``, a cut compound (T3)."""
    return (
        a >= 2
        and text[a - 2 : a] in _GLUED_LEADS
        and text.startswith(_GLUED_NOUNS, a)
        and b - a > 2
    )


def _split_last(text: str, a: int, b: int) -> bool:
    """Does the key's last character form a word with the next one (脱贫攻坚战|场: 战场) while
    the key without it is a word too? jieba's cut was wrong and the stem would print
    ``（　　）场`` (T3)."""
    return (
        b - a >= 4
        and b < len(text)
        and "\u4e00" <= text[b] <= "\u9fff"
        and is_word(text[b - 1 : b + 1])
        and is_word(text[a : b - 1])
    )


# -- 4 headings ------------------------------------------------------------------------------
def _heading_keys(ex: Extraction) -> list[KeyPhrase]:
    doc = ex.doc
    by_parent: dict[tuple[int | None, int], list[Heading]] = {}
    for heading in doc.headings.values():
        if doc.sentences[heading.sentence].is_noise:
            continue
        by_parent.setdefault((heading.parent, heading.level), []).append(heading)
    out: list[KeyPhrase] = []
    for (parent, level, run), siblings in _heading_runs(doc, by_parent):
        if len(siblings) < 2:
            continue
        n_clauses = min(len(h.clauses) for h in siblings)
        for ci in range(min(n_clauses, 2)):
            clauses = [h.clauses[ci][0] for h in siblings]
            prefix = common_prefix(clauses)
            # a shared frame around the point: 刘少奇同志是…的光辉榜样, 中国式现代化是…的现代化
            suffix = common_suffix(clauses)
            frame_end = len(suffix) if "的" in suffix[:2] and len(suffix) >= 3 else 0
            if frame_end and suffix[0] != "的":
                frame_end -= suffix.index("的")
            keys: list[tuple[Heading, str, int]] = []
            for h in siblings:
                clause, off = h.clauses[ci]
                cut = len(prefix)
                if frame_end and len(clause) - frame_end - cut >= 2:
                    clause = clause[: len(clause) - frame_end]
                rest = clause[cut:]
                if rest.startswith(("和", "与")) and prefix.endswith(_LEAD_VERBS):
                    # 坚持和加强党的全面领导 among 坚持…: the verb belongs to this point
                    verb = next(v for v in _LEAD_VERBS if prefix.endswith(v))
                    cut -= len(verb)
                    rest = clause[cut:]
                for verb in _LEAD_VERBS if "、" not in rest else ():
                    # 坚持真理、实事求是: a pair of set phrases keeps its verb
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
            set_key = (parent, level, ci, run)
            ex.heading_sets[set_key] = [(h.sentence, k) for h, k, _ in keys]
            score = TYPE_WEIGHT["heading"] - (0.1 if ci > 0 and level != 1 else 0.0)
            group = tuple(k for _, k, _ in keys)
            for h, k, a in keys:
                if noise.overlaps(a, a + len(k), tainted):
                    continue
                out.append(KeyPhrase(k, "heading", h.sentence, a, a + len(k), score, None, group))
    return out


def _heading_runs(
    doc: Document, by_parent: dict[tuple[int | None, int], list[Heading]]
) -> list[tuple[tuple[int | None, int, int], list[Heading]]]:
    """Sibling headings as series: (parent, level, run) → headings in reading order.

    Dash-led paragraphs of one section form a new series where the gap between two of them is
    far wider than the series' own rhythm (report20's five features of 中国式现代化, one
    paragraph each, then six paragraphs on the two-step strategy, then its five 重大原则): each
    series is a list of its own. A speech that follows each dash paragraph with one of comment
    (——刘少奇同志是…的光辉榜样) keeps its rhythm and stays one series.
    """
    out = []
    for (parent, level), siblings in sorted(
        by_parent.items(), key=lambda kv: (kv[0][0] or -1, kv[0][1])
    ):
        siblings.sort(key=lambda h: h.sentence)
        paras = [doc.sentences[h.sentence].paragraph for h in siblings]
        gaps = [b - a for a, b in zip(paras, paras[1:], strict=False)]
        if level != DASH_LEVEL or not gaps:
            # 一要…二要…三要… then, a paragraph on, 一要… again: the count restarting opens a
            # new series (speech_ma_weiguang's 三点要求 are not 小标题 of its section 3)
            run, n = [siblings[0]], 0
            for prev, h in zip(siblings, siblings[1:], strict=False):
                if 0 < h.ordinal <= prev.ordinal:
                    out.append(((parent, level, n), run))
                    run, n = [], n + 1
                run.append(h)
            out.append(((parent, level, n), run))
            continue
        rhythm = min(gaps)
        run: list[Heading] = [siblings[0]]
        n = 0
        for h, gap in zip(siblings[1:], gaps, strict=True):
            if gap >= 3 and gap > 2 * rhythm or rhythm == 1 and _lead_in_between(doc, h):
                out.append(((parent, level, n), run))
                run, n = [], n + 1
            run.append(h)
        out.append(((parent, level, n), run))
    return out


def _lead_in_between(doc: Document, h: Heading) -> bool:
    """Does a short lead-in line of its own stand right before dash heading ``h``, after a run
    of dash paragraphs one after the other (the 十五五 建议's six principles, then
    （6）“十五五”时期经济社会发展的主要目标。, then its six goals)? It opens a new series."""
    para = doc.sentences[h.sentence].paragraph
    before = [s for s in doc.sentences if s.paragraph == para - 1]
    if len(before) != 1 or doc.sentences[h.sentence - 1].paragraph != para - 1:
        return False
    line = before[0].text.strip()
    return not line.startswith("——") and len(line) <= 40 and line.endswith(("。", "：", ":"))


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
    def priority(k: KeyPhrase) -> int:
        if k.type == "enumeration" and k.group and ex.lexicon.known_list(k.group):
            return _PRIORITY["formula"]  # an item of a standard list, as the lexicon cuts it
        return _PRIORITY.get(k.type, 0)

    ranked = sorted(best.values(), key=lambda k: (-priority(k), k.start, -k.end))
    kept: list[KeyPhrase] = []
    taken: dict[int, list[tuple[int, int]]] = {}
    for k in ranked:
        spans = taken.setdefault(k.sentence, [])
        if k.type == "series":
            kept.append(k)  # a whole list: its items stay keys of their own
            continue
        if k.type not in ("heading", "quoted") and noise.overlaps(k.start, k.end, spans):
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
