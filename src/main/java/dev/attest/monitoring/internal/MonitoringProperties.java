package dev.attest.monitoring.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code attest.monitoring.*}: how many resources one push may carry, how large one resource's
 * document may be, how many resources a full run reads and writes per transaction (small, because each
 * holds the workspace lock and pushes wait for it: H2 gives up after 10 s), and how often a
 * full snapshot of every result is kept as evidence (runs in between keep only what changed).
 */
@ConfigurationProperties("attest.monitoring")
public class MonitoringProperties {

    private int maxBatch = 10_000;
    private DataSize maxDocumentSize = DataSize.ofMegabytes(1);
    private int chunk = 500;
    private Duration snapshotInterval = Duration.ofDays(1);

    public int getMaxBatch() {
        return maxBatch;
    }

    public void setMaxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    public DataSize getMaxDocumentSize() {
        return maxDocumentSize;
    }

    public void setMaxDocumentSize(DataSize maxDocumentSize) {
        this.maxDocumentSize = maxDocumentSize;
    }

    public int getChunk() {
        return chunk;
    }

    public void setChunk(int chunk) {
        this.chunk = chunk;
    }

    public Duration getSnapshotInterval() {
        return snapshotInterval;
    }

    public void setSnapshotInterval(Duration snapshotInterval) {
        this.snapshotInterval = snapshotInterval;
    }
}
