@protocol @DeleteItem
Feature: Deleting messages through DeleteItem
  HardDelete and SoftDelete take a message out of its folder; MoveToDeletedItems moves it to
  Deleted Items. Each id gets its own answer.

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
