package io.incidentflow.mailin;

import java.util.List;

/**
 * One mail of the service desk's mailbox as Mail in reads it.
 *
 * @param messageId its Message-ID, or a stable one made from a hash of the mail when it has none
 * @param sender the From address; null when there is none that can be read
 * @param senderName the From name, or the address's local part
 * @param subject the subject, one line ({@code ""} when there is none)
 * @param threadIds the Message-IDs of {@code In-Reply-To} and {@code References}: what it answers
 * @param importance {@code high}, {@code normal} or {@code low}, from {@code Importance}, {@code X-Priority} or
 *     {@code Priority}
 * @param text what the sender wrote: the plain text, or the HTML reduced to text, quoted history cut off
 * @param attachments its files
 * @param ignoredBecause why it is mail that answers itself (an auto-reply, a bounce, our own mail); null for a
 *     person's mail
 * @param rejectedBecause why it cannot be taken (no sender, too large, unreadable); null when it can
 */
record IncomingMail(String messageId, String sender, String senderName, String subject, List<String> threadIds,
    String importance, String text, List<Attachment> attachments, String ignoredBecause, String rejectedBecause) {

  /** A file that came with the mail. */
  record Attachment(String fileName, String contentType, byte[] content) {
  }

  /** A mail that cannot be read at all: only its Message-ID (or hash) and the reason are known. */
  static IncomingMail unreadable(String messageId, String sender, String subject, String reason) {
    return new IncomingMail(messageId, sender, sender, subject, List.of(), "normal", "", List.of(), null, reason);
  }
}
