"""Members only: invite codes, links between platforms, trusted Slack workspaces."""
from __future__ import annotations

from sqlmodel import Session

from bot.incoming import Incoming
from storage.invites import create_invite
from storage.members import get_team
from storage.models import Identity, Interaction, Member


def tg(text: str, account: str = "42", message: str = "1", name: str = "Olga") -> Incoming:
    return Incoming(platform="telegram", account_id=account, chat_id=account, message_id=message,
                    text=text, display_name=name, lang_hint="ru")


def _code(engine, role: str = "rep", days: int = 7) -> str:
    with Session(engine) as s:
        code = create_invite(s, get_team(s, "default"), role=role, days=days).code
        s.commit()
    return code


async def test_invite_code_lets_a_telegram_account_in_once(crm, engine, store, clock):
    code = _code(engine)
    reply = await crm.handle(tg(f"/start {code}"))
    assert "Olga" in reply.text
    reply = await crm.handle(tg("Был у Вектора, отправил КП на 1,2 млн", message="2"))
    assert "Записал" in reply.text
    reply = await crm.handle(tg(f"/start {code}", account="43", message="3", name="Ivan"))
    assert "Извините" in reply.text  # the code was used
    assert store(Member) == 1


async def test_expired_invite_is_refused(crm, engine, clock):
    code = _code(engine, days=7)
    clock.advance(days=8)
    reply = await crm.handle(tg(f"/start {code}"))
    assert "Извините" in reply.text


async def test_link_joins_slack_and_telegram_to_one_member(crm, bot, store):
    reply = await bot.say("/link")
    code = reply.text.split("/link ")[1].split()[0]
    reply = await crm.handle(tg(f"/link {code}", account="55", message="5", name="Anna"))
    assert "anna" in reply.text.lower()
    assert store(Member) == 1 and store(Identity) == 2


async def test_trusted_slack_workspace_members_come_in_as_reps(crm, store):
    reply = await crm.handle(Incoming(platform="slack", account_id="U1", chat_id="D1", message_id="e1",
                                      text="help", workspace_id="T1", workspace_trusted=True))
    assert "Visited" in reply.text
    reply = await crm.handle(Incoming(platform="slack", account_id="U2", chat_id="D2", message_id="e2",
                                      text="help", workspace_id="T9"))
    assert "members" in reply.text
    assert store(Member, Member.role == "rep") == 1


# -- console accounts (issue 13, case 8) -------------------------------------------------------------

async def test_the_first_console_account_of_an_empty_team_becomes_its_admin(crm, store):
    from bot.adapters.console import Console

    reply = await Console(crm, user="anna", name="Anna").say("Visited Acme, quote $5k")
    assert "Acme" in reply.text
    assert store(Member, Member.role == "admin") == 1


async def test_a_typo_of_a_console_account_is_refused_never_created(crm, store):
    from bot.adapters.console import Console

    await Console(crm, user="anna", name="Anna").say("help")
    for account in ("annaa", "boris"):
        reply = await Console(crm, user=account).say("Visited Acme, quote $5k")
        assert f"crmbot user add --platform console --id {account}" in reply.text
        assert "not a member of team default" in reply.text
    assert store(Member) == 1 and store(Identity) == 1
    assert store(Interaction) == 0


async def test_a_console_refusal_speaks_the_writers_language(crm):
    from bot.adapters.console import Console

    await Console(crm, user="anna").say("help")
    reply = await Console(crm, user="ivan").say("Был у Вектора, отправил КП")
    assert "не состоит в команде" in reply.text

