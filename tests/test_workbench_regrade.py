"""重新评分: an organizer corrects a question's key in the workbench and the stored answers of
答题赛, 现场赛 and 自测 follow — players' scores and rankings change, closed contests too, on
SQLite and PostgreSQL; a form sent twice re-scores once; nothing stored is lost."""

from __future__ import annotations

import html
import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from conftest import SAMPLE_QUESTIONS, logged_in_client
from sqlalchemy import func, select

from quizapp.contests import services as paper_services
from quizapp.extensions import db
from quizapp.live import services as live_services
from quizapp.live.ranking import ScoredAnswer, replay_points
from quizapp.models import (
    AttemptAnswer,
    AuditEntry,
    BankQuestion,
    LiveAnswer,
    LiveQuestion,
    Material,
    NotebookEntry,
    PaperAnswer,
)
from quizapp.study import notebook
from quizapp.study.owner import Owner
from quizapp.workbench.regrade import carry_response

SINGLE, JUDGE, CLOZE = SAMPLE_QUESTIONS[0], SAMPLE_QUESTIONS[2], SAMPLE_QUESTIONS[3]
WRONG_KEY = "政治意识"  # the key typed by mistake; the text says 核心意识 (option C)
API = "/api/v1/contests"


def flashes(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def bank(app, *, single_key: str = WRONG_KEY) -> tuple[int, int, int, int]:
    """A material whose single choice has the wrong key; returns (material, single, judge,
    cloze) ids."""
    with app.app_context():
        material = Material(title="学习材料", text="（手工）", content_hash=uuid.uuid4().hex)
        db.session.add(material)
        db.session.flush()
        rows = []
        for data in (dict(SINGLE, answer=single_key), JUDGE, CLOZE):
            data = dict(data)
            data.setdefault("accepted", [])
            rows.append(
                BankQuestion(
                    material_id=material.id, uid=uuid.uuid4().hex[:12], origin="manual", **data
                )
            )
        db.session.add_all(rows)
        db.session.commit()
        return material.id, *(row.id for row in rows)


def edit_form(**changes: Any) -> dict[str, Any]:
    data = {
        "kind": "single",
        "stem": SINGLE["stem"],
        "answer": "C",
        "explanation": "",
        "tags": "",
        "status": "active",
        "accepted": "",
    }
    for letter, option in zip("ABCD", SINGLE["options"], strict=True):
        data[f"option_{letter}"] = option
    data.update(changes)
    return data


# ---------------------------------------------------------------- 答题赛


class Clock:
    def __init__(self) -> None:
        self.t = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.t


def paper_contest(app, material_id: int, clock: Clock) -> int:
    with app.app_context():
        contest = paper_services.create_contest(
            title="十一月答题赛",
            material_id=material_id,
            opens_at=clock.t - timedelta(minutes=1),
            closes_at=clock.t + timedelta(hours=1),
            kind_counts={"single": 1, "judge": 1},
            time_limit_s=600,
            max_attempts=1,
            reveal="after_close",
            created_by_id=None,
            group_ids=(),
            roster_user_ids=(),
        )
        db.session.commit()
        return contest.id


def sit(client, contest_id: int, single_id: int, judge_id: int, option: str) -> None:
    """Start the paper and hand it in: the single choice answered with `option`, the 判断 right."""
    response = client.post(f"/contests/paper/{contest_id}/start")
    attempt_id = int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))
    data = {f"q{single_id}": str(SINGLE["options"].index(option)), f"q{judge_id}": "true"}
    response = client.post(f"/contests/attempts/{attempt_id}/submit", data=data)
    assert response.status_code == 302


def ranking(client, contest_id: int) -> list[tuple[str, str]]:
    """(name, score) rows of the results page, in rank order."""
    page = client.get(f"/contests/paper/{contest_id}/results").get_data(as_text=True)
    table = page.split('class="pc-rank', 1)[1].split("</table>", 1)[0]
    rows = re.findall(
        r'class="rank-name"[^>]*><span>([^<]+)</span>.*?<td><b>(\d+)</b>', table, re.S
    )
    return rows


def test_a_corrected_key_rescores_a_closed_paper_contest_and_its_ranking(db_app, monkeypatch):
    app = db_app
    clock = Clock()
    monkeypatch.setattr(paper_services, "now", clock)
    material_id, single_id, judge_id, _ = bank(app)
    contest_id = paper_contest(app, material_id, clock)
    jia = logged_in_client(app, "jia", "learner", "甲")
    yi = logged_in_client(app, "yi", "learner", "乙")
    sit(jia, contest_id, single_id, judge_id, WRONG_KEY)  # right by the wrong key
    clock.t += timedelta(seconds=30)
    sit(yi, contest_id, single_id, judge_id, "核心意识")  # right by the text
    clock.t += timedelta(hours=2)  # the contest is over
    organizer = logged_in_client(app, "org", "organizer", "王组织")
    assert ranking(organizer, contest_id) == [("甲", "2"), ("乙", "1")]

    form = flashes(organizer.get(f"/manage/questions/{single_id}/edit").get_data(as_text=True))
    assert "这道题已有 2 条作答：答题赛“十一月答题赛”（已结束）2 条" in form
    assert "会按新答案重新评分" in form

    response = organizer.post(
        f"/manage/questions/{single_id}/edit", data=edit_form(), follow_redirects=True
    )
    page = flashes(response.get_data(as_text=True))
    assert "已保存修改。" in page
    assert "已按新答案重新评分 2 条作答：答题赛“十一月答题赛”（已结束）2 条" in page
    assert "1 条由错改为对，1 条由对改为错" in page
    assert "相关成绩和排名已随之更新" in page
    assert "注意：答题赛“十一月答题赛”（已结束）已经结束" in page
    assert ranking(organizer, contest_id) == [("乙", "2"), ("甲", "1")]
    # what the players see: their own results page
    own = re.compile(r"<td><b>(\d+)</b> / (\d+)</td>")
    assert own.search(yi.get(f"/contests/paper/{contest_id}").get_data(as_text=True)).groups() == (
        "2",
        "2",
    )
    assert own.search(jia.get(f"/contests/paper/{contest_id}").get_data(as_text=True)).groups() == (
        "1",
        "2",
    )
    assert ranking(yi, contest_id)[0] == ("乙", "2")  # the players' ranking page too

    # the same form sent again: nothing to change, nothing re-scored a second time
    again = organizer.post(
        f"/manage/questions/{single_id}/edit", data=edit_form(), follow_redirects=True
    )
    assert "没有改动。" in flashes(again.get_data(as_text=True))
    with app.app_context():
        regrades = db.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "question.regrade")
        ).all()
        assert len(regrades) == 1
        assert regrades[0].details["places"][0]["to_right"] == 1
        assert db.session.scalar(select(func.count(PaperAnswer.id))) == 4  # none lost
    assert ranking(organizer, contest_id) == [("乙", "2"), ("甲", "1")]


# ---------------------------------------------------------------- 现场赛


def live_round(app, question_ids: list[int], *, streak: int = 0) -> tuple[str, dict[str, str]]:
    with app.app_context():
        rows = [db.session.get(BankQuestion, qid) for qid in question_ids]
        contest, host_token = live_services.create_contest(
            rows, title="支部知识竞赛", seconds=20, streak=streak
        )
        db.session.commit()
        return contest.code, {"Authorization": f"Bearer {host_token}"}


def test_a_corrected_key_replays_live_points_streaks_and_the_leaderboard(db_app, monkeypatch):
    app = db_app
    now = [1_800_000_000.0]
    monkeypatch.setattr(live_services, "now_ts", lambda: now[0])
    _, single_id, judge_id, _ = bank(app)
    code, host = live_round(app, [single_id, judge_id], streak=500)
    client = app.test_client()
    players = {}
    for name in ("甲", "乙"):
        reply = client.post(f"{API}/{code}/players", json={"name": name})
        players[name] = {"Authorization": f"Bearer {reply.get_json()['token']}"}
    given = {"甲": [WRONG_KEY, True], "乙": ["核心意识", True]}
    for index in range(2):
        state = client.post(f"{API}/{code}/advance", headers=host).get_json()
        qid = state["question"]["id"]
        now[0] = state["question"]["deadline"] - 20  # at the opening: full points
        for name, answers in given.items():
            reply = client.post(
                f"{API}/{code}/answers",
                headers=players[name],
                json={"question_id": qid, "answer": answers[index]},
            )
            assert reply.status_code == 200, reply.get_json()
        client.post(f"{API}/{code}/advance", headers=host)
    client.post(f"{API}/{code}/advance", headers=host)  # past the last: finished

    def board() -> list[tuple[str, int]]:
        rows = client.get(f"{API}/{code}/leaderboard").get_json()["players"]
        return [(row["name"], row["score"]) for row in rows]

    assert board() == [("甲", 1000 + 1100), ("乙", 1000)]

    organizer = logged_in_client(app, "org", "organizer", "王组织")
    form = flashes(organizer.get(f"/manage/questions/{single_id}/edit").get_data(as_text=True))
    assert "现场赛“支部知识竞赛”（已结束）2 条" in form
    response = organizer.post(
        f"/manage/questions/{single_id}/edit", data=edit_form(), follow_redirects=True
    )
    page = flashes(response.get_data(as_text=True))
    assert "现场赛“支部知识竞赛”（已结束）2 条（1 条由错改为对，1 条由对改为错）" in page
    assert "注意：现场赛“支部知识竞赛”（已结束）已经结束" in page
    # 乙's 判断 is now the second right answer in a row: +100 streak bonus
    assert board() == [("乙", 1000 + 1100), ("甲", 1000)]
    with app.app_context():
        copy = db.session.scalars(
            select(LiveQuestion).where(LiveQuestion.bank_question_id == single_id)
        ).one()
        assert copy.question["answer"] == "核心意识"  # the round shows the corrected key
        assert db.session.scalar(select(func.count(LiveAnswer.id))) == 4


def test_a_round_not_yet_played_is_scored_by_the_corrected_key(db_app, monkeypatch):
    app = db_app
    now = [1_800_000_000.0]
    monkeypatch.setattr(live_services, "now_ts", lambda: now[0])
    _, single_id, _, _ = bank(app)
    code, host = live_round(app, [single_id])
    organizer = logged_in_client(app, "org", "organizer", "王组织")
    form = flashes(organizer.get(f"/manage/questions/{single_id}/edit").get_data(as_text=True))
    assert "现场赛“支部知识竞赛”（未开始）出了这道题，还没有人作答" in form
    organizer.post(f"/manage/questions/{single_id}/edit", data=edit_form())
    client = app.test_client()
    token = client.post(f"{API}/{code}/players", json={"name": "丙"}).get_json()["token"]
    state = client.post(f"{API}/{code}/advance", headers=host).get_json()
    client.post(
        f"{API}/{code}/answers",
        headers={"Authorization": f"Bearer {token}"},
        json={"question_id": state["question"]["id"], "answer": "核心意识"},
    )
    client.post(f"{API}/{code}/advance", headers=host)
    rows = client.get(f"{API}/{code}/leaderboard").get_json()["players"]
    assert rows[0]["name"] == "丙" and rows[0]["score"] > 0


# ---------------------------------------------------------------- 自测


def test_an_added_spelling_rescores_practice_answers_and_the_learner_sees_it(db_app):
    app = db_app
    material_id, _, _, cloze_id = bank(app, single_key="核心意识")
    learner = logged_in_client(app, "ding", "learner", "丁")
    data = {"material": material_id, "count": "0", "kinds": ["cloze"], "mode": "practice",
            "time_limit": "0"}  # fmt: skip
    token = learner.post("/test/new", data=data).headers["Location"].rsplit("/", 1)[-1]
    response = learner.post(f"/test/{token}/q/1", data={f"q{cloze_id}_0": "根本"})
    assert response.status_code == 302
    learner.post(f"/test/{token}/finish")
    score = re.compile(r'data-testid="score">(\d+) / (\d+)<')
    assert score.search(learner.get(f"/test/{token}/result").get_data(as_text=True)).groups() == (
        "0",
        "1",
    )
    organizer = logged_in_client(app, "org", "organizer", "王组织")
    form = {"kind": "cloze", "stem": CLOZE["stem"], "answer": "根本性", "accepted": "根本",
            "explanation": "", "tags": "", "status": "active"}  # fmt: skip
    response = organizer.post(
        f"/manage/questions/{cloze_id}/edit", data=form, follow_redirects=True
    )
    page = flashes(response.get_data(as_text=True))
    assert "自测（练习、测验）1 条（1 条由错改为对）" in page
    assert "注意" not in page  # no contest was touched
    assert score.search(learner.get(f"/test/{token}/result").get_data(as_text=True)).groups() == (
        "1",
        "1",
    )
    with app.app_context():
        stored = db.session.scalars(select(AttemptAnswer)).one()
        assert stored.response == ["根本"] and stored.is_correct


def test_an_edit_that_leaves_the_key_alone_rescores_nothing(app, client, login_as):
    material_id, single_id, _, _ = bank(app, single_key="核心意识")
    login_as("organizer")
    response = client.post(
        f"/manage/questions/{single_id}/edit",
        data=edit_form(explanation="核心意识是关键。"),
        follow_redirects=True,
    )
    page = flashes(response.get_data(as_text=True))
    assert "已保存修改。" in page and "重新评分" not in page


# ---------------------------------------------------------------- the 错题本 follows


def practise_single(app, client, material_id: int, single_id: int, option: str) -> None:
    """A 练习 of the material's one single choice, answered with ``option``."""
    data = {"material": material_id, "count": "0", "kinds": ["single"], "mode": "practice",
            "time_limit": "0"}  # fmt: skip
    token = client.post("/test/new", data=data).headers["Location"].rsplit("/", 1)[-1]
    choice = str(SINGLE["options"].index(option))
    assert client.post(f"/test/{token}/q/1", data={f"q{single_id}": choice}).status_code == 302


def notebook_page(client) -> str:
    return flashes(client.get("/notebook").get_data(as_text=True))


def test_the_notebook_follows_a_corrected_key(db_app):
    """丁 answered the text's 核心意识 and was marked wrong by the wrong key; 戊 answered the
    wrong key and was marked right. After the correction 丁's 错题本 no longer holds the
    question, 戊's does (with 戊's answer as the mistake), in the edit's own request."""
    app = db_app
    material_id, single_id, _, _ = bank(app)
    ding = logged_in_client(app, "ding", "learner", "丁")
    wu = logged_in_client(app, "wu", "learner", "戊")
    practise_single(app, ding, material_id, single_id, "核心意识")
    practise_single(app, wu, material_id, single_id, WRONG_KEY)
    assert SINGLE["stem"][:8] in notebook_page(ding)
    assert "错题本是空的" in notebook_page(wu)

    organizer = logged_in_client(app, "org", "organizer", "王组织")
    response = organizer.post(
        f"/manage/questions/{single_id}/edit", data=edit_form(), follow_redirects=True
    )
    page = flashes(response.get_data(as_text=True))
    moved = "错题本随之更新：1 人的这道题移出错题本（按新答案没有答错），1 人的这道题记入错题本。"
    assert moved in page

    mine = notebook_page(ding)
    assert "错题本是空的" in mine and "已掌握 0 题" in mine  # removed, not "mastered"
    theirs = notebook_page(wu)
    assert SINGLE["stem"][:8] in theirs
    assert f"你答错时的答案：A. {WRONG_KEY}" in theirs
    assert "今日待复习 1 题" in theirs  # due at once, as any mistake
    with app.app_context():
        entry = db.session.scalars(select(NotebookEntry)).one()
        assert entry.last_response == WRONG_KEY and entry.wrong_count == 1
        audit = db.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "question.regrade")
        ).one()
        assert audit.details["notebook"] == {"left": 1, "entered": 1}


def test_a_question_wrong_elsewhere_stays_in_the_notebook(db_app):
    """丁 got the question wrong twice: once by the wrong key only, once for real (大局意识).
    The correction takes back the first mistake, not the entry."""
    app = db_app
    material_id, single_id, _, _ = bank(app)
    ding = logged_in_client(app, "ding", "learner", "丁")
    practise_single(app, ding, material_id, single_id, "大局意识")
    practise_single(app, ding, material_id, single_id, "核心意识")
    with app.app_context():
        entry = db.session.scalars(select(NotebookEntry)).one()
        assert entry.wrong_count == 2 and entry.last_response == "核心意识"
    organizer = logged_in_client(app, "org", "organizer", "王组织")
    page = flashes(
        organizer.post(
            f"/manage/questions/{single_id}/edit", data=edit_form(), follow_redirects=True
        ).get_data(as_text=True)
    )
    assert "错题本随之更新" not in page  # nobody's entry came or went
    mine = notebook_page(ding)
    assert "你答错时的答案：B. 大局意识" in mine  # the real mistake, not the answer now right
    assert "错 1 次" in mine
    with app.app_context():
        entry = db.session.scalars(select(NotebookEntry)).one()
        assert entry.wrong_count == 1 and entry.last_response == "大局意识"


def test_a_closed_paper_contests_notebooks_follow_the_corrected_key(db_app, monkeypatch):
    app = db_app
    clock = Clock()
    monkeypatch.setattr(paper_services, "now", clock)
    material_id, single_id, judge_id, _ = bank(app)
    contest_id = paper_contest(app, material_id, clock)
    jia = logged_in_client(app, "jia", "learner", "甲")
    yi = logged_in_client(app, "yi", "learner", "乙")
    sit(jia, contest_id, single_id, judge_id, WRONG_KEY)
    sit(yi, contest_id, single_id, judge_id, "核心意识")
    clock.t += timedelta(hours=2)  # closed: answers shown, mistakes in the 错题本
    for client in (jia, yi):
        client.get(f"/contests/paper/{contest_id}")
    assert "错题本是空的" in notebook_page(jia)
    assert SINGLE["stem"][:8] in notebook_page(yi)
    organizer = logged_in_client(app, "org", "organizer", "王组织")
    organizer.post(f"/manage/questions/{single_id}/edit", data=edit_form())
    assert "错题本是空的" in notebook_page(yi)
    page = notebook_page(jia)
    assert SINGLE["stem"][:8] in page and "答题赛中答错" in page


def test_a_live_rounds_notebooks_follow_the_corrected_key(db_app, monkeypatch):
    """Players signed in when they joined get their 现场赛 mistakes in the 错题本 when a
    question closes; a correction moves them as it moves the points."""
    app = db_app
    now = [1_800_000_000.0]
    monkeypatch.setattr(live_services, "now_ts", lambda: now[0])
    _, single_id, _, _ = bank(app)
    code, host = live_round(app, [single_id])
    jia = logged_in_client(app, "jia", "learner", "甲")
    yi = logged_in_client(app, "yi", "learner", "乙")
    tokens = {}
    for client, name in ((jia, "甲"), (yi, "乙")):
        reply = client.post(f"{API}/{code}/players", json={"name": name})
        tokens[name] = {"Authorization": f"Bearer {reply.get_json()['token']}"}
    state = jia.post(f"{API}/{code}/advance", headers=host).get_json()
    for name, given in (("甲", WRONG_KEY), ("乙", "核心意识")):
        jia.post(
            f"{API}/{code}/answers",
            headers=tokens[name],
            json={"question_id": state["question"]["id"], "answer": given},
        )
    jia.post(f"{API}/{code}/advance", headers=host)  # closed: mistakes to the 错题本
    assert "错题本是空的" in notebook_page(jia)
    assert "现场赛中答错" in notebook_page(yi)
    organizer = logged_in_client(app, "org", "organizer", "王组织")
    page = flashes(
        organizer.post(
            f"/manage/questions/{single_id}/edit", data=edit_form(), follow_redirects=True
        ).get_data(as_text=True)
    )
    assert "1 人的这道题移出错题本" in page and "1 人的这道题记入错题本" in page
    assert "错题本是空的" in notebook_page(yi)
    assert "现场赛中答错" in notebook_page(jia)


def test_an_exam_not_handed_in_leaves_the_notebook_to_its_hand_in(db_app):
    """A 测验 still open has not noted anything yet: the correction changes no 错题本, and the
    hand-in notes the verdicts by the corrected key."""
    app = db_app
    material_id, single_id, _, _ = bank(app)
    wu = logged_in_client(app, "wu", "learner", "戊")
    data = {"material": material_id, "count": "0", "kinds": ["single"], "mode": "exam",
            "time_limit": "0"}  # fmt: skip
    token = wu.post("/test/new", data=data).headers["Location"].rsplit("/", 1)[-1]
    choice = str(SINGLE["options"].index(WRONG_KEY))
    wu.post(f"/test/{token}/exam", data={f"q{single_id}": choice, "action": "save"})
    organizer = logged_in_client(app, "org", "organizer", "王组织")
    page = flashes(
        organizer.post(
            f"/manage/questions/{single_id}/edit", data=edit_form(), follow_redirects=True
        ).get_data(as_text=True)
    )
    assert "错题本随之更新" not in page
    assert "错题本是空的" in notebook_page(wu)
    wu.post(f"/test/{token}/exam", data={f"q{single_id}": choice, "action": "submit"})
    assert SINGLE["stem"][:8] in notebook_page(wu)


def test_a_mistake_found_by_the_correction_reopens_a_mastered_entry(ctx, make_user):
    """The rules of follow_rescoring on their own: a mastered entry opens again for an answer
    now wrong; an entry whose kept answer is still wrong stays when the stored answers it came
    from are gone (a deleted contest)."""
    now = datetime(2026, 11, 29, 8, tzinfo=UTC)
    user = make_user()
    material_id, single_id, _, _ = bank(ctx)
    owner = Owner(user_id=user.id)
    notebook.record_answer(user_id=user.id, visitor_id=None, question_id=single_id,
                           response="大局意识", is_correct=False, now=now)  # fmt: skip
    entry = db.session.scalars(select(NotebookEntry)).one()
    notebook.mark_mastered(entry, now)
    later = now + timedelta(days=9)
    answer = notebook.Rescored(owner, WRONG_KEY, True, False, now, "self")
    moves = notebook.follow_rescoring(single_id, [answer], lambda given: False, later)
    assert (moves.entered, moves.left) == (1, 0)
    assert entry.mastered_at is None and entry.due_at == later and entry.wrong_count == 2
    assert entry.last_response == WRONG_KEY

    # its only stored mistake is now right, but the entry keeps an answer still wrong
    entry.last_response = "大局意识"
    back = notebook.Rescored(owner, WRONG_KEY, False, True, now, "self")
    moves = notebook.follow_rescoring(single_id, [back], lambda given: given == WRONG_KEY, later)
    assert (moves.entered, moves.left) == (0, 0)
    assert db.session.scalars(select(NotebookEntry)).one() is entry
    # ... and leaves once that answer is right too
    moves = notebook.follow_rescoring(single_id, [back], lambda given: True, later)
    assert moves.left == 1 and db.session.scalars(select(NotebookEntry)).all() == []


def test_a_mastered_entry_made_by_the_wrong_key_goes_uncounted(ctx, make_user):
    """A mastered entry (已掌握, not in the list) whose only mistake the correction makes right is
    removed, but the organizer is not told it left anyone's 错题本: it was not in it (review9)."""
    now = datetime(2026, 11, 29, 8, tzinfo=UTC)
    user = make_user()
    _, single_id, _, _ = bank(ctx)
    notebook.record_answer(user_id=user.id, visitor_id=None, question_id=single_id,
                           response=WRONG_KEY, is_correct=False, now=now)  # fmt: skip
    notebook.mark_mastered(db.session.scalars(select(NotebookEntry)).one(), now)
    back = notebook.Rescored(Owner(user_id=user.id), WRONG_KEY, False, True, now, "self")
    moves = notebook.follow_rescoring(single_id, [back], lambda given: True, now)
    assert (moves.entered, moves.left) == (0, 0)
    assert db.session.scalars(select(NotebookEntry)).all() == []


# ---------------------------------------------------------------- the pure parts


def test_a_choice_whose_text_was_corrected_keeps_its_place():
    old = ["政治意识", "大局意识", "核心意思", "看齐意识"]
    new = ["政治意识", "大局意识", "核心意识", "看齐意识"]
    assert carry_response("single", old, new, "核心意思") == "核心意识"
    assert carry_response("single", old, new, "大局意识") == "大局意识"
    assert carry_response("multiple", old, new, ["核心意思", "政治意识"]) == [
        "核心意识",
        "政治意识",
    ]
    assert carry_response("judge", [], [], True) is True


def test_replayed_points_follow_the_new_run_of_right_answers():
    answers = [
        ScoredAnswer(1, True, 0, 20),
        ScoredAnswer(2, True, 0, 20),
        ScoredAnswer(4, True, 0, 20),
    ]
    assert replay_points(answers, 1000, 500) == [1000, 1100, 1000]
    broken = [ScoredAnswer(1, False, 0, 20), ScoredAnswer(2, True, 10_000, 20)]
    assert replay_points(broken, 1000, 500) == [0, 750]
    assert replay_points(answers, 1000, 0) == [1000, 1000, 1000]
