"""English: the cues the offline understanding reads in a rep's note or question.

One phrase a line (a word or a small regular-expression fragment, any case); see
languages/protocol.py for what each slot means.
"""
from __future__ import annotations

from handlers.understanding.days import (YEAR, DEADLINE_TODAY, MONTH_END, MONTH_SLASH_DAY, NEXT_MONTH_END, NEXT_MONTH_START,
                                         NEXT_WEEK, NEXT_WEEK_END, TODAY, WEEK_AFTER_NEXT, WEEK_END, day_of_month,
                                         days_ago, in_days, last_weekday, named_month, numeric_date, offset, weekday,
                                         weekday_of_next_week)
from handlers.understanding.languages.protocol import one_of
from handlers.understanding import calendar as _cal
from datetime import date as _date, timedelta as _timedelta
import re as _re

CODE = "en"

# -- what the writer wants --

_GREETINGS = [r"/?help", r"/start", r"menu", r"commands", r"hi", r"hello", r"hey", r"hiya",
              r"good\s+(?:morning|afternoon|evening)", r"start"]
HELP = [
    r"^\W*" + one_of(_GREETINGS) + r"\W*(?:there|bot)?\W*$",
    r"\bwhat\s+can\s+(?:you|u|ya|ya'?ll)\s+do\b",
    r"\bhow\s+(?:do|can|should)\s+i\s+(?:use|log|add|record|enter|ask|see|get)\b",
    r"\bhow\s+does\s+(?:this|it|the\s+bot)\s+work\b",
    r"\bhow\s+to\s+use\b",
    r"\bhelp\s+me\b",
    r"\bi\s+need\s+help\b",
    r"\bwhat\s+are\s+(?:the\s+)?commands\b",
    # asking how to use the bot, casually
    r"\bis\s+this\s+thing\s+on\b",
    r"\bwhat(?:'s|’s|s|\s+does|\s+do|\s+is)\s+(?:this|the|ur|your)\s+bot\s+(?:do|doing|for|good\s+for)\b",   # "whats this bot do again?"
    r"\bwhat\s+(?:all\s+)?can\s+(?:this|the)\s+(?:bot|thing)\s+do\b",
    r"\bvoice\s+(?:notes?|messages?|memos?)\s+work",
    r"\bis\s+there\s+a\s+(?:way|command|shortcut)\b(?!\s+(?:to|i\s+can)\s+(?:see|view|get|check|list|pull\s+up)\s+"
    r"(?:who|what|which|my|all)\b)",         # "is there a way to see who I'm supposed to call": that list
    r"\bhow\s+(?:exactly\s+)?(?:do|can|should)\s+i\s+(?:\w+\s+){0,2}(?:use|log|add|record|enter|ask|see|get|undo|find|mark|set|"
    r"move|change|close|edit|update|delete|remove|fix|put|save|input|type|store|attach|upload)\b",
    r"\bis\s+it\s+(?:ok(?:ay)?|fine|alright)\s+(?:if\s+i|to)\s+(?:\w+\s+){0,1}(?:log|put|add|write|send|type|enter)\b",
    r"\b(?:which|what)(?:'s|\s+is|\s+are)?\s+(?:one\s+is\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}commands?\b",
    r"\bcan\s+i\s+(?:just\s+)?(?:add|log|write|send|put|use|type|delete|edit|change|undo|record)\b",
    r"(?<!\bor\s)\bdo\s+i\s+(?:need|have)\s+to\s+(?:add|log|write|type|create|enter|ask|send)\b",
    # whether the bot reminds: "can you remind me of stuff?", "will it ping me", "does it send reminders"
    r"^\W*(?:can|could|will|would|do|does)\s+(?:you|it|the\s+bot|this)\s+(?:\w+\s+)?(?:remind|ping|notify|nudge|alert)\s+me\b",
    r"\b(?:will|would|does|do)\s+(?:it|you|the\s+bot|this)\s+(?:\w+\s+)?(?:ping|remind|notify|nudge|alert)\s+me\b",
    r"\b(?:does|do|can)\s+(?:it|you|the\s+bot|this)\s+(?:send|do|set)\s+reminders\b",
    r"\bshould\s+i\s+(?:send|write|log|put|type)\s+(?:two|2|separate|one|both|each|them|it)\b",
]
_TAKE_BACK = [
    r"undo(?:\s+(?:it|that|this|the\s+last(?:\s+one)?))?",       # "↩️ Undo it": the button's words typed
    r"revert",
    r"cancel(?:\s+(?:that|the\s+last(?:\s+one)?|last))?",
    r"scratch\s+that",
    r"delete\s+(?:that|the\s+last(?:\s+one)?)",
]
UNDO = [r"^\W*/?" + one_of(_TAKE_BACK) + r"\W*$"]
_FINISHED = r"(?:done|completed|finished|✅)"
# "done 1", and "1 done" as the list numbers it (one group `n`: a slot's phrases are compiled as one alternation)
DONE = [r"^(?=\W*/?(?:done|did|completed?|finished|✅)\s*#?\s*\d{1,3}\W*$|\W*#?\d{1,3}\s*[-—:.)]?\s*(?:is\s+)?" + _FINISHED + r"\W*$)"
        r"\W*/?(?:(?:done|did|completed?|finished|✅)\s*)?#?\s*(?P<n>\d{1,3})\s*(?:[-—:.)]?\s*(?:is\s+)?" + _FINISHED + r")?\W*$"]
_FOLLOWUP_WORD = r"(?:follow[\s-]?ups?|reminders?|tasks?|to-?dos?)"
DROP_FOLLOWUP = [
    r"^\W*/?(?:delete|remove|drop|cancel|erase)\s+(?:the\s+|my\s+|that\s+)?(?:wrong\s+)?" + _FOLLOWUP_WORD
    + r"(?:\s*(?:no\.?|number|#)?\s*(?P<n>\d{1,3}))?\W*$",
    r"^\W*/?(?:delete|remove|drop)\s*#?\s*(?P<n>\d{1,3})\W*$",
    r"^\W*/?(?:delete|remove|drop|cancel|erase)\s+(?:the\s+|my\s+|that\s+)?(?:wrong\s+)?" + _FOLLOWUP_WORD
    + r"\s+(?:for|with|about|on|at|to|due)\s+(?P<name>[^\s].{0,80}?)\W*$",
    # "delete the Globex follow-up on Friday": the customer before, the day after
    r"^\W*/?(?:delete|remove|drop|cancel|erase)\s+(?:the\s+|my\s+|that\s+)?(?P<name>[^\s].{0,60}?)\s+" + _FOLLOWUP_WORD
    + r"\s+(?:for|on|due)\s+(?P<when>[^\s].{0,40}?)\W*$",
    r"^\W*/?(?:delete|remove|drop|cancel|erase)\s+(?:the\s+|my\s+|that\s+)?(?P<name>[^\s].{0,80}?)\s+" + _FOLLOWUP_WORD
    + r"\W*$",
]
_MERGE_VERB = r"(?:merge|dedupe)"
MERGE = [
    r"^\W*/?" + _MERGE_VERB + r"\s+(?:customer\s+)?(?P<a>.+?)\s+(?:in)?to\s+(?:customer\s+)?(?P<b>.+?)\W*$",
    r"^\W*(?P<a>.+?)\s+is\s+(?:a\s+)?duplicate\s+of\s+(?P<b>.+?)\W*$",
]
RENAME = [
    r"^\W*(?:please\s+)?/?rename\s+(?:the\s+)?(?:customer\s+|client\s+|company\s+|account\s+)?(?!(?:the\s+)?stage\b)"
    r"(?P<a>.+?)\s+(?:to|as|into)\s+(?P<b>.+?)\W*$",
    r"^\W*(?:please\s+)?change\s+(?:the\s+)?name\s+of\s+(?:customer\s+|client\s+|company\s+)?(?P<a>.+?)\s+to\s+(?P<b>.+?)\W*$",
    r"^\W*(?:please\s+)?change\s+(?P<a>.+?)'s\s+(?:company\s+)?name\s+to\s+(?P<b>.+?)\W*$",
]
PIPELINE = [
    r"\bwhat(?:'s|s|\s+is)\s+(?:still\s+)?left\s+to\s+(?:close|sign|land)\b",        # "whats left to close before year end"
    r"\bpipeline\b",
    r"\bforecast\w*\b",
    r"\bfunnel\b",
    r"^\W*(?:show\s+)?(?:my|our)\s+(?:open\s+|active\s+)?deals\W*$",   # "my deals": the asker's open deals
    r"\bdeals?\s+(?:closing|to\s+close|in\s+play|expected|that\s+will\s+close)\b",
    r"\b(?:what|which)\s+(?:deals|opportunities)\b",
    r"\bwhat(?:'s|s|\s+is|\s+will)\s+(?:closing|close)\b",
    # "what are we signing before xmas", "what're we gonna land this month", "what will we book in Q1"
    r"\bwhat(?:'re|\s+are|\s+will|\s+do|'ll)\s+we\s+(?:(?:going\s+to|gonna|likely\s+to|expecting\s+to|hoping\s+to|planning\s+to|set\s+to)\s+)?"
    r"(?:sign|signing|clos(?:e|ing)|land|landing|book|booking|bring(?:ing)?\s+in|win|winning)\b",
    # what is still open, by size or stage: "what's still open over 50k?", "how much is in negotiation right now"
    r"\bwhat(?:'s|s|\s+is|\s+are)\s+(?:still\s+)?(?:open|live|in\s+play|outstanding)\s+(?:over|above|under|below|"
    r"bigger\s+than|north\s+of|at|in)\b",
    r"\b(?:deals?|opps?|opportunities)\s+(?:over|above|under|below|bigger\s+than|north\s+of|>|<)\s*[$€£]?\d",
    # a director asking by stage, rep or quarter: "deals by stage for Q1", "negotiation deals for Jess",
    # "what's Dana got in proposal", "what's in negotiation over 100k", "how many deals did we win in Q4"
    r"\b(?:deals?|opps?|opportunities|pipeline|revenue|bookings)\s+by\s+(?:stage|rep|owner|person|quarter|month)\b",
    r"\b(?:lead|qualified|proposal|negotiation|won|lost)(?:\s+stage)?\s+(?:deals|opps|opportunities)\b",
    r"\bwhat(?:'s|s|\s+is|\s+has)\s+[A-Za-z]+\s+(?:got\s+)?(?:in|at)\s+(?:the\s+)?(?:lead|qualified|proposal|negotiation)\b",
    r"\bwhat(?:'s|s|\s+is|\s+are)\s+(?:still\s+)?(?:in|at)\s+(?:the\s+)?(?:lead|qualified|qualification|proposal|negotiation|"
    r"contract)(?:\s+stage)?\b",
    r"\bhow\s+many\s+(?:deals|opps|opportunities)\b",
    r"^\W*(?:total|sum|value)\s+(?:of\s+(?:deals\s+)?)?(?:signed|won|closed|booked|lost)\b",
    r"\bhow\s+much\b[^.?!]{0,30}\b(?:in|at)\s+(?:the\s+)?(?:lead|qualified|qualification|proposal|"
    r"negotiation|negotiations|contract|closing)(?:\s+stage)?\b",
    r"\b(?:total|value|sum)\s+(?:in|at)\s+(?:the\s+)?(?:proposal|negotiation|qualified|lead)\s+stage\b",
    # a sales director's shorthand: "Q1 commit vs best case?", "the quarter's number by rep"
    r"\b(?:q[1-4]|quarter|month|year|fy\s*\d*)(?:'s)?\s+(?:commit|best\s+case|worst\s+case|upside|number|target)\b",
    r"\b(?:commit|best\s+case|worst\s+case|upside)\s+(?:vs\.?|versus|and|/|v)\s+(?:commit|best\s+case|worst\s+case|upside|"
    r"pipeline|target)\b",
    r"\bexpected\s+(?:revenue|to\s+close)\b",
    # how the numbers stand against a target or an earlier period: "are we ahead or behind", "are we on track for Q1"
    r"\bare\s+we\s+(?:ahead|behind|up|down|on\s+track|on\s+pace|tracking)\b",
    r"\bopen\s+deals\b",
    # "biggest deals open right now?", "largest opps", "top 5 deals in play"
    r"\b(?:biggest|largest|fattest|juiciest)\s+(?:\d+\s+)?(?:open\s+|live\s+|active\s+)?(?:deals|opps|opportunities)\b",
    r"\bhow\s+much\s+(?:will\s+we|are\s+we\s+going\s+to)\s+close\b",
    r"\b(?:how\s+much|what)\b[^.?!]{0,40}\bclos(?:e|es|ing)\b",
    r"\bclos(?:e|es|ing)\s*\?",
    r"\bpipe\b",
    r"\b(?:our|the)\s+number\s+(?:for|this)\b",
    r"\bwhat\s+does\s+(?:" + "|".join(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december", r"(?:this|next)\s+month",
                                       r"q[1-4]", r"(?:this|next)\s+quarter")) + r")\s+look\s+like\b",
    # a period's numbers asked loosely: "how's june looking vs may?", "hows the quarter shaping up"
    r"\bhow(?:'s|’s|s|\s+is|\s+are)\s+(?:(?:this|next|last)\s+(?:month|quarter)|the\s+(?:month|quarter)|q[1-4]|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\s+(?:looking|shaping\s+up)\b",
    # "which tenders do we have in December", "what bids are due this month"
    r"^\W*(?:which|what|how\s+many)\s+(?:tenders|bids|rfps)\s+(?:do\s+we\s+have\s+|are\s+(?:due|open)\s+)?(?:in|for|this|next|due)\b",
]
_DUE_WORDS = [r"follow[\s-]?ups?", r"follow\s+up", r"call\s+back", r"remind\w*", r"due", r"to\s+do", r"todo",
              r"need\s+to\s+(?:call|contact|chase|ping)"]
_DAY_ASKED = r"(?:today|tomorrow|this|next|mon|tue|wed|thu|fri|sat|sun|\d)"
_AFTER_I_HAVE = [r"$", r"\?", r"to\s+do", r"due", r"(?:mon|tue|wed|thu|fri|sat|sun)\w*", r"planned", r"scheduled", r"lined", r"coming", r"going", r"left",
                 r"today", r"tonight", r"tomorrow", r"tmrw", r"this", r"next", r"(?:for|on)\s+(?:the\s+)?" + _DAY_ASKED]
_WHOM_TO = [r"call", r"ping", r"chase", r"contact", r"e-?mail", r"text", r"visit", r"see", r"reach\s+out\s+to",
            r"follow\s+up\s+(?:with|on)"]
# the whole message a day's list ("Friday's follow-ups", "tomorrow's calls", "this week's reminders"): a question
_DAY_NAMED = (r"(?:today|tonight|tomorrow|tmrw|(?:this|next)\s+week|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)"
              r"(?:day)?)")
_DAYS_LIST = (r"^\W*(?:(?:what\s+(?:are|about)|show(?:\s+me)?|list)\s+)?(?:my\s+|the\s+)?" + _DAY_NAMED
              + r"(?:['’]?s)?\s+(?:follow[\s-]?ups?|f/?u(?:ps?|s)?|reminders|tasks|to-?dos?|calls|visits|list|agenda)\W*$")
# a follow-up moved from one day to another (day_instead.moved_day): a move's words anywhere in the note (with the
# word before it that is no part of the step moved: "the deadline has moved to 5 Feb") ...
_MOVE_AUX = r"\b(?:(?:has|have|had|is|was|were|got|gets|been|being|will|would|'s|’s)\s+(?:been\s+|be\s+|got\s+)?)?"
DAY_MOVE = [
    _MOVE_AUX + r"\bmov(?:e|es|ed|ing)\b",
    _MOVE_AUX + r"\bpush(?:es|ed|ing)?\b",
    _MOVE_AUX + r"\bresched\w*",
    _MOVE_AUX + r"\bshift(?:s|ed|ing)?\b",
    _MOVE_AUX + r"\bbump(?:s|ed)?\b",
    _MOVE_AUX + r"\bpostpon\w*",
]
# ... right before the day it leaves ("from friday to monday") ...
DAY_MOVED_FROM = [r"from"]
# ... and between the day it leaves and the one it goes to ("wednesday call to friday", "from friday to monday")
DAY_MOVED_TO = [r"(?:'s|’s)?\s*(?:[a-z]+\s+){0,2}?(?:to|till|until|->|→)"]
# a day said in place of another (day_instead.py): between the day kept and the one taken back ("wed not tmrw") ...
DAY_INSTEAD = [
    r",?\s*not(?:\s+on)?",
    r",?\s*instead\s+of",
    r",?\s*rather\s+than",
]
# ... right before the day taken back ("not tmrw, wed") ...
DAY_NOT = [
    r"not",
]
# ... and between the day taken back and the one kept ("not thursday but friday")
DAY_BUT = [
    r"but",
    r"it'?s",
    r"make\s+it",
]
FOLLOWUPS = [
    r"\bwhat\s+(?:should|do|must)\s+i\s+(?:do|work\s+on|focus\s+on)\b",
    r"\bwhat\s+do\s+i\s+need\s+to\s+do\b",
    r"\b(?:who|what|whats|which|any|anything|anyone|anybody)\b[^.?!]{0,40}\b" + one_of(_DUE_WORDS) + r"\b",
    r"\bmy\s+(?:follow[\s-]?ups?|reminders|tasks|to-?dos?)\b",
    r"\b(?:follow[\s-]?ups?|reminders|tasks)\s+(?:for|due|list)\b",
    r"\bwhat(?:'s|s|\s+is)\s+due\b",
    # "do i have anything for tomorrow", "have I got anything on friday", "my list today?"
    r"\b(?:do|have|did)\s+i\s+(?:have|got)\s+(?:anything|something|stuff|much|any\s+(?:calls|visits|meetings))\b"
    r"(?=\s*" + one_of(_AFTER_I_HAVE) + ")",
    r"^\W*my\s+(?:list|calls|day|plan)\s*(?:for\s+)?(?:today|tomorrow|tmrw|this\s+week|next\s+week|" + _DAY_ASKED + r"\w*)?\W*\?",
    r"\bwho(?:\s+have|'ve|\s+do|\s+did)?\s+i\s+(?:got|gotta|have|need)\s+(?:to\s+)?" + one_of(_WHOM_TO) + r"\b",
    r"\b(?:show|list)\s+(?:me\s+)?(?:my\s+)?(?:follow[\s-]?ups?|reminders|tasks)\b",
    r"^\W*/?(?:follow[\s-]?ups|reminders|tasks|todo)\W*$",
    # casual ways of asking what is due: "what's on my plate today", "what do I have this week"
    r"\bon\s+my\s+(?:plate|agenda|list|calendar|schedule|radar|to-?do\s+list)\b",
    r"\bwhat(?:'s|\s+is|s)\s+(?:on\s+)?(?:my|the)\s+(?:agenda|schedule|calendar|list|day)\b",
    r"\b(?:what|wat|wut|wot)\s+(?:do|did)\s+i\s+(?:have|got)\b(?=\s*" + one_of(_AFTER_I_HAVE) + ")",
    r"\bwhat(?:\s+have|'ve)\s+i\s+got\b",
    r"\bwhat\s+(?:do|should)\s+i\s+(?:have\s+to|need\s+to|gotta)\s+do\b",
    r"\bwho(?:m)?\s+(?:do|should|must|shall)\s+i\s+(?:be\s+)?" + one_of(_WHOM_TO) + r"(?:ing|\b)",
    r"\bwhat(?:'s|\s+is|s)\s+(?:coming\s+up|next\s+for\s+me|pending|overdue|outstanding|left\s+to\s+do)\b",
    r"\b(?:any|anything|what)\s+(?:else\s+)?(?:overdue|pending|outstanding|scheduled|planned|lined\s+up|coming\s+up)\b",
    r"\bmy\s+(?:agenda|schedule|to-?do\s+list|todo\s+list|open\s+(?:items|tasks)|day\s+(?:today|tomorrow))\b",
    r"\bto-?dos?\s+(?:for|today|tomorrow|this|next)\b",
    r"^\W*(?:to-?dos?|agenda|to-?do\s+list)\b[^.!]{0,30}$",
    r"^\W*f/?u\s+(?:today|tomorrow|tmrw|this\s+w(?:ee)?k|next\s+w(?:ee)?k|list)\W*$",
    r"\b(?:my\s+|the\s+)?f/?us?\s+list\b",                  # "f/u list for next week pls"
    r"\bwh(?:at|o)\s+(?:am\s+i|should\s+i\s+be|do\s+i\s+need\s+to\s+be)\s+chasing\b",
    r"\bsupposed\s+to\s+(?:call|ping|visit|chase|follow\s+up|contact|see)\b",
    r"\b(?:which|what)\s+(?:customers|clients|accounts|people|ones)\s+(?:should|do|must)\s+i\b",
    r"^\W*(?:today|tomorrow|tmrw)\W*\?\W*$",
    _DAYS_LIST,
    # "deadlines this week?", "what deadlines do i have tomorrow"
    r"^\W*(?:(?:what|which|any|my)\s+)?deadlines?\s+(?:(?:do\s+i\s+have|are\s+there)\s+)?(?:this|next|today|tomorrow)\b",
    # "who do I owe a call this week?", "who do i owe an email"
    r"\bwho(?:m)?\s+(?:do|did)\s+i\s+owe\s+(?:a\s+|an\s+)?(?:call(?:\s*back)?|callback|ring|visit|reply|answer|e-?mail|quote)",
    # the whole message the day asked about: "whats on today", "what's on for tomorrow?"
    r"^\W*what(?:'s|’s|s|\s+is)\s+on\s+(?:for\s+)?" + _DAY_NAMED + r"\W*$",
    # ... said for oneself or the whole message a day: "whats on for me tmrw?", "anything on tmrw", "what's on for us today"
    r"^\W*what(?:'s|’s|s|\s+is)\s+on\s+for\s+(?:me|us)\s+(?:for\s+|on\s+)?" + _DAY_NAMED + r"\W*$",
    r"^\W*(?:what(?:'s|’s|s|\s+is)|anything|smth|something)\s+on\s+(?:for\s+me\s+)?(?:for\s+|on\s+)?" + _DAY_NAMED + r"\W*$",
]
ACTIVITY = [
    r"\b(?:what\s+did|what\s+has|what\s+have)\s+(?:the\s+|my\s+|our\s+)?(?:team|reps|everyone|people|we|guys)\b",
    r"\bteam(?:'s)?\s+(?:activity|activities|did|done|report)\b",
    r"\bactivity\s+(?:report|this|last|for|today)\b",
    r"\bhow\s+many\s+(?:visits|calls|meetings|interactions|touches|touchpoints|emails)\b",
    r"\bwho\s+(?:visited|called|met)\s+(?:the\s+most|whom|what)\b",
    r"^\W*/?activity\W*$",
    # what one member did: "what did Anna do this week", "what has Boris been up to", "Anna's activity"
    r"\bwhat\s+(?:did|has|have)\s+[A-Za-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]*)*\s+"
    r"(?:do|done|been\s+(?:doing|up\s+to)|work(?:ed)?\s+on|log(?:ged)?|enter(?:ed)?|record(?:ed)?|add(?:ed)?|put\s+in)\b",
    # who leads or lags: "who's got the most visits this month", "who made the fewest calls", "who hasn't logged anything"
    r"\bwho(?:'s|\s+has|\s+had|\s+did|\s+is)?\s+(?:got\s+|done\s+|made\s+|logged\s+|had\s+)?(?:the\s+)?"
    r"(?:most|fewest|least|more|fewer|lowest|highest|top)\s+(?:visits|calls|meetings|notes|activity|activities|touches|emails)\b",
    r"\bwho\s+(?:hasn't|has\s+not|haven't|have\s+not|didn't|did\s+not)\s+(?:log(?:ged)?|visit(?:ed)?|call(?:ed)?|"
    r"enter(?:ed)?|record(?:ed)?|made|done|update[ds]?|been\s+(?:logging|active))\b",
    r"\b[A-Za-z]+(?:'s|’s)\s+(?:activity|activities|week|month|numbers|stats)\b",
    r"\bactivity\s+(?:of|by|for)\s+[A-Z]",
    # team figures asked in shorthand: "visits this wk by rep", "calls + visits this month, team"
    r"\b(?:visits|calls|meetings)\b[^.?!]{0,30}\b(?:by|per)\s+(?:rep|person|people|member|head)\b",
    r"\bteam\s+(?:visits|calls|meetings)\b",
    r"\b(?:calls|visits|meetings)\s*(?:\+|and|&)\s*(?:calls|visits|meetings)\b",
    # two members' work set side by side: "compare Dana's and Omar's calls for November"
    r"^\W*compare\s+(?:[\w']+\s+){0,4}(?:calls|visits|meetings|activity)\b",
    # two members by name alone: "compare Dana and Omar this month", "compare Dana's with Omar's"
    r"^\W*(?:(?:pls|plz|please|can\s+you)\s+)?compare\s+(?-i:[A-Z][a-z]+)(?:'s)?\s+(?:and|&|vs\.?|with|to)\s+(?-i:[A-Z][a-z]+)",
]
QUERY = [
    # "did Orla at brackenfield ever get back to us?", "has Globex ever replied"
    r"\b(?:did|has|have)\s+[\w&'’-]+(?:\s+[\w&'’-]+){0,3}\s+ever\s+(?:get(?:ten)?\s+back|got\s+back|repl(?:y|ied)|respond(?:ed)?|call(?:ed)?\s+back|answer(?:ed)?)\b",
    r"\bstatus\s+(?:of|on|for)\b",
    r"\b(?:any\s+)?updates?\s+on\b",
    r"\bhow(?:'s|\s+is|\s+are)\s+(?:things\s+(?:with|at)|\w+(?:\s+\w+)?\s+(?:doing|going))\b",
    r"\bwhat\s+do\s+(?:we|i)\s+know\s+(?:about|on)\b",
    r"\bwhat(?:'s|s|\s+is)\s+(?:the\s+)?(?:latest|status|story|update|history|news)\s+(?:with|on|for|of|at)\b",
    r"\btell\s+me\s+(?:about|everything\s+about)\b",
    r"\b(?:info|information|details|history|summary|status|notes)\s+(?:on|about|for|of)\b",
    # "card Globex", "globex card", "customer history Globex", "globex history": the customer's card
    r"^\W*(?:customer\s+|client\s+)?(?:card|history|profile)\b",
    r"^\W*\S+(?:\s+\S+){0,3}\s+(?:card|history|profile)\W*$",
    r"\b(?:show(?!\s+(?:day|floor|stand|booth|hall)\b)|pull\s+up|look\s+up|lookup|find|search)\s+(?:me\s+)?(?:the\s+)?(?:customer|client|account|card|everything)?\b",
    r"\bwhere\s+are\s+we\s+(?:with|on|at)\b",
    r"\bany\s+(?:news|updates?)\s+(?:from|on|about)\b",
    r"\bhow(?:'s|\s+is)\s+(?:it\s+going\s+with|the\s+deal\s+with)\b",
    r"\bwho\s+is\s+(?:our\s+)?(?:contact|the\s+contact)\s+at\b",
    r"\bsummari[sz]e\b",
    r"\brundown\b",
    r"\bstatus\W*$",
    r"\bwhere\s+are\s+we\b",
    r"\b(?:anything|what's|whats|what\s+is)\s+new\s+(?:with|w/|on|at)",
    r"\bwhen\s+did\s+(?:we|i|anyone|anybody)\s+last\b",
    r"\bin\s+(?:the\s+)?(?:system|crm|here)\b",
    r"\bwho(?:'s|\s+is|s)\s+(?:talking\s+to|on|got|working|handling|covering|dealing\s+with|in\s+touch\s+with)\b",
    r"\b(?:anyone|anybody|somebody|someone)\s+(?:know|knows|talked|talk|worked|working|spoken|dealt|called|visited|"
    r"been|ever|already)\b",
    r"\bdo\s+we\s+(?:already\s+)?(?:have|know)\b",
    # whether a customer is in already: "did I already put Halvard Foods in or do I need to add them"
    r"\b(?:did|have|has)\s+(?:i|we|you|someone|anyone|anybody)\s+(?:already\s+)?(?:put|add(?:ed)?|enter(?:ed)?|"
    r"log(?:ged)?|create[d]?|set\s+up)\b",
]
QUESTION_START = [r"(?:what|wat|wut|who|which|how)(?:'s|s|'re|'d)?\b", r"(?:show(?!\s+(?:day|floor|stand|booth|hall)\b)|list|give|tell|summari[sz]e|compare)\b", r"any(?:thing|one|body)?\b",
                  r"(?:when|where|why|whose)\b", r"(?:anyone|anybody|somebody|someone)\b",
                  r"(?:is|are|was)\s+(?:there|anyone|anybody|it|this|that|we|they)\b",
                  r"(?:do|does|did|have|has)\s+(?:we|you|i|they|anyone|anybody|somebody|someone|it|this)\b",
                  r"(?:can|could|would|should|will)\s+(?:you|i|we|someone|somebody|anyone)\b"]
# words that open a message and say nothing, before the question or the note itself
ASIDE = [r"hi", r"hello", r"hey", r"hiya", r"yo", r"good\s+(?:morning|afternoon|evening)", r"quick\s+question", r"quick\s+one",
         r"(?:ok(?:ay)?\s+)?real\s+question", r"question", r"ok", r"okay", r"so", r"um+", r"uh+", r"sorry(?:\s+to\s+bother)?",
         r"just\s+curious", r"thanks", r"team", r"guys", r"all"]
# a question mark after these is doubt, not a question: "talked to the owner, Jen I think?"
HEDGE = [r"i\s+think", r"i\s+guess", r"i\s+believe", r"maybe", r"or\s+something", r"right", r"probably", r"roughly"]
# a question the customer asked, told in the note ("gavin asked if we support SSO?", "they want to know when?"):
# its question mark is theirs, and the message is a note, not the writer asking
ASKED_BY_THEM = [r"\b(?:asked|asks|asking)\s+(?:us\s+|me\s+|him\s+|her\s+|them\s+)?(?:if|whether|about|how|what|when|why|where|who|which|for)\b",
                 r"\b(?:wants?|wanted|wanting)\s+to\s+know\b", r"\b(?:inquired|enquired|queried)\b"]
# a time long gone in a lost cue's clause ("we lost them last year, now a new project"): history, no move
LOST_LONG_AGO = [r"\blast\s+year\b", r"\bprevious(?:ly)?\b", r"\byears?\s+ago\b", r"\bback\s+in\s+(?:19|20)\d\d\b",
                 r"\bin\s+the\s+past\b", r"\bonce\s+before\b", r"\blast\s+time\b"]
# a question mark before these takes a word back: "talked to acme? no, apex - their buyer wants a quote"
RETRACT = [r"no\s*[,.!—–-]", r"no\s+(?:wait|sorry|it'?s)\b", r"nope\b", r"sorry\b", r"wait\b", r"i\s+mean\b", r"scratch\s+that\b", r"oops\b"]
# requests the bot cannot do: answered as not understood, never logged
CANNOT = [
    r"^\W*(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:make|create|generate|write|draft|send|e-?mail|print|book|"
    r"order|prepare|fax|export|import|sync|upload|download|convert|turn)\b",
    r"\b(?:export|convert|turn)\s+(?:\w+\s+){0,4}(?:in)?to\s+(?:an?\s+|the\s+|my\s+)?(?:\w+\s+){0,3}"
    r"(?:excel|powerpoint|ppt|pptx|slides?|deck|spreadsheet|csv|pdf|word|google\s+sheets?)\b",
    r"^\W*(?:please\s+)?(?:make|create|generate|draft|write)\s+(?:me\s+)?(?:an?\s+|the\s+)?(?:invoice|pdf|letter|"
    r"e-?mail|document|presentation|deck|slides?|brochure|flyer)\b",
]
QUESTION: list[str] = [_DAYS_LIST]
QUESTION_WORDS: list[str] = []
LOOKING_BACK: list[str] = []
# "what are we signing before xmas", "what closes by the 15th": from today to that day
PERIOD_UNTIL = [r"\b(?:(?P<before>before)|by|until|till|til|thru|through)\s+(?:the\s+)?$"]
# "are we ahead of where we were this time last quarter", "calls vs last month": the current period is asked
PERIODS_COMPARED = [r"\bvs\.?(?!\w)", r"\bversus\b", r"\bcompar(?:e|ed|ing)\b", r"\bagainst\b"]
PERIOD_LAST_ALONE = [r"\b(?:last|previous|prior)\b(?!\s+(?:week|wk|month|quarter|qtr|year|yr)\b)"]
PERIOD_COMPARED = [r"\b(?:vs\.?|versus|compared\s+(?:to|with)|than|from|(?:this|same)\s+time)\s+(?:the\s+)?$"]
STEP_AHEAD: list[str] = []
_NOTE_VERBS = [
    r"no\s+answer",                  # a call that did not get through is still a call: "no answer", "left a vm"
    r"left\s+(?:a\s+)?(?:vm|voicemail|message)",
    r"visited",
    r"called",
    r"phoned",
    r"rang",
    r"met",
    r"had",
    r"emailed",
    r"e-mailed",
    r"texted",
    r"messaged",
    r"sent",
    r"quoted",
    r"signed",
    r"closed",
    r"lost",
    r"won",
    r"demoed",
    r"talked",
    r"spoke",
    r"chatted",
    r"presented",
    r"pitched",
    r"followed\s+up",
    r"remind\s+me",
    r"went",
    r"dropped",
    r"stopped",
    r"left",
    r"caught\s+up",
    r"showed",
]
LOG_VERBS = [r"\b" + one_of(_NOTE_VERBS) + r"\b"]

# -- what happened --

# their own place: a meeting there is a visit ("met their CFO at their office", "meeting at their dock")
_PREMISES = r"(?:office|plant|site|warehouse|store|hq|dock|kitchen|branch|shop|clinic|practice|facility|yard|showroom|" \
            r"factory|premises|place|location|restaurant|cafe|bar|garage|farm|school|campus)s?"
_AT_THEIRS = r"\bat\s+(?:(?:their|thier)(?:\s+[A-Z][\w&'-]+){0,2}|the\s+[\w&'-]+(?:\s+[\w&'-]+){0,2})\s+(?:main\s+|new\s+|corporate\s+|head\s+|district\s+)?" \
             + _PREMISES + r"\b(?!\s+(?:[\w'-]+\s+)?(?:show|fair|expo|exhibition|conference|summit)\b)"   # not "at the farm machinery show"
# at the customer's own name, masked as "_" while cues are read: "Meeting at Twin Oaks was great", "met them @ globex"
_AT_NAME_WORDS = r"\s+(?:(?:them|him|her|with\s+\w+)\s+)?(?:at|@)\s+(?:the\s+)?_"
_AT_NAME = r"(?=" + _AT_NAME_WORDS + ")"
_NOT_THERE = r"(?![^.!?;\n]{0,60}" + _AT_THEIRS + ")(?!" + _AT_NAME_WORDS + ")"
CHANNELS = {
    "visit": [
        r"\bat\s+(?:their|thier)\s+(?:main\s+|new\s+|corporate\s+|head\s+)?" + _PREMISES + r"\b",
        r"\b(?:met|meeting|mtg)\b(?=[^.!?;\n]{0,60}" + _AT_THEIRS + ")",
        # at the customer's own name (masked as "_" while cues are read): "Meeting at Twin Oaks was great"
        r"\b(?:met|meeting|mtg)" + _AT_NAME,
        r"\bpopped\s+(?:in|into|by|over)\b",
        r"\bwalk(?:ed)?[\s-]?in(?:to)?\b(?!\s+from\b)",
        # a note that is only where the rep is: "at ironweed", "@ globex now"
        r"^\W*(?:at|@)\s+(?!(?:the|a|an|my|our|home|lunch|work|least)\b|\d)[\w&'-]+(?:\s+[\w&'-]+){0,3}\W*$",
        r"\b(?:finished|finishing|wrapped|wrapping)(?:\s+up)?\s+(?:at|@)\b",
        r"\bdrop[\s-]?in\b",
        r"\bstopped\s+(?:@|at\b|in\b|into\b)",
        r"\bwrapped\s+up\s+at\b",
        r"\bpulled\s+out\s+of\b",
        r"\b(?:just|i'?m|i\s+am)\s+leaving\b",
        r"\b(?:i\s+was|i'?m|i\s+am)\s+(?:(?:today|just|now|over|out|down|up)\s+)?(?:at|outside)\b",
        r"\bdrove\s+(?:out\s+|over\s+)?to\b",
        r"\bdemo\s+at\s+(?!\d)",
        r"\bsite\s+(?:meeting|visit|walk)",
        r"\bvisit(?:ed|ing)?\b",
        r"\bstopped\s+by\b",
        r"\bdropped\s+(?:by|in|off)\b",
        r"\bswung\s+by\b",
        r"\bwent\s+(?:to|over\s+to|out\s+to)\b",
        r"\bwent\s+(?:by|round)\b(?!\s+(?:email|e-mail|phone|text|the\s+book))",      # "went by north star dental"
        r"\bwent\s+(?:up|down|over|out|round|across)\s+(?:to\s+|there\s+to\s+)?(?:see|visit|meet)\b",   # "went up to see Lorna"
        r"\bon[\s-]?site\b",
        r"\bat\s+their\s+(?:office|plant|site|warehouse|store|hq)\b",
        r"\bjust\s+left\b",
    ],
    "call": [
        # a note that opens with the talk: "spoke to hooli dev team", "just talked with their IT guys", "chatted w/
        # dana", "Riverina Grain - chatted w/ Sharon": a call unless met in person (said further on, "talked to the
        # manager" is how a visit went)
        r"^\W*(?:[^.!?\n—–:,，]{1,60}?(?:\s[—–-]|:)\s+)?(?:i\s+|we\s+|just\s+|finally\s+|quickly\s+)*(?:spoke|talked|chatted|had\s+a\s+(?:quick\s+)?chat)\s+(?:to|with|w/?)\b(?![^.!?;\n]{0,60}\b(?:in\s+person|at\s+(?:the|a|their|our)\s+"
        r"(?:expo|meetup|conference|booth|show|office|site|plant|event|fair|summit)))",
        r"\bvideo\s*(?:call|chat|conference)\b",
        r"\bzoom\b",
        r"\bteams\s+call\b",
        r"\bgoogle\s+meet\b",
        # not someone calling us names ("keeps calling me sweetie")
        r"\bcall(?:ing)?\b(?!\s+(?:me|us|him|her|them)\s+(?!back\b|about\b|again\b|to\b|from\b|at\b|on\b|re\b|twice\b|"
        r"today\b|tomorrow\b|tmrw\b|later\b|every\b|now\b|when\b|after\b|before\b|in\b|this\b|next\b)[a-z])",
        # not a name given ("a company called Ironwood", "it's called Four Peaks"), unless they called us
        "".join(rf"(?<!{w}\s)" for w in ("company", "place", "business", "firm", "outfit", "something", "one", "thing",
                                          "it's", "its", "is", "was", "chap", "guy", "bloke", "lady", "fella",
                                          "woman", "man", "gentleman", "someone", "person")) + r"\bcalled\b",
        r"\bcalled\s+(?:me|us|back|again|in|about)\b",
        r"\bphon(?:ed|e\s+call)\b",
        r"\b(?:on|off|by)\s+(?:the\s+|teh\s+)?phone\b",
        r"\bphone\s+(?:w/?|with)\s",                   # "• phone w Dave Pollard"
        r"\bpicked\s+up\b(?=\W*$|\s*[!.,;:—–]|\s+-\s)",          # "finally picked up!!!", "picked up — spoke to Steve"
        r"\brang\b",
        r"\bvoicemail\b",
        r"\bvm\b",
        r"\bdialed\b",
        r"\bno\s+answer\b",
        r"\bno\s+ans\b",
        r"\bno\s+pick[\s-]?up\b",
        r"\b(?:didn'?t|did\s+not|never)\s+pick\s+up\b",
        r"\bno\s+one\s+picked\s+up\b",
        r"\bgot\s+(?:through|thru)\s+to\b",
        r"\bgot\s+hold\s+of\b",
        r"\bfinally\s+got\s+(?:through|thru)\b",
        # "reached Tom Park": a person reached by phone; not "reached out", "reached an agreement", "reached us via"
        r"\breached\b(?!\s+(?:out|us|an?|the\s+(?:end|stage|point|limit)|agreement|consensus|final|our|its|their|stage|level|target|limit|budget|me|it)\b)",
        r"\b(?:on|over|via)\s+(?:ms\s+)?teams\b",
        r"\(\s*(?:ms\s+)?teams\b",
        r"\bpor\s+tel[eé]fono\b",
    ],
    "meeting": [
        r"\bmet\b" + _NOT_THERE,
        r"\bmeeting\b" + _NOT_THERE,
        r"\bmtg\b" + _NOT_THERE,
        r"\b(?:ran|bumped)\s+into\b",
        r"\bi\s+meet\b",
        r"\bdemo\b(?!\s+at\b)(?=[^.!?\n]{0,40}\b(?:went|was\s+(?:great|good)|done)\b)",
        r"\bmeet\s+with\b",
        r"\bhad\s+(?:a\s+)?(?:lunch|dinner|breakfast|coffee|drinks|beers?)\b",
        r"\blunch\b",
        r"\bdinner\b",
        r"\bbreakfast\b",
        r"\bcoffee\b",
        r"\bdrinks\b",
        r"\bexpo\b",
        r"\bexhibition\b",
        r"\bconference\b",
        r"\btrade\s*show\b",
        r"\bbooth\b",                         # at our stand: "booth: Priyanka from Three Rivers", "came by the booth"
        # a trade show's stand and the cards collected there: "came back to the stand", "stand C22 marco bellini",
        # "Card #1: Priya Nair, …", "First card: Sunita Rao", "show day 1"
        r"\b(?:the|our|same|their|my|his|her|next|a)\s+stand\b(?![\s-]*(?:up|still|alone|by|firm|out)\b)",
        r"\bstand\s+#?[A-Z]?\d+[A-Z]?\b",
        r"^\W*(?:[\w\s.]{0,25}[.:]\s*)?(?:(?:first|second|third|next|last|another|new|one\s+more)\s+)?(?:business\s+)?card\s*(?:#\s*\d+|\d+)?\s*:",
        r"\b(?:first|second|third|next|another|one\s+more)\s+(?:business\s+)?card\b",
        r"\bbusiness\s+cards?\b",
        r"\bshow\s+day\s*\d",
        r"\bat\s+the\s+(?:[\w'-]+\s+){0,5}(?:show|fair|exhibition)\b",
        r"\btrade\s+fair\b",
        r"\bsummit\b",
        r"\bin\s+person\b",
        r"\b(?:qbr|ebr|quarterly\s+(?:business\s+)?review)\b",      # "Stark Industries QBR went well"
        r"\bcaught\s+up\s+with\b",
        r"\bwalk[\s-]?in\s+from\b",          # they came to us: "walk-in from Hartwell Plumbing"
        r"\b(?:came|come|dropped|stopped|swung|popped)\s+(?:by|in|over|round)\s+(?:at\s+|to\s+)?our\b",   # "came by our shop"
        r"\bvisited\s+(?:us|our\s+(?:shop|office|plant|showroom|warehouse|site|booth|stand))\b",
    ],
    "email": [
        r"\be-?mail(?:ed|s)?\b",
        r"\bmailed\b",
        r"\binbox\b",
        r"\bnewsletter\b",
        r"\bfwd?\s*:",                         # an e-mail pasted on: "fwd: \"Hi Daniel, ...\""
    ],
    "message": [
        r"\bwhats\s?app\b",
        r"\bwechat\b",
        r"\btelegram\b",
        r"\bsignal\b",
        r"\bviber\b",
        r"\bslack(?:ed)?\b",
        r"\blinkedin\b",
        r"\bsms\b",
        r"\btext(?:ed)?\b",
        r"\bmessag(?:ed|e)\b",
        r"\bmsg\b",
        r"\bdm(?:ed|'d)?\b(?!\s+is\b|:)",
        r"\bpinged\b",
        r"\b(?:on|via|over|through|thru)\s+(?:insta|instagram|ig|facebook|fb|messenger|imessage)\b",
        r"\b(?:insta|instagram|ig|facebook|fb)\s+(?:dm|message|msg)s?\b",
    ],
}
_ORDER = r"(?:po|purchase\s+order)"
_ARTICLE = r"(?:the\s+|a\s+|their\s+)?"
_INCUMBENT = r"(?:their|the)\s+(?:current|existing|old|incumbent)\s+(?:vendor|supplier|provider|partner)"
_ASKING = [r"wants?", r"want(?:ed|ing)", r"ask(?:s|ed|ing)?(?:\s+for)?", r"asked\s+for", r"need(?:s|ed)?",
           r"expect(?:s|ing)?", r"requesting", r"pushing\s+for", r"demand(?:s|ed|ing)?"]
_NDA = r"(?:nda|mnda|non-?disclosure(?:\s+agreement)?|confidentiality\s+agreement)"
_PAPERS = r"(?:contract|paperwork|agreement|msa|sow|pilot\s+agreement|docs|documents)"
_RIVAL = r"(?:competitor|other\s+(?:vendor|supplier|company|guys|provider|option)|another\s+(?:vendor|supplier|company|provider)|" \
         r"(?:a\s+|an\s+)?(?:used|second[\s-]?hand|refurb(?:ished)?|pre-?owned)\s+(?:one|unit|model|machine|[a-z]+)|" \
         r"(?:a\s+|some\s+)?cheaper\s+(?:vendor|supplier|option|provider|one|guys?|company|outfit|firm|shop)|someone\s+else|" \
         r"somebody\s+else)"
# someone else won the deal: the customer signed with a rival, a rival won it (the deal is lost, see cues.stage)
_NOT_A_RIVAL = r"(?:we|i|we've|finally|just|yay|yes|also|and|so|then|today|yesterday|officially|totally|team|who|which|" \
               r"that|this|it|they|he|she|you|our|sales|deal|never|ever|almost|nearly|really|actually|still)"
# another deal beside one already won: "signed another contract", "a new order", "repeat order", "second PO"
NEW_DEAL = [
    r"\b(?:another|a\s+new|new|second|2nd|third|one\s+more|an?\s+additional|additional|extra|repeat|follow-?on|fresh)\s+"
    r"(?:\w+\s+)?(?:deal|contract|order|po|purchase\s+order|agreement|sow|project|license|licence|batch)s?\b",
    r"\b(?:signed|ordered|bought)\s+(?:again|once\s+more)\b",
    r"\b(?:re-?ordered|reorder(?:ed)?|upsell|expansion|renewal|renewed)\b",
]
WON_BY_OTHER = [
    r"\b(?:they|he|she|client|customer)(?:'ve|\s+have|\s+had)?\s+(?:just\s+|already\s+|apparently\s+|finally\s+)?"
    r"(?:signed|sign)\s+(?:up\s+|a\s+deal\s+|the\s+contract\s+)?(?:with|w/?)\s+(?!us\b|me\b|our\s+(?:team|company|firm)\b)\S",
    # "they've gone with Avensys": another company by its name
    r"\b(?:they|he|she)(?:'ve|\s+have|\s+had)\s+(?:just\s+|already\s+|apparently\s+|finally\s+)?gone\s+(?:with|w/?)\s+"
    r"(?-i:(?!(?i:" + _NOT_A_RIVAL + r"|us|me|our|him|her|them)\b)[A-Z][\w&-]+)(?![\w&-])(?!['’]s\b)",
    r"\bpulled\s+the\s+plug\b",
    # the customer bought it somewhere else: "bought a used autoclave from Ebay", "purchased elsewhere", "ordered from Fisher"
    r"\b(?:bought|purchased|ordered|got\s+it)\s+(?:it\s+|one\s+|them\s+)?(?:elsewhere|somewhere\s+else|direct(?:ly)?\s+from\s+(?!us\b|me\b))",
    r"\b(?:bought|purchased|ordered)\s+(?:[\w$£€.,-]+\s+){0,4}?from\s+(?!us\b|me\b|our\b|(?:the\s+)?(?:us|our\s+\w+)\b)"
    r"(?:a\s+|an\s+|the\s+|another\s+)?(?-i:[A-Z0-9]|(?i:ebay|amazon|alibaba|competitor|rival|another|other|someone|somebody|a\s+|an\s+))",
    r"\b(?:bought|purchased)\s+(?:a\s+|an\s+)?(?:used|second[\s-]?hand|refurb(?:ished)?|pre-?owned)\b",
    r"\b(?:signed|sign)\s+(?:up\s+)?(?:with|w/?)\s+(?:a\s+|the\s+|another\s+|their\s+|our\s+)?" + _RIVAL,
    r"\b(?:signed|sign)\s+(?:up\s+)?(?:with|w/?)\s+(?:the\s+)?(?:competition|incumbent|rival)",
    r"\b(?:competitor|competition|rival|incumbent)s?\s+(?:\w+\s+)?(?:signed|won|took|stole|snagged|got)\s+(?:it|them|the\s+(?:deal|bid|contract|tender|business|account|order|rfp))\b",
    r"(?-i:(?<![\w'])(?!(?i:" + _NOT_A_RIVAL + r")\b)[A-Z][\w&-]+)\s+(?:just\s+|already\s+|apparently\s+)?"
    r"(?:won|took|stole|snagged|snatched)\s+(?:it|them|the\s+(?:deal|bid|contract|tender|business|account|order|rfp))\b",
    r"\b(?:awarded|gave|given|handed)\s+(?:it|the\s+(?:deal|bid|contract|tender|business|order|job|project|rfp))\s+to\s+(?!us\b|me\b|our\b)\w",
    # the customer (its name masked as "_") signed with another company, or another company won the customer
    r"(?<![\w_])_+(?:'s)?\s+(?:just\s+|already\s+|apparently\s+|finally\s+)?(?:signed|went)\s+(?:up\s+)?(?:with|w/?)\s+"
    r"(?-i:(?!(?i:" + _NOT_A_RIVAL + r"|us|me|our|him|her|them)\b)[A-Z][\w&-]+)",
    r"(?-i:(?<![\w'])(?!(?i:" + _NOT_A_RIVAL + r")\b)[A-Z][\w&-]+)\s+(?:just\s+|already\s+|apparently\s+)?"
    r"(?:won|took|stole|snagged|snatched)\s+_+(?![\w_])",
]
# a lost cue said of another company by its name ("Pacifica signed. AlphaGraphix lost lol"): the rival lost
LOST_BY_OTHER = [
    r"(?-i:(?<![\w'])(?!(?i:" + _NOT_A_RIVAL + r"|sadly|unfortunately|ugh|damn|dang|welp|well|ok|okay|oh|sigh|yeah|yep|nope|no|"
    r"fyi|update|basically|definitely|probably|customer|client|bid|tender|order|contract|quote|opportunity|opp)\b)[A-Z][\w&-]+)"
    r"\s+(?:just\s+|also\s+|clearly\s+)?lost\b",
]
# a signature still ahead: the deal is in negotiation, whatever else was agreed
# the customer takes the product: won alone, a proposal beside a quote sent ("they're taking the press, sent the quote")
TAKING = [r"\b(?:they(?:'re|\s+are|'ll|\s+will)\s+)?(?:taking|buying|take|buy|going\s+to\s+(?:take|buy))\b", r"\bwill\s+(?:take|buy)\b"]
SIGNATURE_AHEAD = [
    r"\b(?:will|'ll|gonna|going\s+to|should|to|would|'d|could|can)\s+(?:be\s+)?sign(?:ed|ing)?\b(?!\s+off)",
    r"\bsigning\b(?!\s+off)",
    r"(?<!got\s)(?<!got\sthe\s)(?<!got\stheir\s)(?<!have\s)\bsignatures?\b",
    r"\b(?:with|at|to)\s+(?:their|the|his|her)\s+(?:legal(?:\s+team)?|lawyers?|attorneys?|counsel)\b",
    r"\b(?:legal|lawyers?|attorneys?|counsel)\s+(?:is\s+|are\s+|'re\s+)?(?:still\s+)?(?:reviewing|looking\s+at|going\s+over)\b",
    r"\b(?:send|sending)\s+(?:over\s+|them\s+|him\s+|her\s+)?(?:the\s+|a\s+)?(?:formal\s+|final\s+)?" + _PAPERS + r"\b",
    r"\b" + _PAPERS + r"\s+(?:sent\s+over|going\s+out|back\s+to\s+them|to\s+them\s+for)\b",
]
EARLIER: list[str] = []
ASKED_FOR: list[str] = []
STAGES = {
    "won": [
        r"(?<!nda\s)(?<!nda\sis\s)(?<!nda\swas\s)(?<!nda's\s)\bsigned\b(?!\s+off)(?!\s+(?:the\s+|an\s+|our\s+|their\s+)?"
        + _NDA + r")",
        r"\bsign(?:s)?\s+the\s+(?:contract|agreement|deal|order)\b",
        r"\bclosed[\s-]+won\b",
        r"\bclosed\s+(?:the\s+)?deal\b",
        r"\bdeal\s+(?:closed|done|won)\b",
        r"\bwe\s+won\b",
        r"\bwon\s+(?:the|it|them)\b",
        r"\b(?:that's|it's|its|a|so)\s+(?:a\s+)?(?:win|won)\b",
        r"\b" + _ORDER + r"\s+(?:received|recieved|recv?d|rcvd|came\s+in|arrived|signed|issued|is\s+in|in\b)",
        r"\b" + _ORDER + r"\b[^.;!?]{0,40}?\b(?:finally\s+)?(?:came\s+in|arrived|came\s+through|received)\b",
        r"\bgot\s+" + _ARTICLE + r"(?:po|purchase\s+order|contract|deal)\b",
        r"\bsent\s+(?:us\s+|over\s+)?" + _ARTICLE + r"(?:signed\s+)?" + _ORDER + r"\b",
        r"\breceived\s+" + _ARTICLE + _ORDER + r"\b",
        r"\b(?:first\s+|an?\s+|the\s+|their\s+)?" + _ORDER + r"\s+(?:in\s+)?from\s+(?:them|the\s+(?:client|customer)|[A-Z][\w&'-]*)",
        r"\bthey(?:'re|\s+are)\s+in\b",
        r"\baccept(?:ed|s)?\s+(?:the\s+|our\s+|my\s+)?(?:[\w£$€.,/-]+\s+){0,2}(?:quote|quotation|proposal|offer)\b",
        r"\b(?:quote|quotation|proposal|offer)\s+(?:was\s+|got\s+)?accepted\b",
        r"\b(?:chose|picked|going\s+with|went\s+with)\s+us\b",
        r"\b(?:bought|purchased)\b",
        r"\b(?:paid|pay)\s+already\b",
        # an order placed or confirmed: "Luigi's order confirmed", "they confirmed the order", "placed an order"
        r"\b(?:re-?)?orders?\s+(?:is\s+|was\s+|has\s+been\s+|now\s+|all\s+|finally\s+)*(?:confirmed|placed|booked|signed\s+off)\b",
        r"\bconfirmed\s+(?:the\s+|their\s+|an?\s+|our\s+|his\s+|her\s+)?(?:[\w-]+\s+)?(?:re-?)?order\b",
        r"\b(?:placed|put\s+in)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+)?order\b",
        r"\b(?:ordered|re-?ordered)\b(?!\s+(?:from|with|elsewhere|samples?)\b)",
        # the customer's yes to our price: "Claire says go ahead", "gave us the go-ahead", "green light"
        r"\b(?:says?\s+|said\s+|gave\s+(?:us\s+|me\s+)?(?:the\s+|a\s+)?|got\s+(?:the\s+|a\s+)?|have\s+(?:the\s+|a\s+)?)"
        r"(?:go[\s-]+ahead|green[\s-]+light)\b",
        # paid for it all: "Marco paid in full" (a deposit alone is a payment, not the order: no deal is opened by it)
        r"\bpaid\s+(?:in\s+full|(?:it\s+)?all\s+up(?:front)?|upfront)\b",
        # a deposit paid on the order: "paid a 30% deposit", "paid the 2k deposit"
        r"\bpaid\s+(?:a|the|their|an|our)\s+(?:[\w$£€.,%]+\s+){0,2}(?:deposit|down\s*payment|advance|prepayment)\b",
        # they take it, a count or the lot named: "they'll take 5000 cups", "they're taking all 3"
        r"\bthey(?:'ll|\s+will|'re|\s+are)\s+(?:taking|take|buying|buy)\s+(?=(?:the\s+|all\s+|both\s+)?\d)",
        # the customer's name and "won" alone: "luigis won", "Harbour Hotel - won!"
        r"(?<![\w_])_+(?:'s)?\s*(?:[-—:=]\s*)?(?:is\s+|now\s+|finally\s+|officially\s+)?(?:won|closed[\s-]+won)(?=\s*(?:[.!,;:)\n]|$))",
        r"(?:^|[.!;:\n]\s*)(?:finally\s+|officially\s+)?won\s+_+(?![\w_])",
        r"\b" + _ORDER + r"\s*(?:#|no\.?\s*)?\s*\d*\s+(?:is\s+)?attached\b",     # a pasted "PO #44817 attached"
        # a PO told by its number: "signed off!! PO no. SA-44871 for £17,400", never one still awaited
        r"(?<!waiting\sfor\s)(?<!waiting\son\s)(?<!need\s)(?<!needs\s)(?<!chase\s)(?<!chasing\s)\b" + _ORDER
        + r"\s*(?:#|no\.|number|num\.?)?\s*:?\s*(?:[a-z]{1,4}-?)?\d{3,}[\w-]*"
        r"(?!\s+(?:to\s+follow|coming|expected|due|will|pending|not|still|should|on\s+its\s+way)\b)",
        # the goods handed over and billed: "delivered the fridge today", "invoice sent £2,650"
        r"\b(?:we\s+)?delivered\s+(?:the\s+|their\s+|all\s+|both\s+|it\b|them\b|\d+\s+)"
        r"(?!(?:\w+\s+)?(?:samples?|demo|brochures?|catalogues?|quote|proposal|pricing)\b)",
        r"\b(?:final\s+)?invoice\s+(?:sent|issued|raised|went\s+out)\b",
        r"\b(?:sent|issued|raised)\s+(?:them\s+)?(?:the\s+|an\s+|our\s+|their\s+)?(?:final\s+)?invoice\b",
        # a rep switching to Spanish: "firmaron el pilot", "cerramos el deal"
        r"\bfirmaron\b", r"\bfirm[oó]\s+(?:el|la)\b", r"\bcerramos\b",
    ],
    "lost": [
        r"\bsaid\s+no\b",
        r"\bsays?\s+no\b",
        r"\b(?:renewed|stayed|stuck|staying|sticking)\s+with\s+" + _INCUMBENT + r"\b",
        # the deal lost, not an hour, a phone or a paper: "lost the 12k deal", never "lost a week on legal", "nearly lost it"
        r"(?<!almost\s)(?<!nearly\s)\blost\b(?!\s+(?:a\s+|an\s+|one\s+|two\s+|the\s+|my\s+|his\s+|her\s+|our\s+|some\s+)?"
        r"(?:day|week|month|hour|time|phone|laptop|card|signal|connection|track|it\s+in\s+the\s+post|in\s+the\s+post)s?\b)",
        # the customer no longer wants it, said in pinyin: "bu yao le"
        r"\bbu\s?yao\s?le\b",
        r"\b(?:went|going|go|gone)\s+(?:with|w/?)\s+(?:a\s+|the\s+)?" + _RIVAL,
        r"\b(?:went|going|go)\s+(?:with|w/?)\s+(?:\w+\s+){1,3}instead\b",
        r"\b(?:chose|picked|found)\s+(?:a\s+|another\s+|the\s+)?" + _RIVAL,
        r"\bchose\s+(?:a\s+|another\s+)?(?:competitor|vendor)",
        r"\bpicked\s+(?:a\s+|another\s+)?(?:competitor|vendor)",
        r"\bbuy(?:ing)?\s+from\s+(?:an?\s+)?other\b",
        r"\bnot\s+interested\b",
        r"\bno\s+longer\s+interested\b",
        r"\b(?:deal|one|it|that)(?:'s|\s+is|\s+was)?\s+dead\b",
    r"\b(?:won't|will\s+not|wont|not\s+going\s+to|aren't\s+going\s+to|decided\s+not\s+to|chose\s+not\s+to)\s+renew\b",
    r"\b(?:going|doing\s+it|bringing\s+it|taking\s+it|moving\s+it|keep(?:ing)?\s+it|do\s+it)\s+in[\s-]house\b",
        r"\bdeclined\b",
        r"\bturned\s+(?:us\s+)?down\b",
        r"\bclosed[\s-]+lost\b",
        r"\bpassed\s+on\s+(?:us|it)\b",
        r"\bperdimos\b",
    ],
    "negotiation": [
        r"\bhaggl\w*",
        # our offer to be reworked: "they want the whole proposal revised w/ a 3 yr term"
        r"\b(?:quote|quotation|proposal|offer|pricing|contract)\s+(?:re-?worked|revised|redone|changed)\b",
        r"\bnegotiat\w*",
        r"\bdiscount\b",
        r"\bpush(?:ing|ed)?\s+back\s+on\s+(?:price|pricing|terms)",
        r"\bpushing\s+back\b",
        r"\bcounter[\s-]?offer\w*",
        r"\bcounter(?:ing|ed|s)?\s+(?:at|with|back)\b",
        r"\bcountered\b",
        r"\b(?:we|i)\s+(?:offered|came\s+back\s+(?:at|with))\s+(?:them\s+)?[$£€]?\d",
        r"\b" + one_of(_ASKING) + r"\s+(?:a\s+)?\d+(?:\.\d+)?\s*%\s*(?:off|discount|lower|less|reduction)\b",
        r"\b\d+(?:\.\d+)?\s*(?:%|percent|pct)\s+(?:off|discount|lower|less|reduction)\b",
        r"\b\d+(?:\.\d+)?\s*%\s+(?:off|discount)\s+(?:on|from|of)\b",
        r"\b\d+(?:\.\d+)?\s*%\s*\(?(?:not|instead\s+of)\s+\d+(?:\.\d+)?\s*%",
        r"\bapproved\s+\d+(?:\.\d+)?\s*%",
        r"\bredlin\w*",
        r"\brevised\s+(?:contract|terms|agreement)\b",
        r"\b(?:revised|new|different)\s+payment\s+(?:schedule|terms|plan)\b",
        # our offer chosen, the order still to come: "they're going with the 28,750 package", "went with our premium tier"
        r"\b(?:they(?:'re|\s+are)\s+going|(?:they\s+)?went|(?:they\s+)?chose|(?:they\s+)?picked)\s+(?:with\s+)?(?:the|our)\s+"
        r"(?:[\w$€£,.]+\s+){0,2}(?:package|option|plan|tier|bundle)\b",
        r"\b(?:contract|legal)\s+review\b",
        r"\bterms\b",
        r"\bnet\s+\d{2,3}\b",
        r"\btoo\s+expensive\b",
        r"\bprice\s+is\s+too\b",
        r"\bbargain\w*",
        r"\bknock\s+(?:it\s+|that\s+|the\s+price\s+)?down\b",
        r"\bback\s+(?:n|and|&|'n')\s+forth\b",
        r"\bmeet\s+(?:us\s+|them\s+)?in\s+the\s+middle\b",
        r"\bneed\s+(?:it|us|to\s+see\s+it|the\s+price)\s+(?:at|under|below|closer\s+to)\b",
        r"\bagreed\s+to\s+(?:net|the\s+price|\$?\d)",
        r"\baccepted\s+\$?\d",
        r"\bsplit\s+(?:the\s+)?(?:purchase|payment|order|cost|deal|invoice)\b",
        r"\blower\s+(?:the\s+)?(?:price|pricing)\b|\bprice\s+(?:\w+\s+){0,2}(?:lower|down)\b",
        # their order on its way, no signature named: "they're sending the PO by friday", "PO coming tmrw"
        r"\b(?:sending|send|will\s+send|'ll\s+send|raising|will\s+raise|issuing|will\s+issue)\s+(?:us\s+|over\s+)?"
        r"(?:the\s+|a\s+|their\s+)?" + _ORDER + r"\b",
        r"\b" + _ORDER + r"\b(?:\s+for\s+[$£€]?[\d,.]+\s*[kKmM]?)?\s+(?:is\s+)?(?:coming|on\s+(?:its|the)\s+way|to\s+follow|being\s+raised|"
        r"expected|due)\b",
        *SIGNATURE_AHEAD,
    ],
    "proposal": [
        r"\bquote[ds]?\b",
        r"\bquotation\b",
        r"\bproposal\b",
        r"\bpricing\s+(?:sent|proposal)\b",
        r"\bsent\s+(?:the\s+)?(?:\w+\s+)?pricing\b",
        r"\b(?:sent|emailed)\s+(?!(?:me|us)\b)[^.!?;\n]{0,50}?(?:\+|&|and)\s+(?:the\s+|our\s+)?pricing\b",   # "emailed X the deck + pricing"
        r"\b(?:sent|send|emailed)\s+(?:\w+\s+){0,2}offer\b",
        r"\bestimate\b",
        r"\bbid\b",
        r"\brfp\s+response\b",
        r"\b(?:mand[eé]|envi[eé])\s+(?:la\s+|una\s+)?(?:cotizaci[oó]n|propuesta)\b",
    ],
    "qualified": [
        r"\b(?:confirmed|approved|have|has|got)\s+(?:a\s+|the\s+|their\s+)?budget\b",
        r"\b(?:confirm\w*|approv\w*|cleared|sign(?:ed|s)?\s+off(?:\s+on)?|ok(?:ay)?'?d|green[\s-]?lit|released|freed\s+up)\s+"
    r"(?:the\s+|a\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}budget\b",
        r"\bbudget\w*(?:'s)?\s+(?:is\s+|was\s+|has\s+been\s+|got\s+|finally\s+)?(?:confirmed|approved|signed\s+off|allocated|"
        r"in\s+place|cleared|fine|ok(?:ay|'d)?|earmarked|there)\b",
        r"\bbudget\s+(?:approval|sign-?off)\b",
        r"\bbudget(?:'s|\s+is|\s+of)?\s+[\"“']?(?:about|around|roughly|approx\w*|like|~|\$|£|€|\d|(?:in\s+the\s+)?(?:low|mid|high|upper)[\s-]+\$?\d)",
        r"\bbudgeted\b",
        r"\bearmarked\b",
        r"[$£€]?\d[\d,.]*\s*[kKmM]?\s+approved\b",
        r"\bqualified\b",
        r"\bneed\s+(?:is\s+)?confirmed\b",
        r"\bconfirmed\s+(?:the\s+)?need\b",
        r"\bdecision[\s-]?maker\s+(?:is\s+)?(?:on\s+board|confirmed)\b",
        # money set aside: "they have £1.35m ring-fenced", "funds allocated for Q2"
        r"\b(?:ring[\s-]?fenced|set\s+aside|funds?\s+(?:allocated|approved|secured))\b",
    ],
    "lead": [
        r"\bnew\s+(?:lead|prospect|customer|client|company|contact)\b",
        r"\binbound\s+(?:lead|inquiry|enquiry)\b",
        r"\bprospect\b",
        r"\binterested\s+in\s+(?:our|the)\b",
    ],
}
# the clause before a proposal or won cue only asks for it: "they want a quote", "asked for pricing"
NOT_YET = [
    r"\b(?:wants?|wanted|wanting|needs?|needed|asked\s+(?:us\s+|me\s+)?for|asking\s+(?:us\s+|me\s+)?for|asks?\s+for|"
    r"requested|requesting|waiting\s+(?:for|on)|expecting|(?:would|'d)\s+like|like\s+to\s+see|interested\s+in|"
    r"hoping\s+for|keen\s+(?:on|for)|after|seeking|looking\s+for)\s+(?:[\w'$£€~.,/-]+\s+){0,5}$",
    # "contacted us regarding a quotation", "enquired about a quote": a quote not yet made
    r"\b(?:regarding|about|re:?|enquir(?:ed|ing|y)\s+about|inquir(?:ed|ing|y)\s+about)\s+(?:a|an|some)\s+(?:[\w'$£€~.,/-]+\s+){0,4}$",
]
# a company only mentioned, not the one the note is about: who referred us, the rival they chose, the site
MENTIONED_BEFORE = [
    r"\b(?:went|going|go|gone|switched|switching|stay(?:ed|ing)?|stick(?:ing)?|stuck)\s+(?:with|w/?|to)\s+",
    r"\b(?:chose|picked|use|uses|using)\s+",
    r"\bfound\s+us\s+(?:on|through|via|thru)\s+",
    r"\b(?:through|thru|via)\s+",
    r"\breferr(?:al|ed)\s+(?:from|by)\s+",
    r"\breferred\s+(?:me|us)\s+(?:to\s+\w+\s+)?by\s+",
    r"\bgot\s+(?:my|our|their|the|his|her|this)\s+(?:name|number|details|contact|info|email|e-mail|lead)\s+"
    r"(?:from|off|through|via|thru)\s+",
    r"\bno\s+relation\s+to\s+",
    # a rival or a model named beside the customer: "(a competitor of Crestmoor)", "ordering like Mama Lucia's has"
    r"\b(?:competitors?|rivals?|competition)\s+(?:of|to)\s+",
    r"\b(?:the\s+)?same\s+(?:\w+\s+){0,2}as\s+",
    r"\b(?:wants?|wanted|needs?|needed|asked\s+for|asking\s+for)\s+(?:[\w'-]+\s+){1,4}(?:just\s+)?like\s+",
    r"\bsister\s+company\s+of\s+",
    # a partner who brought us in: "visited Hillcrest via our partner Contoso", "with our reseller Brightpath"
    r"\b(?:our|the|their|a)\s+(?:channel\s+|local\s+)?(?:partner|reseller|distributor|dealer|integrator|var)\s+",
]
# a company selling on to the customer: "Pacific Supply (our distributor)", "via our dealer Brightpath"
PARTNER = [r"distributors?", r"dealers?", r"resellers?", r"channel\s+partners?", r"integrators?", r"wholesalers?"]
# the end customer named after these: "their end customer Harlow Clinic", "rollout for the Harlow Clinic"
END_CUSTOMER = [r"end[\s-]+(?:customer|client|user)s?", r"(?:final|actual)\s+(?:customer|client)s?",
                r"brought\s+(?:us\s+)?(?:in\s+)?(?:to|into)", r"introduced\s+us\s+to"]
# a contact put right: "Jorge works at Pacific Supply, not Harlow", "Dana is with Northgate, not Milford"
_AT = r"(?:works?\s+(?:at|for|with)|is\s+(?:at|with|from)|is\s+actually\s+(?:at|with|from)|belongs\s+to|is)"
CONTACT_WORKS_AT = [
    r"^\W*(?P<who>[A-Za-z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+" + _AT + r"\s+(?:the\s+)?(?P<to>[\w&'. -]+?)(?:'s)?\s*,?\s*"
    r"(?:and\s+)?not\s+(?:at\s+|with\s+|for\s+|from\s+)?(?:the\s+)?(?P<frm>[\w&'. -]+?)(?:'s)?\W*$",
    r"^\W*(?P<who>[A-Za-z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+(?:works?\s+(?:at|for)|is\s+actually\s+(?:at|with|from))\s+"
    r"(?:the\s+)?(?P<to>[\w&'. -]+?)\W*$",
]
MENTIONED_AFTER = [r"\s+referral\b", r"\s+referred\s+(?:us|me)\b", r"\s+(?:introduced|connected)\s+(?:us|me)\b",
                   r"\s+(?:put|got)\s+(?:us|me)\s+in\s+touch\b", r"\s+(?:passed|sent|gave)\s+(?:us|me)\s+(?:a|the|this|another)\s+"
                   r"(?:lead|referral|intro)\b"]
# a proposal handed over (past), which a future day next to it does not turn into a plan
HANDED_OVER = [
    r"\bsent\b",
    r"\bsnt\b",
    r"\be-?mailed\b",
    r"\bwent\s+(?:out|over)\b",
    r"\bgave\b",
    r"\bsubmitted\b",
    r"\bpresented\b",
    r"\bdropped\s+off\b",
    r"\bhanded\b",
    r"\bquoted\b",
    r"\bgot\s+(?:the|our|my)\b",
    r"\bdelivered\b",
    r"\breceived\b",
    r"\baccepted\b",
]
# a note that reports a complaint (read first) or an inquiry: kept open until resolved (storage.vocabulary.Issue)
COMPLAINT = [
    r"\bcomplain(?:ed|s|t|ts|ing)?\b",
    r"\bunhappy\s+(?:about|with)\b",
    r"\bdissatisfied\b",
    r"\bangry\s+about\b",
    r"\bescalat(?:ed|ion)\b",
]
INQUIRY = [
    r"\binquir(?:y|ed|ies)\b",
    r"\benquir(?:y|ed|ies)\b",
    r"\basked\s+(?:about|whether|if|for\s+a\s+quote|for\s+pricing)\b",
    r"\bwants?\s+to\s+know\b",
    r"\brequest(?:ed)?\s+(?:a\s+quote|pricing|information|info)\b",
]
NEW_COMPANY = [
    r"\bnew\s+(?:lead|prospect|customer|client|company|account)\b",
    r"\b(?:expo|exhibition|trade\s*show|conference|fair)\b",
]
NEGATION = [r"\b(?:not|n't|never|no|yet\s+to|haven't|hasn't|didn't|won't|without)\b(?:\s+[\w']+){0,2}\s*$"]
_NOT_AFTER_IMPERATIVE = [r"with\b", r"w/", r"went\b", r"was\b", r"is\b", r"lasted\b", r"ended\b", r"dropped\b",
                         r"today\b", r"yesterday\b", r"this\b", r"earlier\b",
                         r"in\b", r"to\b", r"from\b",      # "Visit in Gomez Auto", "Email from Danuta": a report
                         r"done\b", r"made\b", r"complete(?:d)?\b", r"finished\b", r"over\b"]     # "— call done, quote sent"
IMPERATIVE = [r"(?:call|email|e-mail|text|visit|meet|message|ping)\s+(?!" + "|".join(_NOT_AFTER_IMPERATIVE) + r")(?=\w)"]
PAST = [r"(?:ed|met|rang|spoke|had|sent|went|left|by|in|off|to)$",
        r"\b(?:was|were)\s+(?:(?:today|just|now|over|out|down|up)\s+)?(?:at|outside)$",     # "monday i was at Acme"
        r"\bhad\s+(?:a\s+)?(?:lunch|dinner|breakfast|coffee|drinks|beers?)$"]
PAST_AFTER: list[str] = []
# a verb that tells a day next to it is gone ("monday I was at Umbrella", "had lunch with Bob friday")
VERB_PAST: list[str] = []
DAY_GONE = [r"^(?:was|were|had|went|gone|met|saw|spoke|talked|visited|called|rang|stopped|dropped|swung|popped|emailed|"
             r"texted|messaged|pinged|chatted|caught|demoed|presented|pitched|toured|hosted|attended|lunched|got|did|"
             r"took|gave|showed|heard|hung|quoted)$"]
CALL_OUTCOME = [r"no\s+answer", r"voicemail", r"\bvm\b"]
REFER_BACK = [r"\b(?:they|them|their|theirs|they're|they've|they'll)\b"]

# -- when --

_WAITING = [
    r"want",
    r"wants",
    r"wanted",
    r"need",
    r"needs",
    r"needed",
    r"expect",
    r"expects",
    r"expecting",
    r"waiting\s+(?:for|on)",
    r"asked\s+(?:us\s+)?for",
    r"requested",
    r"asked\s+us\s+to\s+send",
]
_DELIVERABLES = [
    r"quote",
    r"quotation",
    r"proposal",
    r"pricing",
    r"prices",
    r"price\s+list",
    r"contract",
    r"invoice",
    r"deck",
    r"samples?",
    r"specs?",
    r"estimate",
    r"draft",
    r"documents?",
    r"docs",
    r"numbers",
    r"figures",
    r"info",
    r"details",
    r"presentation",
    r"sow",
    r"agreement",
    r"offer",
    r"bid",
    r"mock-?ups?",
    r"case\s+stud(?:y|ies)",
    r"references?",
]
_I_WILL = [r"'ll", r"\s+will", r"'m\s+going\s+to", r"\s+am\s+going\s+to", r"\s+need\s+to", r"\s+have\s+to", r"\s+should",
           r"\s+plan\s+to", r"'m\s+gonna"]
COMMIT = [
    r"\bcall-?backs?\b",
    r"\bset\s+(?:it|this|that|them|one|a\s+\w+)\s+up\s+(?:by|before|for|on)\b",     # "set it up by tue": our step, its day
    r"^\s*(?:call|email|e-mail|text|visit|meet|ping|send|follow\s+up|check\s+in|chase)\b",
    r"^\W*(?:ring|phone|bell)\s+(?!w/|with\b|was\b|went\b|calls?\b|convo\b)\w+",            # "ring mick this arvo": to do
    r"^\W*(?:need|have|got)\s+to\b",                                       # "need to ring Coleman tmrw"
    r"^\W*gotta\b",
    r"\bf/u\b",
    r"^\s*fu\b",
    r"\bfu\s+(?:w/?|with|on|re)\b",
    r"\btry\s+(?:again\s+)?(?:tmrw?|tomorrow|2mor+ow?|later|on|next|mon|tue|wed|thu|fri)\b",
    r"\bfollow[\s-]?up\b",
    r"\bfollow\s+up\b",
    r"\bping\b",
    r"\bcall\s+(?:them|him|her|back|again)\b",
    r"\b(?:try|check)\s+(?:again|back|in)\b",
    r"\btouch\s+base\b",
    r"\breach\s+out\b",
    r"\bremind\b",
    r"\bsend\b",
    r"\bsending\b",
    r"\b(?:emailing|texting)\b",
    r"\bget\s+back\b",
    r"\bcircle\s+back\b",
    r"\bchase\b",
    r"\bschedul\w*",
    r"\bresched\w*",
    r"\bpush(?:ed)?\s+(?:the\s+)?\w+\s+to\b",
    r"\bmov(?:e|ed)\s+(?:the\s+)?\w+\s+to\b",
    r"\bdemo\b",
    r"\bnext\s+step",
    r"\bi" + one_of(_I_WILL) + r"\b",
    r"\bwe(?:'ll|\s+will|'re\s+meeting)\b",
    r"\blet's\b",
    r"\bgonna\b",
    r"\bdue\b",
    r"\bdeadline\b",
    r"\bby\s+then\b",
    r"\bcall\s+\w+\s+(?:on|next|tomorrow)\b",
    r"\bto\s+(?:call|email|visit|meet|see|ping|text|ring|phone)\b",
    r"\bmeet(?:ing)?\s+(?:on|next|again|tomorrow)\b",
    r"\bvisit\s+(?:on|next|again)\b",
    r"\bwill\b",
    # the customer waits for something from us: "they want the quote by Friday", "owe them specs by Monday"
    r"\b" + one_of(_WAITING) + r"\s+(?:\w+\s+){0,3}?" + one_of(_DELIVERABLES) + r"\b",
    r"\bowe\s+\w+",
    r"\bpromised\s+(?:to\s+)?\w+",
    r"\bon\s+(?:us|me)\b",
    r"\bour\s+(?:court|side)\b",
    r"\bnext\s+(?:call|meeting|visit|demo|touch(?:point)?|check-?in|contact|catch-?up|session)\b",
    # the rep's words for phoning and booking: "ring them back 28/11", "ringing her tmrw am", "pencilled in 02/12"
    r"\bring(?:ing)?\s+(?:them|him|her|back|again)\b",
    r"\basked\s+(?:me|us)\s+to\b",                  # their ask is our step: "he asked me to come by Thursday"
    r"\bcome\s+(?:by|over|in)\b",
    r"\bcoming\s+back\b",
    r"\b(?:said|told\s+\w+)\s+i'?d\b",              # "said I'd come back to them Monday week"
    r"\b(?:chk|check)\s+back\b",
    r"\bringing\b",
    r"\bpencil+ed\b",
    r"\bbooked\b",
    r"\b(?:kick-?off|onboarding|check-?in|catch-?up)\b",
    r"\bcb\b",                                     # "cb 2/1": call back then
    r"\b(?:2nd|second|3rd|third|next|another)\s+(?:attempt|try)\b",     # "2nd attempt thurs"
    r"\b(?:we|i)\s+present\b|\bpresent(?:ing)?\s+to\s+(?:the\s+|their\s+)?(?:panel|board|committee|team|execs?|partners)\b",
    r"\b(?:i'?m|we'?re|i\s+am|we\s+are)\s+(?:going|heading|driving|flying)\s+(?:up\s+|down\s+|over\s+|out\s+|back\s+)?(?:there|to)\b",
    # something we owe, with when: "quote by thurs", "proposal next wk", "invoice to go out Monday", "quote out Mon"
    r"\b" + one_of(_DELIVERABLES) + r"\s+(?:[\w']+\s+){0,3}?(?:by|next|in\s+\d|to\s+follow|(?:going\s+|to\s+go\s+)?out|due)\b",
]
_AHEAD = [
    r"remind(?:\s+me)?(?:\s+to)?",
    r"will",
    r"'ll",
    r"gonna",
    r"going\s+to",
    r"need\s+to",
    r"have\s+to",
    r"has\s+to",
    r"should",
    r"must",
    r"plan\s+to",
    r"want\s+to",
    r"wants\s+to",
    r"schedule[d]?",
    r"set\s+up",
    r"book(?:ed)?",
    r"follow[\s-]?up",
    r"f/u",
    r"let's",
    r"try\s+to",
]
FUTURE = [
    one_of(_AHEAD) + r"\s+(?:[\w']+\s+){0,4}$",
    r"(?<!went\s)(?<!\bgo\s)(?<!talked\s)(?<!spoke\s)(?<!came\s)(?<!back\s)\bto\s+$",
    r"\b(?:next|another|again)\s+$",
]
# a pasted e-mail or calendar invite (handlers/understanding/mail_headers.py), read in every note: the header field naming
# its sender, fields that say nothing of the note, fields whose label goes and whose words stay, reply/forward marks,
# a contact's address or handle named before it is given ("Maria's email is maria@…", "his wechat chen_gl88",
# "new email for Tom: tom@…"): the word names the detail, no e-mail or message sent (handlers/understanding/details.py)
ADDRESS_WORD = [r"e-?mail", r"mail", r"wechat", r"whatsapp", r"telegram", r"tg", r"linkedin", r"skype", r"phone",
                r"mobile", r"cell", r"tel", r"number"]
ADDRESS_LINK = [r"is", r"are", r"now", r"(?:for|of)\s+[\w.'’-]+", r"address", r"id", r"handle", r"no\.?"]
# and the first line of an invite
PASTED_SENDER = [r"from", r"organi[sz]er"]
PASTED_DROPPED = [r"sent", r"to", r"cc", r"bcc", r"date", r"reply-to"]
PASTED_LABEL = [r"when", r"where", r"location", r"attendees", r"guests"]
PASTED_SUBJECT = [r"subject"]
PASTED_REPLY = [r"re", r"fw", r"fwd"]
PASTED_INVITE = [r"meeting\s+(?:accepted|request|invitation|invite|updated)", r"(?:updated\s+)?invitation", r"invite",
                 r"calendar(?:\s+invite)?", r"accepted", r"tentative"]
REMIND = [r"\bremind\s+me\b", r"\bset\s+a\s+reminder\b"]
TODAY_OK = [
    r"\bfollow[\s-]?up\b",
    r"\bping\b",
    r"\bcheck\s+in\b",
    r"\btouch\s+base\b",
    r"\bcall\s+(?:them|him|her|back)\b",
    # the writer's own step later today: "I'll email him the brochure today", "will try again this arvo"
    r"\b(?:i'll|i\s+will|will|i'm\s+gonna|gonna|i'm\s+going\s+to)\s+(?:\w+\s+){0,1}(?:e-?mail|send|call|ring|text|try|"
    r"visit|drop|get|swing|pop|ping|chase)\b",
    r"\btry(?:ing)?\s+(?:them\s+|him\s+|her\s+)?again\b",
    r"\b(?:sending|emailing|calling|ringing|texting)\b",     # "sending the SOW tonight": the writer's own step today
]
# a step written as an order to oneself, opening its clause: "ring mick this arvo", "call Coleman today", "need to
# chase them today" (its "today" is the follow-up's day, however far the day stands from it)
TODAY_ORDER = [
    r"(?:call|ring|phone|email|e-mail|text|ping|chase|send|visit|drop\s+by|pop\s+in)\s+(?!w/|with\b|was\b|went\b|from\b|calls?\b|convo\b|this\b|today\b|tonight\b|earlier\b|yesterday\b|just\b)\w+",
    r"(?:need|have|got)\s+to\s+(?:call|ring|phone|email|e-mail|text|ping|chase|send|visit)\b",
]
# the customer's own promise: "they'll decide by Friday", "decision expected Monday"
_THEY = r"\b(?:they|he|she|client|customer)"
_THEY_WILL = [r"'ll", r"\s+will", r"'d", r"\s+would", r"\s+(?:are|is)\s+(?:going\s+to|gonna)", r"\s+promised\s+to",
              r"\s+plan\s+to", r"\s+expect\s+to", r"\s+hope\s+to", r"\s+should", r"\s+said\s+they'?d?"]
_THEIR_STEP = [r"decide", r"get\s+back", r"reply", r"respond", r"confirm", r"sign", r"come\s+back",
               r"let\s+(?:us|me)\s+know", r"revert", r"think", r"review", r"approve", r"pay", r"finali[sz]e", r"choose",
               r"pick", r"present", r"discuss", r"take\s+it\s+to", r"run\s+it\s+(?:by|past)", r"send", r"issue", r"raise",
               r"circulate", r"check",
               # their call or message to us: "they'll call us back friday", "she'll email me the specs monday"
               r"(?:call|ring|phone)(?:\s+(?:us|me))?\s+back", r"(?:call|ring|phone|text|message|ping)\s+(?:us|me)\b", r"e-?mail",
               r"get\s+in\s+touch", r"reach\s+out"]
_THEIR_ANSWER = r"(?:decision|answer|reply|response|feedback|approval|signature|payment)"
THEIRS = [
    _THEY + one_of(_THEY_WILL) + r"\s+(?:\w+\s+)?" + one_of(_THEIR_STEP + [r"make\s+(?:a|the|their)\s+(?:decision|call)"]),
    r"\b" + _THEIR_ANSWER + r"\s+(?:is\s+)?(?:expected|due|promised)\b",
    r"\bexpect(?:ing)?\s+(?:a|an|their|the)\s+" + _THEIR_ANSWER + r"\b",
    # what they are already set to do: "they're sending the PO by end of month", "she's presenting it friday"
    _THEY + r"(?:'re|\s+are|'s|\s+is)\s+(?:" + one_of(_THEIR_STEP) + r")(?:ing|ding|ting)?\b(?<=ing)",
    # their paper to come, said in the passive: "the contract will be signed next week"
    r"\b(?:contract|agreement|paperwork|po|purchase\s+order|order|deal|budget)\s+(?:will|'ll|should|is\s+going\s+to|is\s+to)\s+be\s+"
    r"(?:signed|sent|approved|issued|raised|finali[sz]ed|countersigned)\b",
]
THEIRS_NAMED = [r"\b(?!I\b)[A-Z][\w&.-]*\s+(?:will|'ll|is\s+going\s+to|promised\s+to)\s+(?:\w+\s+)?"
                + one_of(_THEIR_STEP) + r"\b",
                r"\b(?!I\b)[A-Z][\w&.-]*(?:'s|\s+is)\s+" + one_of(_THEIR_STEP) + r"(?:ing|ding|ting)?\b(?<=ing)"]
MINE = [
    r"\b(?:i|we)(?:'ll|'d|\s+will|\s+need|\s+have|\s+should|\s+must|'m\s+going|\s+am\s+going|\s+plan|\s+promised|'re\s+going)\b",
    r"\bremind\s+me\b",
    r"\bfollow[\s-]?up\b",
    r"\bping\b",
    r"\bchase\b",
    r"\bcheck\s+in\b",
    r"\bcall\s+(?:them|him|her|back)\b",
    r"\bsend\s+(?:them|him|her)\b",
]
_DAYWORD = r"(?:tomorrow|tmrw|today|tonight|on\b|next|this|mon|tue|wed|thu|fri|sat|sun)"
CLOCK = [
    r"\b\d{1,2}(?::[0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)",
    r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b",
    r"\bnoon\b",
    r"(?:\bat|@)\s*\d{1,2}(?=\s*(?:$|[,.;!?]|o'?clock|" + _DAYWORD + r"))",
]
CLOCK_WINDOW = 14
CLOCK_AM = [r"am\b", r"a\.m\."]
CLOCK_PM = [r"pm\b", r"p\.m\."]
CLOCK_NOON = [r"\bnoon\b", r"\bmidday\b"]
FILLER = [r"and", r"then", r"also", r"so", r"um+", r"uh+", r"er+", r"okay", r"ok", r"hey", r"well", r"yeah", r"like"]
DANGLING = [r"\s+(?:on|by|until|till|before|at|for|next|this|of|in)$"]
NOT_DEAL_MONEY = [r"\bcompetitor(?:s|'s|s')?\b", r"\brivals?(?:'s)?\b", r"\bthe\s+competition(?:'s)?\b",
                  r"\bbid\s+(?:bond|security|guarantee)\b", r"\bsecurity\s+deposit\b", r"\btender\s+(?:bond|security)\b"]
LETTER_GREETING = [
    r"\b(?:dear|hi|hello|good\s+(?:morning|afternoon|day))\s+(?P<who>(?-i:(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?))\s*[,:!]",
]
LETTER_SIGN_OFF = [
    r"\b(?:best|kind|warm|many)?\s*regards\s*[,:]?",
    r"\b(?:many\s+)?thanks\s*(?:again\s*)?,",
    r"\bthank\s+you\s*,",
    r"\b(?:sincerely|cheers|best\s+wishes)\s*,",
    r"(?:^|\s)(?:--|—|——)\s*(?=\S)",
]
LETTER_FIRM = [r"\bon\s+behalf\s+of\s+(?P<firm>(?-i:[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4}))"]
DEPARTMENT = [
    r"(?:head\s+of\s+)?(?:procurement|purchasing|buying|accounts(?:\s+payable)?|finance|operations|logistics|sales|"
    r"marketing|engineering|maintenance|facilities|quality|hr|it)(?:\s+(?:department|dept\.?|team|manager|lead|director|officer))?",
]
WHOLE_STEP = [r"call", r"ring", r"phone", r"visit", r"meet", r"catchup", r"followup", r"recall", r"callback"]
STEP_CUTS = [r"\s+and\s+", r"\s+then\s+", r"\s+so\s+", r"\s+but\s+", r"\s+also\s+"]
_DURING = r"\b(?:in|for|during|of|through)\s+"
PERIODS = {
    "today": [r"\btoday\b", r"\btoday's\b", r"\btodays\b"],
    "tomorrow": [r"\btomorrow\b", r"\btmrw?\b", r"\b2mor+ow?\b"],
    "yesterday": [r"\byesterday\b"],
    "next_week": [r"\bne?xt\s+wk\b", r"\bnext\s+week\b"],
    "last_week": [r"\blast\s+w(?:ee)?k\b", r"\bpast\s+week\b"],
    "this_week": [r"\bthis\s+w(?:ee)?k\b", r"\bthe\s+week\b", r"\bweekly\b"],
    "next_month": [r"\bnext\s+month\b"],
    "last_month": [r"\blast\s+month\b"],
    "this_month": [r"\bthis\s+month\b", r"\bthe\s+month\b", r"\bmonthly\b", r"\bmtd\b"],
    "next_quarter": [r"\bnext\s+quarter\b"],
    "last_quarter": [r"\blast\s+quarter\b"],
    "this_quarter": [r"\bthis\s+quarter\b", r"\bthe\s+quarter\b", r"\bquarterly\b", r"\bqtd\b"],
    "this_year": [r"\bthis\s+year\b", r"\bytd\b", r"\b(?:for|of)\s+the\s+year\b",
                  r"\b(?:year[\s-]?end|end\s+of\s+(?:the\s+)?year|eoy)\b"],
    "q1": [r"\bq1\b", r"\bfirst\s+quarter\b"],
    "q2": [r"\bq2\b", r"\bsecond\s+quarter\b"],
    "q3": [r"\bq3\b", r"\bthird\s+quarter\b"],
    "q4": [r"\bq4\b", r"\bfourth\s+quarter\b"],
    "m1": [_DURING + r"january\b", r"\b(?:january|jan)\b"],
    "m2": [_DURING + r"february\b", r"\b(?:february|feb)\b"],
    "m3": [_DURING + r"march\b", r"\b(?:march)\b"],
    "m4": [_DURING + r"april\b", r"\b(?:april|apr)\b"],
    "m5": [_DURING + r"may\b"],
    "m6": [_DURING + r"june\b", r"\b(?:june|jun)\b"],
    "m7": [_DURING + r"july\b", r"\b(?:july|jul)\b"],
    "m8": [_DURING + r"august\b", r"\b(?:august|aug)\b"],
    "m9": [_DURING + r"september\b", r"\b(?:september|sept?)\b"],
    "m10": [_DURING + r"october\b", r"\b(?:october|oct)\b"],
    "m11": [_DURING + r"november\b", r"\b(?:november|nov)\b"],
    "m12": [_DURING + r"december\b", r"\b(?:december|dec)\b"],
}
# a person named with a birthday word: "Priya's bday is 14 march", "toms birthday", "Dr Priya Shah's birthday"
BIRTHDAY_OF = [
    r"(?<![\w'])(?!(?:his|her|their|the|my|our|your|its|whose|this|next|a|and|happy)\b)(?P<who>(?-i:(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?))(?:'s|’s|s)?\s+(?:birthday|b-?day|dob|birth\s+date)\b",
    r"(?<![\w'])(?P<who>(?!(?:his|her|their|the|my|our|your|its|whose|a|and|this|next|happy)\b)[a-z][a-z-]+)(?:'s|’s)\s+(?:birthday|b-?day|dob|birth\s+date)\b",
    r"\b(?:birthday|b-?day)\s+of\s+(?!(?:his|her|their|the|my|our|your|its)\b)(?P<who>(?-i:[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?))",
]
HONORIFICS = ["dr", "mr", "mrs", "ms", "miss", "prof", "doctor", "sir"]
BIRTHDAY = [r"\bbirthday\b", r"\bb-?day\b", r"\bborn\s+on\b", r"\bbirth\s+date\b", r"\bdob\b"]

# words that put a next step on a later day, beside the date phrases below ("after new yr", "the 15th");
# they tell a day the writer hints at from one a model made up (handlers/understanding/reconcile.py)
LATER_WORDS = [
    r"\b(?:monday|mon|tuesday|tues?|wednesday|weds?|thursday|thurs?|thu|friday|fri|saturday|sunday)\b",
    r"\b(?:january|jan|february|feb|march|mar|april|apr|june|jun|july|jul|august|aug|september|sept?)\b",
    r"\b(?:october|oct|november|nov|december|dec)\b",
    r"\bmay(?=\s?\d)",
    r"\b(?:tomm?orr?ow|tmrw?|tmr|2mor+ow)\b",
    r"\b(?:weeks?|wk|weekend|months?|years?|yrs?|quarter|q[1-4]|fortnight|midweek)\b",
    r"\b(?:eow|eom|asap|soon|later)\b",
    r"\b(?:holidays?|christmas|xmas|thanksgiving|new\s+year|nye|spring|summer|fall|autumn|winter)\b",
    r"\b\d{1,2}(?:st|nd|rd|th)\b",
    r"\bon\s+the\s+\d{1,2}\b(?![.,:]?\d)",           # "meeting on the 18"
    r"\b(?:tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth)\b",
    r"\b(?:twenty|thirty)[- ]?(?:first|second|third|\w+th)\b",
]
# words of this very day: a next step on them is today's (or tomorrow's first thing)
SAME_DAY_WORDS = [
    r"\b(?:today|tonight|morning|afternoon|evening|noon|eod)\b",
    r"\b(?:now|rn|arvo)\b",                     # "calling back now", "ringing them rn"
    r"\bat\s+\d{1,2}\b",
    r"\b\d{1,2}(?::\d\d)?\s?(?:am|pm)\b",
    r"\b\d{1,2}:\d\d\b",
]

# -- dates: (phrase, how it becomes a day); see handlers/understanding/days.py --

WEEKDAYS = {"mon": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}     # by how the name starts
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2,
    "a couple": 2, "a couple of": 2, "couple of": 2, "few": 3, "a few": 3,
}
_WEEKDAY = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues?|thu(?:rs?)?|fri|weds?)"
_WEEKDAY_SHORT = r"(?P<wd>mon|sat|sun)"       # only with a modifier or a time: "mon" alone is too loose
_THEN = r"(?:\d{1,2}(?::\d\d|\s*[ap]\.?m\b)|at\s+\d|@|morning|afternoon|evening|am\b|pm\b)"
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_COUNT = r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few)"
_ON_DAY = weekday(WEEKDAYS, next_week=("next",), this_week=("this",))
_END_OF_DAY = r"(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+)?day"


def _thanksgiving(year: int) -> _date:
    first = _date(year, 11, 1)
    return first + _timedelta(days=(3 - first.weekday()) % 7 + 21)        # the fourth Thursday of November


def _after_holiday(m: _re.Match, today: _date) -> tuple[_date, str, None]:
    """"after thanksgiving", "after the holidays", "after xmas", "after new yr": the Monday after that
    holiday ("the holidays" are Thanksgiving until it is over, then Christmas and the New Year); a week,
    so a day named after it in that week is the day ("after Thanksgiving, I suggested Tuesday Dec 1")."""
    name = m.group("hol").lower()
    thanks = _thanksgiving(today.year)
    if name.startswith("thanks") or (name.startswith("the") and today <= thanks):
        day = thanks if today <= thanks else _thanksgiving(today.year + 1)
    elif name.startswith(("christ", "xmas")):
        day = _date(today.year, 12, 25) if today <= _date(today.year, 12, 25) else _date(today.year + 1, 12, 25)
    else:
        day = _date(today.year + 1, 1, 1) if today.month > 1 or today.day > 1 else today
    return _cal.next_weekday(day, 0), "week", None


def _holiday(m: _re.Match, today: _date) -> tuple[_date, str, None]:
    """"by thanksgiving", "before xmas", "until new year": that holiday's own day, this year or next."""
    name = m.group("hol").lower()
    if name.startswith("thanks"):
        day = _thanksgiving(today.year)
        return (day if day >= today else _thanksgiving(today.year + 1)), "calendar", None
    month, dom = (12, 25) if name.startswith(("christ", "xmas")) else (12, 31) if name == "nye" else (1, 1)
    day = _date(today.year, month, dom)
    return (day if day >= today else _date(today.year + 1, month, dom)), "calendar", None


def _weekday_week(m: _re.Match, today: _date) -> tuple[_date | None, str, None]:
    """"Monday week": a week after the coming Monday."""
    day, kind, _ = _ON_DAY(m, today)
    return (day + _timedelta(days=7) if day else None), kind, None


def _mid_next_week(m: _re.Match, today: _date) -> tuple[_date, str, None]:
    """"mid next week": next week's Wednesday."""
    return _cal.week_start(today, 1) + _timedelta(days=2), "relative", None


def _month_end_named(m: _re.Match, today: _date) -> tuple[_date, str, None]:
    """"end of feb": that month's last day, this year or, once it is over, next year."""
    month = MONTHS[m.group("mon").lower().rstrip(".")]
    day = _cal.month_end(_date(today.year, month, 1))
    return (day if day >= today else _cal.month_end(_date(today.year + 1, month, 1))), "calendar", None


_HOLIDAY = r"(?P<hol>thanksgiving|christmas|xmas|new\s+y(?:ea)?rs?|nye|the\s+holidays?)"
DATES = [
    (r"\b(?:after|post)\s+" + _HOLIDAY + r"\b", _after_holiday),
    (r"(?:(?<=\bby\s)|(?<=\bbefore\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bon\s)|(?<=\bfor\s))"
     r"(?!the\s+holiday)" + _HOLIDAY + r"\b", _holiday),
    (r"\b(?:tommorow|tommorrow|tomorow|tomrrow|tmrrw)\b", in_days(1)),      # typed in a hurry
    # days gone: when something happened, never a follow-up ("yesterday called Globex", "last fri had lunch")
    (r"\b(?:yesterday|yday|yest|yesterdy|ystrday)\b", days_ago(1)),
    (r"\b(?:the\s+)?day\s+before\s+yesterday\b", days_ago(2)),
    (r"\b(?:last|this\s+past|past)\s+" + _WEEKDAY[:-1] + r"|mon|sat|sun)\b", last_weekday(WEEKDAYS)),
    (r"\b" + _WEEKDAY + r"\s+week\b(?P<mod>)(?P<tail>)", _weekday_week),
    (r"\bmid[\s-]+next\s+week\b", _mid_next_week),
    (r"\b(?:the\s+)?end\s+of\s+" + _MONTH + r"(?!\s*\d)\b", _month_end_named),
    (r"(?P<mod>)\b" + _WEEKDAY_SHORT.replace("|sat|sun", "") + r"\b(?P<tail>)(?=\s*(?:[.!,;]|$))", _ON_DAY),   # "Sending Mon."
    (r"\b(?:the\s+)?day\s+after\s+tomorrow\b", in_days(2)),
    (r"\b(?:tomorrow|tmrw|tmr|tmro|2mor+ow?|tomoz)\b", in_days(1)),
    (r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening|arvo)|later\s+today|this\s+avo)\b", TODAY),
    (r"\b(?:" + _END_OF_DAY + r"|(?:close\s+of\s+business|eod|cob)(?:\s+today)?)\b", DEADLINE_TODAY),
    (r"\bnext\s+week\s+(?:on\s+)?" + _WEEKDAY + r"\b", weekday_of_next_week(WEEKDAYS)),
    (r"(?:\b(?P<mod>next|this|coming|on|by|until|till|before)\s+)?\b" + _WEEKDAY + r"\b(?P<tail>\s+next\s+week)?",
     _ON_DAY),
    (r"\b(?P<mod>next|this|on|by|until|till|before)\s+" + _WEEKDAY_SHORT + r"\b(?P<tail>\s+next\s+week)?", _ON_DAY),
    (r"(?P<mod>)\b" + _WEEKDAY_SHORT + r"\b(?P<tail>)(?=\.?\s+" + _THEN + ")", _ON_DAY),    # "Mon 9:00", "sat morning"
    # a weekday before its date says that date: "Weds 3rd Feb", "Thursday, Dec 10th"
    (r"\b(?:" + _WEEKDAY + "|" + _WEEKDAY_SHORT.replace("?P<wd>", "") + r")\.?,?\s+(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
     + _MONTH + r"\b(?:,?\s+" + YEAR + r")?", named_month(MONTHS)),
    (r"\b(?:" + _WEEKDAY + "|" + _WEEKDAY_SHORT.replace("?P<wd>", "") + r")\.?,?\s+" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"
     r"(?:,?\s+" + YEAR + r")?", named_month(MONTHS)),
    (r"\b(?:early|beginning\s+of|start\s+of)\s+next\s+month\b|\bnext\s+month\b", NEXT_MONTH_START),
    (r"\b(?:the\s+)?end\s+of\s+next\s+month\b", NEXT_MONTH_END),
    (r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month\b|\beom\b|\bmonth[- ]end\b", MONTH_END),
    (r"\b(?:the\s+)?end\s+of\s+next\s+week\b|\blate\s+next\s+week\b", NEXT_WEEK_END),
    (r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week\b|\beow\b", WEEK_END),
    (r"\b(?:the\s+)?week\s+after\s+next\b", WEEK_AFTER_NEXT),
    (r"\b(?:early\s+)?ne?xt\s+w(?:ee)?k\b", NEXT_WEEK),
    (r"\bin\s+" + _COUNT + r"\s*(?P<unit>day|week|wk|month|mo)s?\b", offset("d", "w")),      # "in 2 wks", "in 3mos"
    (r"\b" + _COUNT + r"\s+(?P<unit>day|week|month)s?\s+from\s+(?:now|today)\b", offset("d", "w")),
    (r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+" + YEAR + r")?", named_month(MONTHS)),
    (r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b(?:,?\s+" + YEAR + r")?", named_month(MONTHS)),
    (MONTH_SLASH_DAY, numeric_date),
    # a weekday and a day of the month: "by Thursday 10th", "Weds the 3rd" (the next such day)
    (r"\b(?:(?:by|on|until|till|before|this|next|from)\s+)?(?:" + _WEEKDAY.replace("?P<wd>", "") + "|"
     + _WEEKDAY_SHORT.replace("?P<wd>", "") + r")\.?,?\s+(?:the\s+)?(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s*(?:of\s+)?" + _MONTH + r")(?P<next>)", day_of_month),
    (r"\bthe\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?P<next>)", day_of_month),
]

# -- money: read in every note, whatever its language (handlers/understanding/amounts.py) --

LOCAL_CURRENCY: str | None = None        # a bare "40k" in an English note names no currency
CURRENCIES = {"dollar": "USD", "dollars": "USD", "bucks": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
              "pounds": "GBP", "quid": "GBP", "yuan": "CNY", "tenge": "KZT",
              "canadian": "CAD", "canadian dollars": "CAD", "canadian dollar": "CAD", "cdn": "CAD",
              "aussie dollars": "AUD", "australian dollars": "AUD", "singapore dollars": "SGD", "sing dollars": "SGD",
              "sgd": "SGD", "ringgit": "MYR", "rupees": "INR"}
CURRENCY_STEMS: dict[str, str] = {}      # any word that starts so
CURRENCY_AFTER = [r"(?:canadian|australian|aussie|singapore|sing)\s+dollars?", r"canadian", r"cdn", r"dollars?", r"bucks",
                  r"euros?", r"pounds?", r"quid", r"yuan", r"tenge", r"ringgit", r"rupees"]     # written after the number
CURRENCY_BEFORE: list[str] = []
SHORT_MULTIPLIERS = {"k": 1000, "m": 10**6}     # glued to the number: "40k", "1.2m"
MULTIPLIERS = [
    (r"thousand", 1000),
    (r"grand", 1000),
    (r"million", 10**6),
    (r"billion", 10**9),
    (r"mln", 10**6),
    (r"mill", 10**6),
    (r"mil", 10**6),
    (r"mio", 10**6),
    (r"mm", 10**6),
    (r"mn", 10**6),
    (r"bn", 10**9),
    (r"lakhs?", 10**5),                 # Indian English: "4.5 lakh" is 450,000
    (r"lacs?", 10**5),
    (r"crores?", 10**7),                # "1.05 crore" is 10,500,000
    (r"cr", 10**7),
]
BARE_MULTIPLIERS = ["m"]     # short multipliers that are money without a currency only here ("5m" elsewhere: metres)
RANGE_WORDS = [r"to"]                    # "30 to 40k"
FROM_WORDS = [r"\bfrom"]                 # "from 30k to 40k": a change, the value is the second
TO_WORDS = [r"\bto", r"\bup\s+to"]
COUNT_WORDS = [r"percent", r"x\b", r"units?", r"pcs", r"pieces", r"seats?", r"users?", r"licen[cs]es?", r"people",
               r"employees", r"tons?", r"kg", r"clinics?", r"sites?", r"stores?", r"laptops?", r"hours?", r"days?",
               r"weeks?", r"months?", r"years?",
               # any other plural noun right after a bare number counts things: "2,400 chromebooks", "1,200 probes"
               r"(?!(?:dollars|bucks|euros|pounds|quid|plus|less|minus|thanks|this|includes|covers|across|always|unless|"
               r"yrs|pa|gbp|usd|eur|aud|cad)\b)[a-z]{3,}s\b"]
MONEY_WORDS = [r"budget", r"deal", r"contract", r"price", r"priced", r"quote[d]?", r"worth", r"value", r"valued", r"total",
               r"amount", r"invoice", r"po"]
MONEY_LINKS = [r"is", r"of", r"at", r"for", r"to", r"now", r"was"]   # "budget is now 45000"
DISCOUNT_AFTER = [r"discount", r"off\b", r"rebate"]
DISCOUNT_BEFORE = [r"discount\s+of", r"rebate\s+of"]
# right before a value taken back for another in the same note ("not 50k, 45k", "45k not 50k")
AMOUNT_NOT = [r"\bnot", r"\bisn['’]?t", r"\bwasn['’]?t", r"\binstead\s+of"]
# an amount added to the deal's, not its new value ("another 15k", "an extra $5k", "+10k", "15k more", "up by 20k")
AMOUNT_ADDED_BEFORE = [r"\banother", r"\ban?\s+(?:extra|additional)", r"\b(?:extra|additional)", r"\ba\s+further",
                       r"(?<![\w+])\+", r"\badd(?:s|ed|ing)?(?:\s+(?:another|an?\s+extra))?",
                       r"\b(?:up|upped|increased?|increasing|raised?|bumped)\s+(?:it\s+|the\s+(?:deal|order|budget|po|contract)\s+)?by"]
AMOUNT_ADDED_AFTER = [r"more\b", r"extra\b", r"on\s+top\b", r"in\s+addition\b", r"additional\b"]
AMOUNT_HEDGE = [
    r"\bmight\b",
    r"\bmaybe\b",
    r"\bpossibly\b",
    r"\bperhaps\b",
    r"\b(?:could|may)\s+(?:\w+\s+)?(?:drop|go|come|lower|cut|reduce|settle|end\s+up|raise|increase)\b",
]
# a question to the bot said on the side of a note (side_question.py): "..., btw when is their renewal?"
SIDE_QUESTION = [r"btw\b", r"by\s+the\s+way\b", r"oh\s+and\b", r"quick\s+q(?:uestion)?\b", r"also\s+can\s+you\b",
                 r"(?:and\s+)?can\s+you\s+remind\s+me\b",
                 r"(?:and\s+)?also,?\s+(?=(?:is|are|was|were|do|does|did|has|have|will|what|when|who|how|where|which)\b)"]
# an invoice's amount (invoices.py): money owed or paid on an earlier sale, not a deal's value ...
INVOICE = [r"\binvoice\w*", r"\binv\b", r"\binv[-#]?\s?\d", r"\bbill\b"]
# ... when the note says whether it is paid
INVOICE_STATE = [r"\bunpaid\b", r"\bnot\s+(?:been\s+|yet\s+)?paid\b", r"\boverdue\b", r"\boutstanding\b", r"\bpast\s+due\b",
                 r"\bpaid\b", r"\bpay(?:s|ing)?\b", r"\bowe[sd]?\b", r"\bchas(?:e|ing)\b", r"\bcollections?\b"]
PAID_PART = [r"\bpayment\s+of\s+", r"\b(?:down\s?payment|deposit|installment|instalment|tranche|prepayment)\s+(?:of\s+)?"]
PAID_IN = [r"\b(?:came|come|comes)\s+(?:in|through)\b", r"\b(?:arrived|landed|cleared|received|recv?d|rcvd)\b",
           r"\b(?:got|get)\s+(?:the|their|a|our)\s+(?:first\s+|second\s+|final\s+)?(?:payment|deposit)\b",
           r"\bpaid\b(?!\s+(?:by|on|before|next|within|in\s+\d))", r"\bis\s+in\b"]
PER_UNIT = [r"/\s*(?:unit|pc|piece|seat|user|license|month|mo)\b", r"(?:per|a|an|each)\s+(?:unit|piece|pc|seat|user|license|item)",
            r"each\b", r"apiece\b"]
BARE_MONEY = [r"\b(?:dollars|euros)\b"]   # a currency word with no number next to it
# a monthly price: "£330/month", "£330 a month", "£330 pcm"; the term it runs for: "for 12 months", "2-year contract"
PER_MONTH = [r"/\s*(?:month|mo|mth)\b", r"(?:a|per|each|every)\s+month\b", r"pcm\b", r"p/?m\b", r"monthly\b"]
TERM_MONTHS = [r"\b(?:for|over)\s+(?P<m>\d{1,2})\s+months?\b", r"\b(?P<m>\d{1,2})[\s-]+month\s+(?:term|contract|deal|agreement)\b",
               r"\b(?:for|over)\s+(?P<y>\d)\s+years?\b", r"\b(?P<y>\d)[\s-]+year\s+(?:term|contract|deal|agreement)\b"]
# a number that is a reference, never money: "lot 1", "item 3", "PO 4471", "INV 2291", "order #88"
REFERENCE = [r"\blots?", r"\bitems?", r"\bpo", r"\binv", r"\binvoice", r"\border\s*(?:#|no\.?)", r"\bref", r"\bno\.", r"\bnr\.?",
             r"\bticket", r"\bcase", r"\broom", r"\bstand", r"\bunit"]
LOT = [r"\blots?"]
DEAL_SHORTHAND: list[str] = []       # deal values are written in full here

# -- dictated text --

# a formal opener that says only that a note follows; what follows is read as if said plainly
# ("I would like to record that Harbor Lights contacted us" is "Harbor Lights contacted us")
RECORD_OPENERS = [
    r"i\s+(?:would|'d|’d)\s+like\s+to\s+(?:record|note|log|report|inform\s+you|let\s+you\s+know|advise|confirm|update\s+you)(?:\s+that)?",
    r"i\s+(?:wish|want|wanted)\s+to\s+(?:record|note|log|report|inform\s+you|let\s+you\s+know|advise|confirm)(?:\s+that)?",
    r"i\s+am\s+writing\s+to\s+(?:record|note|report|inform\s+you|let\s+you\s+know|advise|confirm)(?:\s+that)?",
    r"(?:please|kindly)\s+(?:note|be\s+advised|be\s+informed|record|log)(?:\s+that)?",
    r"(?:please\s+)?be\s+advised(?:\s+that)?",
    r"this\s+is\s+to\s+(?:confirm|inform\s+you|advise|record|note)(?:\s+that)?",
    r"(?:just\s+)?for\s+(?:the|your)\s+record(?:s)?",
    r"for\s+your\s+information",
    r"(?:just\s+)?(?:to\s+)?let\s+you\s+know(?:\s+that)?",
    r"(?:just\s+)?a\s+(?:quick\s+)?note\s+(?:to\s+say\s+)?that",
]
FILLERS = [
    r"[Uu]m+",
    r"[Uu]h+",
    r"[Uu]hm+",
    r"[Ee]rm+",
    r"er",
    r"[Hh]mm+",
]
# punctuation said aloud by a rep dictating ("just left quill paper period talked to gary comma he wants..."):
# the mark -> the words said for it
SPOKEN_MARKS = {
    ".": [r"period", r"full\s+stop"],
    ",": [r"comma"],
    "?": [r"question\s+mark"],
    "!": [r"exclamation\s+(?:mark|point)"],
    ":": [r"colon"],
}
# where such a word is the noun, not a mark ("_" stands for it): "the trial period", "a period of three months"
SPOKEN_MARK_NOUN = [
    r"\b(?:the|a|an|this|that|same|each|per|whole|entire|first|last|next|trial|grace|notice|billing|payment|pilot|"
    r"evaluation|test|testing|warranty|contract|reporting|holiday|busy|quiet|slow|peak|waiting|cooling[\s-]off|"
    r"lock[\s-]?in|probation|rental|subscription|renewal|transition|free|initial|minimum|budget|fiscal|review|"
    r"ramp[\s-]?up|onboarding|implementation|day|week|month|year|\d+[\s-]?(?:day|week|month|year)|inverted|oxford)\s+_",
    r"_\s+(?:of|ends?|ended|starts?|started|is|was|runs?|covers?)\b",
]
# an address or a website said aloud, its parts in the groups `user` (if any), `domain`, `tld`:
# "becky at desert paws az dot com" -> becky@desertpawsaz.com, "acme roofing dot com" -> acmeroofing.com
SPOKEN_ADDRESS = [
    r"\b(?P<user>[a-z][\w.]*)\s+at\s+(?P<domain>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+dot\s+(?P<tld>com|net|org|io|co|biz|us|edu)\b",
    r"\b(?P<domain>[a-z][\w-]*)\s+dot\s+(?P<tld>com|net|org|io|co|biz|us|edu)\b",
]
# letters spelt out one by one: "P O came in" -> "PO came in"
SPOKEN_LETTERS = [r"\bp\s+o\b", r"\br\s+f\s+[pqi]\b", r"\bn\s+d\s+a\b", r"\bs\s+o\s+w\b"]
CORRECTION = [
    r"no,?\s+wait,?(?:\s+it'?s)?",
    r"no,?\s+sorry,?(?:\s+it'?s)?",
    r"sorry,?\s+(?:i\s+mean|it'?s)",
    r"no,?\s+it'?s",
    r"no,?\s+just",
    r"i\s+mean",
    r"(?<!\bpo\s)(?<!\binv\s)(?<!\border\s)(?<!\bref\s)(?<!\binvoice\s)no",   # "PO no. SA-44871" is a number
]

# -- names: people and companies (handlers/understanding/people.py, companies.py) --

# common given names, to tell "called Maria" (a person) from "called Initech" (a company)
FIRST_NAMES = frozenset("""
james john robert michael william david richard joseph thomas charles chris christopher daniel matthew anthony mark
donald steven steve paul andrew andy joshua josh kenneth kevin brian george timothy tim ronald edward jason jeff
jeffrey ryan jacob jake gary nicholas nick eric jonathan jon stephen larry justin scott brandon ben benjamin samuel
sam gregory greg alexander alex frank patrick pat raymond ray jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter pete kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin
arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
randy eugene vincent russell elijah louis bobby philip phil johnny tom tony mike dave dan bob bill jim jimmy rob
ted ed fred luke max leo oliver liam lucas mason hugo ivan igor raj ravi arjun amit rahul wei li chen hiroshi kenji
mary patricia jennifer linda elizabeth liz barbara susan jessica sarah karen lisa nancy betty margaret sandra
ashley kimberly kim emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine kate catherine
christine debra rachel carolyn janet maria mariah heather diane ruth julie olivia joyce virginia victoria
kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly
isabella theresa diana natalie brittany charlotte marie kayla alexis lori jane claire clara sophie mia chloe
priya anita sonia nina tina dana rosa elena olga irina natasha yuki mei ling jen jenny meg beth sue tracy
abby ada ade adrian agnes agnieszka ahmet aidan aiden aiko aisha akira al alec alejandro alessandro alfred ali alicia
alison allison alma alvin amaka amara amelia amelie amir ana anand anders andre andres angel angie angus ania anil
annie antonio aoife april archie ari ariana arlo arnold art arturo arun astrid aubrey audrey ava avery ayse barry
becca becky bella benny bernard bernie bert betsy bianca billie bjorn blake bo bonnie boris brad bradley brady brent
brett bridget brock bronwyn brooke bruno bryce bud caleb callum calvin cameron camila candace carla carlos carly
carmen caroline carrie casey cassie cecilia cesar chad chandler chantal charlie chase chelsea chester chiara chidi
chip chuck ciaran ciarán cindy claudia clay clayton cliff clint cody colby cole colin colleen connie connor corey cory
courtney craig cristina curt curtis cyrus dafydd daisy dale dalton damian damon dani daniela danny danuta darius darla
darnell darren darryl daryl davis dawn dean deb debbie declan dee deepa deepak del della derek derrick desmond dev
devin dewey dianne diego dieter dina dmitri dolores dom dominic don dora doug drew duane dustin dwayne dwight earl
eddie edgar edna eduardo edwin eileen elaine eli elias elif elisa eliza ella ellen ellie elliot elliott elodie elsa
emeka emil emilio emmett emre enrique eoin erica erik erika erin ernest ernie esther eva evan ewan faith farah fatima
felix femi fergus fernanda fernando fiona flora floyd francesca francis francisco frankie franz freddie freya gabby
gabe gail gareth gavin gene geoff geoffrey gerry gil gina giovanni giulia glen glenn gordon graham grant greta gwen
hailey hal hamish hank hanna hans hao harley harry haruto harvey hassan hazel hector heidi helena henrik herb herman
hilary hiro holly howard hugh hui hunter ian ingrid iris isaac isabel isaiah isla ivy jackie jacques jaime jamal jamie
jan jana janelle jared jasmine javier jay jayden jeanne jenna jess jessie jill jing jo joanna joanne jodie joel joey
johanna jonah jonas jorge josie joy judd jude jules julia julian juliana julio jun june jurgen kai kara karan kareem
karim karl kasia kat katie kay keira ken kendra kent kenya kerry khalid kiran kirk klaus kris krista kristen kristin
kurt kwame lacey lakshmi lana lance lara lars layla leah lee leigh leila lena leon leonard leroy les leslie lester
lewis lila lin lina lindsay lindsey lionel lloyd lois lola lonnie lorena lorenzo lorraine lou louise luc luca lucia
lucy luis luisa lydia lyle lynn mabel mack maddie madeline magda maggie malcolm malik mandy manny manuel marc marco
marcos marcus marek margo mari marian mariana marina mario marisa marissa marjorie marlene marshall marty marvin mateo
mathew matt matteo maureen maurice maxine maya meera mehmet mel melanie melinda melvin mercedes meredith micah michele
mickey miguel mila miles millie milo min mindy ming miriam misty mitch mitchell mohan molly monica morag morgan moses
muhammad murray myra nabil nadia naomi natalia nate neha neil nell nelson ngozi niamh nico nicolas nigel nikki nikos
niles nils nisha noel nora norm norma olive olu omar oscar owain owen pablo paige pam paolo patsy patty paula pauline
pawel pedro peggy penny percy perry phoebe phyllis pierre pilar piotr pooja preston quinn rachael rafael ramesh ramon
randall raquel rashid raul reed reggie regina rena renee rex rhonda rhys ricardo rich richie rick ricky rita robbie
roberta roberto robin rocco rocio rod rodney rohan roland rolando ron ronnie ros rosalind rose rosie ross roxanne
ruben rudy russ rusty sabrina sadie sal sally salvador samir sammy sandrine sandy sanjay santiago sasha saul scarlett
sebastian sergei sergio seth shane shannon shari shaun shawn sheila shelby shelly sherry sid sienna silvia simon
sinead siobhan skip sofia sonny spencer stacey stacy stan stanley stefano stella stu stuart sunil suresh susie suzanne
sven svetlana sylvia takeshi tamara tammy tanya tao tara tariq tasha teddy terence terri tess tessa theo theodore
tiffany toby todd tomasz tommy toni tonya tori trent trevor trey tricia trina troy trudy tunde ursula val valentina
valerie vanessa vera vic vicki vicky vijay vikram vince vinny viola violet virgil vivian wade wallace walt wanda
warren wes wesley whitney will willa wilma wyatt xavier ximena xiu yan yasmin yolanda yusuf yvonne zach zack zane zoe
zoey
abena adriana ahmed ailsa alberto alejandra alessia alfredo anja anjali anke asha ashok beatriz benoit birgit bram
brendan brigitte bryn calum camille celine cian ciara consuelo cormac dario dermot didier divya dottie enzo esteban euan
fabio federica felipe finlay florian francesco francois frederik frieda gabriela ganesh gert gethin gianluca giorgio
gisela giuseppe gonzalo goran graciela guadalupe gunther gus gussie hanne haruki heike helmut hendrik henk horst
hussein ignacio ilaria isabelle jens jeroen johan joost joris josiane katarzyna katja katya kavya keiko kenta kieran
kirsten kirsty klaas kofi krzysztof lorcan ludmila lukas lupe maeve magnus mahesh manish manon marisol massimo mats
matthias merle mhairi mick mickey mikkel mohammed moira montse morty nathalie niall nikhil nikola noor nuria octavio
oisin orla padraig paloma philippe pieter prakash radha rainer rajesh ralf rania rasmus reece rodrigo rohit roisin
rolf ronan rory ruud sander saoirse satoshi seamus shana shauna shawna sigrid silke sita soren stefan stephan stewart
sunita svenja syd sylvie tadhg tanja tatiana thierry thorsten tobias tomas torsten trev tuan usha uwe valeria veronica
vicente vlad wally wim wolfgang yoko yuko yves zainab zofia zoran
aaliyah adaeze albie alfie amos ananya barb bilal bodhi bola bronwen carmine chioma deshawn evie ffion funmi gino hamza
hana haruka ibrahim imani ines jakub jaxon joao kath keisha kemi kiara kylie lachlan latoya lerato linh lorna lottie
lukasz matilda minh naledi nessa nia nunzio phuong shelley shona sipho tanisha tegan terrell thabo thiago trish tyrone
yemi zanele zara
balwinder harjeet gurpreet rakesh harpreet jaswinder manpreet sukhwinder amrit sanjeev rajinder kuldeep sandeep vikas vivek preeti neeraj pankaj ajay vinod dinesh mukesh jagdish harjinder gurdeep navdeep paramjit ranjit surinder baljit kamal meena rekha pradeep naveen ashwin karthik davo kev bazza shazza gazza macca robbo jonesy leanne
""".split())
# words that are never part of a person's or a company's name
NOT_NAMES = frozenset("""
mon tue tues wed weds thu thur thurs fri
i me my we us our you he she him her his hers they them their it its the a an at from of in on to for with and or but re
about today yesterday tomorrow again said says say walked is was were will would who whom which that this there here team
guys folks everyone someone somebody nobody no yes answer voicemail reception front desk got had has have did do does
whatsapp wechat telegram signal viber slack linkedin sms text texted message messaged dm zoom teams phone
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec follow up call called email emailed met meeting
lunch dinner visit visited quote sent deal contract budget new next last week month year quick just also so ok okay
their then they're we're it's expo conference office site plant hq boss manager director ceo coo cfo cto owner
heard back reply replied update pinged quick great good finally still vp svp evp cmo cio cro cpo gm md
something someone whatever whatshername whatshisname
apologies apology regards cheers greetings namaste dear respected kindly forwarding forwarded
""".split())
# words that make a capitalised pair a company, not a person ("Pinecrest Dental", "Blue Harbor Foods")
FIRM_WORDS = frozenset("""
dental medical health healthcare clinic clinics hospital foods food logistics labs lab systems solutions software
tech technologies technology industries motors realty builders construction group partners capital bank insurance
pharma hotels hotel brewing brewery farms apparel furniture schools school university marine security energy media
studio studios consulting services supply supplies trading traders manufacturing electric electronics networks
airlines holdings ventures analytics robotics retail stores markets foods cafe restaurant restaurants bakery
distribution freight shipping transport auto automotive steel metals chemicals plastics printing packaging design
academy agency associates aviation bakeries bar biolabs bistro body cafes care carting catering center centre centres
childcare church cleaners club co coffee collective company contractors controls cpas credit dance daycare deli
dentistry diner dumpster dumpsters electrical enterprises excavating fabrication fitness fleet foundation garden glass
grill grooming hardware hoa hospitality hvac interiors kitchen landscaping lighting lumber mechanical medicine
montessori movers moving music ortho orthodontics orthopedics parish pediatric pediatrics pest pet pharmacy pizzeria
plumbing pool pools prep print printers produce properties property pub repair resort roasters roofing salon salons
solar spa stone storage textile textiles therapy tile tool trust tutoring union vet veterinary vets vineyards water
winery yacht
dairy dairies mining modular weddings nursery nurseries signs outfitters panaderia panadería taqueria couriers courier
kindy preschool vineyard terminals ranch ranches orchards orchard mills
""".split())
# trade words that are also common surnames: after a known first name they end a person's name
# ("met Bob Stone", "Ann Glass called", "spoke to Tom Mills"), not a company's
SURNAME_TRADES = frozenset("stone stones glass steel mills banks".split())
# lower-case words after "called"/"visited" that are not a company ("called back", "visited twice")
NOT_FIRMS_LOWER = frozenset("""
back twice again over ahead around home out in up off everyone everybody anyone someone them him her it us client
clients customer customers supplier vendor prospect prospects boss office reception support sales mom dad site plant
store warehouse team guys folks people somebody nobody there here yesterday today tomorrow earlier later briefly
renewal renewals escalation escalations qbr qbrs kickoff onboarding rollout install installation implementation
migration upgrade audit board committee
""".split())
# lower-case words that often begin company names but mean nothing alone in a note
COMMON_WORDS = frozenset("""
global first best new north south east west blue green red black white star united general national
american international city sun smart prime alpha best top great big little old the one all grand golden
silver royal pacific atlantic central metro urban digital data tech systems solutions services group
""".split())
LEGAL_FORMS = frozenset("""
    llc l.l.c inc incorporated ltd limited corp corporation co company gmbh plc llp lp sa ag bv nv srl spa pty oy ab as kk
""".split())
LEGAL_SUFFIX = (r"(?:Inc|LLC|Ltd|Corp|Co|GmbH|PLC|LLP|Limited|Corporation|Group|Holdings|SA|S\.A|AG|BV|B\.V|NV|N\.V|A/S|AB|"
                r"Oy|Pty|SAS|SpA|SRL|S\.r\.l|KK)\.?")
# the department or area a job title names ("ops lead", "IT manager", "head of procurement")
DEPARTMENTS = [
    r"project",
    r"program",
    r"programme",
    r"office",
    r"it",
    r"ops",
    r"operations",
    r"purchasing",
    r"procurement",
    r"buying",
    r"sales",
    r"store",
    r"plant",
    r"facilities",
    r"facility",
    r"product",
    r"account",
    r"accounts",
    r"hr",
    r"people",
    r"marketing",
    r"finance",
    r"financial",
    r"practice",
    r"clinic",
    r"hotel",
    r"fleet",
    r"warehouse",
    r"tech",
    r"technical",
    r"technology",
    r"engineering",
    r"team",
    r"logistics",
    r"supply\s+chain",
    r"quality",
    r"qa",
    r"security",
    r"legal",
    r"it\s+security",
    r"category",
    r"regional",
    r"area",
    r"branch",
    r"district",
    r"production",
    r"maintenance",
    r"commercial",
    r"innovation",
    r"digital",
    r"data",
    r"network",
    r"infrastructure",
    r"design",
    r"compliance",
    r"risk",
    r"training",
    r"admin",
    r"general",
    r"site",
    r"kitchen",
    r"events",
    r"customer\s+success",
    r"partnerships?",
    r"business\s+development",
    r"bd",
    r"growth",
    r"research",
    r"r&d",
    r"lab",
    r"nursing",
    r"medical",
    r"dental",
    r"food\s+and\s+beverage",
    r"f&b",
]
_DEPT = one_of(DEPARTMENTS)
_NOT_A_LEAD = r"(?<!sales\s)(?<!marketing\s)(?<!growth\s)(?<!bd\s)(?<!development\s)"   # "sales lead" is a prospect
_TITLES = [r"manager", _NOT_A_LEAD + r"lead", r"head", r"chief", r"coordinator", r"supervisor", r"specialist", r"officer",
           r"buyer", r"analyst", r"admin", r"administrator", r"architect", r"engineer", r"executive", r"director"]
ROLES = [
    r"ceo",
    r"coo",
    r"cfo",
    r"cto",
    r"cio",
    r"cmo",
    r"cro",
    r"cpo",
    r"ciso",
    r"vp(?:\s+of)?\s+" + _DEPT,
    r"vp\s+of\s+\w+",
    r"vp",
    r"svp",
    r"evp",
    r"gm",
    r"general\s+manager",
    r"managing\s+director",
    r"md",
    r"owner",
    r"co-?founder",
    r"founder",
    r"president",
    r"chairman",
    r"chief\s+\w+\s+officer",
    r"director\s+of\s+\w+\s+(?:ops|operations|services|development|engineering|nursing|pharmacy)",
    r"director(?:\s+of\s+\w+)?",
    r"\w+\s+director",
    r"head\s+of\s+(?:" + _DEPT + r"|\w+)",
    _DEPT + r"\s+" + one_of(_TITLES),
    r"manager",
    r"buyer",
    r"engineer",
    r"chief\s+engineer",
    r"accountant",
    r"controller",
    r"admin",
    r"assistant",
    r"receptionist",
    r"principal",
    r"superintendent",
    r"partner",
    r"office\s+admin",
    r"(?:purchasing|procurement)\s+agent",
    # titles reps shorten: "their ops guy Rudy", "IT dir Ben", "consultant pharmacist Mike", "QS Declan", "project eng."
    r"(?:ops|it|tech|sales|parts|service|maintenance|warehouse|plant|site|safety|fleet|shop|purchasing)\s+(?:guy|gal|lady)",
    r"\w+\s+dir\b\.?",
    r"(?:consultant\s+|staff\s+|chief\s+)?pharmacist",
    r"(?:project|site|field|design|process)\s+eng\b\.?",
    r"qs",
    r"quantity\s+surveyor",
    r"(?:software|web|lead|senior|sr\.?|junior|jr\.?|back[\s-]?end|front[\s-]?end|full[\s-]?stack|mobile|qa|it)\s+"
    r"(?:dev|developer|engineer|programmer)",
    r"developers?",
    r"programmer",
    r"designer",
    r"sysadmin",
    r"(?:workshop\s+|shop\s+|yard\s+|farm\s+|site\s+)?foreman",
    r"farm\s+manager",
    r"secretary",
    r"treasurer",
    r"(?:head\s+|diesel\s+)?mechanic",
    r"(?:head\s+|sous\s+|executive\s+)?chef",
    r"bookkeeper",
    r"storeman",
    r"agronomist",
    r"accounts",                     # "Sharon Kelly accounts": who does the books
]

# one of ours doing the work, said right after their name: "tom rang hatherley's", "Mark had a call w Ribbleton's
# Helen", "Priya's got a new prospect", "Dan's been at Acme": the name is a colleague, not the customer's contact
COLLEAGUE_DID = [
    r"rang\s+(?!(?:me|us|back|to|in|again|about|for|re|and|with|from|this|that|today|yesterday|yday|earlier|twice|just|"
    r"first|last|late|early|on|at|around|after|before|while|when|but|so|then|tonight)\b)[a-z]",
    r"called\s+(?!(?:me|us|him|her|them|back|to|in|again|about|for|re|and|with|from|it|off|out|up|ahead|today|yesterday|this)\b)[a-z]",
    r"phoned\s+(?!(?:me|us|him|her|them|back|to|in|again|about|for|re)\b)[a-z]",
    r"visited\b",
    r"had\s+(?:a|his|her|the)\s+(?:call|meeting|mtg|chat|demo|zoom|catch[\s-]?up|lunch|coffee)\s+(?:w/|w|with)\b",
    r"(?:'s|\s+has)\s+(?:got|landed|found|signed\s+up)\s+a\s+new\b",
    r"(?:'s|\s+has)\s+been\s+(?:at|to|out\s+at|over\s+at|down\s+at|up\s+at)\b",
    r"(?:went|drove|headed|popped)\s+(?:out\s+|over\s+|down\s+|up\s+)?(?:to|by)\b",
    r"(?:will|'ll)\s+(?:chase|follow\s+up|take\s+(?:it|this|over)|handle)\b",
]
# one of ours named right before the note's news: "Northgate update from Priya", "news via Tom"
COLLEAGUE_BEFORE = [r"update\s+from", r"news\s+from", r"update\s+via", r"per\s+our", r"for\s+our\s+rep"]
# a person's name right after these, then "from/at <company>": "met Sarah from Initech", "with tom at Acme"
BEFORE_PERSON_AT = [r"\bwith\s", r"\bfor\s", r"w/\s", r"\bfrom\s", r"\bmet\s", r"\bgot\s", r"\bto\s", r"\bcalled\s",
                    r"\bcall\s", r"\bemailed\s", r"\btexted\s", r"\bpinged\s", r"\bmessaged\s", r"\band\s", r"\("]
# after these any capitalised name is a person: "met Dana", "spoke with Lee", "main contact is Ortiz"
MET_PERSON = [
    r"met",
    r"got",
    r"reached",
    r"spoke\s+(?:with|to)",
    r"talked\s+(?:with|to)",
    r"(?:main\s+|primary\s+|key\s+)?contact(?:\s+is|:|\s+person(?:\s+is)?)?",
    r"(?:decision[\s-]?maker|point\s+of\s+contact|poc|dm|champion)(?:\s+(?:there\s+)?is|:)",
    r"ask\s+for",
    r"asked\s+for",
    r"(?:left\s+(?:a\s+)?)?(?:vm|voicemail|voice\s*mail|message|msg)\s+(?:for|with)",
]
# after these a name that looks like a person's is one ("called Maria"; "called Initech" is a company)
REACHED_PERSON = [r"called", r"emailed", r"texted", r"pinged", r"messaged", r"with", r"w/"]
# verbs and phrases a company's name follows: "visited Acme", "signed with Globex"
BEFORE_COMPANY = [
    r"visited",
    r"visit",
    r"called",
    r"call",
    r"phoned",
    r"rang",
    r"emailed",
    r"e-mailed",
    r"email",
    r"texted",
    r"pinged",
    r"messaged",
    r"met",
    r"sent",
    r"quoted",
    r"pitched",
    r"demoed",
    r"onboarded",
    r"signed(?:\s+with)?",
    r"closed(?:\s+with)?",
    r"lost",
    r"won",
    r"stopped\s+by",
    r"dropped\s+by",
    r"swung\s+by",
    r"went\s+to",
    r"caught\s+up\s+with",
    r"spoke\s+(?:with|to)",
    r"talked\s+(?:with|to)",
    r"heard\s+(?:back\s+)?from",
    r"meeting\s+with",
    r"call\s+with",
    r"met\s+with",
    r"followed\s+up\s+with",
    r"follow\s+up\s+with",
    r"chased",
    r"reached",
]

# -- forecast inputs: expected close, lost reason, lead source, stay-in-touch cadence --

_CLOSING = r"(?:clos(?:e|es|ed|ing)|sign(?:s|ed|ing)?(?:\s+(?:the\s+)?(?:contract|deal|po|order))?|buy|commit|decide)"
CLOSE = [
    r"\bexpect(?:s|ed|ing)?\s+(?:us\s+|them\s+|it\s+|the\s+deal\s+)?to\s+" + _CLOSING + r"(?:\s+(?:it|the\s+deal))?\s*(?:by|on|in|before|around|at|for)?",
    r"\b(?:should|will|could|might|may|plan\s+to|aim\s+to|hope\s+to|going\s+to|want\s+to)\s+" + _CLOSING + r"(?:\s+(?:it|the\s+deal))?\s+(?:by|on|before|around)",
    r"\bclos(?:e|ing)\s+(?:it\s+|the\s+deal\s+)?(?:by|before)",
    r"\bclosing\s+(?:on|in|around)",
    r"\b(?:expected|target|estimated|projected)\s+close(?:\s+date)?\s*(?:is|:|of|on|by|-)?",
    r"\bclose\s+date\s*(?:is|:|of|on|-)?",
    r"\bdecision\s+(?:expected\s+)?by",
    # a signature still ahead, its day next: "they'll sign next monday", "they're going to sign the contract friday"
    r"(?:\bwill|'ll|\btheyll|\bshell|\bgoing\s+to|\bgonna)\s+sign(?:\s+(?:the\s+)?(?:contract|deal|papers|po|order|it))?\b(?!\s+off)",
    # "contract by dec 18", "contract signed before the 18th": the contract's day, not a reminder
    # at a clause's start only: "send the contract by friday" is a promise to send, not the close
    r"(?:^|(?<=[,;:.!—–-])\s*)(?:the\s+)?contract\s+(?:signed\s+|to\s+be\s+signed\s+)?(?:by|before)",
    # "signing next monday for 28k", "they're signing on the 14th": the signature set for a day
    r"(?<!\bstarted\s)(?<!\bfinished\s)\bsigning(?:\s+(?:the\s+)?(?:contract|deal|papers|po|order|it))?\s*(?:on|by)?(?=\s+(?:next|this|on|the|mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw|\d))",
]
CLOSE_WINDOW = 4
LOST_WHY = {
    "price": [r"cheaper", r"too\s+expensive", r"(?:the\s+)?price", r"pricing", r"cost(?:s|ly)?", r"lower\s+(?:bid|offer|quote)",
              r"undercut"],
    "competitor": [r"competitor", r"elsewhere", r"somewhere\s+else",
                   r"(?:bought|purchased|ordered)\s+(?:[\w$£€.,-]+\s+){0,4}?from\s+(?!us\b|me\b|our\b)", r"went\s+with\s+(?:another|someone|somebody|a\s+rival|\w+\s+instead)",
                   r"chose\s+(?:another|someone|somebody|a\s+rival)", r"(?:their|the)\s+(?:current|existing|incumbent)\s+(?:vendor|supplier|provider)",
                   r"stayed\s+with", r"renewed\s+with"],
    "no budget": [r"no\s+budget", r"budget\s+(?:cut|frozen|freeze|gone|was\s+cut)", r"(?:no|out\s+of)\s+money", r"can'?t\s+afford",
                  r"funding"],
    "timing": [r"timing", r"not\s+(?:the\s+)?right\s+time", r"next\s+year", r"postponed", r"on\s+hold", r"too\s+late", r"not\s+now"],
    "no decision": [r"no\s+decision", r"(?:couldn'?t|can'?t|didn'?t)\s+decide", r"decided\s+(?:to\s+do\s+)?nothing", r"cancell?ed\s+the\s+project",
                    r"project\s+(?:was\s+)?(?:cancell?ed|dropped|killed)"],
    "product fit": [r"(?:missing|lacks?|lacking)\s+(?:a\s+)?features?", r"not\s+a\s+(?:good\s+)?fit", r"doesn'?t\s+fit",
                    r"(?:did|does)n'?t\s+(?:meet|match)\s+(?:their\s+)?(?:needs|requirements|specs?)", r"integration"],
    "no response": [r"went\s+(?:silent|dark|quiet)", r"ghosted", r"no\s+(?:response|reply|answer)", r"stopped\s+(?:answering|responding)"],
}
LOST_BECAUSE = [r"\bbecause(?:\s+of)?\b", r"\bdue\s+to\b", r"\breason(?:\s+(?:is|was))?\s*:?", r"\bsince\b", r"\bas\b(?=\s+(?:they|their|we|our|the))"]
SOURCE_VIA = [
    r"\bfound\s+us\s+(?:through|via|thru|on|at|from|in|by)",
    r"\b(?:came|come|comes|coming)\s+(?:to\s+us\s+)?(?:from|through|via|thru)",
    r"\bheard\s+(?:about|of)\s+us\s+(?:from|through|via|on|at|in)",
    r"\b(?:reached|contacted|approached)\s+us\s+(?:through|via|thru|on|from)",
    r"\bwe\s+met\s+(?:them\s+|him\s+|her\s+)?at",
    r"\b(?:lead\s+)?source\s*(?:is|was|:|-)",
    r"\breferred\s+(?:to\s+us\s+)?by",
    r"\b(?:a\s+)?referral\s+from",
    r"\binbound\s+(?:lead\s+)?(?:from|through|via)",
]
SOURCES = {
    "website": [r"(?:our\s+|the\s+)?web\s*-?site", r"(?:our\s+|the\s+)?site", r"(?:contact|web)\s+form", r"landing\s+page",
                r"google(?:\s+search)?", r"search"],
    "linkedin": [r"linked\s*-?in"],
    "referral": [r"referr?al", r"referred", r"recommendation", r"word\s+of\s+mouth", r"(?:a\s+)?friend", r"(?:a\s+)?colleague"],
    "trade show": [r"(?:the\s+|a\s+)?trade\s*-?show", r"(?:the\s+|an?\s+)?expo", r"(?:the\s+|an?\s+)?exhibition", r"(?:the\s+|a\s+)?fair",
                   r"(?:the\s+|a\s+)?conference", r"(?:the\s+|a\s+)?booth"],
    "cold call": [r"cold\s+(?:call(?:ing)?|outreach|e-?mail(?:ing)?)"],
    "advertising": [r"(?:an?\s+|our\s+)?ads?\b", r"advert\w*", r"ad\s+campaign", r"adwords", r"banner"],
    "social media": [r"social\s+media", r"facebook", r"instagram", r"twitter", r"x\.com", r"tiktok", r"youtube", r"wechat", r"telegram"],
    "partner": [r"(?:a\s+|our\s+)?partners?", r"reseller", r"distributor"],
    "inbound email": [r"(?:an?\s+)?(?:inbound\s+)?e-?mail"],
}
SOURCE_END: list[str] = []
TOUCH = [
    r"\b(?:keep|stay|staying|keeping|be|get)\s+in\s+touch",
    r"\btouch\s+base",
    r"\bcheck\s+in",
    r"\bfollow\s+up",
    r"\breach\s+out",
    r"\b(?:call|ping|contact|email|e-mail|visit|see|talk\s+to|speak\s+(?:to|with))\b",
    r"\bcadence\b",
    r"\bin\s+touch\b",
]
EVERY = [r"\bevery", r"\beach", r"\bonce\s+(?:a|an|every|per)"]
TOUCH_UNITS = {
    "day": [r"days?\b"],
    "week": [r"weeks?\b"],
    "month": [r"months?\b"],
    "quarter": [r"quarters?\b"],
}
CADENCES = [
    (r"\bevery\s+other\s+week\b", 14),
    (r"\bevery\s+other\s+month\b", 60),
    (r"\b(?:bi-?weekly|fortnightly)\b", 14),
    (r"\bweekly\b", 7),
    (r"\bmonthly\b", 30),
    (r"\bquarterly\b", 91),
    (r"\bdaily\b", 1),
]

# -- the conversation around a note (handlers/ask.py, handlers/understanding/unnamed.py) --
BEFORE_FIRM = [
    r"at",
    r"from",
    r"w/",
    r"with",
    r"by",
    r"visited",
    r"called",
]
ANSWER_LEAD = [
    r"it'?s",
    r"it\s+is",
    r"it\s+was",
    r"that'?s",
    r"the\s+customer\s+is",
    r"customer",
    r"oh",
    r"sorry",
]
ANSWER_NEW = [
    r"new\s+customer",
    r"new\s+client",
    r"new\s+one",
    r"new",
]
ANSWER_CANCEL = [
    r"cancel",
    r"never\s*mind",
    r"nvm",
    r"forget\s+it",
    r"drop\s+it",
    r"no",
    r"none",
    r"stop",
]
ANSWER_YES = [
    r"yes",
    r"yeah",
    r"yep",
    r"yup",
    r"y",
    r"ok",
    r"okay",
    r"k",
    r"sure",
    r"right",
    r"correct",
    r"exactly",
    r"that\s+one",
    r"go\s+ahead",
    r"please\s+do",
]
NOT_A_NAME = [
    r"\b(?:he|she|they|him|her|them|his|hers|their|we|i|you|me|my|our)\b",
    r"\b(?:is|isn'?t|was|wasn'?t|are|aren'?t|were|be|been|am|has|have|had|did|does|do|don'?t|didn'?t)\b",
    r"\b(?:actually|not|never|also|just|please|title|phone|email|quote|follow\s*up|tomorrow|today)\b",
    r"^\W*(?:change|set|move|update|fix|make|add|delete|remove|mark|snooze|call|email|send|show|undo|rename|merge)\b",
    r"\w'?s\s+\w",
]
ASKING = [
    r"\?",
    r"^\W*(?:what|wat|wut|who|whom|whose|which)(?:'s|s|'re)?\b(?!\s+a\b)",
    r"^\W*how(?:'s|s)?\b(?!\s+(?:it|they|we|that)\s+went\b)",
    r"^\W*(?:any|anything|anyone|anybody)\s+(?:news|update|updates|new|talked|know|heard|spoke)\b",
    r"^\W*(?:do|does|did|can|could|is|are|was|were|should)\s+(?:we|you|i|anyone|anybody|somebody|someone)\s+"
    r"(?:have|know|got|ever|already|still|talk|talked|spoke|need|remember|recall)\b",
    r"^\W*tell\s+me\b",
    r"^\W*(?:summari[sz]e|show\s+me)\b",
    # a yes/no question about someone: "did bob ever send the PO", "has northwind already signed"
    r"^\W*(?:did|does|has|have)\s+(?!(?:a|an|the|some|our|my|their|his|her)\b)[^\W\d_][\w'-]*\s+"
    r"(?:ever|already|actually|finally|yet|even)\b",
    r"^\W*(?:did|does)\s+(?!(?:a|an|the|some|our|my|their|his|her)\b)[^\W\d_][\w'-]*\s+(?:send|sign|get|reply|"
    r"respond|pay|call|answer|confirm|approve|agree|say|order|buy|receive|hear|email|book|come\s+back)\b",
    r"^\W*(?:has|have)\s+(?!(?:a|an|the|some|our|my|their|his|her)\b)[^\W\d_][\w'-]*\s+(?:sent|signed|got|gotten|"
    r"replied|responded|paid|called|answered|confirmed|approved|agreed|ordered|bought|received|heard|emailed|booked)\b",
    # asking to be reminded of what was said, not to be reminded to do something
    r"^\W*remind\s+me\s+(?:what|who|whom|when|where|how|which|whether|if)\b",
    # a look-up of customers by what they are called or where they are
    r"^\W*(?:customers?|clients?|companies|accounts)\s+(?:named|called|in|from|based\s+in)\b",
]
CHATTER = [
    r"\b(?:lol|lmao|lmfao|rofl)\w*",
    r"\b(?:ha){2,}h?\b",
    r"\bhehe\w*",
    r"[😂🤣🤦🙄]",
    r"\bnothing\s+(?:getting|gets|got)\s+done\b",
]
RETRACTED_FOR = [
    r"\b(?:wait|no|nope|sorry|oops|actually|my\s+bad|scratch\s+that)[\s,.!-]+(?:(?:no|sorry|wait)[\s,.!-]+)?"
    r"(?:(?:that|it|this)\s+was|(?:that|it)'?s|i\s+meant?)\s+(?:for\s+|with\s+|about\s+|at\s+)?$",
]
# right before the day a follow-up is moved from: that day's follow-up moves to the one said
INSTEAD_OF = [r"\binstead\s+of\s+$", r"\brather\s+than\s+$", r"\bnot\s+(?:on\s+)?$"]
NOT_THIS = [r"\bnot\s+(?:the\s+)?$", r"\bisn'?t\s+$", r"\bwasn'?t\s+$",
            r"\bdifferent\s+(?:from|to|than)\s+(?:the\s+)?$",
            r"\bnot\s+to\s+be\s+confused\s+with\s+(?:the\s+)?$",
            r"\b(?:unrelated|no\s+relation)\s+to\s+(?:the\s+)?$",
            r"\bnothing\s+to\s+do\s+with\s+(?:the\s+)?$"]
NOT_THIS_AFTER: list[str] = []
OTHER_COMPANY = [
    r"\b(?:different|separate)\s+(?:company|firm|business|customer|client|account|outfit|practice|clinic|hospital|lab)\b",
    r"\banother\s+(?:company|firm|business)\b",
    r"\bdifferent\s+(?:from|to|than)\b",
    r"\bnot\s+to\s+be\s+confused\b",
    r"\bnot\s+the\s+same\s+(?:company|firm|people|one|as)\b",
    r"\b(?:unrelated|no\s+relation)\s+to\b",
]
SAID_NEW = [r"\bnew\s+(?:customer|client|account|prospect|lead|company)\s*(?:[:,-]|\s-)?\s*$"]
NAMED_AS = [r"\b(?:called|named|by\s+the\s+name\s+of)\b", r"\b(?i:company|customer|client)\s*:"]
AFTER_LOG_VERB = [r"(?:(?:up|by|in|out|over)\s+)?(?:(?:at|with|to|on|from|the)\s+)*"]
CALLED_IN = [
    r"called",
    r"emailed",
    r"e-mailed",
    r"phoned",
    r"rang",
    r"texted",
    r"messaged",
    r"wrote",
    r"pinged",
    r"reached\s+out",
    r"got\s+back",
    r"called\s+back",
    r"emailed\s+back",
]
NOT_CALLERS = frozenset("""
he she they we i it someone somebody nobody client customer
boss buyer procurement purchasing legal finance the their our
""".split())
ON_THE_WAY = [
    r"\b(?:running|running\s+a\s+bit)\s+late\b",
    r"\bon\s+my\s+way\s+to\b",
    r"\bomw\b",
    r"\bstuck\s+in\s+traffic\b",
]
ASK_HEDGE = [
    r"i\s+think",
    r"i\s+guess",
    r"i\s+believe",
    r"maybe",
    r"probably",
    r"or\s+something",
    r"right",
    r"lol",
    # asking the bot to record the very note it closes: "please could you record this as a new lead?",
    # "should I log this as won?"
    r"(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:record|log|note|save|enter|add|put)\s+(?:this|that|it)(?:\s+[\w'-]+){0,4}",
    r"should\s+i\s+(?:record|log|mark|put|enter|save)\s+(?:this|that|it)(?:\s+[\w'-]+){0,4}",
]
ERASE = [
    r"^\W*(?:please\s+)?(?:delete|remove|erase|forget|wipe)\s+(?:customer\s+|client\s+|all\s+(?:of\s+)?|everything\s+(?:about|on)\s+)?"
    r"(?!that\b|the\s+last\b|last\b|it\b|this\b)(?P<name>[^?!.]{2,80}?)\W*$",
]

# -- corrections of the last note (handlers/correct.py, handlers/understanding/fixes.py) --
# a value a correction opens with: a day or an amount
_FIX_VALUE = (r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|tomorrow|today|tmrw|the\s+\d{1,2}(?:st|nd|rd|th)?"
              r"|\$?\d[\d.,]*\s*(?:k|m|mm|grand|thousand|million)?)")
FIX = [
    r"^\W*(?:(?:no|nope|nah)\s+)*(?:no|nope|nah)\b\s*[,.!-]",
    # a contact's name put right: "its Marie not Maria", "her name's Marie, not Maria", "not Maria, Marie"
    r"^\W*(?:it'?s|(?:her|his)\s+name(?:'s|\s+is))\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?,?\s+not\s+(?-i:[A-Z])[\w'-]+\W*$",
    r"^\W*not\s+(?-i:[A-Z])[\w'-]+\s*,\s*(?:it'?s\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\W*$",
    # "sorry not Tom, it was Dr Ben Hardy"; "the secretary's name is Gurpreet Grewal and not Gill"; "it was Ben Hardy, not Tom"
    r"^\W*(?:(?:sorry|oops|my\s+bad|correction|no|nah)\W+)?not\s+(?-i:[A-Z])[\w'-]+\s*[,;-]?\s*(?:it\s+was|it'?s|its|he'?s|"
    r"she'?s|was)\s+(?:(?:dr|mr|mrs|ms|miss)\.?\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2}\W*$",
    r"\b(?:name\s+is|^\W*it\s+was)\s+(?:(?:dr|mr|mrs|ms|miss)\.?\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2},?\s+"
    r"(?:and\s+)?not\s+(?-i:[A-Z])[\w'-]+\W*$",
    r"^\W*(?:actually|correction|oops|sorry,?\s+i\s+meant?)\b",
    r"^\W*(?:no|nope|nah)\s+(?:sorry|my\s+bad|my\s+mistake)\b",      # "no sorry, still negotiating"
    r"^\W*[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+is\s+(?:actually|now|really)\s+(?:the\s+|a\s+|an\s+|their\s+)?"
    r"(?:head|chief|director|manager|ceo|cfo|cto|coo|cmo|vp|president|owner|founder|buyer|engineer|lead|"
    r"\w+\s+(?:manager|director|officer|engineer|lead))\b",                # "bob is actually head of procurement"
    r"^\W*(?:change|fix|correct|update|make)\s+(?:it|that|the\s+(?:follow[\s-]?up|date|day|amount|deal|stage|customer)|"
    r"(?:her|his|their)\s+(?:title|role|phone|number|name)|\w+'s\s+(?:title|role|position|phone|number|cell|name))\b",
    r"^\W*(?:move|push|reschedule|postpone)\s+(?:it|that|the\s+follow[\s-]?up)\s+to\b",
    r"\bwrong\s+(?:customer|company|client|account)\b",
    r"^\W*(?:the\s+)?(?:amount|price|number|figure|total|sum|value)\s+(?:was|is)\s+(?:wrong|incorrect|off|a\s+typo)\b",
    r"^\W*(?:the\s+)?(?:amount|deal|stage)\s+(?:is|was|should\s+be)\s+.+\bnot\b",
    r"^\W*(?:no+[\s,]+)*(?:wait|hold\s+on)\b\s*[,.!-]",              # "no wait, thursday", "wait - 45k"
    r"^\W*(?:oops|sorry|my\s+bad)\b[\s,.!-]+(?:i\s+meant?\s+|it'?s\s+|make\s+it\s+)?" + _FIX_VALUE + r"\b",
    # a message that opens with the new value and names the old one: "thursday not friday", "45k not 54k"
    r"^\W*(?:(?:oops|sorry|my\s+bad)[\s,.!-]+)?(?:(?:follow[\s-]?up|f/u|call(?:\s+(?:back|them|him|her))?|meeting|it'?s|make\s+it|should\s+be|(?:signed|closed|sold|agreed|won)\s+(?:at|for))\s+)?(?:on\s+)?" + _FIX_VALUE
    + r"\s*,?\s+not\s+(?:on\s+|the\s+)?" + _FIX_VALUE + r"\b",
]
FIX_OLD = [
    r"^\W*(?:the\s+)?(?:amount|price|number|figure|total|sum|value)\s+(?:was|is)\s+(?:wrong|incorrect|off|a\s+typo)\b"
    r"[\s,.:;!-]*(?:(?:it\s*(?:'?s|is)|its|should\s+be|make\s+it|=)\s*)?",
    r",?\s*\bnot\s+(?:on\s+|the\s+)?(?:[^,.;!]|[,.](?=\d))+",
    r",?\s*\binstead\s+of\s+(?:[^,.;!]|[,.](?=\d))+",
    r"^\W*(?:no|nope|nah|actually|correction|oops|sorry,?\s+i\s+meant?)\b[\s,.!-]*",
    r"^\W*(?:(?:no+|oops|sorry|my\s+bad)[\s,.!-]+)*(?:wait|hold\s+on|i\s+meant?|it'?s|make\s+it)?\b[\s,.!-]*",
]
FIX_CUSTOMER = [
    r"\bwrong\s+(?:customer|company|client|account)\b",
    r"\b(?:it|that|this)\s+was\s+(?:for|about|at)\b",
    r"\bnot\s+\w+[^,.]*,\s*(?:it\s+was|it's)\b",
]
_SWAP_AT = r"(?:(?:for|about|at|with)\s+)?"
FIX_CUSTOMER_SWAP = [
    # "it was initech, not globex", "no, that was Hooli not Globex", "sorry it's initech, not globex", "no, that one was
    # Hooli, not Globex", "the last note was initech not globex"
    r"^\W*(?:(?:no|nope|oops|sorry|actually|my\s+bad)[\s,.!-]+)*(?:it\s+was|it'?s|(?:that|this)(?:\s+(?:one|note))?\s+was|"
    r"that'?s|(?:the\s+)?(?:last|previous)\s+(?:one|note)\s+was)\s+"
    + _SWAP_AT + r"(?P<new>[^,;.!?]{2,60}?)\s*[,;-]?\s*(?:and\s+)?not\s+" + _SWAP_AT + r"(?P<old>[^,;.!?]{2,60}?)\W*$",
]
FIX_CUSTOMER_SAID = [
    r"^\W*(?:actually|oh\s+wait|wait|sorry|oops|no|my\s+bad)[\s,.!-]+(?:it\s+was|it's|that\s+was|that's|this\s+was|"
    r"i\s+meant?)\s+(?:at\s+|with\s+|for\s+)?\w",
]
FIX_DAY_WORD = "follow up"
FIX_CONTACT = {
    "role": [
        r"\b(?P<who>[A-Z]\w+)'s\s+(?:title|role|position|job)\s+(?:to|is|=|:)\s*(?P<value>[^.!?]+)",
        # "change maria's title to CEO": a name typed small after the verb of a correction
        r"^\W*(?i:change|set|update|fix|make)\s+(?P<who>[A-Za-z][\w-]*)'s\s+(?i:title|role|position|job(?:\s+title)?)\s+"
        r"(?i:to|is|=|:)\s*(?P<value>[^.!?]+)",
        # "bob is actually head of procurement", "Dana Fox is now the CFO"
        r"^\W*(?P<who>[A-Za-z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?i:is\s+actually|is\s+now|is\s+really)\s+"
        r"(?i:the\s+|a\s+|an\s+|their\s+)?(?P<value>[^.!?,]+)",
        r"\b(?:her|his)\s+(?:title|role|position|job)\s+(?:to|is|=|:)\s*(?P<value>[^.!?]+)",
    ],
    "phone": [
        r"\b(?P<who>[A-Z]\w+)'s\s+(?:phone|number|cell|mobile)(?:\s+number)?\s+(?:to|is|=|:)\s*(?P<value>\+?[\d()][\d\s().-]{5,})",
        r"\b(?:her|his)\s+(?:phone|number|cell|mobile)(?:\s+number)?\s+(?:to|is|=|:)\s*(?P<value>\+?[\d()][\d\s().-]{5,})",
    ],
    "name": [
        r"\b(?:her|his)\s+name\s+is\s+(?P<value>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)",
        r"\b(?P<who>[A-Z]\w+)'s\s+name\s+(?:to|is)\s+(?P<value>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)",
        r"\bit'?s\s+(?P<value>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?),?\s+not\s+(?P<who>[A-Z][\w'-]+)",
        r"\b(?:her|his)\s+name(?:'s|\s+is)\s+(?P<value>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?),?\s+not\s+(?P<who>[A-Z][\w'-]+)",
        r"^\W*(?i:not)\s+(?P<who>[A-Z][\w'-]+)\s*,\s*(?i:it'?s\s+)?(?P<value>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\W*$",
        # "sorry not Tom, it was Dr Ben Hardy", "oops, not Tom - it's Ben"
        r"^\W*(?:(?i:sorry|oops|my\s+bad|correction|no|nah)\W+)?(?i:not)\s+(?P<who>[A-Z][\w'-]+)\s*[,;-]?\s*"
        r"(?i:it\s+was|it'?s|its|he'?s|she'?s|was)\s+(?P<value>(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\W*$",
        # "the secretary's name is Gurpreet Grewal and not Gill", "it was Ben Hardy, not Tom"
        r"\b(?i:name\s+is|it\s+was)\s+(?P<value>(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
        r",?\s+(?i:and\s+)?(?i:not)\s+(?P<who>[A-Z][\w'-]+)",
    ],
}
FIX_MOVE = [
    r"^\W*(?:move|push|reschedule|postpone|shift)\s+(?:the\s+|my\s+)?(?P<what>.+?)\s+(?:follow[\s-]?ups?|f/u|call|reminder)\s+"
    r"(?:to|till|until)\s+(?P<when>.+?)\W*$",
    r"^\W*(?:snooze|move|push)\s+#?(?P<what>\d{1,2})\s+(?:to|till|until)\s+(?P<when>.+?)\W*$",
    # by a span: "snooze 1 a week", "push 2 by 3 days", "postpone 3 for two weeks"
    r"^\W*(?:snooze|move|push(?:\s+back)?|postpone|bump|delay)\s+#?(?P<what>\d{1,2})\s+(?:back\s+)?"
    r"(?P<when>(?:by\s+|for\s+)?(?:a|one|\d{1,2})\s+(?:days?|weeks?)(?:\s+later)?)\W*$",
]
FIX_RESOLVED = [
    r"^\W*(?:complaint|inquiry|issue|ticket)\s+#?(?P<n>\d{1,6})\s+(?:is\s+)?(?:resolved|fixed|closed|done|sorted)\W*$",
    r"^\W*(?:resolve|close)\s+(?:complaint|inquiry|issue|ticket)\s+#?(?P<n>\d{1,6})\W*$",
]
# a loss taken back: the lost deal moves back to the stage said, or the one it had ("wattle creek back on",
# "no not lost, they came back", "change the stage back, still qualified")
LOSS_TAKEN_BACK = [
    r"\bback\s+on\b(?=\s*(?:[,.!;:—–-]|$|\s+(?:track|again|the\s+table|board)\b))",
    r"\b(?:not|never|isn'?t|wasn'?t|n't)\s+(?:really\s+|actually\s+)?(?:lost|dead|a\s+loss)\b",
    r"\b(?:change|put|move|set|switch)\s+(?:the\s+)?(?:stage|deal|it)\s+back\b",
    r"\b(?:they|he|she|customer|client)\s+(?:have\s+|has\s+)?(?:came|come)\s+back\b(?!\s+(?:to\s+(?:me|us)\s+with|with)\b)",
    r"\bstill\s+alive\b",
    r"\b(?:reopen(?:ed)?|revived?)\b",
    r"\bback\s+from\s+the\s+dead\b",
]
# a deal of its own beside the customer's open one: it opens a new deal, never re-prices the open one
# ("new order: spare parts container", "another contract", "a separate deal", "they reordered")
ANOTHER_DEAL = [
    r"\b(?:another|a\s+new|new|second|2nd|third|one\s+more|an?\s+additional|additional|an?\s+extra|separate|repeat|fresh)\s+"
    r"(?:\w+\s+)?(?:deal|contract|order|po|purchase\s+order|project|opportunity|oppty|sale)s?\b",
    r"\b(?:signed|ordered|bought)\s+(?:again|once\s+more)\b",
    r"\bre-?order(?:ed|ing|s)?\b",
    r"\bseparate\s+from\b",
]
# the deal's figure said as revised: the same deal re-priced ("revised quote $45k", "came down to 40k")
AMOUNT_REVISED = [
    r"\brevis(?:ed|e|es|ing)\b",
    r"\bupdated\s+(?:quote|price|offer|proposal|figure|pricing)\b",
    r"\bre-?quot(?:ed|e)\b",
    r"\bnew\s+(?:price|pricing|figure)\b",
    r"\b(?:dropped|down|up|came\s+down|went\s+up|reduced|lowered|raised|increased|decreased|bumped)\s+(?:\w+\s+)?to\b",
    r"\bdiscount\w*",
    r"\binstead\s+of\b",
]
# a deal said to have gone back to an earlier stage: it moves back ("globex went back to proposal")
STAGE_BACK = [
    r"\b(?:went|gone|go(?:ing|es)?|moved|slipped|fell|dropped|sent)\s+(?:all\s+the\s+way\s+)?back\s+(?:to|into)\b",
    r"\bback\s+(?:to|in|into)\s+(?:the\s+)?(?:proposal|quote|quoting|qualif\w*|discovery|demo|lead|prospect\w*)\b",
    r"\b(?:again|once\s+more)\s+(?:at|in)\s+(?:the\s+)?(?:proposal|quote|qualif\w*|demo)\s+stage\b",
]
PERSON_BACK = [r"\b(?:her|his|she|he|she's|he's)\b"]

# a second person met beside the note's contact, and the possessive before their title ("and her boss Tom Hardy")
MET_TOO = [
    r"\s(?:and|&|plus)\s+",
    r"\s?\+\s*",
    r"\s(?:as\s+well\s+as|along\s+with|together\s+with)\s+",
]
MET_TOO_THEIR = [r"(?:her|his|their|the)\s+"]

# -- a follow-up closed or moved by its customer's name (handlers/understanding/followup_words.py) --

_NAMED_WORD = r"(?:follow[\s-]?ups?|f/u|reminders?|tasks?|to-?dos?|call(?:\s+back)?)"
_CLOSED = r"(?:done|finished|complete[d]?|closed|sorted|taken\s+care\s+of)"
FOLLOWUP_DONE_NAMED = [
    # "done with the globex follow up", "finished the hooli call", "completed the acme task"
    r"^\W*(?:done|finished|completed?)\s+(?:with\s+)?(?:the\s+|my\s+)?(?P<name>[^\s].{0,60}?)\s+" + _NAMED_WORD + r"\W*$",
    # "globex follow-up done", "the hooli call is done", "acme task finished ✅"
    r"^\W*(?:the\s+|my\s+)?(?P<name>[^\s].{0,60}?)\s+" + _NAMED_WORD + r"\s+(?:is\s+|was\s+)?" + _CLOSED + r"\W*$",
    # "mark the globex follow-up done", "close the hooli task", "tick off the acme follow up"
    r"^\W*(?:mark|close|tick\s+off|check\s+off)\s+(?:the\s+|my\s+)?(?P<name>[^\s].{0,60}?)\s+" + _NAMED_WORD
    + r"(?:\s+(?:as\s+)?(?:done|complete[d]?|finished))?\W*$",
    # "done with the follow-up for globex", "mark the follow up with hooli done"
    r"^\W*(?:done\s+with|finished|completed?|mark|close)\s+(?:the\s+|my\s+)?" + _NAMED_WORD
    + r"\s+(?:for|with|on|at)\s+(?P<name>[^\s].{0,60}?)(?:\s+(?:as\s+)?(?:done|complete[d]?|finished))?\W*$",
    # "follow-up with globex done"
    r"^\W*(?:the\s+|my\s+)?" + _NAMED_WORD + r"\s+(?:for|with|on|at)\s+(?P<name>[^\s].{0,60}?)\s+(?:is\s+)?"
    + _CLOSED + r"\W*$",
]
FOLLOWUP_SNOOZE_NAMED = [
    # "snooze globex to next week", "snooze the hooli follow up a week", "postpone acme by 2 days"
    r"^\W*(?:snooze|postpone|defer|delay|push\s+back|push|bump)\s+(?:the\s+|my\s+)?(?P<name>[^\s].{0,60}?)(?:\s+" + _NAMED_WORD
    + r")?(?:\s+back)?\s+(?P<when>(?:to|till|until|by|for|a|one|\d{1,2})\b.{0,40}?)\W*$",
    # "push globex to monday", "move hooli to friday": a day, not a stage
    r"^\W*(?:push|move|reschedule|bump)\s+(?:the\s+|my\s+)?(?P<name>[^\s].{0,60}?)(?:\s+back)?\s+"
    r"(?P<when>(?:to|till|until|by)\s+.{1,40}?)\W*$",
]
# a call or meeting said as moved: its customer's follow-up moves ("call with initech moved to 3pm", "the globex
# meeting got pushed to monday", "initech moved the call to friday 10am"); no call is logged
_SESSION = r"(?:call|meeting|mtg|demo|catch[\s-]?up|presentation|visit|zoom)"
_MOVED = r"(?:moved|rescheduled|pushed(?:\s+back)?|bumped|shifted|changed|postponed)"
FOLLOWUP_SNOOZE_NAMED += [
    r"^\W*(?:the\s+|our\s+|my\s+)?(?P<session>" + _SESSION + r")\s+(?:with|w/?|at)\s+(?P<name>[^\s].{0,60}?)\s+(?:was\s+|is\s+|got\s+|"
    r"has\s+been\s+|been\s+)?" + _MOVED + r"\s+(?P<when>(?:to|till|until|for)\s+.{1,40}?)\W*$",
    r"^\W*(?:the\s+)?(?P<name>[^\s].{0,60}?)\s+(?P<session>" + _SESSION + r")\s+(?:was\s+|is\s+|got\s+|has\s+been\s+)?" + _MOVED
    + r"\s+(?P<when>(?:to|till|until|for)\s+.{1,40}?)\W*$",
    r"^\W*(?P<name>[^\s].{0,60}?)\s+(?:moved|rescheduled|pushed|bumped|shifted)\s+(?:the|our)\s+(?P<session>" + _SESSION + ")"
    + r"\s+(?P<when>(?:to|till|until|for)\s+.{1,40}?)\W*$",
    # the customer asks to move it: moved the same, and no meeting happened ("globex asks to move the meeting to thursday")
    r"^\W*(?P<name>[^\s].{0,60}?)\s+(?:asks?|asked|asking|wants?|wanted|would\s+like|requested|requests|needs?)\s+to\s+"
    r"(?:move|reschedule|push|shift|bump)\s+(?:the\s+|our\s+)?(?P<session>" + _SESSION + r")\s+(?P<when>(?:to|till|until|for)\s+.{1,40}?)\W*$",
]
SNOOZE_SPAN = {
    1: [r"(?:by\s+|for\s+)?(?:a|one|(?P<n>\d{1,2}))\s+days?(?:\s+later)?"],
    7: [r"(?:by\s+|for\s+|to\s+)?(?:a|one|(?P<n>\d))\s+weeks?(?:\s+later)?"],
}

# -- search: a contact by name or phone, customers by a trait --

_PERSON = r"(?P<who>[^\W\d_][\w'’.-]*(?:\s+[A-Z][\w'’-]*)?)"
_REACH = r"(?:phone\s+)?(?:number|phone|cell|mobile|e-?mail(?:\s+address)?|contacts?|contact\s+details|details)"
SEARCH_CONTACT = [
    r"\bwhat(?:'s|’s|\s+is|s)\s+" + _PERSON + r"(?:'s|’s|s')\s+" + _REACH + r"\b",
    r"^\W*" + _PERSON + r"(?:'s|’s)\s+" + _REACH + r"\W*$",
    r"^\W*who(?:'s|’s|\s+is)\s+(?P<who>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\W*$",
    r"\b(?:find|look\s+up|search(?:\s+for)?)\s+(?:the\s+)?contact\s+(?P<who>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)",
    r"\b(?:phone|number|e-?mail|contact\s+details?)\s+(?:of|for)\s+(?P<who>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\W*$",
    # typed without the apostrophe: "whats marias number", "what is peters email"
    r"^\W*what(?:s|'s|’s|\s+is)\s+(?P<who>[^\W\d_][\w-]+?)s\s+" + _REACH + r"\W*$",
]
SEARCH_PHONE = [r"\bwhose\s+(?:phone\s+)?number\s+is\b", r"\bwho(?:'s|\s+is|\s+has)\s+(?:the\s+number\s+)?(?=\+?\d)",
                r"\bwho\s+called\s+(?:from\s+)?(?=\+?\d)"]
_NOT_A_TRAIT = r"(?!(?:top|biggest|largest|best|key|new|all|quiet|lost|overdue|my|our|the|which|how|many)\b)"
SEARCH_CUSTOMERS = [
    r"^\W*(?:show\s+(?:me\s+)?|list\s+|find\s+|any\s+)?(?:all\s+)?(?:our\s+|the\s+|my\s+)?(?:customers|clients|accounts|companies)\s+"
    r"(?:in|from|at|based\s+in|located\s+in|tagged(?:\s+as)?|with\s+(?:the\s+)?tag|in\s+the\s+segment|who\s+came\s+from|that\s+came\s+from|via)"
    r"\s+(?:the\s+)?(?P<what>[^?.!]+?)\W*$",
    r"^\W*(?:show\s+(?:me\s+)?|list\s+|find\s+)?(?:all\s+)?(?:our\s+|my\s+)?" + _NOT_A_TRAIT
    + r"(?P<what>[^\W\d_][\w&'’-]*(?:\s+[^\W\d_][\w&'’-]*)?)\s+(?:customers|clients|accounts)\W*$",
]

# -- team settings an admin changes in chat --

_QUOTED_STAGE = r"['\"“‘]?(?P<stage>[^'\"“”‘’]+?)['\"”’]?"
_SET = r"(?:(?:set|change|make|put)\s+)?(?:the\s+|our\s+|team(?:'s)?\s+)?"
_TO = r"\s*(?:to|=|:|at|is)?\s*"
_STAGE_WORDS = r"['\"“‘]?(?P<stage>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}?)['\"”’]?"   # a stage: one word or a team's few
_ALERT_AT = r"[$€£¥₽]?\s*(?P<value>off|\d[\d,]*(?:\.\d+)?\s*[km]?)(?:\s*(?:dollars|usd|eur|euros?|rub|roubles?|cny|yuan))?\W*$"

# a team's own name of a stage is read in a note only where a stage is said: "moved to contract review",
# "now in contract review", "stage: offer", "the offer stage" (not "they made us an offer")
STAGE_BEFORE = [
    r"(?:moved|moving|move|moves|went|gone|goes|go|got|advanced|progressed|pushed|promoted|passed)\s+(?:on\s+|up\s+)?(?:in)?to(?:\s+the)?",
    r"(?:now|is|are|still|currently|'s|'re)\s+(?:in|at)(?:\s+the)?",
    r"reached(?:\s+the)?",
    r"stage(?:\s+is|\s+now)?\s*[:=-]?",
    r"into(?:\s+the)?",
    r"at\s+the",
]
STAGE_AFTER = [r"stage", r"phase"]

SETTINGS = {
    "quiet_days": [_SET + r"quiet(?:\s+deals?)?\s+(?:days|period|after)" + _TO + r"(?P<value>\d{1,3})(?:\s*days?)?\W*$",
                   r"\bdeals?\s+(?:go|are|become|get)\s+quiet\s+after\s+(?P<value>\d{1,3})\s+days\b"],
    "digest_hour": [_SET + r"(?:morning\s+|daily\s+)?digest(?:\s+(?:hour|time))?" + _TO + r"(?P<value>\d{1,2}(?::\d\d)?)\s*(?:(?P<pm>pm|p\.m\.)|am|a\.m\.|h|o'?clock)?\W*$"],
    "touch_days": [_SET + r"default\s+(?:stay|keep)[\s-]in[\s-]touch(?:\s+cadence)?" + r"\s*(?:to|=|:|every)?\s*(?P<value>\d{1,3})\s*days?\b",
                   _SET + r"(?:stay|keep)[\s-]in[\s-]touch\s+default" + r"\s*(?:to|=|:|every)?\s*(?P<value>\d{1,3})\s*days?\b"],
    "currency": [_SET + r"currency" + _TO + r"(?P<value>[^\s.!?]+)\W*$"],
    "probability": [_SET + _STAGE_WORDS + r"\s+(?:stage\s+)?(?:win\s+)?probability" + _TO + r"(?P<value>\d{1,3})\s*%?\W*$",
                    _SET + r"(?:win\s+)?probability\s+(?:of|for)\s+(?:the\s+)?" + _STAGE_WORDS + r"(?:\s+stage)?" + _TO
                    + r"(?P<value>\d{1,3})\s*%?\W*$"],
    "alert_threshold": [_SET + r"(?:deal\s+|win\s+|manager(?:s'?)?\s+)?alerts?\s+(?:threshold|limit|minimum)" + _TO + _ALERT_AT,
                        _SET + r"(?:deal\s+|win\s+|manager(?:s'?)?\s+)?alerts?\s+(?:threshold|limit|minimum)\s+(?:to|=|:|at|is)"
                        r"\s*(?P<value>\S.{0,30}?)\W*$",   # anything else said as the value: refused with the reason
                        r"\b(?:alert|tell|notify)\s+(?:the\s+)?(?:managers?|me|us)\s+(?:of|about|on)\s+(?:(?:wins?|deals?)"
                        r"(?:\s+(?:and|or)\s+loss(?:es)?)?)\s+(?:over|above|from|of|reaching)\s+" + _ALERT_AT,
                        r"\b(?:turn|switch)\s+(?P<value>off)\s+(?:the\s+)?(?:deal\s+|win\s+|manager\s+)?alerts\W*$",
                        r"\b(?:turn|switch)\s+(?:the\s+)?(?:deal\s+|win\s+|manager\s+)?alerts\s+(?P<value>off)\W*$"],
    # a stage's name in the sender's language: "rename stage negotiation to 'contract review'"
    "stage_name": [r"^\s*(?:please\s+)?rename\s+(?:the\s+)?stage\s+" + _QUOTED_STAGE + r"\s+(?:to|as|into)\s+(?P<value>.+?)[\s.!]*$",
                   r"^\s*(?:please\s+)?rename\s+(?:the\s+)?" + _QUOTED_STAGE + r"\s+stage\s+(?:to|as|into)\s+(?P<value>.+?)[\s.!]*$",
                   r"^\s*(?:let's\s+)?call\s+(?:the\s+)?" + _QUOTED_STAGE + r"\s+stage\s+(?P<value>.+?)[\s.!]*$"],
    # the team's open stages, their order and which it uses: "set the stage order to lead, proposal, qualified,
    # negotiation", "our stages are lead, proposal, negotiation", "turn off the qualified stage"
    "stages": [_SET + r"(?:stage|pipeline)\s+order" + _TO + r"(?P<value>.+?)[\s.!]*$",
               r"^\s*(?:please\s+)?(?:order|reorder|sort)\s+(?:the\s+|our\s+)?stages\s*(?:as|like|to|:)?\s*(?P<value>.+?)[\s.!]*$",
               r"^\s*(?:our|the\s+team's|the\s+team)\s+(?:open\s+)?stages\s+(?:are|will\s+be)\s*:?\s*(?P<value>.+?)[\s.!]*$",
               r"^\s*(?:please\s+)?(?:use|set)\s+(?:the\s+|our\s+)?(?:open\s+)?stages\s*(?:to|:)?\s*(?P<value>.+?)[\s.!]*$"],
    "stage_off": [r"^\s*(?:please\s+)?(?:turn|switch)\s+off\s+(?:the\s+)?" + _QUOTED_STAGE + r"(?:\s+stage)?[\s.!]*$",
                  r"^\s*(?:please\s+)?(?:turn|switch)\s+(?:the\s+)?" + _QUOTED_STAGE + r"\s+stage\s+off[\s.!]*$",
                  r"^\s*(?:please\s+)?(?:disable|hide|remove|drop)\s+(?:the\s+)?" + _QUOTED_STAGE + r"\s+stage[\s.!]*$",
                  r"^\s*we\s+(?:don't|do\s+not|no\s+longer)\s+use\s+(?:the\s+)?" + _QUOTED_STAGE + r"(?:\s+stage)?[\s.!]*$"],
    "stage_on": [r"^\s*(?:please\s+)?(?:turn|switch)\s+(?:back\s+)?on\s+(?:the\s+)?" + _QUOTED_STAGE + r"(?:\s+stage)?(?:\s+again)?[\s.!]*$",
                 r"^\s*(?:please\s+)?(?:turn|switch)\s+(?:the\s+)?" + _QUOTED_STAGE + r"\s+stage\s+(?:back\s+)?on(?:\s+again)?[\s.!]*$",
                 r"^\s*(?:please\s+)?(?:enable|restore|bring\s+back)\s+(?:the\s+)?" + _QUOTED_STAGE + r"\s+stage[\s.!]*$",
                 r"^\s*we\s+use\s+(?:the\s+)?" + _QUOTED_STAGE + r"\s+stage\s+again[\s.!]*$"],
}


# -- report questions: which report a question asks for (handlers/understanding/report_words.py) --
# a report kind (storage.vocabulary.ReportKind) -> the words that name it; the kinds are tried most
# specific first, in every language at once
REPORTS: dict[str, list[str]] = {
    # the reps ranked: "leaderboard", "who closed the most"
    "leaderboard": [
        r"\bleader\s?board\b",
        r"\bscore\s?board\b",
        r"\b(?:sales|reps?|team|sellers?)\s+rankings?\b",
        r"\brank(?:ing|ed)?\s+(?:of\s+)?(?:the\s+)?(?:reps|sellers|team|salespeople)\b",
        r"\b(?:top|best)\s+(?:reps?|sellers?|salespeople|sales\s?(?:reps|people|persons?)|performers?)\b",
        r"\bwho\s+(?:sold|won|closed|brought\s+in)\s+(?:the\s+)?most\b",
        r"\bwho(?:'s|\s+is)\s+(?:on\s+)?top\b",
        r"\b(?:numbers|figures|results|sales|revenue|performance|wins)\s+(?:by|per|for\s+each)\s+(?:reps?|persons?|salespe(?:rson|ople)|sellers?|members?|owners?)\b",
    ],
    # complaints and inquiries kept open
    "inquiries": [
        r"\bcomplaints?\b",
        r"\binquir(?:y|ies)\b",
        r"\benquir(?:y|ies)\b",
        r"\bopen issues\b",
    ],
    # follow-ups gone past their day
    "overdue": [
        r"\boverdue\b",
        r"\bmissed follow",
        r"\blate follow",
        r"\bpast due\b",
        r"\b(?:behind|slipping|lagging)\s+on\s+(?:\w+\s+)?(?:follow|task|call|to-?do)",
        r"\bfalling\s+behind\b",
    ],
    # deals lost and why
    "lost": [
        r"\blost reasons?\b",
        r"\breasons? (?:we|for) los",
        r"\bwhy (?:did )?(?:we )?los[et]\b",
        r"\bwhy (?:were )?deals (?:were )?lost\b",
        r"\b(?:deals|opportunities) (?:we )?lost\b",
        r"\blost deals\b",
        r"\bloss(?:es)? (?:report|analysis)\b",
        r"\b(?:why|where|how)\s+(?:are|do|did|have)?\s*(?:we|you\s+guys)\s+(?:keep\s+)?los(?:e|t|ing)\b",
        r"\bhow\s+(?:much|many(?:\s+deals)?)\s+(?:did|have|has)\s+(?:we|the\s+team)\s+los[te]\b",
        r"\blos(?:e|t|ing)\s+(?:\w+\s+)?to\s+(?:the\s+)?competit",
        r"\bwho\s+(?:are|do|did|have)\s+we\s+(?:keep\s+)?los(?:e|t|ing)\s+to\b",
    ],
    # the biggest deals, one line each ("top 5 deals")
    "deals": [
        r"\b(?:top|biggest|largest|bigger|major|key|hottest|juiciest|fattest)(?:[- ]?\d+|\s+(?:three|four|five|six|seven|eight|nine|ten|twenty))?\s+(?:open\s+|won\s+|closed\s+|active\s+|current\s+)?(?:deals?|opportunit(?:y|ies)|opps?|pursuits)\b",
        r"\b(?:deals|opportunities|opps)\s+(?:by|ranked\s+by|sorted\s+by)\s+(?:size|amount|value)\b",
        r"\bwhat(?:'s|\s+is|\s+are)\s+(?:our|the|my)\s+(?:biggest|largest)\s+(?:deals?|opportunit)",
    ],
    # conversion, win rate, time per stage
    "funnel": [
        r"\bconver(?:sion|t(?:ed|s)?)\b",
        r"\bwin[- ]?rate\b",
        r"\bwin/loss\b",
        r"\bclose rate\b",
        r"\blost reasons?\b",
        r"\bwhy (?:did )?(?:we )?los[et]\b",
        r"\breasons? (?:we|for) los",
        r"\bstage[- ]to[- ]stage\b",
        r"\b(?:time|days) (?:in|per) stage\b",
        r"\bcycle time\b",
    ],
    # where customers come from
    "sources": [
        r"\blead sources?\b",
        r"\bsources?\b",
        r"\bwhere (?:do|did|are) (?:our |the )?(?:customers|leads|clients)\b",
        r"\broi\b",
        r"\bmarketing spend\b",
        r"\bcost per lead\b",
    ],
    # the biggest customers
    "top": [
        r"(?<!\bon\s)\btop\b(?!\s+(?:of|up)\b)",       # "on top of the contract", "top up" are no report
        r"\bbiggest (?:customers|clients|accounts)\b",
        r"\blargest (?:customers|clients|accounts)\b",
        r"\bbest (?:customers|clients)\b",
        r"\bkey accounts\b",
        r"\b80/20\b",
        r"\bpareto\b",
        r"\bvips?\b",
        r"80/20",
    ],
    # customers with nothing happening
    "quiet": [
        r"\bquiet\b",
        r"\bstale\b",
        r"\bstuck\b",
        r"\bstalled\b",
        r"\bdormant\b",
        r"\bidle\b",
        r"\buntouched\b",
        r"\bneglected\b",
        r"\bno (?:activity|movement|progress)\b",
        r"\bgone cold\b",
    ],
    # the forecast against the target
    "forecast": [
        r"\bforecast\b",
        r"\btarget\b",
        r"\bquota\b",
        r"\bon track\b",
        r"\bprojection\b",
        r"\bgap to\b",
    ],
}
# the pipeline itself, when no more specific report is named ("pipeline", "funnel")
REPORT_PIPELINE = [
    r"\bpipeline\b",
    r"\bfunnel\b",
]
# the asker's own deals and activity, whatever their role ("my pipeline")
REPORT_MINE = [
    r"\bmy\b",
    r"\bmine\b",
    r"\bfor me\b",
]
# asking about someone else ("who's behind on follow-ups")
REPORT_WHO = [
    r"\bwho(?:'s|s|se)?\b",
    r"\bany(?:one|body)\b",
]
# right after a name: the one who had the writer ask ("Ivan asked me to check our pipeline"), not whose figures
REPORT_ASKED_BY = [
    r"\s+(?:asked|asks|wants|wanted|told)\s+(?:me\s+|us\s+)?to\s+(?:check|find\s+out|ask|look\s+up|see)\b",
    r"\s+(?:wants|wanted)\s+to\s+know\b",
]
# where a question about one member's work puts the member (group 1, letter case as written): "Zed's pipeline",
# "what did Zed do", "how is Zed doing"
MEMBER_ASKED = [
    r"\b([A-Z][\w-]+)(?:'s|’s)\s+(?:pipeline|deals|week|activity|forecast|follow-?ups|numbers|month)\b",
    r"\b(?i:what\s+(?:did|has|have))\s+([A-Z][\w-]+)\s+(?i:done|do|been\s+doing)\b",
    r"\b(?i:how\s+is)\s+([A-Z][\w-]+)\s+(?i:doing)\b",
]
# a question about a customer that asks for all of it, not the card ("globex history")
REPORT_HISTORY = [
    r"\bhistory\b",
    r"\btimeline\b",
    r"\ball\s+(?:the\s+|our\s+)?(?:notes|interactions|activity|touches|touchpoints)\b",
    r"\beverything\s+(?:we|i|you)\s+(?:did|have|logged|know)\b",
    r"\bfull\s+(?:story|record|log)\b",
]
# a deals question about deals won, not open ones
REPORT_WON = [
    r"\b(?:won|closed|signed|booked)\b",
]
# how many lines a question asks for: `{n}` stands for the count, in digits or a REPORT_COUNTS word
REPORT_ROWS = [
    r"\b(?:top|biggest|largest)\s*-?\s*{n}\b",
    r"\b{n}\s+(?:biggest|largest|top)\b",
    r"top\s*{n}",
]
REPORT_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20}
