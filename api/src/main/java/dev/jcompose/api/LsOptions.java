package dev.jcompose.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Options of {@code ls}.
 *
 * @param all     include projects with no running container
 * @param filters {@code --filter KEY=VALUE}s by key; a project is listed when, for each key,
 *                one of its values matches (as the docker CLI's filters: {@code name} is a
 *                regular expression found in the project's name, or the name itself)
 */
public record LsOptions(boolean all, Map<String, List<String>> filters) {

    /** The keys {@code ls --filter} knows, as compose v2's. */
    public static final List<String> FILTER_KEYS = List.of("name");

    public LsOptions {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        filters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        filters = Collections.unmodifiableMap(copy);
    }

    public LsOptions(boolean all) {
        this(all, Map.of());
    }

    /**
     * The options with {@code KEY=VALUE} filters; an unknown key or one without {@code =} is
     * refused in compose v2's words.
     */
    public static LsOptions of(boolean all, List<String> filters) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw new ComposeException("bad format of filter (expected name=value): " + f);
            }
            String key = f.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            if (!FILTER_KEYS.contains(key)) {
                throw new ComposeException("invalid filter '" + key + "' (ls filters on: "
                        + String.join(", ", FILTER_KEYS) + ")");
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(f.substring(eq + 1).strip());
        }
        return new LsOptions(all, byKey);
    }

    /** Whether a project of this name is listed. */
    public boolean lists(String projectName) {
        List<String> names = filters.get("name");
        if (names == null) {
            return true;
        }
        for (String n : names) {
            if (n.equals(projectName)) {
                return true;
            }
            try {
                if (Pattern.compile(n).matcher(projectName).find()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                // not a regular expression: only the exact name matches
            }
        }
        return false;
    }
}
