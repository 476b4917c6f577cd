"""the store holds only the product's vocabulary: stages, channels, roles, languages, issue kinds

A deal's stage, a stage change's stages, an interaction's channel, a member's (and an invite's)
role, a member's language and an inquiry's kind are CHECK-constrained to the values of their
`storage.vocabulary` StrEnum, so no path (a note, an import, a restore, a hand-written SQL
statement) can store a value the reports and the permission table do not know. The values are
written out here as they are today: a migration is history, and a value added to an enum later
comes with its own migration.

On SQLite a constraint is added by rebuilding the table (batch mode), keeping AUTOINCREMENT (0011).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

STAGES = ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost')
CHANNELS = ('visit', 'call', 'meeting', 'email', 'message', 'note')
ROLES = ('rep', 'manager', 'admin')
LANGS = ('en', 'zh', 'ru')
ISSUES = ('inquiry', 'complaint')


def _in(column: str, values: tuple[str, ...], nullable: bool = False) -> str:
    listed = f"{column} IN ({', '.join(repr(v) for v in values)})"
    return f"{column} IS NULL OR {listed}" if nullable else listed


# table -> [(constraint name, condition)]
CHECKS: dict[str, list[tuple[str, str]]] = {
    'deal': [('ck_deal_stage', _in('stage', STAGES))],
    'stagechange': [('ck_stagechange_from_stage', _in('from_stage', STAGES, nullable=True)),
                    ('ck_stagechange_to_stage', _in('to_stage', STAGES))],
    'interaction': [('ck_interaction_channel', _in('channel', CHANNELS))],
    'member': [('ck_member_role', _in('role', ROLES)),
               ('ck_member_language', _in('language', LANGS, nullable=True))],
    'invite': [('ck_invite_role', _in('role', ROLES))],
    'inquiry': [('ck_inquiry_kind', _in('kind', ISSUES))],
}


def upgrade() -> None:
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, recreate='auto', table_kwargs={'sqlite_autoincrement': True}) as batch:
            for name, condition in checks:
                batch.create_check_constraint(name, condition)


def downgrade() -> None:
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, recreate='auto', table_kwargs={'sqlite_autoincrement': True}) as batch:
            for name, _ in checks:
                batch.drop_constraint(name, type_='check')
