package org.diplomacykg.generate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.vocab.DKG;

/** The terms the generator writes that {@link DKG.Nodes} does not already name. */
final class Terms {

    static final Node TYPE = RDF.Nodes.type;
    static final Node LABEL = RDFS.Nodes.label;
    static final Node SOURCE = DCTerms.source.asNode();
    static final Node LANGUAGE = DCTerms.language.asNode();

    static final String OA = "http://www.w3.org/ns/oa#";
    static final Node TEXT_QUOTE_SELECTOR = NodeFactory.createURI(OA + "TextQuoteSelector");
    static final Node EXACT = NodeFactory.createURI(OA + "exact");

    static final Node Article = DKG.Nodes.term("Article");
    static final Node Official = DKG.Nodes.Official;
    static final Node Tenure = DKG.Nodes.term("Tenure");
    static final Node Post = DKG.Nodes.term("Post");
    static final Node HeadOfState = DKG.Nodes.term("HeadOfState");
    static final Node HeadOfForeignAffairs = DKG.Nodes.term("HeadOfForeignAffairs");
    static final Node Issue = DKG.Nodes.term("Issue");
    static final Node NegotiatingPosition = DKG.Nodes.term("NegotiatingPosition");
    static final Node Meeting = DKG.Nodes.Meeting;
    static final Node Summit = DKG.Nodes.term("Summit");
    static final Node PhoneCall = DKG.Nodes.term("PhoneCall");
    static final Node PressConference = DKG.Nodes.term("PressConference");
    static final Node Held = DKG.Nodes.term("Held");
    static final Node Planned = DKG.Nodes.term("Planned");
    static final Node Cancellation = DKG.Nodes.term("Cancellation");
    static final Node Statement = DKG.Nodes.term("Statement");
    static final Node Proposal = DKG.Nodes.term("Proposal");

    static final Node inArticle = DKG.Nodes.term("inArticle");
    static final Node positionHolder = DKG.Nodes.term("positionHolder");
    static final Node onIssue = DKG.Nodes.term("onIssue");
    static final Node attributedTo = DKG.Nodes.term("attributedTo");
    static final Node onBehalfOf = DKG.Nodes.term("onBehalfOf");
    static final Node occasion = DKG.Nodes.term("occasion");
    static final Node plannedParticipant = DKG.Nodes.term("plannedParticipant");
    static final Node proposedBy = DKG.Nodes.term("proposedBy");
    static final Node about = DKG.Nodes.term("about");

    /** Says where every background resource comes from, as the reference graph asks. */
    static Node provenance(long seed) {
        return NodeFactory.createLiteralLang("synthetic: made up by the diplomacy-kg generator, seed " + seed
                                             + "; not a real fact", "en");
    }

    static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    static Node string(String text) {
        return NodeFactory.createLiteralString(text);
    }


    private Terms() {}
}
