@protocol @UpdateItem
Feature: Changing messages through UpdateItem
  A client sets, appends to or deletes item fields; the ChangeKey it read guards against
  overwriting someone else's change.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Marking read and setting categories through ews-javascript-api
    When svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Signed contract" as unread
    And svc-ews@acme.test impersonating alice@acme.test sets the categories of the inbox message "Signed contract" to "Legal, Urgent"
    Then the inbox of alice@acme.test holds "Signed contract" as an unread message
    And the inbox message "Signed contract" of alice@acme.test has the categories "Legal, Urgent"

  # ConflictResults arrived with Exchange 2007 SP1
  @since:Exchange2007_SP1
  Scenario: SetItemField and DeleteItemField answer the new ChangeKey and no conflicts
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="NeverOverwrite">
        <m:ItemChanges>
          <t:ItemChange>
            <t:ItemId Id="{{id:contract}}" ChangeKey="{{changekey:contract}}"/>
            <t:Updates>
              <t:SetItemField>
                <t:FieldURI FieldURI="item:Subject"/>
                <t:Message><t:Subject>Signed contract (filed)</t:Subject></t:Message>
              </t:SetItemField>
              <t:SetItemField>
                <t:FieldURI FieldURI="item:Importance"/>
                <t:Message><t:Importance>High</t:Importance></t:Message>
              </t:SetItemField>
              <t:DeleteItemField>
                <t:FieldURI FieldURI="item:Categories"/>
              </t:DeleteItemField>
            </t:Updates>
          </t:ItemChange>
        </m:ItemChanges>
      </m:UpdateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the response answers 1 ItemId with a ChangeKey
    And the first Count in the response has the text "0"
    And the inbox of alice@acme.test holds "Signed contract (filed)" as a read message

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Recipients and body accept AppendToItemField, categories do not
    Given the ItemId and ChangeKey of the drafts message "Draft: follow-up" of alice@acme.test are noted as "draft"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AlwaysOverwrite">
        <m:ItemChanges>
          <t:ItemChange>
            <t:ItemId Id="{{id:draft}}"/>
            <t:Updates>
              <t:AppendToItemField>
                <t:FieldURI FieldURI="message:ToRecipients"/>
                <t:Message><t:ToRecipients><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message>
              </t:AppendToItemField>
            </t:Updates>
          </t:ItemChange>
          <t:ItemChange>
            <t:ItemId Id="{{id:draft}}"/>
            <t:Updates>
              <t:AppendToItemField>
                <t:FieldURI FieldURI="item:Categories"/>
                <t:Message><t:Categories><t:String>Extra</t:String></t:Categories></t:Message>
              </t:AppendToItemField>
            </t:Updates>
          </t:ItemChange>
        </m:ItemChanges>
      </m:UpdateItem>
      """
    Then the response messages have these ResponseCodes:
      | NoError                    |
      | ErrorInvalidPropertyAppend |
    And the drafts message "Draft: follow-up" of alice@acme.test is addressed to "bob@acme.test"
    And the drafts message "Draft: follow-up" of alice@acme.test has the categories ""

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario Outline: A bad update fails for its item only: <case>
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AutoResolve">
        <m:ItemChanges>
          <t:ItemChange>
            <t:ItemId Id="{{id:contract}}"/>
            <t:Updates><update></t:Updates>
          </t:ItemChange>
        </m:ItemChanges>
      </m:UpdateItem>
      """
    Then the response messages have these ResponseCodes:
      | <code> |
    And the inbox of alice@acme.test holds "Signed contract" as a read message

    Examples:
      | case                         | update                                                                                                                                                | code                              |
      | read-only property           | <t:SetItemField><t:FieldURI FieldURI="item:DateTimeReceived"/><t:Message><t:DateTimeReceived>2020-01-01T00:00:00Z</t:DateTimeReceived></t:Message></t:SetItemField> | ErrorInvalidPropertySet           |
      | value for another property   | <t:SetItemField><t:FieldURI FieldURI="item:Subject"/><t:Message><t:IsRead>false</t:IsRead></t:Message></t:SetItemField>                                   | ErrorUpdatePropertyMismatch       |
      | two values in one change     | <t:SetItemField><t:FieldURI FieldURI="message:IsRead"/><t:Message><t:IsRead>false</t:IsRead><t:Subject>x</t:Subject></t:Message></t:SetItemField>        | ErrorIncorrectUpdatePropertyCount |
      | deleting a required property | <t:DeleteItemField><t:FieldURI FieldURI="message:IsRead"/></t:DeleteItemField>                                                                          | ErrorInvalidPropertyDelete        |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A stale ChangeKey: NeverOverwrite refuses, AlwaysOverwrite applies and counts the conflict
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "before"
    And svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Signed contract" as unread
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="NeverOverwrite">
        <m:ItemChanges>
          <t:ItemChange>
            <t:ItemId Id="{{id:before}}" ChangeKey="{{changekey:before}}"/>
            <t:Updates>
              <t:SetItemField><t:FieldURI FieldURI="message:IsRead"/><t:Message><t:IsRead>true</t:IsRead></t:Message></t:SetItemField>
            </t:Updates>
          </t:ItemChange>
        </m:ItemChanges>
      </m:UpdateItem>
      """
    Then the response messages have these ResponseCodes:
      | ErrorIrresolvableConflict |
    And the inbox of alice@acme.test holds "Signed contract" as an unread message
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AlwaysOverwrite">
        <m:ItemChanges>
          <t:ItemChange>
            <t:ItemId Id="{{id:before}}" ChangeKey="{{changekey:before}}"/>
            <t:Updates>
              <t:SetItemField><t:FieldURI FieldURI="message:IsRead"/><t:Message><t:IsRead>true</t:IsRead></t:Message></t:SetItemField>
            </t:Updates>
          </t:ItemChange>
        </m:ItemChanges>
      </m:UpdateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the first Count in the response has the text "1"
    And the inbox of alice@acme.test holds "Signed contract" as a read message

  Scenario: A missing ConflictResolution fails schema validation
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem MessageDisposition="SaveOnly">
        <m:ItemChanges>
          <t:ItemChange>
            <t:ItemId Id="{{id:contract}}"/>
            <t:Updates><t:SetItemField><t:FieldURI FieldURI="message:IsRead"/><t:Message><t:IsRead>false</t:IsRead></t:Message></t:SetItemField></t:Updates>
          </t:ItemChange>
        </m:ItemChanges>
      </m:UpdateItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "ConflictResolution"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Updating a draft with SendAndSaveCopy sends it and files it in Sent Items
    Given the ItemId and ChangeKey of the drafts message "Draft: proposal" of alice@acme.test are noted as "proposal"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem MessageDisposition="SendAndSaveCopy" ConflictResolution="AutoResolve">
        <m:ItemChanges>
          <t:ItemChange>
            <t:ItemId Id="{{id:proposal}}" ChangeKey="{{changekey:proposal}}"/>
            <t:Updates>
              <t:SetItemField>
                <t:FieldURI FieldURI="message:ToRecipients"/>
                <t:Message><t:ToRecipients><t:Mailbox><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message>
              </t:SetItemField>
            </t:Updates>
          </t:ItemChange>
        </m:ItemChanges>
      </m:UpdateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the inbox of bob@acme.test holds "Draft: proposal" as an unread message
    And the sentitems of alice@acme.test holds "Draft: proposal" as a read message
    And the drafts of alice@acme.test does not hold "Draft: proposal"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A schema violation in a later change fails the request before the first is applied
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AlwaysOverwrite">
        <m:ItemChanges>
          <t:ItemChange>
            <t:ItemId Id="{{id:contract}}"/>
            <t:Updates><t:SetItemField><t:FieldURI FieldURI="message:IsRead"/><t:Message><t:IsRead>false</t:IsRead></t:Message></t:SetItemField></t:Updates>
          </t:ItemChange>
          <t:ItemChange>
            <t:ItemId Id="{{id:contract}}"/>
            <t:Updates><t:SetItemField><t:FieldURI FieldURI="message:IsRead"/><t:Message><t:IsRead>maybe</t:IsRead></t:Message></t:SetItemField></t:Updates>
          </t:ItemChange>
        </m:ItemChanges>
      </m:UpdateItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "maybe"
    And the inbox of alice@acme.test holds "Signed contract" as a read message

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario Outline: Sending an update that leaves nobody to send to is refused and saves nothing: <case>
    Given the ItemId and ChangeKey of the drafts message "<draft>" of alice@acme.test are noted as "draft"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem MessageDisposition="<disposition>" ConflictResolution="AutoResolve">
        <m:ItemChanges>
          <t:ItemChange>
            <t:ItemId Id="{{id:draft}}" ChangeKey="{{changekey:draft}}"/>
            <t:Updates>
              <t:SetItemField>
                <t:FieldURI FieldURI="item:Subject"/>
                <t:Message><t:Subject>Changed before sending</t:Subject></t:Message>
              </t:SetItemField>
              <update>
            </t:Updates>
          </t:ItemChange>
        </m:ItemChanges>
      </m:UpdateItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidRecipients
    And the drafts message "<draft>" of alice@acme.test still has the noted ChangeKey "draft"
    And the drafts of alice@acme.test does not hold "Changed before sending"
    And the sentitems of alice@acme.test does not hold "Changed before sending"

    Examples:
      | case                                | draft             | disposition     | update                                                                   |
      | a draft that never had recipients   | Draft: follow-up  | SendOnly        | <t:DeleteItemField><t:FieldURI FieldURI="message:CcRecipients"/></t:DeleteItemField> |
      | its only recipient removed          | Draft: proposal   | SendAndSaveCopy | <t:DeleteItemField><t:FieldURI FieldURI="message:ToRecipients"/></t:DeleteItemField> |

  # the ids are found through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Text appended to an HTML body joins it as HTML, escaped; the original stays
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:SavedItemFolderId><t:DistinguishedFolderId Id="inbox"/></m:SavedItemFolderId>
        <m:Items><t:Message><t:Subject>Growing note</t:Subject><t:Body BodyType="HTML">&lt;p&gt;original html&lt;/p&gt;</t:Body></t:Message></m:Items>
      </m:CreateItem>
      """
    And svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AlwaysOverwrite"><m:ItemChanges><t:ItemChange><t:ItemId Id="{{item:Growing note}}"/>
        <t:Updates><t:AppendToItemField><t:FieldURI FieldURI="item:Body"/><t:Message><t:Body BodyType="Text">1 &lt; 2</t:Body></t:Message></t:AppendToItemField></t:Updates>
      </t:ItemChange></m:ItemChanges></m:UpdateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:BodyType>HTML</t:BodyType><t:AdditionalProperties><t:FieldURI FieldURI="item:Body"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Growing note}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first Body in the response has the attribute BodyType = "HTML"
    And the first Body in the response contains "<p>original html</p><div>1 &lt; 2</div>"
