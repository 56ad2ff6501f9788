"""Study materials and their question banks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    and_,
    false,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..generation.doubts import doubt_note
from ._common import JSONType, UTCDateTime, utcnow

QUESTION_KINDS = ("cloze", "single", "multiple", "judge")
QUESTION_STATUSES = ("active", "disabled", "review")
QUESTION_ORIGINS = ("generated", "manual", "imported")


class Material(db.Model):
    """A text to study. `content_hash` (of the folded text) makes re-adding a text idempotent."""

    __tablename__ = "materials"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    char_count: Mapped[int] = mapped_column(default=0)
    # The engine's key phrases, cached at generation: [{"text", "type", "start", "end", ...}]
    key_phrases: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    is_default: Mapped[bool] = mapped_column(default=False)
    # 仅用于竞赛: an organizer keeps the bank for 答题赛 and 现场赛 only. The study area
    # (reading, keyword pages, 练习/测验, 试卷, 错题本) neither lists nor shows it; contests
    # still draw from it.
    contest_only: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    generated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    questions: Mapped[list[BankQuestion]] = relationship(
        back_populates="material", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"<Material {self.id} {self.title[:20]}>"


class BankQuestion(db.Model):
    """One question of a material's bank (题库), in the engine's contract format.

    `uid` is the engine's stable id: regenerating a material updates or keeps rows by uid, so
    stored answers are never orphaned. `edited` marks rows a person changed; regeneration leaves
    those (and manual/imported rows) exactly as they are.
    """

    __tablename__ = "bank_questions"
    __table_args__ = (
        UniqueConstraint("material_id", "uid"),
        CheckConstraint(f"kind IN {QUESTION_KINDS!r}", name="kind_valid"),
        CheckConstraint(f"status IN {QUESTION_STATUSES!r}", name="status_valid"),
        CheckConstraint(f"origin IN {QUESTION_ORIGINS!r}", name="origin_valid"),
        Index("ix_bank_questions_material_status", "material_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(40))
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    stem: Mapped[str] = mapped_column(Text)
    options: Mapped[list[str]] = mapped_column(JSONType, default=list)
    answer: Mapped[Any] = mapped_column(JSONType)
    accepted: Mapped[list[list[str]]] = mapped_column(JSONType, default=list)
    ordered: Mapped[bool] = mapped_column(default=True)
    keys: Mapped[list[str]] = mapped_column(JSONType, default=list)
    source: Mapped[str] = mapped_column(Text, default="")
    explanation: Mapped[str] = mapped_column(Text, default="")
    paragraph: Mapped[int | None] = mapped_column()
    difficulty: Mapped[float] = mapped_column(default=0.5)
    template: Mapped[str] = mapped_column(String(64), default="")
    formula: Mapped[str | None] = mapped_column(String(64))
    # What the engine's quiz pick reads (generation.Question.pick_score/.weak), stored so that a
    # quiz picked from the bank is the engine's pick: the key's score, and whether the
    # confidence gate finds the row a plain 填空 too weak to ask while better ones remain. A row
    # a person made or imported from a spreadsheet is 0.5 and not weak; a person's edit clears
    # weak (workbench.services.update_question).
    pick_score: Mapped[float] = mapped_column(default=0.5, server_default="0.5")
    weak: Mapped[bool] = mapped_column(default=False, server_default=false())
    # the engine's reason for ``weak`` (generation.Question.doubt, a rule name; "" on a row
    # stored before it was kept): the workbench shows its note (generation.doubt_note)
    doubt: Mapped[str] = mapped_column(String(40), default="", server_default="")
    # 确认可用: an organizer read the question as the engine worded it and let it be served;
    # ``weak`` stays cleared through regeneration (workbench.services.confirm_question)
    confirmed: Mapped[bool] = mapped_column(default=False, server_default=false())
    tags: Mapped[list[str]] = mapped_column(JSONType, default=list)
    origin: Mapped[str] = mapped_column(String(16), default="generated")
    status: Mapped[str] = mapped_column(String(16), default="active")
    edited: Mapped[bool] = mapped_column(default=False)
    # Set by regeneration when the engine no longer produces a generated row (status "disabled");
    # a row a person disabled has retired False and stays disabled through regeneration.
    retired: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    material: Mapped[Material] = relationship(back_populates="questions")

    def __repr__(self) -> str:
        return f"<BankQuestion {self.id} {self.kind} {self.stem[:20]}>"

    @hybrid_property
    def servable(self) -> bool:
        """May a learner or a contest be given this row without a person looking at it first?
        Active and not doubted by the engine (``weak``: generation.pipeline.servable). An
        organizer's 确认可用 or edit clears ``weak``; every pool a learner, a 答题赛 or a 现场赛
        draws from reads this, never ``status`` alone."""
        return self.status == "active" and not self.weak

    @servable.inplace.expression
    @classmethod
    def _servable_expression(cls) -> Any:
        return and_(cls.status == "active", cls.weak.is_(False))

    @hybrid_property
    def doubted(self) -> bool:
        """存疑: active, but held back because the engine doubts it (``weak``) until an organizer
        confirms or edits it; a disabled or 待复核 row is not served either way."""
        return self.status == "active" and self.weak

    @doubted.inplace.expression
    @classmethod
    def _doubted_expression(cls) -> Any:
        return and_(cls.status == "active", cls.weak.is_(True))

    @property
    def doubt_note(self) -> str:
        """Why the engine doubts this row, in the organizer's words (generation.doubt_note)."""
        return doubt_note(self.doubt)

    ENGINE_FIELDS = (
        "kind", "stem", "options", "answer", "accepted", "ordered", "keys", "source",
        "explanation", "paragraph", "difficulty", "template", "formula", "pick_score", "weak",
        "doubt",
    )  # fmt: skip

    def to_engine_dict(self) -> dict[str, Any]:
        """The question in the engine's contract format (what check_answer and exports take)."""
        data = {name: getattr(self, name) for name in self.ENGINE_FIELDS}
        data["id"] = self.uid
        if not self.weak:  # (a confirmed or edited row keeps the rule name; it no longer holds)
            data["doubt"] = ""
        return data

    def public_dict(self) -> dict[str, Any]:
        """What a player may see while the question is open: nothing that reveals the answer."""
        return {"id": self.uid, "kind": self.kind, "stem": self.stem, "options": list(self.options)}
