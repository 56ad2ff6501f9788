"""Eighteenth session, helper "reach": a stem that opens on a word whose sense lies in the
sentence before it (但是…, 另一方面…, 这两股歪风…, 二者…, 它…) is served last."""

from quizapp.generation import builders, generate_questions

# 二者 and 这两股歪风 sum up 形式主义、官僚主义 named the sentence before; 另一方面 turns from it
_TEXT = (
    "当前，形式主义、官僚主义在一些地方和部门仍然比较突出。"
    "二者都是严重脱离群众、为群众所痛恨的不良工作作风和领导作风。"
    "这两股歪风尽管表现形式不同，其实同出于唯心主义、个人主义的胎胞，"
    "又与我国封建社会形成的“官本位”意识密切相关。"
    "一方面，广大党员干部认真学习马克思主义理论；"
    "另一方面，一些干部不同程度地存在理论与实际相脱离、搞教条主义或经验主义的思想倾向。"
    "我们必须坚持实事求是的思想路线，坚持一切从实际出发、理论联系实际。"
)


def _asked(prefix: str):
    return [q for q in generate_questions(_TEXT, seed=0) if q.stem.startswith(prefix)]


def test_a_stem_summing_up_the_sentence_before_is_served_last():
    asked = _asked("二者") + _asked("这两股歪风")
    assert asked, [q.stem for q in generate_questions(_TEXT, seed=0)]
    assert all(q.weak for q in asked), [(q.stem, q.weak) for q in asked]


def test_a_stem_naming_its_own_subject_is_not_marked_for_it():
    own = _asked("当前，")  # (the sentence that names 形式主义、官僚主义)
    assert own and not any(q.weak for q in own), [(q.stem, q.weak) for q in own]


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
