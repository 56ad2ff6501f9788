"""Paper contests (答题赛): creating, sitting, closing and summing up.

Services add and flush; the view commits once. The server owns the clock: `now()` is the one
clock read (tests replace it), every deadline is an absolute UTC time stored with the attempt.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..generation.checking import InvalidAnswer, canonical_response, check_answer
from ..models import (
    BankQuestion,
    Group,
    Material,
    PaperAnswer,
    PaperAttempt,
    PaperContest,
    PaperRosterGroup,
    PaperRosterUser,
    User,
    utcnow,
)
from ..study.services import choice_label
from . import scoring
from .roster import RosterRow

GRACE = timedelta(milliseconds=500)  # an answer later than deadline + grace is not counted


class PaperError(Exception):
    """A refused action, with a Chinese message for the user and a short code."""

    def __init__(self, message: str, code: str = "refused") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def now() -> datetime:
    """The server clock (replaced in tests)."""
    return utcnow()


# ---------------------------------------------------------------- the bank


def pool_by_kind(material_id: int) -> dict[str, list[int]]:
    rows = db.session.execute(
        select(BankQuestion.kind, BankQuestion.id).where(
            BankQuestion.material_id == material_id, BankQuestion.servable
        )
    )
    pool: dict[str, list[int]] = {kind: [] for kind in scoring.KIND_ORDER}
    for kind, qid in rows:
        pool.setdefault(kind, []).append(qid)
    return pool


def pool_sizes(material_id: int) -> dict[str, int]:
    return {kind: len(ids) for kind, ids in pool_by_kind(material_id).items()}


def contests_short_of(material_id: int, at: datetime) -> list[tuple[PaperContest, dict]]:
    """答题赛 on the material, not closed yet, whose papers would now draw fewer questions of
    a kind than they ask (its servable questions went below the count after the contest was
    made: a paper drawn then is shorter than the others): each with {kind: (asked, left)}."""
    contests = list(
        db.session.scalars(
            select(PaperContest)
            .where(PaperContest.material_id == material_id, PaperContest.closes_at > at)
            .order_by(PaperContest.closes_at, PaperContest.id)
        )
    )
    if not contests:
        return []
    sizes = pool_sizes(material_id)
    short = []
    for contest in contests:
        kinds = scoring.shortfall(sizes, contest.kind_counts)
        if kinds:
            short.append(
                (contest, {k: (int(contest.kind_counts[k]), left) for k, left in kinds.items()})
            )
    return short


def materials_with_banks() -> list[tuple[Material, int]]:
    """Materials that have questions a contest may draw (``BankQuestion.servable``), with their
    count, newest first."""
    count = func.count(BankQuestion.id)
    rows = db.session.execute(
        select(Material, count)
        .join(BankQuestion, BankQuestion.material_id == Material.id)
        .where(BankQuestion.servable)
        .group_by(Material.id)
        .order_by(Material.is_default.desc(), Material.created_at.desc(), Material.id.desc())
    )
    return [(material, n) for material, n in rows]


# ---------------------------------------------------------------- roster


@dataclass
class RosterMatch:
    user_ids: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def match_roster(rows: Sequence[RosterRow]) -> RosterMatch:
    """Match roster rows to accounts: by 账号 when given, else by 姓名 (and 支部 when given).

    Every row must find exactly one account; otherwise a problem naming the row is reported.
    """
    result = RosterMatch()
    seen: set[int] = set()
    for row in rows:
        label = f"第 {row.line} 行（{row.name or row.username}）"
        if row.username:
            user = db.session.scalar(select(User).where(User.username == row.username))
            if user is None:
                result.problems.append(f"{label}：找不到账号“{row.username}”。")
                continue
            candidates = [user]
        elif row.name:
            query = select(User).where(User.display_name == row.name, User.active.is_(True))
            if row.team:
                query = query.join(Group, User.group_id == Group.id).where(Group.name == row.team)
            candidates = list(db.session.scalars(query))
            if not candidates:
                where = f"（{row.team}）" if row.team else ""
                result.problems.append(f"{label}：找不到姓名为“{row.name}”{where}的账号。")
                continue
            if len(candidates) > 1:
                result.problems.append(f"{label}：有多个叫“{row.name}”的账号，请填写账号一列。")
                continue
        else:
            result.problems.append(f"第 {row.line} 行：姓名和账号都是空的。")
            continue
        user_id = candidates[0].id
        if user_id not in seen:
            seen.add(user_id)
            result.user_ids.append(user_id)
    return result


def roster_people(contest: PaperContest) -> list[scoring.Person] | None:
    """Everyone expected to take the contest (members of the chosen 支部 and listed accounts),
    or None when the contest has no roster."""
    group_ids = [g.group_id for g in contest.roster_groups]
    user_ids = [u.user_id for u in contest.roster_users]
    if not group_ids and not user_ids:
        return None
    conditions = []
    if group_ids:
        conditions.append(User.group_id.in_(group_ids) & User.active.is_(True))
    if user_ids:
        conditions.append(User.id.in_(user_ids))
    users = db.session.scalars(
        select(User).options(selectinload(User.group)).where(or_(*conditions)).order_by(User.id)
    )
    return [_person(user) for user in users]


def _person(user: User) -> scoring.Person:
    return scoring.Person(
        user_id=user.id,
        name=user.display_name,
        username=user.username,
        team=user.group.name if user.group else None,
    )


# ---------------------------------------------------------------- contests


def create_contest(
    *,
    title: str,
    material_id: int,
    opens_at: datetime,
    closes_at: datetime,
    kind_counts: dict[str, int],
    time_limit_s: int,
    max_attempts: int,
    reveal: str,
    created_by_id: int | None,
    group_ids: Sequence[int] = (),
    roster_user_ids: Sequence[int] = (),
) -> PaperContest:
    contest = PaperContest(
        title=title.strip()[:100],
        material_id=material_id,
        opens_at=opens_at,
        closes_at=closes_at,
        kind_counts={k: int(v) for k, v in kind_counts.items() if int(v) > 0},
        time_limit_s=time_limit_s,
        max_attempts=max_attempts,
        reveal=reveal,
        created_by_id=created_by_id,
    )
    contest.roster_groups = [PaperRosterGroup(group_id=g) for g in dict.fromkeys(group_ids)]
    contest.roster_users = [PaperRosterUser(user_id=u) for u in dict.fromkeys(roster_user_ids)]
    db.session.add(contest)
    db.session.flush()
    return contest


def state_of(contest: PaperContest, at: datetime | None = None) -> str:
    return scoring.contest_state(contest.opens_at, contest.closes_at, at or now())


def answers_visible(contest: PaperContest, at: datetime | None = None) -> bool:
    return scoring.answers_visible(contest.reveal, state_of(contest, at))


def list_contests(at: datetime) -> dict[str, list[PaperContest]]:
    """Contests by state: open (closing soonest first), upcoming, closed (latest first)."""
    contests = db.session.scalars(select(PaperContest).order_by(PaperContest.closes_at))
    groups: dict[str, list[PaperContest]] = {"open": [], "upcoming": [], "closed": []}
    for contest in contests:
        groups[state_of(contest, at)].append(contest)
    groups["upcoming"].sort(key=lambda c: c.opens_at)
    groups["closed"].reverse()
    return groups


def attempts_of(contest: PaperContest, user_id: int) -> list[PaperAttempt]:
    return list(
        db.session.scalars(
            select(PaperAttempt)
            .where(PaperAttempt.contest_id == contest.id, PaperAttempt.user_id == user_id)
            .order_by(PaperAttempt.number)
        )
    )


def best_attempt(attempts: Sequence[PaperAttempt]) -> PaperAttempt | None:
    finished = [a for a in attempts if a.finished_at is not None]
    ranked = scoring.rank_results(_result(a, "", None) for a in finished)
    if not ranked:
        return None
    best_id = ranked[0].result.attempt_id
    return next(a for a in finished if a.id == best_id)


def _result(attempt: PaperAttempt, name: str, team: str | None) -> scoring.Result:
    assert attempt.finished_at is not None
    return scoring.Result(
        user_id=attempt.user_id,
        name=name,
        team=team,
        score=attempt.score,
        time_used_ms=attempt.time_used_ms or 0,
        submitted_at=attempt.finished_at,
        attempt_id=attempt.id,
        total=attempt.total,
    )


# ---------------------------------------------------------------- sitting a paper


def lock_attempt(attempt_id: int) -> PaperAttempt | None:
    """Load an attempt for a change, locking its row on PostgreSQL (SQLite writers are serial)."""
    return db.session.scalar(
        select(PaperAttempt)
        .where(PaperAttempt.id == attempt_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def _active_attempt(contest_id: int, user_id: int) -> PaperAttempt | None:
    return db.session.scalar(
        select(PaperAttempt)
        .where(
            PaperAttempt.contest_id == contest_id,
            PaperAttempt.user_id == user_id,
            PaperAttempt.finished_at.is_(None),
        )
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def start_attempt(contest: PaperContest, user_id: int, at: datetime) -> PaperAttempt:
    """Resume the user's running attempt, or start the next one with a freshly drawn paper."""
    state = state_of(contest, at)
    if state == "upcoming":
        raise PaperError("答题赛还没有开始。", "not_open")
    active = _active_attempt(contest.id, user_id)
    if active is not None:
        if at <= active.deadline_at + GRACE and state == "open":
            return active
        finish_attempt(active, at, reason="timeout")
    if state == "closed":
        raise PaperError("答题赛已经结束。", "closed")
    used = db.session.scalar(
        select(func.count(PaperAttempt.id)).where(
            PaperAttempt.contest_id == contest.id, PaperAttempt.user_id == user_id
        )
    )
    if used >= contest.max_attempts:
        message = (
            "你已经答过这套题了。"
            if contest.max_attempts == 1
            else (f"你已用完全部 {contest.max_attempts} 次答题机会。")
        )
        raise PaperError(message, "no_attempts_left")
    if contest.material_id is None:
        raise PaperError("这场答题赛的题库已被删除。", "no_bank")
    seed = random.SystemRandom().randrange(1, 2**52)
    question_ids = scoring.draw_paper(pool_by_kind(contest.material_id), contest.kind_counts, seed)
    if not question_ids:
        raise PaperError("题库里已没有可用的题目，请联系组织者。", "no_bank")
    attempt = PaperAttempt(
        contest_id=contest.id,
        user_id=user_id,
        number=used + 1,
        seed=seed,
        question_ids=question_ids,
        started_at=at,
        deadline_at=min(at + timedelta(seconds=contest.time_limit_s), contest.closes_at),
        total=len(question_ids),
    )
    try:
        with db.session.begin_nested():
            db.session.add(attempt)
    except IntegrityError:  # a second click started one at the same moment: use that one
        existing = _active_attempt(contest.id, user_id)
        if existing is None:
            raise PaperError("请稍后再试。", "busy") from None
        return existing
    return attempt


def is_empty_response(response: Any) -> bool:
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list):
        return all(is_empty_response(item) for item in response) if response else True
    return False


def save_answer(attempt: PaperAttempt, question_id: int, response: Any, at: datetime) -> bool:
    """Store (or replace) the answer to one question of a running attempt; an empty response
    clears it. Returns whether an answer is now stored. Raises PaperError (closed, late, not on
    the paper) or InvalidAnswer (a response that does not fit the question)."""
    if attempt.finished_at is not None:
        raise PaperError("这份答卷已经交卷，答案不能再修改。", "closed")
    if at > attempt.deadline_at + GRACE:
        raise PaperError("答题时间已到，这个答案没有被记录。", "late")
    if question_id not in attempt.question_ids:
        raise PaperError("这道题不在你的试卷上。", "not_on_paper")
    stored = db.session.scalar(
        select(PaperAnswer).where(
            PaperAnswer.attempt_id == attempt.id, PaperAnswer.question_id == question_id
        )
    )
    if is_empty_response(response):
        if stored is not None:
            db.session.delete(stored)
            db.session.flush()
        return False
    # read under a share lock (PostgreSQL): a corrected key being saved (workbench.regrade)
    # is waited for, so this answer is checked by it or re-scored with the others
    question = db.session.scalar(
        select(BankQuestion)
        .where(BankQuestion.id == question_id)
        .with_for_update(read=True)
        .execution_options(populate_existing=True)
    )
    if question is None:
        raise PaperError("这道题已被删除。", "not_on_paper")
    engine_question = question.to_engine_dict()
    is_correct = check_answer(engine_question, response)
    canonical = canonical_response(engine_question, response)[:2000]
    if stored is None:
        stored = PaperAnswer(attempt_id=attempt.id, question_id=question_id)
        db.session.add(stored)
    stored.response = response
    stored.canonical = canonical
    stored.is_correct = is_correct
    stored.answered_at = at
    db.session.flush()
    return True


def save_answers(attempt: PaperAttempt, responses: dict[int, Any], at: datetime) -> list[str]:
    """Save several answers (a submitted paper form); returns problems as messages. Late or
    closed papers save nothing (what was saved in time stands)."""
    problems: list[str] = []
    if attempt.finished_at is not None or at > attempt.deadline_at + GRACE:
        return problems
    for position, question_id in enumerate(attempt.question_ids, start=1):
        if question_id not in responses:
            continue
        try:
            save_answer(attempt, question_id, responses[question_id], at)
        except InvalidAnswer as exc:
            problems.append(f"第 {position} 题：{exc.message}")
    return problems


def finish_attempt(attempt: PaperAttempt, at: datetime, reason: str = "submitted") -> bool:
    """Close an attempt with what was saved in time; False when it was already closed.

    A submission later than deadline + grace closes as a timeout at the deadline; the time used
    is from the start to the close, never more than the limit.
    """
    if attempt.finished_at is not None:
        return False
    late = at > attempt.deadline_at + GRACE
    finished = min(at, attempt.deadline_at)
    attempt.finished_at = finished
    attempt.close_reason = "timeout" if late or reason == "timeout" else "submitted"
    attempt.time_used_ms = max(0, int((finished - attempt.started_at).total_seconds() * 1000))
    attempt.score = (
        db.session.scalar(
            select(func.count(PaperAnswer.id)).where(
                PaperAnswer.attempt_id == attempt.id, PaperAnswer.is_correct.is_(True)
            )
        )
        or 0
    )
    attempt.total = len(attempt.question_ids)
    db.session.flush()
    if answers_visible(attempt.contest, at):
        record_wrong_answers(attempt, at)
    return True


def record_wrong_answers(attempt: PaperAttempt, at: datetime) -> bool:
    """Put the attempt's wrong answers in the learner's 错题本, once (when answers are visible)."""
    from ..study.notebook import record_answer

    if attempt.notebook_at is not None or attempt.finished_at is None:
        return False
    wrong = db.session.scalars(
        select(PaperAnswer).where(
            PaperAnswer.attempt_id == attempt.id, PaperAnswer.is_correct.is_(False)
        )
    )
    for answer in wrong:
        record_answer(
            user_id=attempt.user_id,
            visitor_id=None,
            question_id=answer.question_id,
            response=answer.response,
            is_correct=False,
            source_kind="paper",
            now=at,
        )
    attempt.notebook_at = at
    db.session.flush()
    return True


def settle(contest: PaperContest, at: datetime, user_id: int | None = None) -> int:
    """Close attempts whose time ran out, and record wrong answers once they may be seen.

    Limited to one user's attempts when `user_id` is given. Marks a closed contest settled when
    nothing is left to do. Returns how many attempts changed.
    """
    changed = 0
    visible = answers_visible(contest, at)
    for attempt_id in _pending_ids(contest, at, user_id):
        attempt = lock_attempt(attempt_id)
        if attempt is None:
            continue
        if attempt.finished_at is None:
            if at > attempt.deadline_at + GRACE and finish_attempt(attempt, at, "timeout"):
                changed += 1
        elif visible and record_wrong_answers(attempt, at):
            changed += 1
    if user_id is None and state_of(contest, at) == "closed" and contest.settled_at is None:
        contest.settled_at = at
    db.session.flush()
    return changed


def _pending_ids(contest: PaperContest, at: datetime, user_id: int | None) -> list[int]:
    """Attempts that ran out of time, or whose wrong answers may now go to the 错题本."""
    query = select(PaperAttempt.id).where(
        PaperAttempt.contest_id == contest.id,
        (PaperAttempt.finished_at.is_(None) & (PaperAttempt.deadline_at < at - GRACE))
        | (PaperAttempt.finished_at.is_not(None) & PaperAttempt.notebook_at.is_(None)),
    )
    if user_id is not None:
        query = query.where(PaperAttempt.user_id == user_id)
    if not answers_visible(contest, at):
        query = query.where(PaperAttempt.finished_at.is_(None))
    return list(db.session.scalars(query))


def needs_settling(contest: PaperContest, at: datetime, user_id: int | None = None) -> bool:
    """Is there anything for `settle` to do (for the whole contest, or for one user)?"""
    if user_id is None and contest.settled_at is None and state_of(contest, at) == "closed":
        return True
    return bool(_pending_ids(contest, at, user_id))


# ---------------------------------------------------------------- reading a paper


def paper_questions(attempt: PaperAttempt) -> list[BankQuestion]:
    rows = db.session.scalars(select(BankQuestion).where(BankQuestion.id.in_(attempt.question_ids)))
    by_id = {q.id: q for q in rows}
    return [by_id[qid] for qid in attempt.question_ids if qid in by_id]


def saved_answers(attempt: PaperAttempt) -> dict[int, PaperAnswer]:
    rows = db.session.scalars(select(PaperAnswer).where(PaperAnswer.attempt_id == attempt.id))
    return {a.question_id: a for a in rows}


def value_label(value: Any) -> str:
    """A readable answer: options joined by 、, blanks too, 对/错; an empty one （空）."""
    if isinstance(value, bool):
        return "对" if value else "错"
    if isinstance(value, list):
        return "、".join(str(v) for v in value) if value else "（空）"
    return str(value)


def answer_label(question: BankQuestion, canonical: str) -> str:
    """A learner's answer from its canonical JSON as the 练习 writes it: a choice with its letter
    (C. 忧患意识), several in the order of the options; a blank and 对/错 by value_label."""
    try:
        value: Any = json.loads(canonical)
    except (TypeError, ValueError):
        return str(canonical)
    return choice_label(question.kind, question.options, value, value_label)


def right_answer_label(question: BankQuestion) -> str:
    """The key as the 练习 writes it: a choice with its letter, a 多选's in the order of its
    options (A. 道路自信；B. 理论自信；D. 文化自信, not the bank's order of the text)."""
    return choice_label(question.kind, question.options, question.answer, value_label)


# ---------------------------------------------------------------- results


@dataclass
class QuestionRow:
    question: BankQuestion
    stats: scoring.QuestionStats


@dataclass
class ContestResults:
    ranking: list[scoring.Ranked]
    teams: list[scoring.TeamSummary]
    roster: list[scoring.Person] | None
    missing: list[scoring.Person]
    questions: list[QuestionRow]
    attempts: int
    usernames: dict[int, str]


def contest_results(contest: PaperContest) -> ContestResults:
    attempts = list(
        db.session.scalars(
            select(PaperAttempt)
            .options(selectinload(PaperAttempt.user).selectinload(User.group))
            .where(PaperAttempt.contest_id == contest.id, PaperAttempt.finished_at.is_not(None))
        )
    )
    results = [
        _result(a, a.user.display_name, a.user.group.name if a.user.group else None)
        for a in attempts
    ]
    ranking = scoring.rank_results(results)
    roster = roster_people(contest)
    teams = scoring.team_summaries(ranking, roster)
    missing = scoring.missing_people(roster, ranking) if roster is not None else []
    asked = [qid for a in attempts for qid in a.question_ids]
    answers = db.session.execute(
        select(PaperAnswer.question_id, PaperAnswer.canonical, PaperAnswer.is_correct)
        .join(PaperAttempt, PaperAnswer.attempt_id == PaperAttempt.id)
        .where(PaperAttempt.contest_id == contest.id, PaperAttempt.finished_at.is_not(None))
    )
    by_id = {
        q.id: q
        for q in db.session.scalars(select(BankQuestion).where(BankQuestion.id.in_(set(asked))))
    }
    stats = scoring.question_stats(
        asked,
        (
            (qid, answer_label(by_id[qid], canonical), right)
            for qid, canonical, right in answers
            if qid in by_id
        ),
    )
    rows = [QuestionRow(q, stats[q.id]) for q in by_id.values()]
    kind_rank = {kind: i for i, kind in enumerate(scoring.KIND_ORDER)}
    rows.sort(key=lambda r: (kind_rank.get(r.question.kind, 9), r.question.id))
    return ContestResults(
        ranking=ranking,
        teams=teams,
        roster=roster,
        missing=missing,
        questions=rows,
        attempts=len(attempts),
        usernames={a.user_id: a.user.username for a in attempts},
    )
