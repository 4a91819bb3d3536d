@protocol @GetAttachment
Feature: Downloading attachments with GetAttachment
  A client lists a message's attachments with GetItem, then downloads each file by its
  AttachmentId and gets the exact bytes back.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Loading file attachments through ews-javascript-api
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Signed contract"
    Then loading attachment "notes.txt" of the message gives the text "Signed by both parties."
    And loading attachment "contract.pdf" of the message gives 20480 bytes starting with ""

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: An attachment of a message that came as an .eml file
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Quartalsbericht für Q3"
    Then loading attachment "q3.csv" of the message gives 36 bytes starting with "region,revenue"

  # Size, LastModifiedTime and IsInline arrived with Exchange 2010
  @since:Exchange2010
  Scenario: GetAttachment answers a t:FileAttachment with its base64 content
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:GetAttachment>
        <m:AttachmentShape/>
        <m:AttachmentIds><t:AttachmentId Id="{{attachment:Signed contract:2}}"/></m:AttachmentIds>
      </m:GetAttachment>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the first FileAttachment in the response has these child elements in order:
      | AttachmentId     |
      | Name             |
      | ContentType      |
      | Size             |
      | LastModifiedTime |
      | IsInline         |
      | IsContactPhoto   |
      | Content          |
    And the first Name in the response has the text "notes.txt"
    And the first ContentType in the response has the text "text/plain"
    And the first Size in the response has the text "23"
    And the first Content in the response decodes to the text "Signed by both parties."

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Several attachments, good and bad, are answered one by one in request order
    When alice@acme.test posts the item request:
      """
      <m:GetAttachment>
        <m:AttachmentIds>
          <t:AttachmentId Id="{{attachment:Signed contract:1}}"/>
          <t:AttachmentId Id="bm90IGFuIGF0dGFjaG1lbnQgaWQ="/>
          <t:AttachmentId Id="{{attachment:carol@globex.test:Überweisung bestätigt:1}}"/>
          <t:AttachmentId Id="{{item:Signed contract}}"/>
          <t:AttachmentId Id="{{attachment:Signed contract:2}}"/>
        </m:AttachmentIds>
      </m:GetAttachment>
      """
    Then the response messages have these ResponseCodes:
      | NoError                 |
      | ErrorInvalidIdMalformed |
      | ErrorAccessDenied       |
      | ErrorInvalidIdMalformed |
      | NoError                 |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: The attachment of a deleted message is gone with it
    Given the mock serves the scenario "find-item.yaml"
    When svc-ews@acme.test impersonating mia@acme.test posts the item request:
      """
      <m:GetAttachment>
        <m:AttachmentIds><t:AttachmentId Id="{{attachment:Invoice 4712:1}}"/></m:AttachmentIds>
      </m:GetAttachment>
      """
    Then the first Content in the response decodes to the text "%PDF-1.4 invoice 4712"
    When svc-ews@acme.test impersonating mia@acme.test posts the item request:
      """
      <m:DeleteItem DeleteType="HardDelete">
        <m:ItemIds><t:ItemId Id="{{item:Invoice 4712}}"/></m:ItemIds>
      </m:DeleteItem>
      """
    And svc-ews@acme.test impersonating mia@acme.test posts the item request:
      """
      <m:GetAttachment>
        <m:AttachmentIds><t:AttachmentId Id="{{attachment:Invoice 4712:1}}"/></m:AttachmentIds>
      </m:GetAttachment>
      """
    Then the response messages have these ResponseCodes:
      | ErrorItemNotFound |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Under Exchange 2007 SP1 an attachment has no size, time, inline or contact-photo flag
    Given the mock serves the scenario "find-item.yaml"
    When mia@acme.test posts the item request with RequestServerVersion Exchange2007_SP1:
      """
      <m:GetAttachment>
        <m:AttachmentIds><t:AttachmentId Id="{{attachment:Budget review 2027:1}}"/></m:AttachmentIds>
      </m:GetAttachment>
      """
    Then the first FileAttachment in the response has these child elements in order:
      | AttachmentId |
      | Name         |
      | ContentType  |
      | Content      |
    And the first Name in the response has the text "budget.xlsx"

  Scenario: An AttachmentId without its Id attribute fails schema validation
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetAttachment>
        <m:AttachmentIds><t:AttachmentId RootItemId="x"/></m:AttachmentIds>
      </m:GetAttachment>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "The required attribute 'Id' is missing."
