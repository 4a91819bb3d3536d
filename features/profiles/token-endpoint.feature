@profiles @oauth
Feature: The identity platform's token endpoint (client credentials)
  POST /{tenant}/oauth2/v2.0/token issues app-only tokens to the scenario's app registrations
  (`apps:` in the scenario file): grant_type=client_credentials, client_id, client_secret and
  scope=<Exchange resource>/.default. Refusals are JSON as the identity platform writes them:
  error, error_description starting with the AADSTS code, error_codes, trace and correlation ids.

  Scenario: The sync app gets a token that impersonates a mailbox of its grant
    Given the mock emulates ExchangeOnline
    When the app "8a4e2f10-0000-4000-8000-000000e75ec5" asks tenant "7d1f1a3e-0000-4000-8000-00000000ec57" for a token with secret "Sync-App-S3cret!" and scope "https://outlook.office365.com/.default"
    Then the token endpoint answers 200 with a Bearer token that expires in 3599 seconds
    And the token carries the role "full_access_as_app" for the app "8a4e2f10-0000-4000-8000-000000e75ec5" and the audience "https://outlook.office365.com"
    When the application uses the issued token impersonating carol@globex.test to get the inbox folder
    Then the folder in the response is named "Inbox" with 23 items
    When the application uses the issued token impersonating dave@initech.test to get the inbox folder
    Then the response is a SOAP fault with ResponseCode ErrorImpersonateUserDenied

  Scenario: A verified domain names the tenant as well as its id
    Given the mock emulates ExchangeOnline
    When the app "8a4e2f10-0000-4000-8000-000000e75ec5" asks tenant "acme.test" for a token with secret "Sync-App-S3cret!" and scope "https://outlook.office365.com/.default"
    Then the token endpoint answers 200 with a Bearer token that expires in 3599 seconds

  Scenario Outline: Refused: <case>
    Given the mock emulates ExchangeOnline
    When the app "<client>" asks tenant "<tenant>" for a token with secret "<secret>" and scope "<scope>"
    Then the token endpoint answers <status> with the error "<error>" and the code AADSTS<code>
    And the token endpoint's answer does not contain "Sync-App-S3cret!"

    Examples:
      | case                 | tenant                               | client                               | secret           | scope                                  | status | error               | code    |
      | bad secret           | 7d1f1a3e-0000-4000-8000-00000000ec57 | 8a4e2f10-0000-4000-8000-000000e75ec5 | Wrong-S3cret     | https://outlook.office365.com/.default | 401    | invalid_client      | 7000215 |
      | no secret            | 7d1f1a3e-0000-4000-8000-00000000ec57 | 8a4e2f10-0000-4000-8000-000000e75ec5 |                  | https://outlook.office365.com/.default | 401    | invalid_client      | 7000218 |
      | unknown client       | 7d1f1a3e-0000-4000-8000-00000000ec57 | 0badc0de-0000-4000-8000-000000000000 | Sync-App-S3cret! | https://outlook.office365.com/.default | 400    | unauthorized_client | 700016  |
      | delegated scope      | 7d1f1a3e-0000-4000-8000-00000000ec57 | 8a4e2f10-0000-4000-8000-000000e75ec5 | Sync-App-S3cret! | https://outlook.office365.com/EWS.AccessAsUser.All | 400 | invalid_scope | 1002012 |
      | no scope             | 7d1f1a3e-0000-4000-8000-00000000ec57 | 8a4e2f10-0000-4000-8000-000000e75ec5 | Sync-App-S3cret! |                                        | 400    | invalid_scope       | 90014   |
      | another resource     | 7d1f1a3e-0000-4000-8000-00000000ec57 | 8a4e2f10-0000-4000-8000-000000e75ec5 | Sync-App-S3cret! | https://graph.microsoft.com/.default   | 400    | invalid_resource    | 500011  |
      | unknown tenant       | contoso.example                      | 8a4e2f10-0000-4000-8000-000000e75ec5 | Sync-App-S3cret! | https://outlook.office365.com/.default | 400    | invalid_request     | 90002   |

  Scenario: Only the client-credentials grant is served
    Given the mock emulates ExchangeOnline
    When a client asks tenant "7d1f1a3e-0000-4000-8000-00000000ec57" for a token with the form "grant_type=password&client_id=8a4e2f10-0000-4000-8000-000000e75ec5&username=alice%40acme.test&password=Passw0rd!"
    Then the token endpoint answers 400 with the error "unsupported_grant_type" and the code AADSTS70003

  Scenario: A body that is not a client-credentials form is refused, naming the missing parameter
    Given the mock emulates ExchangeOnline
    When a client asks tenant "7d1f1a3e-0000-4000-8000-00000000ec57" for a token with the form "{\"grant_type\":\"client_credentials\",\"client_id\":\"8a4e2f10-0000-4000-8000-000000e75ec5\"}"
    Then the token endpoint answers 400 with the error "invalid_request" and the code AADSTS900144
    When a client asks tenant "7d1f1a3e-0000-4000-8000-00000000ec57" for a token with the form "grant_type=client_credentials&client_secret=Sync-App-S3cret!"
    Then the token endpoint answers 400 with the error "invalid_request" and the code AADSTS900144

  Scenario: A token whose lifetime is over is refused by EWS as expired
    Given the mock emulates ExchangeOnline
    And the sync app's tokens live 1 seconds
    When the app "8a4e2f10-0000-4000-8000-000000e75ec5" asks tenant "7d1f1a3e-0000-4000-8000-00000000ec57" for a token with secret "Sync-App-S3cret!" and scope "https://outlook.office365.com/.default"
    Then the token endpoint answers 200 with a Bearer token that expires in 1 seconds
    When 1.5 seconds pass
    And the application uses the issued token impersonating alice@acme.test to get the inbox folder
    Then the HTTP status is 401
    And the x-ms-diagnostics header has code 2000001 and category "invalid_token"

  @Exchange2016
  Scenario: On premises (hybrid) the resource is the server's own URL, and EWS checks the audience
    Given the mock emulates Exchange2016
    When the app "8a4e2f10-0000-4000-8000-000000e75ec5" asks tenant "7d1f1a3e-0000-4000-8000-00000000ec57" for a token for the mock's own URL with secret "Sync-App-S3cret!"
    Then the token endpoint answers 200 with a Bearer token that expires in 3599 seconds
    When the application uses the issued token impersonating alice@acme.test to get the inbox folder
    Then the folder in the response is named "Inbox" with 23 items
    # The identity platform issues a token for Exchange Online too; the on-premises server refuses its audience.
    When the app "8a4e2f10-0000-4000-8000-000000e75ec5" asks tenant "7d1f1a3e-0000-4000-8000-00000000ec57" for a token with secret "Sync-App-S3cret!" and scope "https://outlook.office365.com/.default"
    Then the token endpoint answers 200 with a Bearer token that expires in 3599 seconds
    When the application uses the issued token impersonating alice@acme.test to get the inbox folder
    Then the HTTP status is 401
    And the x-ms-diagnostics header has code 2000003 and category "invalid_resource"
