package dev.jcompose.model.tree;

import java.util.List;

/** A YAML sequence. */
public record SeqNode(List<Node> items, Mark mark, Tag tag) implements Node {

    public SeqNode {
        items = List.copyOf(items);
    }

    public static SeqNode of(List<? extends Node> items, Mark mark) {
        return new SeqNode(List.copyOf(items), mark, Tag.NONE);
    }

    public int size() {
        return items.size();
    }

    public Node get(int index) {
        return items.get(index);
    }

    @Override
    public SeqNode withTag(Tag newTag) {
        return new SeqNode(items, mark, newTag);
    }

    public SeqNode withItems(List<? extends Node> newItems) {
        return new SeqNode(List.copyOf(newItems), mark, tag);
    }

    @Override
    public String kindName() {
        return "list";
    }
}
