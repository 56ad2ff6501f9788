"""A 、-run item whose printed siblings share its frame is asked by its varying part only
(thirteenth session, helper "parallel"; blind16 dangfeng #21, #32): 打虎上无禁区、拍蝇上无（死角）、
猎狐上无空白, not the whole 拍蝇上无死角 that “拍苍蝇” and the siblings' 上无 spell. An item
varying in two places (筑法治之基、行法治之力), a standard member (理论自信) and a pair stay
whole."""

from __future__ import annotations

from conftest import heldout_bank

from quizapp.generation import generate_questions

DANGFENG = "article_dangfeng_lianzheng_2017"
ZHEJIANG = "report_zhejiang_partycongress_2022_part1"


def _clozes(bank) -> list[tuple[str, list[str]]]:
    return [(q.stem, q.answer) for q in bank if q.kind == "cloze" and q.template == "cloze"]


def test_tiger_fly_fox_run_asks_the_varying_word() -> None:
    clozes = _clozes(heldout_bank(DANGFENG))
    answers = [a for _, a in clozes]
    for whole in ("打虎上无禁区", "拍蝇上无死角", "猎狐上无空白"):
        assert [whole] not in answers, whole
    stems = {a[0]: s for s, a in clozes if a[0] in ("禁区", "死角")}
    assert "拍蝇上无（　　）、猎狐上无空白" in stems["死角"]
    assert "打虎上无（　　）、拍蝇上无死角" in stems["禁区"]


def test_two_varying_places_stay_whole() -> None:
    # 筑法治之基、行法治之力、积法治之势: 筑…基 varies in two places, judged usable whole (F5 #7)
    answers = {a[0] for _, a in _clozes(heldout_bank(ZHEJIANG))}
    assert "筑法治之基" in answers
    assert not answers & {"筑", "基", "法治", "法治之"}


def test_standard_members_and_pairs_stay_whole() -> None:
    text = (
        "二〇一六年三月一日\n要坚持问题导向，坚定道路自信、理论自信、制度自信、文化自信，"
        "把各项工作做实做细。"
    )
    answers = [a for _, a in _clozes(generate_questions(text, seed=0))]
    assert ["理论自信"] in answers and ["理论"] not in answers
