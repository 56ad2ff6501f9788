"""Standing runs: the runs of short items the reference texts repeat (measured, not shipped).

A run is a stretch of 、-items of two to six 汉字 between two marks (the stops of the engine's
runs, pipeline ``_RUN_STOPS``), as printed and in order: 创造力、凝聚力、战斗力. The middle items
are whole; the first item may carry its lead (增强党的创造力) and the last its head (战斗力不断
增强), so they are cut to the middle items' length (to each length, in a pair, as long as both
items are of one length; where the middle items differ in length, the edges count only whole).
A run, or a stretch of two items or more of a longer run, is *standing* when reference texts
write it (those of bench/reference_keys.py, never a blind set): at least ``least`` texts other
than the question's own (which is judged as a new text would be), or a lexicon list or
formula's members. bench/open_blanks.py measures the rules built on it
(``edge_standing1``, ``edge_standing2``, ``partial_standing``, ``suffix3_standing``): none
takes out mostly unusable rows, so the engine does not read it (docs/generation.md, "Thirteenth
session: standing runs, measured"). ``--out`` writes, for inspection, the longest runs two texts
or more write with those texts (a run inside a longer one with the same texts left out; an
engine reading it would need every stretch: a longer run may disagree with a question's run
beyond the shorter one's ends).

    PYTHONPATH=. .venv/bin/python bench/standing_runs.py [--out standing_runs.tsv]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reference_keys import reference_texts  # noqa: E402

from quizapp.generation.lexicon import Lexicon  # noqa: E402
from quizapp.generation.pipeline import _RUN_STOPS, document_key  # noqa: E402

_SPANS = re.compile("[^" + "".join(re.escape(c) for c in sorted(_RUN_STOPS)) + "]+")
_ITEM = re.compile(r"[\u4e00-\u9fff]{2,6}")
_MIN, _MAX = 2, 6


def _cut_runs(parts: list[str]) -> list[tuple[str, ...]]:
    """The readings of one printed run's raw parts as items (edges cut), each at least two."""
    middle = parts[1:-1]
    lengths = {len(p) for p in middle} or set(range(_MIN, _MAX + 1))
    found = []
    for n in sorted(lengths):
        first, last = parts[0][-n:], parts[-1][:n]
        items = [first, *middle, last]
        if len(middle) > 1 and len({len(p) for p in middle}) > 1:
            # items of several lengths: the edges are kept only when whole
            items = [
                parts[0] if _ITEM.fullmatch(parts[0]) else "",
                *middle,
                parts[-1] if _ITEM.fullmatch(parts[-1]) else "",
            ]
        # a stretch of well-formed items (an odd one breaks the run)
        stretch: list[str] = []
        for item in [*items, ""]:
            if _ITEM.fullmatch(item):
                stretch.append(item)
                continue
            if len(stretch) >= 2:
                found.append(tuple(stretch))
            stretch = []
        if len(middle) > 1 and len({len(p) for p in middle}) > 1:
            break
    return found


def text_runs(text: str) -> set[tuple[str, ...]]:
    """Every run of ``text`` and every stretch of two items or more inside one."""
    out: set[tuple[str, ...]] = set()
    for span in _SPANS.findall(re.sub(r"[ \t\u3000]", "", text)):
        parts = span.split("、")
        if len(parts) < 2:
            continue
        for items in _cut_runs(parts):
            for a in range(len(items) - 1):
                for b in range(a + 2, len(items) + 1):
                    out.add(items[a:b])
    return out


def having(paths: list[Path] | None = None) -> tuple[dict[str, int], dict[tuple[str, ...], set]]:
    """(document key → reference id, run → the reference ids writing it) over every run."""
    documents: dict[str, int] = {}
    found: dict[tuple[str, ...], set[int]] = {}
    for path in paths if paths is not None else reference_texts():
        text = path.read_text(encoding="utf-8")
        number = documents.setdefault(document_key(text), len(documents))
        for run in text_runs(text):
            found.setdefault(run, set()).add(number)
    return documents, found


RunsByItem = dict[str, list[tuple[tuple[str, ...], set[int]]]]


def by_item(found: dict[tuple[str, ...], set[int]]) -> RunsByItem:
    """item → the runs holding it with the texts writing them."""
    out: RunsByItem = {}
    for run, ids in found.items():
        for item in set(run):
            out.setdefault(item, []).append((run, ids))
    return out


def standing_runs(
    item: str, own: int | None, runs: RunsByItem, lexicon: Lexicon, least: int
) -> list[tuple[str, ...]]:
    """The standing runs holding ``item``: those ``least`` reference texts other than ``own``
    (the question's text's reference id, None for a new text) write, and the lexicon's lists
    and formula members."""
    found = [run for run, ids in runs.get(item, ()) if len(ids - {own}) >= least]
    return found + [g for g in lexicon.groups_of(item) if len(g) >= 2 and item in g]


def fits(item: str, part: str, first: bool, last: bool) -> bool:
    """Is ``item`` the printed ``part`` (the first one may carry its lead, the last its head)?"""
    if first and part.endswith(item):
        return True
    if last and part.startswith(item):
        return True
    return part == item


def aligned(run: tuple[str, ...], parts: list[str], k: int, key: str) -> bool:
    """Does ``run`` hold ``key`` beside the printed neighbours ``parts`` (a 、-run's raw parts,
    the key's at ``k``) in their order, at least one of them and each it reaches?"""
    last = len(parts) - 1
    for j, item in enumerate(run):
        if item != key:
            continue
        reached = 0
        for d in range(-k, last - k + 1):
            if d == 0 or not 0 <= j + d < len(run):
                continue
            i = k + d
            if not fits(run[j + d], parts[i], i == 0, i == last):
                break
            reached += 1
        else:
            if reached:
                return True
    return False


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, help="write the table of runs two texts or more write")
    args = ap.parse_args()
    documents, found = having()
    standing = {run: ids for run, ids in found.items() if len(ids) >= 2}
    by_item: dict[str, list[tuple[str, ...]]] = {}
    for run in standing:
        for item in run:
            by_item.setdefault(item, []).append(run)
    kept = {
        run: ids
        for run, ids in standing.items()
        if not any(
            len(other) > len(run) and standing[other] >= ids and _inside(run, other)
            for other in by_item[run[0]]
        )
    }
    lines = [
        "# runs of short items two reference texts or more write, as printed, with those texts"
        " (bench/standing_runs.py)",
        *(f"#doc\t{n}\t{d}" for d, n in documents.items()),
        *(f"{'、'.join(r)}\t{','.join(map(str, sorted(ids)))}" for r, ids in sorted(kept.items())),
    ]
    print(f"{len(documents)} texts, {len(found)} runs, {len(kept)} standing", file=sys.stderr)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
