#!/usr/bin/env python3
"""Slack ack latency of the packaged bot while GitHub and Slack's Web API answer slowly.

Starts a local fake that answers every request (Slack Web API and GitHub) after a fixed delay, starts the packaged
app (target/quarkus-app) with env vars only on a temporary H2 database, waits for /q/health/ready, then sends in
the same run: N concurrent GET /q/health/live (baseline) and N concurrent signed /upgrade slash commands to
POST /slack/events, in several measured rounds after a warm-up. Prints p50/p95/p99 of both (pooled over the
rounds) and their ratio; exits 1 when the commands' p99 is over the
target or over the allowed multiple of the baseline, 2 when the run itself failed (app not ready, non-2xx acks).

Loopback only, bounded in requests and time; stops everything it started. Python 3 standard library only.
"""
import argparse
import hashlib
import hmac
import http.client
import http.server
import json
import os
import platform
import random
import secrets
import selectors
import shutil
import signal
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
H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"


# --------------------------------------------------------------------------------------------------------------
# Fake Slack Web API + GitHub: every answer comes after `delay` seconds, shaped like the real APIs' success answers.
# --------------------------------------------------------------------------------------------------------------
class SlowFake(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delay):
        super().__init__(("127.0.0.1", 0), SlowFakeHandler)
        self.delay = delay
        self.calls = 0
        self.lock = threading.Lock()

    def count(self):
        with self.lock:
            self.calls += 1


class SlowFakeHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # keep the benchmark's output readable
        pass

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.server.count()
        time.sleep(self.server.delay)
        path = urllib.parse.urlparse(self.path).path
        if path.startswith("/api/"):
            method = path[len("/api/"):]
            body = {"ok": True}
            if method == "auth.test":
                body.update({"url": "https://bench.slack.com/", "team": "Bench", "user": "upgrade-bot",
                             "team_id": "T0BENCH", "user_id": "U0BOT", "bot_id": "B0BOT"})
            elif method in ("chat.postMessage", "chat.update"):
                body.update({"channel": "C0BENCH", "ts": "%.6f" % time.time()})
            elif method in ("views.open", "views.update"):
                body.update({"view": {"id": "V0BENCH", "hash": "1.abc"}})
        elif path.startswith("/commands/"):  # response_url
            body = {"ok": True}
        elif path.rstrip("/").endswith("/user"):
            body = {"login": "upgrade-bot", "id": 9000001, "node_id": "U_bench", "type": "User", "site_admin": False}
        elif path.endswith("/rate_limit"):
            core = {"limit": 5000, "remaining": 4999, "reset": int(time.time()) + 3600, "used": 1}
            body = {"resources": {"core": core, "search": core, "graphql": core}, "rate": core}
        elif "/search/" in path:
            body = {"total_count": 0, "incomplete_results": False, "items": []}
        else:
            body = {}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer


# --------------------------------------------------------------------------------------------------------------
# Requests exactly as Slack sends them
# --------------------------------------------------------------------------------------------------------------
def slash_command_body(text, trigger_id, response_base):
    fields = [
        ("token", "legacy-verification-token"), ("team_id", "T0BENCH"), ("team_domain", "bench"),
        ("channel_id", "C0BENCH"), ("channel_name", "upgrades"), ("user_id", "U0PERSON"),
        ("user_name", "person"), ("command", "/upgrade"), ("text", text), ("api_app_id", "A0UPGRADE"),
        ("is_enterprise_install", "false"),
        ("response_url", response_base + "/commands/T0BENCH/1/" + secrets.token_hex(8)),
        ("trigger_id", trigger_id),
    ]
    return urllib.parse.urlencode(fields)


def slack_headers(body):
    ts = str(int(time.time()))
    base = ("v0:" + ts + ":" + body).encode()
    sig = "v0=" + hmac.new(SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": sig, "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)"}


def trigger_id():
    # same shape as Slack's: <number>.<number>.<hex>
    return "%d.%d.%s" % (random.randint(10**10, 10**11), random.randint(10**8, 10**9), secrets.token_hex(16))


def signed_commands(n, fake_url):
    requests = []
    for text in command_texts(n):
        body = slash_command_body(text, trigger_id(), fake_url)
        requests.append(("POST", "/slack/events", body, slack_headers(body)))
    return requests


def command_texts(n):
    texts = []
    for i in range(n):
        kind = i % 4
        texts.append(["help", "status bench-project-%d" % i, "", "stauts bench-project-%d" % i][kind])
    return texts


# --------------------------------------------------------------------------------------------------------------
# Load: one thread drives every connection without blocking (a thread per request would measure the client's own
# GIL contention). All connections are opened first; then each request is written, and its clock runs from its
# own write until the last byte of its response (Connection: close, so the end is the server's close).
# --------------------------------------------------------------------------------------------------------------
def concurrent(port, requests, timeout):
    n = len(requests)
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        socks.append(s)
    raw = []
    for method, path, body, headers in requests:
        data = (body or "").encode()
        head = "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n" % (method, path, port)
        for k, v in headers.items():
            head += "%s: %s\r\n" % (k, v)
        if body is not None:
            head += "Content-Length: %d\r\n" % len(data)
        raw.append(head.encode() + b"\r\n" + data)

    sel = selectors.DefaultSelector()
    t0 = [0.0] * n
    t1 = [None] * n
    buf = [bytearray() for _ in range(n)]
    for i, s in enumerate(socks):
        t0[i] = time.perf_counter()
        s.sendall(raw[i])  # a few hundred bytes: fits the socket buffer, returns at once
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ, i)
    open_count = n
    end = time.monotonic() + timeout
    while open_count and time.monotonic() < end:
        for key, _ in sel.select(timeout=0.5):
            i = key.data
            try:
                chunk = key.fileobj.recv(65536)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                chunk = b""
            if chunk:
                buf[i] += chunk
            else:
                t1[i] = time.perf_counter()
                sel.unregister(key.fileobj)
                key.fileobj.close()
                open_count -= 1
    for key in list(sel.get_map().values()):  # no answer before the timeout
        sel.unregister(key.fileobj)
        key.fileobj.close()
    sel.close()

    results = []
    for i in range(n):
        if t1[i] is None:
            results.append((0, float("nan"), b"no answer within %ss" % str(timeout).encode()))
            continue
        head, _, rest = bytes(buf[i]).partition(b"\r\n\r\n")
        try:
            status = int(head.split(b" ", 2)[1])
        except (IndexError, ValueError):
            status = 0
        results.append((status, (t1[i] - t0[i]) * 1000.0, rest[:300]))
    return results


def percentile(sorted_values, p):
    # nearest rank
    k = max(1, int(-(-p * len(sorted_values) // 100)))
    return sorted_values[k - 1]


def summary(results):
    ok = sorted(ms for status, ms, _ in results if 200 <= status < 300)
    if not ok:
        return None
    return {"n": len(ok), "p50": percentile(ok, 50), "p95": percentile(ok, 95), "p99": percentile(ok, 99),
            "max": ok[-1]}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, timeout=2.0):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def fmt(s):
    return "%.1f / %.1f / %.1f ms" % (s["p50"], s["p95"], s["p99"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--app", default="target/quarkus-app/quarkus-run.jar")
    ap.add_argument("--requests", type=int, default=100, help="concurrent requests per batch (max 200)")
    ap.add_argument("--warmup-bursts", type=int, default=50, help="unmeasured bursts of each kind first (max 100)")
    ap.add_argument("--rounds", type=int, default=10,
                    help="measured rounds (max 20); each sends one burst of each kind, and the figures pool all rounds")
    ap.add_argument("--fake-delay", type=float, default=2.0, help="seconds the fake Slack/GitHub take to answer")
    ap.add_argument("--target-p99-ms", type=float, default=50.0)
    ap.add_argument("--max-ratio", type=float, default=2.0)
    ap.add_argument("--deadline", type=float, default=240.0, help="whole run, seconds")
    ap.add_argument("--out", default="bench/out")
    args = ap.parse_args()
    n = max(1, min(args.requests, 200))
    args.warmup_bursts = max(0, min(args.warmup_bursts, 100))
    args.rounds = max(1, min(args.rounds, 20))
    deadline = time.monotonic() + args.deadline

    if not os.path.exists(args.app):
        print("no packaged app at %s (run ./mvnw -B package -DskipTests)" % args.app, file=sys.stderr)
        return 2

    os.makedirs(args.out, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="upgrade-bot-bench-")
    log_path = os.path.join(args.out, "ack-latency-app.log")
    fake = SlowFake(args.fake_delay)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    fake_url = "http://127.0.0.1:%d" % fake.server_address[1]
    port = free_port()

    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "GITHUB_", "UPGRADE_BOT_", "QUARKUS_"))}
    env.update({
        "PORT": str(port),
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": fake_url + "/api/",
        "GITHUB_API_URL": fake_url,
        "GITHUB_TOKEN": GITHUB_TOKEN,
        "QUARKUS_DATASOURCE_JDBC_URL": "jdbc:h2:file:" + os.path.join(workdir, "bench") + H2_OPTIONS,
        "UPGRADE_BOT_ORCHESTRATORS": "U0PERSON",
    })
    log = open(log_path, "w")
    app = subprocess.Popen(["java", "-jar", os.path.abspath(args.app)], cwd=workdir, env=env,
                           stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    code = 2
    try:
        print("app: pid %d on port %d, fake Slack/GitHub at %s answering after %.1f s, data in %s"
              % (app.pid, port, fake_url, args.fake_delay, workdir))
        started = time.monotonic()
        while True:
            if app.poll() is not None:
                print("app exited with %s before it was ready; see %s" % (app.returncode, log_path))
                return 2
            try:
                if get(port, "/q/health/ready") == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                print("app not ready before the deadline; see %s" % log_path)
                return 2
            time.sleep(0.2)
        print("ready after %.1f s" % (time.monotonic() - started))

        # Slack's 3-second rule is about a running server, not one still loading classes and compiling: warm up
        # with bursts of the measured shape, then measure one burst of each kind.
        for _ in range(args.warmup_bursts):
            concurrent(port, [("GET", "/q/health/live", None, {})] * n, timeout=10)
            concurrent(port, signed_commands(n, fake_url), timeout=10)

        load_before = " ".join("%.2f" % x for x in os.getloadavg())
        # measured rounds, each a burst of health checks then a burst of commands, so that both kinds meet the same
        # machine; every figure pools all rounds (a p99 of one burst of 100 is its second-slowest request)
        baseline, acks, round_p99 = [], [], []
        cpu_baseline = cpu_acks = 0.0
        calls_while_acking = 0
        for _ in range(args.rounds):
            cpu0 = process_cpu_ms(app.pid)
            b_round = concurrent(port, [("GET", "/q/health/live", None, {})] * n, timeout=10)
            cpu1 = process_cpu_ms(app.pid)
            commands = signed_commands(n, fake_url)
            calls_before = fake.calls
            a_round = concurrent(port, commands, timeout=10)
            calls_while_acking += fake.calls - calls_before
            cpu2 = process_cpu_ms(app.pid)
            if None not in (cpu0, cpu1, cpu2):
                cpu_baseline += cpu1 - cpu0
                cpu_acks += cpu2 - cpu1
            baseline += b_round
            acks += a_round
            rb, ra = summary(b_round), summary(a_round)
            round_p99.append((ra["p99"] if ra else float("nan"), rb["p99"] if rb else float("nan")))
            time.sleep(0.5)  # let the work after the acks of this round start before the next round

        statuses = {}
        for status, _, _ in acks:
            statuses[status] = statuses.get(status, 0) + 1
        b, c = summary(baseline), summary(acks)
        print()
        print("machine: %s, %d cores, %s; %s" % (platform.node(), os.cpu_count(), memory(), time.strftime("%Y-%m-%d %H:%M %Z")))
        print("commit:  %s" % commit())
        print("warm-up: %d unmeasured bursts of each kind; load average before the measured ones: %s"
              % (args.warmup_bursts, load_before))
        print("measured: %d rounds, each %d concurrent GET /q/health/live then %d concurrent signed commands"
              % (args.rounds, n, n))
        print("baseline GET /q/health/live      x%d: %s" % (len(baseline), fmt(b) if b else "no 2xx answer"))
        print("acks     POST /slack/events      x%d: %s   statuses %s"
              % (len(acks), fmt(c) if c else "no 2xx answer", dict(sorted(statuses.items()))))
        print("p99 of each round, acks / baseline (ms): %s"
              % ", ".join("%.1f / %.1f" % r for r in round_p99))
        if cpu_acks or cpu_baseline:
            print("server CPU per request: acks %.2f ms, baseline %.2f ms (process CPU time over the bursts / requests)"
                  % (cpu_acks / len(acks), cpu_baseline / len(baseline)))
        print("fake Slack/GitHub calls started while acking: %d (each answered after %.1f s)"
              % (calls_while_acking, args.fake_delay))
        if statuses.get(404):
            print("POST /slack/events answered 404: the Slack endpoint is not in this build yet.")
        if not b or not c or c["n"] != len(acks) or b["n"] != len(baseline):
            sample = next((p for s, _, p in acks if not 200 <= s < 300), b"")
            print("not every request got a 2xx answer (first other answer: %r); see %s" % (sample, log_path))
            return 2
        ratio = c["p99"] / b["p99"] if b["p99"] > 0 else float("inf")
        print("p99 ratio acks/baseline: %.2f (allowed %.1f); p99 acks %.1f ms (target %.0f ms)"
              % (ratio, args.max_ratio, c["p99"], args.target_p99_ms))
        print("| %s | %d cores, %s | %s | %s | %s | %.2f | %s |" % (
            time.strftime("%Y-%m-%d"), os.cpu_count(), memory(), commit()[:7],
            fmt(c).replace(" ms", ""), fmt(b).replace(" ms", ""), ratio,
            "pass" if c["p99"] <= args.target_p99_ms and ratio <= args.max_ratio else "FAIL"))
        code = 0 if c["p99"] <= args.target_p99_ms and ratio <= args.max_ratio else 1
        print("PASS" if code == 0 else "FAIL: p99 over %.0f ms or over %.1fx the baseline" % (args.target_p99_ms, args.max_ratio))
        return code
    finally:
        stop(app)
        fake.shutdown()
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)
        print("app log: %s" % log_path)


def stop(app):
    if app.poll() is None:
        os.killpg(app.pid, signal.SIGTERM)
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait(5)


def process_cpu_ms(pid):
    # user + system time of the app (Linux /proc); None elsewhere
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def memory():
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        return "%d GiB RAM" % round(kb / 1024 / 1024)
    except OSError:
        return "? RAM"


def commit():
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=5).stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


if __name__ == "__main__":
    sys.exit(main())
