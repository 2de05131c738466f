/**
 * Store analytics: what happens in a store before the till. Cameras post what they saw; consented members' visits are
 * recorded, everyone else is only counted (their faces live in memory for the length of a visit, then are forgotten);
 * watch lists raise alert episodes pushed to the store's devices. Faces are biometrics' business, reached only
 * through {@code io.facecard.application.biometrics.port}.
 */
package io.facecard.application.instore;
