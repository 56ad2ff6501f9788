"""Placeholder views of this area, replaced by its owner."""

from flask import Blueprint, render_template

bp = Blueprint("study", __name__, url_prefix=None)


@bp.get("/")
def home():
    return render_template("placeholder.html", title="首页")


@bp.get("/materials")
def materials():
    return render_template("placeholder.html", title="学习材料")


@bp.get("/notebook")
def notebook():
    return render_template("placeholder.html", title="错题本")


@bp.get("/me/scores")
def scores():
    return render_template("placeholder.html", title="我的成绩")
