package pl.krakow.agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** Files are told by their own first bytes, not by the name or the browser's word. */
class FileTypesTest {

    @Test
    void imagesAndPdfAreToldByTheirSignatures() {
        assertThat(FileTypes.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo(FileTypes.JPEG);
        assertThat(FileTypes.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).isEqualTo(FileTypes.PNG);
        assertThat(FileTypes.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(FileTypes.WEBP);
        assertThat(FileTypes.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileTypes.PDF);
        assertThat(FileTypes.sniff("%PD".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(FileTypes.sniff("MZ executable".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(FileTypes.sniff(new byte[0])).isNull();
    }

    @Test
    void anOpenDocumentNamesItsTypeInItsFirstStoredEntryAndAWordDocumentHasItsDocumentPart() throws IOException {
        assertThat(FileTypes.sniff(zip("mimetype", "application/vnd.oasis.opendocument.text", true)))
                .isEqualTo(FileTypes.ODT);
        assertThat(FileTypes.sniff(zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet", true)))
                .as("a spreadsheet is not a text document").isNull();
        assertThat(FileTypes.sniff(zip("word/document.xml", "<w:document/>", false))).isEqualTo(FileTypes.DOCX);
        assertThat(FileTypes.sniff(zip("payload.exe", "MZ", false))).as("any other archive").isNull();
        byte[] truncated = zip("word/document.xml", "<w:document/>", false);
        assertThat(FileTypes.sniff(java.util.Arrays.copyOf(truncated, 12))).isNull();
    }

    @Test
    void theNameMustEndAsTheContentIs() {
        assertThat(FileTypes.nameFits("Uchwała nr 3.PDF", FileTypes.PDF)).isTrue();
        assertThat(FileTypes.nameFits("zdjęcie.jpeg", FileTypes.JPEG)).isTrue();
        assertThat(FileTypes.nameFits("zdjęcie.jpg", FileTypes.JPEG)).isTrue();
        assertThat(FileTypes.nameFits("program.pdf.exe", FileTypes.PDF)).isFalse();
        assertThat(FileTypes.nameFits("bez rozszerzenia", FileTypes.PDF)).isFalse();
        assertThat(FileTypes.nameFits("obraz.png", FileTypes.PDF)).isFalse();
    }

    private static byte[] zip(String name, String content, boolean stored) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry(name);
            if (stored) {
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
