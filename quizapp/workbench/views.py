"""The organizer's workbench (/manage): materials, the bank, import/export, statistics, lexicon."""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

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
from flask_login import current_user
from sqlalchemy import Text, cast, delete, func, select
from sqlalchemy.exc import IntegrityError
from wtforms import SelectChoice

from ..bank.services import doubted_count, find_material_by_text
from ..extensions import db
from ..generation.normalize import fold
from ..generation.reader import DocumentError, read_document
from ..models import (
    AuditEntry,
    BankQuestion,
    Material,
    QuestionReport,
    UploadDraft,
)
from ..paging import id_arg, page_number, valid_id
from ..percent import as_fraction
from ..security import admin_required, organizer_required
from ..spreadsheet import keep_text
from . import exporting, regrade, services
from . import filtering as questions_filter
from .forms import (
    REPORT_CATEGORIES,
    ConfirmMaterialForm,
    ContestOnlyForm,
    FormulaForm,
    ImportForm,
    QuestionFilterForm,
    QuestionForm,
    ReportForm,
    UploadForm,
)
from .importing import BankFileError, parse_bank_file
from .questions import KIND_LABELS

bp = Blueprint("workbench", __name__, url_prefix="/manage")

PER_PAGE = 20
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_TYPES = {
    "xlsx": XLSX,
    "json": "application/json; charset=utf-8",
    "gift": "text/plain",  # werkzeug adds "; charset=utf-8" to text/* types itself
}


def _user() -> Any:
    return current_user if current_user.is_authenticated else None


def _download(data: bytes | str, filename: str, mimetype: str):  # noqa: ANN202
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return send_file(
        io.BytesIO(payload), mimetype=mimetype, as_attachment=True, download_name=filename
    )


# ---------------------------------------------------------------------------- home


@bp.get("/")
@organizer_required
def index():
    counts = dict(
        db.session.execute(
            select(BankQuestion.material_id, func.count())
            .where(BankQuestion.status != "disabled")
            .group_by(BankQuestion.material_id)
        ).all()
    )
    materials = db.session.scalars(select(Material).order_by(Material.id.desc())).all()
    open_reports = db.session.scalar(
        select(func.count()).select_from(QuestionReport).where(QuestionReport.status == "open")
    )
    in_review = db.session.scalar(
        select(func.count()).select_from(BankQuestion).where(BankQuestion.status == "review")
    )
    return render_template(
        "workbench/index.html",
        materials=materials,
        counts=counts,
        open_reports=open_reports,
        in_review=in_review,
    )


# ---------------------------------------------------------------------------- materials


@bp.route("/materials/upload", methods=["GET", "POST"])
@organizer_required
def upload():
    form = UploadForm()
    if form.validate_on_submit():
        storage = form.file.data
        limit = current_app.config["MAX_UPLOAD_BYTES"]
        data = storage.read(limit + 1)
        if len(data) > limit:
            abort(413)
        try:
            text = read_document(data, storage.filename or "", max_bytes=limit)
        except DocumentError as exc:
            if exc.code == "too_large":
                abort(413)
            form.file.errors = [exc.message]
            return render_template("workbench/upload.html", form=form), 400
        existing = find_material_by_text(text)
        if existing is not None:
            flash(f"这份材料已经添加过了：《{existing.title}》，没有重复添加。", "info")
            return redirect(url_for(".material", material_id=existing.id))
        draft = services.create_draft(text, storage.filename or "", user=_user())
        db.session.commit()
        return redirect(url_for(".preview", token=draft.token))
    status = 400 if form.is_submitted() else 200
    return render_template("workbench/upload.html", form=form), status


def _default_title(draft: UploadDraft) -> str:
    first = draft.text.split("\n", 1)[0].strip()
    if 4 <= len(first) <= 60:
        return first
    return PurePath(draft.filename).stem[:200] or "未命名材料"


@bp.route("/materials/draft/<token>", methods=["GET", "POST"])
@organizer_required
def preview(token: str):
    draft = db.session.scalar(select(UploadDraft).where(UploadDraft.token == token))
    if draft is None:
        # Saved already (the form sent twice, the back button) or expired. It sent people to
        # upload again, though the first send had made the material: the list shows it.
        flash(
            "这份上传已经保存过，或者已经过期：保存过的材料在下面的列表里（最新的在最上面），"
            "列表里没有就请重新上传。",
            "warning",
        )
        return redirect(url_for(".index"))
    form = ConfirmMaterialForm()
    if request.method == "GET":
        form.title.data = _default_title(draft)
    if form.validate_on_submit():
        existing = find_material_by_text(draft.text)
        if existing is not None:
            # (a statement: the draft may be gone already, deleted by the request that saved it)
            db.session.execute(delete(UploadDraft).where(UploadDraft.id == draft.id))
            db.session.commit()
            flash(f"这份材料已经添加过了：《{existing.title}》。", "info")
            return redirect(url_for(".material", material_id=existing.id))
        try:
            with db.session.begin_nested():
                material = services.confirm_draft(
                    draft, title=form.title.data, source=form.source.data or "", user=_user()
                )
        except IntegrityError:
            # the same text saved a moment ago by another request (this form sent twice, or
            # the file uploaded in two tabs): that material is the one
            existing = find_material_by_text(draft.text)
            if existing is None:  # pragma: no cover - the constraint names the text's hash
                raise
            db.session.execute(delete(UploadDraft).where(UploadDraft.id == draft.id))
            db.session.commit()
            flash(f"这份材料已经添加过了：《{existing.title}》。", "info")
            return redirect(url_for(".generating", material_id=existing.id))
        job = services.start_job(material, user=_user())
        db.session.commit()
        services.launch_job(current_app._get_current_object(), job.id)
        return redirect(url_for(".generating", material_id=material.id))
    paragraphs = draft.text.count("\n") + 1
    return render_template("workbench/preview.html", draft=draft, form=form, paragraphs=paragraphs)


@bp.get("/materials/<int:material_id>")
@organizer_required
def material(material_id: int):
    material = db.get_or_404(Material, material_id)
    by_status = dict(
        db.session.execute(
            select(BankQuestion.status, func.count())
            .where(BankQuestion.material_id == material.id)
            .group_by(BankQuestion.status)
        ).all()
    )
    by_kind = dict(
        db.session.execute(
            select(BankQuestion.kind, func.count())
            .where(BankQuestion.material_id == material.id, BankQuestion.status != "disabled")
            .group_by(BankQuestion.kind)
        ).all()
    )
    doubtful = doubted_count(material.id)
    job = services.latest_job(material.id)
    phrases = _phrase_choices(material)
    return render_template(
        "workbench/material.html",
        material=material,
        by_status=by_status,
        by_kind=by_kind,
        doubtful=doubtful,
        job=job,
        phrases=phrases,
        visibility_form=ContestOnlyForm(contest_only=material.contest_only),
    )


@bp.post("/materials/<int:material_id>/contest-only")
@organizer_required
def contest_only(material_id: int):
    """仅用于竞赛 on or off: the study area hides the bank; contests still draw from it."""
    material = db.get_or_404(Material, material_id)
    form = ContestOnlyForm()
    if not form.validate_on_submit():
        abort(400)
    if services.set_contest_only(material, bool(form.contest_only.data), user=_user()):
        db.session.commit()
        if material.contest_only:
            flash(
                "已设为仅用于竞赛：学员在练习、关键词、试卷和错题本中都看不到这份材料的题目。",
                "success",
            )
        else:
            flash("已向学员开放：这份材料的题目重新出现在练习和试卷中。", "success")
    return redirect(url_for(".material", material_id=material.id))


@bp.post("/materials/<int:material_id>/regenerate")
@organizer_required
def regenerate(material_id: int):
    material = db.get_or_404(Material, material_id)
    if material.char_count == 0:
        flash("这份材料是导入的题库，没有原文，不能重新生成。", "warning")
        return redirect(url_for(".material", material_id=material.id))
    job = services.latest_job(material.id)
    if job is not None and job.state in ("queued", "running") and not services.job_is_stale(job):
        return redirect(url_for(".generating", material_id=material.id))
    job = services.start_job(material, user=_user())
    db.session.commit()
    services.launch_job(current_app._get_current_object(), job.id)
    return redirect(url_for(".generating", material_id=material.id))


@bp.get("/materials/<int:material_id>/generating")
@organizer_required
def generating(material_id: int):
    material = db.get_or_404(Material, material_id)
    job = services.latest_job(material.id)
    if job is None or job.state == "done":
        if job is not None:
            flash(job.message or "题库已生成。", "success")
            if not job.questions:  # a text too short, or none of it asked: say what to do
                flash(
                    "这份材料目前没有可用的题目，学员还不能自测它：可以手工加题，或向它导入题库。",
                    "warning",
                )
            elif held := doubted_count(material.id):
                # the material page counts them beside the servable ones and links their list
                flash(f"其中 {held} 道是存疑题：审核后才会出给学员和竞赛。", "info")
                return redirect(url_for(".material", material_id=material.id))
        return redirect(url_for(".questions", material=material.id))
    stale = services.job_is_stale(job)
    seconds = max(3, math.ceil(material.char_count / 4000))
    return render_template(
        "workbench/generating.html", material=material, job=job, stale=stale, estimate=seconds
    )


@bp.get("/materials/<int:material_id>/status")
@organizer_required
def generation_status(material_id: int):
    material = db.get_or_404(Material, material_id)
    job = services.latest_job(material.id)
    if job is None:
        return jsonify(
            state="done", message="", questions=0, next=url_for(".questions", material=material.id)
        )
    state = "failed" if services.job_is_stale(job) else job.state
    return jsonify(
        state=state,
        message=job.message,
        questions=job.questions,
        next=url_for(".generating", material_id=material.id),
    )


# ---------------------------------------------------------------------------- the bank


@dataclass
class Page:
    """Just enough of Flask-SQLAlchemy's Pagination for the pager macro."""

    items: list[Any]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


def _phrase_choices(material: Material | None) -> list[str]:
    if material is None:
        return []
    seen: list[str] = []
    for item in material.key_phrases or []:
        text = item.get("text") if isinstance(item, dict) else None
        if text and text not in seen:
            seen.append(text)
    return seen[:200]


@bp.get("/questions")
@organizer_required
def questions():
    form = QuestionFilterForm(request.args)
    materials = db.session.scalars(select(Material).order_by(Material.id.desc())).all()
    form.material.choices = [SelectChoice(0, "全部材料")] + [
        SelectChoice(m.id, m.title) for m in materials
    ]
    material_id = form.material.data or 0
    if material_id and not valid_id(material_id):
        abort(404)
    query = select(BankQuestion)
    material = None
    if material_id:
        material = db.session.get(Material, material_id)
        query = query.where(BankQuestion.material_id == material_id)
    if form.kind.data:
        query = query.where(BankQuestion.kind == form.kind.data)
    status = form.status.data or ""
    if status in ("active", "review", "disabled"):
        query = query.where(BankQuestion.status == status)
    elif status == "retired":
        query = query.where(BankQuestion.retired.is_(True))
    elif status == "doubtful":  # held back from every pool until confirmed or edited
        query = query.where(BankQuestion.doubted)
    elif status == "servable":  # what learners and contests draw from
        query = query.where(BankQuestion.servable)
    elif status == "reported":
        reported = select(QuestionReport.question_id).where(QuestionReport.status == "open")
        query = query.where(BankQuestion.id.in_(reported))
    tags = _tag_choices(query)
    phrase, tag, search = (
        fold((form.phrase.data or "").strip()),
        (form.tag.data or "").strip(),
        fold(form.q.data or ""),
    )
    query = query.where(*questions_filter.narrowing(phrase=phrase, tag=tag, search=search))
    query = query.order_by(BankQuestion.material_id.desc(), BankQuestion.id)
    number = page_number()
    if phrase or tag or search:
        # SQL narrows the bank down to candidates; the exact (folded) match is Python's, on
        # their text columns; then only one page of questions is loaded.
        ids = [
            r.id
            for r in db.session.execute(query.with_only_columns(*questions_filter.MATCH_COLUMNS))
            if questions_filter.matches(r, phrase=phrase, tag=tag, search=search)
        ]
        page: Any = Page([], number, PER_PAGE, len(ids))
        page.page = min(page.page, page.pages)
        wanted = ids[(page.page - 1) * PER_PAGE : page.page * PER_PAGE]
        found = {
            r.id: r
            for r in db.session.scalars(select(BankQuestion).where(BankQuestion.id.in_(wanted)))
        }
        page.items = [found[i] for i in wanted if i in found]
    else:
        page = db.paginate(query, page=number, per_page=PER_PAGE, error_out=False)
        if page.pages and number > page.pages:  # past the end: the last page
            page = db.paginate(query, page=page.pages, per_page=PER_PAGE, error_out=False)
    reports = services.open_report_counts([r.id for r in page.items])
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template(
        "workbench/questions.html",
        form=form,
        page=page,
        reports=reports,
        material=material,
        phrases=_phrase_choices(material),
        tags=tags,
        args=args,
        active_filters=_active_filters(form),
    )


def _active_filters(form: QuestionFilterForm) -> list[str]:
    """What the list is narrowed by besides the material (its heading names that), for the
    folded filters' summary on a phone: ["单选题", "待复核", "搜索“四个意识”"]."""
    active = []
    for field in (form.kind, form.status):
        active += [c.label for c in field.choices if field.data and c.value == field.data]
    for field in (form.phrase, form.tag, form.q):
        if (field.data or "").strip():
            active.append(f"{field.label.text}“{field.data.strip()}”")
    return active


def _tag_choices(query: Any) -> list[str]:
    """Tags used by the questions the list shows (for the tag filter's suggestions)."""
    text = cast(BankQuestion.tags, Text)
    lists = db.session.scalars(
        query.with_only_columns(text).where(text.not_in(["[]", "null"])).distinct().limit(500)
    )
    found: set[str] = set()
    for item in lists:
        try:
            value = json.loads(item)
        except (TypeError, ValueError):
            continue
        if isinstance(value, list):
            found.update(str(t) for t in value if t)
    return sorted(found)[:100]


def _list_back() -> str:
    """The question list an edit page was opened from (``back``: its filters, page and the card's
    anchor), or "" for the material's whole list: only a path of that list is taken."""
    back = request.args.get("back") or ""
    local = back.startswith("/manage/questions") and not any(c in back for c in "\\\r\n\t")
    return back if local else ""


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@organizer_required
def edit_question(question_id: int):
    row = db.get_or_404(BankQuestion, question_id)
    back = _list_back()
    form = QuestionForm()
    if request.method == "GET":
        form.fill_from(row)
    form.kind.data = row.kind  # the kind of an existing question does not change
    if form.validate_on_submit():
        # locked: the same form sent twice waits for the first and finds nothing left to change
        row = services.lock_question(question_id)
        if row is None:
            abort(404)
        changes, rescored = regrade.edit_question(
            row, form.question_fields, status=form.status.data, user=_user()
        )
        db.session.commit()
        flash("已保存修改。" if changes else "没有改动。", "success" if changes else "info")
        if rescored is not None and rescored.answers:
            flash(rescored.done_text(), "success")
            for place in rescored.closed_contests:
                flash(
                    f"注意：{place.label}已经结束，参赛者的成绩和排名已按新答案改变"
                    f"（{place.changed} 条作答的对错变了）；如已公布名次，请向参赛者说明。",
                    "warning",
                )
        if "status" in changes and row.status != "active":
            _warn_short_contests(row.material_id)
        return redirect(url_for(".edit_question", question_id=row.id, back=back or None))
    reports = db.session.scalars(
        select(QuestionReport)
        .where(QuestionReport.question_id == row.id)
        .order_by(QuestionReport.status != "open", QuestionReport.id.desc())
    ).all()
    history = db.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.target_type == "question", AuditEntry.target_id == row.id)
        .order_by(AuditEntry.id.desc())
        .limit(10)
    ).all()
    status = 400 if form.is_submitted() else 200
    return render_template(
        "workbench/question_form.html",
        form=form,
        row=row,
        reports=reports,
        history=history,
        categories=REPORT_CATEGORIES,
        stored=regrade.stored_answers(row.id),
        back=back,
    ), status


@bp.route("/materials/<int:material_id>/questions/new", methods=["GET", "POST"])
@organizer_required
def new_question(material_id: int):
    material = db.get_or_404(Material, material_id)
    form = QuestionForm()
    if request.method == "GET":
        form.kind.data = request.args.get("kind", "single")
        form.status.data = "active"
    if form.validate_on_submit():
        fields = dict(form.question_fields, status=form.status.data)
        try:
            row = services.create_question(material, fields, user=_user())
        except services.WorkbenchError as exc:
            form.stem.errors = [*form.stem.errors, exc.message]
        else:
            db.session.commit()
            flash("已添加题目。", "success")
            return redirect(url_for(".edit_question", question_id=row.id))
    status = 400 if form.is_submitted() else 200
    return render_template(
        "workbench/question_form.html", form=form, row=None, material=material
    ), status


def _warn_short_contests(material_id: int) -> None:
    """After a question left the material's active bank (停用, 待复核, deleted): say which 答题赛
    not yet closed now draw shorter papers than they ask, so the organizer can make up for it."""
    from ..contests.services import contests_short_of, now

    for contest, kinds in contests_short_of(material_id, now()):
        asked = "、".join(
            f"{KIND_LABELS.get(kind, kind)}题 {want} 道（现在只有 {left} 道）"
            for kind, (want, left) in kinds.items()
        )
        flash(
            f"注意：答题赛“{contest.title}”每份试卷要抽{asked}，之后开始答题的人试卷会少题；"
            "可以启用或手工添加这类题目补足。",
            "warning",
        )


def _back_to_list(row: BankQuestion):  # noqa: ANN202
    target = request.args.get("next") or ""
    if target.startswith("/manage/") and not target.startswith("//"):
        return redirect(target)
    return redirect(url_for(".edit_question", question_id=row.id))


@bp.post("/questions/<int:question_id>/disable")
@organizer_required
def disable_question(question_id: int):
    row = db.get_or_404(BankQuestion, question_id)
    services.set_status(row, "disabled", user=_user())
    db.session.commit()
    flash("已停用这道题：自测和竞赛不再抽到它，重新生成也不会恢复。", "success")
    _warn_short_contests(row.material_id)
    return _back_to_list(row)


@bp.post("/questions/<int:question_id>/confirm")
@organizer_required
def confirm_question(question_id: int):
    row = db.get_or_404(BankQuestion, question_id)
    if services.confirm_question(row, user=_user()):
        db.session.commit()
        flash("已确认这道题可用：练习、测验和竞赛从现在起会抽到它。", "success")
    else:
        flash("只有启用中的存疑题需要确认：这道题不是。", "info")
    return _back_to_list(row)


@bp.post("/questions/<int:question_id>/enable")
@organizer_required
def enable_question(question_id: int):
    row = db.get_or_404(BankQuestion, question_id)
    services.set_status(row, "active", user=_user())
    db.session.commit()
    flash("已启用这道题。", "success")
    return _back_to_list(row)


@bp.post("/questions/<int:question_id>/delete")
@organizer_required
def delete_question(question_id: int):
    # locked: the same delete sent twice at once finds the question gone (404), no error
    row = services.lock_question(question_id)
    if row is None:
        abort(404)
    material_id = row.material_id
    try:
        services.delete_question(row, user=_user())
    except services.WorkbenchError as exc:
        flash(exc.message, "error")
        return redirect(url_for(".edit_question", question_id=row.id))
    db.session.commit()
    flash("已删除这道题。", "success")
    _warn_short_contests(material_id)
    return redirect(url_for(".questions", material=material_id))


# ---------------------------------------------------------------------------- 纠错


@bp.route("/questions/<int:question_id>/report", methods=["GET", "POST"])
def report_question(question_id: int):
    """纠错: any reader of a question, logged in or not, may report it with a reason."""
    row = db.get_or_404(BankQuestion, question_id)
    form = ReportForm()
    if request.method == "GET":
        form.next.data = _local_path(request.args.get("next") or request.referrer or "")
    if form.validate_on_submit():
        key = services.reporter_key(_user(), request.remote_addr)
        try:
            services.add_report(
                row, category=form.category.data, reason=form.reason.data, user=_user(), key=key
            )
        except services.WorkbenchError as exc:
            code = 429 if "频繁" in exc.message else 409
            flash(exc.message, "warning")
            hidden = row.material.contest_only and not getattr(current_user, "is_organizer", False)
            return render_template("workbench/report.html", form=form, row=row, hidden=hidden), code
        db.session.commit()
        flash("谢谢！你的纠错已提交，组织者会尽快核实。", "success")
        target = _local_path(form.next.data or "")
        if target:
            return redirect(target)
        return redirect(url_for(".report_question", question_id=row.id, sent=1))
    status = 400 if form.is_submitted() else 200
    # a bank kept 仅用于竞赛 shows its questions to organizers only: anyone may still report one
    # (from a 答题赛's result page, which shows it), but its id does not read the bank out
    hidden = row.material.contest_only and not getattr(current_user, "is_organizer", False)
    return render_template(
        "workbench/report.html", form=form, row=row, sent=request.args.get("sent"), hidden=hidden
    ), status


def _local_path(url: str) -> str:
    """A path on this site to go back to (the page the reader came from), or ''."""
    if any(ch in url for ch in "\\\r\n\t"):  # a browser reads /\evil.example as //evil.example
        return ""
    parts = urlsplit(url)
    if parts.netloc and parts.netloc != request.host:
        return ""
    path = parts.path
    if not path.startswith("/") or path.startswith("//") or "/report" in path:
        return ""
    return path + (f"?{parts.query}" if parts.query else "")


@bp.post("/reports/<int:report_id>/resolve")
@organizer_required
def resolve_report(report_id: int):
    report = db.get_or_404(QuestionReport, report_id)
    services.close_report(report, "resolved", user=_user())
    db.session.commit()
    flash("已标为已处理。", "success")
    return redirect(url_for(".edit_question", question_id=report.question_id))


@bp.post("/reports/<int:report_id>/dismiss")
@organizer_required
def dismiss_report(report_id: int):
    report = db.get_or_404(QuestionReport, report_id)
    services.close_report(report, "dismissed", user=_user())
    db.session.commit()
    flash("已标为不采纳。", "success")
    return redirect(url_for(".edit_question", question_id=report.question_id))


# ---------------------------------------------------------------------------- import / export


@bp.route("/import", methods=["GET", "POST"])
@organizer_required
def import_bank():
    form = ImportForm()
    materials = db.session.scalars(select(Material).order_by(Material.id.desc())).all()
    form.material.choices = [SelectChoice(0, "新建一份材料")] + [
        SelectChoice(m.id, m.title) for m in materials
    ]
    if request.method == "GET":
        form.material.data = request.args.get("material", 0, type=int)
    if form.validate_on_submit():
        storage = form.file.data
        filename = storage.filename or ""
        data = storage.read(current_app.config["MAX_UPLOAD_BYTES"] + 1)
        if len(data) > current_app.config["MAX_UPLOAD_BYTES"]:
            abort(413)
        try:
            parsed = parse_bank_file(data, filename)
        except BankFileError as exc:
            form.file.errors = [exc.message]
            return render_template("workbench/import.html", form=form), 400
        if form.material.data:
            material = db.get_or_404(Material, form.material.data)
        else:
            title = form.title.data or parsed.title or PurePath(filename).stem
            material = services.material_for_import(title, user=_user(), filename=filename)
        imported, rejected = services.import_questions(
            material, parsed, user=_user(), filename=filename
        )
        db.session.commit()
        return render_template(
            "workbench/import_result.html",
            material=material,
            imported=imported,
            rejected=rejected,
            unmapped=parsed.unmapped,
            filename=filename,
        )
    status = 400 if form.is_submitted() else 200
    return render_template("workbench/import.html", form=form), status


@bp.get("/import/template.xlsx")
@organizer_required
def import_template():
    return _download(exporting.template_xlsx(), "题库导入模板.xlsx", XLSX)


@bp.get("/materials/<int:material_id>/export.<fmt>")
@organizer_required
def export_bank(material_id: int, fmt: str):
    material = db.get_or_404(Material, material_id)
    if fmt not in EXPORT_TYPES:
        abort(404)
    include_disabled = request.args.get("all") == "1"
    rows = services.export_dicts(
        services.bank_questions(material.id, include_disabled=include_disabled)
    )
    if fmt == "xlsx":
        data: bytes | str = exporting.to_xlsx(rows, sheet_title=material.title)
    elif fmt == "json":
        data = exporting.to_json(rows)
    else:
        data = exporting.to_gift(rows, category=material.title)
    suffix = "txt" if fmt == "gift" else fmt
    name = f"{material.title[:40]}-题库{'-GIFT' if fmt == 'gift' else ''}.{suffix}"
    return _download(data, name, EXPORT_TYPES[fmt])


@bp.get("/paper")
@organizer_required
def paper():
    ids = [
        int(i)
        for i in request.args.getlist("ids")
        if i.isascii() and i.isdigit() and len(i) <= 10 and valid_id(int(i))
    ]
    material_id = id_arg("material")
    title = (request.args.get("title") or "").strip()[:100]
    if ids:
        rows = db.session.scalars(select(BankQuestion).where(BankQuestion.id.in_(ids))).all()
        order = {qid: n for n, qid in enumerate(ids)}
        rows = sorted(rows, key=lambda r: order[r.id])
    elif material_id:
        material = db.get_or_404(Material, material_id)
        rows = services.bank_questions(material.id)
        title = title or material.title
    else:
        flash("请先在题库列表里勾选题目，或从材料页打印整套题。", "info")
        # back to the list as it was filtered (the material, the kind …), not to all questions
        back = _local_path(request.referrer or "")
        listed = url_for(".questions")
        return redirect(back if back.split("?")[0] == listed else listed)
    sections = []
    for kind in ("single", "multiple", "judge", "cloze"):
        items = [r for r in rows if r.kind == kind]
        if items:
            sections.append((kind, items))
    return render_template(
        "workbench/paper.html", sections=sections, title=title or "自测试卷", total=len(rows)
    )


# ---------------------------------------------------------------------------- statistics


@bp.get("/stats")
@organizer_required
def stats():
    material_id = id_arg("material")
    pairs = services.question_statistics(material_id)
    materials = db.session.scalars(select(Material).order_by(Material.id.desc())).all()
    contests = services.contest_statistics()
    return render_template(
        "workbench/stats.html",
        pairs=pairs,
        materials=materials,
        material_id=material_id,
        contests=contests,
    )


@bp.get("/stats.xlsx")
@organizer_required
def stats_export():
    from openpyxl import Workbook

    material_id = id_arg("material")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "题目统计"
    sheet.append(["题目编号", "材料", "题型", "题干", "作答人次", "正确率", "区分度", "提示"])
    for row, s in services.question_statistics(material_id):
        sheet.append(
            [
                row.id,
                row.material.title,
                exporting.KIND_LABELS[row.kind],
                row.stem,
                s.answered,
                as_fraction(s.right_percent),
                None if s.discrimination is None else round(s.discrimination, 4),
                "、".join(s.flag_labels),
            ]
        )
    contests = services.contest_statistics()
    sheet = workbook.create_sheet("竞赛")
    sheet.append(["类型", "竞赛", "参加人数", "应参加人数", "参与率", "平均分", "最高分", "单位"])
    for c in contests:
        s = c["summary"]
        sheet.append(
            [
                c["kind"],
                c["title"],
                s.participants,
                s.expected,
                as_fraction(s.participation_percent),
                _r(s.average),
                _r(s.best),
                c["unit"],
            ]
        )
    sheet = workbook.create_sheet("队伍")
    sheet.append(
        ["竞赛", "队伍/支部", "参加人数", "应参加人数", "参与率", "平均分", "最高分", "单位"]
    )
    for c in contests:
        for t in c["teams"]:
            sheet.append(
                [
                    c["title"],
                    t.name,
                    t.participants,
                    t.expected,
                    as_fraction(t.participation_percent),
                    _r(t.average),
                    _r(t.best),
                    c["unit"],
                ]
            )
    # the rates as the page shows them (13%, quizapp.percent), not 0.125
    for name, column in (("题目统计", "F"), ("竞赛", "E"), ("队伍", "E")):
        for cell in workbook[name][column][1:]:
            cell.number_format = "0%"
    keep_text(workbook)  # a contest or team named "=3+4" stays text, never a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _download(buffer.getvalue(), "成绩与题目统计.xlsx", XLSX)


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# ---------------------------------------------------------------------------- audit log


@bp.get("/audit")
@organizer_required
def audit():
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    material_id = id_arg("material")
    question_id = id_arg("question")
    if material_id:
        query = query.where(AuditEntry.material_id == material_id)
    if question_id:
        query = query.where(
            AuditEntry.target_type == "question", AuditEntry.target_id == question_id
        )
    page = db.paginate(query, page=page_number(), per_page=30, error_out=False)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template(
        "workbench/audit.html",
        page=page,
        args=args,
        labels=services.ACTION_LABELS,
        fields=services.FIELD_LABELS,
    )


# ---------------------------------------------------------------------------- lexicon (admins)


@bp.get("/lexicon")
@admin_required
def lexicon():
    from ..bank.lexicon import formula_dicts
    from ..models import LexiconEntry

    edited = {e.name: e for e in db.session.scalars(select(LexiconEntry))}
    counts = dict(
        db.session.execute(
            select(BankQuestion.formula, func.count())
            .where(BankQuestion.formula.is_not(None), BankQuestion.status != "disabled")
            .group_by(BankQuestion.formula)
        ).all()
    )
    return render_template(
        "workbench/lexicon.html", formulas=formula_dicts(), edited=edited, counts=counts
    )


@bp.route("/lexicon/edit", methods=["GET", "POST"])
@admin_required
def edit_formula():
    from datetime import date

    from ..bank.lexicon import formula_dicts

    name = (request.args.get("name") or "").strip()
    current = next((f for f in formula_dicts() if f["name"] == name), None) if name else None
    if name and current is None:
        abort(404)
    form = FormulaForm()
    if request.method == "GET" and current is not None:
        form.name.data = current["name"]
        form.members.data = "\n".join(current.get("members", []))
        form.variants.data = "、".join(current.get("variants", []))
        form.category.data = current.get("category", "")
        form.origin.data = current.get("origin", "")
        form.foils.data = "、".join(current.get("foils", []))
        form.note.data = current.get("note", "")
        form.source.data = ""  # a change needs the source checked for it
    if current is not None:
        form.name.data = current["name"]  # renaming would orphan the questions built on it
    if form.validate_on_submit():
        values = form.values()
        if current is None and any(f["name"] == values["name"] for f in formula_dicts()):
            form.name.errors = ["已有同名的提法，请在列表里点它来修改。"]
        else:
            _entry, flagged = services.save_formula(values, user=_user())
            db.session.commit()
            message = f"已保存提法“{values['name']}”。"
            if flagged:
                message += f"{flagged} 道基于它的题目已标为“待复核”。"
            flash(message, "success")
            if flagged:
                return redirect(url_for(".questions", status="review", phrase=values["name"]))
            return redirect(url_for(".lexicon"))
    status = 400 if form.is_submitted() else 200
    return render_template(
        "workbench/formula_form.html", form=form, current=current, today=date.today().isoformat()
    ), status
