"""A 填空 over several items of a run the text coined waits for an organizer (pipeline._coined_list):
nothing but the text's own wording pins its blanks (blind29: 重实情、（看本质）、（建真言）, unusable)."""

from quizapp.generation import generate_questions
from quizapp.generation.doubts import DOUBT_NOTES
from quizapp.generation.pipeline import bank_with_reasons

TEXT = (
    "广大知识分子要实事求是、客观公允，重实情、看本质、建真言，多为党和政府献计出力。"
    "全面推进科学立法、严格执法、公正司法、全民守法，全面推进国家各方面工作法治化。"
)


def test_a_list_blank_over_the_texts_own_run_is_doubted_and_not_served():
    questions, why = bank_with_reasons(TEXT)
    lists = {tuple(q.answer): q for q in questions if q.template == "cloze_list"}
    coined = lists[("看本质", "建真言")]
    assert coined.weak and coined.doubt == "coined_list" and why[coined.id] == "coined_list"
    assert "词库和其他学习材料里都没有" in DOUBT_NOTES[coined.doubt]
    # the standard list of 全面依法治国's sixteen characters is asked as before
    standard = lists[("科学立法", "严格执法", "公正司法", "全民守法")]
    assert not standard.weak and standard.doubt == ""
    served = [q for seed in range(5) for q in generate_questions(TEXT, seed=seed, count=10)]
    assert served and coined.id not in {q.id for q in served}


def test_what_the_text_rejects_is_no_lure_for_what_it_pursues():
    # 切实避免越权立法、重复立法、盲目立法 and 深入推进科学立法、民主立法、依法立法 in one speech
    # (blind29 #54: 重复立法 and 盲目立法 as lures of 民主立法, ruled out by their sense; #27: a
    # 多选 on 切实避免（　　） with 科学立法 among its lures)
    from conftest import heldout_text

    rejected = {"越权立法", "重复立法", "盲目立法"}
    pursued = {"科学立法", "民主立法", "依法立法", "领导立法"}
    choices = [
        q
        for seed in range(4)
        for q in generate_questions(heldout_text("speech_xi_fazhi_tixi_2021"), seed=seed)
        if q.kind in ("single", "multiple")
    ]
    for q in choices:
        answers = {q.answer} if isinstance(q.answer, str) else set(q.answer)
        lures = set(q.options) - answers
        if answers & pursued or answers & {"保证执法", "支持司法", "带头守法"}:
            assert not lures & rejected, (q.stem, q.options)
        if answers & rejected:
            assert not lures & pursued, (q.stem, q.options)
    assert any(set(q.options) & pursued for q in choices)  # the positive run is still asked


def test_a_festivals_date_name_before_the_festival_is_of_low_value():
    # “（五一）”国际劳动节: the stem names the festival (blind29 ZG #63, blind15: unusable)
    text = (
        "我这次来安徽调研，正好是“五一”国际劳动节、“五四”青年节前夕。"
        "我们要弘扬劳模精神、劳动精神、工匠精神，在全社会营造崇尚劳动的浓厚氛围。"
    )
    questions, why = bank_with_reasons(text)
    festivals = [q for q in questions if q.kind == "cloze" and q.answer in (["五一"], ["五四"])]
    assert festivals and all(why.get(q.id) == "low_value" for q in festivals)
    served = [q for seed in range(3) for q in generate_questions(text, seed=seed, count=10)]
    assert not {q.id for q in festivals} & {q.id for q in served}


def test_the_polarity_of_a_text_s_runs_is_read_from_the_runs_themselves():
    # a key of neither kind of run bans nothing: 力戒（形式主义） keeps the faults the text
    # rejects elsewhere as its lures; runs joined by 和 and closed by 等问题 are read whole
    from quizapp.generation import load_lexicon, warm_up
    from quizapp.generation.builders import Context, _other_polarity
    from quizapp.generation.jieba_setup import dictionary_version
    from quizapp.generation.pipeline import _extracted

    lexicon = load_lexicon()
    warm_up(lexicon)
    text = (
        "要力戒形式主义。坚决反对官僚主义、享乐主义、奢靡之风。"
        "要深入推进科学立法、民主立法和依法立法，切实避免越权立法、重复立法和盲目立法等问题。"
        "打好防范化解重大风险、精准脱贫、污染防治的攻坚战。"
    )
    extraction, key = _extracted(text, lexicon, dictionary_version())
    ctx = Context(extraction, 0, key)
    faults = {"官僚主义", "享乐主义", "奢靡之风"}
    assert not _other_polarity(ctx, ["形式主义"]) & faults
    rejected, pursued = {"越权立法", "重复立法", "盲目立法"}, {"科学立法", "民主立法", "依法立法"}
    assert _other_polarity(ctx, ["民主立法"]) >= rejected
    assert _other_polarity(ctx, ["重复立法"]) >= pursued
    assert not _other_polarity(ctx, ["精准脱贫"]) & {"化解重大风险", "污染防治"}  # 防范化解: an aim


def test_the_source_line_under_an_excerpt_is_no_material():
    # a 求是 collection prints each excerpt's occasion under it: (2019年5月20日至22日在江西考察…
    # 时的讲话) gave a 判断 with 江西 swapped (blind30, unusable)
    text = (
        "用好红色资源 传承好红色基因\n习近平\n一\n"
        "井冈山是中国革命的摇篮。井冈山时期留给我们最为宝贵的财富，就是跨越时空的井冈山精神。"
        "我们要坚定理想信念，坚持实事求是、敢闯新路，坚持依靠群众、勇于胜利。\n"
        "(2016年2月1日至3日在江西看望慰问广大干部群众时的讲话)\n二\n"
        "江西是一片充满红色记忆的红土地，我们要把红色资源利用好、把红色传统发扬好、"
        "把红色基因传承好。\n"
        "(2019年5月20日至22日在江西考察并主持召开推动中部地区崛起工作座谈会时的讲话)\n"
    )
    questions = generate_questions(text, seed=0)
    assert questions
    assert not [q for q in questions if "时的讲话" in q.source or "时的讲话" in q.stem]


def test_a_frame_other_texts_fill_otherwise_names_their_words():
    # 不能（弄虚作假）: other study texts write 不能一叶障目 … in that frame; the organizer reads
    # which words, not only that there are some
    from conftest import heldout_text

    from quizapp.generation.doubts import doubt_note, known_doubt, with_words

    bank = generate_questions(heldout_text("speech_deng_jingji_gongzuo_jidian_yijian_1979"))
    framed = [q for q in bank if q.doubt.startswith("frame_filled_elsewhere:")]
    assert framed and all(known_doubt(q.doubt) and len(q.doubt) <= 40 for q in framed)
    note = doubt_note(framed[0].doubt)
    words = framed[0].doubt.split(":", 1)[1].split("、")
    assert note.startswith("别的学习材料在同样的句式里填的是“") and all(
        f"“{w}”" in note for w in words
    )
    # what the column holds stays short; a value of another shape reads the rule's plain note
    assert (
        len(with_words("frame_filled_elsewhere", ["甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉"]))
        <= 40
    )
    assert not known_doubt("frame_filled_elsewhere:<b>") and not known_doubt("coined:词语")
    assert doubt_note("frame_filled_elsewhere") == doubt_note("frame_filled_elsewhere:<b>")
