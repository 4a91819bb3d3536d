@protocol @GetMailTips @since:Exchange2010
Feature: Mail tips through GetMailTips
  While a message is written, Outlook asks GetMailTips about its recipients: whether one is out of
  office (and the reply the sender would get), whether a mailbox is full, how large a message it
  takes, and whether an address of the organisation names nobody. One answer per recipient, in
  request order, with the tips asked for.

  Scenario: Colleagues, an unknown colleague and an outside address, every tip
    When alice@acme.test posts with RequestServerVersion "Exchange2010" the SOAP body:
      """
      <m:GetMailTips>
        <m:SendingAs><t:EmailAddress>alice@acme.test</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></m:SendingAs>
        <m:Recipients>
          <t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox>
          <t:Mailbox><t:EmailAddress>nobody@acme.test</t:EmailAddress></t:Mailbox>
          <t:Mailbox><t:Name>Nina Partner</t:Name><t:EmailAddress>nina@partner.test</t:EmailAddress></t:Mailbox>
        </m:Recipients>
        <m:MailTipsRequested>All</m:MailTipsRequested>
      </m:GetMailTips>
      """
    Then the mail tips are:
      | Recipient         | Name         | OutOfOffice | MailboxFull | MaxMessageSize | TotalMemberCount | ExternalMemberCount | DeliveryRestricted | IsModerated | InvalidRecipient |
      | bob@acme.test     | Bob Brown    |             | false       | 10485760       | 1                | 0                   | false              | false       | false            |
      | nobody@acme.test  |              | —           | —           | —              | 1                | 0                   | false              | false       | true             |
      | nina@partner.test | Nina Partner | —           | —           | —              | 1                | 1                   | false              | false       | false            |
    And the first ResponseCode in the response has the text "NoError"

  Scenario Outline: A recipient out of office shows the reply the sender would get: <sender>
    Given svc-ews@acme.test impersonating bob@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest>
        <t:Mailbox><t:Address>bob@acme.test</t:Address></t:Mailbox>
        <t:UserOofSettings>
          <t:OofState>Scheduled</t:OofState>
          <t:ExternalAudience><audience></t:ExternalAudience>
          <t:Duration><t:StartTime>2020-01-01T00:00:00Z</t:StartTime><t:EndTime>2099-12-31T00:00:00Z</t:EndTime></t:Duration>
          <t:InternalReply><t:Message>On leave; ask Mia.</t:Message></t:InternalReply>
          <t:ExternalReply><t:Message>Out of the office.</t:Message></t:ExternalReply>
        </t:UserOofSettings>
      </m:SetUserOofSettingsRequest>
      """
    When alice@acme.test posts with RequestServerVersion "Exchange2010" the SOAP body:
      """
      <m:GetMailTips>
        <m:SendingAs><t:EmailAddress><sender></t:EmailAddress></m:SendingAs>
        <m:Recipients><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></m:Recipients>
        <m:MailTipsRequested>OutOfOfficeMessage</m:MailTipsRequested>
      </m:GetMailTips>
      """
    Then the mail tips are:
      | Recipient     | OutOfOffice | Window   | MaxMessageSize |
      | bob@acme.test | <reply>     | <window> | —              |

    Examples:
      | sender            | audience | reply              | window                                    |
      | alice@acme.test   | None     | On leave; ask Mia. | 2020-01-01T00:00:00Z – 2099-12-31T00:00:00Z |
      | nina@partner.test | All      | Out of the office. | 2020-01-01T00:00:00Z – 2099-12-31T00:00:00Z |
      | nina@partner.test | None     |                    | —                                         |

  Scenario: Only the tips asked for are answered
    When alice@acme.test posts with RequestServerVersion "Exchange2010" the SOAP body:
      """
      <m:GetMailTips>
        <m:SendingAs><t:EmailAddress>alice@acme.test</t:EmailAddress></m:SendingAs>
        <m:Recipients><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></m:Recipients>
        <m:MailTipsRequested>MaxMessageSize InvalidRecipient</m:MailTipsRequested>
      </m:GetMailTips>
      """
    Then the mail tips are:
      | Recipient     | OutOfOffice | MailboxFull | MaxMessageSize | TotalMemberCount | InvalidRecipient |
      | bob@acme.test | —           | —           | 10485760       | —                | false            |

  Scenario Outline: A GetMailTips the schema does not allow is a schema fault: <case>
    When alice@acme.test posts with RequestServerVersion "Exchange2010" the SOAP body:
      """
      <m:GetMailTips><body></m:GetMailTips>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<says>"

    Examples:
      | case                    | body                                                                                                                                                                          | says                                                      |
      | an unknown tip          | <m:SendingAs><t:EmailAddress>alice@acme.test</t:EmailAddress></m:SendingAs><m:Recipients><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></m:Recipients><m:MailTipsRequested>Everything</m:MailTipsRequested> | The value 'Everything' is invalid according to its datatype |
      | no sender               | <m:Recipients><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></m:Recipients><m:MailTipsRequested>All</m:MailTipsRequested>                               | List of possible elements expected: 'SendingAs'          |
      | no recipient            | <m:SendingAs><t:EmailAddress>alice@acme.test</t:EmailAddress></m:SendingAs><m:Recipients/><m:MailTipsRequested>All</m:MailTipsRequested>                                         | List of possible elements expected: 'Mailbox'            |
      | the tips as bare text   | All<m:SendingAs><t:EmailAddress>alice@acme.test</t:EmailAddress></m:SendingAs>                                                                                                  | has incomplete content                                   |

  Scenario: Before Exchange 2010 there are no mail tips
    When alice@acme.test posts with RequestServerVersion "Exchange2007_SP1" the SOAP body:
      """
      <m:GetMailTips><m:SendingAs><t:EmailAddress>alice@acme.test</t:EmailAddress></m:SendingAs><m:Recipients><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></m:Recipients><m:MailTipsRequested>All</m:MailTipsRequested></m:GetMailTips>
      """
    Then the response is a SOAP fault with ResponseCode ErrorIncorrectSchemaVersion
