#!/usr/bin/env bash
# Runs the same chat load against a fresh single Gatehouse node and the npm socket.io peer, on loopback,
# and prints both results and the Gatehouse/peer ratio of messages/s, per load generator.
# Usage: bench/socketio/compare.sh [pairs=1000] [seconds=20] [warmup seconds=15] [client=both]
#   client: node (chat-load.mjs, the real socket.io-client), java (io.gatehouse.bench.chat.ChatLoad, the same
#   load and wire protocol at a fraction of the CPU) or both (node, then java). Each client runs against the
#   peer, then against Gatehouse. CHAT_LOAD_EVENT_LOOPS sets the java client's event loops (default 1).
# Both targets get the same unmeasured warm-up under the same load (the JVM compiles its hot paths in it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PAIRS="${1:-1000}"
SECONDS_MEASURED="${2:-20}"
WARMUP="${3:-15}"
CLIENT="${4:-both}"
case "$CLIENT" in
  node|java) CLIENTS=("$CLIENT") ;;
  both) CLIENTS=(node java) ;;
  *) echo "compare.sh: client must be node, java or both, not $CLIENT" >&2; exit 2 ;;
esac
PORT="${CHAT_BENCH_PORT:-18088}"
WORK="$(mktemp -d /tmp/chat-bench.XXXXXX)"
JAR="$ROOT/verticles/node/target/gatehouse.jar"
BENCH_JAR="$ROOT/bench/target/gatehouse-bench.jar"
[[ -d "$ROOT/clients/node_modules/socket.io" ]] || (cd "$ROOT/clients" && npm ci --no-audit --no-fund)
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -q -B -DskipTests package -pl verticles/node -am)
if [[ "$CLIENT" != node && ! -f "$BENCH_JAR" ]]; then
  (cd "$ROOT" && mvn -q -B -DskipTests package -pl bench -am)
fi

cat > "$WORK/bench.json" <<JSON
{ "node": { "dataDir": "$WORK/data" },
  "database": { "embeddedPort": ${CHAT_BENCH_PG_PORT:-25432} },
  "gateway": { "host": "127.0.0.1", "port": $PORT },
  "stomp": { "host": "127.0.0.1", "webSocketPort": 0, "tcpPort": 0 },
  "auth": { "argon2": { "memoryKib": 1024, "iterations": 1, "parallelism": 1 } } }
JSON

cleanup() { [[ -n "${GH_PID:-}" ]] && kill "$GH_PID" 2>/dev/null; [[ -n "${PEER_PID:-}" ]] && kill "$PEER_PID" 2>/dev/null; true; }
trap cleanup EXIT

java ${GATEHOUSE_JAVA_OPTS:-} -jar "$JAR" -conf "$WORK/bench.json" > "$WORK/gatehouse.log" 2>&1 &
GH_PID=$!
for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 1; done
node "$ROOT/clients/../bench/socketio/peer-chat-server.mjs" 0 > "$WORK/peer.out" &
PEER_PID=$!
for _ in $(seq 1 30); do [[ -s "$WORK/peer.out" ]] && break; sleep 0.2; done
PEER_PORT=$(sed -n 's/.*"port":\([0-9]*\).*/\1/p' "$WORK/peer.out")

# load CLIENT TARGET URL: one run; prints its JSON result line.
load() {
  local options=(--target "$2" --url "$3" --pairs "$PAIRS" --seconds "$SECONDS_MEASURED" --warmup "$WARMUP")
  if [[ "$1" == java ]]; then
    java ${CHAT_LOAD_JAVA_OPTS:-} -cp "$BENCH_JAR" io.gatehouse.bench.chat.ChatLoad "${options[@]}" \
      --event-loops "${CHAT_LOAD_EVENT_LOOPS:-1}" | tail -n 1
  else
    node "$ROOT/bench/socketio/chat-load.mjs" "${options[@]}"
  fi
}

for C in "${CLIENTS[@]}"; do
  PEER=$(load "$C" peer "http://127.0.0.1:$PEER_PORT")
  echo "peer      ($C client) $PEER"
  GATEHOUSE=$(load "$C" gatehouse "http://127.0.0.1:$PORT")
  echo "gatehouse ($C client) $GATEHOUSE"
  node -e 'const [c, g, p] = [process.argv[1], ...process.argv.slice(2).map(JSON.parse)];
    console.log(`ratio ${c} client (gatehouse/peer messages/s): ${(g.messagesPerSecond / p.messagesPerSecond).toFixed(2)}; p99 ${g.p99Ms?.toFixed(1)} ms vs ${p.p99Ms?.toFixed(1)} ms`)' "$C" "$GATEHOUSE" "$PEER"
done
