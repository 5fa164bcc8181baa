#!/usr/bin/env bash
# The directory-service benchmark of issue 5 against PostgreSQL (127.0.0.1:5432, user postgres) and an in-JVM Kafka
# broker. Results: bench/results/directory-<time>.md and directory-latest.md. Sizes can be changed, e.g.
#   bench/directory.sh -Dbench.users=10000 -Dbench.groups=2000 -Dbench.groupSize=50 -Dbench.bigGroup=100000
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'steward_directory'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE steward_directory"
./mvnw -B -ntp -q -pl contracts,platform install -DskipTests
./mvnw -B -ntp -pl directory-service verify -Pbench "$@"
