package dev.jcompose.model;

import java.util.Map;

/**
 * A mount of a service, long form. {@code type} is volume, bind, tmpfs, npipe, cluster or image;
 * for a bind, {@code source} is an absolute host path; for a named volume, the key of the
 * top-level volume; for an anonymous volume, null.
 */
public record ServiceVolume(
        String type,
        String source,
        String target,
        Boolean readOnly,
        String consistency,
        Bind bind,
        VolumeOptions volume,
        TmpfsOptions tmpfs,
        ImageOptions image,
        @Yaml.Extensions Map<String, Object> extensions) {

    public static final String VOLUME = "volume";
    public static final String BIND = "bind";
    public static final String TMPFS = "tmpfs";

    public ServiceVolume {
        extensions = Coll.map(extensions);
    }

    public boolean isReadOnly() {
        return readOnly != null && readOnly;
    }

    /** {@code bind:} options. */
    public record Bind(String propagation, Boolean createHostPath, String selinux,
            String recursive) { }

    /** {@code volume:} options. */
    public record VolumeOptions(Boolean nocopy, String subpath) { }

    /** {@code tmpfs:} options. */
    public record TmpfsOptions(@Yaml.Bytes Long size, @Yaml.FileMode Integer mode) { }

    /** {@code image:} options. */
    public record ImageOptions(String subpath) { }
}
