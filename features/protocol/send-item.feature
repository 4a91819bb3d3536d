@protocol @SendItem
Feature: Sending stored messages with SendItem
  SendItem sends messages already in the mailbox, usually drafts. Each is delivered to the
  recipients that have a mailbox here and leaves its folder; SaveItemToFolder="true" keeps the sent
  copy in Sent Items, or in SavedItemFolderId.

  # the draft is saved through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Sending a saved draft delivers it and files the sent copy in Sent Items
    Given svc-ews@acme.test impersonating alice@acme.test saves a draft "Contract draft" to bob@acme.test
    And the ItemId and ChangeKey of the drafts message "Contract draft" of alice@acme.test are noted as "draft"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:SendItem SaveItemToFolder="true">
        <m:ItemIds><t:ItemId Id="{{id:draft}}" ChangeKey="{{changekey:draft}}"/></m:ItemIds>
      </m:SendItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the inbox of bob@acme.test holds "Contract draft" as an unread message
    And the sentitems of alice@acme.test holds "Contract draft" as a read message
    And the drafts of alice@acme.test does not hold "Contract draft"

  @since:Exchange2007_SP1
  Scenario: SaveItemToFolder="false" sends without keeping a copy; SavedItemFolderId names another folder
    Given svc-ews@acme.test impersonating alice@acme.test saves a draft "No copy" to bob@acme.test
    And svc-ews@acme.test impersonating alice@acme.test saves a draft "Filed copy" to bob@acme.test
    And the ItemId and ChangeKey of the drafts message "No copy" of alice@acme.test are noted as "nocopy"
    And the ItemId and ChangeKey of the drafts message "Filed copy" of alice@acme.test are noted as "filed"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:SendItem SaveItemToFolder="false">
        <m:ItemIds><t:ItemId Id="{{id:nocopy}}"/></m:ItemIds>
      </m:SendItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:SendItem SaveItemToFolder="true">
        <m:ItemIds><t:ItemId Id="{{id:filed}}"/></m:ItemIds>
        <m:SavedItemFolderId><t:DistinguishedFolderId Id="inbox"/></m:SavedItemFolderId>
      </m:SendItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the inbox of bob@acme.test holds "No copy" as an unread message
    And the sentitems of alice@acme.test does not hold "No copy"
    And the drafts of alice@acme.test does not hold "No copy"
    And the inbox of alice@acme.test holds "Filed copy" as a read message
    And the sentitems of alice@acme.test does not hold "Filed copy"

  @since:Exchange2007_SP1
  Scenario Outline: A send that cannot go ahead leaves the draft where it was and delivers nothing: <case>
    Given svc-ews@acme.test impersonating alice@acme.test saves a draft "Held back" to bob@acme.test
    And the ItemId and ChangeKey of the drafts message "Held back" of alice@acme.test are noted as "draft"
    And svc-ews@acme.test impersonating alice@acme.test marks the drafts message "Held back" as <then-marked>
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:SendItem SaveItemToFolder="<save>">
        <m:ItemIds><t:ItemId Id="{{id:draft}}" ChangeKey="{{changekey:draft}}"/></m:ItemIds>
        <folder>
      </m:SendItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode <code>
    And the drafts of alice@acme.test holds "Held back" as a <then-marked> draft
    And the inbox of bob@acme.test does not hold "Held back"

    Examples:
      | case                                        | then-marked | save  | folder                                                                       | code                             |
      | a ChangeKey from before the last change     | unread      | true  |                                                                              | ErrorIrresolvableConflict        |
      | no copy wanted, yet a folder to keep it in  | read        | false | <m:SavedItemFolderId><t:DistinguishedFolderId Id="sentitems"/></m:SavedItemFolderId> | ErrorInvalidSendItemSaveSettings |

  Scenario: A draft without recipients is refused and stays a draft
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:Items><t:Message><t:Subject>Nobody to send to</t:Subject></t:Message></m:Items>
      </m:CreateItem>
      """
    And the ItemId and ChangeKey of the drafts message "Nobody to send to" of alice@acme.test are noted as "draft"
    And svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:SendItem SaveItemToFolder="true">
        <m:ItemIds><t:ItemId Id="{{id:draft}}"/></m:ItemIds>
      </m:SendItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidRecipients
    And the drafts message "Nobody to send to" of alice@acme.test still has the noted ChangeKey "draft"

  Scenario Outline: SendItem without a valid SaveItemToFolder fails schema validation: <case>
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SendItem <attribute>>
        <m:ItemIds><t:ItemId Id="AAMkADk5ZjQ2ZjM1"/></m:ItemIds>
      </m:SendItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"

    Examples:
      | case      | attribute              | message                                            |
      | missing   |                        | The required attribute 'SaveItemToFolder' is missing. |
      | not a boolean | SaveItemToFolder="yes" | The string 'yes' is not a valid Boolean value.     |

  # the draft is saved through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Two clients sending the same draft at once: it goes out once, the other is told it is gone
    Given svc-ews@acme.test impersonating alice@acme.test saves a draft "Sent twice?" to nobody@acme.test
    And the ItemId and ChangeKey of the drafts message "Sent twice?" of alice@acme.test are noted as "draft"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body twice at once:
      """
      <m:SendItem SaveItemToFolder="true">
        <m:ItemIds><t:ItemId Id="{{id:draft}}" ChangeKey="{{changekey:draft}}"/></m:ItemIds>
      </m:SendItem>
      """
    Then one answer has the ResponseCode NoError and the other ErrorItemNotFound
    And the sentitems of alice@acme.test holds 1 message "Sent twice?"
    And the inbox of alice@acme.test holds 1 message "Undeliverable: Sent twice?"
    And the drafts of alice@acme.test does not hold "Sent twice?"
