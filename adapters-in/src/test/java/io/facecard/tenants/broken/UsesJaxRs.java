package io.facecard.tenants.broken;

import jakarta.ws.rs.core.Response;

/** Breaks the tenants allow-list (HTTP in a use case) on purpose: see BrokenExamplesTest. */
class UsesJaxRs {
    Response answer;
}
