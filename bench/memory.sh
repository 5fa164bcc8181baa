#!/usr/bin/env bash
# Resident memory of each service with -Xmx256m (issue 5 target: under 300 MiB each), after load: starts the local
# stack in a throwaway data directory with --java-opts, lets the first sync cycle run, drives 500 HTTP writes and
# reads at the directory, then reads every process's resident set size. Result: bench/results/memory-<time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(mktemp -d)
# -Xmn12m: a small young generation (the default is a third of the heap, about 26 MB here, kept committed).
OPTS="-Xmx256m -Xms32m -Xmn12m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m"
trap './steward down --data-dir="$DATA" >/dev/null 2>&1 || true; rm -rf "$DATA"' EXIT
./steward up --detach --fresh --data-dir="$DATA" --java-opts="$OPTS"
TOKEN=$(./steward token --data-dir="$DATA" --user admin@corp.example.test --scp "Group.ReadWrite.All GroupMember.ReadWrite.All")
CREATED=0
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
sleep 5
mkdir -p bench/results
OUT="bench/results/memory-$(date -u +%Y-%m-%dT%H-%M-%S).md"
{
  echo "# Resident memory with -Xmx256m, $(date -u +%FT%TZ)"
  echo
  echo "Command: \`bench/memory.sh\` (java options: \`$OPTS\`), after the first sync cycle, 250 group creations and"
  echo "reads ($CREATED created) and one full listing; $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo
  echo '```'
  ./steward status --data-dir="$DATA" || true
  echo '```'
} | tee "$OUT"
