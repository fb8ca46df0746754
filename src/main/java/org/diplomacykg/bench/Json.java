package org.diplomacykg.bench;

import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/** Small helpers over Jena's JSON: decimal figures, and reading numbers back. */
final class Json {

    /** A decimal figure, to 3 significant places after the point (enough for every figure of the bench). */
    static JsonNumber num(double value) {
        return JsonNumber.value(Math.round(value * 1000.0) / 1000.0);
    }

    /** The number at {@code key}, or NaN when absent. */
    static double get(JsonObject o, String key) {
        if ( o == null || !o.hasKey(key) )
            return Double.NaN;
        JsonValue v = o.get(key);
        return v.isNumber() ? v.getAsNumber().value().doubleValue() : Double.NaN;
    }

    /** The object at {@code key}, or null. */
    static JsonObject obj(JsonObject o, String key) {
        if ( o == null || !o.hasKey(key) || !o.get(key).isObject() )
            return null;
        return o.get(key).getAsObject();
    }

    private Json() {}
}
