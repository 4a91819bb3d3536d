@syncer @connection @oauth
Feature: The syncer on Exchange Online through OAuth
  With auth oauth the syncer asks the identity platform's token endpoint for an app-only token
  (client credentials), sends it on every request with X-AnchorMailbox naming the impersonated
  mailbox, reuses it for the whole run, and fetches a new one before it expires. What the token
  endpoint refuses is reported with its error and AADSTS code, never with the secret.

  Background:
    Given the mock emulates ExchangeOnline
    And the users of the default scenario are imported
    And the syncer settings point at the mock
    And the setting "version" is "Exchange Online"
    And the syncer authenticates with oauth

  Scenario: A run impersonates every mailbox as the app, with one token and X-AnchorMailbox
    When the syncer runs
    Then the run succeeds
    And all 3 mailboxes are succeeded
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"
    And every EWS request of the last command came from the sync app with X-AnchorMailbox naming its impersonated mailbox
    And the token endpoint issued 1 token to the sync app

  Scenario: The check opens the login mailbox as the app
    When I check the connection
    Then the connection succeeds
    And every EWS request of the last command came from the sync app with X-AnchorMailbox naming its impersonated mailbox

  Scenario: A wrong client secret means bad credentials, named by the identity platform's code
    Given the setting "clientSecret" is "Wrong-S3cret"
    When I check the connection
    Then the connection fails because of "bad credentials"
    And the output contains "invalid_client: AADSTS7000215"
    And the output contains "8a4e2f10-0000-4000-8000-000000e75ec5"
    And no output contains "Wrong-S3cret"
    And the mock received no request

  Scenario: An unknown client id means bad credentials
    Given the setting "clientId" is "0badc0de-0000-4000-8000-000000000000"
    When I check the connection
    Then the connection fails because of "bad credentials"
    And the output contains "unauthorized_client: AADSTS700016"

  Scenario: A token for the wrong resource is refused by Exchange Online
    # Version 2016 makes the syncer ask for the server's own URL as the resource (hybrid), which
    # Exchange Online does not answer to.
    Given the setting "version" is "2016"
    When I check the connection
    Then the connection fails because of "bad credentials"
    And the output contains "HTTP 401"
    And the output contains "full_access_as_app"

  Scenario: A run with a wrong client secret fails every mailbox with the reason
    Given the setting "clientSecret" is "Wrong-S3cret"
    When the syncer runs
    Then the run fails naming alice@acme.test
    And the last error of carol@globex.test says "invalid_client"
    And no output contains "Wrong-S3cret"

  Scenario: Tokens that expire during a run are replaced and the run completes
    Given the sync app's tokens live 2 seconds
    And the mock delays every GetItem answer by 700 ms
    When the syncer runs with "--concurrency 1"
    Then the run succeeds
    And all 3 mailboxes are succeeded
    And the database holds exactly the messages of bob@acme.test in "Inbox" and "Sent Items"
    And the database holds exactly the messages of carol@globex.test in "Inbox"
    And the token endpoint issued at least 3 tokens to the sync app

  Scenario: A token the server refuses during a run is renewed once and the refused request sent again
    Given the tester injects the fault:
      """
      { "kind": "http-status", "status": 401, "operation": "GetItem", "mailbox": "bob@acme.test", "count": 1 }
      """
    When the syncer runs
    Then the run succeeds
    And all 3 mailboxes are succeeded
    And the database holds exactly the messages of bob@acme.test in "Inbox" and "Sent Items"
    And the GetItem request of bob@acme.test that met the fault was sent again and answered
    And the token endpoint issued 2 tokens to the sync app

  Scenario: The client secret may come from the environment and is stored as the variable's name
    Given the environment variable "SYNC_APP_SECRET" is "Sync-App-S3cret!"
    And the setting "clientSecret" is removed
    And the setting "clientSecretEnv" is "SYNC_APP_SECRET"
    And the settings are saved
    When I run "check"
    Then the command succeeds
    And the output contains "Connection successful!"
    And the database does not contain "Sync-App-S3cret!"
