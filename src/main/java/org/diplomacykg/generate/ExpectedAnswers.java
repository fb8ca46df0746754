package org.diplomacykg.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.util.NodeFactoryExtra;

/**
 * The expected-answers file written beside a generated world ({@code FILE.expected.tsv}): comment
 * lines starting with {@code #}, then one answer per line, tab-separated: the question, and the
 * subject, predicate and object of a triple the reasoners must infer, in N-Triples syntax.
 * <p>
 * Questions: {@code unchanged-since} and {@code last-reaffirmed} (position continuity),
 * {@code counterpart}, {@code involves-state} (state participation), {@code cancelled},
 * {@code disagreement}. For each subject and predicate listed (but {@code rdf:type}), the
 * values listed are all the values: a sampled position has no other continuity date, a sampled
 * official no other counterpart, a sampled meeting involves no other state. For each proposal
 * named by {@code dkg:disagreementOn}, the disagreements listed are all of its disagreements.
 */
public final class ExpectedAnswers {

    /** Where the answers for the world in {@code worldFile} go. */
    public static Path pathFor(Path worldFile) {
        return worldFile.resolveSibling(worldFile.getFileName() + ".expected.tsv");
    }

    public static void write(Path file, GeneratedWorld world) throws IOException {
        try ( BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8) ) {
            out.write("# Expected inferences of a synthetic diplomacy-kg world, computed by the generator, not the reasoners.\n");
            out.write("# " + world.summary() + "\n");
            out.write("# For each subject and predicate (but rdf:type) the values listed are complete;"
                      + " so are the disagreements listed for each proposal.\n");
            out.write("# question\tsubject\tpredicate\tobject\n");
            for ( ExpectedAnswer answer : world.expected() )
                out.write(answer.toTsv() + "\n");
        }
    }

    public static List<ExpectedAnswer> read(Path file) throws IOException {
        List<ExpectedAnswer> answers = new ArrayList<>();
        for ( String line : Files.readAllLines(file, StandardCharsets.UTF_8) ) {
            if ( line.isBlank() || line.startsWith("#") )
                continue;
            String[] f = line.split("\t", -1);
            if ( f.length != 4 )
                throw new IOException(file + ": expected 4 tab-separated fields, got " + f.length + ": " + line);
            answers.add(new ExpectedAnswer(f[0], NodeFactoryExtra.parseNode(f[1]), NodeFactoryExtra.parseNode(f[2]),
                                           NodeFactoryExtra.parseNode(f[3])));
        }
        return answers;
    }

    private ExpectedAnswers() {}
}
