"""Rebuild quizapp/data/reference_keys.tsv: the key phrases of the reference texts.

The references are the bundled speech, the texts of ``../shared/corpus`` and those of
``bench/heldout_texts`` except the sets still kept blind (``BLIND``): a blind text must stay
unseen by the engine until its review rounds are in. For each text, the key phrases the extractor
finds and the answers of the questions the engine asks are recorded with the texts that have
them (quizapp/generation/reference.py reads the table).

    PYTHONPATH=. .venv/bin/python bench/reference_keys.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality_sample import BLIND_SETS, TEXT_SETS  # noqa: E402

from quizapp.generation import reference  # noqa: E402

# sets whose texts are still blind: left out of the table (move a set out once it is reviewed)
BLIND: tuple[str, ...] = BLIND_SETS


def reference_texts() -> list[Path]:
    blind = {path.name for name in BLIND for _, path in TEXT_SETS.get(name, ())}
    paths = [ROOT / "quizapp" / "data" / "seed_speech.txt"]
    paths += sorted((ROOT.parent / "shared" / "corpus").glob("*.txt"))
    paths += sorted((ROOT / "bench" / "heldout_texts").glob("*.txt"))
    return [p for p in paths if p.name not in blind]


def main() -> int:
    from quizapp.generation import generate_questions
    from quizapp.generation.keyphrases import extract
    from quizapp.generation.lexicon import load_lexicon
    from quizapp.generation.pipeline import document_key

    # built from every question, the gate off: a key counts wherever the engine finds it
    reference.REFERENCE_PATH = ROOT / "quizapp" / "data" / "missing.tsv"
    reference._table.cache_clear()
    lexicon = load_lexicon()
    documents: dict[str, int] = {}
    having: dict[str, set[int]] = {}
    for path in reference_texts():
        text = path.read_text(encoding="utf-8")
        number = documents.setdefault(document_key(text), len(documents))
        phrases = {key.text for key in extract(text, lexicon=lexicon).keys}
        for q in generate_questions(text, seed=0, lexicon=lexicon):
            answers = q.answer if isinstance(q.answer, list) else [q.answer]
            phrases.update(a for a in answers if isinstance(a, str))
        for phrase in phrases:
            if "\t" not in phrase and "\n" not in phrase:
                having.setdefault(phrase, set()).add(number)
        print(f"{path.name}: {len(phrases)} phrases", file=sys.stderr)
    lines = [
        "# key phrases of the reference texts and the texts having them"
        " (bench/reference_keys.py; quizapp/generation/reference.py)",
        *(f"#doc\t{n}\t{d}" for d, n in documents.items()),
        *(f"{p}\t{','.join(map(str, sorted(ids)))}" for p, ids in sorted(having.items())),
    ]
    out = ROOT / "quizapp" / "data" / "reference_keys.tsv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(documents)} texts, {len(having)} phrases → {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
