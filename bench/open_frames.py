"""Measure the open-frame rule (quizapp/generation/frames.py) on the reviewed plain 填空.

Reads every docs/quality.md table row whose kind cell is ``填空`` or ``填空 cloze`` (a plain
填空) and labels it ``OPEN`` (not usable, and the reason says another answer fits: "fits",
"defensible", "not accepted", "underdetermined", 均可, 不被接受 …), ``OK`` (usable) or ``OTHER``.
Each item is matched to the plain 填空 the current engine asks (same answer, the abridged stem's
pieces in the stem; repeats of one question counted once). Among the items no other rule makes
weak, it counts those the rule makes weak, for the held-out set (``--held``, default blind11:
not read while the rule was designed; the frame table leaves it out) and for the others.

    PYTHONPATH=. .venv/bin/python bench/open_frames.py [--held blind11] [--list]
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

BLIND: tuple[str, ...] = ("blind16",)  # sets never read
SET_OF = {label: name for name, texts in TEXT_SETS.items() for label, _ in texts}
PATHS = {
    label: path for name, texts in TEXT_SETS.items() if name not in BLIND for label, path in texts
}
OPEN = re.compile(
    r"fits?\b|defensible|not accepted|underdetermin|\bopen\b|ambiguous|also (fit|work|right|"
    r"correct)|other answers|could (also )?be|many answers|equally|several answers|"
    r"any .{0,20} fits|均可|皆可|均通|都能填|同样成立|同样合理|同样顺句|同样.{0,3}字|同样说得通|"
    r"也顺句|都能|可以辩护|不被接受|不能唯一|无法唯一|答案不唯一|也可填|也能填",
    re.I,
)


def labelled_items() -> list[dict]:
    items = []
    for line in (ROOT / "docs" / "quality.md").read_text(encoding="utf-8").splitlines():
        if not re.match(r"^\| \d+ \|", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 7 or cells[2] not in ("填空", "填空 cloze") or cells[1] not in PATHS:
            continue
        verdict = cells[5].strip("*").split()[0].lower() if cells[5].strip("*") else ""
        if verdict not in ("usable", "edit", "unusable"):
            continue
        label = "OK" if verdict == "usable" else "OPEN" if OPEN.search(cells[6]) else "OTHER"
        items.append(dict(text=cells[1], stem=cells[3], answer=cells[4], label=label))
    return items


def banks() -> dict[str, tuple[list, set[str], set[str]]]:
    """Each text's bank, the ids of its plain 填空 only the open-frame rule makes weak, and the
    ids weak without it."""
    out = {}
    keep = pipeline._open_frames
    for label, path in PATHS.items():
        text = path.read_text(encoding="utf-8")
        pipeline._open_frames = lambda *a: {}  # noqa: E731  (the rule off)
        try:
            before = {q.id for q in generate_questions(text, seed=0) if q.weak}
        finally:
            pipeline._open_frames = keep
        bank = generate_questions(text, seed=0)
        out[label] = (bank, {q.id for q in bank if q.weak} - before, before)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", default="blind11", help="the held-out text set")
    parser.add_argument("--list", action="store_true", help="print the items the rule flags")
    args = parser.parse_args()
    made = banks()
    counts: Counter[tuple[str, str, str]] = Counter()
    seen = set()
    for item in labelled_items():
        bank, flagged, before = made[item["text"]]
        pieces = [p for p in re.split(r"…+|（\s*）(?:〔\d+字〕)?", item["stem"]) if len(p) >= 2]
        best, found = None, -1
        for q in bank:
            if is_plain_cloze(q) and q.answer == [item["answer"]]:
                n = sum(len(p) for p in pieces if p in q.stem)
                if n > found:
                    best, found = q, n
        if best is None or found < 0.6 * sum(len(p) for p in pieces):
            continue  # no longer asked
        if (item["text"], best.id) in seen or best.id in before:
            continue  # a repeat, or weak by another rule
        seen.add((item["text"], best.id))
        group = "held" if SET_OF[item["text"]] == args.held else "other"
        counts[(group, "all", item["label"])] += 1
        if best.id in flagged:
            counts[(group, "flagged", item["label"])] += 1
            if args.list:
                print(item["label"], item["text"], item["answer"], best.stem[:60])
    for group in ("held", "other"):
        cells = " ".join(
            f"{lab} {counts[(group, 'flagged', lab)]}/{counts[(group, 'all', lab)]}"
            for lab in ("OPEN", "OK", "OTHER")
        )
        print(f"{group:6} flagged of the items no other rule makes weak: {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
