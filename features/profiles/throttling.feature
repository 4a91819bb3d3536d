@profiles
Feature: Throttling budgets per generation
  2016, 2019 and Exchange Online always limit concurrent sync calls to 5 per mailbox; scenario
  policies add concurrent connection and request-rate budgets. Refusals are HTTP 500 faults with
  ErrorServerBusy and BackOffMilliseconds (Exchange Online words them with the policy part).

  Scenario Outline: A sixth concurrent SyncFolderHierarchy is refused on <profile>
    Given the mock emulates <profile>
    And the mock delays every SyncFolderHierarchy answer by 4000 ms
    When svc-ews@acme.test impersonating alice@acme.test sends 6 SyncFolderHierarchy requests at once
    Then 5 of them succeed and 1 fail with ErrorServerBusy
    And every refusal is an HTTP 500 fault with BackOffMilliseconds 5000 and the text "<text>"

    @Exchange2016 @Exchange2019
    Examples:
      | profile      | text                                                        |
      | Exchange2016 | The server cannot service this request right now.           |
      | Exchange2019 | The server cannot service this request right now.           |

  @ExchangeOnline
  Scenario: Exchange Online names the ConcurrentSyncCalls policy part
    Given the mock emulates ExchangeOnline
    And the mock delays every SyncFolderHierarchy answer by 4000 ms
    When an application impersonating alice@acme.test sends 6 SyncFolderHierarchy requests at once
    Then 5 of them succeed and 1 fail with ErrorServerBusy
    And every refusal is an HTTP 500 fault with BackOffMilliseconds 5000 and the text "policy part 'ConcurrentSyncCalls', policy value '5', Budget type: 'Ews'"

  Scenario: Exchange 2013 does not limit concurrent sync calls by default
    Given the mock emulates Exchange2013
    And the mock delays every SyncFolderHierarchy answer by 4000 ms
    When svc-ews@acme.test impersonating alice@acme.test sends 6 SyncFolderHierarchy requests at once
    Then 6 of them succeed and 0 fail with ErrorServerBusy

  Scenario: A concurrent connection budget from the scenario answers ErrorExceededConnectionCount
    Given the mock serves the scenario "profiles/throttled.yaml"
    And the mock emulates Exchange2013
    And the mock delays every GetFolder answer by 4000 ms
    When alice@acme.test sends 5 GetFolder requests for inbox at once
    Then 3 of them succeed and 2 fail with ErrorExceededConnectionCount

  Scenario: A request-rate budget answers ErrorServerBusy with the time until the budget recharges
    Given the mock serves the scenario "profiles/throttled.yaml"
    And the mock emulates Exchange2016
    When bob@acme.test sends 4 GetFolder requests for inbox one after another
    Then 3 of them succeed and 1 fail with ErrorServerBusy
    And the refusal suggests backing off between 15000 and 20000 ms
