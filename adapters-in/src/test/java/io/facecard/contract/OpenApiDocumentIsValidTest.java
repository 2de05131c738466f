package io.facecard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The published document as a maintained OpenAPI parser (swagger-parser) reads it: no error, no warning. */
class OpenApiDocumentIsValidTest {
    @Test
    void swaggerParserReadsTheContractWithoutAMessage() throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(60);
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("Payment", "TenderDraft", "Condition");
    }
}
