package dev.jcompose.cli.menu;

import dev.jcompose.api.EventSubscription;
import java.util.function.Supplier;

/** Watch turned on and off by the menu: on, a running {@code watch}; off, none. */
public final class WatchToggle implements AutoCloseable {

    private final Supplier<EventSubscription> start;
    private EventSubscription running;

    /** @param start starts watching (through the api's {@code watch}) and returns it */
    public WatchToggle(Supplier<EventSubscription> start) {
        this.start = start;
    }

    public synchronized boolean watching() {
        return running != null;
    }

    /**
     * Starts watching when off, stops it when on.
     *
     * @throws dev.jcompose.api.ComposeException when watch cannot start (it stays off)
     */
    public synchronized void toggle() {
        if (running != null) {
            close();
        } else {
            running = start.get();
        }
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
