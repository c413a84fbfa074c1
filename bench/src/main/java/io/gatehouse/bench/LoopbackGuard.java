package io.gatehouse.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Load is only ever aimed at this machine: a URL whose host is not a loopback address is refused. */
public final class LoopbackGuard {

  private LoopbackGuard() {
  }

  public static void requireLoopback(URI url) {
    String host = url.getHost();
    if (host == null) {
      throw new IllegalArgumentException("--url needs a host, as in " + BenchOptions.DEFAULT_URL);
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          throw new IllegalArgumentException("--url " + url + " is not a loopback address; the bench only loads this machine");
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--url host " + host + " does not resolve");
    }
  }
}
