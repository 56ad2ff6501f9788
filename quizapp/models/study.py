"""Self-tests (练习/测验), their answers, and the 错题本 with its review schedule."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._common import JSONType, UTCDateTime, utcnow

ATTEMPT_MODES = ("practice", "exam", "review")


class Attempt(db.Model):
    """One self-test. A visitor's attempt carries `visitor_id` until they register."""

    __tablename__ = "attempts"
    __table_args__ = (
        CheckConstraint(f"mode IN {ATTEMPT_MODES!r}", name="mode_valid"),
        CheckConstraint("user_id IS NOT NULL OR visitor_id IS NOT NULL", name="has_owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)  # used in URLs
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    visitor_id: Mapped[str | None] = mapped_column(String(32), index=True)
    material_id: Mapped[int | None] = mapped_column(ForeignKey("materials.id", ondelete="SET NULL"))
    mode: Mapped[str] = mapped_column(String(16))
    kinds: Mapped[list[str]] = mapped_column(JSONType, default=list)
    question_ids: Mapped[list[int]] = mapped_column(JSONType, default=list)  # in asked order
    time_limit_s: Mapped[int | None] = mapped_column()
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    score: Mapped[int] = mapped_column(default=0)  # right answers
    total: Mapped[int] = mapped_column(default=0)

    answers: Mapped[list[AttemptAnswer]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="AttemptAnswer.position"
    )

    def __repr__(self) -> str:
        return f"<Attempt {self.id} {self.mode} {self.score}/{self.total}>"


class AttemptAnswer(db.Model):
    """One answer in a self-test; the unique constraint makes a double submit count once."""

    __tablename__ = "attempt_answers"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(
        ForeignKey("bank_questions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    response: Mapped[Any] = mapped_column(JSONType)  # as given, in the engine's answer format
    is_correct: Mapped[bool] = mapped_column(default=False)
    time_taken_ms: Mapped[int | None] = mapped_column()
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="answers")

    def __repr__(self) -> str:
        return f"<AttemptAnswer {self.attempt_id}/{self.question_id} {self.is_correct}>"


class NotebookEntry(db.Model):
    """A question in a learner's 错题本, with its spaced-review schedule."""

    __tablename__ = "notebook_entries"
    __table_args__ = (
        UniqueConstraint("user_id", "question_id"),
        UniqueConstraint("visitor_id", "question_id"),
        CheckConstraint("user_id IS NOT NULL OR visitor_id IS NOT NULL", name="has_owner"),
        Index("ix_notebook_entries_due", "user_id", "mastered_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    visitor_id: Mapped[str | None] = mapped_column(String(32))
    question_id: Mapped[int] = mapped_column(ForeignKey("bank_questions.id", ondelete="CASCADE"))
    last_response: Mapped[Any] = mapped_column(JSONType)
    wrong_count: Mapped[int] = mapped_column(default=1)
    right_streak: Mapped[int] = mapped_column(default=0)
    interval_days: Mapped[int] = mapped_column(default=0)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    mastered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    source_kind: Mapped[str] = mapped_column(String(16), default="self")  # self | live | paper
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    question = relationship("BankQuestion")

    def __repr__(self) -> str:
        return f"<NotebookEntry {self.id} q{self.question_id} due {self.due_at:%Y-%m-%d}>"
