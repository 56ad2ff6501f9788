"""Shortcuts of a text's first generation (an upload) give the verdicts they replace."""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest

from quizapp.generation import builders, generate_questions, normalize, pipeline
from quizapp.generation.jieba_setup import is_word, word_ends, word_table
from quizapp.generation.model import BLANK, Question
from quizapp.generation.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SPEECH = (ROOT / "quizapp" / "data" / "seed_speech.txt").read_text(encoding="utf-8")


def _cuts_a_term_opening_on_the_whole_cut(text: str, at: int) -> bool:
    """The rule as it read before: the dictionary cut of the whole sentence."""
    if not 2 <= at <= len(text) - 2:
        return False
    starts = (0, *word_ends(text))
    lead = next((x for x in range(at - 2, max(-1, at - 5), -1) if x in starts), None)
    if lead is None or at - lead < 2 or at not in starts:
        return False
    left = text[lead:at]
    if left in builders._GOVERNING or builders._han(left) < len(left) or not is_word(left):
        return False
    probe = text[lead : at + 2]
    if builders._han(probe) < len(probe) or is_word(probe):
        return False
    return word_table().get(probe, None) is not None


def test_a_blank_edge_parting_a_term_is_found_as_on_the_whole_sentence() -> None:
    # every edge of every sentence of the speech: the cut up to the edge decides as the whole
    # sentence's cut did (some edges do part a term: the rule is exercised, not vacuous)
    verdicts = [
        (
            builders._cuts_a_term_opening(s.text, at),
            _cuts_a_term_opening_on_the_whole_cut(s.text, at),
        )
        for s in segment(SPEECH).sentences
        for at in range(len(s.text) + 1)
    ]
    assert all(short == whole for short, whole in verdicts)
    assert any(whole for _, whole in verdicts)


@pytest.mark.parametrize(
    ("text", "count"), [("主体功能区", 5), ("“两个确立”", 4), ("2035年", 1), ("", 0)]
)
def test_chinese_characters_are_counted_alike_on_every_call(text: str, count: int) -> None:
    assert builders._han(text) == count
    assert builders._han(text) == count  # (the second answer is the cached one)


def test_an_upload_gets_the_bank_the_text_gets_when_generated_again() -> None:
    def bank() -> list[dict]:
        return [dataclasses.asdict(q) for q in generate_questions(SPEECH, seed=0)]

    first = bank()
    generate_questions("我们要坚定“四个自信”，做到“两个维护”。", seed=0)
    assert bank() == first


@pytest.mark.parametrize(
    ("after", "head", "mate"),
    [
        ("和两种劳动制度", "制度", "两种劳动"),  # 实行（两种教育制度）和两种劳动制度
        ("和个别吸收原则", "原则", "个别吸收"),
        ("与制度", "制度", ""),  # one character: no phrase of its own
        ("和“两种”劳动制度", "制度", ""),  # a quote ends the run before the head
        ("，两种劳动制度", "制度", ""),  # not joined by 和/与
        ("和教育制度和劳动制度", "制度", "教育"),  # the shortest run to the head
    ],
)
def test_the_mate_joined_to_a_key_by_he_shares_its_head(after: str, head: str, mate: str) -> None:
    assert builders._joined_mate(after, head) == mate


def test_a_blank_edge_the_cut_would_not_read_is_passed_without_a_cut() -> None:
    # the quick test never turns away an edge the full rule finds parting a term
    for s in segment(SPEECH).sentences:
        for at in range(2, len(s.text) - 1):
            if _cuts_a_term_opening_on_the_whole_cut(s.text, at):
                assert builders._may_cut_a_term_opening(s.text, at)


def test_the_list_a_blank_stands_in_is_read_alike_for_each_question_of_a_stem() -> None:
    stem = f"构建深度融合的全链条、{BLANK}、开放式协同创新联盟。"

    def cloze(answer: str) -> Question:
        return Question("x", "cloze", stem, [], [answer], [answer], stem, "")

    # (the 填空 and the 单选 of one stem share its run; each question puts its own answer back)
    assert pipeline._blank_run_items(cloze("网络化")) == [
        "全链条",
        "网络化",
        "开放式",
        "开放式协同创新联盟",
    ]
    assert pipeline._blank_run_items(cloze("数字化"))[1] == "数字化"


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a regex source (split on | outside any group or class)."""
    out, depth, in_class, start, k = [], 0, False, 0, 0
    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\":
            k += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
        k += 1
    return [*out, pattern[start:]]


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (builders._SIGNIFICANCE_END, ("意义", "作用")),
        (pipeline._FOREIGN_FLOURISH, ("·", "《")),
    ],
)
def test_a_pattern_searched_only_after_its_words_needs_one_in_every_branch(
    pattern: re.Pattern[str], needs: tuple[str, ...]
) -> None:
    # _ends_on_significance and _foreign_flourish skip the search when the text holds none of
    # ``needs``: a branch added without one of them would never be searched
    body = pattern.pattern[3:-1] if pattern.pattern.startswith("(?:(") else pattern.pattern
    assert all(any(n in branch for n in needs) for branch in _branches(body))


# the patterns as they were spelled before they were unfolded into branches that each open on a
# character (a prefix re skips ahead by): they must find the same matches
_FORMER_SPELLINGS = [
    (builders._SUMMARY, r"(?:等等)?[，,](?:这些|上述|以上|凡此种种)"),
    (
        builders._ATTENDANCE_LINE,
        r"(?:出席|列席)了?(?:会议|全会|大会)|(?:主持|召集)了?(?:会议|全会)|(?:中央政治局|书记处)主持"
        r"|递补为",
    ),
    (
        builders._SPEAKER_VENUE,
        r"(?:^|(?<=[，,是]))我在(?=[^，。；：我]{2,24}?(?:报告|讲话)[中上]?(?:提出|强调|指出|讲))",
    ),
    (normalize._STRAY_DOT, r"(?<![0-9])\.|\.(?![0-9])"),
    (normalize._FOLD_FIRST, normalize._FOLD_FIRST_CLASS + "+"),
]


@pytest.mark.parametrize(("pattern", "former"), _FORMER_SPELLINGS)
def test_an_unfolded_pattern_finds_what_its_former_spelling_found(
    pattern: re.Pattern[str], former: str
) -> None:
    old = re.compile(former)
    pieces = [
        *"等，,这些上述以上出席列主持召集了会议全大中央政治局书记处递补为.0123我在是报告讲话提出。 “”"
    ]
    rng = random.Random(7)
    texts = [s.text for s in segment(SPEECH).sentences]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(20000)]
    texts += ["党的十九大以来，我在党的十九大报告中提出", "2.5万亿元.", "以上，等等，这些意见"]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in old.finditer(text)]
        assert pattern.sub("", text) == old.sub("", text)


def test_a_trend_clause_is_found_as_by_the_pattern_alone() -> None:
    # _record_frame searches _TREND_PREDICATE only when the clause ends on a trend verb
    rng = random.Random(3)
    pieces = [*pipeline._TREND_VERBS, "较快", "均", "投资", "、", "，", "。", "；", "\x00", "增"]
    for _ in range(20000):
        clause = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        ends = clause.endswith(pipeline._TREND_VERBS) or (
            clause[-1:] in ("，", "。", "；") and clause[:-1].endswith(pipeline._TREND_VERBS)
        )
        assert ends == (pipeline._TREND_PREDICATE.search(clause) is not None)


def _business_pieces() -> list[str]:
    """Every character of _SPEECH_BUSINESS's literals, with marks, digits and a few others."""
    own = {c for c in pipeline._SPEECH_BUSINESS.pattern if "\u4e00" <= c <= "\u9fff"}
    words = "我们 在座 主持召开 出席 表示 感谢 安排 学习 集体学习 起草组 征求意见 换届 女士们 干杯"
    return sorted(own) + [*"，、。；！,2019年０１", *words.split(), "那时候，我", "给我留下"]


def test_a_speech_business_sentence_is_found_as_by_the_one_pattern() -> None:
    # _narrates_business asks the ^ alternatives at the start and searches the others behind a
    # lookahead of their opening characters: the same verdict as the whole pattern's search
    rng = random.Random(11)
    pieces = _business_pieces()
    texts = [s.text for s in segment(SPEECH).sentences]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))) for _ in range(40000)]
    texts += ["今天，我们召开大会", "2019年在北京召开", "出席今天会议的同志们", "这次集体学习"]
    texts += ["会议，在北京召开", "、在京召开", "在北京召开", "致以诚挚的问候", "希望大家"]
    texts += ["今天下午，中央政治局集体学习", "那时候，我在", "给我留下了深刻印象"]
    found = 0
    for text in texts:
        whole = pipeline._SPEECH_BUSINESS.search(text) is not None
        pipeline._narrates_business.cache_clear()
        assert pipeline._narrates_business(text) == whole, text
        found += whole
    assert found > 5000  # (the random strings hit the alternatives often, not never)


def test_a_guarded_pattern_lists_every_opening_and_finds_the_same_matches() -> None:
    from quizapp.generation.patterns import opening_class, opening_guarded, split_opening

    assert opening_class(r"我(?:还|又)*主持|(?:表示|致以)感谢|[稿案]x|\d{4}年") == (
        r"[我表致稿案\d]"
    )
    # (an empty match, an anchor, a lookbehind or a negated class opens on anything: unguarded)
    for pattern in (r"a*b", r"^今天", r"(?<=，)我", r"[^，]我", r"x|.y", r"(?i:a)b", r"(?i)ab"):
        assert opening_class(pattern) is None
        assert opening_guarded(pattern).pattern == pattern
    opening, anywhere = split_opening(re.compile(r"^今天|在[]|]召开|(?:先|后)[^]|]|^希望"))
    assert opening is not None and opening.pattern == "今天|希望"
    assert anywhere.pattern == r"(?=[在先后])(?:在[]|]召开|(?:先|后)[^]|])"
    former = r"(?:表示|致以)[^。！，,]{0,8}(?:感谢|谢意)|我(?:[还又]|先后)*(?:召开|出席)|\d{2}年在"
    guarded = opening_guarded(former)
    old = re.compile(former)
    rng = random.Random(5)
    pieces = [*"表示致以感谢谢意我还又先后召开出席年在，。！,12３"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in old.finditer(text)]


def _guarded_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every module-level pattern of the engine compiled by patterns.opening_guarded."""
    import importlib

    found = []
    modules = "builders keyphrases pipeline segment normalize provisions noise spellings checking"
    for name in modules.split():
        module = importlib.import_module(f"quizapp.generation.{name}")
        for attr, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern) and str(value.pattern).startswith("(?=["):
                found.append((f"{name}.{attr}", value))
    return found


def test_the_guarded_patterns_are_found() -> None:
    assert "pipeline._SPEECH_BUSINESS_ANYWHERE" in {name for name, _ in _guarded_patterns()}


@pytest.mark.parametrize(("name", "guarded"), _guarded_patterns())
def test_a_guarded_pattern_finds_what_it_finds_unguarded(
    name: str, guarded: re.Pattern[str]
) -> None:
    # (?=[opening])(?:pattern): the pattern itself is what follows the lookahead
    body = guarded.pattern[guarded.pattern.index("])(?:") + 5 : -1]
    old = re.compile(body, guarded.flags)
    rng = random.Random(name)
    # (its characters, and its runs of literal characters, so that whole alternatives occur)
    runs = re.findall(r"[^\x00-\x7f]+", body)
    pieces = sorted({c for c in body if not c.isascii()} | set("，。、；：“”2019年ab%") | set(runs))
    texts = [s.text for s in segment(SPEECH).sentences]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    # (and runs in the pattern's own order, some left out: near and whole matches of each part)
    for _ in range(5000):
        at = rng.randrange(len(runs))
        kept = [r for r in runs[at : at + rng.randint(1, 6)] if rng.random() < 0.7]
        texts.append(rng.choice(pieces) + "".join(kept) + rng.choice(pieces))
    found = 0
    for text in texts:
        found += guarded.search(text) is not None
        assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == [
            (m.span(), m.groups()) for m in old.finditer(text)
        ]
        cut = len(text) // 2
        assert (guarded.search(text, 1, cut) or re.match("", "")).span() == (
            old.search(text, 1, cut) or re.match("", "")
        ).span()
    assert found > 500  # (the strings hit the pattern often, not never)
