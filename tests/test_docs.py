"""The documentation a clone carries covers what users and operators touch: every `crmbot` command
and option has its place in docs/cli.md, every environment variable in docs/configuration.md,
and the README points only inside the repository."""
from __future__ import annotations

import re
from pathlib import Path

import typer.main

from bot.cli import app
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _commands(group, path=()):
    """Every command of the `crmbot` tree, with its words ("report", "pipeline") and parameters."""
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name), command


def _sections(text: str) -> dict[str, str]:
    """Each `### heading` with its text; headings in a row (no text between) share the next text."""
    parts = re.split(r"^###? (.+)$", text, flags=re.M)
    sections: dict[str, str] = {}
    waiting: list[str] = []
    for heading, body in zip(parts[1::2], parts[2::2]):
        waiting.append(heading.strip())
        if body.strip():
            sections.update({name: body for name in waiting})
            waiting = []
    return sections


def test_every_command_and_option_is_in_docs_cli():
    sections = _sections((ROOT / "docs" / "cli.md").read_text(encoding="utf-8"))
    missing = []
    for words, command in _commands(typer.main.get_command(app)):
        heading = "crmbot " + " ".join(words)
        if heading not in sections:
            missing.append(f"no '### {heading}' section")
            continue
        for param in command.params:
            for name in getattr(param, "opts", []):
                if name.startswith("-") and name not in sections[heading]:
                    missing.append(f"'{heading}' does not mention {name}")
    assert missing == [], "docs/cli.md: " + "; ".join(missing)


def test_every_environment_variable_is_in_docs_configuration():
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    settings = {field.alias for field in Settings.model_fields.values() if field.alias}
    example = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(encoding="utf-8"),
                             flags=re.M))
    missing = sorted(name for name in settings | example if f"`{name}`" not in text)
    assert missing == [], f"docs/configuration.md does not name {missing}"
    assert settings <= example, f".env.example lacks {sorted(settings - example)}"


def test_the_readme_points_inside_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    outside = re.findall(r"\.\./[\w./-]+", readme)
    assert outside == [], f"README.md points outside the repository: {outside}"
    for link in re.findall(r"\]\(([^)#:]+)\)", readme):
        assert (ROOT / link).exists(), f"README.md links to {link}, which is not in the repository"
