namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>Why something could not be read; each kind has one error id.</summary>
    public enum ReadProblemKind
    {
        /// <summary>The caller lacks a permission (403).</summary>
        Refused,

        /// <summary>It does not exist (404).</summary>
        NotFound,

        /// <summary>Azure kept throttling past the retry budget (429).</summary>
        Throttled,

        /// <summary>Any other failure: a server error, an answer that is not ARM's, a broken connection.</summary>
        Unreadable,
    }
}
