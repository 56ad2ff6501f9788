"""Rebuild quizapp/data/frame_fillers.tsv: which words fill which frames in the reference texts.

A frame is the two characters before a phrase and the character after it (any punctuation
read as one mark, ``。``). For every place in a reference text (the same texts as
``bench/reference_keys.py``: the bundled speech, ``../shared/corpus`` and ``bench/heldout_texts``
except the sets kept blind) where a word of jieba's own dictionary of three to eight characters
stands in such a frame, the table records the frame, the word and the texts having it.
quizapp/generation/frames.py reads it: a plain 填空 whose frame holds another word of its key's
length in another text is an open slot (docs/generation.md, "Frames other texts fill with
another word of the key's length").

    PYTHONPATH=. .venv/bin/python bench/frame_fillers.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reference_keys import reference_texts  # noqa: E402

from quizapp.generation import frames  # noqa: E402
from quizapp.generation.pipeline import document_key  # noqa: E402


def jieba_words() -> set[str]:
    """The words of jieba's bundled dictionary (not the lexicon's user words) that a frame
    may hold."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split(" ", 1)[0]
        if frames.MIN_LEN <= len(word) <= frames.MAX_LEN:
            words.add(word)
    return words


def main() -> int:
    words = jieba_words()
    documents: dict[str, int] = {}
    having: dict[tuple[str, str], set[int]] = {}
    for path in reference_texts():
        text = path.read_text(encoding="utf-8")
        number = documents.setdefault(document_key(text), len(documents))
        for at in range(2, len(text)):
            lead = text[at - 2 : at]
            if not frames.is_lead(lead):
                continue
            for n in range(frames.MIN_LEN, frames.MAX_LEN + 1):
                word = text[at : at + n]
                if len(word) < n or frames.has_mark(word):
                    break
                if word in words:
                    frame = lead + frames.closing(text[at + n : at + n + 1])
                    having.setdefault((frame, word), set()).add(number)
        print(f"{path.name}: {len(having)} so far", file=sys.stderr)
    by_frame: dict[str, list[str]] = {}
    for (frame, word), ids in sorted(having.items()):
        by_frame.setdefault(frame, []).append(f"{word}:{','.join(map(str, sorted(ids)))}")
    lines = [
        "# frames of the reference texts (two characters before, the one after; any mark read as"
        " 。) and the jieba words of 3–8 characters in them, with the texts having each"
        " (bench/frame_fillers.py; quizapp/generation/frames.py)",
        *(f"#doc\t{n}\t{d}" for d, n in documents.items()),
        *(f"{frame}\t{' '.join(fillers)}" for frame, fillers in sorted(by_frame.items())),
    ]
    frames.FRAMES_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{len(documents)} texts, {len(by_frame)} frames, {len(having)} fillers"
        f" → {frames.FRAMES_PATH}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
