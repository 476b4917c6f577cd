"""Russian stage wording of tenders and orders: a bid turned down is lost, an order sent to us is won, an
order or a price still promised is negotiation, a bid handed in is a proposal, and bought elsewhere is lost
(sentences written fresh)."""
import pytest

from handlers.understanding import understand
from storage.vocabulary import Stage

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, stage", [
    ("Уралсталь: отклонили нашу заявку, не тот ОКПД", Stage.LOST),
    ("по Вектору заявку отклонили на рассмотрении", Stage.LOST),
    ("Добрый Хлеб нас не допустили до торгов", Stage.LOST),
    ("Вектор отказались, купили напрямую у завода", Stage.LOST),
    ("Альфа-Строй выслали заказ на 96 000, ура", Stage.WON),
    ("Уралсталь обещают PO на следующей неделе", Stage.NEGOTIATION),
    ("вектор - по цене договоримся в четверг", Stage.NEGOTIATION),
    ("заявку по Уралстали подали, лот 3", Stage.PROPOSAL),
])
def test_tender_and_order_words_move_the_deal(text, stage):
    assert understand(text, NOW, RU).stage == stage, text


def test_bought_in_a_month_is_still_won():
    assert understand("Вектор купили в ноябре вторую партию", NOW, RU).stage == Stage.WON
