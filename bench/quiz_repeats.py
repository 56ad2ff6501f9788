"""How often one served quiz asks the same thing twice, over many texts and seeds.

For every text of the tuning sets (``judged_rows.ALLOWED``: never fresh_test, blind6, blind7
nor a blind set), seeds 0..N-1 and each quiz size, the served quiz
(``select`` over ``bank_with_reasons(text, seed=s)``, what ``generate_questions(text, seed=s,
count=n)`` returns) is read for three repeats a reviewer notes (blind16 rounds ND–NF):

- sentence: questions past the first from one source sentence (a source inside another counts);
  shown: the same, but for two lexicon questions (their stems print no sentence);
- formula: questions past the first on one content: the same formula, or keys (a key, an answer
  of three characters or more, a named list, the formula whose member a question of no formula
  asks where its sentence names the formula or prints another member) equal or one inside the
  other, as ``select`` reads them (四个自信 asked by a 单选 and by a 填空 is one content);
- leak: questions whose answer (a false 判断's hidden key included) another served question's
  stem or options print, or another asks too.

Printed per size: the mean of each per quiz and the share of quizzes with any, the kind mix,
the distinct paragraphs a quiz touches. ``--cache`` keeps the banks in a pickle: ``select``
changes leave them as they are. ``--picks`` reads another engine's quizzes over those banks
(ids per text, seed and size) instead of selecting, so a new measure reads the old pick.
Leak (fifteenth session, helper quizmix): an answer's accepted spellings of three characters
or more count as it (十八大 of 党的十八大), and one answer inside another (three characters or
more) is one answer asked twice.

    PYTHONPATH=. .venv/bin/python bench/quiz_repeats.py --cache /tmp/banks.pkl [--per-text]
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judged_rows import ALLOWED  # noqa: E402
from quality_sample import TEXT_SETS  # noqa: E402


def _groups(n: int, same) -> int:
    """Items past the first of each group of ``n`` items joined by ``same(i, j)``."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if same(i, j):
                parent[root(i)] = root(j)
    return n - len({root(i) for i in range(n)})


def repeats(quiz: list, lexicon) -> dict[str, int]:
    from quizapp.generation import distractors as dis
    from quizapp.generation.pipeline import pick_traits, quizmix_overlapping, quizmix_same_answer

    traits = [pick_traits(q, lexicon) for q in quiz]
    sources = [dis.fold_key(q.source) for q in quiz]

    def same_source(i: int, j: int) -> bool:
        a, b = sources[i], sources[j]
        return a == b or (min(len(a), len(b)) >= 10 and (a in b or b in a))

    def same_key(i: int, j: int) -> bool:
        return bool(quizmix_overlapping(traits[i][0], traits[j][0]))

    leaked = 0
    for i, (_, own, _, _) in enumerate(traits):
        if any(
            j != i
            and (
                any(a in other[2] for a in own)
                or any(quizmix_same_answer(a, b) for a in own for b in other[1])
            )
            for j, other in enumerate(traits)
        ):
            leaked += 1
    lexical = [q.template.startswith("lex_") for q in quiz]

    def same_source_shown(i: int, j: int) -> bool:
        # two lexicon questions on two formulas of one sentence print their own stems (下列属于
        # “四个意识”的是…): select lets such a pair through, the learner sees no sentence twice
        return same_source(i, j) and not (lexical[i] and lexical[j])

    return {
        "sentence": _groups(len(quiz), same_source),
        "shown": _groups(len(quiz), same_source_shown),
        "formula": _groups(len(quiz), same_key),
        "leak": leaked,
    }


def main() -> int:
    from quizapp.generation import KINDS, load_lexicon
    from quizapp.generation.pipeline import bank_with_reasons, select, servable

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--count", type=int, action="append", help="quiz size (10, 20, 30)")
    parser.add_argument("--cache", help="pickle of the banks (made if missing)")
    parser.add_argument("--per-text", action="store_true")
    parser.add_argument(
        "--picks",
        help="pickle of {(label, seed, count): [question ids]} to read instead of select "
        "(another engine's quizzes over the same banks: its before figures, read as now)",
    )
    args = parser.parse_args()
    lexicon = load_lexicon()
    # the tuning sets only (never fresh_test, blind6, blind7 nor a blind set ALLOWED leaves out)
    texts = sorted({(f"{st}/{label}", path) for st in ALLOWED for label, path in TEXT_SETS[st]})
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        banks = pickle.loads(cache.read_bytes())
    else:
        banks = {
            label: [
                bank_with_reasons(path.read_text(encoding="utf-8"), seed=s, lexicon=lexicon)[0]
                for s in range(args.seeds)
            ]
            for label, path in texts
        }
        if cache:
            cache.write_bytes(pickle.dumps(banks))
    picks = pickle.loads(Path(args.picks).read_bytes()) if args.picks else None
    for count in args.count or (10, 20, 30):
        totals: Counter[str] = Counter()
        anyq: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        paragraphs, quizzes = [], 0
        per_text: dict[str, Counter[str]] = {}
        for label, _ in texts:
            for s, bank in enumerate(banks[label][: args.seeds]):
                if picks is None:
                    quiz = select(servable(bank), count, s, lexicon=lexicon, repeats=False)
                else:
                    by_id = {q.id: q for q in bank}
                    quiz = [by_id[i] for i in picks[(label, s, count)]]
                found = repeats(quiz, lexicon)
                totals.update(found)
                anyq.update(k for k, v in found.items() if v)
                per_text.setdefault(label, Counter()).update(found)
                kinds.update(q.kind for q in quiz)
                paragraphs.append(len({q.paragraph for q in quiz}))
                quizzes += 1
        items = sum(kinds.values())
        print(
            f"count {count}: per quiz "
            + "  ".join(f"{k} {totals[k] / quizzes:.2f} ({anyq[k]}/{quizzes})" for k in totals)
            + f" | kinds {', '.join(f'{k} {kinds[k] / items:.3f}' for k in KINDS)}"
            + f" | items {items} | paragraphs {statistics.mean(paragraphs):.2f}"
        )
        if args.per_text:
            for label, found in sorted(per_text.items()):
                if any(found.values()):
                    print(f"   {label}: {dict(found)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
