#!/usr/bin/env bash
# Issue 6's fault-injection run: a throwaway stack on PostgreSQL (own data directory under /tmp, databases
# faults_<random>_<service>, free ports), a steady load of HTTP writes and Kafka commands while every service is killed
# with SIGKILL in turn, the Kafka broker is killed (the launcher restarts it) and PostgreSQL is restarted; then every
# accepted write must have exactly one directory event and one audit entry. The work is done by the launcher's
# FaultInjectionFaults (Maven profile -Pfaults). Result: bench/results/faults-<time>.md. Options, e.g.
#   bench/faults.sh -Dfaults.duration=PT5M -Dfaults.rate=6 \
#     -Dfaults.postgresRestart="pg_ctlcluster --skip-systemctl-redirect 15 main restart"
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, CREATEDB) and the right to restart it.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q install -DskipTests
ARGS=""
if [ $# -gt 0 ]; then ARGS=$(printf ' %q' "$@"); fi
./mvnw -B -ntp -pl launcher verify -Pfaults "-Dfaults.args=$ARGS" "$@"
