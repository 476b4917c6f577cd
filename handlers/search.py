"""Look-ups asked in chat: a contact by name or phone, customers by a trait; a short list with a
button to open each card (`open:<id>`). Only the sender's team; every role may read customers
(docs/permissions.md)."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.labels import source_label
from handlers.reply import Choice, Reply
from handlers.reports import handle_report
from handlers.texts import t
from handlers.understanding.languages import registered
from handlers.understanding.languages import zh as zh_cues
from handlers.understanding.model import Parse, SearchKind
from storage.search import ContactHit, contacts_by_phone, contacts_named, customers_with
from storage.vocabulary import Lang, LeadSource, ReportKind

SHOWN = 8                # rows listed, each with its button
_RU_ENDING = re.compile(r"(?:ами|ями|ого|его|ому|ему|ой|ей|ом|ем|ах|ях|ов|ев|[аеиоуыэюяь])$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an|our|my)\s+", re.IGNORECASE)
_ZH_TITLES = tuple(sorted(zh_cues.TITLES, key=len, reverse=True))


async def handle_search(parse: Parse, ctx: Ctx) -> Reply:
    """The contacts or customers the question looks for, listed with buttons to open their cards."""
    search = parse.search
    assert search is not None
    team_id = ctx.team.id
    assert team_id is not None
    if search.kind == SearchKind.CUSTOMERS:
        return await _customers(search.words, search.otherwise, parse, ctx, team_id)
    if search.kind == SearchKind.PHONE:
        hits = contacts_by_phone(ctx.session, team_id, search.words)
    else:
        names, prefixes = _name_forms(search.words)
        hits = contacts_named(ctx.session, team_id, names, prefixes)
    return _contacts_reply(search.words, hits, ctx.lang)


def _variants(word: str) -> list[str]:
    """A word as written, and its stem when it is inflected ("Казани" -> "Казан", "Ольги" -> "Ольг")."""
    word = _ARTICLE.sub("", word.strip())
    forms = [word]
    stem = _RU_ENDING.sub("", word)
    if re.search("[а-яё]", word, re.IGNORECASE) and stem != word and len(stem) >= 3:
        forms += [stem, stem.lower(), stem[:1].upper() + stem[1:]]
    forms += [word.lower(), word[:1].upper() + word[1:]]
    return list(dict.fromkeys(f for f in forms if f))


def _name_forms(who: str) -> tuple[list[str], list[str]]:
    """The name as written and its stems; a Chinese surname said with a title ("王总") as a prefix."""
    prefixes = [who[:-len(title)] for title in _ZH_TITLES if who.endswith(title) and len(who) > len(title)][:1]
    return _variants(who), prefixes


def _sources(words: str) -> list[str]:
    """The lead sources a trait names in any language ("the trade show", "展会", "выставки")."""
    found = []
    for module in registered():
        for value, phrases in module.SOURCES.items():
            if any(re.fullmatch(f"(?:{p})", words.strip(), re.IGNORECASE) or
                   re.search(f"(?:{p})", words, re.IGNORECASE) for p in phrases):
                found.append(LeadSource(value).value)
    return list(dict.fromkeys(found))


async def _customers(words: str, otherwise: ReportKind | None, parse: Parse, ctx: Ctx, team_id: int) -> Reply:
    """The customers with the trait; none, the report the words name too, when they name one."""
    sources = _sources(words)
    hits, total = customers_with(ctx.session, team_id, [] if sources else _variants(words), sources, SHOWN)
    if not hits:
        if otherwise is not None:        # "VIP customers" with no such segment: the top customers' VIPs
            return await handle_report(otherwise, parse, ctx)
        return Reply(text=t(ctx.lang, "search_customers_none", words=words), lang=ctx.lang)
    lines = [t(ctx.lang, "search_customers", words=words, count=total)]
    for n, hit in enumerate(hits, 1):
        about = [part for part in (hit.segment, source_label(hit.source, ctx.lang) if hit.source else None) if part]
        lines.append(f"{n}. {hit.name}" + (" · " + " · ".join(about) if about else ""))
    if total > len(hits):
        lines.append(t(ctx.lang, "search_more", more=total - len(hits)))
    return Reply(text="\n".join(lines), lang=ctx.lang,
                 choices=[Choice(label=hit.name[:40], data=f"open:{hit.id}") for hit in hits])


def _contacts_reply(words: str, hits: list[ContactHit], lang: Lang | str) -> Reply:
    if not hits:
        return Reply(text=t(lang, "search_contacts_none", words=words), lang=lang)
    shown = hits[:SHOWN]
    lines = [t(lang, "search_contacts", words=words, count=len(hits))]
    for n, hit in enumerate(shown, 1):
        reach = " · ".join(part for part in (f"📞 {hit.phone}" if hit.phone else None,
                                             f"✉ {hit.email}" if hit.email else None) if part)
        role = f" ({hit.role})" if hit.role else ""
        lines.append(f"{n}. {hit.name}{role} — {hit.customer}" + (f" · {reach}" if reach else ""))
    if len(hits) > len(shown):
        lines.append(t(lang, "search_more", more=len(hits) - len(shown)))
    return Reply(text="\n".join(lines), lang=lang,
                 choices=[Choice(label=f"{hit.name} · {hit.customer}"[:40], data=f"open:{hit.customer_id}")
                          for hit in shown])
