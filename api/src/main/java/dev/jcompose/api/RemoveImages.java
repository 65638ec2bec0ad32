package dev.jcompose.api;

/** Which images {@code down} removes ({@code --rmi}). */
public enum RemoveImages {
    /** none (the default) */
    NONE,
    /** the images built for the project without a custom tag ({@code project-service}) */
    LOCAL,
    /** every image a service uses */
    ALL;

    /** {@code local} or {@code all}; anything else is refused. */
    public static RemoveImages of(String which) {
        return switch (which) {
            case "local" -> LOCAL;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException("images to remove must be local or "
                    + "all, not \"" + which + "\"");
        };
    }
}
