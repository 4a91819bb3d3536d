@needs-admin @admin
Feature: Admin API: naming items and checking the mock, for a test harness
  A harness names messages by folder, subject or Message-ID, looks an id up without knowing its
  mailbox, starts a client's sync at the current position, proves a request changed nothing and
  fails a test when the mock itself hit a bug — all over HTTP, never by reaching into the mock.

  Scenario: Items are listed in store order and found by folder, subject and Message-ID
    When the tester sends GET "/mailboxes/alice@acme.test/items?folder=inbox&limit=2" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | total        | 23    |
      | items.length | 2     |
      | items[0].folder | Inbox |
    When the tester sends GET "/mailboxes/alice@acme.test/items?subject=Signed%20contract" to the admin API
    Then the admin answer has:
      | total            | 1               |
      | items[0].subject | Signed contract |
      | items[0].folder  | Inbox           |
      | items[0].from.address | quinn@supplier.test |
    When the admin answer's "items[0].internetMessageId" is remembered as "mid"
    And the tester sends GET "/mailboxes/alice@acme.test/items?messageId=<mid>" to the admin API
    Then the admin answer lists "items[].subject" as "Signed contract"
    When the tester sends GET "/mailboxes/alice@acme.test/items?folder=Inbox%2FProjects" to the admin API
    Then the admin answer has:
      | total | 6 |
    When the tester sends GET "/mailboxes/alice@acme.test/items?folder=Nowhere" to the admin API
    Then the admin API answers 404 naming the field "folder"
    When the tester sends GET "/mailboxes/alice@acme.test/items?limit=20000" to the admin API
    Then the admin API answers 400 naming the field "limit"

  Scenario: An id alone finds its item and mailbox, until the item is gone
    Given the admin id of the inbox message "Signed contract" of alice@acme.test is remembered as "msg"
    When the tester sends GET "/items/<msg>" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | mailbox | alice@acme.test |
      | subject | Signed contract |
      | folder  | Inbox           |
    When the tester sends DELETE "/mailboxes/alice@acme.test/items/<msg>?deleteType=HardDelete" to the admin API
    And the tester sends GET "/items/<msg>" to the admin API
    Then the admin API answers 404 naming the field "id"
    When the tester sends GET "/items/not-an-id" to the admin API
    Then the admin API answers 404 naming the field "id"

  Scenario: A copied message is new mail in its folder, with an id of its own
    Given the admin id of the inbox message "Signed contract" of alice@acme.test is remembered as "msg"
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When the tester sends POST "/mailboxes/alice@acme.test/items/<msg>/copy" to the admin API with JSON:
      """
      { "folder": "inbox" }
      """
    Then the admin API answers 201
    And the admin answer has:
      | subject | Signed contract |
      | folder  | Inbox           |
    And the admin answer's "id" differs from the remembered "msg"
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | Create | Signed contract |
    And the admin API shows 24 items in the inbox of alice@acme.test
    When the tester sends POST "/mailboxes/alice@acme.test/items/<msg>/copy" to the admin API with JSON:
      """
      { "folder": "Nowhere" }
      """
    Then the admin API answers 404 naming the field "folder"
    And the admin API shows 24 items in the inbox of alice@acme.test

  Scenario: A sync state taken now makes a client see only the changes made after it
    When the tester sends GET "/mailboxes/alice@acme.test/sync-state?folder=inbox" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | kind | items |
    And the admin answer's "syncState" is remembered as "items-state"
    When the tester sends GET "/mailboxes/alice@acme.test/sync-state" to the admin API
    Then the admin answer has:
      | kind     | hierarchy |
      | folderId | null      |
    And the admin answer's "syncState" is remembered as "folders-state"
    Given the tester has sent POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "After the snapshot", "text": "Only this one is new." }
      """
    And the tester has sent POST "/mailboxes/alice@acme.test/folders" to the admin API with JSON:
      """
      { "displayName": "Receipts", "parent": "inbox" }
      """
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox from the remembered sync state "items-state"
    Then the raw sync answer reports exactly these changes:
      | Create | After the snapshot |
    When svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy from the remembered sync state "folders-state"
    Then the raw sync answer reports exactly these changes:
      | Create | Receipts |
    When the tester sends GET "/mailboxes/nobody@acme.test/sync-state" to the admin API
    Then the admin API answers 404 naming the field "smtp"

  Scenario: The store digest proves a refused request changed nothing, and names the mailbox that did change
    Given the tester notes the store digest as "start"
    When bob@acme.test posts a GetFolder for the inbox folder id of alice@acme.test
    Then the response messages have these ResponseCodes:
      | ErrorAccessDenied |
    And the store digest is still "start"
    Given the tester has sent POST "/mailboxes/bob@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Changes bob's mailbox only" }
      """
    Then of the store digests noted as "start", only the one of bob@acme.test has changed

  Scenario: Client mistakes and injected faults are failed requests, not server errors
    Given the tester injects the fault:
      """
      { "kind": "http-status", "status": 503, "count": 1 }
      """
    When svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    Then the client call fails with HTTP status 503
    When bob@acme.test posts a GetFolder for the inbox folder id of alice@acme.test
    Then the response messages have these ResponseCodes:
      | ErrorAccessDenied |
    When the tester sends GET "/requests/count" to the admin API
    Then the admin answer has:
      | total  | 2 |
      | failed | 2 |
      | lastId | 2 |
    When the tester sends GET "/errors" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | count         | 0 |
      | errors.length | 0 |

  Scenario: A poller reads only the requests journalled after the last one it saw
    When svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    And svc-ews@acme.test impersonating bob@acme.test binds to the inbox folder
    And the tester sends GET "/requests/count?operation=FindItem" to the admin API
    Then the admin answer has:
      | total  | 0 |
      | lastId | 2 |
    When svc-ews@acme.test impersonating carol@globex.test binds to the inbox folder
    And the tester sends GET "/requests?after=2" to the admin API
    Then the admin answer is a list of 1
    And the admin answer has:
      | [0].id      | 3                 |
      | [0].mailbox | carol@globex.test |
    When the tester sends GET "/requests?after=-1" to the admin API
    Then the admin API answers 400 naming the field "after"

  Scenario: A batch of messages is delivered in one call, or none when one of them is invalid
    When the tester sends POST "/mailboxes/bob@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      [{ "subject": "Batch 1" }, { "subject": "Batch 2", "isRead": true }, { "subject": "Batch 3" }]
      """
    Then the admin API answers 201
    And the admin answer lists "[].subject" as "Batch 1, Batch 2, Batch 3"
    And the admin answer lists "[].isRead" as "false, true, false"
    And the admin API shows 25 items in the inbox of bob@acme.test
    When the tester sends POST "/mailboxes/bob@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      [{ "subject": "Batch 4" }, { "subject": "Batch 5", "isRead": "yes" }]
      """
    Then the admin API answers 400 naming the field "[1].isRead"
    And the admin API shows 25 items in the inbox of bob@acme.test

  Scenario: The grants read from the admin API can be put back as they are
    When the tester sends GET "/grants" to the admin API
    Then the admin answer has:
      | [0].account       | svc-ews@acme.test                    |
      | [0].scope.domains | ["acme.test","globex.test"]          |
      | [1].app           | 8a4e2f10-0000-4000-8000-000000e75ec5 |
    And the admin answer does not contain "Application EWS.AccessAsApp"
    When the tester puts the grants it just read back with PUT "/grants"
    Then the admin API answers 200
    And the admin answer has:
      | [0].account       | svc-ews@acme.test                    |
      | [1].app           | 8a4e2f10-0000-4000-8000-000000e75ec5 |
      | [1].scope.domains | ["acme.test","globex.test"]          |
    When svc-ews@acme.test impersonating carol@globex.test binds to the inbox folder
    Then the folder is "Inbox" with 23 items
