package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The seqs of a topic a user acknowledged individually that lie beyond its cursor, ascending. */
public record AckedAhead(long topicId, List<Long> seqs) {

  public AckedAhead {
    seqs = List.copyOf(seqs);
  }

  public JsonObject toJson() {
    return new JsonObject().put("topicId", topicId).put("seqs", new JsonArray(seqs));
  }

  public static AckedAhead fromJson(JsonObject json) {
    return new AckedAhead(json.getLong("topicId"),
      json.getJsonArray("seqs").stream().map(seq -> ((Number) seq).longValue()).toList());
  }
}
