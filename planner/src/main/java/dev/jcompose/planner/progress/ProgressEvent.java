package dev.jcompose.planner.progress;

/**
 * A change in the state of one resource during an operation: the planner's executor and the
 * engine adapter emit them, one renderer (tty, plain, json, quiet) shows them.
 *
 * @param resource what changed, as users read it: {@code Container demo-web-1}
 * @param status   working, done, warning or error
 * @param text     the state in a word or two: Creating, Started, Pulling
 * @param detail   more, when there is more (a pull layer's status, an error's reason), or ""
 * @param current  bytes or steps done, or -1
 * @param total    bytes or steps in all, or -1
 * @param parent   the resource this one belongs to (a layer's image), or null
 */
public record ProgressEvent(String resource, Status status, String text, String detail,
        long current, long total, String parent) {

    /** The state of a resource's operation. */
    public enum Status { WORKING, DONE, WARNING, ERROR }

    public static ProgressEvent working(String resource, String text) {
        return new ProgressEvent(resource, Status.WORKING, text, "", -1, -1, null);
    }

    public static ProgressEvent done(String resource, String text) {
        return new ProgressEvent(resource, Status.DONE, text, "", -1, -1, null);
    }

    public static ProgressEvent error(String resource, String text, String detail) {
        return new ProgressEvent(resource, Status.ERROR, text, detail, -1, -1, null);
    }

    public static ProgressEvent warning(String resource, String text, String detail) {
        return new ProgressEvent(resource, Status.WARNING, text, detail, -1, -1, null);
    }
}
