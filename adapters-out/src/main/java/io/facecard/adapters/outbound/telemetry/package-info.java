/**
 * OpenTelemetry for the platform's own parts the container does not see: Axon's commands, events and processors, the use
 * cases, calls to payment providers. Spans carry the tenant's id and the operation, never personal data.
 */
package io.facecard.adapters.outbound.telemetry;
