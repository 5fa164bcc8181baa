package dev.steward.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every contract message against its golden file in {@code src/test/resources/golden}: a change to the wire is a
 * visible diff. Run with {@code -Dgolden.update=true} to rewrite the files after an intended change.
 */
class ContractGoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void everyRegisteredTypeHasASample() {
        assertThat(Samples.all().keySet()).containsExactlyInAnyOrderElementsOf(MessageTypes.all().keySet());
    }

    @TestFactory
    Iterable<DynamicTest> serialisesEveryMessageAsItsGoldenFile() {
        return Samples.all().entrySet().stream().map(this::goldenTest).toList();
    }

    private DynamicTest goldenTest(Map.Entry<String, ContractMessage> sample) {
        return DynamicTest.dynamicTest(sample.getKey(), () -> {
            Path file = GOLDEN.resolve(sample.getKey() + ".json");
            String written = ContractJson.writeString(sample.getValue());
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(file, ContractJson.writePretty(sample.getValue()) + "\n", StandardCharsets.UTF_8);
            }
            String golden = read(file);
            JsonNode expected = ContractJson.mapper().readTree(golden);
            assertThat(ContractJson.mapper().readTree(written)).isEqualTo(expected);
            ContractMessage readBack = ContractJson.read(sample.getKey(), golden.getBytes(StandardCharsets.UTF_8));
            assertThat(readBack).isEqualTo(sample.getValue());
            assertThat(MessageTypes.nameOf(readBack.getClass())).isEqualTo(sample.getKey());
        });
    }

    private static String read(Path file) throws IOException {
        assertThat(file).as("golden file (create it with -Dgolden.update=true)").exists();
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
