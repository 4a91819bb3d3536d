@syncer @import
Feature: Failures, throttling and limits
  A failure in one mailbox marks it failed with its error and the run goes on; the run exits
  non-zero naming the failed mailboxes. Throttling is retried (the server's BackOffMilliseconds,
  else exponential backoff with jitter), a bounded number of times.

  Background:
    Given the users of the default scenario are imported
    And the syncer settings point at the mock

  Scenario: A mailbox whose impersonation is denied fails while the others succeed
    Given svc-ews@acme.test may no longer impersonate bob@acme.test
    When the syncer runs
    Then the run fails naming bob@acme.test
    And mailbox bob@acme.test is failed
    And the last error of bob@acme.test says "ErrorImpersonateUserDenied"
    And mailbox alice@acme.test is succeeded with 1 successful sync
    And mailbox carol@globex.test is succeeded with 1 successful sync
    And the database holds exactly the messages of alice@acme.test in "Inbox"
    And bob@acme.test has no emails in the database

  Scenario: A version the server refuses fails every mailbox with the reason
    Given the setting "version" is "2016"
    When the syncer runs
    Then the run fails naming alice@acme.test
    And the output contains "bob@acme.test"
    And the output contains "carol@globex.test"
    And the last error of alice@acme.test says "ErrorInvalidServerVersion"
    And the emails table is empty

  Scenario: A throttled server is retried after its BackOffMilliseconds
    Given the server answers the first 4 requests with ErrorServerBusy and BackOffMilliseconds 300
    When the syncer runs
    Then the run succeeds
    And the busy server refused 4 requests
    And the run took at least 300 ms
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"
    And the database holds exactly the messages of carol@globex.test in "Inbox", "Inbox/Invoices" and "Sent Items"

  Scenario: Throttling without a hint is retried with backoff, a bounded number of times
    Given the server answers every request with ErrorServerBusy and no BackOffMilliseconds
    When the syncer runs with "--max-mailboxes 1"
    Then the run fails naming alice@acme.test
    And the last error of alice@acme.test says "ErrorServerBusy"
    And the busy server refused 5 requests

  Scenario: One email the server cannot return is logged and skipped
    Given the server answers GetItem for the message "Signed contract" of alice@acme.test with ErrorItemNotFound
    When the syncer runs
    Then the run succeeds
    And the output contains "skipped item"
    And message "Signed contract" is not in the database
    And the database holds all messages of alice@acme.test in "Inbox" but "Signed contract"

  Scenario Outline: A folder of more than 1,000 messages is imported completely (<strategy>)
    Given the sync strategy is "<strategy>"
    And folder "Inbox/Bulk" is created in alice@acme.test with 1050 messages
    When the syncer runs
    Then the run succeeds
    And the database holds exactly the messages of alice@acme.test in "Inbox/Bulk"
    And the database holds 1050 emails in "Inbox/Bulk" of alice@acme.test
    And the last run paged "Inbox/Bulk" with at least <pages> <operation> requests

    Examples:
      | strategy   | pages | operation       |
      | sync-state | 3     | SyncFolderItems |
      | find-item  | 11    | FindItem        |

  Scenario: The per-mailbox time budget leaves the remaining folders for the next run
    Given the setting "mailboxTimeBudgetSeconds" is the YAML value 1
    And folder "Inbox/Bulk" is created in alice@acme.test with 600 messages
    And the server delays every answer by 150 ms
    When the syncer runs
    Then the run succeeds
    And the output contains "time budget used up"
    And some messages of alice@acme.test are not yet in the database
    When the server stops delaying answers
    And the setting "mailboxTimeBudgetSeconds" is the YAML value 300
    And the syncer runs with "--mailbox alice@acme.test"
    Then the database holds exactly the messages of alice@acme.test in "Inbox/Bulk"

  Scenario: The run time limit stops starting new mailboxes
    Given the server delays every answer by 200 ms
    When the syncer runs with "--max-run-seconds 1 --concurrency 1"
    Then the output contains "not started"
    And at least one mailbox has never been synced
