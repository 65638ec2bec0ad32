package dev.jcompose.kubernetes.convert;

import java.util.Map;

/**
 * Compose labels and annotations on Kubernetes objects. Compose takes any text as a label;
 * Kubernetes takes short names and values of a few characters. What fits is a label, the rest
 * an annotation (which takes any value); {@code kompose.*} labels are instructions, not labels,
 * and are left out.
 */
final class MetadataLabels implements Transformer {

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        split(ctx.service().labels(), draft.labels, draft.annotations);
        if (ctx.service().deploy() != null) {
            split(ctx.service().deploy().labels(), draft.labels, draft.annotations);
        }
        ctx.service().annotations().forEach((k, v) -> {
            if (Names.isQualifiedName(k)) {
                draft.annotations.put(k, v);
            } else {
                ctx.warn("annotation " + k + " is not a valid Kubernetes key: left out",
                        "annotations", k);
            }
        });
        draft.podAnnotations.putAll(draft.annotations);
        for (String key : ctx.kompose().all().keySet()) {
            if (!KomposeLabels.KNOWN.contains(key)) {
                ctx.warn("label " + key + " is not one of the kompose labels jcompose "
                        + "understands: " + String.join(", ", KomposeLabels.KNOWN.stream()
                                .filter(k -> !k.contains(".healthcheck.")).sorted().toList())
                        + " and kompose.service.healthcheck.{readiness,liveness}.*",
                        "labels", key);
            }
        }
    }

    /** Puts each of {@code source} in {@code labels} if it fits, else in {@code annotations}. */
    static void split(Map<String, String> source, Map<String, String> labels,
            Map<String, String> annotations) {
        source.forEach((k, v) -> {
            if (KomposeLabels.isKompose(k) || !Names.isQualifiedName(k)) {
                return;
            }
            String value = v == null ? "" : v;
            if (Names.isLabelValue(value) && !labels.containsKey(k)) {
                labels.put(k, value);
            } else {
                annotations.putIfAbsent(k, value);
            }
        });
    }
}
