"""Russian contacts however the rep's phone typed them: a first name, patronymic and surname in lower case
(read by what the words are, not by capitals), the everyday forms of first names ("Дима", "Лена", "саня"),
a surname the rep went to ("к Ветрову", "у Сидоровой"); one of ours ("кп за Наташу", "которую Дима ведёт")
or a competitor ("ушли к Шкафкину") is no contact (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU

KNOWN = [*RU, "ООО «Технопарк»", "ООО «Полимер Плюс»"]


@pytest.mark.parametrize("text, contact", [
    # a first name and patronymic in lower case, after any word
    ("звонил в вектор, секретарь сказала что ольга петровна на больничном", "Ольга Петровна"),
    ("технопарк кп отправил, юрий андреевич обещал посмотреть", "Юрий Андреевич"),
    # with the surname, before or after the first name
    ("новый лид в технопарке, лпр смирнова ксения, бюджет есть", "Смирнова Ксения"),
    ("встретился с денисом орловым из полимер плюс, хотят пробную партию", "Денис Орлов"),
    ("в вектор заезжал, главный инженер тимур ахметов просит кп", "Тимур Ахметов"),
    ("созвон с технопарком, их директор вячеслав олегович зуев сказал думают", "Вячеслав Олегович Зуев"),
    # the everyday forms of first names, in any letter case and case
    ("Вектор — Дима сказал что берут 3 станка", "Дима"),
    ("заехал в полимер плюс, паша говорит пока не нужно", "Паша"),
    ("договорилась с Леной из Технопарка на вторник", "Лена"),
    ("саня из альфа-строя позвонил, просит скидку", "Саня"),
    # a surname the rep went to
    ("заезжал к Ветрову в Вектор, ждут КП до пятницы", "Ветрову"),
    ("была у Сидоровой в Технопарке, договорились созвониться", "Сидоровой"),
])
def test_a_contact_in_lower_case_or_an_everyday_form(text, contact):
    assert (understand(text, NOW, KNOWN).contact or "").lower() == contact.lower(), text


@pytest.mark.parametrize("text", [
    "отправил кп в вектор за наташу, она в отпуске",
    "технопарк, которую Дима ведёт, подписали допсоглашение",
    "сделал расчёт для полимер плюс вместо виктора",
    "Технопарк отказались, ушли к Ковалеву, он дешевле",
    "я Алина, новый менеджер, как тут записывать встречи?",
])
def test_one_of_ours_or_a_competitor_is_no_contact(text):
    assert understand(text, NOW, KNOWN).contact is None, text


@pytest.mark.parametrize("text", [
    "вектор: вера в успех есть, кп до пятницы",
    "толи завтра толи послезавтра заеду в технопарк",
    "купил подарок жене, потом заеду в вектор",
])
def test_words_shaped_like_names_are_no_one(text):
    assert understand(text, NOW, KNOWN).contact is None, text
