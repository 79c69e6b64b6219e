package pl.krakow.agora.panel.ui;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;

/** Small shared pieces of the panel views: accessible tables and number formats. */
final class PanelUi {

    private PanelUi() {
    }

    /** A native table with a caption and column headers (screen readers announce both). */
    static Component table(String caption, List<String> headers, List<List<String>> rows) {
        Element table = new Element("table");
        table.getClassList().add("agora-panel-table");
        table.getStyle().set("border-collapse", "collapse").set("margin-block", "0.5rem 1.25rem");
        Element cap = new Element("caption");
        cap.setText(caption);
        cap.getStyle().set("text-align", "start").set("font-weight", "600").set("padding-block", "0.25rem");
        table.appendChild(cap);
        Element head = new Element("thead");
        Element hr = new Element("tr");
        for (String h : headers) {
            Element th = new Element("th");
            th.setAttribute("scope", "col");
            th.setText(h);
            th.getStyle().set("text-align", "start").set("padding", "0.25rem 1rem 0.25rem 0")
                    .set("border-bottom", "1px solid currentColor");
            hr.appendChild(th);
        }
        head.appendChild(hr);
        table.appendChild(head);
        Element body = new Element("tbody");
        for (List<String> row : rows) {
            Element tr = new Element("tr");
            for (int i = 0; i < row.size(); i++) {
                Element cell = new Element(i == 0 ? "th" : "td");
                if (i == 0) {
                    cell.setAttribute("scope", "row");
                }
                cell.setText(row.get(i));
                cell.getStyle().set("text-align", "start").set("padding", "0.2rem 1rem 0.2rem 0")
                        .set("font-weight", i == 0 ? "500" : "400");
                tr.appendChild(cell);
            }
            body.appendChild(tr);
        }
        table.appendChild(body);
        Div wrapper = new Div();
        wrapper.addClassName("agora-table-scroll");
        wrapper.getElement().appendChild(table);
        return wrapper;
    }

    /** Preformatted text that wraps instead of running off the page (hashes, seeds, commands). */
    static com.vaadin.flow.component.html.Pre wrapping(String text) {
        var pre = new com.vaadin.flow.component.html.Pre(text);
        pre.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        return pre;
    }

    static String percent(double probability, Locale locale) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(probability);
    }
}
