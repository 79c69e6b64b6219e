package pl.krakow.agora.translation;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;

/**
 * Shows a text in the reader's language where a translation exists, says who translated it, and
 * lets the reader switch to the original and back (issue 8, item 7); where no translation exists
 * yet, shows the original with a "translation pending" note. The shown text carries its own
 * {@code lang} attribute so that screen readers pronounce it in the right language.
 * <p>
 * Plain text only: paragraphs are split on blank lines, lines starting with "• " or "– " become
 * list items, and nothing of the text is ever interpreted as HTML.
 */
public class TranslatedText extends Div {

    private static final Pattern FOOTNOTE = Pattern.compile("\\[\\^(\\d{1,3})]");

    private final LocalizedText text;
    private final @Nullable IntFunction<String> footnoteHref;
    private final @Nullable Function<String, Component> renderer;
    private final Div body = new Div();
    private boolean showingOriginal;

    /**
     * @param footnoteHref where a footnote marker {@code [^n]} links to; null shows the markers as plain superscripts
     */
    public TranslatedText(LocalizedText text, @Nullable IntFunction<String> footnoteHref) {
        this(text, footnoteHref, null);
    }

    /** With a renderer of its own for the shown text (e.g. comments, which link their URLs). */
    public static TranslatedText rendered(LocalizedText text, Function<String, Component> renderer) {
        return new TranslatedText(text, null, renderer);
    }

    private TranslatedText(LocalizedText text, @Nullable IntFunction<String> footnoteHref,
            @Nullable Function<String, Component> renderer) {
        this.text = text;
        this.footnoteHref = footnoteHref;
        this.renderer = renderer;
        addClassName("agora-translated");
        body.addClassName("agora-translated-body");
        add(body);
        if (text.isTranslation()) {
            Span note = new Span(getTranslation(text.reviewed()
                    ? "translation.shown.reviewed"
                    : text.translatedBy() == TranslatorKind.PROJECT_TEAM ? "translation.shown.team-pending-review"
                            : "translation.shown.volunteer-pending-review",
                    languageName(text.originalLanguage())));
            note.addClassName("agora-translation-note");
            Button toggle = new Button(getTranslation("translation.shown.show-original"));
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            toggle.addClassName("agora-original-toggle");
            toggle.getElement().setAttribute("aria-pressed", "false");
            toggle.addClickListener(e -> {
                showingOriginal = !showingOriginal;
                toggle.setText(getTranslation(showingOriginal ? "translation.shown.show-translation"
                        : "translation.shown.show-original"));
                toggle.getElement().setAttribute("aria-pressed", String.valueOf(showingOriginal));
                render();
            });
            Div meta = new Div(note, toggle);
            meta.addClassName("agora-translation-meta");
            add(meta);
        } else if (text.translationPending()) {
            Span pending = new Span(getTranslation("translation.shown.pending", languageName(text.originalLanguage())));
            pending.getElement().setAttribute("lang", getLocale() == null ? "pl" : getLocale().getLanguage());
            pending.addClassName("agora-translation-note");
            add(pending);
        }
        render();
    }

    public TranslatedText(LocalizedText text) {
        this(text, null, null);
    }

    /** The shown string, for tests and for callers that need it as plain text. */
    public String shownText() {
        return showingOriginal ? text.original() : text.text();
    }

    private void render() {
        body.removeAll();
        String shown = shownText();
        String language = showingOriginal ? text.originalLanguage() : text.language();
        if (language.isEmpty()) {
            body.getElement().removeAttribute("lang"); // not known yet: the page's language is no better a guess
        } else {
            body.getElement().setAttribute("lang", language);
        }
        if (renderer != null) {
            body.add(renderer.apply(shown));
            return;
        }
        for (String block : shown.split("\\n\\s*\\n")) {
            if (block.isBlank()) {
                continue;
            }
            UnorderedList list = null;
            Paragraph paragraph = null;
            for (String line : block.split("\\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("• ") || trimmed.startsWith("– ")) {
                    if (list == null) {
                        list = new UnorderedList();
                        body.add(list);
                    }
                    ListItem item = new ListItem();
                    appendInline(item.getElement(), trimmed.substring(2));
                    list.add(item);
                    paragraph = null;
                } else if (!trimmed.isEmpty()) {
                    if (paragraph == null) {
                        paragraph = new Paragraph();
                        body.add(paragraph);
                    } else {
                        paragraph.getElement().appendChild(new Element("br"));
                    }
                    appendInline(paragraph.getElement(), trimmed);
                    list = null;
                }
            }
        }
    }

    private void appendInline(Element parent, String line) {
        Matcher m = FOOTNOTE.matcher(line);
        int at = 0;
        while (m.find()) {
            parent.appendChild(Element.createText(line.substring(at, m.start())));
            int number = Integer.parseInt(m.group(1));
            Element sup = new Element("sup");
            if (footnoteHref != null) {
                Anchor link = new Anchor(footnoteHref.apply(number), String.valueOf(number));
                link.getElement().setAttribute("aria-label", getTranslation("translation.shown.footnote", number));
                sup.appendChild(link.getElement());
            } else {
                sup.setText(String.valueOf(number));
            }
            parent.appendChild(sup);
            at = m.end();
        }
        parent.appendChild(Element.createText(line.substring(at)));
    }

    private String languageName(String tag) {
        Locale reader = getLocale() == null ? Locale.forLanguageTag("pl") : getLocale();
        return Locale.forLanguageTag(tag).getDisplayLanguage(reader);
    }
}
