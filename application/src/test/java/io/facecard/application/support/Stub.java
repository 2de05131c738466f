package io.facecard.application.support;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Function;

/**
 * A port for a use-case test that answers only the calls the test names (by method name); any other call fails the
 * test, so a use case that starts asking a port something new is noticed rather than silently answered.
 */
public final class Stub {
    private Stub() {}

    @SuppressWarnings("unchecked")
    public static <T> T of(Class<T> port, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "stub " + port.getSimpleName() : method.invoke(answers, args);
            }
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new AssertionError("the test did not expect " + port.getSimpleName() + "." + method.getName());
            }
            return answer.apply(args == null ? new Object[0] : args);
        });
    }
}
