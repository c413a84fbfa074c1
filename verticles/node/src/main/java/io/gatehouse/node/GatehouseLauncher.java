package io.gatehouse.node;

import io.gatehouse.contract.Codecs;
import io.gatehouse.operations.MetricsSetup;
import io.gatehouse.operations.OperationsOptions;
import io.gatehouse.operations.ShutdownCoordinator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.ExitCodes;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code java -jar gatehouse.jar [VerticleClass] [-conf FILE|JSON] [--cluster]}: one node with the
 * roles of {@code node.roles} (the NodeVerticle, when the first argument is not a class name) or a single
 * verticle by class name, on the
 * configured database or an embedded PostgreSQL. {@code java -jar gatehouse.jar create-client NAME}
 * creates an API client and prints its keys.
 */
public final class GatehouseLauncher extends VertxApplication implements VertxApplicationHooks {

  private static final Logger LOG = LoggerFactory.getLogger(GatehouseLauncher.class);

  private final JsonObject config;
  private final boolean clustered;
  private final DatabaseBootstrap database = new DatabaseBootstrap();

  private GatehouseLauncher(String[] args, JsonObject config, boolean clustered) {
    super(args);
    this.config = config;
    this.clustered = clustered;
  }

  public static void main(String[] args) {
    try {
      if (args.length > 0 && "create-client".equals(args[0])) {
        System.exit(CreateClientCommand.run(Arrays.copyOfRange(args, 1, args.length)));
      }
      JsonObject config = loadConfig(args);
      boolean clustered = hasClusterFlag(args) || ClusterSetup.enabled(config);
      config.getJsonObject("cluster").put("enabled", clustered);
      String[] effective = args.length == 0 || args[0].startsWith("-") ? prepend(NodeVerticle.class.getName(), args) : args;
      new GatehouseLauncher(clustered && !hasClusterFlag(args) ? append(effective, "--cluster") : effective, config,
        clustered).launch();
    } catch (NodeConfig.ConfigException e) {
      LOG.error("gatehouse: bad configuration: {}", e.getMessage());
      System.exit(ExitCodes.USAGE);
    }
  }

  /** The merged node config for these program arguments, with {@code node.dataDir} made absolute. */
  static JsonObject loadConfig(String[] args) {
    JsonObject config = NodeConfig.load(confArgument(args), System.getenv(), System.getProperties());
    config.getJsonObject("node").put("dataDir", DatabaseBootstrap.dataDir(config).toString());
    return config;
  }

  @Override
  public JsonObject afterConfigParsed(JsonObject ignoredBecauseAlreadyMerged) {
    return config;
  }

  @Override
  public VertxBuilder createVertxBuilder(VertxOptions options) {
    options.setEventLoopPoolSize(NodeConfig.eventLoops(config, Runtime.getRuntime().availableProcessors()));
    options.setPreferNativeTransport(NodeConfig.nativeTransport(config));
    VertxBuilder builder = Vertx.builder().with(options);
    if (OperationsOptions.from(config).metricsEnabled()) {
      // metrics are part of the Vert.x instance: they must be on the options before it is built
      options.setMetricsOptions(MetricsSetup.options());
      builder.withMetrics(MetricsSetup.factory());
    }
    if (clustered) {
      options.getEventBusOptions().setHost(ClusterSetup.host(config));
      builder.withClusterManager(ClusterSetup.clusterManager(config));
    }
    return builder;
  }

  @Override
  public void afterVertxStarted(HookContext context) {
    Codecs.register(context.vertx());
    LOG.info("network transport: {}", context.vertx().isNativeTransportEnabled() ? "native epoll" : "Java NIO");
  }

  @Override
  public void afterFailureToStartVertx(HookContext context, Throwable failure) {
    LOG.error("gatehouse: cannot start Vert.x{}: {}", clustered ? " cluster" : "",
      failure == null ? "timed out" : DatabaseBootstrap.rootMessage(failure));
    exit(ExitCodes.VERTX_INITIALIZATION);
  }

  @Override
  public void beforeDeployingVerticle(HookContext context) {
    if (needsDatabase(context.mainVerticle())) {
      database.prepare(config);
      database.supervise(context.vertx(), NodeConfig.superviseIntervalMs(config));
    }
    if (context.mainVerticle() != null && !NodeVerticle.class.getName().equals(context.mainVerticle())) {
      // a verticle launched alone by class name is this node's only role (health reports just that one)
      Role.ofVerticle(context.mainVerticle()).ifPresent(role ->
        config.getJsonObject("node").put("roles", new JsonArray().add(role.roleName())));
    }
    context.deploymentOptions().setConfig(config);
  }

  @Override
  public void afterVerticleDeployed(HookContext context) {
    JsonObject gateway = config.getJsonObject("gateway", new JsonObject());
    if (NodeVerticle.class.getName().equals(context.mainVerticle()) && NodeVerticle.roles(config).contains(Role.GATEWAY)) {
      String host = "0.0.0.0".equals(gateway.getString("host")) ? "localhost" : gateway.getString("host");
      boolean tls = config.getJsonObject("edge", new JsonObject()).getJsonObject("tls", new JsonObject())
        .getBoolean("enabled", false);
      LOG.info("Gatehouse ready: {}://{}:{}/ (REST, /health), {}://{}:{}/ws (action protocol)", tls ? "https" : "http",
        host, gateway.getInteger("port"), tls ? "wss" : "ws", host, gateway.getInteger("port"));
    } else {
      LOG.info("Gatehouse ready: {}", context.mainVerticle());
    }
  }

  @Override
  public void afterFailureToDeployVerticle(HookContext context, Throwable failure) {
    LOG.error("gatehouse: failed to start: {}", failure == null ? "timed out" : DatabaseBootstrap.firstLine(failure));
    exit(ExitCodes.VERTX_DEPLOYMENT);
  }

  /**
   * SIGTERM (or Ctrl-C): before Vert.x undeploys anything, every edge says its protocol's goodbye and stops
   * accepting, then the batched writes drain, all within {@code operations.shutdownDeadlineMs}.
   */
  @Override
  public void beforeStoppingVertx(HookContext context) {
    long deadline = OperationsOptions.from(config).shutdownDeadlineMs();
    LOG.info("shutting down: saying goodbye to clients (deadline {} ms)", deadline);
    try {
      ShutdownCoordinator.of(context.vertx()).shutDown(deadline).toCompletionStage().toCompletableFuture()
        .get(deadline + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("shutting down: {}", e.getMessage());
    }
  }

  @Override
  public void afterVertxStopped(HookContext context) {
    database.close();
  }

  @Override
  public void afterFailureToStopVertx(HookContext context, Throwable failure) {
    database.close();
  }

  private void exit(int code) {
    database.close();
    Runtime.getRuntime().halt(code);
  }

  private boolean needsDatabase(String mainVerticle) {
    if (mainVerticle == null || NodeVerticle.class.getName().equals(mainVerticle)) {
      return NodeVerticle.roles(config).stream().anyMatch(Role::needsDatabase);
    }
    return Role.ofVerticle(mainVerticle).map(Role::needsDatabase).orElse(true);
  }

  static String confArgument(String[] args) {
    for (int i = 0; i < args.length - 1; i++) {
      if ("-conf".equals(args[i]) || "--conf".equals(args[i])) {
        return args[i + 1];
      }
    }
    return null;
  }

  private static boolean hasClusterFlag(String[] args) {
    return Arrays.stream(args).anyMatch(arg -> arg.equals("--cluster") || arg.equals("-cluster") || arg.equals("-c"));
  }

  private static String[] prepend(String first, String[] args) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(Arrays.asList(args));
    return all.toArray(String[]::new);
  }

  private static String[] append(String[] args, String extra) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add(extra);
    return all.toArray(String[]::new);
  }
}
