"""Coverage of the teachers' gold lists (tests/gold/*.txt) by the generated questions.

Prints, per text, the share of gold phrases that are the answer, an accepted spelling or a key of
some question (the rule of tests/test_engine_corpus.py), the phrases missed with --missing, and,
as a rough precision, the share of questions whose answer or keys are a gold phrase.
A 、-list gold line also counts "list-aware" when every item of it is tested, and "in part" when
each item (or the phrase) is tested by a blank over at least a third of it in a sentence holding it.
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
HELDOUT_TEXTS = ROOT / "bench" / "heldout_texts"  # texts outside the corpus, for blind lists


def texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _tested_in_part(
    items: list[str], by_source: list[tuple[str, set[str]]], tested: set[str]
) -> bool:
    """Is a long gold phrase asked in part: a question from a sentence holding the whole phrase
    blanks a piece of it (坚持（农民主体地位）, （高质量发展）是…首要任务)? A piece must carry at
    least a third of the phrase; a 、-list counts when every item is asked in this way.
    ``items`` are the folded items of the gold line (split before folding, which drops the 、).
    """

    def asked(piece: str) -> bool:
        if piece in tested:
            return True
        least = max(2, len(piece) // 3)
        return any(
            piece in source and any(len(k) >= least and k in piece for k in keys)
            for source, keys in by_source
        )

    return all(asked(i) for i in items)


def _in_part(gold: str, by_source: list[tuple[str, set[str]]], tested: set[str]) -> bool:
    """:func:`_tested_in_part` of the gold line whole, or of each of its 、-items (split before
    folding: ``fold`` drops the 、, so a folded line is one piece and its items were never
    tried one by one before the tenth session)."""
    from quizapp.generation.normalize import fold

    items = [fold(i) for i in gold.split("、") if fold(i)]
    if _tested_in_part([fold(gold)], by_source, tested):
        return True
    return len(items) > 1 and _tested_in_part(items, by_source, tested)


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

    total_gold = total_hit = total_loose = total_part = 0
    for gold_file in sorted(args.gold.glob("*.txt")):
        name = gold_file.stem
        source = SEED if name == "seed_speech" else CORPUS / f"{name}.txt"
        if not source.exists() and (HELDOUT_TEXTS / f"{name}.txt").exists():
            source = HELDOUT_TEXTS / f"{name}.txt"
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
        by_source: list[tuple[str, set[str]]] = []
        on_gold = 0
        for q in questions:
            mine = {fold(t) for t in texts(q.answer)}
            mine.update(fold(s) for blank in q.accepted for s in blank)
            # the keys and the whole phrases they are part of
            mine.update(fold(k) for k in (*q.keys, *q.covers))
            tested |= mine
            by_source.append((fold(q.source), mine))
            on_gold += bool(mine & gold_keys)
        missing = [g for g in gold if fold(g) not in tested]
        hit = len(gold) - len(missing)
        listed = [g for g in missing if "、" in g and all(fold(i) in tested for i in g.split("、"))]
        loose = hit + len(listed)
        # (a line counted list-aware is not counted again)
        part = loose + sum(1 for g in missing if g not in listed and _in_part(g, by_source, tested))
        total_gold += len(gold)
        total_hit += hit
        total_loose += loose
        total_part += part
        share_on_gold = on_gold / max(len(questions), 1)
        print(
            f"{name:<48} {hit:>3}/{len(gold):<3} {hit / len(gold):>5.0%}"
            f" (list-aware {loose / len(gold):.0%}, in part {part / len(gold):.0%})"
            f"   {len(questions):>4} questions, {share_on_gold:.0%} of them on a gold phrase"
        )
        if args.missing and missing:
            for g in missing:
                mark = "list" if "、" in g and all(fold(i) in tested for i in g.split("、")) else ""
                mark = mark or ("part" if _in_part(g, by_source, tested) else "")
                print(f"    missed: {g}" + (f"   ({mark})" if mark else ""))
    if total_gold:
        print(
            f"{'all gold lists':<48} {total_hit:>3}/{total_gold:<3} {total_hit / total_gold:>5.0%}"
            f" (list-aware {total_loose / total_gold:.0%}, in part {total_part / total_gold:.0%})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
