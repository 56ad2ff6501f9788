"""Seventeenth session, helper "subject": a stem opening on a clause that goes on with the verb of
the clause before (党的十九大确立了…，|制定了…; 党领导人民进行伟大奋斗，|积累了…) carries that
clause's subject. Stems as the learner sees them."""

from pathlib import Path

from quizapp.generation import builders, generate_questions

HELDOUT = Path(__file__).resolve().parent.parent / "bench" / "heldout_texts"


def _step(text: str, stem_from: str, key: str) -> tuple[tuple[str, int, int], tuple[str, int, int]]:
    """The window from ``stem_from`` to the sentence's end with the key marked, before and after
    the step."""
    stem = text[text.index(stem_from) :]
    at = text.index(key)
    la = at - text.index(stem_from)
    before = (stem, la, la + len(key))
    return before, builders._with_shared_subject(text, *before, at, at + len(key))


def _shared(text: str, stem_from: str, key: str) -> str:
    """The window after the step, its key still marked."""
    got, gla, glb = _step(text, stem_from, key)[1]
    assert got[gla:glb] == key
    return got


def _unchanged(text: str, stem_from: str, key: str) -> bool:
    """Does the step leave the window as it was?"""
    before, after = _step(text, stem_from, key)
    return after == before


def test_an_aspect_verb_takes_the_clause_naming_its_subject():
    text = "全会提出，一百年来，党领导人民进行伟大奋斗，积累了宝贵的历史经验。"
    got = _shared(text, "积累了", "宝贵的历史经验")
    assert got == "党领导人民进行伟大奋斗，积累了宝贵的历史经验。"


def test_a_long_stem_takes_the_subject_with_an_ellipsis():
    text = (
        "党的十九大确立了习近平新时代中国特色社会主义思想的历史地位，"
        "制定了决胜全面建成小康社会、夺取新时代中国特色社会主义伟大胜利的宏伟蓝图和行动纲领，"
        "具有重大现实意义和深远历史意义。"
    )
    got = _shared(text, "制定了", "决胜全面建成小康社会")
    assert got.startswith("党的十九大……制定了决胜全面建成小康社会")


def test_an_agent_modifying_the_subject_is_not_taken_for_it():
    text = (
        "习近平总书记关于党的自我革命的重要思想凝结了新时代全面从严治党丰富实践经验和重要理论成果，"
        "凝聚了全党高度共识，为新时代新征程深入推进全面从严治党、党风廉政建设和反腐败斗争"
        "提供了根本遵循。"
    )
    got = _shared(text, "凝聚了", "党风廉政建设")
    assert got.startswith("习近平总书记关于党的自我革命的重要思想……凝聚了全党高度共识")


def test_an_instruction_after_a_subject_and_modal_is_left_to_its_own_step():
    text = "各级党组织要加强自身建设，不断提高政治判断力、政治领悟力、政治执行力。"
    assert _unchanged(text, "不断", "政治领悟力")


def test_a_verb_s_object_in_a_series_gets_no_subject():
    text = (
        "去年5月，党中央专门出台了《意见》，要求大力弘扬胸怀祖国、服务人民的爱国精神，"
        "勇攀高峰、敢为人先的创新精神，追求真理、严谨治学的求实精神。"
    )
    assert _unchanged(text, "追求真理", "严谨治学")


def test_the_party_named_alone_is_the_subject_of_the_clauses_after():
    text = "中国共产党领导人民进行伟大奋斗，团结带领全国各族人民，积累了宝贵的历史经验。"
    got = _shared(text, "积累了", "宝贵的历史经验")
    assert got == text


def test_what_a_plenum_said_gets_no_plenum_as_its_subject():
    text = "全会提出，坚持创新发展，必须把创新摆在国家发展全局的核心位置，不断推进理论创新。"
    assert _unchanged(text, "坚持创新发展", "理论创新")


def test_bank_stems_name_who_acted():
    def stems(name: str) -> list[str]:
        text = (HELDOUT / name).read_text(encoding="utf-8")
        return [q.stem for q in generate_questions(text, seed=0)]

    # (no stem opens on the bare verb any more; the one that did names its subject)
    for name, verb, lead in (
        ("gangyao_xuexi_ch1_2019.txt", "解决了许多长期", "以习近平同志为核心的党中央……"),
        ("article_zhaoleji_congyan_zhidang_2022.txt", "决定了我们党", "这样的初心使命、性质宗旨，"),
        ("speech_xi_yuanshi_dahui_2018_part1.txt", "描绘了把我国", "党的十九大……"),
        ("communique_19cc6_2021.txt", "统筹国内国际两个大局", "以习近平同志为核心的党中央……"),
        ("article_dadang_nanti_2024.txt", "不断增强", "我们党……"),
        ("gongbao_19th_4th_plenum_2019.txt", "审议通过了《中共中央关于坚持", "全会……"),
    ):
        got = stems(name)
        assert not any(s.startswith(verb) for s in got)
        assert any(s.startswith(lead + verb) for s in got)
