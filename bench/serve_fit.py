"""Fit and check the usable score the served quiz ranks by (``confidence.SERVE_WEIGHTS``).

Every judged row of docs/quality.md on a tuning set is matched to today's bank as
``bench/judged_rows.py`` does (read from its ``--json`` dump: ``--rows``); a question's label is
the share of its rows judged usable (usable 1, edit and unusable 0). Each judged question of the
seed-0 banks gives its ``confidence.serve_features`` (``pipeline.serve_feature_rows``: general
traits of kind, template, blank, key, stem and options, and of its bank: its key printed by
another question). A logistic score (L2, Newton steps, plain Python) is fitted on every set but
``TEST`` (blind19, blind20 and, once judged, blind21: the cleanest unseen rows, on which no fit
was made) and checked left
one set out (AUC, calibration by tenths of the score, the AUC within one text and kind: the
pairs the pick compares, against the hand-fitted rank's) and on ``TEST``. ``--weights`` prints
the weights fitted on every set but ``TEST``, in the form ``SERVE_WEIGHTS`` takes.

``--serve`` measures the served quizzes (``select`` over ``bank_with_reasons(text, seed=s)``,
seeds 0..N-1, quiz sizes ``--count``) for the pick without the score (``before``: ``BEFORE``,
the engine before the seventeenth session; shipped: ``add3_floor5``) against variants of
the pick's use of the score (``VARIANTS``): usable share of the judged served questions per
half (FIT and HOLD as ``bench/served_judged.py`` has them, blind16–18 in HOLD; TEST apart), the
failing servings taken out : the usable ones taken out, the kind mix, and the texts whose quiz
falls short of its size.

    PYTHONPATH=. .venv/bin/python bench/judged_rows.py --json /tmp/rows.json
    PYTHONPATH=. .venv/bin/python bench/serve_fit.py --rows /tmp/rows.json [--weights] [--serve]
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judged_rows import ALLOWED  # noqa: E402
from quality_sample import TEXT_SETS  # noqa: E402
from served_judged import FIT, labels  # noqa: E402

from quizapp.generation import KINDS, confidence, load_lexicon, pipeline  # noqa: E402

TEST = ("blind19", "blind20", "blind21")
L2 = 2.0


def group_of(st: str) -> str:
    return "test" if st in TEST else "fit" if st in FIT else "hold"


def load_banks(seeds: int, cache: str | None) -> dict[tuple[str, str], list]:
    """(set, label) → its banks for seeds 0..seeds-1, every allowed set (``cache``: a pickle
    read when present, else written)."""
    if cache and Path(cache).is_file():
        with open(cache, "rb") as f:
            banks = pickle.load(f)
        if all(len(v) >= seeds for v in banks.values()):
            return {k: v[:seeds] for k, v in banks.items()}
    lexicon = load_lexicon()
    banks = {}
    for st in ALLOWED:
        for label, path in TEXT_SETS[st]:
            text = path.read_text(encoding="utf-8")
            banks[st, label] = [
                pipeline.bank_with_reasons(text, seed=s, lexicon=lexicon)[0] for s in range(seeds)
            ]
    if cache:
        with open(cache, "wb") as f:
            pickle.dump(banks, f)
    return banks


def dataset(banks, label: dict[str, float]) -> list[dict]:
    """One row per judged question of a seed-0 bank: its features, label, set and text."""
    lexicon = load_lexicon()
    out, seen = [], set()
    for (st, text), versions in banks.items():
        bank = versions[0]
        feats = pipeline.serve_feature_rows(bank, lexicon)
        for q in bank:
            if q.id in label and q.id not in seen:
                seen.add(q.id)
                out.append(
                    dict(id=q.id, x=feats[q.id], y=label[q.id], set=st, text=text, kind=q.kind)
                )
    return out


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c], strict=True)]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit(data: list[dict], names: list[str], l2: float = L2) -> dict[str, float]:
    """L2-penalised logistic regression (the bias unpenalised) by Newton steps, a fractional
    label read as that share of a usable verdict."""
    index = {n: i + 1 for i, n in enumerate(names)}
    rows = [
        ([(0, 1.0)] + [(index[n], v) for n, v in r["x"].items() if n in index], r["y"])
        for r in data
    ]
    w = [0.0] * (len(names) + 1)
    for _ in range(12):
        grad = [(l2 * w[j] if j else 0.0) for j in range(len(w))]
        hess = [[(l2 if i == j and i else 0.0) for j in range(len(w))] for i in range(len(w))]
        for x, y in rows:
            z = sum(w[i] * v for i, v in x)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g, h = p - y, p * (1 - p)
            for i, vi in x:
                grad[i] += g * vi
                hi = hess[i]
                for j, vj in x:
                    hi[j] += h * vi * vj
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return {"bias": w[0], **dict(zip(names, w[1:], strict=True))}


def auc(scored: list[tuple[float, float]]) -> float:
    """Weighted AUC of (score, label share) pairs: each row counts as label usable and
    1 - label failing."""
    pos = sorted((p, y) for p, y in scored if y > 0)
    ps = [p for p, _ in pos]
    cum = [0.0]
    for _, y in pos:
        cum.append(cum[-1] + y)
    right = total = 0.0
    wpos = cum[-1]
    for p, y in scored:
        if y >= 1:
            continue
        wneg = 1 - y
        lo, hi = bisect.bisect_left(ps, p), bisect.bisect_right(ps, p)
        right += wneg * ((wpos - cum[hi]) + 0.5 * (cum[hi] - cum[lo]))
        total += wneg * wpos
    return right / total if total else float("nan")


def pair_auc(rows: list[dict], score: dict[str, float]) -> float:
    """Share of (usable over failing) pairs of one text and kind the score orders right."""
    right = pairs = 0.0
    groups = defaultdict(list)
    for r in rows:
        groups[r["set"], r["text"], r["kind"]].append(r)
    for items in groups.values():
        for a in items:
            for b in items:
                if a["y"] > b["y"]:
                    d = a["y"] - b["y"]
                    pairs += d
                    sa, sb = score[a["id"]], score[b["id"]]
                    right += d * (1.0 if sa > sb else 0.5 if sa == sb else 0.0)
    return right / pairs if pairs else float("nan")


def calibration(scored: list[tuple[float, float]]) -> str:
    bins = defaultdict(lambda: [0, 0.0, 0.0])
    for p, y in scored:
        b = bins[min(9, int(p * 10))]
        b[0] += 1
        b[1] += p
        b[2] += y
    return "  ".join(
        f"{k / 10:.1f}+: {n} {s / n:.2f}→{u / n:.2f}" for k, (n, s, u) in sorted(bins.items())
    )


def old_rank(banks, lexicon) -> dict[str, float]:
    """The hand-fitted rank without its jitter: key score + prior + traits."""
    out = {}
    for versions in banks.values():
        bank = versions[0]
        bonus = pipeline.serve_bonus(bank)
        for q in bank:
            out[q.id] = (
                q.pick_score
                + pipeline.PRIOR_WEIGHT * pipeline.template_prior(q, lexicon)
                + bonus[q.id]
            )
    return out


def report_fit(data: list[dict], names: list[str], rank: dict[str, float]) -> dict[str, float]:
    train = [r for r in data if r["set"] not in TEST]
    test = [r for r in data if r["set"] in TEST]
    print(f"rows: train {len(train)} ({sum(r['y'] for r in train):.0f} usable), test {len(test)}")
    held: dict[str, float] = {}
    per_set = []
    for st in sorted({r["set"] for r in train}):
        w = fit([r for r in train if r["set"] != st], names)
        rows = [r for r in train if r["set"] == st]
        sc = [(confidence.usable_score(r["x"], w), r["y"]) for r in rows]
        held.update((r["id"], p) for r, (p, _) in zip(rows, sc, strict=True))
        per_set.append((st, len(rows), auc(sc)))
    loso = [(held[r["id"]], r["y"]) for r in train]
    print(f"left one set out: AUC {auc(loso):.3f}")
    print("  by set: " + "  ".join(f"{st} {a:.2f} ({n})" for st, n, a in per_set))
    print("  calibration (score tenth: n mean score → usable share): " + calibration(loso))
    print(
        f"  within text and kind: score {pair_auc(train, held):.3f}, "
        f"hand rank {pair_auc(train, rank):.3f}"
    )
    w = fit(train, names)
    sc = {r["id"]: confidence.usable_score(r["x"], w) for r in test}
    pairs = [(sc[r["id"]], r["y"]) for r in test]
    print(f"test ({' + '.join(TEST)}, fitted on every other set): AUC {auc(pairs):.3f}")
    print("  calibration: " + calibration(pairs))
    print(
        f"  within text and kind: score {pair_auc(test, sc):.3f}, "
        f"hand rank {pair_auc(test, rank):.3f}"
    )
    old = [(rank[r["id"]], r["y"]) for r in test]
    print(f"  hand rank's AUC over all test rows {auc(old):.3f}")
    return w


# the pick's use of the score: module constants of ``pipeline`` set for the run
VARIANTS: dict[str, dict[str, float]] = {
    "add2": dict(USABLE_WEIGHT=2.0, USABLE_FLOOR=0.0),
    "add3": dict(USABLE_WEIGHT=3.0, USABLE_FLOOR=0.0),
    "add4": dict(USABLE_WEIGHT=4.0, USABLE_FLOOR=0.0),
    "add3_floor5": dict(USABLE_WEIGHT=3.0, USABLE_FLOOR=0.5),
    "add4_floor5": dict(USABLE_WEIGHT=4.0, USABLE_FLOOR=0.5),
    "replace2": dict(USABLE_WEIGHT=2.0, HAND_RANK=0.0, USABLE_FLOOR=0.0),
    "replace4": dict(USABLE_WEIGHT=4.0, HAND_RANK=0.0, USABLE_FLOOR=0.0),
    "replace2_floor5": dict(USABLE_WEIGHT=2.0, HAND_RANK=0.0, USABLE_FLOOR=0.5),
}
# "before": the pick without the score (what the engine did before the seventeenth session)
BEFORE = dict(USABLE_WEIGHT=0.0, HAND_RANK=1.0, USABLE_FLOOR=0.0)


def served(banks, label, counts, seeds, lexicon) -> dict:
    """(count, group) → Counter of question id served (judged ones), and kind counts, shorts."""
    out = {}
    for count in counts:
        ids = {g: Counter() for g in ("fit", "hold", "test")}
        kinds = {g: Counter() for g in ("fit", "hold", "test")}
        short = set()
        for (st, text), versions in banks.items():
            g = group_of(st)
            for s in range(seeds):
                quiz = pipeline.select(versions[s], count, s, lexicon=lexicon)
                if len(quiz) < count:
                    short.add((st, text))
                kinds[g].update(q.kind for q in quiz)
                ids[g].update(q.id for q in quiz if q.id in label)
        out[count] = (ids, kinds, short)
    return out


def compare(before, after, label, name: str) -> None:
    for count in before:
        ids_b, kinds_b, short_b = before[count]
        ids_a, kinds_a, short_a = after[count]
        cells = []
        for g in ("fit", "hold", "test"):

            def share(c):
                n = sum(c.values())
                return sum(label[i] * k for i, k in c.items()) / n if n else float("nan")

            out_fail = out_use = in_fail = in_use = 0.0
            for i in set(ids_b[g]) | set(ids_a[g]):
                d = ids_a[g][i] - ids_b[g][i]
                y = label[i]
                if d < 0:
                    out_fail += -d * (1 - y)
                    out_use += -d * y
                else:
                    in_fail += d * (1 - y)
                    in_use += d * y
            n = sum(kinds_a[g].values())
            mix = "/".join(f"{kinds_a[g][k] / n:.2f}" for k in KINDS) if n else "-"
            cells.append(
                f"{g} {share(ids_b[g]):.3f}→{share(ids_a[g]):.3f} "
                f"(n {sum(ids_a[g].values())}; failing out:usable out {out_fail:.1f}:{out_use:.1f}"
                f"; kinds {mix})"
            )
        print(f"{name} @{count}: " + " | ".join(cells) + f" | short {len(short_b)}→{len(short_a)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", required=True, help="bench/judged_rows.py --json dump")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--count", type=int, action="append")
    parser.add_argument("--cache", help="pickle of the banks (written when missing)")
    parser.add_argument("--weights", action="store_true")
    parser.add_argument("--serve", action="store_true")
    parser.add_argument(
        "--shipped", action="store_true", help="serve with SERVE_WEIGHTS as shipped, not the refit"
    )
    parser.add_argument("--variants", help="comma-separated VARIANTS names (default all)")
    parser.add_argument(
        "--before", help="pickle of the engine's served quizzes (written if missing)"
    )
    args = parser.parse_args()
    lexicon = load_lexicon()
    rows = json.loads(Path(args.rows).read_text(encoding="utf-8"))
    label = labels(rows, bank_rounds=False)
    banks = load_banks(args.seeds if args.serve else 1, args.cache)
    data = dataset(banks, label)
    names = sorted({n for r in data for n in r["x"]})
    w = report_fit(data, names, old_rank(banks, lexicon))
    if args.weights:
        print("SERVE_WEIGHTS = {")
        for n, v in sorted(w.items(), key=lambda kv: -abs(kv[1])):
            print(f'    "{n}": {v:.2f},')
        print("}")
    if args.serve:
        counts = args.count or [10, 20]
        fitted = dict(confidence.SERVE_WEIGHTS)
        base = {k: getattr(pipeline, k) for k in BEFORE}
        if not args.shipped:
            confidence.SERVE_WEIGHTS.clear()
            confidence.SERVE_WEIGHTS.update(w)
        before = None
        chosen = args.variants.split(",") if args.variants else list(VARIANTS)
        for name in ["before", *chosen]:
            for k, v in BEFORE.items():
                setattr(pipeline, k, v)
            for k, v in VARIANTS.get(name, {}).items():
                setattr(pipeline, k, v)
            if name == "before" and args.before and Path(args.before).is_file():
                result = pickle.loads(Path(args.before).read_bytes())
            else:
                result = served(banks, label, counts, args.seeds, lexicon)
            if name == "before" and args.before:
                Path(args.before).write_bytes(pickle.dumps(result))
            if before is None:
                before = result
            compare(before, result, label, name)
            sys.stdout.flush()
        for k, v in base.items():
            setattr(pipeline, k, v)
        confidence.SERVE_WEIGHTS.clear()
        confidence.SERVE_WEIGHTS.update(fitted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
