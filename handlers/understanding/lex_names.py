"""Word lists for names: legal forms, common words, surnames, titles, roles."""
from __future__ import annotations

import re

from handlers.understanding.languages import zh as _zh

LEGAL_FORMS = frozenset("""
ооо оао зао пао ао ип нко гк тоо чп ук пк llc l.l.c inc incorporated ltd limited corp corporation co
company gmbh plc llp lp sa ag bv nv srl spa pty oy ab as kk
""".split())
ZH_LEGAL_SUFFIX = re.compile("(?:" + "|".join(sorted({"分公司", *_zh.LEGAL}, key=len, reverse=True)) + ")+$")
# lower-case words that often begin company names but mean nothing alone in a note
COMMON_WORDS = frozenset("""
global first best new north south east west blue green red black white star united general national
american international city sun smart prime alpha best top great big little old the one all grand golden
silver royal pacific atlantic central metro urban digital data tech systems solutions services group
дом новый север юг восток запад центр мир город
""".split())

LEGAL_PREFIX_RU = r"(?:ООО|ОАО|ЗАО|ПАО|АО|ИП|НКО|ГК|ТОО|ЧП)"
LEGAL_SUFFIX_EN = r"(?:Inc|LLC|Ltd|Corp|Co|GmbH|PLC|LLP|Limited|Corporation|Group|Holdings)\.?"

ZH_SURNAMES = set("应王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农卓古吉缪项芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝")
ZH_TITLES = "经理|总监|总经理|总裁|总工|总|工|姐|哥|课长|博士|主任|老板|处长|科长|部长|主管|老师|先生|女士|小姐|董事长|董|书记|厂长|院长|局长|秘书|会计|工程师|助理|专员"
ZH_NAME_STOP = set("加约又今昨说讲聊谈通签提沟联带了吃在是打发的和跟给也都还就已要会想很生对那这们表示反馈回复答应觉得认为让叫去来到把被从向问请帮约等啊吧呢吗说过这那再先又刚才没不有与及或同见开,.!?;:，。、！？ 0123456789")
ZH_NOT_NAMES = set("方案 方面 方便 方法 方式 高兴 高层 金额 周末 周期 周边 周年 黄了 马上 安排 安装 任何 任务 于是 关于 关系 单子 时间 时候 项目 成本 成交 万元 常规 向他 向她 钱 白天 明天 明年 明确 史上 司机 全部 全年 应该 和他 和她 文件 华为 江湖 包装 宁可 车间 连续 路上 管理 简单 席位 商务 商量 师傅 施工 加工 华工 分工".split())
# the department or area a job title names ("ops lead", "IT manager", "head of procurement")
EN_DEPTS = (r"(?:project|program|programme|office|it|ops|operations|purchasing|procurement|sales|store|plant|facilities|"
            r"facility|product|account|accounts|hr|people|marketing|finance|financial|practice|clinic|hotel|fleet|warehouse|"
            r"tech|technical|technology|engineering|team|logistics|supply\s+chain|quality|qa|security|legal|it\s+security|"
            r"category|regional|area|branch|district|production|maintenance|commercial|innovation|digital|data|network|"
            r"infrastructure|design|compliance|risk|training|admin|general|site|kitchen|events|customer\s+success|"
            r"partnerships?|business\s+development|bd|growth|research|r&d|lab|nursing|medical|dental|food\s+and\s+beverage|f&b)")
EN_ROLES = (r"(?:ceo|coo|cfo|cto|cio|cmo|cro|cpo|ciso|vp(?:\s+of)?\s+" + EN_DEPTS + r"|vp\s+of\s+\w+|vp|svp|evp|gm|general\s+manager|"
            r"managing\s+director|md|owner|co-?founder|founder|president|chairman|chief\s+\w+\s+officer|"
            r"director(?:\s+of\s+\w+)?|\w+\s+director|head\s+of\s+(?:" + EN_DEPTS + r"|\w+)|" + EN_DEPTS
            + r"\s+(?:manager|(?<!sales\s)(?<!marketing\s)(?<!growth\s)(?<!bd\s)(?<!development\s)lead|head|chief|coordinator|supervisor|specialist|officer|buyer|analyst|admin|administrator"
            r"|architect|engineer|executive|director)|manager|buyer|engineer|chief\s+engineer|accountant|controller|admin|"
            r"assistant|receptionist|principal|superintendent|partner|office\s+admin|(?:purchasing|procurement)\s+agent)")
EN_NOT_NAMES = frozenset("""
i me my we us our you he she him her his hers they them their it its the a an at from of in on to for with and or but re
about today yesterday tomorrow again said says say walked is was were will would who whom which that this there here team
guys folks everyone someone somebody nobody no yes answer voicemail reception front desk got had has have did do does
whatsapp wechat telegram signal viber slack linkedin sms text texted message messaged dm zoom teams phone
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec follow up call called email emailed met meeting
lunch dinner visit visited quote sent deal contract budget new next last week month year quick just also so ok okay
their then they're we're it's expo conference office site plant hq boss manager director ceo coo cfo cto owner
heard back reply replied update pinged quick great good finally still vp svp evp cmo cio cro cpo gm md
""".split())
# endings of Chinese company names: the trade, then the legal form ("星辰科技", "宏达建材有限公司")
ZH_TRADES = "|".join(_zh.TRADES)
ZH_LEGAL = "|".join(_zh.LEGAL)
# common given names, to tell "called Maria" (a person) from "called Initech" (a company)
EN_FIRST_NAMES = frozenset("""
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
""".split())
ZH_ROLES = ("(?:(?:(?![的了和跟与见给是])[\u4e00-\u9fff]){0,3}?(?:经理|总监|主管|部长|主任|工程师|负责人|助理|专员|会计|出纳|秘书|采购)|"
            "老板|董事长|总经理|总裁|厂长|院长|校长|店长|CEO|CFO|CTO|COO)")
# words that make a capitalised pair a company, not a person ("Pinecrest Dental", "Blue Harbor Foods")
EN_FIRM_WORDS = frozenset("""
dental medical health healthcare clinic clinics hospital foods food logistics labs lab systems solutions software
tech technologies technology industries motors realty builders construction group partners capital bank insurance
pharma hotels hotel brewing brewery farms apparel furniture schools school university marine security energy media
studio studios consulting services supply supplies trading traders manufacturing electric electronics networks
airlines holdings ventures analytics robotics retail stores markets foods cafe restaurant restaurants bakery
distribution freight shipping transport auto automotive steel metals chemicals plastics printing packaging design
""".split())
# lower-case words after "called"/"visited" that are not a company ("called back", "visited twice")
EN_NOT_FIRMS_LOWER = frozenset("""
back twice again over ahead around home out in up off everyone everybody anyone someone them him her it us client
clients customer customers supplier vendor prospect prospects boss office reception support sales mom dad site plant
store warehouse team guys folks people somebody nobody there here yesterday today tomorrow earlier later briefly
""".split())
