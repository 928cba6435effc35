package io.incidentflow.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api} that springdoc generates from the controllers (at
 * {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): what it is and how clients log in.
 */
@Configuration
@OpenAPIDefinition(
    info = @Info(title = "Incident Flow API", version = "1",
        description = "Report incidents, follow them up, answer their resolution, and receive Prometheus"
            + " Alertmanager alerts. Errors answer {\"status\", \"error\", \"fields\": [{\"field\", \"message\"}]}."),
    security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
    description = "People: a Tasklist user and password")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "Machine clients: a token from incident-flow.api.tokens")
public class ApiDocumentation {
}
