package dev.jcompose.model.tree;

/** The compose-specific YAML tags that change how a node merges. */
public enum Tag {
    NONE,
    /** {@code !reset}: remove the value inherited from earlier files or from {@code extends}. */
    RESET,
    /** {@code !override}: replace the inherited value instead of merging with it. */
    OVERRIDE
}
