"""What an app start loads and keeps: the shortcuts that make it fast change nothing it serves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text
from werkzeug.routing import IntegerConverter, Rule

from quizapp.extensions import db

ROOT = Path(__file__).resolve().parent.parent

# modules only some requests or commands need: none is loaded by a start
LOADED_ON_USE = (
    "alembic",
    "docx",
    "flask_migrate",
    "jieba",
    "openpyxl",
    "segno",
    "sqlalchemy.dialects.postgresql",
)


def test_a_start_loads_only_what_every_request_needs_and_leaves_the_collector_on(
    tmp_path: Path,
) -> None:
    code = (
        "import atexit, gc, json, sys\n"
        "from quizapp import create_app\n"
        "create_app()\n"
        "create_app()\n"
        f"out = {{'loaded': [m for m in {LOADED_ON_USE!r} if m in sys.modules],"
        " 'gc_on': gc.isenabled(), 'frozen': gc.get_freeze_count(), 'young': gc.get_count()[0]}\n"
        "atexit._run_exitfuncs()\n"
        "out['frozen_at_exit'] = gc.get_freeze_count()\n"
        "print(json.dumps(out))\n"
    )
    env = dict(os.environ, QUIZAPP_INSTANCE=str(tmp_path / "instance"))
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout.strip().splitlines()[-1])
    assert got["loaded"] == []
    assert got["gc_on"] is True
    # the start's objects sit in the oldest generation, out of the young collections' way, and
    # nothing is left frozen (the engine's first generation moves its own objects so only then)
    assert got["frozen"] == 0
    assert got["young"] < 5_000
    # frozen at exit instead: the interpreter's last collections skip them
    assert got["frozen_at_exit"] > 10_000


def test_every_url_is_built_as_werkzeugs_own_builder_builds_it(app) -> None:
    # the builders are compiled at first use (quizapp.routing); what they build must not change
    rules = list(app.url_map.iter_rules())
    assert len(rules) > 50
    for rule in rules:
        values: dict[str, object] = {
            name: 7 if isinstance(converter, IntegerConverter) else "a b/c"
            for name, converter in rule._converters.items()
        }
        for extra in ({}, {"next": "/x?y=1", "page": 2}):
            eager = Rule._compile_builder(rule, True)(rule, **values, **extra)
            assert rule.build({**values, **extra}) == eager, rule.rule
    with app.test_request_context():
        from flask import url_for

        assert url_for("static", filename="app.css") == "/static/app.css"


def test_the_partial_unique_indexes_keep_their_condition_on_each_database(db_app) -> None:
    with db_app.app_context():
        if db.engine.dialect.name == "postgresql":
            query = "SELECT indexdef FROM pg_indexes WHERE indexname = :name"
        else:
            query = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"
        for name, condition in (
            ("uq_paper_attempts_one_active", "finished_at IS NULL"),
            ("uq_live_players_active_name", "NOT removed"),
        ):
            ddl = db.session.scalar(text(query), {"name": name})
            assert ddl is not None, name
            assert condition in ddl.replace("(", "").replace(")", ""), ddl
