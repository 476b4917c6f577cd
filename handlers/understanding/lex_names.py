"""Name words of every registered language, gathered for the rules that read them whatever
the note's language (matching a customer's name, telling a person from a company). Each
language's own lists live in its module (languages/<code>.py)."""
from __future__ import annotations

from handlers.understanding.languages import registered

# legal forms ("LLC", "ООО"), dropped when names are compared
LEGAL_FORMS = frozenset(word for lang in registered() for word in lang.LEGAL_FORMS)
# the forms of public bodies ("муп", "гбуз"), dropped too when names are compared: "горводоканал" is
# МУП «Горводоканал Бердск» as "Kestrel" is Kestrel Logistics Ltd
STATE_FORMS = frozenset(form.lower() for lang in registered() for form in getattr(lang, "STATE_FORMS", ()))
# lower-case words that often begin company names but mean nothing alone in a note
COMMON_WORDS = frozenset(word for lang in registered() for word in lang.COMMON_WORDS)
# the value of each number word a language gives one for ("три", "трех": 3), to tell a name's number word in
# another case ("из трех медведей" for Три Медведя)
NUMBER_VALUES = {word: value for lang in registered() for word, value in getattr(lang, "NUMBER_WORDS", {}).items()
                 if isinstance(word, str) and word.isalpha()}
# number words of every language, lower case ("two", "четыре"): a name may begin with one ("Two
# Rivers Brewing"), yet a note says it as a number
NUMBER_WORDS = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                          "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "first",
                          "second", "third"]
                         + [word for lang in registered() for word in getattr(lang, "NUMBER_WORDS", {})
                            if isinstance(word, str) and word.isalpha()])
