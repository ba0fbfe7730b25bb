package dev.attest.trustcenter;

import java.time.Instant;

/** The snapshot the public site shows, and who published it when. */
public record PublishedTrustCenter(TrustCenterContent content, Instant publishedAt, String publishedBy) {
}
