package io.facecard.marketing.delivery;

import java.time.Instant;

/** What the channel policy decided for one message now: send it, let it wait until a time, or refuse it by a named rule. */
public record Decision(Verdict verdict, Instant notBefore, String rule) {
    public enum Verdict { SEND, WAIT, REFUSE }

    public static Decision send() {
        return new Decision(Verdict.SEND, null, null);
    }

    public static Decision waitUntil(Instant t, String rule) {
        return new Decision(Verdict.WAIT, t, rule);
    }

    public static Decision refuse(String rule) {
        return new Decision(Verdict.REFUSE, null, rule);
    }
}
