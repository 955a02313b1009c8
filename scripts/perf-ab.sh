#!/usr/bin/env bash
# Interleaved A/B of two gateway jars on one load (issue 12's "what each change bought"): a perf stub, gateway A and
# gateway B in front of it (memory store), each warmed up, then ROUNDS windows per jar in alternating order. Prints
# each window's rate, p50 and the gateway's CPU per request (/proc utime+stime), and the medians.
#
#   scripts/perf-ab.sh OLD.jar NEW.jar "--concurrency 16" [ROUNDS=4] [WINDOW=6s] [STUB_ARGS, e.g. --sse]
#
# B_SESSIONS='{store: redis, ...}' gives gateway B another session store (A keeps memory): an A/B of a setting.
# B_EXTRA='metrics: {enabled: false}' adds top-level YAML to gateway B's configuration (any key but server, backends,
# aggregation and sessions), for an A/B of any other setting with the same jar on both sides.
# B_JVM='-Dvertx.options.eventLoopPoolSize=1' adds JVM options to gateway B's command line; A_JVM to A's (both sides,
# e.g. A_JVM=--sun-misc-unsafe-memory-access=allow B_JVM="$A_JVM -Dother=1", to A/B one option on top of another).
# BACKEND=stdio puts the perf stub behind each gateway as a shared stdio process (StdioStubMain) instead of over HTTP.
# Build the perf jar first (mvn -q -DskipTests package). Uses ports 27001-27003 on 127.0.0.1: below Linux's ephemeral
# range, so that a readiness poll made before a gateway listens cannot connect a socket to itself and take the port.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
A=$(realpath "$1"); B=$(realpath "$2"); LOAD=$3; ROUNDS=${4:-4}; WINDOW=${5:-6s}; STUB_ARGS=${6:-}
PERF=perf/target/switchboard-perf.jar
STUB_PORT=27001; A_PORT=27002; B_PORT=27003
WORK=$(mktemp -d /tmp/perf-ab.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
# shellcheck disable=SC2086
java -jar "$PERF" stub --port $STUB_PORT $STUB_ARGS --duration 60m > "$WORK/stub.log" 2>&1 & pids+=($!)
for side in a b; do
  port=$([ "$side" = a ] && echo $A_PORT || echo $B_PORT)
  sessions="{store: memory, ttl: 30m}"
  [ "$side" = b ] && [ -n "${B_SESSIONS:-}" ] && sessions=$B_SESSIONS
  backend="{name: stub, url: \"http://127.0.0.1:$STUB_PORT/mcp\", timeout: 30s, maxConnections: 64}"
  if [ "${BACKEND:-http}" = stdio ]; then
    backend="{name: stub, command: [\"$(command -v java)\", \"-XX:+UseSerialGC\", \"-Xmx256m\", \"-cp\", \"$(realpath "$PERF")\", \"dev.switchboard.perf.stub.StdioStubMain\"], timeout: 30s}"
  fi
  cat > "$WORK/$side.yaml" <<YAML
server: {host: 127.0.0.1, port: $port, path: /mcp}
backends:
  - $backend
aggregation: {conflictResolution: priority}
sessions: $sessions
YAML
  if [ "$side" = b ] && [ -n "${B_EXTRA:-}" ]; then
    printf '%s\n' "$B_EXTRA" >> "$WORK/$side.yaml"
  fi
done
# shellcheck disable=SC2086
java ${A_JVM:-} -jar "$A" --config "$WORK/a.yaml" > "$WORK/a.log" 2>&1 & pids+=($!); PA=$!
# shellcheck disable=SC2086
java ${B_JVM:-} -jar "$B" --config "$WORK/b.yaml" > "$WORK/b.log" 2>&1 & pids+=($!); PB=$!
ready=no
for _ in $(seq 1 100); do
  if curl -sf -m 5 -o /dev/null http://127.0.0.1:$A_PORT/health/ready && curl -sf -m 5 -o /dev/null http://127.0.0.1:$B_PORT/health/ready
  then
    ready=yes
    break
  fi
  sleep 0.3
done
if [ "$ready" != yes ]; then
  echo "perf-ab: a gateway did not become ready; logs in $WORK" >&2
  exit 1
fi
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
url() { [ "$1" = a ] && echo http://127.0.0.1:$A_PORT/mcp || echo http://127.0.0.1:$B_PORT/mcp; }
for side in a b; do
  # shellcheck disable=SC2086
  java -jar "$PERF" load --url "$(url $side)" $LOAD --duration 25s --no-progress > /dev/null 2>&1
done
: > "$WORK/windows"
for r in $(seq 1 "$ROUNDS"); do
  order="a b"; [ $((r % 2)) = 0 ] && order="b a"
  for side in $order; do
    pid=$([ "$side" = a ] && echo $PA || echo $PB)
    c0=$(cpu "$pid")
    # shellcheck disable=SC2086
    java -jar "$PERF" load --url "$(url $side)" $LOAD --duration "$WINDOW" --no-progress --json > "$WORK/last.json" 2>/dev/null
    c1=$(cpu "$pid")
    python3 - "$r" "$side" "$c0" "$c1" "$WORK/last.json" "$(getconf CLK_TCK)" >> "$WORK/windows" <<'PY'
import json, sys
r, side, c0, c1, path, tck = sys.argv[1:7]
d = json.load(open(path))
us = (float(c1) - float(c0)) * 1e6 / float(tck) / max(d['requests'], 1)
print(f"{r} {side} {d['throughput']:.0f} {d['latencyMs']['p50']:.3f} {d['errors']['total']} {us:.1f}")
PY
    tail -1 "$WORK/windows" | awk '{printf "r%s %s  %7s req/s  p50 %s ms  errors %s  gateway cpu %s us/req\n", $1, $2, $3, $4, $5, $6}'
  done
done
python3 - "$WORK/windows" "$1" "$2" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
def med(side, col):
    return statistics.median(float(r[col]) for r in rows if r[1] == side)
ra, rb = med('a', 2), med('b', 2)
ca, cb = med('a', 5), med('b', 5)
ratios = [float(b[2]) / float(a[2]) for a, b in zip([r for r in rows if r[1] == 'a'], [r for r in rows if r[1] == 'b'])]
print(f"A {sys.argv[2]}: median {ra:.0f} req/s, {ca:.1f} us/req")
print(f"B {sys.argv[3]}: median {rb:.0f} req/s, {cb:.1f} us/req")
print(f"B/A throughput: median of rounds {statistics.median(ratios):.3f} (rounds {', '.join(f'{x:.2f}' for x in ratios)}); "
      f"CPU per request B/A {cb / ca:.3f}; errors {sum(int(r[4]) for r in rows)}")
PY
