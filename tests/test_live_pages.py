"""Web pages of the live round: access, creating, joining, host actions, QR code, Excel export."""

from __future__ import annotations

import io
import re
from urllib.parse import quote

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.live import services as live
from quizapp.live.qr import qr_svg
from quizapp.models import BankQuestion, LiveContest, LivePlayer, LiveQuestion


@pytest.fixture
def round_code(app, make_bank):
    """A round of 4 questions in this order: single, multiple, judge, cloze."""

    def make(owner_id: int | None = None, **kwargs) -> str:
        material_id, ids = make_bank(4)
        with app.app_context():
            questions = [db.session.get(BankQuestion, i) for i in ids]
            contest, _ = live.create_contest(
                questions, title="测试现场赛", material_id=material_id, created_by_id=owner_id,
                **kwargs,
            )  # fmt: skip
            db.session.commit()
            return contest.code

    return make


def contest_row(app, code: str) -> LiveContest:
    with app.app_context():
        contest = db.session.scalar(select(LiveContest).where(LiveContest.code == code))
        db.session.expunge(contest)
        return contest


# ---------------------------------------------------------------- access


ORGANIZER_PATHS = [
    "/live/rounds",
    "/live/rounds/new",
    "/live/rounds/{code}/host",
    "/live/rounds/{code}/results",
    "/live/rounds/{code}/export.xlsx",
    "/live/rounds/{code}/overview.json",
]


@pytest.mark.parametrize(
    ("role", "expected"), [(None, 302), ("learner", 403), ("owner", 200), ("admin", 200)]
)
def test_organizer_pages_access(client, auth, login_as, make_user, round_code, role, expected):
    owner = make_user(role="organizer")
    code = round_code(owner.id)
    if role == "owner":
        auth.login(owner.username)
    elif role:
        login_as(role)
    for path in ORGANIZER_PATHS:
        response = client.get(path.format(code=code))
        assert response.status_code == expected, path
        if expected == 302:
            assert "/auth/login" in response.headers["Location"]


def test_another_organizers_round_is_forbidden(client, login_as, make_user, round_code):
    owner = make_user(role="organizer")
    code = round_code(owner.id)
    login_as("organizer")
    assert client.get(f"/live/rounds/{code}/host").status_code == 403
    assert client.post(f"/live/rounds/{code}/advance", json={}).status_code == 403
    assert client.get("/live/rounds").get_data(as_text=True).count(code) == 0


def test_learner_cannot_advance(client, login_as, round_code):
    code = round_code()
    login_as("learner")
    assert client.post(f"/live/rounds/{code}/advance", json={}).status_code == 403


# ---------------------------------------------------------------- creating


def test_create_round_from_material(app, client, login_as, make_bank):
    material_id, _ = make_bank(8)
    user = login_as("organizer")
    page = client.get(f"/live/rounds/new?material_id={material_id}").get_data(as_text=True)
    assert "手工题库（8 题）" in page
    response = client.post(
        "/live/rounds/new",
        data={"material_id": material_id, "title": "七一知识竞赛", "count": 4,
              "kinds": ["single", "judge", "cloze", "multiple"], "seconds": 15, "points": 1000},
    )  # fmt: skip
    assert response.status_code == 302
    code = response.headers["Location"].split("/")[-2]
    contest = contest_row(app, code)
    assert (contest.title, contest.question_count, contest.seconds_per_question) == (
        "七一知识竞赛", 4, 15,
    )  # fmt: skip
    assert contest.streak_bonus == 0, "the streak bonus is off unless asked for"
    assert contest.created_by_id == user.id
    host = client.get(response.headers["Location"]).get_data(as_text=True)
    assert code in host and "开始比赛" in host
    assert "七一知识竞赛" in client.get("/live/rounds").get_data(as_text=True)


def test_a_round_asks_no_question_another_gives_away_and_says_it_is_shorter(
    app, client, login_as, make_bank
):
    material_id, _ = make_bank(8)  # SAMPLE_QUESTIONS twice: each question has a twin
    login_as("organizer")
    kinds = ["single", "judge", "cloze", "multiple"]
    data = {"material_id": material_id, "count": 8, "kinds": kinds, "seconds": 15, "points": 1000}
    # the form says so before any round is made (not on the 大屏), the count set to what it holds
    response = client.post("/live/rounds/new", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "按这个设置只能出 4 道题。题目数量已改成 4" in page
    assert re.search(r'name="count"[^>]*value="4"', page)
    with app.app_context():
        assert db.session.scalar(select(LiveContest.id)) is None  # no round was made
    response = client.post("/live/rounds/new", data={**data, "count": 4})
    code = re.search(r"/live/rounds/(\w+)/host", response.headers["Location"]).group(1)
    contest = contest_row(app, code)
    assert contest.question_count == 4
    with app.app_context():
        stems = [q.question["stem"] for q in db.session.scalars(
            select(LiveQuestion).where(LiveQuestion.contest_id == contest.id))]  # fmt: skip
    assert len(stems) == len(set(stems)) == contest.question_count


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("seconds", 5, "每题秒数应在 10 到 120 之间"),
        ("seconds", 121, "每题秒数应在 10 到 120 之间"),
        ("count", 0, "题目数量应在 1 到 50 之间"),
        ("count", 9, "题库中符合条件的题只有 8 道，不够 9 道"),
        ("kinds", [], "请至少选择一种题型"),
    ],
)
def test_create_round_rejects_bad_input(app, client, login_as, make_bank, field, value, message):
    material_id, _ = make_bank(8)
    login_as("organizer")
    kinds = ["single", "judge", "cloze", "multiple"]
    data = {"material_id": material_id, "count": 3, "kinds": kinds, "seconds": 20, "points": 1000}
    data[field] = value
    response = client.post("/live/rounds/new", data=data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(LiveContest.id)) is None, "nothing half-written"


# ---------------------------------------------------------------- joining


def test_join_by_code(client, round_code):
    code = round_code()
    assert "竞赛码" in client.get("/join").get_data(as_text=True)
    response = client.post("/join", data={"code": f" {code[:3].lower()} {code[3:]} "})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/live/{code}")
    response = client.post("/join", data={"code": "ZZZZZZ"})
    assert "没有这个竞赛码" in response.get_data(as_text=True)


def test_join_sets_cookie_and_comes_back_as_same_player(app, client, round_code):
    code = round_code()
    page = client.get(f"/live/{code}").get_data(as_text=True)
    assert "你的名字" in page
    response = client.post(f"/live/{code}", data={"name": "  张三 ", "team_text": "第一支部"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/play")
    play = client.get(f"/live/{code}/play").get_data(as_text=True)
    token = re.search(r'data-token="([^"]+)"', play).group(1)
    state = client.get(f"/api/v1/contests/{code}/me", headers={"Authorization": f"Bearer {token}"})
    assert state.json["name"] == "张三" and state.json["team"] == "第一支部"
    # a reload of the join link goes straight back to the game
    again = client.get(f"/live/{code}")
    assert again.status_code == 302 and again.headers["Location"].endswith("/play")
    with app.app_context():
        assert db.session.scalar(select(LivePlayer.name)) == "张三"


def test_name_taken_and_locked_lobby_are_explained(app, client, round_code):
    code = round_code()
    client.post(f"/live/{code}", data={"name": "李四"})
    other = app.test_client()
    page = other.post(f"/live/{code}", data={"name": "李四"}).get_data(as_text=True)
    assert "名字“李四”已经有人用了" in page
    with app.app_context():
        contest = live.find_contest(code)
        live.set_locked(contest, True)
        db.session.commit()
    page = app.test_client().get(f"/live/{code}").get_data(as_text=True)
    assert "主持人已锁定入场" in page and "加入比赛" not in page


def test_a_logged_in_player_the_host_removed_joins_again(app, client, login_as, round_code):
    """A logged-in member the host removed taps 重新加入: the join form (their name filled in)
    used to answer 你已被主持人移出本场比赛 and let them in under no name at all. They now
    join as a new player under the same name; their old place stays removed."""
    login_as("learner", display_name="王芳")
    code = round_code()
    assert client.post(f"/live/{code}", data={"name": "王芳"}).status_code == 302
    with app.app_context():
        contest = live.find_contest(code)
        old_id = db.session.scalar(select(LivePlayer.id))
        live.remove_player(contest, old_id)
        db.session.commit()
    form = client.get(f"/live/{code}").get_data(as_text=True)
    assert 'value="王芳"' in form and "加入比赛" in form
    again = client.post(f"/live/{code}", data={"name": "王芳"})
    assert again.status_code == 302 and again.headers["Location"].endswith("/play")
    with app.app_context():
        rows = db.session.execute(
            select(LivePlayer.id, LivePlayer.name, LivePlayer.removed).order_by(LivePlayer.id)
        ).all()
        assert [(r.name, r.removed) for r in rows] == [("王芳", True), ("王芳", False)]
    assert client.get(f"/live/{code}").headers["Location"].endswith("/play")  # plays now


def test_team_is_chosen_from_groups_when_there_are_some(app, client, round_code, make_group):
    make_group("机关第一党支部")
    code = round_code()
    page = client.get(f"/live/{code}").get_data(as_text=True)
    assert "<select" in page and "机关第一党支部" in page
    bad = client.post(f"/live/{code}", data={"name": "王五", "team": "随便写的支部"})
    assert bad.status_code == 200 and "请从列表中选择支部" in bad.get_data(as_text=True)
    ok = client.post(f"/live/{code}", data={"name": "王五", "team": "机关第一党支部"})
    assert ok.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(LivePlayer.team)) == "机关第一党支部"


def test_unknown_round_is_404(client):
    assert client.get("/live/NOPE99").status_code == 404
    assert client.get("/live/NOPE99/qr.svg").status_code == 404


def test_qr_code_of_the_join_link_is_served_by_the_app(client, round_code):
    code = round_code()
    response = client.get(f"/live/{code}/qr.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.data == qr_svg(f"http://localhost/live/{code}")
    assert response.data.startswith(b"<svg")


# ---------------------------------------------------------------- a round through the pages


def api_answer(client, code, token, qid, answer):
    return client.post(
        f"/api/v1/contests/{code}/answers",
        json={"question_id": qid, "answer": answer},
        headers={"Authorization": f"Bearer {token}"},
    )


def join_api(client, code, name, team=None):
    response = client.post(f"/api/v1/contests/{code}/players", json={"name": name, "team": team})
    assert response.status_code == 201, response.json
    return response.json["token"]


def test_host_runs_a_round_and_exports_results(app, client, login_as, round_code):
    host = login_as("organizer")
    code = round_code(host.id)
    players = app.test_client()
    tokens = {
        "甲": join_api(players, code, "甲", "一支部"),
        "乙": join_api(players, code, "乙", "一支部"),
        "丙": join_api(players, code, "丙", "二支部"),
    }
    overview = client.get(f"/live/rounds/{code}/overview.json").json
    assert [p["name"] for p in overview["players"]] == ["甲", "乙", "丙"]

    rights = ["核心意识", ["道路自信", "理论自信", "文化自信"], True, ["根本性"]]
    wrongs = ["政治意识", ["道路自信"], False, ["重要"]]
    for number in range(4):
        state = client.post(f"/live/rounds/{code}/advance", json={}).json
        assert state["status"] == "open" and "answer" not in state["question"]
        qid = state["question"]["id"]
        assert api_answer(players, code, tokens["甲"], qid, rights[number]).status_code == 200
        assert api_answer(players, code, tokens["乙"], qid, wrongs[number]).status_code == 200
        if number < 2:
            assert api_answer(players, code, tokens["丙"], qid, rights[number]).status_code == 200
        live_view = client.get(f"/live/rounds/{code}/overview.json").json["distribution"]
        assert live_view == {"question_id": qid, "answered": 3 if number < 2 else 2}
        closed = client.post(f"/live/rounds/{code}/advance", json={}).json
        assert closed["status"] == "closed" and closed["question"]["answer"] == rights[number]
        dist = client.get(f"/live/rounds/{code}/overview.json").json["distribution"]
        assert dist["answered"] == (3 if number < 2 else 2)
    assert client.post(f"/live/rounds/{code}/advance", json={}).json["status"] == "finished"

    page = client.get(f"/live/rounds/{code}/results").get_data(as_text=True)
    assert page.index("甲") < page.index("丙") < page.index("乙")
    # 乙 answered nothing right: no time for right answers ("—"), not "0.0 秒"
    start = page.index('title="乙"')  # the name cell (its title holds the whole name)
    row = page[start : page.index("</tr>", start)]
    assert re.findall(r'<td class="num">([^<]*)</td>', row)[-1] == "—", row

    response = client.get(f"/live/rounds/{code}/export.xlsx")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    # named after the round in Chinese, as the other exports are (it was "live-<code>.xlsx")
    assert response.headers["Content-Disposition"].endswith(
        "filename*=UTF-8''" + quote(f"测试现场赛-{code}-成绩.xlsx")
    )
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["选手成绩", "逐题统计", "支部排名"]
    rows = list(book["选手成绩"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2], r[3], r[5]) for r in rows] == [
        (1, None, "甲", "一支部", 4), (2, None, "丙", "二支部", 2), (3, None, "乙", "一支部", 0),
    ]  # fmt: skip
    leaderboard = client.get(f"/api/v1/contests/{code}/leaderboard").json
    assert [r[4] for r in rows] == [p["score"] for p in leaderboard["players"]]
    questions = list(book["逐题统计"].iter_rows(min_row=2, values_only=True))
    assert [q[6] for q in questions] == [2, 2, 1, 1]  # right answers per question
    # 2 of 3 right: 67% on the page and in the sheet (the sheet said 66.7%)
    assert [(q[7], book["逐题统计"].cell(2, 8).number_format) for q in questions[:1]] == [
        (0.67, "0%")
    ]
    assert re.findall(r"正确率 (\d+)%", page) == ["67", "67", "50", "50"]
    assert "C. 核心意识（正确）：2" in questions[0][8] and "A. 政治意识：1" in questions[0][8]
    teams = list(book["支部排名"].iter_rows(min_row=2, values_only=True))
    assert [(t[2], t[4]) for t in teams] == [
        (p["team"], p["players"]) for p in leaderboard["teams"]
    ]


def test_a_multiple_choice_key_is_told_in_option_order_on_the_results_page_and_in_the_export(
    app, client, login_as, make_bank
):
    """The results page and the 逐题统计 sheet said 正确答案：文化自信；道路自信；理论自信 (the
    bank's order of the text, no letters) where the 大屏 and the phones say A. …；B. …；D. …."""
    host = login_as("organizer")
    material_id, ids = make_bank(4)
    with app.app_context():
        questions = [db.session.get(BankQuestion, i) for i in ids]
        multiple = next(q for q in questions if q.kind == "multiple")
        multiple.answer = ["文化自信", "道路自信", "理论自信"]
        contest, _ = live.create_contest(
            [multiple], title="测试现场赛", material_id=material_id, created_by_id=host.id
        )
        db.session.commit()
        code = contest.code
    players = app.test_client()
    token = join_api(players, code, "甲")
    qid = client.post(f"/live/rounds/{code}/advance", json={}).json["question"]["id"]
    assert api_answer(players, code, token, qid, ["道路自信"]).status_code == 200
    assert client.post(f"/live/rounds/{code}/advance", json={}).json["status"] == "closed"
    key = "A. 道路自信；B. 理论自信；D. 文化自信"
    page = client.get(f"/live/rounds/{code}/results").get_data(as_text=True)
    assert f"正确答案：<b>{key}</b>" in page
    book = load_workbook(io.BytesIO(client.get(f"/live/rounds/{code}/export.xlsx").data))
    assert book["逐题统计"]["D1"].value == "正确答案" and book["逐题统计"]["D2"].value == key


def test_the_answer_spread_names_each_option_with_its_letter(app, client, login_as, round_code):
    """The 答案分布 of a choice question (results page, 逐题统计 sheet) named its options without
    their letters (道路自信 ✓：1 人) where the question, the key and the 大屏 show them: each
    option now has its letter, in the order of the options."""
    host = login_as("organizer")
    code = round_code(host.id)
    players = app.test_client()
    token = join_api(players, code, "甲")
    for answer in ("政治意识", ["道路自信", "忧患意识"]):
        qid = client.post(f"/live/rounds/{code}/advance", json={}).json["question"]["id"]
        assert api_answer(players, code, token, qid, answer).status_code == 200
        assert client.post(f"/live/rounds/{code}/advance", json={}).json["status"] == "closed"
    page = client.get(f"/live/rounds/{code}/results").get_data(as_text=True)
    spread = re.findall(r"<li>([A-J]\. [^<：✓]*?)(?: ✓)?：", page)
    assert spread == ["A. 政治意识", "B. 大局意识", "C. 核心意识", "D. 看齐意识"] + [
        "A. 道路自信", "B. 理论自信", "C. 忧患意识", "D. 文化自信", "E. 纪律意识",
    ]  # fmt: skip
    book = load_workbook(io.BytesIO(client.get(f"/live/rounds/{code}/export.xlsx").data))
    assert book["逐题统计"]["I3"].value.startswith("A. 道路自信（正确）：1；B. 理论自信（正确）：0")


def test_players_equal_in_score_and_time_share_a_rank_on_the_page_and_in_the_export(
    app, client, login_as, round_code
):
    """Three players all wrong on the first question: each is 并列第 1 名 on the results page and
    in the workbook (名次 1 for each, a number that sorts, and 并列第 1 名 beside it); their
    two 支部 of equal average and size share 第 1 名 too."""
    host = login_as("organizer")
    code = round_code(host.id)
    players = app.test_client()
    tokens = [join_api(players, code, name, team) for name, team in
              [("甲", "一支部"), ("乙", "二支部"), ("丙", None)]]  # fmt: skip
    qid = client.post(f"/live/rounds/{code}/advance", json={}).json["question"]["id"]
    for token in tokens:
        assert api_answer(players, code, token, qid, "政治意识").status_code == 200
    assert client.post(f"/live/rounds/{code}/advance", json={}).json["status"] == "closed"

    page = client.get(f"/live/rounds/{code}/results").get_data(as_text=True)
    cells = re.findall(r'<td class="rank-no"[^>]*>(.*?)</td>', page)
    tie = '<small class="rank-tie">并列</small>1'
    assert cells == [tie] * 5  # 3 players, 2 支部
    assert page.index('title="甲"') < page.index('title="乙"') < page.index('title="丙"')
    assert page.count('title="并列第 1 名"') == 5

    book = load_workbook(io.BytesIO(client.get(f"/live/rounds/{code}/export.xlsx").data))
    rows = list(book["选手成绩"].iter_rows(min_row=1, values_only=True))
    assert rows[0][:3] == ("名次", "并列", "姓名")
    assert [r[:3] for r in rows[1:]] == [(1, "并列第 1 名", "甲"), (1, "并列第 1 名", "乙"),
                                         (1, "并列第 1 名", "丙")]  # fmt: skip
    teams = list(book["支部排名"].iter_rows(min_row=2, values_only=True))
    assert [t[:3] for t in teams] == [(1, "并列第 1 名", "一支部"), (1, "并列第 1 名", "二支部")]


def test_lock_remove_and_readmit_from_the_host_screen(app, client, login_as, round_code):
    host = login_as("organizer")
    code = round_code(host.id)
    phone = app.test_client()
    phone.post(f"/live/{code}", data={"name": "赵六"})
    with app.app_context():
        player_id = db.session.scalar(select(LivePlayer.id))

    assert client.post(f"/live/rounds/{code}/lock", json={"locked": True}).json == {"locked": True}
    refused = app.test_client().post(f"/live/{code}", data={"name": "迟到者"})
    assert "锁定" in refused.get_data(as_text=True)

    assert (
        client.post(f"/live/rounds/{code}/remove", json={"player_id": player_id}).status_code == 200
    )
    assert phone.get(f"/live/{code}/play").status_code == 200
    old_token = re.search(
        r'data-token="([^"]*)"', phone.get(f"/live/{code}/play").get_data(as_text=True)
    ).group(1)
    me = phone.get(f"/api/v1/contests/{code}/me", headers={"Authorization": f"Bearer {old_token}"})
    assert me.status_code == 403

    readmit = client.post(f"/live/rounds/{code}/readmit", json={"player_id": player_id}).json
    assert readmit["name"] == "赵六" and "/resume?t=" in readmit["url"]
    assert client.get(readmit["qr_url"]).mimetype == "image/svg+xml"
    link = readmit["url"].replace("http://localhost", "")
    qr_token = link.split("t=", 1)[1]
    # opening the link (a scanner's prefetch, a link preview) only shows who continues: the
    # player is taken by a tap, a POST
    preview = app.test_client().get(link)
    assert preview.status_code == 200 and "赵六" in preview.get_data(as_text=True)
    assert "在这台手机上继续比赛" in preview.get_data(as_text=True)
    new_phone = app.test_client()
    response = new_phone.post(link, data={"t": qr_token})
    assert response.status_code == 302 and response.headers["Location"].endswith("/play")
    token = re.search(
        r'data-token="([^"]+)"', new_phone.get(f"/live/{code}/play").get_data(as_text=True)
    ).group(1)
    me = new_phone.get(f"/api/v1/contests/{code}/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200 and me.json["player_id"] == player_id
    old = phone.get(f"/api/v1/contests/{code}/me", headers={"Authorization": f"Bearer {old_token}"})
    assert old.status_code == 401, "the old phone no longer plays"
    # the QR code is good once: the new phone holds a token of its own, and a second scan (a
    # photo of the host's screen) is refused; the new phone opening the link again plays on
    assert token != qr_token
    third = app.test_client()
    for refused in (third.get(link, follow_redirects=True),
                    third.post(link, data={"t": qr_token}, follow_redirects=True)):  # fmt: skip
        text = refused.get_data(as_text=True)
        assert "这个换机二维码已经失效（每个只能用一次）。请让主持人重新生成换机二维码" in text
        assert "data-token" not in text
    again = new_phone.get(link)
    assert again.status_code == 302 and again.headers["Location"].endswith("/play")
    me = new_phone.get(f"/api/v1/contests/{code}/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200 and me.json["player_id"] == player_id

    bad = client.post(f"/live/rounds/{code}/remove", json={"player_id": "x"})
    assert bad.status_code == 400 and bad.json["message"]


def test_player_and_host_screens_render(app, client, login_as, round_code):
    host = login_as("organizer")
    code = round_code(host.id)
    page = client.get(f"/live/rounds/{code}/host").get_data(as_text=True)
    assert 'id="live-host"' in page and "js/live-host.js" in page and "<script>" not in page
    assert f"/live/{code}/qr.svg" in page and "onclick" not in page
    phone = app.test_client()
    phone.post(f"/live/{code}", data={"name": "孙七"})
    play = phone.get(f"/live/{code}/play")
    text = play.get_data(as_text=True)
    assert play.headers["Cache-Control"] == "no-store"
    assert 'id="live-player"' in text and "js/live-player.js" in text and "<script>" not in text


def test_cli_host_link_admits_the_browser_as_host(app, client, make_bank):
    material_id, ids = make_bank(2)
    with app.app_context():
        questions = [db.session.get(BankQuestion, i) for i in ids]
        contest, host_token = live.create_contest(questions, title="命令行现场赛")
        db.session.commit()
        code = contest.code
    assert client.get(f"/live/{code}/host?token=wrong").status_code == 403
    assert client.get(f"/live/rounds/{code}/host").status_code == 302  # to the login page
    response = client.get(f"/live/{code}/host?token={host_token}")
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"/live/rounds/{code}/host"
    )
    assert "命令行现场赛" in client.get(f"/live/rounds/{code}/host").get_data(as_text=True)
    assert client.post(f"/live/rounds/{code}/advance", json={}).json["status"] == "open"
    assert app.test_client().get(f"/live/rounds/{code}/host").status_code == 302


def test_round_without_creator_is_open_to_any_organizer(client, login_as, round_code):
    code = round_code()
    login_as("organizer")
    assert client.get(f"/live/rounds/{code}/host").status_code == 200


def test_logged_in_player_gets_their_place_back_on_another_device(
    app, client, auth, make_user, round_code
):
    user = make_user(display_name="周八")
    code = round_code()
    auth.login(user.username)
    assert 'value="周八"' in client.get(f"/live/{code}").get_data(as_text=True)
    client.post(f"/live/{code}", data={"name": "周八"})
    with app.app_context():
        live.set_locked(live.find_contest(code), True)
        db.session.commit()
    other = app.test_client()  # another phone, same account
    other.post("/auth/login", data={"username": user.username, "password": "password123"})
    assert "锁定" not in other.get(f"/live/{code}").get_data(as_text=True)
    response = other.post(f"/live/{code}", data={"name": "随便"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/play")
    with app.app_context():
        assert db.session.scalars(select(LivePlayer.name)).all() == ["周八"]


@pytest.mark.parametrize("app_config", [{"CODE_GUESS_RATE_PER_MINUTE": 3}])
def test_code_guesses_are_rate_limited(client, round_code):
    code = round_code()
    statuses = [client.get(f"/live/GUESS{i}").status_code for i in range(4)]
    assert statuses == [404, 404, 404, 429]
    page = client.post("/join", data={"code": "GUESS9"}).get_data(as_text=True)
    assert "输错竞赛码的次数太多" in page
    assert client.get(f"/live/{code}").status_code == 200, "a right code still works"


def test_a_round_draws_the_engines_balanced_pick(app):
    # a live round on the bundled speech: kinds balanced and no formula on the projector twice,
    # the same round for the same seed
    from collections import Counter

    from quizapp.bank.services import ensure_default_material

    kinds = ["single", "judge", "cloze", "multiple"]
    with app.app_context():
        material, _ = ensure_default_material()
        db.session.commit()
        for seed in range(4):
            drawn = live.pick_questions(material.id, 12, kinds, seed=seed)
            # every kind, near its share: a plain 单选/多选 may lend a place to a reliable
            # question of another kind (generation.select)
            counts = Counter(q.kind for q in drawn)
            assert len(drawn) == 12 and set(counts) == set(kinds), counts
            # (a lending 单选 may keep one place only: since blind8 the speech has no plain 多选,
            # and at seed 2 its second plain 单选 lends to a 填空)
            assert all(2 <= n <= 5 for k, n in counts.items() if k != "single"), counts
            assert counts["single"] >= 1, counts
            formulas = [q.formula for q in drawn if q.formula and q.kind != "judge"]
            assert len(formulas) == len(set(formulas)), formulas
            again = live.pick_questions(material.id, 12, kinds, seed=seed)
            assert [q.id for q in again] == [q.id for q in drawn]
