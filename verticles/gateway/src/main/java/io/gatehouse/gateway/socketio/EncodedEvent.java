package io.gatehouse.gateway.socketio;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;

/**
 * An event's {@code [name, argument]} array, JSON-encoded once, for an event that goes to several sockets
 * (a chat message reaches both members' sockets): each of them sends the same text.
 */
public record EncodedEvent(String json) {

  public static EncodedEvent of(String name, Object argument) {
    return new EncodedEvent(Json.encode(new JsonArray().add(name).add(argument)));
  }
}
