"""Whole theses (eleventh session, helper "theses"): a sentence of sibling theses (发展是第一要务，
创新是第一动力，人才是第一资源) and a contrast thesis (脱贫摘帽不是终点，而是…的起点) get a 判断
whose statement is the thesis as written or its false twin (two subjects swapped; what X is and
what it is not swapped); a cloze on a thesis' subject, or on its predicate or an item of it, names
the whole thesis (its clauses going on with 是/也是 included) among its keys.
"""

from __future__ import annotations

from conftest import named

from quizapp.generation import generate_questions
from quizapp.generation.builders import add_thesis_key
from quizapp.generation.model import BLANK, Question

# speech_xi_beida_2018, speech_cyl100_2022, speech_xi_tuopin_zuotan_2020, report19_full, and
# sentences no such 判断 may come from (a shared head, a subject inside the other's predicate)
TEXT = (
    "建设社会主义现代化强国，发展是第一要务，创新是第一动力，人才是第一资源。\n"
    "在实现中华民族伟大复兴的征程上，中国共产党是先锋队，共青团是突击队，少先队是预备队。\n"
    "脱贫摘帽不是终点，而是新生活、新奋斗的起点。\n"
    "新发展格局决不是封闭的国内循环，而是开放的国内国际双循环。\n"
    "我们越来越深刻地认识到，安全是发展的前提，发展是安全的保障。\n"
    "中国特色社会主义是实现中华民族伟大复兴的必由之路，团结奋斗是中国人民创造历史伟业的必由之路。\n"
    "这些人不是狂妄分子，也不是风头主义者，而是脚踏实地富于实际精神的人们。\n"
    "改革是解放和发展社会生产力的关键，是推动国家发展的根本动力。\n"
    "社会主义市场经济是信用经济、法治经济。\n"
)


def _judges() -> dict[str, object]:
    """The thesis 判断 of TEXT: source sentence → question."""
    return {
        q.source: q
        for q in generate_questions(TEXT, seed=0)
        if q.template.startswith("thesis_judge")
    }


def test_sibling_theses_are_judged_with_two_subjects_swapped_or_as_written() -> None:
    judges = _judges()
    first = judges["建设社会主义现代化强国，发展是第一要务，创新是第一动力，人才是第一资源。"]
    assert first.answer is False
    # two of the three subjects change places; the lead naming the field stays
    assert first.stem.startswith("建设社会主义现代化强国，")
    assert first.stem != "建设社会主义现代化强国，发展是第一要务，创新是第一动力，人才是第一资源。"
    assert sorted(first.stem.count(x) for x in ("发展", "创新", "人才")) == [1, 1, 1]
    assert "原文为“发展是第一要务，创新是第一动力，人才是第一资源”" in first.explanation
    assert "发展是第一要务，创新是第一动力，人才是第一资源" in first.covers
    teams = judges[
        "在实现中华民族伟大复兴的征程上，中国共产党是先锋队，共青团是突击队，少先队是预备队。"
    ]
    assert teams.kind == "judge" and teams.answer is False


def test_a_contrast_thesis_is_judged_with_what_it_is_and_is_not_swapped() -> None:
    judges = _judges()
    q = judges["脱贫摘帽不是终点，而是新生活、新奋斗的起点。"]
    assert q.answer is False
    assert q.stem == "脱贫摘帽不是新生活、新奋斗的起点，而是终点。"
    assert "脱贫摘帽不是终点，而是新生活、新奋斗的起点" in q.covers
    true = judges["新发展格局决不是封闭的国内循环，而是开放的国内国际双循环。"]
    assert true.answer is True  # one in four stays as written
    assert true.stem == "新发展格局决不是封闭的国内循环，而是开放的国内国际双循环。"
    assert "新发展格局决不是封闭的国内循环，而是开放的国内国际双循环" in true.keys


def test_no_thesis_judge_where_the_swap_reads_absurd_or_may_be_true() -> None:
    judges = _judges()
    # 发展是发展的前提: a subject inside the sibling's predicate
    assert "我们越来越深刻地认识到，安全是发展的前提，发展是安全的保障。" not in judges
    # …的必由之路 twice: the swapped statement may be said as well
    assert not any(s.startswith("中国特色社会主义是实现") for s in judges)
    # 也不是…: whose thesis it is lies in the sentence before
    assert not any(s.startswith("这些人") for s in judges)


def test_a_cloze_on_a_thesis_names_the_whole_thesis_it_prints() -> None:
    keys = {
        q.answer[0]: named(q)
        for q in generate_questions(TEXT, seed=0)
        if q.kind == "cloze" and q.template == "cloze"
    }
    # the predicate going on in a clause of its own is part of the thesis
    assert "改革是解放和发展社会生产力的关键，是推动国家发展的根本动力" in keys["改革"]
    # a thesis with no mark of rank, asked by its subject or by an item of its predicate
    assert "社会主义市场经济是信用经济、法治经济" in keys["社会主义市场经济"]


def _cloze(stem: str, answer: str) -> Question:
    return Question(
        id="x", kind="cloze", stem=stem, options=[], answer=[answer], keys=[answer],
        source=stem.replace(BLANK, answer), explanation="", template="cloze",
    )  # fmt: skip


def test_a_blank_on_an_item_of_the_predicate_names_the_thesis_but_not_a_loose_clause() -> None:
    q = add_thesis_key(
        _cloze("第一，培养担当民族复兴大任的时代新人。教育是（　　）、党之大计。", "国之大计")
    )
    assert "教育是国之大计、党之大计" in q.keys
    # 是…的 in few characters, an adverb before 是, a pronoun: no thesis a teacher lists
    for stem, answer in (
        ("这个论断是（　　）。", "武断的"),
        ("（　　）是我们党执政兴国的第一要务。", "发展仍然"),
        ("（　　）是党和人民的。", "这个成绩"),
    ):
        q = add_thesis_key(_cloze(stem, answer))
        assert q.keys == [answer], stem


def test_no_blank_takes_the_predicates_adverb_with_the_subject() -> None:
    """我国仍然是…，发展仍然是…第一要务: the subject is 发展, and （发展仍然） asked nothing a
    learner could write (the 十四五 说明, tenth session's blind13)."""
    text = (
        "我国仍处于并将长期处于社会主义初级阶段，我国仍然是世界上最大的发展中国家，"
        "发展仍然是我们党执政兴国的第一要务。"
    )
    answers = [a for q in generate_questions(text) if q.kind == "cloze" for a in q.answer]
    assert "第一要务" in answers
    assert not [a for a in answers if a.endswith(("仍然", "依然"))]
