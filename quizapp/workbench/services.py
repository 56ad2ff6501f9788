"""Workbench services: every change to a bank goes through here and is written to the audit log.

Services add and flush; the view or CLI command commits once.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import uuid
from collections import defaultdict
from datetime import timedelta
from typing import Any

from flask import Flask, current_app
from sqlalchemy import delete, func, select

from ..bank.services import new_material, regenerate_bank
from ..extensions import db
from ..generation.normalize import fold
from ..models import (
    AttemptAnswer,
    AuditEntry,
    BankQuestion,
    GenerationJob,
    LexiconEntry,
    Material,
    QuestionReport,
    QuestionTombstone,
    UploadDraft,
    User,
    utcnow,
)
from . import stats as st
from .importing import ParsedBank
from .questions import KIND_LABELS, same_question_key

EDITABLE_FIELDS = (
    "kind",
    "stem",
    "options",
    "answer",
    "accepted",
    "ordered",
    "keys",
    "explanation",
    "tags",
)
FIELD_LABELS = {
    "kind": "题型",
    "stem": "题干",
    "options": "选项",
    "answer": "答案",
    "accepted": "可接受写法",
    "ordered": "按顺序",
    "keys": "考点",
    "explanation": "解析",
    "tags": "标签",
    "status": "状态",
    "members": "规范表述",
    "variants": "别称",
    "category": "类别",
    "origin": "出处",
    "source": "核对来源",
    "effective": "生效日期",
    "note": "备注",
    "foils": "干扰项",
    "title": "标题",
}
STATUS_LABELS = {"active": "启用", "disabled": "停用", "review": "待复核"}
ACTION_LABELS = {
    "material.add": "添加材料",
    "material.edit": "修改材料",
    "material.contest_only": "开放范围",
    "bank.generate": "生成题库",
    "bank.regenerate": "重新生成",
    "bank.import": "导入题目",
    "question.add": "手工加题",
    "question.edit": "修改题目",
    "question.status": "启用/停用",
    "question.confirm": "确认可用",
    "question.delete": "删除题目",
    "question.regrade": "重新评分",
    "report.add": "学员纠错",
    "report.close": "处理纠错",
    "lexicon.edit": "修改提法",
    "lexicon.add": "新增提法",
}
REPORT_WINDOW = timedelta(minutes=10)
REPORTS_PER_WINDOW = 5
DRAFT_LIFETIME = timedelta(days=1)
STALE_JOB = timedelta(minutes=15)


class WorkbenchError(ValueError):
    """An action that cannot be done; ``message`` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ------------------------------------------------------------------------------ audit log


def record(
    action: str,
    summary: str,
    *,
    user: User | None = None,
    target_type: str = "",
    target_id: int | None = None,
    material_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry: who (``user``, or the command line), when (now), what."""
    user_id = getattr(user, "id", None)
    entry = AuditEntry(
        user_id=user_id,
        actor=(getattr(user, "display_name", None) or "命令行")[:64],
        action=action,
        target_type=target_type,
        target_id=target_id,
        material_id=material_id,
        summary=summary[:2000],
        details=details or {},
    )
    db.session.add(entry)
    return entry


def record_question(
    row: BankQuestion,
    action: str,
    summary: str,
    *,
    user: User | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """:func:`record` of what was done to the question ``row`` (its id and material)."""
    return record(
        action,
        summary,
        user=user,
        target_type="question",
        target_id=row.id,
        material_id=row.material_id,
        details=details,
    )


def set_contest_only(material: Material, value: bool, *, user: User | None = None) -> bool:
    """Turn 仅用于竞赛 on or off; False when it already was so (nothing written)."""
    if material.contest_only == value:
        return False
    material.contest_only = value
    record(
        "material.contest_only",
        ("设为仅用于竞赛：" if value else "向学员开放：") + _short(material.title),
        user=user,
        target_type="material",
        target_id=material.id,
        material_id=material.id,
        details={"contest_only": value},
    )
    db.session.flush()
    return True


def _short(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[:n] + "…"


# ------------------------------------------------------------------------------ questions


def lock_material(material_id: int) -> None:
    """Make the changes to one material's bank wait for each other (PostgreSQL locks the
    material's row; an SQLite writer holds the database's lock from its first statement).

    Adding, importing and deleting read the bank and then write it: two requests at once (a
    form sent twice) would both find the bank without the new question and add it twice."""
    db.session.execute(select(Material.id).where(Material.id == material_id).with_for_update())


def lock_question(question_id: int) -> BankQuestion | None:
    """The question, its row locked for a change (None once another request deleted it)."""
    return db.session.scalar(
        select(BankQuestion)
        .where(BankQuestion.id == question_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def question_snapshot(row: BankQuestion) -> dict[str, Any]:
    data = {name: getattr(row, name) for name in EDITABLE_FIELDS}
    data["status"] = row.status
    return data


def update_question(
    row: BankQuestion, fields: dict[str, Any], *, status: str | None, user: User | None
) -> dict[str, list[Any]]:
    """Apply a person's edit; returns the changes {field: [old, new]} (nothing when unchanged)."""
    changes: dict[str, list[Any]] = {}
    for name in EDITABLE_FIELDS:
        if name not in fields or name == "keys":  # the engine's key phrases stay as they were
            continue
        old, new = getattr(row, name), fields[name]
        if old != new:
            changes[name] = [old, new]
            setattr(row, name, new)
    if status is not None and status != row.status:
        changes["status"] = [row.status, status]
        row.status = status
        row.retired = False
    if not changes:
        return changes
    if set(changes) - {"status"}:
        row.edited = True
        # the confidence gate judged the engine's wording, unread by anyone; once a person has
        # edited the question and kept it, it is theirs, as a question they made (never weak)
        row.weak = False
    record_question(
        row,
        "question.edit",
        f"修改了题目 #{row.id}“{_short(row.stem)}”：" + "、".join(FIELD_LABELS[k] for k in changes),
        user=user,
        details=changes,
    )
    db.session.flush()
    return changes


def set_status(row: BankQuestion, status: str, *, user: User | None) -> None:
    if status == row.status and not row.retired:
        return
    old = row.status
    row.status = status
    row.retired = False  # a person decided: regeneration leaves it as it is
    record_question(
        row,
        "question.status",
        f"把题目 #{row.id}“{_short(row.stem)}”设为{STATUS_LABELS[status]}",
        user=user,
        details={"status": [old, status]},
    )
    db.session.flush()


def confirm_question(row: BankQuestion, *, user: User | None, review: str | None = None) -> bool:
    """确认可用: an organizer lets a question the engine doubts (``weak``) be served as it is
    worded. ``confirmed`` keeps the decision through regeneration (bank.services._kept). False
    when there is nothing to confirm (the row is not doubted, or not active: a disabled or 待复核
    row is not served either way): nothing is written. ``review``: the reason (possibly empty)
    of the bundled material's shipped review (bank.review), which confirms as an organizer
    would."""
    if not row.doubted:
        return False
    row.weak = False
    row.confirmed = True
    details: dict[str, Any] = {"weak": [True, False]}
    if review is not None:
        summary = f"随附审阅确认了题目 #{row.id}可以出给学员：{review}"
        details["review"] = review
    else:
        summary = f"确认题目 #{row.id}“{_short(row.stem)}”可以出给学员"
    record_question(
        row,
        "question.confirm",
        summary,
        user=user,
        details=details,
    )
    db.session.flush()
    return True


def answer_count(question_id: int) -> int:
    """Answers stored against a question, in self-tests and contests."""
    from ..models import PaperAnswer

    total = db.session.scalar(
        select(func.count())
        .select_from(AttemptAnswer)
        .where(AttemptAnswer.question_id == question_id)
    )
    total += db.session.scalar(
        select(func.count()).select_from(PaperAnswer).where(PaperAnswer.question_id == question_id)
    )
    return int(total or 0)


def papers_under_way(question_id: int) -> int:
    """答题赛 papers being answered now (started, not handed in, time not up) that hold the
    question. Few at any time: papers close at their deadline."""
    from ..contests.services import GRACE, now
    from ..models import PaperAttempt

    drawn = db.session.scalars(
        select(PaperAttempt.question_ids).where(
            PaperAttempt.finished_at.is_(None), PaperAttempt.deadline_at >= now() - GRACE
        )
    )
    return sum(1 for ids in drawn if question_id in (ids or []))


def delete_question(row: BankQuestion, *, user: User | None) -> None:
    """Delete a question nobody answered yet (answered ones are disabled instead), unless a
    答题赛 paper being answered holds it: the paper would lose a question it is scored on."""
    answered = answer_count(row.id)
    if answered:
        raise WorkbenchError(
            f"这道题已有 {answered} 条作答记录，删除会丢掉统计和错题本；请改为“停用”。"
        )
    sitting = papers_under_way(row.id)
    if sitting:
        raise WorkbenchError(
            f"这道题在 {sitting} 份正在作答的答题赛试卷上，删除会让这些试卷少一道题；"
            "请改为“停用”（已抽到它的试卷照常作答），或等这些试卷交卷后再删除。"
        )
    if row.origin == "generated":
        exists = db.session.scalar(
            select(QuestionTombstone.id).where(
                QuestionTombstone.material_id == row.material_id, QuestionTombstone.uid == row.uid
            )
        )
        if exists is None:
            db.session.add(QuestionTombstone(material_id=row.material_id, uid=row.uid))
    record_question(
        row,
        "question.delete",
        f"删除了题目 #{row.id}“{_short(row.stem)}”",
        user=user,
        details={"question": {**question_snapshot(row), "uid": row.uid, "origin": row.origin}},
    )
    db.session.delete(row)
    db.session.flush()


def new_uid(prefix: str = "m") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:16]}"


def existing_keys(material_id: int) -> set[tuple[str, str]]:
    rows = db.session.execute(
        select(BankQuestion.kind, BankQuestion.stem).where(BankQuestion.material_id == material_id)
    )
    return {same_question_key(kind, stem) for kind, stem in rows}


def create_question(
    material: Material, fields: dict[str, Any], *, user: User | None
) -> BankQuestion:
    lock_material(material.id)
    if same_question_key(fields["kind"], fields["stem"]) in existing_keys(material.id):
        raise WorkbenchError("题库里已经有一道题型和题干都相同的题。")
    row = BankQuestion(material_id=material.id, uid=new_uid("m"), origin="manual", **fields)
    db.session.add(row)
    db.session.flush()
    record_question(
        row,
        "question.add",
        f"手工添加了{KIND_LABELS[row.kind]}题 #{row.id}“{_short(row.stem)}”",
        user=user,
        details={"question": question_snapshot(row)},
    )
    return row


# ------------------------------------------------------------------------------ materials


def material_for_import(title: str, *, user: User | None, filename: str = "") -> Material:
    """A material to hold an imported bank that came without its text."""
    title = (title or "").strip() or "导入的题库"
    marker = uuid.uuid4().hex
    material = Material(
        title=title[:200],
        source=f"导入自 {filename}"[:300] if filename else "导入的题库",
        text=f"（本材料由导入的题库创建，没有原文。）\n{title}",
        content_hash="import-" + marker,
        char_count=0,
        created_by_id=getattr(user, "id", None),
        generated_at=utcnow(),
    )
    db.session.add(material)
    db.session.flush()
    record(
        "material.add",
        f"为导入的题库新建材料《{material.title}》",
        user=user,
        target_type="material",
        target_id=material.id,
        material_id=material.id,
    )
    return material


def import_questions(
    material: Material, parsed: ParsedBank, *, user: User | None, filename: str = ""
) -> tuple[int, list[dict[str, Any]]]:
    """Add the parsed questions to a material; returns (imported, rejected rows).

    A row asking what the bank already asks (same kind and folded stem) is rejected, so importing
    a bank twice does not double it (also when the two imports arrive at once). Engine ids
    from JSON are kept unless already taken.
    """
    lock_material(material.id)
    keys = existing_keys(material.id)
    uids = set(
        db.session.scalars(select(BankQuestion.uid).where(BankQuestion.material_id == material.id))
    )
    rejected = list(parsed.rejected)
    imported = 0
    for row_number, fields in parsed.questions:
        key = same_question_key(fields["kind"], fields["stem"])
        if key in keys:
            rejected.append({"row": row_number, "reason": "题库里已有相同的题目（题型和题干相同）"})
            continue
        keys.add(key)
        fields = dict(fields)
        uid = fields.pop("uid", None)
        if not uid or uid in uids:
            uid = new_uid("i")
        uids.add(uid)
        db.session.add(BankQuestion(material_id=material.id, uid=uid, origin="imported", **fields))
        imported += 1
    rejected.sort(key=lambda r: r["row"])
    db.session.flush()
    record(
        "bank.import",
        f"向《{material.title}》导入 {imported} 道题"
        + (f"，{len(rejected)} 行未导入" if rejected else ""),
        user=user,
        target_type="material",
        target_id=material.id,
        material_id=material.id,
        details={
            "file": filename,
            "imported": imported,
            "rejected": rejected[:200],
            "unmapped": parsed.unmapped,
        },
    )
    return imported, rejected


def bank_questions(material_id: int, *, include_disabled: bool = False) -> list[BankQuestion]:
    query = select(BankQuestion).where(BankQuestion.material_id == material_id)
    if not include_disabled:
        query = query.where(BankQuestion.status != "disabled")
    return list(db.session.scalars(query.order_by(BankQuestion.id)))


def export_dicts(rows: list[BankQuestion]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        data = row.to_engine_dict()
        data["tags"] = list(row.tags or [])
        out.append(data)
    return out


# ------------------------------------------------------------------------------ uploads


def create_draft(text: str, filename: str, *, user: User | None) -> UploadDraft:
    db.session.execute(
        delete(UploadDraft).where(UploadDraft.created_at < utcnow() - DRAFT_LIFETIME)
    )
    draft = UploadDraft(
        token=secrets.token_hex(16),
        filename=(filename or "")[:255],
        text=text,
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(draft)
    db.session.flush()
    return draft


def confirm_draft(draft: UploadDraft, *, title: str, source: str, user: User | None) -> Material:
    material = new_material(
        draft.text, title=title, source=source, created_by_id=getattr(user, "id", None)
    )
    record(
        "material.add",
        f"添加材料《{material.title}》（{material.char_count} 字，文件 {draft.filename}）",
        user=user,
        target_type="material",
        target_id=material.id,
        material_id=material.id,
        details={"filename": draft.filename, "source": material.source},
    )
    db.session.delete(draft)
    db.session.flush()
    return material


def start_job(material: Material, *, user: User | None) -> GenerationJob:
    job = GenerationJob(material_id=material.id, created_by_id=getattr(user, "id", None))
    db.session.add(job)
    db.session.flush()
    return job


def latest_job(material_id: int) -> GenerationJob | None:
    return db.session.scalar(
        select(GenerationJob)
        .where(GenerationJob.material_id == material_id)
        .order_by(GenerationJob.id.desc())
        .limit(1)
    )


def job_is_stale(job: GenerationJob) -> bool:
    started = job.started_at or job.created_at
    return job.state in ("queued", "running") and utcnow() - started > STALE_JOB


def run_job(job_id: int) -> None:
    """Generate (or regenerate) the bank of a job's material; records the outcome on the job."""
    from ..bank.lexicon import current_lexicon
    from ..bank.services import run_engine

    job = db.session.get(GenerationJob, job_id)
    if job is None or job.state not in ("queued",):
        return
    job.state, job.started_at = "running", utcnow()
    material = db.session.get(Material, job.material_id)
    text, lexicon = material.text, current_lexicon()
    db.session.commit()  # the engine runs with no transaction open (no write lock held)
    try:
        output = run_engine(text, lexicon)
        material = db.session.get(Material, job.material_id)
        user = db.session.get(User, job.created_by_id) if job.created_by_id else None
        first = material.generated_at is None
        bank = regenerate_bank(material, output=output)
        summary = (
            f"为《{material.title}》生成题库：{bank.added} 道新题"
            if first
            else f"重新生成《{material.title}》的题库：新增 {bank.added}，更新 {bank.updated}，"
            f"未变 {bank.unchanged}，保留 {bank.kept}，退役 {bank.retired}"
            + (f"，{bank.rescored} 道题答案有变、已按新答案重新评分" if bank.rescored else "")
            + (f"，{bank.split} 道题问法变了、答过的旧版停用保留" if bank.split else "")
        )
        record(
            "bank.generate" if first else "bank.regenerate",
            summary,
            user=user,
            target_type="material",
            target_id=material.id,
            material_id=material.id,
            details={
                "added": bank.added,
                "updated": bank.updated,
                "unchanged": bank.unchanged,
                "kept": bank.kept,
                "retired": bank.retired,
                "revived": bank.revived,
                "duplicates": bank.duplicates,
                "rescored": bank.rescored,
                "split": bank.split,
            },
        )
        job.state = "done"
        job.questions = db.session.scalar(
            select(func.count())
            .select_from(BankQuestion)
            .where(BankQuestion.material_id == material.id, BankQuestion.status != "disabled")
        )
        job.message = summary
    except Exception as exc:  # noqa: BLE001 — the job page must say what happened
        db.session.rollback()
        current_app.logger.exception("generation failed", exc_info=exc)
        job = db.session.get(GenerationJob, job_id)
        job.state = "failed"
        job.message = "生成失败，请稍后重试；如果一再失败，请联系管理员查看日志。"
    job.finished_at = utcnow()
    db.session.commit()


def launch_job(app: Flask, job_id: int) -> None:
    """Run a committed job: in a background thread, or right away when configured (tests)."""
    if app.config.get("WORKBENCH_GENERATE_INLINE"):
        run_job(job_id)
        return

    def work() -> None:
        with app.app_context():
            try:
                run_job(job_id)
            finally:
                db.session.remove()

    threading.Thread(target=work, name=f"generate-{job_id}", daemon=True).start()


# ------------------------------------------------------------------------------ 纠错 reports


def reporter_key(user: User | None, address: str | None) -> str:
    if user is not None and getattr(user, "is_authenticated", False):
        return f"u{user.id}"
    secret = current_app.config.get("SECRET_KEY") or ""
    return "a" + hashlib.sha256(f"{secret}|{address or ''}".encode()).hexdigest()[:40]


def check_report_allowed(question_id: int, key: str) -> None:
    """Light rate limit: a few reports per reader per window, one open report per question."""
    since = utcnow() - REPORT_WINDOW
    recent = db.session.scalar(
        select(func.count())
        .select_from(QuestionReport)
        .where(QuestionReport.reporter_key == key, QuestionReport.created_at >= since)
    )
    if recent >= REPORTS_PER_WINDOW:
        raise WorkbenchError("提交得太频繁了，请过几分钟再试。")
    duplicate = db.session.scalar(
        select(QuestionReport.id).where(
            QuestionReport.reporter_key == key,
            QuestionReport.question_id == question_id,
            QuestionReport.status == "open",
        )
    )
    if duplicate is not None:
        raise WorkbenchError("你已经报告过这道题，组织者处理前不必重复提交。")


def add_report(
    question: BankQuestion, *, category: str, reason: str, user: User | None, key: str
) -> QuestionReport:
    lock_question(question.id)  # one report, also when the form arrives twice at once
    check_report_allowed(question.id, key)
    report = QuestionReport(
        question_id=question.id,
        user_id=getattr(user, "id", None) if getattr(user, "is_authenticated", False) else None,
        reporter_key=key,
        category=category,
        reason=reason.strip()[:1000],
    )
    db.session.add(report)
    db.session.flush()
    return report


def close_report(report: QuestionReport, status: str, *, user: User | None) -> None:
    report.status = status
    report.resolved_by_id = getattr(user, "id", None)
    report.resolved_at = utcnow()
    record(
        "report.close",
        f"把题目 #{report.question_id} 的纠错标为{'已处理' if status == 'resolved' else '不采纳'}",
        user=user,
        target_type="question",
        target_id=report.question_id,
        material_id=report.question.material_id if report.question else None,
        details={"report": report.id, "reason": report.reason, "status": status},
    )
    db.session.flush()


def open_report_counts(question_ids: list[int]) -> dict[int, int]:
    if not question_ids:
        return {}
    rows = db.session.execute(
        select(QuestionReport.question_id, func.count())
        .where(QuestionReport.question_id.in_(question_ids), QuestionReport.status == "open")
        .group_by(QuestionReport.question_id)
    )
    return {qid: n for qid, n in rows}


# ------------------------------------------------------------------------------ lexicon


# the fields of a formula an admin edits, in the order a change is logged; the lists among them
_FORMULA_FIELDS = (
    "members",
    "variants",
    "category",
    "origin",
    "source",
    "effective",
    "note",
    "foils",
)
_FORMULA_LISTS = ("members", "variants", "foils")


def _formula_field(values: dict[str, Any], field: str) -> Any:
    """A formula's ``field`` in ``values`` (a form's, or the packaged formula's): empty if
    absent."""
    return values.get(field, [] if field in _FORMULA_LISTS else "")


def save_formula(values: dict[str, Any], *, user: User | None) -> tuple[LexiconEntry, int]:
    """Store an admin's version of a formula; flag the active questions built on it for review
    when its 规范表述 (members) changed. Returns (entry, questions flagged)."""
    from ..bank.lexicon import formula_dicts

    name = values["name"]
    before = next((f for f in formula_dicts() if f["name"] == name), None)
    entry = db.session.scalar(select(LexiconEntry).where(LexiconEntry.name == name))
    if entry is None:
        entry = LexiconEntry(name=name, extra={})
        db.session.add(entry)
    for field in _FORMULA_FIELDS:
        setattr(entry, field, _formula_field(values, field))
    entry.updated_by_id = getattr(user, "id", None)
    entry.updated_at = utcnow()
    changes = {}
    for field in _FORMULA_FIELDS:
        old = _formula_field(before or {}, field)
        new = getattr(entry, field)
        if list(old) != list(new) if isinstance(new, list) else (old or "") != (new or ""):
            changes[field] = [old, new]
    flagged = 0
    if before is not None and list(before.get("members", [])) != list(entry.members):
        rows = db.session.scalars(
            select(BankQuestion).where(
                BankQuestion.formula == name, BankQuestion.status == "active"
            )
        ).all()
        for row in rows:
            row.status = "review"
        flagged = len(rows)
    db.session.flush()
    record(
        "lexicon.add" if before is None else "lexicon.edit",
        (
            f"新增提法“{name}”"
            if before is None
            else f"修改提法“{name}”：" + ("、".join(FIELD_LABELS[k] for k in changes) or "无变化")
        )
        + (f"；{flagged} 道相关题目标为待复核" if flagged else ""),
        user=user,
        target_type="formula",
        target_id=entry.id,
        details={"name": name, "changes": changes, "flagged": flagged},
    )
    return entry, flagged


# ------------------------------------------------------------------------------ statistics


def collect_responses(material_id: int | None = None) -> list[st.Response]:
    """Every answer to bank questions: self-tests (finished or not: practice is rarely "submitted"),
    paper contests and live rounds. One taker per attempt or live player."""
    from ..models import LiveAnswer, LiveQuestion, PaperAnswer

    def scoped(query, column):  # noqa: ANN001, ANN202
        if material_id is None:
            return query
        return query.join(BankQuestion, BankQuestion.id == column).where(
            BankQuestion.material_id == material_id
        )

    sources = (  # (taker prefix, taker, question, correct, response, extra clauses)
        ("a", AttemptAnswer.attempt_id, AttemptAnswer.question_id, AttemptAnswer.is_correct,
         AttemptAnswer.response, ()),
        ("p", PaperAnswer.attempt_id, PaperAnswer.question_id, PaperAnswer.is_correct,
         PaperAnswer.response, ()),
        ("l", LiveAnswer.player_id, LiveQuestion.bank_question_id, LiveAnswer.correct,
         LiveAnswer.response, (LiveQuestion.bank_question_id.is_not(None),)),
    )  # fmt: skip
    out: list[st.Response] = []
    for prefix, taker, question, correct, response, extra in sources:
        query = select(taker, question, correct, response).where(*extra)
        if prefix == "l":
            query = query.join(LiveQuestion, LiveQuestion.id == LiveAnswer.question_id)
        rows = db.session.execute(scoped(query, question))
        out += [st.Response(f"{prefix}{t}", q, bool(c), r) for t, q, c, r in rows]
    return out


def question_statistics(
    material_id: int | None = None,
) -> list[tuple[BankQuestion, st.QuestionStats]]:
    """(question, stats) for every answered question, flagged ones first."""
    responses = collect_responses(material_id)
    ids = {r.question_id for r in responses}
    if not ids:
        return []
    rows = {
        q.id: q for q in db.session.scalars(select(BankQuestion).where(BankQuestion.id.in_(ids)))
    }
    infos = [st.QuestionInfo(q.id, q.kind, tuple(q.options or ()), q.answer) for q in rows.values()]
    result = st.question_stats(responses, infos)
    pairs = [(rows[qid], s) for qid, s in result.items()]
    pairs.sort(key=lambda p: (-len(p[1].flags), p[0].material_id, p[0].id))
    return pairs


def contest_statistics() -> list[dict[str, Any]]:
    """Per contest (paper and live) and per team: participants, participation, average, best.

    Paper contests: a participant's score is their best finished attempt, in % of its questions;
    teams are 支部/小组; the expected number is the roster (groups' members plus listed users).
    Live rounds: a player's score is their points; teams are the team names players gave.
    """
    from ..models import Group, LiveContest, LivePlayer, PaperAttempt, PaperContest

    out: list[dict[str, Any]] = []
    for contest in db.session.scalars(select(PaperContest).order_by(PaperContest.id.desc())):
        roster: set[int] = {ru.user_id for ru in contest.roster_users}
        group_ids = [rg.group_id for rg in contest.roster_groups]
        if group_ids:
            roster |= set(
                db.session.scalars(
                    select(User.id).where(User.group_id.in_(group_ids), User.active.is_(True))
                )
            )
        best: dict[int, float] = {}
        for attempt in db.session.scalars(
            select(PaperAttempt).where(
                PaperAttempt.contest_id == contest.id, PaperAttempt.finished_at.is_not(None)
            )
        ):
            pct = 100 * attempt.score / attempt.total if attempt.total else 0.0
            best[attempt.user_id] = max(best.get(attempt.user_id, 0.0), pct)
        users = (
            {
                u.id: u
                for u in db.session.scalars(select(User).where(User.id.in_(set(best) | roster)))
            }
            if (best or roster)
            else {}
        )
        groups = {g.id: g.name for g in db.session.scalars(select(Group))}
        team_scores: dict[str, list[float]] = defaultdict(list)
        team_expected: dict[str, int] = defaultdict(int)
        for uid, score in best.items():
            user = users.get(uid)
            team_scores[groups.get(user.group_id, "未分组") if user else "未分组"].append(score)
        for uid in roster:
            user = users.get(uid)
            team_expected[groups.get(user.group_id, "未分组") if user else "未分组"] += 1
        teams = [
            st.summarize_scores(name, team_scores.get(name, []), team_expected.get(name) or None)
            for name in sorted(set(team_scores) | set(team_expected))
        ]
        out.append(
            {
                "kind": "答题赛",
                "title": contest.title,
                "unit": "%",
                "summary": st.summarize_scores(
                    contest.title, list(best.values()), len(roster) or None
                ),
                "teams": teams,
            }
        )
    for contest in db.session.scalars(select(LiveContest).order_by(LiveContest.id.desc())):
        players = db.session.scalars(
            select(LivePlayer).where(
                LivePlayer.contest_id == contest.id, LivePlayer.removed.is_(False)
            )
        ).all()
        by_team: dict[str, list[float]] = defaultdict(list)
        for player in players:
            by_team[player.team or "未填队伍"].append(float(player.score))
        out.append(
            {
                "kind": "现场赛",
                "title": contest.title,
                "unit": "分",
                "summary": st.summarize_scores(contest.title, [float(p.score) for p in players]),
                "teams": [st.summarize_scores(n, s) for n, s in sorted(by_team.items())],
            }
        )
    return out


def fold_search(text: str) -> str:
    return fold(text or "")
