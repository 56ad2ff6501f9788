"""Database engine set-up: SQLite tuned for many concurrent users; write-transaction helpers."""

from __future__ import annotations

from typing import Any

from flask import Flask, g, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .extensions import db

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def configure_engine(app: Flask) -> None:
    """Install SQLite pragmas and IMMEDIATE write transactions on the app's engine.

    On PostgreSQL, give the models' partial indexes their condition (the models are imported).
    """
    with app.app_context():
        engine = db.engine
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    elif engine.dialect.name == "postgresql":
        partial_indexes_on_postgresql()


def partial_indexes_on_postgresql() -> None:
    """Give PostgreSQL the WHERE of each partial index the models declare for SQLite.

    The models write only ``sqlite_where``: a ``postgresql_where`` beside it makes SQLAlchemy
    import its PostgreSQL dialect as the model class is made, some 35 ms of every start, an
    SQLite one included (docs/generation.md, "Seventeenth session: start-up"). Called on a
    PostgreSQL app's start, and by migrations/env.py whatever the database, so that a migration
    ``flask db migrate`` writes against SQLite keeps the condition for PostgreSQL too.
    """
    for table in db.metadata.tables.values():
        for index in table.indexes:
            where = index.dialect_kwargs.get("sqlite_where")
            if where is not None:
                index.dialect_kwargs["postgresql_where"] = where


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):  # noqa: ANN001
        # Let SQLAlchemy's "begin" event decide how transactions start (pysqlite would
        # otherwise emit a plain BEGIN lazily, which fails with "database is locked" when a
        # read-then-write transaction meets another writer).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE" if wants_write() else "BEGIN")


def wants_write() -> bool:
    """A transaction takes the write lock at once unless it serves a plain read request.

    CLI commands and POST/PUT/DELETE requests write; a GET that must write calls
    `begin_write()` first.
    """
    if not has_request_context():
        return True
    return request.method not in READ_METHODS or bool(g.get("_write_intent"))


def begin_write() -> None:
    """From a GET request: end the read transaction and start the next one as a writer."""
    if has_request_context():
        g._write_intent = True
    db.session.commit()


def dialect_insert(entity: Any) -> Any:
    """An INSERT of the session's database dialect, the kind that takes ``ON CONFLICT``.

    The dialect module is imported here, not at start-up: PostgreSQL's costs about 0.1 s and an
    SQLite app never needs it (a PostgreSQL engine has imported it already).
    """
    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(entity)
