// An HTTP reverse proxy on 127.0.0.1 that sends each request to the next backend port in turn: a load
// balancer without sticky sessions. WebSocket upgrades are not proxied (the connection is dropped).
// Usage: node alternating-proxy.mjs <port> <port> ...; prints {"port":N} once listening.
import http from "node:http";

const backends = process.argv.slice(2).map(Number);
let next = 0;
const server = http.createServer((req, res) => {
  const port = backends[next++ % backends.length];
  const upstream = http.request({ host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers }, (reply) => {
    res.writeHead(reply.statusCode, reply.headers);
    reply.pipe(res);
  });
  upstream.on("error", () => { res.writeHead(502); res.end(); });
  req.pipe(upstream);
});
server.on("upgrade", (req, socket) => socket.destroy());
server.listen(0, "127.0.0.1", () => process.stdout.write(JSON.stringify({ port: server.address().port }) + "\n"));
