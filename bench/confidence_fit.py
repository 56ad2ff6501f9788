"""Refit and validate the confidence gate for plain 填空 (quizapp/generation/confidence.py).

Builds the labelled set from the per-item tables of docs/quality.md: every item of kind ``填空``
with no template or formula named (the plain 填空) from the rounds on texts no rule had been made
from (the transfer rounds T1/T2/X1/X2, rounds T3–T5, X3–X5, Y1–Y6, B1 and the served-quiz rounds
Q1–Q6), and, as a second set, from review rounds 21–28b. Each item is matched to the question the
current engine asks on its text (same answer, the abridged stem's pieces found in the stem);
items the engine no longer asks are left out, as are repeats of one question. Verdict ``usable``
is the positive label (``edit`` and ``unusable`` the negative).

Fits a logistic score on the unseen-text set (L2-penalised, Newton steps) and reports it left
one text out, at a few thresholds: the share kept and the precision of kept and dropped items.

    PYTHONPATH=. .venv/bin/python bench/confidence_fit.py
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality_sample import TEXT_SETS  # noqa: E402

from quizapp.generation import confidence  # noqa: E402
from quizapp.generation.builders import Context, build_all  # noqa: E402
from quizapp.generation.keyphrases import extract  # noqa: E402
from quizapp.generation.lexicon import load_lexicon  # noqa: E402
from quizapp.generation.model import Question  # noqa: E402
from quizapp.generation.pipeline import _checked, document_key  # noqa: E402

UNSEEN = re.compile(
    r"^## (Transfer round (T1|T2|X1|X2)|Round (T\d|X\d|Y\d|B1)|Served-quiz round Q[1-6]) "
)
REVIEW = re.compile(r"^## Round 2[1-8]b? ")
PATHS = {label: path for texts in TEXT_SETS.values() for label, path in texts}
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
# the kind cell of a plain 填空: no template named (the later rounds write "填空 cloze")
PLAIN_CELLS: tuple[str, ...] = ("填空",)
L2 = 1.0


def labelled_items() -> list[dict]:
    items, current = [], None
    for line in (ROOT / "docs" / "quality.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = "unseen" if UNSEEN.match(line) else "review" if REVIEW.match(line) else None
            continue
        if current is None or not re.match(r"^\| \d+ \|", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 7 or cells[2] not in PLAIN_CELLS or cells[1] not in PATHS:
            continue  # a plain 填空: the kind cell names no template and no tagged formula
        verdict = cells[5].strip("*").split()[0].lower() if cells[5].strip("*") else ""
        if verdict not in ("usable", "edit", "unusable"):
            continue
        items.append(dict(set=current, text=cells[1], stem=cells[3], answer=cells[4], y=verdict))
    return items


def bank(text: str, lexicon) -> tuple[list[Question], dict[str, str]]:
    """Every question of ``text`` before the gate, and each key text's extracted type."""
    kept, confidence.THRESHOLD = confidence.THRESHOLD, 0.0  # the gate off: every plain 填空
    try:
        extraction = extract(text, lexicon=lexicon)
        questions = _checked(build_all(Context(extraction, 0, document_key(text))))
    finally:
        confidence.THRESHOLD = kept
    types: dict[str, str] = {}
    for key in extraction.keys:
        types.setdefault(key.text, key.type)
    return questions, types


def rows() -> list[dict]:
    lexicon = load_lexicon()
    banks = {
        label: bank(path.read_text(encoding="utf-8"), lexicon) for label, path in PATHS.items()
    }
    out, seen = [], set()
    for item in labelled_items():
        questions, types = banks[item["text"]]
        pieces = [p for p in re.split(r"…+|（　　）", item["stem"]) if len(p) >= 2]
        best, best_len = None, -1
        for q in questions:
            if confidence.is_plain_cloze(q) and q.answer == [item["answer"]]:
                found = sum(len(p) for p in pieces if p in q.stem)
                if found > best_len:
                    best, best_len = q, found
        if best is None or best_len < 0.6 * sum(len(p) for p in pieces):
            continue  # the engine no longer asks it (or tags a formula now)
        if (item["text"], best.id) in seen:
            continue
        seen.add((item["text"], best.id))
        feats = confidence.features(best, types.get(item["answer"], ""))
        # is the key asked by another question of the bank (so the gate would not lose it)?
        elsewhere = any(
            q is not best and item["answer"] in (*q.keys, *_answers(q)) for q in questions
        )
        out.append(
            dict(
                item,
                usable=item["y"] == "usable",
                x=feats,
                known=lexicon.is_known(item["answer"]),
                elsewhere=elsewhere,
            )
        )
    return out


def _answers(q: Question) -> list[str]:
    return [
        a for a in (q.answer if isinstance(q.answer, list) else [q.answer]) if isinstance(a, str)
    ]


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


def fit(data: list[dict], names: list[str]) -> dict[str, float]:
    """L2-penalised logistic regression (the bias unpenalised) by Newton steps."""
    xs = [[1.0, *(r["x"][n] for n in names)] for r in data]
    ys = [1.0 if r["usable"] else 0.0 for r in data]
    w = [0.0] * (len(names) + 1)
    for _ in range(25):
        grad = [(L2 * w[j] if j else 0.0) for j in range(len(w))]
        hess = [[(L2 if i == j and i else 0.0) for j in range(len(w))] for i in range(len(w))]
        for x, y in zip(xs, ys, strict=True):
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x, strict=True))))
            for i in range(len(w)):
                grad[i] += (p - y) * x[i]
                for j in range(len(w)):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
    return {"bias": w[0], **dict(zip(names, w[1:], strict=True))}


def score(w: dict[str, float], r: dict) -> float:
    z = w["bias"] + sum(w[n] * v for n, v in r["x"].items())
    return 1 / (1 + math.exp(-z))


def table(scored: list[tuple[float, dict]], label: str) -> None:
    usable = sum(r["usable"] for _, r in scored)
    print(f"{label}: {len(scored)} items, {usable} usable ({usable / len(scored):.0%})")
    for t in THRESHOLDS:
        kept = [r for p, r in scored if p >= t]
        dropped = [r for p, r in scored if p < t]
        k, d = sum(r["usable"] for r in kept), sum(r["usable"] for r in dropped)
        print(
            f"  threshold {t}: kept {len(kept)}/{len(scored)} ({len(kept) / len(scored):.0%}), "
            f"usable kept {k}/{len(kept)} ({k / max(1, len(kept)):.2f}), "
            f"dropped {d}/{len(dropped)} ({d / max(1, len(dropped)):.2f})"
        )


def main() -> None:
    data = rows()
    unseen = [r for r in data if r["set"] == "unseen"]
    review = [r for r in data if r["set"] == "review"]
    names = list(confidence.WEIGHTS)[1:]
    print("trait            unseen usable with / without")
    for n in names:
        on = [r for r in unseen if r["x"][n]]
        off = [r for r in unseen if not r["x"][n]]
        print(
            f"  {n:14} {sum(r['usable'] for r in on)}/{len(on)}"
            f"  vs {sum(r['usable'] for r in off)}/{len(off)}"
        )
    weights = fit(unseen, names)
    print("weights fitted on every unseen-text item:")
    print("  " + ", ".join(f"{n} {v:+.2f}" for n, v in weights.items()))
    held: list[tuple[float, dict]] = []
    for text in sorted({r["text"] for r in unseen}):
        w = fit([r for r in unseen if r["text"] != text], names)
        held.extend((score(w, r), r) for r in unseen if r["text"] == text)
    table(held, "leave-one-text-out, unseen texts, every key gated")
    # the engine never gates a key the lexicon knows (the domain's vocabulary, which the gold
    # lists are made of): those count as kept
    table(
        [(1.0 if r["known"] else p, r) for p, r in held],
        "leave-one-text-out, unseen texts, lexicon keys exempt (the engine's gate)",
    )
    engine = [(1.0 if r["known"] else score(confidence.WEIGHTS, r), r) for r in review]
    table(engine, "engine weights and exemption, review texts")


if __name__ == "__main__":
    main()
