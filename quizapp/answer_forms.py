"""The answer form of bank questions, shared by the self-test (study) and the paper contests.

One field per question (a cloze: one per blank), named after the question id. The choices are
option numbers, so the page carries nothing but the options themselves; a blank's label and
placeholder carry the length of its key (答案（4字）, as the stem does), never the key. Choices
are always SelectChoice objects: WTForms 3.3 deprecates tuples, and our tests treat warnings as
errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import wtforms
from werkzeug.datastructures import MultiDict
from wtforms import Field, SelectChoice, SelectField, SelectMultipleField, StringField
from wtforms.validators import InputRequired, Length, Optional, StopValidation
from wtforms.widgets import CheckboxInput, ListWidget

from .forms import NOT_A_CHOICE, QuizForm
from .generation import blank_lengths, hint_text
from .models import BankQuestion

BLANK_MAX = 100
JUDGE_CHOICES = [SelectChoice("true", "对"), SelectChoice("false", "错")]


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


class AtLeastOne:
    """Required for a multiple choice: one message instead of one per missing box."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form: Any, field: Field) -> None:
        if not field.data:
            field.errors[:] = []
            raise StopValidation(self.message)


def field_name(question: BankQuestion, blank: int | None = None) -> str:
    return f"q{question.id}" if blank is None else f"q{question.id}_{blank}"


def blank_count(question: BankQuestion) -> int:
    answer = question.answer
    return len(answer) if isinstance(answer, list) and answer else 1


def blank_hints(question: BankQuestion) -> list[int | None]:
    """Per blank of a cloze, the length of its key (None: no hint); nothing for other kinds."""
    if question.kind != "cloze":
        return []
    return blank_lengths(question.answer or [""])


def explanation_beyond_source(question: BankQuestion) -> str:
    """The explanation without the source sentence it opens on: the engine writes
    "原文：<source>" first, and every answer page already shows the source in its own box, so a
    phone card showed the sentence twice (half the bundled bank's explanations are only that)."""
    text = (question.explanation or "").strip()
    lead = f"原文：{question.source}" if question.source else ""
    if lead and text.startswith(lead):
        text = text[len(lead) :].strip()
    return text


def blank_label(blank: int, count: int, length: int | None) -> str:
    """答案（4字）, 第 2 空（3字）; without a hint 答案, 第 2 空."""
    label = "答案" if count == 1 else f"第 {blank + 1} 空"
    return f"{label}（{hint_text(length)}）" if length else label


def option_choices(question: BankQuestion) -> list[SelectChoice]:
    return [SelectChoice(str(i), text) for i, text in enumerate(question.options or [])]


def build_answer_form(questions: Sequence[BankQuestion], *, required: bool) -> type[QuizForm]:
    """A form class with one field per question (a cloze: one per blank).

    `required` (练习) asks for an answer; otherwise (测验, contest paper) a blank stays
    unanswered.
    """

    def validators(message: str) -> list:
        return [InputRequired(message)] if required else [Optional()]

    attrs: dict[str, Any] = {}
    for q in questions:
        if q.kind == "single":
            attrs[field_name(q)] = ChineseRadioField(
                "答案", choices=option_choices(q), validators=validators("请选择一个选项。")
            )
        elif q.kind == "multiple":
            attrs[field_name(q)] = MultiCheckboxField(
                "答案",
                choices=option_choices(q),
                validators=[AtLeastOne("请至少选择一个选项。")] if required else [Optional()],
            )
        elif q.kind == "judge":
            attrs[field_name(q)] = ChineseRadioField(
                "答案", choices=JUDGE_CHOICES, validators=validators("请选择对或错。")
            )
        else:
            n = blank_count(q)
            hints = blank_hints(q)
            for blank in range(n):
                length = hints[blank] if blank < len(hints) else None
                attrs[field_name(q, blank)] = StringField(
                    blank_label(blank, n, length),
                    validators=validators("请填写答案。")
                    + [Length(max=BLANK_MAX, message=f"每空最多 {BLANK_MAX} 个字。")],
                    render_kw={"placeholder": f"{length}个字"} if length else None,
                )
    return type("AnswerForm", (QuizForm,), attrs)


def _blank(data: Any) -> bool:
    return data in (None, "", "None")  # "None": a missing radio value coerced to text


def response_from(form: QuizForm, question: BankQuestion) -> Any:
    """The response in the engine's format, or None when the question was left blank."""
    if question.kind == "cloze":
        values = [(form[field_name(question, b)].data or "").strip()
                  for b in range(blank_count(question))]  # fmt: skip
        return values if any(values) else None
    data = form[field_name(question)].data
    if question.kind == "judge":
        return None if _blank(data) else data == "true"
    options = list(question.options or [])
    if question.kind == "single":
        return None if _blank(data) else options[int(data)]
    chosen = sorted({int(v) for v in data or []})
    return [options[i] for i in chosen] or None


def changed_questions(
    questions: Sequence[BankQuestion], formdata: MultiDict[str, str]
) -> list[BankQuestion]:
    """The questions whose answers a posted paper (a 测验 or an 答题赛) may change.

    The page's script (``QuizTouched`` in static/js/app.js) sends ``scope=touched`` with the id
    of every question answered or changed in that tab: a second tab of the same paper, opened
    before the first one saved, holds blanks for what was answered elsewhere, and its autosave,
    交卷 or hand-in at the deadline must not erase those answers. A blank made on purpose in
    that tab is a change and clears its answer. Without the script (a plain form post) the
    whole form counts, blanks included.
    """
    if formdata.get("scope") != "touched":
        return list(questions)
    touched = {value for value in formdata.getlist("touched") if value.isdigit()}
    return [q for q in questions if str(q.id) in touched]


def fill_form(form: QuizForm, question: BankQuestion, response: Any) -> None:
    """Put a saved response back into the form (a paper or a 测验 reloaded)."""
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
