@protocol @versions
Feature: RequestServerVersion decides the schema a request is served at
  The header appeared in Exchange 2007 SP1: a request without it is served as Exchange 2007 RTM.
  A version the server does not know, or newer than its own, is refused with the fault its
  generation sends; clients that probe walk down their list on it.

  @Exchange2010_SP2
  Scenario: Without RequestServerVersion a request is served as Exchange 2007 RTM
    When alice@acme.test posts a GetFolder for inbox without RequestServerVersion
    Then the HTTP status is 200
    And the folder in the response is named "Inbox" with 23 items
    And the response header has ServerVersionInfo with MajorVersion 14 and Version "Exchange2010_SP2"

  # asks for Exchange2010, which the server must know
  @since:Exchange2010
  Scenario: An Exchange 2007 RTM request gets no ConversationId, which arrived with Exchange 2010
    When alice@acme.test gets the newest item of the inbox folder with AllProperties without RequestServerVersion
    Then the item in the response is "Signed contract" without a ConversationId
    When alice@acme.test gets the newest item of the inbox folder with AllProperties and RequestServerVersion "Exchange2010"
    Then the item in the response is "Signed contract" with a ConversationId

  # a server that has ConvertId (2007 SP1 on) refuses it to a request asking for an older schema
  @since:Exchange2007_SP1
  Scenario: ConvertId, new in Exchange 2007 SP1, is refused to an Exchange 2007 RTM request
    When alice@acme.test converts the EwsId of her inbox to HexEntryId without RequestServerVersion
    Then the response is a SOAP fault with ResponseCode ErrorIncorrectSchemaVersion
    And the fault has no soap:Header

  # an Exchange 2007 RTM server's own schema has no ConvertId element at all
  Scenario: An Exchange 2007 RTM server does not know ConvertId
    Given the mock emulates Exchange2007
    When alice@acme.test converts the EwsId of her inbox to HexEntryId without RequestServerVersion
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "has invalid child element 'ConvertId' in namespace"

  # asks for Exchange2007_SP1, which the server must know
  @since:Exchange2007_SP1
  Scenario: The same ConvertId asking for Exchange2007_SP1 is served
    When alice@acme.test converts the EwsId of her inbox to HexEntryId with RequestServerVersion "Exchange2007_SP1"
    Then every response message has ResponseClass "Success" and ResponseCode NoError

  Scenario Outline: Every version up to the server's own is accepted: <version>
    When alice@acme.test posts a GetFolder for inbox with RequestServerVersion "<version>"
    Then the folder in the response is named "Inbox" with 23 items

    Examples:
      | version      |
      | Exchange2007 |

    # a server accepts no version newer than its own
    @since:Exchange2007_SP1
    Examples:
      | version          |
      | Exchange2007_SP1 |

    # a server accepts no version newer than its own
    @since:Exchange2010
    Examples:
      | version      |
      | Exchange2010 |

    # a server accepts no version newer than its own
    @since:Exchange2010_SP1
    Examples:
      | version          |
      | Exchange2010_SP1 |

    # a server accepts no version newer than its own
    @since:Exchange2010_SP2
    Examples:
      | version          |
      | Exchange2010_SP2 |

  @Exchange2010_SP2
  Scenario Outline: A version newer than the server, or unknown: <version>
    When alice@acme.test posts a GetFolder for inbox with RequestServerVersion "<version>"
    Then the response is a SOAP fault with ResponseCode ErrorInvalidServerVersion
    And the fault message is "The specified server version is invalid."

    Examples:
      | version          |
      | Exchange2013     |
      | Exchange2013_SP1 |
      | V2018_01_08      |
      | Exchange2099     |
      | exchange2010_sp2 |
      | 14.2             |

  Scenario: Exchange 2019 answers an unknown version name with ErrorInvalidRequest
    Given the mock emulates Exchange2019
    When alice@acme.test posts a GetFolder for inbox with RequestServerVersion "Exchange2099"
    Then the response is a SOAP fault with ResponseCode ErrorInvalidRequest

  Scenario: RequestServerVersion without its Version attribute breaks the schema
    When alice@acme.test posts a GetFolder for inbox with a RequestServerVersion that has no Version attribute
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "The required attribute 'Version' is missing."

  @Exchange2010_SP2
  Scenario: ews-javascript-api asking an Exchange 2010 SP2 server for Exchange2013
    When alice@acme.test binds to the inbox folder through ews-javascript-api asking for Exchange2013
    Then the client call fails with ErrorInvalidServerVersion

  # asks for Exchange2010, which the server must know
  @since:Exchange2010
  Scenario: ews-javascript-api asking for Exchange2010 is served
    When alice@acme.test binds to the inbox folder through ews-javascript-api asking for Exchange2010
    Then the folder is "Inbox" with 23 items

  @Exchange2010_SP2
  Scenario: A client probing versions newest first settles on the server's own
    When alice@acme.test probes the server with ConvertId from these versions, newest first:
      | V2018_01_08      |
      | Exchange2016     |
      | Exchange2013_SP1 |
      | Exchange2013     |
      | Exchange2010_SP2 |
      | Exchange2010_SP1 |
    Then the first version the server accepts is "Exchange2010_SP2"
    And the versions refused before it answered ErrorInvalidServerVersion
