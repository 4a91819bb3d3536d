@protocol @CreateAttachment @DeleteAttachment
Feature: Adding and removing attachments with CreateAttachment and DeleteAttachment
  A client that sends a new message with attachments saves it as a draft, adds the attachments to
  it with CreateAttachment and sends it with SendItem, carrying the ChangeKey each answer gives.
  DeleteAttachment takes an attachment off its item. Each change is a new version of the item.

  # Before Exchange 2010 SP2 a new message's attachments are added after it is saved; from SP2 on
  # ews-javascript-api (like the EWS Managed API) sends them inside CreateItem and matches the
  # AttachmentIds of the answer to its own attachments, so it does not add them a second time.
  @since:Exchange2010_SP1
  Scenario Outline: A new message with a file attachment, sent through ews-javascript-api speaking <version>, arrives with it once
    When alice@acme.test speaking <version> sends bob@acme.test the message "Signed offer" with the attachment "offer.txt" holding "Offer accepted."
    Then the client sent the operations "<operations>"
    And the inbox of bob@acme.test holds "Signed offer" as an unread message
    And the sentitems of alice@acme.test holds "Signed offer" as a read message
    And the drafts of alice@acme.test does not hold "Signed offer"
    When svc-ews@acme.test impersonating bob@acme.test reads the inbox message "Signed offer"
    Then the message has the attachments:
      | name      | type       | size |
      | offer.txt | text/plain | 15   |
    And loading attachment "offer.txt" of the message gives the text "Offer accepted."

    @since:Exchange2010_SP1
    Examples: a client speaking Exchange 2010 SP1 adds the attachment with CreateAttachment
      | version          | operations                               |
      | Exchange2010_SP1 | CreateItem, CreateAttachment, SendItem   |

    @since:Exchange2010_SP2
    Examples: a client speaking Exchange 2010 SP2 sends it inside CreateItem
      | version          | operations             |
      | Exchange2010_SP2 | CreateItem, SendItem   |

  @since:Exchange2010
  Scenario: CreateAttachment answers the attachment's id and the item's new ChangeKey
    Given the ItemId and ChangeKey of the drafts message "Draft: proposal" of alice@acme.test are noted as "proposal"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:CreateAttachment>
        <m:ParentItemId Id="{{id:proposal}}" ChangeKey="{{changekey:proposal}}"/>
        <m:Attachments>
          <t:FileAttachment>
            <t:Name>notes.txt</t:Name>
            <t:ContentType>text/plain</t:ContentType>
            <t:Content>TWVldGluZyBub3Rlcy4=</t:Content>
          </t:FileAttachment>
        </m:Attachments>
      </m:CreateAttachment>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the first AttachmentId in the response names the noted item "proposal" of alice@acme.test with its new ChangeKey
    When svc-ews@acme.test impersonating alice@acme.test reads the drafts message "Draft: proposal"
    Then the message has the attachments:
      | name      | type       | size |
      | notes.txt | text/plain | 14   |
    And loading attachment "notes.txt" of the message gives the text "Meeting notes."

  Scenario: An attached item that is not a message is refused on its own; the file beside it is stored
    Given the ItemId and ChangeKey of the drafts message "Draft: proposal" of alice@acme.test are noted as "proposal"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:CreateAttachment>
        <m:ParentItemId Id="{{id:proposal}}"/>
        <m:Attachments>
          <t:ItemAttachment><t:Name>Card</t:Name><t:Contact><t:GivenName>Nina</t:GivenName></t:Contact></t:ItemAttachment>
          <t:FileAttachment><t:Name>notes.txt</t:Name><t:Content>TWVldGluZyBub3Rlcy4=</t:Content></t:FileAttachment>
        </m:Attachments>
      </m:CreateAttachment>
      """
    Then the response messages have these ResponseCodes:
      | ErrorInvalidRequest |
      | NoError             |
    And the first AttachmentId in the response names the noted item "proposal" of alice@acme.test with its new ChangeKey

  Scenario: A ParentItemId that is not an item id answers every attachment with the error
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateAttachment>
        <m:ParentItemId Id="not-an-id"/>
        <m:Attachments>
          <t:FileAttachment><t:Name>a.txt</t:Name><t:Content>TWVldGluZyBub3Rlcy4=</t:Content></t:FileAttachment>
          <t:FileAttachment><t:Name>b.txt</t:Name><t:Content>TWVldGluZyBub3Rlcy4=</t:Content></t:FileAttachment>
        </m:Attachments>
      </m:CreateAttachment>
      """
    Then the response messages have these ResponseCodes:
      | ErrorInvalidIdMalformed |
      | ErrorInvalidIdMalformed |

  Scenario Outline: A CreateAttachment the schema does not allow is a schema fault and stores nothing: <case>
    Given the ItemId and ChangeKey of the drafts message "Draft: proposal" of alice@acme.test are noted as "proposal"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:CreateAttachment>
        <m:ParentItemId Id="{{id:proposal}}"/>
        <attachments>
      </m:CreateAttachment>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"
    And the drafts message "Draft: proposal" of alice@acme.test still has the noted ChangeKey "proposal"

    Examples:
      | case                    | attachments                                                                                                                                   | message                                       |
      | no attachments          | <m:Attachments/>                                                                                                                              | 'ItemAttachment, FileAttachment'              |
      | content that is not base64 | <m:Attachments><t:FileAttachment><t:Name>ok.txt</t:Name><t:Content>TWVldGluZyBub3Rlcy4=</t:Content></t:FileAttachment><t:FileAttachment><t:Name>bad.txt</t:Name><t:Content>*** not base64 ***</t:Content></t:FileAttachment></m:Attachments> | base64Binary |
      | an unknown attachment kind | <m:Attachments><t:LinkAttachment><t:Name>x</t:Name></t:LinkAttachment></m:Attachments>                                                    | invalid child element 'LinkAttachment'        |

  @since:Exchange2010
  Scenario: DeleteAttachment takes the attachment off its item and answers the new ChangeKey
    Given the AttachmentId of "notes.txt" on the inbox message "Signed contract" of alice@acme.test is noted as "notes"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:DeleteAttachment>
        <m:AttachmentIds><t:AttachmentId Id="{{id:notes}}"/></m:AttachmentIds>
      </m:DeleteAttachment>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the first RootItemId in the response names the noted item "notes" of alice@acme.test with its new ChangeKey
    When svc-ews@acme.test impersonating alice@acme.test reads the inbox message "Signed contract"
    Then the message has the attachments:
      | name         | type            | size  |
      | contract.pdf | application/pdf | 20480 |
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetAttachment>
        <m:AttachmentIds><t:AttachmentId Id="{{id:notes}}"/></m:AttachmentIds>
      </m:GetAttachment>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidAttachmentId
