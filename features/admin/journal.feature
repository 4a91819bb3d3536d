@needs-admin @admin @journal
Feature: The request journal: what a client sent, and what it got
  Every EWS request is kept with who sent it, for which mailbox, the operation, version, status,
  ResponseCode, duration and both bodies — never credentials.

  Scenario: A request is journalled with its account, mailbox, operation, version, codes and bodies
    When svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    And the tester sends GET "/requests" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | [0].id           | 1                 |
      | [0].account      | svc-ews@acme.test |
      | [0].mailbox      | alice@acme.test   |
      | [0].operation    | GetFolder         |
      | [0].version      | Exchange2010_SP2  |
      | [0].status       | 200               |
      | [0].responseCode | NoError           |
      | [0].failed       | false             |
      | [0].unmatched    | false             |
      | [0].fault        | null              |
    And journal entry 1 has the request XML containing "DistinguishedFolderId Id=\"inbox\""
    And journal entry 1 has the response XML containing "<t:DisplayName>Inbox</t:DisplayName>"
    When the tester sends GET "/requests/1" to the admin API
    Then the admin answer has:
      | operation | GetFolder |
    When the tester sends GET "/requests/99" to the admin API
    Then the admin API answers 404 naming the field "id"

  Scenario: Passwords, tokens and credentials never reach the journal
    When svc-ews@acme.test impersonating alice@acme.test posts with the HTTP header "X-Api-Token: abc-secret-token" and the SOAP header "<t:Logon><t:UserName>svc</t:UserName><t:Password>hunter2</t:Password></t:Logon><t:AccessToken Type=\"Bearer\">eyJhbGciOi.secret.sig</t:AccessToken>" the body:
      """
      <m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>
      """
    And "alice@acme.test" with password "Wr0ngPassword!" posts the SOAP body:
      """
      <m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>
      """
    And the tester sends GET "/requests" to the admin API
    Then the admin answer is a list of 2
    And the admin answer lists "[].status" as "401, 200"
    And no journal entry contains "hunter2"
    And no journal entry contains "abc-secret-token"
    And no journal entry contains "eyJhbGciOi.secret.sig"
    And no journal entry contains "Wr0ngPassword!"
    And no journal entry contains "Passw0rd!"
    And no journal entry contains the Basic credentials of svc-ews@acme.test
    And journal entry 2 has the request XML containing "<t:Password>***</t:Password>"
    And journal entry 2 has the request XML containing "<t:UserName>svc</t:UserName>"
    And journal entry 2 has the header "X-Api-Token: ***"

  Scenario: Filtering by operation, mailbox, account and outcome, newest first
    Given svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    And svc-ews@acme.test impersonating bob@acme.test binds to the inbox folder
    And svc-ews@acme.test impersonating bob@acme.test finds folders under msgfolderroot with traversal Shallow
    And svc-ews@acme.test impersonating dave@initech.test binds to the inbox folder
    When the tester sends GET "/requests?mailbox=bob@acme.test" to the admin API
    Then the admin answer lists "[].operation" as "FindFolder, GetFolder"
    When the tester sends GET "/requests?operation=GetFolder" to the admin API
    Then the admin answer lists "[].mailbox" as "null, bob@acme.test, alice@acme.test"
    When the tester sends GET "/requests?failed=true" to the admin API
    Then the admin answer lists "[].responseCode" as "ErrorImpersonateUserDenied"
    When the tester sends GET "/requests?account=SVC-EWS@acme.test&limit=2" to the admin API
    Then the admin answer lists "[].id" as "4, 3"
    And the typed admin client finds 1 GetFolder request for bob@acme.test, the newest answered NoError

  Scenario: Counting requests, unmatched ones and failed ones
    Given svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    And the tester has sent POST "/faults" to the admin API with JSON:
      """
      { "kind": "server-busy", "count": 1 }
      """
    And svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    And svc-ews@acme.test posts the SOAP body:
      """
      <m:FrobnicateItem/>
      """
    When the tester sends GET "/requests/count" to the admin API
    Then the admin answer has:
      | total     | 3 |
      | unmatched | 1 |
      | failed    | 2 |
    When the tester sends GET "/requests?limit=2" to the admin API
    Then the admin answer lists "[].responseCode" as "ErrorSchemaValidation, ErrorServerBusy"
    And the admin answer lists "[].fault" as "null, server-busy"
    When the tester sends GET "/requests/count?operation=GetFolder" to the admin API
    Then the admin answer has:
      | total  | 2 |
      | failed | 1 |

  Scenario: Clearing the journal
    Given svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    When the tester sends DELETE "/requests" to the admin API
    Then the admin answer has:
      | cleared | 1 |
    When the tester sends GET "/requests/count" to the admin API
    Then the admin answer has:
      | total | 0 |

  Scenario: The journal keeps the newest response bodies within its byte budget; older records keep the rest
    Given the journal keeps 4000 bytes of responses
    And svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder 4 times
    When the tester sends GET "/requests" to the admin API
    Then the admin answer is a list of 4
    And journal entry 1 has the response XML containing "<t:DisplayName>Inbox</t:DisplayName>"
    And journal entry 3 has the response XML containing "<t:DisplayName>Inbox</t:DisplayName>"
    And journal entry 4 has the response XML containing "<!-- journal: response body not kept; the journal keeps the newest 4000 bytes of responses -->"
    And journal entry 4 has the request XML containing "DistinguishedFolderId Id=\"inbox\""
    And the admin answer lists "[].responseCode" as "NoError, NoError, NoError, NoError"

  Scenario Outline: A journal response budget that is not a positive whole number of bytes is refused, naming it
    Given the journal keeps <bytes> bytes of responses
    Then starting the mock fails with "journalResponseBytes must be a whole number of bytes, at least 1 (got <bytes>)"

    Examples:
      | bytes |
      | 0     |
      | -4096 |

  Scenario Outline: A bad journal filter is refused, naming it
    When the tester sends GET "/requests?<query>" to the admin API
    Then the admin API answers 400 naming the field "<field>"

    Examples:
      | query                             | field     |
      | limit=-1                          | limit     |
      | limit=ten                         | limit     |
      | failed=maybe                      | failed    |
      | operation=GetFolder&operation=X   | operation |
