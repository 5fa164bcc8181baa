#!/usr/bin/env bash
# The audit-service benchmark of issue 9 against PostgreSQL (127.0.0.1:5432, user postgres) and an in-JVM Kafka
# broker. Results: bench/results/audit-<time>.md and audit-latest.md, with this command line at the top. Sizes can be
# changed, e.g.
#   bench/audit.sh -Dbench.events=200000 -Dbench.entries=1000000 -Dbench.rate=2000 -Dbench.lagSeconds=30 -Dbench.queryRuns=20
set -euo pipefail
cd "$(dirname "$0")/.."
command="bench/audit.sh $*"
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'steward_audit'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE steward_audit"
./mvnw -B -ntp -pl contracts,platform,audit-service verify -Pbench -Dtest=none -Dit.test=AuditBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "-Dbench.command=$command" "$@"
