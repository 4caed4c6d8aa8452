"""A WSGI web app sharing one SyncHMSClient across its request threads.

What a Flask or Django view does with the sync client, written with the
standard library only, so that it runs anywhere: ``GET /rooms`` (one page of
rooms, with the cursor of the next page) and ``POST /rooms`` (create a room
and its room codes). One client per process, made at import, serves every
request thread: it is thread-safe, and fork-safe, so gunicorn ``--preload``
may make it in the parent. In Flask, the same view is::

    hms = hms_async.SyncHMSClient()

    @app.get("/rooms")
    def list_rooms():
        page = hms.rooms.list(limit=20, start=request.args.get("start")).first_page()
        return {"rooms": [r.name for r in page.data], "next": page.next_cursor}

Run it (against the built-in fake unless HMS_ACCESS_KEY and HMS_SECRET are
set)::

    python examples/sync_wsgi_app.py                  # a threaded server on :8000
    gunicorn --threads 8 examples.sync_wsgi_app:app   # or any WSGI server
"""

from __future__ import annotations

import json
import os
import socketserver
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIServer, make_server

import hms_async
from hms_async.testing import FakeHMS

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Answer = tuple[str, dict[str, Any]]


def make_client() -> hms_async.SyncHMSClient:
    """A client on the real API when credentials are set, else on the fake."""
    if os.environ.get("HMS_ACCESS_KEY") and os.environ.get("HMS_SECRET"):
        return hms_async.SyncHMSClient()
    return FakeHMS(seed="wsgi-example").sync_client()


hms = make_client()
"""The one client of this process (close it at exit: `hms.close()`)."""


def list_rooms(query: dict[str, list[str]]) -> Answer:
    """One page of rooms; ``?start=<next>`` gives the following page."""
    limit = int(query.get("limit", ["20"])[0])
    start = query.get("start", [None])[0]
    page = hms.rooms.list(limit=limit, start=start).first_page()
    rooms = [{"id": room.id, "name": room.name} for room in page.data]
    return "200 OK", {"rooms": rooms, "next": page.next_cursor}


def create_room(payload: dict[str, Any]) -> Answer:
    """Create a room and a room code per role."""
    room = hms.rooms.create(name=payload["name"])
    codes = hms.room_codes.create(room.id)
    return "201 Created", {
        "id": room.id,
        "codes": {code.role: code.code for code in codes if code.role},
    }


def route(environ: dict[str, Any]) -> Answer:
    """Answer one request (a 400 for bad arguments, a 502 for the API's errors)."""
    method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
    try:
        if path == "/rooms" and method == "GET":
            return list_rooms(parse_qs(environ.get("QUERY_STRING", "")))
        if path == "/rooms" and method == "POST":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            return create_room(json.loads(environ["wsgi.input"].read(size)))
    except (ValueError, TypeError, KeyError) as error:
        return "400 Bad Request", {"error": str(error)}
    except hms_async.APIError as error:
        return "502 Bad Gateway", {"error": error.message}
    return "404 Not Found", {"error": f"no route for {method} {path}"}


def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    """The WSGI application."""
    status, body = route(environ)
    data = json.dumps(body).encode()
    start_response(
        status,
        [("Content-Type", "application/json"), ("Content-Length", str(len(data)))],
    )
    return [data]


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """The standard library's WSGI server, one thread per request."""

    daemon_threads = True


def main() -> None:
    """Serve on http://127.0.0.1:8000 until Ctrl-C."""
    with make_server("127.0.0.1", 8000, app, server_class=ThreadingWSGIServer) as web:
        print("serving on http://127.0.0.1:8000/rooms")
        try:
            web.serve_forever()
        finally:
            hms.close()


if __name__ == "__main__":
    main()
