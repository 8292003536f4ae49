#!/usr/bin/env python3
"""Startup of the packaged bot: time to ready, CPU used until ready, idle memory.

Starts a local fake Slack Web API + GitHub that answers at once (ack_latency.SlowFake with no delay), migrates a
temporary H2 database with one unmeasured start, then starts the packaged app (target/quarkus-app) RUNS times on
that migrated database with env vars only, and for each run measures:
  - ready: seconds from the process start until GET /q/health/ready answers 200,
  - cpu:   user + system CPU seconds the JVM used until then (from /proc),
  - the "started in" figure Quarkus logs.
After the last run it leaves the app idle for --idle seconds and reads its resident memory (VmRSS).
Prints every run, the medians, and exits 1 when the median ready time or the idle RSS is over the target,
2 when a run failed. Loopback only; stops everything it started. Python 3 standard library only.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ack_latency  # noqa: E402  (the fake and the small helpers are shared with the ack-latency bench)


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def start(args, env, workdir, log_path):
    log = open(log_path, "w")
    t0 = time.monotonic()
    if args.run_sh:
        # the image's start script, as the container and .ci/run start the bot (its JVM options, the CDS archive)
        env = dict(env, APP_HOME=os.path.dirname(os.path.abspath(args.app)), JAVA_OPTS=args.jvm_opts)
        command = ["sh", os.path.abspath("src/main/docker/run.sh")]
    else:
        command = ["java"] + args.jvm_opts.split() + ["-jar", os.path.abspath(args.app)]
    app = subprocess.Popen(command, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT,
                           start_new_session=True)
    port = int(env["PORT"])
    while True:
        if app.poll() is not None:
            raise RuntimeError("app exited with %s before it was ready; see %s" % (app.returncode, log_path))
        try:
            if ack_latency.get(port, "/q/health/ready", timeout=1.0) == 200:
                break
        except OSError:
            pass
        if time.monotonic() - t0 > args.timeout:
            ack_latency.stop(app)
            raise RuntimeError("app not ready after %.0f s; see %s" % (args.timeout, log_path))
        time.sleep(0.02)
    ready = time.monotonic() - t0
    cpu = ack_latency.process_cpu_ms(app.pid) / 1000.0
    return app, ready, cpu


def started_in(log_path):
    with open(log_path) as f:
        m = re.search(r"started in ([0-9.]+)s", f.read())
    return float(m.group(1)) if m else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--app", default="target/quarkus-app/quarkus-run.jar")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--idle", type=float, default=60.0, help="seconds idle before the memory reading")
    ap.add_argument("--target-ready", type=float, default=3.0, help="median seconds to ready")
    ap.add_argument("--target-rss-mb", type=float, default=300.0)
    ap.add_argument("--timeout", type=float, default=60.0, help="per start, seconds")
    ap.add_argument("--jvm-opts", default="", help="extra JVM options, e.g. '-Xshare:off' to compare")
    ap.add_argument("--run-sh", action="store_true",
                    help="start through src/main/docker/run.sh (the image's start script: its JVM options and the class"
                         " data sharing archive the unmeasured first start writes) instead of plain java -jar")
    ap.add_argument("--out", default="bench/out")
    args = ap.parse_args()
    if not os.path.exists(args.app):
        print("no packaged app at %s (run ./mvnw -B package -DskipTests)" % args.app, file=sys.stderr)
        return 2

    os.makedirs(args.out, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="upgrade-bot-startup-")
    fake = ack_latency.SlowFake(0.0)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    fake_url = "http://127.0.0.1:%d" % fake.server_address[1]
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "GITHUB_", "UPGRADE_BOT_", "QUARKUS_"))}
    env.update({
        "PORT": str(ack_latency.free_port()),
        "SLACK_SIGNING_SECRET": ack_latency.SIGNING_SECRET,
        "SLACK_BOT_TOKEN": ack_latency.BOT_TOKEN,
        "SLACK_API_URL": fake_url + "/api/",
        "GITHUB_API_URL": fake_url,
        "GITHUB_TOKEN": ack_latency.GITHUB_TOKEN,
        "QUARKUS_DATASOURCE_JDBC_URL": "jdbc:h2:file:" + os.path.join(workdir, "bench") + ack_latency.H2_OPTIONS,
        "UPGRADE_BOT_ORCHESTRATORS": "U0PERSON",
    })
    print("app %s, data in %s, load average %s" % (args.app, workdir, " ".join("%.2f" % x for x in os.getloadavg())))
    app = None
    try:
        # the first start migrates the database; it is not measured
        app, ready, _ = start(args, env, workdir, os.path.join(args.out, "startup-migrate.log"))
        print("migrating start: ready after %.2f s" % ready)
        ack_latency.stop(app)
        readies, cpus, starteds = [], [], []
        for i in range(1, args.runs + 1):
            log_path = os.path.join(args.out, "startup-%d.log" % i)
            app, ready, cpu = start(args, env, workdir, log_path)
            readies.append(ready)
            cpus.append(cpu)
            starteds.append(started_in(log_path))
            print("run %d: ready after %.2f s, %.2f s CPU until ready, Quarkus says started in %.3f s"
                  % (i, ready, cpu, starteds[-1]))
            if i < args.runs:
                ack_latency.stop(app)
                app = None
        time.sleep(args.idle)
        rss = rss_mb(app.pid)
        ack_latency.stop(app)
        app = None
        median_ready = statistics.median(readies)
        print("median of %d: ready %.2f s (target <= %.1f s), CPU until ready %.2f s, started in %.3f s"
              % (args.runs, median_ready, args.target_ready, statistics.median(cpus), statistics.median(starteds)))
        print("idle RSS after %.0f s: %.0f MB (target <= %.0f MB)" % (args.idle, rss, args.target_rss_mb))
        print("machine: %d cores, %s, load average %s, commit %s"
              % (os.cpu_count(), ack_latency.memory(), " ".join("%.2f" % x for x in os.getloadavg()),
                 ack_latency.commit()))
        ok = median_ready <= args.target_ready and rss <= args.target_rss_mb
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1
    except RuntimeError as e:
        print(e)
        return 2
    finally:
        if app is not None:
            ack_latency.stop(app)
        fake.shutdown()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
