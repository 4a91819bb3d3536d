@needs-admin @admin
Feature: Admin API: accounts, mailboxes and impersonation grants
  A test creates the people and rights it needs; EWS clients see the change on their next request.

  Scenario: Listing mailboxes with their folders and item counts
    When the tester sends GET "/mailboxes" to the admin API
    Then the admin API answers 200
    And the admin answer lists "[].smtp" as "alice@acme.test, bob@acme.test, carol@globex.test, dave@initech.test, svc-ews@acme.test"
    When the tester sends GET "/mailboxes/alice@acme.test" to the admin API
    Then the admin answer has:
      | displayName            | Alice Anderson |
      | account                | alice@acme.test |
      | folders[0].path        |                 |
      | folders[1].path        | Inbox           |
      | folders[1].totalCount  | 23              |
      | folders[1].distinguished | inbox         |
    And the admin answer lists "folders[].path" as "Inbox, Inbox/Projects, Inbox/Projects/Archive 2025, Sent Items, Drafts, Deleted Items, Junk Email, Outbox, Calendar, Contacts, Tasks, Notes, Journal" after the top of the mailbox

  Scenario: A new account with a mailbox can log on and be impersonated at once
    When the tester sends POST "/accounts" to the admin API with JSON:
      """
      { "smtp": "erin@acme.test", "password": "Erin-Pass1", "displayName": "Erin Example" }
      """
    Then the admin API answers 201
    And the admin answer has:
      | smtp      | erin@acme.test |
      | mailbox   | erin@acme.test |
      | logonName | ACME\erin      |
    And the admin answer does not contain "Erin-Pass1"
    When "erin@acme.test" with password "Erin-Pass1" binds to the inbox folder through ews-javascript-api
    Then the folder is "Inbox" with 0 items
    When svc-ews@acme.test impersonating erin@acme.test binds to the inbox folder
    Then the folder is "Inbox" with 0 items

  Scenario: The new account's SID shares its domain's prefix and is unique
    When the tester sends POST "/accounts" to the admin API with JSON:
      """
      { "smtp": "erin@acme.test", "password": "pw" }
      """
    And the admin answer's "sid" is remembered as "erinSid"
    And the tester sends GET "/accounts" to the admin API
    Then the admin answer lists "[].smtp" as "svc-ews@acme.test, alice@acme.test, bob@acme.test, carol@globex.test, dave@initech.test, erin@acme.test"
    And every account in the admin answer has a different SID, and erin@acme.test shares alice@acme.test's domain prefix

  Scenario Outline: Bad account input is refused naming the field, and nothing is created
    When the tester sends POST "/accounts" to the admin API with JSON:
      """
      <body>
      """
    Then the admin API answers <status> naming the field "<field>"
    When the tester sends GET "/accounts" to the admin API
    Then the admin answer is a list of 5

    Examples:
      | body                                                       | status | field     |
      | { "smtp": "erin", "password": "pw" }                       | 400    | smtp      |
      | { "smtp": "erin@acme.test" }                               | 400    | password  |
      | { "smtp": "erin@acme.test", "password": "pw", "age": 3 }   | 400    | age       |
      | { "smtp": "erin@elsewhere.test", "password": "pw" }        | 400    | smtp      |
      | { "smtp": "alice@acme.test", "password": "pw" }            | 409    | smtp      |
      | { "smtp": "sales-team@acme.test", "password": "pw" }       | 409    | smtp      |
      | { "smtp": "erin@acme.test", "password": "pw", "logonName": "erin" } | 400 | logonName |

  Scenario: A body that is not JSON is refused
    When the tester sends POST "/accounts" to the admin API as "application/json":
      """
      { "smtp": 
      """
    Then the admin API answers 400 naming the field "body"
    When the tester sends POST "/accounts" to the admin API as "text/plain":
      """
      smtp=erin@acme.test
      """
    Then the admin API answers 415 naming the field "body"

  Scenario: Deleting an account stops its logons and removes its grants; its mailbox stays
    When the tester sends DELETE "/accounts/svc-ews@acme.test" to the admin API
    Then the admin API answers 204
    When "svc-ews@acme.test" with password "Passw0rd!" binds to the inbox folder through ews-javascript-api
    Then the client call fails with HTTP status 401
    When the tester sends GET "/grants" to the admin API
    # Only the app registration's grant (Exchange Online) is left: it belongs to no account.
    Then the admin answer is a list of 1
    When the tester sends GET "/mailboxes/svc-ews@acme.test" to the admin API
    Then the admin API answers 200
    When the tester sends DELETE "/accounts/nobody@acme.test" to the admin API
    Then the admin API answers 404 naming the field "smtp"

  Scenario: Creating and deleting a mailbox
    When the tester sends POST "/mailboxes" to the admin API with JSON:
      """
      { "smtp": "shared@acme.test", "displayName": "Shared Inbox" }
      """
    Then the admin API answers 201
    And the admin answer has:
      | displayName           | Shared Inbox |
      | folders[1].totalCount | 0            |
    When svc-ews@acme.test impersonating shared@acme.test binds to the inbox folder
    Then the folder is "Inbox" with 0 items
    When the tester sends DELETE "/mailboxes/shared@acme.test" to the admin API
    Then the admin API answers 204
    When svc-ews@acme.test impersonating shared@acme.test binds to the inbox folder
    Then the client call fails with ErrorNonExistentMailbox

  Scenario: Bad mailbox input is refused
    When the tester sends POST "/mailboxes" to the admin API with JSON:
      """
      { "smtp": "alice@acme.test" }
      """
    Then the admin API answers 409 naming the field "smtp"
    When the tester sends POST "/mailboxes" to the admin API with JSON:
      """
      { "smtp": "partners@acme.test" }
      """
    Then the admin API answers 409 naming the field "smtp"
    And the admin answer has:
      | error | smtp: partners@acme.test is a distribution list's address |
    When the tester sends POST "/mailboxes" to the admin API with JSON:
      """
      { "smtp": "x@initech.test", "display": "X" }
      """
    Then the admin API answers 400 naming the field "display"
    When the tester sends GET "/mailboxes/nobody@acme.test" to the admin API
    Then the admin API answers 404 naming the field "smtp"
    When the tester sends DELETE "/mailboxes/nobody@acme.test" to the admin API
    Then the admin API answers 404 naming the field "smtp"

  Scenario: Granting impersonation of a domain lets the super-user in
    When svc-ews@acme.test impersonating dave@initech.test binds to the inbox folder
    Then the client call fails with ErrorImpersonateUserDenied
    When the tester sends PUT "/grants/svc-ews@acme.test" to the admin API with JSON:
      """
      { "scope": { "domains": ["acme.test", "globex.test", "initech.test"] } }
      """
    Then the admin API answers 200
    When svc-ews@acme.test impersonating dave@initech.test binds to the inbox folder
    Then the client call succeeds

  Scenario: A grant narrowed by a recipient filter, as a management scope narrows it
    When the tester sends PUT "/grants/svc-ews@acme.test" to the admin API with JSON:
      """
      { "scope": "all", "recipientFilter": "Department -eq 'Sales'" }
      """
    Then the admin API answers 200
    And the admin answer has:
      | account         | svc-ews@acme.test       |
      | recipientFilter | Department -eq 'Sales'  |
    When svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    Then the client call succeeds
    When svc-ews@acme.test impersonating bob@acme.test binds to the inbox folder
    Then the client call fails with ErrorImpersonateUserDenied
    When the tester sends PUT "/grants/svc-ews@acme.test" to the admin API with JSON:
      """
      { "scope": "all", "recipientFilter": "Department -like" }
      """
    Then the admin API answers 400 naming the field "recipientFilter"

  Scenario: Replacing every grant, then removing one
    When the tester sends PUT "/grants" to the admin API with JSON:
      """
      [
        { "account": "alice@acme.test", "scope": { "mailboxes": ["bob@acme.test"] } },
        { "account": "svc-ews@acme.test", "scope": "all" }
      ]
      """
    Then the admin API answers 200
    And the admin answer lists "[].account" as "alice@acme.test, svc-ews@acme.test"
    When alice@acme.test impersonating bob@acme.test posts the SOAP body:
      """
      <m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When the tester sends DELETE "/grants/alice@acme.test" to the admin API
    Then the admin API answers 204
    When alice@acme.test impersonating bob@acme.test posts the SOAP body:
      """
      <m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>
      """
    Then the response is a SOAP fault with ResponseCode ErrorImpersonateUserDenied

  Scenario: Bad grants are refused and the grants stay as they were
    When the tester sends PUT "/grants" to the admin API with JSON:
      """
      [ { "account": "nobody@acme.test", "scope": "all" } ]
      """
    Then the admin API answers 400 naming the field "[0].account"
    When the tester sends PUT "/grants/svc-ews@acme.test" to the admin API with JSON:
      """
      { "scope": { "domains": [] } }
      """
    Then the admin API answers 400 naming the field "scope.domains"
    When the tester sends PUT "/grants/nobody@acme.test" to the admin API with JSON:
      """
      { "scope": "all" }
      """
    Then the admin API answers 404 naming the field "account"
    When the tester sends DELETE "/grants/bob@acme.test" to the admin API
    Then the admin API answers 404 naming the field "account"
    When the tester sends GET "/grants" to the admin API
    Then the admin answer has:
      | [0].account        | svc-ews@acme.test                |
      | [0].scope.domains  | ["acme.test","globex.test"]      |
