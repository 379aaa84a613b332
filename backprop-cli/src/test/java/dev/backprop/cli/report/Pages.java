package dev.backprop.cli.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Parses report pages as XML (they are XHTML-compatible) and queries them without namespaces. */
final class Pages {

    private Pages() {
    }

    /** Parses {@code page}; fails the test with the parser's message if it is not well-formed. */
    static Document parse(String page) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("report is not well-formed: " + e.getMessage(), e);
        }
    }

    /** The elements matching an XPath expression. */
    static List<Element> select(Document page, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(xpath, page, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** The one element matching an XPath expression. */
    static Element one(Document page, String xpath) {
        List<Element> elements = select(page, xpath);
        if (elements.size() != 1) {
            throw new AssertionError(elements.size() + " elements match " + xpath);
        }
        return elements.get(0);
    }

    /** The number of x,y pairs in an SVG {@code points} attribute. */
    static int vertexCount(Element polyline) {
        String points = polyline.getAttribute("points").strip();
        return points.isEmpty() ? 0 : points.split("\\s+").length;
    }
}
