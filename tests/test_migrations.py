"""The Alembic migrations build exactly the schema the models describe, on both backends."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from conftest import base_config
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

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


# one material and one generated 判断 of it, in the columns every revision since d583dd0082b1 has
MATERIAL_ROW = (
    "INSERT INTO materials (id, title, source, text, content_hash, char_count, key_phrases,"
    " is_default, created_at) VALUES (1, '材料', '', '正文', 'h', 2, '[]', false,"
    " '2026-01-01 00:00:00')"
)
BANK_ROW = (
    "INSERT INTO bank_questions (id, uid, material_id, kind, stem, options, answer, accepted,"
    " ordered, keys, source, explanation, difficulty, template, tags, origin, status, edited,"
    " retired, created_at, updated_at) VALUES (1, 'g1', 1, 'judge', '题干', '[]', 'true', '[]',"
    " true, '[]', '', '', 0.5, '', '[]', 'generated', 'active', false, false,"
    " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
)


def test_a_bank_stored_before_the_pick_columns_keeps_its_rows(empty_db_app):
    """Rows stored before the quiz pick's columns read 0.5 and not weak, as the pick then
    treated every row (regeneration fills them from the engine)."""
    with empty_db_app.app_context():
        upgrade(revision="d583dd0082b1")
        with db.engine.begin() as conn:
            conn.execute(text(MATERIAL_ROW))
            conn.execute(text(BANK_ROW))
        upgrade()
        row = db.session.get(BankQuestion, 1)
        assert (row.uid, row.stem, row.answer) == ("g1", "题干", True)
        assert (row.pick_score, row.weak) == (0.5, False)


def test_a_round_stored_before_the_rank_went_keeps_its_players_and_their_names(empty_db_app):
    """Dropping `live_players.rank` (SQLite rebuilds the table) keeps the players, their scores
    and the rule on names: a removed player's name is free for a new one, a name in play is not."""
    with empty_db_app.app_context():
        upgrade(revision="5c1d7a2e9b40")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO live_contests (id, code, title, host_token_hash,"
                    " seconds_per_question, points_max, streak_bonus, lobby_locked,"
                    " question_count, current_position, ranked_through, created_at) VALUES"
                    " (1, 'ABC123', '知识竞赛', 'h', 20, 1000, 0, false, 1, 1, 1,"
                    " '2026-01-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO live_players (id, contest_id, name, token_hash, removed,"
                    " joined_at, score, correct_count, right_ms, rank) VALUES"
                    " (1, 1, '甲', 't1', true, '2026-01-01 00:00:00', 0, 0, 0, NULL),"
                    " (2, 1, '乙', 't2', false, '2026-01-01 00:00:00', 950, 1, 3000, 1)"
                )
            )
        upgrade()
        assert "rank" not in {c["name"] for c in inspect(db.engine).get_columns("live_players")}
        with db.engine.begin() as conn:
            rows = conn.execute(text("SELECT name, score FROM live_players ORDER BY id")).all()
            assert [tuple(r) for r in rows] == [("甲", 0), ("乙", 950)]
            conn.execute(
                text(
                    "INSERT INTO live_players (id, contest_id, name, token_hash, removed,"
                    " joined_at, score, correct_count, right_ms) VALUES"
                    " (3, 1, '甲', 't3', false, '2026-01-01 00:00:00', 0, 0, 0)"
                )
            )
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO live_players (id, contest_id, name, token_hash, removed,"
                    " joined_at, score, correct_count, right_ms) VALUES"
                    " (4, 1, '乙', 't4', false, '2026-01-01 00:00:00', 0, 0, 0)"
                )
            )


def test_contest_only_keeps_every_material_open_and_its_bank_in_place(empty_db_app):
    """仅用于竞赛 arrives off for every stored material, and neither adding nor removing the
    column touches the bank: a SQLite batch that recreated `materials` dropped it, and with
    foreign keys on the drop deleted every bank question by cascade."""
    from quizapp.models import Material

    with empty_db_app.app_context():
        upgrade(revision="a4c8e2f61d37")
        with db.engine.begin() as conn:
            conn.execute(text(MATERIAL_ROW))
            conn.execute(text(BANK_ROW))
        upgrade()
        assert db.session.get(Material, 1).contest_only is False
        assert db.session.get(BankQuestion, 1).stem == "题干"
        db.session.remove()

        downgrade(revision="a4c8e2f61d37")
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM bank_questions")).scalar() == 1
            columns = {c["name"] for c in inspect(conn).get_columns("materials")}
        assert "contest_only" not in columns


def test_upgrading_from_the_first_revision_keeps_every_row_that_hangs_off_a_rebuilt_table(
    empty_db_app,
):
    """SQLite rebuilds a table in a batch (copy, drop, rename); with foreign keys on, the drop
    deleted every child row by its ON DELETE CASCADE: upgrading a database of the first
    revision emptied the 错题本 (bank_questions rebuilt) and the 现场赛 answers (live_players
    rebuilt). Migrations now run with foreign keys off; the app's connections keep them on."""
    stamp = "'2026-01-01 00:00:00'"
    with empty_db_app.app_context():
        upgrade(revision="d583dd0082b1")
        with db.engine.begin() as conn:
            for statement in (
                MATERIAL_ROW,
                BANK_ROW,
                "INSERT INTO notebook_entries (id, visitor_id, question_id, last_response,"
                " wrong_count, right_streak, interval_days, due_at, source_kind, created_at,"
                f" updated_at) VALUES (1, 'v1', 1, 'false', 1, 0, 0, {stamp}, 'self', {stamp},"
                f" {stamp})",
                "INSERT INTO live_contests (id, code, title, host_token_hash,"
                " seconds_per_question, points_max, streak_bonus, lobby_locked, question_count,"
                f" current_position, ranked_through, created_at) VALUES (1, 'ABC123', 't', 'h',"
                f" 20, 1000, 0, false, 1, 1, 1, {stamp})",
                "INSERT INTO live_players (id, contest_id, name, token_hash, removed, joined_at,"
                f" score, correct_count, right_ms) VALUES (1, 1, '甲', 't1', false, {stamp},"
                " 950, 1, 3000)",
                "INSERT INTO live_questions (id, contest_id, position, uid, bank_question_id,"
                " question, seconds) VALUES (1, 1, 1, 'g1', 1, '{}', 20)",
                "INSERT INTO live_answers (id, player_id, question_id, response, canonical,"
                f" correct, points, elapsed_ms, arrived_at) VALUES (1, 1, 1, 'true', 'true',"
                f" true, 950, 3000, {stamp})",
            ):
                conn.execute(text(statement))
        upgrade()
        with db.engine.connect() as conn:
            for table in ("bank_questions", "notebook_entries", "live_players", "live_answers"):
                assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 1, table
            if conn.dialect.name == "sqlite":  # the app's connection enforces them again
                assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
