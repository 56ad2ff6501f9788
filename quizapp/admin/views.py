"""Administration (admins only): users and roles, 支部/小组, password resets, roster import."""

from __future__ import annotations

import json
from dataclasses import asdict

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Group, User
from ..paging import page_number
from ..security import admin_required
from . import services
from .forms import GroupForm, RosterDownloadForm, RosterForm, UserEditForm, UserSearchForm
from .services import AdminError

bp = Blueprint("admin", __name__, url_prefix="/admin")

USERS_PER_PAGE = 50


@bp.before_request
@admin_required
def require_admin() -> None:
    """Every admin page: anonymous visitors go to the login page, other roles get 403."""


def _no_store(response: Response) -> Response:
    """Pages that show a password must not stay in a cache or the back/forward history."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/")
def index():
    return redirect(url_for("admin.users"))


@bp.get("/users")
def users():
    form = UserSearchForm(request.args)
    form.validate()
    query = services.user_query(form.q.data or "", form.group.data or 0, form.role.data or "")
    page = db.paginate(query, page=page_number(), per_page=USERS_PER_PAGE, error_out=False)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template(
        "admin/users.html", title="用户管理", form=form, page=page, search_args=args
    )


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
def user_edit(user_id: int):
    user = db.get_or_404(User, user_id)
    form = UserEditForm(obj=user)
    if form.validate_on_submit():
        try:
            services.update_user(
                user,
                display_name=form.display_name.data,
                group_id=form.group_id.data,
                role=form.role.data,
                acting=current_user,
            )
        except AdminError as exc:
            db.session.rollback()
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash(f"已保存 {user.display_name}（{user.username}）的资料。", "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/user_edit.html", title="编辑用户", user=user, form=form)


@bp.post("/users/<int:user_id>/disable")
def user_disable(user_id: int):
    return _set_active(user_id, False)


@bp.post("/users/<int:user_id>/enable")
def user_enable(user_id: int):
    return _set_active(user_id, True)


def _set_active(user_id: int, active: bool):  # noqa: ANN202
    user = db.get_or_404(User, user_id)
    try:
        services.set_active(user, active, acting=current_user)
    except AdminError as exc:
        db.session.rollback()
        flash(str(exc), "error")
    else:
        db.session.commit()
        flash(f"已{'启用' if active else '停用'}账号 {user.username}。", "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.post("/users/<int:user_id>/reset-password")
def user_reset_password(user_id: int):
    user = db.get_or_404(User, user_id)
    password = services.reset_password(user)
    db.session.commit()
    page = render_template(
        "admin/password_reset.html", title="密码已重置", user=user, password=password
    )
    return _no_store(Response(page))


# ---------------------------------------------------------------- groups


@bp.route("/groups", methods=["GET", "POST"])
def groups():
    form = GroupForm()
    if form.validate_on_submit():
        try:
            group = services.add_group(form.name.data)
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            form.name.errors.append(f"已有名为“{form.name.data}”的支部/小组。")
        else:
            flash(f"已添加“{group.name}”。", "success")
            return redirect(url_for("admin.groups"))
    return render_template(
        "admin/groups.html",
        title="支部/小组",
        form=form,
        groups=services.ordered_groups(),
        counts=services.member_counts(),
    )


@bp.post("/groups/<int:group_id>/rename")
def group_rename(group_id: int):
    group = db.get_or_404(Group, group_id)
    form = GroupForm(group_id=group.id)
    old = group.name
    if form.validate_on_submit():
        try:
            services.rename_group(group, form.name.data)
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            flash(f"改名失败：已有名为“{form.name.data}”的支部/小组。", "error")
        else:
            flash(f"已把“{old}”改名为“{form.name.data}”。", "success")
    else:
        flash("改名失败：" + "；".join(form.name.errors or ["请重新填写。"]), "error")
    return redirect(url_for("admin.groups"))


@bp.post("/groups/<int:group_id>/move/<direction>")
def group_move(group_id: int, direction: str):
    if direction not in ("up", "down"):
        abort(404)
    group = db.get_or_404(Group, group_id)
    if services.move_group(group, direction):
        db.session.commit()
    return redirect(url_for("admin.groups"))


@bp.post("/groups/<int:group_id>/delete")
def group_delete(group_id: int):
    group = db.get_or_404(Group, group_id)
    name = group.name
    try:
        services.delete_group(group)
    except AdminError as exc:
        db.session.rollback()
        flash(str(exc), "error")
    else:
        db.session.commit()
        flash(f"已删除“{name}”。", "success")
    return redirect(url_for("admin.groups"))


# ---------------------------------------------------------------- roster


@bp.route("/roster", methods=["GET", "POST"])
def roster():
    form = RosterForm()
    problems: list[services.RosterProblem] = []
    if form.validate_on_submit():
        checked = services.check_upload(form.roster.data.filename, form.roster.data.read())
        problems = checked.problems
        if not problems:
            try:
                created, new_groups = services.import_roster(checked.rows)
                db.session.commit()
            except IntegrityError:  # an account or group made meanwhile by someone else
                db.session.rollback()
                problems = [
                    services.RosterProblem(0, "导入时有账号或支部刚被别人创建，请重新上传。")
                ]
            else:
                return _roster_done(created, new_groups)
    page = render_template("admin/roster.html", title="批量创建账号", form=form, problems=problems)
    return page, (422 if problems else 200)


def _roster_done(created: list[services.CreatedAccount], new_groups: list[str]) -> Response:
    """The new accounts with their passwords, shown once; the download form carries them back."""
    payload = json.dumps([asdict(a) for a in created], ensure_ascii=False)
    page = render_template(
        "admin/roster_done.html",
        title="批量创建完成",
        accounts=created,
        new_groups=new_groups,
        download=RosterDownloadForm(formdata=None, payload=payload),
    )
    return _no_store(Response(page))


@bp.post("/roster/download")
def roster_download():
    form = RosterDownloadForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        accounts = json.loads(form.payload.data)
        if not isinstance(accounts, list) or not all(isinstance(a, dict) for a in accounts):
            raise ValueError
    except ValueError:
        abort(400)
    response = Response(services.accounts_csv(accounts), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        "attachment; filename=accounts.csv; filename*=UTF-8''%E6%96%B0%E8%B4%A6%E5%8F%B7.csv"
    )
    return _no_store(response)
