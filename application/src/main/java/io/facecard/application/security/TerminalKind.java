package io.facecard.application.security;

public enum TerminalKind {
    POS,
    KIOSK,
    APP,
    CAMERA
}
