# checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
@protocol @GetUserOofSettings @SetUserOofSettings @since:Exchange2007_SP1
Feature: Automatic replies while a mailbox is out of office
  A mailbox whose out-of-office settings are on answers the mail delivered to it, as Exchange's
  transport does: once per sender while the same settings stand, with the internal reply to
  senders of the organisation, and never to automatic, bulk or list mail — so an integration that
  imports mail sees the replies its own messages cause, and can be checked for reply loops.

  Background:
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest>
        <t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox>
        <t:UserOofSettings>
          <t:OofState>Enabled</t:OofState>
          <t:ExternalAudience>All</t:ExternalAudience>
          <t:InternalReply><t:Message>I am out until Monday. Mia covers the budget.</t:Message></t:InternalReply>
          <t:ExternalReply><t:Message>Thank you for your message; I am out of the office.</t:Message></t:ExternalReply>
        </t:UserOofSettings>
      </m:SetUserOofSettingsRequest>
      """

  Scenario: A colleague's message is answered once, from the mailbox, with the internal reply
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Budget review", "from": { "name": "Bob Brown", "address": "bob@acme.test" }, "text": "Can we meet?" }
      """
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Budget review, again", "from": { "name": "Bob Brown", "address": "bob@acme.test" }, "text": "Any news?" }
      """
    Then the inbox of bob@acme.test holds "Automatic reply: Budget review" as an unread message
    And the inbox of bob@acme.test does not hold "Automatic reply: Budget review, again"
    And the sentitems of alice@acme.test does not hold "Automatic reply: Budget review"
    When svc-ews@acme.test impersonating bob@acme.test reads the inbox message "Automatic reply: Budget review"
    Then the message is from "Alice Anderson <alice@acme.test>"
    And the message is addressed to "Bob Brown <bob@acme.test>" with copies to "nobody"
    And the message body is Text and contains "I am out until Monday. Mia covers the budget."

  Scenario: The reply says what it is: its item class and the headers that stop replies to it
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Budget review", "from": { "address": "bob@acme.test" }, "messageId": "<budget-1@acme.test>" }
      """
    And the ItemId and ChangeKey of the inbox message "Automatic reply: Budget review" of bob@acme.test are noted as "reply"
    And svc-ews@acme.test impersonating bob@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>
          <t:FieldURI FieldURI="item:ItemClass"/><t:FieldURI FieldURI="item:InternetMessageHeaders"/><t:FieldURI FieldURI="item:InReplyTo"/>
        </t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{id:reply}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first ItemClass in the response has the text "IPM.Note.Rules.OofTemplate.Microsoft"
    And the first InReplyTo in the response has the text "<budget-1@acme.test>"
    And the response has the internet message headers:
      | Auto-Submitted           | auto-replied |
      | X-Auto-Response-Suppress | All          |

  Scenario: Mail sent through EWS is answered too, and the reply to the reply is not sent
    Given svc-ews@acme.test impersonating bob@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest>
        <t:Mailbox><t:Address>bob@acme.test</t:Address></t:Mailbox>
        <t:UserOofSettings>
          <t:OofState>Enabled</t:OofState>
          <t:ExternalAudience>None</t:ExternalAudience>
          <t:InternalReply><t:Message>Bob is away too.</t:Message></t:InternalReply>
        </t:UserOofSettings>
      </m:SetUserOofSettingsRequest>
      """
    When svc-ews@acme.test impersonating bob@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SendAndSaveCopy">
        <m:Items><t:Message><t:Subject>Offsite agenda</t:Subject><t:Body BodyType="Text">Draft attached soon.</t:Body>
          <t:ToRecipients><t:Mailbox><t:EmailAddress>alice@acme.test</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></m:Items>
      </m:CreateItem>
      """
    Then the inbox of bob@acme.test holds "Automatic reply: Offsite agenda" as an unread message
    And the inbox of alice@acme.test holds "Offsite agenda" as an unread message
    And the inbox of alice@acme.test does not hold "Automatic reply: Automatic reply: Offsite agenda"

  Scenario: Setting the settings again starts a new list of senders answered
    Given the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "First", "from": { "address": "bob@acme.test" } }
      """
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest>
        <t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox>
        <t:UserOofSettings><t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience></t:UserOofSettings>
      </m:SetUserOofSettingsRequest>
      """
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Second", "from": { "address": "bob@acme.test" } }
      """
    Then the inbox of bob@acme.test holds "Automatic reply: First" as an unread message
    And the inbox of bob@acme.test holds "Automatic reply: Second" as an unread message

  Scenario: A sender of the organisation without a mailbox gets no reply, and none leaves the organisation
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Hello from the old address", "from": { "address": "former.employee@acme.test" } }
      """
    Then the admin API answers 201
    When the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total | 0 |
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Hello from outside", "from": { "address": "nina@partner.test" } }
      """
    And the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total               | 1                                   |
      | messages[0].subject | Automatic reply: Hello from outside |

  Scenario Outline: No reply to <case>
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Quarterly numbers", "from": { "address": "bob@acme.test" }, "headers": <headers> }
      """
    Then the admin API answers 201
    And the inbox of bob@acme.test does not hold "Automatic reply: Quarterly numbers"

    Examples:
      | case                                   | headers                                        |
      | mail marked as an automatic reply      | { "Auto-Submitted": "auto-replied" }           |
      | a sender that asked for no OOF replies | { "X-Auto-Response-Suppress": "DR, OOF" }      |
      | bulk mail                              | { "Precedence": "bulk" }                       |

  Scenario Outline: No reply while <case>
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest>
        <t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox>
        <t:UserOofSettings><settings></t:UserOofSettings>
      </m:SetUserOofSettingsRequest>
      """
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Quarterly numbers", "from": { "address": "bob@acme.test" } }
      """
    Then the admin API answers 201
    And the inbox of bob@acme.test does not hold "Automatic reply: Quarterly numbers"

    Examples:
      | case                                     | settings                                                                                                                                                              |
      | the settings are off                     | <t:OofState>Disabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>                                                                                          |
      | the scheduled absence has not begun      | <t:OofState>Scheduled</t:OofState><t:ExternalAudience>All</t:ExternalAudience><t:Duration><t:StartTime>2099-01-06T08:00:00Z</t:StartTime><t:EndTime>2099-01-10T18:00:00Z</t:EndTime></t:Duration> |
      | the internal reply is empty              | <t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience><t:InternalReply><t:Message></t:Message></t:InternalReply>                                  |
