"""What the commands share: bad input ends with one Chinese line on stderr (exit status 2) and
nothing on stdout; the input file is read here, with that line for whatever goes wrong.

Only click is imported at the top: `generate` runs without an application or a database.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import NoReturn

import click

EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    click.echo(f"错误：{message}", err=True)
    raise click.exceptions.Exit(EXIT_BAD_INPUT)


def quiet_jieba() -> None:
    """jieba logs 'Building prefix dict …' on stderr; keep stderr for errors."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    try:
        import jieba

        jieba.setLogLevel(logging.WARNING)
    except ImportError:  # pragma: no cover
        pass


def read_file(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of the file, refused before reading when it is over max_bytes."""
    try:
        if max_bytes is not None and path.is_file() and path.stat().st_size > max_bytes:
            from ..generation.reader import too_large_message

            fail(too_large_message(path.stat().st_size, max_bytes))
        return path.read_bytes()
    except FileNotFoundError:
        fail(f"找不到文件“{path}”。")
    except IsADirectoryError:
        fail(f"“{path}”是一个目录，不是文件。")
    except OSError as exc:
        fail(f"无法读取文件“{path}”：{exc.strerror or exc}。")


def read_material(path: Path) -> str:
    """The text of a study material file: .docx (a .doc is refused by name), anything else is
    read as a text file whatever its suffix."""
    from ..generation.reader import MAX_UPLOAD_BYTES, DocumentError, read_document

    data = read_file(path, max_bytes=MAX_UPLOAD_BYTES)
    name = path.name if path.suffix.lower() in (".docx", ".doc") else "material.txt"
    try:
        return read_document(data, name, max_bytes=MAX_UPLOAD_BYTES)
    except DocumentError as exc:
        fail(exc.message)
