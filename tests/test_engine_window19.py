"""Sixteenth session, helper "window19": stems that stop on a clause which only sets up the
next one, 从…到… fragments, a deictic era lead and a bare 他 (blind19 RA–RF). Stems as the
learner sees them."""

from pathlib import Path

from quizapp.generation import builders, generate_questions

HELDOUT = Path(__file__).resolve().parent.parent / "bench" / "heldout_texts"


def _end_of(text: str, stem_end: str, key: str) -> tuple[str, int, int]:
    """The window from the sentence's start to ``stem_end`` with 。, the key marked."""
    stem = text[: text.index(stem_end) + len(stem_end)] + "。"
    at = text.index(key)
    return builders._with_main_clause_end(text, stem, at, at + len(key), at)


def test_stem_goes_on_to_the_verb_a_coverb_clause_sets_up():
    text = (
        "亚洲国家率先倡导和平共处五项原则，并同非洲国家一道，"
        "在万隆会议上提出处理国家间关系的十项原则。"
    )
    got, la, lb = _end_of(text, "并同非洲国家一道", "和平共处五项原则")
    assert got == text and got[la:lb] == "和平共处五项原则"
    text = (
        "中国人民正在按照全面建成小康社会、全面深化改革、全面依法治国、全面从严治党的战略布局，"
        "齐心协力为实现“两个一百年”奋斗目标、实现中华民族伟大复兴的中国梦而奋斗。"
    )
    got, la, lb = _end_of(text, "的战略布局", "全面依法治国")
    assert got.endswith(
        "的战略布局，齐心协力为实现“两个一百年”奋斗目标、实现中华民族伟大复兴的中国梦而奋斗。"
    )


def test_stem_ending_on_hard_work_takes_what_it_achieves():
    text = (
        "强调坚持因地制宜、分类指导，规划先行、完善机制，突出重点、统筹协调，通过长期艰苦努力，"
        "全面改善农村生产生活条件；强调一件事情接着一件事情办。"
    )
    got, la, lb = _end_of(text, "通过长期艰苦努力", "因地制宜")
    assert got.endswith("通过长期艰苦努力，全面改善农村生产生活条件。")


def test_a_stem_of_from_to_spans_takes_its_verb_after_an_ellipsis():
    text = (
        "从“民主恳谈”到村务监督，从以人为本、“防避抢”结合的防台方针到以“不死人、少伤人”为目标的"
        "防台救灾制度，从针对浙江自然灾害频发而设的政策性农业保险到农村住房保险，"
        "在习近平同志的积极推动倡导下，浙江解放思想、大胆创新，推出并实施了一系列创新制度。"
    )
    got, la, lb = _end_of(text, "防台救灾制度", "民主恳谈")
    assert got.endswith("防台救灾制度，……浙江解放思想、大胆创新，推出并实施了一系列创新制度。")
    assert got[la:lb] == "民主恳谈"


def test_spans_whose_verb_is_out_of_reach_are_no_question():
    text = (
        "从“引进来”到“走出去”，从搞好国营大中小企业、发展个体私营经济到深化国资国企改革、"
        "发展混合所有制经济，党和国家机构改革、行政管理体制改革、依法治国体制改革、司法体制改革、"
        "外事体制改革、社会治理体制改革、生态环境督察体制改革、国家安全体制改革、国防和军队改革"
        "等一系列重大改革扎实推进。"
    )
    got, _, _ = _end_of(text, "发展混合所有制经济", "国资国企改革")
    assert got == ""


def test_whole_clauses_are_left_as_they_are():
    assert not builders._sets_up_next_clause("各地按照党中央部署推进改革")
    assert not builders._sets_up_next_clause("从群众中来、到群众中去")
    assert builders._sets_up_next_clause("以毛泽东同志为主要代表的中国共产党人")
    assert builders._sets_up_next_clause("在抗击印度洋海啸和中国汶川特大地震等灾害的紧要关头")
    text = "各地按照党中央部署推进改革，取得了显著成效。"
    stem = "各地按照党中央部署推进改革。"
    at = text.index("党中央部署")
    assert builders._with_main_clause_end(text, stem, at, at + 5, at)[0] == stem


def test_a_quoted_clause_is_taken_whole():
    text = "在形势急剧变化的重要关头，主持制定“向北发展，向南防御”的战略方针。"
    assert text[: builders._clause_close(text, 13)].endswith("的战略方针")


def test_bank_stems_of_blind19_texts():
    boao = generate_questions(
        (HELDOUT / "speech_xi_boao_nianhui_2015.txt").read_text("utf-8"), seed=0
    )
    stems = [q.stem for q in boao]
    assert not any(s.endswith(("并同非洲国家一道。", "的战略布局。")) for s in stems)
    assert any(s.endswith("在万隆会议上提出处理国家间关系的十项原则。") for s in stems)
    judged = [q for q in boao if q.kind == "judge" and "战略布局" in q.stem]
    assert judged and all(q.stem.endswith("而奋斗。") for q in judged)


def test_era_lead_names_the_body_the_list_belongs_to():
    jueyi = generate_questions(
        (HELDOUT / "jueyi_bainian_fendou_2021_xuyan_sec1-2.txt").read_text("utf-8"), seed=0
    )
    stems = [q.stem for q in jueyi]
    assert not any(s.startswith("在这个时期，毛泽东同志……") for s in stems)
    assert any(s.startswith("以毛泽东同志为主要代表的中国共产党人……尊重价值规律") for s in stems)
    # (开辟了…，创立了（毛泽东思想）stays without it: the name would spell the key)
    opened = [q.stem for q in jueyi if q.answer in ("农村包围城市", ["农村包围城市"])]
    assert opened and all(
        s.startswith("以毛泽东同志为主要代表的中国共产党人……开辟了") for s in opened
    )


def test_bare_he_is_named_in_a_two_blank_stem():
    chuangxin = generate_questions(
        (HELDOUT / "article_chuangxin_siwei_zhejiang_2021.txt").read_text("utf-8"), seed=0
    )
    stems = [q.stem for q in chuangxin]
    assert not any(s.startswith("他又") for s in stems)
    assert any(s.startswith("习近平同志又在总结瑞安") and "不分先后" in s for s in stems)
    spans = [s for s in stems if s.startswith("从“民主恳谈”到村务监督")]
    assert spans and all(s.endswith("推出并实施了一系列影响深远的创新制度。") for s in spans)


def test_he_of_a_word_is_not_named_as_the_person():
    # (review9: 利他, 他国, 他方 are no pronoun; naming the text's person there made
    # 利己和利刘少奇同志的关系 in every stem of the sentence)
    text = (
        "刘少奇同志是伟大的马克思主义者。刘少奇同志长期领导白区工作。"
        "刘少奇同志为党的建设作出了重大贡献。刘少奇同志重视党员修养。"
        "刘少奇同志主持起草了许多重要文件。\n"
        "新中国从不干涉他国内政，始终坚持和平共处五项原则，坚持独立自主的和平外交政策。"
        "共产党员要正确处理利己和利他的关系，坚持全心全意为人民服务的根本宗旨，加强党性修养。"
        "在处理分歧时要兼顾他方利益，坚持求同存异，维护党的团结统一。\n"
    )
    stems = [q.stem for q in generate_questions(text, seed=0)]
    assert any("利己和利他的关系" in s for s in stems)
    assert not any("刘少奇同志" in s[1:] for s in stems)
    # (the pronoun itself is still named: 组织安排他到…, 他强调…)
    assert builders._bare_he("组织安排他到延安工作，（　　）") == 4
    assert builders._bare_he("他国家观念很强") == 0
