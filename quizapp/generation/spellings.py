"""More accepted spellings for a cloze blank: the forms a learner naturally writes for the key.

Blind review rounds (FT1–FT7, QT1–QT2 on texts nobody tuned on; docs/quality.md) kept marking
a cloze "edit" because the natural, right answer was refused. Each rule below adds spellings of
the *same* answer, never a different one; every added spelling must

* not be readable in the blanked stem (a sibling of the list, or the stem's own words, is never
  accepted: it would be a giveaway and a wrong answer), and
* not be a bare remainder shorter than three characters (精神 for 一种精神追求, 理论 for
  党的创新理论, 检视 for 边检视: a generic word, not the term).

Rules (each one says why in its function): a possessive before the key (我们党的传家宝 →
党的传家宝 / 传家宝); a frame word the key shares with its list siblings (一种生活态度、一种工作
责任、（一种精神追求） → 精神追求); a conjunction written another way (批评和自我批评 = 批评与
自我批评 = 批评、自我批评); a law's or rule's short title (中华人民共和国宪法 → 宪法 / 中国宪法,
中国共产党章程 → 中国共产党党章); the full official name of a thought (新时代中国特色社会主义
思想 → 习近平新时代中国特色社会主义思想); an organ of the centre named with 中共 or by its
standard abbreviation, and a level written 一级 or 级 (中央组织部 → 中组部 / 中共中央组织部,
省一级党委 → 省级党委); a formula's short name inside a longer key (中央八项规定精神 →
八项规定精神); fourteenth session (helper "spellings"): a formula's numeral in digits (六个必须 →
6个必须), a name's standard short or full name (中国共青团 → 共青团 / 中国共产主义青年团,
亚投行 → 亚洲基础设施投资银行), 我国 for 中国 (我国工人阶级 → 中国工人阶级), a verb every printed
sibling repeats (面向经济主战场 → 经济主战场), the honorific of a named spirit (伟大建党精神 →
建党精神), one word written two ways (历史周期率 / 周期律, 怎么 / 怎样, 互相 / 相互), 同 / 与 / 和
before …相结合, and a listed spelling as it reads in its place (以（　　）运动为标志: 整风运动 →
整风). Refused there: 及 for 和 (完善及发展…), and a verb-object turn (建设精神文明) where the
blank does not open its clause (推动社会主义（　　）).

Refused on purpose (reviews asked, the rules do not): a stock synonym (讲实话 / 说真话 for 说实话,
密切联系 for 血肉联系: another wording, and a checker that took one-character swaps would take
wrong answers too); one half of a coordinated head (巡视 for 巡视巡察: the blank holds both);
another name of the same referent (习近平新时代中国特色社会主义思想 for 党的创新理论); 党的 put
before a key (党的群众路线 for 群众路线: 党的政治建设 is another thing than the 五位一体's
政治建设, and the lexicon cannot tell which key is which); a bare short name outside the
abbreviation table (五四运动 for 五四爱国运动).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import distractors as dis
from .checking import ONE_CHARACTER_WORDS, answer_key, check_answer
from .jieba_setup import cut, dictionary_version, is_word, word_tag
from .lexicon import Lexicon
from .model import BLANK, Formula
from .segment import cn_number, cn_numeral

__all__ = [
    "ABBREVIATIONS",
    "SAME_WORDS",
    "more_spellings",
    "other_phrase",
    "same_phrase_only",
    "same_word_forms",
    "widen_accepted",
    "with_plain_forms",
]

_MIN_REST = 3  # the shortest remainder a stripped key may leave: 传家宝 yes, 精神 / 理论 no

# 我们党的传家宝 / 党的传家宝 / 传家宝: a possessive says whose the thing is, not what it is.
# (Longest first; each also yields the 党的 form, which learners write as often as the bare one.)
_POSSESSIVES = ("中国共产党的", "我们党的", "我们的", "我国的", "党的", "我国")
_PARTY_POSSESSIVES = ("中国共产党的", "我们党的")
# whose the thing is, said of the country: 我国工人阶级 = 中国工人阶级 (blind15 MB #48)
_NATIONAL_POSSESSIVES = ("我国的", "我国")

# Frame words a list repeats before every member (一种生活态度、一种工作责任、一种精神追求;
# 务必不忘初心…，务必谦虚谨慎…; 必须坚持人民至上、必须坚持自信自立): the learner fills in the
# member and leaves the repeated frame outside. Only frames, never content (政治判断力、政治领悟力:
# 领悟力 alone is not the term, reviews FT1/FT5).
_FRAMES = frozenset(
    ["务必", "必须", "必须坚持", "坚持", "始终", "坚决", "面向"]
    + [f"一{c}" for c in "种个项条支批场套份"]
)
# ... and a common verb the key shares with every sibling printed next to it (融入社会发展、融入
# 日常生活 after （融入法治建设）; 增强政治意识、（增强大局意识）): the learner writes its object. A
# verb is no content of the member the way a shared modifier is (政治判断力、政治领悟力).
_FRAME_VERB_TAGS = ("v",)
# (longest first, sorted once: one key never starts with two frames of one length)
_FRAMES_LONGEST_FIRST = tuple(sorted(_FRAMES, key=len, reverse=True))
_SIBLING_SEP = re.compile("[、，,；;]")

# 和 / 与 / 及 joining two terms (批评和自我批评, 世界观和方法论, 国家治理体系和治理能力现代化):
# the standard documents write 和 or 与; a conjunction inside a word (和平, 参与, 以及) is not
# one. A key is written with 和 or 与 only: 及 lists nouns in prose and no formulation is written
# with it (完善及发展中国特色社会主义制度, …体系及治理能力现代化 were shown as right: blind16
# NB #8, OE #6); a key with 及 is written with 和 or 与 as well.
_CONJUNCTIONS = "和与及"
_WRITTEN_CONJUNCTIONS = "和与"

# 《中华人民共和国宪法》 → 宪法 / 中国宪法; 中国共产党纪律处分条例 → 纪律处分条例: a law or party
# rule is cited by its short title as often as by its full one.
_LAW = re.compile(r"^中华人民共和国([\u4e00-\u9fff]{1,12}法)$")
_PARTY_RULE = re.compile(r"^中国共产党([\u4e00-\u9fff]{2,16}(?:条例|准则|规定|规则|办法|党章))$")

# the full official names a shorter key is the tail of (新时代中国特色社会主义思想)
_NAME_OWNERS = ("习近平",)

# An organ of the centre: 中央组织部 = 中共中央组织部 = 中组部 (the standard abbreviations).
_ORGAN = re.compile(r"^中央[\u4e00-\u9fff]{1,8}(?:部|办公厅|委员会)$")
_ORGAN_SHORT = {
    "中央组织部": "中组部",
    "中央宣传部": "中宣部",
    "中央统战部": "中央统一战线工作部",
    "中央统一战线工作部": "中央统战部",
    "中央纪律检查委员会": "中央纪委",
    "中央办公厅": "中办",
}
# 省一级党委 = 省级党委 (= 省委): a level is written with or without 一
_LEVEL = re.compile("(?<=[省市县乡镇地])一级")
_LEVEL_COMMITTEE = re.compile("^([省市县])一?级党委$")


def _short_enough(rest: str) -> bool:
    return len(rest) >= _MIN_REST


def _possessive_forms(key: str) -> list[str]:
    """我们党的传家宝 → 党的传家宝, 传家宝 (reviews FT1, FT4, FT6: 传家宝 refused);
    党的创新理论 → 创新理论 (FT7), never 理论; 我国工人阶级 → 中国工人阶级, 工人阶级."""
    out: list[str] = []
    for lead in _POSSESSIVES:
        rest = key[len(lead) :]
        if key.startswith(lead) and _short_enough(rest) and not rest.startswith("的"):
            if lead in _PARTY_POSSESSIVES:
                out.append("党的" + rest)
            if lead in _NATIONAL_POSSESSIVES:
                out.append("中国" + rest)
            out.append(rest)
            break
    return out


def _siblings(stem: str, blank: int) -> list[str]:
    """The list members printed nearest the blank numbered ``blank``: the piece before the
    separator that ends the text before it, and the piece after the one that opens the text
    after it, stepping over blanks in between (（必须坚持人民至上）、（　　）、必须坚持守正创新)."""
    parts = stem.split(BLANK)
    out = []
    for k in range(blank, -1, -1):  # leftwards
        before = parts[k]
        if not (before[-1:] and _SIBLING_SEP.match(before[-1])):
            break
        piece = _SIBLING_SEP.split(before[:-1])[-1]
        if piece:
            out.append(piece)
            break
    for k in range(blank + 1, len(parts)):  # rightwards
        after = parts[k]
        if not (after[:1] and _SIBLING_SEP.match(after[0])):
            break
        piece = _SIBLING_SEP.split(after[1:])[0]
        if piece:
            out.append(piece)
            break
    return out


def _frame_forms(key: str, stem: str, blank: int) -> list[str]:
    """一种生活态度、一种工作责任、（一种精神追求） → 精神追求 (FT4 #17); （务必不忘初心、牢记
    使命），务必谦虚谨慎… → 不忘初心、牢记使命 (QT1 #5): the frame a sibling next to the blank
    repeats is left outside by a learner; so is a verb every printed sibling repeats (面向世界
    科技前沿、（面向经济主战场）、面向国家重大需求 → 经济主战场, blind14 KB #5) and their 伟大
    (伟大创造精神、（伟大奋斗精神） → 奋斗精神, blind16 NF #48), but not a verb the items differ
    by (改进警卫工作、（改进新闻报道）、严格文稿发表) or a word only one shares (各级指导组、
    （巡回督导组）、巡回指导组)."""
    siblings = _siblings(stem, blank)
    for sibling in siblings:
        n = 0
        while n < min(len(key), len(sibling)) and key[n] == sibling[n]:
            n += 1
        if n < 2:
            continue  # (every frame has two characters or more: none is shared)
        for lead in _FRAMES_LONGEST_FIRST:
            if n >= len(lead) and key.startswith(lead) and sibling.startswith(lead):
                rest = key[len(lead) :]
                return [rest] if _short_enough(rest) else []
    verb, rest = key[:2], key[2:]
    if (
        siblings
        and (word_tag(verb) in _FRAME_VERB_TAGS or verb == _INTENSIFIER)
        and _short_enough(rest)
        and all(_short_enough(s[s.find(verb) + 2 :]) for s in siblings if verb in s)
        and all(s.startswith(verb) for s in siblings[1 if _before_blank(stem, blank) else 0 :])
        and verb in siblings[0]
    ):
        return [rest]
    return []


def _before_blank(stem: str, blank: int) -> bool:
    """Is the first of :func:`_siblings` the piece before the blank (a list's first item, which
    holds the clause's lead: 坚持面向世界科技前沿、（　　）)?"""
    before = stem.split(BLANK)[blank]
    return bool(before[-1:]) and bool(_SIBLING_SEP.match(before[-1]))


def _inside_word(text: str, i: int) -> bool:
    """Is the character at ``i`` part of a dictionary word: one of two characters around it
    (和平, 参与, 以及, 共和), or a longer one it opens or closes (与时俱进, 政通人和)? The
    lexicon's whole phrases (批评和自我批评) are user words too, and jieba lists odd runs
    across a join (批评和自), so longer windows that merely contain it do not count."""
    windows = [text[i - 1 : i + 1], text[i : i + 2]]
    windows += [text[i : i + n] for n in (3, 4)]
    windows += [text[i - n + 1 : i + 1] for n in (3, 4) if i - n + 1 >= 0]
    return any(len(w) >= 2 and is_word(w) for w in windows)


def _conjunction_forms(key: str) -> list[str]:
    """批评和自我批评 = 批评与自我批评 = 批评、自我批评 (FT0/FT1 #8); 世界观和方法论 (FT5 #18)."""
    spots = [
        i
        for i, ch in enumerate(key)
        if ch in _CONJUNCTIONS and 2 <= i <= len(key) - 3 and not _inside_word(key, i)
    ]
    if len(spots) != 1:
        return []  # (two joins, 党的领导和社会主义制度与…: left alone)
    i = spots[0]
    left, right = key[:i], key[i + 1 :]
    if not any(is_word(right[:n]) for n in (2, 3, 4)):
        return []  # 宜居宜业和美乡村: 美乡 opens no word, so 和 belongs to 和美, not a join
    out = [left + c + right for c in _WRITTEN_CONJUNCTIONS if c != key[i]]
    if len(left) <= 3 and len(right) <= 4:
        # two short terms listed: 批评、自我批评 (not 统筹发展、安全: a verb's object split)
        out.append(f"{left}、{right}")
    return out


# 同 / 与 / 和 before what a thing is joined with (同中国具体实际相结合 = 与中国具体实际相结合 =
# 和中国具体实际相结合: blind round 14b #40, "refused"): the documents write all three.
_JOINED_WITH = re.compile("^([同与和])(.{2,}相(?:结合|适应|统一|协调|衔接|一致|融合|配合))$")


def _preposition_forms(key: str) -> list[str]:
    m = _JOINED_WITH.match(key)
    if m is None:
        return []
    return [p + m.group(2) for p in "同与和" if p != m.group(1)]


def _title_forms(key: str) -> list[str]:
    """中华人民共和国宪法 → 宪法, 中国宪法 (FT1/FT5 #33, QT2 #31); 中国共产党章程 → 中国共产党党章
    (FT0 #35, QT1 #31); 中国共产党纪律处分条例 → 纪律处分条例."""
    law = _LAW.match(key)
    if law:
        return [law.group(1), "中国" + law.group(1)]
    if key == "中国共产党章程":
        return ["中国共产党党章"]
    rule = _PARTY_RULE.match(key)
    if rule and len(rule.group(1)) >= 4:
        return [rule.group(1)]
    return []


def _owner_forms(key: str, stem: str, blank: int, lexicon: Lexicon) -> list[str]:
    """新时代中国特色社会主义思想 → 习近平新时代中国特色社会主义思想 (FT2 #13): the full official
    name the lexicon knows, unless the stem prints the owner's name right before the blank."""
    before = stem.split(BLANK)[blank]
    return [
        owner + key
        for owner in _NAME_OWNERS
        if not key.startswith(owner)
        and len(key) >= 4
        and lexicon.is_known(owner + key)
        and not before.rstrip("“《").endswith(owner)
    ]


def _organ_forms(key: str) -> list[str]:
    """中央组织部 → 中共中央组织部, 中组部 (F8 #29); 省一级党委 → 省级党委 (F7 #28)."""
    out: list[str] = []
    if _ORGAN.match(key):
        out.append("中共" + key)
        if key in _ORGAN_SHORT:
            out.append(_ORGAN_SHORT[key])
    if _LEVEL.search(key):
        out.append(_LEVEL.sub("级", key))
    level = _LEVEL_COMMITTEE.match(key)
    if level:
        out.append(level.group(1) + "委")  # 省级党委 is the 省委
    return out


def _formula_tail_forms(key: str, lexicon: Lexicon) -> list[str]:
    """中央八项规定精神 → 八项规定精神 (QT1/QT2 #40): a key that is a formula's name plus a tail
    takes the tail after every other spelling of the name as well (八项规定 is accepted, so
    八项规定精神 is)."""
    for n in range(len(key) - 1, 3, -1):
        formula = lexicon.get(key[:n])
        if formula is None:
            continue
        tail = key[n:]
        spellings = (formula.name, *formula.variants)
        if key[:n] not in spellings:
            continue
        return [
            s + tail
            for s in spellings
            if s != key[:n] and not s.endswith(tail) and "“" not in s and s + tail != key
        ]
    return []


# A formula's numeral written in digits: 六个必须 = 6个必须, 十四个坚持 = 14个坚持, 二十一条 = 21条
# (QY1 #15, blind16 OE #55, review 9 #31, review 14 #3: "refused"). The checker leaves such a
# numeral as written (四个意识 is no count of 意识), so the form is listed, as the lexicon lists
# 4个意识: only at the key's head, before 个/项/条, from 2 (一个 is no formula's count).
_FORMULA_NUMERAL = re.compile("^([两一二三四五六七八九十]{1,3})(?=[个项条])")


def _formula_numeral_forms(key: str) -> list[str]:
    """六个必须 → 6个必须; not a count of a unit (三个月: :func:`_number_forms`)."""
    m = _FORMULA_NUMERAL.match(key)
    if m is None:
        return []
    n = cn_number(m.group(1).replace("两", "二"))
    if n is None or n < 2:
        return []
    form = str(n) + key[m.end() :]
    return [] if same_answer(key, form) else [form]


# Standard names and their standard short forms, each set one name (中国共产主义青年团 = 共青团,
# transfer T5 #40; 亚洲基础设施投资银行 = 亚投行, X3 #37; 监察委员会 = 监委, X4 #14): a key holding
# one is written with any other. (Longest first within a set: the first one found is replaced.)
ABBREVIATIONS: tuple[tuple[str, ...], ...] = (
    ("中国共产主义青年团", "共产主义青年团", "中国共青团", "共青团"),
    ("人民代表大会", "人大"),
    ("政治协商会议", "政协"),
    ("纪律检查委员会", "纪委"),
    ("监察委员会", "监委"),
    ("中央军事委员会", "中央军委", "军委"),
    ("国有资产监督管理委员会", "国资委"),
    ("发展和改革委员会", "发改委"),
    ("亚洲基础设施投资银行", "亚投行"),
)


def _abbreviation_forms(key: str) -> list[str]:
    """中国共青团 → 中国共产主义青年团, 共青团…; 人民代表大会制度 → 人大制度; 政协会议 → 政治协商
    会议 (a head the full name ends on is not written twice)."""
    out: list[str] = []
    words: list[str] | None = None
    for names in ABBREVIATIONS:
        found = next((n for n in names if n in key), None)
        if found is None:
            continue
        if len(found) <= 3:  # (a short name must be a word of the key: not 人大 of 工人大罢工)
            words = cut(key, hmm=False) if words is None else words
            if found not in words:
                continue
        at = key.index(found)
        head, tail = key[:at], key[at + len(found) :]
        for other in names:
            if other != found:
                out.append(head + other + _after_name(other, tail))
    return out


def _after_name(name: str, tail: str) -> str:
    """``tail`` without the head ``name`` already ends on (政治协商会议 + 会议 → 政治协商会议)."""
    for n in range(min(len(name), len(tail)), 1, -1):
        if name.endswith(tail[:n]):
            return tail[n:]
    return tail


# One word written two ways (互相尊重 / 相互尊重, 历史周期率 / 历史周期律, 怎么培养人 / 怎样培养人):
# either is the same answer (blind16 OB #23, B1 #26).
SAME_WORDS = (
    ("互相", "相互"),
    ("相互", "互相"),
    ("毋忘", "勿忘"),
    ("勿忘", "毋忘"),
    ("发展和安全", "发展与安全"),  # 统筹发展和安全 / 统筹发展与安全
    ("发展与安全", "发展和安全"),
    ("百年奋斗目标", "百年目标"),  # 第二个百年奋斗目标 / 第二个百年目标
    ("百年目标", "百年奋斗目标"),
    ("周期率", "周期律"),  # 跳出历史周期率: 黄炎培's own word and the usual one both in print
    ("周期律", "周期率"),
    # 法律面前人人平等 / the constitution's own 法律面前一律平等 (宪法第三十三条, blind17 PB #3)
    ("法律面前人人平等", "法律面前一律平等"),
    ("法律面前一律平等", "法律面前人人平等"),
)
_SAME_WORD = re.compile("|".join(a for a, _ in SAME_WORDS))  # (most keys hold none)
# 怎么 / 怎样 (not the 怎么样 of 就是要知道怎么样爱国)
_HOW = re.compile("怎么(?!样)|怎样")


def same_word_forms(key: str) -> list[str]:
    """互相尊重 → 相互尊重, 跳出历史周期率 → 跳出历史周期律, 怎么培养人 → 怎样培养人."""
    forms = [key.replace(a, b) for a, b in SAME_WORDS if a in key] if _SAME_WORD.search(key) else []
    if _HOW.search(key):
        forms.append(_HOW.sub(lambda m: "怎样" if m.group(0) == "怎么" else "怎么", key))
    return forms


# 伟大建党精神 = 建党精神, 伟大创造精神 = 创造精神 (blind16 NF #48: "accept the forms without
# 伟大"): the honorific of a named spirit is dropped, as 高水平 of 高水平科技自立自强; never
# added, never where what is left is no spirit's name (伟大斗争) or a term of its own the
# lexicon knows (民族精神 beside 伟大民族精神; its aliases pair 伟大抗疫精神 and 抗疫精神).
_INTENSIFIER = "伟大"


def _intensifier_forms(key: str, lexicon: Lexicon) -> list[str]:
    rest = key[len(_INTENSIFIER) :]
    if (
        key.startswith(_INTENSIFIER)
        and len(rest) >= 4
        and rest.endswith("精神")
        and not lexicon.is_known(rest)
    ):
        return [rest]
    return []


_ARABIC = re.compile(r"(?<![\d.])([1-9]\d?)(?![\d.%])")
_HAN_NUMBER = re.compile("[一二两三四五六七八九十]+")
# measure words after which 2 is read 两 (两个月, 两年), not 二
_TWO_AS_LIANG = "个名年天次项条位届"


def _han(n: int, before: str) -> str:
    return "两" if n == 2 and before[:1] in _TWO_AS_LIANG else cn_numeral(n)


def _number_forms(key: str) -> list[str]:
    """The same quantity in the other numerals (6个月 ↔ 六个月, and 半年 for six months): the
    checker compares numbers by value already, so these only show the learner and the organizer
    what counts as right (blind review RC/RD: 六个月 and 半年 "refused", though accepted)."""
    forms = []
    if _ARABIC.search(key):
        forms.append(_ARABIC.sub(lambda m: _han(int(m.group(1)), key[m.end() :]), key))
    else:

        def arabic(m: re.Match[str]) -> str:
            n = cn_number(m.group(0))
            return str(n) if n is not None and 0 < n < 100 else m.group(0)

        forms.append(_HAN_NUMBER.sub(arabic, key))
    for form in (key, *forms):
        for months in ("6个月", "六个月"):
            if months in form:
                forms.append(form.replace(months, "半年"))
    if "半年" in key:
        forms += [key.replace("半年", "六个月"), key.replace("半年", "6个月")]
    return [form for form in forms if form != key]


@lru_cache(maxsize=4096)
def same_answer(key: str, form: str) -> bool:
    """Does the answer checker take ``form`` for a blank whose only spelling is ``key``?
    (A pure function of the two strings, so cached; ``form == key`` is the common case of
    :func:`_number_forms` and needs only the key's answer key: the checker takes a response
    equal to the only spelling unless that folds to nothing.)"""
    if form == key:
        return answer_key(key) != ""
    question = {"kind": "cloze", "stem": BLANK, "answer": [key], "accepted": [[key]]}
    return check_answer(question, [form])


def more_spellings(key: str, stem: str, blank: int, lexicon: Lexicon) -> list[str]:
    """The further spellings the blank numbered ``blank`` of ``stem`` accepts for ``key``
    (unfiltered: :func:`widen_accepted` drops those the stem prints)."""
    if not key or "“" in key:
        return []
    # a title in 《》 is cited word for word: only its short title is another form of it
    # (《中共中央关于党的百年奋斗重大成就和历史经验的决议》 takes no 与)
    titled = stem.split(BLANK)[blank].endswith("《")
    forms = [
        *_possessive_forms(key),
        *_frame_forms(key, stem, blank),
        *([] if titled else _conjunction_forms(key)),
        *_preposition_forms(key),
        *_title_forms(key),
        *_owner_forms(key, stem, blank, lexicon),
        *_organ_forms(key),
        *_formula_tail_forms(key, lexicon),
        *_formula_numeral_forms(key),
        *_abbreviation_forms(key),
        *same_word_forms(key),
        *_intensifier_forms(key, lexicon),
    ]
    # (only what the checker takes for the same number: a form it would refuse is not shown)
    numbers = [f for f in _number_forms(key) if same_answer(key, f)]
    return forms + numbers


@lru_cache(maxsize=16384)
def _more_spellings(
    key: str, stem: str, blank: int, lexicon: Lexicon, version: int
) -> tuple[str, ...]:
    """:func:`more_spellings`, kept per key, stem, lexicon and jieba's dictionary ``version``
    (its word tests): a text generated again asks for the same blanks."""
    return tuple(more_spellings(key, stem, blank, lexicon))


def widen_accepted(
    stem: str, answers: Sequence[str], accepted: Sequence[Sequence[str]], lexicon: Lexicon
) -> list[list[str]]:
    """Each blank's accepted spellings with :func:`more_spellings` of its answer added, except
    a spelling the blanked stem prints (a sibling, or a giveaway) or a part of another blank's
    answer; each listed spelling read in its place (:func:`_in_place`). A question with nothing
    to change keeps its lists as they were."""
    lists = [list(s) for s in accepted]
    if stem.count(BLANK) != len(answers):
        return lists
    shown = dis.fold_key(stem.replace(BLANK, "|"))
    others = [dis.fold_key(a) for a in answers]
    parts = stem.split(BLANK)
    version = dictionary_version()
    for index, answer in enumerate(answers):
        before, after = parts[index], parts[index + 1]
        listed = lists[index] if index < len(lists) else [answer]
        have = {dis.fold_key(s) for s in (answer, *listed)}
        out = []
        for form in listed:
            if form != answer and _turned_out_of_place(answer, form, before):
                continue
            out.append(form)
            reading = form if form == answer else _in_place(form, before, after)
            if reading != form:  # (整风运动 before 运动为标志 reads 整风: listed as well)
                _add_new(out, reading, have, shown, others, index)
        for form in _more_spellings(answer, stem, index, lexicon, version):
            if _turned_out_of_place(answer, form, before):
                continue
            _add_new(out, form, have, shown, others, index)
            reading = _in_place(form, before, after)
            if reading != form:
                _add_new(out, reading, have, shown, others, index)
        if out != listed:
            while len(lists) <= index:
                lists.append([answers[len(lists)]])
            lists[index] = out
    return lists


def _add_new(
    out: list[str], form: str, have: set[str], shown: str, others: list[str], index: int
) -> None:
    """Add ``form`` to a blank's spellings ``out`` unless it is one of those it has (``have``,
    folded, which it joins), printed in the stem (``shown``, folded) or a part of another
    blank's answer (``others``, folded, the blank's own at ``index``)."""
    folded = dis.fold_key(form)
    if not folded or folded in have or folded in shown:
        return
    if any(folded in other for k, other in enumerate(others) if k != index):
        return  # (another blank's answer, or a part of it)
    have.add(folded)
    out.append(form)


_CLAUSE_OPENINGS = "，。；：！？“（,;:!?("


def _turned_out_of_place(answer: str, form: str, before: str) -> bool:
    """Is ``form`` the verb-object turn of a noun key (生态文明建设 → 建设生态文明) in a blank
    that does not open its clause? 建设生态文明是…千年大计 reads, 推动社会主义（建设精神文明）
    is no sentence (blind11 GF #7, GJ #8)."""
    return (
        len(form) == len(answer) > 4
        and form[:2] == answer[-2:]
        and form[2:] == answer[:-2]
        and bool(before)
        and before[-1] not in _CLAUSE_OPENINGS
    )


def _in_place(form: str, before: str, after: str) -> str:
    """``form`` as it reads in the blank between ``before`` and ``after``: without the tail
    the stem prints right after the blank and the head it prints right before (以（　　）运动为
    标志: 整风运动 → 整风, transfer2 X4 #18, where 整风 was refused; 刘少奇同志是（　　）的光辉
    榜样: the whole point → its core). At least two characters are left; a one-character edge
    only of the function words the checker reads as written again (为, 以: checking._blank_right,
    which also takes the form written whole)."""

    def edge(n: int, piece: str) -> bool:
        return n > 1 or piece in ONE_CHARACTER_WORDS

    whole = form
    for n in range(len(form) - 2, 0, -1):
        if after.startswith(form[-n:]) and edge(n, form[-n:]):
            form = form[:-n]
            break
    for n in range(len(form) - 2, 0, -1):
        if before.endswith(form[:n]) and edge(n, form[:n]):
            form = form[n:]
            break
    if form != whole and (before[-1:] == form[:1] or after[:1] == form[-1:]):
        return whole  # (what is left still reads a stem character twice: 同（同中国具体实际）)
    return form


# A lead that makes another formulation, not another spelling: 全面依法治国 is a 四个全面 member,
# 依法治国 the 基本方略; 决胜全面建成小康社会 is the 2017 task, 全面建成小康社会 the goal
# (blind15 MA #40/#41, MB #39/#59, MC #51: graded right under 〔N字〕). A degree the text does
# not say is added only: 高水平安全 is not 安全, while 科技自立自强 still names the blank
# 高水平科技自立自强 (the core term without its intensifier).
_OTHER_PHRASE_LEADS = ("全面", "决胜")
_ADDED_ONLY_LEADS = ("高水平",)


def _member_of(formula: Formula, text: str) -> str:
    """The member of ``formula`` that ``text`` writes (itself or an alias), or ''."""
    for member in formula.members:
        if text in formula.spellings(member):
            return member
    return ""


def other_phrase(answer: str, form: str, lexicon: Lexicon) -> bool:
    """Is ``form`` another phrase than ``answer`` rather than a way of writing it? Another
    member of a standard list or formula that holds the answer (习近平新时代中国特色社会主义思想
    for “三个代表”重要思想, blind15 MA #11), a member's wording the formula replaced or that
    replaced it (``changed``: 全面建设社会主义现代化国家 for 全面建成小康社会, MA #40), or the
    answer with a lead put on or taken off that makes another formulation (依法治国 for
    全面依法治国). An alias the lexicon lists for the same member (全面推进依法治国) is a
    spelling."""
    a, f = dis.fold_key(answer), dis.fold_key(form)
    if not f or a == f:
        return False
    for lead in _OTHER_PHRASE_LEADS:
        if f == lead + a or a == lead + f:
            return True
    if any(f == lead + a for lead in _ADDED_ONLY_LEADS):
        return True
    plain_a, plain_f = _unquote(answer), _unquote(form)
    mates = lexicon.list_mates(plain_a)
    if plain_f in mates:
        return True
    if plain_a.startswith(plain_f) and any(m.startswith(plain_f) for m in mates):
        # the stem the list's members share, without what tells this one apart: 中国特色
        # 社会主义 for 中国特色社会主义制度 (beside …道路, …理论体系, …文化)
        return True
    if plain_f in lexicon.wordings.get(plain_a, ()):
        return True  # (another wording of the term: 网格化服务管理 for 网格化管理)
    for formula in lexicon.owners(plain_a):
        mine = _member_of(formula, plain_a)
        theirs = _member_of(formula, plain_f)
        if theirs and theirs != mine:
            return True  # (another member)
        if plain_f in formula.member_wordings.get(mine, ()):
            return True  # (another wording of the member: 理论和实践相结合 for 理论联系实际)
        for member, earlier in formula.changed.items():
            pair = {member, *earlier}
            if plain_a in pair and plain_f in pair:
                return True  # (the wording a rewording replaced: another goal, not a spelling)
    return False


def _unquote(text: str) -> str:
    return text.replace("“", "").replace("”", "")


def same_phrase_only(
    answers: Sequence[str], accepted: Sequence[Sequence[str]], lexicon: Lexicon
) -> list[list[str]]:
    """Each blank's accepted spellings without those that are another phrase than its answer
    (:func:`other_phrase`): whichever rule added one, a wrong answer must not grade right."""
    out = []
    for index, spellings in enumerate(accepted):
        answer = answers[index] if index < len(answers) else ""
        out.append(
            [
                s
                for s in spellings
                if not answer or s == answer or not other_phrase(answer, s, lexicon)
            ]
        )
    return out


_PLAIN_DROP = re.compile("[“”、，]")


def with_plain_forms(answers: Sequence[str], accepted: Sequence[Sequence[str]]) -> list[list[str]]:
    """Each blank's spellings with its answer written without quotes or inner commas added
    (三个代表重要思想, 爱岗敬业争创一流): the checker folds them away and takes that form already,
    and the list shows the learner and the reviewer so (blind15 MA #11, MB #9, MB #50: “the
    〔8字〕 key is stored with its quotes”, “爱岗敬业争创一流 would be marked wrong”)."""
    out = [list(s) for s in accepted]
    for index, answer in enumerate(answers):
        plain = _PLAIN_DROP.sub("", answer)
        if index < len(out) and plain and plain != answer and plain not in out[index]:
            out[index].append(plain)
    return out
