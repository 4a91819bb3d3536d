# The Background sends through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1.
@protocol @CreateItem @since:Exchange2007_SP1
Feature: Replying to and forwarding messages
  An integration answers a customer from the mailbox: CreateItem with t:ReplyToItem,
  t:ReplyAllToItem or t:ForwardItem builds the message from the one it answers — "RE: " or "FW: "
  before the subject, the right recipients, the new text above the quoted original, the thread kept
  — and saves or sends it like any other.

  Background:
    Given bob@acme.test sends alice@acme.test the message "Budget question"

  Scenario: A reply goes to the sender, in the same thread, with the original quoted below
    When alice@acme.test replies to the inbox message "Budget question" with "Approved as proposed."
    Then the client call succeeds
    And the inbox message "RE: Budget question" of bob@acme.test answers "Budget question", is addressed to "bob@acme.test" and copied to ""
    When svc-ews@acme.test impersonating bob@acme.test reads the inbox message "RE: Budget question"
    Then the message body is Text and contains "Approved as proposed."
    And the message body is Text and contains "Subject: Budget question"
    And the sentitems of alice@acme.test holds "RE: Budget question" as a read message

  Scenario: A reply to all goes to the sender and every other recipient, never back to the mailbox itself
    Given bob@acme.test sends the message "Team lunch" to "alice@acme.test, carol@globex.test"
    When alice@acme.test replies to all of the inbox message "Team lunch" with "Count me in."
    Then the client call succeeds
    And the inbox message "RE: Team lunch" of carol@globex.test answers "Team lunch", is addressed to "bob@acme.test, carol@globex.test" and copied to ""
    And the inbox of bob@acme.test holds "RE: Team lunch" as an unread message
    And the inbox of alice@acme.test does not hold "RE: Team lunch"

  # reads attachment sizes through ews-javascript-api, which allows Size from Exchange2010 on
  @since:Exchange2010
  Scenario: A forward carries the original's attachments, and the new text above the original
    When alice@acme.test forwards the inbox message "Signed contract" to bob@acme.test with "Please file this."
    Then the client call succeeds
    When svc-ews@acme.test impersonating bob@acme.test reads the inbox message "FW: Signed contract"
    Then the message body is Text and contains "Please file this."
    And the message body is Text and contains "Please find the signed contract attached."
    And the message has the attachments:
      | name         | type            | size  |
      | contract.pdf | application/pdf | 20480 |
      | notes.txt    | text/plain      | 23    |

  # reads attachment sizes through ews-javascript-api, which allows Size from Exchange2010 on
  @since:Exchange2010
  Scenario: A forward that adds a file keeps the original's attachments too; a reply may attach a message
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    And the ItemId and ChangeKey of the inbox message "Budget question" of alice@acme.test are noted as "question"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:CreateItem MessageDisposition="SendAndSaveCopy">
        <m:Items>
          <t:ForwardItem>
            <t:Attachments><t:FileAttachment><t:Name>cover.txt</t:Name><t:ContentType>text/plain</t:ContentType><t:Content>Q292ZXIgbm90ZS4=</t:Content></t:FileAttachment></t:Attachments>
            <t:ToRecipients><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></t:ToRecipients>
            <t:ReferenceItemId Id="{{id:contract}}"/>
            <t:NewBodyContent BodyType="Text">With a cover note.</t:NewBodyContent>
          </t:ForwardItem>
          <t:ReplyToItem>
            <t:Attachments><t:ItemAttachment><t:Name>Earlier budget</t:Name><t:Message><t:Subject>Earlier budget</t:Subject><t:Body BodyType="Text">Last year's figures.</t:Body></t:Message></t:ItemAttachment></t:Attachments>
            <t:ReferenceItemId Id="{{id:question}}"/>
            <t:NewBodyContent BodyType="Text">See last year's.</t:NewBodyContent>
          </t:ReplyToItem>
        </m:Items>
      </m:CreateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating bob@acme.test reads the inbox message "FW: Signed contract"
    Then the message has the attachments:
      | name         | type            | size  |
      | contract.pdf | application/pdf | 20480 |
      | notes.txt    | text/plain      | 23    |
      | cover.txt    | text/plain      | 11    |
    When svc-ews@acme.test impersonating bob@acme.test reads the inbox message "RE: Budget question"
    Then the message body is Text and contains "See last year's."

  Scenario: A reply saved with SaveOnly is a draft in Drafts, addressed and ready to send
    When alice@acme.test saves a reply to the inbox message "Budget question" with "Draft answer."
    Then the saved reply is a draft "RE: Budget question" to "bob@acme.test"
    And the inbox of bob@acme.test does not hold "RE: Budget question"

  Scenario: A reply to a malformed id answers ErrorInvalidIdMalformed; one without a reference is a schema fault
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SendAndSaveCopy">
        <m:Items>
          <t:ReplyToItem><t:ReferenceItemId Id="AAMkADk5ZjQ2ZjM1"/><t:NewBodyContent BodyType="Text">Hello</t:NewBodyContent></t:ReplyToItem>
        </m:Items>
      </m:CreateItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidIdMalformed
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SendAndSaveCopy">
        <m:Items><t:ForwardItem><t:NewBodyContent BodyType="Text">Hello</t:NewBodyContent></t:ForwardItem></m:Items>
      </m:CreateItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "'ReferenceItemId'"

  # ews-javascript-api writes an HTML NewBodyContent without escaping it; Exchange's schema allows
  # only text there, so such a request fails as a whole and nothing is sent.
  Scenario: HTML in NewBodyContent must be escaped: unescaped markup is a schema fault
    Given the ItemId and ChangeKey of the inbox message "Budget question" of alice@acme.test are noted as "question"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:CreateItem MessageDisposition="SendAndSaveCopy">
        <m:Items>
          <t:ReplyToItem>
            <t:ReferenceItemId Id="{{id:question}}"/>
            <t:NewBodyContent BodyType="HTML"><p>Approved</p></t:NewBodyContent>
          </t:ReplyToItem>
        </m:Items>
      </m:CreateItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "cannot contain child element 'p' because the parent element's content model is text only"
    And the inbox of bob@acme.test does not hold "RE: Budget question"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:CreateItem MessageDisposition="SendAndSaveCopy">
        <m:Items>
          <t:ReplyToItem>
            <t:ReferenceItemId Id="{{id:question}}"/>
            <t:NewBodyContent BodyType="HTML">&lt;p&gt;Approved&lt;/p&gt;</t:NewBodyContent>
          </t:ReplyToItem>
        </m:Items>
      </m:CreateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating bob@acme.test reads the inbox message "RE: Budget question"
    Then the message body is HTML and contains "<p>Approved</p><hr>"
