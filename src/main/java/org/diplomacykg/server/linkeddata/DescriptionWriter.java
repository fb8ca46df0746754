package org.diplomacykg.server.linkeddata;

import java.io.ByteArrayOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.diplomacykg.server.http.NegotiatedResponses;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.vocab.DKG;

/**
 * Writes a {@link Description} in an RDF syntax: syntaxes with named graphs (N-Quads, TriG) keep
 * the inferred triples in the inferred graph, the others get everything merged into one graph.
 * The whole document is written to memory first, so a failure never leaves half a response.
 */
final class DescriptionWriter {

    /** The prefixes of Turtle, TriG, JSON-LD and RDF/XML output. */
    static final PrefixMap PREFIXES = prefixes();

    private static PrefixMap prefixes() {
        PrefixMap map = PrefixMapFactory.create();
        map.add("id", DKG.ID_BASE);
        map.add(DKG.PREFIX, DKG.NS);
        map.add("rdf", RDF.getURI());
        map.add("rdfs", RDFS.getURI());
        map.add("owl", OWL.getURI());
        map.add("xsd", XSD.getURI());
        map.add("skos", SKOS.getURI());
        map.add("dcterms", DCTerms.getURI());
        map.add("oa", "http://www.w3.org/ns/oa#");
        return PrefixMapFactory.unmodifiablePrefixMap(map);
    }

    static byte[] write(Description description, ResponseFormat format) {
        if ( !format.carriesGraphs() ) {
            Graph graph = description.merged();
            graph.getPrefixMapping().setNsPrefixes(PREFIXES.getMapping());
            return NegotiatedResponses.write(graph, format);
        }
        DatasetGraph dataset = description.asDataset();
        dataset.prefixes().putAll(PREFIXES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(dataset).lang(format.lang()).output(out);
        return out.toByteArray();
    }

    private DescriptionWriter() {}
}
