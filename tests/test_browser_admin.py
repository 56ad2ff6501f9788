"""An admin on a phone, in headless Chromium with real CSRF tokens: add a group, import a roster,
download the initial passwords, reset a password behind a confirm dialog, and log in with it."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from conftest import log_in_page, new_user, xlsx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def setup_data(app: Any) -> None:
    new_user("boss", role="admin", display_name="管理员")


def roster_file(tmp_path) -> str:  # noqa: ANN001
    rows = [
        ["姓名", "支部", "账号"],
        ["张三", "第一党支部", "zhangsan"],
        ["李四", "机关党支部", "lisi"],
    ]
    path = tmp_path / "名单.xlsx"
    path.write_bytes(xlsx_bytes(rows))
    return str(path)


def no_sideways_scroll(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def test_admin_on_a_phone(live_server, phone_page, chromium, screenshot, tmp_path) -> None:
    app, base = live_server(setup=setup_data)
    page = phone_page
    log_in_page(page, base, "boss")

    page.click(".nav-menu summary")  # on a phone 用户 is in the 我的 menu
    page.click(".nav-menu-list >> text=用户")
    page.click(".subnav >> text=支部/小组")
    page.fill("input[name=name]", "第一党支部")
    page.click("main form.form button[type=submit]")
    assert "已添加“第一党支部”" in page.inner_text(".flashes")
    screenshot(page, "01-groups")
    no_sideways_scroll(page)

    page.click(".subnav >> text=批量创建账号")
    page.set_input_files("input[name=roster]", roster_file(tmp_path))
    page.click("main form.form button[type=submit]")
    assert "已创建 2 个账号" in page.inner_text("h1")
    screenshot(page, "02-roster-done")
    no_sideways_scroll(page)
    shown = {
        row.locator("td[data-label=账号]").inner_text(): row.locator("td.mono").inner_text()
        for row in page.locator("table.accounts tbody tr").all()
    }
    with page.expect_download() as info:
        page.click("text=下载账号和初始密码（CSV）")
    body = info.value.path().read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert {r[2]: r[3] for r in rows[1:]} == shown

    page.goto(base + "/admin/users?q=lisi")
    page.click("table.users >> text=lisi")
    page.once("dialog", lambda dialog: dialog.accept())  # 确定为 lisi 重置密码？
    page.click("text=重置密码")
    page.wait_for_selector("[data-testid=new-password]")
    password = page.inner_text("[data-testid=new-password]").strip()
    assert password != shown["lisi"]
    screenshot(page, "03-password-reset")
    no_sideways_scroll(page)

    other = chromium.new_context(viewport={"width": 360, "height": 740})
    try:
        learner = other.new_page()
        log_in_page(learner, base, "lisi", password)
        learner.click(".nav-menu summary")
        assert "李四 · 设置" in learner.inner_text(".topbar")
    finally:
        other.close()
