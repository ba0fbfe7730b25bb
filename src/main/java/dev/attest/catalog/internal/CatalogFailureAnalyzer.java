package dev.attest.catalog.internal;

import dev.attest.catalog.CatalogException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken catalog file into a start-up message that names the file and line. */
class CatalogFailureAnalyzer extends AbstractFailureAnalyzer<CatalogException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CatalogException cause) {
        return new FailureAnalysis("The catalog is invalid: " + cause.getMessage(),
                "Fix the catalog file under src/main/resources/catalog/ at the line named above.", cause);
    }
}
