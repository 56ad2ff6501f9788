"""The learner's pages: home, materials, reading, self-tests, results, 我的成绩, 错题本, review."""

from __future__ import annotations

import random
import secrets
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from ..answer_forms import build_answer_form, changed_questions, fill_form, response_from
from ..bank.services import doubted_count
from ..database import begin_write
from ..extensions import db
from ..models import Attempt, BankQuestion, Material, NotebookEntry
from ..paging import page_number as _page_number
from ..paging import valid_id
from ..percent import whole_percent
from . import notebook, reading, services
from .forms import ActionForm, PaperForm, StartForm
from .owner import current_owner
from .services import AttemptClosed, InvalidAnswer

bp = Blueprint("study", __name__, url_prefix=None)

REVIEW_BATCH = 20
QUICK_COUNT = 10
SCORES_PER_PAGE = 30
NOTEBOOK_PER_PAGE = 20
TREND_LAST = 30


def _materials() -> list[Material]:
    """The materials of the study area: every one but those kept 仅用于竞赛."""
    return list(
        db.session.scalars(
            select(Material)
            .where(Material.contest_only.is_(False))
            .order_by(Material.is_default.desc(), Material.id)
        )
    )


CLOSED_MESSAGE = "这份材料现仅用于竞赛，暂不开放阅读、练习和试卷。"


def _closed(material: Material | None = None) -> None:
    """Stop the request with the 仅用于竞赛 page (403): the study area shows none of the
    material's text, questions or keys, to anyone; organizers work on it in the workbench."""
    if _wants_json():
        abort(make_response(jsonify(saved=False, closed=True, message=CLOSED_MESSAGE), 403))
    page = render_template("study/closed.html", material=material, message=CLOSED_MESSAGE)
    abort(make_response(page, 403))


def _open_material(material_id: int) -> Material:
    material = db.get_or_404(Material, material_id)
    if material.contest_only:
        _closed(material)
    return material


def _load_attempt(token: str) -> Attempt:
    attempt = services.find_attempt(token, current_owner(create=False))
    if attempt is None:
        abort(404)
    closed = services.contest_only_material(attempt)
    if closed is not None:
        _closed(closed)
    return attempt


def _wants_json() -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


# ---------------------------------------------------------------- home and materials


@bp.get("/")
def home():
    owner = current_owner(create=False)
    materials = _materials()
    attempts = services.recent_attempts(owner, 5)
    return render_template(
        "study/home.html",
        materials=materials,
        counts=services.question_counts(),
        due=notebook.count_due(owner),
        open_count=notebook.count_open(owner),
        attempts=attempts,
        titles=services.material_titles(a.material_id for a in attempts),
        default_material=next((m for m in materials if m.is_default), None)
        or (materials[0] if materials else None),
        form=ActionForm(),
    )


@bp.get("/materials")
def materials():
    return render_template(
        "study/materials.html", materials=_materials(), counts=services.question_counts()
    )


@bp.get("/materials/<int:material_id>")
def material(material_id: int):
    material = _open_material(material_id)
    phrases = material.key_phrases or []
    parts = reading.split_parts(reading.paragraphs(material.text, phrases))
    part = request.args.get("part", 1, type=int)
    if part < 1 or part > len(parts):
        abort(404)
    return render_template(
        "study/material.html",
        material=material,
        paragraphs=parts[part - 1],
        part=part,
        parts=len(parts),
        phrase_count=len(reading.phrase_index(phrases)),
        question_count=services.question_counts([material.id]).get(material.id, 0),
    )


def _phrase(material: Material, index: int) -> str:
    phrases = material.key_phrases or []
    if not 0 <= index < len(phrases):
        abort(404)
    return str(phrases[index].get("text", ""))


@bp.get("/materials/<int:material_id>/keys/<int:index>")
def phrase(material_id: int, index: int):
    material = _open_material(material_id)
    text = _phrase(material, index)
    questions = services.questions_with_phrase(material.id, text)
    return render_template(
        "study/phrase.html", material=material, index=index, phrase=text,
        questions=questions, form=ActionForm(),
    )  # fmt: skip


@bp.post("/materials/<int:material_id>/keys/<int:index>")
def phrase_practice(material_id: int, index: int):
    material = _open_material(material_id)
    text = _phrase(material, index)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    questions = services.pick_questions(services.questions_with_phrase(material.id, text), 0)
    if not questions:
        flash("这个关键词还没有题目。", "warning")
        return redirect(url_for("study.phrase", material_id=material.id, index=index))
    attempt = services.start_attempt(
        current_owner(), questions, mode="practice", material_id=material.id
    )
    db.session.commit()
    return redirect(url_for("study.attempt", token=attempt.token))


@bp.get("/materials/<int:material_id>/paper")
def paper(material_id: int):
    """试卷: a printable paper, its answer key on a separate page."""
    material = _open_material(material_id)
    form = PaperForm(request.args)
    if request.args and not form.validate():
        return render_template("study/paper.html", material=material, form=form, questions=None)
    seed = form.seed.data or secrets.token_hex(3)
    kinds = form.kinds.data or []
    count = int(form.count.data or 20)
    pool = services.servable_questions(material.id, kinds)
    questions = services.pick_questions(pool, count, random.Random(seed))
    order = {kind: i for i, kind in enumerate(services.KINDS_PAPER_ORDER)}
    questions.sort(key=lambda q: order.get(q.kind, 9))
    held = doubted_count(material.id, kinds) if not pool or count and len(pool) < count else 0
    short = services.short_pick_note(len(pool), len(questions), count, held, whole="已全部组卷")
    return render_template(
        "study/paper.html", material=material, form=form, questions=questions, seed=seed,
        format_response=services.format_response, letters=services.LETTERS, short=short,
    )  # fmt: skip


# ---------------------------------------------------------------- starting a test


@bp.route("/test/new", methods=["GET", "POST"])
def start():
    materials = _materials()
    form = StartForm()
    form.material.choices = [SelectChoice(m.id, m.title) for m in materials]
    if request.method == "GET":
        wanted = request.args.get("material", type=int)
        if wanted in {m.id for m in materials}:
            form.material.data = wanted
        elif wanted and valid_id(wanted) and (hidden := db.session.get(Material, wanted)):
            _closed(hidden)  # an old link to a bank now kept for contests: say so, pick nothing
        elif materials:
            form.material.data = materials[0].id
    if form.validate_on_submit():
        pool = services.servable_questions(form.material.data, form.kinds.data)
        if not pool and not services.question_counts([form.material.data]):
            if doubted_count(form.material.data):
                form.material.errors.append("这份材料的题目还在等组织者审核，请换一份材料。")
            else:
                form.material.errors.append("这份材料还没有题目，请换一份材料。")
        elif not pool:
            form.kinds.errors.append("这份材料没有所选题型的题目，请换一种题型。")
        else:
            count = int(form.count.data)
            questions, new = services.pick_new_first(
                current_owner(), pool, count, form.material.data
            )
            held = (
                doubted_count(form.material.data, form.kinds.data)
                if count and len(pool) < count
                else 0
            )
            note = services.short_pick_note(len(pool), len(questions), count, held)
            if note:
                flash(note, "info")
            _note_known(new, len(questions), len(pool))
            minutes = int(form.time_limit.data or 0)
            attempt = services.start_attempt(
                current_owner(),
                questions,
                mode=form.mode.data,
                material_id=form.material.data,
                kinds=form.kinds.data,
                time_limit_s=minutes * 60 if minutes else None,
            )
            db.session.commit()
            return redirect(url_for("study.attempt", token=attempt.token))
    counts = services.question_counts()
    return render_template("study/start.html", form=form, materials=materials, counts=counts)


def _note_known(new: int, asked: int, pool: int) -> None:
    """Tell the learner when a test repeats questions they answered right before
    (``services.pick_new_first`` asks the new ones first; a test of the whole pool is no news)."""
    if new >= asked or asked >= pool:
        return
    if new == 0:
        flash("这份材料的题你都答对过了，本次出的是你答对过的题，当作复习。", "info")
    else:
        flash(
            f"你还没答对过的题不多了：本次 {new} 道是新题，{asked - new} 道是你答对过的题。", "info"
        )


@bp.post("/test/quick")
def quick_start():
    """Try it now: a 10-question 练习 on the default material, no account needed."""
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    materials = _materials()
    if not materials:
        flash("还没有学习材料。", "warning")
        return redirect(url_for("study.home"))
    material = materials[0]
    pool = services.servable_questions(material.id)
    questions, new = services.pick_new_first(current_owner(), pool, QUICK_COUNT, material.id)
    if not questions:
        flash("这份材料还没有题目。", "warning")
        return redirect(url_for("study.home"))
    _note_known(new, len(questions), len(pool))
    attempt = services.start_attempt(
        current_owner(), questions, mode="practice", material_id=material.id
    )
    db.session.commit()
    return redirect(url_for("study.attempt", token=attempt.token))


# ---------------------------------------------------------------- taking a test


@bp.get("/test/<token>")
def attempt(token: str):
    """Where the test stands: the next question (练习), the paper (测验) or the result."""
    attempt = _load_attempt(token)
    if attempt.submitted_at is None and services.is_over_time(attempt):
        begin_write()
        services.close_if_over_time(attempt)
        db.session.commit()
        flash("时间到，已按已作答的内容自动交卷。", "warning")
    if attempt.submitted_at is not None:
        return redirect(url_for("study.result", token=token))
    if attempt.mode == "exam":
        return _render_exam(attempt)
    answered = services.answers_by_question(attempt)
    for number, question in enumerate(services.attempt_questions(attempt), start=1):
        if question.id not in answered:
            return redirect(url_for("study.question", token=token, number=number))
    return redirect(url_for("study.result", token=token))


def _question_at(attempt: Attempt, number: int) -> tuple[BankQuestion, int]:
    """The question numbered ``number`` and how many there are. A 练习 is numbered over its
    questions still in the bank, as the 测验 and the result are: one an organizer deleted
    meanwhile drops out instead of leaving a number that answers 404."""
    questions = services.attempt_questions(attempt)
    if not 1 <= number <= len(questions):
        abort(404)
    return questions[number - 1], len(questions)


@bp.route("/test/<token>/q/<int:number>", methods=["GET", "POST"])
def question(token: str, number: int):
    """练习/复习: one question per page; once answered, the same page shows the feedback."""
    attempt = _load_attempt(token)
    if attempt.mode == "exam":
        return redirect(url_for("study.attempt", token=token))
    question, total = _question_at(attempt, number)
    answer = services.answers_by_question(attempt).get(question.id)
    form = build_answer_form([question], required=True)()
    if answer is None and attempt.submitted_at is None and form.validate_on_submit():
        try:
            answer, _new = services.answer_question(
                attempt, question, response_from(form, question)
            )
        except InvalidAnswer as exc:
            form.form_errors.append(exc.message)
        except AttemptClosed:
            answer = None
        else:
            db.session.commit()
            return redirect(url_for("study.question", token=token, number=number))
    if request.method == "POST" and answer is not None:
        return redirect(url_for("study.question", token=token, number=number))
    if answer is None and attempt.submitted_at is not None:
        return redirect(url_for("study.result", token=token))
    return render_template(
        "study/question.html",
        attempt=attempt,
        question=question,
        number=number,
        total=total,
        form=form,
        answer=answer,
        answered=len(services.answers_by_question(attempt)),
        given=services.format_response(question, answer.response) if answer else "",
        blanks=services.given_blanks(question, answer.response) if answer else [],
        correct=services.format_response(question, question.answer) if answer else "",
        source=reading.marked_source(question) if answer else "",
        chosen=_chosen(question, answer.response) if answer else set(),
        right=_chosen(question, question.answer) if answer else set(),
        finish_form=ActionForm(),
    )


def _chosen(question: BankQuestion, response: Any) -> set[str]:
    """Option indexes (as strings) or 'true'/'false' that a response picks, for colouring."""
    if response is None:
        return set()
    if question.kind == "judge":
        return {"true" if response else "false"}
    options = list(question.options or [])
    values = response if isinstance(response, list) else [response]
    return {str(options.index(v)) for v in values if v in options}


def _render_exam(attempt: Attempt, form: Any = None, status: int = 200):
    questions = services.attempt_questions(attempt)
    # a form sent back with its errors shows answers not saved yet: all of them are changes
    unsaved = form is not None
    if form is None:
        form = build_answer_form(questions, required=False)(formdata=None)
        kept = services.answers_by_question(attempt)
        for q in questions:
            if q.id in kept:
                fill_form(form, q, kept[q.id].response)
    return render_template(
        "study/exam.html",
        attempt=attempt,
        questions=questions,
        form=form,
        seconds_left=services.seconds_left(attempt),
        kept=len(services.answers_by_question(attempt)),
        unsaved=unsaved,
    ), status


def _repeats_kept_hand_in(attempt: Attempt) -> bool:
    """Whether a 交卷 posted to a 测验 already handed in carries only what the paper holds:
    the page's hand-in sent again because the reply to the first one (which got through) was
    lost. Its result is then shown as for any hand-in; a 交卷 with other answers (a second
    tab, the back button) is told the answers are those at the first hand-in."""
    if request.form.get("action") != "submit":
        return False
    questions = services.attempt_questions(attempt)
    form = build_answer_form(questions, required=False)()
    if not form.validate_on_submit():
        return False
    kept = services.answers_by_question(attempt)
    return all(
        response_from(form, q) == (kept[q.id].response if q.id in kept else None)
        for q in changed_questions(questions, request.form)
    )


@bp.post("/test/<token>/exam")
def exam(token: str):
    """测验: keep the answers so far (保存, or the page's autosave) or hand the paper in (交卷)."""
    attempt = _load_attempt(token)
    if attempt.mode != "exam":
        abort(404)
    if attempt.submitted_at is not None or services.is_over_time(attempt):
        timed_out = services.close_if_over_time(attempt)
        db.session.commit()
        # said on the result page, also when the page's script goes there (an autosave or a
        # hand-in retried through an outage that arrives late, or after the first got through)
        if timed_out:
            flash("时间已到，已按时间到时保存的答案自动交卷。", "warning")
        elif not _repeats_kept_hand_in(attempt):
            flash("这次测验已经交卷，答案以交卷时为准。", "info")
        if _wants_json():
            return jsonify(closed=True, url=url_for("study.result", token=token)), 409
        return redirect(url_for("study.result", token=token))
    questions = services.attempt_questions(attempt)
    form = build_answer_form(questions, required=False)()
    if not form.validate_on_submit():
        if _wants_json():
            return jsonify(saved=False, message="有答案格式不对，请检查后再交卷。"), 400
        return _render_exam(attempt, form, 400)
    changed = changed_questions(questions, request.form)
    responses = {q.id: response_from(form, q) for q in changed}
    try:
        services.save_exam_answers(attempt, changed, responses)
        kept = len(services.answers_by_question(attempt))
    except InvalidAnswer as exc:
        db.session.rollback()
        if _wants_json():
            return jsonify(saved=False, message=exc.message), 400
        form.form_errors.append(exc.message)
        return _render_exam(attempt, form, 400)
    if request.form.get("action") == "submit":
        services.submit_attempt(attempt)
        db.session.commit()
        if _wants_json():  # the page's hand-in (retried through an outage) goes there itself
            return jsonify(submitted=True, url=url_for("study.result", token=token))
        return redirect(url_for("study.result", token=token))
    db.session.commit()
    if _wants_json():
        return jsonify(saved=True, kept=kept, seconds_left=services.seconds_left(attempt))
    flash(f"已保存 {kept} 道题的答案。", "success")
    return redirect(url_for("study.attempt", token=token))


@bp.post("/test/<token>/finish")
def finish(token: str):
    """End a 练习 early: the result counts the questions answered so far."""
    attempt = _load_attempt(token)
    if not ActionForm().validate_on_submit():
        abort(400)
    if attempt.mode == "exam":
        return redirect(url_for("study.attempt", token=token))
    services.submit_attempt(attempt)
    db.session.commit()
    return redirect(url_for("study.result", token=token))


@bp.get("/test/<token>/result")
def result(token: str):
    attempt = _load_attempt(token)
    if attempt.submitted_at is None and services.is_over_time(attempt):
        begin_write()
        services.close_if_over_time(attempt)
        db.session.commit()
    if attempt.submitted_at is None:
        return redirect(url_for("study.attempt", token=token))
    result = services.result_of(attempt)
    return render_template(
        "study/result.html",
        attempt=attempt,
        result=result,
        material=db.session.get(Material, attempt.material_id) if attempt.material_id else None,
        duration=services.format_duration(services.duration_seconds(attempt)),
        marked_source=reading.marked_source,
    )


# ---------------------------------------------------------------- 我的成绩


@bp.get("/me/scores")
def scores():
    owner = current_owner(create=False)
    query = (
        select(Attempt)
        .where(owner.filter(Attempt))
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    )
    page = db.paginate(query, page=_page_number(), per_page=SCORES_PER_PAGE, error_out=False)
    finished = list(
        db.session.scalars(
            select(Attempt)
            .where(owner.filter(Attempt), Attempt.submitted_at.is_not(None), Attempt.total > 0)
            .order_by(Attempt.submitted_at.desc(), Attempt.id.desc())
            .limit(TREND_LAST)
        )
    )[::-1]
    from ..web import china_time

    trend = services.trend(
        [
            (whole_percent(a.score, a.total) or 0, china_time(a.submitted_at, "%m-%d"))
            for a in finished
        ]
    )
    return render_template(
        "study/scores.html",
        page=page,
        trend=trend,
        titles=services.material_titles(a.material_id for a in page.items),
        durations={
            a.id: services.format_duration(services.duration_seconds(a)) for a in page.items
        },
    )


# ---------------------------------------------------------------- 错题本 and review


@bp.get("/notebook", endpoint="notebook")
def notebook_page():
    owner = current_owner(create=False)
    page = db.paginate(
        notebook.open_entries(owner), page=_page_number(), per_page=NOTEBOOK_PER_PAGE,
        error_out=False,
    )  # fmt: skip
    from ..models import utcnow
    from .schedule import due_cutoff

    return render_template(
        "study/notebook.html",
        page=page,
        due=notebook.count_due(owner),
        open_count=notebook.count_open(owner),
        mastered=notebook.count_mastered(owner),
        set_aside=notebook.count_set_aside(owner),
        closed=notebook.closed_materials(owner),
        cutoff=due_cutoff(utcnow(), _china()),
        format_response=services.format_response,
        given_blanks=services.given_blanks,
        marked_source=reading.marked_source,
        form=ActionForm(),
    )


def _china():  # noqa: ANN202
    from ..web import CHINA

    return CHINA


@bp.post("/notebook/<int:entry_id>/mastered")
def mastered(entry_id: int):
    entry = db.get_or_404(NotebookEntry, entry_id)
    if not current_owner(create=False).owns(entry):
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    if entry.mastered_at is None:
        notebook.mark_mastered(entry)
        db.session.commit()
        flash("已标记为已掌握，这道题离开了错题本。", "success")
    return redirect(url_for("study.notebook", page=_page_number()))


@bp.route("/review", methods=["GET", "POST"])
def review():
    owner = current_owner(create=False)
    form = ActionForm()
    if form.validate_on_submit():
        ids = notebook.due_question_ids(owner, REVIEW_BATCH)
        questions = [q for q in (db.session.get(BankQuestion, i) for i in ids) if q is not None]
        if not questions:
            flash("今天没有要复习的错题。", "info")
            return redirect(url_for("study.notebook"))
        attempt = services.start_attempt(owner, questions, mode="review")
        db.session.commit()
        return redirect(url_for("study.attempt", token=attempt.token))
    return render_template(
        "study/review.html", due=notebook.count_due(owner), open_count=notebook.count_open(owner),
        form=form, batch=REVIEW_BATCH,
    )  # fmt: skip


@bp.app_template_global()
def is_visitor() -> bool:
    return not current_user.is_authenticated
