#!/usr/bin/env bash
# The self-service benchmark of issue 8 against PostgreSQL (127.0.0.1:5432, user postgres) and an in-JVM Kafka
# broker. Results: bench/results/selfservice-<time>.md and selfservice-latest.md. Sizes can be changed, e.g.
#   bench/selfservice.sh -Dbench.events=50000 -Dbench.rate=200 -Dbench.seconds=60 -Dbench.clients=32
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'steward_selfservice'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE steward_selfservice"
./mvnw -B -ntp -pl contracts,platform,selfservice-service verify -Pbench -Dtest=none -Dit.test=SelfServiceBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
