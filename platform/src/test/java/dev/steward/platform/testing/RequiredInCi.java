package dev.steward.platform.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test's precondition on the machine (Samba, Chromium, root): on a developer's machine a missing one skips the
 * test with the reason logged; in CI ({@code CI=true}) it fails it, so a suite can never turn green by skipping.
 */
public final class RequiredInCi {

    private static final Logger log = LoggerFactory.getLogger(RequiredInCi.class);

    private RequiredInCi() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Surefire shows a class skipped in its set-up as "Tests run: 0" without the reason: it is logged as well. */
    public static void require(boolean condition, String message) {
        if (condition) {
            return;
        }
        if (inCi()) {
            Assertions.fail(message + " (CI=true: a test that cannot run fails instead of skipping)");
        }
        log.warn(message);
        Assumptions.assumeTrue(false, message);
    }
}
