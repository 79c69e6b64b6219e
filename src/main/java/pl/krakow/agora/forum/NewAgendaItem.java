package pl.krakow.agora.forum;

import pl.krakow.agora.platform.AgoraException;

/** What an administrator, the chair or (as a proposal) a member enters for an agenda item. */
public record NewAgendaItem(String title, String description, String rapporteur, String draftText) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_TEXT = 20_000;

    public NewAgendaItem {
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description.strip();
        rapporteur = rapporteur == null ? "" : rapporteur.strip();
        draftText = draftText == null ? "" : draftText.strip();
        if (title.isEmpty()) {
            throw new AgoraException("forum.error.title-required");
        }
        if (title.length() > MAX_TITLE || rapporteur.length() > 255) {
            throw new AgoraException("forum.error.too-long", MAX_TITLE);
        }
        if (description.length() > MAX_TEXT || draftText.length() > MAX_TEXT) {
            throw new AgoraException("forum.error.too-long", MAX_TEXT);
        }
    }
}
