@protocol @GetItem
Feature: Reading messages with GetItem
  A client reads whole messages — recipients, bodies in the type it asks for, attachment lists and
  MIME content — one id or many per request, and gets one answer per id in request order.

  # reads attachment sizes through ews-javascript-api, which allows Size from Exchange2010 on
  @since:Exchange2010
  Scenario: A multipart message from an .eml file, with its HTML body and CSV attachment
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Quartalsbericht für Q3"
    Then the message subject is "Quartalsbericht für Q3"
    And the message is from "Nina Partner <nina@partner.test>"
    And the message is addressed to "Alice Anderson <alice@acme.test>" with copies to "Bob Brown <bob@acme.test>"
    And the message body is HTML and contains "anbei der <b>Bericht</b> für Q3"
    And the message has High importance, is unread and was received at "2026-10-20T08:15:00Z"
    And the message has the attachments:
      | name   | type     | size |
      | q3.csv | text/csv | 36   |
    And loading attachment "q3.csv" of the message gives 36 bytes starting with "region,revenue"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: BodyType Text gives the plain alternative of a multipart message
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Quartalsbericht für Q3" with a Text body
    Then the message body is Text and contains "Hallo Alice, anbei der Bericht für Q3."
    And the message body does not contain "<b>"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: An HTML-only message converted to text, with its non-ASCII subject kept
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Réunion d'équipe — 会議 📅" with a Text body
    Then the message subject is "Réunion d'équipe — 会議 📅"
    And the message body is Text and contains "Ordre du jour: budget."
    And the message body does not contain "<i>"
    And the message has High importance, is unread and was received at "2026-11-04T09:30:00Z"
    And the message is addressed to "alice@acme.test <alice@acme.test>" with copies to "bob@acme.test <bob@acme.test>"

  # reads attachment sizes through ews-javascript-api, which allows Size from Exchange2010 on
  @since:Exchange2010
  Scenario: A plain-text message read through the client, with its attachments listed
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Signed contract"
    Then the message body is Text and contains "Please find the signed contract attached."
    And the message has Normal importance, is read and was received at "2026-11-05T14:00:00Z"
    And the message has the attachments:
      | name         | type            | size  |
      | contract.pdf | application/pdf | 20480 |
      | notes.txt    | text/plain      | 23    |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: BodyType HTML converts a plain-text body to HTML
    # ews-javascript-api never sends BodyType HTML (the enum value 0 is taken for "not set"), so
    # this request is written out.
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:BodyType>HTML</t:BodyType><t:AdditionalProperties><t:FieldURI FieldURI="item:Body"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Signed contract}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first Body in the response has the attribute BodyType = "HTML"
    And the first Body in the response contains "<div>Please find the signed contract attached.</div>"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A newsletter without To or Cc headers has no recipients at all
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Product news for November"
    Then the message is from "Newsletter <news@vendor.test>"
    And the message is addressed to "nobody" with copies to "nobody"
    And the message body is HTML and contains "<h1>Product news</h1>"
    And the message has the attachments:
      | name | type | size |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A message without a subject reads back with an empty subject
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message ""
    Then the message subject is ""
    And the message is from "Otto Vendor <otto@vendor.test>"
    And the message body is Text and contains "This message has no subject."

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: MIME content of a message that came as an .eml file is the original message
    When svc-ews@acme.test impersonating alice@acme.test reads the MIME content of the inbox message "Quartalsbericht für Q3"
    Then the MIME content is UTF-8 and has the header "Message-ID: <q3-report-2026@partner.test>"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: MIME content of a message seeded from fields is composed from them
    When svc-ews@acme.test impersonating alice@acme.test reads the MIME content of the inbox message "Signed contract"
    Then the MIME content is UTF-8 and has the header "Subject: Signed contract"
    And reading the MIME content of that message again as alice@acme.test gives the same bytes

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: BindToItems reads several messages in one request, in request order
    Given the mock serves the scenario "find-item.yaml"
    When svc-ews@acme.test impersonating mia@acme.test binds to the messages "Lunch on Friday, Budget review 2027, Invoice 4712" of inbox in one request
    Then the subjects found are "Lunch on Friday, Budget review 2027, Invoice 4712"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: LoadPropertiesForItems fills in the recipient lists FindItem leaves out
    When svc-ews@acme.test impersonating alice@acme.test loads the recipients of every item in inbox
    Then every item carries its recipients, "Quartalsbericht für Q3" with To "Alice Anderson <alice@acme.test>" and Cc "Bob Brown <bob@acme.test>"
    And every item carries its recipients, "Product news for November" with To "nobody" and Cc "nobody"

  # the AllProperties list includes ConversationId, which arrived with Exchange 2010
  @since:Exchange2010
  Scenario: AllProperties lists the message's properties in the order of the schema
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Signed contract}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first Message in the response has these child elements in order:
      | ItemId                     |
      | ParentFolderId             |
      | ItemClass                  |
      | Subject                    |
      | Sensitivity                |
      | Body                       |
      | Attachments                |
      | DateTimeReceived           |
      | Size                       |
      | Importance                 |
      | IsSubmitted                |
      | IsDraft                    |
      | IsFromMe                   |
      | IsResend                   |
      | IsUnmodified               |
      | InternetMessageHeaders     |
      | DateTimeSent               |
      | DateTimeCreated            |
      | ReminderIsSet              |
      | ReminderMinutesBeforeStart |
      | DisplayCc                  |
      | DisplayTo                  |
      | HasAttachments             |
      | Culture                    |
      | EffectiveRights            |
      | LastModifiedName           |
      | LastModifiedTime           |
      | IsAssociated               |
      | ConversationId             |
      | Sender                     |
      | ToRecipients               |
      | IsReadReceiptRequested     |
      | IsDeliveryReceiptRequested |
      | ConversationIndex          |
      | ConversationTopic          |
      | From                       |
      | InternetMessageId          |
      | IsRead                     |
      | IsResponseRequested        |
      | ReceivedBy                 |
      | ReceivedRepresenting       |
    And the first Body in the response has the attribute BodyType = "Text"
    And the first FileAttachment in the response has these child elements in order:
      | AttachmentId     |
      | Name             |
      | ContentType      |
      | Size             |
      | LastModifiedTime |
      | IsInline         |
      | IsContactPhoto   |
    And the response has no Content element
    And the response has no MimeContent element

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A message the mailbox owner sent is from the owner and has no receiving mailbox
    Given the mock serves the scenario "find-item.yaml"
    When svc-ews@acme.test impersonating mia@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Travel plans}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first IsFromMe in the response has the text "true"
    And the first DisplayTo in the response has the text "Max Meyer"
    And the first EmailAddress in the response has the text "mia@acme.test"
    And the response has no ReceivedBy element
    And the response has no ReceivedRepresenting element

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: The Default shape of GetItem includes the body, attachments and recipients
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>Default</t:BaseShape><t:BodyType>Best</t:BodyType></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Quartalsbericht für Q3}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first Message in the response has these child elements in order:
      | ItemId                     |
      | Subject                    |
      | Sensitivity                |
      | Body                       |
      | Attachments                |
      | Size                       |
      | DateTimeSent               |
      | DateTimeCreated            |
      | HasAttachments             |
      | IsAssociated               |
      | ToRecipients               |
      | CcRecipients               |
      | IsReadReceiptRequested     |
      | IsDeliveryReceiptRequested |
      | From                       |
      | IsRead                     |
    And the first Body in the response has the attribute BodyType = "HTML"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario Outline: IncludeMimeContent puts the base64 MIME first, tagged UTF-8 (IncludeMimeContent <value>)
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:IncludeMimeContent><value></t:IncludeMimeContent></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Product news for November}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first Message in the response has these child elements in order:
      | MimeContent |
      | ItemId      |
    And the first MimeContent in the response has the attribute CharacterSet = "UTF-8"

    Examples:
      | value |
      | true  |
      | 1     |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: AdditionalProperties on IdOnly return just those properties
    Given the mock serves the scenario "find-item.yaml"
    When svc-ews@acme.test impersonating mia@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape>
          <t:BaseShape>IdOnly</t:BaseShape>
          <t:AdditionalProperties>
            <t:FieldURI FieldURI="item:Categories"/>
            <t:FieldURI FieldURI="message:CcRecipients"/>
            <t:FieldURI FieldURI="item:ItemClass"/>
          </t:AdditionalProperties>
        </m:ItemShape>
        <m:ItemIds>
          <t:ItemId Id="{{item:Security update}}"/>
          <t:ItemId Id="{{item:Quarterly planning}}"/>
        </m:ItemIds>
      </m:GetItem>
      """
    Then the response messages have these ResponseCodes:
      | NoError |
      | NoError |
    And the first Message in the response has these child elements in order:
      | ItemId     |
      | ItemClass  |
      | Categories |
    And the first String in the response has the text "Internal"
    And the first CcRecipients in the response has these child elements in order:
      | Mailbox |
    And the first Name in the response has the text "Max Meyer"
    And the first MailboxType in the response has the text "Mailbox"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A stale ChangeKey does not stop a read
    Given the mock serves the scenario "find-item.yaml"
    When svc-ews@acme.test impersonating mia@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Offsite agenda}}" ChangeKey="CQAAABYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"/></m:ItemIds>
      </m:GetItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the response lists the message subjects:
      | Offsite agenda |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: One answer per id: good, malformed, empty and another mailbox's
    Given the mock serves the scenario "find-item.yaml"
    When mia@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds>
          <t:ItemId Id="{{item:Invoice 4711}}"/>
          <t:ItemId Id="AAMkADg3Yzk5NTRk=="/>
          <t:ItemId Id=""/>
          <t:ItemId Id="{{item:max@acme.test:Max's private note}}"/>
          <t:ItemId Id="{{item:Lunch on Friday}}"/>
        </m:ItemIds>
      </m:GetItem>
      """
    Then the response messages have these ResponseCodes:
      | NoError                 |
      | ErrorInvalidIdMalformed |
      | ErrorInvalidIdEmpty     |
      | ErrorAccessDenied       |
      | NoError                 |
    And the response lists the message subjects:
      | Invoice 4711    |
      | Lunch on Friday |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A deleted message is no longer found
    Given the mock serves the scenario "find-item.yaml"
    When svc-ews@acme.test impersonating mia@acme.test posts the item request:
      """
      <m:DeleteItem DeleteType="HardDelete">
        <m:ItemIds><t:ItemId Id="{{item:Lunch on Friday}}"/></m:ItemIds>
      </m:DeleteItem>
      """
    And svc-ews@acme.test impersonating mia@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Lunch on Friday}}"/><t:ItemId Id="{{item:Invoice 4711}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the response messages have these ResponseCodes:
      | ErrorItemNotFound |
      | NoError           |
    And the first MessageText in the response has the text "The specified object was not found in the store."

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Under Exchange 2007 SP1 the 2010 properties are left out
    Given the mock serves the scenario "find-item.yaml"
    When mia@acme.test posts the item request with RequestServerVersion Exchange2007_SP1:
      """
      <m:GetItem>
        <m:ItemShape>
          <t:BaseShape>AllProperties</t:BaseShape>
        </m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Invoice 4712}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the response has no ConversationId element
    And the response has no IsInline element
    And the response has no ViewPrivateItems element
    And the first FileAttachment in the response has these child elements in order:
      | AttachmentId |
      | Name         |
      | ContentType  |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario Outline: Asking for a 2010 property under Exchange 2007 SP1 is refused: <property>
    Given the mock serves the scenario "find-item.yaml"
    When mia@acme.test posts the item request with RequestServerVersion Exchange2007_SP1:
      """
      <m:GetItem>
        <m:ItemShape>
          <t:BaseShape>IdOnly</t:BaseShape>
          <t:AdditionalProperties><property></t:AdditionalProperties>
        </m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Invoice 4712}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorIncorrectSchemaVersion

    Examples:
      | property                                                                      |
      | <t:FieldURI FieldURI="item:ConversationId"/>                                  |
      | <t:FieldURI FieldURI="item:UniqueBody"/>                                      |
      | <t:IndexedFieldURI FieldURI="distributionlist:Members:Member" FieldIndex="0"/> |

  Scenario: An ItemId without its Id attribute fails schema validation
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:ItemIds><t:ItemId ChangeKey="CQAAAA=="/></m:ItemIds>
      </m:GetItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "The required attribute 'Id' is missing."

  # exchangelib's Account.fetch asks for every property of every item kind, contact address parts
  # (t:IndexedFieldURI, DictionaryURIType) among them; a message simply has none of those.
  # The message's id is looked up through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1.
  @since:Exchange2007_SP1
  Scenario: Indexed properties of other item kinds are valid in a shape and leave a message unchanged
    Given the mock serves the scenario "find-item.yaml"
    When svc-ews@acme.test impersonating mia@acme.test posts the item request:
      """
      <m:GetItem>
        <m:ItemShape>
          <t:BaseShape>IdOnly</t:BaseShape>
          <t:AdditionalProperties>
            <t:FieldURI FieldURI="item:Subject"/>
            <t:IndexedFieldURI FieldURI="contacts:PhysicalAddress:City" FieldIndex="Business"/>
            <t:IndexedFieldURI FieldURI="contacts:PhysicalAddress:CountryOrRegion" FieldIndex="Home"/>
            <t:IndexedFieldURI FieldURI="contacts:EmailAddress" FieldIndex="EmailAddress1"/>
          </t:AdditionalProperties>
        </m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Invoice 4712}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the response messages have these ResponseCodes:
      | NoError |
    And the first Message in the response has these child elements in order:
      | ItemId  |
      | Subject |
    And the first Subject in the response has the text "Invoice 4712"

  Scenario Outline: An indexed property the schema does not have is a schema fault: <case>
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetItem>
        <m:ItemShape>
          <t:BaseShape>IdOnly</t:BaseShape>
          <t:AdditionalProperties><path></t:AdditionalProperties>
        </m:ItemShape>
        <m:ItemIds><t:ItemId Id="AAMkAGI2"/></m:ItemIds>
      </m:GetItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"

    Examples:
      | case                          | path                                                                  | message                                                                                                     |
      | a plain property as indexed   | <t:IndexedFieldURI FieldURI="item:Subject" FieldIndex="x"/>           | The value 'item:Subject' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:DictionaryURIType' |
      | an indexed one as plain       | <t:FieldURI FieldURI="contacts:PhysicalAddress:City"/>                | The value 'contacts:PhysicalAddress:City' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:UnindexedFieldURIType' |
      | no FieldIndex                 | <t:IndexedFieldURI FieldURI="contacts:PhoneNumber"/>                  | The required attribute 'FieldIndex' is missing.                                                             |
      | no FieldURI                   | <t:FieldURI/>                                                         | The required attribute 'FieldURI' is missing.                                                               |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A message sent to its reader as Bcc only has no To and no Cc
    When svc-ews@acme.test impersonating bob@acme.test reads the inbox message "Ключевые показатели — Q4"
    Then the message is addressed to "nobody" with copies to "nobody"
    And the message is from "otto@vendor.test <otto@vendor.test>"

  # FilterHtmlContent arrived with Exchange 2010, MaximumBodySize with 2013; the ids are found through
  # ews-javascript-api
  Scenario: FilterHtmlContent takes scripts and handlers out of an HTML body; MaximumBodySize cuts it, saying so
    Given the mock emulates Exchange2016
    When alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:SavedItemFolderId><t:DistinguishedFolderId Id="inbox"/></m:SavedItemFolderId>
        <m:Items><t:Message><t:Subject>Active content</t:Subject><t:Body BodyType="HTML">&lt;p onclick="alert(1)"&gt;Hello &lt;b&gt;there&lt;/b&gt;&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;a href="javascript:alert(3)"&gt;link&lt;/a&gt;</t:Body></t:Message></m:Items>
      </m:CreateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Long body", "from": { "address": "otto@vendor.test" }, "text": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }
      """
    When alice@acme.test posts the item request with RequestServerVersion Exchange2013:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:BodyType>HTML</t:BodyType><t:FilterHtmlContent>true</t:FilterHtmlContent><t:AdditionalProperties><t:FieldURI FieldURI="item:Body"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Active content}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first Body in the response contains "<p>Hello <b>there</b></p>"
    And the response body does not contain "script"
    And the response body does not contain "onclick"
    And the response body does not contain "javascript:"
    When alice@acme.test posts the item request with RequestServerVersion Exchange2013:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:BodyType>Text</t:BodyType><t:MaximumBodySize>1</t:MaximumBodySize><t:AdditionalProperties><t:FieldURI FieldURI="item:Body"/></t:AdditionalProperties></m:ItemShape>
        <m:ItemIds><t:ItemId Id="{{item:Long body}}"/></m:ItemIds>
      </m:GetItem>
      """
    Then the first Body in the response has the attribute IsTruncated = "true"
    And the first Body in the response has the text "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

  Scenario: An Exchange 2007 server does not know FilterHtmlContent
    Given the mock emulates Exchange2007_SP1
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2007_SP1 the SOAP body:
      """
      <m:GetItem>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:FilterHtmlContent>true</t:FilterHtmlContent></m:ItemShape>
        <m:ItemIds><t:ItemId Id="AAMkADk5ZjQ2ZjM1"/></m:ItemIds>
      </m:GetItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
