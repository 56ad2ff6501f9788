"""Acceptance of the question engine over every real text: zero defects, and coverage of gold lists.

Each text (the bundled speech and every file of ../shared/corpus) is generated once per module.
The gold lists in tests/gold/ were written by reading each text as a 党课 teacher would, before
looking at any output of the generator; coverage is the share of their phrases that are the
answer (or an accepted spelling, or a key) of some question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from conftest import named, texts

from quizapp.generation.model import BLANK, Question
from quizapp.generation.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "quizapp" / "data" / "seed_speech.txt"
GOLD = Path(__file__).resolve().parent / "gold"
CORPUS_NAMES = sorted(p.stem for p in (SHARED / "corpus").glob("*.txt"))
HELDOUT_TEXTS = ROOT / "bench" / "heldout_texts"
# the texts outside the corpus (bench/heldout_texts) are checked too: blind sets are other genres
# (条例, 公报, 意见) whose templates the corpus never makes (provision 单选, lexicon aliases)
HELDOUT_NAMES = sorted(f"heldout/{p.stem}" for p in HELDOUT_TEXTS.glob("*.txt"))
TEXT_NAMES = ["seed_speech", *CORPUS_NAMES, *HELDOUT_NAMES]
GOLD_NAMES = sorted(p.stem for p in GOLD.glob("*.txt"))
MIN_COVERAGE = 0.9
# rounds 20–20b: 端正学风 and 学以致用 (the closing 三点要求, 一要…三要…) were only asked by a
# subheading 多选 that also merged them into section 3's 一要…三要… series; with that template
# dropped and the series split, nothing else asks these free phrases (46/50 → 44/50)
# unseen-text rules (fourth session): the local coinage “四千四万”精神 is no key any more (its
# members are never listed; round X3 judged the cloze an edit): 44/50 → 43/50
# open quality slots dropped (eleventh session, judged usable 1 time in 21): 保持（斗争精神）、
# 增强斗争本领 goes with them (38/42 → 37/42)
MIN_COVERAGE_OF = {
    "speech_ma_weiguang_cadre_training_2018": 0.86,
    "news_politburo_democratic_life_meeting_2018": 0.88,
}

# Anonymised placeholders: x个 x名 x次 x% x多条 x市 x人 … and masked names (**作).
PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])[xX×]+\s*(?:多)?\s*"
    r"(?:个|名|次|%|％|条|市|人|县|区|家|项|万|亿|元|岁|年|月|日|户|件|所|位|多)"
    r"|\*{2,}|＊{2,}"
)
# Photo captions (…记者 张三 摄) and elision lines (…………, ……).
CAPTION = re.compile(r"(?:记者|摄影|通讯员|图片|供图).{0,20}摄\s*$|^\s*[（(]?\s*摄影")
ELISION = re.compile(r"^[\s…\.。·．⋯—-]{2,}$")
NEGATIVE_STEM = re.compile(r"不属于|不包括|不包含|不是|不正确|错误的是|不符合|不在")


def text_of(name: str) -> str:
    if name == "seed_speech":
        return SEED.read_text(encoding="utf-8")
    if name.startswith("heldout/"):
        return (HELDOUT_TEXTS / f"{name.removeprefix('heldout/')}.txt").read_text(encoding="utf-8")
    path = SHARED / "corpus" / f"{name}.txt"
    if not path.exists():
        pytest.skip("../shared/corpus is not beside this checkout")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def lexicon() -> Any:
    from quizapp.generation import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="module")
def generated() -> dict[str, tuple[str, list[Question]]]:
    return {}


@pytest.fixture
def bank(request: pytest.FixtureRequest, generated) -> tuple[str, list[Question]]:
    """(text, questions) of the parametrized text name, generated once per module."""
    name = request.param
    if name not in generated:
        from quizapp.generation import generate_questions

        text = text_of(name)
        generated[name] = (text, generate_questions(text, seed=0))
    return generated[name]


def show(q: Question) -> str:
    return f"[{q.kind}/{q.template}] {q.stem} | options={q.options} | answer={q.answer}"


def failures(found: Iterable[str], what: str) -> str:
    found = list(found)
    return f"{len(found)} {what}:\n" + "\n".join(found[:12])


# ------------------------------------------------------------------ defect checks
# Each check takes (text, questions, lexicon) and returns one line per defect found.


def check_kinds(text: str, questions: list[Question], lexicon: Any) -> list[str]:
    kinds = {q.kind for q in questions}
    missing = {"cloze", "single", "multiple", "judge"} - kinds
    return [f"no {kind} question" for kind in sorted(missing)]


def check_placeholders(text: str, questions: list[Question], lexicon: Any) -> list[str]:
    bad = []
    for q in questions:
        spellings = [s for blank in q.accepted for s in blank]
        for piece in texts(q.answer) + q.options + q.keys + spellings:
            if PLACEHOLDER.search(piece):
                bad.append(f"{piece!r} in {show(q)}")
    return bad


def noise_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if CAPTION.search(line) or ELISION.match(line)]


def check_noise_sources(text: str, questions: list[Question], lexicon: Any) -> list[str]:
    noise = [fold(line) for line in noise_lines(text)]
    clean = [fold(line) for line in text.splitlines() if fold(line) and fold(line) not in noise]
    bad = []
    for q in questions:
        source = fold(q.source)
        if CAPTION.search(q.source) or ELISION.match(q.source) or not source:
            bad.append(show(q))
        elif any(source in line for line in noise) and not any(source in line for line in clean):
            bad.append(f"source {q.source!r}: {show(q)}")
    return bad


def check_shapes(text: str, questions: list[Question], lexicon: Any) -> list[str]:
    bad = []
    for q in questions:
        folded = [fold(o) for o in q.options]
        if q.kind == "single":
            if len(q.options) != 4 or not isinstance(q.answer, str):
                bad.append(f"shape: {show(q)}")
            elif folded.count(fold(q.answer)) != 1 or q.answer not in q.options:
                bad.append(f"answer not exactly one option: {show(q)}")
        elif q.kind == "multiple":
            answers = texts(q.answer)
            if not 4 <= len(q.options) <= 5 or not 2 <= len(answers) < len(q.options):
                bad.append(f"shape: {show(q)}")
            elif any(a not in q.options for a in answers) or len(set(answers)) != len(answers):
                bad.append(f"answers not options: {show(q)}")
        elif q.kind == "judge":
            if not isinstance(q.answer, bool) or q.options:
                bad.append(f"shape: {show(q)}")
        elif q.options or not q.answer or q.stem.count(BLANK) != len(texts(q.answer)):
            bad.append(f"shape: {show(q)}")
    return bad


def check_duplicate_options(text: str, questions: list[Question], lexicon: Any) -> list[str]:
    return [show(q) for q in questions if len({fold(o) for o in q.options}) != len(q.options)]


def check_answer_in_stem(text: str, questions: list[Question], lexicon: Any) -> list[str]:
    bad = []
    for q in questions:
        if q.kind == "judge":
            continue
        stem = fold(q.stem)
        answers = texts(q.answer)
        spellings = list(answers)
        if q.kind == "cloze":
            # Other full spellings of a blank count (4个意识 for 四个意识); abbreviations such as
            # 八项规定 for 中央八项规定精神 may occur in the stem as parts of other words.
            for right, blank in zip(answers, q.accepted, strict=False):
                spellings += [s for s in blank if len(fold(s)) >= len(fold(right))]
        for s in spellings:
            if len(fold(s)) >= 2 and fold(s) in stem:
                bad.append(f"{s!r} readable in {show(q)}")
    return bad


def check_repeats(text: str, questions: list[Question], lexicon: Any) -> list[str]:
    bad = []
    ids: set[str] = set()
    seen: dict[tuple[str, str], Question] = {}
    for q in questions:
        if q.id in ids:
            bad.append(f"id {q.id} again: {show(q)}")
        ids.add(q.id)
        key = (q.kind, fold(q.stem))
        if key in seen:
            bad.append(f"{show(q)}\n   same as {show(seen[key])}")
        seen[key] = q
    return bad


def check_keys_shown(text: str, questions: list[Question], lexicon: Any) -> list[str]:
    """The contract: each key appears, as written, in the stem, an answer or an option (a whole
    phrase asked in part is in ``covers``, not in ``keys``)."""
    bad = []
    for q in questions:
        shown = [q.stem, *texts(q.answer), *q.options, "、".join(texts(q.answer))]
        if not q.keys:
            bad.append(f"no keys: {show(q)}")
        for key in q.keys:
            if not any(key in piece for piece in shown):
                bad.append(f"key {key!r} not shown: {show(q)}")
    return bad


def member_spellings(formula: Any) -> dict[str, set[str]]:
    """Each member of a lexicon formula with its folded spellings (the member and its aliases)."""
    aliases = formula.member_aliases or {}
    return {m: {fold(m), *(fold(a) for a in aliases.get(m, ()))} for m in formula.members}


def relevant_formulas(lexicon: Any, q: Question, right: list[str]) -> list[Any]:
    """The formulas whose membership decides this question.

    The lexicon formula the question is built on, if any; otherwise every formula that has a
    right option as a member and is named by the context: two or more of its members among the
    right options and the stem (经济建设、（　　）、文化建设 … points at 五位一体, not at 党的建设).
    """
    if q.formula:
        return [f for f in lexicon if f.name == q.formula]
    stem = fold(q.stem)
    keys = {fold(r) for r in right}
    found = []
    for formula in lexicon:
        members = member_spellings(formula)
        in_answer = [m for m, spell in members.items() if spell & keys]
        if not in_answer:
            continue
        in_stem = [
            m
            for m, spell in members.items()
            if m not in in_answer and any(s in stem for s in spell)
        ]
        if len(in_answer) + len(in_stem) >= 2:
            found.append(formula)
    return found


def is_member(formula: Any, phrase: str) -> bool:
    return any(fold(phrase) in spell for spell in member_spellings(formula).values())


def check_distractors(text: str, questions: list[Question], lexicon: Any) -> list[str]:
    """When the right option is a member of the formula the question is about, no wrong option
    is a member of it too; in a "不属于" question, the right option is not a member of it."""
    bad = []
    for q in questions:
        if q.kind not in ("single", "multiple"):
            continue
        right = texts(q.answer)
        wrong = [o for o in q.options if fold(o) not in {fold(r) for r in right}]
        if NEGATIVE_STEM.search(q.stem):
            for formula in relevant_formulas(lexicon, q, []) if q.formula else []:
                if any(is_member(formula, r) for r in right):
                    bad.append(f"the odd one out is a member of {formula.name}: {show(q)}")
            continue
        for formula in relevant_formulas(lexicon, q, right):
            if not any(is_member(formula, r) for r in right):
                continue
            clash = [w for w in wrong if is_member(formula, w)]
            if clash:
                bad.append(f"{clash} also members of {formula.name}: {show(q)}")
    return bad


CHECKS = {
    "every kind": check_kinds,
    "placeholders": check_placeholders,
    "questions from captions or elision lines": check_noise_sources,
    "malformed questions": check_shapes,
    "questions with duplicate options": check_duplicate_options,
    "answers readable in their stem": check_answer_in_stem,
    "repeated questions or ids": check_repeats,
    "keys not shown in stem, answer or options": check_keys_shown,
    "distractors that are also right": check_distractors,
}


# Texts whose bank lacks a kind, a known gap (eighteenth session, docs/quality.md blind22–25):
# argued prose of 毛泽东 and 江泽民 with no numbered formula and no list a lure can be drawn for,
# where the engine makes no 单选, 多选 or 判断 it trusts. Pinned exactly: a kind lost on another
# text, or one more lost here, fails; a kind gained here fails too, so the entry is taken out.
FEWER_KINDS = {
    "heldout/article_mao_fandui_benben_zhuyi_1930": ["no multiple question"],
    "heldout/article_mao_shijianlun_1937": ["no judge question", "no multiple question"],
    "heldout/report_mao_minzu_zhanzheng_diwei_1938_part2": [
        "no multiple question",
        "no single question",
    ],
    "heldout/speech_jiang_guofang_daxue_lilun_yantaoban_2001": ["no multiple question"],
    "heldout/article_mao_renmin_minzhu_zhuanzheng_1949": [
        "no judge question",
        "no multiple question",
        "no single question",
    ],
    "heldout/report_mao_gaizao_women_de_xuexi_1941": [
        "no judge question",
        "no multiple question",
        "no single question",
    ],
    "heldout/speech_jiang_xuanchuan_buzhang_1996": ["no judge question"],
    "heldout/speech_mao_guanxin_qunzhong_shenghuo_1934": [
        "no judge question",
        "no multiple question",
    ],
    # blind26 (nineteenth session): argued prose of the old voices, few lists or formulas
    "heldout/report_mao_minzu_zhanzheng_diwei_1938_part1": [
        "no judge question",
        "no multiple question",
        "no single question",
    ],
    "heldout/speech_jiang_quanliguan_zhongjiwei7_2002": [
        "no judge question",
        "no multiple question",
        "no single question",
    ],
    "heldout/speech_deng_jingji_gongzuo_jidian_yijian_1979": [
        "no judge question",
        "no multiple question",
    ],
    "heldout/speech_deng_gaoji_ganbu_youliang_chuantong_1979_sec1": [
        "no judge question",
        "no multiple question",
        "no single question",
    ],
    # blind27 (nineteenth session)
    "heldout/article_mao_guanyu_lingdao_fangfa_1943": ["no judge question", "no multiple question"],
    "heldout/speech_mao_fandui_dang_bagu_1942_zuizhuang1-4": ["no multiple question"],
    "heldout/speech_jiang_jiangzhehu_dangjian_zuotan_2000_sec1": [
        "no multiple question",
        "no single question",
    ],
    "heldout/speech_deng_jianchi_sixiang_jiben_yuanze_1979_sec1": [
        "no judge question",
        "no multiple question",
    ],
    # blind28 (nineteenth session)
    "heldout/speech_deng_gaoji_ganbu_youliang_chuantong_1979_sec2": [
        "no judge question",
        "no multiple question",
        "no single question",
    ],
    "heldout/speech_mao_zhengdun_dang_de_zuofeng_1942_part1": [
        "no judge question",
        "no multiple question",
    ],
    "heldout/talk_deng_shehuizhuyi_shichang_jingji_1979": [
        "no judge question",
        "no multiple question",
        "no single question",
    ],
    # blind30 (twentieth session): today's voice, but speeches on archaeology and on Hong Kong
    # with no list of a pattern or class a 多选's lures can be drawn from
    "heldout/speech_xi_kaogu_2020": ["no judge question", "no multiple question"],
    "heldout/speech_xi_xianggang25_2022": ["no multiple question"],
}


@pytest.mark.parametrize("check", list(CHECKS))
@pytest.mark.parametrize("bank", TEXT_NAMES, indirect=True)
def test_zero_defects(bank, check: str, lexicon, request: pytest.FixtureRequest) -> None:
    text, questions = bank
    problems = CHECKS[check](text, questions, lexicon)
    if check == "every kind":
        assert problems == FEWER_KINDS.get(request.node.callspec.params["bank"], [])
        return
    assert not problems, failures(problems, check)


@pytest.mark.parametrize("bank", TEXT_NAMES, indirect=True)
def test_every_doubted_question_says_why(bank) -> None:
    """The organizer reviewing a 存疑 question reads why the engine doubts it: each weak
    question names its rule (with the words found, where the rule names some), and every rule
    has its own note (generation.doubts)."""
    from quizapp.generation.doubts import GENERIC_NOTE, doubt_note, known_doubt

    _, questions = bank
    unexplained = [
        f"{q.doubt}: {show(q)}"
        for q in questions
        if q.weak and (not known_doubt(q.doubt) or doubt_note(q.doubt) == GENERIC_NOTE)
    ]
    assert not unexplained, "\n".join(unexplained[:10])


# The checks must be able to fail: a small bank with one planted defect per check.
PLANTED_TEXT = "增强“四个意识”、坚定“四个自信”。\n新华社记者 张三 摄\n…………\n"


def q(kind: str, stem: str, answer: Any, options: list[str] | None = None, **kw: Any) -> Question:
    """A hand-made question; by default sourced from the planted text's first line."""
    fields: dict[str, Any] = {
        "id": stem + kind,
        "keys": ["四个意识"],
        "source": "增强“四个意识”、坚定“四个自信”。",
        "explanation": "",
        "accepted": [[a] for a in answer] if kind == "cloze" else [],
    }
    fields.update(kw)
    return Question(kind=kind, stem=stem, options=options or [], answer=answer, **fields)


FOUR = ["政治意识", "大局意识", "核心意识", "看齐意识"]
NAMES = ["四个意识", "四个自信", "两个维护", "四风"]
GOOD = [
    q("cloze", "增强（　　）、坚定“四个自信”。", ["四个意识"], id="c"),
    q("single", "增强（　　）。", "四个意识", NAMES, id="s"),
    q("multiple", "“四个意识”包括（　　）。", FOUR, [*FOUR, "忧患"], formula="四个意识", id="m"),
    q("judge", "增强“四个意识”、坚定“四个自信”。", True, id="j"),
]  # fmt: skip
PLANTED = {
    "every kind": [],
    "placeholders": [q("cloze", "今年开展（　　）。", ["x个"], keys=["x个"])],
    "questions from captions or elision lines": [
        q("judge", "新华社记者张三摄", True, source="新华社记者 张三 摄"),
        q("judge", "…………", False, source="…………"),
    ],
    "malformed questions": [
        q("single", "增强（　　）。", "四个意识", ["四个意识", "四个自信", "两个维护"]),
        q("multiple", "下列正确的有（　　）。", ["四个意识"], NAMES),
        q("cloze", "增强（　　）和（　　）。", ["四个意识"]),
    ],
    "questions with duplicate options": [
        q("single", "增强（　　）。", "四个意识", ["四个意识", "“四个意识”", "两个维护", "四风"]),
    ],
    "answers readable in their stem": [q("cloze", "增强四个意识，坚定（　　）。", ["四个意识"])],
    "repeated questions or ids": [
        GOOD[0],
        q("cloze", "增强（　　）、坚定“四个自信”。", ["四个意识"], id="other"),
    ],
    "keys not shown in stem, answer or options": [q("judge", "坚定“四个自信”。", False)],
    "distractors that are also right": [
        q("single", "下列属于“四个意识”的是（　　）。", "政治意识",
          ["政治意识", "大局意识", "忧患意识", "责任意识"], formula="四个意识"),
        q("single", "下列不属于“四个意识”的是（　　）。", "政治意识",
          ["政治意识", "忧患意识", "责任意识", "纪律意识"], formula="四个意识"),
        q("single", "增强政治意识、（　　）、核心意识。", "大局意识",
          ["大局意识", "看齐意识", "忧患意识", "纪律意识"]),
    ],
}  # fmt: skip


def test_the_checks_pass_a_clean_bank(lexicon) -> None:
    for name, check in CHECKS.items():
        assert check(PLANTED_TEXT, GOOD, lexicon) == [], name


@pytest.mark.parametrize("check", list(CHECKS))
def test_each_check_finds_its_planted_defects(check: str, lexicon) -> None:
    if check == "every kind":
        assert CHECKS[check](PLANTED_TEXT, GOOD[:3], lexicon)
        return
    for planted in PLANTED[check]:
        found = CHECKS[check](PLANTED_TEXT, [*GOOD, planted], lexicon)
        assert found, f"{check} missed {show(planted)}"


# ------------------------------------------------------------------ coverage


def load_gold(name: str) -> list[str]:
    lines = (GOLD / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def coverage(questions: list[Question], gold: list[str]) -> tuple[float, list[str]]:
    """Share of gold phrases that are an answer, accepted spelling or key of some question."""
    tested: set[str] = set()
    for q in questions:
        tested.update(fold(t) for t in texts(q.answer))
        tested.update(fold(s) for blank in q.accepted for s in blank)
        tested.update(fold(k) for k in named(q))
    missing = [g for g in gold if fold(g) not in tested]
    return 1 - len(missing) / len(gold), missing


def test_gold_lists_exist_for_the_speech_and_three_corpus_texts() -> None:
    assert "seed_speech" in GOLD_NAMES
    assert len(set(GOLD_NAMES) - {"seed_speech"}) >= 3
    for name in GOLD_NAMES:
        gold = load_gold(name)
        assert 20 <= len(gold) <= 60, name
        assert len({fold(g) for g in gold}) == len(gold), f"repeated phrase in gold/{name}.txt"
        text = fold(text_of(name))
        absent = [g for g in gold if fold(g) not in text]
        assert not absent, f"gold/{name}.txt phrases not in the text: {absent}"


@pytest.mark.parametrize("bank", GOLD_NAMES, indirect=True)
def test_coverage_of_the_teachers_gold_list(bank, request: pytest.FixtureRequest) -> None:
    name = request.node.callspec.params["bank"]
    _, questions = bank
    share, missing = coverage(questions, load_gold(name))
    print(f"coverage {name}: {share:.0%} ({len(missing)} missing)")
    assert share >= MIN_COVERAGE_OF.get(name, MIN_COVERAGE), (
        f"{name}: {share:.0%}, missing {missing}"
    )


# (the corpus and the bundled speech: a regulation's own wording, quoted as 原文, may say 核对)
@pytest.mark.parametrize("name", ["seed_speech", *CORPUS_NAMES])
def test_no_explanation_shows_the_team_s_working_notes(name: str) -> None:
    """Learners see sources and dates, never how a row was checked (tools, review rounds)."""
    from quizapp.generation import generate_questions

    for q in generate_questions(text_of(name)):
        for word in ("*check*", "search", "REFERENCE", "评审", "语料", "维基", "_full", "核对"):
            assert word not in q.explanation, (word, q.explanation)
