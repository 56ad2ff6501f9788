"""`material` and `bank` commands: the workbench's upload, import and export for scripts.

Each command prints one JSON object (or writes one file) on success; on bad input it prints one
Chinese line on stderr, exits non-zero and stores nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import with_appcontext

from .common import fail, quiet_jieba, read_file, read_material


@click.group("material")
def material_group() -> None:
    """学习材料。"""


@material_group.command("add")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--title", default=None, help="标题（默认用文件名）。")
@click.option("--source", default="", help="来源。")
@with_appcontext
def material_add(path: Path, title: str | None, source: str) -> None:
    """把 .txt 或 .docx 文件添加为学习材料并生成题库，输出 {"material_id", "questions"}。"""
    quiet_jieba()
    from sqlalchemy import func, select
    from sqlalchemy.exc import IntegrityError

    from ..bank.lexicon import current_lexicon
    from ..bank.services import find_material_by_text, new_material, regenerate_bank, run_engine
    from ..extensions import db
    from ..models import BankQuestion
    from ..workbench.services import record

    text = read_material(path)
    material = find_material_by_text(text)
    if material is None:
        lexicon = current_lexicon()
        db.session.commit()  # the engine runs with no transaction (no write lock) open
        output = run_engine(text, lexicon)
        try:
            material = new_material(text, title=title or path.stem, source=source)
            regenerate_bank(material, output=output)
            record(
                "material.add",
                f"命令行添加材料《{material.title}》（{material.char_count} 字，文件 {path.name}）",
                target_type="material",
                target_id=material.id,
                material_id=material.id,
            )
            db.session.commit()
        except IntegrityError:  # the same text was added meanwhile by someone else
            db.session.rollback()
            material = find_material_by_text(text)
    count = db.session.scalar(
        select(func.count())
        .select_from(BankQuestion)
        .where(BankQuestion.material_id == material.id, BankQuestion.status != "disabled")
    )
    click.echo(json.dumps({"material_id": material.id, "questions": int(count)}))


@click.group("bank")
def bank_group() -> None:
    """题库导入导出。"""


@bank_group.command("export")
@click.argument("material_id", type=int)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "json", "gift"]),
    required=True,
    help="xlsx（题库模板格式）、json（引擎格式）或 gift（Moodle）。",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--all", "include_disabled", is_flag=True, help="包括停用的题。")
@with_appcontext
def bank_export(material_id: int, fmt: str, output: Path, include_disabled: bool) -> None:
    """把一份材料的题库导出到文件。"""
    from ..extensions import db
    from ..models import Material
    from ..workbench import exporting
    from ..workbench.services import bank_questions, export_dicts

    material = db.session.get(Material, material_id)
    if material is None:
        fail(f"没有编号为 {material_id} 的材料。")
    rows = export_dicts(bank_questions(material.id, include_disabled=include_disabled))
    if fmt == "xlsx":
        payload: bytes = exporting.to_xlsx(rows, sheet_title=material.title)
    elif fmt == "json":
        payload = exporting.to_json(rows).encode("utf-8")
    else:
        payload = exporting.to_gift(rows, category=material.title).encode("utf-8")
    try:
        output.write_bytes(payload)
    except OSError as exc:
        fail(f"无法写入“{output}”：{exc.strerror or exc}。")
    click.echo(f"已导出 {len(rows)} 道题到 {output}")


@bank_group.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--material", "material_id", type=int, default=None, help="导入到这份材料；不给则新建。"
)
@click.option("--title", default=None, help="新建材料的标题（默认用文件名或表格标题行）。")
@with_appcontext
def bank_import(path: Path, material_id: int | None, title: str | None) -> None:
    """导入 .xlsx 或 .json 题库。

    输出 {"material_id", "imported", "rejected": [{"row", "reason"}]}。
    """
    from ..extensions import db
    from ..models import Material
    from ..workbench.importing import BankFileError, parse_bank_file
    from ..workbench.services import import_questions, material_for_import

    data = read_file(path)
    try:
        parsed = parse_bank_file(data, path.name)
    except BankFileError as exc:
        fail(exc.message)
    if material_id is not None:
        material = db.session.get(Material, material_id)
        if material is None:
            fail(f"没有编号为 {material_id} 的材料。")
    else:
        material = material_for_import(
            title or parsed.title or path.stem, user=None, filename=path.name
        )
    imported, rejected = import_questions(material, parsed, user=None, filename=path.name)
    db.session.commit()
    if parsed.unmapped:
        click.echo("未识别的列（已忽略）：" + "、".join(parsed.unmapped), err=True)
    click.echo(
        json.dumps(
            {"material_id": material.id, "imported": imported, "rejected": rejected},
            ensure_ascii=False,
        )
    )
