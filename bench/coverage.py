"""Coverage of the teachers' gold lists (tests/gold/*.txt) by the generated questions.

Prints, per text, the share of gold phrases that are the answer, an accepted spelling or a key of
some question (the rule of tests/test_engine_corpus.py), the phrases missed with --missing, and,
as a rough precision, the share of questions whose answer or keys are a gold phrase.
A 、-list gold line also counts "list-aware" when every item of it is tested.
Usage: .venv/bin/python bench/coverage.py [--seed N] [--missing] [--gold DIR]
(--gold bench/heldout_gold/test gives the figure on texts the engine was never tuned on.)
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOLD = ROOT / "tests" / "gold"
SEED = ROOT / "quizapp" / "data" / "seed_speech.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--missing", action="store_true", help="list the missed phrases")
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold lists")
    args = parser.parse_args()

    import jieba

    jieba.setLogLevel(logging.WARNING)
    from quizapp.generation import generate_questions
    from quizapp.generation.normalize import fold

    total_gold = total_hit = total_loose = 0
    for gold_file in sorted(args.gold.glob("*.txt")):
        name = gold_file.stem
        source = SEED if name == "seed_speech" else CORPUS / f"{name}.txt"
        if not source.exists():
            print(f"{name:<48} skipped: {source} is absent")
            continue
        gold = [
            line.strip()
            for line in gold_file.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        questions = generate_questions(source.read_text(encoding="utf-8"), seed=args.seed)
        gold_keys = {fold(g) for g in gold}
        tested: set[str] = set()
        on_gold = 0
        for q in questions:
            mine = {fold(t) for t in texts(q.answer)}
            mine.update(fold(s) for blank in q.accepted for s in blank)
            mine.update(fold(k) for k in q.keys)
            tested |= mine
            on_gold += bool(mine & gold_keys)
        missing = [g for g in gold if fold(g) not in tested]
        hit = len(gold) - len(missing)
        loose = hit + sum(
            1 for g in missing if "、" in g and all(fold(i) in tested for i in g.split("、"))
        )
        total_gold += len(gold)
        total_hit += hit
        total_loose += loose
        share_on_gold = on_gold / max(len(questions), 1)
        print(
            f"{name:<48} {hit:>3}/{len(gold):<3} {hit / len(gold):>5.0%}"
            f" (list-aware {loose / len(gold):.0%})"
            f"   {len(questions):>4} questions, {share_on_gold:.0%} of them on a gold phrase"
        )
        if args.missing and missing:
            print("    missed: " + "、".join(missing))
    if total_gold:
        print(
            f"{'all gold lists':<48} {total_hit:>3}/{total_gold:<3} {total_hit / total_gold:>5.0%}"
            f" (list-aware {total_loose / total_gold:.0%})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
