@syncer @import
Feature: First sync of the default scenario
  Every user address in a listed domain gets a mailbox; each is impersonated by the super-user and
  its Inbox and Sent Items, with all their subfolders, are imported into the database.

  Background:
    Given the users of the default scenario are imported
    And the syncer settings point at the mock

  Scenario Outline: A first sync imports Inbox, Sent Items and their subfolders (<strategy>)
    Given the sync strategy is "<strategy>"
    When the syncer runs
    Then the run succeeds
    And mailbox alice@acme.test is succeeded with 1 successful sync
    And mailbox bob@acme.test is succeeded with 1 successful sync
    And mailbox carol@globex.test is succeeded with 1 successful sync
    And the synced folders of alice@acme.test are:
      | name                        | type  |
      | Inbox                       | inbox |
      | Inbox/Projects              | other |
      | Inbox/Projects/Archive 2025 | other |
      | Sent Items                  | sent  |
    And the synced folders of carol@globex.test are:
      | name           | type  |
      | Inbox          | inbox |
      | Inbox/Invoices | other |
      | Sent Items     | sent  |
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"
    And the database holds exactly the messages of bob@acme.test in "Inbox", "Inbox/Builds" and "Sent Items"
    And the database holds exactly the messages of carol@globex.test in "Inbox", "Inbox/Invoices" and "Sent Items"
    And no message of alice@acme.test from "Drafts" or "Deleted Items" is in the database
    And every request for a mailbox impersonated it with SmtpAddress

    Examples:
      | strategy   |
      | sync-state |
      | find-item  |

  Scenario: Messages are mapped as the reference maps them
    When the syncer runs
    Then the run succeeds
    And the email "Signed contract" of alice@acme.test has
      | field       | value                                              |
      | from        | quinn@supplier.test                                |
      | to          | alice@acme.test                                    |
      | importance  | 0                                                  |
      | read        | true                                               |
      | received_at | 2026-11-05T14:00:00.000Z                           |
      | folder      | Inbox                                              |
    And the email "Réunion d'équipe — 会議 📅" of alice@acme.test has
      | field      | value           |
      | importance | 1               |
      | cc         | bob@acme.test   |
      | read       | false           |
    And every email of alice@acme.test has a Message-ID, an ItemId and a ConversationId
    And every date in the emails table is UTC ISO 8601

  Scenario: An empty subject is stored as an empty string
    When the syncer runs
    Then the run succeeds
    And the email with an empty subject from otto@vendor.test is in "Inbox" of alice@acme.test
    And the email with an empty subject from nina@partner.test is in "Inbox" of bob@acme.test

  Scenario: A message without To and Cc is imported
    Given a new message "Bcc only" with only the Bcc bob@acme.test arrives in "Inbox" of bob@acme.test
    When the syncer runs
    Then the run succeeds
    And the email "Bcc only" of bob@acme.test has
      | field | value         |
      | to    |               |
      | cc    |               |
      | bcc   | bob@acme.test |

  Scenario: A message with no recipients at all is imported
    Given a new message "lonely" with no recipients arrives in "Inbox" of carol@globex.test
    When the syncer runs
    Then the run succeeds
    And message "lonely" is in "Inbox" of carol@globex.test
    And the email "lonely" has no To, Cc or Bcc

  Scenario: Non-ASCII subjects are stored exactly
    When the syncer runs
    Then the run succeeds
    And the emails table holds the subject "Réunion d'équipe — 会議 📅"
    And the emails table holds the subject "Ключевые показатели — Q4"
    And the emails table holds the subject "Überweisung bestätigt"

  Scenario: status --json reports every mailbox with its folders and counts
    When the syncer runs
    And I run "status --json"
    Then the command succeeds
    And the status JSON lists alice@acme.test, bob@acme.test and carol@globex.test as succeeded
    And the status JSON counts for alice@acme.test match the database
    And the status JSON for alice@acme.test has folder "Inbox/Projects" of type "other"

  Scenario: An email on Exchange 2007 has no ConversationId and uses a Restriction
    Given the mock emulates Exchange2007
    And the setting "version" is "2007"
    And the sync strategy is "find-item"
    When the syncer runs
    Then the run succeeds
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"
    And no email of alice@acme.test has a ConversationId
    And the mock received no GetItem asking for ConversationId
    When the syncer runs
    Then the run succeeds
    And the last run's FindItem requests carried a Restriction on DateTimeReceived, or DateTimeSent in sent folders

  Scenario Outline: Exchange <profile> with version "<version>" impersonates with <sid> (<strategy>)
    Given the mock emulates <profile>
    And the setting "version" is "<version>"
    And the sync strategy is "<strategy>"
    When the syncer runs
    Then the run succeeds
    And every impersonated request named the mailbox with <sid>
    And the database holds exactly the messages of carol@globex.test in "Inbox", "Inbox/Invoices" and "Sent Items"

    Examples:
      | profile          | version  | sid                | strategy   |
      | Exchange2007     | 2007     | PrincipalName      | sync-state |
      | Exchange2007_SP1 | 2007 SP1 | PrimarySmtpAddress | sync-state |
      | Exchange2007_SP1 | 2007 SP1 | PrimarySmtpAddress | find-item  |
      | Exchange2010     | 2010     | SmtpAddress        | find-item  |
      | Exchange2013_SP1 | 2013 SP1 | SmtpAddress        | sync-state |
      | Exchange2016     | 2016     | SmtpAddress        | sync-state |
      | Exchange2019     | 2019     | SmtpAddress        | find-item  |
