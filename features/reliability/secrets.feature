@reliability @secrets @syncer @mock-only
Feature: Passwords and tokens stay secret
  The super-user's password and OAuth tokens never appear in the syncer's output and logs, its
  status, its error messages, its database, the mock's request journal and log, or the test
  reports. A settings file that holds the password warns when other users can read it. TLS
  certificates are verified unless the settings turn it off, and turning it off is logged.

  Scenario: A check, failing and succeeding runs, status and the journal reveal no secret
    Given the mock's log is captured
    And a chaos mock with 3 mailboxes of 4 messages per folder
    And the mock refuses the first request with HTTP 401 and resets the next 2 connections
    When the syncer checks the connection, syncs until done and reports its status
    And a client sends the mock a request with an OAuth token and one with a wrong password
    And the request journal is read through the admin API
    Then no output, log, status, error, journal entry, database file or report contains the password, its Basic credentials or the token
    And the journal still shows who called: the super-user's requests are there

  Scenario: A settings file holding the password warns when others can read it
    Given a chaos mock with 1 mailboxes of 1 messages per folder
    When the settings file with the password is readable by everyone and the settings are validated
    Then the syncer warns that the settings file is readable by every user
    When the settings file is readable by its owner only and the settings are validated
    Then the syncer gives no warning about the settings file

  Scenario: TLS certificates are verified by default; turning that off is explicit and logged
    Given the mock serves https with a self-signed certificate
    And a chaos mock with 2 mailboxes of 2 messages per folder
    When the syncer runs with the default settings
    Then every mailbox failed with a TLS failure
    When the syncer runs with tlsVerify false
    Then every mailbox succeeded
    And the syncer logged that TLS certificate verification is off
