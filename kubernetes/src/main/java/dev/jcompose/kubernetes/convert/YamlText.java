package dev.jcompose.kubernetes.convert;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * YAML as people write manifests: block style, strings plain where no reader could take them
 * for anything else, multi-line text as literal blocks, and double quotes otherwise. kubectl
 * reads YAML 1.1, where {@code yes}, {@code on} or {@code 1:20} are not strings, so every
 * string a YAML 1.1 or 1.2 reader could resolve to another type is quoted.
 */
final class YamlText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][-A-Za-z0-9_./]*(:[-A-Za-z0-9_./]+)*"
            + "|[0-9]+(Ki|Mi|Gi|Ti|m|k|M|G|T)");
    private static final Set<String> KEYWORDS = Set.of("y", "n", "yes", "no", "on", "off",
            "true", "false", "null", "nan", "inf");

    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(0)
            .setSplitLines(false)
            .build();

    private YamlText() {
    }

    static String dump(Object tree) {
        return new Dump(SETTINGS, new Representer()).dumpToString(tree);
    }

    private static final class Representer extends StandardRepresenter {
        Representer() {
            super(SETTINGS);
            representers.put(String.class, data -> {
                String s = (String) data;
                return representScalar(Tag.STR, s, style(s));
            });
        }
    }

    static ScalarStyle style(String s) {
        if (s.contains("\n") && !s.contains("\r") && s.strip().equals(s.stripLeading())) {
            return ScalarStyle.LITERAL;
        }
        if (PLAIN.matcher(s).matches() && !KEYWORDS.contains(s.toLowerCase(Locale.ROOT))) {
            return ScalarStyle.PLAIN;
        }
        return ScalarStyle.DOUBLE_QUOTED;
    }
}
