"""Which report a question asks for, from its words, in English, Chinese and Russian.

The parser says "pipeline" for pipeline, forecast and deals-closing questions and
"activity" for what the team did; everything else a manager asks comes back as
"unknown". This small keyword classifier picks the report. Words like "funnel",
"漏斗", "воронка" alone mean the pipeline by stage; conversion words ("conversion",
"转化率", "конверсия", win rate, lost reasons) mean the funnel (conversion) report.

It also says whether a note reports an inquiry or a complaint.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE

# most specific first: the first match wins
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("leaderboard", re.compile(
        r"\bleader\s?board\b|\bscore\s?board\b|\b(?:sales|reps?|team|sellers?)\s+rankings?\b|"
        r"\brank(?:ing|ed)?\s+(?:of\s+)?(?:the\s+)?(?:reps|sellers|team|salespeople)\b|"
        r"\b(?:top|best)\s+(?:reps?|sellers?|salespeople|sales\s?(?:reps|people|persons?)|performers?)\b|"
        r"\bwho\s+(?:sold|won|closed|brought\s+in)\s+(?:the\s+)?most\b|\bwho(?:'s|\s+is)\s+(?:on\s+)?top\b|"
        r"排行榜|销售排行|销售排名|业绩排名|业绩榜|销售冠军|龙虎榜|谁(?:卖|签|成交)得?最多|谁的业绩最好|"
        r"рейтинг\w*(?:\s+(?:продавц|менеджер|сотрудник|команд|отдел|по\s+продаж)\w*|\s*$|\s+(?:за|на)\s)|"
        r"лидерборд|таблиц\w*\s+лидеров|кто\s+больше\s+всех\s+(?:продал|закрыл|выиграл|заработал)|"
        r"лучш\w+\s+(?:продав|менеджер|сотрудник)", _I)),
    ("inquiries", re.compile(
        r"\bcomplaints?\b|\binquir(?:y|ies)\b|\benquir(?:y|ies)\b|\bopen issues\b|"
        r"投诉|客诉|咨询|询问|抱怨|"
        r"жалоб|претензи|обращени|запрос(?:ы|ов)\s+клиент", _I)),
    ("overdue", re.compile(
        r"\boverdue\b|\bmissed follow|\blate follow|\bpast due\b|"
        r"逾期|过期|超期|没按时|"
        r"просроч", _I)),
    ("funnel", re.compile(
        r"\bconver(?:sion|t(?:ed|s)?)\b|\bwin[- ]?rate\b|\bwin/loss\b|\bclose rate\b|\blost reasons?\b|"
        r"\bwhy (?:did )?(?:we )?los[et]\b|\breasons? (?:we|for) los|\bstage[- ]to[- ]stage\b|"
        r"\b(?:time|days) (?:in|per) stage\b|\bcycle time\b|"
        r"转化|赢单率|成交率|胜率|丢单原因|输单原因|丢单理由|阶段停留|"
        r"конверси|винрейт|процент (?:выигрыш|побед|закрыти)|доля выигранн|причин\w* (?:проигрыш|отказ|потер)|"
        r"почему (?:мы )?проигр|дней на этап|время на этап", _I)),
    ("sources", re.compile(
        r"\blead sources?\b|\bsources?\b|\bwhere (?:do|did|are) (?:our |the )?(?:customers|leads|clients)\b|"
        r"\broi\b|\bmarketing spend\b|\bcost per lead\b|"
        r"来源|获客|哪个渠道|渠道效果|"
        r"источник|откуда (?:приходят |пришли )?(?:клиент|лид)", _I)),
    ("top", re.compile(
        r"\btop\b|\bbiggest (?:customers|clients|accounts)\b|\blargest (?:customers|clients|accounts)\b|"
        r"\bbest (?:customers|clients)\b|\bkey accounts\b|\b80/20\b|\bpareto\b|\bvips?\b|"
        r"大客户|最大的客户|重点客户|前\s*(?:20%|百分之二十|十|10)|贡献最多|排名|"
        r"\bтоп\b|крупнейш|самые крупные|лучшие клиент|ключевые клиент|парето|80/20", _I)),
    ("quiet", re.compile(
        r"\bquiet\b|\bstale\b|\bstuck\b|\bstalled\b|\bdormant\b|\bidle\b|\buntouched\b|\bneglected\b|"
        r"\bno (?:activity|movement|progress)\b|\bgone cold\b|"
        r"沉寂|停滞|没动静|没有进展|没进展|卡住|长时间没|很久没|"
        r"завис|застрял|без движени|забыт|тихие|спящ|давно не", _I)),
    ("forecast", re.compile(
        r"\bforecast\b|\btarget\b|\bquota\b|\bon track\b|\bprojection\b|\bgap to\b|"
        r"预测|目标|指标|完成率|差距|"
        r"прогноз|план продаж|выполнени\w* плана|\bцел[ьи]\b|отставани", _I)),
)

PIPELINE = re.compile(r"\bpipeline\b|\bfunnel\b|漏斗|管道|воронк", _I)


def report_kind(text: str) -> str | None:
    """The report a question names: leaderboard, inquiries, overdue, funnel, sources, top, quiet,
    forecast; or None."""
    for kind, pattern in RULES:
        if pattern.search(text or ""):
            return kind
    return None


_COMPLAINT = re.compile(
    r"\bcomplain(?:ed|s|t|ts|ing)?\b|\bunhappy (?:about|with)\b|\bdissatisfied\b|\bangry about\b|"
    r"\bescalat(?:ed|ion)\b|投诉|抱怨|不满|客诉|"
    r"жалоб|пожаловал|претензи|недовол", _I)
_INQUIRY = re.compile(
    r"\binquir(?:y|ed|ies)\b|\benquir(?:y|ed|ies)\b|\basked (?:about|whether|if|for a quote|for pricing)\b|"
    r"\bwants? to know\b|\brequest(?:ed)? (?:a quote|pricing|information|info)\b|"
    r"咨询|询问|询价|问了|想了解|"
    r"запрос|спрашивал|интересовал|уточнял|просил\w* (?:цен|КП|информаци)", _I)


def note_issue_kind(text: str) -> str | None:
    """Whether a note reports a complaint (first) or an inquiry; None for an ordinary note."""
    if _COMPLAINT.search(text or ""):
        return "complaint"
    if _INQUIRY.search(text or ""):
        return "inquiry"
    return None
