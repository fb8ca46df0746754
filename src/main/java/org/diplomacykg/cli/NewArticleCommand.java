package org.diplomacykg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.LoadException;
import org.diplomacykg.vocab.Graphs;
import org.diplomacykg.vocab.Slugs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code new-article}: the start of a bundle for a new text, which validates as written: the
 * text, a {@code facts.ttl} with the graph's {@code owl:Ontology} header, the article resource
 * and commented templates for what an article usually says (see docs/authoring.md), and the
 * {@code catalog-v001.xml} Protégé needs to open it offline.
 */
@Command(name = "new-article",
         description = "Start an article bundle: data/articles/SLUG (or --out DIR) with text.LANG.txt, a facts.ttl "
                     + "holding the ontology header, the article and commented templates, and catalog-v001.xml for Protégé. "
                     + "It validates as written; docs/authoring.md says how to fill it in.")
public final class NewArticleCommand implements Callable<Integer> {

    @Option(names = "--slug", paramLabel = "SLUG", required = true,
            description = "The article's slug: lower-case ASCII words joined by hyphens, e.g. ukraine-statement-2025-11-21. "
                        + "It names the folder, the graph and the article (id:article-SLUG).")
    private String slug;

    @Option(names = "--text", paramLabel = "FILE", required = true, description = "The article's text, UTF-8.")
    private Path textFile;

    @Option(names = "--lang", paramLabel = "LANG", required = true,
            description = "The language of the text, e.g. id, en, ru (the text becomes text.LANG.txt).")
    private String lang;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the bundle (default: the articles folder of --data, articles/SLUG). "
                        + "Its last name must be the slug.")
    private Path out;

    @Mixin
    private LayoutOptions options;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if ( !Slugs.isValid(slug) )
            throw new ParameterException(spec.commandLine(), "--slug '" + slug + "' is not a slug: use lower-case ASCII "
                + "words joined by hyphens, e.g. ukraine-statement-2025-11-21");
        if ( !lang.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*") )
            throw new ParameterException(spec.commandLine(), "--lang '" + lang + "' is not a language tag such as id, en or ru");
        DataLayout layout = options.layout();
        Path dir = (out != null ? out : layout.articlesDir().resolve(slug)).toAbsolutePath().normalize();
        if ( !dir.getFileName().toString().equals(slug) )
            throw new ParameterException(spec.commandLine(), "--out " + dir + " must be a folder named by the slug ('" + slug
                + "'): the folder's name is the article's slug when it is loaded");
        String text = read(textFile);
        if ( Files.exists(dir.resolve(DataLayout.FACTS_FILE)) )
            throw new LoadException(dir.resolve(DataLayout.FACTS_FILE) + " exists already: new-article never overwrites a bundle");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("text." + lang + ".txt"), text);
            Files.writeString(dir.resolve(DataLayout.FACTS_FILE), facts(dir, text));
            Files.writeString(dir.resolve("catalog-v001.xml"), catalog(dir, layout));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        PrintWriter pw = spec.commandLine().getOut();
        pw.println("wrote " + dir + " (facts.ttl, text." + lang + ".txt, catalog-v001.xml); fill in facts.ttl "
            + "(see docs/authoring.md), then: validate " + dir);
        pw.flush();
        return 0;
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file);
            if ( text.isBlank() )
                throw new LoadException(file + " is empty: the bundle needs the article's text, which its evidence spans quote");
            return text;
        } catch (CharacterCodingException ex) {
            throw new LoadException(file + " is not UTF-8 text: save it as UTF-8");
        } catch (IOException ex) {
            throw new LoadException("Cannot read " + file + ": " + ex.getMessage());
        }
    }

    /** The facts file: header, the article, and templates in comments. */
    private String facts(Path dir, String text) {
        String headline = text.strip().lines().findFirst().orElse("").strip();
        if ( headline.length() > 200 )
            headline = headline.substring(0, 200).strip() + "...";
        String where = relativeToRepository(dir);
        return TEMPLATE
            .replace("{slug}", slug)
            .replace("{lang}", lang)
            .replace("{other}", lang.equals("en") ? "id" : "en")
            .replace("{graph}", Graphs.sourceGraph(slug))
            .replace("{reference}", Graphs.REFERENCE)
            .replace("{headline}", turtleString(headline))
            .replace("{text-path}", where + "/text." + lang + ".txt")
            .replace("{dir}", where);
    }

    /** "data/articles/SLUG" when the bundle is under the working directory, else its absolute path. */
    private static String relativeToRepository(Path dir) {
        Path here = Path.of("").toAbsolutePath();
        return (dir.startsWith(here) ? here.relativize(dir) : dir).toString().replace('\\', '/');
    }

    private static String turtleString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The catalog, with paths from the bundle to the ontology and reference files. */
    private static String catalog(Path dir, DataLayout layout) {
        String ontology = dir.relativize(layout.ontologyFile().toAbsolutePath().normalize()).toString().replace('\\', '/');
        String reference = dir.relativize(layout.referenceFile().toAbsolutePath().normalize()).toString().replace('\\', '/');
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!--
              XML catalog for Protégé, for facts.ttl in this folder: the article graph imports the
              reference graph, which imports the ontology; Protégé resolves both through this file.
            -->
            <catalog prefer="public" xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
                <uri id="diplomacy-kg ontology" name="https://w3id.org/diplomacy-kg/ontology" uri="%s"/>
                <uri id="diplomacy-kg reference graph" name="https://w3id.org/diplomacy-kg/graph/reference" uri="%s"/>
            </catalog>
            """.formatted(ontology, reference);
    }

    private static final String TEMPLATE = """
        # What the article text.{lang}.txt says, and nothing more. Loaded into
        # <{graph}>.
        # How to fill this in: docs/authoring.md. A worked example:
        # data/articles/lavrov-rubio-2025-10/facts.ttl and its NOTES.md.
        # Check it with: java -jar target/diplomacy-kg.jar validate {dir}

        @prefix :        <https://w3id.org/diplomacy-kg/id/> .
        @prefix dkg:     <https://w3id.org/diplomacy-kg/ontology#> .
        @prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix oa:      <http://www.w3.org/ns/oa#> .
        @prefix owl:     <http://www.w3.org/2002/07/owl#> .
        @prefix prov:    <http://www.w3.org/ns/prov#> .

        # The graph is an OWL ontology importing the reference graph (and through it the
        # ontology), so that Protégé, with catalog-v001.xml beside this file, reads every dkg: term.
        <{graph}> a owl:Ontology ;
            owl:imports <{reference}> ;
            prov:wasDerivedFrom :article-{slug} .

        # --- The article: what it is, not what it says (needs no evidence) ---------------
        # The label is the text's first line. Every labelled thing has an English and an
        # Indonesian label: add the missing one(s).
        :article-{slug} a dkg:Article ;
            rdfs:label "{headline}"@{lang} ;
            # rdfs:label "..."@{other} ;
            dcterms:language "{lang}" ;
            dcterms:source "{text-path}" .

        # --- People, posts, states: in data/reference.ttl, not here ----------------------
        # Who someone is and which post they hold are background facts: add them once to
        # data/reference.ttl, each with a dcterms:source (docs/authoring.md, "People and posts").
        # Here, only point at them: :sergey-lavrov, :russia, :white-house, ...

        # --- Spans: the article's words each fact rests on -------------------------------
        # oa:exact is copied from text.{lang}.txt character for character; where the words occur
        # more than once, add oa:prefix and/or oa:suffix (the words just before or after).
        #
        # :{slug}-span-NAME a oa:TextQuoteSelector ;
        #     oa:exact "the article's own words" ;
        #     dkg:inArticle :article-{slug} .

        # --- A meeting, call or summit ------------------------------------------------------
        # :MEETING-SLUG a dkg:PhoneCall ;                      # or dkg:Summit, dkg:PressConference
        #     rdfs:label "..."@en , "..."@id ;
        #     dkg:status dkg:Held ;                            # Held, Planned, Cancelled, RuledOut, NotPlanned
        #     dkg:participant :sergey-lavrov , :marco-rubio ;  # typed people or states (reference.ttl)
        #     dkg:date "2025-11-21T00:00:00"^^xsd:dateTime ;   # only a date the text gives
        #     dkg:evidence :{slug}-span-NAME .                 # the span that introduces it
        #
        # Every other triple carries its evidence as an axiom annotation:
        # [] a owl:Axiom ; owl:annotatedSource :MEETING-SLUG ; owl:annotatedProperty dkg:date ;
        #    owl:annotatedTarget "2025-11-21T00:00:00"^^xsd:dateTime ;
        #    dkg:evidence :{slug}-span-NAME .

        # --- A statement, and a quote -------------------------------------------------------
        # :statement-SLUG a dkg:Statement ;
        #     rdfs:label "..."@en , "..."@id ;
        #     dkg:attributedTo :sergey-lavrov ;                # exactly who says so
        #     dkg:content "what was said, in English"@en ;
        #     dkg:translatedQuote "words in quotation marks"@{lang} ;
        #     dkg:modality dkg:Possible ;                      # only for a hedge: Approximate, Possible, Believed, Unconfirmed
        #     dkg:reportedIn :statement-OTHER ;                # only if the text knows it through another statement
        #     dkg:evidence :{slug}-span-NAME .

        # --- A claim the text attributes to sources or observers ----------------------------
        # :claim-SLUG a dkg:Claim ;
        #     rdfs:label "..."@en , "..."@id ;
        #     dkg:attributedTo :{slug}-sources ;               # a dkg:UnnamedSource labelled as the text describes them
        #     dkg:content "what is claimed"@en ;
        #     dkg:modality dkg:Unconfirmed ;
        #     dkg:evidence :{slug}-span-NAME .

        # --- A time the text gives only relatively ("last week") ----------------------------
        # :{slug}-time-NAME a dkg:TimeInterval ;
        #     rdfs:label "..."@en , "..."@id ;
        #     dkg:temporalExpression "the text's words"@{lang} ;
        #     dkg:relativeTo :article-{slug} ;                 # or the event or statement it counts from
        #     dkg:notBefore "2025-11-14T00:00:00"^^xsd:dateTime ;   # only bounds the words imply
        #     dkg:evidence :{slug}-span-NAME .
        """;
}
