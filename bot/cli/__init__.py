"""The `crmbot` command line (docs/cli.md). `core` holds the app and its own commands; every other
group of commands is a module of this package, registered here by name. A module that cannot be
imported stops `crmbot` at start-up with its error: no command is ever left out quietly."""
from __future__ import annotations

from bot.cli import admin, data, edits, inputs, llm, nudges, reports, team, workspaces
from bot.cli.core import app, report_app

nudges.register(app)
admin.register(app)
llm.register(app)
data.register(app)
reports.register(report_app)
inputs.register(app)
workspaces.register(app)
team.register(app)
edits.register(app)

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `crmbot` console script: warnings and errors go to stderr, one line each
    (`crmbot run` sets up its own logging from CRM_LOG_FORMAT)."""
    import logging

    from bot.health import setup_logging

    setup_logging("text", logging.WARNING)
    app()
