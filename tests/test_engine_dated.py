"""Texts older than a formula's current wording, and formula names a text uses in a sense of
its own (blind15 rounds LA–LF: 2015–2016 texts asked 四个自信, the 十九大 两个一百年, 绿色化 as
a wrong 新四化 member, and the historical 三座大山 of a speech's 市场的冰山、融资的高山、转型的火山)."""

from conftest import heldout_bank, heldout_text

from quizapp.generation import generate_questions
from quizapp.generation.segment import document_date


def _lexicon(bank, formula: str) -> list:
    return [q for q in bank if q.formula == formula and q.template.startswith("lex_")]


def _shown(q) -> str:
    return q.stem + "".join(q.options)


def test_a_date_line_dates_the_text_and_a_body_date_does_not():
    assert document_date(heldout_text("speech_xi_laodongjie_2015")) == "2015-04-28"
    assert document_date(heldout_text("gongbao_18th_5th_plenum_2015")) == "2015-10-29"
    # a revised text is read as of its latest revision, on the date block's second line
    assert document_date(heldout_text("tiaoli_jieyue_fanlangfei_2025_ch1-5")) == "2025-05-02"
    # 1978年12月18日，在中华民族历史上… opens the body: no date line
    assert document_date(heldout_text("speech_xi_reform40_2018_part1")) == ""


def test_a_2015_speech_of_the_three_zixin_is_not_asked_the_four():
    bank = heldout_bank("speech_xi_laodongjie_2015")
    # the text's own 道路自信、理论自信、制度自信 are still asked …
    own = [q for q in bank if q.formula == "四个自信" and "理论自信、制度自信" in q.stem]
    assert own
    # … but not “下列不属于‘四个自信’的是”, which 文化自信 (2016-07-01) would answer too
    assert not _lexicon(bank, "四个自信")
    assert not [q for q in bank if "“四个自信”" in q.stem]
    # and where the formula is explained, the explanation dates its current wording
    assert all("本文（2015年4月28日）早于此" in q.explanation for q in own)


def test_undated_the_same_speech_is_asked_the_four_zixin_as_before():
    text = heldout_text("speech_xi_laodongjie_2015").replace("（2015年4月28日）\n", "", 1)
    assert document_date(text) == ""
    bank = generate_questions(text, seed=0)
    assert _lexicon(bank, "四个自信")


def test_a_2015_text_naming_the_two_centenary_goals_is_asked_them_dated():
    for name in ("speech_xi_xiyatu_huanying_yanhui_2015", "gongbao_18th_5th_plenum_2015"):
        bank = heldout_bank(name)
        asked = _lexicon(bank, "两个一百年")
        # the text names “两个一百年”: its members are asked, today's (十九大) wording dated …
        assert asked, name
        assert all("现行表述自" in q.explanation and "早于此" in q.explanation for q in asked)
        # … but no 判断 is made false: the text's own 2015 wording (…文明和谐的社会主义现代化
        # 国家) would read as the error beside the 十九大's 美丽…强国 (blind15 LA #33)
        assert not [q for q in asked if q.template == "lex_judge_false"], name


def test_greening_is_no_wrong_member_of_the_four_modernisations_in_2015():
    for name in ("speech_xi_xiyatu_huanying_yanhui_2015", "gongbao_18th_5th_plenum_2015"):
        bank = heldout_bank(name)
        # 新四化 is still asked (its wording is that of 2012) …
        assert _lexicon(bank, "新四化"), name
        # … but 绿色化, part of 2015's 新五化, is never offered as wrong or swapped in for 错误
        for q in bank:
            if q.kind == "judge":
                assert not (q.answer is False and "绿色化" in q.stem), q.stem
            else:
                assert "绿色化" not in q.options or "绿色化" in q.answer, q.stem


def test_three_mountains_of_the_entrepreneurs_are_not_the_historical_three():
    bank = heldout_bank("speech_xi_minjian_gongshanglian_2016")
    assert not _lexicon(bank, "三座大山")
    for q in bank:
        assert "帝国主义" not in _shown(q) + q.explanation, q.stem
    # the text's own list is still asked
    assert [q for q in bank if q.kind == "cloze" and "融资的高山" in q.answer]


def test_a_name_followed_by_its_own_members_is_still_the_lexicon_formula():
    text = (
        "关于学习贯彻新发展理念的通知\n"
        "各单位要深入学习“新发展理念”：创新、协调、绿色、开放、共享。"
        "要坚持以新发展理念引领高质量发展，推动经济实现质的有效提升和量的合理增长。\n"
    )
    bank = generate_questions(text, seed=0)
    assert _lexicon(bank, "新发展理念")
