"""CLI: init-db (twice changes nothing), SECRET_KEY file, create-admin, backup while writing."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text

from quizapp import config as cfg
from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Group, User

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = ROOT / "quizapp" / "migrations" / "versions"


# ---------------------------------------------------------------- create-admin


def test_create_admin(app, runner):
    result = runner.invoke(
        args=["create-admin", "--username", "chief", "--name", "书记", "--password", "long-enough"]
    )
    assert result.exit_code == 0, result.output
    assert "管理员 chief 已就绪" in result.output
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "chief"))
        assert user.role == "admin" and user.display_name == "书记"
        assert user.check_password("long-enough")
    client = app.test_client()
    client.post("/auth/login", data={"username": "chief", "password": "long-enough"})
    assert client.get("/admin/users").status_code == 200


def test_create_admin_promotes_an_existing_user(app, runner, make_user):
    make_user("zhang", role="learner")
    result = runner.invoke(
        args=["create-admin", "--username", "Zhang", "--password", "new-password"]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 1
        assert db.session.scalar(select(User.role)) == "admin"


def test_create_admin_prompts_for_what_is_missing(app, runner, monkeypatch):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "typed-password")
    result = runner.invoke(args=["create-admin"], input="prompted\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(User).where(User.username == "prompted")).check_password(
            "typed-password"
        )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--username", "x1", "--password", "short"], "密码至少 8 位"),
        (["--username", "   ", "--password", "long-enough"], "请填写账号"),
        (["--username", "two words", "--password", "long-enough"], "账号只能包含"),
    ],
)
def test_create_admin_rejects_bad_input(app, runner, args, message):
    result = runner.invoke(args=["create-admin", *args])
    assert result.exit_code != 0
    assert message in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 0


# ---------------------------------------------------------------- secret key


def read_after_ensure(instance: str) -> tuple[bool, str]:
    created = cfg.ensure_secret_key_file(instance)
    return created, cfg.secret_key_path(instance).read_text()


def test_secret_key_file_is_created_once_atomically(tmp_path):
    instance = str(tmp_path / "inst")
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: read_after_ensure(instance), range(16)))
    assert [created for created, _ in results].count(True) == 1
    key = cfg.secret_key_path(instance).read_text()
    assert {seen for _, seen in results} == {key}  # nobody ever saw another or a partial key
    assert len(key) == 64
    assert oct(cfg.secret_key_path(instance).stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in (tmp_path / "inst").iterdir()) == ["secret_key"]  # no leftovers


def test_app_reads_the_key_from_the_instance_folder_or_the_environment(tmp_path, monkeypatch):
    instance = tmp_path / "inst"
    monkeypatch.setenv("QUIZAPP_INSTANCE", str(instance))
    monkeypatch.setenv("DATABASE_URL", "sqlite:///" + str(tmp_path / "q.db"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    assert create_app().config["SECRET_KEY"] is None  # never a built-in fallback
    cfg.ensure_secret_key_file(str(instance))
    first, second = create_app(), create_app()  # two workers
    assert (
        first.config["SECRET_KEY"]
        == second.config["SECRET_KEY"]
        == cfg.read_secret_key(str(instance))
    )
    monkeypatch.setenv("SECRET_KEY", "shared-by-several-hosts")
    assert create_app().config["SECRET_KEY"] == "shared-by-several-hosts"
    monkeypatch.setenv("DATABASE_URL", "postgresql://quiz@db.example:5432/quiz")
    assert (
        create_app().config["SQLALCHEMY_DATABASE_URI"]
        == "postgresql+psycopg://quiz@db.example:5432/quiz"
    )


# ---------------------------------------------------------------- init-db end to end


def _flask(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def _counts(url: str) -> dict[str, int]:
    """Rows per table, and a digest of the material and bank rows, of the database at `url`."""
    engine = create_engine(cfg.normalize_database_url(url))
    try:
        with engine.connect() as conn:
            counts = {}
            for table in inspect(conn).get_table_names():
                counts[table] = conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()
            counts["version"] = conn.execute(
                text("SELECT version_num FROM alembic_version")
            ).scalar()
            for table in ("materials", "bank_questions"):  # every value, not just the count
                rows = conn.execute(text(f'SELECT * FROM "{table}" ORDER BY id')).all()
                counts[table + " rows"] = hash(repr(rows))
            return counts
    finally:
        engine.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_init_db_twice_changes_nothing(request, tmp_path, backend):
    """The real command line, as `make run` calls it: schema, secret key, bundled speech."""
    if not any(MIGRATIONS.glob("*.py")):
        pytest.skip("no Alembic migration yet in quizapp/migrations/versions")
    if backend == "sqlite":
        url = "sqlite:///" + str(tmp_path / "quiz.db")
    else:
        url = request.getfixturevalue("pg_schema_url")
    env = {**os.environ, "QUIZAPP_INSTANCE": str(tmp_path / "inst"), "DATABASE_URL": url}
    env.pop("SECRET_KEY", None)
    first = _flask(["init-db"], env)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "已生成密钥文件" in first.stdout and "已载入默认学习材料" in first.stdout
    key = (tmp_path / "inst" / "secret_key").read_text()
    counts = _counts(url)
    assert counts["materials"] == 1 and counts["bank_questions"] > 20
    assert counts["alembic_version"] == 1 and counts["users"] == 0
    second = _flask(["init-db"], env)
    assert second.returncode == 0, second.stderr[-3000:]
    assert "已生成密钥文件" not in second.stdout and "已载入默认学习材料" not in second.stdout
    assert "数据库已就绪" in second.stdout
    assert _counts(url) == counts
    assert (tmp_path / "inst" / "secret_key").read_text() == key
    admin = _flask(["create-admin", "--username", "root", "--password", "root-password"], env)
    assert admin.returncode == 0, admin.stderr[-3000:]
    assert _counts(url)["users"] == 1


@pytest.mark.slow
def test_flask_db_commands_run_from_the_command_line(tmp_path):
    """`flask db …` is Flask-Migrate's, loaded only when a db command runs: listed in
    `flask --help`, its subcommands and group options work, the schema reaches the head."""
    url = "sqlite:///" + str(tmp_path / "quiz.db")
    env = {**os.environ, "QUIZAPP_INSTANCE": str(tmp_path / "inst"), "DATABASE_URL": url}
    listed = _flask(["--help"], env)
    assert listed.returncode == 0, listed.stderr[-3000:]
    assert re.search(r"^  db +Perform database migrations\.$", listed.stdout, re.MULTILINE)
    upgraded = _flask(["db", "upgrade"], env)
    assert upgraded.returncode == 0, upgraded.stderr[-3000:]
    current = _flask(["db", "-d", str(MIGRATIONS.parent), "current"], env)
    assert current.returncode == 0, current.stderr[-3000:]
    assert current.stdout.strip().endswith("(head)")
    assert _counts(url)["alembic_version"] == 1


def test_a_migration_written_against_sqlite_keeps_the_postgresql_index_condition(tmp_path):
    """`flask db migrate` on a developer's SQLite writes each partial unique index with its
    PostgreSQL WHERE as well (the models give only SQLite's: without it PostgreSQL got a full
    unique index, and a second 现场赛 player could never take a removed player's name)."""
    import shutil

    directory = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS.parent, directory, ignore=shutil.ignore_patterns("*.py[co]"))
    for old in (directory / "versions").glob("*.py"):
        old.unlink()
    url = "sqlite:///" + str(tmp_path / "empty.db")
    env = {**os.environ, "QUIZAPP_INSTANCE": str(tmp_path / "inst"), "DATABASE_URL": url}
    written = _flask(["db", "-d", str(directory), "migrate", "-m", "all"], env)
    assert written.returncode == 0, written.stderr[-3000:]
    (script,) = (directory / "versions").glob("*.py")
    lines = {
        name: next(line for line in script.read_text("utf-8").splitlines() if name in line)
        for name in ("uq_live_players_active_name", "uq_paper_attempts_one_active")
    }
    assert "postgresql_where=sa.text('NOT removed')" in lines["uq_live_players_active_name"]
    assert (
        "postgresql_where=sa.text('finished_at IS NULL')" in lines["uq_paper_attempts_one_active"]
    )


def test_flask_db_help_lists_flask_migrate_commands(runner):
    result = runner.invoke(args=["db", "--help"])
    assert result.exit_code == 0, result.output
    assert "Perform database migrations." in result.output
    for command in ("upgrade", "downgrade", "migrate", "revision", "current", "history", "stamp"):
        assert re.search(rf"^  {command} ", result.output, re.MULTILINE), command


# ---------------------------------------------------------------- backup


def test_backup_while_writing(app, runner, tmp_path):
    stop = threading.Event()
    written = []
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            with app.app_context():
                i = 0
                while not stop.is_set():
                    db.session.add(Group(name=f"写入{i}", sort_order=i))
                    db.session.commit()
                    written.append(i)
                    i += 1
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 20:
            stop.wait(0.01)
        target = tmp_path / "backups" / "quiz-backup.db"
        result = runner.invoke(args=["backup", str(target)])
        during = len(written)
        while len(written) < during + 20:  # the writer keeps going after the backup
            stop.wait(0.01)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not errors, errors
    assert result.exit_code == 0, result.output
    assert "已备份到" in result.output
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        copied = conn.execute("SELECT count(*) FROM groups").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 0
    conn.close()
    assert 20 <= copied < len(written)
    again = runner.invoke(args=["backup", str(target)])
    assert again.exit_code != 0 and "已存在" in again.output


def test_backup_restores_into_a_working_app(app, runner, make_user, tmp_path):
    make_user("zhang", display_name="张三")
    target = tmp_path / "copy.db"
    assert runner.invoke(args=["backup", str(target)]).exit_code == 0
    restored = create_app(
        {"SQLALCHEMY_DATABASE_URI": "sqlite:///" + str(target), "SECRET_KEY": "x", "TESTING": True,
         "INSTANCE_PATH": str(tmp_path / "restored"), "WTF_CSRF_ENABLED": False}
    )  # fmt: skip
    client = restored.test_client()
    assert (
        client.post(
            "/auth/login", data={"username": "zhang", "password": "password123"}
        ).status_code
        == 302
    )
    with restored.app_context():
        db.engine.dispose()


def test_backup_on_postgresql_points_to_pg_dump(db_app, tmp_path):
    result = db_app.test_cli_runner().invoke(args=["backup", str(tmp_path / "b.db")])
    with db_app.app_context():
        backend = db.engine.dialect.name
    if backend == "sqlite":
        assert result.exit_code == 0
    else:
        assert result.exit_code == 1
        assert "pg_dump" in result.output
