"""Quiz-level faults in served quizzes, counted over texts and seeds (blind rounds EC–EH, FC, FD).

For every text of the chosen sets and each seed, the engine's pick of ``--count`` questions
(``generate_questions(text, seed=s, count=n)``), checked as a whole:

- ``content``: two items on one content: one's answer, formula or named list (三保障 of the
  list 义务教育、基本医疗、住房安全) equal to, or inside, the other's (三保障 / 两不愁三保障);
- ``sentence``: two items from one source sentence;
- ``pool``: two choice items sharing two or more options (the same lure pool);
- ``heavy``: a quiz with 6 or more items of one kind; ``missing``: a kind the bank has a
  question of (not ``weak``) left out of the quiz.

    .venv/bin/python bench/quiz_faults.py --set blind10 --set fresh --seeds 1003 1004
    .venv/bin/python bench/quiz_faults.py --set blind10 --seeds 1003 --show   # each fault
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality_sample import TEXT_SETS  # noqa: E402

_QUOTED_NAME = re.compile(r"“([^”]+)”")


def content_of(q, lexicon) -> set[str]:
    """What ``q`` asks: its answers, its formula and the names of the lists its answers make."""
    from quizapp.generation import distractors as dis

    answers = [a for a in (q.answer if isinstance(q.answer, list) else [q.answer]) if a]
    answers = [a for a in answers if isinstance(a, str)]
    found = {dis.fold_key(a) for a in answers if len(a) >= 2}
    if q.formula:
        found.add(dis.fold_key(q.formula))
    for k in lexicon._lists_holding(tuple(answers)) if len(answers) >= 2 else ():
        found.update(dis.fold_key(n) for n in _QUOTED_NAME.findall(lexicon.list_sources[k]))
    return found


def overlap(a: set[str], b: set[str]) -> bool:
    return any(x == y or (min(len(x), len(y)) >= 3 and (x in y or y in x)) for x in a for y in b)


def main() -> int:
    from quizapp.generation import KINDS, generate_questions, load_lexicon

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=sorted(TEXT_SETS), dest="sets")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1003, 1004])
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--show", action="store_true", help="print each fault")
    args = parser.parse_args()
    lexicon = load_lexicon()
    faults: Counter[str] = Counter()
    quizzes = 0
    kinds_total: Counter[str] = Counter()
    for name in args.sets or ("blind10",):
        for label, path in TEXT_SETS[name]:
            text = path.read_text(encoding="utf-8")
            bank_kinds = {q.kind for q in generate_questions(text) if not q.weak}
            for seed in args.seeds:
                quiz = generate_questions(text, seed=seed, count=args.count)
                quizzes += 1
                found = []
                for p, q in combinations(quiz, 2):
                    if overlap(content_of(p, lexicon), content_of(q, lexicon)):
                        found.append(("content", p, q))
                    if p.source == q.source:
                        found.append(("sentence", p, q))
                    if p.options and q.options and len(set(p.options) & set(q.options)) >= 2:
                        found.append(("pool", p, q))
                kinds = Counter(q.kind for q in quiz)
                kinds_total.update(kinds)
                if max(kinds.values(), default=0) >= 6:
                    found.append(("heavy", dict(kinds), None))
                for k in sorted(bank_kinds - set(kinds)):
                    found.append(("missing", k, None))
                for what, p, q in found:
                    faults[what] += 1
                    if args.show:
                        if q is None:
                            print(f"{label} s{seed} {what}: {p}")
                        else:
                            print(
                                f"{label} s{seed} {what}: [{p.template}] {p.answer} | "
                                f"[{q.template}] {q.answer}"
                            )
    print(
        f"{quizzes} quizzes of {args.count}: "
        + ", ".join(f"{k} {faults[k]}" for k in ("content", "sentence", "pool", "heavy", "missing"))
    )
    print("  items per kind: " + ", ".join(f"{k} {kinds_total[k]}" for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
