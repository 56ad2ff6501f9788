"""Every page a member and an organizer see, in headless Chromium at phone sizes (360×740,
390×844) and on a desktop (1366×900), over one world with long names: no date, time, score or
count is broken across two lines ("2026-11-" / "29", "12 /" / "30", "3" / "人"), no page scrolls
sideways, no table scrolls sideways inside its card, no text is under 12px, and
a member's links and buttons are at least 32px tall on a phone.

Screenshots of every page at both sizes are written to the test's temporary folder
(``screenshots/<page>-<width>.png``).
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from conftest import DEFAULT_PASSWORD, PHONE, SAMPLE_QUESTIONS, log_in_page
from sqlalchemy import select

from quizapp.extensions import db

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LONG_GROUP = "中共某某市委宣传部机关第一党支部"
MATERIAL_TITLE = "学习贯彻党的二十届三中全会精神专题辅导报告（第二部分）"
OPEN_TITLE = "学习贯彻党的二十届三中全会精神专题答题赛（第一期）"
WRONG = {"single": "政治意识", "multiple": ["道路自信"], "judge": False, "cloze": ["重要性"]}
PEOPLE = [  # username, display name, group (None: LONG_GROUP), role
    ("xiaoli", "李晓丽", None, "learner"),
    ("ouyang", "欧阳建国同志", None, "learner"),
    ("zhangsan", "张三", "第二党支部", "learner"),
    ("wangwu", "王五", "第二党支部", "learner"),
    ("org1", "组织员王建国", None, "organizer"),
    ("admin1", "管理员", None, "admin"),
]

# A date, a time, a score or a count, with its unit: one piece that must stay on one line.
RUNS = (
    r"\d{4}-\d{2}-\d{2}(?:\s+\d{2}:\d{2}(?::\d{2})?)?"
    r"|\d{2}-\d{2}\s+\d{2}:\d{2}(?::\d{2})?"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
    r"|第\s*\d+\s*(?:/\s*\d+\s*)?(?:题|次|名|页|部分)"
    r"|\d+\s*(?:分\s*\d+\s*秒|小时\s*\d+\s*分|分\s*\d{2}\s*秒)"
    r"|\d+(?:\.\d+)?\s*/\s*(?:应\s*)?\d+(?:\s*(?:题|人|页|已答))?"
    r"|\d+(?:\.\d+)?\s*(?:道可用题|道题|份答卷|分钟|个关键词|题|人|次|秒|字|天|分|道|%)"
)

BROKEN_RUNS = """re => {
  // The visible text of the page, piece by piece: text nodes joined while they flow in the same
  // box (an inline <b> or <span> inside a line), split where a new box starts (a cell, a badge).
  const boxOf = n => {
    let e = n.parentElement;
    while (e && getComputedStyle(e).display === "inline") e = e.parentElement;
    return e;
  };
  const pieces = [];
  let current = null;
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const tag = node.parentElement.tagName;
    if (tag === "SCRIPT" || tag === "STYLE" || tag === "TITLE") continue;
    if (!node.parentElement.checkVisibility()) continue;  // a closed <details>, a hidden view
    const box = boxOf(node);
    if (!current || current.box !== box) {
      current = {box, text: "", nodes: []};
      pieces.push(current);
    }
    current.nodes.push([node, current.text.length]);
    current.text += node.data;
  }
  const at = (piece, i) => {
    let k = piece.nodes.length - 1;
    while (k > 0 && piece.nodes[k][1] > i) k -= 1;
    return [piece.nodes[k][0], i - piece.nodes[k][1]];
  };
  const broken = [];
  const pattern = new RegExp(re, "g");
  for (const piece of pieces) {
    for (const m of piece.text.matchAll(pattern)) {
      const range = document.createRange();
      range.setStart(...at(piece, m.index));
      range.setEnd(...at(piece, m.index + m[0].length));
      const rects = [...range.getClientRects()].filter(r => r.width > 1 && r.height > 1);
      const apart = rects.some(a => rects.some(b => b.top >= a.bottom - 1));
      if (apart) broken.push(m[0].replace(/\\s+/g, " ").trim());
    }
  }
  return broken;
}"""


SMALL_TARGETS = """() => [...document.querySelectorAll("main a[href], main button, main summary")]
  .filter(e => e.checkVisibility())
  // a link inside a sentence is exempt (as WCAG's target size exempts it)
  .filter(e => !(getComputedStyle(e).display === "inline"
                 && e.parentElement.innerText.trim().length > e.innerText.trim().length + 4))
  .filter(e => e.getBoundingClientRect().height < 32)
  .map(e => e.innerText.trim())"""

TINY_TEXT = """() => [...document.querySelectorAll("body *")]
  .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim()))
  .filter(e => e.checkVisibility() && parseFloat(getComputedStyle(e).fontSize) < 12)
  .map(e => `${e.innerText.trim().slice(0, 12)} ${getComputedStyle(e).fontSize}`)"""


def broken_runs(page: Any) -> list[str]:
    """The dates, times, scores and counts on the page that are broken across lines."""
    return page.evaluate(BROKEN_RUNS, RUNS)


def setup_world(app: Any) -> None:
    """Members of a branch with a long name, a bank of 12 questions under a long title, a
    member's 练习 (two answers wrong: 错题本), three 答题赛 (open, upcoming, closed with a
    ranking), and a finished 现场赛."""
    from quizapp.contests import services as paper
    from quizapp.live import services as live
    from quizapp.models import BankQuestion, Group, Material, User, utcnow
    from quizapp.study import services as study
    from quizapp.study.owner import Owner

    groups = {LONG_GROUP: Group(name=LONG_GROUP), "第二党支部": Group(name="第二党支部")}
    db.session.add_all(groups.values())
    db.session.flush()
    users = {}
    for username, name, group, role in PEOPLE:
        user = User(
            username=username,
            display_name=name,
            role=role,
            group_id=groups[group or LONG_GROUP].id,
        )
        user.set_password(DEFAULT_PASSWORD)
        users[username] = user
    material = Material(title=MATERIAL_TITLE, text="（手工题库）", content_hash=uuid.uuid4().hex)
    db.session.add_all([*users.values(), material])
    db.session.flush()
    questions = []
    for _copy in range(3):
        for sample in SAMPLE_QUESTIONS:
            data = dict(sample)
            data.setdefault("accepted", [])
            row = BankQuestion(
                material_id=material.id, uid=uuid.uuid4().hex[:16], origin="manual", **data
            )
            questions.append(row)
    db.session.add_all(questions)
    db.session.flush()

    def response(q: BankQuestion, right: bool) -> Any:
        return q.answer if right else WRONG[q.kind]

    now = utcnow()
    me = users["xiaoli"]
    for days, wrong in ((3, {0, 5}), (1, {1})):
        started = now - timedelta(days=days, minutes=13)
        attempt = study.start_attempt(
            Owner(user_id=me.id), questions[:8], mode="practice",
            material_id=material.id, now=started,
        )  # fmt: skip
        for i, q in enumerate(questions[:8]):
            study.answer_question(
                attempt, q, response(q, i not in wrong), now=started + timedelta(seconds=70 * i)
            )
    study.start_attempt(Owner(user_id=me.id), questions[:4], mode="practice",
                        material_id=material.id, now=now)  # fmt: skip

    def paper_contest(title: str, opens: timedelta, closes: timedelta):
        return paper.create_contest(
            title=title,
            material_id=material.id,
            opens_at=now + opens,
            closes_at=now + closes,
            kind_counts={"single": 3, "multiple": 3, "judge": 3, "cloze": 3},
            time_limit_s=1800,
            max_attempts=3,
            reveal="immediately",
            created_by_id=users["org1"].id,
            group_ids=[g.id for g in groups.values()],
        )

    def sit(contest, user, at, wrong: int) -> None:
        attempt = paper.start_attempt(contest, user.id, at)
        rows = [db.session.get(BankQuestion, i) for i in attempt.question_ids]
        paper.save_answers(attempt, {q.id: response(q, i >= wrong) for i, q in enumerate(rows)}, at)
        paper.finish_attempt(attempt, at + timedelta(minutes=12, seconds=5))

    opened = paper_contest(OPEN_TITLE, -timedelta(hours=2), timedelta(days=6))
    sit(opened, me, now - timedelta(hours=1), wrong=2)
    paper_contest("下期答题赛", timedelta(days=2), timedelta(days=9))
    closed = paper_contest("上期答题赛：党章党规知识", -timedelta(days=9), -timedelta(days=2))
    for k, name in enumerate(("xiaoli", "ouyang", "zhangsan")):
        sit(closed, users[name], now - timedelta(days=8, hours=k), wrong=k)
    paper.settle(closed, now)

    contest, _ = live.create_contest(
        questions[:4], title="十一月支部知识竞赛现场赛", seconds=20,
        material_id=material.id, created_by_id=users["org1"].id,
    )  # fmt: skip
    tokens = {}
    for name in ("xiaoli", "ouyang", "zhangsan", "wangwu"):
        user = users[name]
        _player, tokens[name], _ = live.join(
            contest, name=user.display_name, team=user.group.name, user_id=user.id
        )
    moment = live.now_ts()
    for position, q in enumerate(questions[:4]):
        live.advance(contest, moment)
        uid = contest.questions[position].uid
        for k, name in enumerate(tokens):
            body = {"question_id": uid, "answer": response(q, (k + position) % 3 != 2)}
            live.submit_answer(contest.code, tokens[name], body, arrival=moment + 2 + k)
        moment += 5
        live.advance(contest, moment)  # close
    live.advance(contest, moment)  # finish


def world_urls(app: Any) -> dict[str, dict[str, str]]:
    """The pages to walk, by who walks them: name → path."""
    from quizapp.models import (
        Attempt,
        BankQuestion,
        LiveContest,
        Material,
        NotebookEntry,
        PaperAttempt,
        PaperContest,
    )

    with app.app_context():
        material = db.session.scalar(select(Material.id))
        question = db.session.scalar(select(BankQuestion.id))
        done = db.session.scalar(select(Attempt.token).where(Attempt.submitted_at.is_not(None)))
        opened = db.session.scalar(select(PaperContest.id).where(PaperContest.title == OPEN_TITLE))
        closed = db.session.scalar(select(PaperContest.id).where(PaperContest.title.like("上期%")))
        sitting = db.session.scalar(
            select(PaperAttempt.id).where(PaperAttempt.contest_id == closed).limit(1)
        )
        code = db.session.scalar(select(LiveContest.code))
        assert db.session.scalar(select(NotebookEntry.id)) is not None
    learner = {
        "home": "/",
        "materials": "/materials",
        "material": f"/materials/{material}",
        "start": "/test/new",
        "result": f"/test/{done}/result",
        "scores": "/me/scores",
        "notebook": "/notebook",
        "review": "/review",
        "contests": "/contests/",
        "paper-open": f"/contests/paper/{opened}",
        "paper-closed": f"/contests/paper/{closed}",
        "paper-ranking": f"/contests/paper/{closed}/results",
        "paper-answers": f"/contests/attempts/{sitting}",
        "live-join": "/join",
        "live-enter": f"/live/{code}",
        "report": f"/manage/questions/{question}/report",
        "settings": "/auth/settings",
    }
    organizer = {
        "paper-results": f"/contests/paper/{opened}/results",
        "live-rounds": "/live/rounds",
        "live-results": f"/live/rounds/{code}/results",
        "manage": "/manage/",
        "manage-material": f"/manage/materials/{material}",
        "manage-questions": "/manage/questions",
        "manage-stats": "/manage/stats",
        "manage-audit": "/manage/audit",
        "paper-create": "/contests/paper/new",
    }
    admin = {"users": "/admin/users", "groups": "/admin/groups"}
    return {"xiaoli": learner, "org1": organizer, "admin1": admin}


PHONE_390 = {"width": 390, "height": 844}
DESKTOP_1280 = {"width": 1280, "height": 800}
DESKTOP_1366 = {"width": 1366, "height": 900}


@pytest.mark.parametrize(
    "viewport", [PHONE, PHONE_390, DESKTOP_1366], ids=["phone-360", "phone-390", "desktop"]
)
def test_pages_read_whole_on_a_phone_and_a_desktop(live_server, chromium, screenshot, viewport):
    """On a phone a date broke inside itself (开放时间 2026-11-29 20:00 至 2026-12-05 20:00 read
    "2026-12-" on one line, "05 20:00" on the next), and so did counts ("104 道" / "题", "3 /
    10", "已交卷 1" / "次"). Every page of the walk now keeps each one on a line. At 390px the
    答题赛 ranking and the 现场赛 results table scrolled sideways by 22 and 28px with a
    six-character name beside 12 分 05 秒; they now fit, at 360px too (the 支部 goes under the
    name on a phone). On the member's pages at phone size
    every link and button is a finger's target (全部材料 and 我的成绩 on the home page were 23px
    tall), and no text anywhere is under 12px (a badge in a small line was 10.6px, 纠错 in the
    错题本's small line 11.6px)."""
    app, base = live_server(setup=setup_world)
    width = viewport["width"]
    broken: dict[str, list[str]] = {}
    wide: list[str] = []
    small: dict[str, list[str]] = {}
    for username, pages in world_urls(app).items():
        context = chromium.new_context(viewport=viewport, device_scale_factor=1, locale="zh-CN")
        page = context.new_page()
        log_in_page(page, base, username)
        for name, path in pages.items():
            response = page.goto(base + path)
            assert response is not None and response.status == 200, path
            screenshot(page, f"{name}-{width}")
            if runs := broken_runs(page):
                broken[name] = runs
            if tiny := page.evaluate(TINY_TEXT):
                small[name] = tiny
            if username == "xiaoli" and width < 700 and (targets := page.evaluate(SMALL_TARGETS)):
                small[name] = targets
            if page.evaluate("document.documentElement.scrollWidth") > width:
                wide.append(name)
            sideways = page.eval_on_selector_all(
                ".table-wrap",
                "ws => ws.filter(w => w.scrollWidth > w.clientWidth + 1).map(w =>"
                " `${w.firstElementChild.className} by ${w.scrollWidth - w.clientWidth}px`)",
            )
            if sideways:
                wide.append(f"{name}: table(s) scroll sideways: {sideways}")
        context.close()
    problems = [f"broken {name}: {runs}" for name, runs in broken.items()]
    problems += [f"too wide {name}" for name in wide]  # the page, or a table inside its card
    problems += [f"too small {name}: {items}" for name, items in small.items()]
    assert not problems, "\n".join(problems)


LONG_NAME = "欧阳建国同志（第一党小组）"  # 13 characters: a live player's name may have 16


def setup_long_name_world(app: Any) -> None:
    """The walk's world, with one member's name long in both rankings."""
    from quizapp.models import LivePlayer, User

    setup_world(app)
    db.session.scalars(select(User).where(User.username == "ouyang")).one().display_name = LONG_NAME
    for player in db.session.scalars(select(LivePlayer).where(LivePlayer.name == "欧阳建国同志")):
        player.name = LONG_NAME


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP_1280], ids=["phone-360", "desktop-1280"])
def test_rankings_fit_a_360px_phone_with_a_long_name(live_server, chromium, screenshot, viewport):
    """At 360px the 答题赛 ranking (five columns) and the 现场赛 results (six) scrolled inside
    their cards beside a long name. On a phone the 支部 now goes under the name, and the name
    wraps whole in the cell that takes the room left (a phone has no hover for a title); at
    1280px the 支部 keeps its column. Nothing is cut: every name and 支部 is read in full."""
    app, base = live_server(setup=setup_long_name_world)
    urls = world_urls(app)
    pages = {"paper-ranking": ("xiaoli", urls["xiaoli"]["paper-ranking"]),
             "live-results": ("org1", urls["org1"]["live-results"])}  # fmt: skip
    width = viewport["width"]
    for name, (username, path) in pages.items():
        context = chromium.new_context(viewport=viewport, device_scale_factor=2, locale="zh-CN")
        page = context.new_page()
        log_in_page(page, base, username)
        page.goto(base + path)
        screenshot(page, f"ranking-{name}-{width}")
        table = page.locator("table.rank-table").first
        assert table.evaluate("t => t.closest('.table-wrap').scrollWidth") <= table.evaluate(
            "t => t.closest('.table-wrap').clientWidth + 1"
        ), name
        cell = table.locator("td.rank-name", has_text="欧阳建国同志").first
        assert cell.locator("span").first.inner_text() == LONG_NAME
        cut = cell.evaluate(
            "c => [...c.querySelectorAll('span')].some(s => s.scrollWidth > s.clientWidth + 1)"
        )
        assert not cut, name
        side = table.locator("th.rank-side").first
        if width < 700:
            assert not side.is_visible()
            assert cell.locator(".rank-sub").inner_text() == LONG_GROUP  # under the name
        else:
            assert side.is_visible() and not cell.locator(".rank-sub").is_visible()
        assert not broken_runs(page), (name, broken_runs(page))
        context.close()


NAMES = {"member1": "欧阳建国同志", "org2": "组织员王建国", "admin2": "管理员"}


def setup_bar_people(app: Any) -> None:
    """A member with a six-character name, an organizer and an admin (no materials needed)."""
    from conftest import new_user

    for username, role in (("member1", "learner"), ("org2", "organizer"), ("admin2", "admin")):
        new_user(username, role=role, display_name=NAMES[username])
    new_user("big1", display_name=NAMES["member1"]).large_font = True


BAR_ITEMS = """bar => [...bar.querySelectorAll('a, button, summary')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map(e => { const r = e.getBoundingClientRect();
              return {text: e.innerText.trim(), top: Math.round(r.top), right: r.right}; })"""


@pytest.mark.parametrize("username", ["member1", "org2", "admin2", None])
def test_the_top_bar_is_one_row_on_a_360px_phone(live_server, chromium, screenshot, username):
    """A logged-in member's top bar took three rows of a 360px phone (理论学习自测 / 学习材料 错题本
    竞赛 我的成绩 name / 退出, 149px of 740). On a phone it is now one row: the brand, 学习, 错题,
    竞赛 and 我的, a menu with 我的成绩, the member's name (设置), 管理 and 用户 for those who
    have them, and 退出. On a desktop (1280px) every link is on the bar as before."""
    app, base = live_server(setup=setup_bar_people)
    who = username or "visitor"
    for viewport in ({"width": 1280, "height": 800}, PHONE):
        context = chromium.new_context(viewport=viewport, device_scale_factor=2, locale="zh-CN")
        page = context.new_page()
        if username:
            log_in_page(page, base, username)
        else:
            page.goto(base + "/")
        width = viewport["width"]
        screenshot(page, f"topbar-{who}-{width}", full_page=False)
        bar = page.locator(".topbar")
        items = bar.evaluate(BAR_ITEMS)
        rows = {item["top"] for item in items}
        assert len(rows) == 1, (width, items)  # one row
        assert bar.bounding_box()["height"] <= 60, (width, bar.bounding_box())
        assert max(item["right"] for item in items) <= width, items
        texts = [item["text"] for item in items]
        if not username:
            assert texts[-2:] == ["登录", "注册"], texts
        elif width > 700:
            assert texts[1:5] == ["学习材料", "错题本", "竞赛", "我的成绩"], texts
            assert texts[-2:] == [NAMES[username], "退出"], texts
        else:
            assert texts == ["理论学习自测", "学习", "错题", "竞赛", "我的"], texts
            bar.get_by_text("我的", exact=True).click()
            menu = bar.evaluate(BAR_ITEMS)
            screenshot(page, f"topbar-{who}-{width}-menu", full_page=False)
            shown = [item["text"] for item in menu][5:]
            extra = {"member1": [], "org2": ["管理"], "admin2": ["管理", "用户"]}[username]
            assert shown == ["我的成绩", *extra, f"{NAMES[username]} · 设置", "退出"], shown
            page.get_by_role("link", name="我的成绩").click()
            page.wait_for_url(base + "/me/scores*")
            bar.get_by_text("我的", exact=True).click()
            bar.get_by_role("button", name="退出").click()
            page.wait_for_url(base + "/*")
            assert "登录" in bar.inner_text()
        context.close()


def test_the_top_bar_with_large_type_stays_on_the_screen(live_server, chromium, screenshot):
    """A member who chose 大字号 (20px) at 360px: the brand takes a row and the links the next
    (two rows, not three), nothing runs off the screen, and 我的 opens its menu on the screen."""
    app, base = live_server(setup=setup_bar_people)
    context = chromium.new_context(viewport=PHONE, device_scale_factor=2, locale="zh-CN")
    page = context.new_page()
    log_in_page(page, base, "big1")
    screenshot(page, "topbar-large-font-360", full_page=False)
    bar = page.locator(".topbar")
    items = bar.evaluate(BAR_ITEMS)
    assert len({item["top"] for item in items}) <= 2, items
    assert max(item["right"] for item in items) <= PHONE["width"], items
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    bar.get_by_text("我的", exact=True).click()
    menu = page.locator(".nav-menu-list").bounding_box()
    assert menu["x"] >= 0 and menu["x"] + menu["width"] <= PHONE["width"], menu
    screenshot(page, "topbar-large-font-360-menu", full_page=False)
    page.locator("main").click(position={"x": 20, "y": 400})  # a tap outside closes it
    assert not page.locator(".nav-menu-list").is_visible()
    context.close()


def test_the_menu_closes_when_the_keyboard_leaves_it(live_server, chromium, screenshot):
    """qa9: at 360px a keyboard user opening 我的 with Enter and tabbing past 退出 left the menu
    open over the page: the next focus (打开错题本) sat under it, out of sight. Tabbing out now
    closes the menu; Escape closes it and gives the focus back to 我的, as before."""
    app, base = live_server(setup=setup_bar_people)
    context = chromium.new_context(viewport=PHONE, device_scale_factor=2, locale="zh-CN")
    page = context.new_page()
    log_in_page(page, base, "member1")
    page.locator(".nav-menu summary").focus()
    page.keyboard.press("Enter")
    menu = page.locator(".nav-menu-list")
    assert menu.is_visible()
    for _ in range(3):  # 我的成绩, the name · 设置, 退出
        page.keyboard.press("Tab")
        assert menu.is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "退出"
    page.keyboard.press("Tab")  # out of the menu, into the page
    assert not menu.is_visible()
    assert page.evaluate("!document.activeElement.closest('.nav-menu')")
    screenshot(page, "topbar-menu-tabbed-out-360", full_page=False)
    page.keyboard.press("Shift+Tab")  # back to 退出: the menu is shut, so 我的 itself
    page.keyboard.press("Enter")
    assert menu.is_visible()
    page.keyboard.press("Escape")
    assert not menu.is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    context.close()
