"""bank questions keep why the engine doubts them (doubt)

``weak`` says the engine doubts a question; ``doubt`` names the rule (generation.Question.doubt),
so that the workbench can tell the organizer what to check before 确认可用. A row stored before
this revision reads "" (the generic note) until its material is generated again.

Batch mode with ``recreate="never"``: SQLite adds (and, from 3.35, drops) a column in place,
so the table is never rebuilt under the answers that point at its rows (b6e1d0c4f2a8).

Revision ID: f4b8d2c6a913
Revises: c9a2f7e3d154
Create Date: 2026-11-29 15:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f4b8d2c6a913'
down_revision = 'c9a2f7e3d154'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('bank_questions', schema=None, recreate='never') as batch_op:
        batch_op.add_column(
            sa.Column('doubt', sa.String(length=40), server_default='', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('bank_questions', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('doubt')
