package dev.steward.sync.ldap;

/**
 * Where the next Delta import starts: a DirSync cookie (base64) or the {@code highestCommittedUSN} read before the
 * last import. Valid only for the same server and scope ({@code source}); any other is ignored (full read).
 *
 * @param mechanism {@link #DIRSYNC} or {@link #USN}
 * @param source    the server URL, base DN and scope the cookie was taken with
 */
public record ChangeCookie(String mechanism, String source, String value) {

    public static final String DIRSYNC = "DirSync";
    public static final String USN = "USN";
}
