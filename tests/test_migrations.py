"""The Alembic migrations build exactly the schema the models describe, on both backends."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from conftest import base_config
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import BankQuestion


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_app(request, tmp_path):
    if request.param == "sqlite":
        url = "sqlite:///" + str(tmp_path / "migrated.db")
    else:
        url = request.getfixturevalue("pg_schema_url")
    app = create_app(base_config(url, tmp_path))
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_upgrade_builds_the_models_schema_and_downgrade_removes_it(empty_db_app):
    with empty_db_app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "render_as_batch": True}
            )
            differences = compare_metadata(context, db.metadata)
        assert differences == [], f"models and migrations differ: {differences}"
        assert "bank_questions" in inspect(db.engine).get_table_names()

        downgrade(revision="base")
        remaining = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert remaining == set()


def test_a_bank_stored_before_the_pick_columns_keeps_its_rows(empty_db_app):
    """Rows stored before the quiz pick's columns read 0.5 and not weak, as the pick then
    treated every row (regeneration fills them from the engine)."""
    with empty_db_app.app_context():
        upgrade(revision="d583dd0082b1")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO materials (id, title, source, text, content_hash, char_count,"
                    " key_phrases, is_default, created_at) VALUES (1, '材料', '', '正文', 'h', 2,"
                    " '[]', false, '2026-01-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO bank_questions (id, uid, material_id, kind, stem, options,"
                    " answer, accepted, ordered, keys, source, explanation, difficulty, template,"
                    " tags, origin, status, edited, retired, created_at, updated_at) VALUES (1,"
                    " 'g1', 1, 'judge', '题干', '[]', 'true', '[]', true, '[]', '', '', 0.5, '',"
                    " '[]', 'generated', 'active', false, false, '2026-01-01 00:00:00',"
                    " '2026-01-01 00:00:00')"
                )
            )
        upgrade()
        row = db.session.get(BankQuestion, 1)
        assert (row.uid, row.stem, row.answer) == ("g1", "题干", True)
        assert (row.pick_score, row.weak) == (0.5, False)
