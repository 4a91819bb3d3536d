@protocol @GetItem @UpdateItem @FindItem
Feature: Extended (MAPI) properties
  Clients name MAPI properties with t:ExtendedFieldURI: by tag, or by property set and name or id.
  The mock answers the ones it derives from what it keeps — message flags (read 0x1, unsent 0x8,
  has attachments 0x10, from me 0x20), delivery time, size, an article number that grows with every
  new item (IMAP clients use it as a UID), entry and record keys — and keeps any other property a
  client sets with CreateItem or UpdateItem, answering it back, sorting and filtering on it. A
  property an item does not have is left out of the answer, as Exchange leaves out unset properties.

  # through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: An integration marks a message with a property of its own and finds it again by it
    When svc-ews@acme.test impersonating alice@acme.test sets the extended property "PublicStrings:CrmRecordId" of the inbox message "Signed contract" to "crm-4711"
    Then the client call succeeds
    When svc-ews@acme.test impersonating alice@acme.test finds the inbox messages whose "PublicStrings:CrmRecordId" is "crm-4711"
    Then the messages found, with that property, are:
      | Signed contract | crm-4711 |
    When svc-ews@acme.test impersonating alice@acme.test reads "PublicStrings:CrmRecordId" of the inbox message "Signed contract"
    Then the property reads "crm-4711"
    And the admin API shows the message "Signed contract" of alice@acme.test with the extended property "PublicStrings:name:CrmRecordId:String" set to "crm-4711"
    Given the admin id of the inbox message "Signed contract" of alice@acme.test is remembered as "msg"
    When the tester sends GET "/ui/mailboxes/alice@acme.test/items/<msg>" to the admin API
    Then the admin API answers 200
    And the admin answer contains "<th>Extended properties</th><td>PublicStrings:name:CrmRecordId:String = crm-4711</td>"
    When svc-ews@acme.test impersonating alice@acme.test reads "PublicStrings:CrmRecordId" of the inbox message "Quartalsbericht für Q3"
    Then the property reads "nothing"

  # the new message is found by subject through ews-javascript-api (Exchange2007_SP1 at the oldest)
  @since:Exchange2007_SP1
  Scenario: Properties given to CreateItem are kept; a derived one given there is ignored
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:Items>
          <t:Message>
            <t:Subject>Marked at creation</t:Subject>
            <t:ExtendedProperty><t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="CrmRecordId" PropertyType="String"/><t:Value>crm-9</t:Value></t:ExtendedProperty>
            <t:ExtendedProperty><t:ExtendedFieldURI PropertyTag="0x0e08" PropertyType="Integer"/><t:Value>1</t:Value></t:ExtendedProperty>
          </t:Message>
        </m:Items>
      </m:CreateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    Given the ItemId and ChangeKey of the drafts message "Marked at creation" of alice@acme.test are noted as "marked"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetItem>
        <m:ItemShape>
          <t:BaseShape>IdOnly</t:BaseShape>
          <t:AdditionalProperties>
            <t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="CrmRecordId" PropertyType="String"/>
            <t:ExtendedFieldURI PropertyTag="0x0e07" PropertyType="Integer"/>
          </t:AdditionalProperties>
        </m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{id:marked}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the response item has the extended properties:
      | CrmRecordId | crm-9 |
      | 0x0e07      | 9     |
    And the admin API shows the message "Marked at creation" of alice@acme.test with the extended property "PublicStrings:name:CrmRecordId:String" set to "crm-9"

  Scenario: Derived properties are answered from the item; one it does not have is left out
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetItem>
        <m:ItemShape>
          <t:BaseShape>IdOnly</t:BaseShape>
          <t:AdditionalProperties>
            <t:ExtendedFieldURI PropertyTag="0x0e07" PropertyType="Integer"/>
            <t:ExtendedFieldURI PropertyTag="0x1035" PropertyType="String"/>
            <t:ExtendedFieldURI PropertyTag="0x0e1b" PropertyType="Boolean"/>
            <t:ExtendedFieldURI PropertyTag="0x1090" PropertyType="Integer"/>
            <t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="Keywords" PropertyType="StringArray"/>
            <t:ExtendedFieldURI PropertyTag="0x0e07" PropertyType="String"/>
          </t:AdditionalProperties>
        </m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{id:contract}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the response item has the extended properties:
      | 0x0e07 | 17                           |
      | 0x1035 | &lt;l8RWBbIRcEDb@mock-ews.test&gt; |
      | 0x0e1b | true                         |

  Scenario: A received message answers its transport headers (PR_TRANSPORT_MESSAGE_HEADERS); a draft has none
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    And the ItemId and ChangeKey of the drafts message "Draft: proposal" of alice@acme.test are noted as "draft"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:ExtendedFieldURI PropertyTag="0x007D" PropertyType="String"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{id:contract}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the response item's "0x007D" holds the header lines:
      | Subject: Signed contract                 |
      | Message-ID: <l8RWBbIRcEDb@mock-ews.test> |
      | From: Quinn Supplier <quinn@supplier.test> |
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:ExtendedFieldURI PropertyTag="0x007D" PropertyType="String"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{id:draft}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the response item has no extended property

  Scenario: The article number grows with every new item: sorted by it, new mail comes last
    Given a message "Latest arrival" arrives in the inbox of alice@acme.test
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:IndexedPageItemView MaxEntriesReturned="1" Offset="0" BasePoint="End"/>
        <m:SortOrder><t:FieldOrder Order="Ascending"><t:ExtendedFieldURI PropertyTag="0xe23" PropertyType="Integer"/></t:FieldOrder></m:SortOrder>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response lists the message subjects:
      | Latest arrival |

  Scenario: Keywords, the categories as MAPI names them, can be written as a property too
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly">
        <m:ItemChanges><t:ItemChange><t:ItemId Id="{{id:contract}}"/><t:Updates>
          <t:SetItemField>
            <t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="Keywords" PropertyType="StringArray"/>
            <t:Message><t:ExtendedProperty><t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="Keywords" PropertyType="StringArray"/><t:Values><t:Value>Important</t:Value><t:Value>Legal</t:Value></t:Values></t:ExtendedProperty></t:Message>
          </t:SetItemField>
        </t:Updates></t:ItemChange></m:ItemChanges>
      </m:UpdateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the admin API shows the message "Signed contract" of alice@acme.test with the categories "Important, Legal"

  Scenario: A distinguished property set is the same set named by its GUID
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly">
        <m:ItemChanges><t:ItemChange><t:ItemId Id="{{id:contract}}"/><t:Updates>
          <t:SetItemField>
            <t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="CrmRecordId" PropertyType="String"/>
            <t:Message><t:ExtendedProperty><t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="CrmRecordId" PropertyType="String"/><t:Value>crm-1</t:Value></t:ExtendedProperty></t:Message>
          </t:SetItemField>
        </t:Updates></t:ItemChange></m:ItemChanges>
      </m:UpdateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetItem>
        <m:ItemShape>
          <t:BaseShape>IdOnly</t:BaseShape>
          <t:AdditionalProperties>
            <t:ExtendedFieldURI PropertySetId="00020329-0000-0000-C000-000000000046" PropertyName="CrmRecordId" PropertyType="String"/>
          </t:AdditionalProperties>
        </m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{id:contract}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the response item has the extended properties:
      | CrmRecordId | crm-1 |

  Scenario Outline: A property the store derives cannot be set, a value of the wrong type is refused, and nothing changes
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    And the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly">
        <m:ItemChanges><t:ItemChange><t:ItemId Id="{{id:contract}}"/><t:Updates>
          <t:SetItemField>
            <t:ExtendedFieldURI <uri>/>
            <t:Message><t:ExtendedProperty><t:ExtendedFieldURI <uri>/><t:Value><value></t:Value></t:ExtendedProperty></t:Message>
          </t:SetItemField>
        </t:Updates></t:ItemChange></m:ItemChanges>
      </m:UpdateItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode <code>
    And the store digest is still "before"

    Examples:
      | uri                                                                        | value | code                         |
      | PropertyTag="0x0e08" PropertyType="Integer"                                | 1     | ErrorInvalidPropertySet      |
      | DistinguishedPropertySetId="PublicStrings" PropertyName="Count" PropertyType="Integer" | many  | ErrorInvalidValueForProperty |

  Scenario Outline: A malformed ExtendedFieldURI is the schema fault Exchange sends, in <where>
    Given the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <request>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<says>"
    And the store digest is still "before"

    Examples:
      | where              | request                                                                                                                                                                                                                                                                  | says                                          |
      | a shape            | <m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:ExtendedFieldURI PropertyTag="0x0e07"/></t:AdditionalProperties></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem> | The required attribute 'PropertyType' is missing. |
      | a sort order       | <m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SortOrder><t:FieldOrder Order="Ascending"><t:ExtendedFieldURI PropertyTag="0x0e23" PropertyType="Number"/></t:FieldOrder></m:SortOrder><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem> | The value 'Number' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:MapiPropertyTypeType' |

  Scenario Outline: An update of an extended property that cannot be done answers <code> and changes nothing
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    And the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly">
        <m:ItemChanges><t:ItemChange><t:ItemId Id="{{id:contract}}"/><t:Updates><update></t:Updates></t:ItemChange></m:ItemChanges>
      </m:UpdateItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode <code>
    And the store digest is still "before"

    Examples:
      | update                                                                                                                                                                                                                                                                                                        | code                        |
      | <t:AppendToItemField><t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="CrmRecordId" PropertyType="String"/><t:Message><t:ExtendedProperty><t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="CrmRecordId" PropertyType="String"/><t:Value>x</t:Value></t:ExtendedProperty></t:Message></t:AppendToItemField> | ErrorInvalidPropertyAppend  |
      | <t:DeleteItemField><t:ExtendedFieldURI PropertyTag="0x0e08" PropertyType="Integer"/></t:DeleteItemField>                                                                                                                                                                                                      | ErrorInvalidPropertyDelete  |
      | <t:SetItemField><t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="CrmRecordId" PropertyType="String"/><t:Message><t:ExtendedProperty><t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="Other" PropertyType="String"/><t:Value>x</t:Value></t:ExtendedProperty></t:Message></t:SetItemField> | ErrorUpdatePropertyMismatch |
      | <t:SetItemField><t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="CrmRecordId" PropertyType="String"/><t:Message><t:Subject>x</t:Subject><t:Importance>High</t:Importance></t:Message></t:SetItemField>                                                                              | ErrorIncorrectUpdatePropertyCount |

