"""Live-round load test (`make bench-contest`). Not a test: it prints figures.

Starts gunicorn (2 workers, gthread) on this machine against a fresh database, then simulates N
players (default 500) with asyncio and keep-alive HTTP/1.1 connections:

- every player joins (all at once: a burst of N joins to one round);
- every player polls GET /api/v1/contests/{code} once a second (random phase);
- for each of the 10 questions each player answers at a random moment of the open window
  (a fresh connection per answer, as a phone would), and fetches its own result (/me) once
  after the question closes;
- the host reads the leaderboard just after each deadline (as the 大屏 does) and advances
  1.5 s later.

Reported per backend: answer-POST p50/p99/max, poll p50/p99, /me p99, errors (anything but the
expected status, or a connection error), answers acknowledged (200) versus answers stored in the
database afterwards, and refusals (409) if any. Usage:

    .venv/bin/python bench/bench_contest.py [--players 500] [--backend sqlite|postgresql|both]
        [--seconds 10] [--questions 10] [--workers 2] [--threads 8]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_URL = os.environ.get("QUIZAPP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
QUESTIONS = [
    {
        "kind": "single",
        "stem": "增强“四个意识”中，居于核心地位的是（　　）。",
        "options": ["政治意识", "大局意识", "核心意识", "看齐意识"],
        "answer": "核心意识",
    },
    {
        "kind": "multiple",
        "stem": "下列属于“四个自信”的有（　　）。",
        "options": ["道路自信", "理论自信", "忧患意识", "文化自信", "纪律意识"],
        "answer": ["道路自信", "理论自信", "文化自信"],
    },
    {
        "kind": "judge",
        "stem": "“三严三实”中的“三实”是谋事要实、创业要实、做人要实。",
        "options": [],
        "answer": True,
    },
    {
        "kind": "cloze",
        "stem": "党的政治建设是党的（　　）建设。",
        "options": [],
        "answer": ["根本性"],
        "accepted": [["根本性"]],
    },
]


def random_answer(q: dict, rng: random.Random):
    kind = q["kind"]
    if kind == "single":
        return rng.choice(q["options"])
    if kind == "multiple":
        return rng.sample(q["options"], rng.randint(1, 3))
    if kind == "judge":
        return rng.random() < 0.7
    return [rng.choice(["根本性", "重要性", "基础性"])]


# ---------------------------------------------------------------- a minimal async HTTP/1.1 client


class Conn:
    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body=None, token: str | None = None):
        if self.writer is None:
            await self.open()
        data = b"" if body is None else json.dumps(body).encode()
        head = [
            f"{method} {path} HTTP/1.1",
            f"Host: 127.0.0.1:{self.port}",
            "Connection: keep-alive",
        ]
        if body is not None:
            head += ["Content-Type: application/json", f"Content-Length: {len(data)}"]
        if token:
            head.append(f"Authorization: Bearer {token}")
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
        await self.writer.drain()
        header = await self.reader.readuntil(b"\r\n\r\n")
        lines = header.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = 0
        close = False
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and value.strip().lower() == "close":
                close = True
        payload = await self.reader.readexactly(length) if length else b""
        if close:
            self.close()
        return status, (json.loads(payload) if payload else None)


# ---------------------------------------------------------------- the simulation


@dataclass
class Figures:
    answer_ms: list[float] = field(default_factory=list)
    poll_ms: list[float] = field(default_factory=list)
    me_ms: list[float] = field(default_factory=list)
    join_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    slow: list[tuple[float, str, float]] = field(default_factory=list)  # (when, what, ms)
    events: list[tuple[float, str]] = field(default_factory=list)
    acknowledged: int = 0
    refused: int = 0


class Game:
    def __init__(self, port: int, code: str, host: str, players: int, figures: Figures) -> None:
        self.port, self.code, self.host, self.n = port, code, host, players
        self.f = figures
        self.done = False
        self.offset = 0.0  # server time − local time

    def error(self, what: str) -> None:
        self.f.errors.append(what)

    async def timed(self, conn: Conn, bucket: list[float], *args, **kwargs):
        start = time.perf_counter()
        for attempt in (1, 2):
            try:
                status, body = await conn.request(*args, **kwargs)
                break
            except (OSError, asyncio.IncompleteReadError) as exc:
                conn.close()  # a keep-alive connection the server had closed: retry once
                if attempt == 2:
                    self.error(f"{args[0]} {args[1].split('/')[-1]}: {type(exc).__name__}")
                    return None, None
                start = time.perf_counter()
        ms = (time.perf_counter() - start) * 1000
        bucket.append(ms)
        if ms > 300:
            self.f.slow.append((time.monotonic(), f"{args[0]} {args[1].rsplit('/', 1)[-1]}", ms))
        return status, body

    async def player(self, i: int, rng: random.Random) -> None:
        base = f"/api/v1/contests/{self.code}"
        conn = Conn(self.port)
        status, body = await self.timed(
            conn,
            self.f.join_ms,
            "POST",
            f"{base}/players",
            {"name": f"选手{i}", "team": f"第{i % 12 + 1}支部"},
        )
        if status != 201:
            self.error(f"join {status} {body}")
            return
        token = body["token"]
        answered: set[str] = set()
        looked: set[str] = set()
        tasks = []
        await asyncio.sleep(rng.random())
        while not self.done:
            started = time.monotonic()
            status, state = await self.timed(conn, self.f.poll_ms, "GET", base)
            if status != 200:
                if status is not None:
                    self.error(f"poll {status}")
            else:
                q = state["question"]
                if state["status"] == "open" and q["id"] not in answered:
                    answered.add(q["id"])
                    window = q["deadline"] - state["server_time"] - 0.6
                    delay = rng.uniform(0, max(0.0, window))
                    given = random_answer(QUESTIONS[(q["number"] - 1) % len(QUESTIONS)], rng)
                    tasks.append(asyncio.create_task(self.answer(q["id"], given, token, delay)))
                elif state["status"] in ("closed", "finished") and q["id"] not in looked:
                    looked.add(q["id"])
                    status, _ = await self.timed(
                        conn, self.f.me_ms, "GET", f"{base}/me", token=token
                    )
                    if status != 200:
                        self.error(f"me {status}")
                if state["status"] == "finished":
                    break
            await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - started)))
        conn.close()
        await asyncio.gather(*tasks)

    async def answer(self, qid: str, given, token: str, delay: float) -> None:
        await asyncio.sleep(delay)
        conn = Conn(self.port)
        status, body = await self.timed(
            conn,
            self.f.answer_ms,
            "POST",
            f"/api/v1/contests/{self.code}/answers",
            {"question_id": qid, "answer": given},
            token=token,
        )
        conn.close()
        if status == 200:
            self.f.acknowledged += 1
        elif status == 409:
            self.f.refused += 1
        else:
            self.error(f"answer {status} {body}")

    async def host_loop(self, questions: int) -> None:
        base = f"/api/v1/contests/{self.code}"
        plain = Conn(self.port)

        class conn:  # the host's requests, reconnecting after an idle keep-alive close
            @staticmethod
            async def request(*args, **kwargs):
                try:
                    return await plain.request(*args, **kwargs)
                except (OSError, asyncio.IncompleteReadError):
                    plain.close()
                    return await plain.request(*args, **kwargs)

        while True:  # wait for everyone to join
            _, players = await conn.request("GET", f"{base}/players")
            if players["count"] >= self.n:
                break
            await asyncio.sleep(0.5)
        for _ in range(questions):  # lobby → q1, then closed → next question
            status, state = await conn.request("POST", f"{base}/advance", token=self.host)
            self.f.events.append((time.monotonic(), "open"))
            if status != 200 or state["status"] != "open":
                self.error(f"advance {status} {state}")
                break
            wait = state["question"]["deadline"] - state["server_time"] + 0.15
            await asyncio.sleep(wait)  # the question closes by its deadline
            self.f.events.append((time.monotonic(), "closed"))
            await conn.request("GET", f"{base}/leaderboard")  # the 大屏 shows it at the close
            await asyncio.sleep(1.5)  # players see "closed" and their result
        status, state = await conn.request("POST", f"{base}/advance", token=self.host)
        if state.get("status") != "finished":
            self.error(f"finish {status} {state}")
        await asyncio.sleep(1.5)
        self.done = True
        plain.close()


async def simulate(port: int, code: str, host: str, players: int, questions: int) -> Figures:
    figures = Figures()
    game = Game(port, code, host, players, figures)
    rng = random.Random(7)
    tasks = [
        asyncio.create_task(game.player(i, random.Random(rng.random()))) for i in range(players)
    ]
    await game.host_loop(questions)
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=120)
    return figures


# ---------------------------------------------------------------- set-up and report


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(url: str, instance: str, questions: int, seconds: int):
    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.live import services
    from quizapp.models import BankQuestion, Material

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "INSTANCE_PATH": instance}
    )
    with app.app_context():
        db.create_all()
        material = Material(title="压测题库", text=uuid.uuid4().hex, content_hash=uuid.uuid4().hex)
        db.session.add(material)
        db.session.flush()
        rows = []
        for i in range(questions):
            data = dict(QUESTIONS[i % len(QUESTIONS)])
            data.setdefault("accepted", [])
            row = BankQuestion(material_id=material.id, uid=f"b{i}", origin="manual", **data)
            db.session.add(row)
            rows.append(row)
        db.session.flush()
        contest, host = services.create_contest(rows, title="压测", seconds=seconds)
        db.session.commit()
        return app, contest.code, host


def tree_cpu_seconds(pid: int) -> float:
    """user + system CPU of a process and its children (the gunicorn workers), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, IndexError, ValueError):
            pass
    return total


def postgres_cpu_seconds() -> float:
    """user + system CPU of every local postgres process (the database's share of the work)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name, rest = stat.split("(", 1)[1].rsplit(")", 1)
        if name.startswith("postgres"):
            fields = rest.split()
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def wait_until_serving(port: int, code: str) -> None:
    """Until both workers answer (a few requests in a row succeed)."""
    import urllib.request

    ok = 0
    for _ in range(600):
        try:
            url = f"http://127.0.0.1:{port}/api/v1/contests/{code}"
            with urllib.request.urlopen(url, timeout=5) as response:
                ok = ok + 1 if response.status == 200 else 0
        except OSError:
            ok = 0
        if ok >= 10:
            return
        time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def stored_answers(app) -> int:
    from sqlalchemy import func, select

    from quizapp.extensions import db
    from quizapp.models import LiveAnswer

    with app.app_context():
        count = db.session.scalar(select(func.count()).select_from(LiveAnswer))
        db.session.remove()
        db.engine.dispose()
        return int(count)


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(backend: str, args) -> dict:
    tmp = tempfile.mkdtemp(prefix="bench-contest-")
    schema = None
    if backend == "sqlite":
        url = f"sqlite:///{tmp}/bench.db"
    else:
        from sqlalchemy import create_engine, text

        schema = "bench_" + uuid.uuid4().hex[:10]
        admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    app, code, host = prepare(url, f"{tmp}/instance", args.questions, args.seconds)
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=url,
        SECRET_KEY="bench-" + uuid.uuid4().hex,
        QUIZAPP_INSTANCE=f"{tmp}/instance",
    )
    cmd = [
        str(ROOT / ".venv/bin/gunicorn"),
        "-w",
        str(args.workers),
        "-k",
        "gthread",
        "--threads",
        str(args.threads),
        "--worker-connections",
        "2000",
        "--backlog",
        "4096",
        "--keep-alive",
        "5",
        "-b",
        f"127.0.0.1:{port}",
        "app:app",
    ]
    log = open(f"{tmp}/gunicorn.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_serving(port, code)
        started = time.perf_counter()
        cpu = time.process_time()
        server_cpu = tree_cpu_seconds(proc.pid)
        db_cpu = postgres_cpu_seconds()
        figures = asyncio.run(simulate(port, code, host, args.players, args.questions))
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu
        server_cpu = tree_cpu_seconds(proc.pid) - server_cpu
        db_cpu = postgres_cpu_seconds() - db_cpu  # all postgres processes (others' tests too)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    stored = stored_answers(app)
    shutil.rmtree(tmp, ignore_errors=True)
    if os.environ.get("BENCH_SLOW"):
        t0 = figures.events[0][0] if figures.events else 0
        for when, what in figures.events:
            print(f"    event {when - t0:7.2f} {what}")
        for when, what, ms in sorted(figures.slow)[:: max(1, len(figures.slow) // 60)]:
            print(f"    slow  {when - t0:7.2f} {what:28} {ms:7.0f} ms")
    if schema:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    return {
        "backend": backend,
        "players": args.players,
        "elapsed_s": round(elapsed, 1),
        "client_cpu_s": round(cpu, 1),
        "server_cpu_s": round(server_cpu, 1),
        "postgres_cpu_s": round(db_cpu, 1) if backend == "postgresql" else None,
        "load_avg_1m": round(os.getloadavg()[0], 1),
        "answers": len(figures.answer_ms),
        "answer_p50_ms": round(pct(figures.answer_ms, 50), 1),
        "answer_p99_ms": round(pct(figures.answer_ms, 99), 1),
        "answer_max_ms": round(max(figures.answer_ms, default=float("nan")), 1),
        "polls": len(figures.poll_ms),
        "poll_p50_ms": round(pct(figures.poll_ms, 50), 1),
        "poll_p99_ms": round(pct(figures.poll_ms, 99), 1),
        "me_p99_ms": round(pct(figures.me_ms, 99), 1),
        "join_p99_ms": round(pct(figures.join_ms, 99), 1),
        "errors": len(figures.errors),
        "error_samples": sorted(set(figures.errors))[:5],
        "acknowledged": figures.acknowledged,
        "stored": stored,
        "refused_409": figures.refused,
        "lost": figures.acknowledged - stored,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=int, default=500)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    print(
        f"{args.players} players, {args.questions} questions of {args.seconds} s, gunicorn "
        f"-w {args.workers} --threads {args.threads}, {os.cpu_count()} CPUs",
        flush=True,
    )
    for backend in backends:
        result = run(backend, args)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        print(
            f"  {backend}: answers p50 {result['answer_p50_ms']} ms,"
            f" p99 {result['answer_p99_ms']} ms,"
            f" max {result['answer_max_ms']} ms; polls p99 {result['poll_p99_ms']} ms;"
            f" errors {result['errors']}; acknowledged {result['acknowledged']},"
            f" stored {result['stored']}, lost {result['lost']}",
            flush=True,
        )


if __name__ == "__main__":
    main()
