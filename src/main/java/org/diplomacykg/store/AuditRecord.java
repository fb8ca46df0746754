package org.diplomacykg.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.reasoning.ChangeSet;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * The record of one committed write in the audit graph ({@link Graphs#AUDIT}), as PROV:
 * <pre>
 * &lt;.../audit/UUID&gt; a prov:Activity ; rdfs:label "PUT /kg/articles/x" ;
 *     prov:wasAssociatedWith &lt;.../user/alice&gt; ;          # .../user/local/NAME for a local command
 *     prov:startedAtTime "..."^^xsd:dateTime ; prov:endedAtTime "..."^^xsd:dateTime ;
 *     dkg:touchedGraph &lt;graph&gt; ... ;
 *     dkg:triplesAdded n ; dkg:triplesRemoved n ;            # unless too large or a pattern to count
 *     dkg:articleSlug "x" ; dkg:textHash "sha256:..." .      # when it touched one article graph
 * &lt;.../user/alice&gt; a prov:Agent ; rdfs:label "alice" .
 * </pre>
 * The counts are the write's net change to the asserted triples, all asserted graphs taken
 * together, as the materialiser sees it ({@link ChangeSet}): a triple added to a second graph
 * adds nothing. Nothing of a password reaches the record: only the login name.
 */
public final class AuditRecord {

    public static final String ACTIVITY_BASE = "https://w3id.org/diplomacy-kg/audit/";
    public static final String USER_BASE = "https://w3id.org/diplomacy-kg/user/";
    private static final String PROV = "http://www.w3.org/ns/prov#";

    public static final Node Activity = NodeFactory.createURI(PROV + "Activity");
    public static final Node Agent = NodeFactory.createURI(PROV + "Agent");
    public static final Node wasAssociatedWith = NodeFactory.createURI(PROV + "wasAssociatedWith");
    public static final Node startedAtTime = NodeFactory.createURI(PROV + "startedAtTime");
    public static final Node endedAtTime = NodeFactory.createURI(PROV + "endedAtTime");
    public static final Node touchedGraph = DKG.Nodes.term("touchedGraph");
    public static final Node triplesAdded = DKG.Nodes.term("triplesAdded");
    public static final Node triplesRemoved = DKG.Nodes.term("triplesRemoved");
    public static final Node articleSlug = DKG.Nodes.term("articleSlug");
    public static final Node textHash = DKG.Nodes.term("textHash");

    /**
     * The quads recording a write by {@code author} from {@code started} to now, which changed
     * {@code changes} in {@code dsg} (read inside the write's transaction, after its changes).
     */
    public static List<Quad> of(DatasetGraph dsg, ChangeSet changes, WriteAuthor author, Instant started) {
        Node g = Graphs.Nodes.AUDIT;
        Node activity = NodeFactory.createURI(ACTIVITY_BASE + UUID.randomUUID());
        Node agent = agent(author);
        List<Quad> quads = new ArrayList<>();
        quads.add(Quad.create(g, activity, RDF.Nodes.type, Activity));
        quads.add(Quad.create(g, activity, RDFS.Nodes.label, NodeFactory.createLiteralString(author.via())));
        quads.add(Quad.create(g, activity, wasAssociatedWith, agent));
        quads.add(Quad.create(g, agent, RDF.Nodes.type, Agent));
        quads.add(Quad.create(g, agent, RDFS.Nodes.label, NodeFactory.createLiteralString(author.name())));
        quads.add(Quad.create(g, activity, startedAtTime, dateTime(started)));
        quads.add(Quad.create(g, activity, endedAtTime, dateTime(Instant.now())));
        List<Node> articles = new ArrayList<>();
        for ( Node graph : changes.graphs() ) {
            quads.add(Quad.create(g, activity, touchedGraph, graph));
            if ( ArticleTexts.slugOf(graph).isPresent() )
                articles.add(graph);
        }
        if ( changes.tracksTriples() ) {
            quads.add(Quad.create(g, activity, triplesAdded, count(changes.addedTriples().size())));
            quads.add(Quad.create(g, activity, triplesRemoved, count(changes.removedTriples().size())));
        }
        // One article: its slug and which text it now has. A write over many articles names their graphs only.
        if ( articles.size() == 1 ) {
            Node graph = articles.get(0);
            quads.add(Quad.create(g, activity, articleSlug, NodeFactory.createLiteralString(ArticleTexts.slugOf(graph).get())));
            textIn(dsg, graph).ifPresent(text -> quads.add(Quad.create(g, activity, textHash, NodeFactory.createLiteralString(sha256(text)))));
        }
        return quads;
    }

    private static Node agent(WriteAuthor author) {
        String name = URLEncoder.encode(author.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return NodeFactory.createURI(USER_BASE + (author.local() ? "local/" : "") + name);
    }

    private static Optional<String> textIn(DatasetGraph dsg, Node graph) {
        var it = dsg.find(graph, Node.ANY, ArticleTexts.TEXT, Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next().getObject().getLiteralLexicalForm()) : Optional.empty();
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    private static Node dateTime(Instant instant) {
        return NodeFactory.createLiteralDT(instant.toString(), XSDDatatype.XSDdateTime);
    }

    private static Node count(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDnonNegativeInteger);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private AuditRecord() {}
}
