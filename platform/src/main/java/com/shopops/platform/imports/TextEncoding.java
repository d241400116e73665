package com.shopops.platform.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text encoding of an exported CSV file, judged from its first bytes. Back offices in China write
 * GBK (read here as GB18030, its superset), Excel writes UTF-8 with a byte-order mark or UTF-16
 * ("Unicode text"), and everything else writes UTF-8. Text that decodes cleanly as UTF-8 is UTF-8;
 * Chinese text in GBK almost never does.
 *
 * @param charset    the encoding
 * @param bomLength  bytes of byte-order mark to skip
 */
record TextEncoding(Charset charset, int bomLength) {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** Judges {@code head}, the first {@code length} bytes of the file; {@code complete} when that is all of it. */
    static TextEncoding detect(byte[] head, int length, boolean complete) {
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        return new TextEncoding(isUtf8(head, length, complete) ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    /** Whether the bytes look like text at all: no NUL bytes and few control characters. */
    static boolean looksLikeText(byte[] head, int length, TextEncoding encoding) {
        if (encoding.charset() == StandardCharsets.UTF_16LE || encoding.charset() == StandardCharsets.UTF_16BE) {
            return true;
        }
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control <= length / 100;
    }

    private static boolean isUtf8(byte[] head, int length, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head, 0, length);
        try {
            CoderResult result = decoder.decode(in, java.nio.CharBuffer.allocate(length + 1), complete);
            if (result.isError()) {
                result.throwException();
            }
            // A multi-byte character cut by the end of the sample is not a fault of the file.
            return complete ? in.remaining() == 0 : in.remaining() < 4;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A short name for messages: UTF-8, UTF-8 (BOM), GBK, UTF-16. */
    String describe() {
        if (charset == GB18030) {
            return "GBK/GB18030";
        }
        return charset.name() + (bomLength > 0 && charset == StandardCharsets.UTF_8 ? " with BOM" : "");
    }
}
