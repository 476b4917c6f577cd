"""What a team calls its deal stages, in each language: its own name where an admin renamed one
("rename stage negotiation to 'contract review'", `crmbot team set stage_name`), else the bot's
(handlers/texts, "stage.<value>"). Every reply, report, chart and reminder that names a stage
reads it here, so a team sees its names everywhere; the stored stage stays one of the six
canonical values. The same names are read back in the team's notes (`words`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from handlers.texts import t
from storage.team_stages import stage_names
from storage.vocabulary import Lang, Stage, lang_of


@dataclass(frozen=True)
class StageNames:
    """A team's stage names; `StageNames()` is the bot's own in every language."""

    custom: Mapping[Stage, Mapping[Lang, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, team_settings: Mapping[str, Any] | None) -> StageNames:
        """The names of the team whose `Team.settings` these are."""
        return cls(stage_names(team_settings))

    def __call__(self, stage: str | Stage, lang: str) -> str:
        """`stage` as the team calls it in `lang`."""
        code = lang_of(lang)
        own = self.custom.get(Stage(stage), {}).get(code) if stage in tuple(Stage) and code else None
        if own:
            return own
        try:
            return t(lang, f"stage.{stage}")
        except KeyError:
            return str(stage)

    def words(self) -> dict[str, Stage]:
        """The team's own names, in any language, read as their stage (casefolded)."""
        return {name.casefold(): stage for stage, per_lang in self.custom.items() for name in per_lang.values()}

    def clash(self, stage: str, lang: str, name: str) -> Stage | None:
        """Another stage already called `name` in `lang` (by the team or the bot), if any: two stages
        may not share a name, or notes and reports could not tell them apart."""
        wanted = name.strip().casefold()
        for other in Stage:
            if other != stage and wanted and self(other, lang).casefold() == wanted:
                return other
        return None


BOTS = StageNames()
