package pl.krakow.agora.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.AgoraWebTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public read API over real HTTP, as an anonymous client sees it. */
@AgoraIntegrationTest
class RecommendationApiIT extends AgoraWebTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theListHasEveryPublicRecommendationWithTheDocumentedFields() throws Exception {
        HttpResponse<String> response = get("/api/v1/recommendations");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("application/json");
        JsonNode list = json.readTree(response.body());
        assertThat(list.size()).isGreaterThanOrEqualTo(232);
        JsonNode first = list.get(0);
        for (String field : new String[] {"id", "chapter", "section", "title", "text", "status", "responsibleUnits",
                "commentCount", "language"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("id").asString()).isEqualTo("2.1");
        assertThat(first.get("language").asString()).isEqualTo("pl");
    }

    @Test
    void searchFiltersAndLanguageWorkThroughTheQueryString() throws Exception {
        JsonNode found = json.readTree(get("/api/v1/recommendations?q=tlumaczenie").body());
        assertThat(found.size()).isPositive();
        JsonNode english = json.readTree(get("/api/v1/recommendations?chapter=7&lang=en").body());
        assertThat(english.size()).isEqualTo(66);
        assertThat(english.get(0).get("language").asString()).isEqualTo("en");
        assertThat(english.get(0).get("translation").asString()).isEqualTo("project-team-pending-review");
        assertThat(english.get(0).get("originalTitle").asString()).isEqualTo("Administracja publiczna");
        JsonNode accept = json.readTree(get("/api/v1/recommendations/7.1?", "Accept-Language", "en-GB,en;q=0.8").body());
        assertThat(accept.get("title").asString()).isEqualTo("Public administration");
        String unit = URLEncoder.encode("Straż Miejska", StandardCharsets.UTF_8);
        JsonNode byUnit = json.readTree(get("/api/v1/recommendations?unit=" + unit).body());
        assertThat(byUnit.size()).isPositive();
        byUnit.forEach(r -> assertThat(r.get("responsibleUnits").toString()).contains("Straż Miejska"));
    }

    @Test
    void oneRecommendationComesWithItsItemsAndHistory() throws Exception {
        HttpResponse<String> response = get("/api/v1/recommendations/7.1.6");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode one = json.readTree(response.body());
        assertThat(one.get("id").asString()).isEqualTo("7.1.6");
        assertThat(one.get("chapter").asInt()).isEqualTo(7);
        assertThat(one.get("title").asString()).isEqualTo("Wspieranie Komunikacji");
        assertThat(one.get("items").toString()).contains("7.1.6-1", "7.1.6-3");
        assertThat(one.get("history").get(0).get("to").asString()).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void unknownIdsAndBadFiltersGetClearAnswersWithoutStackTraces() throws Exception {
        HttpResponse<String> missing = get("/api/v1/recommendations/99.99");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("not-found").doesNotContain("Exception", "at pl.");
        HttpResponse<String> bad = get("/api/v1/recommendations?status=NONSENSE");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bad-filter");
        assertThat(get("/api/v1/recommendations?limit=0").statusCode()).isEqualTo(400);
        assertThat(json.readTree(get("/api/v1/recommendations?status=PROPOSED").body()).size()).isZero();
    }

    @Test
    void theApiIsDescribedByOpenApiAtApiDocs() throws Exception {
        HttpResponse<String> docs = get("/api/docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode openApi = json.readTree(docs.body());
        assertThat(openApi.get("openapi").asString()).startsWith("3.");
        assertThat(openApi.get("paths").has("/api/v1/recommendations")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/recommendations/{id}")).isTrue();
        assertThat(get("/api/docs/ui").statusCode()).isIn(200, 302);
    }
}
