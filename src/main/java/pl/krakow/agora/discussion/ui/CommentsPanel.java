package pl.krakow.agora.discussion.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinService;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import pl.krakow.agora.discussion.CommentPage;
import pl.krakow.agora.discussion.CommentSort;
import pl.krakow.agora.discussion.CommentThread;
import pl.krakow.agora.discussion.CommentView;
import pl.krakow.agora.discussion.CommentableRef;
import pl.krakow.agora.discussion.DiscussionService;
import pl.krakow.agora.discussion.ReactionKind;
import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.moderation.DecisionAction;
import pl.krakow.agora.moderation.ModerationService;
import pl.krakow.agora.moderation.ui.DecisionDialog;
import pl.krakow.agora.moderation.ui.FlagDialog;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.platform.ui.ErrorNotifier;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.Translations;

/**
 * The public discussion of one thing, to embed in any view:
 * <pre>{@code add(new CommentsPanel(new CommentableRef("recommendation", "item", "7.1.6")));}</pre>
 * It shows the number of public comments, the threads (sortable newest, oldest or most supported,
 * loaded page by page), and for signed-in readers the comment form, replies, edits, deletion,
 * support/oppose and flagging; moderators also hide and restore in place. Anonymous readers read
 * everything public and see a sign-in hint instead of the form.
 *
 * <p>The one-argument constructor takes {@link DiscussionService}, {@link ModerationService} and
 * {@link CurrentUser} from Spring through Vaadin's instantiator ({@code SpringInstantiator}), so it
 * works inside any Vaadin view; the four-argument constructor takes them explicitly (for a view that
 * injected them already). Every rule lives in the services; the panel shows their answers, and
 * their refusals as translated messages. Status changes are announced to screen readers.
 */
public class CommentsPanel extends Section {

    private final CommentableRef target;
    private final DiscussionService discussion;
    private final ModerationService moderation;
    private final boolean signedIn;
    private final boolean moderator;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private final H2 heading = new H2();
    private final Select<CommentSort> sort = new Select<>();
    private final Div list = new Div();
    private final Button more = new Button();
    private final Map<Long, Div> threads = new LinkedHashMap<>();
    private final Map<Long, CommentItem> items = new HashMap<>();
    private @Nullable String nextCursor;
    private final @Nullable Translations translations;
    private final Map<ContentRef, LocalizedText> shown = new HashMap<>();

    public CommentsPanel(CommentableRef target) {
        this(target, bean(DiscussionService.class), bean(ModerationService.class), bean(CurrentUser.class));
    }

    public CommentsPanel(CommentableRef target, DiscussionService discussion, ModerationService moderation,
            CurrentUser currentUser) {
        this.target = target;
        this.discussion = discussion;
        this.moderation = moderation;
        this.signedIn = currentUser.isAuthenticated();
        this.moderator = currentUser.hasRole(Role.MODERATOR) || currentUser.hasRole(Role.ADMIN);
        this.translations = VaadinService.getCurrent() == null ? null : bean(Translations.class);
        addClassName("agora-comments");
        heading.setId("comments-heading");
        getElement().setAttribute("aria-labelledby", "comments-heading");
        add(heading);

        if (signedIn) {
            CommentForm form = new CommentForm("comment-new", "discussion.form.label", "discussion.form.submit", "",
                    maxLength(), null, null);
            form.setAction(text -> post(text, form));
            add(form);
        } else {
            Anchor login = new Anchor("login", getTranslation("discussion.signin.link"));
            login.setId("comments-login");
            Paragraph hint = new Paragraph(getTranslation("discussion.signin.hint") + " ");
            hint.add(login);
            hint.addClassName("agora-comments-signin");
            add(hint);
        }

        sort.setLabel(getTranslation("discussion.sort.label"));
        sort.setItems(CommentSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("discussion.sort." + s.name()));
        sort.setValue(CommentSort.NEWEST);
        sort.setId("comments-sort");
        sort.addValueChangeListener(e -> {
            reload();
            announcer.announce(getTranslation("discussion.announce.sorted",
                    getTranslation("discussion.sort." + e.getValue().name())));
        });
        Div toolbar = new Div(sort);
        toolbar.addClassName("agora-comments-toolbar");

        list.addClassName("agora-comment-list");
        list.setId("comment-list");
        more.setText(getTranslation("discussion.more"));
        more.setId("comments-more");
        more.addClickListener(e -> {
            Long first = loadPage();
            announcer.announce(getTranslation("discussion.announce.more"));
            if (first != null) {
                focusComment(first);
            }
        });
        add(toolbar, list, more, announcer);
        reload();
    }

    /**
     * A Spring bean through Vaadin's instantiator, which Vaadin's Spring add-on backs with the
     * application context.
     */
    private static <T> T bean(Class<T> type) {
        VaadinService service = VaadinService.getCurrent();
        if (service == null) {
            throw new IllegalStateException("new CommentsPanel(ref) needs a running Vaadin service;"
                    + " elsewhere pass the services to the four-argument constructor");
        }
        return service.getInstantiator().getOrCreate(type);
    }

    int maxLength() {
        return discussion.limits().maxLength();
    }

    // ---- loading --------------------------------------------------------------------------------

    private void reload() {
        list.removeAll();
        threads.clear();
        items.clear();
        nextCursor = null;
        loadPage();
        updateHeading();
    }

    /** Loads the next page; returns the id of its first thread, if any. */
    private @Nullable Long loadPage() {
        CommentPage page = discussion.page(target, sort.getValue(), nextCursor, discussion.limits().pageSize());
        Set<ContentRef> flagged = flaggedByMe(page.threads());
        for (CommentThread thread : page.threads()) {
            Div box = threadBox(thread, flagged);
            threads.put(thread.root().id(), box);
            list.add(box);
        }
        nextCursor = page.nextCursor();
        more.setVisible(page.hasMore());
        if (threads.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("discussion.empty"));
            empty.addClassName("agora-comments-empty");
            empty.setId("comments-empty");
            list.add(empty);
        }
        return page.threads().isEmpty() ? null : page.threads().getFirst().root().id();
    }

    private void updateHeading() {
        heading.setText(getTranslation("discussion.heading", discussion.visibleCount(target)));
    }

    private Set<ContentRef> flaggedByMe(List<CommentThread> loaded) {
        if (!signedIn) {
            return Set.of();
        }
        List<ContentRef> flaggable = new ArrayList<>();
        for (CommentThread thread : loaded) {
            if (thread.root().canFlag()) {
                flaggable.add(thread.root().contentRef());
            }
            thread.replies().stream().filter(CommentView::canFlag).map(CommentView::contentRef).forEach(flaggable::add);
        }
        return flaggable.isEmpty() ? Set.of() : moderation.flaggedByMe(flaggable);
    }

    private Div threadBox(CommentThread thread, Set<ContentRef> flagged) {
        if (translations != null) {
            // each comment in the reader's language where an approved translation exists (issue 8, item 7)
            Map<ContentRef, String> originals = new HashMap<>();
            originals.put(thread.root().contentRef(), thread.root().text());
            thread.replies().forEach(r -> originals.put(r.contentRef(), r.text()));
            shown.putAll(translations.display(UiLanguage.of(getLocale()).tag(), originals));
        }
        Div box = new Div();
        box.addClassName("agora-comment-thread");
        CommentItem root = item(thread.root(), flagged);
        box.add(root);
        for (CommentView reply : thread.replies()) {
            CommentItem child = item(reply, flagged);
            CommentItem parent = reply.parentId() == null ? null : items.get(reply.parentId());
            (parent == null ? root : parent).addReply(child);
        }
        if (thread.moreReplies()) {
            Button all = new Button(getTranslation("discussion.all-replies", thread.replyCount()));
            all.setId("comment-" + thread.root().id() + "-all-replies");
            all.addClickListener(e -> refreshThread(thread.root().id(), thread.root().id()));
            box.add(all);
        }
        return box;
    }

    /** The comment's text as this reader is shown it; null when translations are not at hand. */
    @Nullable LocalizedText shown(CommentView comment) {
        return shown.get(comment.contentRef());
    }

    private CommentItem item(CommentView comment, Set<ContentRef> flagged) {
        CommentItem item = new CommentItem(comment, this, flagged.contains(comment.contentRef()), moderator);
        items.put(comment.id(), item);
        return item;
    }

    /** Loads one thread again after a change in it and puts it in its place; focus goes to {@code focusId}. */
    private void refreshThread(long anyCommentId, @Nullable Long focusId, String... focusActions) {
        Optional<CommentThread> fresh = discussion.thread(anyCommentId);
        long rootId = fresh.map(t -> t.root().id()).orElseGet(() -> rootOf(anyCommentId));
        Div old = threads.get(rootId);
        if (fresh.isEmpty()) {
            if (old != null) {
                list.remove(old);
                threads.remove(rootId);
            }
        } else {
            Div box = threadBox(fresh.get(), flaggedByMe(List.of(fresh.get())));
            if (old != null) {
                list.replace(old, box);
            } else {
                list.addComponentAsFirst(box);
            }
            threads.put(rootId, box);
        }
        updateHeading();
        if (focusId != null && items.containsKey(focusId)) {
            CommentItem item = items.get(focusId);
            if (focusActions.length > 0) {
                item.focusAction(focusActions);
            } else {
                focusComment(focusId);
            }
        }
    }

    private long rootOf(long commentId) {
        CommentItem item = items.get(commentId);
        Long parent = item == null ? null : item.comment().parentId();
        return parent == null ? commentId : rootOf(parent);
    }

    private void focusComment(long commentId) {
        CommentItem item = items.get(commentId);
        if (item != null) {
            item.getElement().callJsFunction("focus");
            item.scrollIntoView();
        }
    }

    // ---- actions (called by CommentItem) ---------------------------------------------------------

    private boolean post(String text, CommentForm form) {
        try {
            discussion.post(target, text, language());
        } catch (AgoraException | AccessDeniedException e) {
            refused(e, form);
            return false;
        }
        reload();
        announcer.announce(getTranslation("discussion.announce.posted"));
        return true;
    }

    boolean reply(CommentView parent, String text, CommentForm form) {
        long id;
        try {
            id = discussion.reply(parent.id(), text, language());
        } catch (AgoraException | AccessDeniedException e) {
            refused(e, form);
            return false;
        }
        refreshThread(id, id);
        announcer.announce(getTranslation("discussion.announce.replied"));
        return true;
    }

    boolean edit(CommentView comment, String text, CommentForm form) {
        try {
            discussion.edit(comment.id(), text, language());
        } catch (AgoraException | AccessDeniedException e) {
            refused(e, form);
            return false;
        }
        refreshThread(comment.id(), comment.id(), "edit");
        announcer.announce(getTranslation("discussion.announce.edited"));
        return true;
    }

    void confirmDelete(CommentView comment) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("discussion.delete.title"));
        confirm.setText(getTranslation("discussion.delete.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("discussion.form.cancel"));
        confirm.setConfirmText(getTranslation("discussion.delete.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                discussion.delete(comment.id());
            } catch (AgoraException | AccessDeniedException error) {
                ErrorNotifier.show(UI.getCurrent(), error);
                return;
            }
            refreshThread(comment.id(), comment.id());
            announcer.announce(getTranslation("discussion.announce.deleted"));
        });
        confirm.open();
    }

    void react(CommentView comment, ReactionKind kind) {
        ReactionKind chosen = comment.myReaction() == kind ? null : kind;
        try {
            discussion.react(comment.id(), chosen);
        } catch (AgoraException | AccessDeniedException e) {
            ErrorNotifier.show(UI.getCurrent(), e);
            return;
        }
        refreshThread(comment.id(), comment.id(), kind == ReactionKind.SUPPORT ? "support" : "oppose");
        announcer.announce(chosen == null ? getTranslation("discussion.announce.reaction-removed")
                : getTranslation("discussion.announce.reaction." + chosen.name()));
    }

    void flag(CommentView comment) {
        new FlagDialog(comment.contentRef(), moderation, flaggedRef -> {
            refreshThread(comment.id(), comment.id());
            announcer.announce(getTranslation("discussion.announce.flagged"));
        }).open();
    }

    void hide(CommentView comment) {
        decide(comment, DecisionAction.HIDE);
    }

    void restore(CommentView comment) {
        decide(comment, DecisionAction.RESTORE);
    }

    private void decide(CommentView comment, DecisionAction action) {
        new DecisionDialog(comment.contentRef(), action, moderation, done -> {
            refreshThread(comment.id(), comment.id());
            announcer.announce(getTranslation("moderation.announce." + done.name()));
        }).open();
    }

    private void refused(RuntimeException error, CommentForm form) {
        if (error instanceof AgoraException domain) {
            form.showError(getTranslation(domain.messageKey(), domain.arguments()));
        }
        ErrorNotifier.show(UI.getCurrent(), error);
    }

    private UiLanguage language() {
        return UiLanguage.of(getLocale());
    }
}
