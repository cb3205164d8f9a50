package org.backstrat.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document served at /openapi.json validates with swagger-parser, its example body is
 * accepted, and its Person schema lists exactly the fields the server reads.
 */
class OpenApiTest {

  @Test
  void theServedDocumentValidatesAndMatchesTheServer(@TempDir Path dir) throws Exception {
    try (TestServer s = new TestServer(dir)) {
      HttpResponse<String> doc = s.get("/openapi.json");
      assertThat(doc.statusCode()).isEqualTo(200);
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      SwaggerParseResult parsed = new OpenAPIParser().readContents(doc.body(), null, options);
      assertThat(parsed.getMessages()).as("swagger-parser messages").isEmpty();
      OpenAPI api = parsed.getOpenAPI();
      assertThat(api.getOpenapi()).isEqualTo("3.0.3");
      assertThat(api.getPaths()).containsKeys("/api/v1/assessments", "/openapi.json",
          "/fhir/QuestionnaireResponse/$assess");

      @SuppressWarnings("unchecked")
      Map<String, Object> properties = api.getComponents().getSchemas().get("Person")
          .getProperties();
      assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(Pages.fieldNames());

      Object example = api.getPaths().get("/api/v1/assessments").getPost().getRequestBody()
          .getContent().get("application/json").getExample();
      String body = PersonJson.JSON.writeValueAsString(example);
      HttpResponse<String> r = s.postJson(body);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      for (String path : api.getPaths().keySet()) {
        if (!path.contains("{") && api.getPaths().get(path).getGet() != null) {
          assertThat(s.get(path).statusCode()).as(path).isEqualTo(200);
        }
      }
    }
  }
}
