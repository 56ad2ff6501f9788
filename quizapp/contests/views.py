"""Placeholder views of this area, replaced by its owner."""

from flask import Blueprint, render_template

bp = Blueprint("contests", __name__, url_prefix="/contests")


@bp.get("/")
def index():
    return render_template("placeholder.html", title="竞赛")
