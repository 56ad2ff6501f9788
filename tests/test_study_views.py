"""The learner's pages through the test client: 练习 and 测验 flows, double submit, time limit,
no answer in a 测验 page before it is handed in, form errors, 错题本 and review, reading page,
print paper, 我的成绩, and a visitor's work kept on registering."""

from __future__ import annotations

import gzip
import re
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from conftest import SAMPLE_QUESTIONS, add_statement_bank, hand_bank, logged_in_client
from sqlalchemy import func, select

from quizapp.bank.pick import GIVEAWAY_NOTE
from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    AttemptAnswer,
    BankQuestion,
    Material,
    NotebookEntry,
    User,
    utcnow,
)

RIGHT: dict[str, Any] = {"single": "核心意识", "multiple": ["道路自信", "理论自信", "文化自信"],
                         "judge": True, "cloze": ["根本性"]}  # fmt: skip
WRONG: dict[str, Any] = {"single": "政治意识", "multiple": ["道路自信"], "judge": False,
                         "cloze": ["重要性"]}  # fmt: skip
ALL_KINDS = ["single", "multiple", "judge", "cloze"]


def seed_bank(app, n: int = 4) -> tuple[int, list[int]]:
    """Like the make_bank fixture, for whichever app (backend) the test runs on."""
    with app.app_context():
        rows = hand_bank(n)
        return rows[0].material_id, [r.id for r in rows]


def question(app, qid: int) -> BankQuestion:
    with app.app_context():
        row = db.session.get(BankQuestion, qid)
        db.session.expunge(row)
        return row


def answer_data(q: BankQuestion, response: Any) -> dict[str, Any]:
    """The form fields a browser sends for `response` to question `q`."""
    if q.kind == "cloze":
        return {f"q{q.id}_{i}": v for i, v in enumerate(response)}
    if q.kind == "judge":
        return {f"q{q.id}": "true" if response else "false"}
    if q.kind == "single":
        return {f"q{q.id}": str(q.options.index(response))}
    return {f"q{q.id}": [str(q.options.index(v)) for v in response]}


def start(client, material_id: int, mode: str = "practice", **extra: Any) -> str:
    data = {"material": material_id, "count": "0", "kinds": ALL_KINDS, "mode": mode,
            "time_limit": "0", **extra}  # fmt: skip
    response = client.post("/test/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response.headers["Location"].rsplit("/", 1)[-1]


def attempt_row(app, token: str) -> Attempt:
    with app.app_context():
        row = db.session.scalar(select(Attempt).where(Attempt.token == token))
        db.session.expunge(row)
        return row


def count_answers(app, token: str) -> int:
    with app.app_context():
        attempt = db.session.scalar(select(Attempt).where(Attempt.token == token))
        return db.session.scalar(
            select(func.count())
            .select_from(AttemptAnswer)
            .where(AttemptAnswer.attempt_id == attempt.id)
        )


def started_ago(app, token: str, delta: timedelta) -> None:
    """Moves the start of the test ``token`` back by ``delta`` (the time that passed)."""
    with app.app_context():
        row = db.session.scalar(select(Attempt).where(Attempt.token == token))
        row.started_at = utcnow() - delta
        db.session.commit()


def save_then_time_out(app, client, token: str, first: BankQuestion) -> None:
    """Saves ``first`` answered right on the 测验 ``token`` (5 minutes to answer), then lets
    6 minutes pass."""
    client.post(
        f"/test/{token}/exam", data={**answer_data(first, RIGHT[first.kind]), "action": "save"}
    )
    started_ago(app, token, timedelta(minutes=6))


def page_text(html: str) -> str:
    """The page's text without tags and without the blanks' length hints (〔3字〕)."""
    return re.sub(r"〔\d+字〕", "", re.sub(r"<[^>]+>", "", html))


# ---------------------------------------------------------------- pages


def test_pages_render_for_a_visitor(app, client, make_bank) -> None:
    material_id, _ = make_bank(4)
    urls = ["/", "/materials", f"/materials/{material_id}", f"/test/new?material={material_id}",
            "/notebook", "/review", "/me/scores", f"/materials/{material_id}/paper"]  # fmt: skip
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    home = client.get("/").get_data(as_text=True)
    assert "立即试一试" in home and "手工题库" in home
    assert client.get("/test/nope").status_code == 404
    assert client.get(f"/materials/{material_id + 99}").status_code == 404


def test_quick_start_gives_a_visitor_a_practice(app, client, make_bank) -> None:
    make_bank(4)
    response = client.post("/test/quick")
    assert response.status_code == 302
    token = response.headers["Location"].rsplit("/", 1)[-1]
    attempt = attempt_row(app, token)
    assert attempt.mode == "practice" and attempt.visitor_id and attempt.user_id is None
    assert attempt.total == 4


def answer_all(client, app, token: str, wrong: set[int] = frozenset()) -> None:
    """Answer every question of a 练习, right except those in ``wrong``."""
    for number, qid in enumerate(attempt_row(app, token).question_ids, start=1):
        q = question(app, qid)
        given = WRONG[q.kind] if qid in wrong else RIGHT[q.kind]
        response = client.post(f"/test/{token}/q/{number}", data=answer_data(q, given))
        assert response.status_code == 302


def test_next_practice_asks_what_the_learner_has_not_answered_right(app, client):
    with app.app_context():  # (all different: a quiz never asks one question twice)
        _, rows = add_statement_bank(24)
        ids = [row.id for row in rows]
        db.session.commit()
    first = client.post("/test/quick").headers["Location"].rsplit("/", 1)[-1]
    first_ids = attempt_row(app, first).question_ids
    missed = first_ids[0]
    answer_all(client, app, first, wrong={missed})

    # the second 练习: ten questions, none of those answered right before; the missed one may
    # come back (it is not known yet)
    second = client.post("/test/quick").headers["Location"].rsplit("/", 1)[-1]
    second_ids = attempt_row(app, second).question_ids
    assert len(second_ids) == 10
    assert not (set(second_ids) & (set(first_ids) - {missed}))
    answer_all(client, app, second)

    # few questions were never answered right: one pick over the bank asks them first and
    # tops the test up with known ones, and the learner is told so
    new_left = set(ids) - (set(first_ids) | set(second_ids)) | ({missed} - set(second_ids))
    location = client.post("/test/quick").headers["Location"]
    third_ids = attempt_row(app, location.rsplit("/", 1)[-1]).question_ids
    fresh = [q for q in third_ids if q in new_left]
    assert len(third_ids) == 10 and fresh and third_ids[: len(fresh)] == fresh
    page = client.get(location, follow_redirects=True).get_data(as_text=True)
    note = f"本次 {len(fresh)} 道是新题，{10 - len(fresh)} 道是你答对过的题"
    assert note in page_text(page)

    # another learner (a new browser) may be asked what this one knows
    seen = set()
    for _ in range(3):
        other = app.test_client().post("/test/quick").headers["Location"].rsplit("/", 1)[-1]
        seen |= set(attempt_row(app, other).question_ids)
    assert seen & (set(first_ids) | set(second_ids))


# ---------------------------------------------------------------- 练习


def test_practice_flow_feedback_result_and_notebook(db_app) -> None:
    client = db_app.test_client()
    material_id, _ = seed_bank(db_app, 4)
    token = start(client, material_id)
    attempt = attempt_row(db_app, token)
    wrong_qid = attempt.question_ids[0]
    for number, qid in enumerate(attempt.question_ids, start=1):
        q = question(db_app, qid)
        page = client.get(f"/test/{token}/q/{number}").get_data(as_text=True)
        assert q.stem in page_text(page) and "正确答案" not in page
        assert not q.explanation or q.explanation not in page
        assert "纠错" in page
        given = WRONG[q.kind] if qid == wrong_qid else RIGHT[q.kind]
        response = client.post(f"/test/{token}/q/{number}", data=answer_data(q, given))
        assert response.status_code == 302
        feedback = client.get(response.headers["Location"]).get_data(as_text=True)
        if qid == wrong_qid:
            assert "回答错误" in feedback and "正确答案" in feedback
            assert "<mark>" in feedback  # the source sentence with the key marked
            if q.explanation:
                assert q.explanation in feedback
        else:
            assert "回答正确" in feedback
    result = client.get(f"/test/{token}", follow_redirects=True).get_data(as_text=True)
    assert "3 / 4" in result and "逐题对照" in result
    attempt = attempt_row(db_app, token)
    assert (attempt.score, attempt.total) == (3, 4) and attempt.submitted_at is not None
    notebook = client.get("/notebook").get_data(as_text=True)
    assert question(db_app, wrong_qid).stem in page_text(notebook)
    assert 'data-testid="due-count">1<' in client.get("/").get_data(as_text=True)


def test_practice_double_submit_and_back_button_count_once(db_app) -> None:
    client = db_app.test_client()
    material_id, _ = seed_bank(db_app, 2)
    token = start(client, material_id)
    qid = attempt_row(db_app, token).question_ids[0]
    q = question(db_app, qid)
    first = client.post(f"/test/{token}/q/1", data=answer_data(q, RIGHT[q.kind]))
    second = client.post(f"/test/{token}/q/1", data=answer_data(q, WRONG[q.kind]))
    assert first.status_code == second.status_code == 302
    assert count_answers(db_app, token) == 1
    assert attempt_row(db_app, token).score == 1
    page = client.get(f"/test/{token}/q/1").get_data(as_text=True)
    assert "回答正确" in page  # the first answer stands


def test_another_browser_cannot_open_my_test(app, client, make_bank) -> None:
    material_id, _ = make_bank(2)
    token = start(client, material_id)
    other = app.test_client()
    assert other.get(f"/test/{token}").status_code == 404
    assert other.post(f"/test/{token}/q/1", data={}).status_code == 404


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("single", {}, "请选择一个选项"),
        ("single", {"value": "99"}, "请从给出的选项中选择"),
        ("multiple", {}, "请至少选择一个选项"),
        ("multiple", {"value": "x"}, "请从给出的选项中选择"),
        ("judge", {"value": "maybe"}, "请从给出的选项中选择"),
        ("cloze", {}, "请填写答案"),
        ("cloze", {"value": "长" * 101}, "最多 100 个字"),
    ],
)
def test_bad_practice_answers_give_form_errors(app, client, make_bank, kind, data, message) -> None:
    material_id, _ = make_bank(4)
    token = start(client, material_id, kinds=[kind])
    q = question(app, attempt_row(app, token).question_ids[0])
    name = f"q{q.id}_0" if kind == "cloze" else f"q{q.id}"
    form = {name: data["value"]} if "value" in data else {}
    response = client.post(f"/test/{token}/q/1", data=form)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert count_answers(app, token) == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kinds": []}, "请至少选择一种题型"),
        ({"material": "abc"}, "请从给出的选项中选择"),
        ({"material": "999"}, "请从给出的选项中选择"),
        ({"count": "7"}, "请从给出的选项中选择"),
        ({"mode": "cheat"}, "请从给出的选项中选择"),
        ({"time_limit": "-5"}, "请从给出的选项中选择"),
    ],
)
def test_bad_start_form_gives_form_errors(app, client, make_bank, change, message) -> None:
    material_id, _ = make_bank(4)
    data = {"material": material_id, "count": "10", "kinds": ALL_KINDS, "mode": "practice",
            "time_limit": "0", **change}  # fmt: skip
    response = client.post("/test/new", data=data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Attempt)) == 0


def test_start_refuses_a_kind_the_material_lacks(app, client, make_bank) -> None:
    material_id, _ = make_bank(2)  # single and multiple only
    response = client.post("/test/new", data={"material": material_id, "count": "10",
                                              "kinds": ["cloze"], "mode": "practice"})  # fmt: skip
    assert response.status_code == 200
    assert "没有所选题型的题目" in response.get_data(as_text=True)


def test_a_question_the_engine_doubts_waits_for_an_organizer(app, client, make_bank) -> None:
    material_id, ids = make_bank(4)
    with app.app_context():
        db.session.get(BankQuestion, ids[3]).weak = True  # the 填空 (SAMPLE_QUESTIONS' order)
        db.session.commit()
    assert "3 道题" in client.get("/materials").get_data(as_text=True)
    response = client.post("/test/new", data={"material": material_id, "count": "10",
                                              "kinds": ALL_KINDS, "mode": "practice"})  # fmt: skip
    assert response.status_code == 302
    token = response.headers["Location"].rsplit("/", 1)[-1]
    assert ids[3] not in attempt_row(app, token).question_ids
    page = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "只有 3 道题，已全部出给你（另有 1 道题在等组织者审核）" in page
    # a material whose every question is doubted says why there is nothing to practise
    with app.app_context():
        for qid in ids:
            db.session.get(BankQuestion, qid).weak = True
        db.session.commit()
    response = client.post("/test/new", data={"material": material_id, "count": "10",
                                              "kinds": ALL_KINDS, "mode": "practice"})  # fmt: skip
    assert response.status_code == 200
    assert "这份材料的题目还在等组织者审核" in response.get_data(as_text=True)


def test_a_short_pool_serves_no_question_twice_nor_one_another_gives_away(
    app, client, make_bank
) -> None:
    material_id, _ = make_bank(8)  # SAMPLE_QUESTIONS twice: each question has a twin
    response = client.post("/test/new", data={"material": material_id, "count": "10",
                                              "kinds": ALL_KINDS, "mode": "practice"})  # fmt: skip
    asked = attempt_row(app, response.headers["Location"].rsplit("/", 1)[-1]).question_ids
    stems = [question(app, qid).stem for qid in asked]
    assert len(stems) == len(set(stems)) == 4
    page = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert f"所选题型只有 8 道题，{GIVEAWAY_NOTE}，本次出 4 道。" in page
    # a pool larger than the count can come out short the same way, and says so (not the
    # 200-question cap's 一次最多出)
    material_id, _ = make_bank(12)
    response = client.post("/test/new", data={"material": material_id, "count": "10",
                                              "kinds": ALL_KINDS, "mode": "practice"})  # fmt: skip
    page = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert f"所选题型共有 12 道题，但{GIVEAWAY_NOTE}，本次出 4 道；再来一次会换题。" in page
    assert "一次最多出" not in page


# ---------------------------------------------------------------- 测验


LEAKS = ("正确答案", "解析", "is-right", "根本性", "四个意识：", "回答正确", "原文")


def test_exam_page_and_save_reveal_no_answer(app, client, make_bank) -> None:
    material_id, _ = make_bank(4)
    token = start(client, material_id, mode="exam", time_limit="10")
    page = client.get(f"/test/{token}").get_data(as_text=True)
    assert page.count('class="card question-card"') == 4
    for leak in LEAKS:
        assert leak not in page, leak
    attempt = attempt_row(app, token)
    data: dict[str, Any] = {}
    for qid in attempt.question_ids:
        q = question(app, qid)
        data.update(answer_data(q, RIGHT[q.kind]))
    saved = client.post(f"/test/{token}/exam", data={**data, "action": "save"},
                        headers={"X-Requested-With": "fetch"})  # fmt: skip
    assert saved.status_code == 200
    assert set(saved.get_json()) == {"saved", "kept", "seconds_left"}
    assert saved.get_json()["kept"] == 4
    reloaded = client.get(f"/test/{token}").get_data(as_text=True)
    for leak in LEAKS[:-1]:
        assert leak not in reloaded.replace('value="根本性"', ""), leak
    assert 'value="根本性"' in reloaded and reloaded.count("checked") >= 4  # answers kept
    assert client.get(f"/test/{token}/result").status_code == 302  # no result before submitting
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(NotebookEntry)) == 0


def test_exam_submit_scores_once_and_cannot_be_resubmitted(db_app) -> None:
    client = db_app.test_client()
    material_id, _ = seed_bank(db_app, 4)
    token = start(client, material_id, mode="exam")
    attempt = attempt_row(db_app, token)
    data: dict[str, Any] = {}
    for i, qid in enumerate(attempt.question_ids):
        q = question(db_app, qid)
        data.update(answer_data(q, WRONG[q.kind] if i == 0 else RIGHT[q.kind]))
    response = client.post(f"/test/{token}/exam", data={**data, "action": "submit"})
    assert response.headers["Location"].endswith(f"/test/{token}/result")
    result = client.get(f"/test/{token}/result").get_data(as_text=True)
    assert "3 / 4" in result and "正确答案" in result
    # back button and submit again, with every answer right this time
    all_right = {}
    for qid in attempt.question_ids:
        q = question(db_app, qid)
        all_right.update(answer_data(q, RIGHT[q.kind]))
    again = client.post(f"/test/{token}/exam", data={**all_right, "action": "submit"})
    assert again.status_code == 302
    assert attempt_row(db_app, token).score == 3
    assert count_answers(db_app, token) == 4
    with db_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(NotebookEntry)) == 1


def test_a_repeated_hand_in_shows_the_result_without_a_notice(app, client, make_bank) -> None:
    """The page's 交卷 sent again (the first got through, its reply was lost) carries the
    answers the paper holds: the result is shown as for one hand-in, without the
    "already handed in" notice, which a 交卷 with other answers still gets."""
    material_id, _ = make_bank(4)
    token = start(client, material_id, mode="exam", time_limit="10")
    attempt = attempt_row(app, token)
    first, second = (question(app, qid) for qid in attempt.question_ids[:2])
    hand_in = {**answer_data(first, RIGHT[first.kind]), **answer_data(second, WRONG[second.kind]),
               "action": "submit", "scope": "touched",
               "touched": [str(first.id), str(second.id)]}  # fmt: skip
    fetch = {"X-Requested-With": "fetch", "Accept": "application/json"}
    assert client.post(f"/test/{token}/exam", data=hand_in, headers=fetch).get_json()["submitted"]
    repeat = client.post(f"/test/{token}/exam", data=hand_in, headers=fetch)
    assert repeat.status_code == 409 and repeat.get_json()["url"].endswith("/result")
    page = client.get(f"/test/{token}/result").get_data(as_text=True)
    assert "1 / 4" in page and "已经交卷" not in page
    other = {**hand_in, **answer_data(second, RIGHT[second.kind])}
    client.post(f"/test/{token}/exam", data=other, headers=fetch)
    assert "这次测验已经交卷" in client.get(f"/test/{token}/result").get_data(as_text=True)
    assert attempt_row(app, token).score == 1 and count_answers(app, token) == 2


def test_exam_time_limit_is_enforced_on_the_server(app, client, make_bank) -> None:
    material_id, _ = make_bank(4)
    token = start(client, material_id, mode="exam", time_limit="5")
    attempt = attempt_row(app, token)
    first = question(app, attempt.question_ids[0])
    save_then_time_out(app, client, token, first)
    late = question(app, attempt.question_ids[1])
    response = client.post(f"/test/{token}/exam", data={**answer_data(first, RIGHT[first.kind]),
                                                        **answer_data(late, RIGHT[late.kind]),
                                                        "action": "save"},
                           headers={"X-Requested-With": "fetch"})  # fmt: skip
    assert response.status_code == 409 and response.get_json()["closed"]
    attempt = attempt_row(app, token)
    assert attempt.submitted_at is not None and attempt.score == 1
    assert count_answers(app, token) == 1  # the late answer was not taken
    assert client.get(f"/test/{token}").headers["Location"].endswith("/result")


def test_exam_handed_in_after_time_says_time_was_up(app, client, make_bank) -> None:
    """交卷 pressed after the time ran out (the phone slept): the learner is told the time was
    up and the saved answers counted, not that the test "was already handed in"."""
    material_id, _ = make_bank(2)
    token = start(client, material_id, mode="exam", time_limit="5")
    first = question(app, attempt_row(app, token).question_ids[0])
    save_then_time_out(app, client, token, first)
    response = client.post(f"/test/{token}/exam", data={"action": "submit"},
                           follow_redirects=True)  # fmt: skip
    page = response.get_data(as_text=True)
    assert "时间已到，已按时间到时保存的答案自动交卷" in page
    assert "已经交卷" not in page
    assert attempt_row(app, token).score == 1
    # pressing 交卷 again (back button) is the plain "already handed in"
    again = client.post(f"/test/{token}/exam", data={"action": "submit"}, follow_redirects=True)
    assert "这次测验已经交卷" in again.get_data(as_text=True)


def test_exam_second_tab_keeps_answers_given_in_the_first(db_app) -> None:
    """Two tabs of one 测验, both opened at the start: the first answers and saves three
    questions; the second, still blank there, answers the fourth. Its autosave and its 交卷
    carry only what it changed (the page's script sends scope=touched), so the first tab's
    answers stay; a blank the learner makes on purpose in a tab still clears that answer."""
    client = db_app.test_client()
    material_id, _ = seed_bank(db_app, 4)
    token = start(client, material_id, mode="exam", time_limit="10")
    ids = attempt_row(db_app, token).question_ids
    qs = [question(db_app, qid) for qid in ids]
    fetch = {"X-Requested-With": "fetch"}
    first_tab: dict[str, Any] = {"scope": "touched", "touched": [str(q.id) for q in qs[:3]]}
    for q in qs[:3]:
        first_tab.update(answer_data(q, RIGHT[q.kind]))
    saved = client.post(f"/test/{token}/exam", data={**first_tab, "action": "save"}, headers=fetch)
    assert saved.get_json()["kept"] == 3
    # the second tab: blanks for the first three, an answer to the fourth
    second_tab = {**answer_data(qs[3], RIGHT[qs[3].kind]), "scope": "touched",
                  "touched": [str(qs[3].id)]}  # fmt: skip
    saved = client.post(f"/test/{token}/exam", data={**second_tab, "action": "save"}, headers=fetch)
    assert saved.get_json()["kept"] == 4
    assert count_answers(db_app, token) == 4
    # clearing an answer on purpose in that tab clears it
    cleared = {"scope": "touched", "touched": [str(qs[3].id)]}
    client.post(f"/test/{token}/exam", data={**cleared, "action": "save"}, headers=fetch)
    assert count_answers(db_app, token) == 3
    # 交卷 from the second tab with nothing new in it: the first tab's answers count
    client.post(f"/test/{token}/exam", data={"scope": "touched", "action": "submit"})
    assert attempt_row(db_app, token).submitted_at is not None
    assert attempt_row(db_app, token).score == 3


def test_exam_plain_form_post_still_saves_the_whole_paper(app, client, make_bank) -> None:
    """Without the script (no scope), the form is the whole paper: a blank clears an answer."""
    material_id, _ = make_bank(2)
    token = start(client, material_id, mode="exam")
    qs = [question(app, qid) for qid in attempt_row(app, token).question_ids]
    data: dict[str, Any] = {}
    for q in qs:
        data.update(answer_data(q, RIGHT[q.kind]))
    client.post(f"/test/{token}/exam", data={**data, "action": "save"})
    assert count_answers(app, token) == 2
    client.post(f"/test/{token}/exam", data={**answer_data(qs[0], RIGHT[qs[0].kind]),
                                             "action": "save"})  # fmt: skip
    assert count_answers(app, token) == 1


def test_opening_an_expired_exam_submits_it(app, client, make_bank) -> None:
    material_id, _ = make_bank(2)
    token = start(client, material_id, mode="exam", time_limit="5")
    started_ago(app, token, timedelta(hours=1))
    page = client.get(f"/test/{token}", follow_redirects=True).get_data(as_text=True)
    assert "时间到" in page and "0 / 2" in page
    assert "5分00秒" in page  # time used is the limit, not the hour that passed


def test_bad_exam_input_gives_a_form_error(app, client, make_bank) -> None:
    material_id, _ = make_bank(1)
    token = start(client, material_id, mode="exam")
    qid = attempt_row(app, token).question_ids[0]
    response = client.post(f"/test/{token}/exam", data={f"q{qid}": "42", "action": "submit"})
    assert response.status_code == 400
    assert "请从给出的选项中选择" in response.get_data(as_text=True)
    assert attempt_row(app, token).submitted_at is None


# ---------------------------------------------------------------- 错题本 and review


def test_review_session_and_mastered_button(app, client, login_as, make_bank) -> None:
    user = login_as()
    material_id, _ = make_bank(2)
    token = start(client, material_id)
    attempt = attempt_row(app, token)
    for number, qid in enumerate(attempt.question_ids, start=1):
        q = question(app, qid)
        client.post(f"/test/{token}/q/{number}", data=answer_data(q, WRONG[q.kind]))
    assert 'data-testid="due-count">2<' in client.get("/").get_data(as_text=True)

    response = client.post("/review")
    review_token = response.headers["Location"].rsplit("/", 1)[-1]
    review = attempt_row(app, review_token)
    assert review.mode == "review" and sorted(review.question_ids) == sorted(attempt.question_ids)
    q = question(app, review.question_ids[0])
    client.post(f"/test/{review_token}/q/1", data=answer_data(q, RIGHT[q.kind]))
    with app.app_context():
        entry = db.session.scalar(
            select(NotebookEntry).where(
                NotebookEntry.user_id == user.id, NotebookEntry.question_id == q.id
            )
        )
        assert entry.interval_days == 1 and entry.right_streak == 1
        other = db.session.scalar(
            select(NotebookEntry).where(
                NotebookEntry.user_id == user.id, NotebookEntry.question_id != q.id
            )
        )
        other_id = other.id
    assert 'data-testid="due-count">1<' in client.get("/").get_data(as_text=True)

    client.post(f"/notebook/{other_id}/mastered")
    notebook = client.get("/notebook").get_data(as_text=True)
    assert "已掌握 1 题" in notebook and "未掌握 1 题" in notebook
    assert client.post("/review").headers["Location"].endswith("/notebook")  # nothing due now


def test_someone_elses_notebook_entry_is_not_mine(app, client, make_bank, make_user) -> None:
    material_id, ids = make_bank(1)
    owner = make_user()
    with app.app_context():
        entry = NotebookEntry(user_id=owner.id, question_id=ids[0], last_response="x")
        db.session.add(entry)
        db.session.commit()
        entry_id = entry.id
    assert client.post(f"/notebook/{entry_id}/mastered").status_code == 404


# ---------------------------------------------------------------- reading page, paper, scores


def test_reading_page_marks_key_phrases_and_links_their_questions(app, client, make_bank) -> None:
    material_id, _ = make_bank(4)
    text = "党的政治建设是党的根本性建设。\n增强“四个意识”，坚定“四个自信”。"
    with app.app_context():
        material = db.session.get(Material, material_id)
        material.text = text
        start_ = text.index("四个意识")
        material.key_phrases = [
            {"text": "四个意识", "type": "formula", "start": start_, "end": start_ + 4},
            {"text": "根本性建设", "type": "term", "start": 9, "end": 14},
        ]
        db.session.commit()
    page = client.get(f"/materials/{material_id}").get_data(as_text=True)
    assert f'href="/materials/{material_id}/keys/0">四个意识</a>' in page
    assert f'href="/materials/{material_id}/keys/1">根本性建设</a>' in page
    phrase = client.get(f"/materials/{material_id}/keys/0").get_data(as_text=True)
    assert "1 道题" in phrase
    # a listed 填空 shows its blank's length, as the practice page will (根本性)
    cloze = client.get(f"/materials/{material_id}/keys/1").get_data(as_text=True)
    hinted = '（　　）<span class="blank-hint">〔3字〕</span>'
    assert f'党的<span class="blank">{hinted}</span>建设' in cloze
    response = client.post(f"/materials/{material_id}/keys/0")
    token = response.headers["Location"].rsplit("/", 1)[-1]
    assert attempt_row(app, token).total == 1
    assert client.get(f"/materials/{material_id}/keys/9").status_code == 404


def test_long_material_is_split_into_light_parts(app, client) -> None:
    paragraph = "坚持以人民为中心的发展思想，推动高质量发展。" * 20
    text = "\n".join(paragraph for _ in range(60))  # about 26 000 characters
    with app.app_context():
        material = Material(
            title="长材料", text=text, content_hash=uuid.uuid4().hex, char_count=len(text)
        )
        db.session.add(material)
        db.session.commit()
        material_id = material.id
    first = client.get(f"/materials/{material_id}", headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip"
    assert len(first.data) < 100_000  # on the wire
    html = gzip.decompress(first.data).decode("utf-8")
    assert len(html.encode("utf-8")) < 100_000  # even uncompressed
    parts = int(re.search(r"第 1 / (\d+) 部分", html).group(1))
    assert parts >= 2
    last = client.get(f"/materials/{material_id}?part={parts}")
    assert last.status_code == 200 and "上一部分" in last.get_data(as_text=True)
    assert client.get(f"/materials/{material_id}?part={parts + 1}").status_code == 404


def test_print_paper_has_its_key_on_a_separate_page(app, client, make_bank) -> None:
    material_id, _ = make_bank(4)
    url = f"/materials/{material_id}/paper?count=0&seed=abc123"
    page = client.get(url).get_data(as_text=True)
    paper, key = page.split('class="paper page-break answer-key"')
    assert all(s["stem"] in paper for s in SAMPLE_QUESTIONS if s["kind"] != "cloze")
    assert "党的政治建设是党的" in paper and "建设，决定着党的建设方向和效果。" in paper
    assert "参考答案" in key and "C. 核心意识" in key and "根本性" in key
    assert "C. 核心意识" not in paper.split("paper-questions")[1].replace("C. 核心意识</span>", "")
    assert client.get(url).get_data(as_text=True) == page  # same seed, same paper
    bad = client.get(f"/materials/{material_id}/paper?count=7")
    assert bad.status_code == 200 and "请从给出的选项中选择" in bad.get_data(as_text=True)


def test_a_short_paper_says_how_many_it_holds_and_why(app, client, make_bank) -> None:
    material_id, ids = make_bank(4)
    with app.app_context():
        db.session.get(BankQuestion, ids[3]).weak = True  # the 填空, waiting for an organizer
        db.session.commit()
    page = client.get(f"/materials/{material_id}/paper?count=10&seed=abc").get_data(as_text=True)
    assert "共 3 题" in page
    assert "所选题型只有 3 道题，已全部组卷（另有 1 道题在等组织者审核）。" in page
    # a pool as large as the count whose questions give each other away (each has a twin)
    material_id, _ = make_bank(12)
    page = client.get(f"/materials/{material_id}/paper?count=10&seed=abc").get_data(as_text=True)
    assert "共 4 题" in page
    assert f"所选题型共有 12 道题，但{GIVEAWAY_NOTE}，本次出 4 道；再来一次会换题。" in page
    # a full paper says nothing
    page = client.get(f"/materials/{material_id}/paper?count=0&seed=abc").get_data(as_text=True)
    assert 'data-testid="paper-short"' not in page
    # kinds whose every question waits for an organizer say so, not "no questions"
    material_id, ids = make_bank(4)
    with app.app_context():
        db.session.get(BankQuestion, ids[3]).weak = True  # the only 填空
        db.session.commit()
    page = client.get(f"/materials/{material_id}/paper?count=10&kinds=cloze").get_data(as_text=True)
    assert "所选题型的 1 道题都在等组织者审核，审核后才能出题。" in page


# ---------------------------------------------------------------- the length of a cloze blank

# Two keys of unequal length, in either order: 不分先后 takes them either way, and each blank still
# shows the length the text gives it (without it the list is an open frame: blind12 HJ #5, #11).
TWO_KEYS = {
    "stem": "强化（　　）和（　　）。（不分先后）",
    "answer": ["就业优先政策", "社会保障"],
    "accepted": [["就业优先政策"], ["社会保障"]],
    "keys": ["就业优先政策", "社会保障"],
}


def test_practice_page_gives_the_length_of_the_cloze_key_not_the_key(app, client, make_bank):
    material_id, _ = make_bank(4)
    token = start(client, material_id, kinds=["cloze"])
    page = client.get(f"/test/{token}/q/1").get_data(as_text=True)
    assert (
        '党的<span class="blank">（　　）<span class="blank-hint">〔3字〕</span></span>建设' in page
    )  # 根本性
    assert ">答案（3字）</label>" in page and 'placeholder="3个字"' in page
    assert "根本性" not in page


def test_an_order_free_cloze_of_unequal_keys_gives_the_texts_lengths(
    app, client, make_bank, make_question
):
    material_id, _ = make_bank(0)
    free = make_question(material_id, sample=3, **TWO_KEYS, ordered=False)
    ordered = make_question(
        material_id, sample=3, **dict(TWO_KEYS, stem="强化（　　）和（　　）。")
    )
    token = start(client, material_id, mode="exam", kinds=["cloze"])
    page = client.get(f"/test/{token}").get_data(as_text=True)
    sections = page.split('class="card question-card"')[1:]
    cards = {c.split('name="q')[1].split("_")[0]: c for c in sections}
    free_card, ordered_card = cards[str(free.id)], cards[str(ordered.id)]
    assert "强化（　　）和（　　）。（不分先后）" in page_text(free_card)
    # the same hints as the keys in a fixed order: the text's lengths, blank by blank
    for card in (free_card, ordered_card):
        assert (
            '强化<span class="blank">（　　）<span class="blank-hint">〔6字〕</span></span>和'
            in card
        )
        assert ">第 1 空（6字）</label>" in card and ">第 2 空（4字）</label>" in card
        assert 'placeholder="6个字"' in card and 'placeholder="4个字"' in card
    assert "就业优先政策" not in page and "社会保障" not in page


def test_answer_pages_show_the_source_sentence_once(app, client, make_bank, make_question):
    """An explanation opening on "原文：<source>" (as the engine writes it) shows only what it
    adds: the source is in its own box on every answer page."""
    material_id, _ = make_bank(0)
    source = SAMPLE_QUESTIONS[3]["source"]
    q = make_question(
        material_id, sample=3, explanation=f"原文：{source} 政治建设是党的根本性建设。"
    )
    token = start(client, material_id, kinds=["cloze"])
    response = client.post(f"/test/{token}/q/1", data=answer_data(q, WRONG["cloze"]))
    feedback = client.get(response.headers["Location"]).get_data(as_text=True)
    result = client.get(f"/test/{token}", follow_redirects=True).get_data(as_text=True)
    notebook = client.get("/notebook").get_data(as_text=True)
    for page in map(page_text, (feedback, result, notebook)):
        assert page.count("党的政治建设是党的根本性建设") == 1  # the source box
        assert "解析：政治建设是党的根本性建设。" in page


def test_the_printed_paper_draws_a_box_per_character_of_the_key(
    app, client, make_bank, make_question
):
    material_id, _ = make_bank(4)
    make_question(material_id, sample=3, **TWO_KEYS, ordered=False)
    page = client.get(f"/materials/{material_id}/paper?count=0&seed=abc")
    paper = page.get_data(as_text=True).split("answer-key")[0]
    assert re.search(r'党的<span class="blank-cells" role="img" aria-label="3字的空">'
                     r"(<span></span>){3}</span>建设", paper)  # fmt: skip
    # an order-free list draws the text's lengths too (6 and 4 boxes)
    cells = r'<span class="blank-cells" role="img" aria-label="{n}字的空">'
    cells += r"(<span></span>){{{n}}}</span>"
    drawn = "强化" + cells.format(n=6) + "和" + cells.format(n=4) + "。（不分先后）"
    assert re.search(drawn, paper)
    assert "根本性" not in paper and "社会保障" not in paper


def test_scores_page_lists_attempts_with_a_trend_chart(app, client, login_as, make_bank) -> None:
    login_as()
    material_id, _ = make_bank(2)
    for _ in range(2):
        token = start(client, material_id, mode="exam")
        client.post(f"/test/{token}/exam", data={"action": "submit"})
    page = client.get("/me/scores").get_data(as_text=True)
    assert "<svg" in page and "<polyline" in page and page.count("0/2") == 2


# ---------------------------------------------------------------- visitor → account


def test_registering_keeps_what_the_visitor_did(app, client, make_bank) -> None:
    material_id, _ = make_bank(2)
    token = start(client, material_id)
    q = question(app, attempt_row(app, token).question_ids[0])
    client.post(f"/test/{token}/q/1", data=answer_data(q, WRONG[q.kind]))
    response = client.post("/auth/register", data={
        "username": "newcomer", "display_name": "新同志", "password": "password123",
        "password2": "password123", "group_id": "",
    })  # fmt: skip
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.username == "newcomer"))
        entry = db.session.scalar(select(NotebookEntry))
        assert (entry.user_id, entry.visitor_id) == (user_id, None)
    assert attempt_row(app, token).user_id == user_id
    assert q.stem in client.get("/notebook").get_data(as_text=True)
    assert client.get(f"/test/{token}").status_code == 302  # still mine


def test_simultaneous_double_submits_count_once(db_app) -> None:
    """Eight copies of the same answer and of the same 交卷, sent at the same moment."""
    client = db_app.test_client()
    material_id, _ = seed_bank(db_app, 2)
    practice = start(client, material_id)
    exam = start(client, material_id, mode="exam")
    q = question(db_app, attempt_row(db_app, practice).question_ids[0])
    exam_q = question(db_app, attempt_row(db_app, exam).question_ids[0])
    cookie = client.get_cookie("session").value
    barrier = threading.Barrier(8)

    def send(url: str, data: dict[str, Any]) -> int:
        browser = db_app.test_client()
        browser.set_cookie("session", cookie)
        barrier.wait()
        return browser.post(url, data=data).status_code

    for url, data in [
        (f"/test/{practice}/q/1", answer_data(q, RIGHT[q.kind])),
        (f"/test/{exam}/exam", {**answer_data(exam_q, RIGHT[exam_q.kind]), "action": "submit"}),
    ]:
        with ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(send, [url] * 8, [data] * 8))
        assert codes == [302] * 8
    assert count_answers(db_app, practice) == 1 and attempt_row(db_app, practice).score == 1
    assert count_answers(db_app, exam) == 1 and attempt_row(db_app, exam).score == 1


# ---------------------------------------------------------------- which blanks were wrong

POWERS = {
    "stem": "增强（　　）本领，增强（　　）本领，增强（　　）本领。",
    "answer": ["学习", "改革创新", "依法执政"],
    "accepted": [["学习"], ["改革创新"], ["依法执政"]],
    "keys": ["学习", "改革创新", "依法执政"],
    "source": "要增强学习本领，在全党营造善于学习、勇于实践的浓厚氛围，建设马克思主义学习型政党，"
    "推动建设学习大国。增强改革创新本领，保持锐意进取的精神风貌。增强依法执政本领。",
}


def given_marks(html: str) -> list[tuple[str, str]]:
    """(given text, ✓ or ✗) of each blank the page marks, in order."""
    return re.findall(
        r'<span class="given-blank is-(?:right|wrong)">([^<]*)<span class="given-mark"[^>]*>'
        r"([✓✗])</span>",
        html,
    )


def test_a_wrong_cloze_of_several_blanks_says_which_blanks_were_wrong(
    app, client, make_bank, make_question
):
    """Practice feedback, result and 错题本 mark each given text ✓/✗ by the engine's checker;
    in an order-free cloze a text is right when it matches a key no earlier text matched."""
    material_id, _ = make_bank(0)
    free = make_question(
        material_id, sample=3, **dict(POWERS, stem=POWERS["stem"] + "（不分先后）"), ordered=False
    )
    ordered = make_question(material_id, sample=3, **POWERS)
    given = {
        free.id: ["依法执政", "依法执政", "学习"],  # the second 依法执政 has no key left
        ordered.id: ["学习", "依法执政", "改革创新"],  # right words, two in the wrong places
    }
    want = {
        free.id: [("依法执政", "✓"), ("依法执政", "✗"), ("学习", "✓")],
        ordered.id: [("学习", "✓"), ("依法执政", "✗"), ("改革创新", "✗")],
    }
    token = start(client, material_id, kinds=["cloze"])
    ids = attempt_row(app, token).question_ids
    for number, qid in enumerate(ids, start=1):
        before = client.get(f"/test/{token}/q/{number}").get_data(as_text=True)
        assert "given-blank" not in before and "✓" not in before and "✗" not in before
        q = question(app, qid)
        response = client.post(f"/test/{token}/q/{number}", data=answer_data(q, given[qid]))
        feedback = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "回答错误" in feedback
        assert given_marks(feedback) == want[qid]
    client.post(f"/test/{token}/finish", data={})
    result = client.get(f"/test/{token}/result").get_data(as_text=True)
    cards = result.split('class="card answer-card')[1:]
    assert [given_marks(c) for c in cards] == [want[qid] for qid in ids]
    notebook = client.get("/notebook").get_data(as_text=True)
    entries = notebook.split('class="card notebook-entry"')[1:]
    assert sorted(map(given_marks, entries)) == sorted(want.values())


def test_a_right_answer_marks_every_blank_and_a_one_blank_answer_none(
    app, client, make_bank, make_question
):
    material_id, _ = make_bank(0)
    free = make_question(material_id, sample=3, **POWERS, ordered=False)
    make_question(material_id, sample=3)  # one blank: 根本性
    token = start(client, material_id, kinds=["cloze"])
    for number, qid in enumerate(attempt_row(app, token).question_ids, start=1):
        q = question(app, qid)
        sent = ["依法执政", "学习", "改革创新"] if qid == free.id else WRONG["cloze"]
        response = client.post(f"/test/{token}/q/{number}", data=answer_data(q, sent))
        feedback = client.get(response.headers["Location"]).get_data(as_text=True)
        marks = given_marks(feedback)
        # the swapped order-free answer is right: every blank ✓; a one-blank cloze: plain text
        assert marks == ([(t, "✓") for t in sent] if qid == free.id else [])


def test_a_short_key_is_marked_in_the_source_only_where_the_question_asks_it(
    app, client, make_bank, make_question
):
    """学习 is marked in 增强学习本领 (the stem's 增强（　　）本领), not in 善于学习, 学习型政党 or
    学习大国; a longer key is marked wherever it occurs."""
    material_id, _ = make_bank(0)
    q = make_question(material_id, sample=3, **POWERS, ordered=False)
    token = start(client, material_id, kinds=["cloze"])
    response = client.post(f"/test/{token}/q/1", data=answer_data(q, ["错", "错", "错"]))
    feedback = client.get(response.headers["Location"]).get_data(as_text=True)
    client.post(f"/test/{token}/finish", data={})
    result = client.get(f"/test/{token}/result").get_data(as_text=True)
    notebook = client.get("/notebook").get_data(as_text=True)
    for page in (feedback, result, notebook):
        source = page.split('<div class="source">', 1)[1].split("</div>", 1)[0]
        assert source.count("<mark>") == 3, source
        assert "增强<mark>学习</mark>本领" in source
        assert "<mark>学习</mark>型政党" not in source and "<mark>学习</mark>大国" not in source
        assert "增强<mark>改革创新</mark>本领" in source and "<mark>依法执政</mark>" in source


def test_exam_hand_in_by_the_page_twice_scores_once(db_app) -> None:
    """The page's 交卷 (a fetch, retried through an outage) is answered with the result's
    address; sent again because the first reply was lost, it points there too, changes no score
    and notes no mistake twice; the result page then says the test was handed in."""
    client = db_app.test_client()
    material_id, _ = seed_bank(db_app, 4)
    token = start(client, material_id, mode="exam")
    attempt = attempt_row(db_app, token)
    data: dict[str, Any] = {"action": "submit"}
    for i, qid in enumerate(attempt.question_ids):
        q = question(db_app, qid)
        data.update(answer_data(q, WRONG[q.kind] if i == 0 else RIGHT[q.kind]))
    fetch = {"X-Requested-With": "fetch", "Accept": "application/json"}
    first = client.post(f"/test/{token}/exam", data=data, headers=fetch)
    assert first.status_code == 200
    assert first.get_json() == {"submitted": True, "url": f"/test/{token}/result"}
    again = client.post(f"/test/{token}/exam", data=data, headers=fetch)
    assert again.status_code == 409 and again.get_json()["url"] == f"/test/{token}/result"
    assert "3 / 4" in client.get(f"/test/{token}/result").get_data(as_text=True)
    assert attempt_row(db_app, token).score == 3
    with db_app.app_context():
        entry = db.session.scalars(select(NotebookEntry)).one()
        assert entry.wrong_count == 1


def test_exam_hand_in_by_the_page_after_time_keeps_what_was_saved(app, client, make_bank):
    """The page's 交卷, held up by an outage until after the time limit: the answers saved in
    time count, the late ones do not, and the result page says why."""
    material_id, _ = make_bank(2)
    token = start(client, material_id, mode="exam", time_limit="5")
    first, second = (question(app, qid) for qid in attempt_row(app, token).question_ids)
    save_then_time_out(app, client, token, first)
    everything = {
        **answer_data(first, RIGHT[first.kind]),
        **answer_data(second, RIGHT[second.kind]),
    }
    response = client.post(f"/test/{token}/exam", data={**everything, "action": "submit"},
                           headers={"X-Requested-With": "fetch"})  # fmt: skip
    assert response.status_code == 409 and response.get_json()["url"] == f"/test/{token}/result"
    page = client.get(f"/test/{token}/result").get_data(as_text=True)
    assert "时间已到，已按时间到时保存的答案自动交卷" in page
    assert attempt_row(app, token).score == 1 and count_answers(app, token) == 1


def organizer_deletes(app, qid: int) -> None:
    """An organizer deletes question ``qid`` through the workbench (nobody answered it)."""
    organizer = logged_in_client(app, f"wb_{uuid.uuid4().hex[:8]}", "organizer", "组织者")
    assert organizer.post(f"/manage/questions/{qid}/delete").status_code == 302
    with app.app_context():
        assert db.session.get(BankQuestion, qid) is None


def test_a_practice_goes_on_past_a_question_deleted_meanwhile(app, client, make_bank) -> None:
    """An organizer deletes a question of a 练习 under way (nobody had answered it): the 练习
    is numbered over the questions still there, so 下一题 and 继续 lead to the next one (they
    answered 404 for the deleted number, and the 练习 never finished), and the result counts
    the questions asked."""
    material_id, _ = make_bank(4)
    token = start(client, material_id)
    order = attempt_row(app, token).question_ids
    first = question(app, order[0])
    client.post(f"/test/{token}/q/1", data=answer_data(first, RIGHT[first.kind]))
    organizer_deletes(app, order[1])
    feedback = client.get(f"/test/{token}/q/1").get_data(as_text=True)
    assert "第 1 / 3 题" in feedback and f'href="/test/{token}/q/2"' in feedback
    for number, qid in enumerate(order[2:], start=2):
        resumed = client.get(f"/test/{token}")
        assert resumed.headers["Location"].endswith(f"/test/{token}/q/{number}")
        page = client.get(f"/test/{token}/q/{number}")
        q = question(app, qid)
        assert page.status_code == 200 and q.stem in page_text(page.get_data(as_text=True))
        assert f"第 {number} / 3 题" in page.get_data(as_text=True)
        client.post(f"/test/{token}/q/{number}", data=answer_data(q, RIGHT[q.kind]))
    result = client.get(f"/test/{token}", follow_redirects=True).get_data(as_text=True)
    assert "3 / 3" in result
    attempt = attempt_row(app, token)
    assert attempt.submitted_at is not None and (attempt.score, attempt.total) == (3, 3)


def test_an_exam_handed_in_after_a_question_was_deleted_counts_what_it_asked(
    app, client, make_bank
) -> None:
    material_id, _ = make_bank(4)
    token = start(client, material_id, mode="exam")
    order = attempt_row(app, token).question_ids
    organizer_deletes(app, order[3])
    data: dict[str, Any] = {"action": "submit"}
    for qid in order[:3]:
        q = question(app, qid)
        data.update(answer_data(q, RIGHT[q.kind]))
    client.post(f"/test/{token}/exam", data=data)
    assert "3 / 3" in client.get(f"/test/{token}/result").get_data(as_text=True)
    assert (attempt_row(app, token).score, attempt_row(app, token).total) == (3, 3)


def test_a_material_without_questions_offers_no_self_test(app, client, make_bank) -> None:
    """A text the engine asked nothing of (too short) or whose questions are all 停用: the
    pages offered 自测 and 打印试卷 anyway, and starting said 请换一种题型 (no kind would do)."""
    make_bank(2, title="有题的材料")
    with app.app_context():
        empty = Material(title="一句话的通知", text="今天下午开会。", content_hash=uuid.uuid4().hex)
        db.session.add(empty)
        db.session.commit()
        empty_id = empty.id
    for url in ("/", "/materials", f"/materials/{empty_id}"):
        page = client.get(url).get_data(as_text=True)
        assert f"/test/new?material={empty_id}" not in page, url
        assert f"/materials/{empty_id}/paper" not in page, url
        assert "还没有题目" in page, url
    assert "/test/new?material=" in client.get("/materials").get_data(as_text=True)
    data = {"material": empty_id, "count": "10", "kinds": ALL_KINDS, "mode": "practice",
            "time_limit": "0"}  # fmt: skip
    page = client.post("/test/new", data=data).get_data(as_text=True)
    assert "这份材料还没有题目，请换一份材料。" in page and "请换一种题型" not in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Attempt)) == 0


def test_the_notebook_does_not_call_an_old_mistake_the_last_answer(
    app, client, login_as, make_bank
) -> None:
    """A 单选 answered wrong in a 练习, then right in its 复习: the 错题本 still shows the wrong
    answer (what to learn from), but no longer as 你上次的答案, which it is not (qa8: the learner
    read their fixed mistake as their latest answer, in red)."""
    login_as()
    material_id, _ = make_bank(4)
    token = start(client, material_id, kinds=["single"])
    q = question(app, attempt_row(app, token).question_ids[0])
    client.post(f"/test/{token}/q/1", data=answer_data(q, WRONG["single"]))
    review_token = client.post("/review").headers["Location"].rsplit("/", 1)[-1]
    client.post(f"/test/{review_token}/q/1", data=answer_data(q, RIGHT["single"]))
    entry = page_text(client.get("/notebook").get_data(as_text=True))
    assert "上次的答案" not in entry
    assert "你答错时的答案：A. 政治意识" in entry


def set_question(app, qid: int, **fields: Any) -> None:
    with app.app_context():
        row = db.session.get(BankQuestion, qid)
        for name, value in fields.items():
            setattr(row, name, value)
        db.session.commit()


def notebook_figures(client) -> tuple[int, int, int, int]:
    """(今日待复习 on the home page, on the 错题本, 未掌握, entries listed), as a learner reads
    them."""
    home = client.get("/").get_data(as_text=True)
    page = page_text(client.get("/notebook").get_data(as_text=True))
    return (
        int(re.search(r'data-testid="due-count">(\d+)<', home).group(1)),
        int(re.search(r"今日待复习 (\d+) 题", page).group(1)),
        int(re.search(r"未掌握 (\d+) 题", page).group(1)),
        page.count("你答错时的答案："),
    )


def test_the_notebook_counts_only_what_a_review_asks(db_app) -> None:
    """Four mistakes; then the organizer disables one question, sends one to 待复核, and a
    regeneration keeps the answered version of a third apart (retired, uid ``<uid>~<id>``).
    Before, 今日待复习 said 4 and 开始复习 asked 2 (the 待复核 one among them); once only
    disabled ones were due the page said 今日待复习 N 题 and then 今天没有要复习的错题。 Now every
    figure, the list and the review agree on the one in use; the others wait, schedule intact,
    and come back when their question is used again."""
    client = logged_in_client(db_app, "xuexi", "learner", "学员甲")
    material_id, ids = seed_bank(db_app, 4)
    token = start(client, material_id)
    asked = attempt_row(db_app, token).question_ids
    for number, qid in enumerate(asked, start=1):
        q = question(db_app, qid)
        client.post(f"/test/{token}/q/{number}", data=answer_data(q, WRONG[q.kind]))
    assert notebook_figures(client) == (4, 4, 4, 4)

    disabled, in_review, split, kept = ids
    set_question(db_app, disabled, status="disabled")
    set_question(db_app, in_review, status="review")
    uid = question(db_app, split).uid
    set_question(db_app, split, status="disabled", retired=True, uid=f"{uid}~{split}")
    assert notebook_figures(client) == (1, 1, 1, 1)
    page = page_text(client.get("/notebook").get_data(as_text=True))
    assert question(db_app, kept).stem in page
    assert all(question(db_app, q).stem not in page for q in (disabled, in_review, split))
    assert "另有 3 道错题的题目已停用、暂停使用或已换成新版本，暂不列出、不用复习" in page

    review_token = client.post("/review").headers["Location"].rsplit("/", 1)[-1]
    assert attempt_row(db_app, review_token).question_ids == [kept]
    q = question(db_app, kept)
    client.post(f"/test/{review_token}/q/1", data=answer_data(q, RIGHT[q.kind]))
    assert notebook_figures(client) == (0, 0, 1, 1)  # tomorrow's, still to learn
    assert "开始复习" not in client.get("/notebook").get_data(as_text=True)
    assert client.post("/review").headers["Location"].endswith("/notebook")

    set_question(db_app, disabled, status="active")  # used again: the mistake is back, due
    assert notebook_figures(client) == (1, 1, 2, 2)
    page = page_text(client.get("/notebook").get_data(as_text=True))
    assert question(db_app, disabled).stem in page and "另有 2 道错题" in page
    review_token = client.post("/review").headers["Location"].rsplit("/", 1)[-1]
    assert attempt_row(db_app, review_token).question_ids == [disabled]


def test_a_mistake_on_a_question_the_engine_now_doubts_waits_until_it_is_confirmed(
    db_app,
) -> None:
    """Regeneration may mark a question a learner got wrong as doubted (weak): it is no longer
    served, so the 错题本 sets it aside like a disabled one, and brings it back when an organizer
    confirms it."""
    from quizapp.workbench.services import confirm_question

    client = logged_in_client(db_app, "xuexi", "learner", "学员甲")
    material_id, ids = seed_bank(db_app, 2)
    token = start(client, material_id)
    answer_all(client, db_app, token, wrong=set(attempt_row(db_app, token).question_ids))
    assert notebook_figures(client) == (2, 2, 2, 2)
    doubted, kept = ids
    set_question(db_app, doubted, weak=True)
    assert notebook_figures(client) == (1, 1, 1, 1)
    assert "另有 1 道错题" in page_text(client.get("/notebook").get_data(as_text=True))
    review_token = client.post("/review").headers["Location"].rsplit("/", 1)[-1]
    assert attempt_row(db_app, review_token).question_ids == [kept]
    with db_app.app_context():
        assert confirm_question(db.session.get(BankQuestion, doubted), user=None)
        db.session.commit()
    assert notebook_figures(client)[2:] == (2, 2)


def test_mastered_counts_only_questions_still_in_use(db_app) -> None:
    """Three mistakes, all marked 已掌握; then one question is disabled and a regeneration keeps
    another's answered version apart. 已掌握 said 3 while the list, 未掌握 and 复习 had left
    those two out; it now counts the one still in use, and the disabled one comes back to it
    when the question is used again."""
    client = logged_in_client(db_app, "xuexi", "learner", "学员甲")
    material_id, ids = seed_bank(db_app, 3)
    token = start(client, material_id)
    for number, qid in enumerate(attempt_row(db_app, token).question_ids, start=1):
        q = question(db_app, qid)
        client.post(f"/test/{token}/q/{number}", data=answer_data(q, WRONG[q.kind]))
    with db_app.app_context():
        entry_ids = list(db.session.scalars(select(NotebookEntry.id)))
    for entry_id in entry_ids:
        client.post(f"/notebook/{entry_id}/mastered")

    def mastered() -> int:
        page = page_text(client.get("/notebook").get_data(as_text=True))
        return int(re.search(r"已掌握 (\d+) 题", page).group(1))

    assert mastered() == 3
    disabled, split, _kept = ids
    set_question(db_app, disabled, status="disabled")
    uid = question(db_app, split).uid
    set_question(db_app, split, status="disabled", retired=True, uid=f"{uid}~{split}")
    assert mastered() == 1
    page = page_text(client.get("/notebook").get_data(as_text=True))
    assert "未掌握 0 题 · 已掌握 1 题" in page and "所有错题都已掌握。" in page
    set_question(db_app, disabled, status="active")
    assert mastered() == 2
