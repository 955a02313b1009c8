# Sourced by scripts/conformance.sh and scripts/interop.sh: starting background processes on loopback, waiting for
# the URL they print, and stopping exactly the processes started here (by pid) when the script exits.

SWITCHBOARD_JAR="${SWITCHBOARD_JAR:-$PWD/launcher/target/switchboard.jar}"
START_TIMEOUT_SECONDS="${START_TIMEOUT_SECONDS:-90}"
JAVA_OPTS_ARRAY=(${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC})
STARTED_PIDS=()
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-$(basename "$0" .sh).XXXXXX")"

stop_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK_DIR"
}
trap stop_started EXIT
trap 'exit 130' INT TERM

# start NAME COMMAND...: runs the command in the background with its output in $WORK_DIR/NAME.log.
start() {
  local name="$1"
  shift
  : >"$WORK_DIR/$name.log"
  "$@" >>"$WORK_DIR/$name.log" 2>&1 &
  STARTED_PIDS+=($!)
}

# await_url VAR NAME PREFIX: waits until the last started process prints "PREFIX http://..." and sets VAR to the
# URL; fails (showing its output) when it exits first or does not listen within START_TIMEOUT_SECONDS. (Not to be
# called in a subshell, nor are the start functions: the pids of started processes must reach stop_started.)
await_url() {
  local _var="$1" _name="$2" _prefix="$3" _pid="${STARTED_PIDS[-1]}" _url="" _waited=0
  while true; do
    _url="$(sed -n "s|^$_prefix \(http://[^ ]*\)$|\1|p" "$WORK_DIR/$_name.log" | head -1)"
    [ -n "$_url" ] && break
    if ! kill -0 "$_pid" 2>/dev/null; then
      echo "$_name exited before it listened; its output:" >&2; cat "$WORK_DIR/$_name.log" >&2; return 1
    fi
    if [ "$_waited" -ge $((START_TIMEOUT_SECONDS * 10)) ]; then
      echo "$_name did not listen within ${START_TIMEOUT_SECONDS}s; its output:" >&2
      cat "$WORK_DIR/$_name.log" >&2; return 1
    fi
    sleep 0.1
    _waited=$((_waited + 1))
  done
  printf -v "$_var" '%s' "$_url"
}

# Builds the fat jar when it is missing or when the first argument is "true".
ensure_jar() {
  if [ "${1:-false}" = true ] || [ ! -f "$SWITCHBOARD_JAR" ]; then
    echo "building $SWITCHBOARD_JAR" >&2
    mvn -B -ntp -q -DskipTests package
  fi
}

# start_fixture VAR: the conformance fixture backend on an ephemeral port; sets VAR to its URL.
start_fixture() {
  start fixture java "${JAVA_OPTS_ARRAY[@]}" -cp "$SWITCHBOARD_JAR" \
    dev.switchboard.launcher.fixture.ConformanceFixtureMain --port 0
  await_url "$1" fixture "Conformance fixture MCP endpoint:"
}

# start_gateway VAR CONFIG_FILE: the gateway from the jar; sets VAR to its URL.
start_gateway() {
  start gateway java "${JAVA_OPTS_ARRAY[@]}" -jar "$SWITCHBOARD_JAR" --config "$2"
  await_url "$1" gateway "Switchboard MCP endpoint:"
}
