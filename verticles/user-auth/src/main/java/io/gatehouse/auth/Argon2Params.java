package io.gatehouse.auth;

import io.vertx.core.json.JsonObject;

/** Argon2id cost parameters: memory in KiB, passes over memory, lanes. */
public record Argon2Params(int memoryKib, int iterations, int parallelism) {

  public static final int DEFAULT_MEMORY_KIB = 19_456;
  public static final int DEFAULT_ITERATIONS = 2;
  public static final int DEFAULT_PARALLELISM = 1;

  public Argon2Params {
    if (parallelism < 1 || iterations < 1 || memoryKib < 8 * parallelism) {
      throw new IllegalArgumentException("argon2 needs parallelism >= 1, iterations >= 1, memoryKib >= 8 * parallelism");
    }
  }

  public static Argon2Params from(JsonObject json) {
    return new Argon2Params(
      json.getInteger("memoryKib", DEFAULT_MEMORY_KIB),
      json.getInteger("iterations", DEFAULT_ITERATIONS),
      json.getInteger("parallelism", DEFAULT_PARALLELISM));
  }
}
