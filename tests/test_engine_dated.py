"""Texts older than a formula's current wording, and formula names a text uses in a sense of
its own (blind15 rounds LA–LF: 2015–2016 texts asked 四个自信, the 十九大 两个一百年, 绿色化 as
a wrong 新四化 member, and the historical 三座大山 of a speech's 市场的冰山、融资的高山、转型的火山)."""

import re
import sys
from pathlib import Path

from conftest import heldout_bank, heldout_text

from quizapp.generation import generate_questions
from quizapp.generation.segment import document_date, inferred_era

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


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
    # a 求是 collection of dated excerpts: the first excerpt's source line dates that excerpt
    collection = (
        "总结党的历史经验 加强党的政治建设\n习近平\n一\n"
        "遵义会议作为我们党历史上一次具有伟大转折意义的重要会议，在革命最危急关头挽救了党。\n"
        "(2015年6月16日至18日在贵州调研时的讲话)\n二\n"
    )
    assert document_date(collection) == ""
    assert (
        document_date("讲话\n（2015年6月16日）\n习近平\n同志们：今天我们开会。\n") == "2015-06-16"
    )


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


def _undated(name: str) -> str:
    """Text ``name`` without its date line, as pasted from a web page (thirteenth session)."""
    lines = heldout_text(name).split("\n")
    kept = [line for k, line in enumerate(lines) if k >= 4 or not _DATE_LINE.search(line)]
    text = "\n".join(kept)
    assert document_date(text) == "", name
    return text


_DATE_LINE = re.compile(r"^[（(——].*\d{4}年\d{1,2}月\d{1,2}日")


def test_an_undated_2015_speech_is_dated_by_the_anniversary_it_marks():
    # 今年是中华全国总工会成立90周年 (1925 + 90): the speech is of 2015
    text = _undated("speech_xi_laodongjie_2015")
    assert inferred_era(text) == ("2015-01-01", "2015-12-31")
    bank = generate_questions(text, seed=0)
    # as with its date line: not asked the four 自信 its three 自信 predate …
    assert not _lexicon(bank, "四个自信")
    own = [q for q in bank if q.formula == "四个自信" and "理论自信、制度自信" in q.stem]
    assert own
    # … and the explanation dates it by the year the content tells
    assert all("本文（2015年）早于此" in q.explanation for q in own)


def test_undated_with_nothing_to_date_it_the_speech_is_asked_as_before():
    text = _undated("speech_xi_laodongjie_2015").replace("今年是中华全国总工会成立90周年。", "")
    assert inferred_era(text)[1] == ""  # (党的十八大以来 says since when, not until when)
    assert _lexicon(generate_questions(text, seed=0), "四个自信")


def test_undated_2015_texts_keep_the_rules_of_their_date():
    for name in ("speech_xi_xiyatu_huanying_yanhui_2015", "gongbao_18th_5th_plenum_2015"):
        bank = generate_questions(_undated(name), seed=0)
        asked = _lexicon(bank, "两个一百年")
        assert asked and not [q for q in asked if q.template == "lex_judge_false"], name
        assert all("早于此" in q.explanation for q in asked), name
        _no_greening_as_wrong(bank)
    # 十八届五中全会 (2015-10) cited and nothing later: no 2015–2017 lure 绿色化 either,
    # though photo captions of 2020 close the page (the text has no latest date)
    text = _undated("speech_xi_zhengzhi_jingjixue_2015")
    assert inferred_era(text) == ("2015-10-26", "")
    _no_greening_as_wrong(generate_questions(text, seed=0))


def _no_greening_as_wrong(bank) -> None:
    for q in bank:
        if q.kind == "judge":
            assert not (q.answer is False and "绿色化" in q.stem), q.stem
        else:
            assert "绿色化" not in q.options or "绿色化" in q.answer, q.stem


def test_what_the_content_tells_never_dates_a_text_before_its_date_line():
    # every text of the bench with a date line, read without it: the bound holds its date
    from quality_sample import TEXT_SETS

    checked = 0
    for texts in TEXT_SETS.values():
        for _, path in texts:
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            date = document_date(text)
            lines = text.split("\n")
            bare = "\n".join(
                line for k, line in enumerate(lines) if k >= 4 or not _DATE_LINE.search(line)
            )
            if not date or document_date(bare):
                continue
            earliest, latest = inferred_era(bare)
            assert earliest <= date and (not latest or date <= latest), (path.name, date)
            checked += 1
    assert checked >= 30
    # 2020 speeches that cite the 十八大 and nothing later are no texts of 2012–2017
    for name in ("speech_xi_tuopin_zuotan_2020", "speech_xi_kexuejia_zuotan_2020"):
        assert inferred_era(_undated(name))[1] == "", name


def test_content_bounds_of_a_few_lines():
    assert inferred_era("全会认为，党的十八届三中、四中、五中全会精神要深入贯彻。") == (
        "2015-10-26",
        "",
    )
    # a congress still to come bounds nothing; 新时代 makes a text of the 十九大 or later
    assert inferred_era("以优异成绩迎接党的十九大胜利召开。") == ("", "")
    assert inferred_era("党的十八大以来，中国特色社会主义进入新时代。") == ("2017-10-18", "")
    # …but not the word once in its everyday sense (a 2016 speech, blind29)
    assert inferred_era("不断谱写新时代的劳动者之歌。") == ("", "")
    # a session's own communique is of that session
    head = "中国共产党第十八届中央委员会第五次全体会议公报\n全会听取和讨论了工作报告。"
    assert inferred_era(head) == ("2015-10-26", "2015-11-25")
    # the year a text says it is in: 去年…“十二五”规划圆满收官, 今年是…开局之年
    assert inferred_era("过去的一年，全年主要目标任务顺利完成，“十二五”规划圆满收官。") == (
        "2016-01-01",
        "2016-12-31",
    )
    assert inferred_era("今年是全面贯彻党的二十大精神的开局之年。")[1] == "2023-12-31"
    # two years that disagree: nothing is said
    assert inferred_era("今年是五四运动100周年。今年是改革开放40周年。") == ("", "")


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


def test_next_years_milestone_does_not_date_the_text():
    # 今年是…关键一年，明年是收官之年 (the 2024 三中全会 speech): the closing year is next year's
    assert inferred_era("今年是实现“十四五”规划目标任务的关键一年，明年是收官之年。") == ("", "")
    assert inferred_era("今年是“十四五”规划收官之年。") == ("2025-01-01", "2025-12-31")
