package dev.jcompose.model;

/**
 * One dependency of a service. {@code condition} is {@code service_started},
 * {@code service_healthy} or {@code service_completed_successfully}; {@code restart: false} is
 * held as unset (its default), so that it is printed and hashed as compose v2 does.
 */
public record DependsOn(String condition, Boolean restart, Boolean required) {

    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";

    /** What a dependent waits for, by its compose name. */
    public enum Condition {
        STARTED(DependsOn.STARTED, "started"),
        HEALTHY(DependsOn.HEALTHY, "healthy"),
        COMPLETED(DependsOn.COMPLETED, "completed successfully");

        private final String composeName;
        private final String description;

        Condition(String composeName, String description) {
            this.composeName = composeName;
            this.description = description;
        }

        /** {@code service_healthy}, as compose files spell it. */
        public String composeName() {
            return composeName;
        }

        /** {@code healthy}, as messages say it ("to be healthy"). */
        public String description() {
            return description;
        }

        /** The condition {@code name} spells; {@link #STARTED} for null. */
        public static Condition of(String name) {
            for (Condition c : values()) {
                if (c.composeName.equals(name)) {
                    return c;
                }
            }
            if (name == null) {
                return STARTED;
            }
            throw new IllegalArgumentException("not a depends_on condition: " + name);
        }
    }

    public DependsOn {
        if (condition == null) {
            condition = STARTED;
        }
        if (required == null) {
            required = Boolean.TRUE;
        }
        if (Boolean.FALSE.equals(restart)) {
            restart = null; // the default, left out as compose-go leaves it out
        }
    }

    /** {@link #condition()} as a {@link Condition}. */
    public Condition waitCondition() {
        return Condition.of(condition);
    }

    public boolean isRequired() {
        return required == null || required;
    }

    public boolean restartsWithDependency() {
        return restart != null && restart;
    }
}
