"""重新评分: after an organizer corrects a question's key, the stored answers follow.

A question's answers are stored in three places: 自测 (练习/测验, ``AttemptAnswer``), 答题赛
(``PaperAnswer``, scored against the bank row) and 现场赛 (``LiveAnswer``, scored against the
round's own copy of the question). When an edit changes what the engine's check reads (the
answer, the accepted spellings, the options, the order rule, a cloze's stem), :func:`rescore`
checks every stored answer again against the new question and rewrites what follows from the
verdicts: each 自测's and each handed-in paper's score, each 现场赛 player's points (a streak
bonus follows the new run of right answers) and the round's standings. A 答题赛 ranking is
computed from the papers' scores when it is read, so it follows too.

Nothing is deleted and no response is rewritten: only verdicts, points and scores change, so
the same call made twice (a form sent twice) changes nothing the second time. Choices are
stored by their text: when an option's text was corrected, a response that chose the old text
counts as choosing the option now at its place (as a printed paper's letter would). A response
that no longer fits the question (a cloze whose blanks changed in number) keeps its verdict
and is counted as kept. The 错题本 follows the verdicts of the answers that reached it
(``study.notebook.follow_rescoring``): a question its owner now got right everywhere leaves it,
one now got wrong enters it.

Services add and flush; the view commits once, so the edit and its re-scoring are one
transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from ..contests import services as contest_services
from ..contests.scoring import contest_state
from ..extensions import db
from ..generation.checking import InvalidAnswer, canonical_response, check_answer
from ..generation.normalize import fold
from ..live.ranking import ScoredAnswer, replay_points
from ..models import (
    Attempt,
    AttemptAnswer,
    BankQuestion,
    LiveAnswer,
    LiveContest,
    LivePlayer,
    LiveQuestion,
    PaperAnswer,
    PaperAttempt,
    PaperContest,
    User,
)
from ..study.notebook import Moves, Rescored, follow_rescoring
from ..study.owner import Owner
from .services import _short, record_question, update_question

# what check_answer reads of a question (a choice's or judgement's stem does not change a
# verdict, but re-checking them is harmless and keeps the rule simple)
KEY_FIELDS = ("stem", "options", "answer", "accepted", "ordered")
# what a live round's copy of the question takes from the corrected bank row
SNAPSHOT_FIELDS = (*KEY_FIELDS, "explanation")
KIND_LABELS = {"paper": "答题赛", "live": "现场赛", "self": "自测"}


@dataclass
class Place:
    """The stored answers of one contest (or of all self-tests) and what re-scoring did."""

    kind: str  # "paper" | "live" | "self"
    title: str
    state: str  # "upcoming" | "open" | "closed" ("closed" for self-tests)
    contest_id: int | None = None
    answers: int = 0
    to_right: int = 0
    to_wrong: int = 0
    kept: int = 0  # answers that no longer fit the question: verdict kept as it was
    players: set[int] = field(default_factory=set)  # attempts / players whose scores changed

    @property
    def label(self) -> str:
        if self.kind == "self":
            return "自测（练习、测验）"
        state = {"upcoming": "未开始", "open": "进行中", "closed": "已结束"}[self.state]
        return f"{KIND_LABELS[self.kind]}“{self.title}”（{state}）"

    @property
    def changed(self) -> int:
        return self.to_right + self.to_wrong


@dataclass
class Report:
    places: list[Place] = field(default_factory=list)
    notebook: Moves = field(default_factory=Moves)

    @property
    def answers(self) -> int:
        return sum(p.answers for p in self.places)

    @property
    def changed(self) -> int:
        return sum(p.changed for p in self.places)

    @property
    def closed_contests(self) -> list[Place]:
        return [p for p in self.places if p.kind != "self" and p.state == "closed" and p.changed]

    def counts_text(self) -> str:
        """答题赛“…”（已结束）12 条、现场赛“…”（进行中）5 条、自测（练习、测验）7 条"""
        return "、".join(f"{p.label}{p.answers} 条" for p in self.places if p.answers)

    def done_text(self) -> str:
        """The message after a re-scoring, in Chinese."""
        if not self.answers:
            return ""
        parts = []
        for place in self.places:
            if not place.answers:
                continue
            moved = []
            if place.to_right:
                moved.append(f"{place.to_right} 条由错改为对")
            if place.to_wrong:
                moved.append(f"{place.to_wrong} 条由对改为错")
            if place.kept:
                moved.append(f"{place.kept} 条与新题不符，保留原评分")
            detail = "，".join(moved) if moved else "对错没有变化"
            parts.append(f"{place.label}{place.answers} 条（{detail}）")
        text = f"已按新答案重新评分 {self.answers} 条作答：" + "；".join(parts) + "。"
        if self.changed:
            text += "相关成绩和排名已随之更新。"
        else:
            text += "没有哪条作答的对错因此改变。"
        moved = []
        if self.notebook.left:
            moved.append(f"{self.notebook.left} 人的这道题移出错题本（按新答案没有答错）")
        if self.notebook.entered:
            moved.append(f"{self.notebook.entered} 人的这道题记入错题本")
        if moved:
            text += "错题本随之更新：" + "，".join(moved) + "。"
        return text


def key_changed(changes: dict[str, Any]) -> bool:
    return any(name in changes for name in KEY_FIELDS)


def edit_question(
    row: BankQuestion, fields: dict[str, Any], *, status: str | None, user: User | None
) -> tuple[dict[str, list[Any]], Report | None]:
    """A person's edit of a question (``row`` locked by the caller), and, when it changed what
    the check reads, the re-scoring of its stored answers; returns (changes, report or None)."""
    before = row.to_engine_dict()
    changes = update_question(row, fields, status=status, user=user)
    if not key_changed(changes):
        return changes, None
    return changes, rescore(row, before, user=user)


def _paper_state(contest: PaperContest, at: datetime) -> str:
    return contest_state(contest.opens_at, contest.closes_at, at)


def _live_state(contest: LiveContest) -> str:
    if contest.finished_at is not None:
        return "closed"
    return "open" if contest.started_at is not None else "upcoming"


# ---------------------------------------------------------------- what an edit would touch


def stored_answers(question_id: int, at: datetime | None = None) -> Report:
    """Where a question's answers are stored and how many: per 答题赛, per 现场赛 (a round not
    yet played that asks it is listed with 0: it will be scored by the corrected key), and all
    自测 together."""
    at = at or contest_services.now()
    report = Report()
    papers = db.session.execute(
        select(PaperContest, func.count(PaperAnswer.id))
        .join(PaperAttempt, PaperAttempt.contest_id == PaperContest.id)
        .join(PaperAnswer, PaperAnswer.attempt_id == PaperAttempt.id)
        .where(PaperAnswer.question_id == question_id)
        .group_by(PaperContest.id)
        .order_by(PaperContest.id)
    ).all()
    for contest, count in papers:
        report.places.append(
            Place("paper", contest.title, _paper_state(contest, at), contest.id, answers=count)
        )
    lives = db.session.execute(
        select(LiveContest, func.count(LiveAnswer.id))
        .join(LiveQuestion, LiveQuestion.contest_id == LiveContest.id)
        .outerjoin(LiveAnswer, LiveAnswer.question_id == LiveQuestion.id)
        .where(LiveQuestion.bank_question_id == question_id)
        .group_by(LiveContest.id)
        .order_by(LiveContest.id)
    ).all()
    for contest, count in lives:
        report.places.append(
            Place("live", contest.title, _live_state(contest), contest.id, answers=count)
        )
    own = db.session.scalar(
        select(func.count(AttemptAnswer.id)).where(AttemptAnswer.question_id == question_id)
    )
    if own:
        report.places.append(Place("self", "", "closed", answers=own))
    return report


# ---------------------------------------------------------------- re-scoring


def carry_response(kind: str, old_options: list[str], new_options: list[str], given: Any) -> Any:
    """A choice response in terms of the corrected options: an option text still offered stays;
    one whose text was corrected becomes the option now at its place. Other kinds unchanged."""
    if kind not in ("single", "multiple") or list(old_options) == list(new_options):
        return given
    offered = {fold(o): o for o in new_options}
    old_places = {fold(o): i for i, o in enumerate(old_options)}

    def carry(text: Any) -> Any:
        if not isinstance(text, str) or fold(text) in offered:
            return text
        place = old_places.get(fold(text))
        if place is not None and place < len(new_options):
            return new_options[place]
        return text

    if isinstance(given, list):
        return [carry(t) for t in given]
    return carry(given)


def _verdict(question: dict[str, Any], old_options: list[str], given: Any) -> tuple[bool, str]:
    """(right?, canonical) of a stored response under the corrected question; InvalidAnswer
    when it no longer fits."""
    carried = carry_response(question["kind"], old_options, question.get("options") or [], given)
    try:
        return check_answer(question, carried), canonical_response(question, carried)
    except (TypeError, ValueError) as exc:
        raise InvalidAnswer("") from exc


def _right_now(question: dict[str, Any], old_options: list[str], given: Any) -> bool:
    """Is the answer a 错题本 entry keeps right by the corrected key? (No when it cannot tell.)"""
    try:
        return _verdict(question, old_options, given)[0]
    except InvalidAnswer:
        return False


def _tally(place: Place, was: bool, now: bool) -> None:
    place.answers += 1
    if now and not was:
        place.to_right += 1
    elif was and not now:
        place.to_wrong += 1


def rescore(
    row: BankQuestion, before: dict[str, Any], *, user: User | None, why: str = "改了答案"
) -> Report:
    """Check every stored answer to ``row`` again against its corrected key (``before`` is the
    question's engine dict before the edit) and rewrite verdicts, scores, points and standings.
    Returns what it did, per contest; writes one audit entry when there was anything to do."""
    at = contest_services.now()
    question = row.to_engine_dict()
    old_options = list(before.get("options") or [])
    places: dict[tuple[str, int | None], Place] = {}
    noted: list[Rescored] = []  # the answers a 错题本 has seen, with their verdicts
    _rescore_papers(row.id, question, old_options, places, at, noted)
    _rescore_live(row.id, question, old_options, places, noted)
    _rescore_self(row.id, question, old_options, places, noted)
    report = Report(sorted(places.values(), key=_place_order))
    report.notebook = follow_rescoring(
        row.id, noted, lambda given: _right_now(question, old_options, given)
    )
    if report.places:
        record_question(
            row,
            "question.regrade",
            f"题目 #{row.id}“{_short(row.stem)}”{why}，重新评分 {report.answers} 条作答",
            user=user,
            details={
                "places": [
                    {
                        "kind": p.kind,
                        "contest_id": p.contest_id,
                        "title": p.title,
                        "answers": p.answers,
                        "to_right": p.to_right,
                        "to_wrong": p.to_wrong,
                        "kept": p.kept,
                    }
                    for p in report.places
                ],
                "notebook": {"left": report.notebook.left, "entered": report.notebook.entered},
            },
        )
    db.session.flush()
    return report


# ---------------------------------------------------------------- a regenerated question


def regenerated_fate(row: BankQuestion, new: dict[str, Any]) -> str:
    """What regenerating a material does to an untouched generated row that the engine now
    produces as ``new`` under the same id (the id hashes the key phrase and the source
    sentence, not the options, the other blanks or the spellings accepted, so these can move):

    * ``"update"``: no stored answer would get another verdict (or nothing changed that the
      check reads): the row takes the new version, as before;
    * ``"rescore"``: the same question (same options, same statement, same blanks or
      sentence) with another key, e.g. a spelling the lexicon now accepts: the row takes the
      new version and its answers are re-scored as after an organizer's correction;
    * ``"split"``: another question under the same id (options drawn again, a blank moved, a
      statement changed) that stored answers would be scored by: they answered the old
      version, so that version is kept for them (retired) and the new one is a new row.
    """
    before = row.to_engine_dict()
    if not any(before.get(name) != new.get(name) for name in KEY_FIELDS):
        return "update"
    if not _verdicts_would_move(row.id, new):
        return "update"
    return "rescore" if same_question(before, new) else "split"


def same_question(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Does ``new`` ask what ``old`` asked (with perhaps another key)?"""
    if old["kind"] != new["kind"]:
        return False
    if old["kind"] in ("single", "multiple"):
        return sorted(map(fold, old.get("options") or [])) == sorted(
            map(fold, new.get("options") or [])
        )
    if old["kind"] == "judge":
        return fold(old["stem"]) == fold(new["stem"])
    return _folded(old.get("answer")) == _folded(new.get("answer")) or fold(old["stem"]) == fold(
        new["stem"]
    )


def _folded(answer: Any) -> Any:
    if isinstance(answer, list):
        return [fold(str(a)) for a in answer]
    return fold(str(answer))


def _verdicts_would_move(question_id: int, new: dict[str, Any]) -> bool:
    """Would a stored answer to the question get another verdict by ``new``'s key? 自测, 答题赛
    and 现场赛 answers alike, each against the verdict it has (a 现场赛 answer's was given by the
    round's copy of the question)."""
    stored = [
        *db.session.execute(
            select(AttemptAnswer.response, AttemptAnswer.is_correct).where(
                AttemptAnswer.question_id == question_id
            )
        ),
        *db.session.execute(
            select(PaperAnswer.response, PaperAnswer.is_correct).where(
                PaperAnswer.question_id == question_id
            )
        ),
        *db.session.execute(
            select(LiveAnswer.response, LiveAnswer.correct)
            .join(LiveQuestion, LiveQuestion.id == LiveAnswer.question_id)
            .where(LiveQuestion.bank_question_id == question_id)
        ),
    ]
    return any(_new_verdict(new, response) != was_right for response, was_right in stored)


def _new_verdict(new: dict[str, Any], response: Any) -> bool | None:
    """The verdict ``new``'s key gives a stored response. A choice of an option ``new`` no
    longer offers is wrong by it (the key is among the options offered), as it was when that
    option was a lure: a lure drawn again does not move a wrong answer's verdict, so it forces
    no split. None (a verdict no answer has) when the response cannot be judged by ``new`` at
    all, e.g. a cloze whose blanks changed in number: that one moves."""
    try:
        return check_answer(new, response)
    except (InvalidAnswer, TypeError, ValueError):
        chosen = response if isinstance(response, list) else [response]
        if new.get("kind") in ("single", "multiple") and all(isinstance(c, str) for c in chosen):
            return False
        return None


def _place_order(place: Place) -> tuple[int, int]:
    return ("paper", "live", "self").index(place.kind), place.contest_id or 0


def _rescore_papers(
    question_id: int,
    question: dict[str, Any],
    old_options: list[str],
    places: dict[tuple[str, int | None], Place],
    at: datetime,
    noted: list[Rescored],
) -> None:
    rows = db.session.execute(
        select(PaperAnswer, PaperAttempt, PaperContest)
        .join(PaperAttempt, PaperAnswer.attempt_id == PaperAttempt.id)
        .join(PaperContest, PaperAttempt.contest_id == PaperContest.id)
        .where(PaperAnswer.question_id == question_id)
        .order_by(PaperAnswer.id)
    ).all()
    touched: dict[int, PaperAttempt] = {}
    for answer, attempt, contest in rows:
        place = places.setdefault(
            ("paper", contest.id),
            Place("paper", contest.title, _paper_state(contest, at), contest.id),
        )
        try:
            right, canonical = _verdict(question, old_options, answer.response)
        except InvalidAnswer:
            place.answers += 1
            place.kept += 1
            continue
        _tally(place, answer.is_correct, right)
        if attempt.notebook_at is not None:  # its mistakes went to the 错题本 (answers shown)
            noted.append(
                Rescored(Owner(user_id=attempt.user_id), answer.response, answer.is_correct,
                         right, answer.answered_at, "paper")
            )  # fmt: skip
        answer.canonical = canonical[:2000]
        if answer.is_correct != right:
            answer.is_correct = right
            touched[attempt.id] = attempt
            place.players.add(attempt.id)
    db.session.flush()
    for attempt in touched.values():
        if attempt.finished_at is None:  # scored when it is handed in
            continue
        attempt.score = db.session.scalar(
            select(func.count(PaperAnswer.id)).where(
                PaperAnswer.attempt_id == attempt.id, PaperAnswer.is_correct.is_(True)
            )
        )


def _rescore_live(
    question_id: int,
    question: dict[str, Any],
    old_options: list[str],
    places: dict[tuple[str, int | None], Place],
    noted: list[Rescored],
) -> None:
    copies = db.session.scalars(
        select(LiveQuestion)
        .where(LiveQuestion.bank_question_id == question_id)
        .order_by(LiveQuestion.id)
        .with_for_update()  # an answer arriving now waits (it reads the copy FOR SHARE)
        .execution_options(populate_existing=True)
    ).all()
    by_contest: dict[int, set[int]] = defaultdict(set)  # contest id -> players to replay
    for copy in copies:
        snapshot = dict(copy.question)
        old = _same_places(snapshot.get("options") or old_options, old_options)
        snapshot.update({name: question[name] for name in SNAPSHOT_FIELDS if name in question})
        copy.question = json.loads(json.dumps(snapshot, ensure_ascii=False, default=str))
        contest = db.session.get(LiveContest, copy.contest_id)
        place = places.setdefault(
            ("live", contest.id), Place("live", contest.title, _live_state(contest), contest.id)
        )
        answers = db.session.execute(
            select(LiveAnswer, LivePlayer.user_id)
            .join(LivePlayer, LivePlayer.id == LiveAnswer.player_id)
            .where(LiveAnswer.question_id == copy.id)
            .order_by(LiveAnswer.id)
        ).all()
        settled = contest.ranked_through >= copy.position  # its mistakes went to 错题本s
        for answer, user_id in answers:
            try:
                right, canonical = _verdict(copy.question, old, answer.response)
            except InvalidAnswer:
                place.answers += 1
                place.kept += 1
                continue
            _tally(place, answer.correct, right)
            if settled and user_id is not None:
                noted.append(
                    Rescored(Owner(user_id=user_id), answer.response, answer.correct, right,
                             answer.arrived_at, "live")
                )  # fmt: skip
            answer.canonical = canonical
            if answer.correct != right:
                answer.correct = right
                by_contest[contest.id].add(answer.player_id)
                place.players.add(answer.player_id)
    db.session.flush()
    for contest_id, players in by_contest.items():
        _replay_live(db.session.get(LiveContest, contest_id), players)


def _same_places(copy: list[str], before: list[str]) -> list[str]:
    """A round's copy of the options, for carrying its answers to the corrected ones by place:
    a place where the bank's version before the edit holds another text carries nothing (""),
    since a regeneration drew another lure there after the round (updated in place, as no
    verdict moved): a choice of that lure was wrong, and is no choice of what stands there now."""
    return [
        option if place < len(before) and fold(option) == fold(before[place]) else ""
        for place, option in enumerate(copy)
    ]


def _replay_live(contest: LiveContest, player_ids: set[int]) -> None:
    """Points of the players' answers again (a streak may start or break), then standings."""
    from ..live.services import recompute_standings

    rows = db.session.execute(
        select(LiveAnswer, LiveQuestion.position, LiveQuestion.seconds)
        .join(LiveQuestion, LiveQuestion.id == LiveAnswer.question_id)
        .where(LiveQuestion.contest_id == contest.id, LiveAnswer.player_id.in_(player_ids))
        .order_by(LiveAnswer.player_id, LiveQuestion.position)
    ).all()
    by_player: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_player[row[0].player_id].append(row)
    for player_rows in by_player.values():
        scored = [
            ScoredAnswer(position, answer.correct, answer.elapsed_ms, seconds)
            for answer, position, seconds in player_rows
        ]
        points = replay_points(scored, contest.points_max, contest.streak_bonus)
        for (answer, _, _), value in zip(player_rows, points, strict=True):
            if answer.points != value:
                answer.points = value
    db.session.flush()
    if contest.ranked_through > 0:
        recompute_standings(contest)


def _rescore_self(
    question_id: int,
    question: dict[str, Any],
    old_options: list[str],
    places: dict[tuple[str, int | None], Place],
    noted: list[Rescored],
) -> None:
    rows = db.session.execute(
        select(AttemptAnswer, Attempt)
        .join(Attempt, AttemptAnswer.attempt_id == Attempt.id)
        .where(AttemptAnswer.question_id == question_id)
        .order_by(AttemptAnswer.id)
    ).all()
    if not rows:
        return
    place = places.setdefault(("self", None), Place("self", "", "closed"))
    touched: dict[int, Attempt] = {}
    for answer, attempt in rows:
        try:
            right, _ = _verdict(question, old_options, answer.response)
        except InvalidAnswer:
            place.answers += 1
            place.kept += 1
            continue
        _tally(place, answer.is_correct, right)
        if attempt.mode != "exam" or attempt.submitted_at is not None:  # noted in the 错题本
            noted.append(
                Rescored(_attempt_owner(attempt), answer.response, answer.is_correct, right,
                         answer.answered_at, "review" if attempt.mode == "review" else "self")
            )  # fmt: skip
        if answer.is_correct != right:
            answer.is_correct = right
            touched[attempt.id] = attempt
            place.players.add(attempt.id)
    db.session.flush()
    for attempt in touched.values():
        if attempt.mode == "exam" and attempt.submitted_at is None:  # scored when handed in
            continue
        attempt.score = db.session.scalar(
            select(func.count(AttemptAnswer.id)).where(
                AttemptAnswer.attempt_id == attempt.id, AttemptAnswer.is_correct.is_(True)
            )
        )


def _attempt_owner(attempt: Attempt) -> Owner:
    """The 错题本 a self-test's answers go to (as study.services notes them)."""
    if attempt.user_id is not None:
        return Owner(user_id=attempt.user_id)
    return Owner(visitor_id=attempt.visitor_id)
