@protocol @ResolveNames
Feature: ResolveNames resolves ambiguous names against the directory a caller may see
  The directory visible to a request is the mailboxes and distribution lists of the acting user's
  own domain, its own mailbox, and the mailboxes its impersonation grants cover; an impersonated
  request sees what the impersonated user sees. Nothing outside that is ever revealed (docs/SCENARIOS.md, "Directory").
  One match → Success; several → Warning ErrorNameResolutionMultipleResults with every candidate;
  none → Error ErrorNameResolutionNoResults.

  Rule: names resolve by address, alias, display name, logon name and "SMTP:" prefix

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario Outline: svc-ews@acme.test resolves "<entry>"
      When svc-ews@acme.test resolves the name "<entry>"
      Then the resolutions are:
        | name   | address   | routing | type    |
        | <name> | <address> | SMTP    | Mailbox |

      Examples:
        | entry                  | name           | address           |
        | alice@acme.test        | Alice Anderson | alice@acme.test   |
        | ALICE@ACME.TEST        | Alice Anderson | alice@acme.test   |
        | bob                    | Bob Brown      | bob@acme.test     |
        | Carol Clark            | Carol Clark    | carol@globex.test |
        | Car                    | Carol Clark    | carol@globex.test |
        | Brown                  | Bob Brown      | bob@acme.test     |
        | ACME\bob               | Bob Brown      | bob@acme.test     |
        | SMTP:carol@globex.test | Carol Clark    | carol@globex.test |
        | smtp:bob@              | Bob Brown      | bob@acme.test     |

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario: Several matches come back as a warning with every candidate, by display name
      When svc-ews@acme.test resolves the name "A"
      Then the resolutions are:
        | name                | address              | routing | type        |
        | Acme Partners       | partners@acme.test   | SMTP    | PublicGroup |
        | Acme Sales Team     | sales-team@acme.test | SMTP    | PublicGroup |
        | Alice Anderson      | alice@acme.test      | SMTP    | Mailbox     |
        | EWS Service Account | svc-ews@acme.test    | SMTP    | Mailbox     |

    Scenario: The warning on the wire
      When svc-ews@acme.test posts a ResolveNames for "A" with ReturnFullContactData "false"
      Then the ResolveNames answer has ResponseClass "Warning" and ResponseCode ErrorNameResolutionMultipleResults
      And the ResolveNames message text is "Multiple results were found."
      And the ResolutionSet has TotalItemsInView 4 and IncludesLastItemInRange "true"
      And the raw resolutions list the addresses "partners@acme.test, sales-team@acme.test, alice@acme.test, svc-ews@acme.test"
      And the raw resolutions have the mailbox types "PublicDL, PublicDL, Mailbox, Mailbox"

    Scenario: One match on the wire
      When bob@acme.test posts a ResolveNames for "alice" with ReturnFullContactData "false"
      Then the ResolveNames answer has ResponseClass "Success" and ResponseCode NoError
      And the ResolutionSet has TotalItemsInView 1 and IncludesLastItemInRange "true"

    Scenario: No match on the wire
      When bob@acme.test posts a ResolveNames for "zebra" with ReturnFullContactData "false"
      Then the ResolveNames answer has ResponseClass "Error" and ResponseCode ErrorNameResolutionNoResults
      And the ResolveNames message text is "No results were found."

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario: ews-javascript-api treats no match as an empty result
      When alice@acme.test resolves the name "zebra"
      Then nothing is resolved

  Rule: full contact data only when asked for

    # Exchange writes directory addresses with their routing type, and the client keeps it.
    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario: ReturnFullContactData adds the directory contact
      When svc-ews@acme.test resolves the name "alice" with full contact data
      Then the contact of alice@acme.test has:
        | DisplayName   | Alice Anderson        |
        | GivenName     | Alice                 |
        | Surname       | Anderson              |
        | Department    | Sales                 |
        | EmailAddress1 | SMTP:alice@acme.test  |
        | ContactSource | ActiveDirectory       |

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario: Without ReturnFullContactData there is no contact
      When svc-ews@acme.test resolves the name "alice"
      Then no resolution carries contact data

    # ErrorIncorrectSchemaVersion needs a server whose schema has ContactDataShape (Exchange 2010 SP2)
    @since:Exchange2010_SP2
    Scenario Outline: ContactDataShape, new in Exchange 2010 SP2, asked for as <version>
      When alice@acme.test posts with RequestServerVersion "<version>" the SOAP body:
        """
        <m:ResolveNames ReturnFullContactData="true" ContactDataShape="AllProperties"><m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames>
        """
      Then the answer is <outcome>

      Examples:
        | version          | outcome                                      |
        | Exchange2010_SP2 | a single resolution of bob@acme.test         |
        | Exchange2010_SP1 | the fault ErrorIncorrectSchemaVersion        |

    Scenario: An Exchange 2010 SP1 server does not know ContactDataShape at all
      Given the mock emulates Exchange2010_SP1
      When alice@acme.test posts with RequestServerVersion "Exchange2010_SP1" the SOAP body:
        """
        <m:ResolveNames ReturnFullContactData="true" ContactDataShape="Default"><m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames>
        """
      Then the answer is the fault ErrorSchemaValidation

  Rule: the search scope decides where to look

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario Outline: SearchScope <scope>
      When bob@acme.test resolves the name "alice" in the scope <scope>
      Then the outcome for alice@acme.test is <outcome>

      Examples:
        | scope                   | outcome  |
        | ActiveDirectory         | resolved |
        | ActiveDirectoryContacts | resolved |
        | ContactsActiveDirectory | resolved |
        | Contacts                | nothing  |

  Rule: nothing outside the caller's directory is revealed

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario Outline: <caller> resolving "<entry>" sees <outcome>
      When <caller> resolves the name "<entry>"
      Then the outcome for <address> is <outcome>

      Examples:
        | caller            | entry | address           | outcome  |
        | alice@acme.test   | bob   | bob@acme.test     | resolved |
        | alice@acme.test   | carol | carol@globex.test | nothing  |
        | carol@globex.test | alice | alice@acme.test   | nothing  |
        | dave@initech.test | alice | alice@acme.test   | nothing  |
        | dave@initech.test | dave  | dave@initech.test | resolved |
        | svc-ews@acme.test | carol | carol@globex.test | resolved |
        | svc-ews@acme.test | dave  | dave@initech.test | nothing  |

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario: Shared mailboxes (no account of their own) follow the same rule
      Given the mock serves this scenario:
        """
        domains: [acme.test, globex.test]
        accounts:
          - { smtp: alice@acme.test, password: "Passw0rd!", displayName: Alice Anderson }
        mailboxes:
          - { smtp: support@acme.test, displayName: Support Desk }
          - { smtp: sales@globex.test, displayName: Support Globex }
        """
      When alice@acme.test resolves the name "Support"
      Then the resolutions are:
        | name         | address           | routing | type    |
        | Support Desk | support@acme.test | SMTP    | Mailbox |

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario: An impersonated request sees what the impersonated user sees
      When svc-ews@acme.test impersonating carol@globex.test resolves the name "alice"
      Then nothing is resolved

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario: Impersonating Alice, Bob is visible in her domain
      When svc-ews@acme.test impersonating alice@acme.test resolves the name "Bob Brown"
      Then the resolutions are:
        | name      | address       | routing | type    |
        | Bob Brown | bob@acme.test | SMTP    | Mailbox |

  Rule: malformed requests break the schema

    Scenario Outline: <case>
      When alice@acme.test posts the SOAP body:
        """
        <body>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "<violation>"

      Examples:
        | case                          | body                                                                                                | violation                                         |
        | no UnresolvedEntry            | <m:ResolveNames ReturnFullContactData="false"/>                                                     | List of possible elements expected: 'UnresolvedEntry' |
        | an empty UnresolvedEntry      | <m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry/></m:ResolveNames>                 | The actual length is less than the MinLength value |
        | no ReturnFullContactData      | <m:ResolveNames><m:UnresolvedEntry>alice</m:UnresolvedEntry></m:ResolveNames>                       | The required attribute 'ReturnFullContactData' is missing. |
        | ReturnFullContactData "yes"   | <m:ResolveNames ReturnFullContactData="yes"><m:UnresolvedEntry>a</m:UnresolvedEntry></m:ResolveNames> | The string 'yes' is not a valid Boolean value.   |
        | an unknown SearchScope        | <m:ResolveNames ReturnFullContactData="true" SearchScope="Everywhere"><m:UnresolvedEntry>a</m:UnresolvedEntry></m:ResolveNames> | The value 'Everywhere' is invalid |
