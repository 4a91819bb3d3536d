@syncer @import
Feature: Which mailboxes are synced
  Only while enabled and configured. Every user address whose domain (exactly, after @,
  case-insensitive) is in the domain list gets a mailbox; mailboxes of another server or of a
  changed address are deactivated; mailboxes stuck in progress for more than a day are reset.

  Background:
    Given the users of the default scenario are imported
    And the syncer settings point at the mock

  Scenario: A user outside the domain list is never touched
    When the syncer runs
    Then the run succeeds
    And there is no mailbox record for dave@initech.test
    And the mock received no request for dave@initech.test

  Scenario: Domains match exactly and case-insensitively, subdomains do not
    Given the users are imported from CSV:
      """
      name,email
      Erin,Erin@ACME.test
      Frank,frank@sub.acme.test
      Grace,grace@acme.test.evil
      """
    When the syncer runs
    Then there is an active mailbox record for erin@acme.test
    And there is no mailbox record for frank@sub.acme.test
    And there is no mailbox record for grace@acme.test.evil

  Scenario: A disabled integration does nothing
    Given the setting "enabled" is the YAML value false
    When the syncer runs
    Then the run succeeds
    And the output contains "not configured"
    And there are no mailbox records
    And the mock received no request

  Scenario: A server change deactivates the old server's mailboxes
    Given the syncer has run once
    And a second mock server runs the default scenario
    And the settings point at the second mock server
    When the syncer runs
    Then the run succeeds
    And the mailboxes of the first server are inactive
    And alice@acme.test has an active mailbox record on the second server
    And the database holds exactly the messages of alice@acme.test in "Inbox" on the second server

  Scenario: An address change deactivates the old mailbox
    Given the syncer has run once
    And user "Bob" now has only the address robert@acme.test
    When the syncer runs
    Then the mailbox record of bob@acme.test is inactive
    And there is an active mailbox record for robert@acme.test

  Scenario: A mailbox stuck in progress for more than a day is reset to failed
    Given the syncer has run once
    And mailbox alice@acme.test has been in progress for 2 days
    When the syncer runs
    Then mailbox alice@acme.test is failed
    And the last error of alice@acme.test says "in progress for more than a day"

  Scenario: A mailbox in progress in another run is not synced twice
    Given the syncer has run once
    And mailbox alice@acme.test has been in progress for 1 minute
    When the syncer runs
    Then the run succeeds
    And the mock received no request for alice@acme.test

  Scenario: Two runs at once never sync the same mailbox twice
    When two syncer runs start at the same time
    Then each mailbox was synced exactly once
    And mailbox alice@acme.test is succeeded with 1 successful sync

  Scenario: Explicit mailbox ids sync only those mailboxes
    Given the syncer has run once
    And a new message "only-bob" arrives in "Inbox" of bob@acme.test
    And a new message "not-alice" arrives in "Inbox" of alice@acme.test
    When the syncer runs with "--mailbox bob@acme.test"
    Then the run succeeds
    And message "only-bob" is in "Inbox" of bob@acme.test
    And message "not-alice" is not in the database
    And mailbox bob@acme.test is succeeded with 2 successful syncs
    And mailbox alice@acme.test is succeeded with 1 successful sync

  Scenario: --max-mailboxes limits a run, longest-waiting first
    When the syncer runs with "--max-mailboxes 2"
    Then the run succeeds
    And 2 mailboxes are succeeded and 1 has never been synced
    When the syncer runs with "--max-mailboxes 1"
    Then all 3 mailboxes are succeeded

  Scenario: --min-interval skips the mailboxes synced since; a run without it syncs them again
    When the syncer runs
    Then all 3 mailboxes are succeeded
    When the syncer runs with "--min-interval 60"
    Then the run succeeds
    And mailbox alice@acme.test is succeeded with 1 successful sync
    When the syncer runs
    Then mailbox alice@acme.test is succeeded with 2 successful syncs

  Scenario: A minIntervalMinutes in the settings does the same
    Given the setting "minIntervalMinutes" is the YAML value 60
    When the syncer runs
    And the syncer runs
    Then mailbox alice@acme.test is succeeded with 1 successful sync

  Scenario Outline: A run option out of range is refused before anything runs: <option>
    When the syncer runs with "<option>"
    Then the command fails
    And the output contains "<says>"

    Examples:
      | option                 | says                                                              |
      | --max-run-seconds -5   | --max-run-seconds must be -1 or a whole number from 1 to 604800   |
      | --max-mailboxes 0      | --max-mailboxes must be a whole number from 1 to 1000000          |
      | --concurrency 0        | --concurrency must be a whole number from 1 to 100                |
      | --min-interval -1      | --min-interval must be a whole number from 0 to 10080             |
