package io.facecard.adapters.outbound.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;

class AxonAssemblyTest {
    @ProcessingGroup("ledger")
    static class LedgerView implements Projection {}

    @ProcessingGroup("ledger")
    static class CheckoutView implements Projection {}

    /** What a CDI client proxy looks like to the assembly: a subclass without the annotation. */
    static class ProxiedLedgerView extends LedgerView {}

    @ProcessingGroup("nowhere")
    static class Stray implements Projection {}

    static class Unnamed implements Projection {}

    static class Account {}

    static AxonContext loyalty() {
        return new AxonContext() {
            @Override
            public List<Aggregate> aggregates() {
                return List.of(Aggregate.snapshotted(Account.class, 16, "bonus-"));
            }

            @Override
            public List<Processor> processors() {
                return List.of(Processor.subscribing("ledger"));
            }
        };
    }

    @Test
    void projectionsJoinTheProcessorTheirGroupNamesEvenBehindAProxy() {
        LedgerView ledger = new ProxiedLedgerView();
        CheckoutView checkouts = new CheckoutView();
        AxonAssembly a = new AxonAssembly(List.of(loyalty()), List.of(ledger, checkouts));
        assertThat(a.processors()).containsOnlyKeys("ledger");
        assertThat(a.handlersOf("ledger")).containsExactly(ledger, checkouts);
        assertThat(a.aggregates()).extracting(AxonContext.Aggregate::type).containsExactly(Account.class);
    }

    @Test
    void aProjectionOfAnUndeclaredProcessorStopsTheStart() {
        assertThatThrownBy(() -> new AxonAssembly(List.of(loyalty()), List.of(new Stray())))
                .hasMessageContaining("names processor 'nowhere', which no context declares");
        assertThatThrownBy(() -> new AxonAssembly(List.of(loyalty()), List.of(new Unnamed())))
                .hasMessageContaining("without @ProcessingGroup");
    }

    @Test
    void twoContextsCannotDeclareOneProcessorOrOneAggregate() {
        assertThatThrownBy(() -> new AxonAssembly(List.of(loyalty(), loyalty()), List.of()))
                .hasMessageContaining("contributed twice");
        AxonContext sameProcessor = new AxonContext() {
            @Override
            public List<Processor> processors() {
                return List.of(Processor.streaming("ledger", 2));
            }
        };
        assertThatThrownBy(() -> new AxonAssembly(List.of(loyalty(), sameProcessor), List.of()))
                .hasMessageContaining("processor 'ledger' is declared twice");
    }
}
