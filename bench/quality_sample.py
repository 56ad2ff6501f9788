"""A reproducible random sample of generated questions, for the human review in docs/quality.md.

Generates every question (``generate_questions(text, seed=0)``) for three corpus texts the
engine's authors did not hand-tune gold lists for, then draws a seeded sample, stratified over
the texts (14 + 13 + 13 = 40 by default), and prints each item numbered, with its kind, stem,
options, answer and source sentence. The stem is printed as the learner sees it: each cloze blank
followed by the length of its key, ``（　　）〔4字〕``, where the app shows one (not in an
order-free cloze whose keys differ in length; ``generation.hints``); ``--json`` keeps the
engine's ``stem`` and adds that text as ``stem_shown``.

    .venv/bin/python bench/quality_sample.py                # round 1 (sample seed 1)
    .venv/bin/python bench/quality_sample.py --seed 2       # a fresh sample (round 2)
    .venv/bin/python bench/quality_sample.py --json         # the same sample as JSON
    .venv/bin/python bench/quality_sample.py --set transfer --seed 101   # texts never reviewed

``--set transfer`` samples the three texts of ``bench/heldout_texts/`` instead (the blind
coverage texts: no review round and no precision rule looked at them before the fourth
session's transfer rounds), to see how the review-driven rules carry over to unseen text;
``--quiz`` draws the quizzes a learner is served instead (``generate_questions(text,
seed=N, count=n)``: the engine's balanced pick), not a random sample of the bank;
``--set transfer2`` three corpus texts no review round sampled before (report19, a cadre
training speech, the 2018 government work report); ``--set transfer3`` the bundled speech and
two more corpus texts no review round sampled; ``--set fresh`` four texts outside the corpus
added in the fifth session to tune on, ``--set fresh_test`` four more kept blind (see
``bench/heldout_texts/SOURCES.md``), ``--set blind6`` the sixth session's four blind texts,
``--set blind7`` four more, ``--set blind8`` the seventh session's blind texts,
``--set blind9`` four more, ``--set blind10`` the eighth session's blind texts,
``--set blind11`` four more, ``--set blind12`` the ninth session's blind texts,
``--set blind13`` the tenth session's blind texts,
``--set blind14`` the eleventh session's blind texts,
``--set blind15`` the twelfth session's blind texts,
``--set blind16`` the thirteenth session's blind texts,
``--set blind17`` the fourteenth session's texts (blind until rounds PA–PF),
``--set blind18`` the fifteenth session's texts (blind until rounds QA–QF),
``--set blind19`` the sixteenth session's texts (blind until rounds RA–RF),
``--set blind20`` the sixteenth session's second blind set,
``--set blind21`` the seventeenth session's blind set (two 党内法规 documents, two 邓小平 speeches),
``--set blind22`` the eighteenth session's first blind set (two 江泽民 speeches, two 毛泽东 texts
of 1949),
``--set blind23`` its second (毛泽东 1941 and 1956, 邓小平 1980, 江泽民 1996),
``--set blind24`` its third (毛泽东 1930 and 1934, 邓小平 1985, 江泽民 2001),
``--set blind25`` its fourth (毛泽东 1937 and 1938, 邓小平 1980, 江泽民 2001),
``--set blind26`` the nineteenth session's blind set (毛泽东 1938, 江泽民 2002, 邓小平 1979 twice),
``--set blind27`` its second (毛泽东 1943 and 1942, 江泽民 2000, 邓小平 1979),
``--set blind28`` its third (江泽民 2000, 邓小平 1979 twice, 毛泽东 1942),
``--set blind29`` the twentieth session's (习近平 2021 twice and 2016, the 2020 中央纪委 公报),
``--set blind30`` its second (习近平: two 求是 collections of 2021, 2020 考古, 2022 香港25周年).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus"
HELDOUT = ROOT / "bench" / "heldout_texts"
TEXT_SETS = {
    "review": (
        ("speech", CORPUS / "speech_xi_liu_shaoqi_120th_2018.txt"),
        ("policy", CORPUS / "policy_rural_revitalization_opinions_2018.txt"),
        ("report20", CORPUS / "report20_full.txt"),
    ),
    "transfer": (
        ("communique", HELDOUT / "communique_19cc6_2021.txt"),
        ("opinion", HELDOUT / "opinion_theme_education_2023.txt"),
        ("cyl100", HELDOUT / "speech_cyl100_2022.txt"),
    ),
    # corpus texts the coverage work read but no review round sampled
    "transfer2": (
        ("report19", CORPUS / "report19_full.txt"),
        ("ma_speech", CORPUS / "speech_ma_weiguang_cadre_training_2018.txt"),
        ("gov2018", CORPUS / "gov_work_report_2018_part1.txt"),
    ),
    # the bundled speech and two corpus texts no review round sampled (the fourth session's
    # last, untuned check)
    "transfer3": (
        ("bundled", ROOT / "quizapp" / "data" / "seed_speech.txt"),
        ("wang_chen", CORPUS / "speech_wang_chen_theme_education_summary_2020.txt"),
        ("politburo", CORPUS / "news_politburo_democratic_life_meeting_2018.txt"),
    ),
    # fifth session: four texts outside the corpus to tune on (10 items each) ...
    "fresh": (
        ("zhejiang", HELDOUT / "report_zhejiang_partycongress_2022_part1.txt"),
        ("plenum19_4", HELDOUT / "gongbao_19th_4th_plenum_2019.txt"),
        ("fazhan", HELDOUT / "rules_fazhan_dangyuan_2026.txt"),
        ("yihao2025", HELDOUT / "doc_yihao_wenjian_2025.txt"),
    ),
    # ... and four kept blind: only reviewed, never read while tuning
    "fresh_test": (
        ("xi2023", HELDOUT / "speech_xi_zhutijiaoyu_2023.txt"),
        ("caiqi2023", HELDOUT / "speech_caiqi_zhutijiaoyu_2023.txt"),
        ("plenum20_4", HELDOUT / "gongbao_20th_4th_plenum_2025.txt"),
        ("jieyue", HELDOUT / "tiaoli_jieyue_fanlangfei_2025_ch1-5.txt"),
    ),
    # sixth session: four more texts kept blind (reviewed at the start and the end of the session)
    "blind6": (
        ("reform40", HELDOUT / "speech_xi_reform40_2018_part1.txt"),
        ("plenum19_5", HELDOUT / "gongbao_19th_5th_plenum_2020.txt"),
        ("jiaoyu", HELDOUT / "tiaoli_dangyuan_jiaoyu_guanli_2019.txt"),
        ("fuyu", HELDOUT / "yijian_zhejiang_gongtongfuyu_2021_sec1-5.txt"),
    ),
    # ... and four more, the session's last blind measure
    "blind7": (
        ("wusi100", HELDOUT / "speech_xi_wusi100_2019.txt"),
        ("plenum20_3", HELDOUT / "jueding_20th_3rd_plenum_2024_sec1-3.txt"),
        ("jiguan", HELDOUT / "tiaoli_jiguan_jiceng_zuzhi_2019.txt"),
        ("zhengzhi", HELDOUT / "yijian_zhengzhi_jianshe_2019_items1-15.txt"),
    ),
    # seventh session: four more texts kept blind (reviewed at the start and the end of the
    # session; left out of quizapp/data/reference_keys.tsv while blind)
    "blind8": (
        ("yiqing", HELDOUT / "speech_xi_yiqing_changweihui_2020.txt"),
        ("shiwuwu", HELDOUT / "jianyi_shiwuwu_guihua_2025_sec1-4.txt"),
        ("jiaoyu2035", HELDOUT / "gangyao_jiaoyu_xiandaihua2035_fangan_2019.txt"),
        ("beida", HELDOUT / "speech_xi_beida_2018.txt"),
    ),
    # ... and four more, the session's last blind measure (blind8's reports were acted on)
    "blind9": (
        ("dangan", HELDOUT / "tiaoli_ganbu_renshi_dangan_2018.txt"),
        ("laodong", HELDOUT / "yijian_laodong_jiaoyu_2020.txt"),
        ("kangmei", HELDOUT / "speech_xi_kangmeiyuanchao70_2020.txt"),
        ("dangshi", HELDOUT / "tiaoli_dangshi_xuexi_jiaoyu_2024.txt"),
    ),
    # eighth session: four texts from new sources (SOURCES.md "blind10"), reviewed blind at the
    # start and after the session's first half (rounds EA–EH), then tuned on
    "blind10": (
        ("zongjie2020", HELDOUT / "speech_xi_zhutijiaoyu_zongjie_2020.txt"),
        ("tuopin", HELDOUT / "speech_xi_tuopin_zuotan_2020.txt"),
        ("kexuejia", HELDOUT / "speech_xi_kexuejia_zuotan_2020.txt"),
        ("gov2020", HELDOUT / "gov_work_report_2020_sec1-4.txt"),
    ),
    # eighth session: four more speeches from the same CSV (SOURCES.md "blind11"), reviewed
    # blind in the ninth session (rounds GA–GP), then tuned on
    "blind11": (
        ("bushu", HELDOUT / "speech_xi_yiqing_bushu_2020.txt"),
        ("biaozhang", HELDOUT / "speech_xi_kangyi_biaozhang_2020.txt"),
        ("gonggong", HELDOUT / "speech_xi_gonggong_weisheng_2020.txt"),
        ("jiaowenweiti", HELDOUT / "speech_xi_jiaowenweiti_2020.txt"),
    ),
    # ninth session: four more speeches from the same CSV (SOURCES.md "blind12"), reviewed
    # blind (rounds HA–HL), then tuned on in the tenth session
    "blind12": (
        ("jingzhun", HELDOUT / "speech_xi_jingzhun_tuopin_2018.txt"),
        ("zhuanjia", HELDOUT / "speech_xi_jingji_shehui_zhuanjia_2020.txt"),
        ("laomo", HELDOUT / "speech_xi_laomo_biaozhang_2020.txt"),
        ("zuzhi", HELDOUT / "speech_xi_zuzhi_luxian_2020.txt"),
    ),
    # tenth session: four more texts from the same CSV (SOURCES.md "blind13"), reviewed blind
    # (rounds JA–JF), then tuned on in the eleventh session
    "blind13": (
        ("qiyejia", HELDOUT / "speech_xi_qiyejia_zuotan_2020.txt"),
        ("zhengjing", HELDOUT / "speech_xi_zhengzhi_jingjixue_2015.txt"),
        ("shuoming", HELDOUT / "shuoming_xi_shisiwu_jianyi_2020.txt"),
        ("shenzhen", HELDOUT / "speech_xi_shenzhen_tequ40_2020.txt"),
    ),
    # eleventh session: four more texts (SOURCES.md "blind14"), blind until its rounds KA–KL;
    # reviewed, its lists moved to dev/ in the twelfth session
    "blind14": (
        ("pudong", HELDOUT / "speech_xi_pudong30_2020.txt"),
        ("yuanshi", HELDOUT / "speech_xi_yuanshi_dahui_2018_part1.txt"),
        ("shiwuwu", HELDOUT / "shuoming_xi_shiwuwu_jianyi_2025.txt"),
        ("xinhai", HELDOUT / "speech_xi_xinhai110_2021.txt"),
    ),
    # twelfth session: four more texts (SOURCES.md "blind15"), blind until its rounds LA–LF;
    # reviewed, its lists moved to dev/ in the thirteenth session
    "blind15": (
        ("wuzhong", HELDOUT / "gongbao_18th_5th_plenum_2015.txt"),
        ("minjian", HELDOUT / "speech_xi_minjian_gongshanglian_2016.txt"),
        ("wuyi", HELDOUT / "speech_xi_laodongjie_2015.txt"),
        ("xiyatu", HELDOUT / "speech_xi_xiyatu_huanying_yanhui_2015.txt"),
    ),
    # thirteenth session: four more texts (SOURCES.md "blind16"), blind until its rounds NA–NF;
    # reviewed, its lists moved to dev/ in the fourteenth session
    "blind16": (
        ("sanzhong2", HELDOUT / "speech_xi_sanzhong_erci_2024.txt"),
        ("jiwei6", HELDOUT / "jiwei_19th_6th_plenum_2022.txt"),
        ("dangfeng", HELDOUT / "article_dangfeng_lianzheng_2017.txt"),
        ("gangyao1", HELDOUT / "gangyao_xuexi_ch1_2019.txt"),
    ),
    # fourteenth session: four more texts (SOURCES.md "blind17"), blind until its rounds PA–PF;
    # reviewed, its lists moved to dev/ in the fifteenth session
    "blind17": (
        ("xianfa40", HELDOUT / "article_xi_xianfa40_2022.txt"),
        ("yihao2023", HELDOUT / "doc_yihao_wenjian_2023.txt"),
        ("baxiang", HELDOUT / "article_baxiang_jingyan_2025.txt"),
        ("gangyao11", HELDOUT / "gangyao_xuexi_ch11_2019.txt"),
    ),
    # fifteenth session: four more texts (SOURCES.md "blind18"), blind until its rounds QA–QF;
    # reviewed, its lists moved to dev/ in the fifteenth session
    "blind18": (
        ("zhaoleji", HELDOUT / "article_zhaoleji_congyan_zhidang_2022.txt"),
        ("dadang", HELDOUT / "article_dadang_nanti_2024.txt"),
        ("dangshi", HELDOUT / "speech_xi_dangshi_dongyuan_2021_part1.txt"),
        ("jiwei3", HELDOUT / "gongbao_jiwei_20th_3rd_plenum_2024.txt"),
    ),
    # sixteenth session: texts of other genres (SOURCES.md "blind19"), kept blind
    "blind19": (
        ("qianwan", HELDOUT / "diaoyan_qianwan_gongcheng_2023.txt"),
        ("zhishi", HELDOUT / "speech_xi_zhishichanquan_2020.txt"),
        ("chuangxin", HELDOUT / "article_chuangxin_siwei_zhejiang_2021.txt"),
        ("jueyi", HELDOUT / "jueyi_bainian_fendou_2021_xuyan_sec1-2.txt"),
        ("boao", HELDOUT / "speech_xi_boao_nianhui_2015.txt"),
    ),
    # sixteenth session, second set (SOURCES.md "blind20"): kept blind to compare the session's
    # start and end engines on text no rule was written on
    "blind20": (
        ("yijian", HELDOUT / "yijian_gaojineng_rencai_2022.txt"),
        ("dangzhang", HELDOUT / "dangzhang_zonggang_2022.txt"),
        ("fuyu", HELDOUT / "speech_xi_gongtong_fuyu_2021.txt"),
        ("jianpin", HELDOUT / "speech_xi_jianpin_luntan_2015.txt"),
    ),
    # seventeenth session (SOURCES.md "blind21"): kept blind to compare the session's start and end
    # engines on text no rule was written on; other genres and an older voice
    "blind21": (
        ("tiaoli", HELDOUT / "tiaoli_jilv_chufen_2018_zongze.txt"),
        ("tixi", HELDOUT / "dangnei_fagui_tixi_2021_part1.txt"),
        ("nanfang", HELDOUT / "speech_deng_nanfang_tanhua_1992.txt"),
        ("jiefang", HELDOUT / "speech_deng_jiefang_sixiang_1978.txt"),
    ),
    # eighteenth session (SOURCES.md "blind22"): kept blind to compare the session's start and end
    # engines; older voices again (江泽民 1996/1999, 毛泽东 1949), few numbered formulas
    "blind22": (
        ("sanjiang", HELDOUT / "speech_jiang_sanjiang_jiaoyu_1999.txt"),
        ("xuanchuan", HELDOUT / "speech_jiang_xuanchuan_buzhang_1996.txt"),
        ("erzhong", HELDOUT / "report_mao_qijie_erzhong_1949.txt"),
        ("zhuanzheng", HELDOUT / "article_mao_renmin_minzhu_zhuanzheng_1949.txt"),
    ),
    # eighteenth session, second set (SOURCES.md "blind23"): built after blind22 was read and
    # tuned on, kept blind to measure that tuning on texts of the same voices
    "blind23": (
        ("gaizao", HELDOUT / "report_mao_gaizao_women_de_xuexi_1941.txt"),
        ("shida", HELDOUT / "speech_mao_lun_shida_guanxi_1956_sec1-7.txt"),
        ("lingdao", HELDOUT / "speech_deng_lingdao_zhidu_gaige_1980_sec1-3.txt"),
        ("changzheng", HELDOUT / "speech_jiang_changzheng60_1996.txt"),
    ),
    # eighteenth session, third set (SOURCES.md "blind24"): built after blind23 was read, kept
    # blind to measure the session's final engine on texts of the same voices
    "blind24": (
        ("benben", HELDOUT / "article_mao_fandui_benben_zhuyi_1930.txt"),
        ("guanxin", HELDOUT / "speech_mao_guanxin_qunzhong_shenghuo_1934.txt"),
        ("daibiao", HELDOUT / "speech_deng_quanguo_daibiao_huiyi_1985.txt"),
        ("zuofeng", HELDOUT / "speech_jiang_shanxi_zuofeng_jianshe_2001.txt"),
    ),
    # eighteenth session, fourth set (SOURCES.md "blind25"): built after blind24 was read, kept
    # blind to measure the session's last engine wave
    "blind25": (
        ("shijian", HELDOUT / "article_mao_shijianlun_1937.txt"),
        ("diwei", HELDOUT / "report_mao_minzu_zhanzheng_diwei_1938_part2.txt"),
        ("luxian", HELDOUT / "speech_deng_jianchi_luxian_gaijin_fangfa_1980.txt"),
        ("guofang", HELDOUT / "speech_jiang_guofang_daxue_lilun_yantaoban_2001.txt"),
    ),
    # nineteenth session (SOURCES.md "blind26"): built blind before the session's serving
    # change, to measure it
    "blind26": (
        ("aiguo", HELDOUT / "report_mao_minzu_zhanzheng_diwei_1938_part1.txt"),
        ("quanli", HELDOUT / "speech_jiang_quanliguan_zhongjiwei7_2002.txt"),
        ("jingji", HELDOUT / "speech_deng_jingji_gongzuo_jidian_yijian_1979.txt"),
        ("youliang", HELDOUT / "speech_deng_gaoji_ganbu_youliang_chuantong_1979_sec1.txt"),
    ),
    # its second (SOURCES.md "blind27"), built blind while blind26 was read: the change
    # measured again on texts nobody had read
    "blind27": (
        ("fangfa", HELDOUT / "article_mao_guanyu_lingdao_fangfa_1943.txt"),
        ("bagu", HELDOUT / "speech_mao_fandui_dang_bagu_1942_zuizhuang1-4.txt"),
        ("jiangzhehu", HELDOUT / "speech_jiang_jiangzhehu_dangjian_zuotan_2000_sec1.txt"),
        ("sixiang", HELDOUT / "speech_deng_jianchi_sixiang_jiben_yuanze_1979_sec1.txt"),
    ),
    # its third (SOURCES.md "blind28"), built blind after the session's changes had landed
    "blind28": (
        ("zhongjiwei", HELDOUT / "speech_jiang_zhongjiwei5_2000_sec1-2.txt"),
        ("jiebanren", HELDOUT / "speech_deng_gaoji_ganbu_youliang_chuantong_1979_sec2.txt"),
        ("zhengdun", HELDOUT / "speech_mao_zhengdun_dang_de_zuofeng_1942_part1.txt"),
        ("shichang", HELDOUT / "talk_deng_shehuizhuyi_shichang_jingji_1979.txt"),
    ),
    # twentieth session (SOURCES.md "blind29"): the served floor of the nineteenth measured on
    # texts of today's voice, which no blind set since blind15 had
    "blind29": (
        ("hongse", HELDOUT / "speech_xi_hongse_ziyuan_2021.txt"),
        ("fazhi", HELDOUT / "speech_xi_fazhi_tixi_2021.txt"),
        ("zhishi", HELDOUT / "speech_xi_zhishifenzi_zuotan_2016.txt"),
        ("jiwei", HELDOUT / "gongbao_jiwei_19th_4th_plenum_2020.txt"),
    ),
    # its second (SOURCES.md "blind30"), built blind after blind29 was read and the session's
    # changes made: the end engine measured on texts nobody had read
    "blind30": (
        ("zhengzhi", HELDOUT / "article_xi_zhengzhi_jianshe_2021_part1.txt"),
        ("jiyin", HELDOUT / "article_xi_hongse_jiyin_2021_part1.txt"),
        ("kaogu", HELDOUT / "speech_xi_kaogu_2020.txt"),
        ("xianggang", HELDOUT / "speech_xi_xianggang25_2022.txt"),
    ),
}
# sets still kept blind: their texts stay out of the reference, frame and lure tables
# (bench/reference_keys.py, open_frames.py, open_slots.py) and their gold lists unread; a new
# blind set is added here once, and a set moves out once its texts may be read
BLIND_SETS: tuple[str, ...] = (
    "blind19",
    "blind20",
    "blind21",
    "blind22",
    "blind23",
    "blind24",
    "blind25",
    "blind26",
    "blind27",
    "blind28",
    "blind29",
    "blind30",
)
TEXTS = TEXT_SETS["review"]


def sample(seed: int, size: int, texts=TEXTS, quiz: bool = False) -> list[tuple[str, object]]:
    from quizapp.generation import generate_questions

    rng = random.Random(f"quality-sample\x1f{seed}")
    per_text = [size // len(texts)] * len(texts)
    for k in range(size - sum(per_text)):
        per_text[k] += 1
    out = []
    for (label, path), n in zip(texts, per_text, strict=True):
        text = path.read_text(encoding="utf-8")
        if quiz:  # what a learner is served: the engine's own pick of n, with this seed
            out.extend((label, q) for q in generate_questions(text, seed=seed, count=n))
            continue
        questions = generate_questions(text, seed=0)
        picked = sorted(rng.sample(range(len(questions)), min(n, len(questions))))
        out.extend((label, questions[i]) for i in picked)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="sample seed (default 1)")
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--set", choices=sorted(TEXT_SETS), default="review", help="which texts")
    parser.add_argument(
        "--quiz", action="store_true", help="the quizzes a learner is served, not the bank"
    )
    args = parser.parse_args()
    texts = TEXT_SETS[args.set]
    missing = [str(path) for _, path in texts if not path.is_file()]
    if missing:
        print(f"text not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    items = sample(args.seed, args.size, texts, args.quiz)
    if args.json:
        rows = [
            dict(item=n, text=label, **q.to_dict(), stem_shown=shown_stem(q))
            for n, (label, q) in enumerate(items, 1)
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for n, (label, q) in enumerate(items, 1):
        print("\n".join(question_lines(q, f"{n}. [{label}]")))
        print()
    return 0


def shown_stem(q) -> str:
    """The stem as the learner sees it: a cloze blank followed by its length hint (〔4字〕)."""
    from quizapp.generation import blank_lengths, stem_shown

    return stem_shown(q.stem, blank_lengths(q.answer)) if q.kind == "cloze" else q.stem


def question_lines(q, heading: str, explain: bool = False) -> list[str]:
    """A question as a reviewer reads it: kind, stem as shown (with the blanks' length hints),
    options, answer, accepted spellings (when there is more than one), the explanation if asked,
    and the source sentence."""
    from quizapp.generation import KIND_LABELS

    answer = q.answer
    if q.kind == "judge":
        answer = "正确" if answer else "错误"
    elif isinstance(answer, list):
        answer = " | ".join(answer)
    lines = [f"## {heading} {KIND_LABELS[q.kind]} ({q.template})", f"   题干: {shown_stem(q)}"]
    lines += [f"   {'ABCDE'[k]}. {option}" for k, option in enumerate(q.options)]
    lines.append(f"   答案: {answer}")
    if q.kind == "cloze" and any(len(a) > 1 for a in q.accepted):
        lines.append(f"   可接受: {q.accepted}")
    if explain:
        lines.append(f"   解析: {q.explanation}")
    lines.append(f"   出处: {q.source}")
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
