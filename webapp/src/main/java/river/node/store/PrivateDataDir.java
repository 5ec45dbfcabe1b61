package river.node.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the data directory owner-only: the directory (and any folder in it) 0700, every file 0600.
 * Why: it holds token hashes, users' room signing keys and room secrets, and the process umask
 * (often 022) would leave them readable by every local user. Files are created 0600 where we create
 * them, and the whole tree is tightened at start, so a directory left with looser modes by an older
 * node or by hand is fixed too. On a file system without POSIX permissions this does nothing.
 * Symbolic links are left alone (chmod would change their target, which may be anything).
 */
public final class PrivateDataDir {
  static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateDataDir() {}

  /** Creates {@code dir} (and missing parents) if needed, then tightens it and everything in it. */
  public static void prepare(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent); // parents are not ours to restrict
      }
      if (posix(parent)) {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
      } else {
        Files.createDirectory(dir);
      }
    }
    tighten(dir);
  }

  /** Sets 0700 on {@code dir} and its folders and 0600 on every file under it. */
  public static void tighten(Path dir) throws IOException {
    if (!posix(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            restrict(d, DIR);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            if (attrs.isRegularFile()) {
              restrict(f, FILE);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
            if (Files.notExists(f, LinkOption.NOFOLLOW_LINKS)) {
              return FileVisitResult.CONTINUE; // removed while we walked (e.g. SQLite's -journal)
            }
            throw e;
          }
        });
  }

  /** The attribute that creates a file 0600 (the umask can only remove bits), or none off POSIX. */
  static FileAttribute<?>[] fileAttributes(Path dir) {
    return posix(dir)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  /**
   * Creates an empty 0600 file unless it exists, so SQLite's own files (-wal, -shm) copy that mode.
   */
  static void createFile(Path file) throws IOException {
    if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createFile(file, fileAttributes(file.toAbsolutePath().getParent()));
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // someone created it first; tighten() fixes its mode
      }
    }
  }

  private static void restrict(Path p, Set<PosixFilePermission> wanted) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return;
    }
    // Only when different: an already private file needs no write (which a read-only medium
    // refuses).
    if (!view.readAttributes().permissions().equals(wanted)) {
      try {
        view.setPermissions(wanted);
      } catch (IOException e) {
        throw new IOException(
            "cannot make "
                + p
                + " private to this user (mode "
                + PosixFilePermissions.toString(wanted)
                + "): "
                + e.getMessage(),
            e);
      }
    }
  }

  private static boolean posix(Path p) {
    return p != null
        && Files.getFileAttributeView(p, PosixFileAttributeView.class) != null
        && p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
