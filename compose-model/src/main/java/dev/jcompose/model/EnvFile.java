package dev.jcompose.model;

/** An {@code env_file} entry; a missing file is an error unless {@code required} is false. */
public record EnvFile(String path, Boolean required, String format) {

    public boolean isRequired() {
        return required == null || required;
    }
}
