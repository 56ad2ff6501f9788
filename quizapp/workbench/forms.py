"""Forms of the workbench. Validation lives here; views never read request.form by hand."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..forms import QuizForm
from .questions import (
    KIND_LABELS,
    LETTERS,
    QuestionError,
    accepted_to_text,
    answer_to_text,
    build_question,
)

KIND_CHOICES = [SelectChoice(k, KIND_LABELS[k]) for k in ("single", "multiple", "judge", "cloze")]
STATUS_CHOICES = [
    SelectChoice("active", "启用"),
    SelectChoice("review", "待复核"),
    SelectChoice("disabled", "停用"),
]
REPORT_CATEGORIES = {
    "answer": "答案有误",
    "stem": "题干有误或有歧义",
    "options": "选项有误（有两个对的，或没有对的）",
    "wording": "提法不规范或已过时",
    "other": "其他",
}
_LIST_SPLIT = re.compile(r"[\n、,，;；]+")


def split_list(text: str | None) -> list[str]:
    out: list[str] = []
    for part in _LIST_SPLIT.split(text or ""):
        part = part.strip()
        if part and part not in out:
            out.append(part)
    return out


class UploadForm(QuizForm):
    file = FileField(
        "学习材料文件",
        validators=[FileRequired("请选择要上传的文件。")],
        description="支持 .txt（UTF-8、GBK/GB18030、UTF-16）和 .docx，最大 {limit}。",
    )


class ConfirmMaterialForm(QuizForm):
    title = StringField("标题", validators=[DataRequired("请填写标题。"), Length(max=200)])
    source = StringField(
        "来源",
        validators=[Optional(), Length(max=300)],
        description="例如：某某会议上的讲话，2024年5月",
    )


class ContestOnlyForm(QuizForm):
    contest_only = BooleanField("仅用于竞赛：学员练习与试卷中不显示")


class QuestionForm(QuizForm):
    """One question, written the way 题库 spreadsheets write it (see workbench.questions)."""

    kind = SelectField("题型", choices=KIND_CHOICES)
    stem = TextAreaField(
        "题干",
        validators=[DataRequired("请填写题干。"), Length(max=2000)],
        description="填空题用（　　）或 ____ 标出每个空。",
    )
    option_A = StringField("选项A", validators=[Length(max=300)])
    option_B = StringField("选项B", validators=[Length(max=300)])
    option_C = StringField("选项C", validators=[Length(max=300)])
    option_D = StringField("选项D", validators=[Length(max=300)])
    option_E = StringField("选项E", validators=[Length(max=300)])
    option_F = StringField("选项F", validators=[Length(max=300)])
    answer = StringField(
        "答案",
        validators=[DataRequired("请填写答案。"), Length(max=1000)],
        description="单选填字母（如 C）；多选填多个字母（如 ABD）；判断填“对”或“错”；"
        "填空填答案文字，多个空用 | 分隔。",
    )
    accepted = TextAreaField(
        "可接受的其他写法（填空题）",
        validators=[Length(max=2000)],
        description="每行对应一个空，同一空的多种写法用“；”分隔。",
    )
    explanation = TextAreaField("解析", validators=[Length(max=4000)])
    tags = StringField("标签", validators=[Length(max=300)], description="多个标签用逗号分隔。")
    status = SelectField("状态", choices=STATUS_CHOICES)

    question_fields: dict[str, Any] | None = None

    def option_fields(self) -> list[Any]:
        return [getattr(self, f"option_{letter}") for letter in LETTERS]

    def fill_from(self, row: Any) -> None:
        self.kind.data = row.kind
        self.stem.data = row.stem
        for field, value in zip(self.option_fields(), list(row.options) + [""] * 6, strict=False):
            field.data = value
        self.answer.data = answer_to_text(row.kind, row.options, row.answer)
        if row.kind == "cloze":
            self.accepted.data = accepted_to_text(row.accepted or [], row.answer or [])
        self.explanation.data = row.explanation
        self.tags.data = "，".join(row.tags or [])
        self.status.data = row.status

    def validate(self, extra_validators: Any = None) -> bool:
        if not super().validate(extra_validators):
            return False
        try:
            self.question_fields = build_question(
                self.kind.data,
                self.stem.data,
                [f.data or "" for f in self.option_fields()],
                self.answer.data,
                explanation=self.explanation.data or "",
                tags=self.tags.data or "",
                accepted_text=self.accepted.data,
            )
        except QuestionError as exc:
            target = self.answer if "答案" in exc.message else self.stem
            if "选项" in exc.message and "答案" not in exc.message:
                target = self.option_A
            target.errors = [*target.errors, exc.message]
            return False
        return True


class ReportForm(QuizForm):
    category = SelectField(
        "问题类型", choices=[SelectChoice(k, v) for k, v in REPORT_CATEGORIES.items()]
    )
    reason = TextAreaField(
        "说明",
        validators=[
            DataRequired("请写一下哪里不对。"),
            Length(min=2, max=500, message="请用 2～500 字说明。"),
        ],
        description="例如：正确答案应为……，依据是……",
    )
    next = HiddenField()  # where to go back to (a path on this site)


class ImportForm(QuizForm):
    file = FileField(
        "题库文件",
        validators=[FileRequired("请选择要导入的文件。")],
        description="Excel（.xlsx，题库模板格式）或引擎的 JSON；最大 {limit}。",
    )
    material = SelectField("导入到", coerce=int, validate_choice=True)
    title = StringField(
        "新材料的标题",
        validators=[Optional(), Length(max=200)],
        description="导入到新材料时使用，不填则用文件名。",
    )


class FormulaForm(QuizForm):
    name = StringField("提法名称", validators=[DataRequired("请填写名称。"), Length(max=64)])
    members = TextAreaField(
        "规范表述（成员）",
        validators=[DataRequired("请填写规范表述。"), Length(max=4000)],
        description="按规范顺序，每行一个（也可用顿号分隔）。",
    )
    variants = StringField(
        "别称", validators=[Length(max=300)], description="如：4个意识、四种意识"
    )
    category = StringField(
        "类别", validators=[Length(max=32)], description="同类提法互为干扰项，如：意识、自信"
    )
    effective = DateField("生效日期", validators=[DataRequired("请填写现行表述的生效日期。")])
    source = StringField(
        "核对来源", validators=[DataRequired("请填写核对所依据的来源。"), Length(max=500)]
    )
    origin = StringField("出处", validators=[Length(max=500)], description="首次提出的场合和时间")
    foils = StringField(
        "干扰项", validators=[Length(max=500)], description="同形但不是成员的真实说法，用顿号分隔"
    )
    note = TextAreaField("备注", validators=[Length(max=1000)])

    def validate_members(self, field: Any) -> None:
        if len(split_list(field.data)) < 2:
            raise ValidationError("规范表述至少要有两项。")

    def validate_effective(self, field: Any) -> None:
        if field.data and field.data > date.today():
            raise ValidationError("生效日期不能晚于今天。")

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.data.strip(),
            "members": split_list(self.members.data),
            "variants": split_list(self.variants.data),
            "category": (self.category.data or "").strip(),
            "effective": self.effective.data.isoformat(),
            "source": self.source.data.strip(),
            "origin": (self.origin.data or "").strip(),
            "foils": split_list(self.foils.data),
            "note": (self.note.data or "").strip(),
        }


class QuestionFilterForm(QuizForm):
    """The review list's filters (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    material = SelectField("材料", coerce=int, validate_choice=False)
    kind = SelectField(
        "题型", choices=[SelectChoice("", "全部题型"), *KIND_CHOICES], validate_choice=False
    )
    status = SelectField(
        "状态",
        choices=[
            SelectChoice("", "全部状态"),
            *STATUS_CHOICES,
            SelectChoice("reported", "有纠错"),
            SelectChoice("servable", "可出题"),
            SelectChoice("doubtful", "引擎存疑"),
            SelectChoice("retired", "已退役"),
        ],
        validate_choice=False,
    )
    phrase = StringField("考点", validators=[Length(max=64)])
    tag = StringField("标签", validators=[Length(max=32)])
    q = StringField("搜索", validators=[Length(max=100)])
