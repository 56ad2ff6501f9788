"""Who owns a self-test or a 错题本 row: a user, or an anonymous visitor of this browser.

A visitor gets a random id kept in the (signed) session cookie; registering or logging in in the
same browser moves what they did to the account (`claim_visitor_data`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from flask import session
from flask_login import current_user
from sqlalchemy import select, update

from ..extensions import db
from ..models import Attempt, NotebookEntry

VISITOR_KEY = "visitor_id"


@dataclass(frozen=True)
class Owner:
    user_id: int | None = None
    visitor_id: str | None = None

    @property
    def is_known(self) -> bool:
        return self.user_id is not None or self.visitor_id is not None

    def filter(self, model: Any) -> Any:
        """A WHERE clause selecting this owner's rows of `model` (Attempt or NotebookEntry)."""
        if self.user_id is not None:
            return model.user_id == self.user_id
        if self.visitor_id is not None:
            return (model.visitor_id == self.visitor_id) & model.user_id.is_(None)
        return model.id.is_(None)  # nobody: matches no row

    def owns(self, row: Any) -> bool:
        if self.user_id is not None:
            return row.user_id == self.user_id
        return (
            self.visitor_id is not None
            and row.user_id is None
            and (row.visitor_id == self.visitor_id)
        )


def new_visitor_id() -> str:
    return secrets.token_hex(16)


def visitor_id_from_session() -> str | None:
    value = session.get(VISITOR_KEY)
    return value if isinstance(value, str) and len(value) == 32 else None


def current_owner(*, create: bool = True) -> Owner:
    """The logged-in user, or this browser's visitor id (made on first need if `create`)."""
    if current_user.is_authenticated:
        return Owner(user_id=current_user.id)
    visitor_id = visitor_id_from_session()
    if visitor_id is None and create:
        visitor_id = new_visitor_id()
        session[VISITOR_KEY] = visitor_id
        session.permanent = True
    return Owner(visitor_id=visitor_id)


def claim_visitor_data(user_id: int, visitor_id: str | None) -> int:
    """Move a visitor's attempts and 错题本 rows to the user; return how many rows moved.

    A question already in the user's notebook keeps one row: the mistakes add up and the earlier
    due date wins. Adds and flushes; the caller commits.
    """
    if not visitor_id:
        return 0
    moved = (
        db.session.execute(
            update(Attempt)
            .where(Attempt.visitor_id == visitor_id, Attempt.user_id.is_(None))
            .values(user_id=user_id, visitor_id=None)
            .execution_options(synchronize_session=False)
        ).rowcount
        or 0
    )
    entries = db.session.scalars(
        select(NotebookEntry).where(
            NotebookEntry.visitor_id == visitor_id, NotebookEntry.user_id.is_(None)
        )
    ).all()
    if entries:
        mine = {
            e.question_id: e
            for e in db.session.scalars(
                select(NotebookEntry).where(
                    NotebookEntry.user_id == user_id,
                    NotebookEntry.question_id.in_([e.question_id for e in entries]),
                )
            )
        }
        for entry in entries:
            existing = mine.get(entry.question_id)
            if existing is None:
                entry.user_id = user_id
                entry.visitor_id = None
            else:
                existing.wrong_count += entry.wrong_count
                if entry.due_at < existing.due_at or existing.mastered_at is not None:
                    existing.due_at = entry.due_at
                    existing.interval_days = entry.interval_days
                    existing.right_streak = entry.right_streak
                    existing.last_response = entry.last_response
                if entry.mastered_at is None:
                    existing.mastered_at = None
                db.session.delete(entry)
            moved += 1
    db.session.flush()
    return moved


def claim_current_visitor(user_id: int) -> int:
    """For the auth views: claim this browser's visitor data for the user, then forget the id."""
    moved = claim_visitor_data(user_id, visitor_id_from_session())
    session.pop(VISITOR_KEY, None)
    return moved
