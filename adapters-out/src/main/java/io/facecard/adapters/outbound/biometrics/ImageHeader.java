package io.facecard.adapters.outbound.biometrics;

import io.facecard.application.biometrics.port.FaceAnalysis.UnreadableImage;
import java.nio.charset.StandardCharsets;

/**
 * Reads an image's declared size from its header before anything is decoded, so a small file
 * that claims 30000×30000 pixels (a decompression bomb) is refused in microseconds.
 */
record ImageHeader(String format, int width, int height) {
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_SIDE = 12_000;

    static ImageHeader read(byte[] b) {
        if (b == null || b.length < 24) {
            throw new UnreadableImage("NOT_AN_IMAGE", "the image is empty or too short to be one");
        }
        ImageHeader h;
        if ((b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            h = new ImageHeader("png", int32(b, 16), int32(b, 20));
        } else if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            h = jpeg(b);
        } else if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            h = webp(b);
        } else {
            throw new UnreadableImage("NOT_AN_IMAGE", "the image is neither a JPEG, a PNG nor a WebP");
        }
        if (h.width <= 0 || h.height <= 0) {
            throw new UnreadableImage("CORRUPT_IMAGE", "the image header declares no size");
        }
        if (h.width > MAX_SIDE || h.height > MAX_SIDE || (long) h.width * h.height > MAX_PIXELS) {
            throw new UnreadableImage("IMAGE_TOO_LARGE", "the image declares " + h.width + "×" + h.height
                    + " pixels; at most " + MAX_SIDE + " per side and " + MAX_PIXELS / 1_000_000 + " megapixels are accepted");
        }
        if (!complete(b, h.format)) {
            throw new UnreadableImage("CORRUPT_IMAGE", "the " + h.format.toUpperCase() + " is truncated (no end marker)");
        }
        return h;
    }

    /** A decoder fills a truncated image with grey rather than failing: the end marker says it is whole. */
    private static boolean complete(byte[] b, String format) {
        if (format.equals("webp")) {
            return 8L + int32le(b, 4) <= b.length; // the RIFF header says how long the file is
        }
        int from = Math.max(0, b.length - 1024);
        if (format.equals("png")) {
            for (int i = b.length - 8; i >= from; i--) {
                if (b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D') {
                    return true;
                }
            }
            return false;
        }
        for (int i = b.length - 2; i >= from; i--) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF) {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                return new ImageHeader("jpeg", width, height);
            }
            if (length < 2) {
                break;
            }
            i += 2 + length;
        }
        throw new UnreadableImage("CORRUPT_IMAGE", "the JPEG has no frame header (corrupt or truncated)");
    }

    /**
     * A WebP's size from its first chunk: VP8X (extended: 24-bit canvas size minus one), VP8L
     * (lossless: 14-bit width and height minus one after a signature byte) or VP8 (lossy: 14-bit
     * sizes after the key frame's start code).
     */
    private static ImageHeader webp(byte[] b) {
        if (b.length < 30) {
            throw new UnreadableImage("CORRUPT_IMAGE", "the WebP is truncated before its size");
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8X":
                return new ImageHeader("webp", 1 + int24le(b, 24), 1 + int24le(b, 27));
            case "VP8L":
                if ((b[20] & 0xFF) != 0x2F) {
                    break;
                }
                long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
                return new ImageHeader("webp", 1 + (int) (bits & 0x3FFF), 1 + (int) ((bits >> 14) & 0x3FFF));
            case "VP8 ":
                if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                    break;
                }
                return new ImageHeader("webp", (b[26] & 0xFF | (b[27] & 0xFF) << 8) & 0x3FFF, (b[28] & 0xFF | (b[29] & 0xFF) << 8) & 0x3FFF);
            default:
                break;
        }
        throw new UnreadableImage("CORRUPT_IMAGE", "the WebP has no readable frame header");
    }

    private static int int24le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    private static long int32le(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static int int32(byte[] b, int at) {
        long v = ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }
}
