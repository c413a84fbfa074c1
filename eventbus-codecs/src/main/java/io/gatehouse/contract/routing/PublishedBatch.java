package io.gatehouse.contract.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.WireReader;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a {@link PublishBatch}: one outcome per admitted entry, in the batch's order, then
 * {@code deferred} entries (the batch's last ones) that the sender's message quota did not admit yet. Those
 * were not appended; the sender may send them again after {@code retryAfterMs} (0 when none were deferred).
 */
public record PublishedBatch(List<Outcome> outcomes, int deferred, long retryAfterMs) {

  /** A committed entry ({@code published}), or a refused one: its failure code and machine reason. */
  public record Outcome(Published published, FailureCode code, String reason) {

    public static Outcome committed(Published published) {
      return new Outcome(published, null, null);
    }

    /** The service failure's code and reason (a bus or unexpected failure becomes unavailable or internal). */
    public static Outcome refused(Throwable failure) {
      return new Outcome(null, ServiceFailure.codeOf(failure), ServiceFailure.reasonOf(failure));
    }

    /** As the reply to a single {@link Publish} would have been. */
    public Future<Published> toFuture() {
      return published != null ? Future.succeededFuture(published) : ServiceFailure.fail(code, reason);
    }
  }

  public PublishedBatch {
    outcomes = List.copyOf(outcomes);
    if (deferred < 0 || retryAfterMs < 0) {
      throw new IllegalArgumentException("deferred and retryAfterMs must not be negative");
    }
  }

  public void writeTo(Buffer out) {
    out.appendInt(outcomes.size());
    for (Outcome outcome : outcomes) {
      if (outcome.published() != null) {
        out.appendByte((byte) 1);
        outcome.published().writeTo(out);
      } else {
        out.appendByte((byte) 0);
        out.appendInt(outcome.code().value());
        WireReader.writeString(out, outcome.reason());
      }
    }
    out.appendInt(deferred).appendLong(retryAfterMs);
  }

  public static PublishedBatch readFrom(WireReader in) {
    int count = in.readInt();
    List<Outcome> outcomes = new ArrayList<>(Math.min(count, 4096));
    for (int i = 0; i < count; i++) {
      outcomes.add(in.readBoolean() ? Outcome.committed(Published.readFrom(in))
        : new Outcome(null, FailureCode.fromValue(in.readInt()), in.readString()));
    }
    return new PublishedBatch(outcomes, in.readInt(), in.readLong());
  }
}
