#!/usr/bin/env python3
"""Fan-out of /upgrade new over N repositories, with the maintenance board configured, against a fake GitHub.

Starts a local fake Slack Web API and a fake GitHub (REST: repositories, issues, milestones, sub-issues; GraphQL: the
Projects v2 board with Project, Source as a TEXT field, Owner, Owner Does and Status, `createIssue` with
`parentIssueId`/`projectV2Ids`, aliased `updateProjectV2ItemFieldValue`), starts the packaged app (target/quarkus-app)
with env vars only on a temporary H2 database, then does what a person does: a signed `/upgrade new` slash command,
then the signed view_submission of the form with N repositories. The bot creates the roadmap issue, one issue per
repository, its sub-issue link, its board item and its board values through its write queue while the fake counts.

The fake GitHub enforces GitHub's secondary limit on content-creating requests, time-scaled: LIMIT per WINDOW
seconds (default 80 per 6 s, GitHub's 80 per minute at 10x speed), answering a 403 "secondary rate limit" beyond it.
The bot runs with the same scaled budget and a scaled write interval (WINDOW / LIMIT).

Pass/fail rests on figures that do not depend on the machine's speed: GitHub requests per repository in the fan-out,
the minutes the writes take at GitHub's real 1 s pacing (writes x 1 s), whether every write kept the configured
interval from the one before, duplicates (an issue twice, a link twice, an item twice) and 403s. The measured rate
(writes per scaled minute against what the interval permits) is printed too, for information: on a slow or shared
machine each write's own time stretches the scaled run. `--without-linked-create` makes the fake an older GitHub
Enterprise Server, whose createIssue lacks those inputs: the bot's step-by-step path, i.e. the figures from before.

Exit 0 pass, 1 a target missed, 2 the run itself failed. Loopback only, bounded in time; stops everything it
started. Python 3 standard library only.
"""
import argparse
import collections
import hashlib
import hmac
import http.client
import http.server
import json
import math
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

SIGNING_SECRET = "bench-signing-secret-" + secrets.token_hex(8)
BOT_TOKEN = "xoxb-bench-token"
GITHUB_TOKEN = "ghp_benchtoken"
ORCHESTRATOR = "U0BENCH1"
CHANNEL = "C0BENCH"
H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
BOT_LOGIN = "upgrade-bot"


def now_iso():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


# --------------------------------------------------------------------------------------------------------------
# Fake GitHub: remembers issues, milestones and sub-issues; enforces the content-creation limit.
# --------------------------------------------------------------------------------------------------------------
class FakeGitHub(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, limit, window, linked_create=True):
        super().__init__(("127.0.0.1", 0), GitHubHandler)
        self.limit = limit
        self.window = window
        self.linked_create = linked_create   # False: createIssue lacks parentIssueId/projectV2Ids (older GHES)
        self.lock = threading.Lock()
        self.requests = []         # (time, method, path) of every request answered
        self.reads = 0
        self.duplicate_items = 0
        # the maintenance board: Project, Source (a text field), Owner, Owner Does, Status
        self.board = {"id": "PVT_bench51", "items": {}, "values": {}, "fields": [
            {"id": "F_project", "name": "Project", "dataType": "SINGLE_SELECT", "options": []},
            {"id": "F_source", "name": "Source", "dataType": "TEXT", "options": []},
            {"id": "F_owner", "name": "Owner", "dataType": "SINGLE_SELECT", "options": []},
            {"id": "F_ownerdoes", "name": "Owner Does", "dataType": "SINGLE_SELECT",
             "options": [{"id": "opt_tbd", "name": "TBD", "color": "GRAY", "description": ""}]},
            {"id": "F_status", "name": "Status", "dataType": "SINGLE_SELECT",
             "options": [{"id": "opt_todo", "name": "Todo", "color": "GRAY", "description": ""},
                         {"id": "opt_done", "name": "Done", "color": "GRAY", "description": ""}]}]}
        self.repos = {}            # full name (lower) -> {"owner","name","id","issues":{n:issue},"milestones":{},"subs":{n:[ids]}}
        self.next_id = 2_000_000_000
        self.content_sent = collections.deque()   # times of accepted content-creating requests (sliding window)
        self.writes = []           # (time, kind) of every accepted write
        self.rejected_403 = 0
        self.duplicate_links = 0

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.server_address[1]

    def repo(self, full):
        key = full.lower()
        if key not in self.repos:
            owner, name = full.split("/", 1)
            self.repos[key] = {"owner": owner, "name": name, "id": self.new_id(), "issues": {}, "milestones": {},
                               "subs": {}}
        return self.repos[key]

    def new_id(self):
        self.next_id += 1
        return self.next_id

    def admit_content_write(self):
        """The secondary limit: at most `limit` content-creating requests in any `window` seconds."""
        t = time.monotonic()
        while self.content_sent and self.content_sent[0] <= t - self.window:
            self.content_sent.popleft()
        if len(self.content_sent) >= self.limit:
            self.rejected_403 += 1
            return max(1, math.ceil(self.content_sent[0] + self.window - t))
        self.content_sent.append(t)
        return 0


class GitHubHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def _send(self, status, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-RateLimit-Limit", "5000")
        self.send_header("X-RateLimit-Remaining", "4999")
        self.send_header("X-RateLimit-Reset", str(int(time.time()) + 3600))
        self.send_header("X-RateLimit-Resource", "core")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        return json.loads(raw) if raw else {}

    def do_GET(self):
        self._route("GET")

    def do_POST(self):
        self._route("POST")

    def do_PATCH(self):
        self._route("PATCH")

    def _user(self, login):
        return {"login": login, "id": abs(hash(login)) % 10_000_000, "node_id": "U_" + login, "type": "User",
                "site_admin": False, "url": self.server.base + "/users/" + login,
                "html_url": "https://github.com/" + login}

    def _repo_json(self, r):
        full = r["owner"] + "/" + r["name"]
        return {"id": r["id"], "node_id": "R_%d" % r["id"], "name": r["name"], "full_name": full, "private": False,
                "owner": dict(self._user(r["owner"]), type="Organization"), "html_url": "https://github.com/" + full,
                "url": self.server.base + "/repos/" + full, "fork": False, "archived": False, "disabled": False,
                "has_issues": True, "default_branch": "main", "visibility": "public",
                "created_at": "2020-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z",
                "pushed_at": "2025-01-01T00:00:00Z", "open_issues_count": len(r["issues"])}

    def _new_issue(self, r, body):
        number = len(r["issues"]) + 1
        iid = self.server.new_id()
        full = r["owner"] + "/" + r["name"]
        api = self.server.base + "/repos/" + full + "/issues/%d" % number
        milestone = r["milestones"].get(body.get("milestone")) if body.get("milestone") is not None else None
        issue = {"url": api, "repository_url": self.server.base + "/repos/" + full, "comments_url": api + "/comments",
                 "events_url": api + "/events", "labels_url": api + "/labels{/name}",
                 "html_url": "https://github.com/" + full + "/issues/%d" % number, "id": iid,
                 "node_id": "I_kwDO%d" % iid, "number": number, "title": body.get("title", ""),
                 "user": self._user(BOT_LOGIN), "labels": [{"id": self.server.new_id(), "name": l, "color": "ededed",
                                                             "default": False} for l in body.get("labels", [])],
                 "state": "open", "locked": False, "assignee": None, "assignees": [], "milestone": milestone,
                 "comments": 0, "created_at": now_iso(), "updated_at": now_iso(), "closed_at": None,
                 "author_association": "NONE", "body": body.get("body", ""), "state_reason": None}
        r["issues"][number] = issue
        return issue

    # ----------------------------------------------------------------------------------------------------------
    # GraphQL: the Projects v2 board, createIssue with parentIssueId/projectV2Ids, aliased field values
    # ----------------------------------------------------------------------------------------------------------
    def _issue_by_node(self, node_id):
        for r in self.server.repos.values():
            for i in r["issues"].values():
                if i["node_id"] == node_id:
                    return r, i
        return None, None

    def _gql_value(self, board, item, field_id, value):
        field = next((f for f in board["fields"] if f["id"] == field_id), None)
        if field is None:
            return "Could not resolve to a node with the global id of '%s'" % field_id
        member = {"SINGLE_SELECT": "singleSelectOptionId", "TEXT": "text", "NUMBER": "number",
                  "DATE": "date"}.get(field["dataType"], "")
        if member not in value or len(value) != 1:
            return "The field of type %s needs a %s value" % (field["dataType"].lower(), member)
        if field["dataType"] == "SINGLE_SELECT" and not any(o["id"] == value[member] for o in field["options"]):
            return "The single select option Id does not belong to the field"
        board["values"].setdefault(item, {})[field_id] = value[member]
        return None

    def _graphql(self, body):
        srv = self.server
        q = body.get("query", "")
        v = body.get("variables") or {}
        board = srv.board
        if "__type(name: \"CreateIssueInput\")" in q:
            names = ["repositoryId", "title", "body", "labelIds", "milestoneId", "assigneeIds", "projectIds"]
            if srv.linked_create:
                names += ["parentIssueId", "projectV2Ids"]
            srv.reads += 1
            return self._send(200, {"data": {"__type": {"inputFields": [{"name": n} for n in names]}}})
        if "projectV2(number" in q:
            srv.reads += 1
            return self._send(200, {"data": {"organization": {"projectV2": {
                "id": board["id"], "title": "Maintenance",
                "fields": {"nodes": [{"id": f["id"], "name": f["name"], "dataType": f["dataType"],
                                      **({"options": f["options"]} if f["dataType"] == "SINGLE_SELECT" else {})}
                                     for f in board["fields"]]}}}}})
        if "createIssue(input" in q:
            inp = v.get("input") or {}
            if not srv.linked_create and ("parentIssueId" in inp or "projectV2Ids" in inp):
                return self._send(200, {"errors": [{"message": "InputObject 'CreateIssueInput' doesn't accept "
                                                               "argument 'parentIssueId'"}]})
            wait = srv.admit_content_write()
            if wait:
                return self._send(403, {"message": "You have exceeded a secondary rate limit."},
                                  {"Retry-After": str(wait)})
            repo = next((r for r in srv.repos.values() if "R_%d" % r["id"] == inp.get("repositoryId")), None)
            if repo is None:
                return self._send(200, {"data": {"createIssue": None}, "errors": [
                    {"type": "NOT_FOUND", "message": "Could not resolve to a node"}]})
            parent_repo, parent = self._issue_by_node(inp.get("parentIssueId")) if inp.get("parentIssueId") \
                else (None, None)
            if parent is not None and len(parent_repo["subs"].get(parent["number"], [])) >= 100:
                return self._send(200, {"data": {"createIssue": None}, "errors": [
                    {"type": "UNPROCESSABLE", "message": "Parent cannot have more than 100 sub-issues"}]})
            issue = self._new_issue(repo, {"title": inp.get("title"), "body": inp.get("body")})
            srv.writes.append((time.monotonic(), "issue"))
            answer = {"id": issue["node_id"], "databaseId": issue["id"], "number": issue["number"],
                      "url": issue["html_url"], "parent": None, "projectItems": {"nodes": []}}
            if parent is not None:
                parent_repo["subs"].setdefault(parent["number"], []).append(issue["id"])
                answer["parent"] = {"id": parent["node_id"]}
            if board["id"] in (inp.get("projectV2Ids") or []):
                item = "PVTI_%d" % srv.new_id()
                board["items"][item] = issue["node_id"]
                answer["projectItems"]["nodes"].append({"id": item, "project": {"id": board["id"]}})
            return self._send(200, {"data": {"createIssue": {"issue": answer}}})
        if "node(id: $id)" in q and "parent { id }" in q:
            srv.reads += 1
            r, issue = self._issue_by_node(v.get("id"))
            if issue is None:
                return self._send(200, {"data": {"node": None}})
            parent = None
            for rr in srv.repos.values():
                for number, subs in rr["subs"].items():
                    if issue["id"] in subs:
                        parent = {"id": rr["issues"][number]["node_id"]}
            items = [{"id": i, "project": {"id": board["id"]}} for i, c in board["items"].items()
                     if c == issue["node_id"]]
            return self._send(200, {"data": {"node": {"parent": parent, "projectItems": {"nodes": items}}}})
        if "addSubIssue(input" in q:
            pr, parent = self._issue_by_node(v.get("parent"))
            _, child = self._issue_by_node(v.get("child"))
            subs = pr["subs"].setdefault(parent["number"], [])
            if child["id"] in subs:
                srv.duplicate_links += 1
                return self._send(200, {"data": {"addSubIssue": None}, "errors": [
                    {"type": "UNPROCESSABLE", "message": "Issue may not contain duplicate sub-issues"}]})
            subs.append(child["id"])
            srv.writes.append((time.monotonic(), "link"))
            return self._send(200, {"data": {"addSubIssue": {"subIssue": {"id": child["node_id"]}}}})
        if "addProjectV2ItemById" in q:
            item = next((i for i, c in board["items"].items() if c == v.get("content")), None)
            if item is None:
                item = "PVTI_%d" % srv.new_id()
                board["items"][item] = v.get("content")
            else:
                srv.duplicate_items += 1
            srv.writes.append((time.monotonic(), "item"))
            return self._send(200, {"data": {"addProjectV2ItemById": {"item": {"id": item}}}})
        aliases = re.findall(r"(\w+): updateProjectV2ItemFieldValue\(input: \{projectId: \$(\w+), itemId: \$(\w+), "
                             r"fieldId: \$(\w+), value: \$(\w+)\}\)", q)
        if aliases:
            data, errors = {}, []
            for alias, _, item_var, field_var, value_var in aliases:
                why = self._gql_value(board, v.get(item_var), v.get(field_var), v.get(value_var) or {})
                data[alias] = None if why else {"projectV2Item": {"id": v.get(item_var)}}
                if why:
                    errors.append({"type": "UNPROCESSABLE", "path": [alias], "message": why})
            srv.writes.append((time.monotonic(), "fields"))
            return self._send(200, dict({"data": data}, **({"errors": errors} if errors else {})))
        if "updateProjectV2ItemFieldValue" in q:
            why = self._gql_value(board, v.get("item"), v.get("field"), v.get("value") or {})
            srv.writes.append((time.monotonic(), "field"))
            if why:
                return self._send(200, {"data": {"updateProjectV2ItemFieldValue": None},
                                        "errors": [{"type": "UNPROCESSABLE", "message": why}]})
            return self._send(200, {"data": {"updateProjectV2ItemFieldValue": {"projectV2Item": {"id": v["item"]}}}})
        if "updateProjectV2Field" in q:
            field = next(f for f in board["fields"] if f["id"] == v.get("field"))
            known = {o["id"] for o in field["options"]}
            field["options"] = [{"id": o["id"] if o.get("id") in known else "opt%d" % srv.new_id(),
                                 "name": o["name"], "color": o.get("color", "GRAY"),
                                 "description": o.get("description", "")} for o in v.get("options", [])]
            srv.writes.append((time.monotonic(), "options"))
            return self._send(200, {"data": {"updateProjectV2Field": {"projectV2Field": dict(
                field, options=field["options"])}}})
        return self._send(200, {"errors": [{"message": "the bench's fake GitHub does not know this query"}]})

    def _route(self, method):
        path = urllib.parse.urlparse(self.path).path
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        body = self._body() if method in ("POST", "PATCH") else {}
        srv = self.server
        with srv.lock:
            srv.requests.append((time.monotonic(), method, path))
        if path == "/graphql":
            with srv.lock:
                return self._graphql(body)
        if path == "/user":
            return self._send(200, self._user(BOT_LOGIN))
        if path == "/rate_limit":
            core = {"limit": 5000, "remaining": 4999, "reset": int(time.time()) + 3600, "used": 1}
            return self._send(200, {"resources": {"core": core, "search": core, "graphql": core}, "rate": core})
        m = re.match(r"^/repos/([^/]+)/([^/]+)(/.*)?$", path)
        if not m:
            return self._send(404, {"message": "Not Found"})
        rest = (m.group(3) or "").strip("/").split("/") if m.group(3) else []
        with srv.lock:
            r = srv.repo(m.group(1) + "/" + m.group(2))
            content = method == "POST" and (rest == ["issues"] or rest == ["milestones"]
                                            or (len(rest) == 3 and rest[0] == "issues" and rest[2] == "comments"))
            if content:
                wait = srv.admit_content_write()
                if wait:
                    return self._send(403, {"message": "You have exceeded a secondary rate limit. Please wait a few "
                                                       "minutes before you try again.",
                                            "documentation_url": "https://docs.github.com/rest/overview/rate-limits"},
                                      {"Retry-After": str(wait)})
            if not rest:
                return self._send(200, self._repo_json(r))
            if rest[0] == "issues" and len(rest) == 1:
                if method == "POST":
                    issue = self._new_issue(r, body)
                    srv.writes.append((time.monotonic(), "issue"))
                    return self._send(201, issue)
                creator = (query.get("creator") or [None])[0]
                issues = [i for i in r["issues"].values() if creator is None or i["user"]["login"] == creator]
                return self._send(200, sorted(issues, key=lambda i: -i["number"]))
            if rest[0] == "issues":
                issue = r["issues"].get(int(rest[1]))
                if issue is None:
                    return self._send(404, {"message": "Not Found"})
                if len(rest) == 2:
                    if method == "PATCH":
                        for f in ("body", "title", "state", "state_reason"):
                            if f in body:
                                issue[f] = body[f]
                        issue["updated_at"] = now_iso()
                        srv.writes.append((time.monotonic(), "edit"))
                    return self._send(200, issue)
                if rest[2] == "sub_issues":
                    subs = r["subs"].setdefault(issue["number"], [])
                    if method == "POST":
                        child = body.get("sub_issue_id")
                        if child in subs:
                            srv.duplicate_links += 1
                            return self._send(422, {"message": "Validation Failed", "errors": [{
                                "resource": "Issue", "code": "custom", "field": "sub_issue_id",
                                "message": "Issue may not contain duplicate sub-issues"}]})
                        if len(subs) >= 100:
                            return self._send(422, {"message": "Validation Failed", "errors": [{
                                "resource": "Issue", "code": "custom", "field": "sub_issue_id",
                                "message": "Parent cannot have more than 100 sub-issues"}]})
                        subs.append(child)
                        srv.writes.append((time.monotonic(), "link"))
                        return self._send(201, issue)
                    found = [i for rr in srv.repos.values() for i in rr["issues"].values() if i["id"] in subs]
                    return self._send(200, found)
                if rest[2] == "comments":
                    if method == "POST":
                        srv.writes.append((time.monotonic(), "comment"))
                        return self._send(201, {"id": srv.new_id(), "body": body.get("body", ""),
                                                "user": self._user(BOT_LOGIN), "created_at": now_iso(),
                                                "updated_at": now_iso()})
                    return self._send(200, [])
            if rest[0] == "milestones":
                if len(rest) == 1 and method == "POST":
                    title = body.get("title")
                    if any(ms["title"] == title for ms in r["milestones"].values()):
                        return self._send(422, {"message": "Validation Failed", "errors": [{
                            "resource": "Milestone", "code": "already_exists", "field": "title"}]})
                    number = len(r["milestones"]) + 1
                    ms = {"id": srv.new_id(), "node_id": "MI_%d" % number, "number": number, "title": title,
                          "description": "", "state": "open", "open_issues": 0, "closed_issues": 0,
                          "creator": self._user(BOT_LOGIN), "created_at": now_iso(), "updated_at": now_iso(),
                          "due_on": None, "closed_at": None,
                          "url": srv.base + "/repos/%s/%s/milestones/%d" % (r["owner"], r["name"], number),
                          "html_url": "https://github.com/%s/%s/milestone/%d" % (r["owner"], r["name"], number)}
                    r["milestones"][number] = ms
                    srv.writes.append((time.monotonic(), "milestone"))
                    return self._send(201, ms)
                if len(rest) == 1:
                    return self._send(200, list(r["milestones"].values()))
                ms = r["milestones"].get(int(rest[1]))
                return self._send(200, ms) if ms else self._send(404, {"message": "Not Found"})
        return self._send(404, {"message": "Not Found"})


# --------------------------------------------------------------------------------------------------------------
# Fake Slack Web API: records modals and messages.
# --------------------------------------------------------------------------------------------------------------
class FakeSlack(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SlackHandler)
        self.lock = threading.Lock()
        self.calls = collections.Counter()
        self.messages = []       # (method, params) of chat.postMessage
        self.views_opened = 0
        self.ts = 1700000000

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.server_address[1]


class SlackHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        if "json" in (self.headers.get("Content-Type") or ""):
            params = json.loads(raw or "{}")
        else:
            params = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
        path = urllib.parse.urlparse(self.path).path
        srv = self.server
        body = {"ok": True}
        if path.startswith("/api/"):
            method = path[len("/api/"):]
            with srv.lock:
                srv.calls[method] += 1
                if method == "auth.test":
                    body.update({"url": "https://bench.slack.com/", "team": "Bench", "user": "upgrade-bot",
                                 "team_id": "T0BENCH", "user_id": "U0BOT", "bot_id": "B0BOT"})
                elif method in ("chat.postMessage", "chat.update"):
                    srv.ts += 1
                    ts = params.get("ts") or "%d.000100" % srv.ts
                    if method == "chat.postMessage":
                        srv.messages.append(params)
                    body.update({"channel": params.get("channel", CHANNEL), "ts": ts,
                                 "message": {"type": "message", "text": params.get("text", ""), "ts": ts}})
                elif method in ("views.open", "views.update"):
                    srv.views_opened += method == "views.open"
                    body.update({"view": {"id": "V0BENCH", "hash": "1.abc", "type": "modal"}})
                elif method == "users.info":
                    body.update({"user": {"id": params.get("user"), "name": "bench", "real_name": "Bench",
                                          "tz": "UTC", "is_bot": False, "profile": {"email": "bench@example.org"}}})
                elif method == "conversations.open":
                    body.update({"channel": {"id": "D0BENCH"}})
                elif method == "usergroups.users.list":
                    body.update({"users": []})
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


# --------------------------------------------------------------------------------------------------------------
# Slack requests, signed as Slack signs them
# --------------------------------------------------------------------------------------------------------------
def signed_post(port, body, content_type):
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(SIGNING_SECRET.encode(), ("v0:%s:%s" % (ts, body)).encode(), hashlib.sha256).hexdigest()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("POST", "/slack/events", body=body.encode(), headers={
        "Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})
    resp = conn.getresponse()
    data = resp.read().decode()
    conn.close()
    return resp.status, data


def slash_command(port, slack, text):
    trigger = "bench." + secrets.token_hex(6)
    body = urllib.parse.urlencode({
        "token": "legacy", "team_id": "T0BENCH", "team_domain": "bench", "channel_id": CHANNEL,
        "channel_name": "upgrades", "user_id": ORCHESTRATOR, "user_name": "bench", "command": "/upgrade",
        "text": text, "api_app_id": "A0BENCH", "is_enterprise_install": "false",
        "response_url": slack.base + "/commands/T0BENCH/1/" + trigger, "trigger_id": trigger})
    return signed_post(port, body, "application/x-www-form-urlencoded")


def view_submission(port, repos, date):
    def text(v):
        return {"type": "plain_text_input", "value": v}
    values = {
        "name": {"name": text("Django 5.2 bench")},
        "product": {"product": text("django")},
        "current": {"current": text("4.2")},
        "target": {"target": text("5.2")},
        "roadmap_repo": {"roadmap_repo": text("openedx/platform-roadmap")},
        "repos": {"repos": text("\n".join(repos))},
        "date": {"date": {"type": "datepicker", "selected_date": date}},
        "release": {"release": text("Verawood")},
        "date_reason": {"date_reason": text("Benchmark run: fixed date.")},
        "team": {"team": text("Bench orchestration team")},
        "channel": {"channel": {"type": "conversations_select", "selected_conversation": CHANNEL}},
        "docs": {"docs": {"type": "url_text_input", "value": None}},
        "options": {"options": {"type": "checkboxes", "selected_options": []}},
    }
    payload = {
        "type": "view_submission", "team": {"id": "T0BENCH", "domain": "bench"},
        "user": {"id": ORCHESTRATOR, "username": "bench", "name": "bench", "team_id": "T0BENCH"},
        "api_app_id": "A0BENCH", "token": "legacy", "trigger_id": "bench." + secrets.token_hex(6),
        "view": {"id": "V0BENCH", "team_id": "T0BENCH", "type": "modal", "callback_id": "ub.new_project",
                 "private_metadata": json.dumps({"c": CHANNEL, "r": 0}), "hash": "1.abc",
                 "title": {"type": "plain_text", "text": "New upgrade project"}, "blocks": [],
                 "state": {"values": values}, "root_view_id": "V0BENCH", "app_id": "A0BENCH", "bot_id": "B0BOT"},
        "response_urls": [], "is_enterprise_install": False}
    return signed_post(port, "payload=" + urllib.parse.quote(json.dumps(payload)), "application/x-www-form-urlencoded")


# --------------------------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------------------------
def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port, proc, deadline):
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/q/health/ready")
            ok = conn.getresponse().status == 200
            conn.close()
            if ok:
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repos", type=int, default=100)
    ap.add_argument("--limit", type=int, default=80, help="content writes allowed per window (GitHub: 80)")
    ap.add_argument("--window", type=float, default=6.0, help="seconds standing for GitHub's minute (default 6: 10x)")
    ap.add_argument("--interval-ms", type=int, default=0,
                    help="bot's write interval; default window/limit (the budget 'scaled to match')")
    ap.add_argument("--bot-limit", type=int, default=0,
                    help="content writes per window the bot allows itself; default --limit (set it higher to watch "
                         "the bot meet GitHub's 403s and back off)")
    ap.add_argument("--target", type=float, default=2.2, help="most GitHub requests per repository")
    ap.add_argument("--target-minutes", type=float, default=4.0,
                    help="most minutes 100 repositories may take at GitHub's real pacing")
    ap.add_argument("--real-interval", type=float, default=1.0,
                    help="GitHub's pacing the bot runs with in production: seconds between writes")
    ap.add_argument("--without-linked-create", action="store_true",
                    help="the fake's createIssue lacks parentIssueId/projectV2Ids (an older GitHub Enterprise "
                         "Server): the bot keeps one request per step, as before the two-request fan-out")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--keep", action="store_true", help="keep the temporary data directory and app log")
    args = ap.parse_args()

    interval_ms = args.interval_ms or int(args.window * 1000 / args.limit)
    jar = os.path.join("target", "quarkus-app", "quarkus-run.jar")
    if not os.path.exists(jar):
        print("no %s: package the app first (bench/fanout does)" % jar, file=sys.stderr)
        return 2

    github = FakeGitHub(args.limit, args.window, linked_create=not args.without_linked_create)
    slack = FakeSlack()
    for server in (github, slack):
        threading.Thread(target=server.serve_forever, daemon=True).start()

    work = tempfile.mkdtemp(prefix="upgrade-bot-fanout-")
    port = free_port()
    scale = 60.0 / args.window
    env = dict(os.environ)
    env.update({
        "QUARKUS_HTTP_PORT": str(port),
        "QUARKUS_DATASOURCE_JDBC_URL": "jdbc:h2:file:" + os.path.join(work, "bot") + H2_OPTIONS,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": slack.base + "/api/",
        "GITHUB_API_URL": github.base, "GITHUB_TOKEN": GITHUB_TOKEN,
        "UPGRADE_BOT_ORCHESTRATORS": ORCHESTRATOR, "UPGRADE_BOT_ROADMAP_REPO": "openedx/platform-roadmap",
        "UPGRADE_BOT_ENDOFLIFE_API_URL": github.base + "/eol",
        # GitHub's limits at the benchmark's time scale: the bot's own budget matches the fake's
        "UPGRADE_BOT_GITHUB_MINUTE_WINDOW": "%dms" % int(args.window * 1000),
        "UPGRADE_BOT_GITHUB_HOUR_WINDOW": "%dms" % int(args.window * 60 * 1000),
        "UPGRADE_BOT_GITHUB_CONTENT_WRITES_PER_MINUTE": str(args.bot_limit or args.limit),
        "UPGRADE_BOT_GITHUB_WRITE_INTERVAL": "%dms" % interval_ms,
        "UPGRADE_BOT_GITHUB_SECONDARY_LIMIT_DEFAULT_WAIT": "%dms" % int(args.window * 1000),
        "UPGRADE_BOT_GITHUB_POLL_INTERVAL": "200ms",
        "UPGRADE_BOT_PROJECTS_PROGRESS_INTERVAL": "1s",
        # the maintenance board (Source is a text field on it)
        "UPGRADE_BOT_BOARD_ORG": "openedx", "UPGRADE_BOT_BOARD_NUMBER": "51",
    })
    log_path = os.path.join(work, "app.log")
    log = open(log_path, "w")
    proc = subprocess.Popen(["java", "-jar", jar], env=env, stdout=log, stderr=subprocess.STDOUT)
    code = 2
    try:
        if not wait_ready(port, proc, time.monotonic() + 90):
            print("the app did not become ready; see %s" % log_path, file=sys.stderr)
            return 2
        status, _ = slash_command(port, slack, "new")
        if status != 200 or slack.views_opened != 1:
            print("/upgrade new: HTTP %d, views.open calls %d" % (status, slack.views_opened), file=sys.stderr)
            return 2
        repos = ["openedx/bench-repo-%03d" % i for i in range(args.repos)]
        date = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 120 * 86400))
        start = time.monotonic()
        status, body = view_submission(port, repos, date)
        if status != 200:
            print("view_submission: HTTP %d %s" % (status, body), file=sys.stderr)
            return 2
        summary = None
        deadline = start + args.timeout
        while time.monotonic() < deadline and summary is None:
            with slack.lock:
                summary = next((m for m in slack.messages if m.get("thread_ts") and "is set up" in m.get("text", "")),
                               None)
            time.sleep(0.2)
        wall = time.monotonic() - start
        if summary is None:
            print("no end-of-creation summary within %.0f s; see %s" % (args.timeout, log_path), file=sys.stderr)
            return 2

        # the summary can precede the last board values by a moment: wait for them (bounded)
        board = github.board
        values_deadline = time.monotonic() + 30
        while time.monotonic() < values_deadline:
            with github.lock:
                done = len(board["items"]) >= args.repos and all(
                    board["values"].get(i, {}).get("F_status") for i in board["items"])
            if done:
                break
            time.sleep(0.2)

        with github.lock:
            writes = list(github.writes)
            requests = list(github.requests)
            issues = [(r, i) for r in github.repos.values() for i in r["issues"].values()]
            links = sum(len(v) for r in github.repos.values() for v in r["subs"].values())
            rejected = github.rejected_403
            dup_links = github.duplicate_links
            dup_items = github.duplicate_items
            items = len(board["items"])
            valued = sum(1 for i in board["items"] if board["values"].get(i, {}).get("F_status") == "opt_todo"
                         and board["values"].get(i, {}).get("F_ownerdoes") == "opt_tbd"
                         and board["values"].get(i, {}).get("F_source") == "Bench orchestration team"
                         and board["values"].get(i, {}).get("F_project"))
        content = sorted(t for t, kind in writes if kind in ("issue", "milestone", "comment"))
        markers = collections.Counter()
        for r, i in issues:
            found = re.search(r"<!-- upgrade-bot:(project=\S+ repo=\S+|roadmap=\S+) -->", i["body"] or "")
            markers[(r["owner"] + "/" + r["name"], found.group(1) if found else "#%d" % i["number"])] += 1
        duplicates = sum(n - 1 for n in markers.values() if n > 1) + dup_links + dup_items
        repo_issues = sum(1 for (repo, m) in markers if m.startswith("project="))

        # what decides pass/fail does not depend on this machine's speed: requests per repository, and whether
        # every write kept the configured interval from the one before
        first_write = writes[0][0] if writes else start
        checks = sum(1 for t, m, _ in requests if start <= t < first_write)
        fanout_requests = [r for r in requests if r[0] >= first_write]
        per_repo = len(fanout_requests) / args.repos
        writes_per_repo = len(writes) / args.repos
        times = sorted(t for t, _ in writes)
        gaps = [b - a for a, b in zip(times, times[1:])]
        tolerance = 0.002
        too_close = sum(1 for g in gaps if g < interval_ms / 1000.0 - tolerance)
        real_minutes = len(writes) * args.real_interval / 60.0

        span = content[-1] - content[0] if len(content) > 1 else float("nan")
        content_rate = (len(content) - 1) / span * args.window if len(content) > 1 else 0.0   # per scaled minute
        all_span = times[-1] - times[0] if len(times) > 1 else float("nan")
        all_rate = (len(times) - 1) / all_span * args.window if len(times) > 1 else 0.0
        permitted = min(args.limit, args.window * 1000.0 / interval_ms)

        print("fan-out benchmark: %d repositories, board with Project, Source (text), Owner, Owner Does, Status; "
              "GitHub limit %d content writes per %.1f s (1 min at %.0fx), write interval %d ms%s"
              % (args.repos, args.limit, args.window, scale, interval_ms,
                 ", createIssue WITHOUT parentIssueId/projectV2Ids" if args.without_linked_create else ""))
        print("machine: %s, %d cores, %s; %s" % (platform.platform(), os.cpu_count(), platform.python_version(),
                                                 time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
        print("repository issues created:            %d / %d, sub-issue links %d, board items %d (%d with all "
              "values), roadmap issues %d" % (repo_issues, args.repos, links, items, valued,
                                             sum(1 for (_, m) in markers if m.startswith("roadmap="))))
        print("repository checks before the fan-out: %d requests" % checks)
        print("GitHub requests in the fan-out:       %d (%d writes, %d reads)"
              % (len(fanout_requests), len(writes), len(fanout_requests) - len(writes)))
        print("GitHub requests per repository:       %.2f (writes %.2f; target <= %.1f)"
              % (per_repo, writes_per_repo, args.target))
        print("at GitHub's real pacing (%.0f s):       %d writes -> %.1f min for %d repositories (target <= %.0f)"
              % (args.real_interval, len(writes), real_minutes, args.repos, args.target_minutes))
        print("writes closer than the interval:      %d of %d gaps (min gap %.1f ms, median %.1f ms, interval %d ms)"
              % (too_close, len(gaps), min(gaps) * 1000 if gaps else float("nan"),
                 sorted(gaps)[len(gaps) // 2] * 1000 if gaps else float("nan"), interval_ms))
        print("measured (machine-dependent):         wall %.1f s; %.1f writes per scaled minute = %.0f %% of the "
              "%.1f the interval permits; content writes %.1f per scaled minute"
              % (wall, all_rate, all_rate / (args.window * 1000.0 / interval_ms) * 100,
                 args.window * 1000.0 / interval_ms, content_rate))
        print("secondary-limit 403s answered:        %d" % rejected)
        print("duplicates found:                     %d" % duplicates)
        print("progress edits (chat.update):         %d" % slack.calls["chat.update"])
        ok = (per_repo <= args.target and real_minutes * 100.0 / args.repos <= args.target_minutes
              and duplicates == 0 and rejected == 0 and too_close == 0 and repo_issues == args.repos
              and valued == args.repos)
        print("result:                               %s (<= %.1f requests per repository, <= %.0f min per 100 at "
              "real pacing, writes spaced by the interval, 0 duplicates, 0 403s, every repository done)"
              % ("PASS" if ok else "FAIL", args.target, args.target_minutes))
        code = 0 if ok else 1
        return code
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        github.shutdown()
        slack.shutdown()
        if args.keep or code == 2:
            print("kept %s" % work, file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
