package org.diplomacykg.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.Derivations;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code infer}: load as {@code serve} would (the commit materialises), or open an existing
 * {@code --tdb} store, then print the inferred graph as Turtle, or with {@code --explain} why each inferred triple holds, by every
 * derivation the rules find for it (the explanations graph stores one):
 * <pre>
 * id:a dkg:p id:b
 *   because some rule (https://w3id.org/diplomacy-kg/rule/some-rule)
 *     - id:a dkg:q id:b
 *     - dkg:q dkg:implies dkg:p [inferred]
 * </pre>
 */
@Command(name = "infer",
         description = "Load the ontology and data as serve does and print the inferred graph as Turtle; "
                     + "with --explain, print why each inferred triple holds instead. "
                     + "With --tdb DIR, read the inferences of that store (made by load or serve --tdb) as they stand "
                     + "instead of loading --ontology and --data.")
public final class InferCommand implements Callable<Integer> {

    /** The prefixes of the output. */
    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
        .setNsPrefix(DKG.PREFIX, DKG.NS)
        .setNsPrefix("id", DKG.ID_BASE)
        .setNsPrefix("rdf", RDF.getURI())
        .setNsPrefix("rdfs", RDFS.getURI())
        .setNsPrefix("owl", OWL.getURI())
        .setNsPrefix("xsd", XSD.getURI())
        .lock();

    /** Web Annotation's oa:exact, the quoted span of a text selector. */
    private static final Node OA_EXACT = NodeFactory.createURI("http://www.w3.org/ns/oa#exact");

    @Mixin
    private LayoutOptions options;

    @Mixin
    private StoreOptions storeOptions;

    @Option(names = "--explain",
            description = "For each inferred triple, print the rule that derived it and the premises it rests on.")
    private boolean explain;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        StoreStack stack = storeOptions.dir() == null ? storeOptions.stack().filledFrom(options.layout())
                                                      : storeOptions.stack().existing();
        try ( TdbStore store = stack.open() ) {
            return print(store.dataset());
        }
    }

    private int print(Dataset dataset) {
        String text = Txn.calculateRead(dataset, () -> {
            Graph inferred = dataset.asDatasetGraph().getGraph(Graphs.Nodes.INFERRED);
            if ( !explain )
                return turtle(inferred);
            Graph all = dataset.asDatasetGraph().getUnionGraph();
            return explanations(inferred, Derivations.standard(dataset.asDatasetGraph()), node -> evidence(all, node));
        });
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return 0;
    }

    /** The graph as Turtle with the conventional prefixes. */
    private static String turtle(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(copy::add);
        copy.getPrefixMapping().setNsPrefixes(PREFIXES);
        return RDFWriter.source(copy).format(RDFFormat.TURTLE_PRETTY).asString();
    }

    /** The article spans a node rests on (its dkg:evidence/oa:exact), in order. */
    private static List<String> evidence(Graph g, Node node) {
        List<String> spans = new ArrayList<>();
        for ( Node selector : Iter.toList(g.find(node, DKG.Nodes.evidence, Node.ANY).mapWith(Triple::getObject)) )
            g.find(selector, OA_EXACT, Node.ANY).forEachRemaining(t -> spans.add(t.getObject().getLiteralLexicalForm()));
        spans.sort(Comparator.naturalOrder());
        return spans;
    }

    /**
     * Every inferred triple in order, each followed by every derivation that supports it (worked
     * out again: the explanations graph keeps one), the one stored first, each with its premises
     * in the rule's order, and under each premise the article's words for its subject, when there
     * are any.
     */
    static String explanations(Graph inferred, Derivations derivations, Function<Node, List<String>> evidence) {
        List<Triple> triples = Iter.toList(inferred.find());
        triples.sort(Comparator.comparing(InferCommand::str));
        StringBuilder sb = new StringBuilder();
        for ( Triple t : triples ) {
            sb.append(str(t)).append('\n');
            List<Derivation> found = derivations.of(t);
            if ( found.isEmpty() )
                sb.append("  (no derivation found)\n");
            for ( Derivation d : found ) {
                sb.append("  because ").append(d.rule().label()).append(" (").append(d.rule().iri()).append(")\n");
                Set<Node> quoted = new HashSet<>();
                for ( Triple premise : d.premises() ) {
                    sb.append("    - ").append(str(premise));
                    if ( inferred.contains(premise) )
                        sb.append(" [inferred]");
                    sb.append('\n');
                    // Each subject's words once per derivation, under its first premise.
                    if ( quoted.add(premise.getSubject()) )
                        for ( String span : evidence.apply(premise.getSubject()) )
                            sb.append("        \u201C").append(span).append("\u201D\n");
                }
            }
        }
        return sb.toString();
    }

    private static String str(Triple t) {
        return FmtUtils.stringForTriple(t, PREFIXES);
    }

    private static String str(Node n) {
        return FmtUtils.stringForNode(n, PREFIXES);
    }
}
