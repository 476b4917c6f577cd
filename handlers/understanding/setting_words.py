"""Whether a message changes a team setting: "set quiet days to 7", "设置沉寂天数为7天",
"установи тихие дни на 7", "proposal probability 60%", "digest at 8", "currency EUR". Each
language's phrases live in its cue module (SETTINGS); the stage of a probability is named by its
value or its name in any language ("proposal", "已报价", "КП")."""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.languages import cues, registered
from handlers.understanding.model import Parse, SettingAsk
from storage.vocabulary import OPEN_STAGES, Intent, Stage

_I = re.IGNORECASE


@lru_cache(maxsize=None)
def _phrases(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((name, re.compile(p, _I)) for name, phrases in cues(lang).SETTINGS.items() for p in phrases)


def stage_named(word: str) -> Stage | None:
    """The open stage a word names: its value, or a stage cue of any language that matches it whole."""
    word = word.strip().casefold()
    for stage in OPEN_STAGES:
        if word == stage.value:
            return stage
    from handlers.texts import t  # the stage names the bot itself writes, in every language

    for module in registered():
        for stage in OPEN_STAGES:
            if word == t(module.CODE, f"stage.{stage}").casefold():
                return stage
            if any(re.fullmatch(p, word, _I) for p in module.STAGES[stage]):
                return stage
    return None


def setting_asked(text: str, lang: str) -> SettingAsk | None:
    """The setting a message changes, or None."""
    text = " ".join((text or "").split())
    for name, pattern in _phrases(lang):
        m = pattern.search(text)
        if m:
            stage = m.groupdict().get("stage")
            if name == "probability":
                found = stage_named(stage or "")
                if found is None:
                    continue
                stage = found.value
            return SettingAsk(name, m.group("value"), stage)
    return None


def settle_setting(parse: Parse, text: str) -> Parse:
    """A message that changes a team setting is no note, no report and no look-up."""
    if parse.intent in (Intent.UNDO, Intent.DONE, Intent.SNOOZE, Intent.CARD):
        return parse
    asked = setting_asked(text, parse.lang)
    if asked is not None:
        parse.setting, parse.search, parse.report = asked, None, None
    return parse
