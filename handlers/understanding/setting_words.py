"""Whether a message changes a team setting: "set quiet days to 7", "设置沉寂天数为7天",
"установи тихие дни на 7", "proposal probability 60%", "digest at 8", "currency EUR", "rename stage
negotiation to 'contract review'", "our stages are lead, proposal, negotiation", "turn off the qualified stage". Each language's phrases live in its cue module (SETTINGS); the
stage of a probability or a name is named by its value, its name in any language ("proposal",
"已报价", "КП") or the team's own name of it (`team_words`, read by bot.routing)."""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.languages import cues, registered
from handlers.understanding.model import Parse, SettingAsk
from typing import Mapping

from storage.vocabulary import OPEN_STAGES, Intent, Stage

_I = re.IGNORECASE


@lru_cache(maxsize=None)
def _phrases(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((name, re.compile(p, _I)) for name, phrases in cues(lang).SETTINGS.items() for p in phrases)


def stage_named(word: str, team_words: Mapping[str, Stage] | None = None,
                stages: tuple[Stage, ...] = OPEN_STAGES) -> Stage | None:
    """The stage (of `stages`) a word names: the team's own name of it, its value, or a stage cue of
    any language that matches it whole."""
    word = " ".join(word.split()).strip("'\"“”‘’«»「」").casefold()
    own = (team_words or {}).get(word)
    if own is not None:
        return own if own in stages else None
    for stage in stages:
        if word == stage.value:
            return stage
    from handlers.texts import t  # the stage names the bot itself writes, in every language

    for module in registered():
        for stage in stages:
            if word == t(module.CODE, f"stage.{stage}").casefold():
                return stage
            if any(re.fullmatch(p, word, _I) for p in module.STAGES[stage]):
                return stage
    for module in registered():       # another form of an open stage's name: "qualification", "квалификация", "已确认"
        for stage in stages:
            if stage in OPEN_STAGES and _same_word(word, t(module.CODE, f"stage.{stage}").casefold()):
                return stage
    return None


def _same_word(word: str, name: str) -> bool:
    """`word` is another form of the stage name `name`: the name's first characters (Chinese: the
    name begins with the word, two characters or more), or a stem of six letters they share."""
    if _cjk(name):
        return len(word) >= 2 and name.startswith(word)
    if " " in word or " " in name:
        return False
    shared = len(name) if word.startswith(name) else next(
        (i for i, (a, b) in enumerate(zip(word, name)) if a != b), min(len(word), len(name)))
    return shared >= min(6, len(name))


_LIST_SEP = re.compile(r"\s*(?:[,，、;；>→/|]|->|\s(?:then|and|и|потом|затем)\s|然后|再到|和)\s*", _I)


def stage_list(value: str) -> list[str]:
    """The stages a message lists, as written: "lead, proposal then negotiation", "线索、已报价、谈判中"."""
    parts = (part.strip(" '\"“”‘’«»「」.:：—-") for part in _LIST_SEP.split(f" {value} "))
    return [part for part in parts if part]


def _stage_within(words: str, team_words: Mapping[str, Stage] | None) -> Stage | None:
    """The open stage a run of words names, read whole or by its longest part that names one: a
    team's name of several words ("contract review"), with words around it that are none ("please
    set contract review", "согласование договора на")."""
    split = words.split()
    for size in range(len(split), 0, -1):
        for start in range(len(split) - size, -1, -1):
            found = stage_named(" ".join(split[start:start + size]), team_words)
            if found is not None:
                return found
    return None


def setting_asked(text: str, lang: str, team_words: Mapping[str, Stage] | None = None) -> SettingAsk | None:
    """The setting a message changes, or None. A probability names an open stage (else the message
    is no setting); a stage's name keeps the stage as written when it names none, so the reply
    can say which stages there are."""
    text = " ".join((text or "").split())
    for name, pattern in _phrases(lang):
        m = pattern.search(text)
        if m:
            stage = m.groupdict().get("stage")
            if name == "probability":
                found = _stage_within(stage or "", team_words)
                if found is None:
                    continue
                stage = found.value
            elif name == "stage_name":
                found = stage_named(stage or "", team_words, tuple(Stage))
                stage = found.value if found is not None else (stage or "").strip()
            elif name in ("stage_off", "stage_on"):       # an unknown one is refused when a stage was said
                found = _stage_within(stage or "", team_words)
                if found is None and not re.search(r"stage|阶段|этап|стади", m.group(0), _I):
                    continue
                stage = found.value if found is not None else (stage or "").strip()
            elif name == "stages" and len(stage_list(m.group("value"))) < 2:
                continue                                  # an order lists two stages at least
            return SettingAsk(name, _clock(m) if name == "digest_hour" else m.groupdict().get("value") or stage or "", stage)
    return None


def _clock(m: re.Match) -> str:
    """The hour a digest phrase names, as "H:MM": "8点半" 8:30, "8点15分" 8:15, "8pm"/"下午6点"/"в 7
    вечера" in the afternoon; a value out of range is left for the setting to refuse."""
    hour, _, minutes = m.group("value").partition(":")
    found = m.groupdict()
    h, mm = int(hour), int(minutes or 0)
    if found.get("half"):
        mm = 30
    elif found.get("minutes"):
        mm = int(found["minutes"])
    if found.get("pm") and h < 12:
        h += 12
    return f"{h}:{mm:02d}"


def settle_setting(parse: Parse, text: str, team_words: Mapping[str, Stage] | None = None) -> Parse:
    """A message that changes a team setting is no note, no report and no look-up."""
    if parse.intent in (Intent.UNDO, Intent.DONE, Intent.SNOOZE, Intent.CARD):
        return parse
    asked = setting_asked(text, parse.lang, team_words)
    if asked is not None:
        parse.setting, parse.search, parse.report = asked, None, None
    return parse


def read_team_stages(parse: Parse, text: str, team_words: Mapping[str, Stage]) -> Parse:
    """The team's own stage names read in its messages: a setting that names a stage by them
    ("set contract review probability to 80%"), and a note that moves a deal to one ("Globex moved
    to contract review", "Globex 进入合同审核") when nothing else in it names a stage."""
    if not team_words:
        return parse
    if parse.setting is None:
        settle_setting(parse, text, team_words)
    if parse.setting is None and parse.intent == Intent.LOG and parse.stage is None:
        folded = " ".join(text.split()).casefold()
        for name in sorted(team_words, key=len, reverse=True):    # the longest name that is said as a stage
            if _said_as_stage(name, folded, parse.lang):
                parse.stage = team_words[name]
                break
    return parse


def _said_as_stage(name: str, folded: str, lang: str) -> bool:
    """Whether `name` is in the note where a stage is said: after words that put a deal at a stage
    ("moved to", "进入", "на этап"), before the word "stage" ("the offer stage"), or alone after a
    colon at the note's end ("Globex: offer"), in the note's language or English; a bare word ("they
    made us an offer") is no stage."""
    edge_l, edge_r = ("", "") if _cjk(name) else (r"(?<!\w)", r"(?!\w)")
    before = [p for module in {cues(lang), cues("en")} for p in module.STAGE_BEFORE]
    after = [p for module in {cues(lang), cues("en")} for p in module.STAGE_AFTER]
    said = ("(?:" + "|".join(_edge(p) + f"(?:{p})" for p in before) + r")\s*[«\"“「']?" + re.escape(name) + edge_r
            + "|" + edge_l + re.escape(name) + r"[»\"”」']?\s*(?:" + "|".join(after) + ")"
            + r"|[:：—–]\s*[«\"“「']?" + re.escape(name) + r"[»\"”」']?[\s.!。！]*$")   # "Вектор: согласование договора"
    return re.search(said, folded, _I) is not None


def _edge(phrase: str) -> str:
    """A word boundary before a phrase written with spaces ("at the" is not in "that the")."""
    return "" if _cjk(phrase[:1]) else r"(?<!\w)"


def _cjk(name: str) -> bool:
    """Chinese is written without spaces: a name is there when its characters are."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in name)
