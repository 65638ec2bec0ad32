package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.ImageSummary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The images {@code down --rmi} removes, as docker compose chooses them. */
public final class ImageRemoval {

    private ImageRemoval() {
    }

    /**
     * The images {@code down --rmi} removes, as references. {@code local}: the images compose
     * built and named itself ({@code project-service}, for services without {@code image:});
     * {@code all}: also every image a service names. Without a model (null {@code project}),
     * the images labelled with the project. With {@code removeOrphans}, also labelled images of
     * services no longer in the files.
     *
     * @param images the project's labelled images and the images its services name, as present
     */
    public static List<String> imagesToRemove(String projectName, Project project,
            List<ImageSummary> images, String mode, boolean removeOrphans) {
        if (mode == null) {
            return List.of();
        }
        if (!"local".equals(mode) && !"all".equals(mode)) {
            throw new PlanException("--rmi " + mode + " is not valid (use local or all)");
        }
        boolean all = "all".equals(mode);
        Set<String> out = new LinkedHashSet<>();
        Set<String> present = new LinkedHashSet<>();
        for (ImageSummary img : images) {
            present.addAll(img.tags());
        }
        for (ImageSummary img : images) {
            if (!projectName.equals(img.label(Labels.PROJECT)) || img.tags().isEmpty()) {
                continue;
            }
            Service s = project == null ? null
                    : project.services().get(img.label(Labels.SERVICE));
            boolean prune = project == null || removeOrphans
                    || (s != null && (all || s.image() == null || s.image().isEmpty()));
            if (prune) {
                out.add(normalise(img.tags().get(0)));
            }
        }
        if (project != null) {
            for (Service s : project.services().values()) {
                boolean named = s.image() != null && !s.image().isEmpty();
                String ref = s.imageName(project.name());
                if ((all || !named) && present.contains(normalise(ref))) {
                    out.add(normalise(ref));
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@code name} as the engine lists it: with {@code :latest} when it has no tag. */
    private static String normalise(String ref) {
        return ImagePlanner.hasTag(ref) ? ref : ref + ":latest";
    }
}
