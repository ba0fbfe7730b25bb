package dev.attest.evidence.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code attest.evidence.*}: the upload limit, and how often the ledger head is signed (every
 * {@code checkpoint-every} entries, or every {@code checkpoint-interval} when entries arrive slowly).
 */
@ConfigurationProperties("attest.evidence")
public class EvidenceProperties {

    private DataSize maxUploadSize = DataSize.ofMegabytes(25);
    private int checkpointEvery = 100;
    private Duration checkpointInterval = Duration.ofMinutes(10);

    public DataSize getMaxUploadSize() {
        return maxUploadSize;
    }

    public void setMaxUploadSize(DataSize maxUploadSize) {
        this.maxUploadSize = maxUploadSize;
    }

    public int getCheckpointEvery() {
        return checkpointEvery;
    }

    public void setCheckpointEvery(int checkpointEvery) {
        this.checkpointEvery = checkpointEvery;
    }

    public Duration getCheckpointInterval() {
        return checkpointInterval;
    }

    public void setCheckpointInterval(Duration checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
    }
}
