"""SQLite set-up for many users: WAL, foreign keys, busy timeout, IMMEDIATE write transactions."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from quizapp.database import wants_write
from quizapp.extensions import db
from quizapp.models import Group, User

ROOT = Path(__file__).resolve().parent.parent


def test_sqlite_pragmas(app):
    with app.app_context():
        conn = db.session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_foreign_keys_are_enforced(db_app):
    with db_app.app_context():
        db.session.add(User(username="x", display_name="x", password_hash="x", group_id=424242))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_check_constraint_on_roles(db_app):
    with db_app.app_context():
        db.session.add(User(username="x", display_name="x", password_hash="x", role="king"))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_reads_start_plain_and_writes_start_immediate(app):
    with app.test_request_context("/", method="GET"):
        assert not wants_write()
    with app.test_request_context("/", method="POST"):
        assert wants_write()
    with app.app_context():  # CLI commands and background jobs
        assert wants_write()


def test_plain_begin_would_fail_where_ours_waits(app, tmp_path):
    """Why IMMEDIATE: a read-then-write transaction that began plain cannot wait for the lock."""
    path = tmp_path / "test.db"
    with app.app_context():
        db.session.add(Group(name="种子"))
        db.session.commit()
    plain = sqlite3.connect(path, timeout=5, isolation_level=None)
    other = sqlite3.connect(path, timeout=5, isolation_level=None)
    try:
        plain.execute("BEGIN")
        plain.execute("SELECT count(*) FROM groups").fetchone()
        other.execute("BEGIN IMMEDIATE")
        other.execute(
            "INSERT INTO groups (name, sort_order, created_at) VALUES ('并发', 1, '2026-01-01')"
        )
        other.execute("COMMIT")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            plain.execute(
                "INSERT INTO groups (name, sort_order, created_at) VALUES ('失败', 2, '2026-01-01')"
            )
        plain.execute("ROLLBACK")
        # Our sessions take the write lock when the transaction begins, before the read:
        with app.app_context():
            db.session.scalar(select(func.count(Group.id)))
            other.execute("PRAGMA busy_timeout=100")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")  # the other writer waits for us ...
            db.session.add(Group(name="我们的写入"))
            db.session.commit()  # ... and our read-then-write never fails
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        plain.close()
        other.close()


def _read_then_write(app, worker: int, rounds: int, errors: list[BaseException]) -> None:
    try:
        with app.app_context():
            for i in range(rounds):
                top = db.session.scalar(select(func.max(Group.sort_order))) or 0
                db.session.add(Group(name=f"w{worker}-{i}", sort_order=top + 1))
                db.session.commit()
    except BaseException as exc:  # noqa: BLE001
        errors.append(exc)


def test_concurrent_read_then_write_threads(db_app):
    """Eight threads each read the highest order then write the next one, 25 times."""
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=_read_then_write, args=(db_app, w, 25, errors)) for w in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors[:3]
    with db_app.app_context():
        assert db.session.scalar(select(func.count(Group.id))) == 200
        if db.engine.dialect.name == "sqlite":  # IMMEDIATE serialises them: no order read twice
            orders = list(db.session.scalars(select(Group.sort_order)))
            assert sorted(orders) == list(range(1, 201))


def test_concurrent_posts_through_the_app(app, make_user):
    """Admins adding groups at the same moment: every request succeeds, none is lost."""
    make_user("boss", role="admin")
    results: list[int] = []
    lock = threading.Lock()

    def post_many(worker: int) -> None:
        client = app.test_client()
        client.post("/auth/login", data={"username": "boss", "password": "password123"})
        for i in range(10):
            status = client.post("/admin/groups", data={"name": f"组{worker}-{i}"}).status_code
            with lock:
                results.append(status)

    threads = [threading.Thread(target=post_many, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == [302] * 60
    with app.app_context():
        assert db.session.scalar(select(func.count(Group.id))) == 60


WORKER = """
import sys
from sqlalchemy import func, select
from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Group

config = {"SQLALCHEMY_DATABASE_URI": sys.argv[1], "SECRET_KEY": "x", "INSTANCE_PATH": sys.argv[3]}
app = create_app(config)
with app.app_context():
    for i in range(30):
        top = db.session.scalar(select(func.max(Group.sort_order))) or 0
        db.session.add(Group(name=f"p{sys.argv[2]}-{i}", sort_order=top + 1))
        db.session.commit()
print("ok")
"""


def test_concurrent_read_then_write_processes(app, tmp_path):
    """Three processes (like three gunicorn workers) writing the same SQLite file."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, str(n), str(tmp_path / f"inst{n}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for n in range(3)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err[-2000:]
        assert out.strip() == "ok"
    with app.app_context():
        orders = list(db.session.scalars(select(Group.sort_order)))
    assert sorted(orders) == list(range(1, 91))


def test_postgresql_urls_use_the_installed_driver(db_app):
    with db_app.app_context():
        name = db.engine.dialect.name
        assert db.session.execute(text("select 1")).scalar() == 1
    if name == "postgresql":
        assert db_app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")
