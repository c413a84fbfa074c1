// Plays a scripted WebSocket session so Java tests can check a real third-party client against a server.
//
//   node ws-session.mjs <url> <script.json>
//
// script.json is a list of steps run in order:
//   {"send": {...}}                       send the object as one JSON text frame
//   {"expect": {...}, "timeoutMs": N}     wait for a received frame that partially matches the object
//   {"close": code}                       close with that code and wait for the close to finish
// Every received frame is printed as one JSON line on stdout (non-JSON text is printed as a JSON string).
// Exit status 0 when every expectation was met, 1 otherwise with the reason on stderr.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

const DEFAULT_TIMEOUT_MS = 5000;

function fail(message) {
  process.stderr.write(`ws-session: ${message}\n`);
  process.exit(1);
}

// A received value matches an expected one when every key of an expected object matches recursively,
// every element of an expected array matches the element at the same index, and scalars are equal.
function matches(expected, actual) {
  if (expected === null || typeof expected !== 'object') {
    return expected === actual;
  }
  if (actual === null || typeof actual !== 'object') {
    return false;
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((item, i) => matches(item, actual[i]));
  }
  return Object.keys(expected).every((key) => matches(expected[key], actual[key]));
}

function loadScript(path) {
  let steps;
  try {
    steps = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`cannot read script ${path}: ${error.message}`);
  }
  if (!Array.isArray(steps)) {
    fail(`script ${path} must be a JSON array of steps`);
  }
  return steps;
}

// Frames are kept until an expectation consumes them, so a reply that arrives before its expect step counts.
class Inbox {
  constructor() {
    this.frames = [];
    this.waiter = null;
    this.closed = null;
  }

  push(frame) {
    this.frames.push(frame);
    this.wake();
  }

  close(code, reason) {
    this.closed = { code, reason };
    this.wake();
  }

  wake() {
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter();
    }
  }

  async take(expected, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((frame) => matches(expected, frame));
      if (index >= 0) {
        return this.frames.splice(index, 1)[0];
      }
      if (this.closed) {
        throw new Error(`connection closed (${this.closed.code} ${this.closed.reason}) before a frame matched ${JSON.stringify(expected)}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no frame matched ${JSON.stringify(expected)} within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => { clearTimeout(timer); resolve(); };
      });
    }
  }
}

function open(url, inbox) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('open', () => resolve(socket));
    socket.on('error', (error) => reject(new Error(`cannot connect to ${url}: ${error.message}`)));
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? data.toString('base64') : data.toString('utf8');
      let frame;
      try {
        frame = JSON.parse(text);
      } catch {
        frame = text;
      }
      process.stdout.write(`${JSON.stringify(frame)}\n`);
      inbox.push(frame);
    });
    socket.on('close', (code, reason) => inbox.close(code, reason.toString()));
  });
}

async function closeSocket(socket, code) {
  if (socket.readyState === WebSocket.CLOSED) {
    return;
  }
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.close(code);
  await closed;
}

async function run(url, steps) {
  const inbox = new Inbox();
  const socket = await open(url, inbox);
  for (const [index, step] of steps.entries()) {
    if ('send' in step) {
      socket.send(JSON.stringify(step.send));
    } else if ('expect' in step) {
      await inbox.take(step.expect, step.timeoutMs ?? DEFAULT_TIMEOUT_MS).catch((error) => {
        throw new Error(`step ${index + 1}: ${error.message}`);
      });
    } else if ('close' in step) {
      await closeSocket(socket, step.close);
    } else {
      throw new Error(`step ${index + 1}: unknown step ${JSON.stringify(step)}`);
    }
  }
  await closeSocket(socket, 1000);
}

const [url, scriptPath] = process.argv.slice(2);
if (!url || !scriptPath) {
  fail('usage: node ws-session.mjs <url> <script.json>');
}
run(url, loadScript(scriptPath)).then(
  () => process.exit(0),
  (error) => fail(error.message),
);
