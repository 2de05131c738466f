/** Ports out of the membership context: the face pipeline, the template search, the member directory read model, per-member keys, identifier claims, face settings. */
package io.facecard.application.membership.port;
