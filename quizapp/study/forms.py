"""Forms of the learner's pages. Answer forms are built per question, in ..answer_forms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wtforms import SelectChoice, StringField
from wtforms.validators import InputRequired, Length, Optional

from ..answer_forms import AtLeastOne, ChineseRadioField, ChineseSelectField, MultiCheckboxField
from ..forms import QuizForm

KIND_PAIRS = [("single", "单选"), ("multiple", "多选"), ("judge", "判断"), ("cloze", "填空")]
COUNT_PAIRS = [("10", "10 题"), ("20", "20 题"), ("50", "50 题"), ("0", "全部")]
MODE_PAIRS = [
    ("practice", "练习：每答一题，立即看到对错和解析"),
    ("exam", "测验：全部答完交卷后，才公布答案"),
]
TIME_PAIRS = [("0", "不限时"), ("5", "5 分钟"), ("10", "10 分钟"), ("15", "15 分钟"),
                ("20", "20 分钟"), ("30", "30 分钟"), ("45", "45 分钟"), ("60", "60 分钟"),
                ("90", "90 分钟"), ("120", "120 分钟")]  # fmt: skip


def choices(pairs: Sequence[tuple[Any, str]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


class StartForm(QuizForm):
    material = ChineseSelectField(
        "学习材料", coerce=int, validators=[InputRequired("请选择学习材料。")]
    )
    count = ChineseRadioField(
        "题量",
        choices=choices(COUNT_PAIRS),
        default="10",
        validators=[InputRequired("请选择题量。")],
    )
    kinds = MultiCheckboxField(
        "题型",
        choices=choices(KIND_PAIRS),
        default=[k for k, _ in KIND_PAIRS],
        validators=[AtLeastOne("请至少选择一种题型。")],
    )
    mode = ChineseRadioField(
        "方式",
        choices=choices(MODE_PAIRS),
        default="practice",
        validators=[InputRequired("请选择练习或测验。")],
    )
    time_limit = ChineseSelectField("测验限时", choices=choices(TIME_PAIRS), default="0",
                                    validators=[Optional()],
                                    description="只对测验有效；时间到后自动交卷。")  # fmt: skip


class PaperForm(QuizForm):
    """Query-string form of the print view (a GET: nothing changes)."""

    class Meta:
        csrf = False

    count = ChineseRadioField(
        "题量", choices=choices(COUNT_PAIRS), default="20", validators=[Optional()]
    )
    kinds = MultiCheckboxField("题型", choices=choices(KIND_PAIRS), validators=[Optional()])
    seed = StringField("试卷编号", validators=[Optional(), Length(max=12)])


class ActionForm(QuizForm):
    """A bare POST with its CSRF token (start review, 已掌握, finish, quick start)."""
