"""The person an English note is about, however the rep wrote them: after a job title ("ops mgr
Glenn Hardy", "head of school = Ruth Abernathy"), before one ("Ros Whitaker (office mgr)"), after
someone was met or called ("spoke w/ vinny"), doing something ("Gareth says", "jen sent the count"),
named ("a lady named Priya Raman"), with a title ("dr feld"), at their company ("Tom from Prairie
Wind"), or alone between commas ("Quote 9,800 sent. mike").

Each way gives a candidate; the earliest wins (the longer at the same place). A capitalised pair
that goes on as a company ("Cherry Creek Pediatric Therapy", "Meridian Biolabs") is no person, and
a lower-case word is a name only when it is a known first name (or has a title or a phone next to it).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from handlers.understanding import first_chars
from handlers.understanding.en_firms import CAP_STOP, STOP, STOP_BEFORE, trade_surname, verbish
from handlers.understanding.languages import en as en_cues
from handlers.understanding.languages.protocol import one_of
from handlers.understanding.lex_names import LEGAL_FORMS

_UP = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:[-'’][A-ZÀ-Ý]?[a-zà-ÿ]+)?"
_TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Miss|Doctor|dr|mr|mrs|ms|doctor)\.?\s+)"
_CAP = _TITLE + r"?" + _UP
_LOW = r"[a-zà-ÿ][a-zà-ÿ'’-]+"
_ANY = r"(?:" + _CAP + r"(?:\s+" + _UP + r")?|" + _LOW + r"(?:\s+" + _LOW + r")?)"
_ROLES = (r"(?:" + one_of(en_cues.ROLES) + r"|(?:\w+\s+)?mgr|dir(?:ector)?\s+of\s+\w+|bursar|head\s+(?!of\b)\w+|principal|broker|coach|"
          r"(?:board\s+)?president|dentist|vet|fd|(?:\w+\s+)?manager|(?:\w+\s+)?lead(?<!\bsales\slead)(?<!\bnew\slead)|"
          r"purchasing|procurement|(?:the\s+)?owner'?s?\s+(?:son|daughter|wife|husband))")
_ROLE_NAME = re.compile(r"\b(?P<role>" + _ROLES + r")(?:\s*(?:,|:|=|\(|\s-|–)\s*|\s+(?:is|was|named|called)\s+|\s+)"
                        r"(?!(?:of|at|from|for|in|with|said|says|wants|is|was|and|to)\b)(?P<name>" + _ANY + r")", re.I)
_NAME_ROLE = re.compile(r"(?P<name>" + _CAP + r"(?:\s+" + _UP + r")?|" + _LOW + r")\s*(?:,\s*(?:the\s+|their\s+|our\s+|his\s+|her\s+)?|"
                        r"\(\s*(?:the\s+|their\s+|our\s+)?|\s+[-–]\s+|\s+(?:is\s+|was\s+)?(?:the|their|our|his|her)\s+|"
                        r"\s+(?:he's|she's|who's|who\s+is|he\s+is|she\s+is)\s+(?:the\s+|their\s+|our\s+)?)"
                        r"(?P<role>(?i:" + _ROLES + r"))\b")
# a first and last name typed small, then the title in brackets: "bob tanner (operations manager)", "mark chen (VP ops)"
_LOW_PAIR_PAREN_ROLE = re.compile(r"(?<![\w'’])(?P<name>" + _LOW + r"\s+" + _LOW + r")\s*\(\s*(?P<role>(?i:" + _ROLES + r"))\b")
# a person met or reached right before a name: "got thru to", "spoke with", "met"
_REACHED_BEFORE = re.compile(r"\b(?:to|with|w/|met|reached|of|called|rang)\s+$", re.I)
# a name and the title right after it, no verb, up to a pause: "sarah lee purchasing, no budget yet", "w/ gavin belson ceo"
_NAME_BARE_ROLE = first_chars.compile(r"(?<![\w'’])(?P<name>" + _CAP + r"(?:\s+" + _UP + r")?|" + _LOW + r"(?:\s+" + _LOW + r")?)\s+"
                             r"(?P<role>(?i:" + _ROLES + r"))(?=\s*(?:[.,;:!?)]|\s[-–]|$))")
_NAMED = re.compile(r"\b(?i:named|name\s+is|se\s+llama|name's|name\s+was|(?:guy|lady|woman|man|gentleman|person|contact)\s+called|"
                    r"contact\s+(?:person\s+)?is|contact:|contact(?!\s+(?:at|from|@|over|with|for|in)\b)|(?:decision[\s-]?maker|poc|dm|champion)\s+(?:is|=|:))\s+(?P<name>" + _ANY + r")")
_DECIDES = re.compile(r"(?i:decision[\s-]?maker)")
# "Hartwell's guy is Dave", "their go-to there is Priya": a known first name or a first and last name
_GUY_IS = re.compile(r"\b(?i:guy|gal|person|man|lady|woman|go-?to|contact|point\s+person)(?:\s+(?:there|over\s+there|on\s+site))?"
                     r"\s+(?i:is|=|was)\s+(?P<name>" + _CAP + r"(?:\s+" + _UP + r")?|" + _LOW + r")")
# who wrote a message pasted on: "this is Mark from Sierra Pass Movers", "soy Ana de Panadería La Estrella"
_INTRO = re.compile(r"\b(?i:this\s+is|soy|it's|i'm)\s+(?P<name>" + _CAP + r"(?:\s+" + _UP + r")?)(?=\s+(?i:from|de|at|with)\s)")
_MET = first_chars.compile(r"\b(?i:" + "|".join(en_cues.MET_PERSON + en_cues.REACHED_PERSON) + r"|meeting|mtg|spoke|speaking|talked|"
                  r"talking|chatted|caught\s+up|lunch|coffee|call|calling|rang|ringing|heard\s+(?:back\s+)?from|ran\s+into|"
                  r"got\s+hold\s+of|email\s+from|text\s+from|call\s+from|message\s+from|from|to|sent|told|per|asked|gave|"
                  r"showed|thanked|caught|saw|found|cc'?d|copied|(?:went|came|drove|popped|going)\s+(?:up\s+|down\s+|over\s+|out\s+)?to\s+see)"
                  r"(?:\s+(?:with|w/|w|to))?\s+(?P<name>" + _ANY + r")")
# a company's person met or called, the company said first: "a call w Ribbleton's Helen Carr", "met Acme's Jo Park"
_THEIRS = re.compile(r"\b(?i:w/|w|with|to|met|called|rang|emailed)\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}['’]s\s+"
                     r"(?P<name>" + _UP + r"\s+" + _UP + r")")
# before "Name from/at Company" these make any capitalised name a person: "with Priyanka from Initech"
_BEFORE_AT = re.compile(r"(?:" + "|".join(en_cues.BEFORE_PERSON_AT) + r"|\+\s)$", re.I)
_DOES = (r"said|says|say|told|tells|called|calls|call|emailed|emails|texted|messaged|replied|wrote|sent|sends|send|signed|agreed|"
         r"confirmed|confirms?|wants|want|asked|asks|mentioned|invited|loved|liked|likes|approved|accepted|answered|"
         r"answer|thinks|thought|will|'ll|introduced|brought|showed|needs|promised|decided|came|rang|floated|ok'?d|"
         r"took|walked|gave|got|has|had|is|was|reviewing|happy|sounded|seemed|picked\s+up|finally|let|floated|brought|"
         r"signing|signs|came\s+back|pushed\s+back|countered|approved|flagged|raised|runs|handles|manages|heads|"
         r"oversees|looks\s+after|does|works|(?:is\s*n[o'’]t|not|never|hasn'?t|didn'?t)\s+(?:answering|replying|responding|picking\s+up|"
         r"answered|replied|responded|picked\s+up|called\s+back|got\s+back)")
_DOES_AT = re.compile(r"(?:'s)?\s+(?:(?:finally|just|also|already|then|still|never|now|def|definitely|he|she)\s+)?"
                      r"(?P<verb>(?i:" + _DOES + r"))\b")
_LAST_WORD = re.compile(r"(?<=\s)(?P<name>" + _UP + r"|" + _LOW + r")$")
_BEFORE_VERB = re.compile(r"(?<![\w'’.])(?P<name>" + _CAP + r"(?:\s+" + _UP + r")?|" + _LOW + r"(?:\s+" + _LOW + r")?)$")
# a word that ends a job title: without one, no title is written
_ROLE_HINT = first_chars.compile(r"\b(?i:c[eftoimrp]o|ciso|[se]?vp|gm|md|fd|owner'?s?|founder|president|chairman|officer|dir|director|head|"
                        r"manager|mgr|lead|chief|coordinator|supervisor|specialist|buyer|analyst|admin\w*|architect|engineer|"
                        r"executive|accountant|controller|assistant|receptionist|principal|superintendent|partner|agent|"
                        r"bursar|broker|coach|dentist|vet|purchasing|procurement|guy|gal|pharmacist|eng|qs|surveyor|dev|developer|programmer|designer|sysadmin|"
                        r"" + "|".join(en_cues.ROLES) + r")\b")
_SPEECH = frozenset("said says say told tells mentioned thinks thought agreed promised confirmed confirm asked".split())
_OWNS = re.compile(r"(?<![\w'’])(?P<name>" + _CAP + r"(?:\s+" + _UP + r")?|" + _LOW + r")['’]s\s+(?i:birthday|bday|b-day|number|phone|cell|mobile|"
                   r"email|e-mail|direct\s+line|line|md|boss|manager|team|office|assistant)\b")
_AT = re.compile(r"(?<![\w'’])(?P<name>" + _CAP + r"(?:\s+" + _UP + r")?|" + _LOW + r")\s+(?:from|at|@|over\s+at)\s+\w")
_WITH = re.compile(r"(?<![\w'’])(?P<name>" + _LOW + r"|" + _UP + r")\s*(?:\+|&|and)\s*(?:their\s+\w+\s+)?(?:" + _TITLE
                   + r")?[A-Za-z]")
_HONORIFIC = re.compile(r"\b(?P<name>(?:Mr|Mrs|Ms|Mx|Dr|Prof|Miss|Doctor|dr|mr|mrs|ms|doctor|sister|Sister|(?i:old\s+(?:man|lady))(?=\s+(?!(?:turns|turned|turning|is|was|has|had|says|said|wants|needs|died|passed|retired|retiring|will|would|just|still|and|of)\b)[A-Za-z]))\.?\s+"
                        r"[A-Za-zÀ-ÿ][a-zà-ÿ'’-]+(?:\s+(?:" + _UP + r"|" + _LOW + r"))?)")
_ALONE = re.compile(r"(?:^|[.,;:!?—]\s*|\s[-–]\s*)(?P<name>" + _CAP + r"(?:\s+" + _UP + r")?|" + _LOW + r"(?:\s+" + _LOW
                    + r")?)\s*(?=[.,;!?]|\s[-–]|$)")
_ROLE_WORD = re.compile(_ROLES, re.I)
_HEADED = re.compile(r"\s*(?::|\s[-–—]\s|—)")      # a note's heading before what is said of it
_CARD_HEAD = re.compile(r"\s*(?P<name>" + _UP + r"\s+" + _UP + r")\s*[/|｜]")
_TEAM_WORDS = frozenset("dev devs tech it ops".split())     # "spoke to the dev team": a team, nobody's name
# the title set off right after the person's name: ", software dev,", " (qa engineer)"
_ROLE_AFTER = re.compile(r"\s*(?:,|\(|[-–])\s*(?:the\s+|their\s+|a\s+)?(?P<role>(?i:" + _ROLES + r"))\s*(?=[,;.)]|\s+(?:at|from|of)\b|$)")
# the title right after the name, no comma, up to a pause: "met Pepper Potts COO, they want …"
_BARE_ROLE_AFTER = re.compile(r"\s+(?P<role>(?i:" + _ROLES + r"))(?=\s*(?:[.,;:!?)]|\s[-–]|$))")
# capitalised words a name often follows at the start of a sentence ("Contact Jen Alvarez", "Met Tony Russo")
_CUES = frozenset("""contact met called emailed texted pinged messaged visited spoke talked rang ask email call text
owner manager engineer director bursar principal coach broker partner founder president buyer accountant""".split())
_EMAIL = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+")
_PAUSE = re.compile(r"\s*(?:[.,;:!?)\-–—+&]|$|\d)")
# what a person did, right after their name: the word before it is their surname ("karen ames says")
_DID_AFTER = re.compile(r"\s+(?:called|calls|rang|said|says|told|emailed|texted|replied|wrote|wants|wanted|signed|"
                        r"confirmed|agreed|asked|is|was|will|would|has|had|just|finally)\b", re.I)
# a company's people named right after it: "Brightline Signs owner", "Northpoint Glass GM"
_ITS_PEOPLE = frozenset("owner owners gm ceo boss manager mgr director founder president guy guys people team".split())
_NOT_SURNAMES = frozenset("herself himself themselves itself myself yourself".split())
_TITLES = ("dr", "mr", "mrs", "ms", "mx", "prof", "miss", "doctor", "sister")
# first names that are also words: in lower case, a name only when something is said of them ("mark signed")
_WORDLIKE = frozenset("""will mark bill rob sue pat art jack ray max grace hope faith joy rose dawn drew chase rich chip
skip bud june april jan may cliff gene dean grant hunter lance miles reed rod les val vic penny sandy rusty frank wade
guy earl mack glen ivy iris lily olive pearl ruby violet summer autumn angel sky""".split())


def _words(name: str) -> list[str]:
    return name.replace(".", " ").split()


def _first_known(word: str) -> bool:
    return word.lower().strip("'’") in en_cues.FIRST_NAMES


def _clean(name: str, lowercase_ok: bool, after: str = "") -> str | None:
    """The name without words that are no name ("Heather um" -> "Heather", "Patricia invited" -> "Patricia");
    a lower-case surname only after a lower-case first name and before a pause ("frank oconnor 312...")."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".'’") in STOP:
        words = words[1:]                           # "Met Maria" -> "Maria"
    titled = words[0].lower().rstrip(".") in _TITLES
    keep: list[str] = []
    for i, w in enumerate(words):
        low = w.lower().rstrip(".'’")
        if i == 0 and titled:
            keep.append(w)
            continue
        if titled and len(keep) >= 2 and _first_known(w):
            break                                    # "Ms. Peters Diane Peters"
        possessive = low.endswith(("'s", "’s"))
        if possessive:
            low = low[:-2]
        if low in STOP or low in en_cues.NOT_NAMES or low in CAP_STOP or low in LEGAL_FORMS or low in _NOT_SURNAMES:
            break
        if keep and not titled and w[:1].isupper() != keep[-1][:1].isupper():
            break                                    # "Patricia invited", "tasha Brooks"
        if keep and not titled and not w[:1].isupper() and not _PAUSE.match(after, 0) and i == len(words) - 1 \
                and (low.endswith("s") or verbish(low)) and not _DID_AFTER.match(after):
            break                                    # "stan runs it": no surname, unless before a pause or a verb
            # ("leah brooks called back", "karen ames says")
        if not w[:1].isupper() and not keep and not (titled or lowercase_ok or _first_known(w)):
            break
        if keep and w[:1].isupper() and _first_known(w) and not _first_known(keep[-1]) and not titled:
            keep = []                                # "Sun Kurt" -> "Kurt"
        keep.append(w[:-2] if possessive else w)
        if possessive:
            break
    if titled and len(keep) < 2:
        return None
    if not keep:
        return None
    return " ".join(keep)


def _companyish(text: str, start: int, end: int, name: str) -> bool:
    """True for a capitalised pair that is a company: a trade word in it, or more capitals after it."""
    words = [w.lower() for w in _words(name)]
    if words and words[0] in _TITLES or trade_surname(name):
        return False
    if any(w in en_cues.FIRM_WORDS or w in LEGAL_FORMS for w in words):
        return True
    after = text[end:end + 30].lstrip()
    nxt = after.split(None, 1)[0] if after else ""
    if len(words) >= 2 and not _first_known(words[0]) and nxt[:1].isupper() and nxt.lower() not in CAP_STOP \
            and not _ROLE_WORD.fullmatch(nxt.strip(".,;:").lower()):     # "Pepper Potts COO": a title, not "… Corp"
        return True
    if nxt.lower().strip(".,") in en_cues.FIRM_WORDS or nxt.lower().strip(".,") in LEGAL_FORMS:
        return True
    if len(words) >= 2 and not _first_known(words[0]) and nxt.lower().strip(".,") in _ITS_PEOPLE:
        return True                                  # "met Brightline Signs owner": the owner's company
    before = text[max(0, start - 20):start].rstrip()
    prev = before.split()[-1] if before.split() else ""
    if not prev[:1].isupper() or prev.endswith((".", ",", ":", "!", "-", "—")) or start == 0 or text[start - 1] != " " \
            or _first_known(words[0]):
        return False
    low = prev.lower()
    return low not in CAP_STOP and low not in STOP and low not in _CUES and not _first_known(prev) \
        and not _ROLE_WORD.fullmatch(low)


def firm_not_person(name: str, role: str | None) -> bool:
    """True for a "person" that may be a company: two or three capitalised words, no title, no job written
    with them, none a known first name ("Met Harlan Meats at the expo"); "Met Sandra Lopez" is a person.
    Such a pair is taken for the company when the note names no company and another person (core.py)."""
    words = _words(name)
    return role is None and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
        and words[0].lower() not in _TITLES and not any(_first_known(w) for w in words)


def _person_like(name: str, level: int) -> bool:
    """At level 2 a known first name or a title and a name; at 1 also two capitalised words; at 0 any."""
    words = _words(name)
    if words[0].lower() in _TITLES:
        return len(words) >= 2
    if _first_known(words[0]):
        return True
    if level >= 2:
        return False
    return level == 0 or (len(words) == 2 and all(w[:1].isupper() for w in words))


@dataclass(frozen=True)
class _Sighting:
    """A place a person may be named: the match (its group "name"), the job title written with it, how
    sure the way of writing is (0: any name, 1: also two capitals, 2: a known first name or a title),
    whether a lower-case name will do, and whether something is said of them ("mark signed")."""

    m: re.Match[str]
    role: str | None
    level: int
    lowercase_ok: bool = False
    said: bool = False


def find(text: str, taken: tuple[int, int]) -> tuple[str | None, str | None]:
    """(contact, role) of an English note; `taken` is the customer's span, never a person. The earliest
    person wins (the longer at the same place); a title written with another mention of them is theirs."""
    text = _EMAIL.sub(lambda m: " " * len(m.group()), text)
    sightings = [*_titled(text), *_introduced(text), *_doers(text), *_beside(text)]
    found = [got for got in (_person(text, taken, s) for s in sightings) if got]
    if not found:
        return None, None
    found.sort(key=lambda f: (f[0], f[1]))
    if len(found) > 1 and found[0][3] is None and _HEADED.match(text, found[0][0] - found[0][1]) \
            and not text[:found[0][0]].strip() and any(r and n != found[0][2] for _, _, n, r in found[1:]):
        found = found[1:]       # "Murray Downs - seen Bill Hutchins the owner": the heading is the place, he the person
    start, _, name, role = found[0]
    if role is None:
        role = next((r for s, _, n, r in found if r and (n.split()[0] == name.split()[0]
                                                         or n.split()[-1] == name.split()[-1])), None)
    if role is None:                                 # "met peter gibbons, software dev, at a meetup", "met Pepper Potts COO,"
        after = _ROLE_AFTER.match(text, start + len(name)) or _BARE_ROLE_AFTER.match(text, start + len(name))
        role = after.group("role") if after else None
    return name, role


def _person(text: str, taken: tuple[int, int], s: _Sighting) -> tuple[int, int, str, str | None] | None:
    """The person of a sighting as (start, -length, name, role), or None when it is no person: inside
    the customer's name, after "referral from", a common word in lower case, or a company's name."""
    m = s.m
    raw, start = m.group("name"), m.start("name")
    if taken[0] <= start < taken[1] or taken[0] < m.end("name") <= taken[1]:
        return None
    if STOP_BEFORE.search(text, max(0, start - 40), start):
        return None                                  # "referral from Tina", "found us through Marcus"
    if _colleague(text, start, m.end("name")):
        return None                                  # "tom rang hatherley's", "update from Priya": one of ours
    name = _clean(raw, s.lowercase_ok, text[m.start("name") + len(raw):m.start("name") + len(raw) + 16])
    if name and len(name.split()) > 1 and _ROLE_WORD.fullmatch(name.split()[-1]):
        name = name.rsplit(None, 1)[0]               # "karen procurement": karen, of procurement
    if not name or (name.islower() and (_ROLE_WORD.fullmatch(name) or name in _TEAM_WORDS)):
        return None                                  # "spoke to the dev team": a title, nobody's name
    start += raw.find(name.split()[0]) if name.split()[0] in raw else 0
    first = name.split()[0]
    if not name[:1].isupper() and first.lower() not in _TITLES:
        if not (s.lowercase_ok or _first_known(first)) or (first in _WORDLIKE and not (s.said or s.lowercase_ok)):
            return None
    if not _person_like(name, s.level) or _companyish(text, start, start + len(name), name):
        return None
    return start, -len(name), name, s.role.strip() if s.role else None


_COLLEAGUE_DID = re.compile(r"\s*(?:" + one_of(en_cues.COLLEAGUE_DID) + ")", re.I)
_COLLEAGUE_BEFORE = re.compile(r"\b(?:" + one_of(en_cues.COLLEAGUE_BEFORE) + r")\s+$", re.I)


def _colleague(text: str, start: int, end: int) -> bool:
    """True when the name at start..end is one of ours doing the work ("tom rang hatherley's", "Mark had a
    call w …", "Priya's got a new prospect") or bringing the news ("update from Priya"), at a clause's start."""
    opens = start == 0 or text[:start].rstrip()[-1:] in ".!?;\n—–-:"
    return (opens and _COLLEAGUE_DID.match(text, end) is not None) \
        or _COLLEAGUE_BEFORE.search(text, max(0, start - 20), start) is not None


def _titled(text: str) -> Iterator[_Sighting]:
    """A name after its job title ("ops mgr Glenn Hardy", "principal hernandez said") or before it
    ("Ros Whitaker (office mgr)", "sarah lee purchasing, no budget"); only in a note where a title is written at all."""
    if _ROLE_HINT.search(text) is None:
        return
    for m in _overlapping(_ROLE_NAME, text):      # "receptionist, the buyer is Alice Wong": the buyer's name too
        if m.group("name")[:1].isupper():
            yield _Sighting(m, m.group("role"), 0)
            continue
        first = m.group("name").split()[0]          # "principal hernandez said", "owner sal."
        after = text[m.start("name") + len(first):m.start("name") + len(first) + 12].lower()
        spoken = _PAUSE.match(after) is not None or after.split(None, 1)[:1] in (["said"], ["says"], ["told"])
        yield _Sighting(m, m.group("role"), 0 if spoken else 2, lowercase_ok=spoken)
    for m in _NAME_ROLE.finditer(text):
        if "(" in text[m.end("name"):m.start("role")] and m.group("name").lower() not in _WORDLIKE:
            yield _Sighting(m, m.group("role"), 0, lowercase_ok=True)     # "met norman (ceo)": a name by its title
            continue
        yield _Sighting(m, m.group("role"), 1 if m.group("name")[:1].isupper() else 2)
    for m in _LOW_PAIR_PAREN_ROLE.finditer(text):      # "got thru to lucius fox (CTO)": reached, a name by its title
        if _first_known(m.group("name").split()[0]) or _REACHED_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            yield _Sighting(m, m.group("role"), 0, lowercase_ok=True)
    for m in _NAME_BARE_ROLE.finditer(text):      # a known first name, then the title: "sarah lee purchasing"
        yield _Sighting(m, m.group("role"), 2, lowercase_ok=True)


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Each match, and the next one searched from the end of its title (not of its name): a title taken
    for another title's name ("receptionist, the buyer") leaves the second title's own name to be read."""
    at = 0
    while (m := pattern.search(text, at)) is not None:
        yield m
        at = m.end("role")


def _introduced(text: str) -> Iterator[_Sighting]:
    """A name a phrase introduces: "a lady named Priya", "their guy is Dave", "this is Mark from",
    after someone was met or called ("spoke w/ vinny")."""
    for m in _NAMED.finditer(text):               # "the decision maker is Tom Reyes": the title said with the name
        maker = _DECIDES.match(m.group())
        yield _Sighting(m, maker.group().strip() if maker else None, 0, lowercase_ok=True)
    for m in _GUY_IS.finditer(text):
        yield _Sighting(m, None, 1)
    for m in _INTRO.finditer(text):
        yield _Sighting(m, None, 0)
    for m in _THEIRS.finditer(text):            # "a call w Ribbleton's Helen Carr": the company's person
        yield _Sighting(m, None, 0)
    for m in _MET.finditer(text):               # after "with" or "to" two unknown capitals are more often a company
        yield _Sighting(m, None, 2 if re.match(r"(?i:with|w/|to|from)(?!\w)", m.group()) else 1)


def _doers(text: str) -> Iterator[_Sighting]:
    """Who did something, before the verb: "Gareth says", "jen sent the count", "logistics jen sent"
    (the last word too); surer when something is said and the name opens a clause."""
    for v in _DOES_AT.finditer(text):
        doer = _BEFORE_VERB.search(text, max(0, v.start() - 40), v.start())
        if doer is None:
            continue
        speech = v.group("verb").lower() in _SPEECH
        for hit in (doer, _LAST_WORD.search(text, doer.start(), v.start())):
            if hit is not None:
                clause_start = hit.start() == 0 or text[:hit.start()].rstrip()[-1:] in ".!?:;,—-\n"
                yield _Sighting(hit, None, (1 if clause_start else 0) if speech else 2 if clause_start else 1, said=True)


def _beside(text: str) -> Iterator[_Sighting]:
    """A name by what belongs to them or who they are with: "Ana's cell", "Tom from Prairie Wind",
    "jen + her boss", "dr feld", or alone between commas ("Quote 9,800 sent. mike")."""
    for m in _OWNS.finditer(text):
        yield _Sighting(m, None, 0, lowercase_ok=True)
    for m in _AT.finditer(text):                # "with Priyanka from Initech": unknown first names too
        before = text[max(0, m.start() - 12):m.start()].lower()
        yield _Sighting(m, None, 0 if _BEFORE_AT.search(before) else 2)
    for m in _WITH.finditer(text):
        yield _Sighting(m, None, 2)
    for m in _HONORIFIC.finditer(text):   # "Ms. Peters Diane Peters": the title's name alone
        yield _Sighting(m, None, 0, lowercase_ok=True)
    for m in _ALONE.finditer(text):
        yield _Sighting(m, None, 2)
    card = _CARD_HEAD.match(text)
    if card:                                  # "Ines Carvalho / Atlantica Seafood / …": a card's fields on one line
        yield _Sighting(card, None, 0)
