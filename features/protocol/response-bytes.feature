# The pinned bytes are an Exchange 2010 SP2 server's (its ServerVersionInfo header): in the profile
# matrix these scenarios run on that generation only.
@Exchange2010_SP2
Feature: Response bytes on the wire
  Clients parse the mock's answers with real XML parsers, some strict, so the bytes themselves
  matter: markup characters escaped, characters XML 1.0 forbids written as character references,
  empty elements written as Exchange writes them, and namespace prefixes declared where the
  response uses them. These scenarios compare whole responses byte for byte.

  Scenario: A subject with markup characters, entity-like text and control characters
    Given alice@acme.test has an Inbox message whose subject is this JSON string:
      """
      "1 < 2 & \"3\" > 'zero' &amp; &#65;\u0001\u001F\uFFFE end"
      """
    When alice@acme.test gets that message with BaseShape IdOnly and its Subject
    Then the HTTP status is 200
    And the response body is exactly:
      """
      <?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:ServerVersionInfo xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" MajorVersion="14" MinorVersion="2" MajorBuildNumber="390" MinorBuildNumber="3" Version="Exchange2010_SP2" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></s:Header><s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages><m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:ItemId Id="{ItemId}" ChangeKey="{ChangeKey}"/><t:Subject>1 &lt; 2 &amp; "3" &gt; 'zero' &amp;amp; &amp;#65;&#x1;&#x1F;&#xFFFE; end</t:Subject></t:Message></m:Items></m:GetItemResponseMessage></m:ResponseMessages></m:GetItemResponse></s:Body></s:Envelope>
      """

  Scenario: An empty subject is an open and close tag, an empty item list a self-closed tag
    Given alice@acme.test has an Inbox message whose subject is this JSON string:
      """
      ""
      """
    When alice@acme.test gets that message with BaseShape IdOnly and its Subject
    Then the response body is exactly:
      """
      <?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:ServerVersionInfo xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" MajorVersion="14" MinorVersion="2" MajorBuildNumber="390" MinorBuildNumber="3" Version="Exchange2010_SP2" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></s:Header><s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages><m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:ItemId Id="{ItemId}" ChangeKey="{ChangeKey}"/><t:Subject></t:Subject></t:Message></m:Items></m:GetItemResponseMessage></m:ResponseMessages></m:GetItemResponse></s:Body></s:Envelope>
      """
    When alice@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="junkemail"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response body is exactly:
      """
      <?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:ServerVersionInfo xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" MajorVersion="14" MinorVersion="2" MajorBuildNumber="390" MinorBuildNumber="3" Version="Exchange2010_SP2" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></s:Header><s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><m:FindItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages><m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:RootFolder TotalItemsInView="0" IncludesLastItemInRange="true"><t:Items/></m:RootFolder></m:FindItemResponseMessage></m:ResponseMessages></m:FindItemResponse></s:Body></s:Envelope>
      """

  Scenario: An Exchange 2007 server writes soap: and t: prefixes and no Version attribute
    Given the mock emulates Exchange2007_SP1
    When a client posts this request as alice@acme.test:
      """
      <?xml version="1.0" encoding="utf-8"?>
      <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
        <soap:Header><t:RequestServerVersion Version="Exchange2007_SP1"/></soap:Header>
        <soap:Body>
          <m:GetFolder>
            <m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>
            <m:FolderIds><t:FolderId Id="AAMkADk5ZjQ2ZjM1"/></m:FolderIds>
          </m:GetFolder>
        </soap:Body>
      </soap:Envelope>
      """
    Then the response body is exactly:
      """
      <?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><t:ServerVersionInfo xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" MajorVersion="8" MinorVersion="3" MajorBuildNumber="83" MinorBuildNumber="6" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></soap:Header><soap:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages><m:GetFolderResponseMessage ResponseClass="Error"><m:MessageText>Id is malformed.</m:MessageText><m:ResponseCode>ErrorInvalidIdMalformed</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse></soap:Body></soap:Envelope>
      """

  Scenario: A schema fault escapes the request's text it quotes
    When alice@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Deep &amp; &quot;wide&quot; &lt;x&gt;">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the HTTP status is 500
    And the response body is exactly:
      """
      <?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorSchemaValidation</faultcode><faultstring xml:lang="en-US">The request failed schema validation: The 'Traversal' attribute is invalid - The value 'Deep &amp; "wide" &lt;x&gt;' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:ItemQueryTraversalType' - The Enumeration constraint failed.</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorSchemaValidation</e:ResponseCode><e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The request failed schema validation.</e:Message><t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:LineNumber>1</t:LineNumber><t:Violation>The 'Traversal' attribute is invalid - The value 'Deep &amp; "wide" &lt;x&gt;' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:ItemQueryTraversalType' - The Enumeration constraint failed.</t:Violation></t:MessageXml></detail></s:Fault></s:Body></s:Envelope>
      """

  # Answers are encoded to UTF-8 in parts of about 8 KB (soap/xml-writer.ts, ByteSink).
  Scenario: A character beyond U+FFFF written in two text runs keeps its four bytes across an encoding boundary
    Given a response document whose root element t:X holds 8148 "a" characters as one text run
    When the root element gets the text runs of this JSON array:
      """
      ["\uD83D", "\uDE00 end"]
      """
    Then the document encoded as UTF-8 reads back as its text, ending in "😀 end</t:X>"

  Scenario: Attribute values escape quotes, markup, whitespace controls and forbidden characters
    When an element t:X gets the attribute Name with this JSON string value:
      """
      "a\"b'c<d>e&f&amp;g\th\ni\rj\u0000k\u000Bl"
      """
    Then the element is written as:
      """
      <t:X Name="a&quot;b'c&lt;d&gt;e&amp;f&amp;amp;g&#x9;h&#xA;i&#xD;j&#x0;k&#xB;l"/>
      """
    When the element gets the text of this JSON string:
      """
      "]]> &lt; \u0008 kept"
      """
    Then the element is written as:
      """
      <t:X Name="a&quot;b'c&lt;d&gt;e&amp;f&amp;amp;g&#x9;h&#xA;i&#xD;j&#x0;k&#xB;l">]]&gt; &amp;lt; &#x8; kept</t:X>
      """
