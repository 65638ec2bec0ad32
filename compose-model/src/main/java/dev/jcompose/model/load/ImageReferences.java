package dev.jcompose.model.load;

import java.util.regex.Pattern;

/**
 * The image reference grammar of the engine (distribution's {@code reference} package):
 * {@code [registry[:port]/]path[:tag][@algorithm:hex]}, path components lower case. A name the
 * engine will refuse is refused when the file is read, with its line, not at {@code up} after
 * the networks were created.
 */
final class ImageReferences {

    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final String DOMAIN_COMPONENT =
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT
            + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
    private static final Pattern REFERENCE = Pattern.compile("(?:" + DOMAIN + "/)?"
            + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*"
            + "(?::[\\w][\\w.-]{0,127})?"
            + "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");

    private ImageReferences() {
    }

    /** Why the engine would refuse {@code image}, or null when it is a valid reference. */
    static String problem(String image) {
        if (image.isEmpty()) {
            return null; // "neither an image nor a build" is reported by the consistency check
        }
        int slash = image.indexOf('/');
        String first = slash < 0 ? null : image.substring(0, slash);
        boolean domain = first != null && (first.contains(".") || first.contains(":")
                || first.equals("localhost") || !first.equals(first.toLowerCase()));
        String name = image.split("[:@]", 2)[0];
        if (!domain && !name.equals(name.toLowerCase())) {
            return "is not a valid image name: the repository name must be lower case";
        }
        int nameEnd = image.indexOf('@') >= 0 ? image.indexOf('@') : image.length();
        if (nameEnd > 255 + image.substring(nameEnd).length()) {
            return "is not a valid image name: longer than 255 characters";
        }
        if (!REFERENCE.matcher(image).matches()) {
            return "is not a valid image name (the engine takes [REGISTRY/]NAME[:TAG][@DIGEST]"
                    + ", lower case, no spaces)";
        }
        return null;
    }
}
