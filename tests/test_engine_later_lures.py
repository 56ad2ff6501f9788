"""No lure first stated after the text (thirteenth session, helper "parallel"; blind16 dangfeng
#43: 党纪学习教育, a 2024 campaign, offered on a 2017 article). The lexicon's term_dates date a
name; a text whose date line, or the era its content bounds, ends before that date never gets it
as an option, while a text of later date still may."""

from __future__ import annotations

from conftest import heldout_bank

from quizapp.generation import generate_questions
from quizapp.generation.lexicon import load_lexicon

BODY = (
    "全面从严治党永远在路上。要把纪律建设作为治本之策，把党性教育作为共产党人的“心学”，"
    "加强管理监督，不断完善激励和问责机制。要健全重大案件剖析制度，发挥反面教材的警示教育"
    "作用和查办案件的治本功能。各级党组织要深入开展理想信念教育，引导党员干部坚定理想信念。"
)


def _options(text: str) -> set[str]:
    return {
        o
        for q in generate_questions(text, seed=0)
        if q.kind in ("single", "multiple")
        for o in q.options
    }


def _later(options: set[str], latest: str) -> set[str]:
    dates = load_lexicon().term_dates
    return {o for o in options if o in dates and dates[o] > latest}


def test_no_lure_dated_after_the_text() -> None:
    options = _options("关于加强党性教育的几点思考\n（2017年8月22日）\n" + BODY)
    assert "党纪学习教育" not in options
    assert not _later(options, "2017-08-22")


def test_a_later_text_keeps_the_campaign_as_a_lure() -> None:
    options = _options("关于加强党性教育的几点思考\n（2025年3月1日）\n" + BODY)
    # (it was 党纪学习教育 or 党史学习教育; a campaign made standing, 常态化长效化, is no lure
    # of another education at any date since helper lures18: blind18 QD #34, QE #35, QF #39)
    assert _later(options, "2017-08-22")


def test_dangfeng_2017_offers_no_later_campaign() -> None:
    options = {
        o
        for q in heldout_bank("article_dangfeng_lianzheng_2017")
        if q.kind in ("single", "multiple")
        for o in q.options
    }
    assert not _later(options, "2017-08-22")
    assert "党纪学习教育" not in options


def test_campaign_dates_are_on_record() -> None:
    dates = load_lexicon().term_dates
    assert dates["党纪学习教育"] == "2024-04-01"
    assert dates["党史学习教育"] == "2021-02-20"
    assert dates["两学一做"] == "2016-02-24"
