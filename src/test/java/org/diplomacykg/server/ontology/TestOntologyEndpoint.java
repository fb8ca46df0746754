package org.diplomacykg.server.ontology;

import static org.diplomacykg.SparqlClient.get;
import static org.diplomacykg.SparqlClient.mediaType;
import static org.diplomacykg.SparqlClient.parseGraph;
import static org.diplomacykg.SparqlClient.requireOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.server.http.TestContentNegotiation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /ontology: the ontology file by content negotiation, and its documentation page. */
class TestOntologyEndpoint {

    private static final String NS = "https://w3id.org/diplomacy-kg/ontology#";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();
    /** The project's layout with what an editor adds in Protégé appended to the ontology. */
    @RegisterExtension
    static final KgServerExtension edited = KgServerExtension.project().edited(dir -> Files.writeString(dir.resolve("ontology/diplomacy.ttl"), """

            dkg:Summit rdfs:subClassOf [ a owl:Restriction ; owl:onProperty dkg:participant ; owl:someValuesFrom dkg:Official ] .
            dkg:StateOrOrganisation a owl:Class ;
                owl:equivalentClass [ a owl:Class ; owl:unionOf ( dkg:State dkg:InternationalOrganisation ) ] ;
                owl:deprecated true ;
                rdfs:label "state or organisation"@en , "negara atau organisasi"@id ;
                skos:definition "A state or an international organisation."@en .
            """, StandardOpenOption.APPEND));
    private static Graph file;

    @BeforeAll
    static void start() {
        file = RDFParser.source("ontology/diplomacy.ttl").toGraph();
    }

    private static String url() {
        return kg.baseUrl() + "/ontology";
    }

    @Test
    void eachRdfFormatIsTheFile() {
        for ( Lang lang : List.of(Lang.TURTLE, Lang.RDFXML, Lang.JSONLD, Lang.NTRIPLES) ) {
            String type = lang.getHeaderString();
            HttpResponse<String> response = get(url(), type);
            requireOk(response);
            assertEquals(type, mediaType(response));
            Graph served = parseGraph(response.body(), lang);
            assertEquals(file.size(), served.size(), type);
            assertTrue(served.isIsomorphicWith(file), type + " is not isomorphic to ontology/diplomacy.ttl");
        }
    }

    @Test
    void turtleHasTheFilesPrefixesAndNoOthers() {
        String body = get(url(), "text/turtle").body();
        Graph served = parseGraph(body, Lang.TURTLE);
        assertEquals(file.getPrefixMapping().getNsPrefixMap(), served.getPrefixMapping().getNsPrefixMap());
        assertTrue(body.contains("dkg:Summit"), "terms are written with the dkg: prefix");
    }

    @Test
    void protegesAcceptHeaderGetsRdfXml() {
        HttpResponse<String> response = get(url(), TestContentNegotiation.OWL_API);
        requireOk(response);
        assertEquals("application/rdf+xml", mediaType(response));
        assertTrue(parseGraph(response.body(), Lang.RDFXML).isIsomorphicWith(file));
    }

    @Test
    void everyResponseVariesByAccept() {
        for ( String accept : List.of("text/turtle", TestContentNegotiation.BROWSER, "image/png") ) {
            HttpResponse<String> response = get(url(), accept);
            assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")),
                       "Vary: Accept for " + accept + ": " + response.headers().map());
        }
    }

    @Test
    void unsupportedTypeIs406ListingTheFormats() {
        HttpResponse<String> response = get(url(), "image/png");
        assertEquals(406, response.statusCode());
        for ( String type : List.of("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples", "text/html") )
            assertTrue(response.body().contains(type), response.body());
    }

    @Test
    void formatParameterOverridesAccept() {
        HttpResponse<String> response = get(url() + "?format=jsonld", TestContentNegotiation.BROWSER);
        requireOk(response);
        assertEquals("application/ld+json", mediaType(response));
        assertTrue(parseGraph(response.body(), Lang.JSONLD).isIsomorphicWith(file));
        HttpResponse<String> unknown = get(url() + "?format=docx", "*/*");
        assertEquals(406, unknown.statusCode(), "as on every endpoint");
        assertTrue(unknown.body().contains("?format=ttl"), unknown.body());
    }

    @Test
    void browserGetsTheDocumentation() {
        HttpResponse<String> response = get(url(), TestContentNegotiation.BROWSER);
        requireOk(response);
        assertEquals("text/html", mediaType(response));
        String html = response.body();
        String summit = section(html, "Summit");
        assertTrue(summit.contains(">summit<"), summit);
        assertTrue(summit.contains(">konferensi tingkat tinggi<"), summit);
        assertTrue(summit.contains("An in-person meeting of heads of state or government."), summit);
        assertTrue(summit.contains("href=\"#Meeting\""), "super-class linked: " + summit);
        assertTrue(summit.contains("href=\"#PhoneCall\""), "disjoint class linked: " + summit);
    }

    @Test
    void documentationHasTheHeader() {
        String html = get(url(), "text/html").body();
        assertTrue(html.contains("diplomacy-kg ontology"), "title");
        Node version = G.getOneSP(file, NodeFactory.createURI("https://w3id.org/diplomacy-kg/ontology"), OWL2.versionIRI.asNode());
        assertTrue(html.contains(version.getURI()), "version IRI " + version);
        assertTrue(html.contains("href=\"https://creativecommons.org/licenses/by/4.0/\""), "licence");
    }

    @Test
    void documentationListsEveryClassAndPropertyWithItsKindAndLabels() {
        String html = get(url(), "text/html").body();
        int terms = 0;
        for ( Node kind : List.of(OWL2.Class.asNode(), OWL2.ObjectProperty.asNode(), OWL2.DatatypeProperty.asNode(),
                                  OWL2.AnnotationProperty.asNode()) ) {
            String badge = switch ( kind.getLocalName() ) {
                case "Class" -> "class";
                case "ObjectProperty" -> "object property";
                case "DatatypeProperty" -> "datatype property";
                default -> "annotation property";
            };
            for ( Triple t : file.find(Node.ANY, RDF.Nodes.type, kind).toList() ) {
                Node term = t.getSubject();
                if ( !term.isURI() )
                    continue; // an anonymous class expression (a union range) has no entry of its own
                String anchor = term.getURI().startsWith(NS) ? term.getURI().substring(NS.length())
                              : file.getPrefixMapping().shortForm(term.getURI());
                String section = section(html, anchor);
                assertTrue(section.contains(">" + badge + "<"), anchor + " marked " + badge);
                for ( Triple label : file.find(term, org.apache.jena.vocabulary.RDFS.Nodes.label, Node.ANY).toList() )
                    assertTrue(section.contains(">" + escape(label.getObject().getLiteralLexicalForm()) + "<"),
                               anchor + " label " + label.getObject());
                for ( Triple def : file.find(term, org.apache.jena.vocabulary.SKOS.definition.asNode(), Node.ANY).toList() )
                    assertTrue(section.contains(escape(def.getObject().getLiteralLexicalForm())), anchor + " definition");
                terms++;
            }
        }
        assertTrue(terms > 100, "the ontology was read: " + terms);
    }

    @Test
    void classTreeNestsSubClasses() {
        String html = get(url(), "text/html").body();
        String tree = html.substring(html.indexOf("id=\"class-tree\""), html.indexOf("id=\"all-classes\""));
        int meeting = tree.indexOf("href=\"#Meeting\"");
        int summit = tree.indexOf("href=\"#Summit\"");
        assertTrue(meeting > 0 && summit > meeting, "Summit under Meeting in the class tree");
        assertFalse(tree.substring(0, meeting).contains("href=\"#Summit\""), "Summit is not a root");
    }

    /** What an editor adds in Protégé shows on the page: restrictions, unions, a deprecated term. */
    @Test
    void editedOntologyShowsClassExpressionsAndDeprecation() {
        String html = get(edited.baseUrl() + "/ontology", "text/html").body();
        assertTrue(section(html, "Summit").contains("dkg:participant some dkg:Official"), section(html, "Summit"));
        String union = section(html, "StateOrOrganisation");
        assertTrue(union.contains("dkg:State or dkg:InternationalOrganisation"), union);
        assertTrue(union.contains(">deprecated<"), union);
    }

    /** The HTML of the term section with this anchor, up to the next term. */
    private static String section(String html, String anchor) {
        String open = "id=\"" + anchor + "\"";
        int start = html.indexOf(open);
        assertTrue(start >= 0, "no anchor " + open);
        assertEquals(start, html.lastIndexOf(open), "one anchor " + open);
        int end = html.indexOf("<section", start + open.length());
        return html.substring(start, end < 0 ? html.length() : end);
    }

    /** As FreeMarker's HTML output format escapes text. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
