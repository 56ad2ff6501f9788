"""填空 stems of blind17's bank rounds (PA–PC) and blind16's (NA–NC) that the window damaged, and
blanks the text itself fills twice (fifteenth session, helper "stems5"), as a learner sees them:

- a book's paragraph number is no part of the stem (（119）习近平总书记指出：…);
- a 才能 clause keeps the 只有 condition it answers (只有坚持…，……才能确保（　　）);
- a 为… purpose clause keeps the main clause it leads to (…实现（　　），…而团结奋斗！);
- a window with no subject of its own takes the sentence's subject clause in front (我们党领导
  人民制定的宪法……克服了…; 习近平新时代中国特色社会主义思想……在指导…中);
- a short sentence of bare verbs takes the sentence before, which says of what
  (…严格执行中央八项规定。习近平总书记亲自谋划、亲自部署、（　　）。);
- a 填空 whose frame the same text fills with another printed phrase is not asked (维护宪法尊严
  beside 符合宪法精神、体现宪法权威、（保证宪法实施）; 失责必问 for 坚持（有责必问）、问责必严);
- 法律面前一律平等, the constitution's wording, is graded right for 法律面前人人平等.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generation import blank_lengths, generate_questions, stem_shown
from quizapp.generation.checking import check_answer

HELDOUT = Path(__file__).resolve().parent.parent / "bench" / "heldout_texts"


def _text(name: str) -> str:
    path = HELDOUT / name
    if not path.is_file():
        pytest.skip(f"{name} not present")
    return path.read_text(encoding="utf-8")


def _clozes(text: str, answer: str) -> list:
    return [
        q
        for q in generate_questions(text, seed=0)
        if q.kind == "cloze" and q.template == "cloze" and q.answer == [answer]
    ]


def _shown(q) -> str:
    return stem_shown(q.stem, blank_lengths(q.answer))


CONSTITUTION = (
    "坚持依宪治国\n\n"
    "全国各族人民、一切国家机关和武装力量，都必须以宪法为根本活动准则，并且负有维护宪法尊严、"
    "保证宪法实施的职责。\n\n"
    "要全面发挥宪法在立法中的核心地位功能，每一个立法环节都把好宪法关，努力使每一项立法都符合"
    "宪法精神、体现宪法权威、保证宪法实施。\n\n"
    "只有坚持党的领导、人民当家作主、依法治国有机统一，把以人民为中心的发展思想贯穿立法、执法、"
    "司法、守法各个环节，保障公民人身权、财产权、人格权和基本政治权利不受侵犯，保障公民经济、"
    "文化、社会等各方面权利得到落实，才能确保法律面前人人平等。\n\n"
    "（119）习近平总书记指出：“不忘本来才能开辟未来，善于继承才能更好创新。”\n"
)


def test_a_paragraph_number_is_no_part_of_the_stem() -> None:
    text = _text("gangyao_xuexi_ch11_2019.txt")
    stems = [
        _shown(q)
        for q in generate_questions(text, seed=0)
        if q.kind == "cloze" and "不忘本来才能开辟未来" in q.answer
    ]
    assert stems
    for stem in stems:
        assert stem.startswith("习近平总书记指出：“"), stem
    for q in generate_questions(text, seed=0):
        assert not q.stem.startswith(("（115）", "（118）", "（119）", "（126）")), q.stem


def test_a_condition_stays_with_its_main_clause() -> None:
    text = _text("article_xi_xianfa40_2022.txt")
    (unity,) = _clozes(text, "国家统一")
    assert _shown(unity).startswith(
        "只有坚持宪法的国家根本法地位，坚决维护和贯彻宪法规定、原则、精神，才能保证（　　）"
    )
    (equal,) = _clozes(text, "法律面前人人平等")
    assert _shown(equal).startswith("只有坚持党的领导、人民当家作主、依法治国有机统一，……保障"), (
        _shown(equal)
    )


def test_a_purpose_keeps_the_main_clause_it_leads_to() -> None:
    text = _text("article_xi_xianfa40_2022.txt")
    (goal,) = _clozes(text, "第二个百年奋斗目标")
    shown = _shown(goal)
    assert "为全面建成社会主义现代化强国，实现（　　）〔9字〕，" in shown, shown
    assert shown.endswith("而团结奋斗！"), shown


def test_a_window_without_a_subject_takes_the_sentence_subject() -> None:
    (merit,) = _clozes(_text("article_xi_xianfa40_2022.txt"), "显著优势")
    assert _shown(merit).startswith("我们党领导人民制定的宪法……克服了一切旧宪法"), _shown(merit)
    (revolution,) = _clozes(_text("gangyao_xuexi_ch1_2019.txt"), "伟大自我革命")
    assert _shown(revolution).startswith(
        "习近平新时代中国特色社会主义思想……在指导新时代伟大社会革命和（　　）"
    ), _shown(revolution)


def test_bare_verbs_take_the_sentence_that_says_of_what() -> None:
    (push,) = _clozes(_text("article_baxiang_jingyan_2025.txt"), "亲自推动")
    assert _shown(push) == (
        "习近平总书记带头，中央政治局严格执行中央八项规定。"
        "习近平总书记亲自谋划、亲自部署、（　　）〔4字〕。"
    )


def test_a_frame_the_text_fills_twice_is_not_asked() -> None:
    assert not _clozes(CONSTITUTION, "保证宪法实施")
    text = _text("article_dangfeng_lianzheng_2017.txt")
    assert not _clozes(text, "有责必问")
    assert not _clozes(text, "失责必问")
    # (the pair asked whole stays: 坚持（有责必问、问责必严）)
    assert any(
        q.kind == "cloze" and q.answer == ["有责必问、问责必严"]
        for q in generate_questions(text, seed=0)
    )


def test_a_frame_the_text_fills_once_is_asked() -> None:
    text = _text("article_xi_xianfa40_2022.txt")
    assert _clozes(text, "实践逻辑")
    assert _clozes(text, "依宪执政")


def test_the_constitutions_wording_is_graded_right() -> None:
    (equal,) = _clozes(CONSTITUTION, "法律面前人人平等")
    assert check_answer(equal, ["法律面前一律平等"])
    assert not check_answer(equal, ["法律面前人人有份"])


def test_a_clause_series_shown_in_part_is_completed() -> None:
    text = _text("speech_xi_sanzhong_erci_2024.txt")
    stems = [
        _shown(q)
        for q in generate_questions(text, seed=0)
        if q.kind == "cloze" and "推进国家治理体系和治理能力现代化" in q.answer
    ]
    assert stems
    for stem in stems:
        if "更加注重系统集成，更加注重突出重点" in stem:
            assert "更加注重突出重点，更加注重改革实效。" in stem, stem
