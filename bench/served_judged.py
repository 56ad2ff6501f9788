"""How often the questions a learner is served are ones a teacher judged usable.

Every judged row of docs/quality.md on a tuning set is matched to today's bank as
``bench/judged_rows.py`` does (or read from its ``--json`` dump: ``--rows``); a question's label is
the share of its rows judged usable. For every text of those sets, seeds 0..N-1 and each quiz
size, the served quiz (``select`` over the ``servable`` questions of
``bank_with_reasons(text, seed=s)``, what ``generate_questions(text, seed=s, count=n)`` returns) is
read: usable share among the served questions that match a judged row (and how many match), by
half of the sets (``FIT``: the sets
``pipeline.SERVE_TRAITS`` was fitted on, ``HOLD``: the others), besides the kind mix, the distinct
paragraphs a quiz touches, the weak questions served and the distinct questions the seeds serve.
``--bank-rounds`` labels from the bank rounds only (random samples of a bank: no served-quiz bias).
Always printed too: the rank's AUC per half (``rank_auc``: the rank without its jitter, over
pairs of judged questions of one text and kind, the pairs the pick compares). ``--keys``: by the
type of the key whose score a question's rank reads (``key_types``; heading, definition, quoted
…), its judged usable share per half, bank-wide and as served, and the key types a quiz serves.
Always printed too: the usable share by kind per half, of the bank's judged questions (seed 0,
each once) and of the served ones (a served 单选 below the bank's 单选: the pick is forced).

    PYTHONPATH=. .venv/bin/python bench/served_judged.py --rows rows.json [--seeds 10] [--count 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judged_rows import ALLOWED, judged_matches  # noqa: E402
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


@contextmanager
def key_types() -> Iterator[dict[str, str]]:
    """Question id → the type of the key whose score its rank reads (``pick_score``), filled
    while banks are built inside the block: the score of a key's questions is its best
    occurrence's, set by ``builders.build_all`` unless an earlier builder (a lexicon formula's)
    made the question."""
    from quizapp.generation import builders

    found: dict[str, str] = {}
    first_good = builders._first_good

    def recording(ctx, occurrences):
        for q in first_good(ctx, occurrences):
            if q.id not in ctx.scores:
                found.setdefault(q.id, occurrences[0].type)
            yield q

    builders._first_good = recording
    try:
        yield found
    finally:
        builders._first_good = first_good


def rank_auc(bank: list, label: dict[str, float], lexicon) -> tuple[float, float]:
    """(usable-over-failed pairs ranked right, pairs) among the judged questions of one bank of
    one kind, by ``select``'s rank without its jitter: key score + prior + traits."""
    from quizapp.generation.pipeline import PRIOR_WEIGHT, serve_bonus, template_prior

    bonus = serve_bonus(bank)
    rank = {
        q.id: q.pick_score + PRIOR_WEIGHT * template_prior(q, lexicon) + bonus[q.id]
        for q in bank
        if q.id in label
    }
    right = pairs = 0.0
    for a in bank:
        for b in bank:
            if a.id in rank and b.id in rank and a.kind == b.kind and label[a.id] > label[b.id]:
                pairs += label[a.id] - label[b.id]
                right += (label[a.id] - label[b.id]) * (
                    1.0 if rank[a.id] > rank[b.id] else 0.5 if rank[a.id] == rank[b.id] else 0.0
                )
    return right, pairs


def matched_rows(banks: dict[tuple[str, str], list]) -> list[dict]:
    return [
        dict(id=q.id, v=row["v"], quiz=quiz)
        for (_, _, quiz), row, _, q, _ in judged_matches(banks)
        if q is not None
    ]


def main() -> int:
    from quizapp.generation import KINDS, load_lexicon
    from quizapp.generation.pipeline import bank_with_reasons, select, servable

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", help="bench/judged_rows.py --json dump (else matched here)")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--count", type=int, action="append", help="quiz size (10, 20, 30)")
    parser.add_argument("--bank-rounds", action="store_true")
    parser.add_argument("--keys", action="store_true", help="usable share by key type")
    args = parser.parse_args()
    lexicon = load_lexicon()
    texts = [(st, label, path) for st in ALLOWED for label, path in TEXT_SETS[st]]
    banks = {}
    with key_types() as ktype:
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
    auc = {g: [0.0, 0.0] for g in ("fit", "hold")}
    by_type = defaultdict(lambda: {g: [0.0, 0] for g in ("fit", "hold")})
    for st, text_label, _ in texts:
        group = "fit" if st in FIT else "hold"
        right, pairs = rank_auc(banks[st, text_label][0], label, lexicon)
        auc[group][0] += right
        auc[group][1] += pairs
        for q in banks[st, text_label][0]:
            if args.keys and q.id in label:
                by_type[ktype.get(q.id, "(none)")][group][0] += label[q.id]
                by_type[ktype.get(q.id, "(none)")][group][1] += 1
    print(
        "rank AUC (within text and kind): "
        + "  ".join(f"{g} {r / p:.3f}" for g, (r, p) in auc.items())
    )

    def shares(halves: dict[str, list]) -> str:
        return "  ".join(
            f"{g} {u / n:.2f} ({n})" if n else f"{g} -" for g, (u, n) in halves.items()
        )

    for kind, halves in sorted(by_type.items(), key=lambda kv: -sum(n for _, n in kv[1].values())):
        print(f"  judged, key type {kind}: {shares(halves)}")
    # the bank's judged questions (seed 0, each once) by kind: what a served quiz should beat
    bank_kind = {k: {g: [0.0, 0] for g in ("fit", "hold")} for k in KINDS}
    for st, text_label, _ in texts:
        for q in banks[st, text_label][0]:
            if q.id in label:
                half = bank_kind[q.kind]["fit" if st in FIT else "hold"]
                half[0] += label[q.id]
                half[1] += 1
    print("bank, by kind: " + " | ".join(f"{k} {shares(bank_kind[k])}" for k in KINDS))
    for count in args.count or (10, 20, 30):
        served_type = defaultdict(lambda: {g: [0.0, 0] for g in ("fit", "hold")})
        types = Counter()
        share = {g: [0.0, 0] for g in ("fit", "hold", "all")}
        by_kind = {k: {g: [0.0, 0] for g in ("fit", "hold")} for k in KINDS}
        kinds, paragraphs, weak, distinct = Counter(), [], 0, []
        for st, text_label, _ in texts:
            group = "fit" if st in FIT else "hold"
            served = set()
            for s, bank in enumerate(banks[st, text_label]):
                quiz = select(servable(bank), count, s, lexicon=lexicon, repeats=False)
                served.update(q.id for q in quiz)
                kinds.update(q.kind for q in quiz)
                paragraphs.append(len({q.paragraph for q in quiz}))
                weak += sum(q.weak for q in quiz)
                types.update(ktype.get(q.id, "(none)") for q in quiz)
                for q in quiz:
                    if q.id in label and args.keys:
                        served_type[ktype.get(q.id, "(none)")][group][0] += label[q.id]
                        served_type[ktype.get(q.id, "(none)")][group][1] += 1
                    if q.id in label:
                        for g in (group, "all"):
                            share[g][0] += label[q.id]
                            share[g][1] += 1
                        by_kind[q.kind][group][0] += label[q.id]
                        by_kind[q.kind][group][1] += 1
            distinct.append(len(served))
        items = sum(kinds.values())
        print(
            f"count {count}: usable "
            + "  ".join(f"{g} {u / n:.3f} ({n})" for g, (u, n) in share.items() if n)
            + f" | kinds {', '.join(f'{k} {kinds[k] / items:.3f}' for k in KINDS)}"
            + f" | paragraphs {statistics.mean(paragraphs):.2f} | weak {weak}"
            + f" | distinct per text {statistics.mean(distinct):.1f}"
        )
        print("  served, by kind: " + " | ".join(f"{k} {shares(by_kind[k])}" for k in KINDS))
        for kind, halves in sorted(served_type.items(), key=lambda kv: -types[kv[0]]):
            print(f"  served, key type {kind} ({types[kind]} items): {shares(halves)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
