package pl.krakow.agora.discussion;

import pl.krakow.agora.platform.ContentRef;

/**
 * The thing a discussion is about (a recommendation, a budget project, a forum motion, a panel
 * draft): its owning module, its kind and its id there, with the same rules as {@link ContentRef}.
 * Example: {@code new CommentableRef("recommendation", "item", "7.1.6")}.
 */
public record CommentableRef(String module, String type, String id) {

    public CommentableRef {
        new ContentRef(module, type, id); // the same validation, one place
    }

    public static CommentableRef of(ContentRef content) {
        return new CommentableRef(content.module(), content.type(), content.id());
    }

    public ContentRef toContentRef() {
        return new ContentRef(module, type, id);
    }

    @Override
    public String toString() {
        return module + "/" + type + "/" + id;
    }
}
