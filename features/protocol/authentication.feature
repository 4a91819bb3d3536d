# Basic authentication: every generation but Exchange Online, which has none (its 401s and
# x-ms-diagnostics are in features/profiles/authentication.feature).
@protocol @authentication @since:Exchange2010_SP2 @until:Exchange2019
Feature: Basic authentication against the scenario's accounts
  Every EWS request is authenticated before anything else is read. A refusal is an HTTP 401 with a
  Basic challenge, the same for an unknown user and a wrong password, so a 401 never reveals which
  accounts exist.

  Scenario: No credentials get the Basic challenge
    When a client posts a GetFolder for inbox without credentials
    Then the HTTP status is 401
    And the challenges offered include Basic with a realm

  Scenario Outline: Alice logs on as "<login>"
    When "<login>" with password "Passw0rd!" posts a GetFolder for inbox
    Then the HTTP status is 200
    And the folder in the response is named "Inbox" with 23 items

    Examples:
      | login           |
      | alice@acme.test |
      | ALICE@Acme.Test |
      | ACME\alice      |
      | alice           |

  Scenario Outline: Refused: <case>
    When "<login>" with password "<password>" posts a GetFolder for inbox
    Then the HTTP status is 401
    And the challenges offered include Basic with a realm

    Examples:
      | case                      | login              | password  |
      | wrong password            | alice@acme.test    | passw0rd! |
      | empty password            | alice@acme.test    |           |
      | unknown user              | mallory@acme.test  | Passw0rd! |
      | unknown domain prefix     | GLOBEX\alice       | Passw0rd! |
      | unknown bare user name    | mallory            | Passw0rd! |

  Scenario Outline: Refused Authorization header: <case>
    When a client posts a GetFolder for inbox with the Authorization header "<header>"
    Then the HTTP status is 401
    And the challenges offered include Basic with a realm

    Examples:
      | case                       | header                              |
      | not base64                 | Basic !!not-base64!!                |
      | no colon in the credential | Basic YWxpY2VAYWNtZS50ZXN0          |
      | another scheme             | Digest username=alice               |
      | scheme without value       | Basic                               |

  Scenario: A bare user name that two domains share is ambiguous and refused
    Given the mock serves this scenario:
      """
      domains: [acme.test, globex.test]
      accounts:
        - { smtp: sam@acme.test, password: "Secret-1" }
        - { smtp: sam@globex.test, password: "Secret-1" }
      """
    When "sam" with password "Secret-1" posts a GetFolder for inbox
    Then the HTTP status is 401
    When "GLOBEX\sam" with password "Secret-1" posts a GetFolder for inbox
    Then the HTTP status is 200
    And the folder in the response is named "Inbox" with 0 items

  Scenario: A UPN that differs from the SMTP address is a logon name too
    Given the mock serves this scenario:
      """
      domains: [acme.test]
      accounts:
        - { smtp: sam@acme.test, password: "Secret-1", upn: s.smith@corp.acme.test, logonName: CORP\ssmith }
      """
    When "s.smith@corp.acme.test" with password "Secret-1" posts a GetFolder for inbox
    Then the HTTP status is 200
    When "CORP\ssmith" with password "Secret-1" posts a GetFolder for inbox
    Then the HTTP status is 200
    When "ssmith" with password "Secret-1" posts a GetFolder for inbox
    Then the HTTP status is 200
    When "ACME\sam" with password "Secret-1" posts a GetFolder for inbox
    Then the HTTP status is 401

  Scenario: ews-javascript-api with a wrong password gets a 401 error
    When "alice@acme.test" with password "wrong" binds to the inbox folder through ews-javascript-api
    Then the client call fails with HTTP status 401

  Scenario: ews-javascript-api with the right password binds
    When "bob@acme.test" with password "Passw0rd!" binds to the inbox folder through ews-javascript-api
    Then the folder is "Inbox" with 22 items
