// Topic deliveries through the SockJS event-bus bridge with the real @vertx/eventbus-bridge-client.js
// (and sockjs-client).
// usage: node eventbus-topic.mjs <url> <consumer-jwt|-> <topic> <count> [<publisher-jwt|-> <text> <quiet-ms>]
// Registers for gatehouse.bridge.topic.<topic> with the consumer's JWT in the register headers ("-": none),
// then, when a publisher JWT is given, publishes <text> through the bridge on the same socket. Prints every
// delivery {"body"}, error {"error"} and publish reply {"reply"} as one JSON line. Exits 0 after <count>
// deliveries, or, with <count> 0, <quiet-ms> after the publish reply; 1 on timeout; 3 when the server closes
// the socket first (printing {"closed": true}).
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const EventBus = require('@vertx/eventbus-bridge-client.js');

const [url, consumerToken, topic, count, publisherToken, text, quietMs = '1000'] = process.argv.slice(2);
const wanted = Number(count);
const headersOf = (token) => (token && token !== '-' ? { token } : {});
const print = (line) => console.log(JSON.stringify(line));
let received = 0;

setTimeout(() => {
  print({ error: 'timeout' });
  process.exit(1);
}, 20000).unref();

const eb = new EventBus(url);
eb.enableReconnect(false);
eb.onerror = (error) => print({ error });
eb.onclose = () => {
  print({ closed: true });
  process.exit(3);
};
eb.onopen = () => {
  eb.registerHandler(`gatehouse.bridge.topic.${topic}`, headersOf(consumerToken), (error, message) => {
    if (error) {
      print({ error });
      return;
    }
    print({ body: message.body });
    received += 1;
    if (wanted > 0 && received >= wanted) {
      process.exit(0);
    }
  });
  if (publisherToken) {
    eb.send('gatehouse.bridge.publish', { topic_name: topic, content: text }, headersOf(publisherToken),
      (error, reply) => {
        print(error ? { error } : { reply: reply.body });
        if (wanted === 0) {
          setTimeout(() => process.exit(0), Number(quietMs));
        }
      });
  }
};
