"""单选 whose stem keeps the clue that pins the answer, and lures no standard wording makes
right (fifteenth session, helper "choice": the served 单选 and 判断 of rounds PD–PF and ND–OF
that the reviewers did not pass as they stood)."""

from __future__ import annotations

import pytest
from conftest import heldout_bank, heldout_text

from quizapp.generation import generate_questions

XIANFA = "article_xi_xianfa40_2022"


def _served(name: str, seed: int, count: int = 10) -> list:
    return generate_questions(heldout_text(name), seed=seed, count=count)


@pytest.mark.parametrize("seed", [1804, 1805, 1806])
def test_the_served_single_on_fazhi_zhongguo_shows_its_clue(seed: int) -> None:
    # PD #8, PE #7, PF #1: the stem was 我们要……推进（　　）建设，…; the …… cut 推进全面依法
    # 治国, the only words that point to 法治, and 数字中国, 健康中国, 美丽中国 fit as well
    quiz = _served(XIANFA, seed)
    single = [q for q in quiz if q.kind == "single" and q.answer == "法治中国"]
    assert single, [q.stem for q in quiz if q.kind == "single"]
    assert "推进全面依法治国，推进（" in single[0].stem
    assert "……" not in single[0].stem


def test_the_cloze_on_fazhi_zhongguo_shows_its_clue_too() -> None:
    # the same window serves the 填空: 推进（　　）〔4字〕建设 alone takes any 四字 goal
    stems = [q.stem for q in heldout_bank(XIANFA) if q.kind == "cloze" and q.answer == ["法治中国"]]
    assert stems and all("依法治国" in s for s in stems), stems


def test_a_clause_that_spells_the_key_is_still_cut() -> None:
    # 新质生产力 inside 因地制宜发展新质生产力 is the key itself, not a word across two halves
    bank = heldout_bank("shuoming_xi_shiwuwu_jianyi_2025")
    stems = [q.stem for q in bank if q.kind == "cloze" and q.answer == ["新质生产力"]]
    assert stems
    assert all(s.count("新质生产力") == 0 for s in stems), stems


@pytest.mark.parametrize(
    ("name", "seed"),
    [
        ("article_baxiang_jingyan_2025", 1804),  # PD #22 today: 中国共产党具有彻底的（　　）
        ("article_dangfeng_lianzheng_2017", 1714),  # OD #39: 坚持讲认真和（钉钉子精神）
        ("article_dangfeng_lianzheng_2017", 1715),
    ],
)
def test_no_served_single_offers_an_invented_spirit(name: str, seed: int) -> None:
    # 历史首创精神 is a blend of 历史主动精神 and 首创精神, no phrase of any text (OD #39,
    # PD #25, zongjie2020 #8): a learner can strike it out as made up
    options = [o for q in _served(name, seed) if q.kind == "single" for o in q.options]
    assert options
    assert "历史首创精神" not in options


def test_no_single_of_the_bank_offers_an_invented_spirit() -> None:
    bank = heldout_bank("article_baxiang_jingyan_2025")
    assert not [q.stem for q in bank if "历史首创精神" in q.options]


@pytest.mark.parametrize(
    "name",
    [
        "speech_xi_yiqing_changweihui_2020",  # CE #5
        "gov_work_report_2020_sec1-4",  # EC #32
        "speech_xi_kangyi_biaozhang_2020",  # GG #16, GI #13, GL #12, GM #13
    ],
)
def test_the_epidemic_requirement_offers_no_poverty_relief_lure(name: str) -> None:
    # 坚定信心、同舟共济、科学防治、（精准施策）: 因户施策 came in to fill the options, a term of
    # 精准扶贫 a learner strikes out by its field (six reviewers: "off-domain, replace it")
    singles = [q for q in heldout_bank(name) if q.kind == "single" and q.answer == "精准施策"]
    assert singles
    for q in singles:
        assert len(q.options) == 4
        assert not [o for o in q.options if o.startswith("因") or o.startswith("一")], q.options
