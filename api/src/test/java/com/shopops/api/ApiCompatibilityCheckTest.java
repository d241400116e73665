package com.shopops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's compatibility check, the one {@code api/pom.xml} runs on every build, run on a tiny fixture API
 * ({@code src/test/compat-fixture}) against a "previous release" built here: a method removed from a
 * published interface fails the build at a minor version and passes once the major version moves; an
 * addition needs the minor version to move. The fixture inherits the check from the same parent pom as the
 * real API, so what fails here fails there.
 */
class ApiCompatibilityCheckTest {

    /** The previous release of the fixture API: an interface plugins implement, with a default method. */
    private static final Map<String, String> RELEASED = Map.of("fixture/Channel.java", """
            package fixture;
            public interface Channel {
                String name();
                default int retries() { return 3; }
            }
            """);

    /** {@code retries()} removed: a plugin compiled against the release calls a method that is gone. */
    private static final Map<String, String> BROKEN = Map.of("fixture/Channel.java", """
            package fixture;
            public interface Channel {
                String name();
            }
            """);

    /** A default method added: every plugin compiled against the release still links. */
    private static final Map<String, String> GROWN = Map.of("fixture/Channel.java", """
            package fixture;
            public interface Channel {
                String name();
                default int retries() { return 3; }
                default String label() { return name(); }
            }
            """);

    @TempDir
    static Path dir;

    private static Path baseline;

    @BeforeAll
    static void buildTheRelease() throws IOException {
        Path src = dir.resolve("released-src");
        Path classes = dir.resolve("released-classes");
        write(src, RELEASED);
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the released fixture compiles");
        baseline = dir.resolve("compat-fixture-1.0.0.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(baseline)); Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, jar);
                jar.closeEntry();
            }
        }
    }

    @Test
    void aRemovedMethodFailsTheBuildAtAMinorVersion() throws Exception {
        Build build = build("broken-minor", BROKEN, "1.1.0");
        assertEquals(1, build.exit(), build.output());
        assertTrue(build.output().contains("retries()"), "the failure names what broke:\n" + build.output());
    }

    @Test
    void aRemovedMethodPassesOnceTheMajorVersionMoves() throws Exception {
        Build build = build("broken-major", BROKEN, "2.0.0");
        assertEquals(0, build.exit(), build.output());
    }

    @Test
    void anAdditionNeedsTheMinorVersionToMove() throws Exception {
        Build patch = build("grown-patch", GROWN, "1.0.1");
        assertEquals(1, patch.exit(), "an addition at a patch version:\n" + patch.output());
        Build minor = build("grown-minor", GROWN, "1.1.0");
        assertEquals(0, minor.exit(), minor.output());
    }

    private record Build(int exit, String output) {
    }

    /** Builds the fixture with {@code sources} as its API at {@code version}, checked against the release. */
    private static Build build(String name, Map<String, String> sources, String version) throws Exception {
        Path project = dir.resolve(name).toAbsolutePath();
        Path fixture = Path.of("src/test/compat-fixture").toAbsolutePath();
        // Maven reads a parent's path relative to the project, never as an absolute one
        Path parent = project.relativize(Path.of("../pom.xml").toAbsolutePath().normalize());
        String pom = Files.readString(fixture.resolve("pom.xml")).replace("@PARENT@", parent.toString());
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), pom);
        write(project.resolve("src/main/java"), sources);
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder("mvn", "-B", "-q", "verify", "-Drevision=" + version,
                "-Dcompat.baseline=" + baseline)
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // A build of a few seconds: the JIT's first tier only, which costs such a short JVM less CPU than it saves
        builder.environment().merge("MAVEN_OPTS", "-XX:TieredStopAtLevel=1", (given, ours) -> given + " " + ours);
        Process mvn = builder.start();
        if (!mvn.waitFor(3, TimeUnit.MINUTES)) {
            mvn.destroyForcibly();
            throw new AssertionError("the fixture's build did not finish in 3 minutes");
        }
        return new Build(mvn.exitValue(), Files.readString(log));
    }

    private static void write(Path root, Map<String, String> sources) throws IOException {
        for (var e : sources.entrySet()) {
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
