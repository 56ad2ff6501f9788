"""Judged rows per weak rule: which rule marks each weak question, and how its judged rows fared.

bench/judged_rows.py matches the judged rows of docs/quality.md's bank and ``--quiz`` rounds on
the tuning sets to today's bank; this reads the rule that marks each matched weak question
(``pipeline.bank_with_reasons``) and prints, per rule: usable / judged rows in bank rounds and
in quiz rounds, and how many bank questions the rule marks over the dev texts (the sets of
``judged_rows.ALLOWED``: never the held-out fresh_test, blind6, blind7). The ``strong`` row
is the questions no rule marks; ``gone`` the judged rows today's bank no longer asks.

    PYTHONPATH=. .venv/bin/python bench/weak_reasons.py [--json rows.json] [--undropped]

(``--undropped``: the bank before the rules of ``pipeline.DROPPED_WEAK`` were dropped (eleventh
and twelfth sessions), their questions kept and marked weak.)
"""

import argparse
import json
import sys
from collections import Counter, defaultdict
from operator import itemgetter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judged_rows import judged_matches, text_banks  # noqa: E402

from quizapp.generation.pipeline import bank_with_reasons  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--json")
    ap.add_argument(
        "--undropped", action="store_true", help="keep the DROPPED_WEAK rules' questions (weak)"
    )
    args = ap.parse_args()
    banks = text_banks(lambda text: bank_with_reasons(text, seed=0, undropped=args.undropped))
    judged = defaultdict(Counter)  # reason → (quiz, usable) counts
    out = []
    for (name, st, quiz), row, (_, reasons), q, _ in judged_matches(banks, itemgetter(0)):
        reason = "gone" if q is None else reasons.get(q.id, "strong")
        judged[reason][quiz, row["v"] == "usable"] += 1
        rec = dict(round=name, set=st, quiz=quiz, **row, weak_reason=reason)
        if q is not None:
            rec.update(id=q.id, template=q.template, qstem=q.stem, qans=str(q.answer))
        out.append(rec)
    marked = Counter()
    total = 0
    for bank, reasons in banks.values():
        total += len(bank)
        marked.update(reasons.get(q.id, "strong") for q in bank)

    def share(c, quiz):
        good, n = c[quiz, True], c[quiz, True] + c[quiz, False]
        return f"{good}/{n}" + (f" {good / n:4.0%}" if n else "     ")

    print(f"{'reason':24} {'bank rounds':>14} {'quiz rounds':>14} {'both':>14} {'dev bank':>9}")
    order = sorted(judged.keys() | marked.keys(), key=lambda r: (r in ("strong", "gone"), r))
    for reason in order:
        c = judged[reason]
        both = Counter()
        for (_, good), v in c.items():
            both[False, good] += v
        print(
            f"{reason:24} {share(c, False):>14} {share(c, True):>14} {share(both, False):>14}"
            f" {marked[reason]:>9}"
        )
    print(f"dev bank questions: {total}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
