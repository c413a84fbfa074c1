// Gatehouse face engine worker: loads the nets, connects to a node's TCP event-bus bridge, presents the
// engine secret and serves the engine address one frame at a time.
//
//   node src/worker.js --bridge HOST:PORT --secret-file FILE [--detector tiny|ssd] [--input-size 416]
//                      [--liveness-input-size 160] [--ping-ms 15000] [--tls-ca CERT.pem]
//
// Options may also come from GATEHOUSE_ENGINE_BRIDGE, GATEHOUSE_ENGINE_SECRET_FILE, GATEHOUSE_ENGINE_DETECTOR,
// GATEHOUSE_ENGINE_INPUT_SIZE, GATEHOUSE_ENGINE_LIVENESS_INPUT_SIZE, GATEHOUSE_ENGINE_MIN_SCORE,
// GATEHOUSE_ENGINE_MAX_PIXELS, GATEHOUSE_ENGINE_PING_MS, GATEHOUSE_ENGINE_TLS_CA (TLS to the bridge, trusting
// that certificate). With --supervised (set by a
// node that started this worker) the worker exits when its connection or its parent goes away, and the node
// starts another; otherwise it reconnects until stopped.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { BridgeConnection } from './bridge.js';
import { createEngine, InvalidFrame } from './engine.js';

export const ANALYZE_ADDRESS = 'gatehouse.face.engine.analyze';

const env = process.env;
const { values: args } = parseArgs({
  options: {
    bridge: { type: 'string', default: env.GATEHOUSE_ENGINE_BRIDGE || '127.0.0.1:8095' },
    'secret-file': { type: 'string', default: env.GATEHOUSE_ENGINE_SECRET_FILE || 'data/keys/face-engine.secret' },
    detector: { type: 'string', default: env.GATEHOUSE_ENGINE_DETECTOR || 'tiny' },
    'input-size': { type: 'string', default: env.GATEHOUSE_ENGINE_INPUT_SIZE || '416' },
    'liveness-input-size': { type: 'string', default: env.GATEHOUSE_ENGINE_LIVENESS_INPUT_SIZE || '160' },
    'min-score': { type: 'string', default: env.GATEHOUSE_ENGINE_MIN_SCORE || '0.3' },
    'max-pixels': { type: 'string', default: env.GATEHOUSE_ENGINE_MAX_PIXELS || String(4096 * 4096) },
    'ping-ms': { type: 'string', default: env.GATEHOUSE_ENGINE_PING_MS || '15000' },
    'tls-ca': { type: 'string', default: env.GATEHOUSE_ENGINE_TLS_CA || '' },
    supervised: { type: 'boolean', default: false },
  },
});

const log = (...parts) => console.error(new Date().toISOString(), `face-engine[${process.pid}]`, ...parts);
const [host, portText] = args.bridge.split(':');
const port = Number(portText);
const secret = fs.readFileSync(args['secret-file'], 'utf8').trim();
const link = { pingMs: Number(args['ping-ms']), ca: args['tls-ca'] ? fs.readFileSync(args['tls-ca']) : null };

const engine = await createEngine({
  detector: args.detector,
  inputSize: Number(args['input-size']),
  livenessInputSize: Number(args['liveness-input-size']),
  minScore: Number(args['min-score']),
  maxPixels: Number(args['max-pixels']),
});
await warmUp();
log(`ready: face-api ${engine.versions.faceapi}, tfjs ${engine.versions.tfjs} on ${engine.backend}, detector ${args.detector}`);

/**
 * The first inferences compile the WebAssembly kernels for each net and shape, which takes seconds: run them on a
 * photo shipped with face-api before taking frames, so that no client's first frame pays for it.
 */
async function warmUp() {
  try {
    const sample = fs.readFileSync(new URL(import.meta.resolve('@vladmandic/face-api/package.json')).pathname
      .replace(/package\.json$/, 'demo/sample1.jpg'));
    for (let i = 0; i < 2; i++) {
      await engine.analyze(sample, { descriptor: true });
      await engine.analyze(sample);
    }
  } catch (e) {
    log('warm-up skipped:', e.message);
  }
}

if (args.supervised) {
  // The node holds our stdin open; when it ends, the node is gone.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

let queue = Promise.resolve();

async function serve(connection, message) {
  const replyAddress = message.replyAddress;
  const body = message.body || {};
  try {
    if (typeof body.image !== 'string') {
      throw new InvalidFrame('image missing');
    }
    const bytes = Buffer.from(body.image, 'base64');
    const result = await engine.analyze(bytes, { descriptor: body.descriptor === true, eyes: body.eyes !== false });
    if (replyAddress) connection.reply(replyAddress, result);
  } catch (e) {
    if (!replyAddress) return;
    if (e instanceof InvalidFrame) {
      connection.fail(replyAddress, 400, 'invalid_frame: ' + e.message);
    } else {
      log('analysis failed:', e.message);
      connection.fail(replyAddress, 500, 'engine_failure');
    }
  }
}

async function run() {
  for (let delay = 500; ; delay = Math.min(delay * 2, 15000)) {
    try {
      const connection = await BridgeConnection.open(host, port, link);
      delay = 500;
      const closed = new Promise(resolve => connection.once('close', resolve));
      connection.on('error', e => log('connection error:', e.message));
      // A refused secret is followed by the node closing the connection.
      connection.on('refused', frame => log('bridge refused:', frame.message));
      connection.on('message', message => {
        queue = queue.then(() => serve(connection, message));
      });
      connection.register(ANALYZE_ADDRESS, { secret });
      log(`serving ${ANALYZE_ADDRESS} through ${host}:${port}`);
      await closed;
      log('connection closed');
    } catch (e) {
      log(`cannot reach the bridge at ${host}:${port}: ${e.message}`);
    }
    if (args.supervised) {
      process.exit(3);
    }
    await new Promise(resolve => setTimeout(resolve, delay));
  }
}

process.on('SIGTERM', () => process.exit(0));
run();
