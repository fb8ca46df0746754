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

        // Terms the reasoners read and write; the ontology defines each.
        public static final Node State = term("State");
        public static final Node Official = term("Official");
        public static final Node Meeting = term("Meeting");
        public static final Node Disagreement = term("Disagreement");
        public static final Node Support = term("Support");
        public static final Node Rejection = term("Rejection");
        public static final Node Cancelled = term("Cancelled");
        public static final Node reaffirms = term("reaffirms");
        public static final Node revises = term("revises");
        public static final Node comparedWith = term("comparedWith");
        public static final Node date = term("date");
        public static final Node unchangedSince = term("unchangedSince");
        public static final Node lastReaffirmed = term("lastReaffirmed");
        public static final Node attributedTo = term("attributedTo");
        public static final Node modality = term("modality");
        public static final Node ContinuityAssessment = term("ContinuityAssessment");
        public static final Node continuityAssessment = term("continuityAssessment");
        public static final Node assessedPosition = term("assessedPosition");
        public static final Node asOf = term("asOf");
        public static final Node accordingTo = term("accordingTo");
        public static final Node demand = term("demand");
        public static final Node firstStep = term("firstStep");
        public static final Node laterStep = term("laterStep");
        public static final Node expressedIn = term("expressedIn");
        public static final Node Incompatibility = term("Incompatibility");
        public static final Node incompatibleWith = term("incompatibleWith");
        public static final Node incompatiblePosition = term("incompatiblePosition");
        public static final Node conflictingDemand = term("conflictingDemand");
        public static final Node incompatibleAsOf = term("incompatibleAsOf");
        public static final Node holder = term("holder");
        public static final Node post = term("post");
        public static final Node postIn = term("postIn");
        public static final Node role = term("role");
        public static final Node startDate = term("startDate");
        public static final Node endDate = term("endDate");
        public static final Node counterpart = term("counterpart");
        public static final Node participant = term("participant");
        public static final Node involvesState = term("involvesState");
        public static final Node cancelledEvent = term("cancelledEvent");
        public static final Node status = term("status");
        public static final Node stanceHolder = term("stanceHolder");
        public static final Node stanceOn = term("stanceOn");
        public static final Node disagreeingParty = term("disagreeingParty");
        public static final Node disagreementOn = term("disagreementOn");
        public static final Node disagreementDate = term("disagreementDate");
        public static final Node conclusion = term("conclusion");
        public static final Node derivedBy = term("derivedBy");
        public static final Node premise = term("premise");
        public static final Node evidence = term("evidence");

        /** The node of an ontology term, e.g. {@code term("Summit")}. */
        public static Node term(String localName) {
            return NodeFactory.createURI(NS + localName);
        }

        /** The node of the thing with this slug. */
        public static Node id(String slug) {
            return NodeFactory.createURI(DKG.id(slug));
        }

        private Nodes() {}
    }

    private DKG() {}
}
