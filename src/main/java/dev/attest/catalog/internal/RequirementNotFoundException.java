package dev.attest.catalog.internal;

import dev.attest.catalog.Framework;

/** The framework has no requirement under this ref or citation. */
class RequirementNotFoundException extends dev.attest.web.NotFoundException {

    RequirementNotFoundException(Framework framework, String ref) {
        super(framework.name() + " has no requirement '" + ref + "'");
    }
}
