"""The length hint of a cloze blank: how many characters the text's own wording has.

A plain 填空 blank is often an open slot (强化（　　） fits 就业优先政策 and 社会保障 alike; review
rounds in docs/quality.md); a count, like 学习强国's one box per character, pins most of them and
tells the learner which wording to type. The stems keep their plain ``（　　）``: the web pages,
printed papers, the GIFT export and the review bench add the hint where they draw a blank.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import BLANK
from .normalize import fold


def key_length(answer: str) -> int:
    """Characters of a key as the learner types it and the checker compares it (``fold``):
    spaces and punctuation left out (6个月 → 3, 2035年 → 5, 守纪律、讲规矩 → 6: a learner who
    knows a two-part slogan counts its characters, not its 顿号, dev round DA #39), but what the
    checker keeps counted (5% → 2)."""
    return len(fold(answer))


def blank_lengths(answer: Sequence[str] | str) -> list[int | None]:
    """Per blank, the length of its key, or None where no hint is given (an empty key).

    An order-free cloze (不分先后) gives its keys' lengths in the text's order too, even when
    they differ: the checker takes the keys in any order, the hints say how the text has them.
    Without them such a list was an open frame (要落实好（　　）、（　　）、（　　）的管理体制,
    统筹（　　）和（　　）: blind12 HJ #5, #11; order-free lists of unequal keys were usable
    22 of 33 times in the judged rounds, lists with hints 187 of 213: docs/generation.md,
    "Tenth session: lists and runs on blind text").
    """
    keys = [answer] if isinstance(answer, str) else list(answer)
    return [key_length(key) or None for key in keys]


def hint_text(length: int | None) -> str:
    """The hint as pages print it: 4字 (empty without one)."""
    return f"{length}字" if length else ""


def stem_shown(stem: str, lengths: Sequence[int | None]) -> str:
    """The stem with each blank followed by its hint: 坚持（　　）〔4字〕 (as reviewers read it)."""
    parts = stem.split(BLANK)
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        length = lengths[index] if index < len(lengths) else None
        out.append(BLANK + (f"〔{hint_text(length)}〕" if length else "") + part)
    return "".join(out)
