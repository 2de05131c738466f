/** Ports out that concern the platform as a whole rather than one context (readiness of event processing). */
package io.facecard.application.platform.port;
