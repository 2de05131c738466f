package io.facecard.adapters.outbound.payment.wechat;

import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** WeChat's flat XML (Pay v2, official-account event pushes): {@code <xml><k><![CDATA[v]]></k>…</xml>}. Read with no DTDs and no external entities. */
public final class V2Xml {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private V2Xml() {}

    static String write(Map<String, String> fields) {
        StringBuilder x = new StringBuilder("<xml>");
        fields.forEach((k, v) -> x.append('<').append(k).append("><![CDATA[").append(v.replace("]]>", "]]]]><![CDATA[>"))
                .append("]]></").append(k).append('>'));
        return x.append("</xml>").toString();
    }

    public static Map<String, String> read(String xml) {
        Map<String, String> out = new TreeMap<>();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            String name = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        name = r.getLocalName();
                        text.setLength(0);
                    }
                } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                    if (depth == 2) {
                        text.append(r.getText());
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && name != null) {
                        out.put(name, text.toString());
                    }
                    depth--;
                }
            }
            return out;
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not WeChat Pay v2 XML", e);
        }
    }
}
