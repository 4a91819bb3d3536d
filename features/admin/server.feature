@needs-admin @admin
Feature: Admin API: health, readiness, reset and scenarios
  A test harness checks that the mock is up, loads the world a test needs, and puts it back
  afterwards. A scenario that does not load changes nothing.

  Scenario: Health names the profile and counts what the scenario loaded
    When the tester sends GET "/health" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | status    | ok               |
      | profile   | Exchange2010_SP2 |
      | mailboxes | 5                |
      | accounts  | 5                |
      | faults    | 0                |

  Scenario: Ready once the scenario is loaded
    When the tester sends GET "/ready" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | ready | true |

  Scenario: The profile in force
    Given the mock emulates Exchange2013
    When the tester sends GET "/profile" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | name                | Exchange2013 |
      | serverVersion.major | 15           |

  Scenario: Reset puts back the loaded mailboxes, clears faults and empties the journal
    Given the tester has sent POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Delivered before the reset" }
      """
    And the tester has sent POST "/faults" to the admin API with JSON:
      """
      { "kind": "server-busy" }
      """
    And svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    When the tester sends POST "/reset" to the admin API
    Then the admin API answers 200
    When the tester sends GET "/mailboxes/alice@acme.test/folders/inbox" to the admin API
    Then the admin answer has:
      | totalCount | 23 |
    When the tester sends GET "/faults" to the admin API
    Then the admin answer is a list of 0
    When the tester sends GET "/requests/count" to the admin API
    Then the admin answer has:
      | total | 0 |

  Scenario: A YAML scenario replaces the world, and reset returns to it
    When the tester sends PUT "/scenario" to the admin API as "application/yaml":
      """
      profile: Exchange2016
      domains: [example.test]
      accounts:
        - smtp: erin@example.test
          password: Secret-1
      mailboxes:
        - smtp: erin@example.test
          folders:
            - name: inbox
              messages:
                - subject: Welcome aboard
      """
    Then the admin API answers 200
    And the admin answer has:
      | profile   | Exchange2016           |
      | mailboxes | ["erin@example.test"]  |
    When the tester sends POST "/mailboxes/erin@example.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Second message" }
      """
    And the tester sends POST "/reset" to the admin API
    And the tester sends GET "/mailboxes/erin@example.test/folders/inbox" to the admin API
    Then the admin answer lists "items[].subject" as "Welcome aboard"
    When the tester sends GET "/scenario" to the admin API
    Then the admin answer has:
      | label | scenario |

  Scenario: A JSON scenario is accepted too
    When the tester sends POST "/scenario" to the admin API with JSON:
      """
      { "domains": ["example.test"], "accounts": [{ "smtp": "fred@example.test", "password": "pw" }] }
      """
    Then the admin API answers 200
    And the admin answer has:
      | accounts  | 1                     |
      | mailboxes | ["fred@example.test"] |

  Scenario: An invalid scenario is refused with the path and rule, and the running world is unchanged
    When the tester sends PUT "/scenario" to the admin API as "application/yaml":
      """
      accounts:
        - smtp: not-an-address
          password: x
      """
    Then the admin API answers 400 naming the field "body"
    And the admin error says "accounts[0].smtp: must be an email address like alice@acme.test"
    When the tester sends GET "/health" to the admin API
    Then the admin answer has:
      | mailboxes | 5 |
    And svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    And the folder is "Inbox" with 23 items

  Scenario: A scenario that is not YAML is refused
    When the tester sends PUT "/scenario" to the admin API as "application/yaml":
      """
      accounts: [unclosed
      """
    Then the admin API answers 400 naming the field "body"
    And the admin error says "not valid YAML"

  Scenario: An empty scenario body is refused
    When the tester sends PUT "/scenario" to the admin API as "application/yaml":
      """

      """
    Then the admin API answers 400 naming the field "body"

  Scenario: A scenario in another format is refused with 415
    When the tester sends PUT "/scenario" to the admin API as "application/xml":
      """
      <scenario/>
      """
    Then the admin API answers 415 naming the field "body"

  Scenario: An unknown admin route is a JSON 404
    When the tester sends GET "/no-such-thing" to the admin API
    Then the admin API answers 404
    And the admin error says "no admin route GET /__admin/no-such-thing"
