"""One vocabulary: stages, channels, roles and languages are named once, in storage/vocabulary.py,
and a parse carries them as enums that read, compare and serialise as the contract's strings."""
from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from handlers.understanding import understand
from storage.vocabulary import (CLOSED_STAGES, MANAGER_ROLES, OPEN_STAGES, SPOKEN_CHANNELS, Channel, Intent,
                                Lang, Role, Stage, lang_of)

ROOT = Path(__file__).resolve().parents[1]
ROOMS = ("bot", "handlers", "storage", "scheduler", "prompts")
# a list of the vocabulary spelled out again: two of its words side by side in quotes
SPELLED_OUT = re.compile(r'"(?:won",\s*"lost|lead",\s*"qualified|visit",\s*"call|rep",\s*"manager|manager",\s*"admin'
                         r'|en",\s*"(?:zh|ru))"')


def test_no_product_module_spells_out_the_vocabulary_again():
    offenders = []
    for room in ROOMS:
        for path in (ROOT / room).rglob("*.py"):
            if path == ROOT / "storage" / "vocabulary.py" or "migrations" in path.parts:
                continue  # a migration keeps the values of its day
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if SPELLED_OUT.search(line.split("#")[0]):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_sets_hold_what_a_deal_and_a_team_go_through():
    assert [*OPEN_STAGES, *CLOSED_STAGES] == list(Stage)
    assert Channel.NOTE not in SPOKEN_CHANNELS and set(SPOKEN_CHANNELS) | {Channel.NOTE} == set(Channel)
    assert Role.REP not in MANAGER_ROLES


def test_a_member_is_its_string_in_comparisons_keys_and_json():
    assert Stage.WON == "won" and "won" in CLOSED_STAGES and {"won": 1}[Stage.WON] == 1
    assert json.dumps({Stage.WON: [Channel.CALL, Role.ADMIN, Lang.ZH]}) == '{"won": ["call", "admin", "zh"]}'
    assert f"stage.{Stage.NEGOTIATION}" == "stage.negotiation"


def test_a_parse_carries_enums_and_prints_the_contracts_strings():
    now = datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Moscow"))
    parse = understand("Звонил в Гранит, отправил КП на 2 млн", now, ["Гранит"])
    assert (parse.lang, parse.intent, parse.channel, parse.stage) == (Lang.RU, Intent.LOG, Channel.CALL, Stage.PROPOSAL)
    assert all(type(v) is not str for v in (parse.lang, parse.intent, parse.channel, parse.stage))
    printed = json.loads(json.dumps(parse.to_json()))
    shown = (printed["lang"], printed["intent"], printed["channel"], printed["stage"])
    assert shown == ("ru", "log", "call", "proposal")


def test_a_platform_or_stored_language_code_reads_as_one_of_ours():
    assert lang_of("ru-RU") is Lang.RU and lang_of("zh-hans") is Lang.ZH and lang_of("en") is Lang.EN
    assert lang_of("de") is None and lang_of(None) is None and lang_of("") is None
