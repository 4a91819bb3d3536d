@syncer @settings
Feature: Settings validation
  The syncer's settings file has the fields of the MS Exchange settings page (enabled, server,
  version, login, password or passwordEnv, domainList) and the syncer's own options. Every rule has
  a precise message; every violation is reported at once; the password never appears in any output.

  Background:
    Given settings for a local Exchange server

  Scenario: Complete settings are valid
    When I validate the settings
    Then the settings are valid

  Scenario Outline: <field> is required while the integration is enabled
    Given the setting "<field>" is removed
    When I validate the settings
    Then validation reports "<field>" breaking rule "required"
    And the violation message for "<field>" is "<message>"

    Examples:
      | field      | message                                                                               |
      | server     | server is required when the integration is enabled                                    |
      | login      | login is required when the integration is enabled                                     |
      | password   | password is required when the integration is enabled (give password or passwordEnv)   |
      | domainList | domainList must name at least one domain when the integration is enabled              |

  Scenario: While disabled every other field may be empty
    Given the settings file contains:
      """
      enabled: false
      """
    When I validate the settings
    Then the settings are valid

  Scenario: An empty domain list is refused although the original silently used the server name
    Given the setting "domainList" is " , ,"
    When I validate the settings
    Then validation reports "domainList" breaking rule "required"

  Scenario: Every violation is reported at once
    Given the settings file contains:
      """
      enabled: true
      server: ftp://mail.example.com
      version: "2011"
      login: "not valid@"
      domainList: "acme"
      concurrency: 0
      strategy: fastest
      colour: blue
      """
    When I validate the settings
    Then validation reports 8 violations
    And validation reports "server" breaking rule "scheme"
    And validation reports "version" breaking rule "one-of"
    And validation reports "login" breaking rule "format"
    And validation reports "password" breaking rule "required"
    And validation reports "domainList" breaking rule "format"
    And validation reports "concurrency" breaking rule "range"
    And validation reports "strategy" breaking rule "one-of"
    And validation reports "colour" breaking rule "unknown"

  Scenario Outline: Server "<server>" is accepted and means <endpoint>
    Given the setting "server" is "<server>"
    When I save the settings
    Then the saved endpoint is "<endpoint>"

    Examples:
      | server                                     | endpoint                                        |
      | mail.example.com                           | https://mail.example.com/EWS/Exchange.asmx      |
      | MAIL.Example.com                           | https://mail.example.com/EWS/Exchange.asmx      |
      | mail.example.com:8443                      | https://mail.example.com:8443/EWS/Exchange.asmx |
      | 10.0.0.5                                   | https://10.0.0.5/EWS/Exchange.asmx              |
      | 10.0.0.5:444                               | https://10.0.0.5:444/EWS/Exchange.asmx          |
      | [::1]:8443                                 | https://[::1]:8443/EWS/Exchange.asmx            |
      | exchange                                   | https://exchange/EWS/Exchange.asmx              |
      | http://127.0.0.1:8080                      | http://127.0.0.1:8080/EWS/Exchange.asmx         |
      | https://mail.example.com/                  | https://mail.example.com/EWS/Exchange.asmx      |
      | https://mail.example.com/EWS/Exchange.asmx | https://mail.example.com/EWS/Exchange.asmx      |
      | https://mail.example.com:443/ews/exchange.asmx | https://mail.example.com/ews/exchange.asmx  |

  Scenario Outline: Server "<server>" is refused (<rule>)
    Given the setting "server" is "<server>"
    When I validate the settings
    Then validation reports "server" breaking rule "<rule>"
    And the violation message for "server" contains "<message>"

    Examples:
      | server                      | rule   | message                                    |
      | mail example.com            | format | is not a host name, IP address, host:port  |
      | ftp://mail.example.com      | scheme | scheme must be http or https               |
      | mail.example.com:99999      | port   | from 1 to 65535                            |
      | mail.example.com:           | port   | from 1 to 65535                            |
      | -mail-.example.com          | format | is not a host name                         |
      | mail.example.com/EWS        | format | is not a host name                         |
      | 10.0.0                      | format | is not a host name                         |
      | http://user:pw@mail.test    | format | is not a host name                         |
      | https://                    | format | is not a host name                         |
      | mail_server.example.com     | format | is not a host name                         |

  Scenario: A settings file without a Version means Exchange 2010, the page's default
    Given the settings point at the mock
    And the setting "version" is removed
    When I save the settings
    Then the saved version is "2010"
    And checking the saved settings sends RequestServerVersion "Exchange2010"

  Scenario Outline: Version "<version>" is offered and sends <wire>
    Given the settings point at the mock
    And the setting "version" is "<version>"
    When I save the settings
    Then the saved version is "<label>"
    And checking the saved settings sends RequestServerVersion "<wire>"

    Examples:
      | version           | label           | wire             |
      | 2007              | 2007            | Exchange2007     |
      | 2007 SP1          | 2007 SP1        | Exchange2007_SP1 |
      | 2010              | 2010            | Exchange2010     |
      | 2010 SP1          | 2010 SP1        | Exchange2010_SP1 |
      | 2010 SP2          | 2010 SP2        | Exchange2010_SP2 |
      | 2013              | 2013            | Exchange2013     |
      | 2013 SP1          | 2013 SP1        | Exchange2013_SP1 |
      | 2016              | 2016            | Exchange2016     |
      | 2019              | 2019            | V2017_07_11      |
      | Exchange Online   | Exchange Online | V2018_01_08      |
      | Exchange2010_SP2  | 2010 SP2        | Exchange2010_SP2 |
      | Exchange2007_SP1  | 2007 SP1        | Exchange2007_SP1 |
      | exchange 2013 sp1 | 2013 SP1        | Exchange2013_SP1 |
      | Office 365        | Exchange Online | V2018_01_08      |

  Scenario Outline: Version "<version>" is not offered
    Given the setting "version" is "<version>"
    When I validate the settings
    Then validation reports "version" breaking rule "one-of"
    And the violation message for "version" contains "choose one of 2007, 2007 SP1, 2010, 2010 SP1, 2010 SP2, 2013, 2013 SP1, 2016, 2019, Exchange Online"

    Examples:
      | version      |
      | 2011         |
      | 2003         |
      | Exchange 5.5 |
      | V2_23        |

  Scenario Outline: Login "<login>" is accepted
    Given the setting "login" is "<login>"
    When I validate the settings
    Then the settings are valid

    Examples:
      | login             |
      | svc-ews@acme.test |
      | ACME\svc-ews      |
      | svc-ews           |
      | svc.ews_1         |

  Scenario Outline: Login "<login>" is refused
    Given the setting "login" is "<login>"
    When I validate the settings
    Then validation reports "login" breaking rule "format"
    And the violation message for "login" contains "must be user@domain, DOMAIN\user or a bare user name"

    Examples:
      | login            |
      | svc@             |
      | @acme.test       |
      | \\svc-ews         |
      | svc ews          |
      | a@b@acme.test    |
      | ACME\svc\x       |

  Scenario Outline: Domain list "<input>" is normalised to <domains>
    Given the setting "domainList" is "<input>"
    When I save the settings
    Then the saved domain list is "<domains>"

    Examples:
      | input                               | domains                 |
      | acme.test                           | acme.test               |
      | acme.test,globex.test               | acme.test,globex.test   |
      | ACME.test , globex.TEST ,,          | acme.test,globex.test   |
      | acme.test, acme.test, Acme.Test     | acme.test               |
      | mail.acme.test                      | mail.acme.test          |

  Scenario: The domain list may also be a YAML list, each item comma-separated or not
    Given the settings file contains:
      """
      enabled: true
      server: mail.example.com
      version: 2010 SP2
      login: svc-ews@acme.test
      password: "Passw0rd!"
      domainList:
        - Acme.test
        - "globex.test, initech.test"
        - acme.test
      """
    When I save the settings
    Then the saved domain list is "acme.test,globex.test,initech.test"

  Scenario Outline: Domain "<domain>" is refused
    Given the setting "domainList" is "acme.test, <domain>"
    When I validate the settings
    Then validation reports "domainList" breaking rule "format"
    And the violation message for "domainList" contains "<message>"

    Examples:
      | domain          | message                         |
      | acme            | is not a valid domain name      |
      | -acme.test      | is not a valid domain name      |
      | acme..test      | is not a valid domain name      |
      | alice@acme.test | is an email address             |
      | 10.0.0.1        | is not a valid domain name      |
      | acme test.com   | is not a valid domain name      |

  Scenario Outline: Syncer option <field> = <value> is refused (<rule>)
    Given the setting "<field>" is the YAML value <value>
    When I validate the settings
    Then validation reports "<field>" breaking rule "<rule>"

    Examples:
      | field                    | value       | rule   |
      | concurrency              | 0           | range  |
      | concurrency              | 2.5         | range  |
      | mailboxTimeBudgetSeconds | 0           | range  |
      | maxRunSeconds            | -5          | range  |
      | requestTimeoutSeconds    | 0           | range  |
      | requestTimeoutSeconds    | 601         | range  |
      | maxMailboxes             | 0           | range  |
      | minIntervalMinutes       | -1          | range  |
      | minIntervalMinutes       | 10081       | range  |
      | tlsVerify                | 'no'        | type   |
      | strategy                 | fastest     | one-of |
      | attachments              | yes         | type   |
      | enabled                  | 'yes'       | type   |

  Scenario Outline: Syncer option <field> = <value> is accepted
    Given the setting "<field>" is the YAML value <value>
    When I validate the settings
    Then the settings are valid

    Examples:
      | field                 | value                            |
      | maxRunSeconds         | -1                               |
      | concurrency           | 20                               |
      | strategy              | find-item                        |
      | strategy              | sync-state                       |
      | attachments           | {enabled: true, maxSizeBytes: 0} |
      | tlsVerify             | false                            |
      | maxMailboxes          | 3                                |
      | requestTimeoutSeconds | 600                              |
      | minIntervalMinutes    | 30                               |

  Scenario: An unknown attachments option is refused
    Given the setting "attachments" is the YAML value {enabled: true, maxSize: 5}
    When I validate the settings
    Then validation reports "attachments.maxSize" breaking rule "unknown"

  Scenario: A file that is not YAML is refused without echoing its lines
    Given the settings file contains:
      """
      enabled: true
      password: "Sup3r:Secret
      server: [unclosed
      """
    When I validate the settings
    Then validation reports "(file)" breaking rule "yaml"
    And no output contains "Sup3r:Secret"

  Scenario Outline: The settings files shipped with the project are valid
    When I run "validate fixtures/settings/<file>"
    Then the settings are valid

    Examples:
      | file                   |
      | local-mock.yaml        |
      | local-mock-online.yaml |
