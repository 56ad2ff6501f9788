"""How likely a plain 填空 is to be usable as asked: a small logistic score fitted to the reviews.

A plain 填空 is a ``cloze`` of template ``cloze`` with one blank and no lexicon formula tagged.
On texts no rule was made from they were the engine's weakest questions (docs/quality.md: the
transfer, Y, B1 and served-quiz rounds), failing for reasons hand rules did not carry over
between texts: an open slot other words fit, a generic key, a window that cuts its lead. The
score reads a few general traits of the blank and its key, none of them a listed phrase;
``bench/confidence_fit.py`` rebuilds the labelled set and refits the weights. A served quiz
takes a plain 填空 under the threshold last (``pipeline.select``); the bank keeps it, since
dropping it cost 5–6 points of gold coverage (docs/generation.md).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .jieba_setup import cut, is_common_word, is_word
from .keyphrases import common_prefix, common_suffix
from .model import BLANK, Question

# Weights of the logistic score, fitted (L2 1.0) on the 303 distinct plain 填空 the engine
# still asks among the 456 the unseen-text rounds judged (T1–T5, X1–X5, Y1–Y6, B1, Q1–Q6 of
# docs/quality.md; 197 usable, 65%). The comments give each trait's count on those 303.
# Left one text out (nine texts; docs/generation.md, "Confidence gate for plain 填空"), a
# threshold of 0.5 kept 256 (84%), 178 usable (70%), and flagged 47, 19 usable (40%); with the
# lexicon's keys spared, as the engine does, it flagged 31, 11 usable (35%).
WEIGHTS: dict[str, float] = {
    "bias": 0.14,
    "list_item": 0.78,  # the blank stands next to 、: siblings pin it (109/136 usable vs 88/167)
    "quoted_blank": -0.74,  # “（　　）”: often the text's own label (25/51 vs 172/252)
    "weak_type": -0.99,  # a clause-like key, or none the extractor found (4/14)
    "strong_type": 1.23,  # a lexicon formula, member or formula-shaped key (15/20)
    "semicolon": -0.76,  # the source has ；-items: the window may cut its lead (13/28)
    "short_stem": -0.34,  # 20 characters or fewer: little to answer from (4/11)
    "shares_char": 0.72,  # a key character near the blank: a patterned series (122/162)
    "common_word": 0.92,  # jieba's own dictionary counts it 100+ times: a settled term (11/12)
    "long_key": -0.35,  # over 10 characters: a clause to recall word for word (4/10)
    "blank_ends": -0.17,  # nothing after the blank but the full stop (14/26)
}
# Below this a plain 填空 comes last in a quiz. 0.4 flagged 26 (9 usable) and 0.6 flagged 51
# (20 usable) left one text out, lexicon keys spared; on the review texts 0.5 flags 22 items of
# 236, all usable (their rules already removed the weak ones).
THRESHOLD = 0.5
# the types the extractor gives when the key is a whole clause or nothing it named
_WEAK_TYPES = frozenset({"definition", "quotation", "heading", ""})
_STRONG_TYPES = frozenset({"formula", "lexicon", "member"})
_NEAR = 12  # characters either side of the blank read for a shared character


def is_plain_cloze(q: Question) -> bool:
    """Is ``q`` a one-blank 填空 of the plain template with no lexicon formula tagged?"""
    return q.kind == "cloze" and q.template == "cloze" and not q.formula and len(q.answer) == 1


def features(q: Question, key_type: str) -> dict[str, float]:
    """The traits :data:`WEIGHTS` reads, 0 or 1 each, for a plain 填空 whose key has
    ``key_type`` (``""`` when the extractor has no key of that text)."""
    answer = q.answer[0]
    at = q.stem.find(BLANK)
    before = q.stem[:at]
    after = q.stem[at + len(BLANK) :]
    near = before[-_NEAR:] + after[:_NEAR]
    traits = {
        "list_item": before.endswith("、") or after.startswith("、"),
        "quoted_blank": before[-1:] in '“"‘《' and after[:1] in '”"’》' and before != "",
        "weak_type": key_type in _WEAK_TYPES,
        "strong_type": key_type in _STRONG_TYPES,
        "semicolon": "；" in q.source,
        "short_stem": len(q.stem) <= 20,
        "shares_char": any(c in near for c in set(answer)),
        "common_word": is_common_word(answer),
        "long_key": len(answer) > 10,
        "blank_ends": after.strip('。！？”"') == "",
    }
    return {name: float(value) for name, value in traits.items()}


def confidence(q: Question, key_type: str) -> float:
    """The probability, by the fitted weights, that a reviewer finds ``q`` usable as asked."""
    z = WEIGHTS["bias"] + sum(WEIGHTS[n] * v for n, v in features(q, key_type).items())
    return 1.0 / (1.0 + math.exp(-z))


# -- plain 单选 ------------------------------------------------------------------------------
# A plain 单选 (template ``single``, no formula tagged: the text's sentence with a blank over a
# key and three lures) was the weakest question served in the seventh session's quiz rounds
# (CC–CP on blind8/blind9: 5 of 16 usable as is at the end, against 20 of 22 lexicon items). Its
# faults the reviewers named are traits of the whole item: an option of its own length among
# lures of others (CG #16, CO #40, CD #26: "the only six-character option"), a stem too short to
# pin one answer (党性教育 where 警示教育 fits, CK #9; …建设。 after a bare heading) and a stem
# the plain-填空 gate already doubts with the same key (a generic modifier, 网络化, CH #30).
# Such a 单选 is asked in a quiz only when nothing better is left (``pipeline.select``).
SINGLE_STEM_MIN = 18  # fewer characters besides the blank: too little to pin the answer
# The key alone of its length is a cue only when it is the longest option (青年科技人才
# beside 卓越工程师, 战略科学家, 大国工匠: blind8 CG #16 "the only six-character option";
# 伟大抗美援朝精神; 战略性新兴产业). Among lures longer and shorter than the key (中国特色社会主义
# beside 科学社会主义, 当代中国马克思主义; 新型政党制度 beside 人民代表大会制度) or all longer
# (西部大开发, 政治定力) no length points at it: such a 单选 with nothing else doubtful is
# ``lone length``, asked last but kept in the bank when its lures are of the key's class
# (pipeline: ``lone_length_single``; thirteenth session: judged rows 9/12 usable, the doubtful
# 单选 still dropped 19/73).
LONE_LENGTH = "lone length"
# a stem opening on a pronoun of what came before (这是, 这也是, 这种 …, past a cut ……): what
# it points to is not printed, so nothing in the stem decides among lures of the key's class
# (……这也是中国人民敬仰生命的（人文精神）的最好印证！ beside 契约精神, 团队精神: blind11
# GK/GL/GO/GP, five servings; the window that cut 这种潜能's lead, EC/EG/EH #25)
_DANGLING_OPENING = re.compile(r"^[…。.]*(这(也|就|正|都|才|便|又)?是|这(种|些|样))")


def is_plain_single(q: Question) -> bool:
    """Is ``q`` a 单选 of the plain text template with no lexicon formula tagged?"""
    return q.kind == "single" and q.template == "single" and not q.formula


# What may stand right before a plain 单选's blank for its lures to read as well as its key: a
# word that governs an object (强化（　　）, 以（　　）, 纠治（　　）; a verb ending one of
# these, as 全面落实 or 牢固确立, counts too), a function word, or a modifier any member of
# the key's class takes (国家（粮食安全）, 中外（民心相通）). Any other word there is a modifier
# the key forms a compound with, which its lures of the same class do not fit (劳动（风险意识）
# against 劳动国防意识, 口岸（生物安全）, 极端（利己主义）, 民主（政治优势）: the served-quiz
# judging of the eighth session, 32 of 67 failed servings on the tuning texts).
SINGLE_LEAD_WORDS = frozenset(
    "在 对 把 以 从 向 为 将 于 同 和 与 及 或 并 由 到 是 了 的 之 等 这 这一 这个 这些 "
    "坚持 持续 加快 加强 推动 推进 深化 深入 实施 实行 推行 完善 健全 强化 提高 增强 促进 支持 "
    "鼓励 构建 严肃 查处 抓好 着力 统筹 开展 落实 形成 建立 建设 建成 打造 培育 培养 保障 维护 "
    "巩固 引导 注重 确保 实现 优化 扩大 发挥 提升 用好 涵养 践行 弘扬 发扬 树立 树牢 聚焦 围绕 "
    "紧扣 重视 探索 整治 纠治 惩治 抵制 反对 防止 纠正 破除 克服 做到 做好 贯彻 遵守 执行 履行 "
    "肩负 宣传 学习 统揽 坚定 确立 发展 保持 压实 严守 取得 进行 锻造 出现 开创 迈向 走好 "
    "具有 具备 作为 成为 关系 尊重 依靠 领导 服务 推广 运用 把握 秉持 提出 召开 倡导 营造 "
    "奉行 意味着 保护 贯穿 出台 高举 放宽 激发 坚守 提倡 加大 引领 带领 团结 凝聚 实践 体现 "
    "彰显 展现 传承 赓续 厚植 锤炼 筑牢 夯实 守住 守牢 防范 化解 打赢 打好 推出 制定 抓住 搞 "
    "国家 我国 中国 中外 全国 全省 全市 全党 全社会 全民 各 各类 各种 新一轮 任何 一切 最大 "
    "重大 重要 "
    "社会主义 中国特色社会主义".split()
)
_SINGLE_LEAD_MARKS = "，。；：、！？“”‘’《》（）「」…—,.;:!?\"' "


def modifier_before_blank(q: Question) -> str:
    """The word right before the blank of ``q`` when it is a modifier the key forms a compound
    with (诚实合法（劳动意识）: ``合法``); "" when that word governs the blank, is a function word
    or a modifier of the whole class (:data:`SINGLE_LEAD_WORDS`), or nothing but a mark."""
    before = q.stem[: q.stem.find(BLANK)]
    if not before or before[-1] in _SINGLE_LEAD_MARKS:
        return ""
    words = cut(before[-10:], hmm=False)
    word = words[-1] if words else ""
    if word in SINGLE_LEAD_WORDS or (len(word) != 2 and before[-2:] in SINGLE_LEAD_WORDS):
        # (全面落实, 牢固确立: an adverb and a governing verb; 纠|治: a verb jieba splits)
        return ""
    return word


def single_doubt(
    q: Question, twin_weak: bool = False, common: frozenset[str] = frozenset(), text: str = ""
) -> str:
    """Why the plain 单选 ``q`` is doubtful ("" when it is not, or is no plain 单选):
    ``length`` (the key alone has its length and is the longest option), ``short stem``,
    ``dangling`` (the stem opens on a pronoun of what it cut, :data:`_DANGLING_OPENING`),
    ``modifier`` (the key forms a compound with the word before the blank,
    :func:`modifier_before_blank`), ``series shape`` (the lures share an edge no printed item
    of the blank's 、-series has, :func:`series_odd_out`), ``field`` (the key alone shares a
    field character with the stem, :func:`field_giveaway`; ``common``: the characters that
    carry no field, :func:`common_chars`; ``text`` the whole text), ``weak twin``
    (``twin_weak``: the plain 填空 with the same stem and key is too weak, :func:`too_weak`),
    last :data:`LONE_LENGTH` (the key alone has its length, not the longest, nothing else
    doubtful)."""
    if not is_plain_single(q) or not isinstance(q.answer, str):
        return ""
    lone = [len(o) for o in q.options].count(len(q.answer)) == 1
    if lone and len(q.answer) > max(len(o) for o in q.options if o != q.answer):
        return "length"
    if len(q.stem) - len(BLANK) < SINGLE_STEM_MIN:
        return "short stem"
    if _DANGLING_OPENING.match(q.stem):
        return "dangling"
    if modifier_before_blank(q):
        return "modifier"
    lures = [o for o in q.options if o != q.answer]
    if series_odd_out(q.stem, q.answer, lures):
        return "series shape"
    if common and field_giveaway(q.stem, q.answer, lures, common, text):
        return "field"
    if twin_weak:
        return "weak twin"
    return LONE_LENGTH if lone else ""


# -- the stem's field ----------------------------------------------------------------------
# A plain 单选 whose stem speaks of one field (医疗服务体系, 严重疫情, 外来物种) while its lures
# come from others gives its key away: the only option that shares a character of the stem's
# field is the key (深化（医药卫生体制改革） beside 行政审批制度改革, 国家监察体制改革 …; 同严重疫情
# 的殊死较量中…的（伟大抗疫精神） beside 伟大建党精神, 北京冬奥精神: blind11 rounds, 6–8 times
# each). An option's field is its core: what is left of it past the opening and the ending all
# four options share (…改革, …精神). A character the vocabulary writes in many of its terms
# (国, 党, 政, 治, 发, 展 …) names no field.
FIELD_COMMON_SHARE = 0.02  # a character in this share of the vocabulary's phrases or more
FIELD_TEXT_LURES = 0  # lures whose core the text writes (often: below), at most, for a giveaway
# times the text must write a lure's core for it to count as the text's own field: once is a
# passing mention (建党 of 建党百年 in a speech on the epidemic left 伟大建党精神 beside
# （伟大抗疫精神） after 同严重疫情的殊死较量: blind11 GC/GG/GK/GL/GO/GP #12–16, six servings)
FIELD_TEXT_TIMES = 2


@lru_cache(maxsize=4)
def common_chars(phrases: frozenset[str]) -> frozenset[str]:
    """The characters written in :data:`FIELD_COMMON_SHARE` of ``phrases`` or more (the
    lexicon's known phrases: 国, 党, 主, 义, 精, 神 …): no field of their own."""
    counts: Counter[str] = Counter()
    for phrase in phrases:
        counts.update(set(phrase))
    floor = FIELD_COMMON_SHARE * max(1, len(phrases))
    return frozenset(c for c, n in counts.items() if n >= floor)


def _shared_edges(options: list[str]) -> tuple[int, int]:
    """The lengths of the opening and the ending every option shares (the ending not reaching
    into the opening)."""
    if len(options) < 2:
        return len(options[0]), 0
    pre = len(common_prefix(options))
    return pre, min(len(common_suffix(options)), min(map(len, options)) - pre)


def option_core(option: str, edges: tuple[int, int]) -> str:
    """``option`` past the shared opening and ending ``edges`` (:func:`_shared_edges`)."""
    pre, suf = edges
    return option[pre : len(option) - suf]


def stem_field(stem: str, ending: str) -> str:
    """The stem read for its field: the blank cut out, the list the blank stands in (its
    clause, when a 、 touches the blank: 西部开发、东北振兴、中部崛起、（　　）) masked, and every
    other phrase of the stem ending as all the options do (体育强国 beside （教育强国）,
    区域重大战略) masked back to the mark before it: a sibling's character tells nothing of the
    key's field."""
    field = stem.replace(BLANK, "|")
    at = field.find("|")
    if at >= 0 and "、" in field[max(0, at - 1) : at + 2]:  # (at 0: no character before it)
        start, end = at, at + 1
        while start > 0 and field[start - 1] not in _CLAUSE_MARKS:
            start -= 1
        while end < len(field) and field[end] not in _CLAUSE_MARKS:
            end += 1
        field = field[:start] + "|" * (end - start) + field[end:]
    if len(ending) < 1:
        return field
    at = field.find(ending)
    while at >= 0:
        start = at
        while start > 0 and _han(field[start - 1]):
            start -= 1
        field = field[:start] + "|" * (at + len(ending) - start) + field[at + len(ending) :]
        at = field.find(ending, at + len(ending))
    return field


_CLAUSE_MARKS = "，。；：！？"


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def field_chars(core: str, field: str, common: frozenset[str]) -> set[str]:
    """The characters of ``core`` the stem's ``field`` writes too, the common ones left out."""
    return {c for c in core if _han(c) and c not in common and c in field}


def field_giveaway(
    stem: str, answer: str, lures: Iterable[str], common: frozenset[str], text: str = ""
) -> bool:
    """Does the key alone share a field character with its stem: its core (:func:`option_core`)
    writes one the stem writes outside the list's other items (:func:`stem_field`), no lure's
    core writes any, and (``text`` given) the lures are not of the text's own field either:
    no more than :data:`FIELD_TEXT_LURES` lures' cores (of two characters or more; none) are
    written in the text :data:`FIELD_TEXT_TIMES` times or more (国有经济, 混合所有制经济 in a
    text on the economy are no other field, whatever the stem says)?"""
    lures = list(lures)
    options = [answer, *lures]
    edges = _shared_edges(options)
    field = stem_field(stem, answer[len(answer) - edges[1] :] if edges[1] else "")
    if not field_chars(option_core(answer, edges), field, common):
        return False
    if any(field_chars(option_core(lure, edges), field, common) for lure in lures):
        return False
    cores = [option_core(lure, edges) for lure in lures]
    written = sum(len(c) >= 2 and text.count(c) >= FIELD_TEXT_TIMES for c in cores)
    return not text or written <= FIELD_TEXT_LURES


def too_weak(q: Question, key_type: str, known: bool) -> bool:
    """A plain 填空 scoring under :data:`THRESHOLD` whose key the lexicon does not know
    (``known``); any other question is never too weak. ``key_type`` is the type the extractor
    gave its key."""
    return is_plain_cloze(q) and not known and confidence(q, key_type) < THRESHOLD


# -- the shape of the printed series -------------------------------------------------------
# A blank inside a printed 、-series (举旗帜、聚民心、育新人、（兴文化）、展形象) shows the shape of
# its item: lures that share an edge none of the printed items has (国际化, 市场化, 信息化: X化
# nouns beside verb-object items, blind11 GG #32) are told apart by their look, whatever edge
# the key shares with them by chance (兴文化 ends on 化 too).


def series_items(stem: str) -> tuple[list[str], list[str]]:
    """The printed items of the 、-series the blank stands in, as (items whose ending is clean,
    items whose opening is clean): the first item may carry the clause's verb before it
    (紧紧围绕举旗帜), the last what follows it (展形象的使命任务). Empty when no 、 touches the
    blank."""
    at = stem.find(BLANK)
    if at < 0:
        return [], []
    b = at + len(BLANK)
    if stem[at - 1 : at] != "、" and stem[b : b + 1] != "、":
        return [], []
    start, end = at, b
    while start > 0 and stem[start - 1] not in _CLAUSE_MARKS + "（）“”":
        start -= 1
    while end < len(stem) and stem[end] not in _CLAUSE_MARKS + "（）“”":
        end += 1
    parts = stem[start:at].split("、") + ["|"] + stem[b:end].split("、")
    parts = [p for p in parts if p]
    at_blank = parts.index("|")
    endings = [p for i, p in enumerate(parts) if i != at_blank and i != len(parts) - 1]
    openings = [p for i, p in enumerate(parts) if i != at_blank and i != 0]
    return endings, openings


def series_odd_out(stem: str, answer: str, lures: Iterable[str]) -> bool:
    """Do the ``lures`` share a one-character suffix that none of the blank's printed series
    items has, while the answer, of those items' length, ends on that character only inside a
    word (国际化, 市场化, 信息化 beside 举旗帜、聚民心、育新人、（兴文化）、展形象: blind11 GG #32)?
    The series shows its items' shape (a verb and its object), the lures are nouns of another
    (X化), and the key's 化 of 文化 is chance (no lure opens as the key does). Two printed
    items of the answer's length at least, three characters or more, and two lures at least
    whose last two characters are no word."""
    lures = [x for x in lures if x]
    n = len(answer)
    if len(lures) < 2 or n < 3 or not is_word(answer[-2:]):
        return False
    end = answer[-1]
    if not all(x.endswith(end) for x in lures) or any(x[0] == answer[0] for x in lures):
        return False
    if sum(not is_word(x[-2:]) for x in lures) < 2:
        return False
    endings, openings = series_items(stem)
    items = [e[-n:] for e in endings] + [o[:n] for o in openings if o not in endings]
    items = [i for i in items if len(i) == n and all(_han(c) for c in i)]
    return len(items) >= 2 and not any(i.endswith(end) for i in items)


def series_of_length(stem: str, n: int) -> bool:
    """Are the printed items of the blank's 、-series all ``n`` characters long, two of them at
    least (战略思维、创新思维、辩证思维、法治思维、（　　）)? The items whose edge carries the
    clause's verb or what follows count only when they are of that length themselves."""
    endings, openings = series_items(stem)
    interior = [x for x in endings if x in openings]
    edge = [x for x in {*endings, *openings} if x not in interior and len(x) == n]
    return len(interior) + len(edge) >= 2 and all(len(x) == n for x in interior)
