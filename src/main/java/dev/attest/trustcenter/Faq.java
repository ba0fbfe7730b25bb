package dev.attest.trustcenter;

/** A question customers ask (how data is encrypted, where it is hosted) and its public answer. */
public record Faq(String question, String answer) {
}
