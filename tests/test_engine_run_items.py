"""Fourteenth session, helper "runs": 填空 over one item of a run whose slot a standard list
fills with another item (pipeline._rival_slot_blank, dropped from the bank)."""

from quizapp.generation import generate_questions
from quizapp.generation.pipeline import bank_with_reasons


def _clozes(text):
    return {q.answer[0] for q in generate_questions(text, seed=0) if q.template == "cloze"}


def test_a_standard_list_printed_in_part_leaves_its_slot_open():
    # 社会公德、职业道德、家庭美德、个人品德: 职业道德 fits either blank (fresh F2 #28, FD #29, FF #29,
    # F7 #21); 不作为、慢作为、乱作为: 慢作为 fits (blind15 LC #12, blind16 ND #12)
    text = (
        "政治审查的主要内容是：对党的理论和路线方针政策的态度，政治历史和在重大政治斗争中的表现，"
        "遵纪守法和遵守社会公德、家庭美德以及网络行为表现的情况。"
        "要强化责任担当，对那些不作为、乱作为的干部，对那些工作不投入、不深入的干部，要及时问责，"
        "问题严重的要就地免职。"
    )
    clozes = _clozes(text)
    for key in ("社会公德", "家庭美德", "不作为", "乱作为"):
        assert key not in clozes, key
    _, why = bank_with_reasons(text, undropped=True)
    assert list(why.values()).count("rival_slot") == 4


def test_an_older_list_whose_last_slot_a_later_list_fills():
    # the 十八届四中全会 eight kinds of supervision end on 舆论监督; the 二十大 list puts 群众监督,
    # 财会监督, 统计监督 beside it (blind16 ND #41, NF #37, OB #39, OD #41, OF #33); the items the
    # list pins between printed neighbours stay
    text = (
        "我们党着力加强党内监督、人大监督、民主监督、行政监督、司法监督、审计监督、社会监督、"
        "舆论监督制度建设，让权力在阳光下运行。"
    )
    clozes = _clozes(text)
    assert "舆论监督" not in clozes
    assert {"人大监督", "民主监督", "司法监督", "审计监督"} <= clozes


def test_the_single_on_the_slot_stays():
    # 文化强国、（教育强国）、人才强国: the 二十大 list's 科技强国 fits the 填空; the 单选, whose
    # lures keep off the list, is how the slot is asked (a rival slot is no weak twin)
    text = (
        "全会提出了到二〇三五年基本实现社会主义现代化远景目标，这就是：建成文化强国、教育强国、"
        "人才强国、体育强国、健康中国，国民素质和社会文明程度达到新的高度。"
    )
    bank = generate_questions(text, seed=0)
    assert not any(q.template == "cloze" and q.answer == ["教育强国"] for q in bank)
    single = next(q for q in bank if q.kind == "single" and q.answer == "教育强国")
    assert "科技强国" not in single.options and not single.weak


def test_runs_a_list_pins_or_that_share_no_edge_stay():
    # the order of a standard list pins the slot (德才兼备、以德为先、任人唯贤; 解放思想、实事求是),
    # and so does a list's pair printed the other way round (政治方向、政治立场 of the 政治纪律,
    # blind16 OA #32 usable, beside the list 政治立场、政治方向、政治原则、政治道路);
    # 劳动光荣、创造伟大 is a saying of two whose items share no edge (its four-item list's
    # 知识崇高 notwithstanding): judged usable every time
    text = (
        "新时代党的组织路线提出坚持德才兼备、以德为先、任人唯贤的方针，就是强调选干部、用人才"
        "既要重品德，又要重才干。我们必须坚持解放思想、实事求是，坚持真理、修正错误。"
        "劳动是人类的本质活动，劳动光荣、创造伟大是对人类文明进步规律的重要诠释。"
        "党的纪律是刚性约束，政治纪律更是全党在政治方向、政治立场、政治言论、政治行动方面"
        "必须遵守的刚性约束。"
    )
    clozes = _clozes(text)
    keys = ("以德为先", "任人唯贤", "解放思想", "实事求是", "劳动光荣", "创造伟大", "政治立场")
    for key in keys:
        assert key in clozes, key
