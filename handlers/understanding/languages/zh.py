"""Chinese: the cues the offline understanding reads in a rep's note or question.

One phrase a line (a word or a small regular-expression fragment); see
languages/protocol.py for what each slot means.
"""
from __future__ import annotations

from handlers.understanding.days import (MONTH_END, MONTH_SLASH_DAY, NEXT_MONTH_END, NEXT_MONTH_START, NEXT_WEEK,
                                         NEXT_WEEK_END, TODAY, WEEK_AFTER_NEXT, day_of_month, in_days, numeric_date,
                                         offset, weekday)
from handlers.understanding.languages.protocol import one_of

CODE = "zh"

# the endings of Chinese company names: the trade, then the legal form ("星辰科技", "宏达建材有限公司")
TRADES = """
    科技 技术 信息 网络 软件 数码 数据 智能 电子 电气 电器 电力
    机电 机械 设备 仪器 器械 自动化 光电 半导体 通信 通讯 物流 运输
    快递 货运 供应链 贸易 商贸 外贸 进出口 百货 超市 商城 电商 零售
    建材 建设 建筑 建工 工程 装饰 装修 地产 置业 物业 家居 家具
    医疗 医药 药业 制药 生物 健康 医院 诊所 食品 餐饮 酒业 乳业
    饮料 农业 农牧 牧业 渔业 林业 化工 石化 材料 新材料 塑料 橡胶
    钢铁 铝业 矿业 能源 新能源 环保 水务 燃气 纺织 服饰 服装 鞋业
    皮革 印务 印刷 包装 纸业 教育 培训 文化 传媒 广告 影视 出版
    旅游 酒店 航空 汽车 汽配 重工 船舶 银行 保险 证券 投资 资本
    金融 控股 咨询 实业 工业 工贸 五金 钢构 玻璃 陶瓷 照明 仪表
    精密 模具 制造 动力 新能 游戏 设计 会展 人力 安防 消防 律师事务所
    事务所 研究院 研究所
""".split()
LEGAL = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "工作室", "工厂", "厂"]
# "去了" before a company name: a visit
_TO_FIRM = "(?:去了|到了|来到|去(?!年|掉|除))(?=[\u4e00-\u9fffA-Za-z]{2,10}?(?:" + "|".join(TRADES) + "|" + "|".join(LEGAL) + "))"
_MONTH_BEFORE = r"(?<![0-9一二三四五六七八九十])"
_MONTH_AFTER = r"月份?(?![0-9一二三四五六七八九十号日底末初])"

HELP = [
    r"^\W*(?:帮助|帮忙|菜单|/help|/start|你好|您好|嗨|哈喽|早上好|下午好|晚上好)\W*$",
    r"怎么用",
    r"如何使用",
    r"怎么使用",
    r"你能做什么",
    r"你会什么",
    r"能干什么",
    r"有什么功能",
    r"使用说明",
    r"怎么记录",
    r"怎么录入",
    r"如何记录",
]
UNDO = [
    r"^\W*(?:撤销|撤回|取消|删掉刚才的?|刚才的?不算)\W*$",
]
DONE = [
    r"^\W*(?:完成|已完成|做完了?|搞定了?|办完了?)\s*(?:第\s*)?#?(?P<n>\d{1,3})\s*(?:个|条|项)?\W*$",
]
PIPELINE = [
    r"漏斗",
    r"管道",
    r"预测",
    r"(?:能|会|可能|预计|预期|准备)\S{0,4}(?:成交|签约|签单|拿下)",
    r"(?:哪些|什么|多少)\S{0,3}(?:单子|订单|商机|项目|合同)",
    r"在谈的",
    r"销售额预计",
    r"业绩预测",
]
FOLLOWUPS = [
    r"(?:我)?(?:今天|明天|这周|本周)?(?:该|要|需要)(?:做|干)(?:什么|啥|哪些)",
    r"(?:要|需要|该|得|待)(?:跟进|联系|回访|拜访|打电话)\S{0,4}(?:哪些|谁|什么|几个)",
    r"(?:哪些|谁|什么)\S{0,6}(?:要|需要|该|得)(?:跟进|联系|回访)",
    r"我的(?:待办|提醒|任务|跟进)",
    r"(?:待办|提醒|任务|跟进)(?:列表|事项|清单)",
    r"有什么(?:提醒|待办)",
    r"到期",
    r"逾期",
    r"过期(?:没|未)",
    r"超期",
    r"(?:哪些|什么)\S{0,4}(?:没|还没|未)(?:跟进|联系|回访)",
    r"待办",
    r"我\S{0,6}的(?:提醒|任务|日程|行程|安排|跟进)",
    r"(?:有什么|有啥|有哪些)\S{0,2}(?:安排|日程|行程|任务|事情?要做)",
    r"(?:要|该|得|需要)(?:做|干)(?:什么|啥|哪些)",
    r"(?:今天|明天|后天|这周|本周|下周)\S{0,2}(?:的)?(?:日程|行程|任务)",
]
ACTIVITY = [
    r"团队",
    r"大家",
    r"统计",
    r"(?:跟进|拜访|联系|打)了多少",
    r"多少(?:次|个)?(?:拜访|电话|跟进|会议)",
    r"活动(?:情况|报告|记录)",
    r"干了什么",
    r"做了什么",
    r"工作量",
    r"的工作(?:情况)?",
    r"忙了(?:些)?什么",
    r"做了哪些",
    r"汇总",
]
QUERY = [
    r"联系人是谁",
    r"对接人是谁",
    r"负责人是谁",
    r"情况怎么样",
    r"情况如何",
    r"怎么样了",
    r"进展如何",
    r"进展怎么样",
    r"最新(?:情况|进展)",
    r"查一下",
    r"查查",
    r"查询",
    r"看看",
    r"介绍一下",
    r"说说",
    r"有什么信息",
    r"的资料",
    r"的信息",
    r"的情况",
    r"是什么情况",
    r"跟进到哪",
    r"到哪一步",
]
LOG_VERBS = [
    r"拜访",
    r"参观",
    r"考察",
    r"上门",
    r"打了?电话",
    r"通话",
    r"见了",
    r"见面",
    r"开了会",
    r"吃了个?饭",
    r"聊了",
    r"谈了",
    r"沟通",
    r"发了",
    r"发送",
    r"报价",
    r"签约",
    r"签了",
    r"丢单",
    r"成交",
    r"跟进",
    r"回访",
    r"微信",
    r"邮件",
    r"提醒我",
    r"记一下",
    r"记录",
    r"认识了",
]
NEGATION = [
    r"(?:没有?|未|不|别|还没)\S{0,2}$",
]
COMMIT = [
    r"跟进",
    r"联系",
    r"去",
    r"拿",
    r"送",
    r"交",
    r"过来",
    r"过去",
    r"再约",
    r"约",
    r"回访",
    r"打电话",
    r"电话",
    r"发",
    r"提醒",
    r"拜访",
    r"见面",
    r"开会",
    r"演示",
    r"推迟",
    r"改到",
    r"改期",
    r"再",
    r"要",
    r"会",
    r"准备",
    r"计划",
    r"记得",
    r"催",
    r"确认",
    r"安排",
    r"(?:希望|等着?|催|要求)\S{0,8}(?:报价|方案|合同|样品|资料|标书|发票|报价单|演示)",
]
FUTURE = [
    r"(?:提醒我?|要|会|准备|计划|打算|记得|得|需要|再|下次|下周|明天|回头)\S{0,6}$",
]
BIRTHDAY = [
    r"生日",
    r"出生",
]

# words that put a next step on a later day, beside the date phrases below ("年后", "初十", "15号");
# they tell a day the writer hints at from one a model made up (handlers/understanding/reconcile.py)
LATER_WORDS = [
    r"明天",
    r"后天",
    r"周[一二三四五六日天末]",
    r"下周",
    r"礼拜",
    r"星期",
    r"[0-9一二三四五六七八九十]+月",
    r"月[底初中]",
    r"年[后前底初]",
    r"明年",
    r"下个?月",
    r"[0-9一二三四五六七八九十]+[号日]",
    r"初[一二三四五六七八九十]",
    r"元旦",
    r"春节",
    r"节[前后]",
    r"季度",
    r"回头",
    r"过两天",
    r"过几天",
    r"之后",
    r"以后",
    r"下次",
    r"改天",
]
# words of this very day: a next step on them is today's (or tomorrow's first thing)
SAME_DAY_WORDS = [
    r"今天",
    r"今晚",
    r"上午",
    r"中午",
    r"下午",
    r"晚上",
    r"早上",
    r"待会",
    r"一会",
    r"[0-9一二三四五六七八九十]+点",
]
REFER_BACK = [
    r"他们",
    r"她们",
    r"对方",
    r"人家",
]
NEW_COMPANY = [
    r"新客户",
    r"一家新",
    r"新认识",
    r"潜在客户",
    r"展会",
    r"展上",
    r"博览会",
    r"交易会",
]
CHANNELS = {
    "visit": [
        _TO_FIRM,
        r"拜访",
        r"上门",
        r"去了\S{0,8}(?:一趟|那边|公司|工厂|现场)",
        r"到访",
        r"走访",
        r"登门",
        r"过去了一趟",
        r"实地",
        r"现场看了",
        r"去了?(?:他们|她们|客户)",
    ],
    "call": [
        r"视频会议",
        r"视频通话",
        r"视频",
        r"语音通话",
        r"打了?(?:个)?电话",
        r"通了?(?:个)?电话",
        r"电话沟通",
        r"电话联系",
        r"电话里",
        r"来电",
        r"回电",
        r"没人接",
        r"没接",
    ],
    "meeting": [
        r"见面",
        r"见了",
        r"面谈",
        r"来(?:我们|我司|公司|总部|工厂)?(?:参观|考察|拜访|交流)",
        r"参观",
        r"考察",
        r"开了?(?:个)?会",
        r"会议",
        r"吃了?(?:个|顿)?饭",
        r"饭局",
        r"午饭",
        r"晚饭",
        r"喝茶",
        r"喝咖啡",
        r"展会",
        r"展上",
        r"博览会",
        r"交易会",
        r"认识了",
        r"约见",
        r"碰了个?面",
        r"峰会",
        r"论坛",
    ],
    "email": [
        r"邮件",
        r"(?<![@\w.])email",
        r"e-mail",
        r"发了?(?:个)?邮",
    ],
    "message": [
        r"微信",
        r"短信",
        r"消息",
        r"留言",
        r"钉钉",
        r"企业微信",
        r"whatsapp",
        r"telegram",
        r"QQ",
    ],
}
STAGES = {
    "won": [
        r"订单(?:已经?|也)?确认了?",
        r"确认了?(?:这个|这笔)?订单",
        r"下了?(?:个|这个|一个)?(?:订单|单子)",
        r"签约",
        r"(?:合同|单子|这单)谈下来了?",
        r"搞定了",
        r"敲定了",
        r"签了(?:合同|单|约)?",
        r"签下",
        r"签单",
        r"成交了",
        r"拿下",
        r"中标",
        r"赢单",
        r"下单了",
        r"回款",
        r"付款了",
        r"打款了",
        r"合同已签",
    ],
    "lost": [
        r"丢单",
        r"丢了",
        r"输了",
        r"选了竞争对手",
        r"选择了竞争对手",
        r"选了别家",
        r"选了别人",
        r"用了别家",
        r"不考虑了",
        r"黄了",
        r"放弃了",
        r"没戏",
        r"不做了",
        r"被抢了",
        r"流失",
    ],
    "negotiation": [
        r"正在谈",
        r"在谈",
        r"便宜",
        r"谈条款",
        r"谈价",
        r"谈判",
        r"议价",
        r"砍价",
        r"压价",
        r"降价",
        r"再降",
        r"折扣",
        r"优惠",
        r"太贵",
        r"还在谈",
        r"条款",
        r"商务谈",
        r"讨价还价",
    ],
    "proposal": [
        r"报价",
        r"方案",
        r"标书",
        r"投标",
        r"询价",
    ],
    "qualified": [
        r"预算(?:已|已经)?(?:确认|批|定|落实|到位)",
        r"确认了?预算",
        r"需求(?:已|已经)?确认",
        r"确认了?需求",
        r"有预算",
    ],
    "lead": [
        r"新客户",
        r"潜在客户",
        r"新认识",
        r"认识了一家",
        r"新的客户",
        r"意向客户",
        r"感兴趣",
    ],
}
PERIODS = {
    "today": [r"今天", r"今日"],
    "tomorrow": [r"明天"],
    "yesterday": [r"昨天"],
    "next_week": [r"下(?:个)?(?:周|星期|礼拜)"],
    "last_week": [r"上(?:个)?(?:周|星期|礼拜)"],
    "this_week": [r"(?:本|这个?)(?:周|星期|礼拜)", r"一周"],
    "next_month": [r"下(?:个)?月"],
    "last_month": [r"上(?:个)?月"],
    "this_month": [r"(?:本|这个?)月"],
    "next_quarter": [r"下(?:个)?季度"],
    "last_quarter": [r"上(?:个)?季度"],
    "this_quarter": [r"(?:本|这个?)季度?"],
    "this_year": [r"今年", r"本年度?"],
    "q1": [r"第?[一1]季度", r"(?<![A-Za-z0-9])[Qq]1(?![0-9])"],
    "q2": [r"第?[二2]季度", r"(?<![A-Za-z0-9])[Qq]2(?![0-9])"],
    "q3": [r"第?[三3]季度", r"(?<![A-Za-z0-9])[Qq]3(?![0-9])"],
    "q4": [r"第?[四4]季度", r"(?<![A-Za-z0-9])[Qq]4(?![0-9])"],
    "m1": [_MONTH_BEFORE + r"(?:1|一)" + _MONTH_AFTER],
    "m2": [_MONTH_BEFORE + r"(?:2|二)" + _MONTH_AFTER],
    "m3": [_MONTH_BEFORE + r"(?:3|三)" + _MONTH_AFTER],
    "m4": [_MONTH_BEFORE + r"(?:4|四)" + _MONTH_AFTER],
    "m5": [_MONTH_BEFORE + r"(?:5|五)" + _MONTH_AFTER],
    "m6": [_MONTH_BEFORE + r"(?:6|六)" + _MONTH_AFTER],
    "m7": [_MONTH_BEFORE + r"(?:7|七)" + _MONTH_AFTER],
    "m8": [_MONTH_BEFORE + r"(?:8|八)" + _MONTH_AFTER],
    "m9": [_MONTH_BEFORE + r"(?:9|九)" + _MONTH_AFTER],
    "m10": [_MONTH_BEFORE + r"(?:10|十)" + _MONTH_AFTER],
    "m11": [_MONTH_BEFORE + r"(?:11|十一)" + _MONTH_AFTER],
    "m12": [_MONTH_BEFORE + r"(?:12|十二)" + _MONTH_AFTER],
}

QUESTION_START = [r"哪", r"谁", r"什么", r"多少", r"查", r"看看", r"列出", r"显示"]
IMPERATIVE: list[str] = []
PAST = [r"了"]
PAST_AFTER = [r"(?s:.{0,2})了", r"(?s:.?)过"]
VERB_PAST: list[str] = []
CALL_OUTCOME = [r"没人接", r"没接", r"无人接听", r"占线", r"关机"]
REMIND = [r"提醒我?", r"记得"]
TODAY_OK = [r"跟进", r"回访"]
# the customer's own promise: "他们周五前答复"
_THEY = r"(?:他们|她们|对方|客户|人家|他|她)"
_THEIR_STEP = [r"答复", r"回复", r"定下来", r"做决定", r"决定", r"付款", r"打款", r"回款", r"反馈", r"考虑", r"回话", r"回消息",
               r"给(?:我们|我)?(?:答复|回复|消息|结果|反馈|答案)"]
THEIRS = [_THEY + r"\S{0,6}?" + one_of(_THEIR_STEP)]
THEIRS_NAMED: list[str] = []
MINE = [r"(?:我们|我)(?:要|会|得|需要|准备|计划|打算|去|再|来)", r"提醒", r"跟进", r"回访", r"催", r"把"]
CLOCK = [
    r"(?:上午|下午|晚上|早上|中午|傍晚)?[0-9零一二两三四五六七八九十]{1,3}(?:点|时)(?:半|[0-9一二三四五]{1,2}分?)?",
    r"\b(?:[01]?\d|2[0-3]):[0-5]\d",
]
CLOCK_WINDOW = 6
FILLER = [r"然后", r"再", r"还有", r"嗯", r"呃", r"那个", r"啊"]
DANGLING = [r"^(?:之前|以前|前|之后|以后|后)", r"(?:在|于|的)$"]
STEP_CUTS = [r"\s+", r"然后", r"还有", r"另外"]     # a space in a Chinese note is a pause between steps

# -- dates: (phrase, how it becomes a day); see handlers/understanding/days.py --

WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "末": 5, "日": 6, "天": 6}
NUMBER_WORDS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "几": 3}
DIGITS = "零一二两三四五六七八九十"
_COUNT = "[0-9" + DIGITS + "几]{1,3}"
_WEEK = "(?:周|星期|礼拜)"
_DAY_IN_NUMERALS = "[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
DATES = [
    ("大后天", in_days(3)),
    ("(?<!大)后天", in_days(2)),
    ("明[天早晚儿日]", in_days(1)),
    ("今[天晚早日]", TODAY),
    ("(?P<mod>下下个?|下个?|这个?|本)?" + _WEEK + "(?P<wd>[一二三四五六日天末])",
     weekday(WEEKDAYS, next_week=("下",), this_week=("这", "本"), week_after=("下下",))),
    ("下(?:个)?" + _WEEK + "(?:底|结束前)", NEXT_WEEK_END),
    ("下下个?" + _WEEK, WEEK_AFTER_NEXT),
    ("下个?" + _WEEK, NEXT_WEEK),
    ("下个?月[底末]", NEXT_MONTH_END),
    ("(?:这个|本)?月[底末]", MONTH_END),
    ("下个?月初|下个?月(?![0-9" + DIGITS + "])", NEXT_MONTH_START),
    ("(?:过|再过)?(?P<n>" + _COUNT + ")个?(?P<unit>天|日|周|星期|礼拜|月)(?:之后|以后|后)", offset("天日", "周星礼")),
    ("过(?P<n>" + _COUNT + ")(?P<unit>天)", offset("天日", "周星礼")),
    ("(?:(?P<y>20\\d\\d)年)?(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月"
     "(?:(?P<d>[0-9]{1,2})[日号]?(?![0-9])|(?P<dc>" + _DAY_IN_NUMERALS + ")[日号])", numeric_date),
    ("(?<![0-9月])(?P<next>下个?月)?(?P<d>[0-9]{1,2})[号日](?![0-9])", day_of_month),
    (MONTH_SLASH_DAY, numeric_date),            # "1/8" in Chinese notes is month/day too
]

# -- money: read in every note, whatever its language (handlers/understanding/amounts.py) --

LOCAL_CURRENCY: str | None = "CNY"       # "36万" in a Chinese note is yuan
CURRENCIES = {"美元": "USD", "美金": "USD", "欧元": "EUR", "英镑": "GBP", "元": "CNY", "块": "CNY", "人民币": "CNY"}
CURRENCY_STEMS = {"块": "CNY"}           # "块钱"
CURRENCY_AFTER = [r"元", r"块钱?", r"人民币", r"美元", r"美金", r"欧元", r"英镑"]
SHORT_MULTIPLIERS = {"w": 10**4}         # "5w": 5万
MULTIPLIERS = [
    (r"千万", 10**7),
    (r"百万", 10**6),
    (r"千", 1000),
    (r"万", 10**4),
    (r"亿", 10**8),
]
BARE_MULTIPLIERS: list[str] = []
RANGE_WORDS = [r"至", r"到"]
FROM_WORDS = [r"从", r"由"]
TO_WORDS = [r"到", r"为", r"成"]
COUNT_WORDS = [r"吨", r"台", r"个", r"件", r"套", r"人", r"家"]
MONEY_WORDS = [r"金额", r"总价", r"预算", r"报价", r"价格", r"合同额", r"总额"]
MONEY_LINKS = [r"是", r"为", r"约", r"大概"]
DISCOUNT_AFTER = [r"折扣", r"优惠"]
DISCOUNT_BEFORE = [r"折扣", r"优惠", r"降价?了?"]
PER_UNIT = [r"/\s*(?:台|个|件|套)\b", r"每(?:台|个|件|套|吨|人)", r"一(?:台|个|件|套)"]
BARE_MONEY = [r"万元", r"美元"]

# -- rules this language does not read yet --
NOT_YET: list[str] = []
HANDED_OVER: list[str] = []
SIGNATURE_AHEAD: list[str] = []

# -- dictated text --
FILLERS: list[str] = []
CORRECTION: list[str] = []

# -- names: people and companies (handlers/understanding/people.py, zh_firms.py, matching.py) --

SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章"
    "鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
    "骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农卓古吉缪项芦麦褚娄窦戚岑景党宫费"
    "卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟"
    "邝"
)
# a surname then one of these is a person: "王总", "刘经理"
TITLES = ["经理", "总监", "总经理", "总裁", "总工", "总", "主任", "老板", "处长", "科长", "部长", "主管", "老师", "先生", "女士", "小姐", "董事长", "董", "书记", "厂长", "院长", "局长", "秘书", "会计", "工程师", "助理", "专员"]
# characters that end a name ("张伟说", "李娜和…"): verbs, particles, punctuation
NAME_STOP = set("说讲聊谈通签提沟联带了吃在是打发的和跟给也都还就已要会想很生对那这们表示反馈回复答应觉得认为让叫去来到把被从向问请帮约等啊吧呢吗说过这那再先又刚才没不有与及或同见开,.!?;:，。、！？ 0123456789")
# words that start with a surname and are no name
NOT_NAMES = set("""
    方案 方面 方便 方法 方式 高兴 高层 金额 周末 周期 周边 周年 黄了 马上 安排 安装 任何 任务 于是 关于 关系 单子 时间 时候 项目 成本 成交 万元 常规 向他 向她 钱 白天 明天 明年 明确 史上 司机 全部 全年 应该 和他 和她 文件 华为 江湖 包装 宁可 车间 连续 路上 管理 简单 席位 商务 商量 师傅
""".split())
_TITLE_WORD = "(?:经理|总监|主管|部长|主任|工程师|负责人|助理|专员|会计|出纳|秘书|采购)"
# a job title before a name ("采购经理李强"): up to three characters of department, then the title
ROLES = [
    "(?:(?![的了和跟与见给是])[\u4e00-\u9fff]){0,3}?" + _TITLE_WORD,
    "老板",
    "董事长",
    "总经理",
    "总裁",
    "厂长",
    "院长",
    "校长",
    "店长",
    "CEO",
    "CFO",
    "CTO",
    "COO",
]
# the legal form that ends a company's full name, dropped to compare names
LEGAL_SUFFIX = "(?:股份有限公司|有限责任公司|有限公司|分公司|集团公司|集团|公司|工作室|厂)+$"
# place words that begin company names and say little on their own ("北京", "东方")
PLACE_PREFIXES = frozenset("中国 北京 上海 深圳 广州 天津 重庆 杭州 南京 苏州 成都 武汉 西安 国际 中华 东方 华南 华北 华东".split())
# legal forms written as separate words, and common words that begin company names: none in Chinese
# (a company's legal form is its ending, LEGAL_SUFFIX)
LEGAL_FORMS: frozenset[str] = frozenset()
COMMON_WORDS: frozenset[str] = frozenset()
