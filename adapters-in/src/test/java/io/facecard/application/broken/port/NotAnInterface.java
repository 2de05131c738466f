package io.facecard.application.broken.port;

/** Breaks "ports out are interfaces" on purpose: see BrokenExamplesTest. */
public class NotAnInterface {}
