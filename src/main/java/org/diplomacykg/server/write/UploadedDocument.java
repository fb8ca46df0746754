package org.diplomacykg.server.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.diplomacykg.store.BundleCheck;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.web.HttpSC;
import org.diplomacykg.server.http.ClientErrors;

/**
 * The RDF document in the body of a Graph Store write, parsed whole into memory before the
 * write transaction starts, so that a bad document changes nothing and costs no lock:
 * <ul>
 * <li>its syntax is the request's Content-Type, which must name an RDF syntax (415 if not, or
 *     if missing; multipart bodies are not taken);</li>
 * <li>text syntaxes must be UTF-8 (400 naming the first bad byte), where Jena would read each
 *     bad byte as U+FFFD; RDF/XML decodes as its XML declaration says;</li>
 * <li>nothing is fetched: a JSON-LD {@code @context} or {@code @import} naming an address (or a
 *     file) is refused, where Jena's JSON-LD reader would fetch it. RDF/XML's external entities
 *     are already never read by Jena;</li>
 * <li>a syntax error is a 400 naming the line and column; a document nested too deeply to parse,
 *     a 400 saying so.</li>
 * </ul>
 */
final class UploadedDocument {

    /** The body, parsed: triples in the default graph, quads in their graphs. */
    static DatasetGraph parse(HttpAction action) {
        Lang lang = lang(action);
        byte[] body = null;
        try {
            body = action.getRequestInputStream().readAllBytes();
        } catch (IOException ex) {
            // Over the size limit (the body filter gives the answer), or the client left.
            ServletOps.errorBadRequest("The document in the request body could not be read: " + ex.getMessage());
        }
        if ( !RDFLanguages.RDFXML.equals(lang) && !RDFLanguages.TRIX.equals(lang) )
            Utf8.require(body, "The " + lang.getLabel() + " document");
        DatasetGraph parsed = DatasetGraphFactory.create();
        try {
            RDFParser.create()
                .source(new ByteArrayInputStream(body))
                .forceLang(lang)
                .base(ActionLib.wholeRequestURL(action.getRequest()))
                .set(LangJSONLD11.JSONLD_OPTIONS, noRemoteDocuments())
                .errorHandler(LINE_AND_COLUMN)
                .parse(parsed);
        } catch (RiotParseException ex) {
            // In the words of the bundle check, as validate, load and PUT /kg/articles word it.
            ServletOps.errorBadRequest(BundleCheck.syntax("request body", ex.getLine(), ex.getCol(), ex.getOriginalMessage()).text());
        } catch (RiotException ex) {
            if ( ex.getCause() instanceof StackOverflowError )
                ServletOps.errorBadRequest(ClientErrors.TOO_DEEP);
            ServletOps.errorBadRequest("The " + lang.getLabel() + " document could not be read: " + message(ex));
        } catch (StackOverflowError ex) {
            ServletOps.errorBadRequest(ClientErrors.TOO_DEEP);
        } catch (RuntimeException ex) {
            // Jena's parsers can fail otherwise on broken input (the Turtle tokenizer formats -1 as a
            // character at the end of a prefixed name): the document is what is wrong.
            ServletOps.errorBadRequest("The " + lang.getLabel() + " document could not be read: " + message(ex));
        }
        return parsed;
    }

    /** Syntax errors as exceptions that keep their line and column, for the answer to name them. */
    private static final ErrorHandler LINE_AND_COLUMN = new ErrorHandler() {
        @Override public void warning(String message, long line, long col) {}
        @Override public void error(String message, long line, long col) { throw new RiotParseException(message, line, col); }
        @Override public void fatal(String message, long line, long col) { throw new RiotParseException(message, line, col); }
    };

    /** The RDF syntax the Content-Type names; a 415 if it names none. */
    private static Lang lang(HttpAction action) {
        ContentType ct = ActionLib.getContentType(action);
        if ( ct == null )
            ServletOps.error(HttpSC.UNSUPPORTED_MEDIA_TYPE_415, "No Content-Type: name the document's RDF syntax, "
                + "e.g. text/turtle, application/n-triples, application/ld+json, application/rdf+xml, application/trig");
        if ( WebContent.matchContentType(WebContent.ctMultipartFormData, ct) || WebContent.matchContentType(WebContent.ctMultipartMixed, ct) )
            ServletOps.error(HttpSC.UNSUPPORTED_MEDIA_TYPE_415, "Multipart uploads are not taken: send the document as the "
                + "request body, with its own Content-Type, e.g. text/turtle");
        Lang lang = RDFLanguages.contentTypeToLang(ct.getContentTypeStr());
        if ( lang == null || !RDFParserRegistry.isRegistered(lang) )
            ServletOps.error(HttpSC.UNSUPPORTED_MEDIA_TYPE_415, "'" + ct.getContentTypeStr() + "' is not an RDF syntax: "
                + "use e.g. text/turtle, application/n-triples, application/ld+json, application/rdf+xml, application/trig");
        return lang;
    }

    /** JSON-LD options whose document loader loads nothing: a remote (or local) context is refused. */
    private static JsonLdOptions noRemoteDocuments() {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader(UploadedDocument::refuse);
        return options;
    }

    private static Document refuse(URI url, DocumentLoaderOptions options) throws JsonLdError {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "The document names <" + url
            + "> to be loaded; the server never fetches an address a client names: put the @context inline");
    }

    /** The innermost message, without Java class names. */
    private static String message(Throwable ex) {
        String message = null;
        for ( Throwable t = ex; t != null; t = t.getCause() ) {
            if ( t.getMessage() != null )
                message = t.getMessage();
            if ( t.getCause() == t )
                break;
        }
        return message == null ? "syntax error" : message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ?", "");
    }

    private UploadedDocument() {}
}
