// Headers and binary bodies through the real @stomp/stompjs client (WebSocket from the ws package).
// usage: node stomp-bytes.mjs <ws-url> <jwt> <topic>
// Subscribes to /topic/<topic> (with a receipt), publishes a JSON text body with user headers and a binary
// body holding NUL and non-UTF-8 bytes, and prints each MESSAGE as one JSON line {"headers","hex"}.
// Exits 0 after both came back.
import { Client } from '@stomp/stompjs';
import WebSocket from 'ws';

const [url, token, topic] = process.argv.slice(2);
const destination = `/topic/${topic}`;
const received = [];

const client = new Client({
  webSocketFactory: () => new WebSocket(url, ['v12.stomp']),
  connectHeaders: { passcode: token },
  reconnectDelay: 0,
  heartbeatIncoming: 0,
  heartbeatOutgoing: 0,
});

const fail = (why) => {
  console.log(JSON.stringify({ error: why }));
  process.exit(1);
};
setTimeout(() => fail('timeout'), 20000).unref();

client.onConnect = () => {
  const receipt = `sub-${Date.now()}`;
  client.watchForReceipt(receipt, () => {
    client.publish({ destination, body: '{"n":1}', headers: { 'content-type': 'application/json', 'x-trace': 'a:b' } });
    client.publish({ destination, binaryBody: new Uint8Array([0, 1, 0xff, 0xfe, 0]),
      headers: { 'content-type': 'application/octet-stream' } });
  });
  client.subscribe(destination, (message) => {
    console.log(JSON.stringify({ headers: message.headers, hex: Buffer.from(message.binaryBody).toString('hex') }));
    received.push(message);
    if (received.length === 2) {
      client.deactivate().then(() => process.exit(0));
    }
  }, { receipt });
};
client.onStompError = (frame) => fail(frame.headers.message);
client.activate();
