using System.Xml.Schema;

namespace AzBackupTroubleshoot.Core.Tests.Reporting
{
    /// <summary>
    /// The NUnit 3 result shape (test-run / test-suite / test-case) that Azure DevOps' NUnit reader and NUnit's own
    /// tools read, restricted to the elements a readiness report uses.
    /// </summary>
    internal static class NUnitSchema
    {
        private const string Xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:simpleType name="count"><xs:restriction base="xs:nonNegativeInteger" /></xs:simpleType>
              <xs:simpleType name="time">
                <xs:restriction base="xs:string"><xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}Z" /></xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="result">
                <xs:restriction base="xs:string">
                  <xs:enumeration value="Passed" /><xs:enumeration value="Failed" /><xs:enumeration value="Skipped" />
                  <xs:enumeration value="Inconclusive" /><xs:enumeration value="Warning" />
                </xs:restriction>
              </xs:simpleType>
              <xs:attributeGroup name="timing">
                <xs:attribute name="start-time" type="time" use="required" />
                <xs:attribute name="end-time" type="time" use="required" />
                <xs:attribute name="duration" type="xs:decimal" use="required" />
              </xs:attributeGroup>
              <xs:attributeGroup name="counts">
                <xs:attribute name="testcasecount" type="count" use="required" />
                <xs:attribute name="result" type="result" use="required" />
                <xs:attribute name="total" type="count" use="required" />
                <xs:attribute name="passed" type="count" use="required" />
                <xs:attribute name="failed" type="count" use="required" />
                <xs:attribute name="warnings" type="count" />
                <xs:attribute name="inconclusive" type="count" use="required" />
                <xs:attribute name="skipped" type="count" use="required" />
                <xs:attribute name="asserts" type="count" use="required" />
                <xs:attributeGroup ref="timing" />
              </xs:attributeGroup>
              <xs:complexType name="properties">
                <xs:sequence>
                  <xs:element name="property" minOccurs="0" maxOccurs="unbounded">
                    <xs:complexType>
                      <xs:attribute name="name" type="xs:string" use="required" />
                      <xs:attribute name="value" type="xs:string" use="required" />
                    </xs:complexType>
                  </xs:element>
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="message">
                <xs:sequence>
                  <xs:element name="message" type="xs:string" />
                  <xs:element name="stack-trace" type="xs:string" minOccurs="0" />
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="test-case">
                <xs:sequence>
                  <xs:element name="properties" type="properties" minOccurs="0" />
                  <xs:choice minOccurs="0">
                    <xs:element name="failure" type="message" />
                    <xs:element name="reason" type="message" />
                  </xs:choice>
                  <xs:element name="output" type="xs:string" minOccurs="0" />
                </xs:sequence>
                <xs:attribute name="id" type="xs:string" use="required" />
                <xs:attribute name="name" type="xs:string" use="required" />
                <xs:attribute name="fullname" type="xs:string" use="required" />
                <xs:attribute name="methodname" type="xs:string" />
                <xs:attribute name="classname" type="xs:string" />
                <xs:attribute name="runstate" type="xs:string" use="required" />
                <xs:attribute name="seed" type="xs:int" />
                <xs:attribute name="result" type="result" use="required" />
                <xs:attribute name="label" type="xs:string" />
                <xs:attribute name="asserts" type="count" />
                <xs:attributeGroup ref="timing" />
              </xs:complexType>
              <xs:complexType name="test-suite">
                <xs:sequence>
                  <xs:element name="properties" type="properties" minOccurs="0" />
                  <xs:choice minOccurs="0" maxOccurs="unbounded">
                    <xs:element name="test-suite" type="test-suite" />
                    <xs:element name="test-case" type="test-case" />
                  </xs:choice>
                </xs:sequence>
                <xs:attribute name="type" use="required">
                  <xs:simpleType>
                    <xs:restriction base="xs:string">
                      <xs:enumeration value="Assembly" /><xs:enumeration value="TestSuite" /><xs:enumeration value="TestFixture" />
                      <xs:enumeration value="ParameterizedFixture" /><xs:enumeration value="ParameterizedMethod" /><xs:enumeration value="Theory" />
                      <xs:enumeration value="SetUpFixture" /><xs:enumeration value="GenericFixture" />
                    </xs:restriction>
                  </xs:simpleType>
                </xs:attribute>
                <xs:attribute name="id" type="xs:string" use="required" />
                <xs:attribute name="name" type="xs:string" use="required" />
                <xs:attribute name="fullname" type="xs:string" use="required" />
                <xs:attribute name="classname" type="xs:string" />
                <xs:attribute name="runstate" type="xs:string" use="required" />
                <xs:attributeGroup ref="counts" />
              </xs:complexType>
              <xs:element name="test-run">
                <xs:complexType>
                  <xs:sequence><xs:element name="test-suite" type="test-suite" minOccurs="0" maxOccurs="unbounded" /></xs:sequence>
                  <xs:attribute name="id" type="xs:string" use="required" />
                  <xs:attribute name="name" type="xs:string" />
                  <xs:attribute name="fullname" type="xs:string" />
                  <xs:attributeGroup ref="counts" />
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """;

        public static readonly XmlSchemaSet Schemas = SchemaValidation.Compile(Xsd);
    }
}
