package dev.attest.web;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a page handles a submitted form: the change runs (the module's forms class turns the
 * text into a typed command through {@link Submission}, then the use case applies it), and when fields
 * are refused the page is shown again with every field's message, which the template puts beside its
 * field. The API reports the same refusal as a 400 problem ({@link ApiProblems}).
 */
public final class PageForms {

    private PageForms() {
    }

    /** The change's view (usually a redirect), or the view {@code refused} builds from the field-to-message map. */
    public static String submit(Supplier<String> change, Function<Map<String, String>, String> refused) {
        try {
            return change.get();
        } catch (InvalidFieldException e) {
            return refused.apply(e.errors());
        }
    }
}
