"""Notes dictated while driving: fillers, words said twice and names corrected on the fly are
read as the rep meant them, and the note keeps what was said (sentences written fresh)."""
import pytest

from handlers.understanding import understand
from handlers.understanding.spoken import tidy

from understanding_data import EN, NOW


@pytest.mark.parametrize("said, read", [
    ("um so I uh met with Rick", "so I met with Rick"),
    ("the the quote went out", "the quote went out"),
    ("Bell Rock uh Bell Rock Dental called", "Bell Rock Dental called"),
    ("Harlow Brewing no wait it's Harlow Bakery they want samples", "Harlow Bakery they want samples"),
    ("talked to Sam Ortiz - no, sorry, Sam Ortega", "talked to Sam Ortega"),
    ("Westside Dental uh no just Westside Dental Lab", "Westside Dental Lab"),
    ("Mesa Mesa Fleet Services no Fleet Parts", "Mesa Fleet Parts"),
])
def test_what_is_read(said, read):
    assert tidy(said, "en") == read


@pytest.mark.parametrize("said", [
    "they said no. budget cut",
    "Globex says NO. They renewed with the old vendor",
    "no answer at Initech, um, try again tmrw",
])
def test_a_plain_no_is_kept(said):
    assert " no" in tidy(said, "en").lower() or tidy(said, "en").lower().startswith("no")


def test_a_dictated_note_names_the_corrected_person():
    p = understand("okay um so I called Globex uh talked to Sam Ortiz - no, sorry, Sam Ortega he wants a quote", NOW, EN)
    assert (p.customer, p.contact) == ("Globex Industries", "Sam Ortega")
    assert "um" in p.summary           # the note itself is kept as said


def test_a_dictated_note_names_the_corrected_company_and_person():
    p = understand("okay um new one uh Tern Tern Valley Plumbing no sorry Tern Creek Plumbing um "
                   "talked to the owner uh Gary Holt he wants a quote", NOW, EN)
    assert (p.customer, p.contact) == ("Tern Creek Plumbing", "Gary Holt")
    assert "um" in p.summary           # the note itself is kept as said


def test_a_russian_name_respelt_is_read_as_corrected():
    assert tidy("Вектор нет Вектор-М", "ru") == "Вектор-М"        # see test_ru_names_respelt.py
    assert tidy("звонил в Вектор, нет ответа", "ru") == "звонил в Вектор, нет ответа"


@pytest.mark.parametrize("said, lang, read", [
    ("left quill paper period talked to gary comma he wants a demo", "en",
     "left quill paper. talked to gary, he wants a demo"),
    ("the trial period ends friday", "en", "the trial period ends friday"),
    ("通了电话逗号他们说下周签句号", "zh", "通了电话，他们说下周签。"),
    ("звонил в Гранит запятая Ольга сказала новая строка оплатят в пятницу", "ru",
     "звонил в Гранит, Ольга сказала. оплатят в пятницу"),
    ("в прайсе появилась новая строка по стеллажам", "ru", "в прайсе появилась новая строка по стеллажам"),
    ("новая строка в смете на монтаж", "ru", "новая строка в смете на монтаж"),
])
def test_punctuation_said_aloud_is_read_as_the_mark_in_every_language(said, lang, read):
    assert tidy(said, lang) == read


def test_every_language_says_its_punctuation_aloud_in_one_slot():
    from handlers.understanding.languages import registered

    for language in registered():
        assert language.SPOKEN_MARKS and not hasattr(language, "DICTATED_MARKS"), language.CODE
