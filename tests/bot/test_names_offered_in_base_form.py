"""A new company is offered and recorded under its name alone, in its base form: not with the verb the
note opens with ("拜访了远大机电" offers 远大机电) and, in Russian, with a hyphenated name's first part put
back in the nominative ("в Берёзку-Маркет" is Берёзка-Маркет, "у Сосновки-Трейд" Сосновка-Трейд) while a
name whose last part declines keeps doing so ("у Альфа-Строя" is Альфа-Строй)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 14, 11, 0, tzinfo=ZoneInfo("Europe/Moscow"))

BASE_FORMS = [
    ("отправила КП в Берёзку-Маркет", "Берёзка-Маркет"),
    ("была у Сосновки-Трейд, смотрели склад", "Сосновка-Трейд"),
    ("созвонились с Калинкой-Опт по отгрузке", "Калинка-Опт"),
    ("вчера заезжала к Ладушке-Фуд", "Ладушка-Фуд"),
    ("была у Альфа-Строя, обсудили смету", "Альфа-Строй"),
    ("отправила КП в Техно-Сервис", "Техно-Сервис"),
]


@pytest.mark.parametrize("text, name", BASE_FORMS, ids=[t for t, _ in BASE_FORMS])
def test_a_hyphenated_russian_name_is_read_in_its_base_form(text, name):
    assert understand(text, NOW, []).customer == name


async def test_a_chinese_name_is_offered_without_the_verb_before_it(bot):
    reply = await bot.say("拜访了远大机电，报价八万")
    labels = [choice.label for choice in reply.choices]
    assert "远大机电" in reply.text + " ".join(labels), reply.text
    assert not any("拜访" in label for label in labels) and "拜访了远大机电" not in reply.text, reply.text
    reply = await bot.say("拜访了宏昌机电，聊得不错")
    labels = [choice.label for choice in reply.choices]
    assert "宏昌机电" in reply.text + " ".join(labels), reply.text
    assert not any("拜访" in label for label in labels) and "拜访了宏昌" not in reply.text, reply.text


async def test_a_russian_name_is_recorded_in_its_base_form(bot):
    reply = await bot.say("звонила в Берёзку-Маркет, обсудили объёмы")
    assert "Берёзка-Маркет" in reply.text and "Берёзку-Маркет" not in reply.text, reply.text
