package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What a reader's plain text becomes on the blog: escaped, in paragraphs, with its http(s) URLs as links. */
class CommentRenderingTest {

    @Test
    void everyMarkupCharacterIsEscapedBeforeAnythingElse() {
        String markup = CommentRendering.markup(CommentRendering.text("a & b < c > d \" e ' f"), false);
        assertEquals("<p>a &amp; b &lt; c &gt; d &quot; e &#39; f</p>", markup);
        // after the sanitizer the same text, in its own spelling of the entities
        Document html = Jsoup.parseBodyFragment(CommentRendering.html("a & b < c > d \" e ' f"));
        assertEquals("a & b < c > d \" e ' f", html.body().text());
        assertEquals(1, html.body().select("p").size());
    }

    @Test
    void aQuoteAttributionLeftInTheTextIsNotPublishedNorAnyAddress() {
        String text = CommentRendering.text("Merci pour l'article, écrivez-moi : ana@example.org\n\n"
                + "Le mar. 3 mars 2026 à 10:12, Bob Martin <bob@example.org> a écrit :\n> Le billet");
        assertTrue(text.startsWith("Merci pour l'article"), text);
        assertFalse(text.contains("a écrit") || text.contains("@"), text);
    }

    @Test
    void blankLinesMakeParagraphsAndLineEndsBreaks() {
        assertEquals("<p>one<br>two</p><p>three</p>",
                CommentRendering.markup(CommentRendering.text("one\r\ntwo\r\n\r\n  \n\nthree\n\n"), false));
        Document html = Jsoup.parseBodyFragment(CommentRendering.html("one\ntwo\n\nthree"));
        assertEquals(List.of("one two", "three"), html.body().select("p").eachText());
        assertEquals(1, html.body().select("p br").size());
        assertEquals("", CommentRendering.html(""));
        assertEquals("", CommentRendering.html(null));
        assertEquals("", CommentRendering.html("\n \n\t\n"));
    }

    @Test
    void bareHttpAndHttpsUrlsBecomeLinksForNobodysRanking() {
        Document html = Jsoup.parseBodyFragment(CommentRendering.html(
                "Voir https://example.org/a?b=1&c=2#x et HTTP://Example.ORG/Path, merci."));
        List<Element> links = html.select("a");
        assertEquals(2, links.size());
        assertEquals("https://example.org/a?b=1&c=2#x", links.get(0).attr("href"));
        assertEquals("https://example.org/a?b=1&c=2#x", links.get(0).text());
        assertEquals("HTTP://Example.ORG/Path", links.get(1).attr("href"), "the comma stays outside");
        for (Element a : links) {
            assertEquals(List.of("nofollow", "ugc", "noopener"), List.of(a.attr("rel").split(" ")));
        }
        assertTrue(html.body().text().endsWith("HTTP://Example.ORG/Path, merci."));
    }

    @Test
    void sentencePunctuationAfterAUrlIsNotPartOfIt() {
        for (String end : new String[] {".", ",", ";", ":", "!", "?", ")", "...", "?!", ")."}) {
            Document html = Jsoup.parseBodyFragment(CommentRendering.html("(see http://example.org/page" + end + " ok"));
            assertEquals("http://example.org/page", html.selectFirst("a").attr("href"), end);
        }
        // a parenthesis the URL opened is its own
        Document wiki = Jsoup.parseBodyFragment(CommentRendering.html(
                "(https://en.wikipedia.org/wiki/Foo_(bar))."));
        assertEquals("https://en.wikipedia.org/wiki/Foo_(bar)", wiki.selectFirst("a").text());
        assertEquals("(https://en.wikipedia.org/wiki/Foo_(bar)).", wiki.body().text());
    }

    @Test
    void onlyHttpAndHttpsAreEverLinked() {
        for (String text : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>",
                "vbscript:msgbox(1)", "ftp://example.org/", "mailto:x", "file:///etc/passwd", "xhttp://glued.example",
                "http://", "https://", "http://.", "http:// spaced.example", "//example.org/protocol-relative"}) {
            Document html = Jsoup.parseBodyFragment(CommentRendering.html(text));
            assertTrue(html.select("a").isEmpty(), text + " → " + html.body().html());
        }
        // a URL ends where a quote or an angle bracket begins: nothing of what follows gets into the attribute
        Document html = Jsoup.parseBodyFragment(CommentRendering.html(
                "https://example.org/\"onmouseover=\"alert(1) https://example.org/<script>alert(1)</script>"));
        assertEquals(List.of("https://example.org/", "https://example.org/"), html.select("a").eachAttr("href"));
        assertTrue(html.select("script").isEmpty());
        for (Element a : html.select("a")) {
            assertEquals(List.of("href", "rel"), a.attributes().asList().stream().map(x -> x.getKey()).toList());
        }
    }

    @Test
    void aVeryLongUrlStaysText() {
        String longUrl = "https://example.org/" + "a".repeat(CommentRendering.MAX_URL);
        Document html = Jsoup.parseBodyFragment(CommentRendering.html("x " + longUrl + " y https://ok.example/"));
        assertEquals(List.of("https://ok.example/"), html.select("a").eachAttr("href"));
        assertTrue(html.body().text().contains(longUrl));
    }

    @Test
    void noEmailAddressIsPublished() {
        String text = "Écrivez-moi à alice.martin@example.org, ou <bob@example.net>.\n"
                + "Le 3 mars, Carol <carol@example.com> a écrit :\nmailto:dave@example.org https://x.example/@eve";
        for (String out : List.of(CommentRendering.text(text), CommentRendering.html(text),
                CommentRendering.htmlForFrame(text))) {
            assertFalse(out.contains("@"), out);
            assertFalse(out.contains("&#64;") || out.contains("&#x40;"), out);
            assertFalse(out.contains("example.org,") && out.contains("alice"), out);
            assertFalse(out.contains("carol") || out.contains("dave") || out.contains("bob@"), out);
        }
        assertTrue(CommentRendering.text(text).startsWith("Écrivez-moi à […], ou <[…]>."));
    }

    @Test
    void charactersNoFeedCanCarryAreDropped() {
        assertEquals("ab\tc\nd😀e", CommentRendering.text("a\u0000b\tc\r\nd\uD83D\uDE00\u0007\uDC00\uFFFEe"));
    }

    @Test
    void theFrameVersionOpensLinksOutsideTheFrame() {
        Element a = Jsoup.parseBodyFragment(CommentRendering.htmlForFrame("see https://example.org/")).selectFirst("a");
        assertEquals("_blank", a.attr("target"));
        assertTrue(List.of(a.attr("rel").split(" ")).containsAll(List.of("nofollow", "ugc", "noopener")));
        assertTrue(Jsoup.parseBodyFragment(CommentRendering.html("see https://example.org/")).selectFirst("a")
                .attr("target").isEmpty());
    }

    @Test
    void aMegabyteOfUrlLikeTextEndsQuickly() {
        // hang guard only (no timing goal): a pattern that tried every start again would take minutes here
        List<String> hostile = List.of("http://" + "a".repeat(1_000_000), "https://x.org/" + "(".repeat(500_000)
                + ")".repeat(500_000), "http://http://".repeat(80_000), ("https://a." + ".".repeat(50)).repeat(15_000),
                "h".repeat(1_000_000), "http:/".repeat(170_000), ("x@" + "y.".repeat(50)).repeat(10_000));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String text : hostile) {
                String out = CommentRendering.html(text);
                assertFalse(out.isEmpty());
            }
        });
    }
}
