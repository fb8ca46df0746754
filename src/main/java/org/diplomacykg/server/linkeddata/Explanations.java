package org.diplomacykg.server.linkeddata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.G;
import org.diplomacykg.reasoning.Derivations;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * Why an inferred triple holds: every derivation of it, with the rule that made it and the
 * premises it rests on in the rule's order, worked out on request ({@link Derivations}); the
 * explanations graph keeps only one of them. Call inside a read transaction.
 */
final class Explanations {

    /** One derivation: the rule's IRI and the premises. */
    record Derivation(Node rule, List<Triple> premises) {}

    /**
     * Whose account a derivation rests on: the agents of the statements among its premises
     * (their {@code dkg:attributedTo} premises) and the articles whose graphs hold its asserted
     * premises, followed through inferred premises to their own first derivation.
     */
    record Account(Set<Node> agents, Set<Node> articles) {}

    /** How deep the account follows inferred premises; a chain of rules is short. */
    private static final int ACCOUNT_DEPTH = 4;

    /** Each article graph says which article it was drawn from (its owl:Ontology header). */
    private static final Node WAS_DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    private final DatasetGraph dataset;
    /** Built on first use: most pages show no inferred fact, and the rules are compiled from the ontology. */
    private Derivations derivations;

    Explanations(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** The derivations of {@code conclusion}, the one the explanations graph holds first; empty when it is not inferred. */
    List<Derivation> of(Triple conclusion) {
        if ( derivations == null )
            derivations = Derivations.standard(dataset);
        List<Derivation> out = new ArrayList<>();
        for ( org.diplomacykg.reasoning.Derivation d : derivations.of(conclusion) )
            out.add(new Derivation(Derivations.ruleNode(d), d.premises()));
        return out;
    }

    /** The account of {@code d}: see {@link Account}. */
    Account accountOf(Derivation d) {
        Account account = new Account(new LinkedHashSet<>(), new LinkedHashSet<>());
        collect(d, account, new HashSet<>(), ACCOUNT_DEPTH);
        return account;
    }

    private void collect(Derivation d, Account account, Set<Triple> seen, int depth) {
        for ( Triple premise : d.premises() ) {
            if ( !seen.add(premise) )
                continue;
            if ( DKG.Nodes.attributedTo.equals(premise.getPredicate()) )
                account.agents().add(premise.getObject());
            if ( isInferredOnly(premise) ) {
                List<Derivation> deeper = depth > 0 ? of(premise) : List.of();
                if ( !deeper.isEmpty() )
                    collect(deeper.get(0), account, seen, depth - 1);
                continue;
            }
            dataset.find(Node.ANY, premise.getSubject(), premise.getPredicate(), premise.getObject()).forEachRemaining(q -> {
                Node article = G.getZeroOrOneSP(dataset.getGraph(q.getGraph()), q.getGraph(), WAS_DERIVED_FROM);
                if ( article != null )
                    account.articles().add(article);
            });
        }
    }

    /** Whether {@code triple} is only inferred: in the inferred graph and in no asserted one. */
    boolean isInferredOnly(Triple triple) {
        boolean inferred = false;
        var quads = dataset.find(Node.ANY, triple.getSubject(), triple.getPredicate(), triple.getObject());
        while ( quads.hasNext() ) {
            Node graph = quads.next().getGraph();
            if ( Graphs.Nodes.INFERRED.equals(graph) )
                inferred = true;
            else if ( !Graphs.Nodes.EXPLANATIONS.equals(graph) )
                return false;
        }
        return inferred;
    }
}
