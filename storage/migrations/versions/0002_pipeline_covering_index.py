"""a covering index for the pipeline report

The pipeline report filters deals on (team_id, stage IN open stages,
expected_close in a period OR NULL) and sums amount_minor by stage, currency
and owner. With only ix_deal_team_stage_close, every open deal of the team is
fetched from the table and most are thrown away by the date filter (SQLite
plan: SEARCH deal USING INDEX ix_deal_team_stage_close (team_id=? AND stage=?),
~26k of ~40k rows removed by filter at 60k deals). This index carries every
column the report reads, so the scan never touches the table: SQLite plan
becomes SEARCH deal USING COVERING INDEX ix_deal_pipeline; the report's two
queries go from ~38 ms to ~17 ms at 20,000 customers × 3 deals.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

COLUMNS = ['team_id', 'stage', 'expected_close', 'currency', 'amount_minor', 'probability', 'owner_id']


def upgrade() -> None:
    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.create_index('ix_deal_pipeline', COLUMNS, unique=False)


def downgrade() -> None:
    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.drop_index('ix_deal_pipeline')
