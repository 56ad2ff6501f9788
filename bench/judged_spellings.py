"""Responses the judged rows of docs/quality.md name, with the verdict a teacher gives, checked
against today's engine (fourteenth session, helper "spellings").

Each entry is a judged 填空 row (set, round, row number), a response its reason names (a
spelling "refused" that a teacher takes, or one "accepted" that is another phrase) and whether
it is right. The row is matched to today's bank as ``bench/judged_rows.py`` does; a list cloze
takes the response in any one blank, the others answered right. Prints the entries the checker
grades otherwise and the count graded as a teacher would (80/105 before the session, 102/105
after it; the three left are decisions, docs/generation.md).

    PYTHONPATH=. .venv/bin/python bench/judged_spellings.py
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judged_rows import judged_matches, text_banks  # noqa: E402

from quizapp.generation import generate_questions  # noqa: E402
from quizapp.generation.checking import check_answer  # noqa: E402

T, F = True, False
# (set, round, row, response, right?, class)
EXPECT = [
    ("review", "5", "4", "决胜全面建成小康社会", F, "decided"),
    ("review", "5", "10", "人民的公仆", F, "decided"),
    ("review", "6", "5", "整风运动", T, "alias"),
    ("review", "6", "6", "论党", T, "alias"),
    ("review", "6", "32", "山清水秀", F, "decided"),
    ("review", "15b", "6", "精神之钙", F, "decided"),
    ("review", "8b", "7", "中共七大", T, "congress"),
    ("review", "8b", "7", "党的第七次全国代表大会", T, "congress"),
    ("review", "10b", "8", "筹备七大", T, "echo"),
    ("review", "8b", "16", "乡村振兴战略", T, "verb lead"),
    ("review", "9b", "38", "相互尊重", T, "same word"),
    ("review", "10", "29", "统筹发展与安全", T, "conjunction"),
    ("review", "11", "16", "供给侧改革", T, "alias"),
    ("review", "11", "33", "政治建设", T, "党的"),
    ("review", "23", "20", "协调发展", T, "list variant"),
    ("review", "18", "40", "照搬照抄、食洋不化", T, "alias"),
    ("review", "21", "40", "相互尊重", T, "same word"),
    ("review", "25b", "40", "信任赤字", T, "list variant"),
    ("review", "26", "35", "科技强国", F, "decided"),
    ("transfer2", "X4", "18", "整风", T, "stem tail"),
    ("transfer2", "X4", "34", "互联网＋", T, "width"),
    ("transfer3", "Y3", "9", "党的群众路线", T, "党的 added"),
    ("transfer3", "Y6", "25", "批评和自我批评", T, "conjunction"),
    ("transfer3", "Y6", "26", "新担当、新作为", T, "punct"),
    ("transfer3", "B1", "30", "两个坚决维护", T, "variant"),
    ("transfer", "T5", "40", "中国共产主义青年团", T, "abbreviation"),
    ("transfer", "T5", "40", "共青团", T, "abbreviation"),
    ("transfer3", "B1", "26", "怎样培养人", T, "same word"),
    ("fresh", "F3", "26", "3个月", T, "number"),
    ("fresh", "F4", "27", "３个月", T, "number"),
    ("fresh", "F4", "26", "1年", T, "number"),
    ("fresh", "F4", "4", "新时代中国特色社会主义思想", T, "owner"),
    ("fresh", "F4", "19", "建设生态文明", T, "turned"),
    ("fresh", "F6", "26", "六个月", T, "number"),
    ("fresh", "F6", "26", "6个月", T, "number"),
    ("fresh", "F6", "26", "每半年", T, "echo"),
    ("fresh", "F7", "28", "省级党委", T, "level"),
    ("fresh", "F8", "29", "中组部", T, "organ"),
    ("fresh", "F8", "29", "中共中央组织部", T, "organ"),
    ("fresh", "F3", "38", "农民专业合作社", T, "alias"),
    ("review", "R30", "6", "国民革命时期", T, "alias"),
    ("review", "R30", "6", "第一次国内革命战争时期", T, "alias"),
    ("review", "R30", "29", "第二个一百年奋斗目标", T, "百年"),
    ("review", "R30", "36", "互利共赢开放战略", T, "的"),
    ("transfer3", "QY1", "15", "6个必须", T, "formula numeral"),
    ("transfer3", "QY1", "19", "双带头人", T, "alias"),
    ("transfer3", "QY1", "27", "党的十九届四中全会", T, "plenum"),
    ("transfer3", "QY1", "27", "十九届中央四中全会", T, "plenum"),
    ("transfer3", "QY1", "27", "十九届中央委员会第四次全体会议", T, "plenum"),
    ("blind8", "CB", "34", "马克思主义的立场观点方法", T, "的"),
    ("blind10", "EF", "10", "脱贫攻坚战", T, "alias"),
    ("fresh", "FD", "20", "中国特色社会主义法治体系", T, "verb lead"),
    ("blind11", "GD", "17", "外防输入内防反弹", T, "punct"),
    ("blind11", "GD", "17", "外防输入，内防反弹", T, "punct"),
    ("blind11", "GF", "7", "建设精神文明", F, "turned (ungrammatical)"),
    ("blind11", "GJ", "8", "建设精神文明", F, "turned (ungrammatical)"),
    ("blind12", "HI", "23", "中国梦劳动美", T, "dot"),
    ("blind12", "HJ", "11", "中华民族伟大复兴的战略全局", T, "的"),
    ("blind14", "KA", "15", "戈登贝尔", T, "dot"),
    ("blind14", "KA", "28", "社会主义市场经济", F, "decided"),
    ("blind14", "KA", "31", "和平统一一国两制", T, "punct"),
    ("blind14", "KA", "31", "和平统一，一国两制", T, "punct"),
    ("blind14", "KB", "5", "经济主战场", T, "verb frame"),
    ("blind14", "KB", "12", "力形之所以奋也", T, "punct"),
    ("blind14", "KJ", "42", "决胜全面建成小康社会", F, "decided"),
    ("blind15", "LA", "9", "互联网＋", T, "width"),
    ("blind15", "LC", "32", "淡泊名利甘于奉献", T, "punct"),
    ("blind15", "LC", "32", "淡泊名利，甘于奉献", T, "punct"),
    ("blind15", "LF", "34", "人民当家做主", T, "做/作"),
    ("blind15", "MA", "11", "习近平新时代中国特色社会主义思想", F, "decided"),
    ("blind15", "MA", "11", "三个代表重要思想", T, "quotes"),
    ("blind15", "MA", "40", "全面建设社会主义现代化国家", F, "decided"),
    ("blind15", "MB", "39", "依法治国", F, "decided"),
    ("blind15", "MB", "39", "全面推进依法治国", T, "alias"),
    ("blind15", "MB", "48", "中国工人阶级", T, "我国"),
    ("blind15", "MB", "50", "爱岗敬业争创一流", T, "punct"),
    ("blind15", "MB", "59", "决胜全面建成小康社会", F, "decided"),
    ("blind16", "NB", "8", "推进国家治理体系及治理能力现代化", F, "及"),
    ("blind16", "OB", "23", "跳出历史周期律", T, "率/律"),
    ("blind16", "OD", "20", "五大发展理念", F, "decided"),
    ("blind16", "OD", "54", "三个代表", F, "decided"),
    ("blind16", "OE", "6", "完善及发展中国特色社会主义制度", F, "及"),
    ("blind16", "OE", "55", "14个坚持", T, "formula numeral"),
    ("blind16", "OF", "17", "五大发展理念", F, "decided"),
    ("blind16", "OC", "41", "十二大", T, "congress"),
    # usable rows whose notes call a refusal a kind thing to fix
    ("review", "26", "10", "党的十一届五中全会", T, "echo"),
    ("review", "R31", "9", "第十一届五中全会", T, "plenum"),
    ("review", "R31", "9", "十一届中央委员会第五次全体会议", T, "plenum"),
    ("review", "25b", "34", "社会主义基本经济制度", T, "echo"),
    ("review", "26b", "30", "国际影响力", T, "echo"),
    ("review", "24", "34", "正确的义利观", T, "的"),
    ("review", "25b", "6", "中华民族的伟大复兴", T, "的"),
    ("review", "26b", "8", "人民勤务员", T, "的"),
    ("review", "15", "37", "人民当家做主", T, "做/作"),
    ("review", "28", "3", "五四运动", T, "short name"),
    ("transfer2", "X3", "37", "亚洲基础设施投资银行", T, "abbreviation"),
    ("transfer2", "X4", "14", "监委", T, "abbreviation"),
    ("review", "24", "27", "整个国家现代化", F, "expanded"),
    ("review", "20b", "29", "谦虚谨慎、艰苦奋斗", T, "frame"),
    ("review", "24b", "31", "不忘初心、牢记使命", T, "frame"),
    ("review", "9", "31", "10个明确", T, "formula numeral"),
    ("review", "14", "3", "21条", T, "formula numeral"),
    ("review", "28", "29", "马列主义", T, "alias"),
    ("review", "R30", "8", "人大制度", T, "abbreviation"),
    ("transfer", "T5", "9", "建党精神", T, "伟大"),
]


def main():
    banks = text_banks(lambda text: generate_questions(text, seed=0))
    questions = {
        (st, name, row["n"]): q
        for (name, st, _quiz), row, _, q, _ in judged_matches(banks)
        if q is not None
    }
    wrong = 0
    for st, rnd, n, response, right, cls in EXPECT:
        q = questions.get((st, rnd, n))
        if q is None:
            print(f"  (no question) {st} {rnd} {n} {response}")
            wrong += 1
            continue
        if len(q.answer) == 1:
            got = check_answer(q, [response])
        else:  # (a list cloze: the response in any one blank, the others answered right)
            got = any(
                check_answer(q, [*q.answer[:k], response, *q.answer[k + 1 :]])
                for k in range(len(q.answer))
            )
        if got != right:
            wrong += 1
            print(f"  {st} {rnd} #{n} {q.answer} {response!r}: graded {got}  [{cls}]  {q.accepted}")
    print(f"{len(EXPECT) - wrong}/{len(EXPECT)} graded as a teacher would")


if __name__ == "__main__":
    main()
