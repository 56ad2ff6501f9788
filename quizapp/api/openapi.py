"""The OpenAPI 3 description of JSON API v1, served at /api/v1/openapi.json."""

from __future__ import annotations

from typing import Any

CODE_PARAM = {
    "name": "code",
    "in": "path",
    "required": True,
    "description": "比赛码（6 位，不区分大小写）",
    "schema": {"type": "string"},
}
PLAYER_PARAM = {"name": "player_id", "in": "path", "required": True, "schema": {"type": "integer"}}
UID_PARAM = {"name": "question_id", "in": "path", "required": True, "schema": {"type": "string"}}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": json_content(schema)}


def err(description: str) -> dict[str, Any]:
    return {"description": description, "content": json_content(ref("Error"))}


ANSWER_SCHEMA = {
    "description": (
        "引擎的答案格式：single → 选项文字；multiple → 选项文字的数组（顺序、重复不计）；"
        "judge → true/false（或“对”“错”）；cloze → 每个空的文字数组（一个空时也可以是字符串）。"
    ),
    "oneOf": [
        {"type": "string"},
        {"type": "boolean"},
        {"type": "array", "items": {"type": "string"}},
    ],
}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error", "message"],
        "properties": {
            "error": {"type": "string", "description": "简短的错误代码，如 name_taken"},
            "message": {"type": "string", "description": "给用户看的中文说明"},
        },
    },
    "Question": {
        "type": "object",
        "required": ["id", "number", "total", "kind", "stem", "options", "deadline"],
        "properties": {
            "id": {"type": "string"},
            "number": {"type": "integer", "description": "第几题（从 1 起）"},
            "total": {"type": "integer"},
            "kind": {"type": "string", "enum": ["single", "multiple", "judge", "cloze"]},
            "stem": {"type": "string"},
            "options": {"type": "array", "items": {"type": "string"}},
            "deadline": {"type": "number", "description": "截止时刻，服务器 Unix 时间（秒）"},
            "blanks": {
                "type": "array",
                "items": {"type": ["integer", "null"]},
                "description": (
                    "只有填空题有：每个空按原文措辞的字数；不分先后且各空字数不同时为 null"
                ),
            },
            "answer": {
                **ANSWER_SCHEMA,
                "description": (
                    "正确答案；只在 status 为 closed 或 finished，且已不再收答案"
                    "（主持人已结束本题，或截止后 0.5 秒的网络宽限已过）时出现"
                ),
            },
        },
    },
    "State": {
        "type": "object",
        "required": ["status", "question", "server_time"],
        "properties": {
            "status": {"type": "string", "enum": ["lobby", "open", "closed", "finished"]},
            "question": {"oneOf": [ref("Question"), {"type": "null"}]},
            "server_time": {"type": "number", "description": "服务器当前 Unix 时间（秒）"},
            "code": {"type": "string"},
            "title": {"type": "string"},
            "locked": {"type": "boolean", "description": "主持人是否已锁定入场"},
            "roster": {
                "type": "integer",
                "description": "比赛开始后选手的变动次数（有人加入、被移出或恢复）；"
                "变了就重新查询本人名次（GET /contests/{code}/me）",
            },
        },
    },
    "Joined": {
        "type": "object",
        "required": ["player_id", "token"],
        "properties": {
            "player_id": {"type": "integer"},
            "token": {"type": "string", "description": "之后作答时放在 Authorization: Bearer 中"},
            "name": {"type": "string"},
            "team": {"type": ["string", "null"]},
        },
    },
    "Leaderboard": {
        "type": "object",
        "required": ["players", "teams"],
        "properties": {
            "players": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["rank", "name", "team", "score", "correct"],
                    "properties": {
                        "rank": {"type": "integer"},
                        "tied": {"type": "boolean", "description": "与他人名次相同（并列）"},
                        "name": {"type": "string"},
                        "team": {"type": ["string", "null"]},
                        "score": {"type": "integer"},
                        "correct": {"type": "integer"},
                        "player_id": {"type": "integer"},
                        "time_ms": {"type": "integer", "description": "答对各题用时之和（毫秒）"},
                    },
                },
            },
            "teams": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["rank", "team", "score", "players"],
                    "properties": {
                        "rank": {"type": "integer"},
                        "tied": {"type": "boolean", "description": "与他人名次相同（并列）"},
                        "team": {"type": "string"},
                        "score": {"type": "integer", "description": "队员平均分（四舍五入）"},
                        "players": {"type": "integer", "description": "队员人数"},
                    },
                },
            },
            "questions_counted": {"type": "integer", "description": "已计入排行的题数"},
        },
    },
    "Me": {
        "type": "object",
        "properties": {
            "player_id": {"type": "integer"},
            "name": {"type": "string"},
            "team": {"type": ["string", "null"]},
            "status": {"type": "string"},
            "score": {"type": "integer"},
            "correct": {"type": "integer"},
            "rank": {
                "type": ["integer", "null"],
                "description": "名次，与排行榜同一规则（中途加入者按 0 分）；尚无计入的题时为 null",
            },
            "tied": {"type": "boolean", "description": "与他人名次相同（并列）"},
            "players": {"type": "integer"},
            "questions_counted": {"type": "integer"},
            "current": {
                "type": ["object", "null"],
                "description": "本人对当前题的作答；correct/points 在题目结束后才有值",
                "properties": {
                    "question_id": {"type": "string"},
                    "number": {"type": "integer"},
                    "answered": {"type": "boolean"},
                    "answer": ANSWER_SCHEMA,
                    "correct": {"type": ["boolean", "null"]},
                    "points": {"type": ["integer", "null"]},
                },
            },
        },
    },
    "Players": {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "players": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "name": {"type": "string"},
                        "team": {"type": ["string", "null"]},
                        "removed": {"type": "boolean"},
                    },
                },
            },
        },
    },
    "Stats": {
        "type": "object",
        "properties": {
            "question_id": {"type": "string"},
            "number": {"type": "integer"},
            "kind": {"type": "string"},
            "stem": {"type": "string"},
            "answer": ANSWER_SCHEMA,
            "explanation": {"type": "string"},
            "answered": {"type": "integer"},
            "correct": {"type": "integer"},
            "options": {
                "type": "array",
                "description": "单选、多选、判断：每个选项被选的人数",
                "items": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string"},
                        "count": {"type": "integer"},
                        "correct": {"type": "boolean"},
                    },
                },
            },
            "responses": {
                "type": "array",
                "description": "最多 20 种不同答案（规范化后）及人数",
                "items": {
                    "type": "object",
                    "properties": {
                        "answer": ANSWER_SCHEMA,
                        "count": {"type": "integer"},
                        "correct": {"type": "boolean"},
                    },
                },
            },
        },
    },
    "Removed": {
        "type": "object",
        "properties": {
            "player_id": {"type": "integer"},
            "name": {"type": "string"},
            "removed": {"type": "boolean"},
        },
    },
}

PLAYER_AUTH = [{"playerToken": []}]
HOST_AUTH = [{"hostToken": []}]


def _paths() -> dict[str, Any]:
    state_200 = ok("比赛当前状态", ref("State"))
    return {
        "/contests/{code}": {
            "get": {
                "summary": "比赛状态（轮询）",
                "description": (
                    "只读。题目作答中（open）时不含任何答案信息；截止时间一过即为 closed，"
                    "无需主持人操作；截止后 0.5 秒宽限内仍收迟到的答案，此后（或主持人结束本题后）"
                    "题目才带 answer。"
                ),
                "parameters": [CODE_PARAM],
                "responses": {
                    "200": state_200,
                    "404": err("没有这个比赛码"),
                    "429": err("错误比赛码尝试过多"),
                },
            }
        },
        "/contests/{code}/players": {
            "post": {
                "summary": "加入比赛",
                "description": (
                    "名字去掉首尾空白、控制字符和双向控制字符，最多 16 个字，"
                    "在本场未被移出的选手中唯一。"
                    "已登录用户再次加入时取回自己的选手身份（200，新令牌）；被主持人移出的选手"
                    "（用原来的名字也可以）作为新选手加入，成绩从零算起，原令牌仍然无效。"
                ),
                "parameters": [CODE_PARAM],
                "requestBody": {
                    "required": True,
                    "content": json_content(
                        {
                            "type": "object",
                            "required": ["name"],
                            "properties": {
                                "name": {"type": "string", "maxLength": 16},
                                "team": {"type": ["string", "null"], "maxLength": 32},
                            },
                        }
                    ),
                },
                "responses": {
                    "201": ok("已加入", ref("Joined")),
                    "200": ok("已登录用户取回原来的选手身份", ref("Joined")),
                    "400": err("请求体或名字无效"),
                    "403": err("主持人已锁定入场"),
                    "404": err("没有这个比赛码"),
                    "409": err("名字已被占用，或比赛已结束"),
                    "429": err("加入过于频繁（按比赛计数，不按 IP）"),
                },
            },
            "get": {
                "summary": "选手名单（大厅）",
                "description": "带主持人令牌时也列出被移出的选手。",
                "parameters": [CODE_PARAM],
                "security": [{}, {"hostToken": []}],
                "responses": {
                    "200": ok("选手名单，按加入先后", ref("Players")),
                    "401": err("主持人令牌无效"),
                    "404": err("没有这个比赛码"),
                },
            },
        },
        "/contests/{code}/answers": {
            "post": {
                "summary": "提交答案",
                "description": (
                    "提交成功并写入数据库后才返回 200。同一答案重复提交（多选、不计顺序的填空："
                    "同一组答案任意顺序）仍返回 200 且不改变任何内容；对已答的题提交不同答案返回 "
                    "409，以第一次为准；截止（含不超过 0.5 秒的宽限）后或不在作答中的题返回 409，"
                    "且不记录。"
                ),
                "parameters": [CODE_PARAM],
                "security": PLAYER_AUTH,
                "requestBody": {
                    "required": True,
                    "content": json_content(
                        {
                            "type": "object",
                            "required": ["question_id", "answer"],
                            "properties": {
                                "question_id": {"type": "string"},
                                "answer": ANSWER_SCHEMA,
                            },
                        }
                    ),
                },
                "responses": {
                    "200": ok(
                        "已记录",
                        {
                            "type": "object",
                            "required": ["accepted"],
                            "properties": {"accepted": {"type": "boolean", "enum": [True]}},
                        },
                    ),
                    "400": err("请求体或答案格式无效"),
                    "401": err("参赛令牌无效"),
                    "403": err("已被主持人移出"),
                    "404": err("没有这个比赛码"),
                    "409": err("已作答其他答案、已截止或这道题不在作答中"),
                },
            }
        },
        "/contests/{code}/advance": {
            "post": {
                "summary": "主持人推进",
                "description": (
                    "lobby → 第一题开始；open → 提前结束本题；closed → 下一题开始，"
                    "最后一题之后 → finished。返回新的状态（同 GET）。"
                ),
                "parameters": [CODE_PARAM],
                "security": HOST_AUTH,
                "requestBody": {
                    "required": False,
                    "content": json_content(
                        {
                            "type": "object",
                            "properties": {
                                "expect": {
                                    "type": "string",
                                    "enum": ["lobby", "open", "closed"],
                                    "description": "可选：只在比赛仍处于这个状态时推进（防止连点）",
                                }
                            },
                        }
                    ),
                },
                "responses": {
                    "200": state_200,
                    "401": err("主持人令牌无效"),
                    "404": err("没有这个比赛码"),
                    "409": err(
                        "比赛已结束，状态已不是 expect，或本题截止后的 0.5 秒宽限还没过"
                        "（revealing：稍候再推进）"
                    ),
                },
            }
        },
        "/contests/{code}/leaderboard": {
            "get": {
                "summary": "排行榜",
                "description": (
                    "只计已结束的题。选手按得分、答对题用时之和（少者在前）排名，"
                    "两者都相同的选手名次相同（并列，tied 为 true，如 1、1、3），"
                    "并列者按加入先后列出；"
                    "队伍得分为队员平均分（四舍五入），平均分和人数都相同的队伍并列；"
                    "无队伍的选手不计入队伍。"
                    "被移出的选手不在榜上。"
                ),
                "parameters": [CODE_PARAM],
                "responses": {
                    "200": ok("排行榜", ref("Leaderboard")),
                    "404": err("没有这个比赛码"),
                },
            }
        },
        "/contests/{code}/me": {
            "get": {
                "summary": "选手本人的成绩与当前题作答",
                "parameters": [CODE_PARAM],
                "security": PLAYER_AUTH,
                "responses": {
                    "200": ok("本人成绩", ref("Me")),
                    "401": err("参赛令牌无效"),
                    "403": err("已被主持人移出"),
                    "404": err("没有这个比赛码"),
                },
            }
        },
        "/contests/{code}/questions/{question_id}/stats": {
            "get": {
                "summary": "一道已结束题目的答题分布",
                "parameters": [CODE_PARAM, UID_PARAM],
                "responses": {
                    "200": ok("答题分布", ref("Stats")),
                    "404": err("没有这个比赛码或这道题"),
                    "409": err("这道题还没有结束"),
                },
            }
        },
        "/contests/{code}/host": {
            "get": {
                "summary": "主持人：比赛设置与状态（也用来核对主持人令牌）",
                "parameters": [CODE_PARAM],
                "security": HOST_AUTH,
                "responses": {
                    "200": ok(
                        "设置与状态",
                        {
                            "type": "object",
                            "properties": {
                                "code": {"type": "string"},
                                "title": {"type": "string"},
                                "questions": {"type": "integer"},
                                "seconds": {"type": "integer"},
                                "points": {"type": "integer"},
                                "streak_bonus": {"type": "integer"},
                                "locked": {"type": "boolean"},
                                "state": ref("State"),
                            },
                        },
                    ),
                    "401": err("主持人令牌无效"),
                    "404": err("没有这个比赛码"),
                },
            }
        },
        "/contests/{code}/lock": {
            "post": {
                "summary": "主持人：锁定或解锁入场",
                "parameters": [CODE_PARAM],
                "security": HOST_AUTH,
                "requestBody": {
                    "required": False,
                    "content": json_content(
                        {
                            "type": "object",
                            "properties": {"locked": {"type": "boolean", "default": True}},
                        }
                    ),
                },
                "responses": {
                    "200": state_200,
                    "400": err("locked 不是布尔值"),
                    "401": err("主持人令牌无效"),
                    "404": err("没有这个比赛码"),
                },
            }
        },
        "/contests/{code}/players/{player_id}/remove": {
            "post": {
                "summary": "主持人：移出选手",
                "description": "被移出的选手令牌失效（403），不再出现在排行榜上。",
                "parameters": [CODE_PARAM, PLAYER_PARAM],
                "security": HOST_AUTH,
                "responses": {
                    "200": ok("已移出", ref("Removed")),
                    "401": err("主持人令牌无效"),
                    "404": err("没有这个比赛码或这位选手"),
                },
            }
        },
        "/contests/{code}/players/{player_id}/readmit": {
            "post": {
                "summary": "主持人：让换了手机的选手回到原位",
                "description": "发一个新令牌（旧令牌失效），成绩保留；被移出的选手也由此恢复。",
                "parameters": [CODE_PARAM, PLAYER_PARAM],
                "security": HOST_AUTH,
                "responses": {
                    "200": ok("新令牌", ref("Joined")),
                    "401": err("主持人令牌无效"),
                    "404": err("没有这个比赛码或这位选手"),
                    "409": err("被移出的选手的名字已有人重新加入使用，不能恢复"),
                },
            }
        },
        "/openapi.json": {
            "get": {
                "summary": "本文档",
                "responses": {"200": {"description": "OpenAPI 3 文档"}},
            }
        },
    }


def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "理论学习答题 · 现场赛 JSON API",
            "version": "1",
            "description": (
                "现场赛（知识竞赛）的 JSON 接口，供大屏、手机页面、小程序或其他客户端使用。"
                '错误一律为 {"error": 代码, "message": 中文说明}。服务器掌握时间：'
                "deadline 与 server_time 都是服务器的 Unix 时间，客户端据此校正本机时钟。"
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "paths": _paths(),
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "playerToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "加入比赛时得到的选手令牌",
                },
                "hostToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "创建比赛时得到的主持人令牌",
                },
            },
        },
    }
