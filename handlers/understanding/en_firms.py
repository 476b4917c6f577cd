"""English company names the team does not know yet, as written, however they are typed:
"Visited Greyhawk Mechanical", "a place called the green bean cafe", "new one - windy city
dumpsters - guy named frank", "Pasadena Prep proposal emailed", "stopped @ marconi deli on arthur ave".

Every way a name can stand in a note gives a candidate with a weight (a legal form or "a company
called" weigh most, a lone word after "to" or "in" least, since it is more often a town); the
heaviest wins, the earliest among equals. A name runs until a word that cannot be part of one
("on", "today", "said", a comma); a person, a competitor the customer chose, a site that sent
them ("found us on Google") or a company they were only referred by is never the customer.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from handlers.understanding import first_chars
from handlers.understanding.amounts import find_amounts
from handlers.understanding.languages import en as en_cues

# words that end a name (lower case): function words, note verbs, time words, people
STOP = frozenset("""
a an the and or but so then also just only even still again too very really super quite pretty
i me my we us our you your he him his she her hers they them their theirs it its it's this that these those there here
who whom which what when where why how if because since as than while
at on in to for from with w w/ by about re of off out up down over into onto near around via per vs
today tonight yesterday tomorrow tmrw tmr morning afternoon evening night week wk month year yr earlier later now
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs fri
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec q1 q2 q3 q4
is are was were be been being am has have had do does did will would shall should can could may might must
said says say told tell asked asks ask wants want wanted needs need needed got get gets gave give sent send sending
called call calling calls rang ring ringing phoned emailed email emails texted text messaged pinged visited visit visiting
met meet meeting mtg went go going gone came come coming left leaving stopped dropped swung walked popped
signed sign signing lost won closed bought buy buys paid pay decided agreed accepted declined picked chose
answered replied confirmed approved reviewing review mentioned introduced referred loved liked hates hate
finally already yet maybe probably definitely totally actually basically literally
demo demos quote quoted quotes proposal proposals pricing price po invoice contract deal deals update budget
follow f/u fu followup followups callback lead leads prospect customer client company place business
guy lady man woman person guys folks people team owner owners manager mgr director boss ceo cfo cto coo gm md vp
office site plant hq warehouse store shop front desk reception location locations branch
new old older big small little nice great good bad cool lol haha omg ok okay yes no not nope yeah
hi hello hey thanks thank please pls sorry anyway btw fyi asap
apologies apology regards cheers greetings namaste kindly forwarding forwarded
one ones two three four five six seven eight nine ten some any all every each both other another
inbound outbound cold warm intro referral like quick question pulse check note voice notes work works
expo show conference mixer event party fair summit breakfast brekkie lunch dinner coffee drinks gym convention
cell number phone line email mail website web site list system app bot thing stuff onsite done
corporate headquarters older
oh ah wow yay ugh hmm snow rain traffic holiday holidays weekend parade
before after ever lately recently
they've they're they'll they'd we've we're we'll i've i'm i'll i'd he's she's there's that's what's who's
q&a debrief kickoff kick-off workshop total wait
en el los las por para con y que se le les lo su sus muy pero hoy ya
firmaron firmó cerramos perdimos mandé envié hablé llamé quieren quiere dijo
""".split())
# capitalised words that end a capitalised name: pronouns, days, months, sentence openers
CAP_STOP = frozenset("""i i'm i'll i've he she they we it you my our their his her its this that these those there here
today tomorrow yesterday tonight also and but so then just when where what who how why if
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs fri
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec q1 q2 q3 q4 dr mr mrs ms po nda ceo cfo cto coo gm vp md
they've they're they'll we've we're i've q&a rfp rfi rfq qbr qbrs ebr""".split())
# opening words a name at the start of a note may follow ("okay so Westwood smile studio ...")
_OPENERS = r"(?:(?:okay|ok|so|also|and|alright|all\s+right|hey|hi|hello|well|quick\s+one|quick\s+update|update|fyi|" \
           r"note|good\s+news|news|btw|oh|yeah|yep|right|just|quickly|anyway|mate)\b[\s,:!.-]*)*"
# after the name at the start of a note: a separator or what the company did
_LEAD_NEXT = frozenset("""signed sign said says say called call rang went wants want needs need decided agreed accepted
declined bought buy paid picked chose answered replied emailed texted messaged sent confirmed approved lost won finally
demo proposal quote po update meeting mtg visit visited onsite walk walk-in cold inbound intro referral renewal
contract deal guys folks people team ppl complained complains complaint q&a debrief kickoff
qbr qbrs ebr escalation escalations board committee onboarding rollout install installation audit renewals""".split())
# after a capitalised name opening a note, its people: "Northpoint Glass owner is Deb"
_ITS_PEOPLE = frozenset("owner owners gm manager mgr ceo boss director founder".split())
_WORD = re.compile(r"[\w&][\w&'’.-]*|&")
_DID = re.compile(r"[a-z]{3,}ed|[a-zñ]{3,}(?:aron|ieron)")     # "Acme renewed", a Spanish "firmaron"          # a past-tense verb right after a name opening a note: what the company did
_ABBREVIATED = "".join(rf"(?<!\b{a})" for a in ("st", "St", "mt", "Mt", "dr", "Dr", "mr", "Mr", "ms", "Ms", "jr", "Jr",
                                                  "ft", "Ft", "mrs", "Mrs"))
_SEPARATOR = re.compile(r"\s*(?:[,;:!?()\[\]\n]|" + _ABBREVIATED + r"\.(?!\w)|\s[—–-]\s|—|\s-$|\s\+\s|\s@\s)")
_LY_NAMES = frozenset("family supply italy holly lily ally sally billy valley".split())
_CONNECTORS = frozenset(("and", "of", "the", "n", "&", "de", "la", "st.", "st"))
_NAME_OPENERS = frozenset(("store", "shop", "office", "studio", "clinic", "center", "centre", "house", "club", "cafe",
                           "place", "company", "group", "new", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "big",
                           "little", "old", "the", "first", "united", "american", "national", "great", "good", "nice",
                           "cold", "warm", "golden", "green", "white", "black", "red", "blue", "silver", "north",
                           "south", "east", "west", "central", "home", "village", "city", "union", "care",
                           "el", "los", "las", "la", "total"))
# a number of things, not a name: "40 units", "12 trucks"
_COUNTED = frozenset("""units unit pcs pieces seats users licenses licences locations sites stores trucks vans cars
vehicles machines devices scanners sensors barns homes buildings campuses schools shops offices clinics chairs
people employees staff techs workers reps drivers members providers beds rooms floors boxes cases tons""".split())
STOP_BEFORE = first_chars.compile("(?:" + "|".join(en_cues.MENTIONED_BEFORE) + ")$", re.I)
_EMAIL = re.compile(r"\S+@\S+")
_NOT_FIRMS = frozenset("""google linkedin zoom teams facebook instagram yelp whatsapp wechat slack twitter tiktok
youtube gmail outlook excel thanksgiving christmas xmas easter fwd fw fwd: mate walk-in walk-ins""".split())


@dataclass(frozen=True)
class Candidate:
    """A name a note may be about, where it starts, and how much the way it is written weighs."""

    start: int
    name: str
    weight: int


def _words(text: str, pos: int) -> list[re.Match]:
    """The words from `pos` up to the next separator (a comma, a full stop, a dash between spaces)."""
    cut = _SEPARATOR.search(text, pos)
    end = cut.start() if cut else len(text)
    return list(_WORD.finditer(text, pos, end))


_DOCTOR = re.compile(r"(?:Dr|Doctor)\.?\s+(?=[A-Z])")


def _name_at(text: str, pos: int, lower_ok: bool = True, cued: bool = False) -> tuple[str, int] | None:
    """The name that starts at `pos` (see _words_of_name); a doctor's title opens the name of a practice
    called after them ("Dr. Raymond Okafor Orthodontics"), never a person's ("Dr. Okafor")."""
    title = _DOCTOR.match(text, pos)
    practice = _words_of_name(text, title.end(), lower_ok, cued) if title else None
    if title and practice and _after_a_person(text[pos:title.end()] + practice[0]):
        return text[pos:title.end()] + practice[0], practice[1]
    return _words_of_name(text, pos, lower_ok, cued)


def _words_of_name(text: str, pos: int, lower_ok: bool = True, cued: bool = False) -> tuple[str, int] | None:
    """The name that starts at `pos`: its words until one that cannot be part of a name, at most six.
    A capitalised name may go on in lower case ("Westwood smile studio"), not back to capitals."""
    picked: list[re.Match] = []
    counted, capitalised, lowered = 0, False, False
    for m in _words(text, pos):
        word = m.group()
        low = word.lower().rstrip(".'’")
        upper = word[:1].isupper()
        if not picked:
            if m.start() > pos + 1 or not _may_open(word, low, upper, text, m.end()):
                return None
            if not upper and (not lower_ok or (verbish(low) and not cued)):
                return None
            picked.append(m)
            counted, capitalised = 1, upper
            continue
        if low in _CONNECTORS:
            picked.append(m)
            continue
        if not upper and not capitalised and low in ("company", "co") and counted >= 2:
            picked.append(m)                     # "east river container company": the name's last word
            break
        if upper:
            if lowered or not capitalised or (low in CAP_STOP and not (low in _SMALL_IN_NAMES and _trade_next(text, m.end()))) \
                    or (low in en_cues.FIRST_NAMES and counted >= 2 and not _closes_name(text, picked, m)):
                break                            # "Westwood smile studio Tina", "Valley of the Sun Kurt"
        elif low in STOP or low in _COUNTED or low in en_cues.NOT_FIRMS_LOWER or word[:1].isdigit() \
                or (not capitalised and verbish(low)):
            break
        elif capitalised:
            if not _lower_in_name(low) or picked[-1].group().lower() in _CONNECTORS:
                break                            # "Initech the brochure": after "the", only a capital goes on a name
            if not lowered and _whole(picked):
                break                            # "ALDERMAN FOODS procurement", "Kiama Bowls Club's secretary"
            lowered = True
        picked.append(m)
        counted += 1
        if counted == 6:
            break
    return _as_named(text, picked)


_SMALL_IN_NAMES = frozenset("there here now then so just also when where what who how why if this that".split())


def _trade_next(text: str, end: int) -> bool:
    """True when a capitalised trade word follows right after `end` ("Bean There Cafe", "Here Now Bakery"): the
    small word before it is the name's own."""
    nxt = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    return nxt is not None and nxt.group()[:1].isupper() and nxt.group().lower().strip(".,'’") in en_cues.FIRM_WORDS


def _as_named(text: str, picked: list[re.Match]) -> tuple[str, int] | None:
    """The name the picked words make and where it ends: no connector at its end, and no possessive
    before what the company has ("Larch Hill Bakery's owner")."""
    while picked and picked[-1].group().lower() in _CONNECTORS:
        picked.pop()
    if not picked:
        return None
    name = text[picked[0].start():picked[-1].end()]
    if _possessive(name) and _what_it_has(text, picked[-1].end()):
        return name[:-2].rstrip(".'’"), picked[-1].end() - 2
    return name.rstrip(".'’"), picked[-1].end()


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def _what_it_has(text: str, end: int) -> bool:
    """True when a lower-case noun follows a possessive name ("Larch Hill Bakery's owner Ines"), not
    what the name did ("Joe's Diner's signed", "Mama Lucia's has it")."""
    nxt = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    if nxt is None or not nxt.group()[:1].islower():
        return False
    low = nxt.group().lower()
    return low not in _PERSON_DOES and low not in _HAS and not verbish(low) and _DID.fullmatch(low) is None


_HAS = frozenset("has had does did is was are were will would can could may might should".split())


def _whole(picked: list[re.Match]) -> bool:
    """True when capitalised words already make a whole name, so a lower-case word after them is not
    its own: one of them is a trade ("ALDERMAN FOODS procurement", "St. Brendan's Health System supply
    chain") or the last is possessive ("Kiama Bowls Club's secretary": what the company has)."""
    last = picked[-1].group()
    return _possessive(last) or any(_firm_word(p.group()) for p in picked)


def _firm_word(word: str) -> bool:
    low = word.lower().strip(".,'’")
    return (low[:-2] if _possessive(low) else low) in en_cues.FIRM_WORDS


def _closes_name(text: str, picked: list[re.Match], m: re.Match) -> bool:
    """True when a first name after capitalised words is the company name's own last word, not a person
    named after it: "Harbor Lights Marina, ...", "Summit Grace Partners" (a trade word after it), but not
    "Valley of the Sun Kurt Lindqvist" (a surname after it), "Acme Foods Tina" (the name already ends in a
    trade word) or "Westwood Smile Tina signed" (the person's verb after it)."""
    if any(_firm_word(p.group()) for p in picked):
        return False
    rest = _words(text, m.end())
    if rest and rest[0].start() <= m.end() + 1 and rest[0].group()[:1].isupper():
        return _firm_word(rest[0].group())       # "Summit Grace Partners", not "Sun Kurt Lindqvist"
    if not rest or rest[0].start() > m.end() + 1:
        return True                              # the name ends at a comma, a dash or the end of the note
    low = rest[0].group().lower()
    return not (verbish(low) or _DID.fullmatch(low) or low in _PERSON_DOES)


# what a person named after a company does: "Acme Tina signed", "Harbor Lights Ray says"
_PERSON_DOES = frozenset("""said says say told tells asked asks wants want needs need is was will would can could
signed sent called rang emailed texted agreed thinks liked loves hates wants gave got went came left""".split())


def _lower_in_name(low: str) -> bool:
    """A lower-case word that may go on a capitalised name ("Westwood smile studio", "Kingsbridge carting")."""
    return low not in en_cues.NOT_NAMES and low not in en_cues.NOT_FIRMS_LOWER and not low.isdigit() and not verbish(low) \
        and not (low.endswith("ly") and low not in _LY_NAMES)


def verbish(low: str) -> bool:
    """"tried", "asking": a verb, which ends a name ("ridgefield motors tried"), unless a trade ("carting")."""
    return len(low) > 4 and low.endswith(("ed", "ing")) and low not in en_cues.FIRM_WORDS


def _may_open(word: str, low: str, upper: bool, text: str, end: int) -> bool:
    """True when a name may start with this word: no function word, unless capitalised and made for names
    ("New Horizons", "Two Sisters Catering", "May & Sons Roofing")."""
    if upper and text.startswith(" &", end):
        return True
    if upper:
        return (low not in STOP or low in _NAME_OPENERS) and low not in CAP_STOP
    return low not in STOP


def _weight(name: str, base: int) -> int:
    words = name.lower().replace("&", " ").split()
    weight = base + (1 if len(words) >= 2 else 0)
    if any(w.strip(".,'’s") in en_cues.FIRM_WORDS or w in en_cues.FIRM_WORDS for w in words):
        weight += 1
    return weight


def _personal(name: str) -> bool:
    """"Maria", "Maria Lopez", "dr feld", "Bob Stone": a person, not a company."""
    words = name.split()
    first = words[0].lower().rstrip(".,")
    if first in ("dr", "mr", "mrs", "ms", "prof", "doctor", "sister", "father"):
        return not _after_a_person(name)
    return len(words) <= 2 and first in en_cues.FIRST_NAMES and (trade_surname(name) or not any(
        w.lower().strip(".,") in en_cues.FIRM_WORDS for w in words[1:]))


def trade_surname(name: str) -> bool:
    """"Bob Stone", "Ann Glass": a known first name and a surname that is also a trade word, both
    capitalised: a person (a trade word after any other word still makes a company: "Summit Stone")."""
    words = name.replace(".", " ").split()
    return (len(words) == 2 and all(w[:1].isupper() for w in words) and words[0].lower() in en_cues.FIRST_NAMES
            and words[1].lower().strip(",'’") in en_cues.SURNAME_TRADES)


_WORDISH = re.compile(r"[\w'’]")


def _within(part: str, whole: str) -> bool:
    """True when `part` is `whole` or some of its words ("Ana" in "Ana Ruiz", not in "Panadería")."""
    part, whole = part.lower(), whole.lower()
    at = whole.find(part)
    while at >= 0:
        if (at == 0 or not _WORDISH.match(whole, at - 1)) and not _WORDISH.match(whole, at + len(part)):
            return True
        at = whole.find(part, at + 1)
    return False


def _named_after(name: str, person: str) -> bool:
    """"Harbor Lights Marina" read with "Marina" as its person, "Yarra Glen Estate" with "Glen": a first
    name inside a company's name of three capitalised words or more, not its first word (the person is
    then looked for outside the name)."""
    words = [w[:-2] if _possessive(w) else w for w in name.split()]
    return " " not in person and len(words) >= 3 and person in words[1:] and all(w[:1].isupper() or w == "&"
                                                                                 for w in words)


def _after_a_person(name: str) -> bool:
    """"Sofia Marchetti Interiors", "Dr. Raymond Okafor Orthodontics", "Hector & Rosa's Cantina": three
    capitalised words or more ending in a trade, or joined by "&" or a possessive, which a person's name
    never is: a company named after its owners, whose name the person's is part of."""
    words = name.split()
    return len(words) >= 3 and (_firm_word(words[-1]) or "&" in words or any(_possessive(w) for w in words[:-1])) \
        and all(w[:1].isupper() or w == "&" for w in words)


# a job title is no company ("met peter gibbons, software dev, at a meetup")
_ROLE = re.compile(r"(?:" + "|".join(en_cues.ROLES) + r")", re.I)
_DEPARTMENT = re.compile(r"(?:" + "|".join(en_cues.DEPARTMENTS) + r")", re.I)
# a team of a company, after its name: "hooli dev team", "acme's procurement", "initech it guys": the company is the name
_TEAM_TAIL = re.compile(r"(?:'s|’s)?\s+(?:(?:" + "|".join(en_cues.DEPARTMENTS) + r"|dev|devs|tech|it)(?:\s+(?:team|guys|folks|people|"
                        r"dept|department))?|team|guys|folks|people|dept|department)$", re.I)
_TEAM_NEXT = re.compile(r"\s*(?:team|guys|folks|people|dept|department)\b", re.I)
# a company after its team: "the IT guys at hooli", "the dev team from initech", "procurement folks over at acme"
_TEAM_AT = re.compile(r"\b(?i:team|guys|folks|people|dept|department)\s+(?i:at|from|of|over\s+at)\s+"
                      r"(?P<name>[A-Za-z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})")


def without_team(text: str, name: str) -> str:
    """The company's name without its team's words after it ("hooli dev team" -> "hooli")."""
    at = text.find(name)
    tail = _TEAM_TAIL.search(name)
    if tail and tail.group()[:1] in "'’" and tail.group().split()[-1].istitle() \
            and tail.group().split()[-1].lower() in en_cues.FIRM_WORDS:
        return name                # "St Anne's Clinic": a business called after its saint, not the clinic of St Anne
    if tail and tail.start() > 0 and (tail.group()[:1] in "'’" or tail.group().strip().lower().split()[-1] in _TEAM_WORDS
                                      or (at >= 0 and _TEAM_NEXT.match(text, at + len(name)) is not None)):
        return name[:tail.start()].rstrip()
    return name


_TEAM_WORDS = frozenset("team guys folks people dept department".split())


def _money_first(name: str) -> bool:
    """"68k ex gst", "$4,500 clutch kit", "4.5 lakh": an amount opening the words is what was quoted, no
    company ("3M Company", its number glued to a capital, stays a name)."""
    first = name.split()[0]
    if not (first[:1].isdigit() or first[:1] in _MONEY_SIGNS) or any(c.isupper() for c in first):
        return False
    return any(a.start == 0 for a in find_amounts(name, "en"))


_MONEY_SIGNS = "$€£¥₹₽₸"


def _usable(name: str, person: str | None) -> bool:
    words = name.lower().split()
    if _ROLE.fullmatch(name):
        return False
    if all((w.strip(".,'’") in STOP and not (w in _NAME_OPENERS and name[:1].isupper())) or w in en_cues.NOT_NAMES
           or w.isdigit() for w in words):
        return False
    if words[0].isdigit() and len(words) < 3:
        return False
    if words[0] in _NOT_FIRMS or _personal(name) or _money_first(name):
        return False
    if person and (_within(name, person) or _within(person, name)) and not _named_after(name, person) \
            and not _after_a_person(name):
        return False
    return len(name) >= 2


_LEGAL = re.compile(r"(?<![\w&])((?:[A-Z][\w&'.-]*\s+|&\s+|of\s+|the\s+){0,4}[A-Z][\w&'.-]*,?\s+" + en_cues.LEGAL_SUFFIX
                    + r")(?![\w]|-\w)")        # "Co-op" is no "Co"
_TYPED = re.compile(r"\b(?i:visited|called|met\s+with|emailed|texted|from|at|with)\s+((?:(?!\s[—–-]\s)[^,\n—–]){1,60}?\s" + en_cues.LEGAL_SUFFIX
                    + r")(?=\W|$)(?!-\w)")
# what a rep did, and "w"/"with": never a word of a company's name ("met w umbrella corp", "visited acme corp")
_DID_WITH = frozenset("""met meet meeting called call calls visited visit emailed texted phoned pinged messaged spoke
talked chatted lunch dinner coffee demo demoed signed stopped dropped got""".split())
_LEGAL_LOWER = re.compile(r"(?<![\w/@-])((?:(?!(?:" + "|".join(sorted(map(re.escape, STOP | _DID_WITH), key=len, reverse=True))
                          + r")(?:\s|$))[a-z][\w&'.-]*\s+){1,3}(?:ltd|llc|inc|corp|plc|gmbh)\b\.?)")
_CALLED = re.compile(r"\b(?i:(?:company|place|business|firm|practice|shop|outfit|clinic|restaurant|group|chain|school|"
                     r"one|spot|office|store|startup|agency)\s+(?:called|named|by\s+the\s+name\s+of)|(?<!new\s)company|"
                     r"(?:it's|its|it\s+is|they're|they\s+are)\s+called)"
                     r"\s+(?:uh\s+|um\s+)?")
_NEW = re.compile(r"\b(?i:nuev[oa]\s+(?:cliente|cuenta|lead)|(?:brand\s+)?new\s+(?:one|lead|prospect|customer|client|company|account|contact|opportunity)"
                  r"(?:\s+(?:is|called|named|here|today|mate|guys))?)\s*(?:[:,—–-]|!+)?\s*(?:the\s+)?")
# someone introducing themselves in a message pasted on: "this is Mark from Sierra Pass Movers", "soy Ana de …"
_INTRO = re.compile(r"\b(?i:this\s+is|it's|soy|i'm)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?i:from|de|at|with)\s+")
_OF = re.compile(r"\b(?i:owner|owners|co-?founder|founder|ceo|cfo|cto|coo|president|director|manager|gm|vp|head|principal|"
                 r"partner)s?\s+(?:of|at|from)\s+")
_PREP = re.compile(r"\b(?i:(?:dropped|stopped|swung|popped|came|went|walked|drove)\s+(?:by|in(?:to)?|at|@|over\s+to|"
                   r"out\s+to|up\s+to|to)|walk(?:ed)?[\s-]+in\s+(?:at|to)|" + "|".join(en_cues.BEFORE_COMPANY) +
                   r"|from|at|with|w/|w|for|to|into|@|about|on|re|ringing|left|leaving|by|outside|inside|in"
                   r"|runs|owns|co-?owns|founded|started)\s+(?:the\s+)?")
# "cold call a Rancho Linda Dairy": an article, then a name of capitalised words only
_A_NAME = re.compile(r"\b(?i:" + "|".join(en_cues.BEFORE_COMPANY) + r"|cold\s+call(?:ed)?)\s+an?\s+(?=[A-Z])")
_NAME_OF = re.compile(r"\b[A-Z][a-z]+\s+of\s+(?=[A-Z])")
_LOWER = re.compile(r"\b(?i:visited|called|phoned|emailed|texted|pinged|messaged|met\s+with|stopped\s+by|dropped\s+by|sent)\s+"
                    r"([a-z][a-z0-9&'-]{2,})(?=\s*(?:[,.;!?]|$|\s+(?:today|yesterday|this|again|and|about|re|-|—)\b))")
_TRADE_RUN = re.compile(r"(?<![\w&'-])(?<!^)[A-Z][\w&'-]*\s+(?:[A-Z][\w&'-]*\s+){0,3}(?=[A-Z])")
# a document right after a lower-case phrase: the phrase says what it is for, it names no company
_PAPER_AFTER = re.compile(r"\s+(?:quote|quotes|quotation|proposal|proposals|pricing|price|invoice|contract|deck|spec|specs|"
                          r"brochure|estimate|order|po|agreement|samples?)\b", re.I)
# whose people a new contact is: "new contact at hooli - raj", "contact from pinecrest dental: raj 555-0199"
_CONTACT_AT = re.compile(r"\b(?i:(?:new\s+)?(?:contact|poc|point\s+of\s+contact|person|buyer|champion|decision[\s-]?maker|guy|gal|lady|woman|man|dude|someone|somebody|folks|people|rep)"
                         r"\s+(?:at|from|@|over\s+at)\s+(?:the\s+)?)")
_PLACE_PREP = frozenset(("to", "in", "into", "near", "outside", "on", "by"))


def find(text: str, person: str | None, query: bool = False) -> str | None:
    """The company an English note is about, when it is not one of the team's: of every way a name
    stands in the note, the heaviest candidate, the earliest among equals."""
    text = _EMAIL.sub(lambda m: " " * len(m.group()), text)
    found = [*_legal_forms(text, person), *_introduced(text, person), *_lower_after_verb(text, person),
             *_opening(text, person), *_after_prepositions(text, person), *_unmarked(text, person)]
    team = _TEAM_AT.search(text)
    if team and _usable(team.group("name"), person) and team.group("name").lower() not in STOP:
        return team.group("name")
    if not found:
        return None
    return without_team(text, max(found, key=lambda c: (c.weight, -c.start)).name)


def _cued(text: str, pos: int, person: str | None, base: int, lower_ok: bool = True,
          strong: bool = True) -> Candidate | None:
    """The name right after a cue at `pos` ("a company called", "new lead:", "at"), unless the cue
    follows what only mentions a company ("referred by", "went with"); after a weak cue ("at"), one
    lower-case word alone is too often no name."""
    if STOP_BEFORE.search(text, max(0, pos - 40), pos):
        return None
    got = _name_at(text, pos, lower_ok, cued=True) or (None if lower_ok else _lower_trade_name(text, pos))
    if not got or not _usable(got[0], person):
        return None
    name = got[0]
    if not strong and name.islower() and " " not in name:
        return None
    if name.islower() and _PAPER_AFTER.match(text, got[1]):
        return None                                  # "sent the menu board quote": what the quote is for
    return Candidate(pos, name, _weight(name, base))


def _lower_trade_name(text: str, pos: int) -> tuple[str, int] | None:
    """A lower-case name of two words or more that ends with a trade ("met with silver lake pediatrics",
    "call w/ marisol beauty supply"): a company even where one lower-case word would not be."""
    got = _name_at(text, pos, True, cued=True)
    if got is None:
        return None
    words = got[0].lower().split()
    return got if len(words) >= 2 and words[-1] in en_cues.FIRM_WORDS else None


def _legal_forms(text: str, person: str | None) -> Iterator[Candidate]:
    """Names with a legal form ("Acme Corp", "Visited acme industries inc", "umbrella ltd"): the heaviest."""
    for m in _LEGAL.finditer(text):
        name = m.group(1)
        while name.split()[0].lower() in STOP or name.split()[0].lower() in en_cues.NOT_NAMES:
            name = name.split(None, 1)[1] if " " in name else ""
            if not name:
                break
        if name and _usable(name, person) and not STOP_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            yield Candidate(m.start(), name.rstrip(",."), 7)
    for m in _TYPED.finditer(text):                # "Visited <b>Acme</b> Inc": whatever is written before the legal form
        name = m.group(1).strip()
        if _usable(name, person) and not STOP_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1)):
            yield Candidate(m.start(1), name, 7)
    for m in _LEGAL_LOWER.finditer(text):
        if _usable(m.group(1), person):
            yield Candidate(m.start(1), m.group(1), 6)


def _introduced(text: str, person: str | None) -> Iterator[Candidate]:
    """Names a phrase introduces: "a place called", "new lead:", "this is Mark from", "owner of",
    "Lisa Park of", "new contact at"."""
    cues: tuple[tuple[re.Pattern[str], int, bool, bool], ...] = (
        (_CALLED, 6, True, True), (_NEW, 5, True, True), (_INTRO, 6, True, True), (_OF, 4, True, False),
        (_NAME_OF, 3, False, True), (_CONTACT_AT, 5, True, True))
    for cue, base, lower_ok, strong in cues:
        for m in cue.finditer(text):
            got = _cued(text, m.end(), person, base, lower_ok, strong)
            if got and cue in (_OF, _NAME_OF) and _DEPARTMENT.fullmatch(got.name):
                continue                             # "Head of Procurement, Ashcombe Foods": a department, no company
            if got:
                yield got


def _lower_after_verb(text: str, person: str | None) -> Iterator[Candidate]:
    """One lower-case word right after what the rep did, before a pause: "called initech", "visited acme today"."""
    for m in _LOWER.finditer(text):
        if _usable(m.group(1), person) and m.group(1) not in en_cues.FIRST_NAMES:
            yield Candidate(m.start(1), m.group(1), 2)


def _opening(text: str, person: str | None) -> Iterator[Candidate]:
    """The name that opens the note after "ok so", "update:", followed by a pause or what the company
    did ("Initech signed", "Acme renewed"); a lower-case phrase alone is no company."""
    lead = re.match(_OPENERS + r"(?:the\s+)?", text, re.I)
    start = lead.end() if lead else 0
    got = _name_at(text, start)
    heading = _HEADING.match(text, got[1]) if got and " " not in got[0] and got[0].islower() else None
    if got and heading:               # "booth: Nexa MedSupply purchasing mgr …": a heading, then the company
        named = _name_at(text, heading.end(), lower_ok=False)
        if named and _usable(named[0], person) and not _personal(named[0]) \
                and (got[0] in _HEADINGS or _weight(named[0], 0) >= 2):
            yield Candidate(heading.end(), named[0], _weight(named[0], 3))
            return
    if got and _usable(got[0], person) and _ends_lead(text, got[1], got[0]) and (got[0][:1].isupper() or text[got[1]:].strip()) \
            and not _opener_alone(text, got):
        yield Candidate(start, got[0], _weight(got[0], 3))
    elif got and person and got[0][:1].isupper() and " " in got[0] and _personal(got[0]) and _HEADED.match(text, got[1]) \
            and not _within(got[0], person) and not _within(person, got[0]):
        yield Candidate(start, got[0], _weight(got[0], 3))   # "Murray Downs - seen Bill Hutchins the owner": a heading


_LOWER_NEXT = re.compile(r"\s+[a-z]")
_HEADED = re.compile(r"\s*(?::|\s[-–—]\s|—)")     # after a name heading the note


def _opener_alone(text: str, got: tuple[str, int]) -> bool:
    """"Cold call to …", "Big order from …": a word that opens names ("Cold Creek Dairy") alone before a
    lower-case word is the note's own word, no company ("Store 24" has its number)."""
    return " " not in got[0] and got[0].lower() in _NAME_OPENERS and _LOWER_NEXT.match(text, got[1]) is not None


# after one lower-case word opening a note, a colon or a dash: that word heads the note ("booth:", "lobby -")
# when it is where the rep is, or when a company's name follows ("brinewell: Dot Pryce owner" is brinewell's)
_HEADINGS = frozenset("booth stand table lobby hall floor expo show event day recap notes note update".split())
_HEADING = re.compile(r"\s*(?::|\s[—–-])\s*(?=[A-Z])")


def _after_prepositions(text: str, person: str | None) -> Iterator[Candidate]:
    """A name after "at", "with", "dropped by", "to": light, lightest after a word more often before a town."""
    for m in _PREP.finditer(text):
        prep = m.group().split()[0].lower()
        base = 1 if prep in _PLACE_PREP else 3
        got = _cued(text, m.end(), person, base,
                    lower_ok=prep not in ("to", "for", "about", "on", "re", "with", "w", "w/", "by", "in"), strong=False)
        if got and prep in ("at", "@", "to", "in") and _EVENT_AFTER.match(text, got.start + len(got.name)):
            got = Candidate(got.start, got.name, 0)   # "at the chamber of commerce breakfast": who held the event
        if got:
            yield got


# an event right after a name met at: the name is the host or the venue ("the Rotary Club lunch", "Hyatt mixer")
_EVENT_AFTER = re.compile(r"\s+(?:breakfast|brunch|lunch|luncheon|dinner|gala|mixer|meetup|meet-up|networking|event|expo|"
                          r"conference|summit|fair|show|trade\s*show|party|reception|seminar|webinar|workshop|forum)s?\b", re.I)


def _unmarked(text: str, person: str | None) -> Iterator[Candidate]:
    """Names no cue introduces: capitalised after "a" ("cold call a Rancho Linda Dairy"), any capitalised
    name with a trade in it ("working Pinegrove Dental"), a clause of its own between separators
    ("new lead - windy city dumpsters - guy named frank")."""
    for m in _A_NAME.finditer(text):
        got = _name_at(text, m.end(), lower_ok=False)
        if got and _usable(got[0], person) and len(got[0].split()) >= 2 and all(w[:1].isupper() or w.lower() in _CONNECTORS
                                                                                 for w in got[0].split()):
            yield Candidate(m.end(), got[0], _weight(got[0], 3))
    for m in _TRADE_RUN.finditer(text):
        got = _name_at(text, m.start(), lower_ok=False)
        if got and _usable(got[0], person) and any(w.lower() in en_cues.FIRM_WORDS for w in got[0].split()[1:]) \
                and not trade_surname(got[0]):
            yield Candidate(m.start(), got[0], _weight(got[0], 1))
    for cut in _SEPARATOR.finditer(text):
        got = _name_at(text, cut.end())
        if got and _usable(got[0], person) and _ends_lead(text, got[1], got[0]) and len(got[0].split()) >= 2:
            yield Candidate(cut.end(), got[0], _weight(got[0], 2))


def _ends_lead(text: str, end: int, name: str = "") -> bool:
    """True when a name that opens a note or a clause is followed by a separator or what the company did
    (after a capitalised name, any past-tense verb: "Initech complained about...", "Acme renewed")."""
    rest = text[end:end + 24]
    if not rest.strip() or _SEPARATOR.match(rest):
        return True
    if rest.startswith(("'s ", "’s ")) and " " in name and name.istitle():
        return True                              # "Kiama Bowls Club's secretary Ron rang": the company's people
        # (one word is as often a person's: "Bev's out till the 4th")
    nxt = rest.split(None, 1)[0].strip(".,!?:")
    return (nxt.lower() in _LEAD_NEXT or nxt.lower() in en_cues.FIRST_NAMES and nxt[:1].isupper()
            or name[:1].isupper() and nxt.lower() in _ITS_PEOPLE
            or name[:1].isupper() and _DID.fullmatch(nxt) is not None)
