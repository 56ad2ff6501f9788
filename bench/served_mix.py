"""What the quizzes a learner is served are made of, over many texts and seeds.

For every text of the chosen sets (``quality_sample.TEXT_SETS``), seeds 0..N-1 and each quiz
size, the engine's pick (``generate_questions(text, seed=s, count=n)``), summed up: lexicon
items (``lex_*`` templates) per quiz and how many quizzes hold more than 50/60/70/80% of them,
the mean template prior of the served items (``pipeline.template_prior``: the expected usable
rate), the plain 填空 a quiz holds, quizzes missing a kind their bank has, the items per
kind, and the most items a quiz takes from one source sentence. For measuring a change to
``pipeline.select`` before and after.

    .venv/bin/python bench/served_mix.py                    # the eight non-blind sets, 20 seeds
    .venv/bin/python bench/served_mix.py --set blind7 --seeds 5 --count 10 --per-text
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality_sample import TEXT_SETS  # noqa: E402

# every set a tuning session may read (the newest blind set is left out: ask for it by name)
DEFAULT_SETS = ("review", "transfer", "transfer2", "transfer3", "fresh", "fresh_test", "blind6")
DEFAULT_SETS += ("blind7",)
SHARES = (0.5, 0.6, 0.7, 0.8)


def main() -> int:
    from quizapp.generation import KINDS, generate_questions, load_lexicon
    from quizapp.generation.confidence import is_plain_cloze
    from quizapp.generation.pipeline import template_prior

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=sorted(TEXT_SETS), dest="sets")
    parser.add_argument("--seeds", type=int, default=20, help="seeds 0..N-1 (default 20)")
    parser.add_argument("--count", type=int, action="append", help="quiz size (default 10, 20)")
    parser.add_argument("--per-text", action="store_true", help="mean lexicon share per text")
    args = parser.parse_args()
    # (by set and label: blind8 and blind14 both hold a ``shiwuwu``)
    texts = [(name, *item) for name in args.sets or DEFAULT_SETS for item in TEXT_SETS[name]]
    twice = {label for label, n in Counter(label for _, label, _ in texts).items() if n > 1}
    lexicon = load_lexicon()
    for count in args.count or (10, 20):
        lex_counts, priors, over, kinds, per_sentence = [], [], Counter(), Counter(), Counter()
        missing, per_text, plain = 0, {}, []
        for name, label, path in texts:
            text = path.read_text(encoding="utf-8")
            bank_kinds = {q.kind for q in generate_questions(text)}
            shares = []
            for seed in range(args.seeds):
                quiz = generate_questions(text, seed=seed, count=count)
                lex = sum(q.template.startswith("lex_") for q in quiz)
                lex_counts.append(lex)
                shares.append(lex / len(quiz))
                over.update(s for s in SHARES if lex > s * len(quiz))
                priors += [template_prior(q, lexicon) for q in quiz]
                kinds.update(q.kind for q in quiz)
                plain.append(sum(is_plain_cloze(q) for q in quiz))
                missing += len(bank_kinds - {q.kind for q in quiz})
                per_sentence[max(Counter(q.source for q in quiz).values())] += 1
            per_text[f"{label} ({name})" if label in twice else label] = statistics.mean(shares)
        items = sum(kinds.values())
        print(
            f"count {count}: {len(lex_counts)} quizzes, {items} items; lexicon items "
            f"{sum(lex_counts)} ({sum(lex_counts) / items:.1%})"
        )
        print(
            "  quizzes with lexicon items above " + ", ".join(f"{s:.0%}: {over[s]}" for s in SHARES)
        )
        print(
            "  lexicon items per quiz (items: quizzes): "
            f"{dict(sorted(Counter(lex_counts).items()))}"
        )
        print(f"  mean template prior of served items: {statistics.mean(priors):.4f}")
        print(f"  plain 填空 per quiz: {statistics.mean(plain):.2f}")
        print(f"  items per kind: {', '.join(f'{k} {kinds[k]}' for k in KINDS)}")
        print(f"  quizzes missing a kind their bank has: {missing}")
        print(
            f"  most items from one sentence (items: quizzes): {dict(sorted(per_sentence.items()))}"
        )
        if args.per_text:
            print(
                "  lexicon share by text: " + ", ".join(f"{t} {s:.2f}" for t, s in per_text.items())
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
