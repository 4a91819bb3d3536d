@protocol @CreateItem
Feature: Saving and sending messages through CreateItem
  SaveOnly stores a message and answers its ItemId; SendOnly and SendAndSaveCopy deliver it to
  the recipients that have a mailbox here, Bcc kept from everyone but the sender.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Saving a draft puts it in Drafts and answers its new ItemId
    When svc-ews@acme.test impersonating alice@acme.test saves a draft "Quarterly plan" to bob@acme.test
    Then the saved message has an ItemId and reads back as a draft "Quarterly plan" to "bob@acme.test"
    And FindItem counts 3 messages in the drafts of alice@acme.test

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Sending with a saved copy delivers to every local recipient and keeps the copy in Sent Items
    When alice@acme.test sends the message "Offsite agenda" to "bob@acme.test, carol@globex.test, someone@elsewhere.test"
    Then the client call succeeds
    And the inbox of bob@acme.test holds "Offsite agenda" as an unread message
    And the inbox of carol@globex.test holds "Offsite agenda" as an unread message
    And the sentitems of alice@acme.test holds "Offsite agenda" as a read message
    And FindItem counts 23 messages in the inbox of bob@acme.test

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Bcc recipients get the message but nobody else sees them
    When alice@acme.test sends the message "Salary review" to "bob@acme.test" and Bcc "carol@globex.test"
    Then the inbox of carol@globex.test holds "Salary review" as an unread message
    And the copy of "Salary review" in the inbox of bob@acme.test has the Bcc recipients ""
    And the copy of "Salary review" in the sentitems of alice@acme.test has the Bcc recipients "carol@globex.test"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: SendOnly keeps no copy
    When alice@acme.test sends the message "No copy please" to "bob@acme.test" without saving a copy
    Then the inbox of bob@acme.test holds "No copy please" as an unread message
    And the sentitems of alice@acme.test does not hold "No copy please"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Importing MIME into the Inbox as received, read mail
    When svc-ews@acme.test impersonating alice@acme.test imports this message into inbox marked read:
      """
      From: Rita Partner <rita@partner.test>
      To: alice@acme.test
      Subject: Imported from the archive
      Date: Tue, 03 Nov 2026 08:15:00 +0000
      Message-ID: <imported-1@partner.test>
      Content-Type: text/plain; charset=utf-8

      Restored from last year's archive.
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the response answers 1 ItemId with a ChangeKey
    And the inbox of alice@acme.test holds "Imported from the archive" as a read message
    And FindItem counts 24 messages in the inbox of alice@acme.test

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Errors: no MessageDisposition, nothing to send to, a folder of another mailbox
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem>
        <m:Items><t:Message><t:Subject>No disposition</t:Subject></t:Message></m:Items>
      </m:CreateItem>
      """
    Then the response messages have these ResponseCodes:
      | ErrorMessageDispositionRequired |
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SendAndSaveCopy">
        <m:Items><t:Message><t:Subject>To nobody</t:Subject></t:Message></m:Items>
      </m:CreateItem>
      """
    Then the response messages have these ResponseCodes:
      | ErrorInvalidRecipients |
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:SavedItemFolderId>
          <t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>
        </m:SavedItemFolderId>
        <m:Items><t:Message><t:Subject>Planted</t:Subject></t:Message></m:Items>
      </m:CreateItem>
      """
    Then the response messages have these ResponseCodes:
      | ErrorAccessDenied |
    And the inbox of bob@acme.test does not hold "Planted"
    And the sentitems of alice@acme.test does not hold "To nobody"

  Scenario: An unknown MessageDisposition fails schema validation
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveLater">
        <m:Items><t:Message><t:Subject>Never</t:Subject></t:Message></m:Items>
      </m:CreateItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "SaveLater"

  # reads attachment sizes through ews-javascript-api, which allows Size from Exchange2010 on
  @since:Exchange2010
  Scenario: File attachments given inline are stored with the message
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:SavedItemFolderId><t:DistinguishedFolderId Id="inbox"/></m:SavedItemFolderId>
        <m:Items>
          <t:Message>
            <t:Subject>With notes attached</t:Subject>
            <t:Body BodyType="Text">See the notes.</t:Body>
            <t:Attachments>
              <t:FileAttachment>
                <t:Name>notes.txt</t:Name>
                <t:ContentType>text/plain</t:ContentType>
                <t:Content>TWVldGluZyBub3Rlcy4=</t:Content>
              </t:FileAttachment>
            </t:Attachments>
          </t:Message>
        </m:Items>
      </m:CreateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "With notes attached"
    Then the message has the attachments:
      | name      | type       | size |
      | notes.txt | text/plain | 14   |
    And loading attachment "notes.txt" of the message gives the text "Meeting notes."

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A schema violation in any item fails the request and stores none of them
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:Items>
          <t:Message><t:Subject>First of two</t:Subject></t:Message>
          <t:Message><t:Subject>Second of two</t:Subject><t:Importance>Urgent</t:Importance></t:Message>
        </m:Items>
      </m:CreateItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "Urgent"
    And the drafts of alice@acme.test does not hold "First of two"

  # the item ids are found through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A message keeps the ItemClass its client gives it, and UpdateItem changes it
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:SavedItemFolderId><t:DistinguishedFolderId Id="inbox"/></m:SavedItemFolderId>
        <m:Items><t:Message><t:ItemClass>IPM.Note.Crm.Activity</t:ItemClass><t:Subject>Logged call</t:Subject></t:Message></m:Items>
      </m:CreateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:ItemClass"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Logged call}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first ItemClass in the response has the text "IPM.Note.Crm.Activity"
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly"><m:ItemChanges><t:ItemChange><t:ItemId Id="{{item:Logged call}}"/>
        <t:Updates><t:SetItemField><t:FieldURI FieldURI="item:ItemClass"/><t:Message><t:ItemClass>IPM.Note.Crm.Call</t:ItemClass></t:Message></t:SetItemField></t:Updates>
      </t:ItemChange></m:ItemChanges></m:UpdateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:ItemClass"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Logged call}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first ItemClass in the response has the text "IPM.Note.Crm.Call"

  # the item ids are found through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A message saved from MIME and then changed answers MIME made from what it holds now
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:SavedItemFolderId><t:DistinguishedFolderId Id="inbox"/></m:SavedItemFolderId>
        <m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">RnJvbTogYWxpY2VAYWNtZS50ZXN0DQpUbzogYm9iQGFjbWUudGVzdA0KU3ViamVjdDogSW1wb3J0ZWQgZHJhZnQNCk1lc3NhZ2UtSUQ6IDxpbXBvcnRlZC1kcmFmdEBhY21lLnRlc3Q+DQpEYXRlOiBNb24sIDAyIE5vdiAyMDI2IDEwOjAwOjAwICswMDAwDQpDb250ZW50LVR5cGU6IHRleHQvcGxhaW4NCg0KSGVsbG8uDQo=</t:MimeContent></t:Message></m:Items>
      </m:CreateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly"><m:ItemChanges><t:ItemChange><t:ItemId Id="{{item:Imported draft}}"/>
        <t:Updates>
          <t:SetItemField><t:FieldURI FieldURI="item:Subject"/><t:Message><t:Subject>Changed draft</t:Subject></t:Message></t:SetItemField>
          <t:SetItemField><t:FieldURI FieldURI="message:ToRecipients"/><t:Message><t:ToRecipients><t:Mailbox><t:EmailAddress>carol@globex.test</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></t:SetItemField>
        </t:Updates>
      </t:ItemChange></m:ItemChanges></m:UpdateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Imported draft}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first MimeContent in the response decodes to a text containing "Subject: Changed draft"
    And the first MimeContent in the response decodes to a text containing "carol@globex.test"

  # the item ids are found through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: MIME without a Message-ID or a Date gets both, as Exchange stamps them
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:SavedItemFolderId><t:DistinguishedFolderId Id="inbox"/></m:SavedItemFolderId>
        <m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">RnJvbTogYWxpY2VAYWNtZS50ZXN0DQpUbzogYm9iQGFjbWUudGVzdA0KU3ViamVjdDogQmFyZSBpbXBvcnQNCkNvbnRlbnQtVHlwZTogdGV4dC9wbGFpbg0KDQpObyBEYXRlLCBubyBNZXNzYWdlLUlELg0K</t:MimeContent></t:Message></m:Items>
      </m:CreateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:DateTimeSent"/><t:FieldURI FieldURI="message:InternetMessageId"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Bare import}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first InternetMessageId in the response contains "@acme.test>"
    And the first DateTimeSent in the response is a time within the last minute

  @since:Exchange2007_SP1
  Scenario: A send through UpdateItem to a folder that is not there saves nothing of the update
    Given the ItemId and ChangeKey of the drafts message "Draft: proposal" of alice@acme.test are noted as "draft"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SendAndSaveCopy">
        <m:SavedItemFolderId><t:DistinguishedFolderId Id="voicemail"/></m:SavedItemFolderId>
        <m:ItemChanges><t:ItemChange><t:ItemId Id="{{id:draft}}"/>
          <t:Updates><t:SetItemField><t:FieldURI FieldURI="item:Subject"/><t:Message><t:Subject>Proposal, final</t:Subject></t:Message></t:SetItemField></t:Updates>
        </t:ItemChange></m:ItemChanges>
      </m:UpdateItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorFolderNotFound
    And the drafts of alice@acme.test holds 1 message "Draft: proposal"
    And the drafts of alice@acme.test holds 0 messages "Proposal, final"
