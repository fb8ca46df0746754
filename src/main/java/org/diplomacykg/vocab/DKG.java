package org.diplomacykg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The IRIs of the diplomacy-kg ontology and of the things it describes,
 * in the manner of Jena's vocabulary classes ({@code RDF}, {@code DCTerms}).
 */
public final class DKG {

    /** The namespace of the ontology's terms, {@code dkg:}. */
    public static final String NS = "https://w3id.org/diplomacy-kg/ontology#";

    /** The IRI of the ontology document itself (no fragment). */
    public static final String ONTOLOGY_IRI = "https://w3id.org/diplomacy-kg/ontology";

    /** The base of the IRIs of things (people, states, meetings): {@code ID_BASE + slug}. */
    public static final String ID_BASE = "https://w3id.org/diplomacy-kg/id/";

    /** The base of the IRIs of named graphs; see {@link Graphs}. */
    public static final String GRAPH_BASE = "https://w3id.org/diplomacy-kg/graph/";

    /** The prefix conventionally bound to {@link #NS}. */
    public static final String PREFIX = "dkg";

    /** The namespace of the vocabulary as a string. */
    public static String getURI() {
        return NS;
    }

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    /** The ontology as a resource. */
    public static final Resource ONTOLOGY = ResourceFactory.createResource(ONTOLOGY_IRI);

    /** The IRI of the thing with this slug, e.g. {@code id("sergey-lavrov")}. */
    public static String id(String slug) {
        return ID_BASE + Slugs.require(slug);
    }

    /** The terms as {@link Node}s, for code that works on graphs rather than models. */
    public static final class Nodes {
        /** The ontology as a node. */
        public static final Node ONTOLOGY = NodeFactory.createURI(ONTOLOGY_IRI);

        /** The node of the thing with this slug. */
        public static Node id(String slug) {
            return NodeFactory.createURI(DKG.id(slug));
        }

        private Nodes() {}
    }

    private DKG() {}
}
