"""A whole live round through the JSON API against real gunicorn with 2 workers.

Runs on SQLite and on PostgreSQL: players join and answer concurrently, requests land on either
worker, and the one game they see is the one in the database.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, add_hand_bank, free_port
from sqlalchemy import func, select, update

from quizapp import create_app
from quizapp.extensions import db
from quizapp.live import services
from quizapp.models import LiveAnswer, LiveQuestion

pytestmark = pytest.mark.slow
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def call(base: str, method: str, path: str, body: Any = None, token: str | None = None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def prepare(url: str, tmp_path: Path) -> tuple[Any, str, str]:
    """Schema and a round of 3 questions (single, multiple, judge), made before gunicorn starts."""
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x", "INSTANCE_PATH": str(tmp_path / "i")}
    )
    with app.app_context():
        db.create_all()
        _, rows = add_hand_bank((0, 1, 2), title="题库", text=uuid.uuid4().hex, uid="s")
        contest, host = services.create_contest(rows, title="现场赛", seconds=60)
        db.session.commit()
        return app, contest.code, host


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request, tmp_path: Path):
    if not GUNICORN.exists():
        pytest.skip(f"gunicorn not installed at {GUNICORN}")
    if request.param == "sqlite":
        url = "sqlite:///" + str(tmp_path / "live.db")
    else:
        url = request.getfixturevalue("pg_schema_url")
    app, code, host = prepare(url, tmp_path)
    gunicorn = Gunicorn(url, tmp_path, code)
    try:
        gunicorn.start()
        yield app, gunicorn.base, code, host, gunicorn
    finally:
        gunicorn.stop()
        with app.app_context():
            db.engine.dispose()


class Gunicorn:
    """gunicorn with 2 workers on a free port; stop() and start() again keep the same settings."""

    def __init__(self, url: str, tmp_path: Path, code: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/api/v1"
        self.code = code
        self.log_path = tmp_path / "gunicorn.log"
        self.env = dict(
            os.environ,
            DATABASE_URL=url,
            SECRET_KEY="gunicorn-test-" + uuid.uuid4().hex,
            QUIZAPP_INSTANCE=str(tmp_path / "instance"),
        )
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [
                    str(GUNICORN),
                    "-w",
                    "2",
                    "--threads",
                    "4",
                    "-b",
                    f"127.0.0.1:{self.port}",
                    "app:app",
                ],  # fmt: skip
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: crash() kills the workers too
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                if call(self.base, "GET", f"/contests/{self.code}")[0] == 200:
                    return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                sys.stderr.write(self.log_path.read_text(errors="replace"))
                pytest.fail("gunicorn did not start")
            time.sleep(0.2)

    def crash(self) -> None:
        """SIGKILL to the master and its workers at once, as a power cut or an OOM kill would."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


ANSWERS = [  # per question, per player (None: no answer)
    ["核心意识", "核心意识", "政治意识", None, "核心意识", "看齐意识"],
    [
        ["道路自信", "理论自信", "文化自信"],
        ["文化自信", "理论自信", "道路自信"],
        ["道路自信"],
        ["道路自信", "理论自信", "文化自信"],
        None,
        ["忧患意识"],
    ],
    [True, False, True, None, True, "对"],
]
TEAMS = ["一支部", "一支部", "二支部", "二支部", None, "三支部"]


def _deadline_passed(app, qid: str, seconds: int) -> None:
    """Move the live question ``qid``'s deadline ``seconds`` into the past (in the database)."""
    with app.app_context():
        db.session.execute(
            update(LiveQuestion)
            .where(LiveQuestion.uid == qid)
            .values(deadline=datetime.now(UTC) - timedelta(seconds=seconds))
        )
        db.session.commit()


def test_full_round_on_two_workers(server):
    app, base, code, host, _ = server
    names = [f"选手{i}" for i in range(6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        joined = list(
            pool.map(
                lambda i: call(
                    base, "POST", f"/contests/{code}/players", {"name": names[i], "team": TEAMS[i]}
                ),
                range(6),
            )
        )
        assert [status for status, _ in joined] == [201] * 6
        tokens = [body["token"] for _, body in joined]
        assert call(base, "POST", f"/contests/{code}/players", {"name": "选手0"})[0] == 409

        acknowledged = 0
        for number, row in enumerate(ANSWERS, start=1):
            status, state = call(base, "POST", f"/contests/{code}/advance", token=host)
            assert status == 200 and state["status"] == "open"
            qid = state["question"]["id"]
            # every worker serves the same open question, without the answer
            polls = list(pool.map(lambda _: call(base, "GET", f"/contests/{code}"), range(12)))
            assert {p[1]["question"]["id"] for p in polls} == {qid}
            assert all("answer" not in p[1]["question"] for p in polls)

            def send(i: int, qid=qid, row=row):
                if row[i] is None:
                    return None
                # twice each: the repeat is acknowledged and changes nothing
                first = call(
                    base,
                    "POST",
                    f"/contests/{code}/answers",
                    {"question_id": qid, "answer": row[i]},
                    tokens[i],
                )
                second = call(
                    base,
                    "POST",
                    f"/contests/{code}/answers",
                    {"question_id": qid, "answer": row[i]},
                    tokens[i],
                )
                return first[0], second[0]

            results = [r for r in pool.map(send, range(6)) if r is not None]
            assert results == [(200, 200)] * len(results)
            acknowledged += len(results)
            if number < len(ANSWERS):
                status, state = call(base, "POST", f"/contests/{code}/advance", token=host)
                assert state["status"] == "closed"
            else:
                # the last question closes by its deadline: nobody advances
                _deadline_passed(app, qid, seconds=5)
                polls = list(pool.map(lambda _: call(base, "GET", f"/contests/{code}"), range(8)))
                assert {p[1]["status"] for p in polls} == {"closed"}
                assert all(p[1]["question"]["answer"] is True for p in polls)
                late = call(
                    base,
                    "POST",
                    f"/contests/{code}/answers",
                    {"question_id": qid, "answer": True},
                    tokens[3],
                )
                assert late[0] == 409 and late[1]["error"] == "closed"  # and stored nowhere
            assert all(p[1]["question"]["total"] == 3 for p in polls)

        boards = list(
            pool.map(lambda _: call(base, "GET", f"/contests/{code}/leaderboard"), range(6))
        )
    assert all(b == boards[0] for b in boards), "every worker shows the same leaderboard"
    board = boards[0][1]
    assert len(board["players"]) == 6
    # ranked by score, then by the right answers' total time; on a quick machine two players'
    # totals can come out equal to the millisecond (23 ms each), and then they share a rank
    keys = [(-p["score"], p["time_ms"]) for p in board["players"]]
    assert keys == sorted(keys)
    shared = [1 + sum(k < mine for k in keys) for mine in keys]
    assert [p["rank"] for p in board["players"]] == shared
    assert board["players"][0]["name"] == "选手0" and board["players"][0]["rank"] == 1
    correct = {p["name"]: p["correct"] for p in board["players"]}
    assert correct == {"选手0": 3, "选手1": 2, "选手2": 1, "选手3": 1, "选手4": 2, "选手5": 1}
    teams = {t["team"]: t["players"] for t in board["teams"]}
    assert teams == {"一支部": 2, "二支部": 2, "三支部": 1}

    status, state = call(base, "POST", f"/contests/{code}/advance", token=host)
    assert status == 200 and state["status"] == "finished"
    with app.app_context():
        stored = db.session.scalar(select(func.count()).select_from(LiveAnswer))
        points = db.session.scalar(select(func.sum(LiveAnswer.points)))
    assert stored == acknowledged == 15
    assert points == sum(p["score"] for p in board["players"])


def test_a_round_survives_a_crash_of_the_server(server):
    """gunicorn killed (SIGKILL, master and workers) mid-question and restarted: the open
    question, its deadline, the answers given and the scores come back as they were; nothing is
    revealed early, a player who answered cannot answer again, a late answer is refused."""
    app, base, code, host, gunicorn = server
    tokens = [
        call(base, "POST", f"/contests/{code}/players", {"name": f"手机{i}"})[1]["token"]
        for i in range(3)
    ]
    status, state = call(base, "POST", f"/contests/{code}/advance", token=host)
    qid, deadline = state["question"]["id"], state["question"]["deadline"]
    body = {"question_id": qid, "answer": "核心意识"}
    assert call(base, "POST", f"/contests/{code}/answers", body, tokens[0])[0] == 200
    mine = call(base, "GET", f"/contests/{code}/me", token=tokens[0])[1]
    assert mine["current"]["answered"] and mine["current"]["answer"] == "核心意识"

    gunicorn.crash()
    gunicorn.start()

    polls = [call(base, "GET", f"/contests/{code}") for _ in range(6)]
    assert {(s, p["status"], p["question"]["id"]) for s, p in polls} == {(200, "open", qid)}
    assert {p["question"]["deadline"] for _, p in polls} == {deadline}
    assert all("answer" not in p["question"] for _, p in polls)
    assert call(base, "GET", f"/contests/{code}/me", token=tokens[0])[1] == mine
    # the phone's retry of the same answer is harmless; a changed one is refused
    assert call(base, "POST", f"/contests/{code}/answers", body, tokens[0])[0] == 200
    changed = call(
        base, "POST", f"/contests/{code}/answers", {"question_id": qid, "answer": "政治意识"},
        tokens[0],
    )  # fmt: skip
    assert changed[0] == 409 and changed[1]["error"] == "already_answered"
    assert call(base, "POST", f"/contests/{code}/answers", body, tokens[1])[0] == 200

    # the deadline passes while the server is down again
    gunicorn.crash()
    _deadline_passed(app, qid, seconds=1)
    gunicorn.start()
    status, state = call(base, "GET", f"/contests/{code}")
    assert state["status"] == "closed" and state["question"]["answer"] == "核心意识"
    late = call(base, "POST", f"/contests/{code}/answers", body, tokens[2])
    assert late[0] == 409 and late[1]["error"] == "closed"
    boards = [call(base, "GET", f"/contests/{code}/leaderboard")[1] for _ in range(6)]
    assert all(b == boards[0] for b in boards)
    correct = {p["name"]: p["correct"] for p in boards[0]["players"]}
    assert correct == {"手机0": 1, "手机1": 1, "手机2": 0}
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(LiveAnswer)) == 2
    assert " 500 " not in gunicorn.log() and "Traceback" not in gunicorn.log()
