package org.diplomacykg.server.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The competency questions, {@code NN-name.rq} files of a directory ({@code queries/} beside
 * {@code ontology/} and {@code data/}): each file's first comment line is the question, the
 * comment lines after it are notes, and the whole file is the query.
 */
public final class CompetencyQuestions {

    /** One question: the file name, the question, any notes, and the query text. */
    public record Question(String file, String question, String notes, String query) {
        /** The file name without {@code .rq}, for anchors. */
        public String id() {
            return file.substring(0, file.length() - ".rq".length());
        }
    }

    /** The questions in {@code dir} in file-name order; none when the directory does not exist. */
    public static List<Question> load(Path dir) {
        if ( !Files.isDirectory(dir) )
            return List.of();
        try ( Stream<Path> files = Files.list(dir) ) {
            List<Question> out = new ArrayList<>();
            for ( Path file : files.filter(f -> f.getFileName().toString().endsWith(".rq")).sorted().toList() )
                out.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            return List.copyOf(out);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the competency questions in " + dir, ex);
        }
    }

    /**
     * A question from its file name and text: the first comment line up to its question mark
     * is the question, the rest of the leading comment lines are notes.
     */
    static Question parse(String file, String text) {
        List<String> comments = new ArrayList<>();
        for ( String line : text.strip().split("\\R") ) {
            if ( !line.startsWith("#") )
                break;
            comments.add(line.replaceFirst("^#+", "").strip());
        }
        if ( comments.isEmpty() )
            return new Question(file, file, "", text.strip() + "\n");
        String first = comments.get(0);
        int mark = first.indexOf('?');
        String question = mark < 0 ? first : first.substring(0, mark + 1);
        String rest = mark < 0 ? "" : first.substring(mark + 1);
        String notes = (rest + " " + String.join(" ", comments.subList(1, comments.size()))).strip();
        return new Question(file, question, notes, text.strip() + "\n");
    }

    private CompetencyQuestions() {}
}
