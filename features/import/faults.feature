@syncer @import @needs-admin @faults
Feature: Every fault kind, as the syncer meets it
  Each kind of fault the mock can inject hits one precise request of alice@acme.test (an
  operation, her mailbox, once) while the syncer runs. A passing fault is retried and the mailbox
  ends complete; a lasting one fails that mailbox with a message saying what the server did, and
  the other mailboxes complete. What a user checks: the run's exit code, `ews-sync status --json`,
  the mail in the database, and the mock's journal (was the request sent again?).

  Background:
    Given the users of the default scenario are imported
    And the syncer settings point at the mock

  Scenario Outline: A passing <kind> on <operation> is retried and nothing is missing
    Given the tester injects the fault:
      """
      <fault>
      """
    When the syncer runs
    Then the run succeeds
    And ews-sync status --json shows alice@acme.test succeeded with no error
    And the output contains "alice@acme.test: <said>"
    And the <operation> request of alice@acme.test that met the fault was sent again and answered
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"
    And the database holds exactly the messages of carol@globex.test in "Inbox", "Inbox/Invoices" and "Sent Items"

    Examples:
      | kind                                  | operation       | said                                               | fault                                                                                                                                                          |
      | HTTP 500 page                         | GetItem         | the server answered HTTP 500 with text/html        | { "kind": "http-status", "status": 500, "operation": "GetItem", "mailbox": "alice@acme.test", "count": 1 }                                                     |
      | ErrorServerBusy with back-off         | SyncFolderItems | ErrorServerBusy                                    | { "kind": "server-busy", "backOffMilliseconds": 300, "operation": "SyncFolderItems", "mailbox": "alice@acme.test", "count": 1 }                                |
      | ErrorServerBusy without back-off      | FindFolder      | ErrorServerBusy                                    | { "kind": "server-busy", "backOffMilliseconds": null, "operation": "FindFolder", "mailbox": "alice@acme.test", "count": 2 }                                    |
      | ErrorInternalServerTransientError     | GetFolder       | ErrorInternalServerTransientError                  | { "kind": "response-code", "code": "ErrorInternalServerTransientError", "shape": "fault", "operation": "GetFolder", "mailbox": "alice@acme.test", "count": 1 } |
      | per-item ErrorMailboxStoreUnavailable | GetItem         | ErrorMailboxStoreUnavailable                       | { "kind": "response-code", "code": "ErrorMailboxStoreUnavailable", "shape": "item", "operation": "GetItem", "mailbox": "alice@acme.test", "count": 1 }         |
      | connection reset                      | GetItem         | the server dropped the connection                  | { "kind": "connection-reset", "operation": "GetItem", "mailbox": "alice@acme.test", "count": 1 }                                                               |
      | empty reply                           | SyncFolderItems | the server closed the connection without answering | { "kind": "empty-reply", "operation": "SyncFolderItems", "mailbox": "alice@acme.test", "count": 1 }                                                            |
      | truncated XML                         | GetItem         | the server's reply could not be read               | { "kind": "malformed-xml", "operation": "GetItem", "mailbox": "alice@acme.test", "count": 1 }                                                                  |

  Scenario: HTTP 503 is retried after the server's Retry-After
    Given the tester injects the fault:
      """
      { "kind": "http-status", "status": 503, "operation": "GetFolder", "mailbox": "alice@acme.test", "count": 1 }
      """
    When the syncer runs
    Then the run succeeds
    And the run took at least 5000 ms
    And the output contains "alice@acme.test: the server is busy (HTTP 503); retrying in 5000 ms (attempt 2 of 5)"
    And ews-sync status --json shows alice@acme.test succeeded with no error
    And the GetFolder request of alice@acme.test that met the fault was sent again and answered
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"

  Scenario Outline: A lasting <kind> fails alice@acme.test with "<error>"; the other mailboxes complete
    Given the tester injects the fault:
      """
      <fault>
      """
    When the syncer runs
    Then the run fails naming alice@acme.test
    And ews-sync status --json shows alice@acme.test failed with the error "<error>"
    And ews-sync status --json shows bob@acme.test succeeded with no error
    And ews-sync status --json shows carol@globex.test succeeded with no error
    And alice@acme.test has no emails in the database
    And the database holds exactly the messages of carol@globex.test in "Inbox", "Inbox/Invoices" and "Sent Items"
    And the <operation> request of alice@acme.test met the fault <attempts> times in all

    Examples:
      | kind                            | operation | attempts | error                                               | fault                                                                                                                                      |
      | HTTP 401                        | GetFolder | 1        | the server refused the login or password (HTTP 401) | { "kind": "http-status", "status": 401, "operation": "GetFolder", "mailbox": "alice@acme.test" }                                           |
      | HTTP 403                        | GetFolder | 1        | the server refused access (HTTP 403)                | { "kind": "http-status", "status": 403, "operation": "GetFolder", "mailbox": "alice@acme.test" }                                           |
      | ErrorAccessDenied fault         | GetFolder | 1        | ErrorAccessDenied: Access is denied                 | { "kind": "response-code", "code": "ErrorAccessDenied", "shape": "fault", "operation": "GetFolder", "mailbox": "alice@acme.test" }         |
      | per-item ErrorAccessDenied      | GetItem   | 1        | ErrorAccessDenied: Access is denied                 | { "kind": "response-code", "code": "ErrorAccessDenied", "shape": "item", "operation": "GetItem", "mailbox": "alice@acme.test" }            |
      | ErrorItemNotFound on the folder | GetFolder | 1        | ErrorItemNotFound                                   | { "kind": "response-code", "code": "ErrorItemNotFound", "operation": "GetFolder", "mailbox": "alice@acme.test" }                           |
      | bare HTTP 500, every time       | GetFolder | 5        | the server answered HTTP 500 with text/html         | { "kind": "http-status", "status": 500, "operation": "GetFolder", "mailbox": "alice@acme.test" }                                           |
      | store unavailable, every time   | GetItem   | 5        | ErrorMailboxStoreUnavailable                        | { "kind": "response-code", "code": "ErrorMailboxStoreUnavailable", "shape": "item", "operation": "GetItem", "mailbox": "alice@acme.test" } |
      | truncated XML, every time       | GetFolder | 5        | the server's reply could not be read                | { "kind": "malformed-xml", "operation": "GetFolder", "mailbox": "alice@acme.test" }                                                        |

  Scenario: A delay shorter than the request timeout is waited for, not retried
    Given the setting "requestTimeoutSeconds" is the YAML value 4
    And the tester injects the fault:
      """
      { "kind": "delay", "ms": 1500, "operation": "GetFolder", "mailbox": "alice@acme.test", "count": 1 }
      """
    When the syncer runs
    Then the run succeeds
    And the run took at least 1500 ms
    And the GetFolder request of alice@acme.test that met the fault was not sent again
    And ews-sync status --json shows alice@acme.test succeeded with no error
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"

  Scenario: A delay longer than the request timeout is given up on and the request sent again
    Given the setting "requestTimeoutSeconds" is the YAML value 2
    And the tester injects the fault:
      """
      { "kind": "delay", "ms": 6000, "operation": "GetFolder", "mailbox": "alice@acme.test", "count": 1 }
      """
    When the syncer runs
    Then the run succeeds
    And the output contains "alice@acme.test: no answer from the server in time"
    And the GetFolder request of alice@acme.test that met the fault was sent again and answered
    And ews-sync status --json shows alice@acme.test succeeded with no error
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"

  Scenario: A slow drip is read to the end
    Given the tester injects the fault:
      """
      { "kind": "slow-drip", "chunkBytes": 40, "intervalMs": 50, "operation": "GetFolder", "mailbox": "alice@acme.test", "count": 1 }
      """
    When the syncer runs
    Then the run succeeds
    And the run took at least 500 ms
    And the GetFolder request of alice@acme.test that met the fault was not sent again
    And ews-sync status --json shows alice@acme.test succeeded with no error
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"
