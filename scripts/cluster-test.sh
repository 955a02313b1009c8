#!/usr/bin/env bash
# Several gateways, one Redis, a round-robin load balancer, and a SIGKILL in the middle.
#
#   scripts/cluster-test.sh [--sessions N] [--duration SECONDS] [--kill-after SECONDS] [--instances N]
#                           [--vertx-cluster] [--own-redis] [--keep]
#
# 1. builds launcher/target/switchboard.jar and the perf classes when missing (rebuild them after changing code);
# 2. uses the Redis on 127.0.0.1:6379 when it answers PING (unless --own-redis), else starts redis-server on a free
#    loopback port (installed with apt-get when missing);
# 3. starts the demo backends once (DemoBackendsMain), then N gateway instances (default 3) on loopback ports, all with
#    sessions.store: redis and one random keyPrefix; with --vertx-cluster they also join one Hazelcast cluster;
# 4. puts nginx in front (round robin, nothing sticky; installed with apt-get when missing); nginx names the instance
#    that answered in the X-Switchboard-Upstream header;
# 5. runs dev.switchboard.perf.cluster.ClusterDriver through nginx: N sessions (default 20) doing initialize,
#    tools/list, then tools/call in a loop for the duration; it SIGKILLs instance 2 after --kill-after seconds.
#
# Prints the driver's summary line (cluster-test: ...). Exits with the driver's status: non-zero when a session was
# lost, or more calls failed than were in flight on the killed instance. Everything listens on 127.0.0.1 only and is
# stopped on exit; keys of the random prefix are deleted from a shared Redis. Logs stay in the temp dir with --keep.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

SESSIONS=${CLUSTER_TEST_SESSIONS:-20}
DURATION=${CLUSTER_TEST_DURATION:-30}
KILL_AFTER=${CLUSTER_TEST_KILL_AFTER:-12}
INSTANCES=${CLUSTER_TEST_INSTANCES:-3}
VERTX_CLUSTER=0
OWN_REDIS=0
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sessions) SESSIONS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --kill-after) KILL_AFTER=$2; shift 2 ;;
    --instances) INSTANCES=$2; shift 2 ;;
    --vertx-cluster) VERTX_CLUSTER=1; shift ;;
    --own-redis) OWN_REDIS=1; shift ;;
    --keep) KEEP=1; shift ;;
    *) echo "cluster-test: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ "$INSTANCES" -lt 2 ]; then
  echo "cluster-test: --instances must be at least 2 (one is killed)" >&2
  exit 2
fi

JAR=launcher/target/switchboard.jar
DRIVER_CLASSES=perf/target/classes
WORK=$(mktemp -d /tmp/switchboard-cluster-test.XXXXXX)
PIDS=()
REDIS_PID=
REDIS_URL=
KEY_PREFIX="cluster-test:$(date +%s)-$RANDOM:"

log() { echo "cluster-test: $*"; }

cleanup() {
  local code=$?
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$REDIS_PID" ]; then
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
  elif [ -n "$REDIS_URL" ] && command -v redis-cli >/dev/null; then
    redis-cli -u "$REDIS_URL" --scan --pattern "${KEY_PREFIX}*" 2>/dev/null \
      | xargs -r -n 500 redis-cli -u "$REDIS_URL" DEL >/dev/null 2>&1 || true
  fi
  if [ "$KEEP" = 1 ] || [ "$code" != 0 ]; then
    log "logs in $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "cluster-test: no free port found" >&2
  return 1
}

# Waits until 127.0.0.1:$1 accepts connections, or fails after $2 seconds.
wait_port() {
  local deadline=$((SECONDS + $2))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      return 1
    fi
    sleep 0.2
  done
}

# Waits until file $1 has a line matching $2, or fails after $3 seconds (or when process $4 is gone).
wait_line() {
  local deadline=$((SECONDS + $3))
  until grep -q "$2" "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$4" 2>/dev/null; then
      return 1
    fi
    sleep 0.2
  done
}

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "cluster-test: $1 is missing and this user cannot install it (apt-get install $1)" >&2
    exit 1
  fi
  log "installing $1"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
}

build() {
  if [ ! -f "$JAR" ] || [ ! -f "$DRIVER_CLASSES/dev/switchboard/perf/cluster/ClusterDriver.class" ]; then
    log "building the jar and the driver"
    mvn -B -ntp -q -DskipTests -pl launcher,perf -am package
  fi
}

redis_answers() {
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'PING\r\n' >&3
  local reply
  read -r -t 2 reply <&3 || true
  exec 3>&-
  [ "${reply%$'\r'}" = "+PONG" ]
}

start_redis() {
  if [ "$OWN_REDIS" = 0 ] && (redis_answers 6379) 2>/dev/null; then
    REDIS_URL=redis://127.0.0.1:6379
    log "using the Redis on 127.0.0.1:6379 (key prefix $KEY_PREFIX)"
    return
  fi
  command -v redis-server >/dev/null || apt_install redis-server
  local port
  port=$(free_port)
  redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize no \
    >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  wait_port "$port" 10 || { echo "cluster-test: redis-server did not start; see $WORK/redis.log" >&2; exit 1; }
  REDIS_URL="redis://127.0.0.1:$port"
  log "started redis-server on 127.0.0.1:$port"
}

start_backends() {
  java -cp "$JAR" dev.switchboard.launcher.demo.DemoBackendsMain >"$WORK/backends.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  wait_line "$WORK/backends.log" '^ready' 30 "$pid" \
    || { echo "cluster-test: demo backends did not start; see $WORK/backends.log" >&2; exit 1; }
  MATH_URL=$(awk '$1 == "demo-math" {print $2}' "$WORK/backends.log")
  TEXT_URL=$(awk '$1 == "demo-text" {print $2}' "$WORK/backends.log")
  log "demo backends: $MATH_URL $TEXT_URL"
}

# Writes the configuration of instance $1 listening on port $2.
write_config() {
  cat >"$WORK/gateway-$1.yaml" <<EOF
server:
  host: 127.0.0.1
  port: $2
  path: /mcp
backends:
  - {name: demo-math, url: "$MATH_URL"}
  - {name: demo-text, url: "$TEXT_URL"}
sessions:
  store: redis
  ttl: 10m
  redis:
    url: "$REDIS_URL"
    keyPrefix: "$KEY_PREFIX"
EOF
}

start_gateways() {
  GATEWAY_PORTS=()
  GATEWAY_PIDS=()
  local hz_ports=() members=""
  for i in $(seq 1 "$INSTANCES"); do
    GATEWAY_PORTS+=("$(free_port)")
    hz_ports+=("$(free_port)")
    members="${members:+$members,}127.0.0.1:${hz_ports[$((i - 1))]}"
  done
  for i in $(seq 1 "$INSTANCES"); do
    local port=${GATEWAY_PORTS[$((i - 1))]} cluster_args=()
    write_config "$i" "$port"
    if [ "$VERTX_CLUSTER" = 1 ]; then
      cluster_args=(-cluster -cluster-host 127.0.0.1)
    fi
    SWITCHBOARD_CLUSTER_MEMBERS="$members" SWITCHBOARD_CLUSTER_PORT="${hz_ports[$((i - 1))]}" \
      java -jar "$JAR" --config "$WORK/gateway-$i.yaml" "${cluster_args[@]}" >"$WORK/gateway-$i.log" 2>&1 &
    GATEWAY_PIDS+=("$!")
    PIDS+=("$!")
  done
  for i in $(seq 1 "$INSTANCES"); do
    wait_line "$WORK/gateway-$i.log" 'Switchboard MCP endpoint' 120 "${GATEWAY_PIDS[$((i - 1))]}" \
      || { echo "cluster-test: gateway $i did not start; see $WORK/gateway-$i.log" >&2; exit 1; }
    log "gateway $i: pid ${GATEWAY_PIDS[$((i - 1))]}, http://127.0.0.1:${GATEWAY_PORTS[$((i - 1))]}/mcp"
  done
  if [ "$VERTX_CLUSTER" = 1 ]; then
    local seen
    seen=$(grep -ho 'Members {size:[0-9]*' "$WORK"/gateway-*.log | sort -t: -k2 -n | tail -1 || true)
    log "Vert.x cluster: ${seen:-no Hazelcast membership logged} (expected size:$INSTANCES)"
    [ "$seen" = "Members {size:$INSTANCES" ] || { echo "cluster-test: the gateways did not form one cluster" >&2; exit 1; }
  fi
}

start_nginx() {
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    apt_install nginx
    # Debian's package may start its own nginx on port 80 of every interface: this test runs its own on loopback
    systemctl disable --now nginx >/dev/null 2>&1 || service nginx stop >/dev/null 2>&1 || true
  fi
  local nginx_bin
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  LB_PORT=$(free_port)
  mkdir -p "$WORK/nginx"
  local servers="" user=""
  for port in "${GATEWAY_PORTS[@]}"; do
    servers="$servers    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
  done
  if [ "$(id -u)" = 0 ]; then
    user="user root;"
  fi
  cat >"$WORK/nginx/nginx.conf" <<EOF
$user
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  # round robin, nothing sticky
  upstream switchboard {
$servers    keepalive 32;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://switchboard;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_buffering off;
      proxy_read_timeout 60s;
      add_header X-Switchboard-Upstream \$upstream_addr always;
    }
  }
}
EOF
  "$nginx_bin" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx/stdout.log" 2>&1 &
  PIDS+=("$!")
  wait_port "$LB_PORT" 10 || { echo "cluster-test: nginx did not start; see $WORK/nginx/error.log" >&2; exit 1; }
  log "nginx round robin on http://127.0.0.1:$LB_PORT/mcp"
}

run_driver() {
  local victim=2
  log "driver: $SESSIONS sessions for ${DURATION}s; SIGKILL of gateway $victim after ${KILL_AFTER}s"
  set +e
  java -cp "$JAR:$DRIVER_CLASSES" dev.switchboard.perf.cluster.ClusterDriver \
    --url "http://127.0.0.1:$LB_PORT/mcp" --sessions "$SESSIONS" --duration "${DURATION}s" \
    --kill-pid "${GATEWAY_PIDS[$((victim - 1))]}" --kill-after "${KILL_AFTER}s" \
    --kill-upstream "127.0.0.1:${GATEWAY_PORTS[$((victim - 1))]}" | tee "$WORK/driver.log"
  local code=${PIPESTATUS[0]}
  set -e
  return "$code"
}

build
start_redis
start_backends
start_gateways
start_nginx
run_driver
