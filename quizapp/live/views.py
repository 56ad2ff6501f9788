"""Placeholder views of this area, replaced by its owner."""

from flask import Blueprint, render_template

bp = Blueprint("live", __name__, url_prefix=None)


@bp.get("/join")
def join():
    return render_template("placeholder.html", title="加入现场赛")
