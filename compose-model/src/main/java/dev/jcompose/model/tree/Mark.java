package dev.jcompose.model.tree;

/**
 * A position in a source file: 1-based line and column. Every node of the tree keeps the mark of
 * the text it came from, so any stage can point its errors at the user's file.
 */
public record Mark(String file, int line, int column) {

    /** A mark for values that did not come from a file (defaults, command-line input). */
    public static final Mark NONE = new Mark("", 0, 0);

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        if (!isKnown()) {
            return file.isEmpty() ? "<unknown>" : file;
        }
        return file + ":" + line + ":" + column;
    }
}
