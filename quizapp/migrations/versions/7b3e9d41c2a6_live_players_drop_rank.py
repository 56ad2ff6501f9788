"""a live player no longer stores a rank

`live_players.rank` was written at every settling and read by nothing: the 大屏, the phones and
the results rank the stored totals themselves (a player who joins or is removed moves the others
at once, which a stored rank could not). The column goes.

Revision ID: 7b3e9d41c2a6
Revises: 5c1d7a2e9b40
Create Date: 2026-11-29 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7b3e9d41c2a6'
down_revision = '5c1d7a2e9b40'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('live_players', schema=None) as batch_op:
        batch_op.drop_column('rank')


def downgrade():
    # the column comes back empty; the next settled question does not fill it either (nothing
    # reads it), as before this revision a removed player's was empty
    with op.batch_alter_table('live_players', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rank', sa.Integer(), nullable=True))
