"""How often the questions a learner is served are ones a teacher judged usable.

Every judged row of docs/quality.md on a tuning set is matched to today's bank as
``bench/judged_rows.py`` does (or read from its ``--json`` dump: ``--rows``); a question's label is
the share of its rows judged usable. For every text of those sets, seeds 0..N-1 and each quiz
size, the served quiz (``select`` over ``bank_with_reasons(text, seed=s)``, what
``generate_questions(text, seed=s, count=n)`` returns) is read: usable share among the served
questions that match a judged row (and how many match), by half of the sets (``FIT``: the sets
``pipeline.SERVE_TRAITS`` was fitted on, ``HOLD``: the others), besides the kind mix, the distinct
paragraphs a quiz touches, the weak questions served and the distinct questions the seeds serve.
``--bank-rounds`` labels from the bank rounds only (random samples of a bank: no served-quiz bias).

    PYTHONPATH=. .venv/bin/python bench/served_judged.py --rows rows.json [--seeds 10] [--count 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judged_rows import ALLOWED, match, parse  # noqa: E402
from quality_sample import TEXT_SETS  # noqa: E402

FIT = ("review", "transfer2", "fresh", "blind8", "blind10", "blind12", "blind14")
HOLD = ("transfer", "transfer3", "blind9", "blind11", "blind13", "blind15")
VALUE = {"usable": 1.0, "edit": 0.0, "unusable": 0.0}


def labels(rows: list[dict], bank_rounds: bool) -> dict[str, float]:
    verdicts: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        if "id" in r and r["v"] in VALUE and not (bank_rounds and r["quiz"]):
            verdicts[r["id"]].append(VALUE[r["v"]])
    return {k: sum(v) / len(v) for k, v in verdicts.items()}


def matched_rows(banks: dict[tuple[str, str], list]) -> list[dict]:
    out = []
    for (_, st, quiz), rows in parse().items():
        for row in rows:
            bank = banks.get((st, row["label"]))
            if bank is None:
                continue
            q, _ = match(row, bank)
            if q is not None:
                out.append(dict(id=q.id, v=row["v"], quiz=quiz))
    return out


def main() -> int:
    from quizapp.generation import KINDS, load_lexicon
    from quizapp.generation.pipeline import bank_with_reasons, select

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", help="bench/judged_rows.py --json dump (else matched here)")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--count", type=int, action="append", help="quiz size (10, 20, 30)")
    parser.add_argument("--bank-rounds", action="store_true")
    args = parser.parse_args()
    lexicon = load_lexicon()
    texts = [(st, label, path) for st in ALLOWED for label, path in TEXT_SETS[st]]
    banks = {}
    for st, label, path in texts:
        text = path.read_text(encoding="utf-8")
        banks[st, label] = [
            bank_with_reasons(text, seed=s, lexicon=lexicon)[0] for s in range(args.seeds)
        ]
    if args.rows:
        rows = json.loads(Path(args.rows).read_text(encoding="utf-8"))
    else:
        rows = matched_rows({k: v[0] for k, v in banks.items()})
    label = labels(rows, args.bank_rounds)
    for count in args.count or (10, 20, 30):
        share = {g: [0.0, 0] for g in ("fit", "hold", "all")}
        kinds, paragraphs, weak, distinct = Counter(), [], 0, []
        for st, text_label, _ in texts:
            group = "fit" if st in FIT else "hold"
            served = set()
            for s, bank in enumerate(banks[st, text_label]):
                quiz = select(bank, count, s, lexicon=lexicon)
                served.update(q.id for q in quiz)
                kinds.update(q.kind for q in quiz)
                paragraphs.append(len({q.paragraph for q in quiz}))
                weak += sum(q.weak for q in quiz)
                for q in quiz:
                    if q.id in label:
                        for g in (group, "all"):
                            share[g][0] += label[q.id]
                            share[g][1] += 1
            distinct.append(len(served))
        items = sum(kinds.values())
        print(
            f"count {count}: usable "
            + "  ".join(f"{g} {u / n:.3f} ({n})" for g, (u, n) in share.items() if n)
            + f" | kinds {', '.join(f'{k} {kinds[k] / items:.3f}' for k in KINDS)}"
            + f" | paragraphs {statistics.mean(paragraphs):.2f} | weak {weak}"
            + f" | distinct per text {statistics.mean(distinct):.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
