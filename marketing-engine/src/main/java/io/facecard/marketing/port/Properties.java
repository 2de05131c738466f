package io.facecard.marketing.port;

import io.facecard.marketing.port.Condition.Operator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The member properties a segment may test, each with its type and the operators that type takes: the vocabulary of
 * {@link Condition}.
 */
public interface Properties {
    public enum Type {
        TEXT(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.CONTAINS, Operator.STARTS_WITH, Operator.IN, Operator.NOT_IN,
                Operator.EXISTS, Operator.MISSING)),
        NUMBER(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.LESS_THAN, Operator.LESS_THAN_OR_EQUAL_TO, Operator.GREATER_THAN,
                Operator.GREATER_THAN_OR_EQUAL_TO, Operator.BETWEEN, Operator.IN, Operator.NOT_IN, Operator.EXISTS, Operator.MISSING)),
        DATE(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.LESS_THAN, Operator.LESS_THAN_OR_EQUAL_TO, Operator.GREATER_THAN,
                Operator.GREATER_THAN_OR_EQUAL_TO, Operator.BETWEEN, Operator.EXISTS, Operator.MISSING)),
        BOOLEAN(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS)),
        /** A set of values (the member's bound channels). */
        SET(EnumSet.of(Operator.ALL, Operator.HAS_SOME_OF, Operator.HAS_NONE_OF, Operator.EXISTS, Operator.MISSING, Operator.CONTAINS));

        public final Set<Operator> operators;

        Type(Set<Operator> operators) {
            this.operators = operators;
        }
    }

    /** @param name as in the tree; @param sensitive gender and age: allowed to marketers, never shown in results */
    public record Definition(String name, Type type, boolean sensitive) {}

    List<Definition> ALL = List.of(
            new Definition("tier", Type.TEXT, false),
            new Definition("gender", Type.TEXT, true),
            new Definition("age", Type.NUMBER, true),
            new Definition("birthDate", Type.DATE, true),
            new Definition("daysToBirthday", Type.NUMBER, true),
            new Definition("locale", Type.TEXT, false),
            new Definition("homeStore", Type.TEXT, false),
            new Definition("memberSince", Type.DATE, false),
            new Definition("pointsAvailable", Type.NUMBER, false),
            new Definition("pointsExpiring", Type.NUMBER, false),
            new Definition("channels", Type.SET, false),
            new Definition("consent.MARKETING_PUSH", Type.BOOLEAN, false),
            new Definition("consent.MESSENGER_NOTICES", Type.BOOLEAN, false),
            new Definition("consent.BIOMETRIC_IDENTIFICATION", Type.BOOLEAN, false),
            new Definition("consent.ANALYTICS", Type.BOOLEAN, false),
            new Definition("consent.FACE_PAY", Type.BOOLEAN, false));

    Map<String, Definition> BY_NAME = ALL.stream().collect(Collectors.toMap(Definition::name, d -> d));

    static String names() {
        return ALL.stream().map(Definition::name).collect(Collectors.joining(", "));
    }
}
