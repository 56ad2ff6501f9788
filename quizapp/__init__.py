"""Application factory: the one place the Flask app is made."""

from __future__ import annotations

import atexit
import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import config as cfg

if TYPE_CHECKING:
    from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


_FREEZE_AT_EXIT = False  # (registered once per process, however many apps it builds)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """The app, built with the cyclic garbage collector paused.

    A start makes some 150,000 objects (modules, classes, mapped tables, routes) that live as
    long as the process; the collector's passes over them while they are made cost about a
    tenth of create_app. They then go to the oldest generation untraversed (gc.freeze then
    gc.unfreeze), so the first young collection after the start does not walk them all. Not
    left frozen: the engine moves what a generation keeps the same way, which it can do only
    while nothing is frozen (pipeline._collector_paused; a frozen start made every upload's
    first generation pay that walk). At exit everything is frozen, so the interpreter's last
    collections do not walk the start's objects one more time (about 0.2 s of CPU a `flask`
    command). The collector is on again on return if it was on (docs/generation.md,
    "Seventeenth session: start-up").
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        app = _create_app(test_config)
        if gc.get_freeze_count() == 0:  # (a caller's frozen objects stay frozen)
            gc.freeze()
            gc.unfreeze()
        global _FREEZE_AT_EXIT
        if not _FREEZE_AT_EXIT:
            atexit.register(gc.freeze)
            _FREEZE_AT_EXIT = True
        return app
    finally:
        if was_enabled:
            gc.enable()


def _create_app(test_config: dict[str, Any] | None) -> Flask:
    # (Flask imported here, not at the top: ``import quizapp.generation`` runs this package's
    # __init__ first, and the engine alone, in a worker's fork or a script, needs no Flask:
    # about a tenth of a second of a cold engine's start)
    from flask import Flask

    app = Flask(
        __name__,
        instance_path=(test_config or {}).get("INSTANCE_PATH")
        or os.environ.get("QUIZAPP_INSTANCE")
        or str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_object(cfg.Defaults)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = cfg.database_url_from_env(app.instance_path)
        app.config["SECRET_KEY"] = cfg.read_secret_key(app.instance_path)
    else:
        app.config.update(test_config)
        if "SQLALCHEMY_DATABASE_URI" in test_config:
            app.config["SQLALCHEMY_DATABASE_URI"] = cfg.normalize_database_url(
                test_config["SQLALCHEMY_DATABASE_URI"]
            )
    if not app.config.get("SQLALCHEMY_DATABASE_URI", "sqlite").startswith("sqlite"):
        # A server database may drop idle connections; SQLite files cannot.
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True})
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from . import models  # noqa: F401  (every table registered before migrations look)
    from .database import configure_engine
    from .extensions import compress, csrf, db, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    csrf.init_app(app)
    compress.init_app(app)
    login_manager.init_app(app)
    configure_engine(app)  # after the models: it completes their indexes on PostgreSQL

    from .routing import LazyBuilderRule
    from .web import register_web

    app.url_rule_class = LazyBuilderRule  # before the blueprints add their rules
    register_web(app)

    from .commands import register_commands

    register_commands(app)
    return app
