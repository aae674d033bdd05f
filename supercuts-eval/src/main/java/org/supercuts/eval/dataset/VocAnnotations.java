package org.supercuts.eval.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.supercuts.image.BoundingBox;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the object boxes of a PASCAL VOC annotation file ({@code <object><bndbox><xmin>…}). VOC coordinates are 1-based
 * and inclusive, so {@code xmin..xmax} becomes the half-open pixel box {@code [xmin − 1, xmax)}. All objects are kept,
 * including those flagged {@code difficult} or {@code truncated} (as in the CorLoc protocol of LOST and TokenCut).
 *
 * <p>Thread safety: stateless static methods (a new parser per call).
 */
public final class VocAnnotations {
    private VocAnnotations() {
    }

    /**
     * @throws DatasetException naming the file when it is not well-formed or a box is missing or empty
     */
    public static List<BoundingBox> readBoxes(Path xml) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // Annotation files need no DTDs or external entities; refusing them keeps parsing local and safe.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(xml.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new DatasetException("annotation " + xml + " could not be parsed: " + e.getMessage(), e);
        }
        List<BoundingBox> boxes = new ArrayList<>();
        NodeList objects = doc.getElementsByTagName("object");
        for (int i = 0; i < objects.getLength(); i++) {
            Element obj = (Element) objects.item(i);
            NodeList bnd = obj.getElementsByTagName("bndbox");
            if (bnd.getLength() == 0) {
                throw new DatasetException("annotation " + xml + ": object " + i + " has no bndbox");
            }
            Element bb = (Element) bnd.item(0);
            int xmin = coordinate(bb, "xmin", xml, i);
            int ymin = coordinate(bb, "ymin", xml, i);
            int xmax = coordinate(bb, "xmax", xml, i);
            int ymax = coordinate(bb, "ymax", xml, i);
            if (xmax < xmin || ymax < ymin) {
                throw new DatasetException("annotation " + xml + ": object " + i + " has an empty box [" + xmin + "," + ymin + ","
                        + xmax + "," + ymax + "]");
            }
            boxes.add(new BoundingBox(xmin - 1, ymin - 1, xmax, ymax));
        }
        if (boxes.isEmpty()) {
            throw new DatasetException("annotation " + xml + " has no object");
        }
        return boxes;
    }

    private static int coordinate(Element box, String tag, Path xml, int object) {
        NodeList n = box.getElementsByTagName(tag);
        if (n.getLength() == 0) {
            throw new DatasetException("annotation " + xml + ": object " + object + " has no " + tag);
        }
        String text = n.item(0).getTextContent().trim();
        try {
            // VOC 2012 has a few fractional coordinates; round them.
            return (int) Math.round(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new DatasetException("annotation " + xml + ": object " + object + " " + tag + " is '" + text + "', not a number");
        }
    }
}
