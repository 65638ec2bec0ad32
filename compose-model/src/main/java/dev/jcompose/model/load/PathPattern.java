package dev.jcompose.model.load;

import dev.jcompose.model.tree.YamlPath;
import java.util.List;

/** A wildcard tree path: {@code services.*.ports}; {@code *} matches a key, {@code []} an index. */
public record PathPattern(String[] segments) {

    public static PathPattern of(String pattern) {
        return new PathPattern(pattern.split("\\."));
    }

    public boolean matches(YamlPath path) {
        List<Object> s = path.segments();
        if (s.size() != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            String p = segments[i];
            Object seg = s.get(i);
            if (p.equals("[]")) {
                if (!(seg instanceof Integer)) {
                    return false;
                }
            } else if (!p.equals("*") && !p.equals(seg)) {
                return false;
            } else if (p.equals("*") && seg instanceof Integer) {
                return false;
            }
        }
        return true;
    }
}
