"""Stems that keep the lead their blank's clause hangs on (fourteenth session, helper "stems4"):
the failing single-key 填空 of the judged rounds whose reason was the stem window, checked on
constructed sentences of the shapes they came from.

- a dated speaker clause (2014年10月23日，习近平总书记在…会议上，|深刻剖析了…) stays in front, and
  the stem never ends on the verbless 在…上 clause nor on a speech verb whose saying was cut
  (…，严肃地指出……);
- a person or a document acting in an earlier clause is named before a clause with no subject
  of its own (习近平总书记……提出了“（　　）”的明确要求; 《决定》……安排了…等7个部分, over a
  window its list already makes long);
- a window ending on a verbless 在…中 clause reaches its verb (近年来，我们在…中，都坚持把…);
- 这也/这就 + verb points back like 这是 (这也抓住了…“（　　）”);
- an era or a count of years back keeps its subject phrase (特别是进入新时代以来，我国工人阶级和
  广大劳动群众……; ——40年来，深圳……; 过去的一年，……);
- a stem does not open on 比如， or on the 又 half of a 既…又 pair;
- a 是 inside a quotation is not the clause's copula (体现了“…实事求是…”原则 has no subject of its
  own), and a trimmed stem does not end on the 不仅 half of a correlative.
"""

from __future__ import annotations

from quizapp.generation import generate_questions

SPEAKERS = (
    "严明政治纪律和政治规矩\n\n"
    "2014年10月23日，习近平总书记在党的十八届四中全会第二次全体会议上，深刻剖析了无视党的政治纪律"
    "和政治规矩的行为（概括为“七个有之”）及其危害，严肃地指出：“政治纪律和政治规矩这根弦不能松”，"
    "“谁都不能拿政治纪律和政治规矩当儿戏”。\n\n"
    "同志们，1月8日中央召开主题教育总结大会，习近平总书记发表了重要讲话，从新时代党和国家事业发展的"
    "全局和战略高度，充分肯定了主题教育取得的六个方面重大成果和六条经验，对巩固拓展主题教育成果、"
    "不断深化党的自我革命作出了全面部署，提出了“六个必须”的明确要求。\n\n"
    "《决定》突出促进经济建设和改善民生，安排了构建高水平社会主义市场经济体制、健全推动经济高质量"
    "发展体制机制、构建支持全面创新体制机制、健全宏观经济治理体系、完善城乡融合发展体制机制、完善"
    "高水平对外开放体制机制、健全保障和改善民生制度体系等7个部分。\n"
)

LEADS = (
    "持续强化理论武装\n\n"
    "一要持续强化理论武装，紧抓思想教育从严。近年来，我们在群众路线教育、“三严三实”、“两学一做”"
    "和党史学习教育中，都坚持把弘扬习近平总书记倡导的优良传统作风作为生动教材和鲜活载体，结合实际"
    "开展了系列主题党日活动，推动学习新思想往深里走。\n\n"
    "此外，强调落实党风廉政建设责任制，党委负主体责任，纪委负监督责任。这也抓住了反腐倡廉工作的"
    "“牛鼻子”，是反腐倡廉建设的一个极大突破和创新。\n\n"
    "特别是进入新时代以来，我国工人阶级和广大劳动群众在实现中国梦伟大进程中拼搏奋斗、争创一流、"
    "勇攀高峰，为决胜全面建成小康社会、决战脱贫攻坚发挥了主力军作用，用智慧和汗水营造了劳动光荣、"
    "知识崇高、人才宝贵、创造伟大的社会风尚。\n\n"
    "——40年来，深圳坚持实行“引进来”和“走出去”，积极利用国际国内两个市场、两种资源，积极吸引"
    "全球投资，外贸进出口总额由1980年的0.18亿美元跃升至2019年的4315亿美元，年均增长26.1%，实现了"
    "由进出口贸易为主到全方位高水平对外开放的历史性跨越。\n"
)

OPENINGS = (
    "问责与民主集中制\n\n"
    "2016年7月8日，中共中央印发《中国共产党问责条例》。《条例》以党章为根本遵循，体现了“依规依纪、"
    "实事求是，失责必问、问责必严，惩前毖后、治病救人，分级负责、层层落实责任”原则，不仅有些内容是"
    "前所未有的，而且其严厉程度也是空前的。\n\n"
    "习近平指出，民主集中制是我们党的根本组织原则和领导制度。这项制度把充分发扬党内民主和正确实行"
    "集中有机结合起来，既可以最大限度激发全党创造活力，又可以统一全党思想和行动，有效防止和克服议而"
    "不决、决而不行的分散主义，是科学合理而又有效率的制度。\n\n"
    "当前，一些干部存在依赖思想。比如，对发展模式的“路径依赖”，守着长期以来粗放型的发展模式不放，"
    "下不了改变的决心。\n\n"
    "过去的一年，面对错综复杂的国际形势和艰巨繁重的国内改革发展稳定任务，我们坚持稳中求进工作总基调，"
    "牢牢把握经济社会发展主动权，经济建设、政治建设、文化建设、社会建设、生态文明建设取得新的重大"
    "进展，全年主要目标任务顺利完成，“十二五”规划圆满收官。\n"
)


def _stems(text: str, answer: str) -> list[str]:
    stems = [
        q.stem
        for q in generate_questions(text, seed=0)
        if q.kind == "cloze" and q.template == "cloze" and q.answer == [answer]
    ]
    assert stems, f"no plain 填空 on {answer}"
    return stems


def test_a_dated_speaker_clause_stays_in_front() -> None:
    (seven,) = _stems(SPEAKERS, "七个有之")
    assert seven.startswith(
        "2014年10月23日，习近平总书记在党的十八届四中全会第二次全体会议上，深刻剖析了"
    )
    (rules,) = _stems(SPEAKERS, "政治规矩")
    assert rules.startswith("2014年10月23日，习近平总书记"), rules
    # (the saying holds the key and is cut: its 严肃地指出： goes with it)
    assert rules.endswith("及其危害。"), rules
    (plenum,) = _stems(SPEAKERS, "十八届四中全会")
    # (never the bare 2014年10月23日，习近平总书记在党的（　　）第二次全体会议上。)
    assert plenum.endswith("及其危害。"), plenum


def test_a_person_or_a_document_acting_before_is_named() -> None:
    (six,) = _stems(SPEAKERS, "六个必须")
    assert six.startswith("习近平总书记……对巩固拓展主题教育成果"), six
    for stem in _stems(SPEAKERS, "高水平对外开放"):
        assert stem.startswith("《决定》……安排了构建高水平社会主义市场经济体制"), stem


def test_a_verbless_circumstance_reaches_its_verb() -> None:
    for key in ("群众路线", "三严三实", "两学一做", "党史学习教育"):
        for stem in _stems(LEADS, key):
            assert stem.startswith("近年来，我们在"), stem
            assert stem.endswith(
                "都坚持把弘扬习近平总书记倡导的优良传统作风作为生动教材和鲜活载体。"
            )


def test_this_too_with_a_verb_points_back() -> None:
    (nose,) = _stems(LEADS, "牛鼻子")
    assert nose.startswith("……纪委负监督责任。这也抓住了"), nose


def test_an_era_keeps_its_subject_phrase() -> None:
    (force,) = _stems(LEADS, "主力军")
    assert force.startswith("特别是进入新时代以来，我国工人阶级和广大劳动群众……为决胜"), force
    (opening,) = _stems(LEADS, "高水平对外开放")
    assert opening.startswith("40年来，深圳……年均增长26.1%"), opening
    (plan,) = _stems(OPENINGS, "十二五")
    assert plan.startswith("过去的一年，……"), plan


def test_no_stem_opens_on_for_example_or_on_the_second_half_of_a_pair() -> None:
    (path,) = _stems(OPENINGS, "路径依赖")
    assert path.startswith("对发展模式的“（"), path
    (factions,) = _stems(OPENINGS, "分散主义")
    assert factions.startswith("既可以最大限度激发全党创造活力，又可以"), factions


def test_a_quoted_copula_is_no_subject_and_a_correlative_goes_whole() -> None:
    for key in ("失责必问", "问责必严", "惩前毖后", "治病救人"):
        (stem,) = _stems(OPENINGS, key)
        assert stem.startswith("《条例》以党章为根本遵循，体现了“依规依纪"), stem
        assert stem.endswith("层层落实责任”原则。"), stem
