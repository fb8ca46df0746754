package org.diplomacykg.server.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.diplomacykg.server.ServerConfigException;
import org.eclipse.jetty.util.security.Credential;

/**
 * A file of users, in Jetty's password file format (what Fuseki's {@code --passwd} reads): one
 * {@code user: password} per line, {@code #} for comments; anything after a comma is a role
 * list, which is ignored here. A password is best stored as a bcrypt hash, {@code BCRYPT:$2a$...},
 * which the {@code passwd} command writes; Jetty's {@code MD5:...} and {@code CRYPT:...} and
 * plain text are still taken, and {@link #weakUsers()} names the users stored so. There is no
 * default user or password: a file that lists nobody, or a user without a password, is refused,
 * and so is a file that other users of the machine may read.
 */
public final class PasswordFile {

    /** The prefix of a bcrypt hash in the file. */
    public static final String BCRYPT = "BCRYPT:";

    private final Path file;
    private final Map<String, String> passwords;

    private PasswordFile(Path file, Map<String, String> passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    /**
     * Reads and checks the file the way Jetty would read it ({@link Properties} syntax, the
     * password before any comma). Throws {@link ServerConfigException} with a one-line message
     * naming the file if it is missing, unreadable, readable by others, empty or has a user
     * without a password.
     */
    public static PasswordFile read(Path file) {
        if ( file == null )
            throw new ServerConfigException("a password file must be given to enable writes");
        Path shown = file.toAbsolutePath().normalize();
        if ( Files.isDirectory(file) )
            throw new ServerConfigException("password file " + shown + " is a directory: name the file with the 'user: password' lines");
        if ( !Files.isRegularFile(file) )
            throw new ServerConfigException("password file " + shown + " does not exist: create it with one 'user: password' line per user");
        checkPrivate(file, "password file");
        Properties entries = new Properties();
        try ( InputStream in = Files.newInputStream(file) ) {
            entries.load(in);
        } catch (IOException | IllegalArgumentException ex) {
            // IllegalArgumentException: a malformed \\u escape, which Properties rejects.
            throw new ServerConfigException("cannot read password file " + shown + ": " + ex.getMessage());
        }
        Map<String, String> passwords = new TreeMap<>();
        for ( Map.Entry<Object, Object> entry : entries.entrySet() ) {
            String user = entry.getKey().toString().trim();
            String password = passwordOf(entry.getValue().toString());
            if ( user.isEmpty() )
                throw new ServerConfigException("password file " + shown + " has a line without a user name: write 'user: password'");
            if ( password.isEmpty() )
                throw new ServerConfigException("user '" + user + "' in password file " + shown + " has no password: write '" + user + ": password'");
            passwords.put(user, password);
        }
        if ( passwords.isEmpty() )
            throw new ServerConfigException("password file " + shown + " names no user: add a line 'user: password'");
        return new PasswordFile(file, Collections.unmodifiableMap(passwords));
    }

    /** As {@link #read}, returning the user names. */
    public static Set<String> check(Path file) {
        return read(file).users();
    }

    /**
     * Refuses a file of secrets that the group or others may read (on file systems with POSIX
     * permissions): a password, even hashed, can be guessed at offline by whoever reads it.
     */
    public static void checkPrivate(Path file, String what) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        } catch (IOException ex) {
            throw new ServerConfigException("cannot read " + what + " " + file.toAbsolutePath().normalize() + ": " + ex.getMessage());
        }
        if ( permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ) )
            throw new ServerConfigException(what + " " + file.toAbsolutePath().normalize() + " may be read by other users of this "
                + "machine: make it private with chmod 600 " + file);
    }

    public Path file() {
        return file;
    }

    public Set<String> users() {
        return passwords.keySet();
    }

    /** Users whose password is not stored as a bcrypt hash: plain text, or Jetty's MD5 or CRYPT, which are quick to guess. */
    public Set<String> weakUsers() {
        Set<String> weak = new TreeSet<>();
        passwords.forEach((user, password) -> {
            if ( !password.startsWith(BCRYPT) )
                weak.add(user);
        });
        return weak;
    }

    /** What checks a password given for {@code user}. */
    public Credential credential(String user) {
        String stored = passwords.get(user);
        return stored.startsWith(BCRYPT) ? new BcryptCredential(stored.substring(BCRYPT.length())) : Credential.getCredential(stored);
    }

    /**
     * Adds {@code user} to the file, or replaces that user's password, storing a bcrypt hash of
     * {@code password}; the other lines stay as they are. The file is created if new and left
     * readable by its owner only.
     */
    public static void put(Path file, String user, String password) throws IOException {
        checkUserName(user);
        if ( password.isEmpty() )
            throw new ServerConfigException("the password is empty");
        if ( password.getBytes(StandardCharsets.UTF_8).length > BcryptCredential.MAX_PASSWORD_BYTES )
            throw new ServerConfigException("the password is longer than bcrypt reads (" + BcryptCredential.MAX_PASSWORD_BYTES
                + " bytes in UTF-8): choose a shorter one");
        if ( password.chars().anyMatch(Character::isISOControl) )
            throw new ServerConfigException("the password has a control character (a tab or a line break?)");
        String line = user + ": " + BCRYPT + BcryptCredential.hash(password);
        List<String> lines = new ArrayList<>();
        boolean replaced = false;
        if ( Files.exists(file) ) {
            for ( String existing : Files.readAllLines(file, StandardCharsets.UTF_8) ) {
                if ( user.equals(userOf(existing)) ) {
                    if ( !replaced )
                        lines.add(line);
                    replaced = true;
                } else {
                    lines.add(existing);
                }
            }
        }
        if ( !replaced )
            lines.add(line);
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".passwd", ".tmp", ownerOnly(dir));
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Permission to read and write for the owner only, where the file system has POSIX permissions. */
    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if ( !dir.getFileSystem().supportedFileAttributeViews().contains("posix") )
            return new FileAttribute<?>[0];
        return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
    }

    /**
     * Refuses names that Jetty's format cannot hold as they are (a separator, a comment sign, an
     * escape, white space) or that a Basic login cannot send (a colon).
     */
    static void checkUserName(String user) {
        if ( user == null || user.isEmpty() || !user.codePoints().allMatch(c -> !Character.isISOControl(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c) && ":=#!\\,".indexOf(c) < 0) )
            throw new ServerConfigException("a user name must not be empty nor hold spaces, control characters or any of : = # ! \\ , "
                + "(not '" + user + "')");
    }

    /** The user a line of the file is about, or null for comments and blank lines. */
    private static String userOf(String line) {
        Properties one = new Properties();
        try {
            one.load(new StringReader(line));
        } catch (IOException | IllegalArgumentException ex) {
            return null;
        }
        return one.isEmpty() ? null : one.keySet().iterator().next().toString().trim();
    }

    /**
     * What checks a password given for a user in no file: a bcrypt hash of a random password,
     * which no password matches but which takes as long to check as a real one, so that how long
     * a refusal takes does not tell which user names exist.
     */
    public static Credential nobody() {
        return Nobody.CREDENTIAL;
    }

    private static final class Nobody {
        static final Credential CREDENTIAL = new BcryptCredential(BcryptCredential.hash(UUID.randomUUID().toString()));
    }

    /** The password part of a value {@code password[, role ...]}, as Jetty takes it. */
    private static String passwordOf(String value) {
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }
}
