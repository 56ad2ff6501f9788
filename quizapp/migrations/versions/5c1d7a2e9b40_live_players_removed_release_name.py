"""a player the host removed from a live round no longer holds their name

The name was unique in its round over every player, so one the host removed could not join
again under it (the 重新加入 the phone offers). It is now unique among the players still in the
round: a partial unique index in place of the unique constraint.

Revision ID: 5c1d7a2e9b40
Revises: e2f7f1c31805
Create Date: 2026-11-28 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5c1d7a2e9b40'
down_revision = 'e2f7f1c31805'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('live_players', schema=None) as batch_op:
        batch_op.drop_constraint('uq_live_players_contest_id_name', type_='unique')
        batch_op.create_index(
            'uq_live_players_active_name',
            ['contest_id', 'name'],
            unique=True,
            sqlite_where=sa.text('NOT removed'),
            postgresql_where=sa.text('NOT removed'),
        )


def downgrade():
    # fails, as it should, while a removed player and a new one share a name in one round
    with op.batch_alter_table('live_players', schema=None) as batch_op:
        batch_op.drop_index('uq_live_players_active_name')
        batch_op.create_unique_constraint('uq_live_players_contest_id_name', ['contest_id', 'name'])
