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
from conftest import ROOT, SAMPLE_QUESTIONS, free_port
from sqlalchemy import func, select, update

from quizapp import create_app
from quizapp.extensions import db
from quizapp.live import services
from quizapp.models import BankQuestion, LiveAnswer, LiveQuestion, Material

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
        material = Material(title="题库", text=uuid.uuid4().hex, content_hash=uuid.uuid4().hex)
        db.session.add(material)
        db.session.flush()
        rows = []
        for i in (0, 1, 2):
            row = BankQuestion(
                material_id=material.id,
                uid=f"s{i}",
                origin="manual",
                accepted=[],
                **SAMPLE_QUESTIONS[i],
            )
            db.session.add(row)
            rows.append(row)
        db.session.flush()
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
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=url,
        SECRET_KEY="gunicorn-test-" + uuid.uuid4().hex,
        QUIZAPP_INSTANCE=str(tmp_path / "instance"),
    )
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [str(GUNICORN), "-w", "2", "--threads", "4", "-b", f"127.0.0.1:{port}", "app:app"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if call(base, "GET", f"/contests/{code}")[0] == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                sys.stderr.write((tmp_path / "gunicorn.log").read_text(errors="replace"))
                pytest.fail("gunicorn did not start")
            time.sleep(0.2)
        yield app, base, code, host
    finally:
        proc.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        with app.app_context():
            db.engine.dispose()


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


def test_full_round_on_two_workers(server):
    app, base, code, host = server
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
                with app.app_context():
                    db.session.execute(
                        update(LiveQuestion)
                        .where(LiveQuestion.uid == qid)
                        .values(deadline=datetime.now(UTC) - timedelta(seconds=5))
                    )
                    db.session.commit()
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
    assert [p["rank"] for p in board["players"]] == [1, 2, 3, 4, 5, 6]
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
