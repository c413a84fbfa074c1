package io.gatehouse.face;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Secret files in the key directory: created once, owner-only, whole or not at all, even when instances race. */
public final class KeyFiles {

  private KeyFiles() {
  }

  /** Blocking file I/O: writes {@code content} to {@code dir/name} unless that file exists; returns its path. */
  public static Path createOnce(Path dir, String name, byte[] content) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    if (Files.exists(file)) {
      return file;
    }
    Path temp = Files.createTempFile(dir, name, ".tmp");
    try {
      if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.write(temp, content);
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException raced) {
      // another instance created it first: use theirs
    } finally {
      Files.deleteIfExists(temp);
    }
    return file;
  }
}
