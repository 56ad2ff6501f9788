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

from judged_cloze import (
    banks_without,
    count_flagged,
    labelled_items,
    print_counts,
    text_paths,
)
from quality_sample import BLIND_SETS

BLIND: tuple[str, ...] = BLIND_SETS  # sets never read
PATHS = text_paths(skip=BLIND)
KINDS = ("填空", "填空 cloze")
OPEN = re.compile(
    r"fits?\b|defensible|not accepted|underdetermin|\bopen\b|ambiguous|also (fit|work|right|"
    r"correct)|other answers|could (also )?be|many answers|equally|several answers|"
    r"any .{0,20} fits|均可|皆可|均通|都能填|同样成立|同样合理|同样顺句|同样.{0,3}字|同样说得通|"
    r"也顺句|都能|可以辩护|不被接受|不能唯一|无法唯一|答案不唯一|也可填|也能填",
    re.I,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", default="blind11", help="the held-out text set")
    parser.add_argument("--list", action="store_true", help="print the items the rule flags")
    args = parser.parse_args()
    items = labelled_items(KINDS, OPEN, PATHS, strip="*")
    made = banks_without("_open_frames", lambda *a: {}, PATHS, {i["key"] for i in items})

    def show(item, q) -> None:
        print(item["label"], item["text"], item["answer"], q.stem[:60])

    counts = count_flagged(
        items,
        made,
        group_of=lambda item: "held" if item["key"][0] == args.held else "other",
        show=show if args.list else None,
        quotes=False,  # (as measured when the rule shipped)
    )
    print_counts(counts, ("held", "other"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
