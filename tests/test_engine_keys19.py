"""Sixteenth session, helper "keys19": keys a teacher would not test, blanks a learner cannot
pin (blind19 rounds RA–RF). A time adverbial opening the sentence (（新时代新征程）上，), one of
two -化 modifiers (知识产权（信息化）、智能化基础设施), the half of a compound a one-character
head leaves (建设地区（金融安全）网。) are asked last; a deed paired with one other deed
(知难而进、（迎难而上）) and a blank that opens inside a word (知识（产权意识）) are not asked.
Their look-alikes the reviewers passed stay as they were.
"""

from __future__ import annotations

from quizapp.generation import generate_questions

# diaoyan_qianwan_gongcheng_2023, speech_xi_zhishichanquan_2020, speech_xi_boao_nianhui_2015,
# article_chuangxin_siwei_zhejiang_2021 (blind19), with look-alikes from tuning texts
TEXT = (
    "新时代新征程上，要更加自觉站稳人民立场，强化宗旨意识，尊重人民意愿，采取更多惠民生、暖民心举措。\n"
    "在党的八大上，刘少奇同志代表党中央作政治报告，科学分析社会主义社会制度基本建立后我国社会的主要矛盾。\n"
    "要加强知识产权信息化、智能化基础设施建设，强化人工智能、大数据等信息技术在知识产权审查和保护领域的应用。\n"
    "要持续打造市场化、法治化、国际化营商环境。\n"
    "习近平同志在浙江工作期间，将创新思维方法贯穿在全省工作的方方面面，知难而进、迎难而上，"
    "带领全省干部群众全面推进创新型省份建设。\n"
    "要加强在货币稳定、投融资、信用评级等领域务实合作，推进清迈倡议多边化机制建设，建设地区金融安全网。\n"
    "全社会尊重和保护知识产权意识明显提升，对激励创新、打造品牌、规范市场秩序、扩大对外开放发挥了重要作用。\n"
    "要强化知识产权意识，增强全社会知识产权保护意识。\n"
)

# the stock run of the 担当作为 class: the deed left is pinned by the others (review R31)
RUN = "面对大是大非敢于亮剑，面对矛盾敢于迎难而上，面对危机敢于挺身而出，面对失误敢于承担责任。\n"


def _clozes(text: str = TEXT) -> dict[str, object]:
    """The bank's plain 填空 by their one answer."""
    return {
        q.answer[0]: q
        for q in generate_questions(text, seed=0)
        if q.kind == "cloze" and q.template == "cloze" and len(q.answer) == 1
    }


def test_a_time_adverbial_opening_the_sentence_is_asked_last() -> None:
    clozes = _clozes()
    assert clozes["新时代新征程"].weak
    # a meeting is what happened there: 在（党的八大）上，刘少奇同志作政治报告
    assert not clozes["党的八大"].weak


def test_one_of_two_hua_modifiers_is_asked_last() -> None:
    clozes = _clozes()
    assert clozes["信息化"].weak and clozes["智能化"].weak
    # a run of three is what the reviewers passed: 市场化、法治化、国际化营商环境
    assert not any(clozes[k].weak for k in ("市场化", "法治化", "国际化"))


def test_the_half_of_a_compound_its_head_leaves_is_asked_last() -> None:
    assert _clozes()["金融安全"].weak


def test_a_deed_paired_with_one_other_deed_is_not_asked() -> None:
    clozes = _clozes()
    assert "知难而进" not in clozes and "迎难而上" not in clozes
    # the stock run of the class still pins the deed left
    assert "迎难而上" in _clozes(RUN)


def test_a_blank_opening_inside_a_word_is_not_asked() -> None:
    questions = generate_questions(TEXT, seed=0)
    assert not any(q.kind == "cloze" and "产权意识" in q.answer for q in questions)
    assert not any("知识（" in q.stem for q in questions)
