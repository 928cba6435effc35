package io.incidentflow.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the application's API ({@code incident-flow.api.*}).
 *
 * @param maxRequestSize a larger body is refused with 413 before it is parsed
 * @param tokens machine clients (Alertmanager, a service portal), each with its token and the groups it acts in;
 *     none by default
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.api")
public record ApiSettings(@NotNull @DefaultValue("1MB") DataSize maxRequestSize, @Valid @DefaultValue List<Token> tokens) {

  /**
   * A machine client: it sends {@code Authorization: Bearer <token>} and is authorized as a member of
   * {@code groups} (e.g. {@code monitoring} for Alertmanager, {@code service-desk} for a portal).
   *
   * @param name who the client is, as comments and logs name it, e.g. {@code alertmanager}
   * @param token the secret; long and random (e.g. {@code openssl rand -hex 32})
   * @param groups the groups it acts in
   */
  public record Token(@NotBlank String name,
      @NotBlank @Size(min = 16, message = "must have at least 16 characters") String token,
      @NotEmpty List<String> groups) {
  }
}
