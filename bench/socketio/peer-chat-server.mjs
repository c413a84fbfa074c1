// The comparison peer: a minimal chat on the npm socket.io 4.x server with the same /chat events as
// Gatehouse (PROTOCOLS §2), in memory: no database, no token verification (auth.token is the user id).
// Usage: node peer-chat-server.mjs [port]   (listens on 127.0.0.1; prints {"port":N})
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import http from "node:http";

const require = createRequire(new URL("../../clients/package.json", import.meta.url));
const { Server } = require("socket.io");

const chats = new Map(); // "low|high" -> chat id
const server = http.createServer();
const io = new Server(server, { maxHttpBufferSize: 65536 });
const chat = io.of("/chat");

chat.use((socket, next) => (socket.handshake.auth?.token ? next() : next(new Error("Unauthorized"))));
chat.on("connection", (socket) => {
  const userId = socket.handshake.auth.token;
  socket.join("user:" + userId);
  socket.on("start_private_chat", (arg, ack) => {
    const peer = arg?.receiver_id ?? arg?.user2_id;
    const key = [userId, peer].sort().join("|");
    let chatId = chats.get(key);
    if (!chatId) {
      chatId = randomUUID();
      chats.set(key, chatId);
    }
    chat.in(["user:" + userId, "user:" + peer]).socketsJoin(chatId);
    chat.to(chatId).emit("private_chat_room_created", { chat_id: chatId });
    ack?.({ chat_id: chatId });
  });
  socket.on("send_message", (arg, ack) => {
    if (!socket.rooms.has(arg?.chat_id)) return ack?.({ error: "not_found" });
    const message = { message_id: randomUUID(), chat_id: arg.chat_id, sender_id: userId,
      content: arg.message ?? arg.content, type: arg.type ?? "text", timestamp: new Date().toISOString() };
    chat.to(arg.chat_id).emit("receive_message", message);
    ack?.({ message_id: message.message_id });
  });
  socket.on("receive_message", (arg, ack) => {
    const answer = { message: "Message received successfully", message_id: arg?.message_id };
    socket.emit("message_received", answer);
    ack?.(answer);
  });
});
server.listen(Number(process.argv[2] ?? 0), "127.0.0.1",
  () => process.stdout.write(JSON.stringify({ port: server.address().port }) + "\n"));
