"""Placeholder views of this area, replaced by its owner."""

from flask import Blueprint, render_template

bp = Blueprint("workbench", __name__, url_prefix="/manage")


@bp.get("/")
def index():
    return render_template("placeholder.html", title="管理")


@bp.route("/questions/<int:question_id>/report", methods=["GET", "POST"])
def report_question(question_id: int):
    """纠错: any reader of a question may report it (placeholder until the workbench lands)."""
    return render_template("placeholder.html", title="题目纠错")
