package pl.krakow.agora.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import pl.krakow.agora.platform.audit.AuditEntry;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.platform.audit.AuditVerification;
import pl.krakow.agora.platform.i18n.Formats;

/** The audit log for administrators: the latest entries and a check of the whole hash chain. */
@Route("admin/audyt")
@Menu(order = 90, title = "shell.nav.audit")
@RolesAllowed("ADMIN")
class AuditLogView extends Div implements HasDynamicTitle {

    private final AuditLog auditLog;
    private final Paragraph result = new Paragraph();

    AuditLogView(AuditLog auditLog) {
        this.auditLog = auditLog;
        addClassName("agora-audit");
        Button verify = new Button(getTranslation("shell.audit.verify"), e -> verify());
        verify.setId("audit-verify");
        result.setId("audit-result");
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");

        Grid<AuditEntry> grid = new Grid<>();
        grid.addColumn(AuditEntry::id).setHeader(getTranslation("shell.audit.column.id")).setAutoWidth(true);
        grid.addColumn(e -> Formats.dateTime(e.occurredAt(), getLocale()))
                .setHeader(getTranslation("shell.audit.column.time")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("shell.audit.column.actor"));
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("shell.audit.column.action"));
        grid.addColumn(AuditEntry::target).setHeader(getTranslation("shell.audit.column.target"));
        grid.addColumn(e -> e.hash().substring(0, 12)).setHeader(getTranslation("shell.audit.column.hash"));
        grid.setItems(auditLog.latest(200));
        grid.setAriaLabel(getTranslation("shell.audit.title"));
        add(new H1(getTranslation("shell.audit.title")), new Paragraph(getTranslation("shell.audit.lead")),
                verify, result, grid);
    }

    private void verify() {
        AuditVerification verification = auditLog.verify();
        String checked = Formats.number(verification.entriesChecked(), getLocale());
        result.setText(verification.isIntact()
                ? getTranslation("shell.audit.intact", checked)
                : getTranslation("shell.audit.broken", verification.firstBrokenId().orElseThrow(),
                        getTranslation(verification.reason())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.audit.title") + " · " + getTranslation("app.name");
    }
}
