"""`material` and `bank` commands (placeholder, replaced by the workbench's owner)."""

import click


@click.group("material")
def material_group():
    """学习材料。"""


@click.group("bank")
def bank_group():
    """题库导入导出。"""
