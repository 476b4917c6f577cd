"""reports: inquiries and complaints, targets, spend per lead source, exchange rates; report indexes

New tables: `inquiry` (a customer's inquiry or complaint, open until resolved),
`target` (per-rep or team goals for a period), `sourcecost` (spend per lead
source and period), `fxrate` (the team's exchange rates).

Indexes the report queries need (SQLite plans at 20,000 customers × 3 deals ×
10 interactions):
- ix_stagechange_team_at: stage moves in a period (the funnel's time per
  stage, the activity report's deals new / moved / won), from the index alone.
- ix_stagechange_deal_to: a deal's arrival in a stage (time per stage; the
  stage a lost deal was lost from).
- ix_deal_team_created: the funnel's cohort (deals that entered in the period)
  per stage and lost reason, from the index alone.
- ix_interaction_team_at: interactions per rep and channel in a period, and
  the customers touched lately (quiet deals), a range scan of a covering index.
- ix_deal_team_quiet: open deals not updated since a day, from the index alone.
- ix_deal_team_closed: won revenue in a period per customer / owner / currency.
- ix_customer_team_created: new customers per source and per rep in a period.
- ix_followup_team_member_due: follow-ups done and overdue per rep.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

INDEXES = {
    'stagechange': [('ix_stagechange_team_at', ['team_id', 'at', 'deal_id', 'from_stage', 'to_stage',
                                                'member_id']),
                    ('ix_stagechange_deal_to', ['deal_id', 'to_stage', 'at', 'from_stage'])],
    'interaction': [('ix_interaction_team_at', ['team_id', 'at', 'member_id', 'channel', 'customer_id'])],
    'deal': [('ix_deal_team_closed', ['team_id', 'stage', 'closed_at', 'customer_id', 'currency',
                                      'amount_minor', 'owner_id']),
             ('ix_deal_team_created', ['team_id', 'created_at', 'stage', 'lost_reason']),
             ('ix_deal_team_quiet', ['team_id', 'stage', 'updated_at', 'customer_id', 'currency',
                                     'amount_minor'])],
    'customer': [('ix_customer_team_created', ['team_id', 'created_at', 'source', 'created_by'])],
    'followup': [('ix_followup_team_member_due', ['team_id', 'member_id', 'done_at', 'due'])],
}


def upgrade() -> None:
    op.create_table('inquiry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('note_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], ),
    sa.ForeignKeyConstraint(['note_id'], ['note.id'], ),
    sa.ForeignKeyConstraint(['resolved_by'], ['member.id'], ),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('inquiry', schema=None) as batch_op:
        batch_op.create_index('ix_inquiry_team_status', ['team_id', 'status', 'opened_at'], unique=False)
        batch_op.create_index('ix_inquiry_customer', ['team_id', 'customer_id', 'status'], unique=False)

    op.create_table('target',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('metric', sa.String(length=16), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=False),
    sa.Column('period_to', sa.Date(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], ),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('team_id', 'member_id', 'metric', 'period_from', 'period_to', name='uq_target')
    )
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_team_id'), ['team_id'], unique=False)

    op.create_table('sourcecost',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=100), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=False),
    sa.Column('period_to', sa.Date(), nullable=False),
    sa.Column('amount_minor', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('team_id', 'source', 'period_from', 'period_to', 'currency', name='uq_source_cost')
    )
    with op.batch_alter_table('sourcecost', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sourcecost_team_id'), ['team_id'], unique=False)

    op.create_table('fxrate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('base', sa.String(length=3), nullable=False),
    sa.Column('quote', sa.String(length=3), nullable=False),
    sa.Column('rate', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('team_id', 'base', 'quote', name='uq_fx_rate')
    )
    with op.batch_alter_table('fxrate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fxrate_team_id'), ['team_id'], unique=False)

    for table, indexes in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, columns in indexes:
                batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    for table, indexes in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _columns in indexes:
                batch_op.drop_index(name)
    for table in ('fxrate', 'sourcecost', 'target'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_team_id'))
        op.drop_table(table)
    with op.batch_alter_table('inquiry', schema=None) as batch_op:
        batch_op.drop_index('ix_inquiry_customer')
        batch_op.drop_index('ix_inquiry_team_status')
    op.drop_table('inquiry')
