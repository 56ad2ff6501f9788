"""Placeholder views of this area, replaced by its owner."""

from flask import Blueprint, render_template

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/users")
def users():
    return render_template("placeholder.html", title="用户管理")
