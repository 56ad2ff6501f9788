"""`flask --app app contest create`: make a live round (现场赛) from a text file.

Prints one JSON object {"code", "host_token", "join_url", "host_url"} on stdout. The links use
the BASE_URL setting (app config or environment), http://127.0.0.1:5000 by default.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

import click
from flask import current_app
from flask.cli import with_appcontext

from ..extensions import db

DEFAULT_BASE_URL = "http://127.0.0.1:5000"


def base_url() -> str:
    url = current_app.config.get("BASE_URL") or os.environ.get("BASE_URL") or DEFAULT_BASE_URL
    return url.rstrip("/")


def live_links(code: str, host_token: str) -> dict[str, str]:
    root = base_url()
    return {
        "join_url": f"{root}/live/{code}",
        "host_url": f"{root}/live/{code}/host?token={quote(host_token)}",
    }


@click.group("contest")
def contest_group() -> None:
    """竞赛：现场赛。"""


@contest_group.command("create")
@click.option(
    "--file",
    "path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="学习材料（.txt 或 .docx）",
)
@click.option(
    "--questions",
    "count",
    type=click.IntRange(min=1, max=200),
    default=10,
    show_default=True,
    help="题数",
)
@click.option(
    "--seconds",
    type=click.IntRange(10, 120),
    default=20,
    show_default=True,
    help="每题秒数（10–120）",
)
@click.option("--title", default=None, help="比赛名称（默认用材料标题）")
@click.option(
    "--points", type=click.IntRange(100, 10000), default=1000, show_default=True, help="每题满分"
)
@click.option(
    "--streak",
    type=click.IntRange(0, 500),
    default=0,
    show_default=True,
    help="连对奖励上限（0 为不用）",
)
@with_appcontext
def create_command(
    path: Path, count: int, seconds: int, title: str | None, points: int, streak: int
) -> None:
    """从文本文件出题，建立一场现场赛，输出比赛码、主持人令牌和链接（JSON）。"""
    from ..bank.pick import GIVEAWAY_NOTE
    from ..bank.services import add_material
    from ..generation.reader import DocumentError, read_document
    from ..live.services import LiveError, create_from_material

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"无法读取文件“{path}”：{exc.strerror or exc}") from None
    name = path.name if path.suffix.lower() in (".docx", ".doc") else "material.txt"
    try:
        text = read_document(data, name)
    except DocumentError as exc:
        raise click.ClickException(exc.message) from None
    material, _ = add_material(text, title=title or path.stem, source=str(path.name))
    try:
        contest, host_token = create_from_material(
            material, count=count, title=title, seconds=seconds, points=points, streak=streak
        )
    except LiveError as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from None
    db.session.commit()
    if contest.question_count < count:
        # (as the 新建现场赛 page says it: the pick never asks a question another one gives
        # away, nor one the engine doubts; stderr, so stdout stays one JSON line)
        click.echo(
            f"本场比赛出 {contest.question_count} 道题（要出 {count} 道）：题库里{GIVEAWAY_NOTE}；"
            "存疑题在题库审核中确认后才会出。",
            err=True,
        )
    click.echo(
        json.dumps(
            {
                "code": contest.code,
                "host_token": host_token,
                "questions": contest.question_count,
                **live_links(contest.code, host_token),
            },
            ensure_ascii=False,
        )
    )
