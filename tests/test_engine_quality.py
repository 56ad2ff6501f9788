"""What the human review of generated questions (docs/quality.md) found, kept from coming back.

Each test plants one failure class of the review in a small text and checks that a learner would
not meet it: blanks over examples of an open list or over a catalogue, a list's governing verb
inside the blank, a cut through a word, intruders of the wrong shape, headings asked by their
ordinal alone, layout dashes and dangling connectives in statements.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import asked_over, heldout_bank, one_key, plain_cloze, undropped

from quizapp.generation import BLANK, generate_questions
from quizapp.generation.builders import (
    _abbreviation_cues,
    _bare_modifier,
    _before_summary,
    _clauses,
    _inside_a_member,
    _key_edge_fault,
    _length_cued,
    _lures_odd_out,
    _numeral_echo,
    _past_series_end,
    _plain_list_item,
    _purpose_clause,
    _statistic_slot,
    _stem_spells_key,
    _tidy_stem,
    _whole_first_item,
    _with_antecedent,
    _with_colon_lead,
    _with_governing_frame,
    _with_topic,
    _with_topic_clause,
    _without_cues,
    _without_dangling_end,
    fits_list,
    heading_tail,
    is_catalogue,
    name_spells_members,
)
from quizapp.generation.lexicon import load_lexicon
from quizapp.generation.pipeline import _speech_business

FILLER = (
    "全面从严治党永远在路上，党的自我革命永远在路上。"
    "我们要坚持以人民为中心的发展思想，增强“四个意识”，坚定“四个自信”。"
)


def answers(questions, kinds=("cloze", "single")) -> set[str]:
    out: set[str] = set()
    for q in questions:
        if q.kind in kinds:
            out.update(q.answer if isinstance(q.answer, list) else [q.answer])
    return out


def test_items_of_an_open_list_are_not_blanked() -> None:
    text = FILLER + "积极开发观光农业、游憩休闲、健康养生、生态教育等服务，拓展农民增收空间。"
    got = answers(generate_questions(text))
    assert not got & {"观光农业", "游憩休闲", "健康养生", "生态教育"}


def test_items_of_a_catalogue_are_not_blanked() -> None:
    text = FILLER + "扶持小农户发展生态农业、设施农业、体验农业、定制农业，提高产品档次和附加值。"
    got = answers(generate_questions(text))
    assert not got & {"生态农业", "设施农业", "体验农业", "定制农业"}
    assert is_catalogue(("家庭工场", "手工作坊", "乡村车间"))
    assert not is_catalogue(("经济建设", "政治建设", "文化建设"))


def test_the_governing_verb_of_a_list_stays_outside_the_blank() -> None:
    text = FILLER + (
        "新时代十年的伟大变革，在党史、新中国史、改革开放史、社会主义发展史上具有里程碑意义。"
    )
    qs = generate_questions(text)
    got = answers(qs, kinds=("cloze",))
    assert "在党史" not in got
    for q in qs:
        if q.kind == "cloze" and q.answer == ["党史"]:
            assert f"在{BLANK}、新中国史" in q.stem


def test_a_blank_never_cuts_through_a_word() -> None:
    text = FILLER + (
        "中国共产党愿在独立自主、完全平等、互相尊重、互不干涉内部事务原则基础上"
        "加强同各国政党和政治组织交流合作。"
    )
    for q in generate_questions(text):
        if q.kind == "cloze":
            for a in q.answer:
                assert not a.endswith("完全平"), q.stem


def test_list_intruders_keep_the_items_shape() -> None:
    items = ("农业全面升级", "农村全面进步", "农民全面发展")
    assert fits_list("农业全面发展", items)
    assert not fits_list("农民变股东", items)  # another length
    assert not fits_list("农村产业发展", items)  # 全面 not in place
    power = ("经济实力", "科技实力", "综合国力")
    assert fits_list("军事实力", power)
    assert not fits_list("同向发力", power)  # a one-character ending is no pattern


def test_statements_drop_layout_dashes_and_dangling_connectives() -> None:
    text = FILLER + (
        "——中国式现代化是人与自然和谐共生的现代化。"
        "另一方面，恃强凌弱、巧取豪夺、零和博弈等霸权霸道霸凌行径危害深重，"
        "和平赤字、发展赤字、安全赤字、治理赤字加重，人类社会面临前所未有的挑战。"
    )
    for q in generate_questions(text):
        assert not q.stem.startswith(("—", "另一方面")), q.stem


REPORT_LIKE = """一、推进乡村绿色发展
（一）统筹山水林田湖草系统治理。把山水林田湖草作为一个生命共同体，进行统一保护、统一修复。
（二）加强农村突出环境问题综合治理。加强农业面源污染防治，开展农业绿色发展行动。
（三）建立市场化多元化生态补偿机制。落实农业功能区制度，加大重点生态功能区转移支付力度。
二、繁荣兴盛农村文化
（一）加强农村思想道德建设。以社会主义核心价值观为引领，坚持教育引导、实践养成、制度保障三管齐下。
（二）传承发展提升农村优秀传统文化。立足乡村文明，吸取城市文明及外来文化优秀成果。
（三）加强农村公共文化建设。按照有标准、有网络、有内容、有人才的要求，健全乡村公共文化服务体系。
三、加强农村基层基础工作
（一）加强农村基层党组织建设。扎实推进抓党建促乡村振兴，突出政治功能，提升组织力。
（二）深化村民自治实践。坚持自治为基，加强农村群众性自治组织建设。
（三）建设法治乡村。坚持法治为本，树立依法治理理念。
"""


def test_headings_are_not_asked_by_their_ordinal_alone() -> None:
    qs = generate_questions(REPORT_LIKE)
    # rounds 20–20b (deliberate change): a section's subheadings are no 多选 (0 usable in
    # reviews 9–20: lures off the section's topic, or keys echoing its title)
    assert not [q for q in qs if q.template == "multi_heading"]
    # reviews 10–14 (deliberate change): "which of these heads section 四" was answered by topic
    # alone, so a heading that only its ordinal tells apart gets no 单选 at all
    assert not [q for q in qs if q.template == "heading_single"]
    for q in qs:
        if q.template == "heading_cloze":
            assert len(q.answer[0]) <= 6, q.stem  # a whole long heading is not blanked
    assert heading_tail("统筹山水林田湖草系统治理") == "系统治理"
    assert heading_tail("增加农业生态产品和服务供给") == "服务供给"


@pytest.fixture(scope="module")
def report20(shared_dir: Path):
    text = (shared_dir / "corpus" / "report20_full.txt").read_text(encoding="utf-8")
    return generate_questions(text, seed=0)


def test_report20_has_no_heading_options_that_are_all_right(report20) -> None:
    for q in report20:
        if q.template == "multi_heading":
            wrong = [o for o in q.options if o not in q.answer]
            assert wrong and all(w not in q.source for w in wrong), q.stem
        if q.kind == "judge":
            assert not q.stem.startswith(("—", "另一方面", "是")), q.stem


def test_a_formula_whose_name_spells_its_members_is_not_asked_for_them() -> None:
    text = FILLER + "广大党员干部要做到忠诚干净担当，对党忠诚、个人干净、敢于担当。"
    qs = [q for q in generate_questions(text) if q.formula == "忠诚干净担当"]
    templates = {q.template for q in qs}
    assert not templates & {
        "lex_member",
        "lex_nonmember",
        "lex_members",
        "lex_name",
        "lex_judge_true",
        "lex_judge_false",
    }, templates
    assert name_spells_members("忠诚干净担当", ["对党忠诚", "个人干净", "敢于担当"])
    assert not name_spells_members("四个意识", ["政治意识", "大局意识", "核心意识", "看齐意识"])


DASH_SERIES = (
    "王明同志是我们学习的楷模。\n"
    "——王明同志是勤奋工作、无私奉献的光辉榜样。他一生勤勤恳恳，从不计较个人得失。\n"
    "——王明同志是坚持原则、秉公办事的光辉榜样。他常说，办事要按规矩来，不能徇私情。\n"
    "——王明同志是刻苦钻研、精益求精的光辉榜样。他每天读书到深夜，写下大量笔记。\n"
    "——王明同志是关心群众、扎根基层的光辉榜样。他经常下乡走访，同农民同吃同住。\n"
    "——王明同志是艰苦朴素、廉洁自律的光辉榜样。他生活简朴，从不收受礼品。\n"
)


def test_dash_heading_series_puts_context_first_and_asks_only_when_it_decides() -> None:
    qs = generate_questions(FILLER + "\n" + DASH_SERIES)
    headings = [q for q in qs if q.template in ("heading_single", "heading_cloze")]
    for q in headings:
        assert "—" not in q.stem, q.stem
        assert "这一部分的小标题是：王明同志是（　　）的光辉榜样。" in q.stem, q.stem
        assert q.stem.index("这一部分") > 0  # the context comes first
        if q.template == "heading_single":
            # the context repeats a word of the key and of no other option
            named = [o for o in q.options if any(o[k : k + 2] in q.stem for k in range(len(o) - 1))]
            assert named == [q.answer], q.stem


def test_open_lists_joined_by_he_and_lists_after_a_dangling_qizhong_get_no_blank() -> None:
    text = FILLER + (
        "一些地方形式主义问题突出，拜金主义、享乐主义、极端个人主义和历史虚无主义等错误思潮"
        "不时出现。中华优秀传统文化源远流长。其中蕴含的天下为公、民为邦本、为政以德、革故鼎新、"
        "任人唯贤、天人合一、自强不息、厚德载物、讲信修睦、亲仁善邻，是中华文明的精华。"
        "中国共产党愿在独立自主、完全平等、互相尊重、互不干涉内部事务原则基础上加强交流合作。"
    )
    qs = generate_questions(text)
    got = answers(qs, kinds=("cloze", "single", "multiple"))
    assert not got & {"拜金主义", "享乐主义", "个人主义", "极端个人主义"}, got
    assert not got & {"天下为公", "民为邦本", "为政以德", "革故鼎新", "亲仁善邻"}, got
    assert "独立自主" in got  # 完全平等 is a word, not the end of an open list


def test_headings_do_not_blank_the_words_every_document_heads_its_parts_with() -> None:
    text = (
        "一、实施乡村振兴战略的重大意义\n"
        "实施乡村振兴战略，是解决人民日益增长的美好生活需要的必然要求。\n"
        "二、实施乡村振兴战略的总体要求\n"
        "（一）指导思想。全面贯彻党的十九大精神，加强党对三农工作的领导。\n"
        "（二）目标任务。到2020年，乡村振兴取得重要进展，制度框架基本形成。\n"
        "（三）基本原则。坚持党管农村工作，坚持农业农村优先发展。\n"
        "三、提升农业发展质量\n"
        "（一）夯实农业生产能力基础。深入实施藏粮于地、藏粮于技战略。\n"
        "（二）实施质量兴农战略。制定和实施国家质量兴农战略规划。\n"
        "（三）构建农村一二三产业融合发展体系。大力开发农业多种功能。\n"
        "四、推进体制机制创新\n"
        "（一）巩固和完善农村基本经营制度。落实农村土地承包关系稳定并长久不变政策。\n"
        "（二）深化农村土地制度改革。系统总结农村土地征收改革试点经验。\n"
        "（三）深入推进农村集体产权制度改革。全面开展农村集体资产清产核资。\n"
    )
    qs = generate_questions(FILLER + "\n" + text)
    assert [q for q in qs if q.answer == ["藏粮于地"]], "the sections' content is asked"
    got = answers(qs, kinds=("cloze", "single"))
    assert not got & {"重大意义", "总体要求", "指导思想", "目标任务", "基本原则"}, got


# -- round 4 -------------------------------------------------------------------------------------
def test_a_name_the_listing_repeats_is_asked_only_against_names_sharing_that_word() -> None:
    text = FILLER + "全党要增强政治意识、大局意识、核心意识、看齐意识，坚决维护党中央权威。"
    for q in generate_questions(text):
        if q.template == "lex_name":
            # 四个意识 ← 政治意识、大局意识…: every option must carry 意识, or no question
            heads = [w for w in ("意识", "自信", "伟大", "全面") if w in q.answer]
            assert all(all(h in o for h in heads) for o in q.options), (q.stem, q.options)


def test_numbered_slogans_of_other_fields_are_not_options_for_a_policy_term() -> None:
    text = FILLER + (
        "完善农村承包地“三权分置”制度，在依法保护集体土地所有权和农户承包权前提下，"
        "平等保护土地经营权。深化与“一带一路”沿线国家和地区农产品贸易关系。"
    )
    for q in generate_questions(text):
        if q.kind == "single" and q.answer == "三权分置":
            assert not {"三严三实", "两学一做", "一带一路", "三会一课"} & set(q.options), q.options


def test_heading_options_are_whole_and_the_heading_does_not_repeat_the_key() -> None:
    text = (
        "一、提升农业发展质量，培育乡村发展新动能\n乡村振兴，产业兴旺是重点。\n"
        "二、推进乡村绿色发展，打造人与自然和谐共生发展新格局\n乡村振兴，生态宜居是关键。\n"
        "三、繁荣兴盛农村文化，焕发乡风文明新气象\n乡村振兴，乡风文明是保障。\n"
        "四、打好精准脱贫攻坚战，增强贫困群众获得感\n乡村振兴，摆脱贫困是前提。\n"
        "五、推进体制机制创新，强化乡村振兴制度性供给\n实施乡村振兴战略，必须深化改革。\n"
        "六、坚定文化自信，推动社会主义文化繁荣兴盛\n文化是一个国家的灵魂。\n"
    )
    for q in generate_questions(FILLER + "\n" + text):
        if q.template == "heading_single" and q.stem.startswith("材料中的小标题"):
            # clipped (推进|体制机制创新, 推动|社会主义文化繁荣兴盛) beside whole clauses
            assert not {"体制机制创新", "社会主义文化繁荣兴盛"} & set(q.options), q.options
        if q.template.startswith("heading"):
            assert q.answer != "坚定文化自信" and q.answer != ["坚定文化自信"], q.stem  # 文化…


def test_a_whole_list_is_blanked_only_when_the_stem_names_the_set() -> None:
    text = FILLER + (
        "坚持山水林田湖草沙一体化保护和系统治理，全方位、全地域、全过程加强生态环境保护，"
        "生态环境保护发生历史性、转折性、全局性变化。大力开发农业多种功能，延长产业链、"
        "提升价值链、完善利益链，通过保底分红、股份合作、利润返还等多种形式，让农民合理分享"
        "全产业链增值收益。"
    )
    for q in generate_questions(text):
        if q.kind == "cloze":
            assert q.answer != ["全方位、全地域、全过程"], q.stem
            assert q.template != "cloze_list" or "延长产业链" not in q.answer, q.stem


def test_statements_and_stems_do_not_open_on_a_pronoun_or_in_mid_list() -> None:
    text = FILLER + (
        "刘少奇同志在企业领域倡导试办托拉斯，提出实行两种教育制度和两种劳动制度，"
        "提议改革物资管理流通体制，等等，这些重要意见反映了他的远见卓识，也为党的"
        "十一届三中全会以后经济体制改革提供了有益借鉴。"
        "他还说：“必须把树立实事求是的作风，作为加强党性的第一个标准。”"
    )
    for q in generate_questions(text):
        if q.kind == "judge":
            assert not q.stem.startswith(("他", "这")), q.stem
        if "等等" in q.stem:
            assert q.stem.startswith("刘少奇同志"), q.stem


def test_no_two_wrong_options_where_one_holds_the_other() -> None:
    from quizapp.generation.distractors import best_candidates

    cands = ["双带头", "双带头人", "模范机关", "新乡贤", "第一书记", "守底线", "坚守底线"]
    picked = best_candidates("新就业群体", cands, 3, max_distance=8.0)
    assert picked is not None
    for a in picked:
        for b in picked:
            assert a == b or a not in b, picked


def test_a_wrong_option_the_stems_list_already_names_is_not_offered() -> None:
    text = FILLER + "加快建设农业强国，扎实推动乡村产业、人才、文化、生态、组织振兴。"
    for q in generate_questions(text):
        if q.kind == "single" and q.answer == "组织振兴":
            assert not {"产业振兴", "人才振兴", "文化振兴", "生态振兴"} & set(q.options), q.options


def test_review_13_stems_that_admit_another_answer_or_spell_the_key_are_not_asked() -> None:
    text = FILLER + (
        "党的十八大以来，我们坚持把解决好“三农”问题作为全党工作重中之重，"
        "农业农村发展取得了历史性成就，为党和国家事业全面开创新局面提供了重要支撑。\n"
        "实施乡村振兴战略，是党的十九大作出的重大决策部署，是新时代“三农”工作的总抓手。\n"
        "开展河湖水系连通和农村河塘清淤整治，全面推行河长制、湖长制。\n"
        "坚持自治、法治、德治相结合，确保乡村社会充满活力、和谐有序。"
    )
    questions = generate_questions(text)
    asked = answers(questions)
    # a period's opening (党的十九大 fits too), an agent slot (党中央 fits), a stock
    # evaluation (巨大成就 fits), a pair that 河湖 spells
    assert not asked & {"党的十八大", "党的十九大", "历史性成就", "河长制", "湖长制"}, asked
    assert {"自治", "法治", "德治"} & asked, asked  # 德 is paired with nothing: a formula


def test_a_single_choice_whose_answer_stands_out_by_length_is_dropped() -> None:
    from quizapp.generation.model import Question
    from quizapp.generation.pipeline import check_question

    q = Question(
        id="x",
        kind="single",
        stem="下列属于“新时代党的建设总要求”的是（　　）。",
        options=[
            "以调动全党积极性、主动性、创造性为着力点",
            "以党的思想建设为统领",
            "以党的组织建设为统领",
            "以加强基层组织建设为主线",
        ],
        answer="以调动全党积极性、主动性、创造性为着力点",
        keys=["新时代党的建设总要求"],
        source="",
        explanation="",
    )
    assert check_question(q) == "answer stands out by length"


def test_a_past_paragraph_lead_is_kept_for_its_listed_problems() -> None:
    text = (
        "十年前，我们面对的形势是，改革开放和社会主义现代化建设取得巨大成就，同时一系列长期积累"
        "及新出现的突出矛盾和问题亟待解决。党内存在不少对坚持党的领导认识模糊、行动乏力问题，"
        "有些党员、干部政治信仰发生动摇；经济结构性体制性矛盾突出，发展不平衡、不协调、不可持续，"
        "传统发展模式难以为继。"
    )
    for q in generate_questions(text):
        if q.kind == "cloze" and q.answer == ["不协调"]:
            assert q.stem.startswith("十年前，……"), q.stem
            break
    else:
        raise AssertionError("不协调 is asked")


def test_review_14_naming_by_count_conditions_and_framed_list_items() -> None:
    text = FILLER + (
        "统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设“五位一体”总体布局。\n"
        "中国共产党人深刻认识到，只有把马克思主义基本原理同中国具体实际相结合、"
        "同中华优秀传统文化相结合，坚持运用辩证唯物主义和历史唯物主义，"
        "才能正确回答时代和实践提出的重大问题，才能始终保持马克思主义的蓬勃生机和旺盛活力。"
    )
    questions = generate_questions(text)
    for q in questions:
        if q.template == "lex_name" and q.answer == "五位一体":
            # counting five members must not pick the one option with 五
            assert sum("五" in o for o in q.options) >= 2, q.options
        if q.kind == "cloze" and "只有把" in q.stem:
            assert "才能" in q.stem, q.stem  # a condition keeps what it leads to
    framed = [q for q in questions if q.template == "cloze_list" and "相结合" in q.stem]
    assert framed, "the 两个结合 are asked"
    for q in framed:
        assert "同（　　）相结合" in q.stem and "中国具体实际" in q.answer, (q.stem, q.answer)
        assert "同中国具体实际相结合" in q.accepted[q.answer.index("中国具体实际")]


def test_a_he_inside_a_stem_names_the_person_too() -> None:
    text = (
        "刘少奇同志是伟大的马克思主义者。刘少奇同志出生于湖南宁乡。刘少奇同志投身革命。"
        "刘少奇同志领导工人运动。刘少奇同志坚持真理。\n"
        "今天，我们在这里隆重集会。追思他为民族独立和人民解放、国家富强和人民幸福不懈奋斗的光辉生涯，"
        "学习和继承他的崇高精神风范。"
    )
    stems = [q.stem for q in generate_questions(text) if q.kind == "cloze" and "追思" in q.stem]
    assert stems and all(s.startswith("追思刘少奇同志为") for s in stems), stems


def test_a_list_of_three_is_never_one_blank() -> None:
    text = (
        FILLER
        + "推进科学立法、民主立法、依法立法，统筹立改废释纂，增强立法系统性、整体性、协同性、时效性。"
    )
    for q in generate_questions(text):
        if q.kind == "cloze":
            assert all("、" not in a for a in q.answer), (q.stem, q.answer)


def test_review_15b_a_pair_of_names_is_not_one_blank_and_open_class_lists_get_no_choice() -> None:
    text = FILLER + (
        "一些党员、干部缺乏担当精神，斗争本领不强，实干精神不足，形式主义、官僚主义现象仍较突出。\n"
        "重点纠治形式主义、官僚主义，坚决破除特权思想和特权行为。\n"
        "推进诚信建设，强化农民的社会责任意识、规则意识、集体意识、主人翁意识。"
    )
    questions = generate_questions(text)
    assert not [q for q in questions if q.kind == "cloze" and q.answer == ["形式主义、官僚主义"]]
    assert [q for q in questions if q.kind == "cloze" and q.answer == ["官僚主义"]]
    multis = [q for q in questions if q.template == "multi_enum"]
    assert not [q for q in multis if "规则意识" in q.answer], multis


def test_review_16b_anecdotes_and_bare_marks_over_free_phrases_are_not_asked() -> None:
    text = FILLER + (
        "刘少奇同志50岁生日的时候，朱德同志在一首诗里称赞他：“真理寻求得，平生能坚持。”\n"
        "乡村振兴，摆脱贫困是前提。\n"
        "乡村振兴，产业兴旺是重点。"
    )
    questions = generate_questions(text)
    assert not [q for q in questions if q.kind == "judge" and "一首诗" in q.stem]
    asked = answers(questions, kinds=("cloze", "single"))
    # (产业兴旺, a formula member, is a 单选 since rounds 20–20b)
    assert "摆脱贫困" not in asked and "产业兴旺" in asked, asked


def test_review_16_no_option_repeats_the_stem_or_lacks_what_every_answer_shares() -> None:
    from quizapp.generation.distractors import best_candidates

    picked = best_candidates(
        "政绩观",
        ["正确党史观", "权力观", "事业观", "价值观", "历史观"],
        3,
        stem="引导干部树立和践行正确（　　），推动干部能上能下。",
    )
    assert picked and "正确党史观" not in picked, picked
    text = FILLER + (
        "学习本领是领导干部必须具备的第一位本领，同时要善于把学到的本领运用到实际工作中去，"
        "努力做到知行合一、以知促行、以行求知。\n坚持党要管党、全面从严治党，加强党性锻炼。"
    )
    for q in generate_questions(text):
        if q.template == "multi_enum" and "知行合一" in q.answer:
            assert all("知" in o or "行" in o for o in q.options), q.options


def test_review_17_a_formula_named_bare_in_an_open_slot_is_not_blanked() -> None:
    text = FILLER + (
        "要心有所畏、言有所戒、行有所止，任何时候都不搞特权，不以权谋私，做到忠诚干净担当。\n"
        "我们要增强“四个意识”，坚定“四个自信”，做到“两个维护”。"
    )
    questions = generate_questions(text)
    # 做到（　　）。 takes 清正廉洁 as well
    assert not [q for q in questions if q.kind == "cloze" and q.stem.endswith("做到（　　）。")]
    # a formula named in quotes is still asked where it stands
    assert "四个自信" in answers(questions, kinds=("cloze",))


def test_review_19_a_parallel_half_or_a_cadre_slot_does_not_give_the_blank() -> None:
    text = FILLER + (
        "健全种业等领域科研人员以知识产权明晰为基础、以知识价值为导向的分配政策。\n"
        "树立选人用人正确导向，选拔忠诚干净担当的高素质专业化干部，选优配强各级领导班子。"
    )
    asked = answers(generate_questions(text), kinds=("cloze",))
    assert not asked & {"知识价值", "知识产权明晰", "忠诚干净担当"}, asked


def test_review_20_a_means_slot_or_a_cut_adjunct_is_not_asked() -> None:
    # 以（　　）为抓手: any tool fills a means slot; and 管理 in the next clause is no cue, so
    # the stem is not cut to the fragment 探索以（　　）为抓手、以现代信息技术为支撑。
    text = FILLER + (
        "加强农村警务工作。探索以网格化管理为抓手、以现代信息技术为支撑，"
        "实现基层服务和管理精细化精准化。\n"
        "坚持百花齐放、百家争鸣，坚持创造性转化、创新性发展，以社会主义核心价值观为引领，"
        "发展社会主义先进文化，弘扬革命文化。"
    )
    questions = generate_questions(text)
    assert "网格化管理" not in answers(questions)
    # a cue (发展) cut after a 以…为… adjunct would leave it without its verb
    assert not [q.stem for q in questions if q.stem.endswith("为引领。")]


def test_review_20_b_local_programmes_are_not_keys_nor_formula_lures() -> None:
    text = FILLER + (
        "推进农村“雪亮工程”建设，完善农村治安防控体系。实施“春雨工程”，组织文化志愿者下乡服务。"
        "推进党的建设新的伟大工程。建设一批重大工程。"
        "实施“光明工程”和“彩虹工程”，改善偏远地区学校条件。开展“暖冬工程”，帮助困难群众温暖过冬。"
    )
    questions = generate_questions(text)
    assert "雪亮工程" not in answers(questions, kinds=("cloze", "single", "judge"))
    assert not any("雪亮工程" in q.options for q in questions)
    # the other programmes are asked (as 填空; their 单选 is a doubtful one the bank drops), with
    # one another as look-alikes
    assert [q for q in questions if q.kind == "cloze" and q.answer[0].endswith("工程")]
    made = undropped(text)[0]
    programmes = [q for q in made if q.kind == "single" and q.answer.endswith("工程")]
    assert programmes
    for q in programmes:
        assert not {"伟大工程", "重大工程"} & set(q.options), q.options


def test_review_20_c_modifier_of_a_budget_line_or_an_open_fault_is_not_asked() -> None:
    text = FILLER + (
        "新增脱贫攻坚资金项目主要投向深度贫困地区，增加金融投入对深度贫困地区的支持。\n"
        "提升贫困群众发展生产的基本技能，实现可持续稳固脱贫。"
        "引导贫困群众克服等靠要思想，逐步消除精神贫困。"
    )
    questions = generate_questions(text)
    assert not [q.stem for q in questions if f"{BLANK}资金" in q.stem]
    assert "等靠要思想" not in answers(questions)


def test_review_20_d_short_items_of_one_opening_keep_one_shown() -> None:
    # 促进医保、（医疗）、医药: the siblings give 医, the pattern the rest; the list cloze of
    # 可信、可爱、可敬 shows its first item, so the pattern is on the page
    text = FILLER + (
        "深化医药卫生体制改革，促进医保、医疗、医药协同发展和治理，推动公立医院改革。\n"
        "讲好中国故事、传播好中国声音，展现可信、可爱、可敬的中国形象，提升国家文化软实力。"
    )
    questions = generate_questions(text)
    singles = [q for q in questions if q.template in ("cloze", "single")]
    assert not answers(singles) & {"医保", "医疗", "医药", "可信", "可爱", "可敬"}
    lists = [q for q in questions if q.template == "cloze_list" and "中国形象" in q.stem]
    assert lists and all("展现可信、" in q.stem for q in lists), [q.stem for q in lists]


@pytest.mark.parametrize("known", [False, True])
def test_review_20_e_modifier_lures_make_a_phrase_with_the_shared_head(known: bool) -> None:
    # 打造宜居、（韧性）、智慧城市 took 全局性/主动性/历史性: no kind of city
    text = FILLER + (
        "增强工作的全局性、主动性、创造性、历史性，提高干部的能力。"
        "加强城市基础设施建设，打造宜居、韧性、智慧城市，提高城市治理水平。"
    )
    if known:
        text += "各地积极建设海绵城市、低碳城市、生态城市，改善人居环境。"
    singles = [q for q in generate_questions(text) if q.kind == "single" and q.answer == "韧性"]
    for q in singles:
        assert all(o in ("韧性", "海绵", "低碳", "生态") for o in q.options), q.options
    assert bool(singles) == known  # fewer than three X城市 the text or lexicon knows: no 单选


def test_review_20_f_a_bare_first_object_opening_a_subsection_is_not_asked() -> None:
    # only the heading pins 扎实推进（　　）; mid-section, the clause after pins 深入开展（　　）
    text = FILLER + (
        "\n（一）加强农村基层党组织建设。扎实推进抓党建促乡村振兴，突出政治功能，提升组织力，"
        "把农村基层党组织建成坚强战斗堡垒。\n"
        "（二）建设平安乡村。健全落实社会治安综合治理领导责任制，大力推进农村社会治安防控体系建设。"
        "深入开展扫黑除恶专项斗争，严厉打击农村宗族恶势力和黄赌毒盗拐骗等违法犯罪。\n"
    )
    asked = answers(generate_questions(text), kinds=("cloze",))
    assert "抓党建促乡村振兴" not in asked
    assert "扫黑除恶专项斗争" in asked


def stems_of(questions, answer: str) -> list[str]:
    return [q.stem for q in questions if q.kind == "cloze" and answer in q.answer]


def test_review_20_an_abbreviation_of_the_key_is_a_cue() -> None:
    text = FILLER + (
        "刘少奇同志是新中国第一任全国人大常委会委员长，用很大精力建立健全人民代表大会这个崭新的"
        "制度，主持制定一大批重要法律法规，为新中国法律制度形成和发展起了重要作用。\n"
        "各级人大常委会要坚持和完善人民代表大会制度。"
    )
    qs = generate_questions(text)
    stems = stems_of(qs, "人民代表大会")
    # the clause printing 人大 is cut, and the person it named stays the subject
    assert stems and all("人大" not in s for s in stems), stems
    assert any(s.startswith("刘少奇同志用很大精力") for s in stems), stems
    # 人大 in the blank's own clause: no question
    own = "全国人大常委会要坚持和完善人民代表大会制度，保证人民当家作主。"
    at = own.index("人民代表大会")
    assert _without_cues(own, _clauses(own), at, at + 6, 0, 0, 0, 1) == (-1, -1)
    assert _abbreviation_cues("政协委员") == {"政治协商会议"}


def test_review_20_a_clause_echoing_a_rare_character_of_the_key_is_cut() -> None:
    text = FILLER + (
        "我们要牢记理想信念是共产党人安身立命的根本，是共产党人的政治灵魂，在立根固魂上下功夫，"
        "把远大理想同我们正在做的事情统一起来。"
    )
    stems = stems_of(generate_questions(text), "政治灵魂")
    assert stems and all("固魂" not in s for s in stems), stems


def test_review_20_only_the_neighbouring_yi_wei_half_is_a_cue() -> None:
    text = FILLER + (
        "坚定维护以联合国为核心的国际体系、以国际法为基础的国际秩序、"
        "以联合国宪章宗旨和原则为基础的国际关系基本准则，反对一切形式的单边主义。"
    )
    assert "联合国宪章宗旨和原则" in answers(generate_questions(text), kinds=("cloze",))


def test_review_20_report20_still_asks_the_un_charter(report20) -> None:
    assert "联合国宪章宗旨和原则" in answers(report20, kinds=("cloze",))


def test_review_20_a_member_under_a_bare_mark_is_asked_among_its_formula() -> None:
    text = FILLER + (
        "实施乡村振兴战略，要坚持产业兴旺、生态宜居、乡风文明、治理有效、生活富裕的总要求。\n"
        "乡村振兴，产业兴旺是重点。\n乡村振兴，生态宜居是关键。\n"
    )
    qs = generate_questions(text)
    assert not [q for q in qs if q.kind == "cloze" and q.stem.startswith("乡村振兴，（")]
    singles = {q.answer: q for q in qs if q.template == "thesis_single"}
    assert set(singles) == {"产业兴旺", "生态宜居"}, singles
    members = {"产业兴旺", "生态宜居", "乡风文明", "治理有效", "生活富裕"}
    for q in singles.values():
        assert set(q.options) <= members and len(q.options) == 4, q.options


def test_review_20_a_lex_name_has_lures_of_its_own_field(shared_dir: Path) -> None:
    from quizapp.generation.builders import _field_of
    from quizapp.generation.pipeline import load_lexicon

    lexicon = load_lexicon()
    field = {f.name: _field_of(f) for f in lexicon.formulas}
    assert field.get("社会主义新农村建设总要求") == "发展"
    path = shared_dir / "corpus" / "policy_rural_revitalization_opinions_2018.txt"
    names = [
        q for q in generate_questions(path.read_text(encoding="utf-8")) if q.template == "lex_name"
    ]
    assert names
    for q in names:
        if q.answer[:1] in "一二两三四五六七八九十":
            # (sixth session) a numbered name takes numbered lures of its count first
            # (FT7 #22, QT2 #22): 五位一体 has no five-member numbered name of its field
            assert all(o[:1] in "一二两三四五六七八九十" for o in q.options), q.options
            continue
        same = [o for o in q.options if o != q.answer and field.get(o) == field[q.answer]]
        assert len(same) >= 2, (q.stem, q.options)


def test_review_20_a_count_starting_again_opens_a_new_heading_series() -> None:
    from quizapp.generation import find_key_phrases

    text = (
        "一、健全干部激励机制\n1、要为担当的干部担当。对此，我们一定要给予充分理解。\n"
        "一要正确区分性质责任。保护那些敢作敢为的干部。\n二要完善容错免责机制。推出容错纠错机制。\n"
        "三要营造良好政治生态。形成风清气正的环境。\n"
        "以上意见，供大家参考。这里，我简单提三点要求：\n一要端正学风。要静下心来认真学习。\n"
        "二要加强思考。多一些琢磨。\n三要学以致用。学习的目的全在于运用。\n"
    )
    groups = {k.text: k.group for k in find_key_phrases(text) if k.type == "heading"}
    assert "端正学风" not in groups.get("正确区分性质责任", ()), groups


def test_review_21_a_list_cloze_accepts_the_spellings_of_a_single_blank() -> None:
    from quizapp.generation.checking import check_answer

    # 互相尊重 / 相互尊重 was taken in the single cloze but refused in the list cloze
    text = FILLER + (
        "中国共产党愿在独立自主、完全平等、互相尊重、互不干涉内部事务原则基础上"
        "加强同各国政党和政治组织交流合作。\n"
        "刘少奇同志参与我国经济发展第一个五年计划的制定、审议、实施，使国家经济发展有了明确方向和目标。"
    )
    questions = generate_questions(text)
    lists = [q for q in questions if q.template == "cloze_list" and "互相尊重" in q.answer]
    assert lists
    for q in lists:
        given = ["相互尊重" if a == "互相尊重" else a for a in q.answer]
        assert check_answer(q, given), q.accepted
    plans = [q for q in questions if q.kind == "cloze" and q.answer == ["第一个五年计划"]]
    assert plans
    assert all(check_answer(q, ["一五计划"]) and check_answer(q, ["“一五”计划"]) for q in plans)


@pytest.mark.parametrize("rural", [True, False])
def test_review_21_b_a_campaign_modifying_an_organ_head_is_open(rural: bool) -> None:
    # 全县（脱贫攻坚）总指挥部 in a text on 乡村振兴: 乡村振兴 fits the modifier slot as well
    lead = "实施乡村振兴战略，推动乡村振兴取得新进展，乡村振兴要久久为功。" if rural else ""
    body = (
        "坚持中央统筹省负总责市县抓落实的工作机制。"
        "强化县级党委作为全县脱贫攻坚总指挥部的关键作用，贫困县县级党政正职要保持稳定。"
    )
    text = FILLER + lead + body
    questions = generate_questions(text)
    organ = [q for q in questions if f"{BLANK}总指挥部" in q.stem]
    if rural:
        assert not organ, [q.stem for q in organ]
    else:  # the text's own campaign: the organ pins it
        assert organ


def test_review_21_c_lures_of_a_small_class_are_its_own_kind_and_one_name_each() -> None:
    from quizapp.generation import distractors as dis
    from quizapp.generation.pipeline import load_lexicon

    lexicon = load_lexicon()
    # two names of one thing are never two lures (高素质农民 is the later name of 新型职业农民)
    pool = ["新型职业农民", "高素质农民", "乡村工匠", "新乡贤", "农村能人"]
    best = dis.best_candidates("科技特派员", pool, 3, max_distance=9.0, aliases=lexicon.names)
    assert best is not None
    assert not {"新型职业农民", "高素质农民"} <= set(best), best
    # cadres sent to a village took cadres as lures, not kinds of villagers; since review 23
    # they take no 单选 at all (驻村工作队 is sent as well: test_review_23_g)
    text = FILLER + (
        "持续整顿软弱涣散村党组织，着力引导农村党员发挥先锋模范作用。"
        "全面向贫困村、软弱涣散村和集体经济薄弱村党组织派出第一书记，建立长效机制。"
    )
    singles = [q for q in generate_questions(text) if q.kind == "single"]
    assert not [q for q in singles if q.answer == "第一书记"]
    # a member of a small class whose mates are printed in the stem has no 单选
    text = FILLER + (
        "坚持和完善人民代表大会制度、中国共产党领导的多党合作和政治协商制度、"
        "民族区域自治制度、基层群众自治制度，巩固和发展最广泛的爱国统一战线。"
    )
    questions = generate_questions(text)
    assert not [q for q in questions if q.kind == "single" and q.answer == "基层群众自治制度"]


def test_review_21_d_a_heading_single_needs_a_standard_term_in_its_key() -> None:
    # 十、（汇聚全社会力量），强化乡村振兴人才支撑: layout, told apart by topic
    text = (
        "一、提升农业发展质量，培育乡村发展新动能\n乡村振兴，产业兴旺是重点。\n"
        "二、加强农村基层基础工作，构建乡村治理新体系\n乡村振兴，治理有效是基础。\n"
        "三、汇聚全社会力量，强化乡村振兴人才支撑\n实施乡村振兴战略，必须破解人才瓶颈制约。\n"
        "四、坚定不移全面从严治党，深入推进新时代党的建设新的伟大工程\n全面从严治党永远在路上。\n"
        "五、构建新发展格局，着力推动高质量发展\n高质量发展是首要任务。\n"
    )
    asked = {q.answer for q in generate_questions(text) if q.template == "heading_single"}
    assert not asked & {"提升农业发展质量", "加强农村基层基础工作", "汇聚全社会力量"}, asked
    assert {"构建新发展格局", "坚定不移全面从严治党"} <= asked  # a standard term in the key


def test_review_22_a_cut_leaving_a_bare_lead_in_is_not_asked() -> None:
    # 坚持大抓基层的鲜明导向，（抓党建促乡村振兴）。: the cut dropped the key's rivals
    text = FILLER + (
        "坚持大抓基层的鲜明导向，抓党建促乡村振兴，加强城市社区党建工作，推进以党建引领基层治理，"
        "持续整顿软弱涣散基层党组织，把基层党组织建设成为有效实现党的领导的坚强战斗堡垒。"
    )
    assert "抓党建促乡村振兴" not in answers(generate_questions(text), kinds=("cloze",))


def test_review_22_b_parallel_clauses_stay_and_generic_predicates_are_open() -> None:
    qs = generate_questions(
        FILLER + "我们有党的领导的政治优势，有社会主义的制度优势，有亿万农民的创造精神，"
        "有强大的经济实力支撑，有历史悠久的农耕文明，完全有条件有能力实施乡村振兴战略。"
    )
    stems = stems_of(qs, "制度优势")
    assert stems and all(s.startswith("我们有党的领导的政治优势") for s in stems), stems
    # cut on both sides, the blank opening the stem before 加快建设: no cloze. (Since the
    # fifteenth session 法治 inside 依法治国 is no echo of the key, so the clause before stays
    # and the blank no longer opens the stem: 全面依法治国总体格局基本形成，（　　）加快建设，…)
    qs = generate_questions(
        FILLER + "社会主义法治国家建设深入推进，全面依法治国总体格局基本形成，"
        "中国特色社会主义法治体系加快建设，司法体制改革取得重大进展，"
        "社会公平正义保障更为坚实，法治中国建设开创新局面。"
    )
    stems = stems_of(qs, "中国特色社会主义法治体系")
    assert all(not s.startswith("（") and "依法治国" in s for s in stems), stems


def test_review_22_c_an_echo_of_the_first_word_is_cut() -> None:
    text = FILLER + (
        "学习本领是领导干部必须具备的第一位本领，同时要善于把学到的本领运用到实际工作中去，"
        "努力做到知行合一、以知促行、以行求知。"
    )
    stems = stems_of(generate_questions(text), "学习本领")
    # (since round 24 a list item whose clause prints its head gets no cloze at all)
    assert all("学到的本领" not in s for s in stems), stems


def test_review_22_d_a_contraction_of_the_key_is_a_cue() -> None:
    text = FILLER + (
        "深入开展扫黑除恶专项斗争，严厉打击农村黑恶势力、宗族恶势力，"
        "严厉打击黄赌毒盗拐骗等违法犯罪。"
    )
    assert "扫黑除恶专项斗争" not in answers(generate_questions(text))


def test_review_22_e_a_fault_slot_gets_no_cloze() -> None:
    text = FILLER + (
        "刘少奇同志高度重视由分配和物质利益引发的人民内部矛盾，"
        "高度重视由官僚主义作风引发的干群矛盾等问题，提出许多重要见解。"
    )
    qs = generate_questions(text)
    assert "官僚主义" not in answers(qs, kinds=("cloze",))
    for q in qs:
        if q.kind == "single" and q.answer == "官僚主义":
            assert not {"形式主义", "命令主义", "享乐主义"} & set(q.options), q.options


def test_review_22_f_a_shared_category_noun_stays_outside_the_last_blank() -> None:
    from quizapp.generation import find_key_phrases

    text = FILLER + "深化整治权力集中、资金密集、资源富集领域的腐败，坚决惩治群众身边的“蝇贪”。"
    groups = {k.group for k in find_key_phrases(text) if k.type == "enumeration"}
    assert ("权力集中", "资金密集", "资源富集") in groups, groups
    lists = [q for q in generate_questions(text) if q.template == "cloze_list"]
    assert all(q.answer == ["权力集中", "资金密集", "资源富集"] for q in lists), lists
    assert any("）领域的腐败" in q.stem for q in lists)


def test_review_22_g_list_item_lures_keep_its_length_and_opening() -> None:
    text = FILLER + (
        "坚持房子是用来住的、不是用来炒的定位，加快建立多主体供给、多渠道保障、租购并举的住房制度。"
        "就业更加充分、收入更有保障、生活更可持续。完善社会保障制度，加强权益保障。"
        "完善党委领导、政府负责、社会协同、公众参与、法治保障的社会治理体制，强化制度保障。"
    )
    for q in generate_questions(text):
        if q.kind == "single" and q.answer == "多渠道保障":
            wrong = [o for o in q.options if o != q.answer]
            assert all(len(o) == 5 and o.startswith("多") for o in wrong), q.options
        if q.kind == "single":
            assert not [o for o in q.options if o[0] in "更最"], q.options


def test_review_22_h_short_attribute_lists_get_no_single_blank() -> None:
    text = FILLER + (
        "深入推进农业绿色化、优质化、特色化、品牌化，调整优化农业生产力布局。"
        "大力培育服务性、公益性、互助性农村社会组织，积极发展农村社会工作。"
        "推进社会主义民主政治制度化、规范化、程序化，保证人民依法管理国家事务。"
    )
    qs = generate_questions(text)
    singles = answers([q for q in qs if q.template == "cloze"], kinds=("cloze",))
    assert not singles & {"绿色化", "优质化", "特色化", "品牌化", "服务性", "公益性", "互助性"}
    assert "规范化" in singles  # a list the lexicon knows whole


def stems_with(questions, answer: str) -> list[str]:
    return [
        q.stem
        for q in questions
        if q.kind in ("cloze", "single")
        and (q.answer == answer or (isinstance(q.answer, list) and answer in q.answer))
    ]


def test_review_23_a_a_years_back_lead_stays_in_the_window() -> None:
    text = FILLER + (
        "五年来，我们坚持加强党的全面领导和党中央集中统一领导，全力推进全面建成小康社会进程，"
        "完整、准确、全面贯彻新发展理念，着力推动高质量发展，主动构建新发展格局。"
    )
    stems = stems_with(generate_questions(text), "全面建成小康社会")
    assert stems and all(s.startswith("五年来，") for s in stems), stems


def test_review_23_f_a_function_prefix_triad_gets_no_single_blank() -> None:
    text = FILLER + (
        "我们要站稳人民立场、把握人民愿望、尊重人民创造、集中人民智慧，"
        "形成为人民所喜爱、所认同、所拥有的理论，使之成为强大思想武器。"
    )
    qs = generate_questions(text)
    singles = answers([q for q in qs if q.template == "cloze"], kinds=("cloze",))
    assert not singles & {"所喜爱", "所认同", "所拥有"}, singles


def test_review_23_b_a_standard_wording_one_member_off_is_accepted() -> None:
    from quizapp.generation.checking import check_answer

    text = FILLER + (
        "推动城乡要素自由流动、平等交换，推动新型工业化、信息化、城镇化、农业现代化同步发展，"
        "加快形成工农互促、城乡互补、全面融合、共同繁荣的新型工农城乡关系。"
    )
    qs = [q for q in generate_questions(text) if q.template == "cloze_list"]
    q = next(q for q in qs if "全面融合" in q.answer)
    assert "协调发展" in q.explanation and "全面融合" in q.explanation
    given = ["协调发展" if a == "全面融合" else a for a in q.answer]
    assert check_answer(q, given)
    assert not check_answer(q, ["协调发展" if a == "共同繁荣" else a for a in given])


def test_review_23_c_a_partly_quoted_standard_list_gets_no_single_blank() -> None:
    text = FILLER + (
        "深入实施区域协调发展战略，推进京津冀协同发展、长江经济带发展、长三角一体化发展，"
        "推动黄河流域生态保护和高质量发展，高标准、高质量建设雄安新区。"
    )
    qs = generate_questions(text)
    singles = answers([q for q in qs if q.template in ("cloze", "single")])
    assert not singles & {"京津冀协同发展", "长江经济带发展", "长三角一体化发展"}, singles


def test_review_23_d_a_term_fixed_by_its_collocate_is_not_blanked() -> None:
    text = FILLER + "深化与“一带一路”沿线国家和地区农产品贸易关系。"
    assert "一带一路" not in answers(generate_questions(text))


def test_review_23_e_a_name_lure_of_another_count_is_not_offered() -> None:
    text = FILLER + "我们要坚定不移贯彻创新、协调、绿色、开放、共享的新发展理念，推动高质量发展。"
    lures = [
        o
        for q in generate_questions(text)
        if q.template == "lex_name" and q.answer == "新发展理念"
        for o in q.options
        if o != q.answer
    ]
    assert lures and not [o for o in lures if o[:1] in "一两二三四六七八九十"], lures


def test_review_23_g_posted_cadres_get_no_single() -> None:
    text = FILLER + (
        "全面向贫困村、软弱涣散村和集体经济薄弱村党组织派出第一书记。"
        "建立选派第一书记工作长效机制，向贫困村选派驻村工作队。"
    )
    qs = generate_questions(text)
    assert not [q for q in qs if q.kind == "single" and q.answer == "第一书记"]


def test_review_24_a_task_phrase_before_wei_zhongdian_is_not_a_key() -> None:
    text = FILLER + (
        "以解决突出制约问题为重点，以重大扶贫工程和到村到户帮扶为抓手，加大政策倾斜力度。"
        "以深度贫困地区为重点，以驻村帮扶为抓手，着力改善发展条件。"
    )
    got = answers(generate_questions(text))
    assert not got & {"解决突出制约问题", "深度贫困地区"}, got


def test_review_24_b_a_manner_idiom_alone_in_its_clause_is_open() -> None:
    text = FILLER + "既尽力而为，又量力而行，不搞层层加码，不搞形式主义，久久为功，扎实推进。"
    assert "久久为功" not in answers(generate_questions(text))


def test_review_24_c_a_list_anchored_only_by_its_shared_suffix_is_not_a_cloze_list() -> None:
    text = FILLER + (
        "推进京津冀协同发展、长江经济带发展、长三角一体化发展，推动经济高质量发展。"
        "推进粤港澳大湾区建设，支持香港、澳门更好融入国家发展大局。"
    )
    lists = [q for q in generate_questions(text) if q.template == "cloze_list"]
    assert not lists, [q.stem for q in lists]


def test_review_24_d_a_class_pick_gets_no_cloze_list() -> None:
    from quizapp.generation.builders import _class_pick
    from quizapp.generation.lexicon import load_lexicon

    class Ctx:  # just what _class_pick reads
        lexicon = load_lexicon()
        indexes: dict = {}

        class ex:
            class doc:
                sentences = [type("S", (), {"text": "推进粤港澳大湾区建设。", "index": 1})()]

    items = ("京津冀协同发展", "长江经济带发展", "长三角一体化发展")
    assert _class_pick(Ctx, items, 0)
    Ctx.indexes = {}
    assert not _class_pick(Ctx, items, 1)  # (named only in the list's own sentence: shown)


def test_review_24_e_broad_class_lures_need_the_list_s_frame() -> None:
    text = FILLER + (
        "完善党中央重大决策部署落实机制，确保全党在政治立场、政治方向、政治原则、政治道路上"
        "同党中央保持高度一致，确保党的团结统一。"
    )
    multis = [
        q for q in generate_questions(text) if q.kind == "multiple" and "政治道路" in q.answer
    ]
    assert multis
    for q in multis:
        assert set(q.options) - set(q.answer) <= {"政治信仰", "政治路线"}, q.options


def test_a_list_multi_prints_the_items_it_does_not_ask() -> None:
    # FB #19: the blank stood for all four 四化 while the answer held three of them, so the
    # stem misquoted the list and 农业现代化 was silently lost
    text = FILLER + (
        "新型工业化、信息化、城镇化、农业现代化取得重大进展，发展新质生产力、构建新发展格局"
        "取得重大突破。理论创新、实践创新、制度创新、文化创新以及其他各方面创新不断推进。"
    )
    multis = {q.stem: q for q in generate_questions(text) if q.template == "multi_enum"}
    four = [q for stem, q in multis.items() if "取得重大进展" in stem]
    assert four and all(q.stem.startswith("新型工业化、（　　）取得重大进展") for q in four)
    assert all(q.answer == ["信息化", "城镇化", "农业现代化"] for q in four)
    assert not [q for q in multis.values() if any(a.startswith("其他") for a in q.answer)]


def test_review_24_f_a_list_item_whose_clause_shows_its_head_gets_no_cloze() -> None:
    text = FILLER + "学习本领是领导干部必须具备的第一位本领，同时要善于在实践中增长才干。"
    qs = [q for q in generate_questions(text) if "学习本领" in q.keys]
    assert not any(q.kind == "cloze" for q in qs), [q.stem for q in qs]


def test_review_25_a_posted_cadres_get_no_cloze_either() -> None:
    text = FILLER + (
        "全面向贫困村、软弱涣散村和集体经济薄弱村党组织派出第一书记。"
        "建立选派第一书记工作长效机制，向贫困村选派驻村工作队。"
    )
    qs = [q for q in generate_questions(text) if q.kind in ("cloze", "single")]
    assert not [q.stem for q in qs if "第一书记" in q.keys], [q.stem for q in qs]


def test_review_25_b_a_cue_cut_that_leaves_a_bare_slot_is_open() -> None:
    from quizapp.generation.builders import _thin_open_slot

    text = FILLER + "树立大食物观，发展设施农业，构建多元化食物供给体系。"
    stems = [q.stem for q in generate_questions(text) if "大食物观" in q.keys]
    assert not [s for s in stems if s.startswith("树立" + BLANK)], stems
    blank = "树立大食物观，发展设施农业。"
    assert _thin_open_slot(blank, 2, 6)
    assert not _thin_open_slot("树立大食物观，发展设施农业，构建多元化食物供给体系。", 2, 6)
    assert not _thin_open_slot("树立大食物观的要求，发展设施农业。", 2, 6)


def test_review_25_c_a_standard_whole_list_keeps_its_cloze_list() -> None:
    from quizapp.generation.builders import _list_anchored, _list_anchored_or_known
    from quizapp.generation.lexicon import load_lexicon

    class Ctx:  # just what _list_anchored_or_known reads
        lexicon = load_lexicon()

    stem = "坚持科学决策、民主决策、依法决策，全面落实重大决策程序制度。"
    items = ("科学决策", "民主决策", "依法决策")
    assert not _list_anchored(stem, 2, 16, items)  # (决策 is the items' shared ending)
    assert _list_anchored_or_known(Ctx, stem, 2, 16, items)
    assert not _list_anchored_or_known(Ctx, stem, 2, 16, ("科学决策", "民主决策", "高效决策"))
    text = FILLER + stem
    lists = [q for q in generate_questions(text) if q.template == "cloze_list"]
    assert [q for q in lists if set(q.answer) == {"科学决策", "民主决策", "依法决策"}], lists


def test_review_25_d_a_word_every_item_holds_anchors_no_whole_list() -> None:
    from quizapp.generation.builders import _list_anchored

    stem = "推动工业全面升级、城市全面进步、市民全面发展，谱写新时代城乡全面繁荣新篇章。"
    items = ("工业全面升级", "城市全面进步", "市民全面发展")
    a = stem.index(items[0])
    b = stem.index(items[-1]) + len(items[-1])
    assert not _list_anchored(stem, a, b, items)
    assert _list_anchored(stem.replace("城乡全面繁荣", "工业城市市民"), a, b, items)
    qs = generate_questions(FILLER + stem)
    assert not [q for q in qs if q.template == "cloze_list"]
    assert answers([q for q in qs if q.template == "cloze"], kinds=("cloze",)) >= set(items[1:2])


def test_review_25_e_a_standard_list_one_member_off_shares_the_items_head() -> None:
    from quizapp.generation.checking import check_answer

    text = FILLER + (
        "霸权霸道霸凌行径危害深重，和平赤字、发展赤字、安全赤字、治理赤字加重，"
        "人类社会面临前所未有的挑战。"
    )
    singles = {q.answer[0]: q for q in generate_questions(text) if q.template == "cloze"}
    q = singles["安全赤字"]
    assert check_answer(q, ["信任赤字"]) and "信任赤字" in q.explanation
    assert not check_answer(singles["治理赤字"], ["信任赤字"])


def test_transfer_1_a_semicolon_is_a_hard_edge_of_the_window() -> None:
    text = FILLER + (
        "全会认为，总结党的百年奋斗重大成就和历史经验，是在建党百年历史条件下开启全面建设社会主义"
        "现代化国家新征程、在新时代坚持和发展中国特色社会主义的需要；是确保全党步调一致向前进的"
        "需要；是推进党的自我革命、提高全党斗争本领和应对风险挑战能力、永葆党的生机活力、团结带领"
        "全国各族人民为实现中华民族伟大复兴的中国梦而继续奋斗的需要。"
        "新时代的广大共青团员，要做理想远大、信念坚定的模范，带头学习马克思主义理论，树立共产主义"
        "远大理想；要做敢于斗争、善于斗争的模范，带头迎难而上、攻坚克难，做到不信邪、不怕鬼、"
        "骨头硬；要做艰苦奋斗、无私奉献的模范，带头站稳人民立场，脚踏实地、求真务实。"
    )
    qs = [q for q in generate_questions(text) if q.kind in ("cloze", "single")]
    for q in qs:
        body = q.stem.split("……")[-1]
        assert "；" not in body.rstrip("。"), q.stem
    revolution = [q for q in qs if "自我革命" in q.keys]
    assert revolution
    for q in revolution:
        assert q.stem.startswith("全会认为，总结党的百年奋斗重大成就和历史经验，……是推进"), q.stem
    dedication = [q for q in qs if "无私奉献" in q.keys]
    assert dedication
    for q in dedication:
        assert q.stem.startswith("新时代的广大共青团员，……要做"), q.stem


def test_transfer_1_b_a_topic_clause_leads_a_stem_with_no_subject() -> None:
    text = FILLER + (
        "开展主题教育，总要求是“学思想、强党性、重实践、建新功”，根本任务是坚持学思用贯通、知信行"
        "统一，使全党始终保持统一的思想、坚定的意志、协调的行动、强大的战斗力，努力在以学铸魂、"
        "以学增智、以学正风、以学促干方面取得实实在在的成效。"
    )
    lists = [q for q in generate_questions(text) if "以学增智" in q.keys and "努力在" in q.stem]
    assert lists
    for q in lists:
        assert q.stem.startswith("开展主题教育，"), q.stem


def test_transfer_1_c_a_window_never_ends_inside_an_open_preposition_frame() -> None:
    text = FILLER + (
        "五年来，党中央统筹中华民族伟大复兴战略全局和世界百年未有之大变局，召开七次全会，分别就"
        "宪法修改，深化党和国家机构改革，坚持和完善中国特色社会主义制度、推进国家治理体系和治理"
        "能力现代化，制定“十四五”规划和二〇三五年远景目标，全面总结党的百年奋斗重大成就和历史"
        "经验等重大问题作出决定和决议，就党和国家事业发展作出重大战略部署。"
    )
    for q in generate_questions(text):
        assert not q.stem.endswith("深化党和国家机构改革。"), q.stem
        assert "分别就" not in q.stem or "作出决定" in q.stem, q.stem


def test_transfer_2_a_a_blank_before_a_generic_head_is_open() -> None:
    text = FILLER + (
        "认真学习中国式现代化理论，围绕统筹推进“五位一体”总体布局，有侧重地进行研读。"
        "要涵养廉洁自律的道德修为，心有所畏、言有所戒、行有所止。"
        "我们坚持以人民为中心的发展思想，不断实现好、维护好、发展好最广大人民根本利益。"
    )
    qs = generate_questions(text)
    bad = [q.stem for q in qs if {"中国式现代化", "廉洁自律"} & set(q.keys)]
    assert not bad, bad
    # (a standard list holds 坚持以人民为中心的发展思想: the head is pinned)
    assert any("以人民为中心" in q.keys for q in qs if q.kind == "cloze")


def test_transfer_2_b_an_era_filling_the_opening_clause_gets_no_cloze() -> None:
    text = FILLER + (
        "中国特色社会主义新时代，共青团积极投身伟大斗争、伟大工程、伟大事业、伟大梦想波澜壮阔的"
        "实践，坚持守正创新、踔厉奋发，全面深化自身改革。"
        "社会主义革命和建设时期，共青团积极参与中华民族有史以来最为广泛而深刻的社会变革。"
    )
    clozes = [
        q.stem
        for q in generate_questions(text)
        if q.kind == "cloze" and {"中国特色社会主义新时代", "社会主义革命和建设时期"} & set(q.keys)
    ]
    assert not clozes, clozes


def test_transfer_3_a_term_glued_to_half_of_its_modifier_is_not_blanked() -> None:
    text = FILLER + (
        "要自觉对标全面从严治党经验做法，以改革创新精神和从严从实之风加强自身建设，严于管团治团。"
        "推进诚信建设，强化农民的社会责任意识、规则意识、集体意识、主人翁意识。"
    )
    for q in generate_questions(text):
        assert "改革（" not in q.stem and "社会（" not in q.stem, q.stem


def test_transfer_4_a_a_first_item_is_cut_from_its_end() -> None:
    text = FILLER + (
        "在新的征程上，如何更好把青年团结起来、组织起来、动员起来，为实现第二个百年奋斗目标而奋斗，"
        "是新时代青年工作必须回答的重大课题。"
    )
    qs = generate_questions(text)
    assert not any("团（" in q.stem for q in qs), [q.stem for q in qs]
    assert any("团结起来" in q.keys for q in qs if q.kind == "cloze")


def test_transfer_4_b_a_list_s_leading_verb_is_not_an_item() -> None:
    from quizapp.generation.keyphrases import _Boundaries, _split_enumeration

    run = "多到困难多、群众意见集中、工作打不开局面"
    items = _split_enumeration(run, 0, _Boundaries(run, 0, len(run), len(run)))
    assert items and items[0][0] == "困难多", items
    text = FILLER + (
        "要多采取“四不两直”方式，多到困难多、群众意见集中、工作打不开局面的地方和单位，"
        "体察实情、解剖麻雀，把问题研究透彻。"
    )
    for q in generate_questions(text):
        assert "多到困难多" not in q.keys, q.stem


def test_transfer_4_c_a_whole_list_cloze_needs_the_group_score() -> None:
    from quizapp.generation.builders import _series_cloze
    from quizapp.generation.model import KeyPhrase

    items = ("产业结构", "能源结构", "交通运输结构")
    key = KeyPhrase("、".join(items), "series", 0, 4, 18, 0.5, None, items)

    class Ctx:  # just what the guard reads: no group of the text scored 0.55
        class ex:
            groups: dict = {}

    assert list(_series_cloze(Ctx, key, None)) == []  # type: ignore[arg-type]


def test_transfer_5_a_a_manner_idiom_paired_with_another_is_open() -> None:
    text = (
        FILLER
        + "突出实践导向，真抓实干、务求实效，紧紧围绕新时代新征程党的中心任务，推动高质量发展。"
    )
    bad = [q.stem for q in generate_questions(text) if "真抓实干" in q.keys]
    assert not bad, bad


def test_transfer_5_b_a_shared_opening_and_ending_leave_no_single_blank() -> None:
    text = FILLER + (
        "社会主义革命和建设时期，共青团积极参与社会变革，组建青年突击队、青年垦荒队、青年扫盲队，"
        "开展学雷锋活动。"
    )
    qs = [q for q in generate_questions(text) if q.kind in ("cloze", "single")]
    bad = [q.stem for q in qs if "青年垦荒队" in q.keys and q.template != "cloze_list"]
    assert not bad, bad


def test_transfer_5_c_a_quoted_twin_spells_the_key() -> None:
    text = FILLER + "党中央坚定落实“爱国者治港”、“爱国者治澳”，推动香港局势实现由乱到治的重大转折。"
    bad = [q.stem for q in generate_questions(text) if {"爱国者治港", "爱国者治澳"} & set(q.keys)]
    assert not bad, bad


def test_transfer_5_d_ordinals_and_ranked_generic_words_are_never_keys() -> None:
    text = FILLER + (
        "全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神，统筹国内国际两个大局。"
        "针对党中央提出的重点任务、重点举措、重要政策、重要要求贯彻情况，开展党性分析。"
    )
    bad = [
        q.stem
        for q in generate_questions(text)
        if {"四中", "三中", "重点举措", "重要政策"} & set(q.keys)
    ]
    assert not bad, bad


# -- transfer rounds X1–X2 ------------------------------------------------------------------------
def test_transfer_x_gloss_after_a_quotation_is_not_a_quotation_key() -> None:
    from quizapp.generation.keyphrases import extract

    text = FILLER + (
        "习近平总书记曾说：“弄潮儿向涛头立，手把红旗旗不湿”，"
        "它体现的是弄潮儿与大自然奋勇拼搏的大无畏精神。"
        "习近平总书记指出：“人民是历史的创造者”。"
    )
    keys = {k.text: k for k in extract(text).keys}
    assert "大无畏精神" not in keys
    assert "大无畏精神" not in answers(generate_questions(text))


def test_transfer_x_requoted_fragment_of_a_saying_is_not_a_key() -> None:
    text = FILLER + (
        "习近平总书记赋予浙江“干在实处永无止境，走在前列要谋新篇，勇立潮头方显担当”的新期望。"
        "思想大解放也不是见好就收，它的要求是“永无止境”，就是要以永远在路上的执着一干到底。"
        "“勇立潮头”就是要始终立在时代大潮的潮头，敢做弄潮儿。"
    )
    got = answers(generate_questions(text))
    assert not got & {"永无止境", "勇立潮头"}, got
    named = FILLER + "“互联网+政务服务”深入推进，“互联网+”广泛融入各行各业。"
    assert "互联网+" in answers(generate_questions(named))  # a name built on a name stays


def test_transfer_x_no_stem_opens_on_a_dangling_qizhong() -> None:
    text = FILLER + (
        "总书记赋予浙江“干在实处永无止境，走在前列要谋新篇，勇立潮头方显担当”的新期望，"
        "其中“干在实处永无止境”是方法路径，“走在前列要谋新篇”是目标追求，"
        "“勇立潮头方显担当”是状态境界。"
    )
    for q in generate_questions(text):
        assert not q.stem.startswith("其中"), q.stem


def test_transfer_x_rhetoric_lists_on_le_xin_or_lao_get_no_cloze() -> None:
    from quizapp.generation.builders import _rhetoric_pattern

    assert _rhetoric_pattern(("标注了新起点", "提供了新机遇", "注入了新动力"))
    assert _rhetoric_pattern(("老手势", "老经验", "老办法"))
    assert not _rhetoric_pattern(("懂农业", "爱农村", "爱农民"))
    assert not _rhetoric_pattern(("幼有所育", "学有所教", "劳有所得"))
    assert not _rhetoric_pattern(("新技术", "新产业", "新业态"))
    assert not _rhetoric_pattern(("养老", "孝老", "敬老"))  # a shared head, not a modifier
    text = FILLER + (
        "重要指示为新时代浙江改革发展标注了新起点、提供了新机遇、注入了新动力。"
        "一些干部因循守旧、按部就班，满足于老手势、老经验、老办法，创新意识不强。"
        "培养造就一支懂农业、爱农村、爱农民的“三农”工作队伍。"
    )
    got = answers(generate_questions(text), kinds=("cloze",))
    assert not got & {"标注了新起点", "注入了新动力", "老手势", "老经验", "老办法"}, got
    assert "爱农村" in got


def test_transfer_x_a_list_launched_in_turn_is_a_chronicle() -> None:
    text = FILLER + "沪港通、深港通、债券通相继启动，人民币加入特别提款权货币篮子。"
    got = answers(generate_questions(text))
    assert not got & {"沪港通", "深港通", "债券通"}, got


def test_transfer_x_a_determiner_before_the_blank_keeps_the_slot_open() -> None:
    from quizapp.generation.builders import _DETERMINER_RUN

    assert _DETERMINER_RUN.sub("", "反对一切形式的") == "反对"
    text = FILLER + (
        "统筹应对传统和非传统安全威胁，反对一切形式的恐怖主义。"
        "国际社会要共同应对恐怖主义、网络安全、气候变化等挑战。"
    )
    assert "恐怖主义" not in answers(generate_questions(text))


def test_transfer_x_a_blank_before_a_shortfall_in_a_list_of_faults_is_open() -> None:
    text = FILLER + (
        "一些干部服务意识和法治意识不强、工作作风不实、担当精神不够，"
        "形式主义、官僚主义不同程度存在。我们要弘扬担当精神。"
        "有的基层干部主动意识不强，遇事等一等；有的创新精神不足，习惯于老一套。"
    )
    for q in generate_questions(text):
        if q.kind in ("cloze", "single"):
            assert "（　　）不够" not in q.stem and "（　　）不足" not in q.stem, q.stem


def test_transfer_x_bare_patterned_couplet_is_not_asked() -> None:
    text = "我国发展仍面临不少风险挑战。安不忘危，兴不忘忧。我们要增强忧患意识，坚持底线思维。"
    assert not answers(generate_questions(text)) & {"安不忘危", "兴不忘忧"}
    text = "我国发展仍面临不少风险挑战。功以才成，业由才广。我们要增强忧患意识，坚持底线思维。"
    assert "业由才广" in answers(generate_questions(text))


def test_transfer_x_keys_of_a_heading_get_no_plain_cloze() -> None:
    text = (
        "一、以思想大解放推动观念大转变\n"
        "我们要坚持以人民为中心的发展思想，增强“四个意识”，坚定“四个自信”。\n"
        "二、以行动大担当推动事业大发展，更高水平打造全省高质量发展重要增长极\n"
        "全面从严治党永远在路上，党的自我革命永远在路上，推动高质量发展。\n"
    )
    for q in generate_questions(text):
        if q.template in ("cloze", "single"):
            assert not q.stem.startswith(("一、", "二、")), q.stem


def test_transfer_x_a_revised_longer_list_accepts_the_reworded_item() -> None:
    from quizapp.generation.checking import check_answer

    text = FILLER + "深入推进政治建军、改革强军、科技兴军、依法治军，人民军队实现政治生态重塑。"
    singles = {q.answer[0]: q for q in generate_questions(text) if q.template == "cloze"}
    q = singles["科技兴军"]
    assert check_answer(q, ["科技强军"]) and "人才强军" in q.explanation
    assert not check_answer(q, ["人才强军"])
    assert not check_answer(singles["依法治军"], ["科技强军"])


def test_transfer_x_enemies_are_no_lures_in_a_positive_frame() -> None:
    from quizapp.generation.builders import _negative_terms
    from quizapp.generation.lexicon import load_lexicon

    negative = _negative_terms(load_lexicon())
    assert {"帝国主义", "封建主义", "官僚资本主义", "霸权主义"} <= negative
    text = FILLER + (
        "弘扬民族精神和时代精神，加强爱国主义、集体主义、社会主义教育，引导人们树立正确的历史观。"
        "必须推翻压在中国人民头上的帝国主义、封建主义、官僚资本主义三座大山。"
    )
    for q in generate_questions(text):
        if "加强" in q.stem and q.kind in ("single", "multiple"):
            assert not set(q.options) & negative, q.options


def test_transfer_x_a_cut_leaving_a_stock_predicate_gives_no_cloze() -> None:
    text = FILLER + (
        "坚持反腐败无禁区、全覆盖、零容忍，坚定不移“打虎”、“拍蝇”、“猎狐”，"
        "严厉惩处腐败分子，反腐败斗争压倒性态势已经形成并巩固发展。"
    )
    for q in generate_questions(text):
        if q.kind == "cloze":
            assert not q.stem.startswith("（　　）已经形成"), q.stem


def test_transfer_x_two_wordings_of_a_saying_accept_each_other() -> None:
    from quizapp.generation.lexicon import load_lexicon

    aliases = load_lexicon().aliases
    assert "打铁还需自身硬" in aliases["打铁必须自身硬"]
    assert "打铁必须自身硬" in aliases["打铁还需自身硬"]


def test_unseen_no_key_cut_from_a_word_jieba_splits_wrongly() -> None:
    text = FILLER + (
        "全面深化自身改革，团结带领广大团员青年在脱贫攻坚战场摸爬滚打，在科技攻关岗位奋力攀登。"
        "人民成为国家、社会和自己命运的主人，中国人民对美好生活的向往不断变为现实。"
    )
    for q in generate_questions(text):
        if q.kind in ("cloze", "single"):
            assert BLANK + "场" not in q.stem, q.stem
            assert "中国" + BLANK not in q.stem, q.stem


def test_unseen_an_unlisted_local_numbered_name_is_no_key() -> None:
    text = FILLER + "学校组织党员教师常规开展“六个一百”活动，带头示范引领。"
    assert "六个一百" not in answers(generate_questions(text))


def test_unseen_numeral_and_repeated_verb_openings_are_headings() -> None:
    from quizapp.generation.segment import segment

    text = (
        FILLER + "\n一抓组织领导，保障方案落实。学校成立领导小组。\n二抓领学先学，锤炼引领能力。"
        "校党委带头学习。\n三抓基层基础，强化支部战斗堡垒作用。从严落实制度。\n"
    )
    doc = segment(text)
    heads = {doc.sentences[i].text[:2] for i in doc.headings}
    assert {"一抓", "二抓", "三抓"} <= heads
    for q in generate_questions(text):
        if q.template == "cloze":
            assert not q.stem.startswith("三抓基层基础，强化支部"), q.stem


def test_unseen_one_sided_lists_with_short_cores_get_no_single_blank() -> None:
    text = FILLER + (
        "所检视的问题，按照即期问题、中期问题、长期问题分类梳理。"
        "树立起了重基层、重实干、重实绩的鲜明导向。"
        "努力成为党的政治建设的引领者、实践者、推动者。"
    )
    got = answers(generate_questions(text), kinds=("cloze",))
    assert not got & {"即期问题", "中期问题", "长期问题", "重实干", "重实绩", "实践者", "推动者"}


def test_unseen_quotations_back_to_back_and_determiner_lists_are_no_keys() -> None:
    text = FILLER + (
        "一些干部凡事满足于应付了事，口头禅是“基本上”“好像是”“还可以”，缺乏较真的态度。"
        "绍兴要走在前列，必须各区域、各部门、各岗位走在前列。"
    )
    got = answers(generate_questions(text))
    assert not got & {"基本上", "好像是", "还可以", "各区域", "各部门", "各岗位"}


def _clozes(text: str) -> set[str]:
    return answers(generate_questions(FILLER + text), kinds=("cloze",))


def test_open_slot_past_a_modifier_or_a_possessive_predicate() -> None:
    # (T3) 提高全党（　　）, 以顽强（　　）和…: 执政本领, 意志 fit as well; ，是…的（　　）。 too
    asked = _clozes(
        "全会认为，总结党的百年奋斗重大成就和历史经验，是推进党的自我革命、"
        "提高全党斗争本领和应对风险挑战能力的需要。\n"
        "人民军队坚决履行新时代使命任务，以顽强斗争精神和实际行动捍卫了国家主权、安全、发展利益。\n"
        "坚定不移跟党走，为党和人民奋斗，是共青团的初心使命。"
    )
    assert not {"斗争本领", "斗争精神", "初心使命"} & asked, asked
    # a sibling after 和 still pins the slot, a subject of its own clause still names it
    assert {"党风廉政建设", "第一要务"} <= _clozes(
        "坚持全面从严治党，坚定不移推进党风廉政建设和反腐败斗争，做到难不住、压不垮。\n"
        "发展是党执政兴国的第一要务。"
    )


def test_open_slot_subject_of_a_chronicle_clause() -> None:
    asked = _clozes(
        "社会大局保持稳定，国防和军队现代化扎实推进，中国特色大国外交全面推进，党史学习教育扎实有效。"
    )
    assert "中国特色大国外交" not in asked, asked


def test_open_slot_in_a_chain_of_class_mates() -> None:
    # (Y1, Y2) 提高政治站位、强化政治担当、压实政治责任: each slot takes its class mates
    questions = generate_questions(
        FILLER
        + "要自觉提高政治站位、强化政治担当、压实政治责任。\n自觉强化政治责任，提高政治能力。"
    )
    asked = answers(questions, kinds=("cloze", "single"))
    assert not {"政治站位", "政治担当", "政治责任"} & asked, asked
    # between commas a short lead is verb enough (把准政治方向); a 、 pair of fixed wording stays
    # asked on its second half (历史性变革: usable in T2, T4, X3, X5); its first half, printed by
    # the twin but for 成就, was an edit in 7 of 8 rounds (EC–FA with the length hint; eleventh
    # session, tests/test_engine_giveaway_stems.py)
    asked = _clozes(
        "强化政治责任，保持政治定力，把准政治方向，提高政治能力，增强斗争精神。\n"
        "推动党和国家事业取得历史性成就、发生历史性变革，进入了中国特色社会主义新时代。"
    )
    assert "政治能力" not in asked and "历史性变革" in asked, asked
    assert "历史性成就" not in asked, asked


def test_open_slot_after_verbs_the_rules_did_not_know() -> None:
    asked = _clozes(
        "一是带头学习贯彻习近平新时代中国特色社会主义思想，严格执行党章党规。\n"
        "学校党政班子把主体责任扛在肩上，认真研究，以身作则扎实推动各项工作。\n"
        "接下来的一段时间，大家将在党校学习政策理论、进行党性锻炼。\n"
        "健全吸纳民意、汇集民智工作机制，建设好基层立法联系点。\n"
        "建立生态文明绩效考评和责任追究制度，推行河长制、湖长制，开展国土绿化行动。"
    )
    assert (
        not {
            "习近平新时代中国特色社会主义思想",
            "主体责任",
            "党性锻炼",
            "基层立法联系点",
            "河长制",
            "湖长制",
        }
        & asked
    ), asked
    # words after the blank still pin it; a list one character apart from no class mate stays
    assert {"批评和自我批评", "科技强国"} <= _clozes(
        "要用好批评和自我批评武器，开展积极健康的思想斗争。\n"
        "加快建设教育强国、科技强国、人才强国，坚持为党育人、为国育才。"
    )


def test_open_slot_in_an_unknown_list_of_schemes_and_descriptive_heads() -> None:
    # (26b) 失业保险 with 养老保险 named nearby; …的多元投入格局 names no set
    text = (
        "推动基本医疗保险、失业保险、工伤保险省级统筹。完善基本养老保险制度，落实生育保险政策。\n"
        "加快形成财政优先保障、金融重点倾斜、社会积极参与的多元投入格局。\n"
        "形成民事民议、民事民办、民事民管的多层次基层协商格局。\n"
        "我国国际影响力、感召力、塑造力显著提升。"
    )
    questions = generate_questions(FILLER + text)
    asked = answers(questions, kinds=("cloze",))
    assert not {"失业保险", "工伤保险"} & asked, asked
    assert "感召力" in asked
    lists = [q.answer for q in questions if q.template == "cloze_list"]
    assert ["财政优先保障", "金融重点倾斜", "社会积极参与"] not in lists
    assert ["民事民议", "民事民办", "民事民管"] in lists, lists


def test_unseen_stem_a_subjectless_window_keeps_the_era_and_subject() -> None:
    text = FILLER + (
        "新民主主义革命时期，共青团广泛传播马克思主义，用先进思想启迪青年觉醒、凝聚青春力量，"
        "团结带领广大团员青年踊跃投身反帝反封建的工人运动、农民运动、学生运动，积极参加党领导的"
        "革命武装，在打倒军阀、抗日救亡的伟大斗争中冲锋陷阵，展现出不怕牺牲、浴血斗争的精神风貌。"
    )
    stems = [q.stem for q in generate_questions(text, seed=0) if "团结带领" in q.stem]
    assert stems
    for stem in stems:
        assert stem.startswith(("新民主主义革命时期，共青团", "“")) or "共青团" in stem


def test_unseen_stem_no_window_ends_on_a_bare_adverbial_of_manner() -> None:
    text = FILLER + (
        "全党同志一定要永远与人民同呼吸、共命运、心连心，永远把人民对美好生活的向往作为奋斗目标，"
        "以永不懈怠的精神状态和一往无前的奋斗姿态，继续朝着实现中华民族伟大复兴的宏伟目标奋勇前进。"
    )
    for q in generate_questions(text, seed=0):
        assert not q.stem.rstrip("。").endswith("奋斗姿态"), q.stem


def test_unseen_stem_no_window_starts_inside_a_theme_frame() -> None:
    text = FILLER + (
        "中共中央政治局于12月25日至26日召开民主生活会，以强化创新理论武装，树牢“四个意识”，"
        "坚定“四个自信”，坚决做到“两个维护”，勇于担当作为，以求真务实作风坚决把党中央决策部署"
        "落到实处为主题，联系中央政治局工作，联系带头严格执行中央八项规定实施细则的实际，"
        "进行自我检查、党性分析，开展批评和自我批评。"
    )
    for q in generate_questions(text, seed=0):
        if "为主题" in q.stem:
            assert "以强化创新理论武装" in q.stem, q.stem


def test_unseen_stem_an_abbreviation_of_the_key_is_a_cue() -> None:
    text = FILLER + "习总书记说：“学习的最大敌人是自我满足，要学有所成，就必须永不自满。”"
    for q in generate_questions(text, seed=0):
        assert not ("自我满足" in answers([q]) and "自满" in q.stem), q.stem


def test_unseen_lexicon_a_false_swap_keeps_the_members_shape() -> None:
    text = FILLER + "要扎实开展“两学一做”学习教育，做到学党章党规、学系列讲话、做合格党员。"
    for seed in range(10):
        for q in generate_questions(text, seed=seed):
            if q.template == "lex_judge_false" and "两学一做" in q.stem:
                listing = q.stem.split("是指", 1)[1]
                assert listing.count("学") >= 2 and listing.count("做") == 1, q.stem
            if q.template == "lex_part" and "“两学”" in q.stem:
                for option in q.options:
                    assert all(m.startswith("学") for m in option.split("、")), q.options


def test_unseen_lexicon_a_stored_blank_the_member_prints_is_not_asked() -> None:
    text = FILLER + "必须深刻领会“两个确立”的决定性意义。"
    clozes = [q for q in generate_questions(text, seed=0) if q.template == "lex_cloze"]
    for q in clozes:
        if "两个确立" in q.stem:
            assert q.answer != ["核心地位"], q.stem


def test_unseen_lexicon_quality_spirits_get_no_named_spirits_as_lures() -> None:
    text = FILLER + "我们要不断推进自我革命，发扬斗争精神，勇于担当作为，干出让人民满意的业绩。"
    for q in generate_questions(text, seed=0):
        if q.kind == "single" and q.answer == "斗争精神":
            raise AssertionError(q.options)  # 发扬（　　）: any quality fits, no 单选


def test_unseen_lexicon_a_one_character_opening_is_no_list_pattern() -> None:
    text = FILLER + (
        "推动形成绿色生产方式、生活方式，加强生态保护、生态修复、生态振兴。"
        "坚定不移走生产发展、生活富裕、生态良好的文明发展道路，建设美丽中国。"
    )
    for q in generate_questions(text, seed=0):
        if q.kind in ("single", "multiple") and "生产发展" in q.stem + "".join(q.options):
            key = q.answer if isinstance(q.answer, str) else ""
            for option in q.options:
                if option != key and option not in ("生产发展", "生活富裕", "生态良好"):
                    assert option[:2] not in ("生产", "生活", "生态"), q.options


def test_unseen_lexicon_another_wordings_member_is_neither_an_option_nor_accepted() -> None:
    # (科技强国, the 十九大 wording's member, was graded right in the （网络强国） blank: another
    # goal, not a spelling of this one; twelfth session, helper "accepted")
    from quizapp.generation.checking import check_answer

    text = FILLER + (
        "推进新型工业化，加快建设制造强国、质量强国、航天强国、交通强国、网络强国、数字中国。"
    )
    qs = [q for q in generate_questions(text, seed=0) if q.answer in (["网络强国"], "网络强国")]
    assert qs
    for q in qs:
        if q.kind == "cloze":
            assert check_answer(q, ["网络强国"]) and not check_answer(q, ["科技强国"])
        else:
            assert "科技强国" not in q.options


# Recurring faults on unseen text (fourth session, rounds T4–Q3)


def _probe(body: str):
    return generate_questions(FILLER + body, seed=0)


def test_recurring_open_verbs_and_an_aspect_particle_leave_the_slot_open() -> None:
    qs = _probe("全体党员干部要坚决执行民主集中制。各级党委要坚决执行了民主集中制。")
    for q in qs:
        if q.kind == "cloze" and q.answer == ["民主集中制"]:
            raise AssertionError(q.stem)  # 执行（　　）/ 执行了（　　）: 党章, 八项规定 fit too


def test_recurring_a_grasp_of_a_doctrine_is_an_open_slot() -> None:
    qs = _probe("通过学习，全体党员切实加深了对习近平新时代中国特色社会主义思想的理解。")
    for q in qs:
        if q.kind in ("cloze", "single") and "的理解" in q.stem:
            raise AssertionError(q.stem)  # 对（　　）的理解: 党的创新理论 fits as well


def test_recurring_a_count_contraction_is_not_asked_by_its_members_and_lures_keep_heads() -> None:
    qs = _probe(
        "各支部要严格落实“三会一课”制度，即定期召开支部党员大会、支部委员会会议、"
        "党小组会，按时上好党课。"
    )
    assert not [q for q in qs if q.template == "lex_name" and q.answer == "三会一课"]
    members = {"支部党员大会", "支部委员会会议", "党小组会", "党课"}
    lures = [
        o
        for q in qs
        if q.template in ("lex_member", "lex_nonmember", "lex_members") and q.formula == "三会一课"
        for o in q.options
        if o not in members
    ]
    assert lures  # (the 不属于 and 包括 questions stay)
    for lure in lures:
        assert lure[-1] in "会议课" and ("会" in lure or "课" in lure), lure


def test_recurring_another_wordings_members_are_no_multiple_choice_lures() -> None:
    qs = _probe("全军要坚持政治建军、改革强军、科技兴军、依法治军，全面加强练兵备战。")
    for q in qs:
        if q.template == "multi_enum":
            assert not {"科技强军", "人才强军"} & set(q.options), q.options


def test_recurring_calls_and_attendance_lines_are_no_checkable_facts() -> None:
    qs = _probe(
        "1958年，毛主席再次号召“开动脑筋，使思想活泼起来”，通过思想解放引领社会主义建设"
        "取得了重大的成就。中央纪律检查委员会常务委员会委员和有关方面负责同志列席会议。"
    )
    for q in qs:
        assert not (q.kind == "judge" and q.answer is True and "1958" in q.stem), q.stem
        assert "列席会议" not in (q.answer if isinstance(q.answer, list) else [q.answer]), q.stem


def test_recurring_a_verb_new_noun_list_is_rhetoric() -> None:
    qs = _probe("我们要不断研究新情况、提出新举措、解决新问题、实行新发展，推动工作落实。")
    for q in qs:
        keys = q.answer if isinstance(q.answer, list) else [q.answer]
        assert not {"研究新情况", "提出新举措", "解决新问题", "实行新发展"} & set(keys), q.stem


def test_cue_caches_follow_words_a_lexicon_adds_to_jieba() -> None:
    # the initials and contraction cues ask jieba's dictionary; a lexicon loaded later adds
    # words, and a cue cached before must not go stale (the read-through of the fourth session)
    from quizapp.generation import builders, jieba_setup
    from quizapp.generation.lexicon import Lexicon

    jieba_setup.warm_up()
    assert builders._initial_cues("奋发图强") == frozenset()  # 奋图 is no word yet
    jieba_setup.warm_up(Lexicon([], {"测试用词": ["奋图"]}))
    assert builders._initial_cues("奋发图强") == {"奋图"}


def test_boundary_caches_follow_words_a_lexicon_adds_to_jieba() -> None:
    # word_ends, _starts_governed and _cut_ends cache jieba's boundaries; a lexicon overlay an
    # admin adds in a long-lived worker adds words later, and a boundary cached before must move
    from quizapp.generation import builders, jieba_setup
    from quizapp.generation.lexicon import Lexicon

    jieba_setup.warm_up()
    assert builders.word_ends("罡翟嵇") == (0, 1, 2, 3)
    assert builders._cut_ends("罡翟嵇") == (0, 1, 2, 3)
    assert builders._starts_governed("在罡翟嵇") == 1
    jieba_setup.warm_up(Lexicon([], {"测试用词": ["罡翟", "在罡"]}))
    assert builders.word_ends("罡翟嵇") == (0, 2, 3)
    assert builders._cut_ends("罡翟嵇") == (0, 2, 3)
    assert builders._starts_governed("在罡翟嵇") == 0  # 在罡 is one word now


def test_a_parallel_run_followed_by_more_clauses_does_not_break_generation() -> None:
    # the run's shared opening once overwrote the list of clause openings the loop reads on:
    # three more clauses after 让…，让…，让… raised IndexError and lost the whole text
    text = (
        "要坚持农业农村优先发展。让农业成为有奔头的产业，让农民成为有吸引力的职业，"
        "让农村成为安居乐业的美丽家园，加快推进农业农村现代化，走中国特色社会主义乡村振兴道路，"
        "全面建设社会主义现代化国家。"
    )
    lists = [q.answer for q in generate_questions(text) if q.template == "cloze_list"]
    assert ["有奔头的产业", "有吸引力的职业", "安居乐业的美丽家园"] in lists


# -- regulation provisions (fifth session: quantities, bodies, terms, prohibitions) -----------
RULES = (
    "某某工作细则\n"
    "第一章　总则\n"
    "第一条　为了规范发展党员工作，制定本细则。\n"
    "第二章　入党积极分子的确定和培养\n"
    "第二条　党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话。\n"
    "第三条　在入党申请人中确定入党积极分子，应当采取党员推荐、群团组织推优等方式产生人选。\n"
    "第三章　发展对象的确定和考察\n"
    "第四条　拟列为发展对象的，应当进行公示，公示期不少于五个工作日。\n"
    "第五条　发展对象应当有两名正式党员作入党介绍人。\n"
    "受留党察看处分、尚未恢复党员权利的党员，不能作入党介绍人。\n"
    "第四章　预备党员的接收\n"
    "第六条　预备党员必须由党委审批。党总支不能审批预备党员，但应当进行审议。\n"
    "第七条　党委对党支部上报的接收预备党员的决议，应当在三个月内审批，并报上级党委组织部门备案。\n"
    "第八条　预备党员的预备期为一年。预备党员必须面向党旗进行入党宣誓。\n"
    "第九条　本地区去年发展党员x名，比上年增长12%，全年培训党员3万人次。\n"
    "第十条　党支部应当及时将党员大会决议报上级党委审批。\n"
    "第十一条　本细则自2026年5月11日起施行，由中央组织部负责解释。\n"
)


def _provisions(text: str = RULES):
    return [
        q
        for q in generate_questions(text, seed=0)
        if q.template.startswith(("provision_", "body_", "term_", "prohibition"))
    ]


def test_provision_quantities_bodies_and_terms_are_asked() -> None:
    qs = _provisions()
    cloze = {a for q in qs if q.kind == "cloze" for a in q.answer}
    assert {"一个月", "五个工作日", "两名", "三个月", "一年"} <= cloze
    assert {"党委", "上级党委组织部门"} <= cloze
    assert {"入党积极分子", "发展对象"} & cloze
    for q in qs:
        assert not q.stem.startswith("第"), q.stem  # no article number in a stem
        assert BLANK in q.stem or q.kind == "judge"
    # the provision is named whole (预备党员的预备期为一年), its keys only what is printed
    assert any("预备党员的预备期为一年" in q.covers for q in qs)
    assert all(
        any(
            k in piece
            for piece in (
                q.stem,
                *q.options,
                *map(str, q.answer if isinstance(q.answer, list) else [q.answer]),
            )
        )
        for q in qs
        for k in q.keys
    )


def test_provision_lures_share_the_unit_and_stay_near() -> None:
    from quizapp.generation.provisions import quantity_lures

    assert quantity_lures("一", "年") == ["半年", "两年", "三年"]
    assert sorted(quantity_lures("五", "个工作日")) == ["七个工作日", "三个工作日", "十个工作日"]
    assert set(quantity_lures("十八", "岁")) == {"十六岁", "二十岁", "二十二岁"}
    for q in _provisions():
        if q.template == "provision_single":
            unit = q.answer.lstrip("一二两三四五六七八九十半")
            assert all(o.endswith(unit) for o in q.options), q.options
            assert len(set(q.options)) == 4


def test_provision_bodies_take_other_organs_of_the_text_as_lures() -> None:
    single = [q for q in _provisions() if q.template == "body_single" and q.answer == "党委"]
    assert single, "预备党员必须由（党委）审批 gets a 单选"
    for option in single[0].options:
        # never 基层党委 or a bare 党组织 (they read as right), never a body the stem shows
        assert option == "党委" or ("党委" not in option and option != "党组织")


def test_no_provision_from_statistics_placeholders_or_dates() -> None:
    answers_seen = {
        a for q in _provisions() for a in (q.answer if isinstance(q.answer, list) else [q.answer])
    }
    for bad in ("12%", "3万人次", "x名", "11日", "2026年"):
        assert bad not in answers_seen
    assert not any("比上年" in q.stem or "x名" in q.stem for q in _provisions())


def test_no_provision_outside_a_rule() -> None:
    # a report's numbers and 要-sentences are no rules: only a strict word (不少于…) counts there
    text = FILLER + (
        "五年来，我们用三年时间完成了脱贫攻坚任务。今年要新建两所学校，每年举办一次论坛。"
        "党委要组织举办读书班，时间不少于一周。"
    )
    qs = _provisions(text)
    assert {a for q in qs if q.kind == "cloze" for a in q.answer} == {"一周"}


def test_prohibitions_are_asked_as_statements() -> None:
    judges = [q for q in _provisions() if q.template == "prohibition_judge"]
    stems = {q.stem for q in judges}
    assert stems & {"党总支不能审批预备党员。", "党总支可以审批预备党员。"}
    for q in judges:
        assert q.answer is ("不能" in q.stem), q.stem


def test_provision_terms_introduced_and_defined_are_asked_and_shared_rules_are_not() -> None:
    text = RULES + (
        "第十二条　党组织应当指定一至两名正式党员作入党积极分子的培养联系人。\n"
        "培养联系人由先锋模范作用发挥比较好的党员担任，主要任务是做好培养教育工作。\n"
        "第十三条　入党积极分子工作单位发生变动，应当及时报告原单位党组织。\n"
        "第十四条　预备党员工作单位发生变动，应当及时报告原单位党组织。\n"
    )
    terms = [q for q in _provisions(text) if q.template.startswith("term_")]
    assert any(q.answer == ["培养联系人"] for q in terms)
    # the same rule said of two stages pins neither
    assert not any("工作单位发生变动" in q.stem for q in terms)


# Precision rules from rounds F1–F2 (fresh texts outside the corpus)


def _stems(text: str, kinds: tuple[str, ...] = ("cloze", "single", "judge")) -> list[str]:
    return [q.stem for q in generate_questions(text) if q.kind in kinds]


def test_fresh_article_labels_and_stray_spaces_stay_out_of_stems() -> None:
    text = (
        "第一章　总则\n"
        "第三条　发展党员工作坚持马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、"
        "科学发展观，全面贯彻习近平新时代中国特色社会主义思想。\n"
        "我们要持续缩小 “三大差距”，扎实推动共同富裕取得更为明显的实质性进展。\n"
    )
    stems = _stems(text)
    assert stems, "the article's series is still asked"
    assert not any(stem.startswith("第三条") for stem in stems)
    assert not any(" “" in stem for stem in stems)
    assert any(stem.startswith("发展党员工作坚持") for stem in stems)
    assert _tidy_stem("持续缩小 “三大差距”。", 6, 10) == ("持续缩小“三大差距”。", 5, 9)
    assert _tidy_stem("第一条（三大差距）", 4, 8) == ("（三大差距）", 1, 5)


def test_fresh_no_judgement_from_a_regulations_purpose_clause() -> None:
    purpose = (
        "第一条　为了规范和加强发展党员工作，提高新发展的党员质量，保持党的先进性和纯洁性，"
        "根据《中国共产党章程》和有关党内法规，制定本细则。\n"
    )
    judged = [q.stem for q in generate_questions(FILLER + "\n" + purpose) if q.kind == "judge"]
    assert not any("制定本细则" in stem for stem in judged)
    assert _purpose_clause("为了加强作风建设，根据有关规定，制定本条例。")
    assert not _purpose_clause("1921年，中国共产党第一次全国代表大会在上海召开。")


def test_fresh_a_window_keeps_the_frame_that_governs_its_clauses() -> None:
    long_frame = (
        "党的基层组织应当把吸收具有马克思主义信仰、共产主义觉悟和中国特色社会主义信念，"
        "深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，"
        "自觉践行社会主义核心价值观的先进分子入党，作为一项经常性重要工作。\n"
    )
    filed = (
        "预备党员转正后，党支部应当及时将其《中国共产党入党志愿书》、入党申请书、政治审查材料、"
        "《入党积极分子培养考察登记表》、《预备党员教育考察登记表》、转正申请书、考察材料、"
        "培养联系人意见等，交党委存入本人人事档案。\n"
    )
    stems = _stems(FILLER + "\n" + long_frame + filed, kinds=("cloze", "single"))
    for stem in stems:
        assert not (stem.startswith("增强") and "作为一项经常性重要工作" in stem), stem
        assert not stem.endswith("等。"), stem
    # a frame short enough is shown whole, its 把 with it
    short = "各级党委应当把发展党员工作列入重要议事日程，纳入党建工作责任制。\n"
    stems = _stems(FILLER + "\n" + short, kinds=("cloze",))
    assert not any(stem.startswith("纳入") for stem in stems)
    assert _with_governing_frame(
        "各级党委应当把发展党员工作列入重要议事日程，纳入党建工作责任制。",
        "纳入党建工作责任制。",
        2,
        9,
        24,
    ) == ("各级党委应当把发展党员工作列入重要议事日程，纳入党建工作责任制。", 24, 31)


def test_fresh_a_window_never_ends_inside_the_first_item_of_a_colon_list() -> None:
    text = FILLER + (
        "全会强调，我国国家制度和国家治理体系具有多方面的显著优势，主要是：坚持党的集中统一领导，"
        "坚持党的科学理论，保持政治稳定，确保国家始终沿着社会主义方向前进的显著优势；"
        "坚持人民当家作主，发展人民民主，密切联系群众，紧紧依靠人民推动国家发展的显著优势。\n"
    )
    stems = [s for s in _stems(text, kinds=("cloze", "single")) if "多方面的（" in s]
    assert stems
    assert all(s.endswith(("主要是……", "前进的显著优势。")) for s in stems), stems
    # a short first item is kept whole
    assert _whole_first_item(
        "我们具有多方面的显著优势，主要是：坚持党的领导，保持政治稳定的优势；坚持人民当家作主的优势。",
        "我们具有多方面的显著优势，主要是：坚持党的领导。",
        8,
        12,
        8,
    ) == ("我们具有多方面的显著优势，主要是：坚持党的领导，保持政治稳定的优势。", 8, 12)


def test_fresh_a_light_frame_blank_keeps_the_clause_that_names_its_topic() -> None:
    text = FILLER + (
        "让我们更加紧密团结在以习近平同志为核心的党中央周围，坚定信心、攻坚克难，真抓实干、"
        "久久为功，加快农业农村现代化步伐，推动农业基础更加稳固、农村地区更加繁荣、农民生活"
        "更加红火，朝着建设农业强国目标扎实迈进。\n"
    )
    stems = [s for s in _stems(text, kinds=("cloze",)) if "步伐" in s]
    assert stems
    assert all("推动农业基础更加稳固" in s for s in stems), stems
    # a window that names the topic already is left as it is
    plain = "全面推进乡村振兴，加快农业现代化步伐。"
    assert _with_topic_clause(plain, plain, 11, 16, 11, 16) == (plain, 11, 16)


def test_fresh_no_key_begins_or_ends_on_a_function_word() -> None:
    text = FILLER + (
        "我们要坚持以人民为中心，做到发展为了人民、发展依靠人民、发展成果由人民共享，"
        "不断增强人民群众的获得感、幸福感、安全感。\n"
    )
    got = _clozes(text)
    assert not any(k.endswith("由") or k.startswith("由") for k in got), got
    assert _key_edge_fault("做到发展成果由人民共享", 2, 7)
    assert not _key_edge_fault("坚持节约优先、保护优先、自然恢复为主的方针", 12, 18)
    assert not _key_edge_fault("坚持与时俱进", 2, 6)


def test_fresh_no_lure_set_makes_the_answer_the_odd_one_or_sits_inside_a_member() -> None:
    assert _lures_odd_out("毛泽东思想", ["习近平强军思想", "习近平法治思想", "习近平外交思想"])
    assert _lures_odd_out("奢靡之风", ["教条主义", "自由主义", "个人主义"])
    assert not _lures_odd_out("形式主义", ["个人主义", "宗派主义", "分散主义"])
    assert _inside_a_member("习近平强军思想", "科学发展观、习近平新时代中国特色社会主义思想")
    assert not _inside_a_member("习近平强军思想", "马克思列宁主义、毛泽东思想、邓小平理论")
    text = FILLER + (
        "发展党员工作坚持马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、"
        "科学发展观、习近平新时代中国特色社会主义思想。\n"
        "十年来，我们坚持马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、"
        "科学发展观，全面贯彻新时代中国特色社会主义思想。\n"
    )
    for q in generate_questions(text):
        if q.kind in ("single", "multiple"):
            wrong = [
                o for o in q.options if o not in (q.answer if q.kind == "multiple" else [q.answer])
            ]
            assert not any(w.startswith("习近平") and w.endswith("思想") for w in wrong), q.options


def test_fresh_the_right_options_of_a_multiple_choice_are_not_just_the_longest() -> None:
    assert _length_cued(
        ["坚决维护习近平总书记党中央的核心、全党的核心地位", "坚决维护党中央权威和集中统一领导"],
        ["坚决维护宪法法律权威", "坚决维护人民群众根本利益"],
    )
    assert not _length_cued(["政治意识", "大局意识", "核心意识"], ["责任意识", "创新意识"])
    assert not _length_cued(["长三角一体化发展", "京津冀协同发展"], ["城乡融合发展"])
    text = FILLER + "党员要做到“两个维护”，坚决维护党中央权威和集中统一领导。\n"
    for q in generate_questions(text):
        if q.kind == "multiple":
            wrong = [o for o in q.options if o not in q.answer]
            assert not _length_cued(q.answer, wrong), q.options


def test_fresh_a_numeral_of_the_key_echoed_in_the_stem_gives_no_blank() -> None:
    text = FILLER + (
        "全面贯彻落实党的二十大和二十届二中、三中全会精神，深入贯彻落实习近平总书记关于“三农”"
        "工作的重要论述。\n"
    )
    assert "党的二十大" not in _clozes(text)
    assert _numeral_echo("贯彻落实党的二十大和二十届二中全会精神。", 4, 9)
    assert not _numeral_echo("2017年秋季，在党的十九大胜利闭幕一周之际。", 9, 14)


def test_fresh_attendance_lines_give_no_blank() -> None:
    text = FILLER + (
        "中央委员会委员和候补委员出席会议。党的十九大代表中的部分基层同志和专家学者也列席会议。\n"
        "党的十九大以来，我们坚持全面从严治党，党的建设取得新的重大成就。\n"
    )
    got = _clozes(text)
    stems = _stems(text, kinds=("cloze", "single"))
    assert not any("列席会议" in stem for stem in stems), stems
    assert got, "the sentence with content is still asked"


def test_fresh_a_series_ending_the_window_shows_what_follows_it() -> None:
    text = FILLER + (
        "发展党员工作坚持马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观，"
        "全面贯彻习近平新时代中国特色社会主义思想，贯彻党的基本理论、基本路线、基本方略，"
        "贯彻新时代党的建设总要求。\n"
    )
    stems = [s for s in _stems(text, kinds=("cloze",)) if s.endswith("（　　）。")]
    assert not any("“三个代表”重要思想、（　　）" in s for s in stems), stems
    # a next clause that echoes the key stays out (it would spell the blank)
    echo = "必须坚持科技是第一生产力、人才是第一资源、创新是第一动力，深入实施创新驱动发展战略。"
    key_at = echo.index("创新是")
    stem = echo[: echo.index("，")] + "。"
    assert _past_series_end(echo, stem, key_at, key_at + 7, key_at, key_at + 7) == (
        stem,
        key_at,
        key_at + 7,
    )


def test_fresh_a_short_attribute_running_into_its_noun_is_no_key() -> None:
    text = FILLER + (
        "运用再贷款、再贴现、差别化存款准备金率等货币政策工具，推动金融机构加大对乡村振兴领域"
        "资金投放。\n"
    )
    assert "差别化" not in _clozes(text)
    assert _bare_modifier("运用再贷款、再贴现、差别化存款准备金率", 10, 13)
    # a series of attributes modifies its noun together; an attribute before 是 is a subject
    assert not _bare_modifier("营造市场化、法治化、国际化一流营商环境", 10, 13)
    assert not _bare_modifier("人民性是马克思主义的本质属性", 0, 3)


def _strict_speech(heads: list[str]) -> str:
    """A made-up speech whose points close on a heading series (一要…，坚持纪律建设从严。)."""
    leads = ("持续强化理论武装", "持续突出用人导向", "持续树牢宗旨意识", "持续强化基层建设")
    body = "习近平总书记指出，全面从严治党永远在路上。我们要坚持问题导向，扎实推进各项工作。"
    paras = ["这次专题班办得很及时。我们要推动全面从严治党向纵深发展、向基层延伸。"]
    for ordinal, lead, head in zip("一二三四", leads, heads, strict=False):
        paras.append(f"{ordinal}要{lead}，坚持{head}。{body}")
    return "\n".join(paras)


def test_heading_series_lures_are_real_phrases_of_the_heads_kind_or_nothing_is_asked() -> None:
    from quizapp.generation.pipeline import load_lexicon

    lexicon = load_lexicon()
    # a good series: 纪律|建设 and 作风|建设 are members of 党的建设总体布局, so its other
    # X|建设 members make lures of the same kind (政治建设从严); the question is still asked
    good = ["纪律建设从严", "选人用人从严", "作风建设从严", "干部管理从严"]
    qs = [q for q in generate_questions(_strict_speech(good)) if q.template == "multi_heading"]
    assert qs
    layout = lexicon.get("党的建设总体布局")
    for q in qs:
        wrong = [o for o in q.options if o not in q.answer]
        assert len(wrong) == 2 and set(q.answer) <= set(good), q.options
        for option in wrong:
            head = option.removesuffix("从严")
            # 劳有所得从严, 严以律己从严 (reviews Y1–Y2): no unrelated formula's member
            assert head in layout.members and head != option, q.options
            assert "有所" not in head and "严" not in head, q.options
    # a series no lexicon term or formula knows has no lure of its kind: not asked (the old pool
    # glued 七有 members to it: 病有所医从严)
    unknown = ["学习教育从严", "队伍管理从严", "工作落实从严", "制度执行从严"]
    assert not [
        q for q in generate_questions(_strict_speech(unknown)) if q.template == "multi_heading"
    ]
    # a generic ending after quoted heads names no requirement: not asked (“……要求”要求有)
    quoted = [
        "践行“干在实处永无止境”的内在要求",
        "实现“走在前列要谋新篇”的必然要求",
        "展示“勇立潮头方显担当”的根本要求",
    ]
    assert not [
        q for q in generate_questions(_strict_speech(quoted)) if q.template == "multi_heading"
    ]


def test_coverage_5_a_standard_list_spelled_as_clauses_is_asked_in_halves() -> None:
    """Coverage on unseen text (fifth session): a standard list of the lexicon spelled out one
    clause per item is asked in two order-free halves, its shared 坚持 shown; a list the
    lexicon does not know, or one with no clause naming it, is not."""
    items = "坚持党的领导，坚持人民至上，坚持理论创新，坚持独立自主，坚持中国道路"
    items += "，坚持胸怀天下，坚持开拓创新，坚持敢于斗争，坚持统一战线，坚持自我革命"
    text = FILLER + "全会提出，党领导人民积累了宝贵的历史经验，这就是：" + items + "。"
    lists = [q for q in generate_questions(text) if q.template == "cloze_list"]
    halves = [q for q in lists if q.stem.startswith("党领导人民积累了宝贵的历史经验，这就是：坚持")]
    assert len(halves) == 2, [q.stem for q in lists]
    assert sorted(a for q in halves for a in q.answer) == sorted(
        i.removeprefix("坚持") for i in items.split("，")
    )
    assert all("（不分先后）" in q.stem and not q.ordered for q in halves)
    odd = items.replace("坚持自我革命", "坚持勤俭节约")
    text = FILLER + "全会提出，党领导人民积累了宝贵的历史经验，这就是：" + odd + "。"
    lists = [q for q in generate_questions(text) if q.template == "cloze_list"]
    assert not [q for q in lists if "这就是" in q.stem], [q.stem for q in lists]


def test_coverage_5_b_a_standard_list_longer_than_six_is_asked_in_two_halves() -> None:
    """A standard 、-list of seven items (幼有所育…弱有所扶) gets two list clozes, each blanking
    every other item, so that each item is asked once; a list of six or fewer keeps one."""
    text = FILLER + (
        "我们深入贯彻以人民为中心的发展思想，在幼有所育、学有所教、劳有所得、病有所医、"
        "老有所养、住有所居、弱有所扶上持续用力，人民生活全方位改善。"
    )
    lists = [q for q in generate_questions(text) if q.template == "cloze_list" and "所" in q.stem]
    assert len(lists) == 2, [q.stem for q in lists]
    asked = sorted(a for q in lists for a in q.answer)
    assert asked == sorted(
        "幼有所育、学有所教、劳有所得、病有所医、老有所养、住有所居、弱有所扶".split("、")
    )
    assert len({q.id for q in lists}) == 2


# Non-lexicon 判断 and provision stems (rounds F1–F4, R29)

_JUDGE_RULES = (
    "某某工作细则\n"
    "第一条　为了规范发展党员工作，制定本细则。\n"
    "第二条　党支部每半年对入党积极分子进行一次考察。县级党委组织部门和基层党委每年对入党积极分子"
    "队伍状况作一次分析。\n"
    "第三条　年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，承认党的纲领和"
    "章程，可以申请加入中国共产党。\n"
    "第四条　党委对党支部上报的接收预备党员的决议，应当在三个月内审批。党委审批时如遇特殊情况可以"
    "适当延长审批时间，但不得超过六个月。\n"
    "第五条　发展对象的培训时间一般不少于三天。\n"
    "第六条　党组织应当指定一至两名正式党员作入党积极分子的培养联系人。\n"
    "第七条　《入党志愿书》的式样由中央组织部负责制定，省级党委组织部门按照式样统一印制。\n"
    "第八条　对无法认定的预备党员，报县级以上党委组织部门批准，不予承认。\n"
    "第九条　预备党员必须由党委审批。党总支不能审批预备党员。\n"
    "第十条　受留党察看处分、尚未恢复党员权利的党员，不能作入党介绍人。\n"
    "第十一条　除个别特殊情况外，未经培训的，不能发展入党。\n"
    "第十二条　党员不得参加迷信活动。\n"
    "第十三条　对经过一年以上培养教育和考察、基本具备党员条件的入党积极分子，在听取党小组、培养"
    "联系人、党员和群众等意见的基础上，党支部委员会讨论同意的，可以列为发展对象。\n"
)


def _false_twins() -> dict[str, str]:
    """The swapped-in value of each provision/body false 判断, by the key it replaced."""
    twins = {}
    for q in _provisions(_JUDGE_RULES):
        if q.template in ("provision_judge_false", "body_judge_false"):
            found = re.match(r"错误。原文为“(.+?)”，不是“(.+?)”", q.explanation)
            assert found, q.explanation
            twins[found.group(1)] = found.group(2)
    return twins


def test_a_false_quantity_is_the_text_own_value_or_a_surely_false_rung() -> None:
    twins = _false_twins()
    # the period the next sentence uses, not 每两年 (false by its sound: F4 #25)
    assert twins.get("每半年") == "每年", twins
    # a minimum in a condition is false only lower (年满二十岁的…可以申请 is still true)
    assert twins.get("十八岁") == "十六岁", twins
    assert twins.get("六个月") == "三个月", twins  # the same article's own value, and shorter
    assert twins.get("三个月") in (None, "两个月", "一个月"), twins  # a deadline only shorter
    assert twins.get("三天") == "五天", twins  # a floor only higher
    assert "一至两名" not in twins  # 一至三名 reads as true as well


def test_a_false_body_is_absolute_and_a_relative_body_gets_none() -> None:
    twins = _false_twins()
    for real, swap in twins.items():
        assert not swap.startswith(("上级", "同级", "本级", "所在", "县级以上")), (real, swap)
    # 中央组织部 is above 县级: no swap for a ranged body
    assert "县级以上党委组织部门" not in twins
    assert twins.get("中央组织部") in (None, "省级党委组织部门", "县级党委组织部门"), twins


def test_only_a_specific_prohibition_is_judged() -> None:
    stems = {q.stem for q in _provisions(_JUDGE_RULES) if q.template == "prohibition_judge"}
    joined = "".join(stems)
    assert "入党介绍人" in joined or "党总支" in joined, stems
    assert "迷信活动" not in joined  # a generic 不得 about conduct
    assert "未经培训" not in joined  # a condition: 可以 is false by its sound


def test_a_provision_stem_keeps_its_rule_and_never_ends_in_an_ellipsis() -> None:
    for q in _provisions(_JUDGE_RULES):
        assert not q.stem.endswith("……"), q.stem
        if q.kind == "cloze" and q.answer == ["一年"] and "培养教育" in q.stem:
            assert "列为发展对象" in q.stem, q.stem


def test_no_true_statement_without_a_key_a_lure_could_take() -> None:
    text = FILLER + (
        "积极推动《巴黎协定》签署生效，我国在应对全球气候变化中发挥了重要作用。\n"
        "在轰轰烈烈的大革命时期，刘少奇同志参加领导五卅运动、省港大罢工、武汉工人夺回英租界的斗争。\n"
    )
    judges = [q for q in generate_questions(text) if q.kind == "judge" and not q.formula]
    assert not [q.stem for q in judges if q.answer is True], [q.stem for q in judges]


def test_an_absolute_body_has_no_relative_option_and_a_modal_stem_keeps_its_subject() -> None:
    text = _JUDGE_RULES + (
        "第十四条　党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话，了解学习工作经历、"
        "对党的认识、入党动机、遵纪守法以及家庭情况等基本情况，并向其介绍党的基本知识、党员的标准"
        "和条件。\n"
        "第十五条　《入党积极分子培养考察登记表》的式样由中央组织部负责制定，其印制、管理等由省级"
        "党委组织部门作出安排。\n"
        "第十六条　报上级党委组织部门备案。报县级以上党委组织部门批准。报县级党委组织部门审查。\n"
    )
    qs = _provisions(text)
    for q in qs:
        if q.template == "body_single" and q.answer == "中央组织部":
            assert not [o for o in q.options if o.startswith(("上级", "县级以上"))], q.options
    stems = [q.stem for q in qs if q.kind == "cloze" and q.answer == ["一个月"]]
    assert stems and all(s.startswith("党组织收到入党申请书后，应当在") for s in stems), stems


def test_no_false_twin_on_a_list_that_is_not_the_formula() -> None:
    # 四史 plus 中华民族发展史: the sentence does not state the formula, so 中华文明史 swapped in
    # for 党史 reads as true as well
    text = FILLER + (
        "新时代十年的伟大变革，在党史、新中国史、改革开放史、社会主义发展史、中华民族发展史上"
        "具有里程碑意义。\n"
    )
    judges = [q for q in generate_questions(text) if q.kind == "judge" and "里程碑" in q.source]
    assert not [q for q in judges if q.template == "judge_false"], [q.stem for q in judges]


# Precision rules from rounds F3–F4 (fresh texts outside the corpus)


def test_fresh_a_list_blank_never_swallows_the_verb_that_governs_the_list() -> None:
    fault = (
        FILLER
        + "引导企业、农民合作社、家庭农场与农户等紧密联合与合作，让农民更多分享产业增值收益。\n"
    )
    got = answers(generate_questions(fault), kinds=("cloze",))
    # 引导 governs all three, and what is left of the first item (企业) is an everyday noun
    assert not got & {"引导企业", "企业"}, got
    good = (
        FILLER + "引导农民合作社、家庭农场、龙头企业开展联合与合作，让农民更多分享产业增值收益。\n"
        "全面推进科学立法、民主立法、依法立法，以良法促进发展、保障善治。\n"
    )
    qs = [q for q in generate_questions(good) if q.kind == "cloze"]
    kept = {q.answer[0]: q.stem for q in qs if len(q.answer) == 1}
    # the verb stays in the stem and the term after it is asked
    assert kept.get("农民合作社", "").startswith("引导（"), kept
    assert "引导农民合作社" not in kept
    # items of one shape keep their verb (依法立法 beside 科学立法)
    assert "依法立法" in kept or "科学立法" in kept, kept


def test_fresh_an_everyday_word_of_an_ad_hoc_list_is_not_blanked() -> None:
    fault = FILLER + "深入开展科技、医疗、教育干部人才“组团式”帮扶，提升乡村公共服务水平。\n"
    got = answers(generate_questions(fault), kinds=("cloze", "single"))
    # 科技, 医疗, 教育: everyday words a learner guesses from the stock pairs; two of them
    # belong to 教育、科技、人才, but 医疗 does not, so the list is no standard one
    assert not got & {"科技", "医疗", "教育"}, got
    good = (
        FILLER + "健全自治、法治、德治相结合的乡村治理体系。\n"
        "坚持创新、协调、绿色、开放、共享的新发展理念。\n"
    )
    got = answers(generate_questions(good), kinds=("cloze",))
    # a short member of a standard list is asked, even when the list runs into its predicate
    assert "自治" in got and "绿色" in got, got


def test_fresh_no_blank_whose_clause_is_only_a_local_figure() -> None:
    fault = (
        FILLER
        + "基本公共服务均等化实现度超过98％，教育强省、体育强省、健康浙江等建设取得长足进步。\n"
    )
    got = answers(generate_questions(fault), kinds=("cloze", "single"))
    assert "基本公共服务均等化" not in got, got
    good = FILLER + "全面推进基本公共服务均等化，教育强省、体育强省、健康浙江等建设取得长足进步。\n"
    got = answers(generate_questions(good), kinds=("cloze", "single"))
    assert "基本公共服务均等化" in got, got
    assert _statistic_slot("（　　）年均增长13%以上。", 0, 4)
    assert not _statistic_slot("（　　）取得长足进步。", 0, 4)


def test_fresh_the_stem_never_spells_the_key() -> None:
    spelled = (
        FILLER + "健全农村地区扫黑除恶常态化机制，防范遏制“村霸”、家族宗族黑恶势力滋生蔓延。\n"
    )
    assert "黑恶势力" not in answers(generate_questions(spelled)), "扫黑除恶 spells 黑…恶"
    titles = (
        FILLER + "《入党积极分子培养考察登记表》、《预备党员教育考察登记表》的式样由中央组织部"
        "负责制定，其印制、管理等由省级党委组织部门作出安排。\n"
    )
    assert "预备党员教育考察登记表" not in answers(generate_questions(titles), ("cloze",))
    # the same blanks with nothing in the stem spelling them
    st = "健全农村地区常态化机制，防范遏制“村霸”、家族宗族黑恶势力滋生蔓延。"
    at = st.index("黑恶势力")
    assert not _stem_spells_key(st, at, at + 4, False)
    assert _stem_spells_key("扫黑除恶，" + st, at + 5, at + 9, False)
    # a word that only happens to hold the characters across a word boundary is no cue
    st = "当前，我们要加快推进高质量发展，关键在于有一支高素质的干部队伍。"
    at = st.index("高质量发展")
    assert not _stem_spells_key(st, at, at + 5, True)
    # members of a plain list share their head by design
    st = "坚持和完善我国根本政治制度、基本政治制度、重要政治制度。"
    at = st.index("重要政治制度")
    assert not _stem_spells_key(st, at, at + 6, False)


def test_fresh_a_blank_keeps_the_lead_that_names_its_theme() -> None:
    text = FILLER + (
        "大会主题是：高举习近平新时代中国特色社会主义思想伟大旗帜，忠实践行“八八战略”，"
        "坚决做到“两个维护”，奋力推进省域现代化先行。\n"
    )
    stems = [
        q.stem
        for q in generate_questions(text)
        if q.kind == "cloze" and q.answer == ["习近平新时代中国特色社会主义思想"]
    ]
    # bare, 高举（　　）伟大旗帜 reads as the national 高举中国特色社会主义伟大旗帜
    assert stems and all(stem.startswith("大会主题是：高举（") for stem in stems), stems
    # a lead that names no theme is left out, the quote reading alone
    assert _with_colon_lead("他反复强调：“进行伟大斗争”。", "“进行伟大斗争”。", 3, 7) == (
        "“进行伟大斗争”。",
        3,
        7,
    )


def test_fresh_a_window_inside_a_list_opens_where_the_list_is_named() -> None:
    text = FILLER + (
        "刘少奇同志对改革经济管理体制提出许多指导意见，认为如果生产关系跑到生产力的前头就会破坏生产力，"
        "主张在农业生产中实行同产量联系起来的责任制，在企业领域倡导试办托拉斯，提出实行两种教育制度"
        "和两种劳动制度，提议改革物资管理流通体制，等等，这些重要意见反映了他的远见卓识，也为党的"
        "十一届三中全会以后经济体制改革提供了有益借鉴。\n"
    )
    stems = [q.stem for q in generate_questions(text) if q.answer == ["两种教育制度"]]
    # no summary (这些重要意见) of items the window cut, and the clause naming the list is shown
    assert stems
    for stem in stems:
        assert "这些" not in stem and stem.startswith(
            "刘少奇同志对改革经济管理体制提出许多指导意见，……"
        ), stem
        assert stem.endswith("流通体制……"), stem
    # a window from the sentence's start keeps its summary
    whole = "我们提出实行两种教育制度，等等，这些意见很重要。"
    at = whole.index("两种")
    assert _before_summary(whole, whole, at, at + 6, at) == (whole, at, at + 6)


def test_fresh_a_numbered_name_is_never_the_one_option_counting_the_listing() -> None:
    text = FILLER + (
        "坚决打好三大攻坚战，应对各种风险挑战工作有力有效。\n"
        "统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设“五位一体”总体布局。\n"
    )
    from quizapp.generation.pipeline import load_lexicon

    lexicon = load_lexicon()
    named = {}
    for seed in (0, 3, 7):
        for q in generate_questions(text, seed=seed):
            if q.template == "lex_name":
                named[q.answer] = q.options
    # 五位一体 is still asked; 三大攻坚战 among 三去一降一补 (five members under a 三) and
    # unnumbered names was the one three-member name: asked only with a lure like it
    assert "五位一体" in named, named
    for answer, options in named.items():
        count = len(lexicon.get(answer).members)
        like = [
            o
            for o in options
            if o != answer and o[0] == answer[0] and len(lexicon.get(o).members) == count
        ]
        assert like, (answer, options)


def test_rivals_a_typed_key_takes_lures_of_its_type() -> None:
    from quizapp.generation.builders import _typed_head

    assert _typed_head("开放型经济") == "型经济"
    assert _typed_head("学习型政党") == "型政党"
    assert _typed_head("共享经济") == ""  # (no type: any X经济 look-alike may do)
    text = FILLER + (
        "发展冰雪经济、共享经济和平台经济，做强做优做大国有经济。\n"
        "我们必须坚定不移扩大高水平对外开放，加快构建更高水平开放型经济新体制，推动外向型经济转型。\n"
    )
    for seed in (0, 3, 7):
        for q in generate_questions(text, seed=seed):
            if q.kind == "single" and q.answer == "开放型经济":
                # 更高水平冰雪经济新体制 is absurd: every look-alike keeps the type
                assert all(o.endswith("型经济") for o in q.options), q.options


def test_rivals_a_term_modifying_the_slot_leaves_it_open() -> None:
    text = FILLER + (
        "各级党委要落实全面从严治党政治责任，用好问责利器，推动管党治党取得新成效。\n"
        "落实各级党委（党组）主体责任，提高各级干部的政治站位和履职本领。\n"
    )
    for seed in (0, 3, 7):
        for q in generate_questions(text, seed=seed):
            # 落实全面从严治党（主体责任） is as standard: nothing pins 政治责任
            assert not (q.kind == "cloze" and "治党（" in q.stem and "政治责任" in q.keys), q.stem


def test_rivals_no_enum_multi_whose_lures_share_a_shape_a_key_lacks() -> None:
    text = FILLER + (
        "深入挖掘中华优秀传统文化蕴含的思想观念、人文精神、道德规范，结合时代要求继承创新，"
        "让中华文化展现出永久魅力和时代风采。\n"
    )
    for seed in (0, 3, 7):
        for q in generate_questions(text, seed=seed):
            if q.template != "multi_enum":
                continue
            lures = [o for o in q.options if o not in q.answer]
            # 劳动精神、奉献精神 beside 思想观念, 道德规范: the keys are the ones not …精神
            ends = {o[-2:] for o in lures}
            assert not (
                len(lures) >= 2 and len(ends) == 1 and not all(k[-2:] in ends for k in q.answer)
            ), q.options


def test_windows_never_end_on_a_clause_that_governs_what_they_cut() -> None:
    # round F6 #36: a fronted adverbial (通过…等方式) takes in the clause with its verb
    text = (
        "引导企业、农民合作社、家庭农场与农户等紧密联合与合作，通过保底分红、入股参股、"
        "服务带动等方式，让农民更多分享产业增值收益。"
    )
    stem = text[: text.index("，让")] + "。"
    at = text.index("农民合作社")
    got = _without_dangling_end(text, stem, at, at + 5, at, at + 5)[0]
    assert got.endswith("让农民更多分享产业增值收益。"), got
    # round R30 #11: a speech verb keeps its quote
    text = "针对那些弄虚作假、欺上瞒下的歪风邪气，刘少奇同志严厉批评说：“实事求是，忠诚老实。”"
    stem = text[: text.index("：")] + "。"
    at = text.index("弄虚作假")
    got = _without_dangling_end(text, stem, at, at + 4, at, at + 4)[0]
    assert got.endswith("忠诚老实。”"), got
    # too long a quote: the window ends before the speech clause
    quote = "，“" + "坚持原则，" * 12 + "忠诚老实。”"
    long_text = text[: text.index("：")] + quote
    got = _without_dangling_end(long_text, stem, at, at + 4, at, at + 4)[0]
    assert got == "针对那些弄虚作假、欺上瞒下的歪风邪气。", got
    # … and asks nothing when what is left would end on a bare adverbial (通过…等方式。)
    long_text = "通过弄虚作假、欺上瞒下等方式，他多次严厉批评说" + quote
    stem = long_text[: long_text.index("，“")] + "。"
    at = long_text.index("弄虚作假")
    assert _without_dangling_end(long_text, stem, at, at + 4, at, at + 4)[0] == ""
    # a 通过 clause with its own verb is no dangling adverbial
    text = "通过交流研讨、宣讲阐释等方式组织党员学习，深化理论武装。"
    stem = text[: text.index("，深化")] + "。"
    at = text.index("交流研讨")
    assert _without_dangling_end(text, stem, at, at + 4, at, at + 4)[0] == stem
    # round R30 #19: the key inside a 按照… adverbial whose main clause announces a colon
    text = (
        "按照党的十九大提出的决胜全面建成小康社会、分两个阶段实现第二个百年奋斗目标的战略安排，"
        "实施乡村振兴战略的目标任务是：到2020年，乡村振兴取得重要进展。"
    )
    stem = text[: text.index("，实施")] + "。"
    at = text.index("第二个")
    assert _without_dangling_end(text, stem, at, at + 9, at, at + 9)[0] == ""
    # a window ending on a clause with its own verb is left as it is
    text = "坚持农业农村优先发展，加快推进农业农村现代化，让农民过上好日子。"
    stem = text[: text.index("，让")] + "。"
    at = text.index("农业农村现代化")
    assert _without_dangling_end(text, stem, at, at + 7, at, at + 7)[0] == stem


def test_a_key_never_runs_through_the_closer_of_a_list() -> None:
    # round F6 #37: 与（农户等紧密）联合 runs from a member through 等 into an adverb
    text = "引导企业、农民合作社、家庭农场与农户等紧密联合与合作，让农民更多分享产业增值收益。"
    at = text.index("农户等紧密")
    assert _key_edge_fault(text, at, at + 5)
    assert _key_edge_fault(text, at, at + 3)  # (a member with its closer: 农户等)
    got = answers(generate_questions(FILLER + text + "\n"))
    assert "农户等紧密" not in got, got
    # 等 of a word is no closer
    for key in ("男女平等", "中等收入群体", "高等教育"):
        text = f"坚持{key}，推动发展。"
        assert not _key_edge_fault(text, 2, 2 + len(key)), key


def test_a_blank_edge_never_parts_a_proper_name() -> None:
    # round R30 #7: 参加中国工农（红军长征） parts the name 中国工农红军
    text = "刘少奇同志参加中国工农红军长征，在遵义会议上坚定支持正确主张。"
    at = text.index("红军长征")
    assert _key_edge_fault(text, at, at + 4)
    at = text.index("遵义会议")
    assert not _key_edge_fault(text, at, at + 4)
    # a formula holding 的 is no name: 加强党的（长期执政能力建设）
    text = "以加强党的长期执政能力建设、先进性和纯洁性建设为主线。"
    at = text.index("长期执政能力建设")
    assert not _key_edge_fault(text, at, at + 8)


def test_a_window_opening_on_the_copula_keeps_its_subject() -> None:
    # round R30 #29: 是在…召开的一次十分重要的大会 without 中国共产党第二十次全国代表大会
    text = (
        "中国共产党第二十次全国代表大会，是在全党全国各族人民迈上全面建设社会主义现代化国家"
        "新征程、向第二个百年奋斗目标进军的关键时刻召开的一次十分重要的大会。"
    )
    start = text.index("是在")
    stem = text[start:]
    at = stem.index("第二个百年奋斗目标")
    got, a, b = _with_topic(text, stem, at, at + 9, start)
    assert got == text and got[a:b] == "第二个百年奋斗目标", got
    # a first clause holding its own 是 is no subject of the copula
    text = "这是一个重要判断，是我们制定方针政策的依据。"
    start = text.index("是我们")
    stem = text[start:]
    assert _with_topic(text, stem, 3, 5, start)[0] == stem


# -- windows opening on a clause that leans back (sixth session, rounds FT1–FT7) -----------


def _lean(text: str, start: int, key: str) -> tuple[str, str]:
    stem = text[start:]
    at = stem.index(key)
    got, a, b = _with_antecedent(text, stem, at, at + len(key), start + at)
    return got, got[a:b]


def test_a_window_takes_in_what_its_opening_points_back_to() -> None:
    # round FT5 #3, FT7 #6: 熟练掌握其中蕴含的… cuts what 其中 points to
    text = (
        "建新功，就是要从党的创新理论中汲取智慧和力量，熟练掌握其中蕴含的领导方法、"
        "思想方法、工作方法，不断提高履职尽责的能力和水平。"
    )
    got, key = _lean(text, text.index("熟练"), "思想方法")
    assert got.startswith("建新功，就是要") and key == "思想方法", got
    # round FT7 #6 (xi2023): 要么…，…，要么…: back to the clause before the first 要么
    text = (
        "比如，一些地方贯彻落实决策部署不到位，要么简单化、“一刀切”，照抄照搬，"
        "要么做选择、搞变通、打折扣，不顾大局。"
    )
    got, key = _lean(text, text.index("要么简单"), "搞变通")
    assert got.startswith("一些地方贯彻") and key == "搞变通", got
    # round FT5 #18: 也是…的重要体现 without its subject; the clauses after the key's go
    # first when the stem grows too long
    text = (
        "“六个必须坚持”是继续推进党的理论创新的科学方法，也是这一思想的世界观和方法论的"
        "重要体现，这就是党内的“共同语言”，要重点学习、深刻领悟、全面把握、学以致用。"
    )
    got, key = _lean(text, text.index("也是"), "世界观和方法论")
    assert got.startswith("“六个必须坚持”是") and key == "世界观和方法论", got
    assert len(got) <= 76 and got.endswith("。"), got
    # an anaphor after a noun phrase of its own clause points inside it: left as it is
    text = "我们要深入学习，全面把握这一思想的世界观、方法论和贯穿其中的立场观点方法。"
    start = text.index("全面")
    assert _lean(text, start, "立场观点方法")[0] == text[start:]
    # a discourse ordinal is no antecedent (第三，|这是…): left as it is
    text = "第三，这是深入推进全面从严治党、以党的自我革命引领社会革命的必然要求。"
    start = text.index("这是")
    assert _lean(text, start, "全面从严治党")[0] == text[start:]


def test_a_window_opening_after_a_colon_keeps_its_lead() -> None:
    # round FT1 #26, FT7 #26: …（美丽中国）建设取得新的重大进展 without 主要目标：
    text = (
        "全会提出了今后五年经济社会发展的主要目标：高质量发展取得显著成效，科技自立自强水平"
        "大幅提高，美丽中国建设取得新的重大进展。"
    )
    got, key = _lean(text, text.index("科技"), "美丽中国")
    assert got.startswith("全会提出了今后五年经济社会发展的主要目标：……科技") and key == "美丽中国"
    # a quotation after a speech verb's colon stands alone
    text = "他强调：“要坚持人民至上，坚持自信自立，坚持守正创新。”"
    start = text.index("坚持自信")
    assert _lean(text, start, "自信自立")[0] == text[start:]


def test_a_sentence_opening_on_a_discourse_ordinal_drops_it() -> None:
    text = "第四，勇于自我革命，始终成为紧跟党走在时代前列的先进组织。\n"
    got = [q.stem for q in generate_questions(FILLER + text) if "先进组织" in q.stem]
    assert got and not any(s.startswith("第四") for s in got), got


# -- keys not worth testing: a plain item of a list of like items (sixth session, FT1–QT2) --


def _flag(text: str, key: str) -> str:
    at = text.index(key)
    return _plain_list_item(text, at, at + len(key))


def test_a_plain_item_of_a_list_of_like_items_is_no_key() -> None:
    # round FT7 #30: a person of a list of people
    text = "全会审议通过了关于王某某、李某、张某某、赵某严重违纪违法问题的审查报告。"
    assert _flag(text, "李某") == "name" and _flag(text, "王某某") == "name"
    # rounds FT4–QT2: a fee or a way of use in a rule's list
    text = "差旅人员必须按照规定标准及时足额交纳交通费、住宿费、伙食费。"
    assert _flag(text, "住宿费") == "rule item"
    text = "不得以任何方式换用、借用、占用所属单位的车辆。"
    assert _flag(text, "借用") == "rule item"
    # rounds FT4, FT7: 不同X; round FT3, FT4: a triad of X的Y appraisals opening its clause
    text = "要针对不同地区、不同领域、不同行业的特点分类指导。"
    assert _flag(text, "不同领域") == "determiner"
    text = "大家深受教育，真理的味道、思想的力量、领袖的魅力深深触动人心。"
    assert _flag(text, "思想的力量") == "appraisal"
    got = answers(generate_questions(FILLER + text + "\n"))
    assert "思想的力量" not in got, got
    # what stays: a formula's members, a pattern's 严, a triad governed by 以, a list outside
    # a rule, members of unlike shape
    for text, key in (
        ("坚持自治、法治、德治相结合，确保乡村社会充满活力。", "法治"),
        ("对干部还是要从严，严教育、严管理、严监督，经常敲一敲警钟。", "严管理"),
        (
            "以识才的慧眼、爱才的诚意、用才的胆识、容才的雅量，把各方面优秀人才集聚起来。",
            "爱才的诚意",
        ),
        ("构建一体推进不敢腐、不能腐、不想腐体制机制。", "不能腐"),
        ("探索宅基地所有权、资格权、使用权“三权分置”。", "资格权"),
    ):
        assert _flag(text, key) == "", (text, key)


# -- lures that are also right, or wrong by grammar alone (sixth session; QT1 #10/#30/#36,
# QT2 #2, FT7 C, F6 #3, F7 #3) ---------------------------------------------------------------


def test_lure_sharing_a_stock_set_with_the_key_is_also_right() -> None:
    from quizapp.generation.builders import _also_right_mate, _stock_set
    from quizapp.generation.lexicon import load_lexicon

    lexicon = load_lexicon()
    stem = "各级领导机关和领导干部必须树立正确（　　），坚持以身作则、以上率下。"
    # 权力观、政绩观、事业观: the triad's mates fit a slot the stem does not pin
    assert _also_right_mate(lexicon, "政绩观", "权力观", stem, ())
    assert _also_right_mate(lexicon, "政绩观", "事业观", stem, ())
    assert not _also_right_mate(lexicon, "政绩观", "大历史观", stem, ())
    # a long list or one of mixed heads is a set of distinct things: its mates stay lures
    assert _stock_set(("权力观", "政绩观", "事业观"))
    assert not _stock_set(("永久基本农田", "生态保护红线", "城镇开发边界"))
    assert not _stock_set(tuple(f"{c}安全" for c in "甲乙丙丁戊"))


def test_an_ism_modifying_a_noun_takes_no_lure_never_seen_before_that_noun() -> None:
    from quizapp.generation.builders import _unfit_head

    text = "发展新时代中国特色社会主义文化。坚持辩证唯物主义和历史唯物主义。"
    known = frozenset({"中国特色社会主义文化"})
    # 新时代（　　）文化: 历史唯物主义文化 is no phrase, grammar alone rules it out
    assert _unfit_head("历史唯物主义", "文化，扎实推进文化强国建设。", text, known)
    assert not _unfit_head("中国特色社会主义", "文化，扎实推进文化强国建设。", text, known)
    # a blank before a function word or punctuation modifies nothing
    assert not _unfit_head("历史唯物主义", "和辩证唯物主义。", text, known)
    assert not _unfit_head("历史唯物主义", "。", text, known)


def test_no_single_offers_a_philosophy_as_the_modifier_of_a_banner() -> None:
    text = (Path(__file__).resolve().parents[1] / "quizapp/data/seed_speech.txt").read_text(
        encoding="utf-8"
    )
    text += "\n全党要高举中国特色社会主义伟大旗帜，坚定不移走中国特色社会主义道路。\n"
    for q in generate_questions(text, seed=0):
        if q.kind == "single" and f"{BLANK}伟大旗帜" in q.stem:
            assert "历史唯物主义" not in q.options and "辩证唯物主义" not in q.options, q


def test_a_numbered_name_takes_numbered_lures_of_its_length() -> None:
    # FT3 #34 (四风 the one two-character 四X), FT7 #22 / QT2 #22 (社会主义新农村建设总要求
    # beside 五位一体)
    text = (
        "全党要坚决反对形式主义、官僚主义、享乐主义、奢靡之风。"
        "统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设。"
    )
    asked = {q.answer: q for q in generate_questions(text, seed=0) if q.template == "lex_name"}
    assert asked, "no 合称 question"
    for name, q in asked.items():
        for lure in q.options:
            assert any(c in "一二两三四五六七八九十" for c in lure), q
            assert abs(len(lure) - len(name)) <= 2, q


def test_a_multi_whose_keys_share_an_opening_no_lure_has_is_not_asked_so() -> None:
    from quizapp.generation.builders import _keeps_edge, _keys_only_edge

    keys = [
        "确立习近平同志党中央的核心、全党的核心地位",
        "确立习近平新时代中国特色社会主义思想的指导地位",
    ]
    lures = ["确立党的全面领导制度", "确立马克思主义在意识形态领域的指导地位"]
    edge = _keys_only_edge(keys, lures, "两个确立")
    assert edge == "确立习近平"
    assert _keeps_edge("确立习近平强军思想在国防和军队建设中的指导地位", edge)
    assert not _keys_only_edge(keys, [*lures[:1], "确立习近平强军思想的指导地位"], "两个确立")
    # keys opening like the lures, or an ending the name prints, are no cue (F7 #14)
    assert not _keys_only_edge(
        ["毫不动摇巩固和发展公有制经济", "毫不动摇鼓励、支持、引导非公有制经济发展"],
        ["毫不动摇坚持党的全面领导", "毫不动摇把党建设得更加坚强有力"],
        "两个毫不动摇",
    )
    assert not _keys_only_edge(
        [
            "团结奋斗是中国人民创造历史伟业的必由之路",
            "贯彻新发展理念是新时代我国发展壮大的必由之路",
        ],
        ["改革开放是决定当代中国命运的关键一招"],
        "五个必由之路",
    )
    text = "全党要深刻领悟“两个确立”的决定性意义，确立习近平同志党中央的核心、全党的核心地位。"
    for q in generate_questions(text, seed=0):
        if q.template == "lex_members":
            wrong = [o for o in q.options if o not in q.answer]
            assert any("习近平" in o for o in wrong), q


def test_a_prohibition_decided_by_its_sound_is_not_judged() -> None:
    # FT1 #40, FT2 #39/#40: 严格按照规定…可以擅自…变相…, 依法应当…可以…规避 are false by their
    # wording, and 不得擅自… true by it
    from quizapp.generation.provisions import prohibition_statement

    assert prohibition_statement("党支部不得擅自接收预备党员，应当报上级党委审批。") == ""
    assert prohibition_statement("基层党委不得变相降低发展党员标准。") == ""
    assert prohibition_statement("党总支不能审批预备党员。") == "党总支不能审批预备党员。"


# -- versions of a shared formula name (sixth session) ---------------------------------------------


def _lex_formulas(text: str) -> set[str]:
    return {q.formula for q in generate_questions(FILLER + text) if q.template.startswith("lex_")}


def test_a_shared_name_takes_the_version_its_text_gives_evidence_for() -> None:
    # rounds FT6/FT7: 统筹国内国际两个大局 means 国内大局/国际大局, not 战略全局 + 大变局
    inland = "必须统筹国内国际两个大局，始终不渝走和平发展道路。要胸襟开阔，把握两个大局。"
    assert not {f for f in _lex_formulas(inland) if "两个大局" in f}
    hearted = "领导干部要胸怀两个大局，心怀“国之大者”，不断提高政治判断力。"
    assert "两个大局（战略全局）" in _lex_formulas(hearted)
    # round FT3 #14: the 2023 campaign's text was served 2019's 守初心、担使命、找差距、抓落实
    campaign = (
        "学习贯彻习近平新时代中国特色社会主义思想主题教育已经全面启动。"
        "各级党组织要把主题教育总要求贯穿全过程，确保取得实效。"
    )
    questions = [q for q in generate_questions(FILLER + campaign) if q.template.startswith("lex_")]
    assert {q.formula for q in questions} >= {"主题教育总要求（2023）"}
    assert "主题教育总要求（2019）" not in {q.formula for q in questions}
    stems = [
        q.stem
        for q in questions
        if q.formula == "主题教育总要求（2023）"
        and q.template != "lex_name"  # (the listing names it)
    ]
    assert stems and all(
        "学习贯彻习近平新时代中国特色社会主义思想主题教育总要求" in s for s in stems
    )


def test_a_shared_name_without_evidence_or_with_conflicting_evidence_asks_nothing() -> None:
    bare = "各级党组织要把主题教育总要求贯穿全过程，确保取得实效。"
    assert not {f for f in _lex_formulas(bare) if f.startswith("主题教育")}
    both = (
        "回顾“不忘初心、牢记使命”主题教育，再看学习贯彻习近平新时代中国特色社会主义思想主题教育。"
        "各级党组织要把主题教育总要求贯穿全过程，确保取得实效。"
    )
    assert not {f for f in _lex_formulas(both) if f.startswith("主题教育")}
    # the name itself stays worth a blank: only its members are version-bound
    lexicon = load_lexicon()
    hit = lexicon.find_names("统筹国内国际两个大局")[0]
    assert hit.formula.name == "两个大局" and not hit.formula.members
    # the mention's own sentence decides before the rest of the text
    senses = lexicon.senses_in("胸怀两个大局。统筹国内国际两个大局。")
    assert senses["两个大局"].name == "两个大局"  # conflicting: neutral
    sentence = "坚持守初心、担使命、找差距、抓落实，把主题教育总要求落到实处。"
    assert lexicon.find_names(sentence, senses)[0].formula.name == "主题教育总要求（2019）"


def test_a_version_s_stems_name_it_and_its_lures_never_read_as_its_name() -> None:
    text = "我们坚决贯彻“守初心、担使命、找差距、抓落实”的总要求，扎实开展主题教育。"
    questions = [
        q
        for q in generate_questions(FILLER + text)
        if q.formula == "主题教育总要求（2019）" and q.template.startswith("lex_")
    ]
    assert questions
    for q in questions:
        if q.template == "lex_name":  # (the shared name would read as right too)
            assert "主题教育总要求" not in [o for o in q.options if o != q.answer]
        else:
            assert "‘不忘初心、牢记使命’主题教育总要求" in q.stem, q.stem


def test_a_verb_member_leaves_its_term_a_key() -> None:
    # 坚持人民至上 (a member of 党百年奋斗的历史经验) kept whole by jieba hid the term 人民至上
    from quizapp.generation.keyphrases import extract

    text = FILLER + "我们坚持人民至上、生命至上，坚持外防输入、内防反弹，开展抗击疫情人民战争。"
    assert "人民至上" in {k.text for k in extract(text).keys}


def test_formulas_added_in_the_sixth_session_keep_their_wording() -> None:
    lexicon = load_lexicon()
    assert lexicon.get("强军目标").members == ("听党指挥", "能打胜仗", "作风优良")
    assert lexicon.get("新四化").members == ("新型工业化", "信息化", "城镇化", "农业现代化")
    assert lexicon.get("三新一高").members[0] == "立足新发展阶段"
    assert lexicon.get("主题教育总要求（2023）").members == ("学思想", "强党性", "重实践", "建新功")
    assert lexicon.get("进一步全面深化改革总目标").members[0].startswith("继续")
    assert len(lexicon.get("十四个坚持").members) == 14
    assert len(lexicon.get("十个坚持（历史经验）").members) == 10
    assert lexicon.get("全人类共同价值").members[2] == "公平"  # (公平, not 平等)
    # a row whose wording is not checked is kept without members: nothing is asked
    assert lexicon.get("七个聚焦") is None and lexicon.get("新三样").members == ()
    assert lexicon.get("两个责任").members == ("主体责任", "监督责任")
    # 五个重大关系 is asked only where the text is about 生态文明建设
    plain = "推进中国式现代化要处理好五个重大关系。"
    assert not {f for f in _lex_formulas(plain) if "五个重大关系" in f}
    ecology = "推进生态文明建设要处理好五个重大关系，坚持高质量发展和高水平保护相统一。"
    assert "五个重大关系（生态文明建设）" in _lex_formulas(ecology)


# ---- a formula whose members are only the clauses of a longer statement (sixth session,
# review of the bundled speech: "是指" + six clauses told learners that was all of it)


def test_a_formula_with_a_longer_statement_is_quoted_whole_and_listed_as_included() -> None:
    from quizapp.generation import generate_questions

    text = "我们要深入实践新时代党的建设总要求，以党的政治建设为统领，推动全面从严治党向纵深发展。"
    found = [q for q in generate_questions(text) if q.formula == "新时代党的建设总要求"]
    assert found
    for q in found:
        assert "是指：" not in q.stem, q.stem
        if "新时代党的建设总要求" in q.explanation:
            assert "把党建设成为始终走在时代前列" in q.explanation, q.explanation
            assert "总要求”是指" not in q.explanation
    assert any("包括：" in q.stem for q in found if q.template.startswith("lex_cloze"))


# -- speed, output byte-identical (sixth session) ----------------------------------------------


def _splits_a_name_plainly(text: str, at: int) -> bool:
    # the search _splits_a_name replaced: every span of five to ten characters across ``at``
    from quizapp.generation.jieba_setup import is_word

    if not 0 < at < len(text):
        return False
    for x in range(max(0, at - 7), at):
        for y in range(max(at + 1, x + 5), min(len(text), x + 10) + 1):
            if is_word(text[x:y]) and "的" not in text[x:y]:
                return True
    return False


def test_speed_splits_a_name_finds_what_the_plain_search_finds(shared_dir: Path) -> None:
    # _splits_a_name grows words over jieba's table from five characters and stops where no
    # word begins: the same answer as asking every span, at every offset of two long texts
    from quizapp.generation.builders import _splits_a_name
    from quizapp.generation.segment import segment

    found = 0
    for name in ("report20_full.txt", "gov_work_report_2018_part1.txt"):
        text = (shared_dir / "corpus" / name).read_text(encoding="utf-8")
        for s in segment(text).sentences:
            for at in range(len(s.text) + 1):
                want = _splits_a_name_plainly(s.text, at)
                assert _splits_a_name(s.text, at) == want, (s.text, at)
                found += want
    assert found > 100  # (names are crossed: the comparison is not all False)


def test_speed_stem_spells_key_finds_the_split_opening_without_a_regex() -> None:
    # the X.Y search by str.find finds what the lookahead regex found (扫黑除恶 for 黑恶势力)
    stem = "深入开展扫黑除恶专项斗争，依法打击家族宗族黑恶势力。"
    at = stem.index("黑恶势力")
    assert _stem_spells_key(stem, at, at + 4, True)
    stem = "深入开展专项斗争，依法打击家族宗族黑恶势力。"
    at = stem.index("黑恶势力")
    assert not _stem_spells_key(stem, at, at + 4, True)
    # (X.Y right after the blank's | and at the stem's start are both seen)
    stem = "黑恶势力扫黑除恶"
    assert _stem_spells_key(stem, 0, 4, True)


def test_speed_edge_fault_cache_follows_words_a_lexicon_adds() -> None:
    # _key_edge_fault is cached per sentence and key; a name a lexicon adds to jieba later
    # must be seen (the dictionary's version is part of the key)
    from quizapp.generation import jieba_setup
    from quizapp.generation.lexicon import Lexicon

    jieba_setup.warm_up()
    text = "同志参加罡翟嵇岙峁长征，坚定支持正确主张。"
    at = text.index("岙峁长征")
    assert not _key_edge_fault(text, at, at + 4)
    jieba_setup.warm_up(Lexicon([], {"测试用词": ["罡翟嵇岙峁"]}))
    assert _key_edge_fault(text, at, at + 4)  # the blank now parts the name


def test_speed_a_text_generated_again_reuses_its_extraction(seed_text: str) -> None:
    # the extraction (and the windows kept with it) is reused for the same text, lexicon and
    # dictionary; what is generated from it is what a fresh extraction gives
    from quizapp.generation import pipeline
    from quizapp.generation.lexicon import Lexicon, load_lexicon

    pipeline._extracted.cache_clear()
    fresh = {
        seed: [q.to_dict() for q in generate_questions(seed_text, seed=seed)] for seed in (0, 7)
    }
    again = {
        seed: [q.to_dict() for q in generate_questions(seed_text, seed=seed)] for seed in (7, 0)
    }
    assert again == fresh
    info = pipeline._extracted.cache_info()
    assert (info.misses, info.hits) == (1, 3)
    picked = [q.to_dict() for q in generate_questions(seed_text, seed=3, count=10)]
    pipeline._extracted.cache_clear()
    assert [q.to_dict() for q in generate_questions(seed_text, seed=3, count=10)] == picked
    # another lexicon is another extraction (an admin's overlay reads the text anew)
    pipeline._extracted.cache_clear()
    generate_questions(seed_text, seed=0, lexicon=load_lexicon())
    generate_questions(seed_text, seed=0, lexicon=Lexicon([], {}))
    assert pipeline._extracted.cache_info().misses == 2


def test_speed_a_text_generated_again_reads_each_key_once(seed_text: str, monkeypatch) -> None:
    # each key's and each list's checks, window and lure pools are kept with the extraction
    # (the seed-free half of text_questions and group_questions): a text generated again with
    # another seed runs none of them, draws its own lures, and gives what a fresh extraction
    # gives at that seed
    from quizapp.generation import builders, pipeline

    pipeline._extracted.cache_clear()
    fresh = {
        seed: [q.to_dict() for q in generate_questions(seed_text, seed=seed)] for seed in (5, 9)
    }
    pipeline._extracted.cache_clear()
    generate_questions(seed_text, seed=0)
    read: list[object] = []
    for name in ("_key_reading", "_group_reading"):
        real = getattr(builders, name)
        monkeypatch.setattr(
            builders, name, lambda *args, _real=real: read.append(args) or _real(*args)
        )
    again = {
        seed: [q.to_dict() for q in generate_questions(seed_text, seed=seed)] for seed in (9, 5)
    }
    assert again == fresh
    assert read == []
    options = {seed: {q["id"]: q["options"] for q in again[seed]} for seed in again}
    kinds = {q["kind"] for q in again[5] if q["options"]}
    assert {"single", "multiple"} <= kinds
    assert any(options[5][i] != options[9][i] for i in options[5])  # the seed still draws


# -- the formula 多选 shows a seeded part of the formula (sixth session, S0) ---------------------
# QY1, F1, S0: “‘四个意识’包括” showed the four members and one lure, so a learner picked all
# but the odd one out; it now shows two or three of four members (three or four of more) among
# one to three lures, and the count of right options varies between questions and seeds.
def _lex_members(text: str, seed: int):
    return [q for q in generate_questions(text, seed=seed) if q.template == "lex_members"]


def test_a_four_member_formula_multiple_choice_varies_its_right_options() -> None:
    from quizapp.generation.lexicon import load_lexicon

    lexicon = load_lexicon()
    shapes, ids = set(), set()
    for seed in range(8):
        made = _lex_members(FILLER, seed)
        assert {q.formula for q in made} >= {"四个意识", "四个自信"}
        for q in made:
            formula = lexicon.get(q.formula)
            right, wrong = q.answer, [o for o in q.options if o not in q.answer]
            assert set(right) <= set(q.options) and len(right) >= 2, q
            assert 4 <= len(q.options) <= 5 and 1 <= len(wrong) <= 3, q
            assert all(formula.is_member_text(o) for o in right), q
            # every wrong option is a clear non-member: not a member, a spelling or a piece of one
            for o in wrong:
                assert not formula.is_member_text(o), (o, q)
                assert not any(o in m or m in o for m in formula.members), (o, q)
            # the stem stays true of a part, and the explanation still lists every member
            assert ("包括" in q.stem) == (len(right) == len(formula.members)), q.stem
            assert all(m in q.explanation for m in formula.members), q.explanation
            if len(formula.members) == 4:
                assert len(right) in (2, 3), q
                shapes.add((q.formula, len(right)))
            ids.add((q.formula, q.id))
    # both counts come up for each formula, and the id does not follow the seed
    assert shapes == {(f, n) for f in ("四个意识", "四个自信") for n in (2, 3)}, shapes
    assert len(ids) == len({f for f, _ in ids})


def test_the_formula_multiple_choice_is_the_same_for_the_same_seed() -> None:
    first = [q.to_dict() for q in _lex_members(FILLER, 3)]
    assert first and first == [q.to_dict() for q in _lex_members(FILLER, 3)]
    other = {q.id: q for q in _lex_members(FILLER, 4)}
    assert {q["id"] for q in first} == set(other)


def test_the_formula_multiple_choice_shows_the_members_the_text_prints_first() -> None:
    # a text naming 全面深化改革 and 全面从严治党 (not the 2020 wording of the first member)
    # asks them, whichever part of 四个全面 a seed shows
    text = "协调推进“四个全面”战略布局，全面深化改革，推动全面从严治党向纵深发展。"
    for seed in range(6):
        (q,) = _lex_members(text, seed)
        assert {"全面深化改革", "全面从严治党"} <= set(q.answer), q.answer


def test_a_piece_of_a_member_is_no_lure_of_the_formula_multiple_choice() -> None:
    from quizapp.generation.builders import _lengths_give_away

    # 面向世界 beside 面向经济主战场 reads as 面向世界科技前沿 cut short; and members of seven
    # or eight characters among lures of four or five are told by length (seventh session, DB
    # #17: lures of their length mix in)
    text = "坚持“四个面向”，加快实现高水平科技自立自强。"
    counts = set()
    for seed in range(8):
        (q,) = _lex_members(text, seed)
        assert "面向世界" not in q.options, q.options
        assert not _lengths_give_away(q.answer, [o for o in q.options if o not in q.answer])
        counts.add(len(q.answer))
    assert counts <= {2, 3}


# -- blind6 failure classes (sixth session): counting cue, contrast split as a list, layout in
# stems, a blank cutting a term's opening, off-shape 多选 lures, wrong accepted spellings -----
_BLIND6 = Path(__file__).resolve().parent.parent / "bench" / "heldout_texts"


def _blind6_bank(name: str):
    return generate_questions((_BLIND6 / name).read_text(encoding="utf-8"), seed=0)


def test_a_numeral_label_is_not_blanked_after_its_counted_members() -> None:
    from quizapp.generation.shapes import counted_label

    stem = f"加快构建现代流通体系，推动海港、陆港、空港、信息港“{BLANK}”联动。"
    assert counted_label(stem, "四港")
    assert counted_label(f"推进海港、陆港、空港和信息港{BLANK}联动。", "四港")
    # three printed, or members without the label's head: not a count
    assert not counted_label(f"推动海港、陆港、空港“{BLANK}”联动。", "四港")
    assert not counted_label(f"坚持党的领导、人民当家作主、依法治国，落实“{BLANK}”。", "三统一")
    assert not counted_label(f"坚定“{BLANK}”，做到“两个维护”。", "四个自信")
    bank = _blind6_bank("yijian_zhejiang_gongtongfuyu_2021_sec1-5.txt")
    assert not [q for q in bank if q.kind != "judge" and "四港" in q.answer], "四港 counted"


def test_a_blank_inside_the_texts_brackets_is_not_asked() -> None:
    text = FILLER + (
        "无论是执行战争、生产、教育（包括整风）等中心任务，或是执行检查工作、审查干部和其他工作，"
        "除了采取一般号召和个别指导相结合的方法以外，还必须采取领导骨干和广大群众相结合的方法。\n"
    )
    # (the engine blanked 包括整风 here: 教育（（　　））等中心任务)
    stems = [q.stem for q in generate_questions(text)]
    assert stems and not any("（" + BLANK in s or "(" + BLANK in s for s in stems), stems
    from quizapp.generation.model import Question
    from quizapp.generation.pipeline import check_question

    def cloze(stem: str, answer: str) -> Question:
        return Question(id="x", kind="cloze", stem=stem, options=[], answer=[answer],
                        keys=[answer], source="", explanation="")  # fmt: skip

    for stem in (f"提出一般号召（{BLANK}计划）外", f"教育（包括{BLANK}）等", f"教育({BLANK})等"):
        assert check_question(cloze(stem, "整风")) == "blank inside the text's brackets", stem
    # quotation marks between keep it legible: the name of a formula, asked
    assert check_question(cloze(f"违纪行为（概括为“{BLANK}”）及其危害。", "七个有之")) is None


def test_a_stem_cut_after_its_connective_is_not_asked() -> None:
    from quizapp.generation.model import Question
    from quizapp.generation.pipeline import check_question

    text = FILLER + (
        "如果“五四”时期反对老八股和老教条主义是革命的和必需的，那末，今天我们用马克思主义来批判"
        "新八股和新教条主义也是革命的和必需的。\n"
    )
    # (the engine cut a 填空 here at 那末: 如果……反对老八股和老（　　）是革命的和必需的，那末。)
    stems = [q.stem for q in generate_questions(text)]
    assert stems and not any(s.endswith("那末。") for s in stems), stems
    cut = Question(id="x", kind="cloze", stem=f"如果…反对老{BLANK}是必需的，那么。", options=[],
                   answer=["教条主义"], keys=["教条主义"], source="", explanation="")  # fmt: skip
    assert check_question(cut) == "stem ends on a connective"
    cut.stem = f"如果反对老{BLANK}是必需的，那么今天批判新的也是必需的。"
    assert check_question(cut) is None


def test_a_contrast_is_not_split_into_order_free_items() -> None:
    from quizapp.generation.model import Question
    from quizapp.generation.pipeline import check_question
    from quizapp.generation.shapes import contrast_list

    assert contrast_list(["房子是用来住的", "不是用来炒的"])
    assert contrast_list(["立足国内", "而不是依赖外部"])
    assert not contrast_list(["不敢腐", "不能腐", "不想腐"])  # all deny: a list
    assert not contrast_list(["不忘初心", "牢记使命"])
    assert not contrast_list(["解放思想", "不断创新"])
    pair = Question(
        id="x",
        kind="cloze",
        stem=f"坚持{BLANK}、{BLANK}定位，完善住房市场体系。（不分先后）",
        options=[],
        answer=["房子是用来住的", "不是用来炒的"],
        keys=["房子是用来住的", "不是用来炒的"],
        source="坚持房子是用来住的、不是用来炒的定位，完善住房市场体系。",
        explanation="",
        ordered=False,
    )
    assert check_question(pair) == "a contrast split as order-free items"
    pair.ordered = True  # in the text's order the two blanks read as the one statement
    assert check_question(pair) is None
    bank = _blind6_bank("yijian_zhejiang_gongtongfuyu_2021_sec1-5.txt")
    for q in bank:
        if q.kind == "multiple" or q.kind == "cloze" and not q.ordered:
            assert "不是用来炒的" not in q.answer, q.stem
    # the statement is still asked whole, in its order (the gold line 房子是用来住的、不是用来炒的)
    (pair,) = [
        q for q in bank if q.kind == "cloze" and len(q.answer) == 2 and "不是用来炒的" in q.answer
    ]
    assert pair.ordered and "不分先后" not in pair.stem, pair.stem
    assert pair.answer == ["房子是用来住的", "不是用来炒的"]


def test_a_list_label_is_cut_from_the_head_of_a_stem() -> None:
    from quizapp.generation.shapes import strip_list_label

    assert (
        strip_list_label(f"（四）坚持从实际出发，加强{BLANK}。") == f"坚持从实际出发，加强{BLANK}。"
    )
    assert strip_list_label(f"4. 坚持从实际出发，加强{BLANK}。") == f"坚持从实际出发，加强{BLANK}。"
    assert strip_list_label(f"②坚持从实际出发，加强{BLANK}。") == f"坚持从实际出发，加强{BLANK}。"
    assert strip_list_label(f"2035年基本实现{BLANK}。") == f"2035年基本实现{BLANK}。"
    bank = _blind6_bank("tiaoli_dangyuan_jiaoyu_guanli_2019.txt")
    heads = re.compile(r"^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)")
    assert not [q.stem for q in bank if heads.match(q.stem)]
    assert any(q.stem.startswith("坚持从实际出发，加强") for q in bank)


def test_a_verb_every_list_item_shares_stays_in_the_multiple_choice_stem() -> None:
    bank = _blind6_bank("gongbao_19th_5th_plenum_2020.txt")
    multi = [q for q in bank if q.kind == "multiple" and "区域协调发展战略" in q.answer]
    assert multi, "the 区域 strategies 多选 is still asked"
    for q in multi:
        assert "坚持实施（" in q.stem and "区域重大战略" in q.answer, (q.stem, q.answer)
        assert not any(o.startswith("实施") for o in q.options), q.options


def test_a_list_blank_that_cuts_a_term_opening_is_no_question() -> None:
    from quizapp.generation.builders import _cuts_a_term_opening

    text = "形成主体功能明显、优势互补、高质量发展的国土空间开发保护新格局"
    assert _cuts_a_term_opening(text, 4)  # 主体|功能: 主体功能 opens 主体功能区
    assert not _cuts_a_term_opening(text, 2)  # 形成|主体: the verb is the stem's
    assert not _cuts_a_term_opening("坚持党的全面领导", 2)
    assert not _cuts_a_term_opening("推动经济社会发展", 4)
    bank = _blind6_bank("yijian_zhejiang_gongtongfuyu_2021_sec1-5.txt")
    assert not [q for q in bank if q.kind == "multiple" and "功能明显" in q.answer]


def test_multiple_choice_lures_keep_the_shape_of_the_items() -> None:
    # one classed item (精准脱贫, 高质量发展) among phrases of other shapes draws no slogans
    for name in ("report19_full.txt",):
        text = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / name
        if not text.exists():
            pytest.skip("corpus not present")
        bank = generate_questions(text.read_text(encoding="utf-8"), seed=0)
        for q in bank:
            if q.template == "multi_enum" and "精准脱贫" in q.answer:
                assert not {"以进促稳", "乡村振兴"} & set(q.options), q.options
        # items of one shape keep class mates of that shape (抓重点、补短板、强弱项)
        triads = [q for q in bank if q.template == "multi_enum" and "补短板" in q.answer]
        for q in triads:
            assert {len(o) for o in q.options} == {3}, q.options


def test_an_accepted_spelling_is_never_another_member_of_the_list() -> None:
    from quizapp.generation.lexicon import load_lexicon

    lex = load_lexicon()
    # 实践创新 stands where 全面创新's list has no slot for 科技创新 (another member of it)
    variants = lex.list_variants(["理论创新", "实践创新", "制度创新", "文化创新"])
    assert "科技创新" not in [m for vs in variants.values() for m, _ in vs]
    # a rewording in the item's own slot is still taken (review 23)
    rural = lex.list_variants(["工农互促", "城乡互补", "全面融合", "共同繁荣"])
    assert "协调发展" in [m for m, _ in rural["全面融合"]]
    # a list reordered (the 2019 四大赤字) keeps its one-for-one rewording (review 25e)
    deficits = lex.list_variants(["和平赤字", "发展赤字", "安全赤字", "治理赤字"])
    assert "信任赤字" in [m for m, _ in deficits["安全赤字"]]
    bank = _blind6_bank("yijian_zhejiang_gongtongfuyu_2021_sec1-5.txt")
    for q in bank:
        if q.kind == "cloze" and "实践创新" in q.answer:
            assert all("科技创新" not in a for a in q.accepted), q.accepted


def test_short_forms_of_a_known_name_are_accepted() -> None:
    bank = _blind6_bank("tiaoli_dangyuan_jiaoyu_guanli_2019.txt")
    (q,) = [q for q in bank if q.kind == "cloze" and q.answer == ["理论学习中心组"]]
    assert "中心组" in q.accepted[0]
    bank = _blind6_bank("gongbao_19th_5th_plenum_2020.txt")
    asked = [q for q in bank if q.kind == "cloze" and "世界百年未有之大变局" in q.answer]
    assert asked
    for q in asked:
        k = q.answer.index("世界百年未有之大变局")
        assert "百年未有之大变局" in q.accepted[k], q.accepted


# --- list rewordings need two standard wordings (sixth session, blind round BG #25) ---


def test_a_list_sharing_items_is_not_a_rewording_of_a_standard_list() -> None:
    from quizapp.generation.lexicon import load_lexicon

    lex = load_lexicon()
    # 政治品德 beside three of the 四德 is another list: 个人品德 is no spelling of it
    assert lex.list_variants(["政治品德", "职业道德", "社会公德", "家庭美德"]) == {}
    # the 党员's 四权 (选举权) are not the 人民's (表达权), though in one order
    assert lex.list_variants(["知情权", "参与权", "选举权", "监督权"]) == {}
    assert "个人品德" in lex.rival_members(
        "政治品德", ["政治品德", "职业道德", "社会公德", "家庭美德"]
    )
    # two standard wordings of one list still map one-for-one (2018 / 2020, both ways)
    later = lex.list_variants(["工农互促", "城乡互补", "协调发展", "共同繁荣"])
    assert "全面融合" in [m for m, _ in later["协调发展"]]
    # and a one-character rewording in place needs no second list (科技兴军 / 科技强军)
    army = lex.list_variants(["政治建军", "改革强军", "科技兴军", "依法治军"])
    assert "科技强军" in [m for m, _ in army["科技兴军"]]
    bank = _blind6_bank("tiaoli_jiguan_jiceng_zuzhi_2019.txt")
    asked = [q for q in bank if q.kind == "cloze" and q.answer in (["政治品德"], ["选举权"])]
    assert len(asked) == 2
    for q in asked:
        assert q.accepted == [q.answer], q.accepted


# --- a false 判断's foil takes the place of the member whose frame it shares (sixth session,
# blind rounds BB #31, BH #31) ---


def test_a_false_lexicon_statement_never_names_one_frame_twice() -> None:
    from quizapp.generation.builders import _same_frame

    assert _same_frame("以党的组织建设为统领", "以党的政治建设为统领")
    assert not _same_frame("以党的组织建设为统领", "以坚定理想信念宗旨为根基")
    banks = [
        _blind6_bank("yijian_zhengzhi_jianshe_2019_items1-15.txt"),
        _blind6_bank("tiaoli_dangyuan_jiaoyu_guanli_2019.txt"),
        _blind6_bank("rules_fazhan_dangyuan_2026.txt"),
    ]
    seen = 0
    for q in (q for bank in banks for q in bank if q.template == "lex_judge_false"):
        listing = re.split("是指|包括", q.stem, maxsplit=1)[1].rstrip("。")
        items = listing.split("；") if "；" in listing else listing.split("、")
        for k, a in enumerate(items):
            for b in items[k + 1 :]:
                if _same_frame(a, b) and not all(m.endswith(a[-2:]) for m in items):
                    raise AssertionError(q.stem)
        seen += "总要求" in q.stem
    assert seen  # (the 总要求's 主线 foil stands in the 主线 member's place)


# --- number lures stay inside the stated bound, siblings' numbers first (sixth session, blind
# rounds BC/BD/BE/BG/BH #30) ---


def test_number_lures_keep_the_stems_bound_and_the_texts_own_thresholds() -> None:
    from quizapp.generation.provisions import _cn_numeral

    assert _cn_numeral(150, "人", False) == "一百五十"
    bank = _blind6_bank("tiaoli_jiguan_jiceng_zuzhi_2019.txt")
    singles = {q.stem: q for q in bank if q.template == "provision_single"}
    upper = next(q for s, q in singles.items() if "50人以上、（" in s)
    # 50人以上、（　　）以下: every option above 50
    assert all(int(o[:-1]) > 50 for o in upper.options), upper.options
    lower = next(q for s, q in singles.items() if "（　　）以上、100人以下" in s)
    assert all(int(o[:-1]) < 100 for o in lower.options), lower.options
    # the 基层委员会's 100人 among the text's own thresholds (总支 50人, 支委会 7人)
    top = next(q for s, q in singles.items() if s.startswith("机关党员（　　）以上的"))
    assert {"50人", "7人"} <= set(top.options), top.options
    branch = next(q for s, q in singles.items() if "成立党支部" in s)
    assert "7人" in branch.options and "1人" not in branch.options, branch.options
    # 不能少于半年，最长不超过（一年）: no lure at or below the floor
    bank = _blind6_bank("rules_fazhan_dangyuan_2026.txt")
    for q in bank:
        if q.template == "provision_single" and "不能少于半年，最长不超过（" in q.stem:
            assert "半年" not in q.options or q.answer == "半年", q.options


# --- a formula whose members are part of a longer statement is stated whole (sixth session,
# blind round BG #35) ---


def test_a_formula_is_stated_whole_where_its_members_are_part_of_a_sentence() -> None:
    from quizapp.generation.lexicon import load_lexicon

    lexicon = load_lexicon()
    layout = next(f for f in lexicon.formulas if f.name == "党的建设总体布局")
    assert "把制度建设贯穿其中，深入推进反腐败斗争" in layout.statement
    bank = _blind6_bank("yijian_zhengzhi_jianshe_2019_items1-15.txt")
    asked = [q for q in bank if q.template.startswith("lex_") and "党的建设总体布局" in q.stem]
    assert asked
    for q in asked:
        if q.kind in ("cloze", "judge"):
            assert "反腐败斗争" in q.stem or "包括" in q.stem, q.stem
        assert "总体布局”是指：政治建设" not in q.stem, q.stem
    # a statement too long for a stem lists the members as what the name 包括
    for q in bank:
        if q.template.startswith("lex_judge") and "新时代党的建设总要求" in q.stem:
            assert "总要求”包括" in q.stem, q.stem


# --- a formula 多选's lures keep the keys' shape (sixth session, blind round BE #7, #13) ---


def test_formula_multiple_lures_keep_the_shape_every_key_shares() -> None:
    from quizapp.generation.builders import _keys_shape

    keys = ["毫不动摇巩固和发展公有制经济", "毫不动摇鼓励、支持、引导非公有制经济发展"]
    shape = _keys_shape("两个毫不动摇", keys)
    assert shape is not None and not shape("坚持按劳分配为主体、多种分配方式并存")
    assert shape("毫不动摇坚持党的全面领导")
    years = _keys_shape(
        "两个一百年",
        [
            "在中国共产党成立一百年时全面建成小康社会",
            "在新中国成立一百年时建成富强民主文明和谐美丽的社会主义现代化强国",
        ],
    )
    assert years is not None and not years("到二〇二〇年确保现行标准下农村贫困人口实现脱贫")
    # 同中国…, 同中华…: the first character keeps the frame (同人类文明成果相结合 stays)
    both = _keys_shape("两个结合", ["同中国具体实际相结合", "同中华优秀传统文化相结合"])
    assert both is None or both("同人类文明成果相结合")
    for name in ("speech_xi_wusi100_2019.txt", "jueding_20th_3rd_plenum_2024_sec1-3.txt"):
        for q in _blind6_bank(name):
            if q.template != "lex_members":
                continue
            check = _keys_shape(q.keys[0], list(q.answer))
            if check is not None:
                lures = [o for o in q.options if o not in q.answer]
                assert all(check(o) for o in lures), (q.stem, q.options)


# -- speed of a text's first generation (sixth session): caches and hoisted look-ups give the
# same answers as the per-call code they replace ---------------------------------------------


def test_also_right_mates_for_a_pool_agree_with_the_per_lure_test() -> None:
    # the predicate built once per key and stem answers as the per-lure definition does,
    # with a stem that prints another member of the key's stock set and one that does not
    from quizapp.generation.builders import _also_right_mates, _stock_set
    from quizapp.generation.lexicon import load_lexicon

    lexicon = load_lexicon()

    def per_lure(key: str, lure: str, stem: str, printed: tuple[str, ...]) -> bool:
        groups = [g for g in lexicon.groups_of(key) if _stock_set(g)]
        shared = any(lure in g for g in groups) or any(
            lure in g for p in printed if p != key for g in lexicon.groups_of(p) if _stock_set(g)
        )
        # a longer standard list on one head holding the printed list of three or more
        listed = set(printed) | {key}
        head = next((key[-n:] for n in (3, 2) if all(p.endswith(key[-n:]) for p in listed)), "")
        covered = (
            len(listed) >= 3
            and bool(head)
            and lure not in listed
            and lure.endswith(head)
            and any(lure in g and listed <= set(g) for g in lexicon.groups_of(key))
        )
        return covered or (
            shared
            and not any(lure not in g and any(m != key and m in stem for m in g) for g in groups)
        )

    lures = ["权力观", "事业观", "大历史观", "政绩观", "群众观", "生产发展", "管理民主"]
    lures += ["生态宜居", "历史思维", "精准思维"]
    five = ("战略思维", "创新思维", "辩证思维", "法治思维", "底线思维")
    cases = [
        ("政绩观", "各级领导机关和领导干部必须树立正确（　　），坚持以身作则、以上率下。"),
        ("政绩观", "树立正确的权力观、（　　），坚持以身作则。"),
        ("乡风文明", "产业兴旺、生态宜居、（　　）、治理有效、生活富裕。"),
        ("法治思维", "强化战略思维、创新思维、辩证思维、（　　）、底线思维。"),
    ]
    for key, stem in cases:
        for printed in ((), ("权力观", "政绩观"), ("产业兴旺", "乡风文明"), five):
            test = _also_right_mates(lexicon, key, stem, printed)
            for lure in lures:
                assert test(lure) == per_lure(key, lure, stem, printed), (key, stem, lure)


def test_word_scanner_finds_the_same_whatever_order_its_words_are_added_in() -> None:
    # the automaton's words are added most common opening first (a speed order only): the
    # matches are those of the words in any order
    import random

    from quizapp.generation.lexicon import _WordScanner

    words = ["四个意识", "四个自信", "四个", "意识形态", "自信心", "形态", "党的建设", "建设"]
    text = "增强四个意识，坚定四个自信，加强意识形态工作和党的建设，建设自信心。"
    expected = _WordScanner(words).scan(text)
    assert expected[0] == ("四个意识", 2, 6)
    rng = random.Random(0)
    for _ in range(5):
        rng.shuffle(words)
        assert _WordScanner(words).scan(text) == expected


# ---- a provision in Chinese numerals beside one in thousands (session read-through: the
# sibling lures reached 1000, which the numeral writer could not write, and generation crashed)


def test_provisions_in_chinese_numerals_beside_thousands_do_not_crash() -> None:
    from quizapp.generation import generate_questions

    text = (
        "第一条 为了加强党的建设，制定本条例。\n"
        "第二条 党员人数在八十名以上的，设立党的总支部委员会。\n"
        "第三条 党员人数在1000名以上的，设立党的基层委员会常务委员会。\n"
    )
    questions = generate_questions(text, seed=0)
    singles = [q for q in questions if q.template == "provision_single"]
    assert singles and all("1000名" not in o and "千" not in o for q in singles for o in q.options)


# ---- lures of the key's kind, false statements that are false, no lure that is also right
# (seventh session, blind rounds BE–BH) -------------------------------------------------------


def _choices(text: str, seeds: int = 3) -> list:
    # (the questions made, a doubtful 单选 the bank drops among them: its lures are drawn alike)
    return [q for seed in range(seeds) for q in undropped(text, seed=seed)[0] if q.options]


def test_a_spirit_takes_lures_of_its_own_kind() -> None:
    # BC/BD/BE/BG #2, #6, #10: 民族精神, 担当精神, 奋斗精神 among 团队精神, 人文精神 (a generic noun
    # + 精神); a spirit named after a group of workers (企业家精神) among places (北大荒精神)
    from quizapp.generation.lexicon import load_lexicon

    lex = load_lexicon()
    text = (
        "爱国主义是我们民族精神的核心，是中华民族团结奋斗、自强不息的精神纽带。"
        "今天，我们的生活条件好了，但奋斗精神一点都不能少。"
        "在实现中华民族伟大复兴的新征程上，应对重大挑战、抵御重大风险、克服重大阻力、"
        "解决重大矛盾，迫切需要迎难而上、挺身而出的担当精神。"
        "激发和保护企业家精神，鼓励更多社会主体投身创新创业。"
    )
    asked = set()
    for q in _choices(text):
        if q.template != "single" or not q.answer.endswith("精神"):
            continue
        asked.add(q.answer)
        lures = set(q.options) - {q.answer}
        assert not lures & {"团队精神", "人文精神", "契约精神", "科学精神"}, q.options
        assert {lex.term_class(lure) for lure in lures} == {lex.term_class(q.answer)}, q.options
        if q.answer == "企业家精神":
            assert lures <= {"科学家精神", "教育家精神", "劳模精神", "工匠精神"}, q.options
    assert {"民族精神", "奋斗精神", "担当精神", "企业家精神"} <= asked


def test_a_false_statement_never_swaps_in_what_the_party_holds_alike() -> None:
    # BE #24: 坚决反对分散主义、官僚主义、享乐主义和奢靡之风 is false only as a misquotation (the
    # Party opposes 分散主义 as well); likewise 增强纪律意识、大局意识… beside 政治意识
    from quizapp.generation.lexicon import load_lexicon

    lex = load_lexicon()
    text = (
        "坚决反对形式主义、官僚主义、享乐主义和奢靡之风，教育引导党员、干部坚持实事求是的"
        "思想路线，树立正确政绩观。"
        "推动全党尊崇党章，增强政治意识、大局意识、核心意识、看齐意识，坚决维护党中央权威"
        "和集中统一领导。"
        "我们党深刻认识到，实现中华民族伟大复兴，必须推翻压在中国人民头上的帝国主义、封建主义、"
        "官僚资本主义三座大山，实现民族独立、人民解放、国家统一、社会稳定。"
    )
    swaps = {}
    for seed in range(6):
        for q in generate_questions(text, seed=seed):
            if q.template == "judge_false":
                key, foil = re.search("原文为“(.*?)”，不是“(.*?)”", q.explanation).groups()
                swaps.setdefault(key, set()).add(foil)
    for foil in swaps.get("形式主义", set()) | swaps.get("政治意识", set()):
        assert lex.term_class(foil) not in ("不良倾向", "思维"), foil
    # a foil that makes the statement false stays (修正主义 is no 大山)
    assert swaps.get("帝国主义"), swaps


def test_no_lure_is_another_member_of_a_standard_list_holding_the_key() -> None:
    # BF #38, BH #37: 强化战略思维、创新思维、辩证思维、（法治思维）、底线思维 (the 十九大's five)
    # offered 历史思维, 系统思维: members of the 二十大's seven, right in that slot as well
    from quizapp.generation.lexicon import load_lexicon

    lex = load_lexicon()
    five = ("战略思维", "创新思维", "辩证思维", "法治思维", "底线思维")
    assert lex.complete_list(five) is not None
    assert {"历史思维", "系统思维"} <= lex.covering_members(five)
    text = (
        "强化战略思维、创新思维、辩证思维、法治思维、底线思维，正确制定和坚决执行党的路线方针政策。"
    )
    asked = set()
    for q in _choices(text):
        if q.template in ("single", "multi_enum"):
            asked.add(q.template)
            assert not {"历史思维", "系统思维"} & set(q.options), q.options
    assert asked == {"single", "multi_enum"}
    # and no blank on them: 历史思维 fills it as well (BF #38)
    for q in generate_questions(text, seed=0):
        assert not (q.kind == "cloze" and set(q.answer) & set(five)), q.stem


def test_no_single_draws_three_lures_sharing_an_edge_the_answer_lacks() -> None:
    # blind round BE, "the key stands out by its shape": the pool of five passed the odd-one-out
    # test, but its draw of three could still be 服务型政党, 创新型政党, 学习型政党 beside 思想建党
    from quizapp.generation.builders import _mixed_draw

    drawn = _mixed_draw(
        "思想建党",
        ["服务型政党", "创新型政党", "学习型政党"],
        ["服务型政党", "创新型政党", "学习型政党", "马克思主义执政党", "党要管党"],
    )
    assert not _lures_odd_out("思想建党", drawn) and len(set(drawn)) == 3, drawn
    text = (
        "必须以党章为根本遵循，把党的政治建设摆在首位，思想建党和制度治党同向发力，"
        "统筹推进党的各项建设，抓住“关键少数”。"
        "贯彻落实党中央全面从严治党部署，推进党风廉政建设和反腐败斗争。"
    )
    singles = [q for q in _choices(text, seeds=8) if q.template == "single"]
    assert singles
    for q in singles:
        lures = [o for o in q.options if o != q.answer]
        assert not _lures_odd_out(q.answer, lures), q.options


def _singles_of(text: str, answer: str, seeds: int = 6) -> list[list[str]]:
    """The lures of every plain 单选 asking ``answer`` over a few seeds."""
    return [
        [o for o in q.options if o != q.answer]
        for q in _choices(text, seeds=seeds)
        if q.template == "single" and q.answer == answer
    ]


def test_a_regional_strategy_takes_regional_strategies_as_lures() -> None:
    # DC #2, DB #36: 人口高质量发展 beside 长三角一体化发展 is no regional strategy, ruled out
    # at a glance; 粤港澳大湾区建设, 京津冀协同发展… are of its kind
    regional = {
        "京津冀协同发展", "粤港澳大湾区建设", "黄河流域生态保护和高质量发展", "东部率先发展",
        "中部地区崛起", "东北全面振兴", "西部大开发", "雄安新区建设", "成渝地区双城经济圈建设",
        "海南全面深化改革开放", "长江经济带发展",
    }  # fmt: skip
    text = (
        "全面落实长三角一体化发展、长江经济带发展、共建“一带一路”、对口支援帮扶助力完成"
        "脱贫攻坚等重大任务，勇当构建新发展格局开路先锋。"
    )
    drawn = _singles_of(text, "长三角一体化发展")
    assert drawn
    for lures in drawn:
        assert set(lures) <= regional - {"长江经济带发展"}, lures


def test_a_security_domain_takes_domains_as_lures() -> None:
    # DC #32: 加强口岸（生物安全）体系建设 offered 人民安全, the purpose of national security and no
    # domain of it (人民安全体系 is no phrase); 数据安全, 粮食安全… make one
    from quizapp.generation.lexicon import load_lexicon

    lex = load_lexicon()
    text = (
        "严厉打击农产品走私等违法行为。加强口岸生物安全体系建设。"
        "深入学习运用“千万工程”经验，确保国家粮食安全，确保不发生规模性返贫致贫。"
    )
    for key in ("生物安全", "粮食安全"):
        drawn = _singles_of(text, key)
        assert drawn, key
        for lures in drawn:
            assert "人民安全" not in lures, lures
            assert {lex.term_class(lure) for lure in lures} == {lex.term_class(key)}, lures


def test_an_ownership_form_takes_ownership_forms_and_the_texts_contrast_first() -> None:
    # DD #12: 为（非公有制经济）发展营造良好环境 offered 县域经济, 共享经济, 冰雪经济 (4 characters
    # to the key's 6, and off the policy); ownership forms fit, the text's own 公有制经济 first,
    # and never 民营经济, which is right as well
    text = (
        "落实“两个毫不动摇”。毫不动摇巩固和发展公有制经济，毫不动摇鼓励、支持、引导非公有制"
        "经济发展。坚持致力于为非公有制经济发展营造良好环境和提供更多机会的方针政策。"
        "制定民营经济促进法。"
    )
    ownership = {"公有制经济", "国有经济", "集体所有制经济", "混合所有制经济"}
    drawn = _singles_of(text, "非公有制经济")
    assert drawn
    for lures in drawn:
        assert set(lures) <= ownership and "公有制经济" in lures, lures
    for lures in _singles_of(text, "民营经济"):
        assert "非公有制经济" not in lures and set(lures) <= ownership, lures


def test_the_texts_own_contrast_of_the_key_is_its_first_lure() -> None:
    # DD #16: 健全加快（生活性服务业）多样化发展机制: the text pairs it with 生产性服务业, the lure
    # that tests the text; a draw without it (先进制造业, 乡村特色产业…) tests general knowledge
    text = (
        "聚焦重点环节分领域推进生产性服务业高质量发展，发展产业互联网平台，破除跨地区经营"
        "行政壁垒，推进生产性服务业融合发展。健全加快生活性服务业多样化发展机制。"
    )
    for key, other in (("生活性服务业", "生产性服务业"), ("生产性服务业", "生活性服务业")):
        drawn = _singles_of(text, key)
        assert drawn, key
        for lures in drawn:
            assert other in lures, lures
    # unless the text writes the contrast in the blank's frame too: then it is right as well
    # (and with no contrast left to pin the key, the other industries fit that loose frame as
    # well: no 单选 at all, blind10 EE #35, #36)
    text = "推进生产性服务业多样化发展。健全加快生活性服务业多样化发展机制。"
    assert not _singles_of(text, "生活性服务业")


def test_a_province_list_takes_no_foreign_affairs_lure() -> None:
    # DC #3: 统一话语体系、重点工作体系、重大改革体系 of a province's 共同富裕示范区 among
    # 全球治理体系, absurd at that level; a foreign-affairs term lures only where the text
    # speaks of foreign matters
    # (twelfth session: the other 体系 the vocabulary offers, 党内法规体系, 养老服务体系,
    # 公共安全体系, are of other fields too (FF: "unrelated national systems, easy to rule
    # out"), so no 多选 is made; the list's items stay 填空)
    text = "体系化推进共同富裕示范区建设，基本形成统一话语体系、重点工作体系和重大改革体系。"
    multis = [q for q in _choices(text, seeds=8) if q.template == "multi_enum"]
    for q in multis:
        assert "全球治理体系" not in q.options, q.options
    assert any(q.kind == "cloze" and "重点工作体系" in q.answer for q in generate_questions(text))


def test_a_work_method_key_gets_no_plain_single() -> None:
    # DC #36: （综合施策）推动粮食等重要农产品价格保持在合理水平 among 分类施策, 精准施策…: every
    # way of working fits a manner slot, so the answer is not unique; the cloze stays
    text = (
        "综合施策推动粮食等重要农产品价格保持在合理水平，稳定市场供需，保护种粮农民积极性，"
        "维护好农民利益。"
    )
    qs = [q for seed in range(3) for q in generate_questions(text, seed=seed)]
    assert not [q for q in qs if q.template == "single" and q.answer == "综合施策"]
    assert any(q.template == "cloze" and q.answer == ["综合施策"] for q in qs)
    # a standard list the stem prints pins the method: asked among its mates (judged usable)
    pinned = (
        "各级党委和政府要按照坚定信心、同舟共济、科学防治、精准施策的要求，切实做好疫情防控工作。"
    )
    assert _singles_of(pinned, "精准施策", seeds=2)


def test_no_lure_the_listing_stem_names_by_its_short_form() -> None:
    # 促进西部开发、东北振兴、中部崛起、（东部率先发展）: 东北全面振兴 and 中部地区崛起 are
    # printed already, in their short form; a learner rules them out by the stem
    text = (
        "出台一系列促进西部开发、东北振兴、中部崛起、东部率先发展的改革创新举措。"
        "推动西部大开发形成新格局，推动东北全面振兴取得新突破。"
    )
    drawn = _singles_of(text, "东部率先发展")
    assert drawn
    for lures in drawn:
        assert not {"东北全面振兴", "中部地区崛起", "西部大开发"} & set(lures), lures


# -- seventh session, rounds DA–DD: stems that lose their subject or antecedent, layout
# remnants at a stem's edges, a key the stem prints with its characters swapped -------------


def _stems_for(bank, key: str) -> list[str]:
    """The stems of the 填空/单选/多选 of ``bank`` that ask ``key`` (one of their answers)."""
    out = []
    for q in bank:
        if q.kind == "judge":
            continue
        keys = q.answer if isinstance(q.answer, list) else [q.answer]
        if key in keys:
            out.append(q.stem)
    return out


def test_a_window_after_the_subject_clause_takes_the_subject_in() -> None:
    # round DA #9: …都要充分信任青年…，|关注青年愿望、（帮助青年发展）、支持青年创业 without
    # who is to do it; DA #36: 各群团组织要认真履行政治职责，|充分发挥…加大（政治动员）…
    bank = _blind6_bank("speech_xi_wusi100_2019.txt")
    stems = _stems_for(bank, "帮助青年发展")
    assert stems and all("各级党委和政府" in s for s in stems), stems
    bank = _blind6_bank("yijian_zhengzhi_jianshe_2019_items1-15.txt")
    stems = _stems_for(bank, "政治动员")
    assert stems and all("各群团组织" in s for s in stems), stems
    # the rule is the sentence's, not the text's: a subject with 要 in a planted sentence
    text = (
        "各级党组织和全体党员干部都要始终坚持以人民为中心的发展思想，牢固树立正确的政绩观，"
        "自觉践行全心全意为人民服务的根本宗旨，切实做到权为民所用、情为民所系、利为民所谋，"
        "努力把党的群众路线贯彻到治国理政全部活动之中。\n"
    )
    stems = _stems_for(generate_questions(FILLER + text), "情为民所系")
    assert stems and all(s.startswith("各级党组织和全体党员干部都要") for s in stems), stems


def test_a_window_after_an_agent_subject_starts_at_the_sentence() -> None:
    # round DA #4: 100年来，中国青年满怀…，|积极投身…，（为人民战斗）、为祖国献身…
    bank = _blind6_bank("speech_xi_wusi100_2019.txt")
    stems = _stems_for(bank, "为人民战斗")
    assert stems and all("中国青年" in s for s in stems), stems


def test_a_window_inside_a_series_of_objects_keeps_its_verb_and_subject_or_is_not_asked() -> None:
    # round DB #25: 党组织应当…，监督党员…情况，|遵守宪法…情况，…发挥（先锋模范作用）情况等
    bank = _blind6_bank("tiaoli_dangyuan_jiaoyu_guanli_2019.txt")
    stems = [s for s in _stems_for(bank, "先锋模范作用") if "情况等" in s]
    assert all("党组织" in s and "监督党员" in s for s in stems), stems


def test_a_bare_shi_whose_this_points_to_the_sentence_before_takes_that_sentence_in() -> None:
    # round DA #13: 这是…的必然要求，|是贯彻新发展理念、更好适应我国（社会主要矛盾）变化的…
    bank = _blind6_bank("jueding_20th_3rd_plenum_2024_sec1-3.txt")
    stems = _stems_for(bank, "社会主要矛盾")
    assert stems, "the key is still asked"
    assert not [s for s in stems if s.startswith("是")], stems
    for s in stems:
        assert s.startswith("……必须继续把改革推向前进。这……是") or "必然要求" not in s, s


def test_a_stem_does_not_end_on_the_lead_in_of_a_list_it_does_not_show() -> None:
    # rounds DC #29 (…的党员担任，主要任务是：) and DD #29 (…问责，主要包括：)
    bank = _blind6_bank("rules_fazhan_dangyuan_2026.txt")
    stems = [s for s in _stems_for(bank, "先锋模范作用") if "培养联系人" in s]
    assert stems and all(s.endswith("的党员担任。") for s in stems), stems
    bank = _blind6_bank("tiaoli_jiguan_jiceng_zuzhi_2019.txt")
    stems = [s for s in _stems_for(bank, "监督") if "纪律检查委员会的职责" in s]
    assert stems and not [s for s in stems if "主要包括" in s], stems


def test_an_arabic_list_label_is_cut_from_the_head_of_a_stem() -> None:
    # round DD #11: （5）坚持和落实“（两个毫不动摇）”。
    from quizapp.generation.shapes import strip_list_label

    assert strip_list_label(f"（5）坚持和落实“{BLANK}”。") == f"坚持和落实“{BLANK}”。"
    assert strip_list_label(f"(12)坚持和落实“{BLANK}”。") == f"坚持和落实“{BLANK}”。"
    bank = _blind6_bank("jueding_20th_3rd_plenum_2024_sec1-3.txt")
    assert not [q.stem for q in bank if re.match(r"^[（(][0-9]+[）)]", q.stem)]


def test_a_window_does_not_close_a_standard_list_the_sentence_goes_on_with() -> None:
    # round DC #21: …“三个代表”重要思想、科学发展观。 where the text goes on 全面贯彻习近平
    # 新时代中国特色社会主义思想: the full stop cut the party's guiding thought short
    bank = _blind6_bank("rules_fazhan_dangyuan_2026.txt")
    stems = [s for s in _stems_for(bank, "毛泽东思想") if "科学发展观" in s]
    assert stems, "the key is still asked"
    for s in stems:
        assert "习近平新时代中国特色社会主义思想" in s or not s.endswith("科学发展观。"), s


def test_a_key_the_stem_prints_with_its_characters_swapped_is_not_asked() -> None:
    # round DA #20: 完善促进（数字产业化）和产业数字化政策体系
    from quizapp.generation.model import Question
    from quizapp.generation.pipeline import check_question

    def cloze(stem: str, keys: list[str]) -> Question:
        return Question(
            id="x", kind="cloze", stem=stem, options=[], answer=keys, keys=keys,
            source="", explanation="", ordered=True,
        )  # fmt: skip

    assert check_question(cloze(f"完善促进{BLANK}和产业数字化政策体系。", ["数字产业化"]))
    # blanked together, the pair gives nothing away
    both = cloze(f"完善促进{BLANK}和{BLANK}政策体系。", ["数字产业化", "产业数字化"])
    assert check_question(both) is None
    assert check_question(cloze(f"完善促进{BLANK}和数字经济政策体系。", ["数字产业化"])) is None
    # the mirrored half of a saying is the line itself (a dev gold line of report20)
    assert check_question(cloze(f"江山就是人民，{BLANK}。", ["人民就是江山"])) is None
    bank = _blind6_bank("jueding_20th_3rd_plenum_2024_sec1-3.txt")
    assert not [s for s in _stems_for(bank, "数字产业化") if "产业数字化" in s]


def test_planted_this_lead_and_list_lead_in_are_general() -> None:
    # a 这 opening the sentence points to a short sentence before: that one goes in front
    text = (
        "必须继续把改革推向前进。这是坚持和完善中国特色社会主义制度、推进国家治理体系和治理能力"
        "现代化的必然要求，是贯彻新发展理念、更好适应我国社会主要矛盾变化的必然要求，是坚持以人民"
        "为中心的必然要求。\n"
    )
    stems = _stems_for(generate_questions(FILLER + text), "社会主要矛盾")
    assert stems and all(s.startswith("必须继续把改革推向前进。这……是") for s in stems), stems
    # a sentence ending on a colon whose list follows in the next paragraphs
    text = (
        "党支部书记由党员大会选举产生，每届任期一般为三年，应当具备较高的政治素质，主要职责是：\n"
    )
    stems = _stems_for(generate_questions(FILLER + text), "政治素质")
    assert stems and not [s for s in stems if s.endswith("：")], stems


# -- blind8 plain 填空 (seventh session, rounds CF–CH): another filler of the key's length in
# the same frame, and keys with no point to recall ----------------------------------------------
def _plain_clozes(bank, key: str) -> list[str]:
    """The stems of the plain one-blank 填空 of ``bank`` asking ``key``."""
    return [
        q.stem for q in bank if q.kind == "cloze" and q.template == "cloze" and q.answer == [key]
    ]


def test_blind8_a_frame_the_text_or_a_standard_list_fills_alike_gets_no_blank() -> None:
    # CH #21: 扎实推进“（一带一路）”教育行动 beside 实施乡村振兴战略教育行动 (乡村振兴, 4 characters)
    bank = _blind6_bank("gangyao_jiaoyu_xiandaihua2035_fangan_2019.txt")
    assert not [s for s in _plain_clozes(bank, "一带一路") if "”教育行动" in s]
    # CG #39: 培养什么人、（怎样培养人）这个根本问题: 为谁培养人 of the 三问 fits the five boxes
    bank = _blind6_bank("speech_xi_beida_2018.txt")
    assert not [s for s in _plain_clozes(bank, "怎样培养人") if "这个根本问题" in s]
    # CH #10: 补短板、堵漏洞: 强弱项, the standard pair's other half, fits the three boxes
    bank = _blind6_bank("speech_xi_yiqing_changweihui_2020.txt")
    assert not [s for s in _plain_clozes(bank, "补短板") if "堵漏洞" in s]


def test_planted_frames_filled_alike_and_pinned_frames() -> None:
    head = "实施乡村振兴战略教育行动，大力发展现代农业职业教育，加快乡村振兴急需紧缺人才培养。"
    text = FILLER + head + "扎实推进“一带一路”教育行动，加强与沿线国家教育合作。\n"
    assert not [s for s in _plain_clozes(generate_questions(text), "一带一路") if "教育行动" in s]
    # a list item keeps its blank: its list pins it whatever else takes the frame
    text = (
        FILLER + "健全文化事业、文化产业发展体制机制。健全因地制宜发展新质生产力体制机制。"
        "完善高质量发展体制机制，推动文化繁荣。\n"
    )
    assert _plain_clozes(generate_questions(text), "文化产业")


def test_blind8_a_plan_period_or_the_documents_own_name_is_asked_last() -> None:
    # CG #11, CH #11: “（十四五）”时期 / 制定…“（十五五）”规划 are read off the years or the
    # title: the bank may keep them (the gold lists ask 十三五), a quiz takes them last
    def asked(text: str) -> tuple[set[str], set[str]]:
        bank = [q for q in generate_questions(text, seed=0) if q.kind == "cloze"]
        return {q.answer[0] for q in bank if q.weak}, {q.answer[0] for q in bank if not q.weak}

    text = (_BLIND6 / "jianyi_shiwuwu_guihua_2025_sec1-4.txt").read_text(encoding="utf-8")
    weak, strong = asked(text)
    assert "十五五" in weak and not {"十四五", "十五五"} & strong
    # a name the title quotes (忠实践行“八八战略” 坚决做到“两个维护” …, the report's headline)
    text = (_BLIND6 / "report_zhejiang_partycongress_2022_part1.txt").read_text(encoding="utf-8")
    weak, strong = asked(text)
    assert "八八战略" in weak and not {"八八战略", "两个维护"} & strong
    assert "高质量发展" in strong
    text = FILLER + "各地要培养一批“十四五”时期急需的乡村人才，推进高质量发展。\n"
    weak, strong = asked(text)
    assert "十四五" in weak and "十四五" not in strong


# -- stem context and a speech's own business (ninth session, blind10/blind11 rounds) ---------


def test_a_sentence_opening_on_this_takes_in_what_it_points_to() -> None:
    # GK #12, GL #20, GO #12, GP #20: 这也是中国人民敬仰生命的（人文精神）的最好印证！ alone
    bank = heldout_bank("speech_xi_kangyi_biaozhang_2020.txt")
    asked = [q for q in bank if one_key(q) == "人文精神"]
    assert asked and all(q.stem.startswith("……这是中国共产党执政为民理念") for q in asked)
    assert not any(q.stem.startswith(("这也是", "这是")) for q in bank if one_key(q))
    # a single sentence before goes in front: 着力破除依赖思想。这种思想表现在…
    text = (
        "一、着力破除依赖思想。这种思想表现在具体工作中，就是“等靠要”，遇到困难就伸手往上面要人"
        "要钱要政策，主动性不强。\n"
    )
    stems = [q.stem for q in generate_questions(text * 3, seed=0) if one_key(q) == "等靠要"]
    assert stems and all(stem.startswith("着力破除依赖思想。这种思想") for stem in stems), stems


def test_a_sentence_opening_on_these_years_points_to_no_sentence() -> None:
    # 这些年，世界经济复苏乏力… (gov2018), 这些年来，… (ma_weiguang): the time, like 这五年, not
    # a sentence before
    from quizapp.generation.builders import _REFERENT_OPENING

    assert _REFERENT_OPENING.match("这些年，世界经济复苏乏力，保护主义明显抬头。") is None
    assert _REFERENT_OPENING.match("这些年来，大数据、人工智能等新兴技术正在不断冲击") is None
    assert _REFERENT_OPENING.match("这些成就是全党全国各族人民团结奋斗的结果。") is not None


def test_a_window_inside_a_yi_wei_frame_goes_back_to_its_yi() -> None:
    # GA #23, GB #23, GC #30, GE #23, GF #23, GG #30: 医疗机构为依托，…，（军民融合）、防治结合
    bank = heldout_bank("speech_xi_gonggong_weisheng_2020.txt")
    asked = [q for q in bank if one_key(q) == "军民融合"]
    assert asked and all(q.stem.startswith("健全以国家、省、市、县四级疾控中心") for q in asked)


def test_a_window_inside_a_copula_complement_keeps_the_subject() -> None:
    # GB #33, GF #33: 乘势而上开启…的第一个五年，我国将进入（新发展阶段） lost “十四五”时期是…之后，
    bank = heldout_bank("speech_xi_jiaowenweiti_2020.txt")
    for key in ("新发展阶段", "第二个百年奋斗目标", "全面建设社会主义现代化国家"):
        asked = [q for q in bank if one_key(q) == key and "乘势而上" in q.stem]
        assert asked and all(q.stem.startswith("“十四五”时期是") for q in asked), key


def test_a_greeting_stem_keeps_its_verb() -> None:
    # GB #14, GF #14: 向…各民主党派、工商联和（无党派人士）、各人民团体以及社会各界。 (no verb)
    bank = heldout_bank("speech_xi_kangyi_biaozhang_2020.txt")
    # (the roll of the thanks is the speech's courtesy: not asked at all since the eleventh
    # session, its verb checked below)
    asked = [q for q in bank if one_key(q) == "无党派人士"]
    assert all(q.stem.endswith("……表示衷心的感谢！") for q in asked)
    # a 向-clause before a clause opening on 致力/致使 is no greeting: nothing dangles
    from quizapp.generation.builders import _dangling

    assert not _dangling("向改革要动力，致力于提高治理效能。", 0, 7)
    assert _dangling("向广大医务人员，致以崇高的敬意！", 0, 8)


def test_a_blank_opening_a_list_inside_its_sentence_keeps_the_clause_before() -> None:
    # GB #17, GF #17: （人的生命）、人的价值、人的尊严得到悉心呵护 lost 每一个生命都得到全力护佑
    bank = heldout_bank("speech_xi_kangyi_biaozhang_2020.txt")
    assert asked_over(list(bank), "每一个生命都得到全力护佑，_、人的价值", "人的生命")
    assert not [q for q in bank if one_key(q) == "人的生命" and q.stem.startswith(BLANK)]


def test_a_speech_s_own_business_is_not_asked() -> None:
    # GB #1, GD #9, GI #1 …: 我还主持召开…中央（网络安全）和信息化委员会…等会议
    bushu = heldout_bank("speech_xi_yiqing_bushu_2020.txt")
    for key in ("网络安全", "人大", "政协"):
        asked = [q for q in bushu if one_key(q) == key and q.kind in ("cloze", "single")]
        # (judged usable 1 time in 32: dropped from the bank, eleventh session)
        assert not asked, key
    # GD #29, GH #30, GL #30, GP #30: 希望各位专家深入（调查研究）, the closing courtesy
    gonggong = heldout_bank("speech_xi_gonggong_weisheng_2020.txt")
    assert not asked_over(list(gonggong), "希望各位专家深入_", "调查研究")
    # the rule itself: a name's part, the speaker's meetings, thanks; a quoted formula is spared
    assert _speech_business(plain_cloze(f"成立中央{BLANK}领导小组。", "主题教育"))
    assert _speech_business(plain_cloze(f"2015年在延安召开{BLANK}座谈会。", "革命老区脱贫致富"))
    assert _speech_business(plain_cloze(f"向各{BLANK}、各人民团体，致以崇高的敬意！", "民主党派"))
    assert not _speech_business(
        plain_cloze(f"2019年在重庆召开解决“{BLANK}”突出问题座谈会。", "两不愁三保障")
    )
    assert not _speech_business(plain_cloze(f"希望广大科技工作者{BLANK}、牢记使命。", "不忘初心"))


def test_a_session_s_study_arrangement_and_a_draft_s_making_are_not_asked() -> None:
    # blind13 JD #11, JE #19, #23, JF #16: 之前，我们已经安排学习了历史唯物主义、（辩证唯物主义）
    # 方面的题目; 安排这次学习，目的是加强对（马克思主义基本原理）的学习和理解
    bank = heldout_bank("speech_xi_zhengzhi_jingjixue_2015.txt")
    # (the only questions on these long names the lexicon knows: kept, asked last, where the
    # other questions of a speech's business are dropped, eleventh session)
    for key in ("历史唯物主义", "马克思主义基本原理"):
        asked = [q for q in bank if one_key(q) == key and "安排" in q.stem]
        assert asked and all(q.weak for q in asked), key
    # (its twin 历史唯物主义、（辩证唯物主义） prints 唯物主义: not asked at all, eleventh session)
    assert not [q for q in bank if one_key(q) == "辩证唯物主义" and "安排" in q.stem]
    # JB #28, JD #29: who was consulted on the draft, who sat in the drafting group
    shuoming = heldout_bank("shuoming_xi_shisiwu_jianyi_2020.txt")
    for key in ("民主党派", "韩正同志"):  # (dropped from the bank, eleventh session)
        assert not [q for q in shuoming if one_key(q) == key and q.kind == "cloze"], key
    assert _speech_business(
        plain_cloze(f"今天，中央政治局进行第二十八次集体学习，学习{BLANK}。", "政治经济学")
    )
    # a rule's own consultation is its teaching: 党支部征求党小组、党员和群众的意见
    assert not _speech_business(
        plain_cloze(f"党支部征求党小组、党员和{BLANK}的意见；党支部委员会审查。", "群众")
    )


def test_a_stem_inside_a_series_of_items_keeps_its_item_and_the_head() -> None:
    # blind13 JA #17, JB #16, JD #20, JE #21, JF #12: the 多选 read 关于推动新型工业化、（　　）相互
    # 协调的理论，关于农民承包的土地…的理论。: no head, and the next item trailing after
    bank = heldout_bank("speech_xi_zhengzhi_jingjixue_2015.txt")
    asked = [q for q in bank if "新型工业化" in q.source and "农业现代化" in "".join(q.keys)]
    assert asked
    for q in asked:
        assert q.stem.startswith("我们形成了当代中国马克思主义政治经济学的许多重要理论成果，比如")
        assert "农民承包" not in q.stem, q.stem
        assert q.stem.endswith("相互协调的理论。") or q.stem.endswith("（不分先后）"), q.stem
    assert any(q.template == "multi_enum" for q in asked)
