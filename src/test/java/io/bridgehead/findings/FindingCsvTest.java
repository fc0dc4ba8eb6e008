package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingCsvTest {

    @Test
    void formulaStartsGetAQuote() {
        assertThat(FindingCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(FindingCsv.cell("+1")).isEqualTo("'+1");
        assertThat(FindingCsv.cell("-1")).isEqualTo("'-1");
        assertThat(FindingCsv.cell("@A1")).isEqualTo("'@A1");
        assertThat(FindingCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(FindingCsv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(FindingCsv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(FindingCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(FindingCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(FindingCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(FindingCsv.cell("=A1,\"x\"")).isEqualTo("\"'=A1,\"\"x\"\"\"");
        assertThat(FindingCsv.cell("")).isEmpty();
        assertThat(FindingCsv.cell(null)).isEmpty();
    }
}
