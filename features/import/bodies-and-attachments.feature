@syncer @import
Feature: Bodies and attachments
  Bodies are imported with the emails, or later by `ews-sync bodies`. File attachments are
  downloaded only when attachment sync is on and within the size limit; the others are recorded
  with the reason they were skipped.

  Background:
    Given the users of the default scenario are imported
    And the syncer settings point at the mock

  Scenario: Attachments within the limit are stored, larger ones are skipped
    Given the setting "attachments" is the YAML value {enabled: true, maxSizeBytes: 10000}
    When the syncer runs
    Then the run succeeds
    And the attachment "notes.txt" of "Signed contract" holds "Signed by both parties."
    And the attachment "contract.pdf" of "Signed contract" has no content because "over the size limit (20480 > 10000 bytes)"

  Scenario: With a larger limit both attachments are stored
    Given the setting "attachments" is the YAML value {enabled: true, maxSizeBytes: 1048576}
    When the syncer runs
    Then the run succeeds
    And the attachment "contract.pdf" of "Signed contract" holds 20480 bytes
    And the attachment "notes.txt" of "Signed contract" holds "Signed by both parties."

  Scenario: An attachment the server will not hand over is recorded with the server's reason
    Given the setting "attachments" is the YAML value {enabled: true, maxSizeBytes: 1048576}
    And the tester injects the fault:
      """
      { "kind": "response-code", "code": "ErrorAttachmentSizeLimitExceeded", "shape": "item", "operation": "GetAttachment", "mailbox": "alice@acme.test" }
      """
    When the syncer runs
    Then the run succeeds
    And ews-sync status --json shows alice@acme.test succeeded with no error
    And the attachment "contract.pdf" of "Signed contract" has no content because "download failed: ErrorAttachmentSizeLimitExceeded: The attachment could not be opened because it exceeds the size limit."
    And the attachment "notes.txt" of "Signed contract" has no content because "download failed: ErrorAttachmentSizeLimitExceeded: The attachment could not be opened because it exceeds the size limit."

  Scenario: With attachment sync off no attachment is downloaded
    Given the setting "attachments" is the YAML value {enabled: false, maxSizeBytes: 1048576}
    When the syncer runs
    Then the run succeeds
    And the attachment "notes.txt" of "Signed contract" has no content because "attachment sync is off"
    And the mock received no GetAttachment

  Scenario: Bodies are imported with the emails
    When the syncer runs
    Then the run succeeds
    And the email "Réunion d'équipe — 会議 📅" has an html body containing "Ordre du jour"
    And the email "Signed contract" has a text body containing "Please find the signed contract attached."

  Scenario: Bodies can be loaded later, each through the mailbox that holds the email
    When the syncer runs with "--no-bodies"
    Then the run succeeds
    And the bodies table is empty
    When I run "bodies" with the settings
    Then the command succeeds
    And every email has a body
    And the email "Signed contract" has a text body containing "Please find the signed contract attached."
    And every GetItem of the last command impersonated the mailbox holding its items

  Scenario: An attached message is not a file: only the file beside it is downloaded
    Given a message "Two attachments" with the file "notes.txt" and the attached message "Invoice 42" arrives in "inbox" of alice@acme.test
    When the syncer runs
    Then the run succeeds
    And the email "Two attachments" has the attachments "notes.txt" and no other
    And the attachment "notes.txt" of "Two attachments" holds "The content of notes.txt."

  Scenario: Two files of the same name and size are two attachments
    Given the setting "attachments" is the YAML value {enabled: true, maxSizeBytes: 1048576}
    And a message "Two photos" with two files named "image.txt", "hello" and "world", arrives in "inbox" of alice@acme.test
    When the syncer runs
    Then the run succeeds
    And the attachments of "Two photos", in order, hold "hello, world"

  Scenario: An inline image is a file too: stored with the Content-ID the HTML body names it by
    Given the setting "attachments" is the YAML value {enabled: true, maxSizeBytes: 1048576}
    And a message "Our new logo" showing the inline image "logo.png" with the Content-ID "logo1@globex.test" arrives in "inbox" of alice@acme.test
    When the syncer runs
    Then the run succeeds
    And the attachment "logo.png" of "Our new logo" is stored inline with the Content-ID "logo1@globex.test"
