"""Fourteenth session, helper "cloze1": single-key 填空 a teacher rejects, outside 、-runs.

Each rule was measured on every judged row of docs/quality.md (docs/generation.md, "Fourteenth
session: single-key 填空…"); every test here fails on the engine before it.
"""

from quizapp.generation import generate_questions
from quizapp.generation.model import BLANK, Question
from quizapp.generation.pipeline import _figure_tally, bank_with_reasons


def _clozes(text):
    qs, why = bank_with_reasons(text, undropped=True)
    return {q.answer[0]: (q.weak, why.get(q.id, "")) for q in qs if q.template == "cloze"}


def _plain_cloze(stem, key):
    return Question(
        id="x", kind="cloze", stem=stem, options=[], answer=[key], keys=[key], source="",
        explanation="", template="cloze",
    )  # fmt: skip


def test_a_duty_any_verb_of_its_kind_takes_is_asked_last():
    # blind11 GI/GJ/GM/GN, blind15 LA/LC/MA, transfer3 Y4/Y5/B1: 社会责任感, 神圣职责, 使命 fit
    text = (
        "疫情防控工作取得重大战略成果。在疫情防控斗争中，广大专家学者以高度的政治责任感和使命感，"
        "发挥专业优势。各级工会要坚守工会工作的主战场，狠抓工会工作的中心任务，模范履行工会组织的"
        "政治责任，更好发挥工会组织作用。落实党风廉政建设责任制，党委负主体责任，纪委负监督责任。"
    )
    clozes = _clozes(text)
    assert clozes["政治责任感"] == (True, "open_duty_slot")
    assert clozes["政治责任"] == (True, "open_duty_slot")
    # a formula's member, pinned by its pair, is what a teacher tests
    assert clozes["监督责任"] == (False, "")


def test_a_figure_reported_of_the_key_is_no_teaching():
    # blind12 HB #4, HE #9, HH #4, HJ #9, HK #10: "which programme got 3500亿元"
    text = (
        "脱贫攻坚取得决定性成就。金融部门安排易地扶贫搬迁专项贷款3500亿元。"
        "贫困地区基础设施显著改善。"
    )
    assert _clozes(text)["易地扶贫搬迁"] == (True, "figure_tally")
    # a figure before the blank counts what the key achieved; one further on counts another
    # thing (8个方面16个风险 of a 研讨班 the key names)
    spared = (
        f"960多万贫困人口通过{BLANK}摆脱了困境。",
        f"我在学习贯彻{BLANK}精神专题研讨班开班式上列举了8个方面16个风险。",
        f"老年人、患病者、{BLANK}的比例达到45.7%。",  # (a run's item: the runs' rules)
        f"“{BLANK}”支持中西部地区14所高校。",  # (a quoted programme's name is the point)
    )
    for stem in spared:
        assert not _figure_tally(_plain_cloze(stem, "易地扶贫搬迁")), stem
    assert _figure_tally(_plain_cloze(f"开展{BLANK}160多人/次。", "谈心谈话"))


def test_the_speakers_tour_of_meetings_is_his_own_business():
    # blind12 HB #2, HC #4, HH #2, HI #4, unusable each time
    text = (
        "党的十八大以后，我先后在延安、贵阳、银川、太原召开部分省区市党委书记座谈会，"
        "根据脱贫攻坚进展情况，分阶段、分专题研究部署脱贫攻坚工作。脱贫攻坚战取得全面胜利。"
    )
    clozes = _clozes(text)
    assert clozes["党的十八大"] == (True, "speech_business")
    assert clozes["脱贫攻坚"] == (True, "speech_business")
    answers = {str(q.answer) for q in generate_questions(text, seed=0)}
    assert not any("党的十八大" in a or "'脱贫攻坚'" in a for a in answers), answers


def test_one_big_worry_of_the_party_is_no_first_congress():
    # blind16 OB #37: 成为（党的一大）忧患, "parse error"
    text = (
        "2014年1月14日，习近平总书记在十八届中央纪委三次全会上指出，组织纪律松弛已经成为党的一大"
        "忧患，必须严明党的组织纪律，增强组织纪律性。1921年7月，党的一大在上海召开，宣告中国共产党"
        "正式成立。"
    )
    stems = [q.stem for q in generate_questions(text, seed=0) if "党的一大" in str(q.answer)]
    assert stems, "the congress itself is still asked"
    assert all("忧患" not in s for s in stems), stems
