"""Russian notes dictated from the car or typed in slang: punctuation said as words ("запятая", "точка"),
channels said the everyday way ("созванивался", "заскочил", "видеоконференция"), the writer's step in slang
("звякну", "маякну"), what we wait for from them ("ждём обратку") as no step of ours, short roles ("техдир",
"главврач"), a company after the kind of business it is ("сеть", "дистрибьютор", "стартап", "контора"), and
a colleague who came along ("были с Ромой") as no contact (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


def _norm(name: str | None) -> str:
    return (name or "").lower().replace("«", "").replace("»", "")


def test_punctuation_said_as_words_ends_the_name():
    parse = understand("записывай ооо кедр плюс точка они в казани запятая нужны стеллажи", NOW, RU)
    assert _norm(parse.customer) == "кедр плюс"


def test_a_point_of_sale_is_no_full_stop():
    parse = understand("Вектор открыл новую точку, одна точка уже работает, хотят ещё 2 кассы", NOW, RU)
    assert parse.customer == "ООО «Вектор»"


@pytest.mark.parametrize("text, channel", [
    ("в среду созванивался с Вектором, главбух сказала платят в пятницу", "call"),
    ("заскочил в Уралсталь по дороге, отдал каталог", "visit"),
    ("заглянул к Доброму Хлебу, технолог на месте", "visit"),
    ("сегодня видеоконференция с Альфа-Строем, показали демо", "call"),
])
def test_a_channel_said_the_everyday_way(text, channel):
    assert understand(text, NOW, RU).channel == channel, text


@pytest.mark.parametrize("text, day", [
    ("Вектор тянут резину, звякну им в пятницу", "2026-11-27"),
    ("уралсталь кп получили, маякну в понедельник", "2026-11-30"),
])
def test_the_writers_step_in_slang(text, day):
    assert str(understand(text, NOW, RU).followup_on) == day, text


def test_what_we_wait_for_from_them_is_no_step_of_ours():
    assert understand("Вектор кп отправил, ждем обратку до пятницы", NOW, RU).followup_on is None


@pytest.mark.parametrize("text, contact", [
    ("встречались в Векторе с техдиром Мухиным", "Мухиным"),
    ("клиника Здоровье, главврач Синицына довольна демо", "Синицына"),
    ("были с Ромой в Уралстали, встречались с финдиром Орловым", "Орловым"),
])
def test_short_roles_and_a_colleague_who_came_along(text, contact):
    assert understand(text, NOW, RU).contact == contact, text


def test_a_colleague_who_came_along_is_no_customer():
    parse = understand("зашли с Серегой в бизнес-центр, там стартап Нейросеть, им нужны стойки", NOW, RU)
    assert (parse.customer, parse.contact) == ("Нейросеть", None)


@pytest.mark.parametrize("text, customer", [
    ("зашел в кофейню, а там оказывается сеть Тёплый Угол, у них 9 точек", "Тёплый Угол"),
    ("Дистрибьютор Логимаркет готов взять 2 линейки на склад", "Логимаркет"),
    ("звонил в новую контору сибирские пружины, просят прайс", "сибирские пружины"),
])
def test_a_company_after_the_kind_of_business_it_is(text, customer):
    assert _norm(understand(text, NOW, RU).customer) == customer.lower(), text


@pytest.mark.parametrize("text, intent", [
    ("кто у нас больше всех просрочил звонков?", "activity"),
    ("кто за неделю меньше всех встреч провёл?", "activity"),
    ("что вчера наработали менеджеры?", "activity"),
    ("сколько новых клиентов завели в ноябре?", "activity"),
    ("какие самые жирные сделки у нас сейчас?", "pipeline"),
    ("какие дилерские сделки висят с осени?", "pipeline"),
    ("что я обещал Вектору на этой неделе?", "followups"),
    ("какие follow-up у меня на завтра?", "followups"),
])
def test_a_manager_asking_by_comparison_or_by_kind_of_deal(text, intent):
    assert understand(text, NOW, RU).intent.value == intent, text


@pytest.mark.parametrize("text, customer", [
    ("что нового по Кроне Системс?", "Крона Системс"),
    ("были в Уральском Металлопроме, смотрели цех", "Уральский Металлопром"),
    ("зашёл к ребятам из «Урал-Медиа Групп», знакомились", "Урал-Медиа Групп"),
])
def test_a_new_name_put_back_in_the_nominative_word_by_word(text, customer):
    assert understand(text, NOW, RU).customer == customer, text
