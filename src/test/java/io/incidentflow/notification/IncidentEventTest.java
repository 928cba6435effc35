package io.incidentflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Which text each reader of an event gets: the caller never one written for the staff. */
class IncidentEventTest {

  @Test
  void anEventToldToBoth_hasATextForEach() {
    assertThat(IncidentEvent.CLOSED.template(Reader.CALLER)).isEqualTo("closed");
    assertThat(IncidentEvent.CLOSED.template(Reader.STAFF)).isEqualTo("closed-staff");
  }

  @Test
  void anEventToldToOne_hasNoTextForTheOther() {
    assertThat(IncidentEvent.RESOLVED.template(Reader.CALLER)).isEqualTo("resolved");
    assertThat(IncidentEvent.RESOLVED.template(Reader.STAFF)).isNull();
    assertThat(IncidentEvent.RESPONSE_BREACHED.template(Reader.STAFF)).isEqualTo("sla-threshold");
    assertThat(IncidentEvent.ROUTED.template(Reader.CALLER)).as("no staff text for a caller").isNull();
  }

  @Test
  void everyTextOfEveryEvent_hasItsTwoTemplates() {
    for (IncidentEvent event : IncidentEvent.values()) {
      for (Reader reader : Reader.values()) {
        String template = event.template(reader);
        if (template != null) {
          assertThat(new ClassPathResource("templates/mail/" + template + ".html").exists()).as(template + ".html").isTrue();
          assertThat(new ClassPathResource("templates/mail/" + template + ".txt").exists()).as(template + ".txt").isTrue();
        }
      }
    }
  }
}
