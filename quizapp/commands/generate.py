"""`flask --app app generate PATH`: print the question bank of a text file as JSON.

No database and no application context: the command reads the file, runs the engine and prints.
Errors (missing, empty, binary or undecodable file) go to stderr as one Chinese line, with a
non-zero exit status and nothing on stdout.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import NoReturn

import click

EXIT_BAD_INPUT = 2


def _fail(message: str) -> NoReturn:
    click.echo(f"错误：{message}", err=True)
    raise click.exceptions.Exit(EXIT_BAD_INPUT)


def _read(path: Path) -> str:
    from quizapp.generation.reader import (
        MAX_UPLOAD_BYTES,
        DocumentError,
        read_document,
        too_large_message,
    )

    try:
        size = path.stat().st_size if path.is_file() else 0
        if size > MAX_UPLOAD_BYTES:  # refuse before reading a huge file into memory
            _fail(too_large_message(size, MAX_UPLOAD_BYTES))
        data = path.read_bytes()
    except FileNotFoundError:
        _fail(f"找不到文件“{path}”。")
    except IsADirectoryError:
        _fail(f"“{path}”是一个目录，不是文件。")
    except OSError as exc:
        _fail(f"无法读取文件“{path}”：{exc.strerror or exc}。")
    # The CLI reads any text file; only .docx (and the refused .doc) are told apart by name.
    suffix = path.suffix.lower()
    name = path.name if suffix in (".docx", ".doc") else "material.txt"
    try:
        return read_document(data, name, max_bytes=MAX_UPLOAD_BYTES)
    except DocumentError as exc:
        _fail(exc.message)


def _silence_jieba() -> None:
    """jieba prints 'Building prefix dict …' on stderr at DEBUG level; keep stderr for errors."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


@click.command("generate")
@click.argument("path", type=click.Path(dir_okay=True, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="输出格式（目前只有 JSON）。",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="随机种子：换种子换选题和选项顺序。"
)
@click.option(
    "--count",
    type=click.IntRange(min=1),
    default=None,
    help="最多输出多少道题；不写则输出引擎认为值得出的全部题目。",
)
def generate_command(path: Path, output_format: str, seed: int, count: int | None) -> None:
    """从学习材料（.txt 或 .docx）生成题目，以 JSON 数组输出到标准输出。"""
    _silence_jieba()  # first: importing the engine may already load jieba's dictionary
    text = _read(path)
    from quizapp.generation import generate_questions

    questions = generate_questions(text, seed=seed, count=count)
    payload = [question.to_dict() for question in questions]
    click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
