package io.facecard.adapters.outbound.axon;

import io.facecard.application.platform.port.MessagingHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

@ApplicationScoped
public class AxonHealth implements MessagingHealth {
    @Inject
    AxonRuntime axon;

    @Override
    public boolean healthy() {
        return axon.healthy();
    }

    @Override
    public Map<String, String> processors() {
        Map<String, String> states = new LinkedHashMap<>();
        axon.processors().forEach((name, p) -> states.put(name, p.isError() ? "error" : p.isRunning() ? "running" : "stopped"));
        return states;
    }
}
