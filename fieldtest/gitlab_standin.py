"""A stand-in for GitLab's REST API v4 on 127.0.0.1: the merge-request endpoints nixmigrate's bot
calls (migrate/src/main/java/dev/nixmigrate/pr/GitLab.java), with the state they keep.

It serves one project: reading it (its default branch), listing, opening and editing its merge
requests, and their notes. A request without the project's token is answered 401, as GitLab does;
any other request is answered 404 and kept in `unexpected`, which the field trial counts as a
failure (the bot asked for something this stand-in does not play). Python 3.11 standard library.
"""
from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit


class GitLabStandIn:
    """Serves while open: `with GitLabStandIn("group/name", token) as gitlab: ... gitlab.api`."""

    def __init__(self, project: str, token: str, default_branch: str = "main"):
        self.project, self.token, self.default_branch = project, token, default_branch
        self.merge_requests: list[dict] = []
        self.requests: list[str] = []
        self.unexpected: list[str] = []
        self._lock = threading.Lock()
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                standin._serve(self)

            do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

            def log_message(self, *args):  # the trial keeps its own log
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/v4"

    def __enter__(self) -> GitLabStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = json.loads(h.rfile.read(length) or b"null") if length else None
        url = urlsplit(h.path)
        with self._lock:
            self.requests.append(f"{h.command} {h.path}")
            if h.headers.get("PRIVATE-TOKEN") != self.token:
                status, answer = 401, {"message": "401 Unauthorized"}
            else:
                status, answer = self._answer(h.command, url.path, parse_qs(url.query), body)
                if status == 404:
                    self.unexpected.append(f"{h.command} {h.path}")
        data = json.dumps(answer).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    def _mr(self, mr: dict) -> dict:
        return {**{k: v for k, v in mr.items() if k != "notes"},
                "web_url": f"https://gitlab.invalid/{self.project}/-/merge_requests/{mr['iid']}"}

    def _answer(self, method: str, path: str, query: dict, body) -> tuple[int, object]:
        base = "/api/v4/projects/" + quote(self.project, safe="")
        one = lambda key: query.get(key, [None])[0]  # noqa: E731
        if method == "GET" and path == base:
            return 200, {"id": 1, "path_with_namespace": self.project, "default_branch": self.default_branch}
        if path == base + "/merge_requests":
            if method == "GET":
                return 200, [self._mr(m) for m in self.merge_requests
                             if one("state") in (None, m["state"]) and
                             one("source_branch") in (None, m["source_branch"]) and
                             one("target_branch") in (None, m["target_branch"])]
            if method == "POST":
                if any(m["state"] == "opened" and m["source_branch"] == body["source_branch"]
                       for m in self.merge_requests):
                    return 409, {"message": ["Another open merge request already exists for this source branch"]}
                mr = {"iid": len(self.merge_requests) + 1, "state": "opened", "notes": [],
                      **{k: body.get(k) for k in ("source_branch", "target_branch", "title", "description")}}
                self.merge_requests.append(mr)
                return 201, self._mr(mr)
        m = re.fullmatch(re.escape(base) + r"/merge_requests/(\d+)(/notes)?", path)
        if m and 0 < int(m[1]) <= len(self.merge_requests):
            mr = self.merge_requests[int(m[1]) - 1]
            if m[2] and method == "GET":
                return 200, [{"body": n} for n in mr["notes"]]
            if m[2] and method == "POST":
                mr["notes"].append(body["body"])
                return 201, {"body": body["body"]}
            if not m[2] and method == "PUT":
                mr.update({k: body[k] for k in ("title", "description") if k in body})
                if body.get("state_event") == "close":
                    mr["state"] = "closed"
                return 200, self._mr(mr)
        return 404, {"message": "404 Not Found"}
