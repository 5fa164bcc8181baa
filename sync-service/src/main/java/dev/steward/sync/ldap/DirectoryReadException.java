package dev.steward.sync.ldap;

/** The directory could not be read (connection, bind, search): the cycle fails with this message. */
public class DirectoryReadException extends RuntimeException {

    public DirectoryReadException(String message, Throwable cause) {
        super(message, cause);
    }

    public DirectoryReadException(String message) {
        super(message);
    }
}
