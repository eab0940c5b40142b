using System.Xml.Schema;

namespace AzBackupTroubleshoot.Core.Tests.Reporting
{
    /// <summary>
    /// The JUnit XML shape CI systems read (Ant's schema as Jenkins, Azure DevOps and GitHub reporters accept it,
    /// with the widely read skipped element and count): element and attribute names, which are required, and types.
    /// </summary>
    internal static class JUnitSchema
    {
        private const string Xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:simpleType name="count"><xs:restriction base="xs:nonNegativeInteger" /></xs:simpleType>
              <xs:simpleType name="timestamp">
                <xs:restriction base="xs:dateTime"><xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}" /></xs:restriction>
              </xs:simpleType>
              <xs:complexType name="problem">
                <xs:simpleContent>
                  <xs:extension base="xs:string">
                    <xs:attribute name="message" type="xs:string" />
                    <xs:attribute name="type" type="xs:string" use="required" />
                  </xs:extension>
                </xs:simpleContent>
              </xs:complexType>
              <xs:complexType name="skip">
                <xs:simpleContent>
                  <xs:extension base="xs:string"><xs:attribute name="message" type="xs:string" /></xs:extension>
                </xs:simpleContent>
              </xs:complexType>
              <xs:complexType name="testcase">
                <xs:choice minOccurs="0" maxOccurs="unbounded">
                  <xs:element name="skipped" type="skip" />
                  <xs:element name="error" type="problem" />
                  <xs:element name="failure" type="problem" />
                  <xs:element name="system-out" type="xs:string" />
                  <xs:element name="system-err" type="xs:string" />
                </xs:choice>
                <xs:attribute name="name" type="xs:token" use="required" />
                <xs:attribute name="classname" type="xs:token" use="required" />
                <xs:attribute name="time" type="xs:decimal" use="required" />
              </xs:complexType>
              <xs:complexType name="testsuite">
                <xs:sequence>
                  <xs:element name="properties" minOccurs="0">
                    <xs:complexType>
                      <xs:sequence>
                        <xs:element name="property" minOccurs="0" maxOccurs="unbounded">
                          <xs:complexType>
                            <xs:attribute name="name" type="xs:token" use="required" />
                            <xs:attribute name="value" type="xs:string" use="required" />
                          </xs:complexType>
                        </xs:element>
                      </xs:sequence>
                    </xs:complexType>
                  </xs:element>
                  <xs:element name="testcase" type="testcase" minOccurs="0" maxOccurs="unbounded" />
                  <xs:element name="system-out" type="xs:string" minOccurs="0" />
                  <xs:element name="system-err" type="xs:string" minOccurs="0" />
                </xs:sequence>
                <xs:attribute name="name" type="xs:token" use="required" />
                <xs:attribute name="timestamp" type="timestamp" use="required" />
                <xs:attribute name="hostname" type="xs:token" use="required" />
                <xs:attribute name="tests" type="count" use="required" />
                <xs:attribute name="failures" type="count" use="required" />
                <xs:attribute name="errors" type="count" use="required" />
                <xs:attribute name="skipped" type="count" />
                <xs:attribute name="time" type="xs:decimal" use="required" />
                <xs:attribute name="id" type="xs:int" use="required" />
                <xs:attribute name="package" type="xs:token" use="required" />
              </xs:complexType>
              <xs:element name="testsuites">
                <xs:complexType>
                  <xs:sequence><xs:element name="testsuite" type="testsuite" minOccurs="0" maxOccurs="unbounded" /></xs:sequence>
                  <xs:attribute name="name" type="xs:string" />
                  <xs:attribute name="tests" type="count" use="required" />
                  <xs:attribute name="failures" type="count" use="required" />
                  <xs:attribute name="errors" type="count" use="required" />
                  <xs:attribute name="skipped" type="count" />
                  <xs:attribute name="time" type="xs:decimal" />
                  <xs:attribute name="timestamp" type="timestamp" />
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """;

        public static readonly XmlSchemaSet Schemas = SchemaValidation.Compile(Xsd);
    }
}
