package org.coloc.platform;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an Atom 1.0 feed (RFC 4287) with StAX, for the public feeds (maintenances, comments): the document and
 * its {@code <feed>} around what the caller writes, and the few element shapes feeds are made of. The text is
 * written as given: a caller cleans what it must first. Pure code.
 */
public final class AtomWriter {

    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** What goes inside an element: the feed's head and entries, or an entry's own elements. */
    @FunctionalInterface
    public interface Content {
        void write(AtomWriter atom) throws XMLStreamException;
    }

    private final XMLStreamWriter x;

    private AtomWriter(XMLStreamWriter x) {
        this.x = x;
    }

    /**
     * A whole feed in UTF-8: {@code <feed xmlns="http://www.w3.org/2005/Atom">} with {@code xml:lang} when a
     * language is given, around what {@code content} writes.
     */
    public static byte[] feed(String language, Content content) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(NAMESPACE);
            if (language != null) {
                x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", language);
            }
            content.write(new AtomWriter(x));
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code <entry>} around what {@code content} writes. */
    public void entry(Content content) throws XMLStreamException {
        x.writeStartElement("entry");
        content.write(this);
        x.writeEndElement();
    }

    /** {@code <name>text</name>}. */
    public void element(String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    /** {@code <author><name>name</name></author>}. */
    public void author(String name) throws XMLStreamException {
        x.writeStartElement("author");
        element("name", name);
        x.writeEndElement();
    }

    /** {@code <link rel type href/>}. */
    public void link(String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    /** {@code <content type>text</content>}: {@code type} "text", or "html" for escaped HTML. */
    public void content(String type, String text) throws XMLStreamException {
        x.writeStartElement("content");
        x.writeAttribute("type", type);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    /** An Atom date (RFC 3339, in UTC). */
    public static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
