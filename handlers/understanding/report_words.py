"""Which report a question asks for, from its words, in English, Chinese and Russian; and whether
a note reports a complaint or an inquiry.

Understanding places a question as "pipeline" (pipeline, forecast, deals closing), "activity"
(what the team did), or not at all ("help", "unknown", or "log" when it reads like a note).
`report_asked` settles which report it is, once, for every path (offline rules, the model,
chat commands): the specific words first ("forecast", "win rate", "complaints", "逾期",
"зависшие"...), "funnel", "漏斗", "воронка" alone for the pipeline by stage. A note about a
customer is never taken for a report question.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache

from handlers.understanding.cues import lexicon
from handlers.understanding.languages import registered
from handlers.understanding.members import member_asked, members_named
from handlers.understanding.model import Parse, TeamMember
from handlers.understanding.asked_period import period
from storage.vocabulary import Intent, Issue, ReportKind

Team = Callable[[], Sequence[TeamMember]]   # the team's members, read when a question may name one

log = logging.getLogger("crmbot.understanding")

_I = re.IGNORECASE

# most specific first: the first match wins
RULES: tuple[tuple[ReportKind, re.Pattern[str]], ...] = (
    (ReportKind.LEADERBOARD, re.compile(
        r"\bleader\s?board\b|\bscore\s?board\b|\b(?:sales|reps?|team|sellers?)\s+rankings?\b|"
        r"\brank(?:ing|ed)?\s+(?:of\s+)?(?:the\s+)?(?:reps|sellers|team|salespeople)\b|"
        r"\b(?:top|best)\s+(?:reps?|sellers?|salespeople|sales\s?(?:reps|people|persons?)|performers?)\b|"
        r"\bwho\s+(?:sold|won|closed|brought\s+in)\s+(?:the\s+)?most\b|\bwho(?:'s|\s+is)\s+(?:on\s+)?top\b|"
        r"\b(?:numbers|figures|results|sales|revenue|performance|wins)\s+(?:by|per|for\s+each)\s+"
        r"(?:reps?|persons?|salespe(?:rson|ople)|sellers?|members?|owners?)\b|"
        r"按人(?:排|出|统计|看|算)|按(?:销售|业务员)(?:排|出|统计|看)|每个(?:人|销售|业务员)的(?:业绩|数字|数据|成交)|"
        r"по\s+(?:каждому\s+)?(?:менеджер|продавц|сотрудник)\w*(?:\s|$|[?.!,])|"
        r"排行榜|销售排行|销售排名|业绩排名|业绩榜|销售冠军|龙虎榜|谁(?:卖|签|成交)得?最多|谁的业绩最好|"
        r"рейтинг\w*(?:\s+(?:продавц|менеджер|сотрудник|команд|отдел|по\s+продаж)\w*|\s*$|\s+(?:за|на)\s)|"
        r"лидерборд|таблиц\w*\s+лидеров|кто\s+больше\s+всех\s+(?:продал|закрыл|выиграл|заработал)|"
        r"лучш\w+\s+(?:продав|менеджер|сотрудник)", _I)),
    (ReportKind.INQUIRIES, re.compile(
        r"\bcomplaints?\b|\binquir(?:y|ies)\b|\benquir(?:y|ies)\b|\bopen issues\b|"
        r"投诉|客诉|咨询|询问|抱怨|"
        r"жалоб|претензи|обращени|запрос(?:ы|ов)\s+клиент", _I)),
    (ReportKind.OVERDUE, re.compile(
        r"\boverdue\b|\bmissed follow|\blate follow|\bpast due\b|"
        r"\b(?:behind|slipping|lagging)\s+on\s+(?:\w+\s+)?(?:follow|task|call|to-?do)|\bfalling\s+behind\b|"
        r"逾期|过期|超期|没按时|跟进(?:拖|落后|没跟上|欠)|拖了?(?:跟进|任务)|"
        r"просроч|отста(?:ёт|ет|ют|ющ)\w*\s+(?:по|с)\s+(?:задач|звонк|напоминан|фоллоу|follow)", _I)),
    (ReportKind.LOST, re.compile(
        r"\blost reasons?\b|\breasons? (?:we|for) los|\bwhy (?:did )?(?:we )?los[et]\b|\bwhy (?:were )?deals (?:were )?lost\b|"
        r"\b(?:deals|opportunities) (?:we )?lost\b|\blost deals\b|\bloss(?:es)? (?:report|analysis)\b|"
        r"\b(?:why|where|how)\s+(?:are|do|did|have)?\s*(?:we|you\s+guys)\s+(?:keep\s+)?los(?:e|t|ing)\b|"
        r"\bhow\s+(?:much|many(?:\s+deals)?)\s+(?:did|have|has)\s+(?:we|the\s+team)\s+los[te]\b|"
        r"\blos(?:e|t|ing)\s+(?:\w+\s+)?to\s+(?:the\s+)?competit|"
        r"\bwho\s+(?:are|do|did|have)\s+we\s+(?:keep\s+)?los(?:e|t|ing)\s+to\b|"
        r"丢单原因|输单原因|丢单理由|丢单分析|为什么丢单|丢了哪些单|丢掉的单|丢了多少|输了多少|丢单(?:金额|多少)|"
        r"(?:输|丢单?)在(?:哪|什么)|(?:为什么|为啥|怎么)(?:老是|总是|又)?(?:输|丢单)|(?:输|丢)给了?谁|"
        r"причин\w* (?:проигрыш|отказ|потер)|почему (?:мы )?проигр|проигранн\w+ сделк|анализ проигрыш|"
        r"сколько\s+(?:мы\s+)?(?:сделок\s+)?(?:проиграли|потеряли|упустили|слили)|"
        r"(?:где|на\s+ч[её]м|почему|кому)\s+(?:мы\s+)?(?:вс[её]\s+)?(?:ещ[её]\s+)?(?:проигрыва|теря(?:ем|ют)\s+сделк|сливаем)", _I)),
    (ReportKind.DEALS, re.compile(
        r"\b(?:top|biggest|largest|bigger|major|key|hottest|juiciest|fattest)(?:[- ]?\d+|\s+(?:%s))?\s+"
        r"(?:open\s+|won\s+|closed\s+|active\s+|current\s+)?(?:deals?|opportunit(?:y|ies)|opps?|pursuits)\b|"
        r"\b(?:deals|opportunities|opps)\s+(?:by|ranked\s+by|sorted\s+by)\s+(?:size|amount|value)\b|"
        r"\bwhat(?:'s|\s+is|\s+are)\s+(?:our|the|my)\s+(?:biggest|largest)\s+(?:deals?|opportunit)|"
        r"(?:最大|金额最(?:大|高)|前\s*[\d一二三四五六七八九十两]+\s*(?:大|名|个)?|top\s*\d+)\s*(?:的)?\s*"
        r"(?:[\d一二三四五六七八九十两几]+\s*(?:个|笔|单))?\s*(?:商机|单子|订单|交易|合同|大单)|"
        r"大单(?:排名|排行|有哪些|列表|清单)|"
        r"(?:топ[-\s]?\d*|крупнейш\w*|сам\w+\s+(?:крупн|больш|жирн)\w*|\d+\s+(?:сам\w+\s+)?крупн\w*|"
        r"(?:%s)\s+(?:сам\w+\s+)?крупн\w*|крупн\w+)\s+(?:\w+\s+)?(?:сделк|сделок|возможност)"
        % ("|".join(n for n in ("three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty")),
           "|".join(("трёх", "трех", "пяти", "десяти", "три", "пять", "десять"))), _I)),
    (ReportKind.FUNNEL, re.compile(
        r"\bconver(?:sion|t(?:ed|s)?)\b|\bwin[- ]?rate\b|\bwin/loss\b|\bclose rate\b|\blost reasons?\b|"
        r"\bwhy (?:did )?(?:we )?los[et]\b|\breasons? (?:we|for) los|\bstage[- ]to[- ]stage\b|"
        r"\b(?:time|days) (?:in|per) stage\b|\bcycle time\b|"
        r"转化|赢单率|成交率|胜率|丢单原因|输单原因|丢单理由|阶段停留|"
        r"конверси|винрейт|процент (?:выигрыш|побед|закрыти)|доля выигранн|причин\w* (?:проигрыш|отказ|потер)|"
        r"почему (?:мы )?проигр|дней на этап|время на этап", _I)),
    (ReportKind.SOURCES, re.compile(
        r"\blead sources?\b|\bsources?\b|\bwhere (?:do|did|are) (?:our |the )?(?:customers|leads|clients)\b|"
        r"\broi\b|\bmarketing spend\b|\bcost per lead\b|"
        r"来源|获客|哪个渠道|渠道效果|"
        r"источник|откуда (?:приходят |пришли )?(?:клиент|лид)", _I)),
    (ReportKind.TOP, re.compile(
        r"\btop\b|\bbiggest (?:customers|clients|accounts)\b|\blargest (?:customers|clients|accounts)\b|"
        r"\bbest (?:customers|clients)\b|\bkey accounts\b|\b80/20\b|\bpareto\b|\bvips?\b|"
        r"大客户|最大的客户|重点客户|前\s*(?:20%|百分之二十|十|10)|贡献最多|排名|"
        r"\bтоп\b|крупнейш|самые крупные|лучшие клиент|ключевые клиент|парето|80/20", _I)),
    (ReportKind.QUIET, re.compile(
        r"\bquiet\b|\bstale\b|\bstuck\b|\bstalled\b|\bdormant\b|\bidle\b|\buntouched\b|\bneglected\b|"
        r"\bno (?:activity|movement|progress)\b|\bgone cold\b|"
        r"沉寂|停滞|没动静|没有进展|没进展|卡住|长时间没|很久没|"
        r"завис|застрял|без движени|забыт|тихие|спящ|давно не", _I)),
    (ReportKind.FORECAST, re.compile(
        r"\bforecast\b|\btarget\b|\bquota\b|\bon track\b|\bprojection\b|\bgap to\b|"
        r"预测|目标|指标|完成率|差距|"
        r"прогноз|план продаж|выполнени\w* плана|\bцел[ьи]\b|отставани", _I)),
)

PIPELINE = re.compile(r"\bpipeline\b|\bfunnel\b|漏斗|管道|воронк", _I)
# "my pipeline", "我的商机", "мои сделки": the asker's own deals and activity, whatever their role
MINE = re.compile(r"\bmy\b|\bmine\b|我的|\bмо(?:й|я|ё|е|и|их|им|ими|ему|ей)\b", _I)


# asking about someone else: "who's behind on follow-ups", "кто отстаёт", "谁的跟进拖了"
_WHO = re.compile(r"\bwho(?:'s|s|se)?\b|\bany(?:one|body)\b|\bкто(?:-(?:то|нибудь))?\b|谁|有人", _I)
# what an "activity" question may ask for beside the team's activity: the loose ends, the ranking
_ACTIVITY_TURNS = (ReportKind.OVERDUE, ReportKind.INQUIRIES, ReportKind.QUIET, ReportKind.LEADERBOARD)
# the words of these reports also name a pipeline question ("pipeline by source", "top of the funnel")
_PIPELINE_TOO = (ReportKind.TOP, ReportKind.SOURCES)
MAX_QUESTION = 200
# how many lines a question asks for: a number next to "top"/"biggest", "前", "топ", "крупнейших"
_COUNT_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "twenty": 20, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                "十": 10, "二十": 20, "три": 3, "трёх": 3, "трех": 3, "пять": 5, "пяти": 5, "десять": 10,
                "десяти": 10, "двадцать": 20, "двадцати": 20}
_N = r"(\d{1,2}|%s)" % "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
_ROWS = re.compile(
    r"\b(?:top|biggest|largest)\s*-?\s*%s\b|\b%s\s+(?:biggest|largest|top)\b|"
    r"前\s*%s|最大的?\s*%s\s*[个笔单]|top\s*%s|"
    r"топ\s*-?\s*%s|%s\s+(?:сам\w+\s+)?(?:крупн|больш)" % ((_N,) * 7), _I)
# a question about a customer that asks for all of it, not the card: "globex history", "历史记录", "история"
_HISTORY = re.compile(r"\bhistory\b|\btimeline\b|\ball\s+(?:the\s+|our\s+)?(?:notes|interactions|activity|touches|touchpoints)\b|"
                      r"\beverything\s+(?:we|i|you)\s+(?:did|have|logged|know)\b|\bfull\s+(?:story|record|log)\b|"
                      r"历史|往来记录|跟进记录|沟通记录|所有记录|全部记录|来往记录|"
                      r"истори[яюией]|хронологи|все\s+(?:заметки|записи|контакты|касания)|вся\s+переписк", _I)
# a deals question about deals won, not open ones
_WON = re.compile(r"\b(?:won|closed|signed|booked)\b|成交|赢单|赢了|签(?:约|下|了)|拿下|"
                  r"выигранн|выиграли|закрыт|подписан", _I)  # a longer message that the rules could not place is not a report question


def report_kind(text: str) -> ReportKind | None:
    """The report a question's specific words name: leaderboard, inquiries, overdue, funnel, sources,
    top, quiet, forecast (the first that matches, most specific first); None when no such words are there."""
    for kind, pattern in RULES:
        if pattern.search(text or ""):
            return kind
    return None


def report_asked(intent: Intent, text: str, about_customer: bool) -> ReportKind | None:
    """The report a message with this intent asks for, or None when it asks for none.
    `about_customer`: the message names a customer (or one was picked for it): then it is a note."""
    text = text or ""
    kind = report_kind(text)
    if intent == Intent.PIPELINE:
        if kind is not None and not (kind in _PIPELINE_TOO and PIPELINE.search(text)):
            return kind
        return ReportKind.PIPELINE
    if intent == Intent.ACTIVITY:
        return kind if kind in _ACTIVITY_TURNS else ReportKind.ACTIVITY
    if intent == Intent.FOLLOWUPS:     # "who's behind on follow-ups": the team's overdue list, not the asker's
        return kind if kind == ReportKind.OVERDUE and _WHO.search(text) else None
    if intent == Intent.LOG:
        return kind if not about_customer else None   # "lost reasons this quarter" reads like a note
    if intent in (Intent.HELP, Intent.UNKNOWN) and len(text) <= MAX_QUESTION:
        if kind is not None:
            return kind
        return ReportKind.PIPELINE if PIPELINE.search(text) else None
    return None


def settle_report(parse: Parse, text: str, today: date, team: Team = lambda: ()) -> Parse:
    """The last word of understanding, whichever path gave the parse (the rules, the model, a chat
    command): the report the message asks for, the members of `team` it is about ("Anna's
    pipeline") or the name it puts where a member goes ("what did Zed do"), the period its words
    name when the parse has none (a question that reads like a note, "lost reasons this quarter"),
    and whether a note reports a complaint or an inquiry. `today` is the writer's; `team` gives
    the team's members (read only when the message asks for a report)."""
    parse.report = report_asked(parse.intent, text, bool(parse.customer or parse.customer_candidates))
    parse.mine = MINE.search(text or "") is not None
    parse.issue = issue_of(text) if parse.report is None else None
    parse.members, parse.member_asked = ((), None) if parse.report is None else \
        (members_named(text or "", team()), member_asked(text or ""))
    parse.history = parse.intent == Intent.QUERY_CUSTOMER and _HISTORY.search(text or "") is not None
    if parse.report == ReportKind.DEALS:
        parse.rows_asked, parse.won_asked = rows_asked(text or ""), _WON.search(text or "") is not None
    if parse.report is not None and parse.period is None:
        try:
            parse.period = period(text or "", lexicon(parse.lang), today)
        except Exception:  # words we cannot read as a period: the report's default period
            log.exception("reading the period of a report question failed")
    return parse


def rows_asked(text: str) -> int | None:
    """How many lines the question asks for ("top 5 deals", "前五大订单", "топ-10 сделок"), or None."""
    found = _ROWS.search(text)
    if found is None:
        return None
    said = next(group for group in found.groups() if group)
    return int(said) if said.isdigit() else _COUNT_WORDS.get(said.lower())


@lru_cache(maxsize=1)
def _issue_cues() -> tuple[tuple[Issue, re.Pattern[str]], ...]:
    """Every registered language's complaint cues, then every language's inquiry cues (a note mixing
    languages, "客户complained about 交货", is read whole)."""
    return tuple((kind, re.compile("|".join(phrase for language in registered()
                                            for phrase in getattr(language, kind.name)), _I))
                 for kind in (Issue.COMPLAINT, Issue.INQUIRY))


def issue_of(text: str) -> Issue | None:
    """Whether a note reports a complaint (first) or an inquiry; None for an ordinary note."""
    for kind, cue in _issue_cues():
        if cue.search(text or ""):
            return kind
    return None
