package pl.krakow.agora.forum.ui;

import java.io.ByteArrayInputStream;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import pl.krakow.agora.forum.Attachment;
import pl.krakow.agora.forum.ForumAttachments;
import pl.krakow.agora.platform.FileTypes;

/** The papers of an agenda item as download links: name, kind and size; the service decides who may have them. */
final class AttachmentLinks {

    private AttachmentLinks() {
    }

    /** One list item per paper; {@code extra} adds controls after a link (the chair's remove button). */
    static UnorderedList of(Component owner, Locale locale, List<Attachment> papers, ForumAttachments attachments,
            java.util.function.BiConsumer<ListItem, Attachment> extra) {
        UnorderedList list = new UnorderedList();
        list.addClassName("forum-attachments");
        list.getElement().setAttribute("aria-label", owner.getTranslation("forum.attachments.label"));
        for (Attachment a : papers) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(e -> {
                ForumAttachments.File file = attachments.file(a.id());
                return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(), file.mediaType(),
                        file.content().length);
            }), a.fileName());
            link.setId("forum-attachment-" + a.id());
            ListItem li = new ListItem(link, new com.vaadin.flow.component.html.Span(" " + owner.getTranslation(
                    "forum.attachments.meta", owner.getTranslation("forum.attachments.kind." + kind(a.mediaType())),
                    size(owner, a.sizeBytes(), locale))));
            li.getElement().setAttribute("title", "SHA-256 " + a.sha256());
            extra.accept(li, a);
            list.add(li);
        }
        return list;
    }

    static String kind(String mediaType) {
        return switch (mediaType) {
            case FileTypes.PDF -> "pdf";
            case FileTypes.ODT -> "odt";
            case FileTypes.DOCX -> "docx";
            default -> "image";
        };
    }

    /** The size in kB or MB with one decimal, in the reader's number format and units. */
    static String size(Component owner, int bytes, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return bytes < 1024 * 1024 ? owner.getTranslation("forum.attachments.kb", format.format(Math.max(1, bytes / 1024.0)))
                : owner.getTranslation("forum.attachments.mb", format.format(bytes / (1024.0 * 1024)));
    }
}
