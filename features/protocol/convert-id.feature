@protocol @ConvertId
Feature: ConvertId converts item and folder ids between formats
  Since Exchange 2007 SP1. Every format converts back to the id it came from; the answer names the
  mailbox the id belongs to (clients learn their own address that way); an id of a mailbox the
  request may not act on is refused as everywhere else.

  Rule: conversions round-trip

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario Outline: Alice's Inbox id through <format> and back
      When svc-ews@acme.test impersonating alice@acme.test converts the inbox folder id to <format> and back to EwsId
      Then the <format> id differs from the EwsId and converts back to the same EwsId
      And binding to the converted-back id through impersonation of alice@acme.test gives "Inbox" with 23 items

      Examples:
        | format      |
        | HexEntryId  |
        | EntryId     |
        | StoreId     |
        | OwaId       |
        | EwsLegacyId |

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: A HexEntryId is upper-case hexadecimal
      When svc-ews@acme.test impersonating carol@globex.test converts the sentitems folder id to HexEntryId and back to EwsId
      Then the HexEntryId is upper-case hexadecimal
      And the HexEntryId id differs from the EwsId and converts back to the same EwsId

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: An item id through EntryId and back
      When bob@acme.test converts the id of the first item in the inbox folder of bob@acme.test to EntryId and back
      Then the EntryId id differs from the EwsId and converts back to the same EwsId

  Rule: the answer names the mailbox the id belongs to

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: A client learns its primary address from the root folder id
      When alice@acme.test learns its mailbox address by converting the root folder id with the placeholder mailbox "blah@blah.com"
      Then the answer names the mailbox alice@acme.test

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: Impersonating, the root folder id names the impersonated mailbox
      When svc-ews@acme.test impersonating carol@globex.test learns the mailbox address by converting the root folder id with the placeholder mailbox "someone@example.com"
      Then the answer names the mailbox carol@globex.test

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: Several ids are answered in request order, each in its own message
      When alice@acme.test converts these ids to HexEntryId:
        | format | id                                  | mailbox         |
        | EwsId  | the inbox folder id of alice@acme.test  | alice@acme.test |
        | EwsId  | not-an-id                           | alice@acme.test |
        | EwsId  | the drafts folder id of alice@acme.test | x@y.test        |
      Then the response messages have these ResponseCodes:
        | NoError                 |
        | ErrorInvalidIdMalformed |
        | NoError                 |
      And every converted id names the mailbox alice@acme.test
      And the converted ids have the format HexEntryId and the type AlternateIdType

  Rule: ids out of reach, malformed ids and bad requests are refused

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: Bob's folder id is denied to Alice
      When alice@acme.test converts these ids to EntryId:
        | format | id                                   | mailbox       |
        | EwsId  | the inbox folder id of bob@acme.test | bob@acme.test |
      Then the response messages have these ResponseCodes:
        | ErrorAccessDenied |

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: A well-formed id of a mailbox this server does not have is denied, not reported missing
      When alice@acme.test converts these ids to EwsId:
        | format      | id                                       | mailbox         |
        | EwsLegacyId | TEdDWR9mb2xkZXIfZ2hvc3RAYWNtZS50ZXN0H2Yx | ghost@acme.test |
      Then every response message has ResponseClass "Error" and ResponseCode ErrorAccessDenied

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario Outline: A malformed <format> id
      When alice@acme.test converts these ids to EwsId:
        | format   | id   | mailbox         |
        | <format> | <id> | alice@acme.test |
      Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidIdMalformed

      Examples:
        | format      | id                                           |
        | EwsId       | AAMkAGZhN2IxYTA0LWNiNzItN=                   |
        | HexEntryId  | 00000000XYZ                                  |
        | HexEntryId  | 0000000000112233445566778899AABBCCDDEEFF0166 |
        | EntryId     | AAAAAA==                                     |
        | StoreId     | %%%                                          |
        | OwaId       | RgAAAAAS2%2                                  |
        | EwsLegacyId | TGVnYWN5                                     |

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: An empty id
      When alice@acme.test converts these ids to EwsId:
        | format | id | mailbox         |
        | EwsId  |    | alice@acme.test |
      Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidIdEmpty

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: A Mailbox attribute that is not an SMTP address
      When alice@acme.test converts these ids to EwsId:
        | format | id                                     | mailbox   |
        | EwsId  | the inbox folder id of alice@acme.test | not-email |
      Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidSmtpAddress

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: ews-javascript-api reports a malformed id
      When alice@acme.test converts the EwsId "garbage" of mailbox "alice@acme.test" to HexEntryId through ews-javascript-api
      Then the client call fails with ErrorInvalidIdMalformed

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: An unknown destination format breaks the schema
      When alice@acme.test posts the SOAP body:
        """
        <m:ConvertId DestinationFormat="Base64Id"><m:SourceIds><t:AlternateId Format="EwsId" Id="AAAA" Mailbox="alice@acme.test"/></m:SourceIds></m:ConvertId>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "The value 'Base64Id' is invalid"

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: An AlternateId without its Mailbox attribute breaks the schema
      When alice@acme.test posts the SOAP body:
        """
        <m:ConvertId DestinationFormat="EwsId"><m:SourceIds><t:AlternateId Format="HexEntryId" Id="00"/></m:SourceIds></m:ConvertId>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "The required attribute 'Mailbox' is missing."

    # ConvertId arrived with Exchange 2007 SP1
    @since:Exchange2007_SP1
    Scenario: No source ids
      When alice@acme.test posts the SOAP body:
        """
        <m:ConvertId DestinationFormat="EwsId"><m:SourceIds/></m:ConvertId>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "has incomplete content"
