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

from judged_cloze import (
    ROOT,
    banks_without,
    count_flagged,
    labelled_items,
    print_counts,
    text_paths,
)
from quality_sample import BLIND_SETS

# their gold lists are in bench/heldout_gold/test*, or the set is still blind
HELD_OUT = ("fresh_test", "blind6", "blind7", *BLIND_SETS)
PATHS = text_paths(skip=HELD_OUT)
PLAIN = ("填空", "填空 cloze", "填空 plain", "填空 (cloze)")
CHECK_FROM = "## Ninth session: the blind12 texts"  # the check rounds start here
OPEN = re.compile(
    r"fits?\b|defensible|not accepted|underdetermin|\bopen\b|ambiguous|also (fit|work|right|"
    r"correct)|other answers|could (also )?be|many answers|equally|several answers|refused|"
    r"any .{0,20} fits|Pt ?2\b|Point 2|Fails 2|均可|皆可|均通|都能填|同样成立|同样合理|同样顺句|"
    r"同样.{0,3}字|同样说得通|也顺句|都能|可以辩护|不被接受|不能唯一|无法唯一|答案不唯一|也可填|也能填",
    re.I,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the items the rule flags")
    args = parser.parse_args()
    items = labelled_items(PLAIN, OPEN, PATHS, strip="* ")
    lines = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8").splitlines()
    check_from = next(
        (n for n, line in enumerate(lines) if line.startswith(CHECK_FROM)), len(lines)
    )
    made = banks_without("_open_quality_slot", lambda *a: False, PATHS, {i["key"] for i in items})

    def split(item: dict) -> str:
        return "check" if item["line"] > check_from else "tune"

    def show(item, q) -> None:
        print(split(item), item["label"], item["text"], item["answer"], q.stem[-50:])

    counts = count_flagged(items, made, group_of=split, show=show if args.list else None)
    print_counts(counts, ("tune", "check"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
