package io.facecard.application.problem;

/**
 * A use case's "no", with a reason a client can act on. Adapters turn the {@link Kind} into
 * their protocol's status; the application knows nothing of HTTP.
 */
public class Refusal extends RuntimeException {
    public enum Kind {
        INVALID,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String type;
    private final String reason;

    /** @param type a short stable slug clients can switch on, such as {@code duplicate-slug} */
    public Refusal(Kind kind, String type, String detail) {
        this(kind, type, null, detail);
    }

    /** @param reason a machine-readable sub-reason within the type, such as {@code NO_FACE} */
    public Refusal(Kind kind, String type, String reason, String detail) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public static Refusal invalid(String detail) {
        return new Refusal(Kind.INVALID, "invalid-request", detail);
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "not-found", what + " was not found");
    }

    public static Refusal conflict(String type, String detail) {
        return new Refusal(Kind.CONFLICT, type, detail);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", detail);
    }

    public static Refusal unauthenticated(String detail) {
        return new Refusal(Kind.UNAUTHENTICATED, "unauthenticated", detail);
    }
}
