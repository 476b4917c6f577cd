"""the inbox keeps each reply until the platform has it (an outbox)

A note committed just before a crash was applied but never answered: the reply now
commits with the note, and is marked when sent, so a restart answers what is missing.

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('inbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_inbox_unanswered', ['processed_at', 'answered_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('inbox', schema=None) as batch_op:
        batch_op.drop_index('ix_inbox_unanswered')
        batch_op.drop_column('answered_at')
        batch_op.drop_column('reply')
