@protocol @GetAttachment @CreateAttachment
Feature: Attached messages (item attachments)
  A message can carry another message as an attachment: a forward "as attachment", or a MIME part
  of type message/rfc822. EWS lists it as a t:ItemAttachment, not a file; GetAttachment answers the
  attached message's properties in a t:Message (no ItemId: it is not an item of the store), with
  its MIME content when the AttachmentShape asks. Clients attach one with a t:ItemAttachment holding
  a t:Message, inside CreateItem or with CreateAttachment. Only messages can be attached in this
  store: another kind of item is refused.

  # ews-javascript-api cannot load an item attachment: its ItemAttachment.Validate reads the
  # attached item, which a listed attachment does not have yet, and fails before sending
  # (gautamsi/ews-javascript-api issues 201, 308, 389, 434). The attached message is read here with
  # a GetAttachment request of our own.
  @since:Exchange2010_SP1
  Scenario Outline: ews-javascript-api speaking <version> sends a message with an attached message; the recipient reads it
    When alice@acme.test speaking <version> sends bob@acme.test the message "Forwarded offer" with the attached message "The offer" saying "Price: 1,200 EUR."
    Then the client sent the operations "<operations>"
    When svc-ews@acme.test impersonating bob@acme.test reads the inbox message "Forwarded offer"
    Then the message has one attachment named "The offer" of type "message/rfc822"
    When ews-javascript-api loads the attached message "The offer" of the message
    Then the client fails before sending anything, with "The element at position 0 is invalid"
    Given the AttachmentId of "The offer" on the inbox message "Forwarded offer" of bob@acme.test is noted as "offer"
    When svc-ews@acme.test impersonating bob@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetAttachment>
        <m:AttachmentIds><t:AttachmentId Id="{{id:offer}}"/></m:AttachmentIds>
      </m:GetAttachment>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the response holds the attached message "The offer" with the subject "The offer" and a body containing "Price: 1,200 EUR."

    @since:Exchange2010_SP1
    Examples: before 2010 SP2 the client adds the attachment with CreateAttachment
      | version          | operations                             |
      | Exchange2010_SP1 | CreateItem, CreateAttachment, SendItem |

    @since:Exchange2010_SP2
    Examples: from 2010 SP2 it sends it inside CreateItem
      | version          | operations           |
      | Exchange2010_SP2 | CreateItem, SendItem |

  @since:Exchange2007_SP1
  Scenario: A message/rfc822 part of delivered mail is an attached message, with its MIME on request
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API as "message/rfc822":
      """
      From: Carol <carol@globex.test>
      To: alice@acme.test
      Subject: FW: Invoice 42
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="outer"

      --outer
      Content-Type: text/plain

      See the attached invoice mail.
      --outer
      Content-Type: message/rfc822
      Content-Disposition: attachment; filename="Invoice 42.eml"

      From: billing@globex.test
      To: carol@globex.test
      Subject: Invoice 42
      Message-ID: <invoice-42@globex.test>
      Date: Mon, 02 Nov 2026 10:00:00 +0000

      Amount due: 300 EUR.
      --outer--
      """
    Then the admin API answers 201
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "FW: Invoice 42"
    Then the message has one attachment named "Invoice 42.eml" of type "message/rfc822"
    Given the AttachmentId of "Invoice 42.eml" on the inbox message "FW: Invoice 42" of alice@acme.test is noted as "invoice"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetAttachment>
        <m:AttachmentShape><t:IncludeMimeContent>true</t:IncludeMimeContent><t:BodyType>Text</t:BodyType></m:AttachmentShape>
        <m:AttachmentIds><t:AttachmentId Id="{{id:invoice}}"/></m:AttachmentIds>
      </m:GetAttachment>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the response holds the attached message "Invoice 42.eml" with the subject "Invoice 42" and a body containing "Amount due: 300 EUR."
    And the attached message "Invoice 42.eml" in the response has MIME content with the header "Message-ID: <invoice-42@globex.test>"

  # The AttachmentId is looked up through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1.
  @since:Exchange2007_SP1
  Scenario: The attachments of an attached message are listed inside it and GetAttachment reads them, at any depth
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API as "message/rfc822":
      """
      From: Carol <carol@globex.test>
      To: alice@acme.test
      Subject: FW: Contract pack
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="outer"

      --outer
      Content-Type: text/plain

      The pack as it came to me.
      --outer
      Content-Type: message/rfc822
      Content-Disposition: attachment; filename="Contract pack.eml"

      From: legal@globex.test
      To: carol@globex.test
      Subject: Contract pack
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="inner"

      --inner
      Content-Type: text/plain

      Both documents attached.
      --inner
      Content-Type: text/plain; name="terms.txt"
      Content-Disposition: attachment; filename="terms.txt"

      Net 30 days.
      --inner
      Content-Type: message/rfc822
      Content-Disposition: attachment; filename="Signature.eml"

      From: notary@globex.test
      To: legal@globex.test
      Subject: Signature
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="deepest"

      --deepest
      Content-Type: text/plain

      Signed.
      --deepest
      Content-Type: text/plain; name="seal.txt"
      Content-Disposition: attachment; filename="seal.txt"

      Notary seal 77.
      --deepest--
      --inner--
      --outer--
      """
    Then the admin API answers 201
    Given the AttachmentId of "Contract pack.eml" on the inbox message "FW: Contract pack" of alice@acme.test is noted as "pack"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetAttachment><m:AttachmentIds><t:AttachmentId Id="{{id:pack}}"/></m:AttachmentIds></m:GetAttachment>
      """
    Then the response holds the attached message "Contract pack.eml" with the subject "Contract pack" and a body containing "Both documents attached."
    And the attached message "Contract pack.eml" in the response lists its own attachments:
      | FileAttachment | terms.txt     |
      | ItemAttachment | Signature.eml |
    And the AttachmentId of "terms.txt" inside the attached message "Contract pack.eml" in the response is noted as "terms"
    And the AttachmentId of "Signature.eml" inside the attached message "Contract pack.eml" in the response is noted as "signature"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetAttachment><m:AttachmentIds><t:AttachmentId Id="{{id:terms}}"/></m:AttachmentIds></m:GetAttachment>
      """
    Then the response holds the file "terms.txt" with the content "Net 30 days."
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetAttachment><m:AttachmentIds><t:AttachmentId Id="{{id:signature}}"/></m:AttachmentIds></m:GetAttachment>
      """
    Then the response holds the attached message "Signature.eml" with the subject "Signature" and a body containing "Signed."
    And the attached message "Signature.eml" in the response lists its own attachments:
      | FileAttachment | seal.txt |
    And the AttachmentId of "seal.txt" inside the attached message "Signature.eml" in the response is noted as "seal"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetAttachment><m:AttachmentIds><t:AttachmentId Id="{{id:seal}}"/></m:AttachmentIds></m:GetAttachment>
      """
    Then the response holds the file "seal.txt" with the content "Notary seal 77."
    # Forged paths: below a file, past the last attachment, not a number.
    Given the noted id "terms" with "/0" appended is noted as "under-a-file"
    And the noted id "signature" with "/5" appended is noted as "past-the-end"
    And the noted id "signature" with "/x" appended is noted as "not-a-number"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetAttachment><m:AttachmentIds><t:AttachmentId Id="{{id:under-a-file}}"/><t:AttachmentId Id="{{id:past-the-end}}"/><t:AttachmentId Id="{{id:not-a-number}}"/></m:AttachmentIds></m:GetAttachment>
      """
    Then the response messages have these ResponseCodes:
      | ErrorInvalidAttachmentId |
      | ErrorInvalidAttachmentId |
      | ErrorInvalidAttachmentId |

  @since:Exchange2007_SP1
  Scenario: CreateAttachment attaches a message; an attached calendar item is refused on its own
    Given the ItemId and ChangeKey of the drafts message "Draft: proposal" of alice@acme.test are noted as "proposal"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:CreateAttachment>
        <m:ParentItemId Id="{{id:proposal}}"/>
        <m:Attachments>
          <t:ItemAttachment><t:Name>Meeting</t:Name><t:CalendarItem><t:Subject>Kick-off</t:Subject></t:CalendarItem></t:ItemAttachment>
          <t:ItemAttachment><t:Name>Earlier mail</t:Name><t:Message><t:Subject>Earlier mail</t:Subject><t:Body BodyType="Text">As agreed.</t:Body></t:Message></t:ItemAttachment>
        </m:Attachments>
      </m:CreateAttachment>
      """
    Then the response messages have these ResponseCodes:
      | ErrorInvalidRequest |
      | NoError             |
    And the first AttachmentId in the response names the noted item "proposal" of alice@acme.test with its new ChangeKey
    When svc-ews@acme.test impersonating alice@acme.test reads the drafts message "Draft: proposal"
    Then the message has one attachment named "Earlier mail" of type "message/rfc822"

  Scenario: An attached message must be named or have a subject; a schema violation inside it fails the request
    Given the ItemId and ChangeKey of the drafts message "Draft: proposal" of alice@acme.test are noted as "proposal"
    And the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:CreateAttachment>
        <m:ParentItemId Id="{{id:proposal}}"/>
        <m:Attachments>
          <t:ItemAttachment><t:Message><t:Importance>Urgent</t:Importance></t:Message></t:ItemAttachment>
        </m:Attachments>
      </m:CreateAttachment>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the store digest is still "before"

  Scenario: An AttachmentShape with a body type outside the schema is refused before anything is read
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetAttachment>
        <m:AttachmentShape><t:BodyType>Markdown</t:BodyType></m:AttachmentShape>
        <m:AttachmentIds><t:AttachmentId Id="bm90LWFuLWlk"/></m:AttachmentIds>
      </m:GetAttachment>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "The value 'Markdown' is invalid according to its datatype"

  Scenario: CreateItem with an attached contact refuses that message and stores nothing
    Given the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:Items>
          <t:Message>
            <t:Subject>With a card</t:Subject>
            <t:Attachments><t:ItemAttachment><t:Name>Card</t:Name><t:Contact><t:GivenName>Nina</t:GivenName></t:Contact></t:ItemAttachment></t:Attachments>
          </t:Message>
        </m:Items>
      </m:CreateItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidRequest
    And the store digest is still "before"

