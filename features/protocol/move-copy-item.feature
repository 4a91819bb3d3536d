@protocol @MoveItem @CopyItem
Feature: Moving and copying messages through MoveItem and CopyItem
  A moved or copied message gets a new ItemId, answered in the response; the target folder must
  be in the mailbox the request acts on.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Moving a message to a subfolder gives it a new ItemId; the old one is gone
    When svc-ews@acme.test impersonating alice@acme.test moves the inbox message "Signed contract" to "Inbox/Projects"
    Then the moved message has a new ItemId
    And FindItem counts 22 messages in the inbox of alice@acme.test
    And FindItem counts 7 messages in the "Inbox/Projects" of alice@acme.test
    And the "Inbox/Projects" of alice@acme.test holds "Signed contract" as a read message
    When svc-ews@acme.test impersonating alice@acme.test binds to the message by its old ItemId
    Then the client call fails with ErrorItemNotFound

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Copying leaves the original in place
    When svc-ews@acme.test impersonating alice@acme.test copies the inbox message "Signed contract" to drafts
    Then the copied message has a new ItemId
    And FindItem counts 23 messages in the inbox of alice@acme.test
    And FindItem counts 3 messages in the drafts of alice@acme.test
    And the drafts of alice@acme.test holds "Signed contract" as a read message

  # ReturnNewItemIds arrived with Exchange 2010 SP1
  @since:Exchange2010_SP1
  Scenario: ReturnNewItemIds false answers no ids
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:MoveItem>
        <m:ToFolderId><t:DistinguishedFolderId Id="junkemail"/></m:ToFolderId>
        <m:ItemIds><t:ItemId Id="{{id:contract}}"/></m:ItemIds>
        <m:ReturnNewItemIds>false</m:ReturnNewItemIds>
      </m:MoveItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the response has no ItemId element
    And the junkemail of alice@acme.test holds "Signed contract" as a read message

  # ErrorIncorrectSchemaVersion needs a server whose schema has ReturnNewItemIds (Exchange 2010 SP1)
  @since:Exchange2010_SP1
  Scenario: ReturnNewItemIds needs Exchange 2010 SP1 in RequestServerVersion
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2010 the SOAP body:
      """
      <m:CopyItem>
        <m:ToFolderId><t:DistinguishedFolderId Id="drafts"/></m:ToFolderId>
        <m:ItemIds><t:ItemId Id="AAMk"/></m:ItemIds>
        <m:ReturnNewItemIds>true</m:ReturnNewItemIds>
      </m:CopyItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorIncorrectSchemaVersion

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Moving into another user's mailbox is refused and changes nothing
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:MoveItem>
        <m:ToFolderId>
          <t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>
        </m:ToFolderId>
        <m:ItemIds><t:ItemId Id="{{id:contract}}"/><t:ItemId Id="not-an-id"/></m:ItemIds>
      </m:MoveItem>
      """
    Then the response messages have these ResponseCodes:
      | ErrorAccessDenied |
      | ErrorAccessDenied |
    And FindItem counts 23 messages in the inbox of alice@acme.test
    And FindItem counts 22 messages in the inbox of bob@acme.test
    And the inbox of bob@acme.test does not hold "Signed contract"
