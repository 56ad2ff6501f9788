"""Keys of a report's record or a speech's narrative, not a teacher's pick: half of a compound
list item (dropped), a speech's count taken for a rule's time limit (dropped), the subject of a
trend and a deed in a roll of praised groups (asked last); on real texts (blind10's tuning
texts: rounds EE–EH in docs/quality.md)."""

from __future__ import annotations

from conftest import asked_over, dropped_over, heldout_bank, plain_cloze

from quizapp.generation import BLANK
from quizapp.generation.builders import _loose_class_lure
from quizapp.generation.lexicon import load_lexicon
from quizapp.generation.pipeline import _compound_fragment_blank, _record_frame


def test_half_of_a_compound_list_item_is_never_asked() -> None:
    kexuejia = heldout_bank("speech_xi_kexuejia_zuotan_2020.txt")
    assert not asked_over(kexuejia, "生物医药、_设备等领域", "医疗")
    assert not asked_over(kexuejia, "生物_、医疗设备等领域", "医药")
    # ... while a whole item of a list is still asked (四个面向)
    assert asked_over(kexuejia, "尊重劳动、_、尊重人才", "尊重知识")
    dangan = heldout_bank("tiaoli_ganbu_renshi_dangan_2018.txt")
    assert not asked_over(dangan, "保证真实准确、_规范", "全面")


def test_a_speechs_count_is_no_provision() -> None:
    # 今年满打满算还有不到10个月: 年满 of 年满十八周岁 was read in 今年满打满算
    tuopin = heldout_bank("speech_xi_tuopin_zuotan_2020.txt")
    assert not [q for q in tuopin if q.template.startswith("provision")]
    # a rule's time limit is still asked
    dangan = heldout_bank("tiaoli_ganbu_renshi_dangan_2018.txt")
    assert asked_over(dangan, "并在_内完成转递", "2个月")


def test_the_subject_of_a_trend_leaves_the_bank() -> None:
    # (a minor frame: asked last until the twelfth session, dropped since: blind10 EC, EG, ED,
    # EH judged 投资 and 先进制造业 unusable or to edit)
    for fragment, key in (
        ("国内消费、_、出口下滑", "投资"),
        ("先进制造业、_较快增长", "现代服务业"),
        ("_、现代服务业较快增长", "先进制造业"),
    ):
        assert dropped_over("gov_work_report_2020_sec1-4", fragment, key) == [
            ("cloze", "minor_frame")
        ], key
    # a formula that rises stays: 单边主义、保护主义上升
    kexuejia = heldout_bank("speech_xi_kexuejia_zuotan_2020.txt")
    asked = asked_over(kexuejia, "在单边主义、_上升", "保护主义")
    assert asked and not any(q.weak for q in asked)


def test_a_deed_in_a_roll_of_praised_groups_leaves_the_bank() -> None:
    # (a minor frame: blind10 EB, EF judged it unusable, 冲锋在前 fits as well)
    fragment = "人民解放军指战员_，科技工作者"
    assert dropped_over("gov_work_report_2020_sec1-4", fragment, "勇挑重担") == [
        ("cloze", "minor_frame")
    ]


def test_a_middle_item_is_a_fragment_only_when_an_item_shows_the_compound() -> None:
    # 全面 of 全面规范: the last item (鲜活及时) shows the items' length
    assert _compound_fragment_blank(plain_cloze(f"保证真实准确、{BLANK}规范、鲜活及时。", "全面"))
    # 科技、教育 share 体制改革: no item of 教育体制改革's length, so 教育 is asked
    stem = f"深入推进科技、{BLANK}体制改革、人才发展，激发创新活力。"
    assert not _compound_fragment_blank(plain_cloze(stem, "教育"))


def test_the_trend_of_a_clause_is_read_at_its_end() -> None:
    # 增加 of 工业增加值 opens the clause: the trend is 均有所增长 at its end
    stem = f"全年工业增加值、{BLANK}、出口均有所增长，经济运行总体平稳。"
    assert _record_frame(plain_cloze(stem, "投资"))


def test_examples_before_deng_pin_a_key_written_with_a_regex_mark() -> None:
    # the key is matched as written (a + or a dot in it is no pattern)
    lexicon = load_lexicon()
    sentence = "培育新能源、新材料等互联网+产业，推动高质量发展。"
    assert not _loose_class_lure(lexicon, "未来产业", "互联网+产业", sentence, False)
    assert _loose_class_lure(lexicon, "未来产业", "互联网+产业", "培育互联网+产业。", False)
