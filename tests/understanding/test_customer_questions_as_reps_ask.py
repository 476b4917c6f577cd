"""A rep asking about a customer the way reps ask is answered with the customer, not filed: "did Nell
at harrow farms ever get back to us?" (the customer is "harrow farms", not the words after it),
"远航物流 整个过程给我捋一下", "鼎泰餐饮 之前我们有人跟过吗". Sentences written fresh."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, ZH


@pytest.mark.parametrize("text, customer", [
    ("did Nell at harrow farms ever get back to us?", "harrow farms"),
    ("has Globex ever replied about the pilot?", "Globex Industries"),
])
def test_whether_they_ever_got_back_is_a_question_about_them(text, customer):
    parse = understand(text, NOW, EN)
    assert (parse.intent, parse.customer) == ("query_customer", customer)


@pytest.mark.parametrize("text, customer", [
    ("远航物流这个客户 从头到现在 整个过程给我捋一下", "远航物流有限公司"),
    ("鼎泰餐饮 之前我们有人跟过吗", "鼎泰餐饮"),
])
def test_a_chinese_question_about_a_customers_story_is_a_question(text, customer):
    parse = understand(text, NOW, ZH)
    assert (parse.intent, parse.customer) == ("query_customer", customer)


def test_a_note_that_they_got_back_stays_a_note():
    assert understand("Nell at harrow farms got back to us, wants the quote by friday", NOW, EN).intent == "log"
