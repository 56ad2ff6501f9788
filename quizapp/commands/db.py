"""Database commands: init-db, create-admin, backup."""

from __future__ import annotations

import getpass
import sqlite3
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select

from .. import config as cfg
from ..extensions import db


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """准备或升级数据库结构，并载入随应用附带的学习材料（可重复运行）。"""
    from flask_migrate import upgrade  # Alembic: imported by this command only

    from ..bank.review import apply_review
    from ..bank.services import ensure_default_material

    if not current_app.config.get("SECRET_KEY") and not _secret_from_env():
        if cfg.ensure_secret_key_file(current_app.instance_path):
            click.echo("已生成密钥文件：" + str(cfg.secret_key_path(current_app.instance_path)))
    upgrade(directory=current_app.extensions["migrate"].directory)
    material, created = ensure_default_material()
    reviewed = apply_review(material, confirm_only=not created)
    db.session.commit()
    if created:
        count = len(material.questions)
        click.echo(
            f"已载入默认学习材料《{material.title}》，生成 {count} 道题"
            f"（按随附审阅停用 {reviewed.disabled} 道、修改 {reviewed.edited} 道、"
            f"确认 {reviewed.confirmed} 道存疑题）。"
        )
    elif reviewed.confirmed:
        click.echo(f"按随附审阅确认了默认学习材料的 {reviewed.confirmed} 道存疑题。")
    for line in _short_contests():
        click.echo(line)
    click.echo("数据库已就绪。")


def _short_contests() -> list[str]:
    """A warning per open 答题赛 whose pool can no longer fill its papers: after an upgrade
    the questions the engine doubts wait for an organizer, and a paper drawn now would be
    shorter than the ones drawn before."""
    from ..contests.services import contests_short_of, now
    from ..generation import KIND_LABELS
    from ..models import PaperContest

    at = now()
    materials = db.session.scalars(
        select(PaperContest.material_id).where(PaperContest.closes_at > at).distinct()
    )
    lines = []
    for material_id in materials:
        for contest, kinds in contests_short_of(material_id, at):
            parts = "、".join(
                f"{KIND_LABELS[k]}题要抽 {asked} 道、只剩 {left} 道"
                for k, (asked, left) in kinds.items()
            )
            lines.append(
                f"注意：答题赛《{contest.title}》的题库不够了（{parts}）。"
                "请在题库审核中确认存疑题，或减少题数。"
            )
    return lines


def _secret_from_env() -> bool:
    import os

    return bool(os.environ.get("SECRET_KEY", "").strip())


@click.command("create-admin")
@click.option("--username", prompt="账号")
@click.option("--name", "display_name", default="", help="显示名（默认同账号）")
@click.option("--password", default=None, help="密码（不给则提示输入）")
@with_appcontext
def create_admin_command(username: str, display_name: str, password: str | None) -> None:
    """创建（或提升为）管理员账号。"""
    from ..auth.forms import normalize_username, username_problem
    from ..models import User

    username = normalize_username(username)  # the same rules as the register form
    problem = username_problem(username)
    if problem:
        raise click.ClickException(problem)
    if password is None:
        password = getpass.getpass("密码：")
    if len(password) < 8:
        raise click.ClickException("密码至少 8 位。")
    user = db.session.scalar(select(User).where(func.lower(User.username) == username))
    if user is None:
        user = User(username=username, display_name=(display_name or username)[:32])
        db.session.add(user)
    user.role = "admin"
    user.set_password(password)
    db.session.commit()
    click.echo(f"管理员 {username} 已就绪。")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@with_appcontext
def backup_command(path: Path) -> None:
    """把 SQLite 数据库一致地备份到 PATH（服务运行中也可以）。"""
    engine = db.engine
    if engine.dialect.name != "sqlite":
        click.echo("PostgreSQL 请使用 pg_dump 备份，见 docs/deployment.md。", err=True)
        sys.exit(1)
    if path.exists():
        raise click.ClickException(f"{path} 已存在，请换一个文件名。")
    database = engine.url.database
    path.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(database, timeout=30)
    target = sqlite3.connect(str(path))
    try:
        with target:
            # The backup API copies a consistent snapshot while other connections keep writing.
            source.backup(target)
    finally:
        target.close()
        source.close()
    click.echo(f"已备份到 {path}")
