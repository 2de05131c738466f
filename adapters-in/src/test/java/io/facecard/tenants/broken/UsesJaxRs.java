package io.facecard.tenants.broken;

/** Breaks the tenants allow-list (HTTP in a use case) on purpose: see BrokenExamplesTest. */
class UsesJaxRs {
    jakarta.ws.rs.core.Response answer;
}
