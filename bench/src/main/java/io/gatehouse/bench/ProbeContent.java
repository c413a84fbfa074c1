package io.gatehouse.bench;

/**
 * The {@code content} of a bench publish: {@code <run>:<System.nanoTime() at send>:<publisher>:<padding>}.
 *
 * <p>Publisher and subscribers live in one JVM, so the send time read back from a delivery gives the
 * publish → deliver latency directly. The run id tells this run's messages from older ones a durable server
 * still delivers (pending messages of reused accounts).
 */
final class ProbeContent {

  private final String runId;
  private final int payloadBytes;

  ProbeContent(String runId, int payloadBytes) {
    this.runId = runId;
    this.payloadBytes = payloadBytes;
  }

  /** The content for one publish, padded with {@code x} to the payload size when the stamp is shorter. */
  String encode(long sendNanos, int publisher) {
    StringBuilder content = new StringBuilder(Math.max(payloadBytes, 48))
      .append(runId).append(':').append(sendNanos).append(':').append(publisher).append(':');
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
    if (publisherEnd < 0) {
      return null;
    }
    try {
      long sendNanos = Long.parseLong(content, timeStart, timeEnd, 10);
      int publisher = Integer.parseInt(content, timeEnd + 1, publisherEnd, 10);
      return new Stamp(sendNanos, publisher);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** When and by whom a delivered message was published. */
  record Stamp(long sendNanos, int publisher) {
  }
}
