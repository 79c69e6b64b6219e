package pl.krakow.agora.forum.ui;

import java.time.Instant;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Span;

/**
 * The speaker's time left, ticking in the browser every second from the stored start of the turn
 * and the server's clock (so every screen counts the same seconds). A timer, not a live region:
 * screen readers read it when asked, not every second.
 */
@Tag("span")
class Countdown extends Span {

    Countdown() {
        getElement().setAttribute("role", "timer");
        addClassName("forum-countdown");
    }

    /** Starts counting down to {@code end}; {@code serverNow} is the server's clock at render time. */
    void start(Instant end, Instant serverNow, String label, String overLabel) {
        getElement().executeJs("""
                const el = this; if (el._forumTimer) clearInterval(el._forumTimer);
                const offset = $1 - Date.now();
                const tick = () => {
                  const left = Math.round(($0 - (Date.now() + offset)) / 1000);
                  const a = Math.abs(left);
                  const t = String(Math.floor(a / 60)).padStart(2, '0') + ':' + String(a % 60).padStart(2, '0');
                  el.textContent = left >= 0 ? $2 + ' ' + t : $3 + ' ' + t;
                  el.classList.toggle('forum-overtime', left < 0);
                };
                tick(); el._forumTimer = setInterval(tick, 1000);""",
                (double) end.toEpochMilli(), (double) serverNow.toEpochMilli(), label, overLabel);
    }

    void stop() {
        getElement().executeJs("if (this._forumTimer) clearInterval(this._forumTimer); this.textContent = '';");
    }
}
