"""Self-tests: start, answer (练习), save and submit (测验), and read the result.

Answers are checked on the server with the engine's checker. Every write is idempotent: the
unique constraint on (attempt, question) plus a conditional submit make a double click, the back
button or a retry count once. Services add and flush; the view commits.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError

from ..bank.pick import GIVEAWAY_NOTE, engine_pick
from ..extensions import db
from ..generation.checking import InvalidAnswer, answer_key, check_answer
from ..generation.model import BLANK, PICK_LIMIT
from ..models import Attempt, AttemptAnswer, BankQuestion, Material, utcnow
from ..percent import whole_percent
from . import notebook
from .owner import Owner

KINDS = ("cloze", "single", "multiple", "judge")
KINDS_PAPER_ORDER = ("single", "multiple", "judge", "cloze")
MODE_LABELS = {"practice": "练习", "exam": "测验", "review": "复习"}
# Answers that arrive this long after a time limit still count (the page's own timer submits at
# zero; the request needs a moment to arrive).
DEADLINE_GRACE = timedelta(seconds=15)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

__all__ = ["InvalidAnswer"]  # re-exported for the views


class AttemptClosed(Exception):
    """The test was already submitted or its time is over."""


# ---------------------------------------------------------------- choosing questions


def servable_questions(material_id: int, kinds: Iterable[str] | None = None) -> list[BankQuestion]:
    """The rows a learner may be served (``BankQuestion.servable``: active, not doubted)."""
    query = select(BankQuestion).where(
        BankQuestion.material_id == material_id, BankQuestion.servable
    )
    kinds = list(kinds or [])
    if kinds:
        query = query.where(BankQuestion.kind.in_(kinds))
    return list(db.session.scalars(query.order_by(BankQuestion.id)))


def question_counts(material_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Questions a learner may be served, per material."""
    query = (
        select(BankQuestion.material_id, func.count())
        .where(BankQuestion.servable)
        .group_by(BankQuestion.material_id)
    )
    if material_ids is not None:
        query = query.where(BankQuestion.material_id.in_(list(material_ids)))
    return {mid: n for mid, n in db.session.execute(query)}


MAX_QUESTIONS = 200  # one test or printed paper at most (a page stays light on a phone)


def short_pick_note(
    pool: int, picked: int, count: int, held: int, *, whole: str = "已全部出给你"
) -> str:
    """What a learner is told when a test or paper holds fewer questions than asked ("" when
    it holds them all): a pool smaller than the count (``held``: the doubted questions of the
    same kinds, waiting for an organizer), a pick that leaves out questions another one gives
    away (``pick_questions``), or "全部" (count 0) past ``MAX_QUESTIONS``. ``whole``: how the
    page says the whole pool was given."""
    if not pool:
        return f"所选题型的 {held} 道题都在等组织者审核，审核后才能出题。" if held else ""
    if count and pool < count:
        given = whole if picked == pool else f"{GIVEAWAY_NOTE}，本次出 {picked} 道"
        waiting = f"（另有 {held} 道题在等组织者审核）" if held else ""
        return f"所选题型只有 {pool} 道题，{given}{waiting}。"
    if count and picked < count:
        return f"所选题型共有 {pool} 道题，但{GIVEAWAY_NOTE}，本次出 {picked} 道；再来一次会换题。"
    if not count and picked < pool:
        return f"题库共有 {pool} 道题，一次最多出 {picked} 道，已随机抽取。"
    return ""


def pick_questions(
    questions: Sequence[BankQuestion],
    count: int,
    rng: random.Random | None = None,
    last: Collection[int] = (),
) -> list[BankQuestion]:
    """Up to `count` questions (all of them, shuffled, when count is 0), and never more than
    MAX_QUESTIONS: "all" of a bank of thousands would make a page of megabytes. Fewer when
    the pool cannot fill the count without a question another one gives away: a count up to
    ``PICK_LIMIT`` (a count past what there are too) is the engine's pick, which never takes
    such a question (``select(repeats=False)``; a short bank: 《关于经济工作的几点意见》 serves
    4); a larger one is a random sample.

    A quiz of a part of the bank is the engine's own pick (`bank.pick.engine_pick`): the kinds
    balanced, one question per formula and sentence while others remain, no answer printed by
    another question, the kinds the served-quiz reviews found reliable first (docs/quality.md:
    rounds Q1–Q7; the pools hold no doubted question: ``servable_questions``). A random sample
    of the bank reads worse on a text
    nobody reviewed. Questions whose ids are in ``last`` are picked only when nothing fresher
    is left for their place (and come after the others when all are asked).
    """
    rng = rng or random.Random()
    chosen = list(questions)
    wanted = MAX_QUESTIONS if count <= 0 else min(count, MAX_QUESTIONS)
    if count > 0 and min(wanted, len(chosen)) <= PICK_LIMIT:
        return engine_pick(chosen, min(wanted, len(chosen)), rng.randrange(2**32), last=last)
    rng.shuffle(chosen)
    chosen.sort(key=lambda q: q.id in last)  # (a stable sort: the shuffle stays within each part)
    return chosen[:wanted]


def answered_right(owner: Owner, material_id: int) -> set[int]:
    """The material's questions ``owner`` has answered right in a self-test of theirs."""
    if not owner.is_known:
        return set()
    query = (
        select(AttemptAnswer.question_id)
        .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
        .join(BankQuestion, BankQuestion.id == AttemptAnswer.question_id)
        .where(
            owner.filter(Attempt),
            AttemptAnswer.is_correct.is_(True),
            BankQuestion.material_id == material_id,
        )
        .distinct()
    )
    return set(db.session.scalars(query))


def pick_new_first(
    owner: Owner,
    questions: Sequence[BankQuestion],
    count: int,
    material_id: int,
    rng: random.Random | None = None,
) -> tuple[list[BankQuestion], int]:
    """A learner's next test: what they have not yet answered right comes first, so that
    taking 练习 after 练习 on one material walks through its bank instead of asking the
    formulas they already know again (a wrong answer is not "known": it may come back, and
    the 错题本 schedules it anyway). Returns the pick and how many of it are new to them.

    While enough new questions remain, the test is picked from them alone; when fewer are
    left, or the new ones give each other away so that their pick comes out short, one pick
    over the whole bank takes the known ones only where nothing new is left for a place, so
    the engine's rules (no question printing another's answer, one per sentence) hold over the
    whole test. "All questions" (count 0) is the whole bank, new ones first.
    """
    rng = rng or random.Random()
    known = answered_right(owner, material_id)
    new = [q for q in questions if q.id not in known]
    if known and count > 0 and len(new) >= min(count, MAX_QUESTIONS):
        state = rng.getstate()
        picked = pick_questions(new, count, rng)
        if len(picked) >= min(count, MAX_QUESTIONS):
            return picked, len(picked)
        rng.setstate(state)  # (the pick over the whole bank draws as if it were the first)
    picked = pick_questions(questions, count, rng, last=known)
    fresh = [q for q in picked if q.id not in known]
    return fresh + [q for q in picked if q.id in known], len(fresh)


def questions_with_phrase(material_id: int, phrase: str) -> list[BankQuestion]:
    """The material's questions testing `phrase`: one of their keys contains it (or the reverse)."""
    return [
        q
        for q in servable_questions(material_id)
        if any(phrase in key or (len(key) >= 2 and key in phrase) for key in (q.keys or []))
    ]


# ---------------------------------------------------------------- attempts


def start_attempt(
    owner: Owner,
    questions: Sequence[BankQuestion],
    *,
    mode: str,
    material_id: int | None = None,
    kinds: Sequence[str] = (),
    time_limit_s: int | None = None,
    now: datetime | None = None,
) -> Attempt:
    if not owner.is_known:
        raise ValueError("an attempt needs an owner")
    attempt = Attempt(
        token=secrets.token_urlsafe(16)[:22],
        user_id=owner.user_id,
        visitor_id=owner.visitor_id if owner.user_id is None else None,
        material_id=material_id,
        mode=mode,
        kinds=list(kinds),
        question_ids=[q.id for q in questions],
        time_limit_s=time_limit_s if mode == "exam" and time_limit_s else None,
        started_at=now or utcnow(),
        score=0,
        total=len(questions),
    )
    db.session.add(attempt)
    db.session.flush()
    return attempt


def find_attempt(token: str, owner: Owner) -> Attempt | None:
    attempt = db.session.scalar(select(Attempt).where(Attempt.token == token))
    if attempt is None or not owner.owns(attempt):
        return None
    return attempt


def contest_only_material(attempt: Attempt) -> Material | None:
    """A material kept 仅用于竞赛 that the attempt was taken on or draws a question from (a
    错题复习 mixes materials), or None: such an attempt is closed in the study area, its keys
    included, until the material is opened again."""
    ids = list(attempt.question_ids or [])
    in_attempt = Material.id.in_(
        select(BankQuestion.material_id).where(BankQuestion.id.in_(ids)).scalar_subquery()
    )
    if attempt.material_id is not None:
        in_attempt = or_(Material.id == attempt.material_id, in_attempt)
    return db.session.scalar(
        select(Material).where(Material.contest_only.is_(True), in_attempt).limit(1)
    )


def attempt_questions(attempt: Attempt) -> list[BankQuestion]:
    """The attempt's questions in the order asked (a deleted question drops out)."""
    ids = list(attempt.question_ids or [])
    if not ids:
        return []
    rows = {
        q.id: q for q in db.session.scalars(select(BankQuestion).where(BankQuestion.id.in_(ids)))
    }
    return [rows[i] for i in ids if i in rows]


def asked_count(attempt: Attempt) -> int:
    """How many of the attempt's questions are still in the bank (an organizer may delete one
    nobody answered yet, also while a test is under way)."""
    ids = list(attempt.question_ids or [])
    if not ids:
        return 0
    return int(
        db.session.scalar(
            select(func.count()).select_from(BankQuestion).where(BankQuestion.id.in_(ids))
        )
        or 0
    )


def answers_by_question(attempt: Attempt) -> dict[int, AttemptAnswer]:
    return {
        a.question_id: a
        for a in db.session.scalars(
            select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt.id)
        )
    }


def deadline(attempt: Attempt) -> datetime | None:
    if not attempt.time_limit_s:
        return None
    return attempt.started_at + timedelta(seconds=attempt.time_limit_s)


def seconds_left(attempt: Attempt, now: datetime | None = None) -> int | None:
    end = deadline(attempt)
    if end is None:
        return None
    return max(0, int((end - (now or utcnow())).total_seconds()))


def is_over_time(attempt: Attempt, now: datetime | None = None) -> bool:
    """Past the time limit and its grace: nothing more is accepted."""
    end = deadline(attempt)
    return end is not None and (now or utcnow()) > end + DEADLINE_GRACE


def check(question: BankQuestion, response: Any) -> bool:
    """The engine's verdict; InvalidAnswer for a response of the wrong shape."""
    return check_answer(question.to_engine_dict(), response)


def read_keys(questions: Sequence[BankQuestion]) -> None:
    """Reload the questions' keys under a share lock (PostgreSQL; SQLite writers are serial):
    a corrected key being saved (workbench.regrade) is waited for, so an answer stored now is
    checked by it or re-scored with the others."""
    ids = [q.id for q in questions]
    if ids:
        db.session.scalars(
            select(BankQuestion)
            .where(BankQuestion.id.in_(ids))
            .with_for_update(read=True)
            .execution_options(populate_existing=True)
        ).all()


def _refresh_score(attempt: Attempt) -> None:
    db.session.flush()
    attempt.score = (
        db.session.scalar(
            select(func.count())
            .select_from(AttemptAnswer)
            .where(AttemptAnswer.attempt_id == attempt.id, AttemptAnswer.is_correct.is_(True))
        )
        or 0
    )


def _note(
    attempt: Attempt, question_id: int, response: Any, is_correct: bool, now: datetime
) -> None:
    notebook.record_answer(
        user_id=attempt.user_id,
        visitor_id=attempt.visitor_id,
        question_id=question_id,
        response=response,
        is_correct=is_correct,
        source_kind="review" if attempt.mode == "review" else "self",
        now=now,
    )


def answer_question(
    attempt: Attempt, question: BankQuestion, response: Any, now: datetime | None = None
) -> tuple[AttemptAnswer, bool]:
    """Answer one question of a 练习/复习 attempt; returns (the answer, whether it is new).

    The first answer stands: answering again (double submit, back button) returns the stored
    answer and changes nothing. Raises InvalidAnswer for a malformed response, AttemptClosed
    when the attempt is finished.
    """
    if question.id not in (attempt.question_ids or []):
        raise InvalidAnswer("这道题不在本次测试中。")
    existing = db.session.scalar(
        select(AttemptAnswer).where(
            AttemptAnswer.attempt_id == attempt.id, AttemptAnswer.question_id == question.id
        )
    )
    if existing is not None:
        return existing, False
    if attempt.submitted_at is not None:
        raise AttemptClosed
    now = now or utcnow()
    read_keys([question])
    is_correct = check(question, response)
    last = db.session.scalar(
        select(func.max(AttemptAnswer.answered_at)).where(AttemptAnswer.attempt_id == attempt.id)
    )
    since = max(attempt.started_at, last) if last else attempt.started_at
    answer = AttemptAnswer(
        attempt_id=attempt.id,
        question_id=question.id,
        position=attempt.question_ids.index(question.id),
        response=response,
        is_correct=is_correct,
        time_taken_ms=max(0, int((now - since).total_seconds() * 1000)),
        answered_at=now,
    )
    try:
        with db.session.begin_nested():
            db.session.add(answer)
    except IntegrityError:  # the same answer sent twice at once: the other one stands
        stored = db.session.scalar(
            select(AttemptAnswer).where(
                AttemptAnswer.attempt_id == attempt.id, AttemptAnswer.question_id == question.id
            )
        )
        if stored is None:  # pragma: no cover
            raise
        return stored, False
    _note(attempt, question.id, response, is_correct, now)
    _refresh_score(attempt)
    if len(answers_by_question(attempt)) >= asked_count(attempt):
        _close(attempt, now)
    db.session.flush()
    return answer, True


def save_exam_answers(
    attempt: Attempt,
    questions: Sequence[BankQuestion],
    responses: dict[int, Any],
    now: datetime | None = None,
) -> int:
    """Keep a 测验's answers so far (a blank removes a kept one); returns how many are kept.

    Raises AttemptClosed once the test is submitted or past its time; InvalidAnswer for a
    malformed response (nothing is saved then).
    """
    now = now or utcnow()
    if attempt.submitted_at is not None or is_over_time(attempt, now):
        raise AttemptClosed
    read_keys([q for q in questions if responses.get(q.id) is not None])
    verdicts = {}
    for question in questions:
        response = responses.get(question.id)
        if response is not None:
            verdicts[question.id] = check(question, response)
    stored = answers_by_question(attempt)
    elapsed = max(0, int((now - attempt.started_at).total_seconds() * 1000))
    for question in questions:
        response = responses.get(question.id)
        row = stored.get(question.id)
        if response is None:
            if row is not None:
                db.session.delete(row)
            continue
        if row is not None and row.response == response:
            continue
        values = {
            "position": attempt.question_ids.index(question.id),
            "response": response,
            "is_correct": verdicts[question.id],
            "time_taken_ms": elapsed,
            "answered_at": now,
        }
        if row is None:
            row = AttemptAnswer(attempt_id=attempt.id, question_id=question.id, **values)
            try:
                with db.session.begin_nested():
                    db.session.add(row)
                continue
            except IntegrityError:  # a parallel save made it: update that one
                row = db.session.scalar(
                    select(AttemptAnswer).where(
                        AttemptAnswer.attempt_id == attempt.id,
                        AttemptAnswer.question_id == question.id,
                    )
                )
                if row is None:  # pragma: no cover
                    raise
        for name, value in values.items():
            setattr(row, name, value)
    db.session.flush()
    return sum(1 for q in questions if responses.get(q.id) is not None)


def _close(attempt: Attempt, now: datetime) -> bool:
    """Mark the attempt submitted unless it already is; True for the one call that closed it.

    The total becomes the questions the test still holds: one deleted while it was under way
    was never shown again, so it does not count against the learner."""
    end = deadline(attempt)
    submitted_at = min(now, end) if end is not None else now
    closed = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(submitted_at=submitted_at, total=asked_count(attempt))
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.refresh(attempt, ["submitted_at", "total"])
    return closed == 1


def submit_attempt(attempt: Attempt, now: datetime | None = None) -> bool:
    """Hand in a test (a 测验 when the learner submits or its time is over; a 练习 finished
    early). Only the first call counts: it scores the test and notes the mistakes of a 测验 in
    the 错题本. Returns whether this call submitted it.
    """
    now = now or utcnow()
    if not _close(attempt, now):
        return False
    if attempt.mode == "exam":
        for answer in answers_by_question(attempt).values():
            _note(attempt, answer.question_id, answer.response, answer.is_correct, now)
    _refresh_score(attempt)
    db.session.flush()
    return True


def close_if_over_time(attempt: Attempt, now: datetime | None = None) -> bool:
    """A 测验 past its time limit is submitted with what was answered."""
    if attempt.submitted_at is None and attempt.mode == "exam" and is_over_time(attempt, now):
        return submit_attempt(attempt, now)
    return False


# ---------------------------------------------------------------- results


def format_response(question: BankQuestion, response: Any) -> str:
    """A response (or the answer) written for people: option letters and texts, 对/错."""
    return format_answer(question.kind, question.options, response)


def format_answer(kind: str | None, options: Sequence[str] | None, response: Any) -> str:
    """format_response for a question held as its kind and options (a 现场赛's copy of one):
    a choice with its letter, several in the order of the options, joined by ；."""
    if response is None:
        return "未作答"
    if kind == "judge":
        return "对" if response in (True, "true", "对") else "错"
    if kind == "cloze":
        values = response if isinstance(response, list) else [response]
        return "；".join(str(v) if str(v).strip() else "（空）" for v in values)
    options = list(options or [])
    values = response if isinstance(response, list) else [response]
    parts = []
    for value in sorted(values, key=lambda v: options.index(v) if v in options else 99):
        if value in options:
            parts.append(f"{LETTERS[options.index(value)]}. {value}")
        else:
            parts.append(str(value))
    return "；".join(parts)


def choice_label(
    kind: str | None, options: Sequence[str] | None, value: Any, other: Callable[[Any], str]
) -> str:
    """A 单选's or 多选's answer (or key) as the 练习 writes it (format_answer: with its letter,
    several in the order of the options); any other value, and no choice at all, as ``other``
    writes it (each contest's own label for 对/错 and blanks)."""
    if kind in ("single", "multiple") and value:
        return format_answer(kind, options, value)
    return other(value)


@dataclass(frozen=True)
class GivenBlank:
    """One blank of a learner's cloze response, for the answer pages: its text and verdict."""

    text: str
    right: bool


def given_blanks(question: BankQuestion, response: Any) -> list[GivenBlank]:
    """Each blank of a response to a cloze of several blanks, marked right or wrong by the
    engine's checker; [] for other questions, one blank, no response or a broken one (the
    page then shows the plain text). Shown only once the question is answered."""
    answer = question.answer
    if question.kind != "cloze" or not isinstance(answer, list) or len(answer) < 2:
        return []
    if not isinstance(response, list) or len(response) != len(answer):
        return []
    given = ["" if v is None else str(v) for v in response]
    engine = question.to_engine_dict()
    try:
        if check_answer(engine, given):
            return [GivenBlank(text, True) for text in given]
        if engine.get("ordered", True):
            verdicts = _ordered_blank_verdicts(engine, given)
        else:
            verdicts = _free_blank_verdicts(engine, given)
    except InvalidAnswer:
        return []
    return [GivenBlank(text, ok) for text, ok in zip(given, verdicts, strict=True)]


def _blank_alone(engine: dict[str, Any], index: int) -> dict[str, Any]:
    """Blank `index` of a cloze as a cloze of its own: its key, spellings and the stem around
    it, so that check_answer judges it exactly as it judges that blank in the whole."""
    accepted = list(engine.get("accepted") or [])
    parts = str(engine.get("stem") or "").split(BLANK)
    stem = (
        parts[index] + BLANK + parts[index + 1] if len(parts) == len(engine["answer"]) + 1 else ""
    )
    return {
        "kind": "cloze",
        "answer": [engine["answer"][index]],
        "accepted": [accepted[index]] if index < len(accepted) else [],
        "stem": stem,
    }


def _ordered_blank_verdicts(engine: dict[str, Any], given: list[str]) -> list[bool]:
    # the checker judges the blanks of an ordered cloze one by one: the same call per blank
    return [check_answer(_blank_alone(engine, i), [text]) for i, text in enumerate(given)]


def _free_blank_verdicts(engine: dict[str, Any], given: list[str]) -> list[bool]:
    """An order-free cloze (（不分先后）): a given text is right when it is a spelling of a key
    no earlier text has matched. The checker pairs an order-free cloze by answer_key alone (no
    looser spelling), so this does too; a fully right response never gets here."""
    accepted = list(engine.get("accepted") or [])
    spellings = [
        {answer_key(key)} | {answer_key(s) for s in (accepted[i] if i < len(accepted) else [])}
        for i, key in enumerate(engine["answer"])
    ]
    free = list(range(len(spellings)))
    verdicts = []
    for text in given:
        key = answer_key(text)
        match = next((i for i in free if key and key in spellings[i]), None)
        if match is not None:
            free.remove(match)
        verdicts.append(match is not None)
    return verdicts


@dataclass
class ResultItem:
    number: int
    question: BankQuestion
    answer: AttemptAnswer | None

    @property
    def is_correct(self) -> bool:
        return bool(self.answer and self.answer.is_correct)

    @property
    def given(self) -> str:
        return format_response(self.question, self.answer.response if self.answer else None)

    @property
    def correct(self) -> str:
        return format_response(self.question, self.question.answer)

    @property
    def blanks(self) -> list[GivenBlank]:
        return given_blanks(self.question, self.answer.response if self.answer else None)


@dataclass
class KindStat:
    kind: str
    right: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return whole_percent(self.right, self.total) or 0  # (1 of 8: 13%, as every page)


@dataclass
class Result:
    attempt: Attempt
    items: list[ResultItem]
    by_kind: list[KindStat] = field(default_factory=list)

    @property
    def answered(self) -> int:
        return sum(1 for i in self.items if i.answer is not None)

    @property
    def percent(self) -> int:
        return whole_percent(self.attempt.score, self.attempt.total) or 0


def result_of(attempt: Attempt) -> Result:
    answers = answers_by_question(attempt)
    items = [
        ResultItem(number=n, question=q, answer=answers.get(q.id))
        for n, q in enumerate(attempt_questions(attempt), start=1)
    ]
    stats = {kind: KindStat(kind) for kind in KINDS}
    for item in items:
        stat = stats.setdefault(item.question.kind, KindStat(item.question.kind))
        stat.total += 1
        stat.right += int(item.is_correct)
    return Result(attempt, items, [s for s in stats.values() if s.total])


def duration_seconds(attempt: Attempt, now: datetime | None = None) -> int:
    end = attempt.submitted_at or now or utcnow()
    return max(0, int((end - attempt.started_at).total_seconds()))


def format_duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}小时{minutes}分"
    if minutes:
        return f"{minutes}分{secs:02d}秒"
    return f"{secs}秒"


def recent_attempts(owner: Owner, limit: int = 5) -> list[Attempt]:
    if not owner.is_known:
        return []
    return list(
        db.session.scalars(
            select(Attempt)
            .where(owner.filter(Attempt))
            .order_by(Attempt.started_at.desc(), Attempt.id.desc())
            .limit(limit)
        )
    )


def material_titles(ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(
        db.session.execute(select(Material.id, Material.title).where(Material.id.in_(wanted))).all()
    )


# ---------------------------------------------------------------- 我的成绩 trend chart


@dataclass
class TrendPoint:
    x: float
    y: float
    percent: int
    label: str


@dataclass
class Trend:
    width: int
    height: int
    points: list[TrendPoint]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    def y_for(self, percent: int) -> float:
        return TREND_PAD + (self.height - 2 * TREND_PAD) * (1 - percent / 100)


TREND_PAD = 20


def trend(percents: Sequence[tuple[int, str]], width: int = 360, height: int = 180) -> Trend:
    """Points of an SVG line chart of scores (oldest first), in the chart's coordinates."""
    inner_w = width - 2 * TREND_PAD - 20
    inner_h = height - 2 * TREND_PAD
    n = len(percents)
    points = []
    for i, (percent, label) in enumerate(percents):
        x = TREND_PAD + 20 + (inner_w * (i / (n - 1)) if n > 1 else inner_w / 2)
        y = TREND_PAD + inner_h * (1 - max(0, min(100, percent)) / 100)
        points.append(TrendPoint(x, y, percent, label))
    return Trend(width, height, points)
