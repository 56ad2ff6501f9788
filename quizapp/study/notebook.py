"""The 错题本: every wrong answer, re-asked on the spaced schedule of `schedule.py`.

Services add and flush; the caller commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import BankQuestion, Material, NotebookEntry, utcnow
from ..web import CHINA
from .owner import Owner
from .schedule import ReviewState, due_cutoff, schedule_next

SOURCE_KINDS = ("self", "review", "live", "paper", "contest")


def _find(owner: Owner, question_id: int) -> NotebookEntry | None:
    return db.session.scalar(
        select(NotebookEntry).where(
            owner.filter(NotebookEntry), NotebookEntry.question_id == question_id
        )
    )


def _state(entry: NotebookEntry) -> ReviewState:
    return ReviewState(
        interval_days=entry.interval_days,
        right_streak=entry.right_streak,
        due_at=entry.due_at,
        mastered=entry.mastered_at is not None,
    )


def _apply(entry: NotebookEntry, is_correct: bool, now: datetime) -> None:
    state = schedule_next(_state(entry), is_correct, now)
    entry.interval_days = state.interval_days
    entry.right_streak = state.right_streak
    entry.due_at = state.due_at or now
    if state.mastered:
        entry.mastered_at = now
    elif not is_correct:
        entry.mastered_at = None
    entry.updated_at = now


def _insert_entry(
    owner: Owner,
    question_id: int,
    response: Any,
    source_kind: str,
    now: datetime,
    wrong_count: int = 1,
) -> NotebookEntry | None:
    """A new row for the owner's first mistake on the question, due at once: None once it is
    in. When another request noted a mistake on the same question at the same moment (a learner
    answering while an organizer corrects the key), the row it made, for the caller to follow
    as one it had found (the unique row would otherwise fail the caller's commit)."""
    entry = NotebookEntry(
        user_id=owner.user_id,
        visitor_id=owner.visitor_id,
        question_id=question_id,
        last_response=response,
        wrong_count=wrong_count,
        right_streak=0,
        interval_days=0,
        due_at=now,
        source_kind=source_kind[:16],
        created_at=now,
        updated_at=now,
    )
    try:
        with db.session.begin_nested():
            db.session.add(entry)
    except IntegrityError:
        found = _find(owner, question_id)
        if found is None:  # pragma: no cover - the other row vanished again
            raise
        return found
    return None


def record_answer(
    *,
    user_id: int | None,
    visitor_id: str | None,
    question_id: int,
    response: Any,
    is_correct: bool,
    source_kind: str = "self",
    now: datetime | None = None,
) -> None:
    """Note one answer in the owner's 错题本.

    A wrong answer puts the question in the notebook (or back into it), due at once. A right
    answer moves an item along its schedule only when the item is due today; otherwise (or when
    the question is not in the notebook) it changes nothing.
    """
    if user_id is None and visitor_id is None:
        return
    owner = Owner(user_id=user_id, visitor_id=None if user_id is not None else visitor_id)
    now = now or utcnow()
    entry = _find(owner, question_id)
    if entry is None:
        if is_correct:
            return
        entry = _insert_entry(owner, question_id, response, source_kind, now)
        if entry is None:
            return
    if is_correct:
        if entry.mastered_at is None and entry.due_at < due_cutoff(now, CHINA):
            _apply(entry, True, now)
        db.session.flush()
        return
    entry.wrong_count += 1
    entry.last_response = response
    _apply(entry, False, now)
    db.session.flush()


@dataclass(frozen=True)
class Rescored:
    """One stored answer that reached (or would have reached) its owner's 错题本, with its
    verdict before and after a corrected key (see workbench/regrade.py)."""

    owner: Owner
    response: Any
    was_correct: bool
    is_correct: bool
    at: datetime
    source_kind: str = "self"


@dataclass
class Moves:
    """How many owners' entries a re-scoring took out of the 错题本 and put (back) in."""

    left: int = 0
    entered: int = 0


def follow_rescoring(
    question_id: int,
    answers: Iterable[Rescored],
    right_now: Callable[[Any], bool],
    now: datetime | None = None,
) -> Moves:
    """The 错题本 after a question's stored answers were checked again by a corrected key.

    Per owner whose verdicts moved:

    * an answer now wrong is a mistake found now: the question enters the notebook (a mastered
      entry opens again), due at once, as any mistake;
    * when none of the owner's stored answers is wrong any more and the answer the entry keeps
      is right by the corrected key (``right_now``), the entry was made by the wrong key alone:
      it is removed (not marked 已掌握, which the learner never did). An entry whose kept answer
      is still wrong stays: it came from an answer stored nowhere else (a deleted contest);
    * otherwise (wrong elsewhere) the entry stays, counting only the mistakes still wrong, and
      shows a wrong answer as 你答错时的答案.
    """
    now = now or utcnow()
    moves = Moves()
    by_owner: dict[Owner, list[Rescored]] = defaultdict(list)
    for answer in answers:
        if answer.owner.is_known:
            by_owner[answer.owner].append(answer)
    for owner, mine in by_owner.items():
        to_right = [a for a in mine if a.is_correct and not a.was_correct]
        to_wrong = [a for a in mine if a.was_correct and not a.is_correct]
        if not to_right and not to_wrong:
            continue
        wrong = sorted((a for a in mine if not a.is_correct), key=lambda a: a.at)
        entry = _find(owner, question_id)
        if not wrong:
            if entry is not None and right_now(entry.last_response):
                if entry.mastered_at is None:  # (a mastered one was out of the list already)
                    moves.left += 1
                db.session.delete(entry)
            continue
        if entry is None:
            if not to_wrong:  # no entry to follow (nothing new went wrong)
                continue
            latest = wrong[-1]
            entry = _insert_entry(
                owner, question_id, latest.response, latest.source_kind, now, len(wrong)
            )
            if entry is None:
                moves.entered += 1
                continue
        entry.wrong_count = max(1, entry.wrong_count - len(to_right) + len(to_wrong))
        if to_wrong:
            if entry.mastered_at is not None:
                moves.entered += 1
            entry.last_response = max(to_wrong, key=lambda a: a.at).response
            _apply(entry, False, now)
        elif right_now(entry.last_response):
            entry.last_response = wrong[-1].response
            entry.updated_at = now
    db.session.flush()
    return moves


def mark_mastered(entry: NotebookEntry, now: datetime | None = None) -> None:
    """已掌握 by hand: the item leaves the notebook until the next mistake."""
    entry.mastered_at = now or utcnow()
    db.session.flush()


# What the 错题本 lists, counts and re-asks: entries whose question is in use (``servable``: active
# and not doubted by the engine, as a 练习 serves). A question an organizer disabled or sent to
# 待复核, one regeneration retired or the engine now doubts (until confirmed), or the answered
# version kept apart (uid ``<uid>~<id>``) is no longer asked anywhere:
# its entry leaves the counts and the list with its schedule intact, and comes back as it was if
# the question is used again. Every figure and list below is built on this one query, so
# 今日待复习 N 题 is always what 开始复习 asks (study9 found "今日待复习 1 题" and then
# "今天没有要复习的错题。"), and 已掌握 N 题 counts mastered questions the learner can still meet.
#
# A question of a material kept 仅用于竞赛 is not in use in the study area either: its entries
# leave the list and the counts the same way (the page says how many, and of which materials,
# instead of showing their keys), and come back when the organizer opens the material again.
def entries_in_use(owner: Owner):  # noqa: ANN201
    """A select of the owner's notebook rows, mastered or not, whose question is in use."""
    return (
        select(NotebookEntry)
        .join(BankQuestion, BankQuestion.id == NotebookEntry.question_id)
        .join(Material, Material.id == BankQuestion.material_id)
        .where(
            owner.filter(NotebookEntry),
            BankQuestion.servable,
            Material.contest_only.is_(False),
        )
    )


def open_entries(owner: Owner):  # noqa: ANN201
    """A select of the owner's notebook rows still to learn on questions in use, due first."""
    return (
        entries_in_use(owner)
        .where(NotebookEntry.mastered_at.is_(None))
        .order_by(NotebookEntry.due_at, NotebookEntry.id)
    )


def due_query(owner: Owner, now: datetime | None = None):  # noqa: ANN201
    """The open entries due today (China's day): what 开始复习 asks and 今日待复习 counts."""
    cutoff = due_cutoff(now or utcnow(), CHINA)
    return open_entries(owner).where(NotebookEntry.due_at < cutoff)


def _count(query) -> int:  # noqa: ANN001
    return db.session.scalar(select(func.count()).select_from(query.subquery())) or 0


def count_due(owner: Owner, now: datetime | None = None) -> int:
    if not owner.is_known:
        return 0
    return _count(due_query(owner, now))


def count_open(owner: Owner) -> int:
    if not owner.is_known:
        return 0
    return _count(open_entries(owner))


def count_set_aside(owner: Owner) -> int:
    """Entries still to learn whose question is not in use (disabled, 待复核, retired, doubted by
    the engine): not listed, not due, kept for when the question is used again."""
    if not owner.is_known:
        return 0
    return _count(
        select(NotebookEntry.id)
        .join(BankQuestion, BankQuestion.id == NotebookEntry.question_id)
        .join(Material, Material.id == BankQuestion.material_id)
        .where(
            owner.filter(NotebookEntry),
            NotebookEntry.mastered_at.is_(None),
            ~BankQuestion.servable,
            Material.contest_only.is_(False),
        )
    )


def closed_materials(owner: Owner) -> list[tuple[str, int]]:
    """Materials kept 仅用于竞赛 that hold entries still to learn: (title, entries), by title.
    Not listed, not due, no key shown; they come back when the material is opened again."""
    if not owner.is_known:
        return []
    rows = db.session.execute(
        select(Material.title, func.count(NotebookEntry.id))
        .select_from(NotebookEntry)
        .join(BankQuestion, BankQuestion.id == NotebookEntry.question_id)
        .join(Material, Material.id == BankQuestion.material_id)
        .where(
            owner.filter(NotebookEntry),
            NotebookEntry.mastered_at.is_(None),
            Material.contest_only.is_(True),
        )
        .group_by(Material.id, Material.title)
        .order_by(Material.title)
    )
    return [(title, n) for title, n in rows]


def count_mastered(owner: Owner) -> int:
    """Mastered entries on questions in use: a question taken out of use leaves this figure as
    it leaves the list, and comes back to it with the question."""
    if not owner.is_known:
        return 0
    return _count(entries_in_use(owner).where(NotebookEntry.mastered_at.is_not(None)))


def due_question_ids(owner: Owner, limit: int, now: datetime | None = None) -> list[int]:
    """The questions of a review session: the first ``limit`` of what count_due counts."""
    if not owner.is_known:
        return []
    return [e.question_id for e in db.session.scalars(due_query(owner, now).limit(limit))]
