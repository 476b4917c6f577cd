"""Look-ups asked in chat: a contact by name or phone, customers by a trait; a short list with a
button to open each card (`open:<id>`). Only the sender's team; every role may read customers
(docs/permissions.md)."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.labels import source_label
from handlers.reply import Choice, Reply
from handlers.reports import handle_report
from handlers.texts import t
from handlers.understanding.model import Parse, SearchKind
from handlers.understanding.search_words import name_forms, sources_named, variants
from storage.search import ContactHit, contacts_by_phone, contacts_named, customers_with
from storage.vocabulary import Lang, ReportKind

SHOWN = 8                # rows listed, each with its button


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
        names, prefixes = name_forms(search.words)
        hits = contacts_named(ctx.session, team_id, names, prefixes)
    return _contacts_reply(search.words, hits, ctx.lang)


async def _customers(words: str, otherwise: ReportKind | None, parse: Parse, ctx: Ctx, team_id: int) -> Reply:
    """The customers with the trait; none, the report the words name too, when they name one."""
    sources = sources_named(words)
    hits, total = customers_with(ctx.session, team_id, [] if sources else variants(words), sources, SHOWN)
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
