"""Frames other study texts fill with another word of a cloze key's length.

A plain 填空 shows its key's length (〔4字〕), so it is open when another word of that length fits
its frame. ``quizapp/data/frame_fillers.tsv`` (``bench/frame_fillers.py`` rebuilds it) records,
for the reference texts of ``reference.py``, each frame — the two characters before a phrase and
the character after it, any mark read as ``。`` — with the words of jieba's own dictionary of
three to eight characters standing in it, and the texts having each. ``勇于（　　）。`` is filled
by 攻坚克难, 坚持真理 and 改革开放 there, so 勇于（担当作为）。 is open. A list item (、 or 和/与/及
at the blank) is left alone: its list pins it; so is a lead ending on 的/之. Measured on the
reviewed plain 填空 (docs/generation.md, "Frames other texts fill with another word of the key's
length").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .reference import read_table, text_ids

FRAMES_PATH = Path(__file__).resolve().parent.parent / "data" / "frame_fillers.tsv"
MIN_LEN, MAX_LEN = 3, 8  # the key lengths the table covers
CLOSE = "。"  # any mark after a phrase, or the end of the stem
_LIST_JOINS = "和与及"
# a lead ending on a particle is no frame: 的 takes any noun (…的（第一动力）, …的（根本宗旨）)
_PARTICLES = "的之"


def has_mark(s: str) -> bool:
    """Does ``s`` hold punctuation or a space (anything but a letter, digit or 汉字)?"""
    return any(not c.isalnum() for c in s)


def is_lead(s: str) -> bool:
    """Can ``s`` open a frame: two characters, no mark?"""
    return len(s) == 2 and not has_mark(s)


def closing(c: str) -> str:
    """A frame's closing character: ``c`` itself, or :data:`CLOSE` for a mark or the end."""
    return c if c and not has_mark(c) else CLOSE


@lru_cache(maxsize=4096)
def _fillers(value: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """A frame's fillers with the reference ids having each (``word:3,17 word:5``)."""
    return tuple(
        (word, text_ids(ids)) for word, ids in (f.rsplit(":", 1) for f in value.split(" "))
    )


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], dict[str, str]]:
    """(document key → reference id, frame → its fillers as written); read on first use only
    (start-up does not pay for it). A frame's fillers are read (:func:`_fillers`) when a stem
    asks for it, a few hundred a text: reading all ~14,000 as the table loaded was three
    quarters of its 90 ms, paid by a cold start's first generation."""
    return read_table(FRAMES_PATH, str)


def frame_mates(stem: str, blank: str, key: str, spellings, document: str) -> list[str]:
    """The words of ``key``'s length that a reference text other than ``document`` (a
    ``document_key``) has in the frame of ``stem``'s one ``blank``, other than ``key``, its
    ``spellings`` and the words the stem prints; [] for a list item, a key outside
    :data:`MIN_LEN`–:data:`MAX_LEN` or a blank with no two-character lead."""
    at = stem.find(blank)
    if at < 0 or stem.count(blank) != 1 or not MIN_LEN <= len(key) <= MAX_LEN:
        return []
    lead, after = stem[max(0, at - 2) : at], stem[at + len(blank) : at + len(blank) + 1]
    if not is_lead(lead) or lead[-1] in _LIST_JOINS + _PARTICLES or after in ("、", *_LIST_JOINS):
        return []
    documents, table = _table()
    written = table.get(lead + closing(after))
    if written is None:
        return []
    own = documents.get(document)
    skip = {key, *spellings}
    return [
        word
        for word, ids in _fillers(written)
        if len(word) == len(key)
        and word not in skip
        and word not in stem
        and any(i != own for i in ids)
    ]


# -- a quality's slot ----------------------------------------------------------------------
# The heads of a quality a person or a body shows or is asked to have: 弘扬（创新精神）,
# 增强（纪律意识）, 保持坚强（政治定力）, 提高农民（法治素养）, 展现了…的（政治品格）. Every verb
# that takes one takes the others (创业精神, 奋斗精神, 开拓精神 after 弘扬; 战略定力 after 保持),
# so such a blank is open unless the stem pins it: a printed member of a standard list holding
# the key (民族精神和（时代精神）, 政治意识、（大局意识）…), the other half of a pair of one head
# (增强（机遇意识）和风险意识, 纪律意识和（规矩意识）), or the predicate of a thesis
# (（科学家精神）是…). A named spirit (红船精神, 伟大抗疫精神, 企业家精神: the lexicon's classes in
# :data:`NAMED_CLASSES`) is pinned by its place, event or group. Measured on the reviewed plain
# 填空 (docs/generation.md, "Eleventh session: a quality's slot"); 思维 and 观念 keys were usable
# (法治思维和法治方式, 冷战思维), so they are not among the heads.
QUALITY_HEADS = ("精神", "意识", "担当", "定力", "素养", "品格", "品质", "情怀")
# A duty a body is said to bear, fulfil or tighten (履行好…赋予的（政治责任）, 压实（政治责任）,
# 以高度的（政治责任感）和使命感, 模范履行工会组织的（政治责任）): every verb that takes one takes
# the others (职责, 使命, 重任, 神圣职责, 社会责任感, 历史责任感), so such a blank is open as a
# quality's is, unless the stem pins it the same ways. The duties a teacher tests are a
# formula's members (两个责任: 党委负主体责任，纪委负（监督责任）), which the rule leaves alone
# (pipeline._open_duty_slot). Judged rows: docs/generation.md, "Fourteenth session: single-key
# 填空…".
DUTY_HEADS = ("责任", "职责", "责任感")
NAMED_CLASSES = frozenset({"精神谱系", "行业群体精神", "伟大民族精神"})
# a quality named after a working method the lexicon knows (钉钉子精神): its own words pin it
NAMED_MODIFIER_CLASSES = frozenset({"工作方法"})
_PAIR_JOINS = "和与及、"


# The classes whose standard group is larger than any list a text prints: the 中国共产党人精神
# 谱系 (46 spirits in its first batch, 2021-09). A text's list of them (形成了井冈山精神、长征精神…
# 等伟大精神) is a part of the group, so every other spirit of it reads as right in the list's
# slot (塞罕坝精神, 大别山精神, 抗击非典精神, 东北抗联精神: blind18 QD #23, QE #28, QF #26), and
# only the text's order tells the key.
OPEN_GROUP_CLASSES = frozenset({"精神谱系"})


def open_group_listed(stem: str, blank: str, key: str, members) -> bool:
    """Is ``key``, a member of an open group (``members``: its class,
    :data:`OPEN_GROUP_CLASSES`), blanked in ``stem`` within a list printing two more members, or
    one before an open 等? A pair may be pinned by the text's place (伟大建党精神和（红船精神）、
    浙江精神 in a Zhejiang report)."""
    printed = stem.replace("“", "").replace("”", "")
    mates = [m for m in members if m != key and m in printed and key not in m and m not in key]
    at = printed.find(blank)
    return len(mates) >= 2 or (bool(mates) and at >= 0 and "等" in printed[at:])


def _clause_at(stem: str, at: int, end: int) -> tuple[str, str]:
    """The text of ``stem``'s clause before ``at`` and after ``end``: up to the nearest marks
    other than the enumeration comma 、 (a run of items stays in one clause)."""
    start = at
    while start > 0 and not (has_mark(stem[start - 1]) and stem[start - 1] != "、"):
        start -= 1
    stop = end
    while stop < len(stem) and not (has_mark(stem[stop]) and stem[stop] != "、"):
        stop += 1
    return stem[start:at], stem[end:stop]


def quality_slot_open(
    stem: str, blank: str, key: str, mates, named: bool = False, heads=QUALITY_HEADS
) -> bool:
    """Is ``stem``'s one ``blank``, over ``key``, a quality's open slot: a key of four or more
    characters ending on one of ``heads`` (:data:`QUALITY_HEADS`, or the duties'
    :data:`DUTY_HEADS`), not a ``named`` spirit, that no printed
    list mate pins (``mates``: the other items of the standard lists and formulas holding the
    key), that is not half of a printed pair of its head (增强（机遇意识）和风险意识: a run of
    three or more, 社会责任意识、（规则意识）、集体意识, is an open list) and not the subject of a
    thesis (（系统观念）是…) nor a quoted saying's whole last clause?"""
    at = stem.find(blank)
    if at < 0 or stem.count(blank) != 1 or len(key) < 4 or not key.endswith(heads):
        return False
    if named:
        return False
    end = at + len(blank)
    after = stem[end:]
    if after.startswith("是") and (at == 0 or has_mark(stem[at - 1])):
        return False
    if stem[:at].endswith(("，", "“")) and after.startswith(("。”", "”")):
        return False  # a quoted saying's whole last clause (…，（便先要恢复民族的精神）。”)
    if any(mate in stem for mate in mates):
        return False
    return not _pair_of_head(*_clause_at(stem, at, end), key[-2:])


def _pair_of_head(before: str, behind: str, head: str) -> bool:
    """Is the blank between ``before`` and ``behind`` (its clause) one half of a pair whose other
    half, across 和/与/及/、, is printed with the same ``head`` (增强（机遇意识）和风险意识,
    纪律意识和（规矩意识）进一步提升), and no longer run (a 、 on the far side of either)?"""
    left = bool(before) and before[-1] in _PAIR_JOINS
    right = bool(behind) and behind[0] in _PAIR_JOINS
    if left == right:  # a run's middle item, or no pair
        return False
    if left:
        rest = before[:-1]
        return rest.endswith(head) and "、" not in rest
    rest = behind[1:]
    return head in rest[: len(head) + 6] and "、" not in rest


# -- a deed's or a role's slot -------------------------------------------------------------
# The deeds a body is praised for (the lexicon's class 担当作为: 冲锋在前, 勇挑重担, 敢打硬仗,
# 迎难而上) and the roles a group is said to play (its 形象比喻 ending on 军/兵/雁: 主力军, 生力军,
# 排头兵, 领头雁): every praise of the one takes the others (广大党员、干部（冲锋在前）、顽强拼搏,
# where 挺身而出 and 勇挑重担 read as well; 使企业成为…的（生力军）, where 主力军 does), so
# such a blank is open unless the stem pins it: another term of its class printed (面对矛盾敢于
# （迎难而上），面对危机敢于挺身而出…: the stock run of the class, the key the one left) or a
# mate of a standard list holding it (敢闯敢试、（敢为人先）、埋头苦干的特区精神); a deed that
# describes what follows it (只有（挺身而出）的凡人, 勇攀高峰、（敢为人先）的创新精神) is the
# quotation's own wording, spared. Measured on
# the judged plain 填空 (docs/generation.md, "Eleventh session: a deed's or a role's slot").
DEED_CLASSES = frozenset({"担当作为"})
ROLE_CLASS = "形象比喻"
ROLE_ENDINGS = ("军", "兵", "雁")


def is_deed_or_role(key: str, term_class: str | None) -> bool:
    """Is ``key`` (of the lexicon's class ``term_class``) a praised deed or a group's role?"""
    if term_class in DEED_CLASSES:
        return True
    return term_class == ROLE_CLASS and key.endswith(ROLE_ENDINGS)


def deed_slot_open(stem: str, blank: str, key: str, class_mates, mates) -> bool:
    """Is ``stem``'s one ``blank`` over ``key``, a praised deed or a group's role
    (:func:`is_deed_or_role`), open: not followed by 的, no other term of its class
    (``class_mates``) and no mate of a standard list holding it (``mates``) printed?"""
    at = stem.find(blank)
    if at < 0 or stem.count(blank) != 1 or stem[at + len(blank) : at + len(blank) + 1] == "的":
        return False
    return not any(m != key and m in stem for m in (*class_mates, *mates))


# -- a member's slot among siblings of one frame ---------------------------------------------
# A group whose members are all of one frame — one length, a shared opening and a shared
# ending of two characters or more each, so that they differ only in the middle: the lexicon's
# classes 党的建设布局 (党的政治建设, 党的思想建设, 党的组织建设…) and 伟大民族精神, the
# formula 三大全球倡议 (全球发展倡议, 全球安全倡议…) — gives a plain 填空 on one member a blank
# every sibling fills as well (针对（党的组织建设）中存在的突出问题: 党的作风建设 reads as
# right; zuzhi rounds, judged unusable every time), unless the stem pins it: a sibling printed
# (a run of the group, or its bare core: 政治建设 for 党的政治建设), a mate of a standard list
# holding the key, or the key as the subject of a thesis (（政治建设）是党的根本性建设). Groups
# sharing one edge only (X自信, X意识, 伟大X, X制度, 坚持X) are left alone: on the judged rows
# their members' slots were mostly pinned by the sentence (进行具有许多新的历史特点的（伟大斗争）).
# Measured on the judged plain 填空 (docs/generation.md, "Eleventh session: members of one
# frame…").
MIN_SHARED_EDGE = 2


def shared_edge(members) -> tuple[str, str] | None:
    """The opening and ending (either may be empty, not both) of two or more characters every
    one of ``members`` shares, all being of one length and three or more; None otherwise. A
    group of one frame (:func:`member_slot_open`) has both."""
    items = list(members)
    if len(items) < 3 or len({len(m) for m in items}) != 1:
        return None
    size = len(items[0])
    prefix = 0
    while prefix < size - 1 and len({m[prefix] for m in items}) == 1:
        prefix += 1
    suffix = 0
    while suffix < size - 1 and len({m[size - 1 - suffix] for m in items}) == 1:
        suffix += 1
    head = items[0][:prefix] if prefix >= MIN_SHARED_EDGE else ""
    tail = items[0][size - suffix :] if suffix >= MIN_SHARED_EDGE else ""
    if not head and not tail:
        return None
    return head, tail


def member_slot_open(stem: str, blank: str, key: str, siblings, head: str, mates) -> bool:
    """Is ``stem``'s one ``blank`` over ``key`` a member's open slot: ``siblings`` (the other
    members of its one-shape group, whose shared opening is ``head``) fill it as well, as no
    sibling (nor its core after ``head``) and no list mate (``mates``) is printed and the key
    is neither the subject of a thesis (（X）是…) nor its predicate (…是（X）的根本任务)? ``mates``
    holds the other members of the formulas naming the key (以（党的政治建设）为统领 beside
    以坚定理想信念宗旨为根基) and the formulas' names."""
    at = stem.find(blank)
    if at < 0 or stem.count(blank) != 1 or not siblings:
        return False
    after = stem[at + len(blank) :]
    if after.startswith("是") and (at == 0 or has_mark(stem[at - 1])):
        return False
    if stem[at - 1 : at] == "是":
        return False  # a thesis' predicate: 用党的创新理论武装全党是（党的思想建设）的根本任务
    cores = [s[len(head) :] for s in siblings if head and len(s) - len(head) >= 3]
    return not any(word in stem for word in (*siblings, *cores, *mates) if word != key)
