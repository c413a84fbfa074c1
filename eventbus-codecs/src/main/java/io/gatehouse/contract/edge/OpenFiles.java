package io.gatehouse.contract.edge;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The process's open-file limit, where the platform tells it (Unix JVMs); -1 elsewhere. */
final class OpenFiles {

  private OpenFiles() {
  }

  static long limit() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return -1;
  }
}
