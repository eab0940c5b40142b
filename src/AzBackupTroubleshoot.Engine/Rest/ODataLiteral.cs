namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>String literals of the OData $filter ARM services accept: single-quoted, an inner quote doubled.</summary>
    internal static class ODataLiteral
    {
        public static string Of(string value) => "'" + value.Replace("'", "''") + "'";
    }
}
