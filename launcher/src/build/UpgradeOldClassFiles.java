import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build step of the fat jar, run by {@code launcher/pom.xml} on JDK 25+ as a single-file program, after the shade
 * and before the AOT cache is trained: rewrites every class file older than Java 6 (major version below 50) as a Java
 * 8 class file with stack maps, in place in the jar.
 *
 * <p>The JDK's AOT cache does not link classes of the old format, so a start read, verified and linked each of them
 * from the jar again. In our jar they are picocli's, the Vert.x launcher's command-line parser, about 165 of them on
 * every start (docs/performance.md, round 9). The code of each method is kept; the JDK's class-file API only adds the
 * stack maps that the newer format requires. Each rewritten class is run through the JDK's verifier here, and the
 * build fails if one does not pass.
 *
 * <p>{@code java launcher/src/build/UpgradeOldClassFiles.java JAR}
 */
public final class UpgradeOldClassFiles {
  private static final int FIRST_MODERN_MAJOR = 50;
  private static final int TARGET_MAJOR = 52;

  private UpgradeOldClassFiles() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java UpgradeOldClassFiles.java JAR");
      System.exit(2);
    }
    Path jarFile = Path.of(args[0]);
    try (FileSystem jar = FileSystems.newFileSystem(jarFile)) {
      ClassFile classFiles = ClassFile.of(
        ClassFile.ClassHierarchyResolverOption.of(
          ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(
            (ClassDesc type) -> open(jar, type))).cached()),
        ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
      int upgraded = 0;
      for (Path file : classFiles(jar)) {
        byte[] bytes = Files.readAllBytes(file);
        ClassModel model = classFiles.parse(bytes);
        if (model.majorVersion() >= FIRST_MODERN_MAJOR) {
          continue;
        }
        byte[] rewritten = classFiles.transformClass(model,
          ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL).andThen((builder, element) -> {
            if (element instanceof ClassFileVersion) {
              builder.withVersion(TARGET_MAJOR, 0);
            } else {
              builder.with(element);
            }
          }));
        List<VerifyError> errors = classFiles.verify(rewritten);
        if (!errors.isEmpty()) {
          throw new IllegalStateException(file + " does not verify once upgraded: " + errors.getFirst().getMessage());
        }
        Files.write(file, rewritten);
        upgraded++;
      }
      System.out.println("UpgradeOldClassFiles: " + upgraded + " class files older than Java 6 rewritten as Java 8 in "
        + jarFile.getFileName());
    }
  }

  /** The jar's class files, but not the versioned ones of a multi-release jar (no old format there). */
  private static List<Path> classFiles(FileSystem jar) throws IOException {
    try (Stream<Path> all = Files.walk(jar.getPath("/"))) {
      return all.filter(file -> file.toString().endsWith(".class"))
        .filter(file -> !file.startsWith(jar.getPath("/META-INF")))
        .toList();
    }
  }

  /** A class of the jar, for the stack maps' type merges; null for a class the jar does not hold. */
  private static InputStream open(FileSystem jar, ClassDesc type) {
    String descriptor = type.descriptorString();
    Path file = jar.getPath("/" + descriptor.substring(1, descriptor.length() - 1) + ".class");
    try {
      return Files.exists(file) ? Files.newInputStream(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
