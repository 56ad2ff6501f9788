"""The facts the lexicon states in a formula's 解析 (fourteenth session, helper "lexfacts"): each
wrong date, source, member or foil a 党课 teacher would reject, checked against the dated texts
of the corpus and public pages (docs/generation.md, "Fourteenth session: lexicon facts")."""

from __future__ import annotations

import glob
import re
from pathlib import Path

import pytest
from conftest import heldout_bank

from quizapp.generation import load_lexicon
from quizapp.generation.builders import _explain_formula, _shown_source
from quizapp.generation.checking import check_answer
from quizapp.generation.segment import document_era
from quizapp.generation.spellings import other_phrase

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return load_lexicon()


def _explained(lexicon, name: str) -> str:  # type: ignore[no-untyped-def]
    return _explain_formula(lexicon.get(name))


def test_two_unwavering_dates_its_current_wording_from_the_18th_congress(lexicon) -> None:  # type: ignore[no-untyped-def]
    # 十六大 (2002) wrote 毫不动摇地…鼓励、支持和引导; the wording the members keep is the
    # 十八大's (习近平, 2016-03-04, in bench/heldout_texts): blind16 round OD #2
    text = _explained(lexicon, "两个毫不动摇")
    assert "现行表述自2002" not in text and "现行表述自2012-11-08起" in text, text
    assert "鼓励、支持和引导" in text  # (the 2002 wording is named as such)


def test_four_cardinal_principles_do_not_date_the_wording_from_1979(lexicon) -> None:  # type: ignore[no-untyped-def]
    # Deng's 1979 speech said 坚持无产阶级专政 (round OD #3)
    text = _explained(lexicon, "四项基本原则")
    assert "现行表述自1979" not in text
    assert "无产阶级专政" in text and "党章" in text


def test_historical_confidence_is_not_credited_to_the_20th_congress(lexicon) -> None:  # type: ignore[no-untyped-def]
    # 坚定历史自信 is in the 十九届中央纪委六次全会 公报 of January 2022 already (rounds OB #5/#12/#22)
    text = _explained(lexicon, "四个自信")
    assert "历史自信" in text and "二十大报告另一提法" not in text


def test_political_three_abilities_state_one_first_date(lexicon) -> None:  # type: ignore[no-untyped-def]
    # the 解析 said 2020年起 and 现行表述自2021-01-11起 (rounds OB #16/#23); first stated at the
    # 中央政治局民主生活会 of December 2020
    text = _explained(lexicon, "政治三力")
    assert "2020年12月" in text and "2021-01-11" not in text, text


@pytest.mark.parametrize(
    ("name", "wrong"),
    [
        ("三全育人", "现行表述自2016"),  # the 2016 speech: 全程育人、全方位育人 (全员: 2017 意见)
        ("丝路精神", "现行表述自2017"),  # the four values in the 2014-06-05 中阿合作论坛 speech
        ("三大规律", "党的十七大报告（2007）提出"),  # written into the 十六大 report (2002)
        ("三重一大", "现行表述自2010-06-05"),  # first in the 1996 中纪委 公报; day unverified
        ("三座大山", "1949-10-01"),  # no date a wording took effect
        ("三农", "十五届三中全会"),  # no record the 1998 plenum used the name
        ("三农", "提出：十九大报告"),  # the name is decades older; the 2017 report quotes it
    ],
)
def test_unverified_or_wrong_origins_are_not_shown(lexicon, name: str, wrong: str) -> None:  # type: ignore[no-untyped-def]
    assert wrong not in _explained(lexicon, name)


def _dated_texts() -> list[tuple[str, str, str]]:
    paths = sorted(glob.glob(str(ROOT / "bench/heldout_texts/*.txt")))
    paths += sorted(glob.glob(str(ROOT.parent / "shared/corpus/*.txt")))
    out = []
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        latest = document_era(text)[1]
        if latest:
            plain = text.replace("“", "").replace("”", "")
            out.append((Path(path).name, latest, re.split("[。；！？\n]", plain)))
    return out


def test_no_current_wording_is_dated_after_a_text_that_writes_it(lexicon) -> None:  # type: ignore[no-untyped-def]
    """A formula whose members a dated text already spells out (all of them, in their current
    wording, in one sentence) did not take that wording later: 三新一高's four phrases stand
    together in the 2020-11-24 劳模表彰大会 speech, its ``effective`` said 2021-01-11."""
    texts = _dated_texts()
    assert len(texts) > 30
    late = [
        (f.name, f.effective, name, latest)
        for f in lexicon
        if f.effective and f.members and not f.changed
        for name, latest, sentences in texts
        if latest < f.effective and any(all(m in s for m in f.members) for s in sentences)
    ]
    assert late == []


def test_no_foil_is_a_member_a_name_or_a_near_synonym_of_one(lexicon) -> None:  # type: ignore[no-untyped-def]
    # 世界社会主义史 was a foil of 四史 beside 社会主义发展史, a near-synonym the lexicon lists
    # itself (term_near_synonyms): 下列属于“四史”的有 offered both
    bad = []
    for formula in lexicon:
        for member in formula.members:
            kin = {
                *formula.spellings(member),
                *lexicon.names.get(member, ()),
                *lexicon._overlaps.get(member, ()),
            }
            bad += [(formula.name, foil, member) for foil in formula.foils if foil in kin]
    assert bad == []


def test_the_four_history_lures_hold_no_near_synonym() -> None:
    for q in heldout_bank("speech_xi_zhutijiaoyu_zongjie_2020"):
        if "“四史”" in q.stem:
            assert "世界社会主义史" not in q.options, q.stem


def test_the_guti_an_soldiers_list_has_no_invented_wording(lexicon) -> None:  # type: ignore[no-untyped-def]
    # 有灵魂、有本事、有血性、有品德 (古田, 2014; 十九大): a list of 有本领 credited to 古田 was
    # shown as 另一标准表述 and accepted 有本领 for 有本事 in the 十九大 report's blank
    assert lexicon.list_variants(("有灵魂", "有本事", "有血性", "有品德")) == {}


def test_new_development_philosophy_blank_refuses_the_2015_name(lexicon) -> None:  # type: ignore[no-untyped-def]
    # rounds OB #20, OC #17: 完整、准确、全面贯彻（新发展理念）〔5字〕 accepted 五大发展理念
    assert other_phrase("新发展理念", "五大发展理念", lexicon)
    qs = [
        q
        for q in heldout_bank("gongbao_19th_4th_plenum_2019")
        if q.kind == "cloze" and q.answer == ["新发展理念"]
    ]
    assert qs
    for q in qs:
        assert check_answer(q, ["新发展理念"]) and not check_answer(q, ["五大发展理念"]), q.accepted


def test_an_older_list_quoted_whole_is_dated_in_the_explanation() -> None:
    # blind16 rounds OB #28, OC #27: the 2014 eight 监督 and the 2013 四公开 with no date
    bank = heldout_bank("article_dangfeng_lianzheng_2017")
    eight = [
        q for q in bank if q.kind == "cloze" and "审计监督、" in q.stem and "社会监督" in q.stem
    ]
    assert eight
    for q in eight:
        assert "原文所列见党的十八届四中全会决定（2014）" in q.explanation, q.explanation[-200:]
    four = [q for q in bank if q.kind == "cloze" and "推进决策公开" in q.stem]
    assert four
    for q in four:
        assert "原文所列见党的十八届三中全会决定（2013）" in q.explanation
        assert "决策公开、执行公开、管理公开、服务公开、结果公开" in q.explanation


def test_a_list_source_shows_no_working_note() -> None:
    assert _shown_source("vocabulary (general knowledge, second session)") == ""
    assert (
        _shown_source(
            "党的十九大报告（2017-10-18），“形成全方位外交布局”（corpus report19_full.txt）"
        )
        == "党的十九大报告（2017-10-18），“形成全方位外交布局”"
    )
    assert _shown_source("党的二十大报告（2022），监督体系") == "党的二十大报告（2022），监督体系"


def test_the_new_era_four_haves_are_not_asked_under_the_old_name(lexicon) -> None:  # type: ignore[no-untyped-def]
    # “四有军人”是指有灵魂、有本事、有理想、有品德 (错误) is contestable: the older 四有革命军人
    # are 有理想、有道德、有文化、有纪律, the very foils (fifteenth session, round LJ #18)
    from quizapp.generation import generate_questions

    text = "我们要培养有灵魂、有本事、有血性、有品德的新时代革命军人，建设强大的人民军队。"
    stems = [q.stem for q in generate_questions(text) if q.template.startswith("lex_")]
    assert stems, "the formula is still asked"
    for stem in stems:
        assert "“四有军人”" not in stem, stem
    assert any("“‘四有’新时代革命军人”" in stem for stem in stems), stems


def test_the_two_overall_situations_cite_where_they_were_paired(lexicon) -> None:  # type: ignore[no-untyped-def]
    # 统筹国内国际两个大局 of the 六中全会 is the other 两个大局 (国内/国际): round LJ #13
    text = _explained(lexicon, "两个大局（战略全局）")
    assert "统筹国内国际两个大局" not in text and "江西" in text, text
