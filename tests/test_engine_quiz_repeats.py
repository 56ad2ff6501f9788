"""A served quiz asks each thing once: one question per source sentence, one per formula or key,
none printing another's answer, unless the bank has too few questions left (blind16 rounds
ND–NF: "#1/#8 same sentence; 四个自信 twice; 不敢腐/不能腐/不想腐 three times; 新发展理念 four
times; one item's stem reveals another's key")."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generation import distractors as dis
from quizapp.generation import generate_questions, load_lexicon
from quizapp.generation.model import BLANK, Question
from quizapp.generation.pipeline import select

HELDOUT = Path(__file__).resolve().parent.parent / "bench" / "heldout_texts"


def _answers(q: Question) -> list[str]:
    found = q.answer if isinstance(q.answer, list) else [q.answer]
    return [a for a in found if isinstance(a, str) and len(a) >= 2]


def same_sentence(quiz: list[Question]) -> list[tuple[str, str]]:
    """Pairs of served stems from one source sentence (a source inside another counts), but
    for two lexicon questions on two formulas the sentence names (增强“四个意识”、坚定“四个
    自信”…: they ask different things; the same formula twice is ``same_formula``'s) and a
    third question from a sentence that gave two such."""
    out = []
    for i, p in enumerate(quiz):
        for q in quiz[i + 1 :]:
            a, b = dis.fold_key(p.source), dis.fold_key(q.source)
            if a == b or (min(len(a), len(b)) >= 10 and (a in b or b in a)):
                out.append((p, q))

    def excused(p: Question, q: Question) -> bool:
        others = [pair for pair in out if {id(pair[0]), id(pair[1])} & {id(p), id(q)}]
        lexicon = p.template.startswith("lex_") and q.template.startswith("lex_")
        return lexicon and len(others) == 1 and p.formula != q.formula

    return [(p.stem, q.stem) for p, q in out if not excused(p, q)]


def same_formula(quiz: list[Question]) -> list[tuple[str, str]]:
    """Pairs on one lexicon formula, or asking one answer (a 填空 of 不敢腐 and one of the
    triad 不敢腐、不能腐、不想腐)."""
    out = []
    for i, p in enumerate(quiz):
        for q in quiz[i + 1 :]:
            if (p.formula and p.formula == q.formula) or set(_answers(p)) & set(_answers(q)):
                out.append((p.stem, q.stem))
    return out


def leaks(quiz: list[Question]) -> list[tuple[str, str]]:
    """(printing stem, answer): a served stem or option printing another question's answer."""
    return [
        (p.stem, a)
        for q in quiz
        for a in _answers(q)
        for p in quiz
        if p is not q and a in p.stem + "|" + "|".join(p.options)
    ]


@pytest.mark.parametrize(
    "name,seed,count",
    [
        ("speech_xi_sanzhong_erci_2024.txt", 1705, 10),
        ("article_dangfeng_lianzheng_2017.txt", 1704, 10),
        ("gangyao_xuexi_ch1_2019.txt", 1706, 10),
        ("jiwei_19th_6th_plenum_2022.txt", 1705, 20),
    ],
)
def test_a_blind16_quiz_asks_each_sentence_and_formula_once(name, seed, count):
    text = (HELDOUT / name).read_text(encoding="utf-8")
    quiz = generate_questions(text, seed=seed, count=count)
    assert len(quiz) == count
    assert same_sentence(quiz) == []
    assert same_formula(quiz) == []
    assert leaks(quiz) == []
    # every kind is still served
    assert {q.kind for q in quiz} == {"cloze", "single", "multiple", "judge"}


def _q(qid, kind, source, answer, *, options=(), formula=None, template=None, weak=False):
    answers = answer if isinstance(answer, list) else [answer]
    stem = source
    for a in answers:
        if isinstance(a, str):
            stem = stem.replace(a, BLANK, 1)
    if kind == "judge":  # a lexicon statement, not its source sentence
        stem = {"四个意识": "“四个意识”是指政治意识、大局意识、核心意识、看齐意识。"}.get(
            formula, "“四风”是指形式主义、官僚主义、享乐主义、奢靡之风。"
        )
    return Question(
        id=qid,
        kind=kind,
        stem=stem,
        options=list(options),
        answer=answer,
        keys=[formula or answers[0]] if kind != "judge" else [formula],
        source=source,
        explanation="",
        template=template or {"cloze": "cloze", "single": "single"}.get(kind, "lex_judge_true"),
        formula=formula,
        pick_score=0.9,
        weak=weak,
    )


FILLERS = [
    ("坚持目标导向和问题导向相结合，坚持守正和创新相统一。", "问题导向"),
    ("真正让人民群众在改革中不断增强获得感、幸福感、安全感。", "幸福感"),
    ("更加注重改革实效，精准发力、协同发力、持续发力。", "协同发力"),
    ("要锚定推进国家治理体系和治理能力现代化的总目标。", "治理能力现代化"),
    ("大力弘扬伟大建党精神和自我革命精神，忠诚履职、团结奋斗。", "伟大建党精神"),
]
NAMING = "全党要增强“四个意识”、做到“两个维护”，以永远在路上的坚韧执着推进全面从严治党。"


def constructed_bank(*, weak_fillers: bool = False) -> list[Question]:
    bank = [
        # a 单选 and a lexicon 判断 of one sentence naming two formulas
        _q("s1", "single", NAMING, "两个维护", options=["两个维护", "两个确立", "四个全面"]),
        _q("j2", "judge", NAMING, True, formula="四个意识"),
        # a 判断 printing 形式主义, and a 填空 whose answer that is
        _q("j1", "judge", "坚决纠治“四风”。", True, formula="四风"),
        _q("c0", "cloze", "要切实改进作风，克服形式主义顽疾。", "形式主义"),
        # two 填空 on 四个自信
        _q("c9", "cloze", "坚定“四个自信”不动摇。", "四个自信", formula="四个自信"),
        _q(
            "c10",
            "cloze",
            "坚持道路自信、理论自信、制度自信、文化自信相统一。",
            "制度自信",
            formula="四个自信",
        ),
    ]
    bank += [_q(f"c{n}", "cloze", s, k, weak=weak_fillers) for n, (s, k) in enumerate(FILLERS, 1)]
    return bank


def test_a_constructed_quiz_never_repeats_while_the_bank_has_more():
    lexicon = load_lexicon()
    bank = constructed_bank()
    for seed in range(5):
        quiz = select(bank, 8, seed, lexicon=lexicon)
        assert len(quiz) == 8
        # one question from the sentence naming two formulas (though 单选 has no other), one
        # on 四个自信, and 形式主义 is not asked beside a statement printing it
        assert same_sentence(quiz) == []
        assert same_formula(quiz) == []
        assert leaks(quiz) == []


def test_a_repeat_comes_before_a_weak_question_a_leak_never():
    # a weak 填空 (the confidence gate's: often another word fits) is still worse than a second
    # question of a sentence or formula; a printed answer is worse than both
    lexicon = load_lexicon()
    bank = constructed_bank(weak_fillers=True)
    for seed in range(5):
        quiz = select(bank, 8, seed, lexicon=lexicon)
        assert len(same_sentence(quiz)) == 1 and len(same_formula(quiz)) == 1
        assert leaks(quiz) == []


def test_a_short_bank_relaxes_sentence_then_formula_then_leak():
    lexicon = load_lexicon()
    bank = constructed_bank()
    for seed in range(3):
        quiz = select(bank, 9, seed, lexicon=lexicon)  # one more than it holds without repeats
        assert len(same_sentence(quiz)) == 1 and same_formula(quiz) == [] and leaks(quiz) == []
        quiz = select(bank, 10, seed, lexicon=lexicon)  # then a formula asked twice
        assert len(same_sentence(quiz)) == 1 and len(same_formula(quiz)) == 1
        assert leaks(quiz) == []
        quiz = select(bank, 11, seed, lexicon=lexicon)  # and only then the leak
        assert len(quiz) == 11 and leaks(quiz)
