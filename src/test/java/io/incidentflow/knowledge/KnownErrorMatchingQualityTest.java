package io.incidentflow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.DecisionTables;
import io.incidentflow.knowledge.KnowledgeArticles.Candidate;
import io.incidentflow.knowledge.KnownErrorMatcher.Match;
import io.incidentflow.knowledge.KnownErrorMatcher.Weights;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How good the first suggestion is: a small catalogue of known errors and incident texts as callers write them,
 * each with the known error a problem manager would point to (or none). The top suggestion must be right for at
 * least 90 % of them, with the weights of {@code dmn/KnownErrorMatching.dmn} and the prefilter of
 * {@link KnowledgeArticles#knownErrorsFor} (same service or same category; a word in common, as scoring requires).
 */
class KnownErrorMatchingQualityTest {

  private static DmnDecision decision;

  record Known(String number, String service, String category, String title, String symptom, String workaround) {
  }

  record Case(String service, String category, String text, String expected) {
  }

  static final List<Known> KNOWN_ERRORS = List.of(
      new Known("PRB0000101", "vpn", "network", "VPN tunnel drops every hour",
          "The VPN client disconnects about every hour from home; reconnecting works for a while",
          "Switch the VPN client to the TCP profile"),
      new Known("PRB0000102", "vpn", "access", "VPN login rejected after password change",
          "VPN login fails with 'credentials rejected' right after the password was changed",
          "Wait 15 minutes for the directory to sync, or log in once on the intranet"),
      new Known("PRB0000103", "email", "software", "Outlook search finds no recent mails",
          "Searching in Outlook returns nothing newer than a few days; the index is stuck",
          "Rebuild the search index from the indexing options"),
      new Known("PRB0000104", "email", "software", "Shared mailbox does not show in Outlook",
          "A shared mailbox added last week is missing from the Outlook folder list",
          "Add the shared mailbox by hand under account settings"),
      new Known("PRB0000105", "printing", "hardware", "Third floor printer jams with duplex",
          "The printer on the third floor jams when printing double-sided",
          "Print single-sided or use the second floor printer"),
      new Known("PRB0000106", "erp", "software", "ERP invoice export times out",
          "Exporting invoices from the ERP to PDF times out for months with many invoices",
          "Export one week at a time"),
      new Known("PRB0000107", "erp", "access", "ERP session expires after five minutes",
          "ERP logs users out after five minutes of inactivity and unsaved orders are lost",
          "Save drafts often; the session timeout fix is in change CHG0000123"),
      new Known("PRB0000108", "website", "software", "Website contact form shows error 500",
          "Submitting the contact form on the public website answers error 500",
          "Customers can mail sales directly until the fix"),
      new Known("PRB0000109", "workstation", "hardware", "Docking station loses external monitors",
          "After waking from sleep, laptops on the new docking stations do not show the external monitors",
          "Unplug and replug the dock's USB-C cable"),
      new Known("PRB0000110", "identity", "access", "Password reset mail never arrives",
          "The self-service password reset mail does not arrive for external accounts",
          "The service desk resets the password by phone after checking identity"));

  static final List<Case> CASES = List.of(
      new Case("vpn", "network", "VPN keeps disconnecting every hour when working from home", "PRB0000101"),
      new Case("vpn", "network", "my vpn drops out, have to reconnect the client again and again", "PRB0000101"),
      new Case("vpn", "access", "Changed my password this morning and now VPN login rejected", "PRB0000102"),
      new Case("email", "software", "Outlook search does not find mails from this week", "PRB0000103"),
      new Case("email", "software", "Cannot see the shared mailbox of the sales team in Outlook", "PRB0000104"),
      new Case("printing", "hardware", "Printer third floor paper jam every time I print double sided", "PRB0000105"),
      new Case("erp", "software", "Invoice export to PDF from ERP runs into a timeout", "PRB0000106"),
      new Case("erp", "access", "ERP logged me out after a few minutes and my order was lost", "PRB0000107"),
      new Case("website", "software", "Contact form on our website gives error 500 to customers", "PRB0000108"),
      new Case("workstation", "hardware", "External monitors stay black after the laptop wakes up in the dock",
          "PRB0000109"),
      new Case("identity", "access", "Password reset mail does not arrive for our external partner", "PRB0000110"),
      new Case("crm", "software", "CRM shows wrong currency on quotes", null),
      new Case("printing", "hardware", "Toner empty on the printer in room 2.14", null),
      new Case("other", "software", "Outlook search broken, finds no recent mail at all", "PRB0000103"));

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse(KnownErrorMatcher.DECISION);
  }

  @Test
  void theTopSuggestionIsRight_forAtLeast90PercentOfTheIncidents() {
    List<String> wrong = new ArrayList<>();
    for (Case incident : CASES) {
      List<Match> matches = match(incident);
      String top = matches.isEmpty() ? null : matches.get(0).problemNumber();
      if (!java.util.Objects.equals(top, incident.expected())) {
        wrong.add(incident.text() + " -> " + top + " (expected " + incident.expected() + ")");
      }
    }
    double precision = 1.0 - (double) wrong.size() / CASES.size();

    assertThat(precision).as("precision of the top suggestion; wrong: %s", wrong).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void aKnownErrorWithoutASharedWord_isNeverSuggested() {
    assertThat(match(new Case("vpn", "network", "Completely unrelated text about coffee machines", null))).isEmpty();
  }

  private static List<Match> match(Case incident) {
    Map<String, Object> result = DecisionTables.ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("affectedService", incident.service()).putValue("category", incident.category()))
        .getSingleResult().getEntryMap();
    Weights weights = new Weights((Double) result.get("serviceWeight"), (Double) result.get("categoryWeight"),
        (Double) result.get("wordWeight"), (Double) result.get("minimumScore"),
        ((Number) result.get("maxSuggestions")).intValue());
    List<Candidate> candidates = KNOWN_ERRORS.stream()
        .filter(known -> (weights.service() > 0 && known.service().equals(incident.service()))
            || known.category().equals(incident.category()))
        .map(known -> new Candidate(new KnowledgeArticle(KnowledgeArticle.KNOWN_ERROR, known.number(), known.title(),
            known.symptom(), null, known.workaround(), List.of(known.service()), known.category(), true, "pete",
            Instant.EPOCH), Words.of(known.title() + " " + known.symptom() + " " + known.workaround()),
            known.service().equals(incident.service()), known.category().equals(incident.category())))
        .toList();
    return KnownErrorMatcher.rank(candidates, Words.of(incident.text()), weights);
  }
}
