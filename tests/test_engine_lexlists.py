"""The standard lists a 解析 cites (原文所列见…, 另一标准表述（source）为…): each source a 党课
teacher would reject, checked against the dated texts and public pages, and the 原文所列见 line
only where the text's list is the cited one (fourteenth session, helper "lexlists";
docs/generation.md, "Fourteenth session: list sources")."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generation import generate_questions, load_lexicon
from quizapp.generation.builders import _explain_formula, _shown_source, _source_head

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

NINE = "人大监督、民主监督、行政监督、司法监督、审计监督、财会监督、统计监督、群众监督、舆论监督"


def _notes(text: str) -> list[str]:
    """The list notes of every question ``text`` makes: what follows the quoted sentence."""
    out = []
    for q in generate_questions(text, seed=0):
        for opening in (" 原文所列见", " 另一标准表述"):
            at = q.explanation.find(opening)
            if at >= 0:
                out.append(q.explanation[at:])
                break
    return out


def test_the_nine_supervisions_are_not_credited_to_the_20th_congress_report() -> None:
    # the 二十大 report writes 以党内监督为主导，促进各类监督贯通协调 (no list; corpus
    # report20_full.txt); the nine, with 财会监督、统计监督, are the 十九届中央纪委四次全会's
    text = (
        "我们党着力加强党内监督、人大监督、民主监督、行政监督、司法监督、审计监督、社会监督、"
        "舆论监督制度建设，努力形成科学有效的权力运行制约和监督体系，增强监督合力和实效。"
    )
    notes = [n for n in _notes(text) if NINE in n]
    assert notes
    for note in notes:
        assert "二十大报告" not in note, note
        assert "另一标准表述（十九届中央纪委四次全会讲话（2020），监督体系）" in note, note


def test_a_reordered_list_is_not_said_to_be_the_sources_list() -> None:
    # 人大监督 first: the text lists the eight 监督 otherwise than the 十八届四中全会决定 does;
    # 原文所列见党的十八届四中全会决定（2014） would credit the text's order to it
    text = (
        "党的十八大以来，全面从严治党取得显著成效。我们党着力加强人大监督、党内监督、民主监督、"
        "行政监督、司法监督、审计监督、社会监督、舆论监督制度建设，努力形成科学有效的权力运行"
        "制约和监督体系。"
    )
    notes = _notes(text)
    assert any(NINE in n for n in notes)  # (the other wording is still named)
    assert not any("原文所列见" in n for n in notes), notes


def test_the_guiding_thoughts_are_no_wording_of_the_theory_system() -> None:
    # 马克思列宁主义 … 科学发展观 (the 2012 党章's five) against 邓小平理论 … 习近平新时代中国特色
    # 社会主义思想: another list that the text's runs into, not another wording of it
    text = (
        "全会认为，中央政治局以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、"
        "科学发展观为指导，团结带领全党全军全国各族人民，取得了新的重大成就。"
    )
    assert not any("中国特色社会主义理论体系" in n for n in _notes(text))


def test_the_national_strategic_talent_list_is_the_20th_congress_wording() -> None:
    # 大师、战略科学家…高技能人才 is the 二十大 report's seven; the 2021 中央人才工作会议 named
    # 战略科学家、一流科技领军人才和创新团队、青年科技人才、卓越工程师, no 大师
    text = (
        "加快建设国家战略人才力量，培养造就更多战略科学家、科技领军人才、卓越工程师、大国工匠、"
        "高技能人才等各类人才。"
    )
    notes = [n for n in _notes(text) if "大国工匠" in n]
    assert notes
    for note in notes:
        assert "中央人才工作会议" not in note
        assert "（党的二十大报告（2022），国家战略人才力量）" in note, note


def test_a_phrase_without_a_document_names_none() -> None:
    # 想干事、能干事、干成事 was credited to “干部工作表述（2018—）”, no document
    text = "要让干部看到，只要真干事、能干事、干成事，组织上一定会看到，也是不会埋没的。"
    notes = [n for n in _notes(text) if "想干事、能干事、干成事" in n]
    assert notes
    for note in notes:
        assert "干部工作表述" not in note and note.startswith(" 另一标准表述为“"), note


def test_four_obediences_are_dated_from_1938_not_from_the_constitution() -> None:
    text = _explain_formula(load_lexicon().get("四个服从"))
    assert "提出：1938年党的六届六中全会" in text and "党章第十条" in text, text
    assert "提出：《中国共产党章程》第十条" not in text


def test_a_source_is_cut_after_its_document_not_inside_a_bracket() -> None:
    source = "《关于新形势下党内政治生活的若干准则》（党的十八届六中全会，2016-10-27），“坚决反对”"
    assert (
        _source_head(source)
        == "《关于新形势下党内政治生活的若干准则》（党的十八届六中全会，2016-10-27）"
    )
    assert _source_head("党的十九大报告（2017），社会治理体制") == "党的十九大报告（2017）"


# lists whose items condense the report's sentence (两个一百年, 两步走), or whose first member
# another source named in the same entry states (毛泽东, 1945)
CONDENSED = {
    ("让人民监督政府", "自我革命"),
    (
        "在中国共产党成立一百年时全面建成小康社会",
        "在新中国成立一百年时建成富强民主文明和谐美丽的社会主义现代化强国",
    ),
    (
        "从二〇二〇年到二〇三五年基本实现社会主义现代化",
        "从二〇三五年到本世纪中叶把我国建成富强民主文明和谐美丽的社会主义现代化强国",
    ),
}


@pytest.mark.parametrize(
    ("report", "file"), [("十九大报告", "report19_full.txt"), ("二十大报告", "report20_full.txt")]
)
def test_a_list_credited_to_a_congress_report_is_in_that_report(report: str, file: str) -> None:
    # 有效市场、有为政府, 强国建设、民族复兴, the nine 监督 … were credited to the 二十大 report,
    # 家庭农场、农民合作社 to the 十九大's; the complete reports are in the corpus
    path = CORPUS / file
    if not path.is_file():
        pytest.skip(f"{path} not found (the corpus lives in ../shared)")
    said = path.read_text(encoding="utf-8").replace("“", "").replace("”", "")
    lexicon = load_lexicon()
    wrong = [
        (items, source)
        for items, source in zip(lexicon.lists, lexicon.list_sources, strict=False)
        if report in _source_head(_shown_source(source))
        and items not in CONDENSED
        and any(i.replace("“", "").replace("”", "") not in said for i in items)
    ]
    assert not wrong, wrong
