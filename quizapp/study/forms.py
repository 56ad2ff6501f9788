"""Forms of the learner's pages. Answer forms are built per question from the bank."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import wtforms
from flask_wtf import FlaskForm
from wtforms import Field, SelectChoice, SelectField, SelectMultipleField, StringField
from wtforms.validators import InputRequired, Length, Optional, StopValidation
from wtforms.widgets import CheckboxInput, ListWidget

from ..models import BankQuestion

KIND_PAIRS = [("single", "单选"), ("multiple", "多选"), ("judge", "判断"), ("cloze", "填空")]
COUNT_PAIRS = [("10", "10 题"), ("20", "20 题"), ("50", "50 题"), ("0", "全部")]
MODE_PAIRS = [
    ("practice", "练习：每答一题，立即看到对错和解析"),
    ("exam", "测验：全部答完交卷后，才公布答案"),
]
TIME_PAIRS = [("0", "不限时"), ("5", "5 分钟"), ("10", "10 分钟"), ("15", "15 分钟"),
                ("20", "20 分钟"), ("30", "30 分钟"), ("45", "45 分钟"), ("60", "60 分钟"),
                ("90", "90 分钟"), ("120", "120 分钟")]  # fmt: skip
JUDGE_PAIRS = [("true", "对"), ("false", "错")]
BLANK_MAX = 100
NOT_A_CHOICE = "请从给出的选项中选择。"


class ChineseMessages:
    """Chinese messages for a value that is not among the choices (or not even a number)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("invalid_value_message", NOT_A_CHOICE)
        kwargs.setdefault("invalid_choice_message", NOT_A_CHOICE)
        super().__init__(*args, **kwargs)


class ChineseRadioField(ChineseMessages, wtforms.RadioField):
    """Drawn as a group of radio buttons by the shared render_field macro (it goes by type)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.type = "RadioField"


class ChineseSelectField(ChineseMessages, SelectField):
    pass


class MultiCheckboxField(ChineseMessages, SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def choices(pairs: Sequence[tuple[Any, str]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


class AtLeastOne:
    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form: Any, field: Field) -> None:
        if not field.data:
            field.errors[:] = []
            raise StopValidation(self.message)


class StartForm(FlaskForm):
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


class PaperForm(FlaskForm):
    """Query-string form of the print view (a GET: nothing changes)."""

    class Meta:
        csrf = False

    count = ChineseRadioField(
        "题量", choices=choices(COUNT_PAIRS), default="20", validators=[Optional()]
    )
    kinds = MultiCheckboxField("题型", choices=choices(KIND_PAIRS), validators=[Optional()])
    seed = StringField("试卷编号", validators=[Optional(), Length(max=12)])


class ActionForm(FlaskForm):
    """A bare POST with its CSRF token (start review, 已掌握, finish, quick start)."""


# ---------------------------------------------------------------- answer forms


def field_name(question: BankQuestion, blank: int | None = None) -> str:
    return f"q{question.id}" if blank is None else f"q{question.id}_{blank}"


def blank_count(question: BankQuestion) -> int:
    answer = question.answer
    return len(answer) if isinstance(answer, list) and answer else 1


def build_answer_form(questions: Sequence[BankQuestion], *, required: bool) -> type[FlaskForm]:
    """A form class with one field per question (a cloze: one per blank).

    Choices are the option numbers, so the page carries nothing but the options themselves.
    `required` (练习) asks for an answer; a 测验 keeps blanks as unanswered.
    """

    def validators(message: str) -> list:
        return [InputRequired(message)] if required else [Optional()]

    attrs: dict[str, Any] = {}
    for q in questions:
        if q.kind == "single":
            options = choices([(str(i), text) for i, text in enumerate(q.options or [])])
            attrs[field_name(q)] = ChineseRadioField(
                "答案", choices=options, validators=validators("请选择一个选项。")
            )
        elif q.kind == "multiple":
            options = choices([(str(i), text) for i, text in enumerate(q.options or [])])
            attrs[field_name(q)] = MultiCheckboxField(
                "答案",
                choices=options,
                validators=[AtLeastOne("请至少选择一个选项。")] if required else [Optional()],
            )
        elif q.kind == "judge":
            attrs[field_name(q)] = ChineseRadioField(
                "答案", choices=choices(JUDGE_PAIRS), validators=validators("请选择对或错。")
            )
        else:
            n = blank_count(q)
            for blank in range(n):
                label = "答案" if n == 1 else f"第 {blank + 1} 空"
                attrs[field_name(q, blank)] = StringField(
                    label,
                    validators=validators("请填写答案。")
                    + [Length(max=BLANK_MAX, message=f"每空最多 {BLANK_MAX} 个字。")],
                )
    return type("AnswerForm", (FlaskForm,), attrs)


def response_from(form: FlaskForm, question: BankQuestion) -> Any:
    """The response in the engine's format, or None when the question was left blank."""
    if question.kind == "cloze":
        values = [(form[field_name(question, b)].data or "").strip()
                  for b in range(blank_count(question))]  # fmt: skip
        return values if any(values) else None
    data = form[field_name(question)].data
    if question.kind == "judge":
        return None if data is None else data == "true"
    options = list(question.options or [])
    if question.kind == "single":
        return options[int(data)] if data not in (None, "") else None
    chosen = sorted({int(v) for v in data or []})
    return [options[i] for i in chosen] or None


def fill_form(form: FlaskForm, question: BankQuestion, response: Any) -> None:
    """Put a kept response back into the form (a 测验 reloaded)."""
    if response is None:
        return
    options = list(question.options or [])
    if question.kind == "cloze":
        values = response if isinstance(response, list) else [response]
        for blank, value in enumerate(values[: blank_count(question)]):
            form[field_name(question, blank)].data = value
    elif question.kind == "judge":
        form[field_name(question)].data = "true" if response else "false"
    elif question.kind == "single":
        if response in options:
            form[field_name(question)].data = str(options.index(response))
    else:
        form[field_name(question)].data = [str(options.index(v)) for v in response if v in options]
