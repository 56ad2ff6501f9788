"""A live round in real browsers: a host on the 大屏 and three players on phones, via the UI only.

The host logs in, creates a three-question round from a bank and runs it; three players join by
code in their own Chromium contexts (phone-sized), answer by tapping (single choice), ticking
boxes (multiple choice) and typing (cloze); one reloads mid-round and comes back as the same
player. The podium the 大屏 shows at the end must match the standings in the database.
"""

from __future__ import annotations

import re
import time

import pytest
from conftest import (
    DESKTOP,
    PHONE,
    QA_DESKTOP,
    QA_PHONE,
    SAMPLE_QUESTIONS,
    add_hand_bank,
    lines_of,
    log_in_page,
    new_user,
)
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.extensions import db

pytestmark = pytest.mark.browser

# Plans by question kind: True answers right, False answers wrong.
PLANS = {
    "甲": {"single": True, "multiple": True, "cloze": True},
    "乙": {"single": True, "multiple": False, "cloze": True},
    "丙": {"single": False, "multiple": False, "cloze": True},
}
TEAMS = {"甲": "第一支部", "乙": "第二支部", "丙": "第一支部"}
WRONG = {"single": "政治意识", "multiple": ["道路自信"], "cloze": ["重要性"]}


def setup_data(app) -> None:
    new_user("host1", role="organizer", display_name="主持人")
    add_hand_bank((0, 1, 3), title="浏览器题库")  # single, multiple, cloze


KINDS = ("single", "multiple", "judge", "cloze")


def create_round(host, base: str, title: str, kinds: tuple[str, ...], shoot=None) -> str:
    """host1 logs in and creates a round `title` of one question of each of `kinds`, 60 s
    each (`shoot(host)` is called on the filled-in form), then opens its 大屏; returns the
    round's code."""
    log_in_page(host, base, "host1")
    host.goto(f"{base}/live/rounds/new")
    host.fill("input[name=title]", title)
    host.fill("input[name=count]", str(len(kinds)))
    for value in KINDS:
        box = host.locator(f"input[name=kinds][value={value}]")
        if value in kinds:
            box.check()
        else:
            box.uncheck()
    host.fill("input[name=seconds]", "60")
    if shoot is not None:
        shoot(host)
    host.get_by_role("button", name="创建并打开大屏").click()
    host.locator("#live-host").wait_for()
    return host.locator(".lobby-code").inner_text().strip()


def play_answer(page, name: str) -> None:
    """Answer the open question as `name`'s plan says (right or wrong for its kind)."""
    view = page.locator("[data-view=question]")
    shown = view.locator("[data-q-stem]").inner_text()
    stem = re.sub(r"〔\d+字〕", "", shown)  # a cloze blank's length hint
    sample = next(q for q in SAMPLE_QUESTIONS if q["stem"] == stem)
    kind = sample["kind"]
    answer = sample["answer"] if PLANS[name][kind] else WRONG[kind]
    if kind == "single":
        view.locator(".live-choice", has_text=answer).click()
    elif kind == "multiple":
        for option in answer:
            view.locator("label.live-check", has_text=option).locator("input").check()
        view.get_by_role("button", name="提交答案").click()
    else:
        # 根本性: its length beside the blank and in the input, never the key
        assert "党的（　　）〔3字〕建设" in shown and "根本性" not in shown
        assert view.locator("input.live-blank").first.get_attribute("placeholder") == "3个字"
        view.locator("input.live-blank").first.fill(answer[0])
        view.get_by_role("button", name="提交答案").click()
    view.locator("[data-q-msg]", has_text="已提交").wait_for()


def round_code(app) -> str:
    """The code of the one round a setup made."""
    from quizapp.models import LiveContest

    with app.app_context():
        return db.session.scalar(select(LiveContest.code))


def join_by_link(phone, base: str, code: str, name: str):
    """``name`` joins the round ``code`` on ``phone`` by its link (no team) and waits in the
    lobby; returns the lobby."""
    phone.goto(f"{base}/live/{code}")
    phone.fill("input[name=name]", name)
    phone.get_by_role("button", name="加入比赛").click()
    lobby = phone.locator("[data-view=lobby]")
    expect(lobby).to_contain_text("等待主持人开始")
    return lobby


def test_host_and_three_players_play_a_round(live_server, open_page, screenshot):
    app, base = live_server(setup=setup_data)
    errors: list[str] = []
    lags: list[float] = []  # from the host's click until all three phones show the change

    def watch(page) -> None:
        page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
        page.on(
            "console",
            lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None,
        )

    host = open_page(DESKTOP)
    watch(host)
    kinds = ("single", "multiple", "cloze")
    code = create_round(
        host, base, "浏览器现场赛", kinds, shoot=lambda page: screenshot(page, "host-create")
    )
    # (the lobby's QR is an <img> the page may still be loading: wait for it, on a busy machine)
    host.wait_for_function(
        "() => { const img = document.querySelector('img.lobby-qr');"
        " return img !== null && img.complete && img.naturalWidth > 0; }",
        timeout=10000,
    )

    players = {}
    for name in PLANS:
        page = open_page(PHONE, scale=2)
        watch(page)
        page.goto(f"{base}/join")
        page.fill("input[name=code]", code.lower())
        page.get_by_role("button", name="下一步").click()
        if name == "甲":
            screenshot(page, "player-enter")
        page.fill("input[name=name]", name)
        page.fill("input[name=team_text]", TEAMS[name])
        page.get_by_role("button", name="加入比赛").click()
        page.locator("[data-view=lobby]", has_text="等待主持人开始").wait_for()
        players[name] = page
    host.locator(".host-name", has_text="丙").wait_for(timeout=3000)
    screenshot(host, "host-lobby")
    screenshot(players["甲"], "player-lobby")

    host.get_by_role("button", name="锁定报名").click()
    host.locator("[data-locked]").wait_for(timeout=3000)
    host.get_by_role("button", name="开放报名").click()
    host.locator("[data-locked]").wait_for(state="hidden", timeout=3000)

    advance = host.locator("[data-advance]")
    for number in (1, 2, 3):
        started = time.monotonic()
        advance.click()  # 开始比赛 / 下一题
        for page in players.values():
            page.locator("[data-view=question] .live-qno", has_text=f"第 {number} / 3 题").wait_for(
                timeout=5000
            )
        lags.append(time.monotonic() - started)
        host.locator("[data-q-no]", has_text=f"第 {number} / 3 题").wait_for()
        if number == 2:  # 丙 loses the network for a moment, then answers as before
            players["丙"].context.set_offline(True)
            players["丙"].locator("[data-network]").wait_for(timeout=5000)
            players["丙"].context.set_offline(False)
        for name, page in players.items():
            play_answer(page, name)
        if number == 2:
            assert players["丙"].locator("[data-network]").is_hidden()
        host.locator("[data-answered]", has_text="已作答 3 / 3").wait_for(timeout=3000)
        screenshot(players["乙"], f"player-question-{number}")
        if number == 1:
            screenshot(host, "host-question")
        started = time.monotonic()
        advance.click()  # 提前结束本题
        for page in players.values():
            page.locator("[data-view=result] [data-verdict]", has_text="回答").wait_for(
                timeout=5000
            )
        lags.append(time.monotonic() - started)
        host.locator("[data-answer-box]").wait_for()
        host.locator("[data-top10] .board-row").first.wait_for(timeout=3000)
        if number == 1:
            screenshot(host, "host-closed")
            screenshot(players["丙"], "player-result-wrong")
            # 乙 reloads: same player, same score, no second join
            verdict = players["乙"].locator("[data-view=result] [data-verdict]")
            before = (
                verdict.inner_text(),
                players["乙"].locator("[data-me-score]").first.inner_text(),
            )
            players["乙"].reload()
            verdict.filter(has_text=before[0]).wait_for(timeout=3000)
            players["乙"].locator("[data-me-score]", has_text=before[1]).first.wait_for(
                timeout=3000
            )
        if number == 2:
            screenshot(players["甲"], "player-result-right")
            screenshot(host, "host-closed-multiple")

    advance.click()  # 公布最终结果
    host.locator("[data-stage=finished]").wait_for()
    host.locator(".podium-1 .podium-name").wait_for()
    shown = [host.locator(f".podium-{i} .podium-name").inner_text() for i in (1, 2, 3)]
    for page in players.values():
        page.locator("[data-view=finished]").wait_for(timeout=3000)
    screenshot(host, "host-podium")
    screenshot(players["丙"], "player-finished")

    from quizapp.models import LivePlayer

    with app.app_context():
        rows = db.session.execute(
            select(LivePlayer.name, LivePlayer.score).order_by(
                LivePlayer.score.desc(), LivePlayer.right_ms
            )
        ).all()
    assert shown == [r.name for r in rows] == ["甲", "乙", "丙"]
    assert host.locator(".podium-1 .podium-score").inner_text() == f"{rows[0].score} 分"
    final_rank = players["乙"].locator("[data-view=finished] [data-me-rank]").inner_text()
    assert final_rank.startswith("第 2 名")
    teams = host.locator("[data-teams] .board-name").all_inner_texts()
    assert sorted(teams) == ["第一支部", "第二支部"]
    host.get_by_role("link", name="成绩与导出").click()
    host.locator("h2", has_text="逐题统计").wait_for()
    screenshot(host, "host-results")
    host.set_viewport_size(PHONE)
    screenshot(host, "host-results-phone")
    assert [e for e in errors if "ERR_INTERNET_DISCONNECTED" not in e] == []
    print("phones followed the host in", [round(x, 2) for x in lags], "s")
    assert max(lags) < 2.5, lags  # polling once a second: about 1 s, 1.5 s promised


def test_a_phone_rides_out_a_server_restart(live_server, open_page, screenshot):
    """The server goes down while a question is open (a restart): the phone says the
    connection is lost, an answer tapped meanwhile says it waits and is sent again; once the
    server is back the answer is taken, the notice goes and the 大屏 counts it, untouched."""
    from quizapp.models import LiveAnswer

    app, base = live_server(setup=setup_data)
    host = open_page(DESKTOP)
    code = create_round(host, base, "重启演练", ("single",))

    phone = open_page(PHONE, scale=2)
    phone.goto(f"{base}/join")
    phone.fill("input[name=code]", code)
    phone.get_by_role("button", name="下一步").click()
    phone.fill("input[name=name]", "甲")
    phone.get_by_role("button", name="加入比赛").click()
    phone.locator("[data-view=lobby]", has_text="等待主持人开始").wait_for()
    host.locator("[data-advance]").click()  # 开始比赛
    question = phone.locator("[data-view=question]")
    question.locator(".live-qno", has_text="第 1 / 1 题").wait_for(timeout=5000)

    live_server.stop()
    network = phone.locator("[data-network]")
    expect(network).to_be_visible(timeout=6000)
    expect(network).to_contain_text("连接中断")
    expect(host.locator("[data-network]")).to_be_visible(timeout=6000)
    question.locator(".live-choice", has_text="核心意识").click()
    msg = question.locator("[data-q-msg]")
    expect(msg).to_contain_text("未提交：连接中断，正在重试")
    phone.wait_for_timeout(4000)  # longer than the old code's four quick tries
    expect(msg).to_contain_text("正在重试")
    for width, height in ((390, 844), (1366, 900)):
        phone.set_viewport_size({"width": width, "height": height})
        screenshot(phone, f"player-restart-{width}")

    live_server.resume()
    expect(msg).to_contain_text("已提交：C. 核心意识", timeout=8000)
    expect(network).to_be_hidden(timeout=6000)
    expect(host.locator("[data-answered]")).to_have_text(re.compile(r"已作答 1 / 1"), timeout=6000)
    expect(host.locator("[data-network]")).to_be_hidden()
    for width, height in ((390, 844), (1366, 900)):
        phone.set_viewport_size({"width": width, "height": height})
        screenshot(phone, f"player-back-{width}")
    with app.app_context():
        assert len(db.session.scalars(select(LiveAnswer)).all()) == 1


def add_round(app, title: str, players: dict[str, str] | None = None) -> None:
    """setup_data's organizer and bank with a round ``title`` of the bank; with ``players``
    (name → team), they join it and it is run to its end, nobody answering."""
    from quizapp.live import services
    from quizapp.models import BankQuestion, User

    setup_data(app)
    host = db.session.scalar(select(User).where(User.username == "host1"))
    questions = list(db.session.scalars(select(BankQuestion)))
    contest, _ = services.create_contest(questions, title=title, created_by_id=host.id)
    if players is None:
        return
    for name, team in players.items():
        services.join(contest, name=name, team=team, user_id=None)
    moment = time.time()
    for _ in range(2 * len(questions) + 1):  # open and close each question, then finish
        moment += 1
        services.advance(contest, moment)


def setup_finished_round(app) -> None:
    """The organizer of setup_data with one round of its bank, as the rounds list shows it."""
    add_round(app, "第一党支部十二月现场赛")


def test_rounds_list_fits_a_phone(live_server, phone_page, screenshot):
    """The organizer's list of rounds on a phone: each round's 大屏 and 成绩 buttons are on the
    screen, not behind a sideways scroll of a seven-column table squeezed to 360 pixels."""
    app, base = live_server(setup=setup_finished_round)
    page = phone_page
    log_in_page(page, base, "host1")
    page.goto(base + "/live/rounds")
    screenshot(page, "rounds-phone")
    wrap = page.locator("main .table-wrap")
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth"), "the table scrolls sideways"
    for name in ("大屏", "成绩"):
        box = page.get_by_role("link", name=name, exact=True).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name
    code = page.locator("main td b").first
    assert code.evaluate("e => e.getClientRects().length") == 1, "the code breaks over lines"


def setup_two_player_round(app) -> None:
    """A finished round of setup_data's bank that two players took part in."""
    add_round(app, "两人现场赛", {"甲": "第一支部", "乙": "第一支部"})


def test_podium_of_two_players_has_no_empty_third_step(live_server, open_page, screenshot):
    """With two players the 大屏's podium shows two steps: a bronze block with nobody on it
    looked like a player whose name failed to load."""
    app, base = live_server(setup=setup_two_player_round)
    page = open_page(DESKTOP, base, "host1")
    code = round_code(app)
    page.goto(f"{base}/live/rounds/{code}/host")
    page.locator("[data-stage=finished]").wait_for()
    page.locator(".podium-name").first.wait_for()
    screenshot(page, "podium-two")
    assert page.locator(".podium-place").count() == 2
    assert page.locator(".podium-name").all_inner_texts() == ["乙", "甲"]  # 2nd left, 1st centre


def setup_three_tied_for_third(app) -> None:
    """A finished round of setup_data's bank: 甲 and 乙 answer the first question right (甲
    sooner), 丙, 丁 and 戊 answer nothing, so they share the third place."""
    from quizapp.live import services
    from quizapp.models import BankQuestion, User

    setup_data(app)
    host = db.session.scalar(select(User).where(User.username == "host1"))
    questions = list(db.session.scalars(select(BankQuestion)))
    contest, _ = services.create_contest(questions[:1], title="并列第三", created_by_id=host.id)
    tokens = {}
    for name in ("甲", "乙", "丙", "丁", "戊"):
        tokens[name] = services.join(contest, name=name, team=None, user_id=None)[1]
    moment = time.time()
    services.advance(contest, moment)  # question 1 open
    sample = next(s for s in SAMPLE_QUESTIONS if s["stem"] == questions[0].stem)
    body = {"question_id": contest.questions[0].uid, "answer": sample["answer"]}
    services.submit_answer(contest.code, tokens["甲"], body, arrival=moment + 1)
    services.submit_answer(contest.code, tokens["乙"], body, arrival=moment + 3)
    services.advance(contest, moment + 5)  # closed
    services.advance(contest, moment + 6)  # finished


def test_the_podium_says_who_else_shares_its_third_step(live_server, open_page, screenshot):
    """qa9: 甲 first, 乙 second, 丙, 丁 and 戊 equal third. Every phone said 并列第 3 名, but the
    podium's third step showed 丙 alone (`并列 3`), first to join: as if joining sooner were a
    better place. The step now also says 另有 2 人并列 (丁、戊 in its title)."""
    app, base = live_server(setup=setup_three_tied_for_third)
    page = open_page(DESKTOP, base, "host1")
    page.goto(f"{base}/live/rounds/{round_code(app)}/host")
    page.locator("[data-stage=finished]").wait_for()
    podium = page.locator("[data-podium]")
    expect(podium.locator(".podium-place")).to_have_count(3)
    assert podium.locator(".podium-name").all_inner_texts() == ["乙", "甲", "丙"]
    third = podium.locator(".podium-place").nth(2)
    expect(third.locator(".podium-more")).to_have_text("另有 2 人并列")
    assert third.locator(".podium-more").get_attribute("title") == "并列第 3 名：丙、丁、戊"
    assert podium.locator(".podium-more").count() == 1
    screenshot(page, "podium-three-tied-third")


def test_a_player_removed_in_the_lobby_is_told_so(live_server, open_page, screenshot):
    """The host removes a player while the round waits in the lobby: the phone, which only
    polled the public state there, kept saying 等待主持人开始. Now it says, in a few seconds,
    that the host removed them, and offers 重新加入 (the join page, no longer pointing back to
    the old place) and 离开."""
    app, base = live_server(setup=setup_data)
    host = open_page(DESKTOP)
    code = create_round(host, base, "移出演练", ("single",))
    phone = open_page(PHONE, scale=2)
    lobby = join_by_link(phone, base, code, "甲")

    host.locator(".host-manage summary").click()
    row = host.locator(".manage-row", has_text="甲")
    host.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="移出").click()
    expect(row).to_contain_text("已移出")

    removed = phone.locator("[data-view=removed]")
    expect(removed).to_be_visible(timeout=6000)
    expect(removed).to_contain_text("你已被主持人移出本场比赛")
    expect(lobby).to_be_hidden()
    for width, height in ((390, 844), (1366, 900)):
        phone.set_viewport_size({"width": width, "height": height})
        screenshot(phone, f"player-removed-{width}")
    expect(removed.get_by_role("link", name="离开")).to_be_visible()
    removed.get_by_role("link", name="重新加入").click()
    phone.wait_for_url(f"{base}/live/{code}")
    expect(phone.locator("form input[name=name]")).to_be_visible()
    expect(phone.locator("[data-resume]")).to_be_hidden()


def test_a_removed_player_rejoins_under_the_same_name(live_server, chromium, screenshot):
    """The host removes 甲 in the lobby; the phone offers 重新加入 and 甲 joins again under the
    same name (the old place held it: 名字“甲”已经有人用了). A forgotten second tab of the old
    place, which missed the removal, shows the first question and 甲 taps an answer there: it
    is refused (the tab says 已被移出) and scores for nobody, while the new 甲 scores."""
    from quizapp.models import LiveAnswer, LivePlayer

    app, base = live_server(setup=setup_data)
    host_ctx = chromium.new_context(viewport=DESKTOP, locale="zh-CN")
    phone_ctx = chromium.new_context(viewport=PHONE, device_scale_factor=2, locale="zh-CN")
    try:
        host = host_ctx.new_page()
        code = create_round(host, base, "重新加入演练", ("single",))
        phone = phone_ctx.new_page()
        phone.goto(f"{base}/live/{code}")
        phone.fill("input[name=name]", "甲")
        phone.get_by_role("button", name="加入比赛").click()
        expect(phone.locator("[data-view=lobby]")).to_contain_text("等待主持人开始")
        stale = phone_ctx.new_page()  # the old place's second tab; it never hears of the removal
        stale.route("**/me", lambda route: route.abort())
        stale.goto(f"{base}/live/{code}/play")
        expect(stale.locator("[data-view=lobby]")).to_be_visible()

        host.locator(".host-manage summary").click()
        host.once("dialog", lambda dialog: dialog.accept())
        host.locator(".manage-row", has_text="甲").get_by_role("button", name="移出").click()
        removed = phone.locator("[data-view=removed]")
        expect(removed).to_be_visible(timeout=6000)
        removed.get_by_role("link", name="重新加入").click()
        phone.wait_for_url(f"{base}/live/{code}")
        phone.fill("input[name=name]", "甲")
        phone.get_by_role("button", name="加入比赛").click()
        expect(phone.locator(".field .error")).to_have_count(0)
        expect(phone.locator("[data-view=lobby]")).to_contain_text("等待主持人开始")
        screenshot(phone, "player-rejoined")
        expect(host.locator(".host-name", has_text="甲")).to_have_count(1, timeout=5000)
        expect(host.locator("[data-player-count]").first).to_have_text("1")

        host.locator("[data-advance]").click()  # 开始比赛
        for page in (phone, stale):
            expect(page.locator("[data-view=question]")).to_be_visible(timeout=6000)
        stale.locator(".live-choice", has_text="核心意识").click()
        expect(stale.locator("[data-view=removed]")).to_be_visible(timeout=6000)
        phone.locator(".live-choice", has_text="核心意识").click()
        phone.locator("[data-q-msg]", has_text="已提交").wait_for()
        new_token = phone.locator("#live-player").get_attribute("data-token")
        stored = phone.evaluate(f"localStorage.getItem('quizapp.live.{code}')")
        assert stored == new_token, "the stale tab left the new place's token alone"

        with app.app_context():
            rows = db.session.execute(
                select(LivePlayer.name, LivePlayer.removed).order_by(LivePlayer.id)
            ).all()
            assert [tuple(r) for r in rows] == [("甲", True), ("甲", False)]
            answers = db.session.execute(select(LiveAnswer.player_id, LiveAnswer.correct)).all()
            new_id = db.session.scalar(select(LivePlayer.id).where(LivePlayer.removed.is_(False)))
            assert [tuple(a) for a in answers] == [(new_id, True)]
    finally:
        host_ctx.close()
        phone_ctx.close()


def test_the_final_screen_shows_the_players_last_answer(live_server, open_page, screenshot):
    """After 公布最终结果 the phone said 最后一题： with nothing after it, then 回答错误, and never
    what the player had answered (each question's result screen does). The final screen now
    names the question (第 1 / 1 题, its kind) and shows 你的答案 under the verdict."""
    app, base = live_server(setup=setup_data)
    host = open_page(DESKTOP)
    code = create_round(host, base, "终场演练", ("single",))
    phone = open_page(PHONE, scale=2)
    join_by_link(phone, base, code, "丙")
    advance = host.locator("[data-advance]")
    advance.click()  # 开始比赛
    question = phone.locator("[data-view=question]")
    question.locator(".live-choice", has_text=WRONG["single"]).click()
    expect(question.locator("[data-q-msg]")).to_contain_text("已提交")
    advance.click()  # 提前结束本题
    expect(phone.locator("[data-view=result] [data-verdict]")).to_have_text("回答错误")
    host.locator("[data-answer-box]").wait_for()
    advance.click()  # 公布最终结果
    final = phone.locator("[data-view=finished]")
    expect(final).to_be_visible(timeout=5000)
    expect(final.locator("[data-verdict]")).to_have_text("回答错误")
    expect(final.locator("[data-mine]")).to_have_text(f"你的答案：A. {WRONG['single']}")
    expect(final.locator(".player-q-head")).to_contain_text("第 1 / 1 题")
    expect(final.locator(".player-q-head")).to_contain_text("单选")
    for width, height in ((390, 844), (1366, 900)):
        phone.set_viewport_size({"width": width, "height": height})
        screenshot(phone, f"player-final-{width}")


LONG_TEAM = "市委宣传部机关离退休干部第二党支部（文明办）"


def setup_long_team_round(app) -> None:
    """A finished round of setup_data's bank: 甲 of a branch with a long name, 乙 of 第一支部."""
    add_round(app, "长支部名现场赛", {"甲": LONG_TEAM, "乙": "第一支部"})


# an element whose text is all on the screen: not cut sideways, no line hidden below its box
SHOWN_WHOLE = """e => {
  const range = document.createRange();
  range.selectNodeContents(e);
  const text = range.getBoundingClientRect(), box = e.getBoundingClientRect();
  return e.scrollWidth <= e.clientWidth && text.bottom <= box.bottom + 4;
}"""


def test_a_long_team_name_keeps_the_projector_ranking_readable(live_server, open_page, screenshot):
    """The 大屏's final screen on a projector (1366×900) and on a phone: a long branch name
    beside a player takes the room left and stops there with "…", the whole name its title; names
    and scores keep their room, each player's row is one line; in the 支部排名 the branch name
    wraps within its column (it was cut to 市委宣传部机关离… with no way to read the rest)."""
    app, base = live_server(setup=setup_long_team_round)
    code = round_code(app)
    for size in (QA_DESKTOP, QA_PHONE):
        page = open_page(size, base, "host1", scale=2)
        page.goto(f"{base}/live/rounds/{code}/host")
        stage = page.locator("[data-stage=finished]")
        stage.locator(".board-row").first.wait_for()
        screenshot(page, f"host-final-long-team-{size['width']}")
        row = stage.locator("[data-top10] .board-row", has_text="甲")
        assert row.locator(".board-team").get_attribute("title") == LONG_TEAM
        assert row.locator(".board-name").evaluate("e => e.scrollWidth <= e.clientWidth")
        team_row = stage.locator("[data-teams] .board-row", has_text="市委宣传部")
        team = team_row.locator(".board-name")
        assert team.get_attribute("title") == LONG_TEAM
        assert team.evaluate(SHOWN_WHOLE), size  # all of it on the screen, not cut with "…"
        if size["width"] == 1366:  # the projector has room for the player's whole branch name
            assert row.locator(".board-team").evaluate(SHOWN_WHOLE)
        first = stage.locator(".podium-place", has=page.locator(".podium-name", has_text="甲"))
        assert first.locator(".podium-team").get_attribute("title") == LONG_TEAM
        short = stage.locator("[data-top10] .board-row", has_text="乙").bounding_box()["height"]
        for each in stage.locator(".board-row").all():
            box = each.bounding_box()
            if "is-team" in (each.get_attribute("class") or ""):  # wraps in its name column
                assert size["width"] < 1366 or box["height"] < 3 * short, each.inner_text()
                assert lines_of(each.locator(".board-team")) == 1  # "1 人"
            else:  # one line, as the row of 乙 of 第一支部
                assert box["height"] <= short + 1, (size, each.inner_text())
            score = each.locator(".board-score").bounding_box()
            assert score["x"] + score["width"] <= box["x"] + box["width"] + 1, "score pushed out"
        page.context.close()


def test_a_long_team_name_keeps_the_results_tables_readable(live_server, open_page, screenshot):
    """The organizer's 成绩 page of a round with a long branch name, on a phone and a desktop:
    in 支部排名 the branch wraps within its own cell (at most two lines on a phone, the whole name
    as its title); in 选手成绩 it keeps its column on a desktop and is a second line under the
    player's name on a phone (at most two lines); rank, name and numbers stay on one line and
    the tables do not scroll sideways."""
    app, base = live_server(setup=setup_long_team_round)
    code = round_code(app)
    for size in (QA_PHONE, QA_DESKTOP):
        page = open_page(size, base, "host1", scale=2)
        page.goto(f"{base}/live/rounds/{code}/results")
        screenshot(page, f"live-results-long-team-{size['width']}")
        tables = page.locator("main table").all()
        assert len(tables) == 2  # 选手成绩, 支部排名
        for table, team_column in zip(tables, (2, 1), strict=True):
            box = "t => t.closest('.table-wrap')"
            assert table.evaluate(f"t => ({box})(t).scrollWidth <= ({box})(t).clientWidth"), size
            row = table.locator("tbody tr", has=page.locator("td", has_text="市委宣传部")).first
            phone = size["width"] == 390
            for i, cell in enumerate(row.locator("td").all()):
                if i == team_column:
                    assert cell.get_attribute("title") == LONG_TEAM
                    if phone and team_column == 2:  # the player's branch: under the name
                        assert not cell.is_visible()
                    else:
                        assert lines_of(cell) <= (2 if phone else 1), size
                elif cell.locator(".rank-sub").count() and phone:
                    under = cell.locator(".rank-sub")
                    assert under.text_content() == LONG_TEAM and lines_of(under) <= 2
                    assert lines_of(cell.locator("span").first) == 1, cell.inner_text()
                else:
                    assert lines_of(cell) == 1, (size, cell.inner_text())
        page.context.close()


def test_players_all_wrong_are_all_first_equal_on_the_phones_and_the_projector(
    live_server, open_page, screenshot
):
    """Three players all answer the only question wrong. Each phone said 第 1 名, 第 2 名 or
    第 3 名 by joining order; now each says 并列第 1 名 / 3 人, the 大屏's ranking shows 并列 in
    each rank circle, and the podium stands all three level on the first step."""
    app, base = live_server(setup=setup_data)
    host = open_page(DESKTOP)
    code = create_round(host, base, "全错演练", ("single",))
    phones = {name: open_page(PHONE, scale=2) for name in ("甲", "乙", "丙")}
    for name, phone in phones.items():
        join_by_link(phone, base, code, name)
    host.locator(".host-name", has_text="丙").wait_for(timeout=3000)
    advance = host.locator("[data-advance]")
    advance.click()  # 开始比赛
    for phone in phones.values():
        question = phone.locator("[data-view=question]")
        question.locator(".live-choice", has_text=WRONG["single"]).click()
        expect(question.locator("[data-q-msg]")).to_contain_text("已提交")
    advance.click()  # 提前结束本题
    for phone in phones.values():
        result = phone.locator("[data-view=result]")
        expect(result.locator("[data-verdict]")).to_have_text("回答错误", timeout=5000)
        expect(result.locator("[data-me-rank]")).to_have_text("并列第 1 名 / 3 人")
    screenshot(phones["丙"], "tie-player-result-360")
    board = host.locator(".host-board [data-top10]")
    ranks = board.locator(".board-rank")
    expect(ranks).to_have_count(3, timeout=3000)
    assert ranks.all_inner_texts() == ["并列\n1"] * 3
    assert [r.get_attribute("title") for r in ranks.all()] == ["并列第 1 名"] * 3
    assert board.locator(".board-name").all_inner_texts() == ["甲", "乙", "丙"]
    screenshot(host, "tie-host-closed-1280")

    advance.click()  # 公布最终结果
    host.locator("[data-stage=finished]").wait_for()
    podium = host.locator("[data-podium]")
    expect(podium.locator(".podium-place")).to_have_count(3)
    assert podium.locator(".podium-1").count() == 3  # one step height for the three
    tops = [box["y"] for box in (b.bounding_box() for b in podium.locator(".podium-block").all())]
    assert max(tops) - min(tops) < 1, tops
    assert podium.locator(".podium-block").all_inner_texts() == ["并列1"] * 3
    screenshot(host, "tie-host-podium-1280")
    final = phones["乙"].locator("[data-view=finished]")
    expect(final).to_be_visible(timeout=5000)
    expect(final.locator("[data-me-rank]")).to_have_text("并列第 1 名 / 3 人")
    screenshot(phones["乙"], "tie-player-final-360")


def test_a_player_who_joins_between_questions_sees_the_rank_the_projector_shows(
    live_server, open_page, screenshot
):
    """甲 answers the first question right, 乙 wrong; the host closes it and 丙 joins before the
    next. The 大屏 ranks 丙 at once (0 points, 并列 2 with 乙); the phone said `—` until the
    next question settled. It now says 并列第 2 名 / 3 人, as the 大屏 does, and so does 乙's
    phone, which kept 第 2 名 / 2 人 until the next question."""
    app, base = live_server(setup=setup_data)
    host = open_page(QA_DESKTOP)
    code = create_round(host, base, "中途加入", ("single",))
    phones = {name: open_page(QA_PHONE, scale=2) for name in ("甲", "乙")}
    for name, phone in phones.items():
        join_by_link(phone, base, code, name)
    host.locator(".host-name", has_text="乙").wait_for(timeout=3000)
    advance = host.locator("[data-advance]")
    advance.click()  # 开始比赛
    for name, phone in phones.items():
        question = phone.locator("[data-view=question]")
        sample = next(s for s in SAMPLE_QUESTIONS if s["kind"] == "single")
        given = sample["answer"] if name == "甲" else WRONG["single"]
        question.locator(".live-choice", has_text=given).click()
        expect(question.locator("[data-q-msg]")).to_contain_text("已提交")
    advance.click()  # 提前结束本题
    expect(phones["乙"].locator("[data-view=result] [data-me-rank]")).to_have_text("第 2 名 / 2 人")

    late = open_page(QA_PHONE, scale=2)
    late.goto(f"{base}/live/{code}")
    late.fill("input[name=name]", "丙")
    late.get_by_role("button", name="加入比赛").click()
    result = late.locator("[data-view=result]")
    expect(result).to_be_visible(timeout=5000)
    expect(result.locator("[data-me-rank]")).to_have_text("并列第 2 名 / 3 人")
    board = host.locator(".host-board [data-top10]")
    expect(board.locator(".board-name")).to_have_count(3, timeout=5000)
    assert board.locator(".board-name").all_inner_texts() == ["甲", "乙", "丙"]
    assert [r.get_attribute("title") for r in board.locator(".board-rank").all()] == [
        None,
        "并列第 2 名",
        "并列第 2 名",
    ]
    # 乙's phone, already on the result screen, said 第 2 名 / 2 人 until the next question
    # (web12): the state counts the players who join after the start, and the phone asks again
    expect(phones["乙"].locator("[data-view=result] [data-me-rank]")).to_have_text(
        "并列第 2 名 / 3 人", timeout=6000
    )
    expect(phones["甲"].locator("[data-view=result] [data-me-rank]")).to_have_text("第 1 名 / 3 人")
    screenshot(late, "late-joiner-result-390")
    late.set_viewport_size(QA_DESKTOP)
    screenshot(late, "late-joiner-result-1366")
    screenshot(host, "late-joiner-host-1366")


def setup_key_out_of_order(app) -> None:
    """host1 and one 多选 whose key lists its options out of their order (the bank keeps the
    key in the order of the text: 文化自信 before 道路自信 and 理论自信, options A, B, D)."""
    new_user("host1", role="organizer", display_name="主持人")
    _material, rows = add_hand_bank((1,), title="浏览器题库")
    rows[0].answer = ["文化自信", "道路自信", "理论自信"]


def test_a_multiple_choice_key_is_told_in_the_order_of_its_options(
    live_server, open_page, screenshot
):
    """The 大屏 ticked A, B and D and said under them 正确答案：文化自信；道路自信；理论自信 (the
    bank's order), and the phones said the same: D first, A and B after. The key is now told
    in the order of the options with their letters, as the 练习 and the 答题赛 tell it (one
    script, static/js/live.js, writes it for both screens)."""
    app, base = live_server(setup=setup_key_out_of_order)
    host = open_page(QA_DESKTOP)
    code = create_round(host, base, "顺序演练", ("multiple",))
    phone = open_page(QA_PHONE, scale=2)
    join_by_link(phone, base, code, "甲")
    advance = host.locator("[data-advance]")
    advance.click()  # 开始比赛
    question = phone.locator("[data-view=question]")
    question.locator("label.live-check", has_text="道路自信").locator("input").check()
    question.get_by_role("button", name="提交答案").click()
    expect(question.locator("[data-q-msg]")).to_contain_text("已提交")
    advance.click()  # 提前结束本题
    key = "A. 道路自信；B. 理论自信；D. 文化自信"
    expect(host.locator("[data-answer]")).to_have_text(key)
    expect(phone.locator("[data-view=result] [data-answer]")).to_have_text(key)
    screenshot(host, "multiple-key-in-order", full_page=False)
    advance.click()  # 公布最终结果
    expect(phone.locator("[data-view=finished] [data-answer]")).to_have_text(key)


def test_the_player_list_on_the_projector_looks_like_it_opens(live_server, open_page, screenshot):
    """选手管理（移出、换机重连） sat under the 大屏 as small grey text with nothing marking it as
    something to open (its summary was a flex box, which drops the browser's ▸): a host looking
    for where to remove a player read it as a footnote. It now has a ▸ that turns ▾ when open."""
    app, base = live_server(setup=setup_data)
    host = open_page(QA_DESKTOP)
    create_round(host, base, "管理演练", ("single",))
    summary = host.locator(".host-manage summary")

    def marker() -> dict:
        return summary.evaluate(
            """s => { const m = getComputedStyle(s, '::before');
                      return {content: m.content,
                              left: parseFloat(m.borderLeftWidth),
                              top: parseFloat(m.borderTopWidth),
                              leftColor: m.borderLeftColor, topColor: m.borderTopColor}; }"""
        )

    closed = marker()
    assert closed["content"] != "none" and closed["left"] > 0, closed  # ▸: a left border
    assert closed["leftColor"] != "rgba(0, 0, 0, 0)", closed
    summary.click()
    opened = marker()
    assert opened["top"] > 0 and opened["topColor"] != "rgba(0, 0, 0, 0)", opened  # ▾
    screenshot(host, "host-manage-open", full_page=False)


def test_a_question_closed_by_its_deadline_is_told_and_counted(live_server, open_page):
    """No one presses 提前结束: the deadline closes the question. The key comes only once the
    late answers' 0.5 s grace is over (the phone says 正在揭晓 meanwhile); then the phone tells
    right or wrong with its points and the 大屏 shows the key and a ranking that counts it."""

    def setup(app) -> None:
        from quizapp.live import services as live

        host = new_user("host1", role="organizer", display_name="主持人")
        db.session.flush()
        material, rows = add_hand_bank((0,), title="截止题库")
        live.create_contest(
            rows, title="截止测试", seconds=10, material_id=material.id, created_by_id=host.id
        )

    app, base = live_server(setup=setup)
    code = round_code(app)
    host = open_page(DESKTOP)
    log_in_page(host, base, "host1")
    host.goto(f"{base}/live/rounds/{code}/host")
    phone = open_page(PHONE, scale=2)
    join_by_link(phone, base, code, "甲")
    host.locator(".host-name", has_text="甲").wait_for(timeout=3000)
    host.locator("[data-advance]").click()
    phone.locator("[data-view=question] .live-choice", has_text="核心意识").click()
    phone.locator("[data-q-msg]", has_text="已提交").wait_for()
    verdict = phone.locator("[data-view=result] [data-verdict]")
    expect(verdict).to_have_text("回答正确", timeout=15000)
    points = phone.locator("[data-view=result] [data-points]").inner_text()
    assert re.fullmatch(r"\+\d+ 分", points) and points != "+0 分", points
    expect(phone.locator("[data-view=result] [data-answer]")).to_contain_text("核心意识")
    expect(host.locator("[data-answer]")).to_contain_text("核心意识", timeout=3000)
    board = host.locator("[data-top10] .board-row").first
    expect(board.locator(".board-score")).to_have_text(points[1:-2], timeout=3000)
