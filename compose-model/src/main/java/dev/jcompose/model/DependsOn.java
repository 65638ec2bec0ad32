package dev.jcompose.model;

/**
 * One dependency of a service. {@code condition} is {@code service_started},
 * {@code service_healthy} or {@code service_completed_successfully}.
 */
public record DependsOn(String condition, Boolean restart, Boolean required) {

    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";

    public DependsOn {
        if (condition == null) {
            condition = STARTED;
        }
        if (required == null) {
            required = Boolean.TRUE;
        }
    }

    public boolean isRequired() {
        return required == null || required;
    }

    public boolean restartsWithDependency() {
        return restart != null && restart;
    }
}
