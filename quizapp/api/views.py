"""JSON API v1 (placeholder, replaced by its owner)."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")
