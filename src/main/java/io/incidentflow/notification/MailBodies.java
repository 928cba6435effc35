package io.incidentflow.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** Finds the plain-text and the HTML body in a received multipart mail. */
public final class MailBodies {

  private MailBodies() {
  }

  /** The text/plain body, or null. */
  public static String text(Part message) throws MessagingException, IOException {
    return find(message, "text/plain");
  }

  /** The text/html body, or null. */
  public static String html(Part message) throws MessagingException, IOException {
    return find(message, "text/html");
  }

  private static String find(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = find(body, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
