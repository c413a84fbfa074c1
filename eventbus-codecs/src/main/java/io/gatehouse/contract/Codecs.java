package io.gatehouse.contract;

import io.gatehouse.contract.auth.AuthMessages;
import io.gatehouse.contract.ekyc.EkycMessages;
import io.gatehouse.contract.face.FaceMessages;
import io.gatehouse.contract.gateway.GatewayMessages;
import io.gatehouse.contract.routing.RoutingMessages;
import io.gatehouse.contract.signup.SignupMessages;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;

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
  public static List<ContractCodec<?>> all() {
    List<ContractCodec<?>> codecs = new ArrayList<>();
    AuthMessages.CODECS.forEach(codec -> codecs.add(ContractCodec.of(codec)));
    codecs.addAll(RoutingMessages.CODECS);
    codecs.addAll(GatewayMessages.CODECS);
    codecs.addAll(FaceMessages.CODECS);
    codecs.addAll(SignupMessages.CODECS);
    codecs.addAll(EkycMessages.CODECS);
    return codecs;
  }

  /**
   * Synchronized so that a verticle instance starting on another event loop never returns from here
   * before the codecs it is about to use are registered.
   */
  public static synchronized void register(Vertx vertx) {
    if (REGISTERED.putIfAbsent(vertx, Boolean.TRUE) != null) {
      return;
    }
    EventBus bus = vertx.eventBus();
    all().forEach(codec -> registerDefault(bus, codec));
  }

  private static <T> void registerDefault(EventBus bus, ContractCodec<T> codec) {
    bus.registerDefaultCodec(codec.type(), codec.codec());
  }
}
