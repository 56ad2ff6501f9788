"""Paper contests (答题赛) through the web: creating, sitting a paper against the server's clock,
answers hidden until the close, best of K, rosters, the 错题本, access, the Excel export."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import pytest
from conftest import xlsx_bytes
from openpyxl import load_workbook
from sqlalchemy import select

from quizapp.contests import services
from quizapp.extensions import db
from quizapp.models import (
    BankQuestion,
    NotebookEntry,
    PaperAnswer,
    PaperAttempt,
    PaperContest,
)

FOUR_EACH = {"single": 2, "multiple": 2, "judge": 2, "cloze": 2}


class Clock:
    """The server clock of the contest services, moved by hand."""

    def __init__(self) -> None:
        self.t = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(services, "now", clock)
    return clock


@pytest.fixture
def make_contest(app, make_bank, clock):
    def make(material_id: int | None = None, **kw: Any) -> int:
        if material_id is None:
            material_id, _ = make_bank(8)  # two questions of each kind
        with app.app_context():
            contest = services.create_contest(
                title=kw.get("title", "十一月答题赛"),
                material_id=material_id,
                opens_at=clock.t + timedelta(seconds=kw.get("opens", -60)),
                closes_at=clock.t + timedelta(seconds=kw.get("closes", 3600)),
                kind_counts=kw.get("counts", FOUR_EACH),
                time_limit_s=kw.get("limit", 600),
                max_attempts=kw.get("attempts", 1),
                reveal=kw.get("reveal", "after_close"),
                created_by_id=None,
                group_ids=kw.get("groups", ()),
                roster_user_ids=kw.get("users", ()),
            )
            db.session.commit()
            return contest.id

    return make


def start(client, contest_id: int) -> int:
    response = client.post(f"/contests/paper/{contest_id}/start")
    assert response.status_code == 302, response.data.decode()[:500]
    match = re.search(r"/contests/attempts/(\d+)", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def paper_of(app, attempt_id: int) -> list[BankQuestion]:
    with app.app_context():
        attempt = db.session.get(PaperAttempt, attempt_id)
        questions = services.paper_questions(attempt)
        for q in questions:
            db.session.expunge(q)
        return questions


def fields(q: BankQuestion, right: bool) -> dict[str, Any]:
    """Form fields answering `q` rightly or wrongly, as the paper page posts them."""
    name = f"q{q.id}"
    if q.kind == "cloze":
        return {f"{name}_0": q.answer[0] if right else "错误的答案"}
    if q.kind == "judge":
        return {name: ("true" if q.answer else "false") if right != (not q.answer) else "false"}
    options = list(q.options)
    if q.kind == "single":
        wrong = next(i for i, o in enumerate(options) if o != q.answer)
        return {name: str(options.index(q.answer) if right else wrong)}
    rights = [str(options.index(a)) for a in q.answer]
    wrong = next(str(i) for i, o in enumerate(options) if o not in q.answer)
    return {name: rights if right else [wrong]}


def judge_fields(q: BankQuestion, right: bool) -> dict[str, str]:
    value = bool(q.answer) if right else not bool(q.answer)
    return {f"q{q.id}": "true" if value else "false"}


def answer(q: BankQuestion, right: bool) -> dict[str, Any]:
    return judge_fields(q, right) if q.kind == "judge" else fields(q, right)


def save(client, attempt_id: int, q: BankQuestion, right: bool = True):
    return client.post(
        f"/contests/attempts/{attempt_id}/answer",
        data={"question": q.id, **answer(q, right)},
        headers={"Accept": "application/json"},
    )


def start_two_saved(app, client, login_as, make_contest) -> tuple[int, list[BankQuestion]]:
    """A learner starts a paper of 120 s and saves the first answer right, the second wrong;
    returns the attempt's id and the paper's questions."""
    contest_id = make_contest(limit=120)
    login_as()
    attempt_id = start(client, contest_id)
    questions = paper_of(app, attempt_id)
    save(client, attempt_id, questions[0])
    save(client, attempt_id, questions[1], right=False)
    return attempt_id, questions


def attempt_row(app, attempt_id: int) -> PaperAttempt:
    with app.app_context():
        attempt = db.session.get(PaperAttempt, attempt_id)
        db.session.expunge(attempt)
        return attempt


# ---------------------------------------------------------------- creating


def valid_form(material_id: int, **changes: Any) -> dict[str, Any]:
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    data = {
        "title": "学习二十大答题赛",
        "material": str(material_id),
        "opens_at": "2025-01-01T08:00",
        "closes_at": tomorrow.strftime("%Y-%m-%dT%H:%M"),
        "count_single": "2",
        "count_multiple": "2",
        "count_judge": "1",
        "count_cloze": "1",
        "time_limit": "20",
        "max_attempts": "1",
        "reveal": "after_close",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "请填写答题赛名称。"),
        ({"title": "长" * 101}, "名称最多 100 个字。"),
        ({"material": "99999"}, "请从给出的选项中选择。"),
        ({"opens_at": None}, "请填写开始时间。"),
        ({"closes_at": "2025-01-01T07:00"}, "截止时间应晚于开始时间。"),
        ({"closes_at": "2025-01-02T08:00"}, "截止时间已经过去了。"),
        ({"count_multiple": "5"}, "多选题只有 2 道（要抽 5 道）"),
        ({"count_single": "-1"}, "题数应在 0 到 200 之间。"),
        ({"count_judge": ""}, "请填写题数（不考这类题填 0）。"),
        (
            {"count_single": "0", "count_multiple": "0", "count_judge": "0", "count_cloze": "0"},
            "至少要考一道题",
        ),
        ({"time_limit": "0"}, "答题限时应在 1 到 600 分钟之间。"),
        ({"max_attempts": "11"}, "答题次数应在 1 到 10 之间。"),
        ({"reveal": "never"}, "请从给出的选项中选择。"),
        # what WTForms wrote itself came out in English (web12: quizapp/forms.py)
        ({"count_single": "1.5"}, "请填写整数。"),
        ({"material": "abc"}, "请从给出的选项中选择。"),
        ({"opens_at": "明天上午"}, "时间格式不对，请按 2026-12-01 09:00 这样的格式填写。"),
    ],
)
def test_create_form_validation_messages(
    app, client, login_as, make_bank, changes: dict, message: str
) -> None:
    material_id, _ = make_bank(8)
    login_as("organizer")
    response = client.post("/contests/paper/new", data=valid_form(material_id, **changes))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(PaperContest)) is None


def test_a_short_pool_names_the_doubted_questions_an_organizer_may_confirm(
    app, client, login_as, make_bank
) -> None:
    material_id, ids = make_bank(8)  # 2 of each kind
    with app.app_context():
        multiple = [r for r in db.session.scalars(select(BankQuestion).where(
            BankQuestion.id.in_(ids), BankQuestion.kind == "multiple"))]  # fmt: skip
        multiple[0].weak = True  # doubted by the engine: not drawn until confirmed
        db.session.commit()
    login_as("organizer")
    response = client.post("/contests/paper/new", data=valid_form(material_id))
    text = response.get_data(as_text=True)
    assert "多选题只有 1 道（要抽 2 道）" in text
    assert "另有 1 道存疑题，在题库审核中确认后可用" in text
    with app.app_context():
        assert db.session.scalar(select(PaperContest)) is None


def test_a_material_whose_every_question_is_doubted_is_named_not_offered(
    app, client, login_as, make_bank
) -> None:
    material_id, ids = make_bank(4, title="新上传的讲话")
    with app.app_context():
        for qid in ids:
            db.session.get(BankQuestion, qid).weak = True
        db.session.commit()
    login_as("organizer")
    for page in ("/contests/paper/new", "/live/rounds/new"):
        text = client.get(page).get_data(as_text=True)
        assert f'<option value="{material_id}"' not in text, page
        assert "新上传的讲话</a>》的 4 道题都是存疑题，在题库审核中确认后才能用于竞赛" in text, page
        assert f"/manage/questions?material={material_id}&amp;status=doubtful" in text, page


def test_a_number_that_is_not_whole_gets_one_message(client, login_as, make_bank) -> None:
    """1.5 题 said `Not a valid integer value.` and, under it, the range message run on the
    nothing that was read (题数应在 0 到 200 之间): now 请填写整数。 alone."""
    material_id, _ = make_bank(8)
    login_as("organizer")
    page = client.post(
        "/contests/paper/new", data=valid_form(material_id, count_single="1.5")
    ).get_data(as_text=True)
    start = page.index('id="count_single"')
    field = page[start : page.index("</div>", start)]
    assert re.findall(r'<p class="error"[^>]*>([^<]*)</p>', field) == ["请填写整数。"]


def test_a_time_typed_by_hand_is_taken(app, client, login_as, make_bank) -> None:
    """A browser without a date-time picker shows a text box: 2025-01-01 08:00 typed there (a
    space, not the picker's T) said "Not a valid datetime value."; it is now taken as it is."""
    material_id, _ = make_bank(8)
    login_as("organizer")
    response = client.post(
        "/contests/paper/new", data=valid_form(material_id, opens_at="2025-01-01 08:00")
    )
    assert response.status_code == 302
    with app.app_context():
        contest = db.session.scalar(select(PaperContest))
        assert contest.opens_at == datetime(2025, 1, 1, 0, 0, tzinfo=UTC)  # 08:00 in Beijing


def roster_upload(rows: list[list[str]], name: str = "名单.xlsx") -> tuple[io.BytesIO, str]:
    return io.BytesIO(xlsx_bytes(rows)), name


def test_create_with_groups_and_roster_file_in_china_time(
    app, client, login_as, make_bank, make_group, make_user
) -> None:
    material_id, _ = make_bank(8)
    group = make_group("第一党支部")
    other = make_group("第二党支部")
    listed = make_user("zhangsan", display_name="张三", group_id=other.id)
    by_name = make_user("lisi", display_name="李四", group_id=other.id)
    login_as("organizer")
    data = valid_form(material_id, opens_at="2030-03-01T08:00", closes_at="2030-03-08T20:00")
    data["groups"] = [str(group.id)]
    data["roster_file"] = roster_upload(
        [["姓名", "支部", "账号"], ["张三", "第二党支部", "zhangsan"], ["李四", "第二党支部", ""]]
    )
    response = client.post("/contests/paper/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    with app.app_context():
        contest = db.session.scalar(select(PaperContest))
        assert contest.opens_at == datetime(2030, 3, 1, 0, 0, tzinfo=UTC)  # 08:00 北京时间
        assert contest.closes_at == datetime(2030, 3, 8, 12, 0, tzinfo=UTC)
        assert contest.kind_counts == {"single": 2, "multiple": 2, "judge": 1, "cloze": 1}
        assert contest.time_limit_s == 1200
        assert [g.group_id for g in contest.roster_groups] == [group.id]
        assert sorted(u.user_id for u in contest.roster_users) == sorted([listed.id, by_name.id])
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "2030-03-01 08:00" in page


def test_create_refuses_roster_rows_without_account(app, client, login_as, make_bank) -> None:
    material_id, _ = make_bank(8)
    login_as("organizer")
    data = valid_form(material_id)
    data["roster_file"] = roster_upload([["姓名", "账号"], ["王五", "nobody"], ["赵六", ""]])
    response = client.post("/contests/paper/new", data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "第 2 行（王五）：找不到账号“nobody”" in page
    assert "第 3 行（赵六）：找不到姓名为“赵六”的账号" in page
    with app.app_context():
        assert db.session.scalar(select(PaperContest)) is None


def test_a_roster_chosen_before_another_error_is_asked_for_again(
    app, client, login_as, make_bank, make_user
) -> None:
    """A browser cannot keep a chosen file across a failed submit: the organizer is told the
    roster was not kept, by name, instead of creating a contest without it unawares."""
    material_id, _ = make_bank(8)
    make_user("zhangsan", display_name="张三")
    login_as("organizer")
    data = valid_form(material_id, title="")
    data["roster_file"] = roster_upload([["姓名", "账号"], ["张三", "zhangsan"]], "一支部名单.xlsx")
    response = client.post("/contests/paper/new", data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert "请填写答题赛名称。" in page
    assert "名单文件“一支部名单.xlsx”没有保存，改正错误后请重新选择它。" in page
    # the roster's own error is message enough; no file, no note
    bad = valid_form(material_id, title="")
    assert "没有保存" not in client.post("/contests/paper/new", data=bad).get_data(as_text=True)


# ---------------------------------------------------------------- sitting a paper


def test_paper_is_drawn_by_kind_counts_and_stored(app, client, login_as, make_bank, make_contest):
    material_id, _ = make_bank(16)  # four of each kind
    contest_id = make_contest(material_id, counts={"single": 3, "judge": 2, "cloze": 1})
    login_as()
    attempt_id = start(client, contest_id)
    kinds = [q.kind for q in paper_of(app, attempt_id)]
    assert kinds == ["single"] * 3 + ["judge"] * 2 + ["cloze"]
    row = attempt_row(app, attempt_id)
    assert len(row.question_ids) == len(set(row.question_ids)) == 6
    # Starting again resumes the same paper instead of drawing a new one.
    assert start(client, contest_id) == attempt_id
    page = client.get(f"/contests/attempts/{attempt_id}").get_data(as_text=True)
    assert page.count('class="card pc-q"') == 6
    assert "pc-bar" in page and f'data-deadline="{row.deadline_at.timestamp()}"' in page


def test_contest_page_lists_the_kinds_without_stray_spaces(
    client, login_as, make_bank, make_contest
):
    material_id, _ = make_bank(16)
    contest_id = make_contest(material_id, counts={"single": 3, "judge": 2, "cloze": 1})
    login_as()
    page = client.get(f"/contests/paper/{contest_id}").get_data(as_text=True)
    # what a browser shows: any run of whitespace is one space, and the spans that keep a count
    # on one line ("3 题") show nothing of their own
    shown = re.sub(r"\s+", " ", re.sub(r'</?span( class="nowrap")?>', "", page))
    # no space before 、 or ， (Chinese punctuation takes none; the kind absent is left out)
    assert "<dd>单选 3 题、判断 2 题、填空 1 题，共 6 题，每人试卷随机</dd>" in shown


def test_answers_are_saved_as_they_go_and_survive_a_reload(app, client, login_as, make_contest):
    contest_id = make_contest()
    login_as()
    attempt_id = start(client, contest_id)
    questions = paper_of(app, attempt_id)
    single = next(q for q in questions if q.kind == "single")
    cloze = next(q for q in questions if q.kind == "cloze")
    assert save(client, attempt_id, single).get_json()["saved"] is True
    assert save(client, attempt_id, cloze).get_json()["saved"] is True
    page = client.get(f"/contests/attempts/{attempt_id}").get_data(as_text=True)
    index = list(single.options).index(single.answer)
    assert re.search(rf'name="q{single.id}"[^>]*value="{index}"[^>]*checked', page) or re.search(
        rf'checked[^>]*name="q{single.id}"[^>]*value="{index}"', page
    )
    assert f'value="{cloze.answer[0]}"' in page
    # the blank's length (根本性), beside the stem and on the input, as on the practice page
    assert (
        '党的<span class="blank">（　　）<span class="blank-hint">〔3字〕</span></span>建设' in page
    )
    assert "答案（3字）" in page and 'placeholder="3个字"' in page
    # Changing an answer replaces it: still one row per question.
    save(client, attempt_id, single, right=False)
    with app.app_context():
        rows = db.session.scalars(
            select(PaperAnswer).where(PaperAnswer.attempt_id == attempt_id)
        ).all()
        assert len(rows) == 2
        assert {r.question_id: r.is_correct for r in rows} == {single.id: False, cloze.id: True}


def test_the_deadline_is_enforced_by_the_server(app, client, login_as, make_contest, clock):
    contest_id = make_contest(limit=60)
    login_as()
    attempt_id = start(client, contest_id)
    questions = paper_of(app, attempt_id)
    clock.advance(30)
    assert save(client, attempt_id, questions[0]).status_code == 200
    clock.advance(30.4)  # within the half-second grace
    assert save(client, attempt_id, questions[1]).status_code == 200
    clock.advance(1)
    late = save(client, attempt_id, questions[2])
    assert late.status_code == 409
    assert late.get_json()["message"] == "答题时间已到，这个答案没有被记录。"
    # A late submit with every answer right counts only what was saved in time.
    clock.advance(20)
    everything: dict[str, Any] = {}
    for q in questions:
        everything.update(answer(q, True))
    response = client.post(f"/contests/attempts/{attempt_id}/submit", data=everything)
    assert response.status_code == 302
    row = attempt_row(app, attempt_id)
    assert (row.score, row.total, row.close_reason) == (2, 8, "timeout")
    assert row.time_used_ms == 60_000
    with app.app_context():
        stored = db.session.scalars(select(PaperAnswer.question_id).where(
            PaperAnswer.attempt_id == attempt_id)).all()  # fmt: skip
        assert sorted(stored) == sorted([questions[0].id, questions[1].id])


def test_an_abandoned_paper_is_closed_with_what_was_saved(
    app, client, login_as, make_contest, clock
):
    attempt_id, _ = start_two_saved(app, client, login_as, make_contest)
    clock.advance(3600 * 3)  # never submitted; the contest closed meanwhile
    client.get("/contests/")
    row = attempt_row(app, attempt_id)
    assert row.finished_at == row.deadline_at
    assert (row.score, row.close_reason, row.time_used_ms) == (1, "timeout", 120_000)


def test_submitting_twice_counts_once(app, client, login_as, make_contest, clock):
    contest_id = make_contest()
    login_as()
    attempt_id = start(client, contest_id)
    questions = paper_of(app, attempt_id)
    data = answer(questions[0], True)
    clock.advance(100)
    client.post(f"/contests/attempts/{attempt_id}/submit", data=data)
    clock.advance(100)
    more = {**data, **answer(questions[1], True)}
    client.post(f"/contests/attempts/{attempt_id}/submit", data=more)
    row = attempt_row(app, attempt_id)
    assert (row.score, row.time_used_ms, row.close_reason) == (1, 100_000, "submitted")
    assert save(client, attempt_id, questions[2]).status_code == 409
    with app.app_context():
        assert (
            db.session.scalar(
                select(db.func.count(PaperAnswer.id)).where(PaperAnswer.attempt_id == attempt_id)
            )
            == 1
        )
    # One attempt only: no second paper.
    response = client.post(f"/contests/paper/{contest_id}/start", follow_redirects=True)
    assert "你已经答过这套题了。" in response.get_data(as_text=True)


def test_answers_hidden_until_close_then_wrong_ones_reach_the_notebook(
    app, client, login_as, make_contest, clock
):
    contest_id = make_contest(closes=1800)
    user = login_as()
    attempt_id = start(client, contest_id)
    questions = paper_of(app, attempt_id)
    data: dict[str, Any] = {}
    for i, q in enumerate(questions):
        data.update(answer(q, right=i % 2 == 0))  # four right, four wrong
    client.post(f"/contests/attempts/{attempt_id}/submit", data=data)
    page = client.get(f"/contests/attempts/{attempt_id}").get_data(as_text=True)
    assert "4 <span" in page
    assert "正确答案" not in page and ">答错<" not in page
    assert questions[0].stem not in page
    with app.app_context():
        assert db.session.scalars(select(NotebookEntry)).all() == []
    # Learners see no ranking before the close either.
    assert client.get(f"/contests/paper/{contest_id}/results").status_code == 302

    clock.advance(1801)
    page = client.get(f"/contests/attempts/{attempt_id}").get_data(as_text=True)
    assert "正确答案" in page and page.count(">答错<") == 4
    # the revealed paper draws its stems as the paper did: a blank with its length (根本性)
    hinted = '（　　）<span class="blank-hint">〔3字〕</span>'
    assert f'党的<span class="blank">{hinted}</span>建设' in page
    client.get(f"/contests/paper/{contest_id}")  # viewing again records nothing twice
    with app.app_context():
        entries = db.session.scalars(select(NotebookEntry)).all()
        wrong = {q.id for i, q in enumerate(questions) if i % 2}
        assert {e.question_id for e in entries} == wrong
        assert all(e.user_id == user.id and e.source_kind == "paper" for e in entries)
        assert all(e.wrong_count == 1 for e in entries)
    # the 错题本 says where they came from: a 答题赛 (it said 纸质试卷, a print-out)
    notebook = client.get("/notebook").get_data(as_text=True)
    assert notebook.count("答题赛中答错") == 4 and "纸质试卷" not in notebook


def test_reveal_immediately_shows_answers_at_submit(app, client, login_as, make_contest):
    contest_id = make_contest(reveal="immediately")
    login_as()
    attempt_id = start(client, contest_id)
    questions = paper_of(app, attempt_id)
    client.post(f"/contests/attempts/{attempt_id}/submit", data=answer(questions[0], False))
    page = client.get(f"/contests/attempts/{attempt_id}").get_data(as_text=True)
    assert "正确答案" in page and "未作答" in page
    with app.app_context():
        assert db.session.scalar(select(NotebookEntry.question_id)) == questions[0].id


def test_a_revealed_paper_marks_each_blank_of_a_wrong_cloze(
    app, client, login_as, make_bank, make_question, make_contest
):
    """Once the answers are public, a cloze of several blanks shows which blanks were wrong, as
    the practice pages do."""
    material_id, _ = make_bank(0)
    make_question(
        material_id,
        sample=3,
        stem="强化（　　）和（　　）。",
        answer=["就业优先政策", "社会保障"],
        accepted=[["就业优先政策"], ["社会保障"]],
        keys=["就业优先政策", "社会保障"],
    )
    contest_id = make_contest(material_id, counts={"cloze": 1}, reveal="immediately")
    login_as()
    attempt_id = start(client, contest_id)
    (q,) = paper_of(app, attempt_id)
    given = {f"q{q.id}_0": "就业优先政策", f"q{q.id}_1": "医疗保障"}
    client.post(f"/contests/attempts/{attempt_id}/submit", data=given)
    page = client.get(f"/contests/attempts/{attempt_id}").get_data(as_text=True)
    marks = re.findall(r'given-blank is-(right|wrong)">([^<]+)<', page)
    assert marks == [("right", "就业优先政策"), ("wrong", "医疗保障")]


def test_best_of_k_counts_the_best_attempt(app, client, login_as, make_contest, clock):
    contest_id = make_contest(attempts=2)
    learner = login_as()
    scores = []
    for right_answers in (1, 3):
        attempt_id = start(client, contest_id)
        questions = paper_of(app, attempt_id)
        data: dict[str, Any] = {}
        for q in questions[:right_answers]:
            data.update(answer(q, True))
        clock.advance(60)
        client.post(f"/contests/attempts/{attempt_id}/submit", data=data)
        scores.append(attempt_row(app, attempt_id).score)
    assert scores == [1, 3]
    response = client.post(f"/contests/paper/{contest_id}/start", follow_redirects=True)
    assert "你已用完全部 2 次答题机会。" in response.get_data(as_text=True)
    with app.app_context():
        results = services.contest_results(db.session.get(PaperContest, contest_id))
        assert [(r.result.user_id, r.result.score) for r in results.ranking] == [(learner.id, 3)]


def test_roster_participation_rate_and_missing_list(
    app, client, auth, make_user, make_group, make_contest, clock
):
    first, second = make_group("一支部"), make_group("二支部")
    a = make_user("a1", display_name="甲", group_id=first.id)
    make_user("a2", display_name="乙", group_id=first.id)
    c = make_user("b1", display_name="丙", group_id=second.id)
    outsider = make_user("x1", display_name="戊")
    contest_id = make_contest(groups=[first.id], users=[c.id])
    for user in (a, c, outsider):
        auth.login(user.username)
        attempt_id = start(client, contest_id)
        client.post(f"/contests/attempts/{attempt_id}/submit", data={})
        auth.logout()
    organizer = make_user(role="organizer")
    auth.login(organizer.username)
    page = client.get(f"/contests/paper/{contest_id}/results").get_data(as_text=True)
    assert "尚未参加" in page and "乙" in page and "a2" in page
    with app.app_context():
        results = services.contest_results(db.session.get(PaperContest, contest_id))
    teams = {t.team: t for t in results.teams}
    assert (teams["一支部"].participants, teams["一支部"].expected) == (1, 2)
    assert teams["一支部"].rate == 50  # whole percent, as the page and the sheet show it
    assert teams["二支部"].rate == 100
    assert teams["未分组"].participants == 1 and teams["未分组"].expected == 0
    assert [p.username for p in results.missing] == ["a2"]


def test_branches_rank_by_average_then_participation_and_ties_share_a_rank(
    app, client, auth, make_user, make_group, make_contest, clock
):
    """Four 支部 on the roster; 一支部's one who took part scored as well as 二支部's and 三支部's
    (1 each) but half of 一支部 did not take part: 二支部 and 三支部 are 并列第 1 名 (both 100%),
    一支部 第 3 名, and 四支部, where nobody handed in, is listed last without a rank (it was
    ranked by an average of 0 among the others). The page, a member's view after the close and
    the Excel sheet say the same."""
    groups = {name: make_group(name) for name in ("一支部", "二支部", "三支部", "四支部")}
    users = {
        key: make_user(key, display_name=key, group_id=groups[team].id)
        for key, team in [("a1", "一支部"), ("a2", "一支部"), ("b1", "二支部"),
                          ("c1", "三支部"), ("d1", "四支部")]
    }  # fmt: skip
    contest_id = make_contest(groups=[g.id for g in groups.values()])
    for key in ("a1", "b1", "c1"):
        auth.login(key)
        attempt_id = start(client, contest_id)
        questions = paper_of(app, attempt_id)
        client.post(f"/contests/attempts/{attempt_id}/submit", data=answer(questions[0], True))
        auth.logout()
    assert users["a2"] and users["d1"]

    def branch_rows(page: str) -> list[tuple[str, str]]:
        table = page[
            page.index('<table class="pc-teams') : page.index("</table>", page.index("pc-teams"))
        ]
        rows = re.findall(
            r'<td class="rank-no"[^>]*>(.*?)</td><td class="pc-team"[^>]*>(.*?)</td>', table
        )
        return [(re.sub(r"<[^>]+>", " ", rank).strip(), name) for rank, name in rows]

    # within the tie by name (三 sorts before 二 by code point, as the missing list sorts)
    expected = [("并列 1", "三支部"), ("并列 1", "二支部"), ("3", "一支部"), ("—", "四支部")]
    organizer = make_user(role="organizer")
    auth.login(organizer.username)
    page = client.get(f"/contests/paper/{contest_id}/results").get_data(as_text=True)
    assert branch_rows(page) == expected
    assert "平均分相同，参与率高者在前" in page
    book = load_workbook(io.BytesIO(client.get(f"/contests/paper/{contest_id}/results.xlsx").data))
    sheet = list(book["支部"].iter_rows(values_only=True))
    assert sheet[0][:3] == ("名次", "并列", "支部")
    assert [row[:3] for row in sheet[1:]] == [
        (1, "并列第 1 名", "三支部"), (1, "并列第 1 名", "二支部"), (3, None, "一支部"),
        (None, None, "四支部"),
    ]  # fmt: skip
    auth.logout()
    clock.advance(3700)  # closed: the members see the ranking too
    auth.login("d1")
    assert (
        branch_rows(client.get(f"/contests/paper/{contest_id}/results").get_data(as_text=True))
        == expected
    )


def test_the_page_and_the_sheet_show_the_same_participation(
    app, client, auth, make_user, make_group, make_contest
):
    """One of 一支部's eight took part: 12.5%. The page read 12% (a half rounded to even) and
    the Excel sheet 13% (its "0%" cell rounds the half up). Both now say 13% (四舍五入), and
    the cell holds that figure, so no spreadsheet program can show another."""
    group = make_group("一支部")
    for n in range(8):
        make_user(f"m{n}", display_name=f"成员{n}", group_id=group.id)
    contest_id = make_contest(groups=[group.id])
    auth.login("m0")
    attempt_id = start(client, contest_id)
    client.post(
        f"/contests/attempts/{attempt_id}/submit", data=answer(paper_of(app, attempt_id)[0], True)
    )
    auth.logout()
    auth.login(make_user(role="organizer").username)
    page = client.get(f"/contests/paper/{contest_id}/results").get_data(as_text=True)
    shown = re.findall(r'<td data-label="参与率">(.*?)</td>', page)
    assert [re.sub(r"<[^>]+>", "", cell) for cell in shown] == ["13%"]
    book = load_workbook(io.BytesIO(client.get(f"/contests/paper/{contest_id}/results.xlsx").data))
    header = [cell.value for cell in book["支部"][1]]
    cell = book["支部"].cell(2, header.index("参与率") + 1)
    assert (cell.value, cell.number_format) == (0.13, "0%")


def test_excel_export_opens_with_every_sheet(app, client, login_as, make_user, auth, make_contest):
    contest_id = make_contest()
    learner = make_user("learner1", display_name="学员甲")
    auth.login(learner.username)
    attempt_id = start(client, contest_id)
    questions = paper_of(app, attempt_id)
    client.post(f"/contests/attempts/{attempt_id}/submit", data=answer(questions[0], True))
    auth.logout()
    login_as("organizer")
    response = client.get(f"/contests/paper/{contest_id}/results.xlsx")
    assert response.status_code == 200
    # named after the contest (as the bank exports are after the material), not "答题赛1成绩"
    assert response.headers["Content-Disposition"].endswith(
        "filename*=UTF-8''" + quote("十一月答题赛-成绩.xlsx")
    )
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == ["参赛者", "题目", "支部", "未参加", "说明"]
    people = list(workbook["参赛者"].iter_rows(values_only=True))
    assert people[0][:2] == ("排名", "并列")
    assert people[1][:7] == (1, None, "学员甲", "learner1", None, 1, 8)
    questions_sheet = list(workbook["题目"].iter_rows(values_only=True))
    assert len(questions_sheet) == 1 + 8
    first = next(row for row in questions_sheet[1:] if row[2] == questions[0].stem and row[6])
    assert first[7] == 1 and "：1" in first[8]


def test_index_lists_contests_by_state(app, client, login_as, make_contest) -> None:
    make_contest(title="正在进行的答题赛")
    make_contest(title="下周的答题赛", opens=86400, closes=2 * 86400)
    make_contest(title="上月的答题赛", opens=-40 * 86400, closes=-30 * 86400)
    page = client.get("/contests/").get_data(as_text=True)
    assert "/join" in page and "新建答题赛" not in page
    assert page.index("正在进行的答题赛") < page.index("下周的答题赛") < page.index("上月的答题赛")
    login_as("organizer")
    assert "新建答题赛" in client.get("/contests/").get_data(as_text=True)


# ---------------------------------------------------------------- access matrix


@pytest.fixture
def scene(app, make_user, make_contest, client, auth):
    """An open contest with one learner's running attempt; returns ids for the routes."""
    contest_id = make_contest()
    owner = make_user("owner")
    auth.login(owner.username)
    attempt_id = start(client, contest_id)
    auth.logout()
    return {"contest": contest_id, "attempt": attempt_id}


ROUTES = [
    # method, path, expected status for (anonymous, learner, organizer)
    ("GET", "/contests/", (200, 200, 200)),
    ("GET", "/contests/paper/new", (302, 403, 200)),
    ("GET", "/contests/paper/{contest}", (200, 200, 200)),
    ("GET", "/contests/paper/9999", (404, 404, 404)),
    ("POST", "/contests/paper/{contest}/start", (302, 302, 302)),
    ("GET", "/contests/attempts/{attempt}", (302, 404, 404)),
    ("POST", "/contests/attempts/{attempt}/answer", (302, 404, 404)),
    ("POST", "/contests/attempts/{attempt}/submit", (302, 404, 404)),
    ("GET", "/contests/paper/{contest}/results", (302, 302, 200)),
    ("GET", "/contests/paper/{contest}/results.xlsx", (302, 403, 200)),
]  # fmt: skip


@pytest.mark.parametrize("role", ["anon", "learner", "organizer"])
@pytest.mark.parametrize(("method", "path", "expected"), ROUTES)
def test_access_matrix(client, login_as, scene, role, method, path, expected) -> None:
    if role != "anon":
        login_as(role)
    response = client.open(path.format(**scene), method=method)
    assert response.status_code == expected[("anon", "learner", "organizer").index(role)]
    if role == "anon" and response.status_code == 302:
        assert "/auth/login" in response.headers["Location"]


def test_a_broken_answer_gets_a_clear_message_and_nothing_stored(
    app, client, login_as, make_contest
) -> None:
    contest_id = make_contest()
    login_as()
    attempt_id = start(client, contest_id)
    single = next(q for q in paper_of(app, attempt_id) if q.kind == "single")
    url = f"/contests/attempts/{attempt_id}/answer"
    bad_choice = client.post(url, data={"question": single.id, f"q{single.id}": "9"})
    assert bad_choice.status_code == 400
    assert bad_choice.get_json()["message"] == "请从给出的选项中选择。"
    elsewhere = client.post(url, data={"question": 999999})
    assert elsewhere.status_code == 400
    assert elsewhere.get_json()["message"] == "这道题不在你的试卷上。"
    with app.app_context():
        assert db.session.scalars(select(PaperAnswer)).all() == []


def test_a_plain_form_post_hands_in_the_whole_paper(app, client, login_as, make_contest):
    """Without the page's script (no scope=touched) the posted form is the whole paper: what it
    leaves blank is blank, even if it had been saved before."""
    contest_id = make_contest()
    login_as()
    attempt_id = start(client, contest_id)
    questions = paper_of(app, attempt_id)
    save(client, attempt_id, questions[0])
    client.post(f"/contests/attempts/{attempt_id}/submit", data=answer(questions[1], True))
    row = attempt_row(app, attempt_id)
    assert (row.score, row.close_reason) == (1, "submitted")
    with app.app_context():
        stored = db.session.scalars(select(PaperAnswer.question_id).where(
            PaperAnswer.attempt_id == attempt_id)).all()  # fmt: skip
        assert stored == [questions[1].id]


def test_the_pages_hand_in_twice_counts_once(app, client, login_as, make_contest, clock):
    """交卷 sent by the page (JSON reply: where the result is) and sent again because the first
    reply was lost in an outage: one close, one score, the wrong answer once in the 错题本,
    and the result page says 已交卷."""
    contest_id = make_contest(reveal="immediately")
    login_as()
    attempt_id = start(client, contest_id)
    questions = paper_of(app, attempt_id)
    data = {**answer(questions[0], True), **answer(questions[1], False)}
    clock.advance(100)
    json = {"Accept": "application/json"}
    url = f"/contests/attempts/{attempt_id}"
    first = client.post(f"{url}/submit", data=data, headers=json)
    assert first.status_code == 200 and first.get_json() == {"finished": True, "url": url}
    clock.advance(100)
    again = client.post(f"{url}/submit", data=data, headers=json)
    assert again.status_code == 200 and again.get_json()["url"] == url
    assert "已交卷。" in client.get(url).get_data(as_text=True)
    row = attempt_row(app, attempt_id)
    assert (row.score, row.time_used_ms, row.close_reason) == (1, 100_000, "submitted")
    with app.app_context():
        entry = db.session.scalars(select(NotebookEntry)).one()
        assert (entry.question_id, entry.wrong_count) == (questions[1].id, 1)


def test_a_late_hand_in_by_the_page_keeps_what_was_saved_in_time(
    app, client, login_as, make_contest, clock
):
    """The hand-in at the deadline held up by an outage, arriving after it: the paper closes at
    its deadline with the answers saved before it (not the late one it carries), and the
    result page says why."""
    attempt_id, questions = start_two_saved(app, client, login_as, make_contest)
    clock.advance(125)
    url = f"/contests/attempts/{attempt_id}"
    data = {**answer(questions[0], True), **answer(questions[2], True)}
    late = client.post(f"{url}/submit", data=data, headers={"Accept": "application/json"})
    assert late.status_code == 200 and late.get_json()["url"] == url
    assert "答题时间已到，按时间到时保存的答案计分。" in client.get(url).get_data(as_text=True)
    row = attempt_row(app, attempt_id)
    assert row.finished_at == row.deadline_at
    assert (row.score, row.close_reason, row.time_used_ms) == (1, "timeout", 120_000)


def test_a_paper_nobody_handed_in_closes_when_its_page_is_opened(
    app, client, login_as, make_contest, clock
):
    """No hand-in ever arrived (the server was down at the deadline, the phone was closed) and
    the contest is still open: the first look at the paper closes it at its deadline with the
    answers saved before it; a hand-in arriving after that changes nothing."""
    attempt_id, questions = start_two_saved(app, client, login_as, make_contest)
    clock.advance(300)
    url = f"/contests/attempts/{attempt_id}"
    page = client.get(url).get_data(as_text=True)
    assert 'id="pc-paper"' not in page  # the result, not the paper
    row = attempt_row(app, attempt_id)
    assert row.finished_at == row.deadline_at
    assert (row.score, row.close_reason, row.time_used_ms) == (1, "timeout", 120_000)
    data = {**answer(questions[2], True), **answer(questions[3], True)}
    client.post(f"{url}/submit", data=data, headers={"Accept": "application/json"})
    assert attempt_row(app, attempt_id).score == 1


def test_a_question_on_a_paper_being_answered_cannot_be_deleted(
    app, client, login_as, make_contest, make_user, clock
) -> None:
    """Deleting a question nobody answered yet, while it sits on a paper being answered, would
    take it off that paper (which still counts it in its total): refused, with 停用 offered.
    Once the paper is handed in, or its time is up, the question can go."""
    contest_id = make_contest(limit=120)
    login_as()
    attempt_id = start(client, contest_id)
    first, second = paper_of(app, attempt_id)[:2]
    organizer = app.test_client()
    organizer.post(
        "/auth/login", data={"username": make_user(role="organizer").username,
                             "password": "password123"},
    )  # fmt: skip
    refused = organizer.post(f"/manage/questions/{first.id}/delete", follow_redirects=True)
    page = refused.get_data(as_text=True)
    assert "1 份正在作答的答题赛试卷上" in page and "请改为“停用”" in page
    with app.app_context():
        assert db.session.get(BankQuestion, first.id) is not None
    assert len(paper_of(app, attempt_id)) == 8
    clock.advance(121)  # time is up (nobody handed in): no paper is being answered any more
    assert organizer.post(f"/manage/questions/{first.id}/delete").status_code == 302
    with app.app_context():
        assert db.session.get(BankQuestion, first.id) is None
        assert db.session.get(BankQuestion, second.id) is not None


def test_taking_questions_out_of_a_contests_bank_warns_the_organizer(
    app, client, login_as, make_bank, make_contest, make_user, clock
) -> None:
    """An organizer 停用s a question (a 纠错 came in) while a 答题赛 on its bank is open: the
    bank now holds fewer 单选 than each paper asks, so the papers drawn from then on are
    shorter than the others. The bank page said nothing; it now names the contest and kind."""
    material_id, ids = make_bank(8)  # two of each kind; the contest asks two of each
    make_contest(material_id, title="十二月答题赛")
    make_contest(material_id, title="已结束的答题赛", opens=-7200, closes=-3600)
    login_as("organizer")
    with app.app_context():
        singles = db.session.scalars(
            select(BankQuestion.id).where(BankQuestion.kind == "single")
        ).all()
    page = client.post(f"/manage/questions/{singles[0]}/disable", follow_redirects=True)
    text = page.get_data(as_text=True)
    assert "已停用这道题" in text
    assert "答题赛“十二月答题赛”每份试卷要抽单选题 2 道（现在只有 1 道）" in text
    assert "已结束的答题赛" not in text
    client.post(f"/manage/questions/{singles[0]}/enable")
    edited = client.get(f"/manage/questions/{singles[0]}/edit", follow_redirects=True)
    assert "十二月答题赛" not in edited.get_data(as_text=True)  # whole again: nothing to say


def test_a_revealed_paper_shows_the_source_as_the_practice_does(
    app, client, login_as, make_contest
):
    """Once the answers are public each question shows 原文： with the question's key marked
    in it, then 解析, as the 练习 and the 错题本 do (qa8: the 答题赛 showed an unlabelled
    quote, its key unmarked, after the 解析)."""
    contest_id = make_contest(counts={"single": 1}, reveal="immediately")
    login_as()
    attempt_id = start(client, contest_id)
    (q,) = paper_of(app, attempt_id)
    client.post(f"/contests/attempts/{attempt_id}/submit", data=answer(q, False))
    page = client.get(f"/contests/attempts/{attempt_id}").get_data(as_text=True)
    card = page.split('class="card pc-q')[1]
    source = card[card.index("原文：") :]
    assert any(f"<mark>{key}</mark>" in source for key in q.keys), card
    assert card.index("原文：") < card.index("解析：")


def test_a_revealed_paper_tells_choices_with_their_letters_in_option_order(
    app, client, auth, login_as, make_bank, make_contest
):
    """After the hand-in a 多选 read 你的答案：忧患意识 and 正确答案：文化自信、道路自信、理论自信:
    no letters though the paper had lettered its options, the key in the bank's order (D before
    A and B). The 练习 and the 错题本 say C. 忧患意识 and A. …；B. …；D. …; so now does the
    答题赛, on the learner's page, in the organizer's 各题正确率 (its 答案分布 too) and in the
    Excel sheet."""
    material_id, _ = make_bank(8)
    with app.app_context():
        multiple = db.session.scalar(
            select(BankQuestion).where(
                BankQuestion.material_id == material_id, BankQuestion.kind == "multiple"
            )
        )
        multiple.answer = ["文化自信", "道路自信", "理论自信"]
        db.session.commit()
    contest_id = make_contest(material_id, counts={"multiple": 1}, reveal="immediately")
    login_as()
    attempt_id = start(client, contest_id)
    (q,) = paper_of(app, attempt_id)
    assert q.options[:4] == ["道路自信", "理论自信", "忧患意识", "文化自信"]
    client.post(f"/contests/attempts/{attempt_id}/submit", data=answer(q, False))
    page = client.get(f"/contests/attempts/{attempt_id}").get_data(as_text=True)
    assert "你的答案：C. 忧患意识</p>" in page
    assert "正确答案：<b>A. 道路自信；B. 理论自信；D. 文化自信</b>" in page
    auth.logout()
    login_as(role="organizer", username="org9")
    page = client.get(f"/contests/paper/{contest_id}/results").get_data(as_text=True)
    assert "正确答案：<b>A. 道路自信；B. 理论自信；D. 文化自信</b>" in page
    # the 答案分布 under it said 忧患意识 1 without the letter (web12)
    assert re.findall(r'<ul class="pc-dist">\s*<li><span>([^<]*)</span>', page) == ["C. 忧患意识"]
    # the Excel sheet said 文化自信、道路自信、理论自信 (web11)
    book = load_workbook(io.BytesIO(client.get(f"/contests/paper/{contest_id}/results.xlsx").data))
    header = [cell.value for cell in book["题目"][1]]
    key = book["题目"].cell(2, header.index("正确答案") + 1).value
    assert key == "A. 道路自信；B. 理论自信；D. 文化自信"
    assert book["题目"].cell(2, header.index("答案分布") + 1).value == "C. 忧患意识：1"
