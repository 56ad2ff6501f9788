"""Wrong options of the same class and shape as the key.

Candidates come from the caller (siblings first: the other headings of a series, the foils and
sibling formulas of a lexicon entry, the other slogans of the text); this module filters them
(never the answer again, never a spelling variant, never a placeholder, never something the stem
already shows, never a phrase the caller forbids) and ranks them by *shape* — same length, same
ending, same punctuation pattern, same numeral opening — before a seeded pick.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from . import noise
from .keyphrases import is_generic
from .lexicon import NUMERALS
from .model import BLANK
from .segment import cn_number

__all__ = ["pick", "folded", "shape_distance", "is_variant", "fold_key", "LengthIndex"]

try:  # E3's folding (width, punctuation, quotes, traditional → simplified)
    from .normalize import fold as _fold
except ImportError:  # pragma: no cover - normalize.py ships with the package
    _fold = None

_LOOSE = str.maketrans({c: None for c in "个种项条大0123456789一二三四五六七八九十两"})
_PUNCT = re.compile(r"[、，,；;：:]")
_DIGIT = re.compile(r"\d")
# degree adverbs opening a predicate (更有保障, 最为关键): never a look-alike of a thing
_DEGREE_ADVERBS = frozenset("更最越很")
# a modal negation opening a phrase (不会劳动, 不想劳动, 不愿担当): the failing a text warns of,
# never a lure for a key that is not one itself; as an option it is out at a glance (blind9
# CK #12, CO #13: "absurd here, the negative phenomena the text criticises")
_NEGATED_MODALS = ("不会", "不想", "不愿", "不善", "不敢", "不能", "不肯", "没有")
# "bold in", "good at" …: a phrase opening so (勇于创新, 善于斗争) is a verb phrase, no look-alike
# of a noun of the same ending (实践创新, 伟大斗争); 忠于, 来自 … take an object and stay
_MANNER_YU_OPENINGS = frozenset(
    {"勇于", "敢于", "善于", "勤于", "甘于", "乐于", "长于", "精于", "急于"}
)


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """Comparison key: folded width/punctuation/script (normalize.fold when available)."""
    if _fold is not None:
        return _fold(text)
    return re.sub(r"[\s“”‘’\"'、，,。；;：:！!？?（）()《》]", "", text)


@lru_cache(maxsize=65536)
def _loose(text: str) -> str:
    return fold_key(text).translate(_LOOSE)


# Characters that make near-synonyms when swapped one for the other (敢于担当 / 勇于担当).
_SYNONYM_PAIRS_TEXT = ("敢勇", "于於", "全整", "须需")
_SYNONYM_PAIRS = {frozenset(p) for p in _SYNONYM_PAIRS_TEXT}


def is_variant(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` spellings of the same thing (4个意识 / 四个意识 / 四种意识), or
    near-synonyms that differ by one interchangeable character (敢于担当 / 勇于担当)?"""
    fa, fb = fold_key(a), fold_key(b)
    if fa == fb:
        return True
    la, lb = _loose(a), _loose(b)
    if bool(la) and la == lb and len(fa) > 2 and _counts(fa) == _counts(fb):
        return True
    return len(fa) == len(fb) >= 3 and _one_synonym_apart(fa, fb)


_COUNT_RUN = re.compile("[0-9零一二两三四五六七八九十]+")


def _counts(folded: str) -> tuple[int | str, ...]:
    """The numbers a spelling holds, by value (4 and 四 alike): 4个意识 / 四个意识 are one name,
    五个工作日 / 七个工作日 two quantities (a provision's lures)."""
    return tuple(_count_value(run) for run in _COUNT_RUN.findall(folded))


def _count_value(run: str) -> int | str:
    if run.isdigit():
        return int(run)
    value = cn_number(run)
    return run if value is None else value


# (a regex, not set.isdisjoint(text), tells fastest whether a text has any of them)
_SYNONYM_CHAR = re.compile("[" + "".join(sorted(set("".join(_SYNONYM_PAIRS_TEXT)))) + "]")


def _one_synonym_apart(fa: str, fb: str) -> bool:
    """Do two folded spellings of one length differ by exactly one synonym pair (敢/勇)?"""
    if _SYNONYM_CHAR.search(fa) is None:
        return False  # (most pairs: no character of a synonym pair at all)
    diff = [(x, y) for x, y in zip(fa, fb, strict=True) if x != y]
    return len(diff) == 1 and frozenset(diff[0]) in _SYNONYM_PAIRS


@lru_cache(maxsize=65536)
def _usable(cand: str) -> bool:
    """Can ``cand`` ever be an option (not generic, no placeholder, no digits)?"""
    return not (is_generic(cand) or noise.has_placeholder(cand) or _DIGIT.search(cand))


def _numeral_start(text: str) -> bool:
    return bool(text) and text[0] in NUMERALS


@lru_cache(maxsize=65536)
def _punct_count(text: str) -> int:
    return len(_PUNCT.findall(text))


@lru_cache(maxsize=16384)
def _candidate_traits(cand: str) -> tuple[str, str, bool, int, bool]:
    """What :func:`pick` needs of a candidate, in one cached lookup: (folded, loose, usable,
    punctuation count, numeral start). The same candidates are scanned for many keys."""
    return fold_key(cand), _loose(cand), _usable(cand), _punct_count(cand), _numeral_start(cand)


@lru_cache(maxsize=64)
def folded(words: frozenset[str]) -> frozenset[str]:
    """The comparison keys of a set of words (for ``banned``: a set excluded for every key of
    a text is folded once, not once per key)."""
    return frozenset(map(fold_key, words))


def shape_distance(key: str, other: str) -> float:
    """How far ``other`` is from looking like ``key`` (0 = same shape)."""
    d = abs(len(key) - len(other)) * 1.0
    if key[-1:] != other[-1:]:
        d += 0.6
    if key[-2:] != other[-2:]:
        d += 0.3
    if _punct_count(key) != _punct_count(other):
        d += 2.5
    if _numeral_start(key) != _numeral_start(other):
        d += 2.0
    return d


class LengthIndex:
    """A large candidate pool bucketed by length, scanned nearest length first."""

    def __init__(self, items: Iterable[str]):
        # first occurrences, in order; a pool is scanned either by length or by length and
        # ending, so each bucketing is built when first scanned
        self._items = [item for item in dict.fromkeys(items) if item]
        self._by_len: dict[int, list[str]] | None = None
        self._by_len_end: dict[tuple[int, str], list[str]] | None = None

    @property
    def by_len(self) -> dict[int, list[str]]:
        if self._by_len is None:
            self._by_len = {}
            for item in self._items:
                self._by_len.setdefault(len(item), []).append(item)
        return self._by_len

    @property
    def by_len_end(self) -> dict[tuple[int, str], list[str]]:
        if self._by_len_end is None:
            self._by_len_end = {}
            for item in self._items:
                self._by_len_end.setdefault((len(item), item[-1]), []).append(item)
        return self._by_len_end

    def scan(self, length: int, max_delta: int, per_bucket: int = 30, ending: str = ""):
        """Yield (delta, candidate), nearest lengths first, the first ones of each bucket.

        Seed-free on purpose: whether a question has enough distractors must not depend on the
        seed (the seed only picks among them), so the same questions exist for every seed.
        """
        for delta in range(max_delta + 1):
            for size in sorted({length - delta, length + delta}):
                bucket = (
                    self.by_len_end.get((size, ending[-1:])) if ending else self.by_len.get(size)
                )
                if not bucket:
                    continue
                yield from ((delta, c) for c in bucket[:per_bucket])


def pick(
    key: str,
    candidates: Iterable[str] | LengthIndex,
    n: int,
    rng: random.Random,
    *,
    exclude: Iterable[str] = (),
    stem: str = "",
    max_distance: float = 3.5,
    ranked: bool = False,
    same_ending: str = "",
    banned: frozenset[str] = frozenset(),
    aliases: Mapping[str, Iterable[str]] | None = None,
) -> list[str] | None:
    """``n`` distractors for ``key`` from ``candidates``, or None when there are not enough.

    ``ranked=True`` keeps the caller's order as the first criterion (sibling sets), shape only
    breaking ties; otherwise shape decides and the caller's order breaks ties. ``same_ending``
    keeps only candidates ending like the key (free-text keys: 问题导向 → 结果导向). ``banned``
    is more of ``exclude``, already folded (:func:`folded`: a standing set, folded once).
    ``aliases`` (the lexicon's other names of a term) keeps two names of one thing apart.
    """
    pool = best_candidates(
        key,
        candidates,
        n,
        exclude=exclude,
        stem=stem,
        max_distance=max_distance,
        ranked=ranked,
        same_ending=same_ending,
        banned=banned,
        aliases=aliases,
    )
    if pool is None:
        return None
    # a seeded pick among the best few keeps quality and still varies with the seed
    return rng.sample(pool, n)


def best_candidates(
    key: str,
    candidates: Iterable[str] | LengthIndex,
    n: int,
    *,
    exclude: Iterable[str] = (),
    stem: str = "",
    max_distance: float = 3.5,
    ranked: bool = False,
    same_ending: str = "",
    banned: frozenset[str] = frozenset(),
    aliases: Mapping[str, Iterable[str]] | None = None,
    keep: Callable[[str], bool] | None = None,
) -> list[str] | None:
    """The seed-free half of :func:`pick`: the few best candidates it samples ``n`` from, or
    None when there are not enough (callers can then skip seeding a random generator).
    ``keep``, when given, is a shape every candidate must pass (a list item's length)."""
    if isinstance(candidates, list | tuple) and len(candidates) < n:
        return None  # (many sibling sets are that small)
    # (the standing ``banned`` set is tested as it is, not copied for every key)
    refused = {fold_key(key), *map(fold_key, exclude)}
    stem_key = fold_key(stem)
    stem_lists = "、" in stem  # (only a listing stem can name another item)
    # 树立正确（　　） beside 正确党史观: an option repeating the words before the blank (review 16)
    at = stem.find(BLANK)
    lead = stem[max(0, at - 2) : at] if at >= 0 else ""
    seen: set[str] = set()
    scored: list[tuple[float, int, str]] = []
    # the key's side of is_variant and shape_distance, computed once rather than per candidate
    fkey, _, _, kpunct, knum = _candidate_traits(key)
    lkey = _loose(key)
    klen = len(key)
    flen = len(fkey)
    kend1, kend2 = key[-1:], key[-2:]
    key_has_and = "和" in key
    # (only lengths within reach, from either stream: the index scans no further, and a list
    # drops the others up front; ``order`` then skips them, which keeps the order of the rest)
    if isinstance(candidates, LengthIndex):
        stream = candidates.scan(klen, int(max_distance), ending=same_ending)
    else:  # (a list: no generator frame)
        stream = [(d, c) for c in candidates if (d := abs(len(c) - klen)) <= max_distance]
    indexed = isinstance(candidates, LengthIndex)
    near = 0  # candidates at the nearest shape seen so far (indexed pools stop early)
    for order, (delta, cand) in enumerate(stream):
        if indexed and near >= n + 3:
            break
        if same_ending and not cand.endswith(same_ending):
            continue
        fc, lc, usable, cpunct, cnum = _candidate_traits(cand)
        # (first: the key's siblings, excluded, are a third of the candidates; each test up to
        # ``seen.add`` drops a candidate whatever the others answer, and ``seen`` holds only
        # candidates ``keep``, the caller's costlier test, passed)
        if not fc or fc in seen or fc in refused or fc in banned:
            continue
        if cand[0] in "的之" or ("和" in cand and not key_has_and):
            continue  # 的教育体系, 宏观和微观: fragments or pairs, not look-alikes
        if cand[0] in _DEGREE_ADVERBS and cand[0] != key[:1]:
            continue  # 更有保障 for 多渠道保障: a predicate, not a thing (review 22b)
        if cand[:2] in _MANNER_YU_OPENINGS and key[1:2] != "于":
            continue  # 勇于创新 beside 实践创新: a verb phrase among nouns (FA #8)
        if cand.startswith(_NEGATED_MODALS) and not key.startswith(_NEGATED_MODALS):
            continue  # 不会劳动 beside 辛勤劳动: the failing, not a kind of the thing
        if keep is not None and not keep(cand):
            continue
        seen.add(fc)
        if not usable:
            continue
        # is_variant(cand, key), inlined
        if (
            fc == fkey
            or (lc and lc == lkey and len(fc) > 2)
            or (len(fc) == flen >= 3 and _one_synonym_apart(fc, fkey))
            or ((fc in fkey or fkey in fc) and not _negated(fc, fkey))
        ):
            continue  # (公有制经济 beside 非公有制经济 is its opposite, not a spelling of it)
        if _part_or_kind(fkey, fc):
            continue  # 政治判断力 beside 政治能力, 家族式腐败 beside 新型腐败: right as well
        if stem_key and fc in stem_key:
            continue  # the stem shows it already: a giveaway or a second right answer
        if stem_lists and len(fc) >= 5 and fc[:2] + fc[-2:] in stem_key:
            continue  # 西部开发、东北振兴、…: the list names 东北全面振兴 by its short form
        if len(lead) == 2 and cand.startswith(lead):
            continue
        # (_printed_head needs two shared last characters: most candidates have not)
        if stem_lists and fc[-2:] == fkey[-2:] and _printed_head(fkey, fc, stem):
            continue  # 乡村产业、人才、文化、生态、（组织振兴） among 产业振兴: named already
        # shape_distance(key, cand), inlined (same terms, added in the same order)
        dist = abs(klen - len(cand)) * 1.0
        if kend1 != cand[-1:]:
            dist += 0.6
        if kend2 != cand[-2:]:
            dist += 0.3
        if kpunct != cpunct:
            dist += 2.5
        if knum != cnum:
            dist += 2.0
        if dist > max_distance:
            continue
        scored.append((order if ranked else dist, dist if ranked else order, cand))
        if dist <= delta + 1.0:
            near += 1
    if len(scored) < n:
        return None
    scored.sort()
    best: list[str] = []
    best_keys: list[str] = []
    # other names of the key or of an option taken (高素质农民 for 新型职业农民, review 21)
    named = set(map(fold_key, aliases.get(key, ()))) if aliases else set()
    for _, _, cand in scored:
        fc = fold_key(cand)
        if any((fc in f or f in fc) and not _negated(fc, f) for f in best_keys) or fc in named:
            continue  # 双带头 beside 双带头人: two options that are one phrase
        best.append(cand)
        best_keys.append(fc)
        if aliases:
            named.update(map(fold_key, aliases.get(cand, ())))
        if len(best) == (n + 1 if ranked else n + 2):
            break
    return best if len(best) >= n else None


# modifiers that sort a thing by its age, novelty, level or visibility, across its kinds: a kind
# named by its use or form (生产性服务业, 家族式腐败) may be one of them (现代服务业, 新型腐败)
_CROSSING_MODIFIERS = frozenset(
    "现代 新型 新兴 传统 隐性 显性 高端 先进 高新 前沿 新业态 新形态".split()
)
# a general head and the ending its parts take (政治判断力 is a part of 政治能力)
_PART_ENDINGS = {"能力": "力"}
_PART_HEADS = tuple(_PART_ENDINGS)


def _part_or_kind(key: str, cand: str) -> bool:
    """Is one of ``key`` and ``cand`` a part or a kind of the other, so that both are right in
    its place: the same modifier with a general head and a part of it (政治能力 and 政治判断力),
    or the same head (two characters or more) with one modifier sorting across kinds and the
    other naming a kind (现代服务业 and 生产性服务业; 新型腐败, 隐性腐败 and 家族式腐败)?"""
    # (asked of every candidate a 单选 weighs, ~3,000 a text: the part test only when one of
    # them ends on a general head, and most pairs differ in their last two characters)
    if key.endswith(_PART_HEADS) or cand.endswith(_PART_HEADS):
        for a, b in ((key, cand), (cand, key)):
            for head, ending in _PART_ENDINGS.items():
                mod = a[: -len(head)]
                if (
                    a.endswith(head)
                    and len(mod) >= 2
                    and b.startswith(mod)
                    and b.endswith(ending)
                    and len(b) > len(a)
                    and not b.endswith(head)
                ):
                    return True
    if len(key) < 2 or len(cand) < 2 or key[-2:] != cand[-2:]:
        return False  # (a shared head of two characters or more is needed)
    shared = 2
    while shared < min(len(key), len(cand)) and key[-1 - shared] == cand[-1 - shared]:
        shared += 1
    mods = (key[: len(key) - shared], cand[: len(cand) - shared])
    if not all(mods):
        return False
    crossing = [m in _CROSSING_MODIFIERS for m in mods]
    return crossing[0] != crossing[1]


def _negated(a: str, b: str) -> bool:
    """Is one of ``a`` and ``b`` the other with 非 before it (非公有制经济 / 公有制经济)?"""
    return a == "非" + b or b == "非" + a


def _printed_head(key: str, cand: str, stem: str) -> bool:
    """Does the stem list what sets ``cand`` apart from the key (its words before the ending
    they share: 产业、 of 产业振兴 beside 组织振兴), so that the stem names it as another item?"""
    shared, limit = 0, min(len(key), len(cand))
    while shared < limit and key[-1 - shared] == cand[-1 - shared]:
        shared += 1
    head = cand[: len(cand) - shared]
    return shared >= 2 and len(head) >= 2 and (f"{head}、" in stem or f"、{head}" in stem)
