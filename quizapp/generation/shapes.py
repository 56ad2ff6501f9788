"""Shape checks on a built question that no single builder owns (sixth session, blind rounds).

- a numbered label blanked right after its members are printed (海港、陆港、空港、信息港
  “（四港）”联动): the learner counts, so it is no question;
- a contrast split as a list (坚持（房子是用来住的）、（不是用来炒的）定位, 不分先后): an item
  opening on 不是/而非… after a positive one completes one statement, it is no parallel member;
- a list label left at the head of a stem (（四）坚持从实际出发…, （5）坚持和落实…): layout, not
  content;
- a key the stem prints with its characters in another order (完善促进（数字产业化）和产业
  数字化…): the learner reads it off.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import BLANK
from .segment import cn_number

# a list label at the head of a stem: （四）, （5）, 四、, 4. / 4．/ 4、, ①…⑳, and a book's
# paragraph number (（119）习近平总书记指出：…, blind17 PC #40; a 第N条 label is cut by the
# builders' own window)
_LIST_LABEL = re.compile(
    r"^(?:[（(](?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,3})[）)]|[一二三四五六七八九十]{1,3}、"
    r"|[0-9]{1,2}[.．、](?![0-9])|[\u2460-\u2473])[ \u3000]*"
)
# a numeral label: 四港, 四个全面, 三大攻坚战, 两个维护, 五位一体 is not one (位一体 is no head
# its members share, which the count below also requires)
_NUMBERED_LABEL = re.compile(r"^([一二三四五六七八九十两]{1,2})(?:个|大|项|种|条)?(.+)$")
# where the run of text a blank follows begins: any mark but the list comma
_CLAUSE_MARK = re.compile(r"[，。；：！？,;:!?（）()]")
# the marks around a quoted label: 信息港“（　　）”联动
_QUOTES = "“”‘’\"' \u3000"
# openings of an item that denies what the item before it asserts (…住的、不是用来炒的)
_LONG_NEGATORS = ("而不是", "不是", "而非", "并非", "绝非", "决不是", "绝不是", "不再是")
_SHORT_NEGATORS = ("不", "非")
# a 不 that opens a parallel item, not a denial (不断…, 不忘初心, 不仅…)
_NOT_DENIAL = ("不断", "不忘", "不仅", "不但", "不论", "不管", "不同", "不少")


def strip_list_label(stem: str) -> str:
    """``stem`` without a list label at its head (blind rounds RA #23, RD #23, DD #11)."""
    m = _LIST_LABEL.match(stem)
    if not m:
        return stem
    rest = stem[m.end() :]
    return rest if len(rest) >= 6 else stem  # (a label is never all a stem has)


def counted_label(stem: str, answer: str) -> bool:
    """Is ``answer`` a numeral label (四港, 四个全面) whose members the stem prints as a
    、-list just before the blank, as many as the numeral says and each with the label's head
    (海港、陆港、空港、信息港“（四港）”), so that counting finds the key (blind round RC #35)?"""
    m = _NUMBERED_LABEL.match(answer)
    if not m or stem.count(BLANK) != 1:
        return False
    n = cn_number(m.group(1))
    head = m.group(2)
    if not n or n < 2 or not head:
        return False
    before = stem[: stem.index(BLANK)].rstrip(_QUOTES)
    for tail in ("等", "的", "这"):
        before = before.removesuffix(tail)
    cut = max((x.end() for x in _CLAUSE_MARK.finditer(before)), default=0)
    run = before[cut:]
    items = [i.strip(_QUOTES) for i in run.split("、")]
    if len(items) >= 2:  # (…空港和信息港: the last two joined by a conjunction)
        for conj in ("和", "及", "与"):
            first, sep, last = items[-1].partition(conj)
            if sep and first and last:
                items[-1:] = [first, last]
                break
    if len(items) != n:
        return False
    # the first item carries the clause's verb (推动海港): its head is what counts
    return all(head in item for item in items) or all(item.endswith(head[-1]) for item in items)


def contrast_list(items: list[str] | tuple[str, ...]) -> bool:
    """Does an item open on a denial (不是/而不是/而非…) right after one that does not, so that
    the two form one statement, not parallel members (房子是用来住的、不是用来炒的, blind
    rounds RC #39, RF #38)? A bare 不/非 counts only when the denied item repeats a word of the
    one before (不是用来炒的 / 是用来住的); 不敢腐、不能腐、不想腐 deny alike, a list."""
    for prev, item in zip(items, items[1:], strict=False):
        if _denial(prev):
            continue
        if item.startswith(_LONG_NEGATORS):
            return True
        if item.startswith(_SHORT_NEGATORS) and not item.startswith(_NOT_DENIAL):
            rest = item[1:]
            if any(rest[i : i + 2] in prev for i in range(len(rest) - 1)):
                return True
    return False


def _denial(item: str) -> bool:
    return item.startswith(_LONG_NEGATORS) or (
        item.startswith(_SHORT_NEGATORS) and not item.startswith(_NOT_DENIAL)
    )


def swapped_key(stem: str, answer: str) -> bool:
    """Does ``stem`` print, outside its blanks, a run of ``answer``'s characters in another
    order (完善促进（数字产业化）和产业数字化政策体系, blind round DA #20)? The learner
    swaps them back. A swapped twin blanked as well gives nothing away, and so does the
    mirrored half of a saying (江山就是人民，（人民就是江山）): the swap is its form, a line
    a teacher asks. Keys of three characters or more, all Chinese (a two-character swap is
    mostly another word)."""
    n = len(answer)
    if n < 3 or not all("\u4e00" <= c <= "\u9fff" for c in answer):
        return False
    # (a run of the answer's characters needs every one of them in the stem: most stems lack one)
    if not all(c in stem for c in answer):
        return False
    return _swapped_in(stem, answer)


@lru_cache(maxsize=16384)
def _swapped_in(stem: str, answer: str) -> bool:
    """The search of :func:`swapped_key` (kept: a text generated again checks the same stems)."""
    n = len(answer)
    want = sorted(answer)
    chars = set(answer)
    parts = stem.split(BLANK)
    for k, part in enumerate(parts):
        for i in range(len(part) - n + 1):
            if part[i] in chars and part[i : i + n] != answer and sorted(part[i : i + n]) == want:
                if not _mirrored_halves(parts, k, i, n):
                    return True
    return False


def _mirrored_halves(parts: list[str], k: int, i: int, n: int) -> bool:
    """Is the run [i, i + n) of ``parts[k]`` (the stem split at its blanks) a whole clause,
    and so is one of the blanks: the two halves of one saying?"""
    part, last = parts[k], len(parts) - 1
    opens = part[i - 1] in _CLAUSE_MARKS if i else k == 0
    closes = part[i + n] in _CLAUSE_MARKS if i + n < len(part) else k == last
    if not (opens and closes):
        return False
    for j in range(last):  # the blank between parts[j] and parts[j + 1]
        before, after = parts[j], parts[j + 1]
        if (before[-1:] in _CLAUSE_MARKS if before else j == 0) and (
            after[:1] in _CLAUSE_MARKS if after else j + 1 == last
        ):
            return True
    return False


_CLAUSE_MARKS = frozenset("，,；;。！？：:")
