using System.Collections.Generic;
using System.IO;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace AzBackupTroubleshoot.Core.Tests.Reporting
{
    internal static class SchemaValidation
    {
        public static XmlSchemaSet Compile(string xsd)
        {
            var schemas = new XmlSchemaSet();
            schemas.Add(null, XmlReader.Create(new StringReader(xsd)));
            schemas.Compile();
            return schemas;
        }

        /// <summary>Every way the document breaks the schema (empty when it conforms).</summary>
        public static IReadOnlyList<string> Errors(XDocument document, XmlSchemaSet schemas)
        {
            var errors = new List<string>();
            document.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
            return errors;
        }
    }
}
