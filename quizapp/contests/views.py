"""竞赛: the list of paper contests (答题赛) and the way into live rounds; sitting a paper."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import select
from wtforms import SelectChoice

from ..answer_forms import (
    blank_count,
    build_answer_form,
    changed_questions,
    fill_form,
    response_from,
)
from ..bank.services import materials_awaiting_review
from ..database import begin_write
from ..extensions import db
from ..generation.checking import InvalidAnswer
from ..models import Group, PaperAttempt, PaperContest
from ..security import organizer_required
from ..study.reading import marked_source
from ..study.services import given_blanks
from ..web import unbroken
from . import services
from .forms import ActionForm, PaperContestForm, utc_to_china
from .scoring import format_duration

bp = Blueprint("contests", __name__, url_prefix="/contests")


@bp.app_template_filter("duration")
def duration_filter(ms: int | None) -> Markup:
    return unbroken(format_duration(ms))  # "12 分 05 秒" on one line


@bp.app_template_filter("percent")
def percent_filter(value: int | None) -> Markup | str:
    """A rate in whole percent (quizapp.percent.whole_percent, as the sheet shows it): 13%."""
    return "—" if value is None else unbroken(f"{value}%")


def _settle_closed(contests: list[PaperContest], at: datetime) -> None:
    """Close timed-out attempts of contests that ended and put wrong answers in 错题本 (once)."""
    pending = [c for c in contests if c.settled_at is None]
    if not pending:
        return
    begin_write()
    for contest in pending:
        services.settle(contest, at)
    db.session.commit()


@bp.get("/")
def index():
    at = services.now()
    groups = services.list_contests(at)
    _settle_closed(groups["closed"], at)
    mine: dict[int, list[PaperAttempt]] = {}
    if current_user.is_authenticated:
        rows = db.session.scalars(
            select(PaperAttempt).where(PaperAttempt.user_id == current_user.id)
        )
        for attempt in rows:
            mine.setdefault(attempt.contest_id, []).append(attempt)
    live_create = "live.create" if "live.create" in current_app.view_functions else None
    return render_template(
        "contests/index.html",
        title="竞赛",
        groups=groups,
        mine=mine,
        live_create_url=url_for(live_create) if live_create else None,
    )


@bp.route("/paper/new", methods=["GET", "POST"])
@organizer_required
def create():
    form = PaperContestForm()
    banks = services.materials_with_banks()
    form.material.choices = [
        SelectChoice(m.id, f"{m.title}（{n} 题{'，仅用于竞赛' if m.contest_only else ''}）")
        for m, n in banks
    ]
    form.groups.choices = [
        SelectChoice(g.id, g.name)
        for g in db.session.scalars(select(Group).order_by(Group.sort_order, Group.name))
    ]
    if request.method == "GET":
        start_at = utc_to_china(services.now()).replace(minute=0) + timedelta(hours=1)
        form.opens_at.data = start_at
        form.closes_at.data = (start_at + timedelta(days=7)).replace(hour=22)
    waiting = materials_awaiting_review()
    if not banks and not waiting:
        flash("还没有可用的题库：请先添加学习材料并生成题目。", "warning")
    if form.validate_on_submit():
        contest = services.create_contest(
            title=form.title.data,
            material_id=form.material.data,
            opens_at=form.opens_utc,
            closes_at=form.closes_utc,
            kind_counts=form.kind_counts,
            time_limit_s=form.time_limit.data * 60,
            max_attempts=form.max_attempts.data,
            reveal=form.reveal.data,
            created_by_id=current_user.id,
            group_ids=form.groups.data or [],
            roster_user_ids=form.roster_user_ids,
        )
        db.session.commit()
        flash(f"已创建答题赛“{contest.title}”。", "success")
        return redirect(url_for("contests.paper", contest_id=contest.id))
    sizes = {m.id: services.pool_sizes(m.id) for m, _ in banks}
    return render_template(
        "contests/create.html", title="新建答题赛", form=form, sizes=sizes, waiting=waiting
    )


@bp.get("/paper/<int:contest_id>")
def paper(contest_id: int):
    contest = db.get_or_404(PaperContest, contest_id)
    at = services.now()
    everyone = contest.settled_at is None and services.state_of(contest, at) == "closed"
    user_id = None if everyone or not current_user.is_authenticated else current_user.id
    if (everyone or user_id is not None) and services.needs_settling(contest, at, user_id):
        begin_write()
        services.settle(contest, at, user_id=user_id)
        db.session.commit()
    attempts = (
        services.attempts_of(contest, current_user.id) if current_user.is_authenticated else []
    )
    active = next((a for a in attempts if a.finished_at is None), None)
    finished = [a for a in attempts if a.finished_at is not None]
    return render_template(
        "contests/paper.html",
        title=contest.title,
        contest=contest,
        state=services.state_of(contest, at),
        attempts=attempts,
        active=active,
        best=services.best_attempt(finished),
        left=contest.max_attempts - len(attempts),
        short_window=(contest.closes_at - at).total_seconds() < contest.time_limit_s,
        form=ActionForm(),
    )


@bp.post("/paper/<int:contest_id>/start")
@login_required
def start(contest_id: int):
    contest = db.get_or_404(PaperContest, contest_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        attempt = services.start_attempt(contest, current_user.id, services.now())
    except services.PaperError as exc:
        db.session.commit()  # keep an expired attempt closed on the way
        flash(exc.message, "error")
        return redirect(url_for("contests.paper", contest_id=contest.id))
    db.session.commit()
    return redirect(url_for("contests.attempt", attempt_id=attempt.id))


def _own_attempt(attempt_id: int, *, lock: bool = False) -> PaperAttempt:
    attempt = (
        services.lock_attempt(attempt_id) if lock else db.session.get(PaperAttempt, attempt_id)
    )
    if attempt is None or attempt.user_id != current_user.id:
        abort(404)
    return attempt


@bp.get("/attempts/<int:attempt_id>")
@login_required
def attempt(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    contest = attempt.contest
    at = services.now()
    if attempt.finished_at is None and at > attempt.deadline_at + services.GRACE:
        begin_write()
        attempt = _own_attempt(attempt_id, lock=True)
        services.finish_attempt(attempt, at, "timeout")
        db.session.commit()
    questions = services.paper_questions(attempt)
    saved = services.saved_answers(attempt)
    if attempt.finished_at is None:
        form = build_answer_form(questions, required=False)()
        if request.method == "GET":
            for question in questions:
                if question.id in saved:
                    fill_form(form, question, saved[question.id].response)
        return render_template(
            "contests/sit.html",
            title=contest.title,
            contest=contest,
            attempt=attempt,
            questions=questions,
            form=form,
            saved=saved,
            server_now=at.timestamp(),
            blank_count=blank_count,
        )
    visible = services.answers_visible(contest, at)
    return render_template(
        "contests/result.html",
        title=contest.title,
        contest=contest,
        attempt=attempt,
        questions=questions,
        saved=saved,
        visible=visible,
        # each blank of a multi-blank cloze ✓/✗, only once the answers are public
        blanks={q.id: given_blanks(q, saved[q.id].response) for q in questions if q.id in saved}
        if visible
        else {},
        right_label=services.right_answer_label,
        answer_label=services.answer_label,
        marked_source=marked_source,
    )


@bp.post("/attempts/<int:attempt_id>/answer")
@login_required
def save(attempt_id: int):
    """Save one question's answer as the learner goes (JSON reply for static/js/contests.js)."""
    attempt = _own_attempt(attempt_id, lock=True)
    question_id = request.form.get("question", type=int)
    questions = [q for q in services.paper_questions(attempt) if q.id == question_id]
    if not questions:
        return jsonify(error="not_on_paper", message="这道题不在你的试卷上。"), 400
    form = build_answer_form(questions, required=False)()
    if not form.validate_on_submit():
        problems = [e for errors in form.errors.values() for e in errors]
        return jsonify(error="invalid", message=problems[0] if problems else "答案无效。"), 400
    try:
        stored = services.save_answer(
            attempt, question_id, response_from(form, questions[0]), services.now()
        )
    except services.PaperError as exc:
        db.session.rollback()
        return jsonify(error=exc.code, message=exc.message), 409
    except InvalidAnswer as exc:
        db.session.rollback()
        return jsonify(error="invalid", message=exc.message), 400
    # the answers the paper holds, from every tab (this page shows only its own)
    answered = sorted(services.saved_answers(attempt))
    db.session.commit()
    return jsonify(
        saved=stored,
        answered=len(answered),
        answered_ids=answered,
        deadline=attempt.deadline_at.timestamp(),
    )


@bp.post("/attempts/<int:attempt_id>/submit")
@login_required
def submit(attempt_id: int):
    """交卷 (pressed, or sent by the page at the deadline): the answers this tab changed are
    saved if in time (the whole form when posted without the script), then the attempt closes
    (once)."""
    attempt = _own_attempt(attempt_id, lock=True)
    at = services.now()
    questions = services.paper_questions(attempt)
    form = build_answer_form(questions, required=False)()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            abort(400)
        flash("部分答案无效，没有保存：" + "；".join(
            e for errors in form.errors.values() for e in errors), "warning")  # fmt: skip
    else:
        responses = {
            q.id: response_from(form, q) for q in changed_questions(questions, request.form)
        }
        for problem in services.save_answers(attempt, responses, at):
            flash(problem, "warning")
    if services.finish_attempt(attempt, at, "submitted"):
        if attempt.close_reason == "timeout":
            flash("答题时间已到，按时间到时保存的答案计分。", "warning")
        else:
            flash("已交卷。", "success")
    db.session.commit()
    url = url_for("contests.attempt", attempt_id=attempt.id)
    if request.accept_mimetypes.best == "application/json":
        # the page's hand-in (static/js/contests.js), retried through an outage: it goes to
        # the result itself, where the messages flashed above are shown
        return jsonify(finished=True, url=url)
    return redirect(url)


def _settle(contest: PaperContest, at: datetime) -> None:
    if services.needs_settling(contest, at):
        begin_write()
        services.settle(contest, at)
        db.session.commit()


def _results_allowed(contest: PaperContest, at: datetime) -> bool:
    return current_user.is_organizer or services.state_of(contest, at) == "closed"


@bp.get("/paper/<int:contest_id>/results")
@login_required
def results(contest_id: int):
    contest = db.get_or_404(PaperContest, contest_id)
    at = services.now()
    if not _results_allowed(contest, at):
        flash("答题赛结束后才公布排名。", "info")
        return redirect(url_for("contests.paper", contest_id=contest.id))
    _settle(contest, at)
    return render_template(
        "contests/results.html",
        title=f"{contest.title} · 成绩",
        contest=contest,
        state=services.state_of(contest, at),
        results=services.contest_results(contest),
        right_label=services.right_answer_label,
        full=current_user.is_organizer,
    )


@bp.get("/paper/<int:contest_id>/results.xlsx")
@organizer_required
def export(contest_id: int):
    from .export import results_workbook

    contest = db.get_or_404(PaperContest, contest_id)
    at = services.now()
    _settle(contest, at)
    data = results_workbook(contest, services.contest_results(contest), at)
    return send_file(
        data,
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        as_attachment=True,
        download_name=f"{contest.title[:40]}-成绩.xlsx",
    )
