package io.gatehouse.bench;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Load is only ever aimed at this machine: a URL whose host is not a loopback address is refused, unless the
 * run names a private network of its own ({@code --allow-network}, such as the /24 of the network namespaces
 * that {@code scripts/bench netns} creates on this machine). Only RFC 1918 networks of at least a /16 prefix
 * may be named, so no public address and no wide private range can be allowed by accident.
 */
public final class LoopbackGuard {

  static final int NARROWEST_ALLOWED_PREFIX = 16;

  private static final String[] PRIVATE_NETWORKS = {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"};

  private LoopbackGuard() {
  }

  public static void requireLoopback(URI url) {
    requireAllowed(url, null);
  }

  /** Refuses {@code url} unless every address of its host is loopback or inside {@code allowedNetwork} (nullable). */
  public static void requireAllowed(URI url, String allowedNetwork) {
    String host = url.getHost();
    if (host == null) {
      throw new IllegalArgumentException("--url needs a host, as in " + BenchOptions.DEFAULT_URL);
    }
    if (allowedNetwork != null) {
      requirePrivateNetwork(allowedNetwork);
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress() && (allowedNetwork == null || !contains(allowedNetwork, address))) {
          throw new IllegalArgumentException("--url " + url + " is not a loopback address"
            + (allowedNetwork == null ? "" : " nor in --allow-network " + allowedNetwork)
            + "; the bench only loads this machine");
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--url host " + host + " does not resolve");
    }
  }

  /** An IPv4 network in CIDR form, inside one of the RFC 1918 ranges, with a prefix of /16 or longer. */
  static void requirePrivateNetwork(String cidr) {
    int prefix = prefixOf(cidr);
    if (prefix < NARROWEST_ALLOWED_PREFIX) {
      throw new IllegalArgumentException("--allow-network " + cidr + " is wider than a /" + NARROWEST_ALLOWED_PREFIX);
    }
    InetAddress base = baseOf(cidr);
    for (String network : PRIVATE_NETWORKS) {
      if (contains(network, base)) {
        return;
      }
    }
    throw new IllegalArgumentException("--allow-network " + cidr + " is not a private (RFC 1918) network");
  }

  static boolean contains(String cidr, InetAddress address) {
    if (!(address instanceof Inet4Address)) {
      return false;
    }
    int prefix = prefixOf(cidr);
    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
    return (toInt(baseOf(cidr)) & mask) == (toInt(address) & mask);
  }

  private static int prefixOf(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("--allow-network " + cidr + " needs a prefix length, as in 10.213.7.0/24");
    }
    try {
      int prefix = Integer.parseInt(cidr.substring(slash + 1));
      if (prefix < 0 || prefix > 32) {
        throw new IllegalArgumentException("--allow-network " + cidr + ": the prefix length must be 0 to 32");
      }
      return prefix;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--allow-network " + cidr + ": the prefix length is not a number");
    }
  }

  private static InetAddress baseOf(String cidr) {
    String base = cidr.substring(0, cidr.indexOf('/'));
    if (!base.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new IllegalArgumentException("--allow-network " + cidr + " is not an IPv4 network");
    }
    try {
      return InetAddress.getByName(base); // a literal: no name lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--allow-network " + cidr + " is not an IPv4 network");
    }
  }

  private static int toInt(InetAddress address) {
    byte[] bytes = address.getAddress();
    return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
  }
}
