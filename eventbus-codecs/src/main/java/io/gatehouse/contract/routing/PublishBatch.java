package io.gatehouse.contract.routing;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;

/**
 * One connection's publishes, all from one sender, appended by one routing instance in this order and
 * committed together (several to a transaction). The sender's per-user message quota admits a prefix of
 * them; the reply, {@link PublishedBatch}, answers that prefix entry by entry and says how many entries were
 * deferred and when to send them again. Fails BAD_REQUEST {@code invalid_request} when empty, larger than
 * {@link #MAX_ENTRIES}, or from more than one sender.
 */
public record PublishBatch(List<Publish> publishes) {

  /** The most entries one batch may hold (the log cuts them into transactions of {@code routing.maxBatch}). */
  public static final int MAX_ENTRIES = 4096;

  public PublishBatch {
    publishes = List.copyOf(publishes);
  }

  public void writeTo(Buffer out) {
    out.appendInt(publishes.size());
    publishes.forEach(publish -> publish.writeTo(out));
  }

  public static PublishBatch readFrom(WireReader in) {
    int count = in.readInt();
    List<Publish> publishes = new ArrayList<>(Math.min(count, MAX_ENTRIES));
    for (int i = 0; i < count; i++) {
      publishes.add(Publish.readFrom(in));
    }
    return new PublishBatch(publishes);
  }
}
