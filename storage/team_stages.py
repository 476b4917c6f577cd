"""The open stages a team uses, in its order, and what it calls them: read the same way by notes,
reports, reminders and the settings commands (`storage.team_settings` changes them).

    stage_names   the team's own name of a stage per language (JSON `stage_names`: {stage: {lang: name}})
    team_stages   the open stages the team uses, in its order (JSON `stages`; unset: the four)
    stage_in_use  the stage a deal counts as when its own stage is switched off
    shown_stages  what a report lists: the stages in use, then any switched-off stage still holding deals
    deals_held    the open deals a stage still holds (a stage is switched off only once empty)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from sqlalchemy import func, select
from sqlmodel import col

from storage.models import Customer, Deal
from storage.vocabulary import CLOSED_STAGES, OPEN_STAGES, Lang, Stage


def stage_names(team_settings: Mapping[str, Any] | None) -> dict[Stage, dict[Lang, str]]:
    """The team's own names of stages, per language (only the ones it renamed)."""
    found: dict[Stage, dict[Lang, str]] = {}
    raw = (team_settings or {}).get("stage_names")
    for stage, per_lang in (raw.items() if isinstance(raw, Mapping) else ()):
        if stage in tuple(Stage) and isinstance(per_lang, Mapping):
            named = {Lang(lang): str(name) for lang, name in per_lang.items()
                     if lang in tuple(Lang) and isinstance(name, str) and name.strip()}
            if named:
                found[Stage(stage)] = named
    return found


def team_stages(team_settings: Mapping[str, Any] | None) -> tuple[Stage, ...]:
    """The open stages the team uses, in its order: its `stages`, else the four in the bot's order.
    A list nobody can read (no open stage in it) counts as unset: a typo never hides the pipeline."""
    raw = (team_settings or {}).get("stages")
    if isinstance(raw, (list, tuple)):
        used = tuple(dict.fromkeys(Stage(s) for s in raw if s in OPEN_STAGES))
        if used:
            return used
    return OPEN_STAGES


def stage_in_use(stage: str | Stage, used: tuple[Stage, ...]) -> Stage:
    """The stage a deal at `stage` counts as for a team that uses `used`: itself when the team uses it
    (or it is won or lost), else the nearest used stage before it in the bot's order, else the team's first."""
    stage = Stage(stage)
    if stage in used or stage not in OPEN_STAGES:
        return stage
    before = [s for s in OPEN_STAGES[:OPEN_STAGES.index(stage)] if s in used]
    return before[-1] if before else used[0]


def moves_forward(old: str, new: str, used: tuple[Stage, ...]) -> bool:
    """Whether a deal at `old` moving to `new` goes forward: won or lost, or a closed deal reopened, always
    do; open stages only in the team's order (a revised quote in negotiation stays in negotiation), a
    stage the team switched off counting as the stage it stands for."""
    if new in CLOSED_STAGES or old not in OPEN_STAGES:
        return True
    order = {stage: i for i, stage in enumerate(used)}
    return order.get(stage_in_use(new, used), 0) > order[stage_in_use(old, used)]


def shown_stages(team_settings: Mapping[str, Any] | None, with_deals: Any = ()) -> tuple[Stage, ...]:
    """The open stages a report lists, in the team's order: the ones it uses, then any switched-off
    stage that still holds deals (`with_deals`: an imported row, say): money is never hidden."""
    used = team_stages(team_settings)
    return used + tuple(s for s in OPEN_STAGES if s not in used and s in set(with_deals))


def switched_off(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> tuple[Stage, ...]:
    """The open stages a change of settings switches off."""
    now = team_stages(after)
    return tuple(s for s in team_stages(before) if s not in now)


@dataclass(frozen=True)
class Held:
    """The open deals a stage still holds: how many, and the first few customers' names."""

    stage: Stage
    count: int
    customers: tuple[str, ...]


def deals_held(session: Any, team_id: int, stages: tuple[Stage, ...]) -> tuple[Held, ...]:
    """The stages of `stages` that hold open deals of the team (a stage is switched off only once
    empty, so no deal is hidden from the pipeline). One grouped count, and names of at most three."""
    if not stages:
        return ()
    counts = session.execute(select(col(Deal.stage), func.count()).where(col(Deal.team_id) == team_id,
                                                                        col(Deal.stage).in_(stages))
                             .group_by(col(Deal.stage))).all()
    held = []
    for stage, count in sorted(counts, key=lambda row: stages.index(Stage(row[0]))):
        names = session.execute(select(col(Customer.name)).join(Deal, col(Deal.customer_id) == col(Customer.id))
                                .where(col(Deal.team_id) == team_id, col(Deal.stage) == stage)
                                .order_by(col(Customer.name)).limit(3)).scalars().all()
        held.append(Held(Stage(stage), int(count), tuple(names)))
    return tuple(held)
