"""docker-compose.yml as a fresh clone gets it (the compose plugin need not be installed to check):
it parses, its services hang together, every variable it substitutes or hands the bot is one the
settings read and .env.example names, and the README says to copy .env.example before
`docker compose up`."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = {field.alias for field in Settings.model_fields.values() if field.alias}
COMPOSE_ONLY = {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"}   # the db service's account, read by compose


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def _example() -> set[str]:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", text, flags=re.M))


def test_the_services_hang_together():
    compose = _compose()
    services = compose["services"]
    assert set(services) == {"db", "migrate", "bot"}
    for name, service in services.items():
        for needed in service.get("depends_on", {}):
            assert needed in services, f"{name} waits for {needed}, which is no service"
        for volume in service.get("volumes", []):
            named = volume.split(":", 1)[0]
            assert named.startswith((".", "/")) or named in compose["volumes"], f"{name}: volume {named} undeclared"
    assert services["bot"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["bot"]["command"] == ["crmbot", "run"]


def test_the_bot_reads_env_and_reaches_the_db_service():
    services = _compose()["services"]
    for name in ("migrate", "bot"):
        env_files = services[name]["env_file"]
        assert {"path": ".env", "required": False} in env_files, f"{name} must read .env, and start without it"
        assert "@db:5432/" in services[name]["environment"]["DATABASE_URL"]
    unknown = set(services["bot"]["environment"]) - SETTINGS
    assert unknown == set(), f"the bot is handed variables the settings do not read: {sorted(unknown)}"


def test_every_variable_compose_substitutes_is_in_env_example():
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    substituted = set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)", text))
    assert substituted, "docker-compose.yml substitutes no variable: this test reads it wrongly"
    assert substituted <= _example(), f".env.example lacks {sorted(substituted - _example())}"
    assert substituted <= SETTINGS | COMPOSE_ONLY, f"no setting reads {sorted(substituted - SETTINGS - COMPOSE_ONLY)}"
    assert SETTINGS <= _example(), f".env.example lacks {sorted(SETTINGS - _example())}"


def test_the_readme_says_what_to_copy_before_compose_up():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    copy, up = readme.find("cp .env.example .env"), readme.find("docker compose up")
    assert copy >= 0 and up >= 0 and copy < up, "README: `cp .env.example .env` must come before `docker compose up`"
