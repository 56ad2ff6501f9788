"""Forms of the live round's web pages: create a round, enter a join code, join as a player,
continue on a new phone."""

from __future__ import annotations

import re

from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    ValidationError,
    widgets,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from ..forms import QuizForm
from ..models.live import LIVE_POINTS_RANGE, LIVE_SECONDS_RANGE

KIND_CHOICES = [
    SelectChoice("single", "单选"), SelectChoice("multiple", "多选"),
    SelectChoice("judge", "判断"), SelectChoice("cloze", "填空"),
]  # fmt: skip
MAX_QUESTIONS = 50
NO_TEAM = ""


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class CreateLiveForm(QuizForm):
    material_id = SelectField(
        "学习材料（题库）", coerce=int, validators=[InputRequired("请选择材料。")]
    )
    title = StringField(
        "比赛名称",
        validators=[Optional(), Length(max=100, message="名称不能超过 100 个字。")],
        description="不填则用材料标题加“现场赛”。",
    )
    count = IntegerField(
        "题目数量",
        default=10,
        validators=[
            InputRequired("请填写题目数量。"),
            NumberRange(1, MAX_QUESTIONS, f"题目数量应在 1 到 {MAX_QUESTIONS} 之间。"),
        ],
    )
    kinds = MultiCheckboxField(
        "题型", choices=KIND_CHOICES, default=["single", "multiple", "judge"]
    )
    seconds = IntegerField(
        "每题秒数",
        default=20,
        validators=[
            InputRequired("请填写每题秒数。"),
            NumberRange(*LIVE_SECONDS_RANGE, "每题秒数应在 %(min)s 到 %(max)s 之间。"),
        ],
    )
    points = IntegerField(
        "每题满分",
        default=1000,
        validators=[
            InputRequired("请填写每题满分。"),
            NumberRange(*LIVE_POINTS_RANGE, "每题满分应在 %(min)s 到 %(max)s 之间。"),
        ],
        description="答对得满分的 50%–100%，越快越多；答错 0 分。",
    )
    streak = BooleanField(
        "连对加分（连续答对第 2 题起加 100、200…分，每题最多 +500）", default=False
    )

    def validate_kinds(self, field: MultiCheckboxField) -> None:
        if not field.data:
            raise ValidationError("请至少选择一种题型。")


class JoinCodeForm(QuizForm):
    code = StringField(
        "竞赛码",
        validators=[InputRequired("请输入竞赛码。"), Length(max=12, message="竞赛码不正确。")],
        filters=[lambda v: re.sub(r"\s+", "", v or "").upper()],
    )


class ResumeForm(QuizForm):
    """换机: the token of the host's QR code, posted from the new phone (a GET only shows the
    page: a link preview or a scanner's prefetch must not use the code up)."""

    t = HiddenField(validators=[InputRequired(), Length(max=64)])


class PlayerJoinForm(QuizForm):
    """Name and 支部. The team is a choice of the admin-managed groups (so a team's score is not
    split by spelling); free entry is offered only where no groups are set up."""

    name = StringField(
        "你的名字",
        validators=[InputRequired("请填写名字。"), Length(max=40, message="名字太长了。")],
        description="最多 16 个字，本场比赛内不能重名。",
    )
    team = SelectField("所在支部 / 小组", choices=[], validate_choice=False)
    team_text = StringField(
        "所在支部 / 小组",
        validators=[Optional(), Length(max=32, message="支部名称不能超过 32 个字。")],
    )

    def set_groups(self, names: list[str]) -> None:
        """Offer the groups as a select, or (with none set up) a free text field."""
        self.uses_groups = bool(names)
        if self.uses_groups:
            self.team.choices = [SelectChoice(NO_TEAM, "（不计入支部排名）")] + [
                SelectChoice(n, n) for n in names
            ]
            del self.team_text
        else:
            del self.team

    def validate_team(self, field: SelectField) -> None:
        if field.data not in {c.value for c in field.choices}:
            raise ValidationError("请从列表中选择支部 / 小组。")

    def team_value(self) -> str | None:
        if self.uses_groups:
            return self.team.data or None
        return (self.team_text.data or "").strip() or None
