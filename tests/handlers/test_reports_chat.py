"""Managers ask in chat, in English, Chinese and Russian, and get the right report, with a chart."""
from __future__ import annotations

import pytest

from handlers.understanding.report_words import report_kind
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)

PNG = b"\x89PNG\r\n\x1a\n"


async def _seed(bot):
    for note in ("Visited Globex, sent the quote for $42k, they want delivery by Friday",
                 "Called Acme, they signed! $18,500",
                 "Met Initech, new lead, budget 5000 USD",
                 "拜访了星辰科技，报价12万",
                 "Был в Векторе, отправил КП на 1,2 млн рублей"):
        reply = await bot.say(note)
        assert reply.wrote, reply.text


@pytest.mark.parametrize("question, expected", [
    ("pipeline this month", "Pipeline"),
    ("本月销售漏斗", "销售漏斗"),
    ("воронка на этот месяц", "Воронка"),
    ("how's our forecast looking this quarter?", "Forecast"),
    ("本季度销售预测", "销售预测"),
    ("прогноз продаж на квартал", "Прогноз"),
    ("conversion rate this quarter", "Funnel conversion"),
    ("本季度转化率", "转化漏斗"),
    ("конверсия за квартал", "Конверсия воронки"),
    ("what did the team do this week", "Team activity"),
    ("这周团队做了什么", "团队活动"),
    ("что команда сделала за неделю", "Активность команды"),
    ("lead sources this quarter", "Lead sources"),
    ("客户来源分析", "客户来源"),
    ("источники клиентов", "Источники клиентов"),
    ("top customers this year", "Top customers"),
    ("最大的客户", "客户收入排名"),
    ("топ клиентов", "Топ клиентов"),
    ("quiet deals", "uiet deals"),
    ("沉寂的商机", "沉寂商机"),
    ("зависшие сделки", "Зависших сделок нет"),
    ("overdue follow-ups", "No overdue follow-ups"),
    ("просроченные задачи", "Просроченных задач нет"),
    ("complaints", "No open inquiries or complaints"),
    ("客户投诉", "没有未处理的咨询或投诉"),
    ("жалобы клиентов", "Открытых обращений и жалоб нет"),
])
async def test_questions_in_three_languages_get_the_right_report(bot, question, expected):
    await _seed(bot)
    reply = await bot.say(question)
    assert expected in reply.text, reply.text


async def test_pipeline_funnel_and_activity_come_with_a_png_chart_and_complete_text(bot):
    await _seed(bot)
    pipeline = await bot.say("pipeline this month")
    assert pipeline.image and pipeline.image.startswith(PNG) and 2_000 < len(pipeline.image) < 500_000
    assert "• USD: 2 deals, $47,000" in pipeline.text               # the text stands without the picture
    activity = await bot.say("what did the team do this week")
    assert activity.image and activity.image.startswith(PNG) and "Anna: 5" in activity.text
    funnel = await bot.say("win rate this quarter")
    assert funnel.image and funnel.image.startswith(PNG) and "5 deals entered" in funnel.text
    forecast = await bot.say("forecast this quarter")
    assert "Won so far: $18,500 (1 deal)" in forecast.text


async def test_mixed_currencies_without_a_rate_are_reported_apart(bot):
    await _seed(bot)
    reply = await bot.say("pipeline this month")
    assert "CN¥120,000" in reply.text and "RUB" in reply.text      # each currency on its own line
    assert "$47,000" in reply.text                                 # dollars only: 42,000 + 5,000
    forecast = await bot.say("forecast this quarter")
    assert "No rate from CNY to USD" in forecast.text and "No rate from RUB to USD" in forecast.text


def test_keywords_pick_reports():
    assert report_kind("funnel this month") is None               # "funnel" alone: the pipeline by stage
    assert report_kind("funnel conversion this quarter") == "funnel"


@pytest.mark.parametrize("question", ["pipeline this month", "forecast this quarter", "win rate this quarter",
                                      "what did the team do this week", "lead sources this quarter",
                                      "top customers this year", "quiet deals", "overdue follow-ups",
                                      "complaints"])
async def test_every_report_answers_a_team_with_no_deals_yet(bot, question):
    reply = await bot.say(question)
    assert reply.text and "went wrong" not in reply.text and not reply.wrote
