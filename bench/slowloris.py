#!/usr/bin/env python3
"""Slowloris against the packaged bot: are half-sent requests cut off, and do acks stay fast meanwhile?

Starts the packaged app (target/quarkus-app) on loopback with env vars only, a temporary H2 database and a local
fake Slack/GitHub (bench/ack_latency.py's), with the idle timeout and body timeout given on the command line. Then
opens N connections (default 200) that each send part of a request and stall: half stop inside their headers (only
the idle timeout can end those), half send their headers and then trickle their body one byte per second (never
idle: only upgrade-bot.http.body-timeout can end those). While they are open it sends one signed slash command
every 100 ms and times its ack. Reports when the stalled connections were cut (per kind: first / median / last,
seconds after they were opened) and the acks' p50/p95/p99, and exits 1 when any stalled connection is still open
after --give-up seconds or an ack failed, 2 when the run itself failed.

Loopback only, bounded in connections (max 500) and time; stops everything it started. Python 3 standard library only.
"""
import argparse
import http.client
import os
import selectors
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ack_latency as al  # noqa: E402  (the fake, the signing, the app's start and stop)


def open_stalled(port, n):
    """N sockets, each with part of a request sent; even ones stop inside the headers, odd ones trickle the body."""
    out = []
    for i in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.setblocking(False)
        if i % 2 == 0:
            s.send(b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slack-Request-Tim")
            kind = "headers"
        else:
            s.send(b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                   b"\r\nContent-Length: 100000\r\n\r\ntext=")
            kind = "body"
        out.append({"sock": s, "kind": kind, "opened": time.monotonic(), "closed": None})
    return out


def watch(conns, give_up, stop):
    """Until every connection is closed (or give_up): trickle a byte a second into the body ones, note closes."""
    sel = selectors.DefaultSelector()
    for c in conns:
        sel.register(c["sock"], selectors.EVENT_READ, c)
    next_trickle = time.monotonic() + 1.0
    while sel.get_map() and time.monotonic() < give_up and not stop.is_set():
        for key, _ in sel.select(timeout=0.1):
            c = key.data
            try:
                data = c["sock"].recv(4096)
            except (ConnectionResetError, BlockingIOError, OSError):
                data = b""
            if not data:  # closed by the server (a 408 answer arrives first for the body ones)
                c["closed"] = time.monotonic()
                sel.unregister(c["sock"])
                c["sock"].close()
        if time.monotonic() >= next_trickle:
            next_trickle += 1.0
            for key in list(sel.get_map().values()):
                c = key.data
                if c["kind"] == "body":
                    try:
                        c["sock"].send(b"a")
                    except OSError:
                        pass
    for key in list(sel.get_map().values()):
        key.data["sock"].close()


def ack(port, fake_url):
    body = al.slash_command_body("help", al.trigger_id(), fake_url)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        t0 = time.perf_counter()
        conn.request("POST", "/slack/events", body=body, headers=al.slack_headers(body))
        resp = conn.getresponse()
        resp.read()
        return resp.status, (time.perf_counter() - t0) * 1000.0
    finally:
        conn.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--app", default="target/quarkus-app/quarkus-run.jar")
    ap.add_argument("--connections", type=int, default=200, help="stalled connections (max 500)")
    ap.add_argument("--idle-timeout", default="10s", help="QUARKUS_HTTP_IDLE_TIMEOUT for the run")
    ap.add_argument("--body-timeout", default="5s", help="UPGRADE_BOT_HTTP_BODY_TIMEOUT for the run")
    ap.add_argument("--give-up", type=float, default=60.0, help="seconds after which an open connection is a failure")
    ap.add_argument("--deadline", type=float, default=240.0, help="whole run, seconds")
    ap.add_argument("--out", default="bench/out")
    args = ap.parse_args()
    n = max(2, min(args.connections, 500))
    deadline = time.monotonic() + args.deadline
    if not os.path.exists(args.app):
        print("no packaged app at %s (run ./mvnw -B package -DskipTests)" % args.app, file=sys.stderr)
        return 2

    os.makedirs(args.out, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="upgrade-bot-slowloris-")
    log_path = os.path.join(args.out, "slowloris-app.log")
    fake = al.SlowFake(0.0)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    fake_url = "http://127.0.0.1:%d" % fake.server_address[1]
    port = al.free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "GITHUB_", "UPGRADE_BOT_", "QUARKUS_"))}
    env.update({
        "PORT": str(port),
        "SLACK_SIGNING_SECRET": al.SIGNING_SECRET,
        "SLACK_BOT_TOKEN": al.BOT_TOKEN,
        "SLACK_API_URL": fake_url + "/api/",
        "GITHUB_API_URL": fake_url,
        "GITHUB_TOKEN": al.GITHUB_TOKEN,
        "QUARKUS_DATASOURCE_JDBC_URL": "jdbc:h2:file:" + os.path.join(workdir, "bench") + al.H2_OPTIONS,
        "QUARKUS_HTTP_IDLE_TIMEOUT": args.idle_timeout,
        "UPGRADE_BOT_HTTP_BODY_TIMEOUT": args.body_timeout,
    })
    log = open(log_path, "w")
    app = subprocess.Popen(["java", "-jar", os.path.abspath(args.app)], cwd=workdir, env=env,
                           stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        print("app: pid %d on port %d (idle timeout %s, body timeout %s), data in %s"
              % (app.pid, port, args.idle_timeout, args.body_timeout, workdir))
        while True:
            if app.poll() is not None:
                print("app exited with %s before it was ready; see %s" % (app.returncode, log_path))
                return 2
            try:
                if al.get(port, "/q/health/ready") == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                print("app not ready before the deadline; see %s" % log_path)
                return 2
            time.sleep(0.2)
        for _ in range(200):  # warm-up: the figures are about a running server
            ack(port, fake_url)

        conns = open_stalled(port, n)
        started = time.monotonic()
        stop = threading.Event()
        watcher = threading.Thread(target=watch, args=(conns, min(started + args.give_up, deadline), stop))
        watcher.start()
        acks, failed = [], 0
        while watcher.is_alive() and time.monotonic() < deadline:
            try:
                status, ms = ack(port, fake_url)
                if 200 <= status < 300:
                    acks.append(ms)
                else:
                    failed += 1
            except OSError:
                failed += 1
            time.sleep(0.1)
        stop.set()
        watcher.join(10)

        code = 0
        print("stalled connections: %d (%d inside their headers, %d trickling their body)"
              % (n, sum(c["kind"] == "headers" for c in conns), sum(c["kind"] == "body" for c in conns)))
        for kind in ("headers", "body"):
            cut = sorted(c["closed"] - c["opened"] for c in conns if c["kind"] == kind and c["closed"])
            still = sum(1 for c in conns if c["kind"] == kind and not c["closed"])
            if cut:
                print("  %-7s cut after first %.1f s / median %.1f s / last %.1f s; still open: %d"
                      % (kind, cut[0], cut[len(cut) // 2], cut[-1], still))
            else:
                print("  %-7s none cut; still open: %d" % (kind, still))
            if still:
                code = 1
        acks.sort()
        if acks:
            print("acks while they stalled: %d, p50 / p95 / p99 %.1f / %.1f / %.1f ms, max %.1f ms; failed: %d"
                  % (len(acks), al.percentile(acks, 50), al.percentile(acks, 95), al.percentile(acks, 99),
                     acks[-1], failed))
        else:
            print("no ack measured; failed: %d" % failed)
        if failed or not acks:
            code = 1
        print("machine: %d cores, %s; load %s; commit %s"
              % (os.cpu_count() or 0, al.memory(), " ".join("%.2f" % x for x in os.getloadavg()), al.commit()[:7]))
        print("RESULT: %s" % ("PASS" if code == 0 else "FAIL"))
        return code
    finally:
        al.stop(app)
        fake.shutdown()
        log.close()
        print("app log: %s" % log_path)


if __name__ == "__main__":
    sys.exit(main())
