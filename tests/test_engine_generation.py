"""The question engine on the bundled speech and on small texts: what a learner would notice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from quizapp.generation import (
    BLANK,
    KINDS,
    find_key_phrases,
    generate_questions,
    load_lexicon,
)
from quizapp.generation.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = (ROOT / "quizapp" / "data" / "seed_speech.txt").read_text(encoding="utf-8")
CONTRACT = {
    "id",
    "kind",
    "stem",
    "options",
    "answer",
    "keys",
    "source",
    "explanation",
    "accepted",
    "ordered",
    "paragraph",
    "difficulty",
    "template",
    "formula",
    # beyond issue 2's contract (extra fields are allowed): whole phrases asked in part
    "covers",
    # beyond issue 2's contract (extra fields are allowed): what the quiz pick reads
    "pick_score",
    "weak",
    # and the rule that doubts a weak question, for the organizer's review (generation.doubts)
    "doubt",
}


@pytest.fixture(scope="module")
def bank():
    return generate_questions(SEED_TEXT, seed=0)


def answers_of(q) -> list[str]:
    if isinstance(q.answer, list):
        return q.answer
    return [q.answer] if isinstance(q.answer, str) else []


def test_the_speech_gives_every_kind_in_the_contract_format(bank) -> None:
    counts = Counter(q.kind for q in bank)
    assert set(counts) == set(KINDS)
    # 判断 only on checkable facts (dated events, formulas, quoted wordings): fewer, but enough
    # for a balanced quiz of 16
    assert all(n >= 8 for n in counts.values()), counts
    for q in bank:
        data = q.to_dict()
        assert set(data) == CONTRACT
        json.dumps(data, ensure_ascii=False)  # plain JSON values only
        assert 0 <= data["difficulty"] <= 1
        assert len(data["id"]) == 16 and int(data["id"], 16) >= 0


def test_shapes_of_each_kind(bank) -> None:
    for q in bank:
        if q.kind == "cloze":
            assert q.stem.count(BLANK) == len(q.answer) == len(q.accepted) >= 1
            assert all(a in acc for a, acc in zip(q.answer, q.accepted, strict=True))
            assert not q.options
        elif q.kind == "single":
            assert len(q.options) == 4 and q.options.count(q.answer) == 1
        elif q.kind == "multiple":
            assert 4 <= len(q.options) <= 5 and 2 <= len(q.answer) < len(q.options)
            assert all(a in q.options for a in q.answer)
        else:
            assert isinstance(q.answer, bool) and not q.options


def test_the_teachers_slogans_are_asked(bank) -> None:
    asked = {fold(a) for q in bank for a in answers_of(q)} | {fold(k) for q in bank for k in q.keys}
    for phrase in [
        "三严三实",
        "两学一做",
        "一报告两评议",
        "以德为先",
        "密切联系群众",
        "血肉联系",
        "思想教育从严",
        "作风建设从严",
        "好干部标准",
        "根本性建设",
        "富民强村",
    ]:
        assert fold(phrase) in asked, phrase


def test_no_generic_word_or_placeholder_is_ever_an_answer_or_option(bank) -> None:
    for q in bank:
        for piece in answers_of(q) + q.options:
            assert piece not in {"干部", "工作", "群众", "发展"}, q.stem
            assert "x" not in piece.lower() and "**" not in piece, piece


def test_placeholder_sentences_never_show_their_placeholders(bank) -> None:
    for q in bank:
        if q.kind != "judge":
            assert "x个" not in q.stem and "x%" not in q.stem and "**作" not in q.stem, q.stem


def test_lexicon_questions_exist_even_when_the_text_only_names_the_formula(bank) -> None:
    stems = {q.stem: q for q in bank}
    member = stems["下列属于“四个意识”的是（　　）。"]
    assert member.answer in load_lexicon().get("四个意识").members
    assert "2016" in member.explanation  # origin and date are cited
    part = stems["“三严三实”中的“三实”是指（　　）。"]
    assert part.answer == "谋事要实、创业要实、做人要实"
    assert "严以修身、严以用权、严以律己" in part.options  # the sibling part is a distractor
    odd = stems["下列不属于“四个自信”的是（　　）。"]
    assert odd.answer not in load_lexicon().get("四个自信").members


def test_distractors_are_never_members_of_the_answers_formula(bank) -> None:
    lexicon = load_lexicon()
    for q in bank:
        if q.kind not in ("single", "multiple") or "不属于" in q.stem:
            continue
        for right in answers_of(q):
            for owner in lexicon.owners(right):
                members = {s for m in owner.members for s in owner.spellings(m)}
                wrong = [o for o in q.options if o not in answers_of(q)]
                assert not members & set(wrong), (q.stem, q.options)


def test_heading_series_are_siblings_of_each_other(bank) -> None:
    q = next(q for q in bank if q.template == "heading_single" and q.answer == "思想教育从严")
    assert sum(o.endswith("从严") for o in q.options) == 4
    multi = next(q for q in bank if q.template == "multi_heading" and "从严" in q.stem)
    series = {"思想教育从严", "选人用人从严", "作风建设从严", "组织建设从严"}
    # three of the four are shown, with two intruders: one odd option out is too easy to spot
    assert len(multi.answer) == 3 and set(multi.answer) <= series
    intruders = [o for o in multi.options if o not in multi.answer]
    assert len(intruders) == 2 and not set(intruders) & series


def test_enumerations_are_cut_to_their_items(bank) -> None:
    keys = {k.text for k in find_key_phrases(SEED_TEXT)}
    assert {"以德为先", "任人唯贤", "人事相宜"} <= keys
    assert "做到以德为先" not in keys
    assert {"政治优势", "组织优势", "群众工作优势"} <= keys


def test_key_phrase_offsets_point_into_the_original_text() -> None:
    for key in find_key_phrases(SEED_TEXT):
        assert SEED_TEXT[key.start : key.end] == key.text
        assert key.type in {
            "lexicon",
            "member",
            "formula",
            "heading",
            "quotation",
            "definition",
            "quoted",
            "enumeration",
            "series",
            "term",
        }


def test_captions_and_elision_lines_give_no_question() -> None:
    text = (
        "中共中央政治局召开民主生活会\n"
        "新华社记者 谢环驰 摄\n"
        "…………\n"
        "会议强调，要增强“四个意识”、坚定“四个自信”、做到“两个维护”，坚持以人民为中心。\n"
    )
    questions = generate_questions(text)
    assert questions
    for q in questions:
        assert "摄" not in q.source and "……" not in q.source


def test_same_seed_same_output_in_another_process(bank) -> None:
    code = (
        "import json,sys;from quizapp.generation import generate_questions;"
        "t=open(sys.argv[1],encoding='utf-8').read();"
        "print(json.dumps([q.to_dict() for q in generate_questions(t, seed=0)],ensure_ascii=False))"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    seed_file = str(ROOT / "quizapp" / "data" / "seed_speech.txt")
    out = subprocess.run(
        [sys.executable, "-c", code, seed_file],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=ROOT,
    ).stdout
    assert json.loads(out) == [q.to_dict() for q in bank]


def test_ids_do_not_depend_on_the_seed_but_options_do(bank) -> None:
    other = generate_questions(SEED_TEXT, seed=7)
    assert {q.id for q in other} == {q.id for q in bank}
    first = {q.id: q for q in bank}
    changed = [q for q in other if q.options and q.options != first[q.id].options]
    assert changed, "another seed should reorder or repick options"
    for q in other:
        if q.template == "lex_members":  # a seeded subset of the formula's members (S0)
            assert (q.formula, q.source) == (first[q.id].formula, first[q.id].source)
            continue
        assert q.answer == first[q.id].answer or q.kind == "judge"


def test_count_gives_a_balanced_seeded_pick(bank) -> None:
    picked = generate_questions(SEED_TEXT, seed=3, count=16)
    assert len(picked) == 16 and len({q.id for q in picked}) == 16
    kinds = Counter(q.kind for q in picked)
    # every kind keeps its places but for what a plain 单选/多选 lends to a reliable template,
    # and what a kind gives up once its fresh questions hang on sentences already asked (the
    # speech's lexicon 单选 are on three sentences its 判断 and 多选 take first: one question per
    # sentence before a lexicon one waits, since blind10 rounds EC–EH)
    assert set(kinds) == set(KINDS) and min(kinds.values()) >= 2, kinds
    again = generate_questions(SEED_TEXT, seed=3, count=16)
    assert [q.id for q in again] == [q.id for q in picked]
    other = generate_questions(SEED_TEXT, seed=4, count=16)
    assert [q.id for q in other] != [q.id for q in picked]
    # a longer quiz of a short speech: balance gives way before an answer is printed twice
    longer = Counter(q.kind for q in generate_questions(SEED_TEXT, seed=3, count=20))
    assert sum(longer.values()) == 20 and set(longer) == set(KINDS)
    # (≤ 4 since rounds 20–20b: the speech lost its one subheading 多选, 材料中“我们主要抓了三件
    # 事”的内容包括, and its lexicon 多选 print each other's answers, so a fifth 多选 gives way;
    # ≤ 5 since blind8: its two plain 多选, judged edit (举一反三 among 考核 methods) and
    # unusable, are no longer made, and 20 questions of it hold 3 多选 beside 8 填空 at seed 3;
    # ≤ 7 since the ninth session: with its runs of short items and its option-shape rules
    # together, 20 questions hold 8–9 填空 and 2–3 单选 over seeds 0–11, 7–9 and 2–5 before;
    # ≤ 8 since the thirteenth session: a second 单选 or 判断 from an asked sentence or formula
    # waits for the fresh 填空, 11 of 20 at seed 3)
    assert max(longer.values()) - min(longer.values()) <= 8, longer
    only = generate_questions(SEED_TEXT, count=6, kinds=["judge", "single"])
    assert {q.kind for q in only} == {"judge", "single"} and len(only) == 6


def test_empty_or_blank_text_gives_no_question() -> None:
    assert generate_questions("") == []
    assert generate_questions(" \n\n ") == []


def test_importing_the_package_does_not_load_jieba() -> None:
    code = "import sys, quizapp.generation; print('jieba' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    assert out == "False"


def test_spelling_variants_and_near_synonyms_are_never_distractors() -> None:
    from quizapp.generation.distractors import is_variant, pick

    assert is_variant("4个意识", "四个意识") and is_variant("四种意识", "四个意识")
    assert is_variant("敢于担当", "勇于担当")
    assert not is_variant("政治意识", "大局意识")
    # quantities of one unit that differ in value are two answers, not two spellings (a
    # provision's lures: 公示期不少于五个工作日 against 七个工作日)
    assert not is_variant("五个工作日", "七个工作日") and not is_variant("十八岁", "二十岁")
    assert is_variant("5个工作日", "五个工作日")
    import random

    wrong = pick(
        "四个意识", ["4个意识", "四种意识", "四个自信", "两个维护", "四个全面"], 3, random.Random(0)
    )
    assert sorted(wrong) == ["两个维护", "四个全面", "四个自信"]


def test_order_free_two_blank_cloze_accepts_either_order(bank) -> None:
    from quizapp.generation import check_answer

    pair = next(q for q in bank if q.template == "lex_cloze_pair" and q.formula == "四个意识")
    assert pair.stem.count(BLANK) == 2 and pair.ordered is False
    assert check_answer(pair, list(reversed(pair.answer)))
    assert not check_answer(pair, ["忧患意识", pair.answer[1]])


def test_a_short_quiz_mixes_true_and_false_statements() -> None:
    for seed in range(3):
        judges = generate_questions(SEED_TEXT, seed=seed, count=4, kinds=["judge"])
        assert {q.answer for q in judges} == {True, False}


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("x个", True),
        ("x 名", True),
        ("x多条", True),
        ("达x%", True),
        ("**作的报告", True),
        ("××同志", True),
        ("“1+X”容错纠错机制", False),
        ("maximum", False),
    ],
)
def test_placeholder_patterns(text: str, placeholder: bool) -> None:
    from quizapp.generation.noise import has_placeholder

    assert has_placeholder(text) is placeholder


# -- structural rules for texts the engine was never tuned on ----------------------------------
UNSEEN_TEXT = """同志们，今天我们在这里召开座谈会，学习老一辈革命家的崇高精神，激励全党同志接续奋斗。
——王明远同志是信念坚定、对党忠诚的光辉榜样。他在遵义会议上坚决支持正确路线，皖南事变后临危受命。
——王明远同志是实事求是、敢于创新的光辉榜样。他撰写的《论党员的修养问题》、《规定》等著作影响深远。
——王明远同志是勤于学习、善于实践的光辉榜样。他参加领导闻名全国的安源路矿工人大罢工，在五四爱国运动洗礼下走上革命道路。
他经常主持会议到深夜，有时睡在县委会议室的长凳上，参与我国第一个五年计划的制定。
中华民族迎来了从站起来、富起来到强起来的伟大飞跃，这是历史的必然。
他主持制定“向北发展，向南防御”的战略方针，也提出“维护核心见行动，牢记嘱托创佳绩”的要求。
今天，我们就要牢记理想信念是共产党人安身立命的根本，是共产党人的政治灵魂，在立根固魂上下功夫。
坚持真理、修正错误，是党和人民事业从胜利走向胜利的重要保证。
要把共产主义远大理想同中国特色社会主义共同理想统一起来，做到忠诚干净担当。
我们要实施创新驱动发展战略，推进“中国制造2025”，为党的十一届三中全会以后的改革提供借鉴。
"""


@pytest.fixture(scope="module")
def unseen_keys():
    return {k.text: k for k in find_key_phrases(UNSEEN_TEXT)}


def test_dash_led_headings_give_the_point_without_their_shared_frame(unseen_keys) -> None:
    headings = {t for t, k in unseen_keys.items() if k.type == "heading"}
    # “——X同志是…的光辉榜样”: the frame all three share is not the blank; a pair of set
    # phrases keeps its opening verb-like word (信念坚定 is not cut to 坚定)
    assert headings == {"信念坚定、对党忠诚", "实事求是、敢于创新", "勤于学习、善于实践"}


def test_titles_and_named_events_are_keys_but_common_nouns_are_not(unseen_keys) -> None:
    for name in (
        "遵义会议",
        "皖南事变",
        "论党员的修养问题",
        "安源路矿工人大罢工",
        "五四爱国运动",
        "第一个五年计划",
        "十一届三中全会",
        "中国制造2025",
    ):
        assert name in unseen_keys, name
    for junk in ("规定", "主持会议", "县委会议", "党的十一届"):
        assert junk not in unseen_keys, junk


def test_series_couplets_definitions_and_paired_ideals(unseen_keys) -> None:
    for item in ("站起来", "富起来", "强起来"):
        assert unseen_keys[item].type == "enumeration"
    # a short quoted couplet is one saying; a long one is asked by its halves
    assert "向北发展，向南防御" in unseen_keys and "向北发展" not in unseen_keys
    assert "维护核心见行动" in unseen_keys and "维护核心见行动，牢记嘱托创佳绩" not in unseen_keys
    # X是…的根本，是…的政治灵魂: the subject and the second predicate, not 重要保证
    assert {"理想信念", "政治灵魂"} <= set(unseen_keys)
    assert "重要保证" not in unseen_keys
    assert {"共产主义远大理想", "中国特色社会主义共同理想"} <= set(unseen_keys)
    assert unseen_keys["忠诚干净担当"].type == "lexicon"


def test_named_strategies_get_a_cloze_but_no_choice() -> None:
    questions = generate_questions(UNSEEN_TEXT, seed=0)
    on_strategy = [q for q in questions if "创新驱动发展战略" in q.keys]
    assert on_strategy and {q.kind for q in on_strategy} == {"cloze"}
    lex = [q for q in questions if q.formula == "忠诚干净担当"]
    # the name spells its members (对党忠诚、个人干净、敢于担当): a cloze, never a choice
    assert lex and {q.kind for q in lex} == {"cloze"}, "a named formula gets its cloze"


# -- held-out shapes: whole lists, numbered formulas, appositives (made-up texts) ------------
HELD_OUT_SHAPES = (
    "会议要求，统筹稳就业、保民生、促消费，推动经济持续健康发展。\n"
    "各地要推行林长制、田长制，压实各级责任，守住耕地保护红线。\n"
    "要保持港口、码头长期繁荣稳定，支持港口、码头长期繁荣稳定。\n"
    "全党要做到三个区分开来，用好监督执纪四种形态，落实第三个全面的要求。\n"
    "各级党委要牢牢抓住乡村人才振兴这个根本大计，健全培养机制，久久为功抓落实。\n"
    "必须坚持质量是第一标准，把提质增效摆在更加突出的位置，推动产业迈向中高端。\n"
    "党的十九大以来，全市上下团结奋斗，各项事业取得新的进展。\n"
    "坚决遏制“炒房”投机行为，稳定市场预期，促进房地产市场平稳健康发展。\n"
    "守护好一江清水，是我们义不容辞的历史责任。五年来的成就，是大家共同奋斗的结果。\n"
)


@pytest.fixture(scope="module")
def shapes():
    questions = generate_questions(HELD_OUT_SHAPES)
    keys = {fold(k) for q in questions for k in q.keys}
    return questions, keys, {k.text: k for k in find_key_phrases(HELD_OUT_SHAPES)}


def test_a_short_list_is_found_but_not_blanked_whole_without_an_anchor(shapes) -> None:
    # round 4 (deliberate change): 统筹（稳就业、保民生、促消费）names neither the set nor
    # its count, so the whole list in one blank is a guess and is no longer asked
    questions, keys, found = shapes
    assert found["稳就业、保民生、促消费"].type == "series"
    assert not any(q.answer == ["稳就业、保民生、促消费"] for q in questions)
    assert found["林长制、田长制"].type == "series"  # a pair of three-character names
    # the first item carries the clause's verb: not a list worth asking whole
    assert not any(t.startswith("保持") and "、" in t for t in found)


def test_numbered_formulas_appositives_and_firsts_are_keys(shapes) -> None:
    _, keys, found = shapes
    assert found["三个区分开来"].type == "formula"
    assert found["四种形态"].type == "formula"
    assert "第三个全面" not in found and "三个全面" not in found
    # …这个根本大计 (the vocabulary's 人才振兴 may claim the core of the appositive)
    assert fold("乡村人才振兴") in keys or fold("人才振兴") in keys
    # 质量是第一标准: a free phrase of two or three characters is no longer blanked (its
    # near-synonyms would be marked wrong; reviews 7–8 found such definition keys 0/7 usable)
    assert fold("质量") not in keys
    assert fold("守护好一江清水") in keys  # a topic, then its definition
    assert fold("五年来的成就") not in keys  # a time phrase, not a concept


def test_a_congress_opening_a_period_and_a_short_quoted_word_get_no_question(shapes) -> None:
    questions, _, _ = shapes
    # review 13 (deliberate change): （党的十九大）以来 blanks a time, which 十八大 fits as well
    assert not [q for q in questions if "党的十九大" in q.keys]
    # reviews 10–11b (deliberate change): 遏制“（　　）”投机行为 tests an idiom, not a point
    assert not [q for q in questions if "炒房" in q.keys]


def test_a_long_list_is_asked_with_one_blank_per_item_in_any_order() -> None:
    text = (
        "我们要坚持教育优先发展、科技自立自强、人才引领驱动，加快建设教育强国、科技强国、"
        "人才强国，坚持为党育人、为国育才。\n"
    )
    # (the standard lists of the sentence, 教育强国、科技强国、人才强国 and 为党育人、为国育才,
    # get their own: see test_engine_coverage.py)
    lists = [
        q
        for q in generate_questions(text, seed=0)
        if q.template == "cloze_list" and "教育优先发展" in q.answer
    ]
    assert len(lists) == 1, [q.stem for q in generate_questions(text, seed=0)]
    q = lists[0]
    assert q.answer == ["教育优先发展", "科技自立自强", "人才引领驱动"]
    assert q.stem.count(BLANK) == 3 and "教育强国" in q.stem and "不分先后" in q.stem
    assert q.ordered is False
    assert "教育优先发展、科技自立自强、人才引领驱动" in q.keys


def test_a_long_list_nothing_in_the_stem_names_gets_no_multi_blank_cloze() -> None:
    # round 4 (deliberate change): 统筹（　　）×5 with no count, head noun or repeated word
    # pins none of the items down, so it is no longer asked (the items keep their own clozes).
    # Since the ninth session the run is asked with its first item and every other one shown
    # (统筹稳增长、（　　）、调结构、（　　）、防风险): the printed slogans pin the blanks' shape
    text = (
        "过去五年，我们坚持不搞“大水漫灌”式强刺激，统筹稳增长、促改革、调结构、惠民生、"
        "防风险，不断创新和完善宏观调控，经济保持中高速增长。\n"
    )
    lists = [q for q in generate_questions(text, seed=0) if q.template == "cloze_list"]
    assert all(len(q.answer) < 5 and "统筹稳增长、（　　）、调结构" in q.stem for q in lists)


def test_a_long_list_of_examples_gets_no_multi_blank_cloze() -> None:
    text = "载人航天、深海探测、量子通信、大飞机等重大创新成果不断涌现，科技实力显著增强。\n"
    assert not [q for q in generate_questions(text, seed=0) if q.template == "cloze_list"]


def test_dash_headings_that_read_the_same_get_no_question() -> None:
    # round 4 (deliberate change): sibling headings that all complete one frame were told apart
    # by the next sentence, which repeats the key's words (初心, 创造): a cue, so none is asked
    text = (
        "——刘少奇同志是不忘初心、对党忠诚的光辉榜样。共产党人坚持的初心，就是对共产主义理想的"
        "坚定信仰，就是对党和人民事业的永远忠诚。刘少奇同志一生忠于党。\n"
        "——刘少奇同志是坚持真理、实事求是的光辉榜样。坚持真理，就要一切从实际出发。"
        "他敢于说真话。\n"
        "——刘少奇同志是敢于担当、勇于创造的光辉榜样。共产党员的精神，是积极上进的精神、"
        "独立创造的精神。他勇于开拓。\n"
        "——刘少奇同志是心系人民、廉洁奉公的光辉榜样。人民的利益，即是党的利益。"
        "他一生清正廉洁。\n"
    )
    made = [q for q in generate_questions(text, seed=0) if q.template.startswith("heading")]
    assert made == [], [q.stem for q in made]


def test_every_item_of_a_list_without_a_multiple_choice_gets_a_cloze(shared_dir) -> None:
    text = (shared_dir / "corpus" / "report20_full.txt").read_text(encoding="utf-8")
    questions = generate_questions(text, seed=0)
    items = ["政治领导力", "思想引领力", "群众组织力", "社会号召力"]
    made = [q for q in questions if q.template == "multi_enum" and set(q.answer) & set(items)]
    if made:
        pytest.skip("the list got its 多选 on this text")
    cloze_answers = {a for q in questions if q.kind == "cloze" for a in q.answer}
    assert set(items) <= cloze_answers


# -- second session: rules from review rounds 5 and 6 -----------------------------------------
def _cloze_answers(questions) -> set[str]:
    return {a for q in questions if q.kind == "cloze" for a in q.answer}


def test_a_short_list_of_one_shape_is_asked_item_by_item() -> None:
    text = (
        "我们要调动亿万农民的积极性，把维护农民群众根本利益作为出发点和落脚点，"
        "不断提升农民的获得感、幸福感、安全感，让改革发展成果更多更公平惠及全体人民。"
    )
    asked = _cloze_answers(generate_questions(text))
    assert asked & {"获得感", "幸福感", "安全感"}, asked


def test_a_saying_standing_alone_is_asked_with_the_sentence_before_it() -> None:
    text = (
        "中国特色社会主义进入新时代，我们党一定要有新气象新作为。打铁必须自身硬。"
        "党要团结带领人民进行伟大斗争、推进伟大事业、实现伟大梦想，必须毫不动摇坚持和完善党的领导。"
    )
    cloze = next(q for q in generate_questions(text) if q.answer == ["打铁必须自身硬"])
    assert cloze.stem.startswith("中国特色社会主义进入新时代")
    assert cloze.stem.endswith(f"{BLANK}。")
    assert "新气象新作为" in cloze.source and "打铁必须自身硬" in cloze.source


def test_a_heading_blank_is_only_made_over_a_standard_term(bank) -> None:
    lexicon = load_lexicon()
    for q in bank:
        if q.template == "heading_cloze":
            answer = q.answer[0]
            assert answer in lexicon.terms or lexicon.owners(answer) or lexicon.get(answer), q.stem


def test_a_heading_series_of_six_is_not_asked_as_a_multiple_choice() -> None:
    principles = ["党管农村工作", "农业农村优先发展", "农民主体地位", "乡村全面振兴"]
    principles += ["城乡融合发展", "人与自然和谐共生"]
    lines = ["一、总体要求", "（一）根本遵循"]
    for p in principles:
        lines.append(f"——坚持{p}。各级党委和政府要把这项工作摆上重要议事日程，抓紧抓实抓好。")
    lines += [
        "二、重点任务",
        "（一）加强基层组织建设。",
        "（二）建设法治乡村。",
        "（三）提高民生保障水平。",
    ]
    # rounds 20–20b (deliberate change): a section's subheadings are no 多选 any more (no such
    # item was usable in reviews 9–20: lures off the topic, keys echoing the title)
    assert not [q for q in generate_questions("\n".join(lines)) if q.template == "multi_heading"]
    layout = "\n".join(lines).replace("根本遵循", "基本原则")
    assert not [q for q in generate_questions(layout) if q.template == "multi_heading"]


def test_a_term_alias_is_accepted_in_its_blank() -> None:
    text = "1943年春，他回到延安，协助毛泽东同志领导延安整风、总结党的历史经验、筹备党的七大。"
    cloze = next(q for q in generate_questions(text) if q.answer == ["延安整风"])
    assert {"整风运动", "延安整风运动"} <= set(cloze.accepted[0])


def test_a_formula_used_as_a_plain_word_gets_no_choice_of_other_slogans() -> None:
    text = (
        "实施乡村振兴战略，是党的十九大作出的重大决策部署，是决胜全面建成小康社会、"
        "全面建设社会主义现代化国家的重大历史任务，是新时代“三农”工作的总抓手。"
    )
    questions = generate_questions(text)
    assert [q for q in questions if q.template == "cloze" and q.answer == ["三农"]]
    in_text = [q for q in questions if q.template in ("single", "judge_false")]
    assert not [q for q in in_text if "三农" in q.keys], in_text


def test_known_lists_are_recognised_in_part_but_not_from_one_item() -> None:
    from quizapp.generation.lexicon import Lexicon

    lexicon = Lexicon([], {}, lists=[("不平衡", "不协调", "不可持续")])
    assert lexicon.known_list(["不平衡", "不协调", "不可持续"])
    assert lexicon.known_list(["不协调", "不可持续"])
    assert not lexicon.known_list(["不平衡", "有标准", "有网络", "有内容"])


def test_a_short_thesis_sentence_is_asked_for_its_subject() -> None:
    text = (
        "乡村振兴，产业兴旺是重点。必须坚持质量兴农、绿色兴农，加快构建现代农业产业体系。\n"
        "乡村振兴，摆脱贫困是前提。必须坚持精准扶贫、精准脱贫，把提高脱贫质量放在首位。\n"
        "高质量发展是全面建设社会主义现代化国家的首要任务。发展是党执政兴国的第一要务。"
    )
    questions = generate_questions(text)
    asked = _cloze_answers(questions)
    assert "高质量发展" in asked, asked
    # rounds 20–20b (deliberate change): a formula member (产业兴旺) under a bare mark is asked
    # as a 单选 among its formula's other members, not as a cloze
    assert "产业兴旺" in {q.answer for q in questions if q.template == "thesis_single"}
    # reviews 15b–16b (deliberate change): a free phrase before a bare mark (…是前提) admits
    # 脱贫攻坚 as well; only a standard term is asked there
    assert "摆脱贫困" not in asked, asked


@pytest.mark.parametrize("seed", range(4))
def test_no_question_of_a_quiz_prints_the_answer_of_another(seed: int) -> None:
    picked = generate_questions(SEED_TEXT, seed=seed, count=16)
    for q in picked:
        shown = fold(q.stem + "|" + "|".join(q.options))
        for other in picked:
            if other is not q:
                for answer in answers_of(other):
                    assert len(answer) < 2 or fold(answer) not in shown, (answer, q.stem)


def test_a_cue_in_the_next_clause_is_cut_from_the_stem() -> None:
    text = (
        "乡风文明是保障。必须坚持物质文明和精神文明一起抓，提升农民精神风貌，"
        "培育文明乡风、良好家风、淳朴民风，不断提高乡村社会文明程度。"
    )
    cloze = next(q for q in generate_questions(text) if q.answer == ["精神文明"])
    assert "精神风貌" not in cloze.stem, cloze.stem
    assert cloze.stem.startswith("必须坚持物质文明和")


def test_a_virtue_is_never_offered_a_vice_as_look_alike() -> None:
    text = (
        "要深化爱国主义、集体主义、社会主义教育，着力培养担当民族复兴大任的时代新人，"
        "坚决反对个人主义、分散主义、自由主义、本位主义、好人主义。"
    )
    lexicon = load_lexicon()
    for q in generate_questions(text):
        if q.kind in ("single", "multiple") and "爱国主义" in answers_of(q):
            assert not [o for o in q.options if lexicon.term_class(o) == "不良倾向"], q.options


def test_a_standard_name_is_accepted_with_or_without_its_modifier_or_head() -> None:
    text = (
        "到二〇三五年，我国发展的总体目标是：经济实力、科技实力、综合国力大幅跃升，"
        "实现高水平科技自立自强，进入创新型国家前列。\n"
        "刘少奇同志是新中国第一任全国人大常委会委员长，用很大精力建立健全人民代表大会这个崭新的制度。"
    )
    accepted = {q.answer[0]: q.accepted[0] for q in generate_questions(text) if q.kind == "cloze"}
    assert "科技自立自强" in accepted["高水平科技自立自强"]
    assert "人民代表大会制度" in accepted["人民代表大会"]


def test_a_standard_list_closed_with_deng_is_still_asked() -> None:
    text = (
        "发展积极健康的党内政治文化，弘扬忠诚老实、公道正派、实事求是、清正廉洁等价值观，"
        "坚决防止和反对个人主义、分散主义、自由主义、本位主义、好人主义。"
    )
    asked = _cloze_answers(generate_questions(text))
    assert asked & {"忠诚老实", "公道正派", "清正廉洁"}, asked


def test_a_standard_list_is_cut_as_the_lexicon_has_it() -> None:
    text = (
        "坚持理论武装同常态化长效化开展党史学习教育相结合，引导党员、干部不断学史明理、"
        "学史增信、学史崇德、学史力行，传承红色基因，赓续红色血脉。"
    )
    asked = _cloze_answers(generate_questions(text))
    assert "学史明理" in asked and "不断学史明理" not in asked, asked


def test_stock_lists_get_no_blank_and_one_word_written_two_ways_is_accepted() -> None:
    text = (
        "我们始终从国情出发想问题、作决策、办事情，既不好高骛远，也不因循守旧。\n"
        "中国共产党愿在独立自主、完全平等、互相尊重、互不干涉内部事务原则基础上加强同各国政党交流合作。"
    )
    questions = generate_questions(text)
    assert not _cloze_answers(questions) & {"想问题", "作决策", "办事情"}
    cloze = next(q for q in questions if q.kind == "cloze" and q.answer == ["互相尊重"])
    assert "相互尊重" in cloze.accepted[0]


def test_an_unchecked_note_of_the_lexicon_never_reaches_the_explanation() -> None:
    text = "党面临的执政考验、改革开放考验、市场经济考验、外部环境考验是长期的、复杂的、严峻的。"
    for q in generate_questions(text):
        assert "*check*" not in q.explanation and "评审" not in q.explanation, q.explanation


def test_an_item_of_a_standard_list_among_other_things_is_not_blanked() -> None:
    text = (
        "对完全或部分丧失劳动能力的特殊贫困人口，综合实施保障性扶贫政策，"
        "确保病有所医、残有所助、生活有兜底。\n"
        "在幼有所育、学有所教、劳有所得、病有所医、老有所养、住有所居、弱有所扶上持续用力。"
    )
    blanks = [q for q in generate_questions(text) if q.kind == "cloze" and q.answer == ["病有所医"]]
    # 老有所养 would fit 确保（　　）、残有所助 as well: only the full 七有 is asked
    assert blanks and all("老有所养" in q.stem for q in blanks), [q.stem for q in blanks]


def test_a_checklist_of_you_items_gets_no_blank_though_it_has_a_frame() -> None:
    text = (
        "按照有标准、有网络、有内容、有人才的要求，健全乡村公共文化服务体系，丰富农民精神文化生活。"
    )
    asked = _cloze_answers(generate_questions(text))
    assert not asked & {"有标准", "有网络", "有内容", "有人才"}, asked


def test_a_quoted_two_part_line_is_asked_by_its_second_half() -> None:
    text = (
        "1921年，刘少奇同志在莫斯科东方大学学习，坚信马克思主义“确实是真理，确能救中国”，"
        "这年冬天正式转为中国共产党党员。\n"
        "刘少奇同志50岁生日的时候，朱德同志在一首诗里称赞他：“真理寻求得，平生能坚持。”"
    )
    questions = generate_questions(text)
    clozes = [q for q in questions if q.kind == "cloze" and "确能救中国" in q.source]
    assert clozes and all(q.answer == ["确能救中国"] for q in clozes), [q.answer for q in clozes]
    assert "“确实是真理，（　　）”" in clozes[0].stem
    # round 17 (deliberate change): a line written in someone's praise is an anecdote
    assert not [q for q in questions if "真理寻求得" in q.source]


def test_a_record_read_back_as_written_is_never_a_true_statement() -> None:
    text = (
        "五年来，我们坚持加强党的全面领导和党中央集中统一领导，全力推进全面建成小康社会进程，"
        "完整、准确、全面贯彻新发展理念，着力推动高质量发展。\n"
        "在党的七大上，刘少奇同志在《关于修改党章的报告》中对“毛泽东思想”作出完整概括和系统阐述。"
    )
    judges = [q for q in generate_questions(text) if q.kind == "judge" and not q.formula]
    true_ones = [q.stem for q in judges if q.answer is True]
    assert not [s for s in true_ones if s.startswith("五年来")], true_ones
    # (deliberate change, R29 #7 and F1 #28): a named fact copied as written is true by its sound
    # too; a true statement needs a key a same-type lure could have taken the place of
    assert not [s for s in true_ones if "刘少奇同志" in s], true_ones


def test_an_object_slot_the_text_fills_with_other_terms_gets_no_blank() -> None:
    text = (
        "既尽力而为，又量力而行，不搞层层加码，不搞一刀切，不搞形式主义，久久为功，扎实推进。\n"
        "我们加快建设创新型国家，实施创新驱动发展战略，推动科技成果转化。\n"
        "着力扩大内需，实施扩大内需战略，增强消费对经济发展的基础性作用。\n"
        "中国共产党人的初心和使命，就是为中国人民谋幸福，为中华民族谋复兴。"
    )
    asked = _cloze_answers(generate_questions(text))
    # 不搞大拆大建 and 实施扩大内需战略 fit these frames as well
    assert not asked & {"层层加码", "创新驱动发展战略", "扩大内需战略"}, asked
    # a parallel clause pins its partner
    assert "为中华民族谋复兴" in asked, asked


def test_short_forms_of_standard_names_are_accepted() -> None:
    text = (
        "要把党的政治建设摆在首位，用党的政治建设统领党的思想建设、组织建设、作风建设、纪律建设。\n"
        "全面构建亲清政商关系，促进非公有制经济健康发展和非公有制经济人士健康成长。"
    )
    accepted = {q.answer[0]: q.accepted[0] for q in generate_questions(text) if q.kind == "cloze"}
    assert "政治建设" in accepted["党的政治建设"], accepted
    assert "亲清新型政商关系" in accepted["亲清政商关系"], accepted


def test_a_single_choice_whose_stem_echoes_only_the_answer_is_not_asked() -> None:
    text = (
        "加快构建现代农业产业体系、生产体系、经营体系，提高农业创新力、竞争力和全要素生产率，"
        "加快实现由农业大国向农业强国转变。\n"
        "坚持和完善我国根本政治制度、基本政治制度、重要政治制度，拓展民主渠道，丰富民主形式。\n"
        "建成教育强国、科技强国、人才强国、文化强国、体育强国、健康中国，国家文化软实力显著增强。"
    )
    for q in generate_questions(text):
        if q.kind != "single":
            continue
        assert q.answer not in ("农业强国", "基本政治制度", "根本政治制度"), (q.stem, q.options)


def test_a_goal_list_after_a_colon_keeps_its_lead_and_a_correlative_its_second_half() -> None:
    text = (
        "未来五年是全面建设社会主义现代化国家开局起步的关键时期，主要目标任务是：经济高质量发展"
        "取得新突破，科技自立自强能力显著提升，构建新发展格局和建设现代化经济体系取得重大进展；"
        "改革开放迈上新台阶，国家治理体系和治理能力现代化深入推进，社会主义市场经济体制更加完善，"
        "更高水平开放型经济新体制基本形成；居民收入增长和经济增长基本同步，劳动报酬提高与劳动生产率"
        "提高基本同步，基本公共服务均等化水平明显提升，多层次社会保障体系更加健全。\n"
        "全党要更加自觉地增强道路自信、理论自信、制度自信、文化自信，坚持以经济建设为中心，"
        "坚持四项基本原则，坚持改革开放，坚持独立自主、自力更生，坚持道不变、志不改，"
        "既不走封闭僵化的老路，也不走改旗易帜的邪路。"
    )
    questions = generate_questions(text)
    goals = [q for q in questions if q.kind == "cloze" and q.answer == ["多层次社会保障体系"]]
    assert goals and all(q.stem.startswith("未来五年，……主要目标任务是：……") for q in goals), goals
    for q in questions:
        if "既不走封闭僵化的老路" in q.stem:
            # the formulation's own cloze blanks the second half's point, shown whole otherwise
            assert "也不走改旗易帜的邪路" in q.stem or "也不走（　　）的邪路" in q.stem, q.stem


def test_a_short_quoted_idiom_is_not_blanked_but_a_quoted_series_is() -> None:
    text = (
        "衔接落实好第二轮土地承包到期后再延长30年的政策，让农民吃上长效“定心丸”。\n"
        "不敢腐、不能腐、不想腐一体推进，“打虎”、“拍蝇”、“猎狐”多管齐下，"
        "反腐败斗争取得压倒性胜利并全面巩固。"
    )
    asked = _cloze_answers(generate_questions(text))
    assert "定心丸" not in asked, asked
    assert {"打虎", "拍蝇", "猎狐"} & asked, asked


def test_a_stem_opening_on_he_names_the_person_the_text_is_about() -> None:
    text = (
        "刘少奇同志是伟大的马克思主义者。刘少奇同志出生于湖南宁乡。刘少奇同志投身革命。"
        "刘少奇同志领导工人运动。刘少奇同志坚持真理。\n"
        "他参加中国工农红军长征，在遵义会议上坚定支持以毛泽东同志为代表的正确主张。\n"
        "1943年春，刘少奇同志回到延安，协助毛泽东同志领导延安整风、总结党的历史经验、筹备党的七大。"
        "他还说：“必须把树立实事求是的作风，作为加强党性的第一个标准。”"
    )
    stems = [q.stem for q in generate_questions(text) if q.kind == "cloze"]
    assert any(s.startswith("刘少奇同志参加中国工农红军长征") for s in stems), stems
    # after a sentence naming 毛泽东同志 as well, 他 may be either: no stem opens on it
    assert not [s for s in stems if s.startswith("他")], stems


def test_goals_said_after_a_year_keep_the_year_and_start_at_their_item() -> None:
    text = (
        "到2020年，乡村振兴取得重要进展，制度框架和政策体系基本形成。农业综合生产能力稳步提升，"
        "农业供给体系质量明显提高；农民增收渠道进一步拓宽，城乡居民生活水平差距持续缩小；"
        "农村基础设施建设深入推进，农村人居环境明显改善，美丽宜居乡村建设扎实推进；"
        "城乡基本公共服务均等化水平进一步提高，城乡融合发展体制机制初步建立；"
        "农村对人才吸引力逐步增强。"
    )
    goals = [q for q in generate_questions(text) if q.answer == ["基本公共服务均等化"]]
    assert goals, "the goal is asked"
    for q in goals:
        assert q.stem.startswith("到2020年，……城乡（　　）"), q.stem


@pytest.mark.parametrize("seed", [0, 1, 4])
def test_a_short_speech_quiz_has_false_statements_too(shared_dir, seed: int) -> None:
    text = (shared_dir / "corpus" / "speech_xi_liu_shaoqi_120th_2018.txt").read_text("utf-8")
    judges = [q.answer for q in generate_questions(text, seed=seed, count=10) if q.kind == "judge"]
    # review 14: the false statements name formula members, and picked after the choices
    # they were all blocked, so every 判断 of a short quiz was 正确
    assert False in judges, judges


def test_every_short_speech_quiz_with_statements_holds_a_false_one(shared_dir) -> None:
    # fifteenth session: of one tier, a 判断 of the answer the quiz wants goes first; a true
    # statement ranked first in a tier took the second place, and 4 of 30 quizzes of 10 held
    # only 正确 (any question added to the bank moved which seeds)
    text = (shared_dir / "corpus" / "speech_xi_liu_shaoqi_120th_2018.txt").read_text("utf-8")
    for seed in range(30):
        quiz = generate_questions(text, seed=seed, count=10)
        judges = [q.answer for q in quiz if q.kind == "judge"]
        assert len(judges) < 2 or False in judges, (seed, judges)


def test_served_statements_are_neither_all_true_nor_all_false(shared_dir) -> None:
    # since the F-round rules a plain sentence is no true statement (it tests nothing), so a
    # short text's true ones are its lexicon statements: one quiz may hold only false ones,
    # but over ten quizzes a learner must not be able to answer 错误 blind
    text = (shared_dir / "corpus" / "speech_xi_liu_shaoqi_120th_2018.txt").read_text("utf-8")
    judges = [
        q.answer
        for seed in range(10)
        for q in generate_questions(text, seed=seed, count=20)
        if q.kind == "judge"
    ]
    assert len(judges) >= 10, judges
    assert 0.2 <= judges.count(True) / len(judges) <= 0.8, judges


# -- served quiz: the pick of rounds Q1–Q3 ---------------------------------------------------
def _q(qid: str, kind: str, stem: str, answer, source: str, **kw):
    from quizapp.generation.model import Question

    options = kw.pop("options", [])
    keys = kw.pop("keys", [answer[0] if isinstance(answer, list) else answer])
    explanation = kw.pop("explanation", "")
    return Question(qid, kind, stem, options, answer, keys, source, explanation, **kw)


SERVED_TEXT = """全体党员要增强“四个意识”、坚定“四个自信”、做到“两个维护”，始终在思想上政治上行动上同党中央保持高度一致。
我们要坚持党的群众路线，密切联系群众，把人民对美好生活的向往作为奋斗目标。
要深入学习贯彻习近平新时代中国特色社会主义思想，不断提高政治判断力、政治领悟力、政治执行力。
1921年7月，中国共产党第一次全国代表大会在上海召开，宣告了中国共产党的正式成立。
必须坚持以人民为中心的发展思想，着力解决好人民群众急难愁盼问题。
要持之以恒正风肃纪，锲而不舍落实中央八项规定精神，坚决反对形式主义、官僚主义、享乐主义和奢靡之风。
党的政治建设是党的根本性建设，决定党的建设方向和效果。"""


def test_served_quiz_asks_each_formula_once_while_others_remain() -> None:
    # round Q1: freshness was judged by source sentence, so a formula's second question (a
    # 判断 on 四风 and a 单选 of its members, seed 2) went out while 两个维护 was not asked
    for seed in range(10):
        picked = generate_questions(SERVED_TEXT, seed=seed, count=8)
        formulas = Counter(q.formula for q in picked if q.formula)
        assert max(formulas.values()) == 1, (seed, formulas)
        assert len(picked) == 8 and set(Counter(q.kind for q in picked)) == set(KINDS)


def test_served_quiz_prefers_a_new_formula_to_a_heading_item() -> None:
    from quizapp.generation.pipeline import select

    # round Q1: the lexicon 单选 sat in the sentences the 判断 had used, so the heading items
    # (fresh sentences) went out instead, two of them in one quiz
    bank = [
        _q(
            "j1",
            "judge",
            "“四个意识”是指政治意识、大局意识、核心意识、看齐意识。",
            True,
            "S1",
            template="lex_judge_true",
            formula="四个意识",
            keys=["四个意识"],
        ),
        _q(
            "l1",
            "single",
            "下列属于“四个自信”的是（　　）。",
            "道路自信",
            "S1",
            options=["道路自信", "历史自信", "民族自信", "实践自信"],
            template="lex_member",
            formula="四个自信",
            keys=["四个自信"],
        ),
        _q(
            "h1",
            "single",
            "材料中的小标题：一要持续（　　），紧抓思想教育从严",
            "强化理论武装",
            "S2",
            options=["强化理论武装", "加强作风建设", "推进党的建设", "深化改革创新"],
            template="heading_single",
        ),
        _q(
            "h2",
            "single",
            "材料中的小标题：二要持续（　　），紧抓选人用人从严",
            "突出用人导向",
            "S3",
            options=["突出用人导向", "严格干部管理", "优化基层组织", "加强纪律约束"],
            template="heading_single",
        ),
        *[
            _q(f"c{n}", "cloze", f"第{n}句要坚持（　　）。", [f"方针{n}号"], f"S{4 + n}")
            for n in range(6)
        ],
    ]
    scores = {"j1": 1.0, "l1": 1.0, "h1": 0.86, "h2": 0.85}
    for seed in range(5):
        assert "l1" in {q.id for q in select(bank, 3, seed, scores)}
        picked = select(bank, 8, seed, scores)
        ids = {q.id for q in picked}
        assert "l1" in ids, ids
        # at most one heading item (heading_single 2/14 usable on unseen text): the clozes go
        # instead, once the lexicon 单选 has given the kind its place
        assert len(ids & {"h1", "h2"}) <= 1, ids
    # a quoted label the lexicon does not know (the text's own coinage as often as not), likewise
    labels = [
        _q("q1", "cloze", "我们还要持续念好“（　　）”。", ["六字真经"], "S20"),
        _q("q2", "cloze", "我们着力“（　　）”推进工作。", ["十抓"], "S21"),
    ]
    picked = {q.id for q in select([*labels, *bank[4:]], 4, 0, {"q1": 0.9, "q2": 0.9})}
    assert len(picked & {"q1", "q2"}) == 1, picked
    # with nothing else left, the second heading item still goes out
    assert {"h1", "h2"} <= {q.id for q in select(bank[:4], 4, 0, scores)}


def test_served_quiz_counts_a_false_statements_hidden_key_as_its_answer() -> None:
    from quizapp.generation.pipeline import select

    # round Q2 class 4: a false 判断's swapped-out key was no answer of it, so a question
    # asking or printing 伟大斗争 went out beside 伟大精神、伟大工程… (正确 or not, given away)
    false_plain = _q(
        "j1",
        "judge",
        "共青团积极投身伟大精神、伟大工程、伟大事业、伟大梦想波澜壮阔的实践。",
        False,
        "S1",
        template="judge_false",
        keys=["伟大精神"],
        explanation="错误。原文为“伟大斗争”，不是“伟大精神”。原文：…",
    )
    false_lex = _q(
        "j2",
        "judge",
        "“四个自信”是指历史自信、理论自信、制度自信、文化自信。",
        False,
        "S2",
        template="lex_judge_false",
        formula="四个自信",
        keys=["四个自信"],
        explanation="错误。“历史自信”不属于“四个自信”。",
    )
    asks = _q("c1", "cloze", "必须进行具有许多新的历史特点的（　　）。", ["伟大斗争"], "S3")
    prints = _q(
        "s1",
        "single",
        "坚定（　　），既不走封闭僵化的老路，也不走改旗易帜的邪路。",
        "道路自信",
        "S4",
        options=["道路自信", "发展自信", "实践自信", "民族自信"],
    )
    plain = [
        _q(f"c{n}", "cloze", f"第{n}句要坚持（　　）。", [f"方针{n}号"], f"S{5 + n}")
        for n in (2, 3)
    ]
    single = _q(
        "s2",
        "single",
        "第九句要坚持（　　）。",
        "方针九号",
        "S9",
        options=["方针九号", "方针十号", "方针八号", "方针七号"],
    )
    for judge, given_away in ((false_plain, "c1"), (false_lex, "s1")):
        bank = [judge, asks, prints, single, *plain]
        scores = {"c1": 1.0, "s1": 1.0, judge.id: 1.0}
        for seed in range(5):
            ids = {q.id for q in select(bank, 4, seed, scores)}
            assert judge.id in ids and given_away not in ids, ids


def test_served_quiz_ranks_reliable_templates_first_within_a_kind() -> None:
    from quizapp.generation.lexicon import load_lexicon
    from quizapp.generation.pipeline import PRIOR_WEIGHT, select, template_prior

    # rounds Q1–Q3: lexicon templates 92–95% usable on unseen text, untagged plain 填空 40–60%
    lex = _q(
        "l1",
        "cloze",
        "“四个意识”是指：政治意识、（　　）、核心意识、看齐意识。",
        ["大局意识"],
        "S1",
        template="lex_cloze",
        formula="四个意识",
        keys=["四个意识"],
    )
    plain = _q("c0", "cloze", "第一句要坚持（　　）。", ["方针一号"], "S2")
    # an untagged key scoring 0.1 above the lexicon item: ahead on most seeds without the bonus
    scores = {"l1": 0.9, "c0": 1.0}
    firsts = [select([lex, plain], 1, seed, scores)[0].id for seed in range(40)]
    assert firsts.count("l1") > 24 and "c0" in firsts, firsts  # (the jitter still varies it)
    lexicon = load_lexicon()
    gap = template_prior(lex, lexicon) - template_prior(plain, lexicon)
    assert PRIOR_WEIGHT * gap > 0.1


def test_served_quizzes_of_the_review_texts(shared_dir) -> None:
    # round Q1's test: wang_chen's quiz of 13 (seed 401) asked 主题教育目标 and two heading items
    # twice; round Q2's: cyl100's (seed 402) asked 四个伟大 twice
    corpus = shared_dir / "corpus"
    wang = (corpus / "speech_wang_chen_theme_education_summary_2020.txt").read_text("utf-8")
    picked = generate_questions(wang, seed=401, count=13)
    assert sum(q.template.startswith("heading_") for q in picked) <= 1
    assert max(Counter(q.formula for q in picked if q.formula).values()) == 1
    cyl = (ROOT / "bench" / "heldout_texts" / "speech_cyl100_2022.txt").read_text("utf-8")
    picked = generate_questions(cyl, seed=402, count=13)
    assert sum(q.formula == "四个伟大" for q in picked) <= 1


def test_a_quiz_does_not_print_a_formula_name_inside_another_answer() -> None:
    # round QT2: “下列属于‘中央八项规定’的有” gave away the cloze whose answer is
    # 中央八项规定精神 in the same quiz
    from quizapp.generation.pipeline import select

    lex = _q(
        "a",
        "multiple",
        "下列属于“中央八项规定”的有（　　）。",
        ["改进调查研究", "精简会议活动"],
        "中央八项规定",
        options=["改进调查研究", "精简会议活动", "开展谈心谈话", "加强理论学习"],
        keys=["中央八项规定"],
        formula="中央八项规定",
        template="lex_members",
    )
    cloze = _q(
        "b",
        "cloze",
        "党政机关厉行节约反对浪费，应当深入贯彻（　　）。",
        ["中央八项规定精神"],
        "党政机关厉行节约反对浪费，应当深入贯彻中央八项规定精神。",
        template="cloze",
    )
    other = _q(
        "c",
        "cloze",
        "坚持以人民为中心的（　　）。",
        ["发展思想"],
        "坚持以人民为中心的发展思想。",
        template="cloze",
    )
    for seed in range(20):
        picked = {q.id for q in select([lex, cloze, other], 2, seed)}
        assert picked != {"a", "b"}, seed


def test_a_plain_choice_question_lends_its_place_to_a_reliable_one(monkeypatch) -> None:
    # rounds F1–FT7, QT1–QY1: a plain 单选 was usable 42 times in 74 on unseen text (7 in 20
    # served), the lexicon's templates 0.84–0.98; a kind keeps its first place
    from quizapp.generation import pipeline
    from quizapp.generation.pipeline import select

    # (the lexicon's share of a quiz of four would stop at two: lending alone is tested here)
    monkeypatch.setattr(pipeline, "LEX_PERCENT", 100)

    plain_singles = [
        _q(f"s{n}", "single", f"第{n}句要坚持（　　）。", f"方针{n}号", f"S{n}",
           options=[f"方针{n}号", "路线甲", "路线乙", "路线丙"], template="single")
        for n in range(3)
    ]  # fmt: skip
    lex = [
        _q(
            f"l{n}",
            "judge",
            f"“四个意识”包括第{n}项。",
            True,
            f"L{n}",
            template="lex_judge_true",
            formula=f"公式{n}",
            keys=[f"公式{n}"],
        )
        for n in range(3)
    ]
    for seed in range(10):
        picked = select([*plain_singles, *lex], 4, seed)
        kinds = Counter(q.kind for q in picked)
        assert kinds == {"single": 1, "judge": 3}, (seed, kinds)
    # nothing reliable left to lend to: the plain 单选 take their places
    assert Counter(q.kind for q in select([*plain_singles, lex[0]], 4, 0)) == {
        "single": 3,
        "judge": 1,
    }


def test_a_sentence_naming_many_formulas_does_not_fill_the_quiz() -> None:
    # blind round RE: a communiqué's one sentence naming 四个意识, 四个自信, 两个维护 … gave 7
    # of a quiz's 10; lexicon questions from one sentence wait once two are in (the bundled
    # speech's 忠诚拥护“两个确立”，增强“四个意识”、坚定“四个自信”，做到“两个维护” gave three)
    # (since blind8 the speech has no plain 多选 and its 判断 are all lexicon statements, four
    # of them on that sentence: at one seed of eight a third question of it fills a kind, never
    # a fourth)
    thirds = 0
    for seed in range(8):
        picked = generate_questions(SEED_TEXT, seed=seed, count=10)
        assert len(picked) == 10 and len({q.kind for q in picked}) == 4
        most = max(Counter(q.source for q in picked).values())
        assert most <= 3, seed
        thirds += most == 3
    assert thirds <= 1


# lexicon templates by kind, for banks of a formula-dense text
_LEX_TEMPLATES = {
    "cloze": "lex_cloze",
    "single": "lex_member",
    "multiple": "lex_members",
    "judge": "lex_judge_true",
}
_PLAIN_TEMPLATES = {"cloze": "cloze", "single": "single", "multiple": "multi_enum"}


def _bank_item(n: int, kind: str, template: str, formula: str | None = None):
    """A question of ``kind`` with its own sentence, key and lures (none prints another's)."""
    key = f"要点{n:03d}号"
    answer = {"cloze": [key], "single": key, "multiple": [key, f"要点{n:03d}乙"]}.get(kind, True)
    options = [] if kind in ("cloze", "judge") else [key, f"要点{n:03d}乙", f"干扰{n:03d}甲"]
    stem = f"“{formula}”是指第{n:03d}条。" if kind == "judge" else f"第{n:03d}句要坚持（　　）。"
    keys = [formula] if formula else [key]
    return _q(f"q{n:03d}", kind, stem, answer, f"S{n:03d}", options=options, keys=keys,
              template=template, formula=formula)  # fmt: skip


def _formula_dense_bank(plain_per_kind: int) -> list:
    bank = [
        _bank_item(10 * k + n, kind, _LEX_TEMPLATES[kind], f"公式{10 * k + n:03d}")
        for k, kind in enumerate(KINDS)
        for n in range(6)
    ]
    for k, kind in enumerate(KINDS):
        for n in range(plain_per_kind):
            if kind == "judge":  # a false statement on a formula the text names (tagged: 0.9)
                item = _bank_item(500 + 10 * k + n, kind, "judge_false", f"公式{500 + n:03d}")
                item.answer = False
            else:
                item = _bank_item(500 + 10 * k + n, kind, _PLAIN_TEMPLATES[kind])
            bank.append(item)
    return bank


def test_a_quiz_on_a_formula_dense_text_tests_the_text_too() -> None:
    from quizapp.generation.pipeline import select

    # blind rounds BE, BG: a quiz of 10 on 关于加强党的政治建设的意见 was 9–10 lexicon items
    # ("tests little of the text itself"); lexicon questions rank first (94% usable), so past
    # their share (40%) of the places they wait for the text's own fresh questions (8–9 before)
    bank = _formula_dense_bank(plain_per_kind=3)
    for seed in range(10):
        picked = select(bank, 10, seed)
        lexicon_items = sum(q.template.startswith("lex_") for q in picked)
        assert len(picked) == 10 and {q.kind for q in picked} == set(KINDS), seed
        assert 0 < lexicon_items <= 4, (seed, lexicon_items)
        assert select(bank, 10, seed) == picked  # (still one pick per seed)


def test_the_lexicon_share_yields_to_a_short_bank_and_to_weak_questions() -> None:
    from quizapp.generation.pipeline import select

    # one plain 填空 the text gives and three the confidence gate found too weak: the quiz is
    # filled with lexicon questions past their share rather than left short or served the weak
    bank = _formula_dense_bank(plain_per_kind=0)
    plain = _bank_item(900, "cloze", "cloze")
    weak = [_bank_item(901 + n, "cloze", "cloze") for n in range(3)]
    for seed in range(10):
        picked = select([*bank, plain, *weak], 10, seed, weak={q.id for q in weak})
        ids = {q.id for q in picked}
        assert len(picked) == 10 and {q.kind for q in picked} == set(KINDS), seed
        assert plain.id in ids and not ids & {q.id for q in weak}, (seed, ids)
        assert sum(q.template.startswith("lex_") for q in picked) == 9


def test_served_quizzes_of_a_formula_dense_text(shared_dir) -> None:
    # the text of rounds BE and BG: its quizzes of 10 held 7–10 lexicon items on seeds 0–19
    text = (
        ROOT / "bench" / "heldout_texts" / "yijian_zhengzhi_jianshe_2019_items1-15.txt"
    ).read_text("utf-8")
    for seed in (0, 3, 811):
        picked = generate_questions(text, seed=seed, count=10)
        assert len(picked) == 10 and {q.kind for q in picked} == set(KINDS), seed
        # 4 of 10 (40%), one more where the 判断 have no fresh statement of the text (seed 3)
        assert sum(q.template.startswith("lex_") for q in picked) <= 5, seed
