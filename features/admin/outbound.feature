@needs-admin @admin
Feature: Mail that leaves the organisation is kept for the test to read
  Exchange hands mail for recipients without a mailbox in the organisation to the next server;
  the mock keeps it instead, as a mail catcher does, so a test can check what its client sent to
  customers and partners, and the automatic replies sent to outside senders. GET /__admin/outbound
  lists it, oldest first; each message can be read as RFC 822; DELETE forgets it; a reset starts
  a new list.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A message to a partner and a colleague leaves once, with every outside recipient; the colleague gets it in the Inbox
    When alice@acme.test sends the message "Proposal v2" to "nina@partner.test, bob@acme.test" and Bcc "otto@vendor.test"
    Then the client call succeeds
    And the inbox of bob@acme.test holds "Proposal v2" as an unread message
    When the tester sends GET "/outbound" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | total                     | 1                                        |
      | messages[0].n             | 1                                        |
      | messages[0].reason        | sent                                     |
      | messages[0].from          | alice@acme.test                          |
      | messages[0].recipients    | ["nina@partner.test","otto@vendor.test"] |
      | messages[0].subject       | Proposal v2                              |
      | messages[0].to[1].address | bob@acme.test                            |
    When the tester sends GET "/outbound/1/mime" to the admin API
    Then the admin API answers 200
    And the admin answer contains "Subject: Proposal v2"
    And the admin answer contains "nina@partner.test"
    And the admin answer does not contain "otto@vendor.test"

  Scenario: Mail between mailboxes of the organisation does not leave it
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SendAndSaveCopy">
        <m:Items><t:Message><t:Subject>Lunch?</t:Subject>
          <t:ToRecipients><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></m:Items>
      </m:CreateItem>
      """
    And the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total    | 0  |
      | lastN    | 0  |
      | messages | [] |

  Scenario Outline: An outside sender gets the external reply only when the audience is All: <audience>
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest>
        <t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox>
        <t:UserOofSettings>
          <t:OofState>Enabled</t:OofState>
          <t:ExternalAudience><audience></t:ExternalAudience>
          <t:InternalReply><t:Message>Back on Monday.</t:Message></t:InternalReply>
          <t:ExternalReply><t:Message>&lt;p&gt;Thank you for your message.&lt;/p&gt;</t:Message></t:ExternalReply>
        </t:UserOofSettings>
      </m:SetUserOofSettingsRequest>
      """
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Renewal quote", "from": { "name": "Nina Partner", "address": "nina@partner.test" }, "messageId": "<quote-7@partner.test>" }
      """
    And the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total | <total> |
    And the admin answer lists "messages[].subject" as "<subjects>"

    Examples:
      | audience | total | subjects                       |
      | All      | 1     | Automatic reply: Renewal quote |
      | Known    | 0     |                                |
      | None     | 0     |                                |

  Scenario: The external reply as it left: from the mailbox, to the sender, in reply to the message, as HTML
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest>
        <t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox>
        <t:UserOofSettings>
          <t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>
          <t:ExternalReply><t:Message>&lt;p&gt;Thank you for your message.&lt;/p&gt;</t:Message></t:ExternalReply>
        </t:UserOofSettings>
      </m:SetUserOofSettingsRequest>
      """
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Renewal quote", "from": { "name": "Nina Partner", "address": "nina@partner.test" }, "messageId": "<quote-7@partner.test>" }
      """
    And the tester sends GET "/outbound/1" to the admin API
    Then the admin answer has:
      | reason        | auto-reply                         |
      | from          | alice@acme.test                    |
      | recipients    | ["nina@partner.test"]              |
      | to[0].address | nina@partner.test                  |
      | subject       | Automatic reply: Renewal quote     |
      | inReplyTo     | <quote-7@partner.test>             |
      | html          | <p>Thank you for your message.</p> |
      | text          | null                               |
    When the tester sends GET "/outbound/1/mime" to the admin API
    Then the admin answer contains "Auto-Submitted: auto-replied"

  Scenario: Clearing forgets the messages, numbering goes on; a reset starts again
    Given alice@acme.test sends the message "One" to "nina@partner.test"
    And alice@acme.test sends the message "Two" to "nina@partner.test"
    When the tester sends DELETE "/outbound" to the admin API
    Then the admin answer has:
      | cleared | 2 |
    When alice@acme.test sends the message "Three" to "nina@partner.test"
    And the tester sends GET "/outbound?after=0" to the admin API
    Then the admin answer has:
      | total         | 1 |
      | lastN         | 3 |
      | messages[0].n | 3 |
    When the tester sends GET "/outbound/1" to the admin API
    Then the admin API answers 404 naming the field "n"
    When the tester sends GET "/outbound?limit=x" to the admin API
    Then the admin API answers 400 naming the field "limit"
    When the tester sends POST "/reset" to the admin API
    And the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | lastN | 0 |

  # The log is filled through the store: a thousand sends over EWS would only slow the scenario down.
  @mock-only
  Scenario: The log keeps the newest 1,000 messages
    When 1005 messages of 0 MB each have left for "nina@partner.test"
    And the tester sends GET "/outbound?limit=1" to the admin API
    Then the admin answer has:
      | total         | 1000 |
      | lastN         | 1005 |
      | messages[0].n | 6    |
    When the tester sends GET "/outbound/5" to the admin API
    Then the admin API answers 404 naming the field "n"
    When the tester sends GET "/outbound/6" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | subject | Outbound 6 |

  @mock-only
  Scenario: The log keeps at most 64 MB of messages, and always the newest one
    When 3 messages of 25 MB each have left for "nina@partner.test"
    And the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total         | 2 |
      | messages[0].n | 2 |
      | messages[1].n | 3 |
    When 1 messages of 70 MB each have left for "nina@partner.test"
    And the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total         | 1 |
      | messages[0].n | 4 |
