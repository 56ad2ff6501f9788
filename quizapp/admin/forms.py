"""Admin forms: user search and edit, groups, roster upload."""

from __future__ import annotations

from flask_wtf.file import FileAllowed, FileField, FileRequired
from sqlalchemy import func, select
from wtforms import HiddenField, SearchField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from ..auth.forms import display_name_field, group_choices, group_ids, safe_int, strip_text
from ..extensions import db
from ..forms import QuizForm
from ..models import ROLE_LABELS, ROLES, Group

GROUP_NAME_MAX = 64


class UserSearchForm(QuizForm):
    """The search box of the users list (a GET form: no CSRF token needed)."""

    class Meta:
        csrf = False

    q = SearchField("搜索", filters=[strip_text], render_kw={"placeholder": "账号或姓名"})
    group = SelectField("支部/小组", coerce=safe_int, validate_choice=False)
    role = SelectField(
        "角色",
        choices=[SelectChoice("", "全部角色")] + [SelectChoice(r, ROLE_LABELS[r]) for r in ROLES],
        validate_choice=False,
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.group.choices = group_choices(placeholder="全部支部/小组")


class UserEditForm(QuizForm):
    display_name = display_name_field()
    group_id = SelectField("所属支部/小组", coerce=safe_int, validate_choice=False)
    role = SelectField(
        "角色", choices=[SelectChoice(r, ROLE_LABELS[r]) for r in ROLES], validate_choice=False
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.group_id.choices = group_choices(placeholder="未分配")

    def validate_group_id(self, field: SelectField) -> None:
        if field.data and field.data not in group_ids(field):
            raise ValidationError("请从列表中选择所属支部/小组。")

    def validate_role(self, field: SelectField) -> None:
        if field.data not in ROLES:
            raise ValidationError("请选择有效的角色。")


class GroupForm(QuizForm):
    name = StringField(
        "名称",
        filters=[strip_text],
        validators=[
            DataRequired("请填写支部/小组名称。"),
            Length(max=GROUP_NAME_MAX, message=f"名称不能超过 {GROUP_NAME_MAX} 个字。"),
        ],
        render_kw={"placeholder": "例如：第一党支部"},
    )

    def __init__(self, *args, group_id: int | None = None, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._group_id = group_id

    def validate_name(self, field: StringField) -> None:
        query = select(Group.id).where(func.lower(Group.name) == field.data.lower())
        if self._group_id is not None:
            query = query.where(Group.id != self._group_id)
        if db.session.scalar(query) is not None:
            raise ValidationError(f"已有名为“{field.data}”的支部/小组。")


class RosterForm(QuizForm):
    roster = FileField(
        "名单文件",
        validators=[
            FileRequired("请选择名单文件。"),
            FileAllowed(["xlsx", "csv"], "只支持 .xlsx（Excel）或 .csv 文件。"),
        ],
        description="第一行是表头，包含“姓名”“支部”“账号”三列；CSV 可以是 UTF-8 或 GBK 编码。",
        render_kw={"accept": ".xlsx,.csv"},
    )


class RosterDownloadForm(QuizForm):
    """Carries the accounts just created back to the server to be returned as a CSV file."""

    payload = HiddenField(validators=[DataRequired("没有可以下载的名单。")])
