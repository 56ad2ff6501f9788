"""WSGI entry point: `gunicorn app:app`, `flask --app app ...`."""

from quizapp import create_app

app = create_app()
