"""The words of news copy that cue speech: speech verbs, the pronouns and unnamed sources
that say them, and the words that open a clause or stand between a source and its verb. All
are in Simplified, as they are matched on a text's shadow."""

from __future__ import annotations

import re

__all__ = [
    "ADVERBS",
    "AFTER_SOURCE",
    "BACK",
    "BODY_ENDINGS",
    "CITING",
    "COUNTED",
    "DATE",
    "LEADS",
    "NOT_BEFORE_TITLE",
    "OUTLET_WORDS",
    "PERSON_ENDINGS",
    "PLURALS",
    "PRONOUNS",
    "SOURCE_HEADS",
    "SPEECH_VERBS",
    "VERBS",
]

#: Speech verbs of news copy, in Simplified (they are matched on the shadow), as whole words.
SPEECH_VERBS = (
    *("说", "说道", "讲", "直说", "笑说", "表示", "表明", "表态", "指", "指出", "指称"),
    *("直指", "称", "声称", "宣称", "笑称", "辩称", "写道", "认为", "强调", "重申"),
    *("透露", "坦言", "坦承", "承认", "直言", "提到", "提及", "谈到", "谈及", "声明", "宣布"),
    *("补充", "补充说", "解释", "形容", "分析", "警告", "呼吁", "喊话", "告诉", "问道"),
    *("反问", "追问", "质疑", "回应", "回答", "答道", "回复", "答复", "反驳", "驳斥", "否认"),
    *("批评", "抨击", "痛批", "怒批", "狠批", "炮轰", "砲轰", "怒斥", "斥责", "谴责", "回呛"),
    *("感叹", "感慨", "发文", "撰文", "贴文", "留言", "报道", "报导", "看来"),
    *("回忆", "笑言", "打趣", "叮嘱", "总结", "坦白", "描述"),
)
VERBS = frozenset(SPEECH_VERBS)
#: Characters jieba glues onto a verb that still leave it the verb: adverbs (又称, 也表示,
#: 續指, 開門見山地說) and the end of "in/at/when ..." (在发言中称, 在会上说, 采访时表示).
#: Glued after a pronoun they leave it the pronoun (他續/指).
ADVERBS = frozenset("也又还则曾就并更再均亦都续另地中上时后里")
#: Pronouns that can stand for a speaker, in Simplified.
PRONOUNS = frozenset({"他", "她", "他们", "她们", "对方"})
PLURALS = frozenset({"他们", "她们"})
#: Words that open a clause without being its subject: 據新華社報道, 但一名官員說.
LEADS = ("根据", "据", "但是", "但", "而且", "而", "不过", "然而", "另外", "此外", "同时", "其中")
#: Words citing a source: what follows them is who said it (路透社引述一名官員說).
CITING = frozenset({"引述", "援引", "转述"})
#: Words ending an unnamed source: 一名官員, 有關發言人, 消息人士, 警方.
SOURCE_HEADS = (
    *("发言人", "人士", "官员", "官方", "当局", "警方", "高层", "高官", "负责人", "人员"),
    *("代表", "专家", "学者", "分析师", "研究员", "消息来源", "知情者", "目击者", "证人"),
    *("网友", "网民", "民众", "居民", "村民", "市民", "议员", "立委", "律师", "医生", "医师"),
    *("教授", "主管", "经理", "顾问", "幕僚", "助手", "助理", "职员", "员工", "外交官"),
    *("业者", "家长", "乘客", "游客", "选民", "店主", "老板", "司机", "工人", "农民", "渔民"),
    *("学生", "老师", "教师", "球迷", "观众", "受害者", "受访者", "当事人", "住户", "街坊"),
)
#: After 一名/一位/某, any word ending like a person is the source: 一名…體育工作者.
PERSON_ENDINGS = frozenset("员官师家者人长监管任士生民友众层户主手匠工子女")
COUNTED = re.compile("[一两二三四五六七八九十几数多这那该][名位家个]|某")
#: Words after an unnamed source that are not part of it (一名官員對記者說, 發言人週二表示).
AFTER_SOURCE = frozenset(
    {
        *("对", "向", "跟", "在", "于", "给", "从", "当", "以", "为", "接受", "受访", "透过"),
        *("通过", "面对", "则", "也", "亦", "更", "还", "都", "均", "并", "又", "曾", "已"),
        *("再", "即", "就", "却", "续", "另", "私下", "公开", "匿名", "强烈", "明确", "直接"),
        *("首先", "最后", "进一步", "一再", "再次", "多次", "早前", "日前", "近日", "稍早"),
        *("稍后", "随后", "其后", "事后", "会后", "当晚", "当天", "当日", "同日", "同时"),
        *("此前", "之前", "之后", "目前", "昨日", "昨天", "今日", "今天", "今早", "今晨"),
        *("昨晚", "今晚", "周末", "本周", "上周", "早上", "上午", "下午", "晚上", "晚间"),
        *("的话", "的说法", "说法", "对此"),
    }
)
DATE = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]|[\d一二三四五六七八九十]+[月日号]")
#: What a title does not follow when it is a clause's subject (在接受《紐約時報》訪問時).
NOT_BEFORE_TITLE = frozenset("在对向于给跟与和替为接从受")
#: Words standing for the outlet last named: 該報社評亦直言 / 社論寫道.
OUTLET_WORDS = ("该报", "该社", "该刊", "社评", "社论")
#: Last characters of an institution's name (衛生局, 立法院, 民進黨), in words of three or more.
BODY_ENDINGS = frozenset("部局署院处厅会府党社台")
#: Words pointing back to a source named before: 這名主管, 該名男子.
BACK = re.compile("[这该此那][名位]")
