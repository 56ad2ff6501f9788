"""Options that are also right or of another era, accepted spellings and 解析 (sixteenth session,
helper "lures19": the blind19 rounds RA–RF, docs/quality.md "Sixteenth session: blind19")."""

from __future__ import annotations

from conftest import heldout_bank

from quizapp.generation import check_answer, load_lexicon

JUEYI = "jueyi_bainian_fendou_2021_xuyan_sec1-2"
BOAO = "speech_xi_boao_nianhui_2015"
QIANWAN = "diaoyan_qianwan_gongcheng_2023"


def _options_of(bank, kinds=("single", "multiple")) -> list[tuple[str, list[str]]]:
    return [(q.stem, list(q.options)) for q in bank if q.kind in kinds]


def test_no_event_named_by_its_date_among_kinds_of_movement() -> None:
    # RD #33, RE #31, RF #31: 发动工人运动、（青年运动、农民运动、妇女运动） offered 五卅运动 (a
    # 工人运动 the Party led in the 大革命) and 五四运动 (a 青年运动): right as well
    for stem, options in _options_of(heldout_bank(JUEYI)):
        if "工人运动" in stem:
            assert not {"五卅运动", "五四运动"} & set(options), (stem, options)


def test_no_kind_of_movement_among_named_events() -> None:
    # the mirror: 太平天国运动、（洋务运动）、戊戌变法、义和团运动 offered 工人运动, 妇女运动 (and,
    # once the 多选 above was gone, was served at 2004–2006 with 青年运动, 农民运动: 太平天国 was
    # a peasant movement)
    kinds = {"工人运动", "农民运动", "青年运动", "妇女运动", "学生运动"}
    for stem, options in _options_of(heldout_bank(JUEYI)):
        if "太平天国运动" in stem:
            assert not kinds & set(options), (stem, options)


def test_no_other_name_of_a_listed_system_among_the_lures() -> None:
    # RE #38, RF #33: 新型政党制度 is the 2018 name of 中国共产党领导的多党合作和政治协商制度
    for stem, options in _options_of(heldout_bank(JUEYI)):
        if "人民代表大会制度" in options or "当家作主提供了制度保证" in stem:
            assert "新型政党制度" not in options, (stem, options)


def test_the_new_name_is_no_lure_of_the_system_it_names() -> None:
    lex = load_lexicon()
    assert "新型政党制度" in lex.names["中国共产党领导的多党合作和政治协商制度"]
    assert "中国共产党领导的多党合作和政治协商制度" in lex.names["新型政党制度"]
    # another name only: never graded right in the other's blank
    assert "新型政党制度" not in lex.aliases.get("中国共产党领导的多党合作和政治协商制度", ())


def test_the_three_mountains_take_enemies_of_their_own_era() -> None:
    # RB #31, RC #31: 推翻（　　）三座大山 offered 多边主义 (which China advocates) and 单边主义 (a
    # present-day trend); 反对帝国主义、霸权主义、（　　）、种族主义 of the 1950s–70s as well
    bank = heldout_bank(JUEYI)
    asked = 0
    for stem, options in _options_of(bank):
        if "三座大山" in stem or "帝国主义" in stem or "帝国主义" in options:
            asked += 1
            assert not {"多边主义", "单边主义", "保护主义", "命令主义"} & set(options), (
                stem,
                options,
            )
    assert asked  # (the 三座大山 多选 and the formula's own questions stay)
    multi = [q for q in bank if q.kind == "multiple" and q.stem.endswith("三座大山。")]
    # (enemies of the vocabulary or foils of the 三座大山: 殖民主义, 资本主义, 修正主义 …)
    assert multi and set(multi[0].options) - set(multi[0].answer) <= {
        "殖民主义",
        "种族主义",
        "霸权主义",
        "修正主义",
        "资本主义",
    }


def test_a_text_naming_no_other_enemy_gets_the_enemies_of_the_vocabulary() -> None:
    # report19's 推翻压在中国人民头上的（　　）三座大山 drew 集体主义 (a virtue); this text drew
    # 爱国主义 and 单边主义
    from quizapp.generation import generate_questions

    text = (
        "我们党深刻认识到，实现中华民族伟大复兴，必须推翻压在中国人民头上的帝国主义、"
        "封建主义、官僚资本主义三座大山，实现民族独立、人民解放、国家统一、社会稳定。"
        "我们要坚持集体主义、爱国主义，弘扬社会主义核心价值观。"
    )
    multi = [q for q in generate_questions(text) if q.template == "multi_enum"]
    assert multi
    for q in multi:
        lures = set(q.options) - set(q.answer)
        assert not lures & {"集体主义", "爱国主义", "单边主义", "多边主义"}, q.options


def test_a_present_day_trend_stays_a_lure_among_present_day_trends() -> None:
    from quizapp.generation.builders import _enemy_misfit

    lex = load_lexicon()
    history = ("帝国主义", "封建主义", "官僚资本主义")
    assert _enemy_misfit(lex, "单边主义", history)
    assert _enemy_misfit(lex, "多边主义", history)
    assert not _enemy_misfit(lex, "殖民主义", history)
    assert not _enemy_misfit(lex, "修正主义", history)  # (a foil of the 三座大山)
    today = ("霸权主义", "单边主义", "保护主义")
    assert not _enemy_misfit(lex, "零和博弈", today)
    # a list of no enemies is none of this rule's business
    assert not _enemy_misfit(lex, "多边主义", ("理论创新", "制度创新", "文化创新"))


def test_the_three_mountains_are_cited_where_the_text_names_them() -> None:
    # RC #32, RE #30: the 出处 was 反对帝国主义、封建主义、官僚资本主义, which never says 三座大山;
    # the 解析 cited 《中国共产党简史》等 with no date
    lex_items = [q for q in heldout_bank(JUEYI) if q.template.startswith("lex") and q.formula]
    mountains = [q for q in lex_items if "三座大山" in q.explanation and "三座大山" in q.stem]
    assert mountains
    for q in mountains:
        assert "三座大山" in q.source
        assert "《中国共产党简史》等" not in q.explanation
        assert "1945" in q.explanation and "决议" in q.explanation


def test_one_near_synonym_of_a_core_value_at_most() -> None:
    # RE #5: 正义 and 公平 both paraphrase the member 公正: a wording trap used twice
    # (each alone stays a fair lure: 下列不属于… with the answer 正义 was judged usable 7 times)
    from quizapp.generation import generate_questions

    values = load_lexicon().get("社会主义核心价值观")
    assert {"公平", "正义"} <= set(values.foils) and ("公平", "正义") in values.near_foils
    text = (
        "2023年5月1日\n要大力弘扬社会主义核心价值观，引导人们明大德、守公德、严私德。"
        "富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善，"
        "是社会主义核心价值观的基本内容。"
    )
    asked = 0
    for seed in range(12):
        for q in generate_questions(text, seed=seed):
            if q.formula == "社会主义核心价值观" and q.kind in ("single", "multiple"):
                asked += 1
                assert not {"公平", "正义"} <= set(q.options), (q.template, q.options)
    assert asked


def test_the_asian_african_conference_is_accepted_for_bandung() -> None:
    # RC #33: 亚非会议 is the conference's official name
    cloze = [q for q in heldout_bank(BOAO) if q.kind == "cloze" and q.answer == ["万隆会议"]]
    assert cloze
    for q in cloze:
        assert check_answer(q, ["亚非会议"])


def test_a_2015_text_accepts_the_wording_of_its_day_for_the_second_centenary_goal() -> None:
    # RA #35: 社会主义现代化国家 was the wording until the 十九大 (2017), when this speech was given
    lex_cloze = [
        q
        for q in heldout_bank(BOAO)
        if q.template == "lex_cloze" and q.answer == ["社会主义现代化强国"]
    ]
    assert lex_cloze
    for q in lex_cloze:
        assert check_answer(q, ["社会主义现代化国家"])
        assert check_answer(q, ["社会主义现代化强国"])
        assert "早于此" in q.explanation


def test_a_later_text_keeps_the_current_wording_only() -> None:
    from quizapp.generation import generate_questions

    text = (
        "2022年10月16日\n"
        "我们要牢记“两个一百年”奋斗目标，在新中国成立一百年时建成富强民主文明和谐美丽的"
        "社会主义现代化强国，团结带领全国各族人民不懈奋斗。"
    )
    lex_cloze = [
        q
        for q in generate_questions(text)
        if q.template == "lex_cloze" and q.answer == ["社会主义现代化强国"]
    ]
    assert lex_cloze
    for q in lex_cloze:
        assert not check_answer(q, ["社会主义现代化国家"])


def test_the_four_comprehensives_list_of_2015_is_dated_in_every_item() -> None:
    # RA #34, RC #34, RF #50: a 2015 speech's 全面建成小康社会、全面深化改革… needs the 2020 change
    items = [q for q in heldout_bank(BOAO) if "中国人民正在按照" in q.stem]
    assert items
    for q in items:
        assert "全面建设社会主义现代化国家" in q.explanation, (q.template, q.explanation)
        assert "2020" in q.explanation


def test_the_three_rural_issues_are_not_said_to_be_coined_in_2003() -> None:
    # RF #3: the term is of the 1990s; 2003 is the 重中之重 wording
    rural = load_lexicon().get("三农")
    assert "1990年代" in rural.origin and "重中之重" in rural.origin
