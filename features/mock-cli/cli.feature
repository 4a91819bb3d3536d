@cli
Feature: The mock-ews command line
  How a person or a CI job starts the mock: `mock-ews` (bin/mock-ews.js) or `npm start`. It prints
  one line with the EWS URL; a bad option or scenario prints a specific error and exits non-zero.

  Scenario: --help lists every option
    When I run mock-ews with "--help"
    Then it exits with status 0
    And it prints on standard output "Usage: mock-ews [options]"
    And the help lists the options:
      | --port     |
      | --host     |
      | --profile  |
      | --scenario |
      | --tls      |
      | --cert     |
      | --key      |
      | --help     |

  Scenario: --port 0 listens on a free port and prints it
    When I start mock-ews with "--port 0"
    Then the listening line names a http URL with a real port
    And it prints on standard output "super-user svc-ews@acme.test / Passw0rd! (may impersonate)"
    And it prints on standard output "profile Exchange2010_SP2"
    When svc-ews@acme.test impersonating alice@acme.test gets the inbox folder at the printed URL
    Then the folder in the response is named "Inbox" with 23 items

  Scenario: --profile chooses the generation
    When I start mock-ews with "--port 0 --profile Exchange2013"
    Then it prints on standard output "profile Exchange2013;"
    When svc-ews@acme.test impersonating alice@acme.test gets the inbox folder at the printed URL
    Then the response header has ServerVersionInfo with MajorVersion 15 and Version "Exchange2013"

  Scenario: --scenario serves another scenario file
    When I start mock-ews with "--port 0 --scenario fixtures/scenarios/grants.yaml"
    Then it prints on standard output "6 mailboxes"
    When svc-ews@acme.test impersonating alice@acme.test gets the inbox folder at the printed URL
    Then the folder in the response is named "Inbox" with 2 items

  Scenario: The installed command, started through its shebang
    When I start the installed mock-ews command with "--port 0 --profile Exchange2016"
    Then the listening line names a http URL with a real port
    And it prints on standard output "profile Exchange2016;"
    When svc-ews@acme.test impersonating alice@acme.test gets the inbox folder at the printed URL
    Then the folder in the response is named "Inbox" with 23 items

  Scenario: npm start, as the README says
    When I start the mock with "npm start --silent -- --port 0"
    Then the listening line names a http URL with a real port
    When svc-ews@acme.test impersonating alice@acme.test gets the inbox folder at the printed URL
    Then the folder in the response is named "Inbox" with 23 items

  Scenario Outline: A bad option: <case>
    When I run mock-ews with "<args>"
    Then it exits with status 1
    And it prints on standard error "<message>"

    Examples:
      | case                 | args                               | message                                                             |
      | unknown profile      | --profile Exchange2099             | argument 'Exchange2099' is invalid. must be one of Exchange2007,    |
      | port out of range    | --port 70000                       | argument '70000' is invalid. must be an integer from 0 to 65535     |
      | port not a number    | --port eighty                      | argument 'eighty' is invalid. must be an integer from 0 to 65535    |
      | cert without key     | --port 0 --cert /tmp/nothing.pem   | --cert and --key must be given together                             |
      | unknown option       | --colour                           | unknown option '--colour'                                           |
      | missing scenario     | --port 0 --scenario /nonexistent/x.yaml | scenario /nonexistent/x.yaml: cannot be read (ENOENT)          |

  Scenario: A port already in use
    Given the mock serves the default scenario
    When I run mock-ews with "--port {mockPort}"
    Then it exits with status 1
    And it prints on standard error "EADDRINUSE: address already in use 127.0.0.1:"

  Scenario: A scenario file that breaks a rule names the file, the path and the rule
    Given a scenario file broken containing:
      """
      domains: [acme.test]
      accounts:
        - { smtp: alice@acme.test, password: "x", shoeSize: 42 }
      """
    When I run mock-ews with "--port 0 --scenario {broken}"
    Then it exits with status 1
    And it prints on standard error "broken.yaml: accounts[0]"
    And it prints on standard error "shoeSize"

  Scenario: --tls serves https with a generated self-signed certificate
    When I start mock-ews with "--port 0 --tls"
    Then the listening line names a https URL with a real port
    When an https client that does not verify certificates gets alice@acme.test's inbox folder at the printed URL
    Then the https answer is the folder "Inbox" with 23 items, served under the certificate of "localhost"
    When an https client that verifies certificates against the system store calls the printed URL
    Then the connection is refused as self-signed

  Scenario: --cert and --key serve https with the given certificate, which a client can trust
    Given a certificate and key for 127.0.0.1 in temporary files
    When I start mock-ews with "--port 0 --cert {cert} --key {key}"
    Then the listening line names a https URL with a real port
    When an https client trusting that certificate gets alice@acme.test's inbox folder at the printed URL
    Then the https answer is the folder "Inbox" with 23 items, served under the certificate of "127.0.0.1"
