package org.diplomacykg.server.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
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
 *     if missing); or, for a multipart upload, each file's Content-Type or extension, the files
 *     together making the document;</li>
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
        ContentType ct = ActionLib.getContentType(action);
        if ( ct != null && isMultipart(ct) )
            return parseFiles(action);
        Lang lang = lang(ct);
        byte[] body = null;
        try {
            body = action.getRequestInputStream().readAllBytes();
        } catch (IOException ex) {
            // Over the size limit (the body filter gives the answer), or the client left.
            ServletOps.errorBadRequest("The document in the request body could not be read: " + ex.getMessage());
        }
        DatasetGraph parsed = DatasetGraphFactory.create();
        parseInto(action, body, lang, parsed);
        return parsed;
    }

    private static boolean isMultipart(ContentType ct) {
        return WebContent.matchContentType(WebContent.ctMultipartFormData, ct) || WebContent.matchContentType(WebContent.ctMultipartMixed, ct);
    }

    /**
     * A multipart upload (Fuseki's upload page, {@code curl -F file=@facts.ttl}, HTML forms):
     * every part must be a file, whose syntax is its Content-Type or else its file name's
     * extension; all of them are parsed, as one body is, into one document. Commons FileUpload
     * splits the parts, as in Fuseki's {@code DataUploader}; the parsing is this class's, strict
     * and fetching nothing, where Fuseki's would fetch a JSON-LD context.
     */
    private static DatasetGraph parseFiles(HttpAction action) {
        DatasetGraph parsed = DatasetGraphFactory.create();
        int files = 0;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(action.getRequest());
            while ( parts.hasNext() ) {
                FileItemInput part = parts.next();
                if ( part.isFormField() )
                    ServletOps.errorBadRequest("A multipart upload takes files only: the field '" + part.getFieldName()
                        + "' is not a file (send it as <input type=\"file\">, or curl -F 'file=@facts.ttl')");
                Lang lang = partLang(part);
                byte[] bytes = part.getInputStream().readAllBytes();
                parseInto(action, bytes, lang, parsed);
                files++;
            }
        } catch (IOException ex) {
            // Not multipart after all, over the size limit (the body filter answers), or the client left.
            ServletOps.errorBadRequest("The multipart body could not be read: " + message(ex));
        }
        if ( files == 0 )
            ServletOps.errorBadRequest("The multipart upload holds no file");
        return parsed;
    }

    /** A file part's RDF syntax: its Content-Type if that names one, else its file name's extension; a 415 if neither. */
    private static Lang partLang(FileItemInput part) {
        String type = part.getContentType();
        // text/plain says nothing about the syntax (browsers send it for .nt), as in Fuseki.
        ContentType ct = type == null ? null : ContentType.create(type);
        Lang lang = ct == null || WebContent.matchContentType(WebContent.ctTextPlain, ct) ? null : RDFLanguages.contentTypeToLang(ct.getContentTypeStr());
        if ( lang == null && part.getName() != null )
            lang = RDFLanguages.filenameToLang(part.getName());
        if ( lang == null || !RDFParserRegistry.isRegistered(lang) )
            ServletOps.error(HttpSC.UNSUPPORTED_MEDIA_TYPE_415, "The file '" + part.getName() + "' (" + type + ") is not in an RDF syntax "
                + "this server reads: give it an RDF Content-Type or a name ending .ttl, .nt, .jsonld, .rdf, .trig or .nq");
        return lang;
    }

    /** Parses one document of {@code lang} into {@code parsed}; a 400 saying what is wrong if it does not parse. */
    private static void parseInto(HttpAction action, byte[] body, Lang lang, DatasetGraph parsed) {
        if ( !RDFLanguages.RDFXML.equals(lang) && !RDFLanguages.TRIX.equals(lang) )
            Utf8.require(body, "The " + lang.getLabel() + " document");
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
    }

    /** Syntax errors as exceptions that keep their line and column, for the answer to name them. */
    private static final ErrorHandler LINE_AND_COLUMN = new ErrorHandler() {
        @Override public void warning(String message, long line, long col) {}
        @Override public void error(String message, long line, long col) { throw new RiotParseException(message, line, col); }
        @Override public void fatal(String message, long line, long col) { throw new RiotParseException(message, line, col); }
    };

    /** The RDF syntax the Content-Type names; a 415 if it names none. */
    private static Lang lang(ContentType ct) {
        if ( ct == null )
            ServletOps.error(HttpSC.UNSUPPORTED_MEDIA_TYPE_415, "No Content-Type: name the document's RDF syntax, "
                + "e.g. text/turtle, application/n-triples, application/ld+json, application/rdf+xml, application/trig");
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
