@protocol @delegate
Feature: Sending from another mailbox's address: SendAs and SendOnBehalf
  A message goes out as the mailbox its From names (or, when it names none, the mailbox holding it).
  The request's own mailbox sends as itself. Another mailbox needs a right on it (scenario file
  `mailboxPermissions`): SendAs sends with that mailbox as From and Sender; SendOnBehalf with that
  mailbox as From and the user as Sender, which mail programs show as "Bob on behalf of Acme
  Support". FullAccess alone, or a From naming an address that has no mailbox here, is
  ErrorSendAsDenied and nothing is sent. The sent copy goes to the sending user's own Sent Items
  unless the request names another folder; a non-delivery report returns to the mailbox the message
  left from (the From mailbox with SendAs, the user's own with SendOnBehalf).

  Background:
    Given the mock serves the scenario "shared-mailbox.yaml"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: With SendAs, a member sends a new message as the shared mailbox
    When carol@acme.test sends "Ticket 42 is closed" to "alice@acme.test" from support@acme.test, keeping a copy
    Then the client call succeeds
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Ticket 42 is closed"
    Then the message is from "Acme Support <support@acme.test>"
    And the message has the sender "Acme Support <support@acme.test>"
    And FindItem counts 1 messages in the sentitems of carol@acme.test
    And FindItem counts 0 messages in the sentitems of support@acme.test

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: With SendOnBehalf, the shared mailbox is From and the user is Sender
    When bob@acme.test sends "Invoice 7 attached" to "alice@acme.test" from support@acme.test, keeping a copy
    Then the client call succeeds
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Invoice 7 attached"
    Then the message is from "Acme Support <support@acme.test>"
    And the message has the sender "Bob Brown <bob@acme.test>"
    And FindItem counts 1 messages in the sentitems of bob@acme.test

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @needs-admin @since:Exchange2007_SP1
  Scenario: Mail leaving the organisation says who sent it on whose behalf
    When bob@acme.test sends "Your refund" to "petra@customer.test" from support@acme.test, keeping a copy
    Then the client call succeeds
    When the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total              | 1                       |
      | messages[0].from   | bob@acme.test           |
      | messages[0].subject | Your refund            |
    When the tester sends GET "/outbound/1/mime" to the admin API
    Then the admin answer contains "From: Acme Support <support@acme.test>"
    And the admin answer contains "Sender: Bob Brown <bob@acme.test>"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: FullAccess alone does not send as the mailbox, and nobody sends as an address that is not theirs
    When alice@acme.test sends "Not mine to send" to "bob@acme.test" from support@acme.test, keeping a copy
    Then the client call fails with ErrorSendAsDenied
    When alice@acme.test sends "From the boss" to "bob@acme.test" from ceo@acme.test, keeping a copy
    Then the client call fails with ErrorSendAsDenied
    When alice@acme.test sends "From a customer" to "bob@acme.test" from petra@customer.test, keeping a copy
    Then the client call fails with ErrorSendAsDenied
    And FindItem counts 0 messages in the inbox of bob@acme.test
    And FindItem counts 0 messages in the sentitems of alice@acme.test

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @needs-admin @since:Exchange2007_SP1
  Scenario: With SendAs and FullAccess, a draft saved in the shared mailbox goes out as the mailbox
    When carol@acme.test saves the draft "We are on it" to "petra@customer.test" in the drafts of support@acme.test as a delegate, then sends it
    Then the client call succeeds
    And FindItem counts 0 messages in the drafts of support@acme.test
    When the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total                  | 1                 |
      | messages[0].from       | support@acme.test |
      | messages[0].subject    | We are on it      |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A non-delivery report returns to the mailbox the message left from, with the message attached
    When carol@acme.test sends "Hello nobody" to "nobody@acme.test" from support@acme.test, keeping a copy
    Then the client call succeeds
    And FindItem counts 3 messages in the inbox of support@acme.test
    And FindItem counts 0 messages in the inbox of carol@acme.test
    When bob@acme.test sends "Hello again" to "nobody@acme.test" from support@acme.test, keeping a copy
    Then the client call succeeds
    And FindItem counts 1 messages in the inbox of bob@acme.test
    When carol@acme.test saves the draft "Lost ticket" to "nobody@acme.test" in the drafts of support@acme.test as a delegate, then sends it
    Then the client call succeeds
    And FindItem counts 4 messages in the inbox of support@acme.test
    When svc-ews@acme.test impersonating support@acme.test reads the inbox message "Undeliverable: Lost ticket"
    Then the message has one attachment named "Lost ticket" of type "message/rfc822"

  # read back through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A From naming the caller's own address, in any case, sends as usual; the client cannot set the Sender
    When bob@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SendAndSaveCopy">
        <m:Items>
          <t:Message>
            <t:Subject>Plain</t:Subject>
            <t:Body BodyType="Text">Hi</t:Body>
            <t:Sender><t:Mailbox><t:EmailAddress>ceo@acme.test</t:EmailAddress></t:Mailbox></t:Sender>
            <t:ToRecipients><t:Mailbox><t:EmailAddress>alice@acme.test</t:EmailAddress></t:Mailbox></t:ToRecipients>
            <t:From><t:Mailbox><t:EmailAddress>BOB@acme.test</t:EmailAddress></t:Mailbox></t:From>
          </t:Message>
        </m:Items>
      </m:CreateItem>
      """
    Then the response messages have these ResponseCodes:
      | NoError |
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Plain"
    Then the message is from "Bob Brown <bob@acme.test>"
    And the message has the sender "Bob Brown <bob@acme.test>"

  # exchangelib (Python) writes the author as t:From. It logs on with Basic, which Exchange Online refuses.
  @since:Exchange2010 @until:Exchange2019
  Scenario: exchangelib sends as the shared mailbox with SendAs, on its behalf with SendOnBehalf, and is refused without either
    When exchangelib as carol@acme.test sends its own mailbox a message from support@acme.test
    Then exchangelib received it from "support@acme.test" with the sender "support@acme.test" and kept 1 copy in Sent Items
    When exchangelib as bob@acme.test sends its own mailbox a message from support@acme.test
    Then exchangelib received it from "support@acme.test" with the sender "bob@acme.test" and kept 1 copy in Sent Items
    When exchangelib as alice@acme.test sends its own mailbox a message from support@acme.test
    Then exchangelib failed with "ErrorSendAsDenied"

  @needs-admin
  Scenario Outline: A From that names no one to send as is refused and nothing is sent: <case>
    Given the tester notes the store digest as "start"
    When bob@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SendAndSaveCopy">
        <m:Items>
          <t:Message>
            <t:Subject>Who am I?</t:Subject>
            <t:ToRecipients><t:Mailbox><t:EmailAddress>alice@acme.test</t:EmailAddress></t:Mailbox></t:ToRecipients>
            <t:From><t:Mailbox><fromMailbox></t:Mailbox></t:From>
          </t:Message>
        </m:Items>
      </m:CreateItem>
      """
    Then the response messages have these ResponseCodes:
      | <code> |
    And the store digest is still "start"

    Examples:
      | case                         | fromMailbox                                                     | code                  |
      | not an address               | <t:EmailAddress>support</t:EmailAddress>                        | ErrorSendAsDenied     |
      | an address that names nobody | <t:EmailAddress>helpdesk@acme.test</t:EmailAddress>             | ErrorSendAsDenied     |
      | no address at all            | <t:Name>Acme Support</t:Name>                                   | ErrorSchemaValidation |
