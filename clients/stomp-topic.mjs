// A Gatehouse topic through the real @stomp/stompjs client (WebSocket from the ws package).
// usage: node stomp-topic.mjs <ws-url> <jwt> <topic> <text-to-send> <messages-to-receive> [ack-mode]
// Subscribes to /topic/<topic> (with a receipt), then sends <text-to-send> there, prints each MESSAGE as one
// JSON line {"body","headers"}, acks it unless the mode is auto, and exits 0 after <messages-to-receive>.
import { Client } from '@stomp/stompjs';
import WebSocket from 'ws';

const [url, token, topic, text, wanted, ackMode = 'client-individual'] = process.argv.slice(2);
const destination = `/topic/${topic}`;
let received = 0;

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

client.onConnect = (connected) => {
  console.log(JSON.stringify({ connected: connected.headers }));
  const receipt = `sub-${Date.now()}`;
  client.watchForReceipt(receipt, () => {
    console.log(JSON.stringify({ subscribed: destination }));
    client.publish({ destination, body: text });
  });
  client.subscribe(destination, (message) => {
    console.log(JSON.stringify({ body: message.body, headers: message.headers }));
    if (ackMode !== 'auto') {
      message.ack();
    }
    received += 1;
    if (received >= Number(wanted)) {
      // let the last ACK leave before disconnecting
      setTimeout(() => client.deactivate().then(() => process.exit(0)), 200);
    }
  }, { ack: ackMode, receipt });
};
client.onStompError = (frame) => fail(frame.headers.message);
client.onWebSocketClose = (event) => {
  if (received < Number(wanted)) {
    fail(`closed ${event.code}`);
  }
};
client.activate();
