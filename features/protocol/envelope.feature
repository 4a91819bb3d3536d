@protocol @envelope
Feature: The SOAP envelope as Exchange reads and answers it
  Clients differ in prefixes, headers and how careful they are. The mock matches elements by
  namespace URI and local name, answers every failure with a SOAP fault a client can parse (HTTP
  500, no soap:Header, faultcode/faultstring/detail with e:ResponseCode and e:Message), and refuses
  hostile XML before it can cost anything.

  Rule: prefixes and namespace declarations are the client's choice

    Scenario: Prefixes s:, a: and b: instead of soap:, m: and t:
      When alice@acme.test posts the GetFolder body for inbox with the prefixes s, a and b
      Then the HTTP status is 200
      And every response message has ResponseClass "Success" and ResponseCode NoError
      And the folder in the response is named "Inbox" with 23 items

    # the literal request asks for Exchange2010_SP2
    @since:Exchange2010_SP2
    Scenario: Default namespace declarations instead of prefixes
      When a client posts this request as alice@acme.test:
        """
        <?xml version="1.0" encoding="utf-8"?>
        <Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/">
          <Header>
            <RequestServerVersion xmlns="http://schemas.microsoft.com/exchange/services/2006/types" Version="Exchange2010_SP2"/>
          </Header>
          <Body>
            <GetFolder xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">
              <FolderShape><BaseShape xmlns="http://schemas.microsoft.com/exchange/services/2006/types">Default</BaseShape></FolderShape>
              <FolderIds><DistinguishedFolderId xmlns="http://schemas.microsoft.com/exchange/services/2006/types" Id="sentitems"/></FolderIds>
            </GetFolder>
          </Body>
        </Envelope>
        """
      Then the HTTP status is 200
      And the folder in the response is named "Sent Items" with 6 items

    Scenario: The operation in the types namespace is not an operation
      When a client posts this request as alice@acme.test:
        """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
          <soap:Body>
            <t:GetFolder/>
          </soap:Body>
        </soap:Envelope>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault's MessageXml has line 3 and the violation "has invalid child element 'GetFolder' in namespace 'http://schemas.microsoft.com/exchange/services/2006/types'"

  Rule: SOAPAction is optional, the body decides

    Scenario Outline: A FindFolder with SOAPAction <action>
      When alice@acme.test posts a shallow FindFolder under inbox with SOAPAction <action>
      Then the HTTP status is 200
      And the response lists the folders "Projects"

      Examples:
        | action                                                                            |
        | "http://schemas.microsoft.com/exchange/services/2006/messages/FindFolder"         |
        | absent                                                                            |

  Rule: only one SOAP 1.1 envelope with exactly one operation is served

    Scenario: An operation the server does not know
      When alice@acme.test posts the SOAP body:
        """
        <m:FrobnicateFolder><m:FolderIds/></m:FrobnicateFolder>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault has no soap:Header
      And the fault's MessageXml has line 1 and the violation "invalid child element 'FrobnicateFolder' in namespace 'http://schemas.microsoft.com/exchange/services/2006/messages'"

    # The code stays ErrorSchemaValidation: clients read ErrorInvalidRequest and its kin as a wrong
    # guess of the server's version and retry every other one (exchangelib tries eleven).
    Scenario Outline: An Exchange operation the mock does not emulate is named as such: <operation> on <profile>
      Given the mock emulates <profile>
      When alice@acme.test posts the SOAP body:
        """
        <m:<operation>/>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string is "The request failed schema validation: The element 'Body' in namespace 'http://schemas.xmlsoap.org/soap/envelope/' has invalid child element '<operation>' in namespace 'http://schemas.microsoft.com/exchange/services/2006/messages'. mock-ews does not emulate this EWS operation, which Exchange has since <since>; the operations it answers are listed in README.md under What it serves."

      Examples:
        | operation                  | profile          | since            |
        | GetUserAvailabilityRequest | Exchange2007     | Exchange2007     |
        | GetServerTimeZones         | Exchange2010_SP2 | Exchange2010     |
        | GetRoomLists               | Exchange2016     | Exchange2010     |

    # The fault above sends people to README.md's list; it must name every operation answered.
    Scenario: README.md names every operation the mock answers, and none it does not
      Then the section "What it serves" of README.md names every operation the mock answers and no operation it does not emulate

    Scenario Outline: An operation newer than the emulated server is an element its schema does not have: <operation> on <profile>
      Given the mock emulates <profile>
      When alice@acme.test posts the SOAP body:
        """
        <m:<operation>/>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string is "The request failed schema validation: The element 'Body' in namespace 'http://schemas.xmlsoap.org/soap/envelope/' has invalid child element '<operation>' in namespace 'http://schemas.microsoft.com/exchange/services/2006/messages'."

      Examples:
        | operation          | profile          |
        | FindConversation   | Exchange2010     |
        | GetServerTimeZones | Exchange2007_SP1 |
        | MarkAsJunk         | Exchange2010_SP2 |
        | GetUserConfiguration | Exchange2007_SP1 |
        | UploadItems        | Exchange2010     |
        | GetConversationItems | Exchange2010_SP2 |

    Scenario: Two operations in one body
      When alice@acme.test posts the SOAP body:
        """
        <m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>
        <m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="drafts"/></m:FolderIds></m:GetFolder>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "only one operation may be sent per request"

    Scenario: An empty body
      When alice@acme.test posts the SOAP body:
        """
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "has incomplete content"

    Scenario: An envelope with a header and no body
      When a client posts this request as alice@acme.test:
        """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
          <soap:Header><t:RequestServerVersion Version="Exchange2010_SP2"/></soap:Header>
        </soap:Envelope>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "missing its required child element 'Body'"

    Scenario: A SOAP 1.2 envelope
      When alice@acme.test posts this request with Content-Type "application/soap+xml; charset=utf-8":
        """
        <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
          <env:Body><m:GetFolder/></env:Body>
        </env:Envelope>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "accepts SOAP 1.1 envelopes only"

  Rule: malformed and hostile XML is refused with a schema fault that says where

    Scenario: A body that is not XML
      When a client posts this request as alice@acme.test:
        """
        GetFolder inbox please
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault's MessageXml has line 1 and the violation "is not expected"

    Scenario: A truncated request
      When a client posts this request as alice@acme.test:
        """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
          <soap:Body>
            <m:GetFolder>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault's MessageXml has line 3 and the violation "The following elements are not closed: soap:Envelope, soap:Body, m:GetFolder."

    Scenario: An external entity (XXE) is never resolved
      When a client posts this request as alice@acme.test:
        """
        <?xml version="1.0"?>
        <!DOCTYPE soap:Envelope [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
          <soap:Body><m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>&secret;</m:UnresolvedEntry></m:ResolveNames></soap:Body>
        </soap:Envelope>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault's MessageXml has line 2 and the violation "DTD is prohibited"
      And the response body does not contain "root:"

    Scenario: Billion laughs
      When a client posts this request as alice@acme.test:
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        ]>
        <lolz>&lol3;</lolz>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "DTD is prohibited"

    Scenario: A reference to an entity nobody declared
      When alice@acme.test posts the SOAP body:
        """
        <m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>&nbsp;alice</m:UnresolvedEntry></m:ResolveNames>
        """
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "Reference to undeclared entity 'nbsp'."

    Scenario: Nesting far deeper than any EWS request
      When alice@acme.test posts an envelope whose body nests 1000 elements deep
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "exceeds the maximum element depth of 256"

    Scenario: Bytes that are not UTF-8
      When alice@acme.test posts a GetFolder request containing the bytes FF FE in a text node
      Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
      And the fault string contains "Invalid character in the given encoding."

    Scenario: A UTF-8 byte-order mark before the XML declaration is not part of the document
      When alice@acme.test posts a GetFolder request that starts with a UTF-8 byte-order mark
      Then the HTTP status is 200
      And the folder in the response is named "Inbox" with 23 items

  Rule: HTTP-level refusals still carry a SOAP fault a client can parse

    Scenario: A Content-Type that is not XML
      When alice@acme.test posts this request with Content-Type "application/json":
        """
        {"GetFolder": "inbox"}
        """
      Then the HTTP status is 415
      And the body is a SOAP fault with ResponseCode ErrorInvalidRequest
      And the fault string contains "was not the expected type 'text/xml; charset=utf-8'"

    Scenario: GET on the endpoint
      When alice@acme.test sends a GET to the EWS endpoint
      Then the HTTP status is 405
      And the response header "Allow" is "POST"
      And the body is a SOAP fault with ResponseCode ErrorInvalidRequest

    Scenario: A request body over the server's limit
      Given the mock accepts request bodies up to 4096 bytes
      When alice@acme.test posts a GetFolder request padded to 5000 bytes
      Then the HTTP status is 413
      And the body is a SOAP fault with ResponseCode ErrorInvalidRequest
      And the fault string contains "larger than the server accepts"

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario: ews-javascript-api facing the limit reports the HTTP status
      Given the mock accepts request bodies up to 300 bytes
      When "alice@acme.test" with password "Passw0rd!" binds to the inbox folder through ews-javascript-api
      Then the client call fails with HTTP status 413

    Scenario: A request body just under the limit is served
      Given the mock accepts request bodies up to 4096 bytes
      When alice@acme.test posts a GetFolder request padded to 4000 bytes
      Then the HTTP status is 200
      And the folder in the response is named "Inbox" with 23 items

  Rule: the endpoint path is matched case-insensitively, as IIS does

    Scenario Outline: GetFolder at <path>
      When alice@acme.test posts the GetFolder body for inbox to the path "<path>"
      Then the HTTP status is 200
      And the folder in the response is named "Inbox" with 23 items

      Examples:
        | path                       |
        | /EWS/Exchange.asmx         |
        | /ews/exchange.asmx         |
        | /EWS/EXCHANGE.ASMX         |
        | /EWS/Exchange.asmx?trace=1 |

  Rule: a body sent in chunks (Transfer-Encoding: chunked, no Content-Length) is read like any other

    Scenario: A chunked GetFolder request is served
      When alice@acme.test posts the GetFolder body for inbox in chunks, without a Content-Length
      Then the HTTP status is 200
      And the folder in the response is named "Inbox" with 23 items
      And the journal shows the request arrived chunked, without a Content-Length

  Rule: successful answers carry ServerVersionInfo; faults carry no header

    @Exchange2010_SP2
    Scenario: A success has ServerVersionInfo and the real namespaces
      When alice@acme.test posts the GetFolder body for inbox with the prefixes soap, m and t
      Then the response header has ServerVersionInfo with MajorVersion 14 and Version "Exchange2010_SP2"
      And the response body declares the namespace "http://schemas.microsoft.com/exchange/services/2006/messages"
