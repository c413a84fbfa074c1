// A client of Vert.x's TCP event-bus bridge: frames are a 4-byte big-endian length and a UTF-8 JSON object
// ({type, address, replyAddress, headers, body}); replies are sends to the reply address a message came with.
import net from 'node:net';
import { EventEmitter } from 'node:events';

export class BridgeConnection extends EventEmitter {
  constructor(socket) {
    super();
    this.socket = socket;
    this.pending = Buffer.alloc(0);
    socket.on('data', chunk => this.#read(chunk));
    socket.on('close', () => this.emit('close'));
    socket.on('error', error => this.emit('error', error));
  }

  static open(host, port) {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      socket.setNoDelay(true);
      socket.once('connect', () => {
        socket.removeListener('error', reject);
        resolve(new BridgeConnection(socket));
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
