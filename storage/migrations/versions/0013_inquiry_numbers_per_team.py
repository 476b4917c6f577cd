"""a team numbers its own inquiries and complaints: its first is #1

An inquiry's number was its row id, shared by every team, so a team's first inquiry could be "#2"
and the numbers told one team how many another had opened. Each inquiry now carries the number it
has in its team (`number`, unique per team); the rows already there are numbered in the order they
were opened. "complaint 3 resolved" finds the team's #3.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('inquiry', recreate='auto', table_kwargs={'sqlite_autoincrement': True}) as batch:
        batch.add_column(sa.Column('number', sa.Integer(), nullable=True))
    op.execute("UPDATE inquiry SET number = (SELECT COUNT(*) FROM inquiry AS earlier "
               "WHERE earlier.team_id = inquiry.team_id AND earlier.id <= inquiry.id)")
    with op.batch_alter_table('inquiry', recreate='auto', table_kwargs={'sqlite_autoincrement': True}) as batch:
        batch.alter_column('number', existing_type=sa.Integer(), nullable=False)
        batch.create_index('ix_inquiry_team_number', ['team_id', 'number'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('inquiry', recreate='auto', table_kwargs={'sqlite_autoincrement': True}) as batch:
        batch.drop_index('ix_inquiry_team_number')
        batch.drop_column('number')
