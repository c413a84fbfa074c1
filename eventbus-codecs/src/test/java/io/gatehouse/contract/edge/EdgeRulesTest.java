package io.gatehouse.contract.edge;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeRulesTest {

  @Test
  @DisplayName("no Origin, the host itself and listed Origins pass; others, and garbage, do not")
  void origins() {
    OriginPolicy policy = new OriginPolicy(List.of("https://app.example.org"));

    assertThat(policy.allows(null, "gatehouse:8089")).isTrue();
    assertThat(policy.allows("http://gatehouse:8089", "gatehouse:8089")).isTrue();
    assertThat(policy.allows("https://app.example.org", "gatehouse:8089")).isTrue();
    assertThat(policy.allows("https://evil.example", "gatehouse:8089")).isFalse();
    assertThat(policy.allows("not a uri ^", "gatehouse:8089")).isFalse();
    assertThat(new OriginPolicy(List.of("*")).allows("https://evil.example", "gatehouse:8089")).isTrue();
  }

  @Test
  @DisplayName("with a sibling port, pages the same host serves on that port pass; other hosts and ports do not")
  void siblingPorts() {
    OriginPolicy policy = new OriginPolicy(List.of(), Set.of(8088));

    assertThat(policy.allows("http://gatehouse:8088", "gatehouse:8089")).isTrue();
    assertThat(policy.allows("http://GATEHOUSE:8088", "gatehouse:8089")).isTrue();
    assertThat(policy.allows("http://[::1]:8088", "[::1]:8089")).isTrue();
    assertThat(policy.allows("http://gatehouse:8090", "gatehouse:8089")).isFalse();
    assertThat(policy.allows("http://gatehouse", "gatehouse:8089")).isFalse();
    assertThat(policy.allows("http://elsewhere:8088", "gatehouse:8089")).isFalse();
    assertThat(policy.allows("http://gatehouse:8088", null)).isFalse();
    assertThat(new OriginPolicy(List.of(), Set.of(80)).allows("http://gatehouse", "gatehouse:8089")).isTrue();
  }

  @Test
  @DisplayName("an address is admitted up to its limit, and again once one of its connections is released")
  void connectionsPerAddress() {
    ConnectionsPerAddress limit = new ConnectionsPerAddress(2);

    assertThat(limit.admit("10.0.0.1")).isTrue();
    assertThat(limit.admit("10.0.0.1")).isTrue();
    assertThat(limit.admit("10.0.0.1")).isFalse();
    assertThat(limit.admit("10.0.0.2")).isTrue();
    limit.release("10.0.0.1");
    assertThat(limit.admit("10.0.0.1")).isTrue();
    assertThat(limit.open("10.0.0.1")).isEqualTo(2);
  }
}
