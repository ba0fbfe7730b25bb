package dev.attest.catalog;

/** One uploaded OSCAL document: its file name and bytes. */
public record OscalUpload(String name, byte[] content) {
}
