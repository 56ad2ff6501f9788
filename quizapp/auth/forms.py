"""Account forms: register, log in, settings. Messages in Chinese; database checks live here."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select
from wtforms import BooleanField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, ValidationError

from ..extensions import db
from ..forms import QuizForm
from ..models import Group, User

USERNAME_RE = re.compile(r"^[\w.@-]+$")  # \w includes Chinese characters
PASSWORD_MIN = 8
PASSWORD_MAX = 128
DISPLAY_NAME_MAX = 32


def normalize_username(value: str | None) -> str:
    """Accounts compare without surrounding spaces and without ASCII case."""
    return (value or "").strip().lower()


def username_problem(username: str) -> str | None:
    """Why a (normalized) account name is not acceptable, or None. Shared with the roster import."""
    if not username:
        return "请填写账号。"
    if len(username) < 2 or len(username) > 32:
        return "账号长度应为 2–32 个字符。"
    if not USERNAME_RE.match(username):
        return "账号只能包含字母、数字、汉字和 . _ - @。"
    return None


def username_taken(username: str, *, except_id: int | None = None) -> bool:
    query = select(User.id).where(func.lower(User.username) == username)
    if except_id is not None:
        query = query.where(User.id != except_id)
    return db.session.scalar(query) is not None


def group_choices(*, placeholder: str = "请选择所属支部/小组") -> list[SelectChoice]:
    """The admin-managed groups in the admin's order, after a placeholder with value 0."""
    groups = db.session.scalars(select(Group).order_by(Group.sort_order, Group.id)).all()
    return [SelectChoice(0, placeholder)] + [SelectChoice(g.id, g.name) for g in groups]


def group_ids(field: SelectField) -> set[int]:
    return {choice.value for choice in field.choices if choice.value}


MAX_ID = 2**31 - 1  # beyond any row id, and beyond what an INTEGER column can compare with


def safe_int(value: object) -> int:
    """Coerce a submitted choice; garbage or an absurd number becomes -1 (rejected in Chinese)."""
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return -1
    return number if 0 <= number <= MAX_ID else -1


def strip_text(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def display_name_field(**kwargs: Any) -> StringField:
    """姓名/显示名: required, at most DISPLAY_NAME_MAX characters (register, profile, admin)."""
    return StringField(
        "姓名/显示名",
        filters=[strip_text],
        validators=[
            DataRequired("请填写姓名或显示名。"),
            Length(max=DISPLAY_NAME_MAX, message=f"显示名不能超过 {DISPLAY_NAME_MAX} 个字。"),
        ],
        **kwargs,
    )


def password_length(form: QuizForm, field: PasswordField) -> None:
    if field.data and len(field.data) < PASSWORD_MIN:
        raise ValidationError(f"密码至少 {PASSWORD_MIN} 位。")
    if field.data and len(field.data) > PASSWORD_MAX:
        raise ValidationError(f"密码不能超过 {PASSWORD_MAX} 位。")


def new_password_fields(label: str) -> tuple[PasswordField, PasswordField]:
    """A new password and its confirmation (register, change password); the form names them
    `password` and `password2`."""
    return (
        PasswordField(
            label,
            validators=[InputRequired(f"请设置{label}。"), password_length],
            description=f"至少 {PASSWORD_MIN} 位。",
            render_kw={"autocomplete": "new-password"},
        ),
        PasswordField(
            f"确认{label}",
            validators=[
                InputRequired(f"请再输入一次{label}。"),
                EqualTo("password", message="两次输入的密码不一致。"),
            ],
            render_kw={"autocomplete": "new-password"},
        ),
    )


class RegisterForm(QuizForm):
    username = StringField(
        "账号",
        filters=[normalize_username],
        description="登录时使用，2–32 个字符，例如工号或姓名拼音。",
        render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    display_name = display_name_field(render_kw={"autocomplete": "name"})
    group_id = SelectField("所属支部/小组", coerce=safe_int, validate_choice=False)
    password, password2 = new_password_fields("密码")

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.group_id.choices = group_choices()
        if len(self.group_id.choices) == 1:  # no groups set up yet: registration still works
            del self.group_id

    @property
    def chosen_group_id(self) -> int | None:
        return self.group_id.data if "group_id" in self else None

    def validate_username(self, field: StringField) -> None:
        problem = username_problem(field.data)
        if problem:
            raise ValidationError(problem)
        if username_taken(field.data):
            raise ValidationError("这个账号已被注册，请换一个，或直接登录。")

    def validate_group_id(self, field: SelectField) -> None:
        if field.data not in group_ids(field):
            raise ValidationError("请从列表中选择所属支部/小组。")


class LoginForm(QuizForm):
    username = StringField(
        "账号",
        filters=[normalize_username],
        validators=[DataRequired("请填写账号。")],
        render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    password = PasswordField(
        "密码",
        validators=[InputRequired("请填写密码。")],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField("在这台设备上保持登录")


class ProfileForm(QuizForm):
    display_name = display_name_field()


class FontForm(QuizForm):
    large_font = BooleanField("大字号（适合老花眼或小屏幕）")


class PasswordForm(QuizForm):
    current = PasswordField(
        "当前密码",
        validators=[InputRequired("请填写当前密码。")],
        render_kw={"autocomplete": "current-password"},
    )
    password, password2 = new_password_fields("新密码")

    def __init__(self, user: User, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._user = user

    def validate_current(self, field: PasswordField) -> None:
        if not self._user.check_password(field.data or ""):
            raise ValidationError("当前密码不正确。")
