"""Question statistics on hand-computed examples, and where the answers come from."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quizapp.extensions import db
from quizapp.workbench import stats as st

SINGLE = st.QuestionInfo(1, "single", ("甲", "乙", "丙", "丁"), "甲")


def test_right_rate_and_discrimination_on_a_hand_computed_example():
    # Ten takers answer four filler questions (ids 100-103) and question 1.
    # (taker, filler right, choice on question 1)
    plan = [
        ("t0", 4, "甲"),
        ("t1", 4, "甲"),
        ("t2", 3, "甲"),
        ("t3", 3, "乙"),
        ("t4", 2, "甲"),
        ("t5", 2, "乙"),
        ("t6", 1, "乙"),
        ("t7", 1, "甲"),
        ("t8", 0, "乙"),
        ("t9", 0, "丙"),
    ]
    responses = []
    for taker, filler_right, choice in plan:
        for i in range(4):
            responses.append(st.Response(taker, 100 + i, i < filler_right, "x"))
        responses.append(st.Response(taker, 1, choice == "甲", choice))
    scores = st.taker_scores(responses)
    assert scores["t0"] == 1.0 and scores["t3"] == pytest.approx(0.6) and scores["t9"] == 0.0

    result = st.question_stats(responses, [SINGLE])[1]
    assert result.answered == 10
    assert result.right == 5 and result.right_rate == 0.5
    # k = round(0.27 × 10) = 3. Top three by score: t0 (1.0), t1 (1.0), t2 (0.8), all right;
    # bottom three: t6 (0.2), t8 (0), t9 (0), all wrong. D = 3/3 − 0/3 = 1.
    assert result.discrimination == 1.0
    assert result.option_counts == [5, 4, 1, 0]
    assert result.flags == []


def test_a_wrong_option_chosen_more_than_the_right_one_is_flagged():
    choices = {"t0": "乙", "t1": "乙", "t2": "乙", "t3": "甲", "t4": "甲"}
    responses = [st.Response(t, 1, c == "甲", c) for t, c in choices.items()]
    result = st.question_stats(responses, [SINGLE])[1]
    assert result.right_rate == pytest.approx(0.4)
    # k = round(1.35) = 1: top t3 (right), bottom t2 (wrong) → 1.0
    assert result.discrimination == 1.0
    assert result.flags == ["distractor"]
    assert result.flag_labels == ["错误选项比正确选项更受选"]


def test_multiple_choice_distractor_compares_with_the_least_chosen_right_option():
    question = st.QuestionInfo(2, "multiple", ("甲", "乙", "丙"), ["甲", "乙"])
    picks = [["甲", "乙"], ["甲", "乙"], ["甲", "丙"], ["甲", "丙"], ["甲", "丙"]]
    responses = [st.Response(f"t{i}", 2, set(p) == {"甲", "乙"}, p) for i, p in enumerate(picks)]
    result = st.question_stats(responses, [question])[2]
    assert result.option_counts == [5, 2, 3]
    assert "distractor" in result.flags


def test_too_easy_and_flat_questions_are_flagged():
    responses = [st.Response(f"t{i}", 1, True, "甲") for i in range(6)]
    result = st.question_stats(responses, [SINGLE])[1]
    assert result.right_rate == 1.0
    assert result.discrimination == 0.0
    assert result.flags == ["too_easy", "low_discrimination"]


def test_too_hard_is_flagged_but_only_from_five_answers():
    few = [st.Response(f"t{i}", 1, False, "乙") for i in range(4)]
    result = st.question_stats(few, [SINGLE])[1]
    assert result.flags == [] and result.discrimination is None
    many = [
        st.Response(f"t{i}", 1, i == 0, "甲" if i == 0 else ["乙", "丙"][i % 2]) for i in range(8)
    ]
    assert "too_hard" in st.question_stats(many, [SINGLE])[1].flags


def test_contest_summary_participation_average_and_best():
    summary = st.summarize_scores("第一支部", [60.0, 80.0, 100.0], expected=4)
    assert summary.participants == 3
    assert summary.participation_percent == 75
    assert summary.average == 80.0 and summary.best == 100.0
    assert st.summarize_scores("空", []).average is None


# ------------------------------------------------------------------ answers from the database


@pytest.fixture
def answered_bank(app, make_bank, make_user, make_group):
    """Self-test, paper-contest and live-round answers to one single-choice question."""
    from quizapp.models import (
        Attempt,
        AttemptAnswer,
        LiveAnswer,
        LiveContest,
        LivePlayer,
        LiveQuestion,
        PaperAnswer,
        PaperAttempt,
        PaperContest,
        PaperRosterGroup,
        utcnow,
    )

    material_id, ids = make_bank(4)
    qid = ids[0]  # single: 核心意识 among 政治/大局/核心/看齐
    group = make_group("第一支部")
    users = [make_user(group_id=group.id) for _ in range(4)]
    with app.app_context():
        now = utcnow()
        for n, choice in enumerate(["核心意识", "大局意识", "大局意识"]):
            attempt = Attempt(
                token=f"tok{n}",
                user_id=users[n].id,
                material_id=material_id,
                mode="exam" if n == 0 else "practice",
                submitted_at=now if n == 0 else None,  # practice is rarely "submitted"
            )
            db.session.add(attempt)
            db.session.flush()
            db.session.add(
                AttemptAnswer(
                    attempt_id=attempt.id,
                    question_id=qid,
                    response=choice,
                    is_correct=choice == "核心意识",
                )
            )
        contest = PaperContest(
            title="知识答题赛",
            material_id=material_id,
            opens_at=now,
            closes_at=now + timedelta(days=1),
            time_limit_s=600,
            kind_counts={"single": 1},
        )
        db.session.add(contest)
        db.session.flush()
        db.session.add(PaperRosterGroup(contest_id=contest.id, group_id=group.id))
        paper = PaperAttempt(
            contest_id=contest.id,
            user_id=users[0].id,
            seed=1,
            question_ids=[qid],
            deadline_at=now,
            finished_at=now,
            score=1,
            total=1,
        )
        db.session.add(paper)
        db.session.flush()
        db.session.add(
            PaperAnswer(attempt_id=paper.id, question_id=qid, response="大局意识", is_correct=False)
        )
        live = LiveContest(
            code="123456", title="现场赛", host_token_hash="h", question_count=1, current_position=1
        )
        db.session.add(live)
        db.session.flush()
        lq = LiveQuestion(
            contest_id=live.id, position=1, uid="u1", bank_question_id=qid, question={}, seconds=20
        )
        player = LivePlayer(contest_id=live.id, name="小王", team="红队", token_hash="t", score=900)
        db.session.add_all([lq, player])
        db.session.flush()
        db.session.add(
            LiveAnswer(
                player_id=player.id,
                question_id=lq.id,
                response="政治意识",
                canonical="",
                correct=False,
            )
        )
        db.session.commit()
    return material_id, qid


def test_statistics_include_self_tests_paper_contests_and_live_rounds(app, answered_bank):
    from quizapp.workbench import services

    material_id, qid = answered_bank
    with app.app_context():
        pairs = services.question_statistics(material_id)
        assert len(pairs) == 1
        question, result = pairs[0]
        assert question.id == qid
        assert result.answered == 5  # three self-tests, one paper attempt, one live player
        assert result.right == 1
        assert result.option_counts == [1, 3, 1, 0]
        assert result.flags == ["too_hard", "distractor"]

        contests = {c["title"]: c for c in services.contest_statistics()}
        paper = contests["知识答题赛"]
        assert paper["summary"].participants == 1 and paper["summary"].expected == 4
        assert paper["summary"].best == 100.0
        assert [(t.name, t.participants, t.expected) for t in paper["teams"]] == [
            ("第一支部", 1, 4)
        ]
        live = contests["现场赛"]
        assert live["summary"].best == 900 and live["teams"][0].name == "红队"


def test_stats_page_links_flagged_questions_to_their_edit_page(client, login_as, answered_bank):
    _, qid = answered_bank
    login_as("organizer")
    page = client.get("/manage/stats").get_data(as_text=True)
    assert f"/manage/questions/{qid}/edit" in page
    assert "太难" in page and "错误选项比正确选项更受选" in page
    assert "知识答题赛" in page and "25%" in page  # 1 of 4 in the roster took part
    # a live round's points are whole numbers: "900 分", not "900.0分"; a full paper is "100%"
    assert "<td>900 分</td>" in page and "900.0" not in page
    assert "<td>100%</td>" in page and "100.0%" not in page

    response = client.get("/manage/stats.xlsx")
    assert response.status_code == 200
    from io import BytesIO

    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(response.data))
    assert workbook.sheetnames == ["题目统计", "竞赛", "队伍"]
    rows = list(workbook["题目统计"].iter_rows(values_only=True))
    assert rows[1][0] == qid and rows[1][4] == 5 and rows[1][5] == 0.2
    teams = list(workbook["队伍"].iter_rows(values_only=True))
    assert ("知识答题赛", "第一支部", 1, 4, 0.25) == teams[1][:5]


def test_stats_page_rounds_a_half_percent_up_as_the_contest_results_page_does(
    app, client, login_as, make_user, answered_bank
):
    """1 of 8 in the roster took part: the 答题赛's results page reads 13% (四舍五入), and so
    does 统计 (it read 12%, Python's format rounding a half to even)."""
    from quizapp.models import Group

    with app.app_context():
        group_id = db.session.scalar(db.select(Group.id).where(Group.name == "第一支部"))
    for _ in range(4):
        make_user(group_id=group_id)
    login_as("organizer")
    page = client.get("/manage/stats").get_data(as_text=True)
    assert "<td>13%</td>" in page and "<td>12%</td>" not in page

    from io import BytesIO

    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(client.get("/manage/stats.xlsx").data))
    rate = workbook["队伍"]["E2"]  # the sheet reads what the page reads, 13%, not 0.125
    assert (rate.value, rate.number_format) == (0.13, "0%")
    assert workbook["题目统计"]["F2"].number_format == "0%"


def test_stats_export_writes_formula_like_names_as_text(app, client, login_as, answered_bank):
    """A contest, live round or team named like a formula stays text in the organizer's Excel."""
    from io import BytesIO

    from openpyxl import load_workbook

    from quizapp.models import LivePlayer, PaperContest

    with app.app_context():
        db.session.scalars(db.select(PaperContest)).one().title = "=3+4"
        db.session.scalars(db.select(LivePlayer)).one().team = "@SUM(1)"
        db.session.commit()
    login_as("organizer")
    workbook = load_workbook(BytesIO(client.get("/manage/stats.xlsx").data))
    cells = {
        cell.value: cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value[:1] in "=@"
    }
    assert set(cells) == {"=3+4", "@SUM(1)"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells.values())
