package org.diplomacykg.bench.jena;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.BuiltinRegistry;
import org.apache.jena.reasoner.rulesys.Functor;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.reasoning.StandardRules;
import org.diplomacykg.store.DataLayout;

/**
 * The service's rules written as Jena rules, a baseline for benchmarking the Java reasoners
 * against Jena's {@link GenericRuleReasoner} in {@code FORWARD_RETE} mode on the same graph.
 * The domain rules that are not joins are in {@code diplomacy.rules} beside this class; the
 * pattern rules (the OWL rules and the domain rules declared as joins) are written from the
 * Java rules' own clauses ({@link PatternJenaRules}). A test keeps the two in step.
 * <p>
 * The domain rules take latest and earliest dates with {@code noValue}, which a forward engine
 * can only trust once what it reads is complete; so rules are stratified by name ({@code s0-},
 * {@code s1-}, ...) and {@link #materialise} runs them stratum by stratum. See the rules file.
 */
public final class JenaRules {

    /** Namespace of the helper triples the rules use between strata; never in an inferred graph. */
    public static final String HELPER_NS = "https://w3id.org/diplomacy-kg/jena#";

    private static final String RULES_FILE = "diplomacy.rules";
    private static final Pattern STRATUM = Pattern.compile("s(\\d+)-.*");

    static {
        // Before any rule is parsed: the parser looks builtins up by name.
        BuiltinRegistry.theRegistry.register(new StrLessThan());
    }

    private JenaRules() {}

    /** The domain rules of {@code diplomacy.rules}. */
    public static List<Rule> domainRules() {
        InputStream in = JenaRules.class.getResourceAsStream(RULES_FILE);
        if ( in == null )
            throw new IllegalStateException("Missing resource " + RULES_FILE + " beside " + JenaRules.class.getName());
        try ( BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)) ) {
            return Rule.parseRules(Rule.rulesParserFromReader(reader));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The service's pattern rules for {@code ontology} (the OWL rules, compiled from its axioms,
     * and the domain rules declared as joins), written from their own clauses.
     */
    public static List<Rule> patternRules(Graph ontology) {
        return PatternJenaRules.of(StandardRules.fromOntology(ontology));
    }

    /** The rules file and the pattern rules for this ontology, checked for safe stratification. */
    public static List<Rule> rules(Graph ontology) {
        List<Rule> all = new ArrayList<>(domainRules());
        all.addAll(patternRules(ontology));
        checkStrata(all);
        return all;
    }

    /** {@link #rules(Graph)} for the project's ontology file, {@code ontology/diplomacy.ttl} under the working directory. */
    public static List<Rule> rules() {
        return rules(projectOntology());
    }

    /**
     * One {@code FORWARD_RETE} reasoner over all the rules of the project's ontology. A single
     * reasoner fires the non-monotonic rules in RETE's order, so its latest and earliest dates
     * can differ from the Java rules' (see the rules file); {@link #materialise} is the faithful
     * comparison. This is the engine as it is, for timing and for a first look.
     */
    public static GenericRuleReasoner reasoner() {
        return reasoner(rules());
    }

    /** A {@code FORWARD_RETE} reasoner over these rules. */
    public static GenericRuleReasoner reasoner(List<Rule> rules) {
        GenericRuleReasoner reasoner = new GenericRuleReasoner(rules);
        reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
        return reasoner;
    }

    /**
     * What the rules derive from {@code ontology} and {@code data} together (as the Java rules
     * read the ontology graph with the data) that is not asserted in either: the comparable of
     * the service's inferred graph. Each pass runs a {@code FORWARD_RETE} reasoner over stratum
     * 0, then for each stratum K from 1 up one over stratum 0 and stratum K, each on the closure
     * left by the one before; passes
     * repeat until one derives nothing new, as the Java materialiser repeats its rules.
     */
    public static Graph materialise(Graph ontology, Graph data) {
        List<Rule> all = rules(ontology);
        TreeMap<Integer, List<Rule>> strata = byStratum(all);
        List<Rule> base = strata.getOrDefault(0, List.of());
        // Stratum 0 alone first: a stratum K reasoner may then trust that whatever stratum 0
        // concludes, except from stratum K's own conclusions, is already in its input.
        List<GenericRuleReasoner> steps = new ArrayList<>();
        steps.add(reasoner(base));
        strata.tailMap(1).values().forEach(stratum -> {
            List<Rule> rules = new ArrayList<>(base);
            rules.addAll(stratum);
            steps.add(reasoner(rules));
        });

        Graph asserted = GraphFactory.createGraphMem();
        GraphUtil.addInto(asserted, ontology);
        GraphUtil.addInto(asserted, data);
        Graph closure = GraphFactory.createGraphMem();
        GraphUtil.addInto(closure, asserted);
        int before;
        do {
            before = closure.size();
            for ( GenericRuleReasoner step : steps ) {
                InfGraph inf = step.bind(closure);
                inf.prepare();
                List<Triple> derived = Iter.toList(inf.getDeductionsGraph().find());
                derived.forEach(closure::add);
            }
        } while ( closure.size() != before );

        Graph inferred = GraphFactory.createGraphMem();
        closure.find().filterDrop(asserted::contains).filterDrop(JenaRules::isHelper).forEach(inferred::add);
        return inferred;
    }

    /** True for the helper triples the rules use between strata. */
    public static boolean isHelper(Triple t) {
        return t.getPredicate().isURI() && t.getPredicate().getURI().startsWith(HELPER_NS);
    }

    static int stratum(Rule rule) {
        Matcher m = rule.getName() == null ? null : STRATUM.matcher(rule.getName());
        if ( m == null || !m.matches() )
            throw new IllegalStateException("A rule's name must start with its stratum (s0-, s1-, ...): " + rule.toShortString());
        return Integer.parseInt(m.group(1));
    }

    private static TreeMap<Integer, List<Rule>> byStratum(List<Rule> rules) {
        TreeMap<Integer, List<Rule>> strata = new TreeMap<>();
        for ( Rule r : rules )
            strata.computeIfAbsent(stratum(r), k -> new ArrayList<>()).add(r);
        return strata;
    }

    /**
     * A noValue in stratum 0 must read a predicate that no rule concludes (stated facts are
     * complete from the start); a noValue in stratum K may not read what stratum K concludes,
     * nor what stratum 0 concludes from that. Otherwise the answer would depend on RETE's
     * firing order. Predicates are told apart, and so are rdf:type triples by their class.
     */
    private static void checkStrata(List<Rule> rules) {
        TreeMap<Integer, List<Rule>> strata = byStratum(rules);
        List<Rule> base = strata.getOrDefault(0, List.of());
        Set<Key> concludedAnywhere = concluded(rules);
        strata.forEach((k, stratum) -> {
            Set<Key> forbidden = k == 0 ? concludedAnywhere : reachable(concluded(stratum), base);
            for ( Rule r : stratum )
                for ( Key negated : negated(r) )
                    if ( forbidden.stream().anyMatch(negated::meets) )
                        throw new IllegalStateException("Rule " + r.getName() + " tests noValue on " + negated
                                                        + ", which its stratum can still conclude");
        });
    }

    /** What a triple pattern reads or concludes: its predicate, and its class for rdf:type. */
    private record Key(Node predicate, Node type) {
        static Key of(Node p, Node o) {
            boolean typed = RDF.Nodes.type.equals(p) && o.isConcrete();
            return new Key(p.isVariable() ? Node.ANY : p, typed ? o : Node.ANY);
        }

        boolean meets(Key other) {
            return matches(predicate, other.predicate) && matches(type, other.type);
        }

        private static boolean matches(Node a, Node b) {
            return a == Node.ANY || b == Node.ANY || a.equals(b);
        }
    }

    /** The keys {@code from} and whatever the rules conclude from them, step by step. */
    private static Set<Key> reachable(Set<Key> from, List<Rule> rules) {
        Set<Key> reached = new HashSet<>(from);
        boolean grew = true;
        while ( grew ) {
            grew = false;
            for ( Rule r : rules )
                if ( reads(r, reached) )
                    grew |= reached.addAll(concluded(List.of(r)));
        }
        return reached;
    }

    private static boolean reads(Rule rule, Set<Key> keys) {
        for ( var clause : rule.getBody() )
            if ( clause instanceof TriplePattern tp ) {
                Key read = Key.of(tp.getPredicate(), tp.getObject());
                if ( keys.stream().anyMatch(read::meets) )
                    return true;
            }
        return false;
    }

    private static Set<Key> concluded(List<Rule> rules) {
        Set<Key> keys = new HashSet<>();
        for ( Rule r : rules )
            for ( var clause : r.getHead() )
                if ( clause instanceof TriplePattern tp )
                    keys.add(Key.of(tp.getPredicate(), tp.getObject()));
        return keys;
    }

    private static List<Key> negated(Rule rule) {
        List<Key> keys = new ArrayList<>();
        for ( var clause : rule.getBody() )
            if ( clause instanceof Functor f && f.getName().equals("noValue") && f.getArgLength() >= 2 )
                keys.add(Key.of(f.getArgs()[1], f.getArgLength() >= 3 ? f.getArgs()[2] : Node.ANY));
        return keys;
    }

    private static Graph projectOntology() {
        Path file = Path.of("ontology", DataLayout.ONTOLOGY_FILE);
        return RDFParser.source(file).toGraph();
    }
}
