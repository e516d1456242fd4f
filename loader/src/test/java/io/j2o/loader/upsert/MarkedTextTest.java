package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.markers.TextMarker;
import org.junit.jupiter.api.Test;

class MarkedTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsTheActivityWhoseTextEndsWithTheMarker() throws Exception {
        JsonNode activities = collection(
                activity(3, ""),
                activity(4, "*By Ann*\\n\\nfirst\\n\\n<!-- j2o:comment:100 -->"),
                activity(5, "*By Bob*\\n\\nsecond\\n\\n<!-- j2o:comment:101 -->\\n"));

        assertThat(MarkedText.find(activities.path("_embedded").path("elements"), TextMarker.COMMENT, "101")).map(a -> a.path("id").asInt()).contains(5);
        assertThat(MarkedText.find(activities.path("_embedded").path("elements"), TextMarker.COMMENT, "100")).map(a -> a.path("id").asInt()).contains(4);
        assertThat(MarkedText.find(activities.path("_embedded").path("elements"), TextMarker.COMMENT, "10")).as("ids match whole, not by prefix").isEmpty();
    }

    @Test
    void markerQuotedInsideSomeoneElsesTextIsNoMatch() throws Exception {
        JsonNode activities = collection(activity(4, "copied <!-- j2o:comment:100 --> by hand\\n\\nmore"));

        assertThat(MarkedText.find(activities.path("_embedded").path("elements"), TextMarker.COMMENT, "100")).isEmpty();
    }

    @Test
    void commentMarkerIsNoWorklogMarker() throws Exception {
        JsonNode activities = collection(activity(4, "a\\n\\n<!-- j2o:comment:100 -->"));

        assertThat(MarkedText.find(activities.path("_embedded").path("elements"), TextMarker.WORKLOG, "100")).isEmpty();
    }

    @Test
    void severalMarkedCopiesResolveToTheOldest() throws Exception {
        JsonNode activities = collection(activity(9, "b\\n\\n<!-- j2o:comment:100 -->"), activity(7, "a\\n\\n<!-- j2o:comment:100 -->"));

        assertThat(MarkedText.find(activities.path("_embedded").path("elements"), TextMarker.COMMENT, "100")).map(a -> a.path("id").asInt()).contains(7);
    }

    private static JsonNode collection(String... elements) throws Exception {
        return JSON.readTree("{\"_type\":\"Collection\",\"total\":" + elements.length + ",\"_embedded\":{\"elements\":["
                + String.join(",", elements) + "]}}");
    }

    private static String activity(int id, String raw) {
        return "{\"_type\":\"" + (raw.isEmpty() ? "Activity" : "Activity::Comment") + "\",\"id\":" + id
                + ",\"comment\":{\"format\":\"markdown\",\"raw\":\"" + raw + "\"},"
                + "\"_links\":{\"self\":{\"href\":\"/api/v3/activities/" + id + "\"}}}";
    }
}
