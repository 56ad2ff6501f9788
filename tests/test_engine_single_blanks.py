"""Fourteenth session, helper "cloze1": single-key 填空 a teacher rejects, outside 、-runs.

Each rule was measured on every judged row of docs/quality.md (docs/generation.md, "Fourteenth
session: single-key 填空…"); every test here fails on the engine before it.
"""

from quizapp.generation import generate_questions
from quizapp.generation.pipeline import bank_with_reasons


def _clozes(text):
    qs, why = bank_with_reasons(text, undropped=True)
    return {q.answer[0]: (q.weak, why.get(q.id, "")) for q in qs if q.template == "cloze"}


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
