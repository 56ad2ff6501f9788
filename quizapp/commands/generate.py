"""`flask --app app generate PATH`: print the question bank of a text file as JSON.

No database and no application context: the command reads the file, runs the engine and prints.
Errors (missing, empty, binary or undecodable file) go to stderr as one Chinese line, with a
non-zero exit status and nothing on stdout.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import quiet_jieba, read_material


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
    help="出一份最多这么多题的测验（不含引擎存疑的题）；不写则输出引擎认为值得出的全部题目。",
)
def generate_command(path: Path, output_format: str, seed: int, count: int | None) -> None:
    """从学习材料（.txt 或 .docx）生成题目，以 JSON 数组输出到标准输出。"""
    quiet_jieba()  # first: importing the engine may already load jieba's dictionary
    text = read_material(path)
    from quizapp.generation import generate_questions

    questions = generate_questions(text, seed=seed, count=count)
    payload = [question.to_dict() for question in questions]
    click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
