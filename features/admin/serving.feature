@needs-admin @admin
Feature: Where the admin API is served, and who may use it
  By default the admin API shares the EWS port; it can move to a port of its own, be switched off,
  or require a token.

  Scenario: By default the admin API shares the EWS port, and the in-process client uses it
    When the tester sends GET "/__admin/health" to the EWS port
    Then the admin API answers 200
    And the in-process admin client reports the health of a mock with 5 mailboxes

  Scenario: On a port of its own, the EWS port no longer answers admin routes
    Given the mock serves its admin API on a port of its own
    Then the admin API listens on another port than EWS
    When the tester sends GET "/health" to the admin API
    Then the admin API answers 200
    When the tester sends GET "/__admin/health" to the EWS port
    Then the admin API answers 404
    And the in-process admin client reports the health of a mock with 5 mailboxes

  Scenario: Switched off, no admin route answers and EWS still works
    Given the mock runs without its admin API
    When the tester sends GET "/__admin/health" to the EWS port
    Then the admin API answers 404
    And the in-process admin client refuses with "runs without its admin API"
    When svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    Then the folder is "Inbox" with 23 items

  Scenario: With a token, requests without it or with a wrong one get 401
    Given the mock requires the admin token "s3cret-admin"
    When the tester sends GET "/health" to the admin API
    Then the admin API answers 401 naming the field "Authorization"
    And the admin answer header "www-authenticate" is "Bearer realm=\"mock-ews admin\""
    When the tester sends GET "/mailboxes" to the admin API with the token "wrong"
    Then the admin API answers 401 naming the field "Authorization"
    When the tester sends GET "/mailboxes" to the admin API with the token "s3cret-admin"
    Then the admin API answers 200
    And the in-process admin client reports the health of a mock with 5 mailboxes
