@profiles
Feature: Every Exchange generation answers with its own version, envelope and schema
  A client reads the server's generation from ServerVersionInfo, walks down its version list on a
  version error, and must only use request elements its requested schema version has. Each row of
  an Examples table runs the same scenario against one emulated generation (see docs/PROFILES.md).

  Scenario Outline: <profile> identifies itself in ServerVersionInfo
    Given the mock emulates <profile>
    When alice@acme.test posts a GetFolder for inbox without RequestServerVersion
    Then the response envelope uses the prefixes <soap> and <header> and ServerVersionInfo "<build>" with Version "<version>"

    @Exchange2007 @Exchange2007_SP1
    Examples: Exchange 2007 writes soap: and t:, and no Version attribute
      | profile          | soap | header | build       | version |
      | Exchange2007     | soap | t      | 8.0.685.8   | none    |
      | Exchange2007_SP1 | soap | t      | 8.3.83.6    | none    |

    @Exchange2010 @Exchange2010_SP1 @Exchange2010_SP2 @Exchange2013 @Exchange2013_SP1
    Examples: Exchange 2010 and 2013
      | profile          | soap | header | build          | version          |
      | Exchange2010     | s    | h      | 14.0.639.21    | Exchange2010     |
      | Exchange2010_SP1 | s    | h      | 14.1.164.0     | Exchange2010_SP1 |
      | Exchange2010_SP2 | s    | h      | 14.2.390.3     | Exchange2010_SP2 |
      | Exchange2013     | s    | h      | 15.0.516.32    | Exchange2013     |
      | Exchange2013_SP1 | s    | h      | 15.0.847.32    | V2_6             |

    @Exchange2016 @Exchange2019 @ExchangeOnline
    Examples: Exchange 2016, 2019 and Online
      | profile        | soap | header | build          | version     |
      | Exchange2016   | s    | h      | 15.1.302.0     | V2_68       |
      | Exchange2019   | s    | h      | 15.2.1544.4    | V2017_07_11 |

  Scenario Outline: <profile> accepts its own schema and refuses a newer one with <code>
    Given the mock emulates <profile>
    When alice@acme.test posts a GetFolder for inbox with RequestServerVersion "<newest>"
    Then the folder in the answer is named "Inbox"
    When alice@acme.test posts a GetFolder for inbox with RequestServerVersion "<newer>"
    Then the response is a SOAP fault with ResponseCode <code>

    Examples:
      | profile          | newest           | newer            | code                      |
      | Exchange2007_SP1 | Exchange2007_SP1 | Exchange2010     | ErrorInvalidServerVersion |
      | Exchange2010     | Exchange2010     | Exchange2010_SP1 | ErrorInvalidServerVersion |
      | Exchange2010_SP1 | Exchange2010_SP1 | Exchange2010_SP2 | ErrorInvalidServerVersion |
      | Exchange2010_SP2 | Exchange2010_SP2 | Exchange2013     | ErrorInvalidServerVersion |
      | Exchange2013     | Exchange2013     | Exchange2013_SP1 | ErrorInvalidServerVersion |
      | Exchange2013_SP1 | Exchange2013_SP1 | Exchange2016     | ErrorInvalidServerVersion |
      | Exchange2016     | V2015_10_05      | V2016_01_06      | ErrorInvalidServerVersion |
      | Exchange2019     | V2017_07_11      | V2018_01_08      | ErrorInvalidServerVersion |

  Scenario Outline: An unknown version name gets ErrorInvalidRequest from 2019 and ErrorInvalidServerVersion elsewhere (<profile>)
    Given the mock emulates <profile>
    When alice@acme.test posts a GetFolder for inbox with RequestServerVersion "Exchange2019"
    Then the response is a SOAP fault with ResponseCode <code>

    Examples:
      | profile          | code                      |
      | Exchange2010_SP2 | ErrorInvalidServerVersion |
      | Exchange2016     | ErrorInvalidServerVersion |
      | Exchange2019     | ErrorInvalidRequest       |

  Scenario Outline: A client probing versions newest first settles on <first> against <profile>
    Given the mock emulates <profile>
    When alice@acme.test probes the server with ConvertId from these versions, newest first:
      | Exchange2016     |
      | Exchange2013_SP1 |
      | Exchange2013     |
      | Exchange2010_SP2 |
      | Exchange2010_SP1 |
      | Exchange2010     |
      | Exchange2007_SP1 |
    Then the first version the server accepts is "<first>"

    Examples:
      | profile          | first            |
      | Exchange2007_SP1 | Exchange2007_SP1 |
      | Exchange2010     | Exchange2010     |
      | Exchange2013     | Exchange2013     |
      | Exchange2016     | Exchange2016     |

  Scenario Outline: SmtpAddress in ConnectingSID exists from the Exchange 2010 schema on (<profile>, asking for <asked>)
    Given the mock emulates <profile>
    When svc-ews@acme.test impersonates alice@acme.test by SmtpAddress asking for <asked> and gets the inbox folder
    Then the response is a SOAP fault with ResponseCode <code>

    Examples:
      | profile          | asked            | code                        |
      | Exchange2007_SP1 | Exchange2007_SP1 | ErrorSchemaValidation       |
      | Exchange2010_SP2 | Exchange2007_SP1 | ErrorIncorrectSchemaVersion |

  Scenario: PrimarySmtpAddress serves Exchange 2007 SP1 requests on every later server
    Given the mock emulates Exchange2013
    When svc-ews@acme.test impersonates alice@acme.test by PrimarySmtpAddress asking for Exchange2007_SP1 and gets the inbox folder
    Then the folder in the answer is named "Inbox"

  Scenario Outline: The DateTimePrecision header needs Exchange 2010 SP2 (<profile>, asking for <asked>)
    Given the mock emulates <profile>
    When alice@acme.test posts a GetFolder for inbox with RequestServerVersion <asked> and the SOAP header:
      """
      <t:DateTimePrecision>Milliseconds</t:DateTimePrecision>
      """
    Then <outcome>

    Examples:
      | profile          | asked            | outcome                                                                  |
      | Exchange2010_SP2 | Exchange2010_SP2 | the folder in the answer is named "Inbox"                                |
      | Exchange2013     | Exchange2010_SP1 | the response is a SOAP fault with ResponseCode ErrorIncorrectSchemaVersion |
      | Exchange2010_SP1 | Exchange2010_SP1 | the folder in the answer is named "Inbox"                                |

  Scenario: A DateTimePrecision outside its enumeration fails schema validation
    Given the mock emulates Exchange2016
    When alice@acme.test posts a GetFolder for inbox with RequestServerVersion Exchange2016 and the SOAP header:
      """
      <t:DateTimePrecision>Nanoseconds</t:DateTimePrecision>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "DateTimePrecisionType"

  Scenario Outline: SyncScope in SyncFolderItems needs the Exchange 2010 schema (<profile>, asking for <asked>)
    Given the mock emulates <profile>
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion <asked> the SOAP body:
      """
      <m:SyncFolderItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>
        <m:MaxChangesReturned>5</m:MaxChangesReturned>
        <m:SyncScope>NormalItems</m:SyncScope>
      </m:SyncFolderItems>
      """
    Then the response is a SOAP fault with ResponseCode <code>

    Examples:
      | profile          | asked            | code                        |
      | Exchange2007_SP1 | Exchange2007_SP1 | ErrorSchemaValidation       |
      | Exchange2013     | Exchange2007_SP1 | ErrorIncorrectSchemaVersion |

  Scenario Outline: AQS QueryString in FindItem needs the Exchange 2010 schema (<profile>, asking for <asked>)
    Given the mock emulates <profile>
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion <asked> the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
        <m:QueryString>subject:contract</m:QueryString>
      </m:FindItem>
      """
    Then the response is a SOAP fault with ResponseCode <code>

    Examples:
      | profile          | asked            | code                        |
      | Exchange2007_SP1 | Exchange2007_SP1 | ErrorSchemaValidation       |
      | Exchange2010_SP2 | Exchange2007_SP1 | ErrorIncorrectSchemaVersion |
