package org.diplomacykg.reasoning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.sse.SSE;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.Rule;
import org.diplomacykg.vocab.DKG;

/**
 * Small Turtle graphs for the domain rules, written with the prefixes the real data uses
 * ({@code :} for things under id/, {@code dkg:} for the ontology), and assertions on
 * derivations in the manner of Jena's TestLPDerivation: conclusion, rule and premises.
 */
final class DomainFixtures {

    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
        .setNsPrefixes(PrefixMapping.Standard)
        .setNsPrefix("", DKG.ID_BASE)
        .setNsPrefix("dkg", DKG.NS)
        .lock();

    private DomainFixtures() {}

    /** A graph parsed from Turtle, with the prefixes above declared. */
    static Graph graph(String turtle) {
        StringBuilder ttl = new StringBuilder();
        PREFIXES.getNsPrefixMap().forEach((prefix, ns) -> ttl.append("@prefix ").append(prefix).append(": <").append(ns).append("> .\n"));
        ttl.append(turtle);
        return RDFParser.fromString(ttl.toString(), Lang.TURTLE).toGraph();
    }

    /** The real article's facts together with the reference data (people, posts, tenures, states). */
    static Graph articleData() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source("data/reference.ttl").parse(g);
        RDFParser.source("data/articles/lavrov-rubio-2025-10/facts.ttl").parse(g);
        return g;
    }

    /** A fresh graph holding these triples, added in this order. */
    static Graph graphOf(List<Triple> triples) {
        Graph g = GraphFactory.createDefaultGraph();
        triples.forEach(g::add);
        return g;
    }

    /** A node in SSE with the prefixes above, e.g. {@code :russia} or {@code dkg:State}. */
    static Node node(String sse) {
        return SSE.parseNode(sse, PREFIXES);
    }

    /** The xsd:dateTime at the start of a day, as the data writes dates: {@code day("2025-10-21")}. */
    static Node day(String isoDate) {
        return NodeFactory.createLiteralDT(isoDate + "T00:00:00", XSDDatatype.XSDdateTime);
    }

    /** A triple of three SSE nodes, e.g. {@code triple(":s", "dkg:reaffirms", ":p")}. */
    static Triple triple(String s, String p, String o) {
        return Triple.create(node(s), node(p), node(o));
    }

    /** {@code s dkg:date day}. */
    static Triple dated(String s, String isoDate) {
        return Triple.create(node(s), DKG.Nodes.date, day(isoDate));
    }

    /** {@code s p day}, for start and end dates. */
    static Triple dated(String s, String p, String isoDate) {
        return Triple.create(node(s), node(p), day(isoDate));
    }

    /** What one application of the rule to the data derives. */
    static List<Derivation> derive(Rule rule, Graph data) {
        List<Derivation> derivations = new ArrayList<>();
        rule.apply(data, derivations::add);
        return derivations;
    }

    /** The conclusions of the derivations, as a set. */
    static Set<Triple> conclusions(List<Derivation> derivations) {
        return derivations.stream().map(Derivation::conclusion).collect(Collectors.toSet());
    }

    /** The derivations of this conclusion. */
    static List<Derivation> of(List<Derivation> derivations, Triple conclusion) {
        return derivations.stream().filter(d -> d.conclusion().equals(conclusion)).toList();
    }

    /** The one derivation of this conclusion (fails if there is none, or several). */
    static Derivation only(List<Derivation> derivations, Triple conclusion) {
        List<Derivation> found = of(derivations, conclusion);
        if ( found.size() != 1 )
            fail("expected one derivation of " + conclusion + ", got " + found.size() + " among " + derivations);
        return found.get(0);
    }

    /** The derivations whose conclusion has this subject and predicate. */
    static List<Derivation> about(List<Derivation> derivations, Node subject, Node predicate) {
        return derivations.stream()
                          .filter(d -> d.conclusion().getSubject().equals(subject) && d.conclusion().getPredicate().equals(predicate))
                          .toList();
    }

    /** Asserts the derivation is by this rule and rests on exactly these premises (in any order). */
    static void assertDerivation(Derivation d, Rule rule, Triple... premises) {
        assertEquals(rule.iri(), d.rule().iri(), "rule");
        assertEquals(Set.of(premises), new HashSet<>(d.premises()), () -> "premises of " + d.conclusion());
    }

    /**
     * Asserts the conclusion is derived at least once, and that every derivation of it is by
     * this rule and rests on exactly one of the acceptable sets of premises. (Where several
     * statements justify the same conclusion equally, a rule may give one derivation or one each.)
     */
    static void assertDerivedFromOneOf(List<Derivation> derivations, Triple conclusion, Rule rule, List<Set<Triple>> acceptable) {
        List<Derivation> found = of(derivations, conclusion);
        assertTrue(!found.isEmpty(), () -> "no derivation of " + conclusion + " among " + derivations);
        for ( Derivation d : found ) {
            assertEquals(rule.iri(), d.rule().iri(), "rule");
            assertTrue(acceptable.contains(new HashSet<>(d.premises())),
                       () -> "unexpected premises for " + conclusion + ": " + d.premises() + "\nacceptable: " + acceptable);
        }
    }

    /** Asserts the derivation is by this rule and its premises include these. */
    static void assertPremisesInclude(Derivation d, Rule rule, Triple... premises) {
        assertEquals(rule.iri(), d.rule().iri(), "rule");
        for ( Triple p : premises )
            assertTrue(d.premises().contains(p), () -> "premise " + p + " missing from the derivation of " + d.conclusion()
                                                     + ": " + d.premises());
    }

    /** Asserts no premise of the derivation mentions this node. */
    static void assertNoPremiseMentions(Derivation d, Node node) {
        for ( Triple p : d.premises() )
            assertTrue(!p.getSubject().equals(node) && !p.getObject().equals(node),
                       () -> "premise " + p + " of " + d.conclusion() + " mentions " + node);
    }

    /** Asserts every premise of every derivation is a triple of the data, and every conclusion is concrete. */
    static void assertPremisesAsserted(List<Derivation> derivations, Graph data) {
        for ( Derivation d : derivations )
            for ( Triple p : d.premises() )
                assertTrue(data.contains(p), () -> "premise " + p + " of " + d.conclusion() + " is not in the data");
    }
}
