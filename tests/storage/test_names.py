"""A team's customer names as the bot caches them: packed, read-only, in the order they were added."""
from __future__ import annotations

import sys

import pytest

from storage.customers import known_names
from storage.engine import session
from storage.models import Customer, CustomerAlias, Team
from storage.names import PackedNames

NAMES = ["Acme Corp", "华润建设有限公司", "ООО «Вектор»", "", "Café Olé", "emoji 🚀 Ltd", "Acme"]


def test_packed_names_read_like_the_list():
    packed = PackedNames(NAMES)
    assert len(packed) == len(NAMES)
    assert list(packed) == NAMES
    assert [packed[i] for i in range(len(NAMES))] == NAMES
    assert packed[-1] == "Acme" and packed[1:3] == NAMES[1:3] and packed[::-2] == NAMES[::-2]
    with pytest.raises(IndexError):
        packed[len(NAMES)]
    assert packed.index("ООО «Вектор»") == 2


def test_membership_is_of_whole_names():
    packed = PackedNames(NAMES)
    assert "Acme" in packed and "Acme Corp" in packed and "" in packed and "emoji 🚀 Ltd" in packed
    assert "Acm" not in packed and "Corp" not in packed and "Acme CorpА" not in packed and 42 not in packed


def test_equal_packings_are_equal_and_hash_alike():
    assert PackedNames(NAMES) == PackedNames(iter(NAMES))
    assert hash(PackedNames(NAMES)) == hash(PackedNames(NAMES))
    assert PackedNames(NAMES) != PackedNames(NAMES[:-1])
    assert PackedNames(["ab", "c"]) != PackedNames(["a", "bc"])
    assert PackedNames() == PackedNames([]) and len(PackedNames()) == 0


def test_packed_names_take_a_fraction_of_a_list():
    names = [f"{word} {i}" for i in range(10_000) for word in ("Acme Tools", "蓝海物流有限公司", "ООО «Вектор»")]
    as_list = sys.getsizeof(names) + sum(sys.getsizeof(n) for n in names)
    assert PackedNames(names, chunk=100).nbytes() < as_list / 2.5


def test_known_names_are_the_teams_oldest_first_with_aliases(engine):
    with session(engine) as s:
        team, other = Team(name="t1"), Team(name="t2")
        s.add_all([team, other])
        s.flush()
        acme = Customer(team_id=team.id, name="Acme", name_key="acme")
        s.add(acme)
        s.flush()
        s.add_all([Customer(team_id=team.id, name="蓝海物流", name_key="蓝海物流"),
                   Customer(team_id=other.id, name="Foreign", name_key="foreign")])
        s.add(CustomerAlias(team_id=team.id, customer_id=acme.id, alias="ACME Inc", alias_key="acme inc"))
        s.commit()
        names, aliases = known_names(s, team.id)
    assert isinstance(names, PackedNames)
    assert list(names) == ["Acme", "蓝海物流"]
    assert aliases == {"ACME Inc": "Acme"}


def test_every_change_to_a_teams_names_moves_its_version_and_only_its_own(engine):
    from sqlalchemy import delete, select, update

    from storage.customers import names_version

    def versions() -> tuple[int, int]:
        with session(engine) as s:
            return (s.execute(select(*names_version(team_id))).scalar_one(),
                    s.execute(select(*names_version(other_id))).scalar_one())

    with session(engine) as s:
        team, other = Team(name="t1"), Team(name="t2")
        s.add_all([team, other])
        s.commit()
        team_id, other_id = team.id, other.id
    seen = [versions()]

    def changed(write) -> None:
        with session(engine) as s:
            write(s)
            s.commit()
        now = versions()
        assert now[0] != seen[-1][0] and now[1] == seen[-1][1], write
        seen.append(now)

    changed(lambda s: s.add(Customer(id=901, team_id=team_id, name="Acme", name_key="acme")))
    changed(lambda s: s.add(CustomerAlias(id=902, team_id=team_id, customer_id=901, alias="ACME Inc",
                                          alias_key="acme inc")))
    changed(lambda s: s.execute(update(CustomerAlias).where(CustomerAlias.id == 902).values(alias="Acme Inc.")))
    changed(lambda s: s.execute(update(Customer).where(Customer.id == 901).values(name="Acme Group")))
    changed(lambda s: s.execute(delete(CustomerAlias).where(CustomerAlias.id == 902)))
    changed(lambda s: s.execute(delete(Customer).where(Customer.id == 901)))
    with session(engine) as s:  # what understanding does not read leaves it alone
        s.add(Customer(id=903, team_id=team_id, name="Initech", name_key="initech"))
        s.commit()
        before = versions()
        s.execute(update(Customer).where(Customer.id == 903).values(segment="retail"))
        s.commit()
    assert versions() == before


def test_postgresql_bumps_a_teams_version_once_per_transaction_however_many_rows_it_adds(engine):
    """One bump is all readers need (they see committed versions); one per row made a big import
    walk a growing chain of row versions."""
    from sqlalchemy import insert, select

    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's triggers")
    with session(engine) as s:
        team = Team(name="importers")
        s.add(team)
        s.commit()
        before = s.execute(select(Team.names_version).where(Team.id == team.id)).scalar_one()
        s.execute(insert(Customer), [{"team_id": team.id, "name": f"Firm {i}", "name_key": f"firm {i}",
                                      "custom": {}} for i in range(300)])
        s.commit()
        after = s.execute(select(Team.names_version).where(Team.id == team.id)).scalar_one()
    assert after == before + 1
