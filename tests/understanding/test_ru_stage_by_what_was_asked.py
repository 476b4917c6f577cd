"""Russian stages by what was asked and done: a quote the customer asks for or awaits is a confirmed
need (qualified; a lead for a new company), a budget approved is qualified, a trial order taken or a
purchase order handed on at their end is won (sentences written fresh)."""
import pytest

from handlers.understanding import understand
from storage.vocabulary import Stage

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, stage", [
    ("Вектор просят КП на 40 насосов, отправлю до среды", Stage.QUALIFIED),
    ("уралсталь ждут расчёт по второй линии", Stage.QUALIFIED),
    ("Добрый Хлеб хочет коммерческое на печи, сделаю к пятнице", Stage.QUALIFIED),
    ("заехал в ООО Ромашка, директор просит кп на упаковку", Stage.LEAD),
    ("Вектор: бюджет на модернизацию утвердили, 3 млн", Stage.QUALIFIED),
    ("уралсталь бюджет говорят на следующий год есть", Stage.QUALIFIED),
    ("Добрый Хлеб пробную партию взяли!", Stage.WON),
    ("Вектор взяли пробную на 50 штук", Stage.WON),
    ("уралсталь: PO на 1,2 млн передан в бухгалтерию", Stage.WON),
])
def test_a_stage_by_what_was_asked_or_done(text, stage):
    assert understand(text, NOW, RU).stage == stage, text


@pytest.mark.parametrize("text", [
    "Вектор КП отправил, просят скидку",        # sent, then haggling: not a need still to meet
    "звонил в Вектор, трубку взяли не сразу",
])
def test_what_is_not_asked_for(text):
    assert understand(text, NOW, RU).stage != Stage.QUALIFIED, text
