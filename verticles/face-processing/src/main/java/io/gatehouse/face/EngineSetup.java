package io.gatehouse.face;

import io.gatehouse.contract.edge.EdgeOptions;
import io.gatehouse.face.engine.FrameAnalyzer;
import io.gatehouse.face.polyglot.EngineBridge;
import io.gatehouse.face.polyglot.EngineProcesses;
import io.gatehouse.face.polyglot.EngineSecret;
import io.gatehouse.face.polyglot.PolyglotAnalyzer;
import io.gatehouse.face.polyglot.PolyglotOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The engine face-processing runs on, started and stopped as one: for {@code polyglot} the bridge, this node's
 * supervised worker processes (ready once the first has joined) and the analyzer that sends them frames; for
 * {@code local} the worker-thread engine, warmed up before serving.
 */
final class EngineSetup {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSetup.class);

  private final FrameAnalyzer analyzer;
  private final EngineBridge bridge;
  private final EngineProcesses processes;

  private EngineSetup(FrameAnalyzer analyzer, EngineBridge bridge, EngineProcesses processes) {
    this.analyzer = analyzer;
    this.bridge = bridge;
    this.processes = processes;
  }

  static Future<EngineSetup> start(Vertx vertx, FaceOptions options, EdgeOptions edge) {
    if (!options.polyglotEngine()) {
      FaceWorkers workers = new FaceWorkers(vertx, options);
      // loads the native library and cascades once before serving, so the first frame is not slow
      return workers.run(engine -> engine.getClass().getName()).map(name -> new EngineSetup(workers, null, null));
    }
    PolyglotOptions polyglot = options.polyglot();
    return vertx.executeBlocking(() -> EngineSecret.loadOrCreate(options.keyDir()))
      .compose(secret -> EngineBridge.start(vertx, polyglot, secret, edge).compose(bridge -> {
        LOG.info("face engine bridge on {}:{}", polyglot.bridgeHost(), bridge.port());
        if (polyglot.workers() == 0) {
          return Future.succeededFuture(new EngineSetup(new PolyglotAnalyzer(vertx, polyglot), bridge, null));
        }
        EngineProcesses processes = new EngineProcesses(vertx, polyglot, bridge.port(), secret.file());
        EngineSetup setup = new EngineSetup(new PolyglotAnalyzer(vertx, polyglot), bridge, processes);
        return processes.start()
          .compose(v -> bridge.awaitWorkers(1).timeout(polyglot.startTimeoutMs(), TimeUnit.MILLISECONDS))
          .map(v -> setup)
          .recover(failure -> setup.close().transform(closed -> Future.failedFuture(
            new IllegalStateException("face engine workers did not join: " + failure.getMessage(), failure))));
      }));
  }

  FrameAnalyzer analyzer() {
    return analyzer;
  }

  /** What an operator needs to see: engine type, workers connected here, local processes and their restarts. */
  JsonObject health() {
    JsonObject engine = new JsonObject().put("type", bridge == null ? FaceOptions.LOCAL : FaceOptions.POLYGLOT);
    if (bridge != null) {
      engine.put("workersConnected", bridge.workers()).put("bridgePort", bridge.port());
    }
    if (processes != null) {
      engine.put("localWorkers", processes.pids().size()).put("workerRestarts", processes.restarts());
    }
    return engine;
  }

  /** The bridge workers join (null for the local engine). */
  EngineBridge bridge() {
    return bridge;
  }

  /** Local worker processes, for operations and fault tests. */
  EngineProcesses processes() {
    return processes;
  }

  Future<Void> close() {
    Future<Void> stopped = processes == null ? Future.succeededFuture() : processes.stop();
    return stopped.eventually(() -> bridge == null ? Future.succeededFuture() : bridge.close())
      .eventually(analyzer::close);
  }
}
