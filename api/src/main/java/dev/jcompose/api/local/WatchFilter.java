package dev.jcompose.api.local;

import dev.jcompose.model.Develop;
import dev.jcompose.runtime.DockerIgnore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which changed host paths a watch rule acts on: those under its path that no rule ignores. A
 * change is skipped when it is under a {@code .git} folder, is an editor's temporary file (vim,
 * emacs, JetBrains, kate), matches the rule's {@code ignore} patterns (relative to the rule's
 * path) or the build context's {@code .dockerignore} (relative to the context), or, when the
 * rule has {@code include} patterns, matches none of them. Patterns have .dockerignore syntax.
 *
 * @param root          the rule's path
 * @param ignore        the rule's ignore patterns
 * @param include       the rule's include patterns, or null for everything
 * @param context       the service's build context, or null
 * @param contextIgnore the context's .dockerignore
 */
record WatchFilter(Path root, DockerIgnore ignore, DockerIgnore include, Path context,
        DockerIgnore contextIgnore) {

    /** Editors' temporary files, by file name, as compose v2 skips them. */
    private static final Pattern EPHEMERAL = Pattern.compile(
            "4913|.*~|.*\\.sw[px]|\\.#.*|#.*#|.*___jb_(old|tmp)___|\\..*\\.kate-swp");

    /** The filter of {@code rule}; {@code contextIgnore} applies under {@code context}. */
    static WatchFilter of(Develop.Watch rule, Path context, DockerIgnore contextIgnore) {
        return new WatchFilter(Path.of(rule.path()).normalize(),
                DockerIgnore.parse(String.join("\n", rule.ignore())),
                rule.include().isEmpty() ? null
                        : DockerIgnore.parse(String.join("\n", rule.include())),
                context == null ? null : context.normalize(), contextIgnore);
    }

    /** The path of {@code file} relative to the rule's path, or empty when the rule skips it. */
    Optional<String> relative(Path file) {
        Path f = file.normalize();
        if (!f.startsWith(root)) {
            return Optional.empty();
        }
        String rel = slashes(root.relativize(f));
        return accepts(f, rel) ? Optional.of(rel) : Optional.empty();
    }

    private boolean accepts(Path file, String rel) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (EPHEMERAL.matcher(name).matches() || List.of(rel.split("/")).contains(".git")) {
            return false;
        }
        if (!rel.isEmpty() && ignore.excludes(rel)) {
            return false;
        }
        if (context != null && file.startsWith(context) && !file.equals(context)
                && contextIgnore.excludes(slashes(context.relativize(file)))) {
            return false;
        }
        // the rule's own path (a watched file) is included by naming it
        return include == null || rel.isEmpty() || include.excludes(rel);
    }

    private static String slashes(Path rel) {
        return rel.toString().replace('\\', '/');
    }
}
