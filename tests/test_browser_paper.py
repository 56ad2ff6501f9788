"""A paper (答题赛) on a phone-sized Chromium: answers are saved as they go and survive a reload,
the countdown submits by itself before the server's deadline, and the score is the server's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import (
    QA_DESKTOP,
    QA_PHONE,
    add_hand_bank,
    answer_503,
    lines_of,
    log_in_page,
    lose_first_reply,
    new_user,
)
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.extensions import db

pytestmark = pytest.mark.browser

LIMIT_S = 9


def _paper_of(samples: tuple[int, ...], kind_counts: dict[str, int], time_limit_s: int) -> None:
    """learner1 and an open 答题赛 of the SAMPLE_QUESTIONS ``samples``, answers shown at once."""
    from quizapp.contests import services
    from quizapp.models import utcnow

    new_user("learner1", display_name="学员甲")
    material, _ = add_hand_bank(samples, title="浏览器题库")
    services.create_contest(
        title="浏览器答题赛",
        material_id=material.id,
        opens_at=utcnow() - timedelta(minutes=5),
        closes_at=utcnow() + timedelta(hours=1),
        kind_counts=kind_counts,
        time_limit_s=time_limit_s,
        max_attempts=1,
        reveal="immediately",
        created_by_id=None,
    )


def setup_data(app) -> None:
    _paper_of((0, 3), {"single": 1, "cloze": 1}, LIMIT_S)  # one single choice, one cloze


def start_paper(page, base: str) -> None:
    """learner1 logs in and starts the 浏览器答题赛 paper (its confirm accepted)."""
    log_in_page(page, base, "learner1")
    page.goto(f"{base}/contests/")
    page.click("text=浏览器答题赛")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("text=开始答题")
    page.wait_for_selector("#pc-paper")


def answer_both(page, cloze: str) -> None:
    """Picks 核心意识 (right) for the single choice and types ``cloze`` into the cloze."""
    page.locator(".option", has_text="核心意识").click()
    page.fill("fieldset[data-question] input[type=text]", cloze)


def test_a_paper_saves_as_it_goes_and_submits_itself(live_server, phone_page, screenshot) -> None:
    from quizapp.models import PaperAnswer, PaperAttempt

    app, base = live_server(setup=setup_data)
    page = phone_page
    start_paper(page, base)

    answer_both(page, "根本性")
    expect(page.locator("[data-saved].is-saved")).to_have_count(2, timeout=5000)
    page.reload()
    assert page.locator(".option", has_text="核心意识").locator("input").is_checked()
    assert page.input_value("fieldset[data-question] input[type=text]") == "根本性"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "paper-phone")

    # Nobody presses 交卷: the countdown does, and the page shows the server's score.
    page.wait_for_selector("text=正确答案", timeout=(LIMIT_S + 5) * 1000)
    assert "2 <span" in page.content()
    # the revealed cloze keeps its blank's length hint, as on the paper
    expect(page.locator(".pc-q .question-stem .blank-hint")).to_have_text("〔3字〕")
    with app.app_context():
        attempt = db.session.scalar(select(PaperAttempt))
        assert (attempt.score, attempt.total, attempt.close_reason) == (2, 2, "submitted")
        assert attempt.time_used_ms <= LIMIT_S * 1000
        assert len(db.session.scalars(select(PaperAnswer)).all()) == 2


@pytest.mark.parametrize("hand_in", ["button", "deadline"])
def test_a_second_tab_keeps_the_first_tabs_answers(live_server, phone_page, hand_in) -> None:
    """The paper open in two tabs from the start: the first answers the single choice (saved),
    the second, still blank there, answers the cloze and hands the paper in, by 交卷 or, once a
    交卷 was called off, by the countdown. Both answers count: 2 / 2."""
    from quizapp.models import PaperAnswer, PaperAttempt

    app, base = live_server(setup=setup_data)
    first = phone_page
    start_paper(first, base)
    second = first.context.new_page()
    second.goto(first.url)
    second.wait_for_selector("#pc-paper")

    first.locator(".option", has_text="核心意识").click()
    expect(first.locator("[data-saved].is-saved")).to_have_count(1)
    if hand_in == "deadline":
        first.close()
    second.fill("fieldset[data-question] input[type=text]", "根本性")
    expect(second.locator("[data-saved].is-saved")).to_have_count(1)
    expect(second.locator("#pc-answered")).to_have_text("2")  # the first tab's answer counts
    if hand_in == "button":
        second.once("dialog", lambda dialog: dialog.accept())
        second.click("button.pc-submit")
    else:
        second.once("dialog", lambda dialog: dialog.dismiss())
        second.click("button.pc-submit")
    second.wait_for_selector("text=正确答案", timeout=(LIMIT_S + 5) * 1000)
    with app.app_context():
        attempt = db.session.scalar(select(PaperAttempt))
        assert (attempt.score, attempt.total, attempt.close_reason) == (2, 2, "submitted")
        assert len(db.session.scalars(select(PaperAnswer)).all()) == 2


def setup_multiple(app) -> None:
    """A paper of one 多选 (道路自信, 理论自信, 文化自信 are right), ten minutes to answer."""
    _paper_of((1,), {"multiple": 1}, 600)


def test_quick_ticks_on_a_slow_network_save_the_last_choice(live_server, phone_page) -> None:
    """Three boxes of a 多选 ticked in quick succession, the first tick's save held up on the
    way (a phone on a slow network; with several workers the requests may be handled in any
    order): what is saved in the end is what the page shows, all three, not the first tick's
    older state arriving last."""
    from quizapp.models import PaperAnswer

    app, base = live_server(setup=setup_multiple)
    page = phone_page
    start_paper(page, base)

    held: list = []
    sent: list[str] = []

    def slow_first(route) -> None:
        sent.append(route.request.post_data or "")
        if not held:
            held.append(route)  # delivered later
        else:
            route.continue_()

    page.route("**/answer", slow_first)
    for option in ("道路自信", "理论自信", "文化自信"):
        page.locator(".option", has_text=option).click()
    page.wait_for_timeout(1000)
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator("[data-saved].is-saved")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    with app.app_context():
        saved = db.session.scalars(select(PaperAnswer)).one()
        assert saved.response == ["道路自信", "理论自信", "文化自信"]
    page.unroute("**/answer")
    page.reload()
    for option in ("道路自信", "理论自信", "文化自信"):
        assert page.locator(".option", has_text=option).locator("input").is_checked()


def setup_long_paper(app) -> None:
    """The paper of setup_data with ten minutes to answer, for tests that must not run out."""
    from quizapp.models import PaperContest

    setup_data(app)
    db.session.flush()
    db.session.scalars(select(PaperContest)).one().time_limit_s = 600


def test_saves_refused_during_an_outage_are_sent_again(live_server, phone_page, screenshot):
    """The server answers 503 to every save while both questions are answered: each question
    says 未保存 and the bar how many wait; once the server is back the page saves them by
    itself, without 交卷 and without touching the page again."""
    from quizapp.models import PaperAnswer, PaperAttempt

    app, base = live_server(setup=setup_long_paper)
    page = phone_page
    start_paper(page, base)
    refused = answer_503(page, "**/answer")
    answer_both(page, "根本性")
    expect(page.locator("[data-saved].is-error", has_text="未保存，正在重试")).to_have_count(2)
    expect(page.locator("#pc-status")).to_have_text("2 题未保存，正在重试…")
    page.wait_for_timeout(2500)
    assert len(refused) >= 4  # each question sent again while the server refuses
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        screenshot(page, f"paper-outage-{width}", full_page=False)
    page.unroute("**/answer")
    expect(page.locator("[data-saved].is-saved")).to_have_count(2, timeout=15000)
    expect(page.locator("#pc-status")).to_have_text("已恢复，全部已保存")
    expect(page.locator("#pc-answered")).to_have_text("2")
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        screenshot(page, f"paper-recovered-{width}", full_page=False)
    with app.app_context():
        attempt = db.session.scalar(select(PaperAttempt))
        assert attempt.finished_at is None
        assert len(db.session.scalars(select(PaperAnswer)).all()) == 2


def test_a_save_lost_offline_is_sent_when_the_phone_is_back_online(live_server, phone_page):
    """The phone loses its network, the answer's save fails; the moment it is back online the
    page sends it again (the browser's online event), well before the next timed retry."""
    from quizapp.models import PaperAnswer

    app, base = live_server(setup=setup_long_paper)
    page = phone_page
    start_paper(page, base)
    page.context.set_offline(True)
    page.locator(".option", has_text="核心意识").click()
    expect(page.locator("[data-saved].is-error")).to_have_text("未保存，正在重试…")
    page.wait_for_timeout(4000)  # a few retries: the next one is 4 s or more away
    page.context.set_offline(False)
    expect(page.locator("[data-saved].is-saved")).to_have_count(1, timeout=2000)
    with app.app_context():
        assert len(db.session.scalars(select(PaperAnswer)).all()) == 1


HANDING_IN_RETRY = "正在交卷…网络或服务器暂时不通，正在重试，请不要关闭本页"


def test_a_hand_in_during_an_outage_goes_through_when_the_server_is_back(
    live_server, phone_page, screenshot
):
    """The server answers 503 to every save and to 交卷, pressed once: the bar says the paper
    is being handed in and retried, and its 已答 counter still counts the two answers given
    (it said 0 / 2: only the server's count); once the server is back the page lands on the
    result by itself with both answers (sent with the hand-in) scored: 2 / 2."""
    from quizapp.models import PaperAnswer, PaperAttempt

    app, base = live_server(setup=setup_long_paper)
    page = phone_page
    start_paper(page, base)
    answer_503(page, "**/answer")
    hand_ins = answer_503(page, "**/submit")
    answer_both(page, "根本性")
    expect(page.locator("#pc-status")).to_have_text("2 题未保存，正在重试…")
    expect(page.locator("#pc-answered")).to_have_text("2")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button.pc-submit")
    expect(page.locator("#pc-status")).to_have_text(HANDING_IN_RETRY)
    expect(page.locator(".pc-progress")).to_have_text("2 / 2 已答")
    # the answers whose saves were refused go with the hand-in
    expect(page.locator("[data-saved]", has_text="随交卷提交")).to_have_count(2)
    page.wait_for_timeout(3500)
    assert len(hand_ins) >= 2  # sent again while the server refuses, nobody pressing again
    expect(page.locator("#pc-paper")).to_be_visible()  # the paper, not an error page
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        screenshot(page, f"paper-handing-in-{width}", full_page=False)
    page.unroute("**/answer")
    page.unroute("**/submit")
    page.wait_for_selector("text=正确答案", timeout=15000)
    expect(page.locator("main")).to_contain_text("已交卷。")
    with app.app_context():
        attempt = db.session.scalar(select(PaperAttempt))
        assert (attempt.score, attempt.total, attempt.close_reason) == (2, 2, "submitted")
        assert len(db.session.scalars(select(PaperAnswer)).all()) == 2


def test_a_hand_in_whose_reply_was_lost_counts_once(live_server, phone_page) -> None:
    """交卷 reaches the server but its reply is lost (a 503 from the proxy instead): the page
    sends it again, the paper is closed once, and the wrong answer is in the 错题本 once."""
    from quizapp.models import NotebookEntry, PaperAttempt

    app, base = live_server(setup=setup_long_paper)
    page = phone_page
    start_paper(page, base)
    answer_both(page, "不知道")
    expect(page.locator("[data-saved].is-saved")).to_have_count(2)
    hand_ins = lose_first_reply(page, "**/submit")  # the first hand-in's reply lost
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button.pc-submit")
    page.wait_for_selector("text=正确答案", timeout=15000)
    assert len(hand_ins) == 2
    with app.app_context():
        attempt = db.session.scalar(select(PaperAttempt))
        assert (attempt.score, attempt.total, attempt.close_reason) == (1, 2, "submitted")
        entry = db.session.scalars(select(NotebookEntry)).one()
        assert entry.wrong_count == 1


def test_the_deadline_hand_in_waits_for_a_server_that_is_down(live_server, phone_page) -> None:
    """Both answers saved, then the server goes down before the deadline and comes back only
    after it: the page's automatic hand-in keeps trying, and once it gets through the paper is
    closed at its deadline with the saved answers scored, and the page says so."""
    from quizapp.models import PaperAttempt

    app, base = live_server(setup=setup_data)
    page = phone_page
    start_paper(page, base)
    answer_both(page, "根本性")
    expect(page.locator("[data-saved].is-saved")).to_have_count(2)
    live_server.stop()
    expect(page.locator("#pc-status")).to_have_text(HANDING_IN_RETRY, timeout=(LIMIT_S + 5) * 1000)
    page.wait_for_timeout(2500)  # the deadline (and its grace) passes while the server is down
    live_server.resume()
    page.wait_for_selector("text=正确答案", timeout=20000)
    expect(page.locator("main")).to_contain_text("答题时间已到，按时间到时保存的答案计分。")
    with app.app_context():
        attempt = db.session.scalar(select(PaperAttempt))
        assert (attempt.score, attempt.total, attempt.close_reason) == (2, 2, "timeout")
        assert attempt.finished_at == attempt.deadline_at


def setup_team_results(app) -> None:
    """The 浏览器答题赛 for two branches' rosters (three and two members): two of the first and
    one of the second have handed in; an organizer looks at the results."""
    from quizapp.contests import services
    from quizapp.models import Group, PaperContest, PaperRosterGroup, utcnow

    setup_data(app)
    new_user("org1", role="organizer", display_name="组织者")
    first, second = Group(name="第一党支部"), Group(name="机关第二党支部")
    db.session.add_all([first, second])
    db.session.flush()
    members = [new_user(f"m{i}", display_name=f"党员{i}", group_id=g.id)
               for i, g in enumerate([first, first, first, second, second])]  # fmt: skip
    db.session.flush()
    contest = db.session.scalar(select(PaperContest))
    contest.roster_groups = [PaperRosterGroup(group_id=g.id) for g in (first, second)]
    db.session.flush()
    for member in (members[0], members[1], members[3]):
        attempt = services.start_attempt(contest, member.id, utcnow())
        services.finish_attempt(attempt, utcnow())


def test_the_team_table_reads_on_a_phone(live_server, open_page, screenshot) -> None:
    """At 390 px the 各支部 table broke 第一党支部 after 支 and "2 / 应 3" after 应: on a phone
    each branch's name has its own line and no number breaks; on a desktop it is a table."""
    _app, base = live_server(setup=setup_team_results)
    for size in (QA_PHONE, QA_DESKTOP):
        page = open_page(size, base, "org1", scale=2)
        page.goto(f"{base}/contests/paper/1/results")
        table = page.locator(".pc-teams")
        table.scroll_into_view_if_needed()
        screenshot(page, f"teams-{size['width']}", full_page=False)
        rows = table.locator("tbody tr")
        assert rows.count() == 2
        first = rows.filter(has_text="第一党支部").inner_text()
        assert "2 / 应 3" in first and "67%" in first
        assert "1 / 应 2" in rows.filter(has_text="机关第二党支部").inner_text()
        assert table.evaluate(
            "t => t.closest('.table-wrap').scrollWidth <= t.closest('.table-wrap').clientWidth"
        )
        cells = table.locator("tbody td").all()
        assert len(cells) == 12  # 名次, 支部, 参加, 参与率, 平均分, 最高分
        for cell in cells:
            assert lines_of(cell) == 1, (size, cell.inner_text())
        page.context.close()


LONG_BRANCH = "市委宣传部机关离退休干部第二党支部（文明办、网信办联合）"


def setup_long_branch_results(app) -> None:
    """The results of setup_team_results, the second branch with a long name (as real ones are:
    the office, the retirees' branch and a bracketed note)."""
    from quizapp.models import Group

    setup_team_results(app)
    db.session.scalar(select(Group).where(Group.name == "机关第二党支部")).name = LONG_BRANCH


def test_a_long_branch_name_keeps_the_ranking_readable(live_server, open_page, screenshot) -> None:
    """排名 with a branch name of 28 characters: at 390 px it squeezed the other columns (the
    score and time broke over lines) and ran down the row character by character. Now on the
    projector (1366 px) it is one line in its column (the full name also on hover, title); on a
    phone the column gives its room to the person's cell and the branch is a second line under
    the name, at most two lines (at 360 px five columns scrolled inside the card). The numbers
    never wrap and nothing scrolls sideways."""
    _app, base = live_server(setup=setup_long_branch_results)
    for size in (QA_PHONE, QA_DESKTOP):
        page = open_page(size, base, "org1", scale=2)
        page.goto(f"{base}/contests/paper/1/results")
        table = page.locator(".pc-rank")
        screenshot(page, f"ranking-{size['width']}", full_page=False)
        assert table.evaluate(
            "t => t.closest('.table-wrap').scrollWidth <= t.closest('.table-wrap').clientWidth"
        ), size
        row = table.locator("tbody tr", has=page.locator("td", has_text="市委宣传部"))
        cells = row.locator("td").all()
        assert len(cells) == 5
        rank, name, team, score, time_used = cells
        for cell in (rank, score, time_used):
            assert lines_of(cell) == 1, (size, cell.inner_text())
        assert team.get_attribute("title") == LONG_BRANCH
        assert team.text_content().strip() == LONG_BRANCH  # all of it in the page
        under = name.locator(".rank-sub")
        if size is QA_PHONE:
            assert not team.is_visible() and under.text_content() == LONG_BRANCH
            assert lines_of(name.locator("span").first) == 1 and lines_of(under) <= 2
        else:
            assert lines_of(team) == 1 and lines_of(name) == 1 and not under.is_visible()
        page.context.close()


def test_the_paper_pages_links_are_finger_sized_on_a_phone(live_server, phone_page, screenshot):
    """On the 答题赛 page the back link 「← 竞赛」 was 20 px tall and the 「继续」/「查看」 link of
    one's own paper 22 px: easy to miss with a thumb. Both are now at least 44 px tall (the
    app's tap size), as are the back link and the 纠错 links on a paper's result."""
    app, base = live_server(setup=setup_data)
    page = phone_page
    start_paper(page, base)
    page.goto(f"{base}/contests/")
    page.click("text=浏览器答题赛")
    links = [
        page.get_by_role("link", name="← 竞赛"),
        page.get_by_role("link", name="继续", exact=True),
    ]
    for link in links:
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box
    screenshot(page, "paper-links-390")
    links[1].click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("button.pc-submit").click()
    back = page.get_by_role("link", name="← 浏览器答题赛")
    expect(back).to_be_visible(timeout=5000)
    assert back.bounding_box()["height"] >= 44
    # the answers are shown at once here: each 纠错 link was 20 px tall (no study.css)
    reports = page.get_by_role("link", name="纠错")
    expect(reports).to_have_count(2)
    assert all(link.bounding_box()["height"] >= 44 for link in reports.all())
    screenshot(page, "paper-result-links-390")
    page.set_viewport_size({"width": 1366, "height": 900})
    screenshot(page, "paper-result-links-1366")


def drafts_kept(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('quizapp-draft:'))")


def test_a_reload_keeps_the_answers_not_yet_saved(live_server, phone_page, screenshot) -> None:
    """An 答题赛 paper on a phone whose network drops: the single choice ticked cannot be saved,
    the page is reloaded. Before, the tick was gone; now it comes back, in that tab and in a new
    one after the tab was dropped, and is saved once the network is back; a blank reloaded
    before its save (0.7 s) comes back too. Never handed in by itself; 交卷 hands in both, and
    the browser keeps nothing of the paper."""
    from quizapp.models import PaperAnswer, PaperAttempt

    app, base = live_server(setup=setup_long_paper)
    page = phone_page
    start_paper(page, base)
    paper_url = page.url
    page.route("**/answer", lambda route: route.abort())  # the network is gone
    page.locator(".option", has_text="核心意识").click()
    expect(page.locator("[data-saved].is-error")).to_have_text("未保存，正在重试…")
    page.once("dialog", lambda dialog: dialog.accept())  # "leave this page?": yes
    page.reload()
    assert page.locator(".option", has_text="核心意识").locator("input").is_checked()
    expect(page.locator("#pc-answered")).to_have_text("1")
    with app.app_context():
        assert db.session.scalars(select(PaperAnswer)).all() == []

    context = page.context  # the phone drops the tab; the paper is opened again
    page.close()
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(paper_url)
    assert page.locator(".option", has_text="核心意识").locator("input").is_checked()
    expect(page.locator("[data-saved].is-saved")).to_have_count(1)
    assert drafts_kept(page) == []
    with app.app_context():
        assert len(db.session.scalars(select(PaperAnswer)).all()) == 1

    page.fill("fieldset[data-question] input[type=text]", "根本性")
    page.reload()  # before the blank's save was due
    assert page.input_value("fieldset[data-question] input[type=text]") == "根本性"
    expect(page.locator("#pc-status")).to_have_text("已恢复刚才还没保存的 1 题，已自动保存")
    expect(page.locator("[data-saved].is-saved")).to_have_count(2)
    expect(page.locator("#pc-answered")).to_have_text("2")
    for width, height in ((360, 740), (1280, 800)):
        page.set_viewport_size({"width": width, "height": height})
        screenshot(page, f"paper-restored-{width}", full_page=False)
    assert drafts_kept(page) == []
    with app.app_context():
        attempt = db.session.scalar(select(PaperAttempt))
        assert attempt.finished_at is None  # never handed in by itself
        assert len(db.session.scalars(select(PaperAnswer)).all()) == 2
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button.pc-submit")
    page.wait_for_selector("text=正确答案")
    assert drafts_kept(page) == []
    with app.app_context():
        attempt = db.session.scalar(select(PaperAttempt))
        assert (attempt.score, attempt.close_reason) == (2, "submitted")
    # a draft left behind however the paper was handed in: its result page forgets it
    page.evaluate(
        """key => localStorage.setItem('quizapp-draft:' + key, JSON.stringify({at: Date.now()}))""",
        f"paper:{attempt.id}:1",
    )
    page.reload()
    assert drafts_kept(page) == []
