"""Question templates: turn key phrases (and lexicon formulas) into questions of four kinds.

Text templates (one key phrase, its source sentence):
  ``cloze``        填空: the stem is the sentence (trimmed to the clauses around the key) with
                   the key blanked;
  ``single``       单选: the same stem, the key among three distractors of its class and shape;
  ``judge_true`` / ``judge_false``  判断: the statement as written, or with the key swapped
                   for one of its distractors (which one is fixed per question, not per seed);
  ``multi_enum``   多选: a 、-list blanked as a whole, its items among one or two intruders;
  ``thesis_single`` 单选: a formula member under a bare mark (乡村振兴，（　　）是关键。) among
                   three other members of its formula (no cloze: every member fits);
  ``multi_heading`` 多选: the sibling headings of a series sharing an ending (“…从严”) among
                   look-alikes (a section's other subheadings are not asked: reviews 9–20).

Lexicon templates (one formula the text names or spells out):
  ``lex_member`` (属于), ``lex_nonmember`` (不属于), ``lex_members`` (多选, 包括),
  ``lex_part`` (“三严三实”中的“三实”是), ``lex_cloze`` (complete the members),
  ``lex_name`` (…合称), ``lex_judge_true`` / ``lex_judge_false``.
"""

from __future__ import annotations

import hashlib
import random
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import chain, combinations, islice
from operator import add
from typing import Any, NamedTuple

from . import distractors as dis
from . import fields, noise
from .confidence import common_chars, field_giveaway, series_odd_out, series_of_length
from .frames import OPEN_GROUP_CLASSES, open_group_listed
from .jieba_setup import cached_word_ends as word_ends  # (cached, keyed by the dictionary)
from .jieba_setup import cut as jieba_cut
from .jieba_setup import (
    dictionary_version,
    ends_on_adverb,
    is_common_word,
    is_word,
    word_end_at,
    word_frequency,
    word_table,
    word_tag,
)
from .keyphrases import (
    _CATEGORY_NOUNS,
    _DATE_EVENT_RE,
    GENERIC_WORDS,
    Extraction,
    _joined_phrases,
    common_prefix,
    common_suffix,
    couplet_halves,
    is_generic,
    list_edges_clean,
    pinned_pair,
)
from .lexicon import NUMERALS, Lexicon, continues_list, one_apart_in_place
from .model import BLANK, ORDER_FREE, Formula, KeyPhrase, Question, Sentence
from .segment import CN_DIGITS, DASH_LEVEL, Heading, document_era
from .spellings import same_word_forms

__all__ = ["Context", "build_all", "question_id"]

# Below MIN_SCORE a key gets no question, below CHOICE_SCORE only a cloze, below FULL_SCORE a
# cloze and a single choice; from FULL_SCORE on also a true/false statement.
# Key types whose swap makes a clearly false statement (a formula, its member, a definition);
# a swapped list item or vocabulary word may still read as true.
_FALSIFIABLE = frozenset({"lexicon", "member", "quotation", "definition"})
MIN_SCORE = 0.5
CHOICE_SCORE = 0.6
FULL_SCORE = 0.7
WINDOW_CHARS = 64
_CLAUSE_END = "，,；;：:"
_SENT_END = "。！？!?"
_BASE_DIFFICULTY = {"judge": 0.3, "single": 0.45, "multiple": 0.6, "cloze": 0.65}


@dataclass
class Context:
    ex: Extraction
    seed: int
    doc_key: str
    pools: dict[str, list[str]] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)  # question id → key score
    indexes: dict[str, Any] = field(default_factory=dict)  # cached candidate pools
    judged: set[str] = field(default_factory=set)  # sentences that already gave a 判断
    # the extraction's lexicon, as a plain attribute: read some ten thousand times a text
    lexicon: Lexicon = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.lexicon = self.ex.lexicon

    def sentence(self, index: int) -> Sentence:
        return self.ex.doc.sentences[index]


def question_id(doc_key: str, kind: str, template: str, key: str, source: str) -> str:
    """Stable id of a question: independent of the seed and of the options' order."""
    raw = "\x1f".join((doc_key, kind, template, dis.fold_key(key), dis.fold_key(source)))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# the keys a 多选 over a text's list (``multi_enum``) shows, beside two lures
MULTI_ENUM_KEYS = 3


def multi_enum_keys(items: tuple[str, ...] | list[str]) -> list[str]:
    """The items a 多选 over a text's list asks: its last ``MULTI_ENUM_KEYS``; the items before
    them stay printed in the stem (新型工业化、（　　）取得重大进展), so the blank never stands for
    the whole list while the answer holds only part of it (FB #19: 农业现代化 dropped)."""
    return list(items[-MULTI_ENUM_KEYS:])


def shown_subset(items: tuple[str, ...] | list[str], size: int = 4) -> list[str]:
    """The items a 多选 shows (all when few; else a fixed pick of ``size``), in text order."""
    items = list(items)
    if len(items) <= size:
        return items
    keep = set(sorted(items, key=_hash)[:size])
    return [i for i in items if i in keep]


def _rngs(ctx: Context, qid: str) -> tuple[random.Random, random.Random]:
    """(seeded rng for picks and option order, seed-free rng for what fixes the answer)."""
    return _rng(ctx, qid), _fixed_rng(qid)


# Seeding a Random from a string hashes it (some microseconds): hot templates seed only the
# generator they draw from, and only once they draw.
def _rng(ctx: Context, qid: str) -> random.Random:
    """The seeded rng of a question (picks and option order vary with the caller's seed)."""
    return random.Random(f"{ctx.seed}\x1f{qid}")


def _fixed_rng(qid: str) -> random.Random:
    """The seed-free rng of a question (what fixes the answer, the same for every seed)."""
    return random.Random(f"fixed\x1f{qid}")


def _difficulty(kind: str, key: str, bonus: float = 0.0) -> float:
    return _difficulty_of(kind, len(key) > 6, bonus)


@lru_cache(maxsize=256)
def _difficulty_of(kind: str, long_key: bool, bonus: float) -> float:
    # (cached: a handful of values, asked once per question)
    d = _BASE_DIFFICULTY[kind] + (0.08 if long_key else 0.0) + bonus
    return round(min(0.95, max(0.05, d)), 2)


def _shuffle(options: list[str], rng: random.Random) -> list[str]:
    options = sorted(options)
    rng.shuffle(options)
    return options


# -- stems ---------------------------------------------------------------------------------
_LAYOUT_LEAD = "—－-―─ 　•·●"
_MODALS = ("必须", "要", "应当", "应该", "一定要", "作为", "成为")
# openings of a clause that has no subject of its own
_LEANING = (
    "这年",  # 1921年，…，这年冬天: the year is in the clause before
    "这一年",
    "同年",
    "是",
    "也是",
    "就是",
    "都是",
    "还是",
    "更是",
    "又是",
    "而是",
    "并且",
    "而且",
    "也",
    "都",
    "并",
    "又",  # 既可以…，|又可以…: the second half of a pair leans on the first
)
_CONNECTIVES = frozenset(
    "另一方面 一方面 同时 与此同时 但是 但 然而 因此 所以 此外 另外 其次 首先 再次 最后 总之 "
    "当然 而且 并且 因而 从而 为此 对此 可见 事实上 实际上 由此可见 总的来看 总的说来 "
    "比如 例如 譬如".split()
)


# a discourse ordinal heading a sentence (第三，这是…的必然要求)
_DISCOURSE_ORDINAL = re.compile("第[一二三四五六七八九十]{1,2}")


# subjects that point back to the sentence before (他还说, 他们, 这些意见): no statement alone
_PRONOUN_SUBJECTS = ("他", "她", "它", "这", "那", "其", "此")


def window(ctx: Context, s: Sentence, a: int, b: int) -> tuple[str, int, int]:
    """:func:`_plain_window` with the precision rules of rounds F1–F2 applied to its stem."""
    # kept with the extraction: it reads only the text (and jieba's dictionary, which the
    # extraction's cache key holds), so a text generated again cuts no window twice
    memo: dict[tuple[int, int, int], tuple[str, int, int]] = ctx.ex.memo.setdefault("window", {})
    got = memo.get((s.index, a, b))
    if got is None:
        got = memo[(s.index, a, b)] = _window_of(ctx, s, a, b)
    return got


def _window_of(ctx: Context, s: Sentence, a: int, b: int) -> tuple[str, int, int]:
    series = _item_series_window(s.text, a - s.start, b - s.start)
    if series is not None:
        return series
    stem, la, lb = _plain_window(ctx, s, a, b)
    if stem:
        stem, la, lb = _with_governing_frame(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _whole_first_item(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_topic_clause(s.text, stem, la, lb, a - s.start, b - s.start)
    if stem:
        stem, la, lb = _past_series_end(s.text, stem, la, lb, a - s.start, b - s.start)
    if stem:
        stem, la, lb = _with_frame_verb(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _before_summary(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _without_dangling_end(s.text, stem, la, lb, a - s.start, b - s.start)
    if stem:
        before = _sentence_before(ctx, s)
        stem, la, lb = _with_antecedent(s.text, stem, la, lb, a - s.start, before)
    if stem:
        stem, la, lb = _with_linked_clause(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_summed_up_clauses(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_referent(ctx, s, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_yi_frame(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_subject_clause(ctx, s.text, stem, la, lb, a - s.start, b - s.start)
    if stem:
        stem, la, lb = _with_topic_agent(s.text, stem, la, lb, a - s.start, b - s.start)
    if stem:
        stem, la, lb = _with_copula_subject(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_clause_before_key(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _past_list_end(ctx, s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _without_lead_in_end(stem, la, lb)
    if stem:
        stem, la, lb = _with_significance_subject(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _without_speaker_lead(stem, la, lb)
    if stem:
        stem, la, lb = _without_giveaway_lead(stem, la, lb)
    if stem:
        stem, la, lb = _with_sentence_subject(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_object_sentence(ctx, s, stem, la, lb)
    if stem:
        stem, la, lb = _with_subject_head(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_shared_subject(s.text, stem, la, lb, a - s.start, b - s.start)
    if stem:
        stem, la, lb = _with_items_subject(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_condition_lead(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_bare_condition_lead(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_condition_end(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_main_clause_end(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_subject_predicate(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_condition_consequence(s.text, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _with_purpose_end(s.text, stem, la, lb, b - s.start)
    if stem:
        stem, la, lb = _whole_clause_series(s.text, stem, la, lb, b - s.start)
    if stem:
        stem, la, lb = _with_lead_frame(ctx, s, stem, la, lb)
    if stem and stem.startswith(_AND_OPENINGS) and not stem.startswith(_AND_WORDS):
        cut = next(len(w) for w in _AND_OPENINGS if stem.startswith(w))
        if cut <= la:  # 并根据新的实践…: the stem shows no predicate 并 joins it to
            stem, la, lb = stem[cut:], la - cut, lb - cut
    if stem:
        stem, la, lb = _from_sentence_start(ctx, s, stem, la, lb, a - s.start)
    if stem:
        stem, la, lb = _without_cut_item_tail(s.text, stem, la, lb)
    if stem:
        stem, la, lb = _without_opening_connective(s.text, stem, la, lb)
    if stem:
        stem, la, lb = _without_cut_connective(stem, la, lb)
    if stem:
        stem, la, lb = _with_named_he(ctx, s, stem, la, lb)
    if not stem:
        return stem, la, lb
    return _balanced_quotes(*_tidy_stem(stem, la, lb))


# words too common to give a key away when the stem prints them elsewhere (建设 of 经济建设)
_PLAIN_PIECES = frozenset(
    "发展 建设 中国 社会 国家 人民 经济 政治 文化 工作 全面 坚持 推进 加强 推动 实现 制度 体系"
    " 体制 机制 改革 创新 现代 党的 我们 重要 重大 提高 增强 完善 深化 实施 主义 思想 精神"
    " 意识 自信 能力 水平 质量 安全 战略 理念 道路 事业 目标 任务 问题 领导 管理 服务 世界"
    " 文明 生态 新的 伟大 教育".split()
)


_GIVEAWAY_REST = 10  # the fewest characters a stem keeps beside its key once a giveaway goes


def _key_pieces(key: str) -> set[str]:
    """The two-character words that tell the key (or each item of a 、-list key) apart: each
    item without the items' shared opening or ending (劳动最光荣、劳动最崇高 → 光荣, 崇高; 尊重
    自然、顺应自然 → 尊重, 顺应), taken whole when
    it has two characters and halved when it has four (清洁低碳 → 清洁, 低碳)."""
    items = key.split("、")
    shared = tail = 0
    if len(items) > 1:
        while all(len(i) > shared and i[shared] == items[0][shared] for i in items):
            shared += 1
        while all(len(i) > tail + 1 and i[-tail - 1] == items[0][-tail - 1] for i in items):
            tail += 1
    pieces = set()
    for item in items:
        rest = item[shared : len(item) - tail]
        if len(rest) == 2:
            pieces.add(rest)
        elif len(rest) == 4:
            pieces.update((rest[:2], rest[2:]))
    return {p for p in pieces if p not in _PLAIN_PIECES and p[0] not in "一二两三四五六七八九十"}


def _without_giveaway_lead(stem: str, la: int, lb: int) -> tuple[str, int, int]:
    """A stem whose clauses before a list key's print a word of its items (推动低碳循环发展，建设
    （清洁低碳、安全高效）…; 让劳动光荣、创造伟大成为…，让（劳动最光荣、…劳动最伟大…）) starts after
    them; a 我们一定要…… lead of the cut clause stays (blind15 LD #6, #37)."""
    if "、" not in stem[la:lb]:
        # (one term's halves are too often the head nouns of its context: 机关 of 模范机关 in
        # 机关基层党组织必须…, 优势 of 制度优势 beside 政治优势; a list's items are not)
        return stem, la, lb
    head = stem[:la]
    cut = max(head.rfind(c) for c in "，；。：") + 1
    close = [i for i in (stem.find(c, lb) for c in "，；。：") if i >= 0]
    own = stem[cut:la] + "|" + stem[lb : min(close, default=len(stem))]
    # (a word the key shares with the items printed beside it is the list's, no giveaway:
    # 法治 of 法治国家、（法治政府）、法治社会; 纪律 of （廉洁纪律）、群众纪律)
    pieces = {p for p in _key_pieces(stem[la:lb]) if p not in own}
    if not pieces:
        return stem, la, lb
    if cut <= 0 or not any(p in head[:cut] for p in pieces):
        return stem, la, lb
    last = max(head.rfind(c, 0, cut - 1) for c in "，；。：") + 1  # the clause that prints it
    while last > 0 and any(p in head[:last] for p in pieces):
        last = max(head.rfind(c, 0, last - 1) for c in "，；。：") + 1
    keep = head[:last]
    dots = head.find("……", last, cut)
    if dots >= 0 and not any(p in head[last : dots + 2] for p in pieces):
        keep = head[: dots + 2]
    shift = cut - len(keep)
    if len(stem) - shift - (lb - la) < _GIVEAWAY_REST:
        return stem, la, lb  # 保护利用好革命文物，加强（　　）: the cut would leave no context
    if not keep and _leans_back(stem[cut:]) is not None:
        return stem, la, lb  # …开展劳动教育，|其中（劳动精神）…: what is left points back
    return keep + stem[cut:], la - shift, lb - shift


# a predicate of significance closing a sentence (…，具有重要意义。/ …意义重大。): its subject is
# what the 对/对于-clause before it governs, and the thing that has the significance before that
_SIGNIFICANCE_END = re.compile(
    r"(?:(?:具有|有着|有)[^，。；：]{0,8}(?:意义|作用)|意义(?:十分|非常)?(?:重大|深远))[。！]?$"
)


def _ends_on_significance(text: str) -> bool:
    """Does ``text`` close on a predicate of significance (:data:`_SIGNIFICANCE_END`)? Each
    branch of the pattern holds 意义 or 作用, so a text with neither is not searched (the
    pattern opens on no fixed character: it was tried at every one of every window's stem)."""
    return ("意义" in text or "作用" in text) and _SIGNIFICANCE_END.search(text) is not None


_GOVERNING_DUI = re.compile(r"(?:^|(?<=[，,；;：:]))(?:这|也|都|必将|将)?(对于|对)")
_SUBJECT_MAX = 24  # the longest clause taken in as the subject of 对…具有重要意义


def _with_significance_subject(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A stem ending on a predicate of significance (具有重要意义) whose 对/对于 and subject the
    cut left out (…以中国式现代化全面推进强国建设、（　　）伟业，具有重要意义: blind14 KD #29,
    KG #33, KB #25) takes them back: the whole stretch from the subject when it fits within
    WINDOW_CHARS + 12, else the subject and its 对 with …… for the rest of what 对 governs
    (《条例》的修订和实施，对于……为…推进（　　）服务，具有重要意义。). Without a subject clause
    within reach the predicate is cut off (…，以（　　）全面推进强国建设、民族复兴伟业。); when no
    comma parts it from the blank, no question."""
    if not _ends_on_significance(stem):
        return stem, la, lb
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if s_from != 0 or start == 0:
        return stem, la, lb
    item = max(text.rfind(c, 0, start) for c in "；;。！？") + 1
    if "对" not in text[item:start]:
        return stem, la, lb
    if any(m.start(1) < la for m in _GOVERNING_DUI.finditer(stem)):
        return stem, la, lb  # (the stem holds its own 对 before the blank)
    opened = [m for m in _GOVERNING_DUI.finditer(text, item, start)]
    if not opened:
        return stem, la, lb
    dui = opened[-1]
    at = dui.start()
    subj_from = at
    if at > item and text[at - 1] in "，,":
        prev = max(text.rfind(c, item, at - 1) for c in "，,：:") + 1
        prev = max(prev, item)
        if 0 < at - 1 - prev <= _SUBJECT_MAX and not text[prev : at - 1].startswith("我"):
            subj_from = prev
    limit = WINDOW_CHARS + 12
    whole = text[subj_from:start]
    if len(whole) + len(stem) <= limit:
        return whole + stem, la + len(whole), lb + len(whole)
    lead = text[subj_from : dui.end(1)] + "……"
    if subj_from < at:
        # (the clauses before the blank's own go into the …… too when the whole is too long)
        own = max(stem.rfind(c, 0, la) for c in "，,") + 1
        if len(lead) + len(stem) - own <= limit:
            return lead + stem[own:], la - own + len(lead), lb - own + len(lead)
    cut = stem.rfind("，", lb)
    if cut < 0 or not _ends_on_significance(stem[cut + 1 :]):
        return "", 0, 0
    return stem[:cut] + "。", la, lb


# the speaker's own act that opens a sentence of a speech: an optional short lead (今年以来，
# 这里，), then 我, adverbs, an optional 在-place (在今年全国“两会”上) and a verb of saying
# closed by a comma or colon (我多次强调，/ 我在2016年就提出，/ 这里，我还要强调，): the
# speaker's first person, which makes a poor stem (blind14 KG #15, #30, KH #21, #36, KI #17)
_SPEAKER_LEAD = re.compile(
    r"^(?:[^，。；：“”]{1,12}[，,])?我(?![们国党军])"
    r"(?:[还也又就曾都]|先后|多次|反复|一再|专门|重点|曾经|一直|始终|再次)*"
    r"(?:在[^，。；：]{1,24}?(?:上|中|时)?)?(?:[还也又就曾都]|多次|反复|一再|曾经|专门|再次)*"
    r"(?:要|想)?(?:强调|指出|讲过|讲|说过|说|提出过|提出|谈到|讲到|相信|认为|指明)过?"
    r"(?:一下|的是)?[，,：:]"
)
# a clause whose subject is the speaker and whose verb, after the blank, is the speech's own
# act (我在（党的十九大）报告中提出了…; 我就《…（第十四个五年规划）…》起草的有关情况向全会作说明):
# the key is where or of what the speaker spoke, only the speech's business (KG #15, KI #35)
_SPEAKER_ACT = re.compile(r"(?:^|[，,：:])我(?![们国党军])[^，。；：]*$")
_SPEAKER_ACT_VERB = re.compile(
    r"^[^，。；：]*?(?:提出|强调|讲过|讲话|作说明|作了说明|作讲话|主持召开|召开|座谈)"
)


# 我在 before a report or a speech that said it (我在党的十九大报告中提出): the report alone says
# where (党的十九大报告中提出)
# (我 first and what may stand before it asked after it: re then skips to the 我 of a stem)
_SPEAKER_VENUE = re.compile(
    r"我(?:(?<=^我)|(?<=[，,是]我))在(?=[^，。；：我]{2,24}?(?:报告|讲话)[中上]?(?:提出|强调|指出|讲))"
)
_SAYING_CONTEXT = 10  # the characters besides the key a stem keeps (see generic cloze's saying)


def _without_speaker_lead(stem: str, la: int, lb: int) -> tuple[str, int, int]:
    """A stem without the speaker's own lead clause before the blank (我多次强调，要坚定文化
    自信… → 要坚定文化自信…; 党的十九大以来，我多次讲，当今世界正经历（　　）。 → 党的十九大以来，
    当今世界正经历（　　）。) and without the 我在 of the report that said it (是我在党的十九大
    报告中提出的 → 是党的十九大报告中提出的); no question when the blank lies inside a clause of the
    speaker's own act before its verb (我在（党的十九大）报告中提出了…): the speech's business,
    not its teaching (blind14 rounds KG–KI class "first person in the stem")."""
    if "我" not in stem:
        return stem, la, lb
    if (
        _SPEAKER_ACT.search(stem[:la])
        and _SPEAKER_ACT_VERB.match(stem[lb:])
        and stem[:la].count("《") <= stem[:la].count("》")  # (a title's words are its matter)
    ):
        return "", 0, 0
    m = _SPEAKER_LEAD.match(stem)
    if m and m.end() <= la:
        cut = m.end()
        lead = m.group(0).find("我")
        if len(stem) - cut - (lb - la) >= _SAYING_CONTEXT:
            stem, la, lb = stem[cut:], la - cut, lb - cut
        elif lead > 0 and len(stem) - cut - (lb - la) + lead >= _SAYING_CONTEXT:
            # (当今世界正经历（　　）。 alone is a saying with nothing before it: a time lead
            # stays, 党的十九大以来，|我多次讲，|…)
            stem, la, lb = stem[:lead] + stem[cut:], la - cut + lead, lb - cut + lead
    venue = _SPEAKER_VENUE.search(stem)
    if venue and (venue.end() <= la or venue.start() >= lb):
        x, y = venue.span()
        stem = stem[:x] + stem[y:]
        if y <= la:
            la, lb = la - (y - x), lb - (y - x)
    return stem, la, lb


# the opening of each item of a series of noun phrases a sentence lists one clause each
# (…重要理论成果，比如，关于社会主义本质的理论，关于…的理论，…，等等。)
_SERIES_ITEM_OPENING = "关于"
_SERIES_MIN_ITEMS = 3
_SERIES_HEAD_CHARS = 40  # the most of the sentence's head a series stem shows


def _item_series_window(text: str, key_at: int, key_end: int) -> tuple[str, int, int] | None:
    """The stem of a key inside one item of a series of 关于-clauses: that item alone behind the
    sentence's head (its last clauses, within 40 characters), …… between them when items come
    before: 我们形成了…许多重要理论成果，比如，……关于推动新型工业化、（信息化）…相互协调的理论。
    A window over the series shows a headless fragment and the next item after it, unrelated to
    the blank (blind13 JA #17, JB #16, JD #20, JE #21, JF #12). A head that is a connective
    alone (比如，…) is left out. None when ``text`` is no such series or the key is not inside
    one item's clause."""
    if text.count(_SERIES_ITEM_OPENING) < _SERIES_MIN_ITEMS:
        return None  # (most sentences: no series)
    clauses = _clauses(text)
    items = [(x, y) for x, y in clauses if text.startswith(_SERIES_ITEM_OPENING, x)]
    if len(items) < _SERIES_MIN_ITEMS:
        return None
    held = next(((x, y) for x, y in items if x <= key_at and key_end < y), None)
    if held is None:
        return None
    x, y = held
    item = text[x:y].rstrip("，,；;。！？")
    head = ""
    for cx, _ in reversed([c for c in clauses if c[1] <= items[0][0]]):
        if len(text[cx : items[0][0]]) > _SERIES_HEAD_CHARS:
            break
        head = text[cx : items[0][0]]
    if len(head.rstrip("，,：:")) <= 2:
        head = ""  # (比如，: the head is in the sentence before; a connective alone says nothing)
    if head and held != items[0]:
        head = head.rstrip("，,") + "……"
    stem = head + item + "。"
    return stem, len(head) + key_at - x, len(head) + key_end - x


def _sentence_before(ctx: Context, s: Sentence) -> str:
    """The sentence before ``s`` in its paragraph (a 这 opening ``s`` may point to it), or ""."""
    if s.index == 0:
        return ""
    prev = ctx.sentence(s.index - 1)
    if prev.paragraph != s.paragraph or prev.is_heading or prev.is_noise:
        return ""
    return prev.text


# how a clause opens that leans on one before it in its sentence (a closed class of Chinese):
# a word pointing back (这是…, 其…), the second half of a copula or correlative (也是…, 要么…),
# a fronted 对于-object whose subject came before it (…是重大举措，|对于…具有重要意义)
_ANTECEDENT_OPENING = re.compile(
    r"(?:也是|也要|也就是|这是|这就是|这也是|这就|这些|这一|这样|这种|其(?!他|实|次|余)|要么"
    r"|或者是|对于|即|是(?!否)|就是|而是|还是|更是|又是|都是"
    # a verb whose object is the clause before (推动减贫战略…平稳转型，|统筹纳入乡村振兴战略:
    # what is brought in? blind10 EE #19, EF #18)
    r"|(?:统筹|一并|全面|逐步|及时)?(?:纳入|融入)(?!了))"
)
# an anaphor in the opening clause before any noun phrase of its own (熟练掌握其中蕴含的…: 其中
# of what?); after one (把握这一思想的世界观、方法论和贯穿其中的…) it points inside the clause
_ANTECEDENT_INSIDE = re.compile(
    r"^[^的，]*?(?:其中|其间|其所|上述|前者|后者)"
    # (关键是要通过深化…把这种潜能释放出来: 这种/这些 of what? blind10 EE #23, ED #26)
    r"|^[^，]*?(?:这种|这些)"
)
# a correlative opener: its governor stands before the first clause that repeats it
_CORRELATIVE_OPENINGS = ("要么", "或者是")


def _leans_back(clause: str) -> str | None:
    """The opener by which ``clause`` needs the clause before it, or None."""
    m = _ANTECEDENT_OPENING.match(clause)
    if m is not None:
        return m.group(0)
    return "" if _ANTECEDENT_INSIDE.match(clause) else None


def _with_antecedent(
    text: str, stem: str, la: int, lb: int, key_at: int, before: str = ""
) -> tuple[str, int, int]:
    """A window that opens inside its sentence on a clause that needs what came before it
    takes in the clauses back to that antecedent, dropping clauses after the key's to stay
    within WINDOW_CHARS + 12, else no question (rounds FT3–FT7: 熟练掌握其中蕴含的…, 也是…的
    重要体现, 要么做选择、…, 对于…具有重要意义). A window opening after a colon keeps the
    colon's lead (全会提出了…的主要目标：……) when it has 40 characters or fewer, else no
    question (FT1 #26); a quotation after the colon stands alone. When the antecedent is a 这
    opening the sentence (这是…，|是贯彻…的必然要求, round DA #13), 这 points to the sentence
    ``before``: a short one goes in front (必须继续把改革推向前进。这……是贯彻…), else no
    question."""
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if s_from != 0 or start <= 0 or text[start - 1] not in _CLAUSE_END:
        return stem, la, lb
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, start) - 1
    if k <= 0 or starts[k] != start:
        return stem, la, lb
    colon = max(text.rfind("：", 0, start), text.rfind(":", 0, start))
    if colon >= 0 and not any(c in text[colon:key_at] for c in "；;。"):
        if text[colon + 1 : colon + 2] in ("“", "‘", "「"):
            return stem, la, lb  # 他强调：“…”: the quotation is the statement
        lead_from = max(text.rfind(c, 0, colon) for c in "，；。,;") + 1
        if colon - lead_from < 6 and lead_from > 0:  # 主要是：: say whose list it is
            lead_from = max(text.rfind(c, 0, lead_from - 1) for c in "，；。,;") + 1
        lead = text[lead_from : colon + 1] + ("……" if start > colon + 1 else "")
        if len(lead) > 40:
            return "", 0, 0
        if lead_from == 0 and _BARE_LEAD_IN.fullmatch(text[: colon + 1]):
            # 主要有：……: the sentence opens on a bare lead-in, whose list the sentence before
            # names (…推出了一系列…的改革举措。主要有：); it goes in front, or no question
            # (blind15 LC #14, #25, #27, LE #19)
            frame = _lead_frame(before)
            if not frame:
                return "", 0, 0
            lead = frame + lead
        return lead + stem, la + len(lead), lb + len(lead)
    first = k
    opener = _leans_back(text[starts[k] : ends[k]])
    if opener is None:
        return stem, la, lb
    while opener is not None and first > 0:
        if opener in _CORRELATIVE_OPENINGS:  # 要么…，…，要么…: back to the first 要么
            for x in range(first - 1, -1, -1):
                if text[ends[x] - 1] in "；;":
                    break
                if text.startswith(opener, starts[x]):
                    first = x
            if first == 0:
                break
        first -= 1
        if text[ends[first] - 1] in "；;":
            return "", 0, 0  # the antecedent is in the item before (…；|其…): out of reach
        head = text[starts[first] : ends[first] - 1]
        if head in _CONNECTIVES or _DISCOURSE_ORDINAL.fullmatch(head):
            return stem, la, lb  # 第三，|这是…: it points to the sentence before
        opener = _leans_back(text[starts[first] : ends[first]])
    if opener is not None:
        if opener.startswith("这") and first == 0 and text.startswith(opener):
            return _with_sentence_before(text, stem, la, lb, key_at, before, start, s_to)
        return stem, la, lb  # the sentence itself opens on it: a link to the one before
    body_end = start + s_to - s_from  # where the copied stretch ends in the text
    body = text[starts[first] : body_end]
    tail = stem[s_to:]
    j = bisect_left(ends, key_at + lb - la)  # the clause holding the key's end
    while len(body) + len(tail) > WINDOW_CHARS + 12 and body_end > ends[j]:
        # (clauses after the key's go first: the antecedent says what the key is about)
        body_end = max(e for e in ends if e < body_end)
        body, tail = text[starts[first] : body_end - 1] + "。", ""
    if len(body) + len(tail) > WINDOW_CHARS + 12:
        return "", 0, 0
    shift = start - starts[first]
    return body + tail, la + shift, lb + shift


# the longest sentence before a 这 that goes in front of a stem as what 这 points to
_BEFORE_CHARS = 30
# a sentence's opening that lists without saying what (主要有：, 具体包括：; not 大会主题是：)
_BARE_LEAD_IN = re.compile("(?:主要|具体|分别|其中|重点)?(?:有|是|包括|包含|为)[：:]")
# the longest sentence before a bare lead-in (主要有：) that goes in front as what it lists
_LEAD_BEFORE_CHARS = 50


# the longest tail of a long sentence before a bare lead-in that goes in front as its frame
_LEAD_TAIL_CHARS = 30
# a short subject opening the sentence before a bare lead-in (《决定》以…为着力点，就…作出部署。)
_FRAME_SUBJECT = re.compile(r"《[^》]{1,20}》|全会|大会|会议|报告|党中央|我们")
# a clause of manner, basis or purpose that a frame may drop between its subject and its verb
_FRAME_ADVERBIAL = ("以", "在", "围绕", "按照", "根据", "通过", "针对", "为了", "本着", "立足")


def _lead_frame(before: str) -> str:
    """What a bare lead-in (主要包括：, 主要有：) lists, from the sentence ``before`` it: that
    sentence whole when it has 30 characters or fewer (one clause: 50), else its last clauses
    within 30 characters behind its subject when a short one opens it (《决定》以…为着力点，
    就深化管党治党制度改革作出部署。 → 《决定》就深化管党治党制度改革作出部署。, a dropped
    clause of manner needing no ……) or behind …… (……我们的工作还存在一些不足，面临不少困难和
    问题。); "" when
    there is no such sentence or its tail leans on what came before it."""
    if not before or before[-1] not in _SENT_END:
        return ""
    clauses = _clauses(before)
    if len(before) <= _BEFORE_CHARS or (len(before) <= _LEAD_BEFORE_CHARS and len(clauses) == 1):
        return before
    first = next(
        (i for i, (x, y) in enumerate(clauses) if len(before) - x <= _LEAD_TAIL_CHARS), None
    )
    if first is None or first == 0:
        return ""
    tail = before[clauses[first][0] :]
    if _leans_back(tail) is not None or tail.startswith(_PRONOUN_SUBJECTS + _LEANING):
        return ""
    head = 0
    if before[: clauses[0][1] - 1] in _CONNECTIVES:  # 同时，《决定》…
        head = clauses[0][1]
    m = _FRAME_SUBJECT.match(before, head)
    subject = m.group(0) if m else _agent_opening(before[head : clauses[0][1]])
    if not subject or tail.startswith(subject) or head + len(subject) >= clauses[first][0]:
        return "……" + tail
    dropped = before[head + len(subject) : clauses[first][0]]
    plain = dropped.startswith(_FRAME_ADVERBIAL) and not _CLAUSE_SPLIT.search(dropped[:-1])
    return subject + ("" if plain else "……") + tail


# a sentence's subject standing alone as its first clause: a noun phrase with 的 (我们党领导人民
# 制定的宪法，) or the subject of a copula (习近平新时代中国特色社会主义思想是…理论，)
_BARE_SUBJECT = re.compile(r"[\u4e00-\u9fff]{2,10}的[\u4e00-\u9fff]{2,6}")
_COPULA_SUBJECT = re.compile(r"([\u4e00-\u9fff]{4,20}?)是(?!否)")
_VERB_TAGS = ("v", "vn")


def _with_sentence_subject(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A window opening on a later clause with no subject of its own (克服了…，…具有（　　）、
    坚实基础…; 在指导…的历史进军中，必将…), in a sentence whose first clause is its subject
    alone — a noun phrase with 的 the next clause's verb follows (我们党领导人民制定的宪法，集中
    了…) or the subject of a copula (习近平新时代中国特色社会主义思想是不断发展的开放的理论，) —
    takes that subject in front, with …… unless the window follows it (blind17 PA #5, blind16
    NC #43)."""
    start = key_at - la
    if start <= 0 or text[start - 1] not in "，," or text[start:key_at] != stem[:la]:
        return stem, la, lb
    if any(c in text[:start] for c in "；;：:“”"):
        return stem, la, lb
    first = text.find("，")
    if first < 4 or first >= start:
        return stem, la, lb
    opening = text[start : (text.find("，", start) + 1 or len(text) + 1) - 1]
    if _own_subject(opening) or not (
        word_tag(opening[:2]) in _VERB_TAGS or opening[:1] in "在为对"
    ):
        return stem, la, lb
    clause = text[:first]
    if (
        word_tag(clause[:2])
        or clause[:2] in _VERB_OPENINGS
        or clause.startswith(_MODAL_OPENINGS + ("在", "为", "对", "从", "随着", "这", "其"))
    ):
        return stem, la, lb  # (a verb, a modal or a preposition opens it: no subject)
    copula = _COPULA_SUBJECT.match(clause)
    if copula and copula.group(1)[-1] in "就也而还更都又正总但即只于要凡若乃便":
        copula = None  # (全面依法治国就是…: 就是 says what it is, no subject)
    if _BARE_SUBJECT.fullmatch(clause) and word_tag(text[first + 1 : first + 3]) in _VERB_TAGS:
        subject = clause
        if word_tag(clause[-2:]) or len(word_ends(clause)) < 3:
            return stem, la, lb  # (…的发展: a verb heads it, no noun)
    elif copula and "的" not in copula.group(1) and not word_tag(copula.group(1)[-2:]):
        subject = copula.group(1)
    else:
        return stem, la, lb
    lead = subject + ("，" if first + 1 == start and subject == clause else "……")
    return lead + stem, la + len(lead), lb + len(lead)


_OBJECT_SENTENCE_CHARS = 24  # the longest whole-sentence stem of bare verbs that takes a lead
_LIST_LABEL_LEAD = re.compile(r"^[（(][一二三四五六七八九十0-9]{1,3}[）)]")


def _with_object_sentence(
    ctx: Context, s: Sentence, stem: str, la: int, lb: int
) -> tuple[str, int, int]:
    """A short sentence asked whole whose predicate is a run of bare verbs ending it, with no
    object (习近平总书记亲自谋划、亲自部署、（　　）。: of what?), takes the sentence before in
    its paragraph (a heading's too, its label dropped) when that has 30 characters or fewer and
    leans on nothing (习近平总书记带头，中央政治局严格执行中央八项规定。…, blind17 PA #23,
    PB #22)."""
    if stem != s.text or len(stem) > _OBJECT_SENTENCE_CHARS or "的" in stem:
        return stem, la, lb
    if stem[lb:] not in ("。", "！") or stem[la - 1 : la] != "、" or s.index == 0:
        return stem, la, lb
    run_start = max(stem.rfind(c, 0, la) for c in "，,：:") + 1
    items = [*stem[run_start : la - 1].split("、"), stem[la:lb]]
    items[0] = items[0][-len(items[-1]) :]
    if len(items) < 3 or word_tag(items[-1][-2:]) not in _VERB_TAGS:
        return stem, la, lb
    if any(word_tag(i[-2:]) not in ("", *_VERB_TAGS) for i in items):
        return stem, la, lb
    prev = ctx.sentence(s.index - 1)
    if prev.paragraph != s.paragraph or prev.is_noise:
        return stem, la, lb
    before = _LIST_LABEL_LEAD.sub("", prev.text)
    if len(before) > _BEFORE_CHARS or before[-1:] not in _SENT_END or _leans_back(before):
        return stem, la, lb
    return before + stem, la + len(before), lb + len(before)


# the main clause a condition leads to (只有…，才能保证…): 才 before a modal or a copula
_CONDITION_MAIN = re.compile(r"(?<![人英天奇干口刚方])才(?:能|会|可|是|有|得|算|真正|更|不)")


def _with_condition_lead(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A stem showing the 才能 of a 只有…才能… sentence whose 只有 clause the window cut (…，
    才能保证（　　）、法制统一、政令统一。) takes that clause in front: whole when it comes right
    before the stem, else its first clause and …… (只有坚持党的领导、…有机统一，……才能确保
    （　　）。; blind17 PB #3, PC #8). A condition over 30 characters is not shown."""
    start = key_at - la
    if start <= 0 or "只有" in stem or text[start:key_at] != stem[:la]:
        return stem, la, lb
    main = _CONDITION_MAIN.search(stem)
    if main is None or "只有" not in text[:start]:
        return stem, la, lb
    cond = text.rfind("只有", 0, start)
    if cond > 0 and text[cond - 1] not in "，,；;：:“":
        return stem, la, lb
    end = min((i for i in (text.find(c, cond) for c in "，,；;") if i >= 0), default=-1)
    if end < 0 or end >= start:
        return stem, la, lb
    if end + 1 == start:
        lead = text[cond:start]
    else:
        lead = text[cond : end + 1] + "……"
    if len(lead) > 32:
        return stem, la, lb
    return lead + stem, la + len(lead), lb + len(lead)


# the main clause a purpose (为…) leads to at the sentence's end: …而团结奋斗！ / …而努力奋斗。
_PURPOSE_MAIN = re.compile(r"而(?:[\u4e00-\u9fff]{0,4})(?:奋斗|努力|拼搏|奋进)[。！!]?$")
_PURPOSE_OPENING = re.compile(r"(?:^|[，,；;])为(?!了解|什么|此|人民服务)")


def _with_purpose_end(text: str, stem: str, la: int, lb: int, key_end: int) -> tuple[str, int, int]:
    """A stem showing a purpose clause (为全面建成…强国，实现（　　）。) cut before the main
    clause it leads to at the sentence's end (…而团结奋斗！) takes that clause in: the rest of
    the sentence when the stem stays within WINDOW_CHARS + 48, else …… and its last clause
    (blind17 PA #9)."""
    shown = stem[lb:].rstrip("。！!")
    if not text.startswith(shown, key_end):
        return stem, la, lb
    rest = text[key_end + len(shown) :]
    if len(rest) < 4 or rest[0] not in "，,；;" or not _PURPOSE_MAIN.search(rest):
        return stem, la, lb
    if "而" in stem[lb:] or not _PURPOSE_OPENING.search(stem[:la]):
        return stem, la, lb
    tail = rest[1:]
    if len(stem) + len(tail) > WINDOW_CHARS + 48:
        last = max(tail.rfind(c) for c in "，,；;")
        if last < 0:
            return stem, la, lb
        return stem[:lb] + shown + "，……" + tail[last + 1 :], la, lb
    return stem[:lb] + shown + rest, la, lb


_SERIES_CHARS = WINDOW_CHARS + 24  # the longest stem a clause series is completed in


def _whole_clause_series(
    text: str, stem: str, la: int, lb: int, key_end: int
) -> tuple[str, int, int]:
    """A window ending after the key inside a series of clauses that open alike, two or more
    of them shown (…的总目标，更加注重系统集成，更加注重突出重点|，更加注重改革实效，…), takes
    in the series' other clauses when the stem stays within WINDOW_CHARS + 24 (blind16 NB #8:
    the three 更加注重 shown as two)."""
    shown = stem[lb:].rstrip("。")
    if not shown or not text.startswith(shown, key_end):
        return stem, la, lb
    end = key_end + len(shown)
    if end >= len(text) or text[end] not in "，,":
        return stem, la, lb
    last = max(shown.rfind("，"), shown.rfind(","))
    if last < 0:
        return stem, la, lb
    clause = shown[last + 1 :]
    nxt_end = min((i for i in (text.find(c, end + 1) for c in "，,；;。") if i >= 0), default=-1)
    if nxt_end < 0:
        return stem, la, lb
    opening = common_prefix([clause, text[end + 1 : nxt_end]])
    if len(opening) < 2 or not _han(opening) == len(opening) or len(clause) <= len(opening):
        return stem, la, lb
    before = shown[:last]
    if not before[max(before.rfind("，"), before.rfind(",")) + 1 :].startswith(opening):
        return stem, la, lb  # (the stem shows one clause of the series: no series to a reader)
    while True:  # (the series' later clauses, all opening alike)
        after = min(
            (i for i in (text.find(c, nxt_end + 1) for c in "，,；;。") if i >= 0), default=-1
        )
        if after < 0 or text[nxt_end] not in "，," or not text.startswith(opening, nxt_end + 1):
            break
        nxt_end = after
    body = stem[:lb] + text[key_end:nxt_end] + "。"
    if len(body) <= _SERIES_CHARS:
        return body, la, lb
    return stem, la, lb


def _with_lead_frame(
    ctx: Context, s: Sentence, stem: str, la: int, lb: int
) -> tuple[str, int, int]:
    """A stem opening on its sentence's bare lead-in (主要包括：……完善一体推进（　　）…;
    主要是：（　　）的一些突出问题…), which says nothing of what is listed, takes in the frame
    of the sentence before (:func:`_lead_frame`), else no question (blind16 NA #2, #5, #7,
    NB #2, #5, NC #6, ND #11, NF #3, #10)."""
    m = _BARE_LEAD_IN.match(stem)
    if m is None or m.end() > la or not s.text.startswith(m.group(0)):
        return stem, la, lb
    frame = _lead_frame(_sentence_before(ctx, s))
    if not frame:
        return "", 0, 0
    return frame + stem, la + len(frame), lb + len(frame)


def _with_sentence_before(
    text: str, stem: str, la: int, lb: int, key_at: int, before: str, start: int, s_to: int
) -> tuple[str, int, int]:
    """A stem from a later clause of a sentence that opens on 这 (这是A，|是B（　　）…, the stem
    copying ``text`` from ``start`` for its first ``s_to`` characters) with the sentence 这
    points to in front (``before``: P。这……是B…), or its last clause after …… when it is long
    (……必须继续把改革推向前进。这……是…), when that leans on nothing itself; clauses after the
    key's go while the stem is too long; else no question."""
    if not before or before[-1] not in _SENT_END:
        return "", 0, 0
    said = before
    if len(said) > _BEFORE_CHARS:  # 面对…，面对…，必须继续把改革推向前进。: its main clause
        said = "……" + before[max(before.rfind(c) for c in "，,；;") + 1 :]
    opening = said.removeprefix("……")
    if len(said) > _BEFORE_CHARS or len(opening) < 7 or _leans_back(opening) is not None:
        return "", 0, 0
    if opening.startswith(_PRONOUN_SUBJECTS + _LEANING + ("才", "就", "而", "但", "又")):
        return "", 0, 0
    lead = said + "这……"
    starts, ends = _clause_edges(text)
    j = bisect_left(ends, key_at + lb - la)  # the clause holding the key's end
    m = _ANTECEDENT_OPENING.match(stem)
    if m is not None:  # 这是A，是B，是C（　　）…: 这……是C… when B makes it too long
        parallel = [x for x in starts if start <= x <= key_at and text.startswith(m.group(0), x)]
        start = parallel[-1] if len(lead) + len(stem) > WINDOW_CHARS + 12 else start
    got = _trimmed(text, start, key_at - la + s_to, stem[s_to:], j, ends, lead, True)
    if got is None:
        return "", 0, 0
    return got, key_at - start + len(lead), key_at - start + len(lead) + lb - la


# a sentence opening on a pronoun that points to the sentence before (这也是中国人民敬仰生命的
# 人文精神的最好印证！, 这种思想表现在…, 这项制度…, 这也抓住了…, 此举…): 这次, 这五年, 这些年,
# 这里 point to the occasion, not to a sentence
_REFERENT_OPENING = re.compile(
    r"这(?:[也就还既正又都才更]|不仅|不但)?是|这(?:种|些(?![年天])|样|类|项|一(?![年天次])|个问题)"
    r"|这(?:也|就|还|正|又)(?=[\u4e00-\u9fff])|此(?:举|乃|即|种)"
    r"|这[两二三四几][个股种条点项方]|二者|两者|它们?"
)
# an opening that sums up two or more things the sentence before named (helper "reach"): what
# it points to is that whole sentence, not its last clause
_PAIR_OPENING = re.compile(r"这[两二三四几]|二者|两者")


def _with_referent(
    ctx: Context, s: Sentence, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A stem showing its sentence from the start (a connective aside: 当然，) when the sentence
    opens on a pronoun pointing to the sentence before (这也是中国人民敬仰生命的（　　）的最好
    印证！, blind11 GK #12, GL #20, GO #12, GP #20) takes in what it points to: the sentences
    before of the same opening (a run of 这是…！这是…！) and, in front, the sentence they all point
    to (its last clause after …… when it is over 30 characters). Clauses after the key's go while
    the stem passes WINDOW_CHARS + 12; then a run of two or more parallel sentences stands alone
    after …… (its members say what kind of thing the key is); else no question. No question
    either when the sentence pointed to is missing (another paragraph) or leans back itself."""
    text = s.text
    start, _end, s_from, s_to = _source_span(text, stem, la, key_at)
    if s_from != 0:
        return stem, la, lb
    opening = text[start:]
    if start > 0 and text[: start - 1] not in _CONNECTIVES:
        return stem, la, lb
    m = _REFERENT_OPENING.match(opening)
    if m is None:
        return stem, la, lb
    run: list[str] = []
    index = s.index - 1
    antecedent = ""
    while index >= 0:
        prev = ctx.sentence(index)
        if prev.paragraph != s.paragraph or prev.is_noise:
            break
        if not prev.is_heading and _REFERENT_OPENING.match(prev.text):
            run.insert(0, prev.text)
            index -= 1
            continue
        antecedent = prev.text
        break
    said = ""
    if antecedent and antecedent[-1] in _SENT_END:
        said = antecedent
        if len(said) > _BEFORE_CHARS:
            cut = max(antecedent.rfind(c, 0, len(antecedent) - 1) for c in "，,；;：:")
            said = "……" + antecedent[cut + 1 :] if cut >= 0 else ""
        head = said.removeprefix("……")
        if (
            len(head) < 7
            or len(said) > _BEFORE_CHARS
            or _leans_back(head) is not None
            or head.startswith(_PRONOUN_SUBJECTS + _LEANING + ("才", "就", "而", "但", "又"))
        ):
            said = ""
        if said.startswith("……") and _PAIR_OPENING.match(m.group(0)):
            said = ""  # (二者 after ……官僚主义的要害是…: the cut took one of the two away)
    starts, ends = _clause_edges(text)
    j = bisect_left(ends, key_at + lb - la)  # the clause holding the key's end
    body_end = key_at - la + s_to
    # (a run alone opens on …… : what it points to stands before it)
    for lead in (
        "".join((said, *run)) if said else None,
        "……" + "".join(run) if len(run) >= 2 else None,
    ):
        if lead is None:
            continue
        got = _trimmed(text, start, body_end, stem[s_to:], j, ends, lead, True)
        if got is not None:
            shift = len(lead)
            return got, la + shift, lb + shift
    return "", 0, 0


# a clause that goes on with a 以…为… frame of the clause before (健全以…机构为骨干，|医疗机构为
# 依托，基层医疗卫生机构为网底，…): a noun phrase, 为 and a short role, nothing else
_YI_WEI_TAIL = re.compile(r"[^，,；;。：:以]{2,24}为[\u4e00-\u9fff]{1,3}[，,]")
_YI_WEI_HEAD = re.compile(r"以[^，,；;。：:]{2,40}为[\u4e00-\u9fff]{1,3}[，,]$")


def _with_yi_frame(text: str, stem: str, la: int, lb: int, key_at: int) -> tuple[str, int, int]:
    """A window opening inside a 以A为X，B为Y，C为Z… frame, on a clause that only names the next
    pair (医疗机构为依托，基层医疗卫生机构为网底，（军民融合）、防治结合的疾控体系, blind11 GA #23,
    GB #23, GC #30, GE #23, GF #23, GG #30: what is 为依托, and in what, was cut) takes in the
    clauses back to the one holding 以 and the verb before it (健全以…为骨干，), clauses after the
    key's going first while the stem passes WINDOW_CHARS + 12; else no question."""
    start, _end, s_from, s_to = _source_span(text, stem, la, key_at)
    if s_from != 0 or start <= 0 or text[start - 1] not in "，,":
        return stem, la, lb
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, start) - 1
    if k <= 0 or starts[k] != start or not _YI_WEI_TAIL.fullmatch(text, starts[k], ends[k]):
        return stem, la, lb
    first = k - 1
    while first > 0 and _YI_WEI_TAIL.fullmatch(text, starts[first], ends[first]):
        first -= 1
    head = text[starts[first] : ends[first]]
    if not _YI_WEI_HEAD.search(head):
        return stem, la, lb
    j = bisect_left(ends, key_at + lb - la)  # the clause holding the key's end
    got = _trimmed(text, starts[first], key_at - la + s_to, stem[s_to:], j, ends, "", True)
    if got is None:
        return "", 0, 0
    shift = start - starts[first]
    return got, la + shift, lb + shift


# the heads of a subject that acts (a closed class: people, bodies and organs), which the
# clauses after it share (各群团组织要…，|充分发挥…; 100年来，中国青年满怀…，|积极投身…)
_AGENT_HEADS = (
    "全党", "我们", "你们", "大家", "同志", "干部", "党员", "青年", "团员", "组织", "党委", "党组",
    "政府", "部门", "单位", "机关", "共青团", "班子", "支部", "委员会", "全社会", "人民", "群众",
    "党中央", "企业", "学校", "人员", "书记", "成员", "军队", "各方", "学生", "教师", "我们党",
    "党员们", "全军", "人大", "政协",
)  # fmt: skip
# a subject and its modal opening a clause (各级党委和政府、各级领导干部以及全社会都要…, 各群团
# 组织要…, 党组织应当…); an article label before it is layout
_SUBJECT_MODAL = re.compile(
    r"(?:第[〇零一二三四五六七八九十百千0-9]+条[ \u3000]*)?([^，,；;：:“”。]{2,30}?)"
    r"((?:都|也|还|更|就|一定|首先|尤其|特别|务必)?(?:必须|应当|应该|务必|需要|要))"
)
# what a subject never holds: a verb of its own, a coverb or a copula (我们坚持党要管党: 党 is
# no subject of 要; 就是要…)
_NOT_A_SUBJECT = re.compile(
    r"(?<!特别)是|认为|强调|指出|提出|坚持|推进|推动|加强|实现|把|将|对|通过|按照|围绕|使|让|由"
    r"|以(?![及上下])|在|从|向|为|就"
)
_PARENTHESIS_END = re.compile(r"[（(][^）)]{1,8}[）)]$")
# a pronoun opening a clause: the clause names its own subject
_OWN_SUBJECTS = ("我们", "我", "你们", "他们", "她们", "它们", "大家", "咱们", "全党", "人们")
_COPULA = re.compile(
    r"[\u4e00-\u9fff”]{2}(?<!特别)(?<![就也而还更都又正总但即只于要凡若乃便])是(?!否)"
)


def _subject_and_modal(clause: str) -> str:
    """The subject and modal opening ``clause`` (各群团组织要), or "" (ending on an agent head,
    holding no verb or coverb of its own; 要 fused into a word, 要求, is no modal)."""
    return _subject_and_modal_cached(clause, dictionary_version())


@lru_cache(maxsize=8192)
def _subject_and_modal_cached(clause: str, version: int) -> str:
    """:func:`_subject_and_modal`, kept per clause (the windows of a sentence's keys ask of the same
    clauses); jieba's dictionary ``version`` is part of the key, as words move the answer."""
    del version  # (part of the cache key only)
    m = _SUBJECT_MODAL.match(clause)
    if m is None:
        return ""
    subject = _PARENTHESIS_END.sub("", m.group(1))  # 各级党委（党组）要
    if not subject.endswith(_AGENT_HEADS) or _NOT_A_SUBJECT.search(subject):
        return ""
    if (
        subject.startswith(_MODAL_OPENINGS)
        or subject[:2] in _VERB_OPENINGS
        or _SAYS.search(subject)
    ):
        return ""  # 要求我们必须…: a verb's object, not a subject
    if m.group(2).endswith("要") and is_word(clause[m.end() - 1 : m.end() + 1]):
        return ""  # 各项要求, 要素
    return clause[m.start(1) : m.end()]


# verbs and adverbs a clause of instructions opens on (健全基层党组织领导的…, 增强全党…的志气):
# an agent after one of them is its object, not the clause's subject
_VERB_OPENINGS = frozenset(
    "健全 完善 增强 加强 推进 推动 坚持 建立 建设 深化 提高 提升 发展 加快 落实 贯彻 实施 强化 "
    "培育 构建 引导 支持 鼓励 保障 促进 优化 统筹 巩固 发挥 树立 弘扬 尊重 维护 严格 扎实 全面 "
    "深入 积极 大力 切实 着力 不断 始终 牢牢 开展 组织 教育 团结 带领 领导 依靠 抓好 做好 坚定 "
    "保持 确保 形成 推行 规范 改进 改革 扩大 倡导 防止 反对 严禁 禁止 注重 突出 聚焦 服务 密切 "
    "关心 关爱 关注 帮助 激励 选好 配强 用好 发动 动员 凝聚 依法 按照 通过 围绕 加大 充分 认真 "
    "制定 出台 召开 举办 成立 设立".split()
)


# a verb of saying inside a clause (习近平总书记强调要坚持…)
_SAYS = re.compile(r"强调|指出|认为|提出|表示|要求|宣布|谈到|说")
# a modal opening a clause: what follows has no subject of its own (要积极鼓励青年…)
_MODAL_OPENINGS = ("要", "必须", "应当", "应该", "务必", "需要", "还要", "更要", "也要", "一定要")


def _agent_opening(clause: str) -> str:
    """The short noun phrase ending in an agent head that opens ``clause`` with no modal after
    it (中国青年|满怀…), the longest such within its first 12 characters, or "": the head ends
    a word (not 青年|运动), and nothing before it is a verb (要积极鼓励青年…, 增强全党…)."""
    return _agent_opening_cached(clause, dictionary_version())


@lru_cache(maxsize=8192)
def _agent_opening_cached(clause: str, version: int) -> str:
    """:func:`_agent_opening`, kept per clause (the windows of a sentence's keys ask of the same
    clauses); jieba's dictionary ``version`` is part of the key, as words move the answer."""
    del version  # (part of the cache key only)
    body = clause.lstrip(_LAYOUT_LEAD)
    if body.startswith(_MODAL_OPENINGS) or body[:2] in _VERB_OPENINGS:
        return ""
    if _SPEECH_END.search(clause.rstrip("，,")) or _SAYS.search(clause):
        return ""  # 全会认为，/ 习近平总书记强调要…: what is said, not who acts
    lead = len(clause) - len(body)
    ends = word_ends(body[:16])
    best = 0
    for head in _AGENT_HEADS:
        at = body.find(head, 0, 12 - len(head) + 1)
        if at < 0 or at == 0 and head not in _OWN_SUBJECTS:
            continue  # (组织动员青年: a verb; 党组织 and 中国青年 have a modifier)
        end = at + len(head)
        phrase = body[:end]
        if end not in ends or body[end : end + 1] in ("", *"的之和与及、，,是"):
            continue
        if _han(phrase) < len(phrase) or _NOT_A_SUBJECT.search(phrase):
            continue  # (制定实施《党政领导干部…: a title, not a subject)
        if any(verb in phrase[:at] for verb in _VERB_OPENINGS):
            continue
        best = max(best, end)
    return clause[: lead + best] if best else ""


def _own_subject(clause: str) -> bool:
    """Does ``clause`` name a subject of its own (a pronoun, a subject and modal, X是Y)?"""
    return _own_subject_cached(clause, dictionary_version())


@lru_cache(maxsize=8192)
def _own_subject_cached(clause: str, version: int) -> bool:
    """:func:`_own_subject`, kept per clause (the windows of a sentence's keys ask of the same
    clauses); jieba's dictionary ``version`` is part of the key, as words move the answer."""
    del version  # (part of the cache key only)
    # (a 是 inside a quotation is none of the clause's: 体现了“依规依纪、实事求是，…”原则)
    unquoted = _QUOTED_SPAN.sub("“甲”", clause)
    return (
        clause.startswith(_OWN_SUBJECTS)
        or bool(_subject_and_modal(clause))
        or _COPULA.search(unquoted.split("，", 1)[0]) is not None
    )


_QUOTED_SPAN = re.compile("“[^“”]*”")


def _with_represented(
    ctx: Context,
    text: str,
    stem: str,
    la: int,
    lb: int,
    key_at: int,
    key_end: int,
    k: int,
    subject: str,
) -> tuple[str, int, int]:
    """:func:`_with_subject_clause` for a sentence opening on 以…同志为主要代表的中国共产党人：
    that subject in front with …… (the window from its clause ``k`` on), clauses after the
    key's going while the stem is too long; else the stem as it was."""
    start, _end, _s_from, s_to = _source_span(text, stem, la, key_at)
    starts, ends = _clause_edges(text)
    j = bisect_left(ends, key_end)
    lo = max(x for x in range(k) if text.startswith(subject, starts[x]))  # the subject's clause
    for trim in (False, True):
        for x, lead in ((starts[lo], ""), (starts[k], subject + "……")):
            got = _trimmed(text, x, start + s_to, stem[s_to:], j, ends, lead, trim)
            if got is not None:
                shift = len(lead) + start - x
                return got, la + shift, lb + shift
    return stem, la, lb


# a subject clause naming the leaders a body of thought is credited to
_REPRESENTED = re.compile(r"以([\u4e00-\u9fff]{2,8})同志为(?:主要|核心)?代表的中国共产党人")


def _with_subject_clause(
    ctx: Context, text: str, stem: str, la: int, lb: int, key_at: int, key_end: int
) -> tuple[str, int, int]:
    """A window that opens inside its ；-item after the clause naming the item's subject, on a
    clause with none of its own (各级党委和政府、…都要充分信任青年…，|关注青年愿望、（帮助青年
    发展）…, rounds DA #9, #36, #4), takes that subject in: the clauses from the subject's on
    (or from the item's start: 100年来，中国青年满怀…，积极投身…) when the stem stays within
    WINDOW_CHARS + 12, clauses after the key's going first; else, for a subject with its modal,
    that subject in front with …… (各级党委和政府、…以及全社会都要……关注…); else no question.
    A window opening inside a series of objects (…，监督党员…情况，|遵守宪法…情况，…, DB #25)
    first goes back to the series' first member, which carries the verb. A subject named only
    by an agent at the item's head, with no modal (中国青年满怀…), is less sure: a pronoun
    (我们…, a chronicle whose later clauses have subjects of their own) only ever brings the
    whole item in, and a stem the lead does not fit is left as it was."""
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if s_from != 0 or start <= 0 or text[start - 1] not in "，,":
        return stem, la, lb
    item = max(text.rfind("；", 0, start), text.rfind(";", 0, start)) + 1
    if "：" in text[item:start] or ":" in text[item:start]:
        return stem, la, lb  # (a colon's matter: its lead is :func:`_with_antecedent`'s)
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, start) - 1
    if starts[k] != start or _own_subject(text[start : ends[k]]):
        return stem, la, lb
    lo = bisect_right(starts, item) - 1  # the item's first clause
    # a series of objects (…情况，…情况，): back to its first member
    while k > lo and _same_ending(text, starts[k - 1], ends[k - 1], starts[k], ends[k]):
        k -= 1
    subject_at, subject = -1, ""
    # 以江泽民同志为主要代表的中国共产党人，|…，形成了“（　　）”重要思想: whose thought is the
    # cue (blind16 NB #57, NE #49), unless the name spells the key (邓小平理论)
    # (the nearest such clause before the window, not only the item's first: 在这个时期，毛泽东
    # 同志提出…，以毛泽东同志为主要代表的中国共产党人，…提出…，包括…，|尊重价值规律 is theirs,
    # not the first clause's 毛泽东同志's: blind19 RD #37, RF #37)
    named = next(
        (
            m
            for x in range(k - 1, lo - 1, -1)
            if (m := _REPRESENTED.fullmatch(text, starts[x], ends[x] - 1))
        ),
        None,
    )
    if named and not _bigrams(named.group(1)) & _bigrams(text[key_at:key_end]):
        return _with_represented(ctx, text, stem, la, lb, key_at, key_end, k, named.group(0))
    for x in range(k - 1, lo - 1, -1):
        found = _subject_and_modal(text[starts[x] : ends[x]])
        if found:
            subject_at, subject = x, found
            break
        if _own_subject(text[starts[x] : ends[x]]):
            return stem, la, lb  # (a subject without modal nearer the window)
    dated = _lead_clause(text[starts[lo] : ends[lo]])
    modal = subject_at >= 0
    if not modal:
        head = lo + 1 if lo + 1 < k and dated else lo
        subject = _agent_opening(text[starts[head] : ends[head]]) if head < k else ""
        subject = subject or (_named_agent(text[starts[head] : ends[head]]) if head < k else "")
        if not subject:
            # 同志们，1月8日中央召开…大会，习近平总书记发表了重要讲话，…，|提出了“（　　）”…:
            # a person or a document acting in a later clause, the nearest before the window
            head = next(
                (x for x in range(k - 1, head, -1) if _named_agent(text[starts[x] : ends[x]])),
                -1,
            )
            if head < 0:
                return stem, la, lb
            subject = _named_agent(text[starts[head] : ends[head]])
        subject_at = head
    if subject_at == lo + 1 and dated:  # 100年来，|中国青年满怀…: the time goes in as well
        subject = text[starts[lo] : ends[lo]] + subject
        subject_at = lo
    j = bisect_left(ends, key_end)  # the clause holding the key's end
    body_end = start + s_to
    tail = stem[s_to:]
    first = bisect_right(starts, key_at) - 1
    whole = (
        _without_cues(
            text, _clauses(text), key_at, key_end, first, j, subject_at, j, _rare_chars(ctx)
        )[0]
        == subject_at
    )  # (the clauses taken in must not spell the key)
    sure = modal or not (subject.endswith(_OWN_SUBJECTS) or text.startswith(_LAYOUT_LEAD))
    lead = subject + "……"
    held = text[starts[subject_at] : ends[subject_at]].rstrip("，,")
    rest = held[len(subject) :] if held.startswith(subject) else ""
    if not modal and (rest.startswith("关于") or _SEEING_END.search(held)):
        # 习近平总书记|关于党的自我革命的重要思想凝聚了…, 我们也要|看到，现在仍有一些…: the
        # agent is no subject of the window's clauses (blind18 QB #31, QD #33, QB #27, QD #21)
        return stem, la, lb
    if not modal and "越" in rest and len(held) <= _HEAD_LEAD_CHARS + 2:
        lead = held + "，……"  # (党的组织规模越庞大，……越需要…; QB #14, QD #14, QF #20)
    # the window as it was, the subject in front (its clauses whole, else the subject alone
    # with ……); only then the clauses after the key's go to make room
    for trim in (False, True):
        if whole:
            got = _trimmed(text, starts[subject_at], body_end, tail, j, ends, "", trim)
            if got is not None:
                shift = start - starts[subject_at]
                return got, la + shift, lb + shift
        if sure:
            # (a bare 我们 of a chronicle (——我们…，许多领域实现…，（　　）广泛开展) is followed
            # by clauses with subjects of their own no modal tells apart: no lead for it)
            got = _trimmed(text, starts[k], body_end, tail, j, ends, lead, trim)
            if got is not None:
                shift = len(lead) + start - starts[k]
                return got, la + shift, lb + shift
    if sure and len(stem) > WINDOW_CHARS + 12 and len(lead) <= _SHORT_LEAD:
        # a window its list already makes long (《决定》突出…，|安排了A、B、…、G等7个部分) takes a
        # short subject in front all the same: a dozen characters more, and it says whose list
        body = text[starts[k] : body_end]
        shift = len(lead) + start - starts[k]
        return lead + body + tail, la + shift, lb + shift
    return ("", 0, 0) if modal else (stem, la, lb)


# a place or a body opening a sentence's topic clause with a verb of its own (浙江把…贯穿…，/
# 中国共产党自一九二一年成立以来，/ 他把…结合起来，): the agent of the clauses after it, which
# :func:`_agent_opening` does not name (blind19 RA #7, RE/RF #21, RE #36)
_TOPIC_AGENT = re.compile(
    r"(中国共产党|我们党|党中央|浙江省|浙江|全会|中国|党|他)"
    r"(?=把|将|自|始终|一直|坚持|从|不断|先后|深入|全面|积极|大力|高度|紧紧|牢牢|历来|率先)"
)
# a clause whose verb makes the clause before it its subject (南昌起义打响…，|标志着…: RA #26)
_SIGNIFYING = ("标志着", "宣告", "意味着", "表明")


def _with_topic_agent(
    text: str, stem: str, la: int, lb: int, key_at: int, key_end: int
) -> tuple[str, int, int]:
    """A window opening after a comma on a clause with no subject of its own, whose agent is a
    place or body opening an earlier clause of its ；-item (浙江把…各阶段，|以整治环境“脏乱差”为
    先手棋，…; 中国共产党自一九二一年成立以来，|始终把…), or whose verb signifies what the
    clauses before it tell (南昌起义打响…第一枪，|标志着…), takes that subject in: the clauses from
    the agent's on when the stem stays within WINDOW_CHARS + 12 and they do not spell the key,
    else the agent in front with …… (浙江……以整治环境…), clauses after the key's going while it
    is too long; a stem that still is: no question. A signifying clause whose subject does not
    fit whole is left as it was."""
    start, _end, s_from, s_to = _source_span(text, stem, la, key_at)
    if s_from != 0 or start <= 0 or text[start - 1] not in "，,":
        return stem, la, lb
    item = max(text.rfind(c, 0, start) for c in "；;：:") + 1
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, start) - 1
    if starts[k] != start:
        return stem, la, lb
    first = text[start : ends[k]]
    if not (_opens_on_predicate(first) or first.startswith(_SIGNIFYING)):
        return stem, la, lb  # (各地按照…推进改革: a subject of its own)
    lo = bisect_right(starts, item) - 1
    signifying = first.startswith(_SIGNIFYING)
    x, agent = -1, ""
    for y in range(k - 1, lo - 1, -1):
        clause = text[starts[y] : ends[y]].lstrip(_LAYOUT_LEAD)
        m = _TOPIC_AGENT.match(clause)
        if m and m.end() in word_ends(clause[:16]):
            x, agent = y, m.group(1)
            break
        if _own_subject(clause) or _agent_opening(clause) or _SPEECH_END.search(clause[:-1]):
            return stem, la, lb  # (a nearer subject, or what is said after 全会提出，)
    if signifying and x < 0:
        x = lo
    if x < 0:
        return stem, la, lb
    whole = text[starts[x] : start]
    # (a word in common is no giveaway: 中国 of 中国共产党 and of 为中国人民谋幸福)
    spelled = len(_bigrams(text[key_at:key_end]) & _bigrams(whole)) >= 2
    if len(whole) + len(stem) <= WINDOW_CHARS + 12 and not spelled:
        shift = len(whole)
        return whole + stem, la + shift, lb + shift
    if not agent:
        return stem, la, lb
    lead = agent + "……"
    body = _clauses_to_fit(len(lead), stem, lb)
    if body is None:
        return "", 0, 0
    return lead + body, la + len(lead), lb + len(lead)


def _clauses_to_fit(lead_chars: int, body: str, lb: int) -> str | None:
    """``body`` with clauses after its last blank dropped until a lead of ``lead_chars`` and it
    fit in _HEAD_STEM_CHARS (ended on 。), or None when no clause is left to drop."""
    while lead_chars + len(body) > _HEAD_STEM_CHARS:
        # (never before a later blank of a stem of several: 〔…〕（　　）、（　　）)
        after = max(lb, body.rfind("（　　）") + 4)
        cut = max(body.rfind(c, after, len(body) - 1) for c in "，,；;")
        if cut < 0:
            return None
        body = body[:cut] + "。"
    return body


_SEEING_END = re.compile(r"(?:看到|认识到|看出|意识到)$")
_SHORT_LEAD = 12  # the longest subject lead a window over WINDOW_CHARS + 12 still takes
# a person who acts (习近平总书记发表了重要讲话，/ 刘少奇同志…): the heads of
# :func:`_named_agent`'s persons
_PERSON_HEADS = ("书记", "同志", "主席", "总理", "委员长")
# a document title opening a clause as its subject (《决定》突出促进…，): not 《决定》的…,
# 《决定》中…
_TITLE_SUBJECT = re.compile(r"《[^》《]{1,20}》(?:稿|草案)?(?=[^的之和与及、，,；;。是中里上])")


def _named_agent(clause: str) -> str:
    """The person (习近平总书记, …同志) or the document (《决定》) that opens ``clause`` as the
    subject of its verb, or "": the two agents a later clause of a chronicle with no subject
    of its own is sure to go on with."""
    m = _TITLE_SUBJECT.match(clause.lstrip(_LAYOUT_LEAD))
    if m is not None:
        return clause[: len(clause) - len(clause.lstrip(_LAYOUT_LEAD)) + m.end()]
    agent = _agent_opening(clause)
    return agent if agent.endswith(_PERSON_HEADS) else ""


# a time clause that a copula's complement runs through (“十四五”时期是…之后，|乘势而上开启…的
# 第一个五年): the clause after it has no subject of its own
_COMPLEMENT_GOES_ON = re.compile(r"(?:之后|以后|之前|以前|之际|之时)[，,]$")


def _with_copula_subject(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A window opening after a clause S是…之后， (“十四五”时期是我国全面建成小康社会…之后，|
    乘势而上开启…的第一个五年，我国将进入（新发展阶段）, blind11 GB #33, GF #33) is inside S是's
    complement: it takes that clause in when the stem stays within WINDOW_CHARS + 12 (clauses
    after the key's going first), else S是 in front with ……; else no question."""
    start, _end, s_from, s_to = _source_span(text, stem, la, key_at)
    if s_from != 0 or start <= 0 or text[start - 1] not in "，,":
        return stem, la, lb
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, start) - 1
    if k <= 0 or starts[k] != start or _own_subject(text[start : ends[k]]):
        return stem, la, lb
    prev = text[starts[k - 1] : ends[k - 1]]
    m = _COPULA.search(prev, 0, 16)
    if (
        not _COMPLEMENT_GOES_ON.search(prev)
        or m is None
        or _NOT_A_SUBJECT.search(prev, 0, m.end() - 1)
    ):
        return stem, la, lb
    j = bisect_left(ends, key_at + lb - la)  # the clause holding the key's end
    body_end = key_at - la + s_to
    for x, lead in ((starts[k - 1], ""), (start, prev[: m.end()] + "……")):
        got = _trimmed(text, x, body_end, stem[s_to:], j, ends, lead, True)
        if got is not None:
            shift = len(lead) + start - x
            return got, la + shift, lb + shift
    return "", 0, 0


def _with_clause_before_key(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A window that opens inside its sentence on its key as the first member of a list (…，每一个
    生命都得到全力护佑，|（人的生命）、人的价值、人的尊严得到悉心呵护, blind11 GB #17, GF #17:
    nothing before the blank says what is cared for) takes in the clause before, when it is of
    the same ；-item, does not spell the key, and the stem stays within WINDOW_CHARS + 12 (clauses
    after the key's going first); else the window stays."""
    start, _end, s_from, s_to = _source_span(text, stem, la, key_at)
    if la != 0 or s_from != 0 or start != key_at or start <= 0 or text[start - 1] not in "，,":
        return stem, la, lb
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, start) - 1
    if k <= 0 or starts[k] != start:
        return stem, la, lb
    before = text[starts[k - 1] : ends[k - 1] - 1]
    # (a thesis, （　　）是…, says its own point; a clause spelling the key tells nothing)
    if (
        stem[lb : lb + 1] not in ("、", "和", "与", "及")
        or text[key_at : key_at + lb - la] in before
    ):
        return stem, la, lb
    if len(before) < 4 or _dangling(text, starts[k - 1], ends[k - 1]):
        return stem, la, lb
    j = bisect_left(ends, key_at + lb - la)  # the clause holding the key's end
    got = _trimmed(text, starts[k - 1], key_at - la + s_to, stem[s_to:], j, ends, "", True)
    if got is None:
        return stem, la, lb
    shift = start - starts[k - 1]
    return got, la + shift, lb + shift


def _trimmed(
    text: str,
    x: int,
    body_end: int,
    tail: str,
    j: int,
    ends: tuple[int, ...],
    lead: str,
    trim: bool,
) -> str | None:
    """``lead`` + text[x:body_end] + ``tail``, its clauses after the ``j``-th going first (when
    ``trim``) while it is longer than WINDOW_CHARS + 12; None when it still is."""
    body = text[x:body_end]
    cut = False
    while trim and len(lead) + len(body) + len(tail) > WINDOW_CHARS + 12 and body_end > ends[j]:
        body_end = max(e for e in ends if e < body_end)
        body, tail, cut = text[x : body_end - 1] + "。", "", True
    while cut and body_end > ends[j]:
        # (…原则，不仅有些内容是前所未有的，|而且…: one half of a correlative goes with the other)
        at = max(e for e in ends if e < body_end)
        if not text.startswith(_CORRELATIVES, at):
            break
        body_end = at
        body = text[x : body_end - 1] + "。"
    if len(lead) + len(body) + len(tail) > WINDOW_CHARS + 12:
        return None
    return lead + body + tail


def _lead_clause(clause: str) -> bool:
    """Is ``clause`` a time or era that dates its sentence (100年来，/ 新时代，)?"""
    return _TIME_LEAD.match(clause) is not None or _ERA_LEAD.match(clause) is not None


def _same_ending(text: str, x1: int, y1: int, x2: int, y2: int) -> bool:
    """Do the clauses [x1, y1) and [x2, y2) end on the same word of two characters or more, as
    the members of a series of objects do (…纪律和政治规矩情况，|遵守宪法…情况，)?"""
    a, b = text[x1 : y1 - 1], text[x2 : y2 - 1]
    if len(a) < 4 or len(b) < 4 or a[-2:] != b[-2:] or _han(a[-2:]) < 2:
        return False
    return is_word(a[-2:]) and a[0] != b[0]  # (在A上作表率，在B上作表率: parallel verbs)


def _past_list_end(
    ctx: Context, text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A window cut after a standard list (…、“三个代表”重要思想、科学发展观。) whose missing
    member the sentence goes on with (，全面贯彻习近平新时代中国特色社会主义思想, round DC #21)
    takes in the clauses up to that member when the stem stays within WINDOW_CHARS + 12, else it
    ends on …… : a full stop there would state the list short."""
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if stem[s_to:] not in ("", "。") or end + 1 >= len(text) or text[end] not in "，,":
        return stem, la, lb
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, end - 1) - 1
    clause = text[starts[k] : end]
    if "、" not in clause:
        return stem, la, lb
    runs = ctx.lexicon.find_list_runs(clause)
    last = [r for r in runs if starts[k] + r[-1][1] + len(r[-1][0]) >= end - 1]
    if not last:
        return stem, la, lb
    missing = ctx.lexicon.missing_members([item for item, _ in last[0]])
    stop = min(
        (i for i in (text.find("；", end), text.find(";", end)) if i >= 0), default=len(text)
    )
    found = [hit.end() for p in map(_quotes_free, missing) if (hit := p.search(text, end, stop))]
    if not found:
        return stem, la, lb
    j = bisect_left(ends, min(found))  # the clause holding the member
    if len(stem) + ends[j] - end <= WINDOW_CHARS + 12:
        body = text[start : ends[j]]
        body = body[:-1] + "。" if body[-1] in _CLAUSE_END else body
        return stem[:s_from] + body, la, lb
    return stem[:s_from] + text[start:end] + "……", la, lb


@lru_cache(maxsize=2048)
def _quotes_free(phrase: str) -> re.Pattern[str]:
    """A pattern finding ``phrase`` however it is quoted (“三个代表”重要思想 = 三个代表重要思想).
    Kept per phrase: the phrases are a formula's members, asked again in every text naming it."""
    chars = [c for c in phrase if c not in "“”"]
    return re.compile("[“”]?".join(map(re.escape, chars)))


# a lead-in naming what a colon announces, which a stem cannot end on (…，主要任务是：/ 主要
# 包括：); a clause holding the key may end on a full stop unless its verb needs that object
_OBJECT_VERB_END = re.compile(r"(?:是|为|包括|如下|以下|有|要求|是指|指|分别是|主要是)$")


def _without_lead_in_end(stem: str, la: int, lb: int) -> tuple[str, int, int]:
    """A stem that ends on a colon whose matter it does not show (…的党员担任，主要任务是：,
    rounds DC #29, DD #29: the list follows in the next paragraphs) ends before that lead-in;
    a lead-in holding the key ends on 。 (我们着力“（　　）”推进工作。) unless its verb needs
    what the colon announces (…的职责是（　　）：): then no question."""
    if not stem.endswith(("：", ":")):
        return stem, la, lb
    cut = max(stem.rfind(c, 0, len(stem) - 1) for c in "，,；;。")
    if cut >= lb:
        return stem[:cut] + "。", la, lb
    if _OBJECT_VERB_END.search(stem[:-1].rstrip("”’")):
        return "", 0, 0
    return stem[:-1] + "。", la, lb


# a speech verb closing a clause before what is said (刘少奇同志严厉批评说，“…” / 他强调，…)
_SPEECH_END = re.compile(r"(?:说|指出|强调|表示|认为|宣布)(?:道|过)?$")
# a coverb opening a fronted adverbial whose verb is in a later clause (通过…等方式，让农民…)
_ADVERBIAL_OPENING = re.compile(
    r"^(?:通过|按照|围绕|依托|根据|依照|遵照|遵循|本着|针对|为了|随着|经过)"
)
# the head of a coverb's object when the clause has no verb after it (通过保底分红…等方式，)
_ADVERBIAL_HEAD = re.compile(
    r"(?:等|方式|形式|途径|渠道|手段|办法|方法|载体|平台|要求|部署|安排|原则|精神|规定|标准"
    r"|程序|思路|需要|目标)$"
)


# a 以-phrase listing the means, its verb in the next clause (他们以…、…、忘我的拼搏奉献，为…)
_YI_LIST_OPENING = re.compile("^(?:他们|她们|我们|大家)?以(?![及来后前上下外内往])")
# the verb of a greeting or thanks after the 向-clauses naming whom (向…，向…，表示衷心的感谢！,
# 致以崇高的敬意, 致敬): not 致力 or 致使 opening a clause
_GREETING_AFTER = re.compile(r"(?:[^。！？!?]*?[，,])??(?:表示|致以|致敬|致谢|致意)")


def _dangling(text: str, x: int, y: int) -> bool:
    """Does the clause [x, y) of ``text`` (its closing mark included) govern what comes after
    it: a clause announcing a colon's matter, a speech verb before what is said (他强调，…),
    a 向-clause of a greeting whose verb comes later in the sentence (向…，|向…，表示衷心的感谢！)
    or a fronted adverbial whose object ends the clause (通过…等方式，|让…)?"""
    if y - x < 2 or text[y - 1] not in "，,：:":
        return False
    if text[y - 1] in "：:":
        return True  # (…的目标任务是：|到2020年…: what the colon announces is cut)
    clause = text[x : y - 1]
    if _SPEECH_END.search(clause):
        return True
    if clause.startswith("向") and _GREETING_AFTER.match(text, y):
        return True  # 向…社会各界，|向…华侨华人，表示衷心的感谢！: the verb comes after
    if _YI_LIST_OPENING.match(clause) and "、" in clause and "为" not in clause:
        return True  # 他们以高度的主人翁责任感、…忘我的拼搏奉献，|为…树立了榜样 (blind15 LD #29)
    return (
        _ADVERBIAL_OPENING.match(clause) is not None and _ADVERBIAL_HEAD.search(clause) is not None
    )


def _without_dangling_end(
    text: str, stem: str, la: int, lb: int, key_at: int, key_end: int
) -> tuple[str, int, int]:
    """A window never ends on a clause that governs what it cuts off (rounds F6 #36, R30 #11):
    a speech verb (…，刘少奇同志严厉批评说。) or a fronted adverbial (通过保底分红…等方式。).
    It takes in the next clause while the stem stays within WINDOW_CHARS + 12; a greeting's
    向-clause skips the other 向-clauses to its verb with …… (向…社会各界，……表示衷心的感谢！);
    else it ends before the dangling clause; no question when the key is in it."""
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if stem[s_to:] not in ("", "。") or end + 1 >= len(text) or text[end] not in "，,：:":
        return stem, la, lb
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, end - 1) - 1
    if k < 0 or ends[k] != end + 1 or not _dangling(text, starts[k], ends[k]):
        return stem, la, lb
    nxt = k + 1
    if nxt < len(starts) and not _dangling(text, starts[nxt], ends[nxt]):
        if len(stem) + ends[nxt] - end <= WINDOW_CHARS + 12:
            body = text[start : ends[nxt]]
            body = body[:-1] + "。" if body[-1] in _CLAUSE_END else body
            return stem[:s_from] + body, la, lb
    verb = 0  # (a greeting's 向-clause: the first clause past it that does not dangle)
    if text.startswith("向", starts[k]):
        verb = next(
            (v for v in range(nxt, len(starts)) if not _dangling(text, starts[v], ends[v])), 0
        )
    if verb > nxt:
        # (向…社会各界，……表示衷心的感谢！: the other 向-clauses skipped, blind11 GB #14, GF #14)
        said = text[starts[verb] : ends[verb]]
        said = said[:-1] + "。" if said[-1] in _CLAUSE_END else said
        if len(stem) + 3 + len(said) <= WINDOW_CHARS + 12:
            return stem[:s_from] + text[start:end] + "，……" + said, la, lb
    cut = starts[k]
    if cut <= max(start, key_end) or _dangling(text, starts[k - 1], cut):
        return "", 0, 0
    return stem[:s_from] + text[start : cut - 1] + "。", la, lb


# a clause summing up a list before it (…，等等，这些重要意见反映了…)
# (spelled as branches that each open on one character, (?:等等)?[，,] unfolded, so that re
# skips to the places a match can start rather than trying every one)
_SUMMARY = re.compile(r"(?:等等[，,]|，|,)(?:这些|上述|以上|凡此种种)")


def _before_summary(text: str, stem: str, la: int, lb: int, key_at: int) -> tuple[str, int, int]:
    """A window that opens inside a list and runs into the clause summing it up (在企业领域…，
    提出实行（　　）…，等等，这些重要意见反映了…) shows a summary of items it has cut: it opens on
    the sentence's first clause, which names the list, and ends before the summary with ……;
    no question when that first clause is long (review R29 #10)."""
    start, end, sx, sy = _source_span(text, stem, la, key_at)
    summary = _SUMMARY.search(text, key_at + lb - la, end)
    if start == 0 or summary is None:
        return stem, la, lb
    first = re.search(r"[，,；;：:]", text)
    if first is None or first.start() > 24 or first.end() > start:
        return "", 0, 0
    lead = text[: first.end()] + "……"
    body = stem[sx : sx + summary.start() - start].rstrip("，,") + "……"
    return lead + body, la - sx + len(lead), lb - sx + len(lead)


def _whole_first_item(text: str, stem: str, la: int, lb: int, key_at: int) -> tuple[str, int, int]:
    """A window whose key comes before a colon that opens a ；-list (具有多方面的（　　），主要是：
    坚持…，坚持…，保持政治稳定，|确保…的显著优势；…) never ends inside the list's first item,
    where its 。 would misstate the list (round F2 class 1b): it keeps the whole item when the
    stem stays within WINDOW_CHARS + 12, else it ends at the colon with …….
    """
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if not (end + 1 < len(text) and text[end] in "，," and stem[s_to:] in ("", "。")):
        return stem, la, lb
    colon = max(text.rfind("：", key_at, end), text.rfind(":", key_at, end))
    if colon < 0 or "；" not in text[end:] or any(c in text[colon:end] for c in "；;"):
        return stem, la, lb
    item_end = text.find("；", end)
    if len(stem) + item_end - end <= WINDOW_CHARS + 12:
        return stem[:s_from] + text[start:item_end] + "。", la, lb
    return stem[:s_from] + text[start:colon] + "……", la, lb


def _bigrams(text: str) -> set[str]:
    # (both characters hanzi, as _han(pair) == 2 asks, tested without a regex per pair)
    return {
        text[i : i + 2]
        for i in range(len(text) - 1)
        if "\u4e00" <= text[i] <= "\u9fff" and "\u4e00" <= text[i + 1] <= "\u9fff"
    }


def _with_topic_clause(
    text: str, stem: str, la: int, lb: int, key_at: int, key_end: int
) -> tuple[str, int, int]:
    """A window whose blank clause holds only a light frame (加快（　　）步伐) and that names
    nothing of the key's topic (坚定信心、攻坚克难，…，加快（农业农村现代化）步伐) takes in the
    next clause that does (推动农业基础更加稳固), so the topic decides the blank (F1 class 4, F2
    class 1d): within WINDOW_CHARS + 12, else no question. A window whose clauses say nothing
    of the topic while no clause beside it does either is left as it is.
    """
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, key_at) - 1
    if k < 0 or ends[k] < key_end:
        return stem, la, lb
    lead, rest = text[starts[k] : key_at], text[key_end : ends[k]]
    # (hanzi on both sides of the blank, four at most together; the count of one side alone
    # often settles it)
    in_lead = _han(lead)
    if not in_lead or in_lead >= 4:
        return stem, la, lb  # (a frame on both sides of the blank, 加快…步伐, and nothing else)
    in_rest = _han(rest)
    if not in_rest or in_lead + in_rest > 4:
        return stem, la, lb
    if any(c in lead + rest for c in "、“”《"):
        return stem, la, lb
    key = _bigrams(text[key_at:key_end])
    shown = text[start:key_at] + text[key_end:end]
    if not key or key & _bigrams(shown):
        return stem, la, lb
    if end + 1 < len(text) and stem[s_to:] in ("", "。") and text[end] in "，,":
        nxt = bisect_right(starts, end)
        if nxt < len(starts) and key & _bigrams(text[starts[nxt] : ends[nxt]]):
            if len(stem) + ends[nxt] - end > WINDOW_CHARS + 12:
                return "", 0, 0
            body = text[start : ends[nxt]]
            body = body[:-1] + "。" if body[-1] in _CLAUSE_END else body
            return stem[:s_from] + body, la, lb
    if s_from == 0 and start > 0:
        before = bisect_right(starts, start - 1) - 1
        if before >= 0 and key & _bigrams(text[starts[before] : ends[before]]):
            if len(stem) + start - starts[before] > WINDOW_CHARS + 12:
                return "", 0, 0
            lead = text[starts[before] : start]
            return lead + stem, la + len(lead), lb + len(lead)
    return stem, la, lb


# function words a blank never opens or closes on (…、（发展成果由）人民共享; 促进（和）…); 的
# may close a saying (房子是用来住的) and 把 open a formula member (把方向)
_EDGE_FUNCTION_END = frozenset("由和与及把被对以在将向从跟同")
_EDGE_FUNCTION_START = frozenset("由的和与及被之")


def _key_edge_fault(text: str, a: int, b: int) -> bool:
    """Does the key [a, b) of ``text`` begin or end on a function word standing alone
    (发展成果由), so that the blank parts a member of a series (F1 class 2)?"""
    return _key_edge_fault_cached(text, a, b, dictionary_version())


@lru_cache(maxsize=16384)
def _key_edge_fault_cached(text: str, a: int, b: int, version: int) -> bool:
    """:func:`_key_edge_fault`, kept per sentence and key (its dictionary look-ups are a
    text's costliest filter; the dictionary's version keys it, as words move its answer)."""
    del version  # (part of the cache key only)
    key = text[a:b]
    if len(key) < 2 or _han(key) < len(key):
        return False
    if _list_closer_inside(key) or _splits_a_name(text, a) or _splits_a_name(text, b):
        return True
    if key[-1] in _EDGE_FUNCTION_END and not is_word(key[-2:]) and not is_word(key[-3:]):
        return True
    return key[0] in _EDGE_FUNCTION_START and not any(is_word(key[:n]) for n in (2, 3, 4))


def _splits_a_name(text: str, at: int) -> bool:
    """Does a dictionary word of five characters or more, mostly a proper name (中国工农红军,
    全国人大常委会), run across offset ``at`` of ``text``, so that a blank edge there parts it
    (参加中国工农（红军长征）, round R30 #7)?"""
    n = len(text)
    if not 0 < at < n:
        return False
    table = word_table()
    for x in range(at - 7 if at > 7 else 0, at):
        if text[x : x + 5] not in table:
            # (most starts: no word of five characters begins there, not even as the prefix
            # of a longer one; tested before any bound is worked out, half the cost a call)
            continue
        # (lo = max(at + 1, x + 5), hi = min(n, x + 10), without the calls)
        lo = x + 5 if x + 5 > at + 1 else at + 1
        hi = x + 10 if x + 10 < n else n
        if lo > hi:
            continue
        # grown one character at a time from five (lo >= x + 5): a string not in the table
        # (not even as a prefix) begins no word, so no longer one from x is a word; most x
        # stop at the first look-up
        for y in range(x + 5, hi + 1):
            count = table.get(text[x:y])
            if count is None:
                break
            if count and y >= lo and "的" not in text[x:y]:
                return True  # (a formula with 的, 党的长期执政能力建设, is no name)
    return False


def _list_classes(ctx: Context, items: tuple[str, ...]) -> set[str]:
    """The vocabulary classes that hold half of ``items`` or more (the list's own classes)."""
    counts: dict[str, int] = {}
    for item in items:
        cls = ctx.lexicon.term_class(item)
        if cls:
            counts[cls] = counts.get(cls, 0) + 1
    return {c for c, n in counts.items() if 2 * n >= len(items)}


def _shared_verb_on_first(items: tuple[str, ...]) -> int:
    """Length of a governing verb on the first item only of a list whose other items share the
    rest's ending (实施|区域重大战略、区域协调发展战略: 0 when there is none)."""
    cut = _starts_governed(items[0])
    if not cut or items[0][:1] in _PREPOSITIONS or any(_starts_governed(i) for i in items[1:]):
        return 0
    rest = items[0][cut:]
    tail = common_suffix((rest, *items[1:]))
    return cut if len(rest) >= 2 and len(tail) >= 2 else 0


_MAX_WORD_CHARS = 8  # the longest word jieba_setup.word_ends takes


def _cuts_a_term_opening(text: str, at: int) -> bool:
    """Does a blank edge at ``at`` part a noun that opens a longer dictionary term from the next
    two characters (主体|功能明显: 主体功能 opens 主体功能区, blind round RC #33)? The text
    shortens the term, so :func:`_splits_a_name` finds no whole word across the edge; what gives
    it away is that the characters either side begin one. A governing verb or a function word
    before the edge (坚持|党的…) is the stem's, not the term's."""
    if not 2 <= at <= len(text) - 2:
        return False
    if not _may_cut_a_term_opening(text, at):
        return False  # (most edges: no word ends there that a term opens on, no cut needed)
    # (the words starting before ``at`` end by at + 7 at the latest, so the cut of the text up
    # to there has every word start the test reads, at about half the cost of the whole)
    ends = word_ends(text[: at + _MAX_WORD_CHARS])
    starts = (0, *ends)
    lead = next((x for x in range(at - 2, max(-1, at - 5), -1) if x in starts), None)
    if lead is None or at - lead < 2 or at not in starts:
        return False
    left = text[lead:at]
    if left in _GOVERNING or _han(left) < len(left) or not is_word(left):
        return False
    probe = text[lead : at + 2]
    if _han(probe) < len(probe) or is_word(probe):
        return False  # (经济社会 is a word of its own: the blank parts two, no term)
    return word_table().get(probe, None) is not None


def _may_cut_a_term_opening(text: str, at: int) -> bool:
    """What :func:`_cuts_a_term_opening` needs of its words, without the cut: a word of two
    to four characters ending at ``at`` that, with the next two characters, opens a longer
    dictionary word but is none (counted 0 in jieba's table, which holds every prefix)."""
    table = word_table()
    return any(
        table.get(text[x : at + 2]) == 0 and is_word(text[x:at])
        for x in range(at - 2, max(-1, at - 5), -1)
    )


def _list_closer_inside(key: str) -> bool:
    """Does the key hold 等 closing a list (与（农户等紧密）联合), so that it runs from a list
    member into what follows the list (round F6 #37)? 等 of a word (平等, 等级, 同等) is no
    closer."""
    at = key.find("等", 1)
    while at > 0:
        after = key[at : at + 2]
        if not is_word(key[at - 1 : at + 1]) and not (len(after) == 2 and is_word(after)):
            return True
        at = key.find("等", at + 1)
    return False


def _inside_a_member(lure: str, text: str) -> bool:
    """Does ``text`` hold a longer phrase with the lure's proper-name head and its tail around
    more words (习近平强军思想 against 习近平新时代中国特色社会主义思想), so that the lure is a
    part of a listed member and arguably right (F1 class 7, F2)?"""
    if len(lure) < 5 or _han(lure) < len(lure):
        return False
    # the head, a run of one to 24 characters, the tail: the shortest such phrase at each
    # head (a pattern built per lure cost a regex compile, ~1 ms, for each new lure)
    head, tail = lure[:3], lure[-2:]
    at = text.find(head)
    while at >= 0:
        run = _MEMBER_MIDDLE.match(text, at + 3)
        end = text.find(tail, at + 4, at + 5 + len(run.group(0))) if run else -1
        if end >= 0 and end + 2 - at > len(lure) and text[at : end + 2] != lure:
            return True
        at = text.find(head, at + 1)
    return False


_MEMBER_MIDDLE = re.compile("[\u4e00-\u9fff“”]{1,24}")


def _typed_head(key: str) -> str:
    """The typed head a look-alike of ``key`` must end in: 型 and the head after it (型经济 of
    开放型经济, 型政党 of 学习型政党), since the formula around such a key is built on the type
    (更高水平开放型经济新体制), not on any X经济; "" for other keys."""
    return key[-3:] if len(key) >= 5 and key[-3] == "型" else ""


def _stock_set(group: tuple[str, ...]) -> bool:
    """Is ``group`` a stock set of two to four items on one head (权力观、政绩观、事业观;
    理论创新、制度创新、科技创新、文化创新), whose items stand in the same slot? Longer lists
    and lists of mixed heads (the sixteen 安全 of national security; 永久基本农田、生态保护
    红线、城镇开发边界) are sets of distinct things the stem's words tell apart (大气 for
    蓝天, 特殊保护 for 永久基本农田): their mates stay good lures (reviews 8b, FT5, R26)."""
    return 2 <= len(group) <= 4 and len({item[-1] for item in group}) == 1


def _also_right_mate(
    lexicon: Lexicon, key: str, lure: str, stem: str, printed: Iterable[str]
) -> bool:
    """Is ``lure`` a standard mate of the key, or of an item printed beside the blank, that the
    stem does not rule out, so that it is also right (树立正确（政绩观） with 权力观, 事业观 of
    the triad 权力观、政绩观、事业观; 政治教育、（党性教育） with 警示教育; QT1 #10/#36, FT7 C)?
    The stem rules it out when it prints another member of a list holding the key but not the
    lure (产业兴旺、生态宜居、（乡风文明）… against the old 生产发展, 管理民主), unless the lure is
    a :func:`_covering_mates` of the printed list (历史思维 beside the 十九大's five 思维)."""
    return _also_right_mates(lexicon, key, stem, printed)(lure)


def _also_right_mates(
    lexicon: Lexicon, key: str, stem: str, printed: Iterable[str]
) -> Callable[[str], bool]:
    """:func:`_also_right_mate` for one key and stem, as a test of each lure: the stock sets
    and the members the stem prints are looked up once, not again for every lure."""
    groups = [g for g in lexicon.groups_of(key) if _stock_set(g)]
    mates = {m for g in groups for m in g}
    mates.update(
        m for p in printed if p != key for g in lexicon.groups_of(p) if _stock_set(g) for m in g
    )
    # the sets holding the key of which the stem prints another member
    ruling = [g for g in groups if any(m != key and m in stem for m in g)]
    covering = _covering_mates(lexicon, tuple(dict.fromkeys((key, *printed))))
    return lambda lure: lure in covering or (lure in mates and all(lure in g for g in ruling))


@lru_cache(maxsize=8192)
def _covering_mates(lexicon: Lexicon, items: tuple[str, ...]) -> frozenset[str]:
    """The other members, of the items' head, of a standard list holding every item of a list
    of three or more printed on one head (历史思维, 系统思维 of the 二十大's seven 思维 beside the
    十九大's five: right in any of their slots, and in the blanks, for a learner who knows the
    seven; blind rounds BF #38, BH #37). Lists of mixed heads holding a text's list are other
    formulas (为人类谋进步 beside 为中国人民谋幸福、为中华民族谋复兴; 依宪治国 beside 依法治国、
    依法执政、依法行政), whose other members the text leaves out on purpose."""
    if len(items) < 3:
        return frozenset()
    head = common_suffix(items)
    if len(head) < 2:
        return frozenset()
    return frozenset(m for m in lexicon.covering_members(items) if m.endswith(head))


@lru_cache(maxsize=8192)
def _skipped_mates(lexicon: Lexicon, items: tuple[str, ...], sentence: str) -> bool:
    """Does a longer standard list of the items' head (:func:`_covering_mates`) hold a member
    the sentence does not print between two of the items (战略思维、（历史思维）、辩证思维 of the
    二十大's seven against the 十九大's 战略思维、创新思维、辩证思维…)? Then a learner who knows
    the longer list fills the text's blanks with it. A run of the longer list (科教兴国战略、
    人才强国战略、创新驱动发展战略, the first three of the 十九大's seven strategies) is not
    skipped through: knowing the longer list fills its blanks right."""
    mates = _covering_mates(lexicon, items)
    if not mates:
        return False
    for group in lexicon.covering_lists(items):
        at = [group.index(i) for i in group if i in items]
        if any(m in mates and m not in sentence for m in group[min(at) : max(at) + 1]):
            return True
    return False


def _run_edge_mate(lexicon: Lexicon, key: str, items: tuple[str, ...], sentence: str) -> bool:
    """Does a standard list the key's printed list runs along hold another member of the key's
    length that the sentence does not print, with the key at the run's edge (培养什么人、（怎样
    培养人）这个根本问题: 为谁培养人, the third of the 三问, fills the five boxes as well; blind
    round CG #39)? A member between two printed items is :func:`_skipped_mates`' case."""
    if len(items) < 2 or key != items[-1]:
        return False
    n = len(items)
    return any(
        len(group) == n + 1
        and tuple(group[:n]) == tuple(items)
        and len(group[n]) == len(key)
        and group[n] not in sentence
        for group in lexicon.covering_lists(items)
    )


def _stray_list_mate(ctx: Context, key: KeyPhrase, s: Sentence) -> bool:
    """Is the key an item of a 、-list whose printed items are none of its standard list's, while
    that list has another member of the key's length (必须抓紧（补短板）、堵漏洞: 强弱项 of the
    standard pair fills the three boxes as well; blind round CH #10)?"""
    a, b = key.start - s.start, key.end - s.start
    if s.text[a - 1 : a] != "、" and s.text[b : b + 1] != "、":
        return False
    if any(m in s.text for m in ctx.lexicon.list_mates(key.text)):
        return False
    # a stock pair only: the key's other lists (稳增长、促改革…惠民生) are lists of many, whose
    # items a text takes up in new company
    return any(
        len(group) == 2 and len(other) == len(key.text)
        for group in ctx.lexicon.groups_of(key.text)
        for other in group
        if other != key.text
    )


# a blank's frame: the four characters after it; the joins before a list item
_FRAME_AFTER = re.compile(r"[”’」]?([\u4e00-\u9fff]{4})")
_PAIR_JOINS = ("、", "和", "与", "及", "同")


# standard wordings of one length that name the goal of two periods (全面建成…强国 by the
# middle of the century, 全面建设…国家 the new journey toward it): in a frame that no deadline
# pins, each fits the other's blank (blind14 KL #8)
_RIVAL_WORDINGS = (("全面建成社会主义现代化强国", "全面建设社会主义现代化国家"),)
# the collocations that pin one of them: a deadline right before the blank (到本世纪中叶（　　）)
# asks what is achieved by then, and 第二个百年奋斗目标 is that goal (建成…强国); the new journey
# is opened toward 建设…国家 (开启（　　）新征程, 决胜全面建成小康社会、（　　）), and the 二十大's
# theme 为（　　）而团结奋斗 names it (blind12 HG #13, blind13 JD #26, JF #5, transfer T4 #19)
# words later in the blank's clause that pin one wording: the new journey (新征程) and the four
# 全面 (…、全面深化改革) go with 建设…国家, as does its 首要任务 (高质量发展); the goal (奋斗目标)
# anywhere after the blank with 建成…强国 (…，是新时代中国共产党人矢志不渝的奋斗目标)
_RIVAL_CLAUSE_PINS = {
    "全面建成社会主义现代化强国": (),
    "全面建设社会主义现代化国家": ("新征程", "全面深化改革", "首要任务"),
}
_RIVAL_REST_PINS = {"全面建成社会主义现代化强国": ("奋斗目标",), "全面建设社会主义现代化国家": ()}
_RIVAL_PINS = {
    "全面建成社会主义现代化强国": (
        re.compile(r"到[^，。；：、]{2,8}$"),
        re.compile(r"^、?(?:实现)?的?第二个百年"),
    ),
    "全面建设社会主义现代化国家": (
        re.compile(r"(?:开启|决胜全面建成小康社会、)$"),
        re.compile(r"^(?:新征程|[^，。；]{0,16}而团结奋斗)"),
    ),
}


def _frame_mates(ctx: Context, key: str, stem: str, a: int, b: int) -> tuple[str, ...]:
    """Other standard phrases of the key's length that fill the blank [a, b) of ``stem`` as
    well and that the stem does not print: the core of another member of a lexicon formula
    whose members share the frame around the blank (中国式现代化是（全体人民共同富裕）的现代化:
    人与自然和谐共生, of 人与自然和谐共生的现代化), or the rival wording of the key
    (:data:`_RIVAL_WORDINGS`) unless a deadline before the blank pins the key."""
    mates: list[str] = []
    for group in _RIVAL_WORDINGS:
        if key not in group:
            continue
        pin_before, pin_after = _RIVAL_PINS[key]
        clause_after = re.split(r"[，。；：！]", stem[b:], maxsplit=1)[0]
        if any(w in clause_after for w in _RIVAL_CLAUSE_PINS[key]) or any(
            w in stem[b:] for w in _RIVAL_REST_PINS[key]
        ):
            continue
        if pin_before.search(stem[:a]) or pin_after.search(stem[b:]):
            continue
        mates += [m for m in group if m != key and len(m) == len(key) and m not in stem]
    if re.search(r"[，,；;：:]", stem):
        # (a member's frame with more said around it: 建设（人与自然和谐共生）的现代化 after
        # 促进经济社会发展全面绿色转型, 既要…也要提供更多优质生态产品 pins the one meant)
        return tuple(mates)
    for formula in ctx.lexicon.formulas:
        if not formula.cores or key not in formula.cores.values():
            continue
        member = next(m for m, c in formula.cores.items() if c == key)
        at = member.find(key)
        prefix, suffix = member[:at], member[at + len(key) :]
        if not (prefix or suffix) or not stem[:a].endswith(prefix):
            continue
        if not stem[b:].startswith(suffix):
            continue
        mates += [
            c
            for m, c in formula.cores.items()
            if c != key
            and len(c) == len(key)
            and m == prefix + c + suffix
            and c not in stem
            and c not in mates
        ]
    return tuple(mates)


# the goals of the stages before the middle of the century (the 2020 and 2035 goals): wrong
# where the stem's period runs to 本世纪中叶, in the order tried as lures
_STAGE_GOALS = ("基本实现社会主义现代化", "全面建成小康社会", "实现第一个百年奋斗目标")


def _horizon_single(
    ctx: Context, key: KeyPhrase, s: Sentence, stem: str, a: int, b: int
) -> Iterator[Question]:
    """The 单选 asked instead of a bare blank on 全面建成社会主义现代化强国 whose rival wording
    fits as well, when the stem runs its period to 本世纪中叶 (从现在起到本世纪中叶，是我国
    （　　）的30年, blind14 KL #8): the lures are the goals of the earlier stages, which that
    period rules out, never the rival 全面建设社会主义现代化国家 (also right)."""
    if key.text != _RIVAL_WORDINGS[0][0] or "本世纪中叶" not in stem[:a]:
        return
    lures = [g for g in _STAGE_GOALS if g not in stem]
    if len(lures) < 3:
        return
    qid = question_id(ctx.doc_key, "single", "single", key.text, s.text)
    rng = _rng(ctx, qid)
    yield Question(
        id=qid,
        kind="single",
        stem=_blank(stem, a, b),
        options=_shuffle([key.text, *lures[:3]], rng),
        answer=key.text,
        keys=[key.text],
        source=s.text,
        explanation=_explain_text(ctx, key, s),
        paragraph=s.paragraph,
        difficulty=_difficulty("single", key.text),
        template="single",
    )


def _frame_filled_alike(ctx: Context, key: KeyPhrase, s: Sentence) -> str:
    """Another phrase of the key's length that the text puts in the key's frame, the four
    characters right after the blank (quotes aside): 扎实推进“（一带一路）”教育行动 in a text
    that also has 实施乡村振兴战略教育行动 (乡村振兴, a key of the text, fills the four boxes as
    well; blind round CH #21); 作为（党的思想建设）的首要任务 beside 党的政治建设的首要任务. The
    filler is a key of the text not printed in the key's sentence, right before the frame or
    one word (two characters) before it when the longer phrase is a key too (乡村振兴|战略).
    Returns it, or ''. A list item (its list pins it) and a thesis's subject (（　　）是…) are
    left alone; the frame before a blank is a verb's, which takes too much to tell."""
    text = ctx.ex.doc.text
    n = len(key.text)
    # (a key's span leaves its quotes out: look past them, “四个自信”、“四个意识”)
    before = text[max(0, key.start - 3) : key.start].rstrip("“‘「")[-1:]
    after_key = text[key.end : key.end + 3].lstrip("”’」")[:1]
    if before in _PAIR_JOINS or after_key == "、":
        # 文化事业、（文化产业）: its list pins a list item, whatever else the frame takes
        return ""
    if after_key == "是":
        return ""  # （党的领导）是中国特色社会主义…: a thesis, not a head noun's slot
    after = _FRAME_AFTER.match(text, key.end)
    if not after:
        return ""
    known = _frame_fillers(ctx)
    frame = after.group(1)
    # (its places by str.find, as re.finditer of the escaped frame finds them, left to right
    # and not overlapping, without compiling a pattern for each new frame)
    at = text.find(frame)
    while at >= 0:
        at, found = text.find(frame, at + len(frame)), at
        if key.start <= found <= key.end + 1:
            continue  # the key's own frame
        lead = text[max(0, found - n - 3) : found].rstrip("”’」")
        for gap in (0, 2):
            cand = lead[len(lead) - gap - n : len(lead) - gap]
            if (
                len(cand) == n
                and cand != key.text
                and cand in known
                and lead[len(lead) - gap - n :] in known
                and cand not in s.text
            ):
                return cand
    return ""


def _frame_fillers(ctx: Context) -> frozenset[str]:
    found = ctx.ex.memo.get("frame_fillers")
    if found is None:
        found = frozenset(k.text for k in ctx.ex.keys if len(k.text) >= 2)
        ctx.ex.memo["frame_fillers"] = found
    return found


# characters after a blank that open no head noun the key would modify
_NO_HEAD = frozenset(
    "的地得之和与及或、，。；：！？“”‘’（）《》…—是在为将把被对向从等中上下里和并而也都"
)


def _unfit_head(lure: str, after: str, text: str, known: frozenset[str]) -> bool:
    """Does the blank modify the word after it (新时代（　　）文化, 走（　　）乡村振兴道路)
    while ``lure`` is never seen before that word, in the text or in the lexicon, so that
    grammar alone rules it out (历史唯物主义文化; QT1 #30, F6 #3, F7 #3)? Asked of an -ism
    key only (see `pick_wrong`): an -ism names a doctrine or a system, and only the system
    modifies (中国特色社会主义事业); lures of other classes share the key's head noun (X战略,
    X中国, X经济), and asking them too dropped 60 good 单选 (…建设, …能力) on the 20 texts."""
    if len(after) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in after[:2]):
        return False
    if after[0] in _NO_HEAD:
        return False
    head = after[:2]
    if lure + head in text or lure + head[0] in text:
        return False
    return not any(lure + head in phrase for phrase in known)


def _lures_odd_out(answer: str, lures: list[str]) -> bool:
    """Do all lures share an opening or an ending of two characters or more that the answer
    lacks (习近平强军思想, 习近平法治思想, 习近平外交思想 against 毛泽东思想), so the answer is
    the odd one out (F2 class 4a)?"""
    if len(lures) < 2:
        return False
    prefix, suffix = common_prefix(lures), common_suffix(lures)
    return (len(prefix) >= 2 and not answer.startswith(prefix)) or (
        len(suffix) >= 2 and not answer.endswith(suffix)
    )


def _foreign_lure(lexicon: Lexicon, lure: str, keys: Iterable[str], sentence: str) -> bool:
    """Is ``lure`` a foreign-affairs or defence term (全球治理体系, 多边主义) offered for keys of
    no such class in a sentence that speaks of nothing foreign, so that its field rules it out
    (DC #3: 全球治理体系 among the 体系 of a province's 共同富裕示范区)?"""
    if lexicon.term_class(lure) not in _FOREIGN_CLASSES and "国防" not in lure:
        return False  # (国防意识 of the class 思维 is a defence term too: FA #22, FC #16)
    if any(lexicon.term_class(k) in _FOREIGN_CLASSES or "国防" in k for k in keys):
        return False
    return _FOREIGN_CUES.search(sentence) is None


def _poverty_lure(lure: str, keys: Iterable[str], text: str) -> bool:
    """Is ``lure`` a poverty-relief term (因村施策, 因户施策, 一户一策, 一村一策: the village and
    household of 精准扶贫; 精准脱贫, 扶贫…) offered for keys of no such field in a sentence
    (``text``) that speaks of no poverty relief (the epidemic speeches name 脱贫攻坚 elsewhere),
    so that its field rules it out (坚定信心、同舟共济、科学防治、（精准施策） of those speeches
    drew 因村施策 and 因户施策: 10 of 16 judged rows failed)?"""
    if _POVERTY_LURE.search(lure) is None:
        return False
    if any(_POVERTY_LURE.search(k) for k in keys):
        return False
    return _POVERTY_CUES.search(text) is None


def _event_among_kinds(lure: str, items: Iterable[str]) -> bool:
    """Is ``lure`` an event named by its date (五卅运动, 五四运动, 一二九运动) offered among kinds
    of a thing (工人运动、青年运动、农民运动、妇女运动)? One such event is an instance of a kind
    (五卅运动 was a 工人运动 the Party led in the 大革命, 五四运动 a 青年运动), so a learner who
    knows the history defends it as right (blind19 RD #33, RE #31, RF #31)."""
    if _DATE_EVENT_RE.fullmatch(lure) is None:
        return False
    return not any(_DATE_EVENT_RE.fullmatch(i) for i in items)


# movements named by the people who make them (工人运动, 青年运动): kinds, not events
_MOVEMENT_KIND_RE = re.compile("(?:工人|农民|青年|妇女|学生|群众)运动")


def _kind_among_events(lure: str, items: Iterable[str]) -> bool:
    """Is ``lure`` a kind of movement (青年运动, 农民运动) offered among named events (太平天国
    运动、洋务运动、戊戌变法、义和团运动)? It is another kind of thing, and may be right as
    well (太平天国 was a 农民运动): the mirror of :func:`_event_among_kinds`."""
    if _MOVEMENT_KIND_RE.fullmatch(lure) is None:
        return False
    return not any(_MOVEMENT_KIND_RE.fullmatch(i) for i in items)


# Present-day foreign-policy trends, opposed in reports since the 2000s (the 国际逆流 class
# without 霸权主义 and 强权政治, opposed since the 1970s) and the 三股势力 of 2001: beside the
# enemies of the Party's history (三座大山; 反对帝国主义、霸权主义、殖民主义、种族主义 of the
# 1950s–70s) they are of another era, told apart at sight (blind19 RB #31, RC #31)
_PRESENT_DAY_TRENDS = frozenset(
    {
        "单边主义",
        "保护主义",
        "冷战思维",
        "小院高墙",
        "脱钩断链",
        "阵营对抗",
        "零和博弈",
        "恐怖主义",
        "分裂主义",
        "极端主义",
        "民族分裂主义",
    }
)


def _enemy_list(items: Sequence[str]) -> bool:
    """Are most of ``items`` enemies of NEGATIVE_WORDS (帝国主义、封建主义、官僚资本主义)?"""
    return sum(i in NEGATIVE_WORDS for i in items) * 2 > len(items)


def _enemy_mates(lexicon: Lexicon, items: Sequence[str]) -> list[str]:
    """The enemies a list of enemies can take as lures, whether or not the text names them:
    NEGATIVE_WORDS and, where the list is a formula's members, its foils (殖民主义, 修正主义 of
    the 三座大山), the items themselves left out; a formula's own foils alone where it has them
    (种族主义 among the 三座大山 is of another struggle: blind20 SG #6). (Not another
    list's: 修正主义 was opposed in the 1960s' foreign policy, right beside
    反对帝国主义、霸权主义、殖民主义、种族主义.)"""
    foils = {
        f
        for formula in lexicon.owners(items[0])
        if len(formula.members) == len(items) and all(formula.is_member_text(i) for i in items)
        for f in formula.foils
    }
    return sorted((foils or NEGATIVE_WORDS) - set(items))


def _enemy_misfit(lexicon: Lexicon, lure: str, items: Sequence[str]) -> bool:
    """Is ``lure`` out of place among a list of enemies (most items of NEGATIVE_WORDS): a
    thing no enemy (多边主义, which China advocates; 命令主义, a fault of style) unless the list
    is a formula that has it as a foil (修正主义 of the 三座大山), or a present-day trend
    (单边主义) where no item is one?"""
    if not _enemy_list(items):
        return False
    if lure in _PRESENT_DAY_TRENDS:
        return not any(i in _PRESENT_DAY_TRENDS for i in items)
    return lure not in _enemy_mates(lexicon, items)


def _off_field_lure(
    ctx: Context, lure: str, key: str, items: Sequence[str], stem: str, pair: bool = True
) -> bool:
    """Is ``lure``, drawn for ``key`` of the list ``items`` (or a 多选's items), of another field
    than its stem: its pattern with them fieldless (…体系, …化), not the text's own phrase, no
    vocabulary mate of a key nor a curated foil of the list, and written in no reference text
    beside a word of the stem or the items (:func:`fields.of_field`)? 养老服务体系, 公共安全体系,
    全球治理体系 after 完善军民融合（　　）, 城镇化 and 市场化 beside 融合机器人、（数字化）、新材料
    are ruled out by their field alone (blind14 KA #17, KD #12, KF #12, KH #30, KJ #22, KK #18).
    ``pair``: a 单选's key and lure sharing a pattern of their own keep it as their field."""
    if len(items) >= 2 and not _generic_edge_only(items):
        return False  # (文化自觉 for 政治自觉、行动自觉: the list's pattern is the field)
    if pair and (_slogan_pair_of(key, lure) or not _generic_edge_only((key, lure))):
        # (患难与共 for 荣辱与共, 守护初心 for 不忘初心: the 单选's key and lure share it; a 多选's
        # lure is matched against one item of its list, whose chance edge says nothing: 产业化
        # beside 新型工业化)
        return False
    lexicon = ctx.lexicon
    cls = lexicon.term_class(lure)
    if cls is not None and any(lexicon.term_class(k) == cls for k in (key, *items)):
        return False
    if items and lure in lexicon.list_foils(items):
        return False
    return not fields.of_field(lure, stem, ctx.ex.doc.text, (key, *items))


# heads (and openings) any field's phrases take: a lure sharing only these with its key is of
# the key's shape, not of its field (…体系, …教育, …制度, …经济, …化)
_FIELDLESS_EDGES = frozenset(
    {
        *("体系", "机制", "制度", "体制", "能力", "水平", "建设", "工作", "政策", "格局"),
        *("教育", "经济", "发展", "改革", "安全", "服务", "产业", "战略", "工程", "技术"),
        *("管理", "责任", "运动", "社会", "国家", "中国"),
    }
)


def _generic_edge_only(phrases: Sequence[str]) -> bool:
    """Do ``phrases`` (a list's items, or a key and its lure) share no edge of two characters
    or more but a fieldless one (:data:`_FIELDLESS_EDGES`)? 组织管理体系、工作运行体系 share 体系,
    数字化 and 城镇化 share 化: a lure of that shape says nothing of its field. 荣辱与共 and
    患难与共 share 与共, 政治自觉、行动自觉 share 自觉: the pattern carries the field."""
    suffix, prefix = common_suffix(phrases), common_prefix(phrases)
    return not (
        len(suffix) >= 2
        and suffix[-2:] not in _FIELDLESS_EDGES
        or len(prefix) >= 2
        and prefix[:2] not in _FIELDLESS_EDGES
    )


def _slogan_pair_of(key: str, lure: str) -> bool:
    """Are ``key`` and ``lure`` three-character phrases sharing a last character that is no
    suffix (:data:`_SUFFIX_CHARS`): slogans of one object (聚民心, 守初心, 有信心; 心连心 beside
    同呼吸、共命运, judged usable in review rounds 12, 25, 26b), whose shape is their field?"""
    return (
        len(key) == len(lure) == 3
        and key[-1] == lure[-1]
        and key[-1] not in _SUFFIX_CHARS
        and key[-2] != lure[-2]
    )


# characters that end phrases of any field (数字化, 城镇化; 先进性; 服务型): a lure sharing only
# one of them with its key shares no field
_SUFFIX_CHARS = frozenset("化性型式率度制权战")


def _split_ending(key: str, lure: str) -> bool:
    """Do a three-character ``key`` and ``lure`` share their last character only, with the
    word ending on it cut alike in neither: 数字化 (one word, 化 its suffix) beside 有文化 (有 +
    文化), 兴文化 beside 市场化? The shared character is chance, not a shape, and the lure reads
    as absurd (KF #12, KJ #22: 有文化 among 数字化's lures; GG #32: X化 beside 兴文化)."""
    if len(key) != 3 or len(lure) != 3 or key[-1] != lure[-1] or key[-2] == lure[-2]:
        return False
    if key[-1] not in _SUFFIX_CHARS:
        return False  # (心连心 beside 聚民心, 守初心: slogans of one object, review 25, 26b)
    return _verb_object(key) != _verb_object(lure)


def _verb_object(phrase: str) -> bool:
    """Is a three-character ``phrase`` one character before a word of two (有|文化, 兴|文化)?"""
    return _verb_object_cached(phrase, dictionary_version())


@lru_cache(maxsize=4096)
def _verb_object_cached(phrase: str, version: int) -> bool:
    words = jieba_cut(phrase, hmm=False)
    return len(words) == 2 and len(words[0]) == 1


def _contrasted(key: str, other: str) -> bool:
    """Are ``key`` and ``other`` a contrast of one kind: one character apart in place before
    their shared head (生产性服务业 / 生活性服务业, 外部安全 / 内部安全), or one the other with 非
    before it (公有制经济 / 非公有制经济)?"""
    if key == "非" + other or other == "非" + key:
        return True
    if len(key) != len(other) or len(key) < 4 or not one_apart_in_place(key, other):
        return False
    return key[-2:] == other[-2:]


def _all_at(text: str, word: str) -> list[int]:
    """Every place ``text`` writes ``word`` (overlapping ones too)."""
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _paired_at(text: str, key: str, other: str, at_key: list[int]) -> bool:
    """Does ``text`` write ``key`` and ``other`` joined by 和/与/同, in either order, ``at_key``
    being where it writes ``key``?"""
    end, lo = len(key), len(other)
    for u in at_key:
        if text[u + end : u + end + 1] in _PAIR_WORDS and text.startswith(other, u + end + 1):
            return True
        if u - 1 - lo >= 0 and text[u - 1] in _PAIR_WORDS and text.startswith(other, u - 1 - lo):
            return True
    return False


# the words that join a pair X和Y (not the list joins of _PAIR_JOINS above)
_PAIR_WORDS = frozenset("和与同")


def _bare_uses(text: str, word: str, key: str) -> list[int]:
    """Where ``text`` writes ``word`` not as a part of ``key`` (公有制经济 outside 非公有制经济)."""
    out, at = [], text.find(word)
    while at >= 0:
        inside = key.find(word)
        if not (0 <= inside <= at and text.startswith(key, at - inside)):
            out.append(at)
        at = text.find(word, at + 1)
    return out


def _text_contrasts(ctx: Context, key: str, stem: str) -> tuple[list[str], list[str]]:
    """The key's siblings the text prints as its contrast (生产性服务业 beside 生活性服务业; 公有制
    经济 beside 非公有制经济) or pairs with it (X和Y, X与Y): the lure that tests the text (DD
    #16). A sibling is a mate of the key's vocabulary class on the key's head (…服务业, …经济),
    or its 非 twin: other look-alikes one character apart (爱国主义 of 帝国主义, 政协协商 of
    政治协商) are no contrast of a kind, nor a pair on another head (政治纪律和政治规矩).
    Returned apart, as (lures, also right): those the text writes in the blank's own frame too
    (the two characters after the blank, or before it, around the sibling) are right as well."""
    text = ctx.ex.doc.text
    at = stem.find(BLANK)
    after = stem[at + len(BLANK) : at + len(BLANK) + 2] if at >= 0 else ""
    before = stem[max(0, at - 2) : at] if at >= 0 else ""
    out: list[str] = []
    right: list[str] = []
    for other, uses in _contrast_siblings(text, key, ctx.lexicon):
        framed = any(
            (_han(after) == 2 and text.startswith(after, u + len(other)))
            or (_han(before) == 2 and text[u - 2 : u] == before)
            for u in uses
        )
        (right if framed else out).append(other)
    return out, right


@lru_cache(maxsize=2048)
def _contrast_siblings(
    text: str, key: str, lex: Lexicon
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The siblings of :func:`_text_contrasts` with where the text writes each bare, worked out
    once per text and key (a key is asked from several windows; a text generated again)."""
    cls = lex.term_class(key)
    # (only mates on the key's last character can share its head: the lexicon's index by ending)
    mates = _class_terms_by_ending(lex).get((cls, key[-1:]), []) if cls else []
    twins = [w for w in (key[1:] if key[:1] == "非" else "", "非" + key) if w and w in text]
    found: list[tuple[str, tuple[int, ...]]] = []
    at_key: list[int] | None = None  # where the text writes the key (found when first needed)
    # (the vocabulary terms the text holds, from one pass over it, not one search per mate)
    written = lex.terms_written(text) if mates else None
    for other in dict.fromkeys([*twins, *mates]):
        # (the cheap test first: a class has hundreds of terms, the text tens of thousands of
        # characters)
        if other == key or other[-2:] != key[-2:]:
            continue
        known = written is not None and other in lex.terms
        if (other not in written) if known else (other not in text):
            continue
        if not _contrasted(key, other):
            # X和Y, Y与X…: read beside the key's own places, not searched for in the whole text
            if at_key is None:
                at_key = _all_at(text, key)
            if not _paired_at(text, key, other, at_key):
                continue
        uses = _bare_uses(text, other, key)
        if uses:
            found.append((other, tuple(uses)))
    return tuple(found)


def _mixed_draw(answer: str, picked: list[str], pool: list[str]) -> list[str]:
    """``picked`` with its last lure swapped for the first one of ``pool`` that leaves the
    lures no edge the answer lacks: the pool passed :func:`_lures_odd_out`, but a draw of three
    from it could still be 服务型政党, 创新型政党, 学习型政党 beside 全面从严治党, or 伟大团结精神,
    伟大奋斗精神, 伟大创造精神 beside 民族精神, the answer the odd one out (blind round BE's
    "key stands out by its shape")."""
    for cand in pool:
        if cand not in picked:
            trial = [*picked[:-1], cand]
            if not _lures_odd_out(answer, trial):
                return trial
    return picked


def _one_family(lexicon: Lexicon, lures: list[str]) -> bool:
    """Are all ``lures`` of one family (a term and the terms it covers: 污染防治攻坚战 with
    蓝天保卫战, 碧水保卫战, 净土保卫战), so that the answer is the one of another kind?"""
    return len(lures) >= 2 and len({lexicon.family(c) for c in lures}) == 1


def _family_mixed(lexicon: Lexicon, picked: list[str], pool: list[str]) -> list[str]:
    """``picked`` with its last lure swapped for the first lure of ``pool`` of another family
    when every drawn lure is of one (the pool holds another family)."""
    if not _one_family(lexicon, picked):
        return picked
    family = lexicon.family(picked[0])
    other = next((c for c in pool if lexicon.family(c) != family), None)
    return picked if other is None else [*picked[:-1], other]


def _ending_mate(answer: str, picked: list[str], pool: list[str]) -> list[str]:
    """``picked`` with its last lure swapped for the first lure of ``pool`` that ends as the
    answer does (…人才), when no drawn lure does: the answer alone of its ending reads as the
    odd one out (CG #16: 青年科技人才 among 卓越工程师, 战略科学家, 大国工匠). The swap is
    kept only when it leaves the lures no shared edge the answer lacks."""
    end = answer[-2:]
    if len(answer) < 4 or any(c.endswith(end) for c in picked):
        return picked
    for cand in pool:
        if cand not in picked and cand.endswith(end):
            trial = [*picked[:-1], cand]
            return trial if not _lures_odd_out(answer, trial) else picked
    return picked


def _series_mate(answer: str, picked: list[str], pool: list[str], stem: str) -> list[str]:
    """``picked`` with its last lure swapped for the first lure of ``pool`` that leaves the lures
    no edge the printed items of the blank's 、-series all lack (``confidence.series_odd_out``:
    国际化, 市场化, 信息化 beside 举旗帜、聚民心、育新人、（兴文化）, blind11 GG #32), and no edge
    the answer lacks. When no lure of the pool does, the 单选 is doubtful instead
    (``confidence.single_doubt``)."""
    if not series_odd_out(stem, answer, picked):
        return picked
    return _last_lure_swapped(
        answer, picked, pool, lambda trial: not series_odd_out(stem, answer, trial)
    )


def _last_lure_swapped(
    answer: str, picked: list[str], pool: list[str], mends: Callable[[list[str]], bool]
) -> list[str]:
    """``picked`` with its last lure swapped for the first lure of ``pool`` whose draw
    ``mends`` the cue and leaves the lures no edge the answer lacks; ``picked`` when none does."""
    for cand in pool:
        if cand not in picked:
            trial = [*picked[:-1], cand]
            if mends(trial) and not _lures_odd_out(answer, trial):
                return trial
    return picked


def _series_length_mate(answer: str, picked: list[str], pool: list[str], stem: str) -> list[str]:
    """``picked`` with each lure of another length than the answer swapped for the next lure of
    ``pool`` of its length, when every printed item of the blank's 、-series has that length
    (互联网思维 beside 战略思维、创新思维、辩证思维、法治思维、（底线思维）): the series shows the
    item's length, and a lure of another is ruled out by its look. A swap that would leave the
    lures an edge the answer lacks is not made."""
    n = len(answer)
    if all(len(c) == n for c in picked) or not series_of_length(stem, n):
        return picked
    spare = [c for c in pool if c not in picked and len(c) == n]
    out = list(picked)
    for i, c in enumerate(picked):
        if len(c) != n and spare:
            trial = [*out[:i], spare[0], *out[i + 1 :]]
            if not _lures_odd_out(answer, trial):
                out = trial
                spare.pop(0)
    return out


def _length_class_mates(answer: str, picked: list[str], pool: list[str]) -> list[str] | None:
    """``picked`` with lures of the answer's length class (within a character of it) swapped in
    while the answer is the one long option (生态文明建设 among 作风建设, 思想建设,
    国防建设; 新型工业化 among 智能化, 国际化, 市场化: blind15 LB #20, #48), or None when the pool
    has too few of them: the 单选 is then not asked."""
    if not picked or len(answer) <= max(len(c) for c in picked):
        return picked  # (a key shorter than its lures was found usable: 执政考验, review 28b #37)
    if not _lengths_give_away([answer], picked):
        return picked
    near = [c for c in pool if c not in picked and abs(len(c) - len(answer)) <= 1]
    out = list(picked)
    for i in sorted(range(len(out)), key=lambda i: abs(len(out[i]) - len(answer)), reverse=True):
        if not near or not _lengths_give_away([answer], out):
            break
        out[i] = near.pop(0)
    if _lengths_give_away([answer], out) or _lures_odd_out(answer, out):
        return None
    return out


def _edge_keeper(answer: str, picked: list[str], pool: list[str]) -> list[str]:
    """``picked`` with the one lure that breaks the opening or ending of two characters the
    answer shares with every other lure swapped for the first lure of ``pool`` that keeps it
    (交通强国 beside 健康中国, 平安中国, 数字中国: blind11 GO #36, "breaks the X中国 shape"): the
    odd lure is ruled out by its look, and the 单选 is one of three."""
    if len(picked) < 3 or len(answer) < 3:
        return picked
    for edge, has in (
        (answer[-2:], lambda c, e: c.endswith(e)),
        (answer[:2], lambda c, e: c.startswith(e)),
    ):
        if _han(edge) != 2:
            continue
        odd = [i for i, c in enumerate(picked) if not has(c, edge)]
        if len(odd) != 1:
            continue
        for cand in pool:
            if cand not in picked and has(cand, edge):
                return [*picked[: odd[0]], cand, *picked[odd[0] + 1 :]]
    return picked


def _echo_pattern(phrase: str) -> bool:
    """Is ``phrase`` a four-character phrase of the 一X一Y shape (一户一策, 联防联控): its first
    character said again in third place?"""
    return len(phrase) == 4 and phrase[0] == phrase[2] and phrase[1] != phrase[3]


def _echo_pattern_clash(key: str, lure: str) -> bool:
    """Does ``lure`` have the 一X一Y shape the key lacks, past the ending they share (一户一策,
    一村一策 beside 精准施策: blind11 bushu, seen in 8 rounds; 主观主义 beside 形式主义 shares
    its 主义 and is no such shape), so that its look sets it apart from the key?"""
    return _echo_pattern(lure) and not _echo_pattern(key) and lure[2:] != key[2:]


def _field_mate(
    answer: str, picked: list[str], pool: list[str], stem: str, ctx: Context
) -> list[str]:
    """``picked`` with its last lure swapped for the first lure of ``pool`` that shares the
    stem's field as the answer does, when the answer alone does (``confidence.field_giveaway``:
    深化（医药卫生体制改革） after 医疗服务体系建设, beside reforms of other fields): a lure of
    the stem's field leaves the learner the field to know. Kept only when the lures then share
    no edge the answer lacks; when no lure of the pool does, the 单选 is doubtful instead
    (``confidence.single_doubt``)."""
    common = common_chars(ctx.lexicon.known_phrases())
    text = ctx.ex.doc.text
    if not field_giveaway(stem, answer, picked, common, text):
        return picked
    return _last_lure_swapped(
        answer, picked, pool, lambda trial: not field_giveaway(stem, answer, trial, common, text)
    )


def _keys_only_edge(correct: list[str], wrong: list[str], name: str) -> str:
    """The opening (or ending) every right option of a 多选 shares, when it runs two or more
    characters past what any lure shares with it and the name does not print the extra
    characters (确立习近平… in both members of 两个确立 against 确立马克思主义…, 确立党的…):
    that run, not knowledge, picks the keys (QT2 #17); "" otherwise. Keys that open like the
    lures (毫不动摇… for 两个毫不动摇) are no cue (F7 #14: usable)."""
    if len(correct) < 2 or not wrong:
        return ""
    for edge, cut in (
        (common_prefix(correct), str.startswith),
        (common_suffix(correct), str.endswith),
    ):
        if len(edge) < 2:
            continue
        if cut is str.startswith:
            reach = max(len(common_prefix([edge, lure])) for lure in wrong)
            extra = edge[reach:]
        else:
            reach = max(len(common_suffix([edge, lure])) for lure in wrong)
            extra = edge[: len(edge) - reach]
        if _han(extra) == len(extra) and sum(ch not in name for ch in extra) >= 2:
            return edge if cut is str.startswith else "\x00" + edge
    return ""


def _keys_shape(name: str, correct: list[str]) -> Callable[[str], bool] | None:
    """What a lure must keep of the shape every right option of a 多选 shares, or None: the
    edge of their shared opening or ending of two characters or more (毫… for 两个毫不动摇,
    where the one lure opening 坚持按劳分配… is ruled out by its look, blind BE #13) and any
    term of the name they all print (一百年 of 两个一百年: only the keys held it, BE #7)."""
    if len(correct) < 2:
        return None
    return _keys_shape_of(name, tuple(correct))


@lru_cache(maxsize=4096)
def _keys_shape_of(name: str, correct: tuple[str, ...]) -> Callable[[str], bool] | None:
    """:func:`_keys_shape`, worked out once per name and keys (a formula's 多选 tries many draws
    of its members, for every seed and every text naming it)."""
    # (a lure that shares the opening's first character keeps the frame: 同人类文明成果相结合
    # beside 同中国…, 同中华… — their 同中 is two words' accident)
    lead, end = common_prefix(correct)[:2], common_suffix(correct)[-2:]
    lead = lead[:1] if len(lead) == 2 and _han(lead) == 2 else ""
    end = end[-1:] if len(end) == 2 and _han(end) == 2 else ""
    terms: set[str] = set()
    for a in range(len(name)):
        for b in range(a + 2, len(name) + 1):
            term = name[a:b]
            if _han(term) != b - a or not all(term in c for c in correct):
                break  # (every longer term from ``a`` holds this one: none is either)
            if not all(c in NUMERALS or c in "个种项条大" for c in term):
                terms.add(term)
    if not (lead or end or terms):
        return None
    return lambda lure: (
        lure.startswith(lead) and lure.endswith(end) and all(t in lure for t in terms)
    )


def _keeps_edge(foil: str, edge: str) -> bool:
    """Does ``foil`` open (or, for an edge marked with \\x00, end) on ``edge``?"""
    return foil.endswith(edge[1:]) if edge.startswith("\x00") else foil.startswith(edge)


def _length_cued(correct: Iterable[str], wrong: Iterable[str]) -> bool:
    """Are the right options of a 多选 its longest ones by three characters or more (两个维护's
    clauses of 16 and 24 against lures of 10 and 12), so that length alone picks them (F1
    class 7)? A margin of one or two is the spread of any list's wordings."""
    return min(map(len, correct)) >= max(map(len, wrong)) + 3


def _lengths_give_away(correct: Iterable[str], wrong: Iterable[str]) -> bool:
    """Do the lengths of a formula 多选's options pick its right ones (rounds DA–DD)? Every key
    longer (or shorter) than every lure by a clear margin — two characters, or a quarter of the
    shorter side — as 面向世界科技前沿, 面向经济主战场 (7–8) among 面向未来, 面向现代化 (4–5); or
    one key longer (or shorter) than every lure by five characters and a third, as the 32
    characters of 在新中国成立一百年时建成…强国 among lures of 18–23, or the 党章's clause of 27
    among 局部服从全局. Lengths that mix, or differ by a character or two, are no cue."""
    keys, lures = [len(c) for c in correct], [len(w) for w in wrong]
    if not keys or not lures:
        return False
    if _length_split(keys, lures):
        return True
    lo, hi = min(lures), max(lures)
    if min(keys) - hi >= max(2, hi / 4) or lo - max(keys) >= max(2, max(keys) / 4):
        return True
    return max(keys) - hi >= max(5, hi / 3) or lo - min(keys) >= max(5, min(keys) / 3)


def _length_split(keys: list[int], lures: list[int]) -> bool:
    """Are the right options of a 多选 (lengths ``keys``, two or more) all longer than every
    lure, or all shorter, with two lures or more shown, or one when the keys share one length
    (保居民就业, 保基本民生, 保基层运转 among 保稳定, 保供稳价: blind11 GB #11, GF #11, GN #13)?
    The keys are then picked by their look, however small the margin."""
    if len(keys) < 2 or len(lures) < 2 - (len(set(keys)) == 1):
        return False
    return max(lures) < min(keys) or min(lures) > max(keys)


_NUMERAL_RUN = re.compile(r"[〇零一二三四五六七八九十百]{2,}")


def _numeral_echo(stem: str, a: int, b: int) -> bool:
    """Does a run of two numerals or more in the key [a, b) (二十 of 党的二十大) come back in the
    stem outside the blank (二十届二中、三中全会), so that it spells the answer (F2 class 3d)?"""
    rest = stem[:a] + "|" + stem[b:]
    return any(m.group(0) in rest for m in _NUMERAL_RUN.finditer(stem, a, b))


# a meeting's attendance or procedure line (…也列席会议 / 全会由中央政治局主持 / 递补为中央委员)
_ATTENDANCE_LINE = re.compile(
    # (its alternatives each open on a fixed character, so re skips to where one can start)
    r"出席了?(?:会议|全会|大会)|列席了?(?:会议|全会|大会)|主持了?(?:会议|全会)|召集了?(?:会议|全会)"
    r"|中央政治局主持|书记处主持|递补为"
)


def _attendance_sentence(ctx: Context, s: Sentence) -> bool:
    """Does ``s`` record who attended or chaired (_ATTENDANCE_LINE)? Searched once per sentence
    of a text, not once per key of it (the pattern has no literal to skip ahead by); kept with
    the extraction, as the windows are."""
    found: dict[int, bool] = ctx.ex.memo.setdefault("attendance_sentence", {})
    got = found.get(s.index)
    if got is None:
        got = found[s.index] = _ATTENDANCE_LINE.search(s.text) is not None
    return got


def _past_series_end(
    text: str, stem: str, la: int, lb: int, key_at: int, key_end: int
) -> tuple[str, int, int]:
    """A window that ends right after its key, the last member of a 、-series, while the
    sentence goes on (…、“三个代表”重要思想、（科学发展观）|，全面贯彻习近平新时代…) takes in the
    next clause when the stem stays within WINDOW_CHARS + 12 and that clause does not echo
    the key: what follows may be the member the learner would write there (F2 class 1a)."""
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if end != key_end or end + 1 >= len(text) or text[end] not in "，,":
        return stem, la, lb
    if stem[s_to:] not in ("", "。") or text[key_at - 1 : key_at] not in "、和":
        return stem, la, lb
    starts, ends = _clause_edges(text)
    nxt = bisect_right(starts, end)
    if nxt >= len(starts) or len(stem) + ends[nxt] - end > WINDOW_CHARS + 12:
        return stem, la, lb
    if _bigrams(text[key_at:key_end]) & _bigrams(text[starts[nxt] : ends[nxt]]):
        return stem, la, lb  # (…人才强国战略、创新驱动发展战略 would spell 创新是第一动力)
    if _bare_adverbial(text[starts[nxt] : ends[nxt]].rstrip("，,；;：:")):
        return stem, la, lb  # (…，在全面建成小康社会的基础上。: its verb is in the clause after)
    body = text[start : ends[nxt]]
    body = body[:-1] + "。" if body[-1] in _CLAUSE_END else body
    return stem[:s_from] + body, la, lb


# a preposition frame opening a clause behind a short subject (《决定》围绕A、B…等战略任务，)
_SUBJECT_FRAME = re.compile(r"(?:《[^》]{1,20}》|全会|大会|会议|报告)(?:围绕|就|对于|针对)")
_FRAME_VERB_OPENING = re.compile(r"(?:[一二三四五六七八九十]大)?(?:作出|提出|进行|开展|部署)")


def _with_frame_verb(text: str, stem: str, la: int, lb: int, key_at: int) -> tuple[str, int, int]:
    """A window that ends on the object of a frame opened behind its subject (《决定》围绕…、深化
    （　　）…等战略任务。) while the sentence goes on to the frame's verb (，针对…，提出一系列重大
    改革举措) takes in the verb's clause; clauses of manner between them (针对…，) go, they
    leave the sentence whole (blind16 NA #4, NB #4, NF #2); else the stem stays."""
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if stem[s_to:] not in ("", "。") or end >= len(text) or text[end] not in "，,":
        return stem, la, lb
    if not _SUBJECT_FRAME.match(text, start) or _FRAME_VERB.search(text, start, end):
        return stem, la, lb
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, end)
    while k < len(starts) and text[ends[k] - 1] not in "；;。":
        if not text.startswith(_FRAME_ADVERBIAL, starts[k]):
            break
        k += 1
    if k >= len(starts) or not _FRAME_VERB_OPENING.match(text, starts[k]):
        return stem, la, lb
    verb = text[starts[k] : ends[k]].rstrip("，,；;：:。")
    return stem[:s_to] + "，" + verb + "。", la, lb


def _bare_modifier(text: str, a: int, b: int) -> bool:
    """Is the key [a, b) a short attribute in -化/-性/-式 that runs straight into the noun it
    modifies (再贷款、再贴现、（差别化）存款准备金率), half a term rather than a whole one (F2 class
    3a)?"""
    key = text[a:b]
    if not (2 <= len(key) <= 3 and key[-1] in "化性式" and b < len(text)):
        return False
    if not "\u4e00" <= text[b] <= "\u9fff" or text[b] in "的地得是":
        return False
    # (a series of attributes sharing the ending modifies its noun together: 市场化、法治化、
    # 国际化一流营商环境, 历史性、转折性、全局性变化)
    return not (a > 1 and text[a - 1] == "、" and text[a - 2] == key[-1])


def _source_span(text: str, stem: str, la: int, key_at: int) -> tuple[int, int, int, int]:
    """The stretch of ``stem`` around the key copied verbatim from ``text``: (start and end in
    the text, start and end in the stem). A lead (……) or a closing 。 the window added lies
    outside it."""
    global _last_span
    last_text, last_stem, last_la, last_key_at, span = _last_span
    if last_text is text and last_stem is stem and last_la == la and last_key_at == key_at:
        return span  # (window's steps ask four times, mostly of a stem none of them changed)
    before = _agreeing_before(stem, la, text, key_at)
    after = _agreeing_after(stem, la, text, key_at)
    span = key_at - before, key_at + after, la - before, la + after
    _last_span = text, stem, la, key_at, span  # (one tuple: swapped whole, safe across threads)
    return span


_last_span: tuple[str, str, int, int, tuple[int, int, int, int]] = ("", "", -1, -1, (0, 0, 0, 0))


# (a window is mostly a verbatim copy, so a walk character by character took ~60 steps a call,
# four calls a window: the length of the agreeing run is found by comparing slices instead,
# whole first, then by halving; a run agrees on every shorter length too)
def _agreeing_before(a: str, i: int, b: str, j: int) -> int:
    """How many characters just before a[i] and b[j] agree."""
    lo, hi = 0, max(0, min(i, j))
    if a[i - hi : i] == b[j - hi : j]:
        return hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[i - mid : i] == b[j - mid : j]:
            lo = mid
        else:
            hi = mid
    return lo


def _agreeing_after(a: str, i: int, b: str, j: int) -> int:
    """How many characters from a[i] and b[j] on agree."""
    lo, hi = 0, max(0, min(len(a) - i, len(b) - j))
    if a[i : i + hi] == b[j : j + hi]:
        return hi
    hi -= 1  # (the usual miss is by one: a closing 。 the window added)
    if a[i : i + hi] == b[j : j + hi]:
        return hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[i : i + mid] == b[j : j + mid]:
            lo = mid
        else:
            hi = mid
    return lo


# the verb that closes a 把/将 frame when it opens a later clause (把吸收…的先进分子入党，|作为一项
# 经常性重要工作 / 把发展党员工作列入重要议事日程，|纳入党建工作责任制)
_FRAME_CLOSERS = ("作为", "纳入", "列入", "交", "存入", "融入", "贯穿", "转化为", "放在", "摆在")
# a coverb opening a 把/将 frame (not 将 of the future: 将要, 将会, 即将)
_FRAME_COVERB = re.compile(r"(?<![即必])(?:把|将)(?![要会来近])")


def _with_governing_frame(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A window that keeps what governs its clauses (rounds F1–F2 class 1): a clause it shows
    that closes a 把/将 frame (…，作为一项经常性重要工作 / 纳入…) keeps the clause where the
    frame and its subject open, and a window ending on a list closed by 等 keeps the clause
    with the list's predicate (将其…、转正申请书等，|交党委存入…). Widened while the stem stays
    within WINDOW_CHARS + 12, else no question ("")."""
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    limit = WINDOW_CHARS + 12
    starts, ends = _clause_edges(text)
    if s_from == 0 and start > 0:
        opened = -1
        for x in starts:
            if start <= x < end and text.startswith(_FRAME_CLOSERS, x):
                item = max(text.rfind(c, 0, x) for c in "；;：:。") + 1
                coverb = [m.start() for m in _FRAME_COVERB.finditer(text, item, x)]
                if coverb and coverb[-1] < start:
                    opened = coverb[-1]
                    break
        if opened >= 0:
            new_start = max(x for x in starts if x <= opened)
            if len(stem) + start - new_start > limit:
                return "", 0, 0
            lead = text[new_start:start]
            stem, la, lb = lead + stem, la + len(lead), lb + len(lead)
            start = new_start
    tail = stem[s_to:]
    cut_at_end = end + 1 < len(text) and tail in ("", "。") and text[end] in _CLAUSE_END
    if cut_at_end and text[end - 1] == "等":
        nxt = bisect_right(starts, end)
        if nxt >= len(starts):
            return stem, la, lb
        new_end = ends[nxt]
        if len(stem) + new_end - end > limit:
            return "", 0, 0
        body = text[start:new_end]
        body = body[:-1] + "。" if body[-1] in _CLAUSE_END else body
        stem = stem[:s_from] + body
    return stem, la, lb


# an article number opening a clause of a regulation (第三条　发展党员工作坚持…): a label of
# the document, not part of the statement (round F2 class 6)
_ARTICLE_LABEL = re.compile(r"^第[〇零一二三四五六七八九十百千0-9]+条[ \u3000]*")
# a space a layout left between two CJK characters or marks (持续缩小 “三大差距”)
_STRAY_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff“”‘’，、。；：（）《》])[ \u3000]+(?=[\u4e00-\u9fff“”‘’（《])"
)


def article_label_len(text: str) -> int:
    """The length of a leading 第N条 label and the space after it (0 when there is none)."""
    m = _ARTICLE_LABEL.match(text)
    return m.end() if m and m.end() < len(text) else 0


_LEAD_DASHES = "—―－─-"


_QUOTE_PAIRS = (("“", "”"), ("‘", "’"))


# the conjunctions opening a predicate in parallel with the one before (…问题，并根据…作出…)
_AND_OPENINGS = ("并且", "而且", "并")
# words that open on 并 and join nothing (并列, 并存, 并重)
_AND_WORDS = tuple("并列 并存 并行 并重 并肩 并非 并入 并购 并举 并不 并没".split())


def _balanced_quotes(stem: str, la: int, lb: int) -> tuple[str, int, int]:
    """A stem whose quotation marks pair: a window opening inside a quotation leaves a stray
    closing mark, dropped when only the stem's end follows it (…以实际成效取信于民。” →
    …取信于民。), else matched by an opening mark at the start; a window ending inside one
    leaves an opening mark unclosed, dropped when it opens the stem (“严明党的纪律，…), else
    closed at the stem's end (…指出：“党要管党、（　　），靠什么管，凭什么治？”), so that a note
    after the stem (（不分先后）) stands outside the quotation (blind16 NA #27, #28, #32, NC #22,
    #29, ND #40, NE #35, #38, NF #36). Marks inside the key are left as they are."""
    for opening, closing in _QUOTE_PAIRS:
        if closing not in stem and opening not in stem:
            continue
        stack: list[int] = []
        stray = []
        for i, c in enumerate(stem):
            if c == opening:
                stack.append(i)
            elif c == closing:
                if stack:
                    stack.pop()
                else:
                    stray.append(i)
        unclosed = stack
        drop: list[int] = []
        add_front = add_end = 0
        for i in stray:
            if la <= i < lb:
                continue
            if not stem[i + 1 :].strip("。！？!?…；;，,"):
                drop.append(i)
            else:
                add_front += 1
        for i in unclosed:
            if la <= i < lb:
                continue
            if i == 0 and not drop:
                drop.append(i)
            else:
                add_end += 1
        for i in sorted(drop, reverse=True):
            stem = stem[:i] + stem[i + 1 :]
            if i < la:
                la, lb = la - 1, lb - 1
        if add_front:
            stem, la, lb = opening * add_front + stem, la + add_front, lb + add_front
        stem += closing * add_end
    return stem, la, lb


def _tidy_stem(stem: str, la: int, lb: int) -> tuple[str, int, int]:
    """A stem without a leading article label and without stray spaces between CJK characters
    outside the key (rounds F1–F2: the teacher strips both)."""
    cut = article_label_len(stem)
    if 0 < cut <= la:
        stem, la, lb = stem[cut:], la - cut, lb - cut
    cut = len(stem) - len(stem.lstrip(_LEAD_DASHES))
    if 0 < cut <= la:  # ――中国坚持…: a list's bullet dash, no part of the sentence (blind15 LD #45)
        stem, la, lb = stem[cut:], la - cut, lb - cut
    if " " not in stem and "\u3000" not in stem:
        return stem, la, lb
    spaces = [m.span() for m in _STRAY_SPACE.finditer(stem) if m.end() <= la or m.start() >= lb]
    for x, y in reversed(spaces):
        stem = stem[:x] + stem[y:]
        if y <= la:
            la, lb = la - (y - x), lb - (y - x)
    return stem, la, lb


# the purpose-and-basis article of a regulation (为了规范…，根据《…》，制定本细则。)
_PURPOSE_CLAUSE = re.compile(
    r"^(?:第[〇零一二三四五六七八九十百千0-9]+条[ \u3000]*)?为(?:了)?[^。]*?制定本"
    r"(?:条例|细则|规定|办法|准则|规则|法|决定|意见|制度|章程|纲要)"
)


def _purpose_clause(text: str) -> bool:
    """Is ``text`` a regulation's purpose clause (为了…制定本细则), true by its sound?"""
    return _PURPOSE_CLAUSE.match(text.lstrip(_LAYOUT_LEAD)) is not None


def _plain_window(ctx: Context, s: Sentence, a: int, b: int) -> tuple[str, int, int]:
    """The clauses of ``s`` around [a, b) (offsets in the text): (stem text, local a, local b).

    Whole sentence when short; otherwise clauses are added around the key while the stem stays
    under WINDOW_CHARS; clauses holding a placeholder are never included. A layout dash or
    bullet opening the sentence (——中国式现代化是…) is not part of the statement.
    """
    stem, la, lb = _window(ctx, s, a, b)
    if (a - s.start) - la > 0 and "等等" in stem[:la]:
        return "", 0, 0  # …体制，等等，这些重要意见: the list it closes is cut off
    if stem:
        before = stem
        stem, la, lb = _with_list_lead(s.text, stem, la, lb, a - s.start)
        if stem is before:
            stem, la, lb = _with_item_lead(s.text, stem, la, lb, a - s.start)
    if stem and "；" in s.text and not _DATED.search(stem):
        stem, la, lb = _with_goal_year(ctx, s, stem, la, lb, a - s.start)
    lead = len(stem) - len(stem.lstrip(_LAYOUT_LEAD))
    head = stem[lead:].split("，", 1)[0]
    if head in _CONNECTIVES or _DISCOURSE_ORDINAL.fullmatch(head):
        # 另一方面，… / 第三，…: a link to the sentence before, not the statement (FT3 #5)
        lead += len(head) + 1
    if stem and 0 < lead <= la:
        return stem[lead:], la - lead, lb - lead
    return stem, la, lb


def _with_list_lead(text: str, stem: str, la: int, lb: int, key_at: int) -> tuple[str, int, int]:
    """A stem cut from a ；-list after a colon (主要目标任务是：…；（　　）更加健全；…) starts at
    its item and keeps the clause that leads the list, so the goals do not read as records
    (reviews 10b, 11b)."""
    if "：" not in text:
        return stem, la, lb  # (most sentences: no colon to look back for)
    start = key_at - la  # where the stem starts in the sentence
    colon = text.rfind("：", 0, key_at)
    if colon < 0 or start <= colon or "；" not in text[colon:key_at]:
        return stem, la, lb
    item = text.rfind("；", 0, key_at) + 1
    lead_from = max(text.rfind(c, 0, colon) for c in "，；。") + 1
    if colon - lead_from < 6 and lead_from > 0:  # 主要是：: say whose list it is
        lead_from = max(text.rfind(c, 0, lead_from - 1) for c in "，；。") + 1
    lead = text[lead_from : colon + 1] + "……"
    when = _TIME_LEAD.match(text[:lead_from]) or _TIME_PHRASE.match(text[:lead_from])
    if lead_from > 0 and when:  # 到二〇三五年，……我国发展的总体目标是：: whose goals, when
        said = when.group(0) if when.group(0).endswith(("，", ",")) else when.group(0) + "，"
        lead = said + ("……" if when.end() < lead_from else "") + lead
    if start > item:
        stem, la, lb = _from_item_start(text, stem, la, lb, start, item)
    return lead + stem, la + len(lead), lb + len(lead)


# how an item of a ；-series without a lead of its own opens (…的需要；是推进…的需要 /
# …的模范；要做…的模范): its subject is in the sentence's first item
_LEADLESS = ("主要是", "也是", "还要", "更要", "就是", "都是", "是", "要")
# a short topic clause opening a sentence (开展主题教育，…，努力在A、B、C、D方面取得成效): a
# stem from a later clause that opens on one of these has no subject of its own
_TOPIC_CLAUSE = re.compile(r"^[\u4e00-\u9fff“”]{4,10}[，,]")
_TOPICLESS = ("努力", "使", "要", "是")
_SUBJECT_CLAUSE = re.compile(r"^[\u4e00-\u9fff“”《》]{4,24}[，,]")


def _with_item_lead(text: str, stem: str, la: int, lb: int, key_at: int) -> tuple[str, int, int]:
    """A stem cut from a later ；-item that has no lead of its own (全会认为，总结…历史经验，是…的
    需要；|是推进…的需要) keeps the clauses of the first item before its own parallel opening
    (or the sentence's first clause) plus ……, as :func:`_with_list_lead` does after a colon
    (transfer rounds T1–T2); a lead over 40 characters is not shown. When no ； comes before
    the key, the stem keeps the sentence's topic clause (:func:`_with_topic`) or else its era
    clause (:func:`_with_era_lead`)."""
    start = key_at - la
    item = max(text.rfind("；", 0, key_at), text.rfind(";", 0, key_at)) + 1
    if item <= 0:
        topic = _with_topic(text, stem, la, lb, start)
        if topic[0] is not stem:
            return topic
        return _with_era_lead(text, stem, la, lb, start)
    if start < item:
        return stem, la, lb
    opening = next((w for w in _LEADLESS if text.startswith(w, item)), "")
    if not opening:
        return stem, la, lb
    first_item = text[: text.find("；") if "；" in text else len(text)]
    clauses = _clauses(first_item)
    cut = next(
        (x for x, _ in clauses[1:] if first_item.startswith(opening, x)),
        None,
    )
    sep = "，……"
    if cut is None:  # no parallel opening: the sentence's first clause (two when it is short)
        cut = clauses[0][1]
        if cut < 7 and len(clauses) > 1:
            cut = clauses[1][1]
        said = first_item.find(opening, 2, cut)
        if said > 0 and opening in ("要", "是"):  # 各级领导干部要深入…；要转换角色: its subject
            cut, sep = said, "……"
    lead = first_item[:cut]
    if len(lead) > 40:
        return stem, la, lb
    lead = lead.rstrip("，,") + sep
    if start > item:
        stem, la, lb = _from_item_start(text, stem, la, lb, start, item)
    return lead + stem, la + len(lead), lb + len(lead)


# an era clause opening a sentence of a chronicle (新民主主义革命时期，共青团…，…，团结带领…)
_ERA_LEAD = re.compile(
    r"^(?![从自]?[那这此其])(?:[\u4e00-\u9fff]{2,16}(?:时期|时代|阶段)|[\u4e00-\u9fff]{2,10}以来)[，,]"
)


def _with_era_lead(text: str, stem: str, la: int, lb: int, start: int) -> tuple[str, int, int]:
    """A stem from a later clause of a sentence without ；that opens on an era clause and its
    subject (新民主主义革命时期，共青团广泛传播…，…，|团结带领…) keeps both in front with ……
    (新民主主义革命时期，共青团……团结带领…): the clauses after them share that subject and
    that period (transfer round T3). A count of years back is such a clause as well (——40年来，
    深圳坚持…，…，|实现了…; 过去的一年，…，|“十二五”规划圆满收官: blind13 JB #32, blind15
    LC #17). The subject is a body named after its leaders, a phrase ending on an agent, or a
    word a verb follows (深圳|坚持…), never a coverb (今年以来，面对…). A lead over 40
    characters is not shown."""
    dash = len(text) - len(text.lstrip(_LAYOUT_LEAD))  # (——40年来，…)
    m = _ERA_LEAD.match(text[dash:]) or _YEARS_LEAD.match(text[dash:])
    if m is None or start <= dash + m.end() or "；" in text or ";" in text:
        return stem, la, lb
    at = dash + m.end()
    subject = _era_subject(text[at : at + 24])
    size = len(subject)
    if not subject:
        size = word_end_at(text, at, 5) - at
        verb = text[at + size : word_end_at(text, at + size, 4)]
        subject = text[at : at + size] if size >= 2 and verb in _VERB_OPENINGS else ""
    if subject.startswith(_NO_SUBJECT + _COVERBS) or text[at + size : at + size + 1] in "，、,":
        subject = ""
    if subject:
        said = text.find("，", at) + 1
        if start < said or stem.startswith(subject):
            return stem, la, lb  # the window shows the subject's own clause
    if stem.startswith(_PRONOUN_SUBJECTS + _SUBORDINATORS) or "“" in stem[:1]:
        return stem, la, lb
    era = m.group(0)[:-1] + "，"
    if _DEICTIC_ERA.match(era):
        era = ""  # (在这个时期 points to a paragraph the stem does not show: RA #28, RF #37)
    led = _standing_led_body(text, at, start)
    if led:
        # 在这个时期，毛泽东同志提出…，以毛泽东同志为主要代表的中国共产党人，…提出…，包括…，|
        # 尊重价值规律…: the list is theirs, not the first clause's 毛泽东同志's (RD #37)
        subject = led
    lead = era + subject + "……"
    if not subject and not era:
        return stem, la, lb
    if len(lead) > 40:
        return stem, la, lb
    return lead + stem, la + len(lead), lb + len(lead)


_DEICTIC_ERA = re.compile(r"^在?[这那此][个一]?(?:时期|时代|阶段)")


def _standing_led_body(text: str, at: int, start: int) -> str:
    """The last clause standing alone between ``at`` and the stem's ``start`` that names a body
    after its leaders (，以毛泽东同志为主要代表的中国共产党人，), or "": the subject of the
    clauses after it, whoever the era's first clause names."""
    found = ""
    for m in _LED_BODY.finditer(text, at, start):
        if text[m.start() - 1 : m.start()] in "，," and text[m.end() : m.end() + 1] in "，,":
            found = m.group(0)
    return found


# coverbs a clause opens on after its era (今年以来，面对…，|…): no subject
_COVERBS = ("面对", "随着", "按照", "根据", "通过", "围绕", "针对", "对于", "为了")
# the leaders a body is named after (以习近平同志为核心的党中央)
_LED_BODY = re.compile(
    r"以[\u4e00-\u9fff]{2,8}同志为(?:主要|核心)?(?:代表|核心)的(?:中国共产党人|党中央)"
)


def _era_subject(rest: str) -> str:
    """The subject opening ``rest``, the clause after an era (党的十八大以来，|以习近平同志为
    核心的党中央把…; 特别是进入新时代以来，|我国工人阶级和广大劳动群众在…): a body named
    after its leaders, else the longest phrase within 16 characters that ends on an agent head
    at a word's end, with no verb or coverb in it; else ""."""
    m = _LED_BODY.match(rest)
    if m is not None:
        return m.group(0)
    ends = word_ends(rest[:20])
    best = 0
    for head in _AGENT_HEADS:
        at = rest.find(head, 0, 16 - len(head) + 1)
        end = at + len(head)
        if at < 0 or end not in ends or rest[end : end + 1] in ("", *"的之和与及、，,是"):
            continue
        phrase = rest[:end]
        if _han(phrase) < len(phrase) or _NOT_A_SUBJECT.search(phrase):
            continue
        if phrase.startswith(_NO_SUBJECT + _COVERBS) or any(v in phrase for v in _VERB_OPENINGS):
            continue
        best = max(best, end)
    return rest[:best]


def _with_topic(text: str, stem: str, la: int, lb: int, start: int) -> tuple[str, int, int]:
    """A stem from a later clause of a sentence that opens on a short topic clause (开展主题
    教育，……努力在（　　）、（　　）…方面取得成效) keeps that clause (transfer round T2)."""
    m = _TOPIC_CLAUSE.match(text)
    if stem.startswith("是") and not stem.startswith("是否"):
        # X，是Y: the first clause is the subject of the copula, up to 24 characters
        # (中国共产党第二十次全国代表大会，|是在…召开的一次十分重要的大会, round R30 #29)
        m = _SUBJECT_CLAUSE.match(text) or m
    if start <= 0 or m is None or start < m.end() or not stem.startswith(_TOPICLESS):
        return stem, la, lb
    if "是" in m.group(0) or "认为" in m.group(0) or "强调" in m.group(0):
        return stem, la, lb
    lead = m.group(0)[:-1] + "，" + ("……" if start > m.end() else "")
    return lead + stem, la + len(lead), lb + len(lead)


def _from_item_start(
    text: str, stem: str, la: int, lb: int, start: int, item: int
) -> tuple[str, int, int]:
    """A stem that opened at ``start`` of ``text``, moved to start where its ；-item does."""
    if item < start:  # opened inside the item: show the item from its start
        return text[item:start] + stem, la + start - item, lb + start - item
    cut = item - start  # opened on the tail of the item before: drop it
    return stem[cut:], la - cut, lb - cut


def _with_goal_year(
    ctx: Context, s: Sentence, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A stem cut from a ；-list in a paragraph that opens on a time (到2020年，… / 十年前，…)
    starts at its item and keeps that time, so goals do not read as records nor past problems
    as present ones (reviews 9, 12, 13)."""
    k = s.index
    while k > 0 and ctx.sentence(k - 1).paragraph == s.paragraph:
        k -= 1
    year = _GOAL_YEAR.match(ctx.sentence(k).text) if k < s.index else None
    if not year:
        return stem, la, lb
    start = key_at - la
    item = s.text.rfind("；", 0, key_at) + 1
    if (0 < item < start) or (0 < start < item):
        stem, la, lb = _from_item_start(s.text, stem, la, lb, start, item)
    lead = year.group(0) + "……"
    return lead + stem, la + len(lead), lb + len(lead)


# a span of years back from now (五年来 / 十年前 / 近五年 / 过去十年间), shared by the two
# time patterns below (review 23b)
# (五年来 / 40年来 / 过去的一年: a count of years in figures or numerals)
_NUMERAL_YEARS = "(?:[一二三四五六七八九十百]{1,3}|[0-9０-９]{1,3})年"
_YEARS_BACK = rf"(?:近|过去|这)?{_NUMERAL_YEARS}(?:来|前|间)|(?:近|过去的?|这){_NUMERAL_YEARS}"
# a count of years back opening a sentence (五年来，/ 40年来，/ 过去的一年，)
_YEARS_LEAD = re.compile(rf"^(?:{_YEARS_BACK}|一年来|过去的一年)[，,]")
_GOAL_YEAR = re.compile(rf"^(?:到[0-9０-９〇零一二三四五六七八九十]{{2,4}}年|{_YEARS_BACK})[，,]")
_CORRELATIVES = ("既", "一方面", "不是", "只有", "只要", "不仅")
# a clause that dates what follows: 1922年春天，/ 到二〇三五年，/ 在大革命时期，/ 2014年10月23日，
# / 去年5月，
_TIME_LEAD = re.compile(
    r"^(?:(?:到|在|从|至)?[0-9０-９〇零一二三四五六七八九十]{2,4}年|(?:未来|今后)[一二三四五六七八九十]{1,2}年"
    rf"|{_YEARS_BACK}|去年|今年)"
    r"(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?[\u4e00-\u9fff]{0,12}?[，,]"
)
# the time a longer opening clause dates its sentence by (未来五年是…的关键时期，)
_TIME_PHRASE = re.compile(r"^(?:未来|今后)[一二三四五六七八九十]{1,2}年")
_QUOTE_OPEN = re.compile("[“‘「]")
_CLAUSE_SPLIT = re.compile(f"[{_CLAUSE_END}]")


@lru_cache(maxsize=4096)
def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    """The clauses of a sentence as (start, end) offsets, never cut inside quotation marks."""
    if not _QUOTE_OPEN.search(text):
        # (most sentences: no quotes, the clause ends found by a regex, not char by char)
        inner = [m.end() for m in _CLAUSE_SPLIT.finditer(text, 0, len(text) - 1)]
        bounds = [0, *inner, len(text)]
        return tuple(zip(bounds[:-1], bounds[1:], strict=True))
    bounds = [0]
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“‘「":
            depth += 1
        elif ch in "”’」":
            depth = max(0, depth - 1)
        elif ch in _CLAUSE_END and depth == 0 and 0 < i + 1 < len(text):
            bounds.append(i + 1)
    bounds.append(len(text))
    return tuple(zip(bounds[:-1], bounds[1:], strict=True))


@lru_cache(maxsize=4096)
def _clause_edges(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The starts and the ends of :func:`_clauses` (which tile the sentence, in order)."""
    clauses = _clauses(text)
    return tuple(x for x, _ in clauses), tuple(y for _, y in clauses)


def _local_tainted(ctx: Context, s: Sentence) -> list[tuple[int, int]]:
    """The placeholder clauses of ``s`` in its own offsets (found once per sentence: a
    sentence's keys each cut a window from it, and the search runs over the whole text's)."""
    found: dict[int, list[tuple[int, int]]] = ctx.indexes.setdefault("_local_tainted", {})
    local = found.get(s.index)
    if local is None:
        local = found[s.index] = [
            (x - s.start, y - s.start) for x, y in ctx.ex.doc.sentence_tainted(s)
        ]
    return local


def _window(ctx: Context, s: Sentence, a: int, b: int) -> tuple[str, int, int]:
    text = s.text
    la, lb = a - s.start, b - s.start
    tainted = _local_tainted(ctx, s)
    clauses = _clauses(text)
    # the clauses holding the key's first and last characters, by bisection (not a scan)
    starts, ends = _clause_edges(text)
    first = bisect_right(starts, la) - 1
    last = bisect_left(ends, lb)
    if not tainted and len(text) <= WINDOW_CHARS + 12:
        rare = _rare_chars(ctx)
        lo, hi = _without_cues(text, clauses, la, lb, first, last, 0, len(clauses) - 1, rare)
        if lo < 0:
            return "", 0, 0
        if (lo, hi) == (0, len(clauses) - 1):
            return text, la, lb  # a short sentence is shown whole
        return _with_subject(text, clauses, 0, lo, _clause_span(text, clauses, lo, hi, la, lb))

    def bad(i: int) -> bool:
        if not tainted:
            return False
        x, y = clauses[i]
        return any(p < y and q > x for p, q in tainted)

    if any(bad(i) for i in range(first, last + 1)):
        return "", 0, 0
    if len(text) <= WINDOW_CHARS + 12 and not tainted:
        return text, la, lb
    lo, hi = first, last
    # a ；-item is a hard edge: the window never opens inside the item before the key's nor
    # runs into the one after it (…的需要；|是推进…: transfer rounds T1–T2)
    item_starts, item_ends = _semicolon_items(text)
    item_lo, item_hi = item_starts[first], item_ends[last]
    # 五年来，|…，全力推进（　　）进程，…: a lead that dates the sentence goes in before one
    # more clause on the right (review 23b)
    lead = first > 0 and not bad(0) and _TIME_LEAD.match(text[: clauses[0][1]]) is not None
    while True:
        grown = False
        if lead and lo == 1 and clauses[hi][1] <= WINDOW_CHARS:
            lo = 0
            grown = True
        if hi + 1 <= item_hi and not bad(hi + 1):
            if clauses[hi + 1][1] - clauses[lo][0] <= WINDOW_CHARS:
                hi += 1
                grown = True
        if lo - 1 >= item_lo and not bad(lo - 1):
            if clauses[hi][1] - clauses[lo - 1][0] <= WINDOW_CHARS:
                lo -= 1
                grown = True
        if not grown:
            break
    if text[clauses[hi][1] - 1] in "：:" and hi + 1 < len(clauses) and not bad(hi + 1):
        hi += 1  # never end on a colon: what follows it is the point
    for _ in range(2):
        # 是实现…的必然要求: a clause that leans on the one before needs its subject
        if lo > item_lo and not bad(lo - 1) and text.startswith(_LEANING, clauses[lo][0]):
            if (
                text.startswith(_AND_OPENINGS, clauses[lo][0])
                and clauses[hi][1] - clauses[lo - 1][0] > WINDOW_CHARS + 12
            ):
                # (涵盖…等基本问题，|并根据新的实践对…作出新的理论概括: a predicate in
                # parallel says nothing of the key, and the two pass 170 characters, ND #51)
                break
            lo -= 1
    hi = _before_open_frame(text, clauses, lo, hi, last)
    if hi < 0:
        return "", 0, 0  # 分别就（　　），…作出决定: the frame's verb is out of reach
    hi = _past_bare_adverbial(text, clauses, lo, hi, last, bad)
    if hi < 0:
        return "", 0, 0  # …，以（　　）的奋斗姿态。: the verb of the adverbial is out of reach
    lo, hi = _inside_theme_frame(text, clauses, lo, hi, first, last, item_lo, grow=True)
    if lo < 0:
        return "", 0, 0  # 以强化…，…，勇于（　　），…为主题: the frame's 以 is out of reach
    if text.startswith(_SUBORDINATORS + _CORRELATIVES, clauses[hi][0]) and hi + 1 < len(clauses):
        if not bad(hi + 1):
            # 即使在“（　　）”那样艰难的时刻，|他…: a concession needs its main clause, and
            # 既不走封闭僵化的老路，|也不走…: one half of a correlative its other half
            hi += 1
    cut_from = lo
    lo, hi = _without_cues(text, clauses, la, lb, first, last, lo, hi, _rare_chars(ctx))
    if lo < 0:
        return "", 0, 0
    lo, hi = _inside_theme_frame(text, clauses, lo, hi, first, last, item_lo, grow=False)
    if lo < 0:
        return "", 0, 0
    shown = hi
    hi = _with_main_clause(text, clauses, lo, hi, bad)
    if hi < 0:
        return "", 0, 0  # 只有把…相结合，…: the 才能 it leads to is out of reach
    conditions = [
        i for i in range(lo, last + 1) if text.startswith(("只有", "只要"), clauses[i][0])
    ]
    if conditions and hi > shown + 1 and clauses[hi][1] - clauses[lo][0] > _LONG_STEM:
        # 只要…，不断增强（　　）、…，不断让…日益充实起来，不断让…日益坚实起来，我们就…: the
        # clauses between the key's and the main clause go behind …… (128 characters); a
        # condition after the key's clause keeps them (当前，我国将进入（　　），…，只要…，就…)
        keep = max(last, shown - 1) if shown > last else last
        if keep < hi - 1:
            x = clauses[lo][0]
            head = text[x : clauses[keep][1] - 1] + "，……"
            stem = head + text[clauses[hi][0] : clauses[hi][1]]
            if stem[-1] in _CLAUSE_END:
                stem = stem[:-1] + "。"
            return stem, la - x, lb - x
    if lo == 1 and not bad(0) and _TIME_LEAD.match(text[: clauses[0][1]]):
        lo = 0  # 1922年春天，|刘少奇同志…参与领导闻名全国的（　　）: the date pins the event
    while text[clauses[hi][1] - 2 : clauses[hi][1] - 1] == "的" and hi + 1 < len(clauses):
        if bad(hi + 1):
            return "", 0, 0
        hi += 1  # …面向未来的，|民族的科学的大众的社会主义文化: never end on a dangling 的
    while hi > last and hi > lo and text[clauses[hi][0] : clauses[hi][1] - 1] in _CONNECTIVES:
        hi -= 1  # …，而且其严厉程度也是空前的，因此。: a connective leads into what was cut
    if hi > last and hi > lo and text[clauses[hi][1] - 1] in "：:":
        if _SPEECH_END.search(text, clauses[hi][0], clauses[hi][1] - 1):
            hi -= 1  # …及其危害，严肃地指出：|“…”: the saying was cut, its verb says nothing
    return _with_subject(text, clauses, cut_from, lo, _clause_span(text, clauses, lo, hi, la, lb))


@lru_cache(maxsize=4096)
def _semicolon_items(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """For each of the :func:`_clauses` of a sentence, the first and the last clause of the
    ；-item that holds it (found once per sentence, not by a walk per key)."""
    clauses = _clauses(text)
    closes = [text[y - 1] in "；;" for _, y in clauses]
    starts, at = [], 0
    for i, closing in enumerate(closes):
        starts.append(at)
        if closing:
            at = i + 1
    ends, at = [0] * len(closes), len(closes) - 1
    for i in range(len(closes) - 1, -1, -1):
        if closes[i]:
            at = i
        ends[i] = at
    return tuple(starts), tuple(ends)


# a clause that opens a preposition frame (分别就A，B，C等重大问题作出决定): its object runs on
# until the frame's verb closes it (round 25b)
_FRAME_OPEN = re.compile(r"(?:分别就|围绕|关于|就(?![是要能会在把将可])|对(?![于此待照标表]))")
_FRAME_VERB = re.compile(r"作出|进行|提出|开展")


# a sentence's or ；-item's end (compiled here: a pattern built on first use costs its compile
# inside the first text that reaches it)
_ITEM_STOP = re.compile(r"[。；;]")


def _before_open_frame(
    text: str, clauses: tuple[tuple[int, int], ...], lo: int, hi: int, last: int
) -> int:
    """The last clause of a window lo…hi that ends no preposition frame open (…召开七次全会，
    |分别就宪法修改，深化党和国家机构改革…等重大问题作出决定): the window ends before the
    clause that opens it, or -1 (no question) when the key lies inside the frame."""
    for i in range(lo, hi + 1):
        x, y = clauses[i]
        if not _FRAME_OPEN.match(text, x) or "、" in text[x : x + 3]:
            continue
        end = clauses[hi][1]
        if _FRAME_VERB.search(text, x, end):
            continue
        stop = _ITEM_STOP.search(text[end:])
        rest = text[end : end + stop.start()] if stop else text[end:]
        if not _FRAME_VERB.search(rest):
            continue
        if i > last:
            return i - 1
        return -1
    return hi


# a clause of manner or means (以…的奋斗姿态，/ 通过…的方式，) whose verb comes in a later clause
# (以新担当新作为: 作为 a noun at its end; 以…作为标准 is a verb's frame)
_BARE_ADVERBIAL = re.compile(
    r"(?:以|通过|按照|本着|围绕|凭借|依靠)(?![为])[^，；。为]*?(?:新作为)?"
)
_ADVERBIAL_HEADS = (
    "姿态", "状态", "精神", "作风", "态度", "方式", "方法", "办法", "手段", "途径", "原则",
    "标准", "决心", "勇气", "毅力", "面貌", "风貌", "干劲", "劲头", "气概", "力度", "举措",
    "措施", "形式", "思路", "要求", "部署", "安排", "执着", "坚毅", "胸襟", "境界", "韧劲", "定力",
    "情怀", "担当", "魄力", "锐气", "智慧", "新作为",
)  # fmt: skip


# a clause of circumstance with no verb (在全面建成小康社会的基础上，|分两步走…), its subject
# before it at most (近年来，我们在群众路线教育、…和党史学习教育中，|都坚持把…; 习近平总书记在
# 党的十八届四中全会第二次全体会议上，|深刻剖析了…)
_BARE_CIRCUMSTANCE = re.compile(
    r"(?:我们|他们|全党|[\u4e00-\u9fff]{1,6}(?:书记|同志|主席|总理))?(?:都|也|还|曾|先后)?"
    r"在[^，；。]{2,30}(?:基础上|前提下|条件下|过程中|进程中|背景下|情况下|同时|中|上)"
)


def _bare_adverbial(body: str) -> bool:
    """Is a clause an adverbial with no verb, which the next clause's verb completes?"""
    if _BARE_CIRCUMSTANCE.fullmatch(body):
        return True
    return _BARE_ADVERBIAL.fullmatch(body) is not None and body.endswith(_ADVERBIAL_HEADS)


def _past_bare_adverbial(
    text: str,
    clauses: tuple[tuple[int, int], ...],
    lo: int,
    hi: int,
    last: int,
    bad: Callable[[int], bool],
) -> int:
    """The last clause of a window that does not end on an adverbial of manner or means with
    no verb (…作为奋斗目标，|以永不懈怠的精神状态和一往无前的奋斗姿态，|继续朝着…前进) nor on a
    circumstance (近年来，我们在…和党史学习教育中，|都坚持把…): the next clause completes it when
    the stem stays within WINDOW_CHARS + 12, else the window ends before it (X3 class 3); -1
    when the key lies in the adverbial and its verb is out of reach."""
    if hi + 1 >= len(clauses):
        return hi  # the sentence's own end: nothing cut
    x, y = clauses[hi]
    body = text[x:y].rstrip("，,、；;：:")
    if not _bare_adverbial(body):
        return hi
    # (as far as a subject's clause may stretch it: 近年来，我们在…中，都坚持把…作为生动教材和
    # 鲜活载体 is 67 characters)
    if not bad(hi + 1) and clauses[hi + 1][1] - clauses[lo][0] <= WINDOW_CHARS + 12:
        return hi + 1
    circumstance = _BARE_CIRCUMSTANCE.fullmatch(body) is not None
    if hi > last and hi > lo:
        h = hi - 1
        while h > last and h > lo and _bare_adverbial(_clause_body(text, clauses[h])):
            h -= 1  # (…以…的胸襟和（　　）的勇气，以…的坚毅，|不断研究…: both lack the verb)
        held = _clause_body(text, clauses[h])
        held = held[article_label_len(held) :]  # (第十三条　对经过…)
        if _bare_adverbial(held):
            return -1
        if circumstance and held.startswith(_FRAME_OPENERS):
            return hi  # (对经过…的入党积极分子，|在听取…的基础上，: the 对-frame lacks it too)
        return h
    return hi if circumstance else -1


def _clause_body(text: str, clause: tuple[int, int]) -> str:
    """A clause's words without the mark that closes it."""
    return text[clause[0] : clause[1]].rstrip("，,、；;：:。")


# a coverb opening a clause whose verb comes in a later one (对经过…的入党积极分子，)
_FRAME_OPENERS = ("对", "把", "将", "经过", "在", "通过", "为", "以", "围绕", "按照", "根据")


# the close of a 以…为主题 frame (以强化创新理论武装，…，以…落到实处为主题，)
_THEME_CLOSE = re.compile(r"为(?:主题|重点|目标|统领|契机|主线|抓手|核心|中心|引领|指导)")


def _inside_theme_frame(
    text: str,
    clauses: tuple[tuple[int, int], ...],
    lo: int,
    hi: int,
    first: int,
    last: int,
    item_lo: int,
    grow: bool,
) -> tuple[int, int]:
    """A window that holds the close of a 以…为主题 frame whose 以 opens a clause before it
    (the mirror of :func:`_before_open_frame`, round Y2) starts at that clause when the stem
    still fits (``grow``), else after the close when the key follows it; (-1, -1) when the key
    lies inside the frame."""
    for i in range(lo, hi + 1):
        x, y = clauses[i]
        if not _THEME_CLOSE.search(text, x, y):
            continue
        j = None
        for k in range(i, item_lo - 1, -1):
            if k < i and _THEME_CLOSE.search(text, clauses[k][0], clauses[k][1]):
                break
            if text.startswith("以", clauses[k][0]):
                j = k
        if j is None or j >= lo:
            continue
        end = max(i, last)
        if grow and clauses[hi][1] - clauses[j][0] <= WINDOW_CHARS + 12:
            return j, hi
        if grow and clauses[end][1] - clauses[j][0] <= WINDOW_CHARS + 12:
            return j, end
        if first > i:
            return i + 1, hi
        return -1, -1
    return lo, hi


# a person's clause that a cue cut drops (刘少奇同志是…全国人大常委会委员长，|用很大精力…)
_PERSON_SUBJECT = re.compile(r"(他|她|[\u4e00-\u9fff]{2,6}同志)(?:曾|也|还)?是")


def _with_subject(
    text: str,
    clauses: tuple[tuple[int, int], ...],
    cut_from: int,
    lo: int,
    span: tuple[str, int, int],
) -> tuple[str, int, int]:
    """A window whose cue cut dropped the one clause naming its person (clause ``cut_from``,
    the window now starting at ``lo``) starts with that person (刘少奇同志用很大精力建立健全
    （　　）这个崭新的制度): the statement keeps its subject."""
    stem, la, lb = span
    if not stem or lo != cut_from + 1:
        return span
    m = _PERSON_SUBJECT.match(text, clauses[cut_from][0])
    if m is None or m.end() > clauses[cut_from][1]:
        return span
    subject = m.group(1)
    return subject + stem, la + len(subject), lb + len(subject)


def _rare_chars(ctx: Context) -> Callable[[str], bool]:
    """Does a character occur at most three times in the text (for :func:`_without_cues`'s rare
    echoes)? Found by at most four searches, once per character asked: a text asks about a
    couple of hundred characters, and counting its every character costs more."""
    rare = ctx.indexes.get("_rare_chars")
    if rare is None:
        text = ctx.ex.doc.text
        known: dict[str, bool] = {}

        def rare(c: str) -> bool:
            if c not in known:
                at = -1
                for _ in range(4):
                    at = text.find(c, at + 1)
                    if at < 0:
                        break
                known[c] = at < 0
            return known[c]

        ctx.indexes["_rare_chars"] = rare
    return rare


# a stem length past which the clauses between the key's and a main clause it needs go
_LONG_STEM = WINDOW_CHARS + 40


def _with_main_clause(
    text: str,
    clauses: tuple[tuple[int, int], ...],
    lo: int,
    hi: int,
    bad: Callable[[int], bool],
) -> int:
    """The last clause a window must reach so that a condition it shows (只有…/只要…) keeps
    the clause it leads to (…才能… / …就…), or -1 when that clause is more than three away."""
    for i in range(lo, hi + 1):
        opening = text[clauses[i][0] : clauses[i][0] + 2]
        if opening not in ("只有", "只要"):
            continue
        need = "才" if opening == "只有" else "就"
        if any(need in text[x:y] for x, y in clauses[i + 1 : hi + 1]):
            continue
        for j in range(hi + 1, min(len(clauses), hi + 4)):
            if bad(j):
                return -1
            if need in text[clauses[j][0] : clauses[j][1]]:
                hi = j
                break
        else:
            return -1
    return hi


def _clause_span(
    text: str, clauses: tuple[tuple[int, int], ...], lo: int, hi: int, la: int, lb: int
) -> tuple[str, int, int]:
    """Clauses lo…hi of ``text`` as a stem ending like a sentence, with the key's offsets."""
    x, y = clauses[lo][0], clauses[hi][1]
    stem = text[x:y]
    if stem and stem[-1] in "：:":
        stem = stem[:-1] + "……"
    elif stem and stem[-1] in _CLAUSE_END:
        stem = stem[:-1] + "。"
    elif stem and stem[-1] not in _SENT_END + "”’）)":
        stem += "。"
    return stem, la - x, lb - x


# generic heads that name no particular thing: never a cue of a key that is not a list item,
# even in a clause with a list (以（网格化管理）为抓手、…，实现基层服务和管理精细化: the 管理 of
# the next clause does not spell the key; rounds 15, 20b)
_NEVER_CUES = frozenset({"管理", "服务", "建设", "发展", "工作", "体系"})
_LIST_JOINS = frozenset("、和与及")
# a clause that is only a 以…为… adjunct (…、以现代信息技术为支撑，): the verb it leads to follows
_ADJUNCT_END = re.compile(r"(?:^|、)以[^、，；]+为[\u4e00-\u9fff]{1,3}[，,；;]?$")


def _without_cues(
    text: str,
    clauses: tuple[tuple[int, int], ...],
    la: int,
    lb: int,
    first: int,
    last: int,
    lo: int,
    hi: int,
    rare: Callable[[str], bool] | None = None,
) -> tuple[int, int]:
    """Drop the context clauses that repeat a word of the key, and those beyond them.

    物质文明和（精神文明）一起抓，提升农民精神风貌 / 中国之问、…（时代之问），作出符合…时代要求
    的正确回答: the neighbouring clause spells the key, so the stem stops before it. A standard
    abbreviation of the key (全国人大 for 人民代表大会) is such a word; in the key's own clause
    it leaves no question (-1, -1). A clause after the key that echoes a character of its
    second word which is rare in the text (``rare``: 政治灵魂 … 立根固魂) is one too.
    """
    key = text[la:lb]
    # a word the key's own clauses repeat is the list's pattern (科学决策、民主决策、依法决策),
    # not a cue (the dictionary is asked last, about what is left)
    own = text[clauses[first][0] : la] + "|" + text[lb : clauses[last][1]]
    short = _abbreviation_cues(key)
    # (most keys have no abbreviation, initials or contraction: no generator over an empty set)
    if short and any(w in own for w in short):
        return -1, -1  # 全国人大常委会建立健全（人民代表大会）…: the clause prints the key
    initials = _initial_cues(key)
    if initials and any(w in own for w in initials):
        return -1, -1  # 学习的最大敌人是（自我满足），…，就必须永不自满。: 自[我]满[足]
    if initials:
        short |= initials
    if lo == first and hi == last:
        return lo, hi  # no context clause to drop
    if "、" in key and not short:
        return lo, hi  # a whole list is named by the words its items share with the context
    if couplet_halves(text) and not short:
        return lo, hi  # 江山就是人民，（人民就是江山）: the halves of a saying share its frame
    # in a list, the word that sets the key apart from its siblings is a cue however common
    # (中国之问、…、（时代之问），…时代要求); elsewhere a common word is not
    in_list = "、" in own
    pairs = set(map(add, key, key[1:]))  # (its two-character stretches)
    if text[la - 1 : la] not in _LIST_JOINS and text[lb : lb + 1] not in _LIST_JOINS:
        pairs -= _NEVER_CUES  # (an item of a list is set apart by its head: 轻监管、（弱服务）)
    if not in_list:
        pairs -= GENERIC_WORDS
    freq = word_table()  # (is_word's look-up without its call)
    words = {w for w in pairs if w not in own and freq.get(w)} | short
    contraction = _contraction_cues(key)
    if contraction:
        words |= {w for w in contraction if w not in own}
    # (both echoes are of a key of two words, which most keys are not: asked once here)
    two = _two_words(key)
    echoes = _rare_echoes(key, own, rare) if rare and two else set()
    first_echo = _first_word_echo(key, own) if two else None
    if not words and not echoes and first_echo is None:
        return lo, hi
    # a clause ending on the key's head as the key ends its clause is its parallel (我们有党的
    # 领导的政治优势，|有社会主义的（制度优势）): the head is their pattern, not a cue
    head = key[-2:] if lb >= clauses[last][1] - 1 and key[-2:] in words else ""

    def cued(clause: str) -> bool:
        shown = [
            w for w in words if w in clause and (w in short or _echoed_word(w, clause, freq, key))
        ]
        if head and shown == [head] and clause.rstrip(_CLAUSE_END).endswith(head):
            return False
        return bool(shown)

    new_lo, new_hi = lo, hi
    for i in range(last + 1, hi + 1):
        x, y = clauses[i]
        clause = text[x:y]
        if (
            cued(clause)
            or first_echo is not None
            and first_echo(clause)
            or echoes
            and any(c in clause for c in echoes)
        ):
            new_hi = i - 1
            break
    for i in range(first - 1, lo - 1, -1):
        x, y = clauses[i]
        if cued(text[x:y]):
            new_lo = i + 1
            break
    if (new_lo, new_hi) == (lo, hi):
        return lo, hi
    if new_hi == last < hi and la == clauses[first][0] and lb >= clauses[last][1] - 1:
        # 坚持大抓基层的鲜明导向，（抓党建促乡村振兴），|加强城市社区党建工作…: the key is a whole
        # clause and the cut drops every clause after it, its rivals: a bare lead-in is left
        return -1, -1
    if new_hi < hi and _ADJUNCT_END.search(text[clauses[new_hi][0] : clauses[new_hi][1]]):
        return -1, -1  # …、以现代信息技术为支撑，|实现…: the cut leaves an adjunct without its verb
    if clauses[new_hi][1] - clauses[new_lo][0] - len(key) < 10:
        return -1, -1  # too little would be left to answer from: no question
    if new_lo > lo and new_hi < len(clauses) - 1 and la == clauses[new_lo][0]:
        if _GENERIC_PREDICATE.match(text, lb):
            # …，|（中国特色社会主义法治体系）加快建设，…|法治中国建设…: cut before it, the
            # sentence's end not shown, the blank opens the stem before a predicate any goal
            # takes: no question
            return -1, -1
    if new_lo > lo and la == clauses[new_lo][0] and _STOCK_PREDICATE.match(text, lb):
        # 严厉惩处腐败分子，|（反腐败斗争压倒性态势）已经形成并巩固发展。: the cut left the key
        # before a stock predicate that any trend or system takes, the end shown or not (X2)
        return -1, -1
    return new_lo, new_hi


# a stock judgement on any trend or system (…已经形成并巩固发展, …基本形成, …全面确立)
_STOCK_PREDICATE = re.compile(
    r"(?:已经|已|正在)?(?:基本|初步|全面)?(?:形成|建立|确立|巩固)(?:并?(?:巩固|发展|完善)){0,2}"
    r"[，,；;。！]"
)


# a predicate any goal or system takes (…加快建设, …深入推进, …取得重大进展): after a blank opening
# a stem cut on both sides, it leaves an open slot
# (its pace adverbs and verbs are shared with _CHRONICLE_CLAUSE)
_PACE_ADVERBS = "加快|深入|全面|稳步|扎实|持续|不断|有序|逐步"
_GOAL_VERBS = "建设|推进|形成|完善|健全|开展|实施|建立|落实"
_GENERIC_PREDICATE = re.compile(
    rf"(?:{_PACE_ADVERBS}|基本|初步)?(?:{_GOAL_VERBS})[，,；;。]"
    r"|(?:取得|实现)[^，,；;。]{0,6}[，,；;。]"
)


def _two_words(key: str) -> bool:
    """Is ``key`` four hanzi making two dictionary words (政治|灵魂, 自我|满足, 学习|本领)?"""
    if len(key) != 4 or _han(key) != 4:
        return False
    freq = word_table()
    return bool(freq.get(key[:2])) and bool(freq.get(key[2:]))


def _echoed_word(w: str, clause: str, freq: dict[str, int], key: str = "") -> bool:
    """Does ``clause`` print the two characters ``w`` of ``key`` as a word, and not only across
    the halves of a longer word (four or six characters) that shares nothing else with the key
    (法治 in 依法治国, the cue that pins 法治中国: a cut there left 推进（　　）建设 to 数字中国,
    健康中国 and 美丽中国 as well, PD #8, PE #7, PF #1)? An occurrence opening or closing a
    longer word (精神 of 精神文明) is the word, and so is one inside the key itself or inside a
    word sharing another two characters with it (生产 of 新质生产力, 生活 of 组织生活会)."""
    if key and key in clause:
        return True
    at = clause.find(w)
    while at != -1:
        inside = False
        for size in (4, 6):
            # (at an odd offset of a word of two-character halves: 依法|治国, not 党的|全面|领导)
            for start in range(at - 1, max(-1, at + len(w) - size), -2):
                word = clause[start : start + size]
                if start + size <= at + len(w) or start + size > len(clause):
                    continue
                if freq.get(word) and not any(
                    key[k : k + 2] != w and key[k : k + 2] in word for k in range(len(key) - 1)
                ):
                    inside = True
        if not inside:
            return True
        at = clause.find(w, at + 1)
    return False


def _first_word_echo(key: str, own: str) -> Callable[[str], bool] | None:
    """For a two-word key whose own clause prints its second word (（学习本领）是…第一位本领),
    only the first word is asked: a later clause printing one of its characters just before the
    second word (把学到的本领: at most three hanzi between) echoes it (review 22b)."""
    if not _two_words(key):
        return None
    second = key[2:]
    if second not in own:
        return None
    chars = frozenset(key[:2]) - frozenset(second)
    if not chars:
        return None

    # a plain scan, not a regex per key: compiling a hanzi class costs ~0.5 ms a key
    def echoes(clause: str) -> bool:
        at = clause.find(second)
        while at != -1:
            for i in range(at - 1, max(at - 5, -1), -1):
                if clause[i] in chars:
                    return True
                if not "\u4e00" <= clause[i] <= "\u9fff":
                    break
            at = clause.find(second, at + 1)
        return False

    return echoes


# standard abbreviations (the full form, then its short forms): a stem printing the short form
# of the key prints the key (全国人大常委会 … 建立健全（人民代表大会）: review 20). (The names a
# blank accepts for each other are spellings.ABBREVIATIONS: another table, of whole names.)
_ABBREVIATIONS = {
    "人民代表大会": ("人大",),
    "政治协商会议": ("政协",),
    "纪律检查委员会": ("纪委",),
    "中央委员会": ("党中央", "中共中央"),
    "国有资产监督管理委员会": ("国资委",),
    "发展和改革委员会": ("发改委",),
    "中央军事委员会": ("中央军委", "军委"),
    "监察委员会": ("监委",),
    "共产主义青年团": ("共青团",),
}


_ABBREVIATION_PARTS = re.compile(
    "|".join(map(re.escape, sorted({*_ABBREVIATIONS, *chain(*_ABBREVIATIONS.values())})))
)


@lru_cache(maxsize=4096)
def _abbreviation_cues(key: str) -> frozenset[str]:
    """The short forms of a full name in ``key`` (人大 for 人民代表大会制度), and the full form
    of a short one (政治协商会议 for 政协委员): spelled beside the blank, they print the key."""
    if not _ABBREVIATION_PARTS.search(key):
        return frozenset()  # (most keys: one search instead of nine pairs of scans)
    out: set[str] = set()
    for full, shorts in _ABBREVIATIONS.items():
        if full in key:
            out.update(w for w in shorts if w not in key)
        elif any(w in key for w in shorts):
            out.add(full)
    return frozenset(out)


def _initial_cues(key: str) -> frozenset[str]:
    """The two-character abbreviation of a key made of two words (自我满足 → 自满: the first
    characters of its words): printed in the stem, it spells the key (round Y2)."""
    return _initial_cues_cached(key, dictionary_version())


@lru_cache(maxsize=4096)
def _initial_cues_cached(key: str, version: int) -> frozenset[str]:
    del version  # (part of the cache key: is_word changes when a lexicon adds words)
    if not _two_words(key):
        return frozenset()
    # (first and last would read 国力 in 综合国力 as 国[防实]力, 理念 in 价值理念 as 理[想信]念)
    short = key[0] + key[2]
    return frozenset({short}) if short not in key and is_word(short) else frozenset()


# characters opening the verb-object halves of a campaign name (扫黑|除恶, 防风|治沙)
_CAMPAIGN_VERBS = frozenset("扫除打反防治惩禁破抓减降去补控戒")


def _contraction_cues(key: str) -> frozenset[str]:
    """The contraction of a key opening with two verb-object halves (扫黑|除恶专项斗争): their
    objects make a word (黑恶) that, printed beside the blank (黑恶势力), spells the key."""
    return _contraction_cues_cached(key, dictionary_version())


@lru_cache(maxsize=4096)
def _contraction_cues_cached(key: str, version: int) -> frozenset[str]:
    del version  # (part of the cache key, as for _initial_cues)
    if len(key) < 4 or _han(key[:4]) != 4 or key[0] not in _CAMPAIGN_VERBS:
        return frozenset()
    if key[2] not in _CAMPAIGN_VERBS or not (is_word(key[:2]) and is_word(key[2:4])):
        return frozenset()
    short = key[1] + key[3]
    return frozenset({short}) if is_word(short) and short not in key else frozenset()


def _rare_echoes(key: str, own: str, rare: Callable[[str], bool]) -> set[str]:
    """The characters of a two-word key's second word (灵魂 of 政治灵魂) that the text uses at
    most three times and the key's own clause does not: a clause after the key repeating one
    (在立根固魂上下功夫) echoes the key (reviews 8, 9b, 15b, 20)."""
    if not _two_words(key):
        return set()
    return {c for c in key[2:] if c not in key[:2] and c not in own and rare(c)}


def _thesis_member_single(
    ctx: Context, key: KeyPhrase, s: Sentence, blanked: str
) -> Iterator[Question]:
    """A 单选 on a short bare-mark thesis whose subject is a member of a lexicon formula
    (乡村振兴，（　　）是关键。): the lures are three other members of that formula, so that the
    text's mapping of members to marks (重点/关键/保障/基础/根本) is what is asked. No question
    when the key belongs to no formula of four members or more."""
    formula = _formula(ctx, key)
    if formula is None or key.text not in formula.members:
        formula = next((f for f in ctx.lexicon.owners(key.text) if key.text in f.members), None)
    if formula is None or len(formula.members) < 4:
        return
    others = sorted(m for m in formula.members if m != key.text)
    qid = question_id(ctx.doc_key, "single", "thesis_single", key.text, s.text)
    rng = _rng(ctx, qid)
    yield Question(
        id=qid,
        kind="single",
        stem=blanked,
        options=_shuffle([key.text, *rng.sample(others, 3)], rng),
        answer=key.text,
        keys=[key.text],
        source=s.text,
        explanation=f"原文：{s.text} {_explain_formula(formula, _text_date(ctx))}",
        paragraph=s.paragraph,
        difficulty=_difficulty("single", key.text),
        template="thesis_single",
        # (not tagged with the formula: the other members are wrong here by the text's mapping,
        # not by membership, and the quiz pick's formula checks are about membership)
    )


def _yi_wei_partner_spells(stem: str, a: int, b: int) -> bool:
    """Is the blank [a, b) the X of a ``以X为…`` half whose neighbouring half in a 、-parallel
    (以知识产权明晰为基础、以（知识价值）为导向) opens on the key's first two characters? Halves
    further away (以联合国为核心…、以国际法为基础…、以（联合国宪章宗旨和原则）为基础…) do not
    count (review 20)."""
    if stem[a - 1 : a] != "以" or stem[b : b + 1] != "为":
        return False
    lead = f"以{stem[a:b][:2]}"
    halves = []
    if stem[: a - 1].endswith("、"):
        halves.append(_CLAUSE_CUT.split(stem[: a - 2])[-1])  # the half before
    after = _CLAUSE_CUT.search(stem, b)
    if after and after.group() == "、":
        halves.append(_CLAUSE_CUT.split(stem[after.end() :])[0])  # the half after
    return any(lead in h and "为" in h[h.index(lead) + len(lead) :] for h in halves)


_CLAUSE_CUT = re.compile(r"[、，；。：]")


def _blank(stem: str, a: int, b: int) -> str:
    return stem[:a] + BLANK + stem[b:]


def _readable(answer: str, stem: str) -> bool:
    """Is the answer (or a spelling of it) readable in the blanked stem?"""
    fa = dis.fold_key(answer)
    return bool(fa) and fa in dis.fold_key(stem.replace(BLANK, "|"))


# -- candidate pools for distractors --------------------------------------------------------
def build_pools(ex: Extraction) -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for key in ex.keys:
        if (key.type, key.text) not in seen:
            seen.add((key.type, key.text))
            pools.setdefault(key.type, []).append(key.text)
    return pools


def _formula(ctx: Context, key: KeyPhrase) -> Formula | None:
    return ctx.lexicon.get(key.formula) if key.formula else None


def _index(ctx: Context, name: str, build: Callable[[], Iterable[str]]) -> dis.LengthIndex:
    """A cached LengthIndex over a candidate pool of this text."""
    index = ctx.indexes.get(name)
    if index is None:
        index = dis.LengthIndex(build())
        ctx.indexes[name] = index
    return index


def candidates_for(
    ctx: Context, key: KeyPhrase
) -> tuple[list[str] | dis.LengthIndex, set[str], bool]:
    """(candidates, phrases never to offer, ranked?) for one key.

    Small sibling sets come as ranked lists (siblings first); large pools as a LengthIndex.
    """
    lex, pools = ctx.lexicon, ctx.pools
    # another name of the key (高素质农民 for 新型职业农民) is right as well, as is a term
    # covering it or covered by it (民营经济 of the 非公有制经济, DD #12)
    exclude: set[str] = (
        set(key.group) | set(lex.names.get(key.text, ())) | lex.overlapping(key.text)
    )
    # a near-synonym of a printed list item is right beside it too (信息化 beside 数字化、
    # （网络化）、智能化; 军事安全 beside 国家经济安全、（　　）… next to 国防安全, KB #15)
    exclude.update(o for item in key.group for o in lex.overlapping(item))
    # another name of a printed list item is right beside it as well (新型政党制度 beside
    # 人民代表大会制度、中国共产党领导的多党合作和政治协商制度…, blind19 RE #38, RF #33)
    exclude.update(n for item in key.group for n in lex.names.get(item, ()))
    # a name first stated after the text (党纪学习教育 on a 2017 text: dangfeng #43)
    exclude |= _later_names(ctx)
    # the text's own topic, named in its title line: 推进（乡村振兴）等重点工作 reads true in the
    # 一号文件 on 全面推进乡村振兴重点工作 (blind17 PF #20), 加强（党史学习教育） in the 党史学习
    # 教育工作条例 (blind9 CI #40, CL #33, CM #40, CO #33, CP #33: edit, each time for that lure)
    exclude |= _title_phrases(ctx)

    def lex_phrases() -> list[str]:
        return [p for p, _ in lex.phrase_pool()]

    if key.type == "lexicon":
        formula = _formula(ctx, key)
        exclude |= _forbidden(ctx, formula) if formula else set()
        names = lex.name_pool() + pools.get("formula", [])
        if key.text[:1] not in NUMERALS:
            # 新发展理念, 好干部标准: only names of the same kind (same ending) will do
            names = [n for n in names if n[-1:] == key.text[-1:] and n[:1] not in NUMERALS]
        return names, exclude, False
    if key.type == "member":
        formula = _formula(ctx, key)
        assert formula is not None
        exclude |= _forbidden(ctx, formula)
        cands = list(formula.foils)
        if len(cands) >= 3:
            return cands, exclude, False  # curated foils only: 四大考验 ↔ 意识形态考验 …
        for sib in lex.siblings(formula):
            cands.extend(sib.members)
        cands.extend(p for p, f in lex.phrase_pool() if f is not formula)
        return cands, exclude, True
    if key.type == "formula":
        # numbered slogans of other fields make absurd options (承包地“一带一路”制度): names
        # of curated formulas are offered only for a key that is itself a curated name
        if lex.get(key.text) is None:
            return [], exclude, False
        shape = _formula_shape(key.text)
        names = [n for n in lex.name_pool() if _formula_shape(n) == shape]
        return names, exclude, False
    if key.type == "heading":
        exclude = set()  # siblings are the best wrong options for a heading slot
        siblings = [k for k in key.group if k != key.text]
        if len(siblings) >= 3:
            return siblings, exclude, True
        others = [k for k in pools.get("heading", []) if k not in key.group]
        return siblings + others, exclude, True
    for owner in lex.owners(key.text):
        exclude |= _forbidden(ctx, owner)
    if key.type == "term":
        cls_name = lex.term_class(key.text)
        same = lex.class_terms(cls_name) if cls_name else []
        if cls_name == "党内教育":
            exclude |= _STANDING_CAMPAIGNS - {key.text}
        if cls_name in _QUALITY_CLASSES and _after_carry_verb(ctx, key):
            # 发扬（斗争精神）: 奋斗精神, 担当精神 are carried forward as well; the named spirits
            # (太行精神) would be lures of another kind (round Y1): no 单选
            return [], exclude, False
        if len(same) >= 8 and cls_name not in _ONE_KIND_CLASSES:
            # a broad class (党建要求, 发展理念) mixes nouns and verb phrases: only class mates
            # with the key's ending or opening word read as the same kind of thing
            # (政治方向 → 政治立场; 问题导向 → 目标导向; not 发挥以人民为中心)
            return list(_class_mates(ctx, cls_name, key.text)), exclude, False
        if _mates_also_right(ctx, key.text):
            # 派出（第一书记）: 驻村工作队, 选调生 are sent to villages as well, so every mate
            # is a second right answer; no 单选 (review 23; nor a cloze, review 25)
            return [], exclude, False
        if len(same) >= 4:
            # three mates of its own class or more: only they (review 21: 新型政党制度 among
            # 人民代表大会制度…, not 基本经济制度; fewer than three, no 单选)
            return same, exclude, False
        # a small class lends only terms of the key's ending (政绩观 → 权力观, 大历史观): other
        # vocabulary is another kind of thing (政绩观 among 零容忍, 亚投行)
        by_ending = ctx.indexes.setdefault("_terms_by_ending", {})
        if not by_ending:
            for t in [*lex.terms, *pools.get("term", [])]:
                by_ending.setdefault(t[-2:], set()).add(t)
        alike = by_ending.get(key.text[-2:], set()) - set(same)
        return same + sorted(alike), exclude, False
    if key.type in ("quotation", "definition"):
        return (
            _index(
                ctx,
                "quotation",
                lambda: (
                    pools.get("quotation", [])
                    + pools.get("definition", [])
                    + pools.get("term", [])
                    + pools.get("quoted", [])
                    + pools.get("enumeration", [])
                    + lex_phrases()
                ),
            ),
            exclude,
            False,
        )
    if key.type == "quoted" and key.text.endswith(_PROGRAMME_HEADS):
        # 推进农村“（雪亮工程）”建设: a programme's look-alikes are other programmes of the text,
        # never a formula (伟大工程) nor a stock phrase (重大工程) (review 20b)
        cands = [
            c
            for c in pools.get("quoted", []) + pools.get("enumeration", [])
            if not lex.is_known(c) and not c.startswith(_STOCK_MODIFIERS)
        ]
        return cands, exclude, False
    if key.type == "quoted":
        return (
            _index(
                ctx,
                "quoted",
                lambda: (
                    pools.get("quoted", [])
                    + pools.get("formula", [])
                    + pools.get("enumeration", [])
                    + lex_phrases()
                ),
            ),
            exclude,
            False,
        )
    return (
        _index(
            ctx,
            "enumeration",
            lambda: pools.get("enumeration", []) + pools.get("quoted", []) + lex_phrases(),
        ),
        exclude,
        False,
    )


# the heads of a programme's name, and the modifiers of a stock phrase that names none
_PROGRAMME_HEADS = ("工程", "计划", "行动", "项目")
_STOCK_MODIFIERS = ("重大", "伟大", "重要", "重点", "各项", "一批", "主要", "基础", "系统", "民生")


# Heads whose modifier carries all the meaning (文化产业体系, 协调指挥体系): look-alikes that
# share only the head (学术体系, 市场体系) are not wrong for a reason a learner can see.
_GENERIC_HEADS = ("体系", "机制", "制度", "体制", "能力", "水平", "建设", "工作", "政策", "格局")


def _generic_head(text: str) -> bool:
    return len(text) <= 6 and text.endswith(_GENERIC_HEADS)


# Vocabulary classes of things to oppose: a wrong option from one of them for a key that is not
# (加强（个人主义）教育 for 爱国主义) is ruled out by its sense alone, and the other way round.
NEGATIVE_CLASSES = frozenset({"不良倾向"})


# enemies and evils no text asks to 加强/弘扬/坚持 (review X1: 加强帝国主义教育 as a lure)
NEGATIVE_WORDS = frozenset(
    {
        "帝国主义",
        "封建主义",
        "官僚资本主义",
        "霸权主义",
        "强权政治",
        "殖民主义",
        "种族主义",
        "单边主义",
        "保护主义",
        "恐怖主义",
        "分裂主义",
        "极端主义",
        "拜金主义",
        "极端个人主义",
        "民族分裂主义",
    }
)


def _other_polarity(ctx: Context, items: Iterable[str]) -> frozenset[str]:
    """Terms of the opposite sense to ``items``, never to be offered as their wrong options:
    the lexicon's (:func:`_negative_terms`) and the text's own (:func:`_text_polarity`)."""
    lex = ctx.lexicon
    items = tuple(items)
    negated, plain = _text_polarity(ctx)
    # the text's runs after a verb of avoiding (切实避免越权立法、重复立法、盲目立法) are not
    # lures of a run it asks to pursue (深入推进科学立法、（民主立法）、依法立法), nor the other
    # way round (blind29 #54, #27: ruled out by their sense); an item of neither bans nothing
    # (力戒（形式主义） keeps 官僚主义, 享乐主义 of 坚决反对官僚主义、享乐主义…)
    text_side: frozenset[str] = frozenset()
    if any(i in negated for i in items):
        text_side = plain
    elif any(i in plain for i in items):
        text_side = negated
    negative = _negative_terms(lex)
    if not NEGATIVE_CLASSES.isdisjoint(map(lex.term_class, items)):
        return text_side  # a list of faults: other faults are the right look-alikes
    if any(i in negative for i in items):
        # 推翻帝国主义、封建主义…: enemies, not faults of style (个人主义 is no 三座大山)
        return _negative_terms(lex, classes_only=True) | text_side
    return negative | text_side


# a verb of avoiding or fighting before a 、-run: the run names what the text rejects
# (not 消除 or 防范: 消除贫困、改善民生…, 防范化解重大风险 are aims)
_REJECTING = re.compile(
    r"(?:避免|防止|杜绝|反对|克服|纠正|纠治|整治|遏制|摒弃|力戒|禁止|严禁|不搞|破除|"
    r"惩治|查处|清除|铲除|根除|打击|整肃|严防)"
    r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,12})"
)
_RUN = re.compile(r"(?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,12}")
# what joins a run's last items, and what follows its last (重复立法和盲目立法等问题)
_RUN_JOIN = re.compile("和|及|与")
_RUN_TAIL = re.compile("[等的].*$")


def _run_items(run: str, lead: bool = True) -> list[str]:
    """The items of a 、-run a pattern matched: the last cut before 等/的 and split at 和/及/与
    (重复立法和盲目立法等问题 → 重复立法, 盲目立法); with ``lead``, the first cut to the
    shortest other item's length, the match opening on the words before the run too (深入推进
    科学立法、民主立法 → 科学立法)."""
    *items, last = run.split("、")
    items += [i for i in _RUN_JOIN.split(_RUN_TAIL.sub("", last)) if i]
    if lead and len(items) > 1:
        shortest = min(len(i) for i in items[1:])
        items[0] = items[0][-shortest:]
    return [i for i in items if len(i) >= 2]


def _text_polarity(ctx: Context) -> tuple[frozenset[str], frozenset[str]]:
    """(the items of the text's 、-runs that follow a verb of rejecting, those of its other
    runs), an item in both left out of both: worked out once per text."""
    cached = ctx.indexes.get("text_polarity")
    if cached is None:
        text = ctx.ex.doc.text
        rejected = [(m.start(1), m.end(1), m.group(1)) for m in _REJECTING.finditer(text)]
        negated = {i for _, _, run in rejected for i in _run_items(run, lead=False)}
        plain = {
            i
            for m in _RUN.finditer(text)
            if not any(m.start() < end and start < m.end() for start, end, _ in rejected)
            for i in _run_items(m.group(0))
        }
        cached = (frozenset(negated - plain), frozenset(plain - negated))
        ctx.indexes["text_polarity"] = cached
    return cached


@lru_cache(maxsize=8)
def _negative_terms(lexicon: Lexicon, classes_only: bool = False) -> frozenset[str]:
    """The terms of the negative classes, the enemies of NEGATIVE_WORDS and every member of a
    lexicon list or formula most of whose members are such (三座大山, 四风, 四种危险 …; asked for
    every key: gathered once per lexicon)."""
    faults = {t for c in sorted(NEGATIVE_CLASSES) for t in lexicon.class_terms(c)}
    if classes_only:
        return frozenset(faults)
    base = set(NEGATIVE_WORDS) | faults
    groups = [tuple(m) for m in lexicon.lists] + [tuple(f.members) for f in lexicon.formulas]
    out = set(base)
    for members in groups:
        if members and sum(m in base or m.endswith("危险") for m in members) * 2 > len(members):
            out.update(members)
    return frozenset(out)


def _class_mates(ctx: Context, cls_name: str, key: str) -> list[str]:
    """The terms of a class of the same kind as ``key``, in the class's order.

    The head is the last character: 政治执行力 → 政治判断力, 问题导向 → 目标导向; a shared
    opening alone (政治生态 → 政治品格, 政治优势) is another kind of thing (review round 8).
    """
    return _class_terms_by_ending(ctx.lexicon).get((cls_name, key[-1:]), [])


@lru_cache(maxsize=8)
def _class_terms_by_ending(lexicon: Lexicon) -> dict[tuple[str, str], list[str]]:
    """Each class's terms under (class, last character): a lexicon index, built once per
    lexicon rather than class by class for every text."""
    index: dict[tuple[str, str], list[str]] = {}
    for cls_name in sorted(set(lexicon.terms.values())):
        for term in lexicon.class_terms(cls_name):
            index.setdefault((cls_name, term[-1:]), []).append(term)
    return index


_SHAPES = [
    ("numbered", re.compile(rf"^[{NUMERALS}]")),
    ("grasp", re.compile(r"^抓.{2,3}促")),
]


def _formula_shape(text: str) -> str:
    """The class of a formula-like slogan: numbered (四个意识, 一报告两评议) or 抓X促Y.

    Numbered names keep their measure word: 四个意识 (个) and 八项规定 (项) are of a kind, a
    treaty's 二十一条 (a bare count) or 三严三实 (no measure word) are of other kinds.
    """
    for name, pattern in _SHAPES:
        if pattern.match(text):
            if name == "numbered":
                rest = text.lstrip(NUMERALS)
                measure = rest[:1] if rest[:1] in "个项条种大点" else "*"
                return f"numbered:{measure}:{'end' if len(rest) <= 1 else 'name'}"
            return name
    return "other"


# how a stem lists a formula's members: all it is, or (a longer statement) what it includes
_LISTS = {False: "是指：", True: "包括："}


def _cn_date(iso: str) -> str:
    """2017-10-18 → 2017年10月18日."""
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def _text_date(ctx: Context) -> tuple[str, str]:
    """The text's date as a bound ``(earliest, latest)``: its date line twice, else what the
    content tells (:func:`segment.inferred_era`), "" where unknown (worked out once per text)."""
    memo = ctx.ex.memo
    if "text_date" not in memo:
        memo["text_date"] = document_era(ctx.ex.doc.text)
    return memo["text_date"]


def _predates(ctx: Context, formula: Formula) -> bool:
    """Is the text surely older than ``formula``'s current wording (a 2015 speech of the 三个
    自信; 两个一百年 in the 十九大's 美丽…强国)? A text of no known latest date is not."""
    latest = _text_date(ctx)[1]
    return bool(latest and formula.effective and latest < formula.effective)


def _states_current(ctx: Context, formula: Formula) -> bool:
    """Does the text write every member in its current wording (an earlier wording listed
    under ``changed`` does not count)?"""
    text = ctx.ex.doc.text
    for member in formula.members:
        earlier = formula.changed.get(member, ())
        if not any(w in text for w in formula.spellings(member) if w not in earlier):
            return False
    return True


def _named(ctx: Context, formula: Formula) -> bool:
    """Does the text name ``formula`` (its spoken name or a variant: “两个一百年”奋斗目标)?"""
    text = ctx.ex.doc.text
    return any(n in text for n in (formula.spoken, *formula.variants))


def _forbidden(ctx: Context, formula: Formula) -> frozenset[str]:
    """What is never a lure of ``formula`` in this text: the lexicon's forbidden phrases, the
    phrases right at the text's date (:func:`_era_lures`) and the names first stated after it
    (:func:`_later_names`)."""
    era = _era_lures(ctx) | _later_names(ctx)
    forbidden = ctx.lexicon.forbidden_for(formula)
    return forbidden | era if era else forbidden


def _later_names(ctx: Context) -> frozenset[str]:
    """The names first stated after the text's latest date (its date line, else the bound
    :func:`segment.inferred_era` reads; the lexicon's ``term_dates``): 党纪学习教育 (2024) is
    no lure of a 2017 article (blind16 dangfeng #43). None for a text of no known latest date."""
    memo = ctx.ex.memo
    if "later_names" not in memo:
        latest = _text_date(ctx)[1]
        memo["later_names"] = frozenset(
            name for name, since in ctx.lexicon.term_dates.items() if latest and latest < since
        )
    return memo["later_names"]


def _open_group_member(ctx: Context, key: KeyPhrase, blanked: str) -> bool:
    """Is ``key`` a member of an open standard group (frames.OPEN_GROUP_CLASSES: the 精神谱系)
    listed in ``blanked`` beside its mates (:func:`frames.open_group_listed`)? Every other
    member reads as right in the slot: no 单选 (blind18 QD #23, QE #28, QF #26)."""
    cls_name = ctx.lexicon.term_class(key.text)
    if cls_name not in OPEN_GROUP_CLASSES:
        return False
    return open_group_listed(blanked, BLANK, key.text, ctx.lexicon.class_terms(cls_name))


# the joins of a run of things a body carries on (政治教育、（党性教育）; （党性教育）和业务培训)
_RUN_JOINS = ("和", "、", "及", "与")


def _listed_education(ctx: Context, key: KeyPhrase, blanked: str) -> bool:
    """Is ``key`` an education of the Party (class 党内教育, …教育) blanked as one item of a run
    of the things a body carries on (强化（党性教育）和业务培训; 常态化开展政治教育、（党性教育）)?
    Any other education of the class (警示教育, 红色教育, 党风廉政教育) reads as right beside the
    printed item, and nothing in a run tells which one the text wrote: no 单选 (blind9 CK–CP
    dangan ×5, blind18 QD–QF jiwei3 ×3, transfer3 QY1 wang_chen; all edit or unusable). An
    education the frame pins (把（党性教育）作为共产党人的“心学”; 反面教材的（警示教育）作用;
    以…为重点的（理想信念教育）实践活动) stands alone in its slot and keeps its 单选 (usable,
    blind15–16). A campaign (a dated name: 党史学习教育) in a run is an item of the chronology
    of campaigns the text recites (…“两学一做”学习教育、“不忘初心、牢记使命”主题教育、（党史学习
    教育）), whose order pins it: left alone."""
    if not key.text.endswith("教育") or ctx.lexicon.term_class(key.text) != "党内教育":
        return False
    if key.text in ctx.lexicon.term_dates:
        return False
    at = blanked.find(BLANK)
    if at < 0:
        return False
    before, after = blanked[:at], blanked[at + len(BLANK) :]
    return before.endswith(_RUN_JOINS) or after.startswith(_RUN_JOINS)


# The campaigns the Party made standing (常态化长效化): 党史学习教育 (2022), 党纪学习教育 (2024),
# 两学一做学习教育 (常态化制度化, 2017). Each reads as right beside any education a text has a
# body carry on (常态化开展政治教育、（党性教育）: blind18 QD #34, QE #35, QF #39), so none is
# a lure of another education.
_STANDING_CAMPAIGNS = frozenset({"党史学习教育", "党纪学习教育", "两学一做学习教育"})


def _title_key(ctx: Context, key: KeyPhrase) -> bool:
    """Is ``key`` (four characters or more) a stretch of the text's title line: the subject
    the whole text is about (《关于在全党开展（党史学习教育）的通知》 in the speech at the 党史学习
    教育动员大会: blind18 QF #22), which a 单选 asks of no learner?"""
    # (a half of a printed pair is a slogan's member, asked as such: 在全党开展“（不忘初心）、牢记
    # 使命”主题教育 at that campaign's 总结大会, ED #10, usable)
    return len(key.text) >= 4 and len(key.group) < 2 and key.text in _title_phrases(ctx)


# a first line that is a title: short, no sentence end
_TITLE_END = re.compile(r"[。！？；]")


def _title_phrases(ctx: Context) -> frozenset[str]:
    """Every stretch of two characters or more of the text's title line (its first line, when
    it reads as a title: 60 characters or fewer, no sentence end): no lure, as the title names
    what the text is about, and a learner reads its topic as right in any of its sentences."""
    memo = ctx.ex.memo
    if "title_phrases" not in memo:
        first = ctx.ex.doc.text.lstrip().split("\n", 1)[0].strip()
        found: set[str] = set()
        if len(first) <= 60 and not _TITLE_END.search(first):
            for run in re.findall(r"[\u4e00-\u9fff]{2,}", first):
                found.update(run[i:j] for i in range(len(run)) for j in range(i + 2, len(run) + 1))
        memo["title_phrases"] = frozenset(found)
    return memo["title_phrases"]


def _era_lures(ctx: Context) -> frozenset[str]:
    """Phrases that were stated beside a formula's members at the text's date (绿色化 of the
    新五化 on a 2015–2017 text): never a lure, a wrong option or a swapped member there. A text
    without a date line counts when its bound meets the span (an earliest date alone will do:
    a lure the less is the safe side)."""
    memo = ctx.ex.memo
    if "era_lures" not in memo:
        earliest, latest = _text_date(ctx)
        memo["era_lures"] = frozenset(
            foil
            for formula in ctx.lexicon
            for foil, (start, until) in formula.dated_foils.items()
            if earliest and earliest < until and not (latest and latest < start)
        )
    return memo["era_lures"]


# what follows a name the text goes on to define: 遇到了“三座大山”：市场的冰山、…; …，即…
_DEFINES_RE = re.compile(r"[”’」]?(?:：|:|，?即|，?就是|，?是指|，?指的是)")
_LIST_END_RE = re.compile(r"[。；;！？!?\n）)]")


def _like_member(item: str, formula: Formula) -> bool:
    """Is a listed item one of ``formula``'s members, in any wording (its spellings, its core,
    or half its characters: 到建党一百年时全面建成小康社会 of 两个一百年)?"""
    for member in formula.members:
        core = formula.cores.get(member, "")
        if core and core in item:
            return True
        for w in formula.spellings(member):
            if w in item or item in w:
                return True
            short = min(len(w), len(item))
            if short and len(set(w) & set(item)) * 2 >= short:
                return True
    return False


def _defined_otherwise(ctx: Context, formula: Formula) -> bool:
    """Does the text define the formula's name by a list of its own, as many items as the
    lexicon's members and none of them one (有的民营企业家形容为遇到了“三座大山”：市场的冰山、
    融资的高山、转型的火山: not 帝国主义、封建主义、官僚资本主义; blind15 LB #15, LC #19)?
    Then the name means something else there, and the lexicon's members are not its teaching."""
    memo = ctx.ex.memo.setdefault("defined_otherwise", {})
    if formula.name in memo:
        return memo[formula.name]
    text = ctx.ex.doc.text
    found = False
    for name in sorted({formula.spoken, *formula.variants}, key=len, reverse=True):
        at = text.find(name) if name else -1
        while at >= 0 and not found:
            end = at + len(name)
            m = _DEFINES_RE.match(text, end)
            if m:
                stop = _LIST_END_RE.search(text, m.end())
                body = text[m.end() : stop.start() if stop else len(text)]
                items = [i.strip("“”‘’「」 ，,等") for i in body.split("、")]
                found = (
                    len(items) == len(formula.members)
                    and all(2 <= len(i) <= 12 for i in items)
                    and not any(_like_member(i, formula) for i in items)
                )
            at = text.find(name, end)
        if found:
            break
    memo[formula.name] = found
    return found


def _explain_formula(formula: Formula, date: tuple[str, str] = ("", "")) -> str:
    if not formula.members:
        return ""  # a shared name no version was found for: nothing known to say
    sep = "；" if any("、" in m for m in formula.members) else "、"
    if formula.statement:
        parts = [f"{_quoted(formula.shown)}：{formula.statement}"]
    else:
        parts = [f"{_quoted(formula.shown)}是指：{sep.join(formula.members)}。"]
    if formula.origin:
        parts.append(f"提出：{formula.origin}。")
    if formula.source:
        parts.append(f"出处：{formula.source}。")
    earliest, latest = date
    if formula.effective and latest and latest < formula.effective:
        # a text older than the wording: say so, lest its own wording read as wrong (a text
        # without a date line: its year where the content tells it)
        when = (
            f"（{_cn_date(latest)}）"
            if earliest == latest
            else f"（{earliest[:4]}年）"
            if earliest[:4] == latest[:4]
            else ""
        )
        parts.append(f"现行表述自{_cn_date(formula.effective)}起，本文{when}早于此。")
    elif formula.effective:
        parts.append(f"现行表述自{formula.effective}起。")
    if formula.note and not formula.note.startswith("*check*"):
        parts.append(formula.note)
    return "".join(parts)


def _spelled_formula(ctx: Context, key: KeyPhrase) -> Formula | None:
    """The formula whose members the key's printed list spells out, one item a member in some
    accepted wording, though the text was not taken to state it (a 2015 speech's 全面建成小康
    社会、全面深化改革、全面依法治国、全面从严治党, the 四个全面 before the 2020 rewording): its
    explanation dates the wording (blind19 RA #34, RC #34, RF #50 had none)."""
    items = key.group
    if len(items) < 3:
        return None
    for formula in ctx.lexicon.owners(items[0]):
        if (
            formula.match_members
            and len(formula.members) == len(items)
            and all(formula.is_member_text(i) for i in items)
            and len({m for i in items for m in formula.members if i in formula.spellings(m)})
            == len(items)
        ):
            return formula
    return None


def _explain_text(ctx: Context, key: KeyPhrase, s: Sentence) -> str:
    text = f"原文：{s.text}"
    formula = _formula(ctx, key) or _spelled_formula(ctx, key)
    # (not a name the text defines otherwise: 三座大山 of 市场的冰山、融资的高山、转型的火山)
    if formula is not None and not _defined_otherwise(ctx, formula):
        text += " " + _explain_formula(formula, _text_date(ctx))
    return text + _variant_note(ctx, key)


# classes of people one verb sends or posts (派出/选派 第一书记, 驻村工作队…): no 单选
_SENT_CLASSES = frozenset({"派驻干部"})


# classes of qualities any of which a 发扬/弘扬/缺乏 slot takes (精神品质: 斗争精神, 奋斗精神…;
# 中国精神: 民族精神, 时代精神; 精神理念: 科学精神, 法治精神)
_QUALITY_CLASSES = frozenset({"精神品质", "中国精神", "伟大民族精神", "精神理念"})
# classes naming one kind of thing whatever their ending (长三角一体化发展, 粤港澳大湾区建设,
# 中部地区崛起: regional strategies all): the ending rule of broad classes would leave too few
# (DC #2, DB #36)
_ONE_KIND_CLASSES = frozenset({"区域战略"})
# (_manner_key reads _MANNER_CLASSES, defined with _bare_manner_clause below: 工作方法 (综合施策,
# 分类施策) and 名言警句; any of them fills a manner slot (（综合施策）推动…), so a plain 单选
# among its mates has no single answer (DC #36) unless a standard list pins it)
# foreign affairs and defence: off-type lures for a domestic key (全球治理体系 among a
# province's 体系, DC #3; 多边主义 for 爱国主义) unless the sentence speaks of such matters
_FOREIGN_CLASSES = frozenset({"外交国防", "命运共同体"})
# Classes whose members are all true of the same subject, so that in a loose frame each is
# right where another is the key (彰显了党的领导和社会主义制度的（政治优势）: 制度优势, 组织优势
# fit as well; （先进制造业）、现代服务业较快增长: 战略性新兴产业 grew too — blind10 rounds EE
# #15, #35, #36, EG #17, #36). Their members are lures only where the sentence pins the key:
# a standard formula it quotes (_KEY_PINNING_FORMULAS), examples listed before 等 and the
# key, or the key's own contrast in the text.
_LOOSE_LURE_CLASSES = frozenset({"党和国家优势", "产业形态"})
_KEY_PINNING_FORMULAS = (
    "最大政治优势是密切联系群众",
    "优势更好转化为国家治理效能",
    "一个国家的最大优势",
    "为骨干的现代化产业体系",
    "现代服务业同",
)


def _loose_class_lure(
    lexicon: Lexicon, lure: str, key: str, sentence: str, contrasted: bool
) -> bool:
    """Is ``lure`` a member of a class whose members are right in one another's loose frame
    (:data:`_LOOSE_LURE_CLASSES`), offered in a sentence that does not pin ``key`` (no
    standard formula quoted, no text contrast of the key drawn)?"""
    if lexicon.term_class(lure) not in _LOOSE_LURE_CLASSES or contrasted:
        return False
    # (a pattern per key: built only when the sentence has 等 right before the key)
    examples = f"等{key}" in sentence and re.search(
        f"、[^，。；：、]{{2,8}}等{re.escape(key)}", sentence
    )
    if examples and f"、{key}" not in sentence:
        return False  # 新能源、新材料、航空航天、低空经济等（战略性新兴产业）: examples pin it
    return not any(pin in sentence for pin in _KEY_PINNING_FORMULAS)


_FOREIGN_CUES = re.compile(
    "全球|国际|世界|外交|对外|涉外|海外|外部|各国|周边|人类|国防|军|港|澳|台|两岸|一带一路|多边"
)
# poverty relief: its unit terms (因村施策, 一户一策, 因村派人) and its named terms, and the words
# of a sentence that speaks of it
_POVERTY_LURE = re.compile("^[一因][村户人]|扶贫|脱贫|贫困")
_POVERTY_CUES = re.compile("扶贫|脱贫|贫困|小康|村|户")
_CARRY_VERBS = ("发扬", "弘扬", "保持", "增强", "缺乏")


def _after_carry_verb(ctx: Context, key: KeyPhrase) -> bool:
    """Is the key the bare object of 发扬/弘扬/保持/增强/缺乏, outside a list (发扬（斗争精神）)?"""
    if len(key.group) >= 2:
        return False
    s = ctx.sentence(key.sentence)
    at = key.start - s.start
    return s.text[max(0, at - 2) : at] in _CARRY_VERBS


def _manner_key(ctx: Context, key: KeyPhrase) -> bool:
    """Is ``key`` a way of working or of conduct (:data:`_MANNER_CLASSES`) that no standard list
    printed around it pins (坚定信心、同舟共济、科学防治、（精准施策） is asked among its mates)?"""
    if ctx.lexicon.term_class(key.text) not in _MANNER_CLASSES:
        return False
    return not (len(key.group) >= 2 and ctx.lexicon.known_list(key.group))


def _mates_also_right(ctx: Context, term: str) -> bool:
    """Is ``term`` of a class whose every mate fills its slot as well (派出（第一书记）: 驻村工作队
    and 选调生 are sent to the same villages)? One test for the 单选 builder (its lures would be
    right) and the cloze builder (its blank takes them too) (reviews 23, 25)."""
    return ctx.lexicon.term_class(term) in _SENT_CLASSES


# vocabulary classes whose every term the Party holds to alike: faults all opposed (形式主义,
# 分散主义…; 单边主义…) and abilities and qualities all asked for (法治意识, 政治鉴别力, 担当精神…)
_OPPOSED_CLASSES = frozenset({"不良倾向", "国际逆流"})
_SOUGHT_CLASSES = frozenset(
    {
        "思维",
        "政治素养",
        "党和国家优势",
        "精神品质",
        "中国精神",
        "伟大民族精神",
        "精神理念",
        "修身律己",
        "担当作为",
    }
)


def _held_alike(lexicon: Lexicon, key: str, foil: str) -> bool:
    """Does the Party hold to ``foil`` as it holds to ``key`` (both faults it opposes, both
    qualities it asks for: 分散主义 for 形式主义, 纪律意识 for 政治意识), so that a statement
    with ``foil`` in the key's place stays true, false only as a misquotation (blind round BE
    #24)? A key outside the vocabulary (a formula's member: 政治意识) is a quality of the
    foil's kind when it ends alike; not a fault (帝国主义 of the 三座大山 is history, and
    霸权主义 in its place is false)."""
    cls = lexicon.term_class(foil)
    own = lexicon.term_class(key)
    if own is not None:
        return own == cls and cls in _OPPOSED_CLASSES | _SOUGHT_CLASSES
    return cls in _SOUGHT_CLASSES and key[-2:] == foil[-2:]


# words that follow one term only, so a blank before them spells it (一带一路 → 沿线国家)
_FIXING_COLLOCATES: dict[str, tuple[str, ...]] = {
    "一带一路": ("沿线",),
    "台独": ("分裂",),
}


def _partly_quoted(ctx: Context, key: KeyPhrase) -> bool:
    """Is the key an item of a standard list the text quotes only part of, one of whose missing
    members has the key's shape (推进京津冀协同发展、长江经济带发展、（　　）: 粤港澳大湾区建设
    fits as well)? Then no single blank; the list's own questions stay (review 23)."""
    if len(key.group) < 3:
        return False  # 从站起来、富起来到强起来, 能上能下、能进能出: a pair is its own formula
    text = ctx.sentence(key.sentence).text
    missing = ctx.lexicon.missing_members(key.group)
    return any(abs(len(m) - len(key.text)) <= 2 and m not in text for m in missing)


def _list_variants(ctx: Context, key: KeyPhrase) -> dict[str, list[tuple[str, int]]]:
    """:meth:`Lexicon.list_variants` of the key's list (none for a key outside a list)."""
    if key.type not in ("enumeration", "term", "series") or len(key.group) < 3:
        return {}
    memo: dict[tuple[str, ...], dict[str, list[tuple[str, int]]]] = ctx.indexes.setdefault(
        "_list_variants", {}
    )
    found = memo.get(key.group)
    if found is None:  # (every question on the list's items asks again)
        found = memo[key.group] = _group_variants(ctx, key.group)
    return found


def _group_variants(ctx: Context, group: tuple[str, ...]) -> dict[str, list[tuple[str, int]]]:
    # (the head every item shares is the list's pattern, not a shared word: 安全赤字 /
    # 信任赤字 are two wordings, review 25b)
    lead, end = common_prefix(group), common_suffix(group)
    return {
        item: kept
        for item, variants in ctx.lexicon.list_variants(group).items()
        # 统一领导 / 党统一指挥, 产业结构调整 / 统筹产业结构调整: the same wording cut
        # otherwise, not another one
        if (
            kept := [
                (m, k)
                for m, k in variants
                if not _share_a_word(_bare(item, lead, end), _bare(m, lead, end))
                # (科技兴军 / 科技强军: one character reworded in place is another wording, X2)
                or one_apart_in_place(item, m)
            ]
        )
    }


def _bare(item: str, lead: str, end: str) -> str:
    """``item`` without its list's shared opening and ending, where it has them and more."""
    if lead and item.startswith(lead) and len(item) > len(lead):
        item = item[len(lead) :]
    if end and item.endswith(end) and len(item) > len(end):
        item = item[: -len(end)]
    return item


def _share_a_word(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` share two characters in a row?"""
    return any(a[i : i + 2] in b for i in range(len(a) - 1))


def _other_wording_mates(ctx: Context, key: KeyPhrase) -> tuple[tuple[str, int], ...]:
    """(member, list index) of the members of another standard wording of the key's list that
    the sentence lacks and that share the key's head (加快建设制造强国、…、（网络强国）、数字中国:
    the 十九大's 科技强国 fits the blank as well; round 26). Only for an item of a list."""
    if key.type not in ("enumeration", "term") or len(key.group) < 3 or len(key.text) < 3:
        return ()
    if key.text not in key.group:
        return ()
    text = ctx.sentence(key.sentence).text
    head = key.text[-2:]
    return tuple(
        (m, k)
        for m, k in ctx.lexicon.other_wording_members(key.group)
        if m.endswith(head) and m not in text and m != key.text
    )


def _variant_note(ctx: Context, key: KeyPhrase) -> str:
    """Name the other standard wording of the list the key is (part of) (review 23: 原文
    全面融合, 2020年表述为协调发展)."""
    notes = []
    own_items, own = _own_list(ctx, key)
    # (another wording's member the sentence lacks is another item, not a spelling of this
    # one: named, never graded right, blind15 MA #40 and the twelfth session)
    for k in dict.fromkeys(k for _, k in _other_wording_mates(ctx, key)):
        if continues_list(own_items or key.group, ctx.lexicon.lists[k]):
            # a list the text's runs into is another list, no other wording of it: the five
            # guiding thoughts to 科学发展观 are no wording of the 理论体系 (邓小平理论 …
            # 习近平新时代中国特色社会主义思想; fourteenth session, helper "lexlists")
            continue
        notes.append(f"{_standard_wording(ctx, k)}，本题以原文表述为准。")
    for item, variants in _list_variants(ctx, key).items():
        if key.type != "series" and key.text not in (item, "、".join(key.group)):
            continue  # (a whole list, series or enumeration, names every variant)
        for member, k in variants:
            notes.append(f"{_standard_wording(ctx, k)}，其中“{member}”对应原文“{item}”，亦可。")
    text = ctx.sentence(key.sentence).text
    for k in ctx.lexicon.lists_one_wider(key.group) if own else ():
        # a later wording that added an item (2013 四公开 → 2016 五公开 with 执行公开): a learner
        # who knows it would miss the item in the text's list (blind16 round OB #28)
        if not any(m in text for m in ctx.lexicon.lists[k] if m not in key.group):
            notes.append(f"{_standard_wording(ctx, k)}，本题以原文表述为准。")
    if notes and own:
        # the text's own list is dated too, not only the other wording (2014 eight 监督 against
        # the 二十大's nine: blind16 round OC #27)
        notes.insert(0, f"原文所列见{own}。")
    return (" " + "".join(notes)) if notes else ""


def _own_list(ctx: Context, key: KeyPhrase) -> tuple[tuple[str, ...], str]:
    """The text's own list and where it comes from, as a learner reads it (党的十八届四中全会
    决定（2014）): the list of three or more the key's group spells out whole in its order, or
    a known list holding the key that its sentence writes out whole, in order and no more;
    ((), "") for another key or a list of no known source."""
    if len(key.group) >= 3 and key.text in (*key.group, "、".join(key.group)):
        # (the text's own list, in its order: a list reordered is no quotation of the
        # source's; fourteenth session, helper "lexlists")
        source = ctx.lexicon.list_source(key.group, ordered=True)
        if source:
            return key.group, _source_head(_shown_source(source))
    # (a key cut from a longer list than its group: 人大监督 of the eight 监督)
    text = ctx.sentence(key.sentence).text.replace("“", "").replace("”", "")
    for items, said in ctx.lexicon.sourced_lists_holding(key.text):
        if len(items) >= 3 and _written_whole(text, "、".join(items)):
            return items, _source_head(_shown_source(said))
    return (), ""


def _written_whole(text: str, run: str) -> bool:
    """Does ``text`` write the list ``run`` as a whole list, not as part of a longer one
    (……舆论监督、巡视监督 or ……舆论监督和巡视监督 list another thing than the eight 监督)?"""
    at = text.find(run)
    while at >= 0:
        end = at + len(run)
        if not text[:at].endswith("、") and not text.startswith(_LIST_GOES_ON, end):
            return True
        at = text.find(run, at + 1)
    return False


# what continues a list past an item: another item, or a last one joined by 和/及/与
_LIST_GOES_ON = ("、", "和", "及", "与", "以及")


def _source_head(source: str) -> str:
    """The document a source names, before its first comma outside brackets and quotes
    (《关于新形势下党内政治生活的若干准则》（党的十八届六中全会，2016-10-27）, not a cut
    bracket)."""
    depth = 0
    for i, ch in enumerate(source):
        if ch in "（《“":
            depth += 1
        elif ch in "）》”":
            depth -= 1
        elif ch == "，" and depth <= 0:
            return source[:i]
    return source


# a working note in a list's source: （corpus report19_full.txt）
_SOURCE_NOTE = re.compile(r"（[^（）]*[A-Za-z][^（）]*）")


def _shown_source(source: str) -> str:
    """A list's source as a learner may read it: without working notes in brackets, and
    nothing where it is a note of the lexicon's own (vocabulary (general knowledge, …))."""
    source = _SOURCE_NOTE.sub("", source)
    return "" if re.search("[A-Za-z]", source) else source


def _standard_wording(ctx: Context, k: int) -> str:
    """另一标准表述（its source）为“the lexicon's list ``k``”: the opening of a variant note."""
    lex = ctx.lexicon
    source = _shown_source(lex.list_sources[k]) if k < len(lex.list_sources) else ""
    said = f"（{source}）" if source else ""
    return f"另一标准表述{said}为“{'、'.join(lex.lists[k])}”"


def _accepted(ctx: Context, key: KeyPhrase) -> list[str]:
    spellings = [key.text]
    formula = _formula(ctx, key)
    if formula is not None:
        if key.type == "lexicon":
            spellings += [formula.spoken, *formula.variants]
        else:
            for member in formula.members:
                if key.text in formula.spellings(member):
                    spellings += list(formula.spellings(member))
    spellings += ctx.lexicon.aliases.get(key.text, ())
    spellings += _standard_forms(ctx.lexicon, key.text)
    if not key.group and key.formula is None:
        spellings += _turned_about(ctx.lexicon, key.text)
    vetted: list[str] = []
    if key.type in ("enumeration", "term"):
        vetted += [m for m, _ in _list_variants(ctx, key).get(key.text, ())]
    # a spelling from elsewhere is never a member of a standard list that holds the key's
    # mates without the key (a different item in the key's role: blind round BG #25); the
    # list rewordings above are weighed one by one (Lexicon.list_variants)
    if len(key.group) >= 3:
        rivals = ctx.lexicon.rival_members(key.text, key.group)
        spellings = [sp for sp in spellings if sp == key.text or sp not in rivals]
    spellings += vetted
    # a spelling is never another item of the key's own list or formula (科技创新 is a member
    # beside 实践创新, not a way to write it: blind round RE #40)
    mates = {*key.group, *(formula.members if formula is not None else ())} - {key.text}
    if formula is not None:  # (the member the key writes otherwise: 全面推进依法治国)
        mates = {m for m in mates if key.text not in formula.spellings(m)}
    out: list[str] = []
    for sp in spellings:
        if sp not in out and "“" not in sp and sp not in mates:
            out.append(sp)
    return out


def _turned_about(lexicon: Lexicon, text: str) -> tuple[str, ...]:
    """生态文明建设 = 建设生态文明 (十九大: 建设生态文明是…千年大计): a named object (four or more
    characters, a term the lexicon knows or a whole one builds) turned about its verb is the
    same task; a short or unknown one (经济建设, 党风廉政建设) has no such standard wording.
    Only for a key outside a list (经济建设、…、生态文明建设: the list's pattern is X建设), and
    not the other way: a verb-object key (建设伟大工程) stands among verb-object phrases."""
    built = text[:-2]
    if text.endswith("建设") and len(built) >= 4:
        if lexicon.is_known(built) or built.endswith(_BUILT):
            return ("建设" + built,)
    return ()


def _shared_head_forms(text: str, after: str) -> list[str]:
    """The key without its head noun when the phrase after the blank ends on the same head
    (实行（两种教育制度）和两种劳动制度: 两种教育 reads as sharing 制度, as in 两种教育和两种劳动
    制度); nothing else."""
    for head in _SUBKEY_HEADS if text.endswith(_SUBKEY_HEADS) else ():
        rest = text[: -len(head)]
        # a parallel pair, the mate opening like the key (两种…制度和两种…制度), joined by 和/与:
        # not a 、-series of verb-object items (自觉尊崇制度、严格执行制度)
        mate = _joined_mate(after, head)
        if len(rest) >= 3 and mate and mate[:2] == rest[:2]:
            return [rest]
        # two principles of four characters each under one 原则 (坚持（入党自愿原则）和个别吸收
        # 原则 reads as 入党自愿和个别吸收原则, F5 #24): four-character cores are names, not verbs
        if head == "原则" and mate and len(rest) == len(mate) == 4:
            return [rest]
    return []


def _joined_mate(after: str, head: str) -> str:
    """The core of the phrase joined by 和/与 at the start of ``after`` and closed by ``head``:
    the shortest run of two to eight Chinese characters before it (和两种劳动制度 → 两种劳动),
    else "". (A loop doing what the regex 和/与, a lazy run of two to eight CJK ideographs, then
    ``head`` does: a pattern per head cost a compile, about 1 ms, in the first text reaching it.)"""
    if after[:1] not in ("和", "与"):
        return ""
    for end in range(2, 10):  # (the run is after[1:end])
        if len(after) < end or not "\u4e00" <= after[end - 1] <= "\u9fff":
            return ""
        if end >= 3 and after.startswith(head, end):
            return after[1:end]
    return ""


# Words a standard name is often said with or without (高水平科技自立自强 / 科技自立自强,
# 人民代表大会 / 人民代表大会制度): either form is right in a blank.
_NAME_LEADS = (
    "高水平",
    "决胜",
    "全面",
    "坚持",
    "坚定",
    "深入",
    "加快",
    "大力",
    "实施",
    "推进",
    "推动",
    "加强",
    "建设",  # 建设中国特色社会主义法治体系 → 中国特色社会主义法治体系 (fresh FD #20)
    "构建",
)
_NAME_HEADS = ("制度", "体系", "战略", "原则")  # dropped from a name; only 制度 is ever added
# The leads a name may be given in a blank: modifiers of the name itself. A verb (坚持, 推进, 决胜)
# before a blank that already has its own verb reads twice (夺取新时代（坚持中国特色社会主义）
# 伟大胜利, review R29), so a verb lead is only ever dropped from a key, never added.
_ADDABLE_LEADS = ("高水平", "全面")


# Stock lists said of anything (调动…的积极性、主动性、创造性): no blank tests a formulation there.
_STOCK_LISTS = frozenset(
    frozenset(items)
    for items in (
        ("积极性", "主动性", "创造性"),
        ("想问题", "作决策", "办事情"),
        ("更大的决心", "更明确的目标", "更有力的举措"),
    )
)


def _checkable(ctx: Context, key: KeyPhrase, sentence: str) -> bool:
    """Is the sentence a fact a learner could judge: a dated event, a quoted formulation, a
    sentence on a named formula or its member? (A measure or a word of praise is true by its
    sound; reviews 8–10.)"""
    return (
        key.type in ("member", "quoted")
        or bool(_DATED.search(sentence))
        or bool(ctx.lexicon.find_names(sentence))
    )


# verbs of choosing or training cadres: 选拔（　　）的干部 takes any cadre standard
_CADRE_VERBS = ("选拔", "培养", "造就", "选用", "使用")
# a line someone wrote or said in praise of another (称赞他：“…”): an anecdote, not a point
_PRAISE_VERBS = ("称赞", "赞扬", "称颂", "赞誉")
_PRAISE = re.compile(f"(?:{'|'.join(_PRAISE_VERBS)})[他她]?[：:]“")
# a statement that reports what someone said or wrote, in praise or not (誓言“…”, 写道“…”)
_SAYING_VERBS = (*_PRAISE_VERBS, "誓言", "说", "写道", "指出")
_UTTERANCE = re.compile(
    f"(?:{'|'.join(_SAYING_VERBS)})[他她]?[：:]?“"
    # 号召“开动脑筋，使思想活泼起来”: a call, a stress or a proposal quoted as a sentence (not a
    # quoted name: 提出“三个代表”重要思想) is an utterance, no checkable fact (rounds Q2, Q3)
    "|(?:号召|强调|提出)[：:，,]?“[^”]*[，。；！？][^”]*”"
)
# words before 同志 that make no personal name (负责同志, 基层同志): not a person
_NOT_NAMES = frozenset(
    "负责 基层 领导 有关 广大 各级 青年 党员 干部 部分 主要 中央 地方 其他 全体 各位".split()
    + ["老", "女", "男"]
)


def _named_comrade(statement: str) -> bool:
    """Does ``statement`` name a person as 同志 after a personal name (刘少奇同志), not after
    a role or a group (有关方面负责同志, 基层同志; rounds Q2, Q3)?"""
    return any(
        m.group(1)[-2:] not in _NOT_NAMES and m.group(1)[-1:] not in _NOT_NAMES
        for m in _COMRADE.finditer(statement)
    )


def _historical_fact(statement: str) -> bool:
    """Does a statement name a checkable fact: a date, a work, or a person (刘少奇同志) as
    its subject, and no pronoun (他, 我们) standing for one?"""
    lead = statement.split("，", 2)
    if any(clause.startswith(("他", "她", "我们", "他们")) for clause in lead):
        return False
    return bool(_DATED.search(statement)) or "《" in statement or _named_comrade(statement)


_DATED = re.compile(r"[0-9０-９〇零一二三四五六七八九十]{2,4}年")
_CONGRESS = re.compile(r"^(?:党的|中共)?([一二三四五六七八九十]{1,3})大$")
_CONGRESS_FULL = re.compile(
    r"^(?:党的|中共|中国共产党)?第([一二三四五六七八九十]{1,3})次全国代表大会$"
)
# what one builds as a whole, named without a known term of its own (生态文明, 雄安新区); not a
# quality (党风廉政, 党的作风): 建设党风廉政 is no wording of 党风廉政建设
_BUILT = ("文明", "新区", "湾区", "经济圈")


def _stock(items: Iterable[str]) -> bool:
    """Is this one of the stock lists (its first item may carry the clause's 以/用/把)?"""
    bare = frozenset(i[1:] if i[:1] in "以用把" and len(i) > 3 else i for i in items)
    return bare in _STOCK_LISTS


@lru_cache(maxsize=8192)
def _standard_forms(lexicon: Lexicon, text: str) -> tuple[str, ...]:
    """Other standard forms of a key the vocabulary knows: with or without a leading verb or
    modifier, with or without the head noun of its name (cached: a key asks once per blank
    and per list spelling, and texts share most keys)."""
    known = lexicon.is_known
    forms = same_word_forms(text)  # (互相尊重 / 相互尊重; every blank takes them: more_spellings)
    congress = _CONGRESS.match(text) or _CONGRESS_FULL.match(text)
    if congress:  # 党的七大 = 七大 = 中共七大 = 党的第七次全国代表大会
        n = congress.group(1)
        names = (f"党的{n}大", f"{n}大", f"中共{n}大")
        names += (f"党的第{n}次全国代表大会", f"中共第{n}次全国代表大会", f"第{n}次全国代表大会")
        forms += [f for f in names if f != text]
    # (“三个代表”重要思想 is not written 三个代表 in its blank: the name of the theory is the
    # 规范表述 its 〔8字〕 hint asks, the bare 三个代表 names its three requirements — blind16
    # round OB #54; 三个代表重要思想 without the quotes stays right, with_plain_forms)
    # most keys neither start with a lead nor follow one in a known phrase: no loop for them
    if text.startswith(_NAME_LEADS) or text in _led_phrases(lexicon):
        for lead in _NAME_LEADS:
            rest = text[len(lead) :]
            if text.startswith(lead) and len(rest) >= 4 and known(rest):
                forms.append(rest)
            if lead in _ADDABLE_LEADS and known(lead + text):
                forms.append(lead + text)
    if text.startswith("党的") and text.endswith("建设") and len(text) >= 6:
        forms.append(text[2:])  # 以（党的政治建设）统领党的建设: 政治建设 names it as well
    if known(text + "制度"):
        forms.append(text + "制度")  # 人民代表大会 → 人民代表大会制度 (not 国家安全 → …战略)
    for head in _NAME_HEADS if text.endswith(_NAME_HEADS) else ():
        if text.endswith(head) and len(text) - len(head) >= 4 and known(text[: -len(head)]):
            forms.append(text[: -len(head)])
    # a head the question's keys name the answer without (党管干部 in 党管干部原则): the blank
    # takes that name as well, so a listed key is never refused in its own blank (review R29)
    for head in _SUBKEY_HEADS if text.endswith(_SUBKEY_HEADS) else ():
        rest = text[: -len(head)]
        if text.endswith(head) and len(rest) >= 3 and known(rest) and rest not in forms:
            forms.append(rest)
    return tuple(forms)


@lru_cache(maxsize=8)
def _led_phrases(lexicon: Lexicon) -> frozenset[str]:
    """What follows one of _NAME_LEADS in the phrases the lexicon knows (科技自立自强 for
    高水平科技自立自强): the keys that can take a lead (built once per lexicon)."""
    return frozenset(
        phrase[len(lead) :]
        for phrase in lexicon.known_phrases()
        for lead in _NAME_LEADS
        if phrase.startswith(lead)
    )


# -- text templates ---------------------------------------------------------------------------
# Words that govern a list rather than belong to its first (or last) item: 持续抓好|党史、
# 新中国史…, 在|党史、…, 严肃查处|领导干部配偶、…  A list whose other items start with one of
# them is a list of verb phrases (延长产业链、提升价值链、完善利益链) and keeps its verbs.
_GOVERNING = frozenset(
    "在 对 把 以 从 向 为 将 于 同 和 与 及 坚持 持续 加快 加强 推动 推进 深化 深入 实施 完善 健全 "
    "强化 提高 增强 促进 支持 鼓励 构建 严肃 查处 抓好 不断 着力 切实 坚决 大力 积极 努力 进一步 "
    "统筹 开展 落实 形成 建立 建设 打造 培育 保障 维护 巩固 引导 注重 扎实 全力 始终 牢牢 更加 "
    "加大 做好 抓紧 确保 实现 优化 扩大 建成 发挥 提升 用好 严格 依法 涵养 践行 弘扬 树立 "
    "培养 加速 聚焦 围绕 紧扣 重视 高度重视 推行 探索 整治".split()
)
# A list this long is a catalogue (载人航天、探月探火 … 生物医药): one item of it is a guess.
MAX_LIST_ITEMS = 6
MAX_HALVED_ITEMS = 10  # a standard list up to this long is asked in two halves


_PREPOSITIONS = frozenset("在对把以从向为将于同和与及")


@lru_cache(maxsize=8192)
def _slogan_pair(pair: tuple[str, ...]) -> bool:
    """Is a pair one slogan, built on a character shared inside both halves (思想大解放、行动
    大担当), rather than two names sharing an ending (形式主义、官僚主义)?"""
    first, second = pair
    if len(first) != len(second):
        return False
    lead, tail = len(common_prefix(pair)), len(common_suffix(pair))
    return any(first[k] == second[k] for k in range(lead, len(first) - tail))


@lru_cache(maxsize=8192)
def _patterned(items: tuple[str, ...]) -> bool:
    """Do the items share a fixed character at some inner position (幼有所育、学有所教 …)?"""
    if len({len(i) for i in items}) != 1:
        return False
    return any(len(set(column)) == 1 for column in zip(*items, strict=True))


_ASPECT_MARKS = frozenset("了着过")
_EVALUATIVE_MARKS = frozenset("新老旧大好")


@lru_cache(maxsize=8192)
def _rhetoric_pattern(items: tuple[str, ...]) -> bool:
    """Is the items' one shared frame only an aspect particle with an evaluative modifier
    (标注了新起点、提供了新机遇、注入了新动力) or a bare 老/旧 (老手势、老经验、老办法)? Such a
    list is a speaker's rhetoric, any verb or noun of the kind fits it (review X1)."""
    if len(items) < 2 or len({len(i) for i in items}) != 1:
        return False
    places = [(k, items[0][k]) for k in range(len(items[0])) if len({i[k] for i in items}) == 1]
    fixed = {ch for _, ch in places}
    if not fixed:
        return False
    if places == [(0, "老")] or places == [(0, "旧")]:
        return True  # (养老、孝老、敬老 share a head 老, not a modifier: a formulation)
    if places == [(0, places[0][1])] and places[0][1] in _DETERMINERS:
        return True  # 各区域、各部门、各岗位: a determiner is no fixed column (round X3)
    if fixed == {"新"} and all(k > 0 for k, _ in places) and len(items) >= 3:
        return True  # 研究新情况、提出新举措: a verb + 新 + noun, any task fits (rounds Y5, Q1)
    return bool(fixed & _ASPECT_MARKS) and fixed <= _ASPECT_MARKS | _EVALUATIVE_MARKS


_DETERMINERS = frozenset("各每诸")  # (全方位、全地域、全过程 is a 二十大 formula, round 9)
_CHRONICLE_AFTER = ("相继", "先后", "陆续")


def fits_list(cand: str, items: tuple[str, ...]) -> bool:
    """Has ``cand`` the shape of the list's items (an intruder no one rules out by its form)?

    Items of one length want that length and the characters they all share in place
    (农业全面升级、农村全面进步 → 农?全面??); an ending (or opening) of one shared character is
    too weak a pattern, so the intruder must share the last (first) two characters of some item
    (经济实力、科技实力、综合国力 → 军事实力, not 同向发力).
    """
    length, fixed, ends, opens = _list_shape(items)
    if length is not None:
        if len(cand) != length:
            return False
        if any(cand[k] != ch for k, ch in fixed):
            return False
    if ends is not None and cand[-2:] not in ends:
        return False
    return opens is None or cand[:2] in opens


@lru_cache(maxsize=8192)
def _list_shape(
    items: tuple[str, ...],
) -> tuple[int | None, tuple[tuple[int, str], ...], frozenset[str] | None, frozenset[str] | None]:
    """What :func:`fits_list` asks of a candidate, worked out once per list (a pool of hundreds
    of candidates is checked against one list): (the items' one length or None, the characters
    they all share in place, the two-character endings an intruder must have or None when any
    will do, the same for openings)."""
    lengths = {len(i) for i in items}
    length = next(iter(lengths)) if len(lengths) == 1 else None
    fixed: tuple[tuple[int, str], ...] = ()
    if length is not None:
        fixed = tuple((k, items[0][k]) for k in range(length) if len({i[k] for i in items}) == 1)
    suffix, prefix = common_suffix(items), common_prefix(items)
    ends = frozenset(i[-2:] for i in items) if len(suffix) == 1 else None
    opens = frozenset(i[:2] for i in items) if len(prefix) == 1 else None
    return length, fixed, ends, opens


# Heads of a catalogue: items sharing one of these endings name kinds of an office, a body, a
# sector or a facility (北方局书记、中原局书记; 生态农业、设施农业; 地方规划和专项规划) —
# which kind comes next is a guess, not a formulation to know.
CATALOGUE_HEADS = frozenset(
    "书记 农业 组织 规划 产业 技术 设施 工程 企业 基地 机关 人员 单位 部门 地区 产品 市场 旅游 "
    "项目 资金 用地 作物 计划 会议 公司 学校 医院 车间 作坊 工场 村寨 村落 遗产 遗迹 银行".split()
)


@lru_cache(maxsize=8192)
def is_catalogue(items: tuple[str, ...]) -> bool:
    """Do most items end with a catalogue head (家庭工场、手工作坊、乡村车间)?"""
    return sum(i[-2:] in CATALOGUE_HEADS for i in items) * 2 > len(items)


def _ends_on_word(text: str, a: int, b: int) -> bool:
    """Does the span [a, b) of ``text`` end at a word boundary (by forward maximum matching
    from its start)?  完全平|等 does not: 平等 is one word."""
    if b >= len(text) or not "\u4e00" <= text[b] <= "\u9fff":
        return True
    return (b - a) in word_ends(text[a : b + 3])


_OPEN_MARKS = {"《": "》", "“": "”", "‘": "’", "「": "」"}


def _in_open_series(text: str, end: int) -> bool:
    """Is the quoted span ending at ``end`` one of a series 《A》、《B》等 (or “A”、“B”等)?"""
    pos = end
    while pos < len(text) and text[pos] in "》”’」":
        pos += 1
    while pos + 1 < len(text) and text[pos] == "、" and text[pos + 1] in _OPEN_MARKS:
        close = text.find(_OPEN_MARKS[text[pos + 1]], pos + 2)
        if close < 0:
            return False
        pos = close + 1
    return text[pos : pos + 1] == "等"


# what shows a series of titles to be examples of a class (…、《歌唱祖国》这些优秀歌曲, 《红楼梦》、
# 《三国演义》、《水浒传》这样一些古典名著)
_EXAMPLE_TAIL = ("这些", "这样", "那样", "那些", "之类", "一类")


def _example_titles(text: str, a: int, b: int) -> bool:
    """Is the quoted title at [a, b) of ``text`` one of a 、-series of two or more titles that
    the text goes on to call examples (这些/这样一些…)? A teacher asks no one title of such a
    series: another of the class fits its blank as well (blind22 VA #12, #15, VB #17: 0/3)."""
    if text[a - 1 : a] != "《":
        return False
    pos, items = b, 1
    while pos < len(text) and text[pos] == "》":
        pos += 1
    while text[pos : pos + 2] == "、《" and (close := text.find("》", pos + 2)) > 0:
        pos, items = close + 1, items + 1
    back = a - 1
    while text[back - 2 : back] == "》、" and (opened := text.rfind("《", 0, back - 2)) >= 0:
        back, items = opened, items + 1
    return items >= 2 and text.startswith(_EXAMPLE_TAIL, pos)


_OPEN_TAIL = re.compile(
    r"(?:、[^，。；：、！？,;:!?“”‘’《》（）()\s]{1,12})*"
    r"(?:(?:以及|和|与|及)[^，。；：、！？,;:!?“”‘’《》（）()\s]{1,12}?)?等(?![待同级于])"
)


def _is_open_list(text: str, end: int) -> bool:
    """Does the list ending at local offset ``end`` go on with 等 (examples, not a formula),
    directly or after a last item joined by 和 (…极端个人主义和历史虚无主义等)?"""
    if text[end : end + 1] == "等":
        return True
    return text[end : end + 1] in ("和", "与", "及", "以") and _open_tail(text, end)


def _open_tail(text: str, end: int) -> bool:
    m = _OPEN_TAIL.match(text, end)
    # the 等 must not end a word: 完全平等, 对等
    return bool(m) and not (m.end() - 1 > end and is_word(text[m.end() - 2 : m.end()]))


def _in_open_list(text: str, a: int, b: int) -> bool:
    """Is the span [a, b) an item of a 、-list that goes on with 等 (天下为公、…、亲仁善邻等),
    or the item before 和…等?"""
    if a > 0 and text[a - 1] not in "、和与及" and text[b : b + 1] not in "、和与及等":
        return False
    return _open_tail(text, b)


# -- keys not worth testing: a plain item of a list of like items (sixth session, FT1–QT2) --
# the hundred commonest Chinese surnames (a closed class): a 、-list of two- and three-character
# items each opening on one is a list of people (唐仁健、金湘军、李石松…)
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤车"
)
# a rule's wording (不得…/应当…): its lists of fees or of verbs are items, not points
_RULE_WORD = re.compile("不得|应当|必须|严禁|禁止|不准|一律")
# the generic head a rule's list of fees or of ways of use shares (交通费、住宿费、伙食费)
_RULE_LIST_HEADS = frozenset("费用款金")
# an appraisal X的Y (真理的味道)
_APPRAISAL = re.compile("[^的]{2}的[^的]{2}")
# a determiner every item of an ad hoc list shares (不同地区、不同领域、不同行业)
_GENERIC_DETERMINERS = ("不同", "各类", "各种", "各个", "各项", "所有")


def _list_mates(text: str, a: int, b: int) -> tuple[str, ...] | None:
    """The other members of the 、-list whose member is exactly [a, b) of ``text``, within
    its clause; a member at the list's edge is cut to the key's length on its outer side
    (关于|唐仁健, 占用|所属单位…). None when the key is no whole member or the list has fewer
    than three members."""
    if (a == 0 or text[a - 1] != "、") and text[b : b + 1] != "、":
        return None
    x = _clause_start(text, a)
    y = min((i for i in (text.find(c, b) for c in "，,；;。”") if i >= 0), default=len(text))
    parts = text[x:y].split("、")
    if len(parts) < 3:
        return None
    size = b - a
    parts[0], parts[-1] = parts[0][-size:], parts[-1][:size]
    key = text[a:b]
    if parts.count(key) != 1:
        return None
    return tuple(p for p in parts if p != key)


_LIST_RUN_END = re.compile("[，,；;。”]")


def _plain_list_item(text: str, a: int, b: int) -> str:
    """Why the key [a, b) is one of a list of like items no learner should recall, or "":
    a person of a list of people (关于唐仁健、金湘军、李石松…严重违纪违法问题), a fee or a
    verb sharing its last character with every mate in a rule (交纳交通费、住宿费、伙食费;
    不得换用、借用、占用), one of a list of 不同X (不同地区、不同领域、不同行业), or one of a
    triad of X的Y appraisals (真理的味道、思想的力量、领袖的魅力). Rounds FT1–QT2."""
    key = text[a:b]
    mates = _list_mates(text, a, b)
    if not mates or _han(key) != len(key):
        return ""
    x = _clause_start(text, a)
    if 2 <= len(key) <= 3 and key[0] in _SURNAMES:
        # (the inner members are whole: the edge ones carry the words around the list)
        inner = _LIST_RUN_END.split(text[x:], maxsplit=1)[0].split("、")[1:-1]
        if len(inner) >= 2 and all(2 <= len(m) <= 3 and m[0] in _SURNAMES for m in inner):
            if len({m[0] for m in (key, *inner)}) > 1:
                return "name"  # (严教育、严管理、严监督 share a pattern's 严, no surname)
    if 2 <= len(key) <= 3 and key[-1] in _RULE_LIST_HEADS and _RULE_WORD.search(text, x, a):
        if all(len(m) == len(key) and m[-1] == key[-1] for m in mates):
            return "rule item"
    if key.startswith(_GENERIC_DETERMINERS) and all(m.startswith(key[:2]) for m in mates):
        return "determiner"
    first = text[x : text.find("、", x)]  # the list's first member, uncut
    if all(_APPRAISAL.fullmatch(m) for m in (key, first, *mates)):
        return "appraisal"  # (a list opening its clause: 以识才的慧眼、… is a means, kept)
    return ""


def _dangling_lead(text: str, a: int) -> bool:
    """Does the list at local offset ``a`` open its sentence after a dangling 其中 (其中蕴含的
    天下为公、…), with no clause break between?"""
    return text.startswith("其中") and not any(ch in "，。；：,;:" for ch in text[:a])


def _starts_governed(item: str) -> int:
    """Length of the governing words at the start of ``item`` (0 when none)."""
    return _starts_governed_cached(item, dictionary_version())


@lru_cache(maxsize=65536)
def _starts_governed_cached(item: str, version: int) -> int:
    del version  # (part of the cache key, as for word_ends)
    cut = 0
    # word by word, as word_ends cuts: most items stop at their first word, so the rest of
    # the item is never cut
    while cut < len(item):
        end = word_end_at(item, cut)
        if item[cut:end] not in _GOVERNING or len(item) - end < 2:
            break
        cut = end
    return cut


# jieba's count above which a short word is everyday vocabulary (企业 34826, 教育 23961,
# 医疗 3488), not a term a teacher tests; lexicon words read 50000 and are never everyday
_EVERYDAY_COUNT = 3000


def _everyday_word(ctx: Context, text: str) -> bool:
    """Is ``text`` a common word of two characters or fewer the lexicon does not know?"""
    return (
        len(text) <= 2
        and not ctx.lexicon.is_known(text)
        and (is_generic(text) or word_frequency(text) >= _EVERYDAY_COUNT)
    )


def _short_list_spare(ctx: Context, key: KeyPhrase) -> bool:
    """Is ``key`` an everyday word of two characters or fewer (科技、医疗、教育: guessed from
    the stock pairs) in a list that is not wholly a standard enumeration of the key's? (Two
    items of 教育、科技、人才 make 科技、医疗、教育 a known list to :meth:`Lexicon.known_list`,
    which lets a text add to a list; 医疗 is no mate of 教育 there.)"""
    group = key.group
    if len(group) < 2 or not _everyday_word(ctx, key.text):
        return False
    mates = ctx.lexicon.list_mates(key.text)
    # (an edge item may run on into the predicate: 自治、法治、德治相结合)
    return not all(item.startswith(tuple(mates)) for item in group if item != key.text)


def _verb_swallowed(item: str, cut: int, others: list[str]) -> bool:
    """Does the list's first item open on a verb of two characters or more that governs the
    whole list (引导|企业、农民合作社) rather than a verb the items share by shape (依法立法
    beside 科学立法: the others end as the rest does)? (A last item's verb, 团结动员群众、
    推动改革发展, governs that item only.)"""
    if cut < 2 or item[:1] in _PREPOSITIONS:
        return False
    rest = item[cut:]
    return not any(g.endswith(rest[-1]) for g in others)


def refine_enum_item(ctx: Context, key: KeyPhrase) -> KeyPhrase | None:
    """The list item worth a blank, or None when the item is not worth asking.

    Items of open lists (…等) and of catalogues are examples, not a formulation a teacher tests;
    an edge item that carries the list's governing verb (持续抓好党史) is cut to the item (党史);
    an edge item cut out of running text mid-phrase (人才流动的体制) is dropped.
    """
    if key.type != "enumeration" or len(key.group) < 2:
        return key
    # kept with the extraction, as the window is: it reads the sentence, the lexicon and
    # jieba's dictionary only (the extraction's cache key)
    memo: dict[KeyPhrase, KeyPhrase | None] = ctx.ex.memo.setdefault("refine_enum_item", {})
    if key in memo:
        return memo[key]
    refined = memo[key] = _refined_enum_item(ctx, key)
    return refined


def _refined_enum_item(ctx: Context, key: KeyPhrase) -> KeyPhrase | None:
    group = key.group
    if key.type != "enumeration" or len(group) < 2:
        return key
    if len(group) > MAX_LIST_ITEMS and not _patterned(group) or is_catalogue(group):
        return None
    s = ctx.sentence(key.sentence)
    local = key.start - s.start
    if not _ends_on_word(s.text, local, local + len(key.text)):
        return None  # 独立自主、完全平|等: the cut went through a word
    last = s.text.find(group[-1], local) if key.text != group[-1] else local
    known_list = ctx.lexicon.known_list(group)
    if not known_list and _rhetoric_pattern(group):
        return None  # 满足于老手势、老经验、老办法: rhetoric on a shared 老, not a formulation
    if last >= 0 and s.text.startswith(_CHRONICLE_AFTER, last + len(group[-1])):
        return None  # 沪港通、深港通、债券通相继启动: a chronicle of launches (review X1)
    # 思想不纯、组织不纯、作风不纯等 / 识才的慧眼、爱才的诚意…: items built on one frame are
    # a formulation even when the list stays open or reads like rhetoric
    # …a standard enumeration (忠诚老实、公道正派、实事求是、清正廉洁等价值观) as well
    framed = len(group) >= 3 and _patterned(group) or known_list
    if not framed and (
        "等" in group[-1][1:] or (last >= 0 and _is_open_list(s.text, last + len(group[-1])))
    ):
        return None  # 税费减免、用地等扶持政策: examples, not a formulation
    others = [g for g in group if g != key.text]
    if not framed and all("的" in g[1:-1] for g in group):
        return None  # 更大的决心、更明确的目标、更有力的举措: rhetoric, not terms
    if len(key.text) > max(len(g) for g in others) + 3 and not is_word(key.text):
        return None  # 有信心、有能力维护国家主权: the item swallowed the rest of the clause
    if key.text not in (group[0], group[-1]):
        return key
    known = ctx.lexicon.is_known(key.text) or is_word(key.text)
    if "的" in key.text and not known and not any("的" in g for g in others):
        return None  # 劳动力、人才流动的体制: the cut went through the noun phrase
    if any(_starts_governed(g) for g in others):
        return key  # a list of verb phrases: the verb belongs to every item
    cut = _starts_governed(key.text)
    if not cut:
        return key
    rest = key.text[cut:]
    typical = sorted(len(g) for g in others)[len(others) // 2]
    fits = len(key.text) <= typical + 1
    if key.text == group[0] and _verb_swallowed(key.text, cut, others):
        # （引导企业）、农民合作社、家庭农场: 引导 governs the whole list, so it stays in the stem;
        # what is left is asked only when it is more than an everyday noun (F3 #37, F4 #34)
        if _everyday_word(ctx, rest):
            return None
        fits = False
    if fits and key.text[:1] not in _PREPOSITIONS:
        return key  # 科学立法、民主立法、依法立法: the item has the others' shape already
    if is_generic(rest) or len(rest) < 2 or word_ends(rest)[1] < 2:
        return key if fits else None  # 以城带乡 is not 以 + 城带乡
    return KeyPhrase(
        rest,
        key.type,
        key.sentence,
        key.start + cut,
        key.end,
        key.score,
        key.formula,
        tuple(rest if g == key.text else g for g in group),
    )


def items_worth_asking(ctx: Context, group: tuple[str, ...]) -> bool:
    """Is a 、-list a formulation whose items a teacher would blank one by one?

    Review rounds 3–6 found a list a teacher accepts to be a standard one (不平衡、不协调、
    不可持续; known to the lexicon), one of standard terms, or a longer list built on one frame
    (民事民议、民事民办、民事民管); a pair or an unframed list of working methods (规划先行、
    突出重点、分类施策、典型引路) is a guess among equally good phrases.
    """
    if _stock(group):
        return False
    if _short_attributes(group):
        # 绿色化、优质化、（特色化）、品牌化: a policy's pick of attributes, unless the lexicon
        # knows the whole list (制度化、规范化、程序化; not 弱化、虚化、边缘化 for 弱化、虚化、淡化)
        return ctx.lexicon.complete_list(group) is not None  # (review 22b)
    if len(group) < 2 or ctx.lexicon.known_list(group):
        return True
    if open_class_list(group):
        return False
    if all(ctx.lexicon.is_known(t) for t in group):
        return True
    if len(group) == 2:
        # 思想大解放、行动大担当, said again and again: a pair the text makes its slogan;
        # 贫中之贫、困中之困 / 以战止战、以武止戈, said once: a pair whose frame pins each half
        return pinned_pair(group) or (
            _patterned(group) and ctx.ex.occurrences("、".join(group)) >= 2
        )
    if all(len(t) == 3 and t[0] in "有是为在无" for t in group):
        return False  # 有标准、有网络、有内容、有人才: a checklist, though it has a frame
    if common_suffix(group) in _OPEN_CLASS_HEADS:
        # 责任意识、规则意识、集体意识、主人翁意识: a document's own pick from an open class,
        # where 诚信意识 or 法治意识 fits as well (reviews 6, 11, 14b)
        return False
    return _framed(group)


def _worth_asking_cached(ctx: Context, group: tuple[str, ...]) -> bool:
    """:func:`items_worth_asking`, once per list of the text (each of its items asks)."""
    known: dict[tuple[str, ...], bool] = ctx.indexes.setdefault("_worth_asking", {})
    worth = known.get(group)
    if worth is None:
        worth = known[group] = items_worth_asking(ctx, group)
    return worth


_OPEN_CLASS_HEADS = frozenset({"意识", "精神", "观念", "能力", "水平"})
# heads of lists a speaker picks from an open class, as terms the lexicon may know each of:
# kinds of work (思想政治工作、组织工作、宣传工作、群众工作: 统战工作 fits as well), interests
# (部门利益、地方利益、小团体利益: 个人利益), deeds done to the masses (宣传群众、动员群众、
# 教育群众: 组织群众), and a manner adverb over verbs (认真对待、认真研究、认真解决: 认真分析)
# (blind22: 0 usable of 28 rows on such lists; a list the lexicon knows whole is still asked)
_OPEN_LIST_HEADS = ("工作", "利益", "群众")
_OPEN_LIST_LEADS = ("认真", "切实", "积极", "大力", "努力", "不断", "坚决", "进一步")


def open_class_list(group: tuple[str, ...]) -> bool:
    """Is the 、-list the text's own pick from an open class (:data:`_OPEN_LIST_HEADS`,
    :data:`_OPEN_LIST_LEADS`): a head or lead every item shares, and a core of its own each?"""
    if len(group) < 3:
        return False
    suffix, prefix = common_suffix(group), common_prefix(group)
    if suffix in _OPEN_LIST_HEADS and all(len(t) > len(suffix) for t in group):
        return True
    return prefix in _OPEN_LIST_LEADS and all(len(t) > len(prefix) for t in group)


# characters that link words rather than name things: shared by every item, they set none apart
_LINKING_CHARS = frozenset("的之和与及、，")


def _framed(group: tuple[str, ...]) -> bool:
    """Are the items built on one frame: three-character beats, a shared opening or ending of two
    characters, or a character shared in place (民事民议、民事民办、民事民管)?"""
    if len(group) >= 3 and all(len(t) == 3 for t in group):
        return True
    prefix, suffix = common_prefix(group), common_suffix(group)
    return len(prefix) >= 2 or len(suffix) >= 2 or _patterned(group)


def _short_attributes(items: tuple[str, ...] | list[str]) -> bool:
    """Three or more attributes of three characters at most sharing only their suffix
    (服务性、公益性、互助性; 绿色化、优质化、特色化): unless the lexicon knows the list, 标准化
    or 规范化 fits a blank as well (reviews 13–22b)."""
    if len(items) < 3 or any(len(item) > 3 for item in items):
        return False
    suffix = common_suffix(list(items))
    if len(suffix) == 1 and suffix in _ATTRIBUTE_SUFFIXES:
        return True
    # 所喜爱、所认同、所拥有: a function prefix shared, the blank tests a plain verb against
    # its synonyms (所欢迎, 所需要) (review 23b)
    prefix = common_prefix(list(items))
    return len(prefix) == 1 and prefix in _FUNCTION_PREFIXES


_ATTRIBUTE_SUFFIXES = frozenset("化性进")
_FUNCTION_PREFIXES = frozenset("所被可要")


def _short_patterned(items: tuple[str, ...] | list[str]) -> bool:
    """Three or more items of two characters at most, all opening alike (医保、医疗、医药;
    可信、可爱、可敬)."""
    return (
        len(items) >= 3
        and all(len(item) <= 2 for item in items)
        and len({item[:1] for item in items}) == 1
    )


def _opens_section_bare(ctx: Context, s: Sentence, stem: str, a: int, b: int) -> bool:
    """Is the blank the whole object of the first verb of a sentence that opens its subsection
    (only an adverb before the verb, a clause end after the blank)? Only the heading before it
    would pin such a slot (（一）加强农村基层党组织建设。扎实推进（　　），突出政治功能).
    Mid-section (深入开展（扫黑除恶专项斗争），严厉打击…), the text around it does."""
    if not _BARE_LEAD.match(stem[:a]) or stem[b : b + 1] not in ("，", "；"):
        return False
    if not s.text.startswith(stem[:a]) or s.index == 0:
        return False
    before = ctx.sentence(s.index - 1)
    return before.is_heading and before.paragraph == s.paragraph


def _whole_pair(key: KeyPhrase, s: Sentence) -> list[str]:
    """The pair a cloze on one half of it asks (善始善终、（善作善成）asks 善始善终、善作善成),
    when the key is an item of a :func:`~.keyphrases.pinned_pair` spelled as one run in its
    sentence."""
    if not _list_item(key) or not pinned_pair(key.group):
        return []
    whole = "、".join(key.group)
    return [whole] if whole in s.text else []


def _list_item(key: KeyPhrase) -> bool:
    """Is the key one item of a 、-list of two or more (not the whole list, nor a lone term)?"""
    return key.type == "enumeration" and len(key.group) >= 2 and key.text in key.group


def _beside_list_mark(stem: str, a: int, b: int) -> bool:
    """Does a 、 stand right before or after the blank [a, b) of ``stem``?"""
    return "、" in (stem[a - 1 : a], stem[b : b + 1])


def _shared_head(ctx: Context, key: KeyPhrase, s: Sentence) -> str:
    """The head a list of short modifiers shares (宜居、韧性、智慧|城市), or ""."""
    if key.type != "enumeration" or not key.group or any(len(i) > 2 for i in key.group):
        return ""
    place = ctx.ex.groups.get(key.group)
    if place is None or place[0] != s.index:
        return ""
    end = place[2] - s.start
    head = s.text[end : end + 2]
    if len(head) < 2 or _han(head) < 2 or head[0] in "的之等和与及或":
        return ""
    return head


def _head_mates(ctx: Context, head: str) -> list[str]:
    """Modifiers X for which X+head is a phrase the lexicon or this text's keys know."""
    cache: dict[str, list[str]] = ctx.indexes.setdefault("_head_mates", {})
    mates = cache.get(head)
    if mates is None:
        known = set(_lexicon_phrases_with_head(ctx.lexicon, head))
        if len(head) == _HEAD_CHARS:
            # (each pool of the text's keys indexed by their last two characters once, not
            # scanned for each of the some forty heads a text asks; a pool added since, the
            # lazily built _enum_pool, is indexed when first met)
            indexed = ctx.indexes.setdefault("_pools_by_head", {})
            for name, pool in ctx.pools.items():
                got = indexed.get(name)
                if got is None or got[0] is not pool or got[1] != len(pool):
                    got = indexed[name] = (pool, len(pool), _by_head(pool))
                known.update(got[2].get(head, ()))
        else:
            for pool in ctx.pools.values():
                known.update(p for p in pool if p.endswith(head) and 1 <= len(p) - len(head) <= 3)
        mates = cache[head] = sorted(p[: -len(head)] for p in known)
    return mates


_HEAD_CHARS = 2  # (the length of every head _shared_head finds)


def _by_head(phrases: Iterable[str]) -> dict[str, list[str]]:
    """``phrases`` of one to three characters plus a head of :data:`_HEAD_CHARS`, by that head."""
    out: dict[str, list[str]] = {}
    for p in phrases:
        if 1 <= len(p) - _HEAD_CHARS <= 3:
            out.setdefault(p[-_HEAD_CHARS:], []).append(p)
    return out


@lru_cache(maxsize=4)
def _lexicon_phrases_by_head(lexicon: Lexicon) -> dict[str, list[str]]:
    """:func:`_by_head` of the lexicon's phrases, built once per lexicon."""
    return _by_head(lexicon.known_phrases())


@lru_cache(maxsize=256)
def _lexicon_phrases_with_head(lexicon: Lexicon, head: str) -> tuple[str, ...]:
    """The lexicon's phrases of one to three characters plus ``head`` (a text asks a few heads,
    and texts share them: the lexicon's thousands of phrases are not scanned per head)."""
    if len(head) == _HEAD_CHARS:
        return tuple(_lexicon_phrases_by_head(lexicon).get(head, ()))
    return tuple(
        p for p in lexicon.known_phrases() if p.endswith(head) and 1 <= len(p) - len(head) <= 3
    )


def _shared_opening(key: KeyPhrase) -> bool:
    """Is the key an item of a :func:`_short_patterned` list? Its siblings then spell half of
    it, and the pattern the rest. (Lexicon lists too: knowing the list is not what such a
    blank asks; its list cloze asks it, with one item shown.)"""
    return _list_item(key) and _short_patterned(key.group)


def _key_reading(
    ctx: Context, key: KeyPhrase
) -> _KeyReading | Callable[[Context], Iterator[Question]] | None:
    """The key's :class:`_KeyReading`; or the template that asks it instead (a heading, a whole
    series, a formula member under a bare mark); or None, when no question is worth asking."""
    if key.score < MIN_SCORE:
        return
    s = ctx.sentence(key.sentence)
    if s.is_noise:
        return
    if key.type == "heading":
        return partial(_heading_questions, key=key, s=s)
    if s.is_heading:
        # 三、以行动大担当推动…打造全省（高质量发展）重要增长极: a heading printed bare with its
        # ordinal and no end mark; its own keys ask it as a heading (review X2)
        return
    refined = refine_enum_item(ctx, key)
    if refined is None:
        return
    key = _second_half(refined)
    if key.type == "enumeration" and not _worth_asking_cached(ctx, key.group):
        return
    if key.type == "enumeration" and _short_list_spare(ctx, key):
        return  # 深入开展（科技）、医疗、教育干部人才帮扶: guessed from the stock pair (F3 #34/#35)
    if key.type in ("enumeration", "term") and _partly_quoted(ctx, key):
        return
    after = s.text[key.end - s.start :].lstrip("”’」")
    if after.startswith(_FIXING_COLLOCATES.get(key.text, ())):
        return  # 深化与“（一带一路）”沿线国家…: the collocate spells the term (review 23)
    mates = ctx.lexicon.list_mates(key.text) if key.type in ("enumeration", "term") else set()
    if mates and len(key.group) >= 2 and not mates & set(key.group) and not _framed(key.group):
        # 确保（病有所医）、残有所助、生活有兜底: an item of a standard list among other things,
        # so every other item of that list (老有所养 …) fits the blank as well
        return
    if _shared_opening(key):
        return  # 促进医保、（医疗）、医药: the siblings' 医 leaves one character to guess (20b)
    if _short_core(ctx, key):
        return  # 青年突击队、（青年垦荒队）、青年扫盲队: two characters left, unpinned (T2)
    if _open_head_list(ctx, key, s):
        return  # （失业保险）、工伤保险 with 生育保险 in the paragraph: one of an open class (26b)
    if _quoted_twin(key, s):
        return  # “（爱国者治港）”、“爱国者治澳”: the twin spells four of five characters (T1)
    if _idiom_pair(ctx, key, s):
        return  # 突出实践导向，（真抓实干）、务求实效: 求真务实, 狠抓落实 fit as well (T2)
    if _list_member_half_shown(ctx, key, s):
        return  # （学习本领）是…第一位本领: only 学习 is asked, and 政治能力 is first too (24)
    if _bare_manner_clause(ctx, key, s):
        return  # 不搞形式主义，（久久为功），扎实推进: 持之以恒, 循序渐进 fit as well (24, 24b)
    if _generic_head_slot(ctx, key, s):
        return  # 认真学习（中国式现代化）理论: 马克思主义, 党的创新理论 fit as well (T1)
    standard = ctx.lexicon.is_known(key.text)
    if key.type == "definition" and not standard and len(key.text) <= 3:
        return  # 小康, 人民性: a short free phrase admits near-synonyms (reviews 7–8: 0/7 usable)
    if key.type in ("quotation", "definition", "quoted") and (
        "把" in key.text or key.text.startswith(_MODALS)
    ):
        return  # 必须把树立实事求是的作风: half a 把-clause, not a thing to know
    if key.type == "series" and len(pair := _series_items(key)) == 2 and not _slogan_pair(pair):
        # （形式主义、官僚主义）现象: one item alone reads as complete (review 15b); each item is
        # asked on its own. A slogan pair of one pattern (思想大解放、行动大担当) stays.
        return
    if key.type == "series" and len(key.group) == 2 and ctx.ex.occurrences(key.text) < 2:
        # 推动（执法队伍整合、执法力量下沉）, 推行（河长制、湖长制）: a pair said once, in one
        # blank, is a guess at two phrases and their order; its items are asked one at a time
        return
    if key.type == "series" and (len(key.text) > 14 or len(key.group) >= 3):
        # 真心爱才、悉心育才、倾心引才、精心用才: too long to recall in one blank, and
        # 推进（科学立法、民主立法、依法立法）asks a list where a phrase is expected (review 14):
        # one blank per item
        return partial(_series_cloze, key=key, s=s)
    if key.type == "quoted" and len(key.text) > 12:
        return  # 宁可数量少一些，但要保证质量: a clause to recite, not a phrase to recall
    if key.type == "quoted" and _in_open_series(s.text, key.end - s.start):
        return  # 《共产党宣言》、《共产主义ABC》、《政治经济学》等: one of some examples
    if key.type == "quoted" and _example_titles(s.text, key.start - s.start, key.end - s.start):
        return  # 像《义勇军进行曲》、《黄河大合唱》…这些优秀歌曲: one of some examples
    if key.type == "quoted" and "、" in key.text:
        quoted_items = tuple(key.text.split("、"))
        if _rhetoric_pattern(quoted_items) and not ctx.lexicon.known_list(quoted_items):
            return  # 习惯于“老手势、老办法”: the speaker's rhetoric in quotes (review X1)
    if key.type == "formula" and _in_open_list(
        s.text, key.start - s.start - 1, key.end - s.start + 1
    ):
        return  # 继续实施“三支一扶”、特岗教师计划等: one programme of some (round 18b)
    if (
        key.type != "quoted"
        and not (key.group and ctx.lexicon.known_list(key.group))
        and _in_open_list(s.text, key.start - s.start, key.end - s.start)
    ):
        return  # 拜金主义、享乐主义、极端个人主义和历史虚无主义等: one of some examples
    if key.type != "quoted" and _plain_list_item(s.text, key.start - s.start, key.end - s.start):
        return  # 交纳交通费、住宿费、（伙食费）: an item of a list of like items (FT1–QT2)
    if len(key.group) >= 2 and _dangling_lead(s.text, key.start - s.start):
        return  # 其中蕴含的天下为公、民为邦本…: a fragment of the sentence before
    # (the rejections that read only the key and its sentence come before the window, the
    # costliest step of the chain: a key they stop is never cut a stem)
    if key.type != "quoted" and _bare_modifier(s.text, key.start - s.start, key.end - s.start):
        return  # 运用再贷款、再贴现、（差别化）存款准备金率: half a term (F2 class 3a)
    if key.type != "quoted" and _key_edge_fault(s.text, key.start - s.start, key.end - s.start):
        return  # 发展依靠人民、（发展成果由）人民共享: a blank must hold whole words (F1)
    if _mates_also_right(ctx, key.text):
        return  # 党组织派出（第一书记）: 驻村工作队 is sent as well, as for the 单选 (review 25)
    if _attendance_sentence(ctx, s):
        return  # （党的十九大）代表中的部分基层同志…列席会议: procedure, not content (F1 class 4)
    if "提出如下意见" in s.text or s.text.startswith(("现就", "现将")):
        return  # 现就实施（　　）提出如下意见: the document's preamble names its own title
    if (
        key.type == "quoted"
        and _han(key.text) == len(key.text) <= 3
        and not ctx.lexicon.is_known(key.text)
        and not any(c in NUMERALS for c in key.text)
        and not _in_quoted_series(s.text, key.start - s.start, key.end - s.start)
    ):
        return  # 吃上长效“（定心丸）”, 加强“（空心村）”服务管理: an idiom, not a point to know
    stem, a, b = window(ctx, s, key.start, key.end)
    if not stem:
        return
    stem, a, b = _with_colon_lead(s.text, stem, a, b)
    if _numeral_echo(stem, a, b):
        return  # 贯彻落实（党的二十大）和二十届二中全会精神: 二十 spells the blank (F2 class 3d)
    items = _series_items(key) if key.type == "series" else ()
    if len(items) >= 3 and not _list_anchored_or_known(ctx, stem, a, b, items):
        return  # （全方位、全地域、全过程）加强…: a whole list nothing in the stem names
    if len(stem) < len(s.text) and _thin_open_slot(stem, a, b):
        return  # 树立（　　），发展设施农业。: the cue cut left a bare slot (review 25)
    if _chronicle_subject(stem, a, b):
        return  # …扎实推进，（中国特色大国外交）全面推进，…: 乡村振兴 fits as well (round T3)
    if _statistic_slot(stem, a, b):
        return  # （基本公共服务均等化）实现度超过98％: a local figure is the only clue (F3 #8)
    if _stem_spells_key(stem, a, b, standard):
        return  # 扫黑除恶…家族宗族（黑恶势力）: the compound spells 黑…恶 (F4 #38, #23)
    if _word_twin(stem, a, b):
        return  # 取得（历史性成就）、发生历史性变革: the twin prints 历史性 (EC–FA, GN, JA #20)
    if _formula_variant(ctx, stem, a, b):
        return  # 做到早发现、早报告、（早处置）: the 四早 says 早隔离 (blind11 GB, GF, GI, GM)
    grown = _run_goes_on(stem[a:b], stem[b:])
    if grown:
        # 构建（共商共建共享）共赢新格局: the blank takes the run's last member too (JA #36)
        text = stem[a : b + grown]
        key = KeyPhrase(text, key.type, key.sentence, key.start, key.start + len(text), key.score)
        b += grown
    printed = _printed_head(ctx, stem, a, b)
    if printed is not None:
        rest = printed[0]
        # 我们政治经济学的根本只能是（马克思主义）政治经济学: only what sets it apart (JA #14)
        key = KeyPhrase(rest, key.type, key.sentence, key.start, key.start + len(rest), key.score)
        b = a + len(rest)
    source = s.text
    if stem.startswith(("这是", "这就是", "这些", "这一")):
        return  # 这是…: what "this" is lies in a sentence the stem does not show (review 16)
    if stem.startswith("其中") and not s.text.startswith("其中"):
        return  # …的新期望，|其中“（　　）”是方法路径: the cut dropped what 其中 picks from (X2)
    head = stem[:a].split("，", 1)[0] if "，" in stem[:a] else ""
    if head and _BACK_REFERENCE.search(head):
        return  # 只有做到了这一点，…: what "this" is lies in a sentence the stem does not show
    if _DATE_REFERENCE.search(stem) and not _DATED.search(stem):
        return  # …“确实是真理，（　　）”，这年冬天他…: which year lies in the part cut off
    if (
        key.type in ("term", "quoted") or key.type == "lexicon" and stem[a - 1 : a] != "“"
    ) and _open_frame(ctx, stem, a, b):
        # (a formula named bare, 做到（忠诚干净担当）。, is a slot like any term; named in
        # quotes, 增强“（　　）”, its quotes say a formula is meant)
        return  # 实施（供给侧结构性改革），: the text 实施s other strategies as well
    if not (key.group and ctx.lexicon.known_list(key.group)) and _shortfall_slot(stem, a, b):
        return  # 工作作风不实、（担当精神）不够: one of a list of faults, any virtue fits (X2)
    if not standard and _yi_wei_partner_spells(stem, a, b):
        return  # 以知识产权明晰为基础、以（知识价值）为导向: the other half spells 知识 (review 19)
    if _opens_section_bare(ctx, s, stem, a, b):
        return  # （一）…。扎实推进（抓党建促乡村振兴），突出政治功能: only the heading pins it (20)
    if stem[b:].startswith(_GENERIC_COMPOUNDS):
        return  # 新增（脱贫攻坚）资金项目: a modifier of a budget line, not a thing to know (20b)
    if (
        key.type == "term"
        and stem[b:].startswith(_ORGAN_HEADS)
        and _class_mate_as_frequent(ctx, key.text)
    ):
        return  # 全县（脱贫攻坚）总指挥部 in a 乡村振兴 text: its own campaign fits as well (21)
    if not standard and stem[a - 1 : a] == "以" and stem[b:].startswith(_MEANS_FRAMES):
        return  # 探索以（网格化管理）为抓手: a means slot that any tool fills (rounds 15, 20, 20b)
    if not standard and stem[a - 1 : a] == "以" and _goal_before_means(s.text, key.end - s.start):
        return  # 以（　　）为重点，以重大扶贫工程…为抓手: a local goal and its means (review 24)
    if key.type == "lexicon" and stem[:a].endswith(_CADRE_VERBS) and stem[b : b + 1] == "的":
        return  # 选拔（忠诚干净担当）的…干部: 德才兼备 fits as well (reviews 18–19b)
    if key.type == "quoted" and _PRAISE.search(stem[:a]):
        return  # 朱德同志在一首诗里称赞他：“真理寻求得，（　　）”: an anecdote (reviews 8b–17)
    if not standard and len(stem) < 16 and _bare_mark_after(stem[b:]):
        return  # 乡村振兴，（摆脱贫困）是前提。: 脱贫攻坚 fits a bare mark too (reviews 15b, 16b)
    if standard and len(stem) <= 16 and stem[a - 1 : a] == "，" and _bare_mark_after(stem[b:]):
        # 乡村振兴，（生态宜居）是关键。: every member of the formula fits the bare mark; which
        # one the text maps to 关键 is the point, asked among the others (reviews 15b–20b)
        return partial(_thesis_member_single, key=key, s=s, blanked=_blank(stem, a, b))
    tail = s.text[key.end - s.start : key.end - s.start + 2]
    if _CONGRESS.match(key.text) and tail in ("以来", "作出"):
        return  # （党的十八大）以来 / 是（党的十九大）作出的: a time or an agent, 党中央 fits too
    if _one_apart(key.text, key.group, stem[:a] + "|" + stem[b:]):
        return  # 开展河湖…，全面推行（　　）、湖长制: 湖长制 and 河湖 spell 河长制
    if len(stem) - len(key.text) < (6 if _pinned(key, s) else 10):
        # 行百里者半九十。 / 打铁必须自身硬。: a saying standing alone is asked from the end of
        # the sentence before it, which leads up to it
        before = _preceding_context(ctx, s)
        if not before or stem != s.text:
            return  # “真理是最可靠的”。: nothing left to answer from
        stem, a, b = before + stem, a + len(before), b + len(before)
        source = before + s.text
        cut = len(stem) - len(stem.lstrip(_LEAD_DASHES))
        stem, a, b = stem[cut:], a - cut, b - cut
    if stem.startswith(_SUBORDINATORS) and not re.search(r"[，；：]", stem):
        return  # 即使在“（　　）”那样艰难的时刻。: a concession whose main clause is elsewhere
    he = _bare_he(stem)
    if he >= 0:
        name = _referent(ctx, s)
        if not name:
            return  # 他还说：…: who "he" is lies in a sentence the stem does not show
        stem = stem[:he] + name + stem[he + 1 :]
        if he < a:
            a, b = a + len(name) - 1, b + len(name) - 1
    blanked = _blank(stem, a, b)
    accepted = _accepted(ctx, key) + _shared_head_forms(key.text, stem[b:])
    # (_readable of each spelling, the blanked stem folded once for all of them)
    shown = dis.fold_key(blanked.replace(BLANK, "|"))
    if any((fa := dis.fold_key(sp)) and fa in shown for sp in accepted):
        return
    explanation = _explain_text(ctx, key, s)

    # 由（官僚主义）作风引发的: any …主义 of the faults fills a modifier slot before a fault
    # head (形式主义, 命令主义): no cloze; a 单选 whose look-alikes cannot fit may stay (22)
    fault_slot = (
        key.text.endswith("主义")
        and stem[b:].startswith(_FAULT_HEADS)
        and stem[a - 1 : a] not in _LIST_JOINS  # (形式主义、（官僚主义）现象: the list pins it)
    )
    # （中国特色社会主义新时代），共青团…: an era filling the sentence's whole opening clause
    # is an open slot (党的十八大以来 fits); a 单选 among the sibling periods may stay (T1, T2)
    era_slot = _era_clause(ctx, key, s)
    # 强化战略思维、（　　）、辩证思维…: 历史思维 of the longer standard list fills the blank as
    # well; a 单选 whose lures are not of that list stays (blind rounds BF #38, BH #37)
    covered = key.type in ("enumeration", "term") and _skipped_mates(ctx.lexicon, key.group, s.text)
    # 培养什么人、（怎样培养人）这个根本问题 / 扎实推进“（一带一路）”教育行动: another phrase
    # of the key's length fills the blank's frame, in a standard list or in the text itself
    # (blind rounds CG #39, CH #21)
    alike = (
        _run_edge_mate(ctx.lexicon, key.text, key.group, s.text)
        or _stray_list_mate(ctx, key, s)
        or bool(_frame_filled_alike(ctx, key, s))
    )
    # 中国式现代化是（全体人民共同富裕）的现代化: 人与自然和谐共生, another of the five, fills
    # the members' shared frame as well; 是我国（全面建成社会主义现代化强国）的30年: so does the
    # 13-character 全面建设社会主义现代化国家 (blind14 KJ #33, KK #36, KL #8, #44)
    frame_mates = _frame_mates(ctx, key.text, stem, a, b)
    if frame_mates:
        alike = True
    # 打虎上无禁区、（拍蝇上无死角）、猎狐上无空白: the siblings print 拍蝇上无's frame, so only
    # 死角 is asked; a trivial varying part, no plain 填空 (blind16 dangfeng #21, #32)
    part = _frame_part(ctx.lexicon, stem, a, b) if key.type != "quoted" else None
    reading = _KeyReading(
        key=key,
        s=s,
        stem=stem,
        a=a,
        b=b,
        source=source,
        blanked=blanked,
        accepted=accepted,
        explanation=explanation,
        fault_slot=fault_slot,
        era_slot=era_slot,
        covered=covered,
        alike=alike,
        frame_mates=frame_mates,
        part=part,
        standard=standard,
    )
    if key.score < CHOICE_SCORE:
        return reading
    # an unknown numbered formula's look-alikes are lexicon slogans (承包地“三严三实”制度 for
    # “三权分置”), as are those of a formula used as a plain word (“三会一课”工作 for “三农”
    # 工作): absurd in the sentence, as option or as a false statement
    # (reviews 4, 6 and 8 found 增强“三严三实”, 承包地“三严三实”制度, “三会一课”工作: other
    # names rarely take the same verb; the lexicon templates ask about every formula named)
    if key.type in ("formula", "lexicon") or (
        key.type == "enumeration" and _generic_head(key.text)
    ):
        # (decided before look-alikes are gathered: a numbered formula gets neither a 单选 nor a
        # 判断 (the lexicon templates judge it), a list item with a generic head no 单选 (see
        # single_ok) and, as a list item, no 判断)
        return reading
    # (gathered only now: most keys get a cloze alone, which needs no look-alikes)
    cands, exclude, ranked = candidates_for(ctx, key)
    others = _other_wording_mates(ctx, key)
    if others:  # 科技强国 is right in the 二十大's （网络强国） slot too (round 26)
        exclude = exclude | {m for m, _ in others}
    if frame_mates:
        exclude = exclude | set(frame_mates)
    polar = dis.folded(_other_polarity(ctx, (key.text, *key.group)))
    # free-text keys need look-alikes with the same ending (…导向 for 问题导向)
    strict = key.type in ("quotation", "definition", "quoted", "enumeration")
    # the ending a look-alike must share: the last word (…强国, …问题) for longer keys
    tail = (key.text[-2:] if len(key.text) >= 4 else key.text[-1]) if strict else ""
    reach = 1.95 if strict else 3.5
    if key.type == "enumeration" and len(key.group) >= 2:
        prefix, suffix = _pattern_edges(key.group)
        if prefix or suffix:
            # 民主选举、民主协商、民主决策: look-alikes must keep the pattern (民主…)
            cands = _list_lures(ctx, key.group, prefix, suffix)
            ranked, tail = False, ""

    head = _shared_head(ctx, key, s)
    if head:
        # 打造宜居、（　　）、智慧城市: a look-alike must make a known phrase with the shared
        # head (X城市), not merely look like the key (全局性, 主动性; review 20)
        cands, ranked, tail = _head_mates(ctx, head), False, ""

    keep = _item_shape(key)
    after_blank = stem[b:]
    known = ctx.lexicon.known_phrases()
    # 发展是党执政兴国的（第一要务）, 抓好后继有人这个（根本大计）: a predicate whose subject the
    # stem names is pinned by it, and the key's standard mates (第一动力) are the test
    clause = re.split(r"[，。；：！？]", stem[:a])[-1]
    open_slot = not re.search(r"是|作为|这个|这一", clause) and not after_blank.startswith("这一")
    ism_modifier = (
        key.text.endswith("主义")
        and not fault_slot  # 由（官僚主义）作风: the faults' own rule picks these lures
        and stem[a - 1 : a] != "、"
        and after_blank[:1] != "、"
    )
    if fault_slot:
        # (the key's formula mates, and faults the text puts before the same head, fit too)
        fault_head = next(h for h in _FAULT_HEADS if stem[b:].startswith(h))
        exclude = set(exclude) | {
            m for f in ctx.lexicon.owners(key.text) for m in f.members if m != key.text
        }
        exclude |= _faults_before(ctx, fault_head)
    reading.lures = True
    reading.cands, reading.exclude, reading.ranked, reading.polar = cands, exclude, ranked, polar
    reading.strict, reading.tail, reading.reach, reading.keep = strict, tail, reach, keep
    reading.known, reading.open_slot, reading.ism_modifier = known, open_slot, ism_modifier
    return reading


@dataclass(slots=True)
class _KeyReading:
    """The seed-free half of :func:`text_questions` for one key: the key as blanked, its stem,
    what its 填空 are made from and, for a key a 单选 or 判断 may be asked on (``lures``), what
    its look-alikes are drawn from, with each lure pool once worked out (``pools``). Every check
    and step that makes it reads the text, the lexicon and jieba's dictionary, never the seed or
    the order of calls: kept in the extraction's memo, so a text generated again (another seed,
    a quiz picked from its bank) draws only the lures and builds the questions."""

    key: KeyPhrase
    s: Sentence
    stem: str
    a: int
    b: int
    source: str
    blanked: str
    accepted: list[str]
    explanation: str
    fault_slot: bool
    era_slot: bool
    covered: bool
    alike: bool
    frame_mates: tuple[str, ...]
    part: tuple[int, int] | None
    standard: bool
    # what a 单选's and a 判断's lures are drawn from (``lures``: the key may get either)
    lures: bool = False
    cands: list[str] | dis.LengthIndex = field(default_factory=list)
    exclude: set[str] = field(default_factory=set)
    ranked: bool = False
    polar: frozenset[str] = frozenset()
    strict: bool = False
    tail: str = ""
    reach: float = 0.0
    keep: Callable[[str], bool] | None = None
    known: frozenset[str] = frozenset()
    open_slot: bool = False
    ism_modifier: bool = False
    single_qid: str = ""
    pools: dict[tuple[int, bool], tuple[list[str], list[str], str] | None] = field(
        default_factory=dict
    )


# (a reading not yet worked out, where None is a key that makes no question)
_UNREAD: Any = object()


def text_questions(ctx: Context, key: KeyPhrase) -> Iterator[Question]:
    """The 填空, 单选 and 判断 on one key: its reading (:func:`_key_reading`, kept per text),
    then the questions, whose lures the seed draws."""
    readings = ctx.ex.memo.setdefault("key_reading", {})
    r = readings.get(key, _UNREAD)
    if r is _UNREAD:
        r = readings[key] = _key_reading(ctx, key)
    if r is None:
        return
    if not isinstance(r, _KeyReading):
        yield from r(ctx)  # a template of its own: a heading, a whole series, a formula member
        return
    key, s, stem, a, b, source, blanked = r.key, r.s, r.stem, r.a, r.b, r.source, r.blanked
    explanation, part, para = r.explanation, r.part, s.paragraph
    fault_slot, era_slot, covered = r.fault_slot, r.era_slot, r.covered
    if r.frame_mates:
        yield from _horizon_single(ctx, key, s, stem, a, b)

    if part is not None and part[0] < part[1] and not (fault_slot or era_slot or covered):
        asked = stem[part[0] : part[1]]
        yield Question(
            id=question_id(ctx.doc_key, "cloze", "cloze", asked + "|" + key.text, source),
            kind="cloze",
            stem=_blank(stem, *part),
            options=[],
            answer=[asked],
            keys=[asked, key.text, *_whole_pair(key, s)],
            source=source,
            explanation=explanation,
            accepted=[[asked]],
            ordered=True,
            paragraph=para,
            difficulty=_difficulty("cloze", asked),
            template="cloze",
            formula=key.formula,
        )
    qid = question_id(ctx.doc_key, "cloze", "cloze", key.text, source)
    if not fault_slot and not era_slot and not covered and not r.alike and part is None:
        yield Question(
            id=qid,
            kind="cloze",
            stem=blanked,
            options=[],
            answer=[key.text],
            keys=[key.text, *_whole_pair(key, s)],
            source=source,
            explanation=explanation,
            accepted=[list(r.accepted)],
            ordered=True,
            paragraph=para,
            difficulty=_difficulty("cloze", key.text),
            template="cloze",
            formula=key.formula,
        )

    if not r.lures:
        return
    cands, exclude, ranked, polar = r.cands, r.exclude, r.ranked, r.polar
    strict, tail, reach, keep, known = r.strict, r.tail, r.reach, r.keep, r.known
    standard, open_slot, ism_modifier = r.standard, r.open_slot, r.ism_modifier
    after_blank = stem[b:]
    listed = key.type == "enumeration"
    # (the 单选's id, which seeds the draw's rng: made on the first draw, as most keys find too
    # few lures; seed-free, so kept with the reading)
    single_qid = r.single_qid
    rng: random.Random | None = None

    def lure_pool(n: int, statement: bool) -> tuple[list[str], list[str], str] | None:
        """What ``n`` lures are drawn from: the pool, the text's contrast of the key that comes
        first, and the typed head every lure keeps; for a false statement (``statement``) none
        the Party holds to as it holds to the key (:func:`_held_alike`). Seed-free: worked out
        once per key and text (``_KeyReading.pools``)."""

        def shape(c: str) -> bool:
            return (
                (keep is None or keep(c))
                and not (statement and _held_alike(ctx.lexicon, key.text, c))
                and not _split_ending(key.text, c)
                # (a list item's lures come from the text's lists and the whole vocabulary by
                # shape alone: 养老服务体系 for 军民融合's 体系, KA–KL)
                and not (listed and _off_field_lure(ctx, c, key.text, key.group, blanked))
                # (any key, listed or not: 洋务运动 of 太平天国运动、（　　）、戊戌变法 is a quoted
                # event, its group the events after it)
                and not _event_among_kinds(c, key.group or (key.text,))
                and not _kind_among_events(c, key.group or (key.text,))
                and not (listed and _enemy_misfit(ctx.lexicon, c, key.group))
            )

        pool = dis.best_candidates(
            key.text,
            cands,
            n,
            exclude=exclude,
            stem=blanked,
            ranked=ranked,
            same_ending=tail,
            max_distance=reach,
            banned=polar,
            aliases=ctx.lexicon.names,
            keep=shape,
        )
        if pool is None:
            return None
        # (decided on the pool, not on the draw, so that a seed never decides whether the
        # question exists): 习近平强军思想 beside 习近平新时代中国特色社会主义思想, arguably
        # right, is no lure, and a pool whose every lure shares an opening or ending the
        # answer lacks (习近平X思想 for 毛泽东思想) makes the answer the odd one (F1–F2)
        pool = [c for c in pool if not _inside_a_member(c, key.text + "，" + s.text)]
        typed = _typed_head(key.text)
        if typed:  # 更高水平（开放型经济）新体制: 冰雪经济新体制 is absurd there (F6 #19)
            pool = [c for c in pool if c.endswith(typed)]
        also_right = (
            _also_right_mates(ctx.lexicon, key.text, blanked, key.group) if open_slot else None
        )
        # a class mate the text itself writes before the blank's next two characters is right
        # there too: （战略性新兴产业）集群 where the text has 先进制造业集群 (CA #15, CE #15)
        frame_after = after_blank[:2] if _han(after_blank[:2]) == 2 else ""
        key_class = ctx.lexicon.term_class(key.text)

        # (the text's contrast of the key, see below; computed first: fit reads it)
        contrasts, framed = _text_contrasts(ctx, key.text, blanked)

        def framed_mate(c: str) -> bool:
            return (
                bool(frame_after)
                and key_class is not None
                and ctx.lexicon.term_class(c) == key_class
                and c + frame_after in ctx.ex.doc.text
                # (not inside the key's own use: 公有制经济发展 in 非公有制经济发展)
                and bool(_bare_uses(ctx.ex.doc.text, c + frame_after, key.text + frame_after))
            )

        def fit(c: str) -> bool:
            return (
                not _loose_class_lure(ctx.lexicon, c, key.text, s.text, bool(contrasts))
                and not (also_right is not None and also_right(c))
                and not framed_mate(c)
                and not (ism_modifier and _unfit_head(c, after_blank, ctx.ex.doc.text, known))
                and not _foreign_lure(ctx.lexicon, c, (key.text, *key.group), s.text)
                and not (n >= 3 and _single_form_clash(key.text, c))
                and not (n >= 3 and _echo_pattern_clash(key.text, c))
            )

        # the text's own contrast of the key (生产性服务业 beside 生活性服务业) is the first lure
        # of a 单选 when it passes the same tests (DD #16), and no lure when the text writes it
        # in the blank's frame too; the others are drawn as before
        pool = [c for c in pool if fit(c) and c not in framed]
        # a lure of another field (因村施策 for the epidemic's 精准施策) loses to the in-field
        # ones: one at most, and only to fill the options (two of one field were ruled out
        # together, blind8–blind11 rounds)
        off_field = [c for c in pool if _poverty_lure(c, (key.text, *key.group), s.text)]
        if off_field:
            pool = [c for c in pool if c not in off_field]
            pool += off_field[: max(0, min(1, n - len(pool)))]
        if len(pool) < n or (n >= 3 and _lures_odd_out(key.text, pool)):
            return None
        if n >= 3 and _one_family(ctx.lexicon, pool):
            return None  # 蓝天、碧水、净土保卫战 and 污染防治攻坚战 beside 脱贫攻坚战 (CG #6, #26)
        contrast = [] if n < 3 else _drawable_contrast(key.text, contrasts, pool, fit, typed)
        return pool, contrast, typed

    def pick_wrong(n: int, statement: bool = False) -> list[str] | None:
        """``n`` lures drawn from :func:`lure_pool`'s with the question's rng."""
        nonlocal rng, single_qid
        drawn = r.pools.get((n, statement), _UNREAD)
        if drawn is _UNREAD:
            drawn = r.pools[n, statement] = lure_pool(n, statement)
        if drawn is None:
            return None
        pool, contrast, typed = drawn
        if rng is None:
            if not single_qid:
                single_qid = r.single_qid = question_id(
                    ctx.doc_key, "single", "single", key.text, source
                )
            rng = _rng(ctx, single_qid)
        if contrast:
            rest = [c for c in pool if c != contrast[0]]
            picked = [contrast[0], *rng.sample(rest, n - 1)]
        else:
            picked = rng.sample(pool, n)  # as dis.pick draws
        if n >= 3:
            picked = _family_mixed(ctx.lexicon, picked, pool)
            picked = _ending_mate(key.text, picked, pool)
        if n >= 3 and _lures_odd_out(key.text, picked):
            picked = _mixed_draw(key.text, picked, pool)
        if n >= 3:
            picked = _edge_keeper(key.text, picked, pool)
            picked = _series_length_mate(key.text, picked, pool, blanked)
            picked = _series_mate(key.text, picked, pool, blanked)
            picked = _field_mate(key.text, picked, pool, blanked, ctx)
            picked = _length_class_mates(key.text, picked, pool)
        return picked

    def _drawable_contrast(
        answer: str, contrasts: list[str], pool: list[str], fit: Callable[[str], bool], typed: str
    ) -> list[str]:
        """The key's text contrasts (:func:`_text_contrasts`) that pass the tests of every lure."""
        found = [c for c in contrasts if c in pool or (fit(c) and c.endswith(typed))]
        if not found:
            return []
        kept = dis.best_candidates(
            answer,
            found,
            1,
            exclude=exclude,
            stem=blanked,
            max_distance=reach,
            banned=polar,
            aliases=ctx.lexicon.names,
            keep=keep,
        )
        return [
            c for c in kept or [] if c in pool or not _inside_a_member(c, answer + "，" + s.text)
        ]

    wrong = pick_wrong(3)
    single_ok = wrong is not None and not (strict and _generic_head(key.text))
    if single_ok and _manner_key(ctx, key):
        single_ok = False  # （综合施策）推动…: 分类施策 fills it as well (DC #36)
    if single_ok and (_open_group_member(ctx, key, blanked) or _title_key(ctx, key)):
        single_ok = False  # 形成了（井冈山精神）、长征精神…等伟大精神 (QD #23); the title's subject
    if single_ok and _listed_education(ctx, key, blanked):
        single_ok = False  # 强化（党性教育）和业务培训: 警示教育 fits as well (CK–CP, QD–QF)
    if key.type == "definition" and not standard:
        single_ok = False  # 人民性 among 转折性, 积极性: a shared ending is not a shared sense
    if single_ok and wrong and _echoed(key, blanked, wrong):
        single_ok = False  # 由农业大国向（　　）转变 with 农业强国 the only …农业… option
    if (
        wrong is None
        and key.score >= FULL_SCORE
        and key.type in _FALSIFIABLE
        # (decided first: a true statement of a fact needs no swap)
        and not (_judged_true(ctx, key, source) and _historical_fact(stem))
    ):
        wrong = pick_wrong(1, statement=True)  # one look-alike is enough for a false statement
    if wrong and single_ok:
        assert rng is not None  # drawn from by pick_wrong
        yield Question(
            id=single_qid,
            kind="single",
            stem=blanked,
            options=_shuffle([key.text, *wrong], rng),
            answer=key.text,
            keys=[key.text],
            source=source,
            explanation=explanation,
            paragraph=para,
            difficulty=_difficulty("single", key.text),
            template="single",
            formula=key.formula,
        )
    if wrong and any(_held_alike(ctx.lexicon, key.text, w) for w in wrong):
        # 坚决反对（形式主义）: 分散主义 makes a 单选 lure, but a statement that the Party opposes
        # 分散主义 is true; the statement takes another foil or is not made (blind round BE #24)
        wrong = [w for w in wrong if not _held_alike(ctx.lexicon, key.text, w)]
        wrong = wrong or pick_wrong(1, statement=True)
    # a term of a class whose members each name one thing, asked as a 单选, is judged false
    # with one of the 单选's lures of its class in its place (see SWAPPABLE_CLASSES)
    named = _swappable_term(ctx, key, wrong if single_ok else None)
    if named:
        wrong = named
    floor = CHOICE_SCORE if named else FULL_SCORE
    if key.score < floor or len(stem) < 16 or len(stem) - len(key.text) < 10:
        return  # a true/false statement needs context around the key
    if key.type == "enumeration" or s.is_heading or not (named or _checkable(ctx, key, s.text)):
        # a list item is a measure, a heading an imperative (a named formula, judged by the
        # lexicon templates, stopped above): none is a fact this sentence should be judged on
        return
    if named and _CUT_PREDICATE.search(stem):
        return  # 新民主主义革命时期，党面临的主要任务是。: what it is was cut off
    truth = False if named else _judged_true(ctx, key, source)
    opening = s.text.lstrip(_LAYOUT_LEAD)
    opening = opening[article_label_len(opening) :]
    head = opening.split("，", 1)[0]
    if head in _CONNECTIVES:
        opening = opening[len(head) + 1 :]
    if not opening.startswith(stem.rstrip("。…")[:12]):
        # 制定…等重大问题作出决定: a window cut from the middle is not a statement; a member's
        # statement is then the sentence's opening, up to the end of the key's clause group
        at = key.start - s.start - (len(s.text) - len(opening))
        whole = _opening_statement(opening, at, key.text) if key.type == "member" else None
        if whole is None:
            return
        stem, a, b = whole
    if opening.startswith(_PRONOUN_SUBJECTS + _SUBORDINATORS):
        return  # 他还说：“…” / 即使在…时刻。: whose statement, or what it leads to, lies elsewhere
    if truth and _UTTERANCE.search(stem):
        return  # 朱德同志在一首诗里称赞他：“…”: an anecdote, true by its sound (reviews 8b–16b)
    if truth and not _historical_fact(stem):
        # 五年来，我们坚持…全面贯彻新发展理念: a record or a measure read back as written is
        # true by its sound (reviews 9–11b); only a dated or named fact is worth confirming
        if not wrong or key.type not in _FALSIFIABLE:
            return
        truth = False
    if truth:
        # a true statement tests something only when its key could have been swapped for a
        # same-type lure (F1 #28, F2 #23, R29 #7: a sentence copied as written is true by its
        # sound); even then the false twin is preferred, and one in four stays true
        if key.type not in _FALSIFIABLE:
            return
        if not wrong:
            wrong = pick_wrong(1, statement=True)
        if not wrong:
            return
        truth = _stays_true(ctx, key, source)
    if _purpose_clause(s.text):
        return  # 为了…，根据…，制定本细则: a document's purpose and basis test nothing (F2)
    if not truth and _list_outgrows_formula(ctx, key, s.text):
        return  # 党史…、中华民族发展史 is no 四史: 中华文明史 in 党史's place reads as true too
    if source in ctx.judged:
        return  # one statement per sentence: four swaps of one list are one question
    ctx.judged.add(source)
    template = "judge_true" if truth else "judge_false"
    qid = question_id(ctx.doc_key, "judge", template, key.text, source)
    if truth:
        statement = stem
    else:
        wrong = [
            w
            for w in wrong or []
            if not _swap_reads_wrong(stem, a, b, key, w)
            and not _swap_holds_or_shows(ctx.lexicon, key.text, w)
            and not _formula_companion(ctx, key, w, s.text)
        ]
        if not wrong or _advancing_list_slot(stem, a, b, key):
            return
        swap = sorted(wrong)[_fixed_rng(single_qid).randrange(len(wrong))]
        statement = stem[:a] + swap + stem[b:]
        explanation = f"错误。原文为“{key.text}”，不是“{swap}”。" + explanation
    if truth:
        explanation = "正确。" + explanation
    shown_key = key.text if truth else swap
    yield Question(
        id=qid,
        kind="judge",
        stem=statement,
        options=[],
        answer=truth,
        keys=[shown_key],
        source=source,
        explanation=explanation,
        paragraph=para,
        difficulty=_difficulty("judge", key.text),
        template=template,
        formula=key.formula,
    )


# Vocabulary classes whose members each name one thing (a period of the Party's history, the
# 根本/基本 standing of one system, the 第一… of one item, one named spirit or thought, one
# regional strategy): a member in another's place makes a clearly false statement. Open classes
# (党内教育, 重大战略, 强国 goals, 改革举措, 经济形态, 安全领域 …) leave a swap that reads as
# true or absurd: on the tuning sets their swaps read 60–70% usable, these 33 of 34 (eighteenth
# session, helper "mix"; docs/generation.md).
SWAPPABLE_CLASSES = frozenset(
    {"历史时期", "制度定位", "第一定位", "精神谱系", "科学理论", "区域战略"}
)
# a statement whose last clause stops on its copula or verb: what it says was cut off
_CUT_PREDICATE = re.compile(r"(?:是|为|即|到)。?$")
# the longest statement made from a sentence's opening (a window cut from the middle)
JUDGE_OPENING_CHARS = 110
_GROUP_END = re.compile("[；;。！？!?…]")


def _swappable_term(ctx: Context, key: KeyPhrase, lures: list[str] | None) -> list[str]:
    """The lures of ``key``'s 单选 (``lures``) that make its false statement when ``key`` is a
    vocabulary term of a class in :data:`SWAPPABLE_CLASSES`: those of its own class, none held
    alike (empty when it is no such term)."""
    if key.type != "term" or not lures:
        return []
    cls = ctx.lexicon.term_class(key.text)
    if cls not in SWAPPABLE_CLASSES:
        return []
    return [
        w
        for w in lures
        if ctx.lexicon.term_class(w) == cls and not _held_alike(ctx.lexicon, key.text, w)
    ]


def _opening_statement(opening: str, at: int, key: str) -> tuple[str, int, int] | None:
    """A statement of the sentence ``opening`` (its lead trimmed) on the key at ``at``: the
    sentence from its start to the end of the key's clause group (the next ；。！？), when the
    key is in the first group and the statement is no longer than JUDGE_OPENING_CHARS; with
    the key's offsets in it. For a member whose window was cut from the middle of a long
    sentence (精神懈怠危险、能力不足危险…更加尖锐地摆在全党面前 without 新形势下，党面临的…)."""
    if at < 0 or opening[at : at + len(key)] != key or _GROUP_END.search(opening, 0, at):
        return None
    end = _GROUP_END.search(opening, at + len(key))
    body = opening[: end.start() if end else len(opening)].rstrip("，,：:、")
    if len(body) + 1 > JUDGE_OPENING_CHARS:
        return None
    # (a list's enumerator opening it goes, as from a window: 五是要学习党史、…)
    return _without_cut_connective(body + "。", at, at + len(key))


# Verbs of a process (加强, 推进 …): after 实现 (which takes a result: 实现全面建成小康社会) a swap
# that starts with one reads garbled, 实现全面推进科技创新 (blind15 LC #53, LD #52, LE #34)
_PROCESS_VERBS = (
    "加强", "推进", "推动", "深化", "加快", "提高", "提升", "坚持", "落实", "完善", "健全",
    "增强", "扩大", "促进", "实施", "实行", "建设", "构建", "发展",
)  # fmt: skip


# verbs a swapped clause may open on where the key is a thing (把握（社会主义初级阶段）这个基本
# 国情 → 把握立足新发展阶段这个基本国情: a verb phrase as the object, garbled); not 发展 and
# 建设, which open nouns as often (发展自信, 建设成就)
_SWAP_OPENING_VERBS = (
    *(v for v in _PROCESS_VERBS if v not in ("发展", "建设")),
    "立足", "把握", "统筹", "贯彻", "树立",
)  # fmt: skip


def _swap_reads_wrong(stem: str, a: int, b: int, key: KeyPhrase, swap: str) -> bool:
    """Does ``swap`` in the key's place clash with the verb before the slot, where the key does
    not: a process verb after 实现 (实现全面推进科技创新: blind15 LC #53, LD #52, LE #34), or
    any verb phrase where the key, a thing, is the object of the word before it (把握立足新发展
    阶段这个基本国情; 坚持全面加强党的领导、全面深化改革…的战略布局, where the swap, true of
    the Party too, reads as a clause)?"""
    before = stem[:a]
    if not before or not _han(before[-1]):
        return False
    head = swap.removeprefix("全面")
    own = key.text.removeprefix("全面")
    if before.endswith("实现"):
        return head.startswith(_PROCESS_VERBS) and not own.startswith(_PROCESS_VERBS)
    return head.startswith(_SWAP_OPENING_VERBS) and not own.startswith(
        (*_SWAP_OPENING_VERBS, "建成", "务必", "面向")
    )


def _swap_holds_or_shows(lexicon: Lexicon, key: str, swap: str) -> bool:
    """Is ``swap`` no false statement in the key's place: a spelling one character off a key of
    six or more (建设中国特色社会主义法律体系 for …法治体系: read as the key, and true of the
    Party as well), or a term of another vocabulary class that is no formula's member (以邓小平
    同志谈心谈话为标志 for 南方谈话: a routine practice for a historic event, false by its sound:
    transfer2 FC #27, FE #26)?"""
    if len(key) >= 6 and one_apart_in_place(key, swap):
        return True
    own, other = lexicon.term_class(key), lexicon.term_class(swap)
    return bool(own and other and own != other and not lexicon.owners(swap))


def _formula_companion(ctx: Context, key: KeyPhrase, swap: str, sentence: str) -> bool:
    """Is ``swap``, in a member's place in a sentence that states the members, a companion of
    the formula rather than a mistake: a sibling of a member, all of it but its last one or two
    characters that member's, three at least (老有所乐, 老有所为 beside 老有所养 among the 七有;
    建设社会主义法治文化 beside 建设社会主义法治国家), or a phrase whose own part, what it does
    not share with the key, the sentence itself writes (自我监督 for 自我完善 in 党和国家监督体系
    是…实现自我净化、自我完善…的重要制度保障)? The sentence with it reads true in substance,
    another item of the same programme, and is no false statement (it may still be a 单选 lure,
    where the stem asks the text's member; a 判断 naming the formula,
    :func:`_lexicon_name_and_judge`'s, is false with it). Kinds of one head swapped for each
    other (伟大变革 for 伟大斗争, 政治洞察力 for 政治判断力) read as the formula misremembered
    and stay (judged usable: review 22 #13, transfer2 FC #10, blind9 CL #34)."""
    formula = ctx.lexicon.get(key.formula) if key.type == "member" and key.formula else None
    if formula is None or swap in formula.members:
        return False
    for m in formula.members:
        if len(m) == len(swap) and len(m) >= 4 and m[:-2] == swap[:-2] and len(m) - 2 >= 3:
            return True
        if len(m) == len(swap) == 4 and m[:3] == swap[:3]:
            return True
    opening = len(common_prefix((key.text, swap)))
    ending = len(common_suffix((key.text, swap)))
    own = swap[opening : len(swap) - ending]
    rest = sentence.replace(key.text, "、")
    return len(own) >= 2 and own in rest


# how a list is said to advance (促进新型工业化、信息化…同步发展; …持续推进; 基本实现…): any
# real policy of the items' kind advances too, so a swapped item reads true
_PROGRESS_BEFORE = ("实现", "促进", "推进", "推动")
_PROGRESS_AFTER = (
    "持续推进", "同步发展", "协调发展", "深入推进", "加快推进", "稳步推进", "全面推进", "取得",
    "不断", "显著", "明显",
)  # fmt: skip


def _advancing_list_slot(stem: str, a: int, b: int, key: KeyPhrase) -> bool:
    """Is the key one item of a 、-list the sentence says is advancing (实现/促进 before its
    first item, 持续推进/取得… after its last), with no ``的`` + noun naming the set? Then a
    same-type swap (国际化, 绿色化 for 新型工业化) states something true in substance, false
    only as a misquotation (blind15 LB #57, LD #44)."""
    if len(key.group) < 3 or key.text not in key.group:
        return False
    first, last = key.group[0], key.group[-1]
    at = b if last == key.text else stem.find(last, b)
    begin = a if first == key.text else stem.rfind(first, 0, a)
    if at < 0 or begin < 0:
        return False
    after = stem[at + len(last) :]
    if after.startswith("的"):
        return False  # 实现自我净化、…、自我提高的重要制度保障: the set is named (DC #14)
    return stem[:begin].endswith(_PROGRESS_BEFORE) or after.startswith(_PROGRESS_AFTER)


# Verbs that take any policy or strategy as their object: a term alone after one of them, closing
# its clause, is one guess among many (实施（　　），; 不搞（　　），; 中国共产党是（　　）。).
_OPEN_VERBS = (
    "实施", "实行", "推行", "推进", "推动", "构建", "建立", "建设", "完善", "健全", "深化",
    "加强", "加快", "开展", "落实", "坚持", "严守", "选派", "取得", "取得了", "不搞", "是",
    "打造", "形成", "强化", "促进", "提升", "提高", "巩固", "探索", "发展", "支持", "鼓励",
    "克服", "反对", "防止", "纠正", "破除", "发挥", "做到",
    "派出", "派驻", "树立", "学习贯彻", "贯彻落实", "进行",
    "保持", "压实",
    # named in three or more transfer reports (T4–Q3): 弘扬（　　）, 履行（　　）, 执行（　　）
    "弘扬", "树牢", "履行", "执行", "遵守", "肩负",
)  # fmt: skip
_OPEN_VERB_SET = frozenset(_OPEN_VERBS)
# (longest first, so that a search finds 贯彻落实 rather than its 落实)
_OPEN_VERB_ALTERNATION = "|".join(sorted(_OPEN_VERBS, key=len, reverse=True))
_OPEN_VERB_RE = re.compile(_OPEN_VERB_ALTERNATION)
_OPEN_TAILS = ("工作长效机制", "迈出", "取得", "作用")
# an adverb at most, then one of _OPEN_VERBS: the whole lead of a sentence's first object
_BARE_LEAD = re.compile(
    "^(?:扎实|深入|大力|全面|积极|持续|切实|进一步|着力|认真|坚决|稳步|继续|不断)?"
    f"(?:{_OPEN_VERB_ALTERNATION})$"
)
# generic compounds a key may only modify (…资金项目, …用地指标): a budget or planning line
_GENERIC_COMPOUNDS = ("资金", "项目", "指标", "用地", "经费", "基金", "补贴")
# organ or mechanism heads a campaign name may only modify (…总指挥部, …领导小组, …责任制)
_ORGAN_HEADS = ("总指挥部", "指挥部", "领导小组", "责任制", "工作机制", "工作队", "攻坚期", "期内")


def _class_mate_as_frequent(ctx: Context, term: str) -> bool:
    """Does another term of ``term``'s vocabulary class occur in the text at least as often
    (乡村振兴 43 times where 脱贫攻坚 is said 11)? Then that term fits a modifier slot too."""
    cls = ctx.lexicon.term_class(term)
    if cls is None:
        return False
    counts = ctx.indexes.setdefault("_term_counts", {})
    text = ctx.ex.doc.text

    def count(t: str) -> int:
        if t not in counts:
            counts[t] = text.count(t)
        return counts[t]

    own = count(term)
    return any(
        mate not in term and term not in mate and count(mate) >= own
        for mate in ctx.lexicon.class_terms(cls)
    )


# 以（　　）为抓手: a means or a support, not a goal or a principle (以（　　）为中心 / 为主线 stay)
_MEANS_FRAMES = tuple(
    f"为{w}" for w in ("抓手", "支撑", "载体", "依托", "平台", "突破口", "切入点", "手段", "纽带")
)
_GOAL_MEANS_RE = re.compile(
    "为(?:重点|着力点)[，,]以[^，,；;。]{2,24}?(?:" + "|".join(_MEANS_FRAMES) + ")"
)


def _goal_before_means(text: str, end: int) -> bool:
    """Does a 以…为重点 slot ending at ``end`` have a 以…为抓手 clause right after it, so the
    two name one paragraph's own goal and means (以解决突出制约问题为重点，以…工程为抓手)?"""
    return _GOAL_MEANS_RE.match(text, end) is not None


# verbs whose object is a fault: any fault of the kind fills a bare slot after one
_FAULT_VERBS = frozenset({"克服", "破除", "纠正", "防止", "反对"})
# heads naming a kind of fault (官僚主义作风, 享乐主义倾向): a …主义 before one is an open slot
_FAULT_HEADS = ("作风", "倾向", "思想", "现象", "习气", "之风")
# verbs of a stock evaluation: 取得了（历史性成就）takes 巨大成就, 显著成就 as well (review 13)
_STOCK_VERBS = frozenset({"取得", "取得了"})


def _faults_before(ctx: Context, fault_head: str) -> frozenset[str]:
    """The …主义 the text puts before ``fault_head``, as every tail of four characters or more
    of the run before it (极端个人主义作风: 个人主义, 端个人主义, 极端个人主义): searched once
    per head and text, not once per key."""
    found: dict[str, frozenset[str]] = ctx.indexes.setdefault("_faults_before", {})
    if fault_head not in found:
        text = ctx.ex.doc.text
        found[fault_head] = frozenset(
            text[m.start() + k : m.end() - len(fault_head)]
            for m in re.finditer(f"[\u4e00-\u9fff]{{2,6}}主义{fault_head}", text)
            for k in range(m.end() - m.start() - len(fault_head) - 3)
        )
    return found[fault_head]


def _item_shape(key: KeyPhrase) -> Callable[[str], bool] | None:
    """The shape a look-alike of a list item keeps: the key's length, and the opening it shares
    with a neighbouring item (多主体供给、（多渠道保障）: 多层次保障, not 权益保障; review 22b)."""
    if not _list_item(key):
        return None
    at = key.group.index(key.text)
    neighbours = key.group[max(0, at - 1) : at] + key.group[at + 1 : at + 2]
    opening = key.text[0] if any(n[:1] == key.text[0] for n in neighbours) else ""
    size = len(key.text)
    # 生产发展、生活富裕、生态良好: a look-alike opening like another printed item (生活方式,
    # 生态振兴) fills that item's slot, not the key's (round 26)
    opened = _opened_heads(key.group, key.text)
    return lambda cand: len(cand) == size and cand.startswith(opening) and cand[:2] not in opened


def _pattern_edges(items: tuple[str, ...]) -> tuple[str, str]:
    """The opening and the ending the items share as the list's pattern (民主选举、民主协商:
    民主). A one-character opening that is only the first character of each item's own first
    word (生产|发展、生活|富裕、生态|良好) is no pattern and counts as none, unlike one before
    each core (有灵魂、有本事, 更高质量、更有效率: one 有/更). Round 26."""
    prefix, suffix = common_prefix(items), common_suffix(items)
    if len(prefix) == 1 and not suffix:
        heads = {i[:2] for i in items}
        if len(heads) == len(items) and all(is_word(h) for h in heads):
            prefix = ""
    return prefix, suffix


def _opened_heads(items: Iterable[str], key: str) -> frozenset[str]:
    """The two-character openings of the printed list items other than ``key``, less the one
    they all share (民主选举、民主协商: 民主 is the pattern, not another item's head)."""
    items = list(items)
    if len(common_prefix(items)) >= 2:
        return frozenset()
    return frozenset(i[:2] for i in items if i != key and i[:2] != key[:2])


_DETERMINER_RUN = re.compile(r"(?:(?:一切|各种|任何)形式的|一切|各种|任何)$")
_SHORTFALL = re.compile(r"(?:还|仍|仍然)?(?:不够|不强|不足|不实|不高|不力|不到位)")


_ITEM_MARKS = re.compile(r"[、，；。：！？]")


def _shortfall_slot(stem: str, a: int, b: int) -> bool:
    """Is the blank [a, b) the subject of a shortfall (（担当精神）不够) among other such faults,
    in a 、-list or in parallel clauses (服务意识不强、工作作风不实、（　　）不够;
    有的主动意识不强，…；有的（　　）不足)? Any virtue fills it (review X2)."""
    if not _SHORTFALL.match(stem, b):
        return False
    parts = _ITEM_MARKS.split(stem[:a] + "|" + stem[b:])
    return sum(1 for p in parts if _SHORTFALL.search(p)) >= 2


# a text up to its last clause or list mark (one regex, not a search per mark)
_UP_TO_LAST_MARK = re.compile(r".*[、，,；;：:。！？]", re.DOTALL)


def _open_frame(ctx: Context, stem: str, a: int, b: int) -> bool:
    """Is the blank [a, b) of ``stem`` a bare object slot that other terms fill as well: after a
    generic verb, closing its clause, with no list or pair partner beside it, where the same
    verb takes another object in the stem (不搞（　　），不搞一刀切) or another term of the
    key's kind elsewhere in the text (实施（供给侧结构性改革） where the text 实施扩大内需战略)?
    Reviews 9–11 found such clozes answerable by those fillers as well."""
    # kept with the extraction: it reads the stem, the text's per-text indexes, the lexicon
    # and jieba's dictionary only (the extraction's cache key), not the seed
    memo: dict[tuple[str, int, int], bool] = ctx.ex.memo.setdefault("open_frame", {})
    got = memo.get((stem, a, b))
    if got is None:
        got = memo[(stem, a, b)] = _is_open_frame(ctx, stem, a, b)
    return got


def _is_open_frame(ctx: Context, stem: str, a: int, b: int) -> bool:
    before, after = stem[:a], stem[b:]
    key = stem[a:b]
    if after[:1] in ("", "。", "！") and _SHI_DE_END.search(before):
        return True  # …，是共青团的（初心使命）。: 光荣传统, 立身之本 fit as well (round T3)
    if before.endswith("对") and after.startswith(_GRASP_FRAMES):
        return True  # 加深了对（　　）的理解: any doctrine fits (rounds Y3, Y4)
    if before.endswith("把") and after.startswith(_BA_DUTY_FRAMES):
        return True  # 把（主体责任）扛在肩上: any duty or task fits (round Y1)
    # 反对一切形式的（恐怖主义）: a determiner between the verb and the blank leaves the slot as
    # open as a bare object (霸权主义, 单边主义 fit as well; review X2)
    before = _DETERMINER_RUN.sub("", before)
    verb = _verb_before(before, len(before))
    if not verb:
        # 提高全党（斗争本领）, 以顽强（斗争精神）, 推进党的（　　）: a scope word, an adjective or
        # a possessive of four characters at most between the verb and the blank (round T3)
        verb = _verb_past_modifier(before)
    if not verb:
        # 落实全面从严治党（政治责任）: a lexicon term modifying the slot leaves it as open as a
        # bare object (主体责任 fits as well; R30 #38)
        verb = _verb_past_term(ctx, before)
    if not verb:
        last_mark = _UP_TO_LAST_MARK.match(before)
        x = last_mark.end() if last_mark else 0
        # (not the second half of a pair: 建立激励机制和（容错纠错机制）)
        if (
            before[-1:] not in ("和", "与", "及")
            and _OPEN_VERB_RE.search(before[x:])
            and _class_chain(ctx, stem, a, b, "")
        ):
            return True  # 提高政治站位，压实管党治党（政治责任）: a chain of class mates (Y1)
        return _list_lead_open(ctx, stem, a, b)  # 推行河长制、（湖长制）: 林长制 fits (X3)
    if _class_chain(ctx, stem, a, b, verb):
        return True  # 提高政治站位、强化（政治担当）、压实政治责任: a chain of class mates (Y1)
    loose = after[:1] in "和与" and not _pair_sibling(ctx, key, after[1:])
    if loose:
        # 提高全党（斗争本领）和应对风险挑战能力: what follows 和 is no sibling of the key; only
        # a class mate of the key's head (执政本领) makes the slot open (round T3)
        return _head_mate_fits(ctx, key, stem)
    if not (not after or after[0] in "，。；！？…" or after.startswith(_OPEN_TAILS)):
        return _list_lead_open(ctx, stem, a, b)  # 坚持（稳中求进）工作总基调: the words pin it
    if _head_mate_fits(ctx, key, stem):
        return True  # 提高（斗争本领），: 执政本领 fits as well (round T3)
    if verb in _DOCTRINE_VERBS:
        return True  # 带头学习贯彻（　　），: 党的十九大精神 fits as well (round Y1)
    if verb == "是" and "的" in before[-8:-1]:
        return False  # 最本质的特征是（　　）: a definition names what is meant
    if verb in _FAULT_VERBS:
        return True  # 引导贫困群众克服（等靠要思想），: 依赖思想 fits as well (rounds 13, 20b)
    if verb in _STOCK_VERBS or after in ("", "。", "！"):
        # 做到（忠诚干净担当）。: a bare object ending the sentence has nothing after it to pin
        # it (review 16b)
        return True
    clauses = re.split(r"[，；。]", before)[-2:-1] + re.split(r"[，；。]", after)[1:2]
    if any(_parallel(c, key) for c in clauses):
        return False  # 就是为中国人民谋幸福，（为中华民族谋复兴）: a parallel clause pins it
    if len(verb) >= 2 and (before[: -len(verb)].count(verb) or after.count("，" + verb)):
        return True  # 不搞（层层加码），不搞一刀切: one of a chain of objects
    if not re.search(r"[，；：]", stem):
        return True  # 鼓励地方在重点生态区位推行（　　）。: one clause, nothing else to pin it
    kind = ctx.lexicon.term_class(key)
    others = _objects_of(ctx).get(verb, set()) - {key}
    # one of the same kind fits as well; so does any of two or more the verb takes in this text
    return len(others) >= 2 or any(
        ctx.lexicon.term_class(other) == kind if kind else other[-2:] == key[-2:]
        for other in others
    )


# ，是…的（　　）。 closing a sentence whose subject is the clauses before it: a predicate noun
# of a possessive, any virtue or duty fits (发展是党执政兴国的（第一要务）names its subject)
_SHI_DE_END = re.compile(r"[，；：]是[\u4e00-\u9fff]{1,6}的$")
# 把（　　）扛在肩上: frames any duty or task fills
_BA_DUTY_FRAMES = ("扛在肩上", "扛起来", "放在首位", "落到实处", "抓在手上", "记在心上")
# 对（　　）的理解: a grasp of any doctrine
_GRASP_FRAMES = ("的理解", "的认识", "的领会", "的把握")
# scope words and adjectives that may stand between a verb and its object (提高全党（　　）)
_SLOT_SCOPES = frozenset({"全党", "全体", "全民", "全社会", "广大", "各级", "全国", "全面"})
_SLOT_ADJECTIVES = frozenset(
    {"顽强", "坚强", "昂扬", "饱满", "坚定", "强大", "强烈", "高度", "更加", "更大", "更强"}
)


def _verb_past_modifier(before: str) -> str:
    """The verb of _OPEN_VERBS before a scope word, an adjective or a possessive (X的) of four
    characters at most that ends ``before`` (提高全党, 推进党的); ``以`` before an adjective
    (以顽强) counts as a verb: a manner slot any virtue fills."""
    for k in (2, 3, 4):
        mod, rest = before[-k:], before[:-k]
        if len(before) <= k or _han(mod) != k:
            continue
        if mod in _SLOT_SCOPES or mod in _SLOT_ADJECTIVES or mod.endswith("的"):
            if mod in _SLOT_ADJECTIVES and rest.endswith("以"):
                return "以"
            verb = _verb_before(rest, len(rest))
            if verb and verb != "是":
                return verb
    return ""


def _verb_past_term(ctx: Context, before: str) -> str:
    """The verb of _OPEN_VERBS before a lexicon term of four to seven characters that ends
    ``before`` (落实 of 落实全面从严治党), or "": the term only says whose duty or task the
    slot names, as a scope word does."""
    for k in range(7, 3, -1):
        term, rest = before[-k:], before[:-k]
        if len(before) > k and _han(term) == k and ctx.lexicon.is_known(term):
            verb = _verb_before(rest, len(rest))
            if verb and verb != "是":
                return verb
    return ""


_PHRASE_END = re.compile(r"[，。；、！？：]")


def _pair_sibling(ctx: Context, key: str, rest: str) -> bool:
    """Is the phrase after a 和 that follows the key its list or pair sibling: parallel to it,
    a lexicon term, or a known pair with it (推进（党风廉政建设）和反腐败斗争)?"""
    phrase = _PHRASE_END.split(rest, maxsplit=1)[0]
    if not phrase:
        return True
    lex = ctx.lexicon
    return (
        _parallel(phrase, key)
        or lex.is_known(phrase)
        or lex.known_list((key, phrase))
        or any(lex.is_known(phrase[:n]) for n in range(2, len(phrase)))
    )


def _head_mate_fits(ctx: Context, key: str, stem: str) -> bool:
    """Is the key a modifier plus a generic head (斗争本领, 斗争精神) of a lexicon class with
    another term of that head the stem does not print (执政本领)? Then the mate fits the slot as
    well (round T3)."""
    head = next((h for h in _MODIFIED_HEADS if key.endswith(h) and len(key) > len(h)), "")
    cls = ctx.lexicon.term_class(key) if head else None
    if cls is None:
        return False
    return any(
        t != key and t.endswith(head) and key not in t and t not in key and t not in stem
        for t in _class_mates(ctx, cls, key)
    )


def _same_kind(key: str, other: str) -> bool:
    """Do two terms of one class share their opening or closing word (政治站位 / 政治担当,
    主体责任 / 政治责任), so they read as the same kind of thing?"""
    return other != key and (other[:2] == key[:2] or other[-2:] == key[-2:])


def _class_chain(ctx: Context, stem: str, a: int, b: int, verb: str) -> bool:
    """Is the blank [a, b), the whole object of ``verb``, one of a run of verb + object clauses
    whose neighbours' objects are class mates of the key (提高政治站位、强化（　　）、压实政治责任),
    or does another term of the key's class and kind follow the same verb elsewhere in the text
    (强化（政治责任） where the text 强化政治担当)? Then the mates fill it as well (Y1, Y2)."""
    key = stem[a:b]
    kind = ctx.lexicon.term_class(key)
    if kind is None or stem[b : b + 1] not in ("", *"、，；。！"):
        return False
    lex = ctx.lexicon
    ahead = re.split(r"([、，；：])", stem[:a])
    prev = [(ahead[-3], ahead[-2])] if len(ahead) >= 3 else []
    after = re.split(r"[、，；。！]", stem[b + 1 :])[0]
    nxt = [(after, stem[b : b + 1])] if stem[b : b + 1] in ("、", "，", "；") else []
    listed = _beside_list_mark(stem, a, b)
    for part, mark in prev + nxt:
        if listed and mark != "、":
            continue  # 加强（定向调控）、相机调控…: a list item's rivals are in its list
        for term, start, _end in lex.find_terms(part):
            lead = part[:start]
            # (a verb of the list; between commas, a short lead alone: 把准政治方向, not
            # 取得（　　）、发生历史性变革, a fixed pair)
            if (
                lex.term_class(term) == kind
                and _same_kind(key, term)
                and (
                    _OPEN_VERB_RE.search(lead)
                    or mark in "，；"
                    and 1 < _han(lead) == len(lead) <= 3
                )
            ):
                return True
    if listed:
        return False  # 实施（科教兴国战略）、人才强国战略…: the printed items pin a list item
    return any(
        lex.term_class(other) == kind and _same_kind(key, other) and other not in key
        for other in _objects_of(ctx).get(verb, ())
    )


def _list_lead_open(ctx: Context, stem: str, a: int, b: int) -> bool:
    """Is the blank [a, b) an item of a 、-list after one of _OPEN_VERBS (推行河长制、（湖长制）)
    whose lexicon class holds a term one character apart from the key that the stem does not
    print (林长制)? The verb before the list's first item governs every item (round X3)."""
    if not _beside_list_mark(stem, a, b):
        return False
    key = stem[a:b]
    cls = ctx.lexicon.term_class(key)
    if cls is None or len(key) < 2:
        return False
    x = _clause_start(stem, a)
    y = min((k for k in (stem.find(m, b) for m in _CLAUSE_MARKS) if k >= 0), default=len(stem))
    clause = stem[x:a]
    # (only a patterned pair or list: a printed sibling one character apart, 河长制 / 湖长制)
    siblings = [t for t in re.split("、", stem[x:a] + "|" + stem[b:y]) if t and t != "|"]
    if not any(one_apart_in_place(t.strip("|")[-len(key) :], key) for t in siblings):
        return False
    if not any(
        (at := clause.find(v)) >= 0 and "、" in clause[at:] or clause.endswith(v)
        for v in _OPEN_VERBS
        if len(v) >= 2
    ):
        return False
    return any(t not in stem and one_apart_in_place(t, key) for t in ctx.lexicon.class_terms(cls))


def _list_member_half_shown(ctx: Context, key: KeyPhrase, s: Sentence) -> bool:
    """Is the key a two-word item of a standard list (学习本领 of the 八种本领) whose own clause
    prints its second word (（学习本领）是领导干部必须具备的第一位本领)? Only the first word is
    then asked, in a thesis frame other members and rival theses fill (review 24)."""
    text = key.text
    if not _two_words(text):
        return False
    if len(key.group) >= 2 or not ctx.lexicon.list_mates(text):
        return False
    a, b = key.start - s.start, key.end - s.start
    if s.text[a - 1 : a] in _LIST_JOINS or s.text[b : b + 1] in _LIST_JOINS:
        return False  # 依法治国和（以德治国）: an item beside its sibling, which shows the head
    x = max(s.text.rfind(m, 0, a) for m in "、，；。：！？") + 1
    ends = [k for k in (s.text.find(m, b) for m in "、，；。：！？") if k >= 0]
    own = s.text[x:a] + "|" + s.text[b : min(ends, default=len(s.text))]
    for mate in ctx.lexicon.list_mates(text):
        own = own.replace(mate, "|")  # 把（党内监督）同国家机关监督: a sibling shows the head
    return text[2:] in own


# a clause ending on a predicate any goal or system takes (国防和军队现代化扎实推进)
_CHRONICLE_CLAUSE = re.compile(rf"[\u4e00-\u9fff]{{2,}}(?:{_PACE_ADVERBS})(?:{_GOAL_VERBS})$")


# a figure: digits, a percentage, or a Chinese count with a unit of quantity (三成, 五千万)
_FIGURE = re.compile(r"[0-9０-９]|[％%‰]|百分之|[一二三四五六七八九十百千万亿两]+(?:倍|成|万|亿)")


def _with_colon_lead(text: str, stem: str, a: int, b: int) -> tuple[str, int, int]:
    """A stem opening right after a short lead that names what follows (大会主题是：|高举（　　）
    伟大旗帜…) takes the lead back: cut, the blank reads as a better-known national formula
    (高举中国特色社会主义伟大旗帜) the stem no longer rules out (F4 #4)."""
    at = text.find(stem[:b])  # (the stem's end may read 。 for the source's ，)
    if at < 2 or text[at - 1] not in "：:" or text[at - 2] not in "是为":
        return stem, a, b  # (反复强调：“…” names no theme: the quote reads alone)
    lead = text[: at - 1]
    start = max(lead.rfind(mark) for mark in "，,；;。！？") + 1
    if at - start > 12:
        return stem, a, b
    head = text[start:at]
    return head + stem, a + len(head), b + len(head)


def _statistic_slot(stem: str, a: int, b: int) -> bool:
    """Is the blank [a, b) the subject of a clause whose predicate is a figure (（　　）实现度
    超过98％)? Only memory of a local statistic answers it."""
    if a > 0 and stem[a - 1] not in "，,；;：:。":
        return False
    end = re.search(r"[，,；;。！？]", stem[b:])
    predicate = stem[b : b + end.start()] if end else stem[b:]
    return bool(_FIGURE.search(predicate))


def _stem_spells_key(stem: str, a: int, b: int, standard: bool) -> bool:
    """Does the stem outside the blank [a, b) spell the key: a four-character compound holding
    the key's opening word as its second and fourth characters (扫黑除恶 for 黑恶势力), or,
    for a title or quoted name the lexicon does not know, a title beside the blank ending on the
    key's last four characters or more (《入党积极分子培养考察登记表》、《（预备党员教育考察
    登记表）》; the members of a plain list share their head: 根本政治制度、基本政治制度)?"""
    key = stem[a:b]
    if len(key) < 4:
        return False
    rest = stem[:a] + "|" + stem[b:]
    opening = key[:2]
    if _han(opening) == 2 and is_word(opening) and opening not in rest:
        # (a dictionary word or not: 扫黑除恶 is no jieba word; but it opens on a word's start,
        # where 一支|高素质 or 社会|公平正义 only happen to hold 高…质, 公…正)
        # (each X.Y found with str.find: a regex built per opening cost a compile per key)
        x, y = opening
        i = rest.find(x, 1)
        while i >= 0:
            at = i - 1
            if rest[i + 2 : i + 3] == y and _han(rest[at : at + 4]) == 4:
                if at == 0 or at in word_ends(rest):
                    return True
            i = rest.find(x, i + 1)
    if standard or stem[a - 1 : a] not in ("《", "“"):
        return False  # (a title or a quoted name: a plain list shares its head by design)
    before = re.split(r"[，,；;：:。]", stem[:a])[-1]
    after = re.split(r"[，,；;：:。]", stem[b:])[0]
    beside = [
        item.strip("“”《》〈〉")
        for item in (before.rstrip("“《").split("、")[-2:-1] + after.lstrip("”》").split("、")[1:2])
    ]
    return any(len(item) > 4 and item != key and item.endswith(key[-4:]) for item in beside)


# a list join before or after a pair's other half (公有制经济和（非公有制经济）)
_TWIN_JOINS = "、和与及同"
_PAIR_STOPS = "、，,；;：:。！？…"


def _pair_partner(stem: str, a: int, b: int) -> str:
    """The other half of a pair of two whose one half is the blank [a, b): the phrase after a
    join right after the blank, or before a join right before it, up to a clause mark or a 的,
    when no third item follows or precedes (取得（　　）、发生历史性变革。 → 发生历史性变革;
    根据（　　）和历史唯物主义的世界观 → 历史唯物主义); "" when there is none."""
    if stem[b : b + 1] and stem[b] in _TWIN_JOINS and stem[a - 1 : a] not in _TWIN_JOINS:
        m = re.match(rf"[^{_PAIR_STOPS}和与及的]{{2,14}}", stem[b + 1 :])
        if m and stem[b + 1 + m.end() : b + 2 + m.end()] not in ("、", "和", "与", "及"):
            return m.group()
        return ""
    if a >= 3 and stem[a - 1] in _TWIN_JOINS and stem[b : b + 1] not in _TWIN_JOINS:
        m = re.search(rf"[^{_PAIR_STOPS}和与及的]{{2,14}}$", stem[: a - 1])
        if m and stem[m.start() - 1 : m.start()] not in ("、", "和", "与", "及"):
            return m.group()
    return ""


def _word_twin(stem: str, a: int, b: int) -> str:
    """The word of three characters or more that the blank's key shares with the other half
    of its pair, leaving the key at most two characters of its own: 取得（历史性成就）、发生
    历史性变革 (历史性), 周密部署（武汉保卫战）、湖北保卫战 (保卫战), 公有制经济和（非公有制经济）
    (公有制经济). The twin prints the key but for a stock partner or a place name, so the
    blank asks nothing (blind rounds EC–FA, GJ, GN, JA #20, JD #11); "" when there is none.
    (敢于斗争、善于斗争 shares 于斗争, no word: its halves are asked; 质量变革、效率变革、动力
    变革 is a list of three, each member a point.)"""
    key = stem[a:b]
    partner = _pair_partner(stem, a, b)
    if len(key) < 4 or not partner or _han(key) != len(key):
        return ""
    for n in range(len(key) - 1, 2, -1):
        if len(key) - n > 2:
            break
        tail = key[-n:]
        if partner.endswith(tail) and is_word(tail):
            return tail
        head = key[:n]
        at = partner.find(head)
        # (the partner may open on its own verb: 发生|历史性变革)
        if 0 <= at <= 2 and len(partner) - at - n <= 2 and is_word(head):
            return head
    return ""


def _formula_variant(ctx: Context, stem: str, a: int, b: int) -> bool:
    """Is the blank [a, b) an item a text adds to a standard enumeration of one pattern it
    quotes in part: 做到早发现、早报告、（早处置） prints two of the 四早 (早发现、早报告、
    早隔离、早治疗), so a learner who knows the formula writes 早隔离 or 早治疗, of the key's
    length, and the key is no member (blind11 GB, GF, GI, GM: unusable or edit ×5). Not
    when the text prints every member of that enumeration (nothing of it is left to write)."""
    key = stem[a:b]
    if len(key) < 2 or "、" not in stem or _han(key) != len(key):
        return False
    left = _CLAUSE_MARK_SPLIT.split(stem[:a])[-1].split("、")
    right = _CLAUSE_MARK_SPLIT.split(stem[b:])[0].split("、")
    if left[-1] or right[0]:
        return False  # (the blank is no whole item of a 、-list)
    mates = left[:-1] + right[1:]
    if not mates:
        return False
    printed: list[str] = []
    for k, item in enumerate(mates):
        edge_left, edge_right = k == 0 and len(left) > 1, k == len(mates) - 1 and len(right) > 1
        spans = [item]
        if edge_left:
            spans += [item[-n:] for n in range(2, len(item))]
        if edge_right:
            spans += [item[:n] for n in range(2, len(item))]
        printed += [c for c in spans if ctx.lexicon.is_list_item(c)]
    if len(printed) < 2:
        return False
    for group in {g for c in printed for g in ctx.lexicon.groups_of(c)}:
        if key in group or len(set(group) & set(printed)) < 2:
            continue
        left_out = [m for m in group if m not in printed and m not in stem]
        if any(len(m) == len(key) for m in left_out) and _shares_group_edge(group, key):
            return True
    return False


def _shares_group_edge(group: Sequence[str], item: str) -> bool:
    """Do all members of ``group`` open (早发现、早报告…) or end on one character that
    ``item`` opens or ends on as well: the formula's pattern, which the item follows?"""
    if any(len(set(m) & set(item)) >= len(item) - 1 for m in group if len(m) == len(item)):
        return False  # 科技兴军 beside 科技强军: a revised wording of a member, not an addition
    # (an opening only, on items of three: 安全赤字 beside the 四个赤字 is asked, review 25)
    return len(item) == 3 and len({m[0] for m in group} | {item[0]}) == 1


def _variant_run(ctx: Context, items: Sequence[str]) -> bool:
    """Does a run hold two or more members of a standard enumeration and an item of a
    member's length that is none, while a member of it is left out (早发现、早报告、早处置
    beside the 四早's 早隔离、早治疗)? Then a blank on the added item asks a member."""
    for group in {g for i in items for g in ctx.lexicon.groups_of(i)}:
        inside = [i for i in items if i in group]
        added = [i for i in items if i not in group]
        left_out = [m for m in group if m not in items]
        if len(inside) >= 2 and left_out and added:
            lengths = {len(m) for m in left_out}
            if any(len(i) in lengths and _shares_group_edge(group, i) for i in added):
                return True
    return False


def _printed_head(ctx: Context, stem: str, a: int, b: int) -> tuple[str, str] | None:
    """The key's last word of three characters or more printed elsewhere in the stem, not as
    the shared head of a list mate: 我们政治经济学的根本只能是（马克思主义政治经济学） prints
    政治经济学, so only 马克思主义 is asked (blind13 JA #14, JC #19). Returns (the part
    before that word, the word) when that part is a term of four characters or more to blank
    alone, else None: a shorter part (会展等（现代服务业），提升服务业…: JB #39) is no term,
    and dropping such keys took usable ones (（延长产业链）…全产业链, 生产性服务业…生活性服务业)."""
    key = stem[a:b]
    if len(key) < 5 or key[0] in NUMERALS or _han(key) != len(key):
        return None
    before, after = stem[:a], stem[b:]
    mates = re.findall(rf"[^{_PAIR_STOPS}]{{1,14}}$", before.rstrip("、和与及"))[:1]
    mates += re.findall(rf"^[^{_PAIR_STOPS}]{{1,14}}", after.lstrip("、和与及"))[:1]
    for n in range(len(key) - 2, 2, -1):
        word = key[-n:]
        if word not in before and word not in after:
            continue
        if not (is_word(word) or ctx.lexicon.is_known(word)):
            continue
        if any(word in m for m in mates) and (before[-1:] in "、和与及" or after[:1] in "、和与及"):
            return None  # (根本政治制度、基本政治制度、（重要政治制度）: the list's pattern)
        rest = key[:-n]
        if (
            len(rest) >= 4
            and (is_word(rest) or ctx.lexicon.is_known(rest))
            and rest not in before
            and rest not in after
        ):
            return rest, word
        return None
    return None


# what ends a 、-run in a stem (the run's items lie between two of these)
_RUN_STOPS = "，,；;：:。！？!?（）()“”‘’《》「」\n"


def _spelled_near(part: str, text: str) -> bool:
    """Does ``text`` spell ``part`` (two characters or more) in order within two characters more
    than its length (拍蝇 in “拍苍蝇”)? One character is never spelled: 基 of 基本 says nothing."""
    if len(part) < 2:
        return False
    pattern = "".join(re.escape(c) + ".{0,2}" for c in part[:-1]) + re.escape(part[-1])
    return any(len(m.group()) <= len(part) + 2 for m in re.finditer(pattern, text))


def _frame_part(lexicon: Lexicon, stem: str, a: int, b: int) -> tuple[int, int] | None:
    """The part of the blank [a, b) to ask when it is an item of a 、-run whose printed
    siblings share with it a frame of half its characters or more: the same first and/or last
    characters, or the same characters in the same places for items of one length (打虎上无禁区、
    （拍蝇上无死角）、猎狐上无空白 frames 上无), which with what the stem spells outside the run
    (拍蝇 is in “拍苍蝇” before it) makes half the item or more. The varying part left unspelled
    is what the learner must know: one such part of two
    characters or more on jieba's word edges is returned (its span in the stem: 拍蝇上无（死角）,
    dangfeng #21, #32); (a, a) when what varies is trivial (one character, no whole word, or
    nothing the stem does not spell), so the plain 填空 is not asked; None when the blank is no
    such item, or two parts of it vary unspelled (the whole item stays the key). Only items of
    five characters or more in a run of three or more, neither a lexicon term nor one jieba word
    (理论创新、实践创新 and 形式主义、官僚主义 stay whole: standard members, asked whole)."""
    key = stem[a:b]
    if len(key) < 5 or _han(key) != len(key) or lexicon.is_known(key):
        return None  # (a standard member, 政治意识 of 四个意识, is asked whole)
    if stem[a - 1 : a] != "、" and stem[b : b + 1] != "、":
        return None
    lo, hi = a, b
    while lo > 0 and stem[lo - 1] not in _RUN_STOPS:
        lo -= 1
    while hi < len(stem) and stem[hi] not in _RUN_STOPS:
        hi += 1
    head, tail = stem[lo:a], stem[b:hi]
    if head and not head.endswith("、") or tail and not tail.startswith("、"):
        return None  # (the blank is part of an item, not the item)
    siblings = [x for x in head.split("、")[:-1] + tail.split("、")[1:] if x]
    if len(siblings) < 2 or any(_han(x) != len(x) for x in siblings):
        return None  # (a pair, 功成不必在我、功成必定有我, is a saying asked whole)
    n = len(key)
    if all(len(x) == n for x in siblings):
        shared = [k for k in range(n) if all(x[k] == key[k] for x in siblings)]
    else:
        p = len(common_prefix([key, *siblings]))
        q = len(common_suffix([key, *siblings]))
        if p + q >= min(len(x) for x in (key, *siblings)):
            return None
        shared = list(range(p)) + list(range(n - q, n))
    if not shared:
        return None
    parts: list[tuple[int, int]] = []
    for k in range(n):
        if k in shared:
            continue
        if parts and parts[-1][1] == k:
            parts[-1] = (parts[-1][0], k + 1)
        else:
            parts.append((k, k + 1))
    outside = stem[:lo] + "|" + stem[hi:]
    unspelled = [(i, j) for i, j in parts if not _spelled_near(key[i:j], outside)]
    if 2 * sum(j - i for i, j in unspelled) > n:
        return None  # (the frame and what the stem spells are less than half the item)
    if len(unspelled) > 1:
        # (筑法治之基、行法治之力: two places vary, the item is asked whole; judged usable, F5 #7)
        return None
    if not unspelled:
        return a, a
    i, j = unspelled[0]
    words = jieba_cut(key)
    if len(words) < 2:
        return None  # (one word, a term: asked whole)
    edges = {0}
    for word in words:
        edges.add(max(edges) + len(word))
    if j - i < 2 or i not in edges or j not in edges:
        return a, a
    if not (is_word(key[i:j]) or lexicon.is_known(key[i:j])):
        return None  # (问题发现靠党建: two words vary, 发现靠 is none; asked whole)
    return a + i, a + j


def _run_goes_on(key: str, after: str) -> int:
    """How many characters after the blank continue the key's run of one repeated head
    (构建（共商共建共享）共赢新格局: 共赢 is the formula's fourth member, and left outside it
    cues the pattern; blind13 JA #36): 0 when none."""
    if len(key) < 4 or len(key) % 2 or len(set(key[::2])) != 1 or _han(key) != len(key):
        return 0
    n = 0
    while after[n : n + 1] == key[0] and _han(after[n + 1 : n + 2]) == 1:
        n += 2
    return n


def _chronicle_subject(stem: str, a: int, b: int) -> bool:
    """Does the blank [a, b) open its clause before a generic predicate (（　　）全面推进，) while
    another clause of the stem is a subject with such a predicate too (国防和军队现代化扎实推进)?
    In such a chronicle of results any goal of the year fits the subject slot, cut or not
    (round T3; `_without_cues` asks the predicate test only after a cue cut)."""
    if a > 0 and stem[a - 1] not in "，,；;：:" or not _GENERIC_PREDICATE.match(stem, b):
        return False
    own = len(re.split(r"[，,；;。！？]", stem[:a]))
    clauses = re.split(r"[，,；;。！？]", stem)
    return any(_CHRONICLE_CLAUSE.search(c) for k, c in enumerate(clauses, 1) if k != own and c)


def _thin_open_slot(stem: str, a: int, b: int) -> bool:
    """Is the blank [a, b) the whole object of a bare verb clause (树立（　　），: one of
    _OPEN_VERBS, an adverb at most) with fewer than ten characters of context outside that
    clause (树立（　　），发展设施农业。 once the cue cut dropped 构建多元化食物供给体系)? Then
    nothing pins it: 大农业观, 新发展理念 fit as well (review 25)."""
    x = _clause_start(stem, a)
    if stem[b : b + 1] not in tuple(_CLAUSE_MARKS) or not _BARE_LEAD.match(stem[x:a]):
        return False
    return _han(stem[:x] + stem[b + 1 :]) < 10


# generic heads a key may only modify (认真学习（　　）理论, 涵养（　　）的道德修为): the slot takes
# any doctrine, virtue or skill (transfer round T1)
_MODIFIED_HEADS = (
    "理论", "思想", "精神", "能力", "本领", "作风", "修为", "品格", "品质", "素养", "境界",
)  # fmt: skip


def _generic_head_slot(ctx: Context, key: KeyPhrase, s: Sentence) -> bool:
    """Is a term followed only by a generic head (optionally after 的, the head at most four
    characters and closing its clause: 认真学习（中国式现代化）理论，/ 涵养（廉洁自律）的道德修为，)
    with no list partner, where neither the lexicon knows the key as a formula member nor the
    key plus its head as a term? Then any doctrine or virtue fills the slot (transfer round T1;
    this generalises review 22's …主义+作风 rule)."""
    if key.type != "term" or len(key.group) >= 2:
        return False
    text, a, b = s.text, key.start - s.start, key.end - s.start
    if a > 0 and (text[a - 1] in _LIST_JOINS or text[a - 1] in "“‘"):
        return False  # 形式主义、（官僚主义）作风: a sibling pins it
    m = re.match(r"的?([\u4e00-\u9fff]{2,4})(?=[，,；;。：:！？]|$)", text[b:])
    if m is None or not m.group(1).endswith(_MODIFIED_HEADS):
        return False
    head = m.group(1)
    lex = ctx.lexicon
    if lex.owners(key.text) or lex.list_mates(key.text):
        return False  # a member of a formula: the formula pins it
    if lex.is_known(key.text + head) or lex.is_known(key.text + "的" + head):
        return False
    # (坚持以人民为中心的发展思想: a standard list item holds key and head together)
    # (a term key is hanzi only, so it cannot match across two lines of the joined phrases)
    phrases = _joined_phrases(lex)
    return key.text + head not in phrases and key.text + "的" + head not in phrases


# periods and eras that can open a sentence (（中国特色社会主义新时代），共青团…)
_ERA_END = re.compile(r"(?:时期|时代|以来|年代)$")


def _era_clause(ctx: Context, key: KeyPhrase, s: Sentence) -> bool:
    """Does the key, a period or era name, fill the sentence's whole first comma clause? Then
    another name of the time fills it as well (党的十八大以来 for 中国特色社会主义新时代)."""
    text, a, b = s.text, key.start - s.start, key.end - s.start
    if text[:a].strip(_LAYOUT_LEAD + "“”") or b >= len(text) or text[b] not in "，,":
        return False
    return bool(_ERA_END.search(key.text)) or ctx.lexicon.term_class(key.text) == "历史时期"


# vocabulary classes of manner idioms and sayings: in a clause of its own, any like it fits
_MANNER_CLASSES = frozenset({"工作方法", "名言警句"})
_CLAUSE_MARKS = "，,；;：:。！？"
_CLAUSE_MARK_SPLIT = re.compile(f"[{_CLAUSE_MARKS}]")
_UP_TO_LAST_CLAUSE_MARK = re.compile(f".*[{_CLAUSE_MARKS}]", re.DOTALL)


def _clause_start(stem: str, a: int) -> int:
    """Where the clause holding offset ``a`` starts: after the last of _CLAUSE_MARKS before it
    (one regex, not a search per mark)."""
    last_mark = _UP_TO_LAST_CLAUSE_MARK.match(stem, 0, a)
    return last_mark.end() if last_mark else 0


def _bare_manner_clause(ctx: Context, key: KeyPhrase, s: Sentence) -> bool:
    """Does a manner term (久久为功, 撸起袖子加油干) fill a whole clause between commas, with no
    verb, list or pair partner, no formula owning it, no parallel clause beside it and no 是
    defining it (不搞形式主义，（久久为功），扎实推进)? Such a slot takes any idiom of the kind
    (持之以恒, 循序渐进) and the class mates that would be its lures (reviews 18b, 24, 24b)."""
    if key.type != "term" or ctx.lexicon.term_class(key.text) not in _MANNER_CLASSES:
        return False
    if len(key.group) >= 2 or ctx.lexicon.owners(key.text):
        return False
    text, a, b = s.text, key.start - s.start, key.end - s.start
    if a > 0 and text[a - 1] not in _CLAUSE_MARKS or b < len(text) and text[b] not in _CLAUSE_MARKS:
        return False
    if text[a - 1 : a] != "，" and text[b : b + 1] != "，":
        return False  # 打铁必须自身硬。: a saying standing alone is asked from what leads to it
    if text[b : b + 2] in ("，是", ",是"):
        return False  # （人民是历史的创造者），是…: a definition pins it
    before = _CLAUSE_MARK_SPLIT.split(text[: max(a - 1, 0)])[-1] if a > 0 else ""
    after = _CLAUSE_MARK_SPLIT.split(text[b + 1 :])[0] if b < len(text) else ""
    size = len(key.text)
    if any(
        c and (_parallel(c[-size:], key.text) or _parallel(c[:size], key.text))
        for c in (before, after)
    ):
        return False  # 为中国人民谋幸福，（为中华民族谋复兴）: a parallel clause pins it
    return not any(
        c and ctx.lexicon.known_list(pair)
        for c, pair in ((before, (before, key.text)), (after, (key.text, after)))
    )  # 解放思想，（实事求是）: a known pair pins it


# heads of open classes of schemes a text picks a few from (医疗保险、失业保险…): not 学科, 现代化
# or 教育, whose lists in the corpus are standard formulations
_SCHEME_HEADS = ("保险", "基金", "补贴", "津贴", "贷款")


def _open_head_list(ctx: Context, key: KeyPhrase, s: Sentence) -> bool:
    """Is the key an item of a list the lexicon does not know whose items share a head of two
    characters or more (医疗保险、失业保险、工伤保险), while the paragraph names another term of
    that head outside the list that no item holds (生育保险)? The list is the text's pick from an
    open class, and that term fits a single blank as well (round 26b)."""
    group = key.group
    if not _list_item(key):
        return False
    head = common_suffix(group)
    if not head.endswith(_SCHEME_HEADS) or len(head) < 2:
        return False
    if ctx.lexicon.known_list(group) or ctx.lexicon.is_known(key.text):
        return False
    para = _paragraph_text(ctx, s.paragraph)
    at = para.find(head)
    while at >= 0:  # (each place of the head, as a literal pattern's finditer finds them)
        end = at + len(head)
        term = para[max(0, at - 2) : end]
        if _han(term) == len(term) > len(head) and not any(term in item for item in group):
            return True
        at = para.find(head, end)
    return False


def _paragraph_text(ctx: Context, paragraph: int) -> str:
    """The sentences of a paragraph joined (the paragraphs of the text joined once, not a scan
    of every sentence per key)."""
    paragraphs: dict[int, str] | None = ctx.indexes.get("_paragraph_text")
    if paragraphs is None:
        parts: dict[int, list[str]] = {}
        for x in ctx.ex.doc.sentences:
            parts.setdefault(x.paragraph, []).append(x.text)
        paragraphs = ctx.indexes["_paragraph_text"] = {p: "".join(t) for p, t in parts.items()}
    return paragraphs.get(paragraph, "")


def _short_core(ctx: Context, key: KeyPhrase) -> bool:
    """Is the key an item of a list the lexicon does not know whose items share an opening and
    an ending that leave at most two characters each (青年突击队、青年垦荒队、青年扫盲队)?
    Nothing in the stem pins such a core (青年造林队 fits as well; transfer round T2)."""
    group = key.group
    if not _list_item(key):
        return False
    prefix, suffix = common_prefix(group), common_suffix(group)
    if not (prefix or suffix) or ctx.lexicon.known_list(group):
        return False
    cores = [len(item) - len(prefix) - len(suffix) for item in group]
    if prefix and suffix:
        return all(n <= 2 for n in cores)
    # one shared side (rounds Y1, Y2): one-character cores before a shared ending of two
    # (即期问题、中期问题、长期问题; not 志气、骨气、底气, nor 民事民议、民事民办, round 6),
    # or two after a one-character verb head or person tail (重基层、重实干; 引领者、实践者)
    if all(n <= 1 for n in cores) and len(suffix) >= 2:
        return True
    return all(n <= 2 for n in cores) and (prefix in _SLOGAN_HEADS or suffix in _PERSON_TAILS)


_SLOGAN_HEADS = frozenset("重抓促严")
_PERSON_TAILS = frozenset("者")


def _quoted_twin(key: KeyPhrase, s: Sentence) -> bool:
    """Is a quoted key (“爱国者治港”) joined by 、 to a quoted twin of its length that differs
    in one character only (“爱国者治澳”)? The twin then spells the key (transfer round T1)."""
    if key.type != "quoted" or len(key.text) < 3:
        return False
    text, a, b = s.text, key.start - s.start, key.end - s.start
    twins = []
    m = re.match(r"[”’]、[“‘]([^”’]+)[”’]", text[b:])
    if m:
        twins.append(m.group(1))
    m = re.search(r"[“‘]([^“‘”’]+)[”’]、[“‘]$", text[:a])
    if m:
        twins.append(m.group(1))
    return any(one_apart_in_place(t, key.text) for t in twins)


# a 4-character manner idiom paired with another in a clause of its own (真抓实干、务求实效)
_PAIR_CLASSES = _MANNER_CLASSES | {"党建要求"}


def _idiom_pair(ctx: Context, key: KeyPhrase, s: Sentence) -> bool:
    """Is a four-character manner term the half of a clause that pairs it with another idiom
    (，真抓实干、务求实效，), the pair no known list and the two not parallel? The partner pins
    nothing: 求真务实, 狠抓落实 fit as well (transfer round T2; the 久久为功 rule for pairs)."""
    if key.type != "term" or len(key.text) != 4 or _han(key.text) != 4:
        return False
    if ctx.lexicon.term_class(key.text) not in _PAIR_CLASSES or ctx.lexicon.owners(key.text):
        return False
    text, a, b = s.text, key.start - s.start, key.end - s.start
    if text[b : b + 1] == "、" and (a == 0 or text[a - 1] in _CLAUSE_MARKS):
        partner, end = text[b + 1 : b + 5], b + 5
        if end < len(text) and text[end] not in _CLAUSE_MARKS:
            return False
    elif text[a - 1 : a] == "、" and (b >= len(text) or text[b] in _CLAUSE_MARKS):
        partner, start = text[a - 5 : a - 1], a - 5
        if start > 0 and text[start - 1] not in _CLAUSE_MARKS:
            return False
    else:
        return False
    if len(partner) != 4 or _han(partner) != 4 or ctx.lexicon.known_list((key.text, partner)):
        return False
    if _parallel(partner, key.text):  # (known_list ignores the items' order: asked above)
        return False
    same = sum(x == y for x, y in zip(partner, key.text, strict=True))
    if same >= 2:
        return False  # 敢于斗争、善于斗争: a pattern pair pins each half
    cls = ctx.lexicon.term_class(partner)
    return "的" not in partner and (cls is None or cls in _PAIR_CLASSES)  # (an idiom of its own)


def _one_apart(key: str, group: tuple[str, ...], shown: str) -> bool:
    """Does another item of the key's list differ from it by one character in place (湖长制 /
    河长制) while the stem pairs the two characters elsewhere (河湖水系), so the stem spells the
    key? (自治、法治、（德治）: nothing pairs 德 with 自 or 法.)"""
    for item in group:
        if len(item) != len(key) or item == key or len(key) < 2:
            continue
        if one_apart_in_place(item, key):
            k = next(k for k in range(len(key)) if item[k] != key[k])
            mine, other = key[k], item[k]
            if mine + other in shown or other + mine in shown:
                return True
    return False


def _parallel(clause: str, key: str) -> bool:
    """Is ``clause`` built like ``key``: about as long, and opening or closing the same way?"""
    return abs(len(clause) - len(key)) <= 1 and (clause[:1] == key[:1] or clause[-1:] == key[-1:])


def _objects_of(ctx: Context) -> dict[str, set[str]]:
    """The vocabulary terms each of _OPEN_VERBS takes as its object in this text (built once)."""
    found: dict[str, set[str]] | None = ctx.indexes.get("_objects_of")
    if found is None:
        found = ctx.indexes["_objects_of"] = {}
        for s in ctx.ex.doc.sentences:
            for term, start, _end in ctx.lexicon.find_terms(s.text):
                verb = _verb_before(s.text, start)
                if verb:
                    found.setdefault(verb, set()).add(term)
    return found


def _verb_before(text: str, end: int) -> str:
    """The one of _OPEN_VERBS that ``text[:end]`` ends with, perhaps before one aspect particle
    or result ending, or "" (the longest one: 贯彻落实, not its 落实)."""
    for n in (4, 3, 2, 1):
        if end >= n and text[end - n : end] in _OPEN_VERB_SET:
            return text[end - n : end]
    # 肩负着（　　）: an aspect particle after the verb keeps the slot as open (transfer rounds
    # Y3, Y4); so does one result ending, 建设好（　　） (round 26b), though what follows the
    # blank still pins it (打好（　　）的有机衔接)
    for endings, sizes in _VERB_ENDINGS:
        if end >= 3 and text[end - 1] in endings:
            for n in sizes:
                if end - 1 >= n and text[end - 1 - n : end - 1] in _OPEN_VERB_SET:
                    return text[end - 1 - n : end - 1]
    return ""


_RESULT_ENDINGS = frozenset("好实牢紧")
_ASPECT_ENDINGS = frozenset("了着过到")
# (the two sets share no character: at most one of them ends a verb)
_VERB_ENDINGS = ((_ASPECT_ENDINGS, (4, 3, 2)), (_RESULT_ENDINGS, (3, 2)))
# verbs that take any document, thought or spirit: a bare object after one is open
_DOCTRINE_VERBS = frozenset({"学习贯彻", "贯彻落实"})


def _echoed(key: KeyPhrase, stem: str, wrong: list[str]) -> bool:
    """Does the stem repeat a word of the key that the wrong options lack, so that the echo
    alone picks the answer? In a list, the words its items share (根本政治制度、（基本政治制度）、
    重要政治制度 among 新型政党制度); elsewhere, any word of the key (由农业大国向（农业强国）
    转变 among 体育强国, 制造强国; review 11b)."""
    if len(key.group) >= 2:
        prefix, suffix = common_prefix(key.group), common_suffix(key.group)
        return (len(suffix) >= 2 and not all(w.endswith(suffix) for w in wrong)) or (
            len(prefix) >= 2 and not all(w.startswith(prefix) for w in wrong)
        )
    text = key.text
    freq = word_table()
    return any(
        is_word(word := text[k : k + 2])
        and _echoed_word(word, stem, freq, text)
        and not any(word in w for w in wrong)
        for k in range(len(text) - 1)
    )


def _second_half(key: KeyPhrase) -> KeyPhrase:
    """A quoted two-part line (“真理寻求得，平生能坚持”) is asked by its second half, with the
    first half shown: the whole line blanked is rote recall with nothing to pin it (reviews 11,
    11b)."""
    if key.type != "quoted" or key.text.count("，") != 1:
        return key
    first, second = key.text.split("，")
    if _han(first) < 3 or _han(second) < 3:
        return key
    start = key.start + len(first) + 1
    return replace(key, text=second, start=start)


def _judged_true(ctx: Context, key: KeyPhrase, source: str) -> bool:
    """Is the 判断 on ``key`` in ``source`` the statement as written, or its false twin?
    Fixed per question, not per seed; only facts get a false twin (把准政治方向 → 把准政治原则
    is not clearly false)."""
    if key.type not in _FALSIFIABLE:
        return True
    digest = hashlib.sha1(f"{ctx.doc_key}|{key.text}|{source}".encode()).hexdigest()
    return int(digest, 16) % 2 == 0


_LIST_CLAUSE_SPLIT = re.compile(r"[，；。：]")


def _list_outgrows_formula(ctx: Context, key: KeyPhrase, sentence: str) -> bool:
    """Does the 、-list holding a formula member hold an item that is no member of the formula
    (在党史、新中国史、改革开放史、社会主义发展史、中华民族发展史上…)? Then the sentence does
    not state the formula, and a foil swapped in for a member may be true of it."""
    formula = ctx.lexicon.get(key.formula) if key.formula else None
    if formula is None or "、" in key.text:
        return False
    clause = next((c for c in _LIST_CLAUSE_SPLIT.split(sentence) if key.text in c), "")
    items = clause.split("、")
    if len(items) < 2:
        return False
    spellings = [w for m in formula.members for w in formula.spellings(m)]
    # (an item may carry its verb: 建设伟大工程、推进伟大事业)
    return not all(any(w in item for w in spellings) for item in items)


def _stays_true(ctx: Context, key: KeyPhrase, source: str) -> bool:
    """Is a checkable true statement asked as written (one in four, a subset of the statements
    _judged_true keeps) rather than as its false twin?"""
    digest = hashlib.sha1(f"{ctx.doc_key}|{key.text}|{source}".encode()).hexdigest()
    return int(digest, 16) % 4 == 0


def _is_sequence(text: str, local: int, items: tuple[str, ...]) -> bool:
    """Is the list at local offset ``local`` a sequence whose order is the point (从…到,
    站起来、富起来、强起来, 第一…, years), rather than a set?"""
    if text[max(0, local - 1) : local] == "从":
        return True
    if all(i[:1] == "第" or i[:1].isdigit() for i in items):
        return True
    suffix = common_suffix(items)
    return suffix in ("起来", "阶段", "时期")


_COUNT_RE = re.compile(r"[两二三四五六七八九十][个大项种条者位管化]")


def _series_items(key: KeyPhrase) -> tuple[str, ...]:
    return tuple(key.group) if len(key.group) >= 2 else tuple(re.split(r"[、，]", key.text))


_HEAD_END = re.compile(r"[，,；;。！？：、]")


def _list_anchored(
    stem: str,
    a: int,
    b: int,
    items: tuple[str, ...],
    known: Callable[[str], bool] | None = None,
) -> bool:
    """Does the stem name the set a whole list blanked at [a, b) belongs to: a count
    (三个…, 四大…), a head noun after 的 (…共同繁荣的新型工农城乡关系), or a
    word of every item repeated in the rest (教育优先发展… → 教育强国、科技强国、人才强国)?"""
    rest = stem[:a] + "|" + stem[b:]
    if _COUNT_RE.search(rest):
        return True
    if stem[b : b + 1] == "的" and _han(stem[b + 1 : b + 3]) == 2:
        # (with ``known``, only a lexicon term after 的 names the set: …的多元投入格局 merely
        # describes the items, round 26b)
        head = _HEAD_END.split(stem[b + 1 :], maxsplit=1)[0]
        # (a patterned list pins its own items: 民事民议、民事民办、民事民管的…格局)
        if (
            known is None
            or _patterned(items)
            or any(known(head[:n]) for n in range(len(head), 1, -1))
        ):
            return True
    if stem[b : b + 2] in _CATEGORY_NOUNS and stem[b + 2 : b + 3] == "的":
        return True  # 权力集中、资金密集、资源富集领域的腐败: the category the items share
    # (a word of the items' shared prefix or suffix names no set: 京津冀协同发展、长江经济带
    # 发展 with 高质量发展 elsewhere, review 24b; nor one every item holds anywhere: 农业全面
    # 升级、农村全面进步… with 乡村全面振兴 elsewhere, review 25b)
    lead, end = len(common_prefix(items)), len(common_suffix(items))
    shared = {w for w in _words2(items[0]) if all(w in item for item in items[1:])}
    return bool(items) and all(
        any(
            item[k : k + 2] in rest and _han(item[k : k + 2]) == 2 and item[k : k + 2] not in shared
            for k in range(lead, len(item) - end - 1)
        )
        for item in items
    )


def _words2(text: str) -> set[str]:
    """The two-character runs of ``text``."""
    return {text[k : k + 2] for k in range(len(text) - 1)}


def _list_anchored_or_known(
    ctx: Context, stem: str, a: int, b: int, items: tuple[str, ...]
) -> bool:
    """:func:`_list_anchored`, or ``items`` spell out a standard list of the lexicon whole
    (科学决策、民主决策、依法决策): knowing the list is what the blanks ask (review 25)."""
    return ctx.lexicon.complete_list(items) is not None or _list_anchored(
        stem, a, b, items, ctx.lexicon.is_known
    )


def _with_variants(ctx: Context, key: KeyPhrase, accepted: list[list[str]]) -> list[list[str]]:
    """Each blank of a list cloze also takes the other standard wording of its item (review 23:
    the 2020 协调发展 for 全面融合); a blank's first spelling is its item."""
    variants = _list_variants(ctx, key)
    if not variants:
        return accepted
    out = []
    for spellings in accepted:
        more = list(spellings)
        for item in spellings:
            more += [m for m, _ in variants.get(item, ()) if m not in more]
        out.append(more)
    return out


def _class_pick(ctx: Context, items: tuple[str, ...], index: int) -> bool:
    """Are ``items`` all terms of one vocabulary class while the text names another term of that
    class too (粤港澳大湾区建设 beside 京津冀协同发展、长江经济带发展、长三角一体化发展)? Then
    the list is the text's pick from the class here, and that term fits any of its blanks."""
    classes = {ctx.lexicon.term_class(item) for item in items}
    if len(classes) != 1 or None in classes:
        return False
    (cls,) = classes
    found: dict[str, set[int]] | None = ctx.indexes.get("_terms_named")
    if found is None:
        found = ctx.indexes["_terms_named"] = {}
        for sent in ctx.ex.doc.sentences:
            for term, _, _ in ctx.lexicon.find_terms(sent.text):
                found.setdefault(term, set()).add(sent.index)
    # (a term the list's own sentence prints is shown, not a filler of its blanks)
    return any(
        ctx.lexicon.term_class(t) == cls
        and where - {index}
        and not any(t in i or i in t for i in items)
        for t, where in found.items()
    )


# ``whole`` is the list as the text says it: the difficulty reads it, and the id unless ``id_key``
# names another; ``stem`` is shown as given (the caller adds ORDER_FREE where order is free)
def _list_cloze(
    ctx: Context,
    *,
    whole: str,
    stem: str,
    answer: list[str],
    keys: list[str],
    accepted: list[list[str]],
    ordered: bool,
    source: str,
    paragraph: int | None,
    explanation: str,
    id_key: str | None = None,
) -> Question:
    """One 填空 over a list's items (``cloze_list``), built here so no list builder drifts apart."""
    return Question(
        id=question_id(
            ctx.doc_key, "cloze", "cloze_list", whole if id_key is None else id_key, source
        ),
        kind="cloze",
        stem=stem,
        options=[],
        answer=answer,
        keys=keys,
        source=source,
        explanation=explanation,
        accepted=accepted,
        ordered=ordered,
        paragraph=paragraph,
        difficulty=_difficulty("cloze", whole, 0.1),
        template="cloze_list",
    )


def _series_cloze(ctx: Context, key: KeyPhrase, s: Sentence) -> Iterator[Question]:
    """填空 with one blank per item of a whole list (统筹（　　）、（　　）、（　　）…).

    Order-free unless the list is a sequence; the whole list is among the question's keys.
    """
    items = key.group
    if not 3 <= len(items) <= MAX_LIST_ITEMS or is_catalogue(items):
        return
    if items not in ctx.ex.groups:
        return  # a list scored under the 0.55 a single blank needs (多到困难多、…: T1)
    local = key.start - s.start
    if _is_open_list(s.text, local + len(key.text)) and not _patterned(items):
        return  # 载人航天、深海探测…等重大创新成果: examples, not a formulation
    if _dangling_lead(s.text, local):
        return
    if any("的" in item for item in items):
        return  # 党的面貌、国家的面貌…: five blanks of one shape, a guess
    if items[0][:1] in "让使令叫":
        return  # 让党员、干部知敬畏、存戒惧…: the first item carries the clause's verb
    if not _ends_on_word(s.text, local, local + len(key.text)):
        return
    if _cuts_a_term_opening(s.text, local):
        return  # 形成主体（功能明显）、（优势互补）…: the blank parts the term 主体功能
    if _skipped_mates(ctx.lexicon, items, s.text):
        return  # the 十九大's five 思维, blanked: 历史思维 of the 二十大's seven fits too
    stem, a, b = window(ctx, s, key.start, key.end)
    if not stem or stem[a:b] != key.text:
        return
    if len(stem) - len(key.text) < (6 if _pinned(key, s) else 10):
        return  # nothing left to answer from
    if not _list_anchored_or_known(ctx, stem, a, b, items):
        return  # 大力开发农业多种功能，（　　）、（　　）、（　　）: nothing pins the items down
    if _class_pick(ctx, items, s.index):
        return  # 推进（京津冀…）、（长江…）、（长三角…）with 推进粤港澳大湾区建设 elsewhere (24b)
    blanked = stem[:a] + "、".join(BLANK for _ in items) + stem[b:]
    if any(_readable(item, blanked) for item in items):
        return
    ordered = _is_sequence(s.text, key.start - s.start, items)
    if not ordered:
        blanked += ORDER_FREE
    yield _list_cloze(
        ctx,
        whole=key.text,
        stem=blanked,
        answer=list(items),
        keys=[key.text, *items],
        source=s.text,
        explanation=_explain_text(ctx, key, s),
        accepted=_with_variants(ctx, key, [[item] for item in items]),
        ordered=ordered,
        paragraph=s.paragraph,
    )


# heads that end a noun phrase (全面节约战略, 全面两孩政策), where a verb phrase ends on its object
_NOUN_HEADS = ("战略", "政策", "制度", "体系", "机制", "格局", "理念", "方针", "工程", "计划")


def _noun_among_verbs(lure: str, items: Sequence[str]) -> bool:
    """Is ``lure`` a noun phrase among items that are verb phrases (全面节约战略 beside 全面深化
    改革, 全面依法治国: after 必须 only the verb phrases read, blind15 LE #40)?"""
    return lure.endswith(_NOUN_HEADS) and not any(i.endswith(_NOUN_HEADS) for i in items)


class _GroupReading(NamedTuple):
    """The seed-free half of :func:`group_questions` for one list: the items (a verb they share
    shed), the stem, the keys it asks and the intruders the seed draws from."""

    items: tuple[str, ...]
    s: Sentence
    blanked: str
    correct: list[str]
    best: list[str]
    typical: str


def group_questions(
    ctx: Context, items: tuple[str, ...], where: tuple[int, int, int]
) -> Iterator[Question]:
    """多选 over a whole 、-list: its items among one or two intruders of the same shape (its
    reading, :func:`_group_reading`, kept per text: the seed draws only the intruders)."""
    readings = ctx.ex.memo.setdefault("group_reading", {})
    r = readings.get((items, where), _UNREAD)
    if r is _UNREAD:
        r = readings[items, where] = _group_reading(ctx, items, where)
    if r is None:
        return
    items, s, blanked, correct, best, typical = r
    source = s.text
    qid = question_id(ctx.doc_key, "multiple", "multi_enum", "、".join(items), source)
    rng = _rng(ctx, qid)  # (seeded only now: most lists find too few intruders)
    wrong = rng.sample(best, _GROUP_LURES)  # as dis.pick draws
    for item in correct:
        if _readable(item, blanked):
            return
    yield Question(
        id=qid,
        kind="multiple",
        stem=blanked,
        options=_shuffle(correct + wrong, rng),
        answer=list(correct),
        keys=list(correct),
        source=source,
        explanation=f"原文：{source}",
        paragraph=s.paragraph,
        difficulty=_difficulty("multiple", typical),
        template="multi_enum",
    )


# the intruders of a 多选 over a text's list
_GROUP_LURES = 2


def _group_reading(
    ctx: Context, items: tuple[str, ...], where: tuple[int, int, int]
) -> _GroupReading | None:
    """What :func:`group_questions` asks of a list, or None when no 多选 is made of it."""
    index, start, end = where
    if len(items) < 3:
        return
    s = ctx.sentence(index)
    if s.is_noise:
        return
    if not ctx.lexicon.known_list(items) and (
        _is_open_list(s.text, end - s.start) or "等" in items[-1][1:]
    ):
        return  # （　　）等错误思潮: any other member of the class would be right too
    if _dangling_lead(s.text, start - s.start):
        return
    if len(items) > MAX_LIST_ITEMS and not _patterned(items) or is_catalogue(items):
        return
    if _stock(items):
        return
    if _cuts_a_term_opening(s.text, start - s.start):
        return  # 形成主体（功能明显、…）: the blank parts the term 主体功能 (blind round RC #33)
    shed = _shared_verb_on_first(items)
    if shed:
        # 坚持实施区域重大战略、区域协调发展战略、主体功能区战略: 实施 governs every item, so
        # it stays in the stem, not on option A only (blind round RA #19)
        items, start = (items[0][shed:], *items[1:]), start + shed
    if common_suffix(items) in _OPEN_CLASS_HEADS and not ctx.lexicon.known_list(items):
        return  # 责任意识、规则意识…: a document's own pick from an open class (reviews 11, 15b)
    if not (common_prefix(items) or common_suffix(items)) and not any(
        ctx.lexicon.term_class(i) for i in items
    ):
        return  # no shared pattern, no class: intruders would be guesses (items get clozes)
    # three keys beside two lures, as a formula 多选 shows: four keys beside one lure let the
    # odd option out answer the question (CG #7, #33, CH #27)
    correct = multi_enum_keys(items)
    if any(item.startswith(("其他", "其它")) for item in correct):
        return  # 理论创新、实践创新…以及其他各方面创新: "the others" is no option
    n_wrong = _GROUP_LURES
    key0 = KeyPhrase(items[0], "enumeration", index, start, end, 0.6, None, items)
    _, exclude, _ = candidates_for(ctx, key0)
    exclude |= set(items)
    # a near-synonym or cover of any item, not only the first (秉公用权 beside 公正用权: EC #3)
    exclude |= {o for item in items for o in ctx.lexicon.overlapping(item)}
    # 科技强军 in the 十九大's list: right in the other wording, so no lure (round Q3); 历史思维
    # beside the 十九大's five 思维: right in the 二十大's seven that hold them all (BF #38)
    exclude |= {m for m, _ in ctx.lexicon.other_wording_members(items)}
    exclude |= _covering_mates(ctx.lexicon, items)
    exclude |= {v for vs in ctx.lexicon.list_variants(items).values() for v, _ in vs}
    typical = sorted(items, key=len)[len(items) // 2]
    prefix, suffix = _pattern_edges(items)
    if prefix or suffix:
        # 为谁培养人、培养什么人 …: intruders must share the pattern (…之变, 生…)
        pool = _list_lures(ctx, items, prefix, suffix)
    elif _list_classes(ctx, items):
        # 宗派主义、圈子文化、码头文化: class mates from the vocabulary, when the class is the
        # list's (half its items or more). One classed item does not make the list's kind, even
        # among items of one length: 精准施策 beside 坚定信心、同舟共济、科学防治 drew 举一反三,
        # 推诿扯皮 beside 不敢担当、作风飘浮 drew 个人主义 and 买官卖官, 政治觉悟 beside 思想水平、
        # 道德品质 drew 制度优势 (blind8 CG #3, #7, #27, #33; CH #3, #27)
        own = _list_classes(ctx, items)
        pool = sorted({t for c in own for t in ctx.lexicon.class_terms(c)})
        pool = [c for c in pool if fits_list(c, items) and _same_form(ctx, c, items)]
    else:
        return  # no shared pattern, no class: intruders would be guesses (items get clozes)
    if _enemy_list(items):
        # 推翻压在中国人民头上的（　　）三座大山 in a text that names no other enemy: the
        # enemies of the vocabulary, of the list's pattern, rather than 集体主义 or 单边主义
        mates = _enemy_mates(ctx.lexicon, items)
        pool = sorted({*pool, *(c for c in mates if c.startswith(prefix) and c.endswith(suffix))})
    shared = set(items[0]).intersection(*items[1:]) - _LINKING_CHARS
    if shared:
        # 知行合一、以知促行、以行求知 beside 党要管党: an intruder without the characters every
        # item has is told apart by them alone (review 16)
        pool = [c for c in pool if shared & set(c)]
    if len(pool) < n_wrong:
        return  # (too few intruders whatever the stem: the stem is not cut)
    if len(items) > len(correct):
        span = s.text[start - s.start : end - s.start]
        found = after = 0
        for item in items[: len(items) - len(correct) + 1]:
            found = span.find(item, after)  # (each item after the one before it)
            if found < 0:
                return
            after = found + len(item)
        start += found  # the blank covers the keys only, the items before them printed
    stem, a, b = window(ctx, s, start, end)
    if not stem or len(stem) - (b - a) < 10:
        return  # 不断提高（　　）能力。: nothing says which list of 思维 is meant
    blanked = _blank(stem, a, b)
    source = s.text
    # (lures of the list's shape from another field, or sharing an ending by chance, go before
    # the best are chosen, so that lures of the field further down take their places: 养老服务
    # 体系 after 完善军民融合（　　）, KA–KL)
    pool = [
        c
        for c in pool
        if not any(_split_ending(item, c) for item in correct)
        and not _off_field_lure(ctx, c, typical, items, blanked, pair=False)
        and not _noun_among_verbs(c, items)
        and not _event_among_kinds(c, items)
        and not _kind_among_events(c, items)
        and not _enemy_misfit(ctx.lexicon, c, items)
    ]
    best = dis.best_candidates(
        typical,
        pool,
        n_wrong,
        exclude=exclude,
        stem=blanked,
        max_distance=2.5,
        banned=dis.folded(_other_polarity(ctx, items)),
        aliases=ctx.lexicon.names,
    )
    if best is None:
        return
    # (decided on the pool, not on the draw: a seed never decides whether the question exists)
    best = [
        c
        for c in best
        if not _inside_a_member(c, "、".join(items) + "，" + source)
        and not _foreign_lure(ctx.lexicon, c, items, source)
        and not _poverty_lure(c, items, source)
    ]
    short = [c for c in best if _length_cued(correct, [c])]
    if len(short) >= n_wrong:  # the right options could be the longest ones: no short lure
        best = [c for c in best if c not in short]
    if len(best) < n_wrong:
        return  # 习近平强军思想 beside 习近平新时代…思想 / length alone would answer (F1)
    if n_wrong >= 2 and any(_lures_odd_out(item, best) for item in correct):
        return  # every lure …教育 beside the key 庆祝建党百年: its shape marks it right (F5 #10)
    return _GroupReading(items, s, blanked, correct, best, typical)


_BROAD_CLASS = 10  # a vocabulary class of more terms than this is too broad to draw lures from
_FRAME_FILLERS = frozenset("的和与及、，,；;：:。！？“”")


def _form_endings(ctx: Context, cls: str) -> frozenset[str]:
    """The endings (last two characters) two terms of class ``cls`` or more share: the forms
    the class holds (…主义, …文化, …思想 among the 不良倾向), cached per class."""
    cache: dict[str, frozenset[str]] = ctx.indexes.setdefault("_form_endings", {})
    found = cache.get(cls)
    if found is None:
        counts: dict[str, int] = {}
        for t in ctx.lexicon.class_terms(cls):
            counts[t[-2:]] = counts.get(t[-2:], 0) + 1
        found = cache[cls] = frozenset(e for e, n in counts.items() if n >= 2)
    return found


def _same_form(ctx: Context, lure: str, items: tuple[str, ...]) -> bool:
    """Does a class mate keep the form of some item of the list: the same family ending of its
    class (…主义 only where an item ends …主义), or, like some item, none? An -ism among conduct
    phrases (个人主义 beside 不敢担当、作风飘浮、推诿扯皮) or a conduct phrase among nouns
    (为官不为 beside 宗派主义、圈子文化、码头文化) is told apart by its look (CG #3). A mate of a
    broad class (some 60 改革举措 or 外交国防 terms) needs a family ending: the class alone is
    no kind (依法治军 beside 一国两制、港人治港, 生态补偿 beside 简政放权、放管结合)."""
    cls = ctx.lexicon.term_class(lure)
    if cls is None:
        return True
    endings = _form_endings(ctx, cls)

    def form(term: str) -> str:
        return term[-2:] if term[-2:] in endings else ""

    own = form(lure)
    if not own and len(ctx.lexicon.class_terms(cls)) > _BROAD_CLASS:
        return False
    return own in {form(i) for i in items}


# the typed heads of :func:`_single_form_clash` (not 转型升级: 面向产业转型升级 is no type)
_SINGLE_TYPED_HEADS = frozenset({"型政党", "型经济"})


def _single_form_clash(key: str, lure: str) -> bool:
    """Is ``lure`` a typed phrase (:func:`_typed_head`: 服务型政党, 学习型政党, 开放型经济) for
    a key of no type? Such a 单选 lure names a kind of thing where the key is a slogan or a
    name: 坚持（党要管党）、全面从严治党 with 服务型政党 (CK #6, CL #2, CP #2), 深入推进教育系统
    （全面从严治党） with three …型政党 (CD #26); a typed key keeps its typed lures."""
    return _typed_head(lure) in _SINGLE_TYPED_HEADS and not _typed_head(key)


def _framed_lures(
    ctx: Context, items: tuple[str, ...], pool: list[str], text: str, start: int, end: int
) -> list[str]:
    """The lures of ``pool`` fit for the list ``items`` at [start, end) of ``text``: a term of a
    broad vocabulary class (政治素养: some 30 政治X) only if the document writes it in the
    list's frame too (the character just before or after the list: 在…上), or the lexicon
    lists it as a foil of the list; the foils join the pool (在（政治历练）上同党中央保持高度
    一致 does not read; review 24b). A standard list without foils keeps its class mates."""
    foils = ctx.lexicon.list_foils(items)
    if ctx.lexicon.known_list(items) and not foils or len(common_suffix(items)) >= 2:
        return pool  # (a shared head, …思维 / …战略, keeps the lures of its type)
    doc = ctx.ex.doc.text
    before = text[start - 1 : start] if start > 0 else ""
    after = text[end : end + 1]
    marks = [m for m in (before, after) if m and m not in _FRAME_FILLERS]

    def fits(c: str) -> bool:
        cls = ctx.lexicon.term_class(c)
        if cls is None or len(ctx.lexicon.class_terms(cls)) <= _BROAD_CLASS:
            return True
        return (before in marks and before + c in doc) or (after in marks and c + after in doc)

    # (a list with curated foils takes those, and class mates the document frames alike)
    kept = [c for c in pool if (not foils or ctx.lexicon.term_class(c)) and fits(c)]
    return [f for f in foils if f not in items] + [c for c in kept if c not in foils]


def _list_lures(ctx: Context, items: tuple[str, ...], prefix: str, suffix: str) -> list[str]:
    """The look-alikes of a patterned list of the text (its :func:`_pattern_mates`, kept by
    :func:`_framed_lures` for the list's place): the same for every item of the list and for
    its 多选, so found once per list."""
    cache: dict[tuple[str, ...], list[str]] = ctx.indexes.setdefault("_list_lures", {})
    lures = cache.get(items)
    if lures is None:
        lures = _pattern_mates(ctx, items, prefix, suffix)
        own = _list_classes(ctx, items)
        if own:
            # 劳动精神、奋斗精神、奉献精神…: a vocabulary term of another class shares the
            # list's ending, not its kind (人文精神, 伟大团结精神 among qualities; rounds BC–BG)
            # (a class of one kind, the regional strategies, takes no phrase of the text either:
            # 教育优先发展 beside 京津冀协同发展、长江经济带发展…)
            loose = set() if own & _ONE_KIND_CLASSES else {None}
            lures = [c for c in lures if ctx.lexicon.term_class(c) in own | loose]
        span = ctx.ex.groups.get(items)
        if span is not None:
            s = ctx.sentence(span[0])
            lures = _framed_lures(ctx, items, lures, s.text, span[1] - s.start, span[2] - s.start)
        cache[items] = lures
    return lures


def _enum_pool(ctx: Context) -> list[str]:
    pool = ctx.pools.get("_enum_pool")
    if pool is None:
        pool = ctx.pools["_enum_pool"] = sorted(
            set(ctx.pools.get("enumeration", [])) | set(ctx.lexicon.terms)
        )
    return pool


def _pattern_mates(ctx: Context, group: tuple[str, ...], prefix: str, suffix: str) -> list[str]:
    """The list items of the text's pools that keep the pattern of ``group`` (its shared
    ``prefix`` and ``suffix``, its shape)."""
    return [
        c
        for c in _enum_pool_by_edge(ctx, prefix[:1], suffix[-1:])
        # (an empty edge asks nothing: no call for it)
        if (not prefix or c.startswith(prefix))
        and (not suffix or c.endswith(suffix))
        and fits_list(c, group)
    ]


def _enum_pool_by_edge(ctx: Context, first: str, last: str) -> list[str]:
    """The list-item pool narrowed by first and/or last character (cached)."""
    index = ctx.indexes.get("_edges")
    if index is None:
        edges: dict[str, list[str]] = {}
        for c in _enum_pool(ctx):
            edges.setdefault("^" + c[:1], []).append(c)
            edges.setdefault("$" + c[-1:], []).append(c)
        index = ctx.indexes["_edges"] = edges
    if last:
        return index.get("$" + last, [])
    return index.get("^" + first, [])


# -- headings ----------------------------------------------------------------------------------
def _heading_context(ctx: Context, s: Sentence) -> str:
    heading = ctx.ex.doc.headings.get(s.index)
    if heading is not None and heading.level == 4:
        # 一是…/二是… items: introduce them with the sentence that announces them
        series = [
            h
            for h in ctx.ex.doc.headings.values()
            if h.level == 4
            and h.parent == heading.parent
            and h.ordinal == 1
            and h.sentence <= s.index
        ]
        first = max((h.sentence for h in series), default=0)
        if first > 0:
            intro = ctx.sentence(first - 1)
            if (
                intro.paragraph == s.paragraph
                and not intro.is_noise
                and intro.text.endswith(("：", ":"))
            ):
                tail = intro.text.rstrip("：:").split("，")[-1]
                return f"材料中“{tail}”的"
    if heading is None or heading.parent is None:
        return "材料"
    return _section_name(ctx.ex.doc.headings[heading.parent])


def _section_name(h: Heading) -> str:
    """材料“十、汇聚全社会力量，强化乡村振兴人才支撑”部分: the whole title when it is short (its
    second half often says what ties the section together), else its first clause."""
    title = h.title if len(h.title) <= 24 or not h.clauses else h.clauses[0][0]
    title = title.replace("“", "‘").replace("”", "’")  # quotes inside quotes
    return f"材料“{h.label}{title}”部分"


@lru_cache(maxsize=8192)
def _han(text: str) -> int:
    # (the characters left once the runs of Chinese are dropped: one regex pass, not a loop;
    # kept per text: the keys, stems and items of one sentence are counted again by rule after
    # rule, half the calls of a first generation)
    return len(text) - len(_HAN_RUN.sub("", text))


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _cut_ends(text: str) -> tuple[int, ...]:
    """Word boundaries by jieba's own cut (a heading is short; maximum matching would read
    产品和服务 as 产品|和服|务)."""
    return _cut_ends_cached(text, dictionary_version())


@lru_cache(maxsize=4096)
def _cut_ends_cached(text: str, version: int) -> tuple[int, ...]:
    del version  # (part of the cache key, as for word_ends)
    ends, pos = [0], 0
    for word in jieba_cut(text, hmm=False):
        pos += len(word)
        ends.append(pos)
    return tuple(ends)


# a character jieba's cut keeps in one block with its neighbours (jieba's re_han_default): it
# cuts each run of them alone, and every other character is a word of its own
_JIEBA_BLOCK_CHAR = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]")


def _cut_at(text: str, at: int) -> bool:
    """Does jieba's cut of ``text`` end a word at ``at``? Only the run jieba cuts as one block
    around ``at`` is cut (the same boundaries as a cut of the whole sentence, for a fraction of
    it: checked for every list a question blanks an item of)."""
    start = at
    while start > 0 and _JIEBA_BLOCK_CHAR.match(text[start - 1]):
        start -= 1
    end = at
    while end < len(text) and _JIEBA_BLOCK_CHAR.match(text[end]):
        end += 1
    return at - start in _cut_ends(text[start:end])


def _splits_word(text: str, a: int, b: int, c: int) -> bool:
    """Would a cut at ``b`` part a one-character word [a, b) from a word it forms one with?"""
    return b - a == 1 and is_word(text[a:c])


def heading_tail(text: str) -> str:
    """The part of a long heading a cloze blanks when the whole would leave nothing to answer
    from: its last words, about four characters (深化农村土地|制度改革, …时代化|新境界)."""
    if "、" in text:
        last = text.rsplit("、", 1)[1]
        return last if 3 <= len(last) <= 6 and _han(last) == len(last) else ""
    ends = _cut_ends(text)
    # never right after a one-character word: 基层党|组织建设 splits 党组织
    ends = tuple(
        e
        for k, e in enumerate(ends)
        if k < 1 or k + 1 >= len(ends) or not _splits_word(text, ends[k - 1], e, ends[k + 1])
    )
    tails = [text[e:] for e in ends if e >= 4 and 3 <= len(text) - e <= 6]
    tails = [t for t in tails if _han(t) == len(t) and t[0] not in "和与及之并" and "的" not in t]
    if not tails:
        return ""
    return min(tails, key=lambda t: (abs(len(t) - 4), -len(t)))


# the words any policy document heads its parts with: blanking one asks for the document's
# layout, not its content (实施乡村振兴战略的（总体要求）; 目标任务 and 基本原则 fit as well)
_SECTION_WORDS = frozenset(
    "总体要求 基本要求 工作要求 主要要求 基本原则 工作原则 指导思想 总体思路 基本思路 工作思路 "
    "目标任务 主要目标 总体目标 发展目标 主要任务 重点任务 重要任务 重大意义 重要意义 "
    "使命任务 保障措施 政策措施 主要措施 组织领导 组织实施 实施步骤 工作机制 基本方略 "
    "总体部署".split()
)


def _heading_pair(heading: Heading, answer: str) -> list[str]:
    """The whole title of a two-clause heading (总体规划，分区推进; 坚持从严要求，促进真抓实干)
    when ``answer`` is one of its clauses, as a list of one key; else []. The stem prints the
    other clause beside the blank, so the question asks the pair, as a blank over one half of
    a quoted saying asks the saying."""
    halves = heading.title.split("，")
    if len(halves) != 2 or answer not in halves:
        return []
    if _han(heading.label[-1:]) and heading.label[-1] not in "是要":
        return []  # 三抓|基层基础，…: the label took the title's verb (三抓基层基础)
    if not all(2 <= len(h) <= 10 and _han(h) == len(h) for h in halves):
        return []
    return [heading.title]


def _heading_questions(ctx: Context, key: KeyPhrase, s: Sentence) -> Iterator[Question]:
    heading = ctx.ex.doc.headings.get(s.index)
    if heading is None or key.text in _SECTION_WORDS:
        return
    title_local = heading.title_start - s.start
    a, b = key.start - s.start, key.end - s.start
    line = s.text[: title_local + len(heading.title)]
    # what the learner answers from besides the ordinal: the heading's own words outside the
    # blank, not counting the opening or ending all its siblings share (——必须坚持…)
    siblings = _sibling_titles(ctx, heading)
    shared_head = common_prefix(siblings) if len(siblings) > 1 else ""
    shared_tail = common_suffix(siblings) if len(siblings) > 1 else ""
    ka, kb = a - title_local, b - title_local
    before = heading.title[: max(0, ka)]
    after = heading.title[kb:]
    before = before[len(shared_head) :] if before.startswith(shared_head) else before
    after = (
        after[: len(after) - len(shared_tail)]
        if shared_tail and after.endswith(shared_tail)
        else after
    )
    has_context = _han(before + after) >= 3
    numbered = any(ch in NUMERALS or ch.isdigit() for ch in heading.label)
    follow = "" if has_context or numbered else _following_context(ctx, s)
    if follow:
        # ——刘少奇同志是（　　）的光辉榜样: every sibling reads the same; the paragraph's
        # next sentence tells them apart
        has_context = True
    answer = key.text
    if not has_context and len(key.text) > 6:
        # （五）（　　）over a ten-character heading is a guess: blank only its last words
        tail = heading_tail(key.text)
        if tail:
            answer, a = tail, b - len(tail)
    if answer in _SECTION_WORDS:
        return
    context = _heading_context(ctx, s)
    stem = _heading_stem(context, heading.ordinal, _blank(line, a, b), follow)
    if _readable(answer, stem):
        return
    source = s.text
    explanation = f"原文小标题：{line}"

    # the heading's other half, the section's title or a context sentence repeating a word of
    # the key gives it away (八、打好精准脱贫攻坚战，增强贫困群众获得感 with 独立创造 as context)
    def cued(start: int, blanked: str) -> bool:
        shown = heading.title[: max(0, start - title_local)] + heading.title[b - title_local :]
        return _cue_word(f"{shown}|{follow}|{context}", blanked) or _cue_char(shown, blanked)

    # A heading blank is fair only over a standard term: review rounds 3–5 found the others
    # (a generic tail 新格局, a ten-character half, a sibling that fits) needing an edit.
    standard = ctx.lexicon.is_known(answer)
    # 加强农村基层党（组织建设）: a blank opening inside a word (党组织) tests its tail only
    inside = a > 0 and (is_word(line[a - 1 : a + 1]) or is_word(line[a - 1 : a + 2]))
    if (
        standard
        and not inside
        and (has_context or numbered)
        and (has_context or answer != key.text or len(answer) <= 6)
        and not follow  # sibling headings all complete the frame: the context must name it
        and not cued(a, answer)
    ):
        qid = question_id(ctx.doc_key, "cloze", "heading_cloze", key.text, source)
        yield Question(
            id=qid,
            kind="cloze",
            stem=stem,
            options=[],
            answer=[answer],
            keys=[answer, *_heading_pair(heading, answer)],
            source=source,
            explanation=explanation,
            accepted=[[answer]],
            paragraph=s.paragraph,
            difficulty=_difficulty("cloze", answer, 0.05),
            template="heading_cloze",
        )
    if not has_context:
        # only the ordinal would tell the section's own headings apart; which heading belongs
        # to the section, against other sections' headings, was picked by topic alone in
        # reviews 10–14 (0 of 6 usable), so nothing is asked
        return
    series_end = common_suffix(key.group) if len(key.group) >= 3 else ""
    if _han(series_end) < 2 and not (
        ctx.lexicon.find_terms(key.text) or ctx.lexicon.find_names(key.text)
    ):
        # 十、（汇聚全社会力量），强化乡村振兴人才支撑: a heading naming no standard term is
        # layout, and its siblings are told apart by topic (rounds 4–21: none usable); a
        # series of one ending (思想教育从严…组织建设从严) is a formulation and stays
        return
    if follow or cued(key.start - s.start, key.text):
        return
    stem = _heading_stem(context, heading.ordinal, _blank(line, key.start - s.start, b), follow)
    # options are whole headings (or their first clause), never a clipped key (体制机制创新
    # of 推进体制机制创新)
    whole = _framed_options(ctx, key)
    siblings = [k for k in key.group if k != key.text and k in whole and not _readable(k, stem)]
    halves = {t.split("，")[0] for h in ctx.ex.doc.headings.values() if "，" in (t := h.title)}
    if key.text in halves:
        # 三、（　　），培育乡村发展新动能: the first halves of two-part headings, never a whole
        # one-part title (新时代实施乡村振兴战略的重大意义) that cannot stand before the comma
        siblings = [k for k in siblings if k in halves]
    if follow:
        # sibling headings all complete the same frame (刘少奇同志是（　　）的光辉榜样): only a
        # context naming the key's words, and none of the options', tells them apart
        if not _names(follow, key.text):
            return
        siblings = [k for k in siblings if not _names(follow, k)]
    if len(siblings) < 2:
        return  # (too few wrong options: no id hashed, no generator seeded)
    qid = question_id(ctx.doc_key, "single", "heading_single", key.text, source)
    rng = _rng(ctx, qid)
    _, exclude, _ = candidates_for(ctx, key)
    wrong: list[str] | None
    if len(siblings) >= 3:
        wrong = rng.sample(siblings, 3)
    else:  # two siblings and one more heading of the text
        others = [k for k in ctx.pools.get("heading", []) if k not in key.group and k in whole]
        extra = dis.pick(key.text, others, 1, rng, exclude=exclude, stem=stem, max_distance=8.0)
        wrong = siblings + extra if extra else None
    if wrong:
        yield Question(
            id=qid,
            kind="single",
            stem=stem,
            options=_shuffle([key.text, *wrong], rng),
            answer=key.text,
            keys=[key.text, *_heading_pair(heading, key.text)],
            source=source,
            explanation=explanation,
            paragraph=s.paragraph,
            difficulty=_difficulty("single", key.text),
            template="heading_single",
        )


def _sibling_titles(ctx: Context, heading: Heading) -> list[str]:
    """Titles of the headings in ``heading``'s series: same parent and level, and for dash-led
    paragraphs the same run (a section may set out two series: 中国式现代化是…的现代化, then
    坚持…)."""
    headings = ctx.ex.doc.headings
    # built once per text: every heading of a series asks
    runs: dict[tuple[int, int | None, int], list[str]] | None = ctx.indexes.get("_sibling_runs")
    if runs is None:
        runs = ctx.indexes["_sibling_runs"] = {}
        for (parent, level, _ci, _run), members in ctx.ex.heading_sets.items():
            sentences = [i for i, _ in members]
            titles = [headings[i].title for i in sentences if i in headings]
            for i in sentences:
                runs.setdefault((i, parent, level), titles)
    titles = runs.get((heading.sentence, heading.parent, heading.level))
    if titles is not None:
        return titles
    levels: dict[tuple[int | None, int], list[str]] = ctx.indexes.setdefault("_siblings", {})
    where = (heading.parent, heading.level)
    if where not in levels:
        levels[where] = [
            h.title
            for h in headings.values()
            if h.parent == heading.parent and h.level == heading.level
        ]
    return levels[where]


def _framed_options(ctx: Context, key: KeyPhrase) -> set[str]:
    """The headings that read as whole options beside ``key``: the cut of a heading clause
    that leaves the same frame as the key's own (刘少奇同志是…的光辉榜样), never a clause
    clipped where the key's is not (体制机制创新 of 推进体制机制创新 beside 打好精准脱贫攻坚战)."""
    clauses = ctx.indexes.get("_heading_clauses")
    if clauses is None:
        clauses = ctx.indexes["_heading_clauses"] = [
            c
            for h in ctx.ex.doc.headings.values()
            for c in ([x[0] for x in h.clauses] or [h.title])
        ]
    # every heading key's frames are compared for every heading key asked: found once per text
    frames: dict[str, set[tuple[bool, bool] | tuple[str, str]]] = ctx.indexes.setdefault(
        "_heading_frames", {}
    )

    def frame(text: str) -> set[tuple[bool, bool] | tuple[str, str]]:
        out = frames.get(text)
        if out is not None:
            return out
        out = set()
        for c in clauses:
            if text in c:  # (most clauses hold none: ``in`` costs less than find)
                at = c.find(text)
                pre, post = c[:at], c[at + len(text) :]
                out.add((pre, post))  # the same frame (刘少奇同志是…的光辉榜样)
                out.add((bool(pre), bool(post)))  # or cut the same way (推进|…, 坚持|…)
        frames[text] = out
        return out

    own = frame(key.text)
    return {k for k in (*key.group, *ctx.pools.get("heading", [])) if frame(k) & own}


_BACK_REFERENCES = ("这一点", "这些", "上述", "这样做", "如此")
_DATE_REFERENCES = ("这年", "这一年", "同年", "当年", "次年")
# (one regex search each, not a loop of ``in`` tests over a stem)
_BACK_REFERENCE = re.compile("|".join(_BACK_REFERENCES))
_DATE_REFERENCE = re.compile("|".join(_DATE_REFERENCES))


def _in_quoted_series(text: str, a: int, b: int) -> bool:
    """Is the quoted span [a, b) one of a series of quoted names (“打虎”、“拍蝇”、“猎狐”)?"""
    after, before = text[b + 1 : b + 2], text[a - 2 : a - 1] if a >= 2 else ""
    return bool(after) and after in "、和与“" or bool(before) and before in "、和与”"


_SUBORDINATORS = ("即使", "虽然", "尽管", "如果", "只要", "即便", "哪怕")


def _pinned(key: KeyPhrase, s: Sentence) -> bool:
    """Does the key's own sentence pin its blank in few words: a thesis or definition
    (乡村振兴，（　　）是前提。) or one half of a saying (不忘初心，（　　）。; 江山就是人民，
    （　　）。), however short the stem?"""
    return key.type in ("definition", "quotation", "thesis") or couplet_halves(s.text) is not None


def _bare_he(stem: str) -> int:
    """Where the stem says 他 (not 他们, 其他, 他人) with nobody named before it, or -1:
    在五四爱国运动洗礼下，他走上… / 追思他为民族独立… say who only in a sentence the stem
    does not show."""
    if "他" not in stem:
        return -1  # (most stems: the regex would try every character to find that out)
    m = _HE.search(stem)
    if m and not _COMRADE.search(stem, 0, m.start()):
        return m.start()
    return -1


# 他 the pronoun, not the 他 of a word (其他, 他们, 他人; 利他, 他国, 他方, 他乡, 他者, 他山之石,
# 排他性, 吉他): naming the referent there made 利己和利刘少奇同志的关系 of 利己和利他的关系
_HE = re.compile(r"(?<![其利吉])他(?![们人乡方者]|国(?!家)|山之石|(?<=排他)性)")


def _with_named_he(ctx: Context, s: Sentence, stem: str, la: int, lb: int) -> tuple[str, int, int]:
    """A bare 他 before the blank stands for the person the text is about (:func:`_referent`)
    in every stem the window cuts, not only a single blank's (他又在总结瑞安等地试点经验的基础上，
    …、（　　）、（　　）“三位一体”…, blind19 RE #25, RF #25); a 他 with no sure referent is
    left for the builder to refuse."""
    he = _bare_he(stem)
    if he < 0 or he >= la:
        return stem, la, lb
    name = _referent(ctx, s)
    if not name:
        return stem, la, lb
    shift = len(name) - 1
    return stem[:he] + name + stem[he + 1 :], la + shift, lb + shift


_COMRADE = re.compile(r"([\u4e00-\u9fff]{2,3})同志")


def _referent(ctx: Context, s: Sentence) -> str:
    """Whom an unnamed 他 in a stem stands for: the person the text is about (刘少奇同志, named
    most often), when the sentences before it in the paragraph name nobody else; "" otherwise."""
    found: dict[str, str] | None = ctx.indexes.get("_referent")
    if found is None:
        names: dict[str, int] = {}
        for sent in ctx.ex.doc.sentences:
            for m in _COMRADE.finditer(sent.text):
                names[m.group(0)] = names.get(m.group(0), 0) + 1
        best = max(sorted(names), key=lambda n: names[n], default="")
        found = ctx.indexes["_referent"] = {"name": best if names.get(best, 0) >= 5 else ""}
    name = found["name"]
    if not name:
        return ""
    for k in range(s.index - 1, max(-1, s.index - 4), -1):
        prev = ctx.sentence(k)
        if prev.paragraph != s.paragraph:
            break
        named = {m.group(0) for m in _COMRADE.finditer(prev.text)}
        if named - {name}:
            return ""  # 协助毛泽东同志…。他…: another person may be meant
    return name


def _neighbour(ctx: Context, s: Sentence, step: int) -> Sentence | None:
    """The sentence ``step`` away from ``s`` when it is in the same paragraph and fit to show
    beside it (no noise, no heading, no placeholder), else None."""
    k = s.index + step
    if not 0 <= k < len(ctx.ex.doc.sentences):
        return None
    other = ctx.sentence(k)
    if other.paragraph != s.paragraph or other.is_noise or other.is_heading:
        return None
    return None if ctx.ex.doc.sentence_tainted(other) else other


def _preceding_context(ctx: Context, s: Sentence) -> str:
    """The sentence before ``s`` in its paragraph, whole and at most 40 characters, as the
    lead-in to a short saying; "" when there is none fit to show."""
    prev = _neighbour(ctx, s, -1)
    if prev is None:
        return ""
    text = prev.text
    if len(text) > 40:
        # the tail of a long sentence drops its subject (发挥工会、共青团、妇联…的优势 →
        # ……支持农村产业发展…等。实施乡村振兴“（　　）”: nothing says whose campaign; review 13b)
        return ""
    if text.count("“") != text.count("”") or not text.endswith(tuple("。！？；!?;")):
        return ""
    return text


def _following_context(ctx: Context, s: Sentence) -> str:
    """The sentence after a dash-led heading in its paragraph, as a stem's context:
    “。共产党人坚持的初心，就是……” (whole clauses, at most 40 characters), or "" when there is
    none (or it holds a placeholder)."""
    nxt = _neighbour(ctx, s, 1) if s.text.lstrip().startswith(("—", "－")) else None
    if nxt is None:
        return ""
    text = nxt.text
    if len(text) > 40:
        ends = [y for _, y in _clauses(text) if y <= 40]
        if not ends or ends[-1] < 12:
            return ""
        text = text[: ends[-1]].rstrip(_CLAUSE_END) + "……"
    if text.count("“") > text.count("”"):
        text = text.rstrip("…") + "……”"  # 刘少奇同志说：“我们党从来就不害怕……。……”
    return text


def _names(context: str, option: str) -> bool:
    """Does ``context`` repeat a two-character word of ``option`` (初心 of 不忘初心、对党忠诚)?"""
    return any(
        option[k : k + 2] in context and _han(option[k : k + 2]) == 2
        for k in range(len(option) - 1)
    )


# verbs and words every heading of a policy text uses: sharing one is no cue
_HEADING_COMMON = frozenset(
    "推进 加强 完善 坚持 建设 发展 全面 深化 实施 健全 提高 构建 加快 推动 促进 强化 提升 "
    "增强 坚定 不断 积极 大力 切实 深入 扎实 统筹 体系 机制 制度 工作 中国 社会 主义 "
    "国家 人民 新时 时代 特色".split()
)


def _cue_word(context: str, option: str) -> bool:
    """Does ``context`` repeat a two-character word of ``option`` that is not a word every
    heading uses (创造 of 敢于担当、勇于创造 in 独立创造的精神)?"""
    return any(
        option[k : k + 2] in context
        and _han(option[k : k + 2]) == 2
        and option[k : k + 2] not in _HEADING_COMMON
        for k in range(len(option) - 1)
    )


# characters headings share without telling anything (推进…, …发展, 不断/坚定不移)
_HEADING_COMMON_CHARS = frozenset(
    "的和与及推进加强完善坚持建设发展全面深化实施健全提高构建加快推动促进强化提升增强新化"
    "中国社会主义党人民国家乡村农业体系制度机制工作现代不一二三四五六七八九十"
)


def _cue_char(shown: str, option: str) -> bool:
    """Does the heading's other half repeat a telling character of ``option`` (贫 of
    打好精准脱贫攻坚战 in 增强贫困群众获得感, 军 of 强军 in 国防和军队)?"""
    return any(_han(ch) and ch not in _HEADING_COMMON_CHARS for ch in set(option) & set(shown))


def _heading_stem(context: str, ordinal: int, blanked: str, follow: str = "") -> str:
    blanked = blanked.lstrip("—－- ")  # a layout dash is not part of the heading
    if follow:
        # the section's opening sentence first, then its heading: 共产党人坚持的初心，……。
        # 这一部分的小标题是：刘少奇同志是（　　）的光辉榜样。
        if not follow.endswith(("。", "！", "？", "…", "”")):
            follow += "。"
        return f"{follow}这一部分的小标题是：{blanked.rstrip('。')}。"
    if context.endswith("的"):
        return f"{context}第{ordinal}项：{blanked}"
    return f"{context}中的小标题：{blanked}"


# endings every series may share: after quoted or long heads they name no requirement
_GENERIC_ENDINGS = frozenset({"要求", "工作", "问题", "方面"})


def _word_pair(phrase: str) -> tuple[str, str] | None:
    """``phrase`` as a field word and an activity word, both in jieba's dictionary (作风|建设,
    选人|用人), the activity word as short as it can be, or None (劳有所得, 严以律己: no
    such split; a clause of three words or more)."""
    for k in range(len(phrase) - 2, 1, -1):
        if is_word(phrase[k:]) and is_word(phrase[:k]):
            return phrase[:k], phrase[k:]
    return None


def _series_lure_heads(ctx: Context, heads: list[str], suffix: str) -> list[str]:
    """Heads for the wrong options of a heading series ``heads`` + ``suffix``, of the real
    heads' own kind: another member of a formula a real head belongs to, joining a field word
    to the same activity word (纪律|建设 beside 作风|建设), or a vocabulary term of a real head's
    class and word shape. Any lexicon phrase of the right length glued to the ending read as
    nonsense (劳有所得从严, 严以律己从严: the members of unrelated formulas; reviews Y1–Y2)."""
    lexicon = ctx.lexicon
    text = ctx.ex.doc.text
    out: list[str] = []

    def fits(head: str) -> bool:
        return (
            head not in heads
            and head not in out
            and _han(head) == len(head)
            and "有所" not in head  # 幼有所育: a formula's 有所 shape, never a field of work
            and not set(head) & set(suffix)  # 严以律己从严: two 严
            and head + suffix not in text  # what the text asks elsewhere is no wrong option
        )

    pairs = {h: pair for h in heads if (pair := _word_pair(h)) is not None}
    for head, (field_word, activity) in pairs.items():
        for formula in lexicon.owners(head):
            for member in formula.members:
                pair = _word_pair(member)
                if (
                    pair is not None
                    and pair[1] == activity
                    and len(pair[0]) == len(field_word)
                    and fits(member)
                ):
                    out.append(member)
    shapes = {(len(a), len(b)) for a, b in pairs.values()}
    for cls in dict.fromkeys(c for h in heads if (c := lexicon.term_class(h))):
        for term in lexicon.class_terms(cls):
            pair = _word_pair(term)
            if pair is not None and (len(pair[0]), len(pair[1])) in shapes and fits(term):
                out.append(term)
    return out


def heading_set_questions(ctx: Context) -> Iterator[Question]:
    """多选 over a heading series sharing an ending (思想教育从严 / 选人用人从严 / …); a section's
    subheadings without a shared ending are not asked (reviews 9–20)."""
    for (_parent, _level, _ci, _run), members in sorted(
        ctx.ex.heading_sets.items(), key=lambda kv: (kv[0][0] or -1, *kv[0][1:])
    ):
        keys = [k for _, k in members]
        if len(keys) < 3:
            continue
        parent = ctx.ex.doc.headings.get(_parent) if _parent is not None else None
        if any(k in _SECTION_WORDS for k in keys) or (
            parent is not None and parent.title.strip("。") in _SECTION_WORDS
        ):
            # 指导思想、目标任务、基本原则 / the bullets under 基本原则: told from other sections'
            # tasks by their kind alone (reviews 10, 12)
            continue
        suffix = common_suffix(keys)
        if not all("\u4e00" <= ch <= "\u9fff" for ch in suffix):
            suffix = ""  # 抓牢“领”字 …: an ending with quotes is not a requirement's name
        first_sentence = ctx.sentence(members[0][0])
        source = "；".join(ctx.sentence(i).text.rstrip("。") for i, _ in members) + "。"
        # at most three right and always two wrong (four right of five leaves one real
        # choice); a series of six or more gets a second question over the others
        first = shown_subset(keys)[:3]
        subsets = [first]
        rest = [k for k in keys if k not in first]
        while len(rest) >= 2 and len(subsets) < len(_SERIES_WORDINGS):
            # 十四个坚持: every sibling is asked, three at a time (a last pair stays a pair)
            take = 3 if len(rest) != 4 else 2
            subsets.append(rest[:take])
            rest = rest[take:]
        n_wrong = 2
        if len(suffix) < 2:
            # 材料“X”部分的小标题包括: a section's subheadings among others were picked by topic
            # or by the title's words; no such item was usable in reviews 9–20 (as 844e828 did
            # for the heading-membership 单选)
            continue
        heads = [k[: len(k) - len(suffix)] for k in keys]
        if suffix.lstrip("的") in _GENERIC_ENDINGS and any(
            len(h) > 6 or _han(h) < len(h) for h in heads
        ):
            # 践行“干在实处永无止境”的内在要求 …: a generic ending after quoted or long heads
            # names no requirement, and nothing real shares it (review of the grown lexicon)
            continue
        cands = [h + suffix for h in _series_lure_heads(ctx, heads, suffix)]
        if len(cands) < 2:
            continue  # (no good lures: no id hashed, no generator seeded)
        # “……要求”要求有 reads twice: an ending that is itself a requirement takes 有 alone
        ask = "有" if suffix.endswith("要求") else "要求有"
        stem = f"根据材料，文中提出的“……{suffix}”{ask}（　　）。"
        for n, correct in enumerate(subsets):
            name = "、".join(keys) if n == 0 else "、".join(correct)
            qid = question_id(ctx.doc_key, "multiple", "multi_heading", name, source)
            rng = _rng(ctx, qid)
            wrong = None
            shared = set(correct[0]).intersection(*correct[1:]) - _LINKING_CHARS
            # 强化乡村振兴规划引领… beside lures without 乡村振兴: told apart by it (review 17)
            fitting = [k for k in cands if shared & set(k)] if shared else cands
            for like in (keys[0], *correct):  # look-alikes of some shown heading
                wrong = dis.pick(like, fitting, n_wrong, rng, exclude=set(keys), max_distance=6.0)
                if wrong and len(wrong) == n_wrong:
                    break
            if not wrong or len(wrong) < n_wrong:
                continue
            yield Question(
                id=qid,
                kind="multiple",
                # the second question reads differently: two items with one stem would look
                # like a duplicate
                stem=_SERIES_WORDINGS[n](stem),
                options=_shuffle(list(correct) + wrong, rng),
                answer=list(correct),
                keys=list(correct),
                source=source,
                explanation=f"原文：{source}",
                paragraph=first_sentence.paragraph,
                difficulty=_difficulty("multiple", keys[0]),
                template="multi_heading",
            )


def _other_wording(stem: str) -> str:
    """The same 多选 question worded another way (…包括 ↔ …有)."""
    if "包括（　　）" in stem:
        return stem.replace("包括（　　）", "有（　　）")
    return stem.replace("有（　　）", "包括（　　）")


def _from_the_list(stem: str) -> str:
    """…包括（　　）。 → 以下选项中，…包括（　　）。: a third wording of the same question."""
    return "以下选项中，" + stem


def _from_the_text(stem: str) -> str:
    """A fourth wording: the question asked of the material (根据材料，…)."""
    if stem.startswith("根据材料"):
        return stem
    stem = _other_wording(stem)
    return "根据材料，" + (stem[2:] if stem.startswith("材料") else stem)


# The wordings of successive 多选 over one long heading series: no two share a stem.
_SERIES_WORDINGS = (lambda s: s, _other_wording, _from_the_list, _from_the_text)


# -- lexicon templates --------------------------------------------------------------------------
def _foils(
    ctx: Context,
    formula: Formula,
    like: str,
    n: int,
    rng: random.Random,
    stem: str = "",
    fits: Callable[[str], bool] | None = None,
    pool: bool = True,
) -> list[str] | None:
    exclude = _forbidden(ctx, formula)
    own_foils = formula.foils if fits is None else [f for f in formula.foils if fits(f)]
    # (two foils near one member in the same way, 公平 and 正义 beside 公正, are one lure: the
    # second would make a wording trap; a draw of one lure is left as it was)
    near = _near_foil_names(formula) if n >= 2 else None
    # the formula's own foils first, whatever their length (they were chosen for it) …
    own = dis.pick(
        like, own_foils, n, rng, exclude=exclude, stem=stem, max_distance=40.0, aliases=near
    )
    if own:
        return own
    # … else members of sibling formulas and other phrases of the same shape
    cands = list(formula.foils)
    for sib in ctx.lexicon.siblings(formula):
        cands.extend(sib.members)
    if pool:  # (any formula's phrase of the shape: a last resort, not for more lures)
        cands.extend(p for p, f in ctx.lexicon.phrase_pool() if f is not formula)
    if fits is not None:
        cands = [c for c in cands if fits(c)]
    # (坚定文化自信 of another formula holds the member 文化自信: right as well, blind16)
    cands = [c for c in cands if not any(m in c for m in formula.members if len(m) >= 2)]
    return dis.pick(
        like,
        cands,
        n,
        rng,
        exclude=exclude,
        stem=stem,
        ranked=True,
        max_distance=4.0,
        aliases=near,
    )


def _near_foil_names(formula: Formula) -> dict[str, tuple[str, ...]] | None:
    """Each foil of a ``near_foils`` group → the others of its group, as ``dis.pick`` keeps two
    names of one thing apart (None when the formula has no group)."""
    if not formula.near_foils:
        return None
    return {f: tuple(g for g in group if g != f) for group in formula.near_foils for f in group}


def _alone_by_length(answer: str, others: Iterable[str]) -> bool:
    """Is ``answer`` the only option of its length, and the longest or the shortest of all, so
    that a 单选's learner picks it by its look (两个维护's clause of 16 among three of 10–12;
    生态文明建设 among three 4-character foils: blind11 GC #32, GN #32)?"""
    lengths = [len(o) for o in others]
    n = len(answer)
    return bool(lengths) and n not in lengths and (n > max(lengths) or n < min(lengths))


def _member_by_length(
    ctx: Context,
    formula: Formula,
    members: list[str],
    answer: str,
    wrong: list[str],
    fits: Callable[[str], bool] | None,
    rng: random.Random,
) -> tuple[str, list[str]]:
    """A 下列属于 draw whose key is not alone by its length (:func:`_alone_by_length`): the
    lure farthest from the key's length swapped for a foil of the formula's own on the key's
    side, else another member with its own lures; the draw as it was when neither
    exists."""
    longer = len(answer) > max(map(len, wrong))

    def side(f: str) -> bool:
        return (
            (fits is None or fits(f))
            and f not in wrong
            and (len(f) >= len(answer) if longer else len(f) <= len(answer))
        )

    # (the formula's own foils only: a sibling formula's member of the length is no lure of
    # the kind, 立足新发展阶段 beside 新型工业化)
    own = [f for f in formula.foils if side(f)]
    extra = own and dis.pick(
        answer, own, 1, rng, exclude=_forbidden(ctx, formula), max_distance=40.0
    )
    if extra:
        far = max(wrong, key=lambda w: abs(len(w) - len(answer)))
        return answer, [extra[0] if w == far else w for w in wrong]
    for other in sorted(members, key=lambda m: abs(len(m) - len(answer)), reverse=True):
        if other == answer:
            continue
        lures = _foils(ctx, formula, other, 3, rng, fits=fits)
        if lures and not _alone_by_length(other, lures):
            return other, lures
    return answer, wrong


def _same_frame(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` (four characters or more) share their first character and their
    last two (以…为统领, 以…为主线): one slot's frame, whatever fills it."""
    return min(len(a), len(b)) >= 4 and a[0] == b[0] and a[-2:] == b[-2:]


def _shape_of(formula: Formula, member: str) -> Callable[[str], bool] | None:
    """What a foil swapped in for ``member`` must keep so that the list still reads as the
    formula's name counts it (两学一做: a 学 item for a 学 item, never 做优秀干部; 三严三实: an
    严 item for an 严 item; round Y1, X3, Y2): the counted character of the member's part
    (学 of 两学), and none of another part's (做 of 一做). None: a formula without parts."""
    marks = {part[-1:]: members for part, members in formula.parts.items() if part}
    own = next((c for c, members in marks.items() if member in members), "")
    if not own:
        return None
    others = [c for c in marks if c != own]
    return lambda foil: own in foil and not any(c in foil for c in others)


_COUNT_PIECE = re.compile(rf"([{NUMERALS}])([\u4e00-\u9fff])")


def _contraction_heads(formula: Formula) -> frozenset[str] | None:
    """The head characters of a count contraction whose name counts its members' heads
    (三会一课: three members hold 会, one 课; 三去一降一补: three 去, one 降, one 补), each
    member holding one head only, or None (rounds X4, X5, Q3)."""
    pieces = _COUNT_PIECE.findall(formula.spoken)
    if len(pieces) < 2 or "".join(n + c for n, c in pieces) != formula.spoken:
        return None
    heads = frozenset(c for _, c in pieces)
    held = [[c for c in heads if c in m] for m in formula.members]
    if any(len(h) != 1 for h in held):
        return None
    if all(sum(h == [c] for h in held) == CN_DIGITS.get(n, 0) for n, c in pieces):
        return heads
    return None


def _pinned_members(formula: Formula) -> frozenset[str]:
    """The members ``formula``'s name fills in alone: the one member holding the character a
    一X piece of the name counts (党课 of 三会一课's 一课, 做合格党员 of 两学一做's 一做,
    降成本 and 补短板 of 三去一降一补). Blanked alone, once the others are listed, the name
    gives it (DA #21)."""
    pinned = set()
    for count, head in _COUNT_PIECE.findall(formula.spoken):
        holders = [m for m in formula.members if head in m]
        if count == "一" and head not in "个种项条" and len(holders) == 1:
            pinned.add(holders[0])
    return frozenset(pinned)


def _head_fits(formula: Formula) -> Callable[[str], bool] | None:
    """A 下列属于 lure of a count contraction holds one of its heads where the members do
    (民主生活会 among 三会一课's lures, not 主题党日 or 社会建设: rounds X4, Q3), or None."""
    heads = _contraction_heads(formula)
    if heads is None:
        return None
    if all(m[:1] in heads for m in formula.members):  # 去产能, 降成本: the head opens each
        return lambda foil: foil[:1] in heads and sum(c in foil for c in heads) == 1
    # 党小组会, 党课: a lure ends as a member does (民主生活会, not 社会建设)
    ends = {m[-1:] for m in formula.members}
    return lambda foil: foil[-1:] in ends and sum(c in foil for c in heads) == 1


MIN_MULTI_LURES = 2  # a 多选 beside one lure is answered by picking all but the odd one


def _members_shapes(n: int, rng: random.Random) -> list[tuple[int, int]]:
    """The (members shown, lures) forms a 多选 over a formula of ``n`` members may take, in a
    seeded order: four or five options, two right or more (a 多选 needs two), never all but
    one of five; two or three of four members, three of a longer formula (2 + 3, 3 + 2: four
    right beside one lure let the odd option out answer it, blind11 GK, blind14 KD #2, #34,
    #39). A pair is asked whole, among two or three lures."""
    if n <= 2:
        shapes = [(n, 3)]
    elif n <= 4:
        shapes = [(2, 3), (3, 2)]
    else:
        shapes = [(3, 2)]
    rng.shuffle(shapes)
    return shapes


def _apart_from(members: list[str], fits: Callable[[str], bool] | None) -> Callable[[str], bool]:
    """A lure test: ``fits`` (when given) and no member's piece, whole or variant."""
    folded = [dis.fold_key(m) for m in members]
    seen: dict[str, bool] = {}  # (the draws of one 多选 test the same foils again and again)

    def apart(lure: str) -> bool:
        got = seen.get(lure)
        if got is None:
            got = seen[lure] = _apart(lure)
        return got

    def _apart(lure: str) -> bool:
        if fits is not None and not fits(lure):
            return False
        f = dis.fold_key(lure)
        return not any(
            f in m or m in f or dis.is_variant(lure, member)
            for m, member in zip(folded, members, strict=True)
        )

    return apart


def _member_lures(
    ctx: Context,
    formula: Formula,
    correct: list[str],
    n_wrong: int,
    rng: random.Random,
    fits: Callable[[str], bool] | None,
    own: list[str],
    pool: bool = True,
    lengths: bool = True,
) -> list[str] | None:
    """``n_wrong`` lures for a 多选 showing the members ``correct`` of ``formula``, or None
    when none pass the lure rules (length, a run only the keys share). Lures keep the keys'
    shape (:func:`_keys_shape`); when too few do, fewer lures (four options at least). With
    ``lengths`` their lengths mix with the keys' (:func:`_lengths_give_away`)."""
    shape = _keys_shape(formula.spoken, correct)
    if shape is None:
        wrong = _foils(ctx, formula, correct[0], n_wrong, rng, fits=fits, pool=pool)
    else:
        given = fits
        fits = shape if given is None else (lambda f: given(f) and shape(f))
        wrong = None
        for n in range(n_wrong, max(1, 4 - len(correct)) - 1, -1):
            wrong = _foils(ctx, formula, correct[0], n, rng, fits=fits, pool=pool)
            if wrong:
                break
    if wrong and own and _length_cued(correct, own):
        return None  # 两个维护: every curated lure is far shorter, length answers (F1 class 7)
    if lengths and wrong and _lengths_give_away(correct, wrong):
        # 四个服从's clause of 27 among lures of six: one lure near the longest key (or the
        # shortest), the others near the other end, so that the lengths mix (DB #27)
        forbidden = _forbidden(ctx, formula)
        for n in dict.fromkeys((n_wrong, len(wrong))):
            mixed = _mixed_lures(formula, correct, n, rng, fits, forbidden)
            if mixed:
                break
        if not mixed:
            return None
        wrong = mixed
    edge = _keys_only_edge(correct, wrong or [], formula.name)
    if edge:
        # 两个确立: both keys open on 确立习近平 and no lure does, so that run alone picks
        # them (QT2 #17): one lure is a foil of the formula's own that keeps it, else none
        kept = sorted(
            f
            for f in own
            if _keeps_edge(f, edge) and f not in correct and (fits is None or fits(f))
        )
        if not kept or not wrong:
            return None
        pick = rng.choice(kept)
        wrong = [pick, *[w for w in wrong if w != pick][: n_wrong - 1]]
    if lengths and wrong and _lengths_give_away(correct, wrong):
        return None
    return wrong


def _mixed_lures(
    formula: Formula,
    correct: list[str],
    n: int,
    rng: random.Random,
    fits: Callable[[str], bool] | None,
    forbidden: frozenset[str],
) -> list[str] | None:
    """``n`` of the formula's own foils whose lengths mix with the keys' (a seeded pick among the
    sets :func:`_lengths_give_away` passes), or None when no set of them does."""
    banned = {dis.fold_key(f) for f in forbidden}
    cands = sorted(
        f for f in set(formula.foils) if (fits is None or fits(f)) and dis.fold_key(f) not in banned
    )
    rng.shuffle(cands)
    for combo in islice(combinations(cands, n), 60):
        folded = [dis.fold_key(c) for c in combo]
        if any(a != b and a in b for a in folded for b in folded):
            continue  # (面向未来 beside 面向未来产业发展: one phrase twice)
        if any(len(set(combo) & set(group)) >= 2 for group in formula.near_foils):
            continue  # (公平 beside 正义: two near-misses of 公正, a wording trap)
        if not _lengths_give_away(correct, combo):
            return list(combo)
    return None


def _in_members_frame(
    formula: Formula, heads: Callable[[str], bool] | None
) -> Callable[[str], bool] | None:
    """``heads`` and the shape every member of ``formula`` keeps (:func:`_keys_shape`), or None
    when the members share none."""
    shape = _keys_shape(formula.spoken, list(formula.members))
    if shape is None:
        return None
    return shape if heads is None else (lambda f: heads(f) and shape(f))


def _members_form(
    ctx: Context,
    formula: Formula,
    members: list[str],
    whole: list[str],
    heads: Callable[[str], bool] | None,
    own: list[str],
    rng: random.Random,
    whole_lures: list[str] | None = None,
    every: bool = False,
) -> tuple[list[str], list[str]] | None:
    """The (right options, lures) of a formula 多选 over ``members`` (those the text's era
    allows), or None: a seeded part of the formula among more lures, else the whole formula
    (``whole``) with ``whole_lures`` (drawn here when not given), unless length gives it away.
    ``every``: each part in turn (the members the text prints first) rather than three draws
    of each form, for the seed-free form that decides whether the 多选 is asked."""
    if whole_lures is None:
        whole_lures = _member_lures(
            ctx, formula, whole, 1 if len(whole) >= 4 else 2, rng, heads, own, lengths=False
        )
    if not whole_lures:
        return None
    # (lures of the formula's own and its siblings' only, none a piece of a member, shown or
    # not: 面向世界 beside 面向经济主战场 reads as 面向世界科技前沿 cut short)
    apart = _apart_from(list(formula.members), heads)
    # the members the material prints come first (a 2018 text names 全面从严治党, not the
    # 2020 wording 全面建设社会主义现代化国家): it asks what the learner read
    unprinted = _unprinted_members(ctx, formula, tuple(members))
    order = list(members)
    tried: set[tuple[str, ...]] = set()
    for size, n_wrong in _members_shapes(len(members), rng):
        # (three draws of each form: 面向世界科技前沿 and two more members of eight
        # characters among lures of four or five are told by length, one of seven is not)
        if every:
            printed = sorted(members, key=lambda m: m in unprinted)
            parts = islice(combinations(printed, size), 40)
        else:
            parts = (_drawn_part(order, size, unprinted, rng) for _ in range(3))
        for part in parts:
            shown = sorted(part, key=members.index)
            if tuple(shown) in tried:
                continue
            tried.add(tuple(shown))
            lures = _member_lures(ctx, formula, shown, n_wrong, rng, apart, own, pool=False)
            if lures and len(lures) >= MIN_MULTI_LURES:
                return shown, lures
    if len(whole_lures) < MIN_MULTI_LURES or _lengths_give_away(whole, whole_lures):
        return None  # (the whole formula beside one lure: all but the odd one answers it)
    return whole, whole_lures


def _unprinted_members(ctx: Context, formula: Formula, members: tuple[str, ...]) -> frozenset[str]:
    """The ``members`` of ``formula`` the text does not print in any spelling (kept with the
    extraction: every draw of every seed asks)."""
    memo = ctx.ex.memo.setdefault("unprinted", {})
    got = memo.get((formula, members))
    if got is None:
        text = ctx.ex.doc.text
        got = memo[formula, members] = frozenset(
            m for m in members if not any(sp in text for sp in formula.spellings(m))
        )
    return got


def _drawn_part(order: list[str], size: int, unprinted: set[str], rng: random.Random) -> list[str]:
    """A seeded draw of ``size`` members, those the text prints first."""
    rng.shuffle(order)
    order.sort(key=lambda m: m in unprinted)
    return order[:size]


def _disputed_members(ctx: Context, formula: Formula) -> frozenset[str]:
    """The members of ``formula`` whose wording changed (``Formula.changed``) and that the
    text's own wording does not show to be current, so that a learner of the text may know
    another (rounds DB #2, DC #12: a 2018 text's 四个全面 opens on 全面建成小康社会, and
    全面建设社会主义现代化国家 offered as a member reads as a second "不属于" answer).

    A reworded member is current where the text writes its current wording more often than its
    earlier ones (a 2021+ text names 全面建成小康社会 as a thing achieved, less often than its
    new goal); a member added later (面向人民生命健康) where the text writes it, or names the
    formula, whose count says how many members it has. A text that writes neither wording (a
    2019 communiqué naming “四个全面” only) does not say which it knows."""
    if not formula.changed:
        return frozenset()
    text = ctx.ex.doc.text
    named = any(n in text for n in (formula.spoken, *formula.variants))
    out = set()
    for member, earlier in formula.changed.items():
        now = sum(text.count(w) for w in formula.spellings(member) if w not in earlier)
        if earlier:
            if now <= sum(text.count(w) for w in earlier):
                out.add(member)
        elif not (now or named):
            out.add(member)
    return frozenset(out)


def lexicon_questions(ctx: Context, formula: Formula, sentence_index: int) -> Iterator[Question]:
    """The lexicon's questions on ``formula``, named or listed at ``sentence_index``. A text
    dated before the formula's current wording is asked it only where it names the formula
    (a 2015 “两个一百年”奋斗目标: the explanation dates today's wording, and no 判断 is made
    false, where the text's own older wording would read as the error, blind15 LA #33), not
    where it only lists members in an older form (a 2015 speech of the three 自信 is not asked
    what 四个自信 leaves out, blind15 LE #25, LC #35); a name the text defines itself is not
    asked at all (三座大山：市场的冰山、融资的高山、转型的火山, blind15 LB #15)."""
    if _defined_otherwise(ctx, formula):
        return
    if _predates(ctx, formula) and not _states_current(ctx, formula):
        if not _named(ctx, formula):
            return
        if not formula.changed:
            for q in _lexicon_questions(ctx, formula, sentence_index):
                if q.template != "lex_judge_false":
                    yield q
            return
    yield from _lexicon_questions(ctx, formula, sentence_index)


def _lexicon_questions(ctx: Context, formula: Formula, sentence_index: int) -> Iterator[Question]:
    s = ctx.sentence(sentence_index)
    source = s.text
    # a version of a shared name is printed with its title (“不忘初心、牢记使命”主题教育总要求)
    # and known by its id (formula=, ids); other formulas' three names are one
    fid, name, said = formula.name, _quoted(formula.shown), formula.spoken
    explanation = _explain_formula(formula, _text_date(ctx))
    members = list(formula.members)
    para = s.paragraph
    common = dict(source=source, explanation=explanation, paragraph=para, formula=fid)
    # 忠诚干净担当 = 对党忠诚、个人干净、敢于担当: the name spells its members, so asking for
    # members (属于/不属于/包括), for the name (合称) or judging a list against it gives it away
    spelled = name_spells_members(formula.shown, members)

    def qid(kind: str, template: str, key: str = fid) -> str:
        return question_id(ctx.doc_key, kind, template, key, f"lexicon:{fid}")

    if spelled:
        yield from _lexicon_clozes(ctx, formula, members, qid, common)
        return
    # a member the text's era disputes is never an option, a blank or a part of a statement:
    # the stable members make the 属于 / 不属于 / 多选; the listings are not asked
    disputed = _disputed_members(ctx, formula)
    members = [m for m in members if m not in disputed]
    # 属于
    i = qid("single", "lex_member")
    rng, fixed = _rngs(ctx, i)
    answer = fixed.choice(members)
    heads = _head_fits(formula)
    # lures that keep the shape every member has (…一百年…, 毫不动摇…) first: one without it is
    # told apart by its look, and a draw of such lures may be dropped for its length alone
    framed = _in_members_frame(formula, heads)

    def draw(key: str, r: random.Random) -> list[str] | None:
        if framed and all(framed(f) for f in formula.foils):
            # (curated foils all of the members' frame: too few of them is no 单选, not one
            # lure of another look, 以阶级斗争为纲 beside 理论自信; blind16 NA #9, NB #6)
            return _foils(ctx, formula, key, 3, r, fits=framed)
        return (framed and _foils(ctx, formula, key, 3, r, fits=framed)) or _foils(
            ctx, formula, key, 3, r, fits=heads
        )

    # 下列属于“五位一体”的是: 生态文明建设 among three 4-character foils is picked by its length
    # (GC #32, GN #32): a foil of the key's side of the lengths, else another member asked —
    # chosen on a seed-free draw, so that the answer is the same for every seed
    # (seed-free, so worked out once per text: a text generated again reads it back)
    chosen: dict[str, str] = ctx.ex.memo.setdefault("lex_member_answer", {})
    if i not in chosen:
        probe_rng = _fixed_rng("length" + i)
        probe = draw(answer, probe_rng)
        if probe and _alone_by_length(answer, probe):
            answer, _ = _member_by_length(
                ctx, formula, members, answer, probe, framed or heads, probe_rng
            )
        chosen[i] = answer
    answer = chosen[i]
    wrong = draw(answer, rng)
    if wrong and _alone_by_length(answer, wrong):
        _, wrong = _member_by_length(ctx, formula, [], answer, wrong, framed or heads, rng)
    if wrong:
        yield Question(
            id=i,
            kind="single",
            stem=f"下列属于{name}的是（　　）。",
            options=_shuffle([answer, *wrong], rng),
            answer=answer,
            keys=[said],
            difficulty=_difficulty("single", answer),
            template="lex_member",
            **common,
        )
    # 不属于
    if len(members) >= 3:
        i = qid("single", "lex_nonmember")
        rng, fixed = _rngs(ctx, i)
        foil = (framed and _foils(ctx, formula, members[0], 1, fixed, fits=framed)) or _foils(
            ctx, formula, members[0], 1, fixed, fits=heads
        )
        if foil:
            shown = sorted(rng.sample(members, 3), key=members.index)
            if _alone_by_length(foil[0], members):
                # 全面推进乡村振兴 (8) beside 全面深化改革, 全面依法治国, 全面从严治党 (6): a foil
                # of the members' lengths when the formula has one (EA #33: 保增长 among 保X 5s),
                # decided on every member, not the seeded three shown (the same for every seed)
                base = framed or heads
                own = [
                    f
                    for f in formula.foils
                    if (base is None or base(f)) and not _alone_by_length(f, members)
                ]
                other = own and dis.pick(
                    foil[0],
                    own,
                    1,
                    fixed,
                    exclude=_forbidden(ctx, formula),
                    max_distance=40.0,
                )
                foil = other or foil
            yield Question(
                id=i,
                kind="single",
                stem=f"下列不属于{name}的是（　　）。",
                options=_shuffle([*shown, foil[0]], rng),
                answer=foil[0],
                keys=[said],
                difficulty=_difficulty("single", said, 0.05),
                template="lex_nonmember",
                **common,
            )
    # 多选
    i = qid("multiple", "lex_members")
    rng, fixed = _rngs(ctx, i)
    own = [f for f in formula.foils if heads is None or heads(f)]
    # the whole formula (four of a longer one) and one or two lures: whether the question is
    # asked at all, for every seed alike, and its form when no other one passes the lure rules
    whole = members if len(members) <= 4 else sorted(fixed.sample(members, 4), key=members.index)
    wrong = _member_lures(
        ctx, formula, whole, 1 if len(whole) >= 4 else 2, rng, heads, own, lengths=False
    )
    # (a form whose lengths give no key away, found with a seed-free draw: whether the 多选 is
    # asked does not follow the seed, and its form when the seeded draws find none)
    forms = ctx.ex.memo.setdefault("lex_form", {})
    if (i, formula) not in forms:  # (seed-free: kept with the extraction, whose text ``i`` names)
        forms[i, formula] = _members_form(
            ctx, formula, members, whole, heads, own, _fixed_rng("form" + i), every=True
        )
    form = forms[i, formula]
    if form is not None and len(whole) >= 2:
        # four right of five is answered by spotting the odd one (QY1, F1, S0): a seeded
        # subset of the members and more lures, so the count of right options varies
        seeded = wrong and _members_form(ctx, formula, members, whole, heads, own, rng, wrong)
        correct, wrong = seeded or form
        stem = (
            f"{name}包括（　　）。"
            if len(correct) == len(formula.members)
            else f"下列属于{name}的有（　　）。"
        )
        yield Question(
            id=i,
            kind="multiple",
            stem=stem,
            options=_shuffle(list(correct) + wrong, rng),
            answer=list(correct),
            keys=[said],
            difficulty=_difficulty("multiple", said),
            template="lex_members",
            **common,
        )
    # parts: “三严三实”中的“三实”是指
    for part, part_members in sorted(formula.parts.items()):
        if len(part_members) < 2:
            continue
        i = qid("single", "lex_part", part)
        rng, fixed = _rngs(ctx, i)
        right = "、".join(part_members)
        others = [
            "、".join(v) for k, v in sorted(formula.parts.items()) if k != part and len(v) >= 2
        ]
        wrong_opts = list(others)
        tries = 0
        while len(wrong_opts) < 3 and tries < 12:
            tries += 1
            swap_at = fixed.randrange(len(part_members))
            shape = _shape_of(formula, part_members[swap_at])
            foil = _foils(ctx, formula, part_members[swap_at], 1, fixed, fits=shape)
            if not foil:
                break
            mutated = list(part_members)
            mutated[swap_at] = foil[0]
            text = "、".join(mutated)
            if text not in wrong_opts and text != right:
                wrong_opts.append(text)
        if len(wrong_opts) >= 3:
            yield Question(
                id=i,
                kind="single",
                stem=f"{name}中的“{part}”是指（　　）。",
                options=_shuffle([right, *wrong_opts[:3]], rng),
                answer=right,
                keys=[said, part],
                difficulty=_difficulty("single", right, 0.05),
                template="lex_part",
                **common,
            )
    if not disputed:
        yield from _lexicon_clozes(ctx, formula, members, qid, common)
        yield from _lexicon_name_and_judge(ctx, formula, members, qid, common)


def name_spells_members(name: str, members: list[str] | tuple[str, ...]) -> bool:
    """Does a formula's name read as its members' words (忠诚干净担当 over 对党忠诚、个人干净、
    敢于担当)? Each two-character piece of the name is found in its own member."""
    if len(name) < 4 or len(name) % 2:
        return False
    pieces = [name[k : k + 2] for k in range(0, len(name), 2)]
    used: set[int] = set()
    for piece in pieces:
        at = next((k for k, m in enumerate(members) if k not in used and piece in m), None)
        if at is None:
            return False
        used.add(at)
    return True


def _quoted(name: str) -> str:
    """A formula's name in the quotes a stem puts it in, quotes inside it made single
    (“‘不忘初心、牢记使命’主题教育总要求”)."""
    return "“" + name.replace("“", "‘").replace("”", "’") + "”"


def _core_echoed(member: str, core: str) -> bool:
    """Does the rest of ``member`` print a two-character word of its stored blank ``core``
    (党中央的核心、全党的（核心地位）)?"""
    rest = member.replace(core, "", 1)
    return any(_han(core[k : k + 2]) == 2 and core[k : k + 2] in rest for k in range(len(core) - 1))


def _statement_stem(name: str, formula: Formula, shown: list[str], colon: str = "：") -> str:
    """“name”是指：the formula's whole statement with ``shown`` (the members, one or two
    blanked or swapped) in place of its members, where the statement lists them in a row and
    the stem stays short; else "". Only the whole statement is what the name 是指: 五个建设
    without 把制度建设贯穿其中，深入推进反腐败斗争 misstates 党的建设总体布局 (blind BG #35)."""
    for sep in ("、", "，"):
        listing = sep.join(formula.members)
        if formula.statement and listing in formula.statement:
            stem = f"{name}是指{colon}" + formula.statement.replace(listing, sep.join(shown), 1)
            return stem if len(stem) <= 90 else ""
    return ""


def _earlier_cores(formula: Formula, member: str, core: str) -> list[str]:
    """The words a blank over ``core``, the end of ``member``, held in the member's earlier
    wordings of the same length and opening (社会主义现代化国家 of the 十八大's …富强民主文明和谐
    的社会主义现代化国家, for the 十九大's 社会主义现代化强国): right in a text older than the
    current wording (a 2015 speech on the 两个一百年, blind19 RA #35)."""
    if not member.endswith(core):
        return []
    out = []
    for earlier in formula.member_aliases.get(member, ()):
        tail = earlier[-len(core) :]
        if tail != core and len(common_prefix((tail, core))) >= len(core) - 2:
            out.append(tail)
    return out


def _lexicon_clozes(
    ctx: Context,
    formula: Formula,
    members: list[str],
    qid: Callable[..., str],
    common: dict,
) -> Iterator[Question]:
    name, said = _quoted(formula.shown), formula.spoken
    # complete the members
    if 2 <= len(members) <= 8:
        i = qid("cloze", "lex_cloze")
        fixed = _fixed_rng(i)  # (the seeded generator is not drawn from: not made)
        target = fixed.randrange(len(members))
        # 确立…党中央的核心、全党的（核心地位）: a stored blank whose member prints a word of it
        # again gives it away; the next member is blanked instead (round Y1); so does a member
        # the name pins (党课 of 三会一课's 一课, DA #21)
        pinned = _pinned_members(formula)
        for step in range(len(members)):
            at = (target + step) % len(members)
            core = formula.cores.get(members[at])
            if members[at] in pinned:
                continue
            if not (core and core in members[at] and _core_echoed(members[at], core)):
                target = at
                break
        member = members[target]
        core = formula.cores.get(member)
        if core and core in member:
            blanked_member = member.replace(core, BLANK, 1)
            answer, accepted = core, [core]
            if _predates(ctx, formula):
                accepted += _earlier_cores(formula, member, core)
        elif len(member) <= 10:
            blanked_member = BLANK
            answer, accepted = member, list(formula.spellings(member))
        else:
            answer = ""
        if answer:
            shown = list(members)
            shown[target] = blanked_member
            sep = "；" if any("、" in m for m in members) else "、"
            stem = _statement_stem(name, formula, shown) or (
                f"{name}{_LISTS[bool(formula.statement)]}{sep.join(shown)}。"
            )
            if not _readable(answer, stem):
                yield Question(
                    id=i,
                    kind="cloze",
                    stem=stem,
                    options=[],
                    answer=[answer],
                    keys=[said],
                    accepted=[accepted],
                    difficulty=_difficulty("cloze", answer),
                    template="lex_cloze",
                    **common,
                )
    # two blanks, order-free: the members, not their order, are the point
    if 4 <= len(members) <= 8 and all(len(m) <= 8 and "、" not in m for m in members):
        i = qid("cloze", "lex_cloze_pair")
        fixed = _fixed_rng(i)
        first = fixed.randrange(len(members) - 1)
        pair = [first, first + 1 + fixed.randrange(len(members) - 1 - first)]
        shown = [BLANK if k in pair else m for k, m in enumerate(members)]
        listed = _statement_stem(name, formula, shown) or (
            f"{name}{_LISTS[bool(formula.statement)]}{'、'.join(shown)}。"
        )
        stem = listed + ORDER_FREE
        answers = [members[k] for k in pair]
        if not any(_readable(a, stem) for a in answers):
            yield Question(
                id=i,
                kind="cloze",
                stem=stem,
                options=[],
                answer=answers,
                keys=[said],
                accepted=[list(formula.spellings(a)) for a in answers],
                ordered=False,
                difficulty=_difficulty("cloze", said, 0.1),
                template="lex_cloze_pair",
                **common,
            )


# the fields formula categories belong to: a 合称 question's wrong names come from its own field
_FORMULA_FIELDS = {
    **dict.fromkeys(("乡村", "理念", "布局", "经济任务", "攻坚"), "发展"),
    **dict.fromkeys(
        ("作风", "学习教育", "干部", "政治", "纪律", "组织", "组织生活", "意识", "自信", "考验",
         "危险", "使命", "理论"),
        "党建",
    ),
}  # fmt: skip


def _field_of(formula: Formula) -> str:
    """The field a formula belongs to (党的建设总体布局 is a 布局 of the Party, not of the
    economy: round 19)."""
    if formula.spoken.startswith("党的"):
        return "党建"
    return _FORMULA_FIELDS.get(formula.category, "")


def _field_names_first(
    name: str,
    names: list[str],
    same_field: set[str],
    rng: random.Random,
    exclude: set[str],
    number: str,
) -> list[str] | None:
    """Three wrong names for a 合称 question, at least two of its own field when it has them.

    The usual pick (``names`` in order, within a shape distance of 3) stands when it finds two
    names of the field; otherwise up to three names of the field are taken whatever their
    length, the nearest in shape first (社会主义新农村建设总要求, 新发展理念, 五位一体 for
    乡村振兴战略总要求), and the rest from other fields as usual (rounds 19–20b: the shape limit
    left 乡村振兴战略总要求 with Party-building names only). A numbered name (三会一课) keeps
    one option of its number.
    """
    usual = dis.pick(name, names, 3, rng, exclude=exclude, max_distance=3.0, ranked=True)
    near = [n for n in names if n in same_field]
    if usual is not None and sum(n in same_field for n in usual) >= min(2, len(near)):
        return usual
    far = [n for n in names if n not in same_field]
    for k in range(min(3, len(near)), 1, -1):
        first = dis.pick(name, near, k, rng, exclude=exclude, max_distance=99.0)
        if first is None:
            continue
        rest = (
            dis.pick(name, far, 3 - k, rng, exclude=exclude, max_distance=3.0, ranked=True)
            if k < 3
            else []
        )
        if rest is not None and (not number or any(number in w for w in [*first, *rest])):
            return [*first, *rest]
    return usual


def _stated_count(name: str) -> int:
    """The count a name opens on (四个全面 → 4, 三大攻坚战 → 3), or 0."""
    return CN_DIGITS.get(name[:1], 0)


def _numbered_like(formula: Formula, count: int) -> bool:
    """Does ``formula``'s name state ``count`` and list that many members (三大任务 for a
    three-member name; not 三去一降一补, five members under a 三)?"""
    return _stated_count(formula.spoken) == count == len(formula.members)


def _lex_name_question(
    ctx: Context, formula: Formula, members: list[str], i: str, common: dict
) -> Question | None:
    """“政治意识、大局意识…”合称为（　　）: the formula's name among names of its field and
    count, or None when the stem or a count would give it away."""
    # (a version answers with its shared name: the listing says which version it is, and a
    # title far longer than the other names would be the option that stands out)
    setup = _lex_name_setup(ctx.lexicon, formula, tuple(members))
    if setup is None:
        return None
    listing, names, same_field, like, counted, shared = setup
    name = formula.spoken
    rng = _rng(ctx, i)  # (the seed-free generator is not drawn from: not made)
    number = next((c for c in name if c in NUMERALS), "")
    # (a name first stated after the text is no option: 四史 on a 2017 text)
    exclude = {name, *formula.variants, *_later_names(ctx)}
    wrong = _field_names_first(name, list(names), set(same_field), rng, exclude, number)
    if number and wrong and not any(number in w and (w in like or not counted) for w in wrong):
        wrong = None
    if shared and not all(all(ch in n for ch in shared) for n in wrong or ()):
        wrong = None  # 农业、农村、农民 → 三农: the one option with 农 among 三会一课, 两个确立
    if not wrong:
        return None
    return Question(
        id=i,
        kind="single",
        stem=f"{_quoted(listing)}合称为（　　）。",
        options=_shuffle([name, *wrong], rng),
        answer=name,
        keys=[formula.spoken],
        difficulty=_difficulty("single", name, -0.05),
        template="lex_name",
        **common,
    )


@lru_cache(maxsize=1024)
def _lex_name_setup(
    lex: Lexicon, formula: Formula, members: tuple[str, ...]
) -> tuple[str, tuple[str, ...], frozenset[str], frozenset[str], bool, tuple[str, ...]] | None:
    """The seed-free half of :func:`_lex_name_question`, worked out once per lexicon, formula
    and members (it sorts every formula of the lexicon): (listing, the candidate names in
    order, those of the key's field, those counting as many members, whether the listing's
    count rules names out, the name's characters every member prints), or None when the stem
    or a count would give the name away."""
    name = formula.spoken
    sep = "；" if any("、" in m for m in members) else "、"
    listing = sep.join(members)
    pieces = [name[k : k + 2] for k in range(0, len(name) - 1, 2)]
    if len(listing) > 80 or all(piece in listing for piece in pieces):
        return None  # too long a stem, or the stem spells the name
    if _contraction_heads(formula) is not None:
        return None  # 支部党员大会、…、党课 → 三会一课: counting the heads spells the name
    # names of the same field first (乡村振兴战略总要求 among 新发展理念, 五位一体, not among
    # 主题教育总要求: review 18b), then of formulas with as many members (四个自信, 四个全面 for
    # 四个意识)
    field = _field_of(formula)
    # 四个全面, 三大攻坚战 for the five members of 新发展理念: counting the listing rules out a
    # name whose number differs, so only numbered names of as many members stay; a key whose
    # name does not state its count (三严三实, 两学一做) keeps the numbered lures (review 23)
    counted = not any(c in NUMERALS for c in name) or _stated_count(name) == len(members)
    others = sorted(
        (
            f
            for f in lex.formulas
            if f is not formula
            # (another version of the name: its shared spelling reads as the answer too)
            and not (formula.sense_of and f.sense_of == formula.sense_of)
            and (
                not counted
                or _stated_count(f.spoken) == len(members)
                or not any(c in NUMERALS for c in f.spoken)
            )
        ),
        key=lambda f: (_field_of(f) != field, abs(len(f.members) - len(members)), f.spoken),
    )
    # (a version of a shared name is offered under that name, once)
    names = list(dict.fromkeys(f.spoken for f in others))
    same_field = {f.spoken for f in others if field and _field_of(f) == field}
    # 四个意识 ← 政治意识、大局意识…: a word of the name the listing repeats is a cue, so every
    # option must carry it too (no such sibling names → no question)
    cues = {
        name[k : k + 2]
        for k in range(len(name) - 1)
        if _han(name[k : k + 2]) == 2
        and not any(c in NUMERALS or c in "个种项条" for c in name[k : k + 2])
        and name[k : k + 2] in listing
    }
    names = [n for n in names if all(c in n for c in cues)]
    # 五位一体 among 三会一课, 三严三实: counting the listing picks the one option with 五, so
    # names with the key's number come first and one of them must be among the options
    number = next((c for c in name if c in NUMERALS), "")
    # (a lure with the number must count as many members as the listing: 三去一降一补, five
    # members under a 三, leaves 三大攻坚战 the one three-member name; F4 #12)
    like = {f.spoken for f in others if _numbered_like(f, len(members))}
    if number:
        # a numbered name is a short numbered label: a lure without a number, or longer or
        # shorter by three characters or more, is of another shape (社会主义新农村建设总要求,
        # 新发展理念 beside 五位一体), and lures of the key's own length come first, or the key
        # is the one two-character 四X among four-character 四个X (FT3 #34, FT7 #22, QT2 #22)
        names = [n for n in names if any(c in NUMERALS for c in n) and abs(len(n) - len(name)) <= 2]
        names.sort(key=lambda n: (number not in n, n not in like, abs(len(n) - len(name))))
    counters = NUMERALS + "个种项条大"
    shared = tuple(ch for ch in name if ch not in counters and all(ch in m for m in members))
    return listing, tuple(names), frozenset(same_field), frozenset(like), counted, shared


def _plausible_swap(formula: Formula, members: list[str]) -> Callable[[int, str], bool]:
    """A test of whether a foil in the place of ``members[at]`` reads as the formula
    misremembered: keeping the frame every member keeps (毫不动摇…, …一百年…:
    :func:`_keys_shape`) and repeating no other member's own opening or ending (a run four
    characters past what the member it replaces shares with it: 在新中国成立一百年时 twice gives
    one date two goals, DD #4)."""
    shape = _keys_shape(formula.spoken, members)

    def plausible(at: int, foil: str) -> bool:
        if shape is not None and not shape(foil):
            return False
        own = members[at]
        for k, other in enumerate(members):
            if k == at:
                continue
            for edge in (common_prefix, common_suffix):
                if len(edge([foil, other])) >= len(edge([own, other])) + 4:
                    return False
        return True

    return plausible


def _false_swap(
    ctx: Context,
    formula: Formula,
    members: list[str],
    start: int,
    plausible: Callable[[int, str], bool],
) -> tuple[int, str] | None:
    """A (place, foil) for a false statement of ``formula`` that ``plausible`` passes, trying
    each place from ``start`` on; None when there is none."""
    for step in range(len(members)):
        at = (start + step) % len(members)
        shape = _shape_of(formula, members[at])
        foil = _foils(
            ctx,
            formula,
            members[at],
            1,
            _fixed_rng(f"swap\x1f{formula.name}\x1f{at}\x1f{ctx.doc_key}"),
            fits=lambda f, at=at, shape=shape: (shape is None or shape(f)) and plausible(at, f),
            pool=False,  # (the formula's own foils and its siblings' members: its own field)
        )
        if foil:
            return at, foil[0]
    return None


def _lexicon_name_and_judge(
    ctx: Context,
    formula: Formula,
    members: list[str],
    qid: Callable[..., str],
    common: dict,
) -> Iterator[Question]:
    fid = formula.name
    # …合称
    question = _lex_name_question(ctx, formula, members, qid("single", "lex_name"), common)
    if question is not None:
        yield question
    # 判断: the statement as the lexicon has it and with one member swapped, both (the quiz
    # takes one per formula, of the answer its other 判断 need); a coin of the text once made
    # one of them, so a text naming one or two formulas served 判断 all 错误 (seven tuning texts)
    # or all 正确 (three): a learner answered them blind. The coin's side comes first.
    truth = int(hashlib.sha1(f"{ctx.doc_key}|lex|{fid}".encode()).hexdigest(), 16) % 2 == 0
    for side in (truth, not truth):
        statement = _lex_statement(ctx, formula, members, qid, common, side)
        if statement is not None:
            yield statement


def _lex_statement(
    ctx: Context,
    formula: Formula,
    members: list[str],
    qid: Callable[..., str],
    common: dict,
    truth: bool,
) -> Question | None:
    """The lexicon's 判断 on ``formula``: its members as they are (``truth``), or one swapped
    for a foil that reads as the formula misremembered; None when there is no such foil or the
    statement would run too long."""
    fid, name, said = formula.name, _quoted(formula.shown), formula.spoken
    explanation, source, para = common["explanation"], common["source"], common["paragraph"]
    sep = "；" if any("、" in m for m in members) else "、"
    template = "lex_judge_true" if truth else "lex_judge_false"
    i = qid("judge", template)
    shown = list(members)
    expl = explanation
    if not truth:
        rng, fixed = _rngs(ctx, i)  # (a true statement draws from neither)
        at = start = fixed.randrange(len(members))
        foil = _foils(ctx, formula, members[at], 1, rng, fits=_shape_of(formula, members[at]))
        if not foil:
            return None
        # a foil in another member's frame (以党的组织建设为统领 beside 以党的政治建设为统领)
        # takes that member's place: set beside it, the statement names two 统领 and shows
        # itself false by its look (blind rounds BB #31, BH #31)
        # (an ending every member has is the list's pattern, not one slot's: 三大规律)
        if not _same_frame(foil[0], members[at]) and not all(
            m.endswith(foil[0][-2:]) for m in members
        ):
            at = next((k for k, m in enumerate(members) if _same_frame(foil[0], m)), at)
        # a foil that breaks the frame every member keeps (使市场… among 毫不动摇…) or repeats
        # another member's own clause (two goals 在新中国成立一百年时) is false by its look
        # (DD #4, DC #18): another foil, or another place, that reads as the formula
        # misremembered; whether there is one is decided seed-free
        plausible = _plausible_swap(formula, members)
        swaps = ctx.ex.memo.setdefault("false_swap", {})
        at_key = (ctx.doc_key, formula, tuple(members), start)
        if at_key not in swaps:  # (seed-free: kept with the extraction)
            swaps[at_key] = _false_swap(ctx, formula, members, start, plausible)
        swap = swaps[at_key]
        if swap is None:
            return None
        if not plausible(at, foil[0]):
            at, foil = swap[0], [swap[1]]
        shown[at] = foil[0]
        expl = f"错误。“{foil[0]}”不属于{name}。" + explanation
    else:
        expl = "正确。" + explanation
    whole = _statement_stem(name, formula, shown, colon="")
    if not whole and len(sep.join(shown)) > 90:
        return None
    return Question(
        id=i,
        kind="judge",
        # (members that are only the clauses of a longer statement are what it 包括)
        stem=whole or f"{name}{'包括' if formula.statement else '是指'}{sep.join(shown)}。",
        options=[],
        answer=truth,
        keys=[said],
        source=source,
        explanation=expl,
        paragraph=para,
        formula=fid,
        difficulty=_difficulty("judge", said),
        template=template,
    )


# -- all ------------------------------------------------------------------------------------------
def _keys_by_text(ctx: Context) -> list[list[KeyPhrase]]:
    """Occurrences of each distinct key text, best first; enumerations capped per list.

    A key text gets its questions once (from its best occurrence); of a 、-list of three or
    more items, which the 多选 covers whole, only two items (fixed per text) get their own.
    Seed-free (whether a list's 多选 is made is decided before its draw): kept with the
    extraction.
    """
    kept = ctx.ex.memo.get("keys_by_text")
    if kept is None:
        kept = ctx.ex.memo["keys_by_text"] = _keys_by_text_of(ctx)
    return kept


def _keys_by_text_of(ctx: Context) -> list[list[KeyPhrase]]:
    by_text: dict[str, list[KeyPhrase]] = {}
    for key in ctx.ex.keys:
        by_text.setdefault(key.text, []).append(key)
    chosen: dict[tuple[str, ...], set[str]] = {}
    out = []
    for text, occ in by_text.items():
        occ.sort(key=lambda k: (-k.score, k.start))
        best = occ[0]
        if best.type == "enumeration" and len(best.group) >= 3 and _multi_possible(ctx, best.group):
            pair = chosen.get(best.group)
            if pair is None:
                shown = multi_enum_keys(best.group)
                ranked = sorted(best.group, key=lambda t: (t in shown, _hash(t)))
                pair = chosen[best.group] = set(ranked[:2])
            if text not in pair:
                continue
        out.append(occ)
    out.sort(key=lambda o: min(k.start for k in o))
    return out


def _multi_possible(ctx: Context, items: tuple[str, ...]) -> bool:
    """Will the 多选 over this list be made (so its items need fewer clozes)?

    Decided by building it: when no intruders are found, every item gets its own cloze.
    """
    known = ctx.indexes.setdefault("_multi_possible", {})
    if items not in known:
        known[items] = _multi_made(ctx, items)
    return known[items]


def _multi_made(ctx: Context, items: tuple[str, ...]) -> bool:
    if not any(ctx.lexicon.term_class(i) for i in items) and not (
        common_prefix(items) or common_suffix(items)
    ):
        return False
    where = ctx.ex.groups.get(items)
    if where is None:
        return False  # no 多选 is attempted for it: every item gets its cloze
    return bool(_group_cached(ctx, items, where))


def _group_cached(
    ctx: Context, items: tuple[str, ...], where: tuple[int, int, int]
) -> list[Question]:
    """The 多选 over a list, built once per text (whether it exists decides the clozes)."""
    made = ctx.indexes.setdefault("_multi_made", {})
    if (items, where) not in made:
        made[items, where] = list(group_questions(ctx, items, where))
    return made[items, where]


def _first_good(ctx: Context, occurrences: list[KeyPhrase]) -> Iterator[Question]:
    """Questions from the first occurrence that can carry them (up to three tried)."""
    for key in occurrences[:3]:
        made = list(text_questions(ctx, key))
        if made:
            yield from made
            return


def add_subkeys(ctx: Context, q: Question) -> Question:
    """Add to ``keys`` the lexicon names and vocabulary terms the answer contains
    (党管干部 in 党管干部原则, 战斗堡垒 in 坚强战斗堡垒)."""
    answers = (
        q.answer if isinstance(q.answer, list) else [q.answer] if isinstance(q.answer, str) else []
    )
    extra: list[str] = []
    for answer in answers:
        for sub in _subkeys(ctx.lexicon, answer):
            if sub not in q.keys and sub not in extra:
                extra.append(sub)
    if extra:
        q.keys = [*q.keys, *extra]
    return q


_SUBKEY_HEADS = ("原则", "标准", "机制", "制度")


@lru_cache(maxsize=8192)
def _subkeys(lex: Lexicon, answer: str) -> tuple[str, ...]:
    """The lexicon names, vocabulary terms and 原则/标准… heads inside an answer (cached: a
    text asks the same answer in several templates, and texts share most answers)."""
    found: list[str] = []
    # an answer that is itself a term (a name) holds no other: the longest match at its
    # start is the whole answer, so a scan would find only the answer itself
    for term, _, _ in () if answer in lex.terms else lex.find_terms(answer):
        if term != answer and term not in found:
            found.append(term)
    for hit in () if lex.is_name(answer) else lex.find_names(answer):
        name = answer[hit.start : hit.end]
        if name != answer and name not in found:
            found.append(name)
    for suffix in _SUBKEY_HEADS if answer.endswith(_SUBKEY_HEADS) else ():
        if answer.endswith(suffix) and len(answer) - len(suffix) >= 3:
            head = answer[: -len(suffix)]
            # only a name (党管干部), not a fragment (基本经济 of 基本经济制度), which the
            # answer's blank could not take
            if head not in found and lex.is_known(head):
                found.append(head)
    return tuple(found)


def build_all(ctx: Context) -> list[Question]:
    ctx.pools = build_pools(ctx.ex)
    out: list[Question] = []
    builders: list[tuple[float, Callable[[], Iterator[Question]]]] = []
    for name, index in sorted(ctx.ex.formula_sentences.items(), key=lambda kv: (kv[1], kv[0])):
        formula = ctx.lexicon.get(name)
        if formula is not None and formula.members:  # (a shared name no version was found for)
            builders.append((1.0, lambda f=formula, i=index: lexicon_questions(ctx, f, i)))
    for occurrences in _keys_by_text(ctx):
        builders.append((occurrences[0].score, lambda o=occurrences: _first_good(ctx, o)))
    for items, where in sorted(ctx.ex.groups.items(), key=lambda kv: kv[1]):
        builders.append((0.66, lambda it=items, w=where: iter(_group_cached(ctx, it, w))))
    # which subheadings belong to a section: reviews 10–12 found it sorted by topic, so a quiz
    # takes it last among the 多选
    builders.append((0.55, lambda: heading_set_questions(ctx)))
    builders.append((0.66, lambda: standard_list_clozes(ctx)))
    builders.append((0.62, lambda: frame_series_clozes(ctx)))
    builders.append((0.62, lambda: parallel_clause_clozes(ctx)))
    builders.append((0.62, lambda: dash_series_clozes(ctx)))
    builders.append((0.62, lambda: principle_points_clozes(ctx)))
    for score, build in builders:
        for question in build():
            ctx.scores.setdefault(question.id, score)
            question = add_list_spellings(ctx, add_subkeys(ctx, question))
            out.append(add_thesis_key(add_saying_key(add_list_key(ctx, question))))
    # theses whose subject is asked elsewhere (反腐败, 全过程人民民主) still get their cloze
    named = {k for q in out for k in q.keys}
    made = {q.id for q in out}
    for question in thesis_clozes(ctx, named):
        if question.id not in made:
            made.add(question.id)
            ctx.scores.setdefault(question.id, 0.6)
            out.append(add_thesis_key(add_subkeys(ctx, question)))
    # two-clause formulations said once (没有…，就没有…; 只有…才能…，只有…才能…), and standard
    # lists spelled out one clause per item (坚持党的领导，坚持人民至上，…)
    for question in [
        *formulation_clozes(ctx, named),
        *triple_thesis_clozes(ctx, named),
        *standing_pair_clozes(ctx, named),
        *parallel_thesis_judges(ctx),
        *contrast_thesis_judges(ctx),
        *clause_list_clozes(ctx, named),
        *quality_list_clozes(ctx, named),
        *described_set_clozes(ctx, named),
        *unknown_run_clozes(ctx, named),
        *transition_clozes(ctx, out),
    ]:
        if question.id not in made:
            made.add(question.id)
            ctx.scores.setdefault(question.id, 0.6)
            out.append(question)
    # a 多选 on a list's last items names the whole list only now, after the run clozes:
    # named earlier, it took their lists away (5 run clozes lost)
    for question in out:
        if question.template == "multi_enum" and isinstance(question.answer, list):
            extra = _printed_list(ctx, question.stem, tuple(question.answer))
            question.keys = [*question.keys, *(w for w in extra if w not in question.keys)]
    # a blank over an item or the head of a described set names the formulation (勇攀高峰、
    # （　　）的创新精神 asks 勇攀高峰、敢为人先的创新精神)
    asked: dict[str, set[str]] = {}
    for question in out:
        if question.kind == "cloze" and isinstance(question.answer, list):
            if len(question.answer) == 1 and question.stem.count(BLANK) == 1:
                asked.setdefault(question.source, set()).add(question.answer[0])
    for question in out:
        add_described_key(ctx, question)
        add_printed_list_key(ctx, question, asked)
        add_led_clause_key(question)
    lures = _era_lures(ctx)
    return [q for q in out if not _era_lured(q, lures)] if lures else out


def _era_lured(q: Question, lures: frozenset[str]) -> bool:
    """Does a question offer, as wrong, a phrase that was right at the text's date (绿色化 as a
    non-member of the 新四化, or swapped into a 2015 text's 新型工业化、信息化… for a 错误)?"""
    if q.kind == "judge":
        return q.answer is False and any(w in q.stem and w not in q.source for w in lures)
    answers = q.answer if isinstance(q.answer, list) else [q.answer]
    if q.template == "lex_nonmember":  # (下列不属于“新四化”的是 绿色化: its answer is the lure)
        return any(o in lures for o in q.options)
    return any(o in lures and o not in answers for o in q.options)


def _list_closed(items: tuple[str, ...], after: str) -> bool:
    """Does a list end where ``after`` starts? At a stop, a quote, a 的 before the head it
    describes or a 是 before its predicate; or, items of one ending (精神懈怠危险…消极腐败危险),
    before any word but one that joins one more item (从站起来、富起来|到强起来). An edge item
    cut to its siblings' shape goes on in the text (发展为了人民、发展依靠人民、发展成果由|
    人民共享)."""
    if (
        not after
        or after[0] in "，。；：！？“”’）,;:!?是"
        or after[0] == "的"
        and after[1:2] != "、"
    ):
        return True
    return len({item[-1] for item in items}) == 1 and after[0] not in "、等到和与及以并或"


def add_printed_list_key(ctx: Context, q: Question, asked: dict[str, set[str]]) -> Question:
    """Add the whole short list (精准扶贫、精准脱贫; 突破一批核心部件、推出一批高端产品、形成一批
    中国标准) to the keys of a 填空 or 单选 whose one blank is an item of it and whose stem prints
    every other item in place: the learner completes the list as written, as a blank over half
    a quoted saying asks the saying. Two to four items (a blank over one of seven asks the
    item); run after the run clozes, which a named list would take away (see ``_printed_list``).
    The lists are the text's (``ex.groups``) and the runs of items other blanks of the same
    sentence ask (``asked``: the one answers of its questions), whose edges the builders cut.
    """
    if q.kind not in ("cloze", "single") or q.template not in ("cloze", "single"):
        return q
    answers = q.answer if isinstance(q.answer, list) else [q.answer]
    if len(answers) != 1 or not isinstance(answers[0], str) or q.stem.count(BLANK) != 1:
        return q
    answer = answers[0]
    lists = list(_groups_holding(ctx).get(answer, ()))
    chain = _asked_chain(q.stem, answer, asked.get(q.source, set()))
    if chain and chain not in lists:
        lists.append(chain)
    for items in lists:
        if not 2 <= len(items) <= 4 or not _edges_clean(ctx, items):
            continue
        whole = "、".join(items)
        printed = "、".join(BLANK if item == answer else item for item in items)
        at = q.stem.find(printed)
        if at < 0 or whole in q.keys:
            continue
        # the list as the stem prints it, not the start or end of a longer one (形式主义、
        # 官僚主义、弄虚作假…)
        if q.stem[at - 1 : at] == "、" or not _list_closed(items, q.stem[at + len(printed) :]):
            continue
        in_source = q.source.find(whole)
        if in_source < 0 or not _cut_at(q.source, in_source):
            continue  # 解决地|区差距、城乡差距: the first item cut out of a word
        q.keys = [*q.keys, whole]
    return q


def _edges_clean(ctx: Context, items: tuple[str, ...]) -> bool:
    """:func:`~.keyphrases.list_edges_clean`, kept with the extraction (it reads jieba's
    dictionary, which the extraction's key holds): a text's lists are asked about again and
    again."""
    known: dict[tuple[str, ...], bool] = ctx.ex.memo.setdefault("edges_clean", {})
    clean = known.get(items)
    if clean is None:
        clean = known[items] = list_edges_clean(items)
    return clean


def _asked_chain(stem: str, answer: str, asked: set[str]) -> tuple[str, ...]:
    """The 、-run around the one blank of ``stem`` made only of items other questions of the
    sentence ask (their edges are the builders'), with ``answer`` in the blank; () when an item
    next to it is none of them (the run's edges are unknown there)."""
    at = stem.find(BLANK)
    items, left, right = [answer], at, at + len(BLANK)
    while stem[left - 1 : left] == "、":
        before = stem[: left - 1]  # (cut once, not once per asked item)
        found = max((a for a in asked if before.endswith(a)), key=len, default="")
        if not found:
            return ()
        items.insert(0, found)
        left -= 1 + len(found)
    while stem[right : right + 1] == "、":
        found = max((a for a in asked if stem.startswith(a, right + 1)), key=len, default="")
        if not found:
            return ()
        items.append(found)
        right += 1 + len(found)
    return tuple(items) if len(items) > 1 else ()


def _item_spellings(ctx: Context, item: str) -> list[str]:
    """The other spellings a blank holding ``item`` accepts (its lexicon aliases and standard
    forms: 互相尊重 / 相互尊重, 党的七大 / 七大), as ``_accepted`` gives a single blank."""
    return [
        sp
        for sp in (*ctx.lexicon.aliases.get(item, ()), *_standard_forms(ctx.lexicon, item))
        if "“" not in sp
    ]


def add_list_spellings(ctx: Context, q: Question) -> Question:
    """Give each blank of a cloze with several blanks the spellings a single blank of the same
    item accepts (review 21: a list cloze refused 相互尊重 where the single cloze took it)."""
    if q.kind != "cloze" or len(q.accepted) < 2:
        return q
    widened: list[list[str]] = []
    for spellings in q.accepted:
        more = list(spellings)
        for sp in spellings:
            for extra in _item_spellings(ctx, sp):
                if extra not in more:
                    more.append(extra)
        widened.append(more)
    q.accepted = widened
    return q


def add_list_key(ctx: Context, q: Question) -> Question:
    """Add the whole list (道路自信、理论自信、制度自信、文化自信) to the keys of a 多选 whose
    right options are every item of it: the question asks the list whole, not one item.

    A 多选 showing four of a longer list (幼有所育…弱有所扶) tests part of it and gets no such key.
    """
    if q.kind != "multiple" or not isinstance(q.answer, list) or len(q.answer) < 2:
        return q
    right = tuple(q.answer)
    # members holding a 、 themselves (务必不忘初心、牢记使命) are joined with ，, as texts do
    sep = "，" if any("、" in item for item in right) else "、"
    whole: list[str] = []
    if q.template == "multi_enum" and right in ctx.ex.groups:
        whole.append(sep.join(right))
    elif q.template == "lex_members" and q.formula:
        formula = ctx.lexicon.get(q.formula)
        if formula is not None and right == tuple(formula.members):
            whole.append(sep.join(right))
            # the text's own order, when it spells the members out in another one
            for items in _sorted_groups(ctx):
                if len(items) == len(right) and set(items) == set(right) and items != right:
                    whole.append(sep.join(items))
    extra = [w for w in whole if w not in q.keys]
    if extra:
        q.keys = [*q.keys, *extra]
    return q


def _printed_list(ctx: Context, stem: str, right: tuple[str, ...]) -> list[str]:
    """The whole list a 多选 over its last items asks when the stem prints the items before
    them in place (新型工业化、（　　）取得重大进展 asks 新型工业化、信息化、城镇化、农业现代化),
    as a run cloze showing every other item names its run: the stem quotes the list whole."""
    for items in _sorted_groups(ctx):
        if len(items) > len(right) and items[-len(right) :] == right:
            if "、".join(items[: -len(right)]) + "、" + BLANK in stem:
                return ["、".join(items)]
    return []


def _sorted_groups(ctx: Context) -> list[tuple[str, ...]]:
    """The text's lists in sorted order (sorted once per text, not once per question)."""
    ordered = ctx.ex.memo.get("sorted_groups")
    if ordered is None:
        ordered = ctx.ex.memo["sorted_groups"] = sorted(ctx.ex.groups)
    return ordered


def _groups_holding(ctx: Context) -> dict[str, list[tuple[str, ...]]]:
    """Item → the text's lists holding it, in sorted order (built once per text: every asked
    question looks up its answer)."""
    index = ctx.ex.memo.get("groups_holding")
    if index is None:
        index = ctx.ex.memo["groups_holding"] = {}
        for items in _sorted_groups(ctx):
            for item in dict.fromkeys(items):
                index.setdefault(item, []).append(items)
    return index


# a saying closing a question's source: the sentence itself, or after the lead-in before it
_SAYING_AT_END = re.compile(
    r"(?:^|[。！？；!?;])([\u4e00-\u9fff]{4,8}，[\u4e00-\u9fff]{4,8}[。！])$"
)


def add_saying_key(q: Question) -> Question:
    """Add the whole saying (江山就是人民，人民就是江山; a quoted “清澈的爱，只为中国”) to the
    keys of a question whose answer is one clause of it: blanking half a saying asks the
    saying."""
    if q.kind not in ("cloze", "single") or "，" not in q.source:
        return q
    answers = q.answer if isinstance(q.answer, list) else [q.answer]
    if len(answers) != 1 or not isinstance(answers[0], str) or not 2 <= len(answers[0]) <= 12:
        return q
    whole = ""
    if 4 <= len(answers[0]) <= 8:
        # (a match ends the source and spans at most 20 characters: searched from there, not
        # from every character of a long source)
        m = _SAYING_AT_END.search(q.source, max(0, len(q.source) - 20))
        halves = couplet_halves(m.group(1)) if m else None
        whole = "，".join(halves) if halves and answers[0] in halves else ""
    whole = whole or _quoted_saying(q.stem, answers[0])
    if whole and whole not in q.keys:
        q.keys = [*q.keys, whole]
    return q


# a quoted saying of two to four clauses (“清澈的爱，只为中国”, “打得一拳开，免得百拳来”), its
# full stop inside the quote or not (“纸上得来终觉浅，绝知此事要躬行。”)
_QUOTED_SAYING = re.compile(
    r"“((?:[\u4e00-\u9fff]{2,12}[，；]){1,3}[\u4e00-\u9fff]{2,12})[。！？]?”"
)
_SAYING_CLAUSE_SPLIT = re.compile(r"[，；]")


def _quoted_saying(stem: str, answer: str) -> str:
    """The quoted saying a blank stands for one clause of (“少年强则国强，（　　）” asks
    少年强则国强，少年进步则国进步), as the stem prints it with the answer put back; or ""."""
    if BLANK not in stem:
        return ""
    for m in _QUOTED_SAYING.finditer(stem.replace(BLANK, answer, 1)):
        if answer in _SAYING_CLAUSE_SPLIT.split(m.group(1)):
            return m.group(1)
    return ""


# a governing verb opening a standard list's first item only (统筹|产业结构调整、污染治理…)
_LIST_LEADS = ("统筹", "坚持", "推进", "推动", "加强", "实现", "促进", "全面")


# 同…相结合, 为…服务: a preposition framing each item of a list
_ITEM_PREPOSITIONS = frozenset("同为以与对向")


def standard_list_clozes(ctx: Context) -> Iterator[Question]:
    """填空 with one blank per item of a standard enumeration spelled out whole (不断增强人民群众
    （　　）、（　　）、（　　）; 构建（　　）、（　　）、（　　）协调配套的制度体系).

    The list must be one the lexicon knows (``lists`` or a formula's members), every item of it
    in one run of the sentence, so knowing the formulation is what fills the blanks. Order-free
    unless the list is a sequence; the whole list is among the keys. A pair is asked this way
    only when its items share a pattern (人民至上、生命至上; 百花齐放、百家争鸣).
    """
    for items, (index, start, end) in sorted(ctx.ex.groups.items(), key=lambda kv: kv[1]):
        if not 2 <= len(items) <= MAX_HALVED_ITEMS or len(set(items)) != len(items):
            continue
        if ctx.lexicon.complete_list(items) is None:
            continue
        if _skipped_mates(ctx.lexicon, items, ctx.sentence(index).text):
            continue  # the 十九大's five 思维, blanked: 历史思维 of the 二十大's seven fits too
        if len(items) == 2 and not (
            common_prefix(items) or common_suffix(items) or _patterned(items)
        ):
            continue  # 惩前毖后、治病救人: two blanks and nothing tying them
        s = ctx.sentence(index)
        if s.is_noise or s.is_heading:
            continue
        local, local_end = start - s.start, end - s.start
        run = s.text[local:local_end]
        # each item's place in the run (quotes inside an item are part of it)
        spans: list[tuple[int, int]] = []
        pos = 0
        for item in items:
            k = run.find(item, pos)
            if k < 0:
                break
            spans.append((k, k + len(item)))
            pos = k + len(item)
        if len(spans) != len(items) or spans[0][0] != 0 or spans[-1][1] != len(run):
            continue
        if _dangling_lead(s.text, local) or s.text[local_end : local_end + 1] == "等":
            continue  # …等: examples of the list, not the list
        if s.text[local - 1 : local] == "、" or s.text[local_end : local_end + 1] == "、":
            continue  # 增强立法系统性、整体性、协同性、时效性: the text's list is longer
        if any(
            items[0].startswith(v) and not all(i.startswith(v) for i in items) for v in _LIST_LEADS
        ) or ("党的" in items[0][:2] and not all(i.startswith("党的") for i in items)):
            continue  # 统筹产业结构调整、污染治理…, 党的政治建设、思想建设…: one blank is longer
        stem, a, b = window(ctx, s, start, end)
        if not stem or stem[a:b] != run:
            continue
        if len(stem) - len(run) < 8:
            continue  # nothing left to answer from
        # 同（中国具体实际）相结合、同（中华优秀传统文化）相结合: a frame every item shares
        # stays shown, and only what sets each apart is blanked
        lead, tail = common_prefix(items)[:1], common_suffix(items)
        if (
            lead not in _ITEM_PREPOSITIONS
            or len(tail) < 2
            or any(len(i) - len(lead) - len(tail) < 2 for i in items)
        ):
            lead = tail = ""
        cores = tuple(i[len(lead) : len(i) - len(tail)] for i in items)
        # 展现可信、（　　）、（　　）: short items of one opening keep the first shown, so the
        # pattern the blanks follow is on the page (review 20b; 可亲 is not in the list)
        shown = 1 if _short_patterned(items) else 0
        # (劳模精神、劳动精神、工匠精神是…的生动体现: a list that opens the stem, every item
        # blanked, leaves nothing naming the set; its first item stays shown, HJ #21)
        if len(items) >= 3 and not stem[:a].strip("…"):
            shown = 1
        whole = "、".join(items)
        key = KeyPhrase(whole, "enumeration", index, start, end, 0.66, None, items)
        # a list longer than six (幼有所育、…、弱有所扶) is asked in two halves, each blanking
        # every other item among the rest shown, so that each item is asked once
        n = len(items)
        if n > MAX_LIST_ITEMS and run != whole:
            continue  # 教育党员、…监督党员和组织群众…: the halves show no list spelled whole
        halves = [range(shown, n)] if n <= MAX_LIST_ITEMS else [range(0, n, 2), range(1, n, 2)]
        for half, blanks in enumerate(halves):
            pieces, last = [], 0
            for k in blanks:
                x, y = spans[k]
                pieces.append(run[last : x + len(lead)] + BLANK)
                last = y - len(tail)
            blanked = stem[:a] + "".join(pieces) + run[last:] + stem[b:]
            if any(_readable(cores[k], blanked) for k in blanks):
                continue
            ordered = _is_sequence(s.text, local, items)
            if not ordered:
                blanked += ORDER_FREE
            yield _list_cloze(
                ctx,
                whole=whole,
                id_key=whole if half == 0 else f"{whole}|2",
                stem=blanked,
                answer=[cores[k] for k in blanks],
                keys=[whole, *(cores[k] for k in blanks)],
                source=s.text,
                explanation=_explain_text(ctx, key, s),
                accepted=_with_variants(
                    ctx,
                    key,
                    [[cores[k], items[k]] if cores[k] != items[k] else [items[k]] for k in blanks],
                ),
                ordered=ordered,
                paragraph=s.paragraph,
            )


# what makes ``X是Y`` a thesis worth naming whole: Y ranks or defines (首要任务, 本质属性, 最…)
_THESIS_MARKS = re.compile(
    r"最|第一|首要|唯一|根本|本质|核心|基础性|根本性|关键|总抓手|重中之重|生命线|灵魂|命脉|根基"
)
# … or Y names what X is to its field (人民安全是国家安全的基石; 劳动是一切幸福的源泉; 基础研究
# 是科技创新的源头): a foundation, a source or the one road, closing the predicate
_DEFINING_ENDS = ("基础", "基石", "源头", "源泉", "源头活水", "必由之路", "显著标志", "驱动力")
_DEFINING_END = re.compile(f"(?:{'|'.join(_DEFINING_ENDS)})$")
_DEFINING_ANY = re.compile("|".join(_DEFINING_ENDS))  # (one search per sentence)
DEFINING_THESES = "defining_theses"  # ctx.indexes: ids of the 填空 on a thesis that only defines
# ctx.indexes: ids of the 填空 on a text's numbered points (一是…) with no frame printed around
# the blanks: each blank a point of eight characters or more, recalled word for word
UNFRAMED_POINTS = "unframed_points"
_CLAUSE_SPLIT_RE = re.compile(r"[，,；;。！？!?：:]")
_BARE_MARKS = frozenset("核心 关键 根本 重点 基础 前提 保障 要害 实质 目的".split())


def add_thesis_key(q: Question) -> Question:
    """Add a short thesis (高质量发展是全面建设社会主义现代化国家的首要任务; 中国共产党是最高政治
    领导力量) to the keys of a cloze that blanks its subject or its predicate: the question
    asks the thesis. The thesis is one clause ``X是Y`` of at most 32 characters whose Y ranks or
    defines (首要任务, 本质属性, 最…, 根本性…); a lead 明确/强调 before X is not part of it.
    """
    if q.kind != "cloze" or "是" not in q.source:
        return q
    answers = q.answer
    if len(answers) != 1 or not isinstance(answers[0], str) or len(answers[0]) < 2:
        return q
    answer = answers[0]
    for clause in _CLAUSE_SPLIT_RE.split(q.source):
        if answer not in clause or clause.count("是") != 1 or len(clause) > 34:
            continue
        clause = clause.strip("“”‘’「」 ")
        for lead in ("明确", "强调", "指出"):
            if clause.startswith(lead):
                clause = clause[len(lead) :]
        subject, predicate = clause.split("是")
        if len(clause) > 32 or not subject or len(predicate) < 3:
            continue
        if subject in _BARE_MARKS:
            continue  # 核心是党和人民群众的关系问题: the thesis' subject is in another clause
        if answer not in (subject, predicate) or not _ranks_or_defines(predicate, clause):
            continue
        if subject.startswith(_NO_SUBJECT):
            continue  # 这是…: what the thesis is about lies elsewhere
        if word_tag(jieba_cut(subject)[-1]).startswith(_SUBJECT_BAD_TAGS):
            continue  # （发展仍然）是…第一要务: an adverb before the copula
        if clause not in q.stem.replace(BLANK, answer):
            continue  # a thesis of the sentence that the stem's window does not show
        if clause not in q.keys:
            q.keys = [*q.keys, clause]
        break
    whole = _spoken_thesis(q, answer)
    if whole and whole not in q.keys:
        q.keys = [*q.keys, whole]
    return q


# the clauses that go on a thesis' predicate (…的关键，是推动国家发展的根本动力; …，也是…的底色)
_MORE_PREDICATE = re.compile(r"^(?:也|更|又|还)?是[\u4e00-\u9fff、“”]{2,24}$")


def _spoken_thesis(q: Question, answer: str) -> str:
    """The whole thesis a cloze asks when its blank is the thesis' subject, or its predicate or an
    item of it (（　　）是信用经济、法治经济; 教育是（　　）、党之大计; （　　）就是我们的奋斗
    目标), and the stem prints every word of it; or "". A thesis whose predicate goes on in
    clauses of its own (…的关键，是…的根本动力; …，也是…的底色) is taken whole. What no thesis
    is: a subject :func:`thesis_parts` turns down (这, 我们, a time, the country), a predicate of
    under four characters, or one that opens on a verb and closes on 的 in under eight (是
    重要的), as a teacher lists none."""
    if BLANK not in q.stem or q.stem.count(BLANK) != 1:
        return ""
    shown = q.stem.replace(BLANK, answer)
    at = q.stem.index(BLANK)
    spans = [(m.start(), m.end()) for m in _CLAUSE_BODY.finditer(shown)]
    k = next((n for n, (a, b) in enumerate(spans) if a <= at < b), None)
    if k is None:
        return ""
    a, b = spans[k]
    clause = shown[a:b]
    lead = len(clause) - len(clause.lstrip())
    clause = clause.strip()
    copula = "就是" if clause.count("就是") == 1 else "是"
    if clause.count("是") != 1 and copula == "是":
        return ""
    subject, predicate = clause.split(copula)
    bare = subject.replace("“", "").replace("”", "")
    if not 2 <= len(bare) <= 14 or _han(bare) != len(bare) or "“" in predicate[:1]:
        return ""
    if bare.startswith(_NO_SUBJECT) or bare in _BARE_MARKS or _REPORTED.search(bare):
        return ""
    if copula == "是" and bare.endswith(_ADVERB_BEFORE_SHI) or bare in _COUNTRY_SUBJECTS:
        return ""
    if re.search(r"年|时期|阶段|当前|目前|今后|未来|现在|下一步", bare):
        return ""
    if bare.endswith("的") or bare.startswith(("把", "将", "让", "对", "在")):
        return ""  # 根本的是…, 把自己看作是…: no subject a thesis names
    if word_tag(jieba_cut(bare)[-1]).startswith(_SUBJECT_BAD_TAGS):
        return ""  # 发展仍然是…, 最终必然是…: an adverb before the copula
    core = predicate.replace("“", "").replace("”", "")
    if len(core) < 4 or _han(core.replace("、", "")) != len(core.replace("、", "")):
        return ""
    if core.endswith("的") and len(core) < 8 or core[-1] in "了着过在":
        return ""
    # the blank: the subject whole, the predicate whole, or an item of a 、-list predicate
    local = at - a - lead
    if local == 0 and len(subject) == len(answer):
        pass
    elif local == len(subject) + len(copula) and answer in (predicate, *predicate.split("、")):
        if "、" not in predicate and answer != predicate:
            return ""
    elif subject.startswith("“") and local == 1 and subject == f"“{answer}”":
        pass  # “（　　）”是今年“六稳”工作的着力点
    else:
        return ""
    end = b
    for c0, c1 in spans[k + 1 :]:
        if shown[end:c0] != "，" or not _MORE_PREDICATE.match(shown[c0:c1]):
            break
        end = c1
    return shown[a + lead : end]


def _ranks_or_defines(predicate: str, where: str) -> bool:
    """Does a thesis' predicate rank (a mark of :data:`_THESIS_MARKS` anywhere in ``where``) or
    define (it closes on a :data:`_DEFINING_ENDS` noun of a field it names: …的基石, not 是
    重要力量源泉, whose field is anyone's guess)?"""
    if _THESIS_MARKS.search(where):
        return True
    return "的" in predicate and _DEFINING_END.search(predicate) is not None


# a short thesis whose predicate is a bare mark (乡村振兴，产业兴旺是重点。)
_BARE_THESES = frozenset("重点 关键 保障 基础 根本 前提 核心 主线".split())
_BARE_THESIS = re.compile("|".join(sorted(_BARE_THESES)))  # (one search per sentence)


def _bare_mark_after(rest: str) -> bool:
    """Does ``rest`` (what follows a blank) read 是<bare mark> and close its clause
    (乡村振兴，（　　）是前提。)? Only a standard term pins such a subject (reviews 15b, 16b)."""
    return rest.startswith("是") and rest[1:3] in _BARE_THESES and rest[3:4] in ("。", "，", "；")


# what a thesis' subject never opens with: a pronoun, an adverb linking it to what comes before
_NO_SUBJECT = ("这", "那", "其", "它", "他", "她", "我们", "也", "都", "就", "还", "即", "仍", "又")
_NO_SUBJECT += ("并", "但", "而", "更", "才", "只", "要", "应", "必须", "每", "各", "该", "此")
# an adverb before 是 (特别是, 也是, 正是, 就是): the clause is no ``X是Y`` thesis
_ADVERB_BEFORE_SHI = ("特别", "尤其", "即", "就", "也", "还", "正", "更", "都", "总", "而", "不")
_ADVERB_BEFORE_SHI += ("乃", "便", "于", "只", "若", "凡", "但", "可", "或", "仍", "均", "亦", "又")
# (and the adverbs of two characters or more: （过去的工作只不过）是像万里长征走完了第一步,
# blind22 VA #39, VB #38)
_ADVERB_BEFORE_SHI += ("不过", "无非", "仅仅", "恰恰", "其实", "实际上", "确实")
# a clause saying that X is Y (认识到…, 树立…是…的思想): someone's view, not the text's thesis
_REPORTED = re.compile(r"认识到|认为|指出|强调|明确|牢记|表明|证明|说明|坚信|懂得|树立|相信")
# a thesis about the country itself (中国是全球最有潜力的大市场): any reader fills the blank
_COUNTRY_SUBJECTS = frozenset("中国 我国 全国 国家 祖国 世界 全球".split())
# a clause between its marks (theses and correlatives read clause by clause)
_CLAUSE_BODY = re.compile(r"[^，,；;。！？!?：:]+")


def thesis_parts(clause: str, sentence: str) -> tuple[str, str, int] | None:
    """(subject, predicate, where the subject starts in the clause) of a thesis ``X是Y`` that
    ranks or defines (反腐败是最彻底的自我革命; 全过程人民民主是社会主义民主政治的本质属性;
    乡村振兴，产业兴旺是重点。), or None.

    X is a plain noun phrase of two to fourteen characters (no pronoun or linking adverb, no
    quote, no list); Y carries a mark of rank (最, 第一, 首要, 根本…) or closes on a defining
    noun of a field it names (劳动是一切幸福的源泉: :func:`_ranks_or_defines`) and ends on its
    noun, or is a bare mark (重点, 关键…) closing a short sentence.
    """
    if clause.count("是") != 1 or len(clause) > 32:
        return None
    subject, predicate = clause.split("是")
    at = len(subject) - len(subject.lstrip())
    subject = subject.strip()
    if not 2 <= len(subject) <= 14 or _han(subject) != len(subject):
        return None
    if subject.startswith(_NO_SUBJECT) or subject in _BARE_MARKS or _REPORTED.search(subject):
        return None
    if subject.endswith(_ADVERB_BEFORE_SHI):
        return None  # 发展中国家特别是…, 这也是…: 是 is not the thesis' copula
    if ends_on_adverb(subject):
        return None  # （发展仍然）是…第一要务: the adverb is the predicate's
    if subject in _COUNTRY_SUBJECTS:
        return None  # （　　）是全球最有潜力的大市场: the speaker's own country (blind13 JA #7)
    if re.search(r"年|时期|阶段|当前|目前|今后|未来|现在", subject):
        return None  # 未来五年是…的关键时期: a time said several ways (今后五年), no point to know
    predicate = predicate.strip()
    if predicate in _BARE_THESES:
        if len(sentence) > 16:
            return None  # 改革是关键，…: a bare mark pins its subject only in a short thesis
    elif (
        len(predicate) < 3
        or _han(predicate) != len(predicate)
        or not _ranks_or_defines(predicate, predicate)
        or predicate[-1] in "的了着过在"
        or re.search(r"的(?:思想|理念|观念|认识)$", predicate)
    ):
        return None
    return subject, predicate, at


def thesis_clozes(ctx: Context, named: set[str]) -> Iterator[Question]:
    """填空 on the subject of a thesis no question names yet (（　　）是最彻底的自我革命;
    乡村振兴，（　　）是重点。): the thesis is a point of its own even when its subject is asked
    in another sentence, and a predicate of rank pins the subject. Cloze only (or, for a
    formula member under a bare mark, its 单选), through the usual window and filters; the
    whole thesis is among the keys.
    """
    tainted = ctx.ex.doc.tainted
    seen: set[str] = set()
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or "是" not in s.text:
            continue
        if not (
            _THESIS_MARKS.search(s.text)
            or _BARE_THESIS.search(s.text)
            or _DEFINING_ANY.search(s.text)
        ):
            continue
        for m in _CLAUSE_BODY.finditer(s.text):
            clause = m.group(0).strip("“”‘’「」 ")
            lead = m.group(0).find(clause)
            parts = thesis_parts(clause, s.text.strip())
            if parts is None:
                continue
            subject, predicate, at = parts
            thesis = f"{subject}是{predicate}"
            if thesis in named or thesis in seen:
                continue
            start = s.start + m.start() + lead + at
            end = start + len(subject)
            if noise.overlaps(start, end, tainted):
                continue
            key = KeyPhrase(subject, "thesis", s.index, start, end, MIN_SCORE + 0.05)
            # a thesis that only defines (…的源泉, no rank): asked last (the reviewed rate, 12 of
            # 14 usable, is the plain 填空's; the quiz pick keeps its share to the tried ones)
            defines = not _THESIS_MARKS.search(predicate) and predicate not in _BARE_THESES
            for q in text_questions(ctx, key):
                if q.kind == "cloze" or q.template == "thesis_single":
                    seen.add(thesis)
                    q.keys = [*q.keys, thesis]
                    if defines:
                        ctx.indexes.setdefault(DEFINING_THESES, set()).add(q.id)
                    if subject == "中国共产党":  # （　　）是最高政治领导力量: 党 is as right
                        q.accepted = [[*q.accepted[0], "党"]]
                    yield q
            if thesis not in seen and m.start() + lead + at == 0:
                q = _thesis_alone(ctx, key, s, clause[at:], subject)
                if q is not None:
                    seen.add(thesis)
                    q.keys = [*q.keys, thesis]
                    yield q


# the verb or modal a frame shared by sentences ends on (实现伟大梦想，必须|…; 增强|…本领)
_FRAME_VERBS = (
    "必须",
    "要",
    "坚持",
    "增强",
    "加强",
    "提高",
    "推进",
    "推动",
    "强化",
    "坚定",
    "做到",
)
_FRAME_LEADS = ("要", "必须", "还要", "就要", "更要", "我们要")  # the first item's lead-in
_FRAME_ITEM = re.compile(r"^[\u4e00-\u9fff]{2,8}(?=[，。；！])")


def _frame_runs(sentences: list[Sentence]) -> Iterator[tuple[list[Sentence], str, list[str], str]]:
    """Runs of three or more sentences opening with one frame: (sentences, frame, items, ending).

    增强学习本领，…。增强政治领导本领，…。 → 增强 + 学习/政治领导… + 本领;
    实现伟大梦想，必须进行伟大斗争。实现伟大梦想，必须建设伟大工程。… → 实现伟大梦想，必须 +
    进行伟大斗争/建设伟大工程/….
    The frame ends on a verb or modal; each item is two to eight characters closing its clause.
    """
    i = 0
    while i < len(sentences) - 2:
        if sentences[i + 1].text[:2] != sentences[i + 2].text[:2]:
            i += 1  # cheap test first: the second and third items open alike
            continue
        best = None
        texts: list[str] = []
        for j in range(i, len(sentences)):
            text = sentences[j].text
            if j == i:
                for lead in _FRAME_LEADS:
                    if text.startswith(lead) and not text.startswith(lead + "求"):
                        text = text[len(lead) :]
                        break
            texts.append(text)
            if len(texts) < 3:
                continue
            frame = common_prefix(texts)
            if not frame.endswith(_FRAME_VERBS) or len(frame) < 2:
                break
            items = []
            for t in texts:
                m = _FRAME_ITEM.match(t[len(frame) :])
                if m is None:
                    break
                items.append(m.group(0))
            if len(items) != len(texts) or len(set(items)) != len(items):
                break
            ending = common_suffix(items)
            if any(len(item) - len(ending) < 2 for item in items):
                ending = ""
            best = (j, frame, items, ending)
        if best is None:
            i += 1
            continue
        j, frame, items, ending = best
        yield sentences[i : j + 1], frame, items, ending
        i = j + 1


def _whole_named_cloze(
    ctx: Context,
    s: Sentence,
    key: KeyPhrase,
    stem: str,
    whole: str,
    accepted: list[str],
    id_source: str,
) -> Question:
    """填空 blanking ``key`` of a saying or formulation, which is named whole among the keys."""
    return Question(
        id=question_id(ctx.doc_key, "cloze", "cloze", key.text, id_source),
        kind="cloze",
        stem=stem,
        options=[],
        answer=[key.text],
        keys=[whole, key.text],
        source=s.text,
        explanation=_explain_text(ctx, key, s),
        accepted=[accepted],
        paragraph=s.paragraph,
        difficulty=_difficulty("cloze", key.text, 0.05),
        template="cloze",
    )


def _points_clozes(
    ctx: Context,
    *,
    lead: str,
    sep: str,
    blanked: list[str],
    shown: list[str],
    cores: list[str],
    halves: list[list[int]],
    source: str,
    explanation: str,
    accepted: list[list[str]],
    paragraph: int,
    whole: str,
    predicates: Sequence[str] = (),
) -> Iterator[Question]:
    """填空 over points said one by one in one frame: for each half, its points shown blanked
    (``blanked[k]``) among the others shown whole, the blanks order-free. ``predicates``: what
    each point says of the subject its frame opens on (人口规模巨大的现代化 of 中国式现代化是…),
    named as well."""
    for blanks in halves:
        parts = [blanked[k] if k in blanks else shown[k] for k in range(len(shown))]
        stem = lead + sep.join(parts) + "。" + ORDER_FREE
        answer = [cores[k] for k in blanks]
        if any(_readable(a, stem) for a in answer):
            continue
        yield _list_cloze(
            ctx,
            whole=whole,
            id_key="|".join(answer),
            stem=stem,
            answer=answer,
            keys=[
                *(shown[k] for k in blanks),
                *(predicates[k] for k in blanks if predicates),
                *answer,
            ],
            source=source,
            explanation=explanation,
            accepted=[accepted[k] for k in blanks],
            ordered=False,
            paragraph=paragraph,
        )


def frame_series_clozes(ctx: Context) -> Iterator[Question]:
    """填空 over a list the text spells out one sentence per item, all in one frame (the eight
    增强…本领 of a paragraph; the paragraphs opening 实现伟大梦想，必须…): the frame is shown
    once per item, the items are blanked (不分先后), at most four blanks a question.
    """
    usable = [s for s in ctx.ex.doc.sentences if not s.is_noise and not s.is_heading]
    firsts: list[Sentence] = []
    for s in usable:
        if not firsts or firsts[-1].paragraph != s.paragraph:
            firsts.append(s)
    seen: set[tuple[str, ...]] = set()
    heading_at = sorted(ctx.ex.doc.headings)
    for run, frame, items, ending in [*_frame_runs(usable), *_frame_runs(firsts)]:
        if tuple(items) in seen or len(items) > 8:
            continue
        seen.add(tuple(items))
        # the section that says what the list is about (全面加强…: the army's section)
        above = [h for h in heading_at if h < run[0].index]
        lead = ""
        if above:
            h = ctx.ex.doc.headings[above[-1]]
            lead = _section_name(h) + "提出："
        elif len(frame) < 4:
            continue  # 全面加强（　　），…: nothing says what the list is about
        cores = [item[: len(item) - len(ending)] if ending else item for item in items]
        shown = [f"{frame}{item}" for item in items]
        # at most four blanks a question: a longer list is asked in two halves
        halves = [list(range(len(items)))] if len(items) <= 4 else []
        if len(items) > 4:
            cut = (len(items) + 1) // 2
            halves = [list(range(0, len(items), 2))[:cut], list(range(1, len(items), 2))]
        sep = "；" if "，" in frame else "，"
        whole = sep.join(shown)
        key = KeyPhrase(whole, "enumeration", run[0].index, run[0].start, run[0].start, 0.6)
        yield from _points_clozes(
            ctx,
            lead=lead,
            sep=sep,
            blanked=[f"{frame}{BLANK}{ending}"] * len(items),
            shown=shown,
            cores=cores,
            halves=halves,
            source="".join(s.text for s in run),
            explanation=_explain_text(ctx, key, run[0]) + "".join(s.text for s in run[1:]),
            # 政治领导本领 in 增强（　　）本领 is as right as 政治领导
            accepted=[[c, c + ending] if ending else [c] for c in cores],
            paragraph=run[0].paragraph,
            whole=whole,
        )


_CLAUSE_RUN_SPLIT = re.compile(r"[，；]")


def _parallel_run(clauses: list[str]) -> tuple[str, str, list[str], list[str]] | None:
    """(opening, link, heads, tails) when clauses share an opening and a link word at varying
    places (让|农业|成为|有奔头的产业，让|农民|成为|有吸引力的职业…; 在|干部配备|上优先|考虑…)."""
    opening = common_prefix(clauses)
    heads_at = len(opening)
    # each head (农业, 干部配备) has at least two characters: 让农|业 is cut back to 让|农业
    link_len = 2
    for cut in range(heads_at, 0, -1):
        rest = [c[cut:] for c in clauses]
        first = rest[0]
        for k in range(2, min(len(first) - link_len, 7)):
            link = first[k : k + link_len]
            places = [r.find(link) for r in rest]
            if any(p < 2 or p > 6 or r.count(link) != 1 for p, r in zip(places, rest, strict=True)):
                continue
            heads = [r[:p] for p, r in zip(places, rest, strict=True)]
            tails = [r[p + link_len :] for p, r in zip(places, rest, strict=True)]
            if any(not 2 <= len(t) <= 10 for t in tails):
                continue
            if len(set(heads)) != len(heads) or len(set(tails)) != len(tails):
                continue
            if common_suffix(tails) or common_prefix(tails):
                continue  # 增强…意识, 坚持…不动摇: the tails are one pattern, not the point
            if all(_set_phrase_cut(link[-1], t) for t in tails):
                # 对确诊患者应（收尽收）: the blank takes the 应 of 应收尽收 (blind11 GC)
                link, tails = link[:-1], [link[-1] + t for t in tails]
            return clauses[0][:cut], link, heads, tails
    return None


def _set_phrase_cut(char: str, tail: str) -> bool:
    """Does ``char`` (the last of a link) open a four-character set phrase that ``tail`` goes
    on, so that a blank starting after it parts the phrase: 应|收尽收, 应|检尽检 (应X尽X, the
    repeated character in second and fourth place), or a dictionary word of four?"""
    whole = char + tail
    if len(whole) != 4 or _han(whole) != 4:
        return False
    return whole[1] == whole[3] or whole[0] == whole[2] or is_word(whole)


def parallel_clause_clozes(ctx: Context) -> Iterator[Question]:
    """填空 over three to six clauses in one frame, each naming its own domain then its point
    (让农业成为（　　），让农民成为（　　），让农村成为（　　）; 面对大是大非敢于（　　），…): the
    opening and the domains are shown, the points blanked in order; the whole clauses are keys.
    """
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or s.text.count("，") + s.text.count("；") < 2:
            continue
        body = s.text.rstrip("。！？")
        spans = []
        pos = 0
        for m in _CLAUSE_RUN_SPLIT.finditer(body + "，"):
            spans.append((pos, m.start()))
            pos = m.end()
        firsts = [body[a : a + 1] for a, _ in spans]  # (each clause's first character)
        i = 0
        while i <= len(spans) - 3:
            if not firsts[i] == firsts[i + 1] == firsts[i + 2]:
                i += 1  # cheap test first: three clauses opening with one character
                continue
            found = None
            for j in range(min(len(spans), i + 6), i + 2, -1):
                clauses = [body[a:b] for a, b in spans[i:j]]
                if not all(5 <= len(c) <= 16 and _han(c) == len(c) for c in clauses):
                    continue
                if not common_prefix(clauses):
                    continue
                run = _parallel_run(clauses)
                if run:
                    found = (j, clauses, run)
                    break
            if found is None:
                i += 1
                continue
            j, clauses, (opening, link, heads, tails) = found
            lead = body[spans[i - 1][0] : spans[i][0]] if i > 0 else ""
            shown = [f"{opening}{h}{link}" for h in heads]
            stem = lead + "，".join(f"{x}{BLANK}" for x in shown) + "。"
            i = j
            if len(lead) + sum(len(x) for x in shown) < 12 or any(
                _readable(t, stem) for t in tails
            ):
                continue
            whole = "，".join(clauses)
            key = KeyPhrase(whole, "enumeration", s.index, s.start, s.start, 0.6)
            yield _list_cloze(
                ctx,
                whole=whole,
                stem=stem,
                answer=list(tails),
                keys=[whole, *clauses, *tails],
                source=s.text,
                explanation=_explain_text(ctx, key, s),
                accepted=[[t] for t in tails],
                ordered=True,
                paragraph=s.paragraph,
            )


# -- two-clause formulations said once (没有…就没有…; 只有…才能…，只有…才能…; 既不走…也不走…) --
_CORRELATIVE_CUES = ("就没有", "就不可能", "只有", "既不")
_CORRELATIVE_CUE = re.compile("|".join(_CORRELATIVE_CUES))  # (one search, not four tests)
_ONLY_IF = re.compile(r"^只有([\u4e00-\u9fff]{2,8}?)才能([\u4e00-\u9fff、]{2,24})$")
_THEN_NOT = ("就没有", "就不可能", "就不会有")
_HAN_OR_LIST = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff、]*[\u4e00-\u9fff]$")


def formulation_parts(clauses: list[str]) -> Iterator[tuple[int, int, int, int]]:
    """Two-clause formulations among a sentence's clauses: (first clause, last clause, where the
    blank starts and ends in the last clause).

    没有农业农村的现代化，就没有（国家的现代化）; 只有社会主义才能救中国，只有（改革开放）才能
    发展中国…; 既不走封闭僵化的老路，也不走（改旗易帜）的邪路; 既不能刻舟求剑、封闭僵化，也不能
    （照抄照搬、食洋不化）. The first half is shown and pins the second; a pair of idioms after a
    bare 不 (既不好高骛远，也不因循守旧) has other well-known partners and is not one.
    """
    for j, clause in enumerate(clauses):
        cue = next((c for c in _THEN_NOT if clause.startswith(c)), "")
        if cue and j > 0 and clauses[j - 1].startswith("没有"):
            k = j - 1
            while k > 0 and j - k < 3 and clauses[k - 1].startswith("没有"):
                k -= 1
            rest = clause[len(cue) :]
            if 2 <= len(rest) <= 14 and _han(rest) == len(rest):
                yield k, j, len(cue), len(clause)
            continue
        if j == 0:
            continue
        before = clauses[j - 1]
        m1, m2 = _ONLY_IF.match(before), _ONLY_IF.match(clause)
        if m1 and m2 and m1.group(1) != m2.group(1):
            yield j - 1, j, m2.start(1), m2.end(1)
            continue
        if before.startswith("既不") and clause.startswith("也不"):
            shared = common_prefix([before[1:], clause[1:]])
            if len(shared) < 2:
                continue  # 既不好高骛远，也不（因循守旧）: 妄自菲薄 would do as well
            first, rest = before[1 + len(shared) :], clause[1 + len(shared) :]
            a = 1 + len(shared)
            if "的" in rest and "的" in first:
                rest = rest[: rest.index("的")]  # 也不走（改旗易帜）的邪路: the point, not 的邪路
            if 2 <= len(rest) <= 10 and _HAN_OR_LIST.match(rest) and rest not in first:
                yield j - 1, j, a, a + len(rest)


def formulation_clozes(ctx: Context, named: set[str]) -> Iterator[Question]:
    """填空 on the second half of a two-clause formulation said once (没有农业农村的现代化，就没有
    （　　）; 只有社会主义才能救中国，只有（　　）才能发展中国…): the stem is the formulation
    alone, its first half shown; the whole formulation is among the keys. Cloze only.
    """
    tainted = ctx.ex.doc.tainted
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or not _CORRELATIVE_CUE.search(s.text):
            continue
        spans = [(m.start(), m.end()) for m in _CLAUSE_BODY.finditer(s.text)]
        clauses = [s.text[a:b] for a, b in spans]
        for k, j, x, y in formulation_parts(clauses):
            start, end = spans[k][0], spans[j][1]
            whole = s.text[start:end]
            answer = clauses[j][x:y]
            if whole in named or noise.overlaps(s.start + start, s.start + end, tainted):
                continue
            at = spans[j][0] - start + x
            stem = whole[:at] + BLANK + whole[at + len(answer) :] + "。"
            if len(stem) - len(BLANK) < 10 or _readable(answer, stem):
                continue
            named.add(whole)
            key = KeyPhrase(answer, "quotation", s.index, s.start + start, s.start + end, 0.6)
            accepted = _accepted(ctx, key)
            if "的" in answer[1:-1] and answer.replace("的", "") not in accepted:
                accepted.append(answer.replace("的", ""))  # 国家现代化 for 国家的现代化
            yield _whole_named_cloze(ctx, s, key, stem, whole, accepted, id_source=whole)


# -- a dash series in one frame: principles (——坚持…), features (——中国式现代化是…的现代化) ----
_DASH_FRAMES = ("坚持", "是")


_ANNOUNCES = re.compile(r"以下|如下")


def _dash_lead(ctx: Context, first: int, parent: int | None) -> str:
    """What names a dash series: the sentence leading it in (必须牢牢把握以下重大原则：),
    else the title of its section (材料“（三）基本原则”部分提出：), else nothing."""
    if first > 0:
        before = ctx.sentence(first - 1)
        said = before.text.rstrip("。：")
        if not before.is_heading and len(said) <= 40:
            if before.text.endswith("：") or _ANNOUNCES.search(said):
                return said + "："  # 必须牢牢把握以下重大原则。: the series is what it announces
    if parent is not None and parent in ctx.ex.doc.headings:
        h = ctx.ex.doc.headings[parent]
        return _section_name(h) + "提出："
    return ""


def dash_series_clozes(ctx: Context) -> Iterator[Question]:
    """填空 over a dash series in one frame, one blank per point (——坚持党管农村工作。——坚持农业
    农村优先发展。…; ——中国式现代化是人口规模巨大的现代化。…): the section or the sentence
    leading the series in is shown, then every point in its frame, half of them blanked
    (不分先后); a longer series is asked in two halves, so every point is asked once.

    The frame is what the points share: an opening ending on 坚持 (principles) or on 是 with a
    named subject (刘少奇同志是…的光辉榜样), and a closing ``的…`` when they share one.
    """
    headings = ctx.ex.doc.headings
    tainted = ctx.ex.doc.tainted
    for (parent, level, ci, _run), members in sorted(
        ctx.ex.heading_sets.items(), key=lambda kv: kv[1][0][0]
    ):
        if level != DASH_LEVEL or ci != 0 or not 3 <= len(members) <= 8:
            continue
        hs = [headings[i] for i, _ in members]
        clauses = [h.clauses[0][0] for h in hs]
        prefix = common_prefix(clauses)
        if not prefix.endswith(_DASH_FRAMES) or (prefix.endswith("是") and len(prefix) < 3):
            continue
        suffix = common_suffix(clauses)
        suffix = suffix[suffix.index("的") :] if "的" in suffix else ""
        frames, cores = [], []
        for clause in clauses:
            rest = clause[len(prefix) : len(clause) - len(suffix)]
            lead = prefix
            if rest[:1] in ("和", "与") and len(rest) > 5:
                lead, rest = prefix + rest[:3], rest[3:]  # 坚持和加强|党的全面领导
            frames.append(lead)
            cores.append(rest)
        if any(
            not 2 <= len(c) <= 14 or _han(c.replace("、", "")) != len(c.replace("、", ""))
            for c in cores
        ):
            continue
        if len(set(cores)) != len(cores):
            continue
        if any(noise.overlaps(h.title_start, h.title_start + len(h.title), tainted) for h in hs):
            continue
        lead = _dash_lead(ctx, hs[0].sentence, parent)
        if not lead and len(prefix) < 4:
            continue  # 坚持（　　）；坚持（　　）…: nothing says whose principles
        shown = [f"{f}{c}{suffix}" for f, c in zip(frames, cores, strict=True)]
        n = len(cores)
        s0 = ctx.sentence(hs[0].sentence)
        key = KeyPhrase("；".join(shown), "heading", s0.index, s0.start, s0.start, 0.6)
        yield from _points_clozes(
            ctx,
            lead=lead,
            sep="；",
            blanked=[f"{frames[k]}{BLANK}{suffix}" for k in range(n)],
            shown=shown,
            cores=cores,
            halves=[list(range(0, n, 2)), list(range(1, n, 2))],
            source="".join(ctx.sentence(h.sentence).text for h in hs),
            explanation=_explain_text(ctx, key, s0)
            + "".join(ctx.sentence(h.sentence).text for h in hs[1:]),
            # a pair (坚持真理、实事求是) is right in either order
            accepted=[[c, shown[k], *_pair_reversed(c)] for k, c in enumerate(cores)],
            paragraph=s0.paragraph,
            whole="；".join(shown),
            # 中国式现代化是（人口规模巨大）的现代化 asks 人口规模巨大的现代化 as well
            predicates=[c + suffix for c in cores] if prefix.endswith("是") and suffix else (),
        )


# what a lead announcing a text's own points says (第五条 …工作应当遵循下列原则：; 材料“（三）基本
# 原则”部分; 第四条 …的主要任务是：)
_POINTS_LEAD_WORDS = ("原则", "主要任务")
# the last words of a sentence before its points that name them (…积累了新经验。一是…)
_POINTS_NAMED_LAST = ("原则", "经验", "主要任务", "主要目标")
# what a lead announcing its points (以下, 如下) may call them (…以下原则。; 具体达到以下目标。)
_POINTS_ANNOUNCED = ("原则", "经验", "任务", "目标")
# a numbered line's own label before the lead's words (（6）“十五五”时期…的主要目标。)
_POINTS_LEAD_LABEL = re.compile(r"^[（(][0-9一二三四五六七八九十]+[）)]")
# a point as its first clause: Chinese characters and 顿号 only (党管干部、党管人才)
_PRINCIPLE_POINT = re.compile(r"[\u4e00-\u9fff、]{2,16}")


def _principle_points_lead(ctx: Context, first: int, parent: int | None) -> tuple[str, bool]:
    """The lead of a run of points: the sentence before it when it ends on a colon and says
    原则 or 主要任务 (its article label left out), else the title of the section the run is in
    when that title says 原则 (材料“（三）基本原则”部分提出：), else nothing; and whether the
    lead is a sentence ending on a full stop (…主要包括以下几个方面。, …积累了新经验。), read as
    one since the thirteenth session."""
    while first > 0 and ctx.sentence(first - 1).is_noise:
        first -= 1  # (a photo caption between the lead and its points)
    if first > 0:
        before = ctx.sentence(first - 1)
        said = before.text[article_label_len(before.text) :]
        if not before.is_heading and said.endswith("：") and len(said) <= 41:
            return (said if any(w in said for w in _POINTS_LEAD_WORDS) else ""), False
        if not before.is_heading and said.endswith("。") and len(said) <= 61:
            # 在建议稿起草过程中，注意把握了以下原则。, …积累了新经验。: a lead that announces
            # the points, or whose last words name what they are
            if (
                _ANNOUNCES.search(said)
                and len(said) <= 41
                and any(w in said for w in _POINTS_ANNOUNCED)
                or said[:-1].endswith(_POINTS_NAMED_LAST)
            ):
                label = _POINTS_LEAD_LABEL.match(said)
                return said[label.end() if label else 0 : -1] + "：", True
    if parent is not None and parent in ctx.ex.doc.headings:
        h = ctx.ex.doc.headings[parent]
        if "原则" in h.title and len(h.title) <= 12:
            return _section_name(h) + "提出：", False
    return "", False


def _point_spellings(point: str, core: str, prefix: str) -> list[str]:
    """The accepted answers of a point's blank: its core, the whole point, a pair the other way
    round, and 因地制宜 for a bare 坚持因地制宜."""
    out = [core, point, *_pair_reversed(core)]
    if not prefix and point.startswith("坚持") and len(point) >= 6:
        out.append(point[2:])
    return list(dict.fromkeys(out))


# the next point of a run, opened by a dash or a (一)-label: the run goes on unread
_NEXT_POINT = re.compile(r"\s*(?:——|[（(][一二三四五六七八九十]+[）)])")


def principle_points_clozes(ctx: Context) -> Iterator[Question]:
    """填空 over a text's principles (or main tasks) said one point a line, each line led by
    （一） or a dash, under a lead that names them (第五条 干部人事档案工作应当遵循下列原则：
    （一）党管干部、党管人才；（二）依规依法、全面从严；…; ——把握育人导向。——遵循教育规律。
    … under （三）基本原则): the lead, then every point, half of them blanked (不分先后), in
    two questions, so that every point is asked once. A point is its line's first clause, of
    2–14 characters; an opening all points share (坚持, 学史) stays printed before each blank.
    The teachers' gold lists pick such points one by one; the dash series in one frame
    (``dash_series_clozes``) were judged usable in this form (rounds 14b, 15b)."""
    headings = ctx.ex.doc.headings
    tainted = ctx.ex.doc.tainted
    for (parent, level, ci, _run), members in sorted(
        ctx.ex.heading_sets.items(), key=lambda kv: kv[1][0][0]
    ):
        if ci != 0 or level not in (2, 3, DASH_LEVEL, 4) or not 3 <= len(members) <= 8:
            continue
        hs = [headings[i] for i, _ in members]
        paragraphs = [ctx.sentence(h.sentence).paragraph for h in hs]
        if paragraphs != list(range(paragraphs[0], paragraphs[0] + len(hs))):
            continue  # a point between them not read as one: the run would print a part
        if level != DASH_LEVEL and [h.ordinal for h in hs] != list(range(1, len(hs) + 1)):
            continue
        if level in (3, 4) and any(
            ctx.sentence(h.sentence - 1).paragraph == p for h, p in zip(hs, paragraphs, strict=True)
        ):
            continue  # 一是… or 1. inside a paragraph, not opening it: no point a line
        after = ctx.ex.doc.paragraphs[paragraphs[-1] + 1 :][:1]
        if after and _NEXT_POINT.match(after[0].text):
            continue  # a next point not read as one
        points = [re.split("[，；。：]", h.title.strip(), maxsplit=1)[0] for h in hs]
        # 一是坚持党的领导，强化组织保证。: a point of two short clauses is printed whole, its
        # first clause blanked (the second tells the points apart)
        seconds = [_second_point_clause(h.title) for h in hs] if level == 4 else []
        tails = ["，" + c for c in seconds] if seconds and all(seconds) else [""] * len(hs)
        if any(not _PRINCIPLE_POINT.fullmatch(p) or _han(p) > 14 for p in points):
            continue
        if len(set(points)) != len(points):
            continue
        prefix = common_prefix(points)
        if level == DASH_LEVEL and prefix.endswith(_DASH_FRAMES):
            continue  # (dash_series_clozes asks it)
        if any(noise.overlaps(h.title_start, h.title_start + len(h.title), tainted) for h in hs):
            continue
        lead, said_as_sentence = _principle_points_lead(ctx, hs[0].sentence, parent)
        if not lead:
            continue
        # points 一是…, 1. … or a lead said as a sentence (…以下几个方面。): asked since the
        # thirteenth session, the unframed ones last
        newer = level in (3, 4) or said_as_sentence
        if len(prefix) > 4 or any(_han(p) - len(prefix) < 2 for p in points):
            prefix = ""
        # a closing 的… all points share stays printed (处理好（　　）的关系)
        suffix = common_suffix(points) if level == 4 else ""
        suffix = suffix[suffix.index("的") :] if "的" in suffix else ""
        if any(_han(p) - len(prefix) - len(suffix) < 2 for p in points):
            suffix = ""
        frames, cores = [], []
        for p in points:
            rest = p[len(prefix) : len(p) - len(suffix)]
            if prefix and rest[:1] in ("和", "与") and len(rest) > 5:
                frames.append(prefix + rest[:3])  # 坚持和加强|党的全面领导
                cores.append(rest[3:])
            else:
                frames.append(prefix)
                cores.append(rest)
        n = len(points)
        s0 = ctx.sentence(hs[0].sentence)
        said = [ctx.sentence(h.sentence).text for h in hs]
        key = KeyPhrase("；".join(points), "heading", s0.index, s0.start, s0.start, 0.6)
        for q in _points_clozes(
            ctx,
            lead=lead,
            sep="；",
            blanked=[f"{frames[k]}{BLANK}{suffix}{tails[k]}" for k in range(n)],
            shown=[p + t for p, t in zip(points, tails, strict=True)],
            cores=cores,
            halves=[list(range(0, n, 2)), list(range(1, n, 2))],
            source="".join(said),
            explanation=_explain_text(ctx, key, s0) + "".join(said[1:]),
            accepted=[_point_spellings(points[k], cores[k], frames[k]) for k in range(n)],
            paragraph=s0.paragraph,
            whole="；".join(points),
        ):
            if newer and not prefix and not suffix and min(map(len, cores)) >= 8:
                # 一是聚焦主题、紧扣主线。…: asked last (a point a line, no frame to pin it)
                ctx.indexes.setdefault(UNFRAMED_POINTS, set()).add(q.id)
            yield q


def _second_point_clause(title: str) -> str:
    """The second clause of a point's title said as two short clauses and a stop (坚持党的领导，
    强化组织保证。), else ""."""
    m = re.match(r"[\u4e00-\u9fff]{2,10}，([\u4e00-\u9fff]{2,10})(?:[。；]|$)", title)
    return m.group(1) if m else ""


def _pair_reversed(core: str) -> list[str]:
    """The pair ``core`` (两项、之间) in the other order, or nothing for a single point."""
    parts = core.split("、")
    return ["、".join(reversed(parts))] if len(parts) == 2 else []


# -- a short saying of two even clauses and a thesis (党政军民学，东西南北中，党是领导一切的) ------
_TRIPLE = re.compile(
    r"^([\u4e00-\u9fff]{4,6})，([\u4e00-\u9fff]{4,6})，([\u4e00-\u9fff]{4,12})[。！]$"
)


def triple_thesis_clozes(ctx: Context, named: set[str]) -> Iterator[Question]:
    """填空 on a sentence of two even clauses and a thesis about them, said once:
    党政军民学，东西南北中，（党是领导一切的）; （勇于自我革命），从严管党治党，是我们党最鲜明的
    品格. A closing clause that holds its own subject (X是Y, at most eight characters) is blanked
    whole; one that opens on 是 and ranks (最…, 根本…) is the predicate of the first two, and the
    first is blanked. The sentence is the stem; the whole saying is among the keys.
    """
    tainted = ctx.ex.doc.tainted
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or len(s.text) > 30 or s.text.count("，") != 2:
            continue
        m = _TRIPLE.match(s.text)
        if m is None or "是" not in m.group(3):
            continue
        one, two, three = m.group(1), m.group(2), m.group(3)
        if len(one) != len(two) or noise.overlaps(s.start, s.start + len(s.text), tainted):
            continue
        whole = s.text[:-1]
        if whole in named:
            continue
        if three.startswith("是"):
            if not _THESIS_MARKS.search(three) or one.startswith(_NO_SUBJECT):
                continue
            a, answer = 0, one
        elif len(three) <= 8 and three.count("是") == 1 and not three.startswith(_NO_SUBJECT):
            a, answer = m.start(3), three
        else:
            continue
        stem = s.text[:a] + BLANK + s.text[a + len(answer) :]
        if _readable(answer, stem):
            continue
        named.add(whole)
        key = KeyPhrase(answer, "quotation", s.index, s.start + a, s.start + a + len(answer), 0.6)
        yield _whole_named_cloze(ctx, s, key, stem, whole, _accepted(ctx, key), id_source=s.text)


# -- a saying of two clauses standing as a sentence (fifteenth session, helper "coverage") ----
# 科学无国界，科学家有祖国。 宪法的生命在于实施，宪法的权威也在于实施。: two clauses of four to ten
# characters, nothing else in the sentence
_STANDING_PAIR = re.compile(r"^([\u4e00-\u9fff]{4,10})，([\u4e00-\u9fff]{4,10})[。！]$")
# a clause opening on a verb of policy is a measure (大力发展青贮饲料，加快推进秸秆养畜), no saying
_MEASURE_LEADS = tuple(
    "推进 推动 发展 建设 加强 完善 健全 实施 强化 坚持 深化 统筹 培育 有序 大力 开展 全面 加快 支持"
    " 优化 扩大 提高 提升 建立 构建 保障 用好 尊重 加大 严肃 防治 开拓 继续 持续 促进 落实 增强"
    " 深入 积极 着力 切实 不断 进一步 做好 抓好 办好 维护 鼓励 引导 规范 壮大 巩固 拓展 夯实 筑牢"
    " 打造 畅通 坚决 依法 严格 严厉 探索 鼓励 加快 努力 认真 广泛 组织 开发 落地 针对 结合 围绕"
    " 按照 根据 通过 经过 对于 关于 由于 为了 随着 在 对 把 将 从 以 让 使 向 同 与 和".split()
)
# a clause that reports progress (全民健身广泛开展; 传统产业加快升级; 环境状况得到改善): a
# report's summary, which other results complete as well, no saying
_PROGRESS_CLAUSE = re.compile(
    "(?:广泛|持续|明显|加快|得到|显著|不断|大幅|稳步|逐步|有效|全面|日益|更加|普遍|深入|扎实)"
    "(?:开展|壮大|加强|升级|改善|提升|增强|提高|扩大|推进|发展|巩固|完善|优化|下降|增长|健全|落实)$"
)
# a first clause that leans on what came before (不仅…, 关键是要…, 同时…) or opens on a time
# (四十载…, 危急时刻): the pair is no saying standing alone
_LEANING_LEADS = tuple(
    "不仅 不但 虽然 如果 只要 即使 尽管 因此 所以 同时 此外 关键 首先 其次 最后 当前 目前".split()
)
_TIME_WORD = re.compile("[一二三四五六七八九十百千]+[年载]|时刻|之际|时候|以来")
# a second clause of a bare thesis after its topic (脱贫攻坚，精准是要义): its subject is blanked
_TOPIC_THESIS = re.compile("^([\u4e00-\u9fff]{2,4})是(?:要义|根本|关键|重点|前提|基础|保障|核心)$")
# the second clause of a thesis said as topic and verdict (人才培养，关键在教师): only what
# follows the verdict word is blanked (关键在（　　）)
_VERDICT_LEADS = ("关键在于", "关键在", "关键是", "成败在于", "根本在于", "重点在于", "要害在于")


def _standing_pair(text: str) -> tuple[str, str] | None:
    """The two clauses of a sentence that is a saying or thesis said in two clauses and nothing
    else (强国必先强农，农强方能国强; 企业营销无国界，企业家有祖国), or None: not a pair of measures
    (either clause opening on a verb of policy or a preposition), no pronoun, no figure, clauses
    of about one length (at most two characters apart), and not a couplet the saying rule
    already asks (:func:`keyphrases.couplet_halves`)."""
    m = _STANDING_PAIR.match(text.strip())  # (a line in quotes is the quoted-line rule's)
    if m is None:
        return None
    a, b = m.group(1), m.group(2)
    if abs(len(a) - len(b)) > 2 or a == b:
        return None
    if a.startswith(_MEASURE_LEADS) or b.startswith(_MEASURE_LEADS):
        return None
    if a.startswith(_NO_SUBJECT) or re.search("[我你他她它这那咱]|其[^实]", a + b):
        return None
    if a.startswith(_LEANING_LEADS) or _TIME_WORD.search(a) or re.search("[0-9]", a + b):
        return None
    if b.startswith(("又", "但", "就", "还", "而")):
        return None  # 理论源于实践，（又用来指导实践）: a sequel of the first clause, no saying
    if _PROGRESS_CLAUSE.search(a) or _PROGRESS_CLAUSE.search(b):
        return None
    if len(a) < 5 and not (b.startswith(_VERDICT_LEADS) or _TOPIC_THESIS.match(b)):
        return None  # 危急时刻，又见遍地英雄: four characters pin no clause
    if sum(x == y for x, y in zip(a[::-1], b[::-1], strict=False)) >= max(3, len(b) - 2):
        return None  # 光荣属于劳动者，（幸福属于劳动者）: the first clause spells the second
    if couplet_halves(f"{a}，{b}。") is not None:
        return None
    return a, b


# words of free prose, not of a saying: a clause holding one says what happened or must be done
# in words of its own (两个国家都落后，中国则更落后; 陷于四分五裂的国民党，已经脱离了一切群众;
# 城乡改革的基本政策，一定要长期保持稳定); 了 and 要 are not among them (苦难考验了中国人民，
# 也锻炼了中国人民; 学马列要精，要管用的: sayings)
_FREE_PROSE_WORDS = frozenset({"则", "已经", "一定", "曾经", "正在"})


def _free_predicate(clause: str) -> bool:
    """Is the second clause of a two-clause sentence a free predicate rather than half of a
    saying: a 是…的 of manner (中国人找到马克思主义，是经过俄国人介绍的), or a clause holding a
    word of :data:`_FREE_PROSE_WORDS`? Its words are the speaker's own, and other wordings say
    it as well (blind21–22: 0 usable of 6 such rows; 社会主义是干出来的，新时代是奋斗出来的 and
    团结统一是党的生命，是党的力量所在 stay)."""
    if clause.startswith("是") and clause.endswith("的"):
        return True
    return any(w in _FREE_PROSE_WORDS for w in jieba_cut(clause))


def standing_pair_clozes(ctx: Context, named: set[str]) -> Iterator[Question]:
    """填空 on a saying or thesis of two clauses standing as a sentence of its own that no
    question asks yet: its first clause is printed and its second blanked (科学无国界，（　　）。),
    or, when the second gives a verdict (关键在…, 成败在于…), what the verdict names (人才培养，
    关键在（　　）。). Recalled word for word, as a 党课 teacher asks a 金句; the whole saying is
    among the keys."""
    tainted = ctx.ex.doc.tainted
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or len(s.text) > 26 or s.text.count("，") != 1:
            continue
        pair = _standing_pair(s.text)
        if pair is None:
            continue
        first, second = pair
        whole = f"{first}，{second}"
        if whole in named or second in named:
            continue
        if noise.overlaps(s.start, s.start + len(s.text), tainted):
            continue
        at = s.text.find(second, len(first))
        answer = second
        for lead in _VERDICT_LEADS:
            if second.startswith(lead) and len(second) - len(lead) >= 2:
                at, answer = at + len(lead), second[len(lead) :]
                break
        if (topic := _TOPIC_THESIS.match(second)) is not None:
            answer = topic.group(1)  # 脱贫攻坚，（精准）是要义
        if _free_predicate(answer):
            continue
        stem = s.text[:at] + BLANK + s.text[at + len(answer) :]
        if _readable(answer, stem):
            continue
        named.add(whole)
        start = s.start + at
        key = KeyPhrase(answer, "quotation", s.index, start, start + len(answer), 0.6)
        yield _whole_named_cloze(ctx, s, key, stem, whole, _accepted(ctx, key), id_source=s.text)


# -- parallel theses of one sentence, judged with two subjects swapped -----------------------
# (发展是第一要务，创新是第一动力，人才是第一资源; 中国共产党是先锋队，共青团是突击队…)
# a predicate that opens on a verb, a preposition or a negation is no noun a subject is named by
# (是在自我革命中锻造出来的, 不是封闭的国内循环, 是为党的政治路线服务的)
_PRED_BAD_LEADS = tuple("不没否在由为要从对把被让使将跟同向按以给用靠")
_SUBJECT_BAD_TAGS = ("d", "r", "m", "q", "c", "p", "u", "b")


def _parallel_thesis(clause: str) -> tuple[str, str] | None:
    """(subject, predicate) of one clause ``X是Y`` that may stand beside a sibling thesis of its
    sentence (创新是第一动力, 组织是“形”): X a plain noun phrase of two to ten characters, Y a
    noun phrase of at most twenty (no verb or negation leading it, no 的/了 closing it)."""
    if clause.count("是") != 1 or len(clause) > 28:
        return None
    subject, predicate = clause.split("是")
    core = predicate.replace("“", "").replace("”", "")
    if not 2 <= len(subject) <= 10 or _han(subject) != len(subject):
        return None
    if not 1 <= len(core) <= 20 or _han(core) != len(core) or (len(core) < 2 and core == predicate):
        return None  # (a one-character predicate only in quotes: 思想是“魂”)
    if subject.startswith(_NO_SUBJECT + ("另", "一个", "主要")) or subject in _BARE_MARKS:
        return None  # 核心是…，根本是…: the subject of both is in the clause before
    if _REPORTED.search(subject):
        return None
    if subject.endswith(_ADVERB_BEFORE_SHI) or subject in _COUNTRY_SUBJECTS:
        return None
    if re.search(r"年|时期|阶段|当前|目前|今后|未来|现在", subject):
        return None
    if core.startswith(_PRED_BAD_LEADS) or core[-1] in "的了着过在" or core.endswith("出来"):
        return None
    last = jieba_cut(subject)[-1]
    if word_tag(last).startswith(_SUBJECT_BAD_TAGS):
        return None  # 主要是…, 一个是…: an adverb or a count, not what the thesis is about
    return subject, predicate


def _shared_run(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` share."""
    best = 0
    for k in range(len(a)):
        while k + best < len(a) and a[k : k + best + 1] in b:
            best += 1
    return best


def _leans_on(subject: str, predicate: str) -> bool:
    """Does ``predicate`` hold ``subject`` or half of it (发展 in 发展的前提, 大湾区建设 of
    粤港澳大湾区建设 in 大湾区建设的重要引擎)? A word two subjects merely share (人民) does not."""
    return _shared_run(subject, predicate) >= max(2, (len(subject) + 1) // 2)


def _swappable(theses: list[tuple[str, str]], i: int, j: int) -> bool:
    """May the subjects of theses ``i`` and ``j`` change places and make a statement clearly
    false yet plausible: neither subject shares a word with the other's predicate (安全是发展的
    前提，发展是安全的保障 swapped reads 发展是发展的前提; 人民当家作主 is part of the predicate
    of 党的领导是…), nor holds the other (腐败 / 反腐败), and their predicates end on different
    heads (…的必由之路 thrice: the swap may be said as well)."""
    (x, p), (y, q) = theses[i], theses[j]
    if x in y or y in x:
        return False
    if _aim_frame(x) and _aim_frame(y):
        return False
    if _leans_on(x, q) or _leans_on(y, p):
        return False
    core_p, core_q = p.strip("“”"), q.strip("“”")
    if core_p[-2:] == core_q[-2:] or core_p == core_q:
        return False
    # a predicate naming its own subject's kind (中华民族是…的民族): the swap reads absurd
    return core_p[-2:] not in (x[-2:], y[-2:]) and core_q[-2:] not in (x[-2:], y[-2:])


# words naming the people, one another's near-synonyms in a thesis (人民是历史的创造者, 群众是
# 真正的英雄: swapped, the statement is as true as before)
_PEOPLE_WORDS = frozenset(
    "人民 群众 人民群众 广大群众 广大人民 广大人民群众 老百姓 百姓 民众".split()
)


def _one_referent(ctx: Context, x: str, y: str) -> bool:
    """Do two subjects name one thing, so that a thesis said of the one holds of the other:
    the people (人民 / 群众), or near-synonyms or covers the lexicon knows (奋斗精神 / 拼搏精神)?
    Swapped, such theses stay true (blind22 VA #3, VD #7, VE #2, VF #9: 群众是历史的创造者，
    人民是真正的英雄, unusable each time)."""
    if x in _PEOPLE_WORDS and y in _PEOPLE_WORDS:
        return True
    return y in ctx.lexicon.overlapping(x) or x in ctx.lexicon.overlapping(y)


def _aim_frame(subject: str) -> bool:
    """Is ``subject`` a short headless 的-phrase, a verb made a noun (指向的, 着眼的, 谋划的 of
    解决大党独有难题，指向的是…，着眼的是…)? Two such clauses say of one deed what it aims at or
    weighs, from two near angles: their objects swapped, the statement still says it (blind18
    QD #19, QE #11, QF #19: unusable each time, "the near-synonyms 指向/着眼 are swapped, the
    claim is still true"). (jieba tags few of these verbs: 指向, 着力, 致力 have no tag.)"""
    return subject.endswith("的") and 2 <= len(subject) - 1 <= 3


# what a sentence of nicknames says (人们常说，华盛顿州是“常青之州”，西雅图市是“翡翠之城”;
# 被誉为…, 素有…之称): local colour of a courtesy passage, not a thesis; swapped, its 判断 asks
# which place bears which nickname (blind15 MB #66, MD #54, ME #53, MF #52: unusable each time)
NICKNAME_CUE = re.compile(r"人们常说|常被称为|被誉为|被称为|素有|之称|美誉|号称")


def parallel_thesis_judges(ctx: Context) -> Iterator[Question]:
    """判断 on a sentence of two to four sibling theses (发展是第一要务，创新是第一动力，人才是
    第一资源。): the statement is the theses as written (one in four) or with the subjects of
    two of them swapped (人才是第一要务，…，发展是第一资源: false to any reader of the text, and
    the way a teacher tests such a formulation). The whole formulation is among the keys. One
    statement per sentence (``ctx.judged``)."""
    tainted = ctx.ex.doc.tainted
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or s.text.count("是") < 2 or s.text in ctx.judged:
            continue
        if NICKNAME_CUE.search(s.text):
            continue
        spans = [(m.start(), m.end()) for m in _CLAUSE_BODY.finditer(s.text)]
        parsed = [_parallel_thesis(s.text[a:b].strip()) for a, b in spans]
        for run in _thesis_runs(s.text, spans, parsed):
            theses = [t for t in (parsed[r] for r in run) if t is not None]
            subjects = [t[0] for t in theses]
            if len(set(subjects)) != len(subjects):
                continue
            pairs = [
                p
                for p in combinations(range(len(run)), 2)
                if _swappable(theses, *p) and not _one_referent(ctx, subjects[p[0]], subjects[p[1]])
            ]
            first, last = spans[run[0]][0], spans[run[-1]][1]
            if not pairs or noise.overlaps(s.start + first, s.start + last, tainted):
                continue
            whole = s.text[first:last]
            lead = s.text[:first]
            if len(lead) > 24 or not lead.endswith("，"):
                lead = ""  # a short lead stays (建设社会主义现代化强国，…): it tells the field
            qid = question_id(ctx.doc_key, "judge", "thesis_judge", whole, s.text)
            truth = int(hashlib.sha1(qid.encode()).hexdigest(), 16) % 4 == 0
            i, j = pairs[_fixed_rng(qid).randrange(len(pairs))]
            x, y = subjects[i], subjects[j]
            statement = whole
            if not truth:  # (from the last clause back: the offsets before stay good)
                for r, subject in reversed(list(zip(run, subjects, strict=True))):
                    a = (
                        spans[r][0]
                        + len(s.text[spans[r][0] :])
                        - len(s.text[spans[r][0] :].lstrip())
                    )
                    swap = {x: y, y: x}.get(subject, subject)
                    at = a - first
                    statement = statement[:at] + swap + statement[at + len(subject) :]
            ctx.judged.add(s.text)
            parts = [f"{t}是{p}" for t, p in theses]
            yield _thesis_judge(ctx, s, lead + statement, whole, truth, [x, y], parts)
            break  # one statement per sentence


def _thesis_runs(
    text: str, spans: list[tuple[int, int]], parsed: list[tuple[str, str] | None]
) -> Iterator[list[int]]:
    """The runs of two to four consecutive clauses that are each a thesis, joined by ，or ；."""
    k = 0
    while k < len(spans):
        if parsed[k] is None:
            k += 1
            continue
        j = k
        while j + 1 < len(spans) and parsed[j + 1] is not None and text[spans[j][1]] in "，；":
            j += 1
        if 2 <= j - k + 1 <= 4:
            yield list(range(k, j + 1))
        k = j + 1


def _thesis_judge(
    ctx: Context,
    s: Sentence,
    statement: str,
    whole: str,
    truth: bool,
    subjects: list[str],
    parts: list[str],
) -> Question:
    """The 判断 on a thesis ``whole`` of ``s``: ``statement`` as shown (the thesis as written, or
    its false twin). Its keys: the thesis and its ``parts`` as printed, else the ``subjects`` a
    false twin swaps; the rest of them become what it covers (``pipeline.shown_keys``)."""
    template = "thesis_judge_true" if truth else "thesis_judge_false"
    explanation = f"原文：{s.text}"
    if truth:
        explanation = "正确。" + explanation
    else:
        explanation = f"错误。原文为“{whole}”，不是“{statement}”。" + explanation
    shown = [w for w in (whole, *parts) if w in statement] or subjects
    return Question(
        id=question_id(ctx.doc_key, "judge", template, whole, s.text),
        kind="judge",
        stem=statement + "。",
        options=[],
        answer=truth,
        keys=[*shown, *(w for w in (whole, *parts) if w not in shown)],
        source=s.text,
        explanation=explanation,
        paragraph=s.paragraph,
        difficulty=_difficulty("judge", whole),
        template=template,
    )


# a view someone holds (有些同志认为…, 有人以为…): the contrast after it is theirs, often the
# view the text refutes, and the text may go on to report the swap as well (或者反过来，认为…):
# swapped, the 判断 is not surely false (blind22 VD #23–24, VE #27, #29, VF #25, #29: 0/6)
_HELD_VIEW = re.compile(r"认为|以为|觉得|主张|断言|幻想|想象|说什么")

# a contrast thesis: X不是A，而是B (新发展格局决不是封闭的国内循环，而是开放的国内国际双循环)
_CONTRAST = re.compile(
    r"^([\u4e00-\u9fff、]{2,12}?)(决不|绝不|并不|不)(是)([\u4e00-\u9fff、]{2,20})$"
)
_CONTRAST_BUT = re.compile(r"^而是([\u4e00-\u9fff、]{2,20})$")


def contrast_thesis_judges(ctx: Context) -> Iterator[Question]:
    """判断 on a contrast thesis (脱贫摘帽不是终点，而是新生活、新奋斗的起点。): the statement as
    written (one in four) or with what X is not and what it is changing places (…不是新生活、
    新奋斗的起点，而是终点: false to any reader, never true both ways, since the text denies
    the one and asserts the other). The thesis is among the keys; one statement per sentence."""
    tainted = ctx.ex.doc.tainted
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or "而是" not in s.text or s.text in ctx.judged:
            continue
        spans = [(m.start(), m.end()) for m in _CLAUSE_BODY.finditer(s.text)]
        for k in range(len(spans) - 1):
            (a0, a1), (b0, b1) = spans[k], spans[k + 1]
            if s.text[a1] != "，":
                continue
            first = _CONTRAST.match(s.text[a0:a1].strip())
            but = _CONTRAST_BUT.match(s.text[b0:b1].strip())
            if first is None or but is None:
                continue
            subject, neg, copula, denied = first.groups()
            asserted = but.group(1)
            if subject.startswith(_NO_SUBJECT + ("最", "从来")) or _REPORTED.match(subject):
                continue  # 也不是风头主义者, 最重要的不是…: whose thesis lies elsewhere
            if _HELD_VIEW.search(subject):
                continue  # 有些糊涂的同志认为不是…，而是…: a view the text reports, not its own
            # (a reported view opens the clause: 牢记 inside 不忘初心、牢记使命 names the slogan)
            if subject.endswith(_ADVERB_BEFORE_SHI) or subject.endswith(("都", "也")):
                continue
            if denied.startswith(_PRED_BAD_LEADS) or asserted.startswith(_PRED_BAD_LEADS):
                continue  # 不是为了…而斗争: a purpose, not what X is
            if denied in asserted or asserted in denied:
                continue
            at = a0 + len(s.text[a0:a1]) - len(s.text[a0:a1].lstrip())
            if noise.overlaps(s.start + at, s.start + b1, tainted):
                continue
            whole = s.text[at:b1]
            qid = question_id(ctx.doc_key, "judge", "thesis_judge", whole, s.text)
            truth = int(hashlib.sha1(qid.encode()).hexdigest(), 16) % 4 == 0
            statement = whole if truth else f"{subject}{neg}{copula}{asserted}，而是{denied}"
            ctx.judged.add(s.text)
            yield _thesis_judge(ctx, s, statement, whole, truth, [subject], [])
            break


def _thesis_alone(
    ctx: Context, key: KeyPhrase, s: Sentence, thesis: str, subject: str
) -> Question | None:
    """A thesis opening its sentence, asked on its own clause when the rest of the sentence says
    its subject again (发展是解决我国一切问题的基础和关键，发展必须是科学发展…): the clause alone
    reads as a sentence, and the window would print the answer."""
    rest = s.text[len(thesis) :]
    if subject not in rest or not rest.startswith(("，", "；")):
        return None
    stem = BLANK + thesis[len(subject) :] + "。"
    if len(stem) - len(BLANK) < 10 or _readable(subject, stem):
        return None
    return Question(
        id=question_id(ctx.doc_key, "cloze", "cloze", subject, s.text),
        kind="cloze",
        stem=stem,
        options=[],
        answer=[subject],
        keys=[subject],
        source=s.text,
        explanation=_explain_text(ctx, key, s),
        accepted=[_accepted(ctx, key)],
        paragraph=s.paragraph,
        difficulty=_difficulty("cloze", subject),
        template="cloze",
    )


# -- a standard list spelled out one clause per item (坚持党的领导，坚持人民至上，…) ------------
_CLAUSE_ITEM = re.compile(r"[\u4e00-\u9fff“”]{2,16}")


def clause_list_clozes(ctx: Context, named: set[str]) -> Iterator[Question]:
    """填空 over a standard list of four or more items the text spells out as clauses of one
    sentence (……这就是：坚持党的领导，坚持人民至上，坚持理论创新，…): the clause leading the
    list in is shown, then every item, half of them blanked (不分先后), in two questions so that
    each item is asked once. A shared opening (坚持) stays shown. The lexicon knowing the list
    whole is what pins the blanks; a 、-list (``standard_list_clozes``) is not asked again here,
    nor a list whose items some question already names.
    """
    lex = ctx.lexicon
    tainted = ctx.ex.doc.tainted
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or s.text.count("，") < 3:
            continue
        clauses = re.split(r"[，。；！：:]", s.text)
        marks = [bool(_CLAUSE_ITEM.fullmatch(c)) and lex.is_list_item(c) for c in clauses]
        k = 0
        while k < len(clauses):
            if not marks[k]:
                k += 1
                continue
            j = k
            while j < len(clauses) and marks[j]:
                j += 1
            run = tuple(clauses[k:j])
            items = lex.complete_list(run) if len(run) >= 4 else None
            start = sum(len(c) + 1 for c in clauses[:k])
            k = j
            if items is None:
                continue
            if all(i in named for i in run) or "、".join(run) in named:
                continue
            end = start + len("，".join(run))
            if noise.overlaps(s.start + start, s.start + end, tainted):
                continue
            # what the list is: the clause (or two, after a bare 这就是：) before it
            before = [c for c in re.split(r"[，；]", s.text[:start].rstrip("，：:")) if c]
            lead = before[-1] if before else ""
            if len(before) >= 2 and len(lead) < 6:
                lead = before[-2] + "，" + lead
            if _han(lead) < 6 or _BACK_REFERENCE.search(lead):
                continue
            lead += "：" if s.text[start - 1 : start] in "：:" else "，"
            prefix = common_prefix(run)
            if any(len(i) - len(prefix) < 2 for i in run):
                prefix = ""
            cores = [i[len(prefix) :] for i in run]
            n = len(run)
            key = KeyPhrase(
                "、".join(run), "enumeration", s.index, s.start + start, s.start + end, 0.6
            )
            named.update(run)
            yield from _points_clozes(
                ctx,
                lead=lead,
                sep="，",
                blanked=[prefix + BLANK] * n,
                shown=list(run),
                cores=cores,
                halves=[list(range(0, n, 2)), list(range(1, n, 2))],
                source=s.text,
                explanation=_explain_text(ctx, key, s),
                accepted=[[c, run[i]] if c != run[i] else [c] for i, c in enumerate(cores)],
                paragraph=s.paragraph,
                whole="、".join(run),
            )


# a 、-list of short items of one length naming the qualities of what follows 的 (具有树德、增智、
# 强体、育美的综合育人价值; 培养勤俭、奋斗、创新、奉献的劳动精神; 形成具有综合性、实践性、开放性、
# 针对性的劳动教育课程体系), after a verb that governs it
_QUALITY_LIST = re.compile(
    r"(?:具有|具备|培养|形成|构建|树立|弘扬|秉持|倡导|采取|坚守|展现)"
    r"((?:[\u4e00-\u9fff]{2,3}、){2,5}[\u4e00-\u9fff]{2,3})的([\u4e00-\u9fff]{2,10}?)(?=[，。；！])"
)
# what such a list describes: a named set (精神, 价值, 体系, 方针 …), not a passing noun
_QUALITY_HEADS = (
    "精神",
    "价值",
    "体系",
    "方针",
    "原则",
    "理念",
    "观念",
    "品格",
    "品质",
    "格局",
    "市场体系",
)


def quality_list_clozes(ctx: Context, named: set[str]) -> Iterator[Question]:
    """填空 blanking a whole short 、-list that names the qualities of what follows it
    (劳动教育…具有（　　）、（　　）、（　　）、（　　）的综合育人价值。（不分先后）): three to six
    items of one length (two or three characters), after a verb that governs the list
    (具有, 培养, 形成 …), before 的 and a head naming a set (…精神, …价值, …体系, …方针). The
    list extraction drops such items one by one (讹诈、遏制、封锁 are words, not phrases; a blank
    over 实践性 has 系统性 beside it), but the teachers' gold lists pick the whole list, and the
    head after 的 tells which list is asked. A shared ending of one character (综合性、实践性 …)
    stays printed after each blank. Lists whose items are all asked elsewhere (standard lists of
    the lexicon) are left out."""
    doc = ctx.ex.doc
    for s in doc.sentences:
        if s.is_heading or s.is_noise or "、" not in s.text:
            continue
        for m in _QUALITY_LIST.finditer(s.text):
            items = tuple(m.group(1).split("、"))
            head = m.group(2)
            if len({len(i) for i in items}) != 1 or not head.endswith(_QUALITY_HEADS):
                continue
            if len(set(items)) != len(items) or any(is_generic(i) for i in items):
                continue
            if all(i in named for i in items) or ctx.lexicon.complete_list(items) is not None:
                continue
            a, b = s.start + m.start(1), s.start + m.end(1)
            if noise.overlaps(a, b, ctx.ex.doc.tainted):
                continue
            stem, la, lb = window(ctx, s, a, b)
            if not stem or stem[la:lb] != m.group(1):
                continue
            if len(stem) - (lb - la) < 10:
                continue
            end = common_suffix(items)
            end = end if len(end) == 1 and len(items[0]) == 3 and end in "性化" else ""
            lead = common_prefix(items)
            lead = lead if len(lead) == 1 and len(items[0]) == 2 and not end else ""
            cores = [i[len(lead) : len(i) - len(end)] for i in items]  # (边打 → 边（打）)
            blanked = stem[:la] + "、".join(lead + BLANK + end for _ in items) + stem[lb:]
            if any(_readable(c, blanked) for c in cores):
                continue
            whole = m.group(1)
            key = KeyPhrase(whole, "series", s.index, a, b, 0.6, None, items)
            yield _list_cloze(
                ctx,
                whole=whole,
                stem=blanked + ORDER_FREE,
                answer=cores,
                keys=[whole, *items],
                source=s.text,
                explanation=_explain_text(ctx, key, s),
                accepted=[list(dict.fromkeys([c, i])) for c, i in zip(cores, items, strict=True)],
                ordered=False,
                paragraph=s.paragraph,
            )


# a run of modifiers closing on 的 and the head they describe (胸怀祖国、服务人民的爱国精神;
# 人人有责、人人尽责、人人享有的社会治理共同体), the head closing its clause
_DESCRIBED = re.compile(
    r"((?:[\u4e00-\u9fff]{2,8}、){1,5}[\u4e00-\u9fff]{2,8})的([\u4e00-\u9fff]{2,12}?)(?=[，。；！：])"
)
# what a head naming the run's set never holds: a second head or an example's close
_DESCRIBED_HEAD_BAD = re.compile("[和与及等的]")


@dataclass(frozen=True)
class Described:
    """A run of modifiers and the head they describe, as the text spells them."""

    whole: str  # 胸怀祖国、服务人民的爱国精神
    items: tuple[str, ...]  # 胸怀祖国, 服务人民
    head: str  # 爱国精神
    sentence: int  # the sentence's index
    start: int  # where the run starts in the sentence


def described_heads(ctx: Context) -> list[Described]:
    """The text's runs of two to six modifiers closing on 的 and the head they describe
    (勇攀高峰、敢为人先的创新精神; 最广泛、最真实、最管用的民主): a named formulation, which the
    teachers' gold lists ask whole. The run is a list the extraction found, or items of one
    length whose first starts on a word of its own (弘扬|胸怀祖国, not 弘扬胸怀祖国 nor
    更加灵活的|政策体系); the head closes its clause and names one thing (no 和, 等 or 的).
    Found once per text (kept with the extraction: it reads the text, its lists and jieba's
    dictionary)."""
    found = ctx.ex.memo.get("described")
    if found is not None:
        return found
    found = []
    # the extraction's lists by sentence (each sentence reads its own, in the extraction's
    # order, not every list of the text for each match)
    at_place = {(index, start): items for items, (index, start, _) in ctx.ex.groups.items()}
    groups: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
    for (index, start), items in at_place.items():
        groups.setdefault(index, []).append((start, items))
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or "、" not in s.text or "的" not in s.text:
            continue
        for m in _DESCRIBED.finditer(s.text):
            head = m.group(2)
            if _DESCRIBED_HEAD_BAD.search(head):
                continue
            items = m.group(1).split("、")
            size = len(items[-1])
            start = m.start(1)
            known = next(
                (
                    g
                    for at, g in groups.get(s.index, ())
                    if s.start + m.start(1) <= at < s.start + m.end(1)
                    and "、".join(g) == s.text[at - s.start : s.start + m.end(1) - s.start]
                    and len(g) >= 2
                ),
                None,
            )
            if known is not None and not _cut_at(s.text, m.end(1) - len("、".join(known))):
                known = None  # 形|成全要素、多领域…: the extraction's first item took a verb's end
            if known is not None:
                items = list(known)
                start = m.end(1) - len("、".join(items))
            elif all(len(i) == size for i in items[1:]) and len(items[0]) >= size:
                start = m.start(1) + len(items[0]) - size
                items[0] = items[0][-size:]
                clause = max(s.text.rfind(c, 0, start) for c in "，。；：、“”") + 1
                if s.text[start - 1 : start] == "的" or (
                    start > clause
                    and start - clause not in word_ends(s.text[clause : start + size])
                ):
                    continue
            else:
                continue
            if len(set(items)) != len(items) or not _described_shape(items, head):
                continue
            if any("的" in i or i[:1] == "之" for i in items):
                continue  # 世界稳定的压舱石、世界和平的助推器: 的-phrases side by side
            whole = f"{'、'.join(items)}的{head}"
            if noise.overlaps(s.start + start, s.start + m.end(2), ctx.ex.doc.tainted):
                continue
            found.append(Described(whole, tuple(items), head, s.index, start))
    ctx.ex.memo["described"] = found
    return found


# function words that tell a head carries a predicate (…的实践来进行, …的斗争就有了主心骨,
# …的工作做到群众心坎上) or an item a preposition (对弄虚作假, 和次要矛盾)
_HEAD_FUNCTION_CHARS = frozenset("就来了上有在把被将得着过也都还又")
_ITEM_PREPOSITIONS_ALONE = frozenset("对和与同把将在从向及")
_NOUN_LIKE_VERBS = frozenset({"要求", "作用"})  # (jieba tags them as verbs)
# heads jieba tags as verbs that name a thing after a noun or an adjective (…的精神文化生活,
# …的重要制度保障, …的德育活动), never after a verb or an adverb (…的人民群众要生活)
_NOUN_AFTER_NOUN_VERBS = frozenset({"生活", "保障", "活动"})


def _described_shape(items: Sequence[str], head: str) -> bool:
    """Is ``items的head`` one formulation: the head a noun phrase (no function word, not
    closing on a verb: …的历史潮流不可阻挡, …的方向发展), no item opening on a preposition
    (对弄虚作假、搞数字脱贫的严肃查处)?"""
    words = jieba_cut(head, hmm=False)
    if any(w in _HEAD_FUNCTION_CHARS or word_tag(w) in ("p", "c") for w in words):
        return False
    last = words[-1]
    noun_like = last in _NOUN_LIKE_VERBS or (
        last in _NOUN_AFTER_NOUN_VERBS and word_tag(words[-2]) in ("", "n", "a")
    )
    if len(words) > 1 and word_tag(last) in ("v", "vn") and not noun_like:
        return False
    if len(last) == 4 and word_tag(last[2:]) == "v":
        return False  # …的自觉性明显增强: a predicate jieba keeps as one word
    # (a preposition is a word of its own: 和平, 同舟共济 open on none)
    return not any(jieba_cut(i, hmm=False)[0] in _ITEM_PREPOSITIONS_ALONE for i in items)


def _fills(answer: str, part: str) -> bool:
    """Is ``answer`` the whole ``part``, or all of it but a one-character opening or ending the
    blanks share (边（打）)?"""
    return answer == part or (answer in part and len(part) - len(answer) <= 1)


def add_described_key(ctx: Context, q: Question) -> Question:
    """Name the formulation a 填空 or 单选 asks part of (勇攀高峰、（　　）的创新精神 and 勇攀高峰、
    敢为人先的（　　）ask 勇攀高峰、敢为人先的创新精神; a cloze blanking every item of
    人人有责、人人尽责、人人享有的社会治理共同体 asks it whole): the stem prints the whole
    :func:`described_heads` formulation around the blanks, each an item or the head, as a blank
    over one clause of a quoted saying names the saying."""
    if q.kind not in ("cloze", "single") or BLANK not in q.stem or "的" not in q.source:
        return q
    answers = q.answer if isinstance(q.answer, list) else [q.answer]
    if not answers or not all(isinstance(a, str) and a for a in answers):
        return q
    if q.stem.count(BLANK) != len(answers):
        return q
    by_source = ctx.ex.memo.setdefault("described_in", {})
    runs = by_source.get(q.source)
    if runs is None:  # (questions share their sources: each is scanned once)
        runs = [d for d in described_heads(ctx) if d.head in q.source and d.items[0] in q.source]
        by_source[q.source] = runs
    if not runs:
        return q
    restored, spans, at = q.stem, [], 0
    for a in answers:
        p = restored.find(BLANK, at)
        restored = restored[:p] + a + restored[p + len(BLANK) :]
        spans.append((p, p + len(a)))
        at = p + len(a)
    for d in runs:
        i = restored.find(d.whole)
        if i < 0:
            continue
        parts = (*d.items, d.head)
        if all(
            i <= x and y <= i + len(d.whole) and any(_fills(a, part) for part in parts)
            for (x, y), a in zip(spans, answers, strict=True)
        ):
            if d.whole not in q.keys:
                q.keys = [*q.keys, d.whole]
            break
    return q


# a measure's governing verb, maybe after an adverb of manner (坚持, 深入实施, 持续推进): a clause
# that is this verb and the blanked object is the measure a teacher lists (坚持稳中求进工作总基调)
_LED_CLAUSE = re.compile(
    r"(?:全面|深入|大力|持续|积极|切实|着力|不断|加快|主动|努力|进一步|始终|牢固|广泛|继续|坚决)?"
    r"(?:坚持|实施|推进|推动|加强|弘扬|完善|健全|强化|扩大|保持|构建|打造|实行|落实|深化"
    r"|促进|增强|树立|贯彻|培育|维护|统筹|巩固|践行|发扬|引领|适应|传承|严守|统揽|激发|筑牢"
    r"|铸牢|厚植|涵养|建立|开展)"
)
# what may close such a clause after the blank: the head of the name the blank is part of
_LED_CLAUSE_HEADS = re.compile(
    r"(?:战略|工程|计划|行动|制度|体系|建设|格局|新格局|工作总基调|总基调|方针|政策|精神|道路|理念|主线"
    r"|体制|机制|新常态|改革)?"
)


# what may stand before the verb and stay out of the measure's name (要坚持…, 必须实施…)
_LED_MODALS = frozenset(("", "要", "必须", "还要", "就要", "并", "同时"))


def add_led_clause_key(q: Question) -> Question:
    """Name the measure a 填空 or 单选 blanks the object of: a clause of the stem that is a
    governing verb (maybe after an adverb), the blanks (、 between them) and at most the head of
    their name (坚持（稳中求进）工作总基调; 推动（大众创业）、（万众创新）; ——坚持（人民至上）。)
    asks the clause whole, as teachers list it (坚持稳中求进工作总基调). Keys only."""
    if q.kind not in ("cloze", "single") or BLANK not in q.stem:
        return q
    answers = q.answer if isinstance(q.answer, list) else [q.answer]
    if not answers or not all(isinstance(a, str) and a for a in answers):
        return q
    if q.stem.count(BLANK) != len(answers):
        return q
    pieces = q.stem.split(BLANK)
    clause, named = pieces[0], []
    for k, answer in enumerate(answers):
        tail = pieces[k + 1]
        if tail.startswith("、") and k + 1 < len(answers):
            clause = clause + answer + tail  # (the list's next item follows: the clause goes on)
            continue
        head = _LED_CLAUSE_HEADS.match(tail).group(0)
        opening = re.split(r"[，。；：！？“”‘’（）——\s]", clause)[-1]
        clause = tail
        if tail[len(head) : len(head) + 1] not in ("", "，", "。", "；", "！", "？"):
            continue
        verb = next(
            (m for m in _LED_CLAUSE.finditer(opening) if opening[: m.start()] in _LED_MODALS), None
        )
        if verb is None:
            continue
        # only the verb, then the items blanked before this one, stand before the blank
        rest = opening[verb.end() :]
        if not all(a in answers for a in filter(None, rest.split("、"))):
            continue
        whole = opening[verb.start() :] + answer + head
        if len(whole) - len(verb.group(0)) >= 4 and whole in q.source and whole not in named:
            named.append(whole)
    for whole in named:
        if whole not in q.keys:
            q.keys = [*q.keys, whole]
    return q


# what a run of four-character modifiers describes when it is a formulation to learn: a named
# set (…精神, …体系, …机制, …要求 …), as for the short quality lists
_DESCRIBED_SET_HEADS = (*_QUALITY_HEADS, "机制", "体制", "要求", "作风", "风尚", "战略", "政策")
# a head that praises (崇高精神, 高尚品格, 优秀品质) names no set: many pairs of virtues fit
_PRAISE_OPENINGS = ("崇高", "高尚", "优秀", "优良", "良好", "宝贵", "可贵")


def described_set_clozes(ctx: Context, named: set[str]) -> Iterator[Question]:
    """填空 blanking the four-character modifiers of a named set, the head printed (要求大力弘扬
    （　　）、（　　）的爱国精神; 健全（　　）、（　　）、（　　）的疫情防控执法机制。（不分先后）):
    two to six items of four characters (:func:`described_heads`) before 的 and a head naming a
    set (:data:`_DESCRIBED_SET_HEADS`). The teachers' gold lists ask such formulations whole;
    the list extraction drops a pair with no shared part, and :func:`quality_list_clozes`
    takes items of two or three characters only. Left out: lists the lexicon knows (asked by
    :func:`standard_list_clozes`), and runs any item of which a question already asks (its
    formulation is named there, :func:`add_described_key`)."""
    for d in described_heads(ctx):
        items = d.items
        if any(len(i) != 4 for i in items) or not d.head.endswith(_DESCRIBED_SET_HEADS):
            continue
        if d.head.startswith(_PRAISE_OPENINGS):
            continue  # 展现了（救死扶伤）、（医者仁心）的崇高精神: 甘于奉献 fits as well
        if any(i in named for i in items) or d.whole in named or "、".join(items) in named:
            continue
        if ctx.lexicon.complete_list(items) is not None or any(is_generic(i) for i in items):
            continue
        s = ctx.sentence(d.sentence)
        run = "、".join(items)
        a, b = s.start + d.start, s.start + d.start + len(run)
        stem, la, lb = window(ctx, s, a, b)
        if not stem or stem[la:lb] != run or len(stem) - (lb - la) < 10:
            continue
        blanked = stem[:la] + "、".join(BLANK for _ in items) + stem[lb:]
        if any(_readable(i, blanked) for i in items):
            continue
        key = KeyPhrase(run, "series", s.index, a, b, 0.6, None, items)
        yield _list_cloze(
            ctx,
            whole=run,
            stem=blanked + ORDER_FREE,
            answer=list(items),
            keys=[run, *items, d.whole],
            source=s.text,
            explanation=_explain_text(ctx, key, s),
            accepted=[[i] for i in items],
            ordered=False,
            paragraph=s.paragraph,
        )


# a run the lexicon does not know, asked with some items shown (人民战争、（　　）、（　　）)
_RUN_ITEM = re.compile(r"[\u4e00-\u9fff]{3,5}")
# endings of a descriptive list (制度化、规范化、科学化), and a meeting's steps (再研究、再部署)
_RUN_BAD_SHARED = frozenset("化性式型再")


def _run_shape(items: tuple[str, ...]) -> bool:
    """Do the printed items of a run pin its blanked ones? Either one character stands at the
    same place in every item (早发现、早报告、早处置; 讲信义、重情义、扬正义), or at the end of
    every item but those one character longer, where it is the second-last (人民战争、总体战、
    阻击战), or every item is a verb-object slogan of three characters, a verb and a
    two-character word (补短板、堵漏洞、强弱项; 举旗帜、聚民心、育新人). Not a descriptive list
    (制度化、规范化), a meeting's steps (再研究、再部署), questions (学什么、能学到什么), or items
    of five characters that share one character only, not their end (为人民战斗、为祖国献身)."""
    if any(q in i for i in items for q in _RUN_QUESTION_WORDS):
        return False
    if all(i.startswith("不") for i in items):
        return False  # 不敢扛事、不愿做事、不能干事: a speaker's list of faults
    lengths = {len(i) for i in items}
    if len(lengths) == 1:
        places = [k for k, column in enumerate(zip(*items, strict=True)) if len(set(column)) == 1]
        shared = [items[0][k] for k in places]
        if places and places == list(range(len(places))) and set(shared) <= _RUN_LOOSE_OPENINGS:
            return False  # 有理想、有学问、有才干; 更有高度…: any word fits after the opening
        if shared:
            if set(shared) & _RUN_BAD_SHARED or set(shared) <= {"的"}:
                return False
            if len(shared) < 2 and len(items[0]) >= 5 and items[0][-1] != shared[0]:
                return False  # (a head they end on stays: 政治领导力、思想引领力…)
            return len(shared) < len(items[0]) - 1
    else:
        if max(lengths) - min(lengths) != 1:
            return False
        short = min(lengths)
        ends = {i[-1] for i in items if len(i) == short} | {i[-2] for i in items if len(i) > short}
        return len(ends) == 1 and not ends & _RUN_BAD_SHARED
    if lengths != {3}:
        return False
    # (a common word of its own is a noun, not a slogan: 元器件、零部件、原材料)
    return all(is_word(i[1:]) and not is_common_word(i) for i in items)


_RUN_QUESTION_WORDS = ("什么", "怎么", "哪", "谁")
# openings that leave the rest of an item free (pinned_pair's rule for an opening alone)
_RUN_LOOSE_OPENINGS = frozenset("有更各不为要能都很")


# the parts of speech of a verb (or of a word used as one: 温暖人心, 忠诚核心) opening an item
_VERBAL_TAGS = frozenset({"v", "vn", "a", "an"})
_FUNCTION_TAGS = frozenset({"p", "d", "c"})  # prepositions, adverbs, conjunctions


def rhetoric_run(items: Sequence[str]) -> bool:
    """Is a run of three or more four-character items one object after different verbs: 打动人心、
    温暖人心、影响人心、赢得人心; 观察时代、把握时代、引领时代; 动员群众、组织群众、凝聚群众? A
    speech's rhetoric: any verb of two characters fits a blank (凝聚人心, 感召人心; 发动群众),
    rounds HH #30, HJ #29 and blind11's X群众 items. Not a noun's kinds, a modifier before a
    shared head (科学执政、民主执政、依法执政; 产业体系、生产体系、经营体系; 政治优势、组织优势):
    the shared end is a noun (not a verb or adjective), and all openings but one are verbal,
    two or more of them plain verbs (jieba's tags; 动员 reads as a noun, hence the one spared)."""
    if len(items) < 3 or any(len(i) != 4 for i in items) or len({i[2:] for i in items}) != 1:
        return False
    head = items[0][2:]
    if len({i[:2] for i in items}) != len(items) or not is_word(head) or word_tag(head):
        return False
    tags = [word_tag(i[:2]) for i in items]
    if any(t in _FUNCTION_TAGS for t in tags):
        return False  # 来自人民、为了人民、造福人民; 同时发力: a phrase of purpose or manner
    verbal = sum(t in _VERBAL_TAGS for t in tags)
    return verbal >= len(items) - 1 and tags.count("v") >= 2


def run_blanks(n: int) -> list[int]:
    """Which items of a run of ``n`` are blanked: every other one after the first, which stays
    printed (3: the last two; 4 and 5: the second and fourth; 6: the second, fourth and sixth)."""
    return [1, 2] if n == 3 else list(range(1, n, 2))


def _run_items_askable(ctx: Context, items: tuple[str, ...], s: Sentence, start: int) -> bool:
    """Would each item of a run pass the guards of its own single blank? A run whose items the
    reviews found unpinned one by one (引领者、实践者、推动者 and 重基层、重实干, rounds Y1–Y2;
    失业保险、工伤保险 beside 生育保险, round 26b; examples and edge items cut mid-phrase) is
    no better pinned with one of them shown."""
    at = start
    for item in items:
        key = KeyPhrase(item, "enumeration", s.index, at, at + len(item), 0.66, None, items)
        at += len(item) + 1
        if refine_enum_item(ctx, key) is None or _short_core(ctx, key):
            return False
        if _shared_opening(key) or _open_head_list(ctx, key, s):
            return False
    return True


def _run_lead_trimmed(
    ctx: Context, items: tuple[str, ...], index: int, start: int
) -> tuple[tuple[str, ...], int]:
    """A run whose first item took the last character of the verb before it (抓紧|补短板 read as
    紧补短板、堵漏洞、强弱项): the item without it, when the rest are of one length, the first is
    one longer, that character ends a word with the one before it (抓紧), and only the trimmed
    run has a shape that pins its blanks."""
    rest = {len(i) for i in items[1:]}
    if len(items) < 3 or len(rest) != 1 or len(items[0]) != rest.pop() + 1:
        return items, start
    s = ctx.sentence(index)
    local = start - s.start
    if local < 1 or not is_word(s.text[local - 1 : local + 1]):
        return items, start
    trimmed = (items[0][1:], *items[1:])
    if _run_shape(items) or not _run_shape(trimmed):
        return items, start  # (疫情|人民战争、总体战: the run read whole has its shape)
    return trimmed, start + 1


def unknown_run_clozes(ctx: Context, named: set[str]) -> Iterator[Question]:
    """填空 over a 、-run of three to six short parallel items the lexicon does not know
    (营造强信心、（　　）、（　　）的环境氛围; 抓紧补短板、（　　）、强弱项), its first item and
    every other one printed, so the shape they share pins the blanks; the whole run is what it
    covers (``Question.covers``: the keys are what it prints). Order-free. Not for a run some
    question already names whole, a run the text's list goes on beyond (、 before or after),
    examples (…等), or a descriptive list.
    """
    for items, (index, start, end) in sorted(ctx.ex.groups.items(), key=lambda kv: kv[1]):
        items, start = _run_lead_trimmed(ctx, items, index, start)
        whole = "、".join(items)
        if not 3 <= len(items) <= 6 or len(set(items)) != len(items) or whole in named:
            continue
        if not all(_RUN_ITEM.fullmatch(i) for i in items) or not _run_shape(items):
            continue
        if ctx.lexicon.complete_list(items) is not None:
            continue  # a standard list: standard_list_clozes asks it
        if _variant_run(ctx, items):
            continue  # 早发现、（早报告）、（早处置）: the 四早's 早隔离 fits the last blank
        if is_catalogue(items) or _rhetoric_pattern(items) or _stock(items):
            continue  # 生态农业、设施农业…; 老手势、老经验、老办法; 想问题、作决策、办事情
        s = ctx.sentence(index)
        if s.is_noise or s.is_heading:
            continue
        local, local_end = start - s.start, end - s.start
        if s.text[local:local_end] != whole:
            continue  # items joined by 和, quotes: not one run spelled out
        after = s.text[local_end:].lstrip("”’")
        if _dangling_lead(s.text, local) or after[:1] in ("等", "、"):
            continue  # (“庆七一、谋发展、促振兴”等系列活动: examples)
        if s.text[local - 1 : local] == "、" or s.text.startswith(_CHRONICLE_AFTER, local_end):
            continue  # (沪港通、深港通、债券通相继启动: a chronicle of launches)
        stem, a, b = window(ctx, s, start, end)
        if not stem or stem[a:b] != whole or len(stem) - len(whole) < 8:
            continue
        if not _run_items_askable(ctx, items, s, start):
            continue
        blanks = run_blanks(len(items))
        pieces = []
        for k, item in enumerate(items):
            pieces.append(BLANK if k in blanks else item)
        blanked = stem[:a] + "、".join(pieces) + stem[b:]
        if any(_readable(items[k], blanked) for k in blanks):
            continue
        key = KeyPhrase(whole, "enumeration", index, start, end, 0.6, None, items)
        yield _list_cloze(
            ctx,
            whole=whole,
            id_key=f"{whole}|run",
            stem=blanked + ORDER_FREE,
            answer=[items[k] for k in blanks],
            keys=[whole, *(items[k] for k in blanks)],
            source=s.text,
            explanation=_explain_text(ctx, key, s),
            accepted=_with_variants(ctx, key, [[items[k]] for k in blanks]),
            ordered=False,
            paragraph=s.paragraph,
        )


# --- fifteenth session, helper "window18": heads, conditions and enumerators the window cut ---
_WHOLE_HEAD_CHARS = WINDOW_CHARS + 12  # the longest stem that opens at its sentence's start instead
_HEAD_LEAD_CHARS = 18  # the longest subject clause put in front with ……
_HEAD_STEM_CHARS = WINDOW_CHARS + 24  # the longest stem a subject lead or a 就 clause makes
_FRAME_CLAUSE = re.compile(r"[\u4e00-\u9fff]{2,6}(?:认为|指出|强调|号召|看到)")
_PREDICATE_OPENING = tuple("在为对把以是将从向") + _MODAL_OPENINGS
_LEANING_JIU = re.compile(r"^[\u4e00-\u9fff]{1,8}?就(?!是)")
_CONDITION_PAIRS = (("只要", "就"), ("只有", "才"))
_DANGLING_CONNECTIVES = ("从此", "此后", "为此", "因此", "同时", "所以", "然而", "但是", "于是")
_LIST_ENUMERATOR = re.compile(r"^[一二三四五六七八九十]{1,2}(?:是|要)(?=[\u4e00-\u9fff])")
_LIST_ENUMERATOR_INSIDE = re.compile(r"[，,；;。][一二三四五六七八九十]{1,2}(?:是|要)")


def _copied_at(text: str, stem: str, la: int, key_at: int) -> int:
    """Where ``stem`` starts in ``text`` when it is copied unbroken from it (its last stop
    aside), else -1."""
    start = key_at - la
    body = stem.rstrip("。！？!?，,；;")
    if start < 0 or text[start : start + len(body)] != body:
        return -1
    return start


def _opens_on_predicate(clause: str) -> bool:
    """Does ``clause`` open on a predicate, naming no subject of its own (统揽伟大斗争、…;
    立志于…; 是…成果)?"""
    if not clause or _own_subject(clause) or _agent_opening(clause):
        return False
    return (
        clause.startswith(_PREDICATE_OPENING)
        or clause[:2] in _VERB_OPENINGS
        or word_tag(clause[:2]) in _VERB_TAGS
        or word_tag(clause[:1]) in _VERB_TAGS
    )


def _subject_head(text: str, start: int) -> int:
    """The end of the sentence's subject clause before ``start`` (我们党作为马克思主义执政党，;
    全面从严治党，是…: the topic of a copula; 全会认为，习近平总书记重要讲话…, its frame taken
    along), or -1."""
    clauses = []
    at = 0
    while at < start and len(clauses) < 2:
        end = min((i for i in (text.find(c, at) for c in "，,") if i >= 0), default=-1)
        if end < 0 or end >= start:
            break
        clauses.append((at, end))
        at = end + 1
    if any(c in text[:start] for c in "；;：:“”"):
        return -1
    for n, (x, y) in enumerate(clauses):
        clause = text[x:y]
        if n == 0 and _FRAME_CLAUSE.fullmatch(clause) and not _SAYS.search(clause[:2]):
            continue  # (全会认为，: the subject follows)
        if _SAYS.search(clause) and n == 0:
            return -1  # (习近平总书记强调，: a speaker, which the window drops on purpose)
        if clause.endswith("是") or "越" in clause or len(clause) <= 4:
            return -1  # (尤为重要的是，/ 党越是长期执政，/ 我相信，: a frame, not a subject)
        agent = _agent_opening(clause)
        if agent == clause or agent and clause[len(agent) :].startswith("作为"):
            return y  # (a subject alone; 我们党作为马克思主义执政党，)
        if _own_subject(clause) or agent:
            return -(y + 2)  # (a subject with its own predicate: only a whole sentence takes it)
        topic = (
            len(clause) <= 14
            and text[y + 1 : y + 2] == "是"
            and not clause.startswith(_PREDICATE_OPENING)
        )  # (a verb phrase is a topic too: 坚持党的领导，是…)
        if topic:
            return y  # (全面从严治党，是…)
        return -1
    return -1


def _with_subject_head(text: str, stem: str, la: int, lb: int, key_at: int) -> tuple[str, int, int]:
    """A window opening on a predicate whose subject it cut (统揽伟大斗争、…作出的战略部署，是…
    成果; 立志于…，面临的执政考验…; 就坚持… after 从…起，我们党) opens at its sentence's start when
    that stays within WINDOW_CHARS + 12, else takes the subject clause in front with …… (全面从严
    治党，……统揽…; 我们党作为马克思主义执政党，……; blind18 QA #3, #6, QB #10, QD #5)."""
    start = _copied_at(text, stem, la, key_at)
    if start <= 0 or text[start - 1] not in "，,":
        return stem, la, lb
    first_end = min(
        (i for i in (text.find(c, start) for c in "，,；;。") if i >= 0), default=len(text)
    )
    opening = text[start:first_end]
    leans = _LEANING_JIU.match(opening) is not None
    head = _subject_head(text, start)
    topic = head > 0 and text[head + 1 : head + 2] == "是" and not _own_subject(opening)
    if not (_opens_on_predicate(opening) or leans or topic):
        return stem, la, lb  # (全面从严治党，是…，统揽…作出的战略部署，是…: the topic's)
    if head == -1 and not leans:
        main_shown = text[first_end + 1 : first_end + 3].startswith(_MODAL_OPENINGS)
        if (
            opening.startswith("为")
            and not opening.startswith(("为了", "为什么"))
            and not main_shown
        ):
            # 为以中国式现代化全面推进…提供坚强保障！: the purpose's verb is in the clause
            # before (以…推进新征程纪检监察工作高质量发展，; blind18 QF #40)
            prev = max(text.rfind(c, 0, start - 1) for c in "，,；;：:") + 1
            before = text[prev:start]
            if len(before) + len(stem) <= _WHOLE_HEAD_CHARS and not before.startswith("为"):
                return before + stem, la + len(before), lb + len(before)
        return stem, la, lb
    if any(c in text[:start] for c in "；;：:“”"):
        return stem, la, lb
    if start + len(stem) <= _WHOLE_HEAD_CHARS:
        return text[:start] + stem, la + start, lb + start
    if head < 0 or head > _HEAD_LEAD_CHARS:
        return stem, la, lb
    lead = text[: head + 1] + ("" if head + 1 == start else "……")
    if len(lead) + len(stem) > _HEAD_STEM_CHARS:
        return stem, la, lb
    return lead + stem, la + len(lead), lb + len(lead)


# --- seventeenth session, helper "subject": a clause going on with the verb of the one before ---
# a clause opening on a verb marked for aspect (积累了, 形成了, 凝聚着): it tells what a subject
# named in an earlier clause of its sentence did (党的十九大确立了…，|制定了…; 党领导人民进行伟大
# 奋斗，|积累了宝贵的历史经验), never an instruction, which a bare verb opens
_ASPECT_OPENING = re.compile(r"([\u4e00-\u9fff]{2})[了着过](?![解])")
# a noun phrase and the aspect-marked verb after it (党的十九大|确立了; …重要思想|凝结了)
_SUBJECT_ASPECT = re.compile(r"([\u4e00-\u9fff“”《》、]{2,24}?)([\u4e00-\u9fff]{2})[了着](?![解])")
_SHARED_WALK = 8  # the most clauses looked back through for the subject
_SHARED_LEAD_CHARS = 24  # the longest subject put in front with …… (…关于…的重要思想……凝聚了…)
# the heads of a noun phrase that acts as a clause's subject before a verb word_tag may not know
_CLAUSE_AGENTS = (
    *_AGENT_HEADS,
    "党",
    "中国共产党",
    "共产党人",
    "我国",
    "中国",
    "全会",
    "大会",
    "国家",
)
# a frame whose clauses after it are what is said (全会提出，/ 会议强调，/ 全会认为，)
_SAID_FRAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:认为|指出|强调|提出|号召|看到|要求|表示|宣布)")
# the Party or a body named alone opening its clause, its verb next (中国共产党|领导人民…)
_NAMED_BODY = re.compile(r"(中国共产党|我们党|党中央|全会|我国|中国|党)")
# a body named after its leader, standing alone as its clause (以习近平同志为核心的党中央，)
_LEADER_BODY = re.compile(
    r"以[\u4e00-\u9fff]{2,4}同志为(?:核心|主要代表)的(?:党中央|中国共产党人)$"
)


def _opens_on_aspect(clause: str) -> bool:
    """Does ``clause`` open on a verb marked for aspect (积累了…, 形成了…, 凝聚着…)?"""
    m = _ASPECT_OPENING.match(clause)
    return m is not None and word_tag(m.group(1)) in _VERB_TAGS


def _noun_subject(phrase: str) -> bool:
    """Is ``phrase`` a noun phrase that can be a clause's subject (党的十九大, 这样的初心使命),
    not a predicate, a time or a frame (在…中, 一百年来, 全会提出)?"""
    if len(phrase) < 2 or _opens_on_predicate(phrase) or _lead_clause(phrase + "，"):
        return False
    if phrase.startswith(_PREDICATE_OPENING) or phrase[:2] in _VERB_OPENINGS:
        return False
    if word_tag(phrase[:2]) in (*_VERB_TAGS, "d", "p", "c") or phrase.startswith(_PRONOUN_SUBJECTS):
        return False
    if phrase.endswith(tuple("和与及、并而")) or _SAYS.search(phrase):
        return False  # (全会听取和|讨论了…: two verbs, the subject before them)
    words = [w for w in jieba_cut(_QUOTED_SPAN.sub("甲", phrase)) if w.strip()]
    # (党中央专门|印发了, 极大|增强了: an adverb or a verb is no part of a subject)
    if any(word_tag(w) == "v" for w in words):
        return False
    return word_tag(words[-1]) not in ("a", "d", "ad", "p", "c")


def _clause_subject(clause: str) -> tuple[str, str]:
    """The subject ``clause`` opens on and how it was found: ``aspect`` (党的十九大确立了… → 党的
    十九大), ``copula`` (“两个确立”是… → “两个确立”), ``topic`` (中国共产党始终… → 中国共产党),
    ``modal`` (各级党委要… → 各级党委), ``agent`` (广大人民群众众志成城… → 广大人民群众),
    ``led`` (以习近平同志为核心的党中央，), ``clause`` (党领导人民进行…: a guess, which only ever
    goes in with its whole clause); or ("", "")."""
    body = clause.rstrip("，,")
    m = _SUBJECT_ASPECT.match(body)
    if m is not None and word_tag(m.group(2)) in _VERB_TAGS:
        phrase = m.group(1)
        for head in _AGENT_HEADS:
            at = phrase.find(head, 0, len(phrase) - 1)
            if at >= 0 and 0 < len(phrase) - at - len(head) <= 2:
                phrase = phrase[: at + len(head)]  # (党中央|专门出台了…: an adverb)
                break
        if _noun_subject(phrase):
            return phrase, "aspect"
    unquoted = _QUOTED_SPAN.sub(lambda q: "甲" * len(q.group(0)), body)
    at = unquoted.find("是")
    if 2 <= at <= 18 and _noun_subject(body[:at]) and _COPULA.search(unquoted[: at + 1]):
        return body[:at], "copula"
    m = _TOPIC_AGENT.match(body)
    if m is not None:
        return m.group(1), "topic"
    m = _NAMED_BODY.match(body)
    if m is not None and m.end() in word_ends(body[:16]):
        after = body[m.end() : m.end() + 2]
        if after in _VERB_OPENINGS or word_tag(after) in ("v", "d"):
            return m.group(1), "topic"  # (中国共产党领导人民…, 党团结带领…: the body acts)
    found = _subject_and_modal(body)
    if found:
        return found, "modal"
    found = _agent_opening(body)
    if found and not body[len(found) :].startswith(("关于", "的", "之")):
        # (习近平总书记|关于党的自我革命的重要思想凝聚了…: the agent only modifies the subject)
        return found, "agent"
    m = _LEADER_BODY.match(body)
    if m is not None:
        return m.group(0), "led"
    # a noun phrase ending on an agent and its predicate (党领导人民进行…; 一代又一代中国共产党人
    # 顽强拼搏…; 广大党员、干部以…开展…): where the phrase ends is a guess
    best = ""
    for end in sorted(word_ends(body[:16])):
        phrase = body[:end]
        if end > 12 or any(word_tag(w) == "v" for w in jieba_cut(phrase)):
            break
        if (
            phrase.endswith(_CLAUSE_AGENTS)
            and body[end : end + 1] not in ("", *"的之和与及、，,是")
            and (phrase == "党" or _noun_subject(phrase) or phrase.startswith("一代"))
        ):
            best = phrase  # (the longest: 一代又一代中国共产党人, not …中国共产党)
    if best:
        return best, "clause"  # (not 分领域|阐述…, 明确|坚持…: no agent)
    return "", ""


def _topic_phrase(clause: str) -> bool:
    """Is ``clause`` a noun phrase standing alone as the topic of the clause after it (这样的
    初心使命、性质宗旨), holding no verb, time or frame?"""
    if not 2 <= len(clause) <= _HEAD_LEAD_CHARS or _lead_clause(clause + "，"):
        return False
    if _opens_on_predicate(clause) or clause.startswith(_PREDICATE_OPENING) or _SAYS.search(clause):
        return False
    words = [w for w in jieba_cut(clause) if w not in "、的之和与及"]
    return bool(words) and all(word_tag(w) in ("", "n") and _han(w) == len(w) for w in words)


def _with_shared_subject(
    text: str, stem: str, la: int, lb: int, key_at: int, key_end: int
) -> tuple[str, int, int]:
    """A window opening after a comma on a clause whose verb is marked for aspect (积累了宝贵的
    历史经验…; 制定了…的宏伟蓝图; 凝聚了全党高度共识…), whose subject an earlier clause of its
    ；-item names (党领导人民进行伟大奋斗，; 党的十九大确立了…，; 这样的初心使命、性质宗旨，),
    takes that subject in: the clauses from the subject's on when the stem stays within
    WINDOW_CHARS + 12 and they do not spell the key; else the clause just before when it is
    the subject's and short; else the subject in front with …… (党的十九大……制定了…), clauses
    after the last blank going while the stem is over WINDOW_CHARS + 24 (a stem its list makes
    longer still takes a lead of 12 characters or fewer as it is). A window opening on a bare
    verb, coverb or adverb (更加注重…, 要求大力弘扬…) does the same only when that subject's
    clause tells what it did (党中央专门出台了…，), is a place or body (:data:`_TOPIC_AGENT`) or
    a body named after its leader standing alone (以习近平同志为核心的党中央，…，|统筹…): an
    instruction's verb (要…，|不断提高…) needs no subject. A stem that does not fit stays as it
    was."""
    start, _end, s_from, _s_to = _source_span(text, stem, la, key_at)
    if s_from != 0 or start <= 0 or text[start - 1] not in "，,":
        return stem, la, lb
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, start) - 1
    opening = text[start : ends[k]]
    aspect = _opens_on_aspect(opening)
    # (更加注重…, 已经…; not 不敢腐、不能腐…, a topic of its own)
    adverb = word_tag(opening[:2]) == "d" and opening[0] != "不" and not _own_subject(opening)
    if starts[k] != start or not (aspect or adverb or _opens_on_predicate(opening)):
        return stem, la, lb
    if stem.find("》") >= 0 and stem.find("《") not in range(0, stem.find("》")):
        return stem, la, lb  # (…工作（　　）》工作报告: cut inside a title, no subject mends it)
    if not aspect and k > 0 and _same_ending(text, starts[k - 1], ends[k - 1], start, ends[k]):
        return stem, la, lb  # (…创新精神，|追求真理、严谨治学的求实精神，…: a verb's objects)
    item = max(text.rfind(c, 0, start) for c in "；;：:") + 1
    lo = bisect_right(starts, item) - 1
    x, subject, how = -1, "", ""
    for y in range(k - 1, max(lo, k - _SHARED_WALK) - 1, -1):
        clause = text[starts[y] : ends[y]].lstrip(_LAYOUT_LEAD)
        if _SPEECH_END.search(clause.rstrip("，,")) or _SAID_FRAME.fullmatch(clause[:-1]):
            break  # (全会提出，: what follows is said, its subject after the frame)
        subject, how = _clause_subject(clause)
        if not subject and y == k - 1 and aspect and _topic_phrase(clause.rstrip("，,")):
            subject, how = clause.rstrip("，,"), "clause"  # (这样的初心使命、性质宗旨，|决定了…)
        if subject:
            x = y
            break
    if x < 0 or not aspect and how not in ("aspect", "topic", "led"):
        # (要…，|不断提高…: an instruction's bare verb needs no subject; only a narrative
        # clause (…确立了…，|制定了…) goes on with the subject of the clause before; a guessed
        # noun phrase (全会提出，党的十六大以后，|以胡锦涛同志…) brought in frames and times)
        return stem, la, lb
    whole = text[starts[x] : start]
    spelled = len(_bigrams(text[key_at:key_end]) & _bigrams(whole)) >= 2
    if len(whole) + len(stem) <= WINDOW_CHARS + 12 and not spelled:
        return whole + stem, la + len(whole), lb + len(whole)
    near = text[starts[k - 1] : start]
    if x == k - 1 and len(near) <= _HEAD_LEAD_CHARS and not spelled:
        lead = near
    elif (
        how == "clause"
        or len(subject) > _SHARED_LEAD_CHARS
        or len(_bigrams(text[key_at:key_end]) & _bigrams(subject)) >= 2
    ):
        return stem, la, lb
    else:
        lead = subject + "……"
    body = _clauses_to_fit(len(lead), stem, lb)
    if body is None:
        if len(lead) > _SHORT_LEAD:
            return stem, la, lb
        # (a stem its list already makes long takes a short subject all the same:
        # 党领导人民进行伟大奋斗，积累了…，这就是：坚持（　　）…)
        body = stem
    return lead + body, la + len(lead), lb + len(lead)


def _with_condition_end(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A stem showing 只要/只有 but cut before the 就/才 clause it needs (只要我们对…有清醒的认识、
    坚定的意志，坚持（　　）、未雨绸缪。) takes that clause: the rest of the sentence when it
    follows at once, else …… and that clause (blind18 QE #20, QF #16)."""
    start = _copied_at(text, stem, la, key_at)
    if start < 0:
        return stem, la, lb
    body = stem.rstrip("。！？!?，,；;")
    end = start + len(body)
    for opening, main in _CONDITION_PAIRS:
        at = body.find(opening)
        if at < 0 or main in body[at:]:
            continue
        if end >= len(text) or text[end] not in "，,":
            return stem, la, lb
        clause = re.compile(r"[，,]" + main).search(text, end)
        if clause is None or any(c in text[end : clause.start()] for c in "。！？；;"):
            return stem, la, lb
        close = min(
            (i for i in (text.find(c, clause.end()) for c in "，,；;。！？!?") if i >= 0),
            default=len(text),
        )
        tail = text[clause.start() + 1 : close + 1]
        joint = text[end : clause.start() + 1] if clause.start() == end else "，……"
        new = body + joint + tail
        if len(new) > _HEAD_STEM_CHARS:
            return stem, la, lb
        if new[-1] in "，,；;":
            new = new[:-1] + "。"
        return new, la, lb
    return stem, la, lb


# a clause that only sets up the verb of the clause after it: 按照…的战略布局, 通过长期艰苦努力,
# 并同非洲国家一道 (a coverb and its object), or 以毛泽东同志为主要代表的中国共产党人 (a subject)
_COVERB_OPENING = re.compile(
    r"^[^，,；;]{0,6}?(?:按照|依照|遵照|根据|依据|本着|遵循|沿着|围绕|通过|经过|随着|基于)"
)
_ALONG_WITH = re.compile(r"^(?:并|还|也|又|都)?(?:同|与|跟|和)[^，,；;]{1,16}(?:一道|一起)$")
_NAMED_SUBJECT = re.compile(r"^以[^，,；;]{1,16}为(?:主要)?代表的[^，,；;]{1,10}$")
# a clause with no main verb, only a time or place span: 从“民主恳谈”到村务监督; 在…的紧要关头
_SPAN_CLAUSE = re.compile(
    r"^(?:从(?![^，,；;]*、到)[^，,；;]+到[^，,；;]+|在[^，,；;]+(?:中|时|下|之际|时刻|关头|期间|过程中))$"
)  # (not 从群众中来、到群众中去: two verbs)
_MAIN_CLAUSE_REACH = 3  # the most clauses taken on to reach the verb a dangling clause sets up


def _sets_up_next_clause(clause: str) -> bool:
    """Does ``clause`` only prepare the verb that follows it (a coverb phrase ending on a noun,
    a 同…一道, a named subject, a span of time or place)?"""
    if _ALONG_WITH.match(clause) or _NAMED_SUBJECT.match(clause) or _SPAN_CLAUSE.match(clause):
        return True
    m = _COVERB_OPENING.match(clause)
    if m is None:
        return False
    rest = clause[m.end() :]
    head = rest[rest.rfind("的") + 1 :] if "的" in rest else rest
    # (按照党中央部署推进改革 has its own verb after the object: a whole clause)
    if head.endswith("努力"):
        return True  # (通过长期艰苦努力: 努力 is tagged a verb, here the noun the coverb takes)
    return 0 < len(head) <= 4 and word_tag(head[-2:]) not in _VERB_TAGS


def _clause_close(text: str, at: int) -> int:
    """Where the clause starting at ``at`` ends: its first stop outside quotes and titles
    (主持制定“向北发展，向南防御”的战略方针 is one clause), or the text's end."""
    depth = 0
    for i in range(at, len(text)):
        c = text[i]
        if c in "“《":
            depth += 1
        elif c in "”》":
            depth = max(0, depth - 1)
        elif depth == 0 and c in "，,；;。！？!?":
            return i
    return len(text)


def _with_far_main_clause(text: str, body: str, end: int) -> str:
    """``body``, a run of clauses that only set up a verb (从“民主恳谈”到村务监督，从…到…制度),
    with …… and the first clause after ``end`` that has its verb, and the clause after that
    when it fits (，……浙江解放思想、大胆创新，推出并实施了一系列…创新制度。), within
    WINDOW_CHARS + 24; else "" (no question: 从…到…、… with no verb in reach)."""
    at = end
    while at < len(text) and text[at] in "，,":
        close = _clause_close(text, at + 1)
        clause = text[at + 1 : close]
        if _sets_up_next_clause(clause):
            at = close
            continue
        new = body + "，……" + clause
        if len(new) + 1 > _HEAD_STEM_CHARS:
            return ""
        if close < len(text) and text[close] in "，,":
            after = _clause_close(text, close + 1)
            if len(new) + after - close + 1 <= _HEAD_STEM_CHARS:
                new += "，" + text[close + 1 : after]
        return new + "。"
    return ""


def _stem_going_on(
    text: str, stem: str, la: int, lb: int, key_at: int, end_marks: str
) -> tuple[str, int] | None:
    """``stem`` without the ``end_marks`` it ends on, and where its last clause ends in the
    sentence ``text`` (the blank ``stem[la:lb]`` at ``key_at``), when the stem stops there
    while the sentence goes on after a comma; else None (a stem the window marks as cut, …,
    says so itself). What :func:`_with_main_clause_end` and :func:`_with_condition_consequence`
    extend."""
    if stem.endswith("…"):
        return None
    body = stem.rstrip(end_marks)
    key_end = key_at + lb - la
    tail = body[lb:]
    if "…" in tail or text[key_end : key_end + len(tail)] != tail:
        return None
    end = key_end + len(tail)
    if end >= len(text) or text[end] not in "，,":
        return None
    return body, end


def _with_main_clause_end(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A stem the window ends on a clause that only sets up the next one (中国人民正在按照…的
    战略布局。; 亚洲国家率先倡导…，并同非洲国家一道。; …通过长期艰苦努力。; …，以毛泽东同志为
    主要代表的中国共产党人。; blind19 RB #45, RF #6, #47, #50) takes the clauses up to the verb
    when the stem stays within WINDOW_CHARS + 24; else the clause goes when the blank is before
    it, and a stem that is nothing but such clauses (从“民主恳谈”到村务监督，从…到…制度。,
    RA #24) takes its verb's clause after …… (:func:`_with_far_main_clause`), or is no
    question."""
    going_on = _stem_going_on(text, stem, la, lb, key_at, "。！？!?，,；;")
    if going_on is None:
        return stem, la, lb
    body, end = going_on
    last_at = max(body.rfind(c) for c in "，,；;") + 1
    if not _sets_up_next_clause(body[last_at:]):
        return stem, la, lb
    done = _clauses_to_done(text, body, end, _MAIN_CLAUSE_REACH, _sets_up_next_clause)
    if done is not None:
        return done, la, lb
    clauses = [c for c in re.split(r"[，,；;]", body) if c]
    if all(_sets_up_next_clause(c) for c in clauses):
        return _with_far_main_clause(text, body, end), la, lb
    if last_at > lb and not _sets_up_next_clause(body[: last_at - 1].split("，")[-1]):
        return body[: last_at - 1] + "。", la, lb  # (the blank is in the clauses before)
    return stem, la, lb


def _clauses_to_done(
    text: str,
    body: str,
    end: int,
    reach: int,
    still_open: Callable[[str], bool],
    key: str | None = None,
) -> str | None:
    """``body`` (a stem's text up to ``end`` in ``text``) with the comma clauses after it taken
    one by one while each ``still_open`` (sets up the next), up to ``reach`` clauses, ending on
    the first that completes it, with 。; None when the stem would pass _HEAD_STEM_CHARS, a clause
    holds ``key``, the sentence stops on another mark or the reach runs out."""
    new, at = body, end
    for _ in range(reach):
        close = _clause_close(text, at + 1)
        clause = text[at + 1 : close]
        new += "，" + clause
        if len(new) + 1 > _HEAD_STEM_CHARS or (key is not None and key in clause):
            return None
        if not still_open(clause):
            return new + "。"
        if close >= len(text) or text[close] not in "，,":
            return None
        at = close
    return None


def _without_cut_connective(stem: str, la: int, lb: int) -> tuple[str, int, int]:
    """A stem ending on a connective whose clause the window cut (…为中华民族谋复兴，从此。) ends
    before it (blind18 QF #28); a list's enumerator opening it (五是要学习党史、…) goes when
    the list is not shown (QA #30, QB #23)."""
    for word in _DANGLING_CONNECTIVES:
        for stop in "。！":
            tail = "，" + word + stop
            if stem.endswith(tail) and len(stem) - len(tail) >= lb:
                stem = stem[: -len(tail)] + stop
    m = _LIST_ENUMERATOR.match(stem)
    if m and m.end() <= la and not _LIST_ENUMERATOR_INSIDE.search(stem, m.end()):
        cut = m.end() - (1 if m.group().endswith("要") and not m.group().endswith("是要") else 0)
        cut = len(m.group()) if m.group()[-1] == "是" else cut
        stem, la, lb = stem[cut:], la - cut, lb - cut
    return stem, la, lb


# --- stems that are no whole statement (eighteenth session, helper "stems22") ---

# a connective opening a clause inside its sentence that says how it goes on from the clause
# before (…的积极作用，|同时有效地防止…; …，|但…; …，|从而…): the clause before is half of it
_LINKING_OPENING = re.compile(
    r"(?:同时|与此同时|但是|但|然而|可是|不过|因此|所以|因而|从而|进而|而且|并且|否则|不然"
    r"|那样(?=[，,]))(?![期代间])"
)
# a connective opening a sentence, linking it to the sentence before (但帝国主义者…依然存在):
# the statement stands without it
_SENTENCE_CONNECTIVE = re.compile(
    r"(?:(?:但是|但|然而|可是|不过)(?![，,是])|(?:但是|然而|可是|不过|同时|因此|所以|因而|此外|另外|总之|与此同时)[，,])"
)
# a clause summing up what came before it in its sentence (…，这是完全错误的; …，这就是…)
_SUMMING_CLAUSE = re.compile(r"[，,](?:这|这就|这也|这都|这正|这同样|这又)(?:是|就是)")
# a clause comparing with an item cut off before it (…进行剖析，这也是多年来少有的)
_ALSO_CLAUSE = re.compile(r"[，,](?:这|那)(?:也|同样|又|还)")


def _item_start(text: str, at: int) -> int:
    """Where the ；-item holding text[at] starts."""
    return max(text.rfind(c, 0, at) for c in "；;") + 1


def _with_linked_clause(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A window copied from a clause start after a comma whose clause opens on a linking
    connective (同时有效地防止…的滋长蔓延: 同时 with what? blind22 VA #20, VB #16, #19) takes in
    the clauses before it in its ；-item back to one that does not open on one, when the stem
    stays within _HEAD_STEM_CHARS; else it stays."""
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if s_from != 0 or start <= 0 or text[start - 1] not in "，,":
        return stem, la, lb
    if not _LINKING_OPENING.match(text, start):
        return stem, la, lb
    starts, ends = _clause_edges(text)
    k = bisect_right(starts, start) - 1
    if k <= 0 or starts[k] != start:
        return stem, la, lb
    first = k - 1
    while first >= 0 and text[ends[first] - 1] not in "；;":
        clause = text[starts[first] : ends[first] - 1]
        if clause in _CONNECTIVES or len(clause) <= 2:
            return stem, la, lb  # (同时，|而且…: the clause before is a connective alone)
        if not _LINKING_OPENING.match(clause) and _leans_back(clause) is None:
            break
        first -= 1
    if first < 0 or text[ends[first] - 1] in "；;":
        return stem, la, lb
    while first > 0 and text[ends[first - 1] - 1] not in "；;":
        if not _CONDITION_OPENING.match(text, starts[first - 1]):
            break
        first -= 1  # (如果没有…，中国革命…还没有胜利，|那样，…: the condition goes in front too)
    lead = text[starts[first] : start]
    if len(lead) + len(stem) > _HEAD_STEM_CHARS:
        return stem, la, lb  # (clauses after the blank stay: 免予党纪处分 is the rule's point)
    if stem[la:lb] in lead:
        return stem, la, lb  # (…要带头严格执行中央八项规定精神，|同时…: the lead prints the key)
    return lead + stem, la + len(lead), lb + len(lead)


def _with_summed_up_clauses(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A window copied from a clause start after a comma that runs into a clause summing up
    what came before it (认为可以抛弃“（节制资本）”的口号，这是完全错误的: the 如果认为… that
    这 sums up is cut, blind22 VB #24, VD #28, VE #28, VF #24) opens at its ；-item's start
    when the stem stays within WINDOW_CHARS + 12 and the lead is no speaker's frame (全会提出，);
    else it stays."""
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if s_from != 0 or start <= 0 or text[start - 1] not in "，,":
        return stem, la, lb
    summed = _SUMMING_CLAUSE.search(text, key_at, end)
    if summed is None:
        return stem, la, lb
    first = _item_start(text, start)
    lead = text[first:start]
    if len(lead) + len(stem) > WINDOW_CHARS + 12 or _ANY_SPEAKER_LEAD.match(lead):
        return stem, la, lb
    if stem[la:lb] in lead:
        return stem, la, lb
    if "“" in lead and "”" not in lead:
        return stem, la, lb
    return lead + stem, la + len(lead), lb + len(lead)


# a lead whose first clause is a speaker's frame (全会提出，/ 他强调，/ 我们认为，): what follows
# is what was said, whose window was cut after it on purpose
_ANY_SPEAKER_LEAD = re.compile(
    r"[^，,；;]{0,16}(?:提出|指出|强调|认为|表示|说|指明|明确|宣布)[，,：:]"
)


def _without_opening_connective(s_text: str, stem: str, la: int, lb: int) -> tuple[str, int, int]:
    """A stem opening on its sentence's first word when that word links the sentence to the one
    before it (但帝国主义者直接经营的…依然存在; 但是我们的事情还很多) opens after it: the
    statement stands without it (blind22 VA #26, VB #38)."""
    m = _SENTENCE_CONNECTIVE.match(stem)
    if m is None or m.end() > la or not s_text.startswith(stem[: m.end()]):
        return stem, la, lb
    cut = m.end()
    if len(stem) - cut - (lb - la) < _GIVEAWAY_REST:
        return stem, la, lb
    return stem[cut:], la - cut, lb - cut


def _without_cut_item_tail(s_text: str, stem: str, la: int, lb: int) -> tuple[str, int, int]:
    """A stem that runs past its blank into the next ；-item and stops at that item's first comma
    (…进行剖析，这也是多年来少有的；充分发扬民主。: a fragment, blind22 VA #1, #4, VB #3, VC
    #10, VD #5, VE #3, VF #1) ends at the ；; a last clause after the blank comparing with an
    item the stem does not show (，这也是…/，这同样是…) goes as well."""
    semi = stem.rfind("；", lb)
    if semi >= 0:
        piece = stem[semi + 1 :].rstrip("。！")
        if piece and not any(c in piece for c in "，,；;") and piece + "，" in s_text:
            stem = stem[:semi] + "。"
    if "；" not in stem[:la]:
        also = list(_ALSO_CLAUSE.finditer(stem, lb))
        if also and not any(c in stem[also[-1].end() :] for c in "，,；;"):
            rest = stem[: also[-1].start()]
            if len(rest) - (lb - la) >= _GIVEAWAY_REST:
                stem = rest + "。"
    return stem, la, lb


# how a clause opens that is the predicate of a subject standing alone before it (…的不正确态度，
# |在抗日时期并没有完全克服; …的外国反动派，|就是…): an adverb, a modal or a copula, after a
# 在-adverbial at most
_PREDICATE_AFTER_SUBJECT = re.compile(
    r"(?:在[^，,；;。]{1,12}?)?(?:并没有|没有|并未|并不|也许|就是|也是|都是|是|已经|曾经|曾|仍然|依然"
    r"|还是|又|也|都|必将|正在|不能|不会|应当|必须)"
)


def _is_bare_noun_phrase(clause: str) -> bool:
    """Is ``clause`` a noun phrase alone (我们党内由…所养成的对待党外民主人士的不正确态度): a 的
    with no more than a noun after it, no verb (jieba's v) past the 的?"""
    at = clause.rfind("的")
    head = clause[at + 1 :]
    if at < 0 or not 2 <= len(head) <= 8 or not _han(head) == len(head):
        return False
    words = jieba_cut(head)
    return bool(words) and word_tag(words[-1]) == "" and not any(word_tag(w) == "v" for w in words)


def _with_subject_predicate(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A stem that is its sentence's first clause alone, a noun phrase the window cut from its
    predicate (我们党内由（土地革命战争时期）的关门主义作风所养成的对待党外民主人士的不正确态度。:
    blind22 VA #22, VD #25, VE #23), takes the next clause, the predicate, when it opens on an
    adverb, modal or copula (:data:`_PREDICATE_AFTER_SUBJECT`), does not print the key and the
    stem stays within WINDOW_CHARS + 24; else it stays."""
    body = stem.rstrip("。！？!?")
    if body != stem[:-1] or not text.startswith(body) or lb > len(body):
        return stem, la, lb
    end = len(body)
    if end >= len(text) or text[end] not in "，," or any(c in body for c in "，,；;：:“”"):
        return stem, la, lb
    if not _is_bare_noun_phrase(body) or "是" in body[:la] + body[lb:]:
        return stem, la, lb  # (（　　）是中华民族的根和魂: a copula's statement, whole)
    close = _clause_close(text, end + 1)
    clause = text[end + 1 : close]
    if not _PREDICATE_AFTER_SUBJECT.match(clause) or stem[la:lb] in clause:
        return stem, la, lb
    if len(body) + len(clause) + 2 > _HEAD_STEM_CHARS:
        return stem, la, lb
    return body + "，" + clause + "。", la, lb


# a clause of condition, concession or aim that only sets up the clause after it (…，如果没有
# 坚强的领导核心、科学的理论指引，|是难以想象的; 即是：深知欲达到胜利，|“必须唤起民众…”)
_CONDITION_OPENING = re.compile(
    r"(?:如果|假如|倘若|若(?!干)|要想|一旦|即使|纵然|虽然|尽管|深知欲|欲(?!望))"
)
_CONDITION_REACH = 3  # the most clauses a stem ending on a condition takes to reach its verb


def _with_condition_consequence(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A stem the window ends on a clause of condition or aim (…的（根本大计），如果没有坚强的
    领导核心、科学的理论指引。; …即是：深知欲达到胜利。: blind22 VB #31, VC #37) takes the clauses
    up to the one that says what follows from it, within WINDOW_CHARS + 24; else that clause
    goes when the blank is before it and what is left is no bare noun phrase; else it stays."""
    going_on = _stem_going_on(text, stem, la, lb, key_at, "。！？!?")
    if going_on is None:
        return stem, la, lb
    body, end = going_on
    last_at = max(body.rfind(c) for c in "，,；;：:") + 1
    if not _CONDITION_OPENING.match(body, last_at):
        return stem, la, lb
    done = _clauses_to_done(
        text,
        body,
        end,
        _CONDITION_REACH,
        lambda clause: bool(_CONDITION_OPENING.match(clause)) or _sets_up_next_clause(clause),
        key=stem[la:lb],
    )
    if done is not None:
        return done, la, lb
    rest = body[: last_at - 1]
    if last_at > lb and not _is_bare_noun_phrase(re.split(r"[，,；;：:]", rest)[-1]):
        return rest + "。", la, lb
    return stem, la, lb


# the main clause of a condition the sentence states without 只有 (正确分析和认识形势，|才能…)
_BARE_CONDITION_MAIN = re.compile(r"才(?:能|会|可能|可以)")
_BARE_CONDITION_CHARS = 24  # the longest first clause that goes in front as such a condition


def _with_bare_condition_lead(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A stem opening on 才能 (才会, 才可能) of a sentence that states its condition without
    只有, in its first clause (正确分析和认识形势，才能…；才能把握好改革发展稳定的关系，（统筹
    兼顾）地处理好…), takes that clause in front: whole when it comes right before the stem,
    else with …… (blind22 sanjiang; :func:`_with_condition_lead` does it for 只有). A first
    clause over 24 characters, or one with a 才 of its own, is not shown."""
    start = key_at - la
    if start <= 0 or text[start:key_at] != stem[:la] or not _BARE_CONDITION_MAIN.match(stem):
        return stem, la, lb
    if "只有" in text[:start] or text[start - 1] not in "，,；;":
        return stem, la, lb
    end = min((i for i in (text.find(c) for c in "，,；;：:") if i >= 0), default=-1)
    if end <= 0 or end >= start or end > _BARE_CONDITION_CHARS or "才" in text[:end]:
        return stem, la, lb
    if _ANY_SPEAKER_LEAD.match(text[: end + 1]) or stem[la:lb] in text[:end]:
        return stem, la, lb
    lead = text[: end + 1] if end + 1 == start else text[:end] + "，……"
    return lead + stem, la + len(lead), lb + len(lead)


_ITEMS_SUBJECT_CHARS = 24  # the longest subject of a sentence's ；-items that goes in front


def _with_items_subject(
    text: str, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A window copied from a ；-item start that opens on a verb marked for aspect, in a sentence
    whose first clause is its subject standing alone and whose first item goes on with a verb
    marked for aspect as well (毛泽东在这次会议上所作的报告，提出了…；|说明了…；|规定了…: blind22
    VB #25, VD #27, VE #22, VF #27) takes that subject in front with …… (it is every item's),
    when it has 24 characters or fewer, does not print the key and the stem stays within
    WINDOW_CHARS + 24; else it stays."""
    start, _, s_from, _ = _source_span(text, stem, la, key_at)
    if s_from != 0 or start <= 0 or text[start - 1] not in "；;":
        return stem, la, lb
    if not _opens_on_aspect(text[start : start + 8]):
        return stem, la, lb
    first = min((i for i in (text.find(c) for c in "，,") if i >= 0), default=-1)
    if first <= 1 or first > _ITEMS_SUBJECT_CHARS or any(c in text[:first] for c in "；;：:"):
        return stem, la, lb
    subject = text[:first]
    if not _opens_on_aspect(text[first + 1 : first + 9]):
        return stem, la, lb
    if not (_noun_subject(subject) or _is_bare_noun_phrase(subject)) or stem[la:lb] in subject:
        return stem, la, lb
    lead = subject + "……"
    if len(lead) + len(stem) > _HEAD_STEM_CHARS:
        return stem, la, lb
    return lead + stem, la + len(lead), lb + len(lead)


# -- a stated change of course: 由A转变为B (old-voice and report prose) -----------------------
# 党的工作重心由乡村移到了城市; 中国由农业国转变为工业国; 经济已由高速增长阶段转向高质量发展阶段:
# a thesis naming where something moves from and to. The verbs of such a change; 发展为 and
# 变为 are left out (由于…发展为…错误: a cause, not a course).
_TRANSITION = re.compile(
    r"由(?P<a>[\u4e00-\u9fff]{2,10}?)"
    r"(?P<verb>转变为|转变成|转向|转到|转移到|移到了|移到|进到|变成了|变成|过渡到)"
    r"(?P<b>[\u4e00-\u9fff]{2,16})"
)
# a 由 that opens no "from": 由于, 由此, 自由, 理由 …
_NOT_FROM_BEFORE = frozenset("自理经缘不任听")
_NOT_FROM_AFTER = frozenset("于此衷")
# what may close the destination after 的 (…社会主义社会的发展方向): a noun naming the change
_TRANSITION_TAILS = ("发展方向", "方向", "目标", "任务", "过程", "转变", "历史性转变")
# words before the subject that report or cause the change (指出了中国由…; 使中国…)
_TRANSITION_LEADS = re.compile(r"^(?:.*?(?:指出了|说明了|指出|说明|标志着|要求|推动|促进|使|实现))")
_TRANSITION_STEM_CHARS = 90


def _transition_destination(rest: str) -> str | None:
    """The destination B of ``由A…B`` from what follows the verb to the clause's end, or None:
    B closes the clause, or a 、 that opens the next change (、由…), or a 的 before a noun naming
    the change (社会主义社会的发展方向). B running into a list (并跑、领跑) or a long tail is
    no thesis."""
    if "、" in rest:
        head, _, after = rest.partition("、")
        if not after.startswith("由"):
            return None
        rest = head
    for tail in _TRANSITION_TAILS:
        if rest.endswith("的" + tail) and len(rest) - len(tail) - 1 >= 3:
            rest = rest[: -len(tail) - 1]
            break
    if not 2 <= len(rest) <= 14 or _han(rest) != len(rest):
        return None
    if rest.endswith(("的", "了", "和", "与", "及")):
        return None
    return rest


def transition_parts(clause: str) -> list[tuple[int, str, str, str]]:
    """The changes of course stated in one clause: (where 由 is, A, verb, B) for each
    ``由A转变为B`` whose 由 opens a "from" (not 由于, 自由…), A of two to ten characters
    and B closing the clause (:func:`_transition_destination`). Two changes joined by 、 are both
    read (中国由农业国转变为工业国、由新民主主义社会转变为社会主义社会的发展方向)."""
    found = []
    for m in _TRANSITION.finditer(clause):
        at = m.start()
        if at > 0 and clause[at - 1] in _NOT_FROM_BEFORE:
            continue
        if m.group("a")[0] in _NOT_FROM_AFTER:
            continue
        rest = clause[m.start("b") :]
        nxt = rest.find("、由")
        b = _transition_destination(rest if nxt < 0 else rest[:nxt])
        if b is None or b == m.group("a"):
            continue
        found.append((at, m.group("a"), m.group("verb"), b))
    return found


def _transition_stem(text: str, a: int, b: int) -> str | None:
    """The stem around a change blanked at text[a:b]: the sentence when short, else the clause
    holding it (and the one before when the change opens its clause with 由, to show whose
    change it is), ending on 。."""
    stem = text[:a] + BLANK + text[b:]
    if len(text) <= _TRANSITION_STEM_CHARS:
        stem = stem.rstrip("，,；;：:")
        return stem if stem[-1:] in "。！？" else stem + "。"
    marks = "，,；;。！？：:"
    lo = max(text.rfind(c, 0, a) for c in marks) + 1
    if text[lo:a].lstrip().startswith("由") and lo > 0:
        lo = max(text.rfind(c, 0, lo - 1) for c in marks) + 1
    hi = min((i for i in (text.find(c, b) for c in marks) if i >= 0), default=len(text))
    window = text[lo:a] + BLANK + text[b:hi]
    if len(window) > _TRANSITION_STEM_CHARS:
        return None
    return window + "。"


def transition_clozes(ctx: Context, asked: Sequence[Question]) -> Iterator[Question]:
    """填空 on the destination of a change of course the text states (党的工作重心由乡村移到了
    （　　）; 中国由农业国转变为（　　）; 经济已由高速增长阶段转向（　　）): the thesis says where
    the work, the economy or the country goes, and the starting point shown pins it. A teacher
    asks it as it stands; the whole change (its subject when the clause names one) is among the
    keys. None where a question on the same sentence already blanks a piece of the destination
    (高质量发展 of the lexicon). Cloze only.
    """
    tainted = ctx.ex.doc.tainted
    blanked: dict[str, list[str]] = {}
    for q in asked:
        if q.kind == "cloze":
            blanked.setdefault(q.source, []).extend(a for a in q.answer if isinstance(a, str))
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or "由" not in s.text:
            continue
        for m in _CLAUSE_BODY.finditer(s.text):
            clause = m.group(0)
            for at, a, verb, dest in transition_parts(clause):
                start = m.start() + at + 1 + len(a) + len(verb)
                end = start + len(dest)
                if noise.overlaps(s.start + start, s.start + end, tainted):
                    continue
                if any(len(x) >= 2 and (x in dest or dest in x) for x in blanked.get(s.text, ())):
                    continue
                stem = _transition_stem(s.text, start, end)
                if stem is None or _readable(dest, stem):
                    continue
                change = f"由{a}{verb}{dest}"
                lead = clause[:at].strip()
                lead = _TRANSITION_LEADS.sub("", lead) if _TRANSITION_LEADS.match(lead) else lead
                whole = lead + change if 2 <= len(lead) <= 12 and _han(lead) == len(lead) else ""
                key = KeyPhrase(dest, "thesis", s.index, s.start + start, s.start + end, 0.6)
                q = _whole_named_cloze(ctx, s, key, stem, change, _accepted(ctx, key), change)
                if whole:
                    q.keys = [whole, *q.keys]
                yield q


# -- a stem that starts where its sentence starts (helper "whole") --------------------------
# the most characters a stem shows up to the end of its blank's clause once it takes its
# sentence from the start, and the most it shows in all (a phone shows about 120 comfortably)
_WHOLE_TO_KEY = 100
_WHOLE_CHARS = 120


def _from_sentence_start(
    ctx: Context, s: Sentence, stem: str, la: int, lb: int, key_at: int
) -> tuple[str, int, int]:
    """A stem that starts inside its sentence (…，全力推进（　　）进程，…) takes the sentence
    from its start, or from the start of the ；-item that holds its blank when that item has a
    subject of its own, so it reads as a whole statement (blind18–23: a stem from the sentence's
    start is usable far more often than one from mid-sentence; the reviewers' most named fault
    is a stem that lost its subject). What it takes is verbatim: no placeholder clause, no lead
    that prints the key or a word of a list key's items, a connective heading the sentence
    (另一方面，) and a speaker's own lead (我多次强调，) left out. It holds when the stem reaches
    the end of its blank's clause within :data:`_WHOLE_TO_KEY` characters; clauses after that go
    from the end (not the start) to keep the stem within :data:`_WHOLE_CHARS`, unless one that
    goes leans on the clause before (，是…的必然要求: the predicate of what is shown). A stem
    with …… or a lead the window wrote is left as it is."""
    if "…" in stem:  # (…… or a window's cut)
        return stem, la, lb
    text = s.text
    start, end, s_from, s_to = _source_span(text, stem, la, key_at)
    if s_from != 0 or start <= 0 or _names_own_subject(stem, la):
        return stem, la, lb
    key = stem[la:lb]
    pieces = _key_pieces(key) if "、" in key else set()
    tainted = _local_tainted(ctx, s)
    item = max(text.rfind("；", 0, start), text.rfind(";", 0, start)) + 1
    for c in (0, item) if 0 < item < start else (0,):
        c = _statement_start(text, c)
        if c >= start:
            return stem, la, lb
        if c > 0 and (_leans_back(text[c:]) is not None or text.startswith(_LEADLESS, c)):
            continue  # (an item that goes on with the first item's subject)
        lead = text[c:start]
        if not _names_own_subject(lead, len(lead)):
            continue  # (广泛深入开展…，|完善以…: a lead with no subject of its own adds none)
        if any(p < start and q > c for p, q in tainted):
            continue
        if key in lead or any(p in lead for p in pieces):
            continue
        shown = stem[:la] + "|" + stem[lb:]
        if any(p in lead and p not in shown for p in _key_bigrams(key)):
            continue  # (伟大社会革命 before （伟大斗争）: a lead sharing a word with the key)
        got = _whole_within(lead + stem, la + len(lead), lb + len(lead))
        if got is not None:
            return got
    return stem, la, lb


# a sentence's opening clause that only places it after the sentence before (之后，习近平同志…)
_SEQUEL_LEADS = frozenset(
    "之后 此后 其后 随后 后来 然后 接着 同年 次年 当时 这时 那时 对此".split()
)


def _statement_start(text: str, at: int) -> int:
    """Where the statement opening at ``at`` starts: after a layout dash, a connective heading
    it (另一方面，/ 第三，) and a speaker's own lead (我多次强调，)."""
    while at < len(text) and text[at] in _LAYOUT_LEAD:
        at += 1
    head = text[at:].split("，", 1)[0]
    if head in _CONNECTIVES or head in _SEQUEL_LEADS or _DISCOURSE_ORDINAL.fullmatch(head):
        at += len(head) + 1
    m = _SPEAKER_LEAD.match(text, at)
    if m is not None:
        at = m.end()
    return at


def _whole_within(stem: str, la: int, lb: int) -> tuple[str, int, int] | None:
    """``stem`` within :data:`_WHOLE_CHARS`, clauses after the blank's clause going from its
    end; None when its blank's clause ends past :data:`_WHOLE_TO_KEY` or a clause that would go
    leans on the one before it."""
    ends = [i for i in (stem.find(c, lb) for c in "，,；;。！？") if i >= 0]
    own_end = min(ends, default=len(stem))
    if own_end > _WHOLE_TO_KEY:
        return None
    while len(stem) > _WHOLE_CHARS:
        cut = max(stem.rfind(c, own_end, len(stem) - 1) for c in "，,；;")
        if cut < own_end:
            return None
        rest = stem[cut + 1 :]
        if rest.startswith(_LEANING) or _leans_back(rest) is not None:
            return None
        stem = stem[:cut] + "。"
    return stem, la, lb


# one-character words that open a clause with no subject of its own: a modal, a preposition or
# coverb, an adverb, or a pronoun pointing back (要…, 把…, 以…为…, 也…, 这…)
_SUBJECTLESS_OPENERS = frozenset(
    "要 把 以 在 对 为 将 使 让 从 向 与 同 由 被 给 按 是 有 也 都 还 又 并 就 才 更 再 已 不"
    " 这 那 其 此 他 她 它 该 而 但 即 且 则 如 若".split()
)


def _names_own_subject(stem: str, la: int) -> bool:
    """Does ``stem`` open on a clause that names its own subject (党中央从…出发，提出…; 人民生活
    全方位改善): its first word is neither a verb, adjective or function word jieba tags
    (坚持, 推进, 深化, 不断) nor one of :data:`_SUBJECTLESS_OPENERS`? A stem opening on its
    blank counts as naming it."""
    if la == 0:
        return True
    words = jieba_cut(stem[: min(la, 12)], hmm=False)
    first = words[0] if words else ""
    if (
        not first
        or first == "我"
        or first in _SUBJECTLESS_OPENERS
        or first[0] in _SUBJECTLESS_OPENERS
    ):
        return False
    return word_tag(first) not in ("v", "a", "p", "d", "c")  # (改革开放 vn names it)


def _key_bigrams(key: str) -> set[str]:
    """The two-character pieces of ``key`` (of each 、-item), of Chinese characters only."""
    return {
        item[i : i + 2]
        for item in key.split("、")
        for i in range(len(item) - 1)
        if _han(item[i : i + 2]) == 2
    }


def spliced_without_subject(stem: str) -> bool:
    """Does ``stem`` splice its sentence with …… and go on after the last …… with a clause that
    names no subject of its own (……坚持（　　）…)? Such stems were usable 11 times in 41 as served
    on blind18–23 and 54 in 75 on the older sets, against 69% and 84% for stems from the
    sentence's start (helper "whole", judged served rows): a quiz serves them last."""
    if "……" not in stem:
        return False
    rest = stem.rsplit("……", 1)[1]
    at = rest.find(BLANK)
    return bool(rest) and not _names_own_subject(rest, at if at >= 0 else len(rest))


# -- a stem that opens on a word pointing back past its sentence (helper "reach") -----------
# a connective that answers or turns from what the sentence before said (但是至少需要（　　）;
# 另一方面不同程度地存在…; 那末，就得和群众…)
_BACK_CONNECTIVES = ("但是", "不过", "然而", "可是", "另一方面", "那末", "那么")
# a pronoun or a 这/那 that sums up things the sentence before named (这两个方面, 这两股歪风,
# 这种精神, 这是…, 二者, 它); a 这 of the here and now (这次, 这几年, 这五年, 这个制度体系中)
# points at no earlier sentence and is left alone
_BACK_POINTERS = re.compile(
    r"(?:[这那](?:[两二三四几][个股种条点项方者]|些|种|样|是|就是|也是)|二者|两者|前者|后者|它们|它)"
)


def opens_pointing_back(stem: str) -> bool:
    """Does ``stem`` open on a word whose sense lies in the sentence before it: a connective
    that turns from or answers it (但是, 不过, 另一方面, 那末) or a pronoun summing up what it
    named (这两个方面, 这两股歪风, 这种精神, 二者, 它)? Judged rows asked normally before this
    rule: 30 failing, 0 usable on blind18–24, none on the older sets. The subject such a stem
    leans on is beyond its sentence, so no stem of the sentence restores it: a quiz serves it
    last (``Question.weak``). 他们 is not among them (blind12's
    他们同全国各族人民一道… read usable 14 times; blind24's 他们和汀州市的… failed 13)."""
    return stem.startswith(_BACK_CONNECTIVES) or _BACK_POINTERS.match(stem) is not None
