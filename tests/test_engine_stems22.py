"""Eighteenth session, helper "stems22": stems that are no whole statement on argued prose of
long sentences (a clause opening on 同时 or 但 whose first half is cut, a 这是 summing up clauses
the window left out, a piece of the next ；-item, a subject noun phrase without its predicate).
Hand texts of the genre, each step run on the window the engine cut."""

from quizapp.generation import builders, generate_questions


def _window(text: str, stem_from: str, key: str, stem_to: str = "") -> tuple[str, int, int, int]:
    """The window copied from ``stem_from`` to ``stem_to`` (or the sentence's end), its key marked,
    and where the key is in the text."""
    start = text.index(stem_from)
    end = text.index(stem_to, start) + len(stem_to) if stem_to else len(text)
    stem = text[start:end]
    if not stem.endswith("。"):
        stem = stem.rstrip("，；") + "。"
    at = text.index(key, start)
    return stem, at - start, at - start + len(key), at


def test_a_clause_opening_on_tongshi_takes_the_clause_it_goes_on_from():
    text = (
        "如何深化经济体制改革，同时有效地防止官僚主义、形式主义的滋长蔓延，"
        "帮助干部树立正确的政绩观，这是摆在全党面前的重大课题。"
    )
    stem, la, lb, at = _window(text, "同时", "形式主义")
    got, gla, glb = builders._with_linked_clause(text, stem, la, lb, at)
    assert got.startswith("如何深化经济体制改革，同时有效地防止官僚主义、")
    assert got[gla:glb] == "形式主义"


def test_a_clause_before_that_prints_the_key_is_not_taken():
    text = "各级党委要带头执行民主集中制，同时要抓好下级党组织执行民主集中制的工作。"
    stem, la, lb, at = _window(text, "同时", "民主集中制")
    got = builders._with_linked_clause(text, stem, la, lb, at)
    assert got == (stem, la, lb)


def test_a_summing_zhe_shi_takes_the_clauses_it_sums_up():
    text = "如果认为我们现在可以放松思想建设，认为可以丢掉“艰苦奋斗”的传统，这是完全错误的。"
    stem, la, lb, at = _window(text, "认为可以丢掉", "艰苦奋斗")
    got, gla, glb = builders._with_summed_up_clauses(text, stem, la, lb, at)
    assert got == text
    assert got[gla:glb] == "艰苦奋斗"


def test_a_speakers_frame_is_not_taken_back_in():
    text = "会议指出，坚持和完善民主集中制，这是党的根本组织制度。"
    stem, la, lb, at = _window(text, "坚持", "民主集中制")
    assert builders._with_summed_up_clauses(text, stem, la, lb, at) == (stem, la, lb)


def test_a_piece_of_the_next_item_and_a_trailing_ye_clause_go():
    text = (
        "各级领导干部带头，从世界观、人生观、价值观的高度进行剖析，这也是前所未有的；"
        "广泛听取意见，开展批评和自我批评，这同样是前所未有的。"
    )
    stem, la, lb, at = _window(text, "各级", "人生观", "广泛听取意见")
    assert stem.endswith("；广泛听取意见。")
    got, gla, glb = builders._without_cut_item_tail(text, stem, la, lb)
    assert got == "各级领导干部带头，从世界观、人生观、价值观的高度进行剖析。"
    assert got[gla:glb] == "人生观"


def test_a_whole_next_item_stays():
    text = "要加强理论武装；要坚持实事求是。"
    stem, la, lb, _ = _window(text, "要加强", "理论武装")
    assert builders._without_cut_item_tail(text, stem, la, lb) == (stem, la, lb)


def test_a_sentences_opening_dan_goes():
    text = "但封建势力的经济基础和反动的文化机构依然存在，残余的武装力量依然存在。"
    stem, la, lb, _ = _window(text, "但", "文化机构")
    got, gla, glb = builders._without_opening_connective(text, stem, la, lb)
    assert got.startswith("封建势力的经济基础和")
    assert got[gla:glb] == "文化机构"


def test_a_subject_noun_phrase_takes_its_predicate():
    text = (
        "党内由长期分散状态所养成的本位主义作风和对待兄弟部门的不正确态度，在新的时期并没有"
        "完全克服，在一些地方又曾出现过。"
    )
    stem, la, lb, at = _window(text, "党内", "本位主义", "不正确态度")
    got, gla, glb = builders._with_subject_predicate(text, stem, la, lb, at)
    assert got.endswith("不正确态度，在新的时期并没有完全克服。")
    assert got[gla:glb] == "本位主义"


def test_a_copulas_statement_takes_no_predicate():
    text = "文化自信是一个国家、一个民族发展中更基本、更深沉、更持久的力量，是更基础的力量。"
    stem, la, lb, at = _window(text, "文化自信", "文化自信", "持久的力量")
    assert builders._with_subject_predicate(text, stem, la, lb, at) == (stem, la, lb)


def test_no_served_stem_opens_on_tongshi_cut_from_its_clause():
    text = (
        "新形势下，宣传思想工作面临许多新课题。如何积极吸收世界优秀文明成果，同时有效地抵御"
        "国际敌对势力对我国进行西化、分化的政治图谋，帮助人们满怀信心地建设中国特色社会主义；"
        "如何充分发挥市场机制的积极作用，同时有效地防止拜金主义、享乐主义、极端个人主义的"
        "滋长蔓延，帮助人们树立社会主义的理想、信念和道德风尚，这是一个重大的历史课题。"
        "全党都要认真对待这个课题。"
    )
    stems = [q.stem for q in generate_questions(text, seed=0)]
    assert any("极端个人主义" in s or "享乐主义" in s or "拜金主义" in s for s in stems)
    assert not [s for s in stems if s.startswith("同时")]


def test_a_condition_at_the_end_takes_what_follows_from_it():
    text = "这样一项事关全局的系统工程，如果没有坚强有力的组织保证，是难以想象也难以实施的。"
    stem, la, lb, at = _window(text, "这样", "系统工程", "组织保证")
    assert stem.endswith("如果没有坚强有力的组织保证。")
    got, gla, glb = builders._with_condition_consequence(text, stem, la, lb, at)
    assert got == text
    assert got[gla:glb] == "系统工程"


def test_a_condition_whose_consequence_is_too_far_goes():
    text = (
        "我们要始终坚持实事求是，如果脱离实际，就会在经济建设、政治建设、文化建设、"
        "社会建设、生态文明建设和党的建设等各个领域、各个方面、各个环节、各个层级的各项具体工作中犯下主观主义和经验主义的错误。"
    )
    stem, la, lb, at = _window(text, "我们", "实事求是", "如果脱离实际")
    got, _, _ = builders._with_condition_consequence(text, stem, la, lb, at)
    assert got == "我们要始终坚持实事求是。"


def test_a_clause_opening_on_nayang_takes_the_condition_it_follows_from():
    text = (
        "如果没有正确路线的指引，我们的事业就不会取得胜利，那样，广大农民就还处在"
        "地主阶级的剥削和压迫之下，我们就还在黑暗中摸索。"
    )
    stem, la, lb, at = _window(text, "那样", "地主阶级")
    got, gla, glb = builders._with_linked_clause(text, stem, la, lb, at)
    assert got == text
    assert got[gla:glb] == "地主阶级"


def test_a_cai_neng_item_takes_the_condition_its_sentence_opens_on():
    text = (
        "深入调查研究，才能把握好全局和局部的关系，认清工作的重点；才能把握好当前和长远的关系，"
        "统筹兼顾地安排好各方面的工作。"
    )
    stem, la, lb, at = _window(text, "才能把握好当前", "统筹兼顾")
    got, gla, glb = builders._with_bare_condition_lead(text, stem, la, lb, at)
    assert got == "深入调查研究，……" + stem
    assert got[gla:glb] == "统筹兼顾"


def test_an_item_opening_on_an_aspect_verb_takes_the_sentences_subject():
    text = (
        "这次会议通过的决议，提出了党在土地改革中的基本方针；阐明了在新的形势下，"
        "党的工作重心必须转到经济建设上来，各级党组织必须以生产建设为中心。"
    )
    stem, la, lb, at = _window(text, "阐明了", "生产建设")
    got, gla, glb = builders._with_items_subject(text, stem, la, lb, at)
    assert got == "这次会议通过的决议……" + stem
    assert got[gla:glb] == "生产建设"
