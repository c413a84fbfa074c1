package io.gatehouse.node;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeConfigTest {

  @Test
  @DisplayName("the built-in defaults are the shipped conf/gatehouse.json")
  void defaultsComeFromTheShippedFile() {
    JsonObject config = NodeConfig.load(null, Map.of(), Map.of());
    assertThat(config.getJsonObject("gateway").getInteger("port")).isEqualTo(8088);
    assertThat(config.getJsonObject("node").getJsonArray("roles").getList()).containsExactly("all");
  }

  @Test
  @DisplayName("node.eventLoops: 0 means one loop per two processors, at least one; a number is taken as is")
  void eventLoops() {
    JsonObject defaults = NodeConfig.load(null, Map.of(), Map.of());
    assertThat(NodeConfig.eventLoops(defaults, 1)).isEqualTo(1);
    assertThat(NodeConfig.eventLoops(defaults, 2)).isEqualTo(1);
    assertThat(NodeConfig.eventLoops(defaults, 16)).isEqualTo(8);
    JsonObject three = NodeConfig.load(null, Map.of("GATEHOUSE_NODE_EVENTLOOPS", "3"), Map.of());
    assertThat(NodeConfig.eventLoops(three, 16)).isEqualTo(3);
    JsonObject negative = NodeConfig.load("{\"node\":{\"eventLoops\":-1}}", Map.of(), Map.of());
    assertThatThrownBy(() -> NodeConfig.eventLoops(negative, 4)).hasMessageContaining("node.eventLoops");
  }

  @Test
  @DisplayName("node.nativeTransport: on by default, off by environment, and nothing but a boolean")
  void nativeTransport() {
    assertThat(NodeConfig.nativeTransport(NodeConfig.load(null, Map.of(), Map.of()))).isTrue();
    assertThat(NodeConfig.nativeTransport(NodeConfig.load(null, Map.of("GATEHOUSE_NODE_NATIVETRANSPORT", "false"),
      Map.of()))).isFalse();
    JsonObject wrong = NodeConfig.load("{\"node\":{\"nativeTransport\":\"yes\"}}", Map.of(), Map.of());
    assertThatThrownBy(() -> NodeConfig.nativeTransport(wrong)).hasMessageContaining("node.nativeTransport");
  }

  @Test
  @DisplayName("a -conf file merges section by section over the defaults")
  void confFileMergesDeeply(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("node.json");
    Files.writeString(file, "{\"gateway\":{\"port\":9000},\"auth\":{\"argon2\":{\"iterations\":3}}}");
    JsonObject config = NodeConfig.load(file.toString(), Map.of(), Map.of());
    assertThat(config.getJsonObject("gateway").getInteger("port")).isEqualTo(9000);
    assertThat(config.getJsonObject("gateway").getString("host")).isEqualTo("0.0.0.0");
    assertThat(config.getJsonObject("auth").getJsonObject("argon2").getInteger("iterations")).isEqualTo(3);
    assertThat(config.getJsonObject("auth").getJsonObject("argon2").getInteger("memoryKib")).isEqualTo(19456);
  }

  @Test
  @DisplayName("environment variables and system properties override, typed like the default they replace")
  void environmentAndPropertiesOverride() {
    JsonObject config = NodeConfig.load("{\"gateway\":{\"port\":9000}}",
      Map.of("GATEHOUSE_GATEWAY_PORT", "9100", "GATEHOUSE_CLUSTER_MEMBERS", "10.0.0.1,10.0.0.2",
        "GATEHOUSE_AUTH_ARGON2_MEMORYKIB", "4096", "GATEHOUSE_DATABASE_EMBEDDED_PORT", "25432",
        "GATEHOUSE_NODE_ROLES", "gateway,user-auth", "PATH", "/bin"),
      Map.of("gatehouse.cluster.enabled", "true", "gatehouse.gateway.port", "9200"));
    assertThat(config.getJsonObject("gateway").getValue("port")).isEqualTo(9200);
    assertThat(config.getJsonObject("cluster").getValue("enabled")).isEqualTo(true);
    assertThat(config.getJsonObject("cluster").getValue("members")).isEqualTo("10.0.0.1,10.0.0.2");
    assertThat(config.getJsonObject("auth").getJsonObject("argon2").getValue("memoryKib")).isEqualTo(4096);
    assertThat(config.getJsonObject("database").getValue("embeddedPort")).isEqualTo(25432);
    assertThat(config.getJsonObject("node").getJsonArray("roles").getList()).containsExactly("gateway", "user-auth");
  }

  @Test
  @DisplayName("a broken config file or a non-numeric port is refused with a one-line reason")
  void badConfigIsRefusedClearly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"gateway\": {\"port\": 80,,}");
    assertThatThrownBy(() -> NodeConfig.load(file.toString(), Map.of(), Map.of()))
      .isInstanceOf(NodeConfig.ConfigException.class)
      .hasMessageContaining("broken.json is not a valid JSON object")
      .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> NodeConfig.load(dir.resolve("missing.json").toString(), Map.of(), Map.of()))
      .hasMessageContaining("cannot read config file");
    assertThatThrownBy(() -> NodeConfig.load(null, Map.of("GATEHOUSE_GATEWAY_PORT", "eighty"), Map.of()))
      .hasMessageContaining("not a number");
    assertThatThrownBy(() -> NodeConfig.load(null, Map.of("GATEHOUSE_GATEWAY_MAXCONECTIONS", "5"), Map.of()))
      .hasMessageContaining("unknown setting gateway.maxconections");
  }

  @Test
  @DisplayName("an environment variable naming no config section (GATEHOUSE_HOME) is ignored, not an error")
  void foreignEnvironmentVariablesAreIgnored() {
    JsonObject config = NodeConfig.load(null, Map.of("GATEHOUSE_HOME", "/opt/gatehouse", "GATEHOUSE_LOG_LEVEL", "debug",
      "GATEHOUSE_GATEWAY_PORT", "9100"), Map.of());
    assertThat(config.getJsonObject("gateway").getInteger("port")).isEqualTo(9100);
    assertThat(config.fieldNames()).doesNotContain("home", "log", "HOME");
    assertThat(config).isEqualTo(NodeConfig.load(null, Map.of("GATEHOUSE_GATEWAY_PORT", "9100"), Map.of()));
  }

  @Test
  @DisplayName("an unknown key in a known section stops the node and names the closest valid key")
  void unknownKeyOfKnownSectionNamesTheClosest() {
    assertThatThrownBy(() -> NodeConfig.load(null, Map.of("GATEHOUSE_GATEWAY_PROT", "9000"), Map.of()))
      .isInstanceOf(NodeConfig.ConfigException.class)
      .hasMessage("unknown setting gateway.prot; did you mean gateway.port?");
    assertThatThrownBy(() -> NodeConfig.load(null, Map.of("GATEHOUSE_DATABASE_POOL_SIZ", "4"), Map.of()))
      .hasMessage("unknown setting database.pool.siz; did you mean database.poolSize?");
    assertThatThrownBy(() -> NodeConfig.load(null, Map.of("GATEHOUSE_AUTH_ARGON2_ITERATION", "4"), Map.of()))
      .hasMessage("unknown setting auth.argon2.iteration; did you mean auth.argon2.iterations?");
    assertThatThrownBy(() -> NodeConfig.load(null, Map.of("GATEHOUSE_GATEWAY_COMPLETELYDIFFERENTTHING", "1"), Map.of()))
      .hasMessage("unknown setting gateway.completelydifferentthing (see conf/gatehouse.json for the keys)");
    assertThatThrownBy(() -> NodeConfig.load(null, Map.of(), Map.of("gatehouse.stomp.tcpprot", "1")))
      .hasMessage("unknown setting stomp.tcpprot; did you mean stomp.tcpPort?");
  }

  @Test
  @DisplayName("a section cannot be overwritten by a plain value")
  void sectionIsNotAValue() {
    assertThatThrownBy(() -> NodeConfig.load(null, Map.of("GATEHOUSE_AUTH_ARGON2", "x"), Map.of()))
      .hasMessageStartingWith("cannot override auth.argon2: it is a section");
  }

  @Test
  @DisplayName("roles parse in deployment order and unknown roles are refused")
  void rolesParse() {
    assertThat(Role.parse(java.util.List.of("gateway", "user-auth"))).containsExactly(Role.USER_AUTH, Role.GATEWAY);
    assertThatThrownBy(() -> Role.parse(java.util.List.of("gateway", "mail")))
      .hasMessageContaining("unknown role(s) [mail]");
  }
}
