package io.facecard.adapters.outbound.platform;

import io.facecard.application.platform.port.CpuPriority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Background threads at Linux nice {@code facecard.background.nice} (default 19, the lowest priority; 0 turns it off). */
@ApplicationScoped
public class NiceCpuPriority implements CpuPriority {
    @Inject
    @ConfigProperty(name = "facecard.background.nice", defaultValue = "19")
    int nice;

    @Override
    public void lowerCurrentThread() {
        if (nice > 0) {
            ThreadNiceness.lowerCurrentThread(nice);
        }
    }
}
