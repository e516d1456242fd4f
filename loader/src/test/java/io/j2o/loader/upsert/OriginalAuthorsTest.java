package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.j2o.loader.LoaderConfig;
import io.j2o.schemas.topics.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OriginalAuthorsTest {

    private static final LoaderConfig CONFIG = new LoaderConfig("localhost:9092", "g", Topics.defaults(),
            "http://op.example", "key", "customField1", 1, 3, Map.of());

    @Test
    void loaderConfigTriesTheOriginalAuthorsByDefaultAndSaysSo() {
        assertThat(CONFIG.originalAuthors()).isEqualTo(OriginalAuthors.AUTO);
        assertThat(CONFIG.withOriginalAuthors(OriginalAuthors.NEVER).toString()).contains("originalAuthors=NEVER");
        assertThat(CONFIG.withOriginalAuthors(OriginalAuthors.NEVER).withJira(null).originalAuthors())
                .as("kept when Jira credentials are added").isEqualTo(OriginalAuthors.NEVER);
    }

    @Test
    void theSettingReadsInAnyCaseAndAnUnknownValueNamesTheKey() {
        assertThat(OriginalAuthors.parse(" Always")).isEqualTo(OriginalAuthors.ALWAYS);
        assertThatThrownBy(() -> OriginalAuthors.parse("sometimes"))
                .hasMessage("loader.originalAuthors: must be auto, always or never, was sometimes");
        assertThatThrownBy(() -> CONFIG.withOriginalAuthors(null)).hasMessageContaining("loader.originalAuthors");
    }
}
