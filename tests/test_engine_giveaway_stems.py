"""Stems that give the blank away (eleventh session, helper "giveaway"; blind13 JA #14/#20/#36,
JC #19, JD #11; blind11 GJ #14, GN #14; rounds EC–FA on 历史性成就).

A plain 填空 is not asked when the other half of its pair prints all of the key but two
characters (取得（历史性成就）、发生历史性变革, 公有制经济和（非公有制经済）); when the key's last
word stands elsewhere in the stem only the part before it is blanked (（马克思主义）政治经济学);
and a blank on a run of 共X members takes the run's member right after it (共商共建共享共赢).
Lists whose members share a pattern (质量变革、效率变革、动力变革; 敢于斗争、善于斗争) stay asked.
"""

from __future__ import annotations

from quizapp.generation import generate_questions

# zhengjing, kexuejia, biaozhang, shenzhen (the stems the reviewers failed), and two lists of one
# pattern whose members the reviewers found usable (blind13 JB, JC; kangmei CJ–CN)
TEXT = (
    "现在，各种经济学理论五花八门，但我们政治经济学的根本只能是马克思主义政治经济学，"
    "而不能是别的什么经济理论。\n"
    "通过全社会共同努力，我国科技事业取得历史性成就、发生历史性变革。\n"
    "明确坚决遏制疫情蔓延势头、坚决打赢疫情防控阻击战的总目标，周密部署武汉保卫战、湖北保卫战，"
    "因时因势制定重大战略策略。\n"
    "欢迎世界各国更多地参与中国经济特区的改革开放发展，构建共商共建共享共赢新格局。\n"
    "改革开放以来，我们明确公有制经济和非公有制经济都是社会主义市场经济的重要组成部分。\n"
    "坚持以推动高质量发展为主题，推动质量变革、效率变革、动力变革，使发展成果更好惠及全体人民。\n"
    "要发扬斗争精神，敢于斗争、善于斗争，知难而进、坚韧向前。\n"
)


def _clozes() -> dict[str, str]:
    """Plain 填空 answers → their stems."""
    return {
        q.answer[0]: q.stem
        for q in generate_questions(TEXT, seed=0)
        if q.kind == "cloze" and q.template == "cloze"
    }


def test_a_twin_that_prints_the_key_but_two_characters_stops_the_blank() -> None:
    clozes = _clozes()
    for key in ("历史性成就", "武汉保卫战", "湖北保卫战", "非公有制经济"):
        assert key not in clozes, key


def test_a_printed_head_word_leaves_only_the_rest_blanked() -> None:
    clozes = _clozes()
    assert "马克思主义政治经济学" not in clozes
    assert "根本只能是（　　）政治经济学" in clozes["马克思主义"]


def test_a_run_of_gong_members_is_blanked_whole() -> None:
    clozes = _clozes()
    assert "共商共建共享" not in clozes
    assert "构建（　　）新格局" in clozes["共商共建共享共赢"]


def test_members_of_a_patterned_list_stay_asked() -> None:
    clozes = _clozes()
    for key in ("质量变革", "效率变革", "动力变革", "敢于斗争", "善于斗争"):
        assert key in clozes, key
