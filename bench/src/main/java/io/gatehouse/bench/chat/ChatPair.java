package io.gatehouse.bench.chat;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * One pair's closed loop, as chat-load.mjs runs it: the sender emits {@code send_message} whose message is
 * its send time; the receiver takes the sender's {@code receive_message}, times it, marks it seen, and the
 * sender sends the next one. Both sockets live on the same event loop, so the loop never changes threads.
 * The pair is also the waiter of every {@code send_message} ack: no allocation per ack.
 */
final class ChatPair implements AckTracker.Waiter, ChatSocket.EventListener {

  private static final long NOT_A_TIME = Long.MIN_VALUE;

  private final ChatSocket sender;
  private final ChatSocket receiver;
  private final String senderId;
  private final ChatTally tally;
  private String sendHead;
  private LoopSchedule schedule;

  ChatPair(ChatSocket sender, ChatSocket receiver, String senderId, ChatTally tally) {
    this.sender = sender;
    this.receiver = receiver;
    this.senderId = senderId;
    this.tally = tally;
  }

  /** The sender emits {@code start_private_chat} with the receiver's id; fails loudly without a chat_id. */
  Future<Void> startChat(String receiverId) {
    Promise<Void> started = Promise.promise();
    long ackId = sender.expectAck(new AckTracker.Waiter() {
      @Override
      public void acked(InboundPacket ack) {
        ChatFields fields = ack.fields();
        if (fields == null || fields.chatId() == null || fields.error()) {
          started.fail("start_private_chat answered without a chat_id: " + ack.payloadText());
        } else {
          sendHead = OutboundPackets.sendMessageHead(fields.chatId());
          started.complete();
        }
      }

      @Override
      public void failed(String reason) {
        started.fail("start_private_chat: " + reason);
      }
    }, System.nanoTime());
    sender.send(OutboundPackets.startPrivateChat(ackId, receiverId));
    return started.future();
  }

  /** Starts the loop with {@code window} sends. */
  void begin(LoopSchedule schedule, int window) {
    this.schedule = schedule;
    receiver.listen(this);
    for (int i = 0; i < window; i++) {
      send();
    }
  }

  @Override
  public void onEvent(InboundPacket event) {
    if (!event.isEvent("receive_message")) {
      return;
    }
    ChatFields message = event.fields();
    if (message == null) {
      tally.countMalformed();
      return;
    }
    if (message.pending() || !senderId.equals(message.senderId())) {
      return;
    }
    long now = System.nanoTime();
    if (schedule.measuring(now)) {
      long sent = sendTime(message.content());
      if (sent == NOT_A_TIME) {
        tally.countMalformed();
      } else {
        tally.received(now - sent);
      }
    }
    receiver.send(OutboundPackets.markSeen(message.messageId()));
    send();
  }

  @Override
  public void acked(InboundPacket ack) {
    ChatFields fields = ack.fields();
    if (fields == null || fields.error()) {
      tally.error();
    }
  }

  @Override
  public void failed(String reason) {
    tally.error();
  }

  private void send() {
    long now = System.nanoTime();
    if (schedule.stopped(now)) {
      return;
    }
    long ackId = sender.expectAck(this, now);
    sender.send(OutboundPackets.sendMessage(ackId, sendHead, now));
  }

  private static long sendTime(String content) {
    try {
      return content == null ? NOT_A_TIME : Long.parseLong(content);
    } catch (NumberFormatException e) {
      return NOT_A_TIME;
    }
  }
}
