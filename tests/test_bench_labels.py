"""The bench scripts read a judged row's text by set and label: two sets hold ``shiwuwu``
(blind8's 十五五 建议, blind14's 说明 on it), and a row of one must not be matched to the other."""

from __future__ import annotations

import sys
from pathlib import Path

_PATH = list(sys.path)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from judged_cloze import SETS_OF, table_rows, text_key  # noqa: E402

sys.path[:] = _PATH  # (bench/coverage.py must not stand for the coverage package)


def test_a_shared_label_takes_the_set_its_round_names() -> None:
    assert SETS_OF["shiwuwu"] == ["blind8", "blind14"]
    blind8 = "## Round CA (sample seed 901, --set blind8, engine as of commit 32508d1)"
    blind14 = "## Round KD (sample seed 1504, --set blind14 --quiz, engines d8c7729)"
    assert text_key("shiwuwu", blind8) == ("blind8", "shiwuwu")
    assert text_key("shiwuwu", blind14) == ("blind14", "shiwuwu")
    assert text_key("shiwuwu", "## Round 21 (sample seed 21)") is None  # not guessed
    assert text_key("pudong", "## Round 21 (sample seed 21)") == ("blind14", "pudong")


def test_every_judged_row_of_a_shared_label_says_its_set() -> None:
    """A round on a label two sets hold names its set (``--set``), or its rows fall out."""
    rows = [(heading, cells[1]) for _, heading, cells in table_rows()]
    shared = [(heading, label) for heading, label in rows if len(SETS_OF.get(label, [])) > 1]
    assert len(shared) >= 200
    assert [(h, label) for h, label in shared if text_key(label, h) is None] == []
