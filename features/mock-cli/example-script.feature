@cli @readme
Feature: The README's example lists a user's Inbox through ews-javascript-api
  scripts/example-list-inbox.ts is what the README promises: point ews-javascript-api at the
  printed URL, impersonate alice@acme.test as svc-ews@acme.test, and list her Inbox.

  Scenario: The script lists Alice's Inbox, newest first
    Given the mock serves the default scenario
    When I run the example script with the mock's URL as its argument
    Then the script exits with status 0
    And the script prints "Inbox of alice@acme.test at"
    And the script prints "23 messages"
    And the script lists these subjects first:
      | Signed contract           |
      | Réunion d'équipe — 会議 📅 |
      | (no subject)              |

  Scenario: The URL may come from EWS_URL, and the mailbox from EWS_MAILBOX
    Given the mock serves the default scenario
    When I run the example script with EWS_URL set to the mock's URL and EWS_MAILBOX "carol@globex.test"
    Then the script exits with status 0
    And the script prints "Inbox of carol@globex.test at"
    And the script prints "23 messages"
    And the script lists these subjects first:
      | Überweisung bestätigt |

  Scenario: A mailbox outside the super-user's grant is refused
    Given the mock serves the default scenario
    When I run the example script with EWS_URL set to the mock's URL and EWS_MAILBOX "dave@initech.test"
    Then the script exits with status 1
    And the script reports "The account does not have permission to impersonate the requested user."
