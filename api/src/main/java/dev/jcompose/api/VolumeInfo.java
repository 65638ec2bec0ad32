package dev.jcompose.api;

import java.util.Map;

/**
 * A volume of a project, as {@code volumes} lists it.
 *
 * @param mountpoint where the engine keeps its data (null when not reported)
 * @param scope      {@code local} or {@code global} (null when not reported)
 */
public record VolumeInfo(String name, String driver, String mountpoint, String scope,
        Map<String, String> labels) {

    public VolumeInfo {
        labels = Map.copyOf(labels);
    }
}
