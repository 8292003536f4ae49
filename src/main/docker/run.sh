#!/bin/sh
# Starts the packaged bot (the fast-jar folder target/quarkus-app). ONE start command for every place the
# artifact runs: the container image's ENTRYPOINT (src/main/docker/Dockerfile.jvm copies this file next to
# quarkus-run.jar) and .ci/run, which starts two replicas with it. Change the JVM options here, nowhere else.
#
#   APP_HOME    folder holding quarkus-run.jar (default: this script's folder; /deployments in the image)
#   JAVA_OPTS   extra JVM options, appended (the Helm chart's javaOpts)
#   PORT        HTTP port (application.properties: quarkus.http.port=${PORT:8080})
#   CDS_ARCHIVE class data sharing archive (default: app-cds.jsa beside quarkus-run.jar); CDS=off to start without
set -eu

APP_HOME=${APP_HOME:-$(cd "$(dirname "$0")" && pwd)}

# Class data sharing (docs/operations.md, "Start-up"): the first start writes an archive of every class it loaded
# when it stops cleanly; later starts map it instead of loading and verifying ~15,000 classes again (bench/startup:
# ready in about 2.3 s instead of about 6 s). Only one of several replicas sharing the folder writes it (mkdir is
# atomic); an archive older than the jar (a new build) is dropped and written again; an archive the JVM cannot use
# is ignored with a warning (sharing is "auto"), and an unwritable folder only costs the speed-up.
CDS_ARCHIVE=${CDS_ARCHIVE:-$APP_HOME/app-cds.jsa}
CDS_OPTS=""
if [ "${CDS:-on}" != "off" ]; then
  if [ -f "$CDS_ARCHIVE" ] && [ "$CDS_ARCHIVE" -ot "$APP_HOME/quarkus-run.jar" ]; then
    rm -rf "$CDS_ARCHIVE" "$CDS_ARCHIVE.lock" 2>/dev/null || true
  fi
  if [ -s "$CDS_ARCHIVE" ]; then
    CDS_OPTS="-XX:SharedArchiveFile=$CDS_ARCHIVE"
  elif mkdir "$CDS_ARCHIVE.lock" 2>/dev/null; then
    CDS_OPTS="-XX:ArchiveClassesAtExit=$CDS_ARCHIVE"
  fi
fi

# Heap from the container's memory limit (the JVM reads the cgroup limit), leaving a quarter for metaspace, threads
# and direct buffers; on OutOfMemoryError exit so the orchestrator restarts the pod instead of limping on.
# Quarkus' own log manager, as in the tests and dev mode. The client compiler only (C1) and the serial collector: a
# chat-ops bot waits on Slack and GitHub, not on its own code, and C2's compile threads and a parallel collector cost
# a 2-core pod most of its start-up CPU and some 50 MB; JAVA_OPTS comes after them and can put them back.
# A young generation of 48 MB: the serial collector otherwise sizes it from the initial heap (a 64th of the
# machine's memory, 384 MB on a 24 GiB node), and start-up touches all of it once: about 70 MB more resident memory
# for no speed (bench/startup: same ready time within its noise, idle RSS 303 -> about 235 MB). The bot's live set
# is small and its allocation rate low; JAVA_OPTS=-Xmn... sets another size.
exec java \
  -XX:MaxRAMPercentage=75.0 \
  -Xmn48m \
  -XX:+ExitOnOutOfMemoryError \
  -XX:TieredStopAtLevel=1 \
  -XX:+UseSerialGC \
  $CDS_OPTS \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  ${JAVA_OPTS:-} \
  -jar "$APP_HOME/quarkus-run.jar" "$@"
