@syncer @connection @profiles
Feature: The syncer on every Exchange generation
  `ews-sync check` and `ews-sync run` work against each generation the mock emulates when the
  version setting names that generation: on premises through Basic, Exchange Online (which refuses
  Basic) through an app registration's OAuth token. A version newer than the server is refused
  with the reason "version refused".

  Scenario Outline: check and run on <profile> with version "<version>" through <auth>
    Given the mock emulates <profile>
    And the users of the default scenario are imported
    And the syncer settings point at the mock
    And the setting "version" is "<version>"
    And the syncer authenticates with <auth>
    When I check the connection
    Then the connection succeeds
    When the syncer runs
    Then the run succeeds
    And mailbox alice@acme.test is succeeded with 1 successful sync
    And mailbox carol@globex.test is succeeded with 1 successful sync
    And the database holds exactly the messages of alice@acme.test in "Inbox", "Inbox/Projects", "Inbox/Projects/Archive 2025" and "Sent Items"
    And the database holds exactly the messages of bob@acme.test in "Inbox" and "Sent Items"
    And the database holds exactly the messages of carol@globex.test in "Inbox"
    And there is no mailbox record for dave@initech.test

    Examples:
      | profile          | version         | auth  |
      | Exchange2007     | 2007            | basic |
      | Exchange2007_SP1 | 2007 SP1        | basic |
      | Exchange2010     | 2010            | basic |
      | Exchange2010_SP1 | 2010 SP1        | basic |
      | Exchange2010_SP2 | 2010 SP2        | basic |
      | Exchange2013     | 2013            | basic |
      | Exchange2013_SP1 | 2013 SP1        | basic |
      | Exchange2016     | 2016            | basic |
      | Exchange2019     | 2019            | basic |
      | ExchangeOnline   | Exchange Online | oauth |

  Scenario Outline: The same through <auth> on <profile>
    Given the mock emulates <profile>
    And the users of the default scenario are imported
    And the syncer settings point at the mock
    And the setting "version" is "<version>"
    And the syncer authenticates with <auth>
    When I check the connection
    Then the connection succeeds
    When the syncer runs
    Then the run succeeds
    And the database holds exactly the messages of carol@globex.test in "Inbox"

    Examples:
      | profile          | version  | auth  |
      | Exchange2007_SP1 | 2007 SP1 | ntlm  |
      | Exchange2010_SP2 | 2010 SP2 | ntlm  |
      | Exchange2019     | 2019     | ntlm  |
      | Exchange2016     | 2016     | oauth |
      | Exchange2019     | 2019     | oauth |

  Scenario Outline: check on <profile> refuses version "<newer>", newer than the server
    Given the mock emulates <profile>
    And the settings point at the mock
    And the setting "version" is "<newer>"
    And the syncer authenticates with <auth>
    When I check the connection
    Then the connection fails because of "version refused"
    And the output contains "does not accept version"
    And the output contains "<code>"

    # Exchange Online is the newest generation: no version setting is newer than it.
    Examples:
      | profile          | newer           | auth  | code                      |
      | Exchange2007     | 2007 SP1        | basic | ErrorInvalidServerVersion |
      | Exchange2007_SP1 | 2010            | basic | ErrorInvalidServerVersion |
      | Exchange2010     | 2010 SP1        | basic | ErrorInvalidServerVersion |
      | Exchange2010_SP1 | 2010 SP2        | basic | ErrorInvalidServerVersion |
      | Exchange2010_SP2 | 2013            | basic | ErrorInvalidServerVersion |
      | Exchange2013     | 2013 SP1        | basic | ErrorInvalidServerVersion |
      | Exchange2013_SP1 | 2016            | basic | ErrorInvalidServerVersion |
      | Exchange2016     | 2019            | basic | ErrorInvalidServerVersion |
      | Exchange2019     | Exchange Online | basic | ErrorInvalidServerVersion |
      | Exchange2016     | 2019            | oauth | ErrorInvalidServerVersion |

  Scenario: Exchange Online refuses the syncer's Basic login and says why
    Given the mock emulates ExchangeOnline
    And the settings point at the mock
    And the setting "version" is "Exchange Online"
    When I check the connection
    Then the connection fails because of "bad credentials"
    And the output contains "HTTP 401"
