package io.gatehouse.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyTest {

  @Test
  @DisplayName("every topic has exactly S distinct members, and each of its publishers is one of them")
  void topicsHaveFanoutAndTheirPublishersAsMembers() {
    Topology topology = new Topology("t", 100, 7, 10, 3);

    for (int t = 0; t < topology.topics(); t++) {
      assertThat(topology.fanout(t)).isEqualTo(10);
      assertThat(Arrays.stream(topology.members(t)).distinct().count()).isEqualTo(10);
    }
    for (int k = 0; k < topology.publishers(); k++) {
      for (int t : topology.topicsPublishedBy(k)) {
        assertThat(topology.members(t)).contains(k);
        assertThat(topology.topicsOf(k)).contains(t);
      }
    }
  }

  @Test
  @DisplayName("publishers split the topics between them when there are fewer publishers than topics")
  void fewerPublishersThanTopics() {
    Topology topology = new Topology("t", 20, 6, 5, 2);

    assertThat(topology.topicsPublishedBy(0)).containsExactly(0, 2, 4);
    assertThat(topology.topicsPublishedBy(1)).containsExactly(1, 3, 5);
  }

  @Test
  @DisplayName("several publishers share a topic when there are more publishers than topics")
  void morePublishersThanTopics() {
    Topology topology = new Topology("t", 1000, 1, 1000, 10);

    for (int k = 0; k < 10; k++) {
      assertThat(topology.topicsPublishedBy(k)).containsExactly(0);
    }
    assertThat(topology.fanout(0)).isEqualTo(1000);
    assertThat(topology.creator(0)).isZero();
  }

  @Test
  @DisplayName("1000 topics x 10 subscribers with a publisher per topic gives each of 10 000 connections one topic")
  void spreadsSubscriptionsEvenly() {
    Topology topology = new Topology("t", 10_000, 1000, 10, 1000);

    Set<Integer> seen = new HashSet<>();
    for (int c = 0; c < 10_000; c++) {
      assertThat(topology.topicsOf(c)).hasSize(1);
      seen.add(topology.topicsOf(c)[0]);
    }
    assertThat(seen).hasSize(1000);
    assertThat(topology.topicName(3)).isEqualTo("t-3");
  }

  @Test
  @DisplayName("a publisher with several topics is a member of each, so fewer connections are needed to fill them")
  void publisherOfSeveralTopicsJoinsEach() {
    Topology topology = new Topology("t", 10_000, 1000, 10, 100);

    assertThat(topology.topicsOf(0)).hasSize(10);
    assertThat(topology.topicsOf(100)).hasSize(1);
    assertThat(topology.topicsOf(9_999)).isEmpty();
  }
}
