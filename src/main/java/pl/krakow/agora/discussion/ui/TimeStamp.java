package pl.krakow.agora.discussion.ui;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

import pl.krakow.agora.platform.i18n.Formats;

/** A {@code <time>} element: the reader's local format as text, the exact instant for machines. */
@Tag("time")
class TimeStamp extends Component {

    TimeStamp(Instant instant, Locale locale) {
        getElement().setAttribute("datetime", instant.truncatedTo(ChronoUnit.SECONDS).toString());
        getElement().setText(Formats.dateTime(instant, locale));
    }
}
