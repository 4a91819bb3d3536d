@interop
Feature: DavMail, an EWS client in Java, works against the mock
  DavMail (Debian's davmail) is a gateway that serves IMAP from an Exchange mailbox over EWS. A mail
  program's session through it touches what such clients rely on: the standard folders (it looks up
  the calendar and contacts folders at log-in), MAPI properties by ExtendedFieldURI (message flags,
  sizes, an article number as the IMAP UID, sorted on), MIME content, read flags, copies, messages
  created from MIME, a property of its own that marks a message deleted before the expunge, and
  mail sent over SMTP as MIME.

  Scenario: A mail program reads, flags, copies, appends, expunges and sends through DavMail
    Given the mock emulates Exchange2010_SP2
    When a mail program logs in to DavMail as alice@acme.test, reads, flags, copies, appends and expunges over IMAP and sends bob@acme.test a message over SMTP
    Then the IMAP session listed the folders "INBOX, INBOX/Projects, INBOX/Projects/Archive 2025, Sent, Drafts, Trash, Junk, Unsent Messages, calendar, contacts, Tasks, Notes, Journal"
    And it found 23 messages in INBOX, 11 of them unseen, the first "Quartalsbericht für Q3"
    And after it marked the first seen, 10 were unseen
    # DavMail reads the category Important back as Thunderbird's label keyword $label1.
    And the keyword "Important" it gave "Quartalsbericht für Q3" is a category of the message in the mock, read back as "$label1"
    And the message it copied, "Résumé de la réunion #1", is also in alice@acme.test's folder "Inbox/Projects"
    And its appended message held "Hello from APPEND."; INBOX went to 24 messages and back to 23 after the expunge
    And the message it sent arrived in bob@acme.test's Inbox with "Sent over SMTP.", and a copy is in its Sent Items
