@syncer @settings @oauth
Feature: OAuth settings (auth: oauth)
  Exchange Online takes no password: the syncer authenticates as an app registration with client
  credentials (tenant, clientId, clientSecret or clientSecretEnv; authority defaults to
  https://login.microsoftonline.com). `auth` is basic (the default), ntlm or oauth; each rule names
  the field and the rule, and the client secret never appears in any output.

  Background:
    Given settings for a local Exchange server
    And the settings use an app registration for Exchange Online

  Scenario: Complete OAuth settings are valid
    When I validate the settings
    Then the settings are valid

  Scenario: Settings without auth keep Basic, as before
    Given settings for a local Exchange server
    When I validate the settings
    Then the settings are valid

  Scenario: An unknown authentication method is refused
    Given the setting "auth" is "kerberos"
    When I validate the settings
    Then validation reports "auth" breaking rule "one-of"
    And the violation message for "auth" contains "is not offered; choose one of basic, ntlm, oauth"

  Scenario Outline: <field> is required with auth oauth while enabled
    Given the setting "<field>" is removed
    When I validate the settings
    Then validation reports "<field>" breaking rule "required"
    And the violation message for "<field>" contains "<text>"

    Examples:
      | field        | text                                                          |
      | tenant       | tenant is required with auth oauth                            |
      | clientId     | clientId is required with auth oauth                          |
      | clientSecret | clientSecret is required when the integration is enabled (give clientSecret or clientSecretEnv) |
      | login        | login is required when the integration is enabled             |

  Scenario Outline: <field> "<value>" breaks rule <rule>
    Given the setting "<field>" is "<value>"
    When I validate the settings
    Then validation reports "<field>" breaking rule "<rule>"
    And the violation message for "<field>" contains "<text>"

    Examples:
      | field     | value                   | rule   | text                                                     |
      | tenant    | not a tenant            | format | must be a directory (tenant) id                          |
      | clientId  | sync-app                | format | must be an application (client) id, a GUID               |
      | authority | ftp://login.example.com | format | must be an http(s) URL                                   |
      | login     | ACME\svc-ews            | format | login is the mailbox the connection check opens          |

  Scenario: OAuth needs a generation whose EWS takes tokens
    Given the setting "version" is "2010 SP2"
    When I validate the settings
    Then validation reports "auth" breaking rule "version"
    And the violation message for "auth" contains "auth oauth needs version 2016, 2019, Exchange Online"

  Scenario: A tenant may be named by one of its domains
    Given the setting "tenant" is "acme.onmicrosoft.com"
    When I validate the settings
    Then the settings are valid

  Scenario: A password is not used with auth oauth
    Given the setting "password" is "Passw0rd!"
    When I validate the settings
    Then validation reports "password" breaking rule "not-used"
    And the violation message for "password" is "password is not used with auth oauth; give clientSecret or clientSecretEnv"
    And no output contains "Passw0rd!"

  Scenario Outline: <field> is used only with auth oauth
    Given settings for a local Exchange server
    And the setting "<field>" is "<value>"
    When I validate the settings
    Then validation reports "<field>" breaking rule "not-used"
    And the violation message for "<field>" is "<field> is used only with auth oauth"

    Examples:
      | field        | value                                |
      | tenant       | 7d1f1a3e-0000-4000-8000-00000000ec57 |
      | clientId     | 8a4e2f10-0000-4000-8000-000000e75ec5 |
      | clientSecret | Sync-App-S3cret!                     |

  Scenario: The client secret may come from an environment variable, but not from both places
    Given the environment variable "SYNC_APP_SECRET" is "Sync-App-S3cret!"
    And the setting "clientSecretEnv" is "SYNC_APP_SECRET"
    When I validate the settings
    Then validation reports "clientSecret" breaking rule "exclusive"
    When the setting "clientSecret" is removed
    And I validate the settings
    Then the settings are valid

  Scenario: A clientSecretEnv naming an unset variable is refused
    Given the setting "clientSecret" is removed
    And the setting "clientSecretEnv" is "NO_SUCH_SECRET_VARIABLE"
    And the environment variable "NO_SUCH_SECRET_VARIABLE" is unset
    When I validate the settings
    Then validation reports "clientSecretEnv" breaking rule "unset"

  Scenario: Saved OAuth settings keep the secret encrypted and show it masked
    When I save the settings
    Then the command succeeds
    And the database does not contain "Sync-App-S3cret!"
    And "settings show" shows the auth "oauth" and the client secret masked
    And "settings show" shows the tenant "7d1f1a3e-0000-4000-8000-00000000ec57" and the client secret masked

  Scenario: A stored Basic password is never sent as a client secret
    Given settings for a local Exchange server
    And the settings are saved
    And the settings use an app registration for Exchange Online
    And the setting "clientSecret" is ""
    When I save the settings
    Then the command fails
    And the output contains "clientSecret is required"
