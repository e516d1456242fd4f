package io.j2o.cli.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.cli.validate.PreflightCheck.Verdict;
import io.j2o.transformer.rules.WorkPackageCustomField;
import io.j2o.transformer.rules.WorkPackageCustomField.Format;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "Jira {0}/{1} -> {2} multi={3}: {4}")
    @CsvSource({
            // type,   items,     format,  multi, verdict, words in the message
            "string,   ,          STRING,  false, OK,   Jira string -> OpenProject String",
            "string,   ,          TEXT,    false, OK,   Formattable",
            "string,   ,          LINK,    false, OK,   Link",
            "number,   ,          FLOAT,   false, OK,   Float",
            "number,   ,          INT,     false, WARN, fraction is parked",
            "number,   ,          STRING,  false, WARN, written as one text",
            "number,   ,          DATE,    false, FAIL, map it to a float or integer field",
            "date,     ,          DATE,    false, OK,   Date",
            "datetime, ,          DATE,    false, WARN, time of day is dropped",
            "option,   ,          LIST,    false, OK,   CustomOption",
            "array,    option,    LIST,    true,  OK,   several values",
            "array,    option,    LIST,    false, WARN, takes one value",
            "array,    string,    LIST,    true,  WARN, must exist as an option",
            "array,    string,    TEXT,    false, WARN, written as one text",
            "array,    component, LIST,    true,  WARN, must exist as an option",
            "user,     ,          USER,    false, OK,   User",
            "user,     ,          STRING,  false, WARN, written as one text",
            "array,    user,      USER,    true,  OK,   several values",
            "array,    user,      USER,    false, WARN, takes one value",
            "user,     ,          LIST,    false, FAIL, map it to a user field",
            "version,  ,          VERSION, false, OK,   Version",
            "array,    version,   INT,     false, FAIL, map it to a version field",
            "option,   ,          BOOL,    false, FAIL, list field",
    })
    void judgesEachPairTheWayTheRulesConvertIt(String type, String items, Format format, boolean multi,
                                               Verdict verdict, String words) {
        PreflightCheck check = FieldCompatibility.check("mapping.customFields", "customfield_1 -> customField7",
                schema(type, items), new WorkPackageCustomField("customField7", "Target", format, multi, Map.of()));

        assertThat(check.verdict()).isEqualTo(verdict);
        assertThat(check.message()).startsWith("customfield_1 -> customField7").contains(words.strip());
        assertThat(check.area()).isEqualTo("mapping.customFields");
    }

    private static JsonNode schema(String type, String items) {
        var schema = JSON.createObjectNode().put("type", type.strip());
        if (items != null) {
            schema.put("items", items.strip());
        }
        return schema;
    }
}
