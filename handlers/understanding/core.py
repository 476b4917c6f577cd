"""Offline understanding: one chat message in, one `Parse` out. No network, no store.

    understand("Visited Brightwater today, sent the quote for $36k", now, ["Brightwater Foods Inc"])

Never raises: empty, huge, binary or nonsensical text gives intent "unknown" with `problems`.
"""
from __future__ import annotations

from decimal import Decimal

import logging
import re

from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, datetime
from typing import Mapping, Sequence

from handlers.understanding import (birthday_of, companies, contact_said, details, en_people, facts, joined, mail_headers, mixed, partners, pasted,
                                   people, recap, invoices, spoken, told_apart, traditional, whose, works_at)
from handlers.understanding.chatter import hearsay
from handlers.understanding.met_too import met_too, titled_elsewhere
from handlers.understanding.answers import cancel_word
from handlers.understanding.asking import theirs_unasked, unquoted
from handlers.understanding.amounts import (Amount, added, bare_dollar, find_amounts, hedged, local_dollar,
                                            mentions_money_without_number,
                                            negative_amounts, paid_part, pick_amount)
from handlers.understanding.dates import day_first, find_dates
from handlers.understanding.deal_words import says_another_deal, says_revised, takes_back_a_loss
from handlers.understanding.cues import Clauses, Lexicon, channel, everyone, first_contact, lexicon, only_mentioned, stage
from handlers.understanding.intents import Signals, classify, command_named, drop_day, merge_command, rename_command
from handlers.understanding.languages import CODES, cues, one_of
from handlers.understanding.lang import MAX_CHARS, clean, detect, garbled, has_words
from handlers.understanding.matching import Match, match_known
from handlers.understanding.model import Met, Parse, Refusal, Refused
from handlers.understanding.asked_period import period
from handlers.understanding.same_name import names_contact, same_person
from handlers.understanding.taken_back import unless_taken_back
from handlers.understanding.timeline import Timeline, sort_out
from storage.vocabulary import OPEN_STAGES, PERIOD_INTENTS, Channel, Intent, Lang, Stage

_REFUSED_AMOUNTS = (Refusal.NEGATIVE_AMOUNT, Refusal.AMOUNT_TOO_LARGE)  # said, though not taken: still a note
_REFUSED_DAYS = (Refusal.DATE_TOO_FAR, Refusal.TIME_PASSED)
log = logging.getLogger("crmbot.understanding")


def understand(text: str, now: datetime, known: Sequence[str] = (), aliases: Mapping[str, str] | None = None) -> Parse:
    """What a rep's message means: intent, customer (one of `known` where it names one),
    contact, channel, stage, amount, follow-up day, birthday, period. `now` is aware and
    already in the writer's time zone; relative dates are resolved from its date."""
    try:
        written = clean(text)
        reading = traditional.read(written, known or (), aliases)
        if reading is None:
            return _understand(text, now, known or (), aliases)
        return reading.restore(_understand(reading.text, now, reading.names, reading.aliases))
    except Exception:  # the bot must answer something, whatever the text; the log says what broke
        log.exception("understanding failed: the message is answered as not understood")
        lang = Lang.EN
        try:
            lang = detect(clean(text))
        except Exception:
            pass
        return Parse(lang=lang, intent=Intent.UNKNOWN, problems=["internal_error"], confidence=0.0)


def _understand(text: str, now: datetime, known: Sequence[str], aliases: Mapping[str, str] | None) -> Parse:
    cleaned = clean(text)
    if not cleaned:
        blank = text is None or (isinstance(text, str) and not text.strip())
        return Parse(intent=Intent.UNKNOWN, problems=["empty" if blank else "no_text"], confidence=0.0)
    lang = detect(cleaned)
    headers = mail_headers.read(cleaned)     # a pasted e-mail or invite: its header fields are no part of the note
    body = headers.text if headers else cleaned
    parse = (_unreadable(text, cleaned, lang) or _command(body, lang, now, known, aliases)
             or _note(body, lang, now, known, aliases, headers is not None))
    if headers is not None:
        if headers.subject and parse.intent in (Intent.LOG, Intent.UNKNOWN) and not parse.customer_known:
            threaded = _note(headers.subject + "\n" + body, lang, now, known, aliases, True)
            if threaded.customer_known:
                parse = threaded                # "Re: Kittridge Foods - renewal": whose thread it is; a new name
                                                # there is the thread's topic ("RE: Haematology analyser tender")
        mail_headers.settle(parse, headers, known)
    if parse.intent in (Intent.LOG, Intent.UNKNOWN, Intent.CORRECT):
        parse.works_at = works_at.read(cleaned, lang.value, known, aliases)
        if parse.works_at is not None:       # "Jorge works at Pacific Supply, not Harlow": that contact moves
            parse.intent = Intent.CORRECT
    return parse


def _unreadable(text: str, cleaned: str, lang: Lang) -> Parse | None:
    """A message too long to read, or with no words in it, is not understood (and says why)."""
    if len(cleaned) > MAX_CHARS:
        return Parse(lang=lang, intent=Intent.UNKNOWN, problems=["too_long"], confidence=0.0,
                     summary=cleaned[:200])
    if not has_words(cleaned) or garbled(text):
        return Parse(lang=lang, intent=Intent.UNKNOWN, problems=["no_text"], confidence=0.0, summary=cleaned)
    return None


def _command(cleaned: str, lang: Lang, now: datetime, known: Sequence[str],
             aliases: Mapping[str, str] | None) -> Parse | None:
    """A customer renamed, a merge of two customers, or a command said in words ("done with the Globex
    follow-up")."""
    renaming = rename_command(cleaned)
    if renaming:  # the customer as written, and the known customer it may mean ("Ромашку" is Ромашка)
        meant = match_known(renaming[0], known, aliases).name
        return Parse(lang=lang, intent=Intent.RENAME, rename=renaming, customer=meant or renaming[0],
                     customer_known=meant is not None, summary=cleaned, confidence=0.95)
    merging = merge_command(cleaned)
    if merging:  # each side as written, and the known customer it may mean however spelt ("Ромашку")
        a, b = (match_known(part, known, aliases).name for part in merging)
        return Parse(lang=lang, intent=Intent.MERGE, merge=merging, merge_known=(a, b), summary=cleaned,
                     confidence=0.95)
    cmd = command_named(cleaned)
    if not cmd:
        return None
    said, on, weekday = cmd[2], None, False
    if cmd[0] == Intent.DROP_FOLLOWUP and said and said.casefold() not in {k.casefold() for k in known}:
        said, on, weekday = drop_day(said, lang, now.date())   # "the follow-up for Friday", "… for Globex on Friday"
    named = match_known(said, known, aliases) if said else None   # "the follow-up for Globex"
    return Parse(lang=lang, intent=cmd[0], done_ref=cmd[1], summary=cleaned, confidence=0.95, drop_on=on,
                 drop_weekday=weekday, undo_by_cancel=cancel_word(cleaned),
                 customer=(named.name or said) if named else None, customer_known=bool(named and named.name))


@dataclass
class _Reading:
    """A note as it is being read: its text at each stage, and the known customer it names.
    `work` is the text the cues read: same length as `cleaned` ("ё" read as "е"), with what has been
    read already (a Chinese customer's name, stated facts) blanked out as the reading goes."""

    lang: Lang
    now: datetime
    as_typed: str               # cleaned, before the spoken-language tidy
    cleaned: str                # read without "um", repeats; names corrected
    work: str
    lex: Lexicon
    clauses: Clauses
    match: Match                # the known customer the note names (unless taken back)
    first_day: bool             # numeric dates are written day first ("07/12" from London is 7 December)
    masked: tuple[str, str] | None = None     # the customer's name as the cues saw it, and as written
    letter: pasted.Letter | None = None       # a message pasted in: whom it greets (blanked here), who signed it
    known: Sequence[str] = ()                 # the team's customers, and their aliases
    aliases: Mapping[str, str] | None = None
    apart: told_apart.Apart = told_apart.Apart()   # a look-alike the rep says the company is not

    @property
    def today(self) -> date:
        return self.now.date()

    def reclause(self) -> None:
        """Clause boundaries again, after `work` changed."""
        self.clauses = Clauses(self.work, spaced_words=self.lang != Lang.ZH)


def _note(cleaned: str, lang: Lang, now: datetime, known: Sequence[str],
          aliases: Mapping[str, str] | None, mailed: bool = False) -> Parse:
    """A note or a question; a note about several customers in turn is read part by part: the first
    customer's part is the parse, the others' are its `others` (handlers/log_note.py records each). A
    pasted mail (`mailed`: its headers were read) or letter, greeting to signature, is one sender's: never parts."""
    parts = None if mailed or _signed_letter(cleaned) else recap.customers_parts(cleaned, lang, known, aliases)
    if not parts:
        parse = _read(cleaned, cleaned, lang, now, known, aliases, None)
        with_partner = _with_partner(cleaned, lang, now, known, aliases, parse)
        if with_partner is not None:           # "met Jorge at Pacific Supply (our distributor) about the Harlow Clinic …"
            return with_partner
        other = joined.second(cleaned, lang, parse, known, aliases)
        if other is not None:                  # "initech and globex both asked for the price list": both
            parse.others, parse.words = [other], cleaned
        return parse
    parse = _read(cleaned, parts[0].text, lang, now, known, aliases, parts[0])
    if parse.intent == Intent.LOG:
        parse.others = [_read(part.text, part.text, lang, now, known, aliases, part) for part in parts[1:]]
        parse.words = parts[0].text if parse.others else None
        for other in parse.others:
            other.words = other.summary
    return parse


def _signed_letter(text: str) -> bool:
    """True when `text` holds a pasted letter from its greeting to a sign-off ("Dear Priya Madam, … Regards,")."""
    letter = pasted.read(text)
    return letter is not None and letter.body[1] < len(text.rstrip())


def _with_partner(cleaned: str, lang: Lang, now: datetime, known: Sequence[str],
                  aliases: Mapping[str, str] | None, first: Parse) -> Parse | None:
    """A note naming a distributor and its end customer (see partners.py): the end customer's part, read
    without the partner's words, with the partner's own part as its `others`; None when the note names a
    partner and no other company, or no partner."""
    if first.intent != Intent.LOG:
        return None
    partner = partners.find(cleaned, lang, known, aliases)
    if partner is None:
        return None
    if first.customer and partners.same(first.customer, partner.name):      # "в ТехноСнабе": as the rules name it
        partner = replace(partner, name=first.customer, known=first.customer_known)
    people_said = [p for p in (first.contact, *(m.name for m in first.met_too)) if p]
    theirs = partners.persons_of(cleaned, lang, partner, people_said)
    rest = partners.blanked(cleaned, partner, theirs)
    main = _read(cleaned, rest, lang, now, known, aliases, None)
    if first.customer and not partners.same(first.customer, partner.name):
        end: tuple[str, bool] | None = (first.customer, first.customer_known)
    elif main.customer and not partners.same(main.customer, partner.name) \
            and not partners.a_partners_word(cleaned, lang, main.customer):
        end = (main.customer, main.customer_known)
    else:
        end = partners.end_customer(cleaned, lang, known, aliases, partner)
    if end is None or main.intent not in (Intent.LOG, Intent.UNKNOWN):
        return None
    main.intent = Intent.LOG
    main.customer, main.customer_known, main.customer_candidates = end[0], end[1], []
    main.others, main.words = [partners.part(main, partner, first, theirs, cleaned)], cleaned
    return main


def _read(cleaned: str, text: str, lang: Lang, now: datetime, known: Sequence[str],
          aliases: Mapping[str, str] | None, part: recap.Part | None) -> Parse:
    """One note (or one customer's `part` of it, whose words are `text`): each step reads one part of
    it into the parse, in this order."""
    parse = Parse(lang=lang, summary=cleaned[:1000])
    note = _reading(text, lang, now, known, aliases)
    _customer_and_contact(parse, note)
    if part and part.customer and ((parse.customer is None and not parse.customer_candidates)
                                   or (part.known and parse.customer != part.customer)
                                   or (parse.customer != part.customer and not parse.customer_known
                                       and not parse.customer_candidates and part.text.startswith(part.customer))):
        # a new company opening its part is the part's customer, not a place named after it ("the Grand in Eastbourne")
        parse.customer = part.customer        # "за сегодня: Нижнетагильский Хлебокомбинат — знакомство, …"
        parse.customer_known, parse.customer_candidates = part.known, []
    told = _contact_facts(parse, note)
    whose.place(parse, note.cleaned, lang, (note.match.start, note.match.end))
    _mask_chinese_name(note)
    stated, said = _stated_facts(parse, note)
    _money(parse, note)
    times = _days(parse, note)
    new_customer = _channel_and_stage(parse, note, stated, said, times)
    _intent(parse, note, stated, new_customer, told.found)
    if parse.reopens and parse.intent == Intent.UNKNOWN:
        parse.intent = Intent.LOG       # "还没丢，客户又回来了": the loss taken back is the note
    if part and parse.intent == Intent.UNKNOWN and parse.customer:
        parse.intent = Intent.LOG       # a part says what happened at its customer: a note, however terse
        parse.stage = first_contact(parse.stage, new_customer)
    _shape(parse, note.work, note.lex, note.today, note.match.fuzzy)
    parse.person_back = parse.intent == Intent.LOG and _person_pronoun(lang).search(note.as_typed) is not None
    return parse


@lru_cache(maxsize=None)
def _stage_back(lang: str) -> re.Pattern[str]:
    """Words that say a deal went back to an earlier stage, in the message's language or any other."""
    return re.compile(one_of([*cues(lang).STAGE_BACK, *(p for code in CODES for p in cues(code).STAGE_BACK)]), re.I)


@lru_cache(maxsize=None)
def _person_pronoun(lang: str) -> re.Pattern[str]:
    """A pronoun for the person of the last note ("her birthday is May 5", "его день рождения", "她生日")."""
    return re.compile(one_of(cues(lang).PERSON_BACK), re.I)


def _reading(as_typed: str, lang: Lang, now: datetime, known: Sequence[str],
             aliases: Mapping[str, str] | None) -> _Reading:
    cleaned = spoken.tidy(as_typed, lang)                     # read without "um", repeats, names corrected
    letter = pasted.read(cleaned)
    if letter is not None:                                    # "Dear Mr. Chen, …": the reader is no person of the note
        cleaned = letter.blank(cleaned)
    work = cleaned.replace("ё", "е").replace("Ё", "Е")       # same length: spans stay valid
    lex = lexicon(lang)
    match = _besides_mentioned(cleaned, work, _headed(cleaned, unless_taken_back(cleaned, known, aliases), known, aliases),
                               known, aliases, lex)
    apart = told_apart.read(cleaned, match, known, aliases)
    if apart.replaces_match and not apart.new_name:
        match = Match(None, [])             # "новый клиент: Уралстрой Сервис" is no Уралстройкомплект
    return _Reading(lang=lang, now=now, as_typed=as_typed, cleaned=cleaned, work=work, lex=lex,
                    clauses=Clauses(work, spaced_words=lang != Lang.ZH), match=match,
                    first_day=day_first(getattr(now.tzinfo, "key", None), lang), letter=letter,
                    known=known, aliases=aliases, apart=apart)


_HEAD = re.compile(r"^\W{0,3}(?:(?:по|про|re)\s+)?([^:：—\n]{2,40}?)\s*(?:[:：]|\s[—–-]\s)", re.I)


def _headed(cleaned: str, match: Match, known: Sequence[str], aliases: Mapping[str, str] | None) -> Match:
    """The known customer a note's heading names, before a colon or a dash ("Сиб приборы: ТехноТрейд
    сообщает…", "по горводоканалу: ТехноТрейд выиграл…"): the note is about it, whatever else it names."""
    head = _HEAD.match(cleaned)
    if not match.name or head is None or match.start < head.end():
        return match
    headed = match_known(cleaned[:head.end(1)], known, aliases)
    return headed if headed.name else match


def _besides_mentioned(cleaned: str, work: str, match: Match, known: Sequence[str],
                       aliases: Mapping[str, str] | None, lex: Lexicon) -> Match:
    """The known customer the note is about when the first one it names is only mentioned: the partner
    it went through, who referred us ("горводоканал — контракт подписан через ТехноТрейд", "нашли нас
    через Клинику Петровых"); the mentioned one still, when the note names no other known customer."""
    if not match.name or not only_mentioned(work, match.start, match.end, lex):
        return match
    blanked = cleaned[:match.start] + " " * (match.end - match.start) + cleaned[match.end:]
    other = match_known(blanked, known, aliases)
    return other if other.name and other.name != match.name else match


def _set_contact(parse: Parse, person: people.Person) -> None:
    parse.contact, parse.contact_role = person.name, person.role
    parse.contact_phone, parse.contact_email = person.phone, person.email
    parse.contact_alias = person.alias


def _customer_and_contact(parse: Parse, note: _Reading) -> None:
    """The person the note is with, and its customer: the known one it names (unless it only mentions
    it: "got my name from Kurt at Globex"), the known ones it may mean, or a new company's name."""
    match, lang = note.match, note.lang
    person = people.extract(note.cleaned, lang, (match.start, match.end))
    letter = note.letter
    if letter is not None:
        parse.addressee = letter.addressee
        person = _signed(person, letter)
    _set_contact(parse, person)
    together = met_too(note.cleaned, lang, person.name, (match.start, match.end))
    elsewhere = titled_elsewhere(note.cleaned, lang, person.name, (match.start, match.end), together) \
        if person.name and letter is None else []
    parse.met_too = [Met(p.name, p.role, p.phone if p.phone != person.phone else None,
                         p.email if p.email != person.email else None) for p in (*together, *elsewhere)
                     if p.name]            # "met Maria Lopez and her boss Tom Hardy": Tom Hardy is a contact too
    other = _other_than_matched(note, person.name)
    if other:
        parse.customer = other
    elif match.name:
        parse.customer, parse.customer_known = match.name, True
    elif len(match.candidates) > 1:
        parse.customer_candidates = match.candidates
    else:
        asks = bool(note.lex.query.search(note.work))
        written = parse.customer = companies.extract(note.apart.blanked or note.cleaned, lang, person.name, asks)
        if not written and letter is not None and letter.company:     # "… Best regards, Liu Gang, Suzhou Hengyuan"
            written = _signed_company(parse, note, letter.company)
        if not written and lang == Lang.EN and person.name and en_people.firm_not_person(person.name, person.role):
            at = note.cleaned.find(person.name)
            someone = people.extract(note.cleaned, lang, (at, at + len(person.name))) if at >= 0 else None
            if someone is not None and someone.name and someone.name != person.name:
                written = parse.customer = person.name      # "Met Harlan Meats at the expo … buyer is jessica"
        at = note.cleaned.find(written) if written else -1
        if written and at >= 0 and person.name and person.name in written:  # the "person" was part of the name
            person = people.extract(note.cleaned, lang, (at, at + len(written)))
            _set_contact(parse, person)
    _told_apart(parse, note)


def _other_than_matched(note: _Reading, person: str | None) -> str | None:
    """A company the note is about instead of the known one it names: the one told apart from it ("Sunrise
    Medical Centre (NOT the lab, different company)"), the one met where the known one is only mentioned, or
    a new one written before it (Russian)."""
    match, lang, apart = note.match, note.lang, note.apart
    if apart.new_name and (apart.replaces_match or not match.name):
        return apart.new_name
    if match.name and only_mentioned(note.work, match.start, match.end, note.lex):
        cue = note.lex.mentioned_before.search(note.work, max(0, match.start - 60), match.start) \
            if note.lex.mentioned_before is not None else None
        lo = cue.start() if cue else match.start        # "通过代理商华信": the partner's word goes with it
        unnamed = note.cleaned[:lo] + " " * (match.end - lo) + note.cleaned[match.end:]
        return companies.extract(unnamed, lang, person, False)
    if match.name and lang == Lang.RU and match.start > 0:
        return _written_before(note, person)
    return None


def _told_apart(parse: Parse, note: _Reading) -> None:
    """A new customer the rep tells apart from a look-alike, or calls new ("New customer …", "новый клиент
    кирпичный двор …"): never asked about."""
    if not parse.customer and not parse.customer_candidates:
        parse.customer = told_apart.named_new(note.cleaned)
    if parse.customer and not parse.customer_known:
        apart = note.apart
        parse.told_apart = apart.said or bool(apart.not_these) \
            or told_apart.said_new(note.cleaned, note.cleaned.casefold().find(parse.customer.casefold()))


def _signed(person: people.Person, letter: pasted.Letter) -> people.Person:
    """The contact of a pasted message: whoever signed it, with his department as title."""
    if letter.sender and not same_person(letter.sender, person.name or ""):
        return people.Person(letter.sender, letter.department, person.phone, person.email)
    if letter.sender and letter.department and not person.role:
        person.role = letter.department
    return person


def _signed_company(parse: Parse, note: _Reading, company: str) -> str:
    """The company a pasted message's signature names, known or new, as the note's customer."""
    signed = match_known(company, note.known, note.aliases)
    parse.customer, parse.customer_known = signed.name or company, signed.name is not None
    return parse.customer


def _written_before(note: _Reading, person: str | None) -> str | None:
    """A new company the note names before the known one it also names: the note is about the company met,
    the known one is where our kit already works or whom they compare with ("в компании ПримАгроСнаб … у
    Приморского рыбокомбината стоит наш туннель", "созвон с Сахалин-Рыбпром … как наши работают у рыбокомбината")."""
    match = note.match
    if not _WRITTEN_AS_NAME.search(note.cleaned, 0, match.start) and not _FORM_BEFORE.search(note.cleaned, 0, match.start):
        return None                  # nothing before it is written as a name
    unnamed = note.cleaned[:match.start] + " " * (match.end - match.start) + note.cleaned[match.end:]
    other = companies.extract(unnamed, note.lang, person, False)
    if not other or not _WRITTEN_AS_NAME.search(other):
        return None                  # "Сам съездил в Сибцемент", "Календарь:": a plain word is not taken over a known name
    at = note.cleaned.find(other[:max(3, len(other) - 3)])
    return other if 0 <= at < match.start else None


# a name that cannot be a word of the note: a compound ("Сахалин-Рыбпром", "ПримАгроСнаб"), in quotes, or after
# a form or kind in capitals ("ТК Феникс-Шиппинг", "МЦ Здоровье Семьи")
_WRITTEN_AS_NAME = re.compile(r"[^\W\d_]-[^\W\d_]|[а-яё][А-ЯЁ]|[«\"“]|^[А-ЯЁ]{2,4}\s+[А-ЯЁ«\"]")
_FORM_BEFORE = re.compile(r"(?<!\w)[А-ЯЁ]{2,4}\s+[А-ЯЁ«\"]")


def _contact_facts(parse: Parse, note: _Reading) -> contact_said.ContactSaid:
    """A contact's title, phone or e-mail said plainly ("bob's title is operations manager", "sams email
    is …", "телефон Ивановой …", "王总的手机是…"): the person it names is the note's contact, with their
    full name when the note writes it, and the statement's words are no channel, stage or amount."""
    match = note.match
    said = contact_said.read(note.cleaned, note.lang, (match.start, match.end))
    if not said.found:
        return said
    met = next((m for m in parse.met_too if names_contact(m.name, said.who)), None) if said.who else None
    if met is not None:                           # "met Ann Kay and Bo Lee, bo's email …": Bo Lee's fact
        met.role = said.role or met.role
    elif said.who:
        same = parse.contact is not None and names_contact(parse.contact, said.who)
        if not same:
            if parse.customer and not parse.customer_known and names_contact(parse.customer, said.who):
                parse.customer = None             # "bob tanner phone …": a person, not a new company
            parse.contact, parse.contact_role = said.who, None
    if said.role and met is None:
        parse.contact_role = said.role
    note.work = said.blank(note.work)
    note.reclause()
    return said


def _mask_chinese_name(note: _Reading) -> None:
    """A Chinese customer's name is hidden from the cues: "得泰" (德泰 typed by sound) holds no cue "得"."""
    match = note.match
    if note.lang == Lang.ZH and match.name and match.start >= 0:
        note.masked = ("某" * (match.end - match.start), note.work[match.start:match.end])
        note.work = note.work[:match.start] + note.masked[0] + note.work[match.end:]
        note.clauses = Clauses(note.work, spaced_words=False)


def _stated_facts(parse: Parse, note: _Reading) -> tuple[facts.Facts, str]:
    """Close date, source, cadence: facts about the deal, not a follow-up or a visit. Their words are
    blanked out of `work` for the steps after; returns them and the text as it was before."""
    work, lex = note.work, note.lex
    stated = facts.read(work, note.lang, note.today, note.clauses, note.first_day)
    if stated.found and (everyone().question.search(work) or (lex.question is not None and lex.question.search(work))):
        stated = facts.Facts()          # "下个月预计能签多少", "when will Globex close by Dec 15?": a question states nothing
    if stated.spans:
        note.work = stated.blank(work)
        note.reclause()
    parse.close_on, parse.source, parse.touch_days = stated.close_on, stated.source, stated.touch_days
    if parse.customer is None and not parse.customer_candidates and stated.subject \
            and not lex.refer_back.search(stated.subject) \
            and not people.extract(stated.subject, note.lang, (-1, -1)).name:
        parse.customer = stated.subject     # "Umbrella found us through LinkedIn": the new customer is Umbrella
    return stated, work


def _money(parse: Parse, note: _Reading) -> None:
    """The amount and currency (a negative or too large one is refused, and still makes a note)."""
    work = note.work
    negatives = negative_amounts(work, note.lang)
    amounts = [a for a in find_amounts(work, note.lang, parse.refused)
               if not any(start <= a.start < end for _, (start, end) in negatives)]
    parse.refused += [refused for refused, _ in negatives]
    owed = invoices.invoiced(work, note.lang, amounts)
    if owed:          # "invoice #4411 for 12k still unpaid": kept in the words, never a deal's value
        parse.refused += [Refused(Refusal.INVOICE, note.cleaned[a.start:a.end].strip()) for a in owed]
        amounts = [a for a in amounts if a not in owed]
    amount = pick_amount(work, amounts)
    paid = paid_part(work, amounts)
    if paid is not None:
        parse.paid, parse.paid_currency = paid.value, paid.currency
    if amount is not None and hedged(work, amount):       # "they might drop to 55k": words, not the deal's amount
        parse.refused.append(Refused(Refusal.HEDGED, note.cleaned[_hedge_start(work, amount):amount.end].strip(" ,")))
        amount = None
    if amount is not None:
        parse.amount, parse.currency, parse.currency_said = amount.value, amount.currency, amount.explicit
        parse.amount_added = added(work, amount)
        if amount.currency == "USD" and bare_dollar(work, amount):     # "$4,320" written in Sydney: AUD
            parse.currency = local_dollar(getattr(note.now.tzinfo, "key", None), note.today) or amount.currency
        if not amount.explicit and note.as_typed != note.cleaned:
            said_before = _currency_said_before(note, amount.value)
            parse.currency = said_before or parse.currency
            parse.currency_said = said_before is not None
    elif mentions_money_without_number(work):
        parse.problems.append("amount_without_number")


def _hedge_start(work: str, amount: Amount) -> int:
    """Where the clause holding a maybe amount starts (for the reply to quote its words)."""
    return max((m.end() for m in _CLAUSE_END.finditer(work, max(0, amount.start - 40), amount.start)),
               default=max(0, amount.start - 40))


_CLAUSE_END = re.compile(r"[.;!?。；！？，,\n]")


def _currency_said_before(note: _Reading, value: Decimal) -> str | None:
    """The currency of a value taken back for this one ("КП на 500 тыс евро, не, на 450 тыс", "quote $54k
    no wait 45k", "报价十万美元，不对，是八万"): the amount said again keeps the currency said first."""
    said = find_amounts(note.as_typed, note.lang)
    for first, then in zip(said, said[1:]):
        if then.value == value and not then.explicit and first.explicit and first.value != value:
            return first.currency
    return None


def _days(parse: Parse, note: _Reading) -> Timeline:
    """The follow-up's day, time and promise, a birthday, and the days refused (timeline.py)."""
    times = sort_out(note.work, note.lang, note.today, note.lex, note.clauses, note.now.time(), note.first_day)
    parse.followup_on, parse.followup_what, parse.birthday = times.followup_on, times.followup_what, times.birthday
    birthday_of.place(parse, note.cleaned, note.lang, (note.match.start, note.match.end))   # "toms mobile is …. Priya's bday is 14 march": Priya's
    if note.masked and parse.followup_what:       # "星辰科技的跟进推迟到…": the promise names the customer as written
        parse.followup_what = parse.followup_what.replace(*note.masked)
    parse.followup_at = times.followup_at
    parse.happened_on = times.happened_on
    parse.problems += times.problems
    parse.refused += times.refused
    if parse.followup_on is not None:
        parse.moved_from = times.moved_from or _instead_of(note.work, note.lang, note.today, parse.followup_on)
        parse.moves = times.moves
    return times


@lru_cache(maxsize=None)
def _instead(lang: str) -> re.Pattern[str] | None:
    phrases = cues(lang).INSTEAD_OF
    return re.compile("(?:" + ")|(?:".join(phrases) + ")", re.I) if phrases else None


def _instead_of(text: str, lang: Lang, today: date, new_day: date) -> date | None:
    """The day a follow-up is said as moved from ("call next tuesday instead of today", "перезвоню во вторник
    вместо пятницы", "改到周二，不是今天了"): that day's follow-up of the customer moves to `new_day`."""
    cue = _instead(lang)
    if cue is None:
        return None
    for hit in find_dates(text, lang, today):
        if hit.day is not None and hit.day != new_day and cue.search(text[max(0, hit.start - 24):hit.start]):
            return hit.day
    return None


def _channel_and_stage(parse: Parse, note: _Reading, stated: facts.Facts, said: str, times: Timeline) -> bool:
    """How the rep was in touch and the deal's stage; returns whether the customer is a new one."""
    lang, lex, match = note.lang, note.lex, note.match
    cue_work = note.work    # the customer's own name says no channel or stage ("Summit Vale", "Coffee Co", "Won Ton")
    if lang != Lang.ZH and match.name and 0 <= match.start < match.end <= len(cue_work):
        cue_work = cue_work[:match.start] + "_" * (match.end - match.start) + cue_work[match.end:]
    parse.channel = channel(details.blank(cue_work), lex, note.clauses, times.future)   # "her email is …": no touch
    if lang != Lang.ZH and not match.name and parse.customer and not parse.customer_known and len(parse.customer) > 2:
        cue_work = _masked(cue_work, parse.customer)     # a new customer's name too, for who signed with whom
    new_customer = parse.customer is not None and not parse.customer_known
    if parse.channel is None and stated.source:
        how = channel(said, lex, Clauses(said, spaced_words=lang != Lang.ZH), times.future)
        if how == Channel.EMAIL or (how == Channel.MEETING and new_customer):
            parse.channel = how     # "通过商会认识了一家…", "обратились по почте": how they came is this note's touch
    parse.stage = stage(cue_work, lex, note.clauses, new_customer, times.future)
    if parse.stage in _BEFORE_SIGNING and stated.close_on is not None and _signature_ahead(said, stated.spans, lex):
        parse.stage = Stage.NEGOTIATION      # "обещали подписать до конца месяца", "报了两万四 他说可以 下周签"
    if lang == Lang.RU and None in (parse.channel, parse.stage, parse.followup_on):
        at = note.as_typed.find(note.cleaned[match.start:match.end]) if match.start >= 0 else -1
        _english_too(parse, note.as_typed.replace("ё", "е").replace("Ё", "Е"), note.now, note.first_day,
                     new_customer, (at, at + match.end - match.start) if at >= 0 else (-1, -1))
    parse.deal_said = parse.stage is not None     # a stage the words name, not the first contact's default
    parse.new_deal = says_another_deal(cue_work, lang)        # "new order: …", "又下了一单": a deal of its own
    parse.amount_revised = parse.amount is not None and says_revised(cue_work, lang)
    parse.reopens = parse.stage not in (Stage.LOST, Stage.WON) and takes_back_a_loss(cue_work, lang)
    parse.stage_back = parse.stage in OPEN_STAGES and _stage_back(lang).search(note.work) is not None
    if parse.stage == Stage.LOST:
        lost_cue = next(pattern for name, pattern in lex.stages if name == Stage.LOST)
        parse.lost_reason = facts.lost_reason(note.work, lang, lost_cue, parse.customer)
    return new_customer


def _masked(work: str, name: str) -> str:
    """`work` with every place `name` is written (as a whole word, any case) masked as "_"."""
    return re.sub(r"(?<![\w&])" + re.escape(name) + r"(?![\w&])", lambda m: "_" * len(m.group()), work, flags=re.I)


def _intent(parse: Parse, note: _Reading, stated: facts.Facts, new_customer: bool, contact_fact: bool = False) -> None:
    """What the message is: a note, a question, a command (intents.classify over what was read)."""
    match, work = note.match, note.work
    signals = Signals(customer=bool(parse.customer or parse.customer_candidates), known_customer=parse.customer_known,
                      contact=bool(parse.contact), channel=bool(parse.channel), stage=bool(parse.stage),
                      amount=parse.amount is not None or parse.paid is not None or any(r.kind in _REFUSED_AMOUNTS for r in parse.refused),
                      followup=parse.followup_on is not None or any(r.kind in _REFUSED_DAYS for r in parse.refused),
                      birthday=parse.birthday is not None,
                      reachable=bool(parse.contact_phone or parse.contact_email), fact=stated.found or contact_fact,
                      customer_first=0 <= match.start <= 2 if match.name else _first(note.cleaned, parse.customer))
    if note.letter is not None and note.letter.sender:     # "Hi Marina, could you quote …? Thanks, Peter": not the rep asking
        work = note.letter.unsaid(work)
    parse.intent = classify(unquoted(theirs_unasked(_QUOTED_ASK.sub(_unasked, work), note.lang)), note.lex, signals)
    if parse.intent == Intent.LOG and hearsay(work):
        parse.intent = Intent.UNKNOWN          # "听说隔壁组签了…": someone else's news, no note of ours
    if parse.intent == Intent.LOG:
        parse.stage = first_contact(parse.stage, new_customer)
    if match.name and match.start >= 0 and not _WORDY.search(note.cleaned[:match.start] + note.cleaned[match.end:]):
        parse.intent = Intent.QUERY_CUSTOMER   # just a customer's name: "Acme?", "宏图", "Гранит"


_WORDY = re.compile(r"[^\W_]")
_QUOTED_ASK = re.compile(r"«[^«»]*[?？][^«»]*»|“[^“”]*[?？][^“”]*”")


def _unasked(quote: re.Match) -> str:
    """A message pasted in quotes ("fwd: «…can we talk?»") asks nothing of the bot: its question marks
    read as full stops."""
    return quote.group().replace("?", ".").replace("？", "。")


_QUOTED = "\"'“”‘’「」『』《》«»"


def _first(text: str, name: str | None) -> bool:
    """True when the message opens with the name or quotes it: the name is what it is about."""
    if not name:
        return False
    at = text.find(name)
    return 0 <= at <= 2 or (at > 0 and text[at - 1] in _QUOTED)


def _shape(parse: Parse, work: str, lex: Lexicon, today: date, fuzzy: bool) -> None:
    """Keep only the fields that make sense for the intent, and say how sure we are."""
    intent = parse.intent
    if intent != Intent.LOG:
        keep_customer = intent == Intent.QUERY_CUSTOMER
        for name in ("contact", "contact_role", "channel", "stage", "amount", "currency", "followup_on",
                     "followup_what", "followup_at", "birthday", "close_on", "lost_reason", "source",
                     "touch_days"):
            setattr(parse, name, None)
        parse.refused = []
        if not keep_customer:
            parse.customer, parse.customer_known, parse.customer_candidates = None, False, []
        parse.problems = [p for p in parse.problems if p not in ("amount_without_number",)]
    if intent in PERIOD_INTENTS:
        looking_back = lex.looking_back is not None and lex.looking_back.search(work) is not None
        parse.period = period(work, lex, today, days=intent == Intent.FOLLOWUPS,
                              ahead=intent == Intent.PIPELINE and not looking_back,
                              back=intent == Intent.ACTIVITY or looking_back)
    if intent == Intent.LOG:
        parse.refers_back = lex.refer_back.search(work) is not None   # a word that points back ("them"); naming
        # no customer is not one: the resolver takes the last note's customer only when no other company is named
    confidence = {Intent.UNKNOWN: 0.2, Intent.HELP: 0.9}.get(intent, 0.85)
    if parse.customer_candidates and parse.customer is None:
        confidence -= 0.25
    elif parse.customer and not parse.customer_known:
        confidence -= 0.2
    elif fuzzy:
        confidence -= 0.05
    if intent == Intent.LOG and parse.customer is None and not parse.customer_candidates:
        confidence -= 0.15
    if parse.problems:
        confidence -= 0.1
    parse.confidence = round(max(0.05, min(1.0, confidence)), 2)


def _english_too(parse: Parse, work: str, now: datetime, first_day: bool, new_customer: bool,
                 name: tuple[int, int]) -> None:
    """What the English words of a Russian note say fills what its Russian words left empty (mixed.py);
    `work` is the note as typed, its English days not yet read in Russian."""
    english = mixed.read(work, now.date(), now.time(), first_day, new_customer, name)
    if english is None:
        return
    parse.channel = parse.channel or english.channel
    parse.stage = parse.stage or english.stage
    if parse.followup_on is None and english.followup_on is not None:
        parse.followup_on = english.followup_on


_AHEAD_REACH = 30      # characters before a close date's words a signature-ahead cue may start


_BEFORE_SIGNING = (None, Stage.LEAD, Stage.QUALIFIED, Stage.PROPOSAL)   # a signature ahead is past these


def _signature_ahead(text: str, spans: list[tuple[int, int]], lex: Lexicon) -> bool:
    """True when a close date is said as a signature still ahead ("will sign by the 15th", "обещали
    подписать до конца месяца"): the deal is in negotiation, though the date is the deal's, no step."""
    if lex.signature_ahead is None:
        return False
    return any(m.end() > start for start, end in spans                  # "будет | подписан на след. неделе"
               for m in lex.signature_ahead.finditer(text, max(0, start - _AHEAD_REACH), end))
