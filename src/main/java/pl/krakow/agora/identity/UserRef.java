package pl.krakow.agora.identity;

/** A user as other modules see one: an id to store and a name to show, nothing more. */
public record UserRef(long id, String username, String displayName) {

    public UserRef {
        if (id <= 0) {
            throw new IllegalArgumentException("user id must be positive");
        }
    }
}
