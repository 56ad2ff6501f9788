"""Excel export of a paper contest's results (openpyxl): 参赛者, 题目, 支部, 未参加."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..models import PaperContest
from ..percent import as_fraction
from ..ranks import tie_label
from ..spreadsheet import keep_text
from .scoring import format_duration
from .services import ContestResults, right_answer_label

CHINA = ZoneInfo("Asia/Shanghai")
KIND_NAMES = {"single": "单选", "multiple": "多选", "judge": "判断", "cloze": "填空"}
HEADER_FILL = PatternFill("solid", fgColor="FDECEA")


def _china(value: datetime | None) -> str:
    return value.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S") if value else ""


def _sheet(workbook: Workbook, title: str, header: list[str], widths: list[int], first: bool):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append(header)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    sheet.freeze_panes = "A2"
    return sheet


def results_workbook(contest: PaperContest, results: ContestResults, at: datetime) -> io.BytesIO:
    workbook = Workbook()
    people = _sheet(
        workbook, "参赛者",
        ["排名", "并列", "姓名", "账号", "支部", "得分", "题数", "用时", "用时（秒）", "交卷时间"],
        [6, 12, 12, 14, 16, 6, 6, 12, 10, 20], first=True,
    )  # fmt: skip
    for row in results.ranking:
        r = row.result
        people.append([
            row.rank, tie_label(row.rank, row.tied), r.name, results.usernames.get(r.user_id, ""),
            r.team or "", r.score, r.total, format_duration(r.time_used_ms),
            round(r.time_used_ms / 1000, 1), _china(r.submitted_at),
        ])  # fmt: skip

    questions = _sheet(
        workbook, "题目",
        ["序号", "题型", "题干", "正确答案", "出现次数", "作答次数", "答对次数", "正确率",
         "答案分布"],
        [6, 6, 50, 20, 8, 8, 8, 8, 50], first=False,
    )  # fmt: skip
    for number, item in enumerate(results.questions, start=1):
        stats = item.stats
        spread = "；".join(f"{label}：{count}" for label, count in stats.distribution)
        questions.append([
            number, KIND_NAMES.get(item.question.kind, item.question.kind), item.question.stem,
            right_answer_label(item.question), stats.asked, stats.answered, stats.right,
            as_fraction(stats.right_rate), spread,
        ])  # fmt: skip
        questions.cell(questions.max_row, 8).number_format = "0%"
    for row in questions.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    teams = _sheet(
        workbook, "支部",
        ["名次", "并列", "支部", "参加人数", "应参加人数", "参与率", "平均分", "最高分",
         "未参加人数"],
        [6, 12, 18, 10, 10, 8, 8, 8, 10], first=False,
    )  # fmt: skip
    for team in results.teams:
        teams.append([
            team.rank, tie_label(team.rank, team.tied), team.team, team.participants,
            team.expected if results.roster is not None else "", as_fraction(team.rate),
            team.average if team.participants else "", team.best if team.participants else "",
            len(team.missing) if results.roster is not None else "",
        ])  # fmt: skip
        teams.cell(teams.max_row, 6).number_format = "0%"

    missing = _sheet(workbook, "未参加", ["姓名", "账号", "支部"], [12, 14, 18], first=False)
    if results.roster is None:
        missing.append(["（这场答题赛没有应参加名单）"])
    for person in results.missing:
        missing.append([person.name, person.username, person.team or ""])

    info = workbook.create_sheet("说明")
    info.column_dimensions["A"].width = 14
    info.column_dimensions["B"].width = 50
    for key, value in (
        ("答题赛", contest.title),
        ("开放时间", f"{_china(contest.opens_at)} 至 {_china(contest.closes_at)}（北京时间）"),
        ("导出时间", _china(at)),
        ("排名规则", "得分高者在前；得分相同，用时少者在前；再相同，交卷早者在前；"
                    "都相同者名次并列（如 1、1、3）。可答多次时取每人最好的一次。"),
        ("支部排名", "按交卷者的平均分排名；平均分相同，参与率高者在前（有应参加名单时）；"
                    "都相同者名次并列。还没有人交卷的支部和未分组不排名。"),
    ):  # fmt: skip
        info.append([key, value])

    buffer = io.BytesIO()
    keep_text(workbook).save(buffer)
    buffer.seek(0)
    return buffer
