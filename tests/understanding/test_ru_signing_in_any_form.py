"""A Russian signature by its time and form, whoever says it: ready, willing or bound to sign in any gender
and number ("готова подписать", "должен подписать") and not signed yet ("пока не подписали") are negotiation;
a payment or prepayment received is a deal won; a prepayment only awaited is none (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, stage", [
    ("Вектор вроде готова подписать, ждём их юриста", "negotiation"),
    ("Уралсталь готовы подписать договор на 2 млн", "negotiation"),
    ("директор Альфа-Строя сказал, что согласен подписать", "negotiation"),
    ("гендир Вектора должен подписать до пятницы", "negotiation"),
    ("Добрый Хлеб пока не подписали, говорят на следующей неделе", "negotiation"),
    ("Уралсталь так и не подписали, отказались в итоге", "lost"),
    ("Вектор внесли предоплату 30%", "won"),
    ("получили оплату от Альфа-Строя, 450 тыс", "won"),
    ("по Доброму Хлебу пришла предоплата, запускаем", "won"),
])
def test_a_signature_or_a_payment_by_its_time(text, stage):
    assert understand(text, NOW, RU).stage == stage, text


def test_a_prepayment_awaited_wins_nothing():
    assert understand("ждём предоплату от Вектора", NOW, RU).stage is None
