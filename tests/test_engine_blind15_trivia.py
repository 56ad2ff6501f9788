"""Keys the blind15 reviewers rejected as trivia rather than teaching (rounds LA–MF; twelfth
session, helper "trivia"), checked on the blind15 texts themselves:

- the nicknames of a courtesy passage (华盛顿州是“常青之州”，西雅图市是“翡翠之城”) make no
  判断 that swaps them;
- a key the ordinal before it completes into a dictionary name (第二次（世界大战）) is asked last;
- news of the bodies' coming elections (今明两年，民主党派、工商联将陆续换届), the speaker's
  memories of his youth (那时候，我和乡亲们都住在土窑里; 海明威《老人与海》…给我留下了深刻印象), a
  foreign figure's words or work (马丁·路德·金先生也说过：“…”; 基辛格博士在其著作《…》; 电影《…》)
  and a quoted nickname (华盛顿州是“（常青之州）”) are not asked.
"""

from __future__ import annotations

from conftest import heldout_bank, plain_cloze

from quizapp.generation.model import BLANK
from quizapp.generation.pipeline import _low_value, _speech_business

MINJIAN = "speech_xi_minjian_gongshanglian_2016"
XIYATU = "speech_xi_xiyatu_huanying_yanhui_2015"


def test_no_judge_swaps_the_nicknames_of_a_courtesy_passage() -> None:
    bank = heldout_bank(XIYATU)
    assert not [q.stem for q in bank if q.kind == "judge" and "常青之州" in q.stem]
    # (the rest of the speech's theses are still judged)
    assert [q for q in bank if q.kind == "judge"]


def test_an_ordinal_completing_a_dictionary_name_is_asked_last() -> None:
    # (eighteenth session, keys22: no longer a key at all, the event name a longer name ends
    # on is not taken, blind11 GH #26, GO #24, blind15 LE #46, MD #55, blind22: 0 usable of 8)
    war = [q for q in heldout_bank(XIYATU) if q.answer == ["世界大战"]]
    assert not war
    assert _low_value(
        plain_cloze(f"70年前，中美作为第二次{BLANK}盟国并肩奋战。", "世界大战"), frozenset()
    )
    # an ordinal that makes no name with the key leaves it alone
    assert not _low_value(plain_cloze(f"这是第二次{BLANK}的会议。", "全体会议"), frozenset())


def test_election_news_and_youth_memories_are_not_asked() -> None:
    assert not [q for q in heldout_bank(MINJIAN) if "换届" in q.stem]
    assert not [q for q in heldout_bank(XIYATU) if "土窑" in q.stem or "土炕" in q.stem]
    assert not [q for q in heldout_bank(XIYATU) if "海明威" in q.stem]


def test_a_foreign_figure_s_words_or_work_and_a_nickname_are_not_asked() -> None:
    stems = [q.stem for q in heldout_bank(XIYATU)]
    for flourish in ("金先生也说过", "基辛格博士", "电影《", "常青之州"):
        assert not [s for s in stems if flourish in s], flourish
    # (the speech's own classical quotation stays: 法者，治之端也)
    assert [q for q in heldout_bank(XIYATU) if q.answer == ["法者，治之端也"]]


def test_a_rule_s_own_election_is_not_news() -> None:
    # a rule's own 按期换届 is teaching, not news
    rule = plain_cloze(f"党的基层委员会每届任期三年至五年，到期应当按期{BLANK}。", "换届")
    assert not _speech_business(rule)
