package pl.krakow.agora.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jspecify.annotations.Nullable;

/**
 * What a file is, told by its own first bytes rather than by its name or the type the browser
 * declared (a renamed file is refused by the modules that take uploads). Knows the images, PDF and
 * the OpenDocument and Office Open XML text documents people attach to civic papers.
 */
public final class FileTypes {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";
    public static final String PDF = "application/pdf";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** The usual file name extensions of each type. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(JPEG, List.of("jpg", "jpeg"),
            PNG, List.of("png"), WEBP, List.of("webp"), PDF, List.of("pdf"),
            ODT, List.of("odt"), DOCX, List.of("docx"));

    private FileTypes() {
    }

    /** The type of the content, or null when it is none of the known types. */
    public static @Nullable String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return PNG;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return WEBP;
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return PDF;
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return zipped(b);
        }
        return null;
    }

    /** Whether the file name ends in an extension of the type (so that what people download is what it says). */
    public static boolean nameFits(String fileName, String type) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.getOrDefault(type, List.of()).contains(extension);
    }

    /**
     * An OpenDocument file starts with an uncompressed "mimetype" entry naming its type; a Word
     * document has a word/document.xml part. Other archives are unknown.
     */
    private static @Nullable String zipped(byte[] b) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null) {
                return null;
            }
            if (first.getName().equals("mimetype")) {
                String type = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
                return type.equals(ODT) ? ODT : null;
            }
            for (ZipEntry e = first; e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return DOCX;
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
