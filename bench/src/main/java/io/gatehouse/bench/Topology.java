package io.gatehouse.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who creates, joins and publishes to which topic.
 *
 * <p>Publisher {@code k} publishes from connection {@code k}. It owns the topics {@code t} with
 * {@code k mod topics == t mod publishers}, so every topic has at least one publisher and every publisher at
 * least one topic. A topic's members are its publishers (the protocol refuses messages from non-members and
 * delivers to the sender too) filled up to {@code subscribersPerTopic} with other connections in rotation, so
 * each publish is delivered exactly {@link #fanout(int)} times.
 */
final class Topology {

  private final String topicPrefix;
  private final int[][] membersOf;
  private final int[][] topicsOf;
  private final int[][] topicsPublishedBy;

  Topology(String topicPrefix, int connections, int topics, int subscribersPerTopic, int publishers) {
    this.topicPrefix = topicPrefix;
    this.topicsPublishedBy = new int[publishers][];
    this.membersOf = new int[topics][];
    List<List<Integer>> publishersOf = new ArrayList<>();
    for (int t = 0; t < topics; t++) {
      publishersOf.add(new ArrayList<>());
    }
    for (int k = 0; k < publishers; k++) {
      List<Integer> owned = new ArrayList<>();
      for (int t = 0; t < topics; t++) {
        if (k % topics == t % publishers) {
          owned.add(t);
          publishersOf.get(t).add(k);
        }
      }
      topicsPublishedBy[k] = toArray(owned);
    }
    int cursor = publishers % connections;
    for (int t = 0; t < topics; t++) {
      Set<Integer> members = new LinkedHashSet<>(publishersOf.get(t));
      while (members.size() < subscribersPerTopic) {
        members.add(cursor);
        cursor = (cursor + 1) % connections;
      }
      membersOf[t] = toArray(new ArrayList<>(members));
    }
    this.topicsOf = invert(membersOf, connections);
  }

  String topicName(int topic) {
    return topicPrefix + "-" + topic;
  }

  int topics() {
    return membersOf.length;
  }

  int publishers() {
    return topicsPublishedBy.length;
  }

  /** Deliveries one publish to this topic produces. */
  int fanout(int topic) {
    return membersOf[topic].length;
  }

  int[] members(int topic) {
    return membersOf[topic];
  }

  /** Topics this connection subscribes to (its publisher topics included). */
  int[] topicsOf(int connection) {
    return topicsOf[connection];
  }

  int[] topicsPublishedBy(int publisher) {
    return topicsPublishedBy[publisher];
  }

  /** The connection that creates the topic: its first publisher. */
  int creator(int topic) {
    return membersOf[topic][0];
  }

  private static int[][] invert(int[][] membersOf, int connections) {
    List<List<Integer>> topicsOf = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      topicsOf.add(new ArrayList<>());
    }
    for (int t = 0; t < membersOf.length; t++) {
      for (int member : membersOf[t]) {
        topicsOf.get(member).add(t);
      }
    }
    int[][] result = new int[connections][];
    for (int c = 0; c < connections; c++) {
      result[c] = toArray(topicsOf.get(c));
    }
    return result;
  }

  private static int[] toArray(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
