package org.diplomacykg.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.reasoning.owl.OwlRules;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLNamedIndividual;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * What Protégé and HermiT make of one data file (the reference graph or an article's facts)
 * opened with the catalog beside it, set beside what the service's OWL rules infer from the
 * same files.
 *
 * @param file              the file opened
 * @param ontology          the file as an OWL ontology, its imports loaded
 * @param profileViolations the OWL 2 DL profile violations of the imports closure
 * @param consistent        whether HermiT finds the imports closure consistent
 * @param typesInferred     every rdf:type the service's OWL rules infer for a named individual
 *                          of the file, as "individual class" (the domain rules are left out:
 *                          what they derive, such as counterparts, OWL cannot express)
 * @param typesNotEntailed  those of {@code typesInferred} that HermiT does not entail; all of
 *                          them when the closure is inconsistent, so that no caller takes an
 *                          inconsistent file for one that agrees
 */
record DataFileCheck(Path file, OWLOntology ontology, List<String> profileViolations, boolean consistent,
                     List<String> typesInferred, List<String> typesNotEntailed) {

    /** Opens {@code file} as Protégé does, checks it with the OWL API and HermiT, and compares. */
    static DataFileCheck of(Path file) throws Exception {
        OWLOntology ontology = ProtegeCatalog.open(file);
        List<String> violations = new OWL2DLProfile().checkOntology(ontology).getViolations().stream()
            .map(OWLProfileViolation::toString).toList();
        Graph serviceInferred = serviceInference(ontology);

        List<String> inferred = new ArrayList<>();
        List<String> notEntailed = new ArrayList<>();
        OWLDataFactory factory = ontology.getOWLOntologyManager().getOWLDataFactory();
        OWLReasoner hermit = new ReasonerFactory().createReasoner(ontology);
        try {
            boolean consistent = hermit.isConsistent();
            for ( OWLNamedIndividual individual : ontology.getIndividualsInSignature(Imports.EXCLUDED) ) {
                Node subject = NodeFactory.createURI(individual.getIRI().toString());
                Set<OWLClass> entailed = consistent ? hermit.getTypes(individual, false).getFlattened() : Set.of();
                for ( Node type : serviceInferred.find(subject, RDF.Nodes.type, Node.ANY).mapWith(Triple::getObject).toList() ) {
                    String pair = individual.getIRI() + " " + type.getURI();
                    inferred.add(pair);
                    if ( !entailed.contains(factory.getOWLClass(IRI.create(type.getURI()))) )
                        notEntailed.add(pair);
                }
            }
            return new DataFileCheck(file, ontology, violations, consistent, inferred, notEntailed);
        } finally {
            hermit.dispose();
        }
    }

    /**
     * What the service's OWL rules (compiled from the ontology, as the service compiles them)
     * infer from the files of {@code ontology}'s imports closure: the ontology file into the
     * ontology graph, each other file into a graph of its own, as the service loads them.
     */
    private static Graph serviceInference(OWLOntology ontology) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        for ( OWLOntology part : ontology.getImportsClosure() ) {
            String iri = part.getOntologyID().getOntologyIRI().map(IRI::toString).orElseThrow();
            Node graphName = DKG.ONTOLOGY_IRI.equals(iri) ? Graphs.Nodes.ONTOLOGY : NodeFactory.createURI(iri);
            Graph graph = GraphFactory.createGraphMem();
            RDFParser.source(Path.of(part.getOWLOntologyManager().getOntologyDocumentIRI(part).toURI())).parse(graph);
            dsg.addGraph(graphName, graph);
        }
        return new Materialiser(OwlRules::fromOntology).derive(dsg);
    }
}
