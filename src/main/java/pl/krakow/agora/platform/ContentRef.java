package pl.krakow.agora.platform;

import java.util.regex.Pattern;

/**
 * A reference to a piece of content any module owns (a comment, a project, a motion, a panel
 * draft): the owning module, the kind of content and its id there. Modules refer to each other's
 * content by this value only, never by a JPA association (style.md).
 */
public record ContentRef(String module, String type, String id) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public ContentRef {
        if (module == null || !NAME.matcher(module).matches()) {
            throw new IllegalArgumentException("module must be a short lower-case name: " + module);
        }
        if (type == null || !NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("type must be a short lower-case name: " + type);
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1-64 characters of [A-Za-z0-9._:-]: " + id);
        }
    }

    @Override
    public String toString() {
        return module + "/" + type + "/" + id;
    }
}
