"""bank questions carry 确认可用 (confirmed)

A question the engine doubts (``weak``) is no longer served to learners or contests until an
organizer confirms or edits it; ``confirmed`` keeps that decision through regeneration. Every row
stored before this revision is unconfirmed, as nobody had confirmed it.

Batch mode with ``recreate="never"``: SQLite adds (and, from 3.35, drops) a column in place,
so the table is never rebuilt under the answers that point at its rows (b6e1d0c4f2a8).

Revision ID: c9a2f7e3d154
Revises: b6e1d0c4f2a8
Create Date: 2026-11-29 13:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c9a2f7e3d154'
down_revision = 'b6e1d0c4f2a8'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('bank_questions', schema=None, recreate='never') as batch_op:
        batch_op.add_column(
            sa.Column('confirmed', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table('bank_questions', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('confirmed')
