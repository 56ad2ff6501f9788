"""What bench/open_frames.py and bench/open_slots.py share: the judged plain 填空 rows of
docs/quality.md, the banks with one weak rule off, and the count of the rows the rule flags.

A row names its text by label only, and two sets may hold one label (``shiwuwu``: blind8's
十五五 建议 and blind14's 说明 on it, two texts that share whole sentences). A row's text is
therefore keyed by set and label (:func:`text_key`): its label's one set, or, for a label two
sets hold, the set its round's heading names (``--set blind14``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality_sample import TEXT_SETS  # noqa: E402

from quizapp.generation import generate_questions, pipeline  # noqa: E402
from quizapp.generation.confidence import is_plain_cloze  # noqa: E402

TextKey = tuple[str, str]  # (set, label)
SETS_OF: dict[str, list[str]] = {}
for _name, _texts in TEXT_SETS.items():
    for _label, _ in _texts:
        SETS_OF.setdefault(_label, []).append(_name)
_SET_IN_HEADING = re.compile(r"--set (\w+)")
_TABLE_ROW = re.compile(r"^\| \d+ \|")


def text_key(label: str, heading: str) -> TextKey | None:
    """The (set, label) of the text a row under ``heading`` was judged on: the set holding
    ``label``, or where several do, the one the heading names (None if it names none of them)."""
    sets = SETS_OF.get(label, [])
    if len(sets) == 1:
        return sets[0], label
    named = _SET_IN_HEADING.search(heading)
    return (named.group(1), label) if named and named.group(1) in sets else None


def text_paths(skip: Iterable[str] = ()) -> dict[TextKey, Path]:
    """Every text of TEXT_SETS but those of the sets ``skip``, by (set, label)."""
    return {
        (name, label): path
        for name, texts in TEXT_SETS.items()
        if name not in set(skip)
        for label, path in texts
    }


def table_rows() -> Iterator[tuple[int, str, list[str]]]:
    """Each per-item table row of docs/quality.md: its line number, the heading (``## …``) it
    stands under and its cells."""
    heading = ""
    lines = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line.startswith("## "):
            heading = line
        elif _TABLE_ROW.match(line):
            yield number, heading, [c.strip() for c in line.strip().strip("|").split("|")]


def labelled_items(
    kinds: Iterable[str], open_reason: re.Pattern[str], paths: dict[TextKey, Path], strip: str
) -> list[dict]:
    """The rows of a plain 填空 (kind cell among ``kinds``) on a text of ``paths`` with a
    verdict, labelled ``OK`` (usable), ``OPEN`` (not usable, the reason matching
    ``open_reason``: another answer fits) or ``OTHER``. ``strip``: what the verdict cell sheds
    before its first word is read (``**usable**``)."""
    items = []
    for number, heading, cells in table_rows():
        if len(cells) < 7 or cells[2] not in kinds:
            continue
        key = text_key(cells[1], heading)
        if key not in paths:
            continue
        verdict = cells[5].strip(strip).split()[0].lower() if cells[5].strip(strip) else ""
        if verdict not in ("usable", "edit", "unusable"):
            continue
        label = "OK" if verdict == "usable" else "OPEN" if open_reason.search(cells[6]) else "OTHER"
        items.append(
            dict(text=cells[1], key=key, stem=cells[3], answer=cells[4], label=label, line=number)
        )
    return items


def banks_without(
    rule: str, off: Callable, paths: dict[TextKey, Path], keys: Iterable[TextKey]
) -> dict[TextKey, tuple[list, set[str], set[str]]]:
    """Each text's plain 填空, the ids only the rule ``pipeline.<rule>`` makes weak, and the ids
    weak without it (the rule replaced by ``off``)."""
    out = {}
    keep = getattr(pipeline, rule)
    for key in sorted(keys):
        text = paths[key].read_text(encoding="utf-8")
        pipeline._extracted.cache_clear()  # (the verdicts are memoised on the extraction)
        setattr(pipeline, rule, off)
        try:
            before = {q.id for q in generate_questions(text, seed=0) if q.weak}
        finally:
            setattr(pipeline, rule, keep)
        pipeline._extracted.cache_clear()
        bank = [q for q in generate_questions(text, seed=0) if is_plain_cloze(q)]
        out[key] = (bank, {q.id for q in bank if q.weak} - before, before)
    return out


_BLANKS = re.compile(r"…+|（\s*）(?:〔\d+字〕)?")


def count_flagged(
    items: list[dict],
    made: dict[TextKey, tuple[list, set[str], set[str]]],
    group_of: Callable[[dict], str],
    show: Callable[[dict, object], None] | None = None,
    quotes: bool = True,
) -> Counter[tuple[str, str, str]]:
    """Match each item to the plain 填空 the engine asks on its text (same answer, the abridged
    stem's pieces making up 60% of its stem; a question judged twice counted once) and count,
    per ``group_of(item)``, among the items no other rule makes weak, all and those the rule
    flags (each flagged one passed to ``show``). ``quotes``: a piece of the stem matches with
    its quotation marks of either kind (the rounds copy “” as ")."""
    counts: Counter[tuple[str, str, str]] = Counter()
    seen = set()
    for item in items:
        bank, flagged, before = made[item["key"]]
        stem = item["stem"].replace('"', "“") if quotes else item["stem"]
        pieces = [p for p in _BLANKS.split(stem) if len(p) >= 2]
        best, found = None, -1
        for q in bank:
            if q.answer == [item["answer"]]:
                n = sum(len(p) for p in pieces if _in_stem(p, q.stem, quotes))
                if n > found:
                    best, found = q, n
        if best is None or found < 0.6 * sum(len(p) for p in pieces):
            continue  # no longer asked as a plain 填空
        if (item["key"], best.id) in seen or best.id in before:
            continue  # a repeat, or weak by another rule
        seen.add((item["key"], best.id))
        group = group_of(item)
        counts[(group, "all", item["label"])] += 1
        if best.id in flagged:
            counts[(group, "flagged", item["label"])] += 1
            if show is not None:
                show(item, best)
    return counts


def _in_stem(piece: str, stem: str, quotes: bool) -> bool:
    return piece in stem or (quotes and piece.replace("“", "”") in stem)


def print_counts(counts: Counter[tuple[str, str, str]], groups: Iterable[str]) -> None:
    for group in groups:
        cells = " ".join(
            f"{lab} {counts[(group, 'flagged', lab)]}/{counts[(group, 'all', lab)]}"
            for lab in ("OPEN", "OK", "OTHER")
        )
        print(f"{group:6} flagged of the items no other rule makes weak: {cells}")
