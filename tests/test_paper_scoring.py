"""Pure rules of the paper contest: state, drawing, the ranking rule (a test per clause),
team summaries, question statistics, and reading roster files. No app, no database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import xlsx_bytes

from quizapp.contests import scoring
from quizapp.contests.roster import RosterError, read_roster
from quizapp.contests.scoring import Person, Result, rank_results
from quizapp.percent import whole_percent

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def result(user_id: int, score: int, used_s: float, submitted_min: float, **kw) -> Result:
    return Result(
        user_id=user_id,
        name=kw.pop("name", f"u{user_id}"),
        team=kw.pop("team", None),
        score=score,
        time_used_ms=int(used_s * 1000),
        submitted_at=T0 + timedelta(minutes=submitted_min),
        attempt_id=kw.pop("attempt_id", user_id * 100),
        total=kw.pop("total", 10),
    )


def order(rows) -> list[int]:
    return [r.result.user_id for r in rows]


# ---------------------------------------------------------------- state


@pytest.mark.parametrize(
    ("minutes", "state"),
    [(-1, "upcoming"), (0, "open"), (59, "open"), (60, "closed"), (600, "closed")],
)
def test_contest_state_boundaries(minutes: int, state: str) -> None:
    opens, closes = T0, T0 + timedelta(hours=1)
    assert scoring.contest_state(opens, closes, T0 + timedelta(minutes=minutes)) == state


def test_answers_visible_only_after_close_unless_immediately() -> None:
    assert not scoring.answers_visible("after_close", "open")
    assert scoring.answers_visible("after_close", "closed")
    assert scoring.answers_visible("immediately", "open")


# ---------------------------------------------------------------- drawing


POOL = {"single": list(range(1, 21)), "multiple": list(range(21, 31)), "judge": [31, 32, 33]}


def test_draw_by_kind_counts_in_section_order() -> None:
    paper = scoring.draw_paper(POOL, {"judge": 2, "single": 5, "multiple": 3}, seed=7)
    assert len(paper) == 10 and len(set(paper)) == 10
    assert all(q in POOL["single"] for q in paper[:5])
    assert all(q in POOL["multiple"] for q in paper[5:8])
    assert all(q in POOL["judge"] for q in paper[8:])


def test_draw_is_reproducible_by_seed_and_varies_between_people() -> None:
    counts = {"single": 5, "multiple": 3}
    assert scoring.draw_paper(POOL, counts, 42) == scoring.draw_paper(POOL, counts, 42)
    papers = {tuple(scoring.draw_paper(POOL, counts, seed)) for seed in range(20)}
    assert len(papers) > 15


def test_draw_takes_what_a_short_kind_has() -> None:
    paper = scoring.draw_paper(POOL, {"judge": 5, "cloze": 2}, seed=1)
    assert sorted(paper) == [31, 32, 33]
    assert scoring.shortfall({"judge": 3}, {"judge": 5, "single": 0}) == {"judge": 3}


# ---------------------------------------------------------------- ranking: one test per clause


def test_rank_clause_1_higher_score_first() -> None:
    rows = rank_results([result(1, 7, 100, 5), result(2, 9, 900, 50)])
    assert order(rows) == [2, 1]
    assert [r.rank for r in rows] == [1, 2]


def test_rank_clause_2_equal_score_less_time_first() -> None:
    rows = rank_results([result(1, 8, 300, 1), result(2, 8, 200, 40)])
    assert order(rows) == [2, 1]


def test_rank_clause_3_equal_score_and_time_earlier_submission_first() -> None:
    rows = rank_results([result(1, 8, 200, 30), result(2, 8, 200, 10)])
    assert order(rows) == [2, 1]


def test_rank_clause_4_all_equal_share_the_rank_listed_by_user_id() -> None:
    rows = rank_results([result(5, 8, 200, 10), result(3, 8, 200, 10), result(4, 7, 1, 1)])
    assert order(rows) == [3, 5, 4]
    assert [(r.rank, r.tied) for r in rows] == [(1, True), (1, True), (3, False)]


def test_rank_best_of_k_keeps_each_persons_best_attempt_only() -> None:
    rows = rank_results(
        [
            result(1, 5, 100, 1, attempt_id=11),
            result(1, 9, 500, 20, attempt_id=12),
            result(1, 9, 400, 30, attempt_id=13),  # same score, less time: the best
            result(2, 8, 100, 5, attempt_id=21),
        ]
    )
    assert order(rows) == [1, 2]
    assert rows[0].result.attempt_id == 13


# ---------------------------------------------------------------- teams


def test_team_summary_without_roster_has_no_rate() -> None:
    ranking = rank_results(
        [result(1, 8, 1, 1, team="一支部"), result(2, 6, 1, 1, team="一支部"), result(3, 9, 1, 1)]
    )
    teams = {t.team: t for t in scoring.team_summaries(ranking, None)}
    assert teams["一支部"].participants == 2
    assert teams["一支部"].average == 7
    assert teams["一支部"].best == 8
    assert teams["一支部"].rate is None
    assert teams[scoring.NO_TEAM].participants == 1


def test_team_summary_with_roster_rate_and_missing() -> None:
    roster = [
        Person(1, "甲", "a", "一支部"),
        Person(2, "乙", "b", "一支部"),
        Person(3, "丙", "c", "一支部"),
        Person(4, "丁", "d", "二支部"),
    ]
    # user 9 took it without being on the roster: counted as a participant, not in the rate
    ranking = rank_results([result(1, 8, 1, 1, team="一支部"), result(9, 10, 1, 1, team="一支部")])
    teams = {t.team: t for t in scoring.team_summaries(ranking, roster)}
    first, second = teams["一支部"], teams["二支部"]
    assert (first.participants, first.expected, first.on_roster) == (2, 3, 1)
    assert first.rate == 33  # whole percent
    assert [p.name for p in first.missing] == ["乙", "丙"]
    assert (second.participants, second.expected, second.rate) == (0, 1, 0)
    # by team, then name (丙 sorts before 乙 by code point)
    assert [p.username for p in scoring.missing_people(roster, ranking)] == ["c", "b", "d"]


def ranked_teams(scores: dict[str, list[int]], roster: dict[str, int] | None = None):
    """team_summaries over one participant per score (team -> their scores) and, with `roster`
    (team -> roster size), a roster whose first members are the participants."""
    results, people, uid = [], [], 0
    for team, values in scores.items():
        for score in values:
            uid += 1
            results.append(result(uid, score, 60, uid, team=None if team == "-" else team))
    ranking = rank_results(results)
    if roster is not None:
        taken = {r.result.team: [] for r in ranking}
        for row in ranking:
            taken[row.result.team].append(row.result.user_id)
        for team, size in roster.items():
            ids = taken.get(team, [])
            for i in range(size):
                uid += 1
                people.append(Person(ids[i] if i < len(ids) else uid, f"p{uid}", f"u{uid}", team))
    teams = scoring.team_summaries(ranking, people if roster is not None else None)
    return [(t.team, t.rank, t.tied) for t in teams]


def test_teams_rank_by_the_average_of_those_who_handed_in() -> None:
    """A 支部 whose two who took part scored 9 and 7 (average 8) ranks above one of a single 7:
    the average, not the sum, so a big 支部 does not win by numbers alone."""
    rows = ranked_teams({"一支部": [9, 7], "二支部": [7], "三支部": [6, 6, 6, 6]})
    assert rows == [("一支部", 1, False), ("二支部", 2, False), ("三支部", 3, False)]


def test_teams_of_equal_average_rank_by_participation_rate() -> None:
    """Both average 8: the 支部 where 2 of 2 took part ranks above the one where 2 of 4 did."""
    rows = ranked_teams({"一支部": [8, 8], "二支部": [9, 7]}, roster={"一支部": 4, "二支部": 2})
    assert rows == [("二支部", 1, False), ("一支部", 2, False)]


def test_teams_equal_in_average_and_rate_share_the_rank() -> None:
    rows = ranked_teams(
        {"乙支部": [8], "甲支部": [6, 10], "丙支部": [5]},
        roster={"乙支部": 2, "甲支部": 4, "丙支部": 1},
    )
    assert rows == [("乙支部", 1, True), ("甲支部", 1, True), ("丙支部", 3, False)]  # by name


def test_teams_without_a_roster_of_equal_average_share_the_rank() -> None:
    rows = ranked_teams({"二支部": [8], "一支部": [7, 9], "三支部": [10]})
    assert rows == [("三支部", 1, False), ("一支部", 2, True), ("二支部", 2, True)]


def test_a_team_nobody_of_which_handed_in_is_not_ranked_and_no_team_comes_last() -> None:
    """A 支部 on the roster with no paper has no average (the page shows —): it is listed after
    the ranked ones, unranked, not 第 N 名 with 0 points; 未分组 is no 支部 and has no rank."""
    rows = ranked_teams(
        {"-": [10], "一支部": [0]}, roster={"一支部": 1, "二支部": 3}
    )  # 一支部's one member scored 0
    assert rows == [("一支部", 1, False), ("二支部", None, False), (scoring.NO_TEAM, None, False)]


# ---------------------------------------------------------------- questions


def test_question_stats_right_rate_and_distribution() -> None:
    stats = scoring.question_stats(
        asked=[1, 1, 1, 1, 2],
        answers=[(1, "A", True), (1, "B", False), (1, "B", False), (2, "对", True)],
    )
    assert stats[1].asked == 4 and stats[1].answered == 3 and stats[1].right == 1
    assert stats[1].right_rate == 25  # unanswered counts as not right; whole percent
    assert stats[1].distribution == [("B", 2), ("A", 1)]
    assert stats[2].right_rate == 100


def test_format_duration() -> None:
    assert scoring.format_duration(45_000) == "45 秒"
    assert scoring.format_duration(725_400) == "12 分 05 秒"
    assert scoring.format_duration(None) == ""


# ---------------------------------------------------------------- roster files


def test_read_roster_xlsx_with_header_and_blank_rows() -> None:
    data = xlsx_bytes(
        [["姓名", "支部", "账号"], ["张三", "一支部", "zs"], [], ["李四", "二支部", None]]
    )
    rows = read_roster(data, "名单.xlsx")
    assert [(r.line, r.name, r.team, r.username) for r in rows] == [
        (2, "张三", "一支部", "zs"),
        (4, "李四", "二支部", ""),
    ]


def test_read_roster_csv_in_gbk() -> None:
    rows = read_roster("账号,姓名\nzs,张三\n".encode("gbk"), "roster.csv")
    assert rows[0].username == "zs" and rows[0].name == "张三"


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"x", "roster.pdf", "Excel"),
        (b"not a zip", "roster.xlsx", "无法读取"),
        (b"", "roster.csv", "空的"),
        ("电话,地址\n1,2\n".encode(), "roster.csv", "表头"),
        ("姓名\n".encode(), "roster.csv", "没有任何人"),
    ],
)
def test_read_roster_errors(data: bytes, name: str, message: str) -> None:
    with pytest.raises(RosterError) as caught:
        read_roster(data, name)
    assert message in caught.value.message


def test_a_rate_is_a_whole_percent_with_halves_rounded_up() -> None:
    """The one rounding of a results page and its sheet (四舍五入, exact: 29/200 is 14.5%, which
    float arithmetic makes 14.4999…)."""
    assert [whole_percent(1, 8), whole_percent(29, 200), whole_percent(1, 3)] == [13, 15, 33]
    assert [whole_percent(0, 5), whole_percent(5, 5), whole_percent(0, 0)] == [0, 100, None]
