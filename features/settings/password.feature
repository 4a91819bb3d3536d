@syncer @settings
Feature: The password is secret
  The super-user's password may be written in the settings file or taken from an environment
  variable. It is never printed, logged or echoed in an error, and it is stored encrypted.

  Background:
    Given settings for a local Exchange server

  Scenario: The password is never echoed, even when typed into another field
    Given the setting "password" is "Hunter2-secret"
    And the setting "server" is "Hunter2-secret is my password"
    And the setting "login" is "Hunter2-secret@"
    When I validate the settings
    Then validation reports 2 violations
    And no output contains "Hunter2-secret"

  Scenario: A one-letter password is masked where it stands alone, not inside other words
    Given the setting "password" is "x"
    And the setting "domainList" is "example.com, localhost, x"
    When I validate the settings
    Then the violation message for "domainList" contains "\"localhost\" is not a valid domain name (e.g. example.com)"
    And the violation message for "domainList" contains "\"********\""

  Scenario: The password may come from an environment variable
    Given the setting "password" is removed
    And the setting "passwordEnv" is "EWS_TEST_PASSWORD"
    And the environment variable "EWS_TEST_PASSWORD" is "FromTheEnv-123"
    When I validate the settings
    Then the settings are valid

  Scenario: A passwordEnv naming an unset variable is refused
    Given the setting "password" is removed
    And the setting "passwordEnv" is "EWS_TEST_UNSET_PASSWORD"
    When I validate the settings
    Then validation reports "passwordEnv" breaking rule "unset"

  Scenario: password and passwordEnv together are refused
    Given the setting "passwordEnv" is "EWS_TEST_PASSWORD"
    And the environment variable "EWS_TEST_PASSWORD" is "FromTheEnv-123"
    When I validate the settings
    Then validation reports "password" breaking rule "exclusive"

  Scenario: A password taken from the environment is stored as the variable's name only
    Given the setting "password" is removed
    And the setting "passwordEnv" is "EWS_TEST_PASSWORD"
    And the environment variable "EWS_TEST_PASSWORD" is "FromTheEnv-123"
    When I save the settings
    Then the command succeeds
    And the database does not contain "FromTheEnv-123"
    And "settings show" prints "passwordEnv: EWS_TEST_PASSWORD"
