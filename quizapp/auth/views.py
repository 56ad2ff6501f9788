"""Accounts: register, log in, log out, personal settings (display name, password, larger font)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from . import services
from .forms import FontForm, LoginForm, PasswordForm, ProfileForm, RegisterForm

bp = Blueprint("auth", __name__, url_prefix="/auth")


def safe_next(target: str | None) -> str | None:
    """A `next` target inside this site (a path), or None: never an open redirect."""
    if not target:
        return None
    target = target.strip()
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/"):
        return None
    if target.startswith(("//", "/\\")) or any(ch in target for ch in "\\\r\n\t"):
        return None
    return target


def _next_url() -> str:
    return safe_next(request.args.get("next")) or url_for("study.home")


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("study.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.create_user(
                username=form.username.data,
                display_name=form.display_name.data,
                password=form.password.data,
                group_id=form.chosen_group_id,
            )
            services.record_login(user)
            db.session.commit()
        except IntegrityError:  # the same account registered a moment ago in another request
            db.session.rollback()
            form.username.errors.append("这个账号已被注册，请换一个，或直接登录。")
        else:
            login_user(user)
            flash(f"注册成功，欢迎你，{user.display_name}！", "success")
            return redirect(_next_url())
    return render_template("auth/register.html", form=form, title="注册")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(_next_url())
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        throttle = services.login_throttle()
        key = (request.remote_addr or "", form.username.data)
        wait = throttle.wait_seconds(key)
        user = None if wait else services.check_login(form.username.data, form.password.data)
        if wait:
            form.form_errors.append(f"登录失败次数过多，请 {(wait + 59) // 60} 分钟后再试。")
            status = 429
        elif user is None:
            throttle.failed(key)
            form.form_errors.append("账号或密码不正确。")
        elif not user.is_active:
            form.form_errors.append("这个账号已被停用，请联系管理员。")
        else:
            throttle.succeeded(key)
            services.record_login(user)
            db.session.commit()
            login_user(user, remember=form.remember.data)
            flash(f"欢迎回来，{user.display_name}！", "success")
            return redirect(_next_url())
    return render_template("auth/login.html", form=form, title="登录"), status


@bp.post("/logout")
def logout():
    logout_user()
    flash("你已退出登录。", "info")
    return redirect(url_for("study.home"))


def _render_settings(status: int = 200, **forms):  # noqa: ANN003, ANN202
    if current_user.is_authenticated:
        forms.setdefault("profile_form", ProfileForm(obj=current_user, formdata=None))
        forms.setdefault("password_form", PasswordForm(current_user, formdata=None))
        large = current_user.large_font
    else:
        large = bool(session.get("large_font"))
    forms.setdefault("font_form", FontForm(data={"large_font": large}, formdata=None))
    return render_template("auth/settings.html", title="设置", **forms), status


@bp.get("/settings")
def settings():
    return _render_settings()


@bp.post("/settings/font")
def settings_font():
    form = FontForm()
    if form.validate_on_submit():
        large = bool(form.large_font.data)
        if current_user.is_authenticated:
            current_user.large_font = large
            db.session.commit()
        session["large_font"] = large
        flash("已改为大字号。" if large else "已恢复标准字号。", "success")
        return redirect(url_for("auth.settings"))
    return _render_settings(200, font_form=form)


@bp.post("/settings/profile")
@login_required
def settings_profile():
    form = ProfileForm()
    if form.validate_on_submit():
        current_user.display_name = form.display_name.data
        db.session.commit()
        flash("显示名已保存。", "success")
        return redirect(url_for("auth.settings"))
    return _render_settings(200, profile_form=form)


@bp.post("/settings/password")
@login_required
def settings_password():
    form = PasswordForm(current_user)
    if form.validate_on_submit():
        current_user.set_password(form.password.data)
        db.session.commit()
        login_user(current_user._get_current_object())  # this session stays; all others end
        flash("密码已修改，下次请用新密码登录。", "success")
        return redirect(url_for("auth.settings"))
    return _render_settings(200, password_form=form)
