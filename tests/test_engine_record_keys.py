"""Keys of a report's record or a speech's narrative, not a teacher's pick: half of a compound
list item (dropped), a speech's count taken for a rule's time limit (dropped), the subject of a
trend and a deed in a roll of praised groups (asked last); on real texts (blind10's tuning
texts: rounds EE–EH in docs/quality.md)."""

from __future__ import annotations

import pytest
from conftest import asked_over, heldout_bank


@pytest.fixture(scope="module")
def gov2020() -> list:
    return heldout_bank("gov_work_report_2020_sec1-4.txt")


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


def test_the_subject_of_a_trend_is_asked_last(gov2020) -> None:
    for fragment, key in (
        ("国内消费、_、出口下滑", "投资"),
        ("先进制造业、_较快增长", "现代服务业"),
        ("_、现代服务业较快增长", "先进制造业"),
    ):
        asked = asked_over(gov2020, fragment, key)
        assert asked and all(q.weak for q in asked)
    # a formula that rises stays: 单边主义、保护主义上升
    kexuejia = heldout_bank("speech_xi_kexuejia_zuotan_2020.txt")
    asked = asked_over(kexuejia, "在单边主义、_上升", "保护主义")
    assert asked and not any(q.weak for q in asked)


def test_a_deed_in_a_roll_of_praised_groups_is_asked_last(gov2020) -> None:
    asked = asked_over(gov2020, "人民解放军指战员_，科技工作者", "勇挑重担")
    assert asked and all(q.weak for q in asked)
