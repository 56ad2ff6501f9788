"""Wiring of the web layer: blueprints, login, error pages, security headers, template helpers."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import Flask, current_app, jsonify, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from werkzeug.exceptions import BadRequest, HTTPException
from werkzeug.routing import IntegerConverter

from .extensions import csrf, db, login_manager

CHINA = ZoneInfo("Asia/Shanghai")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

ERROR_MESSAGES = {
    400: "请求无效。如果是表单过期，请刷新页面后再提交。",
    401: "请先登录。",
    403: "你没有权限访问此页面。",
    404: "页面不存在，或者已被删除。",
    405: "不支持这种请求方式。",
    409: "操作与当前状态冲突，请刷新后再试。",
    413: "上传的内容太大。",
    429: "操作太频繁，请稍后再试。",
    500: "服务器出错了，请稍后再试。管理员可以在日志中查看原因。",
}


class BoundedIntegerConverter(IntegerConverter):
    """`<int:…>` in a URL: a number beyond the database's integer range is a 404, not an
    OverflowError (500) when SQLite is asked for it."""

    def __init__(self, map, fixed_digits=0, min=None, max=2**31 - 1, signed=False):  # noqa: A002, ANN001
        super().__init__(map, fixed_digits, min, max, signed)


def register_web(app: Flask) -> None:
    app.url_map.converters["int"] = BoundedIntegerConverter  # before any rule is added

    from .admin.views import bp as admin_bp
    from .answer_forms import blank_hints, explanation_beyond_source
    from .api.views import bp as api_bp
    from .auth.views import bp as auth_bp
    from .contests.views import bp as contests_bp
    from .live.views import bp as live_bp
    from .study.views import bp as study_bp
    from .workbench.views import bp as workbench_bp

    for bp in (study_bp, auth_bp, admin_bp, workbench_bp, contests_bp, live_bp):
        app.register_blueprint(bp)
    csrf.exempt(api_bp)  # bearer-token JSON API: no cookies, no CSRF
    app.register_blueprint(api_bp)

    login_manager.login_view = "auth.login"
    login_manager.login_message = "请先登录。"
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(user_id: str):  # noqa: ANN202
        from .models import User

        # "<id>:<fingerprint of the password hash>" (User.get_id): a session or remember cookie
        # from before a password change or reset no longer matches; a disabled account is
        # logged out at its next request, not only at its next login.
        number = user_id.partition(":")[0]
        user = db.session.get(User, int(number)) if number.isdigit() else None
        if user is None or not user.active or user.get_id() != user_id:
            return None
        return user

    app.before_request(refuse_nul_characters)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected_error)
    app.after_request(add_security_headers)
    app.after_request(buffer_static_text)  # runs before Flask-Compress (registered earlier)
    app.jinja_env.filters["cntime"] = shown_time
    app.jinja_env.globals["blank_hints"] = blank_hints  # the stem macros of _macros.html
    app.jinja_env.globals["upload_limit"] = upload_limit  # render_field's file fields
    app.jinja_env.globals["too_large_message"] = too_large_message
    app.jinja_env.globals["upload_limit_label"] = upload_limit_label
    # the answer pages, which show the source sentence in a box of its own
    app.jinja_env.globals["explanation_beyond_source"] = explanation_beyond_source
    app.jinja_env.globals["KIND_LABELS"] = {
        "cloze": "填空", "single": "单选", "multiple": "多选", "judge": "判断",
    }  # fmt: skip


def wants_json() -> bool:
    return request.path.startswith("/api/") or (request.accept_mimetypes.best == "application/json")


class BadInput(BadRequest):
    """A 400 with its own Chinese message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


NUL_MESSAGE = "提交的内容里有不可见的控制字符（NUL），请删除后重新提交。"


def refuse_nul_characters() -> None:
    """No text field has a use for NUL, and PostgreSQL cannot store it in text: refuse it up
    front (a clear 400 that changes nothing) instead of failing at the database with a 500."""
    values = request.args.listvalues()
    if request.method in ("POST", "PUT", "PATCH") and request.mimetype in FORM_TYPES:
        values = [*values, *request.form.listvalues()]
    if any("\x00" in value for group in values for value in group):
        raise BadInput(NUL_MESSAGE)


# A form posted without its page's token: mostly a page kept open while the session went (the
# browser was closed, a phone brought an old tab back). It said 安全令牌 and 刷新页面, and
# refreshing the error page posts the stale form again.
CSRF_MESSAGE = "这个页面已失效（可能打开太久，或浏览器关闭过），请回到刚才的页面，刷新后重新提交。"
CSRF_MESSAGE_JSON = "这个页面已失效（可能打开太久，或浏览器关闭过），请刷新页面后重新提交。"

FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


def handle_http_error(error: HTTPException):  # noqa: ANN201
    code = error.code or 500
    message = ERROR_MESSAGES.get(code, error.description or "请求出错。")
    if isinstance(error, BadInput):
        message = error.message
    stale = code == 400 and "CSRF" in (error.description or "")
    if stale:
        message = CSRF_MESSAGE
    if code == 413:
        message = too_large_message()
    if wants_json():
        if stale:  # a page's script posted it: that page is the one to refresh
            message = CSRF_MESSAGE_JSON
        return jsonify(error=error.name.lower().replace(" ", "_"), message=message), code
    back = _way_back_to_the_form(upload=code == 413) if code == 413 or stale else None
    label = "回到刚才的页面" if stale else "返回重新选择文件"
    return render_template(
        "errors/error.html", code=code, message=message, back=back, back_label=label
    ), code


def _way_back_to_the_form(*, upload: bool) -> str | None:
    """Where a too-large upload's or a stale form's page sends the user: the page they came from
    when it is on this site, else the form that was posted (every upload form posts to its own
    address), else, for an upload, the material upload page for an organizer."""
    came_from = urlsplit(request.referrer or "")
    if (
        came_from.scheme in ("http", "https")
        and came_from.netloc == request.host
        and came_from.path.startswith("/")
        and not came_from.path.startswith("//")
        and "\\" not in came_from.path
    ):
        return came_from.path + (f"?{came_from.query}" if came_from.query else "")
    rule = request.url_rule
    if rule is not None and "GET" in (rule.methods or ()):
        return request.full_path.rstrip("?")
    if upload and current_user.is_authenticated and current_user.is_organizer:
        return url_for("workbench.upload")
    return None


def upload_limit() -> int:
    """The most a file sent through an upload form may weigh, in bytes: the file limit, or the
    request limit when that is lower. Upload pages render it into their file fields, whose
    script (static/js/app.js) refuses a larger file before sending it."""
    limits = [
        current_app.config.get("MAX_UPLOAD_BYTES"),
        current_app.config.get("MAX_CONTENT_LENGTH"),
    ]
    return min((int(v) for v in limits if v), default=0)


def upload_limit_label() -> str:
    """The upload limit as people read it (5 MB); a file field's hint says it as ``{limit}``."""
    return _size_label(upload_limit())


def too_large_message() -> str:
    """What the 413 page and a file field's own check say: one sentence, one limit."""
    return f"上传的内容太大，不能超过 {upload_limit_label()}。"


def _size_label(limit: int | None) -> str:
    limit = limit or current_app.config.get("MAX_CONTENT_LENGTH") or 0
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MB"
    return f"{max(1, limit // 1024)} KB"


def handle_unexpected_error(error: Exception):  # noqa: ANN201
    db.session.rollback()

    current_app.logger.exception("unhandled error", exc_info=error)
    if current_app.config.get("PROPAGATE_EXCEPTIONS"):
        raise error
    message = ERROR_MESSAGES[500]
    if wants_json():
        return jsonify(error="internal_error", message=message), 500
    return render_template("errors/error.html", code=500, message=message), 500


def add_security_headers(response):  # noqa: ANN001, ANN201
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if request.path.startswith("/static/"):
        headers.setdefault("Cache-Control", "public, max-age=3600")
    return response


def buffer_static_text(response):  # noqa: ANN001, ANN201
    """Read a small static text file into memory so that it is gzipped like any page.

    Flask-Compress would otherwise treat the streamed file as a stream: it then skips gzip (only
    deflate/br/zstd) and never closes the file it wrapped (a ResourceWarning per request).
    """
    if (
        request.endpoint == "static"
        and response.direct_passthrough
        and response.status_code == 200
        and response.mimetype in STATIC_TEXT_TYPES
        and (response.content_length or 0) <= 512 * 1024
    ):
        stream = response.response
        try:
            body = b"".join(stream)
        finally:
            getattr(stream, "close", lambda: None)()
        response.direct_passthrough = False
        response.set_data(body)
    return response


STATIC_TEXT_TYPES = frozenset(
    {"text/css", "text/javascript", "application/javascript", "image/svg+xml"}
)


def china_time(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """Times are stored in UTC and shown in China time."""
    if value is None:
        return ""
    return value.astimezone(CHINA).strftime(fmt)


def unbroken(text: str) -> Markup:
    """``text`` kept on one line (a date, a time, a score or a count with its unit): on a phone
    "2026-11-29 20:00" broke into "2026-11-" and "29 20:00", "12 分 05 秒" into "12 分 05" and
    "秒". Empty text stays empty (and falsy: ``{{ t|cntime or '从未' }}``)."""
    if not text:
        return Markup("")
    return Markup('<span class="nowrap">{}</span>').format(text)


def shown_time(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> Markup:
    """The ``cntime`` filter: :func:`china_time`, kept on one line."""
    return unbroken(china_time(value, fmt))
