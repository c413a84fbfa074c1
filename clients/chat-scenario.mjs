// Plays a scripted Socket.IO chat scenario with the real socket.io-client (see README.md).
// Usage: node chat-scenario.mjs <scenario.json>
// Prints one JSON line per step outcome on stdout; exits 0 when every step succeeded, 1 otherwise.
import { io } from "socket.io-client";
import { readFileSync } from "node:fs";

const scenario = JSON.parse(readFileSync(process.argv[2], "utf8"));
const sockets = {};
const inboxes = {};
const vars = {};
const log = (line) => process.stdout.write(JSON.stringify(line) + "\n");

function resolve(value) {
  if (typeof value === "string") {
    return value.replace(/\$\{([\w.]+)\}/g, (_, path) => path.split(".").reduce((v, k) => v?.[k], vars) ?? "");
  }
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  return value;
}

function matches(actual, expected) {
  if (expected === null || typeof expected !== "object") return actual === expected;
  if (actual === null || typeof actual !== "object") return false;
  return Object.entries(expected).every(([k, v]) => matches(actual[k], v));
}

function open(name, spec) {
  const options = { reconnection: spec.reconnection ?? false, forceNew: true, timeout: 10000 };
  if (spec.transports) options.transports = spec.transports;
  if (spec.token !== undefined) options.auth = { token: spec.token };
  if (spec.header) options.extraHeaders = { Authorization: "Bearer " + spec.header };
  const socket = io(resolve(spec.url ?? scenario.url) + "/chat", options);
  inboxes[name] = [];
  socket.onAny((event, arg) => inboxes[name].push({ event, arg }));
  socket.on("connect", () => inboxes[name].push({ event: "connect", arg: { transport: socket.io.engine.transport.name } }));
  socket.on("connect_error", (err) => inboxes[name].push({ event: "connect_error", arg: { message: err.message } }));
  socket.on("disconnect", (reason) => inboxes[name].push({ event: "disconnect", arg: { reason } }));
  socket.io.engine?.on?.("upgrade", (t) => inboxes[name].push({ event: "upgrade", arg: { transport: t.name } }));
  sockets[name] = socket;
}

async function expectEvent(name, event, match, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const inbox = inboxes[name] ?? [];
    const index = inbox.findIndex((e) => e.event === event && matches(e.arg, match ?? {}));
    if (index >= 0) {
      const found = inbox[index];
      // earlier events of the same name count as consumed: expecting a, b, c in turn checks their order
      inboxes[name] = inbox.filter((e, i) => i > index || (i < index && e.event !== event));
      return found.arg;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${name}: no ${event} matching ${JSON.stringify(match)} within ${timeoutMs} ms; got ${JSON.stringify(inboxes[name])}`);
}

async function step(s) {
  const timeoutMs = s.timeoutMs ?? 8000;
  if (s.connect) {
    open(s.connect, resolve(s));
    const arg = await expectEvent(s.connect, s.refused ? "connect_error" : "connect", s.match, timeoutMs);
    return { connected: s.connect, ...arg };
  }
  if (s.emit) {
    // "binary": hex bytes sent as a Buffer inside the argument, which socket.io-client sends as an attachment
    const args = [s.event, s.binary ? { ...resolve(s.arg ?? {}), file: Buffer.from(s.binary, "hex") } : resolve(s.arg)];
    if (!s.ack) {
      sockets[s.emit].emit(...args);
      return { emitted: s.event };
    }
    const answer = await sockets[s.emit].timeout(timeoutMs).emitWithAck(...args);
    if (s.save) vars[s.save] = answer;
    if (s.match && !matches(answer, resolve(s.match))) throw new Error(`ack ${JSON.stringify(answer)} does not match ${JSON.stringify(s.match)}`);
    return { ack: s.event, answer };
  }
  if (s.expect) {
    const arg = await expectEvent(s.expect, s.event, resolve(s.match), timeoutMs);
    if (s.save) vars[s.save] = arg;
    return { received: s.event, by: s.expect, arg };
  }
  if (s.none) {
    await new Promise((r) => setTimeout(r, s.waitMs ?? 500));
    const found = (inboxes[s.none] ?? []).find((e) => e.event === s.event && matches(e.arg, resolve(s.match) ?? {}));
    if (found) throw new Error(`${s.none}: unexpected ${s.event} ${JSON.stringify(found.arg)}`);
    return { none: s.event };
  }
  if (s.disconnect) {
    sockets[s.disconnect].disconnect();
    return { disconnected: s.disconnect };
  }
  if (s.drop) {
    sockets[s.drop].io.engine.close(); // transport drop: the client reconnects by itself when reconnection is on
    return { dropped: s.drop };
  }
  if (s.transport) {
    const name = sockets[s.transport].io.engine.transport.name;
    if (name !== s.is) throw new Error(`${s.transport}: transport ${name}, expected ${s.is}`);
    return { transport: name };
  }
  if (s.sleep) {
    await new Promise((r) => setTimeout(r, s.sleep));
    return { slept: s.sleep };
  }
  throw new Error("unknown step " + JSON.stringify(s));
}

let status = 0;
try {
  for (const s of scenario.steps) {
    log(await step(s));
  }
} catch (e) {
  log({ failed: e.message });
  status = 1;
} finally {
  Object.values(sockets).forEach((socket) => socket.close());
}
process.exit(status);
