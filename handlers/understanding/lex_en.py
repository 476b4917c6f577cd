"""English cue words: intents, channels, deal stages, commitments, periods."""
from __future__ import annotations

HELP = r"^\W*(?:/?help|/start|menu|commands|hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|start)\W*(?:there|bot)?\W*$|\bwhat\s+can\s+you\s+do\b|\bhow\s+(?:do|can|should)\s+i\s+(?:use|log|add|record|enter|ask|see|get)\b|\bhow\s+does\s+(?:this|it|the\s+bot)\s+work\b|\bhow\s+to\s+use\b|\bhelp\s+me\b|\bi\s+need\s+help\b|\bwhat\s+are\s+(?:the\s+)?commands\b"
UNDO = r"^\W*/?(?:undo|revert|cancel(?:\s+(?:that|the\s+last(?:\s+one)?|last))?|scratch\s+that|delete\s+(?:that|the\s+last(?:\s+one)?))\W*$"
DONE = r"^\W*/?(?:done|did|completed?|finished|✅)\s*#?\s*(?P<n>\d{1,3})\W*$"
PIPELINE = r"\bpipeline\b|\bforecast\w*\b|\bfunnel\b|\bdeals?\s+(?:closing|to\s+close|in\s+play|expected|that\s+will\s+close)\b|\b(?:what|which)\s+(?:deals|opportunities)\b|\bwhat(?:'s|\s+is|\s+will)\s+(?:closing|close)\b|\bexpected\s+(?:revenue|to\s+close)\b|\bopen\s+deals\b|\bhow\s+much\s+(?:will\s+we|are\s+we\s+going\s+to)\s+close\b"
FOLLOWUPS = r"\bwhat\s+(?:should|do|must)\s+i\s+(?:do|work\s+on|focus\s+on)\b|\bwhat\s+do\s+i\s+need\s+to\s+do\b|\b(?:who|what|which|any|anything|anyone|anybody)\b[^.?!]{0,40}\b(?:follow[\s-]?ups?|follow\s+up|call\s+back|remind\w*|due|to\s+do|todo|need\s+to\s+(?:call|contact|chase|ping))\b|\bmy\s+(?:follow[\s-]?ups?|reminders|tasks|to-?dos?)\b|\b(?:follow[\s-]?ups?|reminders|tasks)\s+(?:for|due|list)\b|\bwhat(?:'s|\s+is)\s+due\b|\b(?:show|list)\s+(?:me\s+)?(?:my\s+)?(?:follow[\s-]?ups?|reminders|tasks)\b|^\W*/?(?:follow[\s-]?ups|reminders|tasks|todo)\W*$"
# casual ways of asking what is due: "what's on my plate today", "what do I have this week"
FOLLOWUPS += (r"|\bon\s+my\s+(?:plate|agenda|list|calendar|schedule|radar|to-?do\s+list)\b"
              r"|\bwhat(?:'s|\s+is|s)\s+(?:on\s+)?(?:my|the)\s+(?:agenda|schedule|calendar|list|day)\b"
              r"|\bwhat\s+(?:do|did)\s+i\s+(?:have|got)\b(?=\s*(?:$|\?|to\s+do|due|planned|scheduled|lined|coming|going|left|"
              r"today|tonight|tomorrow|tmrw|this|next|(?:for|on)\s+(?:the\s+)?(?:today|tomorrow|this|next|mon|tue|wed|thu|fri|sat|sun|\d)))"
              r"|\bwhat(?:\s+have|'ve)\s+i\s+got\b|\bwhat\s+(?:do|should)\s+i\s+(?:have\s+to|need\s+to|gotta)\s+do\b"
              r"|\bwho\s+(?:do|should)\s+i\s+(?:call|ping|chase|contact|e-?mail|text|visit|see|reach\s+out\s+to|follow\s+up\s+(?:with|on))\b"
              r"|\bwhat(?:'s|\s+is|s)\s+(?:coming\s+up|next\s+for\s+me|pending|overdue|outstanding|left\s+to\s+do)\b"
              r"|\b(?:any|anything|what)\s+(?:else\s+)?(?:overdue|pending|outstanding|scheduled|planned|lined\s+up|coming\s+up)\b"
              r"|\bmy\s+(?:agenda|schedule|to-?do\s+list|todo\s+list|open\s+(?:items|tasks)|day\s+(?:today|tomorrow))\b"
              r"|\bto-?dos?\s+(?:for|today|tomorrow|this|next)\b|^\W*(?:to-?dos?|agenda|to-?do\s+list)\b[^.!]{0,30}$")
ACTIVITY = r"\b(?:what\s+did|what\s+has|what\s+have)\s+(?:the\s+|my\s+|our\s+)?(?:team|reps|everyone|people|we|guys)\b|\bteam(?:'s)?\s+(?:activity|activities|did|done|report)\b|\bactivity\s+(?:report|this|last|for|today)\b|\bhow\s+many\s+(?:visits|calls|meetings|interactions|touches|touchpoints|emails)\b|\bwho\s+(?:visited|called|met)\s+(?:the\s+most|whom|what)\b|^\W*/?activity\W*$"
QUERY = r"\bstatus\s+(?:of|on|for)\b|\b(?:any\s+)?updates?\s+on\b|\bhow(?:'s|\s+is|\s+are)\s+(?:things\s+(?:with|at)|\w+(?:\s+\w+)?\s+(?:doing|going))\b|\bwhat\s+do\s+(?:we|i)\s+know\s+(?:about|on)\b|\bwhat(?:'s|s|\s+is)\s+(?:the\s+)?(?:latest|status|story|update|history|news)\s+(?:with|on|for|of|at)\b|\btell\s+me\s+(?:about|everything\s+about)\b|\b(?:info|information|details|history|summary|status|notes)\s+(?:on|about|for)\b|\b(?:show|pull\s+up|look\s+up|lookup|find|search)\s+(?:me\s+)?(?:the\s+)?(?:customer|client|account|card|everything)?\b|\bwhere\s+are\s+we\s+(?:with|on|at)\b|\bany\s+(?:news|updates?)\s+(?:from|on|about)\b|\bhow(?:'s|\s+is)\s+(?:it\s+going\s+with|the\s+deal\s+with)\b|\bwho\s+is\s+(?:our\s+)?(?:contact|the\s+contact)\s+at\b"
LOG_VERBS = r"\b(?:visited|called|phoned|rang|met|had|emailed|e-mailed|texted|messaged|sent|quoted|signed|closed|lost|won|demoed|talked|spoke|chatted|presented|pitched|followed\s+up|remind\s+me|went|dropped|stopped|left|caught\s+up|showed)\b"
CHANNELS = [
    (r"\bsite\s+(?:meeting|visit|walk)|\bvisit(?:ed|ing)?\b|\bstopped\s+by\b|\bdropped\s+(?:by|in|off)\b|\bswung\s+by\b|\bwent\s+(?:to|over\s+to|out\s+to)\b|\bon[\s-]?site\b|\bat\s+their\s+(?:office|plant|site|warehouse|store|hq)\b|\bjust\s+left\b", "visit", 2),
    (r"\bvideo\s*(?:call|chat|conference)\b|\bzoom\b|\bteams\s+call\b|\bgoogle\s+meet\b|\bcall(?:ed|ing)?\b|\bphon(?:ed|e\s+call)\b|\bon\s+the\s+phone\b|\brang\b|\bvoicemail\b|\bvm\b|\bdialed\b|\bno\s+answer\b", "call", 2),
    (r"\bmet\b|\bmeeting\b|\bmeet\s+with\b|\blunch\b|\bdinner\b|\bbreakfast\b|\bcoffee\b|\bdrinks\b|\bexpo\b|\bexhibition\b|\bconference\b|\btrade\s*show\b|\btrade\s+fair\b|\bsummit\b|\bin\s+person\b|\bcaught\s+up\s+with\b", "meeting", 2),
    (r"\be-?mail(?:ed|s)?\b|\bmailed\b|\binbox\b|\bnewsletter\b", "email", 2),
    (r"\bwhats\s?app\b|\bwechat\b|\btelegram\b|\bsignal\b|\bviber\b|\bslack(?:ed)?\b|\blinkedin\b|\bsms\b|\btext(?:ed)?\b|\bmessag(?:ed|e)\b|\bmsg\b|\bdm(?:ed|'d)?\b(?!\s+is\b|:)|\bpinged\b", "message", 1),
]
STAGES = {
    "won": r"\bsigned\b|\bclosed[\s-]+won\b|\bclosed\s+(?:the\s+)?deal\b|\bdeal\s+(?:closed|done|won)\b|\bwe\s+won\b|\bwon\s+(?:the|it|them)\b|\b(?:po|purchase\s+order)\s+(?:received|came\s+in|arrived|signed|issued|is\s+in)\b|\bgot\s+(?:the\s+|a\s+|their\s+)?(?:po|purchase\s+order|contract|deal)\b|\bsent\s+(?:us\s+|over\s+)?(?:the\s+|a\s+|their\s+)?(?:signed\s+)?(?:po|purchase\s+order)\b|\breceived\s+(?:the\s+|a\s+|their\s+)?(?:po|purchase\s+order)\b|\bthey(?:'re|\s+are)\s+in\b",
    "lost": r"\bsaid\s+no\b|\b(?:renewed|stayed|stuck|staying|sticking)\s+with\s+(?:their|the)\s+(?:current|existing|old|incumbent)\s+(?:vendor|supplier|provider|partner)\b|\blost\b|\bwent\s+with\s+(?:a\s+|another\s+|the\s+)?(?:competitor|vendor|supplier|someone\s+else)|\bchose\s+(?:a\s+|another\s+)?(?:competitor|vendor)|\bpicked\s+(?:a\s+|another\s+)?(?:competitor|vendor)|\bnot\s+interested\b|\bno\s+longer\s+interested\b|\bdeal\s+is\s+dead\b|\bdeclined\b|\bturned\s+(?:us\s+)?down\b|\bclosed[\s-]+lost\b|\bpassed\s+on\s+(?:us|it)\b",
    "negotiation": r"\bhaggl\w*|\bnegotiat\w*|\bdiscount\b|\bpush(?:ing|ed)?\s+back\s+on\s+(?:price|pricing|terms)|\bcounter[\s-]?offer\w*|\bcounter(?:ing|ed|s)?\s+(?:at|with|back)\b|\b(?:wants?|want(?:ed|ing)|ask(?:s|ed|ing)?(?:\s+for)?|asked\s+for|need(?:s|ed)?|expect(?:s|ing)?|requesting|pushing\s+for|demand(?:s|ed|ing)?)\s+(?:a\s+)?\d+(?:\.\d+)?\s*%\s*(?:off|discount|lower|less|reduction)\b|\b\d+(?:\.\d+)?\s*%\s+(?:off|discount)\s+(?:on|from|of)\b|\bredlin\w*|\brevised\s+(?:contract|terms|agreement)\b|\b(?:contract|legal)\s+review\b|\bterms\b|\btoo\s+expensive\b|\bprice\s+is\s+too\b|\bbargain\w*",
    "proposal": r"\bquote[ds]?\b|\bquotation\b|\bproposal\b|\bpricing\s+(?:sent|proposal)\b|\bsent\s+(?:the\s+)?pricing\b|\bestimate\b|\bbid\b|\brfp\s+response\b",
    "qualified": r"\b(?:confirmed|approved|have|has|got)\s+(?:a\s+|the\s+|their\s+)?budget\b|\bbudget\s+(?:is\s+)?(?:confirmed|approved|signed\s+off|allocated|in\s+place)\b|\bqualified\b|\bneed\s+(?:is\s+)?confirmed\b|\bconfirmed\s+(?:the\s+)?need\b|\bdecision[\s-]?maker\s+(?:is\s+)?(?:on\s+board|confirmed)\b",
    "lead": r"\bnew\s+(?:lead|prospect|customer|client|company|contact)\b|\binbound\s+(?:lead|inquiry|enquiry)\b|\bprospect\b|\binterested\s+in\s+(?:our|the)\b",
}
NEGATION = r"\b(?:not|n't|never|no|yet\s+to|haven't|hasn't|didn't|won't|without)\b[\w\s']{0,12}$"
COMMIT = r"\bcall-?backs?\b|^\s*(?:call|email|e-mail|text|visit|meet|ping|send|follow\s+up|check\s+in|chase)\b|\bf/u\b|^\s*fu\b|\bfu\s+(?:w/?|with|on|re)\b|\btry\s+(?:again\s+)?(?:tmrw?|tomorrow|2mor+ow?|later|on|next|mon|tue|wed|thu|fri)\b|\bfollow[\s-]?up\b|\bfollow\s+up\b|\bping\b|\bcall\s+(?:them|him|her|back|again)\b|\b(?:try|check)\s+(?:again|back|in)\b|\btouch\s+base\b|\breach\s+out\b|\bremind\b|\bsend\b|\bsending\b|\bget\s+back\b|\bcircle\s+back\b|\bchase\b|\bschedul\w*|\bresched\w*|\bpush(?:ed)?\s+(?:the\s+)?\w+\s+to\b|\bmov(?:e|ed)\s+(?:the\s+)?\w+\s+to\b|\bdemo\b|\bnext\s+step|\bi(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to|\s+need\s+to|\s+have\s+to|\s+should|\s+plan\s+to|'m\s+gonna)\b|\bwe(?:'ll|\s+will|'re\s+meeting)\b|\blet's\b|\bgonna\b|\bdue\b|\bdeadline\b|\bby\s+then\b|\bcall\s+\w+\s+(?:on|next|tomorrow)\b|\bto\s+(?:call|email|visit|meet|see|ping|text)\b|\bmeet(?:ing)?\s+(?:on|next|again|tomorrow)\b|\bvisit\s+(?:on|next|again)\b|\bwill\b"
# the customer waits for something from us: "they want the quote by Friday", "owe them specs by Monday"
COMMIT += (r"|\b(?:want|wants|wanted|need|needs|needed|expect|expects|expecting|waiting\s+(?:for|on)|asked\s+(?:us\s+)?for|"
           r"requested|asked\s+us\s+to\s+send)\s+(?:\w+\s+){0,3}?(?:quote|quotation|proposal|pricing|prices|price\s+list|"
           r"contract|invoice|deck|samples?|specs?|estimate|draft|documents?|docs|numbers|figures|info|details|presentation|"
           r"sow|agreement|offer|bid|mock-?ups?|case\s+stud(?:y|ies)|references?)\b|\bowe\s+\w+|\bpromised\s+(?:to\s+)?\w+"
           r"|\bon\s+(?:us|me)\b|\bour\s+(?:court|side)\b"
           r"|\bnext\s+(?:call|meeting|visit|demo|touch(?:point)?|check-?in|contact|catch-?up|session)\b")
FUTURE = r"(?:remind(?:\s+me)?(?:\s+to)?|will|'ll|gonna|going\s+to|need\s+to|have\s+to|has\s+to|should|must|plan\s+to|want\s+to|wants\s+to|schedule[d]?|set\s+up|book(?:ed)?|follow[\s-]?up|f/u|let's|try\s+to)\s+(?:[\w']+\s+){0,4}$|(?<!went\s)(?<!\bgo\s)(?<!talked\s)(?<!spoke\s)(?<!came\s)(?<!back\s)\bto\s+$|\b(?:next|another|again)\s+$"
PERIODS = [
    (r"\btoday\b|\btoday's\b", "today"), (r"\btomorrow\b|\btmrw?\b|\b2mor+ow?\b", "tomorrow"), (r"\byesterday\b", "yesterday"),
    (r"\bne?xt\s+wk\b|\bnext\s+week\b", "next_week"), (r"\blast\s+week\b|\bpast\s+week\b", "last_week"),
    (r"\bthis\s+week\b|\bthe\s+week\b|\bweekly\b", "this_week"),
    (r"\bnext\s+month\b", "next_month"), (r"\blast\s+month\b", "last_month"),
    (r"\bthis\s+month\b|\bthe\s+month\b|\bmonthly\b|\bmtd\b", "this_month"),
    (r"\bnext\s+quarter\b", "next_quarter"), (r"\blast\s+quarter\b", "last_quarter"),
    (r"\bthis\s+quarter\b|\bthe\s+quarter\b|\bquarterly\b|\bqtd\b", "this_quarter"),
    (r"\bthis\s+year\b|\bytd\b", "this_year"),
    (r"\bq1\b|\bfirst\s+quarter\b", "q1"), (r"\bq2\b|\bsecond\s+quarter\b", "q2"),
    (r"\bq3\b|\bthird\s+quarter\b", "q3"), (r"\bq4\b|\bfourth\s+quarter\b", "q4"),
] + [(r"\b(?:in|for|during|of|through)\s+" + name + r"\b", f"m{number}") for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)]
BIRTHDAY = r"\bbirthday\b|\bb-?day\b|\bborn\s+on\b|\bbirth\s+date\b|\bdob\b"
REFER_BACK = r"\b(?:they|them|their|theirs|they're|they've|they'll)\b"
NEW_COMPANY = r"\bnew\s+(?:lead|prospect|customer|client|company|account)\b|\b(?:expo|exhibition|trade\s*show|conference|fair)\b"
