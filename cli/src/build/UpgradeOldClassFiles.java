import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.DiscontinuedInstruction;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Build step, run on the shaded jar with JDK 24 or newer (java.lang.classfile): rewrites class
 * files older than Java 6 (major version 50) as Java 8 class files with stack map frames.
 *
 * <p>Why: the JDK's ahead-of-time cache (JEP 483), which the launcher uses to start jcompose
 * quickly, cannot hold classes that old; they are loaded, verified by the old inference verifier
 * and linked again on every run. picocli is compiled for Java 5, and its ~230 classes cost
 * jcompose about 25 ms per command that way. The rewrite changes no instruction: it sets the
 * version and adds the frames the type-checking verifier needs, which the JVM still checks on
 * load. Classes using {@code jsr}/{@code ret} (not allowed after Java 6) are left as they are.
 *
 * <p>Usage: {@code java UpgradeOldClassFiles.java JAR}; the jar is replaced in place.
 */
public final class UpgradeOldClassFiles {

    private static final int OLDEST_CACHEABLE = ClassFile.JAVA_6_VERSION;

    private UpgradeOldClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java UpgradeOldClassFiles.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path out = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        int kept = 0;
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                JarFile in = new JarFile(jar.toFile(), false);
                OutputStream file = Files.newOutputStream(out);
                JarOutputStream target = new JarOutputStream(file)) {
            ClassFile classFile = ClassFile.of(
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(
                            ClassHierarchyResolver.ofResourceParsing(classes)
                                    .orElse(ClassHierarchyResolver.defaultResolver())));
            for (JarEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < OLDEST_CACHEABLE) {
                    ClassModel model = classFile.parse(bytes);
                    if (usesSubroutines(model)) {
                        kept++;
                    } else {
                        bytes = upgrade(classFile, model);
                        upgraded++;
                    }
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                target.putNextEntry(copy);
                target.write(bytes);
                target.closeEntry();
            }
        }
        Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%s: %d class files upgraded to Java 8 with stack maps%s%n",
                jar.getFileName(), upgraded, kept == 0 ? "" : ", " + kept + " kept (jsr/ret)");
    }

    private static int majorVersion(byte[] classBytes) {
        return ((classBytes[6] & 0xff) << 8) | (classBytes[7] & 0xff);
    }

    private static boolean usesSubroutines(ClassModel model) {
        for (MethodModel method : model.methods()) {
            boolean found = method.code().map(code -> code.elementStream()
                    .anyMatch(e -> e instanceof DiscontinuedInstruction)).orElse(false);
            if (found) {
                return true;
            }
        }
        return false;
    }

    /** The class at Java 8's version, every method body written again so frames are computed. */
    private static byte[] upgrade(ClassFile classFile, ClassModel model) {
        ClassTransform version = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
            } else {
                builder.with(element);
            }
        };
        return classFile.transformClass(model,
                version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
    }
}
