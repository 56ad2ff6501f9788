"""The named formulation of a run of modifiers starts where the run does (thirteenth session,
helper "fixes").

A blank over 形成（全要素）、（多领域）、（高效益）的军民深度融合发展格局 names the whole
formulation the learner has studied (``builders.described_heads``). The list extraction had cut
jieba's 形|成全|要素, so the name began inside the verb (成全要素、…); and a pair of 的-phrases
(世界稳定的压舱石、世界和平的助推器) was read as modifiers of one head, its name starting on
的. A named key now never starts inside a word nor on 的 or 之.
"""

from __future__ import annotations

from conftest import heldout_bank


def _named(bank) -> set[str]:
    return {k for q in bank for k in (*q.keys, *q.covers)}


def test_a_named_formulation_starts_on_a_word_of_its_own() -> None:
    named = _named(heldout_bank("gongbao_18th_5th_plenum_2015"))
    assert "全要素、多领域、高效益的军民深度融合发展格局" in named
    assert not [k for k in named if k.startswith("成全要素")]
    named |= _named(heldout_bank("speech_xi_xiyatu_huanying_yanhui_2015"))
    assert not [k for k in named if k[:1] in "的之"]
    assert "的压舱石、世界和平的助推器" not in named
