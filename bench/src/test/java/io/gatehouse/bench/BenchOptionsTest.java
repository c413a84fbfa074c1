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
}
