package pl.krakow.agora.forum.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.forum.AgendaItem;
import pl.krakow.agora.forum.AttendanceMode;
import pl.krakow.agora.forum.Choice;
import pl.krakow.agora.forum.ForumAttachments;
import pl.krakow.agora.forum.ForumChangeFeed;
import pl.krakow.agora.forum.ForumService;
import pl.krakow.agora.forum.ForumTexts;
import pl.krakow.agora.forum.ItemStatus;
import pl.krakow.agora.forum.LiveSession;
import pl.krakow.agora.forum.LiveState;
import pl.krakow.agora.forum.LiveState.Motion;
import pl.krakow.agora.forum.LiveState.Speaker;
import pl.krakow.agora.forum.LiveState.Viewer;
import pl.krakow.agora.forum.LiveState.Vote;
import pl.krakow.agora.forum.MotionStatus;
import pl.krakow.agora.forum.SessionStatus;
import pl.krakow.agora.forum.SpeechKind;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.platform.ui.ErrorNotifier;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.TranslatedText;

/**
 * The live session as one screen shows it: for a member (with the chair's controls when the member
 * chairs), for the public gallery, or for the projector in the room. It subscribes to the change feed
 * while attached and re-reads the whole state from the database at each change; components are
 * updated in place and lists are rebuilt only when their content changed, so that the keyboard
 * focus stays where it was (WCAG 2.4.3). The speakers list is announced politely, a vote's opening
 * and closing assertively (issue 7, item 7).
 */
class SessionBoard extends Div {

    enum Mode {
        MEMBER, GALLERY, PROJECTOR
    }

    private final LiveSession live;
    private final ForumTexts texts;
    private final ForumAttachments attachments;
    private final ForumChangeFeed feed;
    private final long sessionId;
    private final Mode mode;
    private final UiLanguage reader;
    private @Nullable Runnable subscription;
    private java.util.function.Consumer<LiveState> stateListener = s -> { };
    private @Nullable LiveState state;

    private final Announcer polite = new Announcer(Announcer.Urgency.POLITE);
    private final Announcer assertive = new Announcer(Announcer.Urgency.ASSERTIVE);
    private final H1 heading = new H1();
    private final Paragraph when = new Paragraph();
    private final Paragraph status = new Paragraph();
    private final Paragraph quorum = new Paragraph();
    private final Paragraph versionMark = new Paragraph();

    private final Div checkInRow = new Div();
    private final Button checkInRoom = new Button();
    private final Button checkInRemote = new Button();
    private final Button checkOut = new Button();
    private final Paragraph myAttendance = new Paragraph();

    private final Section chairSection = new Section();
    private final Button openSession = new Button();
    private final Button closeSession = new Button();
    private final Button nextSpeaker = new Button();
    private final Button endFloor = new Button();
    private final Checkbox secretVote = new Checkbox();
    private final Select<Majority> majority = new Select<>();
    private final Button openVote = new Button();
    private final Button closeVote = new Button();

    private final OrderedList agendaList = new OrderedList();
    private final H2 itemHeading = new H2();
    private final Div itemBody = new Div();
    private final Paragraph speakingNow = new Paragraph();
    private final Countdown countdown = new Countdown();
    private final OrderedList queueList = new OrderedList();
    private final Paragraph queueEmpty = new Paragraph();
    private final Div requestRow = new Div();
    private final Button requestSpeech = new Button();
    private final Button requestAdVocem = new Button();
    private final Button requestOrder = new Button();
    private final Button withdraw = new Button();

    private final OrderedList motionList = new OrderedList();
    private final Paragraph motionsEmpty = new Paragraph();
    private final Div motionForm = new Div();
    private final TextArea motionText = new TextArea();
    private final Select<Long> amends = new Select<>();
    private final Button submitMotion = new Button();

    private final Section voteSection = new Section();
    private final H2 voteHeading = new H2();
    private final Paragraph voteMotion = new Paragraph();
    private final Paragraph voteCount = new Paragraph();
    private final Div voteButtons = new Div();
    private final Paragraph myVote = new Paragraph();
    private final Paragraph myReceipt = new Paragraph();
    /** This screen's receipts of its member's secret ballots, by vote (kept nowhere else). */
    private final Map<Long, String> receipts = new java.util.HashMap<>();
    private static final String SEEN_VOTE = "element.dataset.vote";
    private final UnorderedList resultList = new UnorderedList();
    private final UnorderedList attendanceList = new UnorderedList();

    private @Nullable Object agendaKey;
    private @Nullable Object itemKey = new Object(); // nothing rendered yet
    private @Nullable Object queueKey;
    private @Nullable Object motionsKey;
    private @Nullable Object resultsKey;
    private @Nullable Object attendanceKey;
    private @Nullable Long speakingId;
    private @Nullable Long openVoteId;

    SessionBoard(LiveSession live, ForumChangeFeed feed, ForumTexts texts, ForumAttachments attachments, long sessionId,
            Mode mode, UiLanguage reader) {
        this.attachments = attachments;
        this.live = live;
        this.texts = texts;
        this.feed = feed;
        this.sessionId = sessionId;
        this.mode = mode;
        this.reader = reader;
        addClassName("forum-board");
        if (mode == Mode.PROJECTOR) {
            getStyle().set("font-size", "1.5rem").set("padding", "1.5rem");
        }
        build();
        flex(checkInRow);
        flex(requestRow);
        flex(voteButtons);
        refresh();
    }

    long sessionId() {
        return sessionId;
    }

    private void build() {
        heading.setId("forum-session-heading");
        status.setId("forum-session-status");
        quorum.setId("forum-quorum");
        versionMark.setId("forum-version");
        versionMark.addClassName("agora-visually-hidden");
        add(polite, assertive, heading, when, status, quorum, versionMark);

        if (mode == Mode.MEMBER) {
            button(checkInRoom, "forum.live.check-in-room", "forum-check-in-room",
                    () -> live.checkIn(sessionId, AttendanceMode.ROOM));
            button(checkInRemote, "forum.live.check-in-remote", "forum-check-in-remote",
                    () -> live.checkIn(sessionId, AttendanceMode.REMOTE));
            button(checkOut, "forum.live.check-out", "forum-check-out", () -> live.checkOut(sessionId));
            myAttendance.setId("forum-my-attendance");
            checkInRow.add(myAttendance, checkInRoom, checkInRemote, checkOut);
            checkInRow.addClassName("forum-row");
            add(checkInRow);

            chairSection.setId("forum-chair");
            chairSection.getElement().setAttribute("aria-label", getTranslation("forum.chair.title"));
            button(openSession, "forum.chair.open", "forum-open-session", () -> live.open(sessionId));
            button(closeSession, "forum.chair.close", "forum-close-session", () -> live.close(sessionId));
            button(nextSpeaker, "forum.chair.next-speaker", "forum-next-speaker", () -> live.giveFloorToNext(sessionId));
            button(endFloor, "forum.chair.end-floor", "forum-end-floor", () -> live.endFloor(sessionId));
            secretVote.setLabel(getTranslation("forum.chair.secret"));
            secretVote.setId("forum-secret-vote");
            majority.setLabel(getTranslation("forum.chair.majority"));
            majority.setItems(Majority.values());
            majority.setItemLabelGenerator(m -> getTranslation("forum.majority." + m.name()));
            majority.setId("forum-majority");
            button(openVote, "forum.chair.open-vote", "forum-open-vote",
                    () -> live.openVote(sessionId, secretVote.getValue(), majority.getValue()));
            closeVote.setText(getTranslation("forum.chair.close-vote"));
            closeVote.setId("forum-close-vote");
            // like a member's vote, the close goes to the vote the chair's screen showed at the click
            closeVote.getElement().addEventListener("click", e -> {
                String seen = seenVote(e.getEventData().get(SEEN_VOTE));
                act(() -> {
                    if (seen.isEmpty() || openVoteId == null || Long.parseLong(seen) != openVoteId) {
                        throw new pl.krakow.agora.platform.AgoraException("forum.error.vote-not-open");
                    }
                    live.closeVote(openVoteId);
                });
            }).addEventData(SEEN_VOTE);
            Div sessionRow = row(openSession, closeSession);
            Div floorRow = row(nextSpeaker, endFloor);
            Div voteRow = row(secretVote, majority, openVote, closeVote);
            chairSection.add(new H2(getTranslation("forum.chair.title")), sessionRow, floorRow, voteRow);
            chairSection.addClassName("forum-chair");
            add(chairSection);
        }

        Section agenda = new Section(new H2(getTranslation("forum.live.agenda")), agendaList);
        agendaList.setId("forum-agenda");
        add(agenda);

        Section item = new Section(itemHeading, itemBody);
        itemHeading.setId("forum-current-item");
        add(item);

        Section floor = new Section(new H2(getTranslation("forum.live.floor")), speakingNow, countdown);
        speakingNow.setId("forum-speaking");
        countdown.setId("forum-countdown");
        queueList.setId("forum-speakers");
        queueEmpty.setText(getTranslation("forum.live.queue-empty"));
        floor.add(new H2(getTranslation("forum.live.speakers")), queueEmpty, queueList);
        if (mode == Mode.MEMBER) {
            button(requestSpeech, "forum.live.request-speech", "forum-request-speech",
                    () -> live.requestFloor(sessionId, SpeechKind.SPEECH));
            button(requestAdVocem, "forum.live.request-ad-vocem", "forum-request-ad-vocem",
                    () -> live.requestFloor(sessionId, SpeechKind.AD_VOCEM));
            button(requestOrder, "forum.live.request-order", "forum-request-order",
                    () -> live.requestFloor(sessionId, SpeechKind.POINT_OF_ORDER));
            button(withdraw, "forum.live.withdraw", "forum-withdraw", () -> {
                Viewer v = state == null ? null : state.viewer();
                if (v != null && v.waitingRequest() != null) {
                    live.withdrawRequest(v.waitingRequest());
                }
            });
            requestRow.add(requestSpeech, requestAdVocem, requestOrder, withdraw);
            requestRow.addClassName("forum-row");
            floor.add(requestRow);
        }
        add(floor);

        Section motions = new Section(new H2(getTranslation("forum.live.motions")), motionsEmpty, motionList);
        motionList.setId("forum-motions");
        motionsEmpty.setText(getTranslation("forum.live.motions-empty"));
        if (mode == Mode.MEMBER) {
            motionText.setLabel(getTranslation("forum.live.motion-text"));
            motionText.setId("forum-motion-text");
            motionText.setWidthFull();
            motionText.setMaxLength(20_000);
            amends.setLabel(getTranslation("forum.live.amends"));
            amends.setEmptySelectionAllowed(true);
            amends.setEmptySelectionCaption(getTranslation("forum.live.amends-none"));
            amends.setId("forum-amends");
            button(submitMotion, "forum.live.submit-motion", "forum-submit-motion", () -> {
                Long item1 = state == null || state.currentItem() == null ? null : state.currentItem().id();
                if (item1 == null) {
                    throw new pl.krakow.agora.platform.AgoraException("forum.error.no-current-item");
                }
                live.submitMotion(item1, amends.getValue(), motionText.getValue(), reader);
                motionText.clear();
                amends.clear();
            });
            motionForm.add(motionText, amends, submitMotion);
            motions.add(motionForm);
        }
        add(motions);

        voteSection.setId("forum-vote");
        voteHeading.setId("forum-vote-heading");
        voteMotion.setId("forum-vote-motion");
        voteCount.setId("forum-vote-count");
        myVote.setId("forum-my-vote");
        voteSection.add(voteHeading, voteMotion, voteCount);
        if (mode == Mode.MEMBER) {
            for (Choice choice : Choice.values()) {
                Button b = new Button(getTranslation("forum.choice." + choice.name()));
                b.setId("forum-vote-" + choice.name().toLowerCase(java.util.Locale.ROOT));
                // the vote the member saw is read in the browser at the click (item 8): a click held
                // while the connection was down goes to that vote, or is refused when it has closed,
                // never to a vote opened in the meantime
                b.getElement().addEventListener("click", e -> castSeen(e.getEventData().get(SEEN_VOTE), choice))
                        .addEventData(SEEN_VOTE);
                voteButtons.add(b);
            }
            voteButtons.addClassName("forum-row");
            voteButtons.getElement().setAttribute("role", "group");
            voteButtons.getElement().setAttribute("aria-label", getTranslation("forum.live.vote-buttons"));
            myReceipt.setId("forum-my-receipt");
            voteSection.add(voteButtons, myVote, myReceipt);
        }
        add(voteSection);

        resultList.setId("forum-results");
        add(new Section(new H2(getTranslation("forum.live.results")), resultList));
        attendanceList.setId("forum-attendance");
        if (mode != Mode.PROJECTOR) {
            add(new Section(new H2(getTranslation("forum.live.attendance")), attendanceList));
        }
    }

    private static Div row(Component... components) {
        Div row = new Div(components);
        flex(row);
        return row;
    }

    private static void flex(Div row) {
        row.addClassName("forum-row");
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5rem").set("align-items", "baseline");
    }

    private void button(Button button, String key, String id, Runnable action) {
        button.setText(getTranslation(key));
        button.setId(id);
        button.addClickListener(e -> act(action));
    }

    /** Runs a service call; the new state comes through the feed, errors as a translated notice. */
    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        Runnable[] own = new Runnable[1];
        own[0] = feed.subscribe(sessionId, version -> {
            try {
                ui.access(() -> {
                    if (state == null || version > state.version()) {
                        refresh();
                    }
                });
            } catch (com.vaadin.flow.component.UIDetachedException gone) {
                // the screen's session ended without a detach (expired, closed tab): stop watching
                if (own[0] != null) {
                    own[0].run();
                }
            }
        });
        subscription = own[0];
        // what changed between building the view and subscribing is read now
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.run();
            subscription = null;
        }
    }

    void refresh() {
        LiveState s = live.state(sessionId);
        LiveState before = state;
        state = s;
        render(s, before);
    }

    private void render(LiveState s, @Nullable LiveState before) {
        Viewer viewer = mode == Mode.MEMBER ? s.viewer() : null;
        boolean openSessionNow = s.session().status() == SessionStatus.OPEN;
        heading.setText(getTranslation("forum.live.heading", s.session().number(), s.session().bodyName()));
        when.setText(getTranslation("forum.live.when",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                        .withZone(java.time.ZoneId.of("Europe/Warsaw")).format(s.session().startsAt()),
                s.session().place())
                + (s.session().remoteAllowed() ? " " + getTranslation("forum.live.remote-allowed") : ""));
        status.setText(getTranslation("forum.status." + s.session().status().name()));
        quorum.setText(getTranslation("forum.live.quorum", s.present(), s.members(), s.presentRoom(),
                s.presentRemote(), s.quorumRequired())
                + " " + getTranslation(s.quorum() ? "forum.live.quorum-met" : "forum.live.quorum-missing"));
        versionMark.setText(Long.toString(s.version()));

        if (mode == Mode.MEMBER) {
            boolean member = viewer != null;
            checkInRow.setVisible(member && openSessionNow);
            if (member) {
                myAttendance.setText(viewer.checkedIn() == null ? getTranslation("forum.live.not-checked-in")
                        : getTranslation("forum.live.checked-in." + viewer.checkedIn().name()));
                checkInRoom.setEnabled(viewer.checkedIn() != AttendanceMode.ROOM);
                checkInRemote.setVisible(s.session().remoteAllowed());
                checkInRemote.setEnabled(viewer.checkedIn() != AttendanceMode.REMOTE);
                checkOut.setEnabled(viewer.checkedIn() != null);
            }
            boolean chair = member && viewer.chairs();
            chairSection.setVisible(chair);
            if (chair) {
                openSession.setEnabled(s.session().status() == SessionStatus.PUBLISHED);
                closeSession.setEnabled(openSessionNow && s.vote() == null);
                nextSpeaker.setEnabled(openSessionNow && !s.queue().isEmpty());
                endFloor.setEnabled(openSessionNow && s.speaking() != null);
                boolean pending = s.motions().stream().anyMatch(m -> m.status() == MotionStatus.PENDING);
                openVote.setEnabled(openSessionNow && s.vote() == null && pending);
                closeVote.setEnabled(s.vote() != null);
                if (before == null) {
                    secretVote.setValue(!s.statute().openVotesByDefault());
                    majority.setValue(s.statute().defaultMajority());
                }
            }
            boolean canAct = member && openSessionNow && viewer.present() && s.currentItem() != null;
            requestRow.setVisible(canAct);
            withdraw.setEnabled(canAct && viewer.waitingRequest() != null);
            motionForm.setVisible(member && s.currentItem() != null && openSessionNow);
        }

        renderAgenda(s, viewer);
        renderItem(s);
        renderFloor(s, viewer, before);
        renderMotions(s, viewer);
        renderVote(s, viewer, before);
        renderResults(s);
        renderAttendance(s);
        stateListener.accept(s);
    }

    /** Called after each render, for the parts of a view around the board. */
    void onState(java.util.function.Consumer<LiveState> listener) {
        this.stateListener = listener;
        if (state != null) {
            listener.accept(state);
        }
    }

    private void renderAgenda(LiveState s, @Nullable Viewer viewer) {
        boolean chair = viewer != null && viewer.chairs() && s.session().status() == SessionStatus.OPEN;
        Object key = List.of(s.agenda(), chair, s.vote() == null, s.attachments());
        if (key.equals(agendaKey)) {
            return;
        }
        agendaKey = key;
        agendaList.removeAll();
        Map<ContentRef, LocalizedText> shown = texts.agenda(s.agenda(), reader);
        for (AgendaItem item : s.agenda()) {
            ListItem li = new ListItem();
            String status = " — " + getTranslation("forum.item-status." + item.status().name());
            // the status follows the title on its line, in the reader's language
            li.add(shown(shown, ForumService.itemRef(item.id()), item.title(), item.language(),
                    title -> new Span(new Span(title), uiText(status))));
            if (chair && (item.status() == ItemStatus.ACCEPTED || item.status() == ItemStatus.DONE) && s.vote() == null) {
                Button start = new Button(getTranslation("forum.chair.start-item"),
                        e -> act(() -> live.startItem(item.id())));
                start.setId("forum-start-item-" + item.id());
                start.getElement().setAttribute("aria-label", getTranslation("forum.chair.start-item-named", item.title()));
                start.addThemeVariants(ButtonVariant.LUMO_SMALL);
                li.add(new Span(" "), start);
            }
            addPapers(li, s, item);
            agendaList.add(li);
        }
    }

    private void renderItem(LiveState s) {
        AgendaItem item = s.currentItem();
        Object key = item == null ? null : List.of(item, s.attachments().getOrDefault(item.id(), List.of()));
        if (Objects.equals(key, itemKey)) {
            return;
        }
        itemKey = key;
        itemBody.removeAll();
        if (item == null) {
            itemHeading.setText(getTranslation("forum.live.no-item"));
            return;
        }
        Map<ContentRef, LocalizedText> shown = texts.agenda(List.of(item), reader);
        itemHeading.setText(getTranslation("forum.live.current-item", item.number(),
                plain(shown, ForumService.itemRef(item.id()), item.title())));
        if (!item.description().isEmpty()) {
            itemBody.add(shown(shown, ForumService.descriptionRef(item.id()), item.description(), item.language(),
                    Paragraph::new));
        }
        if (!item.rapporteur().isEmpty()) {
            itemBody.add(new Paragraph(getTranslation("forum.live.rapporteur", item.rapporteur())));
        }
        addPapers(itemBody, s, item);
    }

    /** The item's papers as download links (not on the projector, where nobody can click). */
    private void addPapers(com.vaadin.flow.component.HasComponents to, LiveState s, AgendaItem item) {
        var papers = s.attachments().getOrDefault(item.id(), List.of());
        if (!papers.isEmpty() && mode != Mode.PROJECTOR) {
            to.add(AttachmentLinks.of(this, getLocale(), papers, attachments, (li, a) -> { }));
        }
    }

    /**
     * A member's text as the reader is shown it: the translation with "show original" where one is
     * approved, else the original marked with its language (and "translation pending" when foreign).
     */
    static Component shown(Map<ContentRef, LocalizedText> shown, ContentRef ref, String original,
            String language, java.util.function.Function<String, Component> renderer) {
        LocalizedText text = shown.get(ref);
        if (text != null) {
            return TranslatedText.rendered(text, renderer);
        }
        Component plain = renderer.apply(original);
        plain.getElement().setAttribute("lang", language);
        return plain;
    }

    private Span uiText(String text) {
        Span span = new Span(text);
        span.getElement().setAttribute("lang", reader.tag());
        return span;
    }

    /** The shown string alone, for headings, announcements and one-line summaries. */
    private static String plain(Map<ContentRef, LocalizedText> shown, ContentRef ref, String original) {
        LocalizedText text = shown.get(ref);
        return text == null ? original : text.text();
    }

    private void renderFloor(LiveState s, @Nullable Viewer viewer, @Nullable LiveState before) {
        Speaker speaking = s.speaking();
        Long id = speaking == null ? null : speaking.id();
        if (!Objects.equals(id, speakingId) || before == null) {
            speakingId = id;
            if (speaking == null) {
                speakingNow.setText(getTranslation("forum.live.nobody-speaking"));
                countdown.stop();
            } else {
                speakingNow.setText(getTranslation("forum.live.speaking", speaking.name(),
                        getTranslation("forum.speech." + speaking.kind().name())));
                if (speaking.floorStartedAt() != null) {
                    countdown.start(speaking.floorStartedAt().plusSeconds(speaking.secondsAllowed()), s.serverNow(),
                            getTranslation("forum.live.time-left"), getTranslation("forum.live.over-time"));
                }
                if (before != null) {
                    polite.announce(getTranslation("forum.live.speaking", speaking.name(),
                            getTranslation("forum.speech." + speaking.kind().name())));
                }
            }
        }
        boolean chair = viewer != null && viewer.chairs() && s.session().status() == SessionStatus.OPEN;
        Object key = List.of(s.queue(), chair);
        if (key.equals(queueKey)) {
            return;
        }
        boolean announce = queueKey != null && (before == null || !before.queue().equals(s.queue()));
        queueKey = key;
        queueList.removeAll();
        queueEmpty.setVisible(s.queue().isEmpty());
        for (Speaker q : s.queue()) {
            ListItem li = new ListItem(new Span(q.name()));
            if (q.kind() != SpeechKind.SPEECH) {
                li.add(new Span(" (" + getTranslation("forum.speech." + q.kind().name())
                        + (q.priority() ? ", " + getTranslation("forum.live.priority") : "") + ")"));
            }
            if (chair) {
                Button give = new Button(getTranslation("forum.chair.give-floor"), e -> act(() -> live.giveFloor(q.id())));
                give.getElement().setAttribute("aria-label", getTranslation("forum.chair.give-floor-named", q.name()));
                give.addThemeVariants(ButtonVariant.LUMO_SMALL);
                li.add(new Span(" "), give);
                if (q.kind() != SpeechKind.SPEECH && !q.priority()) {
                    Button jump = new Button(getTranslation("forum.chair.let-jump"),
                            e -> act(() -> live.decideRequest(q.id(), true)));
                    jump.getElement().setAttribute("aria-label", getTranslation("forum.chair.let-jump-named", q.name()));
                    jump.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    Button decline = new Button(getTranslation("forum.chair.decline"),
                            e -> act(() -> live.decideRequest(q.id(), false)));
                    decline.getElement().setAttribute("aria-label", getTranslation("forum.chair.decline-named", q.name()));
                    decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    li.add(jump, decline);
                }
            }
            queueList.add(li);
        }
        if (announce) {
            polite.announce(getTranslation("forum.live.queue-changed", s.queue().size()));
        }
    }

    private void renderMotions(LiveState s, @Nullable Viewer viewer) {
        boolean chair = viewer != null && viewer.chairs() && s.session().status() == SessionStatus.OPEN;
        Object key = List.of(s.motions(), chair);
        if (key.equals(motionsKey)) {
            return;
        }
        motionsKey = key;
        motionList.removeAll();
        motionsEmpty.setVisible(s.motions().isEmpty());
        List<Motion> pending = s.motions().stream().filter(m -> m.status() == MotionStatus.PENDING).toList();
        // in the reader's language where a translation is approved, the original a click away
        Map<ContentRef, LocalizedText> shownTexts = texts.motions(s.motions(), reader);
        for (Motion m : s.motions()) {
            ListItem li = new ListItem();
            li.add(new Span(getTranslation("forum.motion-kind." + m.kind().name())
                    + (m.parentId() != null ? " #" + m.parentId() : "") + " #" + m.id() + ": "));
            li.add(shown(shownTexts, m.textRef(), m.text(), m.language(), Span::new));
            li.add(new Span(" — " + (m.author() == null ? "" : m.author() + ", ")
                    + getTranslation("forum.motion-status." + m.status().name())));
            if (chair && m.status() == MotionStatus.PENDING && pending.size() > 1) {
                Button up = new Button(getTranslation("forum.chair.earlier"), e -> act(() -> live.moveMotion(m.id(), true)));
                up.getElement().setAttribute("aria-label", getTranslation("forum.chair.earlier-named", m.id()));
                up.addThemeVariants(ButtonVariant.LUMO_SMALL);
                Button down = new Button(getTranslation("forum.chair.later"), e -> act(() -> live.moveMotion(m.id(), false)));
                down.getElement().setAttribute("aria-label", getTranslation("forum.chair.later-named", m.id()));
                down.addThemeVariants(ButtonVariant.LUMO_SMALL);
                li.add(new Span(" "), up, down);
            }
            motionList.add(li);
        }
        if (mode == Mode.MEMBER) {
            amends.setItems(pending.stream().map(Motion::id).toList());
            amends.setItemLabelGenerator(id -> id == null ? getTranslation("forum.live.amends-none") : "#" + id);
        }
    }

    private void renderVote(LiveState s, @Nullable Viewer viewer, @Nullable LiveState before) {
        Vote vote = s.vote();
        Long id = vote == null ? null : vote.id();
        String voteText = "";
        if (!Objects.equals(id, openVoteId)) {
            if (vote != null) {
                voteText = plain(texts.votes(List.of(vote), reader), vote.textRef(), vote.motionText());
            }
            if (before != null) {
                if (vote != null) {
                    assertive.announce(getTranslation("forum.live.vote-opened", voteText));
                } else if (!s.closedVotes().isEmpty()) {
                    Vote last = s.closedVotes().getLast();
                    assertive.announce(getTranslation("forum.live.vote-closed") + " "
                            + plain(texts.votes(List.of(last), reader), last.textRef(), last.motionText()) + " — "
                            + resultText(last));
                }
            }
            openVoteId = id;
            if (vote != null) {
                voteMotion.setText(getTranslation("forum.motion-kind." + vote.motionKind().name()) + ": " + voteText
                        + " (" + getTranslation("forum.majority." + vote.majority().name()) + ")");
            }
        }
        for (Component b : java.util.stream.Stream.concat(voteButtons.getChildren(), java.util.stream.Stream.of(closeVote)).toList()) {
            if (vote == null) {
                b.getElement().removeAttribute("data-vote");
            } else {
                b.getElement().setAttribute("data-vote", Long.toString(vote.id()));
            }
        }
        allowVoteButtons(viewer);
        if (vote == null) {
            voteHeading.setText(getTranslation("forum.live.no-vote"));
            voteMotion.setText("");
            voteCount.setText("");
            showVoteButtons(false);
            myVote.setText("");
            myReceipt.setText("");
            return;
        }
        voteHeading.setText(getTranslation(vote.secret() ? "forum.live.vote-open-secret" : "forum.live.vote-open-roll-call"));
        voteCount.setText(getTranslation("forum.live.votes-cast", vote.cast(), vote.membersCount()));
        boolean canVote = viewer != null && viewer.present();
        showVoteButtons(canVote);
        if (viewer != null) {
            myVote.setText(!viewer.voted() ? getTranslation("forum.live.not-voted")
                    : viewer.choice() == null ? getTranslation("forum.live.voted-secret")
                    : getTranslation("forum.live.voted", getTranslation("forum.choice." + viewer.choice().name())));
        }
        String receipt = receipts.get(vote.id());
        myReceipt.setText(receipt == null ? "" : getTranslation("forum.live.my-receipt", receipt));
    }

    /**
     * Shows or hides the vote buttons by style, not by {@code setVisible}: Vaadin ignores events of
     * invisible components, so a click made just before the vote closed (or while the connection was
     * down) and arriving after would be dropped without a word; this way it reaches {@link #castSeen}
     * and is counted or refused with a message.
     */
    private void showVoteButtons(boolean shown) {
        voteButtons.getStyle().set("display", shown ? "flex" : "none");
    }

    /** Vote buttons exist on the screen only for a member checked in: others could never use them. */
    private void allowVoteButtons(@Nullable Viewer viewer) {
        voteButtons.setVisible(viewer != null && viewer.present());
    }

    /** The id of the vote a screen showed at a click, "" when it showed none. */
    private static String seenVote(tools.jackson.databind.@Nullable JsonNode seen) {
        String id = seen == null || !seen.isString() ? "" : seen.asString();
        return id.matches("[0-9]{1,18}") ? id : "";
    }

    /** Casts the member's vote in the vote their screen showed at the click. */
    private void castSeen(tools.jackson.databind.JsonNode seen, Choice choice) {
        String id = seenVote(seen);
        act(() -> {
            if (id.isEmpty()) {
                throw new pl.krakow.agora.platform.AgoraException("forum.error.vote-closed");
            }
            long voteId = Long.parseLong(id);
            Optional<String> receipt = live.cast(voteId, choice);
            receipt.ifPresent(r -> {
                receipts.put(voteId, r);
                Notification.show(getTranslation("forum.live.receipt", r), 15000, Notification.Position.TOP_CENTER);
            });
        });
    }

    private void renderResults(LiveState s) {
        if (s.closedVotes().equals(resultsKey)) {
            return;
        }
        resultsKey = s.closedVotes();
        resultList.removeAll();
        Map<ContentRef, LocalizedText> shown = texts.votes(s.closedVotes(), reader);
        for (Vote v : s.closedVotes().reversed()) {
            ListItem li = new ListItem(new Span(getTranslation("forum.motion-kind." + v.motionKind().name()) + ": "
                    + plain(shown, v.textRef(), v.motionText()) + " — " + resultText(v)));
            if (!v.rollCall().isEmpty() && mode != Mode.PROJECTOR) {
                UnorderedList roll = new UnorderedList();
                v.rollCall().forEach(r -> roll.add(new ListItem(r.name() + ": " + getTranslation("forum.choice." + r.choice().name()))));
                li.add(roll);
            }
            if (v.secret() && mode != Mode.PROJECTOR) {
                // the published ballots and the receipt check (the projector in the room shows results only)
                Anchor ballots = new Anchor(VoteBallotsView.path(v.id()), getTranslation("forum.ballots.link"));
                ballots.getElement().setAttribute("aria-label", getTranslation("forum.ballots.link-named", v.motionText()));
                li.add(new Span(" "), ballots);
                String receipt = receipts.get(v.id());
                if (receipt != null) {
                    li.add(new Paragraph(getTranslation("forum.live.my-receipt", receipt)));
                }
            }
            resultList.add(li);
        }
    }

    private String resultText(Vote v) {
        String totals = getTranslation("forum.live.totals", v.yes(), v.no(), v.abstain());
        String outcome = Boolean.FALSE.equals(v.quorumMet()) ? getTranslation("forum.live.no-quorum-result")
                : getTranslation(Boolean.TRUE.equals(v.adopted()) ? "forum.live.adopted" : "forum.live.rejected");
        return totals + " " + outcome + (v.secret() ? " " + getTranslation("forum.live.secret-note") : "");
    }

    private void renderAttendance(LiveState s) {
        if (s.attendance().equals(attendanceKey)) {
            return;
        }
        attendanceKey = s.attendance();
        attendanceList.removeAll();
        s.attendance().forEach(a -> attendanceList.add(new ListItem(a.name() + " ("
                + getTranslation("forum.role." + a.role().name()) + "): "
                + (a.mode() == null ? getTranslation("forum.live.absent") : getTranslation("forum.mode." + a.mode().name())))));
    }

    /** For views that want the last state (title). */
    @Nullable LiveState state() {
        return state;
    }
}
