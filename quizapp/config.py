"""Configuration: defaults, then the instance folder, then the environment (or a test config)."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

SECRET_KEY_FILE = "secret_key"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class Defaults:
    # Flask-WTF's token otherwise expires after an hour: a long exam must not lose its answers.
    # The token stays bound to the session, which is what protects against CSRF.
    WTF_CSRF_TIME_LIMIT = None
    MAX_CONTENT_LENGTH = MAX_UPLOAD_BYTES + 512 * 1024  # the file plus the form around it
    MAX_UPLOAD_BYTES = MAX_UPLOAD_BYTES
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    COMPRESS_MIMETYPES = [
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "image/svg+xml",
    ]
    COMPRESS_MIN_SIZE = 500
    COMPRESS_ALGORITHM = ["gzip"]
    TIMEZONE = "Asia/Shanghai"
    # Live-contest join limits, shared by all workers through the database.
    JOIN_RATE_PER_MINUTE = 2000
    CODE_GUESS_RATE_PER_MINUTE = 120


def database_url_from_env(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return "sqlite:///" + str(Path(instance_path) / "quiz.db")
    return normalize_database_url(url)


def normalize_database_url(url: str) -> str:
    """Map a plain postgresql:// URL to the driver this project installs (psycopg 3)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def secret_key_path(instance_path: str) -> Path:
    return Path(instance_path) / SECRET_KEY_FILE


def read_secret_key(instance_path: str) -> str | None:
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    path = secret_key_path(instance_path)
    if path.exists():
        return path.read_text(encoding="utf-8").strip() or None
    return None


def ensure_secret_key_file(instance_path: str) -> bool:
    """Create the instance secret key once, atomically; return True if it was created.

    Written to a temporary file and linked into place so that concurrent `init-db` runs never
    leave two workers with different keys: the first link wins, the others read its key.
    """
    path = secret_key_path(instance_path)
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    # A unique temporary name per call (not per process): the link shares the inode, so two
    # writers of one name could truncate a key that is already in place.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{SECRET_KEY_FILE}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(secrets.token_hex(32))
    try:
        os.link(tmp, path)
        created = True
    except FileExistsError:
        created = False
    finally:
        tmp.unlink(missing_ok=True)
    return created
