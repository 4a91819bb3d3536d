@needs-admin @admin @faults
Feature: Admin API: listing and clearing faults
  Faults are data: the API lists them with their hits, clears one or all, and refuses a fault
  outside the closed set, naming the field.

  Scenario: Faults are listed with their scope, hits and what remains
    Given the tester has sent POST "/faults" to the admin API with JSON:
      """
      { "kind": "server-busy", "operation": "GetFolder", "count": 3 }
      """
    And svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    When the tester sends GET "/faults" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | [0].id                  | f1         |
      | [0].kind                | server-busy |
      | [0].operation           | GetFolder  |
      | [0].backOffMilliseconds | 5000       |
      | [0].hits                | 1          |
      | [0].remaining           | 2          |

  Scenario: ErrorServerBusy without BackOffMilliseconds is asked for with null
    When the tester sends POST "/faults" to the admin API with JSON:
      """
      { "kind": "server-busy", "backOffMilliseconds": null, "mailbox": "bob@acme.test" }
      """
    Then the admin API answers 201
    And the admin answer has:
      | kind                | server-busy   |
      | backOffMilliseconds | null          |
      | mailbox             | bob@acme.test |

  Scenario: Clearing one fault, then all
    Given the tester has sent POST "/faults" to the admin API with JSON:
      """
      { "kind": "delay", "ms": 10 }
      """
    And the tester has sent POST "/faults" to the admin API with JSON:
      """
      { "kind": "empty-reply", "mailbox": "bob@acme.test" }
      """
    When the tester sends DELETE "/faults/f1" to the admin API
    Then the admin API answers 204
    When the tester sends GET "/faults" to the admin API
    Then the admin answer lists "[].kind" as "empty-reply"
    When the tester sends DELETE "/faults/f1" to the admin API
    Then the admin API answers 404 naming the field "id"
    When the tester sends DELETE "/faults" to the admin API
    Then the admin answer has:
      | cleared | 1 |
    When svc-ews@acme.test impersonating bob@acme.test binds to the inbox folder
    Then the client call succeeds

  Scenario Outline: A fault outside the closed set is refused, naming the field
    When the tester sends POST "/faults" to the admin API with JSON:
      """
      <body>
      """
    Then the admin API answers 400 naming the field "<field>"
    When the tester sends GET "/faults" to the admin API
    Then the admin answer is a list of 0

    Examples:
      | body                                                                         | field               |
      | { "kind": "meltdown" }                                                       | kind                |
      | { "kind": "http-status", "status": 418 }                                     | status              |
      | { "kind": "response-code", "code": "ErrorNotAThing" }                        | code                |
      | { "kind": "response-code", "code": "ErrorFolderNotFound", "shape": "fault" } | shape               |
      | { "kind": "delay" }                                                          | ms                  |
      | { "kind": "server-busy", "probability": 1.5 }                                | probability         |
      | { "kind": "server-busy", "count": 0 }                                        | count               |
      | { "kind": "server-busy", "backOffMilliseconds": -1 }                         | backOffMilliseconds |
      | { "kind": "empty-reply", "mailboxes": ["bob@acme.test"] }                    | mailboxes           |
