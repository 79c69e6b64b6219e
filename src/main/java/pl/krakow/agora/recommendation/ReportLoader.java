package pl.krakow.agora.recommendation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.recommendation.ReportData.Text;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.Translations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the reviewed data file of the report into the catalogue, once: the row in
 * {@code recommendation_dataset} is inserted in the same transaction as the content, so a
 * second node or a restart sees it and loads nothing, and a failure leaves nothing half-loaded.
 * Every recommendation starts UNDER_REVIEW: the report makes recommendations, the city has not yet
 * answered them. Polish is the original; the project team's English goes in as a translation
 * pending review (issue 5, item 2), and Ukrainian and Russian tasks open for translators.
 */
@Component
class ReportLoader {

    static final String DATASET = "report-2023";
    static final String RESOURCE = "recommendation/report-2023.json";
    private static final Logger log = LoggerFactory.getLogger(ReportLoader.class);

    private final JdbcClient jdbc;
    private final RecommendationRepository recommendations;
    private final StatusChangeRepository history;
    private final Translations translations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReportLoader(JdbcClient jdbc, RecommendationRepository recommendations, StatusChangeRepository history,
            Translations translations, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.recommendations = recommendations;
        this.history = history;
        this.translations = translations;
        this.transactions = transactions;
        this.clock = clock;
    }

    static ReportData read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, ReportData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static String checksum() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnStart() {
        transactions.executeWithoutResult(status -> load());
    }

    /** @return whether the report was loaded now (false when it already was) */
    boolean load() {
        String checksum = checksum();
        Instant now = clock.instant();
        int claimed = jdbc.sql("INSERT IGNORE INTO recommendation_dataset (name, checksum, loaded_at) VALUES (:n, :c, :t)")
                .param("n", DATASET).param("c", checksum).param("t", Timestamp.from(now)).update();
        if (claimed == 0) {
            String loaded = jdbc.sql("SELECT checksum FROM recommendation_dataset WHERE name = :n").param("n", DATASET)
                    .query(String.class).single();
            if (!loaded.equals(checksum)) {
                log.warn("{} changed since it was loaded; the catalogue keeps the loaded version (changes to the "
                        + "report need a migration of their own)", RESOURCE);
            }
            return false;
        }
        ReportData report = read();
        long started = System.nanoTime();
        int position = 0;
        documentPart("title", position++, report.reportTitle());
        documentPart("introduction", position++, report.introduction());
        documentPart("workflow", position++, report.workflow().text());
        for (ReportData.Footnote footnote : report.footnotes()) {
            documentPart("footnote-" + footnote.number(), position++, new Text(footnote.pl(), footnote.en()));
        }
        jdbc.sql("INSERT INTO recommendation_document_part (part_key, position, text) VALUES ('city-units', :p, :t)")
                .param("p", position++).param("t", String.join("\n", report.cityUnits())).update();
        int count = 0;
        for (ReportData.Chapter chapter : report.chapters()) {
            jdbc.sql("INSERT INTO recommendation_chapter (number, title, intro) VALUES (:n, :t, :i)")
                    .param("n", chapter.number()).param("t", chapter.title().pl()).param("i", chapter.text().pl())
                    .update();
            translate(LocalizedTexts.ref("chapter-title", String.valueOf(chapter.number())), chapter.title());
            translate(LocalizedTexts.ref("chapter-text", String.valueOf(chapter.number())), chapter.text());
            for (ReportData.Section section : chapter.sections()) {
                add(section.number(), RecommendationKind.SECTION, chapter.number(), section.number(), position++,
                        section.title(), section.text(), section.responsibleUnits(), section.targetGroups(), now);
                count++;
                int n = 0;
                for (ReportData.Item item : section.items()) {
                    add(section.number() + "-" + (++n), RecommendationKind.ITEM, chapter.number(), section.number(),
                            position++, item.title(), item.text(), item.responsibleUnits(), item.targetGroups(), now);
                    count++;
                }
            }
        }
        log.info("Loaded {} recommendations of {} in {} ms", count, DATASET, (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private void documentPart(String key, int position, Text text) {
        jdbc.sql("INSERT INTO recommendation_document_part (part_key, position, text) VALUES (:k, :p, :t)")
                .param("k", key).param("p", position).param("t", text.pl()).update();
        translate(LocalizedTexts.ref("document", key), text);
    }

    private void add(String code, RecommendationKind kind, int chapter, String section, int position, Text title,
            Text text, @Nullable List<String> units, @Nullable List<String> groups, Instant now) {
        Recommendation r = new Recommendation(code, kind, chapter, section, position, title.pl(), text.pl(), "pl",
                WorkflowStatus.UNDER_REVIEW, null, now);
        Set<TargetGroup> targetGroups = EnumSet.noneOf(TargetGroup.class);
        if (groups != null) {
            groups.forEach(g -> targetGroups.add(TargetGroup.valueOf(g)));
        }
        r.tag(units == null ? List.of() : units, targetGroups);
        r.indexFor(title.pl(), text.pl(), title.en(), text.en());
        recommendations.save(r);
        history.save(new StatusChangeEntry(r.id(), null, WorkflowStatus.UNDER_REVIEW, "", null, "report", now));
        translate(LocalizedTexts.ref("title", code), title);
        translate(LocalizedTexts.ref("text", code), text);
    }

    private void translate(ContentRef content, Text text) {
        if (!text.isEmpty()) {
            translations.registerOriginal(content, text.pl(), "pl",
                    text.en() == null || text.en().isBlank() ? Map.of() : Map.of("en", text.en()));
        }
    }
}
