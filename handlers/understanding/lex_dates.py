"""Weekday and month names in the three languages."""
from __future__ import annotations

EN_WEEKDAYS = {"mon": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}
RU_WEEKDAYS = {"пон": 0, "пн": 0, "вт": 1, "ср": 2, "чет": 3, "чт": 3, "пят": 4, "пт": 4,
               "суб": 5, "сб": 5, "вос": 6, "вс": 6}
EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
# genitive first ("2 декабря"), then the nominative some people write
RU_MONTHS = ("январ[яь]", "феврал[яь]", "марта?", "апрел[яь]", "ма[яй]", "июн[яь]", "июл[яь]",
             "августа?", "сентябр[яь]", "октябр[яь]", "ноябр[яь]", "декабр[яь]")
ZH_DIGITS = "零一二两三四五六七八九十"
