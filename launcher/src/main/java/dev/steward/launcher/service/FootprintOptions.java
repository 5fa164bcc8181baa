package dev.steward.launcher.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options that shrink a child JVM's resident memory where its JDK has them (an unknown option stops the JVM,
 * so each is left out elsewhere). Placed before the {@code --java-opts}, which can switch each off again.
 * <ul>
 *     <li>{@code TrimNativeHeapInterval}: gives glibc's free native memory back to the system every few seconds
 *     (memory the JVM's own native allocations, such as class loading, the JIT and zip inflaters, freed stays
 *     resident with glibc otherwise). A product option from JDK 22, experimental in 17.0.9+ and 21.0.1+; glibc only,
 *     so Linux only. Off with {@code -XX:TrimNativeHeapInterval=0}.</li>
 *     <li>{@code UseCompactObjectHeaders} (JEP 519): 8-byte object headers, a smaller heap for the same objects. A
 *     product option from JDK 25. Off with {@code -XX:-UseCompactObjectHeaders}.</li>
 * </ul>
 */
public final class FootprintOptions {

    static final int TRIM_INTERVAL_MILLIS = 5000;

    private FootprintOptions() {
    }

    /** The options for children that run on this JVM's Java ({@code ChildProcess.javaExecutable()}). */
    public static List<String> options() {
        return options(Runtime.version(), System.getProperty("os.name", ""));
    }

    static List<String> options(Runtime.Version version, String osName) {
        List<String> options = new ArrayList<>();
        int feature = version.feature();
        if (osName.startsWith("Linux")) {
            String trim = "-XX:TrimNativeHeapInterval=" + TRIM_INTERVAL_MILLIS;
            if (feature >= 22) {
                options.add(trim);
            } else if ((feature == 21 && version.update() >= 1) || (feature == 17 && version.update() >= 9)) {
                options.addAll(List.of("-XX:+UnlockExperimentalVMOptions", trim));
            }
        }
        if (feature >= 25) {
            options.add("-XX:+UseCompactObjectHeaders");
        }
        return List.copyOf(options);
    }
}
