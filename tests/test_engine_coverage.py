"""Coverage rules of the third session: what a learner would notice on small texts."""

from __future__ import annotations

from quizapp.generation import generate_questions


def _multis(text: str) -> list:
    return [q for q in generate_questions(text, seed=0) if q.kind == "multiple"]


# -- a 多选 that asks a whole list names the list among its keys ------------------------------
def test_a_multiple_choice_over_a_whole_formula_has_the_list_as_key() -> None:
    text = "全党要坚定道路自信、理论自信、制度自信、文化自信，以昂扬姿态奋力开创事业发展新局面。"
    made = [q for q in _multis(text) if q.template == "lex_members"]
    assert made, "the formula spelled out gets its 多选"
    q = made[0]
    assert set(q.answer) == {"道路自信", "理论自信", "制度自信", "文化自信"}
    assert "道路自信、理论自信、制度自信、文化自信" in q.keys
    assert q.keys[0] == "四个自信"  # the first key (what a quiz pick balances on) is unchanged


def test_a_multiple_choice_over_a_whole_text_list_has_the_list_as_key() -> None:
    text = (
        "全面依法治国是国家治理的一场深刻革命，必须坚持厉行法治，"
        "推进科学立法、严格执法、公正司法、全民守法。"
        "要坚持科学立法、民主立法、依法立法，以良法促进发展、保障善治。"
    )
    made = [q for q in _multis(text) if q.template == "multi_enum"]
    assert made
    assert "科学立法、严格执法、公正司法、全民守法" in made[0].keys


def test_a_multiple_choice_over_part_of_a_long_list_does_not_claim_the_list() -> None:
    text = (
        "在幼有所育、学有所教、劳有所得、病有所医、老有所养、住有所居、弱有所扶上持续用力，"
        "人民生活全方位改善。"
    )
    for q in _multis(text):
        assert len(q.answer) < 7
        assert not any(k.count("、") >= 6 for k in q.keys), q.keys


# -- a saying of two parallel clauses is asked by its second half -----------------------------
def test_a_parallel_saying_is_asked_by_its_second_half_and_named_whole() -> None:
    text = (
        "我们坚持以人民为中心的发展思想。\n江山就是人民，人民就是江山。\n"
        "团结就是力量，团结才能胜利。\n"
    )
    clozes = {q.stem: q for q in generate_questions(text, seed=0) if q.kind == "cloze" and q.answer}
    q = clozes.get("江山就是人民，（　　）。")
    assert q is not None, list(clozes)
    assert q.answer == ["人民就是江山"]
    assert "江山就是人民，人民就是江山" in q.keys
    assert clozes["团结就是力量，（　　）。"].answer == ["团结才能胜利"]


def test_two_measures_that_share_a_word_are_not_a_saying() -> None:
    text = (
        "加强党的领导，加强党的建设。\n优化区域开放布局，加大西部开放力度。\n"
        "我们坚持党的领导，我们坚持人民至上。\n"
    )
    for q in generate_questions(text, seed=0):
        assert not any("，" in k for k in q.keys), (q.stem, q.keys)


def test_half_of_a_four_character_couplet_names_the_couplet() -> None:
    text = "我国发展仍面临不少风险挑战。安不忘危，兴不忘忧。我们要增强忧患意识，坚持底线思维。"
    made = [q for q in generate_questions(text, seed=0) if q.answer == ["兴不忘忧"]]
    assert made
    assert "安不忘危，兴不忘忧" in made[0].keys
