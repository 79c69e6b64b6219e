package pl.krakow.agora.platform;

import java.util.List;

/**
 * A domain error that a user can be told about. It carries an i18n key and its arguments, never a
 * ready-made text: the UI translates it into the reader's language (style rule 12).
 */
public class AgoraException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public AgoraException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
