@protocol @UserConfiguration
Feature: User configuration objects (Create/Get/Update/DeleteUserConfiguration)
  Applications keep settings on a folder under a name — OWA's options, the category list, an
  add-in's state — as a typed dictionary, an XML stream and a binary stream (Exchange 2010 on).
  Values are checked against their types and kept in canonical form; a bad one saves nothing.

  Background:
    Given the mock emulates Exchange2016
    And svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateUserConfiguration>
        <m:UserConfiguration>
          <t:UserConfigurationName Name="CRM.Settings"><t:DistinguishedFolderId Id="inbox"/></t:UserConfigurationName>
          <t:Dictionary>
            <t:DictionaryEntry>
              <t:DictionaryKey><t:Type>String</t:Type><t:Value>Theme</t:Value></t:DictionaryKey>
              <t:DictionaryValue><t:Type>String</t:Type><t:Value>dark</t:Value></t:DictionaryValue>
            </t:DictionaryEntry>
            <t:DictionaryEntry>
              <t:DictionaryKey><t:Type>Integer32</t:Type><t:Value>+7</t:Value></t:DictionaryKey>
              <t:DictionaryValue><t:Type>Boolean</t:Type><t:Value>1</t:Value></t:DictionaryValue>
            </t:DictionaryEntry>
            <t:DictionaryEntry>
              <t:DictionaryKey><t:Type>String</t:Type><t:Value>Since</t:Value></t:DictionaryKey>
              <t:DictionaryValue><t:Type>DateTime</t:Type><t:Value>2026-11-28T10:00:00.000+01:00</t:Value></t:DictionaryValue>
            </t:DictionaryEntry>
            <t:DictionaryEntry>
              <t:DictionaryKey><t:Type>String</t:Type><t:Value>Folders</t:Value></t:DictionaryKey>
              <t:DictionaryValue><t:Type>StringArray</t:Type><t:Value>Inbox</t:Value><t:Value>Sent Items</t:Value></t:DictionaryValue>
            </t:DictionaryEntry>
            <t:DictionaryEntry>
              <t:DictionaryKey><t:Type>String</t:Type><t:Value>Nothing</t:Value></t:DictionaryKey>
            </t:DictionaryEntry>
          </t:Dictionary>
          <t:XmlData>PFNldHRpbmdzLz4=</t:XmlData>
          <t:BinaryData>AAEC</t:BinaryData>
        </m:UserConfiguration>
      </m:CreateUserConfiguration>
      """
    And every response message has ResponseClass "Success" and ResponseCode NoError

  Scenario: What was kept comes back, values in canonical form
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetUserConfiguration>
        <m:UserConfigurationName Name="crm.settings"><t:DistinguishedFolderId Id="inbox"/></m:UserConfigurationName>
        <m:UserConfigurationProperties>All</m:UserConfigurationProperties>
      </m:GetUserConfiguration>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the user configuration answered is named "crm.settings", as asked
    And the user configuration answered has ItemId,Dictionary,XmlData,BinaryData
    And the user configuration answered holds the entries:
      | String    | Theme   | String      | dark                 |
      | Integer32 | 7       | Boolean     | true                 |
      | String    | Since   | DateTime    | 2026-11-28T09:00:00Z |
      | String    | Folders | StringArray | Inbox \| Sent Items  |
      | String    | Nothing | -           | -                    |
    And the user configuration answered has the XML "<Settings/>" and the bytes "0 1 2"

  Scenario Outline: Only the parts asked for are answered: <asked>
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetUserConfiguration>
        <m:UserConfigurationName Name="CRM.Settings"><t:DistinguishedFolderId Id="inbox"/></m:UserConfigurationName>
        <m:UserConfigurationProperties><asked></m:UserConfigurationProperties>
      </m:GetUserConfiguration>
      """
    Then the user configuration answered has <parts>

    Examples:
      | asked              | parts              |
      | Id                 | ItemId             |
      | Dictionary XmlData | Dictionary,XmlData |
      | BinaryData         | BinaryData         |

  Scenario: An update's dictionary replaces the old one whole; a null value maps its key to nothing; parts left out stay
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateUserConfiguration>
        <m:UserConfiguration>
          <t:UserConfigurationName Name="CRM.Settings"><t:DistinguishedFolderId Id="inbox"/></t:UserConfigurationName>
          <t:Dictionary>
            <t:DictionaryEntry>
              <t:DictionaryKey><t:Type>String</t:Type><t:Value>Theme</t:Value></t:DictionaryKey>
              <t:DictionaryValue><t:Type>String</t:Type><t:Value>light</t:Value></t:DictionaryValue>
            </t:DictionaryEntry>
            <t:DictionaryEntry>
              <t:DictionaryKey><t:Type>String</t:Type><t:Value>Limit</t:Value></t:DictionaryKey>
              <t:DictionaryValue><t:Type>UnsignedInteger64</t:Type><t:Value>18446744073709551615</t:Value></t:DictionaryValue>
            </t:DictionaryEntry>
            <t:DictionaryEntry>
              <t:DictionaryKey><t:Type>String</t:Type><t:Value>Cleared</t:Value></t:DictionaryKey>
              <t:DictionaryValue xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>
            </t:DictionaryEntry>
          </t:Dictionary>
        </m:UserConfiguration>
      </m:UpdateUserConfiguration>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetUserConfiguration>
        <m:UserConfigurationName Name="CRM.Settings"><t:DistinguishedFolderId Id="inbox"/></m:UserConfigurationName>
        <m:UserConfigurationProperties>Dictionary XmlData BinaryData</m:UserConfigurationProperties>
      </m:GetUserConfiguration>
      """
    Then the user configuration answered holds the entries:
      | String    | Theme   | String            | light                |
      | String    | Limit   | UnsignedInteger64 | 18446744073709551615 |
      | String    | Cleared | -                 | -                    |
    And the user configuration answered has the XML "<Settings/>" and the bytes "0 1 2"

  Scenario: Deleted, it is gone, and deleting it again is ErrorItemNotFound
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:DeleteUserConfiguration><m:UserConfigurationName Name="CRM.Settings"><t:DistinguishedFolderId Id="inbox"/></m:UserConfigurationName></m:DeleteUserConfiguration>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:DeleteUserConfiguration><m:UserConfigurationName Name="CRM.Settings"><t:DistinguishedFolderId Id="inbox"/></m:UserConfigurationName></m:DeleteUserConfiguration>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorItemNotFound

  Scenario Outline: A request the configuration cannot take fails for its message and changes nothing: <case>
    Given the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:<operation>UserConfiguration>
        <m:UserConfiguration>
          <t:UserConfigurationName Name="<name>"><t:DistinguishedFolderId Id="inbox"/></t:UserConfigurationName>
          <extra>
          <t:Dictionary><t:DictionaryEntry><t:DictionaryKey><t:Type><type></t:Type><value></t:DictionaryKey></t:DictionaryEntry><duplicate></t:Dictionary>
        </m:UserConfiguration>
      </m:<operation>UserConfiguration>
      """
    Then every response message has ResponseClass "Error" and ResponseCode <code>
    And the store digest is still "before"

    Examples:
      | case                             | operation | name          | extra                        | type        | value                                | duplicate | code                         |
      | a name that exists               | Create    | crm.SETTINGS  |                              | String      | <t:Value>A</t:Value>                 |           | ErrorItemSave                |
      | a name that does not exist       | Update    | Other         |                              | String      | <t:Value>A</t:Value>                 |           | ErrorItemNotFound            |
      | an ItemId given                  | Create    | Other         | <t:ItemId Id="AAMkAG=="/>    | String      | <t:Value>A</t:Value>                 |           | ErrorInvalidOperation        |
      | a key twice                      | Create    | Other         |                              | String      | <t:Value>A</t:Value>                 | <t:DictionaryEntry><t:DictionaryKey><t:Type>String</t:Type><t:Value>A</t:Value></t:DictionaryKey></t:DictionaryEntry> | ErrorInvalidValueForProperty |
      | a number out of range            | Update    | CRM.Settings  |                              | Byte        | <t:Value>256</t:Value>               |           | ErrorInvalidValueForProperty |
      | not a date                       | Update    | CRM.Settings  |                              | DateTime    | <t:Value>tomorrow</t:Value>          |           | ErrorInvalidValueForProperty |
      | two values for a single type     | Update    | CRM.Settings  |                              | String      | <t:Value>A</t:Value><t:Value>B</t:Value> |       | ErrorInvalidValueForProperty |
      | no value                         | Update    | CRM.Settings  |                              | Boolean     |                                      |           | ErrorInvalidValueForProperty |

  Scenario Outline: A malformed request fails schema validation: <case>
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <body>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"

    Examples:
      | case                | body                                                                                                                                                                 | message |
      | no name             | <m:GetUserConfiguration><m:UserConfigurationName><t:DistinguishedFolderId Id="inbox"/></m:UserConfigurationName><m:UserConfigurationProperties>All</m:UserConfigurationProperties></m:GetUserConfiguration> | The required attribute 'Name' is missing. |
      | no folder           | <m:DeleteUserConfiguration><m:UserConfigurationName Name="X"/></m:DeleteUserConfiguration>                                                                            | List of possible elements expected: 'FolderId' |
      | an unknown part     | <m:GetUserConfiguration><m:UserConfigurationName Name="X"><t:DistinguishedFolderId Id="inbox"/></m:UserConfigurationName><m:UserConfigurationProperties>Everything</m:UserConfigurationProperties></m:GetUserConfiguration> | The value 'Everything' is invalid according to its datatype |
      | an unknown type     | <m:CreateUserConfiguration><m:UserConfiguration><t:UserConfigurationName Name="X"><t:DistinguishedFolderId Id="inbox"/></t:UserConfigurationName><t:Dictionary><t:DictionaryEntry><t:DictionaryKey><t:Type>Double</t:Type><t:Value>1.5</t:Value></t:DictionaryKey></t:DictionaryEntry></t:Dictionary></m:UserConfiguration></m:CreateUserConfiguration> | The value 'Double' is invalid according to its datatype |
      | binary not base64   | <m:CreateUserConfiguration><m:UserConfiguration><t:UserConfigurationName Name="X"><t:DistinguishedFolderId Id="inbox"/></t:UserConfigurationName><t:BinaryData>@@@</t:BinaryData></m:UserConfiguration></m:CreateUserConfiguration> | is not a valid Base64 value |
