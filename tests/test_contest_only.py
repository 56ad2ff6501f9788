"""仅用于竞赛: a material an organizer keeps for 答题赛 and 现场赛. A learner reaches none of
its questions or keys in the study area (reading, keyword pages, 练习/测验, 试卷, earlier
tests, the 错题本) and is told why; the organizer still sees and edits the bank; contests still
draw from it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Attempt, AuditEntry, BankQuestion, Material

CLOSED = "这份材料现仅用于竞赛"
ALL_KINDS = ["single", "multiple", "judge", "cloze"]


def set_contest_only(app, material_id: int, value: bool = True) -> None:
    with app.app_context():
        db.session.get(Material, material_id).contest_only = value
        db.session.commit()


def bank_of(app, material_id: int) -> list[BankQuestion]:
    with app.app_context():
        rows = list(
            db.session.scalars(select(BankQuestion).where(BankQuestion.material_id == material_id))
        )
        for row in rows:
            db.session.expunge(row)
        return rows


def keys_shown(page: str, questions: list[BankQuestion]) -> list[str]:
    """The stems and key texts of ``questions`` that appear in ``page`` (tags stripped)."""
    text = re.sub(r"<[^>]+>", "", page)
    found = []
    for q in questions:
        stem = q.stem.replace("（　　）", "")
        if stem[:12] in text:
            found.append(stem[:12])
        if q.kind == "cloze" and f"正确答案：{q.answer[0]}" in text:
            found.append(q.answer[0])
    return found


def start_practice(client, material_id: int, mode: str = "practice") -> str:
    data = {"material": material_id, "count": "0", "kinds": ALL_KINDS, "mode": mode,
            "time_limit": "0"}  # fmt: skip
    response = client.post("/test/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return response.headers["Location"].rsplit("/", 1)[-1]


# ---------------------------------------------------------------- the organizer's setting


def test_the_organizer_turns_contest_only_on_and_off_on_the_material_page(
    app, client, login_as, make_bank
) -> None:
    material_id, _ = make_bank(4)
    login_as("organizer")
    page = client.get(f"/manage/materials/{material_id}").get_data(as_text=True)
    assert "仅用于竞赛：学员练习与试卷中不显示" in page and "向学员开放" in page

    response = client.post(
        f"/manage/materials/{material_id}/contest-only", data={"contest_only": "y"}
    )
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "已设为仅用于竞赛" in page and "<strong>仅用于竞赛</strong>" in page
    assert re.search(r'<input checked[^>]*name="contest_only"', page)
    # the same setting sent again (a double click) writes nothing twice
    client.post(f"/manage/materials/{material_id}/contest-only", data={"contest_only": "y"})
    with app.app_context():
        assert db.session.get(Material, material_id).contest_only is True
        assert db.session.scalar(
            select(func.count()).where(AuditEntry.action == "material.contest_only")
        ) == 1  # fmt: skip

    client.post(f"/manage/materials/{material_id}/contest-only", data={})
    with app.app_context():
        assert db.session.get(Material, material_id).contest_only is False
    assert "手工题库" in client.get("/materials").get_data(as_text=True)


@pytest.mark.parametrize(("role", "status"), [(None, 302), ("learner", 403)])
def test_only_an_organizer_may_change_the_setting(
    app, client, login_as, make_bank, role, status
) -> None:
    material_id, _ = make_bank(4)
    if role:
        login_as(role)
    response = client.post(
        f"/manage/materials/{material_id}/contest-only", data={"contest_only": "y"}
    )
    assert response.status_code == status
    with app.app_context():
        assert db.session.get(Material, material_id).contest_only is False


# (its CSRF token: test_crosscutting.py's pass over every state-changing route)


# ---------------------------------------------------------------- what a learner can reach


@pytest.mark.parametrize("who", [None, "learner", "organizer"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/materials/{id}"),
        ("GET", "/materials/{id}?part=1"),
        ("GET", "/materials/{id}/keys/0"),
        ("POST", "/materials/{id}/keys/0"),
        ("GET", "/materials/{id}/paper"),
        ("GET", "/materials/{id}/paper?count=20&seed=abc123"),
        ("GET", "/materials/{id}/paper?count=20&seed=abc123&answers=1"),
    ],
)
def test_no_study_page_of_a_hidden_material_shows_its_questions_or_keys(
    app, client, login_as, make_material, who, method, path
) -> None:
    material = make_material(title="七一讲话")
    questions = bank_of(app, material.id)
    url = path.format(id=material.id)
    if who:
        login_as(who)
    before = client.open(url, method=method)
    assert before.status_code in (200, 302)
    set_contest_only(app, material.id)
    with app.app_context():
        attempts = db.session.scalar(select(func.count(Attempt.id)))

    response = client.open(url, method=method)
    page = response.get_data(as_text=True)
    assert response.status_code == 403
    assert CLOSED in page and "七一讲话" in page and "看看其他学习材料" in page
    assert keys_shown(page, questions) == []
    with app.app_context():
        assert db.session.scalar(select(func.count(Attempt.id))) == attempts


def test_the_study_lists_leave_a_hidden_material_out(app, client, login_as, make_bank) -> None:
    open_id, _ = make_bank(4, title="公开题库")
    hidden_id, _ = make_bank(4, title="竞赛题库")
    set_contest_only(app, hidden_id)
    login_as("learner")
    for path in ("/", "/materials", "/test/new"):
        page = client.get(path).get_data(as_text=True)
        assert "公开题库" in page and "竞赛题库" not in page, path
    # asked for by hand (an old link, a form edited in the browser): the closed page, not a
    # start form that quietly picked another material
    response = client.get(f"/test/new?material={hidden_id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 403 and CLOSED in page and "竞赛题库" in page
    assert f'value="{hidden_id}"' not in page
    response = client.post(
        "/test/new",
        data={"material": hidden_id, "count": "0", "kinds": ALL_KINDS, "mode": "practice",
              "time_limit": "0"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "请从给出的选项中选择。" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Attempt.id))) == 0


def test_try_it_now_skips_a_hidden_default_material(app, client, make_bank) -> None:
    hidden_id, _ = make_bank(4, title="竞赛题库")
    with app.app_context():
        db.session.get(Material, hidden_id).is_default = True
        db.session.commit()
    set_contest_only(app, hidden_id)
    response = client.post("/test/quick")
    assert response.status_code == 302 and "还没有学习材料。" in client.get("/").get_data(
        as_text=True
    )
    open_id, _ = make_bank(4, title="公开题库")
    response = client.post("/test/quick")
    token = response.headers["Location"].rsplit("/", 1)[-1]
    with app.app_context():
        attempt = db.session.scalar(select(Attempt).where(Attempt.token == token))
        assert attempt.material_id == open_id


def test_earlier_tests_and_the_notebook_say_the_material_is_closed(
    app, client, login_as, make_bank
) -> None:
    material_id, ids = make_bank(4, title="竞赛题库")
    questions = bank_of(app, material_id)
    login_as("learner")
    practice = start_practice(client, material_id)
    cloze = next(q for q in questions if q.kind == "cloze")
    number = next(
        i for i, qid in enumerate(attempt_questions(app, practice), start=1) if qid == cloze.id
    )
    # a wrong answer: the 错题本 gets an entry, the page shows the key
    page = client.post(
        f"/test/{practice}/q/{number}", data={f"q{cloze.id}_0": "重要性"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "根本性" in page
    exam = start_practice(client, material_id, mode="exam")
    review = client.post("/review")
    review_token = review.headers["Location"].rsplit("/", 1)[-1]
    assert "根本性" in client.get("/notebook").get_data(as_text=True)

    set_contest_only(app, material_id)
    for url in (
        f"/test/{practice}",
        f"/test/{practice}/q/{number}",
        f"/test/{practice}/result",
        f"/test/{exam}",
        f"/test/{review_token}",
        f"/test/{review_token}/q/1",
    ):
        response = client.get(url)
        page = response.get_data(as_text=True)
        assert response.status_code == 403 and CLOSED in page, url
        assert "根本性" not in page and keys_shown(page, questions) == [], url
    # a 测验's autosave is told too, and keeps nothing
    response = client.post(
        f"/test/{exam}/exam",
        data={f"q{cloze.id}_0": "根本性", "action": "save"},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 403 and CLOSED in response.get_json()["message"]

    notebook = client.get("/notebook").get_data(as_text=True)
    assert "现仅用于竞赛" in notebook and "竞赛题库" in notebook
    assert "根本性" not in notebook and keys_shown(notebook, questions) == []
    assert '今日待复习 <strong class="due-number">0</strong> 题' in notebook
    response = client.post("/review", follow_redirects=True)
    assert "今天没有要复习的错题。" in response.get_data(as_text=True)

    # opened again: everything comes back as it was
    set_contest_only(app, material_id, False)
    notebook = client.get("/notebook").get_data(as_text=True)
    assert "现仅用于竞赛" not in notebook and "根本性" in notebook
    assert client.get(f"/test/{practice}/q/{number}").status_code == 200


def attempt_questions(app, token: str) -> list[int]:
    with app.app_context():
        return list(db.session.scalar(select(Attempt).where(Attempt.token == token)).question_ids)


# ---------------------------------------------------------------- organizers and contests


def test_the_organizer_still_sees_edits_and_prints_the_bank(
    app, client, login_as, make_bank
) -> None:
    material_id, ids = make_bank(4, title="竞赛题库")
    set_contest_only(app, material_id)
    login_as("organizer")
    page = client.get(f"/manage/questions?material={material_id}").get_data(as_text=True)
    assert "居于核心地位" in page
    assert client.get(f"/manage/questions/{ids[0]}/edit").status_code == 200
    paper = client.get(f"/manage/paper?material={material_id}&count=4&seed=ab12")
    assert paper.status_code == 200 and "居于核心地位" in paper.get_data(as_text=True)
    assert "仅用于竞赛</span>" in client.get("/manage/").get_data(as_text=True)
    # the study area tells the organizer where the bank is
    page = client.get(f"/materials/{material_id}").get_data(as_text=True)
    assert "在工作台管理这份材料" in page


def test_contests_still_draw_from_a_hidden_bank(app, client, login_as, make_bank) -> None:
    from datetime import UTC, datetime, timedelta

    material_id, _ = make_bank(8, title="竞赛题库")
    set_contest_only(app, material_id)
    login_as("organizer")
    page = client.get(f"/live/rounds/new?material_id={material_id}").get_data(as_text=True)
    assert "竞赛题库（8 题，仅用于竞赛）" in page
    response = client.post(
        "/live/rounds/new",
        data={"material_id": material_id, "title": "七一知识竞赛", "count": 4,
              "kinds": ALL_KINDS, "seconds": 15, "points": 1000},
    )  # fmt: skip
    assert response.status_code == 302

    page = client.get("/contests/paper/new").get_data(as_text=True)
    assert "竞赛题库（8 题，仅用于竞赛）" in page
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    response = client.post(
        "/contests/paper/new",
        data={"title": "答题赛", "material": str(material_id), "opens_at": "2025-01-01T08:00",
              "closes_at": tomorrow.strftime("%Y-%m-%dT%H:%M"), "count_single": "2",
              "count_multiple": "2", "count_judge": "2", "count_cloze": "2",
              "time_limit": "20", "max_attempts": "1", "reveal": "immediately"},
    )  # fmt: skip
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    contest_id = int(re.search(r"/contests/paper/(\d+)", response.headers["Location"]).group(1))
    client.post("/auth/logout")
    login_as("learner")
    started = client.post(f"/contests/paper/{contest_id}/start")
    assert started.status_code == 302
    sit = client.get(started.headers["Location"]).get_data(as_text=True)
    assert "居于核心地位" in sit
    attempt_id = int(re.search(r"/contests/attempts/(\d+)", started.headers["Location"]).group(1))
    client.post(f"/contests/attempts/{attempt_id}/submit", data={})
    result = client.get(f"/contests/attempts/{attempt_id}").get_data(as_text=True)
    assert "正确答案" in result  # revealed at once, as this contest says: as before


def test_a_report_page_does_not_read_a_hidden_bank_out(app, client, login_as, make_bank) -> None:
    """纠错 takes a question id: on a bank kept for contests it shows a learner no question,
    and the report still goes through (a 答题赛's result page links to it)."""
    material_id, ids = make_bank(4, title="竞赛题库")
    questions = bank_of(app, material_id)
    set_contest_only(app, material_id)
    login_as("learner")
    for qid in ids:
        page = client.get(f"/manage/questions/{qid}/report").get_data(as_text=True)
        assert "现仅用于竞赛" in page and keys_shown(page, questions) == []
        assert "政治意识" not in page  # an option
    response = client.post(
        f"/manage/questions/{ids[0]}/report", data={"category": "answer", "reason": "答案有误"}
    )
    assert response.status_code == 302
    with app.app_context():
        from quizapp.models import QuestionReport

        assert db.session.scalar(select(func.count(QuestionReport.id))) == 1
    client.post("/auth/logout")
    login_as("organizer")
    page = client.get(f"/manage/questions/{ids[0]}/report").get_data(as_text=True)
    assert "居于核心地位" in page and "现仅用于竞赛" not in page
