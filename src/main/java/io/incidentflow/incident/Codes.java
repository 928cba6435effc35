package io.incidentflow.incident;

/**
 * The value sets of DESIGN.md. Each constant's value is its name in lower case with hyphens
 * ({@code SERVICE_DESK} is {@code service-desk}), exactly what the forms and DMN tables use.
 */
public final class Codes {

  private Codes() {
  }

  /** Impact and urgency share one scale. */
  public enum Level implements CodeList {
    HIGH, MEDIUM, LOW;
  }

  /** How the incident reached the service desk. */
  public enum Channel implements CodeList {
    PORTAL, PHONE, EMAIL, CHAT, MONITORING;
  }

  /** The demo service catalog. */
  public enum AffectedService implements CodeList {
    EMAIL, VPN, NETWORK, ERP, CRM, WEBSITE, DATABASE, WORKSTATION, PRINTING, IDENTITY, OTHER;
  }

  /** Categories that IncidentCategorization decides and triage may correct. */
  public enum Category implements CodeList {
    SECURITY, NETWORK, SOFTWARE, DATABASE, HARDWARE, ACCESS, MONITORING, INQUIRY;
  }

  /** The groups an incident can be assigned to. */
  public enum SupportGroup implements CodeList {
    SERVICE_DESK, NETWORK_SUPPORT, APPLICATION_SUPPORT, DATABASE_SUPPORT, WORKPLACE_SUPPORT, SECURITY_OPERATIONS;
  }

  /** How an incident was resolved. */
  public enum ResolutionCode implements CodeList {
    FIXED, WORKAROUND, CONFIGURATION_CHANGE, HARDWARE_REPLACED, USER_TRAINING, NO_FAULT_FOUND, DUPLICATE;
  }

  /** Why work on an incident waits. */
  public enum OnHoldReason implements CodeList {
    AWAITING_CALLER, AWAITING_VENDOR, AWAITING_CHANGE, AWAITING_PROBLEM;
  }

  /** What service-desk decides at triage. */
  public enum TriageDecision implements CodeList {
    ROUTE, RESOLVE, CANCEL;
  }

  /** How an investigation ends. */
  public enum InvestigationOutcome implements CodeList {
    RESOLVED, ON_HOLD, REASSIGN;
  }
}
