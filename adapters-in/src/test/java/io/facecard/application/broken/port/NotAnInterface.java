package io.facecard.application.broken.port;

/** Breaks "ports are interfaces and the records or enums they carry" on purpose (a class with behaviour): see BrokenExamplesTest. */
public class NotAnInterface {}
