"""CLI commands (`flask --app app ...`), one module per area."""

from flask import Flask


def register_commands(app: Flask) -> None:
    from .bank import bank_group, material_group
    from .contest import contest_group
    from .db import backup_command, create_admin_command, init_db_command
    from .generate import generate_command

    for command in (
        init_db_command,
        create_admin_command,
        backup_command,
        generate_command,
        material_group,
        bank_group,
        contest_group,
    ):
        app.cli.add_command(command)
