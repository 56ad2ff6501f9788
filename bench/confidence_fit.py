"""Refit and validate the confidence gate for plain 填空 (quizapp/generation/confidence.py).

Builds the labelled set from the per-item tables of docs/quality.md: every item of kind ``填空``
with no template or formula named (the plain 填空) from the rounds on texts no rule had been made
from (the transfer rounds T1/T2/X1/X2, rounds T3–T5, X3–X5, Y1–Y6, B1 and the served-quiz
rounds Q1–Q6, and the later rounds on texts kept blind when judged: ``LATER``, kind cell
``填空 cloze`` or ``填空 plain``), and, as a second set, from review rounds 21–28b. Each item is
matched to the question the current engine asks on its text (same answer, the abridged stem's
pieces found in the stem); items the engine no longer asks are left out, as are repeats of one
question. Verdict ``usable`` is the positive label (``edit`` and ``unusable`` the negative).

Fits a logistic score on the unseen-text set (L2-penalised, Newton steps) and reports it left
one text out, at a few thresholds: the share kept and the precision of kept and dropped items,
for the engine's weights and the refit, every key gated and as served (lexicon keys spared,
coined keys flagged); then each candidate trait (``_candidates``) added, where the gate acts.

    PYTHONPATH=. .venv/bin/python bench/confidence_fit.py
"""

from __future__ import annotations

import bisect
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judged_cloze import text_key, text_paths  # noqa: E402

from quizapp.generation import confidence, reference  # noqa: E402
from quizapp.generation.builders import Context, build_all  # noqa: E402
from quizapp.generation.jieba_setup import cut, word_frequency  # noqa: E402
from quizapp.generation.keyphrases import extract  # noqa: E402
from quizapp.generation.lexicon import load_lexicon  # noqa: E402
from quizapp.generation.model import BLANK, Question  # noqa: E402
from quizapp.generation.pipeline import _checked, _coined, document_key  # noqa: E402

UNSEEN = re.compile(
    r"^## (Transfer round (T1|T2|X1|X2)|Round (T\d|X\d|Y\d|B1)|Served-quiz round Q[1-6]) "
)
# the later rounds on texts kept blind when they were judged (the sixth to eighth sessions: FT,
# QT, S0, RA–RF, BA–BH, CA–CP, DA/DB/DD, EA–EH, FB, GA–GP); their kind cell says 填空 cloze or
# 填空 plain, their stems show a blank as （ ） with its length 〔4字〕
LATER = re.compile(r"^## Round \w+ \(sample seed \d+, --set (blind([6-9]|1[01])|fresh_test)\b")
REVIEW = re.compile(r"^## Round 2[1-8]b? ")
PATHS = text_paths()  # by (set, label): two sets may hold one label (judged_cloze.text_key)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
# the kind cell of a plain 填空: no template named, or the later rounds' "cloze" or "plain"
PLAIN_CELLS: tuple[str, ...] = ("填空", "填空 cloze", "填空 plain")
# a blank as the rounds print it (abridged: （　　）, （ ）, （　） and a length hint 〔4字〕)
_BLANK_CELL = re.compile(r"…+|（[ 　]*）(〔\d+字〕)?|〔\d+字〕")
L2 = 1.0


def labelled_items() -> list[dict]:
    items, current, heading = [], None, ""
    for line in (ROOT / "docs" / "quality.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line
            current = (
                "unseen"
                if UNSEEN.match(line)
                else "later"
                if LATER.match(line)
                else "review"
                if REVIEW.match(line)
                else None
            )
            continue
        if current is None or not re.match(r"^\| \d+ \|", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        key = text_key(cells[1], heading)
        if len(cells) < 7 or cells[2] not in PLAIN_CELLS or key not in PATHS:
            continue  # a plain 填空: the kind cell names no template and no tagged formula
        verdict = cells[5].strip("*").split()[0].lower() if cells[5].strip("*") else ""
        if verdict not in ("usable", "edit", "unusable"):
            continue
        items.append(
            dict(set=current, text=cells[1], key=key, stem=cells[3], answer=cells[4], y=verdict)
        )
    return items


def _plain(stem: str) -> str:
    """A stem with its quotation marks of one kind (the rounds copy “” as ") and no article
    number before it (第七条　, which the engine's stem no longer prints)."""
    return re.sub(r"^第[一二三四五六七八九十百]+条\s*", "", re.sub("[“”]", '"', stem))


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
    sources = {key: path.read_text(encoding="utf-8") for key, path in PATHS.items()}
    banks = {key: bank(text, lexicon) for key, text in sources.items()}
    out, seen = [], set()
    for item in labelled_items():
        questions, types = banks[item["key"]]
        pieces = [p for p in _BLANK_CELL.split(_plain(item["stem"])) if p and len(p) >= 2]
        best, best_len = None, -1
        for q in questions:
            if confidence.is_plain_cloze(q) and q.answer == [item["answer"]]:
                found = sum(len(p) for p in pieces if p in _plain(q.stem))
                if found > best_len:
                    best, best_len = q, found
        if best is None or best_len < 0.6 * sum(len(p) for p in pieces):
            continue  # the engine no longer asks it (or tags a formula now)
        if (item["key"], best.id) in seen:
            continue
        seen.add((item["key"], best.id))
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
                question=best,
                source_text=sources[item["key"]],
                document=document_key(sources[item["key"]]),
                # a key no other study text uses: the served quiz takes it last anyway
                coined=_coined(best, lexicon, document_key(sources[item["key"]])),
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
    z = w["bias"] + sum(v * r["x"][n] for n, v in w.items() if n != "bias")
    return 1 / (1 + math.exp(-z))


def table(scored: list[tuple[float, dict]], label: str, coined: bool = False) -> None:
    """Kept and flagged items at each threshold; with ``coined``, as the served quiz sees
    them: a key the lexicon knows is never flagged, a key no other text uses always is."""
    usable = sum(r["usable"] for _, r in scored)
    print(f"{label}: {len(scored)} items, {usable} usable ({usable / len(scored):.0%})")
    for t in THRESHOLDS:
        if coined:
            flags = [not r["known"] and (r["coined"] or p < t) for p, r in scored]
        else:
            flags = [p < t for p, _ in scored]
        kept = [r for (_, r), f in zip(scored, flags, strict=True) if not f]
        dropped = [r for (_, r), f in zip(scored, flags, strict=True) if f]
        k, d = sum(r["usable"] for r in kept), sum(r["usable"] for r in dropped)
        print(
            f"  threshold {t}: kept {len(kept)}/{len(scored)} ({len(kept) / len(scored):.0%}), "
            f"usable kept {k}/{len(kept)} ({k / max(1, len(kept)):.3f}), "
            f"flagged {d}/{len(dropped)} ({d / max(1, len(dropped)):.2f})"
        )


def _auc(scored: list[tuple[float, dict]]) -> float:
    pos = sorted(p for p, r in scored if r["usable"])
    neg = [p for p, r in scored if not r["usable"]]
    wins = sum(len(pos) - bisect.bisect_right(pos, p) for p in neg)
    ties = sum(bisect.bisect_right(pos, p) - bisect.bisect_left(pos, p) for p in neg)
    return (wins + ties / 2) / max(1, len(pos) * len(neg))


def left_out(data: list[dict], names: list[str], fitted_on=lambda r: True) -> list[tuple]:
    """Each item scored by weights fitted on the other texts' items (``fitted_on`` of them)."""
    held: list[tuple[float, dict]] = []
    # (by label: blind8's and blind14's shiwuwu, which share sentences, are left out together)
    for text in sorted({r["text"] for r in data}):
        w = fit([r for r in data if r["text"] != text and fitted_on(r)], names)
        held.extend((score(w, r), r) for r in data if r["text"] == text)
    return held


# Traits tried on the larger set (none of them a listed phrase): kept only if they separate
# left one text out. Each reads the matched question, its text and the reference table.
def _candidates(r: dict) -> dict[str, float]:
    q = r["question"]
    answer, at = q.answer[0], q.stem.find(BLANK)
    before, after = q.stem[:at], q.stem[at + len(BLANK) :]
    items = re.split(r"[，。；：！？“”（）]", before)[-1].split("、")[:-1]
    items += re.split(r"[，。；：！？“”（）]", after)[0].split("、")[1:]
    items = [i for i in items if i]
    lead = bool(before) and before[-1] not in confidence._SINGLE_LEAD_MARKS
    words = cut(before[-10:], hmm=False) if lead else []
    governs = lead and bool(words) and words[-1] in confidence.SINGLE_LEAD_WORDS
    traits = {
        # a word, not a mark, right before the blank: the key completes a phrase others fit
        "lead_word": lead,
        # ... a governing word (强化, 推进, 增强…) and a key jieba does not know
        "governed_unknown": governs and word_frequency(answer) == 0,
        "key_once": r["source_text"].count(answer) == 1,
        "unknown4": len(answer) == 4 and word_frequency(answer) == 0,
        "not_reference": r["coined"] or not reference.established(answer, r["document"]),
        "deictic_start": q.stem[:1] in "这此其该",
        "bare_start": q.stem[:1] in "这此其该是而并且但也又即从因",
        "adverbial": after.startswith("地"),
        # 早发现、早报告、（早处置）: short items of one head character
        "head_series": bool(items)
        and len(answer) <= 3
        and all(len(i) <= 3 and i[:1] == answer[:1] for i in items),
        "four_series": bool(items) and len(answer) == 4 and all(len(i) == 4 for i in items),
    }
    return {n: float(v) for n, v in traits.items()}


def main() -> None:
    data = rows()
    unseen = [r for r in data if r["set"] in ("unseen", "later")]
    review = [r for r in data if r["set"] == "review"]
    names = list(confidence.WEIGHTS)[1:]
    for group in ("unseen", "later"):
        texts = sorted({r["text"] for r in data if r["set"] == group})
        shares = []
        for text in texts:
            mine = [r for r in data if r["set"] == group and r["text"] == text]
            shares.append(f"{text} {sum(r['usable'] for r in mine)}/{len(mine)}")
        mine = [r for r in data if r["set"] == group]
        print(f"{group}: {len(mine)} items, {sum(r['usable'] for r in mine)} usable")
        print("  " + ", ".join(shares))
    print("trait            usable with / without (unseen and later rounds)")
    for n in names:
        on = [r for r in unseen if r["x"][n]]
        off = [r for r in unseen if not r["x"][n]]
        print(
            f"  {n:14} {sum(r['usable'] for r in on)}/{len(on)}"
            f"  vs {sum(r['usable'] for r in off)}/{len(off)}"
        )
    weights = fit(unseen, names)
    print("weights fitted on every item:")
    print("  " + ", ".join(f"{n} {v:+.2f}" for n, v in weights.items()))
    engine = [(score(confidence.WEIGHTS, r), r) for r in unseen]
    held = left_out(unseen, names)
    for label, scored in (("engine weights", engine), ("refitted, one text left out", held)):
        print(f"{label}: AUC {_auc(scored):.3f}")
        table(scored, f"{label}, every key gated")
        table(scored, f"{label}, as served (lexicon keys spared, coined keys flagged)", True)
    later = [(p, r) for p, r in engine if r["set"] == "later"]
    table(later, "engine weights, later rounds only (unseen by its fit), as served", True)
    # the gate acts where neither exemption decides: fit there, and try each candidate trait
    for r in unseen:
        r["acted"] = not r["known"] and not r["coined"]
    acted = [r for r in unseen if r["acted"]]
    for r in unseen:
        r["x"] = {**r["x"], **_candidates(r)}
    base = left_out(unseen, names, lambda r: r["acted"])
    base = [(p, r) for p, r in base if r["acted"]]
    print(f"refitted where the gate acts, one text left out: AUC there {_auc(base):.3f}")
    for extra in _candidates(unseen[0]):
        on = [r for r in acted if r["x"][extra]]
        held = left_out(unseen, [*names, extra], lambda r: r["acted"])
        held = [(p, r) for p, r in held if r["acted"]]
        print(
            f"  + {extra:17} {sum(r['usable'] for r in on)}/{len(on)} usable with it,"
            f" AUC {_auc(held):.3f}"
        )
    table([(score(confidence.WEIGHTS, r), r) for r in review], "engine weights, review texts", True)


if __name__ == "__main__":
    main()
