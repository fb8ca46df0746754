package org.diplomacykg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;

/**
 * The baseline the service's materialiser is compared with: Jena's {@link GenericRuleReasoner}
 * in {@code FORWARD_RETE} mode, bound to a graph holding the ontology and the asserted data.
 */
public final class ReteBaseline {

    /** Rules used until the project's own Jena rules are wired in (RDFS and a few OWL property rules). */
    static final String DEVELOPMENT_RULES = "bench/baseline.rules";

    /**
     * The reasoner the bench runs. The one place to wire in the project's Jena rules: replace
     * the body with {@code return org.diplomacykg.reasoning.jena.JenaRules.reasoner();}.
     */
    public static GenericRuleReasoner reasoner() {
        return fromResource(DEVELOPMENT_RULES);
    }

    /** A FORWARD_RETE reasoner over the rules of a class-path resource (Jena rule syntax). */
    public static GenericRuleReasoner fromResource(String resource) {
        GenericRuleReasoner reasoner = new GenericRuleReasoner(parse(resource));
        reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
        return reasoner;
    }

    static List<Rule> parse(String resource) {
        try ( InputStream in = ReteBaseline.class.getClassLoader().getResourceAsStream(resource) ) {
            if ( in == null )
                throw new IllegalArgumentException("no rules resource " + resource + " on the class path");
            return Rule.parseRules(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private ReteBaseline() {}
}
