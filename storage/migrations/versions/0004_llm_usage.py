"""llm usage: tokens per team, member, local day and kind, for `crmbot usage` and the daily budget

`ix_llmusage_team_day` serves the budget check (one SUM over the team's rows
of the day) and the usage report.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('llmusage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('calls', sa.Integer(), nullable=False),
    sa.Column('prompt_tokens', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('completion_tokens', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], ),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('team_id', 'member_id', 'day', 'kind', name='uq_llm_usage')
    )
    with op.batch_alter_table('llmusage', schema=None) as batch_op:
        batch_op.create_index('ix_llmusage_team_day', ['team_id', 'day'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('llmusage', schema=None) as batch_op:
        batch_op.drop_index('ix_llmusage_team_day')
    op.drop_table('llmusage')
