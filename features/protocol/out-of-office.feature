@protocol @GetUserOofSettings @SetUserOofSettings
Feature: Out-of-office settings through GetUserOofSettings and SetUserOofSettings
  Integrations read a user's out-of-office state to route or hold mail, and set it for them. Each
  mailbox keeps its state (Disabled, Enabled, Scheduled), external audience, scheduled window and the
  internal and external replies; a mailbox nobody configured is disabled with empty replies. Only
  the caller's own or the impersonated mailbox can be read or changed.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Settings are disabled until set; a scheduled absence is kept with its window and replies
    When svc-ews@acme.test impersonating alice@acme.test reads the out-of-office settings
    Then the client call succeeds
    And the out-of-office settings read are:
      | state    | Disabled |
      | audience | All      |
      | internal |          |
      | external |          |
    When svc-ews@acme.test impersonating alice@acme.test sets the out-of-office settings:
      | state    | Scheduled                |
      | audience | Known                    |
      | from     | 2099-12-01T08:00:00.000Z |
      | until    | 2099-12-07T08:00:00.000Z |
      | internal | Back on Monday.          |
      | external | Out until 7 December.    |
    Then the client call succeeds
    When svc-ews@acme.test impersonating alice@acme.test reads the out-of-office settings
    Then the out-of-office settings read are:
      | state    | Scheduled                |
      | audience | Known                    |
      | internal | Back on Monday.          |
      | external | Out until 7 December.    |
      | from     | 2099-12-01T08:00:00.000Z |
      | until    | 2099-12-07T08:00:00.000Z |
    When the tester sends GET "/mailboxes/alice@acme.test" to the admin API
    Then the admin answer has:
      | outOfOffice.state            | Scheduled                |
      | outOfOffice.externalAudience | Known                    |
      | outOfOffice.start            | 2099-12-01T08:00:00.000Z |
      | outOfOffice.internalReply    | Back on Monday.          |
    When svc-ews@acme.test impersonating bob@acme.test reads the out-of-office settings
    Then the out-of-office settings read are:
      | state    | Disabled |
      | audience | All      |
      | internal |          |
      | external |          |

  Scenario: A scenario file can start a mailbox out of office
    Given the mock serves this scenario:
      """
      accounts:
        - { smtp: alice@acme.test, password: "Passw0rd!" }
      mailboxes:
        - smtp: alice@acme.test
          outOfOffice:
            state: Scheduled
            externalAudience: None
            start: 2026-12-24T00:00:00Z
            end: 2027-01-02T00:00:00Z
            internalReply: Back in the new year.
      """
    When alice@acme.test posts the SOAP body:
      """
      <m:GetUserOofSettingsRequest><t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox></m:GetUserOofSettingsRequest>
      """
    Then the out-of-office answer has:
      | ResponseCode     | NoError               |
      | OofState         | Scheduled             |
      | ExternalAudience | None                  |
      | StartTime        | 2026-12-24T00:00:00Z  |
      | EndTime          | 2027-01-02T00:00:00Z  |
      | Message          | Back in the new year. |
      | AllowExternalOof | All                   |

  # MS-OXWOOF 3.1.4.1: the OOF service answers a mailbox the caller does not own with a soap:Client
  # fault carrying .NET's AccessDeniedException, not with an EWS response code.
  Scenario Outline: Another user's settings are refused as Exchange's OOF service refuses them: <operation> on <profile>
    Given the mock emulates <profile>
    And the tester notes the store digest as "before"
    When alice@acme.test posts with RequestServerVersion "<profile>" the SOAP body:
      """
      <request>
      """
    Then the response is a soap:Client fault from the EWS endpoint with ErrorCode -2146233088
    And the fault string is "Microsoft.Exchange.Data.Storage.AccessDeniedException: User is not mailbox owner. User = S-1-5-21-259884089-413811597-1905573467-1101, MailboxGuid = S-1-5-21-259884089-413811597-1905573467-1102 ---> User is not mailbox owner."
    And the fault envelope uses the prefixes <soap> and <header> and ServerVersionInfo "<build>" with Version "<version>"
    And the store digest is still "before"

    Examples:
      | operation          | profile          | soap | header | build      | version | request |
      | GetUserOofSettings | Exchange2007_SP1 | soap | t      | 8.3.83.6   | none    | <m:GetUserOofSettingsRequest><t:Mailbox><t:Address>bob@acme.test</t:Address></t:Mailbox></m:GetUserOofSettingsRequest> |
      | SetUserOofSettings | Exchange2016     | s    | h      | 15.1.302.0 | V2_68   | <m:SetUserOofSettingsRequest><t:Mailbox><t:Address>bob@acme.test</t:Address></t:Mailbox><t:UserOofSettings><t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience><t:InternalReply><t:Message>Away</t:Message></t:InternalReply><t:ExternalReply><t:Message>Away</t:Message></t:ExternalReply></t:UserOofSettings></m:SetUserOofSettingsRequest> |

  @since:Exchange2007_SP1
  Scenario: ews-javascript-api gets the OOF service's fault as Exchange sends it
    When svc-ews@acme.test impersonating alice@acme.test reads the out-of-office settings of bob@acme.test
    Then the client call fails with a soap:Client fault saying "AccessDeniedException: User is not mailbox owner."

  Scenario: Impersonation does not reach a third mailbox's settings: the fault names the impersonated user
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetUserOofSettingsRequest><t:Mailbox><t:Address>bob@acme.test</t:Address></t:Mailbox></m:GetUserOofSettingsRequest>
      """
    Then the response is a soap:Client fault from the EWS endpoint with ErrorCode -2146233088
    And the fault string contains "User = S-1-5-21-259884089-413811597-1905573467-1101, MailboxGuid = S-1-5-21-259884089-413811597-1905573467-1102"

  Scenario Outline: A schedule that ends before it starts, or in the past, is refused and changes nothing: <case>
    Given the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest><t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox>
        <t:UserOofSettings><t:OofState>Scheduled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>
          <t:Duration><t:StartTime><start></t:StartTime><t:EndTime><end></t:EndTime></t:Duration>
          <t:InternalReply><t:Message>Away</t:Message></t:InternalReply><t:ExternalReply><t:Message>Away</t:Message></t:ExternalReply>
        </t:UserOofSettings></m:SetUserOofSettingsRequest>
      """
    Then the SetUserOofSettings answer is Error with the ResponseCode ErrorInvalidScheduledOofDuration
    And the store digest is still "before"

    Examples:
      | case                   | start               | end                 |
      | ends before it starts  | 2099-10-05T00:00:00 | 2099-09-25T00:00:00 |
      | ends in the past       | 2020-01-06T08:00:00 | 2020-01-10T18:00:00 |

  Scenario: A window written without a time zone is UTC, whatever zone the mock's machine is in
    Given the machine running the mock is in the time zone "America/New_York"
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest><t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox>
        <t:UserOofSettings><t:OofState>Scheduled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>
          <t:Duration><t:StartTime>2099-10-05T00:00:00</t:StartTime><t:EndTime>2099-10-25T00:00:00</t:EndTime></t:Duration>
        </t:UserOofSettings></m:SetUserOofSettingsRequest>
      """
    Then the SetUserOofSettings answer is Success with the ResponseCode NoError
    When the tester sends GET "/mailboxes/alice@acme.test" to the admin API
    Then the admin answer has:
      | outOfOffice.start | 2099-10-05T00:00:00.000Z |
      | outOfOffice.end   | 2099-10-25T00:00:00.000Z |

  Scenario: A caller with no mailbox of its own asking for another's settings is refused as Exchange refuses it
    Given the mock serves the scenario "shared-mailbox.yaml"
    When svc-ews@acme.test posts the SOAP body:
      """
      <m:GetUserOofSettingsRequest><t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox></m:GetUserOofSettingsRequest>
      """
    Then the response is a soap:Client fault from the EWS endpoint with ErrorCode -2146233088
    And the fault string contains "User is not mailbox owner."

  Scenario: An address with no mailbox is ErrorNonExistentMailbox
    When alice@acme.test posts the SOAP body:
      """
      <m:GetUserOofSettingsRequest><t:Mailbox><t:Address>nobody@acme.test</t:Address></t:Mailbox></m:GetUserOofSettingsRequest>
      """
    Then the response is a SOAP fault with ResponseCode ErrorNonExistentMailbox

  Scenario: A GetUserOofSettings without an address is a schema fault
    When alice@acme.test posts the SOAP body:
      """
      <m:GetUserOofSettingsRequest><t:Mailbox/></m:GetUserOofSettingsRequest>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "List of possible elements expected: 'Address'"

  Scenario Outline: A SetUserOofSettings the schema does not allow is a schema fault and changes nothing: <case>
    Given the tester notes the store digest as "before"
    When alice@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest><t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox><settings></m:SetUserOofSettingsRequest>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"
    And the store digest is still "before"

    Examples:
      | case               | settings                                                                                                                                                                   | message                                                 |
      | an unknown state   | <t:UserOofSettings><t:OofState>Holiday</t:OofState><t:ExternalAudience>All</t:ExternalAudience></t:UserOofSettings>                                                        | The value 'Holiday' is invalid according to its datatype |
      | no audience        | <t:UserOofSettings><t:OofState>Enabled</t:OofState></t:UserOofSettings>                                                                                                    | List of possible elements expected: 'ExternalAudience'  |
      | a window not dated | <t:UserOofSettings><t:OofState>Scheduled</t:OofState><t:ExternalAudience>All</t:ExternalAudience><t:Duration><t:StartTime>soon</t:StartTime><t:EndTime>2026-12-07T08:00:00Z</t:EndTime></t:Duration></t:UserOofSettings> | The string 'soon' is not a valid DateTime value.         |
      | no settings        |                                                                                                                                                                            | List of possible elements expected: 'UserOofSettings'   |
