package io.gatehouse.gateway.face;

import io.gatehouse.gateway.NodeClients;
import io.vertx.core.json.JsonObject;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Runs seed 002's own decryption snippets (node's crypto, Debian python3-cryptography) on a payload. */
final class SeedDecryption {

  private SeedDecryption() {
  }

  static JsonObject withNode(String payload, String secret) {
    return run("node", script("decrypt.cjs"), payload, secret);
  }

  static JsonObject withPython(String payload, String secret) {
    return run("/usr/bin/python3", script("decrypt.py"), payload, secret);
  }

  private static JsonObject run(String program, Path script, String payload, String secret) {
    NodeClients.Run run = NodeClients.run(script.getParent(), 60, program, script.toString(), payload, secret);
    if (run.status() != 0) {
      throw new AssertionError(program + " could not decrypt: " + run.stderr());
    }
    return new JsonObject(run.stdout().trim());
  }

  private static Path script(String name) {
    try {
      return Path.of(SeedDecryption.class.getResource("/seed002/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
