package org.diplomacykg.server.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small knowledge graph for the article page, written into a directory: an ontology with
 * English and Indonesian labels, and one article bundle whose spans nest ("Geneva" inside the
 * first sentence), overlap ("on Monday. The ministers agreed" across the end of the first
 * sentence), and quote words that occur twice ("The ministers", made unique by its prefix
 * and suffix). Facts are made up: this is a test of the page, not of the data.
 */
final class ArticleFixture {

    static final String SLUG = "evidence-test";

    /** The article; "The ministers" occurs twice. */
    static final String TEXT = """
        The ministers met in Geneva on Monday. The ministers agreed to meet again.

        Lavrov said the talks were useful.
        """;

    static final String ONTOLOGY = """
        @prefix dkg:  <https://w3id.org/diplomacy-kg/ontology#> .
        @prefix owl:  <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://w3id.org/diplomacy-kg/ontology> a owl:Ontology .
        dkg:Meeting a owl:Class ; rdfs:label "meeting"@en , "pertemuan"@id .
        dkg:participant a owl:ObjectProperty ; rdfs:label "participant"@en , "peserta"@id .
        dkg:location a owl:ObjectProperty ; rdfs:label "location"@en , "lokasi"@id .
        dkg:date a owl:DatatypeProperty ; rdfs:label "date"@en , "tanggal"@id .
        dkg:plannedFollowUp a owl:DatatypeProperty ; rdfs:label "planned follow-up"@en , "tindak lanjut"@id .
        dkg:evidence a owl:AnnotationProperty .
        """;

    static final String FACTS = """
        @prefix :     <https://w3id.org/diplomacy-kg/id/> .
        @prefix dkg:  <https://w3id.org/diplomacy-kg/ontology#> .
        @prefix oa:   <http://www.w3.org/ns/oa#> .
        @prefix owl:  <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

        :evidence-test-span-met a oa:TextQuoteSelector ;
            oa:exact "The ministers met in Geneva on Monday" ; dkg:inArticle :article-evidence-test .
        :evidence-test-span-geneva a oa:TextQuoteSelector ;
            oa:exact "Geneva" ; dkg:inArticle :article-evidence-test .
        :evidence-test-span-monday-agreed a oa:TextQuoteSelector ;
            oa:exact "on Monday. The ministers agreed" ; dkg:inArticle :article-evidence-test .
        :evidence-test-span-ministers-again a oa:TextQuoteSelector ;
            oa:exact "The ministers" ; oa:prefix "Monday. " ; oa:suffix " agreed" ;
            dkg:inArticle :article-evidence-test .
        :evidence-test-span-lavrov a oa:TextQuoteSelector ;
            oa:exact "Lavrov" ; dkg:inArticle :article-evidence-test .

        :article-evidence-test rdfs:label "Test article on evidence"@en , "Artikel uji tentang bukti"@id .

        :geneva-meeting a dkg:Meeting ;
            rdfs:label "Geneva meeting"@en , "Pertemuan Jenewa"@id ;
            dkg:evidence :evidence-test-span-met ;
            dkg:location :geneva ;
            dkg:participant :sergey-lavrov ;
            dkg:plannedFollowUp "again" ;
            dkg:date "2025-10-20"^^xsd:date .
        :geneva rdfs:label "Geneva"@en , "Jenewa"@id .
        :sergey-lavrov rdfs:label "Sergey Lavrov"@en .

        [] a owl:Axiom ; owl:annotatedSource :geneva-meeting ; owl:annotatedProperty dkg:location ;
           owl:annotatedTarget :geneva ; dkg:evidence :evidence-test-span-geneva .
        [] a owl:Axiom ; owl:annotatedSource :geneva-meeting ; owl:annotatedProperty dkg:participant ;
           owl:annotatedTarget :sergey-lavrov ; dkg:evidence :evidence-test-span-lavrov .
        [] a owl:Axiom ; owl:annotatedSource :geneva-meeting ; owl:annotatedProperty dkg:plannedFollowUp ;
           owl:annotatedTarget "again" ; dkg:evidence :evidence-test-span-ministers-again , :evidence-test-span-monday-agreed .
        """;

    /** Writes {@code ontology/} and {@code data/} under {@code dir}. */
    static void write(Path dir) throws IOException {
        Path ontology = Files.createDirectories(dir.resolve("ontology"));
        Files.writeString(ontology.resolve("diplomacy.ttl"), ONTOLOGY);
        Files.writeString(ontology.resolve("shapes.ttl"), "@prefix sh: <http://www.w3.org/ns/shacl#> .\n");
        Path article = Files.createDirectories(dir.resolve("data/articles/" + SLUG));
        Files.writeString(article.resolve("facts.ttl"), FACTS);
        Files.writeString(article.resolve("text.en.txt"), TEXT);
    }

    private ArticleFixture() {}
}
