package io.incidentflow.mailin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A reply keeps what the caller wrote now; every common form of quoted history is cut off. */
class QuotedHistoryTest {

  private static final String NEW = "It works again since the restart.\nThanks!";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "On Thu, 3 Dec 2026 at 09:12, Incident Flow <service-desk@incidentflow.example> wrote:\nWe need information.",
      "On Thu, 3 Dec 2026 at 09:12, Incident Flow\n<service-desk@incidentflow.example> wrote:\nWe need information.",
      "Am Do., 3. Dez. 2026 um 09:12 Uhr schrieb Incident Flow <service-desk@incidentflow.example>:\nText",
      "-----Original Message-----\nFrom: Incident Flow\nSent: Thursday\nSubject: [INC0000001]\nText",
      "From: Incident Flow <service-desk@incidentflow.example>\nSent: Thursday, December 3, 2026 09:12\n"
          + "To: Jane Doe\nSubject: [INC0000001] We need information\nText",
      "________________________________\nFrom: Incident Flow <service-desk@incidentflow.example>\nText",
      "> We need information.\n> Which version?"
  })
  void cutsTheQuotedHistory(String history) {
    assertThat(QuotedHistory.cut(NEW + "\n\n" + history)).isEqualTo(NEW);
  }

  @Test
  void dropsQuotedLinesBetweenTheCallersOwn() {
    assertThat(QuotedHistory.cut("> Which version?\n5.2\n> Which system?\nWindows 11")).isEqualTo("5.2\nWindows 11");
  }

  @Test
  void keepsAMessageWithoutHistory_asItIs() {
    assertThat(QuotedHistory.cut("From: the 3rd floor\nOn Monday it failed twice.")).isEqualTo(
        "From: the 3rd floor\nOn Monday it failed twice.");
  }
}
