package pl.krakow.agora.discussion.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.discussion.CommentState;
import pl.krakow.agora.discussion.CommentView;
import pl.krakow.agora.discussion.ReactionKind;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.TranslatedText;

/**
 * One comment: who wrote it and when, its text (or "deleted", or the moderator's reason), its
 * reactions and what the reader may do with it; its replies are nested inside it. An article
 * labelled by its header, so that screen readers can move from comment to comment.
 */
class CommentItem extends Article {

    private final CommentView comment;
    private final CommentsPanel panel;
    private final Div body = new Div();
    private final Div actions = new Div();
    private final Div forms = new Div();
    private final Div replies = new Div();

    CommentItem(CommentView comment, CommentsPanel panel, boolean flaggedByMe, boolean moderator) {
        this.comment = comment;
        this.panel = panel;
        String id = "comment-" + comment.id();
        setId(id);
        addClassName("agora-comment");
        addClassName("agora-comment-depth-" + comment.depth());
        if (comment.state() != CommentState.VISIBLE || comment.inHiddenBranch()) {
            addClassName("agora-comment-" + (comment.inHiddenBranch() && comment.state() == CommentState.VISIBLE
                    ? "in-hidden-branch" : comment.state().name().toLowerCase(java.util.Locale.ROOT)));
        }
        // focus target after an action (programmatic only: not a tab stop)
        getElement().setAttribute("tabindex", "-1");
        getElement().setAttribute("aria-labelledby", id + "-header");

        Header header = new Header();
        header.setId(id + "-header");
        header.addClassName("agora-comment-header");
        if (comment.state() == CommentState.DELETED) {
            header.add(new Span(getTranslation("discussion.comment.deleted-author")));
        } else {
            Span author = new Span(comment.authorName() == null ? "" : comment.authorName());
            author.addClassName("agora-comment-author");
            header.add(author);
        }
        header.add(new Span(" · "), new TimeStamp(comment.createdAt(), getLocale()));
        if (comment.edited() && comment.state() != CommentState.DELETED) {
            Span edited = new Span(getTranslation("discussion.comment.edited"));
            edited.addClassName("agora-comment-edited");
            edited.getElement().setAttribute("title", Formats.dateTime(comment.editedAt(), getLocale()));
            header.add(new Span(" "), edited);
        }
        if (comment.mine()) {
            Span mine = new Span(getTranslation("discussion.comment.mine"));
            mine.addClassName("agora-comment-badge");
            header.add(new Span(" "), mine);
        }

        body.addClassName("agora-comment-content");
        renderBody();
        actions.addClassName("agora-comment-actions");
        renderActions(flaggedByMe, moderator);
        forms.addClassName("agora-comment-forms");
        replies.addClassName("agora-comment-replies");
        add(header, body, actions, forms, replies);
    }

    CommentView comment() {
        return comment;
    }

    void addReply(CommentItem reply) {
        replies.add(reply);
    }

    private void renderBody() {
        body.removeAll();
        switch (comment.state()) {
            case DELETED -> {
                Paragraph deleted = new Paragraph(getTranslation("discussion.comment.deleted"));
                deleted.addClassName("agora-comment-deleted-text");
                body.add(deleted);
            }
            case HIDDEN -> {
                Paragraph reason = new Paragraph(getTranslation("discussion.comment.hidden",
                        comment.hiddenReason() == null ? "" : comment.hiddenReason()));
                reason.addClassName("agora-comment-hidden-reason");
                reason.setId("comment-" + comment.id() + "-hidden-reason");
                body.add(reason);
                Paragraph who = new Paragraph(getTranslation(comment.mine() ? "discussion.comment.hidden-own"
                        : "discussion.comment.hidden-moderator"));
                who.addClassName("agora-comment-note");
                body.add(who);
                if (!comment.text().isEmpty()) {
                    Details original = new Details(getTranslation("discussion.comment.show-hidden"),
                            new CommentBody(comment.text()));
                    original.addClassName("agora-comment-original");
                    body.add(original);
                }
            }
            case VISIBLE -> {
                LocalizedText localized = panel.shown(comment);
                // a comment in the reader's own language (or not yet routed) is shown as it is
                body.add(localized == null || !(localized.isTranslation() || localized.translationPending())
                        ? new CommentBody(comment.text())
                        : TranslatedText.rendered(localized, CommentBody::new));
                if (comment.inHiddenBranch()) {
                    Paragraph note = new Paragraph(getTranslation("discussion.comment.in-hidden-branch"));
                    note.addClassName("agora-comment-note");
                    body.add(note);
                }
            }
        }
    }

    private void renderActions(boolean flaggedByMe, boolean moderator) {
        String id = "comment-" + comment.id();
        if (comment.canReact()) {
            actions.add(reactionButton(ReactionKind.SUPPORT, id + "-support", comment.supportCount()),
                    reactionButton(ReactionKind.OPPOSE, id + "-oppose", comment.opposeCount()));
        } else if (comment.state() != CommentState.DELETED) {
            Span summary = new Span(getTranslation("discussion.reactions.summary",
                    Formats.number(comment.supportCount(), getLocale()),
                    Formats.number(comment.opposeCount(), getLocale())));
            summary.addClassName("agora-comment-reactions");
            summary.setId(id + "-reactions");
            actions.add(summary);
        }
        if (comment.canReply()) {
            actions.add(action(id + "-reply", "discussion.comment.reply", this::openReply));
        }
        if (comment.canEdit()) {
            actions.add(action(id + "-edit", "discussion.comment.edit", this::openEdit));
        }
        if (comment.canDelete()) {
            actions.add(action(id + "-delete", "discussion.comment.delete", () -> panel.confirmDelete(comment)));
        }
        if (comment.canFlag()) {
            if (flaggedByMe) {
                Span flagged = new Span(getTranslation("discussion.comment.flagged"));
                flagged.addClassName("agora-comment-flagged");
                flagged.setId(id + "-flagged");
                actions.add(flagged);
            } else {
                actions.add(action(id + "-flag", "discussion.comment.flag", () -> panel.flag(comment)));
            }
        }
        if (moderator) {
            if (comment.state() == CommentState.HIDDEN) {
                actions.add(action(id + "-restore", "discussion.comment.restore", () -> panel.restore(comment)));
            } else if (comment.state() == CommentState.VISIBLE && !comment.inHiddenBranch()) {
                Button hide = action(id + "-hide", "discussion.comment.hide", () -> panel.hide(comment));
                hide.addThemeVariants(ButtonVariant.LUMO_ERROR);
                actions.add(hide);
            }
        }
    }

    private Button reactionButton(ReactionKind kind, String id, long count) {
        String key = kind == ReactionKind.SUPPORT ? "discussion.reaction.support" : "discussion.reaction.oppose";
        Button button = new Button(getTranslation(key, Formats.number(count, getLocale())),
                e -> panel.react(comment, kind));
        button.setId(id);
        button.addClassName("agora-reaction");
        boolean pressed = comment.myReaction() == kind;
        button.getElement().setAttribute("aria-pressed", Boolean.toString(pressed));
        button.addThemeVariants(pressed ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private Button action(String id, String key, Runnable run) {
        Button button = new Button(getTranslation(key), e -> run.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void openReply() {
        forms.removeAll();
        CommentForm form = new CommentForm("comment-" + comment.id() + "-reply-form", "discussion.form.reply-label",
                "discussion.form.reply-submit", "", panel.maxLength(), null, this::closeForms);
        form.setAction(text -> panel.reply(comment, text, form));
        forms.add(form);
        form.focusText();
    }

    private void openEdit() {
        forms.removeAll();
        CommentForm form = new CommentForm("comment-" + comment.id() + "-edit-form", "discussion.form.edit-label",
                "discussion.form.edit-submit", comment.text(), panel.maxLength(), null, this::closeForms);
        form.setAction(text -> panel.edit(comment, text, form));
        forms.add(form);
        body.setVisible(false);
        form.focusText();
    }

    private void closeForms() {
        forms.removeAll();
        body.setVisible(true);
        focusAction("reply", "edit");
    }

    /** Moves the keyboard focus back to one of the comment's buttons, or to the comment itself. */
    void focusAction(String... names) {
        for (String name : names) {
            @Nullable Component button = find("comment-" + comment.id() + "-" + name);
            if (button instanceof Button b) {
                b.focus();
                return;
            }
        }
        getElement().callJsFunction("focus");
    }

    private @Nullable Component find(String id) {
        return actions.getChildren().filter(c -> c.getId().map(id::equals).orElse(false)).findFirst().orElse(null);
    }
}
