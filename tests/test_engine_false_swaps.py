"""False statements whose swap is no false statement (thirteenth session, helper "choice").

A 判断 made false by swapping its key must be wrong in substance and read as the sentence
misremembered. Three swaps were neither, on the tuning texts:

- a verb phrase where the key is a thing, the object of the word before it (全党要牢牢把握
  立足新发展阶段这个基本国情: garbled, as 实现全面推进科技创新 was for blind15);
- a spelling one character off a long key (建设中国特色社会主义法律体系 for …法治体系: read as
  the key, and true of the Party as well);
- a term of another vocabulary class that no formula lists (以邓小平同志谈心谈话为标志 for 南方
  谈话: a routine practice for a historic event, false by its sound; transfer2 FC #27, FE #26).
"""

from __future__ import annotations

from conftest import heldout_bank

from quizapp.generation import generate_questions


def _false_statements(questions) -> list:
    return [q for q in questions if q.kind == "judge" and q.template == "judge_false"]


def test_no_false_statement_puts_a_verb_phrase_where_the_key_is_a_thing(shared_dir) -> None:
    text = (shared_dir / "corpus" / "report19_full.txt").read_text("utf-8")
    judged = _false_statements(generate_questions(text))
    assert not [q.stem for q in judged if "把握立足" in q.stem]
    # the swaps that read as the formula misremembered stay (四个自信, 新发展理念)
    assert any("理论自信、制度自信、文化自信" in q.stem for q in judged)
    assert any("协调、绿色、开放、共享的发展理念" in q.stem for q in judged)


def test_no_false_statement_swaps_a_spelling_one_character_off() -> None:
    # (every 判断 of the text: since the companion rule below its sentence swaps are all gone)
    judged = [q for q in heldout_bank("gongbao_19th_4th_plenum_2019") if q.kind == "judge"]
    assert judged
    assert not [q.stem for q in judged if "特色社会主义法律体系" in q.stem]


def test_no_false_statement_swaps_in_a_companion_of_the_members_family(shared_dir) -> None:
    """A foil that keeps what every member shares at its opening or inside (自我X, X有所Y,
    建设社会主义法治X) is another item of the same programme: in a sentence that states the
    members without naming the formula it reads true in substance (thirteenth session, helper
    "fixes"). A definition of the formula by its name stays false with it."""
    bank = heldout_bank("gongbao_19th_4th_plenum_2019")
    judged = _false_statements(bank)
    assert not [q.stem for q in judged if "自我监督" in q.stem or "老有所为、学有所教" in q.stem]
    text = (shared_dir / "corpus" / "report20_full.txt").read_text("utf-8")
    judged = _false_statements(generate_questions(text))
    assert not [
        q.stem for q in judged if "老有所乐、学有所教" in q.stem or "建设社会主义法治文化" in q.stem
    ]
    # the definition statements keep their swap: “七有”是指…老有所为… is false
    assert any(
        q.template == "lex_judge_false" and "“七有”是指" in q.stem and "老有所为" in q.stem
        for q in bank
    )


def test_no_false_statement_swaps_a_historic_event_for_a_routine_practice(shared_dir) -> None:
    text = (shared_dir / "corpus" / "speech_ma_weiguang_cadre_training_2018.txt").read_text("utf-8")
    judged = [q for q in generate_questions(text) if q.kind == "judge"]
    assert not [q.stem for q in judged if "谈心谈话为标志" in q.stem]
