#!/usr/bin/env bash
# The sync-service benchmarks of issue 7 against a Samba AD DC (root, Samba installed, the AD ports free on 127.0.0.1),
# PostgreSQL (127.0.0.1:5432, user postgres) and an in-JVM Kafka broker.
#   bench/sync.sh [maven options]            the sync engine (SyncBenchmark): bench/results/sync-<time>.md
#   bench/sync.sh writeback [maven options]  write-back to AD (WriteBackBenchmark): bench/results/writeback-<time>.md
# The estate is loaded once per size and kept in /tmp/steward-sync-bench-<size>.tar; sizes can be changed, e.g.
#   bench/sync.sh -Dbench.users=2000 -Dbench.groups=400 -Dbench.groupSize=50
#   bench/sync.sh writeback -Dbench.writeback.members=60000 -Dbench.writeback.chunk=5000
# Every run holds /tmp/samba.lock: the Samba tests and this benchmark need the same fixed AD ports.
set -euo pipefail
cd "$(dirname "$0")/.."
benchmark=SyncBenchmark
if [ "${1:-}" = writeback ]; then
  benchmark=WriteBackBenchmark
  shift
fi
# Without them the Samba test extension skips the class, and the run would end without a result.
[ "$(id -u)" = 0 ] || { echo "bench/sync.sh: Samba AD must run as root" >&2; exit 1; }
for program in samba samba-tool ldbsearch flock; do
  command -v "$program" >/dev/null || PATH="$PATH:/usr/sbin:/sbin" command -v "$program" >/dev/null || {
    echo "bench/sync.sh: $program is missing (Debian: apt-get install samba winbind ldb-tools)" >&2; exit 1; }
done
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'steward_sync'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE steward_sync"
# contracts and platform are built in the same reactor (not taken from ~/.m2), their own tests skipped.
exec flock /tmp/samba.lock ./mvnw -B -ntp -pl contracts,platform,sync-service verify -Pbench -Dtest=none \
  -Dit.test=$benchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
