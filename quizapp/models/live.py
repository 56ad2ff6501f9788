"""Live rounds (现场赛): the round, its questions, players and answers, and shared rate counters.

Everything a running round needs is here, in the database, so that any number of gunicorn
workers (or hosts sharing PostgreSQL) serve one consistent game. The round's status is derived
from these columns by :func:`quizapp.live.state.derive_status`, the one place it is decided.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._common import JSONType, UTCDateTime, utcnow

LIVE_SECONDS_RANGE = (10, 120)
LIVE_POINTS_RANGE = (100, 10000)
LIVE_STREAK_MAX = 500
CLOSED_BY = ("host", "deadline")


class LiveContest(db.Model):
    """A live round. `current_position` is 0 in the lobby, then the 1-based open/closed question.

    `finished_at` is set when the host advances past the last question. `ranked_through` is the
    last question position whose answers are in the players' stored standings. `roster_changes`
    counts the players who joined, were removed or came back once the round had started: the
    state every phone polls carries it, so a phone asks for its rank again when the number of
    players it is ranked among changes (in the lobby the phones ask every few seconds anyway).
    """

    __tablename__ = "live_contests"
    __table_args__ = (
        CheckConstraint(
            f"seconds_per_question BETWEEN {LIVE_SECONDS_RANGE[0]} AND {LIVE_SECONDS_RANGE[1]}",
            name="seconds_range",
        ),
        CheckConstraint(
            f"points_max BETWEEN {LIVE_POINTS_RANGE[0]} AND {LIVE_POINTS_RANGE[1]}",
            name="points_range",
        ),
        CheckConstraint(f"streak_bonus BETWEEN 0 AND {LIVE_STREAK_MAX}", name="streak_range"),
        CheckConstraint(
            "current_position >= 0 AND current_position <= question_count", name="position_valid"
        ),
        CheckConstraint("ranked_through <= current_position", name="ranked_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    title: Mapped[str] = mapped_column(String(100))
    host_token_hash: Mapped[str] = mapped_column(String(64))
    material_id: Mapped[int | None] = mapped_column(ForeignKey("materials.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    seconds_per_question: Mapped[int] = mapped_column(default=20)
    points_max: Mapped[int] = mapped_column(default=1000)
    streak_bonus: Mapped[int] = mapped_column(default=0)  # the most a streak adds; 0 = off
    lobby_locked: Mapped[bool] = mapped_column(default=False)
    question_count: Mapped[int] = mapped_column(default=0)
    current_position: Mapped[int] = mapped_column(default=0)
    ranked_through: Mapped[int] = mapped_column(default=0)
    roster_changes: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    questions: Mapped[list[LiveQuestion]] = relationship(
        back_populates="contest",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="LiveQuestion.position",
    )

    def __repr__(self) -> str:
        return (
            f"<LiveContest {self.id} {self.code} at {self.current_position}/{self.question_count}>"
        )


class LiveQuestion(db.Model):
    """One question of a round, with a snapshot of the bank question taken when it was made.

    `deadline` is an absolute server time (opened_at + seconds). A question is closed from its
    deadline on, whether or not `closed_at` has been written yet; `closed_at` is written when the
    question is settled (by the host's early close or lazily after the deadline).
    """

    __tablename__ = "live_questions"
    __table_args__ = (
        UniqueConstraint("contest_id", "position"),
        UniqueConstraint("contest_id", "uid"),
        CheckConstraint("position >= 1", name="position_positive"),
        CheckConstraint(f"closed_by IS NULL OR closed_by IN {CLOSED_BY!r}", name="closed_by_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("live_contests.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column()
    uid: Mapped[str] = mapped_column(String(40))  # the question's id in the API
    bank_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("bank_questions.id", ondelete="SET NULL")
    )
    question: Mapped[dict[str, Any]] = mapped_column(JSONType)  # engine format, frozen
    seconds: Mapped[int] = mapped_column()
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(16))

    contest: Mapped[LiveContest] = relationship(back_populates="questions")

    def __repr__(self) -> str:
        return f"<LiveQuestion {self.contest_id}#{self.position} {self.uid}>"


class LivePlayer(db.Model):
    """A player. The name is unique among the round's players still in it (a player the host
    removed keeps their name on the results page but no longer holds it: they, or anyone, may
    join again under it as a new player); the token is stored only as a hash.

    Joining order is the id order. `score`, `correct_count` and `right_ms` are the totals over
    the questions up to the round's `ranked_through`, rewritten when a question is settled (they
    never move while a question is open). No rank is stored: every screen ranks these totals
    (`standings`, `player_result`), so a player who joins or is removed moves the others' ranks
    at once.
    """

    __tablename__ = "live_players"
    __table_args__ = (
        Index(
            "uq_live_players_active_name",
            "contest_id",
            "name",
            unique=True,
            sqlite_where=text("NOT removed"),  # PostgreSQL's too: database.configure_engine
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(
        ForeignKey("live_contests.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(16))
    team: Mapped[str | None] = mapped_column(String(32))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    removed: Mapped[bool] = mapped_column(default=False)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    score: Mapped[int] = mapped_column(default=0)
    correct_count: Mapped[int] = mapped_column(default=0)
    right_ms: Mapped[int] = mapped_column(BigInteger, default=0)

    def __repr__(self) -> str:
        return f"<LivePlayer {self.id} {self.name} in {self.contest_id}>"


class LiveAnswer(db.Model):
    """A player's one answer to a question; the unique constraint makes it the only one.

    `canonical` is the engine's canonical form of the response (equal for equivalent answers);
    `elapsed_ms` is from the question's opening to the answer's arrival, capped at its seconds.
    `points` already include any streak bonus.
    """

    __tablename__ = "live_answers"
    __table_args__ = (
        UniqueConstraint("player_id", "question_id"),
        Index("ix_live_answers_question", "question_id", "correct"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("live_players.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("live_questions.id", ondelete="CASCADE"))
    response: Mapped[Any] = mapped_column(JSONType)
    canonical: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(default=False)
    points: Mapped[int] = mapped_column(default=0)
    elapsed_ms: Mapped[int] = mapped_column(default=0)
    arrived_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<LiveAnswer p{self.player_id} q{self.question_id} {self.correct} {self.points}>"


class RateCounter(db.Model):
    """A fixed-window request counter shared by every worker (key, minute) → count."""

    __tablename__ = "rate_counters"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    window: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # unix time // 60
    count: Mapped[int] = mapped_column(default=0)

    def __repr__(self) -> str:
        return f"<RateCounter {self.key}@{self.window}={self.count}>"
