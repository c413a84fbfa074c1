package io.gatehouse.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Hosts for a multi-host test on one machine: network namespaces, each joined by a veth pair to one bridge
 * in the test's own namespace, on a /24 of their own. Only the namespaces, links and addresses made here are
 * used, and {@link #close()} removes them all. Needs root and iproute2.
 */
final class Netns implements AutoCloseable {

  private final String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
  private final String prefix = "10.213." + ThreadLocalRandom.current().nextInt(1, 255) + ".";
  private final String bridge = "ghbr" + tag;
  private final List<String> namespaces = new ArrayList<>();

  /** True when this process runs as root, so it may create namespaces. */
  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  Netns() {
    run("ip", "link", "add", bridge, "type", "bridge");
    run("ip", "addr", "add", prefix + "1/24", "dev", bridge);
    run("ip", "link", "set", bridge, "up");
  }

  /** Creates host number {@code host} (2..254); returns its address. */
  String addHost(String name, int host) {
    String namespace = namespace(name);
    String outside = "ghv" + tag + host;
    run("ip", "netns", "add", namespace);
    namespaces.add(namespace);
    run("ip", "link", "add", outside, "type", "veth", "peer", "name", "eth0", "netns", namespace);
    run("ip", "link", "set", outside, "master", bridge);
    run("ip", "link", "set", outside, "up");
    run("ip", "netns", "exec", namespace, "ip", "addr", "add", prefix + host + "/24", "dev", "eth0");
    run("ip", "netns", "exec", namespace, "ip", "link", "set", "eth0", "up");
    run("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
    return prefix + host;
  }

  String namespace(String name) {
    return "gh" + tag + "-" + name;
  }

  /** The command prefix that runs a program on host {@code name}. */
  List<String> exec(String name) {
    return List.of("ip", "netns", "exec", namespace(name));
  }

  /** Cuts the host off: its link goes down, so nothing reaches it and nothing leaves it. */
  void cut(String name) {
    run("ip", "netns", "exec", namespace(name), "ip", "link", "set", "eth0", "down");
  }

  void heal(String name) {
    run("ip", "netns", "exec", namespace(name), "ip", "link", "set", "eth0", "up");
  }

  @Override
  public void close() {
    for (String namespace : namespaces) {
      quietly("ip", "netns", "del", namespace);
    }
    quietly("ip", "link", "del", bridge);
  }

  static void run(String... command) {
    int code = exec(command);
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
    }
  }

  private static void quietly(String... command) {
    try {
      exec(command);
    } catch (RuntimeException ignored) {
      // cleaning up what may not exist
    }
  }

  private static int exec(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " hung");
      }
      if (process.exitValue() != 0) {
        System.err.println(String.join(" ", command) + ": " + output.strip());
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
