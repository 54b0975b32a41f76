package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusRobustnessTest {

    @Test
    void everyCorpusMailParsesOrIsRejectedQuicklyAndNeverCrashes() {
        List<Path> mails = Corpora.allMails();
        int parsed = 0;
        int rejected = 0;
        List<String> crashed = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        MimeParser parser = Corpora.parsers.get();
        MailClassifier classifier = new MailClassifier("coloc@example.org");
        for (Path p : mails) {
            long t0 = System.nanoTime();
            try {
                ParsedMail m = parser.parse(Corpora.bytes(p));
                classifier.classify(m);
                assertTrue(m.text() != null, "text never null");
                parsed++;
            } catch (UnparseableMailException e) {
                rejected++;
                System.out.println("rejected " + p + ": " + e.getMessage());
            } catch (Throwable t) {
                crashed.add(p + ": " + t);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > 3000) {
                slow.add(p + " " + ms + " ms");
            }
        }
        System.out.printf("parse: %d parsed, %d rejected, %d crashed (of %d mails)%n", parsed, rejected,
                crashed.size(), mails.size());
        crashed.forEach(c -> System.out.println("CRASH " + c));
        assertTrue(mails.size() > 700, "corpus should hold ~733 mail files (the rest are reply bodies), found " + mails.size());
        assertEquals(List.of(), crashed);
        assertEquals(List.of(), slow);
        assertTrue(rejected <= 2, "almost every corpus file is a mail; rejected " + rejected);
    }
}
