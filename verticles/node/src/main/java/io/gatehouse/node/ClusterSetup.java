package io.gatehouse.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.XmlConfigBuilder;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Builds the Hazelcast cluster manager from {@code cluster.xml} (the file named by
 * {@code -Dvertx.hazelcast.config}, else {@code ./cluster.xml}, else the copy in the jar) with the
 * {@code cluster} config section filled into its placeholders.
 */
public final class ClusterSetup {

  private ClusterSetup() {
  }

  public static boolean enabled(JsonObject config) {
    return config.getJsonObject("cluster", new JsonObject()).getBoolean("enabled", false);
  }

  public static String host(JsonObject config) {
    return config.getJsonObject("cluster", new JsonObject()).getString("host", "127.0.0.1");
  }

  public static ClusterManager clusterManager(JsonObject config) {
    return new HazelcastClusterManager(hazelcastConfig(config));
  }

  static Config hazelcastConfig(JsonObject config) {
    JsonObject cluster = config.getJsonObject("cluster", new JsonObject());
    Properties properties = new Properties();
    properties.setProperty("gatehouse.cluster.name", cluster.getString("name", "gatehouse"));
    properties.setProperty("gatehouse.cluster.host", cluster.getString("host", "127.0.0.1"));
    properties.setProperty("gatehouse.cluster.port", String.valueOf(cluster.getInteger("port", 5701)));
    properties.setProperty("gatehouse.cluster.members", members(cluster));
    try (InputStream xml = open()) {
      return new XmlConfigBuilder(xml).setProperties(properties).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String members(JsonObject cluster) {
    Object members = cluster.getValue("members", "127.0.0.1");
    if (members instanceof io.vertx.core.json.JsonArray array) {
      return String.join(",", array.stream().map(String::valueOf).toList());
    }
    return String.valueOf(members);
  }

  private static InputStream open() throws IOException {
    String configured = System.getProperty("vertx.hazelcast.config");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return new FileInputStream(configured);
    }
    if (Files.isRegularFile(Path.of("cluster.xml"))) {
      return new FileInputStream("cluster.xml");
    }
    InputStream bundled = ClusterSetup.class.getResourceAsStream("/cluster.xml");
    if (bundled == null) {
      throw new IllegalStateException("cluster.xml missing from the jar");
    }
    return bundled;
  }
}
