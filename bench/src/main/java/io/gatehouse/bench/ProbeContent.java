package io.gatehouse.bench;

/**
 * The {@code content} of a bench publish: {@code <run>:<System.nanoTime() at send>:<publisher>:<slot>:<padding>}.
 *
 * <p>Publisher and subscribers live in one JVM, so the send time read back from a delivery gives the
 * publish → deliver latency directly; the publisher and its window slot say whose in-flight message the
 * delivery completes. The run id tells this run's messages from older ones a durable server still delivers
 * (pending messages of reused accounts).
 */
final class ProbeContent {

  private final String runId;
  private final int payloadBytes;

  ProbeContent(String runId, int payloadBytes) {
    this.runId = runId;
    this.payloadBytes = payloadBytes;
  }

  /** The content for one publish, padded with {@code x} to the payload size when the stamp is shorter. */
  String encode(Stamp stamp) {
    StringBuilder content = new StringBuilder(Math.max(payloadBytes, 48))
      .append(runId).append(':').append(stamp.sendNanos()).append(':').append(stamp.publisher())
      .append(':').append(stamp.slot()).append(':');
    while (content.length() < payloadBytes) {
      content.append('x');
    }
    return content.toString();
  }

  /** What a delivery's content says about the publish, or null when it is not from this run. */
  Stamp decode(String content) {
    if (content == null || !content.startsWith(runId) || content.length() <= runId.length()
      || content.charAt(runId.length()) != ':') {
      return null;
    }
    int timeStart = runId.length() + 1;
    int timeEnd = content.indexOf(':', timeStart);
    int publisherEnd = timeEnd < 0 ? -1 : content.indexOf(':', timeEnd + 1);
    int slotEnd = publisherEnd < 0 ? -1 : content.indexOf(':', publisherEnd + 1);
    if (slotEnd < 0) {
      return null;
    }
    try {
      return new Stamp(Long.parseLong(content, timeStart, timeEnd, 10),
        Integer.parseInt(content, timeEnd + 1, publisherEnd, 10),
        Integer.parseInt(content, publisherEnd + 1, slotEnd, 10));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** When and by whom a message was published, and which of the publisher's window slots it holds. */
  record Stamp(long sendNanos, int publisher, int slot) {
  }
}
