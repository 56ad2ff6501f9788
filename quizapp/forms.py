"""The base of every form of the app: FlaskForm, with the messages WTForms writes itself in
Chinese.

A field's own messages (``InputRequired("请填写题数。")``) are each form's business. These are
the ones WTForms writes when a value cannot even be read or a validator was given no message: a
number box holding 1.5 (the forms are ``novalidate``, so the browser lets it through), a time a
browser without a date picker took as text, a choice that is not offered. They read "Not a valid
integer value." and "Invalid Choice: could not coerce." under a Chinese label.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from flask_wtf import FlaskForm
from wtforms.i18n import get_translations

NOT_A_CHOICE = "请从给出的选项中选择。"
MESSAGES = {
    "Not a valid integer value.": "请填写整数。",
    "Not a valid decimal value.": "请填写数字。",
    "Not a valid float value.": "请填写数字。",
    "Not a valid datetime value.": "时间格式不对，请按 2026-12-01 09:00 这样的格式填写。",
    "Not a valid date value.": "日期格式不对，请按 2026-12-01 这样的格式填写。",
    "Not a valid time value.": "时间格式不对，请按 09:00 这样的格式填写。",
    "Not a valid week value.": "请选择一周。",
    "Invalid Choice: could not coerce.": NOT_A_CHOICE,
    "Not a valid choice.": NOT_A_CHOICE,
    "Invalid choice(s): one or more data inputs could not be coerced.": NOT_A_CHOICE,
    "'%(value)s' is not a valid choice for this field.": NOT_A_CHOICE,
    "'%(value)s' are not valid choices for this field.": NOT_A_CHOICE,
    "Choices cannot be None.": NOT_A_CHOICE,
    "This field is required.": "此项必填。",
    "Invalid input.": "填写的内容不对。",
    "Field must be equal to %(other_name)s.": "两次填写的不一致。",
    "Field must be at least %(min)d character long.": "至少填写 %(min)d 个字。",
    "Field must be at least %(min)d characters long.": "至少填写 %(min)d 个字。",
    "Field cannot be longer than %(max)d character.": "最多填写 %(max)d 个字。",
    "Field cannot be longer than %(max)d characters.": "最多填写 %(max)d 个字。",
    "Field must be exactly %(max)d character long.": "应填写 %(max)d 个字。",
    "Field must be exactly %(max)d characters long.": "应填写 %(max)d 个字。",
    "Field must be between %(min)d and %(max)d characters long.": (
        "应填写 %(min)d 到 %(max)d 个字。"
    ),
    "Number must be at least %(min)s.": "不能小于 %(min)s。",
    "Number must be at most %(max)s.": "不能大于 %(max)s。",
    "Number must be between %(min)s and %(max)s.": "应在 %(min)s 到 %(max)s 之间。",
    "Date must be at least %(min)s.": "不能早于 %(min)s。",
    "Date must be at most %(max)s.": "不能晚于 %(max)s。",
    "Date must be between %(min)s and %(max)s.": "应在 %(min)s 到 %(max)s 之间。",
    "This field cannot be edited.": "此项不能修改。",
    "This field is disabled and cannot have a value.": "此项不能填写。",
    "File does not have an approved extension.": "不支持这种文件类型。",
    "File must be smaller than {max_size} byte(s).": "文件太大。",
    "File must be greater than {min_size} byte(s).": "文件太小。",
    "File must be between {min_size} and {max_size} bytes.": "文件大小不合要求。",
}


@cache
def _wtforms_chinese() -> Any:
    """WTForms' own Chinese catalogue (wtforms/locale/zh), loaded at the first form error."""
    return get_translations(["zh"])


class ChineseTranslations:
    """WTForms' gettext interface over MESSAGES (plainer than WTForms' own zh wording: 不是有效的
    整数。, 选择无效：无法转化类型。); a message not listed takes WTForms' own Chinese."""

    def gettext(self, string: str) -> str:
        return MESSAGES.get(string) or _wtforms_chinese().gettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return MESSAGES.get(singular if n == 1 else plural) or _wtforms_chinese().ngettext(
            singular, plural, n
        )


TRANSLATIONS = ChineseTranslations()


class QuizForm(FlaskForm):
    """FlaskForm with Chinese WTForms messages; every form of the app derives from it."""

    class Meta:
        def get_translations(self, form: Any) -> ChineseTranslations:
            return TRANSLATIONS

    def validate(self, extra_validators: Any = None) -> bool:
        """As FlaskForm's, with one message for a value that could not be read: 1.5 for a whole
        number says 请填写整数。 alone (the field's own checks, run on the nothing it read, added
        题目数量应在 1 到 50 之间 under it); an empty box says the field's own 请填写… alone."""
        valid = super().validate(extra_validators)
        for field in self:
            if not field.process_errors:
                continue
            typed = any(str(value).strip() for value in field.raw_data or ())
            own = [e for e in field.errors if e not in field.process_errors]
            if typed or not own:
                field.errors = list(field.process_errors)
            else:
                field.errors = own
        return valid
