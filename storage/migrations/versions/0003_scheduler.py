"""the scheduler: a lease lock row for SQLite, the ledger's per-day index

`schedulerlock` is how one process ticks on SQLite (a row with a lease;
PostgreSQL uses pg_try_advisory_lock instead). `ix_nudgeledger_team_day`
lets each tick read the team's ledger rows of the current local day without
scanning the team's whole history.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('schedulerlock',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('holder', sa.String(length=128), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('acquired_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    with op.batch_alter_table('nudgeledger', schema=None) as batch_op:
        batch_op.create_index('ix_nudgeledger_team_day', ['team_id', 'local_day'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('nudgeledger', schema=None) as batch_op:
        batch_op.drop_index('ix_nudgeledger_team_day')
    op.drop_table('schedulerlock')
