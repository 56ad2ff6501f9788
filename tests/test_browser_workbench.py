"""The workbench in a real browser: upload a GB18030 speech, review and edit a question, export the
bank to Excel and import it into a fresh database with the same questions."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import (
    DESKTOP,
    PHONE,
    QA_DESKTOP,
    QA_PHONE,
    add_hand_bank,
    log_in_page,
    new_user,
)
from sqlalchemy import select

from quizapp.extensions import db

pytestmark = pytest.mark.browser


def add_organizer(app) -> None:
    new_user("org1", role="organizer", display_name="李组织")


def bank_of(app) -> list[tuple]:
    from quizapp.models import BankQuestion

    with app.app_context():
        rows = db.session.scalars(select(BankQuestion).where(BankQuestion.status != "disabled"))
        out = []
        for q in rows:
            answer = q.answer
            if q.kind == "multiple":  # the same set of right options, whatever their order
                answer = sorted(answer, key=q.options.index)
            out.append((q.kind, q.stem, tuple(q.options), json.dumps(answer, ensure_ascii=False)))
        return sorted(out)


def fits_phone(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")


def test_upload_review_edit_export_and_import_into_a_fresh_database(
    live_server, open_page, screenshot, shared_dir, tmp_path
):
    shots = Path(os.environ.get("QUIZAPP_SHOTS", tmp_path / "shots"))
    shots.mkdir(parents=True, exist_ok=True)

    def shoot(page, name: str) -> None:
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)

    source_app, base = live_server({"WORKBENCH_GENERATE_INLINE": False}, setup=add_organizer)
    page = open_page(DESKTOP, accept_downloads=True)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    log_in_page(page, base, "org1")

    # upload the GB18030 file and look at the decoded text
    page.goto(f"{base}/manage/materials/upload")
    page.set_input_files(
        "input[name=file]", str(shared_dir / "corpus" / "encodings" / "seed_gb18030.txt")
    )
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_url("**/manage/materials/draft/**")
    assert "四个意识" in page.locator(".wb-preview").inner_text()
    shoot(page, "preview-desktop")
    page.fill("input[name=title]", "理论学习专题班讲话")
    page.get_by_role("button", name="保存并生成题库").click()
    # a bank with questions the engine doubts lands on the material page, which counts them
    page.wait_for_url(re.compile(r".*/manage/materials/\d+$"), timeout=60_000)
    assert "道是存疑题：审核后才会出给学员和竞赛。" in page.locator(".flashes").inner_text()
    shoot(page, "material-after-generation-desktop")
    page.get_by_role("link", name="审核题目").click()
    page.wait_for_url("**/manage/questions?material=*")
    assert "已为" not in page.url
    shoot(page, "questions-desktop")

    # review: filter to single choice, open the first question and edit its stem
    page.select_option("select[name=kind]", "single")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**kind=single**")
    page.locator(".wb-q").first.get_by_role("link", name="编辑").click()
    page.wait_for_url(re.compile(r".*/questions/\d+/edit(\?.*)?$"))
    stem = page.locator("textarea[name=stem]")
    new_stem = stem.input_value().replace("（　　）", "（　　）【已审核】", 1)
    stem.fill(new_stem)
    page.get_by_role("button", name="保存修改").click()
    page.wait_for_load_state()
    assert "已保存修改" in page.locator(".flashes").inner_text()
    assert "已保存修改" in page.content()
    shoot(page, "edit-desktop")

    # export the bank to Excel from the material page
    page.get_by_role("link", name="《理论学习专题班讲话》").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Excel").click()
    exported = tmp_path / "bank.xlsx"
    info.value.save_as(str(exported))
    original = bank_of(source_app)
    assert any(new_stem == row[1] for row in original)

    # a fresh database: import the file as a new material
    fresh_app, fresh_base = live_server(
        {"SQLALCHEMY_DATABASE_URI": "sqlite:///" + str(tmp_path / "fresh.db")}, setup=add_organizer
    )
    phone = open_page(PHONE, scale=2)
    phone.on("pageerror", lambda exc: errors.append(str(exc)))
    log_in_page(phone, fresh_base, "org1")
    phone.goto(f"{fresh_base}/manage/import")
    assert fits_phone(phone)
    shoot(phone, "import-phone")
    phone.set_input_files("input[name=file]", str(exported))
    phone.get_by_role("button", name="导入").click()
    phone.wait_for_load_state()
    assert f"{len(original)}\n道题已导入" in phone.locator(".wb-result").inner_text().replace(
        " ", "\n"
    )
    assert fits_phone(phone)
    shoot(phone, "import-result-phone")
    assert bank_of(fresh_app) == original

    # the pages a phone user sees in the workbench fit the screen
    phone.goto(f"{fresh_base}/manage/questions")
    assert fits_phone(phone)
    shoot(phone, "questions-phone")
    phone.locator(".wb-q").first.get_by_role("link", name="编辑").click()
    assert fits_phone(phone)
    shoot(phone, "edit-phone")
    assert errors == []


LONG_TITLE = (
    "中国共产党第十九届中央委员会第六次全体会议公报暨关于党的百年奋斗重大成就和历史经验的决议"
    "学习辅导材料（供各党支部组织学习讨论使用，请结合本单位实际认真学习领会）" + "全面贯彻落实" * 10
)


def add_titled_material(app, title: str, key: str) -> None:
    """org1 and a material ``title`` of the four sample questions (uids ``key``0 …)."""
    add_organizer(app)
    add_hand_bank(title=title, text="（手工）", content_hash=key, uid=key, origin="generated")


def add_long_titled_material(app) -> None:
    add_titled_material(app, LONG_TITLE, "long-title")


def test_a_long_material_title_does_not_widen_the_organizer_pages(
    live_server, open_page, screenshot
) -> None:
    """A 140-character title (the upload form allows 200) in every material drop-down: the
    page stays as wide as the phone (the 统计 page's picker was 2294 px wide) and the desktop."""
    app, base = live_server(setup=add_long_titled_material)
    for size in (PHONE, DESKTOP):
        page = open_page(size, base, "org1")
        for path in ("/manage/stats", "/manage/questions", "/test/new", "/live/rounds/new",
                     "/contests/paper/new", "/manage/import"):  # fmt: skip
            page.goto(base + path)
            assert page.locator("select").count(), path
            assert fits_phone(page), (size, path, page.evaluate("document.body.scrollWidth"))
        screenshot(page, f"stats-long-title-{size['width']}")
        page.context.close()


def add_answered_questions(app) -> None:
    """The long-titled bank with one learner's practice answer to each question."""
    from quizapp.models import Attempt, AttemptAnswer, BankQuestion

    add_long_titled_material(app)
    learner = new_user("xue1", display_name="学员")
    db.session.flush()
    questions = list(db.session.scalars(select(BankQuestion).order_by(BankQuestion.id)))
    attempt = Attempt(
        token="stats-phone",
        user_id=learner.id,
        material_id=questions[0].material_id,
        mode="practice",
    )
    db.session.add(attempt)
    db.session.flush()
    for q in questions:
        db.session.add(
            AttemptAnswer(attempt_id=attempt.id, question_id=q.id, response="", is_correct=False)
        )


def test_the_stats_table_keeps_the_stems_readable_on_a_phone(phone_page, live_server, screenshot):
    """On a phone the 统计 page's five columns squeezed each stem to four or five characters a
    line; each question is now a card whose stem takes the card's width."""
    app, base = live_server(setup=add_answered_questions)
    page = phone_page
    log_in_page(page, base, "org1")
    page.goto(base + "/manage/stats")
    screenshot(page, "stats-phone")
    stems = page.locator(".wb-stats-table tbody td:first-child a")
    assert stems.count() == 4
    for i in range(stems.count()):
        cell = stems.nth(i).locator("xpath=..")
        assert cell.bounding_box()["width"] >= 0.7 * PHONE["width"], stems.nth(i).inner_text()
    assert page.locator(".wb-stats-table").evaluate(
        "t => t.closest('.table-wrap').scrollWidth <= t.closest('.table-wrap').clientWidth"
    )


def add_a_question_all_got_wrong(app) -> None:
    """The long-titled bank; six learners each chose 政治意识 for its 单选 (the key: 核心意识),
    so the question carries three hints: 太难, 区分度低, 错误选项比正确选项更受选."""
    from quizapp.models import Attempt, AttemptAnswer, BankQuestion

    add_long_titled_material(app)
    single = db.session.scalar(select(BankQuestion).where(BankQuestion.kind == "single"))
    for n in range(6):
        learner = new_user(f"xue{n}", display_name=f"学员{n}")
        db.session.flush()
        attempt = Attempt(
            token=f"all-wrong-{n}",
            user_id=learner.id,
            material_id=single.material_id,
            mode="practice",
        )
        db.session.add(attempt)
        db.session.flush()
        db.session.add(
            AttemptAnswer(
                attempt_id=attempt.id, question_id=single.id, response="政治意识", is_correct=False
            )
        )


def test_a_questions_hints_stay_inside_its_card_on_a_phone(
    live_server, open_page, screenshot
) -> None:
    """On a phone the 统计 hints of a question sat on one line that did not wrap: the third,
    错误选项比正确选项更受选, ran past the card's edge and was cut off (错误选项比正确选 at
    390 px)."""
    app, base = live_server(setup=add_a_question_all_got_wrong)
    for size in (PHONE, QA_PHONE):
        page = open_page(size, base, "org1", scale=2)
        page.goto(base + "/manage/stats")
        screenshot(page, f"stats-hints-{size['width']}")
        badges = page.locator(".wb-stats-table td[data-label='提示'] .badge")
        assert badges.all_inner_texts() == ["太难", "区分度低", "错误选项比正确选项更受选"]
        card = page.locator(".wb-stats-table tr.is-flagged").first.bounding_box()
        for badge in badges.all():
            box = badge.bounding_box()
            assert box["x"] + box["width"] <= card["x"] + card["width"], badge.inner_text()
        page.context.close()


def test_the_material_page_counts_share_one_row_on_a_phone(phone_page, live_server, screenshot):
    """可出题 / 存疑 / 待复核 / 停用 are four short numbers: stacked as full-width cards they pushed
    the material's actions (审核题目, 重新生成, 导出) below the first screen of a phone."""
    app, base = live_server(setup=add_long_titled_material)
    page = phone_page
    log_in_page(page, base, "org1")
    page.goto(base + "/manage/materials/1")
    screenshot(page, "material-phone")
    tops = [box["y"] for box in (s.bounding_box() for s in page.locator(".wb-stat").all())]
    assert len(tops) == 4 and max(tops) - min(tops) < 1, tops
    assert fits_phone(page)


def add_everyday_material(app) -> None:
    """A material with an everyday title and the four sample questions."""
    add_titled_material(app, "中央政治局民主生活会", "everyday")


def test_the_bank_filters_fold_away_on_a_phone(live_server, open_page, screenshot) -> None:
    """At 390×844 the six filters filled the whole first screen of 题库: no question without
    scrolling. On a phone they fold under a summary naming the current filters, and still
    filter; on a desktop they are shown as before."""
    app, base = live_server(setup=add_everyday_material)
    page = open_page(QA_PHONE, base, "org1", scale=2)
    page.goto(base + "/manage/questions?material=1")
    screenshot(page, "bank-phone", full_page=False)
    first = page.locator(".wb-q").first
    assert first.bounding_box()["y"] + 60 < QA_PHONE["height"], first.bounding_box()
    summary = page.locator(".wb-filters summary")
    assert summary.inner_text() == "筛选（当前：全部题目）"
    assert not page.locator("select[name=status]").is_visible()
    assert fits_phone(page)
    summary.click()
    page.select_option("select[name=kind]", "judge")
    page.fill("input[name=q]", "三严三实")
    page.get_by_role("button", name="筛选", exact=True).click()
    page.wait_for_load_state()
    assert "kind=judge" in page.url and "material=1" in page.url
    assert page.locator(".wb-q").count() == 1
    assert "三严三实" in page.locator(".wb-q-stem").first.inner_text()
    assert summary.inner_text() == "筛选（当前：判断，搜索“三严三实”）"
    assert page.locator(".wb-q").first.bounding_box()["y"] + 60 < QA_PHONE["height"]
    screenshot(page, "bank-phone-filtered", full_page=False)
    page.context.close()

    page = open_page(QA_DESKTOP, base, "org1")
    page.goto(base + "/manage/questions?material=1")
    screenshot(page, "bank-desktop", full_page=False)
    assert not page.locator(".wb-filters summary").is_visible()
    assert page.locator("select[name=status]").is_visible()
    page.select_option("select[name=status]", "review")
    page.get_by_role("button", name="筛选", exact=True).click()
    page.wait_for_load_state()
    assert "status=review" in page.url
    assert page.locator("select[name=status]").is_visible()


def test_the_paper_bar_leaves_the_first_question_alone_on_a_phone(
    live_server, open_page, screenshot
) -> None:
    """At 390×844 the sticky 生成试卷 bar (two rows there) covered the lower half of the first
    question. On a phone it now waits at the end of the list until a question is picked, then
    sticks to the bottom of the screen as one row; on a desktop it sticks from the start."""
    app, base = live_server(setup=add_everyday_material)
    page = open_page(QA_PHONE, base, "org1", scale=2)
    page.goto(base + "/manage/questions?material=1")
    screenshot(page, "bank-bar-phone", full_page=False)
    bar = page.locator(".wb-paper-bar")
    first = page.locator(".wb-q").first.bounding_box()
    assert bar.bounding_box()["y"] >= first["y"] + first["height"], "the bar covers question 1"
    page.locator(".wb-q").first.locator("input[name=ids]").check()
    box = bar.bounding_box()
    assert box["y"] + box["height"] <= QA_PHONE["height"] + 1, "the picked bar is on the screen"
    assert box["height"] <= 72, box  # one row
    assert bar.get_by_role("button").inner_text() == "生成试卷"
    assert fits_phone(page)
    screenshot(page, "bank-bar-phone-picked", full_page=False)
    with page.expect_navigation():
        bar.get_by_role("button").click()
    assert "/manage/paper" in page.url and "ids=" in page.url
    page.context.close()

    page = open_page(QA_DESKTOP, base, "org1")
    page.goto(base + "/manage/questions?material=1")
    screenshot(page, "bank-bar-desktop", full_page=False)
    box = page.locator(".wb-paper-bar").bounding_box()
    assert box["y"] + box["height"] <= QA_DESKTOP["height"] + 1  # sticky from the start
    button = page.locator(".wb-paper-bar").get_by_role("button")
    assert button.inner_text() == "用选中的题生成试卷"


def test_a_file_over_the_limit_is_refused_before_it_is_sent(live_server, open_page, screenshot):
    """The upload page reads the chosen file's size and refuses one over the app's configured
    limit (64 KB here) with the server's own message, without sending it; a smaller file goes."""
    from quizapp.models import UploadDraft
    from quizapp.web import too_large_message

    app, base = live_server({"MAX_UPLOAD_BYTES": 64 * 1024}, setup=add_organizer)
    with app.test_request_context():
        message = too_large_message()
    assert message == "上传的内容太大，不能超过 64 KB。"
    page = open_page(PHONE, base, "org1", scale=2)
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    for path, name in (("/manage/import", "题库.xlsx"), ("/manage/materials/upload", "讲话.txt")):
        page.goto(base + path)
        field = page.locator("input[type=file]")
        assert field.get_attribute("data-max-bytes") == str(64 * 1024)
        assert "最大 64 KB。" in page.locator(".field-filefield .hint").text_content()
        big = {"name": name, "mimeType": "text/plain", "buffer": "党".encode() * 30_000}
        field.set_input_files(big)
        alert = page.locator(".error-size")
        assert alert.text_content() == message  # shown as soon as the file is chosen
        page.click("main form button[type=submit]")
        assert page.url == base + path and alert.text_content() == message
        assert not page.locator("button.is-busy").count()  # the form was not marked sent
    screenshot(page, "upload-too-large-360")
    assert posts == []  # neither page sent anything
    with app.app_context():
        assert db.session.scalar(select(UploadDraft)) is None
    small = {"name": "讲话.txt", "mimeType": "text/plain",
             "buffer": ("坚持以人民为中心的发展思想。" * 50).encode()}  # fmt: skip
    page.locator("input[type=file]").set_input_files(small)
    assert page.locator(".error-size").count() == 0
    page.click("main form button[type=submit]")
    page.wait_for_url("**/manage/materials/draft/**")
    assert len(posts) == 1


def in_view(locator) -> bool:
    """The element is on the screen as the page stands (not above or below it)."""
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }"
    )


def test_a_form_sent_back_shows_its_message_without_scrolling(
    live_server, open_page, screenshot
) -> None:
    """A form the server sent back opened at the page's top while its message sat below the
    first screen: 编辑题目 with answer Z on a phone (the message 1,200 px down), 新建答题赛 with
    交卷后立即公布答案 and two attempts on a desktop (950 px down, the screen 900 px). Nothing
    on the screen said the save had failed; the first message is now brought into view."""
    from quizapp.models import BankQuestion

    app, base = live_server(setup=add_everyday_material)
    with app.app_context():
        single = db.session.scalar(select(BankQuestion.id).where(BankQuestion.kind == "single"))

    page = open_page(QA_PHONE, base, "org1", scale=2)
    page.goto(f"{base}/manage/questions/{single}/edit")
    page.fill("input[name=answer]", "Z")
    page.get_by_role("button", name="保存修改").click()
    page.wait_for_load_state()
    message = page.locator(".field.has-error .error")
    assert message.inner_text() == "答案“Z”不是已有的选项（A～D）"
    assert in_view(message)
    screenshot(page, "edit-error-phone", full_page=False)
    page.context.close()

    page = open_page(QA_DESKTOP, base, "org1")
    page.goto(f"{base}/contests/paper/new")
    page.fill("input[name=title]", "十二月答题赛")
    for kind in ("single", "multiple", "judge", "cloze"):
        page.fill(f"input[name=count_{kind}]", "1")
    page.fill("input[name=max_attempts]", "2")
    page.check("input[name=reveal][value=immediately]")
    page.get_by_role("button", name="创建答题赛").click()
    page.wait_for_load_state()
    message = page.locator(".field.has-error .error")
    assert "每人只能答一次" in message.inner_text()
    assert in_view(message)
    screenshot(page, "paper-new-error-desktop", full_page=False)

    # a message already on the first screen leaves the page where it is
    page.goto(f"{base}/manage/materials/upload")
    empty = {"name": "空.txt", "mimeType": "text/plain", "buffer": b""}
    page.set_input_files("input[type=file]", empty)
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_load_state()
    assert page.locator(".field.has-error .error").inner_text() == "文件是空的，没有任何内容。"
    assert page.evaluate("window.scrollY") == 0


def test_the_upload_limit_stays_on_one_line_on_a_phone(live_server, open_page, screenshot) -> None:
    """导入题库 on a phone ended its hint 最大 5 / MB。: the number on one line, its unit on the
    next. The limit is now one unbroken piece on both upload pages, at 360 and 390 px."""
    app, base = live_server(setup=add_organizer)
    for size in (PHONE, QA_PHONE):
        page = open_page(size, base, "org1", scale=2)
        for path in ("/manage/import", "/manage/materials/upload"):
            page.goto(base + path)
            hint = page.locator(".field-filefield .hint")
            assert "最大 5 MB。" in hint.text_content()
            lines = hint.evaluate(
                """e => {
                  const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                  const text = [];
                  for (let n = walk.nextNode(); n; n = walk.nextNode()) text.push(n);
                  const tops = new Set();
                  for (const node of text) {
                    const at = node.data.indexOf('5 MB');
                    const range = document.createRange();
                    if (at >= 0) { range.setStart(node, at); range.setEnd(node, at + 4); }
                    else continue;
                    for (const r of range.getClientRects()) {
                      if (r.width > 0) tops.add(Math.round(r.top));
                    }
                  }
                  return tops.size;
                }"""
            )
            assert lines == 1, (size, path)
        screenshot(page, f"import-limit-{size['width']}")
        page.context.close()


def add_bank_and_a_learner(app) -> None:
    add_organizer(app)
    new_user("xue1", role="learner", display_name="王学员")
    add_hand_bank(range(4), title="十一月答题赛题库", text="（手工题库）十一月")


def test_contest_only_is_set_on_a_phone_and_a_learner_is_told(
    live_server, open_page, screenshot
) -> None:
    """仅用于竞赛 on the material page at 360 px: the checkbox, its words and the button fit the
    screen; a learner opening the material afterwards reads why it is closed, and no key."""
    app, base = live_server(setup=add_bank_and_a_learner)
    page = open_page(PHONE, scale=2)
    log_in_page(page, base, "org1")
    page.goto(base + "/manage/materials/1")
    page.locator("#contest-only").scroll_into_view_if_needed()
    screenshot(page, "contest-only-off-360")
    page.get_by_label("仅用于竞赛：学员练习与试卷中不显示").check()
    page.get_by_role("button", name="保存开放范围").click()
    page.wait_for_url("**/manage/materials/1")
    assert "已设为仅用于竞赛" in page.locator(".flash").first.inner_text()
    assert "仅用于竞赛" in page.get_by_test_id("visibility").inner_text()
    assert page.get_by_label("仅用于竞赛：学员练习与试卷中不显示").is_checked()
    assert fits_phone(page)
    page.locator("#contest-only").scroll_into_view_if_needed()
    screenshot(page, "contest-only-on-360", full_page=False)

    learner = open_page(PHONE, scale=2)
    log_in_page(learner, base, "xue1")
    assert "十一月答题赛题库" not in learner.locator("main").inner_text()
    learner.goto(base + "/materials/1/paper?count=4&seed=ab12")
    text = learner.locator("main").inner_text()
    assert "暂不开放" in text and "这份材料现仅用于竞赛" in text and "核心意识" not in text
    assert fits_phone(learner)
    screenshot(learner, "contest-only-learner-360")
