"""The curated formula lexicon: its data file, its matching and its role in jieba."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import heldout_bank

from quizapp.generation import Formula, Lexicon, find_key_phrases, load_lexicon
from quizapp.generation.lexicon import DEFAULT_LEXICON_PATH

REQUIRED = [
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "三严三实",
    "两学一做",
    "四下基层",
    "四个全面",
    "五位一体",
    "新发展理念",
    "三会一课",
    "中央八项规定",
    "四风",
    "好干部标准",
    "党的建设总体布局",
    "六大纪律",
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def test_data_file_has_every_required_formula_with_its_provenance(lexicon) -> None:
    for name in REQUIRED:
        formula = lexicon.get(name)
        assert formula is not None, name
        assert len(formula.members) >= 2, name
        assert formula.origin and formula.source and formula.category, name
        assert len(formula.effective) == 10 and formula.effective[4] == "-", name


def test_members_foils_and_related_never_overlap(lexicon) -> None:
    for formula in lexicon:
        members = {s for m in formula.members for s in formula.spellings(m)}
        assert not members & set(formula.foils), formula.name
        assert not members & set(formula.related), formula.name
        assert len(set(formula.members)) == len(formula.members), formula.name


def test_foils_keep_the_shape_members_share(lexicon) -> None:
    """A foil of a formula whose short members share an opening or an ending (X精准, X与共)
    shares it too: 精准帮扶 among 项目安排精准、措施到户精准… was picked out by its shape alone
    (blind rounds HJ, HK, HL)."""
    for formula in lexicon:
        members = formula.members
        if len(members) < 3 or max(map(len, members)) > 8:
            continue
        opening = os.path.commonprefix(list(members))
        ending = os.path.commonprefix([m[::-1] for m in members])[::-1]
        for foil in formula.foils:
            if len(opening) >= 2:
                assert foil.startswith(opening), (formula.name, foil)
            if len(ending) >= 2:
                assert foil.endswith(ending), (formula.name, foil)


def test_known_wordings(lexicon) -> None:
    assert lexicon.get("四个意识").members == ("政治意识", "大局意识", "核心意识", "看齐意识")
    assert lexicon.get("三严三实").parts["三实"] == ("谋事要实", "创业要实", "做人要实")
    # 四个全面: the 2020 wording first, the earlier one accepted as an alias
    four = lexicon.get("四个全面")
    assert four.members[0] == "全面建设社会主义现代化国家"
    assert "全面建成小康社会" in four.spellings(four.members[0])
    assert lexicon.get("八项规定") is lexicon.get("中央八项规定")  # a variant finds the entry


def test_formulas_added_from_the_reports_keep_their_wording(lexicon) -> None:
    assert lexicon.get("政治三力").members == ("政治判断力", "政治领悟力", "政治执行力")
    assert lexicon.get("四个自我").members[0] == "自我净化"
    assert lexicon.get("七有").members[-1] == "弱有所扶"
    # a class that became a formula is no longer a term class (its members would lure each other)
    assert lexicon.term_class("面向经济主战场") is None
    assert lexicon.owners("面向经济主战场")[0].name == "四个面向"


def test_checked_rows_record_what_was_checked() -> None:
    data = json.loads(DEFAULT_LEXICON_PATH.read_text(encoding="utf-8"))
    checked = [f for f in data["formulas"] if "*check*" in f.get("note", "")]
    assert {f["name"] for f in checked} >= {"两个维护", "新时代党的组织路线", "六大纪律", "四风"}
    assert all("核" in f["note"] for f in checked)  # 已核对 / 核对 …


def test_names_are_found_longest_first(lexicon) -> None:
    hits = lexicon.find_names("严格执行中央八项规定精神，增强“四个意识”")
    assert [h.formula.name for h in hits] == ["中央八项规定", "四个意识"]
    assert hits[0].start == 4


def test_a_name_over_another_versions_members_is_not_the_formula(lexicon) -> None:
    # review QT2: the 2023 campaign's 总要求 is 学思想、强党性、重实践、建新功, the lexicon's
    # 主题教育总要求 is 2019's (those four are its foils): a text naming 总要求 beside two of them
    # speaks of the other version, and the lexicon's members would be false there
    # (sixth session: each campaign's 总要求 is a version of the shared name, the text's
    # evidence picks one)
    other = "这次主题教育总要求中明确要“重实践、建新功”，指向是一致的。"
    assert [h.formula.name for h in lexicon.find_names(other)] == ["主题教育总要求（2023）"]
    same = "坚决贯彻主题教育总要求，做到守初心、担使命。"
    assert [h.formula.name for h in lexicon.find_names(same)] == ["主题教育总要求（2019）"]
    # two-character foils are words any sentence holds: 新发展理念 is still found beside 安全
    plain = "统筹发展和安全，保持稳定，全面贯彻新发展理念。"
    assert [h for h in lexicon.find_names(plain) if h.formula.name == "新发展理念"]


def test_members_spelled_out_count_as_the_formula(lexicon) -> None:
    text = "全党要更加自觉地增强道路自信、理论自信、制度自信、文化自信，既不走封闭僵化的老路"
    hits = lexicon.find_member_runs(text)
    assert [h.formula.name for h in hits] == ["四个自信"]
    assert hits[0].by_members and len(hits[0].members_found) == 4
    # scattered mentions far apart are not the formula
    assert lexicon.find_member_runs("道路自信" + "。" * 80 + "理论自信") == []


def test_key_phrases_mark_the_formula_and_its_members() -> None:
    text = "增强政治意识、大局意识、核心意识、看齐意识，坚定“四个自信”。"
    keys = find_key_phrases(text)
    by_text = {k.text: k for k in keys}
    assert by_text["四个自信"].type == "lexicon"
    assert by_text["核心意识"].type == "member"
    assert by_text["核心意识"].formula == "四个意识"
    assert text[by_text["四个自信"].start : by_text["四个自信"].end] == "四个自信"


def test_a_custom_lexicon_can_be_built_from_formulas() -> None:
    lexicon = Lexicon.from_formulas(
        [Formula("三个务必", ("务必甲", "务必乙", "务必丙"), origin="o", source="s", category="c")]
    )
    assert len(lexicon) == 1
    assert lexicon.get("三个务必").members[1] == "务必乙"
    assert lexicon.forbidden_for(lexicon.get("三个务必")) >= {"务必甲", "三个务必"}


def test_lexicon_words_are_kept_whole_by_jieba(lexicon) -> None:
    from quizapp.generation.jieba_setup import cut

    assert "四个意识" in cut("要增强四个意识和四个自信", lexicon)
    assert "好干部标准" in cut("坚持好干部标准", lexicon)


def test_load_lexicon_is_cached_per_path(lexicon) -> None:
    assert load_lexicon() is lexicon
    assert load_lexicon(DEFAULT_LEXICON_PATH) is lexicon


def test_four_obediences_keep_the_party_constitutions_wording() -> None:
    # blind rounds BB, BD, RE: the 党章 (第十条) reads 全党各个组织, not 各级组织; the looser
    # wording stays an accepted spelling of the member, never the member itself
    from quizapp.generation.lexicon import load_lexicon

    formula = next(f for f in load_lexicon().formulas if f.name == "四个服从")
    assert "全党各个组织和全体党员服从党的全国代表大会和中央委员会" in formula.members
    assert not any("各级组织" in m for m in formula.members)


def test_a_replaced_lexicon_is_freed_once_the_engine_forgets_it() -> None:
    # an admin's lexicon edit builds a new Lexicon; the engine's caches, keyed by the lexicon,
    # held the old one (about 1.5 MB a generation) until evicted
    import gc
    import weakref

    from quizapp.generation import forget_lexicon_caches, generate_questions

    text = (
        Path(__file__).resolve().parent.parent / "quizapp" / "data" / "seed_speech.txt"
    ).read_text(encoding="utf-8")
    edited = Lexicon.from_json(json.loads(DEFAULT_LEXICON_PATH.read_text(encoding="utf-8")))
    assert generate_questions(text, lexicon=edited)
    ref = weakref.ref(edited)
    del edited
    gc.collect()
    assert ref() is not None  # still held by the caches
    forget_lexicon_caches()
    gc.collect()
    assert ref() is None


def test_a_formula_shown_under_the_text_s_own_name_is_keyed_by_that_name() -> None:
    # the 六中全会公报 calls 十个坚持 “党百年奋斗的历史经验”: the keys print what the stem quotes,
    # the formula's own name is what the question covers (contract: keys appear in the stem)
    bank = heldout_bank("communique_19cc6_2021.txt")
    asked = [
        q for q in bank if "“党百年奋斗的历史经验”" in q.stem and q.template.startswith("lex_")
    ]
    assert len(asked) >= 3
    assert all("党百年奋斗的历史经验" in q.keys and "十个坚持" in q.covers for q in asked)


def test_a_formulas_source_shown_to_learners_holds_no_working_note():
    # the 解析 prints 出处：{source} (blind16 rounds OB, OD–OF: "词表 lists 已录同一六项" and a bare
    # 同上《意见》 reached learners)
    import re

    for formula in load_lexicon():
        assert not re.search(r"[A-Za-z]{3,}", formula.source or ""), formula.name
        assert not (formula.source or "").startswith("同上"), formula.name
