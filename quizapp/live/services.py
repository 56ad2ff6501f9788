"""Live rounds (现场赛): create, join, answer, advance, settle, standings.

Services add and flush; the caller (API view or CLI command) commits once, and acknowledges an
answer only after that commit. All state is in the database (see quizapp.models.live).

Concurrency. On SQLite every POST starts with BEGIN IMMEDIATE, so write transactions are
serialised. On PostgreSQL an answer holds a share lock on its question row while it checks and
inserts; closing a question (settling it) takes the row's update lock, so it waits for answers in
flight and every answer after it sees the question closed. Host actions and settling also lock the
round's row, so two workers never settle or advance the same round twice.

Closing. A question is closed from its deadline on (read time decides: polls never write). Its
close is *settled* — `closed_at` written, standings recomputed, wrong answers of logged-in
players put in their 错题本 — by the first request that needs it: the host's advance, or a
leaderboard read (which then starts a short write transaction). A player's own result at the
close is computed without writing (see provisional_standing), since every phone asks at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import secrets
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, case, func, select, update
from sqlalchemy.exc import IntegrityError

from ..bank.pick import engine_pick
from ..bank.services import doubted_count
from ..database import dialect_insert
from ..extensions import db
from ..generation.checking import InvalidAnswer, canonical_response, check_answer
from ..generation.hints import blank_lengths
from ..generation.model import PICK_LIMIT
from ..models import (
    BankQuestion,
    LiveAnswer,
    LiveContest,
    LivePlayer,
    LiveQuestion,
    Material,
)
from ..models.live import LIVE_POINTS_RANGE, LIVE_SECONDS_RANGE, LIVE_STREAK_MAX
from .ranking import (
    PlayerTotals,
    RankedPlayer,
    RankedTeam,
    answer_points,
    rank_players,
    rank_teams,
    streak_bonus,
)
from .state import ANSWER_GRACE_S, LiveStatus, derive_status, key_public

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: easy to read out and type
CODE_LENGTH = 6
NAME_MAX = 16
TEAM_MAX = 32
TITLE_MAX = 100
MAX_GRACE_S = ANSWER_GRACE_S
MAX_RESPONSE_CHARS = 2000
QUESTION_KINDS = ("single", "multiple", "judge", "cloze")


class LiveError(Exception):
    """A refusal with an HTTP status, a short code and a Chinese message for the user."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


# ---------------------------------------------------------------- clock, tokens, names


def now_ts() -> float:
    """The server clock (unix seconds). Tests monkeypatch this."""
    return time.time()


def to_dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:12]


def clean_text(value: Any, *, limit: int, what: str, required: bool) -> str | None:
    """Trim, drop control and bidirectional/format characters, collapse spaces; check length."""
    if value is None:
        if required:
            raise LiveError(400, "bad_request", f"请填写{what}。")
        return None
    if not isinstance(value, str):
        raise LiveError(400, "bad_request", f"{what}应为文字。")
    text = unicodedata.normalize("NFC", value)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            kept.append(" " if ch in "\t\n\r\x0b\x0c\u2028\u2029" else "")
        elif category == "Zs":
            kept.append(" ")
        else:
            kept.append(ch)
    text = " ".join("".join(kept).split())
    if not text:
        if required:
            raise LiveError(400, "bad_request", f"请填写{what}。")
        return None
    if len(text) > limit:
        raise LiveError(400, "bad_request", f"{what}最多 {limit} 个字。")
    return text


# ---------------------------------------------------------------- creating a round


def _new_code() -> str:
    for _ in range(50):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if db.session.scalar(select(LiveContest.id).where(LiveContest.code == code)) is None:
            return code
    raise RuntimeError("could not find a free contest code")  # pragma: no cover


def pick_questions(
    material_id: int, count: int, kinds: list[str] | None = None, seed: int | None = None
) -> list[BankQuestion]:
    """Up to `count` servable questions of the material's bank (active, not doubted: a
    question the engine doubts waits for an organizer), of the given kinds, in random order:
    fewer when the engine's pick (``count`` up to ``PICK_LIMIT``) finds no more that none of
    the others gives away."""
    kinds = [k for k in (kinds or QUESTION_KINDS) if k in QUESTION_KINDS]
    if not kinds:
        raise LiveError(400, "bad_request", "请至少选择一种题型。")
    pool = list(
        db.session.scalars(
            select(BankQuestion)
            .where(
                BankQuestion.material_id == material_id,
                BankQuestion.servable,
                BankQuestion.kind.in_(kinds),
            )
            .order_by(BankQuestion.id)
        )
    )
    if len(pool) < count:
        doubted = doubted_count(material_id, kinds)
        raise LiveError(
            400,
            "not_enough_questions",
            f"题库中符合条件的题只有 {len(pool)} 道，不够 {count} 道"
            + (f"（另有 {doubted} 道存疑题，在题库审核中确认后可用）。" if doubted else "。"),
        )
    if seed is None:
        seed = random.SystemRandom().randrange(2**32)
    if count <= PICK_LIMIT:
        # the engine's quiz pick, as in 练习 and 测验: kinds balanced, each formula and sentence
        # once while others remain, no question printing another's answer on the projector
        picked = engine_pick(pool, count, seed, kinds)
        return random.Random(seed).sample(picked, len(picked))
    return random.Random(seed).sample(pool, count)


def create_contest(
    questions: list[BankQuestion],
    *,
    title: str,
    seconds: int = 20,
    points: int = 1000,
    streak: int = 0,
    material_id: int | None = None,
    created_by_id: int | None = None,
) -> tuple[LiveContest, str]:
    """Make a round from bank questions (in the given order); returns it and its host token."""
    if not questions:
        raise LiveError(400, "bad_request", "至少需要一道题。")
    low, high = LIVE_SECONDS_RANGE
    if not low <= seconds <= high:
        raise LiveError(400, "bad_request", f"每题时间应在 {low}–{high} 秒之间。")
    if not LIVE_POINTS_RANGE[0] <= points <= LIVE_POINTS_RANGE[1]:
        raise LiveError(
            400, "bad_request", f"每题分值应在 {LIVE_POINTS_RANGE[0]}–{LIVE_POINTS_RANGE[1]} 之间。"
        )
    if not 0 <= streak <= LIVE_STREAK_MAX:
        raise LiveError(400, "bad_request", f"连对奖励最多 {LIVE_STREAK_MAX} 分。")
    title = clean_text(title, limit=TITLE_MAX, what="比赛名称", required=False) or "现场赛"
    host_token = new_token()
    contest = LiveContest(
        code=_new_code(),
        title=title,
        host_token_hash=hash_token(host_token),
        material_id=material_id,
        created_by_id=created_by_id,
        seconds_per_question=seconds,
        points_max=points,
        streak_bonus=streak,
        question_count=len(questions),
    )
    db.session.add(contest)
    db.session.flush()
    for position, bank in enumerate(questions, start=1):
        data = bank.to_engine_dict()
        data = json.loads(json.dumps(data, ensure_ascii=False, default=str))
        db.session.add(
            LiveQuestion(
                contest_id=contest.id,
                position=position,
                uid=f"{position}-{bank.uid}"[:40],
                bank_question_id=bank.id,
                question=data,
                seconds=seconds,
            )
        )
    db.session.flush()
    return contest, host_token


def create_from_material(
    material: Material,
    *,
    count: int,
    kinds: list[str] | None = None,
    title: str | None = None,
    seconds: int = 20,
    points: int = 1000,
    streak: int = 0,
    created_by_id: int | None = None,
) -> tuple[LiveContest, str]:
    questions = pick_questions(material.id, count, kinds)
    return create_contest(
        questions,
        title=title or material.title,
        seconds=seconds,
        points=points,
        streak=streak,
        material_id=material.id,
        created_by_id=created_by_id,
    )


# ---------------------------------------------------------------- finding and authorising


def find_contest(code: str, *, lock: bool = False) -> LiveContest | None:
    stmt = select(LiveContest).where(LiveContest.code == normalize_code(code))
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return db.session.scalar(stmt)


def lock_contest(contest: LiveContest) -> LiveContest:
    """Re-read the round under its row lock (PostgreSQL; SQLite writers are serialised)."""
    stmt = (
        select(LiveContest)
        .where(LiveContest.id == contest.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return db.session.scalar(stmt)


def check_host(contest: LiveContest, token: str | None) -> None:
    if not token or not hmac.compare_digest(hash_token(token), contest.host_token_hash):
        raise LiveError(401, "unauthorized", "主持人凭证无效，请从创建比赛时得到的主持链接进入。")


def player_for_token(contest: LiveContest, token: str | None) -> LivePlayer:
    """The player holding this token in this round (401 if none, 403 if the host removed them)."""
    player = None
    if token:
        player = db.session.scalar(
            select(LivePlayer).where(
                LivePlayer.token_hash == hash_token(token), LivePlayer.contest_id == contest.id
            )
        )
    if player is None:
        raise LiveError(401, "unauthorized", "参赛凭证无效，请重新加入比赛。")
    if player.removed:
        raise LiveError(403, "removed", "你已被主持人移出本场比赛。")
    return player


# ---------------------------------------------------------------- state (what GET returns)


def question_payload(
    q: dict[str, Any], uid: str, number: int, total: int, deadline: datetime | None, reveal: bool
) -> dict[str, Any]:
    payload = {
        "id": uid,
        "number": number,
        "total": total,
        "kind": q.get("kind"),
        "stem": q.get("stem"),
        "options": list(q.get("options") or []),
        "deadline": deadline.timestamp() if deadline else None,
    }
    if q.get("kind") == "cloze":  # the length of each blank's key, never the key itself
        payload["blanks"] = blank_lengths(q.get("answer") or [""])
    if reveal:
        payload["answer"] = q.get("answer")
    return payload


def state_payload(
    *,
    code: str,
    title: str,
    locked: bool,
    position: int,
    total: int,
    finished: bool,
    uid: str | None,
    question: dict[str, Any] | None,
    deadline: datetime | None,
    closed_at: datetime | None,
    roster: int,
    now: float,
) -> dict[str, Any]:
    status = derive_status(position, finished, deadline, closed_at, to_dt(now))
    q = None
    if question is not None and uid is not None and status != LiveStatus.LOBBY:
        q = question_payload(
            question,
            uid,
            position,
            total,
            deadline,
            reveal=status != LiveStatus.OPEN and key_public(deadline, closed_at, to_dt(now)),
        )
    return {
        "status": str(status),
        "question": q,
        "server_time": now,
        "code": code,
        "title": title,
        "locked": locked,
        "roster": roster,
    }


# Built once: a poll runs this and nothing else, 500 times a second in a large round.
_STATE_QUERY = (
    select(
        LiveContest.code,
        LiveContest.title,
        LiveContest.lobby_locked,
        LiveContest.current_position,
        LiveContest.question_count,
        LiveContest.finished_at,
        LiveContest.roster_changes,
        LiveQuestion.uid,
        LiveQuestion.question,
        LiveQuestion.deadline,
        LiveQuestion.closed_at,
    )
    .outerjoin(
        LiveQuestion,
        and_(
            LiveQuestion.contest_id == LiveContest.id,
            LiveQuestion.position == LiveContest.current_position,
        ),
    )
    .where(LiveContest.code == bindparam("code"))
)


def read_state(code: str, now: float) -> dict[str, Any] | None:
    """The round's state for a poll: one indexed read, no write (None if the code is unknown)."""
    row = db.session.connection().execute(_STATE_QUERY, {"code": normalize_code(code)}).first()
    if row is None:
        return None
    return state_payload(
        code=row.code,
        title=row.title,
        locked=row.lobby_locked,
        position=row.current_position,
        total=row.question_count,
        finished=row.finished_at is not None,
        uid=row.uid,
        question=row.question,
        deadline=row.deadline,
        closed_at=row.closed_at,
        roster=row.roster_changes,
        now=now,
    )


def current_question(contest: LiveContest, *, lock: bool = False) -> LiveQuestion | None:
    if contest.current_position == 0:
        return None
    stmt = select(LiveQuestion).where(
        LiveQuestion.contest_id == contest.id, LiveQuestion.position == contest.current_position
    )
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return db.session.scalar(stmt)


def contest_state(contest: LiveContest, now: float) -> dict[str, Any]:
    question = current_question(contest)
    return state_payload(
        code=contest.code,
        title=contest.title,
        locked=contest.lobby_locked,
        position=contest.current_position,
        total=contest.question_count,
        finished=contest.finished_at is not None,
        uid=question.uid if question else None,
        question=question.question if question else None,
        deadline=question.deadline if question else None,
        closed_at=question.closed_at if question else None,
        roster=contest.roster_changes,
        now=now,
    )


def status_of(contest: LiveContest, question: LiveQuestion | None, now: float) -> LiveStatus:
    return derive_status(
        contest.current_position,
        contest.finished_at is not None,
        question.deadline if question else None,
        question.closed_at if question else None,
        to_dt(now),
    )


# ---------------------------------------------------------------- joining


def join(
    contest: LiveContest,
    *,
    name: Any,
    team: Any,
    user_id: int | None,
    default_team: str | None = None,
) -> tuple[LivePlayer, str, bool]:
    """Add a player; returns (player, token, created).

    A logged-in user who already plays in this round gets their own player back with a new
    token (created False), which is how a reload on another device keeps the score. A player
    the host removed (the phone offers 重新加入) joins as a new player, under the same name if
    they like: the removed row keeps its name for the results page but no longer holds it, and
    keeps its own token, so a forgotten tab with that token is still refused and never answers
    for the new row. The join rate limit is counted by the caller, in its own short transaction.
    """
    if user_id is not None:
        mine = db.session.scalar(
            select(LivePlayer).where(
                LivePlayer.contest_id == contest.id,
                LivePlayer.user_id == user_id,
                LivePlayer.removed.is_(False),
            )
        )
        if mine is not None:
            token = new_token()
            mine.token_hash = hash_token(token)
            db.session.flush()
            return mine, token, False
    clean_name = clean_text(name, limit=NAME_MAX, what="名字", required=True)
    clean_team = clean_text(team, limit=TEAM_MAX, what="队伍（支部/小组）", required=False)
    if clean_team is None and default_team:
        clean_team = default_team[:TEAM_MAX]
    if contest.finished_at is not None:
        raise LiveError(409, "finished", "比赛已经结束，不能再加入。")
    if contest.lobby_locked:
        raise LiveError(403, "locked", "主持人已锁定入场，不能再加入本场比赛。")
    if _name_holder(contest, clean_name) is not None:
        raise LiveError(409, "name_taken", f"名字“{clean_name}”已经有人用了，请换一个。")
    token = new_token()
    player = LivePlayer(
        contest_id=contest.id,
        name=clean_name,
        team=clean_team,
        token_hash=hash_token(token),
        user_id=user_id,
    )
    try:
        with db.session.begin_nested():
            db.session.add(player)
            db.session.flush()
    except IntegrityError:
        raise LiveError(409, "name_taken", f"名字“{clean_name}”已经有人用了，请换一个。") from None
    roster_changed(contest)
    return player, token, True


def roster_changed(contest: LiveContest) -> None:
    """Count a change to the players of a started round (see LiveContest.roster_changes): one
    atomic update, and none in the lobby, where many join at once and no phone shows a rank."""
    if contest.current_position == 0:
        return
    db.session.execute(
        update(LiveContest)
        .where(LiveContest.id == contest.id)
        .values(roster_changes=LiveContest.roster_changes + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(contest, ["roster_changes"])


def _name_holder(contest: LiveContest, name: str) -> int | None:
    """The player still in the round who goes by ``name`` (a removed one does not hold it)."""
    return db.session.scalar(
        select(LivePlayer.id).where(
            LivePlayer.contest_id == contest.id,
            LivePlayer.name == name,
            LivePlayer.removed.is_(False),
        )
    )


# ---------------------------------------------------------------- answering


class UnknownCode(LiveError):
    def __init__(self) -> None:
        super().__init__(404, "not_found", "没有这个比赛码，请核对后再输入。")


def submit_answer(
    code: str,
    token: str | None,
    body: Any,
    *,
    arrival: float,
    grace: float = MAX_GRACE_S,
) -> bool:
    """Store a player's answer; returns True if stored now, False for an identical repeat.

    Refusals (LiveError): UnknownCode, 401 bad token, 403 removed player, 400 malformed body or
    answer, 409 question not open / too late / a different answer already given. Only a few
    small statements run, so the write transaction (BEGIN IMMEDIATE on SQLite) stays short.
    The caller commits before acknowledging.
    """
    grace = min(max(grace, 0.0), MAX_GRACE_S)
    conn = db.session.connection()  # Core statements: no ORM objects on this hot path
    row = conn.execute(
        select(
            LiveContest.id,
            LiveContest.points_max,
            LiveContest.streak_bonus,
            LivePlayer.id.label("player_id"),
            LivePlayer.removed,
        )
        .outerjoin(
            LivePlayer,
            and_(
                LivePlayer.contest_id == LiveContest.id,
                LivePlayer.token_hash == hash_token(token or ""),
            ),
        )
        .where(LiveContest.code == normalize_code(code))
    ).first()
    if row is None:
        raise UnknownCode()
    if not token or row.player_id is None:
        raise LiveError(401, "unauthorized", "参赛凭证无效，请重新加入比赛。")
    if row.removed:
        raise LiveError(403, "removed", "你已被主持人移出本场比赛。")
    if not isinstance(body, dict):
        raise LiveError(
            400, "bad_request", "请求体应为 JSON 对象（Content-Type: application/json）。"
        )
    question_uid, given = body.get("question_id"), body.get("answer")
    if not isinstance(question_uid, str) or not question_uid:
        raise LiveError(400, "bad_request", "缺少题目编号（question_id）。")
    if "answer" not in body:
        raise LiveError(400, "bad_request", "缺少答案（answer）。")

    question = conn.execute(
        select(
            LiveQuestion.id,
            LiveQuestion.position,
            LiveQuestion.question,
            LiveQuestion.seconds,
            LiveQuestion.opened_at,
            LiveQuestion.deadline,
            LiveQuestion.closed_at,
        )
        .where(LiveQuestion.contest_id == row.id, LiveQuestion.uid == question_uid)
        .with_for_update(read=True)  # PostgreSQL: a settle waits for this answer, then wins
    ).first()
    if question is None or question.opened_at is None:
        raise LiveError(409, "not_open", "这道题现在不在作答时间内。")
    try:
        if len(json.dumps(given, ensure_ascii=False)) > MAX_RESPONSE_CHARS:
            raise InvalidAnswer("答案太长了。")
        canonical = canonical_response(question.question, given)
        correct = check_answer(question.question, given)
    except InvalidAnswer as exc:
        raise LiveError(400, "bad_answer", exc.message) from None
    except (TypeError, ValueError):
        raise LiveError(400, "bad_answer", "答案的格式不对。") from None

    existing = _existing_canonical(row.player_id, question.id)
    if existing is not None:
        return _repeat(existing, canonical)
    if question.closed_at is not None or arrival > question.deadline.timestamp() + grace:
        raise LiveError(409, "closed", "这道题的作答时间已经结束，答案没有被记录。")

    elapsed_ms = round((arrival - question.opened_at.timestamp()) * 1000)
    elapsed_ms = max(0, min(elapsed_ms, question.seconds * 1000))
    points = answer_points(correct, elapsed_ms, question.seconds, row.points_max)
    if correct and row.streak_bonus > 0:
        run = _run_length(row.player_id, question.position) + 1
        points += streak_bonus(run, row.streak_bonus)
    stored = conn.execute(
        dialect_insert(LiveAnswer)
        .values(
            player_id=row.player_id,
            question_id=question.id,
            response=given,
            canonical=canonical,
            correct=correct,
            points=points,
            elapsed_ms=elapsed_ms,
            arrived_at=to_dt(arrival),
        )
        .on_conflict_do_nothing(index_elements=["player_id", "question_id"])
        .returning(LiveAnswer.id)
    ).scalar()
    if stored is None:  # the same player's other request got there first
        return _repeat(_existing_canonical(row.player_id, question.id) or "", canonical)
    return True


def _existing_canonical(player_id: int, question_id: int) -> str | None:
    return db.session.scalar(
        select(LiveAnswer.canonical).where(
            LiveAnswer.player_id == player_id, LiveAnswer.question_id == question_id
        )
    )


def _existing_answer(player_id: int, question_id: int) -> LiveAnswer | None:
    return db.session.scalar(
        select(LiveAnswer).where(
            LiveAnswer.player_id == player_id, LiveAnswer.question_id == question_id
        )
    )


def _repeat(existing: str, canonical: str) -> bool:
    if existing == canonical:
        return False
    raise LiveError(409, "already_answered", "这道题你已经作答，第一次的答案有效。")


def _run_length(player_id: int, position: int) -> int:
    """How many questions right in a row the player has just before `position`."""
    rows = db.session.execute(
        select(LiveQuestion.position, LiveAnswer.correct)
        .join(LiveAnswer, LiveAnswer.question_id == LiveQuestion.id)
        .where(LiveAnswer.player_id == player_id, LiveQuestion.position < position)
    ).all()
    right = {row.position for row in rows if row.correct}
    run = 0
    while position - run - 1 in right:
        run += 1
    return run


# ---------------------------------------------------------------- closing and standings


def needs_settling(contest: LiveContest, question: LiveQuestion | None, now: float) -> bool:
    if question is None or contest.ranked_through >= question.position:
        return False
    # Not before the grace is over: settling closes the question for good, and an answer sent
    # in time but still on its way would be refused (the 大屏 reads the leaderboard at once).
    return key_public(question.deadline, question.closed_at, to_dt(now))


def settle_if_due(contest: LiveContest, now: float) -> bool:
    """Settle the current question if it is closed and not yet settled (caller commits)."""
    contest = lock_contest(contest)
    question = current_question(contest, lock=True)
    if not needs_settling(contest, question, now):
        return False
    settle(contest, question, now, by="host" if question.closed_at else "deadline")
    return True


def settle(contest: LiveContest, question: LiveQuestion, now: float, *, by: str) -> None:
    """Close `question` for good: write closed_at, recompute standings, fill 错题本s."""
    if question.closed_at is None:
        deadline = question.deadline.timestamp() if question.deadline else now
        if by == "deadline" and now >= deadline:
            question.closed_at, question.closed_by = question.deadline, "deadline"
        else:
            question.closed_at, question.closed_by = to_dt(now), by
    contest.ranked_through = question.position
    db.session.flush()
    recompute_standings(contest)
    record_wrong_answers(question)


def recompute_standings(contest: LiveContest) -> None:
    """Rewrite every player's score, right answers and right-answer time."""
    sums = {
        row.player_id: row
        for row in db.session.execute(
            select(
                LiveAnswer.player_id,
                func.sum(LiveAnswer.points).label("score"),
                func.sum(case((LiveAnswer.correct, 1), else_=0)).label("correct"),
                func.sum(case((LiveAnswer.correct, LiveAnswer.elapsed_ms), else_=0)).label("ms"),
            )
            .join(LiveQuestion, LiveQuestion.id == LiveAnswer.question_id)
            .where(
                LiveQuestion.contest_id == contest.id,
                LiveQuestion.position <= contest.ranked_through,
            )
            .group_by(LiveAnswer.player_id)
        )
    }
    players = db.session.scalars(select(LivePlayer.id).where(LivePlayer.contest_id == contest.id))
    rows = []
    for pid in players:
        s = sums.get(pid)
        rows.append(
            {
                "id": pid,
                "score": int(s.score or 0) if s else 0,
                "correct_count": int(s.correct or 0) if s else 0,
                "right_ms": int(s.ms or 0) if s else 0,
            }
        )
    if rows:
        db.session.execute(update(LivePlayer), rows)
    db.session.flush()


def record_wrong_answers(question: LiveQuestion) -> None:
    """Wrong answers of players linked to a user go to their 错题本."""
    if question.bank_question_id is None:
        return
    rows = db.session.execute(
        select(LivePlayer.user_id, LiveAnswer.response)
        .join(LivePlayer, LivePlayer.id == LiveAnswer.player_id)
        .where(
            LiveAnswer.question_id == question.id,
            LiveAnswer.correct.is_(False),
            LivePlayer.user_id.is_not(None),
        )
    ).all()
    if not rows:
        return
    from ..study.notebook import record_answer

    for row in rows:
        record_answer(
            user_id=row.user_id,
            visitor_id=None,
            question_id=question.bank_question_id,
            response=row.response,
            is_correct=False,
            source_kind="live",
        )


# ---------------------------------------------------------------- host actions


def advance(contest: LiveContest, now: float, *, expect: Any = None) -> None:
    """lobby → question 1 open; open → closed; closed → next open (or finished after the last).

    `expect` (optional, a status) guards against a double tap: when the round is no longer in
    that status, nothing happens and a 409 says so.
    """
    contest = lock_contest(contest)
    question = current_question(contest, lock=True)
    status = status_of(contest, question, now)
    if expect is not None and expect != str(status):
        raise LiveError(409, "state_changed", "比赛状态已经变了，请看大屏上的最新状态。")
    if status == LiveStatus.FINISHED:
        raise LiveError(409, "finished", "比赛已经结束。")
    if status == LiveStatus.OPEN:
        settle(contest, question, now, by="host")
        return
    if status == LiveStatus.CLOSED:
        if question.closed_at is None and not key_public(question.deadline, None, to_dt(now)):
            # closed by its deadline, but an answer sent in time may still be on its way: the
            # host's 下一题 would settle the question at once and refuse it (the 大屏 enables
            # the button once the key is shown, which waits for the same grace)
            raise LiveError(
                409,
                "revealing",
                "正在揭晓答案：截止后半秒内送达的作答仍然有效，请稍候再点下一题。",
            )
        if contest.ranked_through < question.position:
            settle(contest, question, now, by="host" if question.closed_at else "deadline")
        if contest.current_position >= contest.question_count:
            contest.finished_at = to_dt(now)
            db.session.flush()
            return
    # lobby, or closed with questions left: open the next one
    if contest.current_position == 0:
        contest.started_at = to_dt(now)
    contest.current_position += 1
    nxt = current_question(contest, lock=True)
    nxt.opened_at = to_dt(now)
    nxt.deadline = to_dt(now + nxt.seconds)
    db.session.flush()


def set_locked(contest: LiveContest, locked: bool) -> None:
    contest.lobby_locked = locked
    db.session.flush()


def _player_of(contest: LiveContest, player_id: int) -> LivePlayer:
    player = db.session.get(LivePlayer, player_id)
    if player is None or player.contest_id != contest.id:
        raise LiveError(404, "not_found", "本场比赛没有这位选手。")
    return player


def remove_player(contest: LiveContest, player_id: int) -> LivePlayer:
    """Take a player out: their token stops working and they leave the standings (every screen
    ranks the players still in; their stored totals stay as they were, for a way back)."""
    contest = lock_contest(contest)
    player = _player_of(contest, player_id)
    player.removed = True
    db.session.flush()
    roster_changed(contest)
    return player


def readmit_player(contest: LiveContest, player_id: int) -> tuple[LivePlayer, str]:
    """Give a player a new token (for a new phone) and let them back in if they were removed.

    A removed player whose name someone has joined under since (they themselves, through
    重新加入) cannot come back under it: two players of one name would be one line on the 大屏
    to the room. The host is told so (409) and the new player plays on."""
    contest = lock_contest(contest)
    player = _player_of(contest, player_id)
    if player.removed and _name_holder(contest, player.name) is not None:
        raise LiveError(
            409,
            "name_taken",
            f"“{player.name}”移出后已有人用这个名字重新加入，不能恢复这一位。"
            "如需保留原成绩，请先移出新加入的那一位。",
        )
    token = new_token()
    player.token_hash = hash_token(token)
    was_removed = player.removed
    player.removed = False
    db.session.flush()
    if was_removed:  # (their totals were kept: the screens rank them again at once)
        roster_changed(contest)
    return player, token


def claim_resume_token(contest: LiveContest, token: str | None) -> tuple[LivePlayer, str]:
    """The phone that opens a re-admitted player's 换机 link first gets the player, under a
    token of its own: the link's token is replaced at once, so a second scan of the same QR
    code (a photo of the host's screen, a second phone) is refused instead of sharing the
    player. One conditional update: of two phones scanning together, one wins."""
    player = player_for_token(contest, token)
    fresh = new_token()
    claimed = db.session.execute(
        update(LivePlayer)
        .where(LivePlayer.id == player.id, LivePlayer.token_hash == hash_token(token or ""))
        .values(token_hash=hash_token(fresh))
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        raise LiveError(401, "unauthorized", "这个换机二维码已经失效（每个只能用一次）。")
    return player, fresh


# ---------------------------------------------------------------- reads for screens


def players_list(contest: LiveContest, *, include_removed: bool) -> list[dict[str, Any]]:
    stmt = select(LivePlayer).where(LivePlayer.contest_id == contest.id).order_by(LivePlayer.id)
    if not include_removed:
        stmt = stmt.where(LivePlayer.removed.is_(False))
    return [
        {"id": p.id, "name": p.name, "team": p.team, "removed": p.removed}
        for p in db.session.scalars(stmt)
    ]


@dataclass
class Standings:
    players: list[RankedPlayer]  # in rank order, removed players left out
    teams: list[RankedTeam]


def standings(contest: LiveContest) -> Standings:
    """The stored standings (as of the last settled question), ranked by
    :func:`quizapp.live.ranking.rank_players` over the stored totals, so a player who joined
    since the last settling (0 points) ranks with the others at 0."""
    players = db.session.scalars(
        select(LivePlayer).where(LivePlayer.contest_id == contest.id, LivePlayer.removed.is_(False))
    )
    totals = [
        PlayerTotals(
            player_id=p.id,
            name=p.name,
            team=p.team,
            joined=p.id,
            score=p.score,
            correct=p.correct_count,
            right_ms=p.right_ms,
        )
        for p in players
    ]
    return Standings(players=rank_players(totals), teams=rank_teams(totals))


def leaderboard_payload(contest: LiveContest) -> dict[str, Any]:
    result = standings(contest)
    return {
        "players": [
            {
                "rank": r.rank,
                "tied": r.tied,
                "name": r.totals.name,
                "team": r.totals.team,
                "score": r.totals.score,
                "correct": r.totals.correct,
                "player_id": r.totals.player_id,
                "time_ms": r.totals.right_ms,
            }
            for r in result.players
        ],
        "teams": [
            {"rank": t.rank, "tied": t.tied, "team": t.team, "score": t.score, "players": t.players}
            for t in result.teams
        ],
        "questions_counted": contest.ranked_through,
    }


def provisional_standing(
    contest_id: int, question_id: int, player_id: int
) -> tuple[int, int, int, bool, int]:
    """(score, correct, rank, tied, players) once the question (closed, not yet settled) is
    settled.

    A single read, no write: the stored totals plus this question's answers, and the player's
    rank counted in SQL by the same rule as :func:`quizapp.live.ranking.rank_players`: one more
    than the players ahead (higher score, or equal score and less right-answer time); `tied` when
    another player has the same score and time. Every phone asks at the close, so this has to be
    cheap.
    """
    a = LiveAnswer
    totals = (
        select(
            LivePlayer.id.label("id"),
            (LivePlayer.score + func.coalesce(a.points, 0)).label("score"),
            (LivePlayer.correct_count + case((a.correct, 1), else_=0)).label("correct"),
            (LivePlayer.right_ms + case((a.correct, a.elapsed_ms), else_=0)).label("ms"),
        )
        .outerjoin(a, and_(a.player_id == LivePlayer.id, a.question_id == question_id))
        .where(LivePlayer.contest_id == contest_id, LivePlayer.removed.is_(False))
        .cte("totals")
    )
    me = totals.alias("me")
    row = db.session.execute(
        select(
            me.c.score,
            me.c.correct,
            select(func.count())
            .select_from(totals)
            .where(
                (totals.c.score > me.c.score)
                | ((totals.c.score == me.c.score) & (totals.c.ms < me.c.ms))
            )
            .scalar_subquery()
            .label("ahead"),
            select(func.count())
            .select_from(totals)
            .where(
                (totals.c.score == me.c.score) & (totals.c.ms == me.c.ms) & (totals.c.id != me.c.id)
            )
            .scalar_subquery()
            .label("alongside"),
            select(func.count()).select_from(totals).scalar_subquery().label("players"),
        ).where(me.c.id == player_id)
    ).first()
    if row is None:
        return 0, 0, 0, False, 0
    return (
        int(row.score),
        int(row.correct),
        int(row.ahead) + 1,
        int(row.alongside) > 0,
        int(row.players),
    )


def player_result(code: str, token: str | None, now: float) -> dict[str, Any]:
    """What a player's phone shows (GET /me): own standing and own answer to the current question.

    Two reads and no write, however many phones ask at the close. When the current question has
    closed but is not settled yet, score and rank include it (see provisional_standing).
    Refusals: UnknownCode, 401 bad token, 403 removed player.
    """
    p, q, a = LivePlayer, LiveQuestion, LiveAnswer
    row = (
        db.session.connection()
        .execute(
            select(
                LiveContest.id.label("contest_id"),
                LiveContest.current_position,
                LiveContest.finished_at,
                LiveContest.ranked_through,
                p.id.label("player_id"),
                p.name,
                p.team,
                p.removed,
                p.score,
                p.correct_count,
                p.right_ms,
                q.id.label("question_id"),
                q.uid,
                q.position,
                q.deadline,
                q.closed_at,
                a.id.label("answer_id"),
                a.response,
                a.correct,
                a.points,
            )
            .outerjoin(
                p, and_(p.contest_id == LiveContest.id, p.token_hash == hash_token(token or ""))
            )
            .outerjoin(
                q, and_(q.contest_id == LiveContest.id, q.position == LiveContest.current_position)
            )
            .outerjoin(a, and_(a.player_id == p.id, a.question_id == q.id))
            .where(LiveContest.code == normalize_code(code))
        )
        .first()
    )
    if row is None:
        raise UnknownCode()
    if not token or row.player_id is None:
        raise LiveError(401, "unauthorized", "参赛凭证无效，请重新加入比赛。")
    if row.removed:
        raise LiveError(403, "removed", "你已被主持人移出本场比赛。")
    status = derive_status(
        row.current_position, row.finished_at is not None, row.deadline, row.closed_at, to_dt(now)
    )
    mine = None
    if row.question_id is not None:
        answered = row.answer_id is not None
        revealed = status in (LiveStatus.CLOSED, LiveStatus.FINISHED) and key_public(
            row.deadline, row.closed_at, to_dt(now)
        )
        mine = {
            "question_id": row.uid,
            "number": row.position,
            "answered": answered,
            "answer": row.response if answered else None,
            "correct": bool(row.correct) if revealed else None,
            "points": (row.points or 0) if revealed else None,
        }
    score, correct = row.score, row.correct_count
    counted = row.ranked_through
    unsettled = row.question_id is not None and row.ranked_through < row.position
    if unsettled and key_public(row.deadline, row.closed_at, to_dt(now)):
        score, correct, rank, tied, players = provisional_standing(
            row.contest_id, row.question_id, row.player_id
        )
        counted = row.position
    else:
        # The stored totals ranked as the 大屏 ranks them (standings): one more than the players
        # ahead, so a player who joined since the last settling (0 points)
        # shares the place of the others at 0 on the phone too, and they share it with them.
        level = LivePlayer.score == row.score
        counts = db.session.execute(
            select(
                func.count().label("players"),
                func.count(LivePlayer.id)
                .filter(
                    (LivePlayer.score > row.score) | (level & (LivePlayer.right_ms < row.right_ms))
                )
                .label("ahead"),
                func.count(LivePlayer.id)
                .filter(level & (LivePlayer.right_ms == row.right_ms))
                .label("alongside"),
            ).where(LivePlayer.contest_id == row.contest_id, LivePlayer.removed.is_(False))
        ).one()
        players, tied = counts.players, bool(counted) and counts.alongside > 1
        rank = counts.ahead + 1 if counted else None  # nothing counted yet: no rank
    return {
        "player_id": row.player_id,
        "name": row.name,
        "team": row.team,
        "status": str(status),
        "score": score,
        "correct": correct,
        "rank": rank,
        "tied": tied,
        "players": players,
        "questions_counted": counted,
        "current": mine,
    }


def question_stats(contest: LiveContest, uid: str, now: float) -> dict[str, Any]:
    """The answer distribution of a closed question (nothing while it is open)."""
    question = db.session.scalar(
        select(LiveQuestion).where(LiveQuestion.contest_id == contest.id, LiveQuestion.uid == uid)
    )
    if question is None:
        raise LiveError(404, "not_found", "本场比赛没有这道题。")
    if question.opened_at is None or not key_public(
        question.deadline, question.closed_at, to_dt(now)
    ):
        raise LiveError(409, "not_closed", "这道题还没有结束，结束后才能查看答题分布。")
    rows = db.session.execute(
        select(LiveAnswer.canonical, LiveAnswer.correct, func.count().label("n"))
        .where(LiveAnswer.question_id == question.id)
        .group_by(LiveAnswer.canonical, LiveAnswer.correct)
    ).all()
    q = question.question
    counts: Counter[str] = Counter()
    responses = []
    for row in rows:
        value = json.loads(row.canonical)
        responses.append({"answer": value, "count": row.n, "correct": bool(row.correct)})
        if isinstance(value, list):
            for item in value:
                counts[str(item)] += row.n
        elif isinstance(value, bool):
            counts["对" if value else "错"] += row.n
        else:
            counts[str(value)] += row.n
    kind = q.get("kind")
    answer = q.get("answer")
    if kind == "judge":
        options = [
            {"text": "对", "count": counts["对"], "correct": bool(answer)},
            {"text": "错", "count": counts["错"], "correct": not bool(answer)},
        ]
    elif kind in ("single", "multiple"):
        right = set(answer if isinstance(answer, list) else [answer])
        options = [
            {"text": o, "count": counts[o], "correct": o in right} for o in q.get("options") or []
        ]
    else:
        options = []
    responses.sort(key=lambda r: -r["count"])
    answered = sum(r["count"] for r in responses)
    return {
        "question_id": question.uid,
        "number": question.position,
        "kind": kind,
        "stem": q.get("stem"),
        "answer": answer,
        "explanation": q.get("explanation", ""),
        "answered": answered,
        "correct": sum(r["count"] for r in responses if r["correct"]),
        "options": options,
        "responses": responses[:20],
    }
