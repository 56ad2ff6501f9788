"""Keep the bundled material's shipped review (quizapp/data/seed_review.json) in step.

Prints the bundled speech's questions the review has no verdict for, or whose verdict was about
another version of the question (the same id with other lures or another explanation), to
judge with the rubric of /work/shared/REFERENCE.md, and the reviewed ids the engine no longer
produces (to drop). ``tests/test_default_review.py`` fails until all are dealt with.

    .venv/bin/python bench/review_default.py            # what is missing, printed for review
    .venv/bin/python bench/review_default.py --prune    # also drop the stale verdicts from the file
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from quality_sample import question_lines  # (this script's folder is on sys.path)

    from quizapp.bank.review import REVIEW_PATH, question_fingerprint
    from quizapp.bank.services import DEFAULT_MATERIAL_PATH
    from quizapp.generation import generate_questions

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prune", action="store_true", help="drop stale verdicts from the file")
    args = parser.parse_args()
    data = json.loads(REVIEW_PATH.read_text(encoding="utf-8"))
    reviewed = {item["id"]: item for item in data["questions"]}
    questions = generate_questions(DEFAULT_MATERIAL_PATH.read_text(encoding="utf-8"), seed=0)
    produced = {q.id for q in questions}
    missing = [
        q
        for q in questions
        if q.id not in reviewed
        or reviewed[q.id]["fingerprint"] != question_fingerprint(q.to_dict())
    ]
    stale = sorted(set(reviewed) - produced)
    print(f"{len(questions)} questions, {len(reviewed)} verdicts: "
          f"{len(missing)} without a verdict on this version, {len(stale)} stale")  # fmt: skip
    for n, q in enumerate(missing, 1):
        before = reviewed.get(q.id)
        note = f" (judged {before['verdict']} in another version)" if before else ""
        print("\n" + "\n".join(question_lines(q, f"{n}. id={q.id}{note}", explain=True)))
    if stale:
        print("\nstale verdicts: " + ", ".join(stale))
    if args.prune and stale:
        data["questions"] = [item for item in data["questions"] if item["id"] in produced]
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        REVIEW_PATH.write_text(text, encoding="utf-8")
        print(f"dropped {len(stale)} stale verdicts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
