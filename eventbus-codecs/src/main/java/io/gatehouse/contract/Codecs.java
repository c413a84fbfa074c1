package io.gatehouse.contract;

import io.gatehouse.contract.auth.AuthMessages;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/** Registers every contract codec on a Vert.x instance, once, however often it is called. */
public final class Codecs {

  private static final Map<Vertx, Boolean> REGISTERED = Collections.synchronizedMap(new WeakHashMap<>());

  private Codecs() {
  }

  /** All codecs of the contract, one entry per message record. */
  public static List<JsonRecordCodec<?>> all() {
    List<JsonRecordCodec<?>> codecs = new ArrayList<>(AuthMessages.CODECS);
    return codecs;
  }

  public static void register(Vertx vertx) {
    if (REGISTERED.putIfAbsent(vertx, Boolean.TRUE) != null) {
      return;
    }
    EventBus bus = vertx.eventBus();
    all().forEach(codec -> registerDefault(bus, codec));
  }

  private static <T> void registerDefault(EventBus bus, JsonRecordCodec<T> codec) {
    bus.registerDefaultCodec(codec.type(), (MessageCodec<T, ?>) codec);
  }
}
