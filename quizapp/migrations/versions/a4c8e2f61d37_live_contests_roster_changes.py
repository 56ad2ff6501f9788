"""a live round counts the changes to its players once started

The phones poll the round's state; it now carries `roster_changes` (players who joined, were
removed or came back after the start), so a phone asks for its rank again when the number of
players changes, instead of showing the old 第 N 名 / M 人 until the next question.

Revision ID: a4c8e2f61d37
Revises: 7b3e9d41c2a6
Create Date: 2026-11-29 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a4c8e2f61d37'
down_revision = '7b3e9d41c2a6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('live_contests', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('roster_changes', sa.Integer(), server_default='0', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('live_contests', schema=None) as batch_op:
        batch_op.drop_column('roster_changes')
