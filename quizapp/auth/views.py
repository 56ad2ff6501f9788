"""Placeholder views of this area, replaced by its owner."""

from flask import Blueprint, render_template

bp = Blueprint("auth", __name__, url_prefix="/auth")


@bp.get("/login")
def login():
    return render_template("placeholder.html", title="登录")


@bp.get("/register")
def register():
    return render_template("placeholder.html", title="注册")


@bp.post("/logout")
def logout():
    return render_template("placeholder.html", title="退出")


@bp.get("/settings")
def settings():
    return render_template("placeholder.html", title="设置")
