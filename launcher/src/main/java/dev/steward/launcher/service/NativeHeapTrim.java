package dev.steward.launcher.service;

import java.util.List;

/**
 * The JVM option that makes a child JVM give glibc's free native memory back to the system every few seconds
 * ({@code TrimNativeHeapInterval}): memory the JVM's own native allocations (class loading, the JIT, zip inflaters)
 * freed stays resident with glibc otherwise. A product option from JDK 22, experimental in 17.0.9+ and 21.0.1+, absent
 * from other JDKs (there the option is left out: an unknown option stops the JVM); it only acts on glibc, so only on
 * Linux. Placed before the {@code --java-opts}, which can switch it off with {@code -XX:TrimNativeHeapInterval=0}.
 */
public final class NativeHeapTrim {

    static final int INTERVAL_MILLIS = 5000;

    private NativeHeapTrim() {
    }

    /** The options for children that run on this JVM's Java ({@code ChildProcess.javaExecutable()}). */
    public static List<String> options() {
        return options(Runtime.version(), System.getProperty("os.name", ""));
    }

    static List<String> options(Runtime.Version version, String osName) {
        if (!osName.startsWith("Linux")) {
            return List.of();
        }
        String interval = "-XX:TrimNativeHeapInterval=" + INTERVAL_MILLIS;
        int feature = version.feature();
        if (feature >= 22) {
            return List.of(interval);
        }
        if ((feature == 21 && version.update() >= 1) || (feature == 17 && version.update() >= 9)) {
            return List.of("-XX:+UnlockExperimentalVMOptions", interval);
        }
        return List.of();
    }
}
