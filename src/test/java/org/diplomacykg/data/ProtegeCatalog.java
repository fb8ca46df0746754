package org.diplomacykg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyIRIMapper;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code catalog-v001.xml} beside an ontology file, read as Protégé reads it when it opens
 * that file: each {@code <uri name="IRI" uri="path"/>} entry sends an {@code owl:imports} of IRI
 * to the file at path, relative to the catalog. Only {@code uri} entries are read (the project's
 * catalogs use nothing else); an import the catalog does not map is an error here, where Protégé
 * would go to the network for it.
 */
public final class ProtegeCatalog implements OWLOntologyIRIMapper {

    public static final String FILE_NAME = "catalog-v001.xml";
    private static final String CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    private final Path file;
    private final Map<String, Path> entries;
    private final Set<String> unmapped = new TreeSet<>();

    private ProtegeCatalog(Path file, Map<String, Path> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** The catalog in the folder of {@code ontologyFile}; fails if there is none. */
    public static ProtegeCatalog beside(Path ontologyFile) throws IOException {
        Path catalog = ontologyFile.toAbsolutePath().getParent().resolve(FILE_NAME);
        if ( !Files.isRegularFile(catalog) )
            throw new IOException("no " + FILE_NAME + " beside " + ontologyFile + ": Protégé would fetch its imports from the web");
        return read(catalog);
    }

    /** Reads the {@code uri} entries of the catalog {@code file}. */
    public static ProtegeCatalog read(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList uris = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS(CATALOG_NS, "uri");
            Map<String, Path> entries = new LinkedHashMap<>();
            for ( int i = 0; i < uris.getLength(); i++ ) {
                Element uri = (Element) uris.item(i);
                entries.put(uri.getAttribute("name"), file.getParent().resolve(uri.getAttribute("uri")).normalize());
            }
            return new ProtegeCatalog(file, entries);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code ontologyFile} as Protégé's File > Open does: its imports, and theirs, are
     * resolved through the catalog beside it and nothing else. Fails, naming them, if an import
     * is not in the catalog or its file cannot be loaded.
     */
    public static OWLOntology open(Path ontologyFile) throws IOException, OWLOntologyCreationException {
        ProtegeCatalog catalog = beside(ontologyFile);
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        manager.getIRIMappers().clear();
        manager.getIRIMappers().add(catalog);
        manager.getOntologyConfigurator().setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION);
        try {
            return manager.loadOntologyFromOntologyDocument(ontologyFile.toFile());
        } catch (OWLOntologyCreationException | RuntimeException e) {
            // The OWL API reports an unopenable document IRI as either, depending on the step.
            if ( !catalog.unmapped.isEmpty() )
                throw new OWLOntologyCreationException(ontologyFile + " imports " + catalog.unmapped + ", which "
                                                       + catalog.file + " does not map to a file", e);
            throw e;
        }
    }

    /** Ontology IRI to local file, in catalog order. */
    public Map<String, Path> entries() {
        return entries;
    }

    @Override
    public IRI getDocumentIRI(IRI ontologyIri) {
        Path local = entries.get(ontologyIri.toString());
        if ( local != null )
            return IRI.create(local.toUri());
        // Never the network: a scheme no one can open, so that the load fails.
        unmapped.add(ontologyIri.toString());
        return IRI.create("urn:not-in-catalog:" + ontologyIri);
    }
}
