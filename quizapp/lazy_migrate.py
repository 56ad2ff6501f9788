"""Flask-Migrate, bound on first use.

Importing Flask-Migrate imports Alembic, and Alembic its PostgreSQL dialect, Mako and Pygments:
about a fifth of `flask --help` (docs/generation.md, "Tenth session: start-up"). Only `init-db`, the
`flask db …` commands and the migration tests need it; no request does. So the app gets a `db`
command that loads Flask-Migrate's real group when it is run (or its help is shown), and an
``app.extensions["migrate"]`` that binds the real Flask-Migrate at its first attribute read
(``flask_migrate.upgrade()`` and Alembic's env.py read it there).
"""

from __future__ import annotations

import threading
from typing import Any

import click
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

COMMAND = "db"
HELP = "Perform database migrations."  # Flask-Migrate's own, as `flask --help` listed it


class LazyMigrate:
    """`flask_migrate.Migrate` with the same arguments, imported when first needed."""

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self._real: Any = None
        self._lock = threading.Lock()

    def init_app(self, app: Flask, db: SQLAlchemy, directory: str) -> None:
        app.extensions["migrate"] = PendingMigrateConfig(self, app, db, directory)
        app.cli.add_command(LazyMigrateGroup(COMMAND, help=HELP), name=COMMAND)

    def bind(self, app: Flask, db: SQLAlchemy, directory: str) -> Any:
        """Bind the real Flask-Migrate to ``app`` (once) and return its extension state."""
        with self._lock:
            if isinstance(app.extensions.get("migrate"), PendingMigrateConfig):
                if self._real is None:
                    from flask_migrate import Migrate

                    self._real = Migrate(**self.kwargs)
                # Sets app.extensions["migrate"] and replaces our `db` group by the real one.
                self._real.init_app(app, db, directory=directory)
        return app.extensions["migrate"]


class PendingMigrateConfig:
    """Stands in ``app.extensions["migrate"]`` until something reads it."""

    def __init__(self, migrate: LazyMigrate, app: Flask, db: SQLAlchemy, directory: str) -> None:
        self._bind = lambda: migrate.bind(app, db, directory)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._bind(), name)


class LazyMigrateGroup(click.Group):
    """Flask-Migrate's `db` group, imported when the command is run or its help is shown.

    Listing it in `flask --help` reads only its short help. Running `flask db …` makes the real
    group's context, so its options (-d, -x), subcommands and callback are Flask-Migrate's own.
    """

    @staticmethod
    def _real() -> click.Group:
        from flask_migrate.cli import db

        return db

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        return self._real().make_context(info_name, args, parent=parent, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return self._real().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._real().get_command(ctx, cmd_name)
