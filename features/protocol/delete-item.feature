@protocol @DeleteItem
Feature: Deleting messages through DeleteItem
  HardDelete and SoftDelete take a message out of its folder — a soft-deleted one is kept in
  Recoverable Items\Deletions (Exchange 2010 SP1 on names that folder) — and MoveToDeletedItems moves
  it to Deleted Items. Each id gets its own answer.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario Outline: <mode> through ews-javascript-api
    When svc-ews@acme.test impersonating alice@acme.test deletes the inbox message "Signed contract" with <mode>
    Then the inbox of alice@acme.test does not hold "Signed contract"
    And FindItem counts 22 messages in the inbox of alice@acme.test
    And FindItem counts <deleted> messages in the deleteditems of alice@acme.test

    Examples:
      | mode               | deleted |
      | HardDelete         | 3       |
      | SoftDelete         | 3       |
      | MoveToDeletedItems | 4       |

  @since:Exchange2010_SP1
  Scenario: A soft-deleted message waits in Recoverable Items\Deletions and can be moved back; deleted there, it is gone
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:DeleteItem DeleteType="SoftDelete"><m:ItemIds><t:ItemId Id="{{id:contract}}"/></m:ItemIds></m:DeleteItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And FindItem counts 22 messages in the inbox of alice@acme.test
    And FindItem counts 3 messages in the deleteditems of alice@acme.test
    # The admin API counts the mail of the mailbox's folders, 43 at the start: not what waits for recovery.
    When the tester sends GET "/mailboxes/alice@acme.test" to the admin API
    Then the admin answer has:
      | itemCount | 42 |
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/><t:FieldURI FieldURI="message:IsRead"/></t:AdditionalProperties></m:ItemShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="recoverableitemsdeletions"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the first Subject in the response has the text "Signed contract"
    And the first IsRead in the response has the text "true"
    And the first ItemId in the response is noted as "kept"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:MoveItem><m:ToFolderId><t:DistinguishedFolderId Id="inbox"/></m:ToFolderId><m:ItemIds><t:ItemId Id="{{id:kept}}"/></m:ItemIds></m:MoveItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And FindItem counts 23 messages in the inbox of alice@acme.test
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "back"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:DeleteItem DeleteType="SoftDelete"><m:ItemIds><t:ItemId Id="{{id:back}}"/></m:ItemIds></m:DeleteItem>
      """
    And svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="recoverableitemsdeletions"/></m:ParentFolderIds></m:FindItem>
      """
    And the first ItemId in the response is noted as "again"
    And svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:DeleteItem DeleteType="SoftDelete"><m:ItemIds><t:ItemId Id="{{id:again}}"/></m:ItemIds></m:DeleteItem>
      """
    And svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="recoverableitemsdeletions"/></m:ParentFolderIds></m:FindItem>
      """
    Then the RootFolder of response message 1 has the attributes:
      | TotalItemsInView        | 0    |
      | IncludesLastItemInRange | true |

  Scenario: Before Exchange 2010 SP1 the schema has no name for Recoverable Items
    Given the mock emulates Exchange2010_SP2
    When alice@acme.test posts the item request with RequestServerVersion Exchange2010:
      """
      <m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="recoverableitemsdeletions"/></m:ParentFolderIds></m:FindItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "The value 'recoverableitemsdeletions' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:DistinguishedFolderIdNameType'"

  Scenario: The root of a mailbox holds Recoverable Items from Exchange 2010 on
    Given the mock emulates Exchange2010
    When alice@acme.test posts with RequestServerVersion "Exchange2010" the SOAP body:
      """
      <m:FindFolder Traversal="Shallow">
        <m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="root"/></m:ParentFolderIds>
      </m:FindFolder>
      """
    Then the response lists, in this order, the folders:
      | Folder | Top of Information Store |  |
      | Folder | Recoverable Items        |  |
    When alice@acme.test posts with RequestServerVersion "Exchange2010" the SOAP body:
      """
      <m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="root"/></m:FolderIds></m:GetFolder>
      """
    Then the first ChildFolderCount in the response has the text "2"

  Scenario: Exchange 2007 kept deleted mail in a dumpster no folder listing shows: no Recoverable Items below the root
    Given the mock emulates Exchange2007_SP1
    When alice@acme.test posts with RequestServerVersion "Exchange2007_SP1" the SOAP body:
      """
      <m:FindFolder Traversal="Deep">
        <m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="root"/></m:ParentFolderIds>
      </m:FindFolder>
      """
    Then the response lists, in this order, the folders:
      | Folder         | Top of Information Store |  |
      | Folder         | Inbox                    |  |
      | Folder         | Projects                 |  |
      | Folder         | Archive 2025             |  |
      | Folder         | Sent Items               |  |
      | Folder         | Drafts                   |  |
      | Folder         | Deleted Items            |  |
      | Folder         | Junk Email               |  |
      | Folder         | Outbox                   |  |
      | CalendarFolder | Calendar                 |  |
      | ContactsFolder | Contacts                 |  |
      | TasksFolder    | Tasks                    |  |
      | Folder         | Notes                    |  |
      | Folder         | Journal                  |  |
    When alice@acme.test posts with RequestServerVersion "Exchange2007_SP1" the SOAP body:
      """
      <m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="root"/></m:FolderIds></m:GetFolder>
      """
    Then the first ChildFolderCount in the response has the text "1"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: MoveToDeletedItems keeps the message, readable, in Deleted Items
    When svc-ews@acme.test impersonating alice@acme.test deletes the inbox message "Signed contract" with MoveToDeletedItems
    Then the deleteditems of alice@acme.test holds "Signed contract" as a read message

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Each id is answered on its own, in request order
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "mine"
    And the ItemId and ChangeKey of the inbox message "Ключевые показатели — Q4" of bob@acme.test are noted as "bobs"
    And a message "Short-lived" arrives in the inbox of alice@acme.test
    And the ItemId and ChangeKey of the inbox message "Short-lived" of alice@acme.test are noted as "gone"
    And the message "Short-lived" is deleted from the inbox of alice@acme.test
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:DeleteItem DeleteType="HardDelete">
        <m:ItemIds>
          <t:ItemId Id="{{id:mine}}"/>
          <t:ItemId Id="not-an-id"/>
          <t:ItemId Id="{{id:bobs}}"/>
          <t:ItemId Id="{{id:gone}}"/>
        </m:ItemIds>
      </m:DeleteItem>
      """
    Then the response messages have these ResponseCodes:
      | NoError                 |
      | ErrorInvalidIdMalformed |
      | ErrorAccessDenied       |
      | ErrorItemNotFound       |
    And the inbox of alice@acme.test does not hold "Signed contract"
    And FindItem counts 22 messages in the inbox of bob@acme.test

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A DeleteItem without DeleteType fails schema validation and deletes nothing
    Given the ItemId and ChangeKey of the inbox message "Signed contract" of alice@acme.test are noted as "mine"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:DeleteItem>
        <m:ItemIds><t:ItemId Id="{{id:mine}}"/></m:ItemIds>
      </m:DeleteItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "DeleteType"
    And FindItem counts 23 messages in the inbox of alice@acme.test

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: MoveToDeletedItems on a message already in Deleted Items removes it
    Given a message "Already binned" arrives in the deleteditems of alice@acme.test
    When svc-ews@acme.test impersonating alice@acme.test deletes the deleteditems message "Already binned" with MoveToDeletedItems
    Then the deleteditems of alice@acme.test does not hold "Already binned"
    And FindItem counts 3 messages in the deleteditems of alice@acme.test
