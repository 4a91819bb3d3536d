@needs-admin @admin
Feature: Admin API: mail arrives, and a user moves, flags and deletes things
  A test delivers new mail and changes the mailbox the way a person in Outlook would; EWS clients
  see each change exactly as they would see it on Exchange: in FindItem and in their next sync.

  Scenario: A delivered message appears to FindItem and to the next SyncFolderItems as new mail
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Quarterly numbers", "from": { "name": "Nina Partner", "address": "nina@partner.test" }, "text": "See the attached figures." }
      """
    Then the admin API answers 201
    And the admin answer has:
      | subject          | Quarterly numbers |
      | folder           | Inbox             |
      | isRead           | false             |
      | to[0].address    | alice@acme.test   |
      | from.address     | nina@partner.test |
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | Create | Quarterly numbers |
    When svc-ews@acme.test impersonating alice@acme.test finds items in inbox sorted by "received desc"
    Then the newest item found is "Quarterly numbers" from "nina@partner.test"
    When svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    Then the folder is "Inbox" with 24 items

  Scenario: A raw MIME message is delivered with its headers, body and attachment
    When the tester sends POST "/mailboxes/bob@acme.test/folders/inbox/messages" to the admin API as "message/rfc822":
      """
      From: Otto Vendor <otto@vendor.test>
      To: Bob Builder <bob@acme.test>
      Subject: Invoice 2026-11
      Date: Mon, 23 Nov 2026 10:00:00 +0000
      Message-ID: <invoice-2026-11@vendor.test>
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="b1"

      --b1
      Content-Type: text/plain; charset=utf-8

      Please find the invoice attached.
      --b1
      Content-Type: text/csv; name="invoice.csv"
      Content-Disposition: attachment; filename="invoice.csv"

      widgets,42
      --b1--
      """
    Then the admin API answers 201
    And the admin answer has:
      | subject           | Invoice 2026-11             |
      | internetMessageId | <invoice-2026-11@vendor.test> |
      | hasAttachments    | true                        |
    When svc-ews@acme.test impersonating bob@acme.test reads the inbox message "Invoice 2026-11"
    Then the message is from "Otto Vendor <otto@vendor.test>"
    And the message body is Text and contains "Please find the invoice attached."
    And loading attachment "invoice.csv" of the message gives the text "widgets,42"

  Scenario: Reading one item gives its fields and its MIME
    Given the admin id of the inbox message "Signed contract" of alice@acme.test is remembered as "msg"
    When the tester sends GET "/mailboxes/alice@acme.test/items/<msg>" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | subject | Signed contract |
      | folder  | Inbox           |
    And the admin answer's "mime" contains the header "Subject: Signed contract"
    When the tester sends GET "/mailboxes/alice@acme.test/items/<msg>/mime" to the admin API
    Then the admin API answers 200
    And the admin answer header "content-type" is "message/rfc822"

  Scenario Outline: Bad deliveries are refused naming the field, and nothing arrives
    When the tester sends POST "<path>" to the admin API as "<type>":
      """
      <body>
      """
    Then the admin API answers <status> naming the field "<field>"
    And the admin API shows 23 items in the inbox of alice@acme.test

    Examples:
      | path                                                   | type              | body                                         | status | field       |
      | /mailboxes/alice@acme.test/folders/inbox/messages      | application/json  | { "subject": "x", "to": ["not-an-address"] } | 400    | to[0]       |
      | /mailboxes/alice@acme.test/folders/inbox/messages      | application/json  | { "subject": "x", "priority": "urgent" }     | 400    | priority    |
      | /mailboxes/alice@acme.test/folders/inbox/messages      | application/json  | { "subject": "x", "received": "yesterday" }  | 400    | received    |
      | /mailboxes/alice@acme.test/folders/inbox/messages      | application/json  | { "attachments": [{ "name": "a.txt" }] }     | 400    | attachments[0] |
      | /mailboxes/alice@acme.test/folders/Nowhere/messages    | application/json  | { "subject": "x" }                           | 404    | folder      |
      | /mailboxes/nobody@acme.test/folders/inbox/messages     | application/json  | { "subject": "x" }                           | 404    | smtp        |
      | /mailboxes/alice@acme.test/folders/inbox/messages      | message/rfc822    | this is not a message                        | 400    | body        |
      | /mailboxes/alice@acme.test/folders/inbox/messages      | text/csv          | a,b                                          | 415    | body        |

  Scenario: Moving a message: it leaves the Inbox (a Delete there) and gets a new id in the target
    Given the admin id of the inbox message "Signed contract" of alice@acme.test is remembered as "msg"
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When the tester sends POST "/mailboxes/alice@acme.test/items/<msg>/move" to the admin API with JSON:
      """
      { "folder": "Inbox/Projects" }
      """
    Then the admin API answers 200
    And the admin answer has:
      | folder  | Inbox/Projects  |
      | subject | Signed contract |
    And the admin answer's "id" differs from the remembered "msg"
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | Delete | Signed contract |
    And the admin API shows 22 items in the inbox of alice@acme.test
    When the tester sends GET "/mailboxes/alice@acme.test/items/<msg>" to the admin API
    Then the admin API answers 404 naming the field "id"

  Scenario: Marking a message read is a ReadFlagChange; categories are an Update
    Given the admin id of the inbox message "Signed contract" of alice@acme.test is remembered as "msg"
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When the tester sends PATCH "/mailboxes/alice@acme.test/items/<msg>" to the admin API with JSON:
      """
      { "isRead": false }
      """
    Then the admin API answers 200
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | ReadFlagChange | Signed contract | unread |
    When the tester sends PATCH "/mailboxes/alice@acme.test/items/<msg>" to the admin API with JSON:
      """
      { "categories": ["Legal"] }
      """
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | Update | Signed contract |
    When the tester sends PATCH "/mailboxes/alice@acme.test/items/<msg>" to the admin API with JSON:
      """
      { "flagged": true }
      """
    Then the admin API answers 400 naming the field "flagged"

  Scenario: Deleting a message moves it to Deleted Items; deleting it there removes it for good
    Given the admin id of the inbox message "Signed contract" of alice@acme.test is remembered as "msg"
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of deleteditems 512 at a time
    When the tester sends DELETE "/mailboxes/alice@acme.test/items/<msg>" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | folder | Deleted Items |
    And the admin answer's "id" is remembered as "deleted"
    And the admin API shows 22 items in the inbox of alice@acme.test
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of deleteditems again
    Then the sync reports these changes:
      | Create | Signed contract |
    When the tester sends DELETE "/mailboxes/alice@acme.test/items/<deleted>" to the admin API
    Then the admin API answers 204
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of deleteditems again
    Then the sync reports these changes:
      | Delete | Signed contract |

  Scenario: A hard delete removes a message at once; a bad delete type changes nothing
    Given the admin id of the inbox message "Signed contract" of alice@acme.test is remembered as "msg"
    When the tester sends DELETE "/mailboxes/alice@acme.test/items/<msg>?deleteType=Shred" to the admin API
    Then the admin API answers 400 naming the field "deleteType"
    And the admin API shows 23 items in the inbox of alice@acme.test
    When the tester sends DELETE "/mailboxes/alice@acme.test/items/<msg>?deleteType=HardDelete" to the admin API
    Then the admin API answers 204
    And the admin API shows 22 items in the inbox of alice@acme.test
    When the tester sends DELETE "/mailboxes/alice@acme.test/items/<msg>" to the admin API
    Then the admin API answers 404 naming the field "id"

  Scenario: Creating, renaming, moving and deleting folders shows in the next hierarchy sync
    Given svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    When the tester sends PATCH "/mailboxes/alice@acme.test/folders/Inbox%2FProjects" to the admin API with JSON:
      """
      { "displayName": "Projects 2026" }
      """
    Then the admin API answers 200
    When the tester sends POST "/mailboxes/alice@acme.test/folders" to the admin API with JSON:
      """
      { "displayName": "Invoices", "parent": "inbox" }
      """
    Then the admin API answers 201
    And the admin answer has:
      | path | Inbox/Invoices |
    When the tester sends DELETE "/mailboxes/alice@acme.test/folders/Inbox%2FProjects 2026%2FArchive 2025?deleteType=HardDelete" to the admin API
    Then the admin API answers 204
    When svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    Then the hierarchy sync reports these changes:
      | Update | Projects 2026 |
      | Create | Invoices      |
      | Delete | Archive 2025  |

  Scenario: Deleting a folder as Outlook does moves it under Deleted Items with its messages
    When the tester sends DELETE "/mailboxes/alice@acme.test/folders/Inbox%2FProjects" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | path | Deleted Items/Projects |
    When the tester sends PATCH "/mailboxes/alice@acme.test/folders/Deleted Items%2FProjects" to the admin API with JSON:
      """
      { "parent": "inbox", "displayName": "Projects (restored)" }
      """
    Then the admin API answers 200
    And the admin answer has:
      | path | Inbox/Projects (restored) |

  Scenario Outline: Bad folder changes are refused naming the field, and the tree is unchanged
    When the tester sends <method> "<path>" to the admin API with JSON:
      """
      <body>
      """
    Then the admin API answers <status> naming the field "<field>"
    When the tester sends GET "/mailboxes/alice@acme.test" to the admin API
    Then the admin answer lists "folders[].path" as "Inbox, Inbox/Projects, Inbox/Projects/Archive 2025, Sent Items, Drafts, Deleted Items, Junk Email, Outbox, Calendar, Contacts, Tasks, Notes, Journal" after the top of the mailbox

    Examples:
      | method | path                                                 | body                                            | status | field       |
      | PATCH  | /mailboxes/alice@acme.test/folders/inbox             | { "displayName": "Post" }                       | 400    | folder      |
      | PATCH  | /mailboxes/alice@acme.test/folders/Inbox%2FProjects  | { "displayName": "Sent Items", "parent": "msgfolderroot" } | 409 | displayName |
      | PATCH  | /mailboxes/alice@acme.test/folders/Inbox%2FProjects  | { "parent": "Nowhere", "displayName": "Moved" } | 404    | parent      |
      | PATCH  | /mailboxes/alice@acme.test/folders/Inbox%2FProjects  | { "parent": "Inbox/Projects/Archive 2025" }      | 400    | parent      |
      | PATCH  | /mailboxes/alice@acme.test/folders/Inbox%2FProjects  | {}                                              | 400    | body        |
      | POST   | /mailboxes/alice@acme.test/folders                   | { "displayName": "Projects", "parent": "inbox" } | 409   | displayName |
      | POST   | /mailboxes/alice@acme.test/folders                   | { "displayName": "a/b" }                        | 400    | displayName |
      | DELETE | /mailboxes/alice@acme.test/folders/sentitems         | {}                                              | 400    | folder      |
      | DELETE | /mailboxes/alice@acme.test/folders/Nowhere           | {}                                              | 404    | folder      |
