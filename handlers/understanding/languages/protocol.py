"""What a language gives the offline understanding: its cues, as lists of phrases.

A phrase is a word or a small regular-expression fragment, matched without regard to
case; a slot's phrases are tried together as one compiled alternation, so adding a
phrase is adding a line. Every registered language fills every slot
(tests/understanding/test_languages.py); an empty list means "this language has no
such cue" and the rule that reads it is skipped.
"""
from __future__ import annotations

import re
from collections import abc
from typing import TYPE_CHECKING, Mapping, Protocol, Sequence, get_args, get_origin, get_type_hints

from storage.vocabulary import SPOKEN_CHANNELS, LeadSource, LostReason, ReportKind, Stage, TouchUnit

if TYPE_CHECKING:
    from handlers.understanding.days import Resolver

Phrases = Sequence[str]


def one_of(phrases: Phrases) -> str:
    """The phrases as one group: ["a", "b"] -> "(?:a|b)", for a choice inside a longer phrase."""
    return "(?:" + "|".join(phrases) + ")"


class Cues(Protocol):
    """One language's understanding cues (a module under handlers/understanding/languages)."""

    CODE: str

    # -- what the writer wants --
    HELP: Phrases              # asking how to use the bot, or a bare greeting
    UNDO: Phrases              # a whole message that takes the last note back
    DONE: Phrases              # "done 2": a follow-up marked done, its number in the group `n`
    DROP_FOLLOWUP: Phrases     # "delete follow-up 2": a follow-up removed, its number (if any) in the group `n`
    MERGE: Phrases             # "merge Acme Corp into Acme Industries": the duplicate in group `a`, the one kept in `b`
    RENAME: Phrases            # "rename Acme to Acme Corp": the customer in group `a`, its new name in `b`
    PIPELINE: Phrases          # a question about deals and the forecast
    FOLLOWUPS: Phrases         # a question about what is due for me
    ACTIVITY: Phrases          # a question about what the team did
    QUERY: Phrases             # a question about one customer
    QUESTION_START: Phrases    # words that open a question ("what", "что", "哪")
    QUESTION: Phrases          # words that make a clause a question wherever they stand ("吗", "签了没")
    QUESTION_WORDS: Phrases    # words that make a first sentence ending in "?" a question, never a note ("кто", "сколько")
    LOOKING_BACK: Phrases      # a report question about what is done ("итоги", "подписали"): a month named is not next year's
    PERIOD_UNTIL: Phrases      # words right before a date that make a period from today to it ("before xmas"); a group
                               # `before` leaves the date itself out
    PERIOD_COMPARED: Phrases   # words right before a past period that make it only what the current one is compared
                               # with ("vs last month", "this time last quarter"): the question is about the current one
    PERIODS_COMPARED: Phrases  # words anywhere in a question that set two periods side by side ("vs", "сравни", "对比")
    PERIOD_LAST_ALONE: Phrases  # "last" with its period left out after a compared one ("this quarter vs last")
    LOG_VERBS: Phrases         # verbs that make a message a note even without other facts
    CANNOT: Phrases            # a request the bot cannot do ("book me a train ticket", "帮我翻译")
    ASIDE: Phrases             # words opening a message that say nothing ("hi", "quick question"), before the question
    HEDGE: Phrases             # a question mark right after these is doubt, not a question ("Jen I think?")
    LOST_LONG_AGO: Phrases     # a time long gone in a lost cue's clause ("last year", "以前", "в прошлом году"):
                               # the loss is history, the deal does not move to lost
    ASKED_BY_THEM: Phrases     # a question someone else asked, told in the note ("gavin asked if we support SSO?"):
                               # the question mark is theirs, the message is a note
    RETRACT: Phrases           # a question mark right before these takes a word back ("Acme? no, Apex"), it asks nothing

    # -- what happened --
    CHANNELS: Mapping[str, Phrases]   # channel -> cues of an interaction by that channel
    STAGES: Mapping[str, Phrases]     # stage -> cues of a deal moving there
    NEW_COMPANY: Phrases       # cues of a company met for the first time (a lead)
    COMPLAINT: Phrases         # the note reports a complaint ("complained about", "投诉", "жалоба"): kept open
    INQUIRY: Phrases           # the note reports an inquiry ("asked about pricing", "询价", "спрашивали"): kept open
    NOT_YET: Phrases           # the clause before a proposal or won cue only asks for it ("they want a quote")
    HANDED_OVER: Phrases       # a proposal handed over ("sent"); without one, a proposal next to a future day is a plan
    TAKING: Phrases            # the customer takes or buys the product ("берут", "they're taking"): a won cue alone,
                               # but beside a quote just sent the deal is at the proposal (cues.stage)
    SIGNATURE_AHEAD: Phrases   # a signature still ahead ("will sign", "contract with their legal"): negotiation, not won
    MENTIONED_BEFORE: Phrases  # right before a company only mentioned: who referred us, the rival chosen ("referral from")
    MENTIONED_AFTER: Phrases   # right after a company only mentioned ("Brackley referral: ...")
    PARTNER: Phrases           # a company that sells on to the customer ("distributor", "дилер", "经销商"): the company
                               # named right after it or in brackets after it ("(our distributor)") is the partner,
                               # and the note's deal and people go to the end customer (handlers/understanding/partners.py)
    CONTACT_WORKS_AT: Phrases  # a whole message saying whose person a contact is ("Jorge works at Pacific Supply, not
                               # Harlow"): the person in group `who`, their company in `to`, the one they were filed at in `frm`
    END_CUSTOMER: Phrases      # right before the end customer's name ("end customer", "вышли на", "终端客户")
    NEW_DEAL: Phrases          # the note speaks of another deal beside one already won ("another contract", "new
                               # order", "ещё один заказ", "又签了一单"): a new deal, not the won one signed again
    WON_BY_OTHER: Phrases      # in a won cue's clause: someone else won it ("they signed with Oracle", "Oracle won
                               # it", "конкуренты подписали", "被对手签走了"), so the deal is lost
    LOST_BY_OTHER: Phrases     # a lost cue said of someone else ("AlphaGraphix lost", the rival beaten): no move of ours
    ASKED_FOR: Phrases         # they ask us for a quote or a plan: a known customer's need confirmed (qualified),
                               # a new company's first inquiry (lead)
    EARLIER: Phrases           # a channel cue's clause tells of an earlier encounter ("上周展会上认识的"): it counts only
                               # when the note names no other channel ("… 今天打了电话" is a call)
    STEP_AHEAD: Phrases        # the writer's step still to do, anywhere in a proposal cue's clause ("КП отправлю до 18.03"): a plan
    NEGATION: Phrases          # the clause before a cue negates it ("didn't sign")
    IMPERATIVE: Phrases        # a cue opening a to-do, not an interaction ("call Acme Monday")
    PAST: Phrases              # a channel cue that ends like the past tense ("called", "звонил")
    PAST_AFTER: Phrases        # a past marker right after a channel cue ("了", "过")
    VERB_PAST: Phrases         # a past-tense verb ending: without one, a channel noun next to a future day is a plan
    DAY_GONE: Phrases          # a word next to a day that tells it is gone ("monday I was at…", "周一去了…", "в среду заходила")
    CALL_OUTCOME: Phrases      # a call that happened, whatever comes next ("no answer", "没人接")
    REFER_BACK: Phrases        # pronouns pointing at the last note's customer

    # -- when --
    COMMIT: Phrases            # the writer commits to a next step in this clause
    FUTURE: Phrases            # the clause before a cue is about the future ("will", "надо")
    REMIND: Phrases            # "remind me": the date is the reminder's
    TODAY_OK: Phrases          # steps that make "today" a follow-up day
    TODAY_ORDER: Phrases       # a step opening its clause as an order to oneself ("ring mick this arvo"): today's too
    THEIRS: Phrases            # the customer's own promise, not the writer's
    THEIRS_NAMED: Phrases      # the same, said of a named company (matched with case)
    MINE: Phrases              # the writer's own step, which wins over THEIRS
    CLOCK: Phrases             # a clock time, which makes a date an appointment
    CLOCK_WINDOW: int          # how many characters a clock time may stand from its date
    CLOCK_AM: Phrases          # a clock time's morning word ("am", "утра", "上午")
    CLOCK_PM: Phrases          # a clock time's afternoon or evening word ("pm", "дня", "下午")
    CLOCK_NOON: Phrases        # noon, alone or before an hour ("noon", "полдень", "中午")
    FILLER: Phrases            # words that open a follow-up's "what" and say nothing ("and then")
    DANGLING: Phrases          # a word left hanging at either end of a promise once its date is cut ("on", "前")
    STEP_CUTS: Phrases         # what splits a run-on clause into steps ("and", "然后", a pause): the promise is one step
    NOT_DEAL_MONEY: Phrases    # in an amount's sentence before it, or a stage cue's clause: money that is not the deal's
                               # value nor a move of it (a competitor's price, a bid security: "competitor quote of
                               # £0.09", "оплатили обеспечение 420 тыс", "竞争对手报了每台2800")
    ADDRESS_WORD: Phrases      # a contact's address or handle named before it is given ("email", "почта", "微信"):
                               # "Maria's email is maria@…" names a detail, it sends no e-mail
    ADDRESS_LINK: Phrases      # what may stand between that word and the address ("is", "for Tom", "у неё", "是")
    PASTED_SENDER: Phrases     # a pasted e-mail's or invite's header naming its sender ("From:", "От:", "发件人：")
    PASTED_DROPPED: Phrases    # header lines that say nothing of the note ("Sent:", "To:", "Кому:", "抄送：")
    PASTED_LABEL: Phrases      # header labels whose line's words stay ("When:", "Где:", "地点：")
    PASTED_SUBJECT: Phrases    # an e-mail's subject label ("Subject:", "Тема:", "主题："): its words stay, and it makes a mail
    PASTED_REPLY: Phrases      # reply and forward marks before a subject ("Re:", "Fwd:", "转发：")
    PASTED_INVITE: Phrases     # an invite's first line ("Meeting accepted:", "Приглашение:", "会议邀请："): a meeting ahead
    LETTER_GREETING: Phrases   # the greeting opening a message pasted in (a WeChat, an e-mail), its addressee in the group
                               # `who`: our own rep, never the customer's contact ("Dear Mr. Chen,", "陈经理你好",
                               # "Уважаемый Павел Сергеевич")
    LETTER_SIGN_OFF: Phrases   # the words before a pasted message's signature, its sender ("Best regards,", "——",
                               # "С уважением,", "联系人："): the sender is the contact
    LETTER_FIRM: Phrases       # the sender's own company as a pasted message names it, in the group `firm`
                               # ("我司（宁波东港港机）", "on behalf of Bright Meals", "от имени ООО «Техмаш»")
    DEPARTMENT: Phrases        # a department named in a signature ("Procurement", "采购部", "отдел снабжения"): his title
    WHOLE_STEP: Phrases        # a one-word step complete in itself ("call", "перезвонить"): the words before it are not
                               # carried into the follow-up the way "send" carries what is sent
    PERIODS: Mapping[str, Phrases]    # period name (today, this_week, q1, m1, ...) -> cues
    BIRTHDAY: Phrases          # a birthday word
    BIRTHDAY_OF: Phrases       # a person named with a birthday word, in the group `who` ("Priya's bday", "у Марины
                               # Викторовны день рождения", "张工生日"): the birthday is theirs, whoever else the note names
    HONORIFICS: Phrases        # a word before a person's name that is no part of it ("Dr", "Mrs", "г-н"), whole words
    LATER_WORDS: Phrases       # words that put a next step on a later day, beside DATES ("after new yr", "年后")
    SAME_DAY_WORDS: Phrases    # words of this very day ("tonight", "at 3", "下午")
    DATES: Sequence[tuple[str, Resolver]]     # a date phrase and how it becomes a day (handlers/understanding/days.py)
    NUMBER_WORDS: Mapping[str, int]           # small counts as words ("two", "пару", "两"), read in every language

    # -- money (every language's are read in every note: handlers/understanding/amounts.py) --
    LOCAL_CURRENCY: str | None                # a value with no currency written, in this language's notes
    CURRENCIES: Mapping[str, str]             # a currency word -> its ISO code ("рублей" -> RUB)
    CURRENCY_STEMS: Mapping[str, str]         # any word starting so ("долл" -> USD)
    CURRENCY_AFTER: Phrases                   # currency words written after the number
    CURRENCY_BEFORE: Phrases                  # currency words written right before the number ("美元5万")
    SHORT_MULTIPLIERS: Mapping[str, int]      # a letter glued to the number ("k" -> 1000)
    MULTIPLIERS: Sequence[tuple[str, int]]    # a multiplier word and its factor ("млн", 10**6)
    BARE_MULTIPLIERS: Phrases                 # short multipliers that are money without a currency only here
    RANGE_WORDS: Phrases                      # "30 to 40k": the word between a range's ends
    FROM_WORDS: Phrases                       # "from 30k to 40k": a change, whose value is the second
    TO_WORDS: Phrases                         # the word before a changed value ("to", "до", "到")
    COUNT_WORDS: Phrases                      # a number followed by these is a count, not money
    MONEY_WORDS: Phrases                      # "budget 45000": a bare number after these is money
    MONEY_LINKS: Phrases                      # words allowed between a money word and its number ("is", "на")
    DISCOUNT_AFTER: Phrases                   # a value followed by these is a discount
    DISCOUNT_BEFORE: Phrases                  # a value after these is a discount
    AMOUNT_NOT: Phrases                       # right before a value taken back for another in the same note
                                              # ("not 50k, 45k", "не 2 млн, а 1,8", "不是50万"): the other is the amount
    AMOUNT_ADDED_BEFORE: Phrases              # right before a value added to the deal's ("another", "再加", "ещё"):
                                              # the deal's amount grows by it, it is not the new amount
    AMOUNT_ADDED_AFTER: Phrases               # right after one ("15k more", "on top", "сверху")
    AMOUNT_HEDGE: Phrases                     # shortly before a value said as a maybe ("they might drop to 55k",
                                              # "может, снизят до 1,1 млн", "可能会降到10万"): kept as words, not the deal's
    PAID_PART: Phrases                        # a value shortly after these is a part paid, not the deal's value
    PAID_IN: Phrases                          # money received, not promised ("came in", "到账", "пришла"): such a
                                              # part paid is a payment the note records
    PER_UNIT: Phrases                         # a value followed by these is a unit price
    PER_MONTH: Phrases                        # right after a value ("/month", "в месяц") or right before it ("每月"): a
                                              # monthly price, never times a count of things ("3000 cups/month, £330/month")
    TERM_MONTHS: Phrases                      # a term said in months (group `m`) or years (group `y`): "for 12 months",
                                              # "на 2 года", "12个月": a monthly price times the term is the deal's value
    REFERENCE: Phrases                        # right before a number that is a reference, never money ("lot 1", "PO",
                                              # "заказ №", "订单号"): "лоту 1 — 7,45 млн" is 7,45 млн, not 1 млн
    LOT: Phrases                              # a lot of a tender right before its number ("lot", "лот", "标段"): the values
                                              # of several lots in one note add up to the deal's value
    BARE_MONEY: Phrases                       # a currency word that wants a number next to it
    DEAL_SHORTHAND: Phrases                   # a bare "780" or "2.1" right after these is thousands or millions

    # -- dictated text (handlers/understanding/spoken.py, one path for every language) --
    FILLERS: Phrases           # sounds that say nothing ("um", "uh"), dropped before reading
    RECORD_OPENERS: Phrases    # a formal opener saying only that a note follows ("I would like to record that",
                               # "Хотел бы зафиксировать, что", "特此记录"): what follows is read as said plainly
    CORRECTION: Phrases        # a name corrected on the fly: "X no wait it's Y", "X - no, sorry, Y"
    SPOKEN_MARKS: Mapping[str, Phrases]   # punctuation said aloud -> its words ("," -> "comma", "逗号", "запятая")
    SPOKEN_MARK_NOUN: Phrases  # where such a word is a noun, "_" standing for it ("the trial _", "_ of")
    SPOKEN_ADDRESS: Phrases    # an e-mail or website said aloud, groups `user` (optional), `domain`, `tld`
    SPOKEN_LETTERS: Phrases    # letters spelt one by one ("p o"), read as one word

    # -- forecast inputs (handlers/understanding/facts.py) --
    CLOSE: Phrases             # the deal's expected close said next to its date ("expect to close by", "预计…签约", "закроем до")
    CLOSE_WINDOW: int          # how many characters a close cue may stand from its date
    LOST_WHY: Mapping[str, Phrases]   # a known lost reason (storage.vocabulary.LostReason) -> its words ("cheaper")
    LOST_BECAUSE: Phrases      # words that open why a deal was lost, in the writer's own words ("because", "因为")
    SOURCE_VIA: Phrases        # how a customer found us, before the source ("found us through", "通过…认识", "пришли с")
    SOURCES: Mapping[str, Phrases]    # a lead source (storage.vocabulary.LeadSource) -> its words ("trade show", "展会")
    SOURCE_END: Phrases        # words that end a source said in the writer's own words ("认识的", "来的")
    TOUCH: Phrases             # keeping in touch ("keep in touch", "联系", "созваниваться")
    EVERY: Phrases             # what opens a cadence's interval ("every", "每", "раз в", "каждые")
    TOUCH_UNITS: Mapping[str, Phrases]    # day, week, month, quarter -> their words
    CADENCES: Sequence[tuple[str, int]]   # a cadence said in one word and its days ("biweekly", 14)

    # -- search (handlers/understanding/search_words.py) --
    SEARCH_CONTACT: Phrases    # asking for a person by name, the name in the group `who` ("what's Maria's number")
    SEARCH_PHONE: Phrases      # asking whose a phone number is ("whose number is", "чей номер", "谁的号码")
    SEARCH_CUSTOMERS: Phrases  # customers by a trait, the trait in the group `what` ("customers in Shanghai")

    # -- team settings an admin changes in chat (handlers/understanding/setting_words.py) --
    SETTINGS: Mapping[str, Phrases]   # a setting (storage.team_settings.Setting) -> phrases with the group `value`
                                      # (and `stage` for a stage's probability or name)
    STAGE_BEFORE: Phrases      # words right before a team's own stage name that say a deal is at it ("moved to", "进入", "на этап")
    STAGE_AFTER: Phrases       # words right after one that say so ("stage", "阶段", "этап")

    # -- names (every language's are read in every note: handlers/understanding/lex_names.py) --
    LEGAL_FORMS: frozenset[str]               # legal forms written as words ("llc", "ооо"), dropped to compare names
    COMMON_WORDS: frozenset[str]              # words that begin company names but mean nothing alone ("global")

    # -- the conversation around a note (handlers/ask.py, handlers/understanding/unnamed.py) --
    BEFORE_FIRM: Phrases       # words right before a company's name ("at", "у", "从"): what follows may be one
    ANSWER_LEAD: Phrases       # words opening a typed answer to "which customer?" that say nothing ("it's", "это", "是")
    ANSWER_NEW: Phrases        # an answer that names a new customer ("new customer X", "новый клиент X", "新客户X")
    ANSWER_CANCEL: Phrases     # a whole answer that drops the kept note ("cancel", "не надо", "算了")
    ANSWER_YES: Phrases        # a whole answer that agrees ("yes", "да", "是的"): the only choice offered
    NOT_A_NAME: Phrases        # words that make a typed answer a sentence, not a company's name ("he", "change", "он", "把")
    ASKING: Phrases            # a message asking for information, never a note ("what", "кто", "吗", a "?")
    ASK_HEDGE: Phrases         # a doubt before a question mark, inside a note ("Jen I think?")
    CHATTER: Phrases           # banter, no note unless it holds a fact or an interaction ("lol", "хаха", "哈哈")
    INSTEAD_OF: Phrases        # right before the day a follow-up is moved from ("call tuesday instead of today",
                               # "перезвоню во вторник вместо пятницы", "改到周二，不是今天了"): that day's one moves
    NOT_THIS: Phrases          # right before a name the rep takes back ("not", "это не", "不是"), at the end
    NOT_THIS_AFTER: Phrases    # right after a name the rep says the note is not about ("跟华彩科技不是一家"), at the start
    OTHER_COMPANY: Phrases     # the rep says the company named is another one than a look-alike the team has
                               # ("different company", "другая контора", "不是一家"): never the look-alike
    SAID_NEW: Phrases          # right before a company the rep calls new ("New customer", "новый клиент", "新客户"),
                               # at the end: that company is recorded new, even beside a known look-alike
    RETRACTED_FOR: Phrases     # right before the name that replaces one taken back in the same message ("wait no
                               # that was", "ой нет, это не им, это", "不对，是"), at the end: that name is the customer
    NAMED_AS: Phrases          # words that introduce a company by its name ("called", "называется", "叫")
    AFTER_LOG_VERB: Phrases    # little words between a verb of contact and the company ("with", "у", "了"): one
                               # phrase, taken off a new name the bot offers ("Visited Umbrela Corp" -> "Umbrela Corp")
    CALLED_IN: Phrases         # right after a capitalised name opening a note, it got in touch ("Summit called"),
                               # matched with case: the name is a company (a person would be the note's contact)
    NOT_CALLERS: frozenset[str]  # words that open such a note but name no company ("he", "client", "procurement")
    ON_THE_WAY: Phrases        # the rep on the way, nothing happened yet: no note unless it holds a fact ("running late")
    ERASE: Phrases             # "delete X": the customer's name in the group `name`
    PERSON_BACK: Phrases       # a pronoun for the person of the last note ("her", "его", "她")
    MET_TOO: Phrases           # a second person met beside the contact ("and", "и", "和")
    MET_TOO_THEIR: Phrases     # the possessive before that person's title ("her", "её", "他们的")
    STAGE_BACK: Phrases        # the stage said as gone back to ("went back to proposal", "вернулись к КП", "又回到报价")
    ANOTHER_DEAL: Phrases      # a deal of its own beside the customer's open one ("new order", "ещё один заказ", "又下了一单")
    LOSS_TAKEN_BACK: Phrases   # a loss taken back ("not lost, they came back", "back on", "还没丢", "не проиграли"): it reopens
    AMOUNT_REVISED: Phrases    # the deal's figure said as revised ("revised quote", "пересчитали", "重新报价"): the same deal

    # -- corrections of the last note (handlers/correct.py, handlers/understanding/fixes.py) --
    FIX: Phrases               # a message correcting the last note ("no, …", "actually", "перенеси", "改到")
    FIX_OLD: Phrases           # the old value a correction names, dropped before reading the new ("not Friday")
    FIX_CUSTOMER: Phrases      # the last note was about another customer ("wrong customer", "не тот клиент")
    FIX_CUSTOMER_SWAP: Phrases  # "it was initech, not globex", "это был Вектор, не Уралхиммаш", "是蓝海物流，不是星辰科技":
                                # the customer meant in group `new`, the one the note went to in `old`
    FIX_CUSTOMER_SAID: Phrases  # the same said in passing ("actually it was globex", "其实是…", "вообще-то это был …"):
                                # a move only when a known customer other than the note's is named
    FIX_DAY_WORD: str          # a word that makes a bare day a follow-up day when read ("follow up", "跟进")
    FIX_CONTACT: Mapping[str, Phrases]  # field (role, phone, name) -> phrases with groups `who` (optional), `value`
    FIX_MOVE: Phrases          # "move the X follow-up to Y": groups `what` (a customer or a number), `when`
    FIX_RESOLVED: Phrases      # "complaint 1 resolved": the complaint's number in group `n`

    # -- a follow-up closed or moved by naming its customer (handlers/understanding/followup_words.py) --
    FOLLOWUP_DONE_NAMED: Phrases     # "globex follow-up done": the customer in the group `name`
    FOLLOWUP_SNOOZE_NAMED: Phrases   # "snooze globex to next week": groups `name` and `when` (a day or a span)
    SNOOZE_SPAN: Mapping[int, Phrases]   # days per unit (1, 7) -> a span said whole ("a week", "на неделю", "两天"),
                                         # its count in the optional group `n`

    # -- report questions (handlers/understanding/report_words.py) --
    REPORTS: Mapping[str, Phrases]   # a report kind (storage.vocabulary.ReportKind) -> the words naming it ("win rate")
    REPORT_PIPELINE: Phrases   # the pipeline itself, when no more specific report is named ("pipeline", "漏斗")
    REPORT_MINE: Phrases       # the asker's own deals and activity ("my", "我的", "мои")
    REPORT_WHO: Phrases        # asking about someone else ("who", "谁", "кто")
    REPORT_ASKED_BY: Phrases   # right after a name, the one who had the writer ask ("Ivan asked me to check",
                               # "Иван просил узнать", "王总让我问"): that name is not whose figures are asked
    MEMBER_ASKED: Phrases      # where a question about one member's work puts the member, as group 1, case as written
                               # ("Zed's pipeline", "что сделал Петров", "老王这周做了什么"): read in every language
    REPORT_HISTORY: Phrases    # a customer question asking for all of it, not the card ("history", "历史", "история")
    REPORT_WON: Phrases        # a deals question about deals won, not open ones ("won", "成交", "выигранн")
    REPORT_ROWS: Phrases       # how many lines are asked for ("top {n}", "前{n}"): `{n}` stands for the count
    REPORT_COUNTS: Mapping[str, int]   # counts said as words in such questions ("five", "五", "пять")


# slots a language may leave empty (the rule that reads them is then skipped)
OPTIONAL = frozenset({"CURRENCY_BEFORE", "TODAY_ORDER", "QUESTION", "CANNOT", "IMPERATIVE", "PAST", "PAST_AFTER", "VERB_PAST", "DAY_GONE", "THEIRS", "THEIRS_NAMED",
                      "CLOCK", "CURRENCY_STEMS", "BARE_MULTIPLIERS", "PAID_PART", "DEAL_SHORTHAND", "AMOUNT_ADDED_AFTER", "FILLERS", "CORRECTION", "NOT_YET",
                      "SPOKEN_MARK_NOUN", "SPOKEN_ADDRESS", "SPOKEN_LETTERS",
                      "HANDED_OVER", "TAKING", "SIGNATURE_AHEAD", "LEGAL_FORMS", "COMMON_WORDS", "CLOCK_AM", "CLOCK_PM", "CLOCK_NOON",
                      "MENTIONED_BEFORE", "MENTIONED_AFTER", "PARTNER", "END_CUSTOMER", "CONTACT_WORKS_AT", "ASIDE", "HEDGE", "ASKED_BY_THEM", "LOST_LONG_AGO", "RETRACT", "SOURCE_END",
                      "ASKED_FOR", "WON_BY_OTHER", "LOST_BY_OTHER", "NEW_DEAL", "EARLIER", "ASK_HEDGE", "CHATTER", "ON_THE_WAY", "NAMED_AS", "BIRTHDAY_OF", "HONORIFICS", "NOT_THIS", "NOT_THIS_AFTER", "OTHER_COMPANY", "SAID_NEW", "INSTEAD_OF", "RETRACTED_FOR", "QUESTION_WORDS", "LOOKING_BACK", "STEP_AHEAD",
                      "PERIOD_UNTIL", "PERIOD_COMPARED", "PERIODS_COMPARED", "PERIOD_LAST_ALONE", "WHOLE_STEP", "NOT_DEAL_MONEY", "LETTER_GREETING", "LETTER_SIGN_OFF", "LETTER_FIRM", "DEPARTMENT",
                      "PER_MONTH", "TERM_MONTHS", "REFERENCE", "LOT",
                      "CALLED_IN", "NOT_CALLERS"})
# the reports a question's own words name (the pipeline and the team's activity are asked by intent)
REPORT_KINDS: tuple[ReportKind, ...] = (ReportKind.LEADERBOARD, ReportKind.INQUIRIES, ReportKind.OVERDUE, ReportKind.LOST,
                                        ReportKind.DEALS, ReportKind.FUNNEL, ReportKind.SOURCES, ReportKind.TOP,
                                        ReportKind.QUIET, ReportKind.FORECAST)
# the keys every language's mappings must have
CHANNEL_NAMES: tuple[str, ...] = tuple(SPOKEN_CHANNELS)
STAGE_NAMES: tuple[str, ...] = tuple(Stage)
PERIOD_NAMES = ("today", "tomorrow", "yesterday", "next_week", "last_week", "this_week", "next_month", "last_month",
                "this_month", "next_quarter", "last_quarter", "this_quarter", "this_year", "q1", "q2", "q3", "q4",
                *(f"m{n}" for n in range(1, 13)))
# periods a language may also name ("до конца года": from today to the year's end)
EXTRA_PERIOD_NAMES = ("rest_of_year",)
_KEYS = {"CHANNELS": CHANNEL_NAMES, "STAGES": STAGE_NAMES, "PERIODS": PERIOD_NAMES,
         "FIX_CONTACT": ("role", "phone", "name"), "LOST_WHY": tuple(LostReason), "SOURCES": tuple(LeadSource),
         "TOUCH_UNITS": tuple(TouchUnit), "REPORTS": tuple(kind.value for kind in REPORT_KINDS),
         "SETTINGS": ("quiet_days", "digest_hour", "touch_days", "currency", "probability", "alert_threshold",
                      "stage_name", "stages", "stage_off", "stage_on")}


def slots() -> dict[str, object]:
    """Every slot a language's cue module fills, with its type."""
    from handlers.understanding.days import Resolver

    return get_type_hints(Cues, localns={"Resolver": Resolver})


def problems(module: object) -> list[str]:
    """What a cue module lacks or gets wrong: a missing or mistyped slot, an empty required
    list, a mapping without every channel, stage or period, a phrase that is no regular expression."""
    found: list[str] = []
    for name, kind in slots().items():
        if not hasattr(module, name):
            found.append(f"{name}: missing")
        else:
            found += _slot_problems(name, kind, getattr(module, name))
    return found


def _slot_problems(name: str, kind: object, value: object) -> list[str]:
    optional = name in OPTIONAL
    if kind in (str, int):
        return [] if isinstance(value, kind) else [f"{name}: not {kind.__name__}"]
    if kind == str | None:
        return [] if value is None or isinstance(value, str) else [f"{name}: not a currency code or None"]
    if get_origin(kind) is frozenset:
        if not isinstance(value, frozenset) or not all(isinstance(word, str) and word for word in value):
            return [f"{name}: not a set of words"]
        return [] if value or optional else [f"{name}: empty"]
    if get_origin(kind) is abc.Mapping:
        if not isinstance(value, Mapping) or (not value and not optional):
            return [f"{name}: not a mapping, or empty"]
        key_type, value_type = get_args(kind)
        if value_type is str or value_type is int:
            bad = [k for k, v in value.items() if not isinstance(k, str) or not isinstance(v, value_type)]
            return [f"{name}: {k!r} is not {value_type.__name__}" for k in bad]
        out = [f"{name}[{key}]: missing" for key in _KEYS.get(name, ()) if key not in value]
        if name == "PERIODS":
            out += [f"{name}[{key}]: no such period" for key in value if key not in PERIOD_NAMES + EXTRA_PERIOD_NAMES]
        for key, phrases in value.items():
            out += _phrase_problems(f"{name}[{key}]", phrases, optional)
        return out
    if get_origin(get_args(kind)[0]) is tuple:        # (phrase, resolver) or (phrase, factor) pairs
        if isinstance(value, str) or not isinstance(value, Sequence) or (not value and not optional):
            return [f"{name}: not a list of pairs, or empty"]
        out = []
        for pair in value:
            if not (isinstance(pair, tuple) and len(pair) == 2 and (callable(pair[1]) or isinstance(pair[1], int))):
                out.append(f"{name}: {pair!r} is not (phrase, resolver or factor)")
            else:
                out += _phrase_problems(name, [pair[0]], False)
        return out
    return _phrase_problems(name, value, optional)


def _phrase_problems(where: str, phrases: object, optional: bool) -> list[str]:
    if isinstance(phrases, str) or not isinstance(phrases, Sequence):
        return [f"{where}: not a list of phrases"]
    if not phrases and not optional:
        return [f"{where}: empty"]
    out = []
    for phrase in phrases:
        if not isinstance(phrase, str) or not phrase:
            out.append(f"{where}: {phrase!r} is not a phrase")
            continue
        try:
            re.compile(phrase)
        except re.error as exc:
            out.append(f"{where}: {phrase!r} does not compile ({exc})")
    if len(set(phrases)) != len(phrases):
        out.append(f"{where}: a phrase is listed twice")
    return out
