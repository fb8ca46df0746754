package org.diplomacykg.reasoning.owl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.sse.SSE;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.Rule;

/** Small graphs written in Turtle or SSE with shared prefixes, and a tiny fixpoint loop. */
final class OwlFixtures {

    static final String EX = "http://example/";

    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
        .setNsPrefixes(PrefixMapping.Standard)
        .setNsPrefix("", EX)
        .setNsPrefix("dkg", "https://w3id.org/diplomacy-kg/ontology#")
        .setNsPrefix("id", "https://w3id.org/diplomacy-kg/id/")
        .lock();

    private OwlFixtures() {}

    /** A graph parsed from Turtle, with the prefixes above declared. */
    static Graph graph(String turtle) {
        StringBuilder ttl = new StringBuilder();
        PREFIXES.getNsPrefixMap().forEach((prefix, ns) -> ttl.append("@prefix ").append(prefix).append(": <").append(ns).append("> .\n"));
        ttl.append(turtle);
        return RDFParser.fromString(ttl.toString(), Lang.TURTLE).toGraph();
    }

    /** A triple in SSE, e.g. {@code (:a rdf:type :C)}. */
    static Triple triple(String sse) {
        return SSE.parseTriple(sse, PREFIXES);
    }

    /** A node in SSE, e.g. {@code :p}. */
    static Node node(String sse) {
        return SSE.parseNode(sse, PREFIXES);
    }

    /** The one triple of {@code graph} with this subject and predicate (e.g. a chain axiom, whose object is a blank node). */
    static Triple only(Graph graph, String subject, String predicate) {
        List<Triple> found = graph.find(node(subject), node(predicate), Node.ANY).toList();
        assertEquals(1, found.size(), () -> "triples " + subject + " " + predicate + ": " + found);
        return found.get(0);
    }

    /** What one application of the rule to the data derives. */
    static List<Derivation> derive(Rule rule, Graph data) {
        List<Derivation> derivations = new ArrayList<>();
        rule.apply(data, derivations::add);
        return derivations;
    }

    /** Asserts the derivations are exactly these (conclusion, rule and premises), in any order, none twice. */
    static void assertDerivations(List<Derivation> actual, Derivation... expected) {
        assertEquals(new HashSet<>(List.of(expected)), new HashSet<>(actual));
        assertEquals(expected.length, actual.size(), () -> "derivations given twice: " + actual);
    }

    /** The union of the graphs, as a fresh graph. */
    static Graph union(Graph... graphs) {
        Graph all = GraphFactory.createDefaultGraph();
        for ( Graph g : graphs )
            g.find().forEach(all::add);
        return all;
    }

    /**
     * Runs the rules to a fixpoint over {@code data}, which it extends with what they infer,
     * and returns the first derivation of each new triple. Fails rather than loop for ever.
     */
    static Map<Triple, Derivation> fixpoint(List<Rule> rules, Graph data) {
        Map<Triple, Derivation> inferred = new LinkedHashMap<>();
        for ( int round = 0; round < 50; round++ ) {
            List<Derivation> found = new ArrayList<>();
            for ( Rule rule : rules )
                rule.apply(data, found::add);
            boolean added = false;
            for ( Derivation d : found ) {
                assertTrue(d.premises().stream().allMatch(data::contains), () -> "a premise is not in the data: " + d);
                if ( !data.contains(d.conclusion()) ) {
                    data.add(d.conclusion());
                    inferred.put(d.conclusion(), d);
                    added = true;
                }
            }
            if ( !added )
                return inferred;
        }
        throw new AssertionError("no fixpoint after 50 rounds");
    }
}
