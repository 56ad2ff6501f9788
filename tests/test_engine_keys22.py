"""Eighteenth session, helper "keys22" (blind22 rounds VA–VF): what an older text's reader sees
as no question of the text.

* a false 判断 that swaps two words for the people (人民 / 群众) is as true as the thesis;
* a false 判断 on a view the text reports (有些糊涂的同志认为不是…，而是…) may be a view the
  text reports as well, and swapped it puts the text's own thesis in the confused mouth;
* a date line in Chinese numerals (（一九九九年六月二十八日）) dates the text, so that a formula
  of 2017 is not asked as a 1999 speech's content;
* the editor's note (题注) under the headline and date, or in parentheses, is no material.
"""

from __future__ import annotations

from quizapp.generation import generate_questions
from quizapp.generation.segment import document_date, segment

BODY = (
    "我们党始终坚持全心全意为人民服务的根本宗旨，这是我们党区别于其他政党的显著标志。"
    "党的作风关系党的生死存亡，领导干部必须带头转变作风，密切联系群众，反对形式主义和官僚主义。\n"
)


def _judges(text: str) -> list:
    return [q for q in generate_questions(text, seed=0) if q.template.startswith("thesis_judge")]


def test_words_for_the_people_are_not_swapped_into_a_false_statement() -> None:
    text = BODY + "人民是历史的创造者，群众是真正的英雄。\n"
    text += "发展是第一要务，创新是第一动力，人才是第一资源。\n"
    judges = _judges(text)
    for q in judges:
        assert "英雄" not in q.stem or q.answer is True, q.stem
    # theses whose subjects name different things are still judged
    assert any("第一要务" in q.stem for q in judges)


def test_a_view_the_text_reports_is_not_judged_swapped() -> None:
    text = BODY + (
        "有些糊涂的同志认为不是依靠工人阶级，而是依靠贫民群众。"
        "这种看法是完全错误的，我们必须全心全意地依靠工人阶级。\n"
        "新发展格局决不是封闭的国内循环，而是开放的国内国际双循环。\n"
    )
    judges = _judges(text)
    assert not any("糊涂" in q.stem for q in judges)
    # the text's own contrast is still judged
    assert any("国内循环" in q.stem for q in judges)


def test_a_date_line_in_chinese_numerals_dates_the_text() -> None:
    assert document_date("讲话\n（一九九九年六月二十八日）\n正文。") == "1999-06-28"
    assert document_date("报告\n（一九四九年三月五日）\n正文。") == "1949-03-05"
    assert document_date("文章\n（二〇二一年十月九日）\n正文。") == "2021-10-09"
    # a date in the body is no date line
    assert document_date("讲话\n一九九九年六月二十八日，我们在这里集会。") == ""


SANJIANG = (
    "在纪念中国共产党成立七十八周年座谈会上的讲话\n"
    "（一九九九年六月二十八日）\n"
    "我们党所以能够发展壮大，很重要的一条历史经验，就是坚持不懈地加强党的思想建设、"
    "政治建设、组织建设、作风建设。毛泽东同志把党的建设确定为我们党克敌制胜的主要法宝之一。\n"
    "在和平建设时期，如何加强党的建设，是我们党执政后始终面临的一个重大课题。"
    "严明党的政治纪律和组织纪律，是保证全党在思想上、政治上、组织上高度统一的重要条件。\n"
)


def test_a_speech_of_1999_is_not_asked_the_2017_party_building_layout() -> None:
    bank = generate_questions(SANJIANG, seed=0)
    assert not [q for q in bank if "总体布局" in q.stem + "".join(q.options)]
    # the same speech without its date line is (the lexicon cannot tell its age)
    undated = SANJIANG.replace("（一九九九年六月二十八日）\n", "")
    assert [q for q in generate_questions(undated, seed=0) if q.formula == "党的建设总体布局"]


NOTE = (
    "中国共产党第七届中央委员会第二次全体会议，一九四九年三月五日至十三日举行于西柏坡村。"
    "毛泽东在这次会议上所作的报告，说明了在全国胜利的局面下，党的工作重心必须由乡村移到城市，"
    "城市工作必须以生产建设为中心。毛泽东估计了胜利以后国内外阶级斗争的新形势，"
    "及时地警告资产阶级的“糖衣炮弹”将成为对于无产阶级的主要危险。\n"
)
REPORT = (
    "辽沈、淮海、平津三战役以后，敌人的主力已被消灭。我们必须用极大的努力去学会管理城市和建设城市。"
    "在城市斗争中，我们必须全心全意地依靠工人阶级，团结其他劳动群众，争取知识分子。"
    "务必使同志们继续地保持谦虚、谨慎、不骄、不躁的作风，务必使同志们继续地保持艰苦奋斗的作风。\n"
)


def test_the_editors_note_under_the_headline_is_no_material() -> None:
    text = "在七届二中全会上的报告\n（一九四九年三月五日）\n" + NOTE + REPORT
    doc = segment(text)
    note = next(p for p in doc.paragraphs if p.text.startswith("中国共产党第七届"))
    assert note.kind == "noise"
    assert not [q for q in generate_questions(text, seed=0) if q.source in NOTE]
    # the same paragraph as the body's opening, under no date line, is material and asked
    assert segment(NOTE + REPORT).paragraphs[0].kind == "body"
    assert [q for q in generate_questions(NOTE + REPORT, seed=0) if q.source in NOTE]


def test_a_note_in_parentheses_is_no_material() -> None:
    note = (
        "（这是邓小平同志在中共中央工作会议闭幕会上的讲话。这次中央工作会议为随即召开的"
        "中共十一届三中全会作了充分准备。）"
    )
    doc = segment("讲话\n（一九七八年十二月十三日）\n" + REPORT + note + "\n")
    assert [p.kind for p in doc.paragraphs if p.text == note] == ["noise"]


# --- keys not worth testing, blanks other words fill ------------------------------------------

LISTS = BODY + (
    "我们要在改革开放的伟大实践中真正加强思想政治工作、组织工作、宣传工作、群众工作，"
    "把党的政治优势转化为推动发展的强大动力。\n"
    "出现这种情况的原因很多，其中一条，就是只考虑部门利益、地方利益、小团体利益，不顾全局。\n"
    "对于这个重大的历史课题，全党都要认真对待、认真研究、认真解决，宣传思想战线负有特别重要的责任。\n"
)


def test_an_open_class_list_is_no_blank_and_its_run_is_asked_last() -> None:
    bank = generate_questions(LISTS, seed=0)
    for q in bank:
        if q.template == "cloze":
            # 统战工作, 个人利益, 认真分析 fit any single blank of these lists
            assert q.answer[0] not in ("组织工作", "宣传工作", "群众工作"), q.stem
            assert q.answer[0] not in ("地方利益", "小团体利益", "认真研究", "认真解决"), q.stem
    runs = [q for q in bank if q.template == "cloze_list" and "认真对待" in q.stem]
    assert all(q.weak for q in runs)
    assert runs


def test_a_free_predicate_after_a_comma_is_no_saying() -> None:
    text = BODY + "两个国家都落后，中国则更落后。\n中国人找到马克思主义，是经过俄国人介绍的。\n"
    text += "团结就是力量，团结才能胜利。\n"
    stems = [q.stem for q in generate_questions(text, seed=0) if q.kind == "cloze"]
    assert not [
        s for s in stems if s.startswith(("两个国家都落后，（", "中国人找到马克思主义，（"))
    ]
    # a saying of two clauses is still asked
    assert [s for s in stems if s.startswith("团结就是力量，（")]


def test_a_blank_does_not_part_an_ordinal_name() -> None:
    text = BODY + (
        "第一次世界大战震动了全世界。整个帝国主义制度在第二次世界大战以后是大大地削弱了。"
        "一九一九年，中国发生了五四运动。\n"
    )
    bank = generate_questions(text, seed=0)
    assert not [q for q in bank if q.kind == "cloze" and q.answer == ["世界大战"]]
    assert [q for q in bank if q.kind == "cloze" and q.answer == ["五四运动"]]


def test_one_title_of_a_series_of_examples_is_not_asked() -> None:
    text = BODY + (
        "像《义勇军进行曲》、《黄河大合唱》、《团结就是力量》、《歌唱祖国》这些优秀歌曲，"
        "鼓舞和教育了几代人，都是传世之作。我的入门老师是《共产党宣言》，它教会我们阶级斗争的道理。\n"
    )
    answers = [q.answer for q in generate_questions(text, seed=0) if q.kind == "cloze"]
    assert not [a for a in answers if a in (["黄河大合唱"], ["团结就是力量"], ["歌唱祖国"])]
    assert ["共产党宣言"] in answers


def test_a_speakers_opening_on_a_report_is_material() -> None:
    opening = "刚才，李明同志在这次会议上所作的报告，我完全赞成。我们要认真学习，抓好落实。\n"
    doc = segment("在全省工作会议上的讲话\n（二〇二〇年三月五日）\n" + opening + REPORT)
    assert doc.paragraphs[2].kind == "body"


def test_an_adverb_before_the_copula_is_no_part_of_the_subject() -> None:
    text = BODY + "但是我们的事情还很多，比如走路，过去的工作只不过是像万里长征走完了第一步。\n"
    answers = [q.answer for q in generate_questions(text, seed=0) if q.kind == "cloze"]
    assert not [a for a in answers if "只不过" in "".join(a)]
