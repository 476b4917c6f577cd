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
    事务所 研究院 研究所 代理 管业 酒类 电子商务 阀门 门业
""".split()
LEGAL = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "工作室", "工厂", "厂",
         "经营部", "批发部", "门市部", "商行"]
# more words that end a registered name after its core, read only when taking a known name apart
# ("广州美佳日化有限公司" is said "美佳"); too common to end a new name found in a note
NAME_TAIL = """
    管理 服务 发展 零部件 配件 日化 大数据 紧固件 制品 装备 灯饰 玩具 花卉 塑胶 国药 冷链 仓储
    电路 器材 文具 连锁 互娱 控制 系统 工艺 用品 化妆品 家电 电器 工具 机器人 光学 实业 国际 环球
""".split()
# Latin words in a Chinese note that are never a customer's pinyin or initials ("qm" is 启明, "PO" is not)
NOT_PINYIN = """
    po pi nda it hr ok ceo cfo cto coo cmo vp gm md pm ai vr ar pc ui ux qa qc oa erp crm mes wms tms scm bi
    kpi okr ppt pdf doc xls excel word qq wx vx app api sdk sms im ip id tv hk us usa uk eu sku moq rfq rfp
    poc pos pcb gmp iso sop ip dm ps bd ka sa se fae hi hey hello bye ok no yes and or the of to in on at
    by for demo deal case zoom meeting call email mail boss team sales plan price quote quotation offer
    order contract sign signed lead leads follow up fu f u cc bcc re fw fyi asap eta etc vs
    rmb cny usd hkd eur jpy gbp k w wan yuan q1 q2 q3 q4 h1 h2 am pm
""".split()
# places a registered name may open with: provinces, cities, districts and zones ("无锡", "深圳市",
# "白云区", "前海"); a name of a place ending in 省/市/区/县/镇 is read without a list
PLACES = """
    北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南
    四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
    石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 运城
    忻州 临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口
    阜新 辽阳 盘锦 铁岭 葫芦岛 长春 四平 辽源 通化 白山 松原 白城 延边 哈尔滨 齐齐哈尔 鸡西 鹤岗
    双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州
    镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山
    淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德
    南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁
    泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河
    三门峡 南阳 商丘 信阳 周口 驻马店 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施
    长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 广州 韶关 深圳 珠海 汕头 佛山
    江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海
    防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口 三亚 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁
    内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪
    保山 昭通 丽江 普洱 临沧 大理 拉萨 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 兰州 嘉峪关
    金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐
    克拉玛依 吐鲁番 哈密 喀什
    昆山 江阴 常熟 张家港 太仓 宜兴 溧阳 吴江 武进 义乌 慈溪 余姚 诸暨 海宁 乐清 瑞安 温岭 永康 桐乡
    晋江 石狮 福清 顺德 南海 番禺 花都 增城 白云 天河 海珠 越秀 荔湾 黄埔 南沙 福田 罗湖 南山 宝安
    龙岗 龙华 坪山 前海 盐田 浦东 闵行 徐汇 静安 黄浦 长宁 虹口 杨浦 宝山 嘉定 松江 青浦 奉贤
    崇明 临港 张江 虹桥 陆家嘴 海淀 东城 西城 丰台 石景山 顺义 昌平 大兴 房山 亦庄 中关村 望京
    滨海 武清 塘沽 光谷 江宁 萧山 余杭 滨江 鄞州 北仑 镇海 海曙 江夏 汉阳 古镇 小榄 虎门 松山湖
    横琴 两江 西咸 高新 经开 华东 华南 华北 华中 西南 西北 东北 中国
""".split()
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
    r"^\W*(?:你好|您好|嗨|哈喽)?\W*你?能干(?:啥|嘛)",
    r"怎么(?:查|改|删|录|记|发|修改)",
    r"(?:可以|能)(?:修改|删除|撤销|改)吗",
    r"(?:小助手|机器人).{0,20}(?:吗|？|\?)",
    r"(?:小助手|机器人)\S{0,12}(?:能|可以|会)",
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
    r"pipeline",
    r"forecast",
    r"(?:能|会|还能|可以)\S{0,2}(?:签|关|落地|回款|close|成交)\S{0,3}(?:多少|几)",
    r"(?:签|成交|回款)了多少",
    r"能(?:签|落地|回款|close|成交)的",
    r"(?:单子|订单|大单)\S{0,3}(?:有哪些|都有哪些|卡住)",
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
    r"要(?:跟|跟进|回访|拜访|联系|f/?u)的",
    r"(?:跟进|回访|打|约了|联系)(?:哪些|谁)",
    r"(?:几个|哪些)\S{0,3}没(?:跟|回访|联系)",
    r"(?:跟进|回访)(?:计划|安排)",
]
ACTIVITY = [
    r"团队",
    r"大家\S{0,4}(?:都|一共|拜访|跑|打|签|做|联系)",
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
    r"跑了(?:几|多少|哪些)",
    r"拜访(?:量|数|记录)",
    r"谁\S{0,4}(?:拜访|出去跑)",
    r"(?:拜访|跑)了?(?:几家|几个)",
    r"几个客户",
    r"电话几个",
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
    r"(?:提醒我?|要|会|准备|计划|打算|记得|得|需要|再|下次|下周|明天|回头|让我)\S{0,6}$",
]
BIRTHDAY = [
    r"生日",
    r"出生",
]
REFER_BACK = [
    r"他们",
    r"她们",
    r"对方",
    r"人家",
]
NEW_COMPANY = [
    r"新客户",
    r"^新\s",
    r"新线索",
    r"陌拜",
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
        r"接(?:了|到)\S{0,3}电话",
        r"电话(?:打了|聊了|聊的|打过|打通|没通|不通|打不通|终于通|通了|占线)",
        r"打(?:过来|来)的?电话|电话打(?:过来|来)",
        r"打通了",
        r"接电话",
        r"(?:^|\s)电话(?=\s|$)",
        r"腾讯会议",
        r"zoom",
        r"语音(?:聊|通话|电话)",
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
QUESTION = [
    r"(?<![什怎这那多要])[吗么嘛](?=\W|$)",
    r"(?<!没)啥",
    r"(?<![没叫])什么(?!来着|的都)",
    r"谁",
    r"哪(?!怕)",
    r"怎么",
    r"怎样",
    r"咋",
    r"如何",
    r"多少",
    r"(?<![十百千万两一二三四五六七八九好这那])几(?:家|单|个|次|位|笔|天|号)",
    r"有没有",
    r"(?<!不)是不是(?!是)",
    r"能不能",
    r"可不可以",
    r"了没有?(?=\W|$)",
    r"没(?=\s*[?？])",
    r"(?<!还)没有?$",
]
CANNOT = [
    r"帮我\S{0,3}(?:订|买|写|翻译|打印|预约|叫车|给\S{0,16}发)",
]
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
FILLER = [r"然后", r"再", r"还有"]

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
