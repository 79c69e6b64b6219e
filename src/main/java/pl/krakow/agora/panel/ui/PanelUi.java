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
        Element cap = new Element("caption");
        cap.setText(caption);
        table.appendChild(cap);
        Element head = new Element("thead");
        Element hr = new Element("tr");
        for (String h : headers) {
            Element th = new Element("th");
            th.setAttribute("scope", "col");
            th.setText(h);
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

    static String percent(double probability, Locale locale) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(probability);
    }
}
