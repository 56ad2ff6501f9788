"""Results of a live round — per player, per question, per team — and their Excel export.

`contest_results` reads the round's rows and returns plain dataclasses (used by the results page
and the workbook). Standings count closed questions only and follow the ranking rule of
:func:`quizapp.live.ranking.rank_players`; removed players are listed but not ranked.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

if TYPE_CHECKING:  # openpyxl is imported when a workbook is written, not at start-up
    from openpyxl import Workbook

from ..extensions import db
from ..models import LiveAnswer, LiveContest, LivePlayer, LiveQuestion
from ..percent import as_fraction, whole_percent
from ..ranks import tie_label
from ..spreadsheet import keep_text
from ..study.services import LETTERS, choice_label
from .ranking import PlayerTotals, rank_players, rank_teams
from .state import question_closed

KIND_LABELS = {"cloze": "填空", "single": "单选", "multiple": "多选", "judge": "判断"}


@dataclass(frozen=True)
class PlayerRow:
    rank: int | None
    name: str
    team: str | None
    score: int
    correct: int
    answered: int
    right_seconds: float  # total time of the right answers
    removed: bool
    tied: bool = False  # another player shares the rank


@dataclass(frozen=True)
class AnswerShare:
    text: str
    count: int
    right: bool


@dataclass(frozen=True)
class QuestionRow:
    number: int
    kind: str
    stem: str
    answer: str
    closed: bool
    answered: int
    correct: int
    players: int
    shares: list[AnswerShare] = field(default_factory=list)

    @property
    def right_rate(self) -> int | None:
        """Right answers over the players who answered (None when nobody did), in whole
        percent: the results page and the sheet show the same figure."""
        return whole_percent(self.correct, self.answered)


@dataclass(frozen=True)
class TeamRow:
    rank: int
    team: str
    score: int
    players: int
    tied: bool = False


@dataclass(frozen=True)
class Results:
    players: list[PlayerRow]
    questions: list[QuestionRow]
    teams: list[TeamRow]


def answer_text(value: Any) -> str:
    if value is True:
        return "对"
    if value is False:
        return "错"
    if isinstance(value, list):
        return "；".join(str(v) for v in value)
    return "" if value is None else str(value)


def key_text(question: dict[str, Any]) -> str:
    """A question's key as the 练习 writes it: a choice with its letter, a 多选's in the order
    of its options (A. 协调；C. 开放；E. 创新, not the bank's order of the text), as the 大屏
    and the phones tell it too (static/js/live.js)."""
    return choice_label(
        question.get("kind"), question.get("options"), question.get("answer"), answer_text
    )


def _shares(question: LiveQuestion, answers: list[LiveAnswer]) -> list[AnswerShare]:
    """How the answers spread: per option for choice questions, per distinct answer for cloze."""
    data = question.question
    kind = data.get("kind")
    right = data.get("answer")
    if kind == "judge":
        counts = Counter(json.loads(a.canonical) for a in answers)
        return [
            AnswerShare(t, counts.get(v, 0), right is v) for t, v in (("对", True), ("错", False))
        ]
    if kind in ("single", "multiple"):
        counts: Counter[str] = Counter()
        for a in answers:
            chosen = json.loads(a.canonical)
            for option in chosen if isinstance(chosen, list) else [chosen]:
                counts[option] += 1
        rights = set(right) if isinstance(right, list) else {right}
        return [
            AnswerShare(f"{LETTERS[i]}. {o}", counts.get(o, 0), o in rights)
            for i, o in enumerate(data.get("options") or [])
        ]
    spelled: dict[str, tuple[str, bool]] = {}
    counts = Counter()
    for a in answers:
        counts[a.canonical] += 1
        spelled.setdefault(a.canonical, (answer_text(a.response), a.correct))
    return [AnswerShare(spelled[key][0], n, spelled[key][1]) for key, n in counts.most_common()]


def contest_results(contest: LiveContest, now: datetime | None = None) -> Results:
    now = now or datetime.now(UTC)
    players = list(
        db.session.scalars(
            select(LivePlayer).where(LivePlayer.contest_id == contest.id).order_by(LivePlayer.id)
        )
    )
    questions = list(
        db.session.scalars(
            select(LiveQuestion)
            .where(LiveQuestion.contest_id == contest.id)
            .order_by(LiveQuestion.position)
        )
    )
    closed_ids = {
        q.id
        for q in questions
        if q.position <= contest.current_position and question_closed(q.deadline, q.closed_at, now)
    }
    answers = list(
        db.session.scalars(
            select(LiveAnswer).join(LivePlayer).where(LivePlayer.contest_id == contest.id)
        )
    )
    by_player: dict[int, list[LiveAnswer]] = {}
    by_question: dict[int, list[LiveAnswer]] = {}
    for a in answers:
        by_player.setdefault(a.player_id, []).append(a)
        by_question.setdefault(a.question_id, []).append(a)

    totals = {}
    answered = {}
    for p in players:
        counted = [a for a in by_player.get(p.id, []) if a.question_id in closed_ids]
        answered[p.id] = len(counted)
        totals[p.id] = PlayerTotals(
            player_id=p.id,
            name=p.name,
            team=p.team,
            joined=p.id,
            score=sum(a.points for a in counted),
            correct=sum(1 for a in counted if a.correct),
            right_ms=sum(a.elapsed_ms for a in counted if a.correct),
        )
    active = [totals[p.id] for p in players if not p.removed]
    ranked = rank_players(active)
    player_rows = [
        PlayerRow(
            rank=r.rank,
            name=r.totals.name,
            team=r.totals.team,
            score=r.totals.score,
            correct=r.totals.correct,
            answered=answered[r.totals.player_id],
            right_seconds=round(r.totals.right_ms / 1000, 1),
            removed=False,
            tied=r.tied,
        )
        for r in ranked
    ]
    for p in players:
        if p.removed:
            t = totals[p.id]
            player_rows.append(
                PlayerRow(None, t.name, t.team, t.score, t.correct, answered[p.id],
                          round(t.right_ms / 1000, 1), True)
            )  # fmt: skip

    active_ids = {p.id for p in players if not p.removed}
    question_rows = []
    for q in questions:
        given = [a for a in by_question.get(q.id, []) if a.player_id in active_ids]
        question_rows.append(
            QuestionRow(
                number=q.position,
                kind=q.question.get("kind", ""),
                stem=q.question.get("stem", ""),
                answer=key_text(q.question),
                closed=q.id in closed_ids,
                answered=len(given),
                correct=sum(1 for a in given if a.correct),
                players=len(active_ids),
                shares=_shares(q, given),
            )
        )
    teams = [TeamRow(t.rank, t.team, t.score, t.players, t.tied) for t in rank_teams(active)]
    return Results(players=player_rows, questions=question_rows, teams=teams)


# ---------------------------------------------------------------- workbook


def _sheet(wb: Workbook, title: str, header: list[str], rows: list[list[Any]], widths: list[int]):
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="B71C1C")
        cell.alignment = Alignment(vertical="center")
    for row in rows:
        ws.append(row)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    return ws


def results_workbook(contest: LiveContest, results: Results) -> bytes:
    """An .xlsx with three sheets: 选手成绩, 逐题统计, 支部排名. 名次 stays a number (it sorts);
    a shared rank says so in the next column, 并列第 N 名."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    wb.remove(wb.active)
    _sheet(
        wb,
        "选手成绩",
        [
            "名次",
            "并列",
            "姓名",
            "支部/小组",
            "得分",
            "答对题数",
            "作答题数",
            "答对用时（秒）",
            "状态",
        ],
        [
            [
                p.rank,
                tie_label(p.rank, p.tied),
                p.name,
                p.team or "",
                p.score,
                p.correct,
                p.answered,
                p.right_seconds,
                "已移出" if p.removed else "",
            ]
            for p in results.players
        ],  # fmt: skip
        [6, 12, 16, 20, 10, 10, 10, 14, 8],
    )
    rows = []
    for q in results.questions:
        spread = "；".join(f"{s.text}{'（正确）' if s.right else ''}：{s.count}" for s in q.shares)
        rows.append([q.number, KIND_LABELS.get(q.kind, q.kind), q.stem, q.answer, q.players,
                     q.answered, q.correct, as_fraction(q.right_rate), spread])  # fmt: skip
    ws = _sheet(
        wb,
        "逐题统计",
        [
            "题号",
            "题型",
            "题干",
            "正确答案",
            "参赛人数",
            "作答人数",
            "答对人数",
            "正确率",
            "答案分布",
        ],
        rows,
        [6, 6, 50, 24, 10, 10, 10, 10, 50],
    )
    for cell in ws["H"][1:]:
        cell.number_format = "0%"
    for col in ("C", "I"):
        for cell in ws[col][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _sheet(
        wb,
        "支部排名",
        ["名次", "并列", "支部/小组", "平均分", "人数"],
        [[t.rank, tie_label(t.rank, t.tied), t.team, t.score, t.players] for t in results.teams],
        [6, 12, 24, 10, 8],
    )
    wb.properties.title = contest.title
    wb.properties.creator = "理论学习自测"
    out = io.BytesIO()
    keep_text(wb).save(out)
    return out.getvalue()
