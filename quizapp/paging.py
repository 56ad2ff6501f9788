"""Numbers from the query string kept within what the database can take.

A ``?page=`` or ``?material=`` of twenty digits would overflow SQLite's and PostgreSQL's
integers (a 500); these helpers turn such input into an ordinary page or a "not found".
"""

from __future__ import annotations

from flask import abort, request

MAX_PAGE = 100_000  # page × per-page stays far below a 64-bit OFFSET
MAX_ID = 2**31 - 1  # the largest id a row can have (PostgreSQL INTEGER); as the <int:…> URLs


def page_number(max_page: int = MAX_PAGE) -> int:
    """?page=N, kept within 1..max_page (a huge N is a page past the end, not an overflow)."""
    return min(max(request.args.get("page", 1, type=int) or 1, 1), max_page)


def id_arg(name: str) -> int | None:
    """?name=ID as a row id: None when absent, 0 or not a number (0 is how the filter forms say
    "all"); a 404 when no row can have it (negative, or beyond the database's integers)."""
    value = request.args.get(name, type=int)
    if not value:
        return None
    if not valid_id(value):
        abort(404)
    return value


def valid_id(value: int) -> bool:
    """Could ``value`` be a row id (an integer column can hold it)?"""
    return 1 <= value <= MAX_ID
