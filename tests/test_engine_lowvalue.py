"""Thirteenth session, helper "lowvalue": blind16's low-value keys and lures that are right too."""

from quizapp.generation import generate_questions
from quizapp.generation.lexicon import load_lexicon
from quizapp.generation.pipeline import bank_with_reasons


def _reasons(text):
    qs, why = bank_with_reasons(text, undropped=True)
    return {(q.kind, q.template, str(q.answer)): why.get(q.id) for q in qs}


def test_adverb_run_and_saying_leave_the_bank():
    text = (
        "习近平强调，要完善权力监督制度和执纪执法体系，使各项监督更加规范、更加有力、更加有效。"
        "坚持讲认真和钉钉子精神，一件一件地推动解决，做到件件有着落、件件有回音、件件见效果。"
        "俗话说：“冰冻三尺，非一日之寒。”党风廉政建设和反腐败斗争永远在路上。"
    )
    answers = {str(q.answer) for q in generate_questions(text, seed=0)}
    for key in ("更加有力", "件件见效果", "非一日之寒"):
        assert not any(key in a for a in answers), key


def test_lure_of_the_standard_list_is_no_lure():
    text = (
        "坚决维护党中央权威，不打折扣、不做表面文章，纠正自由主义、本位主义、保护主义，"
        "不因一时一地利益而打小算盘、耍小聪明，确保执行不偏向、不变通、不走样。"
    )
    for q in generate_questions(text, seed=0):
        if q.kind == "single" and q.answer in ("自由主义", "本位主义"):
            assert not {"分散主义", "个人主义", "好人主义"} & set(q.options), q.options


def test_lexicon_lures_are_real_and_not_right_too():
    lex = load_lexicon()
    four = next(f for f in lex if f.name == "四个自信")
    assert not {"实践自信", "发展自信"} & set(four.foils)
    reform = next(f for f in lex if f.name == "六个坚持（进一步全面深化改革原则）")
    assert "坚持人民至上" not in reform.foils
    text = "马克思主义在中国焕发出强大生机。科学社会主义在二十一世纪的中国焕发出强大生机活力。"
    for q in generate_questions(text, seed=0):
        if q.kind == "single" and q.answer == "科学社会主义":
            assert "中国特色社会主义" not in q.options
