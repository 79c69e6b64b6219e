package pl.krakow.agora.translation.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits UTF-8 input into lines at {@code \n} only, dropping one {@code \r} before it (CRLF input) and a byte order
 * mark at the start. Unlike {@link java.io.BufferedReader#readLine()} a lone {@code \r} inside a text does not split
 * it, so the command writes exactly one answer per input line. Malformed UTF-8 becomes U+FFFD.
 */
final class LineReader {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;
    private boolean first = true;
    private byte[] line = new byte[256];
    private int lineLength;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Whether a line can be read without blocking (or the input has ended). */
    boolean ready() {
        if (position < limit || eof) {
            return true;
        }
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Up to {@code max} lines: waits for the first one, then takes more only while they can be read without
     * blocking. Empty at the end of the input.
     */
    List<String> readBatch(int max) {
        var lines = new ArrayList<String>();
        while (lines.size() < max && (lines.isEmpty() || (ready() && !eof))) {
            String next = readLine();
            if (next == null) {
                break;
            }
            lines.add(next);
        }
        return lines;
    }

    /** The next line without its terminator, or {@code null} at the end of the input. */
    String readLine() {
        lineLength = 0;
        while (true) {
            if (position == limit && !fill()) {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--; // a last line without \n, but with the \r of CRLF
                    return text();
                }
                return lineLength == 0 ? null : text();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++; // the \n
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return text();
            }
        }
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                eof = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(int from, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(buffer, from, line, lineLength, length);
        lineLength += length;
    }

    private String text() {
        int offset = 0;
        if (first) {
            first = false;
            if (lineLength >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                offset = 3;
            }
        }
        return new String(line, offset, lineLength - offset, StandardCharsets.UTF_8);
    }
}
