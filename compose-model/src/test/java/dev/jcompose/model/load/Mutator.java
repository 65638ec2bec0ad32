package dev.jcompose.model.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes a mutant of a corpus file from one {@link Random}: a few edits chosen among character
 * edits, dictionary tokens (compose keys, YAML syntax, hostile values), line moves, splices of
 * another seed's lines, indentation changes, repeats of a chunk, and, for one mutant in eight,
 * raw byte damage of the file as written to disk.
 */
final class Mutator {

    /** A mutant: its text, loaded in {@code dir}, or its bytes, written to a file first. */
    record Mutant(Path dir, String text, byte[] bytes) { }

    private static final String CHARS = ":{}[],-&*!|>'\"#%@`$\n \t?<=~0123456789._/\\";
    private static final List<String> WORDS = List.of("services", "image", "build", "ports",
            "volumes", "networks", "depends_on", "environment", "env_file", "extends", "include",
            "profiles", "secrets", "configs", "deploy", "replicas", "healthcheck", "command",
            "x-a", "name", "external", "driver", "labels", "- ", ": ", "\n  ", "\n    ", "\n",
            "{", "}", "[", "]", ",", "'", "\"", "80:80", "./data:/data", "true", "0o17",
            "1_000", "12:00", "web", "path", "service", "file", "target", "source", "type");

    private final List<LoaderFuzzTest.Seed> seeds;
    private final List<String> hostile;

    Mutator(List<LoaderFuzzTest.Seed> seeds, List<String> hostile) {
        this.seeds = seeds;
        this.hostile = hostile;
    }

    Mutant mutant(Random random) {
        LoaderFuzzTest.Seed seed = seeds.get(random.nextInt(seeds.size()));
        StringBuilder sb = new StringBuilder(seed.text());
        int edits = 1 + random.nextInt(random.nextInt(8) + 1);
        for (int i = 0; i < edits; i++) {
            edit(sb, random);
        }
        if (sb.length() > 1024 * 1024) {
            sb.setLength(1024 * 1024);
        }
        if (random.nextInt(8) == 0) {
            return new Mutant(seed.dir(), null, damage(sb.toString(), random));
        }
        return new Mutant(seed.dir(), sb.toString(), null);
    }

    private void edit(StringBuilder sb, Random random) {
        int at = sb.isEmpty() ? 0 : random.nextInt(sb.length() + 1);
        switch (random.nextInt(10)) {
            case 0 -> sb.insert(at, CHARS.charAt(random.nextInt(CHARS.length())));
            case 1 -> {
                if (at < sb.length()) {
                    sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(8)));
                }
            }
            case 2 -> {
                if (at < sb.length()) {
                    sb.setCharAt(at, CHARS.charAt(random.nextInt(CHARS.length())));
                }
            }
            case 3 -> sb.insert(at, WORDS.get(random.nextInt(WORDS.size())));
            case 4 -> sb.insert(at, hostile.get(random.nextInt(hostile.size())));
            case 5 -> replaceValue(sb, random);
            case 6 -> moveLines(sb, random);
            case 7 -> splice(sb, random, at);
            case 8 -> indent(sb, random);
            default -> repeat(sb, random, at);
        }
    }

    /** The value after a {@code ": "} becomes a hostile token or a word. */
    private void replaceValue(StringBuilder sb, Random random) {
        int colon = sb.indexOf(": ", random.nextInt(sb.length() + 1));
        if (colon < 0) {
            return;
        }
        int end = sb.indexOf("\n", colon);
        String value = random.nextBoolean() ? hostile.get(random.nextInt(hostile.size()))
                : WORDS.get(random.nextInt(WORDS.size()));
        sb.replace(colon + 2, end < 0 ? sb.length() : end, value);
    }

    private static void moveLines(StringBuilder sb, Random random) {
        List<String> lines = new java.util.ArrayList<>(Arrays.asList(sb.toString().split("\n",
                -1)));
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        switch (random.nextInt(3)) {
            case 0 -> {
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
            }
            case 1 -> lines.add(b, lines.get(a));
            default -> lines.remove(a);
        }
        sb.setLength(0);
        sb.append(String.join("\n", lines));
    }

    /** A few lines of another seed, inserted at the start of a line. */
    private void splice(StringBuilder sb, Random random, int at) {
        String[] other = seeds.get(random.nextInt(seeds.size())).text().split("\n");
        int from = random.nextInt(other.length);
        int to = Math.min(other.length, from + 1 + random.nextInt(12));
        int lineStart = sb.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
        sb.insert(lineStart, String.join("\n", Arrays.copyOfRange(other, from, to)) + "\n");
    }

    private static void indent(StringBuilder sb, Random random) {
        int lineStart = sb.lastIndexOf("\n", random.nextInt(sb.length() + 1)) + 1;
        if (random.nextBoolean()) {
            sb.insert(lineStart, " ".repeat(1 + random.nextInt(4)));
        } else if (lineStart < sb.length() && sb.charAt(lineStart) == ' ') {
            sb.deleteCharAt(lineStart);
        }
    }

    /** A chunk repeated, up to thousands of times (wide lists, long scalars, many services). */
    private static void repeat(StringBuilder sb, Random random, int at) {
        if (at >= sb.length()) {
            return;
        }
        String chunk = sb.substring(at, Math.min(sb.length(), at + 1 + random.nextInt(64)));
        int times = 1 << random.nextInt(13);
        sb.insert(at, chunk.repeat(Math.min(times, 512 * 1024 / chunk.length())));
    }

    /** The text as UTF-8 bytes with a few bytes replaced or inserted (invalid UTF-8, NUL...). */
    private static byte[] damage(String text, Random random) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int n = 1 + random.nextInt(4);
        byte[] out = Arrays.copyOf(b, b.length + n);
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(b.length + 1);
            System.arraycopy(out, at, out, at + 1, out.length - at - 1);
            out[at] = (byte) random.nextInt(256);
        }
        return out;
    }
}
