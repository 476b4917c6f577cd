"""Everything the bot says, in English, Chinese and Russian, and how it writes money and days."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date

from handlers.money_text import money  # noqa: F401  (every reply writes money one way)

_LOCALE = {"en": "en_US", "zh": "zh_CN", "ru": "ru_RU"}

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "recorded": "Recorded for {customer}:",
        "nothing_new": "Nothing new to record for {customer}: it was all known already.",
        "new_customer": "new customer {customer}",
        "interaction": "{channel} logged",
        "contact_new": "new contact {contact}",
        "contact_updated": "contact {contact} updated",
        "deal_new": "new deal: {stage}{amount}",
        "deal_stage": "deal moved: {old} → {new}",
        "deal_amount": "deal amount: {amount}",
        "followup": "follow-up on {day}: {what}",
        "followup_day": "follow-up on {day}",
        "birthday": "{contact}'s birthday: {day}",
        "context_used": "(I took {customer} from your last note; say undo if that's wrong.)",
        "undo_hint": "Say undo to take it back.",
        "undo_button": "Undo",
        "undone": "Undone: your note about {customer} ({count} changes taken back).",
        "nothing_to_undo": "There is nothing of yours to undo.",
        "already_undone": "Your note about {customer} was already undone.",
        "undo_changed": "I can't undo your note about {customer}: {thing} was changed since.",
        "undo_erased": "I can't undo your note about {customer}: {thing} was erased since.",
        "undo_used": "I can't undo your note about {customer}: a later note uses {thing}.",
        "undo_by": "(By {who}: “{text}”.)",
        "undo_by_you": "you",
        "undo_that_first": "Undo that note first.",
        "undo_kept": "Nothing was undone.",
        "undo_thing.customer": "customer {name}", "undo_thing.contact": "contact {name}",
        "undo_thing.deal": "the deal with {name}", "undo_thing.followup": "the follow-up “{name}”",
        "undo_thing.inquiry": "complaint or inquiry #{id}", "undo_thing.interaction": "the interaction with {name}",
        "undo_thing.stagechange": "the deal's stage history", "undo_thing.customeralias": "a name of {name}",
        "which_customer": "Which customer do you mean? Reply with a number:",
        "who_is_it": "Which customer is this about? Name the company and send it again; nothing was recorded.",
        "unknown_customer": "I don't know a customer called “{name}” yet. Log a note about them to add them.",
        "card_title": "{customer}",
        "card_contacts": "Contacts:",
        "card_deals": "Open deals:",
        "card_closed": "Closed deals:",
        "card_interactions": "Last interactions:",
        "card_next": "Next follow-up: {day}: {what}",
        "card_no_next": "No follow-up planned.",
        "card_empty": "Nothing logged yet.",
        "due_title": "Your follow-ups up to {day}:",
        "due_period": "Your follow-ups, {period}:",
        "due_none": "Nothing due. 🎉",
        "due_overdue": "overdue",
        "due_hint": "Say “done 1” to mark one done.",
        "done": "Done: {customer}: {what}.",
        "snoozed": "Snoozed: {customer}: {what} — now due {day}.",
        "done_which": "Which one? Ask for your follow-ups first, then say “done 1”.",
        "pipeline_title": "Pipeline {start} – {end}:",
        "pipeline_total": "Total: {count} deals, {amount} (weighted {weighted})",
        "pipeline_undated": "of which without a close date: {count}, {amount}",
        "pipeline_empty": "No open deals in this period.",
        "activity_title": "Team activity {start} – {end}:",
        "activity_none": "No interactions logged in this period.",
        "help": ("I keep your customer notes. Just write what happened, for example:\n"
                 "• Visited Globex, met Maria (CFO). Sent the quote for $42k. Follow up Friday.\n"
                 "• Called Acme, they signed! $18,500\n"
                 "• what do we know about Globex\n"
                 "• my follow-ups today · done 1\n"
                 "• pipeline this month · what did the team do this week\n"
                 "• undo: takes back your last note"),
        "empty": "Your message was empty. Write what happened at a customer, or ask “help”.",
        "too_long": "That message is too long ({size} characters; the limit is {limit}). Nothing was recorded; please send it in shorter parts.",
        "binary": "I can only read text here. Nothing was recorded.",
        "bad_date": "I couldn't read a date in that message (is it a real day?). Nothing was recorded; please send it again with a valid date.",
        "bad_amount": "I see a currency but no number for the amount. Nothing was recorded; please send it again with the amount.",
        "voice_needs_llm": "Voice notes need an LLM configured for transcription; please type the note for now.",
        "queued": "Got it. The store is unreachable for a moment: your message is queued and will be recorded as soon as it is back; I'll confirm then.",
        "error": "Something went wrong on my side and nothing was recorded. Please try again in a moment.",
        "stranger": "Sorry, this bot is for members of a sales team. Ask your admin for an invite.",
        "channel.visit": "visit", "channel.call": "call", "channel.meeting": "meeting",
        "channel.email": "email", "channel.message": "message",
        "stage.lead": "lead", "stage.qualified": "qualified", "stage.proposal": "proposal",
        "stage.negotiation": "negotiation", "stage.won": "won", "stage.lost": "lost",
    },
    "zh": {
        "recorded": "已记录（{customer}）：",
        "nothing_new": "{customer}：没有新的内容需要记录。",
        "new_customer": "新客户 {customer}",
        "interaction": "已记录{channel}",
        "contact_new": "新联系人 {contact}",
        "contact_updated": "已更新联系人 {contact}",
        "deal_new": "新商机：{stage}{amount}",
        "deal_stage": "商机阶段：{old} → {new}",
        "deal_amount": "商机金额：{amount}",
        "followup": "跟进日期 {day}：{what}",
        "followup_day": "跟进日期 {day}",
        "birthday": "{contact}的生日：{day}",
        "context_used": "（客户沿用你上一条记录的 {customer}；如不对请回复“撤销”。）",
        "undo_hint": "回复“撤销”可以撤回。",
        "undo_button": "撤销",
        "undone": "已撤销：关于 {customer} 的记录（撤回 {count} 项更改）。",
        "nothing_to_undo": "没有可以撤销的记录。",
        "already_undone": "关于 {customer} 的记录已经撤销过了。",
        "undo_changed": "无法撤销关于 {customer} 的记录：{thing}之后已被修改。",
        "undo_erased": "无法撤销关于 {customer} 的记录：{thing}之后已被删除。",
        "undo_used": "无法撤销关于 {customer} 的记录：之后的记录用到了{thing}。",
        "undo_by": "（{who}：“{text}”）",
        "undo_by_you": "你",
        "undo_that_first": "请先撤销那条记录。",
        "undo_kept": "没有撤销任何内容。",
        "undo_thing.customer": "客户 {name} ", "undo_thing.contact": "联系人 {name} ",
        "undo_thing.deal": "与 {name} 的商机", "undo_thing.followup": "跟进“{name}”",
        "undo_thing.inquiry": "投诉/咨询 #{id} ", "undo_thing.interaction": "与 {name} 的互动",
        "undo_thing.stagechange": "商机阶段记录", "undo_thing.customeralias": "{name} 的别名",
        "which_customer": "你指的是哪个客户？请回复编号：",
        "who_is_it": "这条记录是关于哪个客户的？请写上公司名称再发一次；本条未记录。",
        "unknown_customer": "还没有名为“{name}”的客户。记录一次拜访即可添加。",
        "card_title": "{customer}",
        "card_contacts": "联系人：",
        "card_deals": "进行中的商机：",
        "card_closed": "已结束的商机：",
        "card_interactions": "最近的互动：",
        "card_next": "下次跟进：{day}：{what}",
        "card_no_next": "暂无跟进计划。",
        "card_empty": "暂无记录。",
        "due_title": "截至 {day} 你要跟进的客户：",
        "due_period": "你在 {period} 要跟进的客户：",
        "due_none": "没有待办的跟进。🎉",
        "due_overdue": "已逾期",
        "due_hint": "回复“完成 1”标记完成。",
        "done": "已完成：{customer}：{what}。",
        "snoozed": "已推迟：{customer}：{what}，新的跟进日期 {day}。",
        "done_which": "是哪一条？请先查看跟进列表，再回复“完成 1”。",
        "pipeline_title": "销售漏斗 {start} – {end}：",
        "pipeline_total": "合计：{count} 个商机，{amount}（加权 {weighted}）",
        "pipeline_undated": "其中未定成交日期：{count} 个，{amount}",
        "pipeline_empty": "这段时间没有进行中的商机。",
        "activity_title": "团队活动 {start} – {end}：",
        "activity_none": "这段时间没有记录的客户互动。",
        "help": ("我帮你记录客户跟进。直接写发生了什么，例如：\n"
                 "• 拜访了星辰科技，见了王总，报价12万，下周二跟进\n"
                 "• 星辰科技的情况\n"
                 "• 今天要跟进哪些客户 · 完成 1\n"
                 "• 本月销售漏斗 · 这周团队做了什么\n"
                 "• 撤销：撤回你的上一条记录"),
        "empty": "消息是空的。写下客户那边发生了什么，或者发送“帮助”。",
        "too_long": "消息太长了（{size} 个字符，上限 {limit}）。本条未记录，请分几次发送。",
        "binary": "这里只能读取文字。本条未记录。",
        "bad_date": "消息里的日期无法识别（这一天存在吗？）。本条未记录，请改正日期后再发一次。",
        "bad_amount": "看到了货币符号但没有金额数字。本条未记录，请写上金额再发一次。",
        "voice_needs_llm": "语音消息需要配置 LLM 才能转写，请先用文字发送。",
        "queued": "收到。数据库暂时无法连接：你的消息已排队，恢复后会立即记录，届时我会确认。",
        "error": "系统出了点问题，本条未记录。请稍后再试。",
        "stranger": "抱歉，这个机器人只对销售团队成员开放。请向管理员索取邀请码。",
        "channel.visit": "拜访", "channel.call": "电话", "channel.meeting": "会面",
        "channel.email": "邮件", "channel.message": "消息",
        "stage.lead": "线索", "stage.qualified": "已确认需求", "stage.proposal": "已报价",
        "stage.negotiation": "谈判中", "stage.won": "已成交", "stage.lost": "已丢单",
    },
    "ru": {
        "recorded": "Записал по {customer}:",
        "nothing_new": "По {customer} нового нечего записать: всё уже известно.",
        "new_customer": "новый клиент {customer}",
        "interaction": "{channel}: записано",
        "contact_new": "новый контакт {contact}",
        "contact_updated": "контакт {contact} обновлён",
        "deal_new": "новая сделка: {stage}{amount}",
        "deal_stage": "сделка: {old} → {new}",
        "deal_amount": "сумма сделки: {amount}",
        "followup": "напоминание на {day}: {what}",
        "followup_day": "напоминание на {day}",
        "birthday": "день рождения {contact}: {day}",
        "context_used": "(Клиента взял из вашей прошлой записи — {customer}; если не так, напишите «отмена».)",
        "undo_hint": "Напишите «отмена», чтобы отменить.",
        "undo_button": "Отменить",
        "undone": "Отменено: запись по {customer} ({count} изменений отменено).",
        "nothing_to_undo": "Нечего отменять.",
        "already_undone": "Запись по {customer} уже отменена.",
        "undo_changed": "Не могу отменить запись по {customer}: после неё изменено — {thing}.",
        "undo_erased": "Не могу отменить запись по {customer}: после неё удалено — {thing}.",
        "undo_used": "Не могу отменить запись по {customer}: на неё опирается более поздняя запись — {thing}.",
        "undo_by": "(Автор: {who}, «{text}».)",
        "undo_by_you": "вы",
        "undo_that_first": "Сначала отмените ту запись.",
        "undo_kept": "Ничего не отменено.",
        "undo_thing.customer": "клиент {name}", "undo_thing.contact": "контакт {name}",
        "undo_thing.deal": "сделка с {name}", "undo_thing.followup": "напоминание «{name}»",
        "undo_thing.inquiry": "обращение №{id}", "undo_thing.interaction": "запись о контакте с {name}",
        "undo_thing.stagechange": "история этапов сделки", "undo_thing.customeralias": "другое название {name}",
        "which_customer": "Какого клиента вы имеете в виду? Ответьте номером:",
        "who_is_it": "О каком клиенте речь? Назовите компанию и отправьте ещё раз; ничего не записано.",
        "unknown_customer": "Клиента «{name}» пока нет. Запишите визит или звонок — и он появится.",
        "card_title": "{customer}",
        "card_contacts": "Контакты:",
        "card_deals": "Открытые сделки:",
        "card_closed": "Закрытые сделки:",
        "card_interactions": "Последние контакты:",
        "card_next": "Следующий шаг: {day}: {what}",
        "card_no_next": "Следующий шаг не запланирован.",
        "card_empty": "Пока ничего не записано.",
        "due_title": "Ваши напоминания по {day}:",
        "due_period": "Ваши напоминания, {period}:",
        "due_none": "Ничего не запланировано. 🎉",
        "due_overdue": "просрочено",
        "due_hint": "Напишите «готово 1», чтобы отметить выполненным.",
        "done": "Готово: {customer}: {what}.",
        "snoozed": "Отложено: {customer}: {what} — теперь на {day}.",
        "done_which": "Какое именно? Сначала запросите список напоминаний, потом напишите «готово 1».",
        "pipeline_title": "Воронка {start} – {end}:",
        "pipeline_total": "Итого: {count} сделок, {amount} (взвешенно {weighted})",
        "pipeline_undated": "из них без даты закрытия: {count}, {amount}",
        "pipeline_empty": "Открытых сделок в этом периоде нет.",
        "activity_title": "Активность команды {start} – {end}:",
        "activity_none": "За этот период контактов с клиентами не записано.",
        "help": ("Я веду ваши записи по клиентам. Просто напишите, что было, например:\n"
                 "• Был у Вектора, отправил КП на 1,2 млн, созвонимся в пятницу\n"
                 "• что по Вектору?\n"
                 "• мои напоминания на сегодня · готово 1\n"
                 "• воронка на этот месяц · что команда сделала за неделю\n"
                 "• отмена — отменить последнюю запись"),
        "empty": "Сообщение пустое. Напишите, что было у клиента, или «помощь».",
        "too_long": "Сообщение слишком длинное ({size} символов, предел {limit}). Ничего не записано; отправьте его частями.",
        "binary": "Здесь я читаю только текст. Ничего не записано.",
        "bad_date": "Не смог понять дату в сообщении (такой день существует?). Ничего не записано; отправьте ещё раз с верной датой.",
        "bad_amount": "Вижу валюту, но не вижу суммы. Ничего не записано; отправьте ещё раз с суммой.",
        "voice_needs_llm": "Для голосовых сообщений нужна настроенная LLM; пока напишите текстом.",
        "queued": "Принято. Хранилище на минуту недоступно: сообщение в очереди и будет записано, как только оно вернётся; я подтвержу.",
        "error": "У меня что-то сломалось, ничего не записано. Попробуйте ещё раз чуть позже.",
        "stranger": "Извините, этот бот только для сотрудников отдела продаж. Попросите у администратора приглашение.",
        "channel.visit": "визит", "channel.call": "звонок", "channel.meeting": "встреча",
        "channel.email": "письмо", "channel.message": "сообщение",
        "stage.lead": "лид", "stage.qualified": "квалифицирована", "stage.proposal": "КП отправлено",
        "stage.negotiation": "переговоры", "stage.won": "выиграна", "stage.lost": "проиграна",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """The text `key` in `lang` (English when missing), filled with `values`."""
    table = TEXTS.get(lang, TEXTS["en"])
    template = table.get(key) or TEXTS["en"][key]
    return template.format(**values) if values else template


@lru_cache(maxsize=2048)
def day(value: date, lang: str) -> str:
    """A day written for people: "Fri, Nov 27", "11月27日周五", "пт, 27 нояб."."""
    patterns = {"en": "EEE, MMM d", "zh": "M月d日EEE", "ru": "EEE, d MMM"}
    return format_date(value, patterns.get(lang, "EEE, MMM d"), locale=_LOCALE.get(lang, "en_US"))


def day_range(start: date, end: date, lang: str) -> str:
    """A period written for people: "Nov 1 – 30, 2026", "2026年11月1日 – 30日", "1–30 нояб. 2026 г."."""
    from babel.dates import format_interval

    skeleton = "yMMMd"
    return format_interval(start, end, skeleton, locale=_LOCALE.get(lang, "en_US"))


def month_day(mm_dd: str, lang: str) -> str:
    """A birthday "MM-DD" written for people."""
    month, dom = (int(p) for p in mm_dd.split("-"))
    patterns = {"en": "MMMM d", "zh": "M月d日", "ru": "d MMMM"}
    return format_date(date(2000, month, dom), patterns.get(lang, "MMMM d"), locale=_LOCALE.get(lang, "en_US"))
