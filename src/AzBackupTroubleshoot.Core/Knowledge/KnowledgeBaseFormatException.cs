using System;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>The embedded knowledge base is malformed: a build defect, never a user error.</summary>
    public sealed class KnowledgeBaseFormatException : Exception
    {
        public KnowledgeBaseFormatException(string message)
            : base(message)
        {
        }

        public KnowledgeBaseFormatException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
