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
        assert check_answer(q, ["三个代表重要思想"]) and check_answer(q, ["三个代表"])
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
