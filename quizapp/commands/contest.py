"""`contest` commands (placeholder, replaced by the contest owner)."""

import click


@click.group("contest")
def contest_group():
    """竞赛。"""
