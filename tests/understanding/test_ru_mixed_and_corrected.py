"""Russian notes as a rep who switches languages and corrects themselves writes them: English words for
the channel, the stage and the day ("quick call с …", "budget confirmed", "still haggling", "попробую
tomorrow"); a message pasted in quotes (a question in it asks the bot nothing, its words name no
company, its language is not the note's); "— это X" naming the sender's company; a fact taken back by
denying it, a day or a name said again after "нет"/"не, стоп"."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Asia/Yekaterinburg"))       # a Wednesday
KNOWN = ["ООО «Вектор-Урал»", "АО «Северсталь Трейд»", "ООО «Кедр»"]


def test_english_words_give_the_channel_stage_and_day():
    parse = understand("Кедр — quick call с Тимуром, хотят расшириться", NOW, KNOWN)
    assert parse.customer == "ООО «Кедр»" and parse.channel == "call"
    parse = understand("Вектор-Урал: их CFO говорит budget confirmed, 12 млн на первый квартал", NOW, KNOWN)
    assert parse.stage == "qualified" and parse.amount == 12_000_000
    assert understand("по Кедру still haggling, отвечу до пятницы", NOW, KNOWN).stage == "negotiation"
    parse = understand("Северсталь Трейд не берут трубку, попробую tomorrow morning", NOW, KNOWN)
    assert parse.channel == "call" and parse.followup_on == date(2026, 12, 3)
    parse = understand("Кедр просят обновлённый прайс — send it by friday", NOW, KNOWN)
    assert parse.followup_on == date(2026, 12, 4)


def test_russian_cues_are_not_overridden_by_english_ones():
    parse = understand("встретились с Кедром в офисе, follow up next week", NOW, KNOWN)
    assert parse.channel == "meeting" and parse.followup_on == date(2026, 12, 7)


def test_a_pasted_message_with_a_question_is_still_a_note():
    text = "fwd из whatsapp: «Добрый день, можем созвониться в пятницу? Нужен расчёт на 3 склада» — это Кедр, Тимур"
    parse = understand(text, NOW, KNOWN)
    assert parse.intent == "log" and parse.customer == "ООО «Кедр»"


def test_a_pasted_message_names_no_company_the_rep_names_it():
    text = "fwd: «Hello Maria, our Kazan branch wants a demo too, are you free next week?» — это Волга Медиа Групп, Ринат"
    parse = understand(text, NOW, KNOWN)
    assert parse.intent == "log" and parse.customer == "Волга Медиа Групп"


def test_the_language_of_a_note_is_that_of_the_words_around_a_quote():
    parse = understand("Переведи, пожалуйста, ответ партнёра: «您好，样品已经寄出了，请查收。»", NOW, KNOWN)
    assert parse.lang == "ru" and parse.intent == "unknown"


def test_a_fact_denied_in_the_same_message_is_not_recorded():
    parse = understand("Кедр подписали! 450 000. Хотя стоп, ещё не подписали, подпишут после праздников", NOW, KNOWN)
    assert parse.stage == "negotiation" and parse.amount == 450_000
    parse = understand("Вектор-Урал оплатили ой нет не оплатили, обещают до пятницы", NOW, KNOWN)
    assert parse.stage != "won"


def test_a_day_said_again_replaces_the_first():
    parse = understand("Кедр ждут договор, я к ним в пятницу нет в четверг заеду", NOW, KNOWN)
    assert parse.followup_on == date(2026, 12, 3)


def test_a_name_said_again_after_a_stop_replaces_the_first():
    parse = understand("Была в ООО «Озёрный хлеб» — не, стоп, «Озёрный каравай», ООО. Директор Ирина", NOW, KNOWN)
    assert parse.customer == "ООО «Озёрный каравай»" and parse.contact == "Ирина"


def test_a_new_name_ends_before_what_is_said_about_it():
    parse = understand("звонил в ООО Север-Кабель через секретаря, обещали соединить завтра", NOW, KNOWN)
    assert parse.customer in ("ООО Север-Кабель", "Север-Кабель")


def test_channels_as_the_switching_rep_writes_them():
    parse = understand("Ужин в «Каретном дворе» с коммерческим директором Кедра, обсуждали второй склад", NOW, KNOWN)
    assert parse.channel == "meeting"
    assert understand("Кедр: fwd from tg «давайте созвонимся после праздников»", NOW, KNOWN).channel == "message"
    assert understand("Вектор-Урал ответил в LinkedIn, интересуются", NOW, KNOWN).channel == "message"
    assert understand("call с Кедром — Тимур подтвердил объём", NOW, KNOWN).channel == "call"


def test_the_reps_own_previous_message_is_no_channel():
    parse = understand("сорри, в прошлом сообщении 120 тыс а не 210", NOW, KNOWN)
    assert parse.channel is None and parse.amount == 120_000


def test_a_quote_asked_for_is_no_proposal_sent():
    parse = understand("Кедр is back! fwd из whatsapp: «пришлите свежее КП на 2 склада, пожалуйста»", NOW, KNOWN)
    assert parse.lang == "ru" and parse.stage != "proposal"
    parse = understand("заехал в Кедр, Тимур сказал пришлите кп, отправлю завтра", NOW, KNOWN)
    assert parse.stage != "proposal" and parse.followup_on == date(2026, 12, 3)


def test_a_step_agreed_or_said_in_english_with_a_russian_day():
    parse = understand("Кедр — Тимур ответил, давайте созвон в пятницу", NOW, KNOWN)
    assert parse.followup_on == date(2026, 12, 4)
    parse = understand("созвонились с Вектор-Урал, send them the deck в понедельник", NOW, KNOWN)
    assert parse.followup_on == date(2026, 12, 7) and parse.channel == "call"
    assert understand("Кедр: правки по договору получили, отвечу до пятницы", NOW, KNOWN).followup_on == date(2026, 12, 4)
