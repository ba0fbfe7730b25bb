package dev.attest.web;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What a person typed in the search box, checked once: every module's store matches it the same way,
 * as a case-insensitive part of a name (a SQL {@code like} pattern with its wildcards escaped) or as a
 * whole record id.
 *
 * @param text the trimmed text, 2 to 100 characters
 */
public record SearchTerm(String text) {

    /** The escape character of {@link #likePattern()}; stores write {@code like ? escape '!'}. */
    public static final String ESCAPE = "!";

    public SearchTerm {
        text = text == null ? "" : text.strip();
        if (text.length() < 2) {
            throw new InvalidFieldException("q", "Type at least 2 characters to search.");
        }
        if (text.length() > 100) {
            throw new InvalidFieldException("q", "Search for at most 100 characters.");
        }
    }

    /** A lower-case {@code like} pattern matching the text anywhere, its own {@code %}, {@code _} and {@code !} taken literally. */
    public String likePattern() {
        return likeAnywhere(text);
    }

    /** Any text as that pattern, without the length rules of the search box: for a list's own filter field. */
    public static String likeAnywhere(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    /** The text as a record id, when it is one. */
    public Optional<UUID> id() {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The id to compare with, or a random one that matches nothing, so one statement serves both cases. */
    public UUID idOrNone() {
        return id().orElseGet(UUID::randomUUID);
    }

    /** Whether a text (a name, a key) contains the term, ignoring case: for data held in memory, such as the catalog. */
    public boolean matches(String candidate) {
        return candidate != null && candidate.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
