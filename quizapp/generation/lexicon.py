"""The curated lexicon of 党建 formulas (提法) and how it is matched against a text.

The data lives in ``quizapp/data/formulas.json`` (see docs/generation.md, "Adding a formula").
A :class:`Lexicon` answers three questions for the rest of the engine:

* which formulas a text names (``四个意识``, ``“四个全面”战略布局`` …) or spells out
  (``道路自信、理论自信、制度自信、文化自信`` without the name);
* which phrases are siblings of a member or of a name (same category, same shape), for distractors;
* which phrases must never be offered as a wrong option for a formula (its members, their
  aliases, the phrases listed as ``related``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import ne
from pathlib import Path

import ahocorasick

from .model import Formula

__all__ = ["Lexicon", "FormulaHit", "load_lexicon", "DEFAULT_LEXICON_PATH"]

DEFAULT_LEXICON_PATH = Path(str(resources.files("quizapp") / "data" / "formulas.json"))

# Chinese numerals that open a numbered formula name (四个意识, 三严三实, 两学一做 …).
NUMERALS = "一二三四五六七八九十两百"


@dataclass(frozen=True)
class FormulaHit:
    """One place where a text names a formula or spells out its members."""

    formula: Formula
    start: int  # offset in the text
    end: int
    by_members: bool  # True when the members were spelled out rather than the name
    members_found: tuple[str, ...] = ()  # canonical members present (by_members only)


SAYING_CLASS = "名言警句"


def _apart_in_place(a: str, b: str) -> int:
    """How many characters in place ``a`` and ``b`` (of one length) differ in."""
    return sum(map(ne, a, b))  # (counted without a Python loop: asked for many pairs)


def one_apart_in_place(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` have one length and differ in exactly one character (科技兴军 /
    科技强军, 河长制 / 湖长制)?"""
    return len(a) == len(b) and _apart_in_place(a, b) == 1


class Lexicon:
    """A set of formulas with lookups by name, variant, member and category."""

    def __init__(
        self,
        formulas: Iterable[Formula],
        terms: dict[str, Iterable[str]] | None = None,
        *,
        aliases: dict[str, Iterable[str]] | None = None,
        wordings: dict[str, Iterable[str]] | None = None,
        lists: Iterable[Iterable[str]] = (),
        local_programmes: Iterable[str] = (),
        list_sources: Iterable[str] = (),
        list_foils: dict[tuple[str, ...], Iterable[str]] | None = None,
        covers: dict[str, Iterable[str]] | None = None,
        near_synonyms: Iterable[Iterable[str]] = (),
        right_within: dict[str, Iterable[str]] | None = None,
        dates: dict[str, Sequence[str]] | None = None,
        dated_lists: Iterable[tuple[Iterable[str], str]] = (),
    ):
        given = sorted(formulas, key=lambda f: f.name)
        # versions of a shared name (see Formula.sense_of): the shared spelling → its versions,
        # and a neutral entry without members standing for the name while no version is known
        # (its name still makes a cloze; nothing is asked about its members)
        self._senses: dict[str, list[Formula]] = {}
        for formula in given:
            if formula.sense_of:
                self._senses.setdefault(formula.sense_of, []).append(formula)
        self._neutral: dict[str, Formula] = {
            spoken: Formula(name=spoken, members=(), category=versions[0].category)
            for spoken, versions in self._senses.items()
        }
        # a version without members (国内大局、国际大局 of 统筹国内国际两个大局) only says that
        # the name means something the lexicon does not ask about
        self.formulas: list[Formula] = [f for f in given if f.members]
        self._by_id: dict[str, Formula] = {f.name: f for f in self.formulas if f.sense_of}
        # other standard spellings of a term, accepted in its blanks (延安整风 → 整风运动)
        self.aliases: dict[str, tuple[str, ...]] = {
            term: tuple(spellings) for term, spellings in (aliases or {}).items()
        }
        # other wordings of a term, no spelling of it (网格化服务管理 for 网格化管理, 精神之钙 for
        # 政治灵魂): never graded right in its blank, but kept apart from it as aliases are
        self.wordings: dict[str, tuple[str, ...]] = {
            term: tuple(other) for term, other in (wordings or {}).items()
        }
        # terms one covers (非公有制经济 → 民营经济): neither is a lure of the other, both ways
        self._overlaps: dict[str, frozenset[str]] = {}
        self._covered_by: dict[str, str] = {}
        for whole, parts in (covers or {}).items():
            for part in parts:
                self._covered_by.setdefault(part, whole)
                self._overlaps[whole] = self._overlaps.get(whole, frozenset()) | {part}
                self._overlaps[part] = self._overlaps.get(part, frozenset()) | {whole}
        # near-synonyms of one class (奋斗精神 / 拼搏精神): right in one another's slot, so
        # never one another's lures, though neither covers the other
        for group in near_synonyms:
            same = frozenset(group)
            for term in same:
                self._overlaps[term] = self._overlaps.get(term, frozenset()) | (same - {term})
        # one way only: a term → the terms a stem of it reads right with (中国特色社会主义 in
        # （科学社会主义）在二十一世纪的中国焕发出强大生机活力), never its lures; the other way
        # stands (科学社会主义 stays a lure of 中国特色社会主义进入新时代)
        for term, within in (right_within or {}).items():
            self._overlaps[term] = self._overlaps.get(term, frozenset()) | frozenset(within)
        # the date a name was first stated (党纪学习教育 2024-04-01): no lure of an older text
        self.term_dates: dict[str, str] = {name: when[0] for name, when in (dates or {}).items()}
        # older wordings of a standard list, only to date a text quoting one (the 2014 eight 监督)
        self._dated_lists: list[tuple[tuple[str, ...], str]] = [
            (tuple(_unquoted(i) for i in items), source) for items, source in dated_lists
        ]
        # standard enumerations (不平衡、不协调、不可持续): item → the lists holding it
        self.lists: list[tuple[str, ...]] = [tuple(items) for items in lists]
        # where each standard list comes from (党的十九届五中全会（2020），…), by index
        self.list_sources: list[str] = list(list_sources)
        # curated wrong items of a standard enumeration (政治信仰 for 政治立场、政治方向…)
        self._list_foils: dict[tuple[str, ...], tuple[str, ...]] = {
            tuple(items): tuple(foils) for items, foils in (list_foils or {}).items()
        }
        # named local programmes (雪亮工程, 三支一扶): never keys (an operational detail)
        self.local_programmes: frozenset[str] = frozenset(local_programmes)
        # the lists' items without their quotes, as every look-up compares them
        self._plain_lists: list[tuple[str, ...]] = [
            tuple(_unquoted(i) for i in items) for items in self.lists
        ]
        self._list_index: dict[str, list[int]] = {}
        for k, items in enumerate(self._plain_lists):
            for item in items:
                self._list_index.setdefault(item, []).append(k)
        self._list_item_scan = _word_scanner(
            sorted((i for i in self._list_index if len(i) >= 2), key=lambda w: (-len(w), w))
        )
        # standard vocabulary: term → its class (the first class listing it wins)
        self.terms: dict[str, str] = {}
        for cls_name, words in sorted((terms or {}).items()):
            for word in words:
                self.terms.setdefault(word, cls_name)
        term_list = sorted(self.terms, key=lambda s: (-len(s), s))
        self._term_scan = _word_scanner(term_list)
        # a text's sentences are scanned again on every call on it, answers once per template:
        # the scan depends on the text only, so its results are kept with this lexicon
        self._terms_in = lru_cache(maxsize=8192)(self._scan_terms)
        # the builders ask again, item by item, about the lists extraction asked about
        self._known_list_cached = lru_cache(maxsize=8192)(self._known_list)
        # (asked again for every question on a list: one scan per list and process)
        self._foils_cached = lru_cache(maxsize=8192)(self._list_foils_of)
        self._complete_cached = lru_cache(maxsize=8192)(self._complete_list_of)
        self._variants_cached = lru_cache(maxsize=8192)(self._list_variants_of)
        self._missing_cached = lru_cache(maxsize=8192)(self._missing_members_of)
        self._other_wording_cached = lru_cache(maxsize=8192)(self._other_wording_members_of)
        self._covering_cached = lru_cache(maxsize=8192)(self._covering_members_of)
        self._forbidden: dict[Formula, frozenset[str]] = {}
        # (a whole text's terms: asked for each key of the text, kept for the last few texts)
        self._terms_written = lru_cache(maxsize=4)(self._scan_written)
        self._term_classes: dict[str, list[str]] = {}
        for word, cls_name in sorted(self.terms.items()):
            self._term_classes.setdefault(cls_name, []).append(word)
        # 打铁必须自身硬 / 打铁还需自身硬: two wordings of one saying (at most two characters
        # apart in place) each accept the other (review X1)
        # (not where the last two characters differ: 一代人有一代人的长征 is another saying
        # than …的担当, 天下大事，必作于细 than 天下难事，必作于易 — kept apart, not accepted)
        sayings = self._term_classes.get(SAYING_CLASS, [])
        for a in sayings:
            for b in sayings:
                if a != b and len(a) == len(b) >= 5 and _apart_in_place(a, b) <= 2:
                    kept = self.aliases if a[-2:] == b[-2:] else self.wordings
                    if b not in kept.get(a, ()):
                        kept[a] = (*kept.get(a, ()), b)
        # a term's other names, spellings or wordings: never its lure, never beside it
        self.names: dict[str, tuple[str, ...]] = {
            term: (*self.aliases.get(term, ()), *self.wordings.get(term, ()))
            for term in {*self.aliases, *self.wordings}
        }
        self._by_name: dict[str, Formula] = dict(self._neutral)
        for formula in self.formulas:
            if formula.sense_of:
                # a version's name is an id no text writes; its variants (主题教育的总要求) are
                # other spellings of the shared name, as open to every version
                for variant in formula.variants:
                    self._by_name.setdefault(variant, self._neutral[formula.sense_of])
                continue
            self._by_name[formula.name] = formula
            for variant in formula.variants:
                self._by_name.setdefault(variant, formula)
        # each shared name's spellings (主题教育总要求, 主题教育的总要求)
        self._shared: dict[str, list[str]] = {}
        for word, formula in sorted(self._by_name.items()):
            if self._neutral.get(formula.name) is formula:
                self._shared.setdefault(formula.name, []).append(word)
        # Longest spelling first, so “中央八项规定” wins over “八项规定”.
        names = sorted(self._by_name, key=lambda s: (-len(s), s))
        self._name_scan = _word_scanner(names)
        self._phrase_pool: list[tuple[str, Formula]] | None = None
        self._known: frozenset[str] | None = None
        self._member_owner: dict[str, list[Formula]] = {}
        for formula in self.formulas:
            for member in formula.members:
                for spelling in formula.spellings(member):
                    self._member_owner.setdefault(spelling, []).append(formula)
        spellings = sorted(self._member_owner, key=lambda s: (-len(s), s))
        self._member_scan = _word_scanner(spellings)

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_formulas(
        cls, formulas: Iterable[Formula], terms: dict[str, Iterable[str]] | None = None
    ) -> Lexicon:
        return cls(formulas, terms)

    @classmethod
    def from_json(cls, data: dict) -> Lexicon:
        """A lexicon from the data file's shape; without a ``terms`` key (a formulas-only
        overlay such as the admins' edits), the packaged vocabulary, its aliases and its
        standard lists are kept."""
        packaged = _packaged_vocabulary()
        vocabulary = data if "terms" in data else packaged
        return cls(
            (_formula_from_dict(item) for item in data.get("formulas", [])),
            vocabulary.get("terms", {}),
            aliases=vocabulary.get("term_aliases", {}),
            wordings=vocabulary.get("term_wordings", {}),
            lists=(entry["items"] for entry in vocabulary.get("lists", [])),
            local_programmes=vocabulary.get("local_programmes", ()),
            list_sources=(entry.get("source", "") for entry in vocabulary.get("lists", [])),
            list_foils={
                tuple(entry["items"]): entry["foils"]
                for entry in vocabulary.get("lists", [])
                if entry.get("foils")
            },
            covers=vocabulary.get("term_covers", {}),
            near_synonyms=vocabulary.get("term_near_synonyms", ()),
            right_within=vocabulary.get("term_right_within", {}),
            dates=vocabulary.get("term_dates") or packaged.get("term_dates", {}),
            dated_lists=(
                (entry["items"], entry.get("source", ""))
                for entry in vocabulary.get("dated_lists", [])
            ),
        )

    # -- lookups ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.formulas)

    def __iter__(self) -> Iterator[Formula]:
        return iter(self.formulas)

    def get(self, name: str) -> Formula | None:
        """The formula called ``name`` (or one of its variants), else None."""
        name = name.strip("“”\"'‘’ ")
        return self._by_name.get(name) or self._by_id.get(name)

    def is_name(self, text: str) -> bool:
        """Is ``text`` exactly a formula's name or variant (as :meth:`find_names` matches)?"""
        return text in self._by_name

    def owners(self, phrase: str) -> list[Formula]:
        """Formulas having ``phrase`` as a member (or member alias)."""
        return self._member_owner.get(phrase, [])

    def is_list_item(self, phrase: str) -> bool:
        """Is ``phrase`` an item of a standard enumeration or a formula's member spelling?"""
        return _unquoted(phrase) in self._list_index or phrase in self._member_owner

    def term_class(self, term: str) -> str | None:
        return self.terms.get(term)

    def overlapping(self, term: str) -> frozenset[str]:
        """The terms that cover ``term`` or that it covers (民营经济 for 非公有制经济), and its
        near-synonyms of one class (拼搏精神 for 奋斗精神, 根本大计 for 千年大计): right in its
        slot as well, so never its lures."""
        return self._overlaps.get(term, frozenset())

    def family(self, term: str) -> str:
        """The term covering ``term`` (污染防治攻坚战 for 蓝天保卫战), else ``term`` itself."""
        return self._covered_by.get(term, term)

    def is_known(self, phrase: str) -> bool:
        """Is ``phrase`` a vocabulary term, a formula's name (or variant) or a member spelling?"""
        return phrase in (self._known or self.known_phrases())

    def known_phrases(self) -> frozenset[str]:
        """The phrases :meth:`is_known` accepts."""
        if self._known is None:
            self._known = (
                frozenset(self.terms) | frozenset(self._by_name) | frozenset(self._member_owner)
            )
        return self._known

    def find_list_runs(self, text: str) -> list[tuple[tuple[str, int], ...]]:
        """Standard enumerations spelled out in ``text`` (one sentence): for each, its items
        found there with their offsets, in text order. A list counts when at least two of its
        items (and half of them) stand next to each other, joined only by 、 和 及 or 与; a run
        read inside the items of a longer 、-list (:func:`_run_inside_longer_items`: 战略科技|
        人才、科技|领军人才) is dropped."""
        if self._list_item_scan is None or "、" not in text:
            return []
        if "“" in text or "”" in text:
            hits = self._quoted_list_items(text)
        else:  # (most sentences: the matches are the items as written)
            hits = [(word, start) for word, start, _ in self._list_item_scan.scan(text)]
        runs: list[tuple[tuple[str, int], ...]] = []
        run: list[tuple[str, int]] = []
        for hit in hits:
            if run:
                gap = _unquoted(text[run[-1][1] + len(run[-1][0]) : hit[1]])
                if gap not in ("、", "和", "及", "以及", "与"):
                    runs.append(tuple(run))
                    run = []
            run.append(hit)
        if run:
            runs.append(tuple(run))
        out = []
        for found in runs:
            if len(found) >= 2 and self.known_list(t for t, _ in found):
                if not _run_inside_longer_items(text, found):
                    out.append(found)
        return out

    def list_mates(self, item: str) -> set[str]:
        """The other items of every standard enumeration ``item`` belongs to."""
        key = _unquoted(item)
        return {
            other
            for k in self._list_index.get(key, ())
            for other in self._plain_lists[k]
            if other != key
        }

    def groups_of(self, item: str) -> list[tuple[str, ...]]:
        """Every standard enumeration and every formula's member list holding ``item``: the
        sets whose items stand in one slot of some text (权力观、政绩观、事业观)."""
        key = _unquoted(item)
        groups = [self._plain_lists[k] for k in self._list_index.get(key, ())]
        return groups + [tuple(f.members) for f in self.owners(key)]

    def _quoted_list_items(self, text: str) -> list[tuple[str, int]]:
        """List items in a sentence with quotes, as written there, with their offsets."""
        assert self._list_item_scan is not None
        # quotes inside an item (“三个代表”重要思想) are matched through: the items are found
        # in the text without its double quotes, then mapped back to the text as written
        plain, where = text, list(range(len(text)))
        if "“" in text:
            where = [i for i, ch in enumerate(text) if ch not in "“”"]
            plain = text.replace("“", "").replace("”", "")  # (the characters at ``where``)
        hits = []
        for _, start, end in self._list_item_scan.scan(plain):
            a, b = where[start], where[end - 1] + 1
            if text[a:b].count("“") < text[a:b].count("”") and a and text[a - 1] == "“":
                a -= 1  # 三个代表”重要思想 → “三个代表”重要思想
            if text[a:b].count("“") > text[a:b].count("”") and text[b : b + 1] == "”":
                b += 1
            if text[a:b].count("“") == text[a:b].count("”"):
                hits.append((text[a:b], a))
        return hits

    def known_list(self, items: Iterable[str]) -> bool:
        """Do ``items`` come from one standard enumeration (at least two of them, and at least
        half of them: a text may quote part of a list, or add to it)?"""
        return self._known_list_cached(tuple(items))

    def _known_list(self, items: tuple[str, ...]) -> bool:
        return bool(self._lists_holding(items))

    def _lists_holding(self, items: tuple[str, ...]) -> list[int]:
        """The indexes, in order, of the standard enumerations holding at least two of
        ``items`` and at least half of them (the match of :meth:`known_list`)."""
        plain = [_unquoted(i) for i in items]
        counts: dict[int, int] = {}
        for item in set(plain):
            for k in self._list_index.get(item, ()):
                counts[k] = counts.get(k, 0) + 1
        return [k for k, n in sorted(counts.items()) if n >= 2 and 2 * n >= len(plain)]

    def _lists_sharing(self, plain: Iterable[str]) -> list[int]:
        """The indexes, in order, of the standard enumerations holding any of the unquoted
        items ``plain``."""
        return sorted({k for item in plain for k in self._list_index.get(item, ())})

    def list_foils(self, items: Iterable[str]) -> tuple[str, ...]:
        """The curated wrong items of the standard enumeration ``items`` come from (as
        :meth:`known_list` matches it), or ()."""
        return self._foils_cached(tuple(items))

    def _list_foils_of(self, items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(
            foil
            for k in self._lists_holding(items)
            for foil in self._list_foils.get(self.lists[k], ())
        )

    def complete_list(self, items: Iterable[str]) -> tuple[str, ...] | None:
        """The standard enumeration (or formula's members) ``items`` spell out whole, in any
        order, or None: 获得感、幸福感、安全感 is one, two of its three items are not."""
        return self._complete_cached(tuple(items))

    def _complete_list_of(self, items: tuple[str, ...]) -> tuple[str, ...] | None:
        plain = {_unquoted(i) for i in items}
        for k in self._lists_sharing(plain):
            if set(self._plain_lists[k]) == plain:
                return self.lists[k]
        for item in sorted(plain):
            for formula in self._member_owner.get(item, ()):
                if formula.match_members and set(formula.members) == plain:
                    return formula.members
        return None

    def list_variants(self, items: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        """Other standard wordings of one item of a list of three or more: a standard list of
        the same length that shares all of the text's items but one (工农互促、城乡互补、全面融合、
        共同繁荣 / 2020: …、协调发展、…) maps the text's odd item to the list's odd member and
        that list's index (review 23)."""
        return {item: list(found) for item, found in self._variants_cached(tuple(items))}

    def _list_variants_of(
        self, items: tuple[str, ...]
    ) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
        plain = tuple(_unquoted(i) for i in items)
        out: dict[str, list[tuple[str, int]]] = {}
        if len(plain) < 3 or len(set(plain)) != len(plain):
            return ()
        standard = self.complete_list(plain) is not None
        for k in self._lists_sharing(plain):
            members = self._plain_lists[k]
            if len(members) not in (len(plain), len(plain) + 1):
                continue
            odd_text = [i for i in plain if i not in members]
            odd_list = [m for m in members if m not in plain]
            if len(odd_text) != 1:
                continue
            if len(members) > len(plain):
                # 政治建军、改革强军、科技兴军、依法治军 / 2022: …科技强军、人才强军…: a
                # revised, longer list maps the odd item to its member one character apart in
                # place (review X2); the member it adds is named by the note, not accepted
                odd_list = [m for m in odd_list if one_apart_in_place(m, odd_text[0])]
            # two lists that keep their shared items in one order reword an item in its own
            # slot: 理论创新、（实践创新）、制度创新 against 理论创新、制度创新、（科技创新）
            # is the 全面创新 list's other member, not a way to spell 实践创新 (blind round RE
            # #40); a list reordered (the 2019 四大赤字) has no slot to keep
            if len(odd_list) != 1 or _moved_slot(plain, odd_text[0], members, odd_list[0]):
                continue
            # sharing all items but one is not yet two wordings of one list: 政治品德、职业道德、
            # 社会公德、家庭美德 is another list than the 四德 (个人品德 is their other member,
            # blind round BG #25), 党员's 知情权、参与权、选举权、监督权 another than the 人民's
            # (表达权). A member stands for the text's item only as a one-character rewording
            # in place (科技兴军 / 科技强军) or when the text's items are a standard list too
            # (二十大 安全赤字 / 2019 信任赤字, 2018 全面融合 / 2020 协调发展)
            if not one_apart_in_place(odd_text[0], odd_list[0]) and not standard:
                continue
            out.setdefault(odd_text[0], []).append((odd_list[0], k))
        return tuple((item, tuple(found)) for item, found in out.items())

    def list_source(self, items: Iterable[str], *, ordered: bool = False) -> str:
        """Where the list ``items`` spell out whole (any order) comes from: the source of the
        first standard list of exactly these items, else of an older wording kept in
        ``dated_lists`` (党内监督、人大监督……舆论监督: 十八届四中全会, 2014), else "".
        ``ordered``: only a list of these items in this order (where the source is said to
        list the text's own items)."""
        order = tuple(_unquoted(i) for i in items)
        plain = set(order)
        for k in self._lists_sharing(plain):
            if set(self._plain_lists[k]) == plain and (
                not ordered or self._plain_lists[k] == order
            ):
                return self.list_sources[k] if k < len(self.list_sources) else ""
        for dated, source in self._dated_lists:
            if set(dated) == plain and (not ordered or dated == order):
                return source
        return ""

    def sourced_lists_holding(self, item: str) -> list[tuple[tuple[str, ...], str]]:
        """(items, source) of each standard list holding ``item``, then of each older wording
        kept in ``dated_lists``, items unquoted and in their order."""
        key = _unquoted(item)
        out = [
            (self._plain_lists[k], self.list_sources[k] if k < len(self.list_sources) else "")
            for k in self._list_index.get(key, ())
        ]
        return out + [(items, source) for items, source in self._dated_lists if key in items]

    def lists_one_wider(self, items: Iterable[str]) -> list[int]:
        """The indexes of the standard lists holding all of ``items`` (three or more) and one
        item more: a later wording that added a member (决策公开、管理公开、服务公开、结果公开 of
        2013, 五公开 of 2016 with 执行公开)."""
        plain = {_unquoted(i) for i in items}
        if len(plain) < 3:
            return []
        return [
            k
            for k in self._lists_sharing(plain)
            if len(self._plain_lists[k]) == len(plain) + 1 and plain <= set(self._plain_lists[k])
        ]

    def rival_members(self, item: str, items: Iterable[str]) -> frozenset[str]:
        """Members of the standard lists that hold two or more of ``items`` but not ``item``:
        an item such a list holds beside the key's mates, where ``item`` would stand (个人品德
        beside 职业道德、社会公德、家庭美德 for 政治品德) is another item, never a spelling."""
        if self.complete_list(items) is not None:
            return frozenset()  # (a standard list's other wording is weighed as one: 四个全面)
        plain = _unquoted(item)
        mates = {_unquoted(i) for i in items} - {plain}
        out: set[str] = set()
        for k in self._lists_sharing(mates):
            members = self._plain_lists[k]
            if plain not in members and len(mates & set(members)) >= 2:
                out.update(m for m in members if m not in mates)
        return frozenset(out)

    def other_wording_members(self, items: Iterable[str]) -> tuple[tuple[str, int], ...]:
        """(member, list index) of the members of each standard list that shares all but one or
        two of ``items`` (three or more) and words the rest otherwise (十九大 科技强国、…、智慧社会
        against the 二十大's 制造强国、…): the members ``items`` lack (round 26)."""
        return self._other_wording_cached(tuple(items))

    def _other_wording_members_of(self, items: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
        plain = tuple(_unquoted(i) for i in items)
        if len(plain) < 3:
            return ()
        out: list[tuple[str, int]] = []
        for k in self._lists_sharing(plain):
            members = self._plain_lists[k]
            odd_text = [i for i in plain if i not in members]
            if not 1 <= len(odd_text) <= 2 or len(plain) - len(odd_text) < 3:
                continue
            odd_list = [m for m in members if m not in plain]
            if len(odd_text) == len(odd_list) == 1:
                continue  # one item for one: list_variants maps it in its own slot
            out += [(m, k) for m in odd_list]
        return tuple(out)

    def covering_members(self, items: Iterable[str]) -> frozenset[str]:
        """The other members of every standard enumeration (or formula's member list) that holds
        all of ``items``: 历史思维, 系统思维 of the 二十大's seven 思维 for the 十九大's five
        (战略思维、创新思维、辩证思维、法治思维、底线思维). Where the text prints ``items``, a
        learner who knows the longer list cannot tell these from the text's own (blind rounds
        BF #38, BH #37)."""
        return self._covering_cached(tuple(sorted({_unquoted(i) for i in items})))

    def _covering_members_of(self, plain: tuple[str, ...]) -> frozenset[str]:
        out = {m for group in self.covering_lists(plain) for m in group}
        return frozenset(out.difference(plain))

    def covering_lists(self, items: Iterable[str]) -> list[tuple[str, ...]]:
        """Every standard enumeration and formula's member list (unquoted) holding all of
        ``items`` (:meth:`covering_members`)."""
        plain = [_unquoted(i) for i in items]
        if not plain:
            return []
        return [g for g in self.groups_of(plain[0]) if all(i in g for i in plain[1:])]

    def missing_members(self, items: Iterable[str]) -> tuple[str, ...]:
        """The members of a longer standard list that ``items`` quote only part of (three of the
        five 区域重大战略), unless ``items`` are a standard list whole (review 23)."""
        return self._missing_cached(tuple(items))

    def _missing_members_of(self, items: tuple[str, ...]) -> tuple[str, ...]:
        plain = {_unquoted(i) for i in items}
        # (sorted: a set's order would make a new cache key in every process)
        if len(plain) < 2 or self.complete_list(sorted(plain)) is not None:
            return ()
        missing: list[str] = []
        for k in self._lists_sharing(plain):
            members = self._plain_lists[k]
            if plain < set(members):
                missing += [m for m in members if m not in plain and m not in missing]
        return tuple(missing)

    def class_terms(self, cls_name: str) -> list[str]:
        return self._term_classes.get(cls_name, [])

    def terms_written(self, text: str) -> frozenset[str] | None:
        """Every vocabulary term ``text`` holds anywhere (inside longer words and overlapping
        ones too: ``term in text``), from one pass of the automaton; None without one."""
        if not isinstance(self._term_scan, _WordScanner):
            return None
        return self._terms_written(text)

    def find_terms(self, text: str) -> list[tuple[str, int, int]]:
        """(term, start, end) of every vocabulary term in ``text`` (longest first)."""
        return list(self._terms_in(text))

    def _scan_written(self, text: str) -> frozenset[str]:
        assert isinstance(self._term_scan, _WordScanner)
        return self._term_scan.written(text)

    def _scan_terms(self, text: str) -> tuple[tuple[str, int, int], ...]:
        if self._term_scan is None:
            return ()
        return tuple(self._term_scan.scan(text))

    def user_words(self) -> list[str]:
        """Words jieba should keep whole: names, variants, short members, vocabulary terms."""
        words = set(self._by_name) | {t for t in self.terms if "、" not in t and "，" not in t}
        for formula in self.formulas:
            for member in formula.members:
                if 2 <= len(member) <= 8 and "、" not in member:
                    if member[2:] in self.terms or member[2:] in self._by_name:
                        # 坚持|人民至上, 贯彻|新发展理念: a verb before a term keeps the term
                        # a word of its own (a key wherever a text says it), members or not
                        continue
                    words.add(member)
        return sorted(w for w in words if "“" not in w and "”" not in w)

    def siblings(self, formula: Formula) -> list[Formula]:
        """Other formulas of the same category (the source of sibling distractors)."""
        return [f for f in self.formulas if f is not formula and f.category == formula.category]

    def forbidden_for(self, formula: Formula) -> frozenset[str]:
        """Phrases never to be offered as a wrong option in a question on ``formula`` (kept per
        formula: every lure draw of its templates asks)."""
        got = self._forbidden.get(formula)
        if got is None:
            got = self._forbidden[formula] = frozenset(self._forbidden_of(formula))
        return got

    def _forbidden_of(self, formula: Formula) -> set[str]:
        out: set[str] = {formula.name, formula.shown, *formula.variants, *formula.related}
        if formula.sense_of:
            out.add(formula.sense_of)
        for member in formula.members:
            out.update(formula.spellings(member))
            core = formula.cores.get(member)
            if core:
                out.add(core)
        return out

    def name_pool(self) -> list[str]:
        """All formula names, for name distractors."""
        return list(dict.fromkeys(f.spoken for f in self.formulas))

    def phrase_pool(self) -> list[tuple[str, Formula]]:
        """Every member and foil with its formula, for member-shaped distractors."""
        if self._phrase_pool is not None:
            return self._phrase_pool
        pool: list[tuple[str, Formula]] = []
        for formula in self.formulas:
            for member in formula.members:
                pool.append((member, formula))
            for foil in formula.foils:
                pool.append((foil, formula))
        self._phrase_pool = pool
        return pool

    # -- matching -----------------------------------------------------------------------
    def senses_in(self, text: str) -> dict[str, Formula]:
        """For each shared name ``text`` (a whole document) writes, the version its evidence
        picks, or the neutral entry when it picks none or several: the version a mention whose
        own sentence says nothing is taken to be (see :meth:`find_names`)."""
        out: dict[str, Formula] = {}
        for spoken in self._senses:
            if any(w in text for w in self._shared[spoken]):
                found = self._evidenced(spoken, text, sentence=False)
                out[spoken] = self._sense_or_neutral(spoken, found)
        return out

    def _evidenced(self, spoken: str, text: str, *, sentence: bool) -> list[Formula]:
        """The versions of ``spoken`` that ``text`` gives evidence for: one of its cues (its
        frames too in the mention's own sentence), or two of its own members (all, when it has
        fewer) that no other version shares."""
        plain = _unquoted(text)
        versions = self._senses[spoken]
        found = []
        for version in versions:
            shared = {m for v in versions if v is not version for m in v.members}
            own = [m for m in version.members if m not in shared]
            need = min(len(own), max(2, len(own) // 2))  # (half of a long list's own)
            said = sum(any(w in plain for w in version.spellings(m)) for m in own)
            if (
                any(c in plain for c in version.cues)
                or (sentence and any(c in plain for c in version.frames))
                or (need and said >= need)
            ):
                found.append(version)
        return found

    def _sense_or_neutral(self, spoken: str, found: list[Formula]) -> Formula:
        """The one version found (when it has members to ask about), else the neutral entry:
        no evidence, or evidence for several, must not risk the wrong version's members."""
        if len(found) == 1 and found[0].members:
            return found[0]
        return self._neutral[spoken]

    def find_names(self, text: str, senses: dict[str, Formula] | None = None) -> list[FormulaHit]:
        """Every place ``text`` names a formula (longest spelling wins).

        A name several versions share is the version its sentence's evidence picks; with none
        there, the one ``senses`` (:meth:`senses_in` of the whole text) holds; else the neutral
        entry, which has no members to ask about."""
        if self._name_scan is None:
            return []
        hits = []
        for word, start, end in self._name_scan.scan(text):
            formula = self._by_name[word]
            spoken = formula.name
            if self._neutral.get(spoken) is formula:
                found = self._evidenced(spoken, text, sentence=True)
                if found:
                    formula = self._sense_or_neutral(spoken, found)
                elif senses is not None:
                    formula = senses.get(spoken, formula)
            if sum(len(foil) >= 3 and foil in text for foil in formula.foils) >= 2:
                # 这次主题教育总要求中明确要“重实践、建新功”: a text spelling two of the
                # formula's foils under its name speaks of another version (2023's 总要求, not
                # 2019's), and the lexicon's members would be false there (review QT2); two-
                # character foils (稳定, 安全 of 新发展理念) are words any sentence may hold
                continue
            hits.append(FormulaHit(formula, start, end, by_members=False))
        return hits

    def find_member_runs(self, text: str, offset: int = 0) -> list[FormulaHit]:
        """Places where ``text`` (one sentence) spells out most members of a formula.

        A formula counts when all of its members (two or three members) or all but one
        (four or more) occur close together: the span from the first to the last member is no
        longer than the members themselves plus a few characters each.
        """
        hits = []
        if self._member_scan is None:
            return hits
        present: dict[str, int] = {}
        for word, _, _ in self._member_scan.scan(text):
            for owner in self._member_owner[word]:
                present[owner.name] = present.get(owner.name, 0) + 1
        if all(n < 2 for n in present.values()):
            return hits  # most sentences: no formula with two members present
        for formula in self.formulas:
            if present.get(formula.name, 0) < 2:
                continue
            if not formula.match_members or len(formula.members) < 2:
                continue
            first = formula.members[0]
            if len(first) <= 2 and not _all_present(text, formula):
                continue  # single-word members (创新、协调 …) only count all together
            found: list[tuple[int, int, str]] = []
            for member in formula.members:
                for spelling in formula.spellings(member):
                    pos = text.find(spelling)
                    if pos >= 0:
                        found.append((pos, pos + len(spelling), member))
                        break
            need = len(formula.members) if len(formula.members) <= 3 else len(formula.members) - 1
            if len(found) < need:
                continue
            found.sort()
            span = found[-1][1] - found[0][0]
            budget = sum(e - s for s, e, _ in found) + 6 * len(found)
            if span > budget:
                continue
            members = tuple(m for m in formula.members if any(m == f[2] for f in found))
            hits.append(
                FormulaHit(formula, offset + found[0][0], offset + found[-1][1], True, members)
            )
        return hits


def _moved_slot(items: tuple[str, ...], item: str, other: tuple[str, ...], mate: str) -> bool:
    """Do ``items`` and ``other`` list their shared members in one order, with ``item`` and its
    would-be rewording ``mate`` after a different number of them (another slot)?"""
    shared = [i for i in items if i in other]
    if shared != [m for m in other if m in items]:
        return False
    before = sum(1 for i in items[: items.index(item)] if i in other)
    return before != sum(1 for m in other[: other.index(mate)] if m in items)


def continues_list(items: Sequence[str], other: Sequence[str]) -> bool:
    """Does ``other`` continue ``items`` rather than reword it: a run they share, whole and in
    order, that ends ``items`` and opens ``other`` (or the reverse)? 马克思列宁主义、毛泽东思想、
    邓小平理论、“三个代表”重要思想、科学发展观 against 邓小平理论、“三个代表”重要思想、科学发展观、
    习近平新时代中国特色社会主义思想 (the 理论体系): another list that overlaps the text's, not
    another wording of it (fourteenth session, helper "lexlists")."""
    plain, more = tuple(_unquoted(i) for i in items), tuple(_unquoted(i) for i in other)
    for a, b in ((plain, more), (more, plain)):
        for n in range(1, min(len(a), len(b))):
            if a[-n:] == b[:n] and not set(a[:-n]) & set(b) and not set(b[n:]) & set(a):
                return True
    return False


def _unquoted(text: str) -> str:
    """``text`` without double quotes: “三个代表”重要思想 and 三个代表重要思想 are one item."""
    return text.replace("“", "").replace("”", "") if "“" in text or "”" in text else text


class _WordScanner:
    """The places ``words`` occur in a text, as ``finditer`` of :func:`_alternation` finds
    them: leftmost first, the longest word at one start, not overlapping, each search going
    on after the last match's end.

    An Aho-Corasick automaton (pyahocorasick, C) is built in milliseconds where compiling the
    trie regex of thousands of words took a quarter second of every process's start, and it
    finds every occurrence in one pass; the regex's choice among them is made here.
    """

    def __init__(self, words: list[str]):
        self._automaton = ahocorasick.Automaton()
        # (a node finds its child by a linear search over its children, in the order they
        # were added: the first characters that start the most words, which a text meets the
        # most, go first. What the automaton finds does not depend on the order.)
        opening = Counter(word[:1] for word in words)
        for word in sorted(words, key=lambda w: -opening[w[:1]]):
            self._automaton.add_word(word, len(word))
        self._automaton.make_automaton()

    def written(self, text: str) -> frozenset[str]:
        """Every word ``text`` holds, wherever it starts (overlapping matches too)."""
        return frozenset(
            {text[last - size + 1 : last + 1] for last, size in self._automaton.iter(text)}
        )

    def scan(self, text: str) -> list[tuple[str, int, int]]:
        """(word, start, end) of each match, in text order."""
        # start → length of the longest word starting there: the automaton reports matches by
        # their end, so of the words sharing a start the longest comes last and stays
        longest = {last - size + 1: size for last, size in self._automaton.iter(text)}
        out = []
        resume = 0
        for start in sorted(longest):
            if start >= resume:
                resume = start + longest[start]
                out.append((text[start:resume], start, resume))
        return out


class _RegexScanner:
    """The same scan by the regex, for a word list holding ``""`` (matching everywhere)."""

    def __init__(self, pattern: re.Pattern[str]):
        self._pattern = pattern

    def scan(self, text: str) -> list[tuple[str, int, int]]:
        return [(m.group(0), m.start(), m.end()) for m in self._pattern.finditer(text)]


def _word_scanner(words: list[str]) -> _WordScanner | _RegexScanner | None:
    """A scanner for ``words`` (``None`` when there are none)."""
    if not words:
        return None
    if "" in words:  # (the automaton cannot hold an empty word)
        pattern = _alternation(words)
        assert pattern is not None
        return _RegexScanner(pattern)
    return _WordScanner(words)


def _alternation(words: list[str]) -> re.Pattern[str] | None:
    """One regex matching any of ``words``, the longest where several start at one place.

    Built as a trie (四个意识|四个自信 → 四个(?:意识|自信)): a flat alternation of hundreds of
    terms is tried word by word at every character of a text, a trie only along shared starts.
    """
    if not words:
        return None
    if "" in words:  # an empty word matches everywhere: keep the plain alternation
        return re.compile("|".join(re.escape(w) for w in words))
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    if len(trie) <= _FIRST_CHARS_CHUNK:
        return re.compile(_trie_pattern(trie))
    # re tries the branches of an alternation one by one: with hundreds of first characters
    # that is hundreds of tests at most characters of a text. Grouped under a class of their
    # first characters, a group is skipped in one test; and a word starts only where its
    # first two characters both can (none is shorter than two). Both tests only skip places
    # where no word starts, so the matches are those of the plain trie.
    branches = [(ch, re.escape(ch) + _trie_pattern(child)) for ch, child in sorted(trie.items())]
    groups = []
    for k in range(0, len(branches), _FIRST_CHARS_CHUNK):
        part = branches[k : k + _FIRST_CHARS_CHUNK]
        first = "".join(re.escape(ch) for ch, _ in part)
        groups.append(f"(?=[{first}])(?:" + "|".join(b for _, b in part) + ")")
    if min(map(len, words)) < 2:
        return re.compile("|".join(groups))
    firsts = "".join(re.escape(ch) for ch in sorted({w[0] for w in words}))
    seconds = "".join(re.escape(ch) for ch in sorted({w[1] for w in words}))
    return re.compile(f"(?=[{firsts}][{seconds}])(?:" + "|".join(groups) + ")")


# first characters per group in a long alternation (measured: 64 to 100 are best)
_FIRST_CHARS_CHUNK = 64


def _trie_pattern(node: dict) -> str:
    """Regex for a trie node: longer continuations first (greedy), then the word ending here."""
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _all_present(text: str, formula: Formula) -> bool:
    """All members in one 、-list: for formulas whose members are single common words."""
    joined = "、".join(formula.members)
    return joined in text


def _formula_from_dict(item: dict) -> Formula:
    return Formula(
        name=item["name"],
        members=tuple(item["members"]),
        # quoted variants (“三农”问题) are found through the bare name inside the quotes
        variants=tuple(v for v in item.get("variants", ()) if "“" not in v and "”" not in v),
        origin=item.get("origin", ""),
        source=item.get("source", ""),
        effective=item.get("effective", ""),
        category=item.get("category", ""),
        member_aliases={k: tuple(v) for k, v in item.get("member_aliases", {}).items()},
        member_wordings={k: tuple(v) for k, v in item.get("member_wordings", {}).items()},
        note=item.get("note", ""),
        parts={k: tuple(v) for k, v in item.get("parts", {}).items()},
        foils=tuple(item.get("foils", ())),
        near_foils=tuple(tuple(group) for group in item.get("near_foils", ())),
        related=tuple(item.get("related", ())),
        cores=dict(item.get("cores", {})),
        statement=item.get("statement", ""),
        match_members=bool(item.get("match_members", True)),
        choice_in_text=bool(item.get("choice_in_text", True)),
        sense_of=item.get("sense_of", ""),
        cues=tuple(item.get("cues", ())),
        frames=tuple(item.get("frames", ())),
        title=item.get("title", ""),
        changed={k: tuple(v) for k, v in item.get("changed", {}).items()},
        dated_foils={k: (v[0], v[1]) for k, v in item.get("dated_foils", {}).items()},
    )


@lru_cache(maxsize=1)
def _packaged_vocabulary() -> dict:
    """The packaged terms, term aliases and standard lists (kept under an admins' overlay)."""
    data = json.loads(DEFAULT_LEXICON_PATH.read_text(encoding="utf-8"))
    empty: dict[str, list | dict] = {
        "lists": [],
        "dated_lists": [],
        "local_programmes": [],
        "term_near_synonyms": [],
    }
    return {
        k: data.get(k, empty.get(k, {}))
        for k in (
            "terms",
            "term_aliases",
            "term_wordings",
            "term_covers",
            "term_near_synonyms",
            "term_right_within",
            "term_dates",
            "lists",
            "dated_lists",
            "local_programmes",
        )
    }


@lru_cache(maxsize=8)
def _load_cached(path: str) -> Lexicon:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return Lexicon.from_json(data)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The lexicon in ``path`` (default: the packaged ``formulas.json``), cached per path."""
    return _load_cached(str(path or DEFAULT_LEXICON_PATH))


# the Han characters between a list item and the next 、 of a longer list (or the previous 、
# and the item): the item is glued inside a longer item of that list
_GLUED_AFTER_ITEM = re.compile(r"([\u4e00-\u9fff]{1,10})、")
_GLUED_BEFORE_ITEM = re.compile(r"、[\u4e00-\u9fff]{1,10}$")


def _run_inside_longer_items(text: str, run: tuple[tuple[str, int], ...]) -> bool:
    """Do the matched items of a standard list sit inside the items of a longer 、-list, the
    last match opening an item that goes on to the next 、, and the first one closing an item
    after a 、 or ending as that item ends (战略科技|人才、科技|领军人才、青年科技人才: 人才、
    科技 is no 教育、科技、人才 run; 开放|发展、合作|发展、共同发展)? Such a run cuts the text's
    own list apart. (获得感、幸福感、安全感|更加充实、更有保障 goes on with a predicate: it
    stays.)"""
    last, at = run[-1]
    after = _GLUED_AFTER_ITEM.match(text, at + len(last))
    if after is None:
        return False
    first, start = run[0]
    if _GLUED_BEFORE_ITEM.search(text[max(0, start - 11) : start]):
        return True
    return (last + after.group(1))[-2:] == first[-2:]
