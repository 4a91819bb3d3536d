@needs-admin @admin
Feature: Admin API: app registrations, the tokens the token endpoint issued, and credential checks
  A test shortens an app's token lifetime to make its client refresh, counts the tokens the client
  fetched, and turns a login and password into the account they sign in as — over HTTP, and
  without any client secret, password or token string in an answer.

  Scenario: The scenario's app registrations are listed without their secrets
    When the tester sends GET "/apps" to the admin API
    Then the admin API answers 200
    And the admin answer is a list of 1
    And the admin answer has:
      | [0].clientId             | 8a4e2f10-0000-4000-8000-000000e75ec5 |
      | [0].displayName          | EWS Sync App                         |
      | [0].roles                | ["full_access_as_app"]               |
      | [0].tokenLifetimeSeconds | 3599                                 |
    And the admin answer does not contain "Sync-App-S3cret!"
    When the tester sends GET "/apps/8A4E2F10-0000-4000-8000-000000E75EC5" to the admin API
    Then the admin answer has:
      | clientId | 8a4e2f10-0000-4000-8000-000000e75ec5 |
    When the tester sends GET "/apps/00000000-0000-4000-8000-000000000000" to the admin API
    Then the admin API answers 404 naming the field "clientId"

  Scenario: A shorter token lifetime applies to the next token the endpoint issues
    When the tester sends PATCH "/apps/8a4e2f10-0000-4000-8000-000000e75ec5" to the admin API with JSON:
      """
      { "tokenLifetimeSeconds": 90 }
      """
    Then the admin API answers 200
    And the admin answer has:
      | tokenLifetimeSeconds | 90           |
      | displayName          | EWS Sync App |
    When the app "8a4e2f10-0000-4000-8000-000000e75ec5" asks tenant "7d1f1a3e-0000-4000-8000-00000000ec57" for a token with secret "Sync-App-S3cret!" and scope "https://outlook.office365.com/.default"
    Then the token endpoint answers 200 with a Bearer token that expires in 90 seconds

  Scenario Outline: An app change that breaks a rule is refused and changes nothing
    When the tester sends PATCH "/apps/8a4e2f10-0000-4000-8000-000000e75ec5" to the admin API with JSON:
      """
      <body>
      """
    Then the admin API answers 400 naming the field "<field>"
    When the tester sends GET "/apps/8a4e2f10-0000-4000-8000-000000e75ec5" to the admin API
    Then the admin answer has:
      | tokenLifetimeSeconds | 3599                   |
      | roles                | ["full_access_as_app"] |

    Examples:
      | body                                                   | field                |
      | { "tokenLifetimeSeconds": 0 }                          | tokenLifetimeSeconds |
      | { "tokenLifetimeSeconds": 1.5 }                        | tokenLifetimeSeconds |
      | { "roles": ["full_access_as_app"], "secret": "other" } | secret               |

  Scenario: Changing an app that is not registered answers 404
    When the tester sends PATCH "/apps/00000000-0000-4000-8000-000000000000" to the admin API with JSON:
      """
      { "tokenLifetimeSeconds": 60 }
      """
    Then the admin API answers 404 naming the field "clientId"

  Scenario: The issued tokens are listed with their app, audience and expiry, never the token itself
    When the tester sends GET "/tokens/issued" to the admin API
    Then the admin answer has:
      | total | 0 |
    When the app "8a4e2f10-0000-4000-8000-000000e75ec5" asks tenant "7d1f1a3e-0000-4000-8000-00000000ec57" for a token with secret "Sync-App-S3cret!" and scope "https://outlook.office365.com/.default"
    And the app "8a4e2f10-0000-4000-8000-000000e75ec5" asks tenant "acme.test" for a token with secret "Wrong-S3cret" and scope "https://outlook.office365.com/.default"
    And the app "8a4e2f10-0000-4000-8000-000000e75ec5" asks tenant "acme.test" for a token with secret "Sync-App-S3cret!" and scope "https://outlook.office365.com/.default"
    And the tester sends GET "/tokens/issued?clientId=8A4E2F10-0000-4000-8000-000000E75EC5" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | total                     | 2                                    |
      | tokens[0].n               | 1                                    |
      | tokens[1].n               | 2                                    |
      | tokens[1].clientId        | 8a4e2f10-0000-4000-8000-000000e75ec5 |
      | tokens[1].audience        | https://outlook.office365.com        |
      | tokens[1].lifetimeSeconds | 3599                                 |
    And the admin answer does not contain the access token the endpoint issued
    And the admin answer does not contain "Sync-App-S3cret!"
    When the tester sends GET "/tokens/issued?clientId=00000000-0000-4000-8000-000000000000" to the admin API
    Then the admin answer has:
      | total  | 0  |
      | tokens | [] |
    When the tester sends GET "/tokens/issued?clientId=a&clientId=b" to the admin API
    Then the admin API answers 400 naming the field "clientId"
    When the tester sends POST "/reset" to the admin API
    And the tester sends GET "/tokens/issued" to the admin API
    Then the admin answer has:
      | total | 0 |

  Scenario: A login and password are checked as Basic sign-in would check them
    When the tester sends POST "/credentials/check" to the admin API with JSON:
      """
      { "login": "ALICE@acme.test", "password": "Passw0rd!" }
      """
    Then the admin API answers 200
    And the admin answer has:
      | account | alice@acme.test |
      | valid   | true            |
    When the tester sends POST "/credentials/check" to the admin API with JSON:
      """
      { "login": "alice@acme.test", "password": "passw0rd!" }
      """
    Then the admin answer has:
      | account | alice@acme.test |
      | valid   | false           |
    And the admin answer does not contain "passw0rd!"
    When the tester sends POST "/credentials/check" to the admin API with JSON:
      """
      { "login": "nobody@acme.test", "password": "Passw0rd!" }
      """
    Then the admin API answers 404 naming the field "login"
    When the tester sends POST "/credentials/check" to the admin API with JSON:
      """
      { "login": "alice@acme.test" }
      """
    Then the admin API answers 400 naming the field "password"
