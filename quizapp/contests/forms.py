"""Forms of the paper contests: creating one (the answer form of a paper is ..answer_forms)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask_wtf.file import FileField
from wtforms import (
    DateTimeLocalField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from ..answer_forms import NOT_A_CHOICE, MultiCheckboxField
from ..bank.services import doubted_count
from ..forms import QuizForm
from . import services
from .roster import RosterError, read_roster

CHINA = ZoneInfo("Asia/Shanghai")
# what a date-time picker sends, then what a person types where a browser has no picker (the
# message of a time that is neither shows the second: forms.MESSAGES)
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
KIND_FIELDS = (("single", "count_single"), ("multiple", "count_multiple"),
               ("judge", "count_judge"), ("cloze", "count_cloze"))  # fmt: skip
KIND_NAMES = {"single": "单选", "multiple": "多选", "judge": "判断", "cloze": "填空"}
REVEAL_CHOICES = [
    SelectChoice("after_close", "答题赛结束后公布答案（推荐）"),
    SelectChoice("immediately", "交卷后立即公布答案"),
]
MAX_QUESTIONS = 200


def utc_to_china(value: datetime) -> datetime:
    """An aware time as naive China time, for a datetime-local input."""
    return value.astimezone(CHINA).replace(tzinfo=None, second=0, microsecond=0)


def china_to_utc(value: datetime) -> datetime:
    """A time typed in China time (naive) as an aware UTC datetime."""
    return value.replace(tzinfo=CHINA).astimezone(ZoneInfo("UTC"))


def count_field(label: str, default: int) -> IntegerField:
    return IntegerField(
        label,
        default=default,
        validators=[
            InputRequired("请填写题数（不考这类题填 0）。"),
            NumberRange(0, MAX_QUESTIONS, f"题数应在 0 到 {MAX_QUESTIONS} 之间。"),
        ],
    )


class PaperContestForm(QuizForm):
    title = StringField(
        "名称",
        validators=[
            InputRequired("请填写答题赛名称。"),
            Length(max=100, message="名称最多 100 个字。"),
        ],
    )
    material = SelectField(
        "题库（学习材料）",
        coerce=int,
        validators=[InputRequired("请选择题库。")],
        invalid_choice_message=NOT_A_CHOICE,
    )
    opens_at = DateTimeLocalField(
        "开始时间",
        format=DATETIME_FORMATS,
        validators=[InputRequired("请填写开始时间。")],
        description="北京时间。",
    )
    closes_at = DateTimeLocalField(
        "截止时间",
        format=DATETIME_FORMATS,
        validators=[InputRequired("请填写截止时间。")],
        description="北京时间；截止后公布排名。",
    )
    count_single = count_field("单选题数", 10)
    count_multiple = count_field("多选题数", 5)
    count_judge = count_field("判断题数", 5)
    count_cloze = count_field("填空题数", 5)
    time_limit = IntegerField(
        "答题限时（分钟）",
        default=30,
        validators=[
            InputRequired("请填写答题限时。"),
            NumberRange(1, 600, "答题限时应在 1 到 600 分钟之间。"),
        ],
        description="从点“开始答题”起计时，时间到自动交卷。",
    )
    max_attempts = IntegerField(
        "答题次数",
        default=1,
        validators=[
            InputRequired("请填写答题次数。"),
            NumberRange(1, 10, "答题次数应在 1 到 10 之间。"),
        ],
        description="1 = 只能答一次；大于 1 时取最好的一次成绩。",
    )
    reveal = RadioField(
        "公布答案", choices=REVEAL_CHOICES, default="after_close",
        validators=[InputRequired("请选择何时公布答案。")],
        invalid_choice_message=NOT_A_CHOICE,
    )  # fmt: skip
    groups = MultiCheckboxField("应参加的支部（可选）", coerce=int, validators=[Optional()])
    roster_file = FileField(
        "应参加人员名单（可选）",
        description="Excel（.xlsx）或 CSV 文件，第一行为表头：姓名、支部、账号。"
        "有账号时按账号匹配。",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bank_sizes: dict[int, dict[str, int]] = {}
        self.roster_user_ids: list[int] = []
        self.opens_utc: datetime | None = None
        self.closes_utc: datetime | None = None

    @property
    def kind_counts(self) -> dict[str, int]:
        return {kind: int(self[name].data or 0) for kind, name in KIND_FIELDS}

    def validate_closes_at(self, field: DateTimeLocalField) -> None:
        if self.opens_at.data is None or field.data is None:
            return
        self.opens_utc = china_to_utc(self.opens_at.data)
        self.closes_utc = china_to_utc(field.data)
        if self.closes_utc <= self.opens_utc:
            raise ValidationError("截止时间应晚于开始时间。")
        if self.closes_utc <= services.now():
            raise ValidationError("截止时间已经过去了。")

    def validate_reveal(self, field: RadioField) -> None:
        attempts = self.max_attempts.data
        if field.data == "immediately" and isinstance(attempts, int) and attempts > 1:
            # the answers of the first paper would help with the next one from the same bank
            raise ValidationError("交卷后立即公布答案时，每人只能答一次（答题次数请填 1）。")

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        total = sum(max(0, n) for n in self.kind_counts.values())
        if total == 0:
            self.form_errors.append("至少要考一道题：请填写各题型的题数。")
        elif total > MAX_QUESTIONS:
            self.form_errors.append(f"一套试卷最多 {MAX_QUESTIONS} 道题。")
        return valid and not self.form_errors

    def validate_material(self, field: SelectField) -> None:
        if field.errors or field.data is None:  # not one of the choices: said already
            return
        sizes = services.pool_sizes(field.data)
        self.bank_sizes[field.data] = sizes
        counts = {kind: int(self[name].data or 0) for kind, name in KIND_FIELDS}
        short = services.scoring.shortfall(sizes, counts)
        if short:
            parts = [
                f"{KIND_NAMES[kind]}题只有 {have} 道（要抽 {counts[kind]} 道）"
                for kind, have in short.items()
            ]
            doubted = doubted_count(field.data, short)
            more = f"另有 {doubted} 道存疑题，在题库审核中确认后可用。" if doubted else ""
            raise ValidationError("这个题库的题不够：" + "；".join(parts) + "。" + more)

    def validate_roster_file(self, field: FileField) -> None:
        upload = field.data
        if not upload or not getattr(upload, "filename", ""):
            return
        data = upload.read()
        if not data:
            raise ValidationError("名单文件是空的。")
        try:
            rows = read_roster(data, upload.filename)
        except RosterError as exc:
            raise ValidationError(exc.message) from None
        match = services.match_roster(rows)
        if match.problems:
            shown = match.problems[:8]
            more = len(match.problems) - len(shown)
            tail = f"……另有 {more} 行。" if more > 0 else ""
            raise ValidationError("名单中有无法对应到账号的行：" + " ".join(shown) + tail)
        self.roster_user_ids = match.user_ids


class ActionForm(QuizForm):
    """A bare POST with its CSRF token (start, submit)."""
