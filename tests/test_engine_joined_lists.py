"""Lists whose last item is joined by 和 (eighth session, coverage): the item after 和 is cut
where it shares its head with the item before it, and a standard list is not read inside the
longer items of a text's own list (bench/heldout_gold/dev)."""

from __future__ import annotations

import logging

import jieba
from conftest import heldout_bank

from quizapp.generation.jieba_setup import dictionary_version
from quizapp.generation.keyphrases import _list_runs
from quizapp.generation.lexicon import load_lexicon

jieba.setLogLevel(logging.WARNING)


def _items(sentence: str) -> list[tuple[str, ...]]:
    return [
        tuple(t for t, _ in items)
        for _, items in _list_runs(sentence, dictionary_version())
        if items is not None
    ]


def test_an_item_after_he_sharing_the_head_of_the_item_before_is_an_item() -> None:
    # 和|服务: forward matching reads 和服; the item after 和 ends on its head 劳动
    assert ("日常生活劳动", "生产劳动", "服务性劳动") in _items(
        "根据教育目标，以日常生活劳动、生产劳动和服务性劳动为主要内容开展劳动教育。"
    )
    # the part before the last 、 still holds its verb: the shared head still splits the 和
    assert ("学习大国", "人力资源强国", "人才强国") in _items(
        "推动我国成为学习大国、人力资源强国和人才强国，为到本世纪中叶建成强国奠定基础。"
    )
    # (items of very different length are a roll of groups: not split on their head)
    assert not any(
        "流动党员" in items
        for items in _items("注重抓好青年党员、离退休干部职工党员和流动党员的学习。")
    )


def test_items_sharing_their_opening_before_and_after_he_are_asked() -> None:
    bank = heldout_bank("yijian_laodong_jiaoyu_2020.txt")
    answers = {a for q in bank if q.kind == "cloze" for a in q.answer}
    assert {"劳动价值取向", "劳动技能水平"} <= answers


def test_a_standard_list_is_not_read_inside_the_items_of_a_longer_list() -> None:
    lex = load_lexicon()
    text = (
        "要培养造就一大批具有国际水平的战略科技人才、科技领军人才、青年科技人才和高水平创新团队。"
    )
    assert lex.find_list_runs(text) == []
    # 开放|发展、合作|发展: no 发展、合作 run, the items are the four 发展
    clozes = [
        q
        for q in heldout_bank("speech_xi_kangmeiyuanchao70_2020.txt")
        if q.kind == "cloze" and "合作发展" in q.source
    ]
    assert clozes and all(q.answer != ["合作"] for q in clozes)
    # a run followed by a predicate list stays (获得感、幸福感、安全感|更加充实、更有保障)
    assert lex.find_list_runs("使人民获得感、幸福感、安全感更加充实、更有保障、更可持续。")
