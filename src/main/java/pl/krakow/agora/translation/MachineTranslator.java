package pl.krakow.agora.translation;

import java.util.Optional;

/**
 * A machine translation service that may offer a draft to a human translator (issue 8, item 8).
 * A draft is only ever a starting point in the translator's editor: nothing a machine writes is
 * shown to readers until a person has submitted it and, with four-eyes review, a second person has
 * approved it. The default does nothing; a real service is plugged in by declaring a bean.
 */
public interface MachineTranslator {

    Optional<String> draft(String text, String sourceLanguage, String targetLanguage);

    /** The default: no machine translation. */
    MachineTranslator NONE = (text, from, to) -> Optional.empty();
}
