package io.j2o.sandbox.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * The bytes of a generated attachment, the same for the same id every time and produced as they are written: a
 * site's attachments add up to more than a test should hold in memory, and a 6 MiB file must not be one array.
 * Text types get readable lines, everything else pseudo-random bytes.
 */
public final class AttachmentBytes {

    private static final int CHUNK = 16 * 1024;

    private AttachmentBytes() {
    }

    /** Writes exactly {@code size} bytes of attachment {@code id} to {@code out}, chunk by chunk. */
    public static void write(String id, long size, String mimeType, OutputStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(id.hashCode() * 0x9E3779B97F4A7C15L);
        boolean text = mimeType != null && mimeType.startsWith("text/");
        byte[] chunk = new byte[CHUNK];
        long line = 0;
        for (long left = size; left > 0; ) {
            int n = (int) Math.min(CHUNK, left);
            if (text) {
                for (int i = 0; i < n; i++) {
                    // Lines of 64 characters: 63 letters, then a newline.
                    chunk[i] = (line++ % 64 == 63) ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
                }
            } else {
                for (int i = 0; i < n; i++) {
                    chunk[i] = (byte) random.nextInt(256);
                }
            }
            out.write(chunk, 0, n);
            left -= n;
        }
    }
}
