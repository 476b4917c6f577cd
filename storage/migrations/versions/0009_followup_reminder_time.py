"""a follow-up may carry a time of day: the instant its reminder is sent

"Remind me to call Maria tomorrow at 3pm" keeps the day (`due`, local) and now also the time,
as the instant it falls on in the member's zone (`remind_at`, UTC). The scheduler sends the
reminder at that instant, besides the morning digest; the index finds those due at a tick.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('followup', schema=None) as batch_op:
        batch_op.add_column(sa.Column('remind_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_followup_remind', ['team_id', 'remind_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('followup', schema=None) as batch_op:
        batch_op.drop_index('ix_followup_remind')
        batch_op.drop_column('remind_at')
