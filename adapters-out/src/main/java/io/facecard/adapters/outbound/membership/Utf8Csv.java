package io.facecard.adapters.outbound.membership;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A CSV stream as UTF-8 text: a spreadsheet's byte-order mark is dropped, bytes that are not UTF-8 are an error. */
final class Utf8Csv {
    private Utf8Csv() {}

    static Reader reader(InputStream raw) {
        try {
            PushbackInputStream in = new PushbackInputStream(raw, 3);
            byte[] head = in.readNBytes(3);
            boolean bom = head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
            if (!bom) {
                in.unread(head);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
