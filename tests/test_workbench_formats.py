"""Bank formats without an app: question rules, Excel import, JSON round trip, Moodle GIFT."""

from __future__ import annotations

import io
import json
import re
import time

import pytest
from conftest import SAMPLE_QUESTIONS, SHEET_XML, xlsx_bytes, xlsx_with_sheet
from openpyxl import load_workbook

from quizapp.generation.model import BLANK
from quizapp.workbench import exporting, importing
from quizapp.workbench.questions import QuestionError, answer_to_text, build_question

# ------------------------------------------------------------------ question rules


@pytest.mark.parametrize(
    ("kind", "options", "answer", "expected"),
    [
        ("single", ["甲", "乙", "丙"], "b", "乙"),
        ("single", ["甲", "乙", "丙"], "Ｃ", "丙"),
        ("single", ["甲", "乙", "丙"], "乙", "乙"),
        ("multiple", ["甲", "乙", "丙", "丁"], "DB", ["乙", "丁"]),
        ("multiple", ["甲", "乙", "丙", "丁"], "A、C,D", ["甲", "丙", "丁"]),
        ("judge", [], "√", True),
        ("judge", [], "错误", False),
        ("judge", ["正确", "错误"], "B", False),
    ],
)
def test_answers_written_the_way_banks_write_them(kind, options, answer, expected):
    fields = build_question(kind, "题干（　　）", options, answer)
    assert fields["answer"] == expected


@pytest.mark.parametrize(
    ("kind", "stem", "options", "answer", "message"),
    [
        ("single", "", ["甲", "乙"], "A", "题干为空"),
        ("single", "题干", ["甲"], "A", "至少要有两个选项"),
        ("single", "题干", ["甲", "乙"], "E", "不是已有的选项"),
        ("single", "题干", ["甲", "", "丙"], "A", "选项B为空"),
        ("single", "题干", ["甲", "甲"], "A", "内容相同"),
        ("multiple", "题干", ["甲", "乙", "丙"], "AD", "不存在的选项"),
        ("judge", "题干", [], "也许", "无法识别"),
        ("cloze", "没有空的题干", [], "答案", "没有空"),
        ("cloze", "两个空____和____", [], "甲", "答案却有 1 个"),
        ("single", "题干", ["甲", "乙"], "", "答案为空"),
    ],
)
def test_bad_questions_are_refused_with_the_reason(kind, stem, options, answer, message):
    with pytest.raises(QuestionError) as info:
        build_question(kind, stem, options, answer)
    assert message in info.value.message


def test_cloze_blanks_of_other_tools_become_the_engine_blank():
    fields = build_question("cloze", "坚定“四个____”，做到“两个（ ）”", [], "自信|维护")
    assert fields["stem"] == f"坚定“四个{BLANK}”，做到“两个{BLANK}”"
    assert fields["answer"] == ["自信", "维护"]
    assert fields["accepted"] == [["自信"], ["维护"]]


def test_multiple_answers_are_written_in_option_order():
    assert answer_to_text("multiple", ["甲", "乙", "丙", "丁"], ["丁", "甲", "丙"]) == "ACD"


# ------------------------------------------------------------------ Excel import


def test_template_layout_round_trips_every_kind():
    data = exporting.to_xlsx(SAMPLE_QUESTIONS)
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == exporting.TEMPLATE_HEADER
    assert len(rows) == 1 + len(SAMPLE_QUESTIONS)
    assert rows[2][exporting.TEMPLATE_HEADER.index("答案")] == "ABD"  # 多选 in option order
    parsed = importing.parse_xlsx(data)
    assert parsed.rejected == [] and parsed.unmapped == []
    for (_row, fields), sample in zip(parsed.questions, SAMPLE_QUESTIONS, strict=True):
        assert (fields["kind"], fields["stem"], fields["options"], fields["answer"]) == (
            sample["kind"],
            sample["stem"],
            sample["options"],
            sample["answer"],
        )


def test_header_variants_title_row_and_trailing_empties():
    data = xlsx_bytes(
        [
            ["2024年第二季度党建知识题库", None, None],
            [],
            [
                "序号",
                "题目类型",
                "题目",
                "A",
                "B",
                "C",
                "D",
                "正确答案",
                "答案解析",
                "知识点",
                None,
                None,
            ],
            [
                1,
                "单选题",
                "“四个意识”中居于核心地位的是（ ）",
                "政治意识",
                "大局意识",
                "核心意识",
                "看齐意识",
                "C",
                "",
                "四个意识",
                None,
            ],
            [
                2,
                "多选题",
                "属于“四个自信”的有（ ）",
                "道路自信",
                "理论自信",
                "忧患意识",
                "文化自信",
                "ABD",
                "",
                "",
                None,
            ],
            [
                3,
                "判断题",
                "“两个维护”是党的政治纪律。",
                None,
                None,
                None,
                None,
                "正确",
                "",
                "",
                None,
            ],
            [
                4,
                "填空题",
                "党的政治建设是党的____建设",
                None,
                None,
                None,
                None,
                "根本性",
                "",
                "",
                None,
            ],
            [None] * 12,
            [None] * 12,
        ]
    )
    parsed = importing.parse_xlsx(data)
    assert parsed.title == "2024年第二季度党建知识题库"
    assert parsed.unmapped == ["序号"]
    assert parsed.rejected == []
    assert [row for row, _ in parsed.questions] == [4, 5, 6, 7]
    kinds = [f["kind"] for _, f in parsed.questions]
    assert kinds == ["single", "multiple", "judge", "cloze"]
    assert parsed.questions[0][1]["tags"] == ["四个意识"]
    assert parsed.questions[2][1]["answer"] is True


def test_bad_rows_are_reported_with_excel_row_numbers_and_good_rows_kept():
    data = xlsx_bytes(
        [
            ["题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "标签", "难度"],
            ["单选", "好题一（　　）", "甲", "乙", "丙", "A", "", "", "易"],
            ["单选", "答案越界（　　）", "甲", "乙", "丙", "E", "", "", ""],
            ["问答", "不认识的题型", "", "", "", "随便", "", "", ""],
            ["多选", "", "甲", "乙", "丙", "AB", "", "", ""],
            ["判断", "判断题答案不对", "", "", "", "可能", "", "", ""],
            ["填空", "两个空____和____", "", "", "", "只有一个", "", "", ""],
            ["单选", "好题二（　　）", "甲", "乙", "", "b", "", "", ""],
        ]
    )
    parsed = importing.parse_xlsx(data)
    assert [row for row, _ in parsed.questions] == [2, 8]
    reasons = {r["row"]: r["reason"] for r in parsed.rejected}
    assert sorted(reasons) == [3, 4, 5, 6, 7]
    assert "E" in reasons[3] and "不是已有的选项" in reasons[3]
    assert "问答" in reasons[4]
    assert reasons[5] == "题干为空"
    assert "判断" in reasons[6]
    assert "2 个空" in reasons[7]
    assert parsed.unmapped == ["难度"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "空"),
        (b"\xd0\xcf\x11\xe0" + b"\0" * 100, ".xls"),
        (b"not a zip at all", "不是有效的 .xlsx"),
    ],
)
def test_unreadable_workbooks_get_one_clear_message(data, message):
    with pytest.raises(importing.BankFileError) as info:
        importing.parse_xlsx(data)
    assert message in info.value.message


def test_workbook_without_a_header_is_refused():
    with pytest.raises(importing.BankFileError) as info:
        importing.parse_xlsx(xlsx_bytes([["名单"], ["张三", "李四"]]))
    assert "表头" in info.value.message


def test_downloadable_template_has_the_header_and_imports_nothing():
    data = exporting.template_xlsx()
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert [c.value for c in sheet[1]] == exporting.TEMPLATE_HEADER
    parsed = importing.parse_xlsx(data)
    assert parsed.questions == [] and parsed.rejected == []


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formula_like_text_is_written_as_text_and_imports_back_unchanged(start):
    options = [f"{start}1+1", "大局意识", "核心意识", "看齐意识"]
    question = dict(
        SAMPLE_QUESTIONS[0], stem=f"{start}SUM(A1)（　　）", options=options, answer="核心意识"
    )
    data = exporting.to_xlsx([question])
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    for cell in (sheet["B2"], sheet["C2"]):
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    (_, fields), *_ = importing.parse_xlsx(data).questions
    assert fields["stem"] == f"{start}SUM(A1)（　　）" and fields["options"] == options


def test_exporting_a_big_bank_takes_linear_time():
    """5,000 questions once took 105 s (every row re-read the sheet's size); now about 1 s.
    Four times the rows must cost about four times the time, not sixteen (a ratio, not a time
    limit: on a loaded machine a limit in seconds failed a linear export)."""

    def bank(n: int) -> list[dict]:
        return [
            dict(sample, stem=f"{sample['stem']}{k}", tags=["作风"])
            for k in range(n)
            for sample in [SAMPLE_QUESTIONS[k % 4]]
        ]

    def seconds(questions: list[dict]) -> float:
        runs = []
        for _ in range(2):
            started = time.perf_counter()
            exporting.to_xlsx(questions)
            runs.append(time.perf_counter() - started)
        return min(runs)

    small, big = bank(750), bank(3000)
    assert seconds(big) < 8 * seconds(small)
    assert len(importing.parse_xlsx(exporting.to_xlsx(big)).questions) == 3000


@pytest.mark.parametrize(
    "sheet_xml",
    [
        SHEET_XML + b'<sheetData><row r="1"><c r="ZZZZZZ9"><v>1</v></c></row></sheetData>'
        b"</worksheet>",
        SHEET_XML + b'<sheetData><row r="1"><c r="A1" t="n"><v>x</v></c></row></sheetData>'
        b"</worksheet>",
        b"<worksheet><sheetData><row><c r='A1'",
    ],
    ids=["bad-reference", "bad-number", "cut-off-xml"],
)
def test_a_sheet_broken_inside_gets_one_clear_message(sheet_xml):
    """The sheet is read lazily: its cells only fail while the rows are read."""
    with pytest.raises(importing.BankFileError) as info:
        importing.parse_xlsx(xlsx_with_sheet(sheet_xml))
    assert "无法读取这个 .xlsx 文件" in info.value.message


# ------------------------------------------------------------------ JSON


def test_json_round_trip_keeps_every_engine_field():
    questions = [
        dict(
            q,
            id=f"q{i}",
            accepted=q.get("accepted", []),
            ordered=True,
            paragraph=i,
            difficulty=0.4,
            template="t",
            formula=None,
            tags=["标签"],
        )
        for i, q in enumerate(SAMPLE_QUESTIONS)
    ]
    text = exporting.to_json(questions)
    parsed = importing.parse_json(text.encode("utf-8"))
    assert parsed.rejected == []
    assert len(parsed.questions) == len(questions)
    again = [dict(fields, id=fields.pop("uid")) for _, fields in parsed.questions]
    assert json.loads(exporting.to_json(again)) == json.loads(text)


def test_json_rejects_bad_items_by_position():
    payload = [
        SAMPLE_QUESTIONS[0],
        {"kind": "single", "stem": "x", "options": ["a", "b"], "answer": "c"},
        "not an object",
        {"kind": "essay", "stem": "x"},
    ]
    parsed = importing.parse_json(json.dumps(payload, ensure_ascii=False).encode())
    assert [row for row, _ in parsed.questions] == [1]
    assert [r["row"] for r in parsed.rejected] == [2, 3, 4]


def test_json_that_is_not_json_is_refused():
    with pytest.raises(importing.BankFileError):
        importing.parse_json(b"{oops")


# ------------------------------------------------------------------ Moodle GIFT

GIFT_SPECIAL = "~=#{}:"


def split_unescaped(text: str, chars: str) -> list[tuple[str, str]]:
    """Split GIFT answer text at unescaped marker characters: [(marker, text), ...]."""
    parts: list[tuple[str, str]] = []
    marker, buf, i = "", [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            buf.append(text[i : i + 2])
            i += 2
            continue
        if ch in chars:
            if buf or marker:
                parts.append((marker, "".join(buf)))
            marker, buf = ch, []
        else:
            buf.append(ch)
        i += 1
    parts.append((marker, "".join(buf)))
    return parts


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            assert nxt in GIFT_SPECIAL + "\\n", f"unknown escape \\{nxt}"
            out.append("\n" if nxt == "n" else nxt)
            i += 2
        else:
            assert text[i] not in GIFT_SPECIAL, f"unescaped {text[i]!r} in {text!r}"
            out.append(text[i])
            i += 1
    return "".join(out)


def find_unescaped(text: str, ch: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == ch:
            return i
        i += 1
    return -1


def parse_gift(text: str) -> list[dict]:
    """A small GIFT parser: title, stem (before + after the answer block), answers, feedback."""
    questions = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [
            ln
            for ln in block.splitlines()
            if not ln.startswith("//") and not ln.startswith("$CATEGORY")
        ]
        body = "\n".join(lines).strip()
        if not body:
            continue
        assert body.startswith("::"), body
        end_title = find_unescaped(body, ":", 2)
        assert body[end_title : end_title + 2] == "::"
        title = unescape(body[2:end_title])
        rest = body[end_title + 2 :]
        open_at = find_unescaped(rest, "{")
        close_at = find_unescaped(rest, "}", open_at + 1)
        assert open_at >= 0 and close_at > open_at, "answer block missing"
        assert (
            find_unescaped(rest, "{", open_at + 1) in (-1,)
            or find_unescaped(rest, "{", open_at + 1) > close_at
        )
        assert find_unescaped(rest, "{", close_at + 1) == -1, "two answer blocks"
        inner = rest[open_at + 1 : close_at]
        feedback = ""
        hash_at = inner.find("####")
        if hash_at >= 0:
            feedback = unescape(inner[hash_at + 4 :].strip())
            inner = inner[:hash_at]
        answers = []
        if inner.strip() in ("TRUE", "FALSE", "T", "F"):
            answers = [("bool", inner.strip())]
        else:
            for marker, value in split_unescaped(inner.strip(), "~="):
                assert marker in "~=", f"text outside an answer: {value!r}"
                weight = None
                match = re.match(r"^%(-?\d+(?:\.\d+)?)%", value)
                if match:
                    weight = float(match.group(1))
                    value = value[match.end() :]
                answers.append((marker, weight, unescape(value.strip())))
        questions.append(
            {
                "title": title,
                "before": unescape(rest[:open_at].strip()),
                "after": unescape(rest[close_at + 1 :].strip()),
                "answers": answers,
                "feedback": feedback,
            }
        )
    return questions


def test_gift_output_parses_back_per_kind_with_special_characters_escaped():
    tricky = "含~波浪=等号#井号{花括号}:冒号\\反斜杠"
    questions = [
        dict(
            SAMPLE_QUESTIONS[0],
            options=["政治意识", tricky, "核心意识", "看齐意识"],
            explanation="注意 {这里}",
        ),
        SAMPLE_QUESTIONS[1],
        dict(SAMPLE_QUESTIONS[2], stem="判断：a=b? #1 {x}"),
        dict(SAMPLE_QUESTIONS[3], accepted=[["根本性", "根本"]]),
        dict(
            SAMPLE_QUESTIONS[3],
            stem=f"坚定“四个{BLANK}”，做到“两个{BLANK}”",
            answer=["自信", "维护"],
            accepted=[["自信"], ["维护"]],
        ),
    ]
    parsed = parse_gift(exporting.to_gift(questions, category="测试/材料"))
    assert len(parsed) == 5

    single = parsed[0]
    assert single["before"] == questions[0]["stem"]
    assert [a[2] for a in single["answers"]] == questions[0]["options"]
    assert [a[0] for a in single["answers"]] == ["~", "~", "=", "~"]
    assert single["feedback"] == "注意 {这里}"

    multiple = parsed[1]
    weights = {a[2]: a[1] for a in multiple["answers"]}
    right = SAMPLE_QUESTIONS[1]["answer"]
    assert all(m == "~" for m, _, _ in multiple["answers"])
    assert sum(weights[o] for o in right) == pytest.approx(100, abs=0.01)
    assert all(weights[o] < 0 for o in weights if o not in right)

    judge = parsed[2]
    assert judge["before"] == "判断：a=b? #1 {x}" and judge["answers"] == [("bool", "TRUE")]

    cloze = parsed[3]
    assert cloze["before"] == "党的政治建设是党的"
    assert cloze["after"].startswith("〔3字〕建设")  # the length of 根本性, as the app shows it
    assert [a[2] for a in cloze["answers"]] == ["根本性", "根本"]
    assert all(a[0] == "=" for a in cloze["answers"])

    two_blanks = parsed[4]
    assert two_blanks["before"].startswith("坚定“四个____〔2字〕”，做到“两个____〔2字〕”")
    assert two_blanks["answers"][0][2] == "自信；维护"
