// Chat load with the real socket.io-client: N pairs on /chat (WebSocket transport), each pair sending in a
// closed loop (A sends, B receives, B marks it seen, next). Reports messages/s (receive_message events at
// B) and latency percentiles (send -> receive). Points at Gatehouse or at the peer chat server.
// Usage: node chat-load.mjs --target gatehouse|peer --url http://127.0.0.1:8088 --pairs 1000 --seconds 20
//        [--warmup 5] [--window 1] [--connect-batch 100]
import { createRequire } from "node:module";

const require = createRequire(new URL("../../clients/package.json", import.meta.url));
const { io } = require("socket.io-client");

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) =>
  (value.startsWith("--") ? [...pairs, [value.slice(2), all[i + 1]]] : pairs), []));
const target = args.target ?? "gatehouse";
const url = args.url ?? "http://127.0.0.1:8088";
const pairs = Number(args.pairs ?? 1000);
const seconds = Number(args.seconds ?? 20);
const warmup = Number(args.warmup ?? 5);
const window = Number(args.window ?? 1);
const batch = Number(args["connect-batch"] ?? 100);
if (!/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(url)) throw new Error("loopback targets only");

async function user(i) {
  if (target !== "gatehouse") return { token: `user-${i}-${process.pid}`, id: `user-${i}-${process.pid}` };
  const name = `chatbench-${process.pid}-${i}`;
  const reply = await fetch(url + "/register", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: name, password: "bench password " + i, email: name + "@bench.invalid" }) });
  if (reply.status !== 201) throw new Error("register failed: " + reply.status + " " + await reply.text());
  const body = await reply.json();
  return { token: body.access_token, id: body.user_id };
}

function connect(token) {
  return new Promise((resolve, reject) => {
    const socket = io(url + "/chat", { transports: ["websocket"], auth: { token }, reconnection: false, forceNew: true });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

async function inBatches(count, make) {
  const out = [];
  for (let i = 0; i < count; i += batch) {
    out.push(...await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => make(i + j))));
  }
  return out;
}

const users = await inBatches(pairs * 2, user);
const sockets = await inBatches(pairs * 2, (i) => connect(users[i].token));
const chatIds = await inBatches(pairs, (p) => sockets[2 * p].timeout(30000)
  .emitWithAck("start_private_chat", { receiver_id: users[2 * p + 1].id }).then((a) => a.chat_id));

let measuring = false;
let received = 0;
let errors = 0;
const latencies = [];
const start = Date.now();
const stopAt = start + (warmup + seconds) * 1000;
setTimeout(() => { measuring = true; }, warmup * 1000);

function send(p) {
  if (Date.now() >= stopAt) return;
  sockets[2 * p].timeout(30000).emit("send_message", { chat_id: chatIds[p], message: String(process.hrtime.bigint()) },
    (err, ack) => { if (err || ack?.error) errors++; });
}

for (let p = 0; p < pairs; p++) {
  sockets[2 * p + 1].on("receive_message", (m) => {
    if (m.pending || m.sender_id !== users[2 * p].id) return;
    if (measuring) {
      received++;
      latencies.push(Number(process.hrtime.bigint() - BigInt(m.content)) / 1e6);
    }
    sockets[2 * p + 1].emit("receive_message", { message_id: m.message_id });
    send(p);
  });
  for (let w = 0; w < window; w++) send(p);
}

await new Promise((r) => setTimeout(r, (warmup + seconds) * 1000 + 2000));
latencies.sort((a, b) => a - b);
const pct = (q) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : null;
const result = { target, url, pairs, window, seconds, messagesPerSecond: Math.round(received / seconds), received,
  errors, p50Ms: pct(0.5), p99Ms: pct(0.99), maxMs: latencies.at(-1) ?? null };
process.stdout.write(JSON.stringify(result) + "\n");
sockets.forEach((s) => s.close());
process.exit(0);
