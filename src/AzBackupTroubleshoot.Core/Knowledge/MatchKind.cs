namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>How an error was recognised.</summary>
    public enum MatchKind
    {
        /// <summary>The textual code (UserError…) is in the knowledge base.</summary>
        TextCode,
        /// <summary>The numeric code is in the knowledge base.</summary>
        NumericCode,
        /// <summary>A known textual code appears inside the message.</summary>
        CodeInMessage,
        /// <summary>The message matches a documented message.</summary>
        Message,
    }
}
