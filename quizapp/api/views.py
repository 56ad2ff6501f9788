"""JSON API v1: live rounds (现场赛) for the app's own screens, a mini-program or any client.

Bearer tokens, no cookies needed, no CSRF (exempted in quizapp.web). Every error is JSON
``{"error": short code, "message": Chinese text}``. The contract is published as OpenAPI 3 at
``/api/v1/openapi.json`` (quizapp.api.openapi).

GET requests are plain reads. Only the leaderboard, when it finds a question closed by its
deadline and not yet settled, settles it first in a short write transaction; a player's own
result (/me) is computed without writing, since every phone asks for it at the same moment.
"""

from __future__ import annotations

import threading
from typing import Any

from flask import Blueprint, current_app, g, jsonify, request
from flask_login import current_user

from ..database import begin_write
from ..extensions import db
from ..live import ratelimit
from ..live import services as live
from ..live.services import LiveError
from .openapi import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api/v1")


# On SQLite, the threads of one worker take turns at writing here, on a lock that wakes the next
# one at once, instead of all waiting inside SQLite's busy handler (which sleeps and retries, up to
# 100 ms at a time, and makes a burst of joins or answers slow). Not state: only a queue.
_SQLITE_WRITERS = threading.Lock()


@bp.before_request
def queue_sqlite_writers() -> None:
    if request.method == "POST" and db.engine.dialect.name == "sqlite":
        _SQLITE_WRITERS.acquire()
        g._sqlite_writer = True


@bp.teardown_request
def release_sqlite_writer(_exc: BaseException | None) -> None:
    if g.pop("_sqlite_writer", False):
        db.session.remove()  # end the write transaction before the next thread starts one
        _SQLITE_WRITERS.release()


@bp.errorhandler(LiveError)
def live_error(exc: LiveError):  # noqa: ANN201
    db.session.rollback()
    return jsonify(error=exc.code, message=exc.message), exc.status


# ---------------------------------------------------------------- helpers


def bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def json_body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise LiveError(
            400, "bad_request", "请求体应为 JSON 对象（Content-Type: application/json）。"
        )
    return body


def unknown_code() -> LiveError:
    """Count the miss against the shared code-guess limit; the error to raise."""
    limit = current_app.config["CODE_GUESS_RATE_PER_MINUTE"]
    if ratelimit.count("guess") >= limit:  # over the cap: answer without writing
        return LiveError(429, "too_many_requests", "输入错误比赛码的次数太多，请稍后再试。")
    if request.method == "GET":
        begin_write()
    allowed = ratelimit.allow("guess", limit)
    db.session.commit()
    if not allowed:
        return LiveError(429, "too_many_requests", "输入错误比赛码的次数太多，请稍后再试。")
    return LiveError(404, "not_found", "没有这个比赛码，请核对后再输入。")


def load(code: str) -> live.LiveContest:
    contest = live.find_contest(code)
    if contest is None:
        raise unknown_code()
    return contest


def load_as_host(code: str) -> live.LiveContest:
    contest = load(code)
    live.check_host(contest, bearer())
    return contest


def settle_for_read(contest: live.LiveContest, now: float) -> live.LiveContest:
    """From a GET: settle a question closed by its deadline before reading standings."""
    if live.needs_settling(contest, live.current_question(contest), now):
        contest_id = contest.id
        begin_write()
        contest = db.session.get(live.LiveContest, contest_id)
        live.settle_if_due(contest, now)
        db.session.commit()
        g.pop("_write_intent", None)  # what follows is a plain read again
        contest = db.session.get(live.LiveContest, contest_id)
    return contest


# ---------------------------------------------------------------- contract endpoints


@bp.get("/openapi.json")
def openapi():  # noqa: ANN201
    return jsonify(openapi_document())


@bp.get("/contests/<code>")
def contest_state(code: str):  # noqa: ANN201
    state = live.read_state(code, live.now_ts())
    if state is None:
        raise unknown_code()
    return jsonify(state)


@bp.post("/contests/<code>/players")
def join(code: str):  # noqa: ANN201
    body = json_body()
    contest = load(code)
    allowed = ratelimit.allow(f"join:{contest.id}", current_app.config["JOIN_RATE_PER_MINUTE"])
    db.session.commit()  # the count stands whatever happens next; keeps the counter row free
    if not allowed:
        raise LiveError(429, "too_many_requests", "加入的人太多，请稍等几秒再试。")
    user_id, default_team = None, None
    if current_user.is_authenticated:
        user_id = current_user.id
        default_team = current_user.group.name if current_user.group else None
    player, token, created = live.join(
        contest,
        name=body.get("name"),
        team=body.get("team"),
        user_id=user_id,
        default_team=default_team,
    )
    payload = {"player_id": player.id, "token": token, "name": player.name, "team": player.team}
    db.session.commit()
    return jsonify(payload), 201 if created else 200


@bp.post("/contests/<code>/answers")
def answer(code: str):  # noqa: ANN201
    arrival = live.now_ts()  # the answer's arrival, before any wait for a lock
    body = request.get_json(silent=True)
    try:
        live.submit_answer(
            code,
            bearer(),
            body,
            arrival=arrival,
            grace=float(current_app.config.get("LIVE_ANSWER_GRACE_S", live.MAX_GRACE_S)),
        )
    except live.UnknownCode:
        raise unknown_code() from None
    db.session.commit()  # acknowledged only once stored
    return jsonify(accepted=True)


@bp.post("/contests/<code>/advance")
def advance(code: str):  # noqa: ANN201
    contest = load_as_host(code)
    now = live.now_ts()
    body = request.get_json(silent=True)
    live.advance(contest, now, expect=body.get("expect") if isinstance(body, dict) else None)
    db.session.commit()
    return jsonify(live.contest_state(contest, now))


@bp.get("/contests/<code>/leaderboard")
def leaderboard(code: str):  # noqa: ANN201
    contest = settle_for_read(load(code), live.now_ts())
    return jsonify(live.leaderboard_payload(contest))


# ------------------------------------------------- for the screens (documented extras)


@bp.get("/contests/<code>/me")
def me(code: str):  # noqa: ANN201
    try:
        return jsonify(live.player_result(code, bearer(), live.now_ts()))
    except live.UnknownCode:
        raise unknown_code() from None


@bp.get("/contests/<code>/players")
def players(code: str):  # noqa: ANN201
    contest = load(code)
    token = bearer()
    is_host = False
    if token:
        live.check_host(contest, token)
        is_host = True
    rows = live.players_list(contest, include_removed=is_host)
    return jsonify(count=sum(1 for r in rows if not r["removed"]), players=rows)


@bp.get("/contests/<code>/questions/<uid>/stats")
def question_stats(code: str, uid: str):  # noqa: ANN201
    contest = load(code)
    return jsonify(live.question_stats(contest, uid, live.now_ts()))


@bp.get("/contests/<code>/host")
def host_info(code: str):  # noqa: ANN201
    contest = load_as_host(code)
    return jsonify(
        code=contest.code,
        title=contest.title,
        questions=contest.question_count,
        seconds=contest.seconds_per_question,
        points=contest.points_max,
        streak_bonus=contest.streak_bonus,
        locked=contest.lobby_locked,
        state=live.contest_state(contest, live.now_ts()),
    )


@bp.post("/contests/<code>/lock")
def lock(code: str):  # noqa: ANN201
    contest = load_as_host(code)
    body = request.get_json(silent=True)
    locked = True
    if isinstance(body, dict) and "locked" in body:
        if not isinstance(body["locked"], bool):
            raise LiveError(400, "bad_request", "locked 应为 true 或 false。")
        locked = body["locked"]
    live.set_locked(contest, locked)
    db.session.commit()
    return jsonify(live.contest_state(contest, live.now_ts()))


@bp.post("/contests/<code>/players/<int:player_id>/remove")
def remove_player(code: str, player_id: int):  # noqa: ANN201
    contest = load_as_host(code)
    player = live.remove_player(contest, player_id)
    payload = {"player_id": player.id, "name": player.name, "removed": True}
    db.session.commit()
    return jsonify(payload)


@bp.post("/contests/<code>/players/<int:player_id>/readmit")
def readmit_player(code: str, player_id: int):  # noqa: ANN201
    contest = load_as_host(code)
    player, token = live.readmit_player(contest, player_id)
    payload = {"player_id": player.id, "name": player.name, "team": player.team, "token": token}
    db.session.commit()
    return jsonify(payload)
