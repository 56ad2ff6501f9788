"""Faults of the lexicon templates that the seventh session's strict review rounds DA–DD found on
tuning texts, kept from coming back (docs/generation.md, "Lexicon options a learner can dispute
or read by their look (seventh session)").

Each test builds small texts that name a formula and checks what a learner of the text would meet:
a member in a wording the text's era does not know, a 多选 whose right options stand out by their
length, a half-right lure, a false statement false by its look or arguably true, a blank that the
formula's name fills.
"""

from __future__ import annotations

import re

import pytest

from quizapp.generation import generate_questions, load_lexicon

FILLER = "全面从严治党永远在路上，党的自我革命永远在路上。我们要坚持以人民为中心的发展思想。\n"
# more sentences, one per variant: each makes another document, whose seed-free draws differ
_MORE = (
    "要坚持稳中求进工作总基调。",
    "要坚持系统观念。",
    "要发扬斗争精神。",
    "要坚持问题导向。",
    "要坚持守正创新。",
    "要增强忧患意识。",
    "要坚持底线思维。",
    "要加强调查研究。",
    "要保持战略定力。",
    "要坚持胸怀天下。",
    "要坚持自信自立。",
    "要勇于自我革命。",
)


def _variants(body: str, n: int = len(_MORE)) -> list[str]:
    return [FILLER + body + "\n" + more for more in _MORE[:n]]


def _lexicon_questions(text: str, formula: str, seed: int = 0):
    return [
        q
        for q in generate_questions(text, seed=seed)
        if q.formula == formula and q.template.startswith("lex_")
    ]


def _shown(q) -> str:
    """What the learner reads of a question: its stem and options (not the explanation)."""
    return q.stem + "｜" + "｜".join(q.options)


# -- 1. a member whose wording changed (rounds DB #2, DC #12) -----------------------------------
OLD_ERA = "协调推进“四个全面”战略布局，决胜全面建成小康社会，夺取新时代中国特色社会主义伟大胜利。"
NO_WORDING = "统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。"
NEW_ERA = (
    "协调推进“四个全面”战略布局，开启全面建设社会主义现代化国家新征程。"
    "全面建设社会主义现代化国家，必须坚持党的全面领导。"
)


@pytest.mark.parametrize("body", [OLD_ERA, NO_WORDING])
def test_a_reworded_member_is_not_shown_where_the_text_may_know_its_old_wording(body) -> None:
    # a 2018 text's 四个全面 opens on 全面建成小康社会: a learner of it would take the 2020
    # member 全面建设社会主义现代化国家 for a second "不属于" answer; a text printing neither
    # wording does not say which it knows
    seen = set()
    for text in _variants(body, 6):
        for seed in (0, 1):
            for q in _lexicon_questions(text, "四个全面", seed):
                assert "全面建设社会主义现代化国家" not in _shown(q), (q.template, _shown(q))
                assert "全面建成小康社会" not in _shown(q), (q.template, _shown(q))
                seen.add(q.template)
    # the stable members still make the 属于 / 不属于 / 多选 questions
    assert {"lex_member", "lex_nonmember", "lex_members"} <= seen, seen


def test_a_reworded_member_is_shown_where_the_text_writes_its_current_wording() -> None:
    shown = set()
    for text in _variants(NEW_ERA, 6):
        for q in _lexicon_questions(text, "四个全面"):
            if "全面建设社会主义现代化国家" in _shown(q):
                shown.add(q.template)
    assert shown, "a 2020+ text asks the whole formula"


def test_a_member_added_later_is_not_shown_where_the_text_lists_the_older_formula() -> None:
    # the 2016 三个面向, spelled out: it counts as 四个面向 by its members, but the learner of the
    # text never met 面向人民生命健康
    body = "坚持面向世界科技前沿、面向经济主战场、面向国家重大需求，加快各领域科技创新。"
    made = 0
    for text in _variants(body, 6):
        for seed in (0, 1):
            for q in _lexicon_questions(text, "四个面向", seed):
                made += 1
                assert "面向人民生命健康" not in _shown(q), (q.template, _shown(q))
    assert made
    # named 四个面向, the text speaks of the four
    named = [
        q
        for text in _variants("坚持“四个面向”，加快实现高水平科技自立自强。", 6)
        for q in _lexicon_questions(text, "四个面向")
    ]
    assert any("面向人民生命健康" in _shown(q) for q in named)


def test_reworded_members_are_members_with_their_earlier_wordings_accepted() -> None:
    lexicon = load_lexicon()
    changed = {f.name: f.changed for f in lexicon if f.changed}
    assert {"四个全面", "四个面向", "四个自信"} <= set(changed), changed
    for formula in lexicon:
        for member, earlier in formula.changed.items():
            assert member in formula.members, (formula.name, member)
            # an earlier wording is accepted in a blank and never offered as a lure
            assert set(earlier) <= set(formula.spellings(member)), (formula.name, earlier)


# -- 2. length cues and half-right lures in a formula 多选 (DA #1, DB #3, #17, #27) --------------
def test_lengths_that_give_the_keys_away() -> None:
    from quizapp.generation.builders import _lengths_give_away

    # 四个面向: keys of 7–8 characters among lures of 4–5
    assert _lengths_give_away(["面向世界科技前沿", "面向经济主战场"], ["面向未来", "面向现代化"])
    # 两个一百年: one key of 32 characters among options of 18–23
    assert _lengths_give_away(
        [
            "在中国共产党成立一百年时全面建成小康社会",
            "在新中国成立一百年时建成富强民主文明和谐美丽的社会主义现代化强国",
        ],
        [
            "在新中国成立一百年时全面建成小康社会",
            "在中国共产党成立一百年时基本实现社会主义现代化",
            "在新中国成立一百年时基本实现社会主义现代化",
        ],
    )
    # 四个服从: the 党章's long clause among lures of six
    assert _lengths_give_away(
        ["少数服从多数", "全党各个组织和全体党员服从党的全国代表大会和中央委员会"],
        ["一般服从重点", "局部服从全局", "地方服从中央"],
    )
    # keys shorter than every lure by a clear margin
    assert _lengths_give_away(["创新", "协调"], ["高质量发展", "共同富裕", "安全发展"])
    # lengths that mix, or differ by a character, are no cue
    assert not _lengths_give_away(["政治意识", "大局意识"], ["忧患意识", "责任意识", "纪律意识"])
    assert not _lengths_give_away(
        ["面向世界科技前沿", "面向经济主战场"], ["面向未来", "面向产业转型升级", "面向现代化"]
    )
    assert not _lengths_give_away(["支部委员会会议", "党小组会"], ["民主生活会", "组织生活会"])


FORMULA_TEXTS = {
    "四个面向": "坚持“四个面向”，加快实现高水平科技自立自强。",
    "两个一百年": "为实现“两个一百年”奋斗目标、实现中华民族伟大复兴的中国梦不懈奋斗。",
    "四个服从": "教育党员严守政治纪律和政治规矩，做到“四个服从”。",
    "四下基层": "全面落实“四下基层”制度，走好新时代党的群众路线。",
}


@pytest.mark.parametrize("name", sorted(FORMULA_TEXTS))
def test_a_formula_multiple_choice_is_not_answered_by_the_length_of_its_options(name) -> None:
    from quizapp.generation.builders import _lengths_give_away

    made = 0
    for text in _variants(FORMULA_TEXTS[name], 3):
        for seed in range(6):
            for q in _lexicon_questions(text, name, seed):
                if q.template != "lex_members":
                    continue
                made += 1
                wrong = [o for o in q.options if o not in q.answer]
                assert not _lengths_give_away(q.answer, wrong), q.options
    assert made, name


HALF_RIGHT = {
    # the 十五大 wording of the second goal (建国一百年时基本实现现代化): arguably right
    "两个一百年": "在新中国成立一百年时基本实现社会主义现代化",
    # close to 下级组织服从上级组织 and to 全党服从中央
    "四个服从": "地方服从中央",
    # 伟大梦想 is the 伟大复兴 of the nation: a statement with it is arguably true
    "四个伟大": "伟大复兴",
}


def test_no_lure_or_foil_is_half_right() -> None:
    lexicon = load_lexicon()
    for name, phrase in HALF_RIGHT.items():
        assert phrase not in lexicon.get(name).foils, name
    texts = {
        **FORMULA_TEXTS,
        "四个伟大": "统揽伟大斗争、伟大工程、伟大事业、伟大梦想，即“四个伟大”。",
    }
    for name, phrase in HALF_RIGHT.items():
        for text in _variants(texts[name], 6):
            for seed in (0, 1, 2):
                for q in _lexicon_questions(text, name, seed):
                    assert phrase not in _shown(q), (q.template, _shown(q))


# -- 3. false 判断 statements (DD #4, #38; DC #18) ------------------------------------------------
def _false_statements(body: str, name: str) -> list[str]:
    out = []
    for k in range(40):  # (whether a text's statement is false follows its document)
        text = FILLER + body + f"\n第{k}条意见要落实。"
        out += [q.stem for q in _lexicon_questions(text, name) if q.template == "lex_judge_false"]
    return out


def _items(stem: str) -> list[str]:
    listing = re.split("是指|包括", stem, maxsplit=1)[1].rstrip("。")
    return listing.split("；") if "；" in listing else listing.split("、")


def test_a_false_statement_never_gives_two_members_one_frame() -> None:
    # 在新中国成立一百年时基本实现社会主义现代化、在新中国成立一百年时建成…强国: one date for
    # two goals shows the statement false by its look (DD #4)
    stems = _false_statements(FORMULA_TEXTS["两个一百年"], "两个一百年")
    assert stems
    for stem in stems:
        first, second = _items(stem)
        assert first[:6] != second[:6], stem
        assert first[-6:] != second[-6:], stem


def test_a_false_statement_keeps_the_formula_s_domain() -> None:
    # 两个毫不动摇 is about ownership: a Party-building clause beside 公有制经济 is false by its
    # look (DC #18); the foil stays an economic clause
    body = "坚持和完善社会主义基本经济制度，坚持“两个毫不动摇”。"
    stems = _false_statements(body, "两个毫不动摇")
    assert stems
    for stem in stems:
        assert all("经济" in item or "分配" in item for item in _items(stem)), stem


# -- 4. a member the formula's name pins (DA #21) -----------------------------------------------
PINNED = {
    "三会一课": ("党支部要严格落实“三会一课”制度。", {"党课"}),
    "两学一做": ("推进“两学一做”学习教育常态化制度化。", {"做合格党员"}),
    "三去一降一补": ("扎实推进“三去一降一补”。", {"降成本", "补短板"}),
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_a_member_the_name_pins_is_never_the_one_blank(name) -> None:
    # “三会一课”是指：支部党员大会、支部委员会会议、党小组会、（　　） → 党课 by its 一课
    body, pinned = PINNED[name]
    blanks = []
    for k in range(24):
        text = FILLER + body + f"\n第{k}条意见要落实。"
        for q in _lexicon_questions(text, name):
            if q.template == "lex_cloze":
                blanks.append(q.answer[0])
    assert blanks, name
    assert not set(blanks) & pinned, blanks
