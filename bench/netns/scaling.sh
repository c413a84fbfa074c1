#!/usr/bin/env bash
# Cluster scaling on one machine: the same load against 1 node and against 3 nodes, each node on a host of
# its own (a network namespace with its own address), PostgreSQL on a fourth, the load generator on a fifth.
# Nothing of it touches loopback or the machine's other interfaces: the namespaces hang off one bridge on a
# random 10.214.X.0/24, and everything made here is removed on exit (also on failure or Ctrl-C).
#
#   bench/netns/scaling.sh [--nodes "1 3"] [--name NAME] [--node-heap 768m] [-- generator options]
#
#   --nodes      node counts to run, in this order, against one database (e.g. "1 3 3 1" for two rounds)
#   --name       results go to bench/results/NAME-<n>nodes-<i>.json (default netns-<date>)
#   generator options: as scripts/bench (--connections, --topics, --rate, --messages, ...); --url, --out and
#                --allow-network are set here. Connection i opens on node (i mod n); accounts register on node 1.
#
# Nodes run with bench/conf/bench-node.json (limits lifted, no face roles) plus, per node, the environment
# overrides below; a cluster of one for the 1-node run, so the node count is the only difference.
# Needs root, iproute2 and unshare (util-linux), and the PostgreSQL binaries the embedded database unpacks
# (found under /tmp/embedded-pg after any node or test ran once; or set PG_BIN to a bin directory).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODES="1 3"
NAME="netns-$(date +%Y%m%d-%H%M%S)"
NODE_HEAP=768m
GENERATOR=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --nodes) NODES="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    --node-heap) NODE_HEAP="$2"; shift 2 ;;
    --) shift; GENERATOR+=("$@"); break ;;
    --url|--out|--allow-network) echo "netns: $1 is set by this script" >&2; exit 2 ;;
    *) GENERATOR+=("$1"); shift ;;
  esac
done
for count in $NODES; do
  [[ "$count" =~ ^[1-9]$ ]] || { echo "netns: --nodes takes counts from 1 to 9, got '$count'" >&2; exit 2; }
done

[[ "$(id -u)" == 0 ]] || { echo "netns: network namespaces need root" >&2; exit 1; }
command -v ip >/dev/null && command -v unshare >/dev/null || { echo "netns: needs iproute2 and unshare" >&2; exit 1; }
if [[ -z "${PG_BIN:-}" ]]; then
  PG_BIN="$(ls -dt /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1 || true)"
fi
[[ -x "${PG_BIN:-}/postgres" && -x "$PG_BIN/initdb" ]] || {
  echo "netns: no PostgreSQL binaries; run a node once (scripts/run) so /tmp/embedded-pg exists, or set PG_BIN" >&2
  exit 1
}

NODE_JAR="$ROOT/verticles/node/target/gatehouse.jar"
BENCH_JAR="$ROOT/bench/target/gatehouse-bench.jar"
[[ -f "$NODE_JAR" && -f "$BENCH_JAR" ]] || { echo "netns: build first: mvn -q -DskipTests package" >&2; exit 1; }

TAG="$(printf '%04x' $((RANDOM % 0xefff + 0x1000)))"
NET="10.214.$((RANDOM % 254 + 1))"
BRIDGE="ghbb$TAG"
WORK="$(mktemp -d /tmp/gatehouse-netns.XXXXXX)"
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS" "$WORK/logs"
# Private copies: a rebuild in the worktree while this runs cannot swap the classes under a running JVM.
cp "$NODE_JAR" "$WORK/gatehouse.jar"
cp "$BENCH_JAR" "$WORK/gatehouse-bench.jar"

NAMESPACES=()
NODE_PIDS=()
PG_PID=""

cleanup() {
  local code=$?
  stop_nodes
  if [[ -n "$PG_PID" ]]; then
    kill "$PG_PID" 2>/dev/null || true
    wait "$PG_PID" 2>/dev/null || true
  fi
  for ns in "${NAMESPACES[@]}"; do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
  done
  ip link del "$BRIDGE" 2>/dev/null || true
  mkdir -p "$RESULTS/$NAME-logs" && cp -r "$WORK/logs/." "$RESULTS/$NAME-logs/" 2>/dev/null || true
  rm -rf "$WORK"
  echo "netns: cleaned up (logs in bench/results/$NAME-logs)" >&2
  exit "$code"
}
trap cleanup EXIT INT TERM

ns() { echo "gh$TAG-$1"; }

add_host() { # name, host number
  local name="$1" host="$2" namespace outside
  namespace="$(ns "$name")"
  outside="ghv$TAG$host"
  ip netns add "$namespace"
  NAMESPACES+=("$namespace")
  ip link add "$outside" type veth peer name eth0 netns "$namespace"
  ip link set "$outside" master "$BRIDGE"
  ip link set "$outside" up
  ip netns exec "$namespace" ip addr add "$NET.$host/24" dev eth0
  ip netns exec "$namespace" ip link set eth0 up
  ip netns exec "$namespace" ip link set lo up
}

port_open() { # address, port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

await_port() { # address, port, seconds, what
  for _ in $(seq 1 $(($3 * 4))); do
    port_open "$1" "$2" && return 0
    sleep 0.25
  done
  echo "netns: $4 did not open $1:$2 within $3 s" >&2
  return 1
}

start_postgres() {
  # As the embedded database runs it: in a user namespace of its own, since PostgreSQL refuses to run as root.
  unshare -U "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 >"$WORK/logs/initdb.log" 2>&1
  echo "host all all $NET.0/24 trust" >>"$WORK/pg/pg_hba.conf"
  ip netns exec "$(ns db)" unshare -U "$PG_BIN/postgres" -D "$WORK/pg" -p 5432 -c "listen_addresses=$NET.10" \
    -c max_connections=300 -c fsync=on -c synchronous_commit=on -c "unix_socket_directories=$WORK/pg" \
    >"$WORK/logs/postgres.log" 2>&1 &
  PG_PID=$!
  await_port "$NET.10" 5432 60 PostgreSQL
}

start_node() { # index (1-based), member list, cluster name, run label
  local i="$1" members="$2" cluster="$3" label="$4" log
  log="$WORK/logs/$label-n$i.log"
  mkdir -p "$WORK/n$i"
  ( cd "$WORK/n$i" && exec env GATEHOUSE_NODE_DATADIR="$WORK/n$i" GATEHOUSE_AUTH_KEYDIR="$WORK/keys" \
      GATEHOUSE_CLUSTER_ENABLED=true GATEHOUSE_CLUSTER_NAME="$cluster" GATEHOUSE_CLUSTER_HOST="$NET.1$i" \
      GATEHOUSE_CLUSTER_MEMBERS="$members" GATEHOUSE_DATABASE_HOST="$NET.10" GATEHOUSE_DATABASE_PORT=5432 \
      GATEHOUSE_DATABASE_DATABASE=postgres GATEHOUSE_DATABASE_USER=postgres \
      ip netns exec "$(ns "n$i")" java "-Xmx$NODE_HEAP" -jar "$WORK/gatehouse.jar" \
      -conf "$ROOT/bench/conf/bench-node.json" ) >"$log" 2>&1 &
  NODE_PIDS+=($!)
}

await_ready() { # index, run label
  local log="$WORK/logs/$2-n$1.log"
  for _ in $(seq 1 720); do
    grep -q "Gatehouse ready" "$log" 2>/dev/null && return 0
    sleep 0.25
  done
  echo "netns: node $1 not ready within 180 s; its log:" >&2
  tail -40 "$log" >&2
  return 1
}

await_healthy() { # address: /health/live answers 200 once every role of the node answers (the face roles run nowhere)
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "http://$1:8088/health/live" && return 0
    sleep 0.25
  done
  echo "netns: $1 not live within 60 s: $(curl -s "http://$1:8088/health/live")" >&2
  return 1
}

cpu_seconds() { # pids...: user + system CPU seconds they have used so far
  local ticks=0 pid
  for pid in "$@"; do
    if [[ -r "/proc/$pid/stat" ]]; then
      ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    fi
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'
}

# CPU the nodes and PostgreSQL spend while the generator publishes (first "measure" line to its summary):
# comparable between runs on a shared machine, where wall-clock rates drift with the neighbours' load.
measure_cpu() { # generator pid, generator log, output file
  local nodes_start="" pg_start="" started=""
  while kill -0 "$1" 2>/dev/null; do
    if [[ -z "$started" ]] && grep -q " measure " "$2"; then
      started="$(date +%s.%N)"; nodes_start="$(cpu_seconds "${NODE_PIDS[@]}")"; pg_start="$(pg_cpu_seconds)"
    fi
    if [[ -n "$started" ]] && grep -q "deliveries/s, .* publishes/s, publish->deliver" "$2"; then
      awk -v n0="$nodes_start" -v n1="$(cpu_seconds "${NODE_PIDS[@]}")" -v p0="$pg_start" -v p1="$(pg_cpu_seconds)" \
        -v w0="$started" -v w1="$(date +%s.%N)" 'BEGIN {printf "{\"nodesCpuSeconds\":%.2f,\"postgresCpuSeconds\":%.2f,\"wallSeconds\":%.2f}\n", n1 - n0, p1 - p0, w1 - w0}' \
        | tee "$3" >&2
      return 0
    fi
    sleep 0.2
  done
}

pg_cpu_seconds() { # the postmaster and its backends
  cpu_seconds $(ip netns pids "$(ns db)")
}

stop_nodes() {
  for pid in "${NODE_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${NODE_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  NODE_PIDS=()
}

ip link add "$BRIDGE" type bridge
ip addr add "$NET.1/24" dev "$BRIDGE"
ip link set "$BRIDGE" up
add_host db 10
most=0
for count in $NODES; do
  if [[ "$count" -gt "$most" ]]; then most="$count"; fi
done
for i in $(seq 1 "$most"); do
  add_host "n$i" "1$i"
done
add_host gen 20
start_postgres
echo "netns: hosts on $NET.0/24 (PostgreSQL $NET.10, nodes $NET.11.., generator $NET.20), work in $WORK" >&2

run=0
for count in $NODES; do
  run=$((run + 1))
  label="${count}nodes-$run"
  members="$(seq -s, -f "$NET.1%g" 1 "$count")"
  urls="$(seq -s, -f "ws://$NET.1%g:8088" 1 "$count")"
  cluster="bench-$TAG-$run"
  echo "== $count node(s): $urls ==" >&2
  start_node 1 "$members" "$cluster" "$label"
  await_ready 1 "$label" # the first node migrates the schemas alone
  for i in $(seq 2 "$count"); do
    start_node "$i" "$members" "$cluster" "$label"
  done
  for i in $(seq 2 "$count"); do
    await_ready "$i" "$label"
  done
  for i in $(seq 1 "$count"); do
    await_healthy "$NET.1$i"
  done
  generator_log="$WORK/logs/$label-generator.log"
  : >"$generator_log"
  ip netns exec "$(ns gen)" java ${BENCH_JAVA_OPTS:-} -jar "$WORK/gatehouse-bench.jar" --target gatehouse \
    --url "$urls" --allow-network "$NET.0/24" --out "$RESULTS/$NAME-$label.json" "${GENERATOR[@]}" \
    >"$generator_log" 2>&1 &
  generator=$!
  tail -f --pid="$generator" "$generator_log" >&2 &
  measure_cpu "$generator" "$generator_log" "$RESULTS/$NAME-$label-cpu.json"
  wait "$generator"
  stop_nodes
done
echo "netns: results in bench/results/$NAME-*.json" >&2
