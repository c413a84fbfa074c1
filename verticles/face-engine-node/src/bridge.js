// A client of Vert.x's TCP event-bus bridge: frames are a 4-byte big-endian length and a UTF-8 JSON object
// ({type, address, replyAddress, headers, body}); replies are sends to the reply address a message came with.
// A bridge ping goes out every pingMs, so that the node does not close an idle connection; with a CA
// certificate the connection is TLS, verified against it.
import net from 'node:net';
import tls from 'node:tls';
import { EventEmitter } from 'node:events';

export class BridgeConnection extends EventEmitter {
  constructor(socket, pingMs) {
    super();
    this.socket = socket;
    this.pending = Buffer.alloc(0);
    this.pinger = pingMs > 0 ? setInterval(() => this.#write({ type: 'ping' }), pingMs) : null;
    socket.on('data', chunk => this.#read(chunk));
    socket.on('close', () => {
      clearInterval(this.pinger);
      this.emit('close');
    });
    socket.on('error', error => this.emit('error', error));
  }

  /** Connects; {@code ca} (PEM) makes it TLS, trusting that certificate. */
  static open(host, port, { pingMs = 0, ca = null } = {}) {
    return new Promise((resolve, reject) => {
      const socket = ca
        ? tls.connect({ host, port, ca: [ca], servername: net.isIP(host) ? undefined : host })
        : net.connect({ host, port });
      socket.setNoDelay(true);
      socket.once(ca ? 'secureConnect' : 'connect', () => {
        socket.removeListener('error', reject);
        resolve(new BridgeConnection(socket, pingMs));
      });
      socket.once('error', reject);
    });
  }

  /** Takes messages sent to {@code address}; {@code headers} travel with the registration only. */
  register(address, headers) {
    this.#write({ type: 'register', address, headers });
  }

  reply(replyAddress, body) {
    this.#write({ type: 'send', address: replyAddress, body });
  }

  fail(replyAddress, failureCode, message) {
    this.#write({ type: 'send', address: replyAddress, failureCode, message });
  }

  close() {
    this.socket.end();
  }

  #write(frame) {
    const json = Buffer.from(JSON.stringify(frame), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length, 0);
    this.socket.write(Buffer.concat([length, json]));
  }

  #read(chunk) {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 4) {
      const length = this.pending.readUInt32BE(0);
      if (this.pending.length < 4 + length) {
        return;
      }
      const text = this.pending.toString('utf8', 4, 4 + length);
      this.pending = this.pending.subarray(4 + length);
      let frame;
      try {
        frame = JSON.parse(text);
      } catch (e) {
        this.emit('error', new Error('bridge sent a frame that is not JSON'));
        continue;
      }
      this.emit(frame.type === 'err' ? 'refused' : frame.type, frame);
    }
  }
}
