namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>How an error was recognised, most specific first.</summary>
    public enum MatchKind
    {
        /// <summary>The textual code (UserError…) is in the knowledge base.</summary>
        TextCode,
        /// <summary>The numeric code is in the knowledge base.</summary>
        NumericCode,
        /// <summary>A known textual code appears inside the message.</summary>
        CodeInMessage,
        /// <summary>The message holds every significant word of a documented message, in order.</summary>
        Message,
        /// <summary>The message holds most, not all, of the significant words of a documented message.</summary>
        PartialMessage,
    }
}
