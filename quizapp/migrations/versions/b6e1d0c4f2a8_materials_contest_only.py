"""materials carry 仅用于竞赛 (contest_only)

Every material stored before this revision stays open to learners, as it was.

Batch mode with ``recreate="never"``: on SQLite a recreated `materials` table is dropped and
renamed, and with foreign keys on the drop deletes every bank question, answer and notebook
entry hanging off it (ON DELETE CASCADE). SQLite adds (and, from 3.35, drops) a column in place.

Revision ID: b6e1d0c4f2a8
Revises: a4c8e2f61d37
Create Date: 2026-11-29 11:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b6e1d0c4f2a8'
down_revision = 'a4c8e2f61d37'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('materials', schema=None, recreate='never') as batch_op:
        batch_op.add_column(
            sa.Column('contest_only', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table('materials', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('contest_only')
