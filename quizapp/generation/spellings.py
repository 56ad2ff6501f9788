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
八项规定精神).

Refused on purpose (reviews asked, the rules do not): a stock synonym (讲实话 / 说真话 for 说实话,
密切联系 for 血肉联系: another wording, and a checker that took one-character swaps would take
wrong answers too); one half of a coordinated head (巡视 for 巡视巡察: the blank holds both);
another name of the same referent (习近平新时代中国特色社会主义思想 for 党的创新理论).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import distractors as dis
from .checking import answer_key, check_answer
from .jieba_setup import dictionary_version, is_word
from .lexicon import Lexicon
from .model import BLANK, Formula
from .segment import cn_number, cn_numeral

__all__ = [
    "more_spellings",
    "other_phrase",
    "same_phrase_only",
    "widen_accepted",
    "with_plain_forms",
]

_MIN_REST = 3  # the shortest remainder a stripped key may leave: 传家宝 yes, 精神 / 理论 no

# 我们党的传家宝 / 党的传家宝 / 传家宝: a possessive says whose the thing is, not what it is.
# (Longest first; each also yields the 党的 form, which learners write as often as the bare one.)
_POSSESSIVES = ("中国共产党的", "我们党的", "我们的", "我国的", "党的")
_PARTY_POSSESSIVES = ("中国共产党的", "我们党的")

# Frame words a list repeats before every member (一种生活态度、一种工作责任、一种精神追求;
# 务必不忘初心…，务必谦虚谨慎…; 必须坚持人民至上、必须坚持自信自立): the learner fills in the
# member and leaves the repeated frame outside. Only frames, never content (政治判断力、政治领悟力:
# 领悟力 alone is not the term, reviews FT1/FT5).
_FRAMES = frozenset(
    ["务必", "必须", "必须坚持", "坚持", "始终", "坚决"] + [f"一{c}" for c in "种个项条支批场套份"]
)
# (longest first, sorted once: one key never starts with two frames of one length)
_FRAMES_LONGEST_FIRST = tuple(sorted(_FRAMES, key=len, reverse=True))
_SIBLING_SEP = re.compile("[、，,；;]")

# 和 / 与 / 及 joining two terms (批评和自我批评, 世界观和方法论, 国家治理体系和治理能力现代化):
# the standard documents write either; a conjunction inside a word (和平, 参与, 以及) is not one.
_CONJUNCTIONS = "和与及"

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
    党的创新理论 → 创新理论 (FT7), never 理论."""
    out: list[str] = []
    for lead in _POSSESSIVES:
        rest = key[len(lead) :]
        if key.startswith(lead) and _short_enough(rest) and not rest.startswith("的"):
            if lead in _PARTY_POSSESSIVES:
                out.append("党的" + rest)
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
    repeats is left outside by a learner."""
    for sibling in _siblings(stem, blank):
        n = 0
        while n < min(len(key), len(sibling)) and key[n] == sibling[n]:
            n += 1
        if n < 2:
            continue  # (every frame has two characters or more: none is shared)
        for lead in _FRAMES_LONGEST_FIRST:
            if n >= len(lead) and key.startswith(lead) and sibling.startswith(lead):
                rest = key[len(lead) :]
                return [rest] if _short_enough(rest) else []
    return []


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
    out = [left + c + right for c in _CONJUNCTIONS if c != key[i]]
    if len(left) <= 3 and len(right) <= 4:
        # two short terms listed: 批评、自我批评 (not 统筹发展、安全: a verb's object split)
        out.append(f"{left}、{right}")
    return out


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
        *_title_forms(key),
        *_owner_forms(key, stem, blank, lexicon),
        *_organ_forms(key),
        *_formula_tail_forms(key, lexicon),
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
    answer. A question with nothing to add keeps its lists as they were."""
    lists = [list(s) for s in accepted]
    if stem.count(BLANK) != len(answers):
        return lists
    shown = dis.fold_key(stem.replace(BLANK, "|"))
    others = [dis.fold_key(a) for a in answers]
    version = dictionary_version()
    for index, answer in enumerate(answers):
        have = {dis.fold_key(s) for s in (answer, *(lists[index] if index < len(lists) else ()))}
        added = []
        for form in _more_spellings(answer, stem, index, lexicon, version):
            folded = dis.fold_key(form)
            if not folded or folded in have or folded in shown:
                continue
            if any(folded in other for k, other in enumerate(others) if k != index):
                continue  # (another blank's answer, or a part of it)
            have.add(folded)
            added.append(form)
        if added:
            while len(lists) <= index:
                lists.append([answers[len(lists)]])
            lists[index] += added
    return lists


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
