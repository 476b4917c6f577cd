"""Chinese: the cues the offline understanding reads in a rep's note or question.

One phrase a line (a word or a small regular-expression fragment); see
languages/protocol.py for what each slot means.
"""
from __future__ import annotations

from datetime import date

from handlers.understanding.days import (YEAR, MONTH_END, MONTH_SLASH_DAY, NEXT_MONTH_END, NEXT_MONTH_START, NEXT_WEEK,
                                         NEXT_WEEK_END, TODAY, WEEK_AFTER_NEXT, Resolved, day_of_month, in_days,
                                         numeric_date, offset, weekday)
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
# generic words a registered name may open with before its own core, dropped like a place when
# reps shorten it ("北京东方博远咨询有限公司" is said "博远")
NAME_HEAD = """
    东方 中华 华夏 国际 环球 亚太 泛亚 中国 神州 九州
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
    象山 宁海 上虞 路桥 黄岩 椒江 玉环 永嘉 平阳 苍南 龙湾 鹿城 瓯海 柯桥 嵊州 新昌 东阳 兰溪 武义 浦江
    德清 长兴 安吉 桐庐 建德 富阳 临安 临平 钱塘 拱墅 海盐 平湖 嘉善 秀洲 奉化 定海 吴中 相城 姑苏 新吴
    锡山 惠山 新北 金坛 丹阳 扬中 句容 仪征 高邮 江都 泰兴 靖江 兴化 如皋 海门 启东 海安 如东 东台 邳州
    沭阳 浦口 六合 溧水 高淳 禅城 三水 高明 从化 厚街 常平 塘厦 樟木头 横栏 石岐 香洲 斗门 金湾 新会
    台山 开平 鹤山 惠阳 惠城 博罗 潮阳 澄海 南安 惠安 安溪 长乐 闽侯 西青 津南 东丽 蓟州 宝坻 静海
    章丘 即墨 胶州 黄岛 崂山 城阳 平度 莱西 寿光 诸城 龙口 莱州 招远 荣成 文登 新都 双流 郫都 温江
    龙泉驿 渝北 江津 永川 涪陵 万州 九龙坡 沙坪坝 南岸 巴南 璧山 江夏 蔡甸 黄陂 新洲 东西湖 长沙县 浏阳
    宁乡 雨花 岳麓 望城 仁怀 茅台 花溪 观山湖 呈贡 官渡 安宁 临潼 长安区 雁塔 未央 灞桥 鄠邑 义乌
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
    r"怎么(?:查|改|删|录|记|发|修改|添加|加|设置|设|导出|导入|建|新建|用)",
    r"(?:bot|机器人|小助手|你)\S{0,3}(?:能|会|可以)(?:干|做)(?:啥|什么|嘛)",
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
    r"业绩",
    r"pipeline",
    r"forecast",
    r"(?:能|会|还能|可以)\S{0,2}(?:签|关|落地|回款|close|成交)\S{0,3}(?:多少|几)",
    r"(?:签|成交|回款|关)了(?:多少|几)",
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
    r"(?:哪些|什么)\S{0,8}(?:没|还没|未)(?:跟进|联系|回访)",
    r"待办",
    r"我\S{0,6}的(?:提醒|任务|日程|行程|安排|跟进)",
    r"(?:有什么|有啥|有哪些)\S{0,2}(?:安排|日程|行程|任务|事情?要做)",
    r"(?:要|该|得|需要)(?:做|干)(?:什么|啥|哪些)",
    r"(?:今天|明天|后天|这周|本周|下周)\S{0,2}(?:的)?(?:日程|行程|任务)",
    r"要(?:跟|跟进|回访|拜访|联系|f/?u)的",
    r"(?:跟进|回访|打|约了|联系)(?:哪些|谁)",
    r"(?:几个|哪些)\S{0,3}没(?:跟|回访|联系)",
    r"(?:跟进|回访)(?:计划|安排)",
    r"(?:要|该|得)(?:见|去|拜访|跟|打给)\S{0,3}(?:哪些|谁|哪几)",
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
    r"(?:干|做|忙)了?啥",
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
    r"给(?=\s|$|他|她|你|您|到)",
    r"答复",
    r"回复",
    r"打(?:给|过去|回去)",
    r"试试",
    r"出(?:个|一版|一份|合作)?(?:方案|报价|框架|合同|资料)",
    r"报过去",
    r"投标",
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
    r"(?:提醒我?|要|会|准备|计划|打算|记得|得|需要|再|下次|下周|明天|回头|让我|可以|(?<![智功性技体动产效职才瑞源电新热核储节赋潜本万])能|预计|估计)\S{0,6}$",
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
    r"(?<!其)[他她](?!们)",
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
        r"陌拜",
        r"从\S{1,20}出来",
        r"去了?\s?(?:一)?趟",
        r"(?:又|过)(?:来|去)了一趟",
        r"去\S{1,8}(?:见了|看了|拜了|聊了|等)",
        r"去了\S{0,12}(?:一家|客户)",
        r"进去(?:聊|看)",
        r"(?:^|\s)去了(?=\s|$)",
        r"带我看了",
        r"第一次去",
        r"(?:在|去|到)某{2,}",
        r"去见",
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
        r"打了\S{0,2}[次遍]",
        r"占线",
        r"打电话(?:说|来|过来)",
        r"(?:打|通|聊)完(?:了)?电话|挂了电话",
        r"打来(?:电话)?",
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
        r"吃\S{0,3}饭",
        r"lunch|dinner|午餐|晚餐|早餐",
        r"碰到",
        r"认识的",
        r"来(?:我们|我司)?公司",
        r"会开完了?|开完(?:了)?会",
    ],
    "email": [
        r"邮件",
        r"(?<![@.A-Za-z0-9_])e-?mail",
        r"发了?(?:个)?邮",
        r"发\S{0,2}邮箱",
    ],
    "message": [
        r"微信(?!同号)",
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
        r"(?<!NDA)(?<!协议)签约(?!\s*[个份]?\s*(?:NDA|保密|框架))",
        r"(?:合同|单子|这单)谈下来了?",
        r"搞定了",
        r"敲定了",
        r"(?<!NDA)(?<!协议)(?<!对手)(?<!别家)(?<!竞品)(?<!别人)签了(?:合同|单|约)?(?!\s*[个份]?\s*(?:NDA|保密|框架))",
        r"付了?(?:首|预付|定)款|(?:首|预付|定)款\S{0,2}(?:到了|付了)",
        r"(?:我们|咱们)中了",
        r"(?:正式|今天|已经|已|刚)下单",
        r"签下",
        r"签单",
        r"成交",
        r"签字了",
        r"签完了?",
        r"签回来了?",
        r"合同\S{0,3}(?:收到了|回来了)",
        r"盖(?:了|好|完)章|盖章(?:版|了|完|扫描件)",
        r"(?:发了|收到|来了)\s?PO",
        r"PO\s?\S{0,3}(?:收到|来了|下来了|到了)",
        r"订单来了",
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
        r"(?<!手机)(?<!电话)(?<!东西)(?<!钱包)(?<!名片)丢了",
        r"没中(?:标)?",
        r"落标",
        r"被\S{0,10}拿走",
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
        r"截胡",
        r"(?:跟|和|与)(?:竞争对手|竞品|别家|别人|对手)\S{0,2}签",
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
        r"(?:下周|下个?月|月底|月初|年后|节后|年前|这周|本周|周[一二三四五六日]|明天|后天|[0-9一二三四五六七八九十]+号)\S{0,4}签(?!了)",
        r"(?:可以|能|准备|要|会|就)签",
        r"等\S{0,8}签字?",
        r"待签",
        r"走(?:合同|和同)\S{0,2}(?:流程|审批)",
        r"走流程",
        r"等\S{0,6}(?:审批|盖章|回签)",
        r"合同(?:流程|审批)",
        r"法务",
        r"口头(?:ok|同意|承诺|答应)",
        r"折\s*同意",
        r"(?:万|价格|价钱|报价|账期|付款方式)\S{0,6}(?:可以|接受|没问题|没意见|同意)",
        r"接受\S{0,2}报价",
        r"太高",
        r"贵了",
        r"嫌\S{0,6}(?:贵|高)",
        r"(?:觉得|说)\S{0,4}(?:贵|高)",
        r"合同\S{0,3}(?:下周|这周|明天|后天|月底)",
        r"(?:降|压)到",
        r"再让|让一点|让点",
        r"账期",
        r"付款方式",
        r"分[0-9一二三四五六七八九十两]期",
        r"补充协议",
        r"僵",
        r"扯皮",
        r"谈到最后",
        r"再谈",
        r"最终价",
    ],
    "proposal": [
        r"(?<!要)(?<!问)(?<!询)(?<!出个)(?<!一份)(?<!一版)(?<!正式)(?<!打包)(?<!出)报价",
        r"报了\S{0,2}价",
        r"报了[\s¥$]{0,3}\S{0,2}[0-9一二三四五六七八九十两]",
        r"按\S{0,12}报的",
        r"保价(?=\S{0,2}发)",
        r"(?:发|给|出了|做了|报了|提交|交了|寄)\S{0,6}方案",
        r"方案\S{0,6}(?:发了|发过去|给了|交了|提交了|收到|已发|看了|评审)",
        r"标书",
        r"投标",
    ],
    "qualified": [
        r"预算(?:已|已经)?(?:确认|批|定|落实|到位)",
        r"确认了?预算",
        r"需求(?:已|已经)?确认",
        r"确认了?需求",
        r"有预算",
        r"预算\S{0,3}批",
        r"预算(?!砍|减|少|用完|没|还没|不够)\S{0,5}?[0-9一二三四五六七八九十两]",
        r"预算(?:明确|已经报上去)",
        r"立项",
        r"需求\S{0,2}明确",
        r"有需求",
        r"测试\S{0,3}通过",
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
    "this_year": [r"今年", r"本年度?", r"年底"],
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
TODAY_OK = [r"跟进", r"回访", r"再(?:打|试|联系|去|问)"]
# the customer's own promise: "他们周五前答复"
_THEY = r"(?<![给跟和向])(?:他们|她们|对方|客户|人家|他|她)"
_THEIR_STEP = [r"答复", r"回复", r"定下来", r"做决定", r"决定", r"付款", r"打款", r"回款", r"反馈", r"考虑", r"回话", r"回消息",
               r"给(?:我们|我)?(?:答复|回复|消息|结果|反馈|答案)"]
THEIRS = [_THEY + r"\S{0,6}?" + one_of(_THEIR_STEP)]
THEIRS_NAMED: list[str] = []
MINE = [r"(?:我们|我)(?:要|会|得|需要|准备|计划|打算|去|再|来)", r"提醒", r"跟进", r"回访", r"催", r"把"]
CLOCK = [
    r"(?:上午|下午|晚上|早上|中午|傍晚)?[0-9零一二两三四五六七八九十]{1,3}(?:点|时)(?:半|[0-9一二三四五]{1,2}分?)?",
    r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d",
]
CLOCK_WINDOW = 6
CLOCK_AM = [r"上午", r"早上", r"凌晨", r"早晨"]
CLOCK_PM = [r"下午", r"晚上", r"傍晚"]
CLOCK_NOON = [r"中午"]
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
def _new_year(m, today: date) -> Resolved:
    """元旦: the coming first of January."""
    return date(today.year + 1, 1, 1), "relative", None


DATES = [
    ("大后天", in_days(3)),
    ("元旦(?!后|以后|之后)", _new_year),
    (r"(?<![昨前])(?:今天)?(?:上午|中午|下午|晚上|傍晚)(?=\S{0,6}再)", TODAY),
    ("(?<!大)后天", in_days(2)),
    ("明[天早晚儿日]", in_days(1)),
    ("今[天晚早日]", TODAY),
    ("(?<!上)(?<!上个)(?P<mod>(?<!一)下下个?|下个?|这个?|本)?" + _WEEK + "(?P<wd>[一二三四五六日天末])",
     weekday(WEEKDAYS, next_week=("下",), this_week=("这", "本"), week_after=("下下",))),
    ("下(?:个)?" + _WEEK + "(?:底|结束前)", NEXT_WEEK_END),
    ("(?<!一)下下个?" + _WEEK, WEEK_AFTER_NEXT),
    ("下个?" + _WEEK, NEXT_WEEK),
    ("下个?月[底末]", NEXT_MONTH_END),
    ("(?:这个|本)?月[底末]", MONTH_END),
    ("下个?月初|下个?月(?![0-9" + DIGITS + "])", NEXT_MONTH_START),
    ("(?:过|再过)?(?P<n>" + _COUNT + ")个?(?P<unit>天|日|周|星期|礼拜|月)(?:之后|以后|后)", offset("天日", "周星礼")),
    ("过(?P<n>" + _COUNT + ")(?P<unit>天)", offset("天日", "周星礼")),
    ("(?:" + YEAR + "年)?(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月"
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
PAID_PART = [r"(?:首期|首付|尾|二期|预付|定)款", r"款\S{0,2}到", r"剩下"]
PER_UNIT = [r"/\s*(?:台|个|件|套)\b", r"每(?:台|个|件|套|吨|人)", r"一(?:台|个|件|套)"]
BARE_MONEY = [r"万元", r"美元"]

# -- rules this language does not read yet --
NOT_YET: list[str] = []
HANDED_OVER: list[str] = []
SIGNATURE_AHEAD: list[str] = []
MENTIONED_BEFORE: list[str] = []
MENTIONED_AFTER: list[str] = []
ASIDE: list[str] = []
HEDGE: list[str] = []
RETRACT = [r"不对", r"不是", r"错了", r"说错了", r"哦不"]

# -- dictated text --
FILLERS: list[str] = []
CORRECTION: list[str] = []

# -- names: people and companies (handlers/understanding/people.py, zh_firms.py, matching.py) --

SURNAMES = set(
    "应王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章"
    "鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
    "骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农卓古吉缪项芦麦褚娄窦戚岑景党宫费"
    "卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟"
    "邝"
)
# a surname then one of these is a person: "王总", "刘经理"
TITLES = ["经理", "总监", "总经理", "总裁", "总工", "总", "主任", "老板", "处长", "科长", "部长", "主管", "老师", "先生", "女士", "小姐", "董事长", "董", "书记", "厂长", "院长", "局长", "秘书", "会计", "工程师", "助理", "专员",
          "工", "姐", "哥", "课长", "博士"]
# characters that end a name ("张伟说", "李娜和…"): verbs, particles, punctuation
NAME_STOP = set("加约又今昨说讲聊谈通签提沟联带了吃在是打发的和跟给也都还就已要会想很生对那这们表示反馈回复答应觉得认为让叫去来到把被从向问请帮约等啊吧呢吗说过这那再先又刚才没不有与及或同见开,.!?;:，。、！？ 0123456789")
# words that start with a surname and are no name
NOT_NAMES = set("""
    方案 方面 方便 方法 方式 高兴 高层 金额 周末 周期 周边 周年 黄了 马上 安排 安装 任何 任务 于是 关于 关系 单子 时间 时候 项目 成本 成交 万元 常规 向他 向她 钱 白天 明天 明年 明确 史上 司机 全部 全年 应该 和他 和她 文件 华为 江湖 包装 宁可 车间 连续 路上 管理 简单 席位 商务 商量 师傅 施工 加工 华工 分工
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
LEGAL_SUFFIX = "(?:" + "|".join(sorted({"分公司", *LEGAL}, key=len, reverse=True)) + ")+$"
# legal forms written as separate words, and common words that begin company names: none in Chinese
# (a company's legal form is its ending, LEGAL_SUFFIX)
LEGAL_FORMS: frozenset[str] = frozenset()
COMMON_WORDS: frozenset[str] = frozenset()
