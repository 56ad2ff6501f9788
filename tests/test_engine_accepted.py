"""A cloze blank grades right only the ways of writing its own phrase (twelfth session, helper
"accepted"; blind15 rounds MA–MC): never another member of the list, a wording a formula's
rewording replaced, or a longer or shorter formulation that is another phrase."""

from __future__ import annotations

from conftest import heldout_bank

from quizapp.generation.checking import check_answer
from quizapp.generation.lexicon import load_lexicon


def _one_blank(name: str, answer: str, stem_part: str):
    """The one-blank clozes of text ``name`` whose answer is ``answer`` and whose stem holds
    ``stem_part`` (at least one, or the test would prove nothing)."""
    qs = [
        q
        for q in heldout_bank(name)
        if q.kind == "cloze" and q.answer == [answer] and stem_part in q.stem
    ]
    assert qs, (name, answer)
    return qs


def test_the_three_represents_blank_refuses_xi_thought_and_takes_it_unquoted() -> None:
    # MA #11, MB #9, MC #7: 习近平新时代中国特色社会主义思想 graded right for a 2015 slot
    for q in _one_blank("gongbao_18th_5th_plenum_2015", "“三个代表”重要思想", "邓小平理论、"):
        assert not check_answer(q, ["习近平新时代中国特色社会主义思想"]), q.accepted
        assert check_answer(q, ["三个代表重要思想"])
        # (fourteenth session: the bare 三个代表 names the three requirements, not the theory the
        # 〔8字〕 blank asks; blind16 round OB #54)
        assert not check_answer(q, ["三个代表"]), q.accepted
        assert "三个代表重要思想" in q.accepted[0]  # (shown as right: 〔8字〕 without quotes)


def test_the_xiaokang_blank_refuses_the_member_that_replaced_it_and_the_2017_task() -> None:
    # MA #40, MB #59: 全面建设社会主义现代化国家 (changed in 2020) and 决胜… graded right
    for name, part in (
        ("speech_xi_xiyatu_huanying_yanhui_2015", "必须全面深化改革"),
        ("gongbao_18th_5th_plenum_2015", "全面深化改革、全面依法治国"),
    ):
        for q in _one_blank(name, "全面建成小康社会", part):
            assert check_answer(q, ["全面建成小康社会"])
            assert not check_answer(q, ["全面建设社会主义现代化国家"]), q.accepted
            assert not check_answer(q, ["决胜全面建成小康社会"]), q.accepted


def test_rule_of_law_blanks_refuse_the_other_formulation_but_take_the_alias() -> None:
    # MB #39, MC #51: 依法治国 for the 四个全面 member; and the 基本方略 the other way
    for q in _one_blank("speech_xi_xiyatu_huanying_yanhui_2015", "全面依法治国", "全面深化改革、"):
        assert not check_answer(q, ["依法治国"]), q.accepted
        assert check_answer(q, ["全面推进依法治国"])  # (the lexicon's alias of the member)
    for q in _one_blank("speech_xi_xiyatu_huanying_yanhui_2015", "依法治国", "基本方略"):
        assert not check_answer(q, ["全面依法治国"]), q.accepted


def test_a_two_part_key_shows_its_unpunctuated_spelling() -> None:
    # MB #50: 爱岗敬业争创一流 "would be marked wrong" (the checker folds the 顿号: now shown)
    for q in _one_blank("speech_xi_laodongjie_2015", "爱岗敬业、争创一流", "艰苦奋斗"):
        assert "爱岗敬业争创一流" in q.accepted[0]
        assert check_answer(q, ["爱岗敬业，争创一流"]) and check_answer(q, ["爱岗敬业争创一流"])
        assert not check_answer(q, ["爱岗敬业"])


def test_other_phrase_tells_spellings_from_other_phrases() -> None:
    from quizapp.generation.spellings import other_phrase

    lex = load_lexicon()
    other = [
        ("“三个代表”重要思想", "习近平新时代中国特色社会主义思想"),  # another list member
        ("全面建设社会主义现代化国家", "全面建成小康社会"),  # the wording it replaced
        ("全面依法治国", "依法治国"),
        ("依法治国", "全面依法治国"),
        ("安全", "高水平安全"),
        ("改革强军", "科技强军"),
        ("中国特色社会主义制度", "中国特色社会主义"),  # (the stem …道路, …文化 share)
    ]
    same = [
        ("“三个代表”重要思想", "三个代表"),
        ("全面依法治国", "全面推进依法治国"),
        ("党的领导", "坚持党的领导"),
        ("高水平科技自立自强", "科技自立自强"),
        ("科技兴军", "科技强军"),  # (the 2022 list's rewording of the same slot)
        ("新型工业化", "工业化"),  # (the 十八大's wording of the 新四化 member)
        ("人民代表大会", "人民代表大会制度"),
    ]
    assert [p for p in other if not other_phrase(*p, lex)] == []
    assert [p for p in same if other_phrase(*p, lex)] == []


# -- thirteenth session (helper "dating"): lexicon aliases that were another phrase ---------------


def test_a_lexicon_term_blank_refuses_another_phrase_of_it() -> None:
    # term aliases that were another phrase, a shorter term or a longer one (review of the
    # twelfth session): graded right in the blank until now
    cases = (
        ("gongbao_18th_5th_plenum_2015", "风清气正", "政治生态", "山清水秀"),
        ("gongbao_19th_5th_plenum_2020", "社会主义市场经济体制", "更加完善", "社会主义市场经济"),
        ("gongbao_19th_5th_plenum_2020", "基本公共服务均等化", "水平明显提高", "公共服务均等化"),
        ("gongbao_19th_5th_plenum_2020", "多层次社会保障体系", "全民受教育", "社会保障体系"),
        # 碳中和 is due in 2060, not with the 十五五's 碳达峰
        ("jianyi_shiwuwu_guihua_2025_sec1-4", "碳达峰", "目标如期实现", "碳达峰碳中和"),
    )
    for name, answer, part, other in cases:
        for q in _one_blank(name, answer, part):
            assert check_answer(q, [answer]), (name, answer)
            assert not check_answer(q, [other]), (name, answer, q.accepted)


def test_a_metaphor_or_a_renamed_term_is_no_spelling(shared_dir) -> None:
    from quizapp.generation import generate_questions

    text = (shared_dir / "corpus" / "speech_xi_liu_shaoqi_120th_2018.txt").read_text("utf-8")
    bank = generate_questions(text, seed=0)
    for answer, others in (
        ("政治灵魂", ("精神支柱", "精神之钙", "精神上的钙")),  # other metaphors of 理想信念
        ("人民的勤务员", ("人民公仆", "人民的公仆")),  # Liu Shaoqi's own words are the key
    ):
        asked = [q for q in bank if q.kind == "cloze" and q.answer == [answer]]
        assert asked, answer
        for q in asked:
            assert check_answer(q, [answer])
            assert not any(check_answer(q, [o]) for o in others), q.accepted


def test_other_wordings_stay_apart_as_options_but_never_grade_right() -> None:
    from quizapp.generation.spellings import other_phrase

    lex = load_lexicon()
    for term, other in (
        ("网格化管理", "网格化服务管理"),
        ("新型职业农民", "高素质农民"),
        ("述责述廉", "述职述廉"),
        ("中国共产党领导", "坚持党的领导"),
        # two sayings two characters apart whose point differs are two sayings
        ("一代人有一代人的担当", "一代人有一代人的长征"),
        ("天下大事，必作于细", "天下难事，必作于易"),
    ):
        assert other not in lex.aliases.get(term, ()), term
        assert other in lex.names.get(term, ()), term  # (never a lure of it, nor beside it)
        assert other_phrase(term, other, lex), term
    # two wordings of one saying still accept each other (review X1)
    assert "打铁还需自身硬" in lex.aliases["打铁必须自身硬"]
    # a formula member's other wording is still found in texts as the member, not accepted
    assert [f.name for f in lex.owners("理论和实践相结合")] == ["三大作风"]
    assert other_phrase("理论联系实际", "理论和实践相结合", lex)
