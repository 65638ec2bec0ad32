package dev.jcompose.model;

import java.util.Map;

/** {@code logging:} driver and its options. */
public record Logging(String driver, Map<String, String> options) {

    public Logging {
        options = Coll.map(options);
    }
}
