"""Why the engine doubts a question, said to the organizer who reviews it.

A doubted question (``Question.weak``) is not served until an organizer confirms or edits it
(pipeline.servable). ``Question.doubt`` names the rule that doubted it (pipeline.weak_reasons),
and for a rule that found the words another study text puts in the blank's frame, up to two of
them after a colon (``frame_filled_elsewhere:攻坚克难``); the workbench shows the note below
beside the 存疑 badge, so the organizer knows what to look at rather than re-reading the whole
question for an unknown fault. Each note says what the rule found and what to check; the
wording stays plain, as the organizer is a teacher, not an engineer.
"""

from __future__ import annotations

import re

# (a rule without a note of its own, or a row stored before the reason was kept, reads this)
GENERIC_NOTE = "引擎对这道题把握不大：请对照原文看答案是不是要点、题干能否只填出这一个答案。"

_OTHER_FILLERS = "换一个同样字数的词也说得通，学员答对了也可能被判错"

DOUBT_NOTES: dict[str, str] = {
    # by far the most frequent (three doubted questions in four over the bench texts)
    "coined": "答案是这篇材料自己的说法，词库和其他学习材料里都没有：请看它值不值得考，"
    "题干能否只填出这一个答案。",
    "confidence": "这个空的上下文较弱：请看题干能否只填出这一个答案，答案是不是要点。",
    "frame_filled_elsewhere": f"别的学习材料在同样的句式里填的是另一个词，{_OTHER_FILLERS}。",
    "open_quality_slot": f"空里是“发扬……精神”一类的品质，{_OTHER_FILLERS}。",
    "open_deed_slot": f"空里是称赞的事迹或角色，{_OTHER_FILLERS}。",
    "open_duty_slot": f"空里是“……责任”一类的说法，{_OTHER_FILLERS}。",
    "open_group_slot": "空里是一长串同类名称中的一个（如各种精神），题干定不出是哪一个。",
    "open_member_slot": "空里是同一格式的一组提法中的一个（如“党的X建设”），题干定不出是哪一个。",
    "low_value": "答案是规划时期（如“十四五”）、节日的日期名（如“五一”）或材料标题里的名称，"
    "考查价值可能不高。",
    "common_saying": "空在一句俗语里，考的是常识，不是材料的要点。",
    "adverb_run": f"空在材料自己的排比里（各项开头相同），{_OTHER_FILLERS}。",
    "minor_frame": "空里的词在这里不是句子的要点，请确认值得考。",
    "minor_frame_named": "空里的词在这里不是句子的要点（虽然是个提法），请确认值得考。",
    "speech_business": "考的是会议、机构的名称或讲话的开场客套，未必是学习要点。",
    "loose_run_rhetoric": f"空在材料自己列举的一串动词里，{_OTHER_FILLERS}。",
    "loose_run_common": f"空在材料自己列举的一串常用词里，{_OTHER_FILLERS}。",
    "rival_slot": "常用提法里这个位置还有别的词（如“社会公德、职业道德、家庭美德”），"
    "学员可能填另一个。",
    "text_rival": "材料别处有同样格式、同样字数的说法，学员可能把它填进这个空。",
    "rhetoric_list": f"空在“……人心”“……核心”一类的排比里，{_OTHER_FILLERS}。",
    "word_cut_by_blank": "空从一个词的中间开始，只考了半个词。",
    "time_adverbial": "空是句首的时间或场合（“在……上”），句子要说的在后面。",
    "paired_hua_word": f"空是两个并列的“……化”中的一个，{_OTHER_FILLERS}。",
    "compound_head_left": "空只考了一个名称的前半截（空后的字和答案合成一个词）。",
    "figure_tally": "问的是一个统计数字属于哪项工作，这类细节一般不考。",
    "lone_length_single": "选项里只有答案是这个字数，学员可能凭字数猜出答案：请看干扰项。",
    "doubtful_single": "干扰项可能也说得通，或能从题干猜出答案：请看选项。",
    "lure_in_list": "有一个干扰项和答案同在一个常用列举里，也填得进这个空。",
    "coined_list": "空里有材料自己的说法（词库和其他学习材料里都没有），几个空没有规范提法可依，"
    f"{_OTHER_FILLERS}。",
    "coined_modifier_list": "几个空都是材料自己的描述性说法，没有规律可循，很难凭学习答出。",
    "points_back": "题干开头承接上一句（“但是”“这种精神”等），单看这一句不明白说的是什么。",
    "defining_thesis": "空在“……是……”的定义句主语上，别的主语也可能说得通。",
    "unframed_points": "空是一串编号要点中的几条，没有格式可依，很难凭学习答出。",
}


# the notes that name the words found (``rule:词、词``), by rule
_WITH_WORDS = {
    "frame_filled_elsewhere": "别的学习材料在同样的句式里填的是{words}，{fillers}。",
}
# what may follow the rule's colon: one or two words (a stored or imported value is checked)
_WORDS = re.compile(r"[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12})?")
DOUBT_MAX = 40  # (bank_questions.doubt)


def with_words(rule: str, words: list[str]) -> str:
    """``rule`` with the first words (one or two, as fit the column) a note can name."""
    if rule not in _WITH_WORDS or not words:
        return rule
    shown = [w for w in words[:2] if _WORDS.fullmatch(w)]
    while shown and len(f"{rule}:{'、'.join(shown)}") > DOUBT_MAX:
        shown.pop()
    return f"{rule}:{'、'.join(shown)}" if shown else rule


def known_doubt(value: object) -> bool:
    """Is ``value`` a doubt the notes can say (a rule name, with words where the rule names
    some)? What an import may store."""
    if not isinstance(value, str) or len(value) > DOUBT_MAX:
        return False
    rule, _, words = value.partition(":")
    if not words:
        return rule in DOUBT_NOTES
    return rule in _WITH_WORDS and bool(_WORDS.fullmatch(words))


def doubt_note(doubt: str | None) -> str:
    """The note for the rule that doubted a question (``Question.doubt``), naming the words it
    found where it keeps them, or the generic one."""
    rule, _, words = (doubt or "").partition(":")
    if words and rule in _WITH_WORDS and _WORDS.fullmatch(words):
        quoted = "、".join(f"“{w}”" for w in words.split("、"))
        return _WITH_WORDS[rule].format(words=quoted, fillers=_OTHER_FILLERS)
    return DOUBT_NOTES.get(rule, GENERIC_NOTE)
