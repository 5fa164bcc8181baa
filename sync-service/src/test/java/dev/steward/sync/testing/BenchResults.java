package dev.steward.sync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the Samba benchmarks share to report: the load average, and the result file under {@code bench/results}. */
public final class BenchResults {

    private BenchResults() {
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The machine, as every result file names it. */
    public static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores (shared with other builds), JDK "
                + System.getProperty("java.version");
    }

    /**
     * Writes {@code <bench.results>/<name>-<time>.md}: the title, the paragraphs (command, setting, load), then the
     * table of figures; and prints it.
     */
    public static Path write(String name, String title, List<String> paragraphs, List<String> rows) throws IOException {
        Path results = Path.of(System.getProperty("bench.results", "../bench/results"));
        Files.createDirectories(results);
        String time = Instant.now().toString().substring(0, 19).replace(':', '-');
        List<String> lines = new ArrayList<>();
        lines.add("# " + title);
        for (String paragraph : paragraphs) {
            lines.add("");
            lines.add(paragraph);
        }
        lines.add("");
        lines.add("| figure | measured | baseline in this run | ratio | notes |");
        lines.add("|---|---|---|---|---|");
        lines.addAll(rows);
        Path file = results.resolve(name + "-" + time + ".md");
        Files.write(file, lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
        return file;
    }
}
