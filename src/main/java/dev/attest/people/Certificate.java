package dev.attest.people;

/** An uploaded training certificate (for example a PDF from an external course). */
public record Certificate(String name, String contentType, byte[] content) {
}
