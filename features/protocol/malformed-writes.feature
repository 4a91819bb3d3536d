@protocol
Feature: Bad input to the write and notification operations changes nothing
  Each operation added for writing and notifications refuses what Exchange refuses — the schema
  fault for a request its schema does not allow, the error code for an id it cannot use — and the
  store is exactly as it was.

  Scenario Outline: A request the schema does not allow: <case>
    Given the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <request>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"
    And the store digest is still "before"

    Examples:
      | case                                 | request                                                                                                                                      | message                                          |
      | SendItem without ItemIds             | <m:SendItem SaveItemToFolder="true"/>                                                                                                        | 'ItemIds'                                        |
      | DeleteAttachment without ids         | <m:DeleteAttachment><m:AttachmentIds/></m:DeleteAttachment>                                                                                  | 'AttachmentIds'                                  |
      | DeleteAttachment, an id without Id   | <m:DeleteAttachment><m:AttachmentIds><t:AttachmentId/></m:AttachmentIds></m:DeleteAttachment>                                                | The required attribute 'Id' is missing.          |
      | CreateAttachment without a parent    | <m:CreateAttachment><m:Attachments><t:FileAttachment><t:Name>a.txt</t:Name><t:Content>YQ==</t:Content></t:FileAttachment></m:Attachments></m:CreateAttachment> | 'ParentItemId'                |
      | UpdateFolder without changes         | <m:UpdateFolder><m:FolderChanges/></m:UpdateFolder>                                                                                          | 'FolderChanges'                                  |
      | GetEvents without a Watermark        | <m:GetEvents><m:SubscriptionId>c3Vi</m:SubscriptionId></m:GetEvents>                                                                         | 'Watermark'                                      |
      | Unsubscribe without an id            | <m:Unsubscribe/>                                                                                                                             | 'SubscriptionId'                                 |

  # EmptyFolder arrived with Exchange 2010 SP1
  @since:Exchange2010_SP1
  Scenario: EmptyFolder without DeleteSubFolders is a schema fault and empties nothing
    Given the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:EmptyFolder DeleteType="HardDelete"><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:EmptyFolder>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "The required attribute 'DeleteSubFolders' is missing."
    And the store digest is still "before"

  # GetStreamingEvents arrived with Exchange 2010 SP1
  @since:Exchange2010_SP1
  Scenario: A streaming connection longer than 30 minutes is a schema fault
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetStreamingEvents>
        <m:SubscriptionIds><t:SubscriptionId>c3Vi</t:SubscriptionId></m:SubscriptionIds>
        <m:ConnectionTimeout>31</m:ConnectionTimeout>
      </m:GetStreamingEvents>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "The MaxInclusive constraint failed"

  Scenario Outline: An id the operation cannot use: <case>
    Given the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <request>
      """
    Then every response message has ResponseClass "Error" and ResponseCode <code>
    And the store digest is still "before"

    Examples:
      | case                                     | request                                                                                                                     | code                      |
      | DeleteAttachment of a malformed id       | <m:DeleteAttachment><m:AttachmentIds><t:AttachmentId Id="not-an-id"/></m:AttachmentIds></m:DeleteAttachment>                  | ErrorInvalidIdMalformed   |
      | SendItem of a malformed id               | <m:SendItem SaveItemToFolder="true"><m:ItemIds><t:ItemId Id="not-an-id"/></m:ItemIds></m:SendItem>                            | ErrorInvalidIdMalformed   |
      | MoveFolder of a malformed id             | <m:MoveFolder><m:ToFolderId><t:DistinguishedFolderId Id="inbox"/></m:ToFolderId><m:FolderIds><t:FolderId Id="not-an-id"/></m:FolderIds></m:MoveFolder> | ErrorInvalidIdMalformed |
      | DeleteFolder of a folder that is not one | <m:DeleteFolder DeleteType="HardDelete"><m:FolderIds><t:DistinguishedFolderId Id="voicemail"/></m:FolderIds></m:DeleteFolder> | ErrorFolderNotFound       |
      | Unsubscribe of an unknown subscription   | <m:Unsubscribe><m:SubscriptionId>bm8gc3VjaA==</m:SubscriptionId></m:Unsubscribe>                                             | ErrorSubscriptionNotFound |

  # both operations arrived with Exchange 2013
  Scenario: MarkAllItemsAsRead without ReadFlag and MarkAsJunk of a malformed id change nothing
    Given the mock emulates Exchange2016
    And the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2013 the SOAP body:
      """
      <m:MarkAllItemsAsRead>
        <m:SuppressReadReceipts>true</m:SuppressReadReceipts>
        <m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds>
      </m:MarkAllItemsAsRead>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "'ReadFlag'"
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2013 the SOAP body:
      """
      <m:MarkAsJunk IsJunk="true" MoveItem="true"><m:ItemIds><t:ItemId Id="not-an-id"/></m:ItemIds></m:MarkAsJunk>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidIdMalformed
    And the store digest is still "before"

  Scenario: Expiring a subscription the mock does not have is a 404 naming the id
    When the tester expires the subscription "bm8gc3VjaA==" through the admin API
    Then the admin API answered 404 with a message naming "bm8gc3VjaA=="

  Scenario: startMock refuses a streaming heartbeat of 0 ms, naming the option
    Given the mock streams a heartbeat every 0 ms and counts a minute of connection time as 450 ms
    Then starting the mock fails with "streaming.heartbeatMs must be a whole number of milliseconds, at least 1 (got 0)"
