"""Measure the quality-slot rule (frames.quality_slot_open) on the reviewed plain 填空.

Reads every docs/quality.md table row whose kind cell is a plain 填空 (``填空``, ``填空 cloze``,
``填空 plain``, ``填空 (cloze)``) and labels it ``OPEN`` (not usable, and the reason says another
answer fits: "Pt 2", "fits", "defensible", "refused", 均可 …), ``OK`` (usable) or ``OTHER``. Rows
of the sets whose gold lists are still held out (``bench/heldout_gold/test*``: fresh_test, blind6,
blind7) are left out. Each row is matched to the plain 填空 the current engine asks (same answer,
the abridged stem's pieces making up 60% of its stem; a question judged twice counted once).
Among the items no other rule makes weak it counts those the rule makes weak, for the rounds
before the ninth session (``tune``: the rule was designed on them) and for the ninth and tenth
sessions' rounds (``check``: blind12 HA–HL, blind13 JA–JF).

    PYTHONPATH=. .venv/bin/python bench/open_slots.py [--list]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality_sample import TEXT_SETS  # noqa: E402

from quizapp.generation import generate_questions, pipeline  # noqa: E402
from quizapp.generation.confidence import is_plain_cloze  # noqa: E402

HELD_OUT = ("fresh_test", "blind6", "blind7")  # their gold lists are in bench/heldout_gold/test*
PATHS = {
    label: path
    for name, texts in TEXT_SETS.items()
    if name not in HELD_OUT
    for label, path in texts
}
PLAIN = ("填空", "填空 cloze", "填空 plain", "填空 (cloze)")
CHECK_FROM = "## Ninth session: the blind12 texts"  # the check rounds start here
OPEN = re.compile(
    r"fits?\b|defensible|not accepted|underdetermin|\bopen\b|ambiguous|also (fit|work|right|"
    r"correct)|other answers|could (also )?be|many answers|equally|several answers|refused|"
    r"any .{0,20} fits|Pt ?2\b|Point 2|Fails 2|均可|皆可|均通|都能填|同样成立|同样合理|同样顺句|"
    r"同样.{0,3}字|同样说得通|也顺句|都能|可以辩护|不被接受|不能唯一|无法唯一|答案不唯一|也可填|也能填",
    re.I,
)
BLANKS = re.compile(r"…+|（[\s　]*）(?:〔\d+字〕)?")


def labelled_items() -> list[dict]:
    items, check = [], False
    for line in (ROOT / "docs" / "quality.md").read_text(encoding="utf-8").splitlines():
        check = check or line.startswith(CHECK_FROM)
        if not re.match(r"^\| \d+ \|", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 7 or cells[2] not in PLAIN or cells[1] not in PATHS:
            continue
        verdict = cells[5].strip("* ").split()[0].lower() if cells[5].strip("* ") else ""
        if verdict not in ("usable", "edit", "unusable"):
            continue
        label = "OK" if verdict == "usable" else "OPEN" if OPEN.search(cells[6]) else "OTHER"
        split = "check" if check else "tune"
        items.append(dict(text=cells[1], stem=cells[3], answer=cells[4], label=label, split=split))
    return items


def banks(labels: set[str]) -> dict[str, tuple[list, set[str], set[str]]]:
    """Each text's plain 填空, the ids only the quality-slot rule makes weak, and the ids weak
    without it."""
    out = {}
    keep = pipeline._open_quality_slot
    for label in sorted(labels):
        text = PATHS[label].read_text(encoding="utf-8")
        pipeline._extracted.cache_clear()  # (the verdicts are memoised on the extraction)
        pipeline._open_quality_slot = lambda *a: False  # noqa: E731  (the rule off)
        try:
            before = {q.id for q in generate_questions(text, seed=0) if q.weak}
        finally:
            pipeline._open_quality_slot = keep
        pipeline._extracted.cache_clear()
        bank = [q for q in generate_questions(text, seed=0) if is_plain_cloze(q)]
        out[label] = (bank, {q.id for q in bank if q.weak} - before, before)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the items the rule flags")
    args = parser.parse_args()
    items = labelled_items()
    made = banks({item["text"] for item in items})
    counts: Counter[tuple[str, str, str]] = Counter()
    seen = set()
    for item in items:
        bank, flagged, before = made[item["text"]]
        pieces = [p for p in BLANKS.split(item["stem"].replace('"', "“")) if len(p) >= 2]
        best, found = None, -1
        for q in bank:
            if q.answer == [item["answer"]]:
                n = sum(len(p) for p in pieces if p in q.stem or p.replace("“", "”") in q.stem)
                if n > found:
                    best, found = q, n
        if best is None or found < 0.6 * sum(len(p) for p in pieces):
            continue  # no longer asked as a plain 填空
        if (item["text"], best.id) in seen or best.id in before:
            continue  # a repeat, or weak by another rule
        seen.add((item["text"], best.id))
        counts[(item["split"], "all", item["label"])] += 1
        if best.id in flagged:
            counts[(item["split"], "flagged", item["label"])] += 1
            if args.list:
                print(item["split"], item["label"], item["text"], item["answer"], best.stem[-50:])
    for split in ("tune", "check"):
        cells = " ".join(
            f"{lab} {counts[(split, 'flagged', lab)]}/{counts[(split, 'all', lab)]}"
            for lab in ("OPEN", "OK", "OTHER")
        )
        print(f"{split:6} flagged of the items no other rule makes weak: {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
