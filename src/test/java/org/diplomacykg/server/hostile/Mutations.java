package org.diplomacykg.server.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates valid documents into likely-broken ones, reproducibly: the same seed gives the same
 * mutations. Each mutation applies one to three of: flipping a byte, deleting a run, duplicating
 * a run elsewhere, truncating, and inserting a special string (syntax characters, escapes,
 * keywords, bytes that are not UTF-8).
 */
final class Mutations {

    private static final List<byte[]> SPECIALS = new ArrayList<>();
    static {
        for ( String s : new String[] {
                "{", "}", "(", ")", "[", "]", "<", ">", "\"", "'", "\"\"\"", "'''", "\\", "\\u", "\\uD800", "\\U0010FFFF", "\\U7FFFFFFF",
                "@", "@en-", "^^", "^^<", "#", ".", ";", ",", "?", "$", "_:", "_:b0", "a", ":", "*", "+", "/", "|", "!", "^", "=",
                "\n", "\r", "\t", " ", "\u0000", "\u0001", "\u007F", "\u202E", "\uFEFF", "\uFFFF", "\uD83D\uDE00", "%", "%00", "%ZZ",
                "<>", "<http://ex.org/a b>", "<file:///etc/passwd>", "1e999999", "-0", "99999999999999999999999", "\"\"^^<x>",
                "SERVICE <http://localhost:1/sparql> { ?s ?p ?o }", "OPTIONAL {", "UNION", "MINUS {", "FILTER(", "FILTER NOT EXISTS {",
                "GRAPH ?g {", "SELECT * {", "LIMIT 0", "OFFSET 99999999999", "ORDER BY", "GROUP BY", "COUNT(*)", "BIND(", "VALUES ?x {",
                "regex(?x, \"(((\")", "@prefix : <", "@base <", "PREFIX", "BASE <", "INSERT DATA {", "DROP ALL", "LOAD <http://localhost:1/>",
                "; ", "}}}}}}}}", "{{{{{{{{", "((((((((", "))))))))", "[[[[[[[[" } )
            SPECIALS.add(s.getBytes(StandardCharsets.UTF_8));
        SPECIALS.add(new byte[] { (byte) 0xFF });
        SPECIALS.add(new byte[] { (byte) 0xC3, (byte) 0x28 });
        SPECIALS.add(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
        SPECIALS.add(new byte[] { (byte) 0xC0, (byte) 0xAF });
        SPECIALS.add(new byte[] { (byte) 0xE9 });
        SPECIALS.add(new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 });
    }

    private Mutations() {}

    /** The mutation of {@code input} for case {@code index} of the run with {@code seed}: the same arguments, the same bytes. */
    static byte[] mutate(byte[] input, long seed, int index) {
        Random random = new Random(seed * 1_000_003L + index);
        byte[] out = input;
        int operations = 1 + random.nextInt(3);
        for ( int i = 0; i < operations; i++ )
            out = once(out, random);
        return out;
    }

    private static byte[] once(byte[] in, Random random) {
        if ( in.length == 0 )
            return special(random);
        int at = random.nextInt(in.length);
        switch ( random.nextInt(5) ) {
            case 0: {   // flip a byte: one bit, or a random value
                byte[] out = in.clone();
                out[at] = random.nextBoolean() ? (byte) (out[at] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
                return out;
            }
            case 1: {   // delete a run
                int length = Math.min(1 + random.nextInt(32), in.length - at);
                return splice(in, at, length, new byte[0]);
            }
            case 2: {   // duplicate a run elsewhere
                int length = Math.min(1 + random.nextInt(64), in.length - at);
                byte[] run = new byte[length];
                System.arraycopy(in, at, run, 0, length);
                return splice(in, random.nextInt(in.length + 1), 0, run);
            }
            case 3:     // truncate
                return splice(in, at, in.length - at, new byte[0]);
            default:    // insert a special string
                return splice(in, random.nextInt(in.length + 1), 0, special(random));
        }
    }

    private static byte[] special(Random random) {
        return SPECIALS.get(random.nextInt(SPECIALS.size()));
    }

    /** {@code in} with {@code length} bytes at {@code at} replaced by {@code insert}. */
    private static byte[] splice(byte[] in, int at, int length, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
        out.write(in, 0, at);
        out.writeBytes(insert);
        out.write(in, at + length, in.length - at - length);
        return out.toByteArray();
    }

    /** The bytes as readable text: UTF-8 where it is, {@code \xNN} where not, control characters escaped, cut to {@code max}. */
    static String show(byte[] bytes, int max) {
        StringBuilder out = new StringBuilder();
        for ( int i = 0; i < bytes.length && out.length() < max; i++ ) {
            int b = bytes[i] & 0xFF;
            if ( b == '\n' )
                out.append("\\n");
            else if ( b >= 0x20 && b < 0x7F )
                out.append((char) b);
            else
                out.append(String.format("\\x%02X", b));
        }
        return out.length() >= max ? out + "...(" + bytes.length + " bytes)" : out.toString();
    }
}
