"""ids are never reused on SQLite

SQLite gives a new row the highest id + 1, so after an undo deleted a table's newest rows their
ids went to the next rows written, and an id in the audit log (or a chat's kept question, or a
button) could name another customer's row. Every table with a surrogate id is rebuilt with
AUTOINCREMENT (batch mode: a copy with the same columns, constraints and indexes), so SQLite
remembers the highest id ever given (`sqlite_sequence`). PostgreSQL's sequences never reuse one:
nothing to do there.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# every table whose primary key is an integer id the store gives (chatstate and schedulerlock are
# keyed by a member and a name)
TABLES = ('team', 'member', 'identity', 'workspace', 'customer', 'customeralias', 'contact', 'deal',
          'stagechange', 'note', 'interaction', 'followup', 'auditlog', 'inbox', 'nudgeledger', 'invite',
          'stranger', 'llmusage', 'inquiry', 'target', 'sourcecost', 'fxrate')


def upgrade() -> None:
    _rebuild()


def downgrade() -> None:
    """Nothing: a table with AUTOINCREMENT is read and written by every earlier revision alike,
    and going back must not let ids be given twice again."""


def _rebuild() -> None:
    """Each table copied into its new form; the triggers that keep the customer names' version
    (0008) name these tables, so they are set aside and made again, word for word."""
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    triggers = bind.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
    for name, _ in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    for table in TABLES:
        with op.batch_alter_table(table, recreate='always',
                                  table_kwargs={'sqlite_autoincrement': True}):
            pass
    for _, sql in triggers:
        op.execute(sql)

