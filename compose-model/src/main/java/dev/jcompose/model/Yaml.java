package dev.jcompose.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a record component maps to the compose file. Components are named after their YAML key in
 * camel case ({@code stop_grace_period} is {@code stopGracePeriod}); these annotations cover the
 * exceptions.
 */
public final class Yaml {

    private Yaml() {
    }

    /** The component's YAML key, when camel-to-snake conversion does not give it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Key {
        String value();
    }

    /** A byte size: read from {@code 512m}/{@code 1gb}/a number, printed as a number of bytes. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Bytes {
    }

    /** A file mode: read from an octal or decimal number, printed in octal ({@code "0440"}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface FileMode {
    }

    /** The map collecting the {@code x-*} extension fields of this level. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Extensions {
    }

    /** Not part of the file format: metadata the loader fills in (never printed by config). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Internal {
    }
}
