package io.incidentflow.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the application's API ({@code incident-flow.api.*}): the machine clients and their bearer
 * tokens, and the largest request body it reads.
 */
@Component
@Validated
@ConfigurationProperties(prefix = "incident-flow.api")
public class ApiSettings {

  /** A body larger than this is refused with 413 before it is parsed. */
  @NotNull
  private DataSize maxRequestSize = DataSize.ofMegabytes(1);

  /** Machine clients (Alertmanager, a service portal), each with its token and the groups it acts in. None by default. */
  @Valid
  private List<Token> tokens = new ArrayList<>();

  public DataSize getMaxRequestSize() {
    return maxRequestSize;
  }

  public void setMaxRequestSize(DataSize maxRequestSize) {
    this.maxRequestSize = maxRequestSize;
  }

  public List<Token> getTokens() {
    return tokens;
  }

  public void setTokens(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * A machine client: it sends {@code Authorization: Bearer <token>} and is authorized as a member of
   * {@code groups} (e.g. {@code monitoring} for Alertmanager, {@code service-desk} for a portal).
   */
  public static class Token {

    /** Who the client is, as comments and logs name it, e.g. {@code alertmanager}. */
    @NotBlank
    private String name;

    /** The secret; long and random (e.g. {@code openssl rand -hex 32}). */
    @NotBlank
    @Size(min = 16, message = "must have at least 16 characters")
    private String token;

    @NotEmpty
    private List<String> groups = new ArrayList<>();

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getToken() {
      return token;
    }

    public void setToken(String token) {
      this.token = token;
    }

    public List<String> getGroups() {
      return groups;
    }

    public void setGroups(List<String> groups) {
      this.groups = groups;
    }
  }
}
