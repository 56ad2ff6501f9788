"""Eighteenth session, helper "reach": a stem that opens on a word whose sense lies in the
sentence before it (但是…, 另一方面…, 这两股歪风…, 二者…, 它…) is served last."""

from quizapp.generation import builders, generate_questions

# 二者 sums up 形式主义、官僚主义 named the short sentence before; 这两股歪风 leans on 二者
_TEXT = (
    "当前，形式主义、官僚主义在一些地方和部门仍然比较突出。"
    "二者都是严重脱离群众、为群众所痛恨的不良工作作风和领导作风。"
    "这两股歪风尽管表现形式不同，其实同出于唯心主义、个人主义的胎胞，"
    "又与我国封建社会形成的“官本位”意识密切相关。"
)
# 另一方面 turns from a 一方面 the stem cannot show (the sentence is too long to take whole)
_TURN = (
    "现在，突出的问题是，在一些党员、干部甚至一些领导干部中，一方面比较普遍地存在不重视学习、"
    "不重视理论、不重视研究新情况新问题的现象，满足于凭老经验办事；另一方面不同程度地存在"
    "理论与实际相脱离、搞教条主义或经验主义的思想倾向。"
    "我们要坚持实事求是的思想路线，坚持一切从实际出发、理论联系实际。"
)


def _asked(text: str, prefix: str):
    return [q for q in generate_questions(text, seed=0) if q.stem.startswith(prefix)]


def test_a_stem_turning_from_what_it_cannot_show_is_served_last():
    asked = _asked(_TURN, "另一方面")
    assert asked, [q.stem for q in generate_questions(_TURN, seed=0)]
    assert all(q.weak for q in asked), [(q.stem, q.weak) for q in asked]


def test_a_stem_naming_its_own_subject_is_not_marked_for_it():
    own = _asked(_TEXT, "当前，")  # (the sentence that names 形式主义、官僚主义)
    assert own and not any(q.weak for q in own), [(q.stem, q.weak) for q in own]


def test_a_pair_takes_in_the_sentence_naming_it_and_a_pair_of_a_pair_is_not_asked():
    qs = generate_questions(_TEXT, seed=0)
    for q in qs:
        if "二者都是" in q.stem:
            assert q.stem.startswith("当前，形式主义、官僚主义"), q.stem
        assert not q.stem.startswith(("二者", "这两股歪风")), q.stem


def test_which_openings_point_back_past_the_sentence():
    for stem in (
        "但是至少需要（　　），不然会囿于见闻。",
        "另一方面不同程度地存在理论与实际相脱离、搞（　　）的思想倾向。",
        "那末，就得和群众（　　）。",
        "这两个方面有机结合，并充满（　　）。",
        "这种精神，就是（　　）的精神。",
        "二者都是（　　）。",
        "它既是党的根本组织原则，也是（　　）在党的生活中的运用。",
    ):
        assert builders.opens_pointing_back(stem), stem
    for stem in (
        "这次新冠肺炎疫情，是新中国成立以来传播速度最快、（　　）的重大突发公共卫生事件。",
        "这几年，我国文化建设在（　　）、守正创新中取得历史性成就。",
        "这五年，我们加强团结民主，社会主义民主（　　）充分展示。",
        "他们同全国各族人民一道，铸就了（　　）的伟大抗疫精神。",
        "我们坚持（　　）。",
    ):
        assert not builders.opens_pointing_back(stem), stem


def test_a_pronoun_opening_takes_in_the_short_sentence_it_points_to():
    text = (
        "党是根据自己的纲领和章程，按照民主集中制组织起来的统一整体。"
        "民主集中制是民主基础上的集中和集中指导下的民主相结合。"
        "它既是党的根本组织原则，也是群众路线在党的生活中的运用。"
    )
    asked = [q for q in generate_questions(text, seed=0) if "群众路线在党的生活" in q.source]
    assert asked, [q.stem for q in generate_questions(text, seed=0)]
    for q in asked:
        assert q.stem.startswith("民主集中制是民主基础上的集中"), q.stem
