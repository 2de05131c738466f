package io.facecard.adapters.inbound.http.gate;

/** A body the gate refuses, with the JSON pointer of the part at fault ("" for the whole body). */
public final class BodyRefused extends RuntimeException {
    private final String pointer;

    public BodyRefused(String pointer, String detail) {
        super(detail, null, false, false);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
