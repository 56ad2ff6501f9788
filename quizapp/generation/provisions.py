"""Regulation provisions: the questions a 党支部 asks on a normative text (党章, 细则, 条例).

A quiz on a regulation asks its substance: the quantity a provision fixes (预备期为（一年）,
公示期不少于（五个工作日）), the body a procedure belongs to (预备党员必须由（党委）审批) and the
terms its chapters define (第二章 入党积极分子的确定和培养教育 → 入党积极分子). Three families:

- quantities: a numeral + unit of time, count or age in a normative clause gets a 填空 (the
  quantity blanked, 不少于/不超过/内 kept), a 单选 with lures of the same unit and nearby size on
  the unit's ladder (一年 → 半年/两年/三年) and a false 判断 with the number swapped;
- bodies: the organ Y of `由/报/经 Y + 审批/批准/负责…` gets a 填空, a 单选 among the other organs
  the text names, and a false 判断 with another organ;
- terms: a term a chapter heading or a `X的主要任务是/手续是…` article names is blanked where a
  normative sentence opens on it; a person-stage term (…分子, …对象, …党员, …人) also gets a 单选
  among the text's other stages.

Never statistics (增长, 同比, %, 亿…), never a placeholder, never a date. Bodies and the loose
normative words (应当, 必须, 可以, 一般, 每…) need an article-structured text (three `第N条`
openings); the strict quantity words (不少于, 不超过, 至少, 以内, 之日起…) count anywhere.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator

from . import noise
from .builders import (
    Context,
    _difficulty,
    _fixed_rng,
    _readable,
    _rng,
    _shuffle,
    _window,
    question_id,
)
from .model import BLANK, Question, Sentence
from .segment import cn_number, cn_numeral

# score of a provision question for the quiz pick: the rule's substance, asked as written
PROVISION_SCORE = 0.68

_CN_NUMERALS = "一二两三四五六七八九十百半"
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]+条[\u3000 ]*")
_CHAPTER = re.compile(r"^第[一二三四五六七八九十百零〇]+[章节][\u3000 ]*")
# a quantity: numeral (or a range 一至两) + unit; units longest first
_UNITS = ("个工作日", "工作日", "个学时", "学时", "小时", "个月", "周岁", "岁", "年", "日", "天",
          "名", "人", "次", "周")  # fmt: skip
_QUANTITY = re.compile(
    rf"(?<![0-9０-９〇零{_CN_NUMERALS}第月])"
    rf"((?:[0-9]+|[{_CN_NUMERALS}]+)(?:至(?:[0-9]+|[{_CN_NUMERALS}]+))?)"
    rf"({'|'.join(_UNITS)})"
)
# words that make a clause a rule rather than a record
# (年满 only before its age: 今年满打满算还有不到10个月 is a speech's count, blind10 EF #20)
_STRICT_NORMS = re.compile(
    r"不少于|不超过|不得超过|不低于|至少|最长|最短|以内|之内|之日起|期满|期为|为期"
    r"|年满(?=[0-9０-９一二两三四五六七八九十])|不能少于"
)
_LOOSE_NORMS = re.compile(r"应当|必须|不得|不能|不宜|可以|一般|每|以上|以下|内[，。；]")
# the quantity is part of a record, not of a rule
_STATISTICS = re.compile(r"增长|同比|比上年|[%％]|百分点|亿|万元|万人|下降|达到|累计|超过.*[%％]")
# the clause edges of a provision (a 、 does not end one)
_CLAUSE = re.compile(r"[^，；。：！？]+[，；。：！？]?")
_CLAUSE_LEADS = ("但", "并", "且", "并且", "其中")
_BRACKETS = re.compile(r"[（）()“”《》]")
_MODALS = ("应当", "必须", "可以", "一般")

# ladders of the sizes a rule uses, per unit: lures are the nearest other rungs
_LADDERS: dict[str, tuple[float, ...]] = {
    "工作日": (3, 5, 7, 10, 15),
    "月": (1, 2, 3, 6, 12),
    "日": (3, 5, 7, 10, 15, 30),
    "天": (1, 2, 3, 5, 7, 10, 15),
    "年": (0.5, 1, 2, 3, 5),
    "岁": (14, 16, 18, 20, 22, 25, 28),
    "周岁": (14, 16, 18, 20, 22, 25, 28),
    # (a 党组织's size thresholds run to hundreds: 100人 took 2人/3人/5人 as lures, BD #30)
    "名": (1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 80, 100, 150, 200, 300, 500),
    "人": (1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 80, 100, 150, 200, 300, 500),
    "次": (1, 2, 3, 4),
    "学时": (8, 12, 16, 24, 32, 40, 48),
    "小时": (1, 2, 4, 8, 12, 24),
    "周": (1, 2, 3, 4),
}
# units after which 2 reads 两 (两年, 两名, 两个月), not 二
_MEASURE_UNITS = frozenset(_LADDERS) - {"岁", "周岁"}


def _unit_base(unit: str) -> str:
    """The unit without its measure word (个月 → 月, 个工作日 → 工作日)."""
    return unit[1:] if unit.startswith("个") else unit


# the organs a procedure names: a rank, then the organ (longest first)
_ORGAN_CORE = (
    "党委组织部门", "党支部党员大会", "党支部委员会", "党支部", "党总支", "党小组", "党组织",
    "党员大会", "组织部门", "纪律检查委员会", "纪委", "党委", "党组",
)  # fmt: skip
_ORGAN_RANK = "上级|基层|县级以上|县级|省级|省一级|同级|所在|中央|地方"
_ORGAN = re.compile(rf"(?:(?:{_ORGAN_RANK})?(?:{'|'.join(_ORGAN_CORE)})|中央组织部|党中央)")
# 由/报/经 + organ + the act it performs: the organ is the point of the provision
_BODY_ACTS = ("审批", "批准", "负责", "组织", "讨论", "决定", "研究决定", "审查", "审议", "备案",
              "同意", "预审", "解释", "制定", "保存")  # fmt: skip
_BODY = re.compile(rf"(?:由|报|经)({_ORGAN.pattern})(?!组织部门)(?=(?:{'|'.join(_BODY_ACTS)}))")
# ranks that name one level (县级党委 / 省级党委 differ); 上级, 同级, 所在… are relative, and an
# organ of another relative rank may be the same one (上级党委 / 县级以上党委)
_ABSOLUTE_RANKS = ("基层", "县级", "省级", "省一级", "中央")
# cores that, without a rank, name any organ of their kind
_GENERIC_CORES = ("组织部门", "党委组织部门", "党组织")

# a term a chapter heading names: 第二章 入党积极分子的确定和培养教育 → 入党积极分子
_HEADING_TERM = re.compile(r"^([\u4e00-\u9fff]{2,8}?)的")
# a term an article names by its content: 培养联系人…主要任务是, 政治审查的基本方法是
_NAMED_TERM = re.compile(
    r"^([\u4e00-\u9fff]{2,8}?)的(?:主要任务|主要内容|基本方法|手续|主要程序)是"
)
# a stage a procedure moves one into: 确定入党积极分子, 列为发展对象
_STAGE_VERBS = ("中确定", "列为")
# the verbs a named procedure is the object of: 对发展对象进行（政治审查）
_PROCEDURE_VERBS = ("进行",)
_PERSON_ENDINGS = ("分子", "对象", "党员", "申请人", "联系人", "介绍人")
_PERSON_WORD = re.compile(
    rf"[\u4e00-\u9fff]{{2,4}}(?:{'|'.join(_PERSON_ENDINGS[:2] + _PERSON_ENDINGS[3:])})"
    r"|[\u4e00-\u9fff]{2}党员"
)
# what a person stage never holds: an organ (支部党员), a verb (转为正式党员, 发展党员), a
# possessive
_NOT_PERSON = re.compile(
    r"[部委组为的]|^(?:发展|接收|追认|吸收|转为|具备|成为|作为|符合|批准|教育)"
)
_GENERIC_TERM_ENDINGS = ("工作", "问题", "情况")
# how a sentence opens on its subject term: 对/在/向… are no subjects
_TERM_OPENERS = ("", "对", "经")


def is_regulation(ctx: Context) -> bool:
    """Is the text article-structured (three or more sentences opening on 第N条)?"""
    cached = ctx.indexes.get("_is_regulation")
    if cached is None:
        count = sum(1 for s in ctx.ex.doc.sentences if _ARTICLE.match(s.text))
        cached = ctx.indexes["_is_regulation"] = count >= 3
    return bool(cached)


def provision_questions(ctx: Context) -> Iterator[Question]:
    """Every provision question of the text, in reading order of the families."""
    regulation = is_regulation(ctx)
    yield from _quantity_questions(ctx, regulation)
    if regulation:
        yield from _body_questions(ctx)
        yield from _term_questions(ctx)
        yield from _prohibition_questions(ctx)


# -- numerals -----------------------------------------------------------------------------
def _cn_value(numeral: str) -> float | None:
    """The value of a numeral (十八 → 18, 两 → 2, 半 → 0.5, 24 → 24), None when unread."""
    if numeral.isdigit():
        return float(numeral)
    if numeral == "半":
        return 0.5
    value = cn_number(numeral)
    return None if value is None else float(value)


def _cn_numeral(value: float, unit: str, arabic: bool) -> str:
    """The numeral written as the text would (两年, 十八岁, 二十四个学时, 半年)."""
    if value == 0.5:
        return "半"
    n = int(value)
    if arabic or n >= 1000:  # (thousands are not written here: digits rather than a crash)
        return str(n)
    if n == 2 and _unit_base(unit) in _MEASURE_UNITS:
        return "两"
    return cn_numeral(n)


def _quantity_text(value: float, unit: str, arabic: bool) -> str:
    if value == 0.5 and unit == "个月":
        return "半个月"
    return _cn_numeral(value, unit, arabic) + unit


def quantity_lures(numeral: str, unit: str) -> list[str]:
    """Three quantities of the same unit near the answer on the unit's ladder
    (一年 → 半年/两年/三年; 五个工作日 → 三个/七个/十个工作日); [] when unread."""
    ladder = _LADDERS.get(_unit_base(unit))
    if ladder is None:
        return []
    arabic = numeral[0].isdigit()
    low, sep, high = numeral.partition("至")
    if sep:  # a range 一至两名: the neighbouring ranges
        a, b = _cn_value(low), _cn_value(high)
        if a is None or b is None or a >= b or arabic:
            return []
        ranges = [(1, 2), (2, 3), (3, 5), (1, 3), (2, 4)]
        pool = [(x, y) for x, y in ranges if (x, y) != (a, b)][:3]
        return [
            f"{_cn_numeral(x, unit, False)}至{_cn_numeral(y, unit, False)}{unit}" for x, y in pool
        ]
    value = _cn_value(numeral)
    if value is None or value <= 0:
        return []
    rungs = [r for r in ladder if r != value and not (r == 0.5 and unit != "年")]
    rungs.sort(key=lambda r: (abs(math.log(r / value)), r))
    return [_quantity_text(r, unit, arabic) for r in rungs[:3]]


# -- stems --------------------------------------------------------------------------------
# a last clause that leads into the rule rather than states it (在…的基础上, …后, …时)
_LEAD_CLAUSE = re.compile(
    r"(?:^|[，；])(?:在|对|经|按照|根据)[^，；。]*(?:基础上|前提下|情况下|过程中|后|时)。$"
)
# a provision this short is shown whole; a longer one (up to _LONG_SENTENCE) when the window
# would end before the clause that states its rule
_SHORT_SENTENCE = 72
_LONG_SENTENCE = 96


def _stem_of(ctx: Context, s: Sentence, start: int, end: int) -> tuple[str, int, int, bool] | None:
    """(window text, key start, key end in it, opens the sentence), the article number cut."""
    whole = not ctx.ex.doc.sentence_tainted(s) and len(s.text) <= _SHORT_SENTENCE
    if not whole:
        text, a, b = _window(ctx, s, start, end)
        # the window may end before the rule it states (年满十八岁的…先进分子，承认党的纲领和
        # 章程。 without 可以申请加入中国共产党): then the sentence is read whole, when not too long
        shown = text.rstrip("。")
        at = s.text.find(shown) if shown else -1
        tail = s.text[at + len(shown) :] if at >= 0 else ""
        whole = (
            bool(tail)
            and len(s.text) <= _LONG_SENTENCE
            and not ctx.ex.doc.sentence_tainted(s)
            and bool(_LOOSE_NORMS.search(tail) or _STRICT_NORMS.search(tail))
        )
    if whole:
        # (a short sentence is read whole too: the window drops a clause sharing a word with the
        # key as a cue, 经上级党委审查，报（省一级党委）批准, but organs and units share their
        # cores without giving one away)
        text, a, b = s.text, start - s.start, end - s.start
    if not text:
        return None
    lead = _LEAD_CLAUSE.search(text) if not whole and text.endswith("。") else None
    if lead is not None:
        # …的入党积极分子，在听取…意见的基础上。: the rule this lead opens is cut off. The lead
        # goes instead and the rule is read on (…的入党积极分子，…可列为发展对象; F4 #26); a stem
        # that would still run too long is not asked
        shown = text.rstrip("。")
        at = s.text.find(shown)
        cut = lead.start() if text[lead.start()] in "，；" else -1
        if at < 0 or cut <= b:
            return None
        text = text[:cut] + s.text[at + len(shown) :]
        if len(text) > _LONG_SENTENCE or not text.endswith("。"):
            return None
    if not whole and text.startswith(_MODALS):
        # 应当在（一个月）内派人同入党申请人谈话: the rule's subject and occasion (党组织收到入党
        # 申请书后，) lie before the window; they go back in, the window's tail giving way
        at = s.text.find(text.rstrip("。，…"))
        head = s.text[:at] if at > 0 else ""
        if head and len(head) + len(text) <= _LONG_SENTENCE and text[a:b] not in head:
            text, a, b = head + text, a + len(head), b + len(head)
    opens = s.text.startswith(text)
    article = _ARTICLE.match(text)
    if article is not None:
        cut = article.end()
        if a < cut:
            return None
        text, a, b = text[cut:], a - cut, b - cut
    if text.startswith(("（", "(")):
        return None  # the issue line, or an item of a list whose lead is elsewhere
    return text, a, b, opens


def _clause_at(text: str, at: int) -> str:
    """The clause of ``text`` holding offset ``at``, without its lead (但/并…) and end mark."""
    for m in _CLAUSE.finditer(text):
        if m.start() <= at < m.end():
            clause = _ARTICLE.sub("", m.group(0)).rstrip("，；。：！？")
            for lead in _CLAUSE_LEADS:
                if clause.startswith(lead) and len(clause) - len(lead) >= 6:
                    clause = clause[len(lead) :]
                    break
            return clause
    return ""


def _question(
    ctx: Context,
    kind: str,
    template: str,
    key: str,
    s: Sentence,
    stem: str,
    answer: object,
    options: list[str],
    keys: list[str],
    explanation: str,
) -> Question:
    qid = question_id(ctx.doc_key, kind, template, key, s.text)
    if options:
        options = _shuffle(options, _rng(ctx, qid))
    q = Question(
        id=qid,
        kind=kind,  # type: ignore[arg-type]
        stem=stem,
        options=options,
        answer=answer,
        keys=keys,
        source=s.text,
        explanation=explanation,
        accepted=[[key]] if kind == "cloze" else [],
        paragraph=s.paragraph,
        difficulty=_difficulty(kind, key),
        template=template,
    )
    ctx.scores.setdefault(qid, PROVISION_SCORE)
    return q


# a clause of 25–30 characters is named whole only when it states the rule itself (每年至少组织
# 1次…, 在材料形成后1个月内…移交), not a subject that leads up to it (对经过一年以上…的入党积极
# 分子, …拟列为发展对象的)
_LONG_NAMED = re.compile(r"^(?!对|经过).*(?:应当|必须|至少|不少于|不超过|以内|内主动|每).*[^的]$")


def _asked(
    ctx: Context,
    s: Sentence,
    start: int,
    end: int,
    key: str,
    lures: list[str],
    family: str,
    whole: str = "",
    judge_lure: str = "",
) -> Iterator[Question]:
    """填空, 单选 (three lures) and a false 判断 with ``judge_lure`` swapped in (one per sentence,
    from a stem opening it; none without a lure that is surely false in the key's place)."""
    found = _stem_of(ctx, s, start, end)
    if found is None:
        return
    text, a, b, opens = found
    stem = text[:a] + BLANK + text[b:]
    # a term alone says little: its provision needs more words (（　　）违犯党纪，情节较轻)
    if len(stem) - len(BLANK) < (14 if family == "term" else 10) or _readable(key, stem):
        return
    lures = [w for w in lures if w != key and w not in text]
    # the provision named whole (预备党员的预备期为一年) when it is a short clause the stem shows
    named = (
        whole
        and whole != key
        and (len(whole) <= 24 or len(whole) <= 30 and _LONG_NAMED.search(whole) is not None)
        and not _BRACKETS.search(whole)
    )
    keys = [key, whole] if named and whole.replace(key, BLANK, 1) in stem else [key]
    if len(keys) == 2 and whole.startswith(_MODALS) and len(whole) - 2 >= 8:
        keys.append(whole[2:])  # 应当在一个月内派人…谈话 → 在一个月内派人…谈话
    source = f"原文：{s.text}"
    yield _question(ctx, "cloze", f"{family}_cloze", key, s, stem, [key], [], keys, source)
    if len(lures) >= 3:
        yield _question(
            ctx, "single", f"{family}_single", key, s, stem, key, [key, *lures[:3]], keys, source
        )
    if not judge_lure or not opens or s.text in ctx.judged or text.count("。") > 1:
        return
    if judge_lure in text:
        return
    lead = _statement_lead(ctx, s, text, judge_lure)
    if lead is None:
        return
    ctx.judged.add(s.text)
    swap = judge_lure
    if swap.startswith("每") and text[a - 1 : a] == "每":
        a, key = a - 1, "每" + key  # 每半年 → 每年: the period is swapped whole
    statement = lead + text[:a] + swap + text[b:]
    explanation = f"错误。原文为“{key}”，不是“{swap}”。" + source
    yield _question(
        ctx, "judge", f"{family}_judge_false", key, s, statement, False, [], [swap], explanation
    )


# a rule whose subject the sentence before names: 培训时间一般不少于三天 (whose training?), 如遇
# 特殊情况可以适当延长审批时间 (which 审批?); group 1 the process a 时间/期限 belongs to
# (not 一段时间, 前段时间: a span of time, no process's)
_REFERS_BACK = re.compile(r"^(?:(?![一前这那]段)([\u4e00-\u9fff]{2})(?:时间|期限)|如遇|如有)")


def _statement_lead(ctx: Context, s: Sentence, text: str, lure: str) -> str | None:
    """What a 判断 on ``text`` (the stem ``s`` gives, opening it) says first so that it is a
    whole claim: "" when it is one already; the sentence before, where ``text`` opens on what
    that sentence names (培训时间… after …应当对发展对象进行短期集中培训。: fresh F8 #27, FF,
    "whose training?"); None when that sentence is no plain sentence of the same paragraph,
    does not name it, would make the statement too long or prints ``lure`` (the swap would
    read as copied from the line before)."""
    found = _REFERS_BACK.match(text)
    if found is None:
        return ""
    before = ctx.ex.doc.sentences[s.index - 1] if s.index > 0 else None
    if (
        before is None
        or before.paragraph != s.paragraph
        or before.is_heading
        or before.is_noise
        or ctx.ex.doc.sentence_tainted(before)
    ):
        return None
    lead = _ARTICLE.sub("", before.text)
    if not lead.endswith("。") or lure in lead or len(lead) + len(text) > _LONG_SENTENCE:
        return None
    if found.group(1) and found.group(1) not in lead:
        return None
    return lead


# -- quantities ---------------------------------------------------------------------------
def provision_quantities(text: str, regulation: bool) -> list[tuple[int, int, str, str]]:
    """(start, end, numeral, unit) of each quantity a rule of ``text`` (a sentence) fixes."""
    found = []
    for m in _QUANTITY.finditer(text):
        numeral, unit = m.group(1), m.group(2)
        if numeral.isdigit() and (len(numeral) >= 4 or unit in ("日", "年")):
            continue  # 2014年, 28日: a date, not a rule's quantity
        if unit == "年" and text[m.end() : m.end() + 1] in "月度代初底末来前后间":
            continue  # 一年一度, 五年来, 十年前: no term of a rule
        clause = _clause_at(text, m.start())
        if not clause or _STATISTICS.search(clause) or noise.has_placeholder(clause):
            continue
        after = text[m.end() : m.end() + 2]
        strict = _STRICT_NORMS.search(clause) or after.startswith(("以内", "之内"))
        loose = regulation and (_LOOSE_NORMS.search(clause) or after.startswith(("内", "以上")))
        if not (strict or loose):
            continue
        if not quantity_lures(numeral, unit):
            continue
        once_a_period = "每" in clause and not strict
        if unit == "次" and (len(_QUANTITY.findall(clause)) > 1 or once_a_period):
            continue  # 每半年/每年…进行一次考察: the period is the point (每月至少一次 stays)

        found.append((m.start(), m.end(), numeral, unit))
    return found


# the words that make a quantity a floor (a larger one is a stricter, false rule) or a ceiling
_FLOOR_WORDS = ("不少于", "不低于", "至少", "最短", "年满", "不能少于")
_CEILING_WORDS = ("不超过", "不得超过", "最长", "以内", "之内")


def _false_direction(text: str, a: int, b: int) -> int:
    """+1 when only a larger quantity makes the rule false (不少于三天 → 五天), -1 when only a
    smaller one does (在三个月内审批 → 两个月), 0 when any other value is false (预备期为一年).
    In a condition (年满十八岁的…, 未来三个月内将离开…的) the direction turns round: 年满二十二岁
    的…可以申请 and 未来两个月内将离开的…不办理 are still true."""
    clause = _clause_at(text, a)
    after = text[b : b + 2]
    if any(w in clause for w in _FLOOR_WORDS) or after.startswith("以上"):
        sign = 1
    elif any(w in clause for w in _CEILING_WORDS) or after.startswith(("内", "以下")):
        sign = -1
    else:
        return 0
    # the quantity qualifies whom the rule is about (年满十八岁的…先进分子, 经过一年以上…的入党
    # 积极分子, 未来三个月内将离开…的): a 的 follows it in its clause
    rest = re.split(r"[，；。]", text[b:], maxsplit=1)[0]
    return -sign if "的" in rest else sign


def _quantity_judge_lure(
    text: str, a: int, b: int, numeral: str, unit: str, neighbours: list[str]
) -> str:
    """The quantity a false 判断 swaps in: the nearest other value of the same unit the same or a
    neighbouring article uses (每半年 → 每年, F4 #25), else the nearest rung of the unit's ladder
    in the direction that makes the rule false; "" for a range or when none is surely false."""
    value = _cn_value(numeral)
    if value is None or "至" in numeral:
        return ""  # 一至三名 for 一至两名 reads as true as well
    sign = _false_direction(text, a, b)
    arabic = numeral[0].isdigit()
    period = text[a - 1 : a] == "每"

    def false_way(v: float) -> bool:
        return v != value and (sign == 0 or (v - value) * sign > 0)

    used: set[float] = set()
    for other in neighbours:
        for m in _QUANTITY.finditer(other):
            if _unit_base(m.group(2)) != _unit_base(unit) or (
                period and other[m.start() - 1 : m.start()] != "每"
            ):
                continue
            v = _cn_value(m.group(1))
            if v is not None and not (m.group(1).isdigit() and unit in ("日", "年")):
                used.add(v)
        if period and "每" + _unit_base(unit) in other.replace("每半" + _unit_base(unit), ""):
            used.add(1.0)  # 每年, 每月: one period
    found = sorted((v for v in used if false_way(v)), key=lambda v: (abs(math.log(v / value)), v))
    if found:
        v = found[0]
        if period and v == 1.0:
            return "每" + _unit_base(unit)
        return ("每" if period else "") + _quantity_text(v, unit, arabic)
    if period:
        return ""  # 每两年 for 每半年 is false by its sound: only the text's own period will do
    rungs = [r for r in quantity_lures(numeral, unit)]
    for r in rungs:
        v = _cn_value(r[: len(r) - len(unit)]) if r.endswith(unit) else None
        if v is not None and false_way(v):
            return r
    return ""


def _article_spans(ctx: Context) -> list[int]:
    """The article (or, outside a regulation, the paragraph) each sentence belongs to."""
    spans: list[int] = []
    article = 0
    regulation = is_regulation(ctx)
    for s in ctx.ex.doc.sentences:
        if regulation:
            article += bool(_ARTICLE.match(s.text))
            spans.append(article)
        else:
            spans.append(s.paragraph)
    return spans


def _same_unit_values(text: str, unit: str) -> list[float]:
    """The values of the quantities of ``unit``'s kind ``text`` names (no dates)."""
    out = []
    for m in _QUANTITY.finditer(text):
        if _unit_base(m.group(2)) != _unit_base(unit) or "至" in m.group(1):
            continue
        if m.group(1).isdigit() and m.group(2) in ("日", "年"):
            continue  # (2019年, 28日: dates)
        v = _cn_value(m.group(1))
        if v is not None and v > 0:
            out.append(v)
    return out


def _bounded_lures(
    text: str,
    numeral: str,
    unit: str,
    spans: list[int],
    i: int,
    sentences: list[Sentence],
) -> list[str]:
    """Lures for the quantity of sentence ``i``: on the possible side of every bound the
    sentence states (50人以上、（100人）以下: above 50, BC #30, BE #30), the values sibling
    provisions use first (100人 → 50人, 7人, 3人: the 总支, 支委会, 支部 thresholds, BG #30), then
    the unit's ladder by nearness; the ladder's three when the quantity is a range or unread."""
    value = _cn_value(numeral)
    if value is None or value <= 0 or "至" in numeral:
        return quantity_lures(numeral, unit)
    # (the sentence's, not the clause's: 不能少于（半年），最长不超过一年 bounds 半年 below 一年)
    low, high = 0.0, math.inf
    for v in _same_unit_values(text, unit):
        if v < value:
            low = max(low, v)
        elif v > value:
            high = min(high, v)
    arabic = numeral[0].isdigit()
    # sibling provisions: the same article and the two either side (the 条例's thresholds of
    # one ladder of organs stand in neighbouring articles); within a factor of twenty
    siblings = {
        v
        for j, t in enumerate(sentences)
        if abs(spans[j] - spans[i]) <= 2
        for v in _same_unit_values(t.text, unit)
        if v != value and max(v, value) / min(v, value) <= 20
    }
    ladder = _LADDERS.get(_unit_base(unit), ())
    rungs = [r for r in ladder if r != value and not (r == 0.5 and unit != "年")]
    by_nearness = sorted(siblings, key=lambda r: (abs(math.log(r / value)), r))
    by_nearness += sorted(
        (r for r in rungs if r not in siblings), key=lambda r: (abs(math.log(r / value)), r)
    )
    # (a text in Chinese numerals gets lures it can write: _cn_numeral stops at the hundreds)
    writable = [r for r in by_nearness if low < r < high and (arabic or r < 1000)]
    return [_quantity_text(r, unit, arabic) for r in writable][:6]


def _quantity_questions(ctx: Context, regulation: bool) -> Iterator[Question]:
    tainted = ctx.ex.doc.tainted
    sentences = ctx.ex.doc.sentences
    spans: list[int] | None = None
    for i, s in enumerate(sentences):
        if s.is_noise or s.is_heading or not any(c in s.text for c in _CN_NUMERALS + "0123456789"):
            continue
        for a, b, numeral, unit in provision_quantities(s.text, regulation):
            if noise.overlaps(s.start + a, s.start + b, tainted):
                continue
            if spans is None:
                spans = _article_spans(ctx)
            near = [t.text for j, t in enumerate(sentences) if abs(spans[j] - spans[i]) <= 1]
            key = s.text[a:b]
            whole = _clause_at(s.text, a)
            lures = _bounded_lures(s.text, numeral, unit, spans, i, sentences)
            swap = _quantity_judge_lure(s.text, a, b, numeral, unit, near)
            yield from _asked(
                ctx, s, s.start + a, s.start + b, key, lures, "provision", whole, swap
            )


# -- bodies -------------------------------------------------------------------------------
def text_organs(ctx: Context) -> list[str]:
    """The organs the text names, most named first (the class a body's lures come from)."""
    counts: Counter[str] = Counter()
    for s in ctx.ex.doc.sentences:
        if not s.is_noise:
            counts.update(m.group(0) for m in _ORGAN.finditer(s.text))
    return [o for o, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _organ_parts(organ: str) -> tuple[str, str]:
    """(rank, core) of an organ name: 上级党委组织部门 → (上级, 党委组织部门)."""
    for core in sorted(_ORGAN_CORE, key=len, reverse=True):
        if organ.endswith(core):
            return organ[: -len(core)], core
    return "", organ


def _organ_kind(organ: str) -> str:
    """The kind of organ: a department, a meeting or committee, a Party organization, a
    committee of the Party (党委, 党支部, 党组…)."""
    if "组织部" in organ:
        return "部门"
    if organ.endswith("党组织"):
        return "组织"
    return "党委"  # 党委, 党支部, 党员大会, 党支部委员会: the bodies that discuss and decide


def body_lures(organs: list[str], body: str) -> list[str]:
    """Other organs of the text that are surely wrong in the body's place: never one holding
    the answer or held in it (党委 / 基层党委), never a bare 党组织 for a named organ, and one of
    the same core only when both ranks name one level (县级 / 省级); the same kind first."""
    rank, core = _organ_parts(body)
    kind = _organ_kind(body)
    pool = []
    for organ in organs:
        if body in organ or organ in body:
            continue
        o_rank, o_core = _organ_parts(organ)
        if o_core == core and not (rank in _ABSOLUTE_RANKS and o_rank in _ABSOLUTE_RANKS):
            continue
        if _organ_kind(organ) != kind or (not o_rank and o_core in _GENERIC_CORES):
            continue  # 报（党支部党员大会）备案 for a department; a bare 组织部门
        if _absolute_body(body) and not _absolute_body(organ):
            continue  # 上级/县级以上党委组织部门 may be the 中央组织部 the stem asks (F4 #29)
        pool.append(organ)
    return sorted(pool, key=lambda o: abs(len(o) - len(body)))


def _body_questions(ctx: Context) -> Iterator[Question]:
    organs = text_organs(ctx)
    tainted = ctx.ex.doc.tainted
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or not any(c in s.text for c in "由报经"):
            continue
        for m in _BODY.finditer(s.text):
            a, b = m.start(1), m.end(1)
            if noise.overlaps(s.start + a, s.start + b, tainted):
                continue
            body = m.group(1)
            whole = _clause_at(s.text, a)
            lures = body_lures(organs, body)
            # a relative or ranged body (上级党委, 县级以上党委组织部门) may be the very organ a
            # swap names (中央组织部 is above 县级): only an absolute body gets a false twin
            swap = (
                next(
                    (o for o in lures if _absolute_body(o) and not _below_named(o, s.text, a, b)),
                    "",
                )
                if _absolute_body(body)
                else ""
            )
            yield from _asked(ctx, s, s.start + a, s.start + b, body, lures, "body", whole, swap)


# the level each rank names, low to high (上级 above the 基层 at least; 县级以上 no one level),
# and of the branch's own bodies, below any 党委 (党支部委员会, 党支部党员大会, 党总支)
_RANK_LEVELS = (("基层", 1.0), ("上级", 1.5), ("县级以上", 0.0), ("县级", 2.0), ("省级", 4.0),
                ("省一级", 4.0), ("中央", 5.0))  # fmt: skip
_BRANCH_CORES = ("党小组", "党支部", "党总支", "党员大会")
# the acts whose body is the top of the sentence's chain: who approves, who sets the form
_TOP_ACTS = ("审批", "批准", "制定", "解释")


def _rank_level(organ: str) -> float:
    """How high an organ stands (0 for none read: 党委, 所在单位党组织, 县级以上…)."""
    if organ in ("中央组织部", "党中央"):
        return 5.0
    rank, core = _organ_parts(organ)
    if not rank and core.startswith(_BRANCH_CORES):
        return 0.5
    return next((level for name, level in _RANK_LEVELS if rank == name), 0.0)


def _below_named(lure: str, text: str, a: int, b: int) -> bool:
    """Does ``lure``, in the place of a body that approves or sets a form (``_TOP_ACTS``), stand
    below an organ the rest of the sentence names (由县级党委组织部门负责制定，省级党委组织部门
    按照式样统一印制 for 中央组织部; 经上级党委审查，报基层党委批准 for 省一级党委): the chain
    shows it false without knowing the rule (fresh F7 #29)?"""
    if not text[b:].removeprefix("负责").startswith(_TOP_ACTS):
        return False
    level = _rank_level(lure)
    rest = text[:a] + "，" + text[b:]
    return any(level < _rank_level(m.group(0)) for m in _ORGAN.finditer(rest))


# ranks that name an organ only relative to another (上级党委 above a 省级 organ is 中央)
_RELATIVE_RANKS = ("上级", "同级", "本级", "所在", "县级以上", "地方")


def _absolute_body(organ: str) -> bool:
    """Does the organ name one body whatever the sentence says around it (中央组织部, 省级党委
    组织部门, 党支部委员会), rather than one relative to another (上级党委组织部门: above a
    省级 organ, it is the 中央组织部; F4 #29) or any of a kind (党组织)?"""
    rank, core = _organ_parts(organ)
    if rank.startswith(_RELATIVE_RANKS):
        return False
    return bool(rank) or core not in _GENERIC_CORES


# -- terms --------------------------------------------------------------------------------
def defined_terms(ctx: Context) -> list[str]:
    """Terms the text's chapter headings and `X的主要任务是…` articles name, in text order."""
    terms: list[str] = []
    for s in ctx.ex.doc.sentences:
        if s.is_noise:
            continue
        text = s.text
        if s.is_heading and _CHAPTER.match(text):
            m = _HEADING_TERM.match(_CHAPTER.sub("", text))
            found = [m.group(1)] if m else []
        else:
            found = [m.group(1) for m in _NAMED_TERM.finditer(_ARTICLE.sub("", text))]
        for term in found:
            if term.endswith(_GENERIC_TERM_ENDINGS) or term in terms:
                continue
            terms.append(term)
    for term in _chain_terms(ctx):
        if term not in terms:
            terms.append(term)
    return terms


def _chain_terms(ctx: Context) -> list[str]:
    """Terms a sentence introduces at its end and the next one defines at its start
    (…作入党积极分子的培养联系人。培养联系人由…的党员担任): three to eight characters."""
    found = []
    sentences = ctx.ex.doc.sentences
    for s, nxt in zip(sentences, sentences[1:], strict=False):
        if s.is_noise or s.is_heading or nxt.is_heading or nxt.paragraph - s.paragraph > 1:
            continue
        end = s.text.rstrip("。；")
        opening = _ARTICLE.sub("", nxt.text)
        for size in range(8, 2, -1):
            term = end[-size:]
            if opening.startswith(term) and _HAN_ONLY.fullmatch(term):
                # the next sentence opens on the term itself, not on a longer word (入党宣誓仪式)
                # nor on an organ (党组织收到…: organs are asked as bodies)
                if opening[size : size + 1] in _AFTER_SUBJECT and not term.endswith(
                    _GENERIC_TERM_ENDINGS + _ORGAN_CORE
                ):
                    found.append(term)
                break
    return found


# what follows a term opening a sentence as its subject: a modal, 由, 是, a comma…
_AFTER_SUBJECT = frozenset("由应必可一，是不在每须")
# a term is made of Han characters only
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _person_class(ctx: Context, terms: list[str]) -> list[str]:
    """The person stages the text names three times or more (入党申请人, 发展对象, 预备党员…)."""
    counts: Counter[str] = Counter()
    for s in ctx.ex.doc.sentences:
        if not s.is_noise:
            counts.update(m.group(0) for m in _PERSON_WORD.finditer(s.text))
    stages = [t for t in terms if t.endswith(_PERSON_ENDINGS)]
    for word, n in counts.most_common():
        if (
            n >= 3
            and not _NOT_PERSON.search(word)
            and word not in stages
            and not any(w in word for w in stages)
        ):
            stages.append(word)
    return stages


def _term_slots(text: str, term: str) -> Iterator[int]:
    """Where a sentence (article number cut) asks ``term``: as the subject opening it
    (发展对象应当有…; 经…), or as the stage a procedure moves one into (确定入党积极分子)."""
    for opener in _TERM_OPENERS:
        if text.startswith(opener + term):
            yield len(opener)
            break
    for verb in _STAGE_VERBS:
        at = text.find(verb + term)
        if at >= 0:
            yield at + len(verb)
    if not term.endswith(_PERSON_ENDINGS):
        for verb in _PROCEDURE_VERBS:  # 对发展对象进行（政治审查）
            at = text.find(verb + term)
            if at >= 0:
                yield at + len(verb)
    if text.rstrip("。；").endswith("的" + term):
        yield len(text.rstrip("。；")) - len(term)  # …作入党积极分子的（培养联系人）。


def _said_of_another_stage(ctx: Context, body: str, at: int, term: str, stages: list[str]) -> bool:
    """Does the text say the words after the term of another stage too (入党积极分子/预备党员 +
    工作、学习所在单位…发生变动)? Then the provision does not pin its stage."""
    after = body[at + len(term) : at + len(term) + 6]
    return len(after) >= 4 and any(w + after in ctx.ex.doc.text for w in stages if w != term)


def _stage_pinned(body: str, at: int, term: str, stages: list[str]) -> bool:
    """Is a 单选 among the stages fair: not when the stem repeats a part of the term no other
    stage has (（　　）预备期满 for 预备党员)."""
    rest = body[:at] + body[at + len(term) :]
    for i in range(len(term) - 1):
        pair = term[i : i + 2]
        if pair in rest and not any(pair in w for w in stages if w != term):
            return False
    return True


def _term_questions(ctx: Context) -> Iterator[Question]:
    terms = defined_terms(ctx)
    if not terms:
        return
    stages = _person_class(ctx, terms)
    tainted = ctx.ex.doc.tainted
    for term in terms:
        asked = 0
        for s in ctx.ex.doc.sentences:
            if asked >= 3:
                break
            if s.is_noise or s.is_heading or term not in s.text:
                continue
            body = _ARTICLE.sub("", s.text)
            lead = len(s.text) - len(body)
            for at in _term_slots(body, term):
                if body[at + len(term) : at + len(term) + 1] == "的":
                    continue  # 入党积极分子的…: a possessor, not the provision's subject
                if not (_STRICT_NORMS.search(body) or _LOOSE_NORMS.search(body)):
                    continue
                a = s.start + lead + at
                if noise.overlaps(a, a + len(term), tainted):
                    continue
                if term in stages and _said_of_another_stage(ctx, body, at, term, stages):
                    continue  # （　　）工作、学习所在单位…发生变动: 预备党员 as well
                lures = []
                if term in stages and _stage_pinned(body, at, term, stages):
                    lures = [w for w in stages if w != term and term not in w and w not in term]
                # no 判断: another stage in a stage's place often reads as true as well
                made = list(_asked(ctx, s, a, a + len(term), term, lures, "term"))
                asked += bool(made)
                yield from made


# -- prohibitions -------------------------------------------------------------------------
# a prohibition clause: 党总支不能审批预备党员, …的党员，不能作入党介绍人
_PROHIBITION = re.compile(r"不能|不得")
_STATEMENT_OPENERS = ("其", "他", "这", "该", "此", "上述", "对", "（", "(")


def prohibition_statement(text: str) -> str:
    """The prohibition a sentence (article number cut) opens with, as a statement: its clauses
    up to the one that says 不能/不得 (at most 40 characters), or ""."""
    first = re.split(r"[；。]", text, maxsplit=1)[0]
    m = _PROHIBITION.search(first)
    if m is None or len(_PROHIBITION.findall(first)) > 1 or "可以" in first[: m.start()]:
        return ""
    end = first.find("，", m.end())
    statement = first if end < 0 else first[:end]
    if "的" in statement[m.end() :]:
        return ""  # 因故不能到会的…党员: a description, not a prohibition
    if not 10 <= len(statement) <= 40 or statement.startswith(_STATEMENT_OPENERS):
        return ""
    if noise.has_placeholder(statement) or _BRACKETS.search(statement):
        return ""
    if not _specific_prohibition(statement[: m.start()], statement[m.end() :]):
        return ""
    if _SOUND_MARKERS.search(statement):
        return ""  # 严格按照规定…，不得擅自…: true as written, false once 可以, by sound alone
    return statement + "。"


# words that decide a prohibition by their sound (FT1 #40, FT2 #39/#40): an act already named
# as wrong (擅自, 变相, 规避, 违规 …) or a norm the sentence states itself (严格按照规定, 依法
# 应当); 不得 is then obviously right and 可以 obviously wrong, whatever the rule says
_SOUND_MARKERS = re.compile(
    r"擅自|变相|规避|违规|违反|违法|虚列|虚报|弄虚作假|挪用|侵占|超标准|超范围|私自|随意|"
    r"借机|以权谋私|严格按照|按照规定|依法应当"
)


# who may be the subject or object of a specific prohibition: an organ, or a person class
_SPECIFIC_PARTY = re.compile(rf"{_ORGAN.pattern}|临时党组织|(?:{'|'.join(_PERSON_ENDINGS)}|党员)$")


def _specific_prohibition(subject: str, act: str) -> bool:
    """Is the prohibition about a named party: an organ or a person class as its subject
    (党总支, 受留党察看处分…的党员) and a body, a person class or a number in its act
    (审批预备党员, 作入党介绍人)? A condition (未经培训的，不能发展入党) or a generic 不得… about
    conduct is false by its sound once 可以 is put in (F3–F4: 0 of 4 usable)."""
    subject = subject.rstrip("，、 ")
    last = re.split(r"[，；]", subject)[-1]
    names_party = bool(re.search(rf"(?:{_ORGAN.pattern}|临时党组织)$", last)) or last.endswith(
        (*_PERSON_ENDINGS, "党员")
    )
    act_specific = bool(_SPECIFIC_PARTY.search(act) or _PERSON_WORD.search(act))
    act_specific = act_specific or bool(_QUANTITY.search(act))
    return names_party and act_specific


def _prohibition_questions(ctx: Context) -> Iterator[Question]:
    """判断 on a prohibition: as written (true), or with 不能/不得 made 可以 (false); the seed-free
    rng of the question decides which, so every seed asks the same."""
    for s in ctx.ex.doc.sentences:
        if s.is_noise or s.is_heading or s.text in ctx.judged or "不" not in s.text:
            continue
        statement = prohibition_statement(_ARTICLE.sub("", s.text))
        if not statement:
            continue
        ctx.judged.add(s.text)
        qid = question_id(ctx.doc_key, "judge", "prohibition_judge", statement, s.text)
        truth = _fixed_rng(qid).random() < 0.5
        source = f"原文：{s.text}"
        if truth:
            shown, explanation = statement, "正确。" + source
        else:
            word = _PROHIBITION.search(statement).group(0)  # type: ignore[union-attr]
            shown = statement.replace(word, "可以", 1)
            explanation = f"错误。原文为“{word}”，不是“可以”。" + source
        q = Question(
            id=qid,
            kind="judge",
            stem=shown,
            options=[],
            answer=truth,
            keys=[statement.rstrip("。")] if truth else ["可以"],
            source=s.text,
            explanation=explanation,
            paragraph=s.paragraph,
            difficulty=_difficulty("judge", statement),
            template="prohibition_judge",
        )
        ctx.scores.setdefault(qid, PROVISION_SCORE)
        yield q
