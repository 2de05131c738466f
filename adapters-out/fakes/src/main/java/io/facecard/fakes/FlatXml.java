package io.facecard.fakes;

import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** WeChat Pay v2's flat XML, as the fake reads and writes it (no DTDs, no external entities). */
final class FlatXml {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private FlatXml() {}

    static String write(Map<String, String> fields) {
        StringBuilder x = new StringBuilder("<xml>");
        fields.forEach((k, v) -> x.append('<').append(k).append("><![CDATA[").append(v).append("]]></").append(k).append('>'));
        return x.append("</xml>").toString();
    }

    static Map<String, String> read(String xml) {
        Map<String, String> out = new TreeMap<>();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            String name = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT && ++depth == 2) {
                    name = r.getLocalName();
                    text.setLength(0);
                } else if ((e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) && depth == 2) {
                    text.append(r.getText());
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    if (depth-- == 2 && name != null) {
                        out.put(name, text.toString());
                    }
                }
            }
            return out;
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not flat XML", e);
        }
    }
}
