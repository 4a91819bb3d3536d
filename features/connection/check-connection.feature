@syncer @connection
Feature: Check connection
  `ews-sync check` sends one FindFolder on the distinguished folder root (Shallow, IdOnly) as the
  super-user, without impersonation, and answers "Connection successful!" or "Connection failed!"
  with a reason a person can act on.

  Scenario: Correct settings connect with one FindFolder on root, without impersonation
    Given the settings point at the mock
    When I check the connection
    Then the connection succeeds
    And the mock received exactly one request: a Shallow IdOnly FindFolder on root by svc-ews@acme.test without impersonation

  Scenario: A wrong password means bad credentials
    Given the settings point at the mock
    And the setting "password" is "Wrong-Pa55"
    When I check the connection
    Then the connection fails because of "bad credentials"
    And the output contains "HTTP 401"
    And no output contains "Wrong-Pa55"

  Scenario: An unknown login means bad credentials
    Given the settings point at the mock
    And the setting "login" is "nobody@acme.test"
    When I check the connection
    Then the connection fails because of "bad credentials"
    And the output contains "nobody@acme.test"

  Scenario: A port nobody listens on means host unreachable
    Given the settings point at a closed port
    When I check the connection
    Then the connection fails because of "host unreachable"
    And the output contains "ECONNREFUSED"

  Scenario: A host name that does not resolve means host unreachable
    Given the settings point at the mock
    And the setting "server" is "http://no-such-host.invalid"
    When I check the connection
    Then the connection fails because of "host unreachable"
    And the output contains "ENOTFOUND"

  Scenario: A self-signed certificate is refused while verification is on
    Given the mock serves https with a self-signed certificate
    And the settings point at the mock
    When I check the connection
    Then the connection fails because of "TLS failure"
    And the output contains "self-signed certificate"
    And the output contains "tlsVerify: false"

  Scenario: With tlsVerify false a self-signed certificate is accepted, and the fact is logged
    Given the mock serves https with a self-signed certificate
    And the settings point at the mock
    And the setting "tlsVerify" is the YAML value false
    When I check the connection
    Then the connection succeeds
    And the output contains "TLS certificate verification is OFF"

  Scenario: https on a plain http port is a TLS failure
    Given the settings point at the mock
    And the server is the mock's URL with https instead of http
    When I check the connection
    Then the connection fails because of "TLS failure"
    And the output contains "use an http:// URL"

  Scenario Outline: Version <version> is refused by an Exchange 2010 SP2 server
    Given the settings point at the mock
    And the setting "version" is "<version>"
    When I check the connection
    Then the connection fails because of "version refused"
    And the output contains "ErrorInvalidServerVersion"

    Examples:
      | version         |
      | 2013            |
      | 2013 SP1        |
      | 2016            |
      | 2019            |
      | Exchange Online |

  Scenario Outline: Version <version> is accepted by an Exchange 2010 SP2 server
    Given the settings point at the mock
    And the setting "version" is "<version>"
    When I check the connection
    Then the connection succeeds

    Examples:
      | version  |
      | 2007     |
      | 2007 SP1 |
      | 2010     |
      | 2010 SP1 |
      | 2010 SP2 |

  Scenario: An Exchange 2007 server refuses version 2010
    Given the mock emulates Exchange2007
    And the settings point at the mock
    And the setting "version" is "2010"
    When I check the connection
    Then the connection fails because of "version refused"

  Scenario: A web page is not an EWS endpoint
    Given the settings point at a web server that answers every request with an HTML page
    When I check the connection
    Then the connection fails because of "not an EWS endpoint"
    And the output contains "text/html"

  Scenario: A wrong path on the Exchange host is not an EWS endpoint
    Given the settings point at the mock
    And the server is the mock's base URL with path "/owa/"
    When I check the connection
    Then the connection fails because of "not an EWS endpoint"
    And the output contains "HTTP 404"

  Scenario: A mistake in a field the connection does not use does not stop the check
    Given the settings point at the mock
    And the setting "domainList" is ""
    And the setting "concurrency" is the YAML value 0
    When I check the connection
    Then the connection succeeds

  Scenario: A mistake in a field the connection uses is reported, and nothing is sent
    Given the settings point at the mock
    And the setting "version" is "2011"
    When I run "check" with the settings
    Then the command fails
    And the output contains "version \"2011\" is not offered"

  Scenario: Checking unsaved settings leaves the saved ones untouched
    Given the settings point at the mock
    And the settings are saved
    And the setting "password" is "Wrong-Pa55"
    When I check the connection
    Then the connection fails because of "bad credentials"
    And the saved settings still connect

  Scenario: An empty password in the checked file means the stored one
    Given the settings point at the mock
    And the settings are saved
    And the setting "password" is ""
    When I check the connection
    Then the connection succeeds

  Scenario: Without a settings file the saved settings are checked
    Given the settings point at the mock
    And the settings are saved
    When I run "check"
    Then the command succeeds
    And the output contains "Connection successful!"
