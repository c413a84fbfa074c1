#!/usr/bin/env bash
# Runs the same chat load against a fresh single Gatehouse node and the npm socket.io peer, on loopback,
# and prints both results and the Gatehouse/peer ratio of messages/s.
# Usage: bench/socketio/compare.sh [pairs=1000] [seconds=20] [warmup seconds=15]
# Both targets get the same unmeasured warm-up under the same load (the JVM compiles its hot paths in it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PAIRS="${1:-1000}"
SECONDS_MEASURED="${2:-20}"
WARMUP="${3:-15}"
PORT="${CHAT_BENCH_PORT:-18088}"
WORK="$(mktemp -d /tmp/chat-bench.XXXXXX)"
JAR="$ROOT/verticles/node/target/gatehouse.jar"
[[ -d "$ROOT/clients/node_modules/socket.io" ]] || (cd "$ROOT/clients" && npm ci --no-audit --no-fund)
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -q -B -DskipTests package -pl verticles/node -am)

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

PEER=$(node "$ROOT/bench/socketio/chat-load.mjs" --target peer --url "http://127.0.0.1:$PEER_PORT" --pairs "$PAIRS" --seconds "$SECONDS_MEASURED" --warmup "$WARMUP")
echo "peer      $PEER"
GATEHOUSE=$(node "$ROOT/bench/socketio/chat-load.mjs" --target gatehouse --url "http://127.0.0.1:$PORT" --pairs "$PAIRS" --seconds "$SECONDS_MEASURED" --warmup "$WARMUP")
echo "gatehouse $GATEHOUSE"
node -e 'const [g, p] = process.argv.slice(1).map(JSON.parse);
  console.log(`ratio (gatehouse/peer messages/s): ${(g.messagesPerSecond / p.messagesPerSecond).toFixed(2)}; p99 ${g.p99Ms?.toFixed(1)} ms vs ${p.p99Ms?.toFixed(1)} ms`)' "$GATEHOUSE" "$PEER"
