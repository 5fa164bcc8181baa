package dev.steward.selfservice.membership;

/** Text from elsewhere (the directory's error messages) cut to what a column holds. */
final class SafeLength {

    private SafeLength() {
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
