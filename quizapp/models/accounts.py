"""Accounts: users with a role, and the 支部/小组 they belong to."""

from __future__ import annotations

import hashlib
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ._common import UTCDateTime, utcnow

ROLES = ("learner", "organizer", "admin")
ROLE_LABELS = {"learner": "学员", "organizer": "组织者", "admin": "管理员"}


class Group(db.Model):
    """A 党支部 or 学习小组, managed by admins so that rankings are not split by spelling."""

    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    members: Mapped[list[User]] = relationship(back_populates="group")

    def __repr__(self) -> str:
        return f"<Group {self.id} {self.name}>"


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role IN {ROLES!r}", name="role_valid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16), default="learner")
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    large_font: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    group: Mapped[Group | None] = relationship(back_populates="members")

    def __repr__(self) -> str:
        return f"<User {self.id} {self.username} {self.role}>"

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        """Flask-Login's session and remember-cookie id: the user id plus a fingerprint of the
        password hash, so that a password change or reset logs out every other session."""
        fingerprint = hashlib.sha256(self.password_hash.encode()).hexdigest()[:12]
        return f"{self.id}:{fingerprint}"

    @property
    def is_active(self) -> bool:  # Flask-Login: a disabled account cannot log in
        return self.active

    @property
    def is_organizer(self) -> bool:
        return self.role in ("organizer", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)
