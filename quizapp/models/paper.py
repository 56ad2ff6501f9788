"""Paper contests (答题赛): a random paper per person, one overall timer, ranking by score.

The invariants live in the database: one answer per attempt and question, one active attempt per
user and contest (a partial unique index), at most K attempts (unique attempt number).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._common import JSONType, UTCDateTime, utcnow

REVEAL_MODES = ("after_close", "immediately")
CLOSE_REASONS = ("submitted", "timeout")


class PaperContest(db.Model):
    __tablename__ = "paper_contests"
    __table_args__ = (
        CheckConstraint("closes_at > opens_at", name="window_valid"),
        CheckConstraint("time_limit_s > 0", name="time_limit_positive"),
        CheckConstraint("max_attempts >= 1", name="attempts_positive"),
        CheckConstraint(f"reveal IN {REVEAL_MODES!r}", name="reveal_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    material_id: Mapped[int | None] = mapped_column(
        ForeignKey("materials.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # {"single": 10, "multiple": 5, "judge": 5, "cloze": 5}
    kind_counts: Mapped[dict[str, int]] = mapped_column(JSONType, default=dict)
    time_limit_s: Mapped[int] = mapped_column()
    max_attempts: Mapped[int] = mapped_column(default=1)
    reveal: Mapped[str] = mapped_column(String(16), default="after_close")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set once every attempt is closed and its wrong answers are in the 错题本 (after closing).
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    material = relationship("Material")
    roster_groups: Mapped[list[PaperRosterGroup]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    roster_users: Mapped[list[PaperRosterUser]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    attempts: Mapped[list[PaperAttempt]] = relationship(
        back_populates="contest", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"<PaperContest {self.id} {self.title[:20]}>"

    @property
    def question_count(self) -> int:
        return sum(int(n) for n in (self.kind_counts or {}).values())


class PaperRosterGroup(db.Model):
    """A 支部 expected to take the contest: its members (at the time of reading) are expected."""

    __tablename__ = "paper_roster_groups"
    __table_args__ = (UniqueConstraint("contest_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("paper_contests.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))

    group = relationship("Group")

    def __repr__(self) -> str:
        return f"<PaperRosterGroup {self.contest_id}/{self.group_id}>"


class PaperRosterUser(db.Model):
    """One account expected to take the contest (from an uploaded roster)."""

    __tablename__ = "paper_roster_users"
    __table_args__ = (UniqueConstraint("contest_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("paper_contests.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))

    user = relationship("User")

    def __repr__(self) -> str:
        return f"<PaperRosterUser {self.contest_id}/{self.user_id}>"


class PaperAttempt(db.Model):
    """One sitting of a paper: the drawn questions in order and a deadline owned by the server."""

    __tablename__ = "paper_attempts"
    __table_args__ = (
        UniqueConstraint("contest_id", "user_id", "number"),
        Index(
            "uq_paper_attempts_one_active",
            "contest_id",
            "user_id",
            unique=True,
            sqlite_where=text("finished_at IS NULL"),  # PostgreSQL's too: database.configure_engine
        ),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint(
            f"close_reason IS NULL OR close_reason IN {CLOSE_REASONS!r}", name="reason_valid"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(
        ForeignKey("paper_contests.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(default=1)  # 1..max_attempts
    seed: Mapped[int] = mapped_column(db.BigInteger)
    question_ids: Mapped[list[int]] = mapped_column(JSONType, default=list)  # in paper order
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    close_reason: Mapped[str | None] = mapped_column(String(16))
    score: Mapped[int] = mapped_column(default=0)  # right answers
    total: Mapped[int] = mapped_column(default=0)
    time_used_ms: Mapped[int | None] = mapped_column()
    notebook_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    contest: Mapped[PaperContest] = relationship(back_populates="attempts")
    user = relationship("User")
    answers: Mapped[list[PaperAnswer]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"<PaperAttempt {self.id} c{self.contest_id} u{self.user_id} #{self.number}>"

    @property
    def is_active(self) -> bool:
        return self.finished_at is None


class PaperAnswer(db.Model):
    """The saved answer to one question of an attempt; saving again replaces it until the close."""

    __tablename__ = "paper_answers"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("paper_attempts.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(
        ForeignKey("bank_questions.id", ondelete="CASCADE"), index=True
    )
    response: Mapped[Any] = mapped_column(JSONType)  # in the engine's answer format
    canonical: Mapped[str] = mapped_column(String(2000), default="")
    is_correct: Mapped[bool] = mapped_column(default=False)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    attempt: Mapped[PaperAttempt] = relationship(back_populates="answers")

    def __repr__(self) -> str:
        return f"<PaperAnswer {self.attempt_id}/{self.question_id} {self.is_correct}>"
