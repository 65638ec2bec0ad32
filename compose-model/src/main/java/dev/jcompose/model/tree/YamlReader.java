package dev.jcompose.model.tree;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads YAML text into our immutable {@link Node} tree, the way Go's YAML library (used by docker
 * compose) reads it: booleans are only true/false, integers accept 0755/0o/0x and {@code _},
 * {@code <<} merge keys are applied, duplicate keys are errors, and {@code !reset}/{@code !override}
 * tags are kept on the node.
 *
 * <p>The tree is built from the parser's event stream without recursion, so deeply nested input
 * cannot overflow the stack. Hostile input is refused early: nesting depth, file size and the
 * size of the tree once aliases are expanded are all bounded.
 *
 * <p>Over 400 lines because Go YAML's scalar rules, merge keys and the bounds on hostile input
 * must be applied in the same event walk that builds the tree.
 */
public final class YamlReader {

    /** Deepest nesting accepted; real compose files nest fewer than 15 levels. */
    public static final int MAX_DEPTH = 256;
    /**
     * Largest size, in characters (each node counting one more), a document may expand to
     * through aliases: the largest file read. What is printed or copied later grows with the
     * expanded text, not with the number of nodes: one anchored 1 MB scalar used a thousand
     * times is a handful of nodes and a gigabyte of output.
     */
    public static final long MAX_EXPANDED_SIZE = 32L * 1024 * 1024;
    /** Largest number of nodes a document may expand to through aliases. */
    public static final long MAX_EXPANDED_NODES = 1_000_000;
    /** Largest file accepted, in characters. */
    public static final int MAX_CHARS = 32 * 1024 * 1024;

    private static final String MERGE_KEY = "<<";
    private static final Pattern FLOAT =
            Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    private final String file;

    private YamlReader(String file) {
        this.file = file;
    }

    /**
     * Reads every document of {@code content}. An empty file yields an empty list.
     *
     * @param file the name errors use for this input (a path, or {@code -} for stdin)
     * @throws ComposeFileException when the text is not valid YAML or breaks a limit
     */
    public static List<Node> readAll(String file, String content) {
        return new YamlReader(file).parse(content);
    }

    /** Reads a single-document YAML text; an empty text yields an empty mapping. */
    public static Node read(String file, String content) {
        List<Node> docs = readAll(file, content);
        if (docs.isEmpty()) {
            return MapNode.empty(new Mark(file, 1, 1));
        }
        if (docs.size() > 1) {
            throw new ComposeFileException(Problem.error(docs.get(1).mark(), YamlPath.ROOT,
                    "the file holds " + docs.size() + " YAML documents; one was expected"));
        }
        return docs.get(0);
    }

    // ---------------------------------------------------------------------------------------

    /** A collection under construction. */
    private abstract static class Frame {
        final Mark mark;
        final Tag tag;
        final Optional<Anchor> anchor;
        final YamlPath path;
        /** The expanded size of what the collection holds so far: nodes, and characters. */
        long nodes = 1;
        long size = 1;

        Frame(Mark mark, Tag tag, Optional<Anchor> anchor, YamlPath path) {
            this.mark = mark;
            this.tag = tag;
            this.anchor = anchor;
            this.path = path;
        }
    }

    private static final class SeqFrame extends Frame {
        final List<Node> items = new ArrayList<>();

        SeqFrame(Mark mark, Tag tag, Optional<Anchor> anchor, YamlPath path) {
            super(mark, tag, anchor, path);
        }
    }

    private static final class MapFrame extends Frame {
        final MapNode.Builder builder;
        final Map<String, Mark> seen = new HashMap<>();
        final List<Node> mergeSources = new ArrayList<>();
        String pendingKey;
        Mark pendingKeyMark;
        /** The pending key is a plain, untagged {@code <<}: a merge key, not a literal one. */
        boolean pendingMerge;
        boolean expectingKey = true;

        MapFrame(Mark mark, Tag tag, Optional<Anchor> anchor, YamlPath path) {
            super(mark, tag, anchor, path);
            this.builder = MapNode.builder(mark);
        }
    }

    /** The path of the next child of the innermost open collection. */
    private static YamlPath childPath(Deque<Frame> stack) {
        if (stack.isEmpty()) {
            return YamlPath.ROOT;
        }
        Frame top = stack.peek();
        if (top instanceof SeqFrame sf) {
            return sf.path.index(sf.items.size());
        }
        MapFrame mf = (MapFrame) top;
        return mf.pendingKey == null ? mf.path : mf.path.key(mf.pendingKey);
    }

    private record Anchored(Node node, long nodes, long size) { }

    private List<Node> parse(String content) {
        if (content.length() > MAX_CHARS) {
            throw fail(new Mark(file, 1, 1), "the file is larger than "
                    + (MAX_CHARS / (1024 * 1024)) + " MiB; refusing to read it");
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setCodePointLimit(MAX_CHARS)
                .setMaxAliasesForCollections(Integer.MAX_VALUE)
                .setAllowRecursiveKeys(false)
                .build();
        List<Node> documents = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        Map<String, Anchored> anchors = new HashMap<>();
        Mark last = new Mark(file, 1, 1);
        try {
            for (Event event : new Parse(settings).parseString(content)) {
                last = event.getEndMark().map(this::mark).orElse(last);
                switch (event.getEventId()) {
                    case DocumentStart -> anchors.clear();
                    case Scalar -> {
                        ScalarEvent se = (ScalarEvent) event;
                        Mark m = mark(event);
                        if (!stack.isEmpty() && stack.peek() instanceof MapFrame mf
                                && mf.expectingKey) {
                            acceptKey(mf, se, m, stack);
                            if (se.getAnchor().isPresent()) {
                                anchors.put(se.getAnchor().get().getValue(),
                                        new Anchored(ScalarNode.string(se.getValue(), m), 1,
                                                size(se.getValue())));
                            }
                            continue;
                        }
                        ScalarNode node = scalar(se, m);
                        long size = size(se.getValue());
                        se.getAnchor().ifPresent(a -> anchors.put(a.getValue(),
                                new Anchored(node, 1, size)));
                        add(stack, documents, node, 1, size, m);
                    }
                    case Alias -> {
                        AliasEvent ae = (AliasEvent) event;
                        Mark m = mark(event);
                        String alias = ae.getAlias().getValue();
                        for (Frame open : stack) {
                            if (open.anchor.isPresent()
                                    && open.anchor.get().getValue().equals(alias)) {
                                throw fail(m, "cycle detected: node at path "
                                        + childPath(stack) + " references node at path "
                                        + (open.path.isRoot() ? "(top level)" : open.path)
                                        + " (the alias *" + alias + " refers to a node that "
                                        + "contains it)");
                            }
                        }
                        Anchored target = anchors.get(alias);
                        if (target == null) {
                            throw fail(m, "unknown alias *" + alias
                                    + " (no anchor &" + alias + " is defined before it)");
                        }
                        if (!stack.isEmpty() && stack.peek() instanceof MapFrame mf
                                && mf.expectingKey) {
                            if (!(target.node() instanceof ScalarNode s) || !s.isString()) {
                                throw fail(m, nonStringKey(mf.path, target.node()));
                            }
                            acceptKey(mf, s.text(), m);
                            mf.size += target.size();
                            continue;
                        }
                        add(stack, documents, target.node(), target.nodes(), target.size(), m);
                    }
                    case MappingStart, SequenceStart -> {
                        CollectionStartEvent ce = (CollectionStartEvent) event;
                        Mark m = mark(event);
                        if (!stack.isEmpty() && stack.peek() instanceof MapFrame mf
                                && mf.expectingKey) {
                            throw fail(m, "non-string key " + where(mf.path) + ": a "
                                    + (event.getEventId() == Event.ID.MappingStart
                                    ? "mapping" : "list") + " cannot be a key");
                        }
                        if (stack.size() >= MAX_DEPTH) {
                            throw fail(m, "the YAML nests deeper than " + MAX_DEPTH
                                    + " levels; refusing to read it");
                        }
                        Tag tag = tagOf(ce.getTag(), m);
                        YamlPath path = childPath(stack);
                        stack.push(event.getEventId() == Event.ID.MappingStart
                                ? new MapFrame(m, tag, ce.getAnchor(), path)
                                : new SeqFrame(m, tag, ce.getAnchor(), path));
                    }
                    case MappingEnd -> {
                        MapFrame mf = (MapFrame) stack.pop();
                        Node node = finishMap(mf);
                        remember(anchors, mf, node);
                        add(stack, documents, node, mf.nodes, mf.size, mf.mark);
                    }
                    case SequenceEnd -> {
                        SeqFrame sf = (SeqFrame) stack.pop();
                        Node node = new SeqNode(sf.items, sf.mark, sf.tag);
                        remember(anchors, sf, node);
                        add(stack, documents, node, sf.nodes, sf.size, sf.mark);
                    }
                    default -> { }
                }
            }
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().map(this::mark)
                    .orElse(e.getContextMark().map(this::mark).orElse(last));
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (problem.contains("\\t(TAB)")) {
                throw fail(m, "invalid YAML: found a tab character that violates indentation "
                        + "(indent with spaces)");
            }
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw fail(m, "invalid YAML: " + context + problem.strip());
        } catch (ReaderException e) {
            throw fail(markAt(content, e.getPosition()), String.format("invalid YAML: the "
                    + "character U+%04X is not allowed in a YAML file (is it a binary file?)",
                    e.getCodePoint()));
        } catch (YamlEngineException e) {
            // the scanner's own checks carry no mark: the error is after the last event read
            throw fail(last, "invalid YAML: " + e.getMessage());
        }
        return documents;
    }

    /** What a scalar of {@code text} weighs in the expanded document. */
    private static long size(String text) {
        return text.length() + 1L;
    }

    private void remember(Map<String, Anchored> anchors, Frame frame, Node node) {
        frame.anchor.ifPresent(a -> anchors.put(a.getValue(),
                new Anchored(node, frame.nodes, frame.size)));
    }

    /**
     * Adds {@code node}, which expands to {@code nodes} nodes and {@code size} characters, and
     * is at {@code at} (an alias's own place, for an alias).
     */
    private void add(Deque<Frame> stack, List<Node> documents, Node node, long nodes, long size,
            Mark at) {
        if (stack.isEmpty()) {
            documents.add(node);
            return;
        }
        Frame top = stack.peek();
        top.nodes = Math.min(Long.MAX_VALUE / 2, top.nodes + nodes);
        top.size = Math.min(Long.MAX_VALUE / 2, top.size + size);
        if (top.nodes > MAX_EXPANDED_NODES) {
            throw fail(at, "document contains excessive aliasing: it expands to more than "
                    + MAX_EXPANDED_NODES + " nodes through aliases; refusing to read it (an "
                    + "alias bomb?)");
        }
        if (top.size > MAX_EXPANDED_SIZE) {
            throw fail(at, "document contains excessive aliasing: it expands to more "
                    + "than " + MAX_EXPANDED_SIZE / (1024 * 1024) + " MiB through aliases; "
                    + "refusing to read it (an alias bomb?)");
        }
        if (top instanceof SeqFrame sf) {
            sf.items.add(node);
            return;
        }
        MapFrame mf = (MapFrame) top;
        if (mf.pendingMerge) {
            addMergeSource(mf, node);
        } else {
            mf.builder.put(mf.pendingKey, mf.pendingKeyMark, node);
        }
        mf.pendingKey = null;
        mf.pendingMerge = false;
        mf.expectingKey = true;
    }

    private void acceptKey(MapFrame mf, ScalarEvent se, Mark m, Deque<Frame> stack) {
        String key = se.getValue();
        if (se.isPlain() && se.getTag().isEmpty() && !MERGE_KEY.equals(key)) {
            Object v = resolvePlain(key);
            if (!(v instanceof String)) {
                throw fail(m, nonStringKey(mf.path, new ScalarNode(v, m, Tag.NONE)));
            }
        }
        acceptKey(mf, key, m);
        mf.size += size(key);
        mf.pendingMerge = MERGE_KEY.equals(key) && se.isPlain() && se.getTag().isEmpty();
    }

    private static String where(YamlPath path) {
        return path.isRoot() ? "at top level" : "in " + path;
    }

    private static String nonStringKey(YamlPath path, Node key) {
        String shown = key instanceof ScalarNode s ? (s.value() == null ? "null" : s.text())
                : key.kindName();
        return "non-string key " + where(path) + ": " + shown + " (quote it to use it as a "
                + "string)";
    }

    private void acceptKey(MapFrame mf, String key, Mark m) {
        Mark previous = mf.seen.putIfAbsent(key, m);
        if (previous != null) {
            throw fail(m, "mapping key \"" + key + "\" already defined at line "
                    + previous.line() + " (duplicate keys are not allowed)");
        }
        mf.pendingKey = key;
        mf.pendingKeyMark = m;
        mf.expectingKey = false;
    }

    private void addMergeSource(MapFrame mf, Node node) {
        if (node instanceof MapNode) {
            mf.mergeSources.add(node);
        } else if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                if (!(item instanceof MapNode)) {
                    throw fail(item.mark(), "map merge requires map or sequence of maps as "
                            + "the value of <<, not a list holding a " + item.kindName());
                }
                mf.mergeSources.add(item);
            }
        } else {
            throw fail(node.mark(), "map merge requires map or sequence of maps as the value "
                    + "of <<, not a " + node.kindName());
        }
    }

    /** Applies merge keys: explicit keys win, then earlier merge sources over later ones. */
    private Node finishMap(MapFrame mf) {
        MapNode own = mf.builder.tag(mf.tag).build();
        if (mf.mergeSources.isEmpty()) {
            return own;
        }
        MapNode.Builder merged = MapNode.builder(mf.mark).tag(mf.tag);
        for (Node src : mf.mergeSources) {
            MapNode m = (MapNode) src;
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                if (!merged.has(e.getKey()) && !own.has(e.getKey())) {
                    merged.put(e.getKey(), m.keyMark(e.getKey()), e.getValue());
                }
            }
        }
        for (Map.Entry<String, Node> e : own.entries().entrySet()) {
            merged.put(e.getKey(), own.keyMark(e.getKey()), e.getValue());
        }
        return merged.build();
    }

    private ScalarNode scalar(ScalarEvent se, Mark m) {
        Optional<String> explicit = se.getTag();
        Tag tag = tagOf(explicit, m);
        String text = se.getValue();
        if (explicit.isPresent() && tag == Tag.NONE) {
            return new ScalarNode(typed(explicit.get(), text, m), m, Tag.NONE);
        }
        if (!se.isPlain()) {
            return new ScalarNode(text, m, tag);
        }
        return new ScalarNode(resolvePlain(text), m, tag);
    }

    private Object typed(String tag, String text, Mark m) {
        String t = tag.startsWith("tag:yaml.org,2002:") ? tag.substring(18) : tag;
        return switch (t) {
            case "str", "!str" -> text;
            case "null" -> null;
            case "bool" -> {
                Object v = resolvePlain(text);
                if (!(v instanceof Boolean)) {
                    throw fail(m, "cannot read \"" + text + "\" as !!bool");
                }
                yield v;
            }
            case "int" -> {
                Object v = resolvePlain(text);
                if (!(v instanceof Long || v instanceof BigInteger)) {
                    throw fail(m, "cannot read \"" + text + "\" as !!int");
                }
                yield v;
            }
            case "float" -> {
                Object v = resolvePlain(text);
                if (v instanceof Long l) {
                    yield l.doubleValue();
                }
                if (!(v instanceof Double)) {
                    throw fail(m, "cannot read \"" + text + "\" as !!float");
                }
                yield v;
            }
            default -> text;
        };
    }

    private Tag tagOf(Optional<String> tag, Mark m) {
        if (tag.isEmpty()) {
            return Tag.NONE;
        }
        return switch (tag.get()) {
            case "!reset" -> Tag.RESET;
            case "!override" -> Tag.OVERRIDE;
            default -> Tag.NONE;
        };
    }

    /** Resolves a plain scalar as Go's yaml.v3 does. */
    public static Object resolvePlain(String text) {
        if (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null")
                || text.equals("NULL")) {
            return null;
        }
        switch (text) {
            case "true", "True", "TRUE" -> {
                return Boolean.TRUE;
            }
            case "false", "False", "FALSE" -> {
                return Boolean.FALSE;
            }
            default -> { }
        }
        char c = text.charAt(0);
        if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
            return text;
        }
        switch (text) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-.inf", "-.Inf", "-.INF" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case ".nan", ".NaN", ".NAN" -> {
                return Double.NaN;
            }
            default -> { }
        }
        String plain = text.replace("_", "");
        Object integer = parseGoInt(plain);
        if (integer == TOO_LARGE) {
            if (FLOAT.matcher(plain).matches()) {
                double d = Double.parseDouble(plain);
                return Double.isInfinite(d) ? text : d;
            }
            return text;
        }
        if (integer != null) {
            return integer;
        }
        if (FLOAT.matcher(plain).matches()) {
            try {
                return Double.parseDouble(plain);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    /** strconv.ParseInt(s, 0, 64) and its unsigned fallback, plus 0b/0o prefixes. */
    private static Object parseGoInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = false;
        String body = s;
        if (body.charAt(0) == '+' || body.charAt(0) == '-') {
            negative = body.charAt(0) == '-';
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = body;
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = body.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = body.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = body.substring(2);
        } else if (body.length() > 1 && body.charAt(0) == '0') {
            radix = 8;
            digits = body.substring(1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        int significant = -1;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                return null;
            }
            if (significant < 0 && d != 0) {
                significant = i;
            }
        }
        if (significant < 0) {
            return 0L;
        }
        if (digits.length() - significant > 64) {
            // more than 64 bits in any radix: Go's ParseInt and ParseUint both fail (and
            // converting a million digits to a BigInteger takes seconds)
            return TOO_LARGE;
        }
        BigInteger v = new BigInteger(digits.substring(significant), radix);
        if (negative) {
            v = v.negate();
        }
        if (v.bitLength() < 64) {
            return v.longValue();
        }
        return v.bitLength() == 64 && v.signum() > 0 ? v : TOO_LARGE;
    }

    /** An integer past uint64: go-yaml tries it as a float, else it is a string. */
    private static final Object TOO_LARGE = new Object();

    /** The mark of the {@code codePoints}-th code point of {@code content}. */
    private Mark markAt(String content, int codePoints) {
        int end = content.offsetByCodePoints(0, Math.min(codePoints,
                content.codePointCount(0, content.length())));
        int line = 1;
        int column = 1;
        for (int i = 0; i < end; i++) {
            if (content.charAt(i) == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(content.charAt(i))) {
                column++;
            }
        }
        return new Mark(file, line, column);
    }

    private Mark mark(Event e) {
        return e.getStartMark().map(this::mark).orElse(new Mark(file, 0, 0));
    }

    private Mark mark(org.snakeyaml.engine.v2.exceptions.Mark m) {
        return new Mark(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private ComposeFileException fail(Mark m, String message) {
        return new ComposeFileException(Problem.error(m, YamlPath.ROOT, message));
    }
}
