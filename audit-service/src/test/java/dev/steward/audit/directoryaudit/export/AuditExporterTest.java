package dev.steward.audit.directoryaudit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.web.GraphException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditExporterTest {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        assertThat(AuditExporter.csvField("plain")).isEqualTo("plain");
        assertThat(AuditExporter.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExporter.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExporter.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void defusesFieldsASpreadsheetWouldRunAsFormulas() {
        assertThat(AuditExporter.csvField("=1+1")).isEqualTo("'=1+1");
        assertThat(AuditExporter.csvField("+1")).isEqualTo("'+1");
        assertThat(AuditExporter.csvField("-2")).isEqualTo("'-2");
        assertThat(AuditExporter.csvField("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditExporter.csvField("=A1,B1")).isEqualTo("\"'=A1,B1\"");
    }

    @Test
    void endsEveryRowWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        AuditExporter.writeCsvRow(out, List.of("a", "", "c"));
        assertThat(out).hasToString("a,,c\r\n");
    }

    @Test
    void readsJsonlByDefaultAndRefusesUnknownFormats() {
        assertThat(ExportFormat.parse(null)).isEqualTo(ExportFormat.JSONL);
        assertThat(ExportFormat.parse("CSV")).isEqualTo(ExportFormat.CSV);
        assertThatThrownBy(() -> ExportFormat.parse("xlsx")).isInstanceOf(GraphException.class)
                .hasMessageContaining("format=jsonl or format=csv");
    }
}
