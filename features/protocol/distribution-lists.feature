@protocol @ExpandDL
Feature: Distribution lists
  The directory's distribution lists come from the scenario file. Mail to a list reaches every
  member once — nested lists expanded, outside members through the outbound log — with the list
  still named in To; ExpandDL lists a list's members one level deep; GetMailTips counts them. The
  default scenario has sales-team@acme.test (Alice, Bob and the list partners@acme.test) and
  partners@acme.test (Carol of globex.test and nina@partner.test).

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: ExpandDL lists the members one level deep: mailboxes, nested lists, outside addresses
    When alice@acme.test expands the distribution list "sales-team@acme.test"
    Then the members listed are:
      | Alice Anderson | alice@acme.test    | Mailbox     |
      | Bob Brown      | bob@acme.test      | Mailbox     |
      | Acme Partners  | partners@acme.test | PublicGroup |
    When alice@acme.test expands the distribution list "partners@acme.test"
    Then the members listed are:
      | Carol Clark       | carol@globex.test | Mailbox |
      | nina@partner.test | nina@partner.test | Contact |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario Outline: An address that names no list is ErrorNameResolutionNoResults: <address>
    When alice@acme.test expands the distribution list "<address>"
    Then the client call fails with ErrorNameResolutionNoResults

    Examples:
      | address           |
      | nobody@acme.test  |
      | bob@acme.test     |
      | nina@partner.test |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario Outline: A list is named by its address, with an SMTP: prefix, by its alias or its display name: <name>
    When alice@acme.test expands the distribution list "<name>"
    Then the members listed are:
      | Carol Clark       | carol@globex.test | Mailbox |
      | nina@partner.test | nina@partner.test | Contact |

    Examples:
      | name                    |
      | SMTP:partners@acme.test |
      | partners                |
      | acme partners           |

  Scenario: ExpandDL on the wire
    When alice@acme.test posts the SOAP body:
      """
      <m:ExpandDL><m:Mailbox><t:EmailAddress>partners@acme.test</t:EmailAddress></m:Mailbox></m:ExpandDL>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the DLExpansion of response message 1 has the attributes:
      | TotalItemsInView        | 2    |
      | IncludesLastItemInRange | true |

  Scenario Outline: An ExpandDL the schema does not allow is a schema fault: <case>
    When alice@acme.test posts the SOAP body:
      """
      <m:ExpandDL><body></m:ExpandDL>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<says>"

    Examples:
      | case                 | body                                                                   | says                                              |
      | no mailbox           |                                                                        | List of possible elements expected: 'Mailbox'     |
      | a stranger element   | <m:Mailbox><t:EmailAddress>partners@acme.test</t:EmailAddress></m:Mailbox><m:Members/> | has invalid child element 'Members' |

  Scenario: An ExpandDL naming no address is ErrorNameResolutionNoResults
    When alice@acme.test posts the SOAP body:
      """
      <m:ExpandDL><m:Mailbox><t:EmailAddress>  </t:EmailAddress></m:Mailbox></m:ExpandDL>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorNameResolutionNoResults

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Mail to a list reaches every member once, nested lists too, and leaves for outside members
    When bob@acme.test sends the message "Quarterly kick-off" to "sales-team@acme.test, partners@acme.test"
    Then the client call succeeds
    And the inbox of alice@acme.test holds "Quarterly kick-off" as an unread message
    And the inbox of bob@acme.test holds "Quarterly kick-off" as an unread message
    And the inbox of carol@globex.test holds "Quarterly kick-off" as an unread message
    And the inbox message "Quarterly kick-off" of carol@globex.test is addressed to "sales-team@acme.test, partners@acme.test"
    And FindItem counts 24 messages in the inbox of carol@globex.test
    When the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total                  | 1                     |
      | messages[0].recipients | ["nina@partner.test"] |

  @since:Exchange2010
  Scenario: GetMailTips counts the recipients a list reaches
    When alice@acme.test posts with RequestServerVersion "Exchange2010" the SOAP body:
      """
      <m:GetMailTips>
        <m:SendingAs><t:EmailAddress>alice@acme.test</t:EmailAddress></m:SendingAs>
        <m:Recipients><t:Mailbox><t:EmailAddress>sales-team@acme.test</t:EmailAddress></t:Mailbox></m:Recipients>
        <m:MailTipsRequested>TotalMemberCount ExternalMemberCount InvalidRecipient</m:MailTipsRequested>
      </m:GetMailTips>
      """
    Then the mail tips are:
      | Recipient            | Name            | TotalMemberCount | ExternalMemberCount | InvalidRecipient |
      | sales-team@acme.test | Acme Sales Team | 4                | 1                   | false            |

  @needs-admin
  Scenario: The admin API lists the scenario's distribution lists
    When the tester sends GET "/distribution-lists" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | [0].smtp        | sales-team@acme.test                                      |
      | [0].displayName | Acme Sales Team                                           |
      | [0].members     | ["alice@acme.test","bob@acme.test","partners@acme.test"] |
      | [1].members     | ["carol@globex.test","nina@partner.test"]                 |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @needs-admin @since:Exchange2007_SP1
  Scenario: A list made through the admin API is expanded and delivered to at once; removed, it names nobody
    When the tester sends PUT "/distribution-lists/support@acme.test" to the admin API with JSON:
      """
      { "displayName": "Acme Support", "members": ["bob@acme.test", "otto@vendor.test"] }
      """
    Then the admin API answers 201
    When alice@acme.test expands the distribution list "support@acme.test"
    Then the members listed are:
      | Bob Brown        | bob@acme.test    | Mailbox |
      | otto@vendor.test | otto@vendor.test | Contact |
    When alice@acme.test sends the message "Printer on fire" to "support@acme.test"
    Then the inbox of bob@acme.test holds "Printer on fire" as an unread message
    When the tester sends DELETE "/distribution-lists/support@acme.test" to the admin API
    Then the admin API answers 204
    When alice@acme.test expands the distribution list "support@acme.test"
    Then the client call fails with ErrorNameResolutionNoResults

  @needs-admin
  Scenario Outline: A list the rules refuse changes nothing: <case>
    When the tester sends PUT "<path>" to the admin API with JSON:
      """
      <body>
      """
    Then the admin API answers <status> naming the field "<field>"
    When the tester sends GET "/distribution-lists" to the admin API
    Then the admin answer is a list of 2

    Examples:
      | case                         | path                                   | body                                   | status | field      |
      | no members                   | /distribution-lists/x@acme.test        | { "members": [] }                      | 400    | members    |
      | a member naming nobody       | /distribution-lists/x@acme.test        | { "members": ["ghost@acme.test"] }     | 400    | members[0] |
      | itself as a member           | /distribution-lists/x@acme.test        | { "members": ["x@acme.test"] }         | 400    | members[0] |
      | a mailbox's address          | /distribution-lists/bob@acme.test      | { "members": ["alice@acme.test"] }     | 409    | smtp       |
      | outside the domains          | /distribution-lists/x@evil.test        | { "members": ["alice@acme.test"] }     | 400    | smtp       |
      | not an address               | /distribution-lists/not-an-address     | { "members": ["alice@acme.test"] }     | 400    | smtp       |
      | an unknown field             | /distribution-lists/x@acme.test        | { "members": ["alice@acme.test"], "owner": "bob@acme.test" } | 400 | owner |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @needs-admin @since:Exchange2007_SP1
  Scenario: A mailbox removed from the directory leaves the lists that named it
    When the tester sends DELETE "/mailboxes/bob@acme.test" to the admin API
    Then the admin API answers 204
    When the tester sends GET "/distribution-lists/sales-team@acme.test" to the admin API
    Then the admin answer has:
      | members | ["alice@acme.test","partners@acme.test"] |
    When alice@acme.test sends the message "Quarter close" to "sales-team@acme.test"
    Then the client call succeeds
    And the inbox of alice@acme.test holds "Quarter close" as an unread message
    And the inbox of alice@acme.test does not hold "Undeliverable: Quarter close"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: ResolveNames finds a list of the caller's domain as a public distribution list
    When alice@acme.test resolves the name "Acme Sales"
    Then the resolutions are:
      | name            | address              | routing | type        |
      | Acme Sales Team | sales-team@acme.test | SMTP    | PublicGroup |
    When alice@acme.test resolves the name "partners@acme.test" with full contact data
    Then the contact of partners@acme.test has:
      | DisplayName   | Acme Partners           |
      | EmailAddress1 | SMTP:partners@acme.test |
      | ContactSource | ActiveDirectory         |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Another domain's lists stay out of a caller's directory
    When carol@globex.test resolves the name "Acme"
    Then nothing is resolved

  @needs-admin
  Scenario: A list another list names cannot be removed
    When the tester sends DELETE "/distribution-lists/partners@acme.test" to the admin API
    Then the admin API answers 409 naming the field "smtp"
    And the admin answer has:
      | error | smtp: partners@acme.test is a member of sales-team@acme.test; remove it there first |
    When the tester sends DELETE "/distribution-lists/nobody@acme.test" to the admin API
    Then the admin API answers 404 naming the field "smtp"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: An address of the organisation that names nobody comes back as a non-delivery report with the message attached; the others are delivered
    When alice@acme.test sends the message "Budget draft" to "bob@acme.test, bbo@acme.test, nina@partner.test"
    Then the client call succeeds
    And the inbox of bob@acme.test holds "Budget draft" as an unread message
    And the inbox of alice@acme.test holds "Undeliverable: Budget draft" as an unread message
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Undeliverable: Budget draft"
    Then the message is from "Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@acme.test>"
    And the message body is Text and contains "Your message to bbo@acme.test couldn't be delivered."
    And the message body does not contain "bob@acme.test"
    And the message has one attachment named "Budget draft" of type "message/rfc822"
    Given the AttachmentId of "Budget draft" on the inbox message "Undeliverable: Budget draft" of alice@acme.test is noted as "original"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetAttachment>
        <m:AttachmentIds><t:AttachmentId Id="{{id:original}}"/></m:AttachmentIds>
      </m:GetAttachment>
      """
    Then the response holds the attached message "Budget draft" with the subject "Budget draft" and a body containing "Budget draft"
    When the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total                  | 1                     |
      | messages[0].recipients | ["nina@partner.test"] |
