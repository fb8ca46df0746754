package org.diplomacykg.store;

import org.apache.jena.atlas.json.JsonObject;
import org.diplomacykg.vocab.DKG;

/**
 * One thing wrong with an article bundle, in the words every path that checks bundles uses
 * ({@link BundleCheck}): {@code validate}, {@code serve}, {@code load}, {@code PUT
 * /kg/articles/{slug}} and the writes into an article graph.
 *
 * @param check   which check found it: {@code syntax}, {@code term}, {@code article}, {@code span} or {@code shape}
 * @param file    the file (or request part) it is in; null where there is none (a SPARQL Update)
 * @param line    1-based line, or -1 where unknown
 * @param column  1-based column, or -1 where unknown
 * @param focus   the thing it is about: its IRI, or for an evidence span its words; null where none
 * @param label   the thing's label (a span's words), to name it to a reader; null where none
 * @param message what is wrong, in plain words
 * @param fix     what to add or change
 */
public record Finding(String check, String file, long line, long column, String focus, String label,
                      String message, String fix) {

    public static final String SYNTAX = "syntax";
    public static final String TERM = "term";
    public static final String ARTICLE = "article";
    public static final String SPAN = "span";
    public static final String SHAPE = "shape";

    /** The same finding, placed in {@code file} at {@code line}:{@code column}. */
    public Finding at(String file, long line, long column) {
        return new Finding(check, file, line, column, focus, label, message, fix);
    }

    /** What a person reads: {@code file:line:col: thing: message}, then the fix on its own line. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        if ( file != null ) {
            sb.append(file);
            if ( line > 0 ) {
                sb.append(':').append(line);
                if ( column > 0 )
                    sb.append(':').append(column);
            }
            sb.append(": ");
        }
        String name = name();
        if ( name != null )
            sb.append(name).append(": ");
        sb.append(message);
        if ( fix != null && !fix.isEmpty() )
            sb.append("\n    fix: ").append(fix.replace("\n", "\n         "));
        return sb.toString();
    }

    /** The thing by its label and IRI: {@code "Sergey Lavrov" <...>}, or a span's words. */
    public String name() {
        if ( focus == null && label == null )
            return null;
        if ( label == null )
            return shortIri(focus);
        if ( focus == null || focus.equals(label) )
            return "\"" + label + "\"";
        return "\"" + label + "\" " + shortIri(focus);
    }

    /** {@code id:x} and {@code dkg:X} for the project's own IRIs, {@code <...>} for the rest. */
    static String shortIri(String iri) {
        if ( iri.startsWith(DKG.ID_BASE) && iri.substring(DKG.ID_BASE.length()).matches("[\\w.-]*\\w") )
            return "id:" + iri.substring(DKG.ID_BASE.length());
        if ( iri.startsWith(DKG.NS) )
            return "dkg:" + iri.substring(DKG.NS.length());
        return "<" + iri + ">";
    }

    /** For tools: every field, absent where unknown. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.put("check", check);
        if ( file != null )
            json.put("file", file);
        if ( line > 0 )
            json.put("line", line);
        if ( column > 0 )
            json.put("column", column);
        if ( focus != null )
            json.put("focus", focus);
        if ( label != null )
            json.put("label", label);
        json.put("message", message);
        if ( fix != null )
            json.put("fix", fix);
        return json;
    }

    /** What stays the same whichever path found it: no file, line or column. */
    public Finding withoutPlace() {
        return new Finding(check, null, -1, -1, focus, label, message, fix);
    }
}
