#!/bin/sh
# Starts the packaged bot (the fast-jar folder target/quarkus-app). ONE start command for every place the
# artifact runs: the container image's ENTRYPOINT (src/main/docker/Dockerfile.jvm copies this file next to
# quarkus-run.jar) and .ci/run, which starts two replicas with it. Change the JVM options here, nowhere else.
#
#   APP_HOME    folder holding quarkus-run.jar (default: this script's folder; /deployments in the image)
#   JAVA_OPTS   extra JVM options, appended (the Helm chart's javaOpts)
#   PORT        HTTP port (application.properties: quarkus.http.port=${PORT:8080})
set -eu

APP_HOME=${APP_HOME:-$(cd "$(dirname "$0")" && pwd)}

# Heap from the container's memory limit (the JVM reads the cgroup limit), leaving a quarter for metaspace, threads
# and direct buffers; on OutOfMemoryError exit so the orchestrator restarts the pod instead of limping on.
# Quarkus' own log manager, as in the tests and dev mode.
exec java \
  -XX:MaxRAMPercentage=75.0 \
  -XX:+ExitOnOutOfMemoryError \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  ${JAVA_OPTS:-} \
  -jar "$APP_HOME/quarkus-run.jar" "$@"
