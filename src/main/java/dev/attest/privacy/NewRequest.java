package dev.attest.privacy;

/** A request as staff enter it (or as a verified public submission becomes one); wire names for type and law. */
public record NewRequest(String type, String law, String name, String email, String details) {
}
