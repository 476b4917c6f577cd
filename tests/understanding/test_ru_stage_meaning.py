"""Russian notes move a deal by what they mean, not by a keyword: tense and object decide
(written fresh, not from the eval corpus)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


def u(text, known=RU):
    return understand(text, NOW, known)


@pytest.mark.parametrize("text", [
    "вектор: договор у их юристов, ждём подпись",
    "уралсталь согласовали условия, подписание в пятницу",
    "добрый хлеб подписываем договор после праздников",
    "Альфа-Строй обещали подписать до конца месяца",
    "вектор договор будет подписан на следующей неделе",
    "отправил Уралстали договор на подпись, ждем",
    "добрый хлеб: юристы смотрят контракт",
    "Вектор сошлись на 2 млн, ждём подписания",
    "уралсталь просят рассрочку на полгода",
    "добрый хлеб берут, но договор на следующей неделе",
])
def test_a_signature_still_ahead_is_negotiation(text):
    assert u(text).stage == "negotiation", text


@pytest.mark.parametrize("text", [
    "Подписали NDA с Вектором, теперь пришлют ТЗ",
    "с уралсталью подписали эн ди эй",
    "Добрый Хлеб: бюджет подписали у генерального, 2 млн",
])
def test_an_nda_or_a_budget_signed_is_no_won_deal(text):
    assert u(text).stage != "won", text


@pytest.mark.parametrize("text", [
    "Вектор подписали договор на 3 млн!!",
    "уралсталь оплатил счет 240 тыр",
    "добрый хлеб пи о пришло на 900 тыс",
    "альфа-строй заказ подтвердили, 1,2 млн",
    "вектор продлили поддержку ещё на год",
    "уралсталь деньги пришли сегодня",
])
def test_a_signed_paid_or_ordered_deal_is_won(text):
    assert u(text).stage == "won", text


@pytest.mark.parametrize("text", [
    "вектор хотят кп на 20 станков",
    "уралсталь просили прайс, скину завтра",
    "добрый хлеб: КП отправлю до пятницы",
    "альфа-строй нужен расчет по второй очереди",
    "вектор кп до ср",
    "уралсталь, надо подготовить смету до понедельника",
])
def test_a_quote_asked_for_or_planned_is_no_proposal(text):
    assert u(text).stage != "proposal", text


@pytest.mark.parametrize("text", [
    "вектор кп отправил на 1,4 млн, созвон в чт",
    "уралсталь коммерческое 900 тыс ушло вчера",
    "добрый хлеб смету скинул, ждём",
    "альфа-строй: счёт на 300 тыр выставила",
])
def test_a_quote_or_invoice_sent_is_a_proposal(text):
    assert u(text).stage == "proposal", text


@pytest.mark.parametrize("text", [
    "уралсталь утвердили бюджет 4 млн на следующий год",
    "вектор бюджет 2,5 млн, решение в январе",
    "добрый хлеб: потребность подтверждена, КП до пятницы",
])
def test_a_budget_confirmed_is_qualified(text):
    assert u(text).stage == "qualified", text


@pytest.mark.parametrize("text", [
    "вектор - слились, взяли у конкурентов",
    "уралсталь ответили отказом",
    "добрый хлеб выбрали питерских",
    "Альфа-Строй ответ отрицательный, закрываем",
    "вектор неинтересно, у них свой поставщик",
])
def test_a_deal_gone_elsewhere_is_lost(text):
    assert u(text).stage == "lost", text


def test_a_proposal_only_mentioned_moves_nothing():
    p = u("Вектор так и не ответил по КП, набрал сегодня - не взял трубку")
    assert (p.stage, p.channel) == (None, "call")
    assert u("уралсталь: в марте будет тендер, будем участвовать").stage is None


@pytest.mark.parametrize("text", [
    "вектор договор подписан сегодня, 2 300 000",
    "Сегодня подписали контракт с ООО «Горизонт Плюс» на 640 тыс!",
    "уралсталь оплатили сегодня 1,1 млн",
])
def test_a_signing_or_payment_done_today_is_won_and_no_close_date(text):
    p = u(text)
    assert (p.stage, p.close_on) == ("won", None), text
