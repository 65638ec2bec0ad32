package dev.jcompose.model;

import java.util.List;
import java.util.Map;

/** A device request ({@code gpus}, {@code deploy.resources.reservations.devices}). */
public record DeviceRequest(
        List<String> capabilities,
        String driver,
        Long count,
        List<String> deviceIds,
        Map<String, String> options) {

    /** {@code count: all}. */
    public static final long ALL = -1;

    public DeviceRequest {
        capabilities = Coll.list(capabilities);
        deviceIds = Coll.list(deviceIds);
        options = Coll.map(options);
    }
}
