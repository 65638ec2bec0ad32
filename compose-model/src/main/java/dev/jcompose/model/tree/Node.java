package dev.jcompose.model.tree;

/**
 * An immutable YAML node with its source mark. Stages of the loader are functions from tree to
 * tree; they never mutate a node, they build new ones (keeping the marks of what they came from).
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {

    Mark mark();

    Tag tag();

    /** A copy of this node carrying {@code tag}. */
    Node withTag(Tag tag);

    /** A short human description of the node's kind, for error messages. */
    String kindName();

    default boolean isMap() {
        return this instanceof MapNode;
    }

    default boolean isSeq() {
        return this instanceof SeqNode;
    }

    default boolean isScalar() {
        return this instanceof ScalarNode;
    }

    default boolean isNull() {
        return this instanceof ScalarNode s && s.value() == null;
    }
}
