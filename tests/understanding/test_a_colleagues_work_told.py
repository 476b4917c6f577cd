"""A colleague's work told in the third person names one of ours, never the customer's contact: the
person doing the calling or visiting ("jo rang Initech", "Лиза созвонилась с Вектором", "老王下周去催"), or
bringing the news ("Acme update from Raj"), is no contact; the customer's person named in the same note is
("a call w Globex's Nina Park", "дир по закупкам Самойлов", "采购经理孙丽"). A customer's person who calls or
drops by stays the contact (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known, contact", [
    ("jo rang initech about the renewal, voicemail again. she'll retry thursday", EN, None),
    ("Acme update from Raj: they want net 60 now", EN, None),
    ("Dev had a call w Globex's Nina Park, pilot starts in January", EN, "Nina Park"),
    ("Sam's got a new prospect: Corbel Bakeries, he's meeting their owner Lisa Grant on friday", EN, "Lisa Grant"),
    ("Лиза созвонилась с Вектором, договор на подписи", RU, None),
    ("Костя вчера был у Уралстали, новый дир по закупкам Самойлов, хотят пробную партию", RU, "Самойлов"),
    ("Гоша утром дозвонился до Альфа-Строя, ждут КП", RU, None),
    ("老王下周去催远航物流的尾款", ZH, None),
    ("帮小刘记一下：星辰软件 采购经理孙丽 想看报价", ZH, "孙丽"),
    ("老陈在杭州接触了一家做外贸的 叫海澜贸易 要报价", ZH, None),
])
def test_one_of_ours_at_work_is_no_contact(text, known, contact):
    p = understand(text, NOW, known)
    assert p.intent == "log", p
    assert p.contact == contact, p


@pytest.mark.parametrize("text, known, contact", [
    ("Acme - Phil called, they want 20 more units", EN, "Phil"),
    ("Вектор: Олег забежал, сказал что ждут договор", RU, "Олег"),
    ("远航物流 王总下周去上海出差 回来再谈", ZH, "王总"),
])
def test_a_customers_person_calling_or_dropping_by_stays_the_contact(text, known, contact):
    assert understand(text, NOW, known).contact == contact
