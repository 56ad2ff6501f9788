"""JSON API v1 for live rounds: the contract, on SQLite and on PostgreSQL.

The server clock (quizapp.live.services.now_ts) is replaced by a clock the tests move by hand,
so deadlines pass without waiting.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import pytest
from conftest import SAMPLE_QUESTIONS
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.live import services
from quizapp.models import BankQuestion, LiveAnswer, LivePlayer, Material

API = "/api/v1/contests"
T0 = 1_800_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(services, "now_ts", clock)
    return clock


def make_round(app, samples=(0, 1, 2, 3), *, seconds=20, streak=0, user_id=None) -> tuple[str, str]:
    """A live round over hand-made questions (single, multiple, judge, cloze by default)."""
    with app.app_context():
        material = Material(
            title="手工题库", text="（手工）" + uuid.uuid4().hex, content_hash=uuid.uuid4().hex
        )
        db.session.add(material)
        db.session.flush()
        rows = []
        for i in samples:
            data = dict(SAMPLE_QUESTIONS[i])
            data.setdefault("accepted", [])
            row = BankQuestion(
                material_id=material.id, uid=uuid.uuid4().hex[:12], origin="manual", **data
            )
            db.session.add(row)
            rows.append(row)
        db.session.flush()
        contest, host_token = services.create_contest(
            rows,
            title="支部知识竞赛",
            seconds=seconds,
            streak=streak,
            material_id=material.id,
            created_by_id=user_id,
        )
        db.session.commit()
        return contest.code, host_token


class Api:
    """A tiny client for the contract."""

    def __init__(self, client, code: str, host_token: str) -> None:
        self.client = client
        self.code = code
        self.host = {"Authorization": f"Bearer {host_token}"}

    def state(self):
        return self.client.get(f"{API}/{self.code}")

    def join(self, name: Any, team: Any = None, **kwargs):
        return self.client.post(
            f"{API}/{self.code}/players", json={"name": name, "team": team}, **kwargs
        )

    def player(self, name: str, team: str | None = None) -> dict[str, str]:
        response = self.join(name, team)
        assert response.status_code == 201, response.get_json()
        return {"Authorization": f"Bearer {response.get_json()['token']}"}

    def answer(self, headers, question_id: str, answer: Any):
        return self.client.post(
            f"{API}/{self.code}/answers",
            headers=headers,
            json={"question_id": question_id, "answer": answer},
        )

    def advance(self, headers=None):
        return self.client.post(
            f"{API}/{self.code}/advance", headers=self.host if headers is None else headers
        )

    def leaderboard(self) -> dict[str, Any]:
        response = self.client.get(f"{API}/{self.code}/leaderboard")
        assert response.status_code == 200
        return response.get_json()


@pytest.fixture
def api(db_app, clock) -> Api:
    code, host_token = make_round(db_app)
    return Api(db_app.test_client(), code, host_token)


def error_of(response, status: int) -> str:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) == {"error", "message"}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"]), "message is Chinese"
    return body["error"]


# ---------------------------------------------------------------- joining


def test_join_then_state_in_the_lobby(api):
    response = api.join("张三", "第一党支部")
    assert response.status_code == 201
    body = response.get_json()
    assert isinstance(body["player_id"], int) and isinstance(body["token"], str)
    state = api.state().get_json()
    assert state["status"] == "lobby"
    assert state["question"] is None
    assert abs(state["server_time"] - T0) < 1


def test_join_refusals(api, db_app):
    api.player("张三")
    assert error_of(api.join("张三"), 409) == "name_taken"
    assert error_of(api.join(" 张三\u202e "), 409) == "name_taken"  # trimmed, bidi removed
    unknown = api.client.post(f"{API}/ZZZZZZ/players", json={"name": "李四"})
    assert error_of(unknown, 404) == "not_found"
    assert error_of(api.client.post(f"{API}/{api.code}/players", data="名字"), 400)
    assert error_of(api.client.post(f"{API}/{api.code}/players", json=["李四"]), 400)
    assert error_of(api.join(None), 400)
    assert error_of(api.join(42), 400)
    assert error_of(api.join("\u200b\u0007 "), 400)  # nothing left once cleaned
    assert error_of(api.join("一二三四五六七八九十一二三四五六七"), 400)  # 17 characters
    assert api.join("一二三四五六七八九十一二三四五六").status_code == 201  # 16 is fine
    with db_app.app_context():
        names = db.session.scalars(select(LivePlayer.name).order_by(LivePlayer.id)).all()
    assert names == ["张三", "一二三四五六七八九十一二三四五六"]


def test_names_are_cleaned_of_control_and_bidi_characters(api, db_app):
    response = api.join("  王\u202e五\u0000\u200f  ", "  机关\t党支部 ")
    assert response.status_code == 201
    assert response.get_json()["name"] == "王五"
    assert response.get_json()["team"] == "机关 党支部"


def test_locked_lobby_refuses_joins_with_403(api):
    assert error_of(api.client.post(f"{API}/{api.code}/lock", json={"locked": True}), 401)
    response = api.client.post(f"{API}/{api.code}/lock", json={"locked": True}, headers=api.host)
    assert response.status_code == 200 and response.get_json()["locked"] is True
    assert error_of(api.join("迟到的人"), 403) == "locked"
    api.client.post(f"{API}/{api.code}/lock", json={"locked": False}, headers=api.host)
    assert api.join("迟到的人").status_code == 201


# ---------------------------------------------------------------- a round, question by question


def test_open_question_reveals_no_answer_and_closed_one_does(api, clock):
    alice = api.player("甲")
    assert error_of(api.advance({"Authorization": "Bearer wrong"}), 401) == "unauthorized"
    assert error_of(api.advance({}), 401)
    state = api.advance().get_json()
    assert state["status"] == "open"
    q = state["question"]
    assert q["number"] == 1 and q["total"] == 4 and q["kind"] == "single"
    assert q["options"] == SAMPLE_QUESTIONS[0]["options"]
    assert q["deadline"] == pytest.approx(T0 + 20)
    assert "blanks" not in q  # only a cloze has blanks
    raw = api.state().get_data(as_text=True)
    assert "answer" not in json.loads(raw)["question"]
    assert "explanation" not in raw and "source" not in raw and "keys" not in raw

    clock.advance(5)
    assert api.answer(alice, q["id"], "核心意识").get_json() == {"accepted": True}
    clock.advance(16)  # past the deadline: closed without anyone advancing
    state = api.state().get_json()
    assert state["status"] == "closed"
    assert state["question"]["answer"] == "核心意识"
    board = api.leaderboard()
    assert board["players"] == [
        {
            "rank": 1,
            "tied": False,
            "name": "甲",
            "team": None,
            "score": 875,
            "correct": 1,
            "player_id": 1,
            "time_ms": 5000,
        },
    ]


def test_an_open_cloze_gives_the_length_of_its_key_and_not_the_key(db_app, clock):
    code, host_token = make_round(db_app, samples=(3,))  # 党的（　　）建设: 根本性
    api = Api(db_app.test_client(), code, host_token)
    api.advance()
    raw = api.state().get_data(as_text=True)
    question = json.loads(raw)["question"]
    assert question["kind"] == "cloze" and question["blanks"] == [3]
    assert "根本性" not in raw and "answer" not in question


def test_answers_idempotent_conflicting_late_and_malformed(api, db_app, clock):
    alice, bob = api.player("甲"), api.player("乙")
    api.advance()  # q1 single
    q1 = api.state().get_json()["question"]["id"]
    assert api.answer(alice, q1, "核心意识").status_code == 200
    assert api.answer(alice, q1, "核心意识").get_json() == {"accepted": True}  # same: 200
    assert error_of(api.answer(alice, q1, "政治意识"), 409) == "already_answered"
    assert error_of(api.answer(bob, q1, "不是选项"), 400) == "bad_answer"
    assert error_of(api.answer(bob, q1, ["核心意识"]), 400) == "bad_answer"
    assert error_of(api.answer(bob, "no-such-question", "核心意识"), 409) == "not_open"
    assert error_of(api.client.post(f"{API}/{api.code}/answers", headers=bob, json={}), 400)
    assert error_of(api.answer({"Authorization": "Bearer forged"}, q1, "核心意识"), 401)
    assert error_of(api.answer({}, q1, "核心意识"), 401)

    api.advance()  # early close by the host
    assert error_of(api.answer(bob, q1, "核心意识"), 409) == "closed"
    assert api.answer(alice, q1, "核心意识").status_code == 200  # the repeat stays a 200

    state = api.advance().get_json()  # q2 multiple
    q2 = state["question"]["id"]
    assert api.answer(alice, q2, ["文化自信", "道路自信", "理论自信"]).status_code == 200
    # the same set in another order, with a repeat, is the same answer
    assert (
        api.answer(alice, q2, ["理论自信", "道路自信", "文化自信", "道路自信"]).status_code == 200
    )
    assert error_of(api.answer(alice, q2, ["道路自信", "理论自信"]), 409) == "already_answered"
    clock.advance(20.3)  # after the deadline, inside the grace
    assert api.answer(bob, q2, ["道路自信"]).status_code == 200
    clock.advance(0.3)  # 20.6 s: past deadline + grace
    assert api.answer(bob, q2, ["道路自信"]).status_code == 200  # repeat of a stored answer
    with db_app.app_context():
        stored = db.session.scalar(select(func.count()).select_from(LiveAnswer))
    assert stored == 3  # q1 alice, q2 alice, q2 bob (in grace)

    carol = api.player("丙")  # a late joiner enters at the current question
    assert error_of(api.answer(carol, q2, ["道路自信"]), 409) == "closed"
    with db_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(LiveAnswer)) == 3
        first = db.session.scalars(select(LiveAnswer).order_by(LiveAnswer.id)).first()
        assert first.response == "核心意识"  # the first answer stands


def test_late_answer_is_refused_and_stored_nowhere(api, db_app, clock):
    alice = api.player("甲")
    q1 = api.advance().get_json()["question"]["id"]
    clock.advance(20.6)  # deadline 20 s + the 0.5 s grace has passed
    assert error_of(api.answer(alice, q1, "核心意识"), 409) == "closed"
    with db_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(LiveAnswer)) == 0
    assert api.leaderboard()["players"][0]["score"] == 0


def test_answer_in_the_grace_scores_half_points(api, clock):
    alice = api.player("甲")
    q1 = api.advance().get_json()["question"]["id"]
    clock.advance(20.4)
    assert api.answer(alice, q1, "核心意识").status_code == 200
    clock.advance(0.2)  # the board counts the question once the grace is over
    assert api.leaderboard()["players"][0]["score"] == 500


def test_removed_player_gets_403_and_leaves_the_board(api):
    alice, bob = api.player("甲"), api.player("乙")
    players = api.client.get(f"{API}/{api.code}/players").get_json()
    assert [p["name"] for p in players["players"]] == ["甲", "乙"]
    bob_id = players["players"][1]["id"]
    response = api.client.post(f"{API}/{api.code}/players/{bob_id}/remove")
    assert error_of(response, 401)
    response = api.client.post(f"{API}/{api.code}/players/{bob_id}/remove", headers=api.host)
    assert response.get_json()["removed"] is True
    q1 = api.advance().get_json()["question"]["id"]
    assert error_of(api.answer(bob, q1, "核心意识"), 403) == "removed"
    assert api.answer(alice, q1, "核心意识").status_code == 200
    assert [p["name"] for p in api.leaderboard()["players"]] == ["甲"]
    public = api.client.get(f"{API}/{api.code}/players").get_json()
    assert public["count"] == 1
    host_view = api.client.get(f"{API}/{api.code}/players", headers=api.host).get_json()
    assert [p["removed"] for p in host_view["players"]] == [False, True]


def test_readmit_gives_a_new_phone_the_same_player(api, clock):
    old = api.player("甲")
    q1 = api.advance().get_json()["question"]["id"]
    clock.advance(1)
    api.answer(old, q1, "核心意识")
    api.advance()
    player_id = api.client.get(f"{API}/{api.code}/players").get_json()["players"][0]["id"]
    response = api.client.post(f"{API}/{api.code}/players/{player_id}/readmit", headers=api.host)
    assert response.status_code == 200
    new = {"Authorization": f"Bearer {response.get_json()['token']}"}
    assert error_of(api.client.get(f"{API}/{api.code}/me", headers=old), 401)
    me = api.client.get(f"{API}/{api.code}/me", headers=new).get_json()
    assert me["player_id"] == player_id and me["score"] == 975 and me["rank"] == 1
    q2 = api.advance().get_json()["question"]["id"]
    assert api.answer(new, q2, ["道路自信", "理论自信", "文化自信"]).status_code == 200


def test_a_removed_player_joins_again_under_the_same_name(api, clock):
    """The host removes 甲 in the lobby; 甲 taps 重新加入 and joins under the same name (the old
    place held the name: 409 名字已经有人用了). The new place plays from zero; the old token,
    as a forgotten tab on the phone still holds it, is refused and scores for nobody."""
    old = api.player("甲")
    api.player("乙")
    old_id = api.client.get(f"{API}/{api.code}/players").get_json()["players"][0]["id"]
    removed = api.client.post(f"{API}/{api.code}/players/{old_id}/remove", headers=api.host)
    assert removed.status_code == 200

    again = api.join("甲")
    assert again.status_code == 201, again.get_json()
    new = {"Authorization": f"Bearer {again.get_json()['token']}"}
    assert again.get_json()["player_id"] != old_id
    assert error_of(api.join("甲"), 409) == "name_taken", "the new 甲 holds the name"

    q1 = api.advance().get_json()["question"]["id"]
    clock.advance(1)
    assert error_of(api.answer(old, q1, "核心意识"), 403) == "removed"
    assert api.answer(new, q1, "核心意识").status_code == 200
    api.advance()
    board = api.leaderboard()["players"]
    assert [(p["name"], p["score"]) for p in board] == [("甲", 975), ("乙", 0)]
    host_view = api.client.get(f"{API}/{api.code}/players", headers=api.host).get_json()
    assert [(p["name"], p["removed"]) for p in host_view["players"]] == [
        ("甲", True),
        ("乙", False),
        ("甲", False),
    ]
    # the old place cannot come back beside the new one: two 甲 on the 大屏
    refused = api.client.post(f"{API}/{api.code}/players/{old_id}/readmit", headers=api.host)
    assert error_of(refused, 409) == "name_taken"


def test_full_round_leaderboard_teams_and_finish(api, clock):
    a, b, c, d = (
        api.player("甲", "一支部"),
        api.player("乙", "一支部"),
        api.player("丙", "二支部"),
        api.player("丁"),
    )
    answers = [
        ("核心意识", "核心意识", "政治意识", "核心意识"),
        (["道路自信", "理论自信", "文化自信"], ["道路自信", "理论自信"], ["道路自信"], None),
        (True, False, True, True),
        (["根本性"], ["根本性"], ["根本 性"], ["重要性"]),
    ]
    board_before = None
    for number, row in enumerate(answers, start=1):
        state = api.advance().get_json()
        assert state["status"] == "open" and state["question"]["number"] == number
        qid = state["question"]["id"]
        for offset, (who, given) in enumerate(zip((a, b, c, d), row, strict=True)):
            if given is not None:
                clock.now = state["question"]["deadline"] - 20 + 2 + offset
                assert api.answer(who, qid, given).status_code == 200
        board_during = api.leaderboard()
        if board_before is not None:
            assert board_during == board_before  # nothing moves while a question is open
        state = api.advance().get_json()  # close early
        assert state["status"] == "closed" and "answer" in state["question"]
        stats = api.client.get(f"{API}/{api.code}/questions/{qid}/stats").get_json()
        assert stats["answered"] == sum(g is not None for g in row)
        board_before = api.leaderboard()
    state = api.advance().get_json()
    assert state["status"] == "finished"
    assert state["question"]["number"] == 4 and "answer" in state["question"]
    assert error_of(api.advance(), 409) == "finished"

    board = api.leaderboard()
    # 甲 right 4× at 2 s: 950 each; 乙 right at 3 s on q1, q4: 925 each; 丙 right on q3 (4 s:
    # 900), q4 "根本 性" folds to 根本性 (4 s: 900); 丁 right on q1, q3 at 5 s: 875 each.
    assert [(p["rank"], p["name"], p["score"], p["correct"]) for p in board["players"]] == [
        (1, "甲", 3800, 4),
        (2, "乙", 1850, 2),
        (3, "丙", 1800, 2),
        (4, "丁", 1750, 2),
    ]
    assert board["teams"] == [
        {"rank": 1, "tied": False, "team": "一支部", "score": 2825, "players": 2},
        {"rank": 2, "tied": False, "team": "二支部", "score": 1800, "players": 1},
    ]
    me = api.client.get(f"{API}/{api.code}/me", headers=c).get_json()
    assert (me["rank"], me["score"], me["status"]) == (3, 1800, "finished")
    assert me["current"]["correct"] is True and me["current"]["points"] == 900


def test_question_stats_only_after_close(api, clock):
    alice, bob = api.player("甲"), api.player("乙")
    qid = api.advance().get_json()["question"]["id"]
    api.answer(alice, qid, "核心意识")
    api.answer(bob, qid, "政治意识")
    assert error_of(api.client.get(f"{API}/{api.code}/questions/{qid}/stats"), 409)
    clock.advance(25)
    stats = api.client.get(f"{API}/{api.code}/questions/{qid}/stats").get_json()
    assert stats["answered"] == 2 and stats["correct"] == 1
    counts = {o["text"]: (o["count"], o["correct"]) for o in stats["options"]}
    assert counts["核心意识"] == (1, True) and counts["政治意识"] == (1, False)
    assert counts["大局意识"] == (0, False)


def test_streak_bonus_when_switched_on(db_app, clock):
    code, host = make_round(db_app, samples=(0, 2, 0), streak=500)
    api = Api(db_app.test_client(), code, host)
    alice = api.player("甲")
    for given in ("核心意识", True, "核心意识"):
        state = api.advance().get_json()
        qid = state["question"]["id"]
        clock.now = state["question"]["deadline"] - 20  # at the opening: 1000 points
        assert api.answer(alice, qid, given).status_code == 200
        api.advance()
    assert api.leaderboard()["players"][0]["score"] == 1000 + 1100 + 1200


# ---------------------------------------------------------------- limits, documents, CLI


@pytest.mark.parametrize(
    "app_config", [{"JOIN_RATE_PER_MINUTE": 3, "CODE_GUESS_RATE_PER_MINUTE": 2}]
)
def test_join_and_code_guess_limits_are_per_contest_and_code(db_app, clock):
    code, host = make_round(db_app)
    other_code, _ = make_round(db_app)
    api = Api(db_app.test_client(), code, host)
    for name in ("一", "二", "三"):
        assert api.join(name).status_code == 201
    assert error_of(api.join("四"), 429) == "too_many_requests"
    other = Api(db_app.test_client(), other_code, host)
    assert other.join("四").status_code == 201  # another contest has its own budget
    client = db_app.test_client()
    assert client.get(f"{API}/AAAAAA").status_code == 404
    assert client.get(f"{API}/BBBBBB").status_code == 404
    assert error_of(client.get(f"{API}/CCCCCC"), 429) == "too_many_requests"
    assert client.get(f"{API}/{code}").status_code == 200  # real codes still work


def test_logged_in_player_rejoins_as_themselves_and_wrong_answers_reach_the_notebook(
    app, make_user, clock
):
    from quizapp.models import NotebookEntry

    user = make_user("learner1")
    code, host = make_round(app)
    client = app.test_client()
    assert client.post(
        "/auth/login", data={"username": "learner1", "password": "password123"}
    ).status_code in (302, 303)
    api = Api(client, code, host)
    first = api.join("学员一")
    assert first.status_code == 201
    again = api.join("别的名字")
    assert (
        again.status_code == 200 and again.get_json()["player_id"] == first.get_json()["player_id"]
    )
    headers = {"Authorization": f"Bearer {again.get_json()['token']}"}
    qid = api.advance().get_json()["question"]["id"]
    assert api.answer(headers, qid, "政治意识").status_code == 200
    clock.advance(30)
    assert api.leaderboard()["players"][0]["correct"] == 0  # settles the deadline close
    with app.app_context():
        entries = db.session.scalars(select(NotebookEntry)).all()
        assert [(e.user_id, e.source_kind) for e in entries] == [(user.id, "live")]
    assert "现场赛中答错" in client.get("/notebook").get_data(as_text=True)  # was 竞赛中答错


def test_openapi_describes_every_endpoint(app):
    doc = app.test_client().get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    documented = {(path, method) for path, item in doc["paths"].items() for method in item}
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            path = rule.rule.removeprefix("/api/v1")
            for arg in rule.arguments:
                path = path.replace(f"<int:{arg}>", f"{{{arg}}}").replace(f"<{arg}>", f"{{{arg}}}")
            path = path.replace("{uid}", "{question_id}")
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                routes.add((path, method.lower()))
    assert routes == documented


def test_unknown_api_paths_answer_json(app):
    response = app.test_client().get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert set(response.get_json()) == {"error", "message"}


def test_cli_creates_a_live_round_from_a_text_file(app, runner, tmp_path, seed_text):
    path = tmp_path / "讲话.txt"
    path.write_text(seed_text, encoding="utf-8")
    result = runner.invoke(
        args=[
            "contest",
            "create",
            "--file",
            str(path),
            "--questions",
            "5",
            "--seconds",
            "15",
            "--title",
            "支部现场赛",
        ]
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(out) == {"code", "host_token", "questions", "join_url", "host_url"}
    assert out["questions"] == 5 and not result.stderr
    assert out["join_url"].endswith(f"/live/{out['code']}")
    client = app.test_client()
    state = client.get(f"{API}/{out['code']}").get_json()
    assert state["status"] == "lobby" and state["title"] == "支部现场赛"
    response = client.post(
        f"{API}/{out['code']}/advance", headers={"Authorization": f"Bearer {out['host_token']}"}
    )
    assert response.get_json()["question"]["total"] == 5


def test_cli_says_when_a_round_holds_fewer_questions_than_asked(app, runner, tmp_path):
    # a short text: three list items serve at most a few questions none of which gives
    # another away
    path = tmp_path / "短材料.txt"
    path.write_text("我们要增强“四个意识”、坚定“四个自信”、做到“两个维护”。\n", encoding="utf-8")
    refused = runner.invoke(args=["contest", "create", "--file", str(path), "--questions", "200"])
    pool = int(re.search(r"只有 (\d+) 道，不够 200 道", refused.output).group(1))
    # asked for the whole pool, the round leaves out what another question gives away
    result = runner.invoke(
        args=["contest", "create", "--file", str(path), "--questions", str(pool)]
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert 0 < out["questions"] < pool
    told = f"本场比赛出 {out['questions']} 道题（要出 {pool} 道）：题库里有些题会互相透露答案"
    assert told in result.stderr
    client = app.test_client()
    response = client.post(
        f"{API}/{out['code']}/advance", headers={"Authorization": f"Bearer {out['host_token']}"}
    )
    assert response.get_json()["question"]["total"] == out["questions"]


def test_cli_refuses_bad_input(runner, tmp_path):
    result = runner.invoke(args=["contest", "create", "--file", str(tmp_path / "无.txt")])
    assert result.exit_code != 0 and "无法读取" in result.output
    result = runner.invoke(args=["contest", "create", "--file", "x.txt", "--seconds", "5"])
    assert result.exit_code != 0


def test_player_result_at_the_deadline_without_any_write(api, db_app, clock):
    from quizapp.models import LiveContest

    alice, bob = api.player("甲"), api.player("乙")
    qid = api.advance().get_json()["question"]["id"]
    clock.advance(10)
    api.answer(bob, qid, "核心意识")  # 750
    api.answer(alice, qid, "政治意识")  # wrong
    open_me = api.client.get(f"{API}/{api.code}/me", headers=bob).get_json()
    assert open_me["current"] == {
        "question_id": qid,
        "number": 1,
        "answered": True,
        "answer": "核心意识",
        "correct": None,
        "points": None,
    }
    assert open_me["score"] == 0  # nothing moves while the question is open
    clock.advance(10.6)  # closed by its deadline and the grace; nobody advanced or settled
    me = api.client.get(f"{API}/{api.code}/me", headers=bob).get_json()
    assert (me["score"], me["rank"], me["questions_counted"]) == (750, 1, 1)
    assert me["current"]["correct"] is True and me["current"]["points"] == 750
    other = api.client.get(f"{API}/{api.code}/me", headers=alice).get_json()
    assert (other["score"], other["rank"], other["current"]["correct"]) == (0, 2, False)
    with db_app.app_context():
        assert db.session.scalar(select(LiveContest.ranked_through)) == 0  # read only
    board = api.leaderboard()  # settles, and agrees
    assert [(p["name"], p["score"]) for p in board["players"]] == [("乙", 750), ("甲", 0)]


def test_provisional_rank_follows_every_clause_of_the_ranking_rule(api, clock):
    """/me ranks in SQL before settling; the leaderboard ranks in Python after: they agree."""
    names = ["甲", "乙", "丙", "丁", "戊"]
    headers = {name: api.player(name) for name in names}
    opened = T0
    qid = api.advance().get_json()["question"]["id"]
    for name, at, given in [
        ("丙", 1.0, "核心意识"),  # 975: clause 1, first
        ("甲", 2.019, "核心意识"),  # 950 (949.5 rounds up) but slower: clause 2
        ("乙", 2.0, "核心意识"),  # 950
        ("戊", 2.0, "核心意识"),  # 950, same time as 乙: clause 3, they share 第 2 名
        ("丁", 1.0, "政治意识"),  # wrong: 0
    ]:
        clock.now = opened + at
        assert api.answer(headers[name], qid, given).status_code == 200
    clock.now = opened + 21

    def ranks():
        mine = {
            name: api.client.get(f"{API}/{api.code}/me", headers=headers[name]).get_json()
            for name in names
        }
        return {name: (me["rank"], me["tied"]) for name, me in mine.items()}

    provisional = ranks()
    assert provisional == {
        "丙": (1, False),
        "乙": (2, True),
        "戊": (2, True),
        "甲": (4, False),  # nobody is 第 3 名
        "丁": (5, False),
    }
    board = api.leaderboard()  # settles
    assert {p["name"]: (p["rank"], p["tied"]) for p in board["players"]} == provisional
    # 乙 joined before 戊: listed first within the tie
    assert [p["name"] for p in board["players"]] == ["丙", "乙", "戊", "甲", "丁"]
    assert ranks() == provisional  # the stored ranks, read after settling


def test_players_who_all_answered_wrong_are_all_first_equal(api, clock):
    """Three phones after a question nobody got right: each says 并列第 1 名, none 第 2 名."""
    headers = {name: api.player(name) for name in ["甲", "乙", "丙"]}
    qid = api.advance().get_json()["question"]["id"]
    for name in headers:
        clock.advance(1)
        assert api.answer(headers[name], qid, "政治意识").status_code == 200
    clock.advance(30)  # closed by its deadline, not settled yet
    for header in headers.values():
        me = api.client.get(f"{API}/{api.code}/me", headers=header).get_json()
        assert (me["score"], me["rank"], me["tied"], me["players"]) == (0, 1, True, 3)
    board = api.leaderboard()
    assert [(p["name"], p["rank"], p["tied"]) for p in board["players"]] == [
        ("甲", 1, True),
        ("乙", 1, True),
        ("丙", 1, True),
    ]
    for header in headers.values():  # settled: the stored ranks say the same
        me = api.client.get(f"{API}/{api.code}/me", headers=header).get_json()
        assert (me["rank"], me["tied"]) == (1, True)


def test_a_player_who_joins_after_a_settled_question_has_the_rank_the_big_screen_shows(api, clock):
    """Joining between questions: 0 points, the last place shared with the others at 0, on the
    phone as on the 大屏 (it read `—` while the 大屏 ranked them), and the one at 0 before now
    shares it too."""
    first, second = api.player("甲"), api.player("乙")
    qid = api.advance().get_json()["question"]["id"]
    clock.advance(2)
    api.answer(first, qid, "核心意识")
    api.answer(second, qid, "政治意识")  # wrong: 0
    clock.advance(30)
    api.leaderboard()  # settles question 1
    late = api.player("丙")
    board = api.leaderboard()
    assert [(p["name"], p["rank"], p["tied"]) for p in board["players"]] == [
        ("甲", 1, False),
        ("乙", 2, True),
        ("丙", 2, True),
    ]
    phones = {
        name: api.client.get(f"{API}/{api.code}/me", headers=header).get_json()
        for name, header in [("甲", first), ("乙", second), ("丙", late)]
    }
    assert {name: (me["rank"], me["tied"], me["players"]) for name, me in phones.items()} == {
        "甲": (1, False, 3),
        "乙": (2, True, 3),
        "丙": (2, True, 3),
    }
    assert phones["丙"]["score"] == 0 and phones["丙"]["questions_counted"] == 1


def test_the_state_tells_the_phones_when_the_players_they_are_ranked_among_change(api, clock):
    """A phone on the result screen kept 第 2 名 / 2 人 when a third player joined, until the next
    question: it asks for its rank when the state changes. The state now counts the players who
    join, are removed or come back after the start (not in the lobby: a rush of joins there
    would send every phone asking, and the lobby shows no rank)."""
    first = api.player("甲")
    api.player("乙")
    assert api.state().get_json()["roster"] == 0  # lobby joins are not counted
    qid = api.advance().get_json()["question"]["id"]
    api.answer(first, qid, "核心意识")
    api.advance()  # closed
    assert api.state().get_json()["roster"] == 0
    api.player("丙")
    assert api.state().get_json()["roster"] == 1
    players = api.client.get(f"{API}/{api.code}/players", headers=api.host).get_json()["players"]
    late_id = players[-1]["id"]
    assert api.client.post(
        f"{API}/{api.code}/players/{late_id}/remove", headers=api.host
    ).get_json()["removed"]
    assert api.state().get_json()["roster"] == 2
    readmit = api.client.post(f"{API}/{api.code}/players/{late_id}/readmit", headers=api.host)
    assert readmit.status_code == 200
    assert api.state().get_json()["roster"] == 3
    me = api.client.get(f"{API}/{api.code}/me", headers=first).get_json()
    assert (me["rank"], me["players"]) == (1, 3)


def test_no_rank_before_a_question_is_counted(api):
    header = api.player("甲")
    api.player("乙")
    assert api.client.get(f"{API}/{api.code}/me", headers=header).get_json()["rank"] is None
    api.advance()  # open, nothing settled yet
    me = api.client.get(f"{API}/{api.code}/me", headers=header).get_json()
    assert (me["rank"], me["tied"], me["questions_counted"]) == (None, False, 0)


def test_advance_with_expect_ignores_a_double_tap(api):
    first = api.client.post(f"{API}/{api.code}/advance", headers=api.host, json={"expect": "lobby"})
    assert first.get_json()["status"] == "open"
    again = api.client.post(f"{API}/{api.code}/advance", headers=api.host, json={"expect": "lobby"})
    assert error_of(again, 409) == "state_changed"
    assert api.state().get_json()["status"] == "open"  # the question was not closed by it


def test_late_joiner_enters_at_the_current_question(api, clock):
    early = api.player("甲")
    qid = api.advance().get_json()["question"]["id"]
    clock.advance(3)
    api.answer(early, qid, "核心意识")
    late = api.player("迟到者")  # joins while question 1 is open
    me = api.client.get(f"{API}/{api.code}/me", headers=late).get_json()
    assert me["status"] == "open" and me["current"]["question_id"] == qid
    clock.advance(1)
    assert api.answer(late, qid, "核心意识").status_code == 200
    api.advance()
    assert [(p["name"], p["score"]) for p in api.leaderboard()["players"]] == [
        ("甲", 925),
        ("迟到者", 900),
    ]


def test_no_key_while_a_late_answer_can_still_be_taken(api, db_app, clock):
    """Between the deadline and the end of the 0.5 s grace an answer is still taken, so nothing
    a player's phone can read may tell the key then: a script polling at the deadline read it
    from the state (or /stats, or its own /me) and answered right within the grace."""
    alice, bob = api.player("甲"), api.player("乙")
    qid = api.advance().get_json()["question"]["id"]
    clock.advance(5)
    api.answer(alice, qid, "政治意识")  # wrong
    clock.advance(15.1)  # past the deadline, inside the grace; nobody has settled
    state = api.state().get_json()
    assert state["status"] == "closed"  # the phones stop taking answers at the deadline
    assert "answer" not in state["question"]
    stats = api.client.get(f"{API}/{api.code}/questions/{qid}/stats")
    assert error_of(stats, 409) == "not_closed"
    me = api.client.get(f"{API}/{api.code}/me", headers=alice).get_json()
    assert me["current"]["correct"] is None and me["current"]["points"] is None
    assert me["score"] == 0 and me["questions_counted"] == 0
    assert api.answer(bob, qid, "核心意识").get_json() == {"accepted": True}  # in the grace

    clock.advance(0.5)  # the grace is over: no answer is taken any more, the key is public
    assert error_of(api.answer(api.player("丙"), qid, "核心意识"), 409) == "closed"
    assert api.state().get_json()["question"]["answer"] == "核心意识"
    assert api.client.get(f"{API}/{api.code}/questions/{qid}/stats").status_code == 200
    me = api.client.get(f"{API}/{api.code}/me", headers=alice).get_json()
    assert me["current"]["correct"] is False and me["questions_counted"] == 1


def test_reading_the_leaderboard_at_the_deadline_cuts_no_answer_off(api, clock):
    """The 大屏 reads the leaderboard as soon as it sees the question closed; that read settled
    the question at once, and an answer still inside the grace was then refused (409), though
    it would have counted had nobody looked. Settling now waits for the grace."""
    alice, bob = api.player("甲"), api.player("乙")
    qid = api.advance().get_json()["question"]["id"]
    clock.advance(20.1)
    assert [p["score"] for p in api.leaderboard()["players"]] == [0, 0]  # not settled yet
    clock.advance(0.2)
    assert api.answer(alice, qid, "核心意识").get_json() == {"accepted": True}
    clock.advance(0.3)  # 20.6 s: the grace is over
    assert error_of(api.answer(bob, qid, "核心意识"), 409) == "closed"
    board = api.leaderboard()  # settles now
    assert [(p["name"], p["score"]) for p in board["players"]] == [("甲", 500), ("乙", 0)]
    assert api.state().get_json()["question"]["answer"] == "核心意识"


def test_the_hosts_next_question_waits_for_the_grace(api, clock):
    """下一题 pressed just after the deadline settled the question at once, and an answer sent
    in time but still on its way was refused. The host now waits out the half second."""
    alice = api.player("甲")
    qid = api.advance().get_json()["question"]["id"]
    clock.advance(20.1)  # past the deadline, inside the grace
    assert error_of(api.advance(), 409) == "revealing"
    clock.advance(0.2)
    assert api.answer(alice, qid, "核心意识").get_json() == {"accepted": True}
    clock.advance(0.3)  # the grace is over: the next question opens
    assert api.advance().get_json()["question"]["number"] == 2
    assert [(p["name"], p["score"]) for p in api.leaderboard()["players"]] == [("甲", 500)]


def test_a_question_the_host_closed_shows_its_key_at_once(api, clock):
    """Closed by the host no answer is taken any more: the key need not wait for the grace."""
    api.player("甲")
    api.advance()
    clock.advance(5)
    api.advance()  # the host closes q1 early
    state = api.state().get_json()
    assert state["status"] == "closed" and state["question"]["answer"] == "核心意识"
    qid = state["question"]["id"]
    assert api.client.get(f"{API}/{api.code}/questions/{qid}/stats").status_code == 200


def test_a_player_removed_and_let_back_in_keeps_the_score_and_moves_the_ranks_at_once(api, clock):
    """No total is rewritten when the host removes a player or lets them back in (no rank is
    stored): the one still in is first of one at once, and the one let back has their points
    and their place again."""
    alice, bob = api.player("甲"), api.player("乙")
    q1 = api.advance().get_json()["question"]["id"]
    api.answer(bob, q1, "核心意识")
    clock.advance(2)
    api.answer(alice, q1, "核心意识")
    api.advance()  # closed and counted: 乙 answered first
    players = api.client.get(f"{API}/{api.code}/players", headers=api.host).get_json()["players"]
    bob_id = players[1]["id"]
    bob_score = api.client.get(f"{API}/{api.code}/me", headers=bob).get_json()["score"]
    assert bob_score > 0
    api.client.post(f"{API}/{api.code}/players/{bob_id}/remove", headers=api.host)
    me = api.client.get(f"{API}/{api.code}/me", headers=alice).get_json()
    assert (me["rank"], me["players"]) == (1, 1)
    readmit = api.client.post(f"{API}/{api.code}/players/{bob_id}/readmit", headers=api.host)
    back = {"Authorization": f"Bearer {readmit.get_json()['token']}"}
    mine = api.client.get(f"{API}/{api.code}/me", headers=back).get_json()
    assert (mine["score"], mine["rank"], mine["players"]) == (bob_score, 1, 2)
    me = api.client.get(f"{API}/{api.code}/me", headers=alice).get_json()
    assert (me["rank"], me["players"]) == (2, 2)
