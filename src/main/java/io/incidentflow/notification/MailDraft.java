package io.incidentflow.notification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A mail being written for a {@link Reader}: the values its templates see, and its attachments. */
public final class MailDraft {

  /** A file attached to the mail. */
  public record Attachment(String fileName, byte[] content, String contentType) {
  }

  private final Map<String, Object> model;
  private final Reader reader;
  private final List<Attachment> attachments = new ArrayList<>();

  MailDraft(Map<String, Object> model, Reader reader) {
    this.model = model;
    this.reader = reader;
  }

  /** Whom the mail is written for: what a feature adds for the staff (a closure record) is not for the caller. */
  public Reader reader() {
    return reader;
  }

  /** A value the templates see as {@code ${name}}. */
  public void put(String name, Object value) {
    model.put(name, value);
  }

  /** Attaches a file. */
  public void attach(String fileName, byte[] content, String contentType) {
    attachments.add(new Attachment(fileName, content, contentType));
  }

  Map<String, Object> model() {
    return model;
  }

  List<Attachment> attachments() {
    return Collections.unmodifiableList(attachments);
  }
}
