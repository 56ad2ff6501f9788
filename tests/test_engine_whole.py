"""Eighteenth session, helper "whole": a stem that starts inside its sentence takes the sentence
from its start when the clauses before it name the subject its own first clause lacks."""

from quizapp.generation import builders, generate_questions

_TEXT = (
    "四十年来，我们始终坚持独立自主的和平外交政策。"
    "我们积极推动建设开放型世界经济、构建人类命运共同体，促进全球治理体系变革，"
    "旗帜鲜明反对霸权主义和强权政治，为世界和平与发展不断贡献中国智慧、中国方案、中国力量。"
    "我们坚持在和平共处五项原则基础上发展同各国的友好合作。"
)


def test_a_stem_cut_after_the_subject_takes_the_sentence_from_its_start():
    qs = [q for q in generate_questions(_TEXT, seed=0) if q.source.startswith("我们积极推动")]
    blanks = [q for q in qs if q.kind in ("cloze", "single") and "（　　）" in q.stem]
    assert blanks, [q.stem for q in qs]
    for q in blanks:
        assert q.stem.startswith("我们积极推动"), q.stem


def test_a_first_clause_names_its_subject_or_not():
    assert builders._names_own_subject("中央和国家机关是贯彻落实的“最初一公里”", 20)
    assert builders._names_own_subject("我们积极推动建设开放型世界经济", 10)
    assert not builders._names_own_subject("要认真贯彻执行党组工作条例", 10)
    assert not builders._names_own_subject("坚持制度治党、依规治党", 8)
    assert not builders._names_own_subject("我还要强调的是", 6)


def test_clauses_after_the_blank_go_from_the_end_but_not_a_predicate():
    head = "我们" + "推进" * 40 + "，坚持（制度治党），"
    stem = head + "更加突出体制机制的健全完善，" + "更加突出法规制度的科学有效" * 3 + "。"
    la = head.index("（")
    got = builders._whole_within(stem, la, la + 6)
    assert got is not None and got[0].endswith("健全完善。") and len(got[0]) <= 120
    leaning = head + "是" + "全面从严治党的必然要求" * 4 + "。"
    assert builders._whole_within(leaning, la, la + 6) is None


def test_a_spliced_stem_going_on_without_a_subject_is_served_last():
    from quizapp.generation import pipeline
    from quizapp.generation.model import Question

    def question(stem: str) -> Question:
        return Question(
            id="x",
            kind="cloze",
            stem=stem,
            options=[],
            answer="依规治党",
            keys=["依规治党"],
            source="",
            explanation="",
            accepted=[["依规治党"]],
            paragraph=0,
            template="cloze",
        )

    cut = question("要在党中央集中统一领导下，……坚持制度治党、（　　），更加突出…。")
    named = question("全会指出，……党的各方面建设坚持制度治党、（　　）。")
    assert pipeline.serve_traits(cut, False)["spliced_subjectless"]
    assert not pipeline.serve_traits(named, False)["spliced_subjectless"]
    assert pipeline.serve_bonus([cut])["x"] < pipeline.serve_bonus([named])["x"]
