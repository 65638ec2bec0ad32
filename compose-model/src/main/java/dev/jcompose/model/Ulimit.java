package dev.jcompose.model;

/** A ulimit: either {@code single} (soft = hard) or {@code soft} and {@code hard}. */
public record Ulimit(Long single, Long soft, Long hard) {

    public long softLimit() {
        return single != null ? single : soft == null ? 0 : soft;
    }

    public long hardLimit() {
        return single != null ? single : hard == null ? 0 : hard;
    }
}
