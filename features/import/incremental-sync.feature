@syncer @import
Feature: Incremental sync
  Later runs import only what changed: new mail, moves, copies, deletions and renamed folders.
  The sync-state strategy uses SyncFolderItems states (exact, no re-reads); the find-item strategy
  pages FindItem with a date filter and skips items it already holds.

  Background:
    Given the users of the default scenario are imported
    And the syncer settings point at the mock

  Scenario Outline: New mail is imported on the next run, nothing twice (<strategy>)
    Given the sync strategy is "<strategy>"
    And the syncer has run once
    And a new message "fresh-1" arrives in "Inbox" of alice@acme.test
    And a new message "fresh-2" arrives in "Inbox/Projects" of alice@acme.test
    And a new message "fresh-3" arrives in "Sent Items" of carol@globex.test
    When the syncer runs
    Then the run succeeds
    And message "fresh-1" is in "Inbox" of alice@acme.test
    And message "fresh-2" is in "Inbox/Projects" of alice@acme.test
    And message "fresh-3" is in "Sent Items" of carol@globex.test
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"
    And no email is stored twice
    And mailbox alice@acme.test is succeeded with 2 successful syncs
    And the last run fetched with GetItem only the 3 new messages

    Examples:
      | strategy   |
      | sync-state |
      | find-item  |

  Scenario: The find-item strategy asks newer servers with an AQS date query on later syncs
    Given the sync strategy is "find-item"
    And the syncer has run once
    When the syncer runs
    Then the run succeeds
    And the last run's FindItem requests carried an AQS query
    And the last run sent no GetItem

  Scenario: The sync-state strategy sends the saved state, so nothing is read twice
    Given the syncer has run once
    When the syncer runs
    Then the run succeeds
    And every SyncFolderItems request of the last run carried a sync state
    And the last run sent no GetItem

  Scenario Outline: A message moved between folders is moved in the database (<strategy>)
    Given the sync strategy is "<strategy>"
    And a new message "mover" arrives in "Inbox" of alice@acme.test
    And the syncer has run once
    And message "mover" is moved from "Inbox" to "Inbox/Projects" in alice@acme.test
    When the syncer runs
    Then the run succeeds
    And message "mover" is in "Inbox/Projects" of alice@acme.test only
    And message "mover" kept its email row and its folder link
    And no email is stored twice

    Examples:
      | strategy   |
      | sync-state |
      | find-item  |

  Scenario: An old message moved to a subfolder is followed by its sync state
    Given the syncer has run once
    And the message "Signed contract" is moved from "Inbox" to "Inbox/Projects/Archive 2025" in alice@acme.test
    When the syncer runs
    Then the run succeeds
    And message "Signed contract" is in "Inbox/Projects/Archive 2025" of alice@acme.test only
    And message "Signed contract" kept its email row and its folder link

  Scenario: The same Message-ID in two folders is one email in both
    Given the syncer has run once
    And the message "Signed contract" is copied from "Inbox" to "Inbox/Projects" in alice@acme.test
    When the syncer runs
    Then the run succeeds
    And message "Signed contract" is in "Inbox" of alice@acme.test
    And message "Signed contract" is in "Inbox/Projects" of alice@acme.test
    And message "Signed contract" is one email row with 2 folder links

  Scenario: The same Message-ID in two mailboxes is one email shared by both
    Given a new message "shared" arrives in "Inbox" of alice@acme.test
    And the same message "shared" arrives in "Inbox" of carol@globex.test
    When the syncer runs
    Then the run succeeds
    And message "shared" is in "Inbox" of alice@acme.test
    And message "shared" is in "Inbox" of carol@globex.test
    And message "shared" is one email row with 2 folder links

  Scenario: A deleted message leaves its folder
    Given the syncer has run once
    And the message "Signed contract" is deleted from "Inbox" in alice@acme.test
    When the syncer runs
    Then the run succeeds
    And message "Signed contract" is in no folder of alice@acme.test
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"

  Scenario Outline: A renamed folder keeps its emails under the new name (<strategy>)
    Given the sync strategy is "<strategy>"
    And the syncer has run once
    And folder "Inbox/Projects" of alice@acme.test is renamed to "Clients"
    When the syncer runs
    Then the run succeeds
    And the synced folders of alice@acme.test are:
      | name                       | type  |
      | Inbox                      | inbox |
      | Inbox/Clients              | other |
      | Inbox/Clients/Archive 2025 | other |
      | Sent Items                 | sent  |
    And folder "Inbox/Clients" of alice@acme.test is the same record as before the rename
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Clients", "Inbox/Clients/Archive 2025" and "Sent Items"

    Examples:
      | strategy   |
      | sync-state |
      | find-item  |

  Scenario: A new subfolder is picked up on the next run
    Given the syncer has run once
    And folder "Inbox/Receipts" is created in alice@acme.test with 3 messages
    When the syncer runs
    Then the run succeeds
    And the database holds exactly the messages of alice@acme.test in "Inbox/Receipts"
