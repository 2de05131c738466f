/** The messenger context's values: channels and the rules a binding refuses. */
package io.facecard.domain.messaging;
