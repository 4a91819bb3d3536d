@syncer @settings
Feature: Saved settings
  `ews-sync settings save` keeps validated settings in the syncer's database with the password
  encrypted (AES-256-GCM, key from EWS_SYNC_KEY or a key file); invalid settings change nothing; an
  empty password keeps the stored one; `settings show` masks the password.

  Background:
    Given settings for a local Exchange server
    And the setting "password" is "Stored-Secret-42"

  Scenario: Saving stores the settings with the password encrypted
    When I save the settings
    Then the command succeeds
    And the saved server is "mail.example.com"
    And the stored password is encrypted and opens to "Stored-Secret-42"
    And the database does not contain "Stored-Secret-42"

  Scenario: settings show masks the password
    Given the settings are saved
    When I run "settings show"
    Then the command succeeds
    And the output shows the password masked
    And no output contains "Stored-Secret-42"

  Scenario: The installed command, started through its shebang, reads the same saved settings
    Given the settings are saved
    When I run "settings show" as the installed command
    Then the command succeeds
    And the output shows the password masked
    And the output contains "mail.example.com"
    And no output contains "Stored-Secret-42"

  Scenario: Saving invalid settings changes nothing
    Given the settings are saved
    And the setting "server" is "ftp://elsewhere.example.com"
    And the setting "password" is "Other-Secret-7"
    When I save the settings
    Then the command fails
    And the output contains "not saved"
    And the saved server is "mail.example.com"
    And the stored password is encrypted and opens to "Stored-Secret-42"

  Scenario: Saving with an empty password keeps the stored one
    Given the settings are saved
    And the setting "password" is ""
    And the setting "server" is "mail2.example.com"
    When I save the settings
    Then the command succeeds
    And the saved server is "mail2.example.com"
    And the stored password is encrypted and opens to "Stored-Secret-42"

  Scenario: A different key cannot open the stored password
    Given the settings are saved
    And the environment variable "EWS_SYNC_KEY" is "another key altogether"
    When I run "settings show"
    Then the command fails
    And the output contains "cannot be decrypted"

  Scenario: Without EWS_SYNC_KEY a key file beside the database is created and used
    Given the environment variable "EWS_SYNC_KEY" is unset
    When I save the settings
    Then the command succeeds
    And a key file "sync.sqlite.key" exists beside the database with mode 600
    And "settings show" shows the password masked
