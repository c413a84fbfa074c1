package io.gatehouse.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

  @Test
  @DisplayName("no arguments give a Gatehouse run on the local gateway with the documented defaults")
  void defaults() {
    BenchOptions options = BenchOptions.parse();

    assertThat(options.target()).isEqualTo(Target.GATEHOUSE);
    assertThat(options.url()).hasToString("ws://127.0.0.1:8088");
    assertThat(options.connections()).isEqualTo(BenchOptions.DEFAULT_CONNECTIONS);
    assertThat(options.rate()).isZero();
    assertThat(options.idle()).isFalse();
    assertThat(options.out().toString()).startsWith(Path.of("bench", "results", "gatehouse-").toString()).endsWith(".json");
    assertThat(options.socketPath("tok")).isEqualTo("/ws/tok");
  }

  @Test
  @DisplayName("every --key value pair and the --idle flag land in the options record")
  void parsesEveryOption() {
    BenchOptions options = BenchOptions.parse("--target", "raw", "--url", "ws://localhost:9000/socket",
      "--connections", "500", "--topics", "5", "--subscribers-per-topic", "50", "--publishers", "3",
      "--rate", "1000", "--duration", "7", "--warmup", "1", "--out", "x/y.json", "--idle", "--server-pid", "42",
      "--user-prefix", "load", "--window", "4", "--handshakes", "10", "--payload-bytes", "128");

    assertThat(options.target()).isEqualTo(Target.RAW);
    assertThat(options.host()).isEqualTo("localhost");
    assertThat(options.port()).isEqualTo(9000);
    assertThat(options.socketPath("abc")).isEqualTo("/socket/abc");
    assertThat(options.connections()).isEqualTo(500);
    assertThat(options.topics()).isEqualTo(5);
    assertThat(options.subscribersPerTopic()).isEqualTo(50);
    assertThat(options.publishers()).isEqualTo(3);
    assertThat(options.rate()).isEqualTo(1000);
    assertThat(options.durationSeconds()).isEqualTo(7);
    assertThat(options.warmupSeconds()).isEqualTo(1);
    assertThat(options.out()).isEqualTo(Path.of("x/y.json"));
    assertThat(options.idle()).isTrue();
    assertThat(options.serverPid()).isEqualTo(42);
    assertThat(options.userPrefix()).isEqualTo("load");
    assertThat(options.window()).isEqualTo(4);
    assertThat(options.handshakes()).isEqualTo(10);
    assertThat(options.payloadBytes()).isEqualTo(128);
  }

  @Test
  @DisplayName("unknown options, missing values and non-numbers are refused with the option named")
  void refusesMalformedArguments() {
    assertThatThrownBy(() -> BenchOptions.parse("--conections", "5")).hasMessageContaining("--conections");
    assertThatThrownBy(() -> BenchOptions.parse("--rate")).hasMessageContaining("--rate needs a value");
    assertThatThrownBy(() -> BenchOptions.parse("--topics", "many")).hasMessageContaining("--topics");
    assertThatThrownBy(() -> BenchOptions.parse("connections", "5")).hasMessageContaining("expected --key");
    assertThatThrownBy(() -> BenchOptions.parse("--target", "kafka")).hasMessageContaining("gatehouse or raw");
  }

  @Test
  @DisplayName("a topology that cannot exist is refused before anything connects")
  void refusesImpossibleTopology() {
    assertThatThrownBy(() -> BenchOptions.parse("--connections", "10", "--subscribers-per-topic", "11"))
      .hasMessageContaining("--subscribers-per-topic (11) cannot exceed --connections (10)");
    assertThatThrownBy(() -> BenchOptions.parse("--connections", "10", "--publishers", "11"))
      .hasMessageContaining("--publishers");
    assertThatThrownBy(() -> BenchOptions.parse("--duration", "0")).hasMessageContaining("--duration");
  }

  @Test
  @DisplayName("load is only ever aimed at a loopback address")
  void refusesNonLoopbackTargets() {
    assertThatThrownBy(() -> BenchOptions.parse("--url", "ws://10.1.2.3:8088"))
      .hasMessageContaining("not a loopback address");
    assertThat(BenchOptions.parse("--url", "ws://127.0.0.2:8088").host()).isEqualTo("127.0.0.2");
  }

  @Test
  @DisplayName("a private network named with --allow-network may be loaded too, and nothing outside it")
  void allowsANamedPrivateNetwork() {
    BenchOptions options = BenchOptions.parse("--url", "ws://10.213.7.11:8088", "--allow-network", "10.213.7.0/24");
    assertThat(options.host()).isEqualTo("10.213.7.11");
    assertThat(options.allowNetwork()).isEqualTo("10.213.7.0/24");
    assertThat(BenchOptions.parse("--url", "ws://127.0.0.1:8088", "--allow-network", "10.213.7.0/24").port())
      .isEqualTo(8088);

    assertThatThrownBy(() -> BenchOptions.parse("--url", "ws://10.213.8.11:8088", "--allow-network", "10.213.7.0/24"))
      .hasMessageContaining("nor in --allow-network 10.213.7.0/24");
    assertThatThrownBy(() -> BenchOptions.parse("--url", "ws://8.8.8.8:8088", "--allow-network", "8.8.8.0/24"))
      .hasMessageContaining("not a private (RFC 1918) network");
    assertThatThrownBy(() -> BenchOptions.parse("--url", "ws://10.1.2.3:8088", "--allow-network", "10.0.0.0/8"))
      .hasMessageContaining("wider than a /16");
    assertThatThrownBy(() -> BenchOptions.parse("--allow-network", "10.213.7.0")).hasMessageContaining("prefix length");
    assertThatThrownBy(() -> BenchOptions.parse("--allow-network", "bench.example/24"))
      .hasMessageContaining("not an IPv4 network");
    assertThatThrownBy(() -> BenchOptions.parse("--allow-network", "10.213.7.0/40")).hasMessageContaining("0 to 32");
  }

  @Test
  @DisplayName("--messages is shared evenly over the publishers and refuses a warmup, which it would not count")
  void messagesAreShared() {
    BenchOptions options = BenchOptions.parse("--connections", "10", "--publishers", "3", "--messages", "2000",
      "--warmup", "0");
    assertThat(options.messagesOf(0) + options.messagesOf(1) + options.messagesOf(2)).isEqualTo(2000);
    assertThat(options.messagesOf(0)).isEqualTo(667);
    assertThat(options.messagesOf(2)).isEqualTo(666);

    assertThatThrownBy(() -> BenchOptions.parse("--messages", "100")).hasMessageContaining("--warmup 0");
    assertThatThrownBy(() -> BenchOptions.parse("--messages", "-1", "--warmup", "0")).hasMessageContaining("--messages");
  }

  @Test
  @DisplayName("several comma-separated URLs spread the connections over the nodes in turn; each must be allowed")
  void spreadsConnectionsOverNodes() {
    BenchOptions options = BenchOptions.parse("--url", "ws://10.213.7.11:8088, ws://10.213.7.12:8088,ws://10.213.7.13:8088",
      "--allow-network", "10.213.7.0/24");

    assertThat(options.url()).hasToString("ws://10.213.7.11:8088");
    assertThat(options.urlOf(0)).hasToString("ws://10.213.7.11:8088");
    assertThat(options.urlOf(4)).hasToString("ws://10.213.7.12:8088");
    assertThat(options.urlOf(5)).hasToString("ws://10.213.7.13:8088");
    assertThatThrownBy(() -> BenchOptions.parse("--url", "ws://127.0.0.1:8088,ws://192.168.1.1:8088"))
      .hasMessageContaining("192.168.1.1");
  }
}
