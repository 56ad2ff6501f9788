"""Sixteenth session, helper "agent20": stems whose subject is a place or body opening an earlier
clause of the sentence (浙江把…，|以整治环境…; 中国共产党自…以来，|始终把…; 南昌起义打响…，|标志着…;
blind19 RA #7, #26, RE/RF #21, RE #36). Stems as the learner sees them."""

from pathlib import Path

from quizapp.generation import builders, generate_questions

HELDOUT = Path(__file__).resolve().parent.parent / "bench" / "heldout_texts"


def _topic(text: str, stem_from: str, key: str) -> str:
    """The window from ``stem_from`` to the sentence's end, the key marked, after the step."""
    stem = text[text.index(stem_from) :]
    at = text.index(key)
    la = at - text.index(stem_from)
    got, gla, glb = builders._with_topic_agent(text, stem, la, la + len(key), at, at + len(key))
    assert not got or got[gla:glb] == key
    return got


def test_a_place_opening_the_sentence_leads_the_stem_with_an_ellipsis():
    text = (
        "浙江把这些重要理念和要求贯穿实施“千万工程”全过程各阶段，以整治环境“脏乱差”为先手棋，"
        "全面推进农村环境“三大革命”，全力推进农业面源污染治理，开展“无废乡村”建设，实施生态修复，"
        "不断擦亮生态底色。"
    )
    got = _topic(text, "以整治环境", "三大革命")
    assert got.startswith("浙江……以整治环境“脏乱差”为先手棋，全面推进农村环境“三大革命”")


def test_a_short_topic_clause_goes_in_whole():
    text = (
        "中国共产党自一九二一年成立以来，始终把为中国人民谋幸福、为中华民族谋复兴作为自己的初心使命，"
        "始终坚持共产主义理想和社会主义信念。"
    )
    got = _topic(text, "始终把", "为中国人民谋幸福")
    assert got.startswith("中国共产党自一九二一年成立以来，始终把为中国人民谋幸福")


def test_what_an_event_signifies_keeps_the_event():
    text = (
        "南昌起义打响武装反抗国民党反动派的第一枪，标志着中国共产党独立领导革命战争、"
        "创建人民军队和武装夺取政权的开端。"
    )
    assert _topic(text, "标志着", "武装夺取政权") == text


def test_a_clause_with_a_subject_of_its_own_is_left_alone():
    text = "浙江把改革贯穿始终，各地按照党中央部署推进改革，取得了显著成效。"
    stem = text[text.index("各地") :]
    at = text.index("党中央部署")
    la = at - text.index("各地")
    got = builders._with_topic_agent(text, stem, la, la + 5, at, at + 5)
    assert got == (stem, la, la + 5)


def test_blind19_stems_carry_their_agent():
    def stems(name: str) -> dict[str, str]:
        text = (HELDOUT / name).read_text(encoding="utf-8")
        return {
            "".join(q.answer) if isinstance(q.answer, list) else q.answer: q.stem
            for q in generate_questions(text, seed=0)
            if q.kind == "cloze"
        }

    qianwan = stems("diaoyan_qianwan_gongcheng_2023.txt")
    assert qianwan["三大革命"].startswith("浙江……以整治环境")
    chuangxin = stems("article_chuangxin_siwei_zhejiang_2021.txt")
    assert chuangxin["八八战略"].startswith("习近平同志……坚持继承与创新相统一")
    jueyi = stems("jueyi_bainian_fendou_2021_xuyan_sec1-2.txt")
    assert jueyi["武装夺取政权"].startswith("南昌起义打响武装反抗国民党反动派的第一枪，标志着")
    assert jueyi["为中国人民谋幸福"].startswith("中国共产党自一九二一年成立以来，始终把")
