"""What the scheduler says, in English, Chinese and Russian (money and days as the handlers write them)."""
from __future__ import annotations

from handlers.texts import day, money  # noqa: F401  (re-exported for the rules)

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "followup": "⏰ Follow-up today with {customer}: {what}",
        "followup_overdue": "⚠️ Overdue since {due}: {customer}: {what}",
        "followup_last": "Last contact {when}: {text}",
        "followup_never": "No interaction logged yet.",
        "birthday": "🎂 {contact} ({customer}) has a birthday today. A good day to congratulate them.",
        "anniversary": ("🎉 {years} year(s) ago today {customer} signed {deal}{amount}. "
                        "Thank them, and see whether it is time for a renewal."),
        "stale_deal": "💤 The deal with {customer} ({stage}{amount}) has been quiet for {days} days.",
        "stay_in_touch": ("👋 Time to get in touch with {customer}: last contact {days} days ago "
                          "(you keep in touch every {cadence} days)."),
        "stay_in_touch_never": ("👋 Time to get in touch with {customer}: nothing logged yet "
                                "(you keep in touch every {cadence} days)."),
        "morning": "☀️ Good morning, {name}! For today, {day}:",
        "weekly": "📊 Weekly digest, {start} – {end}",
        "weekly_pipeline": "Pipeline this week: {count} open deals, {amount} (weighted {weighted})",
        "weekly_undated": "of which without a close date: {count}",
        "weekly_pipeline_mixed": "Pipeline this week:",
        "weekly_activity": "The team last week ({start} – {end}):",
        "weekly_activity_row": "• {member}: {count} interactions",
        "weekly_no_activity": "No interactions were logged last week.",
        "line_birthday": "🎂 {contact} ({customer}): birthday today",
        "line_anniversary": "🎉 {customer}: {years} year(s) since {deal} was won",
        "line_stale": "💤 {customer}: deal quiet for {days} days",
        "line_stay": "👋 {customer}: last contact {days} days ago",
        "btn_done": "✅ Done", "btn_snooze_day": "💤 1 day", "btn_snooze_week": "💤 1 week",
        "btn_open": "📇 Open",
    },
    "zh": {
        "followup": "⏰ 今天要跟进 {customer}：{what}",
        "followup_overdue": "⚠️ 已逾期（应于 {due}）：{customer}：{what}",
        "followup_last": "上次联系 {when}：{text}",
        "followup_never": "还没有互动记录。",
        "birthday": "🎂 今天是 {contact}（{customer}）的生日，记得送上祝福。",
        "anniversary": "🎉 {years} 年前的今天，{customer} 签下了 {deal}{amount}。表示感谢，看看是否到了续约的时候。",
        "stale_deal": "💤 与 {customer} 的商机（{stage}{amount}）已经 {days} 天没有互动了。",
        "stay_in_touch": "👋 该联系 {customer} 了：上次联系是 {days} 天前（约定每 {cadence} 天联系一次）。",
        "stay_in_touch_never": "👋 该联系 {customer} 了：还没有互动记录（约定每 {cadence} 天联系一次）。",
        "morning": "☀️ {name}，早上好！今天（{day}）：",
        "weekly": "📊 每周简报 {start} – {end}",
        "weekly_pipeline": "本周销售漏斗：{count} 个进行中的商机，{amount}（加权 {weighted}）",
        "weekly_undated": "其中未定成交日期：{count} 个",
        "weekly_pipeline_mixed": "本周销售漏斗：",
        "weekly_activity": "上周团队活动（{start} – {end}）：",
        "weekly_activity_row": "• {member}：{count} 次互动",
        "weekly_no_activity": "上周没有记录的客户互动。",
        "line_birthday": "🎂 {contact}（{customer}）今天生日",
        "line_anniversary": "🎉 {customer}：{deal} 成交 {years} 周年",
        "line_stale": "💤 {customer}：商机 {days} 天没有互动",
        "line_stay": "👋 {customer}：上次联系是 {days} 天前",
        "btn_done": "✅ 完成", "btn_snooze_day": "💤 明天", "btn_snooze_week": "💤 下周",
        "btn_open": "📇 查看",
    },
    "ru": {
        "followup": "⏰ Сегодня напоминание по {customer}: {what}",
        "followup_overdue": "⚠️ Просрочено с {due}: {customer}: {what}",
        "followup_last": "Последний контакт {when}: {text}",
        "followup_never": "Взаимодействий ещё не было.",
        "birthday": "🎂 Сегодня день рождения у {contact} ({customer}). Хороший повод поздравить.",
        "anniversary": ("🎉 Лет с подписания: {years}. Сегодня годовщина сделки {customer}: {deal}{amount}. "
                        "Поблагодарите клиента и узнайте про продление."),
        "stale_deal": "💤 По сделке с {customer} ({stage}{amount}) нет движения уже {days} дн.",
        "stay_in_touch": ("👋 Пора связаться с {customer}: последний контакт {days} дн. назад "
                          "(договорились раз в {cadence} дн.)."),
        "stay_in_touch_never": ("👋 Пора связаться с {customer}: контактов ещё не было "
                                "(договорились раз в {cadence} дн.)."),
        "morning": "☀️ Доброе утро, {name}! На сегодня, {day}:",
        "weekly": "📊 Сводка за неделю, {start} – {end}",
        "weekly_pipeline": "Воронка на неделю: открытых сделок {count}, {amount} (взвешенно {weighted})",
        "weekly_undated": "из них без даты закрытия: {count}",
        "weekly_pipeline_mixed": "Воронка на неделю:",
        "weekly_activity": "Команда на прошлой неделе ({start} – {end}):",
        "weekly_activity_row": "• {member}: взаимодействий {count}",
        "weekly_no_activity": "На прошлой неделе взаимодействий не записано.",
        "line_birthday": "🎂 {contact} ({customer}): день рождения",
        "line_anniversary": "🎉 {customer}: годовщина сделки {deal} (лет: {years})",
        "line_stale": "💤 {customer}: сделка без движения {days} дн.",
        "line_stay": "👋 {customer}: последний контакт {days} дн. назад",
        "btn_done": "✅ Готово", "btn_snooze_day": "💤 На день", "btn_snooze_week": "💤 На неделю",
        "btn_open": "📇 Открыть",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """The text `key` in `lang` (English when missing), filled with `values`."""
    table = TEXTS.get(lang, TEXTS["en"])
    template = table.get(key) or TEXTS["en"][key]
    return template.format(**values) if values else template


def stage_name(stage: str, lang: str) -> str:
    """A deal stage in the member's language, as the handlers name it."""
    from handlers.texts import t as handler_t

    try:
        return handler_t(lang, f"stage.{stage}")
    except KeyError:
        return stage


def short(text: str | None, limit: int = 100) -> str:
    """A one-line excerpt of `text`."""
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
