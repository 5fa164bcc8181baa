#!/usr/bin/env bash
# Resident memory of each service with -Xmx256m (issue 5 target: under 300 MiB each), after load: starts the local
# stack in a throwaway data directory with --java-opts, lets the first sync cycle run, drives 500 HTTP writes and
# reads at the directory, then reads every process's resident set size. Result: bench/results/memory-<time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(mktemp -d)
# The stack's default footprint options (StackOptions.DEFAULT_JAVA_OPTS) with -Xmx256m instead of -Xmx384m, and:
# -Xmn12m: a small young generation (the default is a third of the heap, about 26 MB here, kept committed).
# The launcher adds -XX:TrimNativeHeapInterval ahead of these where the JDK has it (NativeHeapTrim); the result file
# lists the directory's JVM options as its process shows them.
OPTS="-Xmx256m -Xms32m -Xmn12m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=4 -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m"
trap './steward down --data-dir="$DATA" >/dev/null 2>&1 || true; rm -rf "$DATA"' EXIT
./steward up --detach --fresh --data-dir="$DATA" --java-opts="$OPTS"
TOKEN=$(./steward token --data-dir="$DATA" --user admin@corp.example.test --scp "Group.ReadWrite.All GroupMember.ReadWrite.All")
CREATED=0
LOAD_STARTED=$(date +%s%N)
for i in $(seq 1 250); do
  ID=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"displayName\":\"Memory $i\",\"mailNickname\":\"memory$i\",\"mailEnabled\":false,\"securityEnabled\":true}" \
    http://127.0.0.1:8080/v1.0/groups | sed -nE 's/.*"id":"([^"]+)".*/\1/p')
  if [ -n "$ID" ]; then
    CREATED=$((CREATED + 1))
    curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:8080/v1.0/groups/$ID"
  fi
done
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" 'http://127.0.0.1:8080/v1.0/groups?$top=999'
LOAD_MILLIS=$((($(date +%s%N) - LOAD_STARTED) / 1000000))
sleep 5
mkdir -p bench/results
OUT="bench/results/memory-$(date -u +%Y-%m-%dT%H-%M-%S).md"
STATUS="$DATA/status.txt"
{
  echo "# Resident memory with -Xmx256m, $(date -u +%FT%TZ)"
  echo
  echo "Command: \`bench/memory.sh\` (java options: \`$OPTS\`), after the first sync cycle, 250 group creations and"
  echo "reads ($CREATED created; the HTTP load took $LOAD_MILLIS ms, one client) and one full listing; $(nproc) cores,"
  echo "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo '```'
  ./steward status --data-dir="$DATA" | tee "$STATUS" || true
  echo '```'
  PID=$(awk '$1 == "directory-service" {print $2}' "$STATUS")
  if [ -n "$PID" ] && [ -r "/proc/$PID/cmdline" ]; then
    echo
    echo "directory-service's JVM options: \`$(tr '\0' '\n' < "/proc/$PID/cmdline" | sed -n '2,/^-jar$/p' | grep -v -e '^-jar$' -e '^-Dsteward' -e '^-Ddisable' | tr '\n' ' ' | sed 's/ $//')\`"
  fi
} | tee "$OUT"
