"""Rebuild quizapp/data/lure_fields.tsv: the field words of each lure phrase in the reference texts.

For every phrase a lure can be drawn from outside the text (the lexicon's terms, formula names and
members, and the key phrases of ``reference_keys.tsv``), the table records the *field words* of
the sentences (split on 。！？；) where a reference text writes it: the words of jieba's cut (the
lexicon's words kept whole) of two to six characters that at most
:data:`quizapp.generation.fields.SPECIFIC_TEXTS` reference texts write (军民, 养老, 机器人; not
发展, 完善, 体系, which every text writes). The reference texts are those of
``bench/reference_keys.py``. quizapp/generation/fields.py reads it: a lure the text does not
write is of the stem's field only when one of its field words is a word of the stem
(docs/generation.md, "Twelfth session: lures of the stem's field").

    PYTHONPATH=. .venv/bin/python bench/lure_fields.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reference_keys import reference_texts  # noqa: E402

from quizapp.generation import fields  # noqa: E402
from quizapp.generation.lexicon import load_lexicon  # noqa: E402
from quizapp.generation.reference import REFERENCE_PATH, read_table  # noqa: E402

_SENTENCE = re.compile(r"[^。！？；!?;\n]+")


def main() -> int:
    lexicon = load_lexicon()
    _, keys = read_table(REFERENCE_PATH, str)
    phrases = {
        p
        for p in (*lexicon.known_phrases(), *(p for p, _ in lexicon.phrase_pool()), *keys)
        if 2 <= len(p) <= 16 and fields.HAN_WORD.fullmatch(p)
    }
    texts = [p.read_text(encoding="utf-8") for p in reference_texts()]
    cuts: list[list[tuple[str, list[str]]]] = []
    having = Counter()
    for text in texts:
        sentences = [
            (m.group(), fields.words(m.group(), lexicon)) for m in _SENTENCE.finditer(text)
        ]
        cuts.append(sentences)
        having.update({w for _, ws in sentences for w in ws})
    specific = {w for w, n in having.items() if n <= fields.SPECIFIC_TEXTS}
    # (a phrase's sentences found by its first two characters: one scan per text, not per phrase)
    by_opening: dict[str, list[str]] = {}
    for p in sorted(phrases):
        by_opening.setdefault(p[:2], []).append(p)
    found: dict[str, set[str]] = {}
    for sentences in cuts:
        for sentence, ws in sentences:
            field = {w for w in ws if w in specific}
            if not field:
                continue
            for at in range(len(sentence) - 1):
                for p in by_opening.get(sentence[at : at + 2], ()):
                    if sentence.startswith(p, at):
                        found.setdefault(p, set()).update(field)
        print(f"{len(found)} phrases so far", file=sys.stderr)
    lines = [
        "# field words of the sentences where the reference texts write each lure phrase"
        " (bench/lure_fields.py; quizapp/generation/fields.py)",
        *(f"{p}\t{' '.join(sorted(ws))}" for p, ws in sorted(found.items())),
    ]
    fields.FIELDS_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(texts)} texts, {len(found)} phrases → {fields.FIELDS_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
