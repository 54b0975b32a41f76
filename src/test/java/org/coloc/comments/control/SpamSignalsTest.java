package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpamSignalsTest {

    static final String MX = "mx.coloc.example.org";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mx.coloc.example.org; dkim=fail header.d=evil.example; spf=fail smtp.mailfrom=evil.example|true",
        "mx.coloc.example.org; dkim=none; spf=fail smtp.mailfrom=evil.example|true",
        "mx.coloc.example.org; spf=fail smtp.mailfrom=evil.example|true",
        "mx.coloc.example.org 1; DKIM=Fail (bad signature; really) header.d=x; SPF=FAIL|true",
        "mx.coloc.example.org; dkim=fail; spf=softfail|false",
        "mx.coloc.example.org; dkim=pass header.d=ok.example; spf=fail|false",
        "mx.coloc.example.org; dkim=fail; dkim=pass header.d=ok.example; spf=fail|false",
        "mx.coloc.example.org; dkim=fail; spf=pass|false",
        "mx.coloc.example.org; dkim=temperror; spf=fail|false",
        "mx.evil.example; dkim=fail; spf=fail|false",
        "mx.coloc.example.org; none|false"})
    void dkimAndSpfBothFailedAtOurServer(String header, boolean suspect) {
        assertEquals(suspect, SpamSignals.suspect(List.of(header), MX), header);
    }

    @Test
    void onlyTheTopmostHeaderOfOurServerCounts() {
        // a lower one came with the mail: anybody may have written it
        assertFalse(SpamSignals.suspect(List.of(MX + "; dkim=pass header.d=a.example; spf=pass",
                MX + "; dkim=fail; spf=fail"), MX));
        assertEquals(true, SpamSignals.suspect(List.of("mx.other.example; dkim=pass",
                MX + "; dkim=fail; spf=fail"), MX));
    }

    @Test
    void withoutAConfiguredServerNothingIsTrusted() {
        assertFalse(SpamSignals.suspect(List.of(MX + "; dkim=fail; spf=fail"), null));
        assertFalse(SpamSignals.suspect(List.of(MX + "; dkim=fail; spf=fail"), " "));
        assertFalse(SpamSignals.suspect(null, MX));
    }
}
