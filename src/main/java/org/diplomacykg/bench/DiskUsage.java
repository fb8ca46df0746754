package org.diplomacykg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Bytes a directory takes on disk. TDB2 maps its index files in segments of 8 MB and extends a
 * file by a whole segment at a time, leaving it sparse: a new store of the article is 200 MB
 * by file length and 2 MB on disk. So the blocks the file system allocated ({@code du}) are the
 * figure, and file length only where {@code du} is not there to ask.
 */
final class DiskUsage {

    /** Allocated bytes under {@code dir}, as {@code du -s -B1} counts them; file lengths if du fails. */
    static long of(Path dir) throws IOException {
        try {
            Process du = new ProcessBuilder("du", "-s", "-B1", dir.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if ( du.waitFor(1, TimeUnit.MINUTES) && du.exitValue() == 0 )
                return Long.parseLong(out.split("\\s+")[0]);
        } catch (IOException | NumberFormatException ex) {
            // No du (not a Unix): file lengths, an upper bound.
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return lengths(dir);
    }

    /** The sum of the files' lengths, holes included. */
    private static long lengths(Path dir) throws IOException {
        try ( Stream<Path> files = Files.walk(dir) ) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private DiskUsage() {}
}
