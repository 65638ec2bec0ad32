package dev.jcompose.model;

import java.util.List;

/** {@code blkio_config:} block IO limits. */
public record BlkioConfig(
        Long weight,
        List<WeightDevice> weightDevice,
        List<ThrottleDevice> deviceReadBps,
        List<ThrottleDevice> deviceReadIops,
        List<ThrottleDevice> deviceWriteBps,
        List<ThrottleDevice> deviceWriteIops) {

    public BlkioConfig {
        weightDevice = Coll.list(weightDevice);
        deviceReadBps = Coll.list(deviceReadBps);
        deviceReadIops = Coll.list(deviceReadIops);
        deviceWriteBps = Coll.list(deviceWriteBps);
        deviceWriteIops = Coll.list(deviceWriteIops);
    }

    /** A device and its relative weight. */
    public record WeightDevice(String path, Long weight) { }

    /** A device and its rate limit (bytes or operations per second). */
    public record ThrottleDevice(String path, @Yaml.Bytes Long rate) { }
}
