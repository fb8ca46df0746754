package org.diplomacykg.generate;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stances taken on one proposal, by state: the day of each state's earliest rejection, and
 * the states that supported it. Two states disagree on the proposal when one rejected it and
 * the other supported it, from the day of the first rejection; a state on both sides does not
 * disagree with itself. Sorted maps, so that answers come out in the same order every time.
 */
final class ProposalLedger {

    final int proposal;
    final boolean sampled;
    private final int stanceBudget;
    private int stances;
    private final Map<Integer, Integer> firstRejection = new TreeMap<>();
    private final TreeSet<Integer> supporters = new TreeSet<>();

    ProposalLedger(int proposal, boolean sampled, int stanceBudget) {
        this.proposal = proposal;
        this.sampled = sampled;
        this.stanceBudget = stanceBudget;
    }

    void reject(int state, int day) {
        firstRejection.merge(state, day, Math::min);
        stances++;
    }

    void support(int state) {
        supporters.add(state);
        stances++;
    }

    /** True when the proposal has had all the stances it will get and can leave the pool. */
    boolean spent() {
        return stances >= stanceBudget;
    }

    /** Each disagreement: rejecting state, supporting state, day. */
    void forEachDisagreement(DisagreementConsumer out) {
        firstRejection.forEach((rejecting, day) -> {
            for ( int supporting : supporters )
                if ( supporting != rejecting )
                    out.accept(rejecting, supporting, day);
        });
    }

    @FunctionalInterface
    interface DisagreementConsumer {
        void accept(int rejecting, int supporting, int day);
    }
}
