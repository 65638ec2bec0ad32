package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.model.ComposeFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile files (alias bombs, deep nesting, huge input) are refused fast with our error type;
 * random and mutated compose files never escape the loader as anything but
 * {@link ComposeFileException} (no NullPointerException, ClassCastException, StackOverflowError,
 * OutOfMemoryError...). The mutations are seeded: a failure names its seed and input.
 */
class HostileAndFuzzedFilesTest {

    private static final Path DIR = Path.of("/nonexistent-jcompose-fuzz");

    private static final List<String> SEEDS = List.of("""
            name: demo
            services:
              web:
                image: busybox:${TAG:-1}
                build: {context: ., dockerfile: Dockerfile, args: [A=1], ulimits: {nproc: 5}}
                ports: ["8080:80", "127.0.0.1:9000-9001:9000-9001/udp", {target: 80}]
                volumes: ["data:/data:ro", "./src:/src", {type: tmpfs, target: /t}]
                environment: [A=1, B]
                depends_on: {db: {condition: service_healthy, restart: true}}
                healthcheck: {test: [CMD, true], interval: 1m30s, retries: 3}
                deploy: {replicas: 2, resources: {limits: {memory: 512m}}}
                networks: {front: {aliases: [w], ipv4_address: 10.0.0.2}}
                extends: {service: base}
                x-custom: &anchor {a: 1}
              base:
                image: busybox
                <<: *anchor
              db:
                image: postgres
                profiles: [db]
                secrets: [s]
                configs: [{source: c, target: /c, mode: 0440}]
            networks: {front: {ipam: {config: [{subnet: 10.0.0.0/24}]}}}
            volumes: {data: {labels: [a=b]}}
            secrets: {s: {environment: HOME}}
            configs: {c: {content: "x"}}
            """, """
            services:
              a: {image: x, command: sh -c 'echo $$HOME', restart: on-failure:3}
              b: {image: y, links: [a], volumes_from: [a], network_mode: "service:a"}
            """);

    private static final String TOKENS = ":{}[],-&*!|>'\"#%@`$\n \t?<=~0123456789.";

    private static void load(String text) {
        ComposeLoader.load(LoadOptions.builder().workingDir(DIR)
                .source(new ConfigSource(DIR.resolve("compose.yaml"), text))
                .processEnv(Map.of("HOME", "/root")).build());
    }

    /**
     * Loading succeeds (true) or fails with ComposeFileException (false); anything else fails
     * the test.
     */
    private static boolean loadsOrRefuses(String text, String what) {
        try {
            load(text);
            return true;
        } catch (ComposeFileException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what);
            return false;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(what + " escaped as " + e + "\n--- input ---\n" + text, e);
            return false;
        }
    }

    private static void refusedFast(String text, String expected) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                load(text);
                fail("accepted: " + expected);
            } catch (ComposeFileException e) {
                assertTrue(e.getMessage().contains(expected), e.getMessage());
            }
        });
    }

    @Test
    void anAliasBombIsRefusedQuickly() {
        StringBuilder sb = new StringBuilder("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
                + "\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            sb.append("x-").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        sb.append("services:\n  web:\n    image: busybox\n    labels: *j\n");
        refusedFast(sb.toString(), "excessive aliasing");
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow() {
        String deep = "services: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        refusedFast(deep, "nests deeper than");
        String deepMaps = nestedMaps(5_000) + "services: {web: {image: x}}\n";
        refusedFast(deepMaps, "nests deeper than");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsParsed() {
        String huge = "services: {}\nx-pad: \"" + "a".repeat(YamlReaderLimits.MAX_CHARS) + "\"\n";
        refusedFast(huge, "refusing to read it");
    }

    @Test
    void randomAndMutatedFilesOnlyEverFailWithOurError() {
        long base = Long.getLong("fuzz.seed", 20261123L);
        int rounds = Integer.getInteger("fuzz.rounds", 3000);
        int loaded = 0;
        for (int round = 0; round < rounds; round++) {
            long seed = base + round;
            Random random = new Random(seed);
            String input = switch (round % 3) {
                case 0 -> mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
                case 1 -> tokens(random);
                default -> bytes(random);
            };
            loaded += loadsOrRefuses(input, "seed " + seed) ? 1 : 0;
        }
        // the mutations must reach the later stages too, not only the YAML parser
        assertTrue(loaded > rounds / 100, "only " + loaded + " of " + rounds + " inputs loaded");
    }

    private static String nestedMaps(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append("{k: ");
        }
        sb.append("v");
        sb.append("}".repeat(depth));
        return "x-maps: " + sb + "\n";
    }

    /** A seed file with a few characters inserted, deleted, replaced or lines swapped. */
    private static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && !sb.isEmpty(); i++) {
            int at = random.nextInt(sb.length());
            char c = TOKENS.charAt(random.nextInt(TOKENS.length()));
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(at, c);
                case 1 -> sb.deleteCharAt(at);
                case 2 -> sb.setCharAt(at, c);
                default -> {
                    String[] lines = sb.toString().split("\n", -1);
                    int a = random.nextInt(lines.length);
                    int b = random.nextInt(lines.length);
                    String t = lines[a];
                    lines[a] = lines[b];
                    lines[b] = t;
                    sb = new StringBuilder(String.join("\n", lines));
                }
            }
        }
        return sb.toString();
    }

    /** A short stream of YAML-ish tokens and compose keys. */
    private static String tokens(Random random) {
        String[] words = {"services", "image", "build", "ports", "volumes", "networks",
            "depends_on", "environment", "x-a", "&a", "*a", "<<", "!reset", "!override", "null",
            "true", "0o17", "1_000", "${X:-y}", "$$", "- ", ": ", "\n  ", "\n", "{", "}", "[",
            "]", ",", "'", "\"", "web", "extends", "include", "profiles", "80:80"};
        StringBuilder sb = new StringBuilder();
        int n = 5 + random.nextInt(60);
        for (int i = 0; i < n; i++) {
            sb.append(words[random.nextInt(words.length)]);
        }
        return sb.toString();
    }

    /** Random bytes read as UTF-8 (invalid sequences become replacement characters). */
    private static String bytes(Random random) {
        byte[] b = new byte[random.nextInt(200)];
        random.nextBytes(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The reader's limit, read once (so the test follows it if it changes). */
    private static final class YamlReaderLimits {
        static final int MAX_CHARS = dev.jcompose.model.tree.YamlReader.MAX_CHARS;
    }
}
