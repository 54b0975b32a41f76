package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MimeParserTest {

    private final MimeParser parser = new MimeParser();

    private ParsedMail parse(String mail) throws UnparseableMailException {
        return parser.parse(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private ParsedMail parseBytes(byte[] mail) throws UnparseableMailException {
        return parser.parse(mail);
    }

    /**
     * A well-formed multipart mail of this subtype: {@code headers}, then each part (its own headers, a blank line,
     * its body) after a boundary line, and the closing boundary.
     */
    private static String multipart(String headers, String subtype, String... parts) {
        StringBuilder mail = new StringBuilder(headers)
                .append("\nContent-Type: multipart/").append(subtype).append("; boundary=\"b\"\n\n");
        for (String part : parts) {
            mail.append("--b\n").append(part);
        }
        return mail.append("--b--\n").toString();
    }

    private static String textPart(String body) {
        return "Content-Type: text/plain\n\n" + body + "\n";
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void plainMailGivesHeadersIdsAndBody() throws Exception {
        ParsedMail m = parse("""
                From: Alice Example <alice@example.org>
                To: bob@example.org, "Carol C." <carol@example.org>
                Cc: dave@example.org
                Subject: Hello
                Message-ID: <abc@example.org>
                In-Reply-To: <parent@example.org>
                References: <root@example.org>
                 <parent@example.org>
                Date: Tue, 17 Nov 2009 21:28:37 +0600

                Hi Bob
                """);
        assertEquals(new MailAddress("Alice Example", "alice@example.org"), m.from());
        assertEquals(List.of(new MailAddress(null, "bob@example.org"), new MailAddress("Carol C.", "carol@example.org")), m.to());
        assertEquals("dave@example.org", m.cc().get(0).address());
        assertEquals("abc@example.org", m.messageId());
        assertEquals("parent@example.org", m.inReplyTo());
        assertEquals(List.of("root@example.org", "parent@example.org"), m.references());
        assertEquals(Instant.parse("2009-11-17T15:28:37Z"), m.date());
        assertEquals("Hi Bob\n", m.text());
        assertNull(m.html());
        assertEquals("<root@example.org> <parent@example.org>", m.header("references"));
        assertEquals("From", m.headers().get(0).name());
    }

    @Test
    void encodedWordsGluedSplitAndUnderscoredAreDecoded() throws Exception {
        ParsedMail m = parse("""
                From: =?ISO-8859-1?Q?Fran=E7ois_Boulogne?= <f@example.org>
                Subject: Re:=?utf-8?q?_caf=C3=A9?= =?utf-8?b?IGF1?= =?utf-8?b?IGxhaXQ=?=

                x
                """);
        assertEquals("François Boulogne", m.from().name());
        assertEquals("Re: café au lait", m.subject());
    }

    // the first row: "é" is C3 A9, and its two bytes travel in two encoded words
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an encoded word split inside a multi-byte character is joined | =?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?= | café
            bad base64 padding and an unknown charset do not fail | =?utf-8?B?w6l0w6k?= =?x-no-such-charset?Q?caf=C3=A9?= | étécafé
            """)
    void encodedWordsInTheSubjectAreDecoded(String why, String subject, String decoded) throws Exception {
        assertEquals(decoded, parse("Subject: " + subject + "\n\nx\n").subject());
    }

    @Test
    void encodedWordInsideQuotesIsDecoded() throws Exception {
        ParsedMail m = parse("From: \"=?iso-8859-1?q?Fran=E7ois?= Boulogne\" <boulogne.f@gmail.com>\n\nx\n");
        assertEquals("François Boulogne", m.from().name());
        assertEquals("boulogne.f@gmail.com", m.from().address());
    }

    @Test
    void undeclaredEightBitHeadersAreReadAsUtf8OrWindows1252() throws Exception {
        byte[] utf8 = "Subject: Réunion\n\nx\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("Réunion", parseBytes(utf8).subject());
        byte[] latin = latin1("Subject: Forma\u00e7\u00e3o \u0080\n\nx\n");
        assertEquals("Formação €", parseBytes(latin).subject());
    }

    @Test
    void unknownCharsetFallsBackInsteadOfFailing() throws Exception {
        byte[] mail = concat("Content-Type: text/plain; charset=x-unknown-7\nSubject: s\n\n", "Grüße\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("Grüße\n", parseBytes(mail).text());
        byte[] latin = concat("Content-Type: text/plain; charset=bogus\nSubject: s\n\n", latin1("Gr\u00fc\u00dfe\n"));
        assertEquals("Grüße\n", parseBytes(latin).text());
    }

    @Test
    void mislabelledAsciiBodyThatIsUtf8IsReadAsUtf8() throws Exception {
        byte[] mail = concat("Content-Type: text/plain; charset=us-ascii\nSubject: s\n\n", "naïve café\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("naïve café\n", parseBytes(mail).text());
    }

    @Test
    void charsetAliasesAreUnderstood() throws Exception {
        byte[] mail = concat("Content-Type: text/plain; charset=latin1\nSubject: s\n\n", latin1("d\u00e9j\u00e0\n"));
        assertEquals("déjà\n", parseBytes(mail).text());
        byte[] korean = concat("Content-Type: text/plain; charset=ks_c_5601-1987\nSubject: s\n\n", "스티해".getBytes(java.nio.charset.Charset.forName("x-windows-949")));
        assertEquals("스티해", parseBytes(korean).text());
    }

    @Test
    void misspeltTransferEncodingIsReadAsIs() throws Exception {
        ParsedMail m = parse("Content-Type: text/plain\nContent-Transfer-Encoding: 7-bit\nSubject: s\n\nplain text\n");
        assertEquals("plain text\n", m.text());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("7-bit")));
    }

    @Test
    void quotedPrintableAndBase64BodiesAreDecoded() throws Exception {
        ParsedMail qp = parse("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 =\nau lait\n");
        assertEquals("Café au lait\n", qp.text());
        ParsedMail b64 = parse("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nQ2Fmw6k\n");
        assertEquals("Café", b64.text());
    }

    @Test
    void alternativePrefersPlainTextButKeepsHtml() throws Exception {
        ParsedMail m = parse("""
                Subject: alt
                Content-Type: multipart/alternative; boundary=XX

                --XX
                Content-Type: text/plain; charset=utf-8

                plain version
                --XX
                Content-Type: text/html; charset=utf-8

                <p>html <b>version</b></p>
                --XX--
                """);
        assertEquals("plain version", m.text());
        assertEquals("<p>html <b>version</b></p>", m.html());
        assertTrue(m.attachments().isEmpty());
    }

    @Test
    void htmlOnlyMailIsConvertedToReadableText() throws Exception {
        ParsedMail m = parse("""
                Subject: html
                Content-Type: text/html; charset=utf-8

                <html><head><title>T</title><style>p{color:red}</style><script>alert(1)</script></head>
                <body><p>Hello&nbsp;&amp; welcome</p><p>Line one<br>Line two</p>
                <ul><li>first</li><li>second</li></ul><p>See <a href="https://x.example">the site</a></p>
                </body></html>
                """);
        assertEquals("Hello & welcome\n\nLine one\nLine two\n\n- first\n- second\n\nSee the site", m.text());
        assertNotNull(m.html());
        assertFalse(m.text().contains("alert"));
        assertFalse(m.text().contains("color"));
    }

    @Test
    void attachmentsGetRfc2231AndRfc2047NamesAndDecodedContent() throws Exception {
        ParsedMail m = parse(multipart("Subject: files", "mixed",
                textPart("see attached"),
                """
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf
                Content-Transfer-Encoding: base64

                JVBERi0=
                """,
                """
                Content-Type: text/plain; name="=?utf-8?B?w6l0w6kudHh0?="

                summer
                """,
                """
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename*0*=utf-8''long%20;
                 filename*1="name.bin"

                x
                """,
                """
                Content-Type: image/png
                Content-ID: <img1>

                PNG
                """));
        assertEquals("see attached", m.text());
        List<String> names = m.attachments().stream().map(ParsedAttachment::name).toList();
        assertEquals(List.of("résumé.pdf", "été.txt", "long name.bin", "attachment-4.png"), names);
        assertArrayEquals("%PDF-".getBytes(StandardCharsets.US_ASCII), m.attachments().get(0).content());
        assertEquals("application/pdf", m.attachments().get(0).contentType());
        assertEquals("image/png", m.attachments().get(3).contentType());
    }

    @Test
    void nestedMessageIsAnAttachmentNamedAfterItsSubjectAndNotTheBody() throws Exception {
        ParsedMail m = parse(multipart("Subject: fwd", "mixed",
                textPart("forwarding this"),
                """
                Content-Type: message/rfc822

                Subject: =?utf-8?Q?Original_r=C3=A9union?=
                Content-Type: text/plain

                inner body
                """));
        assertEquals("forwarding this", m.text());
        assertEquals(1, m.attachments().size());
        ParsedAttachment a = m.attachments().get(0);
        assertEquals("Original réunion.eml", a.name());
        assertEquals("message/rfc822", a.contentType());
        assertTrue(new String(a.content(), StandardCharsets.UTF_8).contains("inner body"));
    }

    @Test
    void missingFinalBoundaryAndMissingContentTypeAreTolerated() throws Exception {
        ParsedMail m = parse("""
                Subject: broken
                Content-Type: multipart/mixed; boundary="zz"

                --zz

                no header part
                --zz
                Content-Type: text/plain

                second
                """);
        assertTrue(m.text().contains("no header part"));
        assertTrue(m.text().contains("second"));
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("final boundary")));
    }

    @Test
    void similarBoundariesDoNotSplit() throws Exception {
        ParsedMail m = parse("""
                Content-Type: multipart/mixed; boundary="ab"

                --ab
                Content-Type: text/plain

                one
                --abc
                still one
                --ab--
                """);
        assertEquals("one\n--abc\nstill one", m.text());
    }

    @Test
    void garbageIdsAndDatesAreToleratedWithWarnings() throws Exception {
        ParsedMail m = parse("""
                Message-ID: garbage <id-1@example.org> trailing
                In-Reply-To: not an id
                References: <a@x> junk <b@x>
                Date: the day after tomorrow
                From: broken <<no-end@example.org

                x
                """);
        assertEquals("id-1@example.org", m.messageId());
        assertNull(m.inReplyTo());
        assertEquals(List.of("a@x", "b@x"), m.references());
        assertNull(m.date());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("Date")));
        assertEquals("no-end@example.org", m.from().address());
    }

    @Test
    void addressEntriesWithoutAnAddressAreSkipped() throws Exception {
        ParsedMail m = parse("To: undisclosed-recipients:;, Someone, real@example.org\n\nx\n");
        assertEquals(List.of(new MailAddress(null, "real@example.org")), m.to());
    }

    @Test
    void mailWithoutBodyHasEmptyText() throws Exception {
        assertEquals("", parse("Subject: nothing\n").text());
    }

    @Test
    void notAMailIsRejectedWithAReason() {
        assertThrows(UnparseableMailException.class, () -> parser.parse(new byte[0]));
        assertThrows(UnparseableMailException.class, () -> parse("just some text\nwithout any header\n"));
        byte[] binary = new byte[4096];
        new java.util.Random(1).nextBytes(binary);
        UnparseableMailException e = assertThrows(UnparseableMailException.class, () -> parser.parse(binary));
        assertTrue(e.getMessage().contains("not a mail"));
    }

    @Test
    void deepNestingIsCappedNotOverflowing() {
        StringBuilder sb = new StringBuilder("Subject: deep\n");
        int depth = 5000;
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        sb.append("Content-Type: text/plain\n\nbottom\n");
        ParsedMail m = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parse(sb.toString()));
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("nesting")));
    }

    @Test
    void partCountIsCapped() throws Exception {
        StringBuilder sb = new StringBuilder("Subject: many\nContent-Type: multipart/mixed; boundary=p\n\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("--p\nContent-Type: application/octet-stream\n\nx\n");
        }
        sb.append("--p--\n");
        ParsedMail m = parse(sb.toString());
        assertTrue(m.attachments().size() <= MimeStructure.MAX_PARTS);
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("parts")));
    }

    private static byte[] concat(String head, byte[] body) {
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }
}
