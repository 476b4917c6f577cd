"""A contact's address or handle given in a note is that contact's detail, never an e-mail or message sent, in
every language; a note that did send something there keeps its channel (sentences written fresh)."""
import pytest

from handlers.understanding import understand
from storage.vocabulary import Channel

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known", [
    ("Globex: Priya's email is priya.n@globex.io", EN),
    ("acme - new e-mail for Jim: jim.k@acme.com, his whatsapp +44 7700 900321", EN),
    ("Initech, Bob's telegram is @bob_initech", EN),
    ("Вектор: у Светланы новая почта svetlana@vektor.ru", RU),
    ("Уралсталь, телефон Игоря Петровича +7 912 345 67 89, почта igor.p@uralstal.ru", RU),
    ("远航物流 张经理的邮箱是 zhang@yuanhang.cn", ZH),
    ("东方电气 刘工微信号 liugong_88", ZH),
])
def test_an_address_given_is_no_touch(text, known):
    assert understand(text, NOW, known).channel is None, text


@pytest.mark.parametrize("text, known, channel", [
    ("sent the Globex quote by email to priya.n@globex.io", EN, Channel.EMAIL),
    ("emailed acme the price list, Jim's email is jim.k@acme.com", EN, Channel.EMAIL),
    ("Вектор: отправил КП на почту svetlana@vektor.ru", RU, Channel.EMAIL),
    ("远航物流 报价已发邮件到 zhang@yuanhang.cn", ZH, Channel.EMAIL),
])
def test_something_sent_there_keeps_its_channel(text, known, channel):
    assert understand(text, NOW, known).channel == channel, text
