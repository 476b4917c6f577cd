"""A business card photographed: the contact is shown for confirmation, saved only on "Save"."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.log_note import handle_log
from handlers.reply import Choice, Reply
from handlers.resolve import state_of
from handlers.understanding.model import Parse
from storage.vocabulary import Intent

TEXTS = {
    "en": {"propose": "From the card:\n{summary}\nSave {contact} as a contact at {company}?",
           "save": "Save", "cancel": "Cancel", "cancelled": "Not saved.",
           "unreadable": "I couldn't read a name or a company on that picture. Nothing was saved.",
           "needs_llm": "Pictures of business cards need an LLM configured; please type the contact for now.",
           "none": "There is no card waiting to be saved."},
    "zh": {"propose": "名片内容：\n{summary}\n把 {contact} 保存为 {company} 的联系人吗？",
           "save": "保存", "cancel": "取消", "cancelled": "未保存。",
           "unreadable": "这张图片里没有识别出姓名或公司，未保存。",
           "needs_llm": "识别名片需要配置 LLM，请先用文字发送联系人信息。",
           "none": "没有等待保存的名片。"},
    "ru": {"propose": "С визитки:\n{summary}\nСохранить {contact} как контакт в {company}?",
           "save": "Сохранить", "cancel": "Отмена", "cancelled": "Не сохранено.",
           "unreadable": "Не удалось прочитать имя или компанию на снимке. Ничего не сохранено.",
           "needs_llm": "Для визиток нужна настроенная LLM; пока напишите контакт текстом.",
           "none": "Нет визитки, ожидающей сохранения."},
}
FIELDS = ("lang", "customer", "contact", "contact_role", "contact_phone", "contact_email", "summary")


def card_text(lang: str, key: str, **values: str) -> str:
    """A text of the card flow in `lang`."""
    return TEXTS.get(lang, TEXTS["en"])[key].format(**values)


def propose(ctx: Ctx, card: Parse | None) -> Reply:
    """Show what the card says and keep it until the member presses Save or Cancel."""
    lang = ctx.lang
    if card is None:
        return Reply(text=card_text(lang, "unreadable"), lang=lang)
    state = state_of(ctx)
    state.pending = {"kind": "card", "card": {name: getattr(card, name) for name in FIELDS}}
    ctx.session.add(state)
    text = card_text(lang, "propose", summary=card.summary or "", contact=card.contact or "?",
                     company=card.customer or "?")
    return Reply(text=text, lang=lang, choices=[Choice(card_text(lang, "save"), "card:save"),
                                                Choice(card_text(lang, "cancel"), "card:cancel")])


async def handle_card(parse: Parse, ctx: Ctx) -> Reply:
    """Save (as a note, undoable like any other) or drop the card waiting for confirmation."""
    state = state_of(ctx)
    pending = state.pending or {}
    if pending.get("kind") != "card":
        return Reply(text=card_text(ctx.lang, "none"), lang=ctx.lang)
    state.pending = None
    ctx.session.add(state)
    if ctx.pressed.card != "save":
        return Reply(text=card_text(ctx.lang, "cancelled"), lang=ctx.lang)
    card = Parse(intent=Intent.LOG, **{k: v for k, v in pending["card"].items() if k in FIELDS})
    card.lang = ctx.lang
    ctx.text = card.summary or ""
    return await handle_log(card, ctx)
