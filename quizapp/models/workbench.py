"""Organizer's workbench: audit log, 纠错 reports, lexicon edits, upload drafts, generation jobs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._common import JSONType, UTCDateTime, utcnow

REPORT_STATUSES = ("open", "resolved", "dismissed")
JOB_STATES = ("queued", "running", "done", "failed")


class AuditEntry(db.Model):
    """One change made by a person (or a command): who, when, what.

    `details` holds the changed fields as {"field": [old, new]} or other plain data.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(64), default="")  # name kept if the user goes
    action: Mapped[str] = mapped_column(String(32))
    target_type: Mapped[str] = mapped_column(String(16), default="")
    target_id: Mapped[int | None] = mapped_column()
    material_id: Mapped[int | None] = mapped_column(index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)

    def __repr__(self) -> str:
        return f"<AuditEntry {self.id} {self.action} {self.target_type}:{self.target_id}>"


class QuestionReport(db.Model):
    """纠错: a reader says a question is wrong; it lands in the organizers' review list."""

    __tablename__ = "question_reports"
    __table_args__ = (
        CheckConstraint(f"status IN {REPORT_STATUSES!r}", name="status_valid"),
        Index("ix_question_reports_question_status", "question_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("bank_questions.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reporter_key: Mapped[str] = mapped_column(String(64), index=True)  # user or hashed address
    category: Mapped[str] = mapped_column(String(32), default="")
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    question = relationship("BankQuestion")
    user = relationship("User", foreign_keys=[user_id])

    def __repr__(self) -> str:
        return f"<QuestionReport {self.id} q{self.question_id} {self.status}>"


class LexiconEntry(db.Model):
    """An admin's version of a formula: overrides the packaged one of the same name, or adds one."""

    __tablename__ = "lexicon_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    members: Mapped[list[str]] = mapped_column(JSONType, default=list)
    variants: Mapped[list[str]] = mapped_column(JSONType, default=list)
    category: Mapped[str] = mapped_column(String(32), default="")
    origin: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    effective: Mapped[str] = mapped_column(String(10), default="")  # ISO date
    note: Mapped[str] = mapped_column(Text, default="")
    foils: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # Everything else of the packaged formula (aliases, parts, cores …), kept as it was.
    extra: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<LexiconEntry {self.name}>"


class QuestionTombstone(db.Model):
    """A generated question a person deleted: regeneration must not bring it back."""

    __tablename__ = "question_tombstones"
    __table_args__ = (UniqueConstraint("material_id", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="CASCADE"))
    uid: Mapped[str] = mapped_column(String(40))
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<QuestionTombstone {self.material_id}/{self.uid}>"


class UploadDraft(db.Model):
    """A decoded upload waiting for its preview to be confirmed (not yet a material)."""

    __tablename__ = "upload_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)
    filename: Mapped[str] = mapped_column(String(255), default="")
    text: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<UploadDraft {self.token} {self.filename}>"


class GenerationJob(db.Model):
    """The state of a material's bank generation, polled by the "正在生成…" page."""

    __tablename__ = "generation_jobs"
    __table_args__ = (CheckConstraint(f"state IN {JOB_STATES!r}", name="state_valid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    material_id: Mapped[int] = mapped_column(
        ForeignKey("materials.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[str] = mapped_column(String(16), default="queued")
    message: Mapped[str] = mapped_column(Text, default="")
    questions: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def __repr__(self) -> str:
        return f"<GenerationJob {self.id} m{self.material_id} {self.state}>"
