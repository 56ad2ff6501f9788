"""Fifteenth session, helper "window18": windows that cut a subject, a 就 clause or keep a
list's enumerator (blind18 QA–QF). Stems as the learner sees them."""

from quizapp.generation import builders


def test_subject_clause_comes_back_with_ellipsis():
    text = (
        "我们党作为马克思主义执政党，立志于中华民族千秋伟业，进行着伟大而艰巨的事业，"
        "面临的执政考验、改革开放考验、市场经济考验、外部环境考验将长期存在，"
        "精神懈怠危险、能力不足危险将长期存在，党的建设面临不少顽固性、多发性问题。"
    )
    start = text.index("面临的")
    end = text.index("，精神")
    key_at = text.index("改革开放考验")
    stem = text[start:end]
    got, la, lb = builders._with_subject_head(
        text, stem, key_at - start, key_at - start + 6, key_at
    )
    assert got.startswith("我们党作为马克思主义执政党，") and "面临的执政考验" in got
    assert got[la:lb] == "改革开放考验"


def test_condition_takes_its_jiu_clause():
    text = (
        "只要我们对解决大党独有难题有清醒的认识、坚定的意志，坚持底线思维、未雨绸缪，"
        "下好先手棋、打好主动仗，就能在解决大党独有难题上不断取得突破和进展。"
    )
    stem = text[: text.index("，下好")]
    key_at = text.index("底线思维")
    got, la, lb = builders._with_condition_end(text, stem, key_at, key_at + 4, key_at)
    assert got.endswith("，……就能在解决大党独有难题上不断取得突破和进展。")
    assert got[la:lb] == "底线思维"


def test_dangling_connective_and_lone_enumerator_go():
    got, la, lb = builders._without_cut_connective(
        "始终不渝为人民谋幸福、为民族谋复兴，从此。", 4, 9
    )
    assert got == "始终不渝为人民谋幸福、为民族谋复兴。"
    stem = "五是要学习党史、新中国史、改革开放史，做到知史爱党。"
    got, la, lb = builders._without_cut_connective(stem, 8, 12)
    assert got.startswith("要学习党史") and got[la:lb] == "新中国史"
    shown = "一是迎来建党百年，二是进入新时代，三是完成脱贫攻坚。"
    assert builders._without_cut_connective(shown, 29, 33)[0] == shown


def test_bank_stems_of_blind18_texts():
    from pathlib import Path

    from quizapp.generation import generate_questions

    root = Path(__file__).resolve().parent.parent / "bench" / "heldout_texts"
    qs = generate_questions(
        (root / "speech_xi_dangshi_dongyuan_2021_part1.txt").read_text("utf-8"), seed=0
    )
    stems = [q.stem for q in qs]
    assert not any(s.startswith("五是要学习") for s in stems)
    assert not any(s.endswith("，从此。") for s in stems)
    assert any(s.startswith("从登上中国政治舞台的那一刻起，我们党就坚持") for s in stems)
    qs = generate_questions((root / "article_dadang_nanti_2024.txt").read_text("utf-8"), seed=0)
    assert not any("只要" in q.stem and "就" not in q.stem.split("只要")[1] for q in qs)


def test_topic_of_a_copula_comes_back():
    text = (
        "全面从严治党，是以习近平同志为核心的党中央把握新时代历史方位，以强烈的历史自觉、历史主动，"
        "统筹国内国际两个大局，统揽伟大斗争、伟大工程、伟大事业、伟大梦想作出的战略部署，"
        "是马克思主义建党学说同中国共产党建设实际相结合的重大理论和实践成果，具有重要时代价值。"
    )
    start = text.index("统揽")
    end = text.index("，具有")
    key_at = text.index("伟大梦想")
    stem = text[start:end]
    got, la, lb = builders._with_subject_head(
        text, stem, key_at - start, key_at - start + 4, key_at
    )
    assert got.startswith("全面从严治党，……统揽伟大斗争") and got[la:lb] == "伟大梦想"


def test_ellipsis_keeps_a_yue_condition_and_no_modifier_agent():
    from pathlib import Path

    from quizapp.generation import generate_questions

    root = Path(__file__).resolve().parent.parent / "bench" / "heldout_texts"
    text = (root / "article_dadang_nanti_2024.txt").read_text("utf-8")
    stems = [q.stem for q in generate_questions(text, seed=0)]
    assert not any(s.startswith(("党的组织……", "党和人民……")) for s in stems)
    assert any(s.startswith("党的组织规模越庞大，……") for s in stems)
    text = (root / "gongbao_jiwei_20th_3rd_plenum_2024.txt").read_text("utf-8")
    stems = [q.stem for q in generate_questions(text, seed=0)]
    assert not any(s.startswith("习近平总书记……凝聚了") for s in stems)


def test_purpose_clause_takes_the_verb_before():
    text = (
        "全会号召，要更加紧密地团结在以习近平同志为核心的党中央周围，勠力同心、忠诚履职，"
        "以一往无前的奋斗姿态、永不懈怠的精神状态推进新征程纪检监察工作高质量发展，"
        "为以中国式现代化全面推进强国建设、民族复兴伟业提供坚强保障！"
    )
    start = text.index("为以中国式")
    key_at = text.index("强国建设")
    stem = text[start:]
    got, la, lb = builders._with_subject_head(
        text, stem, key_at - start, key_at - start + 4, key_at
    )
    assert got.startswith("以一往无前的奋斗姿态") and got.endswith("提供坚强保障！")
    assert got[la:lb] == "强国建设"
