"""Choice-question lures the strict blind8 reviews (rounds CA–CH) found giving the keys away.

A plain 多选 over a text's list (``multi_enum``) shows three keys beside two lures of the list's
own kind, or is not asked; a plain 单选 (``single``) takes no lures of one family beside a key of
another, no outlier of another field, and no class mate the text writes in the blank's frame.
"""

from __future__ import annotations

from conftest import undropped


def _of(text: str, template: str, seeds: int = 6) -> list:
    # (the questions made, a doubtful 单选 the bank drops among them: its lures are drawn alike)
    return [q for seed in range(seeds) for q in undropped(text, seed=seed)[0]
            if q.template == template]  # fmt: skip


def _lures(q) -> list[str]:
    answer = q.answer if isinstance(q.answer, list) else [q.answer]
    return [o for o in q.options if o not in answer]


# -- multi_enum ---------------------------------------------------------------------------------
def test_a_list_multiple_choice_shows_three_keys_beside_two_lures() -> None:
    # CG #7, #33, CH #27: four right of five beside one lure, "all but the odd one" answers it
    text = (
        "全党必须增强政治意识、大局意识、核心意识、看齐意识，坚定道路自信、理论自信、制度自信、"
        "文化自信。要强化公仆意识、创新意识和使命意识，自觉在思想上政治上行动上同党中央保持"
        "高度一致。"
    )
    made = _of(text, "multi_enum")
    assert made
    for q in made:
        assert len(q.answer) == 3 and len(_lures(q)) == 2, q.options


def test_one_classed_item_does_not_give_its_class_to_the_list() -> None:
    # CG #7 (举一反三 among the 16-character 要求, drawn as a mate of 精准施策), CG #27 (久久为功
    # among 统筹为主、统分结合、分类指导), CG #33 / CH #27 (制度优势 as a student quality)
    texts = (
        "我们要按照坚定信心、同舟共济、科学防治、精准施策的要求，切实做好工作，同时间赛跑、"
        "与病魔较量，坚决遏制疫情蔓延势头，坚决打赢疫情防控阻击战。",
        "健全国家教材制度，统筹为主、统分结合、分类指导，增强教材的思想性、科学性、民族性、"
        "时代性、系统性，完善教材编写、修订、审查、选用、退出机制。",
        "全面落实立德树人根本任务，广泛开展理想信念教育，厚植爱国主义情怀，加强品德修养，"
        "增长知识见识，培养奋斗精神，不断提高学生思想水平、政治觉悟、道德品质、文化素养。",
    )
    # one classed item lent its class to the whole list, and the lures came from it; the
    # lists have no two lures of their own kind, so they get no 多选 (their 填空 stay)
    for text in texts:
        assert _of(text, "multi_enum") == [], text[:12]
        assert _of(text, "cloze"), text[:12]


def test_an_ism_is_no_lure_among_conduct_phrases() -> None:
    # CG #3, CC #3 (个人主义、主观主义 beside 不敢担当、作风飘浮、推诿扯皮), CH #3 (买官卖官)
    text = (
        "对党中央决策部署贯彻落实不力的，要敢于批评，责令其立即整改。对不服从统一指挥和调度、"
        "本位主义严重的，对不敢担当、作风飘浮、推诿扯皮的，除追究直接责任人的责任外，情节严重"
        "的还要对党政主要领导进行问责。对失职渎职的，要依纪依法惩处。"
        "坚决反对个人主义、主观主义，坚决纠治买官卖官、为官不为。"
    )
    # the conduct list has no two lures of its own form (the -isms and 买官卖官 were its lures):
    # no 多选 over it
    assert not [q for q in _of(text, "multi_enum") if "推诿扯皮" in q.answer]


def test_a_conduct_phrase_is_no_lure_among_isms_and_cultures() -> None:
    # the same test the other way round: 为官不为, 贪污腐化 beside 宗派主义、圈子文化、码头文化
    text = (
        "坚决防止和反对个人主义、分散主义、自由主义、本位主义、好人主义，坚决防止和反对"
        "宗派主义、圈子文化、码头文化，坚决反对搞两面派、做两面人。"
    )
    made = _of(text, "multi_enum")
    assert made  # (the -isms' list is asked)
    for q in made:
        for lure in _lures(q):
            assert lure.endswith(("主义", "文化")), q.options


# -- single -------------------------------------------------------------------------------------
def test_the_lures_of_a_single_are_not_all_of_one_family() -> None:
    # CG #6, #26, CC #6, CD #9: 污染防治攻坚战 and its 蓝天、碧水、净土保卫战 beside 脱贫攻坚战
    for text in (
        "要聚焦攻克脱贫攻坚战最后堡垒，结合推进乡村振兴战略，以疫情防治为切入点，加强乡村"
        "人居环境整治和公共卫生体系建设。",
        "七是实施中西部教育振兴发展计划。坚决打赢教育脱贫攻坚战，以保障义务教育为核心，全面"
        "落实教育扶贫政策，稳步提升贫困地区教育基本公共服务水平。",
    ):
        # every lure the pool has for 脱贫攻坚战 is one family (污染防治攻坚战 and its battles):
        # no 单选 rather than one the odd one out answers
        assert not [q for q in _of(text, "single") if q.answer == "脱贫攻坚战"]
        assert _of(text, "cloze")


def test_a_single_takes_no_outlier_of_another_field() -> None:
    # CH #16, CE #15: 乡村特色产业 beside 先进制造业 or 航空航天 is ruled out at a glance
    text = (
        "坚持智能化、绿色化、融合化方向，加快建设制造强国、质量强国、航天强国、交通强国、网络"
        "强国，保持制造业合理比重，构建以先进制造业为骨干的现代化产业体系。推动生产性服务业"
        "向专业化和价值链高端延伸，促进生活性服务业高品质、多样化、便利化发展。发展乡村特色"
        "产业，前瞻布局未来产业，壮大战略性新兴产业，发展现代服务业。"
    )
    made = [q for q in _of(text, "single") if q.answer == "先进制造业"]
    assert made
    for q in made:
        assert "乡村特色产业" not in q.options, q.options


def test_a_mate_the_text_writes_in_the_blanks_frame_is_no_lure() -> None:
    # CA #15, CE #15: 加快…等（战略性新兴产业）集群发展 offered 先进制造业, and the text itself
    # says 发展先进制造业集群: that option is right as well
    text = (
        "滚动实施制造业重点产业链高质量发展行动，发展先进制造业集群。实施产业创新工程，一体"
        "推进创新设施建设、技术研究开发、产品迭代升级，加快新能源、新材料、航空航天、低空经济"
        "等战略性新兴产业集群发展。推动生产性服务业向专业化和价值链高端延伸，发展现代服务业，"
        "前瞻布局未来产业。"
    )
    made = [q for q in _of(text, "single") if q.answer == "战略性新兴产业"]
    assert made
    for q in made:
        assert "先进制造业" not in q.options, q.options


def test_a_single_takes_no_lure_of_the_one_x_one_y_shape_its_key_lacks() -> None:
    # blind11 bushu, biaozhang (8 rounds): 一户一策, 一村一策 beside 精准施策 set the key apart by
    # their look (and 主观主义 beside 形式主义 shares the 主义 and is no such shape)
    text = (
        "党中央审时度势、综合研判，及时提出坚定信心、同舟共济、科学防治、精准施策的总要求，"
        "明确了坚决遏制疫情蔓延势头、坚决打赢疫情防控阻击战的总目标。"
    )
    from quizapp.generation.builders import _echo_pattern_clash

    assert _echo_pattern_clash("精准施策", "一户一策")
    assert not _echo_pattern_clash("精准施策", "分类施策")
    assert not _echo_pattern_clash("形式主义", "主观主义")
    # (the epidemic sentence's 单选 is no longer made: its other lures, 因村施策 and 因户施策, are
    # poverty-relief terms of another field, and two in-field lures are too few; see
    # test_engine_member_slots.py)
    made = [q for q in _of(text, "single") if q.answer == "精准施策"]
    for q in made:
        assert not {"一户一策", "一村一策", "因户施策", "因村施策"} & set(q.options), q.options


def test_a_field_cued_draw_takes_a_lure_of_the_stems_field_from_its_pool() -> None:
    # blind11 gonggong: 深化（医药卫生体制改革） after 医疗服务体系建设; a lure of the pool the
    # text writes again and again (or of the stem's field) takes the last place, so the field is
    # no giveaway
    from types import SimpleNamespace

    from quizapp.generation.builders import _field_mate
    from quizapp.generation.lexicon import load_lexicon
    from quizapp.generation.model import BLANK

    stem = f"是对医疗服务体系建设、重点专科建设、深化{BLANK}10年来成果的一次集中检阅。"
    # (written twice: one passing mention is no field of the text's, confidence.FIELD_TEXT_TIMES)
    text = stem.replace(BLANK, "医药卫生体制改革") + "要深化人才发展体制机制改革。" * 2
    ctx = SimpleNamespace(
        lexicon=load_lexicon(), ex=SimpleNamespace(doc=SimpleNamespace(text=text))
    )
    picked = ["行政审批制度改革", "国家监察体制改革", "混合所有制改革"]
    pool = [*picked, "宅基地制度改革", "人才发展体制机制改革"]
    swapped = _field_mate("医药卫生体制改革", picked, pool, stem, ctx)
    assert swapped == ["行政审批制度改革", "国家监察体制改革", "人才发展体制机制改革"]
    # with no such lure in the pool the draw stays (the 单选 is doubted instead)
    assert _field_mate("医药卫生体制改革", picked, pool[:4], stem, ctx) == picked


def test_no_typed_party_lure_for_a_slogan_key() -> None:
    # CK #6, CL #2, CP #2 (服务型政党, 百年大党 for 坚持（党要管党）), CD #26 (three …型政党 for
    # 全面从严治党): "坚持服务型政党" is no phrase; the slogan keeps its 填空
    text = (
        "《条例》全面贯彻党的十九大精神，坚持和加强党的全面领导，坚持党要管党、全面从严治党，"
        "坚持从严管理干部。我们要深入推进教育系统全面从严治党、党风廉政建设和反腐败斗争，"
        "建设学习型、服务型、创新型的马克思主义执政党。"
    )
    for q in _of(text, "single"):
        assert not any(o.endswith("型政党") for o in q.options), q.options
    clozes = {q.answer[0] for q in _of(text, "cloze", seeds=1) if len(q.answer) == 1}
    assert {"党要管党", "全面从严治党"} & clozes


# -- option shapes (blind10/blind11 rounds, tuning texts now) ------------------------------------
def test_a_formula_multiple_choice_does_not_split_its_keys_and_lures_by_length() -> None:
    # GB #11, GF #11, GN #13: 保居民就业、保基本民生、保基层运转 (5 each) beside 保稳定, 保供稳价
    from conftest import heldout_bank

    from quizapp.generation.builders import _lengths_give_away

    assert _lengths_give_away(["保居民就业", "保基本民生", "保基层运转"], ["保稳定", "保供稳价"])
    assert not _lengths_give_away(["保居民就业", "保基本民生"], ["保稳定", "保金融稳定"])
    made = [
        q
        for q in heldout_bank("speech_xi_kangyi_biaozhang_2020")
        if q.template == "lex_members" and "六保" in q.stem
    ]
    assert made
    for q in made:
        keys, lures = [len(k) for k in q.answer], [len(w) for w in _lures(q)]
        assert not (max(lures) < min(keys) or min(lures) > max(keys)), q.options


def test_a_lexicon_single_choice_key_is_not_alone_by_its_length() -> None:
    # GN #32: 全面深化改革 (6) the only key-length option beside three of 8; EA #33: 保增长 (3)
    # the 不属于 answer beside three members of 5
    from conftest import heldout_bank

    from quizapp.generation.builders import _alone_by_length

    bank = heldout_bank("speech_xi_jiaowenweiti_2020")
    made = [q for q in bank if q.template == "lex_member" and "四个全面" in q.stem]
    assert made
    for q in made:
        assert not _alone_by_length(q.answer, _lures(q)), q.options
    gov = [
        q
        for q in heldout_bank("gov_work_report_2020_sec1-4")
        if q.template == "lex_nonmember" and "六保" in q.stem
    ]
    assert gov and all(not _alone_by_length(q.answer, _lures(q)) for q in gov)


def test_lures_of_another_shape_than_the_printed_series_make_the_single_doubtful() -> None:
    # GG #32: 国际化, 市场化, 信息化 (X化 nouns) beside 举旗帜、聚民心、育新人、（兴文化）、展形象
    from conftest import asked_over, heldout_bank, heldout_undropped

    from quizapp.generation.confidence import series_odd_out

    stem = "紧紧围绕举旗帜、聚民心、育新人、（　　）、展形象的使命任务，加强社会主义精神文明建设。"
    assert series_odd_out(stem, "兴文化", ["国际化", "市场化", "信息化"])
    assert not series_odd_out(stem, "兴文化", ["守初心", "强信心", "筑同心"])
    # 全方位、多层次、（立体化）: the key is an X化 word itself, its lures alike
    stem2 = "形成全方位、多层次、（　　）的外交布局。"
    assert not series_odd_out(stem2, "立体化", ["规范化", "社会化", "制度化"])
    # (twelfth session: X化 lures beside the verb-object 兴文化 share their 化 by chance, so
    # the 单选 is no longer made at all; one made again must be doubtful, and the bank drops
    # it while its 填空 stays)
    made, reasons = heldout_undropped("speech_xi_jiaowenweiti_2020")
    made = [q for q in asked_over(list(made), "育新人、_、展形象", "兴文化") if q.kind == "single"]
    assert all(reasons.get(q.id) == "doubtful_single" for q in made)
    bank = asked_over(
        list(heldout_bank("speech_xi_jiaowenweiti_2020")), "育新人、_、展形象", "兴文化"
    )
    assert bank and all(q.kind == "cloze" for q in bank)


def test_a_single_lure_keeps_the_edge_the_key_shares_with_the_other_lures() -> None:
    # GO #36: 交通强国 beside 健康中国, 平安中国, 数字中国 in 《“（　　）2030”规划纲要》
    from conftest import heldout_bank

    made = [
        q
        for q in heldout_bank("speech_xi_jiaowenweiti_2020")
        if q.template == "single" and q.answer == "健康中国"
    ]
    assert made
    for q in made:
        assert all(o.endswith("中国") for o in q.options), q.options


def test_a_single_lure_takes_the_length_of_a_uniform_printed_series() -> None:
    # 互联网思维 (5) beside 战略思维、历史思维、辩证思维、（系统思维）…: the series shows its length
    from quizapp.generation.builders import _series_length_mate

    stem = "不断提高战略思维、历史思维、辩证思维、（　　）、创新思维、法治思维、底线思维能力。"
    pool = ["极限思维", "精准思维", "互联网思维", "科学思维"]
    got = _series_length_mate("系统思维", ["极限思维", "精准思维", "互联网思维"], pool, stem)
    assert got == ["极限思维", "精准思维", "科学思维"]


def test_a_failing_the_text_warns_of_is_never_a_lure() -> None:
    # blind9 CK #12, CO #13: 大力宣传（辛勤劳动）、诚实劳动… beside 不会劳动 and 不想劳动, the
    # failings the text criticises ("absurd here"); a key that is a failing keeps its mates
    text = (
        "一些青少年中出现了不珍惜劳动成果、不想劳动、不会劳动的现象。大力宣传辛勤劳动、诚实劳动、"
        "创造性劳动的典型人物和事迹，弘扬劳动光荣、创造伟大的主旋律。要引导学生崇尚劳动、"
        "尊重劳动，懂得生产劳动、服务性劳动的意义。"
    )
    choices = [q for t in ("single", "multi_enum") for q in _of(text, t)]
    assert choices
    assert not [q.options for q in choices if {"不想劳动", "不会劳动"} & set(_lures(q))]
