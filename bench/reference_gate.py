"""How usable the reviewers found plain 填空 by whether their key is the lexicon's or another
reference text's (the served pick's ``_coined`` rule, quizapp/generation/reference.py).

Reads the per-item tables of docs/quality.md for the rounds on texts no rule had been made from
(those of bench/confidence_fit.py and the fifth and sixth sessions' blind rounds FT, QT, S0, SQ0,
RA–RF, BA–BH), matches each plain 填空 to the question the current engine asks, and prints
usable/judged for the four cells: lexicon-known or not × another reference text has the key or not.

    PYTHONPATH=. .venv/bin/python bench/reference_gate.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import confidence_fit  # noqa: E402

from quizapp.generation import reference  # noqa: E402
from quizapp.generation.pipeline import document_key  # noqa: E402

# the rounds of confidence_fit and the later blind rounds, whose kind cells name the template
confidence_fit.UNSEEN = re.compile(
    r"^## (Transfer round (T1|T2|X1|X2)|Round (T\d|X\d|Y\d|B1|FT\d|QT\d|S0|SQ0|R[A-F]|B[A-H])"
    r"|Served-quiz round Q[1-6]) "
)


def main() -> int:
    confidence_fit.PLAIN_CELLS = ("填空", "填空 cloze")  # later rounds name the template
    rows = [r for r in confidence_fit.rows() if r["set"] == "unseen"]
    documents = {
        key: document_key(path.read_text(encoding="utf-8"))
        for key, path in confidence_fit.PATHS.items()
    }
    cells: Counter[tuple[str, str]] = Counter()
    usable: Counter[tuple[str, str]] = Counter()
    for r in rows:
        cell = (
            "known" if r["known"] else "unknown",
            "established"
            if reference.established(r["answer"], documents[r["key"]])
            else "this text only",
        )
        cells[cell] += 1
        usable[cell] += r["usable"]
    print(f"{len(rows)} plain 填空 matched, {sum(r['usable'] for r in rows)} usable as is")
    for cell in sorted(cells):
        print(
            f"  {cell[0]:8} {cell[1]:15} {usable[cell]}/{cells[cell]}"
            f" ({usable[cell] / cells[cell]:.0%})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
