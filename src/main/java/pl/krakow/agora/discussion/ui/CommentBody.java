package pl.krakow.agora.discussion.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;

/**
 * A comment's text as DOM nodes: text nodes (line breaks kept by CSS {@code white-space: pre-wrap})
 * and, for web addresses, anchors that open in a new tab with {@code rel="nofollow ugc noopener"}
 * (no access to this window, no search-engine credit for user content). Nothing is parsed as HTML.
 * {@code dir="auto"} and {@code unicode-bidi: isolate} keep right-to-left text and stray bidirectional
 * controls inside the comment.
 */
class CommentBody extends Div {

    static final String REL = "nofollow ugc noopener";

    CommentBody(String text) {
        addClassName("agora-comment-body");
        getElement().setAttribute("dir", "auto");
        for (Links.Segment segment : Links.split(text)) {
            if (segment.href() == null) {
                add(new Text(segment.text()));
            } else {
                Anchor link = new Anchor(segment.href(), segment.text());
                link.setTarget(AnchorTarget.BLANK);
                link.getElement().setAttribute("rel", REL);
                link.setRouterIgnore(true);
                link.addClassName("agora-comment-link");
                add(link);
            }
        }
    }
}
