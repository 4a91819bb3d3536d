@protocol @ExportItems @UploadItems
Feature: Exporting items and uploading them again (ExportItems, UploadItems)
  ExportItems (Exchange 2010 SP1 on) gives each item as opaque Data, which UploadItems stores again
  — as a new item, or over an existing one — as backup and migration tools do. The Data is the
  mock's own format; anything else, or Data changed on the way, is refused for that item alone.

  Background:
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    And svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:ExportItems><m:ItemIds><t:ItemId Id="{{id:contract}}"/></m:ItemIds></m:ExportItems>
      """
    And the exported Data is noted as "contract"
    And the FolderId of the junkemail of alice@acme.test is noted as "junk"

  @since:Exchange2010_SP1
  Scenario: An exported message uploaded into another folder comes back with its flags and attachments
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UploadItems>
        <m:Items>
          <t:Item CreateAction="CreateNew">
            <t:ParentFolderId Id="{{id:junk}}"/>
            <t:Data>{{data:contract}}</t:Data>
          </t:Item>
        </m:Items>
      </m:UploadItems>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the junkemail of alice@acme.test holds "Signed contract" as a read message
    And the inbox of alice@acme.test holds "Signed contract" as a read message

  @since:Exchange2010_SP1
  Scenario Outline: Data that is not an export of the mock's is ErrorCorruptData, and nothing is stored: <case>
    Given the noted Data "contract" with one byte of its message changed is noted as "tampered"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UploadItems>
        <m:Items>
          <t:Item CreateAction="CreateNew">
            <t:ParentFolderId Id="{{id:junk}}"/>
            <t:Data><data></t:Data>
          </t:Item>
        </m:Items>
      </m:UploadItems>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorCorruptData
    And the junkemail of alice@acme.test holds 0 messages "Signed contract"

    Examples:
      | case                 | data              |
      | not base64           | @@not base64@@    |
      | someone else's bytes | SGVsbG8sIHdvcmxkIQ== |
      | changed on the way   | {{data:tampered}} |

  @since:Exchange2010_SP1
  Scenario Outline: An upload the mock cannot do fails alone: <case>
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UploadItems>
        <m:Items>
          <t:Item <attributes>>
            <t:ParentFolderId Id="{{id:junk}}"/>
            <t:Data>{{data:contract}}</t:Data>
          </t:Item>
        </m:Items>
      </m:UploadItems>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidRequest
    And the first response message says "<text>"
    And the junkemail of alice@acme.test holds 0 messages "Signed contract"

    Examples:
      | case                          | attributes                                 | text |
      | an update naming no item      | CreateAction="Update"                      | An upload with the CreateAction Update needs the ItemId of the item to overwrite. |
      | a folder-associated item      | CreateAction="CreateNew" IsAssociated="true" | mock-ews does not emulate folder-associated items; upload with IsAssociated false. |

  @since:Exchange2010_SP1
  Scenario Outline: The item an upload overwrites is looked for in its ParentFolderId: <case>
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "original"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UploadItems>
        <m:Items>
          <t:Item CreateAction="<action>">
            <t:ParentFolderId Id="{{id:junk}}"/>
            <t:ItemId Id="{{id:original}}"/>
            <t:Data>{{data:contract}}</t:Data>
          </t:Item>
        </m:Items>
      </m:UploadItems>
      """
    Then every response message has ResponseClass "<class>" and ResponseCode <code>
    And the junkemail of alice@acme.test holds <copies> messages "Signed contract"
    And the inbox message "Signed contract" of alice@acme.test still has the noted ChangeKey "original"

    Examples:
      | case                                                                  | action         | class   | code                | copies |
      | Update of an item in another folder is refused                        | Update         | Error   | ErrorItemNotFound   | 0      |
      | UpdateOrCreate of an item in another folder makes a new one there     | UpdateOrCreate | Success | NoError             | 1      |
      | CreateNew takes no ItemId                                             | CreateNew      | Error   | ErrorInvalidRequest | 0      |

  @since:Exchange2010_SP1
  Scenario Outline: A malformed upload fails schema validation before anything is stored: <case>
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UploadItems>
        <m:Items>
          <t:Item CreateAction="CreateNew"><t:ParentFolderId Id="{{id:junk}}"/><t:Data>{{data:contract}}</t:Data></t:Item>
          <t:Item <attributes>><children></t:Item>
        </m:Items>
      </m:UploadItems>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"
    And the junkemail of alice@acme.test holds 0 messages "Signed contract"

    Examples:
      | case                  | attributes             | children                                                   | message |
      | no CreateAction       |                        | <t:ParentFolderId Id="{{id:junk}}"/><t:Data>{{data:contract}}</t:Data> | The required attribute 'CreateAction' is missing. |
      | an unknown action     | CreateAction="Replace" | <t:ParentFolderId Id="{{id:junk}}"/><t:Data>{{data:contract}}</t:Data> | The value 'Replace' is invalid according to its datatype |
      | no Data               | CreateAction="CreateNew" | <t:ParentFolderId Id="{{id:junk}}"/>                      | List of possible elements expected: 'Data' |
